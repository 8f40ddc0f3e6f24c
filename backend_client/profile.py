"""Where a workstation keeps its local files: the profile directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ccw"
CACHE_FILE = "cache.sqlite"
JOURNAL_FILE = "journal.sqlite"


def profile_dir(override: str | Path | None = None) -> Path:
    """The profile directory: ``--profile DIR`` if given, else the user data dir for "ccw".

    Created if missing, with mode 0700 (it holds watchlist data and the operators' audit
    trail). An existing directory named by ``--profile`` keeps its mode; the default one is
    ours and is tightened to 0700.
    """
    if override is not None and str(override) != "":
        path = Path(override).expanduser().resolve()
        ours = False
    else:
        path = platformdirs.user_data_path(APP_NAME, appauthor=False)
        ours = True
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)
        ours = True
    if ours and os.name == "posix":
        path.chmod(0o700)  # mkdir's mode is filtered by the umask
    return path


def config_dir(override: str | Path | None = None) -> Path:
    """Where the workstation keeps its configuration (user settings, layouts): the
    ``--profile DIR`` if given (one folder for everything, as tests want), else the user's
    config dir for "ccw" — apart from the data dir, so it can be backed up or reset alone."""
    if override is not None and str(override) != "":
        return profile_dir(override)
    path = platformdirs.user_config_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def cache_path(profile: Path) -> Path:
    """The rebuildable cache of server objects in a profile directory."""
    return profile / CACHE_FILE


def journal_path(profile: Path) -> Path:
    """The outbox and audit log (never to be lost) in a profile directory."""
    return profile / JOURNAL_FILE
