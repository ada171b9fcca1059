"""What the Qt figures share: the application as Boardroom starts it, on the benchmark data."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from boardroom.storage.database import open_database
from boardroom.storage.models import Board
from boardroom.ui.app import create_application
from boardroom.ui.context import AppContext


def start(url: str) -> tuple[QApplication, AppContext]:
    """The QApplication and the shared context with the first board chosen."""
    app = create_application()
    database = open_database(url)
    context = AppContext(database)
    with database.sessions() as session:
        context.board_id = session.scalar(select(Board.id).order_by(Board.id).limit(1))
    return app, context


def settle() -> None:
    """Let Qt lay out and paint what changed, as it would before the user sees it."""
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
