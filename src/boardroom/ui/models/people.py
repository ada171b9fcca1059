"""People and the board's memberships as tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from boardroom.dates import format_date
from boardroom.names import display_name
from boardroom.services.people import ROLE_RANK, board_memberships, list_people
from boardroom.storage.models import Person, Role
from boardroom.ui.colours import MUTED
from boardroom.ui.labels import label_of
from boardroom.ui.models.table import Column, RowTableModel


@dataclass(frozen=True)
class PersonRow:
    person_id: int
    name: str
    title: str
    job_title: str
    organisation: str
    email: str

    @property
    def display_name(self) -> str:
        return display_name(self.title, self.name)


@dataclass(frozen=True)
class MembershipRow:
    membership_id: int
    person: PersonRow
    role: Role
    start_date: date | None
    end_date: date | None
    deputy_id: int | None
    deputy_name: str
    current: bool


def _person_row(person: Person) -> PersonRow:
    return PersonRow(
        person.id, person.name, person.title, person.job_title, person.organisation, person.email
    )


def people_rows(session: Session) -> list[PersonRow]:
    return [_person_row(person) for person in list_people(session)]


def membership_rows(session: Session, board_id: int, today: date) -> list[MembershipRow]:
    return [
        MembershipRow(
            membership_id=seat.id,
            person=_person_row(seat.person),
            role=seat.role,
            start_date=seat.start_date,
            end_date=seat.end_date,
            deputy_id=seat.deputy_id,
            deputy_name=seat.deputy.display_name if seat.deputy else "",
            current=seat.is_current(today),
        )
        for seat in board_memberships(session, board_id)
    ]


def _grey_when_past(row: MembershipRow) -> QColor | None:
    return None if row.current else MUTED.color()


class PeopleTableModel(RowTableModel[PersonRow]):
    COL_NAME, COL_JOB, COL_ORGANISATION, COL_EMAIL = range(4)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("PeopleTableModel", "Name"),
            lambda r: r.display_name,
            lambda r: r.name.lower(),
        ),
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Job title"), lambda r: r.job_title),
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Organisation"), lambda r: r.organisation),
        Column(QT_TRANSLATE_NOOP("PeopleTableModel", "Email"), lambda r: r.email),
    )


class MembershipTableModel(RowTableModel[MembershipRow]):
    COL_NAME, COL_ROLE, COL_ORGANISATION, COL_EMAIL, COL_FROM, COL_TO, COL_DEPUTY = range(7)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("MembershipTableModel", "Name"),
            lambda r: r.person.display_name,
            lambda r: r.person.name.lower(),
            _grey_when_past,
        ),
        Column(
            QT_TRANSLATE_NOOP("MembershipTableModel", "Role"),
            lambda r: label_of(r.role),
            lambda r: ROLE_RANK[r.role],
            _grey_when_past,
        ),
        Column(
            QT_TRANSLATE_NOOP("MembershipTableModel", "Organisation"),
            lambda r: r.person.organisation,
            color=_grey_when_past,
        ),
        Column(
            QT_TRANSLATE_NOOP("MembershipTableModel", "Email"),
            lambda r: r.person.email,
            color=_grey_when_past,
        ),
        Column(
            QT_TRANSLATE_NOOP("MembershipTableModel", "From"),
            lambda r: format_date(r.start_date),
            lambda r: r.start_date or date.min,
            _grey_when_past,
        ),
        Column(
            QT_TRANSLATE_NOOP("MembershipTableModel", "To"),
            lambda r: format_date(r.end_date),
            lambda r: r.end_date or date.max,
            _grey_when_past,
        ),
        Column(
            QT_TRANSLATE_NOOP("MembershipTableModel", "Named deputy"),
            lambda r: r.deputy_name,
            color=_grey_when_past,
        ),
    )
