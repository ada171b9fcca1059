"""Dates typed the way clerks type them, shown the way they read them."""

from datetime import date

import pytest

from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError

WEDNESDAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("13/09/2016", date(2016, 9, 13)),
        ("13.9.16", date(2016, 9, 13)),
        ("2016-09-13", date(2016, 9, 13)),
        ("13 Sep 2016", date(2016, 9, 13)),
        ("Tue 13 September 2016", date(2016, 9, 13)),
        ("13th September 2016", date(2016, 9, 13)),
        ("30/11", date(2026, 11, 30)),
        ("20/09", date(2027, 9, 20)),
        ("24 Nov", date(2027, 11, 24)),
        ("today", WEDNESDAY),
        ("tomorrow", date(2026, 11, 26)),
        ("Friday", date(2026, 11, 27)),
        ("fri", date(2026, 11, 27)),
        ("next Friday", date(2026, 12, 4)),
        ("Wednesday", date(2026, 12, 2)),
        ("+2w", date(2026, 12, 9)),
        ("+3d", date(2026, 11, 28)),
        ("+1m", date(2026, 12, 25)),
        ("in 2 weeks", date(2026, 12, 9)),
    ],
)
def test_common_uk_forms(typed, expected):
    assert parse_date(typed, today=WEDNESDAY) == expected


@pytest.mark.parametrize("typed", ["", "31/02/2026", "soon", "13/13", "+w"])
def test_unreadable_dates_get_a_clear_message(typed):
    with pytest.raises(BoardroomError) as raised:
        parse_date(typed, today=WEDNESDAY)
    assert raised.value.message


def test_display_form():
    assert format_date(date(2016, 9, 13)) == "Tue 13 Sep 2016"
    assert format_date(date(2016, 9, 6)) == "Tue 6 Sep 2016"
    assert format_date(None) == ""
