"""The hall's site configuration: values the administrator sets for every position, read once
at start from ``/etc/ccw/site.toml`` (``$CCW_SITE_CONFIG`` overrides the path).

No Qt here. The file is TOML; every section and key is optional, and each section's
``locked = true`` locks the keys of that section that are present, so the officer cannot
change them in the settings dialog (their saved file cannot either)::

    [server]
    url = "http://10.1.2.3:8600"      # the default server at log-in
    locked = true                      # ... and the only one (not in --demo)
    [idle_lock]
    exempt = false                     # true: this position never locks by itself
    minutes = 15                       # -> UserSettings.idle_lock_minutes
    [targets]
    ack_seconds = [10, 30, 60, 120]    # -> ack_target_seconds (P1..P4)
    answer_seconds = 10                # -> answer_target_seconds
    processing_seconds = 60            # -> processing_target_seconds
    percent = 90                       # -> target_percent
    flood_threshold = 10               # -> flood_threshold
    [map]
    basemap = "http://tiles.hall.local/{z}/{x}/{y}.png"   # -> map_basemap

Each value is checked with the same rules as the officer's settings file
(``desktop.settings.valid_setting``): a bad value is logged with its key and only that key is
ignored; unknown sections and keys are logged and ignored. A missing file is an empty
configuration. A file that cannot be read or is not TOML gives an empty configuration whose
``problem`` is a sentence for the officer (the detail goes to the log). Loading never raises.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final
from urllib.parse import urlsplit

from desktop.settings import setting_value, valid_setting

log = logging.getLogger(__name__)

SITE_CONFIG_PATH: Final = Path("/etc/ccw/site.toml")
SITE_CONFIG_ENV: Final = "CCW_SITE_CONFIG"

# Per section: its TOML keys that set a ``UserSettings`` field, and the field.
SETTING_KEYS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType({
    "server": MappingProxyType({}),
    "idle_lock": MappingProxyType({"minutes": "idle_lock_minutes"}),
    "targets": MappingProxyType({
        "ack_seconds": "ack_target_seconds",
        "answer_seconds": "answer_target_seconds",
        "processing_seconds": "processing_target_seconds",
        "percent": "target_percent",
        "flood_threshold": "flood_threshold",
    }),
    "map": MappingProxyType({"basemap": "map_basemap"}),
})
# Keys of the site's own (not user settings), besides ``locked`` in every section.
_OWN_KEYS: Final = {"server": ("url",), "idle_lock": ("exempt",)}


def _no_values() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class SiteConfig:
    """What the site sets. The empty configuration (no file) changes nothing.

    ``defaults``: ``UserSettings`` field → value (already valid) replacing the built-in
    default; ``locked``: the fields among them the officer may not change. ``server_url``: the
    default server at log-in, the only one when ``server_locked``. ``idle_lock_exempt``: this
    position never locks by itself (a wall controller). ``path``: the file read;
    ``problem``: the officer's sentence when the file was unusable."""

    server_url: str | None = None
    server_locked: bool = False
    idle_lock_exempt: bool = False
    defaults: Mapping[str, Any] = field(default_factory=_no_values, hash=False)
    locked: frozenset[str] = frozenset()
    path: Path | None = None
    problem: str | None = None

    def is_locked(self, name: str) -> bool:
        """Whether the ``UserSettings`` field ``name`` is set by the site for good."""
        return name in self.locked

    @property
    def source(self) -> str:
        """Where the configuration came from, for messages."""
        return str(self.path) if self.path is not None else str(SITE_CONFIG_PATH)


def site_config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``explicit`` if given, else ``$CCW_SITE_CONFIG`` if set (and not empty), else
    ``/etc/ccw/site.toml``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(SITE_CONFIG_ENV, "").strip()
    return Path(env) if env else SITE_CONFIG_PATH


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks an officer's sentence for translation; the views translate it (no Qt here)."""
    return text


# The officer's sentence for a site configuration that could not be used ({path}).
PROBLEM: Final = QT_TR_NOOP("The site configuration {path} could not be read, so the "
                            "standard settings are in use.")


def problem_sentence(path: Path | str) -> str:
    """``PROBLEM`` for ``path``, in English (the log's and ``SiteConfig.problem``'s)."""
    return PROBLEM.format(path=path)


