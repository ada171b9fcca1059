"""People, boards and memberships: validation that names the problem and changes nothing."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from boardroom.errors import BoardroomError
from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import add_board, update_board
from boardroom.services.people import (
    MembershipFields,
    PersonFields,
    add_membership,
    add_person,
    current_memberships,
    post_of,
    remove_person,
    update_membership,
    update_person,
)
from boardroom.storage.models import Board, Membership, Person, Role


@pytest.fixture
def ids(database) -> dict[str, int]:
    with database.transaction() as session:
        board = add_board(session, "Improvement Board", BoardRules(quorum=6))
        chair = add_person(session, PersonFields("Eric Robinson", email="eric@example.org"))
        deputy = add_person(session, PersonFields("Deputy Dawg", email="dd@example.org"))
        return {"board": board.id, "chair": chair.id, "deputy": deputy.id}


@pytest.mark.parametrize(
    ("job", "organisation", "post"),
    [
        ("Director", "Wirral Council", "Director, Wirral Council"),
        ("Director", "", "Director"),
        ("", "Wirral Council", "Wirral Council"),
        ("", "", ""),
    ],
)
def test_a_post_names_the_job_and_the_organisation_that_are_known(job, organisation, post):
    assert post_of(job, organisation) == post


def test_a_new_board_has_the_terms_of_reference_defaults(database, ids):
    with database.sessions() as session:
        board = session.get(Board, ids["board"])
        assert (board.time_zone, board.holiday_region, board.lead_days, board.quorum) == (
            "Europe/London",
            "GB-ENG",
            5,
            6,
        )
        assert board.standing_items, "every new board starts with the standing items"


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (BoardRules(quorum=0), "quorum must be at least 1"),
        (BoardRules(holiday_region="GB"), "Unknown bank-holiday region"),
        (BoardRules(time_zone="Europe/Atlantis"), "not a time zone"),
        (BoardRules(lead_days=-2), "between 0 and 60"),
    ],
)
def test_bad_board_rules_change_nothing(database, ids, rules, message):
    with pytest.raises(BoardroomError, match=message), database.transaction() as session:
        update_board(session, ids["board"], "Renamed", rules)
    with database.sessions() as session:
        board = session.get(Board, ids["board"])
        assert (board.name, board.quorum) == ("Improvement Board", 6)


def test_a_scottish_board(database, ids):
    with database.transaction() as session:
        update_board(
            session,
            ids["board"],
            "Improvement Board",
            BoardRules(quorum=4, holiday_region="GB-SCT", lead_days=7, venue=" City Chambers "),
        )
    with database.sessions() as session:
        board = session.get(Board, ids["board"])
        assert (board.holiday_region, board.lead_days, board.venue) == (
            "GB-SCT",
            7,
            "City Chambers",
        )


def test_a_malformed_email_is_refused_and_the_person_is_unchanged(database, ids):
    with (
        pytest.raises(BoardroomError, match="“eric at example” is not an email address"),
        database.transaction() as session,
    ):
        update_person(session, ids["chair"], PersonFields("Eric R", email="eric at example"))
    with database.sessions() as session:
        assert session.get(Person, ids["chair"]).name == "Eric Robinson"


def test_two_people_cannot_share_an_email(database, ids):
    with (
        pytest.raises(BoardroomError, match="Eric Robinson already has"),
        database.transaction() as session,
    ):
        add_person(session, PersonFields("Someone", email="eric@example.org"))


def test_membership_with_deputy_and_the_current_register_order(database, ids):
    with database.transaction() as session:
        add_membership(
            session,
            ids["board"],
            MembershipFields(ids["deputy"], Role.MEMBER, date(2016, 9, 1)),
        )
        add_membership(
            session,
            ids["board"],
            MembershipFields(ids["chair"], Role.CHAIR, date(2016, 9, 1), None, ids["deputy"]),
        )
    with database.sessions() as session:
        seats = current_memberships(session, ids["board"], date(2017, 1, 1))
        assert [(s.person.name, s.role) for s in seats] == [
            ("Eric Robinson", Role.CHAIR),
            ("Deputy Dawg", Role.MEMBER),
        ]
        assert seats[0].deputy.name == "Deputy Dawg"
        assert current_memberships(session, ids["board"], date(2016, 8, 31)) == []


def test_end_before_start_is_refused(database, ids):
    fields = MembershipFields(ids["chair"], Role.CHAIR, date(2017, 1, 1), date(2016, 1, 1))
    with (
        pytest.raises(BoardroomError, match=r"ends .* before it starts"),
        database.transaction() as session,
    ):
        add_membership(session, ids["board"], fields)
    with database.sessions() as session:
        assert session.scalars(select(Membership)).all() == []


def test_a_duplicate_or_overlapping_membership_is_refused(database, ids):
    fields = MembershipFields(ids["chair"], Role.CHAIR, date(2016, 9, 1))
    with database.transaction() as session:
        membership_id = add_membership(session, ids["board"], fields).id
    with (
        pytest.raises(
            BoardroomError, match="already sits on this board as chair from Thu 1 Sep 2016"
        ),
        database.transaction() as session,
    ):
        add_membership(session, ids["board"], replace(fields, start_date=date(2018, 1, 1)))
    # Ending the first seat makes room for a later one in the same role.
    with database.transaction() as session:
        update_membership(session, membership_id, replace(fields, end_date=date(2017, 12, 31)))
        add_membership(session, ids["board"], replace(fields, start_date=date(2018, 1, 1)))
    with database.sessions() as session:
        assert len(session.scalars(select(Membership)).all()) == 2


def test_a_member_is_not_their_own_deputy(database, ids):
    fields = MembershipFields(ids["chair"], Role.CHAIR, deputy_id=ids["chair"])
    with pytest.raises(BoardroomError, match="own deputy"), database.transaction() as session:
        add_membership(session, ids["board"], fields)


def test_someone_on_the_record_cannot_be_removed(database, ids):
    with database.transaction() as session:
        add_membership(session, ids["board"], MembershipFields(ids["chair"], Role.CHAIR))
    with pytest.raises(BoardroomError, match="cannot be removed"), database.transaction() as s:
        remove_person(s, ids["chair"])
    with database.transaction() as session:
        remove_person(session, ids["deputy"])
    with database.sessions() as session:
        assert session.get(Person, ids["deputy"]) is None
