"""Improvement plans: reading target text the way a plan writes it, the plan as a tree with
RAG roll-ups per recommendation, and editing items and their dated progress ratings."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, ConflictError, NotFoundError
from boardroom.services.action_rows import section_labels
from boardroom.services.overdue import OUTSTANDING
from boardroom.storage.models import (
    ActionPoint,
    Plan,
    PlanItem,
    PlanItemUpdate,
    PlanSection,
    Rag,
    action_plan_item,
)
from boardroom.storage.tables import utcnow

_MONTH_YEAR = re.compile(r"^(?:end of\s+)?([A-Za-z]+)\.?\s+(\d{4})$", re.IGNORECASE)

# The item fields a clerk may edit in place, with how each is labelled in messages.
EDITABLE_FIELDS = {
    "activity": "planned activity",
    "desired_outcome": "desired outcome",
    "target_text": "target date",
    "lead": "lead",
    "measure": "measure",
}


def parse_target(text: str) -> date | None:
    """The date a plan's "Target Date" text means, or None when it is not a date.

    "March 2020" is due by the end of March; "Ongoing" or "2020/21" stay as text only,
    because inventing a date for them would make items falsely overdue.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    match = _MONTH_YEAR.match(cleaned)
    if match:
        month_name, year = match.groups()
        if int(year) < date.min.year:
            return None  # "March 0000" names no day in the calendar
        for number in range(1, 13):
            if calendar.month_name[number].lower().startswith(month_name.lower()[:3]):
                last = calendar.monthrange(int(year), number)[1]
                return date(int(year), number, last)
        return None
    if not re.search(r"\d{1,2}\D+\d{1,2}\D+\d{2,4}|\d{1,2}\s+[A-Za-z]+\s+\d{4}", cleaned):
        return None
    from dateutil import parser as date_parser  # deferred: start-up skips it

    try:
        return date_parser.parse(cleaned, dayfirst=True).date()
    except (ValueError, OverflowError):
        return None


def is_item_overdue(target: date | None, rag: Rag, as_of: date) -> bool:
    """A plan item is behind when its target date has passed and it is not rated green."""
    return target is not None and target < as_of and rag != Rag.GREEN


@dataclass(frozen=True)
class ItemNode:
    """One planned activity as the plan tree shows it."""

    id: int
    number: str
    activity: str
    desired_outcome: str
    target_text: str
    target_date: date | None
    lead: str
    measure: str
    rag: Rag
    version: int
    open_actions: int
    overdue: bool


@dataclass(frozen=True)
class RagRollup:
    """How a recommendation's activities stand, counted by rating."""

    red: int = 0
    amber: int = 0
    green: int = 0
    not_rated: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.red + self.amber + self.green + self.not_rated


def rag_rollup(items: Iterable[ItemNode]) -> RagRollup:
    items = list(items)
    ratings = Counter(item.rag for item in items)
    return RagRollup(
        red=ratings[Rag.RED],
        amber=ratings[Rag.AMBER],
        green=ratings[Rag.GREEN],
        not_rated=ratings[Rag.NOT_RATED],
        overdue=sum(item.overdue for item in items),
    )


@dataclass(frozen=True)
class SectionNode:
    """One recommendation with the outcome it aims at and its numbered activities."""

    id: int
    number: int
    recommendation: str
    outcome: str
    items: tuple[ItemNode, ...]

    @property
    def rollup(self) -> RagRollup:
        return rag_rollup(self.items)

    @property
    def label(self) -> str:
        headline = self.outcome or self.recommendation
        return f"{self.number}. {headline}" if headline else f"Recommendation {self.number}"


@dataclass(frozen=True)
class PlanTree:
    id: int
    title: str
    published: str
    sections: tuple[SectionNode, ...]

    @property
    def rollup(self) -> RagRollup:
        return rag_rollup(item for section in self.sections for item in section.items)


def plans_of_board(session: Session, board_id: int) -> list[tuple[int, str]]:
    """The board's plans as (id, title), oldest first."""
    return [
        (plan_id, title)
        for plan_id, title in session.execute(
            select(Plan.id, Plan.title).where(Plan.board_id == board_id).order_by(Plan.id)
        )
    ]


def load_plan_tree(session: Session, plan_id: int, as_of: date) -> PlanTree:
    """The whole plan in three queries: plan, items with their sections, open-action counts."""
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFoundError("That plan no longer exists.")
    open_counts = dict(
        session.execute(
            select(action_plan_item.c.plan_item_id, func.count())
            .join(ActionPoint, ActionPoint.id == action_plan_item.c.action_id)
            .join(PlanItem, PlanItem.id == action_plan_item.c.plan_item_id)
            .join(PlanSection, PlanSection.id == PlanItem.section_id)
            .where(PlanSection.plan_id == plan_id, ActionPoint.status.in_(OUTSTANDING))
            .group_by(action_plan_item.c.plan_item_id)
        ).all()
    )
    sections = list(
        session.scalars(
            select(PlanSection).where(PlanSection.plan_id == plan_id).order_by(PlanSection.number)
        )
    )
    items: dict[int, list[ItemNode]] = {section.id: [] for section in sections}
    for item in session.scalars(
        select(PlanItem)
        .join(PlanSection, PlanSection.id == PlanItem.section_id)
        .where(PlanSection.plan_id == plan_id)
        .order_by(PlanItem.position, PlanItem.id)
    ):
        items[item.section_id].append(_node(item, open_counts.get(item.id, 0), as_of))
    return PlanTree(
        id=plan.id,
        title=plan.title,
        published=plan.published,
        sections=tuple(
            SectionNode(
                id=section.id,
                number=section.number,
                recommendation=section.recommendation,
                outcome=section.outcome,
                items=tuple(items[section.id]),
            )
            for section in sections
        ),
    )


