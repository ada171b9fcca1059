"""Writing or correcting an action point: what, who, by when, agreed where, and the plan
items it serves (ticked in a list of the board's plan)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError, ConflictError
from boardroom.services.action_rows import ActionRow
from boardroom.services.actions import create_action, edit_action, get_action, owner_choices
from boardroom.services.meetings import list_meetings
from boardroom.services.plans import plan_choices
from boardroom.ui.conflict_question import Answer, reload_or_overwrite
from boardroom.ui.context import AppContext
from boardroom.ui.icons import icon

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ActionEditDialog(QDialog):
    """New action for a board when ``row`` is None, otherwise that action's details."""

    def __init__(
        self,
        context: AppContext,
        board_id: int,
        row: ActionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.board_id = board_id
        self.row = row
        self.setWindowTitle(
            self.tr("Edit {0}").format(row.reference) if row else self.tr("New action point")
        )
        self.resize(620, 600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.description = QPlainTextEdit(row.description if row else "")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What is to be done, as the minutes say it"))
        self.description.setMaximumHeight(90)
        form.addRow(self.tr("&Action"), self.description)
        self.owner = QComboBox()
        self.owner.setEditable(False)
        form.addRow(self.tr("&Owner"), self.owner)
        self.due = QLineEdit(format_date(row.due_date) if row else "")
        self.due.setPlaceholderText(self.tr("e.g. 30/09, next Friday, +2w"))
        self.due_hint = QLabel()
        self.due_hint.setEnabled(False)
        self.due.textChanged.connect(self._show_due)
        form.addRow(self.tr("&Due"), self.due)
        form.addRow("", self.due_hint)
        self.meeting = QComboBox()
        self.meeting.addItem(self.tr("Not agreed at a meeting"), None)
        self.meeting.setEnabled(row is None)
        form.addRow(self.tr("Agreed &at"), self.meeting)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Plan items it serves:")))
        self.plan_model = QStandardItemModel(self)
        self.plan_view = QListView()
        self.plan_view.setModel(self.plan_model)
        layout.addWidget(self.plan_view, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setIcon(icon("actions"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        with self.context.database.sessions() as session:
            owners = owner_choices(session)
            sections = plan_choices(session, self.board_id)
            meetings = list_meetings(session, self.board_id)
        self.owner.addItem(self.tr("No owner yet"), None)
        for person_id, name in owners:
            self.owner.addItem(name, person_id)
        if self.row is not None:
            self.owner.setCurrentIndex(max(self.owner.findData(self.row.owner_id), 0))
        for meeting in reversed(meetings):
            self.meeting.addItem(f"{format_date(meeting.starts_at)} · {meeting.title}", meeting.id)
        linked = {link.item_id for link in self.row.plan_links} if self.row else set()
        bold = QFont()
        bold.setBold(True)
        for section in sections:
            heading = QStandardItem(section.label)
            heading.setFont(bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.plan_model.appendRow(heading)
            for item_id, number, activity in section.items:
                entry = QStandardItem(f"{number}  {activity}")
                entry.setToolTip(activity)
                entry.setData(item_id, ITEM_ID_ROLE)
                entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                checked = Qt.CheckState.Checked if item_id in linked else Qt.CheckState.Unchecked
                entry.setCheckState(checked)
                self.plan_model.appendRow(entry)
        self._show_due(self.due.text())

    def _due_date(self) -> date | None:
        text = self.due.text().strip()
        return parse_date(text) if text else None

    def _show_due(self, _text: str) -> None:
        try:
            due = self._due_date()
        except BoardroomError as error:
            self.due_hint.setText(error.message)
            return
        self.due_hint.setText(format_date(due) if due else self.tr("No due date"))

    def plan_item_ids(self) -> list[int]:
        return [
            self.plan_model.item(row).data(ITEM_ID_ROLE)
            for row in range(self.plan_model.rowCount())
            if self.plan_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        try:
            due = self._due_date()
            with self.context.database.transaction() as session:
                if self.row is None:
                    action = create_action(
                        session,
                        self.board_id,
                        self.description.toPlainText(),
                        owner_id=self.owner.currentData(),
                        due_date=due,
                        origin_meeting_id=self.meeting.currentData(),
                        plan_item_ids=self.plan_item_ids(),
                    )
                else:
                    action = edit_action(
                        session,
                        self.row.id,
                        self.description.toPlainText(),
                        owner_id=self.owner.currentData(),
                        due_date=due,
                        plan_item_ids=self.plan_item_ids(),
                        expected_version=self.row.version,
                    )
                reference = action.reference
        except ConflictError as error:
            self._resolve_conflict(error.message)
            return
        except BoardroomError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return
        self.context.data_changed.emit()
        self.context.status_message.emit(self.tr("Saved action {0}.").format(reference))
        super().accept()

    def _resolve_conflict(self, message: str) -> None:
        """Another desk saved this action since the dialog opened: nothing is lost either
        way — show their version (the dialog stays open) or save this one over it."""
        assert self.row is not None
        answer = reload_or_overwrite(self, message)
        if answer is None:
            return
        with self.context.database.sessions() as session:
            action = get_action(session, self.row.id)
            linked = {item.id for item in action.plan_items}
        self.row = self.row._replace(version=action.version)
        if answer is Answer.OVERWRITE:
            self.accept()
            return
        self.description.setPlainText(action.description)
        self.owner.setCurrentIndex(max(self.owner.findData(action.owner_id), 0))
        self.due.setText(format_date(action.due_date))
        for index in range(self.plan_model.rowCount()):
            entry = self.plan_model.item(index)
            if entry.data(ITEM_ID_ROLE) is not None:
                checked = entry.data(ITEM_ID_ROLE) in linked
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
