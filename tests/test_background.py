"""Slow work runs off the GUI thread; its result, its progress and its errors come back."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from boardroom.errors import BoardroomError
from boardroom.ui.background import Progress, run_in_background


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_work_runs_on_another_thread_and_the_result_comes_back(qtbot, window):
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}
    start = QPushButton("Export", window)

    def work(progress: Progress) -> int:
        seen["thread"] = threading.get_ident()
        progress.update(1, 2, "Halfway")
        return 42

    def done(result: int) -> None:
        seen["result"], seen["thread_of_result"] = result, threading.get_ident()

    task = run_in_background(window, "Working…", work, done, disable=[start])
    assert not start.isEnabled()
    with qtbot.waitSignal(task.finished) as finished:
        pass
    assert finished.args == [True]
    assert seen["thread"] != gui_thread
    assert (seen["result"], seen["thread_of_result"]) == (42, gui_thread)
    assert start.isEnabled()


def test_a_boardroom_error_is_shown_as_its_message(qtbot, window, monkeypatch):
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text: warnings.append((title, text))
    )
    successes: list[object] = []

    def work(_progress: Progress) -> None:
        raise BoardroomError("The template “letterhead.dotx” is not a Word document.")

    task = run_in_background(window, "Saving…", work, successes.append, title="Word agenda")
    with qtbot.waitSignal(task.finished) as finished:
        pass
    assert finished.args == [False]
    assert warnings == [("Word agenda", "The template “letterhead.dotx” is not a Word document.")]
    assert successes == []


def test_a_bug_goes_to_the_excepthook_not_into_silence(qtbot, window, monkeypatch):
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _type, value, _tb: reported.append(value))

    def work(_progress: Progress) -> None:
        raise KeyError("item 7")

    task = run_in_background(window, "Saving…", work)
    with qtbot.waitSignal(task.finished):
        pass
    assert [type(error) for error in reported] == [KeyError]
