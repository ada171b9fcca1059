"""Groundwork shared by every Word export (agenda, minutes, action log).

A secretariat's documents carry its letterhead, so an export may start from the user's own
``.docx``: its headers, footers and styles are kept and only its body is replaced. Word and
LibreOffice must open the result without repair, and screen readers and the navigation pane
need real heading and table styles, so the styles an export relies on are added when a
template lacks them. python-docx is imported inside the functions: the window's start-up
never pays for it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from boardroom.errors import BoardroomError
from boardroom.files import write_atomically

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section
    from docx.shared import Length
    from docx.styles.style import BaseStyle
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

TABLE_STYLE = "Table Grid"
HEADER_FILL = "D9E2F3"  # a pale blue that prints legibly in greyscale
BODY_FONT = "Arial"  # the usual choice of UK councils for accessible documents
A4_MM = (210, 297)  # the page of a document written without a template

# name → (size in points, outline level or None for the title)
_HEADINGS: dict[str, tuple[int, int | None]] = {
    "Title": (22, None),
    "Heading 1": (16, 0),
    "Heading 2": (13, 1),
    "Heading 3": (12, 2),
}


def new_document(template: Path | None = None) -> Document:
    """A document to write into: the user's template with its body cleared, or a blank one.

    The template's sections (page size, margins, header and footer with the letterhead) and
    styles stay; Word templates (``.dotx``) cannot be opened this way, so the user is asked
    to save the template as a document first.
    """
    import docx

    if template is None:
        document = docx.Document()
        _house_style(document)
    else:
        document = _open_template(Path(template))
        _clear_body(document)
    ensure_styles(document)
    return document


def _open_template(path: Path) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if path.suffix.lower() in (".dotx", ".dotm", ".dot"):
        raise BoardroomError(
            f"“{path.name}” is a Word template (.dotx). Open it in Word, save it as a Word "
            "document (.docx) and choose that file instead."
        )
    if not path.is_file():
        raise BoardroomError(f"The template “{path}” does not exist.")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BoardroomError(
            f"“{path.name}” is not a Word document Boardroom can read; choose a .docx file "
            "saved by Word or LibreOffice."
        ) from exc


def _clear_body(document: Document) -> None:
    """Remove the template's sample text but keep the final section (letterhead, margins)."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _house_style(document: Document) -> None:
    """Plain, accessible defaults for a document without a template: an A4 page with
    2.2 cm side margins, Arial, dark headings."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Mm, Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11)
    _set_east_asian_font(normal, BODY_FONT)
    for name in _HEADINGS:
        style = document.styles[name]
        style.font.name = BODY_FONT
        style.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
        style.font.size = Pt(_HEADINGS[name][0])
        _set_east_asian_font(style, BODY_FONT)
    title = document.styles["Title"].element
    # The built-in Title has a heavy bottom border; a council agenda looks cleaner without it.
    ppr = title.find(_qn("w:pPr"))
    if ppr is not None and (border := ppr.find(_qn("w:pBdr"))) is not None:
        ppr.remove(border)
    for section in document.sections:
        # python-docx's blank document is US Letter; UK papers are printed on A4.
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _set_east_asian_font(style: BaseStyle, name: str) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attribute), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(_qn(theme), None)


def ensure_styles(document: Document) -> None:
    """Add Title, Heading 1–3 and the grid table style when a template does not have them."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    styles = document.styles
    for name, (size, outline) in _HEADINGS.items():
        if name in styles:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.next_paragraph_style = styles["Normal"]
        style.font.bold = True
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        if outline is not None:  # what makes it a heading for the navigation pane
            level = OxmlElement("w:outlineLvl")
            level.set(_qn("w:val"), str(outline))
            style.element.get_or_add_pPr().append(level)
    if TABLE_STYLE not in styles:
        _add_grid_table_style(document)


