"""The single entry point that opens a database, on SQLite or PostgreSQL.

Opening means: pick the URL (command line, then ``BOARDROOM_DATABASE_URL``, then the embedded
SQLite file), set the SQLite pragmas that keep minutes safe, refuse a schema newer than this
version knows, and bring an older schema up to date through Alembic.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from boardroom.errors import ConflictError, DatabaseError

ENV_VAR = "BOARDROOM_DATABASE_URL"
BUSY_TIMEOUT_MS = 5000


def data_dir() -> Path:
    """The user's Boardroom data folder (database, papers, backups), created on demand."""
    path = user_data_path("Boardroom", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'boardroom.db'}"


def resolve_url(explicit: str | None = None) -> str:
    """Command line beats environment beats the embedded default."""
    return explicit or os.environ.get(ENV_VAR) or default_url()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the UI read while autosave writes; FULL sync makes a committed minute survive a
    # power cut, which matters more here than raw write speed.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("boardroom.storage.migrations")))
    return config


@dataclass
class Database:
    """An open, up-to-date database and the session factory the services use."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def describe(self) -> str:
        """What the status bar says: where the data lives, without any password."""
        if self.is_sqlite:
            return f"{self.url.database or 'in memory'} (SQLite)"
        return f"{self.url.render_as_string(hide_password=True)} (PostgreSQL)"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one transaction: all of it is stored or none of it.

        A stale version counter becomes a ConflictError the UI can offer to resolve.
        """
        with self.sessions() as session:
            try:
                with session.begin():
                    yield session
            except StaleDataError as exc:
                raise ConflictError(
                    "This record was changed by someone else since you opened it. "
                    "Reload to see their changes, or overwrite them with yours."
                ) from exc
            except OperationalError as exc:
                if "locked" in str(exc.orig):
                    raise DatabaseError(
                        "The database is busy (locked by another program) and did not free "
                        "up in time. Nothing was changed; please try again."
                    ) from exc
                raise

    def close(self) -> None:
        self.engine.dispose()


def _check_sqlite_location(url: URL) -> None:
    database = url.database
    if not database or database == ":memory:":
        return
    folder = Path(database).expanduser().parent
    if not folder.is_dir():
        raise DatabaseError(f"The folder for the database does not exist: {folder}")


def _make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        _check_sqlite_location(url)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return create_engine(url, pool_pre_ping=True)


def _upgrade(engine: Engine, where: str) -> None:
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None:
            try:
                script.get_revision(current)
            except CommandError:
                raise DatabaseError(
                    f"The database {where} was created by a newer version of Boardroom "
                    f"(schema {current}). Install the latest Boardroom to open it; "
                    "nothing has been changed."
                ) from None
        if current != script.get_current_head():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def open_database(url: str | None = None) -> Database:
    """Open (creating or upgrading as needed) the database the user asked for."""
    text = resolve_url(url)
    try:
        parsed = make_url(text)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"Not a valid database URL: {text!r}") from exc
    engine = _make_engine(parsed)
    where = parsed.render_as_string(hide_password=True)
    try:
        _upgrade(engine, where)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(f"Cannot open the database {where}: {exc.orig}") from exc
    except DatabaseError:
        engine.dispose()
        raise
    return Database(
        url=parsed, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False)
    )
