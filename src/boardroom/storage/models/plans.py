"""Improvement plans: recommendations (sections) and their numbered activities (items)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Mapped, relationship

from boardroom.storage import tables
from boardroom.storage.enums import Rag
from boardroom.storage.models.base import Base, Entity
from boardroom.storage.models.boards import Board

if TYPE_CHECKING:
    from boardroom.storage.models.actions import ActionPoint


class Plan(Entity, Base):
    """An improvement plan overseen by a board."""

    __table__ = tables.plan

    board_id: Mapped[int]
    title: Mapped[str]
    published: Mapped[str]

    board: Mapped[Board] = relationship(back_populates="plans")
    sections: Mapped[list[PlanSection]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanSection.number",
    )


class PlanSection(Entity, Base):
    """One recommendation and the outcome it aims at."""

    __table__ = tables.plan_section

    plan_id: Mapped[int]
    number: Mapped[int]
    recommendation: Mapped[str]
    outcome: Mapped[str]

    plan: Mapped[Plan] = relationship(back_populates="sections")
    items: Mapped[list[PlanItem]] = relationship(
        back_populates="section",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanItem.position",
    )


class PlanItem(Entity, Base):
    """A numbered planned activity ("2.3"); the thing action points serve.

    ``target_text`` keeps what the plan said ("Ongoing", "2020/21", "March 2020");
    ``target_date`` is set only when that text names a date the app can reason about.
    """

    __table__ = tables.plan_item

    section_id: Mapped[int]
    number: Mapped[str]
    position: Mapped[int]
    activity: Mapped[str]
    desired_outcome: Mapped[str]
    target_text: Mapped[str]
    target_date: Mapped[date | None]
    lead: Mapped[str]
    measure: Mapped[str]
    rag: Mapped[Rag]

    section: Mapped[PlanSection] = relationship(back_populates="items")
    actions: Mapped[list[ActionPoint]] = relationship(
        secondary=tables.action_plan_item, back_populates="plan_items"
    )
    updates: Mapped[list[PlanItemUpdate]] = relationship(
        back_populates="plan_item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanItemUpdate.on_date",
    )


class PlanItemUpdate(Entity, Base):
    """A dated progress note on a plan item, with the RAG rating given at that date."""

    __table__ = tables.plan_item_update

    plan_item_id: Mapped[int]
    on_date: Mapped[date]
    rag: Mapped[Rag]
    note: Mapped[str]

    plan_item: Mapped[PlanItem] = relationship(back_populates="updates")
