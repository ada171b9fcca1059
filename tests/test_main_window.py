"""The window opens offscreen, shows the database, every page can be reached, and it behaves
like a native application: shortcuts, restored place, theme changes, one instance."""

import uuid

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import QMessageBox, QStyleFactory

from boardroom import __version__
from boardroom.ui import theme
from boardroom.ui.about_dialog import AboutDialog
from boardroom.ui.app import offer_demo
from boardroom.ui.main_window import MainWindow
from boardroom.ui.pages import PAGES
from boardroom.ui.settings_dialog import SettingsDialog
from boardroom.ui.settings_store import SettingsStore
from boardroom.ui.shortcuts_dialog import ShortcutsDialog
from boardroom.ui.single_instance import SingleInstance
from window_builders import open_main_window


def test_navigates_to_each_page_by_mouse_and_keyboard(qtbot, demo_database):
    window = open_main_window(qtbot, demo_database)
    assert demo_database.describe() in window.database_label.text()
    assert window.board_box.currentText() == "Wirral Improvement Board"
    for row, entry in enumerate(PAGES):
        rect = window.navigation.visualItemRect(window.navigation.item(row))
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert isinstance(window.current_page(), entry.page_type())
        assert window.current_page().key == entry.key
    go_actions = {action.shortcut().toString(): action for action in window.go_menu.actions()}
    for row, entry in enumerate(PAGES, start=1):
        go_actions[f"Ctrl+{row}"].trigger()
        assert isinstance(window.current_page(), entry.page_type())


def test_every_list_fits_the_window_without_a_sideways_scroll_bar(qtbot, demo_database):
    """At the window's first size each page's main list shows all its columns (the
    meetings list's venue gives way, elided)."""
    from PySide6.QtWidgets import QAbstractItemView

    window = open_main_window(qtbot, demo_database)
    for row in range(len(PAGES)):
        window.go_to(row)
        page = window.current_page()
        lists = [view for view in page.findChildren(QAbstractItemView) if view.isVisible()]
        assert lists, page.key

        def all_fit(lists=lists) -> bool:  # once laid out, as the clerk sees it
            return not any(view.horizontalScrollBar().isVisible() for view in lists)

        qtbot.waitUntil(all_fit, timeout=1000)


def test_each_sidebar_entry_names_the_page_it_opens():
    for entry in PAGES:
        assert entry.page_type().key == entry.key


def test_first_start_on_an_empty_database_offers_the_demo(qtbot, database, monkeypatch):
    window = open_main_window(qtbot, database)
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


def test_size_place_and_last_page_are_restored_in_the_next_window(qtbot, demo_database):
    first = open_main_window(qtbot, demo_database)
    first.resize(first.width(), 560)
    first.move(30, 40)
    first.go_to(3)
    first.close()

    second = open_main_window(qtbot, demo_database)
    assert second.current_page().key == PAGES[3].key
    assert second.navigation.currentRow() == 3
    # The offscreen screen is 800 px wide, narrower than the window: only x is clamped.
    assert (second.y(), second.height()) == (40, 560)
    second.showMaximized()
    second.close()
    assert open_main_window(qtbot, demo_database).isMaximized()


def test_an_unknown_saved_page_opens_the_dashboard(qtbot, demo_database):
    SettingsStore().save_window(QByteArray(), QByteArray(), "retired-page")
    window = open_main_window(qtbot, demo_database)
    assert window.navigation.currentRow() == 0


def _press(qtbot, window: MainWindow, key: str) -> None:
    sequence = QKeySequence(key)
    combination = sequence[0]
    qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())


def test_standard_shortcuts_reach_the_current_page(qtbot, demo_database, monkeypatch):
    window = open_main_window(qtbot, demo_database)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.go_to(1)
    created, searched = [], []
    monkeypatch.setattr(window.current_page(), "create_new", lambda: created.append(True))
    monkeypatch.setattr(window.current_page(), "apply_search", searched.append)

    _press(qtbot, window, "Ctrl+N")
    assert created == [True]

    _press(qtbot, window, "Ctrl+F")
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "Hassall")
    assert searched[-1] == "Hassall"

    window.go_to(2)
    assert searched[-1] == "", "leaving a page clears its search"
    assert window.search.text() == ""


