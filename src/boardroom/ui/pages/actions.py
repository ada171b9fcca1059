"""The Actions page: every action point in one table, narrowed by status, owner, overdue,
due date, board, plan section or item, and the meeting that agreed it; grouped by owner or by
plan section; updated and reviewed in place; exported for the performance team."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError
from boardroom.services.action_export import export_actions
from boardroom.services.action_rows import (
    ActionFilter,
    ActionRow,
    group_rows,
    load_action_row,
    load_action_rows,
    summarise,
)
from boardroom.services.actions import change_status
from boardroom.services.meetings import list_meetings
from boardroom.services.overdue import OUTSTANDING
from boardroom.services.plans import plan_choices, section_labels
from boardroom.storage.models import ActionStatus
from boardroom.ui.action_edit_dialog import ActionEditDialog
from boardroom.ui.action_update_dialog import ActionUpdateDialog
from boardroom.ui.actions_model import (
    ROW_ROLE,
    ActionsFilterProxy,
    ActionsTableModel,
    GroupTotalsModel,
    StatusDelegate,
    configure_action_columns,
    configure_group_columns,
    counts_text,
)
from boardroom.ui.icons import icon
from boardroom.ui.pages.base import Page

# (label, statuses) for the status filter; the first is what the chair looks at.
STATUS_CHOICES: tuple[tuple[str, frozenset[ActionStatus]], ...] = (
    ("Outstanding (open or in progress)", frozenset(OUTSTANDING)),
    ("All statuses", frozenset()),
    *((status.label, frozenset({status})) for status in ActionStatus),
)
EXPORT_FORMATS = (
    ("Word", ".docx", "Word document (*.docx)", "export-word"),
    ("CSV", ".csv", "CSV file (*.csv)", "export-sheet"),
    ("Excel", ".xlsx", "Excel workbook (*.xlsx)", "export-sheet"),
)


class ActionsPage(Page):
    key = "actions"
    title = "Actions"
    icon_name = "actions"
    empty_headline = "No action points yet"
    empty_hint = (
        "Action points captured in the minutes appear here with their owners, due dates "
        "and the plan items they serve. Press Ctrl+N to add one now."
    )

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.today = date.today()
        self._last_meeting_on: date | None = None
        self._labels: dict[int, str] = {}
        self.model = ActionsTableModel(self._store_status, self)
        self.proxy = ActionsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.groups = GroupTotalsModel(self.tr("Owner"), self)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.counts = QLabel()
        self.counts.setObjectName("actionCounts")
        self.counts.setStyleSheet("font-size: 12pt; font-weight: 600; padding: 2px 0 6px 0;")
        layout.addWidget(self.counts)
        layout.addLayout(self._filter_bar())
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.group_view = self._group_view()
        splitter.addWidget(self.group_view)
        splitter.addWidget(self._table())
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([180, 520])
        self.group_view.hide()
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())
        self._search = ""

    # --- building -------------------------------------------------------------------------
    def _filter_bar(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        self.status_box = QComboBox()
        for label, statuses in STATUS_CHOICES:
            self.status_box.addItem(self.tr(label), statuses)
        self.owner_box = QComboBox()
        self.owner_box.setMinimumWidth(180)
        self.overdue_box = QCheckBox(self.tr("&Overdue only"))
        self.moved_box = QCheckBox(self.tr("&Moved since last meeting"))
        self.due_before = QLineEdit()
        self.due_before.setPlaceholderText(self.tr("Due before, e.g. 30/09"))
        self.due_before.setClearButtonEnabled(True)
        self.due_before.setFixedWidth(160)
        self.plan_box = QComboBox()
        self.plan_box.setMinimumWidth(260)
        self.plan_box.setMaximumWidth(420)
        self.meeting_box = QComboBox()
        self.all_boards = QCheckBox(self.tr("All &boards"))
        self.group_box = QComboBox()
        for label, value in (
            ("No grouping", ""),
            ("By owner", "owner"),
            ("By plan section", "section"),
        ):
            self.group_box.addItem(self.tr(label), value)
        for label, widget in (
            (self.tr("Status"), self.status_box),
            (self.tr("Owner"), self.owner_box),
            (self.tr("Plan"), self.plan_box),
        ):
            first.addWidget(QLabel(label))
            first.addWidget(widget)
        first.addStretch(1)
        second.addWidget(QLabel(self.tr("Agreed at")))
        second.addWidget(self.meeting_box)
        for widget in (self.due_before, self.overdue_box, self.moved_box, self.all_boards):
            second.addWidget(widget)
        second.addStretch(1)
        second.addWidget(QLabel(self.tr("Group")))
        second.addWidget(self.group_box)
        for box in (self.status_box, self.owner_box, self.plan_box, self.meeting_box):
            box.currentIndexChanged.connect(self.apply_filters)
        for check in (self.overdue_box, self.moved_box):
            check.toggled.connect(self.apply_filters)
        self.all_boards.toggled.connect(self.refresh)
        self.due_before.editingFinished.connect(self.apply_filters)
        self.group_box.currentIndexChanged.connect(self.apply_filters)
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    def _group_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.groups)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.setMinimumHeight(90)
        view.clicked.connect(self._group_clicked)
        view.setToolTip(self.tr("Click a group to show only its actions"))
        return view

    def _table(self) -> QTableView:
        view = self.view = QTableView()
        # "Agreed" is shown on demand (right-click a heading); the rest fit a laptop screen.
        self.hidden_columns = {ActionsTableModel.COL_AGREED}
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(ActionsTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setItemDelegateForColumn(ActionsTableModel.COL_STATUS, StatusDelegate(view))
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        configure_action_columns(view)
        view.doubleClicked.connect(self._double_clicked)
        view.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        QShortcut(QKeySequence(Qt.Key.Key_Return), view, self.update_selected)
        return view

    def _column_menu(self, position) -> None:
        menu = QMenu(self)
        for column, name in enumerate(ActionsTableModel.HEADERS):
            if column in (ActionsTableModel.COL_REFERENCE, ActionsTableModel.COL_ACTION):
                continue
            action = menu.addAction(self.tr(name))
            action.setCheckable(True)
            action.setChecked(column not in self.hidden_columns)
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
        menu.exec(self.view.horizontalHeader().mapToGlobal(position))

    def _show_column(self, column: int, shown: bool) -> None:
        (self.hidden_columns.discard if shown else self.hidden_columns.add)(column)
        self.view.setColumnHidden(column, not shown)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.update_button = QPushButton(icon("note"), self.tr("&Update…"))
        self.update_button.setToolTip(self.tr("Add a progress note or change the status (Enter)"))
        self.update_button.clicked.connect(self.update_selected)
        self.review_button = QPushButton(icon("review"), self.tr("&Review at meeting…"))
        self.review_button.setToolTip(
            self.tr("Record that the selected action was reviewed at the latest meeting")
        )
        self.review_button.clicked.connect(self.review_selected)
        self.new_button = QPushButton(icon("add"), self.tr("&New action…"))
        self.new_button.setToolTip(self.tr("Add an action point for this board (Ctrl+N)"))
        self.new_button.clicked.connect(self.create_new)
        self.edit_button = QPushButton(icon("edit"), self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Change the owner, due date or plan items"))
        self.edit_button.clicked.connect(self.edit_selected)
        for button in (self.new_button, self.edit_button, self.update_button, self.review_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Export the list:")))
        self.export_buttons: dict[str, QPushButton] = {}
        for name, suffix, pattern, icon_name in EXPORT_FORMATS:
            button = QPushButton(icon(icon_name), self.tr(name))
            button.setToolTip(self.tr("Save the actions shown as {0}").format(pattern))
            button.clicked.connect(lambda _checked=False, s=suffix, p=pattern: self.export(s, p))
            self.export_buttons[suffix] = button
            row.addWidget(button)
        return row

    # --- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        self.today = date.today()
        board_id = self.context.board_id
        every_board = self.all_boards.isChecked()
        with self.context.database.sessions() as session:
            # Only this board's actions are read unless all boards are asked for.
            rows = load_action_rows(
                session, board_id=None if every_board else board_id, as_of=self.today
            )
            self._labels = section_labels(session)
            choices = plan_choices(session, None if every_board else board_id)
            meetings = list_meetings(session, board_id) if board_id is not None else []
        self.model.set_rows(rows)
        configure_action_columns(self.view)
        for column in range(self.model.columnCount()):
            self.view.setColumnHidden(column, column in self.hidden_columns)
        self._last_meeting_on = max(
            (m.starts_at.date() for m in meetings if m.starts_at.date() < self.today),
            default=None,
        )
        self.moved_box.setText(
            self.tr("&Moved since {0}").format(format_date(self._last_meeting_on))
            if self._last_meeting_on
            else self.tr("&Moved since last meeting")
        )
        self.moved_box.setEnabled(self._last_meeting_on is not None)
        self._fill(self.owner_box, self.tr("Anyone"), self._owners(rows))
        plan_entries: list[tuple[str, object]] = []
        for section in choices:
            plan_entries.append((section.label, f"section:{section.id}"))
            plan_entries += [
                (f"    {number}  {activity}", f"item:{item_id}")
                for item_id, number, activity in section.items
            ]
        self._fill(self.plan_box, self.tr("Any plan item"), plan_entries)
        self._fill(
            self.meeting_box,
            self.tr("Any meeting"),
            [(format_date(m.starts_at), m.id) for m in reversed(meetings)],
        )
        self.stack.setCurrentWidget(self.body if rows else self.empty)
        self.apply_filters()

    def _owners(self, rows: list[ActionRow]) -> list[tuple[str, object]]:
        board_id = None if self.all_boards.isChecked() else self.context.board_id
        owners = {
            row.owner_id: row.owner
            for row in rows
            if row.owner_id is not None and (board_id is None or row.board_id == board_id)
        }
        return sorted(((name, key) for key, name in owners.items()), key=lambda e: e[0].casefold())

    @staticmethod
    def _fill(box: QComboBox, anything: str, entries: list[tuple[str, object]]) -> None:
        """Refill a filter drop-down, keeping the current choice when it is still there."""
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(anything, None)
        for label, data in entries:
            box.addItem(label, data)
            box.setItemData(box.count() - 1, label.strip(), Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(max(box.findData(current), 0))
        box.blockSignals(False)

    # --- filtering ------------------------------------------------------------------------
    def current_filter(self) -> ActionFilter:
        kind, _, plan_id = (self.plan_box.currentData() or "").partition(":")
        return ActionFilter(
            statuses=self.status_box.currentData(),
            owner_id=self.owner_box.currentData(),
            overdue_only=self.overdue_box.isChecked(),
            due_before=self._due_before(),
            board_id=None if self.all_boards.isChecked() else self.context.board_id,
            section_id=int(plan_id) if kind == "section" else None,
            plan_item_id=int(plan_id) if kind == "item" else None,
            origin_meeting_id=self.meeting_box.currentData(),
            changed_since=self._last_meeting_on if self.moved_box.isChecked() else None,
            text=self._search,
        )

    def _due_before(self) -> date | None:
        text = self.due_before.text().strip()
        if not text:
            self.due_before.setStyleSheet("")
            return None
        try:
            day = parse_date(text, self.today)
        except BoardroomError as error:
            self.due_before.setStyleSheet("color: #c62828;")
            self.context.status_message.emit(error.message)
            return None
        self.due_before.setStyleSheet("")
        self.due_before.setToolTip(self.tr("Due before {0}").format(format_date(day)))
        return day

    def apply_filters(self) -> None:
        action_filter = self.current_filter()
        self.proxy.set_filter(action_filter)
        visible = self.proxy.visible_rows()
        counts = summarise(visible, self.today)
        shown = self.tr("Showing {0} of {1}").format(len(visible), self.model.rowCount())
        self.counts.setText(f"{counts_text(counts)}    ·    {shown}")
        self._update_groups(action_filter)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        selected = self.view.selectionModel().hasSelection()
        self.update_button.setEnabled(selected)
        self.edit_button.setEnabled(selected)
        self.new_button.setEnabled(self.context.board_id is not None)
        self.review_button.setEnabled(selected and self._last_meeting_on is not None)

    def _update_groups(self, action_filter: ActionFilter) -> None:
        by = self.group_box.currentData()
        self.group_view.setVisible(bool(by))
        if not by:
            return
        # The groups ignore their own dimension, so every owner (or section) stays listed.
        wider = ActionFilter(
            **{
                **action_filter.__dict__,
                "owner_id": None if by == "owner" else action_filter.owner_id,
                "section_id": None if by == "section" else action_filter.section_id,
                "plan_item_id": None if by == "section" else action_filter.plan_item_id,
            }
        )
        rows = [row for row in self.model.rows() if wider.matches(row)]
        title = self.tr("Owner") if by == "owner" else self.tr("Plan section")
        self.groups.set_groups(group_rows(rows, by, self._labels), title)
        configure_group_columns(self.group_view)

    def _group_clicked(self, index: QModelIndex) -> None:
        key = index.siblingAtColumn(0).data(GroupTotalsModel.KEY_ROLE)
        if self.group_box.currentData() == "owner":
            self.owner_box.setCurrentIndex(max(self.owner_box.findData(key), 0))
        else:
            self.plan_box.setCurrentIndex(max(self.plan_box.findData(f"section:{key}"), 0))

    def apply_search(self, text: str) -> None:
        self._search = text
        self.apply_filters()

    # --- changing -------------------------------------------------------------------------
    def _store_status(self, action_id: int, status: ActionStatus) -> ActionRow | None:
        try:
            with self.context.database.transaction() as session:
                change_status(session, action_id, status)
            with self.context.database.sessions() as session:
                row = load_action_row(session, action_id, self.today)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Change status"), error.message)
            return None
        self.context.status_message.emit(
            self.tr("{0} is now {1}.").format(row.reference, self.tr(row.status.label).lower())
        )
        QTimer.singleShot(0, self.apply_filters)  # the counts, once the model holds the row
        return row

    def selected_row(self) -> ActionRow | None:
        indexes = self.view.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != ActionsTableModel.COL_STATUS:
            self.update_selected()

    def create_new(self) -> None:
        """Ctrl+N: a new action point for the board shown."""
        if self.context.board_id is not None:
            ActionEditDialog(self.context, self.context.board_id, parent=self).exec()

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            ActionEditDialog(self.context, row.board_id, row, parent=self).exec()

    def update_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            ActionUpdateDialog(self.context, row, parent=self).exec()

    def review_selected(self) -> None:
        """Review at the latest meeting held: the action log item of that meeting."""
        row = self.selected_row()
        if row is None:
            return
        with self.context.database.sessions() as session:
            meetings = [
                m for m in list_meetings(session, row.board_id) if m.starts_at.date() <= self.today
            ]
        meeting_id = meetings[-1].id if meetings else None
        ActionUpdateDialog(self.context, row, meeting_id=meeting_id, parent=self).exec()

    def export(self, suffix: str, pattern: str) -> None:
        rows = self.proxy.visible_rows()
        boards = {row.board for row in rows}
        name = f"Action log {format_date(self.today)}{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export actions"), str(Path.home() / name), self.tr(pattern)
        )
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        title = self.tr("Action log")
        if len(boards) == 1:
            title = self.tr("Action log – {0}").format(boards.pop())
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target = export_actions(
                rows, Path(path), section_labels=self._labels, title=title, as_of=self.today
            )
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Export actions"), error.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.context.status_message.emit(
            self.tr("Exported {0} actions to {1}.").format(len(rows), target)
        )
