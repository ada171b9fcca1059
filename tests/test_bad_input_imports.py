"""A plan in Word, CSV or Excel, with whatever its cells hold, imports completely or not at
all — and a refusal names the row (or says why the file as a whole cannot be read).

Each example writes a real file with the seed plan's columns and rows drawn by hypothesis
(item numbers good and bad, blank and continued rows, text with control characters, emoji,
right-to-left script and long passages), imports it from the command line into a board of
its own, and looks in the database: every numbered item is there with its activity, or
nothing of the plan is.
"""

from __future__ import annotations

import csv
import itertools
import re

import docx
import openpyxl
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from boardroom.cli import main
from boardroom.services.boards import create_board
from boardroom.services.plan_import import ITEM_FIELDS, clean_number
from boardroom.storage.models import Plan, PlanItem, PlanSection
from boardroom.storage.plain_text import clean
from nasty_text import LONG_NOTE, campaign, nasty_text

HEADERS = list(ITEM_FIELDS.values())
# What Word (XML) and Excel cells can hold at all: a file cannot carry anything else.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EXCEL_CELL = 32_767
FILE_LEVEL = ("No plan items were found", "is empty", "cannot be read", "Choose the column")

numbers = st.one_of(
    st.tuples(st.integers(1, 9), st.integers(1, 30)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.sampled_from(["", "", "2.4-", "- 2.5", "1.1.", "one", "•", "10.10.10.10.10.10.10.10"]),
    nasty_text,
)
cell = st.one_of(st.just(""), nasty_text)
rows = st.lists(st.tuples(numbers, cell, cell, cell, cell, cell).map(list), min_size=1, max_size=5)
_boards = itertools.count(1)


def _write_csv(path, table) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([HEADERS, *table])


def _write_xlsx(path, table) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row_number, values in enumerate([HEADERS, *table], start=1):
        for column, value in enumerate(values, start=1):
            target = sheet.cell(row_number, column)
            target.value = value
            target.data_type = "s"  # text, even when it starts with "=" like a formula
    workbook.save(path)


def _write_docx(path, table) -> None:
    document = docx.Document()
    document.add_paragraph("Ofsted improvement action 1: Improve the quality of assessments")
    grid = document.add_table(rows=0, cols=len(HEADERS))
    for values in [HEADERS, *table]:
        for target, value in zip(grid.add_row().cells, values, strict=True):
            target.text = value
    document.save(path)


WRITERS = {"csv": _write_csv, "xlsx": _write_xlsx, "docx": _write_docx}


def _as_written(suffix: str, table: list[list[str]]) -> list[list[str]]:
    """The cells as a file of that type can hold them: Word and Excel carry no control
    characters at all (what is pasted there arrives without them), and an Excel cell
    holds at most 32,767 characters."""
    if suffix == "csv":
        return table
    longest = EXCEL_CELL if suffix == "xlsx" else None
    return [[_NOT_IN_XML.sub("", value)[:longest] for value in row] for row in table]


def _import(database_url, database, tmp_path, suffix, table):
    """Import the table as a file of that type; (exit code, the board's items)."""
    board = f"Board {next(_boards)}"
    with database.transaction() as session:
        board_id = create_board(session, board).id
    path = tmp_path / f"plan.{suffix}"
    WRITERS[suffix](path, table)
    code = main(["--database", database_url, "import", "plan", str(path), "--board", board])
    with database.sessions() as session:
        items = session.execute(
            select(PlanItem.number, PlanItem.activity)
            .join(PlanSection)
            .join(Plan)
            .where(Plan.board_id == board_id)
        ).all()
    return code, dict(items)


def _check(code, items, table, err: str) -> None:
    if code != 0:
        message = err.strip()
        assert message.startswith("boardroom: ")
        assert re.search(r"\b[Rr]ow \d+", message) or any(p in message for p in FILE_LEVEL), message
        assert items == {}, "a refused import stores nothing"
        return
    numbered = [(clean_number(row[0]), " ".join(row[1].split())) for row in table if row[0].strip()]
    for number, activity in numbered:
        assert number in items, f"item {number} was not imported"
        assert clean(activity) in items[number] or not activity.strip()
    assert len(items) == len({number for number, _ in numbered})


def _campaign(suffix: str, examples: int):
    @settings(campaign, max_examples=examples)
    @given(table=rows)
    @example(table=[["1.1", "Review \v the model\f", "An outcome 😀", "March 2020", "شخص", ""]])
    @example(table=[["1.1", "Activity", "", "March 0000", "Lead", ""]])
    @example(table=[["1.1", "Activity", "", "", "x" * 600, ""]])
    @example(table=[["1.1", LONG_NOTE, LONG_NOTE, "Ongoing", "Lead", LONG_NOTE]])
    @example(table=[["", "a continuation with no item above", "", "", "", ""]])
    @example(table=[["1.1", "first", "", "", "", ""], ["1.1", "twice", "", "", "", ""]])
    @example(table=[["1.1\x00", "NUL\x00in the cell", "", "", "", ""]])
    @example(table=[["=1+1", '=HYPERLINK("http://x")', "", "", "", ""]])
    def test(database_url, database, tmp_path_factory, capsys, table):
        table = _as_written(suffix, table)
        folder = tmp_path_factory.mktemp(suffix)
        code, items = _import(database_url, database, folder, suffix, table)
        _check(code, items, table, capsys.readouterr().err)

    return test


test_any_csv_plan_imports_whole_or_not_at_all = _campaign("csv", 40)
test_any_excel_plan_imports_whole_or_not_at_all = _campaign("xlsx", 30)
test_any_word_plan_imports_whole_or_not_at_all = _campaign("docx", 20)
