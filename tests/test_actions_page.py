"""The Actions page driven as the chair does: filter by owner and overdue, change a status
in place, add a progress note, review at a meeting, group and export."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QFileDialog
from sqlalchemy import select

from boardroom.dates import format_date
from boardroom.minutes_docx import export_minutes
from boardroom.services.action_rows import ActionFilter
from boardroom.services.actions import create_action
from boardroom.storage.models import ActionPoint, ActionStatus, ActionUpdate, Board, Meeting, Person
from boardroom.ui.action_edit_dialog import ActionEditDialog
from boardroom.ui.action_log_export import EXPORT_FORMATS
from boardroom.ui.action_update_dialog import ActionUpdateDialog
from boardroom.ui.actions_model import ROW_ROLE, ActionsTableModel
from boardroom.ui.context import AppContext
from boardroom.ui.pages.actions import ActionsPage


@pytest.fixture
def page(qtbot, demo_database) -> ActionsPage:
    with demo_database.transaction() as session:
        board_id = session.scalar(select(Board.id))
        eifion = session.scalar(select(Person.id).where(Person.name == "Eifion Burke"))
        create_action(
            session,
            board_id,
            "Present the transitions audit",
            owner_id=eifion,
            due_date=date.today() + timedelta(days=400),
        )
    context = AppContext(demo_database)
    actions_page = ActionsPage(context)
    qtbot.addWidget(actions_page)
    actions_page.show()
    context.set_board(board_id)
    return actions_page


def _references(page: ActionsPage) -> list[str]:
    return sorted(page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount()))


def test_filter_by_owner_and_overdue(page, qtbot, qtmodeltester):
    assert page.stack.currentWidget() is page.body
    assert len(_references(page)) == 5  # outstanding by default: 4 from the demo and 1 new
    owner = page.filters.owner_box
    owner.setFocus()
    qtbot.keyClicks(owner, "Eif")  # typing picks the owner, as in any drop-down
    assert owner.currentText() == "Eifion Burke"
    assert _references(page) == ["IB-2019-02", f"IB-{date.today().year}-01"]
    qtbot.mouseClick(page.filters.overdue_box, Qt.MouseButton.LeftButton)
    assert page.filters.overdue_box.isChecked()
    assert _references(page) == ["IB-2019-02"]
    assert page.counts.text().startswith("Open 1 · Overdue 1")
    assert "Showing 1 of 7" in page.counts.text()
    page.filters.status_box.setCurrentIndex(page.filters.status_box.findText("All statuses"))
    page.filters.overdue_box.setChecked(False)
    page.filters.owner_box.setCurrentIndex(0)
    assert len(_references(page)) == 7
    page.apply_search("life story")
    assert _references(page) == ["IB-2019-05"]
    page.apply_search("")
    qtmodeltester.check(page.model)


def test_change_a_status_inline_and_see_it_stored(page, qtbot, demo_database):
    page.filters.status_box.setCurrentIndex(page.filters.status_box.findText("All statuses"))
    page.apply_search("IB-2019-04")
    index = page.proxy.index(0, ActionsTableModel.COL_STATUS)
    assert index.data() == "Open"
    rect = page.view.visualRect(index)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = page.view.viewport().findChild(QComboBox)
    assert editor is not None
    # The list opens at once: the arrow keys move through it without storing anything.
    qtbot.waitUntil(lambda: editor.view().isVisible())
    popup = editor.view()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with demo_database.sessions() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-04"))
        assert action.status == ActionStatus.OPEN
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.proxy.index(0, ActionsTableModel.COL_STATUS).data() == "Done")
    with demo_database.sessions() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-04"))
        assert action.status == ActionStatus.DONE
        assert action.closed_at is not None
        last = action.updates[-1]
        assert (last.status_from, last.status_to) == (ActionStatus.OPEN, ActionStatus.DONE)
    qtbot.waitUntil(lambda: "Closed this quarter 1" in page.counts.text())


def _answer_dialog(qtbot, answer) -> list[str]:
    """Run ``answer(dialog)`` on the modal dialog a button is about to open."""
    seen: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionUpdateDialog)
        seen.append(dialog.windowTitle())
        answer(dialog)

    QTimer.singleShot(0, act)
    return seen


def test_review_at_the_meeting_from_the_actions_page(page, qtbot, demo_database, tmp_path):
    page.apply_search("IB-2019-05")
    qtbot.mouseClick(
        page.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.view.visualRect(page.proxy.index(0, 1)).center(),
    )
    assert page.review_button.isEnabled()
    with demo_database.sessions() as session:
        meeting_id = session.scalar(select(Meeting.id).order_by(Meeting.starts_at.desc()))

    def review(dialog: ActionUpdateDialog) -> None:
        assert dialog.meeting.currentData() == meeting_id  # the latest meeting held
        assert "Supplier demonstration booked" in dialog.history.toPlainText()
        qtbot.keyClicks(dialog.note, "Demonstrated to the Board; close.")
        dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.DONE.value))
        qtbot.keyClick(dialog.status, Qt.Key.Key_Return)

    seen = _answer_dialog(qtbot, review)
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    assert seen == ["Review IB-2019-05 at the meeting"]
    with demo_database.sessions() as session:
        update = session.scalar(select(ActionUpdate).order_by(ActionUpdate.id.desc()))
        assert update.text == "Demonstrated to the Board; close."
        assert update.meeting_id == meeting_id
        assert update.on_date == date(2019, 11, 19), "dated as the meeting that reviewed it"
        assert update.status_to == ActionStatus.DONE
        # The minutes of that meeting record the review in their action table.
        minutes = export_minutes(session, meeting_id, tmp_path / "minutes.docx")
    reviewed = [
        [cell.text for cell in row.cells]
        for table in docx.Document(str(minutes)).tables
        for row in table.rows
        if row.cells[0].text == "IB-2019-05"
    ]
    assert any("Demonstrated to the Board; close." in cells for cells in reviewed)
    page.filters.status_box.setCurrentIndex(page.filters.status_box.findText("All statuses"))
    index = page.proxy.index(0, ActionsTableModel.COL_REVIEWED)
    assert index.data() == "Tue 19 Nov 2019"


def test_a_progress_note_from_the_update_button(page, qtbot, demo_database):
    page.apply_search("IB-2019-04")
    page.view.selectRow(0)

    def note(dialog: ActionUpdateDialog) -> None:
        assert dialog.meeting.currentData() is None, "an update between meetings"
        qtbot.keyClicks(dialog.note, "PEP data by school phase now with the virtual school.")
        dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.IN_PROGRESS.value))
        dialog.accept()

    seen = _answer_dialog(qtbot, note)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == ["Update IB-2019-04"]
    with demo_database.sessions() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-04"))
        assert action.status == ActionStatus.IN_PROGRESS
        last = action.updates[-1]
        assert (last.text, last.meeting_id, last.on_date) == (
            "PEP data by school phase now with the virtual school.",
            None,
            date.today(),
        )
    assert page.proxy.index(0, ActionsTableModel.COL_STATUS).data() == "In progress"
    font = page.proxy.index(0, ActionsTableModel.COL_LAST_UPDATE).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold(), "moved since the last meeting"


def test_a_progress_note_typed_under_the_list(page, qtbot, demo_database):
    assert not page.note_edit.isEnabled(), "nothing selected yet"
    page.apply_search("IB-2019-01")
    page.view.selectRow(0)
    assert page.note_edit.isEnabled() and "IB-2019-01" in page.note_edit.placeholderText()
    qtbot.keyClicks(page.note_edit, "Report circulated with the January papers.")
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)
    assert page.note_edit.text() == ""
    with demo_database.sessions() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-01"))
        last = action.updates[-1]
        assert (last.text, last.on_date, last.status_to) == (
            "Report circulated with the January papers.",
            date.today(),
            None,
        )
    assert page.proxy.index(0, ActionsTableModel.COL_LAST_UPDATE).data() == format_date(
        date.today()
    )
    assert page.selected_row().reference == "IB-2019-01", "the selection stays"


def test_the_widths_given_to_the_columns_survive_a_reload_and_another_scope(page):
    header = page.view.horizontalHeader()
    header.resizeSection(ActionsTableModel.COL_OWNER, 310)
    page.context.data_changed.emit()  # as after any dialog that stored something
    assert header.sectionSize(ActionsTableModel.COL_OWNER) == 310
    assert page.view.isColumnHidden(ActionsTableModel.COL_AGREED)
    header.resizeSection(ActionsTableModel.COL_REFERENCE, 30)  # too narrow for a reference
    page.filters.all_boards.setChecked(True)  # another list, the clerk's columns still
    assert header.sectionSize(ActionsTableModel.COL_OWNER) == 310
    assert page.view.isColumnHidden(ActionsTableModel.COL_AGREED)
    references = (page.model.index(r, 0).data() for r in range(page.model.rowCount()))
    widest = max(references, key=len)
    assert header.sectionSize(ActionsTableModel.COL_REFERENCE) >= (
        page.view.fontMetrics().horizontalAdvance(widest)
    ), "but no reference of the new list is cut short"


def test_group_by_owner_and_plan_section(page):
    page.filters.group_box.setCurrentIndex(page.filters.group_box.findData("owner"))
    assert page.group_view.isVisible()
    labels = [page.groups.index(r, 0).data() for r in range(page.groups.rowCount())]
    assert labels[0] == "Eifion Burke"
    assert page.groups.index(0, 1).data() == "2"  # both of Eifion's outstanding actions
    page.group_view.clicked.emit(page.groups.index(0, 0))
    assert page.current_filter().owner_id is not None
    assert page.proxy.rowCount() == 2
    page.filters.owner_box.setCurrentIndex(0)
    page.filters.group_box.setCurrentIndex(page.filters.group_box.findData("section"))
    sections = [page.groups.index(r, 0).data() for r in range(page.groups.rowCount())]
    assert sections[-1] == "Not linked to the plan"
    assert sections[0].startswith("1. ")
    page.group_view.clicked.emit(page.groups.index(1, 0))
    assert isinstance(page.current_filter(), ActionFilter)
    assert _references(page) == ["IB-2019-02"]


def test_export_buttons_write_the_rows_shown(page, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "log.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    task = page.export(EXPORT_FORMATS[2])
    assert task is not None and not page.export_buttons[".xlsx"].isEnabled()
    with qtbot.waitSignal(task.finished, timeout=20000) as finished:
        pass
    assert finished.args == [True]
    assert page.export_buttons[".xlsx"].isEnabled()
    sheet = openpyxl.load_workbook(target)["Actions"]
    assert sheet.max_row == 1 + page.proxy.rowCount()


def _csv_references(path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return sorted(line["Reference"] for line in csv.DictReader(stream))


def test_each_format_offers_the_members_or_the_public_version(
    page, qtbot, tmp_path, monkeypatch, demo_database
):
    """The public version leaves out what was agreed under an exempt item, as --public does."""
    with demo_database.transaction() as session:
        secret = session.scalar(select(ActionPoint).where(ActionPoint.sequence == 2))
        secret.origin_item.confidential = True  # agreed in Part 2
        reference = secret.reference
    page.refresh()
    shown = sorted(page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount()))
    assert reference in shown, "the members see every action on the page"
    saved: list[tuple[str, str]] = []
    messages: list[str] = []
    page.context.status_message.connect(messages.append)

    def save_as(_parent, caption, proposed, _pattern):
        saved.append((caption, proposed))
        return str(tmp_path / Path(proposed).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    menu = page.export_buttons[".csv"].menu()
    versions = {action.objectName(): action for action in menu.actions()}
    assert [action.text() for action in menu.actions()] == [
        "Members' version (with Part 2)…",
        "Public version (Part 2 actions left out)…",
    ]
    for version in ("members", "public"):
        versions[version].trigger()
        qtbot.waitUntil(lambda: page.export_buttons[".csv"].isEnabled(), timeout=20000)
    (_caption, members), (public_caption, public) = saved
    assert Path(public).name.endswith("(public).csv") and "public" in public_caption
    assert _csv_references(tmp_path / Path(members).name) == shown
    assert _csv_references(tmp_path / Path(public).name) == [r for r in shown if r != reference]
    assert messages[-1].startswith("Exported the public version, ")
    assert messages[-1].endswith("1 agreed under exempt items left out.")


def test_new_action_linked_to_two_plan_items_and_edited(page, qtbot, demo_database):
    dialog = ActionEditDialog(page.context, page.context.board_id, parent=page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.description, "Report on the 16-18 Panel review")
    dialog.owner.setCurrentIndex(dialog.owner.findText("Eifion Burke"))
    qtbot.keyClicks(dialog.due, "30/09/2030")
    assert dialog.due_hint.text() == "Mon 30 Sep 2030"
    for row in range(dialog.plan_model.rowCount()):
        item = dialog.plan_model.item(row)
        if item.text().startswith(("2.4 ", "3.1 ")):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with demo_database.sessions() as session:
        action = session.scalar(select(ActionPoint).order_by(ActionPoint.id.desc()))
        assert action.description == "Report on the 16-18 Panel review"
        assert sorted(item.number for item in action.plan_items) == ["2.4", "3.1"]
        assert action.due_date == date(2030, 9, 30)
    page.apply_search(action.reference)
    row = page.proxy.index(0, 0).data(ROW_ROLE)
    assert row.plan_numbers == "2.4, 3.1"
    edit = ActionEditDialog(page.context, row.board_id, row, parent=page)
    qtbot.addWidget(edit)
    edit.due.setText("banana")
    assert "not a date" in edit.due_hint.text()
    edit.due.setText("")
    edit.accept()
    with demo_database.sessions() as session:
        assert session.get(ActionPoint, row.id).due_date is None
