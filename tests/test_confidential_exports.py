"""Nothing of a confidential (exempt) item leaves Boardroom in a file meant for others.

One meeting holds exempt business everywhere it can be written: the item's title,
description and presenter, a sub-item, notes, a resolution, a declaration, papers, actions
raised under the item and under its sub-item, a progress note reviewed at the meeting and an
open action raised under an exempt item of the previous meeting. Each place carries its own
marker word, so a failure names exactly what leaked and where.

Every public export is then made the way a clerk makes it, from the command line — the
public agenda and minutes, the calendar invite, the circulation email draft, the public
action log (``--public``) in Word, CSV and Excel — and every byte a reader could see is
searched: each part of a Word or Excel file (body, headers, footers, comments, core and app
properties, relationships), every property of the invite, every header, body, attachment
and attachment name of the email, every cell, and the names of the files written.

The one deliberate exception is the circulation email's copy of the agenda: it is the
members' version, with Part 2, because the members are entitled to the exempt papers (see
the README). The email itself — subject, text, HTML, invite, attachment names — stays clean,
so it can be previewed, filed or forwarded without giving the exempt business away.
"""

from __future__ import annotations

import csv
import email
import io
import zipfile
from datetime import date, datetime
from email import policy
from pathlib import Path

import docx
import icalendar
import openpyxl
import pytest

from boardroom.circulation import DOCX_TYPE
from boardroom.cli import main
from boardroom.services.actions import create_action, review_action
from boardroom.services.agenda import append_item
from boardroom.services.boards import create_board
from boardroom.services.declarations import record_declaration
from boardroom.services.meetings import new_uid
from boardroom.services.minutes import save_notes
from boardroom.services.papers import attach_paper
from boardroom.services.resolutions import add_resolution
from boardroom.storage.models import Meeting, Membership, Person, Purpose, Role, StandingKind

MARKERS = {
    "title": "Ardentmoor",
    "description": "Bellweather",
    "presenter": "Larkspur",
    "sub-item title": "Corvidae",
    "notes": "Dunmarrow",
    "sub-item notes": "Eskerdale",
    "resolution": "Emberlyn",
    "declaration": "Hollisfern",
    "paper name": "Isenwick",
    "sub-item paper name": "Juniperdale",
    "action": "Fallowgate",
    "sub-item action": "Glenharrow",
    "review note": "Kestrelmoor",
    "earlier exempt action": "Mirefield",
    "earlier exempt sub-item action": "Nettlecombe",
}
PART_2 = "Part 2 — not for publication"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8


def _person(name: str, email_address: str) -> Person:
    return Person(name=name, email=email_address)


