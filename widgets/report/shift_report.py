"""The shift handover report as an A4 PDF, written with Qt's own PDF writer.

One QTextDocument holds the whole report and Qt paginates it; each page is painted through a
clip of its own height, so a line belongs to exactly one page, and a footer with the page
number goes under it. Everything the server sent (titles, addresses, notes) is escaped: it is
printed as text, never read as markup."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from PySide6.QtCore import (
    QT_TR_NOOP,
    QBuffer,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextOption,
)

from backend_client.figures import (
    DISPOSITIONS,
    PRIORITIES,
    UNIT_STATUSES,
    Distribution,
    FloodFigures,
    ReportAlarm,
    ShiftReport,
)
from widgets.alarm_queue.columns import format_duration, kind_label, state_label
from widgets.export_files import replace_file
from widgets.i18n import tr
from widgets.unit_texts import unit_status_label

# The BOLO sheet's font: Noto Sans CJK where installed, with the glyph substitutions off that
# would make Qt's PDF text unsearchable. One font for both printouts.
from widgets.watchlist.bolo_sheet import _sheet_font

CREATOR: Final = "Command-center workstation"
RESOLUTION_DPI: Final = 300
MARGIN_MM: Final = 15.0
BASE_POINT_SIZE: Final = 9.5
CHART_KEYS: Final = ("ack", "dispatch", "hourly", "flood")
TIME_FORMAT: Final = "%Y-%m-%d %H:%M"
NO_VALUE: Final = "\u2014"

# Units of QTextDocument HTML (img sizes, borders, padding): 1/96 inch, scaled to the device.
_CSS_DPI: Final = 96
_FOOTER_GAP_MM: Final = 5.0
# No chart may take more than this share of a page's height, whatever its shape: a tall image
# would otherwise leave most of a page empty.
_CHART_MAX_PAGE_SHARE: Final = 0.28
# A section's heading goes to the next page unless this much of the section fits under it.
_HEADING_ROOM_MM: Final = 22.0
_LONG_WORD_CUT: Final = 32
_LONG_WORD: Final = re.compile(r"[^\s\u200b]{41,}")
_GRID: Final = "#7a7a7a"
_ALIGN_RIGHT: Final = ' align="right"'
_HEAD_BACKGROUND: Final = "#e6e6e6"

_DISPOSITION_LABELS: Final = {
    "resolved": QT_TR_NOOP("Resolved"),
    "false_alarm": QT_TR_NOOP("False alarm"),
    "duplicate": QT_TR_NOOP("Duplicate"),
    "transferred": QT_TR_NOOP("Transferred"),
}
_CHART_CAPTIONS: Final = {
    "ack": QT_TR_NOOP("Time to acknowledge"),
    "dispatch": QT_TR_NOOP("Acknowledged \u2192 dispatched"),
    "hourly": QT_TR_NOOP("New alarms per hour"),
    "flood": QT_TR_NOOP("New alarms per 10 minutes"),
}


def disposition_label(disposition: str) -> str:
    return tr(_DISPOSITION_LABELS.get(disposition, disposition))


def write_shift_report(path: Path, report: ShiftReport, charts: Mapping[str, QImage]) -> None:
    """Write ``report`` as an A4 PDF to ``path``, with the chart images of ``charts`` (keys
    ``ack``, ``dispatch``, ``hourly``, ``flood``; missing or null ones are left out). Times are
    printed in local time.

    Raises ``OSError`` if the file cannot be written; ``path`` then is left as it was, never
    half written."""
    data = _render_pdf(report, charts)
    replace_file(Path(path), data, "shift report")


def _render_pdf(report: ShiftReport, charts: Mapping[str, QImage]) -> bytes:
    # Rendered into memory first: Qt's writer reports file errors only as a warning on the
    # console, Python's file calls raise them.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    title = tr("Shift handover report")  # outside the f-string, where lupdate finds it
    writer.setTitle(f"{title}: {_period_text(report)}")
    writer.setCreator(CREATOR)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("Qt's PDF writer could not start the shift report")
    try:
        _paint_pages(painter, writer, report, charts)
    finally:
        painter.end()
    buffer.close()
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF"):
        raise OSError("Qt's PDF writer produced no PDF for the shift report")
    return data


def _paint_pages(painter: QPainter, writer: QPdfWriter, report: ShiftReport,
                 charts: Mapping[str, QImage]) -> None:
    # The painter's origin is the top left of the printable area, inside the margins.
    width, height = float(writer.width()), float(writer.height())
    footer_height = _document(_footer_html(1, 1), writer, width).size().height()
    gap = _FOOTER_GAP_MM / 25.4 * writer.logicalDpiY()
    body_height = height - footer_height - gap
    css_scale = _CSS_DPI / writer.logicalDpiX()
    images = {key: image for key in CHART_KEYS
              if (image := charts.get(key)) is not None and not image.isNull()}
    box = QSizeF(width * css_scale, body_height * css_scale * _CHART_MAX_PAGE_SHARE)
    shown = {key: image.size().toSizeF().scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
             for key, image in images.items()}
    body = _document(_body_html(report, shown), writer, width, resources={
        _chart_url(key): _image_for_print(image, shown[key] / css_scale)
        for key, image in images.items()})
    # Qt lays the document out in pages of this size, moving a line (or a table row) that
    # would cross a page's foot onto the next page.
    body.setPageSize(QSizeF(width, body_height))
    _keep_with_next(body, body_height, _HEADING_ROOM_MM / 25.4 * writer.logicalDpiY())
    pages = body.pageCount()
    for index in range(pages):
        if index:
            writer.newPage()
        top = index * body_height
        painter.save()
        painter.setClipRect(QRectF(0, 0, width, body_height))
        painter.translate(0, -top)
        # The clip also tells the layout which lines to draw: text of other pages must not
        # be in this page's content, hidden or not (it would be found by a search). Half a
        # pixel in from each edge, as a line starting right at a page's top would otherwise
        # touch the clip of the page before too.
        _draw(painter, body, QRectF(0, top + 0.5, width, body_height - 1))
        painter.restore()
        footer = _document(_footer_html(index + 1, pages), writer, width)
        painter.save()
        painter.translate(0, height - footer.size().height())
        _draw(painter, footer, QRectF())
        painter.restore()


def _keep_with_next(doc: QTextDocument, page_height: float, heading_room: float) -> None:
    """Move a heading (h2: a section's, h3: a chart's caption or a notable alarm's first line)
    onto the next page when what follows it would not start on its page: at least
    ``heading_room`` of a section's content, or the whole of the block after an h3 (an image
    cannot be split). Qt's pagination knows no "keep with next"."""
    layout = doc.documentLayout()
    start = 0
    while True:
        items = _top_level_items(doc)
        for index in range(start, len(items)):
            item = items[index]
            if not isinstance(item, QTextBlock):
                continue
            level = item.blockFormat().headingLevel()
            following = next((x for x in items[index + 1:]
                              if not (isinstance(x, QTextBlock) and not x.text())), None)
            if level == 0 or following is None:
                continue
            rect = layout.blockBoundingRect(item)
            page_top = (rect.top() + 1) // page_height * page_height
            if rect.top() <= page_top + 1:
                continue  # already at a page's top: moving it would gain nothing
            after = (layout.frameBoundingRect(following) if isinstance(following, QTextFrame)
                     else layout.blockBoundingRect(following))
            room = min(after.height(), heading_room) if level <= 2 else after.height()
            if after.top() + room > page_top + page_height:
                cursor = QTextCursor(item)
                block_format = item.blockFormat()
                block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(block_format)
                start = index + 1  # what came before did not move
                break
        else:
            return


