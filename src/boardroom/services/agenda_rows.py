"""The agenda as the editor shows it: numbered, timed rows with their papers, plain values.

The editor reloads this after every change, so it never holds ORM objects whose session has
closed, and numbers and start times always come from ``timetable`` — one source of truth.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from boardroom.names import display_name
from boardroom.services.agenda import ItemFields, review_lines, timetable
from boardroom.services.live_minutes import Choice
from boardroom.services.meetings import AGENDA_WITH_PAPERS, get_meeting
from boardroom.services.papers import format_size, kind_label
from boardroom.services.people import ROLE_RANK, post_of
from boardroom.storage import tables
from boardroom.storage.models import (
    AgendaItem,
    MeetingStatus,
    Membership,
    Purpose,
    StandingKind,
)
from boardroom.storage.reader import connection_of


@dataclass(frozen=True)
class PaperRow:
    paper_id: int
    filename: str
    kind: str  # "PDF", "Word" …
    size: int
    size_text: str  # "1.2 MB"
    sha256: str


@dataclass(frozen=True)
class AgendaRow:
    """One agenda item with everything the editor's tree and form show."""

    item_id: int
    parent_id: int | None
    number: str
    depth: int
    index: int  # among its siblings
    title: str
    purpose: Purpose
    presenter_id: int | None
    presenter_text: str
    presenter: str  # the person's name, or the free text
    minutes: int
    starts_at: datetime
    ends_at: datetime
    confidential: bool  # marked confidential: what the editor's box says
    exempt: bool  # confidential, or under a confidential item: Part 2
    standing: StandingKind | None
    description: str
    papers: tuple[PaperRow, ...]
    child_count: int

    @property
    def fields(self) -> ItemFields:
        return ItemFields(
            title=self.title,
            purpose=self.purpose,
            presenter_id=self.presenter_id,
            presenter_text=self.presenter_text,
            minutes=self.minutes,
            description=self.description,
            confidential=self.confidential,
        )


@dataclass(frozen=True)
class OpenAction:
    """An action the action log item lists for review."""

    reference: str
    description: str
    owner: str
    due: date | None


@dataclass(frozen=True)
class AgendaView:
    meeting_id: int
    starts_at: datetime
    ends_at: datetime
    planned_end: datetime
    overrun_minutes: int
    rows: list[AgendaRow]
    open_actions: list[OpenAction]
    cancelled: bool

    @property
    def allotted_minutes(self) -> int:
        return int((self.planned_end - self.starts_at).total_seconds() // 60)


def agenda_view(session: Session, meeting_id: int) -> AgendaView:
    meeting = get_meeting(session, meeting_id, *AGENDA_WITH_PAPERS)
    table = timetable(meeting)
    items = {item.id: item for item in meeting.agenda_items}
    child_counts = Counter(item.parent_id for item in meeting.agenda_items)
    rows = []
    places: dict[int | None, int] = {}  # lines come in agenda order: count places per parent
    for line in table.lines:
        item: AgendaItem = items[line.item_id]
        index = places[item.parent_id] = places.get(item.parent_id, -1) + 1
        rows.append(
            AgendaRow(
                item_id=item.id,
                parent_id=item.parent_id,
                number=line.number,
                depth=line.depth,
                index=index,
                title=item.title,
                purpose=item.purpose,
                presenter_id=item.presenter_id,
                presenter_text=item.presenter_text,
                presenter=line.presenter,
                minutes=line.minutes,
                starts_at=line.starts_at,
                ends_at=line.ends_at,
                confidential=item.confidential,
                exempt=line.confidential,
                standing=item.standing,
                description=item.description,
                papers=tuple(
                    PaperRow(p.id, p.filename, kind_label(p), p.size, format_size(p.size), p.sha256)
                    for p in sorted(item.papers, key=lambda p: p.id)
                ),
                child_count=child_counts[item.id],
            )
        )
    actions = [
        OpenAction(reference, description, owner, due)
        for reference, description, owner, due in review_lines(session, meeting)
    ]
    return AgendaView(
        meeting_id=meeting.id,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        planned_end=table.planned_end,
        overrun_minutes=table.overrun_minutes,
        rows=rows,
        open_actions=actions,
        cancelled=meeting.status is MeetingStatus.CANCELLED,
    )


def presenter_choices(session: Session, meeting_id: int) -> list[Choice]:
    """Everyone Boardroom knows, labelled with their seat on the meeting day if they hold one
    ("Julia Hassall — Officer in attendance"; of two seats, the first in the register's
    order), else their job; typed name picks them."""
    meeting = get_meeting(session, meeting_id)
    # Plain columns read through Core, not Person objects through the ORM (a council's ten
    # years hold hundreds of people), each with the seat held that day in the same statement.
    person, seat = tables.person, tables.membership
    held = and_(
        seat.c.person_id == person.c.id,
        seat.c.board_id == meeting.board_id,
        Membership.is_current(meeting.starts_at.date()),
    )
    people = select(
        person.c.id,
        person.c.title,
        person.c.name,
        person.c.job_title,
        person.c.organisation,
        seat.c.role,
    ).outerjoin(seat, held)
    rows = sorted(
        connection_of(session).execute(people).all(),  # fetched at once, not row by row
        key=lambda row: ROLE_RANK.get(row.role, len(ROLE_RANK)),  # no seat: after any seat
    )
    choices: dict[int, Choice] = {}
    for person_id, title, surname, job, organisation, role in rows:
        if person_id in choices:
            continue  # a second seat, after the first in the register's order
        detail = role.label if role else post_of(job, organisation)
        name = display_name(title, surname)
        choices[person_id] = Choice(person_id, f"{name} — {detail}" if detail else name, name)
    return sorted(choices.values(), key=lambda choice: choice.label.casefold())


def resolve_presenter(text: str, choices: list[Choice]) -> tuple[int | None, str]:
    """What the presenter box holds: a person (by label or exact name) or free text."""
    wanted = " ".join(text.split())
    folded = wanted.casefold()
    for choice in choices:
        if folded in (choice.label.casefold(), choice.key.casefold()):
            return choice.id, ""
    return None, wanted
