"""``UnitPickerDialog``: choose the units to dispatch to an alarm, nearest first.

The dialog is given the alarm and its ranked candidates (``desktop.state.nearest.rank_units``
makes them; this module takes anything shaped like them, ``UnitCandidate``, because widgets do
not import the application). It sends nothing: once it is accepted (``accepted`` fires, or
``exec()`` returns Accepted), the caller reads ``chosen_unit_ids()`` and ``note()`` and issues
the dispatch command.

Keyboard first: the nearest available unit is chosen and focused when it opens; Space toggles
the current row, 1–9 the n-th row; typing letters filters; Enter dispatches; Esc clears the
filter, then cancels. More than three units, or taking units off another alarm, asks first.
It refuses to dispatch an unverified watchlist hit (the server would answer 409): the caller
should not open it then, and this is the second guard. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backend_client.schemas import Alarm
from widgets.alarm_queue.columns import KIND_GLYPHS, address_text, kind_label
from widgets.colors import PRIORITY_COLORS, UNIT_STATUS_COLORS
from widgets.i18n import plural, tr
from widgets.unit_candidates import (
    HEADERS,
    CellDelegate,
    CheckDelegate,
    Column,
    StatusChipDelegate,
    UnitCandidate,
    UnitCandidateModel,
)
from widgets.unit_texts import unit_kind_label, unit_status_label

CONFIRM_ABOVE = 3  # dispatching more units than this asks first (the rule)


class UnitPickerDialog(QDialog):
    """Choose units for ``alarm`` among ``candidates`` (ranked, nearest first).

    ``may_reassign``: the operator may take units off another open alarm (supervisors);
    otherwise such rows are shown but cannot be chosen. ``preselected``: unit ids to start
    with instead of the nearest available unit. ``alarm_titles`` names the alarms that busy
    units are on (ids are shown otherwise)."""

    def __init__(self, alarm: Alarm, candidates: Sequence[UnitCandidate], may_reassign: bool,
                 preselected: Iterable[str] | None = None, *,
                 alarm_titles: Mapping[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alarm = alarm
        self._may_reassign = may_reassign
        self.setObjectName("unitPicker")
        self.setWindowTitle(self.tr("Dispatch units"))
        self.setModal(True)

        titles = {**(alarm_titles or {}), alarm.id: self.tr("this alarm")}
        self._model = UnitCandidateModel(titles, self)
        self._model.set_candidates(candidates, self._reasons(candidates))

        self._filter = QLineEdit(self)
        self._filter.setObjectName("unitPickerFilter")
        self._filter.setClearButtonEnabled(True)
        self._filter.setPlaceholderText(self.tr("Filter by callsign or kind"))
        self._filter.textChanged.connect(self._on_filter_text)

        self._table = QTableView(self)
        self._table.setObjectName("unitPickerTable")
        self._table.setModel(self._model)
        self._setup_table()

        self._note = QLineEdit(self)
        self._note.setObjectName("unitPickerNote")
        self._note.setMaxLength(500)
        self._note.setPlaceholderText(self.tr("Note to the units (optional)"))

        self._refusal = QLabel(self)
        self._refusal.setObjectName("unitPickerRefusal")
        self._refusal.setProperty("role", "error")
        self._refusal.setWordWrap(True)
        self._status = QLabel(self)
        self._status.setObjectName("unitPickerStatus")
        self._message = ""  # why the last key press changed nothing, until the next change

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setObjectName("unitPickerDispatch")
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        hint = QLabel(self.tr("Space or 1\u20139: choose \u00b7 type: filter \u00b7 "
                              "Enter: dispatch \u00b7 Esc: cancel"), self)
        hint.setProperty("role", "dim")

        filter_row = QHBoxLayout()
        filter_row.addWidget(self._filter, 1)
        filter_row.addWidget(hint)
        bottom = QHBoxLayout()
        bottom.addWidget(self._status, 1)
        bottom.addWidget(self._buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self._refusal)
        layout.addLayout(filter_row)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._note)
        layout.addLayout(bottom)

        self._table.installEventFilter(self)
        self._filter.installEventFilter(self)
        self._table.doubleClicked.connect(self._on_double_click)
        self._model.chosen_changed.connect(self._update_buttons)
        self._preselect(preselected)
        self._update_buttons()
        self._fit_size()

    # --- public ----------------------------------------------------------------------------

    def chosen_unit_ids(self) -> list[str]:
        """The chosen units, nearest first (rows hidden by the filter included)."""
        return self._model.chosen_ids()

    def note(self) -> str:
        return self._note.text().strip()

    def refusal(self) -> str | None:
        """Why this alarm cannot be dispatched now (None: it can)."""
        if self._alarm.kind == "watchlist_hit" and self._alarm.verified is not True:
            return self.tr("Verify the watchlist match first")
        if self._alarm.state == "closed":
            return self.tr("This alarm is closed")
        return None

    def update_candidates(self, candidates: Sequence[UnitCandidate]) -> None:
        """Show a fresh ranking (units moved or changed status while the dialog is open);
        chosen units stay chosen while they can be, the current row stays on its unit."""
        current = self._model.candidate(self._table.currentIndex().row())
        self._model.set_candidates(candidates, self._reasons(candidates))
        # Not focused: a refresh must not pull the cursor out of the note being typed.
        self._set_current(self._model.row_of(current.unit.id) if current else None,
                          focus=False)

    def confirm(self, question: str) -> bool:
        """Ask before a consequential dispatch; No is the default. Tests replace this."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Dispatch units"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def accept(self) -> None:
        # The one way out with a result: the OK button, Enter and tests all come here, so
        # the guards cannot be bypassed by a key the button never sees.
        if self.refusal() is not None:
            return
        if not self.chosen_unit_ids():
            self._message = self.tr("Choose at least one unit (Space)")
            self._update_buttons()
            return
        question = self._question()
        if question is not None:
            if not self.confirm(question):
                self._table.setFocus()
                return
            if not self.isVisible():
                return  # closed meanwhile (another action replaced it): send nothing
        super().accept()

    def table(self) -> QTableView:
        return self._table

    def filter_edit(self) -> QLineEdit:
        return self._filter

    def note_edit(self) -> QLineEdit:
        return self._note

    def dispatch_button(self) -> QWidget:
        return self._ok

    def status_text(self) -> str:
        return self._status.text()

    # --- building --------------------------------------------------------------------------

    def _header(self) -> QVBoxLayout:
        alarm = self._alarm
        swatch = PRIORITY_COLORS.get(alarm.priority)
        chip = QLabel(self.tr("P{p}").format(p=alarm.priority), self)
        chip.setObjectName("unitPickerPriority")
        chip.setToolTip(self.tr("Priority {p} (1 is the most urgent)").format(p=alarm.priority))
        if swatch is not None:
            chip.setStyleSheet(f"QLabel {{ background-color: {swatch.background};"
                               f" color: {swatch.text}; border-radius: 3px;"
                               f" padding: 2px 8px; font-weight: bold; }}")
        title = QLabel(alarm.title, self)
        title.setObjectName("unitPickerTitle")
        title.setProperty("role", "heading")
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(title, 1)
        glyph = KIND_GLYPHS.get(alarm.kind, KIND_GLYPHS["other"])
        parts = [f"{glyph} {kind_label(alarm.kind)}", address_text(alarm)]
        if alarm.grid_id:
            parts.append(alarm.grid_id)
        where = QLabel(" \u00b7 ".join(parts), self)
        where.setObjectName("unitPickerAddress")
        where.setProperty("role", "dim")
        where.setWordWrap(True)
        header = QVBoxLayout()
        header.addLayout(top)
        header.addWidget(where)
        return header

    def _setup_table(self) -> None:
        t = self._table
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setTabKeyNavigation(False)  # Tab goes on to the note and the buttons
        t.setWordWrap(False)
        t.setShowGrid(False)
        t.setAlternatingRowColors(True)
        t.setCornerButtonEnabled(False)
        t.setStyleSheet("QTableView::item { padding-left: 6px; padding-right: 6px; }")
        t.setItemDelegate(CellDelegate(t))
        t.setItemDelegateForColumn(Column.CHOSEN, CheckDelegate(t))
        t.setItemDelegateForColumn(Column.STATUS, StatusChipDelegate(t))
        rows = t.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(t.fontMetrics().height() + 10)
        header = t.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        fm = t.fontMetrics()
        # Widths from sample texts, not from the rows: a thousand rows are not measured.
        samples = {
            Column.CHOSEN: "\u2610 9", Column.CALLSIGN: "Frankfurt 12/10",
            Column.KIND: unit_kind_label("special"), Column.STATUS: "",
            Column.DISTANCE: "12.3 km", Column.ETA: "~1 h 05 min",
            Column.POSITION: tr("position {t} old").format(t="59 min"),
        }
        for column, sample in samples.items():
            label = tr(HEADERS[column])
            width = max(fm.horizontalAdvance(sample), fm.horizontalAdvance(label)) + 28
            if column == Column.CHOSEN:
                width += 20  # the check box
            if column == Column.STATUS:
                width = max(fm.horizontalAdvance(unit_status_label(s))
                            for s in UNIT_STATUS_COLORS) + 40
            header.resizeSection(column, width)

    def _fit_size(self) -> None:
        header = self._table.horizontalHeader()
        fm = self.fontMetrics()
        width = sum(header.sectionSize(c) for c in Column if c != Column.ALARM)
        width += fm.horizontalAdvance("x" * 24) + 60  # the current alarm's title
        rows = min(max(self._model.rowCount(), 6), 12)
        height = rows * self._table.verticalHeader().defaultSectionSize()
        self.resize(width, height + 12 * fm.height() + 40)

    def _reasons(self, candidates: Iterable[UnitCandidate]) -> dict[str, str]:
        """Why each unit that cannot be chosen cannot be: the server's rules (a reassignment
        needs a supervisor, a unit on no open alarm must become available first)."""
        reasons: dict[str, str] = {}
        for c in candidates:
            if c.available:
                continue
            if c.busy_with == self._alarm.id:
                reasons[c.unit.id] = self.tr("Already on this alarm")
            elif c.unit.status == "busy" or c.busy_with is None:
                reasons[c.unit.id] = self.tr(
                    "{status} and on no alarm: it can be sent once it reports available"
                ).format(status=unit_status_label(c.unit.status))
            elif not self._may_reassign:
                reasons[c.unit.id] = self.tr(
                    "On another alarm: only a supervisor may reassign it")
        return reasons

    def _preselect(self, preselected: Iterable[str] | None) -> None:
        if self.refusal() is not None:
            self._set_current(0 if self._model.rowCount() else None)
            return  # nothing suggests it can go
        if preselected is not None:
            for unit_id in preselected:
                self._model.set_chosen(unit_id, True)
        else:
            # The nearest available unit whose position is current; failing that the
            # nearest with any position. A unit without one is nobody's "nearest".
            rows = [self._model.candidate(r) for r in range(self._model.rowCount())]
            positioned = [c for c in rows if c and c.available and c.distance_m is not None]
            fresh = [c for c in positioned if not c.stale]
            best = (fresh or positioned or [None])[0]
            if best is not None:
                self._model.set_chosen(best.unit.id, True)
        chosen = self._model.chosen_ids()
        first = self._model.row_of(chosen[0]) if chosen else None
        self._set_current(first if first is not None else (0 if self._model.rowCount()
                                                           else None))

    # --- behaviour -------------------------------------------------------------------------

    def _set_current(self, row: int | None, *, focus: bool = True) -> None:
        if focus:
            self._table.setFocus()
        if row is None:
            return
        index = self._model.index(row, Column.CALLSIGN)
        self._table.setCurrentIndex(index)
        self._table.scrollTo(index)

    def _toggle(self, row: int) -> None:
        c = self._model.candidate(row)
        if c is None:
            return
        if not self._model.toggle(row):
            self._message = f"{c.unit.callsign}: {self._model.why_not(c.unit.id)}"
            self._update_buttons()

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() != Column.CHOSEN:  # the box's own click has toggled it already
            self._toggle(index.row())

    def _on_filter_text(self, text: str) -> None:
        current = self._model.candidate(self._table.currentIndex().row())
        self._model.set_filter(text)
        row = self._model.row_of(current.unit.id) if current is not None else None
        if row is None and self._model.rowCount():
            row = 0
        if row is not None:
            index = self._model.index(row, Column.CALLSIGN)
            self._table.setCurrentIndex(index)
            self._table.scrollTo(index)
        self._update_buttons()

    def _question(self) -> str | None:
        chosen = self._model.chosen_candidates()
        reassigned = [c.unit.callsign for c in chosen if not c.available]
        if len(chosen) <= CONFIRM_ABOVE and not reassigned:
            return None
        question = plural(self.tr("Dispatch %n unit to {title}?"),
                          self.tr("Dispatch %n units to {title}?"),
                          len(chosen)).format(title=self._alarm.title)
        if reassigned:
            question += "\n\n" + self.tr(
                "This takes {units} off their current alarm.").format(
                    units=", ".join(reassigned))
        return question

    def _update_buttons(self) -> None:
        n = len(self._model.chosen_ids())
        self._ok.setText(plural(self.tr("Dispatch %n unit"), self.tr("Dispatch %n units"), n))
        refusal = self.refusal()
        self._ok.setEnabled(refusal is None and n > 0)
        self._refusal.setText(refusal or "")
        self._refusal.setVisible(refusal is not None)
        self._ok.setToolTip(refusal or "")
        if self.sender() is self._model:
            self._message = ""  # a change happened: the old complaint is done
        total, shown = self._model.total_count(), self._model.rowCount()
        if total == 0:
            parts = [self.tr("No unit can be sent")]
        else:
            parts = [self.tr("{n} chosen").format(n=n)]
            hidden = self._model.hidden_chosen_count()
            if hidden:
                parts.append(self.tr("{n} hidden by the filter").format(n=hidden))
            if shown < total:
                parts.append(self.tr("{shown} of {total} units shown").format(
                    shown=shown, total=total))
        if self._message:
            parts.append(self._message)
        self._status.setText(" \u00b7 ".join(parts))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self._table:
                return self._table_key(event)
            if watched is self._filter:
                return self._filter_key(event)
        return super().eventFilter(watched, event)

    def _table_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.MetaModifier):
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return True
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            self._toggle(self._table.currentIndex().row())
            return True
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            row = key - Qt.Key.Key_1
            if row < self._model.rowCount():
                self._table.setCurrentIndex(self._model.index(row, Column.CALLSIGN))
                self._toggle(row)
            return True
        if key == Qt.Key.Key_Backspace and self._filter.text():
            self._filter.setFocus()
            self._filter.backspace()
            return True
        text = event.text()
        if text and text.isprintable() and not text.isspace():
            # Typing filters: the text goes to the filter field, which keeps the focus so
            # the officer can go on typing (digits included, for "12/1").
            self._filter.setFocus()
            self._filter.insert(text)
            return True
        return False

    def _filter_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._table.setFocus()
            if not self._table.currentIndex().isValid() and self._model.rowCount():
                self._table.setCurrentIndex(self._model.index(0, Column.CALLSIGN))
            else:
                QApplication.sendEvent(self._table, QKeyEvent(
                    event.type(), key, event.modifiers(), event.text()))
            return True
        if key == Qt.Key.Key_Escape and self._filter.text():
            self._filter.clear()  # the first Esc clears the filter, the second cancels
            self._table.setFocus()
            return True
        return False