def _top_level_items(doc: QTextDocument) -> list[QTextBlock | QTextFrame]:
    """The root frame's blocks and tables, in order."""
    items: list[QTextBlock | QTextFrame] = []
    iterator = doc.rootFrame().begin()
    while not iterator.atEnd():
        frame = iterator.currentFrame()
        items.append(frame if frame is not None else iterator.currentBlock())
        iterator += 1
    return items


def _document(body_html: str, device: QPaintDevice, width: float, *,
              resources: Mapping[str, QImage] | None = None) -> QTextDocument:
    doc = QTextDocument()
    # Lay out for the target device, so points and "px" come out at its resolution.
    doc.documentLayout().setPaintDevice(device)
    font = QFont(_sheet_font())
    font.setPointSizeF(BASE_POINT_SIZE)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    # Break lines between words only, never inside one: a table's columns then are at least
    # as wide as their longest word (and a time with non-breaking spaces stays whole). Long
    # words from outside are given break opportunities by _e().
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    for url, image in (resources or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    doc.setHtml(body_html)
    doc.setTextWidth(width)
    return doc


def _draw(painter: QPainter, doc: QTextDocument, clip: QRectF) -> None:
    # Black on paper, whatever the (dark) theme's palette says.
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette(context.palette)
    palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
    context.palette = palette
    context.clip = clip
    doc.documentLayout().draw(painter, context)


def _chart_url(key: str) -> str:
    return f"chart://{key}"


def _image_for_print(image: QImage, size: QSizeF) -> QImage:
    """The chart at no more than the printer's resolution for its box: a large grab would only
    bloat the PDF."""
    most = QSize(max(1, round(size.width())), max(1, round(size.height())))
    if image.width() <= most.width() and image.height() <= most.height():
        return image
    return image.scaled(most, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


# --- text -------------------------------------------------------------------------------------

def _e(value: object) -> str:
    """Any text as HTML: escaped (a title may hold "<" or "&"), line breaks kept, and a zero
    width space every so often in a very long word (a pasted link in a note), which could
    otherwise not be broken and would run off the page."""
    text = _LONG_WORD.sub(lambda m: "\u200b".join(
        m.group(0)[i:i + _LONG_WORD_CUT] for i in range(0, len(m.group(0)), _LONG_WORD_CUT)),
        str(value))
    return html.escape(text).replace("\n", "<br>")


def _nb(value: str) -> str:
    """Short text (a time, a duration) as HTML kept on one line of its table cell."""
    return _e(value).replace(" ", "&nbsp;")


def _time(at: datetime | None) -> str:
    return NO_VALUE if at is None else at.astimezone().strftime(TIME_FORMAT)


def _period_text(report: ShiftReport) -> str:
    return f"{_time(report.period_start)} \u2013 {_time(report.period_end)}"


def _seconds(value: float | None) -> str:
    """A response time: tenths under a minute, where a target of 10 s is decided (a P90 of
    10.4 s must not read "10 s" next to "not met")."""
    if value is None:
        return NO_VALUE
    if value < 60 and not float(value).is_integer():
        return tr("{s} s").format(s=f"{value:.1f}")
    return format_duration(value)


def _share(value: float | None) -> str:
    if value is None:
        return NO_VALUE
    percent = f"{value * 100:.1f}".removesuffix(".0")
    return tr("{percent} %").format(percent=percent)


def _number(value: float) -> str:
    return f"{value:g}"


def _priority(priority: int) -> str:
    return tr("P{priority}").format(priority=priority)


def _state_text(alarm: ReportAlarm) -> str:
    state = state_label(alarm.state)
    if alarm.disposition:
        return tr("{state} ({disposition})").format(
            state=state, disposition=disposition_label(alarm.disposition))
    return state


def _units_text(alarm: ReportAlarm) -> str:
    return ", ".join(alarm.units) if alarm.units else NO_VALUE


# --- HTML -------------------------------------------------------------------------------------

def _heading(text: str) -> str:
    return (f'<h2 style="font-size: 13pt; margin-top: 16px; margin-bottom: 6px;">'
            f"{_e(text)}</h2>")


def _sentence(text: str) -> str:
    return f'<p style="margin-top: 0; margin-bottom: 4px;">{_e(text)}</p>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], *,
           numeric: Iterable[int] = (), widths: Mapping[int, int] | None = None,
           head_html: str | None = None, bold_last: bool = False) -> str:
    """A ruled table; ``rows`` hold HTML already escaped, ``numeric`` columns are right
    aligned, ``widths`` gives some columns a share of the width in percent. The header row
    repeats on every page the table runs onto."""
    right = set(numeric)
    widths = widths or {}
    head = head_html if head_html is not None else "<tr>" + "".join(
        _th(h, f' width="{widths[i]}%"' if i in widths else "")
        for i, h in enumerate(headers)) + "</tr>"
    body = []
    rows = list(rows)
    for number, row in enumerate(rows):
        bold = bold_last and number == len(rows) - 1  # a total row
        cells = "".join(f'<td{_ALIGN_RIGHT if i in right else ""}>'
                        f'{f"<b>{cell}</b>" if bold else cell}</td>'
                        for i, cell in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return (f'<table width="100%" border="1" cellspacing="0" cellpadding="4" '
            f'style="border-collapse: collapse; border-color: {_GRID}; '
            f'border-style: solid; margin-bottom: 6px;">'
            f"<thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")


def _th(text: str, attributes: str = "") -> str:
    return (f'<th{attributes} style="background-color: {_HEAD_BACKGROUND};">'
            f"{_e(text)}</th>")


def _body_html(report: ShiftReport, charts: Mapping[str, QSizeF]) -> str:
    return "".join((
        _header_html(report),
        _alarms_handled_html(report),
        _response_html(report, charts),
        _overdue_html(report),
        _units_html(report),
        _notable_html(report),
        _handed_over_html(report),
    ))


def _header_html(report: ShiftReport) -> str:
    title = tr("Shift handover report")
    facts = ((tr("Period:"), _period_text(report)), (tr("Made by:"), report.made_by),
             (tr("Workstation:"), report.workstation), (tr("Made at:"), _time(report.made_at)))
    rows = "".join(f'<tr><td style="padding: 0 14px 3px 0;"><b>{_e(label)}</b></td>'
                   f'<td style="padding: 0 0 3px 0;">{_e(value)}</td></tr>'
                   for label, value in facts)
    parts = [
        '<table width="100%" cellspacing="0" cellpadding="0" '
        'style="border-collapse: collapse;"><tr><td style="border-bottom-style: solid; '
        'border-bottom-width: 2px; border-bottom-color: #000000; padding-bottom: 4px;">'
        f'<p style="font-size: 20pt; font-weight: bold; margin: 0;">'
        f"{_e(title)}</p></td></tr></table>",
        f'<table cellspacing="0" cellpadding="0" style="margin-top: 8px; font-size: 10.5pt;">'
        f"{rows}</table>",
    ]
    if not report.live:
        # Whoever takes over must see at once that these figures may be old.
        as_of = _time(report.as_of) if report.as_of is not None else tr("unknown")
        line = tr("Made from the local cache while offline; data as of {as_of}").format(
            as_of=as_of)
        parts.append('<table width="100%" cellspacing="0" cellpadding="6" border="2" '
                     'style="border-collapse: collapse; border-color: #000000; '
                     'border-style: solid; margin-top: 8px;">'
                     f"<tr><td><b>{_e(line)}</b></td></tr></table>")
    return "".join(parts)


def _alarms_handled_html(report: ShiftReport) -> str:
    parts = [_heading(tr("Alarms handled"))]
    raised = [report.raised_by_priority.get(p, 0) for p in PRIORITIES]
    closed = [[report.closed_by_priority_disposition.get(p, {}).get(d, 0)
               for d in DISPOSITIONS] for p in PRIORITIES]
    if not any(raised) and not any(any(row) for row in closed):
        return "".join(parts) + _sentence(tr("No alarms were raised or closed in this period."))
    head = ("<tr>" + _th(tr("Priority"), ' rowspan="2"') + _th(tr("Alarms raised"), ' rowspan="2"')
            + _th(tr("Closed"), f' colspan="{len(DISPOSITIONS) + 1}"') + "</tr><tr>"
            + "".join(_th(disposition_label(d)) for d in DISPOSITIONS)
            + _th(tr("Closed total")) + "</tr>")
    rows = []
    for priority, n_raised, by_disposition in zip(PRIORITIES, raised, closed, strict=True):
        rows.append([_e(_priority(priority)), str(n_raised),
                     *(str(n) for n in by_disposition), str(sum(by_disposition))])
    totals = [sum(column) for column in zip(*closed, strict=True)]
    rows.append([_e(tr("Total")), str(sum(raised)), *(str(n) for n in totals),
                 str(sum(totals))])
    parts.append(_table((), rows, numeric=range(1, len(DISPOSITIONS) + 3), head_html=head,
                        bold_last=True))
    return "".join(parts)


def _response_html(report: ShiftReport, charts: Mapping[str, QSizeF]) -> str:
    parts = [_heading(tr("Response times against targets"))]
    measures = ((tr("Time to acknowledge"), report.ack),
                (tr("Acknowledged \u2192 dispatched"), report.dispatch))
    if all(d.count == 0 and d.unmeasured == 0 for _, d in measures):
        parts.append(_sentence(tr("No response times were measured in this period.")))
    else:
        # One percentile for both (the usual case) goes in the header; else each cell names
        # its own.
        same = report.ack.percent == report.dispatch.percent
        percentile = (_percentile(report.ack.percent) if same else tr("Percentile"))
        headers = (tr("Measure"), tr("Alarms measured"), tr("Median"), percentile,
                   tr("Target"), tr("Within target"), tr("Met?"), tr("Not measurable"))
        parts.append(_table(headers, (_response_row(label, d, named=not same)
                                      for label, d in measures), numeric=(1, 2, 3, 5, 7),
                            widths={0: 20}))
    for key in CHART_KEYS:
        if key == "flood" and report.flood is not None:
            parts.append(_flood_html(report.flood))
        if key in charts:
            size = charts[key]
            parts.append(
                f'<h3 style="font-size: {BASE_POINT_SIZE}pt; font-weight: normal; '
                f'margin-top: 10px; margin-bottom: 2px;"><i>{_e(tr(_CHART_CAPTIONS[key]))}</i>'
                f'</h3><p align="center" style="margin-top: 0; margin-bottom: 4px;">'
                f'<img src="{_chart_url(key)}" width="{size.width():.0f}" '
                f'height="{size.height():.0f}"></p>')
    return "".join(parts)


def _percentile(percent: float) -> str:
    return tr("P{percent}").format(percent=_number(percent))


def _response_row(label: str, distribution: Distribution, *, named: bool) -> list[str]:
    at_percent = _seconds(distribution.at_percent)
    if named and distribution.at_percent is not None:
        at_percent = tr("{percentile}: {value}").format(
            percentile=_percentile(distribution.percent), value=at_percent)
    met = distribution.meets_target
    met_text = NO_VALUE if met is None else (tr("Yes") if met else tr("No"))
    target = tr("{percent} % within {target}").format(
        percent=_number(distribution.percent), target=_seconds(distribution.target_s))
    # The measure's name stays on one line; the target may wrap (a narrow first column
    # broke a Chinese name into one character a line).
    return [_nb(label), str(distribution.count), _nb(_seconds(distribution.median)),
            _nb(at_percent), _e(target), _nb(_share(distribution.within_target)),
            _e(met_text),
            str(distribution.unmeasured)]


def _flood_html(flood: FloodFigures) -> str:
    minutes_in_flood = int(flood.time_in_flood_s // 60)
    text = tr("Alarm flood (ISA-18.2, > {threshold} per {minutes} min): time in flood "
              "{hours} h {mins} min; busiest {minutes} minutes: {busiest} alarms").format(
        threshold=flood.threshold, minutes=flood.bucket_minutes,
        hours=minutes_in_flood // 60, mins=minutes_in_flood % 60,
        busiest=max(flood.counts, default=0))
    return f'<p style="margin-top: 10px; margin-bottom: 4px;"><b>{_e(text)}</b></p>'


def _overdue_html(report: ShiftReport) -> str:
    parts = [_heading(tr("Overdue cases"))]
    if not report.overdue:
        return "".join(parts) + _sentence(tr("No overdue cases in this period."))
    headers = (tr("ID"), tr("P"), tr("Kind"), tr("Title"), tr("Created"), tr("Acknowledged"),
               tr("Time to acknowledge"))
    rows = []
    for alarm in report.overdue:
        if alarm.acknowledged_at is None:
            acknowledged = tr("not acknowledged")
            took = tr("over {duration}").format(duration=format_duration(
                (report.period_end - alarm.created_at).total_seconds()))
        else:
            acknowledged = _time(alarm.acknowledged_at)
            took = _seconds((alarm.acknowledged_at - alarm.created_at).total_seconds())
        rows.append([_e(alarm.id), _e(_priority(alarm.priority)), _e(kind_label(alarm.kind)),
                     _e(alarm.title), _nb(_time(alarm.created_at)),
                     _nb(acknowledged) if alarm.acknowledged_at else _e(acknowledged),
                     _nb(took)])
    parts.append(_table(headers, rows, numeric=(6,)))
    return "".join(parts)


def _units_html(report: ShiftReport) -> str:
    parts = [_heading(tr("Units at the time of the report"))]
    counts = [report.units_by_status.get(s, 0) for s in UNIT_STATUSES]
    if not any(counts):
        return "".join(parts) + _sentence(tr("No units were known at the time of the report."))
    headers = [unit_status_label(s) for s in UNIT_STATUSES] + [tr("Total")]
    row = [str(n) for n in counts] + [f"<b>{sum(counts)}</b>"]
    parts.append(_table(headers, [row], numeric=range(len(headers))))
    return "".join(parts)


def _notable_html(report: ShiftReport) -> str:
    parts = [_heading(tr("Notable alarms"))]
    if not report.notable:
        return "".join(parts) + _sentence(tr("No notable alarms in this period."))
    for alarm in report.notable:
        # No middle dots as separators: Noto CJK draws them full width.
        heading = tr("{id} ({priority}, {kind})").format(
            id=alarm.id, priority=_priority(alarm.priority), kind=kind_label(alarm.kind))
        details = [alarm.address] if alarm.address else []
        details += [_state_text(alarm), tr("Units: {units}").format(units=_units_text(alarm))]
        parts.append(f'<h3 style="font-size: {BASE_POINT_SIZE}pt; font-weight: normal; '
                     f'margin-top: 8px; margin-bottom: 0;"><b>{_e(heading)}</b> '
                     f"\u2014 {_e(alarm.title)}</h3>"
                     f'<p style="margin-top: 1px; margin-bottom: 0; margin-left: 14px;">'
                     f"{_e('; '.join(details))}</p>")
        if alarm.notes:
            items = "".join(
                f'<li style="margin-top: 1px;">{_e(_time(at))} \u2014 <b>{_e(by)}</b>: '
                f"{_e(text)}</li>"
                for at, by, text in alarm.notes)
            parts.append(f'<ul style="margin-top: 2px; margin-bottom: 0; '
                         f'margin-left: 14px;">{items}</ul>')
    return "".join(parts)


def _handed_over_html(report: ShiftReport) -> str:
    parts = [_heading(tr("Open items handed over"))]
    if not report.handed_over:
        return "".join(parts) + _sentence(tr("No open items are handed over."))
    headers = (tr("ID"), tr("P"), tr("Title"), tr("State"), tr("Age at period end"),
               tr("Units"))
    rows = [[_e(a.id), _e(_priority(a.priority)), _e(a.title), _e(_state_text(a)),
             _nb(format_duration((report.period_end - a.created_at).total_seconds())),
             _e(_units_text(a))] for a in report.handed_over]
    parts.append(_table(headers, rows, numeric=(4,), widths={2: 38}))
    return "".join(parts)


def _footer_html(page: int, pages: int) -> str:
    notice = tr("Confidential \u2014 for the shift handover")
    number = tr("Page {page} of {pages}").format(page=page, pages=pages)
    return ('<table width="100%" cellspacing="0" cellpadding="0" '
            'style="border-collapse: collapse; font-size: 8.5pt;"><tr>'
            '<td style="border-top-style: solid; border-top-width: 1px; '
            f'border-top-color: #000000; padding-top: 3px;"><b>{_e(notice)}</b></td>'
            '<td align="right" style="border-top-style: solid; border-top-width: 1px; '
            f'border-top-color: #000000; padding-top: 3px;">{_e(number)}</td>'
            "</tr></table>")
