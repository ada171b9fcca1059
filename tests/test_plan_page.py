"""The Plan page: the tree with RAG roll-ups, editing in place, recording a rating, the
actions serving an item, search, and the import wizard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import func, select
from tests.plan_builders import build_seed_like_plan

from boardroom.services.boards import create_board
from boardroom.services.plans import load_plan_tree, plans_of_board, record_progress
from boardroom.storage.models import ActionPoint, Board, Plan, PlanItem, PlanItemUpdate, Rag
from boardroom.ui.action_update_dialog import ActionUpdateDialog
from boardroom.ui.colours import rag_fill
from boardroom.ui.context import AppContext
from boardroom.ui.pages.plan import PlanPage
from boardroom.ui.plan_import_wizard import MAPPING_PAGE, PREVIEW_PAGE, PlanImportWizard
from boardroom.ui.plan_model import NODE_ROLE, PlanTreeModel, rollup_text
from boardroom.ui.rag_rollup import rollup_chips


@pytest.fixture
def page(qtbot, demo_database) -> PlanPage:
    context = AppContext(demo_database)
    plan_page = PlanPage(context)
    qtbot.addWidget(plan_page)
    plan_page.show()
    with demo_database.sessions() as session:
        context.set_board(session.scalar(select(Board.id)))
    return plan_page


def test_tree_of_recommendations_and_activities(page, qtmodeltester, demo_database):
    assert page.stack.currentWidget() is page.body
    assert page.proxy.rowCount() == 5
    first = page.proxy.index(0, 0)
    assert page.proxy.rowCount(first) == 7
    assert first.data().startswith("1.  [3 amber · 3 green · 1 not rated")
    item = page.proxy.index(2, PlanTreeModel.COL_NUMBER, first)
    assert item.data() == "1.3"
    assert page.proxy.index(2, PlanTreeModel.COL_ACTIONS, first).data() == "1"
    qtmodeltester.check(page.model)
    with demo_database.sessions() as session:
        plan_id = plans_of_board(session, session.scalar(select(Board.id)))[0][0]
        tree = load_plan_tree(session, plan_id, date(2020, 1, 1))
    test_model = PlanTreeModel()
    test_model.set_tree(tree)
    qtmodeltester.check(test_model)


def test_selecting_an_item_lists_the_actions_serving_it(page):
    # IB-2019-02 serves 2.1 and 2.2: it is listed under both.
    for number in ("2.1", "2.2"):
        with page.context.database.sessions() as session:
            item_id = session.scalar(select(PlanItem.id).where(PlanItem.number == number))
        page.select_item(item_id)
        assert number in page.detail_title.text()
        assert "&#" not in page.detail_title.text(), "shown as the plan wrote it, not as HTML"
        assert page.actions_proxy.rowCount() == 1
        assert page.actions_proxy.index(0, 0).data() == "IB-2019-02"
        index = page.proxy.mapFromSource(page.model.index_of_item(item_id))
        assert index.siblingAtColumn(PlanTreeModel.COL_ACTIONS).data() == "1"
    page.view.setCurrentIndex(page.proxy.index(1, 0))  # recommendation 2
    assert page.actions_heading.text() == "Actions serving this recommendation"
    assert page.actions_proxy.rowCount() == 1


def test_edit_in_place_and_record_a_rating(page, qtbot, demo_database):
    with demo_database.sessions() as session:
        item_id = session.scalar(select(PlanItem.id).where(PlanItem.number == "2.5"))
    source = page.model.index_of_item(item_id)
    target = page.model.index(source.row(), PlanTreeModel.COL_TARGET, source.parent())
    assert page.model.setData(target, "March 2021")
    assert target.data() == "March 2021"
    page.select_item(item_id)
    page.rag_box.setCurrentIndex(page.rag_box.findData(Rag.AMBER.value))
    qtbot.keyClicks(page.rag_note, "Funding panel agreed terms")
    qtbot.keyClick(page.rag_note, Qt.Key.Key_Return)
    with demo_database.sessions() as session:
        item = session.get(PlanItem, item_id)
        assert (item.target_date, item.rag) == (date(2021, 3, 31), Rag.AMBER)
        update = session.scalar(
            select(PlanItemUpdate).where(PlanItemUpdate.plan_item_id == item_id)
        )
        assert update.note == "Funding panel agreed terms"
    assert "Funding panel agreed terms" in page.history.toPlainText()
    index = page.proxy.mapFromSource(page.model.index_of_item(item_id))
    assert index.siblingAtColumn(PlanTreeModel.COL_RAG).data() == "Amber"
    section = page.proxy.index(1, 0).data(NODE_ROLE)
    assert "3 amber" in rollup_text(section.rollup)  # 2.1 and 2.7 were amber already


def test_search_keeps_the_recommendation_of_a_matching_activity(page):
    page.apply_search("16-18 Panel")
    assert page.proxy.rowCount() == 1
    section = page.proxy.index(0, 0)
    assert page.proxy.rowCount(section) == 1
    assert page.proxy.index(0, 0, section).data() == "2.4"


def _new_board(database) -> AppContext:
    with database.transaction() as session:
        board_id = create_board(session, "Improvement Board").id
    context = AppContext(database)
    context.set_board(board_id)
    return context


def _open_wizard(qtbot, context: AppContext, path) -> PlanImportWizard:
    """The wizard with ``path`` chosen and Next pressed."""
    wizard = PlanImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    return wizard


def test_the_wizard_imports_a_new_version_of_the_plan(qtbot, database, tmp_path):
    context = _new_board(database)
    path = build_seed_like_plan(tmp_path / "plan.docx")
    wizard = _open_wizard(qtbot, context, path)
    assert wizard.currentId() == PREVIEW_PAGE, "a Word plan needs no column mapping"
    _wait_for_preview(qtbot, wizard)
    report = wizard.preview_page.report.toPlainText()
    assert "2 recommendations, 7 activities" in report
    assert "This creates the plan “Ofsted Improvement Plan”: 7 items to add" in report
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    with database.sessions() as session:
        assert session.scalar(select(func.count(PlanItem.id))) == 7
        assert session.scalar(select(Plan.title)) == "Ofsted Improvement Plan"

    # The newer version: the preview says what changes, and the import updates in place.
    newer = build_seed_like_plan(tmp_path / "plan v2.docx", version=2)
    again = _open_wizard(qtbot, context, newer)
    assert again.file_page.target.currentText() == "The plan “Ofsted Improvement Plan”"
    _wait_for_preview(qtbot, again)
    report = again.preview_page.report.toPlainText()
    assert "1 item to add, 1 to update, 6 unchanged" in report
    assert "2.7 Review the current assessment procedures and pathways (December 2019) new" in report
    assert "reviews (January 2020) changed" in report
    with database.sessions() as session:
        assert session.scalar(select(func.count(PlanItem.id))) == 7, "nothing stored yet"
    again.button(QWizard.WizardButton.FinishButton).click()
    with database.sessions() as session:
        assert session.scalar(select(func.count(PlanItem.id))) == 8
        assert session.scalar(select(func.count(Plan.id))) == 1


def test_a_file_that_cannot_be_read_is_reported_in_the_wizard(qtbot, database, tmp_path):
    context = _new_board(database)
    broken = tmp_path / "plan.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip archive")
    wizard = _open_wizard(qtbot, context, broken)
    _wait_for_preview(qtbot, wizard)
    report = wizard.preview_page.report.toPlainText()
    assert "cannot be read as a Word document" in report
    assert "Nothing has been imported." in report
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with database.sessions() as session:
        assert session.scalar(select(func.count(Plan.id))) == 0


def _wait_for_preview(qtbot, wizard: PlanImportWizard) -> None:
    """The file is read off the GUI thread; wait until the last page shows what was read."""
    assert wizard.preview_page.task is not None
    qtbot.waitUntil(lambda: not wizard.preview_page.report.toPlainText().startswith("Reading"))


def test_the_wizard_maps_spreadsheet_columns(qtbot, database, tmp_path):
    context = _new_board(database)
    path = tmp_path / "plan.csv"
    path.write_text(
        "Ref,What we will do,Due\n1.1,Review,March 2020\n1.2,Train,Ongoing\n", encoding="utf-8"
    )
    wizard = _open_wizard(qtbot, context, path)
    assert wizard.currentId() == MAPPING_PAGE
    boxes = wizard.mapping_page.boxes
    assert boxes["number"].currentText() == "Ref"
    assert boxes["activity"].currentData() is None
    wizard.next()
    _wait_for_preview(qtbot, wizard)
    assert "cannot be imported" in wizard.preview_page.report.toPlainText()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.back()
    boxes["activity"].setCurrentIndex(boxes["activity"].findText("What we will do"))
    wizard.next()
    _wait_for_preview(qtbot, wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    with database.sessions() as session:
        targets = dict(session.execute(select(PlanItem.number, PlanItem.target_text)).all())
    assert targets == {"1.1": "March 2020", "1.2": "Ongoing"}


def test_the_roll_up_is_drawn_as_coloured_chips(page, demo_database):
    with demo_database.transaction() as session:
        item_id = session.scalar(select(PlanItem.id).where(PlanItem.number == "5.2"))
        record_progress(session, item_id, Rag.RED, "Quality assurance process not started")
    page.refresh()
    section = page.proxy.index(4, 0)  # life story work: nothing green yet
    rollup = section.data(NODE_ROLE).rollup
    assert rollup_chips(rollup) == [(2, Rag.RED), (2, Rag.AMBER), (2, Rag.NOT_RATED)]
    assert "17&nbsp;not rated" in page.summary.text() and "#c62828" in page.summary.text()
    page.view.clearSelection()
    page.resize(1200, 800)
    page.view.scrollTo(section)
    image = page.view.viewport().grab(page.view.visualRect(section)).toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert rag_fill("red").name() in colours, "a red chip on the recommendation's line"
    assert rag_fill("not_rated").name() in colours
    assert rag_fill("green").name() not in colours, "no chip for a count of nought"


def test_a_progress_note_for_an_action_from_the_activity_it_serves(page, qtbot, demo_database):
    with demo_database.sessions() as session:
        item_id = session.scalar(select(PlanItem.id).where(PlanItem.number == "5.3"))
    page.select_item(item_id)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionUpdateDialog)
        seen.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.note, "Portal demonstrated to the Children in Care Council.")
        dialog.accept()

    QTimer.singleShot(0, answer)
    cell = page.actions_view.visualRect(page.actions_proxy.index(0, 1)).center()
    assert page.actions_proxy.index(0, 0).data() == "IB-2019-05"
    qtbot.mouseClick(page.actions_view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(page.actions_view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert seen == ["Update IB-2019-05"]
    with demo_database.sessions() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-05"))
        assert action.updates[-1].text == "Portal demonstrated to the Children in Care Council."
