"""Agenda numbering, reordering, the running clock and the standing-item template."""

from dataclasses import replace

import pytest

from agenda_builders import blank_meeting
from boardroom.errors import BoardroomError
from boardroom.services.agenda import (
    ItemFields,
    append_item,
    delete_item,
    indent_item,
    move_item,
    outdent_item,
    start_from_template,
    timetable,
    update_item,
)
from boardroom.services.standing_items import (
    add_standing_item,
    move_standing_item,
    remove_standing_item,
    update_standing_item,
)
from boardroom.storage.models import AgendaItem, Meeting, Person, Purpose, StandingKind


@pytest.fixture
def meeting_id(database) -> int:
    return blank_meeting(database)


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


def test_the_editor_saves_an_item_and_validates_it(database, meeting_id):
    with database.transaction() as session:
        item_id = append_item(session, meeting_id, "Ofsted findings").id
        person = Person(name="Julia Hassall")
        session.add(person)
        session.flush()
        person_id = person.id
    fields = ItemFields(
        title="  Ofsted findings and recommendations ",
        purpose=Purpose.DEEP_DIVE,
        presenter_text="ignored when a person is named",
        presenter_id=person_id,
        minutes=45,
        description="The inspection report.",
        confidential=True,
    )
    with database.transaction() as session:
        update_item(session, item_id, fields)
    with database.sessions() as session:
        item = session.get(AgendaItem, item_id)
        assert (item.title, item.purpose, item.minutes_allotted) == (
            "Ofsted findings and recommendations",
            Purpose.DEEP_DIVE,
            45,
        )
        assert (item.presenter_name, item.presenter_text) == ("Julia Hassall", "")
        assert item.confidential and item.description == "The inspection report."
    for bad, message in [
        (replace(fields, title=" "), "needs a title"),
        (replace(fields, minutes=-5), "between 0 and 600"),
        (replace(fields, presenter_id=9999), "no longer in the people list"),
    ]:
        with pytest.raises(BoardroomError, match=message), database.transaction() as s:
            update_item(s, item_id, bad)
    with database.sessions() as session:
        assert session.get(AgendaItem, item_id).minutes_allotted == 45


def test_indent_outdent_and_delete_renumber_the_agenda(database, meeting_id):
    with database.transaction() as session:
        ids = [append_item(session, meeting_id, title).id for title in "ABCD"]
    with database.transaction() as session:
        indent_item(session, ids[1])
    with database.transaction() as session:
        indent_item(session, ids[2])
    assert _numbers(database, meeting_id) == [("1", "A"), ("1.1", "B"), ("1.2", "C"), ("2", "D")]
    for item_id, message in [
        (ids[0], "cannot itself become a sub-item"),
        (ids[1], "cannot have sub-items"),
    ]:
        with pytest.raises(BoardroomError, match=message), database.transaction() as s:
            indent_item(s, item_id)
    with database.transaction() as session:
        outdent_item(session, ids[1])
    assert _numbers(database, meeting_id) == [("1", "A"), ("1.1", "C"), ("2", "B"), ("3", "D")]
    with pytest.raises(BoardroomError, match="already a main item"), database.transaction() as s:
        outdent_item(s, ids[3])
    with database.transaction() as session:
        delete_item(session, ids[0])  # takes its sub-item C with it
    assert _numbers(database, meeting_id) == [("1", "B"), ("2", "D")]
    with database.transaction() as session:
        move_item(session, ids[3], 0)
    assert _numbers(database, meeting_id) == [("1", "D"), ("2", "B")]


def test_the_boards_standing_items_can_be_edited_and_new_agendas_follow(database, meeting_id):
    with database.transaction() as session:
        board_id = session.get(Meeting, meeting_id).board_id
        forward_plan = add_standing_item(session, board_id, "Forward plan", Purpose.DISCUSSION, 10)
        standing = session.get(Meeting, meeting_id).board.standing_items
        welcome_id, aob_id = standing[0].id, standing[4].id
    with database.transaction() as session:
        update_standing_item(session, welcome_id, "Welcome", Purpose.INFORMATION, 3)
        move_standing_item(session, forward_plan.id, 4)
        remove_standing_item(session, aob_id)
    with pytest.raises(BoardroomError, match="needs a title"), database.transaction() as s:
        add_standing_item(s, board_id, "  ")
    with database.transaction() as session:
        start_from_template(session, meeting_id)
    with database.sessions() as session:
        lines = timetable(session.get(Meeting, meeting_id)).lines
    assert [(line.title, line.minutes) for line in lines] == [
        ("Welcome", 3),
        ("Declarations of interest", 2),
        ("Minutes of the previous meeting and matters arising", 10),
        ("Action log review", 10),
        ("Forward plan", 10),
        ("Date of next meeting", 2),
    ]
