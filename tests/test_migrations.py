"""Schema management: Alembic builds the database, agrees with the models, refuses the future."""

import subprocess
import sys

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from boardroom.errors import DatabaseError
from boardroom.storage.database import alembic_config, open_database
from boardroom.storage.models import Base
from boardroom.storage.schema import head_revision, is_current


def test_an_empty_database_is_created_through_alembic(database):
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with database.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
        tables = set(inspect(connection).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_models_and_migration_head_agree(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_reopening_an_up_to_date_database_keeps_its_rows(database_url):
    first = open_database(database_url)
    with first.transaction() as session:
        session.execute(
            text(
                "INSERT INTO person (name, title, job_title, organisation, email, "
                "version, created_at, updated_at) VALUES ('A', '', '', '', '', 1, "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    first.close()
    second = open_database(database_url)
    with second.sessions() as session:
        assert session.execute(text("SELECT name FROM person")).scalars().all() == ["A"]
    second.close()


def test_a_database_from_a_newer_version_is_refused(database_url):
    db = open_database(database_url)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    db.close()
    with pytest.raises(DatabaseError, match="newer version of Boardroom"):
        open_database(database_url)


def test_a_missing_folder_gets_a_clear_message(tmp_path):
    with pytest.raises(DatabaseError, match="folder for the database does not exist"):
        open_database(f"sqlite:///{tmp_path / 'nowhere' / 'boardroom.db'}")


def test_the_head_is_read_from_the_migration_files_as_alembic_reads_it():
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_an_up_to_date_database_opens_without_loading_alembic(database_url, tmp_path):
    open_database(database_url).close()  # created (and so upgraded) by Alembic
    probe = (
        "import sys\n"
        "from boardroom.storage.database import open_database\n"
        f"open_database({database_url!r}).close()\n"
        "print(sorted({'alembic', 'boardroom.storage.upgrade', 'boardroom.storage.backup'}"
        " & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", "the up-to-date path loads no upgrade machinery"


def test_a_database_behind_the_head_is_still_upgraded(database_url):
    db = open_database(database_url)
    config = alembic_config()
    with db.engine.begin() as connection:
        assert is_current(connection)
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        assert not is_current(connection)
        assert "ix_meeting_board_starts_at" not in _index_names(connection, "meeting")
    db.close()
    reopened = open_database(database_url)
    with reopened.engine.connect() as connection:
        assert is_current(connection)
        assert "ix_meeting_board_starts_at" in _index_names(connection, "meeting")
    reopened.close()


def _index_names(connection, table: str) -> set[str]:
    return {index["name"] for index in inspect(connection).get_indexes(table)}
