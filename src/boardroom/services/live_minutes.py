"""What the live-minutes window shows of one item, whom it offers as owners, and the
action log it reviews.

The window holds plain snapshots built here rather than ORM rows, so a long afternoon of
minuting never keeps a session (or a stale object) open between keystrokes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from boardroom.dates import format_date
from boardroom.errors import NotFoundError
from boardroom.services.actions import create_action, edit_action, review_action
from boardroom.services.agenda import actions_for_review
from boardroom.services.attendance import STATUS_LABELS
from boardroom.services.meetings import get_meeting
from boardroom.services.minutes import ensure_editable, previous_meeting
from boardroom.services.overdue import is_overdue
from boardroom.services.people import current_memberships, post_of
from boardroom.services.plans import plan_choices
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Purpose,
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
    owner_id: int | None = None
    version: int = 0


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
    purpose: Purpose  # named by the window in the user's language
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
        purpose=item.purpose,
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
                owner_id=a.owner_id,
                version=a.version,
            )
            for a in actions
        ),
        declarations=tuple(
            DeclarationLine(d.id, d.person.display_name, d.interest) for d in declarations
        ),
    )


def minute_action(
    session: Session,
    agenda_item_id: int,
    description: str,
    *,
    owner_id: int | None,
    due_date: date | None,
    plan_item_ids: Sequence[int],
    action_id: int | None = None,
    expected_version: int | None = None,
) -> ActionPoint:
    """Record an action agreed under an item — or, given ``action_id``, correct one — as
    part of the minutes, so refused once they are approved and locked."""
    item = session.get(AgendaItem, agenda_item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    meeting = item.meeting
    ensure_editable(meeting)
    if action_id is not None:
        return edit_action(
            session,
            action_id,
            description,
            owner_id=owner_id,
            due_date=due_date,
            plan_item_ids=plan_item_ids,
            expected_version=expected_version,
        )
    return create_action(
        session,
        meeting.board_id,
        description,
        owner_id=owner_id,
        due_date=due_date,
        origin_meeting_id=meeting.id,
        origin_item_id=item.id,
        plan_item_ids=plan_item_ids,
    )


def owner_choices(session: Session, meeting_id: int) -> list[Choice]:
    """Members, officers and named deputies on the meeting day, then anyone on its register:
    someone added is labelled with the capacity typed for them, else their post, else how
    they came ("Guest")."""
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
        detail = (
            record.capacity
            or post_of(person.job_title, person.organisation)
            or STATUS_LABELS[record.status]
        )
        label = f"{person.display_name} — {detail}"
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


@dataclass(frozen=True)
class ReviewLine:
    """An action the action log item brings forward, and what this meeting said about it."""

    action_id: int
    reference: str
    description: str
    owner: str
    due: date | None
    status: ActionStatus
    overdue: bool  # on the meeting day, in the board's working days
    reviewed: bool
    note: str  # what was said at this meeting (several looks at it, joined)
    status_set: ActionStatus | None  # the status the meeting moved it to, if it did


def actions_to_review(session: Session, meeting_id: int) -> list[ReviewLine]:
    """Every action still open that was agreed before this meeting — what its action log
    item brings forward — and any reviewed at this meeting since (closed there, perhaps),
    in reference order."""
    meeting = get_meeting(session, meeting_id)
    reviews = _reviews_at(session, meeting)
    actions = {action.id: action for action in actions_for_review(session, meeting)}
    for updates in reviews.values():
        actions.setdefault(updates[0].action_id, updates[0].action)
    return _review_lines(meeting, actions.values(), reviews)


def actions_reviewed(session: Session, meeting: Meeting) -> list[ReviewLine]:
    """Only the actions this meeting reviewed, one line each however often it came back to
    one: what its minutes record, without reading the board's whole open log."""
    reviews = _reviews_at(session, meeting)
    return _review_lines(meeting, [updates[0].action for updates in reviews.values()], reviews)


def _reviews_at(session: Session, meeting: Meeting) -> dict[int, list[ActionUpdate]]:
    """The updates minuted at the meeting, by action, in the order they were made."""
    reviews: dict[int, list[ActionUpdate]] = {}
    for update in session.scalars(
        select(ActionUpdate)
        .where(ActionUpdate.meeting_id == meeting.id)
        .options(selectinload(ActionUpdate.action).selectinload(ActionPoint.owner))
        .order_by(ActionUpdate.created_at, ActionUpdate.id)
    ):
        reviews.setdefault(update.action_id, []).append(update)
    return reviews


def _review_lines(
    meeting: Meeting, actions: Iterable[ActionPoint], reviews: dict[int, list[ActionUpdate]]
) -> list[ReviewLine]:
    day, region = meeting.starts_at.date(), meeting.board.holiday_region
    lines = []
    for action in sorted(actions, key=lambda a: (a.year, a.sequence)):
        updates = reviews.get(action.id, [])
        moved = [u.status_to for u in updates if u.status_to is not None]
        lines.append(
            ReviewLine(
                action_id=action.id,
                reference=action.reference,
                description=action.description,
                owner=action.owner.display_name if action.owner else "",
                due=action.due_date,
                status=action.status,
                overdue=is_overdue(action.status, action.due_date, day, region),
                reviewed=bool(updates),
                note=" ".join(u.text for u in updates if u.text),
                status_set=moved[-1] if moved else None,
            )
        )
    return lines


def record_review(
    session: Session,
    meeting_id: int,
    action_id: int,
    note: str,
    new_status: ActionStatus | None = None,
) -> ActionUpdate:
    """Minute that the meeting reviewed an action, with what was said and any new status.

    Part of this meeting's minutes, so refused once they are approved and locked; looking
    at the same action again adds to what was said rather than rewriting its history.
    """
    ensure_editable(get_meeting(session, meeting_id))
    return review_action(session, action_id, meeting_id, note, new_status)
