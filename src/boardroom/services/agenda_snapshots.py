"""Taking agenda items off the agenda so that they can be put back exactly: the editor's undo.

Deleting an item with undo means remembering everything about it — its fields, its place,
its sub-items and its papers — and restoring it later under the *same* ids, so that every
later step of the undo history (which names items by id) still finds it. The papers'
content stays in the database (and the desk's papers folder) while an item is deleted (the
daily tidy leaves it alone for a week), so restoring an item brings its papers back too.
Should the content have gone all the same (an undo kept open for longer than that), the
item comes back without that paper and the clerk is told which one to attach again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.agenda import (
    ItemFields,
    apply_fields,
    delete_item,
    fields_of,
    renumber,
    siblings_under,
)
from boardroom.services.papers import content_kept, default_store
from boardroom.storage.models import AgendaItem, Meeting, Paper, StandingKind


@dataclass(frozen=True)
class PaperSnapshot:
    paper_id: int
    filename: str
    sha256: str
    size: int
    mime_type: str


@dataclass(frozen=True)
class ItemSnapshot:
    """An agenda item as it was, with its sub-items and papers, and where it stood."""

    item_id: int
    meeting_id: int
    parent_id: int | None
    position: int  # its index among its siblings when it was taken off
    fields: ItemFields
    standing: StandingKind | None
    papers: tuple[PaperSnapshot, ...]
    children: tuple[ItemSnapshot, ...]


def _snapshot(item: AgendaItem, position: int) -> ItemSnapshot:
    return ItemSnapshot(
        item_id=item.id,
        meeting_id=item.meeting_id,
        parent_id=item.parent_id,
        position=position,
        fields=fields_of(item),
        standing=item.standing,
        papers=tuple(
            PaperSnapshot(p.id, p.filename, p.sha256, p.size, p.mime_type) for p in item.papers
        ),
        children=tuple(_snapshot(child, index) for index, child in enumerate(item.children)),
    )


def snapshot_item(session: Session, item_id: int) -> ItemSnapshot:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    siblings = siblings_under(session, item.meeting_id, item.parent_id)
    return _snapshot(item, siblings.index(item))


def remove_items(session: Session, item_ids: Sequence[int]) -> list[ItemSnapshot]:
    """Delete items (each with its sub-items), returning what ``restore_items`` needs."""
    snapshots = [snapshot_item(session, item_id) for item_id in item_ids]
    for item_id in item_ids:
        delete_item(session, item_id)
    return snapshots


def _rows(
    session: Session, snapshot: ItemSnapshot, parent_id: int | None, store: Path | None
) -> tuple[AgendaItem, list[str]]:
    """The item's row with the papers whose content is still kept, and what to tell the
    clerk about the others."""
    kept = [p for p in snapshot.papers if content_kept(session, p.sha256, store)]
    item = AgendaItem(
        id=snapshot.item_id,
        meeting_id=snapshot.meeting_id,
        parent_id=parent_id,
        position=snapshot.position,
        standing=snapshot.standing,
        papers=[
            Paper(
                id=p.paper_id,
                filename=p.filename,
                sha256=p.sha256,
                size=p.size,
                mime_type=p.mime_type,
            )
            for p in kept
        ],
    )
    apply_fields(item, snapshot.fields)
    left_behind = [
        f"“{snapshot.fields.title}” is back without its paper “{paper.filename}”: its "
        "content is no longer stored, in the database or the papers folder "
        f"({store or default_store()}). Attach the paper again."
        for paper in snapshot.papers
        if paper not in kept
    ]
    return item, left_behind


def _restore(session: Session, snapshot: ItemSnapshot, store: Path | None) -> list[str]:
    if session.get(Meeting, snapshot.meeting_id) is None:
        raise NotFoundError("That meeting no longer exists.")
    if snapshot.parent_id is not None and session.get(AgendaItem, snapshot.parent_id) is None:
        raise BoardroomError(
            f"“{snapshot.fields.title}” cannot be put back: the item it was under has gone."
        )
    if session.get(AgendaItem, snapshot.item_id) is not None:
        raise BoardroomError(f"“{snapshot.fields.title}” is already on the agenda.")
    siblings = siblings_under(session, snapshot.meeting_id, snapshot.parent_id)
    item, said = _rows(session, snapshot, snapshot.parent_id, store)
    session.add(item)
    session.flush()  # the parent row first: its sub-items point at it
    for child in snapshot.children:
        child_item, child_said = _rows(session, child, item.id, store)
        session.add(child_item)
        said.extend(child_said)
    siblings.insert(min(snapshot.position, len(siblings)), item)
    renumber(siblings)
    session.flush()
    return said


def restore_items(
    session: Session, snapshots: Sequence[ItemSnapshot], *, store: Path | None = None
) -> str:
    """Put removed items back where they were, in the order they stood.

    Returns what the clerk must be told — the papers that could not come back because their
    content has gone — or "" when everything is back.
    """
    said: list[str] = []
    for snapshot in sorted(snapshots, key=lambda s: (s.parent_id is not None, s.position)):
        said.extend(_restore(session, snapshot, store))
    for meeting_id in {snapshot.meeting_id for snapshot in snapshots}:
        meeting = session.get(Meeting, meeting_id)
        if meeting is not None:
            session.expire(meeting, ["agenda_items"])
    return " ".join(said)
