"""The VTIMEZONE written into invites: yearly rules, read back by an independent parser."""

from datetime import UTC, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from dateutil.tz import tzical
from icalendar import Calendar

from boardroom.vtimezone import build_vtimezone


def _wrapped(name: str, year: int) -> str:
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//test//EN")
    calendar.add_component(build_vtimezone(name, year))
    return calendar.to_ical().decode()


@pytest.mark.parametrize("year", [2016, 2020, 2026, 2027])
def test_london_is_the_last_sunday_of_march_and_october_every_year(year):
    text = _wrapped("Europe/London", year)
    assert text.count("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3") == 1
    assert text.count("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10") == 1
    assert "RDATE" not in text
    assert text.count("BEGIN:STANDARD") == text.count("BEGIN:DAYLIGHT") == 1


@pytest.mark.parametrize("name", ["Europe/London", "Europe/Dublin", "America/New_York",
                                  "Australia/Sydney", "Asia/Tokyo"])  # fmt: skip
def test_the_next_years_read_back_as_zoneinfo_says(name):
    zone = ZoneInfo(name)
    parsed = tzical(StringIO(_wrapped(name, 2026))).get(name)
    instant = datetime(2026, 1, 1, tzinfo=UTC)
    while instant.year < 2030:
        expected = instant.astimezone(zone).replace(tzinfo=None)
        assert instant.astimezone(parsed).replace(tzinfo=None) == expected, instant
        instant += timedelta(hours=7)  # 7 is coprime with 24: every hour of day gets a turn


def test_dublins_winter_time_is_the_standard_block():
    text = _wrapped("Europe/Dublin", 2026)
    daylight = text.split("BEGIN:DAYLIGHT")[1].split("END:DAYLIGHT")[0]
    assert "TZOFFSETTO:+0100" in daylight
    assert "TZNAME:IST" in daylight
