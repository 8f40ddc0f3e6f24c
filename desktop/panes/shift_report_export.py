"""Making the shift handover report: gather the period's alarms, compute, audit, write.

The alarms come from the local cache (with the dispatch times this workstation saw) and, when
the server answers, its history of closed alarms (``PaneContext.history``). Each file — the
PDF and the CSV of the underlying alarms — is audited before it is written; if the audit
record cannot be written, nothing is exported and the officer is told why.
"""

from __future__ import annotations

import logging
import platform
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP

from backend_client import schemas as s
from backend_client.figures import ShiftReport
from desktop.services.alarm_actions import ActionRefused
from desktop.settings import kpi_targets
from desktop.shell.pane_context import PaneContext
from desktop.state.shift_report import Held, build_shift_report, chart_figures, merge
from widgets.dashboard.images import chart_images
from widgets.report.alarms_csv import write_alarms_csv
from widgets.report.shift_report import write_shift_report

log = logging.getLogger(__name__)

CHART_SIZE = (1800, 700)  # pixels at the PDF's 300 dpi: the text width, a third of its height


@dataclass(frozen=True)
class Exported:
    pdf: Path
    csv: Path
    report: ShiftReport


async def gather(ctx: PaneContext, start: datetime, end: datetime) -> ShiftReport:
    """The report of [start, end) from everything this workstation can know."""
    cached = [Held(a, d) for a, d in await ctx.report_alarms(start, end)]
    try:
        history = [a for a in await ctx.history(start) if a.created_at < end]
    except Exception:
        log.exception("shift report: the alarm history could not be read; cache only")
        history = []
    hall, session = ctx.hall, ctx.session
    operator = session.operator
    live = session.connection.is_live and not hall.from_cache
    return build_shift_report(
        merge(cached, history), start, end, targets=kpi_targets(ctx.settings()),
        units=hall.units.values(), made_by=operator.name if operator else "",
        workstation=platform.node() or "ccw", made_at=s.utcnow(), live=live,
        as_of=None if live else session.live_as_of,
        grid_names={g.id: g.properties.name for g in hall.grids.values()})


async def export(ctx: PaneContext, start: datetime, end: datetime, pdf: Path) -> Exported:
    """Write the PDF at ``pdf`` and the CSV beside it, each audited first."""
    report = await gather(ctx, start, end)
    csv = pdf.with_suffix(".csv")
    period = {"period_start": s.format_time(start), "period_end": s.format_time(end),
              "alarms": len(report.alarms)}
    await _audit(ctx, pdf, "pdf", period)
    write_shift_report(pdf, report, chart_images(chart_figures(report), *CHART_SIZE))
    await _audit(ctx, csv, "csv", period)
    write_alarms_csv(csv, report.alarms)
    log.info("shift report %s and %s written (%d alarms)", pdf, csv, len(report.alarms))
    return Exported(pdf, csv, report)


async def _audit(ctx: PaneContext, path: Path, fmt: str, period: dict[str, object]) -> None:
    try:
        await ctx.audit("report_export", "shift_report", None,
                        {"file": path.name, "format": fmt, **period})
    except Exception as e:
        log.exception("shift report: audit record not written")
        raise ActionRefused(QT_TR_NOOP("The audit log could not be written, so the report "
                                       "was not exported.")) from e
