#!/usr/bin/env bash
# Build the workstation's one-folder bundle (PyInstaller) and its Debian package from a clean
# checkout:  bash installer/build.sh [OUT_DIR]      (default: dist/)
# Leaves OUT_DIR/ccw/ (the bundle: run OUT_DIR/ccw/ccw) and OUT_DIR/ccw_VERSION_ARCH.deb.
# Runs installer/setup.sh first (system packages, .venv, translations), unless
# CCW_SKIP_SETUP=1 says it has just been run. CCW_DEB_COMPRESSION=xz makes a smaller .deb
# (about a minute more); the default, zstd, takes a second.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
out=$(realpath -m "${1:-dist}")
work="$here/build/bundle"
log() { printf '[build] %s\n' "$*" >&2; }

if [ "${CCW_SKIP_SETUP:-0}" != 1 ]; then
  bash installer/setup.sh
fi
[ -x .venv/bin/pyinstaller ] || { log "PyInstaller is missing from .venv: run installer/setup.sh"; exit 1; }
command -v dpkg-deb >/dev/null || { log "dpkg-deb is needed to make the .deb"; exit 1; }

started=$(date +%s)
log "bundle: PyInstaller (installer/ccw.spec) into $out/ccw"
mkdir -p "$out"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath "$out" --workpath "$work" installer/ccw.spec
log "package: installer/make_deb.py"
.venv/bin/python installer/make_deb.py "$out/ccw" "$out" \
  --compression "${CCW_DEB_COMPRESSION:-zstd}"
log "done in $(( $(date +%s) - started )) s: $(du -sh "$out/ccw" | cut -f1) bundle," \
    "$(du -h "$out"/ccw_*.deb | cut -f1 | tail -1) package"
