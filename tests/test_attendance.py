"""The register: seats listed, deputies recorded for members, quorum counted live."""

from datetime import date, datetime, time

import pytest

from boardroom.errors import BoardroomError
from boardroom.minutes_docx import OFFICERS, PRESENT, attendance_lists
from boardroom.services.attendance import (
    add_attendee,
    mark,
    quorum,
    register,
    register_and_quorum,
    remove_attendee,
    set_times,
)
from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import add_board
from boardroom.services.meetings import MeetingFields, create_meeting
from boardroom.services.people import MembershipFields, PersonFields, add_membership, add_person
from boardroom.storage.models import AttendanceStatus, Meeting, Role
from sent_statements import statements_sent


@pytest.fixture
def setup(database) -> dict[str, int]:
    """A board with quorum 3: a chair, three members (one with a named deputy), an officer."""
    with database.transaction() as session:
        board = add_board(session, "Board", BoardRules(quorum=3))
        ids = {"board": board.id}
        for key, name in [
            ("chair", "Ann Chair"),
            ("m1", "Ben Member"),
            ("m2", "Cath Member"),
            ("m3", "Dan Member"),
            ("officer", "Eve Officer"),
        ]:
            ids[key] = add_person(session, PersonFields(name)).id
        ids["deputy"] = add_person(session, PersonFields("Fay Deputy")).id
        ids["guest"] = add_person(session, PersonFields("Gus Guest")).id
        for key, role in [("chair", Role.CHAIR), ("m1", Role.MEMBER), ("m2", Role.MEMBER)]:
            add_membership(session, board.id, MembershipFields(ids[key], role))
        add_membership(
            session, board.id, MembershipFields(ids["m3"], Role.MEMBER, deputy_id=ids["deputy"])
        )
        add_membership(session, board.id, MembershipFields(ids["officer"], Role.OFFICER))
        # A member whose seat ended before the meeting is not on its register.
        ended = add_person(session, PersonFields("Old Member")).id
        add_membership(
            session, board.id, MembershipFields(ended, Role.MEMBER, end_date=date(2020, 1, 1))
        )
        ids["meeting"] = create_meeting(
            session,
            board.id,
            MeetingFields("Board", datetime(2026, 9, 15, 14), datetime(2026, 9, 15, 16)),
        ).id
        return ids


def test_every_current_seat_is_listed_chair_first(database, setup):
    with database.sessions() as session:
        lines = register(session, setup["meeting"])
    assert [line.name for line in lines] == [
        "Ann Chair",
        "Ben Member",
        "Cath Member",
        "Dan Member",
        "Eve Officer",
    ]
    assert all(line.status is None for line in lines)
    assert [line.counts_for_quorum for line in lines] == [True, True, True, True, False]


def test_a_deputy_fills_the_seat_and_counts_towards_the_quorum(database, setup):
    meeting = setup["meeting"]
    with database.transaction() as session:
        mark(session, meeting, setup["chair"], AttendanceStatus.PRESENT)
        mark(session, meeting, setup["m1"], AttendanceStatus.APOLOGIES)
        mark(session, meeting, setup["officer"], AttendanceStatus.PRESENT)
        assert not quorum(session, meeting).met, "the chair alone (officers do not count)"
        mark(session, meeting, setup["m3"], AttendanceStatus.DEPUTY)  # the named deputy
        assert quorum(session, meeting).present == 2
        mark(session, meeting, setup["m2"], AttendanceStatus.PRESENT)
    with database.sessions() as session:
        count = quorum(session, meeting)
        assert (count.present, count.required, count.met) == (3, 3, True)
        assert count.text == "Members present 3 · quorum 3 — quorate"
        dan = next(line for line in register(session, meeting) if line.name == "Dan Member")
        assert dan.status is AttendanceStatus.DEPUTY
        assert dan.deputy_id == setup["deputy"]
        assert dan.minutes_text == "Fay Deputy (for Dan Member)"


def test_someone_who_leaves_early_no_longer_counts(database, setup):
    meeting = setup["meeting"]
    with database.transaction() as session:
        for key in ("chair", "m1", "m2"):
            mark(session, meeting, setup[key], AttendanceStatus.PRESENT)
        set_times(session, meeting, setup["m2"], time(14, 10), time(15, 0))
    with database.sessions() as session:
        assert quorum(session, meeting).present == 2
        cath = next(line for line in register(session, meeting) if line.name == "Cath Member")
        assert (cath.arrived_at, cath.left_at) == (time(14, 10), time(15, 0))


