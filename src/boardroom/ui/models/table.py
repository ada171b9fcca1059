"""One table model for every list of plain rows, configured by its columns.

Rows are frozen values built from the database by the page, so the model never holds ORM
objects (whose sessions are long closed) and sorting compares raw values, not display text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from boardroom.ui.models import roles

Row = TypeVar("Row")
SORT_ROLE = roles.SORT
ROW_ROLE = roles.ROW
_ANSWERED = frozenset({roles.DISPLAY, roles.TOOLTIP, roles.FOREGROUND, SORT_ROLE, ROW_ROLE})
_Index = QModelIndex | QPersistentModelIndex


class Column(NamedTuple, Generic[Row]):
    """A column: its header, its text, and the raw value it sorts by (the text if None)."""

    header: str
    text: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None
    color: Callable[[Row], QColor | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of rows; subclasses declare ``columns`` and their COL_* constants."""

    columns: Sequence[Column[Row]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def texts(self, column: int) -> list[str]:
        """Every row's text in ``column``: what its width is measured from."""
        text = self.columns[column].text
        return [text(row) for row in self._rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = roles.DISPLAY) -> Any:
        position = index.row()  # -1 for an invalid index
        if role not in _ANSWERED or not 0 <= position < len(self._rows):
            return None
        row = self._rows[position]
        column = self.columns[index.column()]
        if role in (roles.DISPLAY, roles.TOOLTIP):
            return column.text(row)
        if role == SORT_ROLE:
            value = column.sort(row) if column.sort else column.text(row)
            # Qt cannot compare Python dates; ISO text sorts the same way and it can.
            return value.isoformat() if isinstance(value, date | time) else value
        if role == ROW_ROLE:
            return row
        return column.color(row) if column.color is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate(type(self).__name__, self.columns[section].header)
        return None


class SearchProxy(QSortFilterProxyModel):
    """Sorts by the raw values and filters on any column's text, ignoring case."""

    def __init__(self, source: RowTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def row_at(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)
