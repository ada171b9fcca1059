"""Action points: references that read like the board's own (IB-2016-03), and their
progress history — notes, status changes and reviews at meetings — recorded one update at a
time so the chair can see what moved since the last meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased, joinedload

from boardroom.errors import BoardroomError, ConflictError, NotFoundError
from boardroom.names import display_name
from boardroom.services.action_rows import ActionRow, load_action_rows
from boardroom.services.overdue import OUTSTANDING
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    Board,
    Meeting,
    MeetingStatus,
    Person,
    PlanItem,
)
from boardroom.storage.tables import utcnow


def next_reference(session: Session, board: Board, year: int) -> tuple[str, int]:
    """The next board-year-sequence reference and its sequence number."""
    highest = session.scalar(
        select(func.max(ActionPoint.sequence)).where(
            ActionPoint.board_id == board.id, ActionPoint.year == year
        )
    )
    sequence = (highest or 0) + 1
    code = board.code or "".join(word[0] for word in board.name.split()).upper()
    return f"{code}-{year}-{sequence:02d}", sequence


def get_action(session: Session, action_id: int) -> ActionPoint:
    action = session.get(ActionPoint, action_id)
    if action is None:
        raise NotFoundError("That action point no longer exists.")
    return action


def _description(text: str) -> str:
    description = " ".join(text.split())
    if not description:
        raise BoardroomError("An action point needs a description of what is to be done.")
    return description


def _check_owner(session: Session, owner_id: int | None) -> None:
    if owner_id is not None and session.get(Person, owner_id) is None:
        raise NotFoundError("The owner chosen for this action no longer exists.")


def create_action(
    session: Session,
    board_id: int,
    description: str,
    *,
    owner_id: int | None,
    due_date: date | None,
    origin_meeting_id: int | None = None,
    origin_item_id: int | None = None,
    plan_item_ids: Sequence[int] = (),
    year: int | None = None,
) -> ActionPoint:
    """A new action with the board's next reference for the year it was agreed."""
    description = _description(description)
    board = session.get(Board, board_id)
    if board is None:
        raise NotFoundError("That board no longer exists.")
    _check_owner(session, owner_id)
    origin = session.get(Meeting, origin_meeting_id) if origin_meeting_id else None
    year = year or (origin.starts_at.year if origin else date.today().year)
    reference, sequence = next_reference(session, board, year)
    action = ActionPoint(
        board_id=board.id,
        reference=reference,
        year=year,
        sequence=sequence,
        description=description,
        owner_id=owner_id,
        due_date=due_date,
        origin_meeting_id=origin_meeting_id,
        origin_item_id=origin_item_id,
        plan_items=_plan_items(session, plan_item_ids),
    )
    session.add(action)
    session.flush()
    return action


def _plan_items(session: Session, ids: Sequence[int]) -> list[PlanItem]:
    items = list(session.scalars(select(PlanItem).where(PlanItem.id.in_(ids)))) if ids else []
    if len(items) != len(set(ids)):
        raise NotFoundError("One of the plan items chosen for this action no longer exists.")
    return items


def edit_action(
    session: Session,
    action_id: int,
    description: str,
    *,
    owner_id: int | None,
    due_date: date | None,
    plan_item_ids: Sequence[int],
    expected_version: int | None = None,
) -> ActionPoint:
    """Change what an action says, who owns it, when it is due and which plan items it serves;
    the reference and the history stay."""
    action = get_action(session, action_id)
    if expected_version is not None and action.version != expected_version:
        raise ConflictError(
            f"Action {action.reference} was changed at another desk since you opened it. "
            "Reload to see their changes."
        )
    action.description = _description(description)
    _check_owner(session, owner_id)
    action.owner_id = owner_id
    action.due_date = due_date
    action.plan_items = _plan_items(session, plan_item_ids)
    action.updated_at = utcnow()
    session.flush()
    return action


def owner_choices(session: Session) -> list[tuple[int, str]]:
    """Everyone who can own an action, as (id, name) in name order."""
    return [
        (person_id, display_name(title, name))
        for person_id, title, name in session.execute(
            select(Person.id, Person.title, Person.name).order_by(Person.name)
        )
    ]


def set_plan_items(session: Session, action_id: int, plan_item_ids: Sequence[int]) -> None:
    """Replace the plan items an action serves."""
    get_action(session, action_id).plan_items = _plan_items(session, plan_item_ids)
    session.flush()


