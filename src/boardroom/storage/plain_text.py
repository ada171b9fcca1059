"""Free text as every file Boardroom writes can carry it, checked once: where it is stored.

Text reaches the database from typing, pasting and imports — and pasted text brings
characters from other programs: Word's vertical tab for a line break, a form feed for a page
break, NUL and other control characters. Word (XML), Excel, iCalendar and email cannot
carry those, and PostgreSQL refuses NUL outright, so a single stray character would make a
save, an export or a circulation fail. Rather than every exporter and importer guarding
itself, each flush normalises the text columns it writes (line breaks become ``\\n``, the
unrepresentable characters are dropped, and a one-line field — a name, a title, a place —
stays one line) and refuses text longer than its column with a message naming the field,
the same on SQLite as on PostgreSQL.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import Enum, String, event, inspect

from boardroom.errors import BoardroomError

if TYPE_CHECKING:  # the guard is installed with the ORM, once a session is first wanted
    from sqlalchemy.orm import Mapper, Session, sessionmaker

_LINE_BREAKS = re.compile("\r\n|[\r\v\f\u2028\u2029]")
# What XML 1.0 cannot hold (C0 controls but tab and newline, non-characters, lone surrogates).
_BROKEN_LINE = re.compile(r"[ \t]*\n\s*")
_UNREPRESENTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with every line break as ``\\n`` and nothing a file format cannot carry."""
    return _UNREPRESENTABLE.sub("", _LINE_BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """A name, title or place as one line (a line break pasted into it becomes a space):
    it becomes an email subject, a calendar summary, a heading."""
    return _BROKEN_LINE.sub(" ", clean(text)).strip()


_columns_of: dict[Mapper[Any], list[tuple[str, int | None]]] = {}


def _text_columns(mapper: Mapper[Any]) -> list[tuple[str, int | None]]:
    """(attribute, maximum length) of each free-text column of a mapped class; a length
    marks a one-line field (String), None a passage (Text)."""
    if mapper not in _columns_of:
        _columns_of[mapper] = [
            (attribute.key, column.type.length)
            for attribute in mapper.column_attrs
            for column in attribute.columns[:1]
            if isinstance(column.type, String) and not isinstance(column.type, Enum)
        ]
    return _columns_of[mapper]


def _field_name(mapper: Mapper[Any], key: str) -> str:
    """``AgendaItem.presenter_text`` → "agenda item's presenter text"."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", mapper.class_.__name__).lower()
    return f"{words}'s {key.replace('_', ' ')}"


def _guard(session: Session, _context: object, _instances: object) -> None:
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for key, length in _text_columns(state.mapper):
            value = state.dict.get(key)
            unchanged = state.key is not None and key not in state.committed_state
            if type(value) is not str or unchanged:
                continue  # not text, or a stored value this flush leaves as it is
            cleaned = one_line(value) if length is not None else clean(value)
            if length is not None and len(cleaned) > length:
                raise BoardroomError(
                    f"The {_field_name(state.mapper, key)} is too long: {len(cleaned):,} "
                    f"characters, at most {length:,}. Shorten it and try again; nothing was "
                    "saved."
                )
            if cleaned != value:
                setattr(obj, key, cleaned)


def guard_text(sessions: sessionmaker[Session]) -> None:
    """Normalise and check the text every session of ``sessions`` flushes."""
    event.listen(sessions, "before_flush", _guard)
