"""The Word minutes, read back with python-docx and, for the public version, byte by byte."""

from __future__ import annotations

import zipfile
from collections import Counter
from datetime import UTC, date, datetime, time

import docx
import pytest
from sqlalchemy import select

from agenda_builders import SECRET_TEXTS, build_meeting
from boardroom.cli import main
from boardroom.docx_support import save_document
from boardroom.minutes_docx import (
    ACTIONS_ARISING,
    ACTIONS_REVIEWED,
    APOLOGIES,
    CONFIDENTIAL_NOTE,
    OFFICERS,
    PRESENT,
    build_minutes,
)
from boardroom.services.meetings import find_meeting
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    Meeting,
    Minute,
    Person,
    PlanItem,
    Resolution,
)

NOW = datetime(2016, 9, 20, 10, 0, tzinfo=UTC)
# What the minutes of the exempt items say; none of it may reach the public version.
MINUTE_SECRETS = (
    "The interim director will be paid from reserves",
    "the restructure proceed in October",
    "Brief the unions before the announcement",
    "Partner employed by the preferred bidder",
    "Counsel's opinion received and noted",
)


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _export(database, meeting_id, path, **options):
    with database.sessions() as session:
        save_document(build_minutes(session, meeting_id, now=NOW, **options), path)
    return docx.Document(str(path))


def _demo_meeting(database, day: str) -> int:
    with database.sessions() as session:
        return find_meeting(session, day).id


def _list_after(document, heading: str) -> list[list[str]]:
    """The borderless table that follows a heading such as "Present"."""
    body = list(document.element.body)
    tables = {table._tbl: table for table in document.tables}
    for index, element in enumerate(body):
        if element.xpath("string(.)") == heading and element.tag.endswith("}p"):
            return _rows(tables[body[index + 1]])
    raise AssertionError(f"no {heading!r} heading")


def _headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_the_demo_minutes_read_like_the_original(demo_database, tmp_path):
    meeting_id = _demo_meeting(demo_database, "2016-09-13")
    document = _export(demo_database, meeting_id, tmp_path / "minutes.docx")

    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Wirral Improvement Board"
    assert "Minutes of the meeting held on Tuesday 13 September 2016" in texts
    present = _list_after(document, PRESENT)
    assert present[0] == ["Eric Robinson", "Chief Executive, Chair"]
    assert ["Cllr Phil Gilchrist", "Liberal Democrat Leader"] in present
    assert ["Ian Hassall", "Area Commander – Wirral, Merseyside Police"] in present
    assert len(present) == 10
    present_table = next(t for t in document.tables if t.cell(0, 0).text == "Eric Robinson")
    first, last = present_table.rows[0], present_table.rows[-1]
    assert first.cells[0].paragraphs[0].paragraph_format.keep_with_next  # listed on one page
    assert not last.cells[0].paragraphs[0].paragraph_format.keep_with_next
    assert not first.cells[0].paragraphs[0].runs[0].bold  # names plain, as in the original
    officers = _list_after(document, OFFICERS)
    assert officers[0] == ["Julia Hassall", "Director of Children’s Services"]
    assert [name for name, _role in officers][-1] == "Kevin MacCallum"
    assert _list_after(document, APOLOGIES) == [
        ["Cllr Tony Smith", "Cabinet Member for Children and Family Services"],
        ["Lisa Cooper", "Deputy Director Quality and Safeguarding, NHS England"],
    ]
    assert _headings(document) == [
        "Minutes of the meeting held on Tuesday 13 September 2016",
        PRESENT,
        OFFICERS,
        APOLOGIES,
        "1. Welcome and Introductions",
        "2. Ofsted findings and key recommendations",
        "3. Terms of Reference",
        "4. Next Steps",
        "5. Key Dates",
        ACTIONS_ARISING,
    ]
    # Notes: paragraphs and an italic sub-heading.
    subheading = next(
        p for p in document.paragraphs if p.text.startswith("Questions from the Board f")
    )
    assert subheading.runs[0].italic
    assert any(
        p.text.startswith("Cllr Phil Gilchrist – in preparation") for p in document.paragraphs
    )
    # The Terms of Reference as the original minutes them: the two paragraphs of notes, then
    # the action agreed, said once (no resolution or "Action:" line repeating them).
    start, end = texts.index("3. Terms of Reference"), texts.index("4. Next Steps")
    assert texts[start + 1 : end] == [
        "Eric Robinson asked that members of the Board consider the terms of reference and "
        "asked for comments.",
        "It was confirmed that the Improvement Board would also oversee the Improvement of the "
        "LSCB.",
        "Action IB-2016-01: Circulate an amended version of the Terms of Reference, to be "
        "agreed at the next meeting — Matthew Humble; due Tue 11 Oct 2016.",
    ]
    action = document.paragraphs[end - 1]
    assert action.runs[0].bold and action.runs[0].text == "Action IB-2016-01:"
    assert not [text for text in texts if "resolved" in text.casefold()]
    said = Counter(text for text in texts if text)
    assert [text for text, times in said.items() if times > 1] == [], "nothing said twice"
    # The Key Dates lines in the notes became a table with a header row, kept on one page
    # with its heading.
    key_dates = next(t for t in document.tables if t.rows[0].cells[0].text == "DATE")
    assert _rows(key_dates)[:2] == [
        ["DATE", "ACTION"],
        ["20 September", "9.30am – Ofsted publish findings"],
    ]
    assert key_dates.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    kept = [row.cells[0].paragraphs[0].paragraph_format.keep_with_next for row in key_dates.rows]
    assert kept == [True] * (len(kept) - 1) + [None]
    # The closing table of actions and the time the meeting closed.
    actions = document.tables[-1]
    assert _rows(actions)[0] == ["Ref", "Action", "Owner", "Due", "Plan items"]
    assert _rows(actions)[1][0] == "IB-2016-01"
    assert _rows(actions)[1][2:4] == ["Matthew Humble", "Tue 11 Oct 2016"]
    assert texts[-1] == "The meeting closed at 16:05."


