"""The main window: navigation on the left, board switcher and search on top, the open
database and save state at the bottom."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from boardroom import __version__
from boardroom.services.boards import list_boards
from boardroom.services.demo import load_demo
from boardroom.ui.context import AppContext
from boardroom.ui.icons import app_icon, icon
from boardroom.ui.pages import PAGE_TYPES, Page

SIDEBAR_STYLE = """
QListWidget#sidebar { border: none; background: palette(alternate-base); padding-top: 8px; }
QListWidget#sidebar::item { padding: 8px 12px; border-radius: 6px; margin: 1px 8px; }
QListWidget#sidebar::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
QLabel#brand { font-size: 14pt; font-weight: 700; padding: 14px 18px 6px 18px; }
QLabel#pageHeading { font-size: 17pt; font-weight: 600; padding-bottom: 6px; }
"""


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("Boardroom"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)
        self.setStyleSheet(SIDEBAR_STYLE)

        self.pages: list[Page] = [page_type(context) for page_type in PAGE_TYPES]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)

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
        self.navigation.setCurrentRow(0)

    def _sidebar(self) -> QWidget:
        panel = QWidget()
        panel.setFixedWidth(210)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        brand = QLabel(self.tr("Boardroom"))
        brand.setObjectName("brand")
        layout.addWidget(brand)
        self.navigation = QListWidget()
        self.navigation.setObjectName("sidebar")
        self.navigation.setIconSize(QSize(20, 20))
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(icon(page.icon_name), page.tr_title())
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(page.tr_title(), number))
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
        self.search.setPlaceholderText(self.tr("Search  Ctrl+F"))
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        layout.addWidget(self.search)
        return bar

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        demo_action = QAction(self.tr("Load the &demo board"), self)
        demo_action.triggered.connect(self.load_demo)
        file_menu.addAction(demo_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.go_menu = go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, page in enumerate(self.pages, start=1):
            action = QAction(icon(page.icon_name), page.tr_title(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.go_to(row))
            go_menu.addAction(action)
        find = QAction(self.tr("&Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.addAction(find)

    def load_demo(self) -> None:
        """Load the sample Improvement Board (a no-op when it is already there)."""
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
        self.stack.setCurrentIndex(row)
        self.pages[row].refresh()

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def reload_boards(self) -> None:
        """Refill the board switcher, keeping the current board when it still exists."""
        with self.context.database.sessions() as session:
            boards = [(board.id, board.name) for board in list_boards(session)]
        current = self.context.board_id
        self.board_box.blockSignals(True)
        self.board_box.clear()
        for board_id, name in boards:
            self.board_box.addItem(name, board_id)
        index = self.board_box.findData(current)
        self.board_box.setCurrentIndex(max(index, 0) if boards else -1)
        self.board_box.blockSignals(False)
        self.context.set_board(self.board_box.currentData())
