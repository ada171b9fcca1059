"""What every edit dialog shares: a form, OK/Cancel, errors shown without closing, and the
fields several dialogs use (a date typed the UK way, a person picked by typing their name).

The dialog hands its plain values to ``save``; when the service refuses them the message is
shown and the dialog stays open with everything the user typed, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from boardroom.dates import format_date, parse_date
from boardroom.errors import BoardroomError
from boardroom.ui.colours import OVERDUE

Fields = TypeVar("Fields")


class DateField(QLineEdit):
    """A date typed in any common UK form ("13/09/2016", "13 Sep", "next Friday")."""

    def __init__(self, optional: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setPlaceholderText(self.tr("e.g. 13/09/2016 or 13 Sep") if not optional else "")
        self.setClearButtonEnabled(optional)
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | None:
        text = self.text().strip()
        if not text and self.optional:
            return None
        return parse_date(text)

    def set_value(self, day: date | None) -> None:
        self.setText(format_date(day))

    def _tidy(self) -> None:
        """Show what was understood ("Tue 13 Sep 2016"), or why not, once the user moves on."""
        try:
            self.set_value(self.value())
        except BoardroomError as error:
            self.setToolTip(error.message)
            self.setStyleSheet(f"QLineEdit {{ border: 1px solid {OVERDUE.css()}; }}")
            return
        self.setToolTip("")
        self.setStyleSheet("")


class PersonPicker(QComboBox):
    """Choose a person by typing any part of their name, from a list of dozens.

    ``none_text``, when given, is a first entry meaning "nobody" (and so is a blank box).
    """

    def __init__(
        self,
        people: Sequence[tuple[int, str]],
        none_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._optional = bool(none_text)
        if none_text:
            self.addItem(none_text, None)
        for person_id, name in people:
            self.addItem(name, person_id)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def choose(self, person_id: int | None) -> None:
        self.setCurrentIndex(max(self.findData(person_id), 0))

    def person_id(self) -> int | None:
        """Who is named in the box; a name not in the list is refused, not guessed."""
        text = self.currentText().strip()
        if not text and self._optional:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise BoardroomError(
                self.tr(
                    "“{0}” is not in the list of people; add them on the People page first."
                ).format(text)
                if text
                else self.tr("Choose someone from the list.")
            )
        return self.itemData(index)


class ServiceDialog(QDialog, Generic[Fields]):
    """A form whose OK saves through ``save`` and closes only when that succeeded."""

    def __init__(
        self, title: str, save: Callable[[Fields], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._save = save
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def fields(self) -> Fields:
        """The values typed, as the service takes them (may raise BoardroomError)."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self._save(self.fields())
        except BoardroomError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return
        super().accept()
