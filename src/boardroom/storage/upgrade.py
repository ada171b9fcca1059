"""Bringing a database that is not at the head up to date, without ever risking its data.

In order: refuse a database from a newer Boardroom (nothing touched), copy an SQLite file
that already holds a schema with SQLite's online backup (``backups/before-upgrade-<old
revision>-<time>.db``, named in the log), then let Alembic upgrade it in one transaction.
If the copy cannot be made nothing is upgraded; if the upgrade fails SQLite rolls it back
and the message names the copy, so the clerk (or whoever helps them) knows where the data
as it was is kept either way.

Imported only when a database is not current — a brand-new one, or the first start after
installing a newer Boardroom — so the everyday start-up loads neither this nor Alembic.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from boardroom.errors import DatabaseError
from boardroom.storage.backup import copy_before_upgrade
from boardroom.storage.database import alembic_config

log = logging.getLogger("boardroom.upgrade")


def _refuse_the_future(script: ScriptDirectory, current: str, where: str) -> None:
    try:
        script.get_revision(current)
    except CommandError:
        raise DatabaseError(
            f"The database {where} was created by a newer version of Boardroom "
            f"(schema {current}). Install the latest Boardroom to open it; "
            "nothing has been changed."
        ) from None


def _sqlite_file(url: URL) -> Path | None:
    """The file an SQLite URL names; None for PostgreSQL or an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser()


def upgrade(engine: Engine, url: URL, where: str) -> None:
    """Create a new database, or upgrade an older one to the head (copying it first)."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == script.get_current_head():
        return
    copy = None
    if current is not None:  # an existing database, not a brand-new empty one
        _refuse_the_future(script, current, where)
        source = _sqlite_file(url)
        if source is not None:
            copy = copy_before_upgrade(source, current)
            log.info("Copied %s to %s before upgrading it from schema %s", where, copy, current)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as exc:
        if copy is None:
            raise  # nothing existed to lose: the caller explains the database's problem
        log.exception("Upgrading %s from schema %s failed", where, current)
        detail = exc.orig if isinstance(exc, DBAPIError) else exc
        raise DatabaseError(
            f"Boardroom could not upgrade the database {where} from schema {current} "
            f"({detail}). The upgrade was undone, and a copy of the database as it was "
            f"before is kept at {copy}."
        ) from exc
    if copy is not None:
        log.info("Upgraded %s from schema %s", where, current)
