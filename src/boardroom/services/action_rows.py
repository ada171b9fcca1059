"""The compact rows the chair's views list, filter, count, group and export.

Rows are named tuples of plain values, loaded in three queries whatever the number of actions,
so a table of 30,000 actions stays instant; filters and groupings are plain functions over
them, shared by the Actions page, the dashboard and the exports. The dashboard's headline
counts are aggregated by the database instead (``action_counts``).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import NamedTuple

from sqlalchemy import ColumnElement, false, func, select
from sqlalchemy.orm import Session, aliased

from boardroom.errors import NotFoundError
from boardroom.services.overdue import (
    OUTSTANDING,
    due_soon_limit,
    due_soon_sql,
    overdue_cutoff,
    overdue_sql,
    quarter_start,
)
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Board,
    Meeting,
    Person,
    PlanItem,
    action_plan_item,
)


class PlanLink(NamedTuple):
    item_id: int
    number: str  # "2.3"
    section_id: int


class ActionRow(NamedTuple):
    """One action as the tables show it: plain values only, cheap for 30,000 of them."""

    id: int
    reference: str
    description: str
    owner_id: int | None
    owner: str
    due_date: date | None
    status: ActionStatus
    board_id: int
    board: str
    origin_meeting_id: int | None
    origin_meeting_on: date | None
    origin_item: str
    plan_links: tuple[PlanLink, ...]
    last_update_on: date | None
    last_reviewed_on: date | None  # date of the last meeting that reviewed it
    closed_at: datetime | None
    overdue: bool
    due_soon: bool
    version: int

    @property
    def plan_numbers(self) -> str:
        return ", ".join(link.number for link in self.plan_links)


def load_action_rows(
    session: Session,
    *,
    board_id: int | None = None,
    as_of: date,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[ActionRow]:
    """Every action (of one board, or all) as rows, in three queries whatever the count."""
    last_update = (
        select(ActionUpdate.action_id, func.max(ActionUpdate.on_date).label("on"))
        .group_by(ActionUpdate.action_id)
        .subquery()
    )
    reviewed = aliased(Meeting)
    last_review = (
        select(ActionUpdate.action_id, func.max(reviewed.starts_at).label("at"))
        .join(reviewed, reviewed.id == ActionUpdate.meeting_id)
        .group_by(ActionUpdate.action_id)
        .subquery()
    )
    origin = aliased(Meeting)
    conditions = [*where]
    if board_id is not None:
        conditions.append(ActionPoint.board_id == board_id)
    statement = (
        select(
            ActionPoint.id,
            ActionPoint.reference,
            ActionPoint.description,
            ActionPoint.owner_id,
            Person.title,
            Person.name,
            ActionPoint.due_date,
            ActionPoint.status,
            ActionPoint.board_id,
            Board.name,
            Board.holiday_region,
            ActionPoint.origin_meeting_id,
            origin.starts_at,
            AgendaItem.title,
            last_update.c.on,
            last_review.c.at,
            ActionPoint.closed_at,
            ActionPoint.version,
        )
        .join(Board, Board.id == ActionPoint.board_id)
        .outerjoin(Person, Person.id == ActionPoint.owner_id)
        .outerjoin(origin, origin.id == ActionPoint.origin_meeting_id)
        .outerjoin(AgendaItem, AgendaItem.id == ActionPoint.origin_item_id)
        .outerjoin(last_update, last_update.c.action_id == ActionPoint.id)
        .outerjoin(last_review, last_review.c.action_id == ActionPoint.id)
        .where(*conditions)
        .order_by(ActionPoint.year.desc(), ActionPoint.sequence.desc(), ActionPoint.id)
    )
    links = _plan_links(session, conditions)
    # One cut-off pair per region, then plain comparisons: 30,000 rows stay well under a second.
    limits: dict[str, tuple[date, date]] = {}
    make = ActionRow._make
    rows = []
    for (
        action_id,
        reference,
        description,
        owner_id,
        title,
        name,
        due,
        status,
        board,
        board_name,
        region,
        origin_id,
        origin_at,
        item_title,
        last_on,
        reviewed_at,
        closed_at,
        version,
    ) in session.connection().execute(statement).all():  # Core rows: no ORM bookkeeping
        outstanding = status in OUTSTANDING and due is not None
        if region not in limits:
            limits[region] = (overdue_cutoff(as_of, region), due_soon_limit(as_of, region))
        cutoff, soon = limits[region]
        rows.append(make((
            action_id, reference, description, owner_id,
            f"{title} {name}".strip() if name else "",
            due, status, board, board_name, origin_id,
            origin_at.date() if origin_at else None,
            item_title or "",
            links.get(action_id, ()),
            last_on,
            reviewed_at.date() if reviewed_at else None,
            closed_at,
            outstanding and due <= cutoff,
            outstanding and cutoff < due <= soon,
            version,
        )))  # fmt: skip
    return rows


def _plan_links(
    session: Session, conditions: Sequence[ColumnElement[bool]]
) -> dict[int, tuple[PlanLink, ...]]:
    """The plan items of each action; one shared PlanLink per item keeps 45,000 links cheap."""
    connection = session.connection()
    items = {
        item_id: PlanLink(item_id, number, section_id)
        for item_id, number, section_id in connection.execute(
            select(PlanItem.id, PlanItem.number, PlanItem.section_id).order_by(
                PlanItem.section_id, PlanItem.position, PlanItem.id
            )
        ).all()
    }
    order = {item_id: position for position, item_id in enumerate(items)}
    statement = select(action_plan_item.c.action_id, action_plan_item.c.plan_item_id)
    if conditions:
        statement = statement.join(
            ActionPoint, ActionPoint.id == action_plan_item.c.action_id
        ).where(*conditions)
    links: dict[int, list[PlanLink]] = {}
    for action_id, item_id in connection.execute(statement).all():
        links.setdefault(action_id, []).append(items[item_id])
    return {
        action_id: tuple(sorted(found, key=lambda link: order[link.item_id]))
        for action_id, found in links.items()
    }


def load_action_row(session: Session, action_id: int, as_of: date) -> ActionRow:
    rows = load_action_rows(session, as_of=as_of, where=[ActionPoint.id == action_id])
    if not rows:
        raise NotFoundError("That action point no longer exists.")
    return rows[0]


@dataclass(frozen=True)
class ActionFilter:
    """What the chair narrows the list to; every field left empty means "any"."""

    statuses: frozenset[ActionStatus] = frozenset()
    owner_id: int | None = None
    overdue_only: bool = False
    due_before: date | None = None
    board_id: int | None = None
    section_id: int | None = None
    plan_item_id: int | None = None
    origin_meeting_id: int | None = None
    changed_since: date | None = None  # with a progress note after this day
    text: str = ""

    def matches(self, row: ActionRow) -> bool:
        if self.statuses and row.status not in self.statuses:
            return False
        if self.owner_id is not None and row.owner_id != self.owner_id:
            return False
        if self.overdue_only and not row.overdue:
            return False
        if self.due_before is not None and (
            row.due_date is None or row.due_date >= self.due_before
        ):
            return False
        if self.board_id is not None and row.board_id != self.board_id:
            return False
        if self.section_id is not None and all(
            link.section_id != self.section_id for link in row.plan_links
        ):
            return False
        if self.plan_item_id is not None and all(
            link.item_id != self.plan_item_id for link in row.plan_links
        ):
            return False
        if self.origin_meeting_id is not None and row.origin_meeting_id != self.origin_meeting_id:
            return False
        if self.changed_since is not None and not moved_since(row, self.changed_since):
            return False
        return not self.text or _matches_text(row, self.text)


def moved_since(row: ActionRow, since: date | None) -> bool:
    """Whether the action was updated after ``since`` (the last meeting): what moved."""
    return since is not None and row.last_update_on is not None and row.last_update_on > since


def _matches_text(row: ActionRow, text: str) -> bool:
    needle = text.casefold()
    haystack = f"{row.reference} {row.description} {row.owner} {row.plan_numbers}".casefold()
    return all(word in haystack for word in needle.split())


def filter_rows(rows: Iterable[ActionRow], action_filter: ActionFilter) -> list[ActionRow]:
    return [row for row in rows if action_filter.matches(row)]


@dataclass(frozen=True)
class ActionCounts:
    """The numbers at the top of the chair's screen."""

    open: int = 0  # open or in progress
    overdue: int = 0
    due_soon: int = 0
    closed_this_quarter: int = 0
    moved_since: int = 0  # with a progress note since the last meeting


