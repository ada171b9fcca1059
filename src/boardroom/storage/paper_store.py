"""The papers store on disk — ``papers/<first two hex digits>/<sha256>`` — and its daily tidy.

A stored copy can outlive every paper that used it: its agenda item (or meeting) deleted,
or the paper detached. The tidy removes such copies, but only when that is safe:

- no paper in the database refers to the content, nor does any database copy kept in the
  backups folder, so restoring a backup (or the copy taken before an upgrade) always finds
  its papers;
- the file has not been written or attached for ``GRACE`` (attaching content that is
  already stored touches its copy), so an undo still open in the agenda editor, or another
  Boardroom on this computer attaching the same file at this moment, is never broken;
- only this database has used the store: when a clerk has opened another database on this
  computer (the shared server and the local file, say), its papers share the folder and
  nothing is removed.

It runs once a day as the window opens, after the daily backup (see ``storage.backup``).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from boardroom.files import write_atomically
from boardroom.storage.database import Database, data_dir
from boardroom.storage.models import Paper

log = logging.getLogger("boardroom.papers")
GRACE = timedelta(days=7)
_HASH = re.compile(r"[0-9a-f]{64}")
_INCOMING = ".incoming-"  # a copy still being written (or left by a crash mid-attach)
_TIDIED = ".tidied"  # the day of the last tidy
_DATABASES = ".databases"  # every database whose papers are kept here, one per line


def papers_folder() -> Path:
    return data_dir() / "papers"


def stored_copy(sha256: str, store: Path | None = None) -> Path:
    """Where the content with this hash is (or would be) kept."""
    root = store if store is not None else papers_folder()
    return root / sha256[:2] / sha256


def referenced_in_backups(folder: Path) -> set[str]:
    """The contents the papers of every SQLite copy in ``folder`` refer to.

    A copy that cannot be read raises sqlite3.Error: what it refers to is unknown, so
    nothing may be removed.
    """
    hashes: set[str] = set()
    for path in sorted(folder.glob("*.db")) if folder.is_dir() else ():
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            has_papers = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'paper'"
            ).fetchone()
            if has_papers:
                hashes.update(row[0] for row in connection.execute("SELECT sha256 FROM paper"))
        finally:
            connection.close()
    return hashes


def _stored_files(store: Path) -> list[Path]:
    """The store's content copies and its temporary files; nothing else is ever touched."""
    found = [path for path in store.glob(f"{_INCOMING}*") if path.is_file()]
    for folder in store.iterdir():
        if folder.is_dir() and re.fullmatch(r"[0-9a-f]{2}", folder.name):
            found.extend(
                path
                for path in folder.iterdir()
                if _HASH.fullmatch(path.name) and path.name[:2] == folder.name and path.is_file()
            )
    return found


def remove_unreferenced(
    database: Database,
    store: Path,
    *,
    keep: set[str] = frozenset(),  # type: ignore[assignment]
    grace: timedelta = GRACE,
    now: float | None = None,
) -> list[Path]:
    """Remove the copies no paper of ``database`` (nor ``keep``) refers to and that have
    been left alone for ``grace``; returns what was removed."""
    if not store.is_dir():
        return []
    with database.sessions() as session:
        referenced = set(session.scalars(select(Paper.sha256).distinct())) | set(keep)
    cutoff = (now if now is not None else time.time()) - grace.total_seconds()
    removed = []
    for path in _stored_files(store):
        if path.name in referenced:
            continue
        # Looked at last, just before removing: an attach touches the copy it reuses.
        if path.stat().st_mtime > cutoff:
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _other_databases(store: Path, identity: str) -> list[str]:
    """Record that ``identity`` keeps its papers here; the others that have done so."""
    ledger = store / _DATABASES
    known = ledger.read_text(encoding="utf-8").splitlines() if ledger.is_file() else []
    if identity not in known:
        write_atomically(ledger, "\n".join([*known, identity, ""]).encode())
    return [other for other in known if other != identity]


def tidy_today(
    database: Database,
    store: Path | None = None,
    backups: Path | None = None,
    today: date | None = None,
) -> list[Path] | None:
    """The daily tidy: None when it was already done today, had nothing to look at, or
    was not safe (said in the log); otherwise the copies removed."""
    store = store if store is not None else papers_folder()
    today = today or date.today()
    if not store.is_dir():
        return None
    marker = store / _TIDIED
    if marker.is_file() and marker.read_text(encoding="utf-8").strip() == today.isoformat():
        return None
    identity = database.describe()
    others = _other_databases(store, identity)
    write_atomically(marker, today.isoformat().encode())
    if others:
        log.info(
            "The papers folder %s also holds the papers of %s; no copy was removed.",
            store,
            ", ".join(others),
        )
        return None
    keep = referenced_in_backups(backups) if backups is not None else set()
    removed = remove_unreferenced(database, store, keep=keep)
    for path in removed:
        log.info("Removed %s: no paper refers to it any more.", path)
    return removed
