"""Icons drawn from the SVG masters in ``resources/icons``.

Each icon is rendered when Qt asks for it, at the size and device pixel ratio of the screen
(sharp on high-DPI displays), and stroke icons (``stroke="currentColor"``) are tinted with the
palette of that moment: when the system switches between light and dark, every icon already
shown follows on its next repaint, with nothing to re-create.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from boardroom.assets import resource

# What a window manager or a file dialog may ask for; any other size is rendered too.
_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)
_CACHE_LIMIT = 64


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
        self._rendered: dict[tuple[int, int, float, str], QPixmap] = {}

    def _tint(self, mode: QIcon.Mode) -> str:
        return self.color or _palette_tint(mode).name()

    def _render(self, painter: QPainter, rect: QRectF, tint: str) -> None:
        svg = _svg_text(self.name).replace("currentColor", tint).encode()
        QSvgRenderer(QByteArray(svg)).render(painter, rect)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._render(painter, QRectF(rect), self._tint(mode))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        tint = self._tint(mode)
        key = (size.width(), size.height(), scale, tint)
        cached = self._rendered.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self._render(painter, QRectF(pixmap.rect()), tint)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        if len(self._rendered) >= _CACHE_LIMIT:
            self._rendered.clear()  # old tints after theme switches; cheap to redraw
        self._rendered[key] = pixmap
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
