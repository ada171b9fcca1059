"""The agenda: automatic numbering (1, 2, 3 … 3.1), the running clock, the standing items.

Numbers are derived from order and nesting, never stored, so reordering can never leave two
items called "3". Timings are derived the same way from the meeting's start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.names import display_name
from boardroom.services.timetable import Timetable, timetable_of
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    Declaration,
    Meeting,
    Person,
    Purpose,
    StandingItem,
)

MAX_MINUTES = 600


def timetable(meeting: Meeting) -> Timetable:
    """Number every item of the meeting and give it its start and end on its clock."""
    return timetable_of(meeting.agenda_items, meeting.starts_at, meeting.ends_at)


def is_exempt(item: AgendaItem) -> bool:
    """Exempt (Part 2): marked confidential, or a sub-item of an exempt item. The public
    versions leave such business out, with every action raised under it."""
    items = {each.id: each for each in item.meeting.agenda_items}
    current: AgendaItem | None = item
    while current is not None:
        if current.confidential:
            return True
        current = items.get(current.parent_id) if current.parent_id is not None else None
    return False


def start_from_template(session: Session, meeting_id: int) -> list[AgendaItem]:
    """Begin an empty agenda with the board's standing items, in the board's order."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    if meeting.agenda_items:
        raise BoardroomError(
            "This meeting already has an agenda; standing items are only added to a new one."
        )
    items = [
        AgendaItem(
            position=position,
            title=standing.title,
            purpose=standing.purpose,
            minutes_allotted=standing.minutes_allotted,
            standing=standing.kind,
        )
        for position, standing in enumerate(meeting.board.standing_items)
    ]
    meeting.agenda_items.extend(items)
    session.flush()
    return items


def siblings_under(session: Session, meeting_id: int, parent_id: int | None) -> list[AgendaItem]:
    """The main items of a meeting (``parent_id`` None) or one item's sub-items, in order."""
    return list(
        session.scalars(
            select(AgendaItem)
            .where(
                AgendaItem.meeting_id == meeting_id,
                AgendaItem.parent_id.is_(None)
                if parent_id is None
                else AgendaItem.parent_id == parent_id,
            )
            .order_by(AgendaItem.position)
        )
    )


def _siblings(session: Session, item: AgendaItem) -> list[AgendaItem]:
    return siblings_under(session, item.meeting_id, item.parent_id)


