"""Saving the actions shown as the Word action log, CSV or Excel from the window: a native
save dialog, then the notes read and the file written off the GUI thread behind a progress
bar — thirty thousand actions take a while in Word, and the window must not freeze."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from boardroom.dates import format_date
from boardroom.services.action_export import export_actions, load_action_log
from boardroom.services.action_rows import ActionRow
from boardroom.ui.background import BackgroundTask, Progress, run_in_background
from boardroom.ui.context import AppContext
from boardroom.ui.settings_store import template_and_author


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


def export_action_log(
    parent: QWidget,
    context: AppContext,
    rows: list[ActionRow],
    kind: ExportFormat,
    today: date,
    disable: Sequence[QWidget] = (),
) -> BackgroundTask[Path] | None:
    """Ask where to save ``rows`` and write them in the background; None when cancelled."""
    name = f"Action log {format_date(today)}{kind.suffix}"
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ActionLogExport", "Export actions"),
        str(Path.home() / name),
        _tr(kind.pattern),
    )
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(kind.suffix) else chosen + kind.suffix)
    title = log_title(rows)
    template, author = template_and_author()  # the Word log's letterhead, as the agenda's
    writing = QCoreApplication.translate("ActionLogExport", "Writing {0} actions to {1}…").format(
        len(rows), path.name
    )

    def work(progress: Progress) -> Path:
        with context.database.sessions() as session:  # the worker's own session
            log = load_action_log(session, rows, title=title, as_of=today)
        return export_actions(
            log,
            path,
            lambda done, total: progress.update(done, total, writing),
            template=template,
            author=author,
        )

    return run_in_background(
        parent,
        QCoreApplication.translate("ActionLogExport", "Reading the progress notes…"),
        work,
        lambda target: context.status_message.emit(
            QCoreApplication.translate("ActionLogExport", "Exported {0} actions to {1}.").format(
                len(rows), target
            )
        ),
        title=QCoreApplication.translate("ActionLogExport", "Export actions"),
        disable=disable,
    )
