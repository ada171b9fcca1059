"""Saving the actions shown as the Word action log, CSV or Excel from the window: a native
save dialog, then the notes read and the file written off the GUI thread behind a progress
bar — thirty thousand actions take a while in Word, and the window must not freeze.

Each format offers the members' version, or the public one that leaves out the actions
agreed under exempt (Part 2) items, as ``boardroom export actions --public`` does and as
the Word agenda and minutes buttons offer theirs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from boardroom.dates import format_date
from boardroom.services.action_export import export_actions, load_action_log
from boardroom.services.action_rows import ActionRow, public_only
from boardroom.ui.background import BackgroundTask, Progress, run_in_background
from boardroom.ui.context import AppContext
from boardroom.ui.settings_store import template_and_author
from boardroom.ui.version_menu import version_menu


@dataclass(frozen=True)
class ExportFormat:
    name: str  # the button's text
    suffix: str
    pattern: str  # the save dialog's filter
    icon_name: str


# The names are translated on the Actions page's buttons, the patterns in the save dialog.
EXPORT_FORMATS = (
    ExportFormat(
        QT_TRANSLATE_NOOP("ActionsPage", "Word"),
        ".docx",
        QT_TRANSLATE_NOOP("ActionLogExport", "Word document (*.docx)"),
        "export-word",
    ),
    ExportFormat(
        QT_TRANSLATE_NOOP("ActionsPage", "CSV"),
        ".csv",
        QT_TRANSLATE_NOOP("ActionLogExport", "CSV file (*.csv)"),
        "export-sheet",
    ),
    ExportFormat(
        QT_TRANSLATE_NOOP("ActionsPage", "Excel"),
        ".xlsx",
        QT_TRANSLATE_NOOP("ActionLogExport", "Excel workbook (*.xlsx)"),
        "export-sheet",
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionLogExport", text)


def log_title(rows: list[ActionRow]) -> str:
    boards = {row.board for row in rows}
    return (
        QCoreApplication.translate("ActionLogExport", "Action log – {0}").format(boards.pop())
        if len(boards) == 1
        else QCoreApplication.translate("ActionLogExport", "Action log")
    )


@dataclass(frozen=True)
class Exported:
    path: Path
    count: int  # the actions written
    left_out: int  # those agreed under exempt items, left out of a public version


def export_action_log(
    parent: QWidget,
    context: AppContext,
    rows: list[ActionRow],
    kind: ExportFormat,
    today: date,
    disable: Sequence[QWidget] = (),
    *,
    public: bool = False,
) -> BackgroundTask[Exported] | None:
    """Ask where to save ``rows`` and write them in the background; None when cancelled.
    ``public`` leaves out the actions agreed under exempt items (looked up in the worker)."""
    name = QCoreApplication.translate("ActionLogExport", "Action log {0}").format(
        format_date(today)
    )
    if public:
        name = QCoreApplication.translate("ActionLogExport", "{0} (public)").format(name)
    name += kind.suffix
    caption = (
        QCoreApplication.translate("ActionLogExport", "Export the public action log")
        if public
        else QCoreApplication.translate("ActionLogExport", "Export actions")
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent, caption, str(Path.home() / name), _tr(kind.pattern)
    )
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(kind.suffix) else chosen + kind.suffix)
    title = log_title(rows)
    if public:
        title = QCoreApplication.translate("ActionLogExport", "{0} (public version)").format(title)
    template, author = template_and_author()  # the Word log's letterhead, as the agenda's
    writing = QCoreApplication.translate("ActionLogExport", "Writing {0} actions to {1}…")

    def work(progress: Progress) -> Exported:
        with context.database.sessions() as session:  # the worker's own session
            shown = public_only(session, rows) if public else rows
            log = load_action_log(session, shown, title=title, as_of=today)
        text = writing.format(len(shown), path.name)
        target = export_actions(
            log,
            path,
            lambda done, total: progress.update(done, total, text),
            template=template,
            author=author,
        )
        return Exported(target, len(shown), len(rows) - len(shown))

    return run_in_background(
        parent,
        QCoreApplication.translate("ActionLogExport", "Reading the progress notes…"),
        work,
        lambda done: context.status_message.emit(_report(done, public)),
        title=caption,
        disable=disable,
    )


def _report(done: Exported, public: bool) -> str:
    if not public:
        return QCoreApplication.translate("ActionLogExport", "Exported {0} actions to {1}.").format(
            done.count, done.path
        )
    return QCoreApplication.translate(
        "ActionLogExport",
        "Exported the public version, {0} actions, to {1}; {2} agreed under exempt items left out.",
    ).format(done.count, done.path, done.left_out)


def export_menu(button: QPushButton, export: Callable[[bool], object]) -> None:
    """The members' version or the public one, from the format's button."""
    version_menu(
        button,
        export,
        QCoreApplication.translate("ActionLogExport", "Public version (Part 2 actions left out)…"),
    )
