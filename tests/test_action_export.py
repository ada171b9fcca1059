"""The action log exported as Word (grouped by plan section), CSV and Excel, read back: the
chair's screen — by owner, by plan priority, what is overdue and what moved since the last
meeting — in the files the board papers and the performance team use."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.shared import Cm, Inches, Length
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from boardroom.cli import main
from boardroom.errors import BoardroomError
from boardroom.services.action_export import ActionLog, export_actions, load_action_log
from boardroom.services.action_log_xlsx import (
    CONTINUED,
    EXCEL_CELL_LIMIT,
    HEADER_LIMIT,
    LINE_POINTS,
    MAX_ROW_POINTS,
    fit_cell,
    margin_title,
    row_points,
)
from boardroom.services.action_rows import load_action_rows
from boardroom.services.actions import create_action, set_plan_items
from boardroom.storage.models import ActionPoint, ActionUpdate, Board, PlanItem
from boardroom.ui.action_log_export import EXPORT_FORMATS
from boardroom.ui.context import AppContext
from boardroom.ui.pages.actions import ActionsPage
from boardroom.ui.settings_store import SettingsStore

AS_OF = date(2020, 1, 15)  # after the demo board's meeting of Tue 19 Nov 2019


def _log(database, title: str = "Action log") -> ActionLog:
    with database.sessions() as session:
        rows = load_action_rows(session, as_of=AS_OF)
        return load_action_log(session, rows, title=title, as_of=AS_OF)


def test_the_log_knows_the_latest_note_and_what_moved(demo_database):
    log = _log(demo_database)
    by_ref = {row.reference: row for row in log.rows}
    assert log.since == date(2019, 11, 19)
    note = log.note(by_ref["IB-2019-02"])
    assert note is not None and note.on_date == date(2020, 1, 14)
    assert note.text.startswith("Workshop date not yet agreed")
    moved = sorted(row.reference for row in log.rows if log.moved(row))
    # IB-2019-04's only note is from the meeting itself; the 2016 action is long closed.
    assert moved == ["IB-2019-01", "IB-2019-02", "IB-2019-03", "IB-2019-05"]
    assert log.counts().moved_since == 4


def test_word_log_is_grouped_by_plan_section_with_real_styles(demo_database, tmp_path):
    with demo_database.transaction() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-01"))
        items = session.scalars(select(PlanItem).where(PlanItem.number.in_(["1.3", "2.4"])))
        set_plan_items(session, action.id, [item.id for item in items])
    path = export_actions(_log(demo_database), tmp_path / "log.docx")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.split(" ", 1)[0] for h in headings] == ["1.", "2.", "3.", "4.", "5.", "Not"]
    assert headings[-1] == "Not linked to the plan"
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[1].text == (
        "Action log as at Wed 15 Jan 2020: 6 actions, 1 overdue, "
        "4 updated since the meeting of Tue 19 Nov 2019."
    )
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
    action_cell = document.tables[1].rows[1].cells[1]
    first, note = action_cell.paragraphs
    assert first.text.startswith("Confirm that the transition tracking system is live")
    assert note.text == (
        "Moved since the last meeting. Tue 14 Jan 2020: Workshop date not yet agreed with "
        "Adult Social Care; revised date requested."
    )
    assert note.runs[0].bold and note.runs[1].italic
    not_moved = document.tables[3].rows[1].cells[1]  # IB-2019-04: only the meeting's note
    assert not_moved.paragraphs[-1].text == "Tue 19 Nov 2019: Action agreed at the meeting."
    assert document.tables[0].style.name == "Table Grid"


def test_csv_has_one_line_per_action_with_its_latest_note(demo_database, tmp_path):
    export_actions(_log(demo_database, "Log"), tmp_path / "log.csv")
    with (tmp_path / "log.csv").open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.DictReader(stream))
    assert len(lines) == 6
    by_ref = {line["Reference"]: line for line in lines}
    late = by_ref["IB-2019-02"]
    assert by_ref["IB-2019-04"]["Plan items"] == "4.3, 4.6"
    assert by_ref["IB-2019-04"]["Plan priorities"] == (
        "4. Looked After Children will attend and succeed in school"
    )
    assert (late["Due"], late["Overdue"], late["Status"]) == ("2019-12-31", "Yes", "In progress")
    assert late["Moved since last meeting"] == "Yes"
    assert late["Latest note"].startswith("Workshop date not yet agreed")
    assert by_ref["IB-2019-04"]["Moved since last meeting"] == ""


def test_excel_has_the_actions_and_the_chair_s_totals(demo_database, tmp_path):
    export_actions(_log(demo_database, "Log"), tmp_path / "log.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "log.xlsx")
    assert workbook.sheetnames == ["Actions", "By owner", "By plan priority", "Summary"]
    sheet = workbook["Actions"]
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    assert header[:4] == ("Reference", "Action", "Owner", "Due")
    assert len(values) == 7
    found = {row[0]: dict(zip(header, row, strict=True)) for row in values[1:]}
    late = found["IB-2019-02"]
    assert late["Due"].date() == date(2019, 12, 31)
    assert late["Overdue"] == "Yes" and late["Moved since last meeting"] == "Yes"
    assert late["Latest note"].startswith("Workshop date not yet agreed")
    due_cell = sheet.cell(
        1 + [row[0] for row in values].index("IB-2019-02"), header.index("Due") + 1
    )
    assert due_cell.font.color.rgb.endswith("C62828") and due_cell.number_format.startswith("ddd")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:N7"

    owners = list(workbook["By owner"].iter_rows(values_only=True))
    assert owners[0] == (
        "Owner",
        "Open",
        "Overdue",
        "Due soon",
        "Moved since last meeting",
        "Total",
    )
    by_owner = {row[0]: row[1:] for row in owners[1:]}
    assert by_owner["Eifion Burke"] == (1, 1, 0, 1, 1)
    assert by_owner["Trish Lewis"] == (1, 0, 1, 0, 1)  # due soon, not moved
    assert by_owner["Fiona O'Shaughnessy"] == (0, 0, 0, 1, 1)  # closed since the meeting
    priorities = list(workbook["By plan priority"].iter_rows(values_only=True))
    assert [row[0].split(" ", 1)[0] for row in priorities[1:]] == [
        "1.",
        "2.",
        "3.",
        "4.",
        "5.",
        "Not",
    ]
    assert priorities[-1][0] == "Not linked to the plan"
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True) if row}
    assert (summary["Overdue"], summary["Due in the next 10 working days"]) == (1, 2)
    assert summary["Open (open or in progress)"] == 4
    assert summary["Moved since the meeting of Tue 19 Nov 2019"] == 4
    assert summary["As at"].date() == AS_OF
    assert workbook.properties.title == "Log"


def test_every_excel_sheet_prints_a4_landscape_one_page_wide_with_its_heading(
    demo_database, tmp_path
):
    export_actions(_log(demo_database, "Actions & risks"), tmp_path / "log.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "log.xlsx")
    for sheet in workbook:
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        # One page wide is the file format's default, which the writer leaves unsaid.
        assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.oddHeader.left.text == "Actions && risks"  # a literal "&"
        assert sheet.oddFooter.center.text == "Page &P of &N"
    for name in ("Actions", "By owner", "By plan priority"):
        assert workbook[name].print_title_rows == "$1:$1"


def test_excel_rows_of_wrapped_text_are_as_tall_as_their_lines(demo_database, tmp_path):
    export_actions(_log(demo_database), tmp_path / "log.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx")["Actions"]
    references = [row[0] for row in sheet.iter_rows(values_only=True)]
    # Its plan priority runs to four lines in LibreOffice; unset, the row stayed one line high.
    tall = references.index("IB-2019-03") + 1
    assert sheet.row_dimensions[tall].height >= 4 * LINE_POINTS
    assert sheet.row_dimensions[1].height >= 2 * LINE_POINTS  # "Moved since last meeting"
    priorities = list(openpyxl.load_workbook(tmp_path / "log.xlsx")["By plan priority"].rows)
    assert priorities[1][0].alignment.wrap_text and priorities[1][1].alignment.vertical == "top"


def test_a_row_height_counts_the_wrapped_lines_of_its_tallest_cell():
    assert row_points([("Agree the risk register", 55), (None, 40)]) is None
    assert row_points([("word " * 20, 55), ("x" * 10, 12)]) == 3 * LINE_POINTS
    assert row_points([("one\ntwo\nthree", 55)]) == 3 * LINE_POINTS
    assert row_points([("note " * 10_000, 55)]) == MAX_ROW_POINTS


def test_excel_names_the_actions_without_an_owner_in_english(demo_database, tmp_path):
    with demo_database.transaction() as session:
        board_id = session.scalar(select(Board.id))
        create_action(session, board_id, "Write to the DfE", owner_id=None, due_date=None)
    export_actions(_log(demo_database), tmp_path / "log.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx")["By owner"]
    owners = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert owners[-1] == "No owner" and "Eifion Burke" in owners


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
        export_actions(ActionLog("Log", AS_OF, (), {}, {}, {}), tmp_path / "log.txt")


def _letterhead(path: Path) -> Path:
    """A secretariat's letterhead document: US Letter, wide margins, its name in the header."""
    letterhead = docx.Document()
    section = letterhead.sections[0]
    section.left_margin = section.right_margin = Cm(3.0)
    section.header.paragraphs[0].text = "Wirral Council — Democratic Services"
    letterhead.add_paragraph("Sample text that the export replaces")
    letterhead.save(str(path))
    return path


