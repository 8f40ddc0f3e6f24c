"""An alarm's history, line by line, from what the alarm itself records (no Qt).

The contract's alarm carries its creation, acknowledgement (who, when), notes (who, when,
what) and closing; dispatches and closings made from this workstation carry a note, so the
server's record says who sent whom. Commands still queued here are listed too, marked as such,
so the officer sees the whole story including what has not reached the server yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TR_NOOP

from backend_client.schemas import Alarm
from widgets.i18n import tr

_PENDING_LABELS = {
    "acknowledge": QT_TR_NOOP("Acknowledge"),
    "verify": QT_TR_NOOP("Verify match"),
    "dispatch": QT_TR_NOOP("Dispatch"),
    "notes": QT_TR_NOOP("Note"),
    "close": QT_TR_NOOP("Close"),
}
_DISPOSITIONS = {
    "resolved": QT_TR_NOOP("resolved"),
    "false_alarm": QT_TR_NOOP("false alarm"),
    "duplicate": QT_TR_NOOP("duplicate"),
    "transferred": QT_TR_NOOP("transferred"),
}


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    who: str
    what: str
    queued: bool = False


def disposition_label(disposition: str) -> str:
    return tr(_DISPOSITIONS.get(disposition, disposition))


def pending_label(action: str) -> str:
    return tr(_PENDING_LABELS.get(action, action))


def timeline(alarm: Alarm, pending: list[tuple[str, datetime, str]] = (),  # type: ignore[assignment]
             names: Mapping[str, str] | None = None) -> list[TimelineEntry]:
    """Oldest first. ``pending``: (action, at, detail) of this workstation's queued commands;
    ``names``: operator id → display name where known."""
    names = names or {}
    source = alarm.source.name or alarm.source.id or alarm.source.type
    entries = [TimelineEntry(alarm.created_at, source, tr("Alarm raised"))]
    if alarm.acknowledged_at is not None:
        who = alarm.acknowledged_by or ""
        entries.append(TimelineEntry(alarm.acknowledged_at, names.get(who, who),
                                     tr("Acknowledged")))
    if alarm.verified is not None:
        entries.append(TimelineEntry(alarm.updated_at, "", tr("Verified: a match")
                                     if alarm.verified else tr("Verified: not a match")))
    entries.extend(TimelineEntry(n.at, n.by, n.text) for n in alarm.notes)
    if alarm.closed_at is not None:
        entries.append(TimelineEntry(alarm.closed_at, "", tr("Closed ({how})").format(
            how=disposition_label(alarm.disposition or ""))))
    for action, at, detail in pending:
        what = pending_label(action) + (f": {detail}" if detail else "")
        entries.append(TimelineEntry(at, tr("you"), what, queued=True))
    entries.sort(key=lambda e: e.at)
    return entries
