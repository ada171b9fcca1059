"""Meetings and everything recorded at them: register, agenda, papers, minutes."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from boardroom.storage.models.base import Base, Entity, str_enum, utcnow
from boardroom.storage.models.boards import Board, Person
from boardroom.storage.models.enums import (
    AttendanceStatus,
    MeetingStatus,
    Purpose,
    StandingKind,
)

if TYPE_CHECKING:
    from boardroom.storage.models.actions import ActionPoint


class MeetingSeries(Entity, Base):
    """A recurring pattern ("monthly, third Tuesday 14:00–16:00"); one invite with an RRULE.

    Its meetings are expanded rows that can be moved or cancelled one at a time; the
    series keeps the rule so the invite can say RRULE with EXDATE/RECURRENCE-ID.
    """

    __tablename__ = "meeting_series"

    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    rrule: Mapped[str] = mapped_column(String(500))  # RFC 5545 RRULE value, e.g. FREQ=MONTHLY;…
    first_start: Mapped[datetime] = mapped_column(DateTime)  # local time of the first meeting
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    venue: Mapped[str] = mapped_column(String(300), default="")
    online_link: Mapped[str] = mapped_column(String(1000), default="")
    uid: Mapped[str] = mapped_column(String(200), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)

    board: Mapped[Board] = relationship()
    meetings: Mapped[list[Meeting]] = relationship(back_populates="series")


class Meeting(Entity, Base):
    """One sitting of a board, in the board's local time zone (naive local datetimes)."""

    __tablename__ = "meeting"
    # A board's meetings in date order: its schedule, its next and its last meeting.
    __table_args__ = (Index("ix_meeting_board_starts_at", "board_id", "starts_at"),)

    board_id: Mapped[int] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    # The occurrence's original start in its series: the invite's RECURRENCE-ID when moved.
    series_start: Mapped[datetime | None] = mapped_column(DateTime)
    venue: Mapped[str] = mapped_column(String(300), default="")
    online_link: Mapped[str] = mapped_column(String(1000), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        str_enum(MeetingStatus), default=MeetingStatus.SCHEDULED, index=True
    )
    uid: Mapped[str] = mapped_column(String(200), unique=True)  # never changes: the invite UID
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # raised on each time/place change
    circulated_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[time | None] = mapped_column(Time)  # "The meeting closed at 16:05"
    minutes_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    minutes_approved_on: Mapped[date | None] = mapped_column(Date)
    # Who holds the live-minutes pen, so a second desk opens them read-only.
    minutes_editor: Mapped[str] = mapped_column(String(200), default="")
    minutes_editor_seen: Mapped[datetime | None] = mapped_column(DateTime)

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

    __tablename__ = "meeting_event"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="events")


class Attendance(Entity, Base):
    """One line of the register; a deputy attending for a member is recorded on the member."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(str_enum(AttendanceStatus))
    deputy_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    capacity: Mapped[str] = mapped_column(String(300), default="")  # e.g. "Chair"
    arrived_at: Mapped[time | None] = mapped_column(Time)
    left_at: Mapped[time | None] = mapped_column(Time)

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    deputy: Mapped[Person | None] = relationship(foreign_keys=[deputy_id])


class AgendaItem(Entity, Base):
    """An agenda line; sub-items (3.1) point at their parent. Numbers are derived, not stored."""

    __tablename__ = "agenda_item"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    purpose: Mapped[Purpose] = mapped_column(str_enum(Purpose), default=Purpose.INFORMATION)
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    presenter_text: Mapped[str] = mapped_column(String(300), default="")
    minutes_allotted: Mapped[int] = mapped_column(Integer, default=10)
    description: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    standing: Mapped[StandingKind | None] = mapped_column(str_enum(StandingKind))

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

    __tablename__ = "paper"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    mime_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")

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

    __tablename__ = "paper_content"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    attached_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Declaration(Entity, Base):
    """A declaration of interest made at a meeting, against an item where it applies."""

    __tablename__ = "declaration"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    interest: Mapped[str] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship(back_populates="declarations")
    person: Mapped[Person] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()


class Minute(Entity, Base):
    """The clerk's notes on one agenda item; autosaved as they are typed."""

    __tablename__ = "minute"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), unique=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="minute")


class ItemVisit(Entity, Base):
    """A stretch of the meeting spent on one agenda item, as the live view's clock counts it.

    It begins when the clerk makes the item current and runs until they move on; the live
    view's heartbeat moves ``left_at`` forward meanwhile, so after a crash an item's clock
    has lost at most one heartbeat. An item's elapsed time is the sum of its visits.
    """

    __tablename__ = "item_visit"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC, as utcnow()
    left_at: Mapped[datetime] = mapped_column(DateTime)


class Resolution(Entity, Base):
    """ "It was resolved that …": one numbered resolution under an item."""

    __tablename__ = "resolution"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="resolutions")
