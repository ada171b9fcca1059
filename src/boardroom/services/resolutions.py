"""Resolutions minuted under an agenda item: "Resolved – (1) That … (2) That …".

Their order is the order the board resolved them in, so it is kept as a position and can be
changed; every change is refused once the meeting's minutes are approved and locked.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, ConflictError, NotFoundError
from boardroom.services.minutes import ensure_editable
from boardroom.storage.models import AgendaItem, Resolution


def _clean(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise BoardroomError("Write what was resolved, e.g. “That the Board noted the report.”")
    return text


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
