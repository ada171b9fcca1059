"""The live view's item clocks are stored: a crash or a restart gives them back."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from boardroom.errors import NotFoundError
from boardroom.services.agenda import delete_item
from boardroom.services.item_clock import carry_visit, elapsed_by_item, move_to_item
from boardroom.storage.models import ItemVisit, Meeting
from boardroom.ui.context import AppContext
from boardroom.ui.live.models import AgendaModel
from boardroom.ui.live_minutes import LiveMinutesWindow
from live_builders import THE_OCTOBER_2016_MEETING, item_row, meeting_with

T0 = datetime(2026, 12, 3, 14, 0)


def _items(database, meeting_id: int) -> list[int]:
    with database.sessions() as session:
        return [item.id for item in session.get(Meeting, meeting_id).agenda_items]


def test_an_items_time_is_the_sum_of_its_visits(demo_database):
    meeting_id = meeting_with(demo_database, THE_OCTOBER_2016_MEETING)
    first, second = _items(demo_database, meeting_id)[:2]
    with demo_database.transaction() as session:
        visit = move_to_item(session, first, now=T0)
        carry_visit(session, visit, T0 + timedelta(seconds=50))  # a heartbeat
        visit = move_to_item(session, second, leaving=visit, now=T0 + timedelta(seconds=90))
        visit = move_to_item(session, first, leaving=visit, now=T0 + timedelta(seconds=300))
        carry_visit(session, visit, T0 + timedelta(seconds=330))
    with demo_database.sessions() as session:
        assert elapsed_by_item(session, meeting_id) == {first: 90 + 30, second: 210}

    with demo_database.transaction() as session:
        delete_item(session, second)
    with demo_database.sessions() as session:
        assert elapsed_by_item(session, meeting_id) == {first: 120}
        assert session.scalars(select(ItemVisit.agenda_item_id)).all() == [first, first]


def test_moving_to_an_item_that_has_gone_is_refused(demo_database):
    meeting_id = meeting_with(demo_database, THE_OCTOBER_2016_MEETING)
    item = _items(demo_database, meeting_id)[0]
    with demo_database.transaction() as session:
        delete_item(session, item)
    try:
        with demo_database.transaction() as session:
            move_to_item(session, item)
    except NotFoundError as error:
        assert "no longer exists" in error.message
    else:
        raise AssertionError("a visit to a deleted item was stored")


def test_reopening_the_meeting_after_a_crash_gives_the_clocks_back(qtbot, demo_database):
    meeting_id = meeting_with(demo_database, THE_OCTOBER_2016_MEETING)  # not closed yet
    row, item_id = item_row(demo_database, meeting_id, "5")
    window = LiveMinutesWindow(AppContext(demo_database), meeting_id, desk="clerk")
    qtbot.addWidget(window)
    window.show()
    window.go_to(row)
    assert window.visit is not None
    # Five minutes of the meeting pass on item 5, then the heartbeat.
    with demo_database.transaction() as session:
        visit = session.get(ItemVisit, window.visit)
        visit.started_at -= timedelta(minutes=5)
    window.check_pen()
    # The crash: no closeEvent, nothing more written.
    window.ticker.stop()
    window.heartbeat.stop()
    window.hide()

    reopened = LiveMinutesWindow(AppContext(demo_database), meeting_id, desk="clerk")
    qtbot.addWidget(reopened)
    assert 300 <= reopened.agenda.elapsed[item_id] < 330
    shown = reopened.agenda.index(row, AgendaModel.COL_TIME).data()
    assert shown.startswith("5:"), shown
    reopened.go_to(row)  # back on the item: its clock goes on from there
    assert reopened.header.timer.text().startswith("5:")

    follower = LiveMinutesWindow(AppContext(demo_database), meeting_id, desk="another desk")
    qtbot.addWidget(follower)
    assert follower.editor.read_only and follower.visit is None
    assert follower.agenda.elapsed == reopened.agenda.elapsed
    reopened.close()
    follower.close()


def test_a_read_only_desk_stores_no_clock(qtbot, demo_database):
    meeting_id = meeting_with(demo_database, THE_OCTOBER_2016_MEETING)
    clerk = LiveMinutesWindow(AppContext(demo_database), meeting_id, desk="clerk")
    qtbot.addWidget(clerk)
    with demo_database.sessions() as session:
        visits = session.scalars(select(ItemVisit.id)).all()
    follower = LiveMinutesWindow(AppContext(demo_database), meeting_id, desk="another desk")
    qtbot.addWidget(follower)
    follower.go_to(3)
    follower.check_pen()
    with demo_database.sessions() as session:
        assert session.scalars(select(ItemVisit.id)).all() == visits
    follower.close()
    clerk.close()
