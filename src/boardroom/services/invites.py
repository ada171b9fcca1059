"""Calendar invites (RFC 5545/5546) that Outlook, Google Calendar and Thunderbird accept.

Rules kept here, once:

- METHOD on the VCALENDAR (REQUEST to invite or update, CANCEL to cancel), one VEVENT per
  file, ORGANIZER the secretariat and every member with an email address an ATTENDEE.
- The UID never changes for a meeting; SEQUENCE is the meeting's own counter, raised on
  every change of time or place, so calendars replace rather than duplicate.
- Times carry the board's TZID, defined in the same file by a VTIMEZONE with one STANDARD
  and one DAYLIGHT block (see ``boardroom.vtimezone``).
- A series is one event with an RRULE and the series' UID; cancelled occurrences are
  EXDATEs on it, and an occurrence with details of its own (moved, or with its agenda) is
  its own REQUEST with the same UID and a RECURRENCE-ID naming its original start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from boardroom import __version__
from boardroom.services.agenda import timetable
from boardroom.services.meetings import cancel_meeting, get_meeting
from boardroom.services.people import current_memberships
from boardroom.services.series import is_moved
from boardroom.services.timetable import AgendaLine
from boardroom.storage.models import Meeting, MeetingSeries, MeetingStatus, Role
from boardroom.vtimezone import build_vtimezone

if TYPE_CHECKING:
    from icalendar import Calendar, Event

DEFAULT_ORGANIZER_EMAIL = "secretariat@example.org"
DEFAULT_ORGANIZER_NAME = "Secretariat"
_ATTENDEE_ROLES = {
    Role.CHAIR: "CHAIR",
    Role.OBSERVER: "OPT-PARTICIPANT",
    Role.ADVISER: "OPT-PARTICIPANT",
}


@dataclass(frozen=True)
class Organizer:
    """Who sends the invite: the secretariat's name and address from the settings."""

    name: str = DEFAULT_ORGANIZER_NAME
    email: str = DEFAULT_ORGANIZER_EMAIL


@dataclass(frozen=True)
class Invite:
    """One calendar file: its suggested name (no extension) and its content."""

    name: str
    method: str
    calendar: Calendar

    def to_ical(self) -> bytes:
        return self.calendar.to_ical()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "meeting"


def _address(email: str) -> str:
    return f"mailto:{email}"


def _calendar(method: str, event: Event, zone: str, year: int) -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//Boardroom//Boardroom {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(build_vtimezone(zone, year))
    calendar.add_component(event)
    return calendar


def _people(event: Event, session: Session, meeting: Meeting, organizer: Organizer) -> None:
    from icalendar import vCalAddress

    sender = vCalAddress(_address(organizer.email))
    sender.params["CN"] = organizer.name
    event.add("organizer", sender)
    seen = {organizer.email.lower()}
    for seat in current_memberships(session, meeting.board_id, meeting.starts_at.date()):
        email = seat.person.email
        if not email or email.lower() in seen:
            continue
        seen.add(email.lower())
        attendee = vCalAddress(_address(email))
        attendee.params["CN"] = seat.person.display_name
        attendee.params["CUTYPE"] = "INDIVIDUAL"
        attendee.params["ROLE"] = _ATTENDEE_ROLES.get(seat.role, "REQ-PARTICIPANT")
        attendee.params["PARTSTAT"] = "NEEDS-ACTION"
        attendee.params["RSVP"] = "TRUE"
        event.add("attendee", attendee, encode=False)


def _agenda_line(line: AgendaLine) -> str:
    """ "14:10  3. Ofsted findings (Julia Hassall)"; an exempt item is not named at all."""
    if line.confidential:
        what = "Exempt item"
    else:
        what = f"{line.title} ({line.presenter})" if line.presenter else line.title
    return f"{line.starts_at:%H:%M}  {'  ' * line.depth}{line.number}. {what}"


def _description(meeting: Meeting, link: str, *, with_agenda: bool) -> str:
    """The agenda, once there is one (exempt items unnamed), and how to join online."""
    parts: list[str] = []
    if with_agenda:
        lines = timetable(meeting).lines
        if lines:
            parts.append("Agenda\n" + "\n".join(_agenda_line(line) for line in lines))
    if link:
        parts.append(f"Join online: {link}")
    return "\n\n".join(parts)


def _event(
    meeting: Meeting,
    *,
    uid: str,
    sequence: int,
    start: datetime,
    end: datetime,
    venue: str,
    online_link: str,
    description: str,
    now: datetime,
    cancelled: bool = False,
) -> Event:
    from icalendar import Event

    zone = ZoneInfo(meeting.board.time_zone)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("sequence", sequence)
    event.add("summary", meeting.title)
    event.add("dtstart", start.replace(tzinfo=zone))
    event.add("dtend", end.replace(tzinfo=zone))
    location = venue or online_link
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def _one_off(meeting: Meeting, now: datetime, *, cancelled: bool = False) -> Event:
    return _event(
        meeting,
        uid=meeting.uid,
        sequence=meeting.sequence,
        start=meeting.starts_at,
        end=meeting.ends_at,
        venue=meeting.venue,
        online_link=meeting.online_link,
        description=""
        if cancelled
        else _description(meeting, meeting.online_link, with_agenda=True),
        now=now,
        cancelled=cancelled,
    )


