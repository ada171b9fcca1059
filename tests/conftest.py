"""Shared fixtures: one QApplication, a fresh database per test on SQLite or PostgreSQL.

Set ``BOARDROOM_DATABASE_URL`` to a PostgreSQL URL to run the storage tests there; each
test then starts from an empty ``public`` schema, or, if it opens the database, from the
schema at head with every table emptied.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, make_url, text

from boardroom.storage.database import ENV_VAR, Database, open_database, with_driver

POSTGRES_URL = os.environ.get(ENV_VAR, "")
ON_POSTGRES = POSTGRES_URL.startswith("postgresql")
STORAGE_FIXTURES = {"database", "database_url", "demo_database"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Whatever touches the database is a storage test: CI runs those again on PostgreSQL."""
    for item in items:
        if STORAGE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.storage)


def _postgres_url() -> str:
    return with_driver(make_url(POSTGRES_URL)).render_as_string(hide_password=False)


def _empty_postgres() -> str:
    engine = create_engine(_postgres_url())
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return _postgres_url()


# Everything a test could have changed in the schema's shape: columns, indexes, constraints
# and the migration recorded.
_SHAPE = (
    "SELECT table_name, column_name, data_type, is_nullable, column_default"
    " FROM information_schema.columns WHERE table_schema = 'public'",
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
    " WHERE connamespace = 'public'::regnamespace",
    "SELECT version_num FROM alembic_version",
)
_fresh_shape: list[tuple] | None = None  # the shape open_database gave an empty schema


def _shape(connection) -> list[tuple] | None:
    if not connection.execute(text("SELECT to_regclass('public.alembic_version')")).scalar():
        return None
    return [sorted(map(tuple, connection.execute(text(query)))) for query in _SHAPE]


def _emptied_postgres_at_head() -> str:
    """The schema at head with every table emptied, when no test has changed its shape
    since open_database made it: a fresh database for a tenth of the time that dropping
    and re-creating 22 tables takes, for the tests that open one. Otherwise, as before, an
    empty schema for open_database to fill (and its shape noted)."""
    global _fresh_shape
    engine = create_engine(_postgres_url())
    with engine.begin() as connection:
        unchanged = _fresh_shape is not None and _shape(connection) == _fresh_shape
        if unchanged:
            tables = [
                name
                for (name,) in connection.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                )
                if name != "alembic_version"
            ]
            quoted = ", ".join(f'"{name}"' for name in tables)
            connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
    engine.dispose()
    if unchanged:
        return _postgres_url()
    url = _empty_postgres()
    open_database(url).close()
    engine = create_engine(url)
    with engine.connect() as connection:
        _fresh_shape = _shape(connection)
    engine.dispose()
    return url


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to a brand-new, empty database (with its schema, for a test that opens it)."""
    if ON_POSTGRES:
        opens = "database" in request.fixturenames
        return _emptied_postgres_at_head() if opens else _empty_postgres()
    return f"sqlite:///{tmp_path / 'boardroom.db'}"


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    yield db
    db.close()


@pytest.fixture
def demo_database(database: Database) -> Database:
    from boardroom.services.demo import load_demo

    with database.transaction() as session:
        load_demo(session)
    return database


@pytest.fixture
def demo_file(tmp_path: Path) -> Iterator[Database]:
    """The demo board in a local SQLite file, whatever BOARDROOM_DATABASE_URL says: what
    only a local file has (backups, the start-up chores) is tested on it."""
    from boardroom.services.demo import load_demo

    database = open_database(f"sqlite:///{tmp_path / 'boardroom.db'}")
    with database.transaction() as session:
        load_demo(session)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Never let a test touch the real user's data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # the non-UI tests also run where Qt is not installed
        return
    # Qt reads XDG_CONFIG_HOME only once per process; point QSettings here for every test.
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(home / "qsettings"))


class MemoryKeyring(KeyringBackend):
    """Stands in for the system keyring: a test must never read or write the user's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    """A fresh, empty keyring for each test; tests may inspect what was stored in it."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend
