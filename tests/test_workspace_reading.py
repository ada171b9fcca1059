"""The meeting workspace fills its five tabs from one reading of the meeting: on a shared
server every statement is a round trip, so the meeting and its agenda are read once, and
each tab shows what it would have shown reading on its own."""

from __future__ import annotations

import re

from sqlalchemy import select

from boardroom.storage.models import Meeting
from boardroom.ui.context import AppContext
from boardroom.ui.meeting_workspace import MeetingWorkspace
from sent_statements import statements_sent

FROM_TABLE = re.compile(r"\bFROM (\w+)", re.IGNORECASE)


def _september_meeting(database) -> int:
    with database.sessions() as session:
        meetings = session.scalars(select(Meeting)).all()
        return next(m.id for m in meetings if f"{m.starts_at:%Y-%m-%d}" == "2016-09-13")


def _shown(workspace: MeetingWorkspace) -> dict[str, object]:
    """What each tab shows, read off its widgets and models."""
    register = workspace.attendance.model
    agenda = workspace.agenda.model
    return {
        "heading": workspace.heading.text(),
        "subheading": workspace.subheading.text(),
        "quorum": workspace.attendance.quorum_label.text(),
        "register": [register.index(row, 0).data() for row in range(register.rowCount())],
        "agenda": [agenda.index(row, 1).data() for row in range(agenda.rowCount())],
        "minutes": workspace.minutes.browser.toPlainText(),
        "actions": workspace.actions.summary.text(),
    }


def test_the_workspace_reads_the_meeting_once_and_shows_every_tab(qtbot, demo_database):
    meeting_id = _september_meeting(demo_database)
    with statements_sent(demo_database) as sent:
        workspace = MeetingWorkspace(AppContext(demo_database), meeting_id)
        qtbot.addWidget(workspace)
    tables = [
        match.group(1) if (match := FROM_TABLE.search(statement)) else statement.split()[0]
        for statement in sent
    ]
    assert tables.count("meeting") == 1, tables
    assert tables.count("agenda_item") == 1, "the items, sub-items among them, once"
    assert tables.count("minute") == 0, "each item's minute joined into the items' statement"
    assert tables.count("membership") == 1, "the register's seats, with their people"
    assert "action_plan_item" not in tables, "no tab shows the actions' plan items"
    assert "person" not in tables, "the presenter box reads the people when first used"
    assert len(tables) <= 11, tables

    together = _shown(workspace)
    assert "Wirral Improvement Board" in together["heading"]
    assert together["register"] and together["agenda"] and together["minutes"]
    assert "Terms of Reference" in together["minutes"]
    assert together["actions"].startswith("Agreed at this meeting: 1")
    # Each tab reading on its own (as after an edit on it) shows exactly the same.
    workspace.attendance.reload()
    workspace.agenda.reload()
    workspace.minutes.reload()
    workspace.actions.reload()
    assert _shown(workspace) == together
