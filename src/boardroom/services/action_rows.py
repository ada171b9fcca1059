"""The compact rows the chair's views list, filter, count, group and export.

Rows are named tuples of plain values, loaded in three queries whatever the number of actions,
so a table of 30,000 actions stays instant; filters and groupings are plain functions over
them, shared by the Actions page, the dashboard and the exports. The dashboard's headline
counts are aggregated by the database instead (``action_counts``).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from datetime import date, datetime, time
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import ColumnElement, Connection, false, func, or_, select

from boardroom.errors import NotFoundError
from boardroom.names import display_name
from boardroom.services.overdue import (
    OUTSTANDING,
    due_soon_limit,
    due_soon_sql,
    overdue_cutoff,
    overdue_sql,
    quarter_start,
)
from boardroom.storage import tables
from boardroom.storage.enums import ActionStatus
from boardroom.storage.reader import Reader, connection_of

_actions = tables.action_point
_updates = tables.action_update
_items = tables.agenda_item


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
    search_text: str  # what the search box looks in, case-folded once at load

    @property
    def plan_numbers(self) -> str:
        return ", ".join(link.number for link in self.plan_links)


def search_text(reference: str, description: str, owner: str, links: Sequence[PlanLink]) -> str:
    """Reference, action, owner and plan numbers: the words a search matches."""
    numbers = ", ".join(link.number for link in links)
    return f"{reference} {description} {owner} {numbers}".casefold()


def raised_in_public() -> ColumnElement[bool]:
    """Not agreed under an exempt (Part 2) item or a sub-item of one, as a condition on
    actions for lists read in one query (``agenda.is_exempt`` says it of one item): the
    public action log keeps only these."""
    exempt = (
        select(_items.c.id)
        .where(_items.c.confidential.is_(True))
        .cte("exempt_item", recursive=True)
    )
    below = _items.alias()
    exempt = exempt.union_all(select(below.c.id).where(below.c.parent_id == exempt.c.id))
    return or_(
        _actions.c.origin_item_id.is_(None),
        _actions.c.origin_item_id.not_in(select(exempt.c.id)),
    )


def public_only(reader: Reader, rows: Sequence[ActionRow]) -> list[ActionRow]:
    """The rows a public action log may show: not those agreed under an exempt (Part 2)
    item or a sub-item of one — what ``export actions --public`` leaves out.

    The exempt actions of the rows' boards are read (a handful), not the rows' ids: a log
    of thirty thousand actions would not fit in one ``IN``."""
    boards = {row.board_id for row in rows}
    exempt = set(
        connection_of(reader).scalars(
            select(_actions.c.id).where(_actions.c.board_id.in_(boards), ~raised_in_public())
        )
    )
    return [row for row in rows if row.id not in exempt]


def load_action_rows(
    reader: Reader,
    *,
    board_id: int | None = None,
    as_of: date,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[ActionRow]:
    """Every action (of one board, or all) as rows, in three queries whatever the count.

    The last update and the last review are looked up per action through the index on
    (action, date): grouping every update of every board first would cost the same for one
    board's outstanding handful as for all 30,000 actions.
    """
    last_update = (
        select(func.max(_updates.c.on_date))
        .where(_updates.c.action_id == _actions.c.id)
        .scalar_subquery()
    )
    reviewed = tables.meeting.alias("reviewed")
    last_review = (
        select(func.max(reviewed.c.starts_at))
        .join(_updates, reviewed.c.id == _updates.c.meeting_id)
        .where(_updates.c.action_id == _actions.c.id)
        .scalar_subquery()
    )
    origin = tables.meeting.alias("origin")
    owner, board = tables.person, tables.board
    conditions = [*where]
    if board_id is not None:
        conditions.append(_actions.c.board_id == board_id)
    statement = (
        select(
            _actions.c.id,
            _actions.c.reference,
            _actions.c.description,
            _actions.c.owner_id,
            owner.c.title,
            owner.c.name,
            _actions.c.due_date,
            _actions.c.status,
            _actions.c.board_id,
            board.c.name,
            board.c.holiday_region,
            _actions.c.origin_meeting_id,
            origin.c.starts_at,
            _items.c.title,
            last_update,
            last_review,
            _actions.c.closed_at,
            _actions.c.version,
        )
        .join(board, board.c.id == _actions.c.board_id)
        .outerjoin(owner, owner.c.id == _actions.c.owner_id)
        .outerjoin(origin, origin.c.id == _actions.c.origin_meeting_id)
        .outerjoin(_items, _items.c.id == _actions.c.origin_item_id)
        .where(*conditions)
        .order_by(_actions.c.year.desc(), _actions.c.sequence.desc(), _actions.c.id)
    )
    connection = connection_of(reader)
    links = _plan_links(connection, conditions)
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
        board_of,
        board_name,
        region,
        origin_id,
        origin_at,
        item_title,
        last_on,
        reviewed_at,
        closed_at,
        version,
    ) in connection.execute(statement).all():
        outstanding = status in OUTSTANDING and due is not None
        if region not in limits:
            limits[region] = (overdue_cutoff(as_of, region), due_soon_limit(as_of, region))
        cutoff, soon = limits[region]
        owner_name = display_name(title, name) if name else ""
        plan_links = links.get(action_id, ())
        rows.append(make((
            action_id, reference, description, owner_id, owner_name,
            due, status, board_of, board_name, origin_id,
            origin_at.date() if origin_at else None,
            item_title or "",
            plan_links,
            last_on,
            reviewed_at.date() if reviewed_at else None,
            closed_at,
            outstanding and due <= cutoff,
            outstanding and cutoff < due <= soon,
            version,
            search_text(reference, description, owner_name, plan_links),
        )))  # fmt: skip
    return rows


def _plan_links(
    connection: Connection, conditions: Sequence[ColumnElement[bool]]
) -> dict[int, tuple[PlanLink, ...]]:
    """The plan items of each action; one shared PlanLink per item keeps 45,000 links cheap."""
    plan_item, links_table = tables.plan_item, tables.action_plan_item
    items = {
        item_id: PlanLink(item_id, number, section_id)
        for item_id, number, section_id in connection.execute(
            select(plan_item.c.id, plan_item.c.number, plan_item.c.section_id).order_by(
                plan_item.c.section_id, plan_item.c.position, plan_item.c.id
            )
        ).all()
    }
    order = {item_id: position for position, item_id in enumerate(items)}
    statement = select(links_table.c.action_id, links_table.c.plan_item_id)
    if conditions:
        statement = statement.join(_actions, _actions.c.id == links_table.c.action_id).where(
            *conditions
        )
    links: dict[int, list[PlanLink]] = {}
    for action_id, item_id in connection.execute(statement).all():
        links.setdefault(action_id, []).append(items[item_id])
    return {
        action_id: tuple(sorted(found, key=lambda link: order[link.item_id]))
        for action_id, found in links.items()
    }


def load_action_row(reader: Reader, action_id: int, as_of: date) -> ActionRow:
    rows = load_action_rows(reader, as_of=as_of, where=[_actions.c.id == action_id])
    if not rows:
        raise NotFoundError("That action point no longer exists.")
    return rows[0]


class ActionFilter(NamedTuple):
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

    def positions(self, rows: Sequence[ActionRow]) -> list[int]:
        """Where the rows that pass stand in ``rows``, in order.

        The rows are narrowed one condition at a time by plain comprehensions, each over what
        the last one kept: over 30,000 actions that takes a few milliseconds, where testing
        every condition row by row took a hundred — too slow for a search box.
        """
        keep: Sequence[int] = range(len(rows))
        if self.board_id is not None:
            keep = [i for i in keep if rows[i].board_id == self.board_id]
        if self.statuses:
            keep = [i for i in keep if rows[i].status in self.statuses]
        if self.owner_id is not None:
            keep = [i for i in keep if rows[i].owner_id == self.owner_id]
        if self.overdue_only:
            keep = [i for i in keep if rows[i].overdue]
        if (before := self.due_before) is not None:
            keep = [i for i in keep if (due := rows[i].due_date) is not None and due < before]
        if (section := self.section_id) is not None:
            keep = [i for i in keep if any(p.section_id == section for p in rows[i].plan_links)]
        if (item := self.plan_item_id) is not None:
            keep = [i for i in keep if any(p.item_id == item for p in rows[i].plan_links)]
        if (meeting := self.origin_meeting_id) is not None:
            keep = [i for i in keep if rows[i].origin_meeting_id == meeting]
        if (since := self.changed_since) is not None:
            keep = [i for i in keep if moved_since(rows[i], since)]
        for word in self.text.casefold().split():
            keep = [i for i in keep if word in rows[i].search_text]
        return list(keep)


def moved_since(row: ActionRow, since: date | None) -> bool:
    """Whether the action was updated after ``since`` (the last meeting): what moved."""
    return since is not None and row.last_update_on is not None and row.last_update_on > since


def filter_rows(rows: Iterable[ActionRow], action_filter: ActionFilter) -> list[ActionRow]:
    listed = rows if isinstance(rows, Sequence) else list(rows)
    return [listed[i] for i in action_filter.positions(listed)]


class ActionCounts(NamedTuple):
    """The numbers at the top of the chair's screen."""

    open: int = 0  # open or in progress
    overdue: int = 0
    due_soon: int = 0
    closed_this_quarter: int = 0
    moved_since: int = 0  # with a progress note since the last meeting


