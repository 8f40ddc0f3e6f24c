"""The files of named layouts: one versioned JSON file per layout, written atomically, with
format migrations and damaged files set aside. No widgets here; ``desktop.shell.layouts``
applies layouts to the running window (and re-exports these names)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.shell.i18n import tr
from desktop.state.files import write_text_atomic

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
HALL = "hall"
Rect = tuple[int, int, int, int]



class LayoutError(Exception):
    """A layout cannot be loaded, saved or found; ``str()`` is a sentence for the officer."""


def _rect(value: Any) -> Rect:
    if (not isinstance(value, (list, tuple)) or len(value) != 4
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        raise ValueError(f"not a rectangle: {value!r}")
    if value[2] <= 0 or value[3] <= 0:
        raise ValueError(f"empty rectangle: {value!r}")
    return (value[0], value[1], value[2], value[3])


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(what)


@dataclass
class Layout:
    """One named layout. ``dock_state`` is base64 of ``CDockManager.saveState()``; the list
    entries are plain dicts so the file stays readable; ``monitors`` are those connected when
    it was saved (to tell the officer how many screens it expected)."""

    name: str
    version: int = FORMAT_VERSION
    saved_at: str = ""
    main_geometry: Rect = (0, 0, 1280, 800)
    main_monitor_key: str | None = None
    maximized: bool = False
    dock_state: str = ""
    floating: list[dict[str, Any]] = field(default_factory=list)
    extra_screens: list[dict[str, Any]] = field(default_factory=list)
    pane_states: dict[str, dict[str, Any]] = field(default_factory=dict)
    role_default: str | None = None
    monitors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["main_geometry"] = list(self.main_geometry)
        return {"format": "ccw-layout", **data}

    @classmethod
    def from_dict(cls, data: Any) -> Layout:
        """Check the shape of a current-format dict; ValueError names what is wrong."""
        _check(isinstance(data, dict), "not an object")
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        _check(isinstance(values.get("name"), str) and values["name"].strip() != "", "name")
        layout = cls(**values)
        _check(isinstance(layout.version, int), "version")
        _check(isinstance(layout.saved_at, str), "saved_at")
        layout.main_geometry = _rect(layout.main_geometry)
        _check(layout.main_monitor_key is None or isinstance(layout.main_monitor_key, str),
               "main_monitor_key")
        _check(isinstance(layout.maximized, bool), "maximized")
        _check(isinstance(layout.dock_state, str), "dock_state")
        base64.b64decode(layout.dock_state, validate=True)
        for name in ("floating", "extra_screens", "monitors"):
            items = getattr(layout, name)
            _check(isinstance(items, list) and all(isinstance(i, dict) for i in items), name)
        for entry in layout.floating:
            _rect(entry.get("geometry"))
        for entry in layout.extra_screens:
            _check(isinstance(entry.get("pane"), str), "extra_screens.pane")
            _check(isinstance(entry.get("monitor_key"), str), "extra_screens.monitor_key")
            if entry.get("monitor_geometry") is not None:
                _rect(entry["monitor_geometry"])
        _check(isinstance(layout.pane_states, dict)
               and all(isinstance(k, str) and isinstance(v, dict)
                       for k, v in layout.pane_states.items()), "pane_states")
        _check(layout.role_default is None or isinstance(layout.role_default, str),
               "role_default")
        return layout


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (the prototype's files, no "version"): "geometry", "state" and "screens" as a
    {pane: monitor key} mapping."""
    return {
        "name": data["name"], "version": 1, "saved_at": data.get("saved", ""),
        "main_geometry": data["geometry"], "main_monitor_key": None,
        "maximized": bool(data.get("maximized", False)), "dock_state": data.get("state", ""),
        "floating": [],
        "extra_screens": [{"pane": pane, "monitor_key": key, "monitor_geometry": None}
                          for pane, key in dict(data.get("screens", {})).items()],
        "pane_states": {}, "role_default": data.get("role"), "monitors": [],
    }


# Format version -> function turning a dict of that version into one of the next version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version", 0)
    _check(isinstance(version, int) and version >= 0, "version")
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version = data["version"]
    return data


