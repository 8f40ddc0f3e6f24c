"""The video wall pane in the workstation: the hall's cameras in the tree, the alarm card's
"show on wall" puts an alarm's linked cameras on the wall (largest tile first, marked with the
alarm's priority), and the wall's layout and assignments are kept with the shell's layouts."""

from __future__ import annotations

import asyncio

from desktop.state.wall_layouts import BY_NAME
from tests.desktop.conftest import run_ui, until
from tests.support.central import Desk


def test_alarm_cameras_go_on_the_wall_and_the_wall_is_saved(make_workstation, qloop):
    async def go():
        ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "5"))
        await until(lambda: ws.state.connection.status == "online", 30, "online")
        await until(lambda: len(ws.hall.cameras) > 10, 10, "the cameras")
        pane = ws.window.pane_widgets["video_wall"]
        assert len(pane.tree.visible_camera_ids()) == len(ws.hall.cameras)
        assert pane.ctx.wall.available
        other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            cams = sorted(ws.hall.cameras)[:3]
            alarm = await asyncio.to_thread(other.raise_alarm, kind="fire", priority=1,
                                            title="烟感 测试", camera_ids=cams)
        finally:
            await asyncio.to_thread(other.close)
        await until(lambda: alarm["id"] in ws.hall.alarms, 10, "the alarm")
        desk = ws.window.pane_widgets["alarm_queue"]
        ws.selection.select_alarm(alarm["id"])
        await until(lambda: desk.card.alarm_id() == alarm["id"], 5, "the card")
        assert desk.card._wall.isVisibleTo(desk.card)
        desk.card._wall.click()
        assert pane.wall.state.cameras[:3] == tuple(cams)
        assert pane._alarm_action.isVisible()
        # The wall's layout and tiles are part of the saved layout.
        pane.set_layout("1+5")
        saved = pane.pane_state()
        pane.set_layout("16")
        pane.restore_pane_state(saved)
        assert pane.wall.state.layout == BY_NAME["1+5"]
        assert pane.wall.state.cameras[:3] == tuple(cams)
        # A broken saved state gives the standard wall and says so.
        pane.restore_pane_state({"layout": {"name": "x"}})
        assert pane.wall.state.layout == BY_NAME["9"]
        assert any("video wall" in n.text for n in ws.state.notices)

    run_ui(qloop, go(), timeout=120)
