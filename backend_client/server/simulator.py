"""The scenario simulator: a seeded county that lives — alarms come in (Poisson, or floods),
an automated "other desk" handles old ones, units report status and drive, cameras drop out,
watchlist entries expire, and the hall gets the odd notice.

Deterministic for a seed and a sequence of steps: step ``k`` draws from its own
``random.Random``, and every decision uses simulated time (steps × tick), never the clock;
timestamps are still real UTC now. Each step is one store commit.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable

from backend_client.schemas import (
    Acknowledge,
    Alarm,
    AlarmLocation,
    AlarmSource,
    Close,
    Dispatch,
    Grid,
    SetUnitStatus,
    Unit,
    UnitMoved,
    Verify,
    utcnow,
)

from . import commands, geo, scenario
from .commands import Actor
from .config import ServerConfig
from .hall import Hall
from .problems import Problem

log = logging.getLogger(__name__)

OTHER_DESK = Actor("desk-2", "值班员 (二号台)", ("duty_officer",))
SHIFT_LEAD = Actor("desk-lead", "值班长 (自动)", ("supervisor",))
SPEED = {"patrol_car": 9, "foot": 1.3, "motorcycle": 8, "traffic": 9, "special": 10,
         "ambulance": 10, "fire": 9}  # metres per second when patrolling
EN_ROUTE_FACTOR = 3.5               # blue lights (and a demo that does not wait ten minutes)
DISPATCH_RADIUS_M = 8_000
BURSTS = (2.0, 1.5, 0.5, 0.0)        # flood rate factor per simulated second, mean 1


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:  # normal approximation: Knuth's loop would underflow exp(-lam)
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class Simulator:
    def __init__(self, hall: Hall, config: ServerConfig) -> None:
        self.hall = hall
        self.config = config
        self.tick = config.tick
        self.shapes = {s.id: s for s in hall.shapes}
        self.targets: dict[str, tuple[float, float]] = {}  # unit id → (lon, lat) heading to
        self.seen: dict[str, int] = {}                      # alarm id → step first seen
        self.step_no = int(hall.store.get_meta("sim_step") or 0)
        self.open_cap = 1500 if config.flood else 200
        self._camera_pools: dict[str, list] = {}

    def build_world_if_empty(self, load_grids: Callable[[], list[Grid]]) -> None:
        """At the first start of an empty database: grids, units, cameras, watchlist. A
        restarted server continues its world (the grids file is not even read)."""
        if self.hall.built:
            return
        grids = load_grids()
        if not grids:
            raise ValueError("the grids file holds no usable grid")
        with self.hall.changes():
            for grid in grids:
                self.hall.put_grid(grid, event=None)
            self.hall.shapes = [geo.GridShape.of(g) for g in self.hall.grids.values()]
            scenario.build_world(self.hall, random.Random(self.config.seed))
        self.shapes = {s.id: s for s in self.hall.shapes}

    def step(self) -> None:
        """Advance the county by one tick, in one commit."""
        self.step_no += 1
        rng = random.Random(self.config.seed * 1_000_003 + self.step_no)
        with self.hall.changes():
            self._expire_watchlist(rng)
            self._new_alarms(rng)
            self._other_desk(rng)
            self._units_report(rng)
            self._move_units()
            self._cameras(rng)
            if rng.random() < self.tick / 300:
                self.hall.notice(*rng.choice(scenario.NOTICES))
            self.hall.store.set_meta("sim_step", str(self.step_no))

    def age(self, alarm: Alarm) -> float:
        return (self.step_no - self.seen.setdefault(alarm.id, self.step_no)) * self.tick

    # --- alarms --------------------------------------------------------------------------------

    def _new_alarms(self, rng: random.Random) -> None:
        rate = self.config.alarm_rate
        if self.config.flood:
            rate = self.config.flood * BURSTS[int(self.step_no * self.tick) % len(BURSTS)]
        for _ in range(poisson(rng, rate * self.tick)):
            self.hall.add_alarm(self.make_alarm(rng))

    def make_alarm(self, rng: random.Random) -> Alarm:
        kinds = scenario.ALARM_KINDS
        kind = rng.choices(list(kinds), [v[0] for v in kinds.values()])[0]
        if kind == "watchlist_hit" and not self.hall.watchlist:
            kind = "other"
        _, priorities, source_type, titles, texts = kinds[kind]
        grid_id = rng.choice(list(self.shapes))
        lon, lat = self.shapes[grid_id].random_point(rng)
        addr = scenario.address(rng)
        cameras = self.nearest_cameras(lat, lon, rng.randint(1, 3), grid_id)
        now = utcnow()
        alarm_id = self.hall.next_alarm_id()
        title, text = rng.choice(titles), rng.choice(texts).format(addr=addr)
        source = AlarmSource(type=source_type)
        if source_type == "camera" and cameras:
            cam = self.hall.cameras[cameras[0]]
            source = AlarmSource(type="camera", id=cam.id, name=cam.name)
        elif source_type == "call":
            source = AlarmSource(type="call", id=f"110-{alarm_id}", name="110接警台")
        elif source_type == "sensor":
            source = AlarmSource(type="sensor", id=f"S{rng.randint(1, 999):03d}", name="报警主机")
        extra: dict = {}
        if kind == "watchlist_hit":
            entry = self.hall.watchlist[rng.choice(sorted(self.hall.watchlist))]
            conf = round(rng.uniform(0.62, 0.99), 2)
            title = f"布控比中：{entry.name}"
            text = f"{text}，相似度{conf:.0%}"
            extra = {"watchlist_id": entry.id, "match_confidence": conf,
                     "snapshot_url": f"/api/v1/media/snapshots/{alarm_id}.png", "verified": None}
        return Alarm(id=alarm_id, version=1, kind=kind, priority=rng.choice(priorities),
                     title=title, description=text, source=source,
                     location=AlarmLocation(lat=round(lat, 6), lon=round(lon, 6), address=addr),
                     grid_id=grid_id, camera_ids=cameras, state="new", created_at=now,
                     updated_at=now, **extra)

    def nearest_cameras(self, lat: float, lon: float, count: int,
                        grid_id: str | None = None) -> list[str]:
        """The ``count`` cameras nearest the point; with a grid, only among the cameras nearest
        that grid's centre (a flood raises hundreds of alarms a second)."""
        pool = self._near_grid(grid_id) if grid_id else list(self.hall.cameras.values())
        pool = sorted(pool, key=lambda c: geo.distance_m(lat, lon, c.location.lat,
                                                         c.location.lon))
        return [c.id for c in pool[:count]]

    def _near_grid(self, grid_id: str) -> list:
        if grid_id not in self._camera_pools:
            lon, lat = geo.centroid(self.shapes[grid_id].polys)
            self._camera_pools[grid_id] = sorted(
                self.hall.cameras.values(),
                key=lambda c: geo.distance_m(lat, lon, c.location.lat, c.location.lon))[:15]
        return [self.hall.cameras[c.id] for c in self._camera_pools[grid_id]]

    def _other_desk(self, rng: random.Random) -> None:
        """An automated colleague at another desk: acknowledges, verifies, dispatches and
        closes older alarms (never ones a person has taken), so the open set stays bounded."""
        t = self.tick
        for alarm in list(self.hall.alarms.values()):
            age = self.age(alarm)
            mine = alarm.acknowledged_by in (None, OTHER_DESK.id)
            try:
                if alarm.state == "new" and age > 40 and rng.random() < t / 60:
                    if alarm.kind == "watchlist_hit":
                        commands.verify(self.hall, OTHER_DESK, alarm.id,
                                        Verify(match=rng.random() < 0.6, note="人工比对"))
                    else:
                        commands.acknowledge(self.hall, OTHER_DESK, alarm.id, Acknowledge())
                elif (mine and alarm.state == "acknowledged" and age > 60
                      and rng.random() < t / 30):
                    # Minor alarms are often settled by a call back; others get a unit.
                    if alarm.priority >= 3 and rng.random() < 0.5:
                        self._close(alarm, rng, "电话回访，已解决")
                    elif not self._dispatch_nearest(alarm) and age > 300:
                        self._close(alarm, rng, "无警力可派，已转辖区派出所")
                elif mine and alarm.state == "on_scene" and rng.random() < t / 90:
                    self._close(alarm, rng, "已处置完毕")
            except Problem as e:  # the rules said no: the desk leaves it, as a person would
                log.debug("other desk skipped %s: %s", alarm.id, e)
        surplus = len(self.hall.alarms) - self.open_cap
        for alarm in list(self.hall.alarms.values())[:max(0, surplus)]:
            commands.close(self.hall, SHIFT_LEAD, alarm.id,
                           Close(disposition="transferred", note="警情过多，转交分局处置"))

    def _close(self, alarm: Alarm, rng: random.Random, note: str) -> None:
        disposition = rng.choices(["resolved", "false_alarm", "duplicate"], [8, 2, 1])[0]
        commands.close(self.hall, OTHER_DESK, alarm.id, Close(disposition=disposition, note=note))

    def _dispatch_nearest(self, alarm: Alarm) -> bool:
        want = {"fire": "fire", "traffic": "traffic"}.get(alarm.kind)
        free = [u for u in self.hall.units.values() if u.status == "available" and u.position
                and geo.distance_m(alarm.location.lat, alarm.location.lon, u.position.lat,
                                   u.position.lon) < DISPATCH_RADIUS_M]
        if not free:
            return False
        preferred = [u for u in free if u.kind == want] or free
        unit = min(preferred, key=lambda u: geo.distance_m(
            alarm.location.lat, alarm.location.lon, u.position.lat, u.position.lon))  # type: ignore[union-attr]
        commands.dispatch(self.hall, OTHER_DESK, alarm.id,
                          Dispatch(unit_ids=[unit.id], note=f"派{unit.callsign}前往"))
        return True

    # --- units ---------------------------------------------------------------------------------

    def _units_report(self, rng: random.Random) -> None:
        """Units report their own status by radio: on their way, arrived, done, busy, back."""
        t = self.tick
        for unit in list(self.hall.units.values()):
            new = None
            if unit.status == "dispatched" and rng.random() < 0.5:
                new = "en_route"
            elif unit.status == "on_scene" and unit.alarm_id not in self.hall.alarms:
                new = "available"
            elif unit.status == "on_scene" and rng.random() < t / 1800:
                new = "available"  # a person's alarm left open: the unit clears after a while
            elif unit.status == "available":
                roll = rng.random()
                new = ("busy" if roll < t / 600 else "out_of_service" if roll < t / 500
                       else "off_duty" if roll < t / 450 else None)
            elif unit.status in ("busy", "out_of_service", "off_duty") and rng.random() < t / 120:
                new = "available"
            if new:
                commands.set_unit_status(self.hall, None, unit.id, SetUnitStatus(status=new))

    def _move_units(self) -> None:
        now = utcnow()
        for unit in list(self.hall.units.values()):
            if unit.position is None or unit.status not in ("available", "en_route"):
                continue
            target = self._target(unit)
            pos = unit.position
            dist = geo.distance_m(pos.lat, pos.lon, target[1], target[0])
            speed = SPEED[unit.kind] * (EN_ROUTE_FACTOR if unit.status == "en_route" else 1.0)
            step = speed * self.tick
            if dist <= step:
                lon, lat = target
                self.targets.pop(unit.id, None)
            else:
                f = step / dist
                lon, lat = pos.lon + (target[0] - pos.lon) * f, pos.lat + (target[1] - pos.lat) * f
            heading = round(geo.bearing_deg(pos.lat, pos.lon, lat, lon), 1)
            unit = self.hall.move_unit(unit, UnitMoved(
                id=unit.id, lat=round(lat, 6), lon=round(lon, 6), heading=heading,
                speed=float(speed), at=now))
            if unit.status == "en_route" and dist <= step:
                commands.set_unit_status(self.hall, None, unit.id,
                                         SetUnitStatus(status="on_scene"))

    def _target(self, unit: Unit) -> tuple[float, float]:
        alarm = self.hall.alarms.get(unit.alarm_id) if unit.alarm_id else None
        if unit.status == "en_route" and alarm is not None:
            return alarm.location.lon, alarm.location.lat
        if unit.id not in self.targets:
            shape = self.shapes.get(unit.home_grid_id or "") or next(iter(self.shapes.values()))
            rng = random.Random(f"{self.config.seed}-{unit.id}-{self.step_no}")
            self.targets[unit.id] = shape.random_point(rng)
        return self.targets[unit.id]

    # --- cameras and watchlist -----------------------------------------------------------------

    def _cameras(self, rng: random.Random) -> None:
        if rng.random() >= self.tick / 45 or not self.hall.cameras:
            return
        camera = self.hall.cameras[rng.choice(sorted(self.hall.cameras))]
        status = "offline" if camera.status == "online" else "online"
        self.hall.put_camera(camera.model_copy(update={"status": status,
                                                       "version": camera.version + 1}))

    def _expire_watchlist(self, rng: random.Random) -> None:
        now = utcnow()
        for entry in list(self.hall.watchlist.values()):
            if not entry.is_current(now):
                self.hall.remove_watchlist(entry.id, "expired")
        if len(self.hall.watchlist) < 36 and rng.random() < self.tick / 120:
            n = self.hall.store.next_counter("watchlist") + 100
            self.hall.put_watchlist(scenario.make_watchlist_entry(rng, n, now))
