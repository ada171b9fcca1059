"""The one error type the services raise.

Every rule of the domain is enforced below the UI, so the UI and the CLI need a single
thing to catch and show: a message a clerk can read, never a traceback.
"""


class BoardroomError(Exception):
    """A problem the user can understand and act on; ``str(error)`` is the message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConflictError(BoardroomError):
    """Another desk saved the same record first; the user must reload or overwrite."""


class NotFoundError(BoardroomError):
    """The record the user asked for does not exist (any more)."""


class DatabaseError(BoardroomError):
    """The database cannot be opened or used: too new, locked, read-only, missing folder."""


class DatabaseBusyError(DatabaseError):
    """Another desk or program held the lock longer than this action would wait: trying
    again shortly usually succeeds (the autosave does so by itself)."""
