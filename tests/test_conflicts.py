"""Two desks, one record: the second save is refused instead of silently winning."""

import pytest

from boardroom.errors import ConflictError
from boardroom.services.boards import create_board
from boardroom.storage.models import Board


def test_a_stale_edit_raises_the_conflict_error(database):
    with database.transaction() as session:
        board_id = create_board(session, "Improvement Board").id
    with database.sessions() as session:
        stale = session.get(Board, board_id)  # desk A reads …
        session.expunge(stale)
    with database.transaction() as session:  # … desk B saves first …
        session.get(Board, board_id).quorum = 7
    # … so desk A's save must not land.
    with (
        pytest.raises(ConflictError, match="changed by someone else"),
        database.transaction() as session,
    ):
        stale.quorum = 3
        session.add(stale)
    with database.sessions() as session:
        board = session.get(Board, board_id)
        assert board.quorum == 7
        assert board.version == 2
