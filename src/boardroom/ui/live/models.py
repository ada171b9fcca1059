"""The lists of the live-minutes window, as table models over plain snapshot rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from boardroom.dates import format_date
from boardroom.services.attendance import RegisterLine
from boardroom.services.live_minutes import (
    ActionLine,
    DeclarationLine,
    ResolutionLine,
    ReviewLine,
)
from boardroom.services.resolutions import minuted_wording
from boardroom.services.timetable import AgendaLine
from boardroom.storage.models import AttendanceStatus
from boardroom.ui.colours import GOOD, MUTED, OVERDUE, WARNING
from boardroom.ui.labels import attendance_label, label_of, owner_name
from boardroom.ui.models.table import Column, RowTableModel

_Index = QModelIndex | QPersistentModelIndex
LEFT = QT_TRANSLATE_NOOP("RegisterModel", "left {0}")
ARRIVED = QT_TRANSLATE_NOOP("RegisterModel", "arrived {0}")
DEPUTY = QT_TRANSLATE_NOOP("RegisterModel", "deputy {0}")
NOT_REVIEWED = QT_TRANSLATE_NOOP("ReviewModel", "not reviewed yet")
NO_CHANGE = QT_TRANSLATE_NOOP("ReviewModel", "No change")


def clock(seconds: int) -> str:
    """Elapsed time as a clerk glances at it: 4:05, or 1:02:10 past the hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def timer_color(seconds: int, allotted_minutes: int) -> QColor | None:
    """Amber in the item's last fifth of its time, red once it overruns."""
    allotted = allotted_minutes * 60
    if allotted and seconds > allotted:
        return OVERDUE.color()
    if allotted and seconds > allotted * 0.8:
        return WARNING.color()
    return None


class AgendaModel(RowTableModel[AgendaLine]):
    """The agenda down the side: number and title, and the time spent on each item so far."""

    COL_NUMBER, COL_ITEM, COL_TIME = range(3)
    columns = (
        Column(QT_TRANSLATE_NOOP("AgendaModel", "No."), lambda line: line.number),
        Column(
            QT_TRANSLATE_NOOP("AgendaModel", "Item"), lambda line: "    " * line.depth + line.title
        ),
        Column(QT_TRANSLATE_NOOP("AgendaModel", "Time"), lambda line: ""),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.elapsed: dict[int, int] = {}
        self.current_row = -1

    def set_current(self, row: int) -> None:
        previous, self.current_row = self.current_row, row
        for changed in {previous, row} - {-1}:
            self._row_changed(changed)

    def set_elapsed(self, seconds: dict[int, int]) -> None:
        """Show the clocks as stored: on opening the meeting, and at a desk following
        another desk's minuting."""
        if seconds == self.elapsed:
            return
        self.elapsed = dict(seconds)
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(self.index(0, self.COL_TIME), self.index(last, self.COL_TIME))

    def tick(self, row: int, seconds: int = 1) -> None:
        """Count time against an item; only its timer cell repaints."""
        line = self.row_at(row)
        self.elapsed[line.item_id] = self.elapsed.get(line.item_id, 0) + seconds
        cell = self.index(row, self.COL_TIME)
        self.dataChanged.emit(cell, cell)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        line = self.row_at(index.row())
        seconds = self.elapsed.get(line.item_id)
        if index.column() == self.COL_TIME:
            if role == Qt.ItemDataRole.DisplayRole:
                return clock(seconds) if seconds else f"{line.minutes}′"
            if role == Qt.ItemDataRole.ForegroundRole:
                return timer_color(seconds, line.minutes) if seconds else MUTED.color()
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() != self.COL_TIME:
            return agenda_tooltip(line)
        return super().data(index, role)


def agenda_tooltip(line: AgendaLine) -> str:
    """ "3 Ofsted findings — 30 min, Julia Hassall": the item, its time and presenter
    ("min" rather than "minutes": one word for one minute and for thirty)."""
    if line.presenter:
        text = QCoreApplication.translate("AgendaModel", "{0} {1} — {2} min, {3}")
        return text.format(line.number, line.title, line.minutes, line.presenter)
    text = QCoreApplication.translate("AgendaModel", "{0} {1} — {2} min")
    return text.format(line.number, line.title, line.minutes)


def _register_state(line: RegisterLine) -> str:
    if line.arrived_at and line.left_at:
        return f"{line.arrived_at:%H:%M}–{line.left_at:%H:%M}"
    if line.left_at:
        return QCoreApplication.translate("RegisterModel", LEFT).format(f"{line.left_at:%H:%M}")
    if line.arrived_at:
        return QCoreApplication.translate("RegisterModel", ARRIVED).format(
            f"{line.arrived_at:%H:%M}"
        )
    if line.status is AttendanceStatus.DEPUTY:
        return QCoreApplication.translate("RegisterModel", DEPUTY).format(line.deputy_name)
    return attendance_label(line.status)


def _register_color(line: RegisterLine) -> QColor | None:
    if line.attending:
        return GOOD.color()
    if line.status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT) or line.left_at:
        return MUTED.color()
    return None


