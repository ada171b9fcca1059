"""Schema management: Alembic builds the database, agrees with the models, refuses the future."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from boardroom.errors import DatabaseError
from boardroom.storage.database import alembic_config, open_database
from boardroom.storage.models import Base


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
