"""Debug mode's UI-thread stall watchdog logs a stall over 50 ms with the stuck stack."""

from __future__ import annotations

import logging
import time

from desktop.shell.stall_watchdog import StallWatchdog


def block_the_ui_thread_for_a_while():
    time.sleep(0.3)


def test_stall_is_logged_with_its_stack(qtbot, caplog):
    dog = StallWatchdog(limit_ms=50)
    dog.start()
    try:
        qtbot.wait(200)  # a quiet UI thread: nothing to report
        assert dog.stalls == 0
        with caplog.at_level(logging.WARNING):
            block_the_ui_thread_for_a_while()
            qtbot.wait(100)
        assert dog.stalls == 1
        assert "block_the_ui_thread_for_a_while" in caplog.text
    finally:
        dog.stop()
