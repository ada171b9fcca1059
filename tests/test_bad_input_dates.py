"""Every date a clerk can type is read or refused with a message — never a crash.

The due date of the live view's action row, the meeting and plan dialogs' date fields and
the Actions page's filter all go through ``parse_date``; a plan's "Target Date" goes
through ``parse_target``; the register's arrival and departure times through its own
parser. Whatever is typed, each either understands it or raises a BoardroomError.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError
from boardroom.services.plans import parse_target
from boardroom.ui.attendance_panel import _parse_time
from nasty_text import HORRORS, campaign, nasty_text

TODAY = date(2026, 11, 25)
numbers = st.integers(min_value=-5, max_value=1_000_000).map(str) | st.sampled_from(
    ["0", "00", "000", "0000", "99999", "٣", "１２", "1e3", "²"]
)
units = st.sampled_from(["d", "w", "m", "day", "days", "week", "weeks", "month", "months"])
words = st.sampled_from(["Mon", "friday", "next friday", "this tue", "on sun", "Sept", "smarch"])
separators = st.sampled_from(["/", ".", "-", " ", "", "//", "\v"])

# Shapes close to what parse_date understands, with numbers from anywhere.
typed_dates = st.one_of(
    nasty_text,
    st.tuples(numbers, separators, numbers, separators, numbers).map("".join),
    st.tuples(st.sampled_from(["+", "in ", "+-", ""]), numbers, units).map("".join),
    st.tuples(numbers, st.just(" "), words, st.just(" "), numbers).map("".join),
    words,
)


def _read_or_refused(parse, text: str):
    try:
        return parse(text)
    except BoardroomError as error:
        assert error.message.strip(), "a refusal says why"
        return None


@campaign
@given(typed_dates)
@example("31/02/2026")
@example("0/0/0")
@example("+999m")
@example("in 999 months")
@example("31 December 9999")
@example("29/02/00")
@example("\v\f\x00")
@example("١٣/٠٩/٢٠١٦")
@example("next")
@example("+0d")
def test_any_typed_date_is_understood_or_refused(text):
    day = _read_or_refused(lambda t: parse_date(t, today=TODAY), text)
    if day is not None:
        assert isinstance(day, date)
        assert format_date(day)  # and it can be shown back


@pytest.mark.parametrize("horror", HORRORS)
def test_pasted_control_characters_around_a_date_do_not_crash(horror):
    _read_or_refused(lambda t: parse_date(t, today=TODAY), f"{horror}30/09{horror}")


@campaign
@given(typed_dates | st.tuples(words, st.just(" "), numbers).map("".join))
@example("March 0000")
@example("Feb 0000")
@example("end of June 99999")
@example("12 January 0000")
@example("Ongoing")
@example("2020/21")
@example("31/02/2020")
def test_any_plan_target_is_a_date_or_kept_as_text(text):
    target = parse_target(text)  # never raises: what it cannot read stays as text
    assert target is None or isinstance(target, date)


@campaign
@given(nasty_text | numbers | st.tuples(numbers, separators, numbers).map("".join))
@example("25:00")
@example("14.05")
@example("٢")
@example("99999999999999999999")
def test_any_typed_time_is_understood_or_refused(text):
    _read_or_refused(_parse_time, text)
