"""The printable BOLO sheet of one watchlist entry: one A4 page for the shift briefing, written
as a PDF with Qt's own PDF writer.

The sheet names the entry's fields one by one (never iterating over the entry), so nothing the
client's schema does not name can reach paper. Its text is real PDF text, searchable and
readable back, in a font that covers Chinese."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Final

from PySide6.QtCore import QT_TR_NOOP, QBuffer, QIODevice, QMarginsF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from backend_client.schemas import WatchlistEntry
from widgets.export_files import replace_file
from widgets.i18n import tr
from widgets.watchlist.facts import category_label, valid_until_text

CREATOR: Final = "Command-center workstation"
RESOLUTION_DPI: Final = 300
MARGIN_MM: Final = 15.0
PHOTO_MM: Final = (45.0, 60.0)  # width, height: a passport photo's shape, as large as fits
# The set-up installs fonts-noto-cjk; its Latin glyphs are fine too, so one family does all.
CJK_FAMILY: Final = "Noto Sans CJK SC"
BASE_POINT_SIZE: Final = 10.5

_PHOTO_URL: Final = "bolo-sheet:photo"
# Units of QTextDocument HTML (img sizes, borders, padding): 1/96 inch, scaled to the device.
_CSS_PX_PER_MM: Final = 96 / 25.4
_FOOTER_GAP_MM: Final = 6.0

_SEX_LABELS: Final = {"f": QT_TR_NOOP("female"), "m": QT_TR_NOOP("male"),
                      "x": QT_TR_NOOP("diverse")}
_CONFIDENTIAL: Final = QT_TR_NOOP(
    "For briefing only. Confidential: do not pass on; destroy after the valid-until date.")


def write_bolo_sheet(path: Path, entry: WatchlistEntry, photo: QImage | None, *,
                     printed_by: str, workstation: str, printed_at: datetime) -> None:
    """Write the entry's BOLO sheet to ``path`` (one A4 page). ``printed_at`` must be
    timezone-aware; the footer shows it in local time.

    Raises ``ValueError`` for an entry that may not be shown (expired or without a legal
    basis: a stale sheet must not send officers after someone) and ``OSError`` if the file
    cannot be written; ``path`` then is left as it was, never half written."""
    if not entry.is_current(printed_at):
        raise ValueError(f"watchlist entry {entry.id} is expired or has no legal basis; "
                         "no sheet is printed for it")
    data = _render_pdf(entry, photo, printed_by=printed_by, workstation=workstation,
                       printed_at=printed_at)
    replace_file(Path(path), data, "BOLO sheet")


def _render_pdf(entry: WatchlistEntry, photo: QImage | None, *, printed_by: str,
                workstation: str, printed_at: datetime) -> bytes:
    # Rendered into memory first: Qt's writer reports file errors only as a warning on the
    # console, Python's file calls raise them.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    writer.setTitle(f"{category_label(entry.category)}: {entry.name}")
    writer.setCreator(CREATOR)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("Qt's PDF writer could not start the BOLO sheet")
    try:
        # The painter's origin is the top left of the printable area, inside the margins.
        paint_sheet(painter, QRectF(0, 0, writer.width(), writer.height()), entry, photo,
                    printed_by=printed_by, workstation=workstation, printed_at=printed_at)
    finally:
        painter.end()
    buffer.close()
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF"):
        raise OSError("Qt's PDF writer produced no PDF for the BOLO sheet")
    return data


def paint_sheet(painter: QPainter, area: QRectF, entry: WatchlistEntry, photo: QImage | None,
                *, printed_by: str, workstation: str, printed_at: datetime) -> None:
    """Paint the sheet into ``area`` of the painter's device (a PDF page, or an image for a
    preview): the body from the top, the footer at the bottom, shrunk to fit if it must."""
    device = painter.device()
    if photo is not None and photo.isNull():
        photo = None
    body = _document(_body_html(entry, photo, printed_at), device, area.width(),
                     photo=_photo_for_print(photo) if photo is not None else None)
    footer = _document(_footer_html(entry, printed_by, workstation, printed_at), device,
                       area.width())
    gap = _FOOTER_GAP_MM / 25.4 * device.logicalDpiY()
    room = area.height() - footer.size().height() - gap
    scale = _fitting_scale(body, area.width(), room)
    painter.save()
    painter.translate(area.topLeft())
    painter.scale(scale, scale)
    _draw(painter, body)
    painter.restore()
    painter.save()
    painter.translate(area.left(), area.bottom() - footer.size().height())
    _draw(painter, footer)
    painter.restore()


def _fitting_scale(doc: QTextDocument, width: float, room: float) -> float:
    """The largest scale (at most 1) at which ``doc``, laid out to fill ``width`` once scaled,
    is no taller than ``room``; ``doc`` is left laid out for it. A long description must not
    push the sheet onto a second page."""
    def fits(scale: float) -> bool:
        doc.setTextWidth(width / scale)
        return doc.size().height() * scale <= room

    if room <= 0 or fits(1.0):
        return 1.0
    low, high = 0.05, 1.0  # wider layouts are shorter: bisect on the scale
    for _ in range(12):
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    fits(low)
    return low


def _document(body_html: str, device: QPaintDevice, width: float, *,
              photo: QImage | None = None) -> QTextDocument:
    doc = QTextDocument()
    # Lay out for the target device, so points and "px" come out at its resolution.
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_sheet_font())
    doc.setDocumentMargin(0)
    if photo is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(_PHOTO_URL), photo)
    doc.setHtml(body_html)
    doc.setTextWidth(width)
    return doc


def _draw(painter: QPainter, doc: QTextDocument) -> None:
    # Black on paper, whatever the (dark) theme's palette says.
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette(context.palette)
    palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
    context.palette = palette
    doc.documentLayout().draw(painter, context)


def _sheet_font() -> QFont:
    font = QFont(QGuiApplication.font())
    if CJK_FAMILY in QFontDatabase.families():
        font.setFamily(CJK_FAMILY)
    font.setPointSizeF(BASE_POINT_SIZE)
    # Qt's PDF writer maps a glyph back to text through the font's character map only, so a
    # glyph that only a substitution reaches (Noto CJK's "locl" digits, the "ffi" ligature)
    # would be copied and searched as garbage: keep to the plain glyphs.
    for tag in ("locl", "liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _photo_for_print(photo: QImage) -> QImage:
    """The photo at no more than the printer's resolution for its box: a camera's full
    picture would only bloat the PDF."""
    w_mm, h_mm = PHOTO_MM
    most = QSize(round(w_mm / 25.4 * RESOLUTION_DPI), round(h_mm / 25.4 * RESOLUTION_DPI))
    if photo.width() <= most.width() and photo.height() <= most.height():
        return photo
    return photo.scaled(most, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def _rule(side: str, width: int) -> str:
    """CSS for a black line on one side of a table cell."""
    return (f"border-{side}-style: solid; border-{side}-width: {width}px; "
            f"border-{side}-color: #000000;")


def _text(value: str) -> str:
    """Entry text as HTML: escaped (a name may hold "<" or "&"), line breaks kept."""
    return html.escape(value).replace("\n", "<br>")


def _label(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def _body_html(entry: WatchlistEntry, photo: QImage | None, printed_at: datetime) -> str:
    parts = [
        '<table width="100%" cellspacing="0" cellpadding="0" '
        f'style="border-collapse: collapse;"><tr><td style="{_rule("bottom", 3)}">'
        f'<p style="font-size: 30pt; font-weight: bold; margin: 0;">'
        f"{html.escape(category_label(entry.category).upper())}</p>"
        f'<p style="font-size: 20pt; font-weight: bold; margin-top: 2px; margin-bottom: 4px;">'
        f"{_text(entry.name)}</p>",
    ]
    if entry.aliases:
        known_as = html.escape(tr("Also known as:"))
        aliases = ", ".join(_text(a) for a in entry.aliases)
        parts.append(f'<p style="font-size: 12pt; margin-top: 0; margin-bottom: 8px;">'
                     f"{known_as} {aliases}</p>")
    parts.append("</td></tr></table>")
    parts.append('<table width="100%" cellspacing="0" cellpadding="0" '
                 'style="margin-top: 14px;"><tr>')
    if photo is not None:
        box = QSize(round(PHOTO_MM[0] * _CSS_PX_PER_MM), round(PHOTO_MM[1] * _CSS_PX_PER_MM))
        shown = photo.size().scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
        parts.append(f'<td width="{box.width() + 16}" valign="top">'
                     f'<img src="{_PHOTO_URL}" width="{shown.width()}" '
                     f'height="{shown.height()}"></td>')
    parts.append(f'<td valign="top">{_facts_html(entry)}</td></tr></table>')
    # The legal footing of the search, framed: officers check it before they act.
    legal = ((tr("Legal basis:"), _text(entry.legal_basis)),
             (tr("Valid until:"), html.escape(valid_until_text(entry.valid_until, printed_at))),
             (tr("Issued by:"), _text(entry.issued_by)))
    lines = "".join(f'<p style="font-size: 12pt; margin-top: {0 if i == 0 else 4}px; '
                    f'margin-bottom: 0;">{_label(label)} {value}</p>'
                    for i, (label, value) in enumerate(legal))
    parts.append('<table width="100%" cellspacing="0" cellpadding="10" border="3" '
                 'style="border-collapse: collapse; border-color: #000000; '
                 f'border-style: solid; margin-top: 16px;"><tr><td>{lines}</td></tr></table>')
    if entry.handling.strip():
        handling = _label(tr("Handling:"))
        parts.append(f'<p style="font-size: 15pt; margin-top: 16px;">{handling} '
                     f"<b>{_text(entry.handling)}</b></p>")
    return "".join(parts)


def _facts_html(entry: WatchlistEntry) -> str:
    rows: list[tuple[str, str]] = []
    if entry.sex is not None:
        rows.append((tr("Sex:"), html.escape(tr(_SEX_LABELS[entry.sex]))))
    if entry.birth_year is not None:
        rows.append((tr("Born:"), str(entry.birth_year)))
    if entry.description.strip():
        rows.append((tr("Description:"), _text(entry.description)))
    vehicle = entry.vehicle
    if vehicle is not None and (vehicle.plate or vehicle.description):
        shown = [f"<b>{_text(vehicle.plate)}</b>" if vehicle.plate else "",
                 _text(vehicle.description) if vehicle.description else ""]
        rows.append((tr("Vehicle:"), " · ".join(s for s in shown if s)))
    if not rows:
        return ""
    cells = "".join(f'<tr><td style="padding: 0 12px 6px 0;">{_label(label)}</td>'
                    f'<td style="padding: 0 0 6px 0;">{value}</td></tr>'
                    for label, value in rows)
    return f'<table cellspacing="0" cellpadding="0" style="font-size: 12pt;">{cells}</table>'


def _footer_html(entry: WatchlistEntry, printed_by: str, workstation: str,
                 printed_at: datetime) -> str:
    printed = html.escape(tr("Printed by {who} at workstation {workstation}, {at}.")).format(
        who=_text(printed_by), workstation=_text(workstation),
        at=printed_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    notice = html.escape(tr(_CONFIDENTIAL))
    ident = html.escape(tr("Entry {id}, version {version}")).format(
        id=_text(entry.id), version=entry.version)
    return ('<table width="100%" cellspacing="0" cellpadding="0" '
            'style="border-collapse: collapse; font-size: 8.5pt;">'
            f'<tr><td style="{_rule("top", 1)}">'
            f'<p style="margin-top: 4px; margin-bottom: 0;">{printed} <b>{notice}</b></p>'
            f'<p style="margin-top: 2px; margin-bottom: 0;">{ident}</p>'
            "</td></tr></table>")
