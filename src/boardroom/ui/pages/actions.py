"""The Actions page: every action point in one table, narrowed by status, owner, overdue,
due date, board, plan section or item, and the meeting that agreed it; grouped by owner or by
plan section; updated and reviewed in place; exported for the performance team."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from boardroom.dates import format_date
from boardroom.errors import BoardroomError
from boardroom.services.action_rows import (
    ActionFilter,
    ActionRow,
    filter_rows,
    group_rows,
    load_action_row,
    load_action_rows,
    moved_since,
    section_labels,
    summarise,
)
from boardroom.services.actions import (
    add_update,
    change_status,
    last_meetings_before,
    review_meeting,
)
from boardroom.services.meetings import list_meetings
from boardroom.services.plans import plan_choices
from boardroom.storage.models import ActionStatus
from boardroom.ui.action_edit_dialog import ActionEditDialog
from boardroom.ui.action_filter_bar import ActionFilterBar
from boardroom.ui.action_log_export import (
    EXPORT_FORMATS,
    ExportFormat,
    export_action_log,
    export_menu,
)
from boardroom.ui.action_update_dialog import ActionUpdateDialog
from boardroom.ui.actions_model import (
    ROW_ROLE,
    SORT_ROLE,
    ActionsFilterProxy,
    ActionsTableModel,
    GroupTotalsModel,
    StatusDelegate,
    configure_action_columns,
    configure_group_columns,
    counts_text,
    reference_width,
)
from boardroom.ui.background import BackgroundTask
from boardroom.ui.column_memory import ColumnMemory
from boardroom.ui.icons import icon
from boardroom.ui.labels import label_of
from boardroom.ui.pages.base import Page
from boardroom.ui.theme import emphasised

_NOT_SIZED = object()  # the table's columns before any list was shown


class ActionsPage(Page):
    key = "actions"
    empty_headline = QT_TRANSLATE_NOOP("Page", "No action points yet")
    empty_hint = QT_TRANSLATE_NOOP(
        "Page",
        "Action points captured in the minutes appear here with their owners, due dates "
        "and the plan items they serve. Press Ctrl+N to add one now.",
    )

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.today = date.today()
        self._labels: dict[int, str] = {}
        self._search = ""
        self._columns_for: object = _NOT_SIZED  # the scope (a board, or None) sized for
        self.model = ActionsTableModel(self._store_status, self)
        self.proxy = ActionsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.groups = GroupTotalsModel("owner", self.tr("Owner"), self)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.counts = emphasised(QLabel(), point_size=12)
        self.counts.setContentsMargins(0, 2, 0, 6)
        layout.addWidget(self.counts)
        self.filters = ActionFilterBar()
        self.filters.changed.connect(self.apply_filters)
        self.filters.scope_changed.connect(self.refresh)
        self.filters.message.connect(self.context.status_message)
        layout.addWidget(self.filters)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.group_view = self._group_view()
        splitter.addWidget(self.group_view)
        splitter.addWidget(self._table())
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([180, 520])
        self.group_view.hide()
        layout.addWidget(splitter, 1)
        layout.addLayout(self._note_bar())
        layout.addLayout(self._buttons())

    # --- building -------------------------------------------------------------------------
    def _group_view(self) -> QTableView:
        view = QTableView()
        # In the groups' own order (plan order, names) until a heading is clicked, e.g. to
        # put the owner with the most overdue actions first.
        self.group_proxy = QSortFilterProxyModel(self)
        self.group_proxy.setSourceModel(self.groups)
        self.group_proxy.setSortRole(SORT_ROLE)
        view.setModel(self.group_proxy)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.setMinimumHeight(90)
        view.clicked.connect(self._group_clicked)
        view.activated.connect(self._group_clicked)
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
        self.columns = ColumnMemory(view, "actions")
        view.doubleClicked.connect(self._double_clicked)
        view.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        # Enter on the list only: Enter in the note or due-before field must not open a dialog.
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), view, self.update_selected)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        return view

    def _column_menu(self, position) -> None:
        menu = self.column_menu()
        menu.exec(self.view.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()

    def column_menu(self) -> QMenu:
        """The heading's menu: a column to show or hide, named as its heading is."""
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            if column in (ActionsTableModel.COL_REFERENCE, ActionsTableModel.COL_ACTION):
                continue
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(column not in self.hidden_columns)
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
        return menu

    def _show_column(self, column: int, shown: bool) -> None:
        (self.hidden_columns.discard if shown else self.hidden_columns.add)(column)
        self.view.setColumnHidden(column, not shown)
        self.columns.changed()

    def _note_bar(self) -> QHBoxLayout:
        """A progress note typed under the list, for the selected action: Enter adds it."""
        row = QHBoxLayout()
        self.note_label = QLabel(self.tr("Progress &note"))
        self.note_edit = QLineEdit()
        self.note_edit.setClearButtonEnabled(True)
        self.note_label.setBuddy(self.note_edit)
        self.note_edit.returnPressed.connect(self.add_note)
        self.note_button = QPushButton(icon("note"), self.tr("Add note"))
        self.note_button.setToolTip(self.tr("Add the note to the selected action's history"))
        self.note_button.clicked.connect(self.add_note)
        row.addWidget(self.note_label)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.note_button)
        return row

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
        for kind in EXPORT_FORMATS:
            button = QPushButton(icon(kind.icon_name), self.tr(kind.name))
            button.setToolTip(
                self.tr("Save the actions shown as {0}: the members' or the public version").format(
                    QCoreApplication.translate("ActionLogExport", kind.pattern)
                )
            )
            export_menu(button, lambda public, k=kind: self.export(k, public=public))
            self.export_buttons[kind.suffix] = button
            row.addWidget(button)
        return row

    # --- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        self.today = date.today()
        board_id = self.context.board_id
        scope = None if self.filters.every_board else board_id
        with self.context.database.sessions() as session:
            # Only this board's actions are read unless all boards are asked for.
            rows = load_action_rows(session, board_id=scope, as_of=self.today)
            self._labels = section_labels(session)
            sections = plan_choices(session, scope)
            meetings = list_meetings(session, board_id) if board_id is not None else []
            last = (
                last_meetings_before(session, self.today, board_id).get(board_id)
                if board_id is not None
                else None
            )
        self.model.set_rows(rows, moved_since=last)
        # The widths the user gave the columns survive a reload of the same list (a model
        # reset keeps the header's sections) and the next session (ColumnMemory); a list
        # nobody has rearranged is measured afresh for each new scope.
        if self._columns_for != scope:
            references = [row.reference for row in rows]
            self.columns.lay_out(lambda: configure_action_columns(self.view, references))
            header = self.view.horizontalHeader()
            if self.columns.kept:  # the columns the clerk chose to see, as left last time
                columns = range(self.model.columnCount())
                self.hidden_columns = {c for c in columns if header.isSectionHidden(c)}
                # Their widths stand, but no reference of this list is cut short (all
                # boards' references are longer than one board's).
                fits = reference_width(self.view, references)
                if header.sectionSize(ActionsTableModel.COL_REFERENCE) < fits:
                    self.view.setColumnWidth(ActionsTableModel.COL_REFERENCE, fits)
            for column in range(self.model.columnCount()):
                self.view.setColumnHidden(column, column in self.hidden_columns)
            self._columns_for = scope
        self.filters.fill(
            today=self.today,
            last_meeting_on=last,
            owners=self._owners(rows, scope),
            sections=sections,
            meetings=[(format_date(m.starts_at), m.id) for m in reversed(meetings)],
        )
        self.stack.setCurrentWidget(self.body if rows else self.empty)
        self.apply_filters()

    @staticmethod
    def _owners(rows: list[ActionRow], board_id: int | None) -> list[tuple[str, object]]:
        owners = {
            row.owner_id: row.owner
            for row in rows
            if row.owner_id is not None and (board_id is None or row.board_id == board_id)
        }
        return sorted(((name, key) for key, name in owners.items()), key=lambda e: e[0].casefold())

    # --- filtering ------------------------------------------------------------------------
    def current_filter(self) -> ActionFilter:
        return self.filters.current_filter(self.context.board_id, self._search)

    def apply_filters(self) -> None:
        action_filter = self.current_filter()
        self.proxy.set_filter(action_filter)
        since = self.filters.last_meeting_on
        # The counts follow every filter but the status one: "closed this quarter" would
        # otherwise always read 0 under the usual "outstanding" view.
        counted = action_filter._replace(statuses=frozenset())
        counts = summarise(filter_rows(self.model.rows(), counted), self.today, since)
        parts = [counts_text(counts)]
        if since is not None:
            parts.append(
                self.tr("Moved since {0}: {1}").format(format_date(since), counts.moved_since)
            )
        shown = self.tr("Showing {0} of {1}").format(self.proxy.rowCount(), self.model.rowCount())
        self.counts.setText(" · ".join(parts) + f"    ·    {shown}")
        self._update_groups(action_filter)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        row = self.selected_row()
        selected = row is not None
        self.note_edit.setEnabled(selected)
        self.note_button.setEnabled(selected)
        self.note_edit.setPlaceholderText(
            self.tr("What has happened on {0}? Enter adds it to its history").format(row.reference)
            if row is not None
            else self.tr("Select an action to add a progress note")
        )
        self.update_button.setEnabled(selected)
        self.edit_button.setEnabled(selected)
        self.new_button.setEnabled(self.context.board_id is not None)
        self.review_button.setEnabled(selected)

    def _update_groups(self, action_filter: ActionFilter) -> None:
        by = self.filters.grouping
        self.group_view.setVisible(bool(by))
        if not by:
            return
        # The groups ignore their own dimension, so every owner (or section) stays listed.
        wider = action_filter._replace(
            owner_id=None if by == "owner" else action_filter.owner_id,
            section_id=None if by == "section" else action_filter.section_id,
            plan_item_id=None if by == "section" else action_filter.plan_item_id,
        )
        rows = filter_rows(self.model.rows(), wider)
        since = self.filters.last_meeting_on
        moved = {row.id for row in rows if moved_since(row, since)}
        title = self.tr("Owner") if by == "owner" else self.tr("Plan section")
        self.groups.set_groups(group_rows(rows, by, self._labels, moved), by, title)
        configure_group_columns(self.group_view)

    def _group_clicked(self, index: QModelIndex) -> None:
        key = index.siblingAtColumn(0).data(GroupTotalsModel.KEY_ROLE)
        if self.filters.grouping == "owner":
            self.filters.choose_owner(key)
        else:
            self.filters.choose_section(key)

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
            self.tr("{0} is now {1}.").format(row.reference, label_of(row.status).lower())
        )
        QTimer.singleShot(0, self.apply_filters)  # the counts, once the model holds the row
        return row

    def add_note(self) -> None:
        """Store the note typed under the list against the selected action, in place."""
        row = self.selected_row()
        text = self.note_edit.text().strip()
        if row is None or not text:
            return
        try:
            with self.context.database.transaction() as session:
                add_update(session, row.id, text, expected_version=row.version)
            with self.context.database.sessions() as session:
                stored = load_action_row(session, row.id, self.today)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Progress note"), error.message)
            return
        self.model.replace_row(stored)
        self.note_edit.clear()
        self.context.status_message.emit(self.tr("Note added to {0}.").format(row.reference))
        self.apply_filters()

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
        """Review under the action log of the latest meeting held (today's, if it is on)."""
        row = self.selected_row()
        if row is None:
            return
        with self.context.database.sessions() as session:
            meeting = review_meeting(session, row.board_id, self.today)
            meeting_id = meeting.id if meeting else None
        if meeting_id is None:
            self.context.status_message.emit(
                self.tr(
                    "{0}: the board has not met yet, so there is no meeting to review it at."
                ).format(row.reference)
            )
            return
        ActionUpdateDialog(self.context, row, meeting_id=meeting_id, parent=self).exec()

    def export(self, kind: ExportFormat, *, public: bool = False) -> BackgroundTask | None:
        """Save the actions shown (``public``: without those agreed under exempt items);
        the buttons stay disabled until the file is written."""
        return export_action_log(
            self,
            self.context,
            self.proxy.visible_rows(),
            kind,
            self.today,
            disable=list(self.export_buttons.values()),
            public=public,
        )
