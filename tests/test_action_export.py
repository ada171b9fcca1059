"""The action log exported as Word (grouped by plan section), CSV and Excel, read back."""

from __future__ import annotations

import csv
from datetime import date

import docx
import openpyxl
import pytest
from sqlalchemy import select

from boardroom.cli import main
from boardroom.errors import BoardroomError
from boardroom.services.action_export import export_actions
from boardroom.services.action_rows import load_action_rows
from boardroom.services.actions import set_plan_items
from boardroom.services.plans import section_labels
from boardroom.storage.models import ActionPoint, PlanItem

AS_OF = date(2020, 1, 15)


def _rows(database):
    with database.sessions() as session:
        return load_action_rows(session, as_of=AS_OF), section_labels(session)


def test_word_log_is_grouped_by_plan_section_with_real_styles(demo_database, tmp_path):
    with demo_database.transaction() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-01"))
        items = session.scalars(select(PlanItem).where(PlanItem.number.in_(["1.3", "2.4"])))
        set_plan_items(session, action.id, [item.id for item in items])
    rows, labels = _rows(demo_database)
    path = export_actions(
        rows, tmp_path / "log.docx", section_labels=labels, title="Action log", as_of=AS_OF
    )
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.split(" ", 1)[0] for h in headings] == ["1.", "2.", "3.", "4.", "5.", "Not"]
    assert headings[-1] == "Not linked to the plan"
    assert document.paragraphs[0].style.name == "Title"
    assert document.core_properties.title == "Action log"
    assert len(document.tables) == 6
    references = [[row.cells[0].text for row in table.rows[1:]] for table in document.tables]
    assert references[0] == ["IB-2019-01"]
    assert references[1] == ["IB-2019-02", "IB-2019-01"], "under both of its sections"
    assert references[5] == ["IB-2016-01"]
    header = document.tables[0].rows[0]
    assert [cell.text for cell in header.cells] == [
        "Ref",
        "Action",
        "Owner",
        "Due",
        "Status",
        "Plan",
    ]
    assert header._tr.trPr is not None, "the header row repeats on every page"
    overdue_cell = document.tables[1].rows[1].cells[3]
    assert overdue_cell.text == "Tue 31 Dec 2019\nOverdue"
    assert document.tables[0].style.name == "Table Grid"


def test_csv_and_excel_have_one_line_per_action(demo_database, tmp_path):
    rows, labels = _rows(demo_database)
    export_actions(rows, tmp_path / "log.csv", section_labels=labels, title="Log", as_of=AS_OF)
    with (tmp_path / "log.csv").open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.DictReader(stream))
    assert len(lines) == 6
    by_ref = {line["Reference"]: line for line in lines}
    assert by_ref["IB-2019-04"]["Plan items"] == "4.3, 4.6"
    assert by_ref["IB-2019-02"]["Due"] == "2019-12-31"
    assert by_ref["IB-2019-02"]["Overdue"] == "Yes"
    assert by_ref["IB-2019-02"]["Status"] == "In progress"

    export_actions(rows, tmp_path / "log.xlsx", section_labels=labels, title="Log", as_of=AS_OF)
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx").active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("Reference", "Action", "Owner", "Due")
    assert len(values) == 7
    found = {row[0]: row for row in values[1:]}
    assert found["IB-2019-02"][3].date() == date(2019, 12, 31)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J7"


def test_cli_export_with_filters(demo_database, tmp_path, capsys):
    url = demo_database.url.render_as_string(False)
    out = tmp_path / "overdue.csv"
    args = [
        "--database",
        url,
        "export",
        "actions",
        "--board",
        "Wirral Improvement Board",
        "--status",
        "outstanding",
        "--overdue",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    assert "Wrote 4 actions" in capsys.readouterr().out  # every outstanding demo action is late
    assert (
        main(
            [
                "--database",
                url,
                "export",
                "actions",
                "--status",
                "done",
                "--out",
                str(tmp_path / "done.docx"),
            ]
        )
        == 0
    )
    document = docx.Document(str(tmp_path / "done.docx"))
    refs = {row.cells[0].text for table in document.tables for row in table.rows[1:]}
    assert refs == {"IB-2016-01", "IB-2019-03"}
    assert main(["--database", url, "export", "actions", "--out", str(tmp_path / "x.pdf")]) == 1
    assert ".docx, .csv or .xlsx" in capsys.readouterr().err


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(BoardroomError, match="choose a name ending"):
        export_actions([], tmp_path / "log.txt", section_labels={}, title="Log", as_of=AS_OF)
