"""The window's status colours, picked for the palette it is drawn with.

Overdue red, warning amber, done green and muted grey carry meaning, so they must read on
either background: the light shades are dark enough for a white table, the dark shades
light enough for a dark one (the red a clerk sees on a light screen, #c62828, is barely
legible on dark grey). Nothing else in ``boardroom.ui`` writes a colour: a model asks for
``OVERDUE.color()`` when Qt paints, a style sheet for ``OVERDUE.css()`` when it is built,
and each gets the shade of the palette in use at that moment (theme.py follows the system
between light and dark).

The tinted bars (a late circulation, an error, an offer to approve) and the month
calendar's chips come in both palettes too; the RAG chips are filled discs that read on
either, so they have one colour each.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette


def dark_palette(palette: QPalette | None = None) -> bool:
    """Light text on a dark window: how the system, or Fusion's dark palette, draws it."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window).lightness()
    return palette.color(QPalette.ColorRole.WindowText).lightness() > window


class Shade(NamedTuple):
    """One colour as it is drawn on a light and on a dark palette."""

    light: str
    dark: str

    def color(self) -> QColor:
        return QColor(self.dark if dark_palette() else self.light)

    def css(self) -> str:
        return self.color().name()


# Text, each readable (WCAG AA, 4.5:1) on the table background of its palette.
OVERDUE = Shade("#c62828", "#f28b82")  # overdue, exempt (Part 2), refused input, not quorate
WARNING = Shade("#9a5b00", "#f5b353")  # running late, due tomorrow, a clash, saving
GOOD = Shade("#2e7d32", "#81c995")  # done, present, ready, saved, quorate
MUTED = Shade("#80868f", "#9aa0a8")  # cancelled, past, another month, hints

# The month calendar: a meeting's chip, a cancelled one's, and today's disc.
CHIP = Shade("#dbe8f7", "#23395a")
CHIP_INK = Shade("#163a63", "#d3e3fd")
CANCELLED_CHIP = Shade("#eceef1", "#34373c")
TODAY = Shade("#2d7fc1", "#5aa9e6")


class Bar(NamedTuple):
    """A tinted message bar: background, border and the colour of its words."""

    background: Shade
    border: Shade
    ink: Shade | None = None  # None: the palette's own text colour

    def css(self, selector: str) -> str:
        """The style sheet of the bar named ``selector`` (e.g. ``#noticeBar[late="true"]``)."""
        rule = (
            f"{selector} {{ background: {self.background.css()}; "
            f"border: 1px solid {self.border.css()}; border-radius: 4px; }}"
        )
        if self.ink is not None:
            rule += f" {selector} QLabel {{ color: {self.ink.css()}; }}"
        return rule


NOTICE_BAR = Bar(  # amber: papers late, the agenda running over, a read-only desk
    Shade("#fff4e5", "#3d2c12"), Shade("#f0b35c", "#8f6a2a"), Shade("#7a4100", "#ffd9a0")
)
PROBLEM_BAR = Bar(  # red: something was not saved or was refused
    Shade("#fdecea", "#3f1f1d"), Shade("#e8a39d", "#93443d"), Shade("#8c1d18", "#ffb4ab")
)
OFFER_BAR = Bar(Shade("#e8f0fe", "#1d2b42"), Shade("#a8c1f0", "#3f5f93"))  # blue: a next step

# RAG chips: filled discs, the count on them in rag_chip_text.
RAG_FILLS = {"red": "#c62828", "amber": "#ef8f00", "green": "#2e7d32", "not_rated": "#8a8f98"}
RAG_CHIP_TEXT = {"amber": "#1a1a1a"}  # white on the others


def rag_fill(rag: str) -> QColor:
    return QColor(RAG_FILLS.get(rag, RAG_FILLS["not_rated"]))


def rag_chip_text(rag: str) -> QColor:
    return QColor(RAG_CHIP_TEXT.get(rag, "#ffffff"))
