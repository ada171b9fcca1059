"""Meetings: scheduling, rescheduling with a stable UID, cancelling, and papers deadlines."""

from datetime import date, datetime

import pytest

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.boards import create_board
from boardroom.services.meetings import (
    MeetingFields,
    cancel_meeting,
    create_meeting,
    find_meeting,
    list_meetings,
    papers_deadline,
    set_status,
    update_meeting,
)
from boardroom.storage.models import Meeting, MeetingStatus


def _fields(day: date, **changes) -> MeetingFields:
    values = {
        "title": "Improvement Board",
        "starts_at": datetime(day.year, day.month, day.day, 14, 0),
        "ends_at": datetime(day.year, day.month, day.day, 16, 0),
        "venue": "",
        "online_link": "",
    }
    values.update(changes)
    return MeetingFields(**values)


@pytest.fixture
def board_id(database) -> int:
    with database.transaction() as session:
        return create_board(session, "Audit Committee", venue="Committee Room 1").id


def test_a_new_meeting_takes_the_boards_venue_and_a_uid(database, board_id):
    with database.transaction() as session:
        meeting_id = create_meeting(session, board_id, _fields(date(2026, 9, 15))).id
    with database.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.venue == "Committee Room 1"
        assert meeting.uid.endswith("@boardroom")
        assert meeting.sequence == 0
        assert meeting.status is MeetingStatus.SCHEDULED


def test_rescheduling_keeps_the_uid_and_raises_the_sequence_only_for_time_or_place(
    database, board_id
):
    with database.transaction() as session:
        meeting = create_meeting(session, board_id, _fields(date(2026, 9, 15)))
        meeting_id, uid = meeting.id, meeting.uid
    with database.transaction() as session:
        update_meeting(session, meeting_id, _fields(date(2026, 9, 22), venue="Room 2"))
    with database.transaction() as session:
        update_meeting(
            session, meeting_id, _fields(date(2026, 9, 22), venue="Room 2", title="Renamed")
        )
    with database.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.uid == uid
        assert meeting.sequence == 1, "a new title is not a change of time or place"
        assert meeting.starts_at == datetime(2026, 9, 22, 14, 0)
        assert meeting.title == "Renamed"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "needs a title"),
        ({"ends_at": datetime(2026, 9, 15, 13, 0)}, r"ends \(13:00\) before it starts \(14:00\)"),
        ({"online_link": "teams meeting"}, "not a web link"),
    ],
)
def test_bad_meeting_details_change_nothing(database, board_id, changes, message):
    with database.transaction() as session:
        meeting_id = create_meeting(session, board_id, _fields(date(2026, 9, 15))).id
    with pytest.raises(BoardroomError, match=message), database.transaction() as session:
        update_meeting(session, meeting_id, _fields(date(2026, 9, 15), **changes))
    with database.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.title, meeting.sequence) == ("Improvement Board", 0)


def test_cancelling_raises_the_sequence_and_freezes_the_meeting(database, board_id):
    with database.transaction() as session:
        meeting_id = create_meeting(session, board_id, _fields(date(2026, 9, 15))).id
    with database.transaction() as session:
        cancel_meeting(session, meeting_id)
    with database.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.status, meeting.sequence) == (MeetingStatus.CANCELLED, 1)
    with pytest.raises(BoardroomError, match="already cancelled"), database.transaction() as s:
        cancel_meeting(s, meeting_id)
    with pytest.raises(BoardroomError, match="cancelled"), database.transaction() as s:
        update_meeting(s, meeting_id, _fields(date(2026, 9, 16)))


def test_a_held_meeting_cannot_be_cancelled(database, board_id):
    with database.transaction() as session:
        meeting_id = create_meeting(session, board_id, _fields(date(2026, 9, 15))).id
        set_status(session, meeting_id, MeetingStatus.HELD)
    with pytest.raises(BoardroomError, match="has been held"), database.transaction() as s:
        cancel_meeting(s, meeting_id)


