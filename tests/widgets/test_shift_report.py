"""The shift handover report: an A4 PDF written by Qt, read back with pdftotext and pypdf
(its sections, figures, Chinese text, escaped markup, chart images, pagination, and no file
when the target cannot be written), and the alarms CSV read back with the csv module."""

from __future__ import annotations

import csv
import re
import subprocess
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from backend_client.figures import Distribution, FloodFigures, ReportAlarm, ShiftReport
from tests.support.pdf_text import pdf_text, searchable
from widgets.report.alarms_csv import COLUMNS, write_alarms_csv
from widgets.report.shift_report import write_shift_report

START = datetime(2026, 3, 14, 6, 0, tzinfo=UTC)
END = START + timedelta(hours=8)


def local(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def alarm(number: int, *, priority: int = 2, kind: str = "intrusion",
          title: str = "商铺一键报警", state: str = "closed",
          disposition: str | None = "resolved", ack_s: float | None = 12,
          dispatch_s: float | None = 40, units: tuple[str, ...] = ("A-12",),
          notes: tuple[tuple[datetime, str, str], ...] = ()) -> ReportAlarm:
    created = START + timedelta(hours=2, minutes=number)
    acknowledged = None if ack_s is None else created + timedelta(seconds=ack_s)
    dispatched = (None if acknowledged is None or dispatch_s is None
                  else acknowledged + timedelta(seconds=dispatch_s))
    closed = created + timedelta(minutes=30) if state == "closed" else None
    return ReportAlarm(
        id=f"ALM-{number:04d}", priority=priority, kind=kind, title=title,
        address="北京市朝阳区建国路 88 号", grid="G-07", state=state,
        disposition=disposition if state == "closed" else None, created_at=created,
        acknowledged_at=acknowledged, dispatched_at=dispatched, closed_at=closed,
        units=units, notes=notes)


NOTED = alarm(1, priority=1, kind="fire", title="仓库火警 <b>& Co",
              notes=((START + timedelta(hours=2, minutes=5), "王警官", "已处置完毕"),
                     (START + timedelta(hours=2, minutes=9), "Officer Krause",
                      "Handed to fire brigade & <i>closed</i>")))
OVERDUE = alarm(2, priority=1, title="值班室报警", ack_s=95,
                  notes=((START + timedelta(hours=2, minutes=4), "李明", "交接下一班继续跟进"),))
NEVER_ACKED = alarm(3, priority=3, title="Unacknowledged door alarm", state="new",
                    ack_s=None, units=())
OPEN = alarm(4, priority=2, title="商铺一键报警", state="dispatched",
             units=("A-12", "B-7"))


def make_report(**overrides) -> ShiftReport:
    fields = dict(
        period_start=START, period_end=END, made_at=END + timedelta(minutes=3),
        made_by="Officer Krause", workstation="ws-lage-2", live=True, as_of=END,
        raised_by_priority={1: 3, 2: 17, 3: 25, 4: 8},
        closed_by_priority_disposition={
            1: {"resolved": 2, "false_alarm": 1},
            2: {"resolved": 11, "false_alarm": 4, "duplicate": 1},
            3: {"resolved": 9, "false_alarm": 12, "transferred": 2},
            4: {"false_alarm": 7},
        },
        ack=Distribution.of([4, 6, 7, 8, 9, 11, 13.5, 15, 22, 95], 10, 90, unmeasured=2),
        dispatch=Distribution.of([30, 42, 45, 50, 61, 70], 60, 90),
        overdue=(OVERDUE, NEVER_ACKED),
        units_by_status={"available": 9, "dispatched": 3, "en_route": 2, "on_scene": 4,
                         "busy": 1, "out_of_service": 1, "off_duty": 6},
        notable=(NOTED, OVERDUE),
        handed_over=(OPEN, NEVER_ACKED),
        alarms=(NOTED, OVERDUE, NEVER_ACKED, OPEN),
        flood=FloodFigures(threshold=10, bucket_minutes=10,
                           bucket_starts=tuple(START + timedelta(minutes=10 * i)
                                               for i in range(48)),
                           counts=(3,) * 40 + (12, 14, 11, 2, 1, 0, 0, 4),
                           last_10_min=4),
    )
    fields.update(overrides)
    return ShiftReport(**fields)


def chart(colour: str, width: int = 400, height: int = 160) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def charts() -> dict[str, QImage]:
    return {"ack": chart("steelblue"), "dispatch": chart("darkorange"),
            "hourly": chart("seagreen"), "flood": chart("firebrick")}


def layout_lines(path) -> list[str]:
    """pdftotext's lines as laid out on the page, searchable."""
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                            text=True, check=True, timeout=30)
    return [dashes(searchable(line)) for line in result.stdout.splitlines()]


