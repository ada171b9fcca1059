"""The notes box that saves itself: never a save button, never a lost word.

Each keystroke restarts a short single-shot timer; when typing pauses the notes are written
in one small transaction, and a clerk who never pauses is saved anyway once the first
unsaved keystroke is that old (a single UPDATE, a few milliseconds on SQLite WAL, so it stays on
the GUI thread without the clerk noticing). Switching items and closing the window save at
once. A failed save keeps the text in the editor, says why, and tries again.

The timers' saves wait only a moment for a database another desk or program has locked
(``AUTOSAVE_LOCK_WAIT_MS`` instead of the usual five seconds): on the GUI thread a long wait
would freeze the typing, while a quick refusal just means "Not saved — retrying" and another
try shortly. Moving to another item or closing — the clerk's own actions — wait the usual
time, since they cannot go on until the notes are stored.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from sqlalchemy.exc import SQLAlchemyError

from boardroom.errors import BoardroomError, ConflictError, DatabaseBusyError
from boardroom.services.minutes import Expect, save_notes
from boardroom.storage.database import AUTOSAVE_LOCK_WAIT_MS, Database

SAVE_DELAY_MS = 800
MAX_UNSAVED_MS = 800  # continuous typing is still saved this often
RETRY_MS = 2000


class NotesEditor(QPlainTextEdit):
    """Plain-text notes for one agenda item at a time, autosaved.

    ``saved`` carries the time of the save; ``failed`` a message for the clerk; ``busy`` one
    when the database was locked elsewhere and the save will simply be tried again;
    ``conflict`` a message when another desk saved the same notes since this one read them.
    """

    saving = Signal()
    saved = Signal(datetime)
    failed = Signal(str)
    busy = Signal(str)
    conflict = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.item_id: int | None = None
        self.version: int | None = None
        self.dirty = False
        self.in_conflict = False
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(
            self.tr("Notes on this item — what was said, by whom. Saved as you type.")
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.autosave)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(MAX_UNSAVED_MS)
        self.deadline.timeout.connect(self.autosave)
        self.textChanged.connect(self._typed)
        self.window_keys: set[QKeySequence] = set()

    def give_way_to(self, keys: list[QKeySequence]) -> None:
        """Let the window's shortcuts win over the editor's own bindings (Ctrl+↓, Ctrl+D)."""
        self.window_keys = set(keys)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if pressed in self.window_keys:
                event.ignore()
                return True
        return super().event(event)

    def load(self, item_id: int, notes: str, version: int | None) -> None:
        """Show an item's notes; the previous item must already be flushed.

        Reloading unchanged notes leaves the cursor and scroll position where they are.
        """
        unchanged = item_id == self.item_id and notes == self.toPlainText()
        self.item_id, self.version = item_id, version
        self.dirty = self.in_conflict = False
        self.timer.stop()
        self.deadline.stop()
        if not unchanged:
            self.blockSignals(True)
            self.setPlainText(notes)
            self.blockSignals(False)

    def _typed(self) -> None:
        if self.isReadOnly() or self.item_id is None:
            return
        if not self.dirty:
            self.dirty = True
            self.deadline.start()
        self.timer.start(SAVE_DELAY_MS)
        self.saving.emit()

    def autosave(self) -> bool:
        """The timers' save: like ``flush`` but never waiting long for a locked database."""
        return self._save(overwrite=False, lock_wait_ms=AUTOSAVE_LOCK_WAIT_MS)

    def flush(self, overwrite: bool = False) -> bool:
        """Save now if anything is unsaved; True when everything typed is in the database."""
        return self._save(overwrite=overwrite, lock_wait_ms=None)

    def _save(self, *, overwrite: bool, lock_wait_ms: int | None) -> bool:
        self.timer.stop()
        self.deadline.stop()
        if not self.dirty or self.item_id is None:
            return True
        if self.in_conflict and not overwrite:
            return False
        try:
            with self.database.transaction(lock_wait_ms=lock_wait_ms) as session:
                version = save_notes(
                    session,
                    self.item_id,
                    self.toPlainText(),
                    expected_version=Expect.ANY if overwrite else self.version,
                )
        except ConflictError as error:
            self.in_conflict = True
            self.conflict.emit(error.message)
            return False
        except DatabaseBusyError:
            self.busy.emit(
                self.tr(
                    "Another desk or program is writing to the database; "
                    "Boardroom tries again in a moment."
                )
            )
            self.timer.start(RETRY_MS)
            return False
        except BoardroomError as error:
            self._retry_later(error.message)
            return False
        except SQLAlchemyError as error:
            # The database went away (network, disk): keep every word and keep trying.
            self._retry_later(self.tr("The database could not be reached ({0}).").format(error))
            return False
        self.version = version
        self.dirty = self.in_conflict = False
        self.saved.emit(datetime.now())
        return True

    def _retry_later(self, message: str) -> None:
        self.failed.emit(message)
        self.timer.start(RETRY_MS)
