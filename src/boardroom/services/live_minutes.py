"""What the live-minutes window shows of one item, and whom it offers as owners.

The window holds plain snapshots built here rather than ORM rows, so a long afternoon of
minuting never keeps a session (or a stale object) open between keystrokes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.dates import format_date
from boardroom.errors import NotFoundError
from boardroom.services.minutes import previous_meeting
from boardroom.services.people import current_memberships
from boardroom.services.plans import plan_choices
from boardroom.storage.models import (
    ActionPoint,
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    StandingKind,
)


@dataclass(frozen=True)
class ResolutionLine:
    id: int
    text: str
    version: int


@dataclass(frozen=True)
class ActionLine:
    id: int
    reference: str
    description: str
    owner: str
    due: date | None
    plan_numbers: tuple[str, ...]


@dataclass(frozen=True)
class DeclarationLine:
    id: int
    person: str
    interest: str


@dataclass(frozen=True)
class LiveItem:
    """One agenda item as the clerk minutes it."""

    id: int
    title: str
    presenter: str
    purpose: str
    minutes_allotted: int
    standing: StandingKind | None
    confidential: bool
    notes: str
    notes_version: int | None
    resolutions: tuple[ResolutionLine, ...]
    actions: tuple[ActionLine, ...]
    declarations: tuple[DeclarationLine, ...]


@dataclass(frozen=True)
class Choice:
    """Something a type-ahead offers: the id it stands for and the text it shows."""

    id: int
    label: str
    key: str  # what the clerk types to pick it: a name, or a plan item number


def load_item(session: Session, agenda_item_id: int) -> LiveItem:
    item = session.get(AgendaItem, agenda_item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    actions = session.scalars(
        select(ActionPoint).where(ActionPoint.origin_item_id == item.id).order_by(ActionPoint.id)
    )
    declarations = session.scalars(
        select(Declaration).where(Declaration.agenda_item_id == item.id).order_by(Declaration.id)
    )
    return LiveItem(
        id=item.id,
        title=item.title,
        presenter=item.presenter_name,
        purpose=item.purpose.label,
        minutes_allotted=item.minutes_allotted,
        standing=item.standing,
        confidential=item.confidential,
        notes=item.minute.notes if item.minute else "",
        notes_version=item.minute.version if item.minute else None,
        resolutions=tuple(ResolutionLine(r.id, r.text, r.version) for r in item.resolutions),
        actions=tuple(
            ActionLine(
                id=a.id,
                reference=a.reference,
                description=a.description,
                owner=a.owner.display_name if a.owner else "",
                due=a.due_date,
                plan_numbers=tuple(p.number for p in a.plan_items),
            )
            for a in actions
        ),
        declarations=tuple(
            DeclarationLine(d.id, d.person.display_name, d.interest) for d in declarations
        ),
    )


def owner_choices(session: Session, meeting_id: int) -> list[Choice]:
    """Members, officers and named deputies on the meeting day, then anyone on its register."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    choices: dict[int, Choice] = {}
    for seat in current_memberships(session, meeting.board_id, meeting.starts_at.date()):
        person = seat.person
        choices.setdefault(
            person.id, Choice(person.id, f"{person.display_name} — {seat.role.label}", person.name)
        )
        if seat.deputy is not None:
            deputy = seat.deputy
            label = f"{deputy.display_name} — deputy for {person.display_name}"
            choices.setdefault(deputy.id, Choice(deputy.id, label, deputy.name))
    for record in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id)):
        person = record.person
        label = f"{person.display_name} — {record.capacity or record.status.value}"
        choices.setdefault(person.id, Choice(person.id, label, person.name))
    return sorted(choices.values(), key=lambda choice: choice.label.casefold())


def plan_item_choices(session: Session, board_id: int) -> list[Choice]:
    """The board's plan items as "1.3 Activity", in plan order."""
    return [
        Choice(item_id, f"{number} {activity}", number)
        for section in plan_choices(session, board_id)
        for item_id, number, activity in section.items
    ]


def approval_offer(session: Session, meeting_id: int) -> tuple[int, str] | None:
    """The earlier meeting whose minutes this one can approve, and how to name it."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    previous = previous_meeting(session, meeting)
    return (previous.id, format_date(previous.starts_at)) if previous else None
