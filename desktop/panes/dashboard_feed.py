"""``DashboardFeed``: keeps a ``KpiBook`` in step with the hall and publishes its figures.

After a start or a snapshot (a ``reset`` change set) the book is loaded from the local cache
off the UI thread; change sets that arrive meanwhile wait in a backlog and are applied after
the load (the version rule makes a change the cache already had harmless). Other change sets
are applied at once, and the figures are published at most four times a second — and every
few seconds anyway, since time alone makes alarms overdue and moves the 24-hour period.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from backend_client.figures import DashboardFigures
from desktop.panes.pane_tasks import PaneTasks
from desktop.settings import UserSettings, kpi_targets
from desktop.shell.pane_context import PaneContext
from desktop.state.kpis import KpiBook, fact_from_row, period_start

log = logging.getLogger(__name__)

PUBLISH_MS = 250
TICK_MS = 5000


class DashboardFeed(QObject):
    figures_changed = Signal(object)  # DashboardFigures

    def __init__(self, ctx: PaneContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.book = KpiBook(kpi_targets(ctx.settings()))
        self.latest: DashboardFigures | None = None
        self.loads = 0  # loads from the cache finished (tests wait for them)
        self._loading = False
        self._backlog: list[s.Alarm] = []
        self._tasks = PaneTasks(lambda text, level: ctx.session.tell(level, text))  # type: ignore[arg-type]
        self._publish_timer = QTimer(self)
        self._publish_timer.setSingleShot(True)
        self._publish_timer.setInterval(PUBLISH_MS)
        self._publish_timer.timeout.connect(self.publish)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.publish)
        self._tick.start(TICK_MS)
        self._unsubscribe = [ctx.hall.subscribe(self._changed),
                             ctx.session.subscribe(self._session_changed)]
        self.destroyed.connect(lambda *_: self._stop())
        if ctx.hall.loaded:
            self._reload()

    def _stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._tasks.cancel()

    def apply_settings(self, settings: UserSettings) -> None:
        self.book.targets = kpi_targets(settings)
        self.publish()

    # --- change sets --------------------------------------------------------------------------

    def _changed(self, changes: ChangeSet) -> None:
        if changes.reset:
            self._reload()
        elif self._loading:
            self._backlog.extend(changes.alarms)
        elif changes.alarms:
            self.book.apply(changes.alarms, s.utcnow())
        self._publish_soon()

    def _session_changed(self, what: str) -> None:
        if what in ("connection", "data"):
            self._publish_soon()

    def _reload(self) -> None:
        self._loading = True
        self._backlog = []
        self._tasks.spawn(self._load())

    async def _load(self) -> None:
        now = s.utcnow()
        since = datetime.fromtimestamp(period_start(now), UTC)
        try:
            rows = await self.ctx.alarm_facts(since)
            facts = [fact_from_row(r) for r in rows]
        except Exception:
            # The open alarms at least: the hall holds them.
            log.exception("dashboard: the local cache could not be read; counting the open "
                          "alarms only")
            facts = []
        self.book.load(facts, now)
        # What the hall holds is at least as new as the cache (and all there is without one).
        self.book.apply(self.ctx.hall.alarms.values(), now)
        backlog, self._backlog, self._loading = self._backlog, [], False
        self.book.apply(backlog, now)
        self.loads += 1
        self.publish()

    # --- figures ------------------------------------------------------------------------------

    def _publish_soon(self) -> None:
        if not self._publish_timer.isActive():
            self._publish_timer.start()

    def publish(self) -> None:
        hall = self.ctx.hall
        live = self.ctx.session.connection.is_live and not hall.from_cache
        self.latest = self.book.figures(
            s.utcnow(), live=live, units=hall.units.values(), cameras=hall.cameras.values(),
            grid_names={g.id: g.properties.name for g in hall.grids.values()})
        if not live:
            as_of = self.ctx.session.live_as_of
            if as_of is not None:
                self.latest = _as_of(self.latest, as_of)
        self.figures_changed.emit(self.latest)


def _as_of(fig: DashboardFigures, as_of: datetime) -> DashboardFigures:
    """Offline, the figures are as of the last moment the workstation was live."""
    return replace(fig, as_of=as_of)
