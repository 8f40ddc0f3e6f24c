"""The alarm workflow's small dialogs: add a note, verify a watchlist match, close, raise an
alarm by hand.

Each asks only for what the command needs, refuses to finish without what the contract (or
accountability) requires — a verification's note, a closing's disposition and note — and
names the consequence on its button ("Close 3 alarms"), which is the confirmation a
consequential action asks for. The dialogs send nothing: the pane reads their values.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from backend_client.schemas import ALARM_KINDS, DISPOSITIONS, Alarm
from widgets.alarm_card.timeline import disposition_label
from widgets.alarm_queue.columns import kind_label
from widgets.i18n import plural, tr

_DISPOSITION_HINTS = {
    "resolved": QT_TR_NOOP("dealt with on scene or by phone"),
    "false_alarm": QT_TR_NOOP("no incident: a faulty detector, a mistaken call"),
    "duplicate": QT_TR_NOOP("the same incident as another alarm"),
    "transferred": QT_TR_NOOP("handed to another agency or hall"),
}


class _TextDialog(QDialog):
    """A dialog with a required multi-line text; the OK button waits for it."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("dialogNote")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(110)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._validate)

    def note(self) -> str:
        return self.text.toPlainText().strip()

    def ready(self) -> bool:
        return bool(self.note())

    def _validate(self) -> None:
        self.ok.setEnabled(self.ready())

    def accept(self) -> None:
        if self.ready():  # Ctrl+Enter or a stray Enter cannot skip what is required
            super().accept()


class NoteDialog(_TextDialog):
    def __init__(self, alarm: Alarm, parent: QWidget | None = None) -> None:
        super().__init__(tr("Add a note"), tr("Note on {id}: {title}").format(
            id=alarm.id, title=alarm.title), tr("Add note"), parent)
        self._validate()
        self.text.setFocus()


class CloseDialog(_TextDialog):
    """How the alarm(s) ended and a note; the button says how many will be closed."""

    def __init__(self, alarms: Sequence[Alarm], disposition: str | None = None,
                 parent: QWidget | None = None) -> None:
        n = len(alarms)
        intro = (tr("Close {id}: {title}").format(id=alarms[0].id, title=alarms[0].title)
                 if n == 1 else tr("Close {n} alarms of this group (each one is sent "
                                   "separately).").format(n=n))
        super().__init__(tr("Close alarm"), intro, "", parent)
        self._count = n
        self.disposition = QComboBox(self)
        self.disposition.setObjectName("dialogDisposition")
        self.disposition.addItem(tr("Choose how it ended…"), "")
        for d in DISPOSITIONS:
            self.disposition.addItem(f"{disposition_label(d)} — {tr(_DISPOSITION_HINTS[d])}", d)
        if disposition in DISPOSITIONS:
            self.disposition.setCurrentIndex(self.disposition.findData(disposition))
        self.form.addRow(tr("Disposition"), self.disposition)
        self.disposition.currentIndexChanged.connect(self._validate)
        self._validate()
        (self.text if self.chosen() else self.disposition).setFocus()

    def chosen(self) -> str:
        return str(self.disposition.currentData() or "")

    def ready(self) -> bool:
        return bool(self.chosen()) and super().ready()

    def _validate(self) -> None:
        super()._validate()
        how = disposition_label(self.chosen()) if self.chosen() else ""
        text = plural(tr("Close %n alarm"), tr("Close %n alarms"), self._count)
        self.ok.setText(f"{text} ({how})" if how else text)


class VerifyDialog(_TextDialog):
    """A person confirms or rejects an automatic watchlist match. Nothing is preselected:
    the officer must choose."""

    def __init__(self, alarm: Alarm, entry_summary: str = "",
                 parent: QWidget | None = None) -> None:
        confidence = (tr("Match confidence {p} %.").format(p=round(alarm.match_confidence * 100))
                      if alarm.match_confidence is not None else "")
        intro = " ".join(x for x in (tr("Compare the live picture with the watchlist entry."),
                                     confidence, entry_summary) if x)
        super().__init__(tr("Verify watchlist match"), intro, tr("Record verification"),
                         parent)
        self.match = QRadioButton(tr("It is a match"), self)
        self.no_match = QRadioButton(tr("Not a match (closes the alarm as a false alarm)"),
                                     self)
        self._choice = QButtonGroup(self)
        for b in (self.match, self.no_match):
            self._choice.addButton(b)
            self.form.addRow(b)
            b.toggled.connect(self._validate)
        self.form.addRow(QLabel(tr("Why (required):"), self))
        self._validate()

    def is_match(self) -> bool | None:
        if self.match.isChecked():
            return True
        if self.no_match.isChecked():
            return False
        return None

    def ready(self) -> bool:
        return self.is_match() is not None and super().ready()


