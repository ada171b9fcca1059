"""Dates as a UK clerk writes and reads them.

Shown as "Tue 13 Sep 2016"; typed in any common form: "13/09/2016", "13 Sep", "30/09",
"2016-09-13", "today", "tomorrow", "Friday", "next Friday", "+2w", "+3d", "+1m",
"in 2 weeks". A date without a year is the next such date from today, because that is
what someone setting a due date means.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from boardroom.errors import BoardroomError

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_RELATIVE = re.compile(r"^(?:\+|in\s+)(\d{1,3})\s*(d|days?|w|weeks?|m|months?)$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:[a-z]+\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$")


def format_date(day: date | datetime | None) -> str:
    """ "Tue 13 Sep 2016" — unambiguous on both sides of the Atlantic."""
    if day is None:
        return ""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_time(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def _weekday(word: str) -> int | None:
    for index, name in enumerate(_WEEKDAYS):
        if len(word) >= 3 and name.startswith(word):
            return index
    return None


def _month(word: str) -> int | None:
    for index, name in enumerate(_MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word):
            return index
    return None


def _build(year: int | None, month: int, day: int, today: date, text: str) -> date:
    try:
        if year is not None:
            return date(year if year >= 100 else 2000 + year, month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate >= today else date(today.year + 1, month, day)
    except ValueError:
        raise BoardroomError(f"“{text}” is not a date in the calendar.") from None


def parse_date(text: str, today: date | None = None) -> date:
    """Read a date the way it was typed, or say plainly why it cannot be read.

    "Friday" is the coming Friday; "next Friday" is the Friday of next week, as most
    people mean it when they say it in a meeting on a Wednesday.
    """
    today = today or date.today()
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if not cleaned:
        raise BoardroomError("Please enter a date.")
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    relative = _RELATIVE.match(cleaned)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2)[0]
        if unit == "m":
            from dateutil.relativedelta import relativedelta  # deferred: start-up skips it

            return today + relativedelta(months=amount)
        return today + timedelta(days=amount * (7 if unit == "w" else 1))
    words = cleaned.split()
    if len(words) == 1 or (len(words) == 2 and words[0] in ("next", "this", "on")):
        weekday = _weekday(words[-1])
        if weekday is not None:
            if words[0] == "next":  # the named day in the following Monday-to-Sunday week
                next_monday = today + timedelta(days=7 - today.weekday())
                return next_monday + timedelta(days=weekday)
            return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if match := _ISO.match(cleaned):
        return _build(int(match.group(1)), int(match.group(2)), int(match.group(3)), today, text)
    if match := _NUMERIC.match(cleaned):
        day, month, year = match.groups()
        return _build(int(year) if year else None, int(month), int(day), today, text)
    if (match := _WORDS.match(cleaned)) and (month := _month(match.group(2))):
        year = match.group(3)
        return _build(int(year) if year else None, month, int(match.group(1)), today, text)
    raise BoardroomError(
        f"“{text}” is not a date Boardroom understands; try 30/09/2026, 30 Sep, next Friday or +2w."
    )