def page_images(page) -> int:
    xobjects = page["/Resources"].get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")


def image_count(path) -> int:
    return sum(page_images(page) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def full_pdf(qapp, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    write_shift_report(path, make_report(), charts())
    return path


@pytest.fixture(scope="module")
def full_text(full_pdf) -> str:
    return dashes(pdf_text(full_pdf))


def dashes(text: str) -> str:
    """The en dash as printed: Noto CJK shares its glyph with the figure dash (U+2012), which
    Qt's ToUnicode map names instead."""
    return text.replace("\u2012", "\u2013")


def test_header_and_sections(full_pdf, full_text):
    assert full_pdf.read_bytes().startswith(b"%PDF")
    for expected in ("Shift handover report", f"Period: {local(START)} – {local(END)}",
                     "Made by: Officer Krause", "Workstation: ws-lage-2",
                     f"Made at: {local(END + timedelta(minutes=3))}", "Alarms handled",
                     "Response times against targets", "Overdue cases",
                     "Units at the time of the report", "Notable alarms",
                     "Open items handed over", "Confidential — for the shift handover",
                     "Page 1 of "):
        assert expected in full_text, (expected, full_text)
    assert "offline" not in full_text  # a live report says nothing about a cache
    meta = PdfReader(full_pdf).metadata
    assert meta.title == f"Shift handover report: {local(START)} – {local(END)}"
    assert meta.creator == "Command-center workstation"
    assert [p.name for p in full_pdf.parent.iterdir()] == ["report.pdf"]  # no temp file left


def test_alarms_handled_counts(full_pdf):
    lines = layout_lines(full_pdf)
    # Priority, raised, resolved, false alarm, duplicate, transferred, closed total
    assert "P1 3 2 1 0 0 3" in lines, lines
    assert "P2 17 11 4 1 0 16" in lines
    assert "P3 25 9 12 0 2 23" in lines
    assert "P4 8 0 7 0 0 7" in lines
    assert "Total 53 22 24 1 2 49" in lines


# Table cells may wrap onto two lines; pypdf reads them in the order Qt drew them, cell by
# cell and row by row, so a row reads as one run of text.

def test_response_times_against_targets(full_text):
    assert ("Measure Alarms measured Median P90 Target Within target Met? Not measurable"
            in full_text), full_text
    # Ten samples: median is the 5th (9 s), P90 the 9th (22 s); 5 of 10 within 10 s.
    assert "Time to acknowledge 10 9 s 22 s 90 % within 10 s 50 % No 2" in full_text
    # Six samples: median is the 3rd (45 s), P90 the 6th (1 min 10 s); 4 of 6 within 60 s.
    assert ("Acknowledged → dispatched 6 45 s 1 min 10 s 90 % within 1 min 00 s 66.7 % No 0"
            in full_text), full_text
    assert ("Alarm flood (ISA-18.2, > 10 per 10 min): time in flood 0 h 30 min; "
            "busiest 10 minutes: 14 alarms") in full_text


def test_response_times_met_and_fractional(qapp, tmp_path):
    path = tmp_path / "met.pdf"
    report = make_report(ack=Distribution.of([3, 4, 5.5, 6, 10.4], 11, 80),
                         dispatch=Distribution.of([], 60, 90, unmeasured=3))
    write_shift_report(path, report, {})
    text = pdf_text(path)
    # The two measures have different percentiles: each cell names its own.
    assert "Median Percentile Target" in text, text
    assert "Time to acknowledge 5 5.5 s P80: 6 s 80 % within 11 s 100 % Yes 0" in text, text
    assert "Acknowledged → dispatched 0 — — 90 % within 1 min 00 s — — 3" in text, text


def test_tables_and_notes(full_pdf, full_text):
    # overdue: acknowledged late, and never acknowledged (over its age at the period's end)
    assert (f"ALM-0002 P1 Intrusion 值班室报警 {local(OVERDUE.created_at)} "
            f"{local(OVERDUE.acknowledged_at)} 1 min 35 s") in full_text, full_text
    assert (f"ALM-0003 P3 Intrusion Unacknowledged door alarm {local(NEVER_ACKED.created_at)} "
            "not acknowledged over 5 h 57 min") in full_text, full_text
    # units by status: labels, then counts and the total
    assert ("Available Dispatched En route On scene Busy Out of service Off duty Total "
            "9 3 2 4 1 1 6 26") in full_text, full_text
    # notable: first line, details and the notes as a list
    assert "北京市朝阳区建国路 88 号; Closed (Resolved); Units: A-12" in full_text
    lines = layout_lines(full_pdf)  # pypdf splits the bold name from its colon
    assert f"{local(NOTED.notes[0][0])} — 王警官: 已处置完毕" in lines, lines
    assert f"{local(OVERDUE.notes[0][0])} — 李明: 交接下一班继续跟进" in lines, lines
    # handed over: age at the end of the period, state, units
    assert "ALM-0004 P2 商铺一键报警 Dispatched 5 h 56 min A-12, B-7" in full_text, full_text
    assert "ALM-0003 P3 Unacknowledged door alarm New 5 h 57 min —" in full_text


def test_markup_from_the_server_is_printed_literally(full_pdf):
    # pdftotext keeps "<b>" together (pypdf puts a space after "<")
    lines = layout_lines(full_pdf)
    assert "ALM-0001 (P1, Fire) — 仓库火警 <b>& Co" in lines, lines
    assert any(line.endswith("Officer Krause: Handed to fire brigade & <i>closed</i>")
               for line in lines), lines
    assert not any("&amp;" in line or "&lt;" in line for line in lines)


def test_charts_are_embedded_images(qapp, tmp_path, full_pdf):
    assert image_count(full_pdf) >= 4
    two = tmp_path / "two.pdf"
    write_shift_report(two, make_report(), {"ack": chart("navy"), "hourly": QImage()})
    assert image_count(two) == 1  # a null image is skipped like a missing one
    none = tmp_path / "none.pdf"
    write_shift_report(none, make_report(), {})
    assert image_count(none) == 0
    assert "Alarm flood (ISA-18.2" in pdf_text(none)  # the line does not need the chart


def test_offline_report_says_so(qapp, tmp_path):
    as_of = END - timedelta(minutes=47)
    path = tmp_path / "offline.pdf"
    write_shift_report(path, make_report(live=False, as_of=as_of), charts())
    text = pdf_text(path)
    assert (f"Made from the local cache while offline; data as of {local(as_of)}"
            in text), text


def test_empty_sections_write_a_sentence(qapp, tmp_path):
    path = tmp_path / "quiet.pdf"
    report = make_report(
        raised_by_priority={1: 0, 2: 0, 3: 0, 4: 0}, closed_by_priority_disposition={},
        ack=Distribution.of([], 10, 90), dispatch=Distribution.of([], 60, 90), overdue=(),
        units_by_status={}, notable=(), handed_over=(), alarms=(), flood=None)
    write_shift_report(path, report, {})
    text = pdf_text(path, pages=1)
    for sentence in ("No alarms were raised or closed in this period.",
                     "No response times were measured in this period.",
                     "No overdue cases in this period.",
                     "No units were known at the time of the report.",
                     "No notable alarms in this period.", "No open items are handed over."):
        assert sentence in text, (sentence, text)
    for table_word in ("Alarms raised", "Median", "Not measurable", "Age at period end",
                       "Alarm flood"):
        assert table_word not in text
    assert "Page 1 of 1" in text


def test_chinese_text_is_real_text(full_text):
    for expected in ("商铺一键报警", "已处置完毕", "王警官", "值班室报警", "交接下一班继续跟进"):
        assert expected in full_text, (expected, full_text)


def test_a_long_report_runs_over_pages_each_line_once(qapp, tmp_path):
    notable = tuple(alarm(100 + i, notes=((START + timedelta(hours=3), "值班员", f"处置 {i}"),))
                    for i in range(150))
    handed_over = tuple(alarm(250 + i, state="on_scene", title=f"移交 {i}") for i in range(90))
    path = tmp_path / "long.pdf"
    write_shift_report(path, make_report(notable=notable, handed_over=handed_over), charts())
    reader = PdfReader(path)
    pages = len(reader.pages)
    assert pages >= 4
    texts = [searchable(page.extract_text()) for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert text.endswith(f"Confidential — for the shift handover Page {number} of {pages}")
        body = text.removesuffix(f"Confidential — for the shift handover Page {number} of "
                                 f"{pages}").strip()
        for heading in ("Overdue cases", "Units at the time of the report", "Notable alarms",
                        "Open items handed over"):
            assert not body.endswith(heading), (number, body[-200:])  # kept with its content
        captions = text.count("New alarms per hour") + text.count("New alarms per 10 minutes")
        assert captions <= page_images(reader.pages[number - 1])  # a caption with its chart
    everything = " ".join(texts)
    for number, item in enumerate(notable):  # none lost at a page break, none on two pages
        assert len(re.findall(rf"{item.id} \(P2", everything)) == 1, item.id
        assert len(re.findall(rf"处置 {number}(?!\d)", everything)) == 1, number
    for item in handed_over:
        assert len(re.findall(rf"{item.id} P2 ", everything)) == 1, item.id
    # the handed-over table runs over pages, its header row repeated on each
    header = "ID P Title State Age at period end Units"
    assert sum(header in text for text in texts) >= 2
    assert image_count(path) >= 4


def test_unwritable_target_raises_and_leaves_nothing(qapp, tmp_path):
    target = tmp_path / "report.pdf"
    target.mkdir()  # a folder where the report should go: the final rename fails
    with pytest.raises(OSError, match="cannot write the shift report"):
        write_shift_report(target, make_report(), charts())
    assert target.is_dir() and list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    with pytest.raises(OSError, match="cannot write the shift report"):
        write_shift_report(tmp_path / "gone" / "report.pdf", make_report(), {})
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


# --- CSV --------------------------------------------------------------------------------------

def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def test_csv_rows(tmp_path):
    path = tmp_path / "alarms.csv"
    hostile = alarm(5, title="=cmd|' /C calc'!A0", units=("-1+1", "@SUM(A1)"))
    write_alarms_csv(path, [NOTED, NEVER_ACKED, hostile])
    header, noted, never, bad = read_csv(path)
    assert header == ["id", "priority", "kind", "title", "address", "grid", "state",
                      "disposition", "created_at", "acknowledged_at", "dispatched_at",
                      "closed_at", "seconds_to_acknowledge", "seconds_ack_to_dispatch",
                      "units", "notes_count"]
    assert tuple(header) == COLUMNS
    row = dict(zip(header, noted, strict=True))
    assert row == {
        "id": "ALM-0001", "priority": "1", "kind": "fire", "title": "仓库火警 <b>& Co",
        "address": "北京市朝阳区建国路 88 号", "grid": "G-07", "state": "closed",
        "disposition": "resolved", "created_at": "2026-03-14T08:01:00Z",
        "acknowledged_at": "2026-03-14T08:01:12Z", "dispatched_at": "2026-03-14T08:01:52Z",
        "closed_at": "2026-03-14T08:31:00Z", "seconds_to_acknowledge": "12",
        "seconds_ack_to_dispatch": "40", "units": "A-12", "notes_count": "2"}
    row = dict(zip(header, never, strict=True))
    assert (row["acknowledged_at"], row["dispatched_at"], row["closed_at"],
            row["seconds_to_acknowledge"], row["seconds_ack_to_dispatch"],
            row["disposition"], row["units"]) == ("", "", "", "", "", "", "")
    row = dict(zip(header, bad, strict=True))
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["units"] == "'-1+1;@SUM(A1)"


def test_csv_times_in_utc_and_fractions(tmp_path):
    beijing = datetime(2026, 3, 14, 16, 0, tzinfo=timezone(timedelta(hours=8)))
    item = ReportAlarm(
        id="ALM-9", priority=4, kind="other", title="\t\rtab", address="+49 road",
        grid="", state="acknowledged", disposition=None, created_at=beijing,
        acknowledged_at=beijing + timedelta(seconds=7.25), dispatched_at=None,
        closed_at=None, units=(), notes=())
    path = tmp_path / "alarms.csv"
    write_alarms_csv(path, [item])
    header, row = read_csv(path)
    values = dict(zip(header, row, strict=True))
    assert values["created_at"] == "2026-03-14T08:00:00Z"
    assert values["acknowledged_at"] == "2026-03-14T08:00:07.250Z"
    assert values["seconds_to_acknowledge"] == "7.25"
    assert values["title"] == "'\t\rtab" and values["address"] == "'+49 road"


def test_csv_empty_and_unwritable(tmp_path):
    path = tmp_path / "alarms.csv"
    write_alarms_csv(path, [])
    assert read_csv(path) == [list(COLUMNS)]
    target = tmp_path / "folder.csv"
    target.mkdir()
    with pytest.raises(OSError, match="cannot write the alarms CSV"):
        write_alarms_csv(target, [NOTED])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alarms.csv", "folder.csv"]
    assert list(target.iterdir()) == []
