"""The one palette of priority and status colours: complete, readable, visible on the theme."""

from __future__ import annotations

from typing import get_args

import pytest
from PySide6.QtGui import QColor

from backend_client import schemas
from backend_client.changes import ConnectionStatus
from widgets.colors import (
    ALERT_LEVEL_COLORS,
    CONNECTION_COLORS,
    NOTICE_COLORS,
    PRIORITY_COLORS,
    UNIT_STATUS_COLORS,
    WATCHLIST_CATEGORY_COLORS,
    WINDOW_BACKGROUND,
    contrast_ratio,
)

TABLES = {"priority": PRIORITY_COLORS, "unit status": UNIT_STATUS_COLORS,
          "connection": CONNECTION_COLORS, "notice": NOTICE_COLORS,
          "watchlist category": WATCHLIST_CATEGORY_COLORS, "alert level": ALERT_LEVEL_COLORS}
ALL_SWATCHES = [(f"{table} {key}", swatch) for table, colors in TABLES.items()
                for key, swatch in colors.items()]


def test_contrast_ratio_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WebAIM's checker: #777777 on white is 4.48:1, just failing AA.
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#d32f2f"), "#ffffff") == contrast_ratio("#ffffff", "#d32f2f")
    with pytest.raises(ValueError):
        contrast_ratio("not-a-colour", "#000")


def test_every_value_of_the_contract_has_a_colour():
    assert set(PRIORITY_COLORS) == set(get_args(schemas.Priority)) == {1, 2, 3, 4}
    assert set(UNIT_STATUS_COLORS) == set(schemas.UNIT_STATUSES)
    assert set(CONNECTION_COLORS) == set(get_args(ConnectionStatus))
    assert set(NOTICE_COLORS) == set(get_args(schemas.NoticeLevel))


@pytest.mark.parametrize("name, swatch", ALL_SWATCHES, ids=[n for n, _ in ALL_SWATCHES])
def test_text_on_every_swatch_passes_wcag_aa(name, swatch):
    assert QColor(swatch.background).isValid() and QColor(swatch.text).isValid()
    ratio = contrast_ratio(swatch.text, swatch.background)
    assert ratio >= 4.5, f"{name}: {swatch.text} on {swatch.background} is {ratio:.2f}:1"


@pytest.mark.parametrize("name, swatch", ALL_SWATCHES, ids=[n for n, _ in ALL_SWATCHES])
def test_every_chip_stands_out_from_the_dark_window(name, swatch):
    # WCAG's 3:1 for the parts of a control one must see.
    ratio = contrast_ratio(swatch.background, WINDOW_BACKGROUND)
    assert ratio >= 3.0, f"{name}: {swatch.background} on the window is {ratio:.2f}:1"


def test_priorities_are_red_orange_amber_blue():
    hues = {p: QColor(s.background).hsvHue() for p, s in PRIORITY_COLORS.items()}
    assert hues[1] <= 10 or hues[1] >= 350          # red
    assert 20 <= hues[2] <= 40                      # orange
    assert 40 < hues[3] <= 55                       # amber / yellow
    assert 190 <= hues[4] <= 240                    # blue (steel)
    assert len({s.background for s in PRIORITY_COLORS.values()}) == 4


def test_tables_are_read_only_and_give_fresh_qcolors():
    with pytest.raises(TypeError):
        PRIORITY_COLORS[1] = PRIORITY_COLORS[2]  # type: ignore[index]
    c = PRIORITY_COLORS[1].background_color()
    c.setRed(0)
    assert PRIORITY_COLORS[1].background_color() == QColor(PRIORITY_COLORS[1].background)


def test_text_colours_are_readable_on_the_window():
    from widgets.colors import QUEUED_TEXT, SECONDARY_TEXT
    for colour in (SECONDARY_TEXT, QUEUED_TEXT):
        assert contrast_ratio(colour, WINDOW_BACKGROUND) >= 4.5, colour
