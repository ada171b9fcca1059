"""The ORM model: every concept round-trips, and the database enforces its rules."""

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from boardroom.services.boards import create_board
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    Meeting,
    MeetingSeries,
    Membership,
    Minute,
    Paper,
    Person,
    Plan,
    PlanItem,
    PlanItemUpdate,
    PlanSection,
    Purpose,
    Rag,
    Resolution,
    Role,
    StandingKind,
)


def _populate(session) -> int:
    board = create_board(session, "Improvement Board", code="IB", quorum=6)
    chair = Person(name="Eric Robinson", job_title="Chief Executive", email="er@example.org")
    member = Person(name="Tony Smith", title="Cllr", email="ts@example.org")
    deputy = Person(name="Simone White", email="sw@example.org")
    session.add_all([chair, member, deputy])
    session.add_all(
        [
            Membership(board=board, person=chair, role=Role.CHAIR, start_date=date(2016, 9, 1)),
            Membership(board=board, person=member, role=Role.MEMBER, deputy=deputy),
        ]
    )
    series = MeetingSeries(
        board=board,
        title="Improvement Board",
        rrule="FREQ=MONTHLY;BYDAY=3TU",
        first_start=datetime(2016, 9, 20, 14),
        uid="series@test",
    )
    meeting = Meeting(
        board=board,
        series=series,
        title="Improvement Board",
        starts_at=datetime(2016, 9, 13, 14),
        ends_at=datetime(2016, 9, 13, 16),
        uid="meeting@test",
        closed_at=time(16, 5),
    )
    meeting.attendance = [
        Attendance(person=chair, status=AttendanceStatus.PRESENT, capacity="Chair"),
        Attendance(person=member, status=AttendanceStatus.DEPUTY, deputy=deputy),
    ]
    item = AgendaItem(
        position=0,
        title="Terms of Reference",
        purpose=Purpose.DECISION,
        presenter=chair,
        standing=None,
        confidential=True,
    )
    item.children = [
        AgendaItem(meeting=meeting, position=0, title="Sub-item", standing=StandingKind.AOB)
    ]
    item.papers = [Paper(filename="tor.docx", sha256="ab" * 32, size=1234)]
    item.minute = Minute(notes="Eric Robinson asked for comments.")
    item.resolutions = [Resolution(position=0, text="That the Board noted the report.")]
    meeting.agenda_items.append(item)
    meeting.declarations = [Declaration(person=member, agenda_item=item, interest="Governor")]
    plan = Plan(board=board, title="Ofsted Improvement Plan")
    section = PlanSection(number=1, recommendation="Improve analysis", outcome="Lived experience")
    plan_item = PlanItem(number="1.1", activity="Review SFEF", target_text="Ongoing", rag=Rag.AMBER)
    plan_item.updates = [PlanItemUpdate(on_date=date(2019, 11, 1), rag=Rag.AMBER, note="On track")]
    section.items.append(plan_item)
    plan.sections.append(section)
    session.add(plan)
    action = ActionPoint(
        board=board,
        reference="IB-2016-01",
        year=2016,
        sequence=1,
        description="Send out amended Terms of Reference",
        owner=chair,
        due_date=date(2016, 10, 11),
        origin_meeting=meeting,
        origin_item=item,
        plan_items=[plan_item],
    )
    action.updates = [
        ActionUpdate(
            on_date=date(2016, 10, 1),
            text="Sent",
            status_from=ActionStatus.OPEN,
            status_to=ActionStatus.DONE,
            meeting=meeting,
        )
    ]
    session.add(action)
    session.flush()
    return meeting.id


def test_whole_vocabulary_round_trips(database):
    with database.transaction() as session:
        meeting_id = _populate(session)
    with database.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.board.name == "Improvement Board"
        assert next(s.kind for s in meeting.board.standing_items) is StandingKind.WELCOME
        assert meeting.series.rrule == "FREQ=MONTHLY;BYDAY=3TU"
        assert meeting.closed_at == time(16, 5)
        register = {a.person.name: a for a in meeting.attendance}
        assert register["Tony Smith"].deputy.name == "Simone White"
        assert register["Eric Robinson"].capacity == "Chair"
        item = meeting.agenda_items[0]
        assert item.purpose is Purpose.DECISION and item.confidential
        assert item.presenter_name == "Eric Robinson"
        assert item.children[0].standing is StandingKind.AOB
        assert item.papers[0].size == 1234
        assert item.minute.notes.startswith("Eric Robinson")
        assert item.resolutions[0].text == "That the Board noted the report."
        assert meeting.declarations[0].interest == "Governor"
        action = item.actions[0]
        assert action.plan_items[0].number == "1.1"
        assert action.plan_items[0].actions == [action]
        assert action.updates[0].status_to is ActionStatus.DONE
        assert action.plan_items[0].updates[0].rag is Rag.AMBER
        membership = next(m for m in meeting.board.memberships if m.role is Role.MEMBER)
        assert membership.deputy.name == "Simone White"
        assert membership.person.display_name == "Cllr Tony Smith"


def test_foreign_keys_are_enforced(database):
    with database.transaction() as session:
        meeting_id = _populate(session)
    with pytest.raises(IntegrityError), database.transaction() as session:
        session.add(
            Attendance(meeting_id=meeting_id, person_id=999_999, status=AttendanceStatus.PRESENT)
        )
        session.flush()


def test_deleting_a_meeting_removes_its_business_but_never_a_person(database):
    with database.transaction() as session:
        meeting_id = _populate(session)
    with database.transaction() as session:
        session.delete(session.get(Meeting, meeting_id))
    with database.sessions() as session:
        for model in (AgendaItem, Attendance, Minute, Resolution, Paper, Declaration):
            assert session.scalar(select(func.count()).select_from(model)) == 0, model
        assert session.scalar(select(func.count()).select_from(Person)) == 3
        action = session.scalar(select(ActionPoint))
        assert action is not None, "an action outlives the meeting it came from"
        assert action.origin_meeting_id is None and action.origin_item_id is None
        assert action.updates[0].meeting_id is None


def test_a_person_with_business_cannot_be_deleted(database):
    with database.transaction() as session:
        _populate(session)
    with pytest.raises(IntegrityError), database.transaction() as session:
        chair = session.scalar(select(Person).where(Person.name == "Eric Robinson"))
        session.delete(chair)
        session.flush()
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 3
