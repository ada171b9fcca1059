"""The quiet lists under the notes — resolutions, actions, declarations, the action log —
each a heading with its shortcut beside it, then rows that take only the room they need."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from boardroom.ui.models.table import RowTableModel
from boardroom.ui.theme import emphasised, muted_text

AddButton = tuple[str, Callable[[], None]]  # the button's text and what it does


def section_header(title: str, shortcut: str, add: AddButton | None = None) -> QWidget:
    """The heading, then (right-aligned) its keys and, for the mouse, its button — which
    takes no focus, so Tab still goes from field to field."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 8, 0, 0)
    heading = emphasised(QLabel(title), point_size=11)
    heading.setObjectName("sectionHeading")
    hint = muted_text(QLabel(shortcut))
    hint.setObjectName("shortcutHint")
    layout.addWidget(heading)
    layout.addStretch(1)
    layout.addWidget(hint)
    if add is not None:
        text, handler = add
        widget = QToolButton()
        widget.setText(text)
        widget.setAutoRaise(True)
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        widget.clicked.connect(handler)
        layout.addWidget(widget)
    return row


def section(
    layout: QVBoxLayout,
    title: str,
    shortcut: str,
    model: RowTableModel,
    stretch: int,
    empty: str,
    max_rows: int = 0,
    add: AddButton | None = None,
) -> QTableView:
    """A heading with its shortcut, then a list that grows with its rows (or a hint when it
    has none); past ``max_rows`` rows (if given) it scrolls instead of growing."""
    layout.addWidget(section_header(title, shortcut, add))
    hint = muted_text(QLabel(empty))
    hint.setObjectName("shortcutHint")
    view = QTableView()
    view.setObjectName("sectionList")
    view.setStyleSheet("QTableView::item { padding: 1px 12px 1px 2px; }")  # on this list only
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.horizontalHeader().hide()
    view.setFrameShape(QTableView.Shape.NoFrame)
    if not max_rows:
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        mode = QHeaderView.ResizeMode.ResizeToContents
        if column == stretch:
            mode = QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(column, mode)

    def fit() -> None:
        view.resizeRowsToContents()
        shown = model.rowCount() if not max_rows else min(model.rowCount(), max_rows)
        view.setFixedHeight(sum(view.rowHeight(row) for row in range(shown)) + 2)
        view.setVisible(model.rowCount() > 0)
        hint.setVisible(model.rowCount() == 0)

    model.modelReset.connect(fit)
    fit()
    layout.addWidget(hint)
    layout.addWidget(view)
    return view
