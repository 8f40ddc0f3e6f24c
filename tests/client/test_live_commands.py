"""CentralApi against the reference server over real loopback HTTP: log-in, snapshot, every
command, idempotent replay, invalid transitions and role refusals."""

from __future__ import annotations

import uuid

import pytest

from backend_client import schemas as s
from backend_client.api import CentralApi
from backend_client.errors import ApiError, LoginFailed, SessionExpired
from tests.conftest import run_async


def key() -> str:
    return str(uuid.uuid4())


async def logged_in(server, user: str = "duty") -> CentralApi:
    api = CentralApi(server.url, workstation="test-ws")
    await api.login(user, "demo")
    return api


def raise_body(**kw) -> s.RaiseAlarm:
    return s.RaiseAlarm.model_validate({
        "kind": "video_analytics", "priority": 2, "title": "人员翻越围墙",
        "description": "视频巡查发现", "camera_ids": [],
        "location": {"lat": 30.75, "lon": 120.75, "address": "中山路 1 号"}, **kw})


def test_login_and_snapshot(quiet_server):
    async def go():
        api = CentralApi(quiet_server.url, workstation="test-ws")
        try:
            with pytest.raises(LoginFailed):
                await api.login("duty", "wrong")
            result = await api.login("duty", "demo")
            assert "duty_officer" in result.operator.roles
            snap = await api.snapshot()
            assert snap.rejected == []
            assert 120 <= len(snap.grids) <= 140
            assert 50 <= len(snap.units) <= 70
            assert 150 <= len(snap.cameras) <= 250
            assert all(a.state != "closed" for a in snap.alarms)
            assert all(w.is_current() and w.photo_url is None for w in snap.watchlist)
            await api.logout()
            with pytest.raises(SessionExpired):
                await api.get_unit(snap.units[0].id)
        finally:
            await api.aclose()
    run_async(go())


def test_every_command_through_an_alarms_life(quiet_server):
    async def go():
        patrol = await logged_in(quiet_server, "patrol")
        duty = await logged_in(quiet_server, "duty")
        try:
            snap = await duty.snapshot()
            alarm = await patrol.raise_alarm(raise_body(), key())
            assert alarm.state == "new" and alarm.source.type == "operator"
            alarm = await duty.acknowledge(alarm.id, key(), note="收到")
            assert alarm.state == "acknowledged" and alarm.acknowledged_by
            alarm = await duty.add_note(alarm.id, key(), "已联系报警人")
            assert alarm.notes[-1].text == "已联系报警人"
            unit = next(u for u in snap.units if u.status == "available")
            alarm = await duty.dispatch(alarm.id, key(), [unit.id], note="就近派警")
            assert alarm.state == "dispatched" and unit.id in alarm.assigned_unit_ids
            moved = await duty.get_unit(unit.id)
            assert moved.status == "dispatched" and moved.alarm_id == alarm.id
            moved = await duty.set_unit_status(unit.id, key(), "en_route")
            assert moved.status == "en_route" and moved.version > unit.version
            await duty.set_unit_status(unit.id, key(), "on_scene")
            assert (await duty.get_alarm(alarm.id)).state == "on_scene"
            closed = await duty.close(alarm.id, key(), "resolved", "处置完毕")
            assert closed.state == "closed" and closed.disposition == "resolved"
            assert (await duty.get_unit(unit.id)).status == "available"
            history, _ = await duty.alarm_history(state="closed", limit=50)
            assert alarm.id in [a.id for a in history]
            # PTZ: a PTZ camera moves; a fixed one answers 501.
            ptz_cam = next(c for c in snap.cameras if c.ptz)
            fixed_cam = next(c for c in snap.cameras if not c.ptz)
            cam = await patrol.ptz(ptz_cam.id, key(), pan=0.5)
            assert cam.id == ptz_cam.id
            await patrol.ptz(ptz_cam.id, key(), preset=2)
            with pytest.raises(ApiError) as e:
                await patrol.ptz(fixed_cam.id, key(), pan=0.5)
            assert e.value.status == 501
            # Audit: stored; a batch resent under a new key is harmless (idempotent per id).
            ev = s.AuditEvent(id=key(), at=s.utcnow(), operator_id="duty", workstation="ws",
                              action="watchlist.view", object_type="watchlist", object_id="w1")
            assert (await duty.post_audit([ev], key()))["stored"] == 1
            assert (await duty.post_audit([ev], key()))["stored"] == 1
        finally:
            await patrol.aclose()
            await duty.aclose()
    run_async(go())


