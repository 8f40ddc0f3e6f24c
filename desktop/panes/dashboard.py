"""The dashboard pane: live KPIs for leadership and the duty officers, and the shift handover
report.

The figures come from ``DashboardFeed`` (the local cache, kept up to date change set by change
set); the only control is the tool bar's "Shift handover report…", which asks for a period and
a file and writes the PDF and its CSV (audited, see ``shift_report_export``).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.panes.dashboard_feed import DashboardFeed
from desktop.panes.pane_tasks import PaneTasks
from desktop.panes.shift_report_export import Exported, export
from desktop.settings import UserSettings
from desktop.shell.pane_context import PaneContext
from widgets.command_palette import command_from_action
from widgets.dashboard import DashboardView
from widgets.i18n import tr

log = logging.getLogger(__name__)

# (label, hours back from now); 0: the officer sets both ends
PERIODS = ((QT_TR_NOOP("Last 8 hours (this shift)"), 8), (QT_TR_NOOP("Last 12 hours"), 12),
           (QT_TR_NOOP("Last 24 hours"), 24), (QT_TR_NOOP("Custom period"), 0))


class ReportPeriodDialog(QDialog):
    """Which period the handover report covers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Shift handover report"))
        self.preset = QComboBox(self)
        for label, hours in PERIODS:
            self.preset.addItem(tr(label), hours)
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now.addSecs(-8 * 3600), self)
        self.end = QDateTimeEdit(now, self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Make report…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Period"), self.preset)
        form.addRow(tr("From"), self.start)
        form.addRow(tr("To"), self.end)
        form.addRow(QLabel(tr("The PDF and a CSV of its alarms are written; both are "
                              "recorded in the audit log."), self))
        form.addRow(buttons)
        self._preset_chosen()

    def _preset_chosen(self) -> None:
        hours = self.preset.currentData()
        custom = not hours
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            now = QDateTime.currentDateTime()
            self.end.setDateTime(now)
            self.start.setDateTime(now.addSecs(-int(hours) * 3600))

    def period(self) -> tuple[datetime, datetime]:
        """[start, end) in UTC."""
        def utc(edit: QDateTimeEdit) -> datetime:
            return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)
        start, end = utc(self.start), utc(self.end)
        if end <= start:
            end = start + timedelta(minutes=1)
        return start, end


class DashboardPane(QWidget):
    report_written = Signal(object)  # Exported

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPane")
        self.ctx = ctx
        self.feed = ctx.kpis if ctx.kpis is not None else DashboardFeed(ctx, self)
        self.view = DashboardView(self)
        self.tasks = PaneTasks(lambda text, level: ctx.session.tell(level, text))  # type: ignore[arg-type]
        bar = QToolBar(self)
        bar.setObjectName("dashboardBar")
        self.report_action = bar.addAction(tr("Shift handover report…"), self.ask_report)
        self.report_action.setObjectName("shiftReportAction")
        self.report_action.setToolTip(tr("A PDF of the period for the next shift, with a CSV "
                                         "of its alarms"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        self.feed.figures_changed.connect(self.view.show_figures)
        if self.feed.latest is not None:
            self.view.show_figures(self.feed.latest)
        if ctx.commands is not None:
            ctx.commands.register(command_from_action(
                self.report_action, name="shift-report",
                words=("handover", "report", "交接", "报告", "班")))

    def apply_settings(self, settings: UserSettings) -> None:
        if self.feed.parent() is self:
            self.feed.apply_settings(settings)

    # --- the shift report ---------------------------------------------------------------------

    def ask_report(self) -> None:
        dialog = ReportPeriodDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = dialog.period()
        folder = self.ctx.exports or Path.home()
        name = f"shift-report-{start.astimezone():%Y%m%d-%H%M}-{end.astimezone():%H%M}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the shift handover report"),
                                              str(folder / name), tr("PDF (*.pdf)"))
        if path:
            self.make_report(start, end, Path(path))

    def make_report(self, start: datetime, end: datetime, pdf: Path) -> None:
        """Write the report of [start, end) at ``pdf`` (and its CSV beside it)."""
        try:
            pdf.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            log.warning("shift report: cannot create %s: %s", pdf.parent, e)

        async def run() -> Exported | None:
            try:
                return await export(self.ctx, start, end, pdf)
            except OSError as e:
                log.warning("shift report not written to %s: %s", pdf, e)
                self.ctx.session.tell("warning", tr("The report could not be written to {path}: "
                                                    "{error}").format(path=pdf, error=e.strerror
                                                                      or e))
                return None

        def done(result: Exported | None) -> None:
            if result is None:
                return
            self.ctx.session.tell("info", tr("Shift handover report written: {pdf} (and {csv})")
                                  .format(pdf=result.pdf.name, csv=result.csv.name))
            self.report_written.emit(result)

        self.tasks.run(run(), done)


def build_dashboard(ctx: PaneContext) -> QWidget:
    return DashboardPane(ctx)