def _node(item: PlanItem, open_actions: int, as_of: date) -> ItemNode:
    return ItemNode(
        id=item.id,
        number=item.number,
        activity=item.activity,
        desired_outcome=item.desired_outcome,
        target_text=item.target_text,
        target_date=item.target_date,
        lead=item.lead,
        measure=item.measure,
        rag=item.rag,
        version=item.version,
        open_actions=open_actions,
        overdue=is_item_overdue(item.target_date, item.rag, as_of),
    )


def load_item_node(session: Session, item_id: int, as_of: date) -> ItemNode:
    """One item as the tree shows it, after an edit in place."""
    item = _get_item(session, item_id, None)
    open_actions = session.scalar(
        select(func.count())
        .select_from(action_plan_item)
        .join(ActionPoint, ActionPoint.id == action_plan_item.c.action_id)
        .where(action_plan_item.c.plan_item_id == item_id, ActionPoint.status.in_(OUTSTANDING))
    )
    return _node(item, open_actions or 0, as_of)


def _get_item(session: Session, item_id: int, expected_version: int | None) -> PlanItem:
    item = session.get(PlanItem, item_id)
    if item is None:
        raise NotFoundError("That plan item no longer exists.")
    if expected_version is not None and item.version != expected_version:
        raise ConflictError(
            f"Plan item {item.number} was changed at another desk since you opened it. "
            "Reload to see their changes."
        )
    return item


def update_item_field(
    session: Session,
    item_id: int,
    field: str,
    value: str,
    *,
    expected_version: int | None = None,
) -> PlanItem:
    """Edit one field of an item in place; a target keeps its text and gains a date when
    the text names one."""
    if field not in EDITABLE_FIELDS:
        raise BoardroomError(f"The {field.replace('_', ' ')} of a plan item cannot be edited.")
    item = _get_item(session, item_id, expected_version)
    value = value.strip()
    if field == "activity" and not value:
        raise BoardroomError(f"Plan item {item.number} needs a planned activity.")
    setattr(item, field, value)
    if field == "target_text":
        item.target_date = parse_target(value)
    session.flush()
    return item


def record_progress(
    session: Session,
    item_id: int,
    rag: Rag,
    note: str,
    *,
    on_date: date | None = None,
    expected_version: int | None = None,
) -> PlanItemUpdate:
    """Rate an item and say why: the rating becomes current and joins the dated history."""
    item = _get_item(session, item_id, expected_version)
    update = PlanItemUpdate(on_date=on_date or date.today(), rag=rag, note=note.strip())
    item.updates.append(update)
    item.rag = rag
    item.updated_at = utcnow()
    session.flush()
    return update


def item_history(session: Session, item_id: int) -> list[PlanItemUpdate]:
    """An item's ratings and notes, newest first."""
    return list(
        session.scalars(
            select(PlanItemUpdate)
            .where(PlanItemUpdate.plan_item_id == item_id)
            .order_by(PlanItemUpdate.on_date.desc(), PlanItemUpdate.id.desc())
        )
    )


@dataclass(frozen=True)
class SectionChoice:
    """A section and its items as pickers list them: "2. Outcome" then "2.3 Activity"."""

    id: int
    label: str
    items: tuple[tuple[int, str, str], ...]  # (item id, number, activity)


def plan_choices(session: Session, board_id: int | None) -> list[SectionChoice]:
    """Every section and item of the board's plans (or all plans), in plan order."""
    labels = section_labels(session, board_id)
    items: dict[int, list[tuple[int, str, str]]] = {section_id: [] for section_id in labels}
    statement = select(PlanItem.id, PlanItem.number, PlanItem.activity, PlanItem.section_id)
    if board_id is not None:
        statement = (
            statement.join(PlanSection, PlanSection.id == PlanItem.section_id)
            .join(Plan, Plan.id == PlanSection.plan_id)
            .where(Plan.board_id == board_id)
        )
    for item_id, number, activity, section_id in session.execute(
        statement.order_by(PlanItem.position, PlanItem.id)
    ):
        items.setdefault(section_id, []).append((item_id, number, activity))
    return [
        SectionChoice(section_id, label, tuple(items[section_id]))
        for section_id, label in labels.items()
    ]
