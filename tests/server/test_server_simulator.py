"""The scenario simulator, in-process: deterministic per seed, keeps the open set bounded,
obeys the contract's shapes, and floods when asked."""

import json

from backend_client.schemas import EVENT_MODELS, Alarm, Camera, Unit, WatchlistEntry
from backend_client.server.app import open_context
from backend_client.server.config import ServerConfig

TIMESTAMPS = {"created_at", "updated_at", "status_since", "at", "acknowledged_at", "closed_at",
              "valid_until", "server_time"}


def strip_times(value):
    if isinstance(value, dict):
        return {k: strip_times(v) for k, v in value.items() if k not in TIMESTAMPS}
    if isinstance(value, list):
        return [strip_times(v) for v in value]
    return value


def run(tmp_path, name, steps, **kw):
    ctx = open_context(ServerConfig(db=tmp_path / f"{name}.sqlite", **kw))
    for _ in range(steps):
        ctx.simulator.step()
    return ctx


def world(ctx):
    snap = ctx.hall.snapshot()
    snap.pop("cursor")
    events = ctx.store.events_after(0, 100_000)
    return strip_times(snap), [(t, strip_times(json.loads(d))) for _, t, d in events]


def test_same_seed_same_steps_same_world(tmp_path):
    a = run(tmp_path, "a", 60, seed=7, alarm_rate=1.0)
    b = run(tmp_path, "b", 60, seed=7, alarm_rate=1.0)
    c = run(tmp_path, "c", 60, seed=8, alarm_rate=1.0)
    wa, wb, wc = world(a), world(b), world(c)
    assert wa[0]["alarms"], "the scenario raised alarms"
    assert wa == wb
    assert wa[0] != wc[0]
    assert a.store.epoch != b.store.epoch  # each new database gets its own epoch


def test_world_contents_and_event_shapes(tmp_path):
    ctx = run(tmp_path, "w", 240, seed=3, alarm_rate=0.8)
    hall = ctx.hall
    assert 120 <= len(hall.grids) <= 140
    assert len(hall.units) == 60 and len(hall.cameras) == 200
    assert 30 <= len(hall.watchlist) <= 40
    assert 0.15 < sum(c.ptz for c in hall.cameras.values()) / 200 < 0.45
    kinds = {u.kind for u in hall.units.values()}
    assert {"patrol_car", "foot", "motorcycle"} <= kinds
    for u in hall.units.values():
        Unit.model_validate(u.model_dump(mode="json"))
        assert u.members and u.radio_channel and u.home_grid_id in hall.grids
    for c in hall.cameras.values():
        Camera.model_validate(c.model_dump(mode="json"))
    for w in hall.watchlist.values():
        WatchlistEntry.model_validate(w.model_dump(mode="json"))
        assert w.legal_basis.strip() and w.issued_by
    types = set()
    for _, kind, data in ctx.store.events_after(0, 100_000):
        types.add(kind)
        EVENT_MODELS[kind].model_validate_json(data)
    assert {"alarm.created", "alarm.updated", "unit.moved", "unit.updated"} <= types
    closed = ctx.store.alarm_history(states=["closed"], grid_id=None, since=None, until=None,
                                     before_n=None, limit=10)
    assert closed, "the other desk closes alarms"
    for a in hall.alarms.values():
        assert a.grid_id in hall.grids and 1 <= len(a.camera_ids) <= 3


def test_unit_positions_match_last_move(tmp_path):
    ctx = run(tmp_path, "m", 10, seed=5)
    last = {}
    for _, kind, data in ctx.store.events_after(0, 100_000):
        if kind == "unit.moved":
            d = json.loads(data)
            last[d["id"]] = (d["lat"], d["lon"])
    assert len(last) > 20
    for uid, (lat, lon) in last.items():
        pos = ctx.hall.units[uid].position
        assert (pos.lat, pos.lon) == (lat, lon)


def test_flood_makes_hundreds_of_alarms_per_simulated_second(tmp_path):
    steps, tick = 8, 0.5
    ctx = run(tmp_path, "f", steps, seed=2, flood=300.0, tick=tick)
    created = sum(1 for _, kind, _ in ctx.store.events_after(0, 1_000_000)
                  if kind == "alarm.created")
    assert created / (steps * tick) >= 100
    assert len(ctx.hall.alarms) <= ctx.simulator.open_cap


def test_watchlist_hit_alarms_carry_match_fields(tmp_path):
    ctx = run(tmp_path, "h", 6, seed=4, flood=200.0)
    hits = [Alarm.model_validate_json(d) for _, k, d in ctx.store.events_after(0, 1_000_000)
            if k == "alarm.created" and '"watchlist_hit"' in d]
    assert hits
    for a in hits:
        assert a.watchlist_id and 0 < a.match_confidence <= 1 and a.verified is None
        assert a.snapshot_url == f"/api/v1/media/snapshots/{a.id}.png"
        assert a.source.type == "camera"


def test_expired_watchlist_entry_is_removed_with_an_event(tmp_path):
    from datetime import timedelta

    import pytest

    from backend_client.schemas import utcnow
    from backend_client.server.problems import NotFound

    ctx = run(tmp_path, "x", 0, seed=9)
    hall = ctx.hall
    entry = hall.watchlist["W010"]
    with hall.changes():
        hall.put_watchlist(entry.model_copy(update={"valid_until": utcnow() - timedelta(1)}),
                           event=None)
    assert "W010" not in {w["id"] for w in hall.snapshot()["watchlist"]}
    with pytest.raises(NotFound):
        hall.find("watchlist", "W010")
    ctx.simulator.step()
    removed = [json.loads(d) for _, k, d in ctx.store.events_after(0, 100_000)
               if k == "watchlist.removed"]
    assert removed == [{"id": "W010", "reason": "expired"}]
    assert "W010" not in hall.watchlist and not any(
        o["id"] == "W010" for o in ctx.store.load_objects("watchlist"))
