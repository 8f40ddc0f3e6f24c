"""Tours: steps and dwell, pause/resume, an alarm's interruption and the resume after it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.state.tours import Tour, TourRunner


class Clock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


def test_cameras_and_groups_cut_into_steps():
    tour = Tour.of_cameras("夜巡", ["c1", "group:gates", "c2", "c1"], per_step=2, dwell_s=10,
                           groups={"gates": ["g1", "g2", "c2"]})
    assert tour.steps == (("c1", "g1"), ("g2", "c2"))
    assert Tour.from_dict(tour.to_dict()) == tour


@pytest.mark.parametrize("data, why", [
    ({"name": "x", "steps": []}, "empty step"),
    ({"name": "x", "steps": [["a"], []]}, "empty step"),
    ({"name": "x", "steps": [["a"]], "dwell_s": 1}, "dwell"),
    ({"steps": [["a"]]}, "needs a name"),
    (["x"], "must be an object"),
])
def test_broken_tours_are_refused(data, why):
    with pytest.raises(ValueError, match=why):
        Tour.from_dict(data)


def test_dwell_pause_and_resume():
    clock = Clock()
    runner = TourRunner(Tour("t", (("a",), ("b",), ("c",)), dwell_s=10), clock)
    assert runner.shown() == ("a",)
    clock.t += 9.9
    assert not runner.tick() and runner.shown() == ("a",)
    clock.t += 0.2
    assert runner.tick() and runner.shown() == ("b",)
    clock.t += 4
    runner.pause()
    clock.t += 100
    assert not runner.tick() and runner.left_s() == pytest.approx(6)
    runner.resume()
    clock.t += 6
    assert runner.tick() and runner.shown() == ("c",)
    clock.t += 10
    assert runner.tick() and runner.shown() == ("a",)  # round and round


def test_alarm_interrupts_and_the_tour_resumes_where_it_was():
    clock = Clock()
    runner = TourRunner(Tour("t", (("a",), ("b",)), dwell_s=10), clock)
    clock.t += 7
    runner.interrupt(["x1", "x2", "x1"])
    assert runner.shown() == ("x1", "x2")
    clock.t += 60
    assert not runner.tick() and runner.shown() == ("x1", "x2")
    runner.interrupt([])  # nothing linked: nothing changes
    assert runner.shown() == ("x1", "x2")
    runner.dismiss()
    assert runner.shown() == ("a",) and runner.left_s() == pytest.approx(3)
    clock.t += 3
    assert runner.tick() and runner.shown() == ("b",)


def test_paused_tour_stays_paused_after_an_interruption():
    clock = Clock()
    runner = TourRunner(Tour("t", (("a",), ("b",)), dwell_s=10), clock)
    runner.pause()
    runner.interrupt(["x"])
    runner.dismiss()
    clock.t += 50
    assert not runner.tick() and runner.shown() == ("a",)


@given(st.lists(st.sampled_from(["tick", "pause", "resume", "alarm", "dismiss", "wait"]),
                max_size=40))
def test_the_runner_always_shows_a_step_or_the_alarm(actions):
    clock = Clock()
    tour = Tour("t", (("a",), ("b", "c"), ("d",)), dwell_s=5)
    runner = TourRunner(tour, clock)
    for action in actions:
        if action == "wait":
            clock.t += 3
        elif action == "alarm":
            runner.interrupt(["x"])
        else:
            getattr(runner, action)()
        assert runner.shown() in (*tour.steps, ("x",))
        assert 0 <= runner.left_s() <= tour.dwell_s
        assert (runner.shown() == ("x",)) == (runner.interruption is not None)
