"""Bank holidays kept on disk: the next start reads the dates instead of loading the
``holidays`` package, and a damaged file is worked out again."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from boardroom import holiday_cache, workdays


@pytest.fixture(autouse=True)
def _forget_in_memory():
    workdays._holidays.cache_clear()
    yield
    workdays._holidays.cache_clear()


def test_the_second_start_reads_the_kept_dates_without_the_package(monkeypatch):
    assert workdays.holiday_name(date(2026, 12, 28), "GB-ENG") == "Boxing Day (observed)"
    path = holiday_cache.cache_file("GB-ENG", 2026)
    assert path.is_file() and "2026-12-28" in path.read_text(encoding="utf-8")
    workdays._holidays.cache_clear()
    monkeypatch.setitem(sys.modules, "holidays", None)  # importing it would now fail
    assert workdays.holiday_name(date(2026, 12, 28), "GB-ENG") == "Boxing Day (observed)"
    assert not workdays.is_working_day(date(2026, 8, 31), "GB-ENG")  # summer bank holiday
    assert workdays.working_days_before(date(2026, 9, 1), 1) == date(2026, 8, 28)


def test_regions_are_kept_apart():
    assert workdays.holiday_name(date(2026, 11, 30), "GB-SCT") == "Saint Andrew's Day"
    assert workdays.holiday_name(date(2026, 11, 30), "GB-ENG") == ""
    assert holiday_cache.cache_file("GB-SCT", 2026) != holiday_cache.cache_file("GB-ENG", 2026)


def test_a_damaged_file_is_worked_out_again_and_replaced():
    path = holiday_cache.cache_file("GB-WLS", 2025)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    assert workdays.holiday_name(date(2025, 12, 25), "GB-WLS") == "Christmas Day"
    assert '"2025-12-25": "Christmas Day"' in path.read_text(encoding="utf-8")


def test_an_unknown_region_is_refused_and_nothing_is_kept():
    with pytest.raises(workdays.BoardroomError, match="Unknown bank-holiday region"):
        workdays.is_working_day(date(2026, 1, 5), "XX-YY")
    assert not holiday_cache.cache_file("XX-YY", 2026).exists()


def test_the_dates_are_kept_under_the_installed_release_of_holidays():
    """A new release may add a bank holiday: its dates are worked out afresh."""
    from importlib.metadata import version

    assert holiday_cache.cache_file("GB-ENG", 2026).parent.name == version("holidays")
