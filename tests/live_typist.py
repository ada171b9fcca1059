"""A clerk typing into the live view in a child process, for the crash-safety test.

Usage: python live_typist.py DATABASE_URL MEETING_ID ROW TEXT — types TEXT one character
every 40 ms into the item at ROW, printing "<monotonic time> <characters typed>" after each
keystroke, until killed.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from boardroom.storage.database import open_database
from boardroom.ui.context import AppContext
from boardroom.ui.live_minutes import LiveMinutesWindow


def main() -> None:
    url, meeting_id, row, text = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    app = QApplication([])
    window = LiveMinutesWindow(AppContext(open_database(url)), meeting_id, desk="typist")
    window.show()
    window.go_to(row)
    notes = window.editor.notes
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    typed = 0

    def type_one() -> None:
        nonlocal typed
        QTest.keyClicks(notes, text[typed % len(text)])
        typed += 1
        print(f"{time.monotonic():.6f} {typed}", flush=True)

    keys = QTimer()
    keys.timeout.connect(type_one)
    keys.start(40)
    app.exec()


if __name__ == "__main__":
    main()
