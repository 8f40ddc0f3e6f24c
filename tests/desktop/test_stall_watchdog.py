"""Debug mode's UI-thread stall watchdog logs a stall over 50 ms with the stuck stack, and
tells a stall the UI thread worked through from one it spent waiting."""

from __future__ import annotations

import gc
import logging
import time

from desktop.shell.stall_watchdog import StallWatchdog


def block_the_ui_thread_for_a_while():
    time.sleep(0.3)


def keep_the_ui_thread_busy(seconds: float) -> int:
    end = time.thread_time() + seconds
    spins = 0
    while time.thread_time() < end:
        spins += 1
    return spins


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
    # The thread slept: a stall of the wall clock, not of the application's own work.
    [stall] = dog.records
    assert stall.wall_ms >= 290
    assert stall.busy_ms < 50
    assert dog.busy_stalls == []
    assert "block_the_ui_thread_for_a_while" in stall.stack


def test_a_busy_ui_thread_is_a_busy_stall(qtbot):
    dog = StallWatchdog(limit_ms=50)
    dog.start()
    try:
        qtbot.wait(100)
        keep_the_ui_thread_busy(0.25)  # 250 ms of the UI thread's own CPU time
        qtbot.wait(100)
    finally:
        dog.stop()
    [stall] = dog.busy_stalls
    assert stall.busy_ms >= 240
    assert stall.wall_ms >= stall.busy_ms - 15  # (the clocks tick differently; never much)
    assert "keep_the_ui_thread_busy" in stall.stack


def test_a_collection_in_a_stall_is_counted(qtbot):
    dog = StallWatchdog(limit_ms=50)
    dog.start()
    garbage = []
    try:
        qtbot.wait(100)
        for _ in range(300_000):  # cycles enough for a long full collection
            node: list = []
            node.append(node)
            garbage.append(node)
        garbage.clear()
        gc.collect()
        keep_the_ui_thread_busy(0.1)
        qtbot.wait(100)
    finally:
        dog.stop()
    [stall] = dog.records
    assert 0 < stall.gc_ms <= stall.wall_ms
    assert gc.callbacks.count(dog._collecting) == 0  # stopped: no longer listening
