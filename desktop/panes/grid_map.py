"""The grid map pane: where the alarm is, which grid and station own it, which units are near,
which cameras see it.

The hall's state becomes the map's marks here: units with their freshness (``desktop.state.
freshness``, the thresholds from the settings), alarms with their acknowledgement, cameras,
and the grids filled by the chosen overlay (station, open alarms per grid, units available per
grid) with a legend. Change sets are applied in batches (at most every ``BATCH_MS``), and the
freshness is refreshed every few seconds even when nothing moves: a silent unit turns stale
on the map by itself.

Clicks select in the shared ``Selection`` (the queue, the card and the wall follow); an alarm
selected elsewhere is shown here. The viewport, the overlay and "follow" are kept with the
named layout.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from desktop.basemap import BasemapLayer
from desktop.basemap_sources import BasemapError, source_from_setting
from desktop.panes.map_marks import (
    alarm_marks,
    available_per_grid,
    camera_marks,
    count_overlay,
    grid_shapes,
    station_overlay,
    thresholds_of,
)
from desktop.panes.map_units import MapUnits
from desktop.settings import UserSettings
from desktop.shell.pane_context import PaneContext
from desktop.state.freshness import FRESHNESS, FreshnessThresholds
from desktop.state.nearest import distance_m, rank_units
from widgets.colors import SECONDARY_TEXT
from widgets.geo_projection import bounds_of
from widgets.geo_shapes import read_geojson
from widgets.grid_map import GridMapView
from widgets.grid_map.extras import EventZones, Tape, Trail
from widgets.i18n import tr
from widgets.unit_texts import age_text

log = logging.getLogger(__name__)

BATCH_MS = 250  # change sets are drawn at most 4 times a second
FRESHNESS_MS = 5000  # positions age without any event
NEAR_CAMERAS_M = 500.0  # "cameras near here"
OVERLAYS = ("station", "alarms", "available")


class GridMapPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gridMapPane")
        self.ctx = ctx
        self.map = GridMapView(self)
        self.map.clicked.connect(self._clicked)
        self.map.context_requested.connect(self._context_menu)

        self.overlay = QComboBox(self)
        self.overlay.setObjectName("mapOverlay")
        self.overlay.addItem(tr("Grids by station"), "station")
        self.overlay.addItem(tr("Open alarms per grid"), "alarms")
        self.overlay.addItem(tr("Units available per grid"), "available")
        self.overlay.currentIndexChanged.connect(lambda _i: self._refresh_overlay())
        self.search = QLineEdit(self)
        self.search.setObjectName("mapSearch")
        self.search.setPlaceholderText(tr("Find a grid, camera, unit or address"))
        self.search.setClearButtonEnabled(True)
        self._places: dict[str, tuple[str, str]] = {}  # shown text → (kind, id)
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self.go_to)
        self.search.setCompleter(completer)
        self.search.returnPressed.connect(lambda: self.go_to(self.search.text()))
        self.follow = QToolButton(self)
        self.follow.setText(tr("Follow"))
        self.follow.setCheckable(True)
        self.follow.setToolTip(tr("Keep the selected unit in the middle of the map"))
        fit = QToolButton(self)
        fit.setText(tr("Whole area"))
        fit.clicked.connect(lambda: self.map.fit())
        self.measure = QToolButton(self)
        self.measure.setText(tr("Measure"))
        self.measure.setCheckable(True)
        self.measure.setToolTip(tr("Click points on the map; the distance along them is shown. "
                                   "Click the button again to stop."))
        self.measure.toggled.connect(self._measuring)
        self.zones_button = QToolButton(self)
        self.zones_button.setText(tr("Event zones"))
        self.zones_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        zones_menu = QMenu(self.zones_button)
        zones_menu.addAction(tr("Load event zones…"), self.ask_zones)
        zones_menu.addAction(tr("Remove event zones"), lambda: self.load_zones(None))
        self.zones_button.setMenu(zones_menu)
        # A tool bar, not a row of buttons: in a narrow dock (or on a wall screen) it folds
        # the rest into its overflow menu instead of forcing the pane wider than its place.
        bar = QToolBar(self)
        bar.setObjectName("gridMapTools")
        self.search.setMinimumWidth(120)
        for widget in (self.overlay, self.search, self.follow, self.measure,
                       self.zones_button, fit):
            bar.addWidget(widget)
        self.trail = Trail(self.map)
        self.tape = Tape(self.map)
        self.zones = EventZones(self.map)
        self.zones_file: str | None = None
        self.units = MapUnits()  # the hall's units as the map's columns, move by move
        self.map.measure_clicked.connect(self.tape.add)

        self.legend = QLabel(self)
        self.legend.setObjectName("mapLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.attribution = QLabel(self)  # the basemap's map-data credit, where it needs one
        self.attribution.setObjectName("mapAttribution")
        self.attribution.setTextFormat(Qt.TextFormat.RichText)
        self.attribution.setStyleSheet(f"color: {SECONDARY_TEXT};")
        self.basemap: BasemapLayer | None = None
        self._basemap_setting = ""
        self.status = QLabel(self)
        self.status.setObjectName("mapStatus")
        self.status.setStyleSheet(f"color: {SECONDARY_TEXT};")
        bottom = QHBoxLayout()
        bottom.setContentsMargins(4, 0, 4, 2)
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.attribution)
        bottom.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.map, 1)
        layout.addLayout(bottom)

        self._pending = ChangeSet()
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._apply_batch)
        self._ageing = QTimer(self)
        self._ageing.setInterval(FRESHNESS_MS)
        self._ageing.timeout.connect(self._age)
        self._ageing.start()
        self._explain_symbols()
        self._unsubscribe = ctx.hall.subscribe(self._hall_changed)
        self._unselect = ctx.selection.subscribe(self._selection_changed)
        self.destroyed.connect(lambda *_: self._cleanup())
        if ctx.hall.loaded:
            self._hall_changed(ChangeSet(reset=True))

    # --- from the state ---------------------------------------------------------------------

    def _thresholds(self) -> FreshnessThresholds:
        return thresholds_of(self.ctx.settings())

    def _explain_symbols(self) -> None:
        """The key to the unit symbols, with the freshness thresholds of the settings."""
        limits = self._thresholds()
        self.status.setToolTip(tr(
            "Unit symbols: a dart is a car, a slim dart a motorcycle, a disc with a nose an "
            "officer on foot, a block an ambulance or fire engine; the point shows the "
            "heading. Colour is the status. Filled: position fresh; faded: ageing (over "
            "{ageing}); grey with a dashed rim: stale (over {stale}); hollow, dotted: lost "
            "(over {lost}), kept where last seen.").format(
                ageing=age_text(limits.ageing_s), stale=age_text(limits.stale_s),
                lost=age_text(limits.lost_s)))

    def _hall_changed(self, changes: ChangeSet) -> None:
        pending = self._pending
        pending.reset = pending.reset or changes.reset
        pending.grids += changes.grids
        pending.units += changes.units
        pending.moves += changes.moves
        pending.alarms += changes.alarms
        pending.cameras += changes.cameras
        if not self._batch.isActive():
            self._batch.start()

    def _apply_batch(self) -> None:
        changes, self._pending = self._pending, ChangeSet()
        if changes.reset or changes.grids:
            self.map.set_grids(grid_shapes(self.ctx.hall.grids.values()))
            self._refresh_overlay()
            self._use_basemap(self.ctx.settings().map_basemap)
        hall_units = self.ctx.hall.units
        if changes.reset:
            self.units.reset(hall_units.values())
        elif changes.units:  # as the hall holds them now (a later move may be in already)
            self.units.put(hall_units[u.id] for u in changes.units if u.id in hall_units)
        if changes.moves:
            self.units.move(changes.moves)
        if changes.reset or changes.units or changes.moves:
            self._refresh_units()
        if changes.reset or changes.alarms:
            self.map.set_alarms(alarm_marks(self.ctx.hall.alarms.values()))
            if self.overlay.currentData() == "alarms":
                self._refresh_overlay()
        if changes.reset or changes.cameras:
            self.map.set_cameras(camera_marks(self.ctx.hall.cameras.values()))
        if changes.reset or changes.grids or changes.cameras or changes.units:
            self._refresh_places()

    def _refresh_units(self) -> None:
        fresh = self.units.freshness(s.utcnow(), self._thresholds())
        shown = self.units.columns(fresh)
        self.map.set_unit_columns(shown)
        counts = dict(zip(FRESHNESS, np.bincount(fresh, minlength=len(FRESHNESS)).tolist(),
                          strict=True))
        parts = [tr("{n} fresh").format(n=counts["fresh"])]
        for word, text in (("ageing", tr("{n} ageing")), ("stale", tr("{n} stale")),
                           ("lost", tr("{n} lost")), ("none", tr("{n} without position"))):
            if counts[word]:
                parts.append(text.format(n=counts[word]))
        self.status.setText(tr("Units: {parts}").format(parts=" · ".join(parts)))
        if self.zones.zones:
            self.zones.count_units(zip(shown.lat.tolist(), shown.lon.tolist(), strict=True))
        self._show_trail()
        self._follow()

    def _age(self) -> None:
        """Every few seconds: positions age without any event, and the units-per-grid overlay
        is counted again (a point-in-polygon per available unit: not on every batch)."""
        self._refresh_units()
        if self.overlay.currentData() == "available":
            self._refresh_overlay()

    def _show_trail(self) -> None:
        unit_id = self.ctx.selection.unit_id
        self.trail.show(self.units.trail(unit_id) if unit_id else [])

    def _measuring(self, on: bool) -> None:
        self.map.measuring = on
        if on:
            self.tape.clear()

    def ask_zones(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("Load event zones"), "", tr("GeoJSON (*.geojson *.json)"))
        if path:
            self.load_zones(path)

    def load_zones(self, path: str | None) -> bool:
        """A large event's perimeter and zones from a GeoJSON file (None removes them). What
        the file gets wrong is told; what is valid is drawn."""
        if path is None:
            self.zones.set_zones([])
            self.zones_file = None
            return True
        load = read_geojson(Path(path))
        for problem in load.problems[:5]:
            log.warning("event zones %s: %s", path, problem)
        if load.problems:
            self.ctx.session.tell("warning", tr("Event zones from {file}: {n} problem(s); the "
                                                "valid zones are shown. First: {first}").format(
                file=Path(path).name, n=len(load.problems), first=load.problems[0]))
        if not load.features:
            return False
        self.zones.set_zones(load.features)
        self.zones_file = path
        self._refresh_units()
        return True

    def _refresh_overlay(self) -> None:
        kind = self.overlay.currentData()
        hall = self.ctx.hall
        if kind == "alarms":
            overlay = count_overlay(Counter(a.grid_id for a in hall.alarms.values()
                                            if a.grid_id), hall.grids)
        elif kind == "available":
            overlay = count_overlay(available_per_grid(self.map, hall.units.values()),
                                    hall.grids)
        else:
            overlay = station_overlay(hall.grids.values())
        self.map.set_overlay(overlay)
        rows = [f"<span style='color:{c}'>\u25a0</span>&nbsp;{text}" for c, text in
                overlay.legend]
        self.legend.setText("&nbsp;&nbsp; ".join(rows))

    def _refresh_places(self) -> None:
        hall = self.ctx.hall
        places: dict[str, tuple[str, str]] = {}
        grid_word, camera_word = tr("Grid"), tr("Camera")  # (lupdate misses tr in f-strings)
        unit_word, alarm_word = tr("Unit"), tr("Alarm")
        for grid in hall.grids.values():
            places[f"{grid_word} {grid.properties.name}"] = ("grid", grid.id)
        for camera in hall.cameras.values():
            places[f"{camera_word} {camera.name}"] = ("camera", camera.id)
        for unit in hall.units.values():
            places[f"{unit_word} {unit.callsign}"] = ("unit", unit.id)
        for alarm in hall.alarms.values():
            if alarm.location.address:
                places[f"{alarm_word} {alarm.location.address} \u00b7 {alarm.title}"] = (
                    "alarm", alarm.id)
        self._places = places
        self._completions.setStringList(sorted(places))

    # --- the officer ------------------------------------------------------------------------

    def go_to(self, text: str) -> bool:
        """Centre on a place the search found (exact text, else the only partial match)."""
        place = self._places.get(text)
        if place is None:
            needle = text.strip().casefold()
            hits = [v for k, v in self._places.items() if needle and needle in k.casefold()]
            place = hits[0] if len(set(hits)) == 1 else None
        if place is None:
            return False
        kind, item_id = place
        where = self._where(kind, item_id)
        if where is None:
            return False
        self.map.centre_on(*where, metres_per_px=min(self.map.metres_per_pixel(), 10.0))
        self.map.select(kind, item_id)
        self._clicked(kind, item_id)
        return True

    def _where(self, kind: str, item_id: str) -> tuple[float, float] | None:
        hall = self.ctx.hall
        if kind == "alarm" and item_id in hall.alarms:
            loc = hall.alarms[item_id].location
            return loc.lat, loc.lon
        unit = hall.units.get(item_id) if kind == "unit" else None
        if unit is not None and unit.position is not None:
            return unit.position.lat, unit.position.lon
        if kind == "camera" and item_id in hall.cameras:
            loc = hall.cameras[item_id].location
            return loc.lat, loc.lon
        if kind == "grid" and item_id in hall.grids:
            b = bounds_of(hall.grids[item_id].geometry.model_dump())
            return (b.centre[1], b.centre[0]) if b else None
        return None

    def _clicked(self, kind: str, item_id: str) -> None:
        selection = self.ctx.selection
        if kind == "alarm":
            selection.select_alarm(item_id)
        elif kind == "unit":
            selection.select_unit(item_id)
        elif kind == "camera":
            selection.select_camera(item_id)

    def _selection_changed(self, what: str) -> None:
        selection = self.ctx.selection
        item_id = {"alarm": selection.alarm_id, "unit": selection.unit_id,
                   "camera": selection.camera_id}.get(what)
        if what == "unit":
            self._show_trail()
        if item_id is None:
            return
        self.map.select(what, item_id)
        where = self._where(what, item_id)
        if where is not None and what == "alarm":
            x, y = self.map.xy(*where) if self.map.projection else (0.0, 0.0)
            if not self.map.vb.viewRect().contains(x, y):
                self.map.centre_on(*where)  # an alarm chosen in the queue: bring it in view

    def _follow(self) -> None:
        unit_id = self.ctx.selection.unit_id
        if self.follow.isChecked() and unit_id:
            where = self._where("unit", unit_id)
            if where is not None:
                self.map.centre_on(*where)

    def _context_menu(self, kind: str, item_id: str, lat: float, lon: float,
                      pos: QPoint) -> None:
        menu = self.menu_for(kind, item_id, lat, lon)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(pos)

    def menu_for(self, kind: str, item_id: str, lat: float, lon: float) -> QMenu:
        menu = QMenu(self)
        if kind == "alarm":
            menu.addAction(tr("Dispatch the nearest unit…"),
                           lambda: self.dispatch_nearest(item_id))
        if kind == "unit":
            menu.addAction(tr("Follow this unit"), lambda: self._follow_unit(item_id))
        near = self.cameras_near(lat, lon)
        action = menu.addAction(tr("Show the cameras near here on the wall ({n})").format(
            n=len(near)), lambda: self.ctx.wall.show(near))
        action.setEnabled(bool(near) and self.ctx.wall.available)
        menu.addAction(tr("Centre the map here"), lambda: self.map.centre_on(lat, lon))
        return menu

    def cameras_near(self, lat: float, lon: float) -> list[str]:
        """Online cameras within NEAR_CAMERAS_M, nearest first."""
        found = []
        for camera in self.ctx.hall.cameras.values():
            if camera.status != "online":
                continue
            d = distance_m(lat, lon, camera.location.lat, camera.location.lon)
            if d <= NEAR_CAMERAS_M:
                found.append((d, camera.id))
        return [camera_id for _d, camera_id in sorted(found)]

    def dispatch_nearest(self, alarm_id: str) -> None:
        """Select the alarm and open the dispatch picker with the nearest available unit
        chosen (the alarm desk's command: one dispatch path)."""
        alarm = self.ctx.hall.alarms.get(alarm_id)
        if alarm is None:
            return
        self.ctx.selection.select_alarm(alarm_id)
        ranked = rank_units(self.ctx.hall.units.values(), alarm.location.lat,
                            alarm.location.lon, s.utcnow())
        nearest = next((c.unit.callsign for c in ranked if c.available), "")
        command = self.ctx.commands.command("alarm.dispatch") if self.ctx.commands else None
        if command is None:
            self.ctx.session.tell("warning", tr("Dispatch is done from the alarm queue, which "
                                                "is not open."))
            return
        why = command.why_disabled() if not command.enabled() else ""
        if why:
            self.ctx.session.tell("warning", why)
            return
        command.run(nearest)

    def _follow_unit(self, unit_id: str) -> None:
        self.ctx.selection.select_unit(unit_id)
        self.follow.setChecked(True)
        self._follow()

    # --- the layout's part ------------------------------------------------------------------

    def pane_state(self) -> dict[str, Any]:
        return {"viewport": self.map.viewport(), "overlay": self.overlay.currentData(),
                "follow": self.follow.isChecked(), "zones_file": self.zones_file}

    def restore_pane_state(self, state: dict[str, Any]) -> None:
        if not isinstance(state, dict):
            return
        overlay = state.get("overlay")
        if overlay in OVERLAYS:
            self.overlay.setCurrentIndex(self.overlay.findData(overlay))
        self.follow.setChecked(bool(state.get("follow", False)))
        zones = state.get("zones_file")
        if isinstance(zones, str) and zones != self.zones_file:
            if not Path(zones).exists():
                self.ctx.session.tell("warning", tr("The event zones file {file} is no longer "
                                                    "there; the map is shown without zones.")
                                      .format(file=zones))
            else:
                self.load_zones(zones)
        viewport = state.get("viewport")
        if isinstance(viewport, dict) and viewport and not self.map.set_viewport(viewport):
            log.warning("map viewport not usable: %r", viewport)

    def apply_settings(self, settings: UserSettings) -> None:
        self._explain_symbols()
        self._refresh_units()
        self._use_basemap(settings.map_basemap)

    def _use_basemap(self, setting: str) -> None:
        """The basemap of the settings (tiles fetched off the UI thread, cached on disk); a
        setting that cannot be used is told, and the map stays a vector map."""
        if self.basemap is not None and setting == self._basemap_setting:
            return
        if self.map.projection is None:
            return  # placed once the grids give the map its centre
        if self.basemap is not None:
            self.basemap.close()
            self.basemap = None
        self._basemap_setting = setting
        self.attribution.clear()
        if not setting:
            return
        try:
            source = source_from_setting(setting)
        except (BasemapError, ValueError) as e:
            log.warning("basemap %r not usable: %s", setting, e)
            self.ctx.session.tell("warning", tr("The map tiles cannot be used ({why}); the "
                                                "map is shown without them.").format(why=e))
            return
        if source is None:
            return
        self.basemap = BasemapLayer(self.map.vb, self.map.projection, source, self.ctx.tiles,
                                    self)
        self.basemap.problem.connect(lambda text: self.ctx.session.tell("warning", text))
        self.attribution.setText(self.basemap.attribution)

    def _cleanup(self) -> None:
        self._unsubscribe()
        self._unselect()

    def shutdown(self) -> None:
        """The workstation is closing: stop the tile workers (before the view goes)."""
        if self.basemap is not None:
            self.basemap.close()
            self.basemap = None


def build_grid_map(ctx: PaneContext) -> QWidget:
    return GridMapPane(ctx)