def _table_width(table) -> int:
    return sum(int(w) for w in table._tbl.xpath("./w:tblGrid/w:gridCol/@w:w"))  # twips


def test_the_word_log_starts_from_the_template_and_fits_its_page(demo_database, tmp_path):
    template = _letterhead(tmp_path / "letterhead.docx")
    path = export_actions(
        _log(demo_database),
        tmp_path / "log.docx",
        template=template,
        author="Committee Services",
    )
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Wirral Council — Democratic Services"
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert "Sample text that the export replaces" not in [p.text for p in document.paragraphs]
    text_width = Length(section.page_width - section.left_margin - section.right_margin).twips
    assert {abs(_table_width(table) - text_width) <= 6 for table in document.tables} == {True}
    assert document.core_properties.author == "Committee Services"


def test_without_a_template_the_word_log_is_a4_and_its_tables_fit(demo_database, tmp_path):
    document = docx.Document(str(export_actions(_log(demo_database), tmp_path / "log.docx")))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    text_width = Length(section.page_width - section.left_margin - section.right_margin).twips
    assert {abs(_table_width(table) - text_width) <= 6 for table in document.tables} == {True}
    assert document.core_properties.author == "Boardroom"


@pytest.mark.parametrize(
    "command",
    [
        ["export", "agenda", "2016-10-11"],
        ["export", "minutes", "2016-09-13"],
        ["export", "actions"],
    ],
)
def test_every_word_export_on_the_command_line_takes_a_template(demo_database, tmp_path, command):
    template = _letterhead(tmp_path / "letterhead.docx")
    out = tmp_path / "out.docx"
    url = demo_database.url.render_as_string(False)
    args = ["--database", url, *command, "--template", str(template), "--out", str(out)]
    assert main(args) == 0
    section = docx.Document(str(out)).sections[0]
    assert section.header.paragraphs[0].text == "Wirral Council — Democratic Services"
    assert round(section.left_margin.cm, 2) == 3.0


