"""The inline row that captures an action point without leaving the keyboard.

Description, owner (type-ahead over members, officers and deputies), due date in any form a
clerk says it ("30/09", "next Friday", "+2w") and plan items (type-ahead over numbers and
titles, comma-separated). Tab moves between fields, Enter records, Esc abandons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError
from boardroom.services.live_minutes import ActionLine, Choice
from boardroom.ui.colours import OVERDUE
from boardroom.ui.live.typeahead import TokenCompleter, TypeAheadField, label_completer
from boardroom.ui.theme import muted_text


@dataclass(frozen=True)
class ActionDraft:
    description: str
    owner_id: int | None
    due: date | None
    plan_item_ids: tuple[int, ...]


def resolve_owner(text: str, choices: Sequence[Choice]) -> int | None:
    """The person the clerk meant: the completer's label, or a unique piece of a name."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    for choice in choices:
        if choice.label.casefold() == wanted or choice.key.casefold() == wanted:
            return choice.id
    matches = [choice for choice in choices if wanted in choice.label.casefold()]
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        raise BoardroomError(
            QCoreApplication.translate(
                "ActionRow", "No member, officer or deputy is called “{0}”."
            ).format(text.strip())
        )
    names = ", ".join(choice.key for choice in matches[:4])
    raise BoardroomError(
        QCoreApplication.translate(
            "ActionRow", "“{0}” could be {1}; type more of the name."
        ).format(text.strip(), names)
    )


def resolve_plan_items(text: str, choices: Sequence[Choice]) -> tuple[int, ...]:
    """Plan items from "1.3, 2.1" (each token starts with an item number)."""
    by_number = {choice.key: choice.id for choice in choices}
    ids: list[int] = []
    for token in (part.strip() for part in text.split(",")):
        if not token:
            continue
        number = token.split()[0]
        if number not in by_number:
            raise BoardroomError(
                QCoreApplication.translate(
                    "ActionRow", "The plan has no item numbered “{0}”."
                ).format(number)
            )
        if by_number[number] not in ids:
            ids.append(by_number[number])
    return tuple(ids)


class ActionRow(QFrame):
    """Emits ``submitted`` with a draft the window records (Esc is the window's to handle).

    Each field has a label beside it, so a filled row still says what each value is; the
    due date is read back as a date under its field while it is typed.
    """

    submitted = Signal(object)  # ActionDraft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.owners: list[Choice] = []
        self.plan_items: list[Choice] = []
        self.today = date.today()
        self.editing: ActionLine | None = None
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What is to be done"))
        self.owner = TypeAheadField(self.tr("Type part of a name"), moves_on=True)
        self.owner_model = QStringListModel(self)
        self.owner.use(label_completer(self.owner_model, self))
        self.due = QLineEdit()
        self.due.setPlaceholderText(self.tr("30/09, next Friday, +2w"))
        self.plan = TypeAheadField(self.tr("1.3, 2.1 — or words from the title"), moves_on=False)
        self.due_hint = muted_text(QLabel())
        self.due_hint.setObjectName("shortcutHint")
        self.due.textChanged.connect(self._show_due)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {OVERDUE.css()};")
        self.error.setWordWrap(True)
        self.error.hide()
        hint = muted_text(QLabel(self.tr("Tab next field · Enter record · Esc cancel")))
        hint.setObjectName("shortcutHint")

        layout = QGridLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(4)
        fields = (
            (self.tr("&Action"), self.description, 0, 0, 5),
            (self.tr("O&wner"), self.owner, 1, 0, 1),
            (self.tr("D&ue"), self.due, 1, 2, 1),
            (self.tr("&Plan items"), self.plan, 1, 4, 1),
        )
        for text, field, row, column, span in fields:
            label = muted_text(QLabel(text))
            label.setBuddy(field)
            label.setObjectName("fieldLabel")
            layout.addWidget(label, row, column)
            layout.addWidget(field, row, column + 1, 1, span)
        layout.addWidget(self.due_hint, 2, 3)
        layout.addWidget(hint, 2, 5, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.error, 3, 0, 1, 6)
        for column, stretch in ((1, 3), (3, 2), (5, 3)):
            layout.setColumnStretch(column, stretch)
        for field in (self.description, self.owner, self.due, self.plan):
            field.returnPressed.connect(self.submit)

    def set_choices(self, owners: Sequence[Choice], plan_items: Sequence[Choice]) -> None:
        self.owners, self.plan_items = list(owners), list(plan_items)
        self.owner_model.setStringList([choice.label for choice in owners])
        self.plan.use(TokenCompleter(plan_items, self.plan))

    def open(self, today: date, editing: ActionLine | None = None) -> None:
        """Show the row with the cursor in the description: empty, or filled with the action
        being corrected. Relative due dates count from ``today`` (the meeting's day: "next
        Friday" as it was said there)."""
        self.today, self.editing = today, editing
        for field in (self.description, self.owner, self.due, self.plan):
            field.clear()
        if editing is not None:
            owner = next((c.label for c in self.owners if c.id == editing.owner_id), editing.owner)
            self.description.setText(editing.description)
            self.owner.setText(owner)
            self.due.setText(f"{editing.due:%d/%m/%Y}" if editing.due else "")
            self.plan.setText(", ".join(editing.plan_numbers))
        self.error.hide()
        self.show()
        self.description.setFocus()

    def _show_due(self, text: str) -> None:
        try:
            self.due_hint.setText(format_date(parse_date(text, self.today)) if text.strip() else "")
        except BoardroomError:
            self.due_hint.setText(self.tr("not a date yet"))

    def draft(self) -> ActionDraft:
        """The row read as an action, or a BoardroomError naming the field that is wrong."""
        description = " ".join(self.description.text().split())
        if not description:
            raise BoardroomError(self.tr("Say what is to be done."))
        due_text = self.due.text().strip()
        return ActionDraft(
            description=description,
            owner_id=resolve_owner(self.owner.text(), self.owners),
            due=parse_date(due_text, self.today) if due_text else None,
            plan_item_ids=resolve_plan_items(self.plan.text(), self.plan_items),
        )

    def submit(self) -> None:
        try:
            draft = self.draft()
        except BoardroomError as error:
            self.show_error(error.message)
            return
        self.submitted.emit(draft)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
