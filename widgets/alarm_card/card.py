"""``AlarmCard``: one alarm in detail, beside the queue — what happened, where, who is on it,
what has been done, and the buttons to act.

The card shows a ``CardData`` (assembled by the pane from the hall's state) and emits the
officer's requests; it holds no state of the hall and sends nothing itself. Every button shows
its shortcut and, when disabled, why.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backend_client.schemas import Alarm, Camera, Grid, Unit, WatchlistEntry
from widgets.alarm_card.hit_panel import HitPanel, chip
from widgets.alarm_card.timeline import disposition_label, timeline
from widgets.alarm_queue.columns import KIND_GLYPHS, address_text, kind_label, state_label
from widgets.colors import (
    NOTICE_COLORS,
    PRIORITY_COLORS,
    QUEUED_TEXT,
    SECONDARY_TEXT,
    UNIT_STATUS_COLORS,
)
from widgets.i18n import tr
from widgets.mini_map import MiniMap
from widgets.unit_texts import unit_status_label

# (action, label, shortcut) in the order of the button row; the shortcuts are the pane's.
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("acknowledge", QT_TR_NOOP("Acknowledge"), "Space"),
    ("add_note", QT_TR_NOOP("Note"), "N"),
    ("dispatch", QT_TR_NOOP("Dispatch"), "D"),
    ("verify", QT_TR_NOOP("Verify"), "V"),
    ("close", QT_TR_NOOP("Close"), "C"),
)
MEMBERS_SHOWN = 50  # a group's members listed on the card (the queue shows them all)


@dataclass
class CardData:
    alarm: Alarm
    mark: str | None = None  # "queued" | "closing"
    refusal: str = ""  # the server's latest refusal of a command on this alarm
    members: list[Alarm] = field(default_factory=list)  # the repeat group, oldest first
    group_expanded: bool = False
    units: Mapping[str, Unit] = field(default_factory=dict)
    cameras: Mapping[str, Camera] = field(default_factory=dict)
    grid: Grid | None = None
    watch_entry: WatchlistEntry | None = None
    may_see_watchlist: bool = False
    # A watchlist hit's pictures, when loaded: the camera's snapshot and the entry's photo.
    hit_snapshot: QImage | None = None
    hit_photo: QImage | None = None
    pending: list[tuple[str, datetime, str]] = field(default_factory=list)
    why_not: Mapping[str, str] = field(default_factory=dict)  # action → reason ("" = may)
    wall_available: bool = False
    nearby_units: list[Unit] = field(default_factory=list)


def _local(t: datetime) -> str:
    return t.astimezone().strftime("%H:%M:%S")


class AlarmCard(QWidget):
    action_requested = Signal(str)  # one of ACTIONS' names
    member_selected = Signal(str)  # an alarm id of the group
    group_toggled = Signal(str)  # expand/fold the queue row of this group (head id)
    show_on_wall = Signal(list)  # camera ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmCard")
        self._alarm_id: str | None = None

        self._header = QLabel(self)
        self._header.setObjectName("alarmCardHeader")
        self._header.setTextFormat(Qt.TextFormat.RichText)
        self._header.setWordWrap(True)
        self._title = QLabel(self)
        self._title.setObjectName("alarmCardTitle")
        self._title.setWordWrap(True)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message = QLabel(self)
        self._message.setObjectName("alarmCardMessage")
        self._message.setWordWrap(True)
        self._message.hide()

        self._buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for name, label, shortcut in ACTIONS:
            button = QPushButton(f"{tr(label)}  [{shortcut}]", self)
            button.setObjectName(f"alarmCard_{name}")
            button.clicked.connect(lambda _=False, n=name: self.action_requested.emit(n))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the queue
            self._buttons[name] = button
            buttons.addWidget(button)
        buttons.addStretch(1)

        self._hit = HitPanel(self)
        self._hit.camera_to_wall.connect(lambda camera_id: self.show_on_wall.emit([camera_id]))
        self._group = QLabel(self)
        self._group.setObjectName("alarmCardGroup")
        self._group.setWordWrap(True)
        self._group_toggle = QPushButton(self)
        self._group_toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._group_toggle.clicked.connect(
            lambda: self._alarm_id and self.group_toggled.emit(self._alarm_id))
        self._members = QListWidget(self)
        self._members.setObjectName("alarmCardMembers")
        self._members.itemActivated.connect(
            lambda item: self.member_selected.emit(item.data(Qt.ItemDataRole.UserRole)))
        self._members.itemClicked.connect(
            lambda item: self.member_selected.emit(item.data(Qt.ItemDataRole.UserRole)))
        self._members.setMaximumHeight(140)

        self._description = QLabel(self)
        self._description.setWordWrap(True)
        self._description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._facts = QLabel(self)
        self._facts.setObjectName("alarmCardFacts")
        self._facts.setTextFormat(Qt.TextFormat.RichText)
        self._facts.setWordWrap(True)
        self._map = MiniMap(self)
        self._map.setMinimumHeight(180)
        self._cameras = QLabel(self)
        self._cameras.setTextFormat(Qt.TextFormat.RichText)
        self._cameras.setWordWrap(True)
        self._wall = QPushButton(tr("Show cameras on the wall"), self)
        self._wall.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._wall.clicked.connect(self._ask_wall)
        self._units = QLabel(self)
        self._units.setTextFormat(Qt.TextFormat.RichText)
        self._units.setWordWrap(True)
        self._timeline = QLabel(self)
        self._timeline.setObjectName("alarmCardTimeline")
        self._timeline.setTextFormat(Qt.TextFormat.RichText)
        self._timeline.setWordWrap(True)
        self._timeline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._camera_ids: list[str] = []

        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        row = 0
        for widget in (self._hit, self._group, self._group_toggle, self._members,
                       self._description, self._facts, self._map):
            grid.addWidget(widget, row, 0, 1, 2)
            row += 1
        for caption, widget in ((tr("Cameras"), self._cameras), (tr("Units"), self._units),
                                (tr("History"), self._timeline)):
            label = QLabel(f"<b>{html.escape(caption)}</b>", body)
            grid.addWidget(label, row, 0, 1, 2)
            grid.addWidget(widget, row + 1, 0, 1, 2)
            row += 2
            if widget is self._cameras:
                grid.addWidget(self._wall, row, 0, 1, 1, Qt.AlignmentFlag.AlignLeft)
                row += 1
        grid.setRowStretch(row, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self._empty = QLabel(tr("Select an alarm in the queue to see it here."), self)
        self._empty.setObjectName("alarmCardEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self._header)
        layout.addWidget(self._title)
        layout.addWidget(self._message)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._empty, 1)
        self._content = [self._header, self._title, scroll, *self._buttons.values()]
        self.clear()

    # --- public ----------------------------------------------------------------------------

    def alarm_id(self) -> str | None:
        return self._alarm_id

    def button(self, action: str) -> QPushButton:
        return self._buttons[action]

    def message(self) -> str:
        return self._message.text() if self._message.isVisible() else ""

    def clear(self, text: str = "") -> None:
        self._alarm_id = None
        for w in self._content:
            w.hide()
        self._message.hide()
        if text:
            self._empty.setText(text)
        self._empty.show()

    def show_message(self, text: str, level: str = "warning") -> None:
        """A line for the officer under the title (a refusal, a failed action)."""
        if not text:
            self._message.hide()
            return
        swatch = NOTICE_COLORS.get(level, NOTICE_COLORS["warning"])
        self._message.setStyleSheet(f"background-color: {swatch.background};"
                                    f" color: {swatch.text}; padding: 4px; font-weight: bold;")
        self._message.setText(text)
        self._message.show()

    def show_alarm(self, data: CardData) -> None:
        a = data.alarm
        if a.id != self._alarm_id:
            self._message.hide()
        self._alarm_id = a.id
        self._empty.hide()
        for w in self._content:
            w.show()
        self._show_header(data)
        self._title.setText(a.title)
        if data.refusal:
            self.show_message(tr("Refused by the server: {m}").format(m=data.refusal))
        for name, _label, shortcut in ACTIONS:
            why = data.why_not.get(name, "")
            button = self._buttons[name]
            button.setEnabled(not why)
            button.setToolTip(why or tr("Shortcut: {key}").format(key=shortcut))
            if name == "verify":
                button.setVisible(a.kind == "watchlist_hit")
        self._show_hit(data)
        self._show_group(data)
        self._description.setText(a.description)
        self._description.setVisible(bool(a.description))
        self._show_facts(data)
        self._show_map(data)
        self._show_cameras(data)
        self._show_units(data)
        self._show_timeline(data)

    # --- parts -------------------------------------------------------------------------------

    def _show_header(self, data: CardData) -> None:
        a = data.alarm
        p = PRIORITY_COLORS[a.priority]
        state = state_label(a.state)
        if data.mark == "closing":
            state = tr("{state}, closing (queued)").format(state=state)
        elif data.mark == "queued":
            state = tr("{state} (queued)").format(state=state)
        if a.disposition:
            state += f" · {disposition_label(a.disposition)}"
        glyph = KIND_GLYPHS.get(a.kind, KIND_GLYPHS["other"])
        self._header.setText(
            f"{chip(tr('P{p}').format(p=a.priority), p.background, p.text)} &nbsp;"
            f"{glyph} {html.escape(kind_label(a.kind))} &nbsp;·&nbsp; "
            f"<b>{html.escape(state)}</b> &nbsp;·&nbsp; {html.escape(a.id)}")

    def _show_hit(self, data: CardData) -> None:
        a = data.alarm
        camera = next((c for i in a.camera_ids if (c := data.cameras.get(i)) is not None), None)
        self._hit.show_hit(a, data.watch_entry, data.may_see_watchlist, data.hit_snapshot,
                           data.hit_photo, camera, data.wall_available)

    def _show_group(self, data: CardData) -> None:
        members = data.members
        if len(members) < 2:
            for w in (self._group, self._group_toggle, self._members):
                w.hide()
            return
        a = data.alarm
        self._group.setText(tr("{n} repeats from {source} ({kind}), {first} to {last}. "
                               "Acknowledging or closing acts on all of them.").format(
            n=len(members), source=a.source.name or a.source.id or a.source.type,
            kind=kind_label(a.kind), first=_local(members[0].created_at),
            last=_local(members[-1].created_at)))
        self._group_toggle.setText(tr("Fold the group in the queue") if data.group_expanded
                                   else tr("Expand the group in the queue"))
        self._members.clear()
        for m in reversed(members[-MEMBERS_SHOWN:]):
            item = QListWidgetItem(f"{_local(m.created_at)}  {state_label(m.state)}  "
                                   f"{m.id}  {m.title}")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self._members.addItem(item)
        for w in (self._group, self._group_toggle, self._members):
            w.show()

    def _show_facts(self, data: CardData) -> None:
        a = data.alarm
        src = a.source
        rows = [(tr("Source"), f"{src.name or src.id or '—'} ({src.type})"),
                (tr("Address"), address_text(a))]
        if data.grid is not None:
            props = data.grid.properties
            rows.append((tr("Grid"), f"{props.name} · {props.station or '—'}"))
        elif a.grid_id:
            rows.append((tr("Grid"), a.grid_id))
        rows.append((tr("Raised"), a.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")))
        if a.acknowledged_at is not None:
            rows.append((tr("Acknowledged"), tr("{t} by {who}").format(
                t=_local(a.acknowledged_at), who=a.acknowledged_by or "?")))
        self._facts.setText("<table>" + "".join(
            f"<tr><td style='padding-right:8px; color:{SECONDARY_TEXT}'>{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>" for k, v in rows) + "</table>")

    def _show_map(self, data: CardData) -> None:
        a = data.alarm
        units = [(u.callsign, u.position.lat, u.position.lon, u.status)
                 for u in data.nearby_units if u.position is not None]
        cameras = [(c.name, c.location.lat, c.location.lon)
                   for i in a.camera_ids if (c := data.cameras.get(i)) is not None]
        label = data.grid.properties.name if data.grid is not None else ""
        self._map.show_place(a.location.lat, a.location.lon, priority=a.priority,
                             grid=data.grid, grid_label=label, units=units, cameras=cameras)

    def _show_cameras(self, data: CardData) -> None:
        a = data.alarm
        self._camera_ids = list(a.camera_ids)
        if not a.camera_ids:
            self._cameras.setText(html.escape(tr("No camera sees this place.")))
        else:
            parts = []
            for camera_id in a.camera_ids:
                c = data.cameras.get(camera_id)
                if c is None:
                    parts.append(html.escape(camera_id))
                    continue
                status = tr("online") if c.status == "online" else tr("offline")
                parts.append(f"{html.escape(c.name)} <span style='color:{SECONDARY_TEXT}'>"
                             f"({html.escape(status)})</span>")
            self._cameras.setText("<br>".join(parts))
        self._wall.setVisible(data.wall_available and bool(a.camera_ids))

    def _ask_wall(self) -> None:
        if self._camera_ids:
            self.show_on_wall.emit(list(self._camera_ids))

    def _show_units(self, data: CardData) -> None:
        a = data.alarm
        if not a.assigned_unit_ids:
            self._units.setText(html.escape(tr("No unit assigned.")))
            return
        parts = []
        for unit_id in a.assigned_unit_ids:
            u = data.units.get(unit_id)
            if u is None:
                parts.append(html.escape(unit_id))
                continue
            sw = UNIT_STATUS_COLORS.get(u.status)
            status = unit_status_label(u.status)
            badge = chip(status, sw.background, sw.text) if sw else html.escape(status)
            parts.append(f"{html.escape(u.callsign)} {badge}")
        self._units.setText("<br>".join(parts))

    def _show_timeline(self, data: CardData) -> None:
        rows = []
        for e in timeline(data.alarm, data.pending):
            style = f" style='color:{QUEUED_TEXT}; font-style:italic'" if e.queued else ""
            queued = f" ({html.escape(tr('queued'))})" if e.queued else ""
            rows.append(f"<tr{style}><td style='padding-right:8px'>{_local(e.at)}</td>"
                        f"<td style='padding-right:8px'>{html.escape(e.who)}</td>"
                        f"<td>{html.escape(e.what)}{queued}</td></tr>")
        self._timeline.setText("<table>" + "".join(rows) + "</table>")
