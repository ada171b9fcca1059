"""The agenda editor's keys, for the editor to bind and Help → Keyboard shortcuts to list.

In the agenda list: Alt+↑/↓ move, Alt+→/← make a sub-item or a main item again, Del
deletes, Enter or F2 edits the title. Anywhere in the tab: Ctrl+N adds an item after the
selected one, Ctrl+Shift+N a sub-item, Ctrl+Z / Ctrl+Shift+Z undo and redo. The board's
standing items list moves and deletes with the same keys.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from boardroom.ui.key_table import Key, KeyGroup, KeyTable

ADD_ITEM = Key(
    ("Ctrl+N", "Ins"), QT_TRANSLATE_NOOP("AgendaKeys", "Add an item after the selected one")
)
ADD_SUB_ITEM = Key(("Ctrl+Shift+N",), QT_TRANSLATE_NOOP("AgendaKeys", "Add a sub-item"))
UNDO = Key(("Ctrl+Z",), QT_TRANSLATE_NOOP("AgendaKeys", "Undo the last change"))
REDO = Key(("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("AgendaKeys", "Redo it"))
MOVE_UP = Key(("Alt+Up",), QT_TRANSLATE_NOOP("AgendaKeys", "Move the item up"))
MOVE_DOWN = Key(("Alt+Down",), QT_TRANSLATE_NOOP("AgendaKeys", "Move the item down"))
INDENT = Key(
    ("Alt+Right",), QT_TRANSLATE_NOOP("AgendaKeys", "Make it a sub-item of the item above")
)
OUTDENT = Key(("Alt+Left",), QT_TRANSLATE_NOOP("AgendaKeys", "Make it a main item again"))
DELETE = Key(("Del",), QT_TRANSLATE_NOOP("AgendaKeys", "Delete the item (Ctrl+Z puts it back)"))
EDIT_TITLE = Key(("Return", "F2"), QT_TRANSLATE_NOOP("AgendaKeys", "Edit the item's title"))

AGENDA_KEYS = KeyTable(
    QT_TRANSLATE_NOOP("AgendaKeys", "Agenda editor"),
    "AgendaKeys",
    (
        KeyGroup(
            QT_TRANSLATE_NOOP("AgendaKeys", "anywhere on the Agenda tab"),
            (ADD_ITEM, ADD_SUB_ITEM, UNDO, REDO),
        ),
        KeyGroup(
            QT_TRANSLATE_NOOP("AgendaKeys", "in the agenda list"),
            (MOVE_UP, MOVE_DOWN, INDENT, OUTDENT, DELETE, EDIT_TITLE),
        ),
    ),
)
