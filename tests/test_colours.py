"""Status colours that read on a light and on a dark palette, picked in one place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import add_board
from boardroom.services.meetings import MeetingFields, create_meeting
from boardroom.ui import colours
from boardroom.ui.colours import GOOD, NOTICE_BAR, OVERDUE, PROBLEM_BAR, WARNING, dark_palette
from boardroom.ui.context import AppContext
from boardroom.ui.models.meetings import MeetingTableModel
from boardroom.ui.pages.meetings import MeetingsPage

UI = Path(__file__).resolve().parent.parent / "src" / "boardroom" / "ui"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def _palette(window: str, text: str, base: str) -> QPalette:
    palette = QPalette()
    for roles, colour in (
        ((QPalette.ColorRole.Window, QPalette.ColorRole.Button), window),
        ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Text), text),
        ((QPalette.ColorRole.ButtonText,), text),
        ((QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase), base),
    ):
        for role in roles:
            palette.setColor(role, QColor(colour))
    return palette


LIGHT = _palette("#efefef", "#1a1a1a", "#ffffff")
DARK = _palette("#2b2b2b", "#e6e6e6", "#1e1e1e")  # as Fusion draws a dark system


@pytest.fixture
def palette_of(qapp) -> Iterator:
    """Set the application's palette for a test, and put the original back after it."""
    original = QApplication.palette()
    yield QApplication.setPalette
    QApplication.setPalette(original)


def _contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio: 4.5 is the least for body text."""

    def luminance(colour: QColor) -> float:
        channels = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in (colour.redF(), colour.greenF(), colour.blueF())
        ]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_overdue_warning_and_done_read_on_either_palette(palette_of, palette):
    palette_of(palette)
    assert dark_palette() is (palette is DARK)
    base = palette.color(QPalette.ColorRole.Base)
    for name, shade in (("overdue", OVERDUE), ("warning", WARNING), ("done", GOOD)):
        assert _contrast(shade.color(), base) >= 4.5, f"{name} is dim on this palette"
    for bar in (NOTICE_BAR, PROBLEM_BAR):
        assert bar.ink is not None
        assert _contrast(bar.ink.color(), bar.background.color()) >= 4.5


def test_the_red_a_light_screen_shows_is_lightened_on_a_dark_one(palette_of):
    palette_of(LIGHT)
    assert OVERDUE.css() == "#c62828"
    palette_of(DARK)
    assert OVERDUE.css() != "#c62828"
    assert _contrast(QColor("#c62828"), DARK.color(QPalette.ColorRole.Base)) < 4.5, "dim there"


def test_a_list_picks_its_colour_when_it_is_painted(qtbot, database, palette_of):
    """An overdue deadline in the Meetings list follows the palette without a reload."""
    soon = date.today() + timedelta(days=2)  # papers were due 5 working days before
    with database.transaction() as session:
        board = add_board(session, "Board", BoardRules(lead_days=5))
        create_meeting(
            session,
            board.id,
            MeetingFields(
                "Board", datetime.combine(soon, time(14)), datetime.combine(soon, time(16))
            ),
        )
    context = AppContext(database)
    context.set_board(board.id)
    page = MeetingsPage(context)
    qtbot.addWidget(page)
    page.refresh()
    late = page.proxy.index(0, MeetingTableModel.COL_PAPERS)
    palette_of(LIGHT)
    assert late.data(Qt.ItemDataRole.ForegroundRole) == QColor("#c62828")
    palette_of(DARK)
    assert late.data(Qt.ItemDataRole.ForegroundRole) == QColor(OVERDUE.dark)


def test_no_colour_is_written_outside_the_colours_module():
    problems = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path != Path(colours.__file__)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX_COLOUR.search(line)
    ]
    assert not problems, "pick these in boardroom.ui.colours:\n" + "\n".join(problems)
