"""``AlarmCommands``: the officer's alarm actions as the desk offers them — shortcuts, the card's
buttons, the row menu and the command palette all end here, so each action is written once.

Each asks what it must (a dialog), then hands the values to ``AlarmActions`` (outbox first,
optimistic view, server's word last) on the asyncio loop. A refusal — by the workstation's
own check or by the server later — is shown on the card in words an officer understands.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from backend_client import schemas as s
from desktop.panes.pane_tasks import PaneTasks
from desktop.shell.pane_context import PaneContext
from desktop.state.nearest import rank_units
from desktop.state.shelves import SHELF_MINUTES
from widgets.alarm_dialogs import CloseDialog, NoteDialog, RaiseAlarmDialog, VerifyDialog
from widgets.alarm_queue import AlarmQueueModel
from widgets.alarm_queue.model import source_key
from widgets.command_palette import PaletteCommand
from widgets.geo_projection import bounds_of
from widgets.i18n import plural, tr
from widgets.shelf_dialogs import ShelveDialog, ShelvesDialog
from widgets.unit_picker import UnitPickerDialog

log = logging.getLogger(__name__)

_DISPOSITION_WORDS = {"false": "false_alarm", "false_alarm": "false_alarm", "fa": "false_alarm",
                      "resolved": "resolved", "res": "resolved", "done": "resolved",
                      "duplicate": "duplicate", "dup": "duplicate",
                      "transferred": "transferred", "transfer": "transferred"}


def disposition_of(word: str) -> str | None:
    """``close false`` → false_alarm: the palette's argument to a disposition."""
    word = word.strip().casefold()
    if not word:
        return None
    if word in _DISPOSITION_WORDS:
        return _DISPOSITION_WORDS[word]
    hits = {v for k, v in _DISPOSITION_WORDS.items() if k.startswith(word)}
    return hits.pop() if len(hits) == 1 else None


