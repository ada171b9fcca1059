"""The Meetings page: the board's schedule as a list or a month calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import get_board, rules_of
from boardroom.services.meetings import create_meeting
from boardroom.services.series import create_series
from boardroom.storage.models import MeetingStatus
from boardroom.ui.column_memory import ColumnMemory
from boardroom.ui.dialogs.meetings import MeetingDialog
from boardroom.ui.dialogs.series import SeriesDialog
from boardroom.ui.icons import icon
from boardroom.ui.meeting_actions import cancel_with_notice, edit_meeting, save_invites
from boardroom.ui.models.meetings import MeetingRow, MeetingTableModel, meeting_rows
from boardroom.ui.models.table import SearchProxy
from boardroom.ui.month_calendar import MonthCalendar
from boardroom.ui.pages.base import Page
from boardroom.ui.table_view import button, fit_columns, give_way, on_activate, table_view


class MeetingsPage(Page):
    key = "meetings"
    empty_headline = QT_TRANSLATE_NOOP("Page", "No meetings yet")
    empty_hint = QT_TRANSLATE_NOOP(
        "Page",
        "Schedule a meeting or a series; each meeting then gets its agenda, attendance "
        "register and minutes.",
    )

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._board_name = ""
        self._rules = BoardRules()
        starters = QHBoxLayout()
        starters.addStretch(1)
        self.start_meeting_button = button("add", self.tr("Schedule a meeting…"))
        self.start_meeting_button.clicked.connect(self.new_meeting)
        self.start_series_button = button("series", self.tr("New series…"))
        self.start_series_button.clicked.connect(self.new_series)
        starters.addWidget(self.start_meeting_button)
        starters.addWidget(self.start_series_button)
        starters.addStretch(1)
        self.empty.layout().insertLayout(4, starters)

        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        toolbar = QHBoxLayout()
        self.new_button = button("add", self.tr("New meeting…"), self.tr("Ctrl+N"))
        self.new_button.clicked.connect(self.new_meeting)
        self.series_button = button(
            "series", self.tr("New series…"), self.tr("A year of meetings at once (Ctrl+Shift+N)")
        )
        self.series_button.clicked.connect(self.new_series)
        series_keys = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        series_keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        series_keys.activated.connect(self.new_series)
        self.open_button = button("open", self.tr("Open"), self.tr("Open the meeting (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button = button("edit", self.tr("Reschedule…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.cancel_button = button("cancel-meeting", self.tr("Cancel meeting"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.invite_button = button(
            "invite", self.tr("Save invite…"), self.tr("Write the calendar invite (.ics)")
        )
        self.invite_button.clicked.connect(self.invite_selected)
        for widget in (
            self.new_button,
            self.series_button,
            self.open_button,
            self.edit_button,
            self.cancel_button,
            self.invite_button,
        ):
            toolbar.addWidget(widget)
        toolbar.addStretch(1)
        self.list_mode = self._mode_button("list", self.tr("List"))
        self.calendar_mode = self._mode_button("calendar", self.tr("Month"))
        modes = QButtonGroup(self)
        modes.addButton(self.list_mode, 0)
        modes.addButton(self.calendar_mode, 1)
        self.list_mode.setChecked(True)
        modes.idToggled.connect(lambda mode, on: on and self.views.setCurrentIndex(mode))
        toolbar.addWidget(self.list_mode)
        toolbar.addWidget(self.calendar_mode)
        layout.addLayout(toolbar)

        self.model = MeetingTableModel(self)
        self.proxy = SearchProxy(self.model, self)
        self.list_view = table_view(self.proxy, MeetingTableModel.COL_DATE)
        # Its start, the room, is what tells venues apart.
        give_way(self.list_view, MeetingTableModel.COL_VENUE)
        self.columns = ColumnMemory(self.list_view, "meetings")
        on_activate(self.list_view, self.open_selected)

        self.month = MonthCalendar()
        self.month.activated.connect(self.open_selected)

        self.views = QStackedWidget()
        self.views.addWidget(self.list_view)
        self.views.addWidget(self.month)
        layout.addWidget(self.views, 1)

    def _mode_button(self, icon_name: str, text: str) -> QToolButton:
        widget = QToolButton()
        widget.setIcon(icon(icon_name))
        widget.setText(text)
        widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        widget.setCheckable(True)
        widget.setAutoRaise(True)
        return widget

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        board_id = self.context.board_id
        if board_id is None:
            self.stack.setCurrentWidget(self.empty)
            return
        with self.context.database.sessions() as session:
            board = get_board(session, board_id)
            self._board_name, self._rules = board.name, rules_of(board)
            rows = meeting_rows(session, board_id)
        self.month.model.set_region(self._rules.holiday_region)
        kept = self._listed_selection()
        self.model.set_rows(rows)
        self._show_in_month()
        if not rows:
            self.stack.setCurrentWidget(self.empty)
            return
        if len(rows) != self.list_view.property("sized_for"):  # new meetings: fit them
            self.columns.lay_out(lambda: fit_columns(self.list_view))
        if self.list_view.property("sized_for") is None:
            self._show_next(rows)
        elif kept is not None:
            self.select_meeting(kept.meeting_id)  # a reload keeps the clerk's place
        self.list_view.setProperty("sized_for", len(rows))
        self.stack.setCurrentWidget(self.body)

    def _show_next(self, rows: list[MeetingRow]) -> None:
        """Start at the next meeting, not at the first one ever held."""
        today = date.today()
        upcoming = next((r for r in rows if r.starts_at.date() >= today), rows[-1])
        self.select_meeting(upcoming.meeting_id)

    def select_meeting(self, meeting_id: int) -> None:
        """Select the meeting in the list (if the search shows it) and its day in the month."""
        for proxy_row in range(self.proxy.rowCount()):
            row = self.proxy.row_at(proxy_row)
            if row.meeting_id == meeting_id:
                self.list_view.selectRow(proxy_row)
                self.list_view.scrollTo(self.proxy.index(proxy_row, 0))
                self.month.select_day(row.starts_at.date())
                return

    def _listed_selection(self) -> MeetingRow | None:
        index = self.list_view.currentIndex()
        if not index.isValid() or not self.list_view.selectionModel().isRowSelected(index.row()):
            return None
        return self.proxy.row_at(index.row())

    def _show_in_month(self) -> None:
        """The month grid shows what the list shows, search included."""
        self.month.set_meetings([self.proxy.row_at(row) for row in range(self.proxy.rowCount())])

    def apply_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._show_in_month()

    def selected(self) -> MeetingRow | None:
        """The meeting selected in the visible view; says so in the status bar when none is."""
        if self.views.currentWidget() is self.month:
            meetings = self.month.selected_meetings()
            if not meetings:
                self.context.status_message.emit(self.tr("Select a day with a meeting first."))
                return None
            live = [m for m in meetings if m.status is not MeetingStatus.CANCELLED]
            return (live or meetings)[0]
        row = self._listed_selection()
        if row is None:
            self.context.status_message.emit(self.tr("Select a meeting first."))
        return row

    # -- acting ----------------------------------------------------------------------------

    def create_new(self) -> None:
        self.new_meeting()

    def new_meeting(self) -> None:
        board_id = self.context.board_id
        if board_id is None:
            self.context.status_message.emit(self.tr("Create a board first (People page)."))
            return

        def save(fields) -> None:
            with self.context.database.transaction() as session:
                meeting_id = create_meeting(session, board_id, fields).id
            self.context.data_changed.emit()
            self.select_meeting(meeting_id)  # ready for Open, Enter or Save invite

        MeetingDialog(save, title=self._board_name, rules=self._rules, parent=self).exec()

    def new_series(self) -> None:
        board_id = self.context.board_id
        if board_id is None:
            self.context.status_message.emit(self.tr("Create a board first (People page)."))
            return

        def save(plan) -> None:
            with self.context.database.transaction() as session:
                meetings = create_series(session, board_id, plan).meetings
                count, first_id = len(meetings), min(meetings, key=lambda m: m.starts_at).id
            self.context.data_changed.emit()
            self.select_meeting(first_id)
            self.context.status_message.emit(
                self.tr("Scheduled {0} meetings: {1}.").format(count, plan.describe())
            )

        SeriesDialog(save, title=self._board_name, rules=self._rules, parent=self).exec()

    def open_selected(self) -> None:
        """Open the meeting's workspace, or bring forward the one already open for it."""
        row = self.selected()
        if row is None:
            return
        # Imported when first wanted: the window opens without the workspace's modules.
        from boardroom.ui.meeting_workspace import open_workspace

        open_workspace(self.context, row.meeting_id, self)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            edit_meeting(self, self.context, row.meeting_id)

    def cancel_selected(self) -> None:
        row = self.selected()
        if row is not None:
            cancel_with_notice(self, self.context, row.meeting_id)

    def invite_selected(self) -> None:
        row = self.selected()
        if row is not None:
            save_invites(self, self.context, row.meeting_id)
