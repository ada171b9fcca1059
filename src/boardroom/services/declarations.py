"""Declarations of interest, recorded against the agenda item they concern.

The minutes must say who declared what on which item; like the rest of the minutes they
cannot change once approved and locked.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.minutes import ensure_editable
from boardroom.services.people import get_person
from boardroom.storage.models import AgendaItem, Declaration


def record_declaration(
    session: Session, agenda_item_id: int, person_id: int, interest: str
) -> Declaration:
    """Record that a person declared an interest in an item."""
    item = session.get(AgendaItem, agenda_item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    ensure_editable(item.meeting)
    person = get_person(session, person_id)
    interest = " ".join(interest.split())
    if not interest:
        raise BoardroomError(f"Say what interest {person.display_name} declared.")
    declaration = Declaration(
        meeting_id=item.meeting_id, agenda_item_id=item.id, person_id=person.id, interest=interest
    )
    session.add(declaration)
    session.flush()
    return declaration


def remove_declaration(session: Session, declaration_id: int) -> None:
    declaration = session.get(Declaration, declaration_id)
    if declaration is None:
        raise NotFoundError("That declaration no longer exists.")
    ensure_editable(declaration.meeting)
    session.delete(declaration)
    session.flush()
