"""Which schema revision this version of Boardroom writes, and which one a database holds.

Both are read without Alembic: the head from the ``revision``/``down_revision`` lines of the
migration files, the stored revision with one query. Opening a database that is already up
to date — every start but the first after an upgrade — then never loads Alembic, which
costs about a third of a second. Alembic itself still creates, upgrades and judges every
database that is not exactly at the head.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from sqlalchemy import Connection, inspect, text

VERSION_TABLE = "alembic_version"
_REVISION = re.compile(r"^revision(?:\s*:[^=]+)?\s*=\s*[\"']([^\"']+)[\"']\s*$", re.MULTILINE)
# A plain "revises one revision" or "revises none"; a merge (a tuple) does not match.
_DOWN = re.compile(
    r"^down_revision(?:\s*:[^=]+)?\s*=\s*(?:[\"']([^\"']+)[\"']|None)\s*$", re.MULTILINE
)


@cache
def head_revision() -> str | None:
    """The one revision no other revises; None when the files do not say so plainly
    (a merge, two heads, an unreadable file), and Alembic must decide."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for entry in (files("boardroom.storage.migrations") / "versions").iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("__"):
            continue
        source = entry.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        if down.group(1):
            revised.add(down.group(1))
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def stored_revision(connection: Connection) -> str | None:
    """The revision recorded in the database; None for a database Alembic never touched."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def is_current(connection: Connection) -> bool:
    head = head_revision()
    return head is not None and stored_revision(connection) == head
