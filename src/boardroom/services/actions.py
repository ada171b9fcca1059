"""Action points: references that read like the board's own (IB-2016-03)."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boardroom.storage.models import ActionPoint, Board


def next_reference(session: Session, board: Board, year: int) -> tuple[str, int]:
    """The next board-year-sequence reference and its sequence number."""
    highest = session.scalar(
        select(func.max(ActionPoint.sequence)).where(
            ActionPoint.board_id == board.id, ActionPoint.year == year
        )
    )
    sequence = (highest or 0) + 1
    code = board.code or "".join(word[0] for word in board.name.split()).upper()
    return f"{code}-{year}-{sequence:02d}", sequence
