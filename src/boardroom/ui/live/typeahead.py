"""Type-ahead fields for the inline rows: names and plan items picked without the mouse.

QCompleter passes the keys typed in its list on to the field before it acts on them, so a
row that records on Enter would record the half-typed name, and Tab would leave the field
without completing. These fields take Enter or Tab on a highlighted entry as "use this
entry": the entry goes in, a single-value field moves on to the next field, a list field
(plan items) stays put after Enter for the next entry. An Enter with no entry highlighted
records the row as usual.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from boardroom.services.live_minutes import Choice

_PICK_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)


class TypeAheadField(QLineEdit):
    """A line edit with a type-ahead list; ``moves_on`` when one pick fills it."""

    def __init__(self, placeholder: str, *, moves_on: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.moves_on = moves_on
        self.pick_key: int | None = None

    def use(self, completer: QCompleter) -> None:
        self.setCompleter(completer)
        completer.activated.connect(self._picked)

    def event(self, event: QEvent) -> bool:
        """The open list forwards the key here first: decline it, so the list puts its
        entry in instead of the field recording (Enter) or leaving (Tab) half-typed."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _PICK_KEYS
            and self._highlighted()
        ):
            self.pick_key = event.key()
            event.ignore()
            return True
        return super().event(event)

    def _highlighted(self) -> bool:
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        return popup is not None and popup.isVisible() and popup.currentIndex().isValid()

    def _picked(self) -> None:
        key, self.pick_key = self.pick_key, None
        if key == Qt.Key.Key_Tab or self.moves_on:
            self.focusNextChild()


def label_completer(model: QStringListModel, parent: QWidget) -> QCompleter:
    """Matches anywhere in a label, ignoring case: "hass" finds Julia Hassall."""
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class TokenCompleter(QCompleter):
    """Completes the last comma-separated token and inserts just the item's number.

    The items before the token are remembered when typing sets the prefix, because moving
    through the list puts each highlighted entry in the field before one is chosen.
    """

    def __init__(self, choices: Sequence[Choice], parent: QWidget) -> None:
        super().__init__([choice.label for choice in choices], parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.chosen: list[str] = []

    def splitPath(self, path: str) -> list[str]:
        *before, typing = path.split(",")
        self.chosen = [part.strip() for part in before if part.strip()]
        return [typing.strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:
        number = str(index.data()).split()[0]
        numbers = self.chosen + ([] if number in self.chosen else [number])
        return ", ".join(numbers) + ", "