def test_the_actions_agreed_name_the_plan_items_they_serve(demo_database, tmp_path):
    meeting_id = _demo_meeting(demo_database, "2016-09-13")
    with demo_database.transaction() as session:
        action = session.scalars(
            select(ActionPoint).where(ActionPoint.reference == "IB-2016-01")
        ).one()
        wanted = session.scalars(select(PlanItem).where(PlanItem.number.in_(["1.1", "1.3"]))).all()
        action.plan_items = list(wanted)
    document = _export(demo_database, meeting_id, tmp_path / "minutes.docx")
    actions = document.tables[-1]
    assert _rows(actions)[1][0] == "IB-2016-01"
    assert _rows(actions)[1][4] == "1.1, 1.3"


def test_the_minutes_have_page_numbers_and_describe_themselves(demo_database, tmp_path):
    meeting_id = _demo_meeting(demo_database, "2016-09-13")
    document = _export(demo_database, meeting_id, tmp_path / "minutes.docx")
    footer = document.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    properties = document.core_properties
    assert properties.title == "Wirral Improvement Board — Minutes — Tuesday 13 September 2016"
    assert properties.author == "Wirral Improvement Board"
    assert properties.created == NOW


def test_a_deputy_is_present_for_the_member_who_sent_apologies(demo_database, tmp_path):
    meeting_id = _demo_meeting(demo_database, "2019-11-19")
    document = _export(demo_database, meeting_id, tmp_path / "minutes.docx")
    present = _list_after(document, PRESENT)
    assert ["Simone White (for Julia Hassall)", "Deputy Director Children's Social Care"] in present
    apologies = _list_after(document, APOLOGIES)
    assert [
        "Julia Hassall",
        "Director of Children’s Services (represented by Simone White)",
    ] in apologies
    assert "Mike Forber" not in {name for name, _role in present + apologies}  # absent
    declaration = next(p for p in document.paragraphs if p.text.startswith("Declaration of"))
    assert "Lisa Ayling — Personal interest in item 8" in declaration.text


