"""The BOLO sheet: one A4 PDF page written by Qt, read back with pypdf: the entry's named
fields in real (searchable) text, Chinese included, nothing the schema does not name, the
photo as an image, and no file at all when the target cannot be written."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader
from pypdf.generic import StreamObject
from PySide6.QtGui import QColor, QFontDatabase, QImage

from backend_client.schemas import WatchlistEntry
from tests.factories import make_watchlist_entry
from tests.support.pdf_text import pdf_text, searchable
from widgets.watchlist.bolo_sheet import CJK_FAMILY, write_bolo_sheet

PRINTED_AT = datetime(2026, 3, 14, 9, 26, tzinfo=UTC)


def write(path, entry, photo=None):
    write_bolo_sheet(path, entry, photo, printed_by="Officer Krause", workstation="ws-lage-2",
                     printed_at=PRINTED_AT)


def entry_data(**overrides):
    """A valid entry as the server would send it (valid for a year after PRINTED_AT)."""
    data = make_watchlist_entry(valid_until=PRINTED_AT + timedelta(days=365)).model_dump()
    data.update(overrides)
    return data


def page_text(path) -> str:
    return pdf_text(path, pages=1)


def all_decoded_bytes(path) -> bytes:
    """Every object of the file, streams decompressed, plus the raw file."""
    reader = PdfReader(path)
    parts = [path.read_bytes()]
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(number)
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data())
        parts.append(repr(obj).encode("utf-8", "replace"))
    return b"\n".join(parts)


def images(path) -> list:
    resources = PdfReader(path).pages[0]["/Resources"]
    xobjects = resources.get("/XObject", {})
    return [x for x in (o.get_object() for o in xobjects.values()) if x["/Subtype"] == "/Image"]


def test_sheet_has_the_named_fields_as_text(qapp, tmp_path):
    entry = WatchlistEntry.model_validate(entry_data(
        name="Max Mustermann", aliases=["Maxi", "Der Lange"], handling="Do not approach alone",
        vehicle={"plate": "F-XY 123", "description": "Blue hatchback"}))
    path = tmp_path / "bolo.pdf"
    write(path, entry)

    assert path.read_bytes().startswith(b"%PDF")
    text = page_text(path)
    valid_until = entry.valid_until.astimezone().strftime("%Y-%m-%d")
    for expected in ("WANTED", "Max Mustermann", "Also known as: Maxi, Der Lange",
                     "Legal basis: Arrest warrant AG Frankfurt 931 Gs 123/25",
                     f"Valid until: {valid_until} · 365 days left",
                     "Issued by: Staatsanwaltschaft Frankfurt",
                     "Handling: Do not approach alone", "F-XY 123", "Blue hatchback",
                     "Sex: male", "Born: 1985", "scar on the left hand",
                     "Printed by Officer Krause at workstation ws-lage-2, "
                     f"{PRINTED_AT.astimezone().strftime('%Y-%m-%d %H:%M')}.",
                     "Confidential: do not pass on; destroy after the valid-until date.",
                     f"Entry {entry.id}, version {entry.version}"):
        assert expected in text, (expected, text)
    meta = PdfReader(path).metadata
    assert meta.creator == "Command-center workstation"
    assert meta.title == "Wanted: Max Mustermann"
    assert not list(tmp_path.glob(".*"))  # the temporary file became the sheet


def chinese_sheet(tmp_path) -> str:
    if CJK_FAMILY not in QFontDatabase.families():  # asked once there is an application
        pytest.skip(f"{CJK_FAMILY} is not installed (fonts-noto-cjk)")
    entry = WatchlistEntry.model_validate(entry_data(
        name="张伟", aliases=["小张"], handling="发现后立即报告指挥中心",
        legal_basis="公安局拘留证 2026-123", issued_by="北京市公安局",
        vehicle={"plate": "京A·12345", "description": "白色轿车"}))
    path = tmp_path / "bolo.pdf"
    write(path, entry)
    fonts = [str(f.get_object()["/BaseFont"])
             for f in PdfReader(path).pages[0]["/Resources"]["/Font"].values()]
    assert fonts and all("NotoSansCJK" in f for f in fonts), fonts
    return PdfReader(path).pages[0].extract_text()


def test_chinese_entry_is_real_text(qapp, tmp_path):
    raw = chinese_sheet(tmp_path)
    assert "张伟" in raw and "公安局拘留证" in raw  # no radical look-alikes: exact as printed
    text = searchable(raw)
    for expected in ("张伟", "小张", "发现后立即报告指挥中心", "公安局拘留证 2026-123",
                     "北京市公安局"):
        assert expected in text, (expected, text)
    # Qt draws the Han and the Latin run of a plate as two text objects; pypdf puts a line
    # break between them.
    assert re.search(r"京 ?A·12345", text), text


@pytest.mark.parametrize("smuggle", ["server", "object"])
def test_no_field_the_schema_does_not_name_reaches_paper(qapp, tmp_path, smuggle):
    hostile = {"religion": "X-RELIGION", "ethnicity": "X-ETHNIC", "health": "X-HEALTH"}
    if smuggle == "server":  # as a server would send them
        entry = WatchlistEntry.model_validate(entry_data(**hostile))
    else:  # attributes the validator never saw, in case a sheet walks the object
        entry = WatchlistEntry.model_validate(entry_data()).model_copy(update=hostile)
        assert entry.religion == "X-RELIGION"
    path = tmp_path / "bolo.pdf"
    write(path, entry)

    text = page_text(path).lower()
    everything = all_decoded_bytes(path).lower()
    assert "max mustermann" in text  # the check below reads a real sheet
    for word in ("x-religion", "x-ethnic", "x-health", "religion", "ethnicity", "health"):
        assert word not in text
        assert word.encode() not in everything


def test_markup_in_a_name_is_printed_literally(qapp, tmp_path):
    entry = WatchlistEntry.model_validate(entry_data(
        name="Anna <b>& Co", aliases=["<i>Nina</i>"], handling="Check <script> & report"))
    path = tmp_path / "bolo.pdf"
    write(path, entry)

    text = page_text(path)
    assert "Anna <b>& Co" in text
    assert "Also known as: <i>Nina</i>" in text
    assert "Handling: Check <script> & report" in text


def test_photo_becomes_an_image_and_no_photo_is_fine(qapp, tmp_path):
    photo = QImage(60, 80, QImage.Format.Format_RGB32)
    photo.fill(QColor("steelblue"))
    entry = WatchlistEntry.model_validate(entry_data())
    with_photo, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    write(with_photo, entry, photo)
    write(without, entry, None)
    write(tmp_path / "null.pdf", entry, QImage())  # an undecodable download: like no photo

    [image] = images(with_photo)
    assert (image["/Width"], image["/Height"]) == (60, 80)
    assert images(without) == [] and images(tmp_path / "null.pdf") == []
    assert "Max Mustermann" in page_text(without)


def text_lines(path) -> list[tuple[float, str]]:
    """(baseline height above the page's foot in points, text) of every text run."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], searchable(text)))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return runs


def test_a_long_description_is_shrunk_onto_the_one_page(qapp, tmp_path):
    entry = WatchlistEntry.model_validate(entry_data(
        description="A very long description of the person, line after line. " * 150))
    path = tmp_path / "bolo.pdf"
    write(path, entry)

    text = page_text(path)  # asserts one page
    assert "Handling: Do not approach alone" in text and f"Entry {entry.id}" in text
    lines = text_lines(path)
    margin = 15 / 25.4 * 72
    assert all(margin - 1 < y < 842 - margin for y, _ in lines)
    footer_top = next(y for y, t in lines if t.startswith("Printed by"))
    body = [y for y, t in lines if "description of the person" in t or "Handling" in t]
    assert body and min(body) > footer_top  # nothing runs into the footer


def test_an_expired_entry_is_not_printed(qapp, tmp_path):
    entry = WatchlistEntry.model_validate(entry_data(
        valid_until=PRINTED_AT - timedelta(minutes=1)))
    with pytest.raises(ValueError, match="expired"):
        write(tmp_path / "bolo.pdf", entry)
    assert list(tmp_path.iterdir()) == []


def test_rewriting_replaces_the_sheet(qapp, tmp_path):
    path = tmp_path / "bolo.pdf"
    write(path, WatchlistEntry.model_validate(entry_data(name="First Person")))
    write(path, WatchlistEntry.model_validate(entry_data(name="Second Person")))
    text = page_text(path)
    assert "Second Person" in text and "First Person" not in text
    assert [p.name for p in tmp_path.iterdir()] == ["bolo.pdf"]


def test_parent_is_a_file(qapp, tmp_path):
    parent = tmp_path / "not-a-folder"
    parent.write_text("x")
    with pytest.raises(OSError, match="cannot write the BOLO sheet"):
        write(parent / "bolo.pdf", WatchlistEntry.model_validate(entry_data()))
    assert parent.read_text() == "x"
    assert [p.name for p in tmp_path.iterdir()] == ["not-a-folder"]


def test_missing_folder(qapp, tmp_path):
    with pytest.raises(OSError, match="cannot write the BOLO sheet"):
        write(tmp_path / "gone" / "bolo.pdf", WatchlistEntry.model_validate(entry_data()))
    assert list(tmp_path.iterdir()) == []


def test_target_that_cannot_be_replaced_leaves_no_temporary_file(qapp, tmp_path):
    target = tmp_path / "bolo.pdf"
    target.mkdir()  # a folder where the sheet should go: the final rename fails
    with pytest.raises(OSError, match="cannot write the BOLO sheet"):
        write(target, WatchlistEntry.model_validate(entry_data()))
    assert target.is_dir() and list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["bolo.pdf"]
