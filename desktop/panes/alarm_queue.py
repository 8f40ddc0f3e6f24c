"""The alarm queue pane: ``widgets.alarm_queue`` fed from ``HallState``, one batch per change
set (the model turns each batch into a handful of Qt signals, so a flood repaints in batches,
not per alarm)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from backend_client.changes import ChangeSet
from desktop.shell.pane_context import PaneContext
from widgets.alarm_queue import AlarmQueueModel, AlarmQueueView
from widgets.i18n import tr


def build_alarm_queue(ctx: PaneContext) -> QWidget:
    hall = ctx.hall
    model = AlarmQueueModel()
    view = AlarmQueueView(model)
    model.setParent(view)

    def unit_names() -> dict[str, str]:
        return {u.id: u.callsign for u in hall.units.values()}

    def changed(changes: ChangeSet) -> None:
        if changes.reset:
            model.apply(True, list(hall.alarms.values()))
        elif changes.alarms:
            model.apply(False, changes.alarms)  # closed ones leave the queue
        if changes.reset or changes.units:
            model.set_unit_names(unit_names())

    def show_count() -> None:
        # The dock shows the pane's window title: "Alarm queue (3)" while alarms wait for
        # acknowledgement; the main window puts it on the dock's tab.
        waiting = model.unacknowledged_count()
        title = tr("Alarm queue")
        view.setWindowTitle(f"{title} ({waiting})" if waiting else title)

    model.counts_changed.connect(show_count)
    unsubscribe = hall.subscribe(changed)
    view.destroyed.connect(lambda *_: unsubscribe())
    if hall.loaded:
        model.apply(True, list(hall.alarms.values()))
        model.set_unit_names(unit_names())
    return view
