#!/usr/bin/env bash
# Set up a machine for the command-center workstation: system packages, a Python >= 3.12,
# the project's virtual environment (.venv) with its test and package extras, and the generated
# assets.
# Idempotent: run it as often as you like. Debian 12/13 and Ubuntu 24.04, as root (or with sudo).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
log() { printf '[setup] %s\n' "$*" >&2; }

# --- System packages -------------------------------------------------------------------------
# libVLC and its plugins (video), Xvfb and Qt's xcb libraries (display, tests), CJK fonts (the UI
# speaks Simplified Chinese), ffmpeg (test clips, RTSP relay), GStreamer's RTSP server for the
# system python3 (the reference server's RTSP over TCP test streams), poppler-utils (the tests read
# the shift report back with pdftotext). The list is the one verified
# in ../shared/design/platform-notes.md.
SYSTEM_PACKAGES=(
  xvfb xauth libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libxcb-xkb1 libxcb-glx0 libxrandr2 libxrender1 libxext6 libpulse0
  libvlc5 vlc-plugin-base vlc-plugin-video-output ffmpeg fonts-noto-cjk sqlite3 poppler-utils
  gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad gstreamer1.0-libav
)

missing_packages() {
  local p
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

if command -v dpkg-query >/dev/null 2>&1; then
  mapfile -t todo < <(missing_packages)
  if ((${#todo[@]})); then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || { log "need root (or sudo) to install: ${todo[*]}"; exit 1; }
      SUDO=sudo
    fi
    log "installing system packages: ${todo[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${todo[@]}"
  else
    log "system packages already installed"
  fi
else
  log "not a Debian-like system: install libVLC, Xvfb, Qt's xcb libraries, CJK fonts and ffmpeg yourself"
fi

# --- Python >= 3.12 ---------------------------------------------------------------------------
# PySide6 6.12.0 crashes on Python 3.11 (see the platform notes), so 3.11 is not good enough even
# where it is the system python3.
python_ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }

find_python() {
  local c
  for c in "${CCW_PYTHON:-}" python3.13 python3.12 python3; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 && python_ok "$(command -v "$c")"; then
      # pyenv shims may point at a version that is not the active one; resolve to the real file.
      "$(command -v "$c")" -c 'import sys; print(sys.executable)'
      return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    local root v
    root=$(pyenv root)
    for v in $(ls -1 "$root/versions" 2>/dev/null | sort -rV); do
      c="$root/versions/$v/bin/python3"
      if [ -x "$c" ] && python_ok "$c"; then echo "$c"; return 0; fi
    done
  fi
  return 1
}

if ! PY=$(find_python); then
  log "No Python 3.12 or newer was found (python3.13, python3.12, python3, or pyenv's versions)."
  log "Install one, e.g. 'apt-get install python3.12 python3.12-venv' on Ubuntu 24.04,"
  log "'apt-get install python3 python3-venv' on Debian 13, or 'pyenv install 3.12',"
  log "or point CCW_PYTHON at it, then run this script again."
  exit 1
fi
PYVER=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
log "using $PY ($PYVER)"

# Debian's and Ubuntu's system Python cannot make a virtual environment without its venv
# package (no ensurepip); bring it in when that is the Python we found.
if ! "$PY" -c 'import ensurepip' >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  log "installing python${PYVER}-venv for $PY"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "python${PYVER}-venv" \
    || $SUDO apt-get install -y -qq --no-install-recommends python3-venv
fi

# --- Virtual environment ------------------------------------------------------------------------
if [ -x .venv/bin/python ] && ! python_ok .venv/bin/python; then
  log "existing .venv has an old Python; recreating it"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,package]"
# Build artefacts that are not committed: the compiled translations (.ts → .qm).
for ts in resources/i18n/*.ts; do
  [ -e "$ts" ] || continue
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
# The reference server's looping test clips (build/clips/, made once; kept while unchanged).
.venv/bin/python -m backend_client.server.clips >/dev/null
log "ready: .venv has the workstation and its test tools"
