"""Start-up: the QApplication, the database, the first-run offer of the demo board."""

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from boardroom import __version__
from boardroom.errors import BoardroomError
from boardroom.services.boards import list_boards
from boardroom.storage.database import Database, open_database
from boardroom.ui.context import AppContext
from boardroom.ui.icons import app_icon
from boardroom.ui.main_window import MainWindow


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    app.setApplicationName("Boardroom")
    app.setOrganizationName("Boardroom")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def offer_demo(window: MainWindow, database: Database) -> None:
    """On an empty database, offer the sample board so a newcomer sees a working app."""
    with database.sessions() as session:
        if list_boards(session):
            return
    answer = QMessageBox.question(
        window,
        window.tr("Welcome to Boardroom"),
        window.tr(
            "This database has no boards yet.\n\nLoad the demo Improvement Board "
            "(members, two meetings, minutes and the 2019 improvement plan) to explore?"
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.load_demo()


def run(database_url: str | None = None) -> int:
    app = create_application()
    try:
        database = open_database(database_url)
    except BoardroomError as error:
        QMessageBox.critical(None, "Boardroom", error.message)
        return 1
    window = MainWindow(AppContext(database))
    window.show()
    offer_demo(window, database)
    code = app.exec()
    database.close()
    return code