def add_update(
    session: Session,
    action_id: int,
    text: str,
    *,
    new_status: ActionStatus | None = None,
    on_date: date | None = None,
    meeting_id: int | None = None,
    expected_version: int | None = None,
) -> ActionUpdate:
    """Record progress: a dated note, a status change, or both, in the action's history."""
    action = get_action(session, action_id)
    if expected_version is not None and action.version != expected_version:
        raise ConflictError(
            f"Action {action.reference} was changed at another desk since you opened it. "
            "Reload to see their changes."
        )
    text = text.strip()
    changes = new_status is not None and new_status != action.status
    if not text and not changes and meeting_id is None:
        raise BoardroomError("Write a progress note or choose a new status.")
    update = ActionUpdate(
        on_date=on_date or date.today(),
        text=text,
        status_from=action.status if changes else None,
        status_to=new_status if changes else None,
        meeting_id=meeting_id,
    )
    action.updates.append(update)
    if changes and new_status is not None:
        action.status = new_status
        action.closed_at = (
            datetime.combine(update.on_date, time(12)) if new_status.is_closed else None
        )
    action.updated_at = utcnow()  # bumps the version so other desks see the change
    session.flush()
    return update


def change_status(
    session: Session, action_id: int, status: ActionStatus, note: str = ""
) -> ActionUpdate:
    """Inline status edit from a table: recorded in the history like any other update."""
    return add_update(session, action_id, note, new_status=status)


def review_action(
    session: Session,
    action_id: int,
    meeting_id: int,
    note: str,
    new_status: ActionStatus | None = None,
) -> ActionUpdate:
    """Mark an action as reviewed at a meeting (the action log item), with the chair's note."""
    action = get_action(session, action_id)
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    if meeting.board_id != action.board_id:
        raise BoardroomError(
            f"Action {action.reference} belongs to another board and cannot be reviewed at "
            "this meeting."
        )
    return add_update(
        session,
        action_id,
        note,
        new_status=new_status,
        on_date=meeting.starts_at.date(),
        meeting_id=meeting_id,
    )


def open_actions_for_review(session: Session, board_id: int, as_of: date) -> list[ActionRow]:
    """What the agenda's action log item brings forward: every outstanding action agreed
    before ``as_of``, oldest due first."""
    origin = aliased(Meeting)
    agreed_before = select(origin.id).where(origin.starts_at < datetime.combine(as_of, time.min))
    rows = load_action_rows(
        session,
        board_id=board_id,
        as_of=as_of,
        where=[
            ActionPoint.status.in_(OUTSTANDING),
            or_(
                ActionPoint.origin_meeting_id.is_(None),
                ActionPoint.origin_meeting_id.in_(agreed_before),
            ),
        ],
    )
    return sorted(rows, key=lambda row: (row.due_date or date.max, row.reference))


def action_history(session: Session, action_id: int) -> list[ActionUpdate]:
    """The action's updates, newest first, with the meeting that reviewed each."""
    get_action(session, action_id)
    return list(
        session.scalars(
            select(ActionUpdate)
            .options(joinedload(ActionUpdate.meeting))
            .where(ActionUpdate.action_id == action_id)
            .order_by(ActionUpdate.on_date.desc(), ActionUpdate.created_at.desc())
        )
    )


def last_meetings_before(
    session: Session, as_of: date, board_id: int | None = None
) -> dict[int, date]:
    """Each board's last meeting held before ``as_of`` (cancelled ones do not count): the
    day "moved since the last meeting" is measured from, as the dashboard measures it."""
    statement = (
        select(Meeting.board_id, func.max(Meeting.starts_at))
        .where(
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.starts_at < datetime.combine(as_of, time.min),
        )
        .group_by(Meeting.board_id)
    )
    if board_id is not None:
        statement = statement.where(Meeting.board_id == board_id)
    return {board: starts_at.date() for board, starts_at in session.execute(statement)}


def review_meeting(session: Session, board_id: int, as_of: date) -> Meeting | None:
    """The meeting whose action log an action is reviewed under from the Actions page: the
    latest one that has started by ``as_of`` (today's, while it is being held)."""
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.board_id == board_id,
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.starts_at < datetime.combine(as_of, time.max),
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(1)
    )
