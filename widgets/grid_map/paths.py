"""Polygons in the map's metres as one even-odd QPainterPath (holes stay holes, the parts of a
MultiPolygon are one shape): what grid outlines and event zones are drawn with."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath


def polygons_path(polygons: Iterable[Iterable[Sequence[tuple[float, float]]]]) -> QPainterPath:
    """Each polygon a list of rings (exterior, then holes), each ring a list of (x, y)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for polygon in polygons:
        for ring in polygon:
            if not ring:
                continue
            path.moveTo(*ring[0])
            for x, y in ring[1:]:
                path.lineTo(x, y)
            path.closeSubpath()
    return path