def test_idempotent_replay_has_one_effect(quiet_server):
    async def go():
        duty = await logged_in(quiet_server)
        try:
            alarm = await duty.raise_alarm(raise_body(title="重放测试"), key())
            k = key()
            first = await duty.add_note(alarm.id, k, "只应出现一次")
            second = await duty.add_note(alarm.id, k, "只应出现一次")
            assert first == second
            now = await duty.get_alarm(alarm.id)
            assert [n.text for n in now.notes].count("只应出现一次") == 1
            assert now.version == first.version
            # The same key with another body is refused.
            with pytest.raises(ApiError) as e:
                await duty.add_note(alarm.id, k, "另一条")
            assert (e.value.status, e.value.code) == (422, "validation_failed")
            # A raise replayed is one alarm, not two.
            k2 = key()
            a1 = await duty.raise_alarm(raise_body(title="一次"), k2)
            a2 = await duty.raise_alarm(raise_body(title="一次"), k2)
            assert a1.id == a2.id
        finally:
            await duty.aclose()
    run_async(go())


def test_invalid_transitions_are_409(quiet_server):
    async def go():
        duty = await logged_in(quiet_server)
        try:
            alarm = await duty.raise_alarm(raise_body(), key())
            await duty.acknowledge(alarm.id, key())
            with pytest.raises(ApiError) as e:
                await duty.acknowledge(alarm.id, key())
            assert (e.value.status, e.value.code) == (409, "invalid_transition")
            assert e.value.message
            with pytest.raises(ApiError) as e:
                await duty.verify(alarm.id, key(), match=True)  # not a watchlist hit
            assert e.value.status == 409
            snap = await duty.snapshot()
            unit = next(u for u in snap.units if u.status == "available")
            with pytest.raises(ApiError) as e:
                await duty.set_unit_status(unit.id, key(), "on_scene")  # not dispatched
            assert (e.value.status, e.value.code) == (409, "invalid_transition")
            await duty.close(alarm.id, key(), "duplicate")
            with pytest.raises(ApiError) as e:
                await duty.dispatch(alarm.id, key(), [unit.id])
            assert e.value.code == "invalid_transition"
            with pytest.raises(ApiError) as e:
                await duty.get_alarm("no-such-alarm")
            assert (e.value.status, e.value.code) == (404, "not_found")
        finally:
            await duty.aclose()
    run_async(go())


def test_roles_are_enforced(quiet_server):
    async def go():
        patrol = await logged_in(quiet_server, "patrol")
        leader = await logged_in(quiet_server, "leader")
        duty = await logged_in(quiet_server, "duty")
        try:
            snap = await leader.snapshot()  # everyone may read the overview
            alarm = await duty.raise_alarm(raise_body(), key())
            for call in (lambda: patrol.acknowledge(alarm.id, key()),
                         lambda: leader.raise_alarm(raise_body(), key()),
                         lambda: leader.add_note(alarm.id, key(), "x")):
                with pytest.raises(ApiError) as e:
                    await call()
                assert (e.value.status, e.value.code) == (403, "forbidden")
            if snap.watchlist:
                entry_id = snap.watchlist[0].id
                for api in (patrol, leader):
                    with pytest.raises(ApiError) as e:
                        await api.get_watchlist_entry(entry_id)
                    assert e.value.status == 403
                entry = await duty.get_watchlist_entry(entry_id)
                assert entry.legal_basis and entry.photo_url
                photo = await duty.get_media(entry.photo_url)
                assert photo.startswith(b"\x89PNG")
                with pytest.raises(ApiError) as e:  # the photo is a detail too
                    await patrol.get_media(entry.photo_url)
                assert e.value.status == 403
        finally:
            for api in (patrol, leader, duty):
                await api.aclose()
    run_async(go())
