"""The Plan page: the improvement plan as a tree with RAG roll-ups per recommendation, edited
in place; beside it the selected activity's progress ratings and every action serving it."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError
from boardroom.services.action_rows import ActionFilter, load_action_rows
from boardroom.services.plans import (
    ItemNode,
    PlanTree,
    SectionNode,
    item_history,
    load_item_node,
    load_plan_tree,
    plans_of_board,
    record_progress,
    update_item_field,
)
from boardroom.storage.models import Rag
from boardroom.ui.action_update_dialog import ActionUpdateDialog
from boardroom.ui.actions_model import (
    ROW_ROLE,
    ActionsFilterProxy,
    ActionsTableModel,
    configure_action_columns,
)
from boardroom.ui.column_memory import ColumnMemory
from boardroom.ui.icons import icon
from boardroom.ui.labels import label_of
from boardroom.ui.pages.base import Page
from boardroom.ui.plan_import_wizard import PlanImportWizard
from boardroom.ui.plan_model import (
    NODE_ROLE,
    PlanFilterProxy,
    PlanTreeModel,
)
from boardroom.ui.rag_rollup import SectionRowDelegate, rollup_html
from boardroom.ui.theme import emphasised


class PlanPage(Page):
    key = "plan"
    empty_headline = QT_TRANSLATE_NOOP("Page", "No improvement plan yet")
    empty_hint = QT_TRANSLATE_NOOP(
        "Page",
        "Import the board's improvement plan from Word, CSV or Excel (Ctrl+N) to track its "
        "recommendations, activities and RAG ratings.",
    )

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.today = date.today()
        self.tree_data: PlanTree | None = None
        self._actions_columns_set = False
        self.model = PlanTreeModel(self._store_field, self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._top_bar())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._tree())
        splitter.addWidget(self._details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        import_button = QPushButton(icon("import"), self.tr("Import a plan…"))
        import_button.clicked.connect(self.create_new)
        self.empty.layout().insertWidget(4, import_button, 0, Qt.AlignmentFlag.AlignCenter)
        self._show_node(None)

    # --- building -------------------------------------------------------------------------
    def _top_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.plan_box = QComboBox()
        self.plan_box.setMinimumWidth(280)
        self.plan_box.currentIndexChanged.connect(lambda _i: self._load_plan())
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        import_button = QPushButton(icon("import"), self.tr("&Import or update…"))
        import_button.setToolTip(
            self.tr(
                "Import a plan from Word, CSV or Excel; a newer version updates items by number"
            )
        )
        import_button.clicked.connect(self.create_new)
        row.addWidget(self.plan_box)
        row.addWidget(self.summary, 1)
        row.addWidget(import_button)
        return row

    def _tree(self) -> QTreeView:
        view = self.view = QTreeView()
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(PlanTreeModel.COL_NUMBER, Qt.SortOrder.AscendingOrder)
        view.setAlternatingRowColors(True)
        view.setUniformRowHeights(True)
        view.setItemDelegateForColumn(PlanTreeModel.COL_NUMBER, SectionRowDelegate(view))
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted):
            signal.connect(self._span_sections)
        self.columns = ColumnMemory(view, "plan")
        return view

    def _span_sections(self, *_args: object) -> None:
        """A recommendation's line (number, roll-up, outcome) runs across the whole row."""
        root = self.view.rootIndex()
        for row in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(row, root, True)

    def _configure_columns(self) -> None:
        self.columns.lay_out(self._default_columns)
        self._span_sections()

    def _default_columns(self) -> None:
        header = self.view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PlanTreeModel.COL_ACTIVITY, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in (
            (PlanTreeModel.COL_NUMBER, 80),
            (PlanTreeModel.COL_TARGET, 115),
            (PlanTreeModel.COL_LEAD, 160),
            (PlanTreeModel.COL_RAG, 100),
            (PlanTreeModel.COL_ACTIONS, 65),
        ):
            self.view.setColumnWidth(column, width)

    def _details(self) -> QWidget:
        panel = QWidget()
        columns = QHBoxLayout(panel)
        columns.setContentsMargins(0, 8, 0, 0)
        layout = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(layout, 2)
        columns.addLayout(right, 3)  # the actions table needs the width more than the form
        self.detail_title = emphasised(QLabel())
        self.detail_title.setWordWrap(True)
        # Plain text: an activity's title is the plan's own words ("Children's …"), never markup.
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_text = QLabel()
        self.detail_text.setWordWrap(True)
        self.detail_text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_text)
        self.progress_box = QGroupBox(self.tr("Progress"))
        form = QFormLayout(self.progress_box)
        self.rag_box = QComboBox()
        for rag in Rag:
            self.rag_box.addItem(label_of(rag), rag.value)
        self.rag_date = QLineEdit()
        self.rag_date.setPlaceholderText(self.tr("today"))
        self.rag_note = QLineEdit()
        self.rag_note.setPlaceholderText(self.tr("What the rating is based on"))
        self.rag_button = QPushButton(icon("note"), self.tr("&Record rating"))
        self.rag_button.clicked.connect(self.record_rating)
        self.rag_note.returnPressed.connect(self.record_rating)
        rating = QHBoxLayout()
        rating.addWidget(self.rag_box, 1)
        rating.addWidget(QLabel(self.tr("on")))
        rating.addWidget(self.rag_date, 1)
        note = QHBoxLayout()
        note.addWidget(self.rag_note, 1)
        note.addWidget(self.rag_button)
        form.addRow(self.tr("RAG"), rating)
        form.addRow(self.tr("Note"), note)
        self.history = QTextBrowser()
        self.history.setMinimumHeight(70)
        form.addRow(self.tr("History"), self.history)
        layout.addWidget(self.progress_box, 1)
        self.detail_stretch = QWidget()  # keeps the text at the top while no item is chosen
        layout.addWidget(self.detail_stretch, 1)
        self.actions_heading = emphasised(QLabel(self.tr("Actions serving this activity")))
        right.addWidget(self.actions_heading)
        self.actions_model = ActionsTableModel(parent=self)
        self.actions_proxy = ActionsFilterProxy(self)
        self.actions_proxy.setSourceModel(self.actions_model)
        self.actions_view = QTableView()
        self.actions_view.setModel(self.actions_proxy)
        self.actions_view.verticalHeader().hide()
        self.actions_view.setSortingEnabled(True)
        self.actions_view.setWordWrap(False)
        self.actions_view.setAlternatingRowColors(True)
        self.actions_view.sortByColumn(ActionsTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setToolTip(self.tr("Double-click an action to add a progress note"))
        self.actions_view.doubleClicked.connect(self._update_action)
        right.addWidget(self.actions_view, 1)
        return panel

    # --- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        self.today = date.today()
        board_id = self.context.board_id
        with self.context.database.sessions() as session:
            plans = plans_of_board(session, board_id) if board_id is not None else []
        current = self.plan_box.currentData()
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan_id, title in plans:
            self.plan_box.addItem(icon("plan"), title, plan_id)
        self.plan_box.setCurrentIndex(max(self.plan_box.findData(current), 0))
        self.plan_box.setVisible(len(plans) > 1)
        self.plan_box.blockSignals(False)
        self.stack.setCurrentWidget(self.body if plans else self.empty)
        self._load_plan()

    def _load_plan(self) -> None:
        plan_id = self.plan_box.currentData()
        selected = self._selected_node()
        expanded = {
            self.proxy.index(row, 0).data(NODE_ROLE).id
            for row in range(self.proxy.rowCount())
            if self.view.isExpanded(self.proxy.index(row, 0))
        }
        with self.context.database.sessions() as session:
            self.tree_data = load_plan_tree(session, plan_id, self.today) if plan_id else None
            rows = load_action_rows(session, board_id=self.context.board_id, as_of=self.today)
        self.model.set_tree(self.tree_data)
        self.actions_model.set_rows(rows)
        if not self._actions_columns_set:  # later reloads keep the widths the user chose
            configure_action_columns(self.actions_view, (row.reference for row in rows))
            for column in range(ActionsTableModel.COL_PLAN, ActionsTableModel.COL_REVIEWED + 1):
                self.actions_view.setColumnHidden(column, True)
            self._actions_columns_set = True
        self._configure_columns()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if not expanded or index.data(NODE_ROLE).id in expanded:
                self.view.setExpanded(index, True)
        if self.tree_data is not None:
            title = self.tree_data.title
            published = f" ({self.tree_data.published})" if self.tree_data.published else ""
            self.summary.setText(
                f"<b>{escape(title)}{escape(published)}</b> &nbsp;&nbsp; "
                f"{rollup_html(self.tree_data.rollup)}"
            )
        self._reselect(selected)

    def _reselect(self, node: SectionNode | ItemNode | None) -> None:
        if isinstance(node, ItemNode):
            self.select_item(node.id)
        else:
            self._show_node(None)

    def select_item(self, item_id: int) -> None:
        """Select a plan item, e.g. when another page asks to show what an action serves."""
        index = self.proxy.mapFromSource(self.model.index_of_item(item_id))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _selected_node(self) -> SectionNode | ItemNode | None:
        index = self.view.currentIndex()
        return index.data(NODE_ROLE) if index.isValid() else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_node(self._selected_node())

    def _show_node(self, node: SectionNode | ItemNode | None) -> None:
        is_item = isinstance(node, ItemNode)
        self.progress_box.setVisible(is_item)
        self.detail_stretch.setVisible(not is_item)
        if node is None:
            self.detail_title.setText(self.tr("Select an activity"))
            self.detail_text.setText(
                self.tr("Its desired outcome, measure, RAG history and actions appear here.")
            )
            self.actions_proxy.set_filter(ActionFilter(plan_item_id=-1))
            return
        if isinstance(node, SectionNode):
            self.detail_title.setText(self.tr("Recommendation {0}").format(node.number))
            self.detail_text.setText(
                f"<p>{escape(node.recommendation)}</p><p><b>{self.tr('Outcome')}:</b> "
                f"{escape(node.outcome)}</p><p>{rollup_html(node.rollup)}</p>"
            )
            self.actions_heading.setText(self.tr("Actions serving this recommendation"))
            self.actions_proxy.set_filter(ActionFilter(section_id=node.id))
            return
        self.detail_title.setText(f"{node.number}  {node.activity}")
        target = node.target_text or self.tr("none")
        if node.target_date:
            target += f" ({format_date(node.target_date)})"
        self.detail_text.setText(
            f"<p><b>{self.tr('Desired outcome')}:</b> {escape(node.desired_outcome)}</p>"
            f"<p><b>{self.tr('Measure')}:</b> {escape(node.measure)}</p>"
            f"<p><b>{self.tr('Target')}:</b> {escape(target)} · <b>{self.tr('Lead')}:</b> "
            f"{escape(node.lead)}</p>"
        )
        self.rag_box.setCurrentIndex(self.rag_box.findData(node.rag.value))
        with self.context.database.sessions() as session:
            updates = item_history(session, node.id)
        self.history.setHtml(
            "".join(
                f"<p><b>{format_date(u.on_date)}</b> · {label_of(u.rag)}<br>{escape(u.note)}</p>"
                for u in updates
            )
            or f"<i>{self._no_history(node)}</i>"
        )
        self.actions_heading.setText(self.tr("Actions serving this activity"))
        self.actions_proxy.set_filter(ActionFilter(plan_item_id=node.id))

    def _update_action(self, index: QModelIndex) -> None:
        """A progress note (or a new status) for an action, from the activity it serves."""
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        if row is not None:
            ActionUpdateDialog(self.context, row, parent=self).exec()

    def _no_history(self, node: ItemNode) -> str:
        if node.rag == Rag.NOT_RATED:
            return self.tr("Not rated yet: choose a rating, say why, and record it.")
        return self.tr("Rated {0}, with no dated note recorded yet.").format(
            label_of(node.rag).lower()
        )

    def apply_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if text:
            self.view.expandAll()

    # --- changing -------------------------------------------------------------------------
    def _store_field(self, item_id: int, field: str, value: str) -> ItemNode | None:
        try:
            with self.context.database.transaction() as session:
                update_item_field(session, item_id, field, value)
            with self.context.database.sessions() as session:
                return load_item_node(session, item_id, self.today)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Edit plan item"), error.message)
            return None

    def record_rating(self) -> None:
        node = self._selected_node()
        if not isinstance(node, ItemNode):
            return
        try:
            on_date = parse_date(self.rag_date.text(), self.today) if self.rag_date.text() else None
            with self.context.database.transaction() as session:
                record_progress(
                    session,
                    node.id,
                    Rag(self.rag_box.currentData()),
                    self.rag_note.text(),
                    on_date=on_date,
                    expected_version=node.version,
                )
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Record rating"), error.message)
            return
        self.rag_note.clear()
        self.rag_date.clear()
        self.context.data_changed.emit()

    def create_new(self) -> None:
        """Ctrl+N here imports a plan (or a newer version of this one)."""
        if self.context.board_id is None:
            self.context.status_message.emit(self.tr("Add a board before importing its plan."))
            return
        PlanImportWizard(self.context, self.plan_box.currentData(), self).exec()
