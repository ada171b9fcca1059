"""A month as six weeks of days, Monday first, each day holding the meetings on it.

The Month view draws this grid the way a desk calendar does, so a secretary sees at a
glance which Tuesdays are taken and which fall in the school holidays or after a bank
holiday. Rows are weeks, columns weekdays; the meetings come from the page's (searched)
list, so the grid and the list always agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from boardroom.dates import format_date
from boardroom.ui.colours import MUTED
from boardroom.ui.labels import label_of
from boardroom.ui.models.meetings import MeetingRow
from boardroom.workdays import DEFAULT_REGION, holiday_name

_MONTHS = (
    QT_TRANSLATE_NOOP("MonthGridModel", "January"),
    QT_TRANSLATE_NOOP("MonthGridModel", "February"),
    QT_TRANSLATE_NOOP("MonthGridModel", "March"),
    QT_TRANSLATE_NOOP("MonthGridModel", "April"),
    QT_TRANSLATE_NOOP("MonthGridModel", "May"),
    QT_TRANSLATE_NOOP("MonthGridModel", "June"),
    QT_TRANSLATE_NOOP("MonthGridModel", "July"),
    QT_TRANSLATE_NOOP("MonthGridModel", "August"),
    QT_TRANSLATE_NOOP("MonthGridModel", "September"),
    QT_TRANSLATE_NOOP("MonthGridModel", "October"),
    QT_TRANSLATE_NOOP("MonthGridModel", "November"),
    QT_TRANSLATE_NOOP("MonthGridModel", "December"),
)
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("MonthGridModel", "Mon"),
    QT_TRANSLATE_NOOP("MonthGridModel", "Tue"),
    QT_TRANSLATE_NOOP("MonthGridModel", "Wed"),
    QT_TRANSLATE_NOOP("MonthGridModel", "Thu"),
    QT_TRANSLATE_NOOP("MonthGridModel", "Fri"),
    QT_TRANSLATE_NOOP("MonthGridModel", "Sat"),
    QT_TRANSLATE_NOOP("MonthGridModel", "Sun"),
)
MEETINGS_ROLE = Qt.ItemDataRole.UserRole + 10  # the day's meetings, in time order
DAY_ROLE = Qt.ItemDataRole.UserRole + 11  # the day itself
HOLIDAY_ROLE = Qt.ItemDataRole.UserRole + 12  # the bank holiday that day, or ""
WEEKS = 6  # enough for any month, so the grid never changes height
_Index = QModelIndex | QPersistentModelIndex


class MonthGridModel(QAbstractTableModel):
    """Six weeks around one month; days of the months either side are shown greyed."""

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today  # None: the real today, which moves on past midnight
        shown = today or date.today()
        self._year, self._month = shown.year, shown.month
        self._by_day: dict[date, list[MeetingRow]] = {}
        self._region = DEFAULT_REGION

    @property
    def month(self) -> tuple[int, int]:
        return self._year, self._month

    @property
    def first_shown(self) -> date:
        """The Monday on or before the 1st of the month."""
        first = date(self._year, self._month, 1)
        return first - timedelta(days=first.weekday())

    def title(self) -> str:
        month = QCoreApplication.translate("MonthGridModel", _MONTHS[self._month - 1])
        return f"{month} {self._year}"

    def set_month(self, year: int, month: int) -> None:
        self.beginResetModel()
        self._year, self._month = year, month
        self.endResetModel()

    def step(self, months: int) -> None:
        """Move the grid by whole months (negative: back)."""
        index = self._year * 12 + self._month - 1 + months
        self.set_month(index // 12, index % 12 + 1)

    def set_region(self, region: str) -> None:
        """Whose bank holidays the grid names: the board's region."""
        if region != self._region:
            self.beginResetModel()
            self._region = region
            self.endResetModel()

    def set_meetings(self, rows: Sequence[MeetingRow]) -> None:
        by_day: dict[date, list[MeetingRow]] = defaultdict(list)
        for row in sorted(rows, key=lambda r: r.starts_at):
            by_day[row.starts_at.date()].append(row)
        self.beginResetModel()
        self._by_day = dict(by_day)
        self.endResetModel()

    def day_at(self, index: _Index) -> date:
        return self.first_shown + timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first_shown).days
        if not 0 <= offset < WEEKS * 7:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def meetings_on(self, day: date) -> list[MeetingRow]:
        return list(self._by_day.get(day, ()))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == Qt.ItemDataRole.ToolTipRole:
            meetings = self._by_day.get(day, ())
            holiday = holiday_name(day, self._region)
            lines = [f"{format_date(day)} — {holiday}" if holiday else format_date(day)] + [
                f"{m.when} {m.title} — {label_of(m.status)} · {m.papers}" for m in meetings
            ]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = len(self._by_day.get(day, ()))
            if count == 1:
                return QCoreApplication.translate("MonthGridModel", "{0}, 1 meeting").format(
                    format_date(day)
                )
            return QCoreApplication.translate("MonthGridModel", "{0}, {1} meetings").format(
                format_date(day), count
            )
        if role == Qt.ItemDataRole.ForegroundRole and day.month != self._month:
            return MUTED.color()
        if role == MEETINGS_ROLE:
            return self.meetings_on(day)
        if role == DAY_ROLE:
            return day
        if role == HOLIDAY_ROLE:
            return holiday_name(day, self._region)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 7
        ):
            return QCoreApplication.translate("MonthGridModel", _WEEKDAYS[section])
        return None

    def is_today(self, day: date) -> bool:
        return day == (self._today or date.today())