def summarise(rows: Iterable[ActionRow], as_of: date, since: date | None = None) -> ActionCounts:
    """Counts over rows already loaded (the Actions page after its filters)."""
    quarter = quarter_start(as_of)
    open_ = overdue = soon = closed = moved = 0
    for row in rows:
        open_ += row.status in OUTSTANDING
        overdue += row.overdue
        soon += row.due_soon
        closed += row.closed_at is not None and quarter <= row.closed_at.date() <= as_of
        moved += moved_since(row, since)
    return ActionCounts(open_, overdue, soon, closed, moved)


def action_counts(
    session: Session, *, board_id: int | None, as_of: date, since: date | None = None
) -> ActionCounts:
    """The same counts, aggregated by the database in one statement."""
    quarter = datetime.combine(quarter_start(as_of), time.min)
    day_end = datetime.combine(as_of, time.max)
    moved = select(ActionUpdate.action_id).where(ActionUpdate.on_date > since) if since else None
    statement = select(
        func.count().filter(ActionPoint.status.in_(OUTSTANDING)),
        func.count().filter(overdue_sql(as_of)),
        func.count().filter(due_soon_sql(as_of)),
        func.count().filter(ActionPoint.closed_at.between(quarter, day_end)),
        func.count().filter(ActionPoint.id.in_(moved) if moved is not None else false()),
    ).join(Board, Board.id == ActionPoint.board_id)
    if board_id is not None:
        statement = statement.where(ActionPoint.board_id == board_id)
    values = session.execute(statement).one()
    return ActionCounts(*(int(value or 0) for value in values))


