"""Icons drawn from the SVG masters in ``resources/icons``, tinted to the current palette
so they stay legible in light and dark themes and sharp on high-DPI screens."""

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from boardroom.assets import resource

_SIZES = (16, 20, 24, 32, 48, 64)


def _pixmap(svg: bytes, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def icon(name: str, color: str | None = None) -> QIcon:
    """A named icon; stroke icons take ``color`` or the palette's text colour."""
    text = resource("icons", f"{name}.svg").read_text(encoding="utf-8")
    tint = color or QApplication.palette().color(QPalette.ColorRole.WindowText).name()
    svg = text.replace("currentColor", tint).encode()
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_pixmap(svg, size))
    return result


def app_icon() -> QIcon:
    return icon("boardroom")


def rag_color(rag: str) -> QColor:
    """The chip colours the chair expects to see for a RAG rating."""
    return QColor({"red": "#c62828", "amber": "#ef8f00", "green": "#2e7d32"}.get(rag, "#8a8f98"))
