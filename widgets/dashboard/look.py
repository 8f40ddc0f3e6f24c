"""The dashboard's three looks — on the console (the operations-dark theme), on the hall's wall
(big, white on black) and on paper (dark on white) — as sizes and colours, and the view's style
sheet made from one.

Hues come from ``widgets.colors`` only. Black and white are not hues here but the page colours
the wall and the printout ask for; on the console the text takes the theme's own colour
(``text=None``: the palette's), so the view follows the theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtGui import QColor

from widgets.colors import (
    NOTICE_COLORS,
    PRIORITY_COLORS,
    SECONDARY_TEXT,
    UNIT_STATUS_COLORS,
    WINDOW_BACKGROUND,
    Swatch,
)

BLACK: Final = "#000000"
WHITE: Final = "#ffffff"


def translucent(color: str, alpha: int) -> str:
    """``color`` (``#rrggbb``) at ``alpha`` (0–255), as a style-sheet ``rgba()``."""
    c = QColor(color)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"


@dataclass(frozen=True)
class Look:
    name: str
    background: str
    text: str | None  # None: the theme's text colour
    dim: str  # captions, axes, neutral bars
    frame: str  # the tiles' outline (a style-sheet colour)
    number_px: int  # the big figures
    figure_px: int  # the smaller figures (chip counts, unacknowledged, cameras)
    chip_px: int  # words on chips, rows of the top grids
    title_px: int
    caption_px: int
    axis_px: int
    line_px: float  # the charts' marker lines
    margin_px: int  # inside a tile, and between tiles

    @property
    def ink(self) -> str:
        """The colour to paint text with where no palette helps (chart items)."""
        return self.text or self.dim


NORMAL: Final = Look("normal", WINDOW_BACKGROUND, None, SECONDARY_TEXT,
                     translucent(SECONDARY_TEXT, 90),
                     number_px=36, figure_px=26, chip_px=14, title_px=15, caption_px=12,
                     axis_px=11, line_px=2.0, margin_px=8)
BIG: Final = Look("big", BLACK, WHITE, WHITE, translucent(WHITE, 140),
                  number_px=84, figure_px=60, chip_px=24, title_px=26, caption_px=24,
                  axis_px=20, line_px=5.0, margin_px=12)
PRINT: Final = Look("print", WHITE, BLACK, BLACK, translucent(BLACK, 90),
                    number_px=36, figure_px=26, chip_px=16, title_px=16, caption_px=14,
                    axis_px=14, line_px=2.5, margin_px=8)

# The swatches a label may wear (its ``dashSwatch`` property); "none" wears none.
SWATCHES: Final[dict[str, Swatch]] = {
    **{f"p{p}": s for p, s in PRIORITY_COLORS.items()},
    **{f"unit-{k}": s for k, s in UNIT_STATUS_COLORS.items()},
    **{f"notice-{k}": s for k, s in NOTICE_COLORS.items()},
}


def chip_style(swatch: Swatch | None, look: Look) -> str:
    """Style-sheet declarations of a chip in ``swatch`` (for widgets styled one by one);
    without one, the same box unfilled, so a figure does not move when its swatch comes."""
    pad = max(2, look.chip_px // 5)
    box = f"border-radius: {pad + 1}px; padding: {pad // 2}px {pad * 2}px;"
    if swatch is None:
        return "background: transparent; " + box
    return f"background-color: {swatch.background}; color: {swatch.text}; " + box


def view_style_sheet(look: Look) -> str:
    """The dashboard view's style sheet: page, tiles, captions and every chip swatch."""
    text = f"color: {look.text};" if look.text else ""
    tile = 'QFrame[dashTile="true"]'
    rules = [
        f"#dashboardView {{ background-color: {look.background}; }}",
        f"{tile} {{ border: 1px solid {look.frame}; border-radius: {look.margin_px // 2 + 2}px; }}",
        f"{tile} QLabel {{ border: none; {text} }}",
        f'{tile} QLabel[dashRole="dim"] {{ color: {look.dim}; }}',
    ]
    # Twice: inside a tile the swatch must outweigh the tile's text rule (more specific).
    for scope in ("", tile + " "):
        rules.append(f'{scope}QFrame[dashSwatch="none"] {{ {chip_style(None, look)} }}')
        for key, swatch in SWATCHES.items():
            chip = f'{scope}QFrame[dashSwatch="{key}"]'
            rules.append(f"{chip} {{ {chip_style(swatch, look)} }}")
            rules.append(f"{chip} QLabel {{ color: {swatch.text}; background: transparent;"
                         " padding: 0px; }")
    return "\n".join(rules)
