"""Improvement plans: target dates read the way a plan writes them, the plan tree with its
RAG roll-ups, and editing items in place with a dated rating history."""

from datetime import date

import pytest
from sqlalchemy import select

from boardroom.errors import BoardroomError
from boardroom.services.actions import change_status
from boardroom.services.plans import (
    item_history,
    load_plan_tree,
    parse_target,
    plans_of_board,
    rag_rollup,
    record_progress,
    update_item_field,
)
from boardroom.storage.models import ActionPoint, ActionStatus, Board, PlanItem, Rag


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 2020", date(2020, 3, 31)),
        ("December 2019", date(2019, 12, 31)),
        ("Feb 2020", date(2020, 2, 29)),
        ("31/01/2020", date(2020, 1, 31)),
        ("Ongoing", None),
        ("2020/21", None),
        ("", None),
        ("Quarterly", None),
    ],
)
def test_parse_target(text, expected):
    assert parse_target(text) == expected


# --- the plan tree, RAG roll-ups and editing in place -----------------------------------------


def _demo_plan(session):
    board_id = session.scalar(select(Board.id))
    return plans_of_board(session, board_id)[0][0]


def _item(session, number):
    return session.scalar(select(PlanItem).where(PlanItem.number == number))


def test_rag_rollup_counts_per_section_and_overdue(demo_database):
    ratings = {"1.1": Rag.RED, "1.2": Rag.AMBER, "1.3": Rag.AMBER, "1.4": Rag.GREEN}
    with demo_database.transaction() as session:
        for number, rag in ratings.items():
            record_progress(session, _item(session, number).id, rag, f"Rated {rag}")
    with demo_database.sessions() as session:
        tree = load_plan_tree(session, _demo_plan(session), as_of=date(2020, 2, 1))
    first = tree.sections[0]
    rollup = first.rollup
    # With the demo's own ratings: 1.5 green, 1.7 amber, 1.6 not rated yet.
    assert (rollup.red, rollup.amber, rollup.green, rollup.not_rated) == (1, 3, 2, 1)
    # targets before 1 Feb 2020 and not green: 1.3 (Jan 2020, amber), 1.6 (Jan, not rated);
    # 1.5 (Dec 2019) is green, so on track
    assert rollup.overdue == 2
    assert [item.number for item in first.items if item.overdue] == ["1.3", "1.6"]
    assert tree.rollup.total == 41
    assert rag_rollup(tree.sections[1].items).not_rated == 5  # 2.4, 2.5, 2.6, 2.8, 2.9
    assert first.label.startswith("1. Children's daily lived experience")


def test_open_actions_are_counted_on_every_item_they_serve(demo_database):
    with demo_database.sessions() as session:
        tree = load_plan_tree(session, _demo_plan(session), as_of=date(2020, 1, 1))
    counts = {item.number: item.open_actions for s in tree.sections for item in s.items}
    assert counts["2.1"] == counts["2.2"] == 1  # one action serves both
    assert counts["3.4"] == 0  # its action is done
    with demo_database.transaction() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-02"))
        change_status(session, action.id, ActionStatus.DONE)
    with demo_database.sessions() as session:
        tree = load_plan_tree(session, _demo_plan(session), as_of=date(2020, 1, 1))
    assert {i.number: i.open_actions for s in tree.sections for i in s.items}["2.1"] == 0


def test_editing_in_place_and_the_dated_rating_history(demo_database):
    with demo_database.transaction() as session:
        item_id = _item(session, "2.5").id
        update_item_field(session, item_id, "target_text", "March 2021")
        update_item_field(session, item_id, "lead", "  Commissioning Manager ")
        record_progress(session, item_id, Rag.AMBER, "Started", on_date=date(2020, 1, 10))
        record_progress(session, item_id, Rag.GREEN, "Done", on_date=date(2020, 3, 1))
    with demo_database.sessions() as session:
        item = session.get(PlanItem, item_id)
        assert (item.target_text, item.target_date) == ("March 2021", date(2021, 3, 31))
        assert item.lead == "Commissioning Manager"
        assert item.rag == Rag.GREEN
        history = [(u.on_date, u.rag, u.note) for u in item_history(session, item_id)]
        assert history == [
            (date(2020, 3, 1), Rag.GREEN, "Done"),
            (date(2020, 1, 10), Rag.AMBER, "Started"),
        ]
    with demo_database.transaction() as session, pytest.raises(BoardroomError, match="needs"):
        update_item_field(session, item_id, "activity", " ")
    with demo_database.transaction() as session, pytest.raises(BoardroomError, match="number"):
        update_item_field(session, item_id, "number", "9.9")
