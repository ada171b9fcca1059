"""When a meeting's papers must go out, and what is still missing before they can.

The terms of reference say papers reach members "no later than 5 working days before each
meeting". The Dashboard shows that deadline for the next meeting and, for every meeting
whose agenda has not gone out, what its agenda still lacks. Everything here reads plain
values with SQLAlchemy Core: the Dashboard is the first screen, filled before the ORM is
loaded (see ``boardroom.ui.app``).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import NamedTuple

from sqlalchemy import ColumnElement, exists, select

from boardroom.dates import format_date
from boardroom.errors import NotFoundError
from boardroom.names import display_name
from boardroom.services.timetable import timetable_of
from boardroom.storage import tables
from boardroom.storage.enums import MeetingStatus, Purpose, StandingKind
from boardroom.storage.reader import Reader, connection_of
from boardroom.workdays import working_days_before, working_days_between


def _short_date(day: date, today: date) -> str:
    """ "Tue 6 Sep", with the year only when it is not this year's."""
    return f"{day:%a} {day.day} {day:%b}" if day.year == today.year else format_date(day)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class PapersDeadline(NamedTuple):
    """When the papers must go out, and how that stands today."""

    due: date
    text: str
    overdue: bool  # shown in red: due has passed, the meeting has not, papers not out


def deadline_of(
    starts_at: datetime,
    status: MeetingStatus,
    circulated_at: datetime | None,
    lead_days: int,
    region: str,
    today: date,
) -> PapersDeadline:
    """The board's lead time in working days before the meeting day, counted in its region."""
    meeting_day = starts_at.date()
    due = working_days_before(meeting_day, lead_days, region)
    shown = _short_date(due, today)
    if status is MeetingStatus.CANCELLED:
        return PapersDeadline(due, "Meeting cancelled", overdue=False)
    if status is not MeetingStatus.SCHEDULED or circulated_at is not None:
        return PapersDeadline(due, f"Papers due {shown} — circulated", overdue=False)
    if meeting_day < today:
        return PapersDeadline(due, f"Papers were due {shown}", overdue=False)
    left = working_days_between(today, due, region)
    if due == today:
        return PapersDeadline(due, f"Papers due {shown} — today", overdue=False)
    if due > today:
        return PapersDeadline(
            due, f"Papers due {shown} — {_plural(left, 'working day')} left", overdue=False
        )
    late = max(-left, 1)
    return PapersDeadline(
        due, f"Papers due {shown} — overdue by {_plural(late, 'working day')}", overdue=True
    )


class Readiness(NamedTuple):
    """What the Dashboard's deadline view says about one upcoming meeting."""

    meeting_id: int
    deadline: date
    working_days_left: int  # negative once the deadline has passed
    without_presenter: list[str]  # "3 Ofsted findings", in agenda order
    without_papers: list[str]
    starts_at: datetime
    title: str
    board_name: str
    item_count: int  # 0: no agenda yet

    @property
    def ready(self) -> bool:
        return bool(self.item_count) and not (self.without_presenter or self.without_papers)


class _Item(NamedTuple):
    """An agenda item as far as readiness needs it (a ``timetable.TimedItem``)."""

    id: int
    meeting_id: int
    parent_id: int | None
    position: int
    title: str
    presenter_name: str
    minutes_allotted: int
    confidential: bool
    standing: StandingKind | None
    purpose: Purpose
    has_papers: bool


