"""The chair's dashboard: next meeting and papers deadline, counts aggregated by the database
in a fixed number of statements, and the page that shows them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert, select

from boardroom.services.actions import add_update, create_action
from boardroom.services.boards import create_board
from boardroom.services.dashboard import load_dashboard
from boardroom.services.meetings import new_uid
from boardroom.storage.models import ActionPoint, ActionStatus, Board, Meeting
from boardroom.ui.actions_model import ActionsTableModel, GroupTotalsModel
from boardroom.ui.context import AppContext
from boardroom.ui.pages.dashboard import DashboardPage
from sent_statements import statements_sent

TODAY = date(2016, 10, 3)  # a Monday


@pytest.fixture
def board_id(database) -> int:
    with database.transaction() as session:
        board = create_board(session, "Improvement Board", code="IB", lead_days=5)
        for when in (datetime(2016, 9, 13, 14), datetime(2016, 10, 11, 14)):
            session.add(
                Meeting(
                    board=board,
                    title="Improvement Board",
                    starts_at=when,
                    ends_at=when + timedelta(hours=2),
                    uid=new_uid(),
                    venue="Committee Room 1",
                )
            )
        session.flush()
        return board.id


def _add_actions(database, board_id: int, count: int) -> None:
    with database.transaction() as session:
        start = session.scalar(select(ActionPoint.sequence).order_by(ActionPoint.id.desc())) or 0
        session.execute(
            insert(ActionPoint),
            [
                {
                    "board_id": board_id,
                    "reference": f"IB-2016-{start + n + 1:04d}",
                    "year": 2016,
                    "sequence": start + n + 1,
                    "description": "Do it",
                    "due_date": TODAY + timedelta(days=n % 30 - 15),
                    "status": ActionStatus.OPEN if n % 3 else ActionStatus.DONE,
                }
                for n in range(count)
            ],
        )


def test_next_meeting_papers_deadline_and_counts(database, board_id):
    with database.transaction() as session:
        late = create_action(session, board_id, "Late", owner_id=None, due_date=date(2016, 9, 30))
        create_action(session, board_id, "Soon", owner_id=None, due_date=date(2016, 10, 14))
        create_action(session, board_id, "Later", owner_id=None, due_date=date(2016, 12, 1))
        add_update(session, late.id, "Chased", on_date=date(2016, 9, 20))
    with database.sessions() as session:
        dashboard = load_dashboard(session, board_id, TODAY)
    meeting = dashboard.next_meeting
    assert meeting is not None and meeting.starts_at == datetime(2016, 10, 11, 14)
    assert meeting.papers.due == date(2016, 10, 4)  # 5 working days before Tue 11 Oct
    assert dashboard.last_meeting_on == date(2016, 9, 13)
    counts = dashboard.counts
    assert (counts.open, counts.overdue, counts.due_soon, counts.moved_since) == (3, 1, 1, 1)


def test_dashboard_statements_do_not_grow_with_the_actions(database, board_id):
    def load() -> int:
        with statements_sent(database) as sent, database.sessions() as session:
            load_dashboard(session, board_id, TODAY)
        return len(sent)

    _add_actions(database, board_id, 10)
    few = load()
    _add_actions(database, board_id, 2000)
    many = load()
    assert few == many <= 6


def test_the_page_shows_the_chair_s_numbers(qtbot, qtmodeltester, demo_database):
    context = AppContext(demo_database)
    page = DashboardPage(context)
    qtbot.addWidget(page)
    with demo_database.sessions() as session:
        context.set_board(session.scalar(select(Board.id)))
    assert page.stack.currentWidget() is page.body
    assert page.counts_label.text().startswith("Open 4 · Overdue 4")
    assert page.model.rowCount() == 4
    owners = [page.by_owner.index(r, 0).data() for r in range(page.by_owner.rowCount())]
    assert owners == ["Eifion Burke", "Hannah Myers", "Joe Banham", "Trish Lewis"]
    sections = page.by_section
    assert sections.rowCount() == 4
    assert sections.index(0, GroupTotalsModel.COL_OVERDUE).data() == "1"
    assert "updated since the meeting of Tue 19 Nov 2019" in page.moved_label.text()
    page.apply_search("PEP")
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, ActionsTableModel.COL_OWNER).data() == "Trish Lewis"
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.by_owner)


def _reddish_pixels(view, index) -> int:
    """Pixels of the cell drawn in a strong red: the overdue colour, anti-aliased."""
    image = view.viewport().grab(view.visualRect(index)).toImage()
    pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
    return sum(1 for c in pixels if c.red() > 150 and c.green() < 100 and c.blue() < 100)


def test_overdue_counts_and_dates_are_painted_in_the_overdue_colour(qtbot, demo_database):
    context = AppContext(demo_database)
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    with demo_database.sessions() as session:
        context.set_board(session.scalar(select(Board.id)))
    sections, actions = page.group_views[1], page.table
    overdue_count = sections.model().index(0, GroupTotalsModel.COL_OVERDUE)
    open_count = sections.model().index(0, GroupTotalsModel.COL_OPEN)
    due = page.proxy.index(0, ActionsTableModel.COL_DUE)
    assert page.proxy.index(0, ActionsTableModel.COL_DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert _reddish_pixels(sections, overdue_count) > 0
    assert _reddish_pixels(sections, open_count) == 0
    assert _reddish_pixels(actions, due) > 0
    assert _reddish_pixels(actions, page.proxy.index(0, ActionsTableModel.COL_OWNER)) == 0
