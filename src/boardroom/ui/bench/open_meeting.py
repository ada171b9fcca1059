"""open_meeting_ms: opening a meeting's workspace — header, details, attendance register,
agenda and minutes — on the large database, until it is shown and painted.

Each sample opens a different held meeting (of every board, across the ten years) in a
fresh workspace, as the clerk does from the Meetings page; the first opening of the run is
reported apart, since it also pays for Python's and SQLAlchemy's first-use work. The floor
is an empty dialog with the same five tabs, shown and painted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QTableView, QTabWidget, QVBoxLayout
from sqlalchemy import select

from boardroom.bench import probe
from boardroom.storage.models import Meeting
from boardroom.ui.bench.harness import settle, start
from boardroom.ui.meeting_workspace import MeetingWorkspace


def _floor() -> None:
    dialog = QDialog()
    dialog.resize(1000, 680)
    tabs = QTabWidget()
    for name in ("Details", "Attendance", "Agenda", "Minutes", "Actions"):
        tabs.addTab(QTableView(), name)
    QVBoxLayout(dialog).addWidget(tabs)
    dialog.show()
    settle()
    dialog.close()
    dialog.deleteLater()


def measure(url: str, repeat: int) -> dict[str, Any]:
    app, context = start(url)
    with context.database.sessions() as session:
        held = session.scalars(
            select(Meeting.id).where(Meeting.minutes_locked.is_(True)).order_by(Meeting.id)
        ).all()
    step = max(len(held) // (repeat + 1), 1)
    chosen = [held[(index * step + step // 2) % len(held)] for index in range(repeat + 1)]
    opens, floors = [], []
    for meeting_id in chosen:
        with probe.stopwatch(opens):
            workspace = MeetingWorkspace(context, meeting_id)
            workspace.show()
            settle()
        workspace.close()
        workspace.deleteLater()
        settle()
        floors.append(probe.timed(_floor))
    context.database.close()
    del app
    return {
        "value": probe.milliseconds(probe.median(opens[1:])),
        "first_ms": probe.milliseconds(opens[0]),
        "floor_ms": probe.milliseconds(probe.median(floors[1:])),
        "samples": repeat,
    }


def main() -> None:
    args = probe.arguments(__doc__.splitlines()[0])
    probe.emit(measure(args.database, args.repeat))


if __name__ == "__main__":
    main()
