"""The Word agenda, read back with python-docx and, for the public version, byte by byte."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime

import docx
import pytest

from agenda_builders import SECRET_TEXTS, build_meeting
from boardroom.agenda_docx import PART_2_HEADING, build_agenda
from boardroom.cli import main
from boardroom.docx_support import save_document

NOW = datetime(2016, 9, 5, 9, 30, tzinfo=UTC)


@pytest.fixture
def built(database, tmp_path):
    return build_meeting(database, tmp_path)


def _write(database, built, path, **options):
    with database.sessions() as session:
        save_document(build_agenda(session, built.meeting_id, now=NOW, **options), path)
    return docx.Document(str(path))


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_agenda_lists_items_in_order_with_numbers_presenters_and_times(
    database, built, tmp_path
):
    document = _write(database, built, tmp_path / "agenda.docx")
    details, part_1, part_2 = document.tables
    assert _rows(details)[:3] == [
        ["Date", "Tuesday 13 September 2016"],
        ["Time", "14:00 – 16:00"],
        ["Venue", "Committee Room 1, Wallasey Town Hall"],
    ]
    assert _rows(part_1)[0] == ["No.", "Item", "Purpose", "Presenter", "Time"]
    numbers = [row[0] for row in _rows(part_1)[1:]]
    assert numbers == ["1", "2", "3", "3.1", "3.2", "5", "6"]
    titles = [row[1].splitlines()[0] for row in _rows(part_1)[1:]]
    assert titles == [
        "Welcome and apologies",
        "Action log review",
        "Ofsted findings",
        "Findings for the Council",
        "Findings for the LSCB",
        "Terms of Reference",
        "Any other business",
    ]
    presenters = [row[3] for row in _rows(part_1)[1:]]
    assert presenters[:5] == [
        "Eric Robinson",
        "Matthew Humble",
        "Julia Hassall",
        "Julia Hassall",
        "LSCB Independent Chair",
    ]
    assert [row[4].splitlines() for row in _rows(part_1)[1:4]] == [
        ["14:00", "5 min"],
        ["14:05", "10 min"],
        ["14:15", "0 min"],
    ]
    assert _rows(part_1)[6][2] == "For decision"
    terms = _rows(part_1)[6][1]
    assert "The draft terms of reference for agreement." in terms
    assert "Paper: Ofsted report.pdf (PDF, 10.0 KB)" in terms
    action_log = _rows(part_1)[2][1]
    assert "IB-2016-01" in action_log and "Circulate the Ofsted letter" in action_log
    # Part 2 comes after its own heading, with the exempt item's sub-item and paper.
    assert [row[:2] for row in _rows(part_2)[1:]] == [
        ["4", "Staffing restructure\nPaper: restructure-costs.xlsx (Excel, 810 bytes)"],
        ["4.1", "Interim director appointment"],
    ]
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert headings[0] == ("Title", "Wirral Improvement Board")
    assert ("Heading 1", PART_2_HEADING) in headings
    body = document.element.body
    assert body.index(part_1._tbl) < body.index(part_2._tbl)


def test_the_agenda_uses_real_styles_a_repeating_header_and_page_numbers(database, built, tmp_path):
    document = _write(database, built, tmp_path / "agenda.docx")
    items = document.tables[1]
    assert items.style.name == "Table Grid"
    assert items.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    footer = document.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    properties = document.core_properties
    assert properties.title == "Wirral Improvement Board — Agenda — Tuesday 13 September 2016"
    assert properties.created == properties.modified == NOW
    assert properties.author == "Wirral Improvement Board"


def test_the_public_agenda_leaves_no_trace_of_exempt_items(database, built, tmp_path):
    path = tmp_path / "public.docx"
    document = _write(database, built, path, public=True)
    _details, items = document.tables
    assert [row[0] for row in _rows(items)[1:]] == ["1", "2", "3", "3.1", "3.2", "5", "6"]
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8", errors="replace")
            for secret in (*SECRET_TEXTS, "Part 1", "Part 2"):
                assert secret not in text, f"{secret!r} leaked into {name}"
    assert "public version" in document.core_properties.subject


def test_the_members_version_does_contain_what_the_public_one_hides(database, built, tmp_path):
    path = tmp_path / "members.docx"
    _write(database, built, path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    assert all(secret in xml for secret in SECRET_TEXTS)


def test_a_template_keeps_its_letterhead_and_gains_the_headings_it_lacked(
    database, built, tmp_path
):
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Wirral Council — Committee Services"
    template.add_paragraph("Delete me: sample text")
    for name in ("Heading 1", "Heading 2", "Title"):
        template.styles.element.remove(template.styles[name].element)
    template.save(str(tmp_path / "letterhead.docx"))

    document = _write(
        database, built, tmp_path / "agenda.docx", template=tmp_path / "letterhead.docx"
    )
    header = document.sections[0].header.paragraphs[0].text
    assert header == "Wirral Council — Committee Services"
    texts = [p.text for p in document.paragraphs]
    assert "Delete me: sample text" not in texts
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= styles


def test_the_command_line_writes_the_public_agenda(database_url, database, built, tmp_path):
    out = tmp_path / "cli.docx"
    code = main(["--database", database_url, "export", "agenda", "2016-09-13", "--out", str(out)])
    assert code == 0
    assert PART_2_HEADING in [p.text for p in docx.Document(str(out)).paragraphs]
    public = tmp_path / "cli-public.docx"
    args = ["--database", database_url, "export", "agenda", "2016-09-13", "--public"]
    assert main([*args, "--out", str(public)]) == 0
    texts = [p.text for p in docx.Document(str(public)).paragraphs]
    assert PART_2_HEADING not in texts


def test_a_dotx_template_is_refused_with_advice(database, built, tmp_path, capsys):
    dotx = tmp_path / "house.dotx"
    dotx.write_bytes(b"whatever")
    code = main(
        [
            "--database",
            str(database.url.render_as_string(hide_password=False)),
            "export",
            "agenda",
            str(built.meeting_id),
            "--out",
            str(tmp_path / "x.docx"),
            "--template",
            str(dotx),
        ]
    )
    assert code == 1
    assert "save it as a Word document (.docx)" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
