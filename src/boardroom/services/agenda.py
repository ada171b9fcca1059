"""The agenda: automatic numbering (1, 2, 3 … 3.1), the running clock, the standing items.

Numbers are derived from order and nesting, never stored, so reordering can never leave two
items called "3". Timings are derived the same way from the meeting's start.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    Board,
    Meeting,
    Person,
    Purpose,
    StandingItem,
    StandingKind,
)

T = TypeVar("T", AgendaItem, StandingItem)
MAX_MINUTES = 600


@dataclass(frozen=True)
class AgendaLine:
    """One row of the agenda as people read it: number, timing and what it is."""

    item_id: int
    number: str
    depth: int
    title: str
    presenter: str
    minutes: int
    starts_at: datetime
    ends_at: datetime
    confidential: bool
    standing: StandingKind | None


@dataclass(frozen=True)
class Timetable:
    lines: list[AgendaLine]
    planned_end: datetime  # when the last item finishes
    meeting_end: datetime

    @property
    def overrun_minutes(self) -> int:
        """How far the agenda runs past the meeting's end (0 when it fits)."""
        return max(0, int((self.planned_end - self.meeting_end).total_seconds() // 60))


def _walk(
    items: Sequence[AgendaItem], prefix: str = "", depth: int = 0
) -> Iterator[tuple[str, int, AgendaItem]]:
    for index, item in enumerate(sorted(items, key=lambda i: i.position), start=1):
        number = f"{prefix}{index}"
        yield number, depth, item
        yield from _walk(item.children, f"{number}.", depth + 1)


def timetable(meeting: Meeting) -> Timetable:
    """Number every item and give it its start and end on the meeting's clock."""
    top_level = [item for item in meeting.agenda_items if item.parent_id is None]
    clock = meeting.starts_at
    lines: list[AgendaLine] = []
    for number, depth, item in _walk(top_level):
        ends = clock + timedelta(minutes=item.minutes_allotted)
        lines.append(
            AgendaLine(
                item_id=item.id,
                number=number,
                depth=depth,
                title=item.title,
                presenter=item.presenter_name,
                minutes=item.minutes_allotted,
                starts_at=clock,
                ends_at=ends,
                confidential=item.confidential,
                standing=item.standing,
            )
        )
        clock = ends
    return Timetable(lines=lines, planned_end=clock, meeting_end=meeting.ends_at)


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


def _siblings(session: Session, item: AgendaItem) -> list[AgendaItem]:
    return list(
        session.scalars(
            select(AgendaItem)
            .where(
                AgendaItem.meeting_id == item.meeting_id,
                AgendaItem.parent_id.is_(None)
                if item.parent_id is None
                else AgendaItem.parent_id == item.parent_id,
            )
            .order_by(AgendaItem.position)
        )
    )


def _renumber(rows: Sequence[AgendaItem | StandingItem]) -> None:
    """Positions 0, 1, 2 … in list order, touching (and versioning) only rows that moved."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def _place(rows: list[T], row: T, new_index: int) -> None:
    if not 0 <= new_index < len(rows):
        raise BoardroomError(f"An item can move to places 1 to {len(rows)} only.")
    rows.remove(row)
    rows.insert(new_index, row)
    _renumber(rows)


def _item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    return item


def move_item(session: Session, item_id: int, new_index: int) -> None:
    """Move an item among its siblings; everyone after it shifts, numbers follow."""
    item = _item(session, item_id)
    _place(_siblings(session, item), item, new_index)
    session.flush()


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


def _check_minutes(minutes: int) -> None:
    if not 0 <= minutes <= MAX_MINUTES:
        raise BoardroomError(f"Minutes allotted must be between 0 and {MAX_MINUTES}.")


def update_item(session: Session, item_id: int, fields: ItemFields) -> AgendaItem:
    """Save the editor's fields; a named person wins over free-text presenter."""
    item = _item(session, item_id)
    title = fields.title.strip()
    if not title:
        raise BoardroomError("An agenda item needs a title.")
    _check_minutes(fields.minutes)
    if fields.presenter_id is not None and session.get(Person, fields.presenter_id) is None:
        raise NotFoundError("The presenter chosen is no longer in the people list.")
    item.title = title
    item.purpose = fields.purpose
    item.presenter_id = fields.presenter_id
    item.presenter_text = "" if fields.presenter_id is not None else fields.presenter_text.strip()
    item.minutes_allotted = fields.minutes
    item.description = fields.description.strip()
    item.confidential = fields.confidential
    session.flush()
    return item


def delete_item(session: Session, item_id: int) -> None:
    """Remove an item with its sub-items; the items after it close up."""
    item = _item(session, item_id)
    siblings = _siblings(session, item)
    siblings.remove(item)
    session.delete(item)
    _renumber(siblings)
    session.flush()


def indent_item(session: Session, item_id: int) -> None:
    """Make an item the last sub-item of the item above it (4 becomes 3.2).

    Sub-items go one level deep, as board agendas do: 3.1, never 3.1.1.
    """
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
    siblings.remove(item)
    _renumber(siblings)
    item.parent_id = parent.id
    item.position = len(parent.children)
    session.flush()
    session.expire(parent, ["children"])


def outdent_item(session: Session, item_id: int) -> None:
    """Make a sub-item a main item again, just after its parent (3.2 becomes 4)."""
    item = _item(session, item_id)
    if item.parent_id is None:
        raise BoardroomError("This is already a main item.")
    parent = _item(session, item.parent_id)
    old_siblings = _siblings(session, item)
    old_siblings.remove(item)
    _renumber(old_siblings)
    top_level = _siblings(session, parent)
    item.parent_id = None
    top_level.insert(top_level.index(parent) + 1, item)
    _renumber(top_level)
    session.flush()
    session.expire(parent, ["children"])


def actions_for_review(
    session: Session, meeting: Meeting, *, public: bool = False
) -> list[ActionPoint]:
    """What the action log item lists: the board's actions still open, raised before this
    meeting (or outside any meeting), oldest first.

    ``public`` leaves out actions raised under an exempt item, whose wording may itself be
    exempt.
    """
    actions = session.scalars(
        select(ActionPoint)
        .where(
            ActionPoint.board_id == meeting.board_id,
            ActionPoint.status.in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]),
        )
        .order_by(ActionPoint.year, ActionPoint.sequence)
    )
    return [
        action
        for action in actions
        if (action.origin_meeting is None or action.origin_meeting.starts_at < meeting.starts_at)
        and not (public and action.origin_item is not None and action.origin_item.confidential)
    ]


