"""The video wall's layouts and tile assignments (no Qt, no video)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.state.wall_layouts import BY_NAME, STANDARD, Tile, WallLayout, WallState


@pytest.mark.parametrize("name, tiles, rows", [
    ("1", 1, 1), ("4", 4, 2), ("9", 9, 3), ("16", 16, 4), ("25", 25, 5), ("36", 36, 6),
    ("1+5", 6, 3), ("1+7", 8, 4), ("2+8", 10, 4), ("1+12", 13, 4),
])
def test_standard_layouts_cover_their_grid(name, tiles, rows):
    layout = BY_NAME[name]
    assert len(layout) == tiles and layout.rows == rows
    covered = set().union(*(t.cells() for t in layout.tiles))
    assert covered == {(r, c) for r in range(layout.rows) for c in range(layout.columns)}
    assert WallLayout.from_dict(layout.to_dict()) == layout


def test_uneven_layouts_put_the_big_tile_first():
    assert BY_NAME["1+5"].tiles[0] == Tile(0, 0, 2, 2)
    assert BY_NAME["1+12"].largest_tile() == 0 and BY_NAME["1+12"].tiles[0] == Tile(1, 1, 2, 2)
    assert BY_NAME["2+8"].largest_tile() == 0  # the first of the two big ones


@pytest.mark.parametrize("data, why", [
    ({"name": "x", "rows": 2, "columns": 2, "tiles": [[0, 0, 2, 2], [1, 1, 1, 1]]}, "overlaps"),
    ({"name": "x", "rows": 2, "columns": 2, "tiles": [[1, 1, 2, 1]]}, "outside"),
    ({"name": "x", "rows": 0, "columns": 2, "tiles": [[0, 0, 1, 1]]}, "outside 1.."),
    ({"name": "x", "rows": 2, "columns": 2, "tiles": []}, "no tiles"),
    ({"name": "x", "rows": 2, "columns": 2, "tiles": [[0, 0, 0, 1]]}, "empty span"),
    ({"rows": 2}, "needs name"),
    ("junk", "must be an object"),
])
def test_broken_layouts_are_refused_with_a_reason(data, why):
    with pytest.raises(ValueError, match=why):
        WallLayout.from_dict(data)


def test_assign_swap_show_and_focus():
    wall = WallState(BY_NAME["4"])
    assert wall.cameras == (None, None, None, None)
    wall = wall.assign(0, "c1").assign(1, "c2")
    wall = wall.assign(3, "c1")  # a camera shows on one tile only
    assert wall.cameras == (None, "c2", None, "c1")
    assert wall.swap(1, 3).cameras == (None, "c1", None, "c2")
    linked = WallState(BY_NAME["1+5"]).show(["a", "b", "a", "c"])
    assert linked.cameras[0] == "a" and linked.cameras[1:3] == ("b", "c")
    assert wall.focus(3).focused == 3 and wall.focus(9).focus(None).focused is None


def test_changing_layout_keeps_the_cameras_in_order():
    wall = WallState(BY_NAME["9"]).show(["a", "b", "c", "d", "e"])
    four = wall.with_layout(BY_NAME["4"])
    assert four.cameras == ("a", "b", "c", "d")
    assert four.with_layout(BY_NAME["9"]).cameras[:4] == ("a", "b", "c", "d")


def test_saved_wall_round_trips_and_tolerates_junk():
    wall = WallState(BY_NAME["2+8"]).show(["a", "b"]).focus(1)
    again, problem = WallState.from_dict(wall.to_dict())
    assert again == wall and problem == ""
    broken, problem = WallState.from_dict({"layout": {"name": "x"}, "cameras": ["a", 7]})
    assert broken.layout == BY_NAME["9"] and "not usable" in problem
    assert broken.cameras[:2] == ("a", None)
    assert WallState.from_dict(None)[1].startswith("The saved video wall")


@given(st.sampled_from(STANDARD), st.lists(st.one_of(st.none(), st.sampled_from("abcdef")),
                                           max_size=40))
def test_wall_state_has_one_entry_per_tile(layout, cameras):
    state = WallState(layout, tuple(cameras))
    assert len(state.cameras) == len(layout)
