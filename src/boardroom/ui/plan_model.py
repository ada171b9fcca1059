"""The improvement plan as a tree: recommendations with their RAG roll-up, and under each its
numbered activities with a RAG chip; activity, target and lead are edited in place."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QIcon, QPainter, QPixmap

from boardroom.dates import format_date
from boardroom.services.plans import ItemNode, PlanTree, RagRollup, SectionNode
from boardroom.storage.models import Rag
from boardroom.ui.colours import OVERDUE, rag_fill
from boardroom.ui.labels import label_of

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
_SECTION = 0  # internal id of a section row; an item row's id is its section's row + 1
# Called with (item id, field, text); returns the stored item, or None when refused.
ItemEditor = Callable[[int, str, str], ItemNode | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanTreeModel", text)


def rollup_text(rollup: RagRollup) -> str:
    """ "1 red · 2 amber · 3 green · 4 not rated · 2 overdue" — zero counts left out."""
    parts = [
        text.format(count)
        for text, count in (
            (QCoreApplication.translate("PlanTreeModel", "{0} red"), rollup.red),
            (QCoreApplication.translate("PlanTreeModel", "{0} amber"), rollup.amber),
            (QCoreApplication.translate("PlanTreeModel", "{0} green"), rollup.green),
            (QCoreApplication.translate("PlanTreeModel", "{0} not rated"), rollup.not_rated),
            (QCoreApplication.translate("PlanTreeModel", "{0} overdue"), rollup.overdue),
        )
        if count
    ]
    return " · ".join(parts) or QCoreApplication.translate("PlanTreeModel", "no activities")


@cache
def rag_chip(rag: Rag) -> QIcon:
    """A small round chip in the RAG colour, as the chair expects to see it."""
    pixmap = QPixmap(28, 28)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(rag_fill(rag.value))
    painter.drawEllipse(4, 4, 20, 20)
    painter.end()
    return QIcon(pixmap)


def _number_key(number: str) -> str:
    return ".".join(f"{int(part):04d}" if part.isdigit() else part for part in number.split("."))


class PlanTreeModel(QAbstractItemModel):
    COL_NUMBER, COL_ACTIVITY, COL_TARGET, COL_LEAD, COL_RAG, COL_ACTIONS = range(6)
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("PlanTreeModel", "No."),
        QT_TRANSLATE_NOOP("PlanTreeModel", "Planned activity"),
        QT_TRANSLATE_NOOP("PlanTreeModel", "Target"),
        QT_TRANSLATE_NOOP("PlanTreeModel", "Lead"),
        QT_TRANSLATE_NOOP("PlanTreeModel", "RAG"),
        QT_TRANSLATE_NOOP("PlanTreeModel", "Actions"),
    )
    EDITABLE: ClassVar[dict[int, str]] = {
        COL_ACTIVITY: "activity",
        COL_TARGET: "target_text",
        COL_LEAD: "lead",
    }

    def __init__(self, item_editor: ItemEditor | None = None, parent=None) -> None:
        super().__init__(parent)
        self._sections: list[SectionNode] = []
        self._editor = item_editor

    def set_tree(self, tree: PlanTree | None) -> None:
        self.beginResetModel()
        self._sections = list(tree.sections) if tree else []
        self.endResetModel()

    def node(self, index: AnyIndex) -> SectionNode | ItemNode | None:
        if not index.isValid():
            return None
        if index.internalId() == _SECTION:
            return self._sections[index.row()]
        return self._sections[index.internalId() - 1].items[index.row()]

    def index_of_item(self, item_id: int) -> QModelIndex:
        for section_row, section in enumerate(self._sections):
            for row, item in enumerate(section.items):
                if item.id == item_id:
                    return self.createIndex(row, 0, section_row + 1)
        return QModelIndex()

    # --- structure ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _SECTION and parent.column() == 0:
            return len(self._sections[parent.row()].items)
        return 0

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if (
            self._editor is not None
            and isinstance(self.node(index), ItemNode)
            and index.column() in self.EDITABLE
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # --- contents -------------------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == NODE_ROLE:
            return node
        if isinstance(node, SectionNode):
            return self._section_data(node, index.column(), role)
        return self._item_data(node, index.column(), role)

    def _section_data(self, section: SectionNode, column: int, role: int) -> Any:
        rollup = section.rollup
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if role == SORT_ROLE and column == self.COL_NUMBER:
                return section.number
            if column != self.COL_NUMBER:
                return ""  # the view spans the first column across a section's row
            headline = section.outcome or section.recommendation
            return f"{section.number}.  [{rollup_text(rollup)}]   {headline}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "PlanTreeModel", "Recommendation {0}: {1}\nOutcome: {2}"
            ).format(section.number, section.recommendation, section.outcome)
        return None

    def _item_data(self, item: ItemNode, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {
                self.COL_NUMBER: item.number,
                self.COL_ACTIVITY: item.activity,
                self.COL_TARGET: item.target_text,
                self.COL_LEAD: item.lead,
                self.COL_RAG: label_of(item.rag),
                self.COL_ACTIONS: str(item.open_actions) if item.open_actions else "",
            }[column]
        if role == SORT_ROLE:
            if column == self.COL_NUMBER:
                return _number_key(item.number)
            if column == self.COL_TARGET:
                return item.target_date.toordinal() if item.target_date else 10**7
            if column == self.COL_ACTIONS:
                return item.open_actions
            return str(self._item_data(item, column, Qt.ItemDataRole.DisplayRole)).casefold()
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_RAG:
            return rag_chip(item.rag)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_TARGET and item.overdue:
            return OVERDUE.color()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_TARGET and item.target_date:
                late = (
                    QCoreApplication.translate("PlanTreeModel", " — past and not green")
                    if item.overdue
                    else ""
                )
                return QCoreApplication.translate("PlanTreeModel", "Due by {0}{1}").format(
                    format_date(item.target_date), late
                )
            if column == self.COL_ACTIVITY:
                return QCoreApplication.translate(
                    "PlanTreeModel", "{0}\n\nDesired outcome: {1}"
                ).format(item.activity, item.desired_outcome)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node(index)
        field = self.EDITABLE.get(index.column())
        if (
            role != Qt.ItemDataRole.EditRole
            or not isinstance(node, ItemNode)
            or field is None
            or self._editor is None
        ):
            return False
        if str(value).strip() == getattr(node, field):
            return False
        stored = self._editor(node.id, field, str(value))
        if stored is None:
            return False
        section_row = index.internalId() - 1
        section = self._sections[section_row]
        items = list(section.items)
        items[index.row()] = stored
        self._sections[section_row] = SectionNode(
            section.id, section.number, section.recommendation, section.outcome, tuple(items)
        )
        self.dataChanged.emit(
            self.index(index.row(), 0, index.parent()),
            self.index(index.row(), self.columnCount() - 1, index.parent()),
        )
        return True


class PlanFilterProxy(QSortFilterProxyModel):
    """Search across every column; a section stays when any of its items matches."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)
