"""Series: a rule expanded into meetings that can then move one at a time."""

from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from boardroom.errors import BoardroomError
from boardroom.services.boards import create_board
from boardroom.services.meetings import MeetingFields, cancel_meeting, update_meeting
from boardroom.services.series import (
    Frequency,
    SeriesPlan,
    create_series,
    is_moved,
    occurrences,
    preview,
    series_starts,
)
from boardroom.storage.models import Meeting, MeetingSeries, MeetingStatus

THIRD_TUESDAYS = SeriesPlan(
    title="Improvement Board",
    frequency=Frequency.MONTHLY,
    weekday=1,
    week_of_month=3,
    starts=time(14, 0),
    ends=time(16, 0),
    first_day=date(2026, 9, 1),
    last_day=date(2027, 7, 31),
)


def test_monthly_third_tuesday_from_september_to_july():
    starts = occurrences(THIRD_TUESDAYS)
    assert len(starts) == 11
    assert starts[0] == datetime(2026, 9, 15, 14, 0)
    assert starts[-1] == datetime(2027, 7, 20, 14, 0)
    assert all(s.weekday() == 1 and 15 <= s.day <= 21 for s in starts)
    assert THIRD_TUESDAYS.describe() == "Monthly on the third Tuesday, 14:00–16:00"


def test_every_six_weeks_starts_on_the_first_matching_weekday():
    plan = SeriesPlan(
        title="Scrutiny",
        frequency=Frequency.WEEKLY,
        interval=6,
        weekday=3,
        starts=time(10, 0),
        ends=time(12, 30),
        first_day=date(2026, 9, 1),
        last_day=date(2026, 12, 31),
    )
    assert occurrences(plan) == [
        datetime(2026, 9, 3, 10, 0),
        datetime(2026, 10, 15, 10, 0),
        datetime(2026, 11, 26, 10, 0),
    ]
    assert plan.describe() == "Every 6 weeks on Thursday, 10:00–12:30"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"last_day": date(2026, 8, 1)}, "ends before it starts"),
        ({"ends": time(13, 0)}, "before it starts"),
        ({"last_day": date(2026, 9, 10)}, "No meeting falls between"),
        ({"last_day": date(2040, 1, 1)}, "more than 120 meetings"),
    ],
)
def test_a_bad_series_is_refused_and_nothing_is_stored(database, changes, message):
    from dataclasses import replace

    with database.transaction() as session:
        board_id = create_board(session, "Board").id
    with pytest.raises(BoardroomError, match=message), database.transaction() as session:
        create_series(session, board_id, replace(THIRD_TUESDAYS, **changes))
    with database.sessions() as session:
        assert session.scalars(select(Meeting)).all() == []
        assert session.scalars(select(MeetingSeries)).all() == []


def test_a_series_is_stored_with_its_rule_and_every_meeting(database):
    with database.transaction() as session:
        board_id = create_board(session, "Board", venue="Town Hall").id
        series_id = create_series(session, board_id, THIRD_TUESDAYS).id
    with database.sessions() as session:
        series = session.get(MeetingSeries, series_id)
        assert series.rrule == "FREQ=MONTHLY;BYDAY=3TU;COUNT=11"
        assert series.duration_minutes == 120
        assert series.venue == "Town Hall"
        meetings = sorted(series.meetings, key=lambda m: m.starts_at)
        assert [m.starts_at for m in meetings] == series_starts(series)
        assert all(m.series_start == m.starts_at for m in meetings)
        assert len({m.uid for m in meetings}) == 11
        assert not any(is_moved(m) for m in meetings)


def test_moving_one_occurrence_keeps_its_original_start_and_raises_its_sequence(database):
    with database.transaction() as session:
        board_id = create_board(session, "Board").id
        series = create_series(session, board_id, THIRD_TUESDAYS)
        october = next(m for m in series.meetings if m.starts_at.month == 10)
        october_id, uid = october.id, october.uid
    with database.transaction() as session:
        update_meeting(
            session,
            october_id,
            MeetingFields(
                "Improvement Board", datetime(2026, 10, 27, 14), datetime(2026, 10, 27, 16)
            ),
        )
    with database.sessions() as session:
        october = session.get(Meeting, october_id)
        assert october.series_start == datetime(2026, 10, 20, 14, 0)
        assert (october.uid, october.sequence) == (uid, 1)
        assert is_moved(october)
        others = [m for m in october.series.meetings if m.id != october_id]
        assert all(m.sequence == 0 and not is_moved(m) for m in others)


def test_cancelling_an_occurrence_changes_the_series_too(database):
    with database.transaction() as session:
        board_id = create_board(session, "Board").id
        series = create_series(session, board_id, THIRD_TUESDAYS)
        december = next(m for m in series.meetings if m.starts_at.month == 12)
        cancel_meeting(session, december.id)
        series_id = series.id
    with database.sessions() as session:
        series = session.get(MeetingSeries, series_id)
        assert series.sequence == 1
        cancelled = [m for m in series.meetings if m.status is MeetingStatus.CANCELLED]
        assert [m.starts_at.date() for m in cancelled] == [date(2026, 12, 15)]


def test_the_preview_gives_each_meetings_papers_deadline_in_the_boards_region():
    england, scotland = preview(THIRD_TUESDAYS, "GB-ENG", 15), preview(THIRD_TUESDAYS, "GB-SCT", 15)
    assert [p.starts_at for p in england] == occurrences(THIRD_TUESDAYS)
    # Tue 15 Sep 2026: England's Late Summer Bank Holiday (31 August) is not Scotland's.
    assert (england[0].papers_due, scotland[0].papers_due) == (date(2026, 8, 24), date(2026, 8, 25))
    # Tue 19 Jan 2027, 15 working days back: Scotland also keeps Mon 4 Jan (2 January's
    # substitute), so its papers are due a day earlier, before Christmas.
    assert (england[4].papers_due, scotland[4].papers_due) == (
        date(2026, 12, 24),
        date(2026, 12, 23),
    )
    assert not any(p.clash for p in england + scotland), "no third Tuesday is a bank holiday"