def test_the_actions_page_word_export_uses_the_settings_template(
    qtbot, demo_database, tmp_path, monkeypatch
):
    template = _letterhead(tmp_path / "letterhead.docx")
    store = SettingsStore()
    store.save(
        replace(store.load(), word_template=str(template), secretariat_name="Committee Services")
    )
    target = tmp_path / "log.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    context = AppContext(demo_database)
    page = ActionsPage(context)
    qtbot.addWidget(page)
    page.show()
    word = next(kind for kind in EXPORT_FORMATS if kind.suffix == ".docx")
    task = page.export(word)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20000) as finished:
        pass
    assert finished.args == [True]
    document = docx.Document(str(target))
    header = document.sections[0].header.paragraphs[0].text
    assert header == "Wirral Council — Democratic Services", "the letterhead from Settings"
    assert document.core_properties.author == "Committee Services"


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_a_cell_too_long_for_excel_ends_with_a_visible_marker(demo_database, tmp_path):
    long_action = "Confirm the transition tracking system. " + "Further detail. " * 3000
    long_note = "Workshop date agreed. " + "😀 and more words " * 2500  # emoji: two units each
    with demo_database.transaction() as session:
        action = session.scalar(select(ActionPoint).where(ActionPoint.reference == "IB-2019-02"))
        action.description = long_action
        session.add(ActionUpdate(action=action, on_date=date(2020, 1, 15), text=long_note))
    log = _log(demo_database)
    export_actions(log, tmp_path / "log.xlsx")
    export_actions(log, tmp_path / "log.docx")
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx")["Actions"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "IB-2019-02")
    found = dict(zip(header, row, strict=True))
    for column, original in (("Action", long_action), ("Latest note", long_note)):
        value = found[column]
        assert _utf16_length(value) <= EXCEL_CELL_LIMIT, "Excel would cut it silently"
        assert value.endswith(CONTINUED), f"the {column} cell says it was shortened"
        kept = value.removesuffix(CONTINUED)
        assert original.startswith(kept) and len(kept) > 16_000
    other = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "IB-2019-03")
    assert not any(isinstance(v, str) and v.endswith(CONTINUED) for v in other)
    word = docx.Document(str(tmp_path / "log.docx"))
    cells = [c.text for t in word.tables for r in t.rows[1:] for c in r.cells]
    assert any(text.startswith(long_action.rstrip()) for text in cells), "the Word log has it all"


