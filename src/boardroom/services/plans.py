"""Improvement plans: reading target text the way a plan writes it."""

import calendar
import re
from datetime import date

from dateutil import parser as date_parser

_MONTH_YEAR = re.compile(r"^(?:end of\s+)?([A-Za-z]+)\.?\s+(\d{4})$", re.IGNORECASE)


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
        for number in range(1, 13):
            if calendar.month_name[number].lower().startswith(month_name.lower()[:3]):
                last = calendar.monthrange(int(year), number)[1]
                return date(int(year), number, last)
        return None
    if not re.search(r"\d{1,2}\D+\d{1,2}\D+\d{2,4}|\d{1,2}\s+[A-Za-z]+\s+\d{4}", cleaned):
        return None
    try:
        return date_parser.parse(cleaned, dayfirst=True).date()
    except (ValueError, OverflowError):
        return None
