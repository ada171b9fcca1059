"""The Dashboard: what the chair opens at the start of a meeting — the next meeting and its
papers deadline, the outstanding actions counted, by owner and by plan priority, what is
overdue and what moved since the last meeting."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date, format_time
from boardroom.services.action_rows import (
    ActionFilter,
    group_rows,
    load_action_rows,
    moved_since,
    section_labels,
)
from boardroom.services.dashboard import Dashboard, load_dashboard
from boardroom.services.overdue import OUTSTANDING
from boardroom.storage import tables
from boardroom.ui.actions_model import (
    ActionsFilterProxy,
    ActionsTableModel,
    GroupTotalsModel,
    configure_action_columns,
    configure_group_columns,
    counts_text,
)
from boardroom.ui.colours import OVERDUE
from boardroom.ui.column_memory import ColumnMemory
from boardroom.ui.deadlines_panel import DeadlinesPanel
from boardroom.ui.pages.base import Page
from boardroom.ui.theme import emphasised


def _group_table(model: GroupTotalsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setWordWrap(False)
    view.setMaximumHeight(190)
    return view


class DashboardPage(Page):
    key = "dashboard"
    empty_headline = QT_TRANSLATE_NOOP("Page", "Nothing to review yet")
    empty_hint = QT_TRANSLATE_NOOP(
        "Page",
        "Schedule a meeting on the Meetings page, or load the demo board from the File "
        "menu, to see the next meeting, its papers deadline and the outstanding actions "
        "here.",
    )

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.meeting_label = QLabel()
        self.papers_label = QLabel()
        self.counts_label = emphasised(QLabel(), point_size=12)
        self.moved_label = QLabel()
        for row, (caption, label) in enumerate(
            (
                (self.tr("Next meeting"), self.meeting_label),
                (self.tr("Papers due"), self.papers_label),
                (self.tr("Outstanding actions"), self.counts_label),
                (self.tr("Since last meeting"), self.moved_label),
            )
        ):
            heading = emphasised(QLabel(caption), muted=True)
            grid.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.deadlines = DeadlinesPanel(context)
        layout.addSpacing(8)
        layout.addWidget(self.deadlines)
        self.by_owner = GroupTotalsModel("owner", self.tr("By owner"), self)
        self.by_section = GroupTotalsModel("section", self.tr("By plan priority"), self)
        groups = QGridLayout()
        self.group_views = (_group_table(self.by_owner), _group_table(self.by_section))
        groups.addWidget(self.group_views[0], 0, 0)
        groups.addWidget(self.group_views[1], 0, 1)
        groups.setColumnStretch(0, 2)
        groups.setColumnStretch(1, 3)
        layout.addSpacing(8)
        layout.addLayout(groups)
        self.model = ActionsTableModel(parent=self)
        self.proxy = ActionsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ActionsTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns = ColumnMemory(self.table, "dashboard/actions")
        layout.addSpacing(8)
        layout.addWidget(self.table, 1)
        self.dashboard: Dashboard | None = None

    def refresh(self) -> None:
        board_id = self.context.board_id
        if board_id is None:
            self.stack.setCurrentWidget(self.empty)
            return
        today = date.today()
        # Read with Core: the window opens on this page before the ORM is loaded (ui.app).
        with self.context.database.connect() as connection:
            self.dashboard = load_dashboard(connection, board_id, today)
            rows = load_action_rows(
                connection,
                board_id=board_id,
                as_of=today,
                where=[tables.action_point.c.status.in_(OUTSTANDING)],
            )
            labels = section_labels(connection, board_id)
            self.deadlines.refresh(connection, board_id, today)
        since = self.dashboard.last_meeting_on
        moved = {row.id for row in rows if moved_since(row, since)}
        self.model.set_rows(rows, moved_since=since)
        references = [row.reference for row in rows]
        self.columns.lay_out(lambda: configure_action_columns(self.table, references))
        for column in (ActionsTableModel.COL_AGREED, ActionsTableModel.COL_REVIEWED):
            self.table.setColumnHidden(column, True)
        self.by_owner.set_groups(group_rows(rows, "owner", moved=moved))
        self.by_section.set_groups(group_rows(rows, "section", labels, moved))
        for view in self.group_views:
            configure_group_columns(view)
        self._show(self.dashboard)
        self.stack.setCurrentWidget(self.body)

    def _show(self, dashboard: Dashboard) -> None:
        meeting = dashboard.next_meeting
        if meeting is None:
            self.meeting_label.setText(
                self.tr("None scheduled — schedule the next one on the Meetings page.")
            )
            self.papers_label.setText("–")
        else:
            where = f" · {escape(meeting.venue)}" if meeting.venue else ""
            self.meeting_label.setText(
                f"<b>{format_date(meeting.starts_at)} {format_time(meeting.starts_at)}</b>{where}"
            )
            colour = OVERDUE.css() if meeting.papers.overdue else "palette(text)"
            text = meeting.papers.text.removeprefix("Papers due ")  # the caption says it
            self.papers_label.setText(f'<span style="color:{colour}">{escape(text)}</span>')
        counts = dashboard.counts
        self.counts_label.setText(counts_text(counts))
        if dashboard.last_meeting_on is None:
            self.moved_label.setText(self.tr("No meeting held yet."))
        else:
            self.moved_label.setText(
                self.tr("{0} actions updated since the meeting of {1}").format(
                    counts.moved_since, format_date(dashboard.last_meeting_on)
                )
            )

    def apply_search(self, text: str) -> None:
        self.proxy.set_filter(ActionFilter(text=text))
