"""The Plan page: the tree with RAG roll-ups, editing in place, recording a rating, the
actions serving an item, search, and the import wizard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select
from tests.plan_builders import build_seed_like_plan

from boardroom.services.boards import create_board
from boardroom.services.plans import load_plan_tree, plans_of_board
from boardroom.storage.models import Board, Plan, PlanItem, PlanItemUpdate, Rag
from boardroom.ui.context import AppContext
from boardroom.ui.pages.plan import PlanPage
from boardroom.ui.plan_import_wizard import MAPPING_PAGE, PREVIEW_PAGE, PlanImportWizard
from boardroom.ui.plan_model import NODE_ROLE, PlanTreeModel, rollup_text


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
    assert first.data().startswith("1.  [7 not rated")
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
    with page.context.database.sessions() as session:
        item_id = session.scalar(select(PlanItem.id).where(PlanItem.number == "2.2"))
    page.select_item(item_id)
    assert "2.2" in page.detail_title.text()
    assert page.actions_proxy.rowCount() == 1
    assert page.actions_proxy.index(0, 0).data() == "IB-2019-02"
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
        update = session.scalar(select(PlanItemUpdate))
        assert update.note == "Funding panel agreed terms"
    assert "Funding panel agreed terms" in page.history.toPlainText()
    index = page.proxy.mapFromSource(page.model.index_of_item(item_id))
    assert index.siblingAtColumn(PlanTreeModel.COL_RAG).data() == "Amber"
    section = page.proxy.index(1, 0).data(NODE_ROLE)
    assert "1 amber" in rollup_text(section.rollup)


def test_search_keeps_the_recommendation_of_a_matching_activity(page):
    page.apply_search("16-18 Panel")
    assert page.proxy.rowCount() == 1
    section = page.proxy.index(0, 0)
    assert page.proxy.rowCount(section) == 1
    assert page.proxy.index(0, 0, section).data() == "2.4"


def test_the_wizard_imports_a_new_version_of_the_plan(qtbot, database, tmp_path):
    with database.transaction() as session:
        board_id = create_board(session, "Improvement Board").id
    context = AppContext(database)
    context.set_board(board_id)
    path = build_seed_like_plan(tmp_path / "plan.docx")
    wizard = PlanImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE, "a Word plan needs no column mapping"
    assert "2 recommendations, 7 activities" in wizard.preview_page.report.toPlainText()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    with database.sessions() as session:
        assert session.scalar(select(func.count(PlanItem.id))) == 7
        assert session.scalar(select(Plan.title)) == "Ofsted Improvement Plan"


def test_the_wizard_maps_spreadsheet_columns(qtbot, database, tmp_path):
    with database.transaction() as session:
        board_id = create_board(session, "Improvement Board").id
    context = AppContext(database)
    context.set_board(board_id)
    path = tmp_path / "plan.csv"
    path.write_text("Ref,Task,Due\n1.1,Review,March 2020\n1.2,Train,Ongoing\n", encoding="utf-8")
    wizard = PlanImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    boxes = wizard.mapping_page.boxes
    assert boxes["number"].currentText() == "Ref"
    assert boxes["activity"].currentData() is None
    wizard.next()
    assert "cannot be imported" in wizard.preview_page.report.toPlainText()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.back()
    boxes["activity"].setCurrentIndex(boxes["activity"].findText("Task"))
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    with database.sessions() as session:
        targets = dict(session.execute(select(PlanItem.number, PlanItem.target_text)).all())
    assert targets == {"1.1": "March 2020", "1.2": "Ongoing"}