def test_settings_open_from_the_keyboard_and_the_header(qtbot, demo_database, monkeypatch):
    window = open_main_window(qtbot, demo_database)
    with qtbot.waitActive(window):
        window.activateWindow()
    opened = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    _press(qtbot, window, "Ctrl+,")
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2
    assert opened[0].in_use == demo_database.describe()


def test_quit_closes_the_window_and_remembers_it(qtbot, demo_database):
    window = open_main_window(qtbot, demo_database)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.go_to(4)
    _press(qtbot, window, "Ctrl+Q")
    assert not window.isVisible()
    assert SettingsStore().last_page() == PAGES[4].key


def test_the_shortcut_reference_lists_every_menu_shortcut(qtbot, demo_database):
    window = open_main_window(qtbot, demo_database)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    listed = {(section, command): keys for section, command, keys in dialog.rows}
    assert listed[("File", "New")] == "Ctrl+N"
    assert listed[("File", "Quit")] == "Ctrl+Q"
    assert listed[("Edit", "Find")] == "Ctrl+F"
    assert "Ctrl+," in listed[("Edit", "Settings")]
    assert "F1" in listed[("Help", "Keyboard shortcuts")]
    for row, entry in enumerate(PAGES, start=1):
        assert listed[("Go", entry.tr_title())] == f"Ctrl+{row}"
    html = dialog.text.toPlainText()
    assert "Keyboard shortcuts" in html
    assert "Ctrl+F" in html


def test_a_second_launch_brings_the_window_forward(qtbot, demo_database):
    window = open_main_window(qtbot, demo_database)
    window.showMinimized()
    name = f"boardroom-test-{uuid.uuid4().hex}"
    first = SingleInstance(name)
    first.listen()
    first.activation_requested.connect(window.bring_to_front)
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert not SingleInstance(name).is_primary
        assert not window.isMinimized()
        window.showMaximized()
        window.showMinimized()
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert not SingleInstance(name).is_primary
        assert window.isMaximized(), "a maximised window comes back maximised"
        assert not window.isMinimized()
    finally:
        first.close()


def _ink(icon: QIcon) -> set[str]:
    image = icon.pixmap(24, 24).toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_icons_and_sidebar_follow_a_switch_to_dark(qtbot, demo_database, qapp):
    window = open_main_window(qtbot, demo_database)
    search_icon = window.settings_button.icon()
    light = qapp.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    dark.setColor(QPalette.ColorRole.AlternateBase, QColor("#303030"))
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        assert _ink(search_icon) == {"#eeeeee"}, "the icon already shown re-tints"
        sidebar = window.navigation.grab().toImage()
        corner = sidebar.pixelColor(sidebar.width() - 4, sidebar.height() - 4)
        assert corner.name() == "#303030", "the sidebar's palette(...) colours are re-read"
    finally:
        qapp.setPalette(light)
    assert _ink(search_icon) == {light.color(QPalette.ColorRole.WindowText).name()}
    sharp = search_icon.pixmap(QSize(24, 24), 2.0)
    assert (sharp.width(), sharp.devicePixelRatio()) == (48, 2.0), "drawn for high-DPI screens"


def test_about_shows_version_and_licence(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version.text()
    assert "MIT" in dialog.licence_heading.text()
    assert dialog.licence.toPlainText().startswith("MIT License")
    assert "Python" in dialog.platform.text()


def test_a_style_that_cannot_draw_dark_gives_way_to_fusion_when_the_system_is_dark(
    qapp, monkeypatch
):
    """Windows 10's default style stays light whatever the palette; Linux has no such style,
    so the plain Windows style stands in for it."""
    assert "Windows" in list(QStyleFactory.keys())
    original = qapp.style().name()
    monkeypatch.setattr(theme, "_LIGHT_ONLY_STYLES", {"windows"})
    try:
        qapp.setStyle("Windows")
        theme.apply_colour_scheme(qapp, Qt.ColorScheme.Light)
        assert qapp.style().name().lower() == "windows", "light: the native style stays"
        theme.apply_colour_scheme(qapp, Qt.ColorScheme.Dark)
        assert qapp.style().name().lower() == "fusion"
    finally:
        qapp.setStyle(original)
