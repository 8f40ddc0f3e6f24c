"""Generate the default county's patrol grids (``resources/geo/county-grids.geojson``).

Run once: ``python -m backend_client.server.make_county OUT``. The output is committed; the
product reads the file, never this script. Deterministic: a jittered lattice of cells sharing
vertices (each edge bent at a shared, jittered midpoint so borders look drawn, not ruled), kept
where the cell centre falls inside an irregular, blob-shaped county outline.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

CENTRE = (120.75, 30.75)           # lon, lat
COLS, ROWS = 15, 13
STEP_LON, STEP_LAT = 0.03, 0.026   # about 2.9 km each way
WANTED = (126, 134)

PLACES = ["新丰", "凤桥", "余新", "大桥", "七星", "东栅", "建设", "解放", "新兴", "城南", "长水",
          "塘汇", "嘉北", "秀城", "洪合", "油车港", "高照", "王店", "王江泾", "新塍", "濮院",
          "洲泉", "曹桥", "新仓", "大云", "西塘", "姚庄", "陶庄", "天凝", "干窑", "罗星", "惠民",
          "魏塘", "通元", "斜桥", "许村", "长安", "周圩", "石臼", "竹林", "南堰", "北郊", "凌塘"]
NUMERALS = "一二三四五六七八九十"
STATIONS = ["城东派出所", "城南派出所", "城西派出所", "城北派出所", "湖滨派出所", "新区派出所",
            "开发区派出所", "高铁站派出所"]


def _outline(rng: random.Random) -> list[tuple[float, float]]:
    """Radius factors of an irregular blob: a few random harmonics around 1."""
    return [(rng.uniform(0.06, 0.16), rng.uniform(0, 2 * math.pi)) for _ in range(2, 7)]


def _inside(lon: float, lat: float, radius: float, harmonics: list[tuple[float, float]]) -> bool:
    dx = (lon - CENTRE[0]) / STEP_LON
    dy = (lat - CENTRE[1]) / STEP_LAT
    angle = math.atan2(dy, dx)
    r = radius * (1 + sum(a * math.cos((k + 2) * angle + ph)
                          for k, (a, ph) in enumerate(harmonics)))
    return math.hypot(dx, dy) <= r


def build(seed: int = 2026) -> dict:
    rng = random.Random(seed)
    lon0 = CENTRE[0] - COLS / 2 * STEP_LON
    lat0 = CENTRE[1] - ROWS / 2 * STEP_LAT
    vertex = {(i, j): (lon0 + (i + rng.uniform(-0.28, 0.28)) * STEP_LON,
                       lat0 + (j + rng.uniform(-0.28, 0.28)) * STEP_LAT)
              for i in range(COLS + 1) for j in range(ROWS + 1)}
    bends: dict[tuple, tuple[float, float]] = {}

    def bend(a: tuple[int, int], b: tuple[int, int]) -> tuple[float, float]:
        key = (min(a, b), max(a, b))
        if key not in bends:
            (x1, y1), (x2, y2) = vertex[key[0]], vertex[key[1]]
            t = rng.uniform(0.35, 0.65)
            bends[key] = (x1 + (x2 - x1) * t + rng.uniform(-0.12, 0.12) * STEP_LON,
                          y1 + (y2 - y1) * t + rng.uniform(-0.12, 0.12) * STEP_LAT)
        return bends[key]

    harmonics = _outline(rng)
    radius = 6.5
    for _ in range(60):
        cells = [(i, j) for j in range(ROWS) for i in range(COLS)
                 if _inside(lon0 + (i + 0.5) * STEP_LON, lat0 + (j + 0.5) * STEP_LAT,
                            radius, harmonics)]
        if WANTED[0] <= len(cells) <= WANTED[1]:
            break
        radius *= 1.02 if len(cells) < WANTED[0] else 0.985
    features = []
    place_count: dict[str, int] = {}
    for n, (i, j) in enumerate(cells, start=1):
        corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
        ring = []
        for k, c in enumerate(corners):
            ring.append(vertex[c])
            ring.append(bend(c, corners[(k + 1) % 4]))
        ring.append(ring[0])
        cx, cy = (i + 0.5 - COLS / 2), (j + 0.5 - ROWS / 2)
        sector = int((math.atan2(cy, cx) + math.pi) / (2 * math.pi) * 8) % 8
        station = "城中派出所" if math.hypot(cx, cy) < 2.2 else STATIONS[sector]
        place = PLACES[(i * 7 + j * 3) % len(PLACES)]
        place_count[place] = place_count.get(place, 0) + 1
        numeral = NUMERALS[(place_count[place] - 1) % 10]
        features.append({
            "type": "Feature",
            "properties": {"id": f"G{n:03d}", "name": f"{place}{numeral}网格", "station": station},
            "geometry": {"type": "Polygon",
                         "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]},
        })
    return {"type": "FeatureCollection", "name": "禾城县巡逻网格", "features": features}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m backend_client.server.make_county OUT.geojson", file=sys.stderr)
        return 2
    data = build()
    Path(argv[0]).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                             encoding="utf-8")
    print(f"wrote {len(data['features'])} grids to {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
