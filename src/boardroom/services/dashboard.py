"""What the chair sees first: the next meeting with its papers deadline, and how the
board's actions stand — open, overdue, due soon, closed this quarter, moved since the last
meeting. A fixed handful of statements, whatever the number of actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boardroom.errors import NotFoundError
from boardroom.services.action_rows import ActionCounts, action_counts
from boardroom.services.meetings import PapersDeadline, papers_deadline
from boardroom.storage.models import Board, Meeting, MeetingStatus


@dataclass(frozen=True)
class NextMeeting:
    id: int
    title: str
    starts_at: datetime
    venue: str
    papers: PapersDeadline


@dataclass(frozen=True)
class Dashboard:
    board_name: str
    next_meeting: NextMeeting | None
    last_meeting_on: date | None  # "moved since the last meeting" counts from here
    counts: ActionCounts


def load_dashboard(session: Session, board_id: int, today: date) -> Dashboard:
    board = session.get(Board, board_id)
    if board is None:
        raise NotFoundError("That board no longer exists.")
    midnight = datetime.combine(today, time.min)
    live = (Meeting.board_id == board_id, Meeting.status != MeetingStatus.CANCELLED)
    meeting = session.scalar(
        select(Meeting)
        .where(*live, Meeting.starts_at >= midnight)
        .order_by(Meeting.starts_at)
        .limit(1)
    )
    last = session.scalar(
        select(func.max(Meeting.starts_at)).where(*live, Meeting.starts_at < midnight)
    )
    last_on = last.date() if last else None
    return Dashboard(
        board_name=board.name,
        next_meeting=NextMeeting(
            id=meeting.id,
            title=meeting.title,
            starts_at=meeting.starts_at,
            venue=meeting.venue,
            papers=papers_deadline(meeting, today),
        )
        if meeting
        else None,
        last_meeting_on=last_on,
        counts=action_counts(session, board_id=board_id, as_of=today, since=last_on),
    )