def _add_grid_table_style(document: Document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    style.element.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblBorders>{edges}</w:tblBorders>"
            '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
        )
    )


def repeat_header_row(row: _Row) -> None:
    """Mark a table row as the header Word repeats at the top of every page."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(_qn("w:val"), "true")
    tr_pr.append(header)


def keep_row_together(row: _Row) -> None:
    """Stop a row breaking across pages, so an item never starts at the foot of a page."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(_qn("w:val"), "true")
    tr_pr.insert(0, cant_split)


def keep_table_together(table: Table) -> None:
    """Keep a short table on one page (each row keeps with the next), so a list such as the
    apologies never leaves its last name alone overleaf."""
    for row in table.rows[:-1]:
        for paragraph in (p for cell in row.cells for p in cell.paragraphs):
            paragraph.paragraph_format.keep_with_next = True


def keep_last_row_with_next(table: Table) -> None:
    """Keep a table's last row on the page of the paragraph after it (a closing line)."""
    for paragraph in (p for cell in table.rows[-1].cells for p in cell.paragraphs):
        paragraph.paragraph_format.keep_with_next = True


def shade_cell(cell: _Cell, fill: str) -> None:
    """Give a cell a solid background (hex RGB such as ``D9E2F3``)."""
    from docx.oxml import OxmlElement

    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(_qn("w:val"), "clear")
    shading.set(_qn("w:color"), "auto")
    shading.set(_qn("w:fill"), fill)
    tc_pr.append(shading)


def fit_widths(document: Document, widths_cm: Sequence[float]) -> list[float]:
    """Scale column widths to the text width of the last section, so a table drawn for A4
    with 2.2 cm margins also fills a template's Letter page or wider margins exactly."""
    section = document.sections[-1]
    usable = (section.page_width - section.left_margin - section.right_margin) / 360000  # EMU
    scale = usable / sum(widths_cm)
    return [round(width * scale, 2) for width in widths_cm]


def set_column_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fix column widths; Word reads the cell widths, LibreOffice the grid, so set both.

    The cells are visited row by row: python-docx finds a column's cells by reading the
    whole table, so going column by column read a 60-row table once per column.
    """
    from docx.shared import Cm

    widths = [Cm(width) for width in widths_cm]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def grid_table(document: Document, headings: Sequence[str], widths_cm: Sequence[float]) -> Table:
    """A bordered table in the grid style whose shaded header row repeats on every page."""
    table = document.add_table(rows=1, cols=len(headings))
    table.style = document.styles[TABLE_STYLE]
    _cell_padding(table)
    header = table.rows[0]
    repeat_header_row(header)
    for cell, text in zip(header.cells, headings, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        shade_cell(cell, HEADER_FILL)
    set_column_widths(table, widths_cm)
    return table


# The order OOXML requires inside w:tblPr; Word rejects a file whose elements are out of it.
_TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)  # fmt: skip


def _table_property(table: Table, element: BaseOxmlElement) -> None:
    """Put a table property in its schema position, replacing any earlier one."""
    tbl_pr = table._tbl.tblPr
    tag = element.tag
    for existing in tbl_pr.findall(tag):
        tbl_pr.remove(existing)
    name = next(n for n in _TBLPR_ORDER if _qn(n) == tag)
    later = _TBLPR_ORDER[_TBLPR_ORDER.index(name) + 1 :]
    tbl_pr.insert_element_before(element, *later)


def _cell_padding(table: Table) -> None:
    """Breathing room above and below cell text; the grid style's default is cramped."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    margins = "".join(
        f'<w:{side} w:w="{width}" w:type="dxa"/>'
        for side, width in (("top", 57), ("left", 108), ("bottom", 57), ("right", 108))
    )
    _table_property(table, parse_xml(f"<w:tblCellMar {nsdecls('w')}>{margins}</w:tblCellMar>"))


