"""A clerk minuting in the real application, in a child process, for the crash-safety test.

Usage: python live_typist.py DATABASE_URL MEETING_ID ROW TEXT

Starts Boardroom as the ``boardroom`` command does (``boardroom.ui.app.run``: logging and
error handling, the settings, the database, the main window, today's backup), then does what
a clerk does: opens the meeting's workspace (what the Meetings page and the Dashboard call),
clicks *Take minutes*, moves down the agenda with Ctrl+↓ to the item at ROW and types TEXT
into its notes one character every 40 ms, printing "<monotonic time> <characters typed>"
after each keystroke, until killed. Anything unexpected is printed to standard error and
ends the process with status 3, so the test fails instead of waiting.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from boardroom.ui.app import create_application, run
from boardroom.ui.live_minutes import LiveMinutesWindow
from boardroom.ui.main_window import MainWindow
from boardroom.ui.meeting_workspace import open_workspace

TYPING_MS = 40
STEP_MS = 50
PATIENCE_S = 60  # for the window and the live view to appear on a busy machine


def _shown(kind: type[QWidget]) -> QWidget | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


class Clerk(QObject):
    """Waits for each screen without blocking start-up, then acts on it."""

    def __init__(self, meeting_id: int, row: int, text: str) -> None:
        super().__init__()
        self.meeting_id, self.row, self.text = meeting_id, row, text
        self.typed = 0
        self.live: LiveMinutesWindow | None = None
        self.step: Callable[[], None] = self.open_the_meeting
        self.since = time.monotonic()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._next)
        self.timer.start(STEP_MS)

    def _next(self) -> None:
        try:
            if self.step != self.type_one and time.monotonic() - self.since > PATIENCE_S:
                raise RuntimeError(f"gave up waiting at {self.step.__name__}")
            self.step()
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(3)

    def open_the_meeting(self) -> None:
        window = _shown(MainWindow)
        if window is None:
            return  # still starting
        workspace = open_workspace(window.context, self.meeting_id, window)
        QTest.mouseClick(workspace.minutes_button, Qt.MouseButton.LeftButton)
        self.step = self.go_to_the_item

    def go_to_the_item(self) -> None:
        live = _shown(LiveMinutesWindow)
        if not isinstance(live, LiveMinutesWindow) or not live.isActiveWindow():
            return
        for _ in range(self.row):
            QTest.keyClick(
                QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier
            )
        notes = live.editor.notes
        if live.current_row != self.row or QApplication.focusWidget() is not notes:
            raise RuntimeError(f"Ctrl+↓ reached row {live.current_row}, not {self.row}")
        notes.moveCursor(notes.textCursor().MoveOperation.End)
        self.live = live
        self.step = self.type_one
        self.timer.setInterval(TYPING_MS)

    def type_one(self) -> None:
        QTest.keyClicks(QApplication.focusWidget(), self.text[self.typed % len(self.text)])
        self.typed += 1
        print(f"{time.monotonic():.6f} {self.typed}", flush=True)


def main() -> int:
    url, meeting_id, row, text = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    create_application()  # the one run() uses: the clerk's timer needs it first
    clerk = Clerk(meeting_id, row, text)
    code = run(url)
    del clerk
    return code


if __name__ == "__main__":
    sys.exit(main())