def _kind_and_priority(parent: QWidget) -> tuple[QComboBox, QComboBox]:
    """A new alarm's kind ("other" first chosen) and priority (P3 first chosen): the officer
    raises the exceptional ones on purpose."""
    kind = QComboBox(parent)
    for k in ALARM_KINDS:
        kind.addItem(kind_label(k), k)
    kind.setCurrentIndex(kind.findData("other"))
    priority = QComboBox(parent)
    for p in (1, 2, 3, 4):
        priority.addItem(tr("P{p}").format(p=p), p)
    priority.setCurrentIndex(2)
    return kind, priority


class RaiseAlarmDialog(QDialog):
    """Raise an alarm by hand (e.g. seen on video). The place is a grid (its centre) or the
    selected alarm's place; cameras are those of that grid, if any are ticked."""

    def __init__(self, grids: Sequence[tuple[str, str]], default_grid: str | None = None,
                 default_address: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Raise an alarm"))
        self.setMinimumWidth(480)
        self.kind, self.priority = _kind_and_priority(self)
        self.title = QLineEdit(self)
        self.title.setObjectName("dialogTitle")
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(90)
        self.description.setTabChangesFocus(True)
        self.grid = QComboBox(self)
        self.grid.setObjectName("dialogGrid")
        for grid_id, name in grids:
            self.grid.addItem(name, grid_id)
        if default_grid is not None and (i := self.grid.findData(default_grid)) >= 0:
            self.grid.setCurrentIndex(i)
        self.address = QLineEdit(default_address, self)
        form = QFormLayout()
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Priority"), self.priority)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Description"), self.description)
        form.addRow(tr("Grid"), self.grid)
        form.addRow(tr("Address"), self.address)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Raise alarm"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._validate)
        self.grid.currentIndexChanged.connect(self._validate)
        self._validate()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def ready(self) -> bool:
        return bool(self.title.text().strip()) and self.grid.currentData() is not None

    def _validate(self) -> None:
        self.ok.setEnabled(self.ready())

    def accept(self) -> None:
        if self.ready():
            super().accept()

    def values(self) -> dict[str, object]:
        return {"kind": self.kind.currentData(), "priority": self.priority.currentData(),
                "title": self.title.text().strip(),
                "description": self.description.toPlainText().strip(),
                "grid_id": self.grid.currentData(), "address": self.address.text().strip()}


class PatrolNoteDialog(_TextDialog):
    """A video patrol officer's note on what a camera shows: added to an open alarm that
    links this camera, or raised as a new alarm with the camera linked (the default when no
    open alarm links it)."""

    def __init__(self, camera_name: str, alarms: Sequence[Alarm],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("Patrol note"), tr("What do you see on {camera}?").format(
            camera=camera_name), tr("Post note"), parent)
        self.target = QComboBox(self)
        self.target.setObjectName("patrolTarget")
        for alarm in alarms:
            self.target.addItem(tr("Note on {id}: {title}").format(id=alarm.id,
                                                                    title=alarm.title), alarm.id)
        self.target.addItem(tr("Raise a new alarm with this camera"), None)
        self.kind, self.priority = _kind_and_priority(self)
        self.form.addRow(tr("Post to"), self.target)
        self.form.addRow(tr("Kind"), self.kind)
        self.form.addRow(tr("Priority"), self.priority)
        self.target.currentIndexChanged.connect(self._target_changed)
        self._target_changed()
        self._validate()
        self.text.setFocus()

    def alarm_id(self) -> str | None:
        """The alarm to add the note to, or None to raise a new one."""
        value = self.target.currentData()
        return str(value) if value else None

    def values(self) -> dict[str, object]:
        return {"alarm_id": self.alarm_id(), "kind": self.kind.currentData(),
                "priority": self.priority.currentData(), "text": self.note()}

    def _target_changed(self) -> None:
        raising = self.alarm_id() is None
        self.kind.setEnabled(raising)
        self.priority.setEnabled(raising)
        self.ok.setText(tr("Raise alarm") if raising else tr("Add note"))
