"""The benchmark's data generator: the sizes asked for, the same data for the same seed."""

from datetime import datetime

from sqlalchemy import func, select

from boardroom.bench.generate import Scale, generate
from boardroom.services.boards import create_board
from boardroom.storage.database import open_database
from boardroom.storage.models import ActionPoint, Meeting

SMALL = Scale(boards=2, years=1, items_per_meeting=4, people=40, plan_items=10, actions=300)


def _first_actions(url: str) -> list[tuple[str, str]]:
    database = open_database(url)
    with database.sessions() as session:
        rows = session.execute(
            select(ActionPoint.reference, ActionPoint.description).order_by(ActionPoint.id).limit(5)
        ).all()
    database.close()
    return [tuple(row) for row in rows]


def test_sizes_and_integrity(database_url):
    counts = generate(database_url, SMALL, seed=3)
    assert counts["board"] == 2 and counts["person"] == 40
    assert counts["meeting"] == 2 * (11 + 3), "eleven a year, none in August; three to come"
    assert counts["agenda_item"] == 28 * 4 and counts["minute"] == 22 * 4, "held ones minuted"
    assert counts["action_point"] == 300 and counts["plan_item"] == 20
    database = open_database(database_url)
    with database.transaction() as session:
        references = session.scalars(select(ActionPoint.reference)).all()
        assert len(set(references)) == 300
        months = session.scalars(select(Meeting.starts_at)).all()
        assert all(moment.month != 8 for moment in months)
        open_minutes = session.scalars(
            select(Meeting.starts_at).where(Meeting.minutes_locked.is_(False))
        ).all()
        assert len(open_minutes) == 6 and min(open_minutes) > datetime(2026, 1, 1)
        origins = session.scalars(
            select(Meeting.starts_at).join(ActionPoint, ActionPoint.origin_meeting_id == Meeting.id)
        ).all()
        assert max(origins) < datetime(2026, 1, 1), "actions come from meetings already held"
        create_board(session, "A board added afterwards")  # ids keep working after bulk load
        assert session.scalar(select(func.count()).select_from(ActionPoint)) == 300
    database.close()


def test_the_same_seed_gives_the_same_data(tmp_path):
    first, second = (f"sqlite:///{tmp_path / name}" for name in ("a.db", "b.db"))
    generate(first, SMALL, seed=11)
    generate(second, SMALL, seed=11)
    assert _first_actions(first) == _first_actions(second)
