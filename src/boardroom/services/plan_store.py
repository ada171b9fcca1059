"""Storing an improvement plan read from a file: created the first time, then updated in
place, matching items by number, so that their RAG history and the actions linked to them
survive a newer version of the plan. ``preview_plan`` says what an import would change
before anything is stored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.plan_import import ParsedItem, ParsedPlan, ParsedSection
from boardroom.services.plans import parse_target
from boardroom.storage.models import Board, Plan, PlanItem, PlanSection


@dataclass(frozen=True)
class ImportOutcome:
    plan_id: int | None  # None in a preview of a plan not created yet
    plan_title: str
    created: bool
    new: tuple[str, ...]  # numbers of the items added
    changed: tuple[str, ...]  # numbers of the items the file changes
    unchanged: int
    not_in_file: tuple[str, ...]  # numbers of items kept although the file no longer has them

    @property
    def added(self) -> int:
        return len(self.new)

    @property
    def updated(self) -> int:
        return len(self.changed)

    def summary(self, *, done: bool = True) -> str:
        """What the import did, or (``done=False``) what it is about to do."""
        if done:
            verb = "Created" if self.created else "Updated"
            added, updated, kept = "added", "updated", "were kept"
        else:
            verb = "This creates" if self.created else "This updates"
            added, updated, kept = "to add", "to update", "are kept"
        text = (
            f"{verb} the plan “{self.plan_title}”: {_items(self.added)} {added}, "
            f"{self.updated} {updated}, {self.unchanged} unchanged."
        )
        if self.not_in_file:
            text += (
                f" {_items(len(self.not_in_file))} not in the file {kept}: "
                + ", ".join(self.not_in_file)
                + "."
            )
        return text


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def choose_plan(session: Session, board_id: int, title: str | None) -> Plan | None:
    """The plan an import updates: the one of that title, else the board's only plan."""
    if session.get(Board, board_id) is None:
        raise NotFoundError("That board no longer exists.")
    plans = list(session.scalars(select(Plan).where(Plan.board_id == board_id)))
    if title:
        return next((plan for plan in plans if plan.title == title), None)
    if len(plans) > 1:
        names = ", ".join(f"“{plan.title}”" for plan in plans)
        raise BoardroomError(
            f"This board has several plans ({names}); say which one the file updates."
        )
    return plans[0] if plans else None


def _item_values(spec: ParsedItem, position: int) -> dict[str, object]:
    """The stored fields of an item as the file gives them (its section apart)."""
    return {
        "position": position,
        "activity": spec.activity,
        "desired_outcome": spec.desired_outcome,
        "target_text": spec.target,
        "target_date": parse_target(spec.target),
        "lead": spec.lead,
        "measure": spec.measure,
    }


def _matched(
    parsed: ParsedPlan, existing: dict[str, PlanItem]
) -> Iterator[tuple[ParsedSection, ParsedItem, dict[str, object], PlanItem | None]]:
    """Each item of the file with its values and the stored item of the same number (taken
    out of ``existing``, so that what is left there is no longer in the file)."""
    for number in sorted(parsed.sections):
        spec = parsed.sections[number]
        for position, item_spec in enumerate(spec.items):
            yield (
                spec,
                item_spec,
                _item_values(item_spec, position),
                existing.pop(item_spec.number, None),
            )


def _changes(item: PlanItem, values: dict[str, object], section_number: int) -> bool:
    """Whether the file says something new about the item (a move in position alone is not)."""
    return item.section.number != section_number or any(
        getattr(item, name) != value for name, value in values.items() if name != "position"
    )


def preview_plan(
    session: Session, board_id: int, parsed: ParsedPlan, *, plan_title: str | None = None
) -> ImportOutcome:
    """What ``store_plan`` would do, without changing anything: shown before importing."""
    plan = choose_plan(session, board_id, plan_title)
    existing = {item.number: item for s in plan.sections for item in s.items} if plan else {}
    new: list[str] = []
    changed: list[str] = []
    unchanged = 0
    for spec, item_spec, values, item in _matched(parsed, existing):
        if item is None:
            new.append(item_spec.number)
        elif _changes(item, values, spec.number):
            changed.append(item_spec.number)
        else:
            unchanged += 1
    return ImportOutcome(
        plan_id=plan.id if plan else None,
        plan_title=plan.title if plan else plan_title or parsed.title,
        created=plan is None,
        new=tuple(new),
        changed=tuple(changed),
        unchanged=unchanged,
        not_in_file=tuple(sorted(existing, key=_number_key)),
    )


def store_plan(
    session: Session, board_id: int, parsed: ParsedPlan, *, plan_title: str | None = None
) -> ImportOutcome:
    """Create the plan or update it in place, matching items by number; what was done is
    what ``preview_plan`` foresaw, worked out the same way before anything changes."""
    outcome = preview_plan(session, board_id, parsed, plan_title=plan_title)
    plan = choose_plan(session, board_id, plan_title)
    if plan is None:
        plan = Plan(board_id=board_id, title=outcome.plan_title)
        session.add(plan)
        session.flush()
    sections = {section.number: section for section in plan.sections}
    existing = {item.number: item for section in plan.sections for item in section.items}
    for number, spec in sorted(parsed.sections.items()):
        section = sections.get(number)
        if section is None:
            section = sections[number] = PlanSection(plan=plan, number=number)
            session.add(section)
        section.recommendation = spec.recommendation or section.recommendation
        section.outcome = spec.outcome or section.outcome
    for spec, item_spec, values, item in _matched(parsed, existing):
        section = sections[spec.number]
        if item is None:
            session.add(PlanItem(number=item_spec.number, section=section, **values))
            continue
        item.section = section
        for name, value in values.items():
            setattr(item, name, value)
    session.flush()
    return replace(outcome, plan_id=plan.id)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())
