"""The Word groundwork: templates, styles, repeating headers, page numbers, properties."""

from __future__ import annotations

from datetime import UTC, datetime

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Length, Twips

from boardroom import docx_support
from boardroom.errors import BoardroomError


def _reopen(document, path):
    docx_support.save_document(document, path)
    return docx.Document(str(path))


def test_a_blank_document_has_the_styles_every_export_uses(tmp_path):
    document = docx_support.new_document()
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", docx_support.TABLE_STYLE):
        assert name in document.styles
    assert document.styles["Normal"].font.name == docx_support.BODY_FONT


def test_a_blank_document_is_a4_portrait_with_even_margins(tmp_path):
    section = _reopen(docx_support.new_document(), tmp_path / "a4.docx").sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.orientation == WD_ORIENT.PORTRAIT
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(margin.cm, 2) for margin in margins] == [2.2, 2.2, 2.0, 2.0]


def test_a_template_keeps_its_own_page_setup(tmp_path):
    letter = docx.Document()  # python-docx's own blank: US Letter, 1 inch and 1.25 inch margins
    letter.sections[0].left_margin = Cm(3.0)
    letter.save(str(tmp_path / "letter.docx"))
    section = _reopen(docx_support.new_document(tmp_path / "letter.docx"), tmp_path / "o.docx")
    section = section.sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert round(section.left_margin.cm, 2) == 3.0


def test_a_template_without_headings_gets_them_as_real_outline_levels(tmp_path):
    bare = docx.Document()
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid"):
        bare.styles.element.remove(bare.styles[name].element)
    bare.sections[0].header.paragraphs[0].text = "Letterhead"
    bare.add_paragraph("Old body text")
    bare.save(str(tmp_path / "bare.docx"))

    document = docx_support.new_document(tmp_path / "bare.docx")
    document.add_heading("Agenda", level=1)
    document.add_table(rows=1, cols=1).style = document.styles[docx_support.TABLE_STYLE]
    reopened = _reopen(document, tmp_path / "out.docx")
    assert [p.text for p in reopened.paragraphs] == ["Agenda"]
    assert reopened.paragraphs[0].style.name == "Heading 1"
    outline = reopened.styles["Heading 1"].element.xpath("./w:pPr/w:outlineLvl/@w:val")
    assert outline == ["0"]
    assert reopened.tables[0].style.name == "Table Grid"
    assert reopened.sections[0].header.paragraphs[0].text == "Letterhead"


@pytest.mark.parametrize("name", ["house.dotx", "house.DOTM"])
def test_word_templates_are_refused_with_a_way_forward(tmp_path, name):
    (tmp_path / name).write_bytes(b"PK")
    with pytest.raises(BoardroomError, match=r"save it as a Word document \(\.docx\)"):
        docx_support.new_document(tmp_path / name)


def test_a_file_that_is_not_a_word_document_is_named(tmp_path):
    (tmp_path / "notes.docx").write_text("plain text")
    with pytest.raises(BoardroomError, match=r"“notes.docx” is not a Word document"):
        docx_support.new_document(tmp_path / "notes.docx")
    with pytest.raises(BoardroomError, match="does not exist"):
        docx_support.new_document(tmp_path / "missing.docx")


def test_grid_tables_repeat_their_header_and_borderless_tables_have_no_rules(tmp_path):
    document = docx_support.new_document()
    grid = docx_support.grid_table(document, ["No.", "Item"], [2, 10])
    grid.add_row()
    docx_support.keep_row_together(grid.rows[1])
    docx_support.borderless_table(document, [("Date", "Tuesday 13 September 2016")])
    reopened = _reopen(document, tmp_path / "tables.docx")
    grid, plain = reopened.tables
    assert grid.rows[0]._tr.xpath("./w:trPr/w:tblHeader/@w:val") == ["true"]
    assert not grid.rows[1]._tr.xpath("./w:trPr/w:tblHeader")
    assert grid.rows[1]._tr.xpath("./w:trPr/w:cantSplit")
    assert grid.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert set(plain._tbl.xpath("./w:tblPr/w:tblBorders/*/@w:val")) == {"nil"}
    assert [c.text for c in plain.rows[0].cells] == ["Date", "Tuesday 13 September 2016"]


