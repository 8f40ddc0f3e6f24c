"""The Debian package, built from this checkout by installer/build.sh (PyInstaller bundle +
dpkg-deb), unpacked into a temporary root and run there with a bare environment: the demo
comes up live under Xvfb and quits cleanly, and with the system's libVLC hidden it still runs
and says which package to install. Slow (the build takes a minute or two): marked so, and
part of the README's test command all the same."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from tests.support import bundle

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(bundle dir, .deb, the .deb unpacked)."""
    out = tmp_path_factory.mktemp("build")
    folder, deb = bundle.build(out)
    root = bundle.unpack(deb, tmp_path_factory.mktemp("root"))
    return folder, deb, root


class Running:
    """The unpacked program, its stderr collected line by line."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True, errors="replace",
                                     start_new_session=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, prefix: str, qapp: object, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(line.startswith(prefix) for line in self.lines):
                return
            if self.proc.poll() is not None:
                raise AssertionError(f"ccw exited ({self.proc.returncode}) before "
                                     f"{prefix!r}:\n{self.text[-4000:]}")
            QGuiApplication.processEvents()
            time.sleep(0.1)
        raise AssertionError(f"no {prefix!r} within {timeout} s:\n{self.text[-4000:]}")

    def quit(self) -> int:
        """SIGTERM, as the session manager sends at log-out; the exit status."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(60)
        finally:
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGKILL)
        self._reader.join(10)
        return code


def _screen_is_drawn() -> tuple[int, float]:
    """Distinct colours on a grid of the whole screen, and the share of non-black points."""
    image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
    assert isinstance(image, QImage) and not image.isNull()
    points = [image.pixel(x, y) for x in range(0, image.width(), 16)
              for y in range(0, image.height(), 16)]
    not_black = sum(1 for p in points if p & 0xFFFFFF > 0x101010) / len(points)
    return len(set(points)), not_black


def _no_process_left(root: Path) -> bool:
    """Nothing from the unpacked package still runs (the demo server, its stream child)."""
    out = subprocess.run(["pgrep", "-f", str(root / "opt/ccw/ccw")], capture_output=True,
                         text=True)
    return out.stdout.strip() == ""


def test_the_package_declares_and_lays_out_everything(package):
    folder, deb, root = package
    with open(bundle.ROOT / "pyproject.toml", "rb") as f:
        version = tomllib.load(f)["project"]["version"]
    assert deb.name == f"ccw_{version}_amd64.deb"
    control = (root / "DEBIAN/control").read_text()
    assert re.search(rf"^Version: {re.escape(version)}$", control, re.M)
    depends = re.search(r"^Depends: (.*)$", control, re.M).group(1)  # type: ignore[union-attr]
    for needed in ("libvlc5", "vlc-plugin-base", "fonts-noto-cjk", "libxcb-cursor0",
                   "libxkbcommon-x11-0", "ffmpeg"):
        assert needed in depends.split(", ") or any(d.startswith(needed + " ")
                                                    for d in depends.split(", ")), needed
    assert (root / "DEBIAN/conffiles").read_text().split() == ["/etc/ccw/site.toml"]
    for script in ("postinst", "postrm"):
        path = root / "DEBIAN" / script
        assert os.access(path, os.X_OK)
        subprocess.run(["sh", "-n", str(path)], check=True)  # at least well-formed

    program = root / "opt/ccw/ccw"
    assert os.access(program, os.X_OK)
    assert os.readlink(root / "usr/bin/ccw") == "/opt/ccw/ccw"
    assert "/opt/ccw/ccw -m backend_client.server.cli" in (root / "usr/bin/ccw-server"
                                                           ).read_text()
    entry = (root / "usr/share/applications/ccw.desktop").read_text()
    assert "\nExec=ccw\n" in entry and "\nIcon=ccw\n" in entry and "Name[zh_CN]=" in entry
    icon = QImage(str(root / "usr/share/icons/hicolor/256x256/apps/ccw.png"))
    assert (icon.width(), icon.height()) == (256, 256)
    assert (root / "usr/share/icons/hicolor/scalable/apps/ccw.svg").is_file()
    assert (root / "etc/ccw/site.toml").read_text() == (
        bundle.ROOT / "installer/site.toml").read_text()

    # libVLC is the system's; Qt modules and plugins nothing uses stay out.
    names = {p.name for p in (root / "opt/ccw").rglob("*")}
    assert not any(n.startswith(("libvlc.", "libvlccore.")) for n in names)
    assert not any(n.startswith(("libQt6WebEngine", "libQt6Quick.", "libqgtk3"))
                   for n in names)
    assert any(n.startswith("ccw_zh_CN.qm") for n in names)  # the compiled translations

    done = subprocess.run([str(program), "--version"], env=bundle.bare_env(root / "home"),
                          capture_output=True, text=True, timeout=60, cwd=root)
    assert done.stdout.strip() == f"ccw {version}", done.stderr


def test_the_unpacked_package_runs_the_demo_live(package, qapp, tmp_path):
    _, _, root = package
    app = Running([str(root / "opt/ccw/ccw"), "--demo", "--profile", str(tmp_path / "profile"),
                   "--report-startup"], bundle.bare_env(tmp_path / "home"), tmp_path)
    try:
        app.wait_for("startup first-paint", qapp)
        app.wait_for("startup online", qapp)
        time.sleep(3)  # the snapshot drawn
        colours, drawn = _screen_is_drawn()
    finally:
        code = app.quit()
    assert colours > 20 and drawn > 0.3, (colours, drawn)
    assert code == 0, app.text[-4000:]
    assert "Traceback" not in app.text, app.text[-4000:]
    assert "libVLC 3." in app.text  # the system's libVLC, found by the bundle
    deadline = time.monotonic() + 15
    while not _no_process_left(root) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _no_process_left(root)


def test_without_libvlc_it_runs_and_names_the_package(package, qapp, tmp_path):
    _, _, root = package
    command, extra = bundle.without_libvlc(
        [str(root / "opt/ccw/ccw"), "--demo", "--profile", str(tmp_path / "profile"),
         "--report-startup"])
    app = Running(command, bundle.bare_env(tmp_path / "home", **extra), tmp_path)
    try:
        app.wait_for("startup online", qapp)
    finally:
        code = app.quit()
    assert "libVLC could not be loaded" in app.text, app.text[-4000:]
    assert "install the packages libvlc5 vlc-plugin-base" in app.text
    assert code == 0, app.text[-4000:]
    assert "Traceback" not in app.text, app.text[-4000:]