def renumber(rows: Sequence[AgendaItem | StandingItem]) -> None:
    """Positions 0, 1, 2 … in list order, touching (and versioning) only rows that moved."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def check_place(count: int, index: int) -> None:
    """``index`` must be one of the ``count`` places a row can take."""
    if not 0 <= index < count:
        raise BoardroomError(f"An item can move to places 1 to {count} only.")


def _item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    return item


def place_item(session: Session, item_id: int, parent_id: int | None, index: int) -> None:
    """Put an item at ``index`` among the main items (``parent_id`` None) or among the
    sub-items of ``parent_id``; the items it leaves and joins close up and shift.

    Every reordering — up, down, indent, outdent, drag and drop — is this one move, so each
    is undone by placing the item back where it was. Sub-items go one level deep, as board
    agendas do: 3.1, never 3.1.1.
    """
    item = _item(session, item_id)
    if parent_id is not None:
        parent = _item(session, parent_id)
        if parent.meeting_id != item.meeting_id:
            raise BoardroomError("An item can only move within its own meeting's agenda.")
        if parent.id == item.id or parent.parent_id is not None:
            raise BoardroomError("Sub-items cannot have sub-items of their own.")
        if item.children:
            raise BoardroomError("An item with sub-items cannot itself become a sub-item.")
    old_parent_id = item.parent_id
    leaving = _siblings(session, item)
    joining = [
        row for row in siblings_under(session, item.meeting_id, parent_id) if row is not item
    ]
    check_place(len(joining) + 1, index)
    leaving.remove(item)
    renumber(leaving)
    item.parent_id = parent_id
    joining.insert(index, item)
    renumber(joining)
    session.flush()
    for changed in {old_parent_id, parent_id} - {None}:
        session.expire(_item(session, changed), ["children"])
    session.expire(item.meeting, ["agenda_items"])


def item_place(session: Session, item_id: int) -> tuple[int | None, int]:
    """Where an item is now, as (parent id, index) — what undoing a move needs."""
    item = _item(session, item_id)
    return item.parent_id, _siblings(session, item).index(item)


def move_item(session: Session, item_id: int, new_index: int) -> None:
    """Move an item among its siblings; everyone after it shifts, numbers follow."""
    item = _item(session, item_id)
    check_place(len(_siblings(session, item)), new_index)
    place_item(session, item_id, item.parent_id, new_index)


def append_item(
    session: Session,
    meeting_id: int,
    title: str,
    *,
    parent_id: int | None = None,
    minutes: int = 10,
) -> AgendaItem:
    """Add an item at the end of the agenda (or of its parent's sub-items)."""
    title = title.strip()
    if not title:
        raise BoardroomError("An agenda item needs a title.")
    if minutes < 0:
        raise BoardroomError("Minutes allotted cannot be negative.")
    last = session.scalar(
        select(func.max(AgendaItem.position)).where(
            AgendaItem.meeting_id == meeting_id,
            AgendaItem.parent_id.is_(None)
            if parent_id is None
            else AgendaItem.parent_id == parent_id,
        )
    )
    item = AgendaItem(
        meeting_id=meeting_id,
        parent_id=parent_id,
        position=(last if last is not None else -1) + 1,
        title=title,
        minutes_allotted=minutes,
    )
    session.add(item)
    session.flush()
    return item


@dataclass(frozen=True)
class ItemFields:
    """What the agenda editor edits on one item."""

    title: str
    purpose: Purpose = Purpose.INFORMATION
    presenter_id: int | None = None
    presenter_text: str = ""  # a presenter who is not in the people list
    minutes: int = 10
    description: str = ""
    confidential: bool = False


def check_minutes(minutes: int) -> None:
    if not 0 <= minutes <= MAX_MINUTES:
        raise BoardroomError(f"Minutes allotted must be between 0 and {MAX_MINUTES}.")


def fields_of(item: AgendaItem) -> ItemFields:
    """The editor's fields of an item as stored."""
    return ItemFields(
        title=item.title,
        purpose=item.purpose,
        presenter_id=item.presenter_id,
        presenter_text=item.presenter_text,
        minutes=item.minutes_allotted,
        description=item.description,
        confidential=item.confidential,
    )


def item_fields(session: Session, item_id: int) -> ItemFields:
    return fields_of(_item(session, item_id))


def apply_fields(item: AgendaItem, fields: ItemFields) -> None:
    """Write fields onto an item as they are (``update_item`` checks them first)."""
    item.title = fields.title
    item.purpose = fields.purpose
    item.presenter_id = fields.presenter_id
    item.presenter_text = fields.presenter_text
    item.minutes_allotted = fields.minutes
    item.description = fields.description
    item.confidential = fields.confidential


def update_item(session: Session, item_id: int, fields: ItemFields) -> AgendaItem:
    """Save the editor's fields; a named person wins over free-text presenter."""
    item = _item(session, item_id)
    title = fields.title.strip()
    if not title:
        raise BoardroomError("An agenda item needs a title.")
    check_minutes(fields.minutes)
    if fields.presenter_id is not None and session.get(Person, fields.presenter_id) is None:
        raise NotFoundError("The presenter chosen is no longer in the people list.")
    presenter_text = "" if fields.presenter_id is not None else fields.presenter_text.strip()
    apply_fields(
        item,
        replace(
            fields,
            title=title,
            presenter_text=presenter_text,
            description=fields.description.strip(),
        ),
    )
    session.flush()
    return item


def _minuted(session: Session, item: AgendaItem) -> bool:
    """Whether the minutes record anything under the item or its sub-items."""
    ids = [item.id, *(child.id for child in item.children)]
    rows = (item, *item.children)
    if any(
        row.resolutions or row.actions or (row.minute and row.minute.notes.strip()) for row in rows
    ):
        return True
    declared = select(func.count(Declaration.id)).where(Declaration.agenda_item_id.in_(ids))
    return bool(session.scalar(declared))


def delete_item(session: Session, item_id: int) -> None:
    """Remove an item with its sub-items; the items after it close up.

    An item the minutes already speak of (notes, resolutions, actions, declarations) stays:
    the minutes are the record of the meeting, and deleting the item would delete them too.
    """
    item = _item(session, item_id)
    if _minuted(session, item):
        raise BoardroomError(
            f"“{item.title}” has minutes recorded against it (notes, resolutions, actions or "
            "declarations), so it stays on the agenda as part of the record."
        )
    siblings = _siblings(session, item)
    siblings.remove(item)
    session.delete(item)
    renumber(siblings)
    session.flush()


def indent_item(session: Session, item_id: int) -> None:
    """Make an item the last sub-item of the item above it (4 becomes 3.2)."""
    item = _item(session, item_id)
    if item.parent_id is not None:
        raise BoardroomError("Sub-items cannot have sub-items of their own.")
    if item.children:
        raise BoardroomError("An item with sub-items cannot itself become a sub-item.")
    siblings = _siblings(session, item)
    index = siblings.index(item)
    if index == 0:
        raise BoardroomError("The first item has no item above it to go under.")
    parent = siblings[index - 1]
    place_item(session, item_id, parent.id, len(parent.children))


def outdent_item(session: Session, item_id: int) -> None:
    """Make a sub-item a main item again, just after its parent (3.2 becomes 4)."""
    item = _item(session, item_id)
    if item.parent_id is None:
        raise BoardroomError("This is already a main item.")
    parent = _item(session, item.parent_id)
    place_item(session, item_id, None, _siblings(session, parent).index(parent) + 1)


# The meeting an action arose at, beside the meeting being reviewed.
_ORIGIN = aliased(Meeting)


def _for_review(statement: Select, meeting: Meeting) -> Select:
    """The board's actions still open, raised before the meeting or outside any meeting."""
    return statement.outerjoin(_ORIGIN, _ORIGIN.id == ActionPoint.origin_meeting_id).where(
        ActionPoint.board_id == meeting.board_id,
        ActionPoint.status.in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]),
        or_(_ORIGIN.id.is_(None), _ORIGIN.starts_at < meeting.starts_at),
    )