@pytest.fixture
def minuted(database, tmp_path):
    """The agenda builders' meeting with minutes on its public and its exempt items."""
    built = build_meeting(database, tmp_path)
    with database.transaction() as session:
        meeting = session.get(Meeting, built.meeting_id)
        items = {item.title: item for item in meeting.agenda_items}
        people = {p.name: p for p in session.scalars(select(Person))}
        meeting.closed_at = time(15, 55)
        meeting.attendance = [
            Attendance(person=people["Eric Robinson"], status=AttendanceStatus.PRESENT),
            Attendance(
                person=people["Phil Gilchrist"],
                status=AttendanceStatus.PRESENT,
                arrived_at=time(14, 20),
            ),
            Attendance(person=people["Julia Hassall"], status=AttendanceStatus.IN_ATTENDANCE),
        ]
        exempt = items["Staffing restructure"]
        sub_item = items["Interim director appointment"]
        terms = items["Terms of Reference"]
        exempt.minute = Minute(notes="Staffing was discussed in private.")
        sub_item.minute = Minute(notes=MINUTE_SECRETS[0])
        exempt.resolutions = [Resolution(position=0, text=f"That {MINUTE_SECRETS[1]}.")]
        terms.minute = Minute(notes="The terms were agreed.")
        terms.resolutions = [Resolution(position=0, text="That the terms be agreed.")]
        lscb = items["Findings for the LSCB"]
        lscb.minute = Minute(
            notes="The Board discussed the LSCB findings.\n\n"
            "Action: Agreed that the chair writes to the LSCB's independent chair."
        )
        lscb.resolutions = [
            Resolution(position=0, text="That the Board noted the findings."),
            Resolution(position=1, text="That the LSCB report to the next meeting."),
        ]
        meeting.declarations.append(
            Declaration(
                person=people["Eric Robinson"], agenda_item=exempt, interest=MINUTE_SECRETS[3]
            )
        )
        board = meeting.board
        session.add_all(
            [
                ActionPoint(
                    board=board, reference="IB-2016-03", year=2016, sequence=3,
                    description=MINUTE_SECRETS[2], owner=people["Julia Hassall"],
                    due_date=date(2016, 9, 30), origin_meeting=meeting, origin_item=sub_item,
                ),
                ActionPoint(
                    board=board, reference="IB-2016-04", year=2016, sequence=4,
                    description="Publish the agreed terms", owner=people["Matthew Humble"],
                    due_date=date(2016, 9, 23), origin_meeting=meeting, origin_item=terms,
                ),
            ]
        )  # fmt: skip
        actions = {a.reference: a for a in session.scalars(select(ActionPoint))}
        session.add_all(
            [
                ActionUpdate(
                    action=actions["IB-2016-01"], on_date=date(2016, 9, 13), meeting=meeting,
                    text="Letter circulated on 2 September.",
                    status_from=ActionStatus.OPEN, status_to=ActionStatus.DONE,
                ),
                ActionUpdate(
                    action=actions["IB-2016-02"], on_date=date(2016, 9, 13), meeting=meeting,
                    text=MINUTE_SECRETS[4],
                ),
            ]
        )  # fmt: skip
        session.flush()
    return built


def test_items_keep_their_agenda_numbers_and_exempt_ones_are_marked(database, minuted, tmp_path):
    document = _export(database, minuted.meeting_id, tmp_path / "members.docx")
    headings = _headings(document)
    assert headings[headings.index(PRESENT) + 2 :] == [
        "1. Welcome and apologies",
        "2. Action log review",
        "3. Ofsted findings",
        "3.1 Findings for the Council",
        "3.2 Findings for the LSCB",
        "4. Staffing restructure",
        "4.1 Interim director appointment",
        "5. Terms of Reference",
        "6. Any other business",
        ACTIONS_ARISING,
        ACTIONS_REVIEWED,
    ]
    texts = [p.text for p in document.paragraphs]
    assert texts.count(CONFIDENTIAL_NOTE) == 2  # the exempt item and its sub-item
    assert _list_after(document, PRESENT) == [
        ["Eric Robinson", "Chair"],
        ["Cllr Phil Gilchrist (arrived 14:20)", ""],
    ]
    arising, reviewed = document.tables[-2:]
    assert [row[0] for row in _rows(arising)[1:]] == ["IB-2016-03", "IB-2016-04"]
    assert _rows(reviewed)[0] == ["Ref", "Action", "Owner", "Status", "Note"]
    assert _rows(reviewed)[1] == [
        "IB-2016-01",
        "Circulate the Ofsted letter to all members",
        "Julia Hassall",
        "Done",
        "Letter circulated on 2 September.",
    ]
    assert _rows(reviewed)[2][3] == "No change"
    action = next(p for p in document.paragraphs if p.text.startswith("Action IB-2016-04:"))
    assert action.text.endswith("Publish the agreed terms — Matthew Humble; due Fri 23 Sep 2016.")
    # One resolution reads "It was resolved that …", as the Board's own minutes put it;
    # several "Resolved –" and each numbered under it, as the council sets them.
    assert "It was resolved that the terms be agreed." in texts
    resolved = texts.index("Resolved –")
    assert texts[resolved + 1 : resolved + 3] == [
        "(1)\tThat the Board noted the findings.",
        "(2)\tThat the LSCB report to the next meeting.",
    ]
    assert (
        texts.index("3.2 Findings for the LSCB") < resolved < texts.index("4. Staffing restructure")
    )
    # A line the clerk typed as "Action: …" in the notes gets a bold label.
    typed = next(p for p in document.paragraphs if p.text.startswith("Action: Agreed"))
    assert typed.runs[0].bold and typed.runs[0].text == "Action:"
    assert texts[-1] == "The meeting closed at 15:55."


