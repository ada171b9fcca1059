"""Recording that the agenda went out, whether in time, and what is missing before it can.

The terms of reference say papers reach members "no later than 5 working days before each
meeting"; the chair asks whether that happened, so the answer is kept with the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.agenda import timetable
from boardroom.services.meetings import (
    AGENDA_WITH_PAPERS,
    get_meeting,
    list_meetings,
    papers_deadline,
)
from boardroom.storage.models import Meeting, MeetingEvent, MeetingStatus, Purpose
from boardroom.workdays import working_days_between


@dataclass(frozen=True)
class CirculationRecord:
    circulated_at: datetime
    deadline: date
    met_deadline: bool  # circulated on or before the deadline day


def record_circulation(
    session: Session, meeting_id: int, when: datetime, actor: str = ""
) -> CirculationRecord:
    """Note when the agenda was circulated; a scheduled meeting's agenda is now published."""
    meeting = get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise BoardroomError("This meeting is cancelled; there is nothing to circulate.")
    deadline = papers_deadline(meeting).due
    met = when.date() <= deadline
    meeting.circulated_at = when
    if meeting.status is MeetingStatus.SCHEDULED:
        meeting.status = MeetingStatus.AGENDA_PUBLISHED
    verdict = "on time" if met else f"after the deadline of {format_date(deadline)}"
    meeting.events.append(
        MeetingEvent(at=when, actor=actor, kind="circulated", note=f"Agenda circulated {verdict}.")
    )
    session.flush()
    return CirculationRecord(circulated_at=when, deadline=deadline, met_deadline=met)


@dataclass(frozen=True)
class Readiness:
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


def readiness(session: Session, meeting_id: int, today: date) -> Readiness:
    """How far a meeting's agenda is from being ready to circulate.

    Standing items are the chair's and need neither presenter nor paper; a sub-item may
    rely on its parent's presenter; an item with sub-items is a heading and needs no paper
    of its own; a presentation brings its slides on the day.
    """
    meeting = get_meeting(session, meeting_id)
    items = {item.id: item for item in meeting.agenda_items}
    without_presenter: list[str] = []
    without_papers: list[str] = []
    for line in timetable(meeting).lines:
        item = items[line.item_id]
        if item.standing is not None:
            continue
        parent = items.get(item.parent_id) if item.parent_id is not None else None
        label = f"{line.number} {line.title}"
        if not line.presenter and not (parent is not None and parent.presenter_name):
            without_presenter.append(label)
        if not item.papers and not item.children and item.purpose is not Purpose.PRESENTATION:
            without_papers.append(label)
    deadline = papers_deadline(meeting, today).due
    region = meeting.board.holiday_region
    return Readiness(
        meeting_id=meeting.id,
        deadline=deadline,
        working_days_left=working_days_between(today, deadline, region),
        without_presenter=without_presenter,
        without_papers=without_papers,
        starts_at=meeting.starts_at,
        title=meeting.title,
        board_name=meeting.board.name,
        item_count=len(items),
    )


def upcoming_readiness(
    session: Session, today: date, board_id: int | None = None
) -> list[Readiness]:
    """Every meeting from today on whose agenda has not gone out yet, soonest first."""
    waiting = [
        meeting.id
        for meeting in list_meetings(session, board_id, start=today)
        if meeting.status is MeetingStatus.SCHEDULED and meeting.circulated_at is None
    ]
    # Their agendas at once, one statement per relationship: the Dashboard asks for them all
    # and one statement per meeting and item would grow with the schedule.
    with_agendas = session.scalars(
        select(Meeting)
        .where(Meeting.id.in_(waiting))
        .options(*AGENDA_WITH_PAPERS)
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    return [readiness(session, meeting.id, today) for meeting in with_agendas]