class RegisterModel(RowTableModel[RegisterLine]):
    """The register at the clerk's elbow: who is in the room, who came late or left."""

    COL_NAME, COL_STATE = range(2)
    columns = (
        Column(QT_TRANSLATE_NOOP("RegisterModel", "Name"), lambda line: line.name),
        Column(
            QT_TRANSLATE_NOOP("RegisterModel", "Attendance"), _register_state, color=_register_color
        ),
    )


class ResolutionsModel(RowTableModel[ResolutionLine]):
    """The item's resolutions worded as the minutes will read: "It was resolved that …"
    for one, "(1) That …", "(2) That …" under "Resolved –" for several."""

    COL_NUMBER, COL_TEXT = range(2)
    columns = (
        Column(QT_TRANSLATE_NOOP("ResolutionsModel", "No."), lambda line: ""),
        Column(QT_TRANSLATE_NOOP("ResolutionsModel", "Resolution"), lambda line: line.text),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lead = ""
        self.wording: list[str] = []

    def set_rows(self, rows) -> None:
        self.lead, self.wording = minuted_wording([line.text for line in rows])
        super().set_rows(rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= index.row() < self.rowCount()
        ):
            number, _space, text = self.wording[index.row()].partition(" ")
            if not self.lead:
                return "" if index.column() == self.COL_NUMBER else self.wording[index.row()]
            return number if index.column() == self.COL_NUMBER else text
        return super().data(index, role)


def _plan_numbers(line: ActionLine) -> str:
    """ "Plan 1.3, 2.1": the plan items the action serves."""
    if not line.plan_numbers:
        return ""
    return QCoreApplication.translate("ActionsModel", "Plan {0}").format(
        ", ".join(line.plan_numbers)
    )


class ActionsModel(RowTableModel[ActionLine]):
    COL_REFERENCE, COL_OWNER, COL_DUE, COL_PLAN, COL_DESCRIPTION = range(5)
    columns = (
        Column(QT_TRANSLATE_NOOP("ActionsModel", "Ref"), lambda line: line.reference),
        Column(QT_TRANSLATE_NOOP("ActionsModel", "Owner"), lambda line: line.owner),
        Column(
            QT_TRANSLATE_NOOP("ActionsModel", "Due"),
            lambda line: format_date(line.due),
            sort=lambda line: line.due,
        ),
        Column(QT_TRANSLATE_NOOP("ActionsModel", "Plan"), _plan_numbers),
        Column(QT_TRANSLATE_NOOP("ActionsModel", "Action"), lambda line: line.description),
    )


class DeclarationsModel(RowTableModel[DeclarationLine]):
    COL_PERSON, COL_INTEREST = range(2)
    columns = (
        Column(QT_TRANSLATE_NOOP("DeclarationsModel", "Declared by"), lambda line: line.person),
        Column(QT_TRANSLATE_NOOP("DeclarationsModel", "Interest"), lambda line: line.interest),
    )


def review_text(line: ReviewLine) -> str:
    """ "✔ Done — Report received" once reviewed at this meeting; "not reviewed yet" before."""
    if not line.reviewed:
        return QCoreApplication.translate("ReviewModel", NOT_REVIEWED)
    status = (
        label_of(line.status_set)
        if line.status_set
        else QCoreApplication.translate("ReviewModel", NO_CHANGE)
    )
    return f"✔ {status} — {line.note}" if line.note else f"✔ {status}"


class ReviewModel(RowTableModel[ReviewLine]):
    """The action log brought forward: overdue dates in red, reviewed lines in green."""

    COL_REFERENCE, COL_OWNER, COL_DUE, COL_ACTION, COL_REVIEW = range(5)
    columns = (
        Column(QT_TRANSLATE_NOOP("ReviewModel", "Ref"), lambda line: line.reference),
        Column(QT_TRANSLATE_NOOP("ReviewModel", "Owner"), lambda line: owner_name(line.owner)),
        Column(
            QT_TRANSLATE_NOOP("ReviewModel", "Due"),
            lambda line: format_date(line.due),
            sort=lambda line: line.due,
            color=lambda line: OVERDUE.color() if line.overdue else None,
        ),
        Column(QT_TRANSLATE_NOOP("ReviewModel", "Action"), lambda line: line.description),
        Column(
            QT_TRANSLATE_NOOP("ReviewModel", "Reviewed"),
            review_text,
            color=lambda line: (GOOD if line.reviewed else MUTED).color(),
        ),
    )