def test_find_by_id_or_unambiguous_date(database, board_id):
    with database.transaction() as session:
        first = create_meeting(session, board_id, _fields(date(2026, 9, 15))).id
        other_board = create_board(session, "Scrutiny").id
        create_meeting(session, other_board, _fields(date(2026, 10, 20)))
        create_meeting(session, board_id, _fields(date(2026, 10, 20)))
    with database.sessions() as session:
        assert find_meeting(session, str(first)).id == first
        assert find_meeting(session, "2026-09-15").id == first
        assert find_meeting(session, "2026-10-20", board_id).board_id == board_id
        with pytest.raises(BoardroomError, match="There are 2 meetings on Tue 20 Oct 2026"):
            find_meeting(session, "2026-10-20")
        with pytest.raises(NotFoundError, match="no meeting on"):
            find_meeting(session, "2026-10-21")
        with pytest.raises(BoardroomError, match="neither a meeting number nor a date"):
            find_meeting(session, "next week")
        with pytest.raises(NotFoundError, match="There is no meeting number 999"):
            find_meeting(session, "999")


def test_list_between_two_days_inclusive(database, board_id):
    with database.transaction() as session:
        for day in (date(2026, 9, 15), date(2026, 10, 20), date(2026, 11, 17)):
            create_meeting(session, board_id, _fields(day))
    with database.sessions() as session:
        found = list_meetings(session, board_id, date(2026, 10, 20), date(2026, 11, 17))
        assert [m.starts_at.date() for m in found] == [date(2026, 10, 20), date(2026, 11, 17)]


def test_papers_deadline_counts_down_and_turns_overdue(database, board_id):
    with database.transaction() as session:
        meeting_id = create_meeting(session, board_id, _fields(date(2016, 9, 13))).id
    with database.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        early = papers_deadline(meeting, today=date(2016, 9, 1))
        assert early.due == date(2016, 9, 6)
        assert early.text == "Papers due Tue 6 Sep — 3 working days left"
        assert not early.overdue
        assert (
            papers_deadline(meeting, today=date(2016, 9, 6)).text == "Papers due Tue 6 Sep — today"
        )
        late = papers_deadline(meeting, today=date(2016, 9, 8))
        assert late.overdue
        assert late.text == "Papers due Tue 6 Sep — overdue by 2 working days"
        assert papers_deadline(meeting, today=date(2015, 9, 1)).text.startswith(
            "Papers due Tue 6 Sep 2016"
        )
        meeting.status = MeetingStatus.AGENDA_PUBLISHED
        assert not papers_deadline(meeting, today=date(2016, 9, 8)).overdue


def test_the_command_lists_the_schedule_with_deadlines(database, database_url, board_id, capsys):
    from boardroom.cli import main

    with database.transaction() as session:
        create_meeting(session, board_id, _fields(date(2016, 9, 13)))
        create_meeting(session, board_id, _fields(date(2016, 10, 11)))
        create_board(session, "Scrutiny Panel")
    code = main(
        ["--database", database_url, "meetings", "list", "--board", "audit", "--from",
         "1/10/2016", "--to", "2016-12-31"]
    )  # fmt: skip
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "Tue 11 Oct 2016" in lines[1]
    assert "due Tue 4 Oct 2016" in lines[1]
    assert main(["--database", database_url, "meetings", "list", "--board", "Nope"]) == 1
    assert "no board called “Nope”" in capsys.readouterr().err


def test_a_scottish_boards_papers_are_due_earlier_over_new_year(database):
    """2 and 3 January 2023 are both bank holidays in Scotland; only 2 January in England."""
    with database.transaction() as session:
        deadlines = {}
        for region in ("GB-ENG", "GB-SCT"):
            board_id = create_board(session, f"Board {region}", holiday_region=region).id
            meeting = create_meeting(session, board_id, _fields(date(2023, 1, 10)))
            deadlines[region] = papers_deadline(meeting, today=date(2022, 12, 1))
    assert deadlines["GB-ENG"].due == date(2023, 1, 3)
    assert deadlines["GB-SCT"].due == date(2022, 12, 30)
    assert deadlines["GB-ENG"].text == "Papers due Tue 3 Jan 2023 — 20 working days left"
    assert deadlines["GB-SCT"].text == "Papers due Fri 30 Dec — 19 working days left"
