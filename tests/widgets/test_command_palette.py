"""The command palette: how typed text picks a command (pure Python), and the popup driven by
the keyboard as an officer would (qtbot, real xcb under Xvfb)."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from pathlib import Path

import PySide6QtAds as ads
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop.shell.theme import apply_theme
from widgets.command_palette import (
    CommandPalette,
    CommandRegistry,
    MatchKind,
    PaletteCommand,
    command_from_action,
    complete_words,
    install_palette,
    match,
)

ROOT = Path(__file__).resolve().parents[2]
CALLSIGNS = ["U12", "U13", "U7", "K9"]


class Calls(list):
    def runner(self, name):
        return lambda argument: self.append((name, argument))


def hall_commands(calls: Calls, *, close_allowed=lambda: True) -> list[PaletteCommand]:
    return [
        PaletteCommand(name="alarm.ack", title="Acknowledge alarm",
                       words=("acknowledge", "ack", "确认"), shortcut="A",
                       run=calls.runner("alarm.ack")),
        PaletteCommand(name="alarm.dispatch", title="Dispatch units…",
                       words=("dispatch", "disp", "派警"), shortcut="D",
                       run=calls.runner("alarm.dispatch"), argument_hint="unit callsigns",
                       complete=complete_words(lambda: CALLSIGNS)),
        PaletteCommand(name="alarm.close", title="Close alarm…", words=("close",),
                       shortcut="Ctrl+W", run=calls.runner("alarm.close"),
                       argument_hint="resolved | false | duplicate | transferred",
                       enabled=close_allowed,
                       why_disabled=lambda: "Only a supervisor may close this alarm"),
        PaletteCommand(name="alarm.note", title="Add note…", words=("note",), shortcut="N",
                       run=calls.runner("alarm.note"), argument_hint="text"),
        PaletteCommand(name="queue.clear_filter", title="Clear queue filter",
                       words=("clear",), run=calls.runner("queue.clear_filter")),
        PaletteCommand(name="map.center", title="地图居中到所选警情", words=("center",),
                       shortcut="Ctrl+Shift+M", run=calls.runner("map.center")),
        PaletteCommand(name="layout.next", title="Next layout", words=("next",),
                       run=calls.runner("layout.next")),
    ]


def names(matches):
    return [m.command.name for m in matches]


# --- matching (no Qt) -------------------------------------------------------------------------


@pytest.fixture
def commands():
    return hall_commands(Calls())


@pytest.mark.parametrize("text, name, argument, kind", [
    ("ack", "alarm.ack", "", MatchKind.EXACT),
    ("disp U12", "alarm.dispatch", "U12", MatchKind.EXACT),
    ("disp  U12 U13 ", "alarm.dispatch", "U12 U13", MatchKind.EXACT),
    ("close false", "alarm.close", "false", MatchKind.EXACT),
    ("cl", "alarm.close", "", MatchKind.PREFIX),
    ("ACKN", "alarm.ack", "", MatchKind.PREFIX),
    ("n", "alarm.note", "", MatchKind.PREFIX),
    ("add note", "alarm.note", "", MatchKind.TITLE),
    ("add note suspect left north", "alarm.note", "suspect left north", MatchKind.TITLE),
    ("note hello", "alarm.note", "hello", MatchKind.EXACT),
    ("dsp U12", "alarm.dispatch", "U12", MatchKind.FUZZY),
    ("确认", "alarm.ack", "", MatchKind.EXACT),
    ("派警U12", "alarm.dispatch", "U12", MatchKind.EXACT),  # Chinese: no space typed
    ("ｄｉｓｐ U12", "alarm.dispatch", "U12", MatchKind.EXACT),  # full-width from an IME
    ("所选警情", "map.center", "", MatchKind.SUBSTRING),
    ("地图", "map.center", "", MatchKind.TITLE),
])
def test_typed_text_picks_the_command_and_its_argument(commands, text, name, argument, kind):
    best = match(commands, text)[0]
    assert (best.command.name, best.argument, best.kind) == (name, argument, kind)
    assert best.enabled
    assert best.head.strip() and text.startswith(best.head)


def test_title_fragment_finds_the_command(commands):
    assert names(match(commands, "note"))[0] == "alarm.note"
    assert "alarm.note" in names(match(commands, "not"))
    assert names(match(commands, "queue filt")) == ["queue.clear_filter"]


def test_kinds_rank_exact_prefix_title_substring_fuzzy():
    def command(name, title, *words):
        return PaletteCommand(name=name, title=title, words=words, run=lambda a: None)

    # Registered weakest first: the order below comes from the ranking, not from the list.
    cmds = [command("zebra", "Zebra crossing"), command("fuzzy", "Do it soon"),
            command("substring", "Undisputed"), command("title", "Display settings"),
            command("prefix", "Something", "dispatch"), command("exact", "Other", "dis")]
    found = match(cmds, "dis")
    assert names(found) == ["exact", "prefix", "title", "substring", "fuzzy"]
    assert [m.kind for m in found] == [MatchKind.EXACT, MatchKind.PREFIX, MatchKind.TITLE,
                                       MatchKind.SUBSTRING, MatchKind.FUZZY]
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert match(cmds, "qqq") == []


def test_disabled_commands_come_after_enabled_ones(commands):
    calls = Calls()
    cmds = hall_commands(calls, close_allowed=lambda: False)
    found = match(cmds, "cl")  # close (disabled) and clear (enabled) fit equally well
    assert names(found)[:2] == ["queue.clear_filter", "alarm.close"]
    assert not found[1].enabled
    assert found[1].reason == "Only a supervisor may close this alarm"
    # …but an unavailable exact keyword still beats another command's weaker fit: Enter on
    # "close false" must say why, not run whatever fuzzy match is left.
    assert names(match(cmds, "close false"))[0] == "alarm.close"


def test_empty_text_lists_every_command_enabled_first_in_registration_order():
    cmds = hall_commands(Calls(), close_allowed=lambda: False)
    for text in ("", "   "):
        found = match(cmds, text)
        assert names(found) == [c.name for c in cmds if c.name != "alarm.close"] + [
            "alarm.close"]
        assert {m.kind for m in found} == {MatchKind.ALL}
        assert all(m.argument == "" for m in found)


def test_recently_run_breaks_ties(commands):
    assert names(match(commands, "cl"))[0] == "alarm.close"
    assert names(match(commands, "cl", recent=["queue.clear_filter"]))[0] == \
        "queue.clear_filter"


def test_a_raising_enabled_check_counts_as_unavailable(caplog):
    def broken() -> bool:
        raise RuntimeError("pane gone")

    cmd = PaletteCommand(name="x.broken", title="Broken", words=("broken",),
                         run=lambda a: None, enabled=broken)
    with caplog.at_level(logging.ERROR):
        [found] = match([cmd], "broken")
    assert not found.enabled
    assert "x.broken" in caplog.text


def test_complete_words():
    complete = complete_words(lambda: CALLSIGNS)
    assert complete("") == CALLSIGNS
    assert complete("u1") == ["U12", "U13"]
    assert complete("U12 ") == ["U12 U13", "U12 U7", "U12 K9"]  # a new word, U12 taken
    assert complete("U12 u") == ["U12 U13", "U12 U7"]
    assert complete("9") == ["K9"]  # substring after prefix
    assert complete("X") == []


def test_command_checks_its_fields():
    with pytest.raises(TypeError):
        PaletteCommand(name="a.b", title="B", words="disp", run=lambda a: None)
    with pytest.raises(ValueError):
        PaletteCommand(name="a b", title="B", run=lambda a: None)
    with pytest.raises(ValueError):
        PaletteCommand(name="a.b", title=" ", run=lambda a: None)
    cmd = PaletteCommand(name="a.b", title="B", words=["save  layout"], run=lambda a: None)
    assert cmd.words == ("save layout",) and not cmd.takes_argument


def test_commands_module_needs_no_qt():
    code = ("import importlib.abc, sys\n"
            "class Block(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in {'PySide6', 'shiboken6'}:\n"
            "            raise ImportError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "from widgets.command_palette import match, PaletteCommand\n"
            "from widgets.command_palette.commands import complete_words\n"
            "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr[-2000:]


# --- the popup --------------------------------------------------------------------------------


class Hall:
    """A main window with an editor pane, a registry and the installed palette."""

    def __init__(self, qtbot, *, close_allowed=lambda: True):
        self.calls = Calls()
        self.registry = CommandRegistry()
        for command in hall_commands(self.calls, close_allowed=close_allowed):
            self.registry.register(command)
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.editor = QPlainTextEdit("the officer's pane")
        self.window.setCentralWidget(self.editor)
        self.window.resize(1200, 800)
        self.action = install_palette(self.window, self.registry)
        self.palette: CommandPalette = self.action.command_palette()
        self.window.show()
        self.window.activateWindow()
        qtbot.waitActive(self.window)
        self.editor.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is self.editor)
        self.qtbot = qtbot

    def open(self, text=""):
        self.qtbot.keyClick(self.editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert self.palette.isVisible()
        if text:
            self.type(text)

    def type(self, text):
        self.qtbot.keyClicks(self.palette.input(), text)

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.qtbot.keyClick(self.palette.input(), key, modifier)


@pytest.fixture
def hall(qtbot):
    return Hall(qtbot)


def test_ctrl_k_on_the_main_window_opens_the_palette(hall, qtbot):
    assert hall.action.shortcut() == QKeySequence("Ctrl+K")
    hall.open()
    palette = hall.palette
    assert QApplication.focusWidget() is palette.input()
    assert names(palette.matches()) == [c.name for c in hall.registry.commands()]
    assert palette.current_match().command.name == "alarm.ack"
    # Centred across the window, its top in the window's top third, ~560 px wide.
    window = hall.window.geometry()
    box = palette.geometry()
    assert abs(box.center().x() - window.center().x()) <= 2
    assert window.top() < box.top() < window.top() + window.height() // 3
    assert 540 <= box.width() <= 700


def test_reopening_selects_the_last_text(hall, qtbot):
    hall.open("disp U12")
    hall.key(Qt.Key.Key_Escape)
    hall.open()
    edit = hall.palette.input()
    assert edit.text() == "disp U12" and edit.selectedText() == "disp U12"
    hall.type("ack")  # typing replaces the selected text
    assert edit.text() == "ack"


def test_typed_command_and_enter_run_it_with_the_argument(hall, qtbot):
    hall.open("disp U12")
    with qtbot.waitSignal(hall.palette.command_ran) as ran:
        hall.key(Qt.Key.Key_Return)
    assert hall.calls == [("alarm.dispatch", "U12")]
    assert ran.args == ["alarm.dispatch", "U12"]
    assert not hall.palette.isVisible()
    assert hall.registry.recent()[0] == "alarm.dispatch"


def test_the_command_runs_after_the_palette_closed_in_the_officers_pane(hall, qtbot):
    seen = []
    hall.registry.register(PaletteCommand(
        name="alarm.ack", title="Acknowledge alarm", words=("ack",),
        run=lambda a: seen.append((hall.palette.isVisible(), QApplication.focusWidget()))))
    hall.open("ack")
    hall.key(Qt.Key.Key_Enter)
    assert seen == [(False, hall.editor)]


def test_escape_closes_and_runs_nothing(hall, qtbot):
    hall.open("close false")
    with qtbot.waitSignal(hall.palette.closed):
        hall.key(Qt.Key.Key_Escape)
    assert not hall.palette.isVisible()
    assert hall.calls == []
    qtbot.waitUntil(lambda: QApplication.focusWidget() is hall.editor)


def test_a_disabled_command_cannot_run_and_says_why(qtbot):
    hall = Hall(qtbot, close_allowed=lambda: False)
    hall.open("close false")
    palette = hall.palette
    current = palette.current_match()
    assert current.command.name == "alarm.close" and not current.enabled
    row = palette.list_view().currentIndex()
    assert row.data(Qt.ItemDataRole.ToolTipRole) == "Only a supervisor may close this alarm"
    hall.key(Qt.Key.Key_Return)
    assert hall.calls == []
    assert palette.isVisible()
    assert palette.message() == "Only a supervisor may close this alarm"


def test_availability_is_asked_again_at_enter(qtbot):
    allowed = [True]
    hall = Hall(qtbot, close_allowed=lambda: allowed[0])
    hall.open("close false")
    assert hall.palette.current_match().enabled
    allowed[0] = False  # e.g. the alarm was reassigned while the officer typed
    hall.key(Qt.Key.Key_Return)
    assert hall.calls == []
    assert "supervisor" in hall.palette.message()


def test_an_argument_to_a_command_that_takes_none_is_refused(hall, qtbot):
    hall.open("ack A-1043")  # must not acknowledge the selected alarm instead of A-1043
    hall.key(Qt.Key.Key_Return)
    assert hall.calls == []
    assert "A-1043" in hall.palette.message()


def test_arrows_and_pages_move_the_selection(hall, qtbot):
    hall.open()
    palette = hall.palette

    def current():
        return palette.current_match().command.name

    hall.key(Qt.Key.Key_Down)
    assert current() == "alarm.dispatch"
    hall.key(Qt.Key.Key_Up)
    hall.key(Qt.Key.Key_Up)  # round to the last
    assert current() == "layout.next"
    hall.key(Qt.Key.Key_PageUp)
    assert current() == "alarm.ack"
    hall.key(Qt.Key.Key_PageDown)
    assert current() == "layout.next"
    hall.key(Qt.Key.Key_Up)
    hall.key(Qt.Key.Key_Return)
    assert hall.calls == [("map.center", "")]


def test_tab_completes_the_keyword_then_the_argument(hall, qtbot):
    hall.open("dis")
    edit = hall.palette.input()
    hall.key(Qt.Key.Key_Tab)
    assert edit.text() == "dispatch "
    assert QApplication.focusWidget() is edit  # Tab did not move the focus
    hall.type("u1")
    hall.key(Qt.Key.Key_Tab)
    assert edit.text() == "dispatch U12"
    assert "U13" in hall.palette.message()
    hall.key(Qt.Key.Key_Tab)
    assert edit.text() == "dispatch U13"
    hall.key(Qt.Key.Key_Tab)
    assert edit.text() == "dispatch U12"  # round again
    hall.key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert edit.text() == "dispatch U13"
    hall.type(" ")
    hall.key(Qt.Key.Key_Tab)
    assert edit.text() == "dispatch U13 U12"
    hall.key(Qt.Key.Key_Return)
    assert hall.calls == [("alarm.dispatch", "U13 U12")]


def test_an_exception_in_run_is_logged_and_shown_not_raised(hall, qtbot, caplog):
    def fail(_argument):
        raise RuntimeError("server said no")

    hall.registry.register(PaletteCommand(name="alarm.ack", title="Acknowledge alarm",
                                          words=("ack",), run=fail))
    hall.open("ack")
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(hall.palette.command_failed):
        hall.key(Qt.Key.Key_Return)  # pytest-qt fails the test if this reaches Qt
    palette = hall.palette
    assert palette.isVisible()
    assert palette.input().text() == "ack"
    assert "server said no" in palette.message()
    assert any(r.exc_info and "alarm.ack" in r.getMessage() for r in caplog.records)
    assert "alarm.ack" not in hall.registry.recent()


def test_a_coroutine_command_runs_on_the_asyncio_loop(hall, qtbot, caplog):
    done = []

    async def dispatch(argument):
        await asyncio.sleep(0)
        done.append(argument)

    async def refuse(_argument):
        await asyncio.sleep(0)
        raise RuntimeError("unit U12 is off duty")

    hall.registry.register(PaletteCommand(name="alarm.dispatch", title="Dispatch units…",
                                          words=("disp",), run=dispatch, argument_hint="units"))
    hall.registry.register(PaletteCommand(name="alarm.refuse", title="Refuse",
                                          words=("refuse",), run=refuse, argument_hint="x"))
    failed = []
    hall.palette.command_failed.connect(lambda name, message: failed.append(message))

    async def go():
        hall.palette.open_palette("disp U12")
        assert hall.palette.run_current()
        hall.palette.open_palette("refuse x")
        assert hall.palette.run_current()
        for _ in range(5):
            await asyncio.sleep(0)

    with caplog.at_level(logging.ERROR):
        asyncio.run(go())
    assert done == ["U12"]
    assert failed and "off duty" in failed[0]
    # Without a running loop the coroutine is refused (and closed), not silently dropped.
    hall.palette.open_palette("disp U13")
    assert not hall.palette.run_current()
    assert hall.palette.isVisible() and "failed" in hall.palette.message()
    assert done == ["U12"]


def test_ctrl_k_works_from_a_floating_pane(qtbot):
    """A pane floated out of the dock is a window of its own: a window-wide shortcut on the
    main window would not fire there."""
    window = QMainWindow()
    qtbot.addWidget(window)
    manager = ads.CDockManager(window)
    window.setCentralWidget(manager)
    docked, floating_edit = QLineEdit("docked"), QLineEdit("floating")
    for title, widget, area in (("docked", docked, ads.LeftDockWidgetArea),
                                ("floating", floating_edit, ads.RightDockWidgetArea)):
        dock = ads.CDockWidget(manager, title)
        dock.setWidget(widget)
        manager.addDockWidget(area, dock)
    registry = CommandRegistry()
    action = install_palette(window, registry)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    container = manager.addDockWidgetFloating(manager.findDockWidget("floating"))
    container.setGeometry(1100, 300, 600, 500)
    container.show()
    container.activateWindow()
    qtbot.waitExposed(container)
    floating_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is floating_edit)
    qtbot.keyClick(floating_edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = action.command_palette()
    assert palette.isVisible()
    # Over the window the officer is in, not over the main window.
    assert container.geometry().contains(QPoint(palette.geometry().center().x(),
                                                palette.geometry().top()))
    palette.hide()


def test_a_modal_dialog_blocks_ctrl_k(hall, qtbot):
    dialog = QDialog(hall.window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.setModal(True)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert not hall.palette.isVisible()
    dialog.close()


def test_registry_changes_reach_the_open_palette(hall, qtbot):
    registry = hall.registry
    with qtbot.waitSignal(registry.changed):
        registry.register(PaletteCommand(name="alarm.ack", title="Acknowledge",
                                         words=("ack",), run=hall.calls.runner("new ack")))
    assert [c.name for c in registry.commands()][0] == "alarm.ack"  # replaced in place
    hall.open("cl")
    assert names(hall.palette.matches())[:2] == ["alarm.close", "queue.clear_filter"]
    assert registry.unregister("alarm.close")
    assert not registry.unregister("alarm.close")
    assert names(hall.palette.matches())[0] == "queue.clear_filter"
    hall.key(Qt.Key.Key_Return)
    assert hall.calls == [("queue.clear_filter", "")]


def test_installing_twice_gives_the_same_action(hall):
    assert install_palette(hall.window, hall.registry) is hall.action
    with pytest.raises(ValueError):
        install_palette(hall.window, CommandRegistry())


def test_command_from_an_existing_action(hall, qtbot):
    lock = QAction("&Lock", hall.window)
    lock.setShortcut(QKeySequence("Ctrl+L"))
    hall.window.addAction(lock)
    triggered = []
    lock.triggered.connect(lambda _checked=False: triggered.append(True))
    command = hall.registry.register(command_from_action(lock, name="ws.lock",
                                                         words=("lock",)))
    assert (command.title, command.shortcut) == ("Lock", "Ctrl+L")
    lock.setEnabled(False)
    hall.open("lock")
    hall.key(Qt.Key.Key_Return)
    assert triggered == [] and hall.palette.isVisible()
    lock.setEnabled(True)
    hall.key(Qt.Key.Key_Return)
    assert triggered == [True]


def test_screenshot_on_the_dark_theme(qtbot):
    """The open palette as the workstation shows it; kept in /tmp/command-palette.png."""
    app = QApplication.instance()
    saved = (app.style().name(), app.palette(), app.font(), app.styleSheet())
    apply_theme(app)
    try:
        hall = Hall(qtbot, close_allowed=lambda: False)
        hall.open()
        hall.key(Qt.Key.Key_Down)
        qtbot.wait(50)
        image = hall.palette.grab().toImage()
        assert image.save("/tmp/command-palette.png")
        # The theme's colours, not a light default: the ground is dark.
        ground = image.pixelColor(image.width() // 2, image.height() - 3)
        assert ground.lightness() < 80, ground.name()
    finally:
        app.setStyleSheet(saved[3])
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setFont(saved[2])
