"""A list's columns as the clerk left them — widths, order, sort, columns shown — come back
in the next window; a list nobody rearranged goes on being laid out by its page."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, Qt

from boardroom.ui.actions_model import ActionsTableModel
from boardroom.ui.column_memory import SAVE_AFTER_MS
from boardroom.ui.main_window import MainWindow
from boardroom.ui.models.meetings import MeetingTableModel
from boardroom.ui.pages import PAGES
from boardroom.ui.pages.base import Page
from boardroom.ui.settings_store import SettingsStore
from window_builders import open_main_window

MEETING_COLUMNS = 7


def _page(window: MainWindow, key: str) -> Page:
    window.go_to([entry.key for entry in PAGES].index(key))
    return window.current_page()


def _kept_layouts() -> list[str]:
    qsettings = SettingsStore().qsettings
    qsettings.beginGroup("columns")
    try:
        return qsettings.allKeys()
    finally:
        qsettings.endGroup()


def test_the_clerk_s_columns_come_back_in_the_next_window(qtbot, demo_database):
    first = open_main_window(qtbot, demo_database)
    meetings = _page(first, "meetings")
    header = meetings.list_view.horizontalHeader()
    header.resizeSection(MeetingTableModel.COL_PAPERS, 333)
    header.moveSection(header.visualIndex(MeetingTableModel.COL_STATUS), 1)
    date = QPoint(header.sectionViewportPosition(MeetingTableModel.COL_DATE) + 20, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=date)  # newest first
    actions = _page(first, "actions")
    agreed = next(a for a in actions.column_menu().actions() if a.text() == "Agreed")
    agreed.trigger()  # shown, from the heading's menu
    actions.view.horizontalHeader().resizeSection(ActionsTableModel.COL_OWNER, 222)
    qtbot.waitUntil(lambda: len(_kept_layouts()) == 4)  # two lists, a count and a state each
    first.close()

    second = open_main_window(qtbot, demo_database)
    meetings = _page(second, "meetings")
    header = meetings.list_view.horizontalHeader()
    assert header.sectionSize(MeetingTableModel.COL_PAPERS) == 333
    assert header.visualIndex(MeetingTableModel.COL_STATUS) == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    newest = meetings.proxy.index(0, MeetingTableModel.COL_DATE).data()
    assert newest == "Tue 19 Nov 2019", "the list is sorted as the header says"
    actions = _page(second, "actions")
    assert not actions.view.isColumnHidden(ActionsTableModel.COL_AGREED)
    assert ActionsTableModel.COL_AGREED not in actions.hidden_columns, "and its menu agrees"
    assert actions.view.horizontalHeader().sectionSize(ActionsTableModel.COL_OWNER) == 222


def test_a_list_nobody_rearranged_is_not_kept(qtbot, demo_database):
    """The page's own sizing, the columns it hides and a stretching column following the
    window are not the clerk's doing: nothing is kept, so the page lays the list out afresh
    next time (to the meetings then on it, say)."""
    window = open_main_window(qtbot, demo_database)
    for row in range(len(PAGES)):
        window.go_to(row)
    window.resize(1500, 900)
    qtbot.wait(SAVE_AFTER_MS + 200)
    assert _kept_layouts() == []


def test_a_layout_kept_for_other_columns_or_unreadable_is_not_given_back(qtbot, demo_database):
    store = SettingsStore()
    store.save_column_layout("meetings", MEETING_COLUMNS - 1, QByteArray(b"older columns"))
    window = open_main_window(qtbot, demo_database)
    meetings = _page(window, "meetings")
    assert not meetings.columns.kept
    papers = meetings.list_view.horizontalHeader().sectionSize(MeetingTableModel.COL_PAPERS)
    window.close()
    store.save_column_layout("meetings", MEETING_COLUMNS, QByteArray(b"not a header's state"))
    window = open_main_window(qtbot, demo_database)
    meetings = _page(window, "meetings")
    assert not meetings.columns.kept, "laid out by the page instead"
    assert meetings.list_view.horizontalHeader().sectionSize(MeetingTableModel.COL_PAPERS) == papers