def test_only_what_is_over_the_limit_is_cut_and_never_inside_an_emoji():
    exact = "x" * EXCEL_CELL_LIMIT
    assert fit_cell(exact) == exact
    assert fit_cell(12) == 12 and fit_cell(None) is None
    over = fit_cell("x" * EXCEL_CELL_LIMIT + "y")
    assert _utf16_length(over) <= EXCEL_CELL_LIMIT and over.endswith(CONTINUED)
    emoji = fit_cell("😀" * 20_000)  # 40,000 units; a cut between the halves would be corrupt
    assert _utf16_length(emoji) <= EXCEL_CELL_LIMIT
    assert set(emoji.removesuffix(CONTINUED)) == {"😀"}


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("http://example.org")', "=SUM(A1:A9)", "+44 151 606 2000", "http://x.org/p"],
)
def test_excel_keeps_text_that_looks_like_a_formula_a_number_or_a_link_as_text(
    demo_database, tmp_path, typed
):
    with demo_database.transaction() as session:
        board_id = session.scalar(select(Board.id))
        reference = create_action(session, board_id, typed, owner_id=None, due_date=None).reference
    export_actions(_log(demo_database), tmp_path / "log.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx")["Actions"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == reference)
    action = row[1]
    assert (action.data_type, action.value, action.hyperlink) == ("s", typed, None)


def test_a_page_header_holds_the_title_with_its_ampersands_within_excel_s_limit():
    assert margin_title("Audit & Risk") == "Audit && Risk"
    long = margin_title("&" * 300)
    assert long == "&&" * 124 and len(f"&L{long}&R&A") <= HEADER_LIMIT
