"""Importing an improvement plan from Word, CSV and Excel the way councils actually write it."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy import func, select
from tests.plan_builders import HEADERS, build_seed_like_plan, plan_table

from boardroom.cli import main
from boardroom.errors import BoardroomError
from boardroom.services.actions import create_action
from boardroom.services.boards import create_board
from boardroom.services.plan_import import clean_number, read_plan_file
from boardroom.services.plan_sheet import guess_mapping, read_sheet
from boardroom.services.plan_store import preview_plan, store_plan
from boardroom.services.plan_word import parse_heading
from boardroom.services.plans import record_progress
from boardroom.storage.models import ActionPoint, Plan, PlanItem, PlanItemUpdate, PlanSection, Rag


@pytest.fixture
def seed_plan(tmp_path: Path) -> Path:
    return build_seed_like_plan(tmp_path / "Ofsted Improvement Plan.docx")


def _board(database) -> int:
    with database.transaction() as session:
        return create_board(session, "Improvement Board", code="IB").id


def test_reads_a_word_plan_built_like_the_seed(seed_plan):
    plan = read_plan_file(seed_plan)
    assert plan.title == "Ofsted Improvement Plan"
    assert sorted(plan.sections) == [1, 2]
    one, two = plan.sections[1], plan.sections[2]
    assert one.outcome.startswith("Children's daily lived experience")
    assert one.recommendation == "Improve quality of analysis within social work assessments"
    assert two.outcome.startswith("Early and effective planning")
    assert two.recommendation.startswith("Improve the timeliness and quality of transition")
    assert [item.number for item in one.items] == ["1.1", "1.2", "1.3"]
    assert [item.number for item in two.items] == ["2.1", "2.4", "2.5", "2.6"]
    # the row split by the page break is joined to the item above it
    assert one.items[1].activity == (
        "Roll-out of full second wave training of SFEF practice model for Team "
        "Managers, Heads of Services and practitioners."
    )
    # a cell merged across Lead and Measure counts once, as the lead
    assert one.items[0].lead == "Simone White, Deputy Director"
    assert one.items[0].measure == ""
    targets = {item.number: item.target for item in two.items}
    assert targets == {
        "2.1": "December 2019",
        "2.4": "January 2020",
        "2.5": "Ongoing",
        "2.6": "2020/21",
    }


def test_imports_the_word_plan_in_one_go_and_keeps_target_text(database, seed_plan):
    board_id = _board(database)
    with database.transaction() as session:
        outcome = store_plan(session, board_id, read_plan_file(seed_plan))
    assert outcome.created and outcome.added == 7
    with database.sessions() as session:
        items = {item.number: item for item in session.scalars(select(PlanItem))}
        assert items["2.5"].target_text == "Ongoing"
        assert items["2.5"].target_date is None
        assert items["2.4"].target_date == date(2020, 1, 31)
        assert items["1.2"].section.number == 1
        assert items["2.6"].section.recommendation.startswith("Improve the timeliness")


def test_reimporting_a_newer_version_updates_items_by_number(database, tmp_path, seed_plan):
    board_id = _board(database)
    with database.transaction() as session:
        store_plan(session, board_id, read_plan_file(seed_plan))
    with database.transaction() as session:
        item_13 = session.scalar(select(PlanItem).where(PlanItem.number == "1.3"))
        record_progress(session, item_13.id, Rag.AMBER, "Audit under way", on_date=date(2020, 1, 5))
        item_id = item_13.id
        action_id = create_action(
            session, board_id, "Audit report", owner_id=None, due_date=None, plan_item_ids=[item_id]
        ).id
    newer = build_seed_like_plan(tmp_path / "Ofsted Improvement Plan v2.docx", version=2)
    parsed = read_plan_file(newer)
    with database.sessions() as session:
        preview = preview_plan(session, board_id, parsed)
    assert (preview.added, preview.updated, preview.unchanged) == (1, 1, 6)
    assert preview.summary(done=False).startswith("This updates the plan “Ofsted Improvement")
    with database.sessions() as session:
        assert session.scalar(select(func.count(PlanItem.id))) == 7, "a preview stores nothing"
    with database.transaction() as session:
        outcome = store_plan(session, board_id, parsed)
    assert not outcome.created
    assert (outcome.added, outcome.updated, outcome.unchanged) == (1, 1, 6)
    with database.sessions() as session:
        assert session.scalar(select(func.count(Plan.id))) == 1
        assert session.scalar(select(func.count(PlanItem.id))) == 8
        item = session.get(PlanItem, item_id)
        assert item.activity == "Quality assurance review of assessments, plans and reviews"
        assert item.rag == Rag.AMBER, "the rating and its history survive a re-import"
        assert session.scalar(select(func.count(PlanItemUpdate.id))) == 1
        linked = session.get(ActionPoint, action_id).plan_items
        assert [i.id for i in linked] == [item_id], "the actions serving it stay linked"


def test_a_corrupt_file_is_refused_and_nothing_is_imported(database, tmp_path):
    board_id = _board(database)
    broken = tmp_path / "plan.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(BoardroomError, match="cannot be read as a Word document"):
        read_plan_file(broken)
    with database.sessions() as session:
        assert session.scalar(select(func.count(Plan.id))) == 0
    assert (
        main(
            [
                "--database",
                database.url.render_as_string(False),
                "import",
                "plan",
                str(broken),
                "--board",
                "Improvement Board",
            ]
        )
        == 1
    )
    with database.sessions() as session:
        assert session.scalar(select(func.count(PlanSection.id))) == 0
    assert board_id


def test_a_table_missing_a_column_names_the_table_and_imports_nothing(database, tmp_path, capsys):
    _board(database)
    document = docx.Document()
    document.add_paragraph("Outcome one")
    plan_table(document, [("1.1", "Activity", "Outcome", "March 2020", "Lead", "Measure")])
    document.add_paragraph("Outcome two")
    table = document.add_table(rows=2, cols=5)
    for cell, text in zip(table.rows[0].cells, (*HEADERS[:4], "Measure"), strict=True):
        cell.text = text  # no Lead column
    for cell, text in zip(table.rows[1].cells, ("2.1", "A", "B", "C", "D"), strict=True):
        cell.text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    code = main(
        [
            "--database",
            database.url.render_as_string(False),
            "import",
            "plan",
            str(path),
            "--board",
            "Improvement Board",
        ]
    )
    assert code == 1
    error = capsys.readouterr().err
    assert "Table 2 has no “Lead” column" in error
    with database.sessions() as session:
        assert session.scalar(select(func.count(Plan.id))) == 0
        assert session.scalar(select(func.count(PlanItem.id))) == 0


def test_bad_rows_name_their_table_and_row(tmp_path):
    document = docx.Document()
    plan_table(document, [("1.1", "Activity", "", "", "", ""), ("one", "Text", "", "", "", "")])
    path = tmp_path / "plan.docx"
    document.save(path)
    with pytest.raises(BoardroomError, match=r"Table 1, row 3: “one” .* not an item number"):
        read_plan_file(path)


def test_cli_imports_then_updates_in_place(database, seed_plan, capsys):
    _board(database)
    url = database.url.render_as_string(False)
    args = ["--database", url, "import", "plan", str(seed_plan), "--board", "Improvement Board"]
    assert main(args) == 0
    assert "Created the plan “Ofsted Improvement Plan”: 7 items added" in capsys.readouterr().out
    assert main(args) == 0
    assert "0 updated, 7 unchanged" in capsys.readouterr().out
    with database.sessions() as session:
        assert session.scalar(select(func.count(PlanItem.id))) == 7


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2.4-", "2.4"), ("- 2.5", "2.5"), ("1.1.", "1.1"), (" 3 ", "3"), ("•", None)],
)
def test_stray_characters_in_the_number_column(raw, expected):
    assert clean_number(raw) == expected


def test_heading_forms():
    marked = parse_heading(["Outcome text", "Ofsted improvement action 3", "Ensure services"])
    assert (marked.outcome, marked.recommendation) == ("Outcome text", "Ensure services")
    plain = parse_heading(["", "An outcome", "A recommendation"])
    assert (plain.outcome, plain.recommendation) == ("An outcome", "A recommendation")


def _sheet_rows() -> list[list[str]]:
    return [
        ["Ref", "What we will do", "Outcome wanted", "Due", "Lead", "Measure", "Recommendation"],
        ["1.1", "Review SFEF", "Evidence of impact", "March 2020", "S White", "Reports", "Rec 1"],
        ["", "and report to the Board", "", "", "", "", ""],
        ["2.1", "Tracking system", "Robust transitions", "Ongoing", "E Burke", "Numbers", "Rec 2"],
    ]


def test_csv_plan_with_a_column_mapping(database, tmp_path):
    path = tmp_path / "plan.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(_sheet_rows())
    sheet = read_sheet(path)
    guessed = guess_mapping(sheet.headers)
    assert guessed == {"number": 0, "target": 3, "lead": 4, "measure": 5, "recommendation": 6}
    with pytest.raises(BoardroomError, match="Choose the column that holds the Planned activity"):
        read_plan_file(path)
    mapping = {**guessed, "activity": 1, "desired_outcome": 2}
    plan = read_plan_file(path, mapping)
    assert plan.sections[1].items[0].activity == "Review SFEF and report to the Board"
    assert plan.sections[2].recommendation == "Rec 2"
    board_id = _board(database)
    with database.transaction() as session:
        assert store_plan(session, board_id, plan).added == 2


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Task", "activity"),
        ("Responsible officer", "lead"),
        ("Priority", "section"),
        ("Expected outcome", "desired_outcome"),
        ("Deadline", "target"),
        ("KPI", "measure"),
        ("Comments", None),
    ],
)
def test_headings_a_performance_team_writes(heading, field):
    assert guess_mapping(["Ref", heading]) == ({"number": 0, field: 1} if field else {"number": 0})


def test_excel_plan_guessing_the_columns(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(HEADERS))
    sheet.append([1.1, "Activity one", "Outcome", date(2020, 3, 31), "Lead", "Measure"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["1.2", "Activity two", "", "Ongoing", "", ""])
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    plan = read_plan_file(path)
    items = plan.sections[1].items
    assert [item.number for item in items] == ["1.1", "1.2"]
    assert items[0].target == "31 March 2020"


def test_a_damaged_workbook_is_refused(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(BoardroomError, match="cannot be read as an Excel workbook"):
        read_plan_file(path)
