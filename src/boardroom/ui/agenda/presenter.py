"""The presenter box: type-ahead over the people Boardroom knows, or any free text.

"Julia Hassall" (or a piece of her name, picked from the list) names the person, so the
agenda follows if her name or title changes; "LSCB Independent Chair" is kept as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from boardroom.services.agenda_rows import resolve_presenter
from boardroom.services.live_minutes import Choice


class PresenterBox(QComboBox):
    """Emits ``committed`` when the user has finished choosing or typing a presenter."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.lineEdit().setPlaceholderText(self.tr("A person, or who presents (free text)"))
        self.lineEdit().setClearButtonEnabled(True)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.choices: list[Choice] = []
        self.lineEdit().editingFinished.connect(self.committed)
        self.activated.connect(lambda _index: self.committed.emit())

    def set_choices(self, choices: Sequence[Choice]) -> None:
        text = self.currentText()
        self.choices = list(choices)
        self.blockSignals(True)
        self.clear()
        # One call for the whole list (a council's ten years hold hundreds of people); an
        # entry's person is found by its place in ``choices``.
        self.addItems([choice.label for choice in self.choices])
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)

    def value(self) -> tuple[int | None, str]:
        """(person id, "") for someone in the list, else (None, the free text)."""
        return resolve_presenter(self.currentText(), self.choices)

    def set_value(self, person_id: int | None, free_text: str, shown: str) -> None:
        """Show the stored presenter: the person's entry in the list, else the text."""
        self.blockSignals(True)
        places = (place for place, choice in enumerate(self.choices) if choice.id == person_id)
        index = next(places, -1) if person_id is not None else -1
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index) if index >= 0 else (free_text or shown))
        self.blockSignals(False)
