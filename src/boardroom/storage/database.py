"""The single entry point that opens a database, on SQLite or PostgreSQL.

Opening means: pick the URL (command line, then ``BOARDROOM_DATABASE_URL``, then the embedded
SQLite file), set the SQLite pragmas that keep minutes safe, and — only when the schema is
not this version's — refuse a newer one, copy an older SQLite file aside and bring it up
to date through Alembic (``storage.upgrade``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from boardroom.errors import ConflictError, DatabaseBusyError, DatabaseError
from boardroom.storage.plain_text import guard_text
from boardroom.storage.schema import is_current

if TYPE_CHECKING:
    from alembic.config import Config  # loaded only to create, upgrade or judge a database
    from sqlalchemy.orm import Session, sessionmaker  # loaded once the window is up

ENV_VAR = "BOARDROOM_DATABASE_URL"
# How long SQLite keeps retrying while another desk or program holds the write lock.
BUSY_TIMEOUT_MS = 5000
# How long the live minutes' autosave (and the pen's heartbeat) waits instead: they run on
# the GUI thread, and would rather fail at once (and try again shortly) than freeze the typing.
AUTOSAVE_LOCK_WAIT_MS = 200
_WRITE_OPTION = "boardroom_write"
_WAIT_OPTION = "boardroom_lock_wait_ms"
_BUSY_TIMEOUT_SET = "boardroom_busy_timeout_ms"  # what this connection's busy_timeout is now


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


def _sqlite_pragmas(dbapi_connection: Any, record: Any) -> None:
    # WAL lets the UI read while autosave writes; FULL sync makes a committed minute survive a
    # power cut, which matters more here than raw write speed. The driver's own transaction
    # handling is switched off so that _sqlite_begin decides how each transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()
    record.info[_BUSY_TIMEOUT_SET] = BUSY_TIMEOUT_MS


def _sqlite_begin(connection: Connection) -> None:
    """A user action's transaction takes the write lock up front (BEGIN IMMEDIATE).

    SQLite then waits (the busy timeout) for another desk's save to finish, and every read in
    the transaction sees that save. Started lazily instead, a transaction that read before the
    other desk wrote could not write at all ("database is locked", whatever the timeout),
    and a stale edit would look like a busy database instead of the conflict it is.
    """
    options = connection.get_execution_options()
    # The busy timeout is the connection's, not the transaction's: set it for this one
    # (the autosave's is short) and back to the usual wait for the next, only on a change.
    wait = options.get(_WAIT_OPTION) or BUSY_TIMEOUT_MS
    if connection.info.get(_BUSY_TIMEOUT_SET) != wait:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={int(wait)}")
        connection.info[_BUSY_TIMEOUT_SET] = wait
    immediate = options.get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("boardroom.storage.migrations")))
    return config


@dataclass
class Database:
    """An open, up-to-date database: Core connections for the first screen, and the ORM
    session factory every other service uses.

    The session factory, and with it SQLAlchemy's ORM and Boardroom's models, is made on
    first use: the window opens on the Dashboard, read through ``connect()``, without
    waiting for the ORM (``boardroom.ui.app`` loads it once the window is up).
    """

    url: URL
    engine: Engine

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        factory = sessionmaker(self.engine, expire_on_commit=False)
        guard_text(factory)
        return factory

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A Core connection to read in, closed (its transaction rolled back) afterwards."""
        with self.engine.connect() as connection:
            yield connection

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def describe(self) -> str:
        """What the status bar says: where the data lives, without any password."""
        if self.is_sqlite:
            return f"{self.url.database or 'in memory'} (SQLite)"
        return f"{self.url.render_as_string(hide_password=True)} (PostgreSQL)"

    @contextmanager
    def reading(self, within: Session | None = None) -> Iterator[Session]:
        """A session to read in: ``within`` when the caller is already reading — a screen
        filled from one reading, its parts sharing the rows loaded once, which on a server
        saves a round trip per statement — else a new one, closed afterwards."""
        if within is not None:
            yield within
            return
        with self.sessions() as session:
            yield session

    @contextmanager
    def transaction(self, *, lock_wait_ms: int | None = None) -> Iterator[Session]:
        """One user action, one transaction: all of it is stored or none of it.

        A stale version counter becomes a ConflictError the UI can offer to resolve; a busy,
        read-only or full database a DatabaseError saying so (a DatabaseBusyError when busy).
        ``lock_wait_ms`` shortens how long this transaction waits for a lock held by another
        desk or program, from the usual five seconds: the autosave runs on the GUI thread
        and would rather fail at once and try again than freeze the typing while it waits.
        """
        from sqlalchemy.orm.exc import StaleDataError

        with self.sessions() as session:
            try:
                with session.begin():
                    if self.is_sqlite:
                        options: dict[str, Any] = {_WRITE_OPTION: True}
                        if lock_wait_ms is not None:
                            options[_WAIT_OPTION] = lock_wait_ms
                        session.connection(execution_options=options)
                    elif lock_wait_ms is not None:  # PostgreSQL waits for a row lock forever
                        session.execute(text(f"SET LOCAL lock_timeout = {int(lock_wait_ms)}"))
                    yield session
            except StaleDataError as exc:
                raise ConflictError(
                    "This record was changed by someone else since you opened it. "
                    "Reload to see their changes, or overwrite them with yours."
                ) from exc
            except DBAPIError as exc:
                if _problem(exc.orig) is None:
                    raise  # not the database's state but a fault: let it reach the log
                raise explain(exc, self.describe()) from exc

    def close(self) -> None:
        self.engine.dispose()


