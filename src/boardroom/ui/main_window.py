"""The main window: navigation on the left, board switcher and search on top, the open
database and save state at the bottom.

It behaves like a native application: standard shortcuts and menu roles (macOS moves
Settings, About and Quit to the application menu), its size, place and last page restored,
and its stylesheet re-read from the palette when the system switches light or dark.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from boardroom import __version__
from boardroom.services.dashboard import board_choices
from boardroom.ui.context import AppContext
from boardroom.ui.icons import app_icon, icon
from boardroom.ui.pages import PAGES
from boardroom.ui.pages.base import Page
from boardroom.ui.settings_store import SettingsStore

Shortcut = QKeySequence.StandardKey | str

SIDEBAR_STYLE = """
QListWidget#sidebar { border: none; background: palette(alternate-base); padding-top: 8px;
    outline: 0; }
QListWidget#sidebar::item { padding: 8px 12px; border-radius: 6px; margin: 1px 8px; }
QListWidget#sidebar::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
QLabel#brand { font-size: 14pt; font-weight: 700; padding: 14px 18px 6px 18px; }
"""


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, store: SettingsStore | None = None) -> None:
        super().__init__()
        self.context = context
        self.store = store or SettingsStore()
        self.setWindowTitle(self.tr("Boardroom"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)
        self._restyling = False

        # A placeholder per page until it is first shown (see boardroom.ui.pages).
        self.stack = QStackedWidget()
        for _entry in PAGES:
            self.stack.addWidget(QWidget())

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._sidebar())
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._header())
        column.addWidget(self.stack, 1)
        row.addLayout(column, 1)
        self.setCentralWidget(central)
        self._menus()

        self.database_label = QLabel(self.tr("Database: {0}").format(context.database.describe()))
        self.save_label = QLabel(self.tr("Saved"))
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.save_label)
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        context.data_changed.connect(self.reload_boards)
        self.reload_boards()
        self._restore_place()

    def _sidebar(self) -> QWidget:
        # The sidebar's style sheet is its own: set on the window, it would put every
        # widget of every page under Qt's style-sheet style, slower to lay out and paint.
        panel = self.sidebar = QWidget()
        panel.setStyleSheet(SIDEBAR_STYLE)
        panel.setFixedWidth(210)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        brand = QLabel(self.tr("Boardroom"))
        brand.setObjectName("brand")
        layout.addWidget(brand)
        self.navigation = QListWidget()
        self.navigation.setObjectName("sidebar")
        self.navigation.setIconSize(QSize(20, 20))
        for number, entry in enumerate(PAGES, start=1):
            item = QListWidgetItem(icon(entry.icon_name), entry.tr_title())
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(entry.tr_title(), number))
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self.show_page)
        layout.addWidget(self.navigation, 1)
        version = QLabel(f"v{__version__}")
        version.setEnabled(False)
        version.setContentsMargins(18, 6, 6, 10)
        layout.addWidget(version)
        panel.setAutoFillBackground(True)
        return panel

    def _header(self) -> QWidget:
        bar = QWidget()
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(24, 12, 24, 4)
        self.board_box = QComboBox()
        self.board_box.setMinimumWidth(280)
        self.board_box.setToolTip(self.tr("The board whose business is shown"))
        self.board_box.currentIndexChanged.connect(
            lambda _index: self.context.set_board(self.board_box.currentData())
        )
        layout.addWidget(self.board_box)
        layout.addStretch(1)
        self.search = QLineEdit()
        find = QKeySequence(QKeySequence.StandardKey.Find)
        native = QKeySequence.SequenceFormat.NativeText
        self.search.setPlaceholderText(self.tr("Search  {0}").format(find.toString(native)))
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(lambda text: self.current_page().apply_search(text))
        layout.addWidget(self.search)
        self.settings_button = QToolButton()
        self.settings_button.setIcon(icon("settings"))
        self.settings_button.setAutoRaise(True)
        settings_key = QKeySequence("Ctrl+,").toString(native)
        self.settings_button.setToolTip(self.tr("Settings ({0})").format(settings_key))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.clicked.connect(self.open_settings)
        layout.addWidget(self.settings_button)
        return bar

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcuts: Sequence[Shortcut] = (),
        role: QAction.MenuRole = QAction.MenuRole.NoRole,
    ) -> QAction:
        """A menu action; a standard key means the platform's main binding for it (if any)."""
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            key = QKeySequence(shortcut)
            if not key.isEmpty() and key not in keys:
                keys.append(key)
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setMenuRole(role)
        action.triggered.connect(slot)
        return action

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_keys = [QKeySequence.StandardKey.New]
        file_menu.addAction(
            self._action(self.tr("&New…"), lambda: self.current_page().create_new(), new_keys)
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Load the &demo board"), self.load_demo))
        file_menu.addSeparator()
        quit_keys = [QKeySequence.StandardKey.Quit, "Ctrl+Q"]  # Windows has no standard one
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, quit_keys, QAction.MenuRole.QuitRole)
        )
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        find_keys = [QKeySequence.StandardKey.Find]
        edit_menu.addAction(self._action(self.tr("&Find"), self.focus_search, find_keys))
        edit_menu.addSeparator()
        # Preferences is Cmd+, on macOS but has no standard key elsewhere; Ctrl+, is the
        # convention Windows and Linux users know from their other applications.
        settings_keys = [QKeySequence.StandardKey.Preferences, "Ctrl+,"]
        edit_menu.addAction(
            self._action(
                self.tr("&Settings…"),
                self.open_settings,
                settings_keys,
                QAction.MenuRole.PreferencesRole,
            )
        )
        self.go_menu = go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, entry in enumerate(PAGES, start=1):
            action = QAction(icon(entry.icon_name), entry.tr_title(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.go_to(row))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_keys = [QKeySequence.StandardKey.HelpContents, "Ctrl+/"]
        help_menu.addAction(
            self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, help_keys)
        )
        help_menu.addAction(
            self._action(
                self.tr("&About Boardroom"), self.show_about, role=QAction.MenuRole.AboutRole
            )
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # The dialogs are imported when first opened: none of them is needed to show the window.

    def open_settings(self) -> None:
        from boardroom.ui.settings_dialog import SettingsDialog

        _run_dialog(SettingsDialog(self.store, self.context.database.describe(), self))

    def show_shortcuts(self) -> None:
        from boardroom.ui.shortcuts_dialog import ShortcutsDialog

        _run_dialog(ShortcutsDialog(self))

    def show_about(self) -> None:
        from boardroom.ui.about_dialog import AboutDialog

        _run_dialog(AboutDialog(self))

    def bring_to_front(self) -> None:
        """A second launch asked for the window: un-minimise it (back to maximised or
        full-screen if it was) and give it the focus."""
        state = self.windowState() & ~Qt.WindowState.WindowMinimized
        self.setWindowState(state | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    def _restore_place(self) -> None:
        geometry = self.store.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.store.window_state()
        if state is not None:
            self.restoreState(state)
        keys = [entry.key for entry in PAGES]
        last = self.store.last_page()
        self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.store.save_window(self.saveGeometry(), self.saveState(), self.current_page().key)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # palette(...) in a stylesheet is resolved when it is applied: re-apply it so the
        # sidebar follows a switch between light and dark. Icons re-tint by themselves.
        if event.type() == QEvent.Type.PaletteChange and not self._restyling:
            self._restyling = True
            self.sidebar.setStyleSheet("")
            self.sidebar.setStyleSheet(SIDEBAR_STYLE)
            self._restyling = False
        super().changeEvent(event)

    def load_demo(self) -> None:
        """Load the sample Improvement Board (a no-op when it is already there)."""
        from boardroom.services.demo import load_demo

        with self.context.database.transaction() as session:
            outcome = load_demo(session)
        self.context.data_changed.emit()
        index = self.board_box.findText(outcome.board_name)
        self.board_box.setCurrentIndex(index)
        message = (
            self.tr("Loaded the demo board.")
            if outcome.loaded
            else self.tr("The demo board is already loaded.")
        )
        self.context.status_message.emit(message)

    def go_to(self, row: int) -> None:
        self.navigation.setCurrentRow(row)

    def show_page(self, row: int) -> None:
        # A search belongs to the page it was typed on: clear it there before leaving.
        self.search.clear()
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        page.refresh()

    def page(self, row: int) -> Page:
        """The page in that row of the sidebar, built (its module imported) the first time."""
        placeholder = self.stack.widget(row)
        if isinstance(placeholder, Page):
            return placeholder  # built already
        page = PAGES[row].page_type()(self.context)
        current = self.stack.currentIndex()
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        return page

    def current_page(self) -> Page:
        return self.page(self.stack.currentIndex())

    def reload_boards(self) -> None:
        """Refill the board switcher, keeping the current board when it still exists."""
        with self.context.database.connect() as connection:
            boards = board_choices(connection)
        current = self.context.board_id
        self.board_box.blockSignals(True)
        self.board_box.clear()
        for board_id, name in boards:
            self.board_box.addItem(name, board_id)
        index = self.board_box.findData(current)
        self.board_box.setCurrentIndex(max(index, 0) if boards else -1)
        self.board_box.blockSignals(False)
        self.context.set_board(self.board_box.currentData())


def _run_dialog(dialog: QDialog) -> None:
    """Show a modal dialog, then free it (a child of the window would otherwise linger)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()
