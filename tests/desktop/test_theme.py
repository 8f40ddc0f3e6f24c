"""The operations-dark theme, its large-text mode, the CJK font and every icon."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.shell import theme
from desktop.shell.icons import ICON_NAMES, icon
from widgets.colors import PRIORITY_COLORS, contrast_ratio


@pytest.fixture
def themed(qapp):
    """Put the application's style, palette, font and style sheet back as they were after a
    test that applies the theme."""
    saved = (qapp.style().name(), QPalette(qapp.palette()), qapp.font(), qapp.styleSheet())
    yield qapp
    style, palette, font, sheet = saved
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty("largeText", None)


def render(widget: QWidget) -> QImage:
    """The widget drawn at full colour depth (pytest-xvfb's screen is 16-bit, so ``grab()``
    rounds colours)."""
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    widget.render(image)
    return image


def ink_pixels(image: QImage, background: QColor, tolerance: int = 60) -> int:
    """Pixels that differ clearly from the background (glyphs drawn)."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (abs(c.red() - background.red()) + abs(c.green() - background.green())
                    + abs(c.blue() - background.blue())) > tolerance:
                count += 1
    return count


def test_apply_theme_sets_palette_font_and_style_sheet(themed):
    theme.apply_theme(themed)
    pal = themed.palette()
    assert pal.color(QPalette.ColorRole.Window) == QColor(theme.COLORS["window"])
    assert pal.color(QPalette.ColorRole.WindowText) == QColor(theme.COLORS["text"])
    assert "$" not in themed.styleSheet()  # every template name was filled in
    assert '[priority="1"]' in themed.styleSheet()
    assert themed.font().pointSizeF() == pytest.approx(theme.BASE_POINT_SIZE)
    assert themed.property("largeText") is False


def test_theme_text_is_readable_without_glare():
    c = theme.COLORS
    for fg, bg in (("text", "window"), ("text", "base"), ("text", "raised"),
                   ("text_dim", "window"), ("text_dim", "raised"), ("error_text", "raised"),
                   ("error_text", "window"), ("selection_text", "selection")):
        assert contrast_ratio(c[fg], c[bg]) >= 4.5, (fg, bg)
    assert contrast_ratio(c["focus"], c["window"]) >= 3.0
    assert contrast_ratio(c["focus"], c["raised"]) >= 3.0
    # No pure white on black: the main text stays below 15:1.
    assert contrast_ratio(c["text"], c["window"]) < 15
    assert QColor(c["window"]).lightness() > 0 and QColor(c["text"]) != QColor("#ffffff")


def test_style_sheet_template_fails_loudly_on_an_unknown_name(monkeypatch):
    monkeypatch.setitem(theme._sizes.__globals__, "COLORS", {"window": "#000"})
    with pytest.raises(KeyError):
        theme.style_sheet()


def test_large_text_scales_fonts_and_sizes(themed, qtbot):
    theme.apply_theme(themed)
    label = QLabel("Alarm 值班员")
    qtbot.addWidget(label)
    normal = label.sizeHint().height()
    theme.apply_theme(themed, large_text=True)
    assert themed.font().pointSizeF() == pytest.approx(
        theme.BASE_POINT_SIZE * theme.LARGE_TEXT_SCALE)
    assert label.font().pointSizeF() == pytest.approx(themed.font().pointSizeF())
    assert label.sizeHint().height() >= normal * 1.4
    assert "3px solid" in theme.style_sheet(large_text=True)  # a thicker focus ring
    assert themed.property("largeText") is True


def test_cjk_label_renders_with_a_cjk_font(themed, qtbot):
    theme.apply_theme(themed)
    label = QLabel("值班员 张伟")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    assert QFontInfo(label.font()).family() == "Noto Sans CJK SC"
    image = render(label)
    assert ink_pixels(image, QColor(theme.COLORS["window"])) > 30


def test_focus_ring_shows_on_a_focused_field(themed, qtbot):
    theme.apply_theme(themed)
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    a, b = QLineEdit(box), QLineEdit(box)
    layout.addWidget(a)
    layout.addWidget(b)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    a.setFocus()
    qtbot.waitUntil(a.hasFocus)
    focus = QColor(theme.COLORS["focus"])

    def ring(w: QLineEdit) -> int:
        img = render(w)
        return sum(1 for x in range(img.width()) if img.pixelColor(x, 0) == focus)

    assert ring(a) > a.width() // 2
    assert ring(b) == 0


