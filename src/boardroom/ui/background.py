"""Slow work — exports, imports, copying papers — off the GUI thread, with a progress
indicator and a clean error message.

One call does it::

    from boardroom.ui.background import run_in_background

    def work(progress: Progress) -> Path:
        with context.database.sessions() as session:   # a session of the worker's own
            return export_agenda(session, meeting_id, target)

    task = run_in_background(
        parent, parent.tr("Saving the Word agenda…"), work,
        on_success=lambda path: context.status_message.emit(f"Saved {path}"),
        title=parent.tr("Word agenda"),
    )

- ``work`` runs on a thread of Qt's global pool and receives a :class:`Progress`; it may
  call ``progress.update(done, total, text)`` (from its own thread) to turn the busy
  indicator into a bar. Open a session *inside* ``work``: sessions and ORM objects belong to
  one thread, so pass ids and plain values in and plain values out.
- ``on_success(result)`` runs back on the GUI thread: open the file, refresh the view.
- A :class:`~boardroom.errors.BoardroomError` is shown to the user as its message in a
  warning titled ``title``; anything else is a bug and goes to ``sys.excepthook`` (the
  app's error dialog and log), never swallowed.
- The progress dialog is window-modal and appears only if the work takes more than
  ``SHOW_AFTER_MS``, so quick exports do not flash a dialog; ``disable`` widgets (the button
  that started the work) are disabled until it ends, so it cannot be started twice.
- The returned :class:`BackgroundTask` emits ``finished(ok)`` when everything is done
  (tests wait on it with ``qtbot.waitSignal(task.finished)``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from boardroom.errors import BoardroomError

T = TypeVar("T")
SHOW_AFTER_MS = 400

_running: set[BackgroundTask] = set()  # tasks are kept alive until they have finished


class Progress(QObject):
    """Handed to the work; ``update`` may be called from the worker thread."""

    changed = Signal(int, int, str)

    def update(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` steps (total 0: just busy), with an optional line of text."""
        self.changed.emit(done, total, text)


class BackgroundTask(QObject, Generic[T]):
    """One piece of work in flight; the signals arrive on the GUI thread."""

    _succeeded = Signal(object)
    _failed = Signal(object)
    finished = Signal(bool)  # True when the work succeeded and on_success has run

    def __init__(
        self,
        parent: QWidget,
        label: str,
        on_success: Callable[[T], None] | None,
        title: str,
        disable: Sequence[QWidget],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_success = on_success
        self._title = title or label
        self._disabled = [widget for widget in disable if widget.isEnabled()]
        self.progress = Progress()
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setWindowTitle(self._title)
        self.dialog.setCancelButton(None)  # exports and imports run to the end, or fail
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)  # starts the timer that shows it if the work is slow
        self.progress.changed.connect(self._show_progress)
        self._succeeded.connect(self._success)
        self._failed.connect(self._failure)
        for widget in self._disabled:
            widget.setEnabled(False)

    def _show_progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    def _end(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
        for widget in self._disabled:
            widget.setEnabled(True)
        _running.discard(self)

    def _success(self, result: T) -> None:
        self._end()
        try:
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self.finished.emit(True)

    def _failure(self, error: BaseException) -> None:
        self._end()
        try:
            if isinstance(error, BoardroomError):
                QMessageBox.warning(self._parent, self._title, error.message)
            else:
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            self.finished.emit(False)


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask[Any], work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.task = task
        self.work = work

    def run(self) -> None:
        try:
            result = self.work(self.task.progress)
        except BaseException as error:  # handed to the GUI thread, which reports it
            self.task._failed.emit(error)
        else:
            self.task._succeeded.emit(result)


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], T],
    on_success: Callable[[T], None] | None = None,
    *,
    title: str = "",
    disable: Sequence[QWidget] = (),
) -> BackgroundTask[T]:
    """Run ``work`` off the GUI thread behind a progress dialog labelled ``label``."""
    task: BackgroundTask[T] = BackgroundTask(parent, label, on_success, title, disable)
    _running.add(task)
    QThreadPool.globalInstance().start(_Runner(task, work))
    return task
