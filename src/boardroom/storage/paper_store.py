"""Each desk's papers folder — ``papers/<first two hex digits>/<sha256>`` — and its tidy.

The database holds every paper's bytes (``storage.paper_contents``); this folder is the
desk's cache of them, so that opening or circulating a paper read recently does not fetch
it from the server again. A copy is read only when its content still matches its hash
(otherwise the database's bytes replace it), and reading it touches it.

Papers attached before the database held their bytes exist only in the folder of the desk
that attached them: at every start-up that desk copies into the database the contents its
papers lack and it has (``look_after_papers``), so that the other desks can read them too.

The daily tidy removes a copy left alone for ``GRACE`` (reading, writing or attaching it
again touches it) when the desk can do without it:

- no paper refers to its content, or the database holds that content (the copy is then only
  a cache, fetched again when needed);
- and no database copy kept in the backups folder refers to it without holding its bytes
  (a copy taken before the bytes moved into the database), so restoring a backup, or the
  copy taken before an upgrade, always finds its papers;
- and only this database has used the folder: when a clerk has opened another database on
  this computer (the shared server and the local file, say), its papers share the folder
  and nothing is removed.

The grace keeps an undo still open in the agenda editor, or another Boardroom on this
computer attaching the same file at this moment, from ever being broken. The same tidy
forgets, in the database, content no paper has referred to for as long.

It runs as the window opens, after the daily backup (see ``storage.backup``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from boardroom.files import write_atomically
from boardroom.storage.database import Database, data_dir
from boardroom.storage.paper_contents import (
    MAX_PAPER_BYTES,
    forget_unreferenced,
    missing_contents,
    store_content,
)

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


def read_copy(sha256: str, store: Path | None = None) -> bytes | None:
    """This desk's copy of the content, touched; None when there is none or it no longer
    matches its hash (damaged, or changed by hand)."""
    path = stored_copy(sha256, store)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    if hashlib.sha256(data).hexdigest() != sha256:
        log.warning("%s does not match its hash; it is not used.", path)
        return None
    os.utime(path)
    return data


def save_copy(sha256: str, data: bytes, store: Path | None = None) -> Path:
    """Keep ``data`` as this desk's copy of the content: written whole to a temporary file,
    then put in place (or, when the copy is there already, touched). Raises OSError."""
    final = stored_copy(sha256, store)
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.is_file() and final.stat().st_size == len(data) and read_copy(sha256, store):
        return final
    handle, temporary = tempfile.mkstemp(prefix=_INCOMING, dir=final.parent.parent)
    try:
        with os.fdopen(handle, "wb") as target:
            target.write(data)
            target.flush()
            os.fsync(target.fileno())
        os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return final


def copy_in_local_papers(database: Database, store: Path | None = None) -> list[str]:
    """Copy into the database the contents its papers lack that this desk's folder holds
    (sound, and not over the size limit); returns their hashes. One transaction each, so
    a large folder never holds the database for long."""
    with database.sessions() as session:
        wanted = missing_contents(session)
    copied = []
    for sha256 in wanted:
        path = stored_copy(sha256, store)
        if not path.is_file():
            continue
        if path.stat().st_size > MAX_PAPER_BYTES:
            log.warning("%s is too large to keep in the database; it stays only here.", path)
            continue
        data = read_copy(sha256, store)
        if data is None:
            continue
        with database.transaction() as session:
            store_content(session, sha256, data)
        copied.append(sha256)
        log.info("Copied the paper %s into the database, for the other desks.", path)
    return copied


def needed_by_backups(folder: Path) -> set[str]:
    """The contents the papers of an SQLite copy in ``folder`` refer to without the copy
    holding their bytes (a copy taken before the database held papers' bytes).

    A copy that cannot be read raises sqlite3.Error: what it needs is unknown, so
    nothing may be removed.
    """
    hashes: set[str] = set()
    for path in sorted(folder.glob("*.db")) if folder.is_dir() else ():
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "paper" not in tables:
                continue
            query = "SELECT DISTINCT sha256 FROM paper"
            if "paper_content" in tables:
                query += " WHERE sha256 NOT IN (SELECT sha256 FROM paper_content)"
            hashes.update(row[0] for row in connection.execute(query))
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


def remove_spare_copies(
    database: Database,
    store: Path,
    *,
    keep: set[str] = frozenset(),  # type: ignore[assignment]
    grace: timedelta = GRACE,
    now: float | None = None,
) -> list[Path]:
    """Remove the copies left alone for ``grace`` whose content no paper of ``database``
    refers to or the database holds — except those in ``keep``; returns what was removed."""
    if not store.is_dir():
        return []
    with database.sessions() as session:
        needed = set(missing_contents(session)) | set(keep)
    cutoff = (now if now is not None else time.time()) - grace.total_seconds()
    removed = []
    for path in _stored_files(store):
        if path.name in needed:
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
    """The daily tidy: the content no paper has needed for ``GRACE`` forgotten in the
    database, then the folder's spare copies removed. None when it was already done today,
    had nothing to look at, or was not safe (said in the log); otherwise the copies removed.
    A desk without a papers folder never attached or opened a paper: another desk tidies."""
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
    forgotten = forget_unreferenced(database, GRACE)
    if forgotten:
        log.info("Forgot %d paper(s) in the database that no paper refers to.", forgotten)
    if others:
        log.info(
            "The papers folder %s also holds the papers of %s; no copy was removed.",
            store,
            ", ".join(others),
        )
        return None
    keep = needed_by_backups(backups) if backups is not None else set()
    removed = remove_spare_copies(database, store, keep=keep)
    for path in removed:
        log.info("Removed %s: the database holds it, or no paper refers to it.", path)
    return removed


def look_after_papers(
    database: Database,
    store: Path | None = None,
    backups: Path | None = None,
    today: date | None = None,
) -> list[Path] | None:
    """What the window does for papers as it opens: copy into the database what only this
    desk holds, then today's tidy (its result)."""
    copy_in_local_papers(database, store)
    return tidy_today(database, store, backups, today)