@pytest.mark.parametrize("name", ICON_NAMES)
def test_every_icon_renders(qapp, name):
    ic = icon(name)
    assert not ic.isNull()
    for size in (16, 24, 48):
        pm = ic.pixmap(size, size)
        assert not pm.isNull() and pm.width() == size
        image = pm.toImage()
        drawn = sum(1 for y in range(size) for x in range(size)
                    if image.pixelColor(x, y).alpha() > 128)
        assert drawn > size  # something visible, not an empty or broken image


def test_icons_are_light_on_the_dark_theme(qapp):
    image = icon("lock").pixmap(48, 48).toImage()
    strokes = [image.pixelColor(x, y) for y in range(48) for x in range(48)
               if image.pixelColor(x, y).alpha() == 255]
    assert strokes and all(c.lightness() > 150 for c in strokes)


def test_unknown_icon_is_an_error_not_a_blank(qapp):
    with pytest.raises(KeyError):
        icon("no-such-icon")


def test_chip_rules_come_from_the_one_palette(themed, qtbot):
    theme.apply_theme(themed)
    chip = QLabel("P1")
    qtbot.addWidget(chip)
    theme.mark_chip(chip, "priority", 1)
    chip.show()
    qtbot.waitExposed(chip)
    image = render(chip)
    assert image.pixelColor(1, image.height() // 2) == QColor(PRIORITY_COLORS[1].background)
    with pytest.raises(ValueError):
        theme.mark_chip(chip, "colour", 1)


def build_sample() -> QWidget:
    w = QWidget()
    w.setWindowTitle("Theme sample")
    grid = QGridLayout(w)
    heading = QLabel("接警队列 Alarm queue")
    heading.setProperty("role", "heading")
    grid.addWidget(heading, 0, 0, 1, 4)
    grid.addWidget(QLabel("值班员：张伟 · Duty officer: Zhang Wei"), 1, 0, 1, 4)
    dim = QLabel("最后同步 14:05:12 · Last sync 14:05:12")
    dim.setProperty("role", "dim")
    grid.addWidget(dim, 2, 0, 1, 4)
    chips = QHBoxLayout()
    for p, text in ((1, "P1 紧急"), (2, "P2 重要"), (3, "P3 一般"), (4, "P4 低")):
        chip = QLabel(text)
        theme.mark_chip(chip, "priority", p)
        chips.addWidget(chip)
    for status, text in (("available", "空闲 available"), ("on_scene", "到场 on scene"),
                         ("off_duty", "下班 off duty")):
        chip = QLabel(text)
        theme.mark_chip(chip, "unitStatus", status)
        chips.addWidget(chip)
    chips.addStretch(1)
    grid.addLayout(chips, 3, 0, 1, 4)
    field = QLineEdit()
    field.setPlaceholderText("搜索 Search")
    grid.addWidget(field, 4, 0, 1, 2)
    grid.addWidget(QCheckBox("大字体 Large text"), 4, 2)
    sounds = QCheckBox("声音 Sounds")
    sounds.setChecked(True)
    grid.addWidget(sounds, 4, 3)
    ok = QPushButton(icon("layout"), "派警 Dispatch")
    ok.setDefault(True)
    grid.addWidget(ok, 5, 0)
    grid.addWidget(QPushButton(icon("lock"), "锁定 Lock"), 5, 1)
    disabled = QPushButton("不可用 Disabled")
    disabled.setEnabled(False)
    grid.addWidget(disabled, 5, 2)
    err = QLabel("密码错误 Wrong password")
    err.setProperty("role", "error")
    grid.addWidget(err, 5, 3)
    return w


def test_theme_sample_screenshot(themed, qtbot):
    theme.apply_theme(themed)
    w = build_sample()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.findChild(QLineEdit).setFocus()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.findChild(QLineEdit))
    image = render(w)
    assert image.save("/tmp/theme-sample.png")
    # The window is the theme's dark ground, and text was drawn on it.
    assert image.pixelColor(2, 2) == QColor(theme.COLORS["window"])
    assert ink_pixels(image, QColor(theme.COLORS["window"])) > 500


def test_large_text_sample_screenshot(themed, qtbot):
    theme.apply_theme(themed, large_text=True)
    w = build_sample()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    image = render(w)
    assert image.save("/tmp/theme-sample-large.png")
    assert image.pixelColor(2, 2) == QColor(theme.COLORS["window"])
