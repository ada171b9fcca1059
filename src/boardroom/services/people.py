"""People and their seats on boards: who may be removed, and who may not.

A person exists once however many boards they sit on; a membership is their seat on one
board for a period, with the named deputy the terms of reference ask for. A malformed email,
an end before a start or a second overlapping seat in the same role is refused with a
message, and nothing is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, joinedload

from boardroom.dates import format_date
from boardroom.errors import BoardroomError, NotFoundError
from boardroom.storage.models import (
    ActionPoint,
    AgendaItem,
    Attendance,
    Board,
    Declaration,
    Membership,
    Person,
    Role,
)

# Deliberately simple: one @, no spaces, a dot in the domain. Mail clients do the rest.
_EMAIL = re.compile(r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s.\x00-\x1f\x7f]+$")


def post_of(job_title: str, organisation: str) -> str:
    """ "Director of Children's Services, Wirral Council": what a type-ahead says of someone
    who holds no seat, so that two people of one name can be told apart. Written out rather
    than joined from a generator: the presenter list labels every person at each opening."""
    if job_title and organisation:
        return f"{job_title}, {organisation}"
    return job_title or organisation


@dataclass(frozen=True)
class PersonFields:
    """What the person dialog edits."""

    name: str
    title: str = ""
    job_title: str = ""
    organisation: str = ""
    email: str = ""

    def validated(self) -> PersonFields:
        name = " ".join(self.name.split())
        if not name:
            raise BoardroomError("A person needs a name.")
        email = self.email.strip()
        if email and not _EMAIL.match(email):
            raise BoardroomError(
                f"“{email}” is not an email address; it should look like name@example.org."
            )
        return PersonFields(
            name=name,
            title=self.title.strip(),
            job_title=self.job_title.strip(),
            organisation=self.organisation.strip(),
            email=email,
        )


@dataclass(frozen=True)
class MembershipFields:
    """What the membership dialog edits."""

    person_id: int
    role: Role = Role.MEMBER
    start_date: date | None = None
    end_date: date | None = None
    deputy_id: int | None = None


def person_in_use(session: Session, person_id: int) -> bool:
    """Whether any record of the board's business still names this person."""
    checks = (
        select(Membership.id).where(
            or_(Membership.person_id == person_id, Membership.deputy_id == person_id)
        ),
        select(Attendance.id).where(
            or_(Attendance.person_id == person_id, Attendance.deputy_id == person_id)
        ),
        select(ActionPoint.id).where(ActionPoint.owner_id == person_id),
        select(Declaration.id).where(Declaration.person_id == person_id),
        select(AgendaItem.id).where(AgendaItem.presenter_id == person_id),
    )
    return any(session.scalar(select(exists(check))) for check in checks)


def find_by_email(session: Session, email: str) -> Person | None:
    if not email:
        return None
    return session.scalar(select(Person).where(Person.email == email).limit(1))


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("That person no longer exists.")
    return person


def list_people(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).order_by(Person.name)))


def _check_email_free(session: Session, email: str, person_id: int | None) -> None:
    if not email:
        return
    other = find_by_email(session, email)
    if other is not None and other.id != person_id:
        raise BoardroomError(f"{other.display_name} already has the email address {email}.")


def add_person(session: Session, fields: PersonFields) -> Person:
    checked = fields.validated()
    _check_email_free(session, checked.email, None)
    person = Person(
        name=checked.name,
        title=checked.title,
        job_title=checked.job_title,
        organisation=checked.organisation,
        email=checked.email,
    )
    session.add(person)
    session.flush()
    return person


def update_person(session: Session, person_id: int, fields: PersonFields) -> Person:
    person = get_person(session, person_id)
    checked = fields.validated()
    _check_email_free(session, checked.email, person.id)
    person.name = checked.name
    person.title = checked.title
    person.job_title = checked.job_title
    person.organisation = checked.organisation
    person.email = checked.email
    session.flush()
    return person


def remove_person(session: Session, person_id: int) -> None:
    """Delete someone entered by mistake; anyone already on the record stays."""
    person = get_person(session, person_id)
    if person_in_use(session, person_id):
        raise BoardroomError(
            f"{person.display_name} is named in memberships, registers or actions and "
            "cannot be removed; end their membership instead."
        )
    session.delete(person)
    session.flush()


