"""The agenda editor's undo history: every change is a QUndoCommand that calls the services.

Each ``redo`` and ``undo`` is one transaction, so the database — not the widgets — holds the
state, and undoing restores it exactly: an edited field gets its old value back, a moved
item goes back to its old place, a deleted item returns under its old ids with its sub-items
and papers. A step that the database refuses (bad input, or another desk changed the agenda
meanwhile) is reported, left out of the history, and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError
from boardroom.services.agenda import item_fields, item_place, place_item, update_item
from boardroom.services.agenda_snapshots import ItemSnapshot, remove_items, restore_items
from boardroom.storage.database import Database

FIELD_MERGE_ID = 4101
# Stepping the minutes up and down is one undo step; two renamings stay two.
MERGING_FIELDS = frozenset({"minutes"})


class AgendaTarget(QObject):
    """What the commands act on, and how they tell the editor what happened.

    ``changed`` carries the item to select after the step (or None); ``failed`` the message
    of a step the database refused, or of the part of a step that could not be done (a
    paper whose stored copy has gone, left off the item put back).
    """

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, database: Database, meeting_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self.meeting_id = meeting_id
        self.stack = QUndoStack(self)


class ServiceCommand(QUndoCommand):
    """A step that runs ``apply`` (redo) and ``revert`` (undo) each in its own transaction."""

    def __init__(self, target: AgendaTarget, text: str) -> None:
        super().__init__(text)
        self.target = target
        self.select: int | None = None  # the item to show once the step has run
        self.notice = ""  # what the clerk must know of a step that ran (set by the step)
        self._first = True

    def apply(self, session: Session) -> None:
        raise NotImplementedError

    def revert(self, session: Session) -> None:
        raise NotImplementedError

    def _run(self, step: Callable[[Session], None]) -> None:
        first, self._first = self._first, False
        self.notice = ""
        try:
            with self.target.database.transaction() as session:
                step(session)
        except BoardroomError as error:
            self.setObsolete(True)  # QUndoStack drops an obsolete command
            message = error.message
            if not first:
                # The agenda changed under the history (another desk?): what is left of it
                # can no longer be trusted to undo cleanly.
                QTimer.singleShot(0, self.target.stack.clear)
                message += QCoreApplication.translate(
                    "AgendaCommands", " The undo history has been cleared."
                )
            self.target.failed.emit(message)
            return
        if self.notice:
            self.target.failed.emit(self.notice)
        self.target.changed.emit(self.select)

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)


class EditFields(ServiceCommand):
    """Change some fields of one item (title, presenter …); only those fields are written,
    so a change made meanwhile to another field is kept."""

    def __init__(
        self,
        target: AgendaTarget,
        item_id: int,
        field: str,
        before: dict[str, Any],
        after: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(target, text)
        self.item_id = self.select = item_id
        self.field = field
        self.before, self.after = before, after

    def _write(self, session: Session, values: dict[str, Any]) -> None:
        update_item(session, self.item_id, replace(item_fields(session, self.item_id), **values))

    def apply(self, session: Session) -> None:
        self._write(session, self.after)

    def revert(self, session: Session) -> None:
        self._write(session, self.before)

    def id(self) -> int:
        return FIELD_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditFields)
            and self.field in MERGING_FIELDS
            and (other.item_id, other.field) == (self.item_id, self.field)
            and not other.isObsolete()
        ):
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)  # stepped back to where it started
        return True


class PlaceItem(ServiceCommand):
    """Move an item to (parent, index): up, down, indent, outdent, drag and drop."""

    def __init__(
        self,
        target: AgendaTarget,
        item_id: int,
        parent_id: int | None,
        index: int,
        text: str,
    ) -> None:
        super().__init__(target, text)
        self.item_id = self.select = item_id
        self.to = (parent_id, index)
        self.came_from: tuple[int | None, int] | None = None

    def apply(self, session: Session) -> None:
        self.came_from = item_place(session, self.item_id)
        place_item(session, self.item_id, *self.to)

    def revert(self, session: Session) -> None:
        assert self.came_from is not None
        place_item(session, self.item_id, *self.came_from)


class AddItems(ServiceCommand):
    """New items (one, or the standing items); undo takes them off, redo puts them back."""

    def __init__(
        self,
        target: AgendaTarget,
        create: Callable[[Session], list[int]],
        text: str,
    ) -> None:
        super().__init__(target, text)
        self.create = create
        self.item_ids: list[int] = []
        self.snapshots: list[ItemSnapshot] = []

    def apply(self, session: Session) -> None:
        if self.snapshots:
            self.notice = restore_items(session, self.snapshots)
        else:
            self.item_ids = self.create(session)
        self.select = self.item_ids[0] if self.item_ids else None

    def revert(self, session: Session) -> None:
        self.snapshots = remove_items(session, self.item_ids)
        self.select = None


class DeleteItem(ServiceCommand):
    """Take an item (with its sub-items and papers) off; undo puts it back as it was."""

    def __init__(self, target: AgendaTarget, item_id: int, text: str) -> None:
        super().__init__(target, text)
        self.item_id = item_id
        self.snapshots: list[ItemSnapshot] = []

    def apply(self, session: Session) -> None:
        self.snapshots = remove_items(session, [self.item_id])
        self.select = None

    def revert(self, session: Session) -> None:
        self.notice = restore_items(session, self.snapshots)
        self.select = self.item_id
