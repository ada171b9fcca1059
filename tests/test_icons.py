"""Icons drawn from the SVG masters: drawn once per size and tint, whoever asks."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter

from boardroom.ui.icons import icon


def test_two_buttons_with_the_same_icon_share_one_drawing(qapp):
    first = icon("meetings").pixmap(QSize(16, 16))
    second = icon("meetings").pixmap(QSize(16, 16))
    assert first.cacheKey() == second.cacheKey()
    assert icon("actions").pixmap(QSize(16, 16)).cacheKey() != first.cacheKey()
    assert icon("meetings").pixmap(QSize(24, 24)).cacheKey() != first.cacheKey()


def test_a_fixed_colour_is_drawn_apart_from_the_palettes_tint(qapp):
    tinted = icon("meetings").pixmap(QSize(16, 16)).toImage()
    red = icon("meetings", "#ff0000").pixmap(QSize(16, 16)).toImage()
    assert tinted != red
    drawn = [red.pixelColor(x, y) for x in range(16) for y in range(16)]
    drawn = [colour for colour in drawn if colour.alpha()]
    assert drawn and all(colour.green() == colour.blue() == 0 for colour in drawn)
    assert max(colour.red() for colour in drawn) > 200


def test_painting_an_icon_draws_what_its_pixmap_shows(qapp):
    """Tabs and menus paint the icon; buttons take its pixmap: both look the same."""
    painted = QImage(16, 16, QImage.Format.Format_ARGB32_Premultiplied)
    painted.fill(Qt.GlobalColor.transparent)
    painter = QPainter(painted)
    icon("meetings").paint(
        painter, QRect(0, 0, 16, 16), Qt.AlignmentFlag.AlignCenter, QIcon.Mode.Normal
    )
    painter.end()
    expected = icon("meetings").pixmap(QSize(16, 16)).toImage().convertToFormat(painted.format())
    assert painted == expected
    assert any(painted.pixelColor(x, y).alpha() for x in range(16) for y in range(16))


def _painted_at(ratio: float, zoom: float = 1.0) -> QImage:
    """The icon painted into a 16×16 logical square of an image of that pixel ratio."""
    side = round(16 * ratio * zoom)
    painted = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    painted.setDevicePixelRatio(ratio)
    painted.fill(Qt.GlobalColor.transparent)
    painter = QPainter(painted)
    painter.scale(zoom, zoom)
    icon("meetings").paint(
        painter, QRect(0, 0, 16, 16), Qt.AlignmentFlag.AlignCenter, QIcon.Mode.Normal
    )
    painter.end()
    return painted


def test_an_icon_is_painted_sharp_on_a_high_density_screen(qapp):
    """On a device of pixel ratio 2 the icon is drawn from 32 pixels, not 16 blown up."""
    painted = _painted_at(2.0)
    sharp = icon("meetings").pixmap(QSize(16, 16), 2.0).toImage()
    assert sharp.width() == 32
    assert painted.convertToFormat(sharp.format()) == sharp
    blown_up = _painted_at(1.0, zoom=1.0).scaled(32, 32)
    assert painted.convertToFormat(blown_up.format()) != blown_up


def test_a_zoomed_painter_draws_the_icon_at_its_zoomed_size(qapp):
    assert _painted_at(1.0, zoom=2.0).convertToFormat(QImage.Format.Format_ARGB32) == (
        _painted_at(2.0).convertToFormat(QImage.Format.Format_ARGB32)
    )
