"""State every page shares: the open database and the board the user is looking at."""

from PySide6.QtCore import QObject, Signal

from boardroom.storage.database import Database


class AppContext(QObject):
    """Pages listen here instead of to each other, so adding a page touches nothing else.

    ``data_changed`` is emitted after any service call that wrote, so every view refreshes
    from the database rather than trusting its own copy.
    """

    board_changed = Signal(object)  # board id or None
    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.board_id: int | None = None

    def set_board(self, board_id: int | None) -> None:
        if board_id != self.board_id:
            self.board_id = board_id
            self.board_changed.emit(board_id)
