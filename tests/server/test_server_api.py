"""The reference server over HTTP: auth, snapshot, commands, idempotency, roles, errors,
history, watchlist, media, audit and the API document. One quiescent server (no simulation)."""

import sqlite3
import uuid

import httpx
import pytest

from backend_client.schemas import Alarm, Camera, Grid, Unit, WatchlistEntry
from tests.support.central import Desk
from tests.support.server import ServerProcess


@pytest.fixture(scope="module")
def server():
    with ServerProcess("--sim-steps", "0", "--ping-interval", "0.3", "--log-level",
                       "warning") as s:
        yield s


@pytest.fixture(scope="module")
def duty(server):
    d = Desk(server.api_url, "duty")
    yield d
    d.close()


@pytest.fixture(scope="module")
def desks(server):
    made = {name: Desk(server.api_url, name) for name in ("supervisor", "patrol", "leader")}
    yield made
    for d in made.values():
        d.close()


def error_of(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and isinstance(body["error"]["details"], dict)
    return body["error"]


def free_unit(desk):
    units = desk.get("/snapshot").json()["units"]
    return next(u for u in units if u["status"] == "available")


# --- session and errors ------------------------------------------------------------------------

def test_health_and_auth(server):
    assert httpx.get(f"{server.api_url}/health").json() == {"status": "ok"}
    error_of(httpx.get(f"{server.api_url}/snapshot"), 401, "unauthorized")
    error_of(httpx.get(f"{server.api_url}/snapshot",
                       headers={"Authorization": "Bearer nope"}), 401, "unauthorized")
    r = httpx.post(f"{server.api_url}/auth/login",
                   json={"username": "duty", "password": "wrong", "workstation": "w"})
    error_of(r, 401, "unauthorized")
    r = httpx.post(f"{server.api_url}/auth/login", json={"username": "duty", "password": "demo"})
    assert "workstation" in error_of(r, 422, "validation_failed")["message"]
    r = httpx.post(f"{server.api_url}/auth/login",
                   json={"username": "duty", "password": "demo", "workstation": "w"})
    body = r.json()
    assert body["operator"] == {"id": "duty", "name": "值班员 王磊", "roles": ["duty_officer"]}
    assert body["expires_at"].endswith("Z")
    for user, role in [("supervisor", "supervisor"), ("patrol", "video_patrol"),
                       ("leader", "leadership")]:
        r = httpx.post(f"{server.api_url}/auth/login",
                       json={"username": user, "password": "demo", "workstation": "w"})
        assert r.json()["operator"]["roles"] == [role]


def test_logout_ends_the_session(server):
    desk = Desk(server.api_url, "leader")
    assert desk.http.post("/auth/logout").status_code == 204
    error_of(desk.get("/snapshot"), 401, "unauthorized")


def test_error_bodies_for_routing(duty):
    err = error_of(duty.http.delete("/snapshot"), 405, "method_not_allowed")
    assert "DELETE" in err["message"]
    error_of(duty.get("/no/such/thing"), 404, "not_found")
    error_of(duty.get("/units/U999"), 404, "not_found")
    error_of(duty.get("/alarms/A999999"), 404, "not_found")
    error_of(duty.get("/cameras/nope"), 404, "not_found")


def test_snapshot(duty):
    snap = duty.get("/snapshot").json()
    assert snap["cursor"].rpartition("-")[2].isdigit()
    assert snap["server_time"].endswith("Z")
    assert snap["grids"]["type"] == "FeatureCollection"
    assert 120 <= len(snap["grids"]["features"]) <= 140
    for g in snap["grids"]["features"]:
        Grid.model_validate(g)
    assert len(snap["units"]) == 60 and len(snap["cameras"]) == 200
    for u in snap["units"]:
        Unit.model_validate(u)
    for c in snap["cameras"]:
        Camera.model_validate(c)
        assert c["streams"] == {"main": None, "sub": None}
    assert 30 <= len(snap["watchlist"]) <= 40
    for w in snap["watchlist"]:
        assert WatchlistEntry.model_validate(w).is_current() and w.get("photo_url") is None
    assert all(a["state"] != "closed" for a in snap["alarms"])


# --- commands -----------------------------------------------------------------------------------

def test_alarm_life_cycle(duty, desks):
    patrol, sup = desks["patrol"], desks["supervisor"]
    alarm = patrol.raise_alarm(title="视频发现打架", camera_ids=["C001"])
    Alarm.model_validate(alarm)
    assert alarm["state"] == "new" and alarm["version"] == 1 and alarm["grid_id"]
    assert alarm["source"] == {"type": "operator", "id": "patrol", "name": "视频巡查员 李娜"}
    aid = alarm["id"]
    r = duty.command(f"/alarms/{aid}/acknowledge", {"note": "收到"})
    assert r.status_code == 200 and r.json()["state"] == "acknowledged"
    assert r.json()["acknowledged_by"] == "duty" and r.json()["version"] == 2
    unit = free_unit(duty)
    r = duty.command(f"/alarms/{aid}/dispatch", {"unit_ids": [unit["id"]]})
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "dispatched" and r.json()["assigned_unit_ids"] == [unit["id"]]
    u = duty.get(f"/units/{unit['id']}").json()
    assert u["status"] == "dispatched" and u["alarm_id"] == aid
    assert u["version"] == unit["version"] + 1
    assert duty.command(f"/units/{unit['id']}/status", {"status": "en_route"}).status_code == 200
    assert duty.command(f"/units/{unit['id']}/status", {"status": "on_scene"}).status_code == 200
    assert duty.get(f"/alarms/{aid}").json()["state"] == "on_scene"
    r = duty.command(f"/alarms/{aid}/notes", {"text": "现场已控制"})
    assert r.json()["notes"][-1]["text"] == "现场已控制"
    assert r.json()["notes"][-1]["by"] == "值班员 王磊"
    # Another duty officer's alarm: only a supervisor may close it.
    error_of(desks["supervisor"].command(f"/alarms/{aid}/acknowledge"), 409, "invalid_transition")
    r = sup.command(f"/alarms/{aid}/close", {"disposition": "resolved", "note": "处置完毕"})
    assert r.status_code == 200 and r.json()["state"] == "closed"
    assert r.json()["disposition"] == "resolved" and r.json()["closed_at"]
    u = duty.get(f"/units/{unit['id']}").json()
    assert u["status"] == "available" and u["alarm_id"] is None
    assert aid not in {a["id"] for a in duty.get("/snapshot").json()["alarms"]}
    error_of(duty.command(f"/alarms/{aid}/close", {"disposition": "resolved"}), 409,
             "invalid_transition")


def test_invalid_transitions(duty):
    alarm = duty.raise_alarm()
    r = duty.command(f"/alarms/{alarm['id']}/dispatch", {"unit_ids": [free_unit(duty)["id"]]})
    err = error_of(r, 409, "invalid_transition")
    assert err["details"]["state"] == "new"
    unit = free_unit(duty)
    err = error_of(duty.command(f"/units/{unit['id']}/status", {"status": "on_scene"}), 409,
                   "invalid_transition")
    assert err["details"]["from"] == "available" and err["details"]["to"] == "on_scene"
    error_of(duty.command(f"/units/{unit['id']}/status", {"status": "dispatched"}), 409,
             "invalid_transition")


def test_watchlist_hit_needs_verification(duty):
    hit = duty.raise_alarm(kind="watchlist_hit", priority=2, title="布控比中")
    aid = hit["id"]
    duty.command(f"/alarms/{aid}/acknowledge")
    unit = free_unit(duty)
    err = error_of(duty.command(f"/alarms/{aid}/dispatch", {"unit_ids": [unit["id"]]}), 409,
                   "invalid_transition")
    assert "verified" in err["message"]
    r = duty.command(f"/alarms/{aid}/verify", {"match": True, "note": "人工确认"})
    assert r.status_code == 200 and r.json()["verified"] is True
    error_of(duty.command(f"/alarms/{aid}/verify", {"match": False, "note": ""}), 409,
             "invalid_transition")
    assert duty.command(f"/alarms/{aid}/dispatch", {"unit_ids": [unit["id"]]}).status_code == 200
    other = duty.raise_alarm(kind="watchlist_hit", priority=2, title="布控比中")
    r = duty.command(f"/alarms/{other['id']}/verify", {"match": False, "note": "非本人"})
    assert r.json()["state"] == "closed" and r.json()["disposition"] == "false_alarm"
    assert r.json()["verified"] is False
    error_of(duty.command(f"/alarms/{alarm_id_of(duty)}/verify", {"match": True}), 409,
             "invalid_transition")


def alarm_id_of(desk):
    return desk.raise_alarm(kind="fire", priority=1)["id"]


def test_role_refusals(duty, desks):
    patrol, leader = desks["patrol"], desks["leader"]
    alarm = duty.raise_alarm()
    duty.command(f"/alarms/{alarm['id']}/acknowledge")
    r = patrol.command(f"/alarms/{alarm['id']}/dispatch", {"unit_ids": [free_unit(duty)["id"]]})
    error_of(r, 403, "forbidden")
    error_of(patrol.command(f"/alarms/{alarm['id']}/close", {"disposition": "resolved"}), 403,
             "forbidden")
    error_of(leader.command("/alarms", {"kind": "call"}), 403, "forbidden")
    error_of(leader.command(f"/alarms/{alarm['id']}/notes", {"text": "x"}), 403, "forbidden")
    entry = duty.get("/snapshot").json()["watchlist"][0]["id"]
    error_of(leader.get(f"/watchlist/{entry}"), 403, "forbidden")
    error_of(patrol.get(f"/watchlist/{entry}"), 403, "forbidden")
    assert patrol.command(f"/alarms/{alarm['id']}/notes", {"text": "视频已跟踪"}).status_code == 200
    assert leader.get(f"/alarms/{alarm['id']}").status_code == 200


def test_supervisor_reassigns_duty_officer_may_not(duty, desks):
    sup = desks["supervisor"]
    first, second = duty.raise_alarm(), duty.raise_alarm()
    for a in (first, second):
        duty.command(f"/alarms/{a['id']}/acknowledge")
    unit = free_unit(duty)["id"]
    assert duty.command(f"/alarms/{first['id']}/dispatch", {"unit_ids": [unit]}).status_code == 200
    error_of(duty.command(f"/alarms/{second['id']}/dispatch", {"unit_ids": [unit]}), 403,
             "forbidden")
    r = sup.command(f"/alarms/{second['id']}/dispatch", {"unit_ids": [unit]})
    assert r.status_code == 200 and r.json()["assigned_unit_ids"] == [unit]
    assert unit not in duty.get(f"/alarms/{first['id']}").json()["assigned_unit_ids"]
    assert duty.get(f"/units/{unit}").json()["alarm_id"] == second["id"]


def test_ptz(duty, desks):
    cameras = duty.get("/snapshot").json()["cameras"]
    fixed = next(c for c in cameras if not c["ptz"])
    moving = next(c for c in cameras if c["ptz"])
    error_of(duty.command(f"/cameras/{fixed['id']}/ptz", {"pan": 0.5}), 501, "not_implemented")
    r = desks["patrol"].command(f"/cameras/{moving['id']}/ptz", {"pan": 0.5, "tilt": -1, "zoom": 0})
    assert r.status_code == 200 and r.json()["id"] == moving["id"]
    assert duty.command(f"/cameras/{moving['id']}/ptz", {"preset": 3}).status_code == 200
    error_of(duty.command(f"/cameras/{moving['id']}/ptz", {"pan": 2}), 422, "validation_failed")
    error_of(desks["leader"].command(f"/cameras/{moving['id']}/ptz", {"pan": 0}), 403,
             "forbidden")


def test_validation_names_the_field(duty):
    r = duty.command("/alarms", {"kind": "call", "priority": 9, "title": "x",
                                 "location": {"lat": 30.7, "lon": 120.7}})
    err = error_of(r, 422, "validation_failed")
    assert "priority" in err["message"] and err["details"]["field"] == "priority"
    r = duty.http.post("/alarms", content=b"{not json", headers={"Idempotency-Key": "k-bad"})
    error_of(r, 422, "validation_failed")
    r = duty.command("/alarms", {"kind": "call", "priority": 3, "title": "x",
                                 "location": {"lat": 30.7, "lon": 120.7}, "camera_ids": ["C999"]})
    assert error_of(r, 422, "validation_failed")["details"]["field"] == "camera_ids"


# --- idempotency ------------------------------------------------------------------------------

def count_alarms(desk, title):
    items = desk.get("/alarms", params={"limit": 500}).json()["items"]
    return sum(1 for a in items if a["title"] == title)


def test_idempotency(duty, desks):
    key = str(uuid.uuid4())
    body = {"kind": "call", "priority": 3, "title": "幂等测试", "location": {"lat": 30.7,
                                                                         "lon": 120.7}}
    first = duty.command("/alarms", body, key=key)
    again = duty.command("/alarms", body, key=key)
    assert first.status_code == again.status_code == 201
    assert first.content == again.content
    assert count_alarms(duty, "幂等测试") == 1
    error_of(duty.command("/alarms", {**body, "title": "别的"}, key=key), 422, "validation_failed")
    # Keys are per operator: another operator's same key is a new command.
    assert desks["patrol"].command("/alarms", body, key=key).status_code == 201
    assert count_alarms(duty, "幂等测试") == 2
    r = duty.http.post("/alarms", json=body)
    assert "Idempotency-Key" in error_of(r, 422, "validation_failed")["message"]
    aid = first.json()["id"]
    k2 = str(uuid.uuid4())
    ack = duty.command(f"/alarms/{aid}/acknowledge", {}, key=k2)
    assert ack.status_code == 200
    replay = duty.command(f"/alarms/{aid}/acknowledge", {}, key=k2)
    assert replay.status_code == 200 and replay.content == ack.content
    assert duty.get(f"/alarms/{aid}").json()["version"] == 2
    # A refusal is replayed as the same refusal.
    k3 = str(uuid.uuid4())
    no = duty.command(f"/alarms/{aid}/acknowledge", {}, key=k3)
    assert no.status_code == 409 and duty.command(f"/alarms/{aid}/acknowledge", {},
                                                  key=k3).content == no.content


# --- history, watchlist, media, audit, API document -------------------------------------------

def test_history_pages(duty):
    made = [duty.raise_alarm(title=f"翻页{i}")["id"] for i in range(5)]
    r = duty.get("/alarms", params={"limit": 2})
    page1 = r.json()
    assert [a["id"] for a in page1["items"]] == made[::-1][:2] and page1["next_page"]
    page2 = duty.get("/alarms", params={"limit": 2, "page": page1["next_page"]}).json()
    assert [a["id"] for a in page2["items"]] == made[::-1][2:4]
    closed = duty.get("/alarms", params={"state": "closed", "limit": 500}).json()["items"]
    assert closed and all(a["state"] == "closed" for a in closed)
    grid = duty.get(f"/alarms/{made[0]}").json()["grid_id"]
    assert all(a["grid_id"] == grid for a in
               duty.get("/alarms", params={"grid_id": grid}).json()["items"])
    assert duty.get("/alarms", params={"since": "2999-01-01T00:00:00Z"}).json() == {
        "items": [], "next_page": None}
    assert len(duty.get("/alarms", params={"until": "2000-01-01T00:00:00Z"}).json()["items"]) == 0
    error_of(duty.get("/alarms", params={"limit": 501}), 422, "validation_failed")
    error_of(duty.get("/alarms", params={"page": "garbage!"}), 422, "validation_failed")
    error_of(duty.get("/alarms", params={"state": "lost"}), 422, "validation_failed")


def test_watchlist_read_is_logged_and_has_photo(server, duty, desks):
    entry = duty.get("/snapshot").json()["watchlist"][1]["id"]
    r = desks["supervisor"].get(f"/watchlist/{entry}")
    assert r.status_code == 200
    photo = r.json()["photo_url"]
    assert photo == f"/api/v1/media/watchlist/{entry}.png"
    WatchlistEntry.model_validate(r.json())
    png = desks["supervisor"].http.get(server.url + photo)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert png.content == desks["supervisor"].http.get(server.url + photo).content
    error_of(duty.get("/media/watchlist/W999.png"), 404, "not_found")
    error_of(duty.get("/watchlist/W999"), 404, "not_found")
    with sqlite3.connect(f"file:{server.db}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT operator_id, workstation, entry_id FROM watchlist_access"
                          ).fetchall()
    assert ("supervisor", "test-ws", entry) in rows


def test_snapshot_media(server, duty):
    aid = duty.raise_alarm()["id"]
    r = duty.get(f"/media/snapshots/{aid}.png")
    assert r.status_code == 200 and r.content.startswith(b"\x89PNG")
    error_of(httpx.get(f"{server.api_url}/media/snapshots/{aid}.png"), 401, "unauthorized")


def test_audit(duty, desks):
    events = [{"id": f"ev-{uuid.uuid4()}", "at": "2026-05-01T08:00:00Z", "operator_id": "duty",
               "workstation": "test-ws", "action": "alarm.viewed", "object_type": "alarm",
               "object_id": "A000001", "details": {"n": i}} for i in range(3)]
    r = duty.command("/audit", {"events": events})
    assert r.status_code == 200 and r.json() == {"stored": 3}
    r = duty.command("/audit", {"events": events[:2]})  # resent under a new key: no duplicates
    assert r.json() == {"stored": 2}
    assert desks["leader"].command("/audit", {"events": []}).json() == {"stored": 0}
    error_of(duty.command("/audit", {"events": [{"id": "x"}]}), 422, "validation_failed")


def test_openapi_document(server):
    r = httpx.get(f"{server.api_url}/openapi.json")
    doc = r.json()
    assert doc["openapi"].startswith("3.1.")
    paths = set(doc["paths"])
    for p in ["/auth/login", "/auth/logout", "/snapshot", "/events", "/alarms", "/alarms/{id}",
              "/units/{id}", "/cameras/{id}", "/watchlist/{id}", "/media/{path}",
              "/alarms/{id}/acknowledge", "/alarms/{id}/verify", "/alarms/{id}/dispatch",
              "/alarms/{id}/notes", "/alarms/{id}/close", "/units/{id}/status",
              "/cameras/{id}/ptz", "/audit", "/health"]:
        assert p in paths, p
    schemas = doc["components"]["schemas"]
    for name in ["Alarm", "Unit", "Camera", "Grid", "WatchlistEntry", "AuditEvent", "ErrorBody"]:
        assert name in schemas
    text = r.text
    assert "<epoch>-<seq>" in doc["info"]["description"]
    assert "#/$defs" not in text  # every reference points into components
    for ref in {part.split('"')[0] for part in text.split('"$ref":"')[1:]}:
        assert ref.removeprefix("#/components/schemas/") in schemas, ref
    assert "post" in doc["paths"]["/alarms"] and "get" in doc["paths"]["/alarms"]


def test_concurrent_duplicates_apply_once(duty):
    from concurrent.futures import ThreadPoolExecutor
    key = str(uuid.uuid4())
    body = {"kind": "panic", "priority": 1, "title": "并发幂等",
            "location": {"lat": 30.7, "lon": 120.7}}
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: duty.command("/alarms", body, key=key), range(8)))
    assert {a.status_code for a in answers} == {201}
    assert len({a.content for a in answers}) == 1
    assert count_alarms(duty, "并发幂等") == 1
