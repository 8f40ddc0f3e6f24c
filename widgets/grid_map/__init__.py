"""The grid map: patrol grids, units, alarms and cameras on a pyqtgraph view."""

from widgets.grid_map.marks import AlarmMark, CameraMark, GridShape, Overlay, UnitColumns, UnitMark
from widgets.grid_map.view import GridMapView

__all__ = ["AlarmMark", "CameraMark", "GridMapView", "GridShape", "Overlay", "UnitColumns",
           "UnitMark"]
