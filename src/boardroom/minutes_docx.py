"""The Word minutes, in the house style of a council board's minutes.

Board and date at the top; who was present (name and role, the chair marked), the officers
in attendance and the apologies as plain two-column lists; then each item under its agenda
number with the clerk's notes, the resolutions and the actions agreed; a closing table of
the actions arising and of the actions reviewed at the meeting, and the time it closed.

The public version leaves confidential (exempt) items out completely — their headings,
notes, resolutions, declarations and actions, in the body and in the document properties —
so it can go on the website as it is. Item numbers stay those of the agenda.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from boardroom import docx_support
from boardroom.agenda_docx import finish_meeting_document, long_date
from boardroom.dates import format_date
from boardroom.services.agenda import is_exempt, timetable
from boardroom.services.attendance import register
from boardroom.services.live_minutes import ReviewLine, actions_reviewed
from boardroom.services.meetings import MINUTED_ACTIONS, MINUTES_RECORD, actions_from, get_meeting
from boardroom.services.resolutions import minuted_wording
from boardroom.services.timetable import AgendaLine
from boardroom.storage.models import (
    ActionPoint,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    Meeting,
    MeetingStatus,
    Person,
    Role,
    StandingKind,
)

if TYPE_CHECKING:
    from docx.document import Document

PRESENT = "Present"
OFFICERS = "Officers in Attendance"
GUESTS = "Also in Attendance"
APOLOGIES = "Apologies"
DECLARATIONS = "Declarations of interest"
ACTIONS_ARISING = "Actions arising"
ACTIONS_REVIEWED = "Actions reviewed"
ARISING_COLUMNS = ("Ref", "Action", "Owner", "Due", "Plan items")
ARISING_WIDTHS_CM = (2.2, 6.4, 3.2, 3.1, 1.7)  # 16.6 cm: A4 within 2.2 cm margins
REVIEWED_COLUMNS = ("Ref", "Action", "Owner", "Status", "Note")
REVIEWED_WIDTHS_CM = (2.2, 4.5, 2.8, 2.3, 4.8)
NAME_WIDTHS_CM = (6.0, 10.6)
CONFIDENTIAL_NOTE = "Confidential — exempt information, not for publication."
# Seats whose holders the minutes list as officers in attendance, not as members present.
_OFFICER_SEATS = (Role.OFFICER.label, Role.SECRETARY.label)

# A short line standing alone without closing punctuation is a sub-heading in the notes
# ("Questions from the Board following the 19 Ofsted recommendations for the Council").
_SUBHEADING_MAX = 120
_SHORT_TABLE_ROWS = 15  # a table of notes this short is kept on one page
_ACTION_LINE = re.compile(r"^action\s*:\s*", re.IGNORECASE)
Speakers = tuple[str, ...]  # names followed by a space, for str.startswith
_ATTRIBUTED = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3} [–-] ")  # "Cllr Jo Bloggs – "


@dataclass(frozen=True)
class _Entry:
    line: AgendaLine
    item: AgendaItem
    confidential: bool


def minutes_title(meeting: Meeting) -> str:
    return f"{meeting.board.name} — Minutes — {long_date(meeting.starts_at)}"


def _entries(meeting: Meeting, public: bool) -> list[_Entry]:
    """The items in agenda order; a confidential item makes its sub-items confidential, and
    the public version leaves them all out."""
    items = {item.id: item for item in meeting.agenda_items}
    exempt: set[int] = set()
    entries = []
    for line in timetable(meeting).lines:
        item = items[line.item_id]
        if item.confidential or item.parent_id in exempt:
            exempt.add(item.id)
        if not (public and item.id in exempt):
            entries.append(_Entry(line, item, item.id in exempt))
    return entries


# --- attendance -------------------------------------------------------------------------


def _home_organisation(people: list[Person]) -> str:
    """The organisation most of those listed belong to goes without saying, as in a
    council's own minutes ("Director of Children's Services", not "…, Wirral Council")."""
    counts = Counter(person.organisation for person in people if person.organisation)
    if not counts:
        return ""
    organisation, count = counts.most_common(1)[0]
    return organisation if count > 1 else ""


