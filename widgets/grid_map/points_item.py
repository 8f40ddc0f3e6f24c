"""``PointsItem``: the geometry every many-points item of the map shares — points placed in
view units (metres), drawn unscaled in device pixels around them, so the item's bounds are the
points' extent padded by so many *pixels* (recomputed when the view's scale changes)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF

Extent = tuple[float, float, float, float]  # x0, x1, y0, y1


class PointsItem(pg.GraphicsObject):
    PAD_X_PX = 0.0  # how far drawing reaches beyond a point, sideways and up/down
    PAD_Y_PX = 0.0

    def __init__(self) -> None:
        super().__init__()
        self._extent: Extent | None = None
        self._bounds: QRectF | None = None

    def set_extent(self, x: np.ndarray, y: np.ndarray) -> None:
        """The points' extent changed (maybe): tell the scene before it is used."""
        extent = None
        if len(x):
            extent = (float(x.min()), float(x.max()), float(y.min()), float(y.max()))
        if extent != self._extent:
            self.prepareGeometryChange()
            self._extent = extent
            self._bounds = None

    def viewTransformChanged(self) -> None:  # noqa: N802 - pyqtgraph's name
        self.prepareGeometryChange()
        super().viewTransformChanged()
        self._bounds = None

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        if self._bounds is None:
            if self._extent is None:
                self._bounds = QRectF()
            else:
                x0, x1, y0, y1 = self._extent
                px, py = self.pixelVectors()
                mx = my = 0.0
                if px is not None and py is not None:
                    mx = self.PAD_X_PX * (abs(px.x()) + abs(py.x()))
                    my = self.PAD_Y_PX * (abs(px.y()) + abs(py.y()))
                self._bounds = QRectF(QPointF(x0 - mx, y0 - my), QPointF(x1 + mx, y1 + my))
        return QRectF(self._bounds)
