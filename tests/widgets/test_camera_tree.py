"""The camera tree beside the wall: by station and grid or by group, online state, search,
drag data, activation, and a rebuild that keeps what the officer opened and selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from tests.factories import make_camera, make_grid
from widgets.camera_tree import CAMERA_MIME, CameraIdRole, CameraTree


@pytest.fixture
def tree(qtbot):
    grids = {g.id: g for g in (make_grid(id="g1", name="东一网格", station="城东派出所"),
                               make_grid(id="g2", name="西一网格", station="城西派出所"))}
    cameras = {c.id: c for c in (
        make_camera(id="c1", name="东门", grid_id="g1", groups=["gates"]),
        make_camera(id="c2", name="广场", grid_id="g1", status="offline", groups=[]),
        make_camera(id="c3", name="西站", grid_id="g2", groups=["gates", "stations"]),
        make_camera(id="c4", name="无网格", grid_id=None, groups=[]))}
    w = CameraTree()
    qtbot.addWidget(w)
    w.set_cameras(cameras, grids)
    w.resize(360, 500)
    w.show()
    return w


def texts(tree, parent=None):
    model = tree.view().model()
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_by_station_with_online_counts(tree):
    top = texts(tree)
    assert "城东派出所  (1/2 online)" in top and "城西派出所  (1/1 online)" in top
    assert any(t.startswith("No station") for t in top)
    tree.view().expandAll()
    assert sorted(tree.visible_camera_ids()) == ["c1", "c2", "c3", "c4"]
    model = tree.view().model()
    east = next(model.index(r, 0) for r in range(model.rowCount())
                if model.index(r, 0).data().startswith("城东"))
    grid = model.index(0, 0, east)
    assert sorted(texts(tree, grid)) == ["1 · 东门", "2 · 广场 (offline)"]  # numbers to type


def test_by_group_lists_a_camera_in_each_of_its_groups(tree):
    tree._by.setCurrentIndex(tree._by.findData("group"))
    # Sorted without regard to case: gates, No group, stations.
    assert [t.split("  (")[0] for t in texts(tree)] == ["gates", "No group", "stations"]
    assert tree.visible_camera_ids().count("c3") == 1  # listed twice, counted once


def test_search_by_name_or_number_keeps_branches(tree):
    tree._search.setText("西站")
    assert tree.visible_camera_ids() == ["c3"]
    tree._search.setText("C2")
    assert tree.visible_camera_ids() == ["c2"]
    tree._search.setText("")
    assert len(tree.visible_camera_ids()) == 4


def test_drag_data_and_activation(tree, qtbot):
    tree.view().expandAll()
    model = tree.view().model()
    leaves = []

    def walk(parent):
        for r in range(model.rowCount(parent)):
            i = model.index(r, 0, parent)
            if i.data(CameraIdRole):
                leaves.append(i)
            walk(i)

    walk(QModelIndex())
    c1 = next(i for i in leaves if i.data(CameraIdRole) == "c1")
    mime = model.mimeData([c1])
    assert bytes(mime.data(CAMERA_MIME)).decode() == "c1"
    tree.view().setCurrentIndex(c1)
    with qtbot.waitSignal(tree.cameras_activated) as sig:
        tree.view().activated.emit(c1)
    assert sig.args[0] == ["c1"]


def test_rebuild_keeps_expanded_branches_and_selection(tree):
    model = tree.view().model()
    first = model.index(0, 0)
    tree.view().setExpanded(first, True)
    name = first.data().split("  (")[0]
    cameras = dict(tree._cameras)
    cameras["c2"] = cameras["c2"].model_copy(update={"status": "online", "version": 2})
    tree.set_cameras(cameras, tree._grids)
    again = next(model.index(r, 0) for r in range(model.rowCount())
                 if model.index(r, 0).data().startswith(name))
    assert tree.view().isExpanded(again)


def test_a_cameras_number_is_the_digits_of_its_id():
    from widgets.camera_tree import camera_number

    assert camera_number("C012") == 12 and camera_number("cam-7") == 7
    assert camera_number("gate") is None
