"""The Actions page's filters: status, owner, plan section or item, the meeting that agreed
the action, due before a date, overdue, moved since the last meeting, all boards — and how
the list is grouped. It only builds an ``ActionFilter``; the page applies it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError
from boardroom.services.action_rows import ActionFilter
from boardroom.services.overdue import OUTSTANDING
from boardroom.services.plans import SectionChoice
from boardroom.storage.models import ActionStatus
from boardroom.ui.colours import OVERDUE
from boardroom.ui.labels import label_of

# (label, statuses) for the status filter; the first is what the chair looks at, then
# each status on its own (named by boardroom.ui.labels).
STATUS_CHOICES: tuple[tuple[str, frozenset[ActionStatus]], ...] = (
    (
        QT_TRANSLATE_NOOP("ActionFilterBar", "Outstanding (open or in progress)"),
        frozenset(OUTSTANDING),
    ),
    (QT_TRANSLATE_NOOP("ActionFilterBar", "All statuses"), frozenset()),
)
GROUPINGS = (
    (QT_TRANSLATE_NOOP("ActionFilterBar", "No grouping"), ""),
    (QT_TRANSLATE_NOOP("ActionFilterBar", "By owner"), "owner"),
    (QT_TRANSLATE_NOOP("ActionFilterBar", "By plan section"), "section"),
)


def fill_choices(box: QComboBox, anything: str, entries: list[tuple[str, object]]) -> None:
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


def _labelled(row: QHBoxLayout, caption: str, widget: QWidget) -> None:
    """A drop-down with its caption, whose &-letter moves to it (Alt+S for the status)."""
    label = QLabel(caption)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget)


class ActionFilterBar(QWidget):
    """Two rows of filters above the action list."""

    changed = Signal()  # any filter or the grouping changed
    scope_changed = Signal()  # "All boards" was ticked or cleared: the list must reload
    message = Signal(str)  # e.g. a due-before date that cannot be read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.last_meeting_on: date | None = None
        self.status_box = QComboBox()
        for label, statuses in STATUS_CHOICES:
            self.status_box.addItem(self.tr(label), statuses)
        for status in ActionStatus:
            self.status_box.addItem(label_of(status), frozenset({status}))
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
        for label, value in GROUPINGS:
            self.group_box.addItem(self.tr(label), value)
        self._lay_out()
        for box in (self.status_box, self.owner_box, self.plan_box, self.meeting_box):
            box.currentIndexChanged.connect(self.changed)
        for check in (self.overdue_box, self.moved_box):
            check.toggled.connect(self.changed)
        self.group_box.currentIndexChanged.connect(self.changed)
        self.due_before.editingFinished.connect(self.changed)
        self.all_boards.toggled.connect(self.scope_changed)

    def _lay_out(self) -> None:
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        first, second = QHBoxLayout(), QHBoxLayout()
        _labelled(first, self.tr("&Status"), self.status_box)
        _labelled(first, self.tr("O&wner"), self.owner_box)
        _labelled(first, self.tr("&Plan"), self.plan_box)
        first.addStretch(1)
        _labelled(second, self.tr("&Agreed at"), self.meeting_box)
        for widget in (self.due_before, self.overdue_box, self.moved_box, self.all_boards):
            second.addWidget(widget)
        second.addStretch(1)
        _labelled(second, self.tr("&Group"), self.group_box)
        rows.addLayout(first)
        rows.addLayout(second)

    @property
    def every_board(self) -> bool:
        return self.all_boards.isChecked()

    @property
    def grouping(self) -> str:
        return self.group_box.currentData() or ""

    def fill(
        self,
        *,
        today: date,
        last_meeting_on: date | None,
        owners: list[tuple[str, object]],
        sections: list[SectionChoice],
        meetings: list[tuple[str, object]],
    ) -> None:
        """The choices after a reload, keeping what was chosen where it still exists."""
        self.today = today
        self.last_meeting_on = last_meeting_on
        self.moved_box.setText(
            self.tr("&Moved since {0}").format(format_date(last_meeting_on))
            if last_meeting_on
            else self.tr("&Moved since last meeting")
        )
        self.moved_box.setEnabled(last_meeting_on is not None)
        fill_choices(self.owner_box, self.tr("Anyone"), owners)
        entries: list[tuple[str, object]] = []
        for section in sections:
            entries.append((section.label, f"section:{section.id}"))
            entries += [
                (f"    {number}  {activity}", f"item:{item_id}")
                for item_id, number, activity in section.items
            ]
        fill_choices(self.plan_box, self.tr("Any plan item"), entries)
        fill_choices(self.meeting_box, self.tr("Any meeting"), meetings)

    def current_filter(self, board_id: int | None, text: str = "") -> ActionFilter:
        kind, _, plan_id = (self.plan_box.currentData() or "").partition(":")
        return ActionFilter(
            statuses=self.status_box.currentData(),
            owner_id=self.owner_box.currentData(),
            overdue_only=self.overdue_box.isChecked(),
            due_before=self._due_before(),
            board_id=None if self.every_board else board_id,
            section_id=int(plan_id) if kind == "section" else None,
            plan_item_id=int(plan_id) if kind == "item" else None,
            origin_meeting_id=self.meeting_box.currentData(),
            changed_since=self.last_meeting_on if self.moved_box.isChecked() else None,
            text=text,
        )

    def _due_before(self) -> date | None:
        text = self.due_before.text().strip()
        if not text:
            self.due_before.setStyleSheet("")
            self.due_before.setToolTip("")
            return None
        try:
            day = parse_date(text, self.today)
        except BoardroomError as error:
            self.due_before.setStyleSheet(f"color: {OVERDUE.css()};")
            self.due_before.setToolTip(error.message)
            self.message.emit(error.message)
            return None
        self.due_before.setStyleSheet("")
        self.due_before.setToolTip(self.tr("Due before {0}").format(format_date(day)))
        return day

    def choose_owner(self, owner_id: int | None) -> None:
        self.owner_box.setCurrentIndex(max(self.owner_box.findData(owner_id), 0))

    def choose_section(self, section_id: int | None) -> None:
        self.plan_box.setCurrentIndex(max(self.plan_box.findData(f"section:{section_id}"), 0))
