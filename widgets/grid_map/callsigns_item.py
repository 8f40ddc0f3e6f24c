"""``CallsignsItem``: the callsigns of the units in view, beside their units, in one item.

Zoomed in, the callsigns follow every batch of moves. As one text item per label, moving ~150
labels cost 5–7 ms a batch in item bookkeeping alone (see tests/benchmarks/bench_map.py); here
a batch only stores the points and the texts, and one paint draws each text from a cached
QStaticText, unscaled, a few pixels right of its unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPen, QStaticText

from widgets.grid_map.points_item import PointsItem

TEXT_COLOUR = "#e6edf3"
GAP_PX = 9  # from the unit's centre to the text: clear of its sprite
MAX_CACHED = 4000  # prepared texts kept (a hall's callsigns; more means churn)
_REACH_PX = 160  # how far right of its unit a callsign may reach, for the bounding rect


class CallsignsItem(PointsItem):
    PAD_X_PX = _REACH_PX
    PAD_Y_PX = _REACH_PX / 4

    def __init__(self) -> None:
        super().__init__()
        self._x = np.empty(0)
        self._y = np.empty(0)
        self._texts: list[str] = []
        self._static: dict[str, QStaticText] = {}
        self._pen = QPen(QColor(TEXT_COLOUR))

    def set_labels(self, x: np.ndarray, y: np.ndarray, texts: Sequence[str]) -> None:
        """Callsigns ``texts`` for units at (x, y) in view units; empty to show none."""
        self._x = np.asarray(x, dtype=float)
        self._y = np.asarray(y, dtype=float)
        self._texts = list(texts)
        self.set_extent(self._x, self._y)
        self.update()

    def texts(self) -> list[str]:
        return list(self._texts)

    def _prepared(self, text: str) -> QStaticText:
        static = self._static.get(text)
        if static is None:
            if len(self._static) >= MAX_CACHED:
                self._static.clear()
            static = QStaticText(text)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            self._static[text] = static
        return static

    def paint(self, painter: QPainter, option: Any, widget: Any = None) -> None:
        if not self._texts:
            return
        t = painter.transform()
        dx = t.m11() * self._x + t.m21() * self._y + t.dx()
        dy = t.m12() * self._x + t.m22() * self._y + t.dy()
        painter.resetTransform()
        painter.setPen(self._pen)
        for x, y, text in zip(dx.tolist(), dy.tolist(), self._texts, strict=True):
            static = self._prepared(text)
            painter.drawStaticText(QPointF(x + GAP_PX, y - static.size().height() / 2),
                                   static)
