"""Action points, their history and their links to improvement-plan items."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Mapped, relationship

from boardroom.storage import tables
from boardroom.storage.enums import ActionStatus
from boardroom.storage.models.base import Base, Entity
from boardroom.storage.models.boards import Board, Person

if TYPE_CHECKING:
    from boardroom.storage.models.meetings import AgendaItem, Meeting
    from boardroom.storage.models.plans import PlanItem


class ActionPoint(Entity, Base):
    """Something someone must do by a date; survives the meeting it came from."""

    __table__ = tables.action_point

    board_id: Mapped[int]
    reference: Mapped[str]
    year: Mapped[int]
    sequence: Mapped[int]
    description: Mapped[str]
    owner_id: Mapped[int | None]
    due_date: Mapped[date | None]
    status: Mapped[ActionStatus]
    origin_meeting_id: Mapped[int | None]
    origin_item_id: Mapped[int | None]
    closed_at: Mapped[datetime | None]

    board: Mapped[Board] = relationship()
    owner: Mapped[Person | None] = relationship()
    origin_meeting: Mapped[Meeting | None] = relationship()
    origin_item: Mapped[AgendaItem | None] = relationship(back_populates="actions")
    plan_items: Mapped[list[PlanItem]] = relationship(
        secondary=tables.action_plan_item, back_populates="actions"
    )
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ActionUpdate.created_at",
    )


class ActionUpdate(Entity, Base):
    """A dated progress note, optionally changing status, optionally reviewed at a meeting."""

    __table__ = tables.action_update

    action_id: Mapped[int]
    on_date: Mapped[date]
    text: Mapped[str]
    status_from: Mapped[ActionStatus | None]
    status_to: Mapped[ActionStatus | None]
    meeting_id: Mapped[int | None]

    action: Mapped[ActionPoint] = relationship(back_populates="updates")
    meeting: Mapped[Meeting | None] = relationship()
