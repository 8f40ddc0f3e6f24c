"""The packaged workstation for tests and benchmarks: build it with installer/build.sh,
unpack the .deb into a directory (as dpkg would lay it out), and start the unpacked program
in a bare environment — no virtual environment, no checkout on its paths."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIBVLC = Path("/usr/lib/x86_64-linux-gnu/libvlc.so.5")


def build(out: Path) -> tuple[Path, Path]:
    """``installer/build.sh OUT`` (without re-running the set-up): (bundle dir, .deb)."""
    done = subprocess.run(["bash", str(ROOT / "installer/build.sh"), str(out)], cwd=ROOT,
                          env={**os.environ, "CCW_SKIP_SETUP": "1"}, capture_output=True,
                          text=True, timeout=1200)
    if done.returncode != 0:
        raise AssertionError(f"build.sh failed ({done.returncode}):\n{done.stderr[-4000:]}")
    debs = sorted(out.glob("ccw_*.deb"))
    assert len(debs) == 1, debs
    return out / "ccw", debs[0]


def unpack(deb: Path, root: Path) -> Path:
    """The package's files under ``root`` (``dpkg-deb -x``); its control files in
    ``root/DEBIAN``. Returns ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    subprocess.run(["dpkg-deb", "-e", str(deb), str(root / "DEBIAN")], check=True)
    return root


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a program, and nothing of the developer's: no .venv on
    PATH, no PYTHONPATH, a fresh HOME."""
    home.mkdir(parents=True, exist_ok=True)
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "CCW_AUDIO_OUTPUT": "adummy", "CCW_SITE_CONFIG": str(home / "no-site.toml"),
           # The postinst makes these at install time; unpacking does not run it.
           "CCW_CLIPS_DIR": str(ROOT / "build" / "clips")}
    for name in ("DISPLAY", "XAUTHORITY", "XDG_RUNTIME_DIR"):
        if name in os.environ:
            env[name] = os.environ[name]
    return {**env, **extra}


def without_libvlc(command: list[str]) -> tuple[list[str], dict[str, str]]:
    """``command`` run where libVLC cannot be loaded: in a private mount namespace with the
    system's libvlc.so hidden behind /dev/null (root, util-linux's unshare), else — a
    machine that refuses namespaces — with python-vlc pointed at a file that is not there."""
    target = LIBVLC.resolve()
    unshare = shutil.which("unshare")
    if unshare and os.geteuid() == 0 and target.exists():
        probe = subprocess.run([unshare, "--mount", "true"], capture_output=True)
        if probe.returncode == 0:
            script = 'mount --bind /dev/null "$1" && shift && exec "$@"'
            return [unshare, "--mount", "sh", "-c", script, "sh", str(target), *command], {}
    return command, {"PYTHON_VLC_LIB_PATH": "/nonexistent/libvlc.so.5"}