class AlarmCommands(QObject):
    def __init__(self, ctx: PaneContext, model: AlarmQueueModel, host: QWidget,
                 tell: Callable[[str, str], None]) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.model = model
        self.host = host  # dialogs are its children (window-modal over the main window)
        self._tell = tell  # (text, level) → the card's message line
        self.tasks = PaneTasks(tell)
        self.dialog: QDialog | None = None  # the one open (tests look at it)

    # --- what the actions act on --------------------------------------------------------------

    def selected(self) -> s.Alarm | None:
        alarm_id = self.ctx.selection.alarm_id
        actions = self.ctx.actions
        if alarm_id is None or actions is None:
            return None
        return actions.alarm(alarm_id)

    def targets(self) -> list[s.Alarm]:
        """The selected alarm — or, for a folded group's row, every member of the group."""
        alarm = self.selected()
        if alarm is None:
            return []
        info = self.model.group_info(alarm.id)
        if info is not None and not info.expanded:
            actions = self.ctx.actions
            assert actions is not None
            members = [actions.alarm(m.id) for m in self.model.group_members(alarm.id)]
            return [m for m in members if m is not None]
        return [alarm]

    def why_not(self, action: str, alarm: s.Alarm | None = None) -> str:
        """Why ``action`` is not possible now, translated ("" if it is)."""
        actions = self.ctx.actions
        if actions is None:
            return tr("Not connected to the central services yet.")
        if action == "acknowledge":
            targets = self.targets() if alarm is None else [alarm]
            if len(targets) > 1:
                if any(t.state == "new" for t in targets):
                    return tr(actions.why_not("acknowledge", next(
                        t for t in targets if t.state == "new")))
                return tr("Already acknowledged.")
        alarm = alarm if alarm is not None else self.selected()
        return tr(actions.why_not(action, alarm))

    # --- the actions --------------------------------------------------------------------------

    def acknowledge(self) -> None:
        targets = [a.id for a in self.targets()]
        if self._refused("acknowledge"):
            return
        actions = self.ctx.actions
        assert actions is not None
        self._run(actions.acknowledge(targets), done=lambda n: n > 1 and self._tell(
            plural(tr("%n alarm acknowledged"), tr("%n alarms acknowledged"), n), "info"))

    def add_note(self) -> None:
        alarm = self.selected()
        if self._refused("add_note") or alarm is None:
            return
        dialog = NoteDialog(alarm, self.host)
        self._open(dialog, lambda: self._actions_call("add_note", alarm.id, dialog.note()))

    def dispatch(self, callsigns: str = "") -> None:
        alarm = self.selected()
        if self._refused("dispatch") or alarm is None:
            return
        settings = self.ctx.settings()
        may_reassign = self.ctx.session.may("reassign")
        candidates = rank_units(self._units_as_this_desk_sees_them(), alarm.location.lat,
                                alarm.location.lon, s.utcnow(),
                                speed_kmh=float(settings.nominal_speed_kmh),
                                include_busy=may_reassign)
        wanted = {c.casefold() for c in callsigns.replace(",", " ").split()}
        preselected = [c.unit.id for c in candidates
                       if c.unit.callsign.casefold() in wanted] if wanted else None
        titles = {i: a.title for i, a in self.ctx.hall.alarms.items()}
        dialog = UnitPickerDialog(alarm, candidates, may_reassign, preselected,
                                  alarm_titles=titles, parent=self.host)
        self._open(dialog, lambda: self._actions_call(
            "dispatch", alarm.id, dialog.chosen_unit_ids(), dialog.note()))

    def _units_as_this_desk_sees_them(self) -> list[s.Unit]:
        """The hall's units with what this desk has queued and the server not yet confirmed:
        a unit just sent elsewhere (offline, say) is busy there, not offered again as free
        — the server would refuse the second dispatch only later."""
        sent = self.ctx.pending.units_sent()
        units = []
        for unit in self.ctx.hall.units.values():
            unit = self.ctx.unit_pending.effective(unit)
            if unit.id in sent and unit.alarm_id != sent[unit.id]:
                unit = unit.model_copy(update={"status": "dispatched",
                                               "alarm_id": sent[unit.id]})
            units.append(unit)
        return units

    def verify(self) -> None:
        alarm = self.selected()
        if self._refused("verify") or alarm is None:
            return
        entry = self.ctx.hall.watchlist.get(alarm.watchlist_id or "")
        summary = ""
        if entry is not None and self.ctx.session.may("watchlist_details"):
            summary = tr("Entry: {name}. Handling: {handling}").format(
                name=entry.name, handling=entry.handling or "\u2014")
        dialog = VerifyDialog(alarm, summary, self.host)
        self._open(dialog, lambda: self._actions_call(
            "verify", alarm.id, bool(dialog.is_match()), dialog.note()))

    def close(self, disposition_word: str = "") -> None:
        targets = self.targets()
        if self._refused("close") or not targets:
            return
        dialog = CloseDialog(targets, disposition_of(disposition_word), self.host)
        ids = [a.id for a in targets]
        self._open(dialog, lambda: self._actions_call("close", ids, dialog.chosen(),
                                                      dialog.note()))

    def raise_alarm(self) -> None:
        why = self.why_not("raise_alarm", None)
        if why and why != tr("Select an alarm first."):
            self._tell(why, "warning")
            return
        grids = sorted(((g.id, f"{g.properties.name} \u00b7 {g.properties.station or ''}")
                        for g in self.ctx.hall.grids.values()), key=lambda x: x[1])
        if not grids:
            self._tell(tr("No grids are known yet: wait for the connection."), "warning")
            return
        near = self.selected()
        dialog = RaiseAlarmDialog(grids, near.grid_id if near else None,
                                  near.location.address or "" if near else "", self.host)

        def raised() -> None:
            v = dialog.values()
            grid = self.ctx.hall.grids.get(str(v["grid_id"]))
            if grid is None:
                self._tell(tr("That grid is no longer known."), "warning")
                return
            place = grid_centre(grid)
            if near is not None and near.grid_id == grid.id:
                place = near.location.lat, near.location.lon
            if place is None:
                self._tell(tr("That grid has no usable outline: choose another."), "warning")
                return
            lat, lon = place
            cameras = [c.id for c in self.ctx.hall.cameras.values() if c.grid_id == grid.id][:4]
            location = s.AlarmLocation(lat=lat, lon=lon, address=str(v["address"]) or None)
            assert self.ctx.actions is not None
            self._run(self.ctx.actions.raise_alarm(
                str(v["kind"]), int(str(v["priority"])), str(v["title"]),
                str(v["description"]), location, cameras),
                done=lambda _r: self._tell(tr("Alarm raised."), "info"))

        self._open(dialog, raised)

    # --- the command palette (Ctrl+K) ---

    def palette_commands(self) -> list[PaletteCommand]:
        """Every alarm action, reachable by typing ("ack", "disp U12", "close false")."""

        def command(name: str, title: str, words: tuple[str, ...], shortcut: str,
                    run: Callable[[str], None], action: str | None,
                    hint: str = "", complete: Callable[[str], list[str]] | None = None
                    ) -> PaletteCommand:
            def why() -> str:
                return self.why_not(action) if action else ""
            return PaletteCommand(name=f"alarm.{name}", title=title, words=words,
                                  shortcut=shortcut, run=run, enabled=lambda: not why(),
                                  why_disabled=why, argument_hint=hint, complete=complete)

        def callsigns(prefix: str) -> list[str]:
            hall = self.ctx.hall
            return sorted(u.callsign for u in hall.units.values() if u.status == "available"
                          and u.callsign.casefold().startswith(prefix.casefold()))[:20]

        def dispositions(prefix: str) -> list[str]:
            return [w for w in ("resolved", "false", "duplicate", "transferred")
                    if w.startswith(prefix.casefold())]

        return [
            command("acknowledge", tr("Acknowledge the selected alarm"),
                    ("acknowledge", "ack", "确认"), "Space", lambda _a: self.acknowledge(),
                    "acknowledge"),
            command("note", tr("Add a note…"), ("note", "n", "备注"), "N",
                    lambda _a: self.add_note(), "add_note"),
            command("dispatch", tr("Dispatch units…"), ("dispatch", "disp", "派警"), "D",
                    self.dispatch, "dispatch", tr("unit callsigns"), callsigns),
            command("verify", tr("Verify the watchlist match…"), ("verify", "核实"), "V",
                    lambda _a: self.verify(), "verify"),
            command("close", tr("Close the selected alarm…"), ("close", "结束"), "C",
                    self.close, "close", tr("resolved | false | duplicate | transferred"),
                    dispositions),
            command("raise", tr("Raise an alarm by hand…"), ("raise", "new", "新警情"),
                    "Ctrl+N", lambda _a: self.raise_alarm(), None),
            command("shelve", tr("Shelve the selected alarm's source…"), ("shelve", "搁置"),
                    "", lambda _a: self.shelve(), None),
            command("shelves", tr("Shelved sources…"), ("shelved", "shelves"), "",
                    lambda _a: self.show_shelves(), None),
        ]

    # --- shelving -----------------------------------------------------------------------------

    def shelve(self) -> None:
        alarm = self.selected()
        if alarm is None:
            self._tell(tr("Select an alarm of the source to shelve."), "warning")
            return
        if not self.ctx.session.may("acknowledge"):
            self._tell(tr("Your role may not do this."), "warning")
            return
        key = source_key(alarm)
        name = alarm.source.name or alarm.source.id or alarm.source.type
        count = sum(1 for a in self.model.all_alarms().values() if source_key(a) == key)
        dialog = ShelveDialog(name, count, SHELF_MINUTES, self.host)

        def shelved() -> None:
            operator = self.ctx.session.operator
            shelf = self.ctx.shelves.shelve(key, name, dialog.note(), dialog.minutes(),
                                            operator.id if operator else "")
            self._audit("shelve_source", key, {"source": name, "reason": shelf.reason,
                                               "until": s.format_time(shelf.until)})
            self._tell(tr("{source} shelved until {t}.").format(
                source=name, t=shelf.until.astimezone().strftime("%H:%M")), "info")

        self._open(dialog, shelved)

    def show_shelves(self) -> None:
        dialog = ShelvesDialog(self.ctx.shelves.active(), self.host)
        unsubscribe = self.ctx.shelves.subscribe(dialog.show_shelves)
        dialog.finished.connect(lambda _code: unsubscribe())

        def back(key: str) -> None:
            shelf = self.ctx.shelves.unshelve(key)
            if shelf is not None:
                self._audit("unshelve_source", key, {"source": shelf.source_name})

        dialog.unshelve_requested.connect(back)
        self._open(dialog, lambda: None)

    def _audit(self, action: str, key: str, details: dict[str, Any]) -> None:
        async def write() -> None:
            try:
                await self.ctx.audit(action, "alarm_source", key, details)
            except Exception:
                log.exception("audit of %s %s failed", action, key)
                self._tell(tr("Could not write the audit record; see the log."), "critical")

        self._spawn(write())

    # --- plumbing -----------------------------------------------------------------------------

    def _refused(self, action: str) -> bool:
        why = self.why_not(action)
        if why:
            self._tell(why, "warning")
        return bool(why)

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()  # one action at a time
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(accepted)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _actions_call(self, name: str, *args: Any) -> None:
        actions = self.ctx.actions
        if actions is None:
            self._tell(tr("Not connected to the central services yet."), "warning")
            return
        self._run(getattr(actions, name)(*args))

    def _run(self, coro: Coroutine[Any, Any, Any],
             done: Callable[[Any], object] | None = None) -> None:
        self.tasks.run(coro, done)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        self.tasks.spawn(coro)

    def cancel_tasks(self) -> None:
        """Dialog results still being queued when the pane closes: the outbox has what was
        written; what was not is abandoned with the pane (its messages have nowhere to go)."""
        self.tasks.cancel()


def grid_centre(grid: s.Grid) -> tuple[float, float] | None:
    """(lat, lon) of the middle of a grid's box: where a hand-raised alarm is placed when the
    officer names only the grid (None for a grid without usable geometry)."""
    bounds = bounds_of(grid.geometry.model_dump())
    if bounds is None:
        return None
    lon, lat = bounds.centre
    return lat, lon
