"""The log-in dialog: server, user, password; remembers server and user if asked, never the
password (the token lives in memory only).

It does not log in itself: ``submitted`` carries what the officer typed, and the workstation
answers with ``busy()``, ``show_error()`` or ``accept()`` — the call runs on asyncio, so the
dialog stays responsive and is never a nested event loop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.shell.i18n import tr


class LoginDialog(QDialog):
    submitted = Signal(str, str, str, bool)  # server, user, password, remember

    def __init__(self, server: str, user: str, remember: bool, *, reason: str = "",
                 server_editable: bool = True, server_locked_by: str | None = None,
                 parent: QWidget | None = None) -> None:
        """``server_locked_by``: the site configuration file that fixes the server; the field
        then shows ``server`` read-only and says where it is set."""
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(tr("Log in"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.server = QLineEdit(server, self)
        self.server.setObjectName("loginServer")
        self.server.setEnabled(server_editable)
        if server_locked_by:
            self.server.setReadOnly(True)
            self.server.setToolTip(tr("Set by the site configuration ({path})").format(
                path=server_locked_by))
        self.user = QLineEdit(user, self)
        self.user.setObjectName("loginUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(tr("Remember server and user on this workstation"), self)
        self.remember.setChecked(remember)
        self.reason = QLabel(reason, self)
        self.reason.setObjectName("loginReason")
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(reason))
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(tr("Server"), self.server)
        form.addRow(tr("User"), self.user)
        form.addRow(tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Log in"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if user else self.user).setFocus()

    def _submit(self) -> None:
        server, user = self.server.text().strip(), self.user.text().strip()
        if not server or not user or not self.password.text():
            self.show_error(tr("Please enter the server, your user name and your password."))
            return
        self.busy(True)
        self.submitted.emit(server, user, self.password.text(), self.remember.isChecked())

    def busy(self, on: bool) -> None:
        self.buttons.setEnabled(not on)
        if on:
            self.error.setText(tr("Logging in…"))
            self.error.setStyleSheet("")
            self.error.show()

    def show_error(self, message: str) -> None:
        self.busy(False)
        self.error.setText(message)
        self.error.setStyleSheet("color: #ff8a80; font-weight: bold;")
        self.error.show()
        self.password.clear()
        self.password.setFocus()
