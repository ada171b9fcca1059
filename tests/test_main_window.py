"""The window opens offscreen, shows the database, and every page can be reached."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from boardroom.ui.app import offer_demo
from boardroom.ui.context import AppContext
from boardroom.ui.main_window import MainWindow
from boardroom.ui.pages import PAGE_TYPES


def _window(qtbot, database) -> MainWindow:
    window = MainWindow(AppContext(database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_navigates_to_each_page_by_mouse_and_keyboard(qtbot, demo_database):
    window = _window(qtbot, demo_database)
    assert demo_database.describe() in window.database_label.text()
    assert window.board_box.currentText() == "Wirral Improvement Board"
    for row, page_type in enumerate(PAGE_TYPES):
        rect = window.navigation.visualItemRect(window.navigation.item(row))
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert isinstance(window.current_page(), page_type)
    go_actions = {action.shortcut().toString(): action for action in window.go_menu.actions()}
    for row, page_type in enumerate(PAGE_TYPES, start=1):
        go_actions[f"Ctrl+{row}"].trigger()
        assert isinstance(window.current_page(), page_type)


def test_first_start_on_an_empty_database_offers_the_demo(qtbot, database, monkeypatch):
    window = _window(qtbot, database)
    assert window.board_box.count() == 0
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.Yes,
    )
    offer_demo(window, database)
    assert len(asked) == 1
    assert window.board_box.currentText() == "Wirral Improvement Board"
    offer_demo(window, database)
    assert len(asked) == 1, "a database with a board is not offered the demo again"
