"""What both the Meetings page and the meeting workspace can do to a meeting.

Reschedule, save the calendar invite, cancel: each is one user action and one transaction,
and the same code path whichever screen it starts from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.files import write_atomically
from boardroom.services.boards import rules_of
from boardroom.services.invites import (
    DEFAULT_ORGANIZER_EMAIL,
    DEFAULT_ORGANIZER_NAME,
    Organizer,
    meeting_invites,
)
from boardroom.services.meetings import cancel_meeting, get_meeting, update_meeting
from boardroom.ui.context import AppContext
from boardroom.ui.dialogs.meetings import MeetingDialog
from boardroom.ui.models.meetings import meeting_row
from boardroom.ui.settings_store import SettingsStore


def organizer() -> Organizer:
    """The secretariat as the settings name it, or the documented fallback."""
    settings = SettingsStore().load()
    return Organizer(
        name=settings.secretariat_name or DEFAULT_ORGANIZER_NAME,
        email=settings.secretariat_email or DEFAULT_ORGANIZER_EMAIL,
    )


def edit_meeting(parent: QWidget, context: AppContext, meeting_id: int) -> bool:
    """Open the meeting's details to edit or move it; True when something was saved."""
    with context.database.sessions() as session:
        meeting = get_meeting(session, meeting_id)
        row = meeting_row(meeting)
        rules = rules_of(meeting.board)
        version = meeting.version

    def save(fields) -> None:
        with context.database.transaction() as session:
            update_meeting(session, meeting_id, fields, expected_version=version)
        context.data_changed.emit()

    dialog = MeetingDialog(save, title=row.title, rules=rules, meeting=row, parent=parent)
    return bool(dialog.exec())


def save_invites(parent: QWidget, context: AppContext, meeting_id: int) -> list[Path]:
    """Write the meeting's invite (or cancellation) where the user chooses.

    For a series, updates for moved occurrences are written beside the series' file.
    """
    try:
        with context.database.sessions() as session:
            invites = meeting_invites(session, meeting_id, organizer())
    except BoardroomError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("MeetingActions", "Calendar invite"), error.message
        )
        return []
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MeetingActions", "Save calendar invite"),
        str(Path(folder) / f"{invites[0].name}.ics"),
        QCoreApplication.translate("MeetingActions", "Calendar invite (*.ics)"),
    )
    if not chosen:
        return []
    first = Path(chosen)
    paths = [first] + [first.with_name(f"{invite.name}.ics") for invite in invites[1:]]
    try:
        for path, invite in zip(paths, invites, strict=True):
            write_atomically(path, invite.to_ical())
    except BoardroomError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("MeetingActions", "Calendar invite"), error.message
        )
        return []
    message = QCoreApplication.translate("MeetingActions", "Saved the invite to {0}").format(first)
    if len(paths) > 1:
        message += QCoreApplication.translate(
            "MeetingActions", " and {0} update(s) for moved meetings beside it"
        ).format(len(paths) - 1)
    context.status_message.emit(message + ".")
    return paths


def cancel_with_notice(parent: QWidget, context: AppContext, meeting_id: int) -> bool:
    """Cancel after confirmation, then offer the cancellation for members' calendars."""
    with context.database.sessions() as session:
        meeting = get_meeting(session, meeting_id)
        when = format_date(meeting.starts_at)
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("MeetingActions", "Cancel meeting"),
        QCoreApplication.translate(
            "MeetingActions", "Cancel the meeting on {0}? It stays in the list, marked cancelled."
        ).format(when),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        with context.database.transaction() as session:
            cancel_meeting(session, meeting_id)
    except BoardroomError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("MeetingActions", "Cancel meeting"), error.message
        )
        return False
    context.data_changed.emit()
    send = QMessageBox.question(
        parent,
        QCoreApplication.translate("MeetingActions", "Cancel meeting"),
        QCoreApplication.translate(
            "MeetingActions",
            "The meeting is cancelled. Save the cancellation for members' calendars now?",
        ),
    )
    if send == QMessageBox.StandardButton.Yes:
        save_invites(parent, context, meeting_id)
    return True
