"""The dashboard: leadership's overview of the hall (``DashboardView``), and its charts as
images for the printed shift report (``chart_images``).

The figures (``backend_client.figures``) are plain values that Qt-free code builds, so this
package loads its Qt views only when they are asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from widgets.dashboard.images import chart_images
    from widgets.dashboard.view import DashboardView

__all__ = ["DashboardView", "chart_images"]


def __getattr__(name: str) -> Any:
    if name == "DashboardView":
        from widgets.dashboard.view import DashboardView

        return DashboardView
    if name == "chart_images":
        from widgets.dashboard.images import chart_images

        return chart_images
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
