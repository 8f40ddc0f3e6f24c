"""An opened watchlist entry: its legal basis and validity first, the person's facts escaped, the
sightings newest first, the BOLO button; a message, loading or nothing instead of an entry; the
notice for roles that see no entries. Nothing the schema does not name reaches the screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QWidget

from backend_client.schemas import WatchlistEntry
from tests.factories import BASE_TIME, make_watchlist_entry
from widgets.colors import NOTICE_COLORS
from widgets.watchlist.detail import EntryDetail
from widgets.watchlist.facts import HitCounts, Sighting, valid_until_text
from widgets.watchlist.restricted import RestrictedNotice

NOW = BASE_TIME + timedelta(days=10)
LEGAL = "Arrest warrant AG Frankfurt 931 Gs 123/25"


def entry(days: float = 100, **kw) -> WatchlistEntry:
    kw.setdefault("id", "max")
    return make_watchlist_entry(valid_until=NOW + timedelta(days=days), **kw)


def sightings() -> list[Sighting]:
    return [
        Sighting("alarm-old", NOW - timedelta(days=2), "Berliner Str. 12", 0.71, False, True),
        Sighting("alarm-new", NOW - timedelta(hours=1), "Camera Konstablerwache", 0.64, None,
                 False),
        Sighting("alarm-mid", NOW - timedelta(hours=5), "Hauptwache", 0.87, True, True),
    ]


def label(detail: QWidget, name: str) -> QLabel:
    found = detail.findChild(QLabel, name)
    assert found is not None, name
    return found


def plain(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


def photo(width: int = 600, height: int = 800) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3060a0"))
    return image


@pytest.fixture
def detail(qtbot):
    w = EntryDetail()
    qtbot.addWidget(w)
    w.resize(900, 700)
    return w


def test_legal_basis_and_validity_come_first(qtbot, detail):
    detail.show_entry(entry(days=40), None, [], HitCounts(), NOW)
    legal = plain(label(detail, "watchlistLegalBasis").text())
    valid = plain(label(detail, "watchlistValidUntil").text())
    assert legal == f"Legal basis: {LEGAL}"
    assert valid.strip() == "Valid until: " + valid_until_text(NOW + timedelta(days=40), NOW)
    assert NOTICE_COLORS["warning"].background not in label(detail,
                                                             "watchlistValidUntil").text()
    # The box is above everything else.
    box = detail.findChild(QWidget, "watchlistLegalBox")
    name = label(detail, "watchlistName")
    assert box.mapTo(detail, box.rect().topLeft()).y() < name.mapTo(detail,
                                                                    name.rect().topLeft()).y()
    assert detail.entry_id() == "max"


def test_validity_is_warning_coloured_within_a_week(qtbot, detail):
    detail.show_entry(entry(days=3), None, [], HitCounts(), NOW)
    valid = label(detail, "watchlistValidUntil")
    assert NOTICE_COLORS["warning"].background in valid.text()
    assert "3 days left" in plain(valid.text())


def test_entry_text_is_escaped(qtbot, detail):
    evil = entry(name="<b>Evil</b> & Co", aliases=["<i>al</i>"],
                 legal_basis="<script>x</script>", handling="<u>careful</u>",
                 description="a < b")
    detail.show_entry(evil, None, [], HitCounts(), NOW)
    name = label(detail, "watchlistName").text()
    assert "<b>Evil</b>" not in name
    assert "<b>Evil</b> & Co" in plain(name)
    assert "<script>x</script>" in plain(label(detail, "watchlistLegalBasis").text())
    facts = label(detail, "watchlistFacts").text()
    assert "<i>al</i>" in plain(facts) and "a < b" in plain(facts)
    assert "<u>careful</u>" in plain(label(detail, "watchlistHandling").text())


def test_the_facts_by_name(qtbot, detail):
    detail.show_entry(entry(sex="f", birth_year=1990, aliases=["Maxi", "M."]), None, [],
                      HitCounts(3, 1, 2), NOW)
    facts = plain(label(detail, "watchlistFacts").text())
    for expected in ("female", "1990", "Maxi, M.", "scar on the left hand", "F-XY 123",
                     "Blue hatchback", "Staatsanwaltschaft Frankfurt"):
        assert expected in facts
    name = plain(label(detail, "watchlistName").text())
    assert "Wanted" in name and "Max Mustermann" in name
    assert plain(label(detail, "watchlistHandling").text()) == (
        "Handling: Do not approach alone; call the duty officer")
    assert label(detail, "watchlistHits").text() == (
        "Hits: 3 confirmed \u00b7 1 rejected \u00b7 2 not yet verified")
    detail.show_entry(entry(sex="x", birth_year=None, vehicle=None), None, [], HitCounts(),
                      NOW)
    facts = plain(label(detail, "watchlistFacts").text())
    assert "diverse" in facts and "1985" not in facts and "F-XY" not in facts


def test_photo_is_scaled_within_240_by_320(qtbot, detail):
    detail.show_entry(entry(), photo(600, 800), [], HitCounts(), NOW)
    shown = label(detail, "watchlistPhoto").pixmap()
    assert (shown.width(), shown.height()) == (240, 320)
    detail.show_entry(entry(), photo(800, 400), [], HitCounts(), NOW)
    shown = label(detail, "watchlistPhoto").pixmap()
    assert (shown.width(), shown.height()) == (240, 120)
    detail.show_entry(entry(), None, [], HitCounts(), NOW)
    assert label(detail, "watchlistPhoto").text() == "No photo"
    assert label(detail, "watchlistPhoto").pixmap().isNull()


def test_sightings_newest_first_and_selectable(qtbot, detail):
    detail.show()
    qtbot.waitExposed(detail)
    detail.show_entry(entry(), None, sightings(), HitCounts(), NOW)
    lst = detail.findChild(QListWidget, "watchlistSightings")
    assert lst.isVisible()
    assert [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())] == [
        "alarm-new", "alarm-mid", "alarm-old"]
    at = (NOW - timedelta(hours=1)).astimezone().strftime("%Y-%m-%d %H:%M")
    assert lst.item(0).text() == (
        f"{at} \u00b7 Camera Konstablerwache \u00b7 64 % \u00b7 not verified")
    assert lst.item(1).text().endswith("87 % \u00b7 confirmed \u00b7 closed")
    assert lst.item(2).text().endswith("71 % \u00b7 rejected \u00b7 closed")
    chosen: list[str] = []
    detail.sighting_selected.connect(chosen.append)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=lst.visualItemRect(lst.item(1)).center())
    assert chosen == ["alarm-mid"]
    lst.setCurrentRow(2)
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Return)
    assert chosen[-1] == "alarm-old"
    assert label(detail, "watchlistNoSightings").isHidden()


def test_no_sightings_says_so(qtbot, detail):
    detail.show_entry(entry(), None, [], HitCounts(), NOW)
    assert detail.findChild(QListWidget, "watchlistSightings").isHidden()
    no = label(detail, "watchlistNoSightings")
    assert not no.isHidden()
    assert no.text() == "No sightings known to this workstation."


def test_export_button(qtbot, detail):
    detail.show_entry(entry(), None, [], HitCounts(), NOW)
    button = detail.findChild(QPushButton, "watchlistExport")
    assert button.text() == "Print BOLO sheet\u2026"
    with qtbot.waitSignal(detail.export_requested) as blocker:
        button.click()
    assert blocker.args == ["max"]
    requested: list[str] = []
    detail.export_requested.connect(requested.append)
    detail.set_export_enabled(False, "Printing is not allowed for your role")
    assert not button.isEnabled()
    assert button.toolTip() == "Printing is not allowed for your role"
    button.click()
    assert requested == []
    detail.set_export_enabled(True)
    assert button.isEnabled()


def test_loading_message_and_empty(qtbot, detail):
    notice = label(detail, "watchlistDetailNotice")
    assert "Opening an entry is recorded in the audit log." in notice.text()
    assert detail.entry_id() is None
    detail.show_entry(entry(), None, [], HitCounts(), NOW)
    assert notice.isHidden()
    detail.show_loading("<b>Max</b>")
    assert detail.entry_id() is None
    assert notice.text() == "Opening <b>Max</b>\u2026"
    assert notice.textFormat() == Qt.TextFormat.PlainText
    assert not detail.findChild(QPushButton, "watchlistExport").isVisibleTo(detail)
    detail.show_message("The central services refused: not your role", "critical")
    assert notice.text() == "The central services refused: not your role"
    assert NOTICE_COLORS["critical"].background in notice.styleSheet()
    detail.show_message("Could not load the photo")
    assert NOTICE_COLORS["warning"].background in notice.styleSheet()
    detail.clear()
    assert "Select an entry and press Enter" in notice.text()


def test_an_entry_no_longer_current_is_not_shown(qtbot, detail):
    detail.show_entry(entry(days=-1), None, [], HitCounts(), NOW)
    assert detail.entry_id() is None
    blank = entry().model_copy(update={"legal_basis": " "})
    detail.show_entry(blank, None, [], HitCounts(), NOW)
    assert detail.entry_id() is None
    texts = " ".join(lbl.text() for lbl in detail.findChildren(QLabel) if lbl.isVisibleTo(detail))
    assert "Max Mustermann" not in texts


def test_labels_are_selectable(qtbot, detail):
    detail.show_entry(entry(), None, [], HitCounts(), NOW)
    for name in ("watchlistLegalBasis", "watchlistValidUntil", "watchlistName",
                 "watchlistFacts", "watchlistHandling"):
        assert label(detail, name).textInteractionFlags() & (
            Qt.TextInteractionFlag.TextSelectableByMouse)


# --- nothing protected ----------------------------------------------------------------------

FORBIDDEN = ("X-RELIGION", "religion", "X-ETHNIC", "ethnicity")


def widget_texts(root: QWidget) -> list[str]:
    texts = [w.toolTip() for w in root.findChildren(QWidget)]
    texts += [lbl.text() for lbl in root.findChildren(QLabel)]
    texts += [b.text() for b in root.findChildren(QPushButton)]
    for lst in root.findChildren(QListWidget):
        texts += [lst.item(i).text() + lst.item(i).toolTip() for i in range(lst.count())]
    return texts


def test_protected_keys_are_nowhere_in_the_detail(qtbot, detail):
    data = entry().model_dump(mode="json")
    data.update({"religion": "X-RELIGION", "ethnicity": "X-ETHNIC"})
    protected = WatchlistEntry.model_validate(data)
    detail.show_entry(protected, photo(), sightings(), HitCounts(1, 0, 0), NOW)
    texts = widget_texts(detail)
    assert any("Max Mustermann" in t for t in texts)  # the collection does see the entry
    for text in texts:
        for word in FORBIDDEN:
            assert word.casefold() not in text.casefold(), (word, text)


def test_restricted_notice_counts_without_names(qtbot):
    notice = RestrictedNotice()
    qtbot.addWidget(notice)
    notice.show_counts({"wanted": 4, "missing": 2, "bolo": 0, "event_ban": 1},
                       "Video patrol")
    texts = widget_texts(notice)
    joined = "\n".join(texts)
    assert ("Watchlist entries are shown to duty officers and supervisors only. Your role "
            "(Video patrol) does not see names, photos or details; the central services "
            "refuse them too.") in texts
    assert "Current entries: 7 (4 Wanted \u00b7 2 Missing \u00b7 1 Event ban)" in texts
    assert "BOLO" not in joined  # no entries: not listed
    assert "Max Mustermann" not in joined
    assert not notice.findChildren(QListWidget)
    notice.show_counts({}, "Leadership")
    assert "Current entries: none" in widget_texts(notice)
