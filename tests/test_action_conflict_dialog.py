"""The action dialogs when another desk saved the same action first: they ask "changed by
someone else — reload or overwrite?", and every answer keeps everyone's work."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import select

from boardroom.services.action_rows import load_action_rows
from boardroom.services.actions import action_history, add_update, edit_action
from boardroom.storage.models import ActionPoint
from boardroom.ui.action_edit_dialog import ActionEditDialog
from boardroom.ui.action_update_dialog import ActionUpdateDialog
from boardroom.ui.context import AppContext


@pytest.fixture
def dialog(qtbot, demo_database) -> ActionEditDialog:
    """Desk A opens the demo's first action; desk B then saves a change to it."""
    with demo_database.sessions() as session:
        action_id = session.scalars(select(ActionPoint.id).order_by(ActionPoint.id)).first()
        row = load_action_rows(session, as_of=date.today(), where=[ActionPoint.id == action_id])[0]
    opened = ActionEditDialog(AppContext(demo_database), row.board_id, row)
    qtbot.addWidget(opened)
    with demo_database.transaction() as session:  # desk B, meanwhile
        edit_action(
            session,
            action_id,
            "Desk B's wording",
            owner_id=None,
            due_date=date(2031, 1, 31),
            plan_item_ids=[],
            expected_version=row.version,
        )
    return opened


def _answer(button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the question box once it is up, noting what it says."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(f"{box.text()} {box.informativeText()}")
        buttons = {button.text(): button for button in box.buttons()}
        if button_text in buttons:
            buttons[button_text].click()
        else:  # not the question expected: close it so the test fails instead of hanging
            box.reject()

    QTimer.singleShot(0, click)


def _stored(database, action_id: int) -> ActionPoint:
    with database.sessions() as session:
        return session.get(ActionPoint, action_id)


def test_reload_shows_the_other_desks_version_and_keeps_the_dialog_open(
    dialog, demo_database, qtbot
):
    dialog.description.setPlainText("Desk A's wording")
    seen: list[str] = []
    _answer("Reload theirs", seen)
    dialog.accept()
    assert seen and "Changed by someone else — reload or overwrite?" in seen[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.description.toPlainText() == "Desk B's wording"
    assert dialog.due.text() == "Fri 31 Jan 2031"
    assert dialog.owner.currentData() is None
    assert _stored(demo_database, dialog.row.id).description == "Desk B's wording"

    dialog.description.setPlainText("Desk B's wording, with desk A's correction")
    dialog.accept()  # saved now: it was based on their version
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = _stored(demo_database, dialog.row.id)
    assert stored.description == "Desk B's wording, with desk A's correction"
    assert stored.due_date == date(2031, 1, 31)


def test_overwrite_saves_this_desks_version_over_theirs(dialog, demo_database):
    dialog.description.setPlainText("Desk A's wording")
    seen: list[str] = []
    _answer("Overwrite with mine", seen)
    dialog.accept()
    assert seen and "changed at another desk" in seen[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _stored(demo_database, dialog.row.id).description == "Desk A's wording"


def test_cancel_changes_nothing_and_keeps_what_was_typed(dialog, demo_database):
    dialog.description.setPlainText("Desk A's wording")
    _answer("Cancel", [])
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.description.toPlainText() == "Desk A's wording"
    assert _stored(demo_database, dialog.row.id).description == "Desk B's wording"


@pytest.fixture
def update_dialog(qtbot, demo_database) -> ActionUpdateDialog:
    """Desk A opens the progress dialog of the demo's first action; desk B then records an
    update to it."""
    with demo_database.sessions() as session:
        action_id = session.scalars(select(ActionPoint.id).order_by(ActionPoint.id)).first()
        row = load_action_rows(session, as_of=date.today(), where=[ActionPoint.id == action_id])[0]
    opened = ActionUpdateDialog(AppContext(demo_database), row)
    qtbot.addWidget(opened)
    with demo_database.transaction() as session:  # desk B, meanwhile
        add_update(session, action_id, "Desk B's progress", expected_version=row.version)
    return opened


def _notes(database, action_id: int) -> list[str]:
    with database.sessions() as session:
        return sorted(update.text for update in action_history(session, action_id))


def test_reload_shows_the_other_desks_update_and_keeps_the_note_typed(update_dialog, demo_database):
    update_dialog.note.setPlainText("Desk A's note")
    seen: list[str] = []
    _answer("Reload theirs", seen)
    update_dialog.accept()
    assert seen and "Changed by someone else — reload or overwrite?" in seen[0]
    assert update_dialog.result() != QDialog.DialogCode.Accepted
    assert "Desk B's progress" in update_dialog.history.toPlainText()
    assert update_dialog.note.toPlainText() == "Desk A's note"
    assert "Desk A's note" not in _notes(demo_database, update_dialog.row.id)

    update_dialog.accept()  # now based on what the other desk recorded
    assert update_dialog.result() == QDialog.DialogCode.Accepted
    assert {"Desk A's note", "Desk B's progress"} <= set(
        _notes(demo_database, update_dialog.row.id)
    )


def test_overwrite_records_this_desks_update_as_well(update_dialog, demo_database):
    update_dialog.note.setPlainText("Desk A's note")
    _answer("Overwrite with mine", [])
    update_dialog.accept()
    assert update_dialog.result() == QDialog.DialogCode.Accepted
    assert {"Desk A's note", "Desk B's progress"} <= set(
        _notes(demo_database, update_dialog.row.id)
    )
