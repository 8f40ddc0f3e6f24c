"""The command palette (Ctrl+K): type a few letters, Enter runs the command.

``CommandRegistry`` holds the ``PaletteCommand``s that panes and the shell register;
``CommandPalette`` is the popup (a line edit over the list of matches, each with its argument
hint, why it is unavailable, and its shortcut); ``install_palette(window, registry)`` gives a
window the Ctrl+K action that opens it. GUI thread only.

The palette closes *before* a command runs, so the command runs where the officer was (focus
back in their pane, as if they had pressed its shortcut) and a dialog it opens is not stuck
under a popup. A command that raises is logged and the palette comes back with the typed text
and a short message; nothing propagates into Qt.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from widgets.command_palette.commands import (
    Match,
    MatchKind,
    PaletteCommand,
    availability,
    fold,
    match,
)
from widgets.command_palette.match_list import (
    _MatchDelegate,
    _MatchModel,
)

log = logging.getLogger(__name__)

MAX_ROWS = 10
MIN_WIDTH = 560  # px at the normal font; wider in large-text mode (30 line heights)
RECENT_LIMIT = 20
_MESSAGE_CHARS = 160  # an exception's text is cut here; the whole of it is in the log
_SUGGESTIONS_SHOWN = 8
_Index = QModelIndex | QPersistentModelIndex


class CommandRegistry(QObject):
    """The commands the palette offers, in registration order. ``changed`` after any change."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commands: dict[str, PaletteCommand] = {}  # insertion order = registration order
        self._recent: list[str] = []

    def register(self, command: PaletteCommand) -> PaletteCommand:
        """Add ``command``. One with the same name is replaced where it stands: a pane that is
        rebuilt registers its commands again without moving them in the list."""
        if not isinstance(command, PaletteCommand):
            raise TypeError(f"not a PaletteCommand: {command!r}")
        self._commands[command.name] = command
        self.changed.emit()
        return command

    def unregister(self, name: str) -> bool:
        """Remove the command called ``name``; False if there was none."""
        if self._commands.pop(name, None) is None:
            return False
        self.changed.emit()
        return True

    def command(self, name: str) -> PaletteCommand | None:
        return self._commands.get(name)

    def commands(self) -> tuple[PaletteCommand, ...]:
        return tuple(self._commands.values())

    def recent(self) -> tuple[str, ...]:
        """Names of the commands run from the palette, most recent first."""
        return tuple(self._recent)

    def note_run(self, name: str) -> None:
        self._recent = [name, *(n for n in self._recent if n != name)][:RECENT_LIMIT]

    def match(self, text: str) -> list[Match]:
        return match(self.commands(), text, recent=self._recent)


@dataclass
class _Cycle:
    """Tab completion in progress: Tab again goes to the next suggestion while the text is
    still what the last Tab made of it."""

    name: str
    base: str  # the typed text before the argument, ending in one space
    suggestions: list[str]
    index: int
    produced: str = ""


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= _MESSAGE_CHARS else text[:_MESSAGE_CHARS - 1] + "…"


