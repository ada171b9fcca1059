"""Boards, the people on them and their memberships."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, or_
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import Mapped, relationship

from boardroom.names import display_name
from boardroom.storage import tables
from boardroom.storage.enums import Purpose, Role, StandingKind
from boardroom.storage.models.base import Base, Entity

if TYPE_CHECKING:
    from boardroom.storage.models.meetings import Meeting
    from boardroom.storage.models.plans import Plan


class Board(Entity, Base):
    """A board or committee; its rules (quorum, region, lead time) drive the calendar."""

    __table__ = tables.board

    name: Mapped[str]
    code: Mapped[str]
    description: Mapped[str]
    quorum: Mapped[int]
    venue: Mapped[str]
    time_zone: Mapped[str]
    holiday_region: Mapped[str]
    lead_days: Mapped[int]

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

    __table__ = tables.person

    name: Mapped[str]
    title: Mapped[str]
    job_title: Mapped[str]
    organisation: Mapped[str]
    email: Mapped[str]

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", foreign_keys="Membership.person_id"
    )

    @property
    def display_name(self) -> str:
        return display_name(self.title, self.name)


class Membership(Entity, Base):
    """A person's seat on a board for a period, with the named deputy who may stand in."""

    __table__ = tables.membership

    board_id: Mapped[int]
    person_id: Mapped[int]
    role: Mapped[Role]
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    deputy_id: Mapped[int | None]

    board: Mapped[Board] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship(
        back_populates="memberships", foreign_keys=[tables.membership.c.person_id]
    )
    deputy: Mapped[Person | None] = relationship(foreign_keys=[tables.membership.c.deputy_id])

    @hybrid_method
    def is_current(self, on: date) -> bool:
        """Whether the seat is held on the given day (open-ended at either side); asked of
        the class, the same as SQL, for reading who sits that day without loading seats."""
        return (self.start_date is None or self.start_date <= on) and (
            self.end_date is None or on <= self.end_date
        )

    @is_current.inplace.expression
    @classmethod
    def _is_current_in_sql(cls, on: date) -> ColumnElement[bool]:
        return and_(
            or_(cls.start_date.is_(None), cls.start_date <= on),
            or_(cls.end_date.is_(None), cls.end_date >= on),
        )


class StandingItem(Entity, Base):
    """One line of the board's template from which every new agenda starts."""

    __table__ = tables.standing_item

    board_id: Mapped[int]
    position: Mapped[int]
    title: Mapped[str]
    purpose: Mapped[Purpose]
    kind: Mapped[StandingKind | None]
    minutes_allotted: Mapped[int]

    board: Mapped[Board] = relationship(back_populates="standing_items")