def _build(database, folder: Path) -> None:
    """The Audit Board of Tue 13 Oct 2026, with exempt business in every field."""
    m = MARKERS
    papers = {}
    for key, name in (("paper", f"{m['paper name']} valuation.pdf"),
                      ("sub", f"{m['sub-item paper name']} site plan.pdf"),
                      ("public", "Annual audit letter.pdf")):  # fmt: skip
        papers[key] = folder / name
        papers[key].write_bytes(PDF + key.encode())
    with database.transaction() as session:
        board = create_board(session, "Audit Board", code="AB")
        chair = _person("Ruth Calder", "ruth@example.org")
        member = _person("Owen Price", "owen@example.org")
        officer = _person("Nadia Shah", "nadia@example.org")
        secretary = _person("Tom Reid", "tom@example.org")
        session.add_all(
            [
                Membership(board=board, person=chair, role=Role.CHAIR),
                Membership(board=board, person=member, role=Role.MEMBER),
                Membership(board=board, person=officer, role=Role.OFFICER),
                Membership(board=board, person=secretary, role=Role.SECRETARY),
            ]
        )
        earlier = Meeting(
            board=board, title="Audit Board", uid=new_uid(),
            starts_at=datetime(2026, 9, 8, 10, 0), ends_at=datetime(2026, 9, 8, 12, 0),
        )  # fmt: skip
        meeting = Meeting(
            board=board, title="Audit Board", uid=new_uid(), venue="Committee Room 2",
            starts_at=datetime(2026, 10, 13, 10, 0), ends_at=datetime(2026, 10, 13, 12, 0),
        )  # fmt: skip
        session.add_all([earlier, meeting])
        session.flush()

        old_exempt = append_item(session, earlier.id, "Exempt contract matter", minutes=10)
        old_exempt.confidential = True
        create_action(
            session, board.id, f"Renegotiate the {m['earlier exempt action']} contract",
            owner_id=officer.id, due_date=date(2026, 12, 1),
            origin_meeting_id=earlier.id, origin_item_id=old_exempt.id,
        )  # fmt: skip
        old_terms = append_item(
            session, earlier.id, "Contract terms", parent_id=old_exempt.id, minutes=5
        )
        create_action(
            session, board.id, f"Check the {m['earlier exempt sub-item action']} clause",
            owner_id=officer.id, due_date=date(2026, 12, 2),
            origin_meeting_id=earlier.id, origin_item_id=old_terms.id,
        )  # fmt: skip

        append_item(session, meeting.id, "Welcome and apologies", minutes=5)
        log = append_item(session, meeting.id, "Action log", minutes=10)
        log.standing = StandingKind.ACTION_LOG
        audit = append_item(session, meeting.id, "Annual audit letter", minutes=20)
        audit.purpose, audit.presenter = Purpose.DISCUSSION, officer
        exempt = append_item(session, meeting.id, f"{m['title']} depot closure", minutes=20)
        exempt.confidential, exempt.purpose = True, Purpose.DECISION
        exempt.presenter_text = f"{m['presenter']} Consulting"
        exempt.description = f"Options for the {m['description']} site."
        sub_item = append_item(
            session, meeting.id, f"{m['sub-item title']} staff", parent_id=exempt.id, minutes=10
        )
        append_item(session, meeting.id, "Any other business", minutes=5)
        attach_paper(session, audit.id, papers["public"])
        attach_paper(session, exempt.id, papers["paper"])
        attach_paper(session, sub_item.id, papers["sub"])

        save_notes(session, audit.id, "The Board noted the audit letter.")
        save_notes(session, exempt.id, f"The {m['notes']} lease ends in March.")
        save_notes(session, sub_item.id, f"Staff at {m['sub-item notes']} to be consulted.")
        add_resolution(session, audit.id, "That the audit letter be noted.")
        add_resolution(session, exempt.id, f"That the {m['resolution']} depot close.")
        record_declaration(session, exempt.id, member.id, f"Owns land at {m['declaration']}")
        create_action(
            session, board.id, "Publish the audit letter", owner_id=secretary.id,
            due_date=date(2026, 10, 20), origin_meeting_id=meeting.id, origin_item_id=audit.id,
        )  # fmt: skip
        create_action(
            session, board.id, f"Value the {m['action']} site", owner_id=officer.id,
            due_date=date(2026, 11, 1), origin_meeting_id=meeting.id, origin_item_id=exempt.id,
        )  # fmt: skip
        staff_action = create_action(
            session, board.id, f"Meet the {m['sub-item action']} unions", owner_id=officer.id,
            due_date=date(2026, 11, 2), origin_meeting_id=meeting.id, origin_item_id=sub_item.id,
        )  # fmt: skip
        review_action(session, staff_action.id, meeting.id, f"{m['review note']} meeting held.")


def _leaks(text: str, where: str) -> list[str]:
    return [f"{field} ({marker}) in {where}" for field, marker in MARKERS.items() if marker in text]


