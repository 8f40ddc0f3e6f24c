"""What the officer is told when this workstation cannot write its own files: a critical
banner while the disk is full or the profile read-only (commands are refused, the picture
stays live), taken back with a short notice when writing works again; and, when the files
cannot even be opened, why the workstation cannot connect."""

from __future__ import annotations

from pathlib import Path

from backend_client import schemas as s
from backend_client.disk_health import DiskProblem, DiskReason, classify, probe
from desktop.shell.i18n import tr
from desktop.state.session import SessionState


def reason_text(reason: DiskReason) -> str:
    return {"full": tr("the disk is full"),
            "read_only": tr("the profile folder is read-only"),
            "other": tr("the disk reports an error")}[reason]


def unusable_profile_text(folder: Path, error: BaseException) -> str:
    return tr("This workstation cannot open its files in {folder} ({reason}). Without them "
              "it can neither keep the hall's picture nor queue commands, so it does not "
              "connect. Ask IT to make the folder writable or free disk space, then log in "
              "again.").format(folder=folder,
                               reason=reason_text(probe(folder) or classify(error)))


class DiskNotice:
    """Follows the session's ``DiskHealth`` (``changed`` is its listener)."""

    def __init__(self, state: SessionState) -> None:
        self.state = state
        self.shown: s.Notice | None = None

    def changed(self, problem: DiskProblem | None) -> None:
        if problem is not None:
            if self.shown is None:
                self.shown = self.state.tell("critical", tr(
                    "This workstation cannot save to its disk: {reason}. Alarms and units stay "
                    "live, but every command is refused until it can, and a restart would "
                    "show older data. Free disk space or call IT.").format(
                        reason=reason_text(problem.reason)))
            return
        if self.shown is not None:
            self.state.withdraw(self.shown)
            self.shown = None
            self.state.tell("info", tr("This workstation can save to its disk again; "
                                       "commands are accepted."))