def review_lines(session: Session, meeting: Meeting) -> list[tuple[str, str, str, date | None]]:
    """The same actions as plain (reference, description, owner, due) rows, oldest first:
    the agenda editor shows them on every reload, and objects for hundreds would cost more
    than the rest of the agenda."""
    statement = _for_review(
        select(
            ActionPoint.reference,
            ActionPoint.description,
            Person.title,
            Person.name,
            ActionPoint.due_date,
        ).outerjoin(Person, Person.id == ActionPoint.owner_id),
        meeting,
    ).order_by(ActionPoint.year, ActionPoint.sequence)
    return [
        (reference, description, display_name(title, name) if name else "", due)
        for reference, description, title, name, due in session.execute(statement)
    ]


def actions_for_review(
    session: Session, meeting: Meeting, *, public: bool = False
) -> list[ActionPoint]:
    """What the action log item lists: the board's actions still open, raised before this
    meeting (or outside any meeting), oldest first.

    ``public`` leaves out actions raised under an exempt item, whose wording may itself be
    exempt.
    """
    actions = session.scalars(
        _for_review(select(ActionPoint), meeting)
        # Owners (and, for the public version, the items) in one statement each, not one
        # per action: a board ten years old has hundreds open.
        .options(selectinload(ActionPoint.owner))
        .options(*([selectinload(ActionPoint.origin_item)] if public else []))
        .order_by(ActionPoint.year, ActionPoint.sequence)
    )
    return [
        action
        for action in actions
        if not (public and action.origin_item is not None and is_exempt(action.origin_item))
    ]
