"""Start-up: one instance per user, the QApplication, the database, the first-run demo offer.

The database is, in order: ``--database`` on the command line, ``BOARDROOM_DATABASE_URL``,
the one chosen in Settings (password from the keyring), the local SQLite file. When the saved
shared database cannot be opened the clerk may fall back to the local file, so a server that
is down (or a wrong URL) never locks them out of Settings.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from boardroom import __version__, collector, startup_phases
from boardroom.assets import resource
from boardroom.errors import BoardroomError
from boardroom.logs import setup_logging
from boardroom.services.dashboard import board_choices
from boardroom.settings import Settings, startup_database_url
from boardroom.storage.database import ENV_VAR, Database, open_database
from boardroom.ui.context import AppContext
from boardroom.ui.error_dialog import install_error_handling
from boardroom.ui.first_paint import after_first_paint
from boardroom.ui.icons import app_icon
from boardroom.ui.main_window import MainWindow
from boardroom.ui.settings_store import APPLICATION, ORGANISATION, SettingsStore
from boardroom.ui.single_instance import SingleInstance
from boardroom.ui.theme import follow_system_colour_scheme

if TYPE_CHECKING:
    from boardroom.ui.daily_chores import DailyChores

# Set by the installers' build check: open the window, report, quit. A value ending in
# ".png" also saves a screenshot of the window there.
SMOKE_TEST_VAR = "BOARDROOM_SMOKE_TEST"


def _app_title() -> str:
    return QCoreApplication.translate("Startup", "Boardroom")


def install_translators(app: QApplication) -> None:
    """Qt's own strings and Boardroom's in the system language, where a translation exists."""
    locale = QLocale.system()
    folders = {
        "qtbase": QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        "boardroom": str(resource("translations")),
    }
    for name, folder in folders.items():
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("boardroom")  # matches boardroom.desktop: the dock shows our icon
    app.setWindowIcon(app_icon())
    follow_system_colour_scheme(app)
    install_translators(app)
    return app


def offer_demo(window: MainWindow, database: Database) -> None:
    """On an empty database, offer the sample board so a newcomer sees a working app."""
    with database.connect() as connection:
        if board_choices(connection):
            return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("Startup", "Welcome to Boardroom"),
        QCoreApplication.translate(
            "Startup",
            "This database has no boards yet.\n\nLoad the demo Improvement Board "
            "(members, two meetings, minutes and the 2019 improvement plan) to explore?",
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.load_demo()


def open_startup_database(explicit: str | None, settings: Settings) -> Database | None:
    """The database to work on, or None (after telling the user why) to quit."""
    try:
        return open_database(startup_database_url(explicit, settings))
    except BoardroomError as error:
        chosen_in_settings = settings.database_url and not (explicit or os.environ.get(ENV_VAR))
        if not chosen_in_settings:
            QMessageBox.critical(None, _app_title(), error.message)
            return None
        answer = QMessageBox.question(
            None,
            _app_title(),
            QCoreApplication.translate(
                "Startup",
                "{0}\n\nOpen the database on this computer instead? You can choose the "
                "shared database again in Settings.",
            ).format(error.message),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    try:
        return open_database(None)
    except BoardroomError as error:
        QMessageBox.critical(None, _app_title(), error.message)
        return None


def load_the_rest(window: MainWindow, database: Database) -> DailyChores:
    """Once the window is painted: SQLAlchemy's ORM and the models every other screen works
    with — a tenth of a second the first screen does not wait for (it reads with Core) —
    then the garbage collector again (see boardroom.collector), then today's backup and
    tidy, on their thread."""
    try:
        from sqlalchemy.orm import configure_mappers

        import boardroom.storage.models  # noqa: F401  (the mapped classes, configured below)

        database.sessions  # noqa: B018  (the session factory, made now rather than on a click)
        configure_mappers()
    finally:
        collector.resume()
    from boardroom.ui.daily_chores import DailyChores

    chores = DailyChores(database)
    chores.backup_failed.connect(window.statusBar().showMessage)
    chores.start()
    return chores


def _smoke_test(window: MainWindow, app: QApplication, target: str) -> None:
    """Report the window on screen (run just after its first paint), then quit; the picture
    for the build check is taken after the report, so that its cost is not counted."""
    startup_phases.end("paint")
    print(
        f"Boardroom {__version__}: window shown, {window.width()}x{window.height()}, "
        f"page {window.current_page().key}",
        flush=True,
    )
    print(startup_phases.line(), flush=True)
    image = window.grab().toImage()
    if target.endswith(".png"):
        image.save(target)
    app.exit(0 if not image.isNull() else 1)


def run(database_url: str | None = None) -> int:
    startup_phases.end("modules")
    app = create_application()
    install_error_handling(setup_logging())  # from here on no error closes a window unseen
    smoke_test = os.environ.get(SMOKE_TEST_VAR, "")
    if smoke_test:
        return _open_window(app, database_url, None, smoke_test)
    instance = SingleInstance()
    try:
        if instance.is_primary:
            return _open_window(app, database_url, instance, smoke_test)
        if instance.handed_over:
            return 0  # the window already open has been brought to the front
        QMessageBox.warning(
            None,
            _app_title(),
            QCoreApplication.translate(
                "Startup",
                "Boardroom is already open on this computer but did not answer. Close it "
                "(or end it in the task manager if it no longer responds) and start "
                "Boardroom again.",
            ),
        )
        return 1
    finally:
        instance.close()


def _open_window(
    app: QApplication, database_url: str | None, instance: SingleInstance | None, smoke_test: str
) -> int:
    store = SettingsStore()
    database = open_startup_database(database_url, store.load())
    if database is None:
        return 1
    window = MainWindow(AppContext(database), store)
    started: list[DailyChores] = []

    def once_on_screen() -> None:
        if instance is not None:
            instance.listen()  # a later launch waits for this rather than opening a window
        if smoke_test:
            _smoke_test(window, app, smoke_test)
        started.append(load_the_rest(window, database))

    after_first_paint(window, once_on_screen)  # watching before show() may paint it
    window.show()
    startup_phases.end("window")
    if instance is not None:
        instance.activation_requested.connect(window.bring_to_front)
    if not smoke_test:
        offer_demo(window, database)
    code = app.exec()
    for chores in started:
        chores.wait()
    database.close()
    return code
