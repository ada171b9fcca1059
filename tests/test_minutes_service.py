"""Minutes as a record: autosave, the pen held by one desk, approval locks, unlocking."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from boardroom.errors import BoardroomError, ConflictError
from boardroom.services.agenda import start_from_template
from boardroom.services.minutes import (
    EDITOR_TIMEOUT,
    approve_minutes,
    claim_pen,
    notes_of,
    previous_meeting,
    release_pen,
    save_notes,
    unlock_minutes,
)
from boardroom.storage.models import Meeting, MeetingStatus, Minute
from sent_statements import statements_sent


@pytest.fixture
def meetings(demo_database) -> tuple[int, int, int]:
    """The demo's 2019 meeting (minutes drafted), its first item, and a later meeting."""
    with demo_database.transaction() as session:
        held = session.scalar(
            select(Meeting).where(Meeting.status == MeetingStatus.MINUTES_DRAFTED)
        )
        later = Meeting(
            board=held.board,
            title=held.title,
            starts_at=held.starts_at + timedelta(days=28),
            ends_at=held.ends_at + timedelta(days=28),
            uid="later@test",
        )
        session.add(later)
        session.flush()
        start_from_template(session, later.id)
        return held.id, held.agenda_items[0].id, later.id


def test_saved_notes_are_read_back_from_a_fresh_session(demo_database, meetings):
    _held, item_id, _later = meetings
    with demo_database.transaction() as session:
        _notes, version = notes_of(session, item_id)
        new_version = save_notes(
            session, item_id, "The Chair welcomed members.", expected_version=version
        )
    with demo_database.sessions() as session:
        assert notes_of(session, item_id) == ("The Chair welcomed members.", new_version)


def test_an_autosave_is_one_reading_and_one_update(demo_database, meetings):
    """The live view saves every time typing pauses: the item, its meeting and its minute
    come back in one statement, so a save on a shared server is two round trips."""
    _held, item_id, _later = meetings
    with demo_database.transaction() as session:
        version = save_notes(session, item_id, "The Chair welcomed members.")
    with demo_database.transaction() as session, statements_sent(demo_database) as sent:
        save_notes(session, item_id, "The Chair welcomed all members.", expected_version=version)
    verbs = [statement.split()[0].upper() for statement in sent]
    assert verbs.count("SELECT") == 1 and verbs.count("UPDATE") == 1, sent
    with demo_database.sessions() as session:
        assert notes_of(session, item_id) == ("The Chair welcomed all members.", version + 1)


def test_a_save_over_another_desks_newer_notes_is_a_conflict(demo_database, meetings):
    _held, item_id, _later = meetings
    with demo_database.transaction() as session:
        first = save_notes(session, item_id, "Desk A's words")
    with demo_database.transaction() as session:
        save_notes(session, item_id, "Desk B's words", expected_version=first)
    with pytest.raises(ConflictError), demo_database.transaction() as session:
        save_notes(session, item_id, "Desk A again", expected_version=first)
    with demo_database.sessions() as session:
        assert notes_of(session, item_id)[0] == "Desk B's words"


def test_only_one_desk_holds_the_pen_until_it_goes_quiet(demo_database, meetings):
    held, _item, _later = meetings
    start = datetime(2026, 11, 22, 14, 0)
    with demo_database.transaction() as session:
        assert claim_pen(session, held, "clerk on desk-1", start).mine
    with demo_database.transaction() as session:
        second = claim_pen(session, held, "chair on desk-2", start + timedelta(seconds=5))
    assert not second.mine and second.desk == "clerk on desk-1"
    with demo_database.transaction() as session:
        later = start + EDITOR_TIMEOUT + timedelta(seconds=1)
        assert claim_pen(session, held, "chair on desk-2", later).mine
    with demo_database.transaction() as session:
        release_pen(session, held, "chair on desk-2")
        assert claim_pen(session, held, "clerk on desk-1", later).mine


def test_approval_locks_the_minutes_and_is_minuted_at_the_later_meeting(demo_database, meetings):
    held, item_id, later = meetings
    with demo_database.sessions() as session:
        assert previous_meeting(session, session.get(Meeting, later)).id == held
    with demo_database.transaction() as session:
        resolution = approve_minutes(
            session, held, at_meeting_id=later, amendments="Item 3: 'Lisa' should read 'Lorna'."
        )
        assert "approved as a true record, subject to" in resolution.text
    with (
        pytest.raises(BoardroomError, match=r"approved as a true record .* locked"),
        demo_database.transaction() as session,
    ):
        save_notes(session, item_id, "A change after approval")
    with demo_database.sessions() as session:
        meeting = session.get(Meeting, held)
        assert meeting.status is MeetingStatus.MINUTES_APPROVED
        assert meeting.minutes_locked and meeting.events[-1].kind == "approved"
        assert session.scalar(select(Minute.notes).where(Minute.agenda_item_id == item_id)) != (
            "A change after approval"
        )


def test_unlocking_needs_a_reason_and_is_recorded(demo_database, meetings):
    held, item_id, later = meetings
    with demo_database.transaction() as session:
        approve_minutes(session, held, at_meeting_id=later)
    with pytest.raises(BoardroomError, match="Say why"), demo_database.transaction() as s:
        unlock_minutes(s, held, reason=" ")
    with demo_database.transaction() as session:
        unlock_minutes(session, held, reason="Typo in item 1 reported by the Chair", actor="clerk")
        save_notes(session, item_id, "Corrected")
    with demo_database.sessions() as session:
        events = [(e.kind, e.note) for e in session.get(Meeting, held).events]
    assert events[-1] == ("unlocked", "Typo in item 1 reported by the Chair")
