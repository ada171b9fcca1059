"""The database schema as plain SQLAlchemy Core tables, one per model.

The tables are Core, not ORM, so that the start-up path (the main window and the
Dashboard) can read the database without loading SQLAlchemy's ORM, which takes a
noticeable part of a cold start. The ORM models in ``storage.models`` map onto these
tables (declarative with an imperative ``__table__``), so the schema is written down once.

Each table is named here as in SQL, and its column keys are the models' attribute names,
so ``tables.action_point.c.due_date`` is the column behind ``ActionPoint.due_date``.

Constraint names follow a fixed convention so that Alembic's batch mode can rebuild SQLite
tables and drop constraints by name on both engines.
"""

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)

from boardroom.storage.enums import (
    ActionStatus,
    AttendanceStatus,
    MeetingStatus,
    Purpose,
    Rag,
    Role,
    StandingKind,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """Timestamps are stored as naive UTC so SQLite and PostgreSQL compare them alike."""
    return datetime.now(UTC).replace(tzinfo=None)


def str_enum(enum: type[StrEnum]) -> Enum:
    """Store an enum by its value (not its Python name), as plain VARCHAR on both engines."""
    return Enum(
        enum,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def _entity_columns() -> list[Column]:
    """Id plus the bookkeeping every edited row carries (the models' ``Entity``).

    ``version`` is SQLAlchemy's version counter: an UPDATE whose version no longer matches
    affects no row, which the services turn into a ConflictError instead of a silent
    overwrite. Fresh columns on every call, since a column belongs to one table.
    """
    return [
        Column("id", Integer, primary_key=True),
        Column("version", Integer, nullable=False, default=1),
        Column("created_at", DateTime, nullable=False, default=utcnow),
        Column("updated_at", DateTime, nullable=False, default=utcnow, onupdate=utcnow),
    ]


def _required_reference(name: str, table: str, ondelete: str = "CASCADE") -> Column:
    """A reference to a row of ``table`` that every row has, indexed: lists are read
    through it (a meeting's items, a board's members, a person's seats)."""
    return Column(name, ForeignKey(f"{table}.id", ondelete=ondelete), nullable=False, index=True)


# Boards, the people on them and their memberships.

board = Table(
    "board",
    metadata,
    Column("name", String(200), nullable=False, unique=True),
    Column("code", String(12), nullable=False, default=""),  # prefix of action references
    Column("description", Text, nullable=False, default=""),
    Column("quorum", Integer, nullable=False, default=1),
    Column("venue", String(300), nullable=False, default=""),
    Column("time_zone", String(64), nullable=False, default="Europe/London"),
    Column("holiday_region", String(12), nullable=False, default="GB-ENG"),
    Column("lead_days", Integer, nullable=False, default=5),
    *_entity_columns(),
)

person = Table(
    "person",
    metadata,
    Column("name", String(200), nullable=False, index=True),
    Column("title", String(40), nullable=False, default=""),  # honorific such as "Cllr"
    Column("job_title", String(300), nullable=False, default=""),
    Column("organisation", String(300), nullable=False, default=""),
    Column("email", String(320), nullable=False, default="", index=True),
    *_entity_columns(),
)

membership = Table(
    "membership",
    metadata,
    _required_reference("board_id", "board"),
    _required_reference("person_id", "person", ondelete="RESTRICT"),
    Column("role", str_enum(Role), nullable=False, default=Role.MEMBER),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("deputy_id", ForeignKey("person.id", ondelete="SET NULL")),
    *_entity_columns(),
    UniqueConstraint("board_id", "person_id", "role", "start_date"),
)

standing_item = Table(
    "standing_item",
    metadata,
    _required_reference("board_id", "board"),
    Column("position", Integer, nullable=False, default=0),
    Column("title", String(300), nullable=False),
    Column("purpose", str_enum(Purpose), nullable=False, default=Purpose.INFORMATION),
    Column("kind", str_enum(StandingKind)),
    Column("minutes_allotted", Integer, nullable=False, default=5),
    *_entity_columns(),
)


# Meetings and everything recorded at them: register, agenda, papers, minutes.

meeting_series = Table(
    "meeting_series",
    metadata,
    _required_reference("board_id", "board"),
    Column("title", String(300), nullable=False),
    Column("rrule", String(500), nullable=False),  # RFC 5545 RRULE value, e.g. FREQ=MONTHLY;…
    Column("first_start", DateTime, nullable=False),  # local time of the first meeting
    Column("duration_minutes", Integer, nullable=False, default=120),
    Column("venue", String(300), nullable=False, default=""),
    Column("online_link", String(1000), nullable=False, default=""),
    Column("uid", String(200), nullable=False, unique=True),
    Column("sequence", Integer, nullable=False, default=0),
    *_entity_columns(),
)

meeting = Table(
    "meeting",
    metadata,
    Column("board_id", ForeignKey("board.id", ondelete="CASCADE"), nullable=False),
    Column("series_id", ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True),
    Column("title", String(300), nullable=False),
    Column("starts_at", DateTime, nullable=False, index=True),
    Column("ends_at", DateTime, nullable=False),
    # The occurrence's original start in its series: the invite's RECURRENCE-ID when moved.
    Column("series_start", DateTime),
    Column("venue", String(300), nullable=False, default=""),
    Column("online_link", String(1000), nullable=False, default=""),
    Column(
        "status",
        str_enum(MeetingStatus),
        nullable=False,
        default=MeetingStatus.SCHEDULED,
        index=True,
    ),
    Column("uid", String(200), nullable=False, unique=True),  # never changes: the invite UID
    Column("sequence", Integer, nullable=False, default=0),  # raised on each time/place change
    Column("circulated_at", DateTime),
    Column("closed_at", Time),  # "The meeting closed at 16:05"
    Column("minutes_locked", Boolean, nullable=False, default=False),
    Column("minutes_approved_on", Date),
    # Who holds the live-minutes pen, so a second desk opens them read-only.
    Column("minutes_editor", String(200), nullable=False, default=""),
    Column("minutes_editor_seen", DateTime),
    *_entity_columns(),
    # A board's meetings in date order: its schedule, its next and its last meeting.
    Index("ix_meeting_board_starts_at", "board_id", "starts_at"),
)

meeting_event = Table(
    "meeting_event",
    metadata,
    _required_reference("meeting_id", "meeting"),
    Column("at", DateTime, nullable=False),
    Column("actor", String(200), nullable=False, default=""),
    Column("kind", String(40), nullable=False),
    Column("note", Text, nullable=False, default=""),
    *_entity_columns(),
)

attendance = Table(
    "attendance",
    metadata,
    _required_reference("meeting_id", "meeting"),
    _required_reference("person_id", "person", ondelete="RESTRICT"),
    Column("status", str_enum(AttendanceStatus), nullable=False),
    Column("deputy_id", ForeignKey("person.id", ondelete="RESTRICT")),
    Column("capacity", String(300), nullable=False, default=""),  # e.g. "Chair"
    Column("arrived_at", Time),
    Column("left_at", Time),
    *_entity_columns(),
    UniqueConstraint("meeting_id", "person_id"),
)

agenda_item = Table(
    "agenda_item",
    metadata,
    _required_reference("meeting_id", "meeting"),
    Column("parent_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True),
    Column("position", Integer, nullable=False, default=0),
    Column("title", String(500), nullable=False),
    Column("purpose", str_enum(Purpose), nullable=False, default=Purpose.INFORMATION),
    Column("presenter_id", ForeignKey("person.id", ondelete="SET NULL")),
    Column("presenter_text", String(300), nullable=False, default=""),
    Column("minutes_allotted", Integer, nullable=False, default=10),
    Column("description", Text, nullable=False, default=""),
    Column("confidential", Boolean, nullable=False, default=False),
    Column("standing", str_enum(StandingKind)),
    *_entity_columns(),
)

paper = Table(
    "paper",
    metadata,
    _required_reference("agenda_item_id", "agenda_item"),
    Column("filename", String(500), nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("mime_type", String(200), nullable=False, default="application/octet-stream"),
    *_entity_columns(),
)

# Not an entity: one row per content, keyed by its hash, never edited. No foreign key
# from paper.sha256 (see PaperContent); ``data`` is deferred by the model.
paper_content = Table(
    "paper_content",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("attached_at", DateTime, nullable=False, default=utcnow),
)

declaration = Table(
    "declaration",
    metadata,
    _required_reference("meeting_id", "meeting"),
    Column("agenda_item_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True),
    Column("person_id", ForeignKey("person.id", ondelete="RESTRICT"), nullable=False),
    Column("interest", Text, nullable=False),
    *_entity_columns(),
)

minute = Table(
    "minute",
    metadata,
    Column(
        "agenda_item_id",
        ForeignKey("agenda_item.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("notes", Text, nullable=False, default=""),
    *_entity_columns(),
)

item_visit = Table(
    "item_visit",
    metadata,
    _required_reference("agenda_item_id", "agenda_item"),
    Column("started_at", DateTime, nullable=False),  # naive UTC, as utcnow()
    Column("left_at", DateTime, nullable=False),
    *_entity_columns(),
)

resolution = Table(
    "resolution",
    metadata,
    _required_reference("agenda_item_id", "agenda_item"),
    Column("position", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    *_entity_columns(),
)


# Improvement plans: recommendations (sections) and their numbered activities (items).

plan = Table(
    "plan",
    metadata,
    _required_reference("board_id", "board"),
    Column("title", String(300), nullable=False),
    Column("published", String(100), nullable=False, default=""),  # as the plan says it
    *_entity_columns(),
)

plan_section = Table(
    "plan_section",
    metadata,
    _required_reference("plan_id", "plan"),
    Column("number", Integer, nullable=False),
    Column("recommendation", Text, nullable=False, default=""),
    Column("outcome", Text, nullable=False, default=""),
    *_entity_columns(),
    UniqueConstraint("plan_id", "number"),
)

plan_item = Table(
    "plan_item",
    metadata,
    _required_reference("section_id", "plan_section"),
    Column("number", String(20), nullable=False, index=True),
    Column("position", Integer, nullable=False, default=0),
    Column("activity", Text, nullable=False),
    Column("desired_outcome", Text, nullable=False, default=""),
    Column("target_text", String(200), nullable=False, default=""),
    Column("target_date", Date),
    Column("lead", String(500), nullable=False, default=""),
    Column("measure", Text, nullable=False, default=""),
    Column("rag", str_enum(Rag), nullable=False, default=Rag.NOT_RATED, index=True),
    *_entity_columns(),
    UniqueConstraint("section_id", "number"),
)

plan_item_update = Table(
    "plan_item_update",
    metadata,
    _required_reference("plan_item_id", "plan_item"),
    Column("on_date", Date, nullable=False),
    Column("rag", str_enum(Rag), nullable=False),
    Column("note", Text, nullable=False, default=""),
    *_entity_columns(),
)


# Action points, their history and their links to improvement-plan items.

action_point = Table(
    "action_point",
    metadata,
    Column("board_id", ForeignKey("board.id", ondelete="CASCADE"), nullable=False),
    Column("reference", String(40), nullable=False, unique=True),  # e.g. IB-2016-03
    Column("year", Integer, nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("description", Text, nullable=False),
    Column("owner_id", ForeignKey("person.id", ondelete="RESTRICT"), index=True),
    Column("due_date", Date, index=True),
    Column(
        "status",
        str_enum(ActionStatus),
        nullable=False,
        default=ActionStatus.OPEN,
        index=True,
    ),
    Column("origin_meeting_id", ForeignKey("meeting.id", ondelete="SET NULL"), index=True),
    Column("origin_item_id", ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True),
    Column("closed_at", DateTime),
    *_entity_columns(),
    # A board's outstanding actions (the Dashboard), and its next reference number.
    Index("ix_action_point_board_status", "board_id", "status"),
    Index("ix_action_point_board_year_sequence", "board_id", "year", "sequence"),
)

action_update = Table(
    "action_update",
    metadata,
    Column(
        "action_id",
        ForeignKey("action_point.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("on_date", Date, nullable=False),
    Column("text", Text, nullable=False, default=""),
    Column("status_from", str_enum(ActionStatus)),
    Column("status_to", str_enum(ActionStatus)),
    Column("meeting_id", ForeignKey("meeting.id", ondelete="SET NULL"), index=True),
    *_entity_columns(),
    # An action's last update, read for every row of the action tables; and what
    # moved since a day (the last meeting), counted on the Dashboard.
    Index("ix_action_update_action_on_date", "action_id", "on_date"),
    Index("ix_action_update_on_date_action", "on_date", "action_id"),
)

action_plan_item = Table(
    "action_plan_item",
    metadata,
    Column("action_id", ForeignKey("action_point.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "plan_item_id",
        ForeignKey("plan_item.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)
