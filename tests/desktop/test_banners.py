"""The status banners: shown again with the same message on every batch of data (the flood
banner's figures), they must not re-apply their style sheet: re-polishing the banner each
time cost the UI thread ~100 ms per batch in a flood with a full wall (soak.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from desktop.shell.status import Banner


class _StyleChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_the_same_message_again_restyles_nothing_and_a_new_colour_does(qtbot):
    banner = Banner("floodBanner")
    qtbot.addWidget(banner)
    changes = _StyleChanges()
    banner.installEventFilter(changes)
    banner.show_message("ALARM FLOOD 120 in the last minute", "#7a1010", "#ffffff")
    first = changes.count
    assert first >= 1 and not banner.isHidden()
    for _ in range(20):
        banner.show_message("ALARM FLOOD 120 in the last minute", "#7a1010", "#ffffff")
    assert changes.count == first, "the same style sheet was applied again"
    banner.show_message("ALARM FLOOD 121 in the last minute", "#7a1010", "#ffffff")
    assert banner.label.text() == "ALARM FLOOD 121 in the last minute"
    assert changes.count == first
    banner.show_message("Server unreachable", "#5a4a00", "#000000", "Log in")
    assert changes.count > first, "a new colour must be applied"
    assert "#5a4a00" in banner.styleSheet()
    assert banner.button.text() == "Log in" and not banner.button.isHidden()
