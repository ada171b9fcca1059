"""What the clerk sees when something nobody foresaw goes wrong: a dialog, never a vanished
window.

Every exception that escapes — from a button's slot, a timer, a background task, a thread —
reaches the :class:`ErrorHandler` (installed as ``sys.excepthook`` and
``threading.excepthook``). It writes the traceback to the rotating log, saves whatever
live minutes are still unsaved (minutes are a legal record: they are flushed before
anything else can go wrong), and shows what happened, where, and where the log is. The
windows stay open; PySide6 carries on with the event loop after the hook returns.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("boardroom.errors")
_PACKAGE = str(Path(__file__).resolve().parents[1])  # …/boardroom


def where(trace: TracebackType | None) -> str:
    """The innermost line of Boardroom's own code the error passed through, as
    ``ui/pages/actions.py, line 120, in export`` (else the innermost line of all)."""
    frames = traceback.extract_tb(trace)
    if not frames:
        return ""
    ours = [frame for frame in frames if frame.filename.startswith(_PACKAGE)]
    frame = (ours or frames)[-1]
    name = frame.filename.removeprefix(_PACKAGE).lstrip("/\\") if ours else frame.filename
    return f"{name}, line {frame.lineno}, in {frame.name}"


def save_unsaved_minutes() -> tuple[int, list[str]]:
    """Flush every live-minutes notes box; (how many held unsaved text, problems met)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 0, []
    # No live-minutes module loaded means no notes box open, so nothing to save; importing it
    # here would put the live view's code on the start-up path of every window.
    notes_editor = sys.modules.get("boardroom.ui.live.notes_editor")
    if notes_editor is None:
        return 0, []
    editor_type = notes_editor.NotesEditor
    unsaved = [w for w in app.allWidgets() if isinstance(w, editor_type) and w.dirty]
    problems = []
    for editor in unsaved:
        try:
            if not editor.flush():
                problems.append(
                    QCoreApplication.translate(
                        "ErrorDialog", "notes still unsaved — see the message in the window"
                    )
                )
        except Exception as error:  # the flush itself failed: say so, keep the text on screen
            log.exception("Saving the minutes after an unexpected error failed")
            problems.append(f"{type(error).__name__}: {error}")
    return len(unsaved), problems


class ErrorDialog(QMessageBox):
    """What went wrong, where, what was done about the minutes, and where the log is."""

    def __init__(
        self,
        summary: str,
        place: str,
        details: str,
        log_path: Path | None,
        minutes: tuple[int, list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Boardroom — something went wrong"))
        self.setText(
            self.tr(
                "Something unexpected went wrong, and Boardroom stopped what it was doing. "
                "Your windows stay open; you can carry on working."
            )
        )
        lines = [self.tr("What happened: {0}").format(summary)]
        if place:
            lines.append(self.tr("Where: {0}").format(place))
        saved, problems = minutes
        if problems:
            lines.append(
                self.tr("The live minutes could NOT all be saved: {0}. Do not close them.").format(
                    "; ".join(problems)
                )
            )
        elif saved:
            lines.append(self.tr("Your unsaved minutes were saved first."))
        if log_path is not None:
            lines.append(
                self.tr(
                    "The details are in the log: {0} — send it to whoever supports you."
                ).format(log_path)
            )
        self.setInformativeText("\n\n".join(lines))
        self.setDetailedText(details)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_log_button = None
        if log_path is not None:
            self.open_log_button = self.addButton(
                self.tr("Open the log folder"), QMessageBox.ButtonRole.ActionRole
            )
            self.open_log_button.clicked.connect(self.open_log_folder)
        self.addButton(QMessageBox.StandardButton.Close)

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


class _Reporter(QObject):
    """Brings reports from other threads to the GUI thread, where dialogs may be shown."""

    report = Signal(object, object, object)


class ErrorHandler:
    """The hook: log, save the minutes, show the dialog (one at a time)."""

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.dialog: ErrorDialog | None = None  # the one on screen, or the last one shown
        self._reporter = _Reporter()
        self._reporter.report.connect(self._handle_here, Qt.ConnectionType.QueuedConnection)

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("Unexpected error", exc_info=(kind, error, trace))
        app = QApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            self._reporter.report.emit(kind, error, trace)  # shown by the GUI thread
            return
        self._handle_here(kind, error, trace)

    def _handle_here(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        minutes = save_unsaved_minutes()
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog is enough; everything is in the log
        summary = f"{kind.__name__}: {error}" if str(error) else kind.__name__
        details = "".join(traceback.format_exception(kind, error, trace))
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ErrorDialog(
            summary, where(trace), details, self.log_path, minutes, QApplication.activeWindow()
        )
        if QThread.currentThread().loopLevel() > 0:
            self.dialog.open()  # inside the event loop: never block the slot that failed
        else:
            self.dialog.exec()  # before or after the event loop: wait for the clerk

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)


def install_error_handling(log_path: Path | None) -> ErrorHandler:
    """Route every unexpected exception to the log and the error dialog."""
    handler = ErrorHandler(log_path)
    sys.excepthook = handler
    threading.excepthook = handler.thread_hook
    return handler
