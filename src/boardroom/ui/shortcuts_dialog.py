"""Help → Keyboard shortcuts: a reference card read from the window's own actions.

It is built from the actions that are really installed, menu by menu, then those the pages
add, so it can never list a shortcut that does not work or miss one that does. The meeting
workspace's agenda editor and the live minutes are windows of their own, not open when the
card is: their keys come from the tables they bind them from (``agenda.keys``,
``live.keys``), which tests/test_shortcuts.py holds to what they install.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout

Row = tuple[str, str, str]  # section, command, keys


def _keys(action: QAction) -> str:
    return " / ".join(
        shortcut.toString(QKeySequence.SequenceFormat.NativeText) for shortcut in action.shortcuts()
    )


def shortcut_rows(window: QMainWindow) -> list[Row]:
    """Every action of ``window`` that has a shortcut, grouped by its menu."""
    rows: list[Row] = []
    seen: set[QAction] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        section = menu_action.iconText()
        for action in menu.actions():
            if action.shortcuts():
                rows.append((section, action.iconText(), _keys(action)))
                seen.add(action)
    others = QCoreApplication.translate("ShortcutsDialog", "On pages")
    for action in window.findChildren(QAction):
        if action not in seen and action.shortcuts() and action.iconText():
            rows.append((others, action.iconText(), _keys(action)))
    return rows + view_rows()


def view_rows() -> list[Row]:
    """The agenda editor's and the live minutes' keys, a section per place they work."""
    # Imported here: two small tables, wanted only when the card is opened.
    from boardroom.ui.agenda.keys import AGENDA_KEYS
    from boardroom.ui.live.keys import LIVE_KEYS

    heading = QCoreApplication.translate("ShortcutsDialog", "{0} — {1}")
    return [
        (heading.format(table.translated(table.title), group), command, keys)
        for table in (AGENDA_KEYS, LIVE_KEYS)
        for group, command, keys in table.rows()
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = shortcut_rows(window)
        self.text = QTextBrowser()
        self.text.setHtml(self._html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def _html(self) -> str:
        parts: list[str] = []
        section = None
        for row_section, command, keys in self.rows:
            if row_section != section:
                if section is not None:
                    parts.append("</table>")
                section = row_section
                parts.append(f"<h3>{escape(section)}</h3><table width='100%' cellpadding='3'>")
            parts.append(
                f"<tr><td>{escape(command)}</td><td align='right'><b>{escape(keys)}</b></td></tr>"
            )
        if section is not None:
            parts.append("</table>")
        return "".join(parts)
