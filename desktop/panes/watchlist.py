"""The watchlist pane: the current entries, an entry's details, its hits, and its BOLO sheet.

Accountable by construction:
- only current entries with a legal basis are listed (the hall drops others on arrival, the
  list model refuses them, and a minute's tick takes out what expires while shown);
- opening an entry, running a search and exporting a sheet each write one audit record
  before anything is shown or written (``WatchlistAccess``); a search is run when the
  officer presses Enter, never keystroke by keystroke;
- roles without watchlist details (video patrol, leadership) see the pane and the reason,
  and how many entries there are by category, nothing about anyone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from desktop.panes.hit_pictures import decode_picture
from desktop.panes.pane_tasks import PaneTasks
from desktop.panes.watch_hits import WatchHits
from desktop.services.watchlist_access import OpenedEntry, WatchlistRefused
from desktop.shell.pane_context import PaneContext
from desktop.shell.status import role_name
from widgets.i18n import tr
from widgets.watchlist.bolo_sheet import write_bolo_sheet
from widgets.watchlist.detail import EntryDetail
from widgets.watchlist.facts import HitCounts
from widgets.watchlist.list_view import WatchlistList
from widgets.watchlist.restricted import RestrictedNotice

log = logging.getLogger(__name__)

TICK_MS = 60_000  # days left move on, and entries expire, while the pane is open
HIT_HISTORY_DAYS = 30  # closed hits counted per entry: a month of matching


class WatchlistPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchlistPane")
        self.ctx = ctx
        self.access = ctx.watchlist
        self.tasks = PaneTasks(self._tell)
        self.hits = WatchHits()
        self._opened: OpenedEntry | None = None
        self._history_loaded = False

        self.list = WatchlistList(self)
        self.detail = EntryDetail(self)
        self.restricted = RestrictedNotice(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.restricted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list.search_requested.connect(self._search)
        self.list.entry_opened.connect(self.open_entry)
        self.detail.export_requested.connect(self._export_asked)
        self.detail.sighting_selected.connect(ctx.selection.select_alarm)

        self._tick = QTimer(self)
        self._tick.timeout.connect(self._minute)
        self._tick.start(TICK_MS)
        self._unsubscribe = [ctx.hall.subscribe(self._hall_changed),
                             ctx.session.subscribe(self._session_changed)]
        self.destroyed.connect(lambda *_: self._cleanup())  # a lambda: self is going away
        self._session_changed("operator")
        if ctx.hall.loaded:
            self._hall_changed(ChangeSet(reset=True, alarms=list(ctx.hall.alarms.values())))

    # --- who may see what ---------------------------------------------------------------------

    def may_see(self) -> bool:
        return self.access is not None and self.access.may_see()

    def _session_changed(self, what: str) -> None:
        if what == "operator":
            self._close_entry()
            self.list.apply_search("")
            for entry in self.list.model().entries():
                self.list.model().set_thumbnail(entry.id, None)
            self._show_role()
        elif what == "connection" and self.ctx.session.connection.status == "online":
            self._load_hit_history()

    def _show_role(self) -> None:
        if self.may_see() or self.ctx.session.operator is None:
            # Before log-in nothing is listed anyway (the hall is empty until data arrives);
            # the detail explains how entries open.
            self.stack.setCurrentWidget(self.splitter)
            self.detail.clear()
        else:
            self.stack.setCurrentWidget(self.restricted)
            self._show_counts()
        self._show_entries(self._current(self.ctx.hall.watchlist.values()))

    def _show_counts(self) -> None:
        by_category: dict[str, int] = {}
        for entry in self._current(self.ctx.hall.watchlist.values()):
            by_category[entry.category] = by_category.get(entry.category, 0) + 1
        self.restricted.show_counts(by_category, ", ".join(
            role_name(r) for r in self.ctx.session.roles))

    # --- the hall -------------------------------------------------------------------------------

    def _current(self, entries: Iterable[s.WatchlistEntry]) -> list[s.WatchlistEntry]:
        now = s.utcnow()
        return [e for e in entries if e.is_current(now)]

    def _show_entries(self, entries: list[s.WatchlistEntry]) -> None:
        # Roles without details get no rows at all: not even names in a hidden model.
        self.list.model().set_entries(entries if self.may_see() else [], s.utcnow())
        self.list.model().set_counts(self.hits.counts())

    def _hall_changed(self, changes: ChangeSet) -> None:
        hall = self.ctx.hall
        if changes.reset or changes.watchlist or changes.watchlist_removed:
            if changes.reset:
                self._show_entries(self._current(hall.watchlist.values()))
            elif self.may_see():
                self.list.model().update_entries(self._current(changes.watchlist),
                                                  changes.watchlist_removed, s.utcnow())
            if not self.may_see():
                self._show_counts()
            if self._opened is not None and self._opened.entry.id not in hall.watchlist:
                self._entry_gone()
        touched = self.hits.update(changes.alarms)
        if touched:
            self.list.model().set_counts(self.hits.counts())
            if self._opened is not None and self._opened.entry.id in touched:
                self._show_opened()
        if changes.reset and not self._history_loaded and not hall.from_cache:
            self._load_hit_history()

    def _minute(self) -> None:
        now = s.utcnow()
        self.list.model().tick(now)
        if self._opened is not None:
            if not self._opened.entry.is_current(now):
                self._entry_gone()
            else:
                self._show_opened()  # the days left
        if not self.may_see():
            self._show_counts()

    def _load_hit_history(self) -> None:
        if self._history_loaded or not self.may_see():
            return
        self._history_loaded = True

        async def load() -> None:
            closed = await self.ctx.history(s.utcnow() - timedelta(days=HIT_HISTORY_DAYS))
            if self.hits.update(closed):
                self.list.model().set_counts(self.hits.counts())
                if self._opened is not None:
                    self._show_opened()

        self.tasks.run(load())

    # --- opening an entry -----------------------------------------------------------------------

    def open_entry(self, entry_id: str) -> None:
        """Load the entry's details (audited) and show them."""
        if self.access is None or not self.may_see():
            self.detail.show_message(tr("Watchlist details are shown to duty officers and "
                                        "supervisors only."))
            return
        entry = self.ctx.hall.watchlist.get(entry_id)
        self.detail.show_loading(entry.name if entry is not None else entry_id)
        access = self.access

        async def load() -> None:
            try:
                opened = await access.open_entry(entry_id)
            except WatchlistRefused as e:
                self._opened = None
                self.detail.show_message(tr(e.message))
                return
            self._opened = opened
            self._show_opened()
            self.list.model().set_thumbnail(entry_id, decode_picture(opened.photo))
            if opened.offline:
                self._tell(tr("Offline: the entry is shown as cached, without its photo."),
                           "warning")

        self.tasks.run(load())

    def opened_entry_id(self) -> str | None:
        return self._opened.entry.id if self._opened is not None else None

    def _show_opened(self) -> None:
        opened = self._opened
        if opened is None:
            return
        entry = self.ctx.hall.watchlist.get(opened.entry.id, opened.entry)
        if entry.version > opened.entry.version:
            # A newer version arrived (a new valid_until, say): shown, the photo kept.
            opened = self._opened = OpenedEntry(entry, opened.photo, opened.offline)
        self.detail.show_entry(opened.entry, decode_picture(opened.photo),
                               self.hits.sightings(opened.entry.id, self.ctx.hall.cameras),
                               self.hits.counts().get(opened.entry.id, _NO_HITS),
                               s.utcnow())

    def _entry_gone(self) -> None:
        self._opened = None
        self.detail.show_message(tr("This entry is no longer on the watchlist (expired or "
                                    "withdrawn) and is not shown any more."), "info")

    def _close_entry(self) -> None:
        self._opened = None
        self.detail.clear()

    # --- search and export ----------------------------------------------------------------------

    def _search(self, query: str) -> None:
        access = self.access
        if access is None:
            self.list.refuse_search(tr("Not connected to the central services yet."))
            return
        category = self.list.proxy().category()

        async def run() -> None:
            try:
                await access.record_search(query, category)
            except WatchlistRefused as e:
                self.list.refuse_search(tr(e.message))
                return
            self.list.apply_search(query)

        self.tasks.run(run())

    def _export_asked(self, entry_id: str) -> None:
        opened = self._opened
        if opened is None or opened.entry.id != entry_id:
            return
        folder = self.ctx.exports or Path.home()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            log.warning("exports folder %s not made: %s", folder, e)
            folder = Path.home()
        suggested = folder / f"BOLO-{entry_id}-{s.utcnow().astimezone():%Y%m%d-%H%M}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the BOLO sheet"), str(suggested),
                                              tr("PDF files (*.pdf)"))
        if path:
            self.export_entry(entry_id, Path(path))

    def export_entry(self, entry_id: str, path: Path) -> None:
        """Write the opened entry's BOLO sheet to ``path`` (audited before it is written)."""
        opened = self._opened
        access = self.access
        if opened is None or opened.entry.id != entry_id or access is None:
            self._tell(tr("Open the entry before printing its sheet."), "warning")
            return
        operator = self.ctx.session.operator

        async def run() -> None:
            try:
                await access.record_export(entry_id, path.name)
            except WatchlistRefused as e:
                self._tell(tr(e.message), "warning")
                return
            try:
                write_bolo_sheet(path, opened.entry, decode_picture(opened.photo),
                                 printed_by=operator.name if operator else "",
                                 workstation=access.workstation(),
                                 printed_at=s.utcnow())
            except (OSError, ValueError) as e:  # ValueError: the entry expired meanwhile
                log.error("BOLO sheet %s not written: %s", path, e)
                self._tell(tr("The sheet could not be written to {path}: {why}").format(
                    path=str(path), why=str(e)), "critical")
                return
            log.info("BOLO sheet of %s written to %s", entry_id, path)
            self._tell(tr("BOLO sheet saved: {path}").format(path=str(path)), "info")

        self.tasks.run(run())

    # --- the rest ---------------------------------------------------------------------------------

    def _tell(self, text: str, level: str = "info") -> None:
        self.ctx.session.tell(level, text)  # type: ignore[arg-type]

    def pane_state(self) -> dict[str, Any]:
        # The search is not kept: a search is run (and recorded) by the officer, not by a
        # restored layout.
        return {"split": self.splitter.sizes()}

    def restore_pane_state(self, state: dict[str, Any]) -> None:
        if isinstance(state, dict):
            split = state.get("split")
            if isinstance(split, list) and len(split) == 2 and all(
                    type(v) is int and v >= 0 for v in split):
                self.splitter.setSizes(split)

    def _cleanup(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self.tasks.cancel()


_NO_HITS = HitCounts()


def build_watchlist(ctx: PaneContext) -> QWidget:
    return WatchlistPane(ctx)
