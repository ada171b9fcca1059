"""Meetings: scheduling, rescheduling, cancelling, and the papers deadline of each.

A meeting's identity (its calendar UID) outlives every reschedule; what changes is the
SEQUENCE, raised whenever the time or the place changes so calendars replace the old invite
instead of adding a second one.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from boardroom.dates import format_date
from boardroom.errors import BoardroomError, ConflictError, NotFoundError
from boardroom.services.papers_due import PapersDeadline, deadline_of
from boardroom.storage.models import (
    ActionPoint,
    AgendaItem,
    Board,
    Declaration,
    Meeting,
    MeetingStatus,
)

_LINK = re.compile(r"^https?://\S+$", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFTED, MeetingStatus.MINUTES_APPROVED)


def new_uid() -> str:
    """A calendar UID that never changes for the meeting, so invites update, not duplicate."""
    return f"{uuid.uuid4()}@boardroom"


@dataclass(frozen=True)
class MeetingFields:
    """What the meeting dialog edits: when, where, and what it is called."""

    title: str
    starts_at: datetime
    ends_at: datetime
    venue: str = ""
    online_link: str = ""

    def validated(self) -> MeetingFields:
        title = " ".join(self.title.split())
        if not title:
            raise BoardroomError("A meeting needs a title, such as the board's name.")
        if self.ends_at <= self.starts_at:
            raise BoardroomError(
                f"The meeting ends ({self.ends_at:%H:%M}) before it starts "
                f"({self.starts_at:%H:%M})."
            )
        if self.ends_at - self.starts_at > timedelta(hours=24):
            raise BoardroomError("A meeting cannot last longer than a day.")
        link = self.online_link.strip()
        if link and not _LINK.match(link):
            raise BoardroomError(
                f"“{link}” is not a web link; an online-meeting link starts with https://."
            )
        return MeetingFields(
            title=title,
            starts_at=self.starts_at.replace(second=0, microsecond=0),
            ends_at=self.ends_at.replace(second=0, microsecond=0),
            venue=self.venue.strip(),
            online_link=link,
        )


# What a meeting screen reads of the agenda, loaded with the meeting in one statement per
# collection (``get_meeting(session, id, *AGENDA_TREE)``) rather than one per item: ten
# years of meetings make every statement count. The tree: every item, sub-items among them
# (they carry the meeting too, and their parent), each with its presenter. What an item
# has one of (presenter, minute, owner, person) is joined into the statement reading the
# items, actions or declarations, not read after them: a statement fewer each, and on a
# shared server a round trip fewer.
_ITEMS = selectinload(Meeting.agenda_items)
AGENDA_TREE = (_ITEMS.joinedload(AgendaItem.presenter),)
AGENDA_WITH_PAPERS = (*AGENDA_TREE, _ITEMS.selectinload(AgendaItem.papers))
# The minutes as recorded: notes, resolutions and the actions agreed under each item.
_RECORDED = (
    _ITEMS.joinedload(AgendaItem.minute),
    _ITEMS.selectinload(AgendaItem.resolutions),
    _ITEMS.selectinload(AgendaItem.actions).joinedload(ActionPoint.owner),
    selectinload(Meeting.declarations).joinedload(Declaration.person),
)
MINUTES_RECORD = (*AGENDA_TREE, *_RECORDED)
# Everything the meeting workspace's tabs read of the meeting, for its one reading.
WORKSPACE = (*AGENDA_WITH_PAPERS, *_RECORDED, joinedload(Meeting.board))


def get_meeting(session: Session, meeting_id: int, *load: ORMOption) -> Meeting:
    """The meeting, with whatever the screen asking will read (``load``) loaded at once."""
    meeting = session.get(Meeting, meeting_id, options=load)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    return meeting


def create_meeting(session: Session, board_id: int, fields: MeetingFields) -> Meeting:
    """A one-off meeting; the venue defaults to the board's usual one."""
    board = session.get(Board, board_id)
    if board is None:
        raise NotFoundError("That board no longer exists.")
    checked = fields.validated()
    meeting = Meeting(
        board=board,
        title=checked.title,
        starts_at=checked.starts_at,
        ends_at=checked.ends_at,
        venue=checked.venue or board.venue,
        online_link=checked.online_link,
        uid=new_uid(),
    )
    session.add(meeting)
    session.flush()
    return meeting


def _raise_sequence(meeting: Meeting) -> None:
    """A change calendars must see; an occurrence stays ahead of its series' own count."""
    floor = meeting.series.sequence if meeting.series is not None else 0
    meeting.sequence = max(meeting.sequence, floor) + 1


