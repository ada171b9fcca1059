"""The question a desk is asked when another desk saved the same record first.

Nothing is lost whichever way it is answered: *Reload theirs* shows what the other desk
saved (the dialog stays open, with what was typed where it can stay), *Overwrite with mine*
saves this desk's version over it, *Cancel* changes nothing and keeps the dialog as it is.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Answer(Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"


def reload_or_overwrite(parent: QWidget, message: str) -> Answer | None:
    """Ask; None when the clerk cancels."""
    box = QMessageBox(QMessageBox.Icon.Warning, parent.windowTitle(), "", parent=parent)
    box.setText(
        QCoreApplication.translate(
            "ConflictQuestion", "Changed by someone else — reload or overwrite?"
        )
    )
    box.setInformativeText(message)
    answers = {
        box.addButton(
            QCoreApplication.translate("ConflictQuestion", "Reload theirs"),
            QMessageBox.ButtonRole.ResetRole,
        ): Answer.RELOAD,
        box.addButton(
            QCoreApplication.translate("ConflictQuestion", "Overwrite with mine"),
            QMessageBox.ButtonRole.AcceptRole,
        ): Answer.OVERWRITE,
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return answers.get(box.clickedButton())
