"""Working days: weekends and the region's bank holidays (substitute days too) never count."""

from datetime import date

import pytest

from boardroom.errors import BoardroomError
from boardroom.workdays import (
    is_working_day,
    why_not_working,
    working_days_after,
    working_days_before,
    working_days_between,
)


def test_the_terms_of_reference_example_five_working_days_before_a_tuesday():
    assert working_days_before(date(2016, 9, 13), 5) == date(2016, 9, 6)


def test_christmas_and_new_year_are_skipped_with_their_substitute_days():
    # 2021: Christmas and Boxing Day fall on the weekend; Mon 27 and Tue 28 Dec are the
    # substitute days, and 1 Jan 2022 (Saturday) is observed on Mon 3 Jan.
    assert not is_working_day(date(2021, 12, 27))
    assert not is_working_day(date(2021, 12, 28))
    assert not is_working_day(date(2022, 1, 3))
    assert working_days_after(date(2021, 12, 24), 1) == date(2021, 12, 29)
    assert working_days_after(date(2021, 12, 31), 1) == date(2022, 1, 4)
    # Papers for a meeting on Thu 6 Jan 2022: 5 working days back crosses both years.
    assert working_days_before(date(2022, 1, 6), 5) == date(2021, 12, 29)


def test_easter_good_friday_and_easter_monday_are_skipped():
    # Easter 2022: Good Friday 15 April, Easter Monday 18 April.
    assert working_days_before(date(2022, 4, 19), 1) == date(2022, 4, 14)
    assert working_days_after(date(2022, 4, 14), 1) == date(2022, 4, 19)
    assert working_days_between(date(2022, 4, 14), date(2022, 4, 22)) == 4


def test_a_substitute_bank_holiday_for_a_weekend_holiday_is_not_a_working_day():
    # Boxing Day 2020 was a Saturday; Monday 28 December 2020 was the substitute day.
    assert date(2020, 12, 26).weekday() == 5
    assert not is_working_day(date(2020, 12, 28))
    assert working_days_after(date(2020, 12, 24), 1) == date(2020, 12, 29)


def test_scotland_keeps_2_january_and_st_andrews_day_so_the_deadline_moves():
    # 2 January 2023 (Monday) is a bank holiday in Scotland, and 3 January the
    # substitute for New Year's Day there; in England only 2 January is a holiday.
    meeting = date(2023, 1, 10)
    england = working_days_before(meeting, 5, "GB-ENG")
    scotland = working_days_before(meeting, 5, "GB-SCT")
    assert england == date(2023, 1, 3)
    assert scotland == date(2022, 12, 30)
    assert england != scotland
    # St Andrew's Day, Wed 30 November 2022: Scotland only.
    assert is_working_day(date(2022, 11, 30), "GB-ENG")
    assert not is_working_day(date(2022, 11, 30), "GB-SCT")


def test_northern_ireland_keeps_the_twelfth():
    assert not is_working_day(date(2023, 7, 12), "GB-NIR")
    assert is_working_day(date(2023, 7, 12), "GB-WLS")


def test_weekends_are_skipped_and_the_day_itself_never_counts():
    assert working_days_before(date(2026, 11, 23), 1) == date(2026, 11, 20)  # Mon → Fri
    assert working_days_after(date(2026, 11, 20), 1) == date(2026, 11, 23)
    assert working_days_before(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_between_counts_forwards_and_backwards():
    assert working_days_between(date(2016, 9, 6), date(2016, 9, 13)) == 5
    assert working_days_between(date(2016, 9, 13), date(2016, 9, 6)) == -5
    assert working_days_between(date(2016, 9, 13), date(2016, 9, 13)) == 0


def test_bad_input_is_a_message():
    with pytest.raises(BoardroomError, match="cannot be negative"):
        working_days_before(date(2026, 1, 5), -1)
    with pytest.raises(BoardroomError, match="Unknown bank-holiday region"):
        working_days_before(date(2026, 1, 5), 1, "XX-YYY")


def test_why_a_day_is_not_a_working_day_names_the_holiday_of_that_region():
    assert why_not_working(date(2022, 11, 30), "GB-SCT") == "Saint Andrew's Day"
    assert why_not_working(date(2022, 11, 30), "GB-ENG") == ""
    assert why_not_working(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert why_not_working(date(2026, 11, 21)) == "a Saturday"
