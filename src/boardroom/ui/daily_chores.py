"""Today's backup and the papers folder's tidy, on a thread of their own once the window is up.

Both are once a day and take a noticeable moment on ten years of minutes (a 50 MB copy,
a folder listed, every backup's paper table read); on the GUI thread they would hold up the
first day's start and freeze the window while they ran. They use no ORM object and no
session of the window's, so a plain thread is enough; the window is told only if the backup
could not be taken. An error nobody foresaw goes to ``threading.excepthook``, the app's
error dialog and log.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal

from boardroom.errors import BoardroomError
from boardroom.storage.backup import start_up_backup
from boardroom.storage.database import Database


class DailyChores(QObject):
    """Started by the window's start-up; ``wait`` before the database is closed."""

    backup_failed = Signal(str)  # emitted from the worker thread: queued to the window

    def __init__(self, database: Database) -> None:
        super().__init__()
        self._database = database
        self._thread = threading.Thread(target=self._run, name="daily-backup")

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        """Let a backup under way finish: quitting must not leave the day without one."""
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        try:
            start_up_backup(self._database)
        except BoardroomError as error:  # the day's work can go on; the status bar says why
            text = QCoreApplication.translate("Startup", "Today's backup was not taken: {0}")
            self.backup_failed.emit(text.format(error.message))
