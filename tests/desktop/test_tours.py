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


# --- saved tours and the book they are kept in -----------------------------------------------

def _plan(name="东门", items=("c1", "group:gates", "c2"), dwell=10.0, one_tile=False):
    from desktop.state.tours import TourPlan

    return TourPlan(name, tuple(items), dwell, one_tile)


def test_a_plan_builds_a_wall_tour_or_a_one_tile_tour():
    groups = {"gates": ["g1", "g2"]}
    wall = _plan().build(wall_tiles=2, groups=groups, tile=3)
    assert wall.steps == (("c1", "g1"), ("g2", "c2")) and wall.tile is None
    one = _plan(one_tile=True).build(wall_tiles=9, groups=groups, tile=3)
    assert one.steps == (("c1",), ("g1",), ("g2",), ("c2",)) and one.tile == 3
    assert Tour.from_dict(one.to_dict()) == one
    with pytest.raises(ValueError):  # an emptied group and nothing else: no tour
        _plan(items=("group:gone",)).build(4, groups, None)


@pytest.mark.parametrize("data, why", [
    ({"name": "", "items": ["a"]}, "name"),
    ({"name": "x", "items": []}, "at least one"),
    ({"name": "x", "items": ["a"], "dwell_s": 2}, "3 s to 1 h"),
    ({"name": "x"}, "list of items"),
    ("x", "list of items"),
])
def test_broken_saved_tours_are_refused(data, why):
    from desktop.state.tours import TourPlan

    with pytest.raises(ValueError, match=why):
        TourPlan.from_dict(data)


def _book(path):
    from desktop.state.named_book import NamedBook
    from desktop.state.tours import TourPlan

    return NamedBook(path, "tours", TourPlan.from_dict, "saved tours")


def test_the_book_keeps_renames_and_removes_tours_across_restarts(tmp_path):
    path = tmp_path / "wall-tours.json"
    book = _book(path)
    seen = []
    book.subscribe(seen.append)
    book.put(_plan("东门"))
    book.put(_plan("西门", one_tile=True))
    book.put(_plan("北门", items=("c9",)), replacing="东门")  # renamed, keeps its place
    assert [p.name for p in book.items()] == ["北门", "西门"] and len(seen) == 3
    again = _book(path)
    assert again.items() == book.items() and again.problem == ""
    again.remove("北门")
    assert [p.name for p in _book(path).items()] == ["西门"]


def test_a_broken_entry_is_skipped_and_a_broken_file_moved_aside(tmp_path, caplog):
    import json

    path = tmp_path / "wall-tours.json"
    path.write_text(json.dumps({"tours": [_plan().to_dict(), {"name": "坏", "items": []}]}),
                    encoding="utf-8")
    book = _book(path)
    assert [p.name for p in book.items()] == ["东门"] and book.problem == "partly"
    path.write_text("{not json", encoding="utf-8")
    book = _book(path)
    assert book.items() == [] and book.problem == "unreadable"
    assert not path.exists() and list(tmp_path.glob("wall-tours.json.corrupt-*"))


def test_a_tour_that_cannot_be_written_leaves_the_book_as_it_was(tmp_path, monkeypatch):
    from desktop.state import files

    book = _book(tmp_path / "wall-tours.json")
    book.put(_plan("东门"))

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OSError):
        book.put(_plan("西门"))
    assert [p.name for p in book.items()] == ["东门"]
    assert [p.name for p in _book(tmp_path / "wall-tours.json").items()] == ["东门"]
