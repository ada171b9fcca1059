"""What the chair sees first: the next meeting with its papers deadline, and how the
board's actions stand — open, overdue, due soon, closed this quarter, moved since the last
meeting. A fixed handful of statements, whatever the number of actions."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import NamedTuple

from sqlalchemy import func, select

from boardroom.errors import NotFoundError
from boardroom.services.action_rows import ActionCounts, action_counts
from boardroom.services.papers_due import PapersDeadline, deadline_of
from boardroom.storage import tables
from boardroom.storage.enums import MeetingStatus
from boardroom.storage.reader import Reader, connection_of


class NextMeeting(NamedTuple):
    id: int
    title: str
    starts_at: datetime
    venue: str
    papers: PapersDeadline


class Dashboard(NamedTuple):
    board_name: str
    next_meeting: NextMeeting | None
    last_meeting_on: date | None  # "moved since the last meeting" counts from here
    counts: ActionCounts


def board_choices(reader: Reader) -> list[tuple[int, str]]:
    """Every board's id and name, by name: the window's board switcher."""
    board = tables.board
    statement = select(board.c.id, board.c.name).order_by(board.c.name)
    return [(board_id, name) for board_id, name in connection_of(reader).execute(statement)]


def load_dashboard(reader: Reader, board_id: int, today: date) -> Dashboard:
    connection = connection_of(reader)
    board, meeting = tables.board, tables.meeting
    rules = connection.execute(
        select(board.c.name, board.c.lead_days, board.c.holiday_region).where(
            board.c.id == board_id
        )
    ).first()
    if rules is None:
        raise NotFoundError("That board no longer exists.")
    name, lead_days, region = rules
    midnight = datetime.combine(today, time.min)
    live = (meeting.c.board_id == board_id, meeting.c.status != MeetingStatus.CANCELLED)
    upcoming = connection.execute(
        select(
            meeting.c.id,
            meeting.c.title,
            meeting.c.starts_at,
            meeting.c.venue,
            meeting.c.status,
            meeting.c.circulated_at,
        )
        .where(*live, meeting.c.starts_at >= midnight)
        .order_by(meeting.c.starts_at)
        .limit(1)
    ).first()
    last = connection.scalar(
        select(func.max(meeting.c.starts_at)).where(*live, meeting.c.starts_at < midnight)
    )
    last_on = last.date() if last else None
    next_meeting = None
    if upcoming is not None:
        meeting_id, title, starts_at, venue, status, circulated_at = upcoming
        papers = deadline_of(starts_at, status, circulated_at, lead_days, region, today)
        next_meeting = NextMeeting(meeting_id, title, starts_at, venue, papers)
    return Dashboard(
        board_name=name,
        next_meeting=next_meeting,
        last_meeting_on=last_on,
        counts=action_counts(connection, board_id=board_id, as_of=today, since=last_on),
    )