@dataclass(frozen=True)
class GroupTotals:
    """One line of a grouping: an owner or a plan section and how its actions stand."""

    key: int | None
    label: str
    total: int
    open: int
    overdue: int
    due_soon: int
    moved: int = 0  # updated since the last meeting


def group_rows(
    rows: Iterable[ActionRow],
    by: str,
    section_labels: dict[int, str] | None = None,
    moved: Container[int] = (),
) -> list[GroupTotals]:
    """Totals by ``owner`` or by plan ``section``; an action serving two sections counts in
    both, because the chair asks "what is outstanding under this priority". ``moved`` holds
    the ids of the actions updated since the last meeting."""
    known = section_labels or {}
    buckets: dict[int | None, list[ActionRow]] = {}
    labels: dict[int | None, str] = {}
    for row in rows:
        if by == "owner":
            keys: list[int | None] = [row.owner_id]
            labels[row.owner_id] = row.owner or "No owner"
        elif by == "section":
            keys = list(dict.fromkeys(link.section_id for link in row.plan_links)) or [None]
        else:
            raise ValueError(f"cannot group by {by!r}")
        for key in keys:
            buckets.setdefault(key, []).append(row)
    if by == "section":
        labels = {key: known.get(key, f"Section {key}") for key in buckets}
        labels[None] = "Not linked to the plan"
    totals = [
        GroupTotals(
            key=key,
            label=labels[key],
            total=len(members),
            open=sum(row.status in OUTSTANDING for row in members),
            overdue=sum(row.overdue for row in members),
            due_soon=sum(row.due_soon for row in members),
            moved=sum(row.id in moved for row in members),
        )
        for key, members in buckets.items()
    ]
    order = {key: index for index, key in enumerate(known)}
    return sorted(
        totals,
        key=lambda group: (group.key is None, order.get(group.key, 0), group.label.casefold()),
    )
