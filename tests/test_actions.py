"""Action points: references, progress history, reviews at meetings, overdue in working days,
and filters, counts and groupings checked against a few thousand generated actions."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from boardroom.errors import BoardroomError
from boardroom.services.action_rows import (
    ActionFilter,
    action_counts,
    filter_rows,
    group_rows,
    load_action_rows,
    section_labels,
    summarise,
)
from boardroom.services.actions import (
    add_update,
    change_status,
    create_action,
    open_actions_for_review,
    review_action,
)
from boardroom.services.boards import create_board
from boardroom.services.meetings import new_uid
from boardroom.services.overdue import is_overdue
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    Meeting,
    Person,
    Plan,
    PlanItem,
    PlanSection,
    action_plan_item,
)
from boardroom.workdays import is_working_day


def _meeting(session, board, when: datetime) -> Meeting:
    meeting = Meeting(
        board=board,
        title=board.name,
        starts_at=when,
        ends_at=when + timedelta(hours=2),
        uid=new_uid(),
    )
    session.add(meeting)
    session.flush()
    return meeting


@pytest.fixture
def setting(database):
    """A board with two people, two meetings and a small plan."""
    with database.transaction() as session:
        board = create_board(session, "Improvement Board", code="IB")
        other = create_board(session, "Audit Committee", code="AC")
        people = [Person(name="Julia Hassall"), Person(name="Eifion Burke")]
        session.add_all(people)
        first = _meeting(session, board, datetime(2016, 9, 13, 14))
        second = _meeting(session, board, datetime(2016, 10, 11, 14))
        elsewhere = _meeting(session, other, datetime(2016, 10, 12, 10))
        plan = Plan(board=board, title="Plan")
        for number in (1, 2):
            section = PlanSection(number=number, outcome=f"Outcome {number}")
            section.items = [
                PlanItem(number=f"{number}.{i}", activity="A", position=i) for i in (1, 2)
            ]
            plan.sections.append(section)
        session.add(plan)
        session.flush()
        items = {item.number: item.id for s in plan.sections for item in s.items}
        return {
            "board": board.id,
            "other": other.id,
            "people": [p.id for p in people],
            "first": first.id,
            "second": second.id,
            "elsewhere": elsewhere.id,
            "items": items,
        }


def test_references_run_per_board_and_year(database, setting):
    with database.transaction() as session:
        refs = [
            create_action(
                session,
                setting["board"],
                f"Do {n}",
                owner_id=None,
                due_date=None,
                origin_meeting_id=setting["first"],
            ).reference
            for n in range(3)
        ]
        later = create_action(
            session, setting["board"], "Later", owner_id=None, due_date=None, year=2017
        )
    assert refs == ["IB-2016-01", "IB-2016-02", "IB-2016-03"]
    assert later.reference == "IB-2017-01"
    with database.transaction() as session, pytest.raises(BoardroomError, match="description"):
        create_action(session, setting["board"], "  ", owner_id=None, due_date=None)


def test_status_changes_and_notes_build_the_history(database, setting):
    with database.transaction() as session:
        action_id = create_action(
            session,
            setting["board"],
            "Circulate the ToR",
            owner_id=setting["people"][0],
            due_date=date(2016, 10, 11),
        ).id
    with database.transaction() as session:
        add_update(session, action_id, "Draft prepared", on_date=date(2016, 9, 27))
        change_status(session, action_id, ActionStatus.DONE)
    with database.transaction() as session, pytest.raises(BoardroomError, match="progress note"):
        add_update(session, action_id, "  ")
    with database.sessions() as session:
        action = session.get(ActionPoint, action_id)
        assert action.status == ActionStatus.DONE
        assert action.closed_at is not None
        history = [(u.text, u.status_from, u.status_to) for u in action.updates]
        assert history == [
            ("Draft prepared", None, None),
            ("", ActionStatus.OPEN, ActionStatus.DONE),
        ]
    with database.transaction() as session:
        change_status(session, action_id, ActionStatus.IN_PROGRESS, "Reopened: not agreed")
    with database.sessions() as session:
        assert session.get(ActionPoint, action_id).closed_at is None


def test_review_at_a_meeting_is_recorded_with_the_meeting(database, setting):
    with database.transaction() as session:
        action_id = create_action(
            session,
            setting["board"],
            "Report back",
            owner_id=None,
            due_date=date(2016, 10, 11),
            origin_meeting_id=setting["first"],
        ).id
    with database.transaction() as session:
        review_action(session, action_id, setting["second"], "Reported; closed", ActionStatus.DONE)
    with database.sessions() as session:
        update = session.scalar(select(ActionUpdate).where(ActionUpdate.action_id == action_id))
        assert update.meeting_id == setting["second"]
        assert update.on_date == date(2016, 10, 11)
        assert update.status_to == ActionStatus.DONE
        row = load_action_rows(session, as_of=date(2016, 10, 12))[0]
        assert row.last_reviewed_on == date(2016, 10, 11)
    with database.transaction() as session, pytest.raises(BoardroomError, match="another board"):
        review_action(session, action_id, setting["elsewhere"], "Wrong board")


def test_the_action_log_item_brings_forward_every_open_action(database, setting):
    with database.transaction() as session:
        board = setting["board"]
        kept = create_action(
            session,
            board,
            "Open from the first meeting",
            owner_id=None,
            due_date=date(2016, 9, 30),
            origin_meeting_id=setting["first"],
        )
        create_action(
            session,
            board,
            "Agreed at the second meeting itself",
            owner_id=None,
            due_date=date(2016, 11, 1),
            origin_meeting_id=setting["second"],
        )
        done = create_action(
            session,
            board,
            "Already done",
            owner_id=None,
            due_date=None,
            origin_meeting_id=setting["first"],
        )
        change_status(session, done.id, ActionStatus.DONE)
        create_action(session, setting["other"], "Another board's", owner_id=None, due_date=None)
        loose = create_action(session, board, "Not from a meeting", owner_id=None, due_date=None)
    with database.sessions() as session:
        rows = open_actions_for_review(session, board, date(2016, 10, 11))
    assert [row.id for row in rows] == [kept.id, loose.id]
    assert rows[0].overdue


def _next_working_day_on_or_after(day: date, region: str) -> date:
    while not is_working_day(day, region):
        day += timedelta(days=1)
    return day


@pytest.mark.parametrize(
    ("due", "as_of", "region", "overdue"),
    [
        # Christmas 2016: Mon 26 and Tue 27 Dec are bank holidays in England.
        (date(2016, 12, 25), date(2016, 12, 27), "GB-ENG", False),
        (date(2016, 12, 25), date(2016, 12, 28), "GB-ENG", False),  # due effectively today
        (date(2016, 12, 25), date(2016, 12, 29), "GB-ENG", True),
        (date(2016, 12, 23), date(2016, 12, 27), "GB-ENG", True),
        (date(2016, 12, 23), date(2016, 12, 23), "GB-ENG", False),
        # Scotland also keeps 3 Jan 2017 (2 January, moved): not yet late on Wed 4 Jan.
        (date(2017, 1, 2), date(2017, 1, 4), "GB-SCT", False),
        (date(2017, 1, 2), date(2017, 1, 4), "GB-ENG", True),
    ],
)
def test_overdue_skips_weekends_and_bank_holidays(due, as_of, region, overdue):
    assert is_overdue(ActionStatus.OPEN, due, as_of, region) is overdue
    assert (_next_working_day_on_or_after(due, region) < as_of) is overdue
    assert not is_overdue(ActionStatus.DONE, due, as_of, region)


def test_overdue_in_sql_follows_each_board_s_region(database):
    with database.transaction() as session:
        england = create_board(session, "England Board", holiday_region="GB-ENG")
        scotland = create_board(session, "Scotland Board", holiday_region="GB-SCT")
        for board in (england, scotland):
            create_action(
                session,
                board.id,
                "Due on 2 January",
                owner_id=None,
                due_date=date(2017, 1, 2),
                year=2016,
            )
    with database.sessions() as session:
        as_of = date(2017, 1, 4)
        assert action_counts(session, board_id=england.id, as_of=as_of).overdue == 1
        assert action_counts(session, board_id=scotland.id, as_of=as_of).overdue == 0
        rows = load_action_rows(session, as_of=as_of)
        assert {row.board: row.overdue for row in rows} == {
            "England Board": True,
            "Scotland Board": False,
        }


ACTION_COUNT = 3000
AS_OF = date(2026, 5, 6)  # the Wednesday after the early May bank holiday


@pytest.fixture
def many_actions(database):
    """Several thousand actions over two boards, eight owners and a plan of six sections."""
    rng = random.Random(2016)
    with database.transaction() as session:
        boards = [
            create_board(session, "Improvement Board", code="IB"),
            create_board(session, "Safeguarding Board", code="SB", holiday_region="GB-WLS"),
        ]
        people = [Person(name=f"Owner {n}") for n in range(8)]
        session.add_all(people)
        plan = Plan(board=boards[0], title="Plan")
        for number in range(1, 7):
            section = PlanSection(number=number, outcome=f"Outcome {number}")
            section.items = [
                PlanItem(number=f"{number}.{i}", activity="A", position=i) for i in range(1, 6)
            ]
            plan.sections.append(section)
        session.add(plan)
        session.flush()
        items = [item.id for section in plan.sections for item in section.items]
        statuses = list(ActionStatus)
        values = []
        for n in range(ACTION_COUNT):
            status = rng.choice(statuses)
            due = AS_OF + timedelta(days=rng.randint(-120, 60)) if rng.random() > 0.05 else None
            closed = (
                datetime(2026, rng.randint(1, 5), rng.randint(1, 28), 12)
                if status.is_closed
                else None
            )
            values.append(
                {
                    "board_id": boards[n % 2].id,
                    "reference": f"X-{n}",
                    "year": 2026,
                    "sequence": n + 1,
                    "description": f"Action number {n}",
                    "owner_id": rng.choice(people).id if rng.random() > 0.03 else None,
                    "due_date": due,
                    "status": status,
                    "closed_at": closed,
                }
            )
        session.execute(insert(ActionPoint), values)
        ids = session.scalars(select(ActionPoint.id).order_by(ActionPoint.id)).all()
        links = {
            (action_id, item)
            for action_id in ids
            for item in rng.sample(items, rng.choice((0, 1, 1, 2, 3)))
        }
        session.execute(
            insert(action_plan_item), [{"action_id": a, "plan_item_id": i} for a, i in links]
        )
        updates = [
            {
                "action_id": a,
                "on_date": AS_OF - timedelta(days=rng.randint(0, 90)),
                "text": "Progress",
            }
            for a in rng.sample(list(ids), 900)
        ]
        session.execute(insert(ActionUpdate), updates)
    return {"boards": [b.id for b in boards], "people": [p.id for p in people]}


def _brute_overdue(row) -> bool:
    region = "GB-WLS" if row.board == "Safeguarding Board" else "GB-ENG"
    return (
        row.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
        and row.due_date is not None
        and _next_working_day_on_or_after(row.due_date, region) < AS_OF
    )


def test_counts_filters_and_groupings_on_thousands_of_actions(database, many_actions):
    board = many_actions["boards"][0]
    since = AS_OF - timedelta(days=30)
    with database.sessions() as session:
        rows = load_action_rows(session, as_of=AS_OF)
        labels = section_labels(session)
        sql_all = action_counts(session, board_id=None, as_of=AS_OF, since=since)
        sql_board = action_counts(session, board_id=board, as_of=AS_OF, since=since)
        assert session.scalar(select(func.count(ActionPoint.id))) == ACTION_COUNT
    assert len(rows) == ACTION_COUNT
    assert all(row.overdue == _brute_overdue(row) for row in rows)
    assert summarise(rows, AS_OF, since) == sql_all
    board_rows = filter_rows(rows, ActionFilter(board_id=board))
    assert summarise(board_rows, AS_OF, since) == sql_board
    assert sql_all.overdue > 100 and sql_all.due_soon > 50 and sql_all.moved_since > 100

    owner = many_actions["people"][3]
    chosen = filter_rows(rows, ActionFilter(owner_id=owner, overdue_only=True, board_id=board))
    expected = [
        r for r in rows if r.owner_id == owner and _brute_overdue(r) and r.board_id == board
    ]
    assert {r.id for r in chosen} == {r.id for r in expected} and chosen
    outstanding = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})
    due_before = filter_rows(rows, ActionFilter(statuses=outstanding, due_before=AS_OF))
    assert len(due_before) == sum(
        1 for r in rows if r.status in outstanding and r.due_date and r.due_date < AS_OF
    )

    moved = {r.id for r in rows if r.last_update_on is not None and r.last_update_on > since}
    assert moved == {r.id for r in filter_rows(rows, ActionFilter(changed_since=since))}
    by_owner = group_rows(rows, "owner", moved=moved)
    assert sum(group.total for group in by_owner) == ACTION_COUNT
    assert sum(group.moved for group in by_owner) == len(moved) == sql_all.moved_since
    for group in by_owner:
        members = [r for r in rows if r.owner_id == group.key]
        assert group.overdue == sum(_brute_overdue(r) for r in members)
        assert group.open == sum(r.status in outstanding for r in members)
        assert group.moved == sum(r.id in moved for r in members)

    by_section = group_rows(rows, "section", labels, moved)
    assert [g.name for g in by_section][:6] == [f"{n}. Outcome {n}" for n in range(1, 7)]
    # Unnamed by the service: the window and the files each word it in their reader's language.
    assert (by_section[-1].key, by_section[-1].name) == (None, "")
    expected_total = sum(len({link.section_id for link in r.plan_links}) or 1 for r in rows)
    assert sum(group.total for group in by_section) == expected_total
    for group in by_section[:-1]:
        in_section = filter_rows(rows, ActionFilter(section_id=group.key))
        assert group.total == len(in_section)
        assert group.overdue == sum(r.overdue for r in in_section)
        assert group.moved == sum(r.id in moved for r in in_section)


def test_an_action_serving_two_plan_items_is_listed_under_both(database, setting):
    items = setting["items"]
    with database.transaction() as session:
        action = create_action(
            session,
            setting["board"],
            "Joint review",
            owner_id=None,
            due_date=date(2016, 12, 1),
            plan_item_ids=[items["1.2"], items["2.1"]],
        )
    with database.sessions() as session:
        rows = load_action_rows(session, as_of=date(2016, 11, 1))
        labels = section_labels(session, setting["board"])
    for number in ("1.2", "2.1"):
        assert [r.id for r in filter_rows(rows, ActionFilter(plan_item_id=items[number]))] == [
            action.id
        ]
    assert filter_rows(rows, ActionFilter(plan_item_id=items["1.1"])) == []
    groups = {g.name: g.total for g in group_rows(rows, "section", labels)}
    assert groups == {"1. Outcome 1": 1, "2. Outcome 2": 1}
    (nobody,) = group_rows(rows, "owner")
    assert (nobody.key, nobody.name, nobody.total) == (None, "", 1)
    assert rows[0].plan_numbers == "1.2, 2.1"
