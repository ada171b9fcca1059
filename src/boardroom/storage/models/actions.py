"""Action points, their history and their links to improvement-plan items."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boardroom.storage.models.base import Base, Entity, str_enum
from boardroom.storage.models.boards import Board, Person
from boardroom.storage.models.enums import ActionStatus

if TYPE_CHECKING:
    from boardroom.storage.models.meetings import AgendaItem, Meeting
    from boardroom.storage.models.plans import PlanItem

action_plan_item = Table(
    "action_plan_item",
    Base.metadata,
    Column("action_id", ForeignKey("action_point.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "plan_item_id",
        ForeignKey("plan_item.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class ActionPoint(Entity, Base):
    """Something someone must do by a date; survives the meeting it came from."""

    __tablename__ = "action_point"
    __table_args__ = (
        # A board's outstanding actions (the Dashboard), and its next reference number.
        Index("ix_action_point_board_status", "board_id", "status"),
        Index("ix_action_point_board_year_sequence", "board_id", "year", "sequence"),
    )

    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    reference: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. IB-2016-03
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(
        str_enum(ActionStatus), default=ActionStatus.OPEN, index=True
    )
    origin_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    origin_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)

    board: Mapped[Board] = relationship()
    owner: Mapped[Person | None] = relationship()
    origin_meeting: Mapped[Meeting | None] = relationship()
    origin_item: Mapped[AgendaItem | None] = relationship(back_populates="actions")
    plan_items: Mapped[list[PlanItem]] = relationship(
        secondary=action_plan_item, back_populates="actions"
    )
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ActionUpdate.created_at",
    )


class ActionUpdate(Entity, Base):
    """A dated progress note, optionally changing status, optionally reviewed at a meeting."""

    __tablename__ = "action_update"
    __table_args__ = (
        # An action's last update, read for every row of the action tables; and what
        # moved since a day (the last meeting), counted on the Dashboard.
        Index("ix_action_update_action_on_date", "action_id", "on_date"),
        Index("ix_action_update_on_date_action", "on_date", "action_id"),
    )

    action_id: Mapped[int] = mapped_column(ForeignKey("action_point.id", ondelete="CASCADE"))
    on_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    status_from: Mapped[ActionStatus | None] = mapped_column(str_enum(ActionStatus))
    status_to: Mapped[ActionStatus | None] = mapped_column(str_enum(ActionStatus))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )

    action: Mapped[ActionPoint] = relationship(back_populates="updates")
    meeting: Mapped[Meeting | None] = relationship()