def normalise_name(name: str) -> str:
    name = unicodedata.normalize("NFC", str(name)).strip()
    if not name:
        raise LayoutError(tr("A layout needs a name."))
    return name


def slug(name: str) -> str:
    """File stem of a layout: the ASCII letters and digits of the name (readable in a file
    listing) plus a hash of the exact name, so "大厅", "Hall" and "hall" never share a file, even
    on a case-insensitive disk."""
    name = normalise_name(name)
    readable = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    return f"{readable or 'layout'}-{digest}"


class LayoutStore:
    """One ``<slug>.json`` per layout in ``folder``; writes are atomic (temp file, replace)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path_for(self, name: str) -> Path:
        return self.folder / f"{slug(name)}.json"

    def exists(self, name: str) -> bool:
        return self.path_for(name).is_file()

    def list(self) -> list[str]:
        """Layout names sorted case-insensitively (the order of Ctrl+1..9)."""
        names = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                name = json.loads(path.read_text(encoding="utf-8"))["name"]
                if path.stem == slug(name):
                    names.append(normalise_name(name))
            except (OSError, ValueError, KeyError, TypeError, LayoutError) as e:
                log.warning("layout file %s is not listed: %s", path, e)
        return sorted(set(names), key=lambda n: (n.casefold(), n))

    def load(self, name: str) -> Layout:
        name = normalise_name(name)
        path = self.path_for(name)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise LayoutError(tr("There is no saved layout named “{name}”.")
                              .format(name=name)) from None
        except OSError as e:
            log.error("cannot read layout file %s: %s", path, e)
            raise LayoutError(tr("The layout “{name}” could not be read ({reason}).")
                              .format(name=name, reason=e.strerror or e)) from e
        try:
            data = json.loads(raw.decode("utf-8"))
            _check(isinstance(data, dict), "not an object")
            version = data.get("version", 0)
        except ValueError as e:
            raise self._set_aside(name, path, e) from e
        if isinstance(version, int) and version > FORMAT_VERSION:
            # Left in place: a newer workstation on this profile can still open it.
            log.error("layout file %s has format %s > %s", path, version, FORMAT_VERSION)
            raise LayoutError(tr("The layout “{name}” was saved by a newer version of the "
                                 "workstation and cannot be opened here.").format(name=name))
        try:
            return Layout.from_dict(migrate(data))
        except (ValueError, KeyError, TypeError, binascii.Error) as e:
            raise self._set_aside(name, path, e) from e

    def _set_aside(self, name: str, path: Path, reason: Exception) -> LayoutError:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        try:
            os.replace(path, aside)
            log.error("layout file %s is damaged (%s); moved to %s", path, reason, aside)
        except OSError as e:
            log.error("layout file %s is damaged (%s) and could not be moved: %s",
                      path, reason, e)
        return LayoutError(tr("The layout “{name}” is damaged and cannot be used; the file "
                              "was set aside as {file}.").format(name=name, file=aside.name))

    def save(self, layout: Layout) -> Path:
        layout.name = normalise_name(layout.name)
        layout.version = FORMAT_VERSION
        layout.saved_at = layout.saved_at or datetime.now(UTC).isoformat(timespec="seconds")
        text = json.dumps(layout.to_dict(), ensure_ascii=False, indent=2)
        path = self.path_for(layout.name)
        try:
            write_text_atomic(path, text)
        except OSError as e:
            log.error("cannot save layout %s to %s: %s", layout.name, path, e)
            raise LayoutError(tr("The layout “{name}” could not be saved ({reason}).")
                              .format(name=layout.name, reason=e.strerror or e)) from e
        log.info("layout %s saved to %s", layout.name, path)
        return path

    def rename(self, old: str, new: str) -> None:
        old, new = normalise_name(old), normalise_name(new)
        if old == new:
            return
        if self.exists(new):
            raise LayoutError(tr("A layout named “{name}” already exists.").format(name=new))
        layout = self.load(old)
        layout.name = new
        self.save(layout)
        self.path_for(old).unlink(missing_ok=True)

    def delete(self, name: str) -> None:
        try:
            self.path_for(name).unlink()
        except FileNotFoundError:
            raise LayoutError(tr("There is no saved layout named “{name}”.")
                              .format(name=normalise_name(name))) from None
        log.info("layout %s deleted", name)
