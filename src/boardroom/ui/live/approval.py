"""Approving the previous meeting's minutes as a true record, from the item that does it.

The offer appears only on the "minutes of the previous meeting" item; the approval, with
any amendments, is minuted as a resolution there and locks the earlier minutes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from boardroom.errors import BoardroomError
from boardroom.services.minutes import approve_minutes
from boardroom.ui.context import AppContext
from boardroom.ui.key_table import bind
from boardroom.ui.live import keys
from boardroom.ui.table_view import button


class ApprovalBar(QFrame):
    """ "Approve the minutes of Tue 11 Oct 2016 as a true record…" with its button."""

    approve = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel()
        self.button = button(
            "review", self.tr("Approve as a true record…  {0}").format(keys.APPROVE.shown())
        )
        self.button.clicked.connect(self.approve)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.meeting_date = ""

    def offer(self, meeting_date: str) -> None:
        self.meeting_date = meeting_date
        self.label.setText(
            self.tr("The minutes of {0} await approval as a true record.").format(meeting_date)
        )
        self.show()


class ApprovalDialog(QDialog):
    """Asks for any amendments before approving; the approval locks the minutes.

    Enter starts a new line of amendments, as in any text; Ctrl+Enter approves, from the
    amendments or anywhere in the dialog, so the clerk never tabs to the button."""

    def __init__(self, meeting_date: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve the minutes of {0}").format(meeting_date))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The Board approves the minutes of {0} as a true record. Record any amendments "
                "agreed (they become part of the resolution); leave empty if none. Approved "
                "minutes are locked."
            ).format(meeting_date)
        )
        intro.setWordWrap(True)
        self.amendments = QPlainTextEdit()
        self.amendments.setTabChangesFocus(True)
        self.amendments.setPlaceholderText(
            self.tr("e.g. Item 3: “Julia Hassall” to read “Julia Hassall (DCS)”")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.approve_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.approve_button.setText(
            self.tr("Approve and lock  {0}").format(keys.APPROVE_AND_LOCK.shown())
        )
        bind(keys.APPROVE_AND_LOCK, self, self.accept)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(intro)
        layout.addWidget(self.amendments)
        layout.addWidget(buttons)
        self.resize(520, 260)


def ask_and_approve(
    parent: QWidget, context: AppContext, previous: tuple[int, str], at_meeting_id: int, desk: str
) -> bool:
    """Take any amendments, then approve and lock the previous minutes; True if approved."""
    previous_id, when = previous
    dialog = ApprovalDialog(when, parent)
    if dialog.exec() != ApprovalDialog.DialogCode.Accepted:
        return False
    try:
        with context.database.transaction() as session:
            approve_minutes(
                session,
                previous_id,
                at_meeting_id=at_meeting_id,
                amendments=dialog.amendments.toPlainText(),
                actor=desk,
            )
    except BoardroomError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Approval", "Not approved"), error.message
        )
        return False
    context.data_changed.emit()
    context.status_message.emit(
        QCoreApplication.translate(
            "Approval", "The minutes of {0} are approved and locked."
        ).format(when)
    )
    return True