def _role(person: Person, home: str) -> str:
    parts = [person.job_title]
    organisation = person.organisation
    if (
        organisation
        and organisation != home
        and organisation.lower() not in person.job_title.lower()
    ):
        parts.append(organisation)
    return ", ".join(part for part in parts if part)


def _with_capacity(role: str, capacity: str) -> str:
    """ "Chief Executive, Chair": the capacity in which someone sat, after their post."""
    if not capacity or capacity.lower() in role.lower():
        return role
    return f"{role}, {capacity}" if role else capacity


def _timing(record: Attendance) -> str:
    """ " (arrived 14:20)", " (left 15:30)": part-attendance, which a quorum may turn on."""
    notes = []
    if record.arrived_at:
        notes.append(f"arrived {record.arrived_at:%H:%M}")
    if record.left_at:
        notes.append(f"left {record.left_at:%H:%M}")
    return f" ({', '.join(notes)})" if notes else ""


def attendance_lists(session: Session, meeting: Meeting) -> dict[str, list[tuple[str, str]]]:
    """Name/role pairs under Present, Officers in Attendance, Also in Attendance and
    Apologies: the chair first, then in the order the register was taken. A deputy is listed
    as present "for" the member, and the member under apologies "represented by" the
    deputy; absentees are not listed."""
    seats = {line.person_id: line.role for line in register(session, meeting.id)}
    chairs = (Role.CHAIR.label, Role.VICE_CHAIR.label)
    records = sorted(
        meeting.attendance,
        key=lambda r: (chairs.index(c) if (c := seats.get(r.person_id)) in chairs else 2, r.id),
    )
    people = [r.person for r in records] + [r.deputy for r in records if r.deputy is not None]
    home = _home_organisation(people)
    lists: dict[str, list[tuple[str, str]]] = {PRESENT: [], OFFICERS: [], GUESTS: [], APOLOGIES: []}
    for record in records:
        person, status = record.person, record.status
        role = _role(person, home)
        name = f"{person.display_name}{_timing(record)}"
        if status is AttendanceStatus.DEPUTY and record.deputy is not None:
            deputy = record.deputy.display_name
            present = f"{deputy} (for {person.display_name}){_timing(record)}"
            lists[PRESENT].append((present, _role(record.deputy, home)))
            lists[APOLOGIES].append((person.display_name, f"{role} (represented by {deputy})"))
        elif status in (AttendanceStatus.APOLOGIES, AttendanceStatus.DEPUTY):
            lists[APOLOGIES].append((person.display_name, role))
        elif status is AttendanceStatus.PRESENT:
            # The register stamps each seat's role as the capacity; the minutes name only
            # the chair's, or a capacity that says something the role does not.
            seat = seats.get(person.id, "")
            capacity = seat if seat in chairs else record.capacity
            capacity = "" if capacity == seat and seat not in chairs else capacity
            heading = OFFICERS if seat in _OFFICER_SEATS else PRESENT
            lists[heading].append((name, _with_capacity(role, capacity)))
        elif status is AttendanceStatus.IN_ATTENDANCE:
            lists[OFFICERS].append((name, _with_capacity(role, record.capacity)))
        elif status is AttendanceStatus.GUEST:
            lists[GUESTS].append((name, _with_capacity(role, record.capacity)))
    return lists


# --- notes ------------------------------------------------------------------------------


def _blocks(notes: str) -> list[list[str]]:
    """Paragraphs (separated by blank lines), each as its lines."""
    text = notes.replace("\r\n", "\n").replace("\r", "\n").strip()
    return [block.split("\n") for block in re.split(r"\n\s*\n", text) if block.strip()]


