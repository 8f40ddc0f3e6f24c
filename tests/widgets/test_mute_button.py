"""The mute button: the speaker icon, "Muted m:ss" counting down on amber, toggling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from widgets.colors import NOTICE_COLORS
from widgets.mute_button import MuteButton, countdown

START = datetime(2025, 3, 1, 8, 0, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.t = START

    def __call__(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def button(qtbot, clock):
    b = MuteButton(now=clock)
    qtbot.addWidget(b)
    b.show()
    qtbot.waitExposed(b)
    return b


def amber(b: MuteButton) -> bool:
    return NOTICE_COLORS["warning"].background in b.styleSheet()


def test_countdown_rounds_up():
    assert countdown(300) == "5:00"
    assert countdown(299.2) == "5:00"
    assert countdown(299.0) == "4:59"
    assert countdown(0.3) == "0:01"
    assert countdown(-2) == "0:00"


def test_normally_a_speaker_icon(button):
    assert not button.icon().isNull()
    assert button.text() == ""
    assert not amber(button)
    assert "mute" in button.toolTip().lower()
    assert not button.is_muted()


def test_click_mutes_for_five_minutes_and_counts_down(qtbot, button, clock):
    with qtbot.waitSignal(button.mute_requested) as requested:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert requested.args == [5]
    assert button.is_muted()
    assert button.muted_until == START + timedelta(minutes=5)
    assert button.text() == "Muted 5:00"
    assert amber(button)
    clock.advance(1)
    button.refresh()
    assert button.text() == "Muted 4:59"
    clock.advance(298.5)
    button.refresh()
    assert button.text() == "Muted 0:01"
    clock.advance(0.5)  # the mute ends by itself
    button.refresh()
    assert not button.is_muted() and button.text() == "" and not amber(button)


def test_click_again_unmutes(qtbot, button, clock):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    clock.advance(30)
    with qtbot.waitSignal(button.unmute_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.is_muted()
    assert button.text() == ""


def test_owner_sets_the_mute_and_a_waiting_p1_is_shown(button, clock):
    button.set_muted_until(START + timedelta(seconds=90))
    assert button.text() == "Muted 1:30"
    button.set_p1_waiting(True)
    assert button.text() == "Muted 1:30 · P1 waiting"
    assert "priority 1" in button.toolTip()
    button.set_muted_until(None)
    assert button.text() == ""  # not muted: the reminder itself is the signal


def test_countdown_updates_by_itself_each_second(qtbot):
    b = MuteButton()
    qtbot.addWidget(b)
    b.set_muted_until(datetime.now(UTC) + timedelta(seconds=1.5))
    assert b.text() == "Muted 0:02"
    qtbot.waitUntil(lambda: b.text() == "Muted 0:01", timeout=1500)
    qtbot.waitUntil(lambda: not b.is_muted() and b.text() == "", timeout=2000)


def test_sounds_off_in_settings_is_shown_not_mutable(qtbot, button):
    button.set_sounds_enabled(False)
    assert button.text() == "Sounds off"
    assert amber(button) and not button.isEnabled()
    button.set_sounds_enabled(True)
    assert button.text() == "" and button.isEnabled()
