"""The keyboard shortcuts of the agenda editor and the live minutes: what the views install
is what Help → Keyboard shortcuts lists, and the keys the reference names do their work."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from sqlalchemy import select

import live_builders
from boardroom.storage.models import Meeting, Resolution
from boardroom.ui.agenda.keys import AGENDA_KEYS
from boardroom.ui.agenda.standing import StandingItemsDialog
from boardroom.ui.context import AppContext
from boardroom.ui.key_table import KeyTable
from boardroom.ui.live import keys as live_keys
from boardroom.ui.live.approval import ApprovalDialog
from boardroom.ui.live.keys import LIVE_KEYS
from boardroom.ui.meeting_workspace import MeetingWorkspace
from boardroom.ui.shortcuts_dialog import ShortcutsDialog
from live_builders import CTRL, THE_2019_MEETING, meeting_with

open_window = live_builders.open_window
warnings_shown = live_builders.warnings_shown


def _installed(root: QWidget) -> set[str]:
    """Every key sequence bound in ``root`` and its children, as portable text."""
    found = {
        shortcut.key().toString()
        for shortcut in root.findChildren(QShortcut)
        if not shortcut.key().isEmpty()
    }
    for action in root.findChildren(QAction):
        found.update(sequence.toString() for sequence in action.shortcuts())
    return found


def _declared(table: KeyTable) -> set[str]:
    return {QKeySequence(keys).toString() for key in table.every_key() for keys in key.keys}


def _card() -> ShortcutsDialog:
    """The reference card as a window with no menus opens it: only the views' keys."""
    window = QMainWindow()
    dialog = ShortcutsDialog(window)
    dialog.setParent(None)  # outlives the window it was opened from
    return dialog


def _reference() -> dict[str, set[tuple[str, str]]]:
    """The card's rows under each heading: {section: {(what it does, keys)}}."""
    rows: dict[str, set[tuple[str, str]]] = {}
    for section, command, keys in _card().rows:
        rows.setdefault(section, set()).add((command, keys))
    return rows


def _listed_keys(prefix: str) -> set[str]:
    return {
        keys
        for section, rows in _reference().items()
        if section.startswith(prefix)
        for _command, keys in rows
    }


def test_every_key_the_agenda_editor_installs_is_in_the_reference(qtbot, demo_database):
    context = AppContext(demo_database)
    meeting_id = meeting_with(demo_database, THE_2019_MEETING)
    workspace = MeetingWorkspace(context, meeting_id)
    qtbot.addWidget(workspace)
    with demo_database.sessions() as session:
        board_id = session.get(Meeting, meeting_id).board_id
    standing = StandingItemsDialog(context, board_id, workspace)
    qtbot.addWidget(standing)
    installed = _installed(workspace.agenda) | _installed(standing)
    assert installed, "the agenda editor binds its keys"
    assert installed <= _declared(AGENDA_KEYS), "bound, but not in agenda/keys.py"
    listed = _listed_keys("Agenda editor")
    for key in AGENDA_KEYS.every_key():
        assert key.shown() in listed, f"{key.text} is not on the card"
    # The keys a clerk asks about, as the card writes them.
    for keys in ("Ctrl+N / Ins", "Ctrl+Shift+N", "Alt+↑", "Alt+↓", "Alt+→", "Alt+←", "Del"):
        assert keys in listed
    assert "Enter / F2" in listed and "Ctrl+Z" in listed and "Ctrl+Shift+Z / Ctrl+Y" in listed


