"""The officer's own settings (language, large text, sounds, idle lock, last server and user),
kept in one small versioned JSON file, apart from window and layout state.

No Qt here. The file never holds a password or a token: ``UserSettings`` has no such field,
``SettingsStore.save`` refuses any key that looks like one, and a server address is saved
without any user:password part. A corrupt file is moved aside and the defaults are used; the
sentence for the officer is left in ``SettingsStore.problem`` (and logged).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, get_args
from urllib.parse import urlsplit, urlunsplit

from backend_client.sqlite_files import StorageUnavailable, move_aside
from desktop.state.files import write_text_atomic
from desktop.state.kpis import KpiTargets

if TYPE_CHECKING:  # the site configuration imports this module's validators
    from desktop.site_config import SiteConfig

log = logging.getLogger(__name__)

Language = Literal["system", "zh_CN", "en"]
LANGUAGES: Final = get_args(Language)
THEMES: Final = ("operations-dark",)
FORMAT_VERSION: Final = 1
SETTINGS_FILE_NAME: Final = "user-settings.json"
IDLE_LOCK_RANGE: Final = (1, 240)  # minutes the officer may choose; 0 is only for the site
_SECRET_WORDS: Final = ("pass", "token", "secret", "credential")


@dataclass(frozen=True)
class UserSettings:
    """One officer's preferences. Immutable: change with ``dataclasses.replace``."""

    language: Language = "system"
    theme: str = "operations-dark"
    large_text: bool = False
    sounds: bool = True
    sound_volume: int = 80
    idle_lock_minutes: int = 30
    remember_server: bool = True
    # The alarm workflow: seconds to acknowledge per priority (P1..P4), the window that
    # folds repeats into one row, ISA-18.2's flood threshold (new alarms per 10 minutes),
    # and the speed an ETA assumes.
    ack_target_seconds: tuple[int, int, int, int] = (10, 30, 60, 120)
    repeat_window_minutes: int = 5
    flood_threshold: int = 10
    nominal_speed_kmh: int = 40
    p1_cameras_on_wall: bool = False  # a new P1 alarm puts its cameras on the video wall
    # The video wall: "auto" detects a real GPU (software rendering under llvmpipe costs ten
    # times the CPU), "software"/"hardware" override it; "low" latency (~0.3 s caching) for
    # desks that steer cameras, "smooth" (1.5 s) for wall screens.
    video_rendering: str = "auto"
    video_latency: str = "low"
    # Unit positions: ageing, stale and lost after this many seconds (map and unit board).
    position_freshness_seconds: tuple[int, int, int] = (60, 300, 1800)
    # The unit board's timers: dispatched → en route, en route → on scene, and how often a
    # crew on scene gets a welfare check (seconds).
    unit_status_target_seconds: tuple[int, int, int] = (120, 600, 1200)
    # The map's basemap: an intranet XYZ tile address ({z}/{x}/{y}) or an MBTiles file; ""
    # draws the clean vector map.
    map_basemap: str = ""
    # The dashboard's response-time targets (NFPA 1225: 90 % answered within 10 s, processed —
    # acknowledgement to dispatch — within 60 s) and how long big-screen mode shows each view.
    answer_target_seconds: int = 10
    processing_target_seconds: int = 60
    target_percent: int = 90
    big_screen_seconds: int = 20
    last_server: str | None = None
    last_user: str | None = None
    format_version: int = FORMAT_VERSION


def ack_targets(settings: UserSettings) -> dict[int, float]:
    """Seconds to acknowledge, by priority."""
    return {p: float(s) for p, s in zip((1, 2, 3, 4), settings.ack_target_seconds, strict=True)}


def kpi_targets(settings: UserSettings) -> KpiTargets:
    """The dashboard's and the shift report's targets."""
    return KpiTargets(answer_s=float(settings.answer_target_seconds),
                      processing_s=float(settings.processing_target_seconds),
                      percent=float(settings.target_percent),
                      ack_by_priority=ack_targets(settings),
                      flood_threshold=settings.flood_threshold)


