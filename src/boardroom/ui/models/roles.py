"""The item roles Boardroom's models answer, as plain numbers.

Views ask some eight roles of every cell they measure or paint. A model compares each
question with these numbers rather than with members of Qt's enum, whose every lookup
costs more than most answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
EDIT = int(Qt.ItemDataRole.EditRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FONT = int(Qt.ItemDataRole.FontRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
TEXT_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
SORT = int(Qt.ItemDataRole.UserRole) + 1  # the raw value a column sorts by
ROW = int(Qt.ItemDataRole.UserRole) + 2  # the whole row behind a cell
