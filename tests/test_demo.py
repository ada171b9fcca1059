"""The demo board, loaded from the sample data shipped in resources/."""

import re
from collections import Counter
from datetime import date, datetime

from sqlalchemy import func, select

from boardroom.cli import main
from boardroom.services.demo import load_demo
from boardroom.storage.models import (
    ActionPoint,
    AgendaItem,
    Attendance,
    Base,
    Board,
    Meeting,
    Person,
    PlanItem,
    PlanItemUpdate,
    PlanSection,
    Rag,
)

EXPECTED_NUMBERS = [
    f"{section}.{n}"
    for section, count in ((1, 7), (2, 9), (3, 12), (4, 7), (5, 6))
    for n in range(1, count + 1)
]


def _counts(database) -> dict[str, int]:
    with database.sessions() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def test_loading_twice_or_resetting_duplicates_nothing(database):
    with database.transaction() as session:
        assert load_demo(session).loaded
    once = _counts(database)
    with database.transaction() as session:
        assert not load_demo(session).loaded
    assert _counts(database) == once
    with database.transaction() as session:
        assert load_demo(session, reset=True).loaded
    assert _counts(database) == once
    assert once["board"] == 1 and once["meeting"] >= 2 and once["action_point"] >= 3


def test_the_plan_has_41_activities_with_the_right_numbers(demo_database):
    with demo_database.sessions() as session:
        numbers = session.scalars(
            select(PlanItem.number)
            .join(PlanSection)
            .order_by(PlanSection.number, PlanItem.position)
        ).all()
        assert numbers == EXPECTED_NUMBERS
        targets = dict(session.execute(select(PlanItem.number, PlanItem.target_text)).all())
        dates = dict(session.execute(select(PlanItem.number, PlanItem.target_date)).all())
    assert targets["2.5"] == "Ongoing" and dates["2.5"] is None
    assert targets["2.6"] == "2020/21" and dates["2.6"] is None
    assert targets["1.1"] == "March 2020" and dates["1.1"].isoformat() == "2020-03-31"


def test_the_plan_is_rated_as_reported_to_the_november_2019_board(demo_database):
    with demo_database.sessions() as session:
        items = session.scalars(select(PlanItem)).all()
        ratings = Counter(item.rag for item in items)
        assert ratings[Rag.RED] >= 3 and ratings[Rag.AMBER] >= 5 and ratings[Rag.GREEN] >= 5
        assert ratings[Rag.NOT_RATED] >= 12, "many activities are not rated yet"
        for item in items:
            history = item.updates
            if item.rag is Rag.NOT_RATED:
                assert history == [], f"{item.number} has notes but no rating"
                continue
            assert history[-1].rag is item.rag, f"{item.number}: the rating now is the latest"
            assert all(update.note for update in history)
            dates = [update.on_date for update in history]
            assert dates == sorted(dates)
            # First reported with the papers for the meeting of 19 November 2019 (the plan
            # was published in October), then updated no later than the action log was.
            assert date(2019, 10, 1) <= dates[0] <= date(2019, 11, 19)
            assert dates[-1] <= date(2020, 1, 14)
        numbers = {item.number: item for item in items}
        assert numbers["3.9"].rag is Rag.GREEN  # the plan itself says COMPLETED
        assert numbers["2.2"].rag is Rag.RED  # the workshop date slipped, as the log says
        total = session.scalar(select(func.count()).select_from(PlanItemUpdate))
        assert total > len(items) - ratings[Rag.NOT_RATED], "some have more than one note"


_REPEATS = re.compile(r"^(It was resolved|Resolved\b|Action:|The meeting (was )?closed)", re.I)


def test_the_notes_never_repeat_the_resolutions_actions_or_closing_time(demo_database):
    """The Word minutes set out resolutions, actions and the closing time themselves, so
    notes saying them too would make the minutes say them twice."""
    with demo_database.sessions() as session:
        for item in session.scalars(select(AgendaItem)):
            if item.minute is None:
                continue
            paragraphs = [p.strip() for p in item.minute.notes.split("\n\n")]
            repeated = [p for p in paragraphs if _REPEATS.match(p)]
            assert repeated == [], f"{item.title!r} repeats {repeated}"


def test_the_september_2016_meeting_is_there_as_minuted(demo_database):
    with demo_database.sessions() as session:
        meeting = session.scalar(
            select(Meeting).where(
                Meeting.starts_at.between(datetime(2016, 9, 13), datetime(2016, 9, 14))
            )
        )
        register = {a.person.name: a.status.value for a in meeting.attendance}
        assert register["Eric Robinson"] == "present"
        assert register["Julia Hassall"] == "in_attendance"
        assert register["Lisa Cooper"] == "apologies"
        titles = [item.title for item in meeting.agenda_items]
        assert "Terms of Reference" in titles
        tor = next(i for i in meeting.agenda_items if i.title == "Terms of Reference")
        assert "Terms of Reference" in tor.actions[0].description
        assert tor.actions[0].reference == "IB-2016-01"
        assert tor.resolutions == [], "the original minutes record no resolution here"
        assert tor.minute.notes.endswith("oversee the Improvement of the LSCB.")
        linked = session.scalar(
            select(func.count()).select_from(ActionPoint).where(ActionPoint.plan_items.any())
        )
        assert linked >= 3


def test_boardroom_demo_command_twice_gives_the_same_counts(database_url, capsys):
    assert main(["--database", database_url, "demo"]) == 0
    assert main(["--database", database_url, "demo"]) == 0
    assert "already" in capsys.readouterr().out
    from boardroom.storage.database import open_database

    db = open_database(database_url)
    with db.sessions() as session:
        counts = [
            session.scalar(select(func.count()).select_from(model))
            for model in (Board, Person, Meeting, AgendaItem, Attendance, PlanItem)
        ]
    db.close()
    assert counts[0] == 1 and counts[-1] == 41
