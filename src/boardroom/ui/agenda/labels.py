"""How the window names an item's purpose, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from boardroom.storage.models import Purpose

_PURPOSES = {
    Purpose.INFORMATION: QT_TRANSLATE_NOOP("Purpose", "For information"),
    Purpose.DECISION: QT_TRANSLATE_NOOP("Purpose", "For decision"),
    Purpose.DISCUSSION: QT_TRANSLATE_NOOP("Purpose", "For discussion"),
    Purpose.ASSURANCE: QT_TRANSLATE_NOOP("Purpose", "For assurance"),
    Purpose.PRESENTATION: QT_TRANSLATE_NOOP("Purpose", "Presentation"),
    Purpose.DEEP_DIVE: QT_TRANSLATE_NOOP("Purpose", "Deep dive"),
}


def purpose_label(purpose: Purpose) -> str:
    return QCoreApplication.translate("Purpose", _PURPOSES[purpose])
