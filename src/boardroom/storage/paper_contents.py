"""The papers' bytes in the database (table ``paper_content``), once per content hash.

A secretariat that shares one PostgreSQL database across several desks must find on every
desk the papers any desk attached, so the bytes are written into the database in the same
transaction as the attach. Each desk's papers folder (``storage.paper_store``) is then a
cache, filled from here on demand.

The bytes are kept in the database on SQLite too, deliberately: one way of storing and
reading papers on both engines (the tests run each on both), and a database copy — the
daily backup, the copy taken before an upgrade, a file taken to a new computer — carries
its papers with it, so restoring it never depends on what a papers folder still holds. The
cost is size: the SQLite file, and each of the 14 daily backups, grows by the papers (a
typical board pack of 10–30 MB a month makes a few hundred megabytes a year, fourteen times
over in the backups). A paper is limited to ``MAX_PAPER_BYTES`` so that no single file
makes that absurd, or fails deep in the database driver.

Content no paper refers to any more (detached, its item deleted) is forgotten by the tidy a
week after it was last attached (``attached_at``), as the papers folder's copies are: an
undo in the agenda editor still finds it within that week, on any desk.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from importlib import import_module

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from boardroom.storage.database import Database
from boardroom.storage.models import Paper, PaperContent
from boardroom.storage.tables import utcnow

MAX_PAPER_BYTES = 100 * 1024 * 1024


def keep_content(session: Session, sha256: str) -> bool:
    """Count stored content as just attached, so the tidy leaves it for another week.

    False when the database does not hold it. Done by an UPDATE, which also makes a tidy
    running on another desk wait for this transaction and then see the new date.
    """
    result = session.execute(
        update(PaperContent)
        .where(PaperContent.sha256 == sha256)
        .values(attached_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def store_content(session: Session, sha256: str, data: bytes) -> None:
    """Hold ``data`` (whose SHA-256 is ``sha256``) unless the database has it already.

    Two desks storing the same new content at once both succeed: the second insert finds
    the first's row and only dates it.
    """
    if keep_content(session, sha256):
        return  # already held: the bytes need not cross the network again
    now = utcnow()
    # Imported here: the PostgreSQL dialect's module would cost every start-up ~25 ms.
    name = "postgresql" if session.get_bind().dialect.name == "postgresql" else "sqlite"
    dialect = import_module(f"sqlalchemy.dialects.{name}")
    statement = dialect.insert(PaperContent).values(
        sha256=sha256, size=len(data), data=data, attached_at=now
    )
    session.execute(
        statement.on_conflict_do_update(index_elements=["sha256"], set_={"attached_at": now})
    )


def fetch_content(session: Session, sha256: str) -> bytes | None:
    """The stored bytes, or None when the database does not hold them."""
    return session.scalar(select(PaperContent.data).where(PaperContent.sha256 == sha256))


def missing_contents(session: Session) -> list[str]:
    """The contents papers refer to that the database does not hold: papers attached
    before it held them, whose bytes only the attaching desk's papers folder has."""
    held = exists().where(PaperContent.sha256 == Paper.sha256)
    return list(session.scalars(select(Paper.sha256).distinct().where(~held)))


def forget_unreferenced(database: Database, grace: timedelta, now: datetime | None = None) -> int:
    """Forget the content no paper refers to that was last attached more than ``grace``
    ago; returns how many were forgotten."""
    cutoff = (now or utcnow()) - grace
    referenced = exists().where(Paper.sha256 == PaperContent.sha256)
    with database.transaction() as session:
        result = session.execute(
            delete(PaperContent)
            .where(PaperContent.attached_at < cutoff, ~referenced)
            .execution_options(synchronize_session=False)
        )
    return result.rowcount  # type: ignore[attr-defined]
