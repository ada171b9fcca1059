"""Working days: weekends and the bank holidays of a board's region never count.

A region is an ISO 3166-2 code such as ``GB-ENG`` (England & Wales' calendar is the one
``holidays`` files under England), ``GB-WLS``, ``GB-SCT`` or ``GB-NIR``; the country alone
would miss regional days such as St Andrew's Day or the Battle of the Boyne. "Papers due N
working days before" is the Nth working day counting back from the meeting day, which itself
does not count: Tue 13 Sep 2016 with 5 days gives Tue 6 Sep 2016.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from boardroom import holiday_cache
from boardroom.errors import BoardroomError

DEFAULT_REGION = "GB-ENG"
REGIONS = {
    "GB-ENG": "England",
    "GB-WLS": "Wales",
    "GB-SCT": "Scotland",
    "GB-NIR": "Northern Ireland",
}


@lru_cache(maxsize=64)
def _holidays(region: str, year: int) -> dict[date, str]:
    known = holiday_cache.cached(region, year)
    if known is not None:
        return known
    import holidays  # deferred: the package is large and start-up should not pay for it

    country, _, subdivision = region.partition("-")
    try:
        calendar = holidays.country_holidays(country, subdiv=subdivision or None, years=year)
    except (NotImplementedError, KeyError) as exc:
        raise BoardroomError(
            f"Unknown bank-holiday region “{region}”; use an ISO code such as GB-ENG."
        ) from exc
    found = dict(calendar.items())
    holiday_cache.keep(region, year, found)
    return found


def is_working_day(day: date, region: str = DEFAULT_REGION) -> bool:
    return day.weekday() < 5 and day not in _holidays(region, day.year)


def holiday_name(day: date, region: str = DEFAULT_REGION) -> str:
    """The bank holiday that day is in the region ("Boxing Day (observed)"), or ""."""
    return _holidays(region, day.year).get(day, "")


def why_not_working(day: date, region: str = DEFAULT_REGION) -> str:
    """Why nobody works that day ("Spring Bank Holiday", "a Saturday"), or "" if they do.

    Scheduling screens use it to warn before a meeting is put on such a day.
    """
    return holiday_name(day, region) or (f"a {day:%A}" if day.weekday() >= 5 else "")


def _step(day: date, count: int, region: str, direction: int) -> date:
    if count < 0:
        raise BoardroomError("A number of working days cannot be negative.")
    current = day
    remaining = count
    while remaining:
        current += timedelta(days=direction)
        if is_working_day(current, region):
            remaining -= 1
    return current


def working_days_before(day: date, count: int, region: str = DEFAULT_REGION) -> date:
    """The ``count``-th working day before ``day`` (``day`` itself never counts)."""
    return _step(day, count, region, -1)


def working_days_after(day: date, count: int, region: str = DEFAULT_REGION) -> date:
    """The ``count``-th working day after ``day`` (``day`` itself never counts)."""
    return _step(day, count, region, +1)


def working_days_between(start: date, end: date, region: str = DEFAULT_REGION) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end`` is past.

    This is what "3 working days left" means on the morning of ``start``.
    """
    if end == start:
        return 0
    sign = 1 if end > start else -1
    low, high = (start, end) if sign > 0 else (end, start)
    count = sum(
        1
        for offset in range(1, (high - low).days + 1)
        if is_working_day(low + timedelta(days=offset), region)
    )
    return sign * count
