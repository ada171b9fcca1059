"""peak_rss_mb: the most memory Boardroom's process holds on the large database.

The real main window opens on the Dashboard, then the clerk's heaviest day is walked
through: every page, the Actions page with *All boards* ticked (all 30,000 actions loaded),
and a meeting's workspace. The kernel's high-water mark of the process's resident memory is
then read, so a peak anywhere along the way counts.
"""

from __future__ import annotations

import resource
import sys
from typing import Any

from sqlalchemy import select

from boardroom.bench import probe
from boardroom.storage.models import Meeting
from boardroom.ui.bench.harness import settle, start
from boardroom.ui.main_window import MainWindow
from boardroom.ui.meeting_workspace import MeetingWorkspace
from boardroom.ui.pages import PAGES
from boardroom.ui.pages.actions import ActionsPage


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)


def measure(url: str) -> dict[str, Any]:
    app, context = start(url)
    window = MainWindow(context)
    window.show()
    settle()
    at_start = _peak_mb()
    for row in range(len(PAGES)):
        window.go_to(row)
        settle()
        page = window.current_page()
        if isinstance(page, ActionsPage):
            page.filters.all_boards.setChecked(True)
            settle()
            every_action = page.model.rowCount()
    with context.database.sessions() as session:
        meeting_id = session.scalar(
            select(Meeting.id)
            .where(Meeting.minutes_locked.is_(True))
            .order_by(Meeting.id.desc())
            .limit(1)
        )
    workspace = MeetingWorkspace(context, meeting_id, window)
    workspace.show()
    settle()
    peak = _peak_mb()
    workspace.close()
    window.close()
    context.database.close()
    del app
    return {"value": peak, "window_shown_mb": at_start, "actions_loaded": every_action}


def main() -> None:
    args = probe.arguments(__doc__.splitlines()[0])
    probe.emit(measure(args.database))


if __name__ == "__main__":
    main()
