"""The right-hand side of the live view: the current item's notes, resolutions, actions
and declarations, each added with a shortcut and an inline row.

Every write is one service call in one transaction; the editor then re-reads the item, so
what the clerk sees is what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError
from boardroom.services.declarations import record_declaration, remove_declaration
from boardroom.services.live_minutes import Choice, LiveItem, load_item, minute_action
from boardroom.services.resolutions import (
    add_resolution,
    edit_resolution,
    move_resolution,
    remove_resolution,
)
from boardroom.storage.models import StandingKind
from boardroom.ui.context import AppContext
from boardroom.ui.key_table import bind
from boardroom.ui.live import keys
from boardroom.ui.live.action_row import ActionDraft, ActionRow
from boardroom.ui.live.inline_rows import DeclarationRow, ResolutionRow
from boardroom.ui.live.models import ActionsModel, DeclarationsModel, ResolutionsModel
from boardroom.ui.live.notes_editor import NotesEditor
from boardroom.ui.live.review_panel import ReviewPanel
from boardroom.ui.live.sections import section


class ItemEditor(QWidget):
    """Shows one agenda item for minuting; ``changed`` after anything it recorded."""

    changed = Signal()

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.item: LiveItem | None = None
        self.read_only = False
        self.meeting_day = date.today()  # the window sets the meeting's own day
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(4)

        self.notes = NotesEditor(context.database)
        layout.addWidget(self.notes, 3)

        self.review = ReviewPanel(context, meeting_id)
        self.review.hide()
        self.review.changed.connect(self.changed)
        layout.addWidget(self.review)

        self.resolutions = ResolutionsModel(self)
        self.resolution_view = section(
            layout,
            self.tr("Resolutions"),
            self.tr("Ctrl+R · Enter reword · Alt+↑↓ reorder · Del remove"),
            self.resolutions,
            ResolutionsModel.COL_TEXT,
            self.tr("None yet."),
            add=(self.tr("+ Resolution"), self.add_resolution),
        )
        self.resolution_row = ResolutionRow()
        self.resolution_row.hide()
        self.resolution_row.submitted.connect(self._save_resolution)
        layout.addWidget(self.resolution_row)

        self.actions = ActionsModel(self)
        self.action_view = section(
            layout,
            self.tr("Actions"),
            self.tr("Ctrl+T · Enter correct"),
            self.actions,
            ActionsModel.COL_DESCRIPTION,
            self.tr("None yet."),
            add=(self.tr("+ Action"), self.add_action),
        )
        self.action_row = ActionRow()
        self.action_row.hide()
        self.action_row.submitted.connect(self._save_action)
        layout.addWidget(self.action_row)

        self.declarations = DeclarationsModel(self)
        self.declaration_view = section(
            layout,
            self.tr("Declarations of interest"),
            self.tr("Ctrl+D · Del remove"),
            self.declarations,
            DeclarationsModel.COL_INTEREST,
            self.tr("None declared on this item."),
            add=(self.tr("+ Declaration"), self.add_declaration),
        )
        self.declaration_row = DeclarationRow()
        self.declaration_row.hide()
        self.declaration_row.submitted.connect(self._save_declaration)
        self.declaration_row.invalid.connect(self._refuse)
        layout.addWidget(self.declaration_row)

        self.resolution_view.activated.connect(lambda _index: self.edit_resolution())
        self.action_view.activated.connect(lambda _index: self.edit_action())
        in_list = Qt.ShortcutContext.WidgetShortcut
        for view, key, handler in (
            (self.resolution_view, keys.REMOVE, self.remove_resolution),
            (self.resolution_view, keys.REORDER_UP, lambda: self.move_resolution(-1)),
            (self.resolution_view, keys.REORDER_DOWN, lambda: self.move_resolution(1)),
            (self.declaration_view, keys.REMOVE, self.remove_declaration),
        ):
            bind(key, view, handler, in_list)

    def set_choices(self, owners: list[Choice], plan_items: list[Choice]) -> None:
        self.action_row.set_choices(owners, plan_items)
        self.declaration_row.set_people(owners)

    def escape(self) -> None:
        """Esc: abandon any half-filled row and go back to the notes (from a review, back
        to the action log's list first)."""
        if self.review.escape():
            return
        for row in (self.resolution_row, self.action_row, self.declaration_row):
            row.hide()
        self.notes.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.notes.setReadOnly(read_only)
        self.review.set_read_only(read_only)
        for widget in self.findChildren(QToolButton):  # the lists' add buttons
            widget.setEnabled(not read_only)
        if read_only:
            for row in (self.resolution_row, self.action_row, self.declaration_row):
                row.hide()

    def review_actions(self) -> None:
        """Into the action log's list (on the action log item)."""
        if self.review.isVisible():
            self.review.focus_list()

    def show_item(self, item_id: int) -> None:
        """Load an item from the database (the caller has flushed the notes first)."""
        with self.context.database.sessions() as session:
            self.item = load_item(session, item_id)
        self.notes.load(self.item.id, self.item.notes, self.item.notes_version)
        self._show_lists()
        action_log = self.item.standing is StandingKind.ACTION_LOG
        if action_log:
            self.review.reload()
        self.review.setVisible(action_log)

    def _show_lists(self) -> None:
        assert self.item is not None
        self.resolutions.set_rows(self.item.resolutions)
        self.actions.set_rows(self.item.actions)
        self.declarations.set_rows(self.item.declarations)

    def refresh_lists(self) -> None:
        """Re-read resolutions, actions and declarations, leaving the notes being typed alone."""
        if self.item is not None:
            with self.context.database.sessions() as session:
                self.item = load_item(session, self.item.id)
            self._show_lists()

    # -- writing ----------------------------------------------------------------------------

    def _write(self, action: Callable[[Session], object]) -> bool:
        try:
            with self.context.database.transaction() as session:
                action(session)
        except BoardroomError as error:
            self._refuse(error.message)
            return False
        self.refresh_lists()
        self.changed.emit()
        return True

    def _refuse(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not recorded"), message)

    def _can_write(self) -> bool:
        return not (self.item is None or self.read_only)

    def add_resolution(self) -> None:
        if self._can_write():
            self.resolution_row.open()

    def edit_resolution(self) -> None:
        row = self.resolution_view.currentIndex().row()
        if self._can_write() and row >= 0:
            line = self.resolutions.row_at(row)
            self.resolution_row.open(line.text, editing=row)

    def _save_resolution(self, text: str) -> None:
        assert self.item is not None
        item_id, editing = self.item.id, self.resolution_row.editing
        if editing is None:
            ok = self._write(lambda session: add_resolution(session, item_id, text))
        else:
            line = self.resolutions.row_at(editing)
            ok = self._write(
                lambda session: edit_resolution(
                    session, line.id, text, expected_version=line.version
                )
            )
        if ok:
            self.resolution_row.hide()
            self.notes.setFocus()

    def remove_resolution(self) -> None:
        row = self.resolution_view.currentIndex().row()
        if not self._can_write() or row < 0:
            return
        line = self.resolutions.row_at(row)
        answer = QMessageBox.question(
            self, self.tr("Remove resolution"), self.tr("Remove “{0}”?").format(line.text)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write(lambda session: remove_resolution(session, line.id))

    def move_resolution(self, offset: int) -> None:
        row = self.resolution_view.currentIndex().row()
        if not self._can_write() or row < 0:
            return
        line = self.resolutions.row_at(row)
        if self._write(lambda session: move_resolution(session, line.id, offset)):
            target = max(0, min(self.resolutions.rowCount() - 1, row + offset))
            self.resolution_view.setCurrentIndex(self.resolutions.index(target, 1))

    def add_action(self) -> None:
        if self._can_write():
            self.action_row.open(self.meeting_day)

    def edit_action(self) -> None:
        """Enter on an action: correct it in the same row (its reference stays)."""
        row = self.action_view.currentIndex().row()
        if self._can_write() and row >= 0:
            self.action_row.open(self.meeting_day, editing=self.actions.row_at(row))

    def _save_action(self, draft: ActionDraft) -> None:
        assert self.item is not None
        item_id, editing = self.item.id, self.action_row.editing

        def record(session: Session) -> None:
            minute_action(
                session,
                item_id,
                draft.description,
                owner_id=draft.owner_id,
                due_date=draft.due,
                plan_item_ids=draft.plan_item_ids,
                action_id=editing.id if editing else None,
                expected_version=editing.version if editing else None,
            )

        if self._write(record):
            self.action_row.hide()
            self.notes.setFocus()

    def add_declaration(self) -> None:
        if self._can_write():
            self.declaration_row.open()

    def _save_declaration(self, person_id: int, interest: str) -> None:
        assert self.item is not None
        item_id = self.item.id
        if self._write(lambda s: record_declaration(s, item_id, person_id, interest)):
            self.declaration_row.hide()
            self.notes.setFocus()

    def remove_declaration(self) -> None:
        row = self.declaration_view.currentIndex().row()
        if self._can_write() and row >= 0:
            line = self.declarations.row_at(row)
            self._write(lambda session: remove_declaration(session, line.id))
