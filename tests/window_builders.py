"""The main window as a test opens it: shown, exposed, and closed with the test."""

from __future__ import annotations

from boardroom.ui.context import AppContext
from boardroom.ui.main_window import MainWindow


def open_main_window(qtbot, database) -> MainWindow:
    window = MainWindow(AppContext(database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
