"""Qt models of the action log: one table of compact rows behind a filtering proxy, the
status chosen in place from a drop-down, and the per-owner / per-section totals."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from boardroom.dates import format_date
from boardroom.services.action_rows import (
    ActionCounts,
    ActionFilter,
    ActionRow,
    GroupTotals,
    moved_since,
)
from boardroom.storage.enums import ActionStatus
from boardroom.ui.colours import OVERDUE
from boardroom.ui.labels import group_name, label_of, owner_name
from boardroom.ui.models import roles
from boardroom.ui.models.table import ROW_ROLE, SORT_ROLE

# What a cell of the list answers; any other role is turned away at once.
_ANSWERED = frozenset(
    {roles.DISPLAY, roles.SORT, roles.ROW, roles.EDIT, roles.TOOLTIP, roles.FOREGROUND, roles.FONT}
)
AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
# Called with (action id, new status); returns the stored row, or None when it was refused.
StatusEditor = Callable[[int, ActionStatus], ActionRow | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionsTableModel", text)


class ActionsTableModel(QAbstractTableModel):
    """Every action as a row of plain values; the status column is edited in place."""

    COL_REFERENCE, COL_ACTION, COL_OWNER, COL_DUE, COL_STATUS, COL_PLAN = range(6)
    COL_AGREED, COL_LAST_UPDATE, COL_REVIEWED = range(6, 9)
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ActionsTableModel", "Ref"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Action"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Owner"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Due"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Status"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Plan"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Agreed"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Last update"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Reviewed"),
    )

    def __init__(self, status_editor: StatusEditor | None = None, parent=None) -> None:
        super().__init__(parent)
        # The rows twice: as shown (sorted), and as loaded. Filtering and counting read the
        # loaded list, whose tuples lie in memory in that order: over 30,000 rows that is
        # several times faster than reading them in the scattered order of a sort.
        self._rows: list[ActionRow] = []
        self._loaded: list[ActionRow] = []
        self._shown_at: list[int] = []  # where each loaded row is shown
        self._loaded_at: dict[int, int] = {}  # action id -> place in the loaded list
        self._status_editor = status_editor
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._since: date | None = None  # the last meeting: later updates are shown bold

    # --- contents -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ActionRow], moved_since: date | None = None) -> None:
        """The actions to list; those updated after ``moved_since`` (the last meeting) are
        marked as having moved — set with the rows, so the filter runs once."""
        self.beginResetModel()
        self._since = moved_since
        self._loaded = list(rows)
        self._loaded_at = {row.id: place for place, row in enumerate(self._loaded)}
        self._arrange(*(self._order or (-1, Qt.SortOrder.AscendingOrder)))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python with one key per row: a proxy sorting 30,000 rows would
        call ``data()`` some 800,000 times and freeze the window for seconds."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in persistent]
        self._arrange(column, order)
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self.position_of(i), index.column())
                for i, index in zip(ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _arrange(self, column: int, order: Qt.SortOrder) -> None:
        """Put the loaded rows in the order shown (by ``column``, else as loaded)."""
        places = range(len(self._loaded))
        if 0 <= column < len(self.HEADERS):
            places = sorted(
                places,
                key=lambda place: self._sort_key(self._loaded[place], column),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        self._rows = [self._loaded[place] for place in places]
        self._shown_at = [0] * len(places)
        for position, place in enumerate(places):
            self._shown_at[place] = position

    def rows(self) -> list[ActionRow]:
        """Every row, in the order loaded: for counting and grouping, which need no order."""
        return list(self._loaded)

    def row_at(self, position: int) -> ActionRow:
        return self._rows[position]

    def position_of(self, action_id: int) -> int:
        """Where the action is shown."""
        return self._shown_at[self._loaded_at[action_id]]

    def positions(self, action_filter: ActionFilter) -> list[int]:
        """Where the rows that pass the filter are shown, in order."""
        places = action_filter.positions(self._loaded)
        if len(places) == len(self._loaded):
            return list(range(len(places)))
        return sorted(map(self._shown_at.__getitem__, places))

    def replace_row(self, row: ActionRow) -> None:
        if row.id in self._loaded_at:
            self._store(self.position_of(row.id), row)

    def _store(self, position: int, row: ActionRow) -> None:
        self._rows[position] = self._loaded[self._loaded_at[row.id]] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, self.columnCount() - 1))

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.COL_STATUS and self._status_editor:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: ActionRow, column: int, role: int) -> Any:
        """What ``data`` answers for ``row``; the filtering proxy asks here directly."""
        if role not in _ANSWERED:
            return None
        if role == roles.DISPLAY:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == roles.EDIT and column == self.COL_STATUS:
            return row.status.value
        if role == roles.TOOLTIP:
            return self._tooltip(row, column)
        if role == roles.FOREGROUND and column == self.COL_DUE and row.overdue:
            return OVERDUE.color()
        if role == roles.FONT and (
            (column == self.COL_DUE and row.overdue)
            or (column == self.COL_LAST_UPDATE and moved_since(row, self._since))
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: ActionRow, column: int) -> str:
        if column == self.COL_REFERENCE:
            return row.reference
        if column == self.COL_ACTION:
            return row.description
        if column == self.COL_OWNER:
            return owner_name(row.owner)
        if column == self.COL_DUE:
            return format_date(row.due_date)
        if column == self.COL_STATUS:
            return label_of(row.status)
        if column == self.COL_PLAN:
            return row.plan_numbers
        if column == self.COL_AGREED:
            return format_date(row.origin_meeting_on)
        if column == self.COL_LAST_UPDATE:
            return format_date(row.last_update_on)
        return format_date(row.last_reviewed_on)

    def _sort_key(self, row: ActionRow, column: int) -> Any:
        if (field := DATE_FIELDS.get(column)) is not None:
            return (getattr(row, field) or date.max).toordinal()
        if column == self.COL_REFERENCE:
            code, year, sequence = [*row.reference.rsplit("-", 2), "", ""][:3]
            return f"{code}-{year}-{int(sequence) if sequence.isdigit() else 0:06d}"
        if column == self.COL_STATUS:
            return list(ActionStatus).index(row.status)
        return self._display(row, column).casefold()

    def _tooltip(self, row: ActionRow, column: int) -> str | None:
        if column == self.COL_ACTION:
            agreed = QCoreApplication.translate("ActionsTableModel", "Agreed under: {0}")
            origin = "\n" + agreed.format(row.origin_item) if row.origin_item else ""
            return f"{row.description}{origin}"
        if column == self.COL_DUE and row.overdue:
            return QCoreApplication.translate(
                "ActionsTableModel", "Overdue: the due date has passed (counted in working days)."
            )
        if column == self.COL_STATUS and self._status_editor:
            return QCoreApplication.translate(
                "ActionsTableModel", "Double-click or press F2 to change the status."
            )
        if column == self.COL_LAST_UPDATE and moved_since(row, self._since):
            return QCoreApplication.translate(
                "ActionsTableModel", "Updated since the meeting of {0}"
            ).format(format_date(self._since))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.COL_STATUS
            or role != Qt.ItemDataRole.EditRole
            or self._status_editor is None
        ):
            return False
        status = ActionStatus(value)
        row = self._rows[index.row()]
        if status == row.status:
            return False
        stored = self._status_editor(row.id, status)
        if stored is None:
            return False
        self._store(index.row(), stored)
        return True


class ActionsFilterProxy(QAbstractProxyModel):
    """The rows of an ``ActionsTableModel`` that pass an ``ActionFilter`` (the rules the
    exports use), in the source's order; sorting is passed on to the source, which sorts its
    tuples far faster than a proxy could.

    The filter runs over the whole list at once (``ActionFilter.positions``): a
    QSortFilterProxyModel would call back into Python once per row for every keystroke —
    30,000 calls, longer than the chair should wait. A change of filter or order is a layout
    change, so the selection and the current row stay on the action they were on.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filter = ActionFilter()
        self._source: ActionsTableModel | None = None
        self._shown: list[int] = []  # the source row of each row shown, ascending
        self._moving: list[tuple[QPersistentModelIndex, int]] = []

    def setSourceModel(self, source: QAbstractItemModel | None) -> None:
        assert isinstance(source, ActionsTableModel), "shows an ActionsTableModel"
        assert self._source is None, "the source is set once"
        self.beginResetModel()
        super().setSourceModel(source)
        self._source = source
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        source.layoutAboutToBeChanged.connect(lambda *_: self._begin_layout())
        source.layoutChanged.connect(lambda *_: self._end_layout())
        source.dataChanged.connect(self._source_data_changed)
        self._shown = source.positions(self._filter)
        self.endResetModel()

    # --- filtering ------------------------------------------------------------------------
    @property
    def action_filter(self) -> ActionFilter:
        return self._filter

    def set_filter(self, action_filter: ActionFilter) -> None:
        if action_filter == self._filter:
            return
        self._begin_layout()
        self._filter = action_filter
        self._end_layout()

    def visible_rows(self) -> list[ActionRow]:
        source = self._source
        return [source.row_at(position) for position in self._shown] if source else []

    def _source_reset(self) -> None:
        self._shown = self._source.positions(self._filter) if self._source else []
        self.endResetModel()

    def _begin_layout(self) -> None:
        """Before the rows change place: remember which action each persistent index is on
        (asked after the signal, so the views' own indexes are among them)."""
        self.layoutAboutToBeChanged.emit()
        self._moving = [(index, self._row(index.row()).id) for index in self.persistentIndexList()]

    def _end_layout(self, shown: list[int] | None = None) -> None:
        source = self._source
        assert source is not None
        self._shown = source.positions(self._filter) if shown is None else shown
        if self._moving:
            old = [index for index, _id in self._moving]
            new = [self._index_of(action_id, index.column()) for index, action_id in self._moving]
            self.changePersistentIndexList(old, new)
            self._moving = []
        self.layoutChanged.emit()

    def _index_of(self, action_id: int, column: int) -> QModelIndex:
        """Where the action is now shown, or nowhere when the filter hides it."""
        assert self._source is not None
        position = self._source.position_of(action_id)
        row = bisect_left(self._shown, position)
        if row < len(self._shown) and self._shown[row] == position:
            return self.index(row, column)
        return QModelIndex()

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        """A row edited in place (its status) may now pass or fail the filter."""
        assert self._source is not None
        shown = self._source.positions(self._filter)
        if shown != self._shown:
            self._begin_layout()
            self._end_layout(shown)
            return
        first, last = bisect_left(shown, top.row()), bisect_right(shown, bottom.row()) - 1
        if first <= last:
            self.dataChanged.emit(
                self.index(first, top.column()), self.index(last, bottom.column()), roles
            )

    def _row(self, row: int) -> ActionRow:
        assert self._source is not None
        return self._source.row_at(self._shown[row])

    # --- QAbstractProxyModel ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = NO_PARENT) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._shown)):
            return QModelIndex()
        if not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: AnyIndex | None = None):  # type: ignore[override]
        if child is None:  # QObject.parent(): the owning widget
            return super().parent()
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() or self._source is None else self._source.columnCount()

    def hasChildren(self, parent: AnyIndex = NO_PARENT) -> bool:
        return not parent.isValid() and bool(self._shown)

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        if not proxy_index.isValid() or self._source is None:
            return QModelIndex()
        return self._source.index(self._shown[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = bisect_left(self._shown, source_index.row())
        if row == len(self._shown) or self._shown[row] != source_index.row():
            return QModelIndex()
        return self.index(row, source_index.column())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the row: the views ask for some ten roles of every cell they paint.
        if not index.isValid() or self._source is None:
            return None
        return self._source.cell(self._row(index.row()), index.column(), role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return self._source is not None and self._source.setData(
            self.mapToSource(index), value, role
        )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self._source is None:
            return Qt.ItemFlag.NoItemFlags
        return self._source.flags(self.mapToSource(index))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if self._source is None or orientation == Qt.Orientation.Vertical:
            return None
        return self._source.headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._source is not None:
            self._source.sort(column, order)


# The row field behind each date column (the sort key is its ordinal; no date sorts last).
DATE_FIELDS = {
    ActionsTableModel.COL_DUE: "due_date",
    ActionsTableModel.COL_AGREED: "origin_meeting_on",
    ActionsTableModel.COL_LAST_UPDATE: "last_update_on",
    ActionsTableModel.COL_REVIEWED: "last_reviewed_on",
}


class StatusDelegate(QStyledItemDelegate):
    """A drop-down of the four statuses for the status column, opened at once so that the
    arrow keys move through the list and Enter (or a click) stores the choice — a closed
    combo box would store the first status the arrow key reached."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        for status in ActionStatus:
            editor.addItem(label_of(status), status.value)
        editor.activated.connect(lambda _index: self.commitData.emit(editor))
        editor.activated.connect(lambda _index: self.closeEditor.emit(editor))
        QTimer.singleShot(0, editor.showPopup)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class GroupTotalsModel(QAbstractTableModel):
    """Totals per owner or per plan section: what the chair runs down at the meeting."""

    COL_GROUP, COL_OPEN, COL_OVERDUE, COL_DUE_SOON, COL_MOVED = range(5)
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ActionsTableModel", "Group"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Open"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Overdue"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Due soon"),
        QT_TRANSLATE_NOOP("ActionsTableModel", "Moved"),
    )
    KEY_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, by: str, group_title: str, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[GroupTotals] = []
        self._names: list[str] = []
        self._by = by  # "owner" or "section": what the groups are, to name the unnamed
        self._title = group_title

    def set_groups(
        self, groups: Sequence[GroupTotals], by: str | None = None, title: str | None = None
    ) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self._by = by or self._by
        self._names = [group_name(group, self._by) for group in self._groups]
        self._title = title or self._title
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._title if section == self.COL_GROUP else _tr(self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group, name = self._groups[index.row()], self._names[index.row()]
        values = (name, group.open, group.overdue, group.due_soon, group.moved)
        column = index.column()
        if role == roles.DISPLAY:
            return values[column] if column == self.COL_GROUP else str(values[column])
        if role == SORT_ROLE:
            return values[column]
        if role == self.KEY_ROLE:
            return group.key
        if role == roles.TOOLTIP and column == self.COL_GROUP:
            return name
        if role == roles.TOOLTIP and column == self.COL_MOVED:
            return QCoreApplication.translate("ActionsTableModel", "Updated since the last meeting")
        if role == roles.TEXT_ALIGNMENT and column != self.COL_GROUP:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == roles.FOREGROUND and column == self.COL_OVERDUE and group.overdue:
            return OVERDUE.color()
        return None


def counts_text(counts: ActionCounts) -> str:
    """ "Open 42 · Overdue 7 · Due soon 9 · Closed this quarter 3"."""
    return " · ".join(
        (
            QCoreApplication.translate("ActionsTableModel", "Open {0}").format(counts.open),
            QCoreApplication.translate("ActionsTableModel", "Overdue {0}").format(counts.overdue),
            QCoreApplication.translate("ActionsTableModel", "Due soon {0}").format(counts.due_soon),
            QCoreApplication.translate("ActionsTableModel", "Closed this quarter {0}").format(
                counts.closed_this_quarter
            ),
        )
    )


def configure_action_columns(view: QTableView, references: Iterable[str] = ()) -> None:
    """Column widths of an actions table, measured in the view's font so that a date in
    bold ("Wed 30 Sep 2026") and the longest of ``references`` are never cut short; the
    action's text takes the remaining width. A model reset keeps them (the columns stay
    the same), so a page sizes its table once per list it shows.
    """
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(ActionsTableModel.COL_ACTION, QHeaderView.ResizeMode.Stretch)
    bold = QFont(view.font())
    bold.setBold(True)
    date_width = QFontMetrics(bold).horizontalAdvance("Wed 30 Sep 2026") + 18
    for column, width in (
        (ActionsTableModel.COL_REFERENCE, reference_width(view, references)),
        (ActionsTableModel.COL_OWNER, 150),
        (ActionsTableModel.COL_DUE, date_width),
        (ActionsTableModel.COL_STATUS, 92),
        (ActionsTableModel.COL_PLAN, 70),
        (ActionsTableModel.COL_AGREED, date_width),
        (ActionsTableModel.COL_LAST_UPDATE, date_width),
        (ActionsTableModel.COL_REVIEWED, date_width),
    ):
        view.setColumnWidth(column, width)


def reference_width(view: QTableView, references: Iterable[str]) -> int:
    """Wide enough for the longest of ``references`` in the view's font."""
    longest = max(references, key=len, default="IB-2016-01")
    return max(QFontMetrics(view.font()).horizontalAdvance(longest + "0") + 14, 80)


def configure_group_columns(view: QTableView) -> None:
    """The group's name takes the width; the counts stay narrow (again after each reset)."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(GroupTotalsModel.COL_GROUP, QHeaderView.ResizeMode.Stretch)
    for column in (GroupTotalsModel.COL_OPEN, GroupTotalsModel.COL_OVERDUE):
        view.setColumnWidth(column, 62)
    for column in (GroupTotalsModel.COL_DUE_SOON, GroupTotalsModel.COL_MOVED):
        view.setColumnWidth(column, 72)
