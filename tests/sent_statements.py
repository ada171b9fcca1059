"""The SQL statements a piece of work sends, for tests that hold a screen or a service to
a number of statements (one per row would grow with ten years of data)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from boardroom.storage.database import Database


@contextmanager
def statements_sent(database: Database) -> Iterator[list[str]]:
    """Every statement the engine sends inside the block, in order, as SQL text."""
    sent: list[str] = []

    def seen(_connection, _cursor, statement: str, *_rest) -> None:
        sent.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
