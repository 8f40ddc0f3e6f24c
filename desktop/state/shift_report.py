"""The shift handover report's figures for one period, from the alarms the workstation holds
(its cache, completed by the server's history). Qt-free; ``widgets.report`` writes them out.

Definitions, so the next shift reads the same numbers the same way:

- *raised*: alarms created in the period; *closed*: alarms closed in it, by disposition;
- response times: of the alarms raised in the period, created → acknowledged and acknowledged
  → dispatched (nearest-rank percentiles, as on the dashboard);
- *overdue*: raised in the period and left unacknowledged longer than their priority's target
  (until acknowledged, closed, or the end of the period);
- *notable*: P1 alarms and alarms with notes, most urgent first (at most ``NOTABLE_MAX``; the
  CSV has every alarm);
- *handed over*: created before the end and not closed by it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from backend_client import schemas as s
from backend_client.figures import (
    DISPOSITIONS,
    PRIORITIES,
    UNIT_STATUSES,
    DashboardFigures,
    Distribution,
    FloodFigures,
    ReportAlarm,
    ShiftReport,
)
from desktop.state.kpis import FLOOD_BUCKET, HOUR, KpiTargets

NOTABLE_MAX = 40


@dataclass(frozen=True)
class Held:
    """An alarm and the dispatch time this workstation saw (None: not seen)."""

    alarm: s.Alarm
    dispatched_at: datetime | None


def merge(cached: Iterable[Held], history: Iterable[s.Alarm]) -> list[Held]:
    """The cache's alarms completed by the server's history; the higher version wins, and a
    dispatch time seen here is kept."""
    out: dict[str, Held] = {h.alarm.id: h for h in cached}
    for alarm in history:
        held = out.get(alarm.id)
        if held is None:
            out[alarm.id] = Held(alarm, None)
        elif alarm.version > held.alarm.version:
            same = held.alarm.created_at == alarm.created_at
            out[alarm.id] = Held(alarm, held.dispatched_at if same else None)
    return sorted(out.values(), key=lambda h: (h.alarm.created_at, h.alarm.id))


def _waited_s(a: s.Alarm, end: datetime) -> float:
    """How long the alarm waited for its acknowledgement (up to the end of the period)."""
    stops = [t for t in (a.acknowledged_at, a.closed_at) if t is not None]
    stop = min([*stops, end])
    return max(0.0, (stop - a.created_at).total_seconds())


def _report_alarm(h: Held, callsigns: Mapping[str, str], grid_names: Mapping[str, str]
                  ) -> ReportAlarm:
    a = h.alarm
    return ReportAlarm(
        id=a.id, priority=a.priority, kind=a.kind, title=a.title,
        address=a.location.address if a.location else "",
        grid=grid_names.get(a.grid_id or "", a.grid_id or ""), state=a.state,
        disposition=a.disposition, created_at=a.created_at,
        acknowledged_at=a.acknowledged_at, dispatched_at=h.dispatched_at,
        closed_at=a.closed_at,
        units=tuple(callsigns.get(u, u) for u in a.assigned_unit_ids),
        notes=tuple((n.at, n.by, n.text) for n in a.notes))


def flood_figures(created: Iterable[datetime], start: datetime, end: datetime,
                  threshold: int) -> FloodFigures:
    """New alarms per 10-minute bucket from ``start`` to ``end`` (buckets on the clock's tens
    of minutes, as on the dashboard)."""
    first = int(start.timestamp() // FLOOD_BUCKET)
    last = int((end.timestamp() - 1e-6) // FLOOD_BUCKET)
    counts = Counter(int(t.timestamp() // FLOOD_BUCKET) for t in created)
    buckets = range(first, max(first, last) + 1)
    ten_min_ago = end.timestamp() - FLOOD_BUCKET
    recent = sum(n for b, n in counts.items() if b * FLOOD_BUCKET >= ten_min_ago)
    return FloodFigures(threshold, int(FLOOD_BUCKET // 60),
                        tuple(datetime.fromtimestamp(b * FLOOD_BUCKET, start.tzinfo)
                              for b in buckets),
                        tuple(counts.get(b, 0) for b in buckets), recent)


def build_shift_report(held: Iterable[Held], start: datetime, end: datetime, *,
                       targets: KpiTargets, units: Iterable[s.Unit], made_by: str,
                       workstation: str, made_at: datetime, live: bool,
                       as_of: datetime | None, grid_names: Mapping[str, str] | None = None
                       ) -> ShiftReport:
    grid_names = grid_names or {}
    units = list(units)
    callsigns = {u.id: u.callsign for u in units}
    held = list(held)
    raised = [h for h in held if start <= h.alarm.created_at < end]
    closed = [h.alarm for h in held
              if h.alarm.closed_at is not None and start <= h.alarm.closed_at < end]
    handed = [h for h in held if h.alarm.created_at < end
              and (h.alarm.closed_at is None or h.alarm.closed_at >= end)
              and (h.alarm.state != "closed" or h.alarm.closed_at is not None)]
    in_scope = {h.alarm.id: h for h in (*raised, *handed)}

    by_disposition: dict[int, dict[str, int]] = {p: dict.fromkeys(DISPOSITIONS, 0)
                                                 for p in PRIORITIES}
    for a in closed:
        if a.disposition in DISPOSITIONS and a.priority in by_disposition:
            by_disposition[a.priority][a.disposition] += 1

    ack, dispatch, unmeasured = [], [], 0
    for h in raised:
        a = h.alarm
        if a.acknowledged_at is not None:
            ack.append(max(0.0, (a.acknowledged_at - a.created_at).total_seconds()))
        if h.dispatched_at is not None and a.acknowledged_at is not None:
            dispatch.append(max(0.0, (h.dispatched_at - a.acknowledged_at).total_seconds()))
        elif a.assigned_unit_ids or a.state in ("dispatched", "on_scene"):
            unmeasured += 1

    overdue = [h for h in raised
               if _waited_s(h.alarm, end) > targets.ack_by_priority.get(h.alarm.priority, 0.0)]
    notable = sorted((h for h in raised if h.alarm.priority == 1 or h.alarm.notes),
                     key=lambda h: (h.alarm.priority, h.alarm.created_at))[:NOTABLE_MAX]
    statuses = Counter(u.status for u in units)

    def listed(hs: Iterable[Held]) -> tuple[ReportAlarm, ...]:
        return tuple(_report_alarm(h, callsigns, grid_names) for h in hs)

    return ShiftReport(
        period_start=start, period_end=end, made_at=made_at, made_by=made_by,
        workstation=workstation, live=live, as_of=as_of,
        raised_by_priority={p: sum(1 for h in raised if h.alarm.priority == p)
                            for p in PRIORITIES},
        closed_by_priority_disposition=by_disposition,
        ack=Distribution.of(ack, targets.answer_s, targets.percent),
        dispatch=Distribution.of(dispatch, targets.processing_s, targets.percent, unmeasured),
        overdue=listed(overdue),
        units_by_status={st: statuses[st] for st in UNIT_STATUSES},
        notable=listed(notable),
        handed_over=listed(sorted(handed, key=lambda h: (h.alarm.priority,
                                                         h.alarm.created_at))),
        alarms=listed(sorted(in_scope.values(), key=lambda h: (h.alarm.created_at,
                                                               h.alarm.id))),
        flood=flood_figures((h.alarm.created_at for h in raised), start, end,
                            targets.flood_threshold),
    )


def chart_figures(report: ShiftReport) -> DashboardFigures:
    """The report's period drawn with the dashboard's charts: alarms per hour by priority,
    the two distributions and the flood measure (the other fields say "now")."""
    start, end = report.period_start, report.period_end
    first = math.floor(start.timestamp() / HOUR)
    last = math.ceil(end.timestamp() / HOUR)
    hours = list(range(first, max(first + 1, last)))
    index = {h: i for i, h in enumerate(hours)}
    counts = [[0, 0, 0, 0] for _ in hours]
    for a in report.alarms:
        if start <= a.created_at < end and a.priority in PRIORITIES:
            i = index.get(math.floor(a.created_at.timestamp() / HOUR))
            if i is not None:
                counts[i][a.priority - 1] += 1
    flood = report.flood or flood_figures((), start, end, 10)
    return DashboardFigures(
        as_of=end, live=report.live, period_start=start,
        open_by_priority={p: 0 for p in PRIORITIES}, unacknowledged=0, overdue=0,
        units_by_status=dict(report.units_by_status), cameras_online=0, cameras_offline=0,
        top_grids=(),
        hour_starts=tuple(datetime.fromtimestamp(h * HOUR, start.tzinfo) for h in hours),
        hourly=tuple((c[0], c[1], c[2], c[3]) for c in counts),
        ack=report.ack, dispatch=report.dispatch, flood=flood,
        alarms_in_period=sum(report.raised_by_priority.values()))
