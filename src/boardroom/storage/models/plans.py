"""Improvement plans: recommendations (sections) and their numbered activities (items)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boardroom.storage.models.actions import action_plan_item
from boardroom.storage.models.base import Base, Entity, str_enum
from boardroom.storage.models.boards import Board
from boardroom.storage.models.enums import Rag

if TYPE_CHECKING:
    from boardroom.storage.models.actions import ActionPoint


class Plan(Entity, Base):
    """An improvement plan overseen by a board."""

    __tablename__ = "plan"

    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    published: Mapped[str] = mapped_column(String(100), default="")  # as the plan says it

    board: Mapped[Board] = relationship(back_populates="plans")
    sections: Mapped[list[PlanSection]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanSection.number",
    )


class PlanSection(Entity, Base):
    """One recommendation and the outcome it aims at."""

    __tablename__ = "plan_section"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    recommendation: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")

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

    __tablename__ = "plan_item"
    __table_args__ = (UniqueConstraint("section_id", "number"),)

    section_id: Mapped[int] = mapped_column(
        ForeignKey("plan_section.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(20), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    activity: Mapped[str] = mapped_column(Text)
    desired_outcome: Mapped[str] = mapped_column(Text, default="")
    target_text: Mapped[str] = mapped_column(String(200), default="")
    target_date: Mapped[date | None] = mapped_column(Date)
    lead: Mapped[str] = mapped_column(String(500), default="")
    measure: Mapped[str] = mapped_column(Text, default="")
    rag: Mapped[Rag] = mapped_column(str_enum(Rag), default=Rag.NOT_RATED, index=True)

    section: Mapped[PlanSection] = relationship(back_populates="items")
    actions: Mapped[list[ActionPoint]] = relationship(
        secondary=action_plan_item, back_populates="plan_items"
    )
    updates: Mapped[list[PlanItemUpdate]] = relationship(
        back_populates="plan_item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PlanItemUpdate.on_date",
    )


class PlanItemUpdate(Entity, Base):
    """A dated progress note on a plan item, with the RAG rating given at that date."""

    __tablename__ = "plan_item_update"

    plan_item_id: Mapped[int] = mapped_column(
        ForeignKey("plan_item.id", ondelete="CASCADE"), index=True
    )
    on_date: Mapped[date] = mapped_column(Date)
    rag: Mapped[Rag] = mapped_column(str_enum(Rag))
    note: Mapped[str] = mapped_column(Text, default="")

    plan_item: Mapped[PlanItem] = relationship(back_populates="updates")
