"""The wall layout editor: drag across cells, merge them into one tile with spans, split it,
save the layout in the position's configuration; the wall pane offers it beside the standard
layouts and keeps it with the saved wall."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop.panes.wall_layout_editor import WallLayoutEditor
from desktop.state.named_book import NamedBook
from desktop.state.wall_layouts import Tile, WallLayout, WallState, custom_layout
from tests.desktop.conftest import run_ui, until


def _book(path):
    return NamedBook(path, "layouts", WallLayout.from_dict, "custom wall layouts")


def _centre(grid, row, column):
    layout = grid.layout_shown
    return QPoint(int((column + 0.5) * grid.width() / layout.columns),
                  int((row + 0.5) * grid.height() / layout.rows))


def test_custom_layout_fills_the_rest_with_single_tiles_in_reading_order():
    layout = custom_layout("指挥大屏", 3, 4, [Tile(0, 1, 2, 2)])
    assert len(layout) == 1 + 8
    assert layout.tiles[0] == Tile(0, 0) and layout.tiles[1] == Tile(0, 1, 2, 2)
    assert layout.largest_tile() == 1
    state, problem = WallState.from_dict(WallState(layout).to_dict())
    assert state.layout == layout and problem == ""


def test_merge_split_and_save(qtbot, tmp_path):
    path = tmp_path / "wall-layouts.json"
    editor = WallLayoutEditor(_book(path))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.rows.setValue(3)
    editor.columns.setValue(4)
    grid = editor.cells
    assert len(grid.layout_shown) == 12
    # Drag from cell (0,0) to (1,1) and merge: one 2×2 tile and eight singles.
    QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _centre(grid, 0, 0))
    QTest.mouseMove(grid, _centre(grid, 1, 1))
    QTest.mouseRelease(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       _centre(grid, 1, 1))
    assert grid.selection == Tile(0, 0, 2, 2) and editor.merge.isEnabled()
    editor.merge.click()
    assert len(editor.layout_now()) == 9 and editor.layout_now().tiles[0] == Tile(0, 0, 2, 2)
    # A rectangle cutting through the merged tile is refused with a reason.
    grid.select((1, 1), (2, 2))
    editor.merge.click()
    assert "split it" in editor.message.text() and len(editor.layout_now()) == 9
    # Around it is fine: the merged tile becomes part of the larger one.
    grid.select((0, 0), (2, 2))
    editor.merge.click()
    assert editor.layout_now().tiles[0] == Tile(0, 0, 3, 3) and len(editor.layout_now()) == 4
    grid.select((1, 1), (1, 1))
    assert editor.split.isEnabled()
    editor.split.click()
    assert len(editor.layout_now()) == 12
    grid.select((0, 0), (1, 1))
    editor.merge.click()
    # No name, or a standard layout's name: not saved, and said why.
    assert not editor.save() and "name" in editor.message.text()
    editor.name.setText("9")
    assert not editor.save() and "taken already" in editor.message.text()
    editor.name.setText("指挥大屏")
    assert editor.save(), editor.message.text()
    saved = _book(path).get("指挥大屏")
    assert saved == custom_layout("指挥大屏", 3, 4, [Tile(0, 0, 2, 2)])
    # A smaller grid drops merged tiles that no longer fit, never cuts them.
    editor.rows.setValue(1)
    assert editor.merged == [] and len(editor.layout_now()) == 4


def test_the_wall_pane_offers_custom_layouts_and_keeps_them(make_workstation, qloop):
    async def go():
        ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "5"))
        await until(lambda: len(ws.hall.cameras) > 10, 30, "the cameras")
        pane = ws.window.pane_widgets["video_wall"]
        layout = custom_layout("指挥大屏", 3, 4, [Tile(0, 1, 2, 2)])
        pane.layout_book.put(layout)
        pane.custom_menu.aboutToShow.emit()
        action = next(a for a in pane.custom_menu.actions() if a.text().startswith("指挥大屏"))
        action.trigger()
        assert pane.wall.state.layout == layout and len(pane.wall.tiles) == 9
        assert pane._custom.isChecked() and pane._custom.text() == "指挥大屏"
        saved = pane.pane_state()
        pane.set_layout("4")
        assert not pane._custom.isChecked() and len(pane.wall.tiles) == 4
        pane.restore_pane_state(saved)
        assert pane.wall.state.layout == layout
        # The standard layouts have keys: Ctrl+Alt+2 is the 2 × 2 wall.
        ws.window.activateWindow()
        pane.wall.tiles[0].setFocus()
        await until(pane.wall.tiles[0].hasFocus, 5, "the tile's focus")
        QTest.keyClick(pane.wall.tiles[0], Qt.Key.Key_2,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        assert pane.wall.state.layout.name == "4"

    run_ui(qloop, go(), timeout=90)
