"""The presenter box: type-ahead over the people Boardroom knows, or any free text.

"Julia Hassall" (or a piece of her name, picked from the list) names the person, so the
agenda follows if her name or title changes; "LSCB Independent Chair" is kept as typed.

The list of people is read when the box is first used, not when the agenda opens: a council's
ten years hold hundreds of people, and most openings of a meeting never touch a presenter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
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
        self._choices: list[Choice] = []
        self._load: Callable[[], Sequence[Choice]] | None = None
        self._stored: tuple[str, int | None, str] | None = None  # shown text, person, text
        self.lineEdit().editingFinished.connect(self.committed)
        self.activated.connect(lambda _index: self.committed.emit())

    def set_source(self, load: Callable[[], Sequence[Choice]]) -> None:
        """Where the list comes from; it is read afresh at the next use, or now if the user
        is in the box (an undo while they type, say)."""
        self._load = load
        if self.hasFocus():
            self._fill()

    def _fill(self) -> None:
        if self._load is None:
            return
        load, self._load = self._load, None
        self._choices = list(load())
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems([choice.label for choice in self._choices])  # one call for hundreds
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._fill()
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self._fill()
        super().showPopup()

    def value(self) -> tuple[int | None, str]:
        """(person id, "") for someone in the list, else (None, the free text); the stored
        presenter as it was if the text shown for it is untouched."""
        text = self.currentText()
        if self._stored is not None and self._stored[0] == text:
            return self._stored[1], self._stored[2]
        self._fill()
        return resolve_presenter(text, self._choices)

    def set_value(self, person_id: int | None, free_text: str, shown: str) -> None:
        """Show the stored presenter as the agenda prints it (``shown``: the person's name,
        or the free text), the same whether or not the list is read yet."""
        self.blockSignals(True)
        self.setCurrentIndex(-1)
        self.setEditText(shown)
        self._stored = (self.currentText(), person_id, free_text)
        self.blockSignals(False)
