"""Opening the live-minutes window from elsewhere in the app, and unlocking approved minutes.

One window per meeting per desk: asking again brings the open one to the front instead of
opening a second editor that would compete with the first for the pen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from boardroom.errors import BoardroomError
from boardroom.services.minutes import desk_name, unlock_minutes
from boardroom.ui.context import AppContext
from boardroom.ui.live_minutes import LiveMinutesWindow

_open: dict[int, LiveMinutesWindow] = {}


def take_minutes(context: AppContext, meeting_id: int) -> LiveMinutesWindow:
    """Open (or raise) the full-window live minutes of a meeting."""
    window = _open.get(meeting_id)
    if window is None:
        window = LiveMinutesWindow(context, meeting_id)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda: _open.pop(meeting_id, None))
        _open[meeting_id] = window
        window.showMaximized()
    window.raise_()
    window.activateWindow()
    return window


def ask_to_unlock(parent: QWidget, context: AppContext, meeting_id: int) -> bool:
    """Ask why approved minutes must change, then unlock them; the reason is recorded."""
    reason, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("LiveLaunch", "Unlock approved minutes"),
        QCoreApplication.translate(
            "LiveLaunch",
            "These minutes were approved as a true record. Say why they must change "
            "(this is recorded in the meeting's history):",
        ),
    )
    if not ok:
        return False
    try:
        with context.database.transaction() as session:
            unlock_minutes(session, meeting_id, reason=reason, actor=desk_name())
    except BoardroomError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("LiveLaunch", "Not unlocked"), error.message
        )
        return False
    context.data_changed.emit()
    return True
