"""The board's template of standing items, from which every new agenda starts.

Welcome and apologies, declarations of interest, the previous minutes, the action log, any
other business, the date of the next meeting: each board words and times them its own way,
and agendas already started keep the copy they were given.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.agenda import check_minutes, check_place, renumber
from boardroom.storage.models import Board, Purpose, StandingItem, StandingKind


@dataclass(frozen=True)
class StandingRow:
    """One line of the template as the template editor lists it."""

    standing_id: int
    title: str
    purpose: Purpose
    minutes: int
    kind: StandingKind | None  # what the app does with it (the action log lists actions)


def _board(session: Session, board_id: int) -> Board:
    board = session.get(Board, board_id)
    if board is None:
        raise NotFoundError("That board no longer exists.")
    return board


def _standing(session: Session, standing_id: int) -> StandingItem:
    standing = session.get(StandingItem, standing_id)
    if standing is None:
        raise NotFoundError("That standing item no longer exists.")
    return standing


def _standing_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise BoardroomError("A standing item needs a title.")
    return title


def standing_rows(session: Session, board_id: int) -> list[StandingRow]:
    return [
        StandingRow(row.id, row.title, row.purpose, row.minutes_allotted, row.kind)
        for row in _board(session, board_id).standing_items
    ]


def add_standing_item(
    session: Session,
    board_id: int,
    title: str,
    purpose: Purpose = Purpose.INFORMATION,
    minutes: int = 5,
) -> StandingItem:
    """Add a line at the end of the board's template (e.g. "Forward plan")."""
    board = _board(session, board_id)
    check_minutes(minutes)
    standing = StandingItem(
        title=_standing_title(title),
        purpose=purpose,
        minutes_allotted=minutes,
        position=len(board.standing_items),
    )
    board.standing_items.append(standing)
    session.flush()
    return standing


def update_standing_item(
    session: Session, standing_id: int, title: str, purpose: Purpose, minutes: int
) -> StandingItem:
    """Reword a template line; its kind (what the app does with it) stays."""
    standing = _standing(session, standing_id)
    check_minutes(minutes)
    standing.title = _standing_title(title)
    standing.purpose = purpose
    standing.minutes_allotted = minutes
    session.flush()
    return standing


def remove_standing_item(session: Session, standing_id: int) -> None:
    """Drop a line from the template; agendas already started keep their copy."""
    standing = _standing(session, standing_id)
    board = standing.board
    board.standing_items.remove(standing)
    session.delete(standing)
    renumber(board.standing_items)
    session.flush()


def move_standing_item(session: Session, standing_id: int, new_index: int) -> None:
    standing = _standing(session, standing_id)
    rows = list(standing.board.standing_items)
    check_place(len(rows), new_index)
    rows.remove(standing)
    rows.insert(new_index, standing)
    renumber(rows)
    session.flush()
    session.expire(standing.board, ["standing_items"])
