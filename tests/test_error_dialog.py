"""An unexpected error is logged, the live minutes are saved first, a dialog says what
happened and where the log is, and no window closes.

pytest-qt normally catches exceptions raised in Qt slots itself (and fails the test); these
tests switch that off so that the exception takes the app's own route: PySide6 hands it to
``sys.excepthook``, which is Boardroom's handler.
"""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from boardroom.errors import BoardroomError
from boardroom.logs import setup_logging
from boardroom.services.minutes import notes_of
from boardroom.ui.error_dialog import ErrorHandler, install_error_handling, where
from live_builders import open_2019_minutes

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def handler(tmp_path, monkeypatch):
    """Boardroom's hook installed as the app installs it, logging into ``tmp_path``."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    installed = install_error_handling(setup_logging(tmp_path))
    yield installed
    if installed.dialog is not None:
        installed.dialog.done(0)
        installed.dialog.deleteLater()
    logger = logging.getLogger("boardroom")
    for log_handler in list(logger.handlers):
        if isinstance(log_handler, RotatingFileHandler) and log_handler.baseFilename.startswith(
            str(tmp_path)
        ):
            logger.removeHandler(log_handler)
            log_handler.close()


def _log_text(handler: ErrorHandler) -> str:
    assert handler.log_path is not None
    for log_handler in logging.getLogger("boardroom").handlers:
        log_handler.flush()
    return handler.log_path.read_text(encoding="utf-8")


def _dialog_up(handler: ErrorHandler) -> bool:
    return handler.dialog is not None and handler.dialog.isVisible()


@pytest.fixture
def minuting(qtbot, demo_database):
    """The clerk mid-sentence in the 2019 minutes, the autosave not yet due."""
    window, item_id = open_2019_minutes(qtbot, demo_database, 3)
    notes = window.editor.notes
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(notes, " The chair thanked the officers.")
    notes.timer.stop()  # only the error handler may save these words now
    notes.deadline.stop()
    assert notes.dirty
    return window, item_id


def test_an_error_in_a_slot_saves_the_minutes_and_shows_the_log_in_a_dialog(
    qtbot, handler, minuting, demo_database
):
    window, item_id = minuting
    button = QPushButton("Export", window)

    def buggy_export() -> None:
        raise RuntimeError("the export button's handler has a bug")

    button.clicked.connect(buggy_export)
    QTimer.singleShot(0, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
    qtbot.waitUntil(lambda: _dialog_up(handler), timeout=5000)

    dialog = handler.dialog
    said = dialog.informativeText()
    assert "What happened: RuntimeError: the export button's handler has a bug" in said
    assert "Where: " in said and "in buggy_export" in said
    assert str(handler.log_path) in said
    assert "Your unsaved minutes were saved first." in said
    assert "Traceback" in dialog.detailedText()
    assert dialog.open_log_button is not None

    with demo_database.sessions() as session:
        assert notes_of(session, item_id)[0].endswith(" The chair thanked the officers.")
    assert not window.editor.notes.dirty
    assert window.isVisible(), "the window with the minutes stays open"
    log = _log_text(handler)
    assert "Unexpected error" in log
    assert "RuntimeError: the export button's handler has a bug" in log


def test_a_burst_of_errors_shows_one_dialog_and_logs_them_all(qtbot, handler):
    def fail(number: int) -> None:
        raise ValueError(f"failure {number}")

    for number in (1, 2, 3):
        QTimer.singleShot(0, lambda number=number: fail(number))
    qtbot.waitUntil(lambda: _dialog_up(handler), timeout=5000)
    first = handler.dialog
    qtbot.wait(50)
    assert handler.dialog is first
    assert "failure 1" in first.informativeText()
    log = _log_text(handler)
    assert all(f"ValueError: failure {n}" in log for n in (1, 2, 3))


def test_an_error_on_another_thread_is_shown_by_the_gui_thread(qtbot, handler):
    def background() -> None:
        raise OSError("the network share went away")

    worker = threading.Thread(target=background)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: _dialog_up(handler), timeout=5000)
    assert handler.dialog.thread() is QApplication.instance().thread()
    assert "OSError: the network share went away" in handler.dialog.informativeText()


def test_an_error_before_the_event_loop_runs_waits_for_the_clerk(qtbot, handler):
    assert QThread.currentThread().loopLevel() == 0
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.informativeText())
            box.done(0)
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    try:
        raise KeyError("board")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)  # returns once it is closed
    assert seen and "What happened: KeyError: 'board'" in seen[0]


def test_where_names_the_line_of_boardroom_code():
    from boardroom.dates import parse_date

    with pytest.raises(BoardroomError) as caught:
        parse_date("the twelfth of never")
    place = where(caught.value.__traceback__)
    assert place.startswith("dates.py, line ")
    assert place.endswith(", in parse_date")
