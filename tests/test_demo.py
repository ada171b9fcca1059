"""The demo board, loaded from the sample data shipped in resources/."""

from datetime import datetime

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
    PlanSection,
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
