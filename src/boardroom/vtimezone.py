"""A VTIMEZONE that Outlook, Google Calendar and Thunderbird all read the same way.

Some generators describe a zone as long lists of RDATE transitions; several clients misread
those and shift meetings by an hour. This module describes a daylight-saving zone as Outlook
itself does: exactly one STANDARD and one DAYLIGHT block, each with a yearly RRULE such as
"last Sunday of October", derived from the zone's real transitions (checked against the next
year too, so a rule is never guessed from a single date).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from boardroom.errors import BoardroomError

if TYPE_CHECKING:
    from icalendar import Timezone

_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_EPOCH_YEAR = 1970  # every block starts here, as Outlook's own definitions do
_YEARS_CHECKED = 6  # a rule must give the real transitions of this many years running


@dataclass(frozen=True)
class Transition:
    """A change of offset at a local wall-clock moment (in the offset it changes from)."""

    local: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    is_dst: bool


@dataclass(frozen=True)
class YearlyRule:
    """ "The Nth (or last, -1) weekday of a month at a wall-clock time"."""

    month: int
    week: int
    weekday: int
    hour: int
    minute: int

    def on(self, year: int) -> datetime:
        from dateutil.rrule import YEARLY, rrule, weekday  # deferred: start-up skips it

        start = datetime(year, self.month, 1, self.hour, self.minute)
        return rrule(
            YEARLY, dtstart=start, count=1, bymonth=self.month,
            byweekday=weekday(self.weekday, self.week),
        )[0]  # fmt: skip

    @property
    def rrule(self) -> str:
        return f"FREQ=YEARLY;BYMONTH={self.month};BYDAY={self.week}{_DAY_CODES[self.weekday]}"


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).utcoffset() or timedelta(0)


@lru_cache(maxsize=32)
def transitions(zone: ZoneInfo, year: int) -> list[Transition]:
    """The offset changes of a zone in one year, found to the minute."""
    found: list[Transition] = []
    instant = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    step = timedelta(hours=1)
    while instant < end:
        after = instant + step
        if _offset(zone, instant) != _offset(zone, after):
            low, high = instant, after  # the change happens in (low, high]
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == _offset(zone, low):
                    low = middle
                else:
                    high = middle
            before, now = _offset(zone, low), _offset(zone, high)
            local = high.astimezone(zone)
            found.append(
                Transition(
                    local=(high + before).replace(tzinfo=None),
                    offset_from=before,
                    offset_to=now,
                    name=local.tzname() or "",
                    # By offset, not dst(): Ireland's law makes winter the "daylight" time.
                    is_dst=now > before,
                )
            )
        instant = after
    return found


def _rule_for(change: Transition, later_years: list[list[Transition]]) -> YearlyRule:
    """The yearly rule that gives this change and the same change in the years after it.

    "Last Sunday" is tried before "fourth Sunday": both fit some years, only one is the law.
    """
    local = change.local
    length = calendar.monthrange(local.year, local.month)[1]
    weeks = ([-1] if local.day + 7 > length else []) + [(local.day - 1) // 7 + 1]
    for week in weeks:
        rule = YearlyRule(local.month, week, local.weekday(), local.hour, local.minute)
        if rule.on(local.year) == local and all(
            rule.on(year[0].local.year) in {t.local for t in year if t.is_dst == change.is_dst}
            for year in later_years
        ):
            return rule
    raise BoardroomError(
        "The time zone's daylight-saving rule is not a fixed weekday of a month; "
        "calendar invites cannot describe it reliably."
    )


def build_vtimezone(name: str, year: int) -> Timezone:
    """The VTIMEZONE of a zone as in force in ``year`` (the year of the meeting)."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

    zone = ZoneInfo(name)
    this_year = transitions(zone, year)
    result = Timezone()
    result.add("tzid", name)
    if not this_year:
        offset = _offset(zone, datetime(year, 7, 1, tzinfo=UTC))
        standard = TimezoneStandard()
        standard.add("dtstart", datetime(_EPOCH_YEAR, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", datetime(year, 7, 1, tzinfo=zone).tzname() or name)
        result.add_component(standard)
        return result
    later_years = [transitions(zone, year + ahead) for ahead in range(1, _YEARS_CHECKED)]
    if len(this_year) != 2 or any(len(changes) != 2 for changes in later_years):
        raise BoardroomError(
            f"The time zone {name} changed its rules around {year}; "
            "calendar invites cannot describe it reliably."
        )
    for change in sorted(this_year, key=lambda t: not t.is_dst):  # DAYLIGHT first, as Outlook
        rule = _rule_for(change, later_years)
        block = TimezoneDaylight() if change.is_dst else TimezoneStandard()
        block.add("dtstart", rule.on(_EPOCH_YEAR))
        block.add("rrule", vRecur.from_ical(rule.rrule))
        block.add("tzoffsetfrom", change.offset_from)
        block.add("tzoffsetto", change.offset_to)
        block.add("tzname", change.name)
        result.add_component(block)
    return result
