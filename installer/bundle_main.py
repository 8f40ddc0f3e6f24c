"""The packaged workstation's entry point (PyInstaller's script; not used from a checkout).

``ccw [options]`` starts the workstation. ``ccw -m MODULE [args]`` runs one of the bundle's
own modules the way ``python -m`` would: the workstation starts its helper processes that way
(the demo's reference server, its libVLC stream child) with ``sys.executable``, which in the
bundle is this program, not a Python interpreter.
"""

from __future__ import annotations

import runpy
import sys


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "-m":
        module = sys.argv[2]
        sys.argv = [module, *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    from desktop.cli import main as workstation

    return workstation()


if __name__ == "__main__":
    sys.exit(main())
