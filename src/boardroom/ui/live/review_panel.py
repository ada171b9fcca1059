"""Reviewing the action log at the meeting, from the keyboard.

On the agenda's action log item every action still open is brought forward. The clerk goes
down the list as the chair does: Enter on an action opens a row for what was said and any
new status, Enter records it and moves to the next action not yet reviewed. Each review is
an update in the action's history dated to the meeting, and the Word minutes list them in
their "Actions reviewed" table.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from boardroom.errors import BoardroomError
from boardroom.services.live_minutes import ReviewLine, actions_to_review, record_review
from boardroom.storage.models import ActionStatus
from boardroom.ui.context import AppContext
from boardroom.ui.labels import label_of
from boardroom.ui.live.models import ReviewModel
from boardroom.ui.live.sections import section
from boardroom.ui.table_view import on_activate
from boardroom.ui.theme import muted_text

SHOWN_ROWS = 8  # then the list scrolls, leaving the notes their room


class ReviewRow(QFrame):
    """What the meeting said about one action: a note and, if it moved, its new status."""

    submitted = Signal(str, object)  # note, ActionStatus | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.action = QLabel()
        self.action.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What the meeting heard — progress, a new date …"))
        self.status = QComboBox()
        self.status.addItem(self.tr("No change"), "")
        for status in ActionStatus:
            self.status.addItem(label_of(status), status.value)
        hint = muted_text(
            QLabel(self.tr("Tab status · Enter record and go to the next · Esc cancel"))
        )
        hint.setObjectName("shortcutHint")
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self.note)
        status_label = QLabel(self.tr("&Status"))
        status_label.setBuddy(self.status)
        layout.addWidget(self.action, 0, 0, 1, 4)
        layout.addWidget(note_label, 1, 0)
        layout.addWidget(self.note, 1, 1)
        layout.addWidget(status_label, 1, 2)
        layout.addWidget(self.status, 1, 3)
        layout.addWidget(hint, 2, 1, 1, 3, Qt.AlignmentFlag.AlignRight)
        layout.setColumnStretch(1, 1)
        self.note.returnPressed.connect(self.submit)

    def open(self, line: ReviewLine) -> None:
        self.action.setText(f"<b>{escape(line.reference)}</b> · {escape(line.description)}")
        self.note.clear()
        self.status.setCurrentIndex(0)
        self.show()
        self.note.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on the status list records too (a closed combo box passes it up here)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.status.hasFocus():
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        value = self.status.currentData()  # Qt hands enum data back as plain text
        self.submitted.emit(self.note.text(), ActionStatus(value) if value else None)


class ReviewPanel(QWidget):
    """The action log item's list of actions brought forward; ``changed`` after a review."""

    changed = Signal()

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.model = ReviewModel(self)
        self.view = section(
            layout,
            self.tr("Action log — brought forward for review"),
            self.tr("Ctrl+Shift+R go to the list · Enter review"),
            self.model,
            ReviewModel.COL_ACTION,
            self.tr("No open actions to bring forward."),
            max_rows=SHOWN_ROWS,
        )
        self.summary = muted_text(QLabel())
        self.summary.setObjectName("shortcutHint")
        layout.addWidget(self.summary)
        self.row = ReviewRow()
        self.row.hide()
        self.row.submitted.connect(self._record)
        layout.addWidget(self.row)
        on_activate(self.view, self.open_current)
        self.editing: ReviewLine | None = None

    def reload(self) -> None:
        with self.context.database.sessions() as session:
            lines = actions_to_review(session, self.meeting_id)
        self.model.set_rows(lines)
        done = sum(1 for line in lines if line.reviewed)
        self.summary.setText(
            self.tr("{0} of {1} reviewed").format(done, len(lines)) if lines else ""
        )

    def focus_list(self) -> None:
        """Ctrl+Shift+R: into the list, at the first action not yet reviewed."""
        self.row.hide()
        self.view.setFocus()
        self._select(next((r for r, line in enumerate(self.model.rows()) if not line.reviewed), 0))

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, ReviewModel.COL_ACTION))

    def open_current(self) -> None:
        row = self.view.currentIndex().row()
        if self.read_only or not 0 <= row < self.model.rowCount():
            return
        self.editing = self.model.row_at(row)
        self.row.open(self.editing)

    def escape(self) -> bool:
        """Esc: close a half-filled review; True if there was one."""
        if not self.row.isVisible():
            return False
        self.row.hide()
        self.view.setFocus()
        return True

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if read_only:
            self.row.hide()

    def _record(self, note: str, status: ActionStatus | None) -> None:
        line = self.editing
        if line is None:
            return
        try:
            with self.context.database.transaction() as session:
                record_review(session, self.meeting_id, line.action_id, note, status)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Review not recorded"), error.message)
            return
        self.row.hide()
        self.reload()
        self.changed.emit()
        rows = self.model.rows()
        here = next((r for r, each in enumerate(rows) if each.action_id == line.action_id), 0)
        later = [r for r, each in enumerate(rows) if not each.reviewed and r > here]
        self._select(later[0] if later else here)
        self.view.setFocus()
