"""Meetings and everything recorded at them: register, agenda, papers, minutes."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy.orm import Mapped, deferred, relationship

from boardroom.storage import tables
from boardroom.storage.enums import (
    AttendanceStatus,
    MeetingStatus,
    Purpose,
    StandingKind,
)
from boardroom.storage.models.base import Base, Entity
from boardroom.storage.models.boards import Board, Person

if TYPE_CHECKING:
    from boardroom.storage.models.actions import ActionPoint


class MeetingSeries(Entity, Base):
    """A recurring pattern ("monthly, third Tuesday 14:00–16:00"); one invite with an RRULE.

    Its meetings are expanded rows that can be moved or cancelled one at a time; the
    series keeps the rule so the invite can say RRULE with EXDATE/RECURRENCE-ID.
    """

    __table__ = tables.meeting_series

    board_id: Mapped[int]
    title: Mapped[str]
    rrule: Mapped[str]
    first_start: Mapped[datetime]
    duration_minutes: Mapped[int]
    venue: Mapped[str]
    online_link: Mapped[str]
    uid: Mapped[str]
    sequence: Mapped[int]

    board: Mapped[Board] = relationship()
    meetings: Mapped[list[Meeting]] = relationship(back_populates="series")


class Meeting(Entity, Base):
    """One sitting of a board, in the board's local time zone (naive local datetimes)."""

    __table__ = tables.meeting

    board_id: Mapped[int]
    series_id: Mapped[int | None]
    title: Mapped[str]
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    series_start: Mapped[datetime | None]
    venue: Mapped[str]
    online_link: Mapped[str]
    status: Mapped[MeetingStatus]
    uid: Mapped[str]
    sequence: Mapped[int]
    circulated_at: Mapped[datetime | None]
    closed_at: Mapped[time | None]
    minutes_locked: Mapped[bool]
    minutes_approved_on: Mapped[date | None]
    minutes_editor: Mapped[str]
    minutes_editor_seen: Mapped[datetime | None]

    board: Mapped[Board] = relationship(back_populates="meetings")
    series: Mapped[MeetingSeries | None] = relationship(back_populates="meetings")
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AgendaItem.position",
    )
    declarations: Mapped[list[Declaration]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    events: Mapped[list[MeetingEvent]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MeetingEvent.at",
    )


class MeetingEvent(Entity, Base):
    """A dated entry in a meeting's record history: approved, unlocked, circulated.

    Minutes are a legal record, so every change to their standing is written down with who
    made it and why.
    """

    __table__ = tables.meeting_event

    meeting_id: Mapped[int]
    at: Mapped[datetime]
    actor: Mapped[str]
    kind: Mapped[str]
    note: Mapped[str]

    meeting: Mapped[Meeting] = relationship(back_populates="events")


class Attendance(Entity, Base):
    """One line of the register; a deputy attending for a member is recorded on the member."""

    __table__ = tables.attendance

    meeting_id: Mapped[int]
    person_id: Mapped[int]
    status: Mapped[AttendanceStatus]
    deputy_id: Mapped[int | None]
    capacity: Mapped[str]
    arrived_at: Mapped[time | None]
    left_at: Mapped[time | None]

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person] = relationship(foreign_keys=[tables.attendance.c.person_id])
    deputy: Mapped[Person | None] = relationship(foreign_keys=[tables.attendance.c.deputy_id])


class AgendaItem(Entity, Base):
    """An agenda line; sub-items (3.1) point at their parent. Numbers are derived, not stored."""

    __table__ = tables.agenda_item

    meeting_id: Mapped[int]
    parent_id: Mapped[int | None]
    position: Mapped[int]
    title: Mapped[str]
    purpose: Mapped[Purpose]
    presenter_id: Mapped[int | None]
    presenter_text: Mapped[str]
    minutes_allotted: Mapped[int]
    description: Mapped[str]
    confidential: Mapped[bool]
    standing: Mapped[StandingKind | None]

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    presenter: Mapped[Person | None] = relationship()
    children: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AgendaItem.position"
    )
    papers: Mapped[list[Paper]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", passive_deletes=True
    )
    minute: Mapped[Minute | None] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", passive_deletes=True
    )
    resolutions: Mapped[list[Resolution]] = relationship(
        back_populates="agenda_item",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Resolution.position",
    )
    actions: Mapped[list[ActionPoint]] = relationship(back_populates="origin_item")

    @property
    def presenter_name(self) -> str:
        return self.presenter.display_name if self.presenter else self.presenter_text


class Paper(Entity, Base):
    """A file attached to an item, under its own name; its bytes are a ``PaperContent``
    (shared by every paper with the same hash), cached in each desk's papers folder."""

    __table__ = tables.paper

    agenda_item_id: Mapped[int]
    filename: Mapped[str]
    sha256: Mapped[str]
    size: Mapped[int]
    mime_type: Mapped[str]

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="papers")


class PaperContent(Base):
    """The bytes of a paper, once per content, kept in the database so that every desk of
    a shared database can open and circulate what another desk attached.

    A separate table (and a deferred column) so that listing an agenda's papers never
    reads their bytes. There is no foreign key from ``paper.sha256``: a database upgraded
    from before this table holds its papers' bytes only in the papers folder of the desk
    that attached them until that desk copies them in (``storage.paper_contents``).
    ``attached_at`` is when the content was last attached or put back by an undo: the
    daily tidy forgets content no paper refers to only a week after that.
    """

    __table__ = tables.paper_content

    sha256: Mapped[str]
    size: Mapped[int]
    data: Mapped[bytes] = deferred(tables.paper_content.c.data)
    attached_at: Mapped[datetime]


class Declaration(Entity, Base):
    """A declaration of interest made at a meeting, against an item where it applies."""

    __table__ = tables.declaration

    meeting_id: Mapped[int]
    agenda_item_id: Mapped[int | None]
    person_id: Mapped[int]
    interest: Mapped[str]

    meeting: Mapped[Meeting] = relationship(back_populates="declarations")
    person: Mapped[Person] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()


class Minute(Entity, Base):
    """The clerk's notes on one agenda item; autosaved as they are typed."""

    __table__ = tables.minute

    agenda_item_id: Mapped[int]
    notes: Mapped[str]

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="minute")


class ItemVisit(Entity, Base):
    """A stretch of the meeting spent on one agenda item, as the live view's clock counts it.

    It begins when the clerk makes the item current and runs until they move on; the live
    view's heartbeat moves ``left_at`` forward meanwhile, so after a crash an item's clock
    has lost at most one heartbeat. An item's elapsed time is the sum of its visits.
    """

    __table__ = tables.item_visit

    agenda_item_id: Mapped[int]
    started_at: Mapped[datetime]
    left_at: Mapped[datetime]


class Resolution(Entity, Base):
    """ "It was resolved that …": one numbered resolution under an item."""

    __table__ = tables.resolution

    agenda_item_id: Mapped[int]
    position: Mapped[int]
    text: Mapped[str]

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="resolutions")
