"""Backups of the embedded SQLite database, taken with SQLite's online backup API.

The online API copies a consistent snapshot even while another desk or the autosave is
writing, which a plain file copy of a WAL database does not. PostgreSQL has its own tools
(pg_dump / pg_restore), which the README describes.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from boardroom.errors import BoardroomError, DatabaseError
from boardroom.storage.database import Database, alembic_config, data_dir
from boardroom.storage.paper_store import look_after_papers

log = logging.getLogger("boardroom.backup")
KEEP_DAILY = 14
_DAILY_PREFIX = "boardroom-"
UPGRADE_PREFIX = "before-upgrade-"
_REQUIRED_TABLES = {"alembic_version", "board", "person", "meeting", "action_point"}


def backups_folder() -> Path:
    """Where the daily backups and the copies taken before an upgrade are kept."""
    return data_dir() / "backups"


def _require_sqlite(database: Database) -> Path:
    if not database.is_sqlite or not database.url.database:
        raise DatabaseError(
            "Boardroom backs up only its local SQLite database; back up PostgreSQL with the "
            "server's own tools (pg_dump and pg_restore), as the README explains."
        )
    return Path(database.url.database)


def _copy(source: Path, target: Path) -> None:
    """Copy into a ``.partial`` file, then put it in place: a copy cut short (the app quit,
    the power went) never stands as today's backup, which would skip the day's real one."""
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, target)


def backup_to(database: Database, target: Path) -> Path:
    """Write a consistent copy of the open database to ``target``."""
    source = _require_sqlite(database)
    if not target.parent.is_dir():
        raise DatabaseError(f"The folder for the backup does not exist: {target.parent}")
    if target.resolve() == source.resolve():
        raise DatabaseError("A backup cannot overwrite the database it is taken from.")
    try:
        _copy(source, target)
    except sqlite3.Error as exc:
        raise DatabaseError(f"The backup to {target} failed: {exc}") from exc
    return target


def daily_backup(
    database: Database, folder: Path | None = None, today: date | None = None
) -> Path | None:
    """Take today's start-up backup unless there is one already; keep the last 14.

    Returns the new file, or None when nothing was needed (not SQLite, or done today).
    """
    if not database.is_sqlite or not database.url.database:
        return None
    if not Path(database.url.database).exists():
        return None
    today = today or date.today()
    folder = folder or backups_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{_DAILY_PREFIX}{today.isoformat()}.db"
        if target.exists():
            return None
        backup_to(database, target)
        dailies = sorted(folder.glob(f"{_DAILY_PREFIX}????-??-??.db"))
        for old in dailies[:-KEEP_DAILY]:
            old.unlink()
    except OSError as exc:  # the folder cannot be made or written: a full or read-only disk
        raise DatabaseError(
            f"The backup folder {folder} cannot be written: {exc.strerror or exc}."
        ) from exc
    return target


def copy_before_upgrade(
    source: Path, revision: str, folder: Path | None = None, now: datetime | None = None
) -> Path:
    """Copy an SQLite database about to be upgraded from ``revision``, beside the dailies.

    The daily rotation never removes these (they are not named like a daily backup): an
    upgrade happens once per new version, and its copy is the way back if it goes wrong.
    Raises DatabaseError — and so nothing is upgraded — when the copy cannot be made.
    """
    folder = folder or backups_folder()
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{UPGRADE_PREFIX}{revision}-{stamp}.db"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _copy(source, target)
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise DatabaseError(
            f"Boardroom must upgrade the database {source} to open it, but could not first "
            f"copy it to {target} ({reason}). Nothing has been changed; free some space or "
            "make the folder writable, then open it again."
        ) from exc
    return target


def start_up_backup(database: Database) -> Path | None:
    """What the window does as it opens: today's backup, recorded in the log either way,
    then the papers' upkeep (``storage.paper_store.look_after_papers``): this desk's papers
    the database lacks copied in, and today's tidy, which keeps every paper a backup
    refers to. Upkeep that cannot be done waits for the next start, in the log."""
    try:
        target = daily_backup(database)
    except DatabaseError as error:
        log.error("Today's backup was not taken: %s", error.message)
        raise
    if target is not None:
        log.info("Backed up %s to %s", database.describe(), target)
    try:
        look_after_papers(database, backups=backups_folder())
    except (BoardroomError, OSError, sqlite3.Error, SQLAlchemyError) as error:
        reason = error.message if isinstance(error, BoardroomError) else error
        log.warning("The papers folder was not tidied today: %s", reason)
    return target


def verify_backup(path: Path) -> str:
    """Check that ``path`` is a sound Boardroom database this version can open.

    Returns its schema revision; raises DatabaseError saying what is wrong otherwise.
    """
    if not path.is_file():
        raise DatabaseError(f"There is no file at {path}.")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            check = connection.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            revision = (
                connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path.name} is not a Boardroom database ({exc}).") from exc
    if check != "ok":
        raise DatabaseError(f"{path.name} is damaged (integrity check: {check}).")
    if not _REQUIRED_TABLES.issubset(tables) or revision is None:
        raise DatabaseError(f"{path.name} is an SQLite file but not a Boardroom database.")
    from alembic.script import ScriptDirectory  # only here: start-up need not load Alembic
    from alembic.util import CommandError

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision[0])
    except CommandError:
        raise DatabaseError(
            f"{path.name} was written by a newer version of Boardroom (schema {revision[0]}); "
            "install the latest Boardroom to restore it."
        ) from None
    return revision[0]


def restore_from(database: Database, source: Path, now: datetime | None = None) -> Path:
    """Replace the open database's contents with ``source``, keeping the replaced copy.

    Nothing is touched until ``source`` has been verified. Returns where the replaced
    database was kept.
    """
    target = _require_sqlite(database)
    verify_backup(source)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = target.with_name(f"{target.stem}.replaced-{stamp}{target.suffix}")
    database.close()
    try:
        if target.exists():
            _copy(target, kept)
        _copy(source, target)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Restoring from {source} failed: {exc}") from exc
    return kept