def update_meeting(
    session: Session,
    meeting_id: int,
    fields: MeetingFields,
    *,
    expected_version: int | None = None,
) -> Meeting:
    """Edit or reschedule one meeting (one occurrence of a series moves on its own).

    UID and the occurrence's original start are kept; SEQUENCE goes up when the time or
    the place changes.
    """
    meeting = get_meeting(session, meeting_id)
    if expected_version is not None and meeting.version != expected_version:
        raise ConflictError(
            "This meeting was changed at another desk since you opened it. "
            "Reload to see their changes."
        )
    if meeting.status is MeetingStatus.CANCELLED:
        raise BoardroomError("This meeting is cancelled; it can no longer be changed.")
    checked = fields.validated()
    moved = (checked.starts_at, checked.ends_at, checked.venue, checked.online_link) != (
        meeting.starts_at,
        meeting.ends_at,
        meeting.venue,
        meeting.online_link,
    )
    meeting.title = checked.title
    meeting.starts_at = checked.starts_at
    meeting.ends_at = checked.ends_at
    meeting.venue = checked.venue
    meeting.online_link = checked.online_link
    if moved:
        _raise_sequence(meeting)
    session.flush()
    return meeting


def cancel_meeting(session: Session, meeting_id: int) -> Meeting:
    """Cancel one meeting; a series then excludes the occurrence (its invite changes too)."""
    meeting = get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise BoardroomError("This meeting is already cancelled.")
    if meeting.status in _HELD:
        raise BoardroomError("This meeting has been held; a held meeting cannot be cancelled.")
    meeting.status = MeetingStatus.CANCELLED
    _raise_sequence(meeting)
    if meeting.series is not None:
        meeting.series.sequence += 1
    session.flush()
    return meeting


def set_status(session: Session, meeting_id: int, status: MeetingStatus) -> Meeting:
    """Move a meeting along its month; cancelling goes through ``cancel_meeting``."""
    if status is MeetingStatus.CANCELLED:
        return cancel_meeting(session, meeting_id)
    meeting = get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise BoardroomError("This meeting is cancelled; schedule a new one instead.")
    meeting.status = status
    session.flush()
    return meeting


def list_meetings(
    session: Session,
    board_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Meeting]:
    """The schedule in date order, optionally for one board and between two days inclusive."""
    query = (
        select(Meeting)
        .options(selectinload(Meeting.board), selectinload(Meeting.series))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if board_id is not None:
        query = query.where(Meeting.board_id == board_id)
    if start is not None:
        query = query.where(Meeting.starts_at >= datetime.combine(start, time.min))
    if end is not None:
        query = query.where(Meeting.starts_at < datetime.combine(end + timedelta(days=1), time.min))
    return list(session.scalars(query))


def find_meeting(session: Session, text: str, board_id: int | None = None) -> Meeting:
    """The meeting a user names by its id or by its date (YYYY-MM-DD) when only one is then."""
    text = text.strip()
    if text.isdigit():
        meeting = session.get(Meeting, int(text))
        if meeting is None:
            raise NotFoundError(f"There is no meeting number {text}.")
        return meeting
    if not _ISO_DAY.match(text):
        raise BoardroomError(f"“{text}” is neither a meeting number nor a date like 2026-09-15.")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise BoardroomError(f"“{text}” is not a date in the calendar.") from None
    found = list_meetings(session, board_id, day, day)
    if not found:
        raise NotFoundError(f"There is no meeting on {format_date(day)}.")
    if len(found) > 1:
        choices = "; ".join(f"{m.id} ({m.board.name} {m.starts_at:%H:%M})" for m in found)
        raise BoardroomError(
            f"There are {len(found)} meetings on {format_date(day)}; give the number of one: "
            f"{choices}."
        )
    return found[0]


def papers_deadline(meeting: Meeting, today: date | None = None) -> PapersDeadline:
    """The board's lead time in working days before the meeting day, counted in its region."""
    board = meeting.board
    return deadline_of(
        meeting.starts_at,
        meeting.status,
        meeting.circulated_at,
        board.lead_days,
        board.holiday_region,
        today or date.today(),
    )


# What a list of a meeting's actions reads of each: the workspace's Actions tab its owner,
# the minutes the plan items too (``actions_from(session, id, *MINUTED_ACTIONS)``).
OWNED_ACTIONS = (joinedload(ActionPoint.owner),)
MINUTED_ACTIONS = (*OWNED_ACTIONS, selectinload(ActionPoint.plan_items))


def actions_from(session: Session, meeting_id: int, *load: ORMOption) -> list[ActionPoint]:
    """The action points that arose at a meeting, in reference order, with whatever the
    screen asking will read (``load``) loaded at once."""
    return list(
        session.scalars(
            select(ActionPoint)
            .where(ActionPoint.origin_meeting_id == meeting_id)
            .options(*load)
            .order_by(ActionPoint.year, ActionPoint.sequence)
        )
    )
