"""Small inline entry rows: one line for a resolution, two fields for a declaration.

They open under their list at a shortcut and close on Enter (recorded) or Esc (abandoned,
handled by the window), so the clerk never reaches for a dialog, or the mouse, in the
middle of a meeting.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from boardroom.errors import BoardroomError
from boardroom.services.live_minutes import Choice
from boardroom.ui.live.action_row import resolve_owner
from boardroom.ui.live.typeahead import TypeAheadField, label_completer


class ResolutionRow(QWidget):
    """One line: "That the Board …". ``editing`` is the resolution being reworded, if any."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("That the Board … (Enter to record, Esc to cancel)"))
        self.text.returnPressed.connect(lambda: self.submitted.emit(self.text.text()))
        layout.addWidget(self.text)
        self.editing: int | None = None

    def open(self, text: str = "", editing: int | None = None) -> None:
        self.editing = editing
        self.text.setText(text or "That ")
        self.show()
        self.text.setFocus()
        self.text.end(False)


class DeclarationRow(QWidget):
    """Who declared (type-ahead over the meeting's people) and the interest declared."""

    submitted = Signal(int, str)
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.people: list[Choice] = []
        self.person = TypeAheadField(self.tr("Who declared"), moves_on=True)
        self.names = QStringListModel(self)
        self.person.use(label_completer(self.names, self))
        self.interest = QLineEdit()
        self.interest.setPlaceholderText(self.tr("Interest declared (Enter to record)"))
        layout.addWidget(self.person, 1)
        layout.addWidget(self.interest, 2)
        for field in (self.person, self.interest):
            field.returnPressed.connect(self.submit)

    def set_people(self, people: Sequence[Choice]) -> None:
        self.people = list(people)
        self.names.setStringList([choice.label for choice in people])

    def open(self) -> None:
        self.person.clear()
        self.interest.clear()
        self.show()
        self.person.setFocus()

    def submit(self) -> None:
        try:
            person_id = resolve_owner(self.person.text(), self.people)
        except BoardroomError as error:
            self.invalid.emit(error.message)
            return
        if person_id is None:
            self.invalid.emit(self.tr("Say who declared the interest."))
            return
        self.submitted.emit(person_id, self.interest.text())
