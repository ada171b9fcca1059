"""The agenda as a two-level tree: main items and their sub-items, in agenda order.

The order *is* the agenda, so the tree is not sorted; numbers and start times come from the
service on every reload. Dragging an item asks for a move (``move_requested``) rather than
moving rows itself: the editor turns it into an undoable command, the service moves the item
in one transaction, and the model reloads from the database — one path for mouse and
keyboard alike. Files dropped onto an item ask to be attached (``files_dropped``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from boardroom.services.agenda_rows import AgendaRow
from boardroom.ui.colours import OVERDUE, WARNING
from boardroom.ui.icons import icon
from boardroom.ui.labels import label_of

AGENDA_MIME = "application/x-boardroom-agenda-item"
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


class AgendaTreeModel(QAbstractItemModel):
    COL_NUMBER, COL_TITLE, COL_PURPOSE, COL_PRESENTER, COL_START, COL_MINUTES, COL_PAPERS = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("AgendaTreeModel", "No."),
        QT_TRANSLATE_NOOP("AgendaTreeModel", "Item"),
        QT_TRANSLATE_NOOP("AgendaTreeModel", "Purpose"),
        QT_TRANSLATE_NOOP("AgendaTreeModel", "Presenter"),
        QT_TRANSLATE_NOOP("AgendaTreeModel", "Starts"),
        QT_TRANSLATE_NOOP("AgendaTreeModel", "Min"),
        QT_TRANSLATE_NOOP("AgendaTreeModel", "Papers"),
    )

    move_requested = Signal(int, object, int)  # item id, new parent id or None, index there
    files_dropped = Signal(int, list)  # item id, local file paths

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._top: list[AgendaRow] = []
        self._children: dict[int, list[AgendaRow]] = {}
        self._by_id: dict[int, AgendaRow] = {}
        self._meeting_end: datetime | None = None
        self._lock = icon("lock", OVERDUE.css())
        self._paperclip = icon("attach")

    # -- contents --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[AgendaRow], meeting_end: datetime | None = None) -> None:
        """The agenda in order; ``meeting_end`` marks the times of items that overrun it."""
        self.beginResetModel()
        self._meeting_end = meeting_end
        self._by_id = {row.item_id: row for row in rows}
        self._top = [row for row in rows if row.parent_id is None]
        self._children = {}
        for row in rows:
            if row.parent_id is not None:
                self._children.setdefault(row.parent_id, []).append(row)
        self.endResetModel()

    def rows(self) -> list[AgendaRow]:
        """Every item in agenda order (main items each followed by their sub-items)."""
        ordered = []
        for row in self._top:
            ordered.append(row)
            ordered.extend(self._children.get(row.item_id, []))
        return ordered

    def row(self, item_id: int) -> AgendaRow | None:
        return self._by_id.get(item_id)

    def row_at(self, index: _Index) -> AgendaRow | None:
        return index.internalPointer() if index.isValid() else None

    def index_of(self, item_id: int, column: int = 0) -> QModelIndex:
        row = self._by_id.get(item_id)
        if row is None:
            return QModelIndex()
        return self.createIndex(row.index, column, row)

    def _siblings(self, parent_id: int | None) -> list[AgendaRow]:
        return self._top if parent_id is None else self._children.get(parent_id, [])

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        owner = self.row_at(parent)
        rows = self._siblings(owner.item_id if owner else None)
        return self.createIndex(row, column, rows[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        row = self.row_at(index)
        if row is None or row.parent_id is None:
            return QModelIndex()
        owner = self._by_id[row.parent_id]
        return self.createIndex(owner.index, 0, owner)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        owner = self.row_at(parent)
        if owner is None:
            return len(self._top)
        return len(self._children.get(owner.item_id, [])) if owner.parent_id is None else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AgendaTreeModel", self.HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (
            self.COL_START,
            self.COL_MINUTES,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.COL_TITLE and row.exempt:
                return self._lock
            if column == self.COL_PAPERS and row.papers:
                return self._paperclip
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_START and self._overruns(row):
                return WARNING.color()
            if row.exempt and column in (self.COL_NUMBER, self.COL_TITLE):
                return OVERDUE.color()
            return None
        if role == Qt.ItemDataRole.FontRole and row.depth == 0 and column == self.COL_NUMBER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_START,
            self.COL_MINUTES,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _overruns(self, row: AgendaRow) -> bool:
        return self._meeting_end is not None and row.ends_at > self._meeting_end

    def _text(self, row: AgendaRow, column: int) -> str:
        if column == self.COL_NUMBER:
            return row.number
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_PURPOSE:
            return label_of(row.purpose)
        if column == self.COL_PRESENTER:
            return row.presenter
        if column == self.COL_START:
            return f"{row.starts_at:%H:%M}"
        if column == self.COL_MINUTES:
            return str(row.minutes)
        if column == self.COL_PAPERS:
            return str(len(row.papers)) if row.papers else ""
        return ""

    def _tooltip(self, row: AgendaRow, column: int) -> str:
        if column == self.COL_PAPERS and row.papers:
            return "\n".join(f"{p.filename} ({p.kind}, {p.size_text})" for p in row.papers)
        if row.exempt:
            return QCoreApplication.translate(
                "AgendaTreeModel", "Exempt: listed under Part 2, left out of the public agenda"
            )
        if column == self.COL_START and self._overruns(row):
            return QCoreApplication.translate(
                "AgendaTreeModel", "{0}–{1}: past the end of the meeting"
            ).format(f"{row.starts_at:%H:%M}", f"{row.ends_at:%H:%M}")
        if column == self.COL_START:
            return QCoreApplication.translate(
                "AgendaTreeModel", "{0}–{1} on the meeting's clock"
            ).format(f"{row.starts_at:%H:%M}", f"{row.ends_at:%H:%M}")
        return self._text(row, column)

    # -- drag and drop ---------------------------------------------------------------------

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = [self.row_at(index) for index in indexes if index.isValid()]
        if rows:
            data.setData(AGENDA_MIME, QByteArray(str(rows[0].item_id).encode()))
        return data

    def drop_target(
        self, data: QMimeData, row: int, parent: _Index
    ) -> tuple[int, int | None, int] | None:
        """Where a dragged item would go: (item id, new parent id or None, index there).

        Dropped between rows it takes that place; dropped onto a main item it becomes that
        item's last sub-item; dropped onto a sub-item it follows it.
        """
        if not data.hasFormat(AGENDA_MIME):
            return None
        moving = self._by_id.get(int(bytes(data.data(AGENDA_MIME).data()).decode() or 0))
        if moving is None:
            return None
        onto = self.row_at(parent)
        if onto is None:
            parent_id, index = None, (len(self._top) if row < 0 else row)
        elif row >= 0:
            parent_id, index = onto.item_id, row
        elif onto.parent_id is None:
            parent_id, index = onto.item_id, len(self._children.get(onto.item_id, []))
        else:
            parent_id, index = onto.parent_id, onto.index + 1
        if parent_id == moving.item_id or (parent_id is not None and moving.child_count):
            return None  # onto itself, or a heading with sub-items under another item
        if parent_id == moving.parent_id and moving.index < index:
            index -= 1  # the item leaves its old place first
        if (parent_id, index) == (moving.parent_id, moving.index):
            return None
        return moving.item_id, parent_id, index

    def _dropped_files(self, data: QMimeData, parent: _Index) -> tuple[int, list[str]] | None:
        onto = self.row_at(parent)
        files = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        return (onto.item_id, files) if onto is not None and files else None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if data.hasFormat(AGENDA_MIME):
            return self.drop_target(data, row, parent) is not None
        return self._dropped_files(data, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self.drop_target(data, row, parent)
        if target is not None:
            self.move_requested.emit(*target)
            return True
        files = self._dropped_files(data, parent)
        if files is not None:
            self.files_dropped.emit(*files)
            return True
        return False
