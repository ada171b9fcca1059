"""Reading an improvement plan from a Word document laid out like the seed plan.

Each recommendation is a table (No., Planned activity, Desired Outcome, Target Date, Lead,
Measure) under a few lines of text: the priority outcome, then "Improvement action N: …"
with the recommendation. A table broken by a page comes back as a second table without a
header row, sometimes shifted by a stray leading column; its first row may be the rest of
the activity above. python-docx is imported here only, when a plan is actually imported.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from boardroom.errors import BoardroomError
from boardroom.services.plan_import import (
    ITEM_FIELDS,
    ParsedPlan,
    PlanAssembler,
    clean_number,
    field_for_header,
)

_MARKER = re.compile(
    r"^(?:ofsted\s+)?(?:improvement\s+action|recommendation|priority)\s*(\d+)\s*[:.\-–]?\s*(.*)$",
    re.IGNORECASE,
)
_HEADING_LINES = 3  # only the last few lines above a table can be its heading


@dataclass(frozen=True)
class Heading:
    """What the text above a table says about its recommendation."""

    recommendation: str = ""
    outcome: str = ""


def parse_heading(lines: list[str]) -> Heading:
    """ "Outcome / Improvement action 2: recommendation" or "Outcome / Recommendation"."""
    lines = [" ".join(line.split()) for line in lines if line.strip()][-_HEADING_LINES:]
    for index, line in enumerate(lines):
        match = _MARKER.match(line)
        if match:
            rest = match.group(2).strip()
            if not rest and index + 1 < len(lines):
                rest = lines[index + 1]
            return Heading(recommendation=rest, outcome=lines[index - 1] if index else "")
    if len(lines) >= 2:
        return Heading(recommendation=lines[-1], outcome=lines[-2])
    return Heading(recommendation=lines[0]) if lines else Heading()


def _row_texts(row: object) -> list[str]:
    """Cell texts by grid column; a cell merged across columns counts once, at its left.

    A row that is one cell merged across the table is a sub-heading, not an item, and
    comes back empty so that it is skipped like a blank row.
    """
    cells = list(row.cells)  # type: ignore[attr-defined]
    if len(cells) > 1 and all(cell._tc is cells[0]._tc for cell in cells):
        return [""] * len(cells)
    texts: list[str] = []
    previous = None
    for cell in cells:
        texts.append("" if cell._tc is previous else cell.text)
        previous = cell._tc
    return texts


def _body(document: object) -> Iterator[tuple[str, object]]:
    """Paragraph texts and tables in the order they appear in the document."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():  # type: ignore[attr-defined]
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "p", Paragraph(child, document)
        elif tag == "tbl":
            yield "tbl", Table(child, document)


def _header_columns(rows: list[list[str]], table_number: int) -> tuple[int, dict[str, int]] | None:
    """The header row's index and the column of each field, or None for a headerless table."""
    for index, texts in enumerate(rows[:2]):
        columns: dict[str, int] = {}
        for column, text in enumerate(texts):
            name = field_for_header(text)
            if name in ITEM_FIELDS and name not in columns:
                columns[name] = column
        if len(columns) >= 2:
            missing = [label for name, label in ITEM_FIELDS.items() if name not in columns]
            if missing:
                found = ", ".join(f"“{text.strip()}”" for text in texts if text.strip())
                raise BoardroomError(
                    f"Table {table_number} has no “{'”, “'.join(missing)}” column (its columns "
                    f"are {found}). Every plan table needs {', '.join(ITEM_FIELDS.values())}."
                )
            return index, columns
    return None


def _shifted(columns: dict[str, int], rows: list[list[str]], table_number: int) -> dict[str, int]:
    """Columns for a headerless continuation table, allowing for stray leading columns."""
    width = max(columns.values()) + 1
    count = max((len(texts) for texts in rows), default=0)
    if count < width:
        raise BoardroomError(
            f"Table {table_number} continues the plan but has {count} columns where the "
            f"tables before it have {width}; check it has all of "
            f"{', '.join(ITEM_FIELDS.values())}."
        )

    def numbered(offset: int) -> int:
        index = columns["number"] + offset
        return sum(bool(clean_number(texts[index])) for texts in rows if index < len(texts))

    best = max(range(count - width + 1), key=numbered)
    return {name: column + best for name, column in columns.items()}


def read_word_plan(path: Path) -> ParsedPlan:
    """Every plan table of the document, with the headings above them, as one plan."""
    document = _open(path)
    title = document.core_properties.title or Path(path).stem
    assembler = PlanAssembler(title)
    columns: dict[str, int] | None = None
    above: list[str] = []
    table_number = 0
    for kind, block in _body(document):
        if kind == "p":
            above.append(block.text)  # type: ignore[attr-defined]
            continue
        table_number += 1
        rows = [_row_texts(row) for row in block.rows]  # type: ignore[attr-defined]
        header = _header_columns(rows, table_number)
        if header is not None:
            start, columns = header
            rows = rows[start + 1 :]
            offset = start + 1
        elif columns is None:
            above = []
            continue  # a layout table before the plan (cover, contents)
        else:
            columns = _shifted(columns, rows, table_number)
            offset = 0
        heading = parse_heading(above)
        above = []
        _read_rows(assembler, rows, columns, table_number, offset, heading)
    return assembler.finish()


def _read_rows(
    assembler: PlanAssembler,
    rows: list[list[str]],
    columns: dict[str, int],
    table_number: int,
    offset: int,
    heading: Heading,
) -> None:
    for index, texts in enumerate(rows, start=offset + 1):
        values = {
            name: texts[column] if column < len(texts) else "" for name, column in columns.items()
        }
        where = f"Table {table_number}, row {index}"
        before = len(assembler.plan.sections)
        section = assembler.add_row(values, where)
        if section is not None and len(assembler.plan.sections) > before:
            section.recommendation = heading.recommendation
            section.outcome = heading.outcome


def _open(path: Path) -> object:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BoardroomError(
            f"“{Path(path).name}” cannot be read as a Word document (.docx); it may be "
            "damaged or in another format. Nothing was imported."
        ) from exc
    except Exception as exc:  # lxml raises its own errors for a damaged document part
        if type(exc).__module__.startswith("lxml"):
            raise BoardroomError(
                f"“{Path(path).name}” is damaged: its text cannot be read. Nothing was imported."
            ) from exc
        raise
