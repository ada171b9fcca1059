"""Recording progress on one action: a note, a new status, and — at the meeting's action
log item — the meeting that reviewed it. The history so far is shown above the form."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date
from boardroom.errors import BoardroomError, ConflictError
from boardroom.services.action_rows import ActionRow
from boardroom.services.actions import action_history, add_update, get_action, review_action
from boardroom.services.meetings import list_meetings
from boardroom.storage.models import ActionStatus
from boardroom.ui.conflict_question import Answer, reload_or_overwrite
from boardroom.ui.context import AppContext
from boardroom.ui.icons import icon
from boardroom.ui.labels import label_of


class ActionUpdateDialog(QDialog):
    """Add a progress note and/or change the status; optionally as reviewed at a meeting."""

    def __init__(
        self,
        context: AppContext,
        row: ActionRow,
        *,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.row = row
        self.setWindowTitle(
            self.tr("Review {0} at the meeting").format(row.reference)
            if meeting_id is not None
            else self.tr("Update {0}").format(row.reference)
        )
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{escape(row.reference)}</b> — {escape(row.description)}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.history = QTextBrowser()
        self.history.setMinimumHeight(150)
        layout.addWidget(self.history)
        form = QFormLayout()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("What the meeting heard and agreed about it")
            if meeting_id is not None
            else self.tr("What has happened since the last update?")
        )
        self.note.setTabChangesFocus(True)
        form.addRow(self.tr("Progress &note"), self.note)
        self.status = QComboBox()
        self.status.addItem(self.tr("No change ({0})").format(label_of(row.status)), None)
        for status in ActionStatus:
            if status != row.status:
                self.status.addItem(label_of(status), status.value)
        form.addRow(self.tr("New &status"), self.status)
        self.meeting = QComboBox()
        self.meeting.addItem(self.tr("Not at a meeting"), None)
        form.addRow(self.tr("Reviewed &at"), self.meeting)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setIcon(icon("actions"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load(meeting_id)

    def _load(self, meeting_id: int | None) -> None:
        self._show_history()
        with self.context.database.sessions() as session:
            meetings = list_meetings(session, self.row.board_id)
        for meeting in reversed(meetings):
            self.meeting.addItem(f"{format_date(meeting.starts_at)} · {meeting.title}", meeting.id)
        if meeting_id is not None:
            self.meeting.setCurrentIndex(max(self.meeting.findData(meeting_id), 0))

    def _show_history(self) -> None:
        with self.context.database.sessions() as session:
            updates = action_history(session, self.row.id)
            lines = []
            for update in updates:
                change = (
                    f" <i>{escape(label_of(update.status_from))} → "
                    f"{escape(label_of(update.status_to))}</i>"
                    if update.status_from and update.status_to
                    else ""
                )
                review = (
                    f" · {self.tr('reviewed at the meeting of')} "
                    f"{format_date(update.meeting.starts_at)}"
                    if update.meeting
                    else ""
                )
                lines.append(
                    f"<p><b>{format_date(update.on_date)}</b>{change}{review}<br>"
                    f"{escape(update.text)}</p>"
                )
        self.history.setHtml("".join(lines) or f"<p><i>{self.tr('No updates yet.')}</i></p>")

    def accept(self) -> None:
        note = self.note.toPlainText()
        value = self.status.currentData()
        status = ActionStatus(value) if value else None
        meeting_id = self.meeting.currentData()
        try:
            with self.context.database.transaction() as session:
                if meeting_id is not None:
                    review_action(session, self.row.id, meeting_id, note, status)
                else:
                    add_update(
                        session,
                        self.row.id,
                        note,
                        new_status=status,
                        expected_version=self.row.version,
                    )
        except ConflictError as error:
            self._resolve_conflict(error.message)
            return
        except BoardroomError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return
        self.context.data_changed.emit()
        super().accept()

    def _resolve_conflict(self, message: str) -> None:
        """Another desk updated the action meanwhile: show their update above the note
        being typed (which stays), or record this one anyway."""
        answer = reload_or_overwrite(self, message)
        if answer is None:
            return
        with self.context.database.sessions() as session:
            self.row = self.row._replace(version=get_action(session, self.row.id).version)
        if answer is Answer.OVERWRITE:
            self.accept()
        else:
            self._show_history()
