"""*Circulate*: one click from a finished agenda to an email draft in the clerk's mail client.

The draft (Word agenda, calendar invite, every paper) is written to the ``circulations``
folder beside the database — where a copy of what went out stays on record — and opened
with the system's handler for ``.eml`` files (Outlook, Thunderbird, Mail), which shows it as
an editable message to send. The meeting is recorded as circulated in the same transaction.
The sender is the secretariat from Settings, else the board's secretary.
"""

from __future__ import annotations

from collections.abc import Callable
from email.headerregistry import Address
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from boardroom.circulation import Circulated, circulate, default_organiser, draft_filename
from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.meetings import get_meeting
from boardroom.storage.database import data_dir
from boardroom.storage.models import Meeting
from boardroom.ui.background import BackgroundTask, Progress, run_in_background
from boardroom.ui.context import AppContext
from boardroom.ui.meeting_actions import organizer
from boardroom.ui.meeting_exports import template_and_author
from boardroom.ui.settings_store import SettingsStore


def drafts_folder() -> Path:
    return data_dir() / "circulations"


def unused_path(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or "name (2).eml" … when an earlier draft has it."""
    path = folder / name
    counter = 2
    while path.exists():
        path = folder / f"{Path(name).stem} ({counter}){Path(name).suffix}"
        counter += 1
    return path


def sender(session: Session, meeting: Meeting) -> Address:
    """The secretariat named in Settings, else the board's secretary, else the fallback."""
    settings = SettingsStore().load()
    if not settings.secretariat_email:
        secretary = default_organiser(session, meeting)
        if secretary is not None:
            return Address(display_name=secretary.display_name, addr_spec=secretary.email)
    chosen = organizer()
    return Address(display_name=chosen.name, addr_spec=chosen.email)


def report(done: Circulated) -> str:
    """What the clerk is told: on time or not, how many addressed, who was not."""
    record, addressed = done.record, done.recipients
    due = format_date(record.deadline)
    if record.met_deadline:
        text = QCoreApplication.translate(
            "Circulate", "Circulated on time (papers were due {0})."
        ).format(due)
    else:
        text = QCoreApplication.translate(
            "Circulate", "Circulated after the papers deadline of {0}."
        ).format(due)
    text += " " + QCoreApplication.translate(
        "Circulate", "The draft to {0} recipients ({1} copied in) is in your mail client."
    ).format(len(addressed.to), len(addressed.cc))
    if addressed.without_email:
        text += " " + QCoreApplication.translate(
            "Circulate", "No email address for {0}: send them the papers another way."
        ).format(", ".join(addressed.without_email))
    return text


def circulate_meeting(
    parent: QWidget,
    context: AppContext,
    meeting_id: int,
    on_done: Callable[[Circulated, bool], None],
) -> BackgroundTask[Circulated] | None:
    """Write, record and open the draft; ``on_done(result, opened)`` on the GUI thread."""
    with context.database.sessions() as session:
        meeting = get_meeting(session, meeting_id)
        already = meeting.circulated_at
        target = unused_path(drafts_folder(), draft_filename(meeting))
        organiser = sender(session, meeting)
    if already is not None:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Circulate", "Circulate"),
            QCoreApplication.translate(
                "Circulate",
                "The agenda was circulated on {0} at {1}. Circulate it again (with revised "
                "papers, say)? The new date is recorded.",
            ).format(format_date(already), f"{already:%H:%M}"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    template, _author = template_and_author()

    def work(_progress: Progress) -> Circulated:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            cannot = QCoreApplication.translate(
                "Circulate", "Cannot create the folder for email drafts, {0}: {1}."
            )
            raise BoardroomError(cannot.format(target.parent, exc.strerror or exc)) from exc
        with context.database.transaction() as session:
            return circulate(session, meeting_id, target, organiser, template=template)

    def finished(done: Circulated) -> None:
        context.data_changed.emit()
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(done.path)))
        on_done(done, opened)

    return run_in_background(
        parent,
        QCoreApplication.translate(
            "Circulate", "Writing the email draft with the agenda, invite and papers…"
        ),
        work,
        finished,
        title=QCoreApplication.translate("Circulate", "Circulate"),
    )