def borderless_table(
    document: Document,
    rows: Sequence[tuple[str, str]],
    widths_cm: Sequence[float] = (3.5, 13.1),
    *,
    bold_labels: bool = True,
) -> Table:
    """Label/value pairs (Date, Time, Venue …) aligned in two columns without rules; with
    ``bold_labels`` off, a plain list such as the names and roles of those present."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    table = document.add_table(rows=0, cols=2)
    borders = "".join(
        f'<w:{edge} w:val="nil"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    _table_property(table, parse_xml(f"<w:tblBorders {nsdecls('w')}>{borders}</w:tblBorders>"))
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = bold_labels
        cells[1].paragraphs[0].add_run(value)
        for cell in cells:  # a list, single-spaced, as a council's minutes set it
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)
            cell.paragraphs[0].paragraph_format.line_spacing = 1.0
    set_column_widths(table, widths_cm)
    return table


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin/instruction/separate/result/end runs."""
    from docx.oxml import OxmlElement

    def char(kind: str) -> BaseOxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(_qn("w:fldCharType"), kind)
        return element

    instr = OxmlElement("w:instrText")
    instr.set(_qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    for part in (char("begin"), instr, char("separate")):
        paragraph.add_run()._r.append(part)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(char("end"))


def page_number_footer(section: Section, left_text: str = "") -> None:
    """Footer with an optional caption at the left margin and "Page X of Y" against the
    right margin, kept when a template already has its own footer text (its letterhead wins).

    The Footer style carries its own centre and right tab stops (python-docx's at Letter
    widths, a template's wherever it put them): the tab after the caption would stop at
    the first of those, mid-page in LibreOffice. So the paragraph clears every stop it
    inherits and keeps one right-aligned stop exactly at the text width.
    """
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Length, Pt

    footer = section.footer
    if any(p.text.strip() for p in footer.paragraphs) or footer.tables:
        return
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    width = Length(section.page_width - section.left_margin - section.right_margin)
    tab_stops = paragraph.paragraph_format.tab_stops
    for position in _inherited_tab_stops(paragraph):
        if position.twips != width.twips:
            tab_stops.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)
    tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(f"{left_text}\tPage ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")
    for run in paragraph.runs:
        run.font.size = Pt(9)


def _inherited_tab_stops(paragraph: Paragraph) -> list[Length]:
    """The positions of the tab stops a paragraph gets from its style and the styles that
    style is based on."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    positions: list[Length] = []
    style = paragraph.style
    while style is not None:
        positions += [
            stop.position
            for stop in style.paragraph_format.tab_stops
            if stop.alignment != WD_TAB_ALIGNMENT.CLEAR and stop.position not in positions
        ]
        style = style.base_style
    return positions


def set_core_properties(
    document: Document, *, title: str, author: str, subject: str, when: datetime
) -> None:
    """Describe the document truthfully and drop whatever the template said about itself.

    python-docx leaves ``modified`` as the template's date, so both dates are set here; it
    also writes any datetime as UTC without converting it, so ``when`` is converted first
    (a naive value is taken as local time).
    """
    when = when.astimezone(UTC)
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = author
    properties.last_modified_by = author
    properties.created = when
    properties.modified = when
    properties.revision = 1
    for name in ("keywords", "comments", "category", "content_status", "identifier"):
        setattr(properties, name, "")
    properties.version = ""


def finish_document(
    document: Document, *, caption: str, title: str, author: str, subject: str, when: datetime
) -> None:
    """What every export does last: the page-numbered footer with ``caption`` on the last
    section, and the document's own description, so no export forgets either."""
    page_number_footer(document.sections[-1], caption)
    set_core_properties(document, title=title, author=author, subject=subject, when=when)


def document_bytes(document: Document) -> bytes:
    """The finished .docx as bytes, for attaching to an email or writing to disk."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save_document(document: Document, path: Path) -> Path:
    """Write the document without ever leaving a half-written file at ``path``."""
    return write_atomically(path, document_bytes(document))