def summarise(rows: Iterable[ActionRow], as_of: date, since: date | None = None) -> ActionCounts:
    """Counts over rows already loaded (the Actions page after its filters), a column at a
    time so that the counts line keeps up with typing over 30,000 actions."""
    listed = rows if isinstance(rows, Sequence) else list(rows)
    quarter = datetime.combine(quarter_start(as_of), time.min)
    day_end = datetime.combine(as_of, time.max)
    closed = [at for at in map(attrgetter("closed_at"), listed) if at is not None]
    updated = [on for on in map(attrgetter("last_update_on"), listed) if on is not None]
    return ActionCounts(
        open=sum(map(OUTSTANDING.__contains__, map(attrgetter("status"), listed))),
        overdue=sum(map(attrgetter("overdue"), listed)),
        due_soon=sum(map(attrgetter("due_soon"), listed)),
        closed_this_quarter=sum(quarter <= at <= day_end for at in closed),
        moved_since=sum(on > since for on in updated) if since is not None else 0,
    )


def action_counts(
    reader: Reader, *, board_id: int | None, as_of: date, since: date | None = None
) -> ActionCounts:
    """The same counts, aggregated by the database in one statement."""
    quarter = datetime.combine(quarter_start(as_of), time.min)
    day_end = datetime.combine(as_of, time.max)
    moved = select(_updates.c.action_id).where(_updates.c.on_date > since) if since else None
    statement = select(
        func.count().filter(_actions.c.status.in_(OUTSTANDING)),
        func.count().filter(overdue_sql(as_of)),
        func.count().filter(due_soon_sql(as_of)),
        func.count().filter(_actions.c.closed_at.between(quarter, day_end)),
        func.count().filter(_actions.c.id.in_(moved) if moved is not None else false()),
    ).join(tables.board, tables.board.c.id == _actions.c.board_id)
    if board_id is not None:
        statement = statement.where(_actions.c.board_id == board_id)
    values = connection_of(reader).execute(statement).one()
    return ActionCounts(*(int(value or 0) for value in values))


