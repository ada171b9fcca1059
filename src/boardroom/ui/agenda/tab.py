"""The Agenda tab of the meeting workspace: the numbered, timed agenda and its editor.

Left, the agenda as a tree (number, title, purpose, presenter, start on the running clock,
minutes, papers; exempt items in red with a lock). Right, the selected item's form and its
papers. Above, the tools; below them the clock — and a warning when the agenda runs past
the meeting's end. Every change goes through the undo stack (Ctrl+Z / Ctrl+Shift+Z).

The keys (Alt+↑/↓ move, Alt+→/← indent and outdent, Del, Enter or F2, Ctrl+N, Ctrl+Shift+N)
are declared in ``agenda.keys``, which Help → Keyboard shortcuts lists too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from boardroom.services.agenda import append_item, place_item, start_from_template
from boardroom.services.agenda_rows import AgendaRow, AgendaView, agenda_view, presenter_choices
from boardroom.services.live_minutes import Choice
from boardroom.services.meetings import get_meeting
from boardroom.ui.agenda import keys
from boardroom.ui.agenda.clock import ClockBar
from boardroom.ui.agenda.commands import (
    AddItems,
    AgendaTarget,
    DeleteItem,
    EditFields,
    PlaceItem,
)
from boardroom.ui.agenda.editor import ItemEditor
from boardroom.ui.agenda.model import AgendaTreeModel
from boardroom.ui.agenda.papers import attach_files
from boardroom.ui.agenda.standing import StandingItemsDialog
from boardroom.ui.colours import PROBLEM_BAR
from boardroom.ui.context import AppContext
from boardroom.ui.icons import icon
from boardroom.ui.key_table import Key
from boardroom.ui.live.bars import MessageBar
from boardroom.ui.table_view import button
from boardroom.ui.widgets.empty_state import EmptyState

NEW_ITEM_TITLE = QT_TRANSLATE_NOOP("AgendaTab", "New item")


class _TreeKeys(QObject):
    """Enter or F2 on the agenda edits the item's title (the tree would only move on)."""

    def __init__(self, tree: QTreeView, handler: Callable[[], None]) -> None:
        super().__init__(tree)
        self._handler = handler
        tree.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and keys.EDIT_TITLE.matches(event)
        ):
            self._handler()
            return True
        return False


