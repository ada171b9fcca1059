"""The live minutes' keys, for the window to bind and Help → Keyboard shortcuts to list.

The window's own keys work wherever the focus is (the notes editor gives way to them); the
others work in the list or row that has the focus. The footer and the register's hint line
are written from the same table.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from boardroom.ui.key_table import Key, KeyGroup, KeyTable

NEXT_ITEM = Key(
    ("Ctrl+Down",),
    QT_TRANSLATE_NOOP("LiveKeys", "Next agenda item (the notes are saved first)"),
    QT_TRANSLATE_NOOP("LiveKeys", "next item"),
)
PREVIOUS_ITEM = Key(
    ("Ctrl+Up",),
    QT_TRANSLATE_NOOP("LiveKeys", "Previous agenda item"),
    QT_TRANSLATE_NOOP("LiveKeys", "previous"),
)
RESOLUTION = Key(
    ("Ctrl+R",),
    QT_TRANSLATE_NOOP("LiveKeys", "Record a resolution"),
    QT_TRANSLATE_NOOP("LiveKeys", "resolution"),
)
ACTION = Key(
    ("Ctrl+T",),
    QT_TRANSLATE_NOOP("LiveKeys", "Record an action: what, owner, due date, plan items"),
    QT_TRANSLATE_NOOP("LiveKeys", "action"),
)
DECLARATION = Key(
    ("Ctrl+D",),
    QT_TRANSLATE_NOOP("LiveKeys", "Record a declaration of interest"),
    QT_TRANSLATE_NOOP("LiveKeys", "declaration"),
)
REVIEW = Key(
    ("Ctrl+Shift+R",),
    QT_TRANSLATE_NOOP("LiveKeys", "Review the action log: to its item and its open actions"),
    QT_TRANSLATE_NOOP("LiveKeys", "action log"),
)
REGISTER = Key(
    ("Ctrl+Shift+L",),
    QT_TRANSLATE_NOOP("LiveKeys", "Go to the register (then P, A, X, L or E)"),
    QT_TRANSLATE_NOOP("LiveKeys", "register"),
)
APPROVE = Key(
    ("Ctrl+Shift+A",),
    QT_TRANSLATE_NOOP("LiveKeys", "Approve the previous minutes (on their item)"),
    QT_TRANSLATE_NOOP("LiveKeys", "approve"),
)
CLOSE_MEETING = Key(
    ("Ctrl+Shift+E",),
    QT_TRANSLATE_NOOP("LiveKeys", "Close the meeting: records the time, the minutes a draft"),
    QT_TRANSLATE_NOOP("LiveKeys", "close meeting"),
)
BACK = Key(
    ("Esc",),
    QT_TRANSLATE_NOOP("LiveKeys", "Back to the notes, leaving a half-filled row"),
    QT_TRANSLATE_NOOP("LiveKeys", "back to notes"),
)
SAVE = Key(
    ("Ctrl+S",),
    QT_TRANSLATE_NOOP("LiveKeys", "Save the notes now (they save as you pause, too)"),
    QT_TRANSLATE_NOOP("LiveKeys", "save"),
)
WINDOW = (
    NEXT_ITEM,
    PREVIOUS_ITEM,
    RESOLUTION,
    ACTION,
    DECLARATION,
    REVIEW,
    REGISTER,
    APPROVE,
    CLOSE_MEETING,
    BACK,
    SAVE,
)
# The footer has no room for what only one item offers or what happens anyway.
FOOTER = tuple(key for key in WINDOW if key not in (APPROVE, SAVE))

REWORD = Key(
    ("Return",), QT_TRANSLATE_NOOP("LiveKeys", "Reword the resolution, correct the action")
)
REORDER_UP = Key(("Alt+Up",), QT_TRANSLATE_NOOP("LiveKeys", "Move the resolution up"))
REORDER_DOWN = Key(("Alt+Down",), QT_TRANSLATE_NOOP("LiveKeys", "Move the resolution down"))
REMOVE = Key(("Del",), QT_TRANSLATE_NOOP("LiveKeys", "Remove the resolution or declaration"))
RECORD = Key(
    ("Return",),
    QT_TRANSLATE_NOOP("LiveKeys", "In a row being filled: record it (Esc leaves it)"),
)

# The register: one letter marks everyone selected (Shift+↓, Ctrl+A select several).
MARK_PRESENT = Key(
    ("P",),
    QT_TRANSLATE_NOOP("LiveKeys", "Present (an officer's seat: in attendance)"),
    QT_TRANSLATE_NOOP("LiveKeys", "present"),
)
MARK_APOLOGIES = Key(
    ("A",),
    QT_TRANSLATE_NOOP("LiveKeys", "Apologies"),
    QT_TRANSLATE_NOOP("LiveKeys", "apologies"),
)
MARK_ABSENT = Key(
    ("X",), QT_TRANSLATE_NOOP("LiveKeys", "Absent"), QT_TRANSLATE_NOOP("LiveKeys", "absent")
)
MARK_LATE = Key(
    ("L",),
    QT_TRANSLATE_NOOP("LiveKeys", "Arrived late, at the time it is now"),
    QT_TRANSLATE_NOOP("LiveKeys", "late"),
)
MARK_LEFT = Key(
    ("E",),
    QT_TRANSLATE_NOOP("LiveKeys", "Left early, at the time it is now"),
    QT_TRANSLATE_NOOP("LiveKeys", "left"),
)
REGISTER_LETTERS = (MARK_PRESENT, MARK_APOLOGIES, MARK_ABSENT, MARK_LATE, MARK_LEFT)

APPROVE_AND_LOCK = Key(
    ("Ctrl+Return", "Ctrl+Enter"),
    QT_TRANSLATE_NOOP("LiveKeys", "Approve and lock (Enter starts a new line of amendments)"),
)

LIVE_KEYS = KeyTable(
    QT_TRANSLATE_NOOP("LiveKeys", "Live minutes"),
    "LiveKeys",
    (
        KeyGroup(QT_TRANSLATE_NOOP("LiveKeys", "anywhere in the window"), WINDOW),
        KeyGroup(
            QT_TRANSLATE_NOOP("LiveKeys", "in the lists of resolutions, actions, declarations"),
            (REWORD, REORDER_UP, REORDER_DOWN, REMOVE, RECORD),
        ),
        KeyGroup(QT_TRANSLATE_NOOP("LiveKeys", "in the register (Ctrl+Shift+L)"), REGISTER_LETTERS),
        KeyGroup(
            QT_TRANSLATE_NOOP("LiveKeys", "approving the previous minutes"), (APPROVE_AND_LOCK,)
        ),
    ),
)