class CommandPalette(QFrame):
    """The popup. ``open_palette()`` shows it over the window the officer is working in;
    ``command_ran(name, argument)`` after a command's ``run`` returned,
    ``command_failed(name, message)`` when it raised (or its coroutine did), ``closed`` when
    the popup goes away."""

    command_ran = Signal(str, str)
    command_failed = Signal(str, str)
    closed = Signal()

    def __init__(self, registry: CommandRegistry, parent: QWidget | None = None) -> None:
        # A popup, not a dialog: it never takes the active window from the officer's window,
        # so focus comes back to their pane at once when it closes (commands run there), a
        # click elsewhere closes it, and the session lock closes it with every other popup.
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("commandPalette")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # Like the theme's menus: raised ground, strong border; palette roles, no colours.
        self.setStyleSheet("QFrame#commandPalette { background-color: palette(button);"
                           " border: 1px solid palette(light); }")
        self._registry = registry
        self._matches: list[Match] = []
        self._cycle: _Cycle | None = None
        self._anchor_window: QWidget | None = None
        self._tasks: set[asyncio.Future[Any]] = set()

        self._input = QLineEdit(self)
        self._input.setObjectName("commandPaletteInput")
        self._input.setPlaceholderText(self.tr("Type a command or part of its name"))
        self._input.setAccessibleName(self.tr("Command"))
        self._input.installEventFilter(self)
        self._input.textChanged.connect(self._on_text_changed)

        self._model = _MatchModel(self)
        self._list = QListView(self)
        self._list.setObjectName("commandPaletteList")
        self._list.setAccessibleName(self.tr("Matching commands"))
        self._list.setModel(self._model)
        self._list.setItemDelegate(_MatchDelegate(self._list))
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the input
        self._list.setUniformItemSizes(True)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.activated.connect(self._on_activated)
        self._list.selectionModel().currentChanged.connect(self._show_hint)

        self._message = QLabel(self)
        self._message.setObjectName("commandPaletteMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        em = self.fontMetrics().height()
        layout.setContentsMargins(em // 2, em // 2, em // 2, em // 2)
        layout.setSpacing(em // 3)
        layout.addWidget(self._input)
        layout.addWidget(self._list)
        layout.addWidget(self._message)

        registry.changed.connect(self._on_registry_changed)

    # --- public ----------------------------------------------------------------------------

    def registry(self) -> CommandRegistry:
        return self._registry

    def input(self) -> QLineEdit:
        return self._input

    def list_view(self) -> QListView:
        return self._list

    def matches(self) -> list[Match]:
        return list(self._matches)

    def current_match(self) -> Match | None:
        return self._model.match_at(self._list.currentIndex().row())

    def message(self) -> str:
        return self._message.text()

    def open_palette(self, text: str | None = None) -> None:
        """Show the palette (``text`` typed in, else the last text) with its text selected,
        so typing replaces it and Enter repeats the last command. Already open: select."""
        if text is not None:
            self._input.setText(text)
        if self.isVisible():
            self._input.selectAll()
            self._input.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self._anchor_window = self._find_anchor()
        self._refresh()
        self._place()
        self.show()
        self.raise_()
        self._input.setFocus(Qt.FocusReason.PopupFocusReason)
        self._input.selectAll()

    def run_current(self) -> bool:
        """What Enter does: run the selected command with the typed argument; True if it ran
        (or, for a coroutine, started). Otherwise the palette stays and says why."""
        m = self.current_match()
        if m is None:
            typed = self._input.text().strip()
            self._say(self.tr("No command matches “{text}”.").format(text=typed) if typed
                      else self.tr("No commands are available."), error=True)
            return False
        command = m.command
        # Asked again now: the alarm may have been closed since the last keystroke.
        enabled, reason = availability(command)
        if not enabled:
            self._refresh(keep=command.name)
            self._say(reason or self.tr("“{title}” is not available right now.").format(
                title=command.title), error=True)
            return False
        if m.argument and not command.takes_argument:
            # "ack A-1043" must not acknowledge the *selected* alarm instead of A-1043.
            self._say(self.tr("“{title}” takes nothing after its name; remove “{argument}”.")
                      .format(title=command.title, argument=m.argument), error=True)
            return False
        typed = self._input.text()
        self.hide()
        try:
            result = command.run(m.argument)
        except Exception as exc:
            log.exception("palette command %s failed", command.name)
            self._failed(command, exc, typed, reopen=True)
            return False
        if inspect.isawaitable(result):
            if not self._follow(command, result, typed):
                return False
        self._registry.note_run(command.name)
        log.debug("palette ran %s", command.name)
        self.command_ran.emit(command.name, m.argument)
        return True

    def complete_current(self, *, backwards: bool = False) -> bool:
        """What Tab (Shift+Tab: ``backwards``) does: first the keyword of the selected command,
        then its argument from ``complete``, cycling through the suggestions."""
        m = self.current_match()
        if m is None:
            return False
        text = self._input.text()
        cycle = self._cycle
        if cycle is not None and cycle.produced == text and cycle.name == m.command.name:
            cycle.index = (cycle.index + (-1 if backwards else 1)) % len(cycle.suggestions)
            self._apply_cycle(cycle)
            return True
        if m.kind != MatchKind.EXACT:
            word = self._keyword_for(m)
            if word is None:
                return False
            tail = f" {m.argument}" if m.argument else (" " if m.command.takes_argument else "")
            self._input.setText(word + tail)
            return True
        if m.command.complete is None:
            return False
        raw = text[len(m.head):].lstrip()
        try:
            suggestions = [str(s) for s in m.command.complete(raw)]
        except Exception:
            log.exception("complete() of palette command %s failed", m.command.name)
            self._say(self.tr("Suggestions are not available."), error=True)
            return False
        if not suggestions:
            self._say(self.tr("No suggestions for “{argument}”.").format(argument=raw.strip()))
            return False
        base = m.head.rstrip() + " "
        self._cycle = _Cycle(m.command.name, base, suggestions,
                             len(suggestions) - 1 if backwards else 0)
        self._apply_cycle(self._cycle)
        return True

    # --- events ----------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self._input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key_pressed(event)
        return super().eventFilter(obj, event)

    def _key_pressed(self, event: QKeyEvent) -> bool:
        key = event.key()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                          | Qt.KeyboardModifier.AltModifier
                                          | Qt.KeyboardModifier.MetaModifier))
        if key == Qt.Key.Key_Escape:
            self.hide()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.run_current()
        elif key == Qt.Key.Key_Tab and plain:
            self.complete_current()
        elif key == Qt.Key.Key_Backtab and plain:
            self.complete_current(backwards=True)
        elif key == Qt.Key.Key_Up:
            self._move(-1)
        elif key == Qt.Key.Key_Down:
            self._move(1)
        elif key == Qt.Key.Key_PageUp:
            self._move(-self._page())
        elif key == Qt.Key.Key_PageDown:
            self._move(self._page())
        else:
            return False  # typing, Home/End, Ctrl+A…: the line edit's
        return True

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self._cycle = None
        self.closed.emit()

    # --- list ------------------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        self._refresh()

    def _on_registry_changed(self) -> None:
        if self.isVisible():
            current = self.current_match()
            self._refresh(keep=current.command.name if current else None)

    def _refresh(self, keep: str | None = None) -> None:
        self._matches = self._registry.match(self._input.text())
        self._model.set_matches(self._matches)
        row = next((i for i, m in enumerate(self._matches) if m.command.name == keep), 0)
        if self._matches:
            self._list.setCurrentIndex(self._model.index(row, 0))
        self._fit_list()
        self._show_hint()

    def _fit_list(self) -> None:
        rows = min(MAX_ROWS, len(self._matches))
        self._list.setVisible(rows > 0)
        row_h = self._list.sizeHintForRow(0) if rows else 0
        frame = 2 * self._list.frameWidth()
        self._list.setFixedHeight(rows * row_h + frame)
        if self.isVisible():
            self._fit_height()

    def _fit_height(self) -> None:
        layout = self.layout()
        # Now, not at the next layout request: that would keep the old minimum height (the
        # layout sets it on the window) and the popup would not shrink with a shorter list.
        layout.activate()
        height = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        self.resize(self.width(), height)

    def _move(self, step: int) -> None:
        count = self._model.rowCount()
        if not count:
            return
        row = self._list.currentIndex().row()
        if abs(step) == 1:  # arrows go round; pages stop at the ends
            row = (row + step) % count if row >= 0 else 0
        else:
            row = max(0, min(count - 1, row + step))
        self._list.setCurrentIndex(self._model.index(row, 0))

    def _page(self) -> int:
        row_h = max(1, self._list.sizeHintForRow(0))
        return max(1, self._list.viewport().height() // row_h - 1)

    def _on_activated(self, index: QModelIndex) -> None:
        self._list.setCurrentIndex(index)
        self.run_current()

    # --- messages --------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self._message.setText(text)
        self._message.setProperty("role", "error" if error else "dim")
        self._message.style().unpolish(self._message)
        self._message.style().polish(self._message)
        self._message.setVisible(bool(text))
        if self.isVisible():
            self._fit_height()

    def _show_hint(self, *_args: object) -> None:
        """The bottom line: how to type the selected command (the short keywords are how
        an officer learns to skip the palette's list), or why it is unavailable."""
        m = self.current_match()
        typed = self._input.text().strip()
        if m is None:
            self._say(self.tr("No command matches “{text}”.").format(text=typed) if typed
                      else self.tr("No commands are available."))
        elif not m.enabled:
            self._say(m.reason or self.tr("“{title}” is not available right now.").format(
                title=m.command.title))
        else:
            parts = []
            if m.command.words:
                parts.append(self.tr("Type: {words}").format(words=", ".join(m.command.words)))
            if m.command.argument_hint:
                parts.append(self.tr("‹{hint}›").format(hint=m.command.argument_hint))
            if m.command.complete is not None:
                parts.append(self.tr("Tab completes"))
            self._say(" ".join(parts[:2]) + (" · " + parts[2] if len(parts) > 2 else ""))

    @staticmethod
    def _keyword_for(m: Match) -> str | None:
        """The keyword Tab writes for ``m``: the one the typed word begins, else the first."""
        typed = m.head.split()[:1]
        wanted = fold(typed[0]) if typed else ""
        words = m.command.words
        return next((w for w in words if wanted and fold(w).startswith(wanted)),
                    words[0] if words else None)

    def _apply_cycle(self, cycle: _Cycle) -> None:
        cycle.produced = cycle.base + cycle.suggestions[cycle.index]
        self._input.setText(cycle.produced)
        shown = cycle.suggestions[:_SUGGESTIONS_SHOWN]
        listed = " · ".join(f"[{s}]" if i == cycle.index else s for i, s in enumerate(shown))
        if len(cycle.suggestions) > len(shown):
            listed += " …"
        self._say(listed)

    # --- running ---------------------------------------------------------------------------

    def _failed(self, command: PaletteCommand, exc: BaseException, typed: str, *,
                reopen: bool) -> None:
        message = self.tr("“{title}” failed: {error}").format(title=command.title,
                                                               error=_short(exc))
        if reopen and not self.isVisible():  # over the same window as before
            self._input.setText(typed)
            self._refresh(keep=command.name)
            self._place()
            self.show()
            self.raise_()
            self._input.setFocus(Qt.FocusReason.PopupFocusReason)
        if self.isVisible():
            self._say(message, error=True)
        self.command_failed.emit(command.name, message)

    def _follow(self, command: PaletteCommand, result: Awaitable[Any], typed: str) -> bool:
        """A ``run`` that returned a coroutine (an ``async def``): run it on the asyncio loop
        (qasync in the workstation) instead of dropping it unawaited."""
        try:
            future = asyncio.ensure_future(result, loop=asyncio.get_running_loop())
        except RuntimeError as exc:  # no running loop: it would never run
            if inspect.iscoroutine(result):
                result.close()
            log.error("palette command %s returned a coroutine but no asyncio loop runs",
                      command.name)
            self._failed(command, exc, typed, reopen=True)
            return False
        self._tasks.add(future)
        future.add_done_callback(partial(self._task_done, command, typed))
        return True

    def _task_done(self, command: PaletteCommand, typed: str, future: asyncio.Future[Any]) -> None:
        self._tasks.discard(future)
        if future.cancelled() or future.exception() is None:
            return
        exc = future.exception()
        log.error("palette command %s failed", command.name, exc_info=exc)
        # Not reopened: by now the officer may be typing elsewhere, and a popup grabbing the
        # keyboard mid-word would be worse than the message in the log and in the signal.
        assert exc is not None
        self._failed(command, exc, typed, reopen=False)

    # --- placing ---------------------------------------------------------------------------

    def _find_anchor(self) -> QWidget | None:
        """The window the officer is in: that of the focused widget (a floating pane or a
        wall screen is a window of its own), else the active one, else our parent's."""
        focus = QApplication.focusWidget()
        for window in (focus.window() if focus is not None else None,
                       QApplication.activeWindow()):
            if window is not None and window is not self and window.isVisible():
                return window
        parent = self.parentWidget()
        return parent.window() if parent is not None else None

    def _place(self) -> None:
        """Centred across the anchor window, its top a sixth of the way down (the list grows
        downwards within the top half), kept on the anchor's screen."""
        anchor = self._anchor_window
        screen = (anchor.screen() if anchor is not None else self.screen()).availableGeometry()
        area = anchor.geometry() if anchor is not None and anchor.isVisible() else screen
        margin = self.fontMetrics().height()
        # Line heights, not average characters: a CJK font's average is a Chinese character.
        width = max(MIN_WIDTH, 30 * margin)
        width = min(width, max(320, min(area.width(), screen.width()) - 2 * margin))
        self.setFixedWidth(width)
        self._fit_height()
        x = area.center().x() - width // 2
        y = area.top() + area.height() // 6
        x = max(screen.left(), min(x, screen.right() + 1 - width))
        y = max(screen.top(), min(y, screen.bottom() + 1 - self.height()))
        self.move(x, y)


class PaletteAction(QAction):
    """The action that opens a palette (what ``install_palette`` returns); put it in a menu
    too, so the officer can find the shortcut."""

    def __init__(self, palette: CommandPalette, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("Command palette…"))
        self.setObjectName("commandPaletteAction")
        self._palette = palette
        self.triggered.connect(lambda _checked=False: palette.open_palette())

    def command_palette(self) -> CommandPalette:
        return self._palette


def install_palette(window: QWidget, registry: CommandRegistry,
                    shortcut: str | QKeySequence = "Ctrl+K") -> PaletteAction:
    """Give ``window`` a palette over ``registry`` and the action (``shortcut``, default
    Ctrl+K) that opens it; returns the action. Installing again on the same window with the
    same registry returns the existing action (two would make the shortcut ambiguous)."""
    for existing in window.findChildren(PaletteAction,
                                        options=Qt.FindChildOption.FindDirectChildrenOnly):
        if existing.command_palette().registry() is registry:
            return existing
        raise ValueError("this window already has a command palette (over another registry)")
    palette = CommandPalette(registry, window)
    action = PaletteAction(palette, window)
    action.setShortcut(QKeySequence(shortcut))
    # Application-wide, not the default WindowShortcut: a pane floated out of the dock (on
    # Linux a top-level window of its own) or sent to a wall screen is another window, and
    # Ctrl+K must work there too. A modal dialog still blocks it (Qt's modal check) and the
    # session lock swallows every shortcut while locked.
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    window.addAction(action)
    return action


_CJK_MNEMONIC = re.compile(r"\(&\w\)")  # "工作站(&W)": the whole "(&W)" goes


def command_from_action(action: QAction, *, name: str, words: Iterable[str] = (),
                        title: str | None = None) -> PaletteCommand:
    """A palette command that triggers an existing ``QAction`` (a menu item): its text (without
    the mnemonic) as title, its shortcut shown, enabled when the action is."""
    text = title or re.sub(r"&(.)", r"\1", _CJK_MNEMONIC.sub("", action.text()))

    def run(_argument: str) -> None:
        action.trigger()

    return PaletteCommand(
        name=name, title=text, words=tuple(words), run=run, enabled=action.isEnabled,
        shortcut=action.shortcut().toString(QKeySequence.SequenceFormat.PortableText))
