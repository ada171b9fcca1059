"""The attendance register: who was there, who sent apologies, who came for whom.

Every seat current on the meeting day is listed whether or not anything has been recorded
for it yet; officers in attendance and guests are added by hand. A deputy attending for a
member is recorded on the member's line, so the minutes can say "Jane Smith (for Cllr
Brown)" and the quorum counts the seat as filled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError
from boardroom.services.meetings import get_meeting
from boardroom.services.people import current_memberships, get_person
from boardroom.storage.models import Attendance, AttendanceStatus, Meeting, Membership, Role

VOTING_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER})
# Seats whose holders attend to advise or serve the board rather than as members: the
# minutes list them as officers in attendance, not as present.
IN_ATTENDANCE_ROLES = frozenset({Role.OFFICER, Role.ADVISER, Role.SECRETARY})
SEAT_STATUSES = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.APOLOGIES,
    AttendanceStatus.ABSENT,
    AttendanceStatus.DEPUTY,
)
ADDED_STATUSES = (AttendanceStatus.IN_ATTENDANCE, AttendanceStatus.GUEST)
STATUS_LABELS = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.DEPUTY: "Represented by deputy",
    AttendanceStatus.IN_ATTENDANCE: "In attendance",
    AttendanceStatus.GUEST: "Guest",
}


@dataclass(frozen=True)
class RegisterLine:
    """One person on the register, with or without anything recorded yet."""

    person_id: int
    name: str
    role: str  # the seat's role, or the capacity of someone added
    seat_role: Role | None  # None for someone added without a seat
    capacity: str  # what the clerk typed for someone added ("Ofsted"), else ""
    counts_for_quorum: bool
    status: AttendanceStatus | None
    deputy_id: int | None
    deputy_name: str
    named_deputy_id: int | None  # who the membership names as deputy, offered first
    arrived_at: time | None
    left_at: time | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status] if self.status else "Not recorded"

    @property
    def attending(self) -> bool:
        """In the room for this line: the person, or their deputy, and not yet gone."""
        here = self.status in (
            AttendanceStatus.PRESENT,
            AttendanceStatus.DEPUTY,
            AttendanceStatus.IN_ATTENDANCE,
            AttendanceStatus.GUEST,
        )
        return here and self.left_at is None

    @property
    def minutes_text(self) -> str:
        """How the minutes name who attended on this line."""
        if self.status is AttendanceStatus.DEPUTY:
            return f"{self.deputy_name} (for {self.name})"
        return self.name


@dataclass(frozen=True)
class Quorum:
    present: int
    required: int

    @property
    def met(self) -> bool:
        return self.present >= self.required

    @property
    def text(self) -> str:
        mark = "quorate" if self.met else "not quorate"
        return f"Members present {self.present} · quorum {self.required} — {mark}"


def _records(session: Session, meeting_id: int) -> dict[int, Attendance]:
    rows = session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id))
    return {row.person_id: row for row in rows}


def _seats(session: Session, meeting: Meeting) -> dict[int, Membership]:
    """One seat per person (their most senior role if they hold two)."""
    seats: dict[int, Membership] = {}
    for seat in current_memberships(session, meeting.board_id, meeting.starts_at.date()):
        seats.setdefault(seat.person_id, seat)
    return seats


@dataclass(frozen=True)
class Register:
    """The register and the quorum it makes, read together."""

    lines: list[RegisterLine]
    quorum: Quorum


def register(session: Session, meeting_id: int) -> list[RegisterLine]:
    """Seats first in register order, then those added (officers, then guests)."""
    return _lines(session, get_meeting(session, meeting_id))


def register_and_quorum(session: Session, meeting_id: int) -> Register:
    """The register and its quorum from one reading: what a register panel shows."""
    meeting = get_meeting(session, meeting_id)
    lines = _lines(session, meeting)
    return Register(lines, _count(lines, meeting.board.quorum))


def _lines(session: Session, meeting: Meeting) -> list[RegisterLine]:
    records = _records(session, meeting.id)
    lines: list[RegisterLine] = []
    for person_id, seat in _seats(session, meeting).items():
        record = records.pop(person_id, None)
        lines.append(_line(seat.person.display_name, seat, record, person_id))
    added = sorted(
        records.values(),
        key=lambda r: (r.status is AttendanceStatus.GUEST, r.person.name),
    )
    lines.extend(_line(r.person.display_name, None, r, r.person_id) for r in added)
    return lines


def _line(
    name: str, seat: Membership | None, record: Attendance | None, person_id: int
) -> RegisterLine:
    """A seat's line shows its role; an added person's shows the capacity they came in."""
    if seat is not None:
        role = seat.role.label
    elif record is not None:
        role = record.capacity or STATUS_LABELS[record.status]
    else:
        role = ""
    return RegisterLine(
        person_id=person_id,
        name=name,
        role=role,
        seat_role=seat.role if seat is not None else None,
        capacity=record.capacity if record is not None and seat is None else "",
        counts_for_quorum=seat is not None and seat.role in VOTING_ROLES,
        status=record.status if record else None,
        deputy_id=record.deputy_id if record else None,
        deputy_name=record.deputy.display_name if record and record.deputy else "",
        named_deputy_id=seat.deputy_id if seat else None,
        arrived_at=record.arrived_at if record else None,
        left_at=record.left_at if record else None,
    )


def quorum(session: Session, meeting_id: int) -> Quorum:
    """Members (or their deputies) in the room against the board's quorum."""
    return register_and_quorum(session, meeting_id).quorum