class AgendaTab(QWidget):
    """``agenda_changed`` after every change, so the workspace header can follow."""

    agenda_changed = Signal()

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.view_data: AgendaView | None = None
        self.target = AgendaTarget(context.database, meeting_id, self)
        self.stack = self.target.stack
        self.target.changed.connect(self._after_step)
        self.target.failed.connect(self._show_error)
        # Other pages refresh on data_changed; typing through a form must not reload them
        # all on every field, so the news is sent once the clerk pauses.
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(600)
        self._announce.timeout.connect(context.data_changed.emit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self._toolbar())
        self.clock = ClockBar()
        layout.addWidget(self.clock)
        self.error_bar = MessageBar("agendaError")
        self.error_bar.setStyleSheet(PROBLEM_BAR.css("#agendaError"))
        self.error_bar.add_button(self.tr("Dismiss")).clicked.connect(self.error_bar.hide)
        layout.addWidget(self.error_bar)

        self.model = AgendaTreeModel(self)
        self.model.move_requested.connect(self._dropped, Qt.ConnectionType.QueuedConnection)
        self.model.files_dropped.connect(self._files_dropped, Qt.ConnectionType.QueuedConnection)
        self.tree = self._tree()
        self.editor = ItemEditor(context)
        self.editor.edited.connect(self._edited)
        self.editor.papers.changed.connect(self.reload)

        self.lists = QStackedWidget()
        self.lists.addWidget(self.tree)
        self.lists.addWidget(self._empty_agenda())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.lists)
        splitter.addWidget(self.editor)
        # The agenda's titles get the room: the form beside it reads well at 400 pixels.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 400])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self._shortcuts()  # filled by reload(), which the workspace calls with its reading

    def hideEvent(self, event: QHideEvent) -> None:
        """Closing the workspace sends the news at once rather than after the pause."""
        if self._announce.isActive():
            self._announce.stop()
            self.context.data_changed.emit()
        super().hideEvent(event)

    # -- building --------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        handler: Callable[[], None],
        key: Key,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ) -> QAction:
        action = QAction(icon(name), text, self)
        action.setShortcuts(key.sequences())
        action.setShortcutContext(context)
        action.setToolTip(f"{text} ({key.shown()})")
        action.triggered.connect(handler)
        return action

    def _toolbar(self) -> QHBoxLayout:
        tree_only = Qt.ShortcutContext.WidgetShortcut
        self.add_action = self._action("add", self.tr("Add item"), self.add_item, keys.ADD_ITEM)
        self.add_sub_action = self._action(
            "add-sub", self.tr("Add sub-item"), self.add_sub_item, keys.ADD_SUB_ITEM
        )
        self.delete_action = self._action(
            "remove", self.tr("Delete"), self.delete_item, keys.DELETE, tree_only
        )
        self.up_action = self._action(
            "move-up", self.tr("Move up"), lambda: self.step(-1), keys.MOVE_UP, tree_only
        )
        self.down_action = self._action(
            "move-down", self.tr("Move down"), lambda: self.step(1), keys.MOVE_DOWN, tree_only
        )
        self.indent_action = self._action(
            "indent", self.tr("Make sub-item"), self.indent, keys.INDENT, tree_only
        )
        self.outdent_action = self._action(
            "outdent", self.tr("Make main item"), self.outdent, keys.OUTDENT, tree_only
        )
        self.undo_action = self.stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setIcon(icon("undo"))
        self.undo_action.setShortcuts(keys.UNDO.sequences())
        self.redo_action = self.stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setIcon(icon("redo"))
        self.redo_action.setShortcuts(keys.REDO.sequences())
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.add_action)
        bar.addAction(self.add_sub_action)
        bar.addAction(self.delete_action)
        bar.addSeparator()
        compact = QToolBar()
        compact.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in (self.up_action, self.down_action, self.outdent_action, self.indent_action):
            compact.addAction(action)
        compact.addSeparator()
        compact.addAction(self.undo_action)
        compact.addAction(self.redo_action)
        self.undo_action.changed.connect(self._undo_tips)
        self.redo_action.changed.connect(self._undo_tips)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(bar)
        row.addWidget(compact)
        row.addStretch(1)
        self.standing_button = button(
            "standing",
            self.tr("Standing items…"),
            self.tr("The board's template of standing items for new agendas"),
        )
        self.standing_button.clicked.connect(self.edit_standing_items)
        row.addWidget(self.standing_button)
        self.extra_buttons = QHBoxLayout()  # the workspace adds Word agenda and Circulate
        row.addLayout(self.extra_buttons)
        return row

    def _undo_tips(self) -> None:
        for action, key in ((self.undo_action, keys.UNDO), (self.redo_action, keys.REDO)):
            action.setToolTip(f"{action.text()} ({key.shown()})")

    def _tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setModel(self.model)
        tree.setObjectName("agendaTree")
        tree.setStyleSheet("#agendaTree::item { padding: 5px 2px; }")
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setItemsExpandable(False)
        tree.setRootIsDecorated(False)
        tree.setIndentation(18)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaTreeModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (AgendaTreeModel.COL_NUMBER, 58),
            (AgendaTreeModel.COL_PURPOSE, 120),
            (AgendaTreeModel.COL_PRESENTER, 150),
            (AgendaTreeModel.COL_START, 56),
            (AgendaTreeModel.COL_MINUTES, 44),
            (AgendaTreeModel.COL_PAPERS, 62),
        ):
            header.resizeSection(column, width)
        tree.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        for action in (
            self.delete_action,
            self.up_action,
            self.down_action,
            self.indent_action,
            self.outdent_action,
        ):
            tree.addAction(action)
        _TreeKeys(tree, self.editor_focus)
        return tree

    def _empty_agenda(self) -> QWidget:
        panel = EmptyState(
            "list",
            self.tr("This agenda is empty"),
            self.tr(
                "Start from the board's standing items — welcome and apologies, declarations, "
                "previous minutes, action log, any other business, next meeting — then add "
                "the business of the day."
            ),
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = button("standing", self.tr("Start from standing items"))
        self.start_button.clicked.connect(self.start_from_standing)
        blank = button("add", self.tr("Add an item"))
        blank.clicked.connect(self.add_item)
        buttons.addWidget(self.start_button)
        buttons.addWidget(blank)
        buttons.addStretch(1)
        panel.layout().insertLayout(4, buttons)
        return panel

    def _shortcuts(self) -> None:
        for action in (self.add_action, self.add_sub_action):
            self.addAction(action)

    # -- reading ---------------------------------------------------------------------------

    def reload(self, select: int | None = None, session: Session | None = None) -> None:
        """``session``: the reading the workspace fills all its tabs from, if any."""
        keep = select if select is not None else self._current_id()
        with self.context.database.reading(session) as reading:
            self.view_data = agenda_view(reading, self.meeting_id)
        self.editor.presenter.set_source(self._presenter_choices)
        view = self.view_data
        self.model.set_rows(view.rows, view.ends_at)
        self.tree.expandAll()
        self.lists.setCurrentIndex(0 if view.rows else 1)
        self.editor.setVisible(bool(view.rows))
        self.clock.show_view(view)
        if keep is not None and self.model.row(keep) is not None:
            self.select(keep)
        elif view.rows:
            self.select(view.rows[0].item_id)
        else:
            self._show_current()
        if session is None:  # filled with the workspace, whose header reads the same rows
            self.agenda_changed.emit()

    def _presenter_choices(self) -> list[Choice]:
        with self.context.database.reading() as reading:
            return presenter_choices(reading, self.meeting_id)

    def _current_id(self) -> int | None:
        row = self.current_row()
        return row.item_id if row else None

    def current_row(self) -> AgendaRow | None:
        return self.model.row_at(self.tree.currentIndex())

    def select(self, item_id: int) -> None:
        index = self.model.index_of(item_id)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._show_current()

    def _show_current(self) -> None:
        row = self.current_row()
        view = self.view_data
        self.editor.show_row(row, view.open_actions if view else [])
        self._enable(row)

    def _enable(self, row: AgendaRow | None) -> None:
        editable = self.view_data is not None and not self.view_data.cancelled
        siblings = self._siblings(row)
        for action, allowed in (
            (self.add_action, editable),
            (self.add_sub_action, editable and row is not None),
            (self.delete_action, editable and row is not None),
            (self.up_action, editable and row is not None and row.index > 0),
            (self.down_action, editable and row is not None and row.index < len(siblings) - 1),
            (
                self.indent_action,
                editable
                and row is not None
                and row.parent_id is None
                and row.index > 0
                and not row.child_count,
            ),
            (self.outdent_action, editable and row is not None and row.parent_id is not None),
        ):
            action.setEnabled(allowed)
        self.start_button.setEnabled(editable)
        self.editor.setEnabled(editable)

    def _siblings(self, row: AgendaRow | None) -> list[AgendaRow]:
        if row is None:
            return []
        return [r for r in self.model.rows() if r.parent_id == row.parent_id]

    # -- the undo history ------------------------------------------------------------------

    def _push(self, command) -> None:
        self.error_bar.hide()
        self.stack.push(command)

    def _after_step(self, select: int | None) -> None:
        self.reload(select)
        self._announce.start()

    def _show_error(self, message: str) -> None:
        self.error_bar.say(message)
        self.editor.discard_typing()
        self.reload()

    def _edited(self, item_id: int, field: str, before: dict, after: dict, text: str) -> None:
        self._push(EditFields(self.target, item_id, field, before, after, text))

    # -- actions ---------------------------------------------------------------------------

    def editor_focus(self) -> None:
        if self.current_row() is not None:
            self.editor.focus_title()

    def _insert(self, parent_id: int | None, index: int, text: str) -> None:
        title = self.tr(NEW_ITEM_TITLE)
        meeting_id = self.meeting_id

        def create(session: Session) -> list[int]:
            item = append_item(session, meeting_id, title, parent_id=parent_id)
            place_item(session, item.id, parent_id, index)
            return [item.id]

        self.editor.commit_pending()
        self._push(AddItems(self.target, create, text))
        self.editor_focus()

    def add_item(self) -> None:
        """A new item just after the selected one, at its level (at the end if none)."""
        row = self.current_row()
        if row is None:
            self._insert(
                None,
                len([r for r in self.model.rows() if r.parent_id is None]),
                self.tr("Add an item"),
            )
        else:
            self._insert(row.parent_id, row.index + 1, self.tr("Add an item"))

    def add_sub_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.parent_id is None:
            self._insert(row.item_id, row.child_count, self.tr("Add a sub-item"))
        else:
            self._insert(row.parent_id, row.index + 1, self.tr("Add a sub-item"))

    def start_from_standing(self) -> None:
        meeting_id = self.meeting_id

        def create(session: Session) -> list[int]:
            return [item.id for item in start_from_template(session, meeting_id)]

        self._push(AddItems(self.target, create, self.tr("Start from the standing items")))
        self.tree.setFocus()

    def delete_item(self) -> None:
        row = self.current_row()
        if row is None:
            return
        text = self.tr("Delete item {0}").format(row.number)
        self._push(DeleteItem(self.target, row.item_id, text))
        self.context.status_message.emit(
            self.tr("Deleted item {0} “{1}” — Ctrl+Z puts it back.").format(row.number, row.title)
        )

    def _place(self, row: AgendaRow, parent_id: int | None, index: int, text: str) -> None:
        self.editor.commit_pending()
        self._push(PlaceItem(self.target, row.item_id, parent_id, index, text))

    def step(self, offset: int) -> None:
        row = self.current_row()
        if row is None or not 0 <= row.index + offset < len(self._siblings(row)):
            return
        verb = self.tr("Move item {0} up") if offset < 0 else self.tr("Move item {0} down")
        self._place(row, row.parent_id, row.index + offset, verb.format(row.number))

    def indent(self) -> None:
        row = self.current_row()
        if row is None or row.parent_id is not None or row.index == 0 or row.child_count:
            return
        above = self._siblings(row)[row.index - 1]
        text = self.tr("Make item {0} a sub-item of {1}").format(row.number, above.number)
        self._place(row, above.item_id, above.child_count, text)

    def outdent(self) -> None:
        row = self.current_row()
        if row is None or row.parent_id is None:
            return
        parent = self.model.row(row.parent_id)
        assert parent is not None
        self._place(
            row, None, parent.index + 1, self.tr("Make item {0} a main item").format(row.number)
        )

    def _dropped(self, item_id: int, parent_id: int | None, index: int) -> None:
        row = self.model.row(item_id)
        if row is not None:
            self._place(row, parent_id, index, self.tr("Move item {0}").format(row.number))

    def _files_dropped(self, item_id: int, paths: list[str]) -> None:
        row = self.model.row(item_id)
        if row is None:
            return

        def done(names: list[str]) -> None:
            self.context.status_message.emit(
                self.tr("Attached {0} to item {1}.").format(", ".join(names), row.number)
            )
            self.reload(item_id)

        attach_files(self, self.context, item_id, paths, done)

    def edit_standing_items(self) -> None:
        with self.context.database.sessions() as session:
            board_id = get_meeting(session, self.meeting_id).board_id
        StandingItemsDialog(self.context, board_id, self).exec()
