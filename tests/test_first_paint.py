"""Work queued for a window's first paint runs once, after that paint — or, for a window
never painted, after the latest time given."""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from boardroom.ui.first_paint import after_first_paint


class CountingWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        super().paintEvent(event)


def test_the_work_runs_once_just_after_the_first_paint(qtbot):
    window = CountingWindow()
    qtbot.addWidget(window)
    paints_seen: list[int] = []
    after_first_paint(window, lambda: paints_seen.append(window.paints))
    QApplication.processEvents()
    assert paints_seen == [], "not before the window is shown"
    window.show()
    qtbot.waitUntil(lambda: paints_seen != [], timeout=5000)
    assert paints_seen == [1], "after the first paint, not before it"
    window.repaint()
    qtbot.wait(50)
    assert window.paints >= 2 and paints_seen == [1], "and only once"


def test_a_window_never_painted_gets_its_work_at_the_latest_time(qtbot):
    window = CountingWindow()
    qtbot.addWidget(window)
    runs: list[int] = []
    after_first_paint(window, lambda: runs.append(window.paints), latest_ms=30)
    qtbot.waitUntil(lambda: runs != [], timeout=5000)
    assert runs == [0]
    window.show()
    qtbot.waitUntil(lambda: window.paints > 0, timeout=5000)
    qtbot.wait(50)
    assert runs == [0], "the paint that comes later does not run it again"