def _count(lines: list[RegisterLine], required: int) -> Quorum:
    present = sum(1 for line in lines if line.counts_for_quorum and line.attending)
    return Quorum(present=present, required=required)


def seat_status(role: Role, status: AttendanceStatus) -> AttendanceStatus:
    """What "here" means for a seat: an officer's, adviser's or secretary's holder is in
    attendance, a member present; the other marks are the same for every seat."""
    if status not in (AttendanceStatus.PRESENT, AttendanceStatus.IN_ATTENDANCE):
        return status
    if role in IN_ATTENDANCE_ROLES:
        return AttendanceStatus.IN_ATTENDANCE
    return AttendanceStatus.PRESENT


def mark(
    session: Session,
    meeting_id: int,
    person_id: int,
    status: AttendanceStatus,
    *,
    deputy_id: int | None = None,
) -> Attendance:
    """Record a seat's attendance; a deputy defaults to the one the membership names.

    Present and in attendance are one mark (P): the seat decides which is recorded, so an
    officer marked here is minuted under "Officers in attendance"."""
    meeting = get_meeting(session, meeting_id)
    seat = _seats(session, meeting).get(person_id)
    person = get_person(session, person_id)
    if seat is None:
        raise BoardroomError(
            f"{person.display_name} holds no seat on the board on this date; "
            "add them as an officer in attendance or a guest instead."
        )
    if status not in (*SEAT_STATUSES, AttendanceStatus.IN_ATTENDANCE):
        raise BoardroomError("A member is present, sends apologies, is absent or sends a deputy.")
    status = seat_status(seat.role, status)
    if status is AttendanceStatus.DEPUTY:
        deputy_id = deputy_id or seat.deputy_id
        if deputy_id is None:
            raise BoardroomError(
                f"{person.display_name} has no named deputy; choose who attended for them."
            )
        if deputy_id == person_id:
            raise BoardroomError("A member cannot deputise for themselves.")
        get_person(session, deputy_id)
    else:
        deputy_id = None
    record = _records(session, meeting_id).get(person_id)
    if record is None:
        record = Attendance(meeting=meeting, person_id=person_id, status=status)
        session.add(record)
    record.status = status
    record.deputy_id = deputy_id
    # The seat's role, for the minutes to name the chair's; an officer's would only repeat
    # the heading "Officers in attendance" it is listed under.
    record.capacity = "" if seat.role is Role.OFFICER else seat.role.label
    if status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
        record.arrived_at = record.left_at = None
    session.flush()
    return record


def add_attendee(
    session: Session,
    meeting_id: int,
    person_id: int,
    status: AttendanceStatus,
    capacity: str = "",
) -> Attendance:
    """Add an officer in attendance or a guest who holds no seat."""
    meeting = get_meeting(session, meeting_id)
    person = get_person(session, person_id)
    if status not in ADDED_STATUSES:
        raise BoardroomError("Add someone as an officer in attendance or as a guest.")
    if person_id in _seats(session, meeting) or person_id in _records(session, meeting_id):
        raise BoardroomError(f"{person.display_name} is already on this meeting's register.")
    record = Attendance(
        meeting=meeting, person_id=person_id, status=status, capacity=capacity.strip()
    )
    session.add(record)
    session.flush()
    return record


def remove_attendee(session: Session, meeting_id: int, person_id: int) -> None:
    """Take an added officer or guest off the register (a seat's line cannot be removed)."""
    meeting = get_meeting(session, meeting_id)
    record = _records(session, meeting_id).get(person_id)
    seated = person_id in _seats(session, meeting)
    if record is None or record.status not in ADDED_STATUSES or seated:
        raise BoardroomError(
            "Only officers in attendance and guests can be taken off the register."
        )
    session.delete(record)
    session.flush()


def set_times(
    session: Session,
    meeting_id: int,
    person_id: int,
    arrived_at: time | None,
    left_at: time | None,
) -> Attendance:
    """Late arrival and early departure, as the minutes record them."""
    record = _records(session, meeting_id).get(person_id)
    if record is None or record.status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
        raise BoardroomError(
            "Mark the person as attending before recording when they came or left."
        )
    if arrived_at and left_at and left_at < arrived_at:
        raise BoardroomError(
            f"They cannot leave ({left_at:%H:%M}) before they arrive ({arrived_at:%H:%M})."
        )
    record.arrived_at = arrived_at
    record.left_at = left_at
    session.flush()
    return record
