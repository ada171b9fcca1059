"""The form beside the agenda tree: one item's title, purpose, presenter, minutes, description
and confidential flag, its papers, and — on the action log item — the open actions.

There is no Save button. A field is saved when the clerk leaves it (or picks from a list),
as one undoable step: the form emits ``edited`` with the field's old and new values and the
agenda tab turns that into a command that calls the service.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boardroom.services.agenda import MAX_MINUTES
from boardroom.services.agenda_rows import AgendaRow, OpenAction
from boardroom.storage.models import Purpose, StandingKind
from boardroom.ui.agenda.papers import PapersPanel
from boardroom.ui.agenda.presenter import PresenterBox
from boardroom.ui.context import AppContext
from boardroom.ui.labels import label_of
from boardroom.ui.models.meeting_record import OpenActionsModel
from boardroom.ui.models.table import SearchProxy
from boardroom.ui.table_view import fit_columns, fit_rows, table_view
from boardroom.ui.theme import emphasised
from boardroom.ui.widgets.empty_state import EmptyState

# The open actions' columns sized to their texts; the description takes the rest.
_FITTED_ACTION_COLUMNS = (
    OpenActionsModel.COL_REFERENCE,
    OpenActionsModel.COL_OWNER,
    OpenActionsModel.COL_DUE,
)
STANDING_NOTES = {
    StandingKind.WELCOME: QT_TRANSLATE_NOOP(
        "ItemEditor", "Standing item: the chair welcomes members and notes apologies."
    ),
    StandingKind.DECLARATIONS: QT_TRANSLATE_NOOP(
        "ItemEditor", "Standing item: declarations are recorded in the minutes."
    ),
    StandingKind.PREVIOUS_MINUTES: QT_TRANSLATE_NOOP(
        "ItemEditor", "Standing item: the previous minutes are approved here as a true record."
    ),
    StandingKind.ACTION_LOG: QT_TRANSLATE_NOOP(
        "ItemEditor", "Standing item: the open actions below are listed automatically."
    ),
    StandingKind.AOB: QT_TRANSLATE_NOOP("ItemEditor", "Standing item: any other business."),
    StandingKind.NEXT_MEETING: QT_TRANSLATE_NOOP(
        "ItemEditor", "Standing item: the date of the next meeting."
    ),
}


class _FocusOut(QObject):
    """Calls back when a widget loses focus: the description has no editingFinished."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


