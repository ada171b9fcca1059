"""Minutes as a record: autosaved notes, one desk holding the pen, approval and locking.

Saving is a single small UPDATE so the live view can call it a second after typing stops
without the clerk ever noticing; the version counter still protects a second desk's work.
"""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import Enum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from boardroom.dates import format_date
from boardroom.errors import BoardroomError, ConflictError, NotFoundError
from boardroom.storage.models import (
    AgendaItem,
    Meeting,
    MeetingEvent,
    MeetingStatus,
    Minute,
    Resolution,
    StandingKind,
)
from boardroom.storage.tables import utcnow

# A desk that has not been heard from for this long no longer holds the pen.
EDITOR_TIMEOUT = timedelta(seconds=45)


def desk_name() -> str:
    """Who is editing, as another desk should see it: user and machine."""
    return f"{getpass.getuser()} on {socket.gethostname()}"


def _meeting_of_item(session: Session, agenda_item_id: int) -> tuple[AgendaItem, Meeting]:
    """The item with its meeting and minute in one statement: the autosave runs this every
    time typing pauses, and three round trips (item, meeting, minute) were most of its cost."""
    item = session.get(
        AgendaItem,
        agenda_item_id,
        options=[joinedload(AgendaItem.meeting), joinedload(AgendaItem.minute)],
    )
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    return item, item.meeting


def ensure_editable(meeting: Meeting) -> None:
    if meeting.minutes_locked:
        day = meeting.minutes_approved_on
        approved = f"on {format_date(day)}" if day else "at a later meeting"
        raise BoardroomError(
            f"The minutes of {format_date(meeting.starts_at)} were approved as a true record "
            f"{approved} and are locked. Unlock them (the unlocking is recorded) to change "
            "them."
        )


class Expect(Enum):
    """``save_notes(expected_version=Expect.ANY)``: overwrite whatever is stored."""

    ANY = "any"


_CONFLICT = (
    "These notes were changed at another desk since you opened them. "
    "Reload to see their changes, or overwrite them with yours."
)


def save_notes(
    session: Session,
    agenda_item_id: int,
    notes: str,
    *,
    expected_version: int | Expect | None = Expect.ANY,
) -> int:
    """Store an item's notes; returns the minute's new version for the next save.

    ``expected_version`` is the version the editor last saw, None when it saw no notes at
    all; if someone else saved since — even the very first notes on the item — the save is
    refused as a conflict rather than overwriting their words.
    """
    item, meeting = _meeting_of_item(session, agenda_item_id)
    ensure_editable(meeting)
    minute = item.minute
    stored_version = minute.version if minute else None
    if expected_version is not Expect.ANY and stored_version != expected_version:
        raise ConflictError(_CONFLICT)
    if minute is None:
        item.minute = minute = Minute(notes=notes)
        try:
            session.flush()
        except IntegrityError as exc:  # another desk's first notes landed at the same moment
            raise ConflictError(_CONFLICT) from exc
        return minute.version
    if minute.notes == notes:
        return minute.version
    minute.notes = notes
    session.flush()
    return minute.version


@dataclass(frozen=True)
class PenHolder:
    """Who holds the live-minutes pen for a meeting; ``mine`` when it is this desk."""

    desk: str
    mine: bool


def claim_pen(
    session: Session, meeting_id: int, desk: str, now: datetime | None = None
) -> PenHolder:
    """Take the pen unless another desk holds it and was heard from recently.

    The second desk gets the holder's name and opens the minutes read-only.
    """
    now = now or utcnow()
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    holder, seen = meeting.minutes_editor, meeting.minutes_editor_seen
    if holder and holder != desk and seen is not None and now - seen < EDITOR_TIMEOUT:
        return PenHolder(desk=holder, mine=False)
    meeting.minutes_editor = desk
    meeting.minutes_editor_seen = now
    session.flush()
    return PenHolder(desk=desk, mine=True)


@dataclass(frozen=True)
class Access:
    """What a desk may do with a meeting's minutes right now, and why not if it may not."""

    locked: str  # the reason nobody may write (approved and locked), or ""
    holder: str  # the other desk holding the pen, or "" when this desk holds it

    @property
    def read_only(self) -> bool:
        return bool(self.locked or self.holder)


