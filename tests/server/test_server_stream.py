"""The event stream and the database across restarts: pings, live events, resuming from a
cursor (also after a restart), 410 for foreign or trimmed cursors, quick shutdown, flood."""

import time

import httpx
import pytest

from tests.support.central import Desk, read_events
from tests.support.server import ServerProcess

QUIET = ("--sim-steps", "0", "--ping-interval", "0.3", "--log-level", "warning")


@pytest.fixture(scope="module")
def server():
    with ServerProcess(*QUIET) as s:
        yield s


def error_code(r):
    return r.status_code, r.json()["error"]["code"]


def test_pings_and_live_events(server):
    desk = Desk(server.api_url)
    cursor = desk.get("/snapshot").json()["cursor"]
    events, pings = read_events(desk, cursor, quiet_s=1.0)
    assert events == [] and pings >= 3  # 1 s without events, a ping every 0.3 s
    alarm = desk.raise_alarm(title="实时推送")
    desk.command(f"/alarms/{alarm['id']}/acknowledge")
    events, _ = read_events(desk, cursor, quiet_s=0.6)
    assert [e["event"] for e in events] == ["alarm.created", "alarm.updated"]
    assert events[0]["data"]["id"] == alarm["id"] and events[1]["data"]["version"] == 2
    epoch, seq = cursor.rsplit("-", 1)
    assert [e["id"] for e in events] == [f"{epoch}-{int(seq) + 1}", f"{epoch}-{int(seq) + 2}"]
    # ?since= works like Last-Event-ID, and Last-Event-ID wins when both are given.
    by_since, _ = read_events(desk, quiet_s=0.6, params={"since": cursor})
    assert by_since == events
    both, _ = read_events(desk, events[0]["id"], quiet_s=0.6, params={"since": cursor})
    assert both == events[1:]


def test_foreign_and_garbled_cursors_get_410(server):
    desk = Desk(server.api_url)
    epoch = desk.get("/snapshot").json()["cursor"].rsplit("-", 1)[0]
    for cursor in ["deadbeef-1", "garbage", f"{epoch}-999999999", f"{epoch}-x"]:
        r = desk.get("/events", headers={"Last-Event-ID": cursor})
        assert error_code(r) == (410, "cursor_expired"), cursor
        assert r.headers["content-type"].startswith("application/json")
    assert error_code(desk.get("/events", params={"since": "deadbeef-0"})) == (
        410, "cursor_expired")


def test_trimmed_cursor_gets_410(tmp_path):
    with ServerProcess(*QUIET, "--keep-events", "4", workdir=tmp_path) as s:
        desk = Desk(s.api_url)
        first = desk.get("/snapshot").json()["cursor"]
        for _ in range(8):
            desk.raise_alarm()
        assert error_code(desk.get("/events", headers={"Last-Event-ID": first})) == (
            410, "cursor_expired")
        recent = desk.get("/snapshot").json()["cursor"]
        events, _ = read_events(desk, recent, quiet_s=0.4)
        assert events == []


def test_restart_keeps_state_sessions_keys_and_cursors(tmp_path):
    with ServerProcess(*QUIET, workdir=tmp_path) as s:
        desk = Desk(s.api_url)
        before = desk.get("/snapshot").json()
        old_cursor = before["cursor"]
        alarm = desk.raise_alarm(title="重启前")
        ack = desk.command(f"/alarms/{alarm['id']}/acknowledge", key="restart-key")
        port = s.port
        s.restart()
        assert s.port == port
        # Same session, same epoch, same objects, the old cursor still resumes.
        after = desk.get("/snapshot")
        assert after.status_code == 200
        after = after.json()
        assert after["cursor"].rsplit("-", 1)[0] == old_cursor.rsplit("-", 1)[0]
        for key in ("grids", "cameras", "units", "watchlist"):
            assert after[key] == before[key], key
        assert [a["id"] for a in after["alarms"]] == [alarm["id"]]
        events, _ = read_events(desk, old_cursor, quiet_s=0.6)
        assert [(e["event"], e["data"]["id"]) for e in events] == [
            ("alarm.created", alarm["id"]), ("alarm.updated", alarm["id"])]
        replay = desk.command(f"/alarms/{alarm['id']}/acknowledge", key="restart-key")
        assert replay.status_code == 200 and replay.content == ack.content


def test_new_database_gets_a_new_epoch(tmp_path):
    epochs = []
    for name in ("one", "two"):
        with ServerProcess(*QUIET, workdir=tmp_path / name) as s:
            epochs.append(Desk(s.api_url).get("/snapshot").json()["cursor"].rsplit("-", 1)[0])
    assert epochs[0] != epochs[1]


def test_shutdown_with_open_stream_is_quick(tmp_path):
    import threading
    with ServerProcess("--ping-interval", "30", "--sim-steps", "0", workdir=tmp_path) as s:
        desk = Desk(s.api_url)
        opened = threading.Event()

        def listen():
            try:
                with desk.http.stream("GET", "/events",
                                      timeout=httpx.Timeout(10.0, read=20.0)) as r:
                    opened.set()
                    for _ in r.iter_lines():
                        pass
            except httpx.HTTPError:
                pass

        t = threading.Thread(target=listen, daemon=True)
        t.start()
        assert opened.wait(5)
        time.sleep(0.2)
        start = time.monotonic()
        s.stop()
        assert time.monotonic() - start < 2.5
        t.join(3)
        assert not t.is_alive(), "the stream ended when the server stopped"


def test_flood_streams_hundreds_of_alarms_per_simulated_second(tmp_path):
    steps, tick = 4, 0.5
    with ServerProcess("--flood", "300", "--tick", str(tick), "--sim-steps", str(steps),
                       "--ping-interval", "0.3", "--log-level", "warning",
                       workdir=tmp_path) as s:
        desk = Desk(s.api_url)
        epoch = desk.get("/snapshot").json()["cursor"].rsplit("-", 1)[0]
        time.sleep(steps * tick + 0.5)
        events, _ = read_events(desk, f"{epoch}-0", quiet_s=1.0, max_s=20)
        created = [e for e in events if e["event"] == "alarm.created"]
        assert len(created) / (steps * tick) >= 100
        assert len({e["id"] for e in events}) == len(events)
        seqs = [int(e["id"].rsplit("-", 1)[1]) for e in events]
        assert seqs == list(range(1, len(events) + 1))  # nothing lost, nothing out of order
