"""Icons drawn from the SVG masters in ``resources/icons``.

Each icon is rendered when Qt asks for it, at the size and device pixel ratio of the screen
(sharp on high-DPI displays), and stroke icons (``stroke="currentColor"``) are tinted with the
palette of that moment: when the system switches between light and dark, every icon already
shown follows on its next repaint, with nothing to re-create.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from boardroom.assets import resource

# What a window manager or a file dialog may ask for; any other size is rendered too.
_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)
# Pixmaps drawn so far, by icon, size, scale and tint, shared by every engine: a workspace
# opened again shows the same two dozen icons, which are then not drawn again.
_RENDERED: dict[tuple[str, int, int, float, str], QPixmap] = {}
_CACHE_LIMIT = 512


@cache
def _svg_text(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def _palette_tint(mode: QIcon.Mode) -> QColor:
    palette = QApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class SvgIconEngine(QIconEngine):
    """Renders one SVG master on demand; ``color`` fixes the tint instead of the palette's."""

    def __init__(self, name: str, color: str | None = None) -> None:
        super().__init__()
        self.name = name
        self.color = color

    def _tint(self, mode: QIcon.Mode) -> str:
        return self.color or _palette_tint(mode).name()

    def _render(self, painter: QPainter, rect: QRectF, tint: str) -> None:
        svg = _svg_text(self.name).replace("currentColor", tint).encode()
        QSvgRenderer(QByteArray(svg)).render(painter, rect)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """The drawn pixmap at the scale the painter ends up at on its device (a tab's icon
        is painted at every repaint).

        That scale is read from the painter's device transform, which holds the device's
        pixel ratio (and any zoom of the view): asking ``painter.device()`` instead makes
        PySide work out the device's Python type, which on the first call builds the types
        of every paint-device class not used yet — a sixth of the first paint of the window.
        """
        transform = painter.deviceTransform()
        scale = round(math.hypot(transform.m11(), transform.m12()), 2) or 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        tint = self._tint(mode)
        key = (self.name, size.width(), size.height(), scale, tint)
        cached = _RENDERED.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self._render(painter, QRectF(pixmap.rect()), tint)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        if len(_RENDERED) >= _CACHE_LIMIT:
            _RENDERED.clear()  # old tints after theme switches; cheap to redraw
        _RENDERED[key] = pixmap
        return pixmap

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(size, size) for size in _SIZES]

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name, self.color)

    def key(self) -> str:
        return "boardroom-svg"


def icon(name: str, color: str | None = None) -> QIcon:
    """A named icon; stroke icons follow the palette's text colour unless given ``color``.

    The SVG is read now, so a missing icon fails where it is asked for, not at paint time.
    """
    _svg_text(name)
    return QIcon(SvgIconEngine(name, color))


def app_icon() -> QIcon:
    return icon("boardroom")