class GroupTotals(NamedTuple):
    """One line of a grouping: an owner or a plan section and how its actions stand.

    ``key`` is the owner's or the section's id, None for the actions with no owner (or not
    linked to the plan); ``name`` is the owner's name or the section's label, empty for
    those and for a section whose label was not given. Whoever shows the line words the
    empty ones in their reader's language: the window through its translator
    (``boardroom.ui.labels.group_name``), the exports in English (``action_export``)."""

    key: int | None
    name: str
    total: int
    open: int
    overdue: int
    due_soon: int
    moved: int = 0  # updated since the last meeting


def section_labels(reader: Reader, board_id: int | None = None) -> dict[int, str]:
    """Every plan section's label by id, in plan order: the headings of "by plan section"."""
    section, plan = tables.plan_section, tables.plan
    statement = (
        select(section.c.id, section.c.number, section.c.outcome, plan.c.title)
        .join(plan, plan.c.id == section.c.plan_id)
        .order_by(plan.c.id, section.c.number)
    )
    if board_id is not None:
        statement = statement.where(plan.c.board_id == board_id)
    return {
        section_id: f"{number}. {outcome}" if outcome else f"{title} – recommendation {number}"
        for section_id, number, outcome, title in connection_of(reader).execute(statement)
    }


def group_rows(
    rows: Iterable[ActionRow],
    by: str,
    section_labels: dict[int, str] | None = None,
    moved: Container[int] = (),
) -> list[GroupTotals]:
    """Totals by ``owner`` or by plan ``section``; an action serving two sections counts in
    both, because the chair asks "what is outstanding under this priority". ``moved`` holds
    the ids of the actions updated since the last meeting. Sections come in plan order,
    owners by name, and the actions with no owner or no plan link last."""
    known = section_labels or {}
    buckets: dict[int | None, list[ActionRow]] = {}
    names: dict[int | None, str] = {}
    for row in rows:
        if by == "owner":
            keys: list[int | None] = [row.owner_id]
            names[row.owner_id] = row.owner
        elif by == "section":
            keys = list(dict.fromkeys(link.section_id for link in row.plan_links)) or [None]
        else:
            raise ValueError(f"cannot group by {by!r}")
        for key in keys:
            buckets.setdefault(key, []).append(row)
    if by == "section":
        names = {key: known.get(key, "") for key in buckets if key is not None}
    totals = [
        GroupTotals(
            key=key,
            name=names.get(key, ""),
            total=len(members),
            open=sum(row.status in OUTSTANDING for row in members),
            overdue=sum(row.overdue for row in members),
            due_soon=sum(row.due_soon for row in members),
            moved=sum(row.id in moved for row in members),
        )
        for key, members in buckets.items()
    ]
    order = {key: index for index, key in enumerate(known)}
    last = len(order)  # a section without a label after those with one
    return sorted(
        totals,
        key=lambda group: (group.key is None, order.get(group.key, last), group.name.casefold()),
    )
