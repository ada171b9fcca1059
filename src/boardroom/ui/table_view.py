"""The app's standard list view and buttons, so every page looks and behaves alike."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetricsF, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView

from boardroom.ui.icons import icon
from boardroom.ui.models.table import SearchProxy


def table_view(proxy: SearchProxy, sort_column: int = 0) -> QTableView:
    """The app's standard list: sortable, whole rows, resizable columns, no grid noise."""
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return view


def give_way(view: QTableView, column: int) -> None:
    """``column`` takes the width the others leave (its text elided) in place of the last
    column stretching, so a list sized to its contents still fits its page: no column is
    pushed out of sight behind a sideways scroll bar."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class _EnterOpens(QObject):
    """Return or Enter on a list opens the current item (the view would only move on)."""

    def __init__(self, view: QTableView, handler: Callable[[], None]) -> None:
        super().__init__(view)
        self._handler = handler

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._handler()
            return True
        return super().eventFilter(watched, event)


def on_activate(view: QTableView, handler: Callable[[], None]) -> None:
    """Open the item on double-click or Enter, as every list in the app does."""
    view.doubleClicked.connect(lambda _index: handler())
    view.installEventFilter(_EnterOpens(view, handler))


def button(icon_name: str, text: str, tip: str = "") -> QPushButton:
    widget = QPushButton(icon(icon_name), text)
    if tip:
        widget.setToolTip(tip)
    return widget


_ROUNDING = 2  # pixels


def fit_columns(view: QTableView, columns: Iterable[int] | None = None, gutter: int = 0) -> None:
    """Size ``columns`` (every one by default) to their widest text or their heading, as
    ``resizeColumnsToContents`` does, but measured from the rows' texts in one pass;
    ``gutter`` pixels more keep a long text off the next column's.

    Qt's own measure asks the model eight roles of every cell, each a call into Python
    through the sorting proxy: some 2,000 calls for a meeting's register and its actions,
    the largest part of opening a meeting. Qt still measures one cell, so the padding its
    style adds around a text is its own; the font's advance and Qt's text layout may round
    a pixel apart, so a column is given that pixel each way rather than elide a letter.
    """
    proxy: SearchProxy = view.model()
    source = proxy.sourceModel()
    header = view.horizontalHeader()
    metrics = QFontMetricsF(view.font())
    padding = 0
    if source.rowCount():
        first = proxy.index(0, 0)
        padding = view.sizeHintForIndex(first).width() - _width(metrics, proxy.data(first))
        padding += _ROUNDING + (1 if view.showGrid() else 0)
    for column in range(header.count()) if columns is None else columns:
        texts = source.texts(column)
        content = max(_width(metrics, text) for text in texts) + padding if texts else 0
        header.resizeSection(column, max(content, header.sectionSizeHint(column)) + gutter)


def _width(metrics: QFontMetricsF, text: str) -> int:
    return math.ceil(metrics.horizontalAdvance(text))


def fit_rows(view: QTableView, rows: int, most: int) -> None:
    """Size a short list to its rows (up to ``most``, then it scrolls), not to the space."""
    shown = max(1, min(rows, most))
    row_height = view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(view.horizontalHeader().sizeHint().height() + shown * row_height + 4)


def selected_rows(view: QAbstractItemView) -> list[int]:
    """The rows selected, in order, or the current one when none is: what a key that acts
    on "the selected people" acts on after the clerk merely moved to a line."""
    rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    return rows
