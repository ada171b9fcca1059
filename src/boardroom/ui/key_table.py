"""A view's keyboard shortcuts, declared once for the view and the reference card alike.

Each view that has keys of its own keeps a small table of them (``agenda/keys.py``,
``live/keys.py``): the keys, what they do and, for a footer or hint line, a short word. The
view binds its shortcuts from the table and Help → Keyboard shortcuts lists the table, so
the reference cannot drift from what the keys do; tests/test_shortcuts.py checks that every
shortcut a view installs is in its table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

_ARROWS = {"Up": "↑", "Down": "↓", "Left": "←", "Right": "→"}
_ARROW_WORD = re.compile(r"\b(Up|Down|Left|Right)\b")
_RETURN_WORD = re.compile(r"\bReturn\b")


def shown(keys: str) -> str:
    """ "Ctrl+Down" as the platform writes it, arrows drawn: "Ctrl+↓" (on a Mac "⌘↓").

    Return is "Enter", as the key is labelled on the keyboards a secretariat uses (a Mac
    draws it as ↩ anyway), so the keypad's Enter and the main one read alike."""
    native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    native = _RETURN_WORD.sub("Enter", native)
    return _ARROW_WORD.sub(lambda match: _ARROWS[match.group(1)], native)


@dataclass(frozen=True)
class Key:
    """Keys (portable QKeySequence text, the first the usual one) and what they do.

    ``text`` and ``hint`` are marked with QT_TRANSLATE_NOOP in their table's context; the
    hint is the short word a footer or hint line shows beside the key ("next item")."""

    keys: tuple[str, ...]
    text: str
    hint: str = ""

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(keys) for keys in self.keys]

    def shown(self) -> str:
        """ "Alt+↑", "Enter / F2": each way of pressing it once, the usual one first."""
        return " / ".join(dict.fromkeys(shown(keys) for keys in self.keys))

    def matches(self, event: QKeyEvent) -> bool:
        """A key press that is one of these keys (keypad Enter counting as Return)."""
        combination = event.keyCombination()
        if combination.key() == Qt.Key.Key_Enter:
            modifiers = combination.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
            combination = modifiers | Qt.Key.Key_Return
        pressed = QKeySequence(combination)
        exact = QKeySequence.SequenceMatch.ExactMatch
        return any(pressed.matches(keys) == exact for keys in self.sequences())


@dataclass(frozen=True)
class KeyGroup:
    """Keys that work in one place of a view ("In the register"); ``title`` is marked."""

    title: str
    keys: tuple[Key, ...]


@dataclass(frozen=True)
class KeyTable:
    """One view's keys, grouped; ``context`` is where its texts are marked for translation."""

    title: str
    context: str
    groups: tuple[KeyGroup, ...]

    def translated(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text)

    def every_key(self) -> list[Key]:
        return [key for group in self.groups for key in group.keys]

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, what it does, keys) for the reference card, translated."""
        return [
            (self.translated(group.title), self.translated(key.text), key.shown())
            for group in self.groups
            for key in group.keys
        ]

    def hints(self, keys: Iterable[Key]) -> str:
        """ "Ctrl+↓ next item · Ctrl+↑ previous · …" for a footer or a hint line."""
        return " · ".join(f"{key.shown()} {self.translated(key.hint)}" for key in keys)


def bind(
    key: Key,
    widget: QWidget,
    handler: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> list[QShortcut]:
    """Install ``key`` on ``widget``: one QShortcut per key sequence."""
    shortcuts = []
    for sequence in key.sequences():
        shortcut = QShortcut(sequence, widget)
        shortcut.setContext(context)
        shortcut.activated.connect(handler)
        shortcuts.append(shortcut)
    return shortcuts