def test_every_key_the_live_minutes_install_is_in_the_reference(demo_database, open_window):
    window = open_window(meeting_with(demo_database, THE_2019_MEETING))
    installed = _installed(window)
    assert installed <= _declared(LIVE_KEYS), "bound, but not in live/keys.py"
    window_keys = {QKeySequence(keys).toString() for key in live_keys.WINDOW for keys in key.keys}
    assert window_keys <= installed, "declared for the window, but not bound"
    listed = _listed_keys("Live minutes")
    for key in LIVE_KEYS.every_key():
        assert key.shown() in listed, f"{key.text} is not on the card"
    for keys in ("Ctrl+↓", "Ctrl+↑", "Ctrl+R", "Ctrl+T", "Ctrl+D", "Ctrl+Shift+L", "P", "L", "E"):
        assert keys in listed
    for keys in ("Ctrl+Shift+A", "Ctrl+Shift+R", "Ctrl+Shift+E", "Esc", "Ctrl+Enter"):
        assert keys in listed
    # The footer and the register's hint line are written from the same table.
    footer = window.statusBar().findChildren(QWidget, "shortcutHint")[0].text()
    assert footer.startswith("Ctrl+↓ next item · Ctrl+↑ previous · Ctrl+R resolution")
    assert "Ctrl+Shift+E close meeting · Esc back to notes" in footer
    register_hint = window.register.findChildren(QWidget, "shortcutHint")[0].text()
    assert register_hint == (
        "Ctrl+Shift+L register · P present · A apologies · X absent · L late · E left"
    )


def test_the_card_reads_the_menus_then_the_agenda_editor_then_the_live_minutes(
    qtbot, demo_database
):
    dialog = _card()
    qtbot.addWidget(dialog)
    sections = list(dict.fromkeys(section for section, _command, _keys in dialog.rows))
    assert sections == [
        "Agenda editor — anywhere on the Agenda tab",
        "Agenda editor — in the agenda list",
        "Live minutes — anywhere in the window",
        "Live minutes — in the lists of resolutions, actions, declarations",
        "Live minutes — in the register (Ctrl+Shift+L)",
        "Live minutes — approving the previous minutes",
    ]
    text = dialog.text.toPlainText()
    assert "Close the meeting: records the time, the minutes a draft" in text
    assert "Make it a sub-item of the item above" in text


def test_enter_adds_a_line_of_amendments_and_ctrl_enter_approves(qtbot):
    dialog = ApprovalDialog("Tue 11 Oct 2016")
    qtbot.addWidget(dialog)
    assert "Ctrl+Enter" in dialog.approve_button.text()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.amendments.setFocus()
    qtbot.keyClicks(dialog.amendments, "Item 3: the date to read 31 October.")
    qtbot.keyClick(dialog.amendments, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.amendments, "Item 6: add Lisa Cooper's apologies.")
    assert dialog.isVisible() and dialog.result() == 0, "Enter only starts a new line"
    assert dialog.amendments.toPlainText() == (
        "Item 3: the date to read 31 October.\nItem 6: add Lisa Cooper's apologies."
    )
    qtbot.keyClick(dialog.amendments, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "\n" in dialog.amendments.toPlainText().strip(), "the amendments stay as typed"
    assert dialog.amendments.toPlainText().count("\n") == 1


def test_ctrl_enter_approves_from_the_live_view(demo_database, open_window, qtbot):
    """Ctrl+Shift+A opens the dialog on the previous minutes' item; Ctrl+Enter in the
    amendments approves, with the amendments typed over two lines."""
    window = open_window(meeting_with(demo_database, THE_2019_MEETING))
    row, minutes_item = live_builders.item_row(demo_database, window.meeting_id, "3")
    window.go_to(row)
    assert window.approval_bar.isVisible(), "October 2016's minutes await approval"
    typed: list[str] = []

    def amend() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ApprovalDialog)
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            qtbot.keyClicks(dialog.amendments, "First line")
            qtbot.keyClick(dialog.amendments, Qt.Key.Key_Return)
            qtbot.keyClicks(dialog.amendments, "Second line")
            typed.append(dialog.amendments.toPlainText())
            qtbot.keyClick(dialog.amendments, Qt.Key.Key_Return, CTRL)
        finally:
            if dialog.isVisible():  # Ctrl+Enter did not approve: the test fails, not hangs
                dialog.reject()

    QTimer.singleShot(0, amend)
    qtbot.keyClick(window.editor.notes, Qt.Key.Key_A, live_builders.CTRL_SHIFT)
    assert typed == ["First line\nSecond line"]
    assert not window.approval_bar.isVisible()
    with demo_database.sessions() as session:
        minuted = session.scalars(
            select(Resolution.text).where(Resolution.agenda_item_id == minutes_item)
        ).all()
    assert any("First line" in text and "Second line" in text for text in minuted)
