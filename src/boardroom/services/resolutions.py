"""Resolutions minuted under an agenda item, in the two ways council minutes put them:
"It was resolved that the Board noted the report." for one, "Resolved – (1) That … (2) That
…" for several.

Each is stored as its own "That …" sentence, whichever way the clerk typed it, so the
wording follows from how many there are and never has to be retyped when a second one is
added. Their order is the order the board resolved them in, so it is kept as a position and
can be changed; every change is refused once the meeting's minutes are approved and locked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, ConflictError, NotFoundError
from boardroom.services.minutes import ensure_editable
from boardroom.storage.models import AgendaItem, Resolution

# "It was resolved that", "Resolved that", "Resolved –", "Resolved:", "(2)" typed in front.
_LEAD_IN = re.compile(
    r"^(?:(?:it\s+was\s+)?resolved\s*(?:(?P<that>that)\b|[–—:-])\s*|\(?\d+\)\s*)",
    re.IGNORECASE,
)
RESOLVED_LEAD = "Resolved –"


def _clean(text: str) -> str:
    """One resolution as a sentence: lead-ins and numbers typed by habit are dropped (the
    minutes add their own), the first letter is a capital and it ends with a full stop."""
    text = " ".join(text.split())
    while match := _LEAD_IN.match(text):
        text = ("That " if match.group("that") else "") + text[match.end() :]
    if not text.strip():
        raise BoardroomError("Write what was resolved, e.g. “That the Board noted the report.”")
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else f"{text}."


def minuted_wording(texts: Sequence[str]) -> tuple[str, list[str]]:
    """How the minutes put an item's resolutions: a lead line ("" for one resolution) and
    the resolutions as they read under it.

    One: "It was resolved that the Board noted the report." Several: "Resolved –" then
    "(1) That …", "(2) That …".
    """
    if len(texts) == 1:
        (text,) = texts
        if text.startswith("That "):
            return "", [f"It was resolved that {text[5:]}"]
        return "", [f"{RESOLVED_LEAD} {text}"]
    return RESOLVED_LEAD, [f"({number}) {text}" for number, text in enumerate(texts, start=1)]


def _item(session: Session, agenda_item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, agenda_item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    ensure_editable(item.meeting)
    return item


def _resolution(session: Session, resolution_id: int) -> Resolution:
    resolution = session.get(Resolution, resolution_id)
    if resolution is None:
        raise NotFoundError("That resolution no longer exists.")
    ensure_editable(resolution.agenda_item.meeting)
    return resolution


def _renumber(item: AgendaItem) -> None:
    for position, resolution in enumerate(item.resolutions):
        resolution.position = position


def add_resolution(session: Session, agenda_item_id: int, text: str) -> Resolution:
    """Append a resolution to the item's list."""
    item = _item(session, agenda_item_id)
    resolution = Resolution(position=len(item.resolutions), text=_clean(text))
    item.resolutions.append(resolution)
    session.flush()
    return resolution


def edit_resolution(
    session: Session, resolution_id: int, text: str, *, expected_version: int | None = None
) -> Resolution:
    """Reword a resolution, refusing if another desk changed it since it was read."""
    resolution = _resolution(session, resolution_id)
    if expected_version is not None and resolution.version != expected_version:
        raise ConflictError(
            "This resolution was changed at another desk since you opened it. "
            "Reload to see their wording."
        )
    resolution.text = _clean(text)
    session.flush()
    return resolution


def remove_resolution(session: Session, resolution_id: int) -> None:
    resolution = _resolution(session, resolution_id)
    item = resolution.agenda_item
    item.resolutions.remove(resolution)
    session.delete(resolution)
    _renumber(item)
    session.flush()


def move_resolution(session: Session, resolution_id: int, offset: int) -> None:
    """Move a resolution up (negative offset) or down the list; the ends stay the ends."""
    resolution = _resolution(session, resolution_id)
    item = resolution.agenda_item
    ordered = list(item.resolutions)
    index = ordered.index(resolution)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    for position, each in enumerate(ordered):
        each.position = position
    session.flush()
    session.expire(item, ["resolutions"])
