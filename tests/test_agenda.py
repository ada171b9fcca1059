"""Agenda numbering, reordering, the running clock and the standing-item template."""

from datetime import datetime

import pytest

from boardroom.errors import BoardroomError
from boardroom.services.agenda import append_item, move_item, start_from_template, timetable
from boardroom.services.boards import create_board
from boardroom.services.meetings import new_uid
from boardroom.storage.models import Meeting, StandingKind


@pytest.fixture
def meeting_id(database) -> int:
    with database.transaction() as session:
        board = create_board(session, "Improvement Board")
        meeting = Meeting(
            board=board,
            title="Improvement Board",
            starts_at=datetime(2016, 9, 13, 14, 0),
            ends_at=datetime(2016, 9, 13, 15, 0),
            uid=new_uid(),
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def _numbers(database, meeting_id) -> list[tuple[str, str]]:
    with database.sessions() as session:
        return [
            (line.number, line.title) for line in timetable(session.get(Meeting, meeting_id)).lines
        ]


def test_a_new_agenda_starts_from_the_standing_items(database, meeting_id):
    with database.transaction() as session:
        start_from_template(session, meeting_id)
    with database.sessions() as session:
        lines = timetable(session.get(Meeting, meeting_id)).lines
    assert [line.standing for line in lines] == [
        StandingKind.WELCOME,
        StandingKind.DECLARATIONS,
        StandingKind.PREVIOUS_MINUTES,
        StandingKind.ACTION_LOG,
        StandingKind.AOB,
        StandingKind.NEXT_MEETING,
    ]
    with pytest.raises(BoardroomError, match="already has an agenda"), database.transaction() as s:
        start_from_template(s, meeting_id)


def test_sub_items_are_numbered_under_their_parent_and_follow_a_move(database, meeting_id):
    with database.transaction() as session:
        welcome = append_item(session, meeting_id, "Welcome")
        ofsted = append_item(session, meeting_id, "Ofsted findings")
        append_item(session, meeting_id, "Findings for the Council", parent_id=ofsted.id)
        append_item(session, meeting_id, "Findings for the LSCB", parent_id=ofsted.id)
        append_item(session, meeting_id, "Terms of Reference")
        welcome_id, ofsted_id = welcome.id, ofsted.id
    assert _numbers(database, meeting_id) == [
        ("1", "Welcome"),
        ("2", "Ofsted findings"),
        ("2.1", "Findings for the Council"),
        ("2.2", "Findings for the LSCB"),
        ("3", "Terms of Reference"),
    ]
    with database.transaction() as session:
        move_item(session, ofsted_id, 2)
    assert _numbers(database, meeting_id) == [
        ("1", "Welcome"),
        ("2", "Terms of Reference"),
        ("3", "Ofsted findings"),
        ("3.1", "Findings for the Council"),
        ("3.2", "Findings for the LSCB"),
    ]
    with pytest.raises(BoardroomError, match="places 1 to 3"), database.transaction() as s:
        move_item(s, welcome_id, 5)


def test_the_clock_runs_from_the_start_and_warns_of_an_overrun(database, meeting_id):
    with database.transaction() as session:
        append_item(session, meeting_id, "Welcome", minutes=5)
        append_item(session, meeting_id, "Ofsted findings", minutes=40)
    with database.sessions() as session:
        table = timetable(session.get(Meeting, meeting_id))
    assert [line.starts_at.strftime("%H:%M") for line in table.lines] == ["14:00", "14:05"]
    assert table.overrun_minutes == 0
    with database.transaction() as session:
        append_item(session, meeting_id, "Terms of Reference", minutes=25)
    with database.sessions() as session:
        table = timetable(session.get(Meeting, meeting_id))
    assert table.lines[-1].starts_at.strftime("%H:%M") == "14:45"
    assert table.planned_end.strftime("%H:%M") == "15:10"
    assert table.overrun_minutes == 10


def test_an_item_needs_a_title(database, meeting_id):
    with pytest.raises(BoardroomError, match="needs a title"), database.transaction() as s:
        append_item(s, meeting_id, "   ")
