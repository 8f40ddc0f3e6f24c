"""The video wall's layouts and what each tile shows (no Qt): the state the wall pane draws and
the shell saves with a named layout.

A layout is a grid of ``rows`` × ``columns`` cells and the tiles placed on it, each a rectangle
of cells (row, column, row span, column span); tiles never overlap and stay inside the grid.
The standard ones are the square grids (1, 4, 9, 16, 25, 36) and the uneven ones halls use for
one or two big pictures among small ones (1+5, 1+7, 2+8, 1+12). A hall can define its own with
spans; a saved layout that does not hold together is refused with a reason, never half-drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

MAX_CELLS = 8  # rows or columns: 36 tiles is the largest standard wall; a custom one may go to 64


@dataclass(frozen=True)
class Tile:
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1

    def cells(self) -> set[tuple[int, int]]:
        return {(r, c) for r in range(self.row, self.row + self.row_span)
                for c in range(self.column, self.column + self.column_span)}

    def area(self) -> int:
        return self.row_span * self.column_span


@dataclass(frozen=True)
class WallLayout:
    name: str
    rows: int
    columns: int
    tiles: tuple[Tile, ...]

    def __post_init__(self) -> None:
        problem = self.problem()
        if problem:
            raise ValueError(f"wall layout {self.name!r}: {problem}")

    def problem(self) -> str:
        """Why this layout cannot be drawn ("" when it can)."""
        if not (1 <= self.rows <= MAX_CELLS and 1 <= self.columns <= MAX_CELLS):
            return f"grid {self.rows}×{self.columns} outside 1..{MAX_CELLS}"
        if not self.tiles:
            return "no tiles"
        taken: set[tuple[int, int]] = set()
        for i, t in enumerate(self.tiles):
            if t.row_span < 1 or t.column_span < 1:
                return f"tile {i + 1} has an empty span"
            if t.row < 0 or t.column < 0 or t.row + t.row_span > self.rows \
                    or t.column + t.column_span > self.columns:
                return f"tile {i + 1} lies outside the grid"
            if taken & t.cells():
                return f"tile {i + 1} overlaps another"
            taken |= t.cells()
        return ""

    def __len__(self) -> int:
        return len(self.tiles)

    def largest_tile(self) -> int:
        """The index of the biggest tile (the first of equals): where a focused or linked
        camera goes first."""
        return max(range(len(self.tiles)), key=lambda i: (self.tiles[i].area(), -i))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "rows": self.rows, "columns": self.columns,
                "tiles": [[t.row, t.column, t.row_span, t.column_span] for t in self.tiles]}

    @classmethod
    def from_dict(cls, data: Any) -> WallLayout:
        """A layout saved by ``to_dict`` (or written by a hall's administrator); raises
        ``ValueError`` saying what is wrong with it."""
        if not isinstance(data, dict):
            raise ValueError("a wall layout must be an object")
        try:
            tiles = tuple(Tile(*(int(v) for v in t)) for t in data["tiles"])
            return cls(str(data["name"]), int(data["rows"]), int(data["columns"]), tiles)
        except (KeyError, TypeError) as e:
            raise ValueError(f"a wall layout needs name, rows, columns and tiles ({e})") from e


def custom_layout(name: str, rows: int, columns: int, merged: list[Tile]) -> WallLayout:
    """A hall's own layout: ``merged`` tiles (spans) on a rows × columns grid, every other
    cell a tile of its own; tiles numbered in reading order of their top-left cell. Raises
    ``ValueError`` saying why when the merged tiles overlap or leave the grid."""
    taken: set[tuple[int, int]] = set()
    for tile in merged:
        taken |= tile.cells()
    singles = [Tile(r, c) for r in range(rows) for c in range(columns) if (r, c) not in taken]
    tiles = sorted([*merged, *singles], key=lambda t: (t.row, t.column))
    return WallLayout(name, rows, columns, tuple(tiles))


def grid(n: int) -> WallLayout:
    """The square layout of n × n tiles."""
    return WallLayout(str(n * n), n, n, tuple(Tile(r, c) for r in range(n) for c in range(n)))


def _big_and_ring(name: str, size: int, big: Tile) -> WallLayout:
    """One big tile on a size × size grid, every other cell a small tile (reading order)."""
    small = [Tile(r, c) for r in range(size) for c in range(size) if (r, c) not in big.cells()]
    return WallLayout(name, size, size, (big, *small))


STANDARD: tuple[WallLayout, ...] = (
    grid(1), grid(2), grid(3), grid(4), grid(5), grid(6),
    _big_and_ring("1+5", 3, Tile(0, 0, 2, 2)),
    _big_and_ring("1+7", 4, Tile(0, 0, 3, 3)),
    WallLayout("2+8", 4, 4, (Tile(0, 0, 2, 2), Tile(0, 2, 2, 2),
                             *(Tile(r, c) for r in (2, 3) for c in range(4)))),
    _big_and_ring("1+12", 4, Tile(1, 1, 2, 2)),
)
BY_NAME: dict[str, WallLayout] = {layout.name: layout for layout in STANDARD}


@dataclass(frozen=True)
class WallState:
    """A layout, the camera on each tile (None: empty), and the focused tile (one tile
    filling the wall, showing its main stream), if any."""

    layout: WallLayout = field(default_factory=lambda: BY_NAME["9"])
    cameras: tuple[str | None, ...] = ()
    focused: int | None = None

    def __post_init__(self) -> None:
        # Exactly one entry per tile: missing ones are empty, extra ones are not kept here.
        cams = tuple(self.cameras[:len(self.layout)])
        cams += (None,) * (len(self.layout) - len(cams))
        object.__setattr__(self, "cameras", cams)
        if self.focused is not None and not 0 <= self.focused < len(self.layout):
            object.__setattr__(self, "focused", None)

    def with_layout(self, layout: WallLayout) -> WallState:
        """Change the layout; the cameras shown keep their order and fill the new tiles (a
        smaller layout keeps the first ones)."""
        shown = [c for c in self.cameras if c is not None]
        return WallState(layout, tuple(shown[:len(layout)]))

    def assign(self, tile: int, camera_id: str | None, exclusive: bool = True) -> WallState:
        """Put a camera on a tile. The officer's assignments are ``exclusive`` (a camera
        shows on one tile only: it leaves its old one); a one-tile tour is not, so it never
        empties another tile when its step is a camera the wall already shows."""
        cams = [None if c == camera_id else c for c in self.cameras] \
            if camera_id and exclusive else list(self.cameras)
        cams[tile] = camera_id
        return replace(self, cameras=tuple(cams))

    def swap(self, a: int, b: int) -> WallState:
        cams = list(self.cameras)
        cams[a], cams[b] = cams[b], cams[a]
        return replace(self, cameras=tuple(cams))

    def show(self, camera_ids: list[str]) -> WallState:
        """Put these cameras on the wall, the first on the largest tile, then in tile order,
        replacing what was there (alarm linkage, a tour step)."""
        order = [self.layout.largest_tile(),
                 *(i for i in range(len(self.layout)) if i != self.layout.largest_tile())]
        cams: list[str | None] = [None] * len(self.layout)
        for tile, camera_id in zip(order, dict.fromkeys(camera_ids), strict=False):
            cams[tile] = camera_id
        return replace(self, cameras=tuple(cams), focused=None)

    def focus(self, tile: int | None) -> WallState:
        return replace(self, focused=tile)

    def to_dict(self) -> dict[str, Any]:
        return {"layout": self.layout.to_dict(), "cameras": list(self.cameras),
                "focused": self.focused}

    @classmethod
    def from_dict(cls, data: Any) -> tuple[WallState, str]:
        """A saved wall, and a sentence for the officer when part of it could not be used
        (the standard 3 × 3 wall then; cameras that are not strings are dropped)."""
        if not isinstance(data, dict):
            return cls(), "The saved video wall could not be read; the standard wall is shown."
        problem = ""
        try:
            layout = WallLayout.from_dict(data.get("layout"))
        except ValueError as e:
            layout, problem = BY_NAME["9"], f"The saved wall layout is not usable ({e})."
        raw = data.get("cameras")
        cameras = tuple(c if isinstance(c, str) else None
                        for c in (raw if isinstance(raw, list) else []))
        focused = data.get("focused")
        return cls(layout, cameras, focused if isinstance(focused, int) else None), problem
