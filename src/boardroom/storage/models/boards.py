"""Boards, the people on them and their memberships."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boardroom.storage.models.base import Base, Entity, str_enum
from boardroom.storage.models.enums import Purpose, Role, StandingKind

if TYPE_CHECKING:
    from boardroom.storage.models.meetings import Meeting
    from boardroom.storage.models.plans import Plan


class Board(Entity, Base):
    """A board or committee; its rules (quorum, region, lead time) drive the calendar."""

    __tablename__ = "board"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    code: Mapped[str] = mapped_column(String(12), default="")  # prefix of action references
    description: Mapped[str] = mapped_column(Text, default="")
    quorum: Mapped[int] = mapped_column(Integer, default=1)
    venue: Mapped[str] = mapped_column(String(300), default="")
    time_zone: Mapped[str] = mapped_column(String(64), default="Europe/London")
    holiday_region: Mapped[str] = mapped_column(String(12), default="GB-ENG")
    lead_days: Mapped[int] = mapped_column(Integer, default=5)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="board", cascade="all, delete-orphan", passive_deletes=True
    )
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="board", cascade="all, delete-orphan", passive_deletes=True
    )
    plans: Mapped[list[Plan]] = relationship(
        back_populates="board", cascade="all, delete-orphan", passive_deletes=True
    )
    standing_items: Mapped[list[StandingItem]] = relationship(
        back_populates="board",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="StandingItem.position",
    )


class Person(Entity, Base):
    """Anyone who sits on, reports to or attends a board; never deleted with a meeting."""

    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(String(40), default="")  # honorific such as "Cllr"
    job_title: Mapped[str] = mapped_column(String(300), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", foreign_keys="Membership.person_id"
    )

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.name}".strip()


class Membership(Entity, Base):
    """A person's seat on a board for a period, with the named deputy who may stand in."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("board_id", "person_id", "role", "start_date"),)

    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    role: Mapped[Role] = mapped_column(str_enum(Role), default=Role.MEMBER)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    deputy_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))

    board: Mapped[Board] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship(back_populates="memberships", foreign_keys=[person_id])
    deputy: Mapped[Person | None] = relationship(foreign_keys=[deputy_id])

    def is_current(self, on: date) -> bool:
        """Whether the seat is held on the given day (open-ended at either side)."""
        return (self.start_date is None or self.start_date <= on) and (
            self.end_date is None or on <= self.end_date
        )


class StandingItem(Entity, Base):
    """One line of the board's template from which every new agenda starts."""

    __tablename__ = "standing_item"

    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[Purpose] = mapped_column(str_enum(Purpose), default=Purpose.INFORMATION)
    kind: Mapped[StandingKind | None] = mapped_column(str_enum(StandingKind))
    minutes_allotted: Mapped[int] = mapped_column(Integer, default=5)

    board: Mapped[Board] = relationship(back_populates="standing_items")
