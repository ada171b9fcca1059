"""Whether every word is in the database, said plainly and always in view.

The footer's indicator says "Saving…" from the first unsaved keystroke, "✔ Saved 14:32:05"
once the database has the text, "Not saved" in red while a save is failing (the text stays
in the editor and a bar above the notes says why) — "Not saved — retrying" while the
database is locked elsewhere and the next try will likely succeed — and "Read only" at a
desk without the pen. The bar offers *Reload theirs* / *Overwrite with mine* when another
desk saved the same notes meanwhile.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from boardroom.ui.colours import GOOD, MUTED, OVERDUE, WARNING
from boardroom.ui.live.bars import MessageBar
from boardroom.ui.live.notes_editor import NotesEditor

_SHADES = {"saved": GOOD, "saving": WARNING, "failed": OVERDUE, "quiet": MUTED}


class SaveIndicator(QLabel):
    """The footer's save state; ``state`` names it for anyone who checks (tests, a11y)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveState")
        self.state = ""
        self.show_state("quiet", self.tr("All saved"))

    def show_state(self, state: str, text: str) -> None:
        self.state = state
        self.setText(text)
        weight = 700 if state == "failed" else 600
        self.setStyleSheet(f"color: {_SHADES[state].css()}; font-weight: {weight}; padding: 0 8px;")
        self.setAccessibleName(text)


class SaveFeedback:
    """Wires a notes editor to the indicator and the problem bar."""

    def __init__(self, notes: NotesEditor, indicator: SaveIndicator, bar: MessageBar) -> None:
        self.notes, self.indicator, self.bar = notes, indicator, bar
        self.reload_button = bar.add_button(
            QCoreApplication.translate("SaveState", "Reload theirs")
        )
        self.overwrite_button = bar.add_button(
            QCoreApplication.translate("SaveState", "Overwrite with mine")
        )
        self.overwrite_button.clicked.connect(lambda: notes.flush(overwrite=True))
        notes.saving.connect(
            lambda: indicator.show_state(
                "saving", QCoreApplication.translate("SaveState", "Saving…")
            )
        )
        notes.saved.connect(self._saved)
        notes.failed.connect(self._failed)
        notes.busy.connect(self._busy)
        notes.conflict.connect(self._conflict)

    def _saved(self, when: datetime) -> None:
        self.bar.hide()
        self.indicator.show_state(
            "saved", QCoreApplication.translate("SaveState", "✔ Saved {0:%H:%M:%S}").format(when)
        )

    def _failed(self, message: str) -> None:
        self.reload_button.hide()
        self.overwrite_button.hide()
        self.bar.say(
            QCoreApplication.translate(
                "SaveState", "Not saved — your text is kept here. {0}"
            ).format(message)
        )
        self.indicator.show_state("failed", QCoreApplication.translate("SaveState", "Not saved"))

    def _busy(self, message: str) -> None:
        self._failed(message)
        self.indicator.show_state(
            "failed", QCoreApplication.translate("SaveState", "Not saved — retrying")
        )

    def _conflict(self, message: str) -> None:
        self.reload_button.show()
        self.overwrite_button.show()
        self.bar.say(
            QCoreApplication.translate(
                "SaveState", "Changed by someone else — reload or overwrite? {0}"
            ).format(message)
        )
        self.indicator.show_state("failed", QCoreApplication.translate("SaveState", "Not saved"))

    def reloaded(self) -> None:
        self.bar.hide()
        self.indicator.show_state("quiet", QCoreApplication.translate("SaveState", "Reloaded"))

    def read_only(self) -> None:
        self.indicator.show_state("quiet", QCoreApplication.translate("SaveState", "Read only"))

    def all_saved(self) -> None:
        self.indicator.show_state("quiet", QCoreApplication.translate("SaveState", "All saved"))
