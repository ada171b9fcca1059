"""The services behind the agenda editor: one move for every reordering, delete and put back
exactly (the editor's undo), the rows the editor shows, and who can present."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from agenda_builders import blank_meeting
from boardroom.errors import BoardroomError
from boardroom.services.agenda import (
    append_item,
    delete_item,
    item_place,
    place_item,
    start_from_template,
    timetable,
)
from boardroom.services.agenda_rows import agenda_view, presenter_choices, resolve_presenter
from boardroom.services.agenda_snapshots import remove_items, restore_items
from boardroom.services.papers import attach_paper, paper_path
from boardroom.storage.models import (
    ActionPoint,
    AgendaItem,
    Meeting,
    Membership,
    Minute,
    Paper,
    Person,
    Role,
    StandingKind,
)


@pytest.fixture
def meeting_id(database) -> int:
    return blank_meeting(database)


def _agenda(database, meeting_id) -> list[tuple[str, str]]:
    with database.sessions() as session:
        return [
            (line.number, line.title) for line in timetable(session.get(Meeting, meeting_id)).lines
        ]


def _items(database, meeting_id, titles: str) -> dict[str, int]:
    with database.transaction() as session:
        return {title: append_item(session, meeting_id, title).id for title in titles}


def test_place_moves_between_levels_and_reports_where_it_was(database, meeting_id):
    ids = _items(database, meeting_id, "ABCD")
    with database.transaction() as session:
        place_item(session, ids["C"], ids["A"], 0)  # drop C onto A
        place_item(session, ids["D"], ids["A"], 0)  # and D above it
    assert _agenda(database, meeting_id) == [
        ("1", "A"),
        ("1.1", "D"),
        ("1.2", "C"),
        ("2", "B"),
    ]
    with database.sessions() as session:
        assert item_place(session, ids["C"]) == (ids["A"], 1)
    with database.transaction() as session:
        place_item(session, ids["C"], None, 0)
    assert _agenda(database, meeting_id) == [("1", "C"), ("2", "A"), ("2.1", "D"), ("3", "B")]
    for item, parent, index, message in [
        ("A", ids["C"], 0, "item with sub-items cannot"),
        ("B", ids["D"], 0, "cannot have sub-items"),
        ("B", None, 3, "places 1 to 3"),
        ("B", ids["C"], 1, "places 1 to 1"),
    ]:
        with pytest.raises(BoardroomError, match=message), database.transaction() as session:
            place_item(session, ids[item], parent, index)
    assert _agenda(database, meeting_id) == [("1", "C"), ("2", "A"), ("2.1", "D"), ("3", "B")]


def test_a_deleted_item_comes_back_with_its_ids_sub_items_and_papers(
    database, meeting_id, tmp_path
):
    ids = _items(database, meeting_id, "ABC")
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 the report")
    with database.transaction() as session:
        sub = append_item(session, meeting_id, "B1", parent_id=ids["B"], minutes=15)
        sub.presenter_text, sub.confidential = "LSCB Independent Chair", True
        paper_id = attach_paper(session, sub.id, report).id
        sub_id = sub.id
    before = _agenda(database, meeting_id)
    with database.transaction() as session:
        snapshots = remove_items(session, [ids["B"]])
    assert _agenda(database, meeting_id) == [("1", "A"), ("2", "C")]
    report.unlink()  # the stored copy is what matters
    with database.transaction() as session:
        restore_items(session, snapshots)
    assert _agenda(database, meeting_id) == before
    with database.sessions() as session:
        restored = session.get(AgendaItem, sub_id)
        assert (restored.parent_id, restored.presenter_text, restored.confidential) == (
            ids["B"],
            "LSCB Independent Chair",
            True,
        )
        assert restored.minutes_allotted == 15
        paper = session.get(Paper, paper_id)
        assert paper.agenda_item_id == sub_id
        assert paper_path(paper).read_bytes() == b"%PDF-1.4 the report"
    with pytest.raises(BoardroomError, match="already on the agenda"), database.transaction() as s:
        restore_items(s, snapshots)


def test_standing_items_taken_off_together_go_back_in_order(database, meeting_id):
    with database.transaction() as session:
        ids = [item.id for item in start_from_template(session, meeting_id)]
    before = _agenda(database, meeting_id)
    with database.transaction() as session:
        snapshots = remove_items(session, ids)
    assert _agenda(database, meeting_id) == []
    with database.transaction() as session:
        restore_items(session, snapshots)
    assert _agenda(database, meeting_id) == before


def test_an_item_with_minutes_is_not_deleted(database, meeting_id):
    ids = _items(database, meeting_id, "AB")
    with database.transaction() as session:
        session.add(Minute(agenda_item_id=ids["A"], notes="The Board noted the report."))
        meeting = session.get(Meeting, meeting_id)
        session.add(
            ActionPoint(
                board_id=meeting.board_id,
                reference="IB-2016-01",
                year=2016,
                sequence=1,
                description="Circulate the letter",
                origin_meeting_id=meeting_id,
                origin_item_id=ids["B"],
            )
        )
    for title in "AB":
        with pytest.raises(BoardroomError, match="minutes recorded"), database.transaction() as s:
            delete_item(s, ids[title])
    assert len(_agenda(database, meeting_id)) == 2


def test_the_editor_rows_carry_numbers_times_papers_and_open_actions(
    database, meeting_id, tmp_path
):
    with database.transaction() as session:
        start_from_template(session, meeting_id)
        ofsted = append_item(session, meeting_id, "Ofsted findings", minutes=30)
        append_item(session, meeting_id, "For the Council", parent_id=ofsted.id, minutes=20)
        paper = tmp_path / "Ofsted report.pdf"
        paper.write_bytes(b"%PDF" + b"x" * 2044)
        attach_paper(session, ofsted.id, paper)
        meeting = session.get(Meeting, meeting_id)
        session.add(
            ActionPoint(
                board_id=meeting.board_id,
                reference="IB-2016-01",
                year=2016,
                sequence=1,
                description="Circulate the letter",
            )
        )
    with database.sessions() as session:
        view = agenda_view(session, meeting_id)
    numbers = [(row.number, row.index, row.depth) for row in view.rows]
    assert numbers[-2:] == [("7", 6, 0), ("7.1", 0, 1)]
    ofsted_row = view.rows[-2]
    assert ofsted_row.starts_at == datetime(2016, 9, 13, 14, 34)  # six standing items: 34 minutes
    assert ofsted_row.child_count == 1
    assert [(p.filename, p.kind, p.size_text) for p in ofsted_row.papers] == [
        ("Ofsted report.pdf", "PDF", "2.0 KB")
    ]
    assert view.rows[3].standing is StandingKind.ACTION_LOG
    assert [a.reference for a in view.open_actions] == ["IB-2016-01"]
    assert view.planned_end == datetime(2016, 9, 13, 15, 24)
    assert view.overrun_minutes == 24


def test_a_presenter_is_labelled_with_the_seat_held_on_the_meeting_day(database, meeting_id):
    """The meeting sits on 13 September 2016: a seat that ended before it, or starts after
    it, leaves the person labelled by their post; of two seats held, the chair's shows."""
    seats = [  # name, role, first day, last day
        ("Ann Ended", Role.MEMBER, None, date(2016, 9, 12)),
        ("Bea Later", Role.MEMBER, date(2016, 9, 14), None),
        ("Cat Both", Role.MEMBER, None, None),
        ("Cat Both", Role.CHAIR, date(2016, 1, 1), date(2016, 12, 31)),
        ("Dee Today", Role.ADVISER, date(2016, 9, 13), date(2016, 9, 13)),
    ]
    with database.transaction() as session:
        board = session.get(Meeting, meeting_id).board
        people = {name: Person(name=name, job_title="Head of Service") for name, *_ in seats}
        session.add_all(
            Membership(board=board, person=people[name], role=role, start_date=first, end_date=last)
            for name, role, first, last in seats
        )
    with database.sessions() as session:
        labels = {choice.key: choice.label for choice in presenter_choices(session, meeting_id)}
    assert labels["Ann Ended"] == "Ann Ended — Head of Service"
    assert labels["Bea Later"] == "Bea Later — Head of Service"
    assert labels["Cat Both"] == "Cat Both — Chair"
    assert labels["Dee Today"] == "Dee Today — Adviser"


def test_presenters_are_people_by_name_or_label_else_free_text(database, meeting_id):
    with database.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        julia = Person(name="Julia Hassall", job_title="Director")
        session.add_all(
            [
                Membership(board=meeting.board, person=julia, role=Role.OFFICER),
                Person(name="Phil Gilchrist", title="Cllr", organisation="Wirral Council"),
            ]
        )
        session.flush()
        julia_id = julia.id
    with database.sessions() as session:
        choices = presenter_choices(session, meeting_id)
    assert [choice.label for choice in choices] == [
        "Cllr Phil Gilchrist — Wirral Council",
        "Julia Hassall — Officer in attendance",
    ]
    assert resolve_presenter("julia hassall", choices) == (julia_id, "")
    assert resolve_presenter("Julia Hassall — Officer in attendance", choices) == (julia_id, "")
    assert resolve_presenter("  LSCB   Independent Chair ", choices) == (
        None,
        "LSCB Independent Chair",
    )