# The board's template of standing items, from which every new agenda starts.


def _board(session: Session, board_id: int) -> Board:
    board = session.get(Board, board_id)
    if board is None:
        raise NotFoundError("That board no longer exists.")
    return board


def _standing(session: Session, standing_id: int) -> StandingItem:
    standing = session.get(StandingItem, standing_id)
    if standing is None:
        raise NotFoundError("That standing item no longer exists.")
    return standing


def _standing_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise BoardroomError("A standing item needs a title.")
    return title


def add_standing_item(
    session: Session,
    board_id: int,
    title: str,
    purpose: Purpose = Purpose.INFORMATION,
    minutes: int = 5,
) -> StandingItem:
    """Add a line at the end of the board's template (e.g. "Forward plan")."""
    board = _board(session, board_id)
    _check_minutes(minutes)
    standing = StandingItem(
        title=_standing_title(title),
        purpose=purpose,
        minutes_allotted=minutes,
        position=len(board.standing_items),
    )
    board.standing_items.append(standing)
    session.flush()
    return standing


def update_standing_item(
    session: Session, standing_id: int, title: str, purpose: Purpose, minutes: int
) -> StandingItem:
    """Reword a template line; its kind (what the app does with it) stays."""
    standing = _standing(session, standing_id)
    _check_minutes(minutes)
    standing.title = _standing_title(title)
    standing.purpose = purpose
    standing.minutes_allotted = minutes
    session.flush()
    return standing


def remove_standing_item(session: Session, standing_id: int) -> None:
    """Drop a line from the template; agendas already started keep their copy."""
    standing = _standing(session, standing_id)
    board = standing.board
    board.standing_items.remove(standing)
    session.delete(standing)
    _renumber(board.standing_items)
    session.flush()


def move_standing_item(session: Session, standing_id: int, new_index: int) -> None:
    standing = _standing(session, standing_id)
    rows = list(standing.board.standing_items)
    _place(rows, standing, new_index)
    session.flush()
    session.expire(standing.board, ["standing_items"])