# What SQLite and PostgreSQL say, and what the clerk should be told (primary SQLite result
# codes; PostgreSQL SQLSTATEs).
_SQLITE_BUSY, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 5, 8, 10, 13, 14
_SQLITE_MESSAGES = {
    "database is locked": _SQLITE_BUSY,
    "readonly database": _SQLITE_READONLY,
    "disk i/o error": _SQLITE_IOERR,
    "database or disk is full": _SQLITE_FULL,
    "unable to open database file": _SQLITE_CANTOPEN,
}
_POSTGRES_STATES = {"53100": _SQLITE_FULL, "25006": _SQLITE_READONLY, "55P03": _SQLITE_BUSY}


def _problem(error: BaseException | None) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF if code & 0xFF in _SQLITE_MESSAGES.values() else None
    state = getattr(error, "pgcode", None)
    if state in _POSTGRES_STATES:
        return _POSTGRES_STATES[state]
    text = str(error).lower()
    return next((code for phrase, code in _SQLITE_MESSAGES.items() if phrase in text), None)


def explain(error: DBAPIError, where: str, *, opening: bool = False) -> DatabaseError:
    """Turn what the database engine reported into a message a clerk can act on."""
    problem = _problem(error.orig)
    unchanged = "Nothing has been changed." if opening else "Nothing was saved."
    if problem == _SQLITE_BUSY:
        return DatabaseBusyError(
            f"The database {where} is busy (locked by another program or desk) and did not "
            f"free up in time. {unchanged} Please try again in a moment."
        )
    if problem == _SQLITE_READONLY:
        return DatabaseError(
            f"The database {where} is read-only, so Boardroom cannot save to it. Check that "
            f"the file, its folder or the server allows writing. {unchanged}"
        )
    if problem == _SQLITE_FULL:
        return DatabaseError(
            f"The disk holding the database {where} is full. Free some space, then try "
            f"again. {unchanged}"
        )
    if problem in (_SQLITE_CANTOPEN, _SQLITE_IOERR):
        return DatabaseError(
            f"The database file {where} cannot be read or written (is the disk or network "
            f"share still there, and may you write to its folder?). {unchanged}"
        )
    if opening:
        return DatabaseError(f"Cannot open the database {where}: {error.orig}")
    return DatabaseError(f"The database {where} reported a problem: {error.orig}. {unchanged}")


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
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(with_driver(url), pool_pre_ping=True)


# The one PostgreSQL driver Boardroom ships. psycopg2 rather than psycopg 3: the newer
# driver's imports alone cost 55–65 ms of every start on a shared database (its exception
# classes, its type adapters, a regular expression its array dumper compiles at import),
# psycopg2's 8 ms; the clerk waits for that each morning, and Boardroom uses nothing only
# psycopg 3 has.
POSTGRES_DRIVER = "postgresql+psycopg2"


def with_driver(url: URL) -> URL:
    """Any PostgreSQL URL goes through the driver Boardroom ships, also one that names
    another (``postgresql+psycopg://``, the driver earlier versions shipped), which this
    installation need not have."""
    return url.set(drivername=POSTGRES_DRIVER) if url.get_backend_name() == "postgresql" else url


def load_driver(explicit: str | None = None) -> None:
    """Import the SQLAlchemy dialect and the driver of the database ``resolve_url`` names,
    ahead of opening it: the window does so before it loads Qt (see ``cli``), after which
    every import is slower. A URL that does not parse, or names a driver that is not
    installed, is passed over here: ``open_database`` fails on it and tells the user why."""
    try:
        with_driver(make_url(resolve_url(explicit))).get_dialect().import_dbapi()
    except (SQLAlchemyError, ImportError):
        return


def _bring_up_to_date(engine: Engine, url: URL, where: str) -> None:
    with engine.begin() as connection:
        if is_current(connection):
            return  # the usual case, decided without loading Alembic (see storage.schema)
    from boardroom.storage.upgrade import upgrade  # refuse the future, copy, then Alembic

    upgrade(engine, url, where)


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
        _bring_up_to_date(engine, parsed, where)
    except DBAPIError as exc:
        engine.dispose()
        raise explain(exc, where, opening=True) from exc
    except DatabaseError:
        engine.dispose()
        raise
    return Database(url=parsed, engine=engine)
