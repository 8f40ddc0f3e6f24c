"""Crash loops: the real workstation killed with SIGKILL at random moments while the officer
works, restarted on the same profile each time (tests/support/crash_loop.py says what is
checked). The normal run does ``CCW_CRASH_ROUNDS`` rounds (default 4); the documented slow
run is 200:

    CCW_CRASH_ROUNDS=200 .venv/bin/python -m pytest tests/desktop/test_crash_loop.py
"""

from __future__ import annotations

import os

import pytest

from tests.support.crash_loop import run_crash_loop

ROUNDS = int(os.environ.get("CCW_CRASH_ROUNDS", "4"))


@pytest.mark.timeout(120 + 15 * ROUNDS)
def test_sigkill_at_random_moments_loses_nothing_and_sends_nothing_twice(server_factory,
                                                                          tmp_path):
    # A live hall: new alarms keep coming and the simulator moves units and closes alarms,
    # so the cache is being written when the kill comes and some actions are refused.
    server = server_factory("--tick", "0.2", "--alarm-rate", "1", "--seed", "21")
    report = run_crash_loop(server, tmp_path / "profile", ROUNDS, seed=ROUNDS)
    print(f"crash loop: {report.rounds} rounds in {report.seconds:.0f} s, "
          f"{len(report.shown)} actions shown, {report.killed_before_ready} kills while "
          f"starting, {report.integrity_checks} integrity checks")
    assert report.problems == [], report.problems[:10]
    assert report.rounds == ROUNDS
    assert len(report.shown) >= ROUNDS, "the officer hardly worked: the loop proves little"
    assert {a["action"] for a in report.shown} >= {"acknowledge", "note"}
