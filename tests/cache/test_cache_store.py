"""LocalCache: round trips, the version rule, positions, snapshots, watchlist purge."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest

from backend_client import schemas
from backend_client.cache import CacheBatch, LocalCache
from backend_client.writer import DiskWriter
from tests.factories import (
    BASE_TIME,
    make_alarm,
    make_camera,
    make_grid,
    make_unit,
    make_unit_moved,
    make_watchlist_entry,
)

FACTORIES = {
    "alarm": make_alarm,
    "unit": make_unit,
    "camera": make_camera,
    "grid": make_grid,
    "watchlist": make_watchlist_entry,
}
TABLES = {"alarm": "alarms", "unit": "units", "camera": "cameras", "grid": "grids",
          "watchlist": "watchlist"}


@pytest.fixture
def cache(tmp_path):
    c = LocalCache(tmp_path / "cache.sqlite")
    yield c
    c.close()


def upsert(cache: LocalCache, kind: str, *objs) -> None:
    cache.apply(CacheBatch(upserts={kind: list(objs)}))


def raw(cache: LocalCache) -> sqlite3.Connection:
    return sqlite3.connect(cache.path)


@pytest.mark.parametrize("kind", FACTORIES)
def test_round_trip_of_every_kind(cache, kind):
    objs = [FACTORIES[kind](version=v) for v in (1, 2, 3)]
    upsert(cache, kind, *objs)
    assert cache.load(kind) == sorted(objs, key=lambda o: o.id)
    assert cache.get(kind, objs[1].id) == objs[1]
    assert cache.get(kind, "no-such-id") is None
    assert cache.count(kind) == 3
    assert cache.versions(kind) == {o.id: o.version for o in objs}


@pytest.mark.parametrize("kind", FACTORIES)
def test_stored_json_is_the_models_json(cache, kind):
    obj = FACTORIES[kind]()
    upsert(cache, kind, obj)
    with raw(cache) as con:
        (data,) = con.execute(f"SELECT data FROM {TABLES[kind]}").fetchone()
    assert data == obj.model_dump_json()


def test_times_in_another_zone_come_back_as_the_same_instant(cache):
    cet = timezone(timedelta(hours=1))
    alarm = make_alarm(created_at=datetime(2025, 3, 1, 9, 0, tzinfo=cet))
    upsert(cache, "alarm", alarm)
    assert cache.get("alarm", alarm.id).created_at == datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    with raw(cache) as con:
        (created,) = con.execute("SELECT created_at FROM alarms").fetchone()
    assert created == "2025-03-01T08:00:00.000000Z"


@pytest.mark.parametrize("kind", FACTORIES)
def test_version_rule(cache, kind):
    make = FACTORIES[kind]
    v5 = make(id="x1", version=5)
    upsert(cache, kind, v5)
    upsert(cache, kind, make(id="x1", version=4))  # older: ignored
    assert cache.get(kind, "x1") == v5
    upsert(cache, kind, make(id="x1", version=5, **_changed(kind)))  # equal: ignored
    assert cache.get(kind, "x1") == v5
    v6 = make(id="x1", version=6, **_changed(kind))
    upsert(cache, kind, v6)
    assert cache.get(kind, "x1") == v6
    assert cache.versions(kind) == {"x1": 6}


def _changed(kind: str) -> dict:
    return {"alarm": {"title": "changed"}, "unit": {"callsign": "changed"},
            "camera": {"name": "changed"}, "grid": {"name": "changed"},
            "watchlist": {"name": "changed"}}[kind]


def test_highest_version_wins_within_one_batch_in_any_order(cache):
    a3, a1, a2 = (make_alarm(id="a", version=v, title=f"v{v}") for v in (3, 1, 2))
    upsert(cache, "alarm", a3, a1, a2)
    assert cache.get("alarm", "a") == a3


def test_deletes_and_cursor(cache):
    w1, w2 = make_watchlist_entry(), make_watchlist_entry()
    cache.apply(CacheBatch(upserts={"watchlist": [w1, w2]}, cursor="e-1"))
    assert cache.cursor() == "e-1"
    cache.apply(CacheBatch(deletes={"watchlist": [w1.id, "unknown"]}))
    assert cache.cursor() == "e-1"  # a batch without a cursor leaves it
    assert [w.id for w in cache.load("watchlist")] == [w2.id]


def test_unknown_kind_is_refused_and_nothing_is_written(cache):
    batch = CacheBatch(upserts={"alarm": [make_alarm()], "weather": [make_alarm()]}, cursor="x")
    with pytest.raises(ValueError, match="weather"):
        cache.apply(batch)
    assert cache.count("alarm") == 0
    assert cache.cursor() is None


def test_batch_helpers():
    b = CacheBatch()
    assert b.is_empty()
    b.upsert("alarm", make_alarm())
    b.delete("unit", "u1")
    b.move(make_unit_moved())
    assert not b.is_empty()
    assert len(b.upserts["alarm"]) == 1 and b.deletes == {"unit": ["u1"]}


def test_newest_position_wins_and_merges_on_load(cache):
    unit = make_unit(id="u1")  # its own position is at BASE_TIME
    upsert(cache, "unit", unit)
    assert cache.get("unit", "u1").position == unit.position  # no move yet

    later = make_unit_moved(id="u1", lat=51.0, at=BASE_TIME + timedelta(minutes=5))
    earlier = make_unit_moved(id="u1", lat=52.0, at=BASE_TIME + timedelta(minutes=2))
    cache.apply(CacheBatch(positions=[later, earlier]))  # the older one is ignored
    cache.apply(CacheBatch(positions=[earlier]))
    assert cache.get("unit", "u1").position == later.position()
    assert cache.load("unit")[0].position == later.position()

    # A newer version of the unit with an older position: the move still wins.
    upsert(cache, "unit", make_unit(id="u1", version=2, status="busy"))
    loaded = cache.get("unit", "u1")
    assert loaded.status == "busy" and loaded.position == later.position()

    # A unit whose own position is newer than the last move shows its own.
    newest = {"lat": 53.0, "lon": 9.0, "at": BASE_TIME + timedelta(minutes=9)}
    upsert(cache, "unit", make_unit(id="u1", version=3, position=newest))
    assert cache.get("unit", "u1").position == schemas.Position(**newest)


def test_move_of_a_unit_without_position_and_before_the_unit_arrives(cache):
    move = make_unit_moved(id="u2")
    cache.apply(CacheBatch(positions=[move]))
    assert cache.get("unit", "u2") is None
    upsert(cache, "unit", make_unit(id="u2", position=None))
    assert cache.get("unit", "u2").position == move.position()


def test_deleting_a_unit_drops_its_position(cache):
    upsert(cache, "unit", make_unit(id="u3"))
    cache.apply(CacheBatch(positions=[make_unit_moved(id="u3")]))
    cache.apply(CacheBatch(deletes={"unit": ["u3"]}))
    upsert(cache, "unit", make_unit(id="u3", version=1))
    assert cache.get("unit", "u3").position.at == BASE_TIME


def test_replace_all(cache):
    closed = make_alarm(id="closed-1", state="closed", disposition="resolved", version=7)
    reopened = make_alarm(id="closed-2", state="closed", disposition="resolved", version=9)
    stale_open = make_alarm(id="open-old", state="acknowledged")
    upsert(cache, "alarm", closed, reopened, stale_open)
    upsert(cache, "unit", make_unit(id="gone"))
    upsert(cache, "camera", make_camera(id="gone"))
    cache.apply(CacheBatch(positions=[make_unit_moved(id="u1")], cursor="old"))

    snapshot = {
        "alarm": [make_alarm(id="open-new"), make_alarm(id="closed-2", version=2)],
        "unit": [make_unit(id="u1")],
        "camera": [make_camera(id="c1")],
        "grid": [make_grid(id="g1")],
        "watchlist": [make_watchlist_entry(id="w1")],
    }
    server_time = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    cache.replace_all(snapshot, cursor="e-42", server_time=server_time)

    # Closed alarms stay as local history; the snapshot's alarms win over them.
    assert sorted(cache.versions("alarm").items()) == [
        ("closed-1", 7), ("closed-2", 2), ("open-new", 1)]
    assert cache.versions("unit") == {"u1": 1}
    assert cache.versions("camera") == {"c1": 1}
    assert cache.get("unit", "u1").position.at == BASE_TIME  # positions were cleared
    assert cache.cursor() == "e-42"
    assert cache.sync_value("server_time") == "2025-03-01T09:00:00Z"
    assert cache.sync_value("snapshot_at") is not None


def test_purge_expired_watchlist_boundary(cache):
    now = datetime(2030, 1, 1, tzinfo=UTC)
    entries = [make_watchlist_entry(id=f"w{i}", valid_until=now + timedelta(seconds=i))
               for i in (-1, 0, 1)]
    upsert(cache, "watchlist", *entries)
    assert cache.purge_expired_watchlist(now) == ["w-1", "w0"]
    assert [w.id for w in cache.load("watchlist")] == ["w1"]


def test_expired_watchlist_is_purged_on_open_and_never_stored(tmp_path):
    path = tmp_path / "cache.sqlite"
    c = LocalCache(path)
    upsert(c, "watchlist", make_watchlist_entry(id="keep"), make_watchlist_entry(id="old"))
    expired = make_watchlist_entry(id="expired", valid_until=datetime(2001, 1, 1, tzinfo=UTC))
    upsert(c, "watchlist", expired)
    assert c.get("watchlist", "expired") is None
    c.close()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE watchlist SET valid_until = '2001-01-01T00:00:00.000000Z' "
                    "WHERE id = 'old'")
    con.close()
    c = LocalCache(path)
    assert [w.id for w in c.load("watchlist")] == ["keep"]
    c.close()


def test_protected_categories_never_reach_the_cache(cache):
    payload = make_watchlist_entry(id="w-prot").model_dump(mode="json")
    payload.update({"religion": "x-religion", "ethnicity": "x-ethnicity", "health": "x-health"})
    entry = schemas.WatchlistEntry.model_validate(payload)
    upsert(cache, "watchlist", entry)
    cache.replace_all({"watchlist": [schemas.WatchlistEntry.model_validate(payload)]},
                      cursor="c", server_time=BASE_TIME)
    with raw(cache) as con:
        columns = [r[1] for r in con.execute("PRAGMA table_info(watchlist)")]
        (data,) = con.execute("SELECT data FROM watchlist WHERE id = 'w-prot'").fetchone()
        dump = "\n".join(con.iterdump())
    for key in ("religion", "ethnicity", "health"):
        assert key not in columns
        assert key not in data
        assert f"x-{key}" not in dump


def test_prune_closed(cache):
    old = make_alarm(id="old", state="closed", updated_at=BASE_TIME - timedelta(days=3))
    recent = make_alarm(id="recent", state="closed", updated_at=BASE_TIME)
    open_old = make_alarm(id="open-old", state="new", updated_at=BASE_TIME - timedelta(days=3))
    upsert(cache, "alarm", old, recent, open_old)
    assert cache.prune_closed(BASE_TIME - timedelta(days=1)) == 1
    assert sorted(cache.versions("alarm")) == ["open-old", "recent"]


def test_alarm_queries(cache):
    a = make_alarm(id="a", priority=3, state="new", grid_id="g1")
    b = make_alarm(id="b", priority=1, state="acknowledged", grid_id="g2")
    c = make_alarm(id="c", priority=1, state="closed", grid_id="g1",
                   created_at=BASE_TIME - timedelta(hours=1))
    upsert(cache, "alarm", a, b, c)
    assert [x.id for x in cache.alarms()] == ["c", "b", "a"]
    assert [x.id for x in cache.alarms(open_only=True)] == ["b", "a"]
    assert [x.id for x in cache.alarms(state="new")] == ["a"]
    assert [x.id for x in cache.alarms(state=["new", "closed"])] == ["c", "a"]
    assert [x.id for x in cache.alarms(grid_id="g1", limit=1)] == ["c"]


def test_unreadable_rows_are_skipped_with_a_log_line(cache, caplog):
    good, bad = make_camera(id="good"), make_camera(id="bad")
    upsert(cache, "camera", good, bad)
    with raw(cache) as con:
        con.execute("UPDATE cameras SET data = '{\"id\": \"bad\"}' WHERE id = 'bad'")
    with caplog.at_level(logging.WARNING):
        assert cache.load("camera") == [good]
        assert cache.get("camera", "bad") is None
    assert "bad" in caplog.text


def test_schema_version_change_rebuilds_the_cache(tmp_path, caplog):
    path = tmp_path / "cache.sqlite"
    c = LocalCache(path)
    upsert(c, "alarm", make_alarm())
    c.close()
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA user_version = 99")
    con.close()
    with caplog.at_level(logging.INFO):
        c = LocalCache(path)
    assert c.count("alarm") == 0
    assert "rebuilding" in caplog.text
    c.close()


def test_pragmas_of_the_cache(cache):
    with cache.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_writes_on_the_writer_thread_reads_on_another(cache):
    writer = DiskWriter()
    try:
        alarms = [make_alarm() for _ in range(20)]
        for a in alarms:
            writer.run_blocking(cache.apply, CacheBatch(upserts={"alarm": [a]}))
        writer.run_blocking(cache.purge_expired_watchlist, datetime.now(UTC))
    finally:
        writer.close()
    assert cache.count("alarm") == 20


def test_the_executemany_path_without_json_functions(tmp_path, monkeypatch):
    from backend_client.cache import store

    monkeypatch.setattr(store, "_has_json", lambda engine: False)
    c = LocalCache(tmp_path / "cache.sqlite")
    try:
        a2 = make_alarm(id="a", version=2)
        upsert(c, "alarm", a2, make_alarm(id="a", version=1))
        upsert(c, "unit", make_unit(id="u1"), make_unit(id="u2"))
        move = make_unit_moved(id="u1")
        c.apply(CacheBatch(positions=[move, make_unit_moved(id="u1", at=BASE_TIME)],
                           deletes={"unit": ["u2"]}, cursor="e-9"))
        assert c.get("alarm", "a") == a2 and c.cursor() == "e-9"
        assert [u.id for u in c.load("unit")] == ["u1"]
        assert c.get("unit", "u1").position == move.position()
        c.replace_all({"alarm": [make_alarm(id="b")]}, cursor="e-10", server_time=BASE_TIME)
        assert sorted(c.versions("alarm")) == ["b"]
    finally:
        c.close()