@dataclass(frozen=True)
class SettingsProblem:
    """Why the settings file could not be used. ``moved_to``: where the bad file went."""

    message: str
    moved_to: Path | None = None


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (the prototype, no ``format_version``): ``locale``, ``big_fonts``, a volume of
    0.0-1.0 and the idle lock in seconds. It also kept a password; that is dropped."""
    out = {k: v for k, v in data.items()
           if k not in ("locale", "big_fonts", "volume", "idle_lock_seconds")}
    if "locale" in data:
        out["language"] = {"zh": "zh_CN", "zh_CN": "zh_CN", "en": "en", "en_US": "en"}.get(
            str(data["locale"]), "system")
    if "big_fonts" in data:
        out["large_text"] = bool(data["big_fonts"])
    if isinstance(data.get("volume"), int | float):
        out["sound_volume"] = round(float(data["volume"]) * 100)
    if isinstance(data.get("idle_lock_seconds"), int | float):
        out["idle_lock_minutes"] = max(1, round(data["idle_lock_seconds"] / 60))
    out["format_version"] = 1
    return out


# From format version N to N + 1.
MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {0: _v0_to_v1}


def _is_secret_key(key: str) -> bool:
    return any(word in key.lower() for word in _SECRET_WORDS)


def _without_userinfo(url: str | None) -> str | None:
    if not url:
        return url
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


_VALID: Final[dict[str, Callable[[Any], bool]]] = {
    "language": lambda v: v in LANGUAGES,
    "theme": lambda v: v in THEMES,
    "sound_volume": lambda v: type(v) is int and 0 <= v <= 100,
    "idle_lock_minutes": lambda v: type(v) is int and v >= 0,
    "last_server": lambda v: v is None or isinstance(v, str),
    "last_user": lambda v: v is None or isinstance(v, str),
    "large_text": lambda v: type(v) is bool,
    "sounds": lambda v: type(v) is bool,
    "remember_server": lambda v: type(v) is bool,
    "ack_target_seconds": lambda v: isinstance(v, list | tuple) and len(v) == 4
    and all(type(x) is int and 1 <= x <= 3600 for x in v),
    "repeat_window_minutes": lambda v: type(v) is int and 0 <= v <= 120,
    "flood_threshold": lambda v: type(v) is int and 1 <= v <= 10_000,
    "nominal_speed_kmh": lambda v: type(v) is int and 5 <= v <= 200,
    "p1_cameras_on_wall": lambda v: type(v) is bool,
    "video_rendering": lambda v: v in ("auto", "software", "hardware"),
    "video_latency": lambda v: v in ("low", "smooth"),
    "map_basemap": lambda v: isinstance(v, str) and len(v) <= 2000,
    "answer_target_seconds": lambda v: type(v) is int and 1 <= v <= 3600,
    "processing_target_seconds": lambda v: type(v) is int and 1 <= v <= 3600,
    "target_percent": lambda v: type(v) is int and 50 <= v <= 100,
    "big_screen_seconds": lambda v: type(v) is int and 5 <= v <= 600,
    "position_freshness_seconds": lambda v: isinstance(v, list | tuple) and len(v) == 3
    and all(type(x) is int and 1 <= x <= 86_400 for x in v) and v[0] < v[1] < v[2],
    "unit_status_target_seconds": lambda v: isinstance(v, list | tuple) and len(v) == 3
    and all(type(x) is int and 1 <= x <= 86_400 for x in v),
}


def valid_setting(name: str, value: Any) -> bool:
    """Whether ``value`` is acceptable for the ``UserSettings`` field ``name`` (the checks the
    settings file is read with; the site configuration uses them too). An unknown name or the
    format version is not."""
    valid = _VALID.get(name)
    return valid is not None and valid(value)


def setting_value(value: Any) -> Any:
    """A valid value as ``UserSettings`` holds it (a JSON or TOML list becomes a tuple)."""
    return tuple(value) if isinstance(value, list) else value


def _checked(data: dict[str, Any], base: UserSettings | None = None) -> UserSettings:
    """Known keys of the right type and range; anything else falls back to ``base`` (the
    defaults if none)."""
    values: dict[str, Any] = {}
    for name in _VALID:
        if name not in data:
            continue
        if valid_setting(name, data[name]):
            values[name] = setting_value(data[name])
        else:
            log.warning("settings: ignoring %s=%r (not a valid value)", name, data[name])
    settings = replace(base if base is not None else UserSettings(), **values)
    return replace(settings, last_server=_without_userinfo(settings.last_server))


class SettingsStore:
    """Loads and saves ``UserSettings`` at ``path``. Not thread-safe: use from one thread
    (the files are tiny; the shell calls it on the GUI thread at start and on OK).

    With a ``site`` configuration (``desktop.site_config``): its values replace the built-in
    defaults, the officer's file comes on top of them, and the values the site locks win over
    the file. ``save`` writes neither a locked value nor a value that only repeats the site's
    default, so the file holds the officer's own choices and a later change of the site's
    default reaches everyone who did not choose otherwise."""

    def __init__(self, path: Path, site: SiteConfig | None = None) -> None:
        self.path = Path(path)
        self.site = site
        self.problem: SettingsProblem | None = None

    @classmethod
    def in_profile(cls, profile: Path, site: SiteConfig | None = None) -> SettingsStore:
        """The store at its usual place in a profile directory."""
        return cls(Path(profile) / SETTINGS_FILE_NAME, site)

    def defaults(self) -> UserSettings:
        """The settings before the officer's file: the built-in ones with the site's on top."""
        if self.site is None or not self.site.defaults:
            return UserSettings()
        return replace(UserSettings(), **self.site.defaults)

    def _locked_values(self) -> dict[str, Any]:
        if self.site is None:
            return {}
        return {name: self.site.defaults[name] for name in self.site.locked
                if name in self.site.defaults}

    def _effective(self, settings: UserSettings) -> UserSettings:
        locked = self._locked_values()
        return replace(settings, **locked) if locked else settings

    def load(self) -> UserSettings:
        """The saved settings; the defaults if there is no file. A file that cannot be read
        as settings is moved aside and ``problem`` says so. What the site locks, it sets."""
        self.problem = None
        try:
            raw = self.path.read_text("utf-8")
        except FileNotFoundError:
            return self._effective(self.defaults())
        except (OSError, UnicodeDecodeError) as e:
            return self._corrupt(f"cannot read it ({e})")
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as e:
            return self._corrupt(f"not JSON ({e})")
        if not isinstance(data, dict):
            return self._corrupt("not a JSON object")
        version = data.get("format_version", 0)
        if type(version) is not int or version < 0:
            return self._corrupt(f"bad format_version {version!r}")
        if version > FORMAT_VERSION:
            log.warning("settings file %s is format %d, newer than this version's %d; "
                        "reading what this version knows", self.path, version, FORMAT_VERSION)
        while version < FORMAT_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
        return self._effective(_checked(data, self.defaults()))

    def save(self, settings: UserSettings) -> None:
        """Write atomically (temporary file, fsync, rename): a crash leaves the old file or
        the new one, never half of one. Raises ``ValueError`` for a key that looks like a
        password or a token, ``OSError`` if the disk refuses. Keys the site locks, and values
        equal to the site's default, are left out."""
        data = asdict(settings)
        secret = [k for k in data if _is_secret_key(k)]
        if secret:
            raise ValueError(f"settings must not hold secrets: {', '.join(secret)}")
        data["format_version"] = FORMAT_VERSION
        data["last_server"] = _without_userinfo(data.get("last_server"))
        if not data.get("remember_server", True):
            data["last_server"] = None
        if self.site is not None:
            for name in self.site.locked:
                data.pop(name, None)
            for name, value in self.site.defaults.items():
                if name in data and data[name] == value:
                    del data[name]
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_text_atomic(self.path, text)

    def _corrupt(self, reason: str) -> UserSettings:
        moved: Path | None = None
        try:
            moved = move_aside(self.path, reason)
        except StorageUnavailable as e:
            log.error("settings: %s", e)
        where = f" It was kept as {moved.name}." if moved else ""
        self.problem = SettingsProblem(
            "Your saved settings could not be read, so the standard settings are in use."
            + where, moved)
        log.warning("settings file %s unusable: %s", self.path, reason)
        return self._effective(self.defaults())