def _items_of(reader: Reader, meeting_ids: list[int]) -> dict[int, list[_Item]]:
    """The agenda items of these meetings, in one statement whatever their number."""
    item, presenter, paper = tables.agenda_item, tables.person, tables.paper
    statement = (
        select(
            item.c.id,
            item.c.meeting_id,
            item.c.parent_id,
            item.c.position,
            item.c.title,
            presenter.c.title,
            presenter.c.name,
            item.c.presenter_text,
            item.c.minutes_allotted,
            item.c.confidential,
            item.c.standing,
            item.c.purpose,
            exists().where(paper.c.agenda_item_id == item.c.id),
        )
        .outerjoin(presenter, presenter.c.id == item.c.presenter_id)
        .where(item.c.meeting_id.in_(meeting_ids))
    )
    found: dict[int, list[_Item]] = {}
    for row in connection_of(reader).execute(statement):
        (item_id, meeting_id, parent_id, position, title, honorific, name, presenter_text) = row[:8]
        presenter_name = display_name(honorific, name) if name else presenter_text
        minutes, confidential, standing, purpose, has_papers = row[8:]
        found.setdefault(meeting_id, []).append(
            _Item(
                item_id,
                meeting_id,
                parent_id,
                position,
                title,
                presenter_name,
                minutes,
                bool(confidential),
                standing,
                purpose,
                bool(has_papers),
            )
        )
    return found


def _missing(items: list[_Item], starts_at: datetime, ends_at: datetime) -> tuple[list[str], ...]:
    """What the agenda lacks: items without a presenter, items without papers.

    Standing items are the chair's and need neither presenter nor paper; a sub-item may
    rely on its parent's presenter; an item with sub-items is a heading and needs no paper
    of its own; a presentation brings its slides on the day.
    """
    by_id = {item.id: item for item in items}
    parents = {item.parent_id for item in items}
    without_presenter: list[str] = []
    without_papers: list[str] = []
    for line in timetable_of(items, starts_at, ends_at).lines:
        item = by_id[line.item_id]
        if item.standing is not None:
            continue
        parent = by_id.get(item.parent_id) if item.parent_id is not None else None
        label = f"{line.number} {line.title}"
        if not line.presenter and not (parent is not None and parent.presenter_name):
            without_presenter.append(label)
        heading = item.id in parents
        if not (item.has_papers or heading or item.purpose is Purpose.PRESENTATION):
            without_papers.append(label)
    return without_presenter, without_papers


def _readiness(reader: Reader, where: list[ColumnElement[bool]], today: date) -> list[Readiness]:
    meeting, board = tables.meeting, tables.board
    meetings = (
        connection_of(reader)
        .execute(
            select(
                meeting.c.id,
                meeting.c.title,
                meeting.c.starts_at,
                meeting.c.ends_at,
                board.c.name,
                board.c.lead_days,
                board.c.holiday_region,
            )
            .join(board, board.c.id == meeting.c.board_id)
            .where(*where)
            .order_by(meeting.c.starts_at, meeting.c.id)
        )
        .all()
    )
    items = _items_of(reader, [row.id for row in meetings]) if meetings else {}
    found = []
    for meeting_id, title, starts_at, ends_at, name, lead, region in meetings:
        agenda = items.get(meeting_id, [])
        without_presenter, without_papers = _missing(agenda, starts_at, ends_at)
        deadline = working_days_before(starts_at.date(), lead, region)  # the day deadline_of words
        found.append(
            Readiness(
                meeting_id=meeting_id,
                deadline=deadline,
                working_days_left=working_days_between(today, deadline, region),
                without_presenter=without_presenter,
                without_papers=without_papers,
                starts_at=starts_at,
                title=title,
                board_name=name,
                item_count=len(agenda),
            )
        )
    return found


def readiness(reader: Reader, meeting_id: int, today: date) -> Readiness:
    """How far a meeting's agenda is from being ready to circulate."""
    found = _readiness(reader, [tables.meeting.c.id == meeting_id], today)
    if not found:
        raise NotFoundError("That meeting no longer exists.")
    return found[0]


def upcoming_readiness(reader: Reader, today: date, board_id: int | None = None) -> list[Readiness]:
    """Every meeting from today on whose agenda has not gone out yet, soonest first: two
    statements, whatever the number of meetings and items."""
    meeting = tables.meeting
    where = [
        meeting.c.starts_at >= datetime.combine(today, time.min),
        meeting.c.status == MeetingStatus.SCHEDULED,
        meeting.c.circulated_at.is_(None),
    ]
    if board_id is not None:
        where.append(meeting.c.board_id == board_id)
    return _readiness(reader, where, today)
