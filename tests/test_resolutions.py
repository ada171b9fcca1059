"""Resolutions under an item: added, reworded, reordered, removed — and frozen once approved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from boardroom.errors import BoardroomError, ConflictError
from boardroom.services.minutes import approve_minutes
from boardroom.services.resolutions import (
    add_resolution,
    edit_resolution,
    minuted_wording,
    move_resolution,
    remove_resolution,
)
from boardroom.storage.models import AgendaItem, Meeting, MeetingStatus, Resolution, StandingKind


@pytest.fixture
def item_id(demo_database) -> int:
    """The October 2016 meeting's "Terms of Reference" item, which has no resolutions yet."""
    with demo_database.transaction() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.status == MeetingStatus.AGENDA_PUBLISHED)
        ).one()
        item = next(i for i in meeting.agenda_items if i.title.startswith("Terms of Reference"))
        assert not item.resolutions
        return item.id


def _texts(database, item_id: int) -> list[str]:
    with database.sessions() as session:
        return [
            r.text
            for r in session.scalars(
                select(Resolution)
                .where(Resolution.agenda_item_id == item_id)
                .order_by(Resolution.position)
            )
        ]


def test_resolutions_keep_their_order_through_every_change(demo_database, item_id):
    with demo_database.transaction() as session:
        ids = [
            add_resolution(session, item_id, text).id
            for text in (
                "That the Board agreed the terms.",
                "  That   officers publish them. ",
                "c",
            )
        ]
    assert _texts(demo_database, item_id) == [
        "That the Board agreed the terms.",
        "That officers publish them.",
        "C.",
    ]
    with demo_database.transaction() as session:
        move_resolution(session, ids[2], -5)  # past the top stays at the top
    assert _texts(demo_database, item_id)[0] == "C."
    with demo_database.transaction() as session:
        move_resolution(session, ids[2], 1)
        edit_resolution(session, ids[2], "That the chair signs them.")
    assert _texts(demo_database, item_id) == [
        "That the Board agreed the terms.",
        "That the chair signs them.",
        "That officers publish them.",
    ]
    with demo_database.transaction() as session:
        remove_resolution(session, ids[0])
    with demo_database.sessions() as session:
        rows = session.scalars(
            select(Resolution)
            .where(Resolution.agenda_item_id == item_id)
            .order_by(Resolution.position)
        ).all()
        assert [(r.position, r.text) for r in rows] == [
            (0, "That the chair signs them."),
            (1, "That officers publish them."),
        ]


def test_an_empty_resolution_is_refused(demo_database, item_id):
    empty = pytest.raises(BoardroomError, match="Write what was resolved")
    with empty, demo_database.transaction() as session:
        add_resolution(session, item_id, "   ")
    assert _texts(demo_database, item_id) == []


def test_a_stale_edit_is_a_conflict(demo_database, item_id):
    with demo_database.transaction() as session:
        resolution = add_resolution(session, item_id, "That the Board agreed.")
        resolution_id, version = resolution.id, resolution.version
    with demo_database.transaction() as session:
        edit_resolution(session, resolution_id, "That the Board agreed the terms.")
    with pytest.raises(ConflictError), demo_database.transaction() as session:
        edit_resolution(session, resolution_id, "Mine", expected_version=version)
    assert _texts(demo_database, item_id) == ["That the Board agreed the terms."]


def test_approved_minutes_refuse_every_change(demo_database, item_id):
    with demo_database.transaction() as session:
        resolution_id = add_resolution(session, item_id, "That the Board agreed.").id
        october = session.get(AgendaItem, item_id).meeting
        later = session.scalars(
            select(Meeting).where(Meeting.status == MeetingStatus.MINUTES_DRAFTED)
        ).one()
        assert any(i.standing is StandingKind.PREVIOUS_MINUTES for i in later.agenda_items)
        approve_minutes(session, october.id, at_meeting_id=later.id)
    for change in (
        lambda s: add_resolution(s, item_id, "That something else."),
        lambda s: edit_resolution(s, resolution_id, "That it changed."),
        lambda s: move_resolution(s, resolution_id, 1),
        lambda s: remove_resolution(s, resolution_id),
    ):
        refused = pytest.raises(BoardroomError, match=r"approved as a true record .* locked")
        with refused, demo_database.transaction() as session:
            change(session)
    assert _texts(demo_database, item_id) == ["That the Board agreed."]


@pytest.mark.parametrize(
    "typed",
    [
        "It was resolved that the Board noted the report",
        "Resolved – That the Board noted the report.",
        "RESOLVED: that the Board noted the report.",
        "(1)  That the Board noted the report.",
        "Resolved – (1) That the Board noted the report.",
        "that the Board noted the report.",
    ],
)
def test_a_resolution_typed_either_way_is_kept_as_its_that_sentence(demo_database, item_id, typed):
    with demo_database.transaction() as session:
        add_resolution(session, item_id, typed)
    assert _texts(demo_database, item_id) == ["That the Board noted the report."]


def test_the_minutes_word_one_resolution_and_several_as_the_council_does():
    assert minuted_wording(["That the Board noted the report."]) == (
        "",
        ["It was resolved that the Board noted the report."],
    )
    assert minuted_wording(["That the chair be thanked.", "That a workshop be convened."]) == (
        "Resolved –",
        ["(1) That the chair be thanked.", "(2) That a workshop be convened."],
    )
