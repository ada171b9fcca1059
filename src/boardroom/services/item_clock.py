"""The live view's item clocks, kept in the database so a crash or a restart keeps them.

The window counts the seconds on screen; what is stored is when each item was made current
and until when it stayed so (``ItemVisit``). Moving to another item ends one visit and
begins the next in one small transaction, and the window's heartbeat carries the current
visit forward, so these writes happen on moving and every few seconds — never with the
notes' autosave, which stays a single UPDATE.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.errors import NotFoundError
from boardroom.storage.models import AgendaItem, ItemVisit
from boardroom.storage.tables import utcnow


def elapsed_by_item(session: Session, meeting_id: int) -> dict[int, int]:
    """Whole seconds spent on each item of a meeting so far (items never visited left out)."""
    rows = session.execute(
        select(ItemVisit.agenda_item_id, ItemVisit.started_at, ItemVisit.left_at)
        .join(AgendaItem, AgendaItem.id == ItemVisit.agenda_item_id)
        .where(AgendaItem.meeting_id == meeting_id)
    )
    seconds: dict[int, float] = {}
    for item_id, started, left in rows:
        seconds[item_id] = seconds.get(item_id, 0) + max(0.0, (left - started).total_seconds())
    return {item_id: int(total) for item_id, total in seconds.items()}


def carry_visit(session: Session, visit_id: int, now: datetime | None = None) -> None:
    """The item has been current until ``now`` (the heartbeat, or moving on from it).

    A visit that has gone (its item was deleted meanwhile) needs no clock any more.
    """
    visit = session.get(ItemVisit, visit_id)
    if visit is not None:
        visit.left_at = max(visit.started_at, now or utcnow())
        session.flush()


def move_to_item(
    session: Session,
    agenda_item_id: int,
    *,
    leaving: int | None = None,
    now: datetime | None = None,
) -> int:
    """End the visit being left (if any) and begin one on ``agenda_item_id``; returns its id."""
    now = now or utcnow()
    if session.get(AgendaItem, agenda_item_id) is None:
        raise NotFoundError("That agenda item no longer exists.")
    if leaving is not None:
        carry_visit(session, leaving, now)
    visit = ItemVisit(agenda_item_id=agenda_item_id, started_at=now, left_at=now)
    session.add(visit)
    session.flush()
    return visit.id
