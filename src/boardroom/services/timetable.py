"""Agenda numbering and the running clock, worked out from plain item values.

Numbers (1, 2, 3 … 3.1) are derived from order and nesting, never stored, so reordering can
never leave two items called "3"; timings are derived the same way from the meeting's start.
The items may be ORM agenda items or rows read with SQLAlchemy Core — the Dashboard's
deadline view numbers its missing items before the ORM is loaded — so only the attributes
of :class:`TimedItem` are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import NamedTuple, Protocol

from boardroom.storage.enums import StandingKind


class TimedItem(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def parent_id(self) -> int | None: ...
    @property
    def position(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def presenter_name(self) -> str: ...
    @property
    def minutes_allotted(self) -> int: ...
    @property
    def confidential(self) -> bool: ...
    @property
    def standing(self) -> StandingKind | None: ...


class AgendaLine(NamedTuple):
    """One row of the agenda as people read it: number, timing and what it is."""

    item_id: int
    number: str
    depth: int
    title: str
    presenter: str
    minutes: int
    starts_at: datetime
    ends_at: datetime
    confidential: bool  # exempt itself, or a sub-item of an exempt item
    standing: StandingKind | None


class Timetable(NamedTuple):
    lines: list[AgendaLine]
    planned_end: datetime  # when the last item finishes
    meeting_end: datetime

    @property
    def overrun_minutes(self) -> int:
        """How far the agenda runs past the meeting's end (0 when it fits)."""
        return max(0, int((self.planned_end - self.meeting_end).total_seconds() // 60))


def _walk(
    children: dict[int | None, list[TimedItem]], parent: int | None, prefix: str, depth: int
) -> Iterator[tuple[str, int, TimedItem]]:
    below = sorted(children.get(parent, ()), key=lambda i: i.position)
    for index, item in enumerate(below, start=1):
        number = f"{prefix}{index}"
        yield number, depth, item
        yield from _walk(children, item.id, f"{number}.", depth + 1)


def timetable_of(items: Iterable[TimedItem], starts_at: datetime, ends_at: datetime) -> Timetable:
    """Number every item of a meeting and give it its start and end on the meeting's clock."""
    children: dict[int | None, list[TimedItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    clock = starts_at
    lines: list[AgendaLine] = []
    exempt: set[int] = set()
    for number, depth, item in _walk(children, None, "", 0):
        ends = clock + timedelta(minutes=item.minutes_allotted)
        if item.confidential or item.parent_id in exempt:
            exempt.add(item.id)  # parents come first: a sub-item is exempt with its parent
        lines.append(
            AgendaLine(
                item_id=item.id,
                number=number,
                depth=depth,
                title=item.title,
                presenter=item.presenter_name,
                minutes=item.minutes_allotted,
                starts_at=clock,
                ends_at=ends,
                confidential=item.id in exempt,
                standing=item.standing,
            )
        )
        clock = ends
    return Timetable(lines=lines, planned_end=clock, meeting_end=ends_at)
