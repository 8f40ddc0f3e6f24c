"""What the simulated county holds: the units, cameras and watchlist built at the first start of
an empty database, and the wording of new alarms. All drawn from a seeded ``random.Random``.

Nothing here records ethnicity, religion, politics or health: descriptions are height, build,
clothing and marks; legal bases are warrants, orders and report numbers.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from backend_client.schemas import (
    Camera,
    CameraLocation,
    Grid,
    Position,
    Unit,
    VehicleInfo,
    WatchlistEntry,
    utcnow,
)

from .geo import GridShape
from .hall import Hall

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁"
            "谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂"
         "英华建国文斌宇浩凯鹏辉健俊峰海波宁晨欣怡婷雪琳")
ROADS = ["解放路", "中山路", "人民路", "建国路", "勤俭路", "禾兴路", "南湖大道", "中环东路",
         "中环西路", "城南路", "越秀路", "秀洲大道", "洪兴路", "新兴路", "长水路", "纺工路",
         "环城北路", "环城南路", "凌公塘路", "槜李路", "由拳路", "东升路", "庆丰路", "广益路"]
ESTATES = ["梅园小区", "清河小区", "紫阳花苑", "东栅新村", "南湖名都", "月河人家", "嘉禾花园",
           "秀水新区", "湖畔景苑", "文昌苑", "锦绣江南", "亚太广场", "万达广场", "火车站南广场"]
UNIT_KINDS = [("patrol_car", "巡", 28, 2), ("foot", "步", 10, 2), ("motorcycle", "摩", 8, 1),
              ("traffic", "交", 6, 1), ("special", "特", 4, 4), ("ambulance", "救", 2, 3),
              ("fire", "消", 2, 4)]
# (category, legal basis, issued by, handling)
WATCHLIST_KINDS = [
    ("wanted", "刑事拘留证 (2026)嘉公刑拘字第{n:04d}号", "禾城县公安局刑侦大队",
     "发现后立即报告指挥中心，不得单独盘查，等待支援后依法控制。"),
    ("missing", "失踪人员报案回执 禾公(南)受案字〔2026〕{n:04d}号", "禾城县公安局南湖派出所",
     "发现后稳住当事人，注意安全，立即联系家属并报告指挥中心。"),
    ("bolo", "协查通报 禾公协字〔2026〕第{n}号", "禾城县公安局指挥中心",
     "发现后记录行踪及车辆去向，报告指挥中心，不得惊动。"),
    ("protection_order", "人身安全保护令 (2026)浙0402民保令{n}号", "禾城县人民法院",
     "发现其接近受保护人住所200米以内的，立即出警制止并报告。"),
    ("event_ban", "行政处罚决定书 禾公(治)行罚决字〔2026〕{n:04d}号", "禾城县公安局治安大队",
     "在体育场馆及周边发现的，劝离并报告指挥中心。"),
]
LOOKS = ["身高约175厘米，偏瘦，短发，常穿深色夹克", "身高约160厘米，中等身材，长发，戴眼镜",
         "身高约180厘米，体型较胖，左手背有疤痕", "身高约168厘米，平头，常背黑色双肩包",
         "身高约155厘米，偏瘦，走路略跛，常穿红色外套", "身高约172厘米，右臂有龙形纹身",
         "身高约165厘米，圆脸，常戴棒球帽"]
CARS = ["白色大众朗逸", "黑色丰田凯美瑞", "银色本田雅阁", "红色电动自行车", "灰色五菱宏光"]


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def address(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return f"{rng.choice(ROADS)}{rng.randint(1, 999)}号"
    if roll < 0.8:
        return f"{rng.choice(ESTATES)}{rng.randint(1, 30)}幢"
    a, b = rng.sample(ROADS, 2)
    return f"{a}与{b}交叉口"


def build_world(hall: Hall, rng: random.Random) -> None:
    """Fill an empty hall: grids are already there; add units, cameras and the watchlist."""
    now = utcnow()
    shapes = {s.id: s for s in hall.shapes}
    grid_ids = list(shapes)
    duty: dict[str, list[str]] = {g: [] for g in grid_ids}
    n = 0
    for kind, prefix, count, crew in UNIT_KINDS:
        for k in range(count):
            n += 1
            home = rng.choice(grid_ids)
            lon, lat = shapes[home].random_point(rng)
            status = rng.choices(["available", "busy", "out_of_service", "off_duty"],
                                 [50, 4, 2, 4])[0]
            unit = Unit(id=f"U{n:03d}", version=1, callsign=f"{prefix}{11 + k}", kind=kind,
                        status=status, status_since=now, home_grid_id=home,
                        position=Position(lat=round(lat, 6), lon=round(lon, 6), heading=0.0,
                                          speed=0.0, at=now),
                        members=[person_name(rng) for _ in range(max(1, crew - rng.randint(0, 1)))],
                        radio_channel=f"CH-{(n % 8) + 1:02d}")
            hall.put_unit(unit, event=None)
            duty[home].append(unit.id)
    for grid in list(hall.grids.values()):
        if duty[grid.id]:
            props = grid.properties.model_copy(update={"duty_unit_ids": duty[grid.id]})
            hall.put_grid(grid.model_copy(update={"properties": props}), event=None)
    for c in range(1, 201):
        hall.put_camera(make_camera(rng, c, hall.grids, shapes), event=None)
    for w in range(1, 41):
        # Three entries run out within minutes, so a demo shows an expiry.
        ttl = timedelta(minutes=(4, 9, 15)[w - 1]) if w <= 3 else None
        hall.put_watchlist(make_watchlist_entry(rng, w, now, ttl), event=None)
    hall.store.set_meta("world_built", "1")


def make_camera(rng: random.Random, n: int, grids: dict[str, Grid],
                shapes: dict[str, GridShape]) -> Camera:
    grid_id = rng.choice(list(shapes))
    lon, lat = shapes[grid_id].random_point(rng)
    roll = rng.random()
    if roll < 0.55:
        a, b = rng.sample(ROADS, 2)
        name, group = f"{a}与{b}路口", "路口"
    elif roll < 0.85:
        name = f"{rng.choice(ESTATES)}{rng.choice(['东门', '西门', '南门', '北门', '停车场'])}"
        group = "小区"
    else:
        name = f"{rng.choice(ROADS)}{rng.choice(['小学', '中学', '菜市场', '医院'])}门口"
        group = "重点部位"
    return Camera(id=f"C{n:03d}", version=1, name=name,
                  location=CameraLocation(lat=round(lat, 6), lon=round(lon, 6)), grid_id=grid_id,
                  ptz=rng.random() < 0.3,
                  status="offline" if rng.random() < 0.04 else "online",
                  groups=[grids[grid_id].properties.station or "", group])


def make_watchlist_entry(rng: random.Random, n: int, now: datetime,
                         ttl: timedelta | None = None) -> WatchlistEntry:
    category, basis, issuer, handling = rng.choice(WATCHLIST_KINDS)
    if ttl is None:
        ttl = timedelta(hours=rng.choice([2, 6, 12, 24, 72, 24 * 14, 24 * 60, 24 * 180]))
    name = person_name(rng)
    vehicle = None
    if rng.random() < 0.3:
        plate = "浙F·" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
                                 for _ in range(5))
        vehicle = VehicleInfo(plate=plate, description=rng.choice(CARS))
    return WatchlistEntry(
        id=f"W{n:03d}", version=1, category=category, name=name,
        aliases=[person_name(rng)] if rng.random() < 0.25 else [],
        sex=rng.choice(["m", "m", "f"]), birth_year=rng.randint(1958, 2008),
        description=rng.choice(LOOKS), vehicle=vehicle,
        legal_basis=basis.format(n=rng.randint(1, 2000)), issued_by=issuer,
        valid_until=now + ttl, handling=handling, created_at=now, updated_at=now)


# --- alarm wording ----------------------------------------------------------------------------

# kind: (weight, priorities, source type, titles, descriptions with {addr})
ALARM_KINDS = {
    "call": (30, (2, 3, 3, 4), "call", ["110接警：纠纷", "110接警：求助", "110接警：噪音扰民"],
             ["群众来电称{addr}有人发生口角并推搡", "群众来电称{addr}有老人走失",
              "群众来电反映{addr}深夜持续噪音"]),
    "traffic": (15, (2, 3, 3), "call", ["交通事故", "道路拥堵", "车辆违停"],
                ["{addr}两车追尾，无人员受伤，占用一条车道", "{addr}车辆排队超过500米",
                 "{addr}货车违停堵塞消防通道"]),
    "video_analytics": (12, (3, 3, 4), "camera", ["视频分析：人员聚集", "视频分析：物品遗留",
                                                  "视频分析：区域入侵"],
                        ["摄像机检测到{addr}人员异常聚集", "摄像机检测到{addr}有遗留包裹超过10分钟",
                         "摄像机检测到{addr}有人进入禁入区域"]),
    "intrusion": (10, (2, 3), "sensor", ["周界入侵报警", "门磁报警"],
                  ["{addr}仓库红外对射报警，疑似有人翻越围墙", "{addr}商铺夜间门磁报警"]),
    "equipment_fault": (8, (4,), "system", ["设备故障：视频丢失", "设备故障：报警主机离线"],
                        ["{addr}摄像机视频信号丢失", "{addr}报警主机心跳中断"]),
    "panic": (5, (1, 2), "sensor", ["一键报警"], ["{addr}商铺一键报警按钮触发，店主未接回拨电话"]),
    "fire": (5, (1, 2), "sensor", ["火情报警", "烟感报警"],
             ["{addr}附近有浓烟，群众报称闻到焦味", "{addr}烟感探测器报警"]),
    "other": (10, (3, 4), "system", ["其他警情"], ["{addr}群众求助，需民警到场核实"]),
    "watchlist_hit": (5, (2,), "camera", ["布控比中"], ["人脸比对在{addr}比中布控对象"]),
}
NOTICES = [("info", "19:00 交接班，请各席位做好交接记录。", None),
           ("warning", "气象台发布暴雨黄色预警，请注意低洼路段积水警情。", None),
           ("info", "今晚体育中心有大型活动，周边警力已加强。", None),
           ("warning", "城南派出所辖区视频专网中断，已通知运维。", None),
           # Notices that set the hall-wide alert level (CONTRACT-NOTES.md, "Alert level").
           ("warning", "体育中心活动开始，全县勤务等级提升为三级（加强）。", "elevated"),
           ("critical", "全县启动二级勤务，请各单位按预案到位。", "high"),
           ("info", "活动结束，全县勤务等级恢复正常。", "normal")]