class ItemEditor(QStackedWidget):
    """``edited(item id, field, before, after, undo text)`` when the user changed a field."""

    edited = Signal(int, str, dict, dict, str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: AgendaRow | None = None
        self.empty = EmptyState(
            "list",
            self.tr("No item selected"),
            self.tr("Select an item in the agenda to edit it, or add one with Ctrl+N."),
        )
        self.addWidget(self.empty)
        self.form_page = QWidget()
        self.addWidget(self.form_page)
        outer = QVBoxLayout(self.form_page)
        outer.setContentsMargins(12, 0, 0, 0)
        self.heading = emphasised(QLabel(), point_size=13)
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        self.standing_note = QLabel()
        self.standing_note.setEnabled(False)
        self.standing_note.setWordWrap(True)
        outer.addWidget(self.standing_note)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("What the item is called on the agenda"))
        self.title.editingFinished.connect(self._title_done)
        self.purpose = QComboBox()
        for purpose in Purpose:
            self.purpose.addItem(label_of(purpose), purpose.value)
        self.purpose.activated.connect(self._purpose_done)
        self.presenter = PresenterBox()
        self.presenter.committed.connect(self._presenter_done)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSingleStep(5)
        self.minutes.setKeyboardTracking(False)  # typing "45" is one change, not "4" then "45"
        self.minutes.setAccelerated(True)
        self.minutes.valueChanged.connect(self._minutes_done)
        self.timing = QLabel()
        self.timing.setEnabled(False)
        self.confidential = QCheckBox(self.tr("Exempt — Part 2, not for publication"))
        self.confidential.setToolTip(
            self.tr(
                "Confidential items are listed under Part 2 of the agenda and left out of "
                "the public version entirely."
            )
        )
        self.confidential.clicked.connect(self._confidential_done)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(
            self.tr("What the Board is asked to do; printed under the title on the agenda")
        )
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(110)
        _FocusOut(self.description, self._description_done)

        minutes_row = QWidget()
        minutes_layout = QVBoxLayout(minutes_row)
        minutes_layout.setContentsMargins(0, 0, 0, 0)
        minutes_layout.setSpacing(2)
        minutes_layout.addWidget(self.minutes)
        minutes_layout.addWidget(self.timing)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Purpose"), self.purpose)
        form.addRow(self.tr("P&resenter"), self.presenter)
        form.addRow(self.tr("&Minutes"), minutes_row)
        form.addRow("", self.confidential)
        form.addRow(self.tr("&Description"), self.description)

        self.actions_label = emphasised(QLabel())
        self.actions_label.setContentsMargins(0, 6, 0, 0)
        self.open_actions = OpenActionsModel(self)
        self.actions_view: QTableView = table_view(SearchProxy(self.open_actions, self), -1)
        self.actions_view.setSortingEnabled(False)
        self.actions_view.setWordWrap(False)
        self.actions_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        actions_header = self.actions_view.horizontalHeader()
        actions_header.setStretchLastSection(False)
        actions_header.setSectionResizeMode(
            OpenActionsModel.COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        outer.addWidget(self.actions_label)
        outer.addWidget(self.actions_view)
        self.papers = PapersPanel(context)
        outer.addWidget(self.papers)
        outer.addStretch(0)

    # -- showing ---------------------------------------------------------------------------

    def show_row(self, row: AgendaRow | None, open_actions: list[OpenAction]) -> None:
        """Show an item; a field the user is typing in keeps its text unless the stored
        value itself changed (an undo, say)."""
        previous = self.row if row and self.row and row.item_id == self.row.item_id else None
        self.row = row
        if row is None:
            self.setCurrentWidget(self.empty)
            self.papers.show_row(None)
            return
        self.setCurrentWidget(self.form_page)

        def stale(attribute: str) -> bool:
            return previous is None or getattr(previous, attribute) != getattr(row, attribute)

        self.heading.setText(
            self.tr("Item {0}").format(row.number)
            + (self.tr(" · exempt, Part 2") if row.exempt else "")
        )
        self.standing_note.setText(self.tr(STANDING_NOTES[row.standing]) if row.standing else "")
        self.standing_note.setVisible(row.standing is not None)
        if stale("title"):
            self.title.setText(row.title)
        if stale("purpose"):
            self.purpose.setCurrentIndex(self.purpose.findData(row.purpose.value))
        if stale("presenter_id") or stale("presenter_text"):
            self.presenter.set_value(row.presenter_id, row.presenter_text, row.presenter)
        if stale("minutes"):
            self.minutes.blockSignals(True)
            self.minutes.setValue(row.minutes)
            self.minutes.blockSignals(False)
        inherited = row.exempt and not row.confidential  # under an exempt item
        self.confidential.setChecked(row.exempt)
        self.confidential.setEnabled(not inherited)
        self.confidential.setText(
            self.tr("Exempt with the item it is under — Part 2")
            if inherited
            else self.tr("Exempt — Part 2, not for publication")
        )
        if stale("description"):
            self.description.setPlainText(row.description)
        sub_items = self.tr(" · {0} sub-items").format(row.child_count) if row.child_count else ""
        self.timing.setText(
            self.tr("{0}–{1} on the meeting's clock").format(
                f"{row.starts_at:%H:%M}", f"{row.ends_at:%H:%M}"
            )
            + sub_items
        )
        is_log = row.standing is StandingKind.ACTION_LOG
        self.open_actions.set_rows(open_actions if is_log else [])
        self.actions_label.setText(
            self.tr("Open actions for review ({0})").format(len(open_actions))
            if open_actions
            else self.tr("No open actions to review.")
        )
        self.actions_label.setVisible(is_log)
        self.actions_view.setVisible(is_log and bool(open_actions))
        if is_log and open_actions:  # measured once per item, not at every layout
            fit_columns(self.actions_view, _FITTED_ACTION_COLUMNS)
        fit_rows(self.actions_view, len(open_actions), 8)
        self.papers.show_row(row)

    def discard_typing(self) -> None:
        """Show the stored values in every field on the next ``show_row``: a change the
        service refused must not stay on screen as if it had been saved."""
        self.row = None

    def focus_title(self) -> None:
        self.title.setFocus()
        self.title.selectAll()

    # -- editing ---------------------------------------------------------------------------

    def _emit(self, field: str, before: dict[str, Any], after: dict[str, Any], text: str):
        if self.row is not None and before != after:
            self.edited.emit(self.row.item_id, field, before, after, text)

    def _label(self) -> str:
        return self.row.number if self.row else ""

    def _title_done(self) -> None:
        if self.row is None:
            return
        self._emit(
            "title",
            {"title": self.row.title},
            {"title": self.title.text().strip()},
            self.tr("Rename item {0}").format(self._label()),
        )

    def _purpose_done(self, _index: int) -> None:
        if self.row is None:
            return
        self._emit(
            "purpose",
            {"purpose": self.row.purpose},
            {"purpose": Purpose(self.purpose.currentData())},
            self.tr("Change the purpose of item {0}").format(self._label()),
        )

    def _presenter_done(self) -> None:
        if self.row is None:
            return
        person_id, text = self.presenter.value()
        self._emit(
            "presenter",
            {"presenter_id": self.row.presenter_id, "presenter_text": self.row.presenter_text},
            {"presenter_id": person_id, "presenter_text": text},
            self.tr("Change the presenter of item {0}").format(self._label()),
        )

    def _minutes_done(self, value: int) -> None:
        if self.row is None:
            return
        self._emit(
            "minutes",
            {"minutes": self.row.minutes},
            {"minutes": value},
            self.tr("Change the time of item {0}").format(self._label()),
        )

    def _confidential_done(self, checked: bool) -> None:
        if self.row is None:
            return
        self._emit(
            "confidential",
            {"confidential": self.row.confidential},
            {"confidential": checked},
            self.tr("Mark item {0} exempt").format(self._label())
            if checked
            else self.tr("Make item {0} public").format(self._label()),
        )

    def _description_done(self) -> None:
        if self.row is None:
            return
        self._emit(
            "description",
            {"description": self.row.description},
            {"description": self.description.toPlainText().strip()},
            self.tr("Change the description of item {0}").format(self._label()),
        )

    def commit_pending(self) -> None:
        """Save whatever is typed but not yet saved (before the selection moves on)."""
        self._title_done()
        self._presenter_done()
        self._description_done()
