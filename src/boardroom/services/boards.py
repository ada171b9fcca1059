"""Boards: creation with the standing items every agenda starts from."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError
from boardroom.storage.models import Board, Purpose, StandingItem, StandingKind

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


def create_board(session: Session, name: str, **fields: object) -> Board:
    """Add a board with the default standing-item template; names are unique."""
    name = name.strip()
    if not name:
        raise BoardroomError("A board needs a name.")
    if session.scalar(select(Board.id).where(Board.name == name)) is not None:
        raise BoardroomError(f"There is already a board called “{name}”.")
    board = Board(name=name, **fields)
    board.standing_items = [
        StandingItem(position=i, title=title, purpose=purpose, kind=kind, minutes_allotted=mins)
        for i, (title, purpose, kind, mins) in enumerate(DEFAULT_STANDING_ITEMS)
    ]
    session.add(board)
    session.flush()
    return board


def list_boards(session: Session) -> list[Board]:
    return list(session.scalars(select(Board).order_by(Board.name)))
