"""People: who may be removed, and who may not."""

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from boardroom.storage.models import (
    ActionPoint,
    AgendaItem,
    Attendance,
    Declaration,
    Membership,
    Person,
)


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
