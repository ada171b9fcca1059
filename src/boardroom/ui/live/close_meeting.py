"""Closing the meeting: the time the chair closed it, for "The meeting closed at 16:05.".

The dialog also says when the register does not show a quorum — most often a register never
taken — so that the clerk can take it before the draft minutes go round, not after.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from boardroom.errors import BoardroomError
from boardroom.services.attendance import Quorum, quorum
from boardroom.services.meetings import get_meeting
from boardroom.services.minutes import close_meeting
from boardroom.ui.colours import WARNING
from boardroom.ui.context import AppContext
from boardroom.ui.labels import quorum_text


class CloseMeetingDialog(QDialog):
    """Asks when the meeting closed (``closed_at``: now, or the time recorded when it is
    being corrected); Enter accepts."""

    def __init__(self, closed_at: time, counted: Quorum, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close the meeting"))
        intro = QLabel(
            self.tr(
                "The minutes will say when the meeting closed, and what has been typed "
                "becomes the draft minutes. You can go on correcting them afterwards."
            )
        )
        intro.setWordWrap(True)
        self.closed_at = QTimeEdit(QTime(closed_at.hour, closed_at.minute))
        self.closed_at.setDisplayFormat("HH:mm")
        form = QFormLayout()
        form.addRow(self.tr("The meeting &closed at"), self.closed_at)
        self.register_warning = QLabel(
            self.tr(
                "⚠ {0}. If the register is not complete, take it (Ctrl+Shift+L) before the "
                "draft minutes go round."
            ).format(quorum_text(counted))
        )
        self.register_warning.setWordWrap(True)
        self.register_warning.setStyleSheet(f"color: {WARNING.css()};")
        self.register_warning.setVisible(not counted.met)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close the meeting"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.register_warning)
        layout.addWidget(buttons)
        self.resize(440, 160)

    def value(self) -> time:
        chosen = self.closed_at.time()
        return time(chosen.hour(), chosen.minute())


def ask_and_close(parent: QWidget, context: AppContext, meeting_id: int, desk: str) -> time | None:
    """Ask when the meeting closed and record it; the time recorded, or None if not."""
    with context.database.sessions() as session:
        counted = quorum(session, meeting_id)
        recorded = get_meeting(session, meeting_id).closed_at
    dialog = CloseMeetingDialog(recorded or datetime.now().time(), counted, parent)
    if dialog.exec() != CloseMeetingDialog.DialogCode.Accepted:
        return None
    try:
        with context.database.transaction() as session:
            close_meeting(session, meeting_id, dialog.value(), actor=desk)
    except BoardroomError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("CloseMeeting", "Not closed"), error.message
        )
        return None
    context.data_changed.emit()
    return dialog.value()
