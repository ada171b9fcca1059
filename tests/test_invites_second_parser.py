"""Invites read back by a second, independent iCalendar implementation (the ``ical`` package).

``icalendar`` wrote the files, so reading them back with it alone would only show that it
agrees with itself. ``ical`` has its own parser, its own VTIMEZONE handling and its own
recurrence expansion. The zone is renamed before parsing so the reader cannot fall back on
its own copy of Europe/London and must use the VTIMEZONE the file defines: a wrong rule
there shifts a meeting by an hour, which is exactly what these tests look for.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from ical.calendar import Calendar
from ical.calendar_stream import IcsCalendarStream

from boardroom.services.agenda import append_item
from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import add_board
from boardroom.services.invites import Organizer, cancellation_invite, meeting_invites
from boardroom.services.meetings import MeetingFields, create_meeting, update_meeting
from boardroom.services.people import MembershipFields, PersonFields, add_membership, add_person
from boardroom.services.series import Frequency, SeriesPlan, create_series
from boardroom.storage.models import Role

ORGANIZER = Organizer("Board Secretariat", "secretariat@wirral.example.org")
ZONE_ALIAS = "Wirral Local Time"  # not an IANA name: only the file's VTIMEZONE defines it


def _read(data: bytes) -> Calendar:
    text = data.decode().replace("Europe/London", ZONE_ALIAS)
    calendar = IcsCalendarStream.calendar_from_ics(text)
    assert [zone.tz_id for zone in calendar.timezones] == [ZONE_ALIAS]
    assert len(calendar.events) == 1, "one VEVENT per file"
    return calendar


@pytest.fixture
def board_id(database) -> int:
    with database.transaction() as session:
        board = add_board(session, "Improvement Board", BoardRules(venue="Committee Room 1"))
        chair = add_person(session, PersonFields("Eric Robinson", email="eric@example.org"))
        add_membership(session, board.id, MembershipFields(chair.id, Role.CHAIR))
        return board.id


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(date(2026, 7, 14), 13), (date(2027, 1, 12), 14)],
    ids=["summer-BST", "winter-GMT"],
)
def test_a_meeting_at_two_in_the_afternoon_is_at_the_right_utc_instant(
    database, board_id, day, utc_hour
):
    with database.transaction() as session:
        meeting_id = create_meeting(
            session,
            board_id,
            MeetingFields("Improvement Board", datetime.combine(day, time(14)),
                          datetime.combine(day, time(16))),
        ).id  # fmt: skip
        [invite] = meeting_invites(session, meeting_id, ORGANIZER)
    calendar = _read(invite.to_ical())
    assert calendar.method == "REQUEST"
    event = calendar.events[0]
    assert event.dtstart.astimezone(UTC) == datetime.combine(day, time(utc_hour), UTC)
    assert event.dtend.astimezone(UTC) == datetime.combine(day, time(utc_hour + 2), UTC)
    assert event.organizer.uri == "mailto:secretariat@wirral.example.org"
    [chair] = event.attendees
    assert (chair.common_name, chair.role, chair.status, chair.rsvp) == (
        "Eric Robinson",
        "CHAIR",
        "NEEDS-ACTION",
        True,
    )
    assert event.location == "Committee Room 1"


def test_the_series_expands_across_both_clock_changes_without_the_cancelled_one(database, board_id):
    plan = SeriesPlan(
        title="Improvement Board",
        frequency=Frequency.MONTHLY,
        weekday=1,
        week_of_month=3,
        starts=time(14),
        ends=time(16),
        first_day=date(2026, 9, 1),
        last_day=date(2027, 7, 31),
    )
    with database.transaction() as session:
        series = create_series(session, board_id, plan)
        by_month = {m.starts_at.month: m.id for m in series.meetings}
        october = by_month[10]
        update_meeting(
            session,
            october,
            MeetingFields(
                "Improvement Board", datetime(2026, 10, 27, 14), datetime(2026, 10, 27, 16)
            ),
        )
        cancellation = cancellation_invite(session, by_month[3], ORGANIZER)
        master, moved = meeting_invites(session, by_month[9], ORGANIZER)

    expanded = [event.dtstart.astimezone(UTC) for event in _read(master.to_ical()).timeline]
    assert len(expanded) == 10, "eleven third Tuesdays, March cancelled"
    assert datetime(2027, 3, 16, 14, tzinfo=UTC) not in expanded
    # 14:00 is 13:00 UTC under summer time (to 25 Oct 2026 and from 28 Mar 2027), else 14:00.
    assert {moment.month: moment.hour for moment in expanded} == {
        9: 13, 10: 13, 11: 14, 12: 14, 1: 14, 2: 14, 4: 13, 5: 13, 6: 13, 7: 13,
    }  # fmt: skip

    override = _read(moved.to_ical()).events[0]
    assert override.uid == _read(master.to_ical()).events[0].uid
    assert override.recurrence_id == "20261020T140000", "names the occurrence's original start"
    # 27 October is after the clocks go back: Greenwich time.
    assert override.dtstart.astimezone(UTC) == datetime(2026, 10, 27, 14, tzinfo=UTC)

    cancelled = _read(cancellation.to_ical())
    assert cancelled.method == "CANCEL"
    assert cancelled.events[0].status == "CANCELLED"
    assert cancelled.events[0].recurrence_id == "20270316T140000"


def test_an_occurrence_with_its_agenda_is_sent_as_its_own_update(database, board_id):
    plan = SeriesPlan(
        title="Improvement Board",
        frequency=Frequency.WEEKLY,
        interval=6,
        weekday=1,
        starts=time(14),
        ends=time(16),
        first_day=date(2026, 9, 1),
        last_day=date(2026, 12, 31),
    )
    with database.transaction() as session:
        series = create_series(session, board_id, plan)
        first, second = sorted(series.meetings, key=lambda m: m.starts_at)[:2]
        append_item(session, second.id, "Ofsted findings")
        [master] = meeting_invites(session, first.id, ORGANIZER)
        [update] = meeting_invites(session, second.id, ORGANIZER)
    assert update.name == "improvement-board-2026-10-13-update"
    series_event = _read(master.to_ical()).events[0]
    event = _read(update.to_ical()).events[0]
    assert event.uid == series_event.uid
    assert event.recurrence_id == "20261013T140000"
    assert event.sequence >= series_event.sequence
    assert "14:00  1. Ofsted findings" in event.description
    assert "Ofsted" not in (series_event.description or "")
