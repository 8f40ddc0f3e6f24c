"""Whether this workstation can load libVLC, and what to tell the officer when it cannot.

The Linux package takes libVLC from the system (it depends on libvlc5 and vlc-plugin-base)
rather than bundling it. Without it the workstation still runs — alarms, map, units and
watchlist do not need video — and every video surface says what is missing and which package
brings it, instead of the program dying on ``import vlc`` (python-vlc raises
``NotImplementedError`` when it finds no library, an ``OSError`` for a broken one, and calls
``sys.exit`` when ``PYTHON_VLC_LIB_PATH`` names a file it cannot load).
"""

from __future__ import annotations

import functools
import logging

from widgets.i18n import tr

log = logging.getLogger(__name__)

DEBIAN_PACKAGES = "libvlc5 vlc-plugin-base"


@functools.cache
def libvlc_problem() -> str | None:
    """``None`` if libVLC loads; otherwise the sentence for the officer (logged once)."""
    try:
        import vlc

        version = vlc.libvlc_get_version()
    except (Exception, SystemExit) as e:
        log.error("libVLC could not be loaded (%s: %s): video is off. On Debian and Ubuntu "
                  "install the packages %s.", type(e).__name__, e, DEBIAN_PACKAGES)
        return missing_text()
    log.info("libVLC %s", version.decode(errors="replace") if isinstance(version, bytes)
             else version)
    return None


def missing_text() -> str:
    return tr("Video is off: the VLC library (libVLC) is not installed on this workstation. "
              "Ask your administrator to install the packages {packages}.").format(
                  packages=DEBIAN_PACKAGES.replace(" ", ", "))
