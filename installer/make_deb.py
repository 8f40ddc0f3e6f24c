"""Make the workstation's .deb from the PyInstaller bundle (called by installer/build.sh).

    python installer/make_deb.py BUNDLE_DIR OUT_DIR

The package installs the bundle under /opt/ccw, ``ccw`` and ``ccw-server`` in /usr/bin, a
.desktop entry with its icons, and the site configuration template as /etc/ccw/site.toml (a
conffile: an upgrade keeps the hall's edits). Its postinst makes the demo's test clips into
/var/cache/ccw/clips; purging removes them and /etc/ccw. The version is pyproject's.

Before packing, every shared library the bundle loads from the system is looked up with
``dpkg -S`` and must belong to a declared dependency: a library nobody declared would make a
package that installs and then fails to start on a clean machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "installer"
PACKAGE = "ccw"
# Debian 12 names. The libraries the bundle takes from the system (ccw.spec's
# SYSTEM_LIBRARIES) and what runs beside it: libVLC with its plugins (video), ffmpeg (the
# RTSP relay and the demo's clips), CJK fonts (the interface speaks Chinese).
DEPENDS = [
    "libc6 (>= 2.36)", "libglib2.0-0", "libdbus-1-3", "libfontconfig1", "libfreetype6",
    "libx11-6", "libx11-xcb1", "libxau6", "libxdmcp6", "libxcb1", "libxcb-cursor0",
    "libxcb-glx0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render0", "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1",
    "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1", "libxkbcommon0", "libxkbcommon-x11-0",
    "libegl1", "libgl1", "libglvnd0", "libglx0", "libopengl0", "libvlc5", "vlc-plugin-base",
    "vlc-plugin-video-output", "ffmpeg", "fonts-noto-cjk",
]
# The demo's RTSP-over-TCP test streams (GStreamer's RTSP server under the system python3).
SUGGESTS = ["python3-gi", "gir1.2-gst-rtsp-server-1.0", "gstreamer1.0-plugins-base",
            "gstreamer1.0-plugins-good", "gstreamer1.0-plugins-bad", "gstreamer1.0-libav"]
DESCRIPTION = """Command-center workstation for a public-safety command hall
 Video wall, alarm queue, grid map, unit status board and watchlist side by side, with
 extra-screen layouts for the hall's walls. Works from a local cache and talks to the
 hall's central services over HTTP. `ccw --demo` runs it against the embedded reference
 server and its scenario simulator."""


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def system_libraries(bundle: Path) -> set[Path]:
    """The system files the bundle's ELF files resolve to (with the bundle's own first)."""
    internal = bundle / "_internal"
    search = [internal, internal / "PySide6" / "Qt" / "lib"]
    env = {**os.environ, "LD_LIBRARY_PATH": ":".join(str(p) for p in search)}
    found: set[Path] = set()
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink() or not _is_elf(path):
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in out.stdout.splitlines():
            m = re.match(r"\s*(\S+) => (/\S+)", line)
            if m and not Path(m.group(2)).resolve().is_relative_to(bundle.resolve()):
                found.add(Path(m.group(2)))
            elif "=> not found" in line:
                raise SystemExit(f"{path.relative_to(bundle)} needs {line.split()[0]}, "
                                 "which is neither bundled nor on this system")
    return found


def _is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def owning_packages(files: set[Path]) -> dict[Path, str]:
    owners: dict[Path, str] = {}
    for file in sorted(files):
        for candidate in (file, file.resolve()):
            out = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True,
                                 text=True)
            if out.returncode == 0:
                owners[file] = out.stdout.split(":", 1)[0].strip()
                break
        else:
            raise SystemExit(f"the bundle loads {file}, which no installed package owns")
    return owners


def check_dependencies(bundle: Path) -> list[str]:
    """The packages the bundle's system libraries come from; all must be declared."""
    declared = {d.split()[0] for d in DEPENDS}
    owners = owning_packages(system_libraries(bundle))
    missing = sorted({f"{pkg} (for {file.name})" for file, pkg in owners.items()
                      if pkg.split(":")[0] not in declared})
    if missing:
        raise SystemExit("the bundle needs packages make_deb.py does not declare: "
                         + ", ".join(missing))
    return sorted(set(owners.values()))


