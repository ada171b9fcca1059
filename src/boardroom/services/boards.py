"""Boards: creation with the standing items every agenda starts from, and their calendar rules.

A board's quorum, time zone, bank-holiday region and circulation lead time drive every date
the app works out for it, so they are validated here once for the UI and the CLI alike.
"""

from __future__ import annotations

from zoneinfo import available_timezones

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, ConflictError, NotFoundError
from boardroom.services.board_rules import BoardRules
from boardroom.storage.models import Board, Purpose, StandingItem, StandingKind
from boardroom.storage.plain_text import one_line

DEFAULT_STANDING_ITEMS: tuple[tuple[str, Purpose, StandingKind, int], ...] = (
    ("Welcome, introductions and apologies", Purpose.INFORMATION, StandingKind.WELCOME, 5),
    ("Declarations of interest", Purpose.INFORMATION, StandingKind.DECLARATIONS, 2),
    (
        "Minutes of the previous meeting and matters arising",
        Purpose.DECISION,
        StandingKind.PREVIOUS_MINUTES,
        10,
    ),
    ("Action log review", Purpose.ASSURANCE, StandingKind.ACTION_LOG, 10),
    ("Any other business", Purpose.INFORMATION, StandingKind.AOB, 5),
    ("Date of next meeting", Purpose.INFORMATION, StandingKind.NEXT_MEETING, 2),
)


def rules_of(board: Board) -> BoardRules:
    """A board's rules as plain values, for screens that outlive the session that read them."""
    return BoardRules(
        quorum=board.quorum,
        venue=board.venue,
        time_zone=board.time_zone,
        holiday_region=board.holiday_region,
        lead_days=board.lead_days,
    )


def time_zone_names() -> list[str]:
    """Every zone the system knows, for the board dialog's picker."""
    return sorted(available_timezones())


def _check_name_free(session: Session, name: str, board_id: int | None = None) -> str:
    name = one_line(name)  # as it will be stored, so the check compares like with like
    if not name:
        raise BoardroomError("A board needs a name.")
    clash = session.scalar(select(Board.id).where(Board.name == name))
    if clash is not None and clash != board_id:
        raise BoardroomError(f"There is already a board called “{name}”.")
    return name


def create_board(session: Session, name: str, **fields: object) -> Board:
    """Add a board with the default standing-item template; names are unique."""
    name = _check_name_free(session, name)
    board = Board(name=name, **fields)
    board.standing_items = [
        StandingItem(position=i, title=title, purpose=purpose, kind=kind, minutes_allotted=mins)
        for i, (title, purpose, kind, mins) in enumerate(DEFAULT_STANDING_ITEMS)
    ]
    session.add(board)
    session.flush()
    return board


def add_board(session: Session, name: str, rules: BoardRules) -> Board:
    """A new board from the board dialog, its rules checked first."""
    checked = rules.validated()
    return create_board(
        session,
        name,
        quorum=checked.quorum,
        venue=checked.venue,
        time_zone=checked.time_zone,
        holiday_region=checked.holiday_region,
        lead_days=checked.lead_days,
    )


def get_board(session: Session, board_id: int) -> Board:
    board = session.get(Board, board_id)
    if board is None:
        raise NotFoundError("That board no longer exists.")
    return board


def update_board(
    session: Session,
    board_id: int,
    name: str,
    rules: BoardRules,
    *,
    expected_version: int | None = None,
) -> Board:
    """Change a board's name and rules; refused when another desk changed it first."""
    board = get_board(session, board_id)
    if expected_version is not None and board.version != expected_version:
        raise ConflictError(
            "This board was changed at another desk since you opened it. "
            "Reload to see their changes."
        )
    board.name = _check_name_free(session, name, board.id)
    checked = rules.validated()
    board.quorum = checked.quorum
    board.venue = checked.venue
    board.time_zone = checked.time_zone
    board.holiday_region = checked.holiday_region
    board.lead_days = checked.lead_days
    session.flush()
    return board