def _tab_stops(paragraph) -> dict[int, str]:
    """The tab stops a paragraph really has (position in twips → alignment), as Word and
    LibreOffice work them out: the style chain from its root, then the paragraph's own,
    each level adding stops and clearing inherited ones."""
    chain, style = [], paragraph.style
    while style is not None:
        chain.insert(0, style.element)
        style = style.base_style
    stops: dict[int, str] = {}
    for element in (*chain, paragraph._p):
        for tab in element.xpath("./w:pPr/w:tabs/w:tab"):
            position, kind = int(tab.get(qn("w:pos"))), tab.get(qn("w:val"))
            if kind == "clear":
                stops.pop(position, None)
            else:
                stops[position] = kind
    return stops


def _text_width_twips(section) -> int:
    return Length(section.page_width - section.left_margin - section.right_margin).twips


def test_page_x_of_y_sits_against_the_right_margin_not_at_a_style_tab(tmp_path):
    document = docx_support.new_document()
    assert _tab_stops(document.sections[0].footer.paragraphs[0])  # the Footer style's own
    docx_support.page_number_footer(document.sections[0], "Action log")
    section = _reopen(document, tmp_path / "f.docx").sections[0]
    paragraph = section.footer.paragraphs[0]
    # One tab in the text, and one stop for it: right-aligned at the text width (16.6 cm).
    assert paragraph.text.count("\t") == 1
    assert _tab_stops(paragraph) == {_text_width_twips(section): "right"}
    assert round(Length(Twips(_text_width_twips(section))).cm, 2) == 16.6


def test_a_templates_footer_style_tabs_are_cleared_too(tmp_path):
    template = docx.Document()
    template.sections[0].left_margin = template.sections[0].right_margin = Cm(2.54)
    footer_style = template.styles["Footer"]
    footer_style.paragraph_format.tab_stops.add_tab_stop(Cm(3), WD_TAB_ALIGNMENT.LEFT)
    template.styles["Normal"].paragraph_format.tab_stops.add_tab_stop(
        Cm(5), WD_TAB_ALIGNMENT.CENTER
    )
    template.save(str(tmp_path / "t.docx"))
    document = docx_support.new_document(tmp_path / "t.docx")
    docx_support.page_number_footer(document.sections[0], "Minutes")
    section = _reopen(document, tmp_path / "f.docx").sections[0]
    assert _tab_stops(section.footer.paragraphs[0]) == {_text_width_twips(section): "right"}


def test_the_footer_counts_pages_with_word_fields_unless_the_template_has_one(tmp_path):
    document = docx_support.new_document()
    docx_support.page_number_footer(document.sections[0], "Agenda")
    footer = _reopen(document, tmp_path / "f.docx").sections[0].footer
    instructions = [t.strip() for t in footer._element.xpath(".//w:instrText/text()")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text.startswith("Agenda\tPage ")

    branded = docx.Document()
    branded.sections[0].footer.paragraphs[0].text = "Wirral Council, Wallasey Town Hall"
    branded.save(str(tmp_path / "branded.docx"))
    document = docx_support.new_document(tmp_path / "branded.docx")
    docx_support.page_number_footer(document.sections[0], "Agenda")
    footer = document.sections[0].footer
    assert [p.text for p in footer.paragraphs] == ["Wirral Council, Wallasey Town Hall"]


def test_core_properties_replace_what_the_template_said(tmp_path):
    template = docx.Document()
    template.core_properties.keywords = "old draft"
    template.core_properties.comments = "internal notes"
    template.save(str(tmp_path / "t.docx"))
    document = docx_support.new_document(tmp_path / "t.docx")
    when = datetime(2016, 9, 5, 10, 0, tzinfo=UTC)
    docx_support.set_core_properties(
        document, title="Agenda", author="Committee Services", subject="Board", when=when
    )
    properties = _reopen(document, tmp_path / "p.docx").core_properties
    assert (properties.title, properties.author, properties.subject) == (
        "Agenda",
        "Committee Services",
        "Board",
    )
    assert properties.created == properties.modified == when
    assert properties.last_modified_by == "Committee Services"
    assert properties.keywords == properties.comments == ""


def test_saving_into_a_missing_folder_is_a_message_and_leaves_nothing(tmp_path):
    document = docx_support.new_document()
    with pytest.raises(BoardroomError, match="does not exist"):
        docx_support.save_document(document, tmp_path / "nowhere" / "a.docx")
    docx_support.save_document(document, tmp_path / "a.docx")
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]
