"""Small placeholder images for ``GET /media/...``: watchlist photos and alarm snapshots.

The reference server has no real photos; it draws a deterministic PNG per path (same path, same
bytes) with zlib and struct only, so the workstation has real images to load and show.
"""

from __future__ import annotations

import functools
import hashlib
import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(width: int, height: int, rgb_rows: list[bytes]) -> bytes:
    """Encode 8-bit RGB rows (each ``width * 3`` bytes) as a PNG file."""
    raw = b"".join(b"\x00" + row for row in rgb_rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b""))


@functools.lru_cache(maxsize=256)
def placeholder(path: str, width: int = 160, height: int = 120, portrait: bool = False) -> bytes:
    """A picture derived from ``path``: a tinted gradient with a head-and-shoulders silhouette
    for portraits, or a horizon with a block for camera snapshots."""
    seed = hashlib.sha256(path.encode()).digest()
    base = (seed[0] // 2 + 40, seed[1] // 2 + 40, seed[2] // 2 + 40)
    rows = []
    cx, cy, r = width / 2, height * 0.38, min(width, height) * 0.2
    for y in range(height):
        row = bytearray()
        for x in range(width):
            shade = 0.6 + 0.4 * y / height
            colour = [int(c * shade) for c in base]
            if portrait:
                head = (x - cx) ** 2 + (y - cy) ** 2 <= r * r
                body = y > height * 0.62 and abs(x - cx) < width * 0.32 * (y / height + 0.2)
                if head or body:
                    colour = [200, 200, 205] if head else [90, 95, 110]
            else:
                if y > height * 0.55:
                    colour = [70 + seed[3] % 40, 75, 80]
                bx = seed[4] % (width // 2)
                if bx <= x < bx + width // 4 and height * 0.35 < y < height * 0.75:
                    colour = [180, 60 + seed[5] % 100, 50]
            row += bytes(colour)
        rows.append(bytes(row))
    return png(width, height, rows)
