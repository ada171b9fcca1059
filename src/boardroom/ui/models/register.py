"""The attendance register as a table, with the status coloured as a clerk scans it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from boardroom.services.attendance import RegisterLine
from boardroom.storage.models import AttendanceStatus
from boardroom.ui.colours import GOOD, MUTED, OVERDUE, WARNING
from boardroom.ui.labels import attendance_label, register_role
from boardroom.ui.models.table import Column, RowTableModel

_STATUS_SHADES = {
    AttendanceStatus.PRESENT: GOOD,
    AttendanceStatus.DEPUTY: GOOD,
    AttendanceStatus.APOLOGIES: WARNING,
    AttendanceStatus.ABSENT: OVERDUE,
}


def _status_color(line: RegisterLine) -> QColor | None:
    """Green for whoever is in the room, amber for apologies, red for absent, grey before
    anything is recorded."""
    if line.status is None:
        return MUTED.color()
    shade = _STATUS_SHADES.get(line.status)
    return shade.color() if shade else None


def _time(value) -> str:
    return f"{value:%H:%M}" if value else ""


class RegisterTableModel(RowTableModel[RegisterLine]):
    COL_NAME, COL_ROLE, COL_STATUS, COL_DEPUTY, COL_ARRIVED, COL_LEFT = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("RegisterTableModel", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("RegisterTableModel", "Role"), register_role),
        Column(
            QT_TRANSLATE_NOOP("RegisterTableModel", "Attendance"),
            lambda r: attendance_label(r.status),
            color=_status_color,
        ),
        Column(
            QT_TRANSLATE_NOOP("RegisterTableModel", "Attending for them"), lambda r: r.deputy_name
        ),
        Column(QT_TRANSLATE_NOOP("RegisterTableModel", "Arrived"), lambda r: _time(r.arrived_at)),
        Column(QT_TRANSLATE_NOOP("RegisterTableModel", "Left"), lambda r: _time(r.left_at)),
    )