def load_site_config(path: str | os.PathLike[str] | None = None) -> SiteConfig:
    """The site configuration at ``path`` (see ``site_config_path``). Never raises."""
    where = site_config_path(path)
    try:
        raw = where.read_bytes()
    except FileNotFoundError:
        log.info("no site configuration at %s: the standard settings apply", where)
        return SiteConfig()
    except OSError as e:  # a directory, no permission, a disk error
        return _unusable(where, f"cannot read it ({e})")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        return _unusable(where, f"not UTF-8 text ({e})")
    except tomllib.TOMLDecodeError as e:
        return _unusable(where, f"not valid TOML ({e})")
    try:
        site = _parse(data, where)
    except Exception as e:  # a bug here must not stop the workstation from starting
        log.exception("site configuration %s could not be applied", where)
        return _unusable(where, f"could not be applied ({e!r})")
    log.info("site configuration %s: sets %s; locks %s; server %s%s%s", where,
             ", ".join(sorted(site.defaults)) or "nothing",
             ", ".join(sorted(site.locked)) or "nothing", site.server_url or "not set",
             " (locked)" if site.server_locked else "",
             "; exempt from the idle lock" if site.idle_lock_exempt else "")
    return site


def _unusable(where: Path, reason: str) -> SiteConfig:
    log.warning("site configuration %s unusable, the standard settings are in use: %s",
                where, reason)
    return SiteConfig(path=where, problem=problem_sentence(where))


def _parse(data: dict[str, Any], where: Path) -> SiteConfig:
    defaults: dict[str, Any] = {}
    locked: set[str] = set()
    server_url: str | None = None
    server_locked = False
    exempt = False
    for section, table in data.items():
        if section not in SETTING_KEYS:
            log.warning("site configuration %s: ignoring the unknown section [%s]", where,
                        section)
            continue
        if not isinstance(table, dict):
            log.warning("site configuration %s: ignoring %s = %r (not a [%s] section)",
                        where, section, table, section)
            continue
        lock = table.get("locked", False)
        if type(lock) is not bool:
            log.warning("site configuration %s: ignoring %s.locked = %r (not true or false)",
                        where, section, lock)
            lock = False
        fields = SETTING_KEYS[section]
        for key, value in table.items():
            dotted = f"{section}.{key}"
            if key == "locked":
                continue
            if key in fields:
                name = fields[key]
                if not valid_setting(name, value):
                    log.warning("site configuration %s: ignoring %s = %r (not a valid value)",
                                where, dotted, value)
                    continue
                defaults[name] = setting_value(value)
                if lock:
                    locked.add(name)
            elif key not in _OWN_KEYS.get(section, ()):
                log.warning("site configuration %s: ignoring the unknown key %s", where, dotted)
            elif dotted == "server.url":
                server_url = _server_url(value, where)
                server_locked = lock and server_url is not None
            elif dotted == "idle_lock.exempt":
                if type(value) is bool:
                    exempt = value
                else:
                    log.warning("site configuration %s: ignoring %s = %r (not true or false)",
                                where, dotted, value)
        if section == "server" and lock and server_url is None:
            log.warning("site configuration %s: [server] is locked but has no usable url; "
                        "nothing is locked", where)
    return SiteConfig(server_url=server_url, server_locked=server_locked,
                      idle_lock_exempt=exempt, defaults=MappingProxyType(defaults),
                      locked=frozenset(locked), path=where)


def _server_url(value: Any, where: Path) -> str | None:
    """An http(s) address with a host and no user:password part; else None (logged, without
    any password in it)."""
    if not isinstance(value, str):
        log.warning("site configuration %s: ignoring server.url = %r (not a string)", where,
                    value)
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is no number)
    except ValueError as e:
        log.warning("site configuration %s: ignoring server.url (not an address: %s)", where, e)
        return None
    if parts.username is not None or parts.password is not None:
        log.warning("site configuration %s: ignoring server.url: it holds a user name or "
                    "password, which must never be in a configuration file", where)
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        log.warning("site configuration %s: ignoring server.url = %r (not an http:// or "
                    "https:// address with a host)", where, url)
        return None
    return url


def same_server(a: str, b: str) -> bool:
    """Whether two server addresses name the same server (scheme and host in any case, a
    trailing slash or not)."""
    def norm(url: str) -> tuple[str, str, int | None, str]:
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError:
            return (url.strip(), "", None, "")
        scheme = parts.scheme.lower()
        port = port or {"http": 80, "https": 443}.get(scheme)
        return (scheme, (parts.hostname or "").lower(), port, parts.path.rstrip("/"))
    return norm(a) == norm(b)