def _overlaps(a_start: date | None, a_end: date | None, b_start: date | None, b_end: date | None):
    return (a_end is None or b_start is None or b_start <= a_end) and (
        b_end is None or a_start is None or a_start <= b_end
    )


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"from {format_date(start)} to {format_date(end)}"
    if start:
        return f"from {format_date(start)}"
    return f"until {format_date(end)}" if end else "with no end date"


def _check_membership(
    session: Session, board_id: int, fields: MembershipFields, membership_id: int | None
) -> Person:
    person = get_person(session, fields.person_id)
    if fields.start_date and fields.end_date and fields.end_date < fields.start_date:
        raise BoardroomError(
            f"The membership ends ({format_date(fields.end_date)}) before it starts "
            f"({format_date(fields.start_date)})."
        )
    if fields.deputy_id is not None:
        if fields.deputy_id == fields.person_id:
            raise BoardroomError("A member cannot be their own deputy.")
        get_person(session, fields.deputy_id)
    seats = session.scalars(
        select(Membership).where(
            Membership.board_id == board_id,
            Membership.person_id == fields.person_id,
            Membership.role == fields.role,
        )
    )
    for seat in seats:
        if seat.id != membership_id and _overlaps(
            seat.start_date, seat.end_date, fields.start_date, fields.end_date
        ):
            raise BoardroomError(
                f"{person.display_name} already sits on this board as "
                f"{fields.role.label.lower()} {_period(seat.start_date, seat.end_date)}; "
                "give that seat an end date first, or edit it."
            )
    return person


def add_membership(session: Session, board_id: int, fields: MembershipFields) -> Membership:
    if session.get(Board, board_id) is None:
        raise NotFoundError("That board no longer exists.")
    _check_membership(session, board_id, fields, None)
    membership = Membership(
        board_id=board_id,
        person_id=fields.person_id,
        role=fields.role,
        start_date=fields.start_date,
        end_date=fields.end_date,
        deputy_id=fields.deputy_id,
    )
    session.add(membership)
    session.flush()
    return membership


def update_membership(session: Session, membership_id: int, fields: MembershipFields) -> Membership:
    membership = session.get(Membership, membership_id)
    if membership is None:
        raise NotFoundError("That membership no longer exists.")
    _check_membership(session, membership.board_id, fields, membership.id)
    membership.person_id = fields.person_id
    membership.role = fields.role
    membership.start_date = fields.start_date
    membership.end_date = fields.end_date
    membership.deputy_id = fields.deputy_id
    session.flush()
    return membership


def remove_membership(session: Session, membership_id: int) -> None:
    """Delete a seat entered by mistake (a seat that ended is given an end date instead)."""
    membership = session.get(Membership, membership_id)
    if membership is None:
        raise NotFoundError("That membership no longer exists.")
    session.delete(membership)
    session.flush()


def board_memberships(session: Session, board_id: int) -> list[Membership]:
    """Every seat on the board, past and present, with the people loaded for display (in
    the same statement: a board has a few dozen seats, and every register reads them)."""
    return list(
        session.scalars(
            select(Membership)
            .where(Membership.board_id == board_id)
            .options(joinedload(Membership.person), joinedload(Membership.deputy))
            .order_by(Membership.start_date, Membership.id)
        )
    )


ROLE_ORDER = (
    Role.CHAIR,
    Role.VICE_CHAIR,
    Role.MEMBER,
    Role.OBSERVER,
    Role.ADVISER,
    Role.OFFICER,
    Role.SECRETARY,
)
# Each role's place in that order, for sorting seats by it.
ROLE_RANK = {role: place for place, role in enumerate(ROLE_ORDER)}


def current_memberships(session: Session, board_id: int, on: date) -> list[Membership]:
    """Seats held on a day, chair first, in the order a register lists them."""
    seats = [m for m in board_memberships(session, board_id) if m.is_current(on)]
    return sorted(seats, key=lambda m: (ROLE_RANK[m.role], m.person.name))