def _is_subheading(lines: list[str], following: str, speakers: Speakers) -> bool:
    """A short line standing alone, without closing punctuation — or ending in a full stop
    but introducing remarks attributed by name, as "Questions from the Board in relation to
    the 7 Recommendations for the LSCB." introduces "Cllr Phil Gilchrist – …".

    A line that starts with someone's name ("Julia Hassall reported that …") is what they
    said, never a heading, however short; so is a full sentence about "The Board …"."""
    line = lines[0].strip()
    if (
        len(lines) != 1
        or len(line) > _SUBHEADING_MAX
        or not line[:1].isupper()
        or " – " in line
        or _ACTION_LINE.match(line)
        or line.startswith(speakers)
    ):
        return False
    if line[-1] not in ".?!:;,":
        return True
    return (
        line.endswith(".")
        and ". " not in line
        and not line.startswith("The ")
        and bool(_ATTRIBUTED.match(following))
    )


def speakers_of(meeting: Meeting) -> Speakers:
    """The names a paragraph of notes may start with: everyone on the register and their
    deputies, as "Julia Hassall", "Cllr Phil Gilchrist" and "Cllr Gilchrist"."""
    people = [record.person for record in meeting.attendance]
    people += [record.deputy for record in meeting.attendance if record.deputy is not None]
    names: set[str] = set()
    for person in people:
        names.update((person.name, person.display_name))
        if person.title and " " in person.name:
            names.add(f"{person.title} {person.name.split()[-1]}")
    return tuple(f"{name} " for name in sorted(names) if name)


def _notes_table(document: Document, rows: list[list[str]]) -> None:
    """Tab-separated lines as a real table; the first line is its header row. A short one
    (the Key Dates) stays on one page with the heading above it, rather than leaving its
    header and one row at the foot of a page."""
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    weights = [min(max(max(len(row[c]) for row in rows), 8), 60) for c in range(columns)]
    widths = docx_support.fit_widths(document, weights)
    table = docx_support.grid_table(document, [cell.strip() for cell in rows[0]], widths)
    for row in rows[1:]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text.strip()
    docx_support.set_column_widths(table, widths)
    if len(rows) <= _SHORT_TABLE_ROWS:
        docx_support.keep_table_together(table)
    document.add_paragraph()  # a table has no space after it; this keeps the text off its rule