def _zip_leaks(data: bytes, where: str) -> list[str]:
    """Every part of an Office file, and the names of its parts."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        found += _leaks("\n".join(names), f"{where}: part names")
        for name in names:
            found += _leaks(archive.read(name).decode("utf-8", "replace"), f"{where}: {name}")
    return found


def _docx_leaks(path: Path) -> list[str]:
    document = docx.Document(str(path))  # it opens: a real Word file
    properties = document.core_properties
    described = " ".join(
        str(getattr(properties, name) or "")
        for name in ("title", "subject", "author", "keywords", "comments", "category")
    )
    return _zip_leaks(path.read_bytes(), path.name) + _leaks(described, f"{path.name}: properties")


def _ics_leaks(data: bytes, where: str) -> list[str]:
    calendar = icalendar.Calendar.from_ical(data)  # it parses
    values = [
        str(value)
        for component in calendar.walk()
        for _name, value in component.property_items(recursive=False)
    ]
    unfolded = data.decode("utf-8").replace("\r\n ", "").replace("\\,", ",")
    return _leaks("\n".join(values), where) + _leaks(unfolded, f"{where} (raw)")


def _run(*args: str) -> None:
    assert main(list(args)) == 0


@pytest.fixture
def exports(database_url, database, tmp_path):
    """Every public export of the meeting, made from the command line, by file name."""
    _build(database, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    base = ("--database", database_url)
    _run(*base, "export", "agenda", "2026-10-13", "--public", "--out", str(out / "agenda.docx"))
    _run(*base, "export", "minutes", "2026-10-13", "--public", "--out", str(out / "minutes.docx"))
    _run(*base, "export", "invite", "2026-10-13", "--out", str(out / "invite.ics"))
    _run(*base, "circulate", "2026-10-13", "--out", str(out / "papers.eml"))
    for suffix in ("docx", "csv", "xlsx"):
        log = str(out / f"log.{suffix}")
        _run(*base, "export", "actions", "--board", "Audit Board", "--public", "--out", log)
    return out


def test_the_public_word_agenda_and_minutes_hold_nothing_exempt(exports):
    found = _docx_leaks(exports / "agenda.docx") + _docx_leaks(exports / "minutes.docx")
    assert found == []
    minutes = "\n".join(p.text for p in docx.Document(str(exports / "minutes.docx")).paragraphs)
    assert "The Board noted the audit letter." in minutes  # the public business is there


def test_the_invite_names_no_exempt_item(exports):
    files = sorted(exports.glob("*.ics"))
    assert files, "the invite was written"
    found = [leak for path in files for leak in _ics_leaks(path.read_bytes(), path.name)]
    assert found == []
    description = str(
        icalendar.Calendar.from_ical(files[0].read_bytes()).walk("VEVENT")[0]["DESCRIPTION"]
    )
    assert "Exempt item" in description and "Annual audit letter" in description


def test_the_email_draft_gives_nothing_exempt_away(exports):
    message = email.message_from_bytes((exports / "papers.eml").read_bytes(), policy=policy.default)
    found = []
    members_agenda = []
    for number, part in enumerate(message.walk()):
        where = f"email part {number} ({part.get_content_type()})"
        found += _leaks("\n".join(f"{k}: {v}" for k, v in part.items()), f"{where} headers")
        if part.is_multipart():
            continue
        name = part.get_filename() or ""
        found += _leaks(name, f"{where} attachment name")
        data = part.get_payload(decode=True)
        if part.get_content_type() == DOCX_TYPE:
            members_agenda.append(data)
        elif part.get_content_type() == "text/calendar":
            found += _ics_leaks(data, f"{where} {name}")
        elif part.get_content_maintype() == "text":
            found += _leaks(part.get_content(), where)
        elif zipfile.is_zipfile(io.BytesIO(data)):
            found += _zip_leaks(data, f"{where} {name}")
        else:
            found += _leaks(data.decode("latin-1"), f"{where} {name}")
    assert found == []
    # The deliberate exception: the members' agenda, with Part 2, for the members only.
    assert len(members_agenda) == 1
    with zipfile.ZipFile(io.BytesIO(members_agenda[0])) as archive:
        body = archive.read("word/document.xml").decode()
    assert PART_2 in body and MARKERS["title"] in body


def test_the_action_log_exports_hold_no_exempt_action(exports):
    found = _docx_leaks(exports / "log.docx") + _zip_leaks(
        (exports / "log.xlsx").read_bytes(), "log.xlsx"
    )
    text = (exports / "log.csv").read_text(encoding="utf-8-sig")
    found += _leaks(text, "log.csv")
    cells = [
        str(cell.value)
        for sheet in openpyxl.load_workbook(exports / "log.xlsx")
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    found += _leaks("\n".join(cells), "log.xlsx cells")
    assert found == []
    actions = [row[1] for row in csv.reader(io.StringIO(text))][1:]
    assert actions == ["Publish the audit letter"], "the public action stays in the log"


def test_no_file_written_is_named_after_exempt_business(exports):
    names = "\n".join(path.name for path in exports.rglob("*"))
    assert _leaks(names, "file names") == []
