"""The menu under an export's button: the members' version, with Part 2, or the public one.

Every export a board publishes (agenda, minutes, action log) offers the same two versions
the same way, so the clerk meets one menu everywhere and the tests find its entries by the
names "members" and "public".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QPushButton


def version_menu(button: QPushButton, export: Callable[[bool], object], public_text: str) -> None:
    """Give ``button`` the two versions; ``export(public)`` writes the one chosen.
    ``public_text`` says, translated, what the public version leaves out."""
    menu = QMenu(button)
    members = QCoreApplication.translate("VersionMenu", "Members' version (with Part 2)…")
    for public, text in ((False, members), (True, public_text)):
        action = menu.addAction(text)
        action.setObjectName("public" if public else "members")
        action.triggered.connect(lambda _checked=False, p=public: export(p))
    button.setMenu(menu)
