"""Declarations of interest recorded against items, and refused once minutes are approved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.attendance import register
from boardroom.services.declarations import record_declaration, remove_declaration
from boardroom.services.minutes import approve_minutes
from boardroom.storage.models import Declaration, Meeting, MeetingStatus


@pytest.fixture
def october(demo_database) -> tuple[int, int, int]:
    """The October 2016 meeting, its fifth item and a member on its register."""
    with demo_database.sessions() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.status == MeetingStatus.AGENDA_PUBLISHED)
        ).one()
        return meeting.id, meeting.agenda_items[4].id, register(session, meeting.id)[0].person_id


def _declarations(database) -> list[tuple[int | None, int, str]]:
    with database.sessions() as session:
        return [
            (d.agenda_item_id, d.person_id, d.interest)
            for d in session.scalars(select(Declaration).order_by(Declaration.id))
        ]


def test_a_declaration_is_recorded_against_its_item_and_can_be_removed(demo_database, october):
    meeting_id, item_id, person_id = october
    before = _declarations(demo_database)
    with demo_database.transaction() as session:
        declaration = record_declaration(
            session, item_id, person_id, "  Governor of   a local school "
        )
        assert declaration.meeting_id == meeting_id
        declaration_id = declaration.id
    assert _declarations(demo_database) == [
        *before,
        (item_id, person_id, "Governor of a local school"),
    ]
    with demo_database.transaction() as session:
        remove_declaration(session, declaration_id)
    assert _declarations(demo_database) == before


def test_bad_declarations_are_refused(demo_database, october):
    _meeting_id, item_id, person_id = october
    before = _declarations(demo_database)
    empty = pytest.raises(BoardroomError, match="Say what interest")
    with empty, demo_database.transaction() as session:
        record_declaration(session, item_id, person_id, " ")
    with pytest.raises(NotFoundError), demo_database.transaction() as session:
        record_declaration(session, item_id, 999_999, "Anything")
    with pytest.raises(NotFoundError), demo_database.transaction() as session:
        remove_declaration(session, 999_999)
    assert _declarations(demo_database) == before


def test_approved_minutes_refuse_declarations(demo_database, october):
    meeting_id, item_id, person_id = october
    with demo_database.transaction() as session:
        declaration_id = record_declaration(session, item_id, person_id, "Foster carer").id
        later = session.scalars(
            select(Meeting).where(Meeting.status == MeetingStatus.MINUTES_DRAFTED)
        ).one()
        approve_minutes(session, meeting_id, at_meeting_id=later.id)
    before = _declarations(demo_database)
    with pytest.raises(BoardroomError, match="locked"), demo_database.transaction() as session:
        record_declaration(session, item_id, person_id, "Another")
    with pytest.raises(BoardroomError, match="locked"), demo_database.transaction() as session:
        remove_declaration(session, declaration_id)
    assert _declarations(demo_database) == before
