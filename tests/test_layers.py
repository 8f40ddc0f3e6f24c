"""The layer rules of ../shared/design/architecture.md, held by importing each layer in a fresh
interpreter with the forbidden modules blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

BLOCKER = """
import importlib, importlib.abc, pkgutil, sys
blocked = {blocked!r}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ImportError(f"layer rule: {{name}} must not be imported here")
        return None
sys.meta_path.insert(0, Block())
pkg = importlib.import_module({package!r})
for mod in pkgutil.walk_packages(pkg.__path__, {package!r} + "."):
    importlib.import_module(mod.name)
print("ok")
"""


def modules(package: str) -> list[str]:
    folder = ROOT / package.replace(".", "/")
    return [m.name for m in pkgutil.walk_packages([str(folder)], package + ".")]


@pytest.mark.parametrize("package, blocked", [
    ("backend_client", ["PySide6", "shiboken6", "qasync", "pyqtgraph", "vlc", "desktop",
                        "widgets"]),
    ("widgets", ["desktop", "httpx", "sqlalchemy", "uvicorn", "starlette"]),
    # The state is Qt-free (testable without a display), and so are the services feeding it.
    ("desktop.state", ["PySide6", "shiboken6", "qasync", "pyqtgraph", "vlc", "widgets"]),
    ("desktop.services", ["PySide6", "shiboken6", "qasync", "pyqtgraph", "vlc", "widgets"]),
])
def test_layer_imports(package, blocked):
    code = BLOCKER.format(blocked=set(blocked), package=package)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_backend_client_has_modules():
    # The rule above must have something to check.
    assert len(modules("backend_client")) > 10
