"""The watchlist list: only current entries are rows (expired ones and those without a legal
basis never), expiry marked, a search filters only once committed (Enter → the pane audits →
``apply_search``), the category picker filters at once, the selection survives new data, and
nothing but the named fields reaches a cell."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QLabel, QToolButton

from backend_client.schemas import WatchlistEntry
from tests.factories import BASE_TIME, make_watchlist_entry
from widgets.colors import (
    NOTICE_COLORS,
    WATCHLIST_CATEGORY_COLORS,
    WINDOW_BACKGROUND,
    contrast_ratio,
)
from widgets.watchlist.facts import CATEGORIES, HitCounts, valid_until_text
from widgets.watchlist.list_model import (
    Column,
    EntryIdRole,
    SortRole,
    WatchlistFilter,
    WatchlistModel,
)
from widgets.watchlist.list_view import WatchlistList

NOW = BASE_TIME + timedelta(days=10)
D = Qt.ItemDataRole.DisplayRole
BG = Qt.ItemDataRole.BackgroundRole


def entry(eid: str, days: float = 100, **kw) -> WatchlistEntry:
    return make_watchlist_entry(id=eid, valid_until=NOW + timedelta(days=days), **kw)


def sample() -> list[WatchlistEntry]:
    return [
        entry("max", name="Max Mustermann", aliases=["Maxi", "M."]),
        entry("erika", category="missing", name="Erika Musterfrau", aliases=[], vehicle=None,
              description="Red coat, blue backpack", days=40),
        entry("van", category="bolo", name="Unknown driver", aliases=[],
              vehicle={"plate": "OF-AB 9876", "description": "Silver van"},
              description="Grey hoodie", days=12),
        entry("anna", name="Anna Adler", aliases=[], vehicle=None, description="Tall"),
        entry("ban", category="event_ban", name="Tom Tester", aliases=[], vehicle=None,
              description="Tattoo on the neck", days=200),
    ]


def cell(model, eid: str, column: Column, role=D):
    return model.data(model.index(model.row_of(eid), column), role)


def shown_ids(view: WatchlistList) -> list[str]:
    proxy = view.proxy()
    return [proxy.index(r, 0).data(EntryIdRole) for r in range(proxy.rowCount())]


@pytest.fixture
def view(qtbot):
    w = WatchlistList()
    qtbot.addWidget(w)
    w.resize(1100, 500)
    w.set_entries(sample(), NOW)
    return w


# --- colours -------------------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_has_a_readable_badge(category):
    swatch = WATCHLIST_CATEGORY_COLORS[category]
    assert contrast_ratio(swatch.text, swatch.background) >= 4.5
    assert contrast_ratio(swatch.background, WINDOW_BACKGROUND) >= 3.0


# --- the model ------------------------------------------------------------------------------


def test_expired_and_blank_legal_basis_entries_are_never_rows(qtbot):
    model = WatchlistModel()
    current = entry("ok")
    expired = entry("old", days=-0.01)
    blank = entry("blank").model_copy(update={"legal_basis": " "})
    constructed = WatchlistEntry.model_construct(**{**entry("empty").__dict__,
                                                    "legal_basis": ""})
    model.set_entries([current, expired, blank, constructed], NOW)
    assert [e.id for e in model.entries()] == ["ok"]
    assert model.row_of("old") is None and model.row_of("blank") is None

    # Incremental: a new blank one is not inserted; a current one losing its basis goes.
    model.update_entries([entry("blank2").model_copy(update={"legal_basis": "\t"}),
                          current.model_copy(update={"legal_basis": "  "})], [], NOW)
    assert model.rowCount() == 0


def test_tick_removes_an_entry_the_moment_it_expires(qtbot):
    model = WatchlistModel()
    model.set_entries([entry("soon", days=0.5), entry("later", days=3)], NOW)
    assert model.rowCount() == 2
    before = cell(model, "later", Column.VALID_UNTIL)
    with qtbot.waitSignal(model.rowsRemoved):
        model.tick(NOW + timedelta(days=1))
    assert [e.id for e in model.entries()] == ["later"]
    after = cell(model, "later", Column.VALID_UNTIL)
    assert after != before
    assert after == valid_until_text(NOW + timedelta(days=3), NOW + timedelta(days=1))


def test_entries_within_seven_days_are_marked_and_eight_days_not(qtbot):
    model = WatchlistModel()
    model.set_entries([entry("seven", days=7), entry("eight", days=8)], NOW)
    warning = NOTICE_COLORS["warning"]
    seven_bg = cell(model, "seven", Column.VALID_UNTIL, BG)
    assert isinstance(seven_bg, QColor) and seven_bg == QColor(warning.background)
    font = cell(model, "seven", Column.VALID_UNTIL, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert "7 days" in cell(model, "seven", Column.VALID_UNTIL, Qt.ItemDataRole.ToolTipRole)

    assert cell(model, "eight", Column.VALID_UNTIL, BG) is None
    assert cell(model, "eight", Column.VALID_UNTIL, Qt.ItemDataRole.FontRole) is None
    # A day later the eight-day entry is within the week too.
    model.tick(NOW + timedelta(days=1))
    assert cell(model, "eight", Column.VALID_UNTIL, BG) == QColor(warning.background)


def test_cells_show_the_named_fields(qtbot):
    model = WatchlistModel()
    model.set_entries(sample(), NOW)
    assert cell(model, "max", Column.NAME) == "Max Mustermann (aka Maxi, M.)"
    assert cell(model, "erika", Column.NAME) == "Erika Musterfrau"
    assert cell(model, "max", Column.PLATE) == "F-XY 123"
    assert cell(model, "erika", Column.PLATE) == ""
    assert cell(model, "max", Column.CATEGORY) == "Wanted"
    assert cell(model, "max", Column.CATEGORY, BG) == QColor(
        WATCHLIST_CATEGORY_COLORS["wanted"].background)
    assert cell(model, "max", Column.ISSUED_BY) == "Staatsanwaltschaft Frankfurt"
    assert cell(model, "erika", Column.VALID_UNTIL) == valid_until_text(
        NOW + timedelta(days=40), NOW)
    handling = "Do not approach alone; call the duty officer"
    assert cell(model, "max", Column.HANDLING) == handling
    assert cell(model, "max", Column.HANDLING, Qt.ItemDataRole.ToolTipRole) == handling
    for column in Column:
        assert cell(model, "van", column, Qt.ItemDataRole.UserRole) == "van"
    # Nothing of what the list does not show: sex, birth year, description.
    texts = [cell(model, "max", c) for c in Column]
    assert not any("1985" in t or "scar" in t for t in texts)

    assert cell(model, "max", Column.HITS) == ""
    model.set_counts({"max": HitCounts(3, 1, 2), "van": HitCounts(0, 2, 0)})
    assert cell(model, "max", Column.HITS) == "\u2713 3 \u00b7 \u2717 1 \u00b7 ? 2"
    assert cell(model, "van", Column.HITS) == "\u2713 0 \u00b7 \u2717 2"
    assert cell(model, "max", Column.HITS, Qt.ItemDataRole.ToolTipRole) == (
        "3 confirmed, 1 rejected, 2 not yet verified")


def test_rows_are_ordered_by_category_then_name(qtbot):
    model = WatchlistModel()
    model.set_entries(sample(), NOW)
    assert [e.id for e in model.entries()] == ["anna", "max", "erika", "van", "ban"]


def test_update_entries_changes_rows_in_place_without_a_reset(qtbot):
    model = WatchlistModel()
    model.set_entries(sample(), NOW)
    resets, inserted, removed, moved = [], [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.rowsMoved.connect(lambda *args: moved.append(args[1]))

    model.update_entries([entry("bea", name="Bea Berg", aliases=[])], [], NOW)
    assert inserted == [(1, 1)]
    # Renamed: moves behind Max; a new category: moves to its category.
    model.update_entries([entry("anna", name="Zora Zander", aliases=[], vehicle=None)], [],
                         NOW)
    model.update_entries([entry("ban", category="wanted", name="Tom Tester", aliases=[])],
                         ["van"], NOW)
    assert removed == [(4, 4)]
    assert len(moved) == 2
    assert resets == []
    assert [e.id for e in model.entries()] == ["bea", "max", "ban", "anna", "erika"]
    assert cell(model, "anna", Column.NAME) == "Zora Zander"
    # The same order a fresh model would have.
    fresh = WatchlistModel()
    fresh.set_entries(model.entries(), NOW)
    assert [e.id for e in fresh.entries()] == [e.id for e in model.entries()]


def test_thumbnail_is_a_small_decoration(qtbot):
    model = WatchlistModel()
    model.set_entries(sample(), NOW)
    photo = QImage(300, 400, QImage.Format.Format_RGB32)
    photo.fill(QColor("#3060a0"))
    assert cell(model, "max", Column.PHOTO, Qt.ItemDataRole.DecorationRole) is None
    model.set_thumbnail("max", photo)
    thumb = cell(model, "max", Column.PHOTO, Qt.ItemDataRole.DecorationRole)
    assert isinstance(thumb, QImage)
    assert thumb.height() == 40 and thumb.width() == 30  # aspect kept
    model.set_thumbnail("nobody", photo)  # not a row: not kept
    model.set_thumbnail("max", None)
    assert cell(model, "max", Column.PHOTO, Qt.ItemDataRole.DecorationRole) is None
    model.set_thumbnail("max", photo)
    model.update_entries([], ["max"], NOW)
    model.update_entries([entry("max")], [], NOW)  # back: its old photo is gone
    assert cell(model, "max", Column.PHOTO, Qt.ItemDataRole.DecorationRole) is None


def test_proxy_sorts_dates_by_date_and_hits_by_total(qtbot):
    model = WatchlistModel()
    model.set_entries(sample(), NOW)
    model.set_counts({"max": HitCounts(1, 1, 1), "erika": HitCounts(9, 0, 0),
                      "van": HitCounts(0, 0, 2)})
    proxy = WatchlistFilter()
    proxy.setSourceModel(model)
    proxy.sort(Column.VALID_UNTIL, Qt.SortOrder.AscendingOrder)
    ids = [proxy.index(r, 0).data(EntryIdRole) for r in range(proxy.rowCount())]
    assert ids == ["van", "erika", "anna", "max", "ban"] or ids == [
        "van", "erika", "max", "anna", "ban"]  # anna and max: both in 100 days
    assert isinstance(proxy.index(0, Column.VALID_UNTIL).data(SortRole), float)
    proxy.sort(Column.HITS, Qt.SortOrder.DescendingOrder)
    ids = [proxy.index(r, 0).data(EntryIdRole) for r in range(3)]
    assert ids == ["erika", "max", "van"]


@pytest.mark.parametrize("query, expected", [
    ("erika", {"erika"}),
    ("MAXI", {"max"}),  # an alias, any case
    ("fxy123", {"max"}),  # a plate without its hyphen and space
    ("f-xy 123", {"max"}),
    ("ofab", {"van"}),
    ("backpack", {"erika"}),  # the description
    ("silver", {"van"}),  # the vehicle's description
    ("max scar", {"max"}),  # every word must match
    ("max backpack", set()),
    ("", {"max", "erika", "van", "anna", "ban"}),
])
def test_filter_matches_every_word(qtbot, query, expected):
    model = WatchlistModel()
    model.set_entries(sample(), NOW)
    proxy = WatchlistFilter()
    proxy.setSourceModel(model)
    proxy.set_query(query)
    assert proxy.query() == query
    assert {proxy.index(r, 0).data(EntryIdRole) for r in range(proxy.rowCount())} == expected


def test_filter_does_not_search_the_legal_basis_or_issuer(qtbot):
    model = WatchlistModel()
    model.set_entries(sample(), NOW)
    proxy = WatchlistFilter()
    proxy.setSourceModel(model)
    proxy.set_query("Staatsanwaltschaft")
    assert proxy.rowCount() == 0


# --- the view ------------------------------------------------------------------------------


def test_typing_does_not_filter_enter_requests_the_search(qtbot, view):
    requests: list[str] = []
    view.search_requested.connect(requests.append)
    line = view.search_line()
    qtbot.keyClicks(line, "  erika ")
    assert view.proxy().rowCount() == 5
    assert view.proxy().query() == ""
    assert requests == []

    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert requests == ["erika"]
    assert view.proxy().rowCount() == 5  # not yet: the pane has not recorded it

    view.apply_search("erika")
    assert shown_ids(view) == ["erika"]
    assert view.count_text() == "1 of 5 entries \u00b7 Search: \u201cerika\u201d"


def test_clearing_the_line_shows_all_at_once_without_a_request(qtbot, view):
    requests: list[str] = []
    view.search_requested.connect(requests.append)
    view.search_line().setText("fxy123")
    view.apply_search("fxy123")
    assert shown_ids(view) == ["max"]
    clear = view.search_line().findChild(QToolButton)
    assert clear is not None
    clear.click()
    assert view.proxy().query() == ""
    assert view.proxy().rowCount() == 5
    assert view.count_text() == "5 of 5 entries"

    view.apply_search("erika")
    view.search_line().setText("   ")
    view.search_line().setText("")
    qtbot.keyClick(view.search_line(), Qt.Key.Key_Return)  # Enter on an empty line
    assert view.proxy().query() == ""
    assert requests == []


def test_a_refused_search_is_shown_and_not_applied(qtbot, view):
    view.search_line().setText("max")
    qtbot.keyClick(view.search_line(), Qt.Key.Key_Enter)
    view.refuse_search("Searching is not allowed: the audit log is unreachable")
    assert view.proxy().rowCount() == 5
    message = view.findChild(QLabel, "watchlistSearchMessage")
    assert not message.isHidden()
    assert "audit log is unreachable" in message.text()
    assert NOTICE_COLORS["warning"].background in message.styleSheet()
    view.apply_search("max")
    assert message.isHidden()
    assert shown_ids(view) == ["max"]


def test_category_picker_filters_at_once(qtbot, view):
    requests: list[str] = []
    view.search_requested.connect(requests.append)
    combo = view.category_combo()
    combo.setCurrentIndex(combo.findData("missing"))
    assert shown_ids(view) == ["erika"]
    assert view.count_text() == "1 of 5 entries"
    combo.setCurrentIndex(0)  # all categories
    assert view.proxy().rowCount() == 5
    assert requests == []


def test_selection_survives_new_entries(qtbot, view):
    selected: list[str] = []
    view.entry_selected.connect(selected.append)
    assert view.select_entry("erika")
    assert view.selected_entry_id() == "erika"
    assert selected == ["erika"]
    # A reset with new rows before it: still Erika's row selected, no new announcement.
    view.set_entries([*sample(), entry("aaron", category="missing", name="Aaron Aal",
                                       aliases=[])], NOW)
    assert view.selected_entry_id() == "erika"
    rows = view.table().selectionModel().selectedRows()
    assert [r.data(EntryIdRole) for r in rows] == ["erika"]
    # Incremental: renamed so that it moves.
    view.update_entries([entry("erika", category="missing", name="Zelda", aliases=[])], [],
                        NOW)
    assert view.selected_entry_id() == "erika"
    assert selected == ["erika"]
    # Gone: nothing is selected.
    view.set_entries([e for e in sample() if e.id != "erika"], NOW)
    assert view.selected_entry_id() is None


def test_click_selects_double_click_and_enter_open(qtbot, view):
    view.show()
    qtbot.waitExposed(view)
    selected: list[str] = []
    opened: list[str] = []
    view.entry_selected.connect(selected.append)
    view.entry_opened.connect(opened.append)
    table = view.table()
    row = next(r for r in range(view.proxy().rowCount())
               if view.proxy().index(r, 0).data(EntryIdRole) == "van")
    pos = table.visualRect(view.proxy().index(row, Column.NAME)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert selected == ["van"]
    assert opened == []
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert opened == ["van"]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == ["van", "van"]
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert selected[-1] == "ban"
    qtbot.keyClick(table, Qt.Key.Key_Enter)
    assert opened[-1] == "ban"


def test_table_is_read_only_single_row_selection_sortable(qtbot, view):
    table = view.table()
    assert table.isSortingEnabled()
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    assert table.selectionMode() == table.SelectionMode.SingleSelection
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert table.verticalHeader().isHidden()
    assert table.columnWidth(Column.PHOTO) < table.columnWidth(Column.NAME) / 2
    # A header click sorts by that column (by the date, not by the words).
    view.show()
    qtbot.waitExposed(view)
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(Column.VALID_UNTIL) + header.sectionSize(
        Column.VALID_UNTIL) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == Column.VALID_UNTIL
    by_date = ["van", "erika", "anna", "max", "ban"]
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        by_date = ["ban", "anna", "max", "erika", "van"]
    assert shown_ids(view) == by_date


# --- nothing protected ----------------------------------------------------------------------

FORBIDDEN = ("X-RELIGION", "religion", "X-ETHNIC", "ethnicity")


def protected_entry() -> WatchlistEntry:
    data = entry("prot").model_dump(mode="json")
    data.update({"religion": "X-RELIGION", "ethnicity": "X-ETHNIC"})
    return WatchlistEntry.model_validate(data)


def all_strings(model, parent=QModelIndex()) -> list[str]:
    roles = [*range(0, 32), int(Qt.ItemDataRole.UserRole), SortRole]
    found = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            found += [v for role in roles if isinstance(v := index.data(role), str)]
    for column in range(model.columnCount(parent)):
        for role in roles:
            v = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(v, str):
                found.append(v)
    return found


def test_protected_keys_are_nowhere_in_the_list(qtbot, view):
    view.set_entries([protected_entry(), *sample()], NOW)
    view.model().set_counts({"prot": HitCounts(1, 0, 0)})
    assert view.model().row_of("prot") is not None
    texts = all_strings(view.model()) + all_strings(view.proxy())
    texts += [label.text() + label.toolTip() for label in view.findChildren(QLabel)]
    combo = view.category_combo()
    texts += [combo.itemText(i) for i in range(combo.count())]
    assert any("Max Mustermann" in t for t in texts)  # the collection does see the entry
    for text in texts:
        for word in FORBIDDEN:
            assert word.casefold() not in text.casefold(), (word, text)


def test_search_text_is_not_taken_as_rich_text(qtbot, view):
    view.apply_search("<b>x</b>")
    label = view.findChild(QLabel, "watchlistCount")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>x</b>" in label.text()
