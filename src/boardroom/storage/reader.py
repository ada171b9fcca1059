"""What read-only services take: a Core connection or an ORM session.

The start-up path (the window and its Dashboard) reads through a Core connection, before
SQLAlchemy's ORM is loaded; the same functions serve the screens and commands that already
hold a session. Either way the statements run on the connection: plain rows, no ORM
bookkeeping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from sqlalchemy import Connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Reader = Union[Connection, "Session"]


def connection_of(reader: Reader) -> Connection:
    """The connection to run on; a session first flushes what it holds unsaved, as its own
    queries would (autoflush), so a read in the middle of an action sees that action."""
    if isinstance(reader, Connection):
        return reader
    if reader.autoflush:
        reader.flush()
    return reader.connection()
