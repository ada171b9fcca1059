"""Saving a meeting's Word agenda or Word minutes from the window.

A menu button offers the members' version (with the exempt Part 2) or the public one;
a native save dialog proposes "Wirral Improvement Board agenda 2016-10-11.docx" in the
Documents folder; the default Word template from Settings gives the letterhead; the file is
written off the GUI thread. The same builders as ``boardroom export agenda|minutes``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from sqlalchemy.orm import Session

from boardroom.agenda_docx import export_agenda
from boardroom.minutes_docx import export_minutes
from boardroom.services.meetings import get_meeting
from boardroom.ui.background import BackgroundTask, Progress, run_in_background
from boardroom.ui.context import AppContext
from boardroom.ui.settings_store import template_and_author
from boardroom.ui.table_view import button
from boardroom.ui.version_menu import version_menu


@dataclass(frozen=True)
class WordExport:
    """One kind of Word document and the words the window uses for it."""

    file_name: str  # "{board} agenda {date}": the name offered for the file, sans .docx
    write: Callable[..., Path]  # export_agenda / export_minutes
    name: str  # "Word agenda": the button and the dialogs' titles
    writing: str
    tip: str


AGENDA = WordExport(
    QT_TRANSLATE_NOOP("MeetingExports", "{0} agenda {1}"),
    export_agenda,
    QT_TRANSLATE_NOOP("MeetingExports", "Word agenda"),
    QT_TRANSLATE_NOOP("MeetingExports", "Writing the Word agenda…"),
    QT_TRANSLATE_NOOP("MeetingExports", "Save the agenda as a Word document"),
)
MINUTES = WordExport(
    QT_TRANSLATE_NOOP("MeetingExports", "{0} minutes {1}"),
    export_minutes,
    QT_TRANSLATE_NOOP("MeetingExports", "Word minutes"),
    QT_TRANSLATE_NOOP("MeetingExports", "Writing the Word minutes…"),
    QT_TRANSLATE_NOOP("MeetingExports", "Save the minutes as a Word document"),
)


def default_name(session: Session, meeting_id: int, export: WordExport, public: bool) -> str:
    meeting = get_meeting(session, meeting_id)
    name = QCoreApplication.translate("MeetingExports", export.file_name).format(
        meeting.board.name, f"{meeting.starts_at:%Y-%m-%d}"
    )
    if public:
        name = QCoreApplication.translate("MeetingExports", "{0} (public)").format(name)
    return f"{name}.docx"


def save_word(
    parent: QWidget,
    context: AppContext,
    meeting_id: int,
    export: WordExport,
    public: bool,
    on_saved: Callable[[Path], None],
) -> BackgroundTask[Path] | None:
    """Ask where, then write the document in the background; None if the user cancelled."""
    with context.database.sessions() as session:
        name = default_name(session, meeting_id, export, public)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    version = (
        QCoreApplication.translate("MeetingExports", "public version")
        if public
        else QCoreApplication.translate("MeetingExports", "members' version")
    )
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MeetingExports", "Save the {0} ({1})").format(
            QCoreApplication.translate("MeetingExports", export.name), version
        ),
        str(Path(folder) / name),
        QCoreApplication.translate("MeetingExports", "Word document (*.docx)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    template, author = template_and_author()

    def work(_progress: Progress) -> Path:
        with context.database.sessions() as session:
            return export.write(
                session, meeting_id, target, public=public, template=template, author=author
            )

    return run_in_background(
        parent,
        QCoreApplication.translate("MeetingExports", export.writing),
        work,
        on_saved,
        title=QCoreApplication.translate("MeetingExports", export.name),
    )


def word_button(
    parent: QWidget,
    context: AppContext,
    meeting_id: int,
    export: WordExport,
    on_saved: Callable[[Path, bool], None],
) -> QPushButton:
    """ "Word agenda ▾": members' version (with Part 2) or public version (without)."""
    widget = button(
        "export-word",
        QCoreApplication.translate("MeetingExports", export.name),
        QCoreApplication.translate("MeetingExports", export.tip),
    )
    version_menu(
        widget,
        lambda public: save_word(
            parent, context, meeting_id, export, public, lambda path: on_saved(path, public)
        ),
        QCoreApplication.translate("MeetingExports", "Public version (exempt items left out)…"),
    )
    return widget
