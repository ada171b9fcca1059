"""Shared helpers for the live-minutes tests: the demo's meetings, windows that close
cleanly, message boxes recorded instead of waited on, and keys sent where a clerk's would
go (into an open type-ahead list first, as the real event loop delivers them)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from boardroom.services.agenda import timetable
from boardroom.storage.database import Database
from boardroom.storage.models import Meeting, MeetingStatus
from boardroom.ui.context import AppContext
from boardroom.ui.live_minutes import LiveMinutesWindow

THE_2019_MEETING = MeetingStatus.MINUTES_DRAFTED  # the demo's 2019 meeting
THE_OCTOBER_2016_MEETING = MeetingStatus.AGENDA_PUBLISHED
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def meeting_with(database: Database, status: MeetingStatus) -> int:
    with database.sessions() as session:
        return session.scalars(select(Meeting.id).where(Meeting.status == status)).one()


def item_row(database: Database, meeting: int, number: str) -> tuple[int, int]:
    """The agenda row and item id of the item with this number."""
    with database.sessions() as session:
        lines = timetable(session.get(Meeting, meeting)).lines
    row = next(index for index, line in enumerate(lines) if line.number == number)
    return row, lines[row].item_id


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch) -> list[str]:
    """Message boxes are recorded instead of waiting for a click that never comes."""
    shown: list[str] = []

    def warning(_parent, _title, text, *_buttons):
        shown.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def open_window(qtbot, demo_database) -> Iterator:
    """Opens live-minutes windows on the demo database and closes them cleanly at the end."""
    windows: list[LiveMinutesWindow] = []

    def opener(meeting: int, desk: str = "desk A", database=None) -> LiveMinutesWindow:
        window = LiveMinutesWindow(AppContext(database or demo_database), meeting, desk=desk)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield opener
    for window in windows:
        if window.isVisible():
            window.close()
        window.deleteLater()


def type_notes(qtbot, window: LiveMinutesWindow, text: str) -> None:
    notes = window.editor.notes
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(notes, text)


def focused() -> QWidget:
    """Where the next key goes: an open pop-up list takes keys before the focused field."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def keys(qtbot, text: str) -> None:
    """Type text; characters QTest cannot name (an en dash) go as key events with text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused(), char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(focused(), event)


def open_2019_minutes(qtbot, database: Database, row: int) -> tuple[LiveMinutesWindow, int]:
    """A clerk's window on the demo's 2019 minutes, at the item in ``row``: (window, its id)."""
    meeting = meeting_with(database, THE_2019_MEETING)
    with database.sessions() as session:
        item_id = timetable(session.get(Meeting, meeting)).lines[row].item_id
    window = LiveMinutesWindow(AppContext(database), meeting, desk="clerk")
    qtbot.addWidget(window)
    window.show()
    window.go_to(row)
    return window, item_id
