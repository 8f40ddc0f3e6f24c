"""The alarms of a shift as a CSV file, for a spreadsheet or a script.

Column names are stable English machine names (never translated: scripts read them); the file
is UTF-8 with a byte-order mark, so Excel shows Chinese titles right when the file is opened
with a double click. Text that came from outside is defused against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from backend_client.figures import ReportAlarm
from widgets.export_files import replace_file

COLUMNS: Final = (
    "id", "priority", "kind", "title", "address", "grid", "state", "disposition",
    "created_at", "acknowledged_at", "dispatched_at", "closed_at",
    "seconds_to_acknowledge", "seconds_ack_to_dispatch", "units", "notes_count",
)
UNIT_SEPARATOR: Final = ";"
# A spreadsheet reads a cell starting with one of these as a formula (or, tab and CR, as the
# start of one after it trims them): "=cmd|' /C calc'!A0" in a title must stay text.
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def write_alarms_csv(path: Path, alarms: Sequence[ReportAlarm]) -> None:
    """Write one row per alarm to ``path``, under a header row of ``COLUMNS``. Times are
    RFC 3339 in UTC ("…Z"), empty where unknown; durations are in seconds.

    Raises ``OSError`` if the file cannot be written; ``path`` then is left as it was."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # Excel's dialect: comma, CRLF, quotes where needed
    writer.writerow(COLUMNS)
    for alarm in alarms:
        writer.writerow(_row(alarm))
    replace_file(Path(path), buffer.getvalue().encode("utf-8-sig"), "alarms CSV")


def _row(alarm: ReportAlarm) -> list[str]:
    return [
        _text(alarm.id), str(alarm.priority), _text(alarm.kind), _text(alarm.title),
        _text(alarm.address), _text(alarm.grid), _text(alarm.state),
        _text(alarm.disposition or ""),
        _timestamp(alarm.created_at), _timestamp(alarm.acknowledged_at),
        _timestamp(alarm.dispatched_at), _timestamp(alarm.closed_at),
        _between(alarm.created_at, alarm.acknowledged_at),
        _between(alarm.acknowledged_at, alarm.dispatched_at),
        _text(UNIT_SEPARATOR.join(alarm.units)), str(len(alarm.notes)),
    ]


def _text(value: str) -> str:
    """Text from outside, with an apostrophe before a would-be formula (the apostrophe is
    what a spreadsheet itself puts there to mean "this is text")."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def _timestamp(at: datetime | None) -> str:
    if at is None:
        return ""
    spec = "milliseconds" if at.microsecond else "seconds"
    return at.astimezone(UTC).isoformat(timespec=spec).replace("+00:00", "Z")


def _between(start: datetime | None, end: datetime | None) -> str:
    if start is None or end is None:
        return ""
    seconds = (end - start).total_seconds()
    if seconds.is_integer():
        return str(int(seconds))
    return f"{seconds:.3f}".rstrip("0")