def test_the_public_minutes_leave_no_trace_of_confidential_items(database, minuted, tmp_path):
    path = tmp_path / "public.docx"
    document = _export(database, minuted.meeting_id, path, public=True)
    headings = _headings(document)
    assert "4. Staffing restructure" not in headings
    assert "5. Terms of Reference" in headings  # numbers stay those of the agenda
    arising, reviewed = document.tables[-2:]
    assert [row[0] for row in _rows(arising)[1:]] == ["IB-2016-04"]
    assert [row[0] for row in _rows(reviewed)[1:]] == ["IB-2016-01"]
    secrets = (*SECRET_TEXTS, *MINUTE_SECRETS, "IB-2016-02", "IB-2016-03", CONFIDENTIAL_NOTE)
    with zipfile.ZipFile(path) as archive:
        parts = [name for name in archive.namelist() if name.endswith((".xml", ".rels"))]
        assert {"word/document.xml", "docProps/core.xml", "word/footer1.xml"} <= set(parts)
        for name in parts:
            text = archive.read(name).decode("utf-8")
            for secret in secrets:
                assert secret not in text, f"{secret!r} leaked into {name}"
    assert "public version" in document.core_properties.subject


def test_the_members_minutes_hold_what_the_public_ones_hide(database, minuted, tmp_path):
    path = tmp_path / "members.docx"
    _export(database, minuted.meeting_id, path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    assert all(secret in xml for secret in MINUTE_SECRETS)


def test_a_notes_table_may_sit_between_paragraphs(database, minuted, tmp_path):
    with database.transaction() as session:
        item = session.scalars(select(AgendaItem).where(AgendaItem.title == "Any other business"))
        item.one().minute = Minute(
            notes="Dates agreed:\nWhen\tWhat\tWho\n1 Oct\tVisit\tJH\n2 Oct\tReport\nAll noted."
        )
    document = _export(database, minuted.meeting_id, tmp_path / "minutes.docx")
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "When")
    assert _rows(table) == [
        ["When", "What", "Who"],
        ["1 Oct", "Visit", "JH"],
        ["2 Oct", "Report", ""],
    ]
    texts = [p.text for p in document.paragraphs]
    assert "Dates agreed:" in texts and "All noted." in texts
    body = list(document.element.body)
    before = next(p for p in document.paragraphs if p.text == "Dates agreed:")._p
    after = next(p for p in document.paragraphs if p.text == "All noted.")._p
    assert body.index(before) < body.index(table._tbl) < body.index(after)


def test_the_command_line_writes_the_minutes(demo_database, database_url, tmp_path, capsys):
    out = tmp_path / "cli.docx"
    args = ["--database", database_url, "export", "minutes", "2016-09-13", "--out", str(out)]
    assert main(args) == 0
    assert "Wrote the minutes of Tue 13 Sep 2016" in capsys.readouterr().out
    assert "5. Key Dates" in [p.text for p in docx.Document(str(out)).paragraphs]
    assert main([*args[:-2], "--public", "--out", str(tmp_path / "public.docx")]) == 0
    assert "public minutes" in capsys.readouterr().out
    missing = ["--database", database_url, "export", "minutes", "2030-01-01", "--out", str(out)]
    assert main(missing) == 1
    assert "There is no meeting on" in capsys.readouterr().err
