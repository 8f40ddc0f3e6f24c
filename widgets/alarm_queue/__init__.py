"""The alarm queue pane: the open alarms as a table, most urgent first.

``AlarmQueueModel`` is fed change sets (``apply(reset, alarms)``) and does its own sorting and
filtering; ``AlarmQueueView`` shows it with a filter bar and emits ``alarm_selected(id)``.
"""

from widgets.alarm_queue.columns import DEFAULT_ACK_TARGETS, Column, format_duration
from widgets.alarm_queue.filters import AlarmFilter
from widgets.alarm_queue.model import AlarmIdRole, AlarmQueueModel, AlarmRole
from widgets.alarm_queue.view import AlarmQueueView

__all__ = ["DEFAULT_ACK_TARGETS", "AlarmFilter", "AlarmIdRole", "AlarmQueueModel",
           "AlarmQueueView", "AlarmRole", "Column", "format_duration"]
