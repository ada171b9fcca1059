"""The action log as a Word document for the board papers: one table per plan section, in
plan order, each action with its latest progress note and a mark when it moved since the
last meeting.

An action that serves two recommendations is listed under both, as the chair reads the log
section by section. This module (and with it python-docx) is imported only when a Word log
is written.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from docx.oxml.ns import qn

from boardroom.dates import format_date
from boardroom.services.action_export import ActionLog, Progress, group_by_section, report_every
from boardroom.services.action_rows import ActionRow

WORD_COLUMNS = ("Ref", "Action", "Owner", "Due", "Status", "Plan")
# Relative widths, scaled to the page inside the margins (A4's 16.6 cm, or the template's).
_WIDTHS_CM = (2.8, 4.8, 2.7, 2.4, 2.5, 1.4)  # "IB-2019-01", "In progress" on one line
_LATE = (0xC6, 0x28, 0x28)
_NOTE_GREY = (0x44, 0x4B, 0x55)


def _introduction(log: ActionLog) -> str:
    counts = log.counts()
    text = (
        f"Action log as at {format_date(log.as_of)}: {len(log.rows)} actions, "
        f"{counts.overdue} overdue"
    )
    if log.since is not None:
        text += f", {counts.moved_since} updated since the meeting of {format_date(log.since)}"
    elif counts.moved_since:
        text += f", {counts.moved_since} updated since their board's last meeting"
    return text + "."


def write_docx(
    log: ActionLog,
    path: Path,
    progress: Progress | None = None,
    *,
    template: Path | None = None,
    author: str = "",
) -> Path:
    """Write the Word log, starting from ``template`` (the letterhead) when one is given."""
    from boardroom.docx_support import (
        finish_document,
        fit_widths,
        grid_table,
        new_document,
        save_document,
    )

    document = new_document(template)
    widths = fit_widths(document, _WIDTHS_CM)
    document.add_paragraph(log.title, style="Title")
    document.add_paragraph(_introduction(log))
    if not log.rows:
        document.add_paragraph("There are no actions to report.")
    groups = group_by_section(log.rows, log.section_labels)
    total = sum(len(members) for _label, members in groups)
    done = 0
    for label, members in groups:
        document.add_heading(label, level=1)
        rows = _RowMaker(grid_table(document, WORD_COLUMNS, widths))
        for row in sorted(members, key=lambda r: (r.due_date or date.max, r.reference)):
            rows.add(log, row)
            done += 1
            report_every(progress, done, total)
    finish_document(
        document,
        caption=log.title,
        title=log.title,
        author=author or "Boardroom",
        subject="Action log",
        when=datetime.now(),
    )
    return save_document(document, path)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _first_text(element):
    """The first ``<w:t>`` inside ``element``: setting its text directly skips python-docx's
    run.text, which rebuilds the run character by character."""
    return next(element.iter(qn("w:t")))


class _RowMaker:
    """Adds a table's rows by copying ready-made row XML and filling in its texts.

    Built through python-docx one cell at a time, a row costs about 2 ms — a minute for a
    log of thirty thousand actions; a copied row costs a fraction of that. The templates are
    made with python-docx once per table (a plain row, an overdue row with its date in bold
    red above "Overdue", and the grey note line under an action), so they carry exactly the
    markup python-docx would have written.
    """

    def __init__(self, table) -> None:
        from docx.shared import Pt, RGBColor

        from boardroom.docx_support import keep_row_together

        self.table = table
        self.templates = []
        for overdue in (False, True):
            line = table.add_row()
            keep_row_together(line)
            for cell in line.cells:
                cell.paragraphs[0].add_run("-")
            if overdue:
                run = line.cells[3].paragraphs[0].runs[0]
                run.bold = True
                run.font.color.rgb = RGBColor(*_LATE)
                line.cells[3].add_paragraph("Overdue")
            self.templates.append(line._tr)
        paragraph = line.cells[1].add_paragraph()
        for text, bold in (("Moved since the last meeting. ", True), ("-", False)):
            run = paragraph.add_run(text)
            run.bold, run.italic = bold, not bold
            run.font.size = Pt(9)
            run.font.color.rgb = RGBColor(*_NOTE_GREY)
        note = paragraph._p
        self.note = note
        for template in self.templates:
            table._tbl.remove(template)
        note.getparent().remove(note)
        for element in (*self.templates, note):  # texts may start or end with a space
            for text in element.iter(qn("w:t")):
                text.set(qn("xml:space"), "preserve")

    def add(self, log: ActionLog, row: ActionRow) -> None:
        from copy import deepcopy

        tr = deepcopy(self.templates[row.overdue])
        texts = (
            row.reference,
            row.description,
            row.owner,
            format_date(row.due_date),
            row.status.label,
            row.plan_numbers,
        )
        for tc, text in zip(tr.tc_lst, texts, strict=True):
            _first_text(tc).text = text
        note, moved = log.note(row), log.moved(row)
        if note or moved:
            paragraph = deepcopy(self.note)
            label, words = paragraph.r_lst
            if note:
                _first_text(words).text = f"{format_date(note.on_date)}: {_one_line(note.text)}"
            else:
                paragraph.remove(words)
            if not moved:
                paragraph.remove(label)
            tr.tc_lst[1].append(paragraph)
        self.table._tbl.append(tr)