def render_icons(svg: Path, root: Path) -> None:
    """The SVG icon, and PNGs of it for desktops that want bitmaps."""
    icons = root / "usr/share/icons/hicolor"
    (icons / "scalable/apps").mkdir(parents=True)
    shutil.copy2(svg, icons / "scalable/apps" / f"{PACKAGE}.svg")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - needed alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {svg}")
    for size in (48, 128, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        folder = icons / f"{size}x{size}/apps"
        folder.mkdir(parents=True)
        if not image.save(str(folder / f"{PACKAGE}.png")):
            raise SystemExit(f"cannot write the {size} px icon")


def tree(bundle: Path, root: Path, version: str) -> None:
    """The files of the package, as they will lie on the machine."""
    shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
    bin_dir = root / "usr/bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "ccw").symlink_to(f"/opt/{PACKAGE}/ccw")
    server = bin_dir / "ccw-server"
    server.write_text("#!/bin/sh\n# The reference server of the central-services contract "
                      "(for training and testing).\n"
                      f'exec /opt/{PACKAGE}/ccw -m backend_client.server.cli "$@"\n')
    server.chmod(0o755)
    apps = root / "usr/share/applications"
    apps.mkdir(parents=True)
    shutil.copy2(HERE / "deb" / "ccw.desktop", apps / "ccw.desktop")
    render_icons(ROOT / "resources/icons/ccw.svg", root)
    etc = root / "etc" / PACKAGE
    etc.mkdir(parents=True)
    shutil.copy2(HERE / "site.toml", etc / "site.toml")
    doc = root / "usr/share/doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text("Command-center workstation. Proprietary; see the project.\n"
                                   "Bundled: Python, Qt for Python (LGPLv3), Qt Advanced "
                                   "Docking (LGPLv2.1), pyqtgraph (MIT), NumPy (BSD),\n"
                                   "SQLAlchemy (MIT), pydantic (MIT), httpx (BSD), "
                                   "uvicorn (BSD), starlette (BSD), python-vlc (LGPLv2.1+).\n")
    for path in root.rglob("*"):  # packages are root's, readable by all
        if not path.is_symlink():
            mode = path.stat().st_mode & 0o777
            path.chmod(mode | (0o755 if path.is_dir() or mode & 0o111 else 0o644))


def control(root: Path, version: str, arch: str) -> None:
    debian = root / "DEBIAN"
    debian.mkdir()
    size_kb = sum(p.stat().st_size for p in root.rglob("*")
                  if p.is_file() and not p.is_symlink()) // 1024
    (debian / "control").write_text(
        f"Package: {PACKAGE}\nVersion: {version}\nArchitecture: {arch}\n"
        "Maintainer: Command-center workstation team <ccw@localhost>\n"
        f"Installed-Size: {size_kb}\nSection: misc\nPriority: optional\n"
        f"Depends: {', '.join(DEPENDS)}\nSuggests: {', '.join(SUGGESTS)}\n"
        f"Description: {DESCRIPTION}\n")
    (debian / "conffiles").write_text(f"/etc/{PACKAGE}/site.toml\n")
    for script in ("postinst", "postrm"):
        shutil.copy2(HERE / "deb" / script, debian / script)
        (debian / script).chmod(0o755)


def build(bundle: Path, out: Path, compression: str) -> Path:
    if not (bundle / "ccw").is_file():
        raise SystemExit(f"no bundle at {bundle} (run PyInstaller first)")
    packages = check_dependencies(bundle)
    print("system packages the bundle loads from:", " ".join(packages))
    version, arch = project_version(), architecture()
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="ccw-deb-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        tree(bundle, root, version)
        control(root, version, arch)
        subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build",
                        str(root), str(deb)], check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bundle", type=Path, help="PyInstaller's one-folder bundle (dist/ccw)")
    ap.add_argument("out", type=Path, help="where the .deb goes")
    ap.add_argument("--compression", default="zstd", choices=["zstd", "xz", "gzip"],
                    help="zstd: fast to build; xz: 30 %% smaller, ~1 min")
    a = ap.parse_args(argv)
    print(build(a.bundle, a.out, a.compression))
    return 0


if __name__ == "__main__":
    sys.exit(main())
