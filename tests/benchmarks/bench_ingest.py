"""Event ingest: events per second from SSE text to committed cache rows and emitted change sets.

Runs the real pipeline — ``SseReader`` (SSE decoding), ``EventParser`` (pydantic validation),
``SyncEngine`` batching, the ``VersionLedger`` and ``LocalCache.apply`` on the one writer thread
(SQLite, WAL) — over a realistic mix of events, as the reference server would send them in a
flood: mostly unit moves and alarm updates. The HTTP socket is left out: it is the server's
speed, not ours.

Baseline, measured in the same run: a plain ``executemany`` of the same rows (id, version,
JSON) into one SQLite table with the same pragmas — the floor of the storage itself.

Usage: .venv/bin/python tests/benchmarks/bench_ingest.py [--events N]
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from backend_client.api import CentralApi  # noqa: E402
from backend_client.cache import LocalCache  # noqa: E402
from backend_client.changes import ChangeSet  # noqa: E402
from backend_client.events import SseReader  # noqa: E402
from backend_client.sync import SyncEngine  # noqa: E402
from backend_client.writer import DiskWriter  # noqa: E402

GOAL = 20_000
T0 = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def iso(t: datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


def make_events(n: int, seed: int = 7) -> list[tuple[str, str, dict]]:
    """A flood's mix: 55 % unit moves, 30 % alarm created/updated, 10 % unit updates,
    3 % camera updates, 2 % watchlist/notice."""
    rng = random.Random(seed)
    alarms: dict[str, int] = {}
    units = {f"U{i:03d}": 0 for i in range(60)}
    cameras = {f"C{i:03d}": 0 for i in range(200)}
    out = []
    t = T0
    for _ in range(n):
        t += timedelta(milliseconds=3)
        r = rng.random()
        if r < 0.55:
            uid = rng.choice(list(units))
            out.append(("unit.moved", uid, {"id": uid, "lat": 30.7 + rng.random() / 10,
                                            "lon": 120.7 + rng.random() / 10,
                                            "heading": rng.uniform(0, 360),
                                            "speed": rng.uniform(0, 20), "at": iso(t)}))
        elif r < 0.85:
            if not alarms or rng.random() < 0.4:
                aid = f"A{len(alarms):06d}"
                alarms[aid] = 1
                etype = "alarm.created"
            else:
                aid = rng.choice(list(alarms)[-500:])
                alarms[aid] += 1
                etype = "alarm.updated"
            v = alarms[aid]
            out.append((etype, aid, {
                "id": aid, "version": v, "kind": rng.choice(["intrusion", "fire", "call",
                                                             "traffic", "panic"]),
                "priority": rng.randint(1, 4), "title": "南湖路与中山路口 交通事故",
                "description": "两车相撞，有人受伤，占用两条车道。报警人在现场。",
                "source": {"type": "call", "id": "110-" + aid, "name": "110 接警"},
                "location": {"lat": 30.75, "lon": 120.75, "address": "嘉兴市南湖区中山路 188 号"},
                "grid_id": f"G{rng.randint(1, 130):03d}", "camera_ids": ["C001", "C017"],
                "state": "new" if v == 1 else "acknowledged", "disposition": None,
                "created_at": iso(T0), "updated_at": iso(t),
                "acknowledged_at": None if v == 1 else iso(t), "acknowledged_by": None
                if v == 1 else "duty", "closed_at": None, "assigned_unit_ids": [],
                "notes": [{"at": iso(t), "by": "duty", "text": "已通知交警"}] if v > 2 else [],
                "watchlist_id": None, "match_confidence": None, "snapshot_url": None,
                "verified": None}))
        elif r < 0.95:
            uid = rng.choice(list(units))
            units[uid] += 1
            out.append(("unit.updated", uid, {
                "id": uid, "version": units[uid], "callsign": "巡" + uid[1:],
                "kind": "patrol_car", "status": rng.choice(["available", "en_route", "busy"]),
                "status_since": iso(t), "alarm_id": None, "home_grid_id": "G001",
                "position": {"lat": 30.75, "lon": 120.75, "heading": 0, "speed": 0,
                             "at": iso(t - timedelta(seconds=1))},
                "members": ["张伟", "李强"], "radio_channel": "TG-3"}))
        elif r < 0.98:
            cid = rng.choice(list(cameras))
            cameras[cid] += 1
            out.append(("camera.updated", cid, {
                "id": cid, "version": cameras[cid], "name": "中山路口 " + cid,
                "location": {"lat": 30.75, "lon": 120.75}, "grid_id": "G001",
                "streams": {"main": None, "sub": None}, "ptz": False,
                "status": rng.choice(["online", "offline"]), "groups": ["主干道"]}))
        else:
            out.append(("notice", "", {"level": "info", "text": "交通管制 18:00 起",
                                        "at": iso(t)}))
    return out


def sse_chunks(events: list[tuple[str, str, dict]], chunk_size: int = 65536) -> list[str]:
    text = "".join(f"id: e1-{i}\nevent: {t}\ndata: {json.dumps(d, ensure_ascii=False)}\n\n"
                   for i, (t, _, d) in enumerate(events, 1))
    return [text[i:i + chunk_size] for i in range(0, len(text), chunk_size)]


async def ingest(chunks: list[str], folder: Path) -> tuple[float, int, int]:
    writer = DiskWriter()
    cache = await writer.run(LocalCache, folder / "cache.sqlite")
    api = CentralApi("http://127.0.0.1:9")  # never called: the stream is fed directly
    engine = SyncEngine(api, cache, writer)
    change_sets: list[ChangeSet] = []
    engine.on_change(change_sets.append)
    flusher = asyncio.get_running_loop().create_task(engine._flush_loop())
    reader = SseReader(engine.parser, engine._receive)
    t0 = time.perf_counter()
    for chunk in chunks:
        reader.feed(chunk)
        await asyncio.sleep(0)  # as between socket reads: lets the batcher run
    await engine._flush()  # the tail of the stream
    elapsed = time.perf_counter() - t0
    flusher.cancel()
    applied = engine.events_applied
    rows = sum(cache.count(k) for k in ("alarm", "unit", "camera"))
    assert cache.cursor() == f"e1-{applied}", cache.cursor()
    await api.aclose()
    await writer.run(cache.close)
    writer.close()
    return elapsed, len(change_sets), rows


def baseline(events: list[tuple[str, str, dict]], folder: Path) -> float:
    db = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE rows (id TEXT PRIMARY KEY, version INTEGER, data TEXT)")
    rows = [(f"{t}:{oid}:{i}", d.get("version", 0), json.dumps(d, ensure_ascii=False))
            for i, (t, oid, d) in enumerate(events)]
    t0 = time.perf_counter()
    for i in range(0, len(rows), 500):
        db.execute("BEGIN")
        db.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?, ?)", rows[i:i + 500])
        db.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    db.close()
    return len(rows) / elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    args = ap.parse_args()
    events = make_events(args.events)
    chunks = sse_chunks(events)
    with tempfile.TemporaryDirectory(prefix="ccw-bench-") as tmp:
        folder = Path(tmp)
        base = baseline(events, folder)
        elapsed, n_changes, rows = asyncio.run(ingest(chunks, folder))
    eps = len(events) / elapsed
    result = {
        "benchmark": "ingest",
        "events": len(events),
        "seconds": round(elapsed, 3),
        "events_per_s": round(eps),
        "change_sets": n_changes,
        "cache_rows": rows,
        "goal_events_per_s": GOAL,
        "meets_goal": eps >= GOAL,
        "baseline": "sqlite executemany of the same rows, 500 per transaction",
        "baseline_rows_per_s": round(base),
        "ratio_to_baseline": round(eps / base, 3),
    }
    print(f"ingest: {eps:,.0f} events/s ({n_changes} change sets); "
          f"baseline executemany {base:,.0f} rows/s", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