def _occurrence(
    meeting: Meeting, series: MeetingSeries, now: datetime, *, cancelled: bool = False
) -> Event:
    """One occurrence overriding the series: same UID, RECURRENCE-ID its original start.

    Its SEQUENCE is never below the series' own: a client holding the series at SEQUENCE 2
    would otherwise set an update at 1 aside as out of date.
    """
    event = _one_off(meeting, now, cancelled=cancelled)
    event["uid"] = series.uid
    event["sequence"] = max(meeting.sequence, series.sequence)
    original = meeting.series_start or meeting.starts_at
    event.add("recurrence-id", original.replace(tzinfo=ZoneInfo(meeting.board.time_zone)))
    return event


def has_own_details(meeting: Meeting) -> bool:
    """Whether an occurrence of a series needs its own update: moved, or with an agenda."""
    return is_moved(meeting) or bool(meeting.agenda_items)


def _master(series: MeetingSeries, meeting: Meeting, now: datetime) -> Event:
    from icalendar import vRecur

    event = _event(
        meeting,
        uid=series.uid,
        sequence=series.sequence,
        start=series.first_start,
        end=series.first_start + timedelta(minutes=series.duration_minutes),
        venue=series.venue,
        online_link=series.online_link,
        description=_description(meeting, series.online_link, with_agenda=False),
        now=now,
    )
    event["summary"] = series.title
    event.add("rrule", vRecur.from_ical(series.rrule))
    zone = ZoneInfo(meeting.board.time_zone)
    skipped = sorted(
        m.series_start.replace(tzinfo=zone)
        for m in series.meetings
        if m.status is MeetingStatus.CANCELLED and m.series_start is not None
    )
    if skipped:
        event.add("exdate", skipped)
    return event


def _file(
    session: Session, name: str, method: str, event: Event, meeting: Meeting, organizer: Organizer
) -> Invite:
    _people(event, session, meeting, organizer)
    zone = meeting.board.time_zone
    return Invite(name, method, _calendar(method, event, zone, meeting.starts_at.year))


def _name(meeting: Meeting) -> str:
    return f"{_slug(meeting.board.name)}-{meeting.starts_at:%Y-%m-%d}"


def _cancellation(session: Session, meeting: Meeting, organizer: Organizer, now: datetime):
    series = meeting.series
    if series is not None:
        event = _occurrence(meeting, series, now, cancelled=True)
    else:
        event = _one_off(meeting, now, cancelled=True)
    return _file(session, f"{_name(meeting)}-cancelled", "CANCEL", event, meeting, organizer)


def meeting_invites(
    session: Session,
    meeting_id: int,
    organizer: Organizer,
    *,
    now: datetime | None = None,
) -> list[Invite]:
    """The invite files that bring every calendar up to date with one meeting.

    A cancelled meeting gives its cancellation. A one-off meeting gives one REQUEST. An
    occurrence of a series with details of its own (moved, or with its agenda) gives just
    its update; any other occurrence gives the series' REQUEST (RRULE, cancelled
    occurrences as EXDATE) followed by the update of each moved occurrence, without which
    calendars would show those meetings at their old time.
    """
    meeting = get_meeting(session, meeting_id)
    now = now or datetime.now(UTC)
    if meeting.status is MeetingStatus.CANCELLED:
        return [_cancellation(session, meeting, organizer, now)]
    series = meeting.series
    if series is None:
        return [
            _file(session, _name(meeting), "REQUEST", _one_off(meeting, now), meeting, organizer)
        ]
    if has_own_details(meeting):
        return [_update(session, meeting, series, organizer, now)]
    name = f"{_slug(meeting.board.name)}-series-{series.first_start:%Y-%m-%d}"
    invites = [_file(session, name, "REQUEST", _master(series, meeting, now), meeting, organizer)]
    invites.extend(
        _update(session, occurrence, series, organizer, now)
        for occurrence in sorted(series.meetings, key=lambda m: m.starts_at)
        if occurrence.status is not MeetingStatus.CANCELLED and is_moved(occurrence)
    )
    return invites


def _update(
    session: Session, meeting: Meeting, series: MeetingSeries, organizer: Organizer, now: datetime
) -> Invite:
    """The REQUEST that changes one occurrence of a series in every calendar."""
    suffix = "moved" if is_moved(meeting) else "update"
    event = _occurrence(meeting, series, now)
    return _file(session, f"{_name(meeting)}-{suffix}", "REQUEST", event, meeting, organizer)


def cancellation_invite(
    session: Session,
    meeting_id: int,
    organizer: Organizer,
    *,
    now: datetime | None = None,
) -> Invite:
    """Cancel the meeting (if not yet cancelled) and give the METHOD:CANCEL file for it."""
    meeting = get_meeting(session, meeting_id)
    if meeting.status is not MeetingStatus.CANCELLED:
        cancel_meeting(session, meeting_id)
    return _cancellation(session, meeting, organizer, now or datetime.now(UTC))
