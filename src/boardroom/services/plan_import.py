"""Importing an improvement plan: rows read from Word, CSV or Excel become sections and
numbered items, then one transaction stores them.

Plans arrive as council Word documents converted from PDF and back, so the rows are untidy:
an activity split across a page break continues in an unnumbered row, numbers carry stray
characters ("2.4-"), blank rows separate nothing. All of that is tidied here; anything that
cannot be understood stops the import with the table and row named, before anything is
stored; ``plan_store`` then stores the plan read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from boardroom.errors import BoardroomError
from boardroom.storage.models import PlanItem

# The item columns of a plan, in the seed plan's order, with the header each is known by.
ITEM_FIELDS: dict[str, str] = {
    "number": "No.",
    "activity": "Planned activity",
    "desired_outcome": "Desired Outcome",
    "target": "Target Date",
    "lead": "Lead",
    "measure": "Measure",
}
# Optional columns of a flat CSV/Excel plan that say which recommendation a row belongs to.
SECTION_FIELDS: dict[str, str] = {
    "section": "Section No.",
    "recommendation": "Recommendation",
    "outcome": "Priority outcome",
}
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("no", "number", "item", "item no", "ref", "reference"),
    "activity": (
        "planned activity",
        "planned activities",
        "activity",
        "activities",
        "action",
        "task",
    ),
    "desired_outcome": ("desired outcome", "desired outcomes", "expected outcome"),
    "target": ("target date", "target", "due", "due date", "deadline", "timescale"),
    "lead": (
        "lead",
        "leads",
        "lead officer",
        "lead officers",
        "responsible",
        "responsible officer",
        "accountable officer",
        "owner",
    ),
    "measure": ("measure", "measures", "measure of success", "success measure", "kpi"),
    "section": (
        "section",
        "section no",
        "recommendation no",
        "recommendation number",
        "priority",
        "priority no",
    ),
    "recommendation": ("recommendation", "ofsted recommendation", "improvement action"),
    "outcome": ("outcome", "priority outcome", "improvement outcome", "section outcome"),
}

_NUMBER = re.compile(r"\d+(?:\.\d+)*")


def _longest(field: str) -> int | None:
    """How many characters the database keeps of an item field (None: no limit)."""
    column = PlanItem.__table__.c.get("target_text" if field == "target" else field)
    return getattr(column.type, "length", None) if column is not None else None


_LONGEST = {name: length for name in ITEM_FIELDS if (length := _longest(name)) is not None}


def _check_lengths(item: ParsedItem) -> None:
    """Refuse, naming the row, a cell too long to store (rather than fail at the end)."""
    for name, length in _LONGEST.items():
        text = item.number if name == "number" else getattr(item, name)
        if len(text) > length:
            raise BoardroomError(
                f"{item.where}: the {ITEM_FIELDS[name]} of item {item.number} is "
                f"{len(text):,} characters long; at most {length:,} fit."
            )


def normalise_header(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())


def field_for_header(text: str) -> str | None:
    """Which plan field a column heading names, if any."""
    key = normalise_header(text)
    for name, aliases in HEADER_ALIASES.items():
        if key in aliases:
            return name
    return None


@dataclass
class ParsedItem:
    number: str
    where: str  # "table 2, row 4" — for messages
    activity: str = ""
    desired_outcome: str = ""
    target: str = ""
    lead: str = ""
    measure: str = ""


@dataclass
class ParsedSection:
    number: int
    recommendation: str = ""
    outcome: str = ""
    items: list[ParsedItem] = field(default_factory=list)


@dataclass
class ParsedPlan:
    title: str
    sections: dict[int, ParsedSection] = field(default_factory=dict)

    @property
    def item_count(self) -> int:
        return sum(len(section.items) for section in self.sections.values())


def clean_number(raw: str) -> str | None:
    """ "2.4-", "- 2.5", "1.1." → "2.4", "2.5", "1.1"; None when the cell holds no number."""
    match = _NUMBER.search(raw)
    return match.group(0) if match else None


def _join(before: str, after: str) -> str:
    return f"{before} {after}".strip() if after else before


class PlanAssembler:
    """Collects rows in order into sections and items, tidying them as they come."""

    def __init__(self, title: str) -> None:
        self.plan = ParsedPlan(title=title)
        self._last: ParsedItem | None = None
        self._seen: dict[str, str] = {}

    def section(self, number: int) -> ParsedSection:
        return self.plan.sections.setdefault(number, ParsedSection(number))

    def add_row(self, values: dict[str, str], where: str) -> ParsedSection | None:
        """Take one row (field → cell text); returns the section a new item went into."""
        values = {key: " ".join(value.split()) for key, value in values.items()}
        raw_number = values.get("number", "")
        texts = [value for key, value in values.items() if key in ITEM_FIELDS and value]
        if not texts:
            return None  # a blank row
        if not raw_number:
            self._continue(values, where)
            return None
        number = clean_number(raw_number)
        if number is None:
            raise BoardroomError(
                f"{where}: “{raw_number}” in the {ITEM_FIELDS['number']} column is not an item "
                "number such as 2.3."
            )
        if number in self._seen:
            raise BoardroomError(
                f"{where}: item {number} appears twice (first in {self._seen[number]})."
            )
        if not values.get("activity"):
            raise BoardroomError(f"{where}: item {number} has no planned activity.")
        self._seen[number] = where
        item = ParsedItem(
            number=number,
            where=where,
            **{key: values.get(key, "") for key in ITEM_FIELDS if key != "number"},
        )
        section_number = values.get("section") and clean_number(values["section"])
        section = self.section(int((section_number or number).split(".")[0]))
        section.recommendation = section.recommendation or values.get("recommendation", "")
        section.outcome = section.outcome or values.get("outcome", "")
        _check_lengths(item)
        section.items.append(item)
        self._last = item
        return section

    def _continue(self, values: dict[str, str], where: str) -> None:
        """An unnumbered row carries on the item above (a row split by a page break)."""
        if self._last is None:
            raise BoardroomError(
                f"{where}: this row has text but no item number, and there is no item above "
                "it to continue."
            )
        for key in ITEM_FIELDS:
            if key != "number" and values.get(key):
                setattr(self._last, key, _join(getattr(self._last, key), values[key]))
        _check_lengths(self._last)

    def finish(self) -> ParsedPlan:
        if not self.plan.item_count:
            raise BoardroomError(
                "No plan items were found. The plan's tables need the columns "
                + ", ".join(ITEM_FIELDS.values())
                + "."
            )
        return self.plan


def read_plan_file(path: Path, mapping: dict[str, int] | None = None) -> ParsedPlan:
    """Read a Word, CSV or Excel plan; spreadsheets use ``mapping`` (field → column index)
    or, without one, the columns their headings name."""
    from boardroom.services import plan_sheet, plan_word

    path = Path(path)
    if not path.is_file():
        raise BoardroomError(f"The file “{path}” does not exist.")
    suffix = path.suffix.casefold()
    if suffix == ".docx":
        return plan_word.read_word_plan(path)
    if suffix in plan_sheet.SUFFIXES:
        sheet = plan_sheet.read_sheet(path)
        return plan_sheet.plan_from_sheet(
            sheet, mapping if mapping is not None else plan_sheet.guess_mapping(sheet.headers)
        )
    raise BoardroomError(
        f"“{path.name}” is not a plan Boardroom can read; choose a Word document (.docx), "
        "a CSV file or an Excel workbook (.xlsx)."
    )


def missing_fields(
    mapping: dict[str, int], required: Sequence[str] = ("number", "activity")
) -> list[str]:
    """The required fields a column mapping leaves out, by their column names."""
    return [ITEM_FIELDS[name] for name in required if name not in mapping]
