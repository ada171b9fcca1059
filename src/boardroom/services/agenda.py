"""The agenda: automatic numbering (1, 2, 3 … 3.1), the running clock, the standing items.

Numbers are derived from order and nesting, never stored, so reordering can never leave two
items called "3". Timings are derived the same way from the meeting's start.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.storage.models import AgendaItem, Meeting, StandingKind


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


def move_item(session: Session, item_id: int, new_index: int) -> None:
    """Move an item among its siblings; everyone after it shifts, numbers follow."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    siblings = list(
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
    if not 0 <= new_index < len(siblings):
        raise BoardroomError(f"An item can move to places 1 to {len(siblings)} only.")
    siblings.remove(item)
    siblings.insert(new_index, item)
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
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
