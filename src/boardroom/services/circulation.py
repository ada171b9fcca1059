"""Recording that the agenda went out, and whether in time (what is missing before it can
is ``papers_due.readiness``).

The terms of reference say papers reach members "no later than 5 working days before each
meeting"; the chair asks whether that happened, so the answer is kept with the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.meetings import get_meeting, papers_deadline
from boardroom.storage.models import MeetingEvent, MeetingStatus


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
