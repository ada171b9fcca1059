"""Light or dark, as the system is set.

macOS, Windows 11 (Qt's ``windows11`` style) and the Linux desktops give Qt a dark palette
when the user chooses dark, and the window follows by itself. Windows 10 is the exception:
its default ``windowsvista`` style draws with the light system theme whatever the palette,
so a clerk who has chosen dark would get a light window. There Boardroom switches to Qt's
Fusion style, which draws with the system's dark palette — at start-up and whenever the
user changes the setting while Boardroom is open.

Headings are emphasised through their font and palette role (``emphasised``), never a style
sheet, so that they follow the scheme too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel

_LIGHT_ONLY_STYLES = {"windowsvista"}
_FALLBACK_STYLE = "Fusion"


def follow_system_colour_scheme(app: QApplication) -> None:
    hints = app.styleHints()
    apply_colour_scheme(app, hints.colorScheme())
    hints.colorSchemeChanged.connect(lambda scheme: apply_colour_scheme(app, scheme))


def apply_colour_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Swap a style that cannot draw dark for Fusion when the system turns dark."""
    if scheme == Qt.ColorScheme.Dark and app.style().name().lower() in _LIGHT_ONLY_STYLES:
        app.setStyle(_FALLBACK_STYLE)


def emphasised(label: QLabel, *, point_size: float = 0, muted: bool = False) -> QLabel:
    """A heading's weight (and size, and the palette's muted text colour) set through its font
    and foreground role rather than a style sheet: a style sheet puts the widget under Qt's
    style-sheet style, slower to lay out and paint, and resolves ``palette(...)`` only when
    applied, whereas the role follows a switch between light and dark by itself."""
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    if point_size:
        font.setPointSizeF(point_size)
    label.setFont(font)
    return muted_text(label) if muted else label


def muted_text(label: QLabel) -> QLabel:
    """A hint or caption in the palette's muted text colour, which follows light and dark."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