def _action_paragraph(document: Document, label: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(f" {text}")


def _text(document: Document, lines: list[str], following: str, speakers: Speakers) -> None:
    from docx.shared import Pt

    text = "\n".join(line.strip() for line in lines)
    if action := _ACTION_LINE.match(text):
        _action_paragraph(document, "Action:", text[action.end() :])
    elif _is_subheading(lines, following, speakers):
        paragraph = document.add_paragraph()
        paragraph.add_run(text).italic = True
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
    else:
        document.add_paragraph(text)


def _notes(document: Document, notes: str, speakers: Speakers) -> None:
    """The clerk's notes: paragraphs, italic sub-headings, bold "Action:" labels, and any run
    of tab-separated lines as a table."""
    blocks = _blocks(notes)
    for index, lines in enumerate(blocks):
        following = blocks[index + 1][0] if index + 1 < len(blocks) else ""
        for tabular, group in groupby(lines, key=lambda line: "\t" in line):
            if tabular:
                _notes_table(document, [line.split("\t") for line in group])
            else:
                _text(document, list(group), following, speakers)


# --- items ------------------------------------------------------------------------------


def _owner(action: ActionPoint) -> str:
    return action.owner.display_name if action.owner else "No owner"


def _item(
    document: Document, entry: _Entry, declarations: list[Declaration], speakers: Speakers
) -> None:
    item, line = entry.item, entry.line
    number = f"{line.number}." if line.depth == 0 else line.number
    document.add_heading(f"{number} {item.title}", level=2 if line.depth == 0 else 3)
    if entry.confidential:
        document.add_paragraph().add_run(CONFIDENTIAL_NOTE).italic = True
    for declaration in declarations:
        paragraph = document.add_paragraph()
        paragraph.add_run("Declaration of interest:").bold = True
        paragraph.add_run(f" {declaration.person.display_name} — {declaration.interest}")
    if item.minute is not None and item.minute.notes.strip():
        _notes(document, item.minute.notes, speakers)
    if item.resolutions:
        _resolutions(document, [resolution.text for resolution in item.resolutions])
    for action in sorted(item.actions, key=lambda a: (a.year, a.sequence)):
        due = f"; due {format_date(action.due_date)}" if action.due_date else ""
        _action_paragraph(
            document,
            f"Action {action.reference}:",
            f"{action.description} — {_owner(action)}{due}.",
        )


def _resolutions(document: Document, texts: list[str]) -> None:
    """ "It was resolved that …" for one; "Resolved –" and a hanging "(1) That …" for each of
    several, as the council's own minutes set them."""
    from docx.shared import Cm

    lead, lines = minuted_wording(texts)
    if lead:
        document.add_paragraph().add_run(lead).bold = True
    for line in lines:
        number, _space, text = line.partition(" ")
        if lead:
            paragraph = document.add_paragraph(f"{number}\t{text}")
            paragraph.paragraph_format.left_indent = Cm(1.0)
            paragraph.paragraph_format.first_line_indent = Cm(-1.0)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
        else:
            document.add_paragraph(line)


def _declarations(meeting: Meeting, entries: list[_Entry]) -> dict[int | None, list[Declaration]]:
    """Declarations by the item they go under: their own item, else the "Declarations of
    interest" item; ``None`` when the agenda has neither (they get their own heading)."""
    shown = {entry.item.id for entry in entries}
    standing = next(
        (e.item.id for e in entries if e.item.standing is StandingKind.DECLARATIONS), None
    )
    placed: dict[int | None, list[Declaration]] = {}
    for declaration in meeting.declarations:
        item_id = declaration.agenda_item_id
        if item_id is not None and item_id not in shown:
            continue  # under an item the public version leaves out
        placed.setdefault(item_id if item_id is not None else standing, []).append(declaration)
    return placed


# --- actions ----------------------------------------------------------------------------


def _exempt_origin(action: ActionPoint) -> bool:
    """Raised under a confidential item (or a sub-item of one): its wording may be exempt."""
    return action.origin_item is not None and is_exempt(action.origin_item)


def _actions_arising(document: Document, actions: list[ActionPoint]) -> None:
    document.add_heading(ACTIONS_ARISING, level=2)
    widths = docx_support.fit_widths(document, ARISING_WIDTHS_CM)
    table = docx_support.grid_table(document, ARISING_COLUMNS, widths)
    for action in actions:
        cells = table.add_row().cells
        docx_support.keep_row_together(table.rows[-1])
        values = (
            action.reference,
            action.description,
            _owner(action),
            format_date(action.due_date),
            ", ".join(item.number for item in action.plan_items),
        )
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    docx_support.set_column_widths(table, widths)


def _reviews(session: Session, meeting: Meeting, public: bool) -> list[ReviewLine]:
    """The actions this meeting reviewed, one row each however often it came back to one."""
    return [
        line
        for line in actions_reviewed(session, meeting)
        if not (public and _exempt_origin(session.get_one(ActionPoint, line.action_id)))
    ]


def _actions_reviewed(document: Document, lines: list[ReviewLine]) -> None:
    document.add_heading(ACTIONS_REVIEWED, level=2)
    widths = docx_support.fit_widths(document, REVIEWED_WIDTHS_CM)
    table = docx_support.grid_table(document, REVIEWED_COLUMNS, widths)
    for line in lines:
        cells = table.add_row().cells
        docx_support.keep_row_together(table.rows[-1])
        status = line.status_set.label if line.status_set else "No change"
        values = (line.reference, line.description, line.owner or "No owner", status, line.note)
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    docx_support.set_column_widths(table, widths)


def _small_table_text(document: Document) -> None:
    """10 pt in the grid tables, as in the agenda; the attendance lists keep body size."""
    from docx.shared import Pt

    for table in document.tables:
        if table.style is None or table.style.name != docx_support.TABLE_STYLE:
            continue
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        if run.font.size is None:
                            run.font.size = Pt(10)


# --- the document -----------------------------------------------------------------------


def _heading_block(session: Session, document: Document, meeting: Meeting) -> None:
    from docx.shared import Pt

    document.add_paragraph(meeting.board.name, style="Title")
    document.add_heading(f"Minutes of the meeting held on {long_date(meeting.starts_at)}", 1)
    details = [("Time", f"{meeting.starts_at:%H:%M}")]
    if meeting.closed_at:
        details[0] = ("Time", f"{meeting.starts_at:%H:%M} – {meeting.closed_at:%H:%M}")
    if meeting.venue:
        details.append(("Venue", meeting.venue))
    docx_support.borderless_table(document, details, docx_support.fit_widths(document, (3.5, 13.1)))
    if meeting.minutes_approved_on:
        standing = f"Approved as a correct record on {format_date(meeting.minutes_approved_on)}."
    elif meeting.minutes_locked or meeting.status is MeetingStatus.MINUTES_APPROVED:
        standing = "Approved as a correct record."
    else:
        standing = "Draft — subject to approval by the Board."
    note = document.add_paragraph()
    note.add_run(standing).italic = True
    note.paragraph_format.space_before = Pt(6)
    widths = docx_support.fit_widths(document, NAME_WIDTHS_CM)
    for heading, rows in attendance_lists(session, meeting).items():
        if rows:
            document.add_heading(heading, level=2)
            table = docx_support.borderless_table(document, rows, widths, bold_labels=False)
            docx_support.keep_table_together(table)


def build_minutes(
    session: Session,
    meeting_id: int,
    *,
    public: bool = False,
    template: Path | None = None,
    author: str = "",
    now: datetime | None = None,
) -> Document:
    """The minutes as a python-docx document (call ``docx_support.save_document`` to write)."""
    from docx.shared import Pt

    meeting = get_meeting(session, meeting_id, *MINUTES_RECORD)
    document = docx_support.new_document(template)
    entries = _entries(meeting, public)
    declarations = _declarations(meeting, entries)

    _heading_block(session, document, meeting)
    if None in declarations:
        document.add_heading(DECLARATIONS, level=2)
        for declaration in declarations[None]:
            document.add_paragraph(f"{declaration.person.display_name} — {declaration.interest}")
    if not entries:
        document.add_paragraph("No items were minuted.")
    speakers = speakers_of(meeting)
    for entry in entries:
        _item(document, entry, declarations.get(entry.item.id, []), speakers)

    arising = [
        a
        for a in actions_from(session, meeting.id, *MINUTED_ACTIONS)
        if not (public and _exempt_origin(a))
    ]
    if arising:
        _actions_arising(document, arising)
    if reviewed := _reviews(session, meeting, public):
        _actions_reviewed(document, reviewed)
    if meeting.closed_at:
        if arising or reviewed:  # the closing line never alone at the top of a page
            docx_support.keep_last_row_with_next(document.tables[-1])
        closing = document.add_paragraph(f"The meeting closed at {meeting.closed_at:%H:%M}.")
        closing.paragraph_format.space_before = Pt(12)
    _small_table_text(document)

    finish_meeting_document(
        document, meeting, "minutes", minutes_title(meeting), author, public=public, now=now
    )
    return document


def export_minutes(
    session: Session,
    meeting_id: int,
    out: Path,
    *,
    public: bool = False,
    template: Path | None = None,
    author: str = "",
) -> Path:
    """Write the Word minutes to ``out`` (replacing it only once it is complete)."""
    document = build_minutes(session, meeting_id, public=public, template=template, author=author)
    return docx_support.save_document(document, out)
