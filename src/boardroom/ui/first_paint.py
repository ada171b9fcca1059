"""Work that waits until a window has first been painted on screen.

``show()`` only asks the window system to map the window; its first paint follows the expose
event the system sends back, after the event loop has already run every zero-delay timer
queued so far. Work queued that way at start-up — a tenth of a second of SQLAlchemy's ORM and
the models — therefore kept the new window blank instead of following its first picture. A
filter on the window's first paint event runs the work once that picture is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that is never exposed (started minimised, on a locked screen) still gets its work.
LATEST_MS = 2000


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None], latest_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._work: Callable[[], None] | None = work
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # Queued, so that the whole window is painted and flushed to the screen first.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return  # the fallback timer, after the paint already ran the work (or vice versa)
        self._widget.removeEventFilter(self)
        self.deleteLater()
        work()


def after_first_paint(
    widget: QWidget, work: Callable[[], None], latest_ms: int = LATEST_MS
) -> None:
    """Run ``work`` once, just after ``widget`` (a window about to be shown) is first painted,
    or after ``latest_ms`` if it has not been painted by then."""
    _FirstPaint(widget, work, latest_ms)