def test_a_deputy_needs_a_name_and_times_need_an_order(database, setup):
    meeting = setup["meeting"]
    with pytest.raises(BoardroomError, match="has no named deputy"), database.transaction() as s:
        mark(s, meeting, setup["m1"], AttendanceStatus.DEPUTY)
    with pytest.raises(BoardroomError, match="cannot leave"), database.transaction() as s:
        mark(s, meeting, setup["m1"], AttendanceStatus.PRESENT)
        set_times(s, meeting, setup["m1"], time(15), time(14))
    with database.sessions() as session:
        assert all(line.status is None for line in register(session, meeting))


def test_guests_and_officers_are_added_once(database, setup):
    meeting = setup["meeting"]
    with database.transaction() as session:
        add_attendee(session, meeting, setup["guest"], AttendanceStatus.GUEST, "Ofsted")
    with (
        pytest.raises(BoardroomError, match="already on this meeting's register"),
        database.transaction() as session,
    ):
        add_attendee(session, meeting, setup["guest"], AttendanceStatus.GUEST)
    with pytest.raises(BoardroomError, match="no seat on the board"), database.transaction() as s:
        mark(s, meeting, setup["guest"], AttendanceStatus.PRESENT)
    with database.sessions() as session:
        last = register(session, meeting)[-1]
        assert (last.name, last.role, last.status) == (
            "Gus Guest",
            "Ofsted",
            AttendanceStatus.GUEST,
        )
        assert not last.counts_for_quorum


def test_an_officer_adviser_or_secretary_marked_here_is_in_attendance(database, setup):
    """P on an officer's seat records "in attendance", on a member's "present": the minutes
    then list the officer under Officers in attendance, without repeating the heading."""
    meeting = setup["meeting"]
    with database.transaction() as session:
        board = setup["board"]
        for key, name, role in (
            ("adviser", "Hal Adviser", Role.ADVISER),
            ("secretary", "Ivy Secretary", Role.SECRETARY),
        ):
            setup[key] = add_person(session, PersonFields(name, job_title=f"Board {name}")).id
            add_membership(session, board, MembershipFields(setup[key], role))
        for key in ("officer", "adviser", "secretary", "chair"):
            mark(session, meeting, setup[key], AttendanceStatus.PRESENT)
        mark(session, meeting, setup["m1"], AttendanceStatus.IN_ATTENDANCE)  # P from elsewhere
    with database.sessions() as session:
        lines = {line.name: line for line in register(session, meeting)}
        for name in ("Eve Officer", "Hal Adviser", "Ivy Secretary"):
            assert lines[name].status is AttendanceStatus.IN_ATTENDANCE, name
            assert lines[name].attending and not lines[name].counts_for_quorum
        assert lines["Ann Chair"].status is AttendanceStatus.PRESENT
        assert lines["Ben Member"].status is AttendanceStatus.PRESENT
        assert quorum(session, meeting).present == 2
        listed = attendance_lists(session, session.get(Meeting, meeting))
    assert [name for name, _role in listed[OFFICERS]] == [
        "Eve Officer",
        "Hal Adviser",
        "Ivy Secretary",
    ]
    officer_role = dict(listed[OFFICERS])["Eve Officer"]
    assert "Officer in attendance" not in officer_role
    assert {name for name, _role in listed[PRESENT]} == {"Ann Chair", "Ben Member"}
    # In attendance on a seat is still a seat: it cannot be taken off like an added guest.
    refused = pytest.raises(BoardroomError, match="Only officers in attendance and guests")
    with refused, database.transaction() as session:
        remove_attendee(session, meeting, setup["officer"])
    # Apologies on an officer's seat are apologies, as for anyone.
    with database.transaction() as session:
        mark(session, meeting, setup["officer"], AttendanceStatus.APOLOGIES)
    with database.sessions() as session:
        officer = next(line for line in register(session, meeting) if line.name == "Eve Officer")
        assert officer.status is AttendanceStatus.APOLOGIES


def test_the_register_and_its_quorum_are_read_once(database, setup):
    meeting = setup["meeting"]
    with database.transaction() as session:
        for key in ("chair", "m1", "m2", "officer"):
            mark(session, meeting, setup[key], AttendanceStatus.PRESENT)
    with database.sessions() as session:
        both = register_and_quorum(session, meeting)
        assert both.lines == register(session, meeting)
        assert both.quorum == quorum(session, meeting)
        assert (both.quorum.present, both.quorum.met) == (3, True)

    with statements_sent(database) as alone, database.sessions() as session:
        register(session, meeting)
    with statements_sent(database) as both, database.sessions() as session:
        register_and_quorum(session, meeting)
    assert len(both) <= len(alone) + 1, "the board's quorum, no more"