def check_access(
    session: Session, meeting_id: int, desk: str, now: datetime | None = None
) -> Access:
    """The live view's heartbeat: keep (or take) the pen, or learn why the minutes are read
    only. Locked minutes need no pen — nobody can write them — so this desk gives it up."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    try:
        ensure_editable(meeting)
    except BoardroomError as error:
        release_pen(session, meeting_id, desk)
        return Access(locked=error.message, holder="")
    pen = claim_pen(session, meeting_id, desk, now)
    return Access(locked="", holder="" if pen.mine else pen.desk)


def release_pen(session: Session, meeting_id: int, desk: str) -> None:
    meeting = session.get(Meeting, meeting_id)
    if meeting is not None and meeting.minutes_editor == desk:
        meeting.minutes_editor = ""
        meeting.minutes_editor_seen = None
        session.flush()


def _previous_minutes_item(meeting: Meeting) -> AgendaItem:
    for item in meeting.agenda_items:
        if item.standing is StandingKind.PREVIOUS_MINUTES:
            return item
    raise BoardroomError(
        "The approving meeting has no “minutes of the previous meeting” item on its agenda."
    )


def approve_minutes(
    session: Session,
    meeting_id: int,
    *,
    at_meeting_id: int,
    amendments: str = "",
    actor: str = "",
) -> Resolution:
    """Approve a meeting's minutes as a true record at a later meeting, and lock them.

    The approval (with any amendments) is minuted as a resolution under the later meeting's
    "minutes of the previous meeting" item, as a board's own minutes would record it.
    """
    meeting = session.get(Meeting, meeting_id)
    approving = session.get(Meeting, at_meeting_id)
    if meeting is None or approving is None:
        raise NotFoundError("That meeting no longer exists.")
    if meeting.minutes_locked:
        raise BoardroomError("These minutes are already approved and locked.")
    if approving.starts_at <= meeting.starts_at:
        raise BoardroomError("Minutes can only be approved at a later meeting.")
    item = _previous_minutes_item(approving)
    text = (
        f"That the minutes of the meeting held on {format_date(meeting.starts_at)} be "
        "approved as a true record"
    )
    amendments = amendments.strip()
    text += f", subject to the following amendments: {amendments}" if amendments else "."
    text += "" if text[-1] in ".?!" else "."
    resolution = Resolution(position=len(item.resolutions), text=text)
    item.resolutions.append(resolution)
    meeting.minutes_locked = True
    meeting.minutes_approved_on = approving.starts_at.date()
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.events.append(MeetingEvent(at=utcnow(), actor=actor, kind="approved", note=amendments))
    session.flush()
    return resolution


def unlock_minutes(session: Session, meeting_id: int, *, reason: str, actor: str = "") -> None:
    """Reopen approved minutes for correction; the reason is kept in the record."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    if not meeting.minutes_locked:
        raise BoardroomError("These minutes are not locked.")
    if not reason.strip():
        raise BoardroomError("Say why the approved minutes are being unlocked; it is recorded.")
    meeting.minutes_locked = False
    meeting.events.append(
        MeetingEvent(at=utcnow(), actor=actor, kind="unlocked", note=reason.strip())
    )
    session.flush()


def relock_minutes(session: Session, meeting_id: int, *, actor: str = "") -> None:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    meeting.minutes_locked = True
    meeting.events.append(MeetingEvent(at=utcnow(), actor=actor, kind="relocked"))
    session.flush()


def close_meeting(
    session: Session, meeting_id: int, closed_at: time, *, actor: str = ""
) -> Meeting:
    """Record when the chair closed the meeting ("The meeting closed at 16:05."): the
    meeting has been held and what was typed is now the draft minutes. Closing again
    corrects the time."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    ensure_editable(meeting)
    if meeting.status is MeetingStatus.CANCELLED:
        raise BoardroomError("This meeting was cancelled; it cannot be closed.")
    closed_at = closed_at.replace(second=0, microsecond=0)
    if closed_at <= meeting.starts_at.time():
        raise BoardroomError(
            f"The meeting began at {meeting.starts_at:%H:%M}; it cannot close at {closed_at:%H:%M}."
        )
    meeting.closed_at = closed_at
    if meeting.status in (
        MeetingStatus.SCHEDULED,
        MeetingStatus.AGENDA_PUBLISHED,
        MeetingStatus.HELD,
    ):
        meeting.status = MeetingStatus.MINUTES_DRAFTED
    meeting.events.append(
        MeetingEvent(at=utcnow(), actor=actor, kind="closed", note=f"{closed_at:%H:%M}")
    )
    session.flush()
    return meeting


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The board's last meeting before this one whose minutes await approval."""
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.board_id == meeting.board_id,
            Meeting.starts_at < meeting.starts_at,
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.minutes_locked.is_(False),
        )
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )


def notes_of(session: Session, agenda_item_id: int) -> tuple[str, int | None]:
    """The stored notes of an item and their version (None before the first save)."""
    minute = session.scalar(select(Minute).where(Minute.agenda_item_id == agenda_item_id))
    return (minute.notes, minute.version) if minute else ("", None)
