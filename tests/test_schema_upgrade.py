"""A database written by the first Boardroom, opened by this one: upgraded, every row kept.

``fixtures/first_schema.db`` was made by the first migration only and holds the demo board
plus a row in every other table (see ``fixtures/make_first_schema_db.py``). Opening a copy
runs whatever migrations have followed; every column the first schema had must still hold
exactly what it held, row for row, and the services must read it.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from boardroom.cli import main
from boardroom.errors import DatabaseError
from boardroom.services.dashboard import board_choices
from boardroom.services.minutes import notes_of
from boardroom.storage.backup import backups_folder, verify_backup
from boardroom.storage.database import alembic_config, open_database
from boardroom.storage.models import ActionPoint, AgendaItem, Minute, Paper, PlanItem

FIXTURE = Path(__file__).parent / "fixtures" / "first_schema.db"
FIRST_REVISION = "0001"


def _snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every table of the first schema: its rows, in the first schema's columns, by id."""
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT IN ('alembic_version', 'sqlite_sequence') ORDER BY name"
            )
        ]
        snapshot = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            listed = ", ".join(f'"{column}"' for column in columns)
            snapshot[table] = connection.execute(
                f'SELECT {listed} FROM "{table}" ORDER BY {listed}'
            ).fetchall()
    return snapshot


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


@pytest.fixture
def old_copy(tmp_path: Path) -> Path:
    """A copy of the committed file, so the fixture itself is never changed."""
    copy = tmp_path / "boardroom.db"
    shutil.copyfile(FIXTURE, copy)
    assert _revision(copy) == FIRST_REVISION
    return copy


def test_the_fixture_is_small_and_has_a_row_in_every_table():
    assert FIXTURE.stat().st_size < 512 * 1024
    empty = [table for table, rows in _snapshot(FIXTURE).items() if not rows]
    assert empty == []


def test_opening_a_first_schema_database_upgrades_it_and_keeps_every_row(old_copy):
    before = _snapshot(old_copy)
    first_columns = {table: _columns(old_copy, table) for table in before}

    database = open_database(f"sqlite:///{old_copy}")
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert _revision(old_copy) == head

    with sqlite3.connect(old_copy) as connection:
        for table, rows in before.items():
            listed = ", ".join(f'"{column}"' for column in first_columns[table])
            after = connection.execute(f'SELECT {listed} FROM "{table}" ORDER BY {listed}')
            assert after.fetchall() == rows, f"table {table} changed in the upgrade"

    with database.sessions() as session:  # and the current code reads it
        assert [name for _, name in board_choices(session)] == ["Wirral Improvement Board"]
        minute = session.query(Minute).order_by(Minute.id).first()
        assert notes_of(session, minute.agenda_item_id)[0] == minute.notes != ""
        assert session.query(ActionPoint).filter_by(reference="IB-2016-01").one().description
        assert session.query(PlanItem).filter_by(number="1.1").one().updates[0].note == (
            "Review under way."
        )
        paper = session.query(Paper).one()
        assert paper.filename == "Ofsted Improvement Plan progress report.pdf"
        assert session.get(AgendaItem, paper.agenda_item_id).meeting.series.rrule.startswith(
            "FREQ=MONTHLY"
        )
    database.close()


def test_restoring_a_first_schema_backup_upgrades_it(tmp_path, old_copy, capsys):
    current = tmp_path / "current.db"
    open_database(f"sqlite:///{current}").close()
    assert main(["--database", f"sqlite:///{current}", "restore", str(old_copy)]) == 0
    assert "Restored" in capsys.readouterr().out
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert _revision(current) == head
    assert _snapshot(current)["action_point"] == _snapshot(old_copy)["action_point"]


def test_a_database_from_a_newer_boardroom_is_refused_and_left_as_it_was(old_copy):
    with sqlite3.connect(old_copy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = _snapshot(old_copy)
    with pytest.raises(DatabaseError, match="created by a newer version of Boardroom") as caught:
        open_database(f"sqlite:///{old_copy}")
    assert "Install the latest Boardroom" in caught.value.message
    assert "nothing has been changed" in caught.value.message
    assert _revision(old_copy) == "9999_from_the_future"
    assert _snapshot(old_copy) == before


def _copies_before_upgrade() -> list[Path]:
    return sorted(backups_folder().glob("before-upgrade-*.db"))


def test_an_older_database_is_copied_aside_before_it_is_upgraded(old_copy, caplog):
    before = _snapshot(old_copy)
    with caplog.at_level(logging.INFO, logger="boardroom"):
        open_database(f"sqlite:///{old_copy}").close()
    [copy] = _copies_before_upgrade()
    assert copy.name.startswith(f"before-upgrade-{FIRST_REVISION}-")
    assert _revision(copy) == FIRST_REVISION, "the copy is the database as it was"
    assert _snapshot(copy) == before
    assert verify_backup(copy) == FIRST_REVISION
    assert str(copy) in caplog.text

    open_database(f"sqlite:///{old_copy}").close()  # up to date now: no second copy
    assert _copies_before_upgrade() == [copy]


def test_a_brand_new_database_is_not_copied(tmp_path):
    open_database(f"sqlite:///{tmp_path / 'new.db'}").close()
    assert _copies_before_upgrade() == []


def test_a_failed_upgrade_leaves_the_database_as_it_was_and_names_the_copy(old_copy):
    # Someone once added an index by hand under the name a later migration creates.
    with sqlite3.connect(old_copy) as connection:
        connection.execute("CREATE INDEX ix_meeting_board_starts_at ON meeting (title)")
    before = _snapshot(old_copy)
    with pytest.raises(DatabaseError, match="could not upgrade the database") as caught:
        open_database(f"sqlite:///{old_copy}")
    [copy] = _copies_before_upgrade()
    assert str(copy) in caught.value.message
    assert _revision(old_copy) == FIRST_REVISION and _snapshot(old_copy) == before
    assert _snapshot(copy) == before


def test_no_upgrade_without_its_copy(old_copy):
    backups_folder().parent.mkdir(parents=True, exist_ok=True)
    backups_folder().write_text("a file where the backups folder should be")
    with pytest.raises(DatabaseError, match="could not first copy it") as caught:
        open_database(f"sqlite:///{old_copy}")
    assert "Nothing has been changed" in caught.value.message
    assert _revision(old_copy) == FIRST_REVISION
