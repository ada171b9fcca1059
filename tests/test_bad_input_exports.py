"""Whatever text a clerk pastes into a field, every file made from it is written and reads
back: Word agenda and minutes, the calendar invite, the email draft and the action log.

Each example stores a board, a member, a meeting, an agenda item with a paper, notes, a
resolution, a declaration and an action through the services, every free-text field drawn
from ``nasty_text`` (control characters from other programs, emoji, right-to-left script;
a 100,000-character note among the pinned examples). It then makes each export from the
command line and opens what was written with the library that reads that format:
python-docx, icalendar, the email package, csv and openpyxl.
"""

from __future__ import annotations

import csv
import email
import io
import itertools
import re
import zipfile
from datetime import date, datetime
from email import policy
from pathlib import Path

import docx
import icalendar
import openpyxl
from hypothesis import example, given, settings
from hypothesis import strategies as st

from boardroom.cli import main
from boardroom.errors import BoardroomError
from boardroom.services.actions import create_action
from boardroom.services.agenda import append_item
from boardroom.services.boards import create_board
from boardroom.services.declarations import record_declaration
from boardroom.services.meetings import MeetingFields, create_meeting
from boardroom.services.minutes import save_notes
from boardroom.services.papers import attach_paper
from boardroom.services.people import PersonFields, add_person
from boardroom.services.resolutions import add_resolution
from boardroom.storage.models import Membership, Role
from boardroom.storage.plain_text import clean
from nasty_text import HORRORS, LONG_NOTE, campaign, nasty_text

FIELDS = (
    "board", "meeting title", "venue", "link", "person", "job title", "item title",
    "description", "presenter", "notes", "resolution", "declaration", "action", "paper",
)  # fmt: skip
texts = st.fixed_dictionaries({name: nasty_text for name in FIELDS})
_numbers = itertools.count(1)


def _file_name(text: str) -> str:
    """What a file system allows of the text as a paper's name (no slash, no NUL)."""
    name = re.sub(r"[/\x00]", "", text).strip() or "paper"
    while len(f"{name}.pdf".encode()) > 200:
        name = name[:-1]
    return f"{name}.pdf"


def _build(database, folder: Path, values: dict[str, str]) -> int:
    """Everything a meeting holds, each free-text field from ``values``; the meeting id."""
    number = next(_numbers)
    paper = folder / _file_name(values["paper"])
    paper.write_bytes(b"%PDF-1.4\n" + values["paper"].encode("utf-8", "replace"))
    with database.transaction() as session:
        board = create_board(session, f"{number} {values['board']}", code=f"B{number}")
        person = add_person(
            session,
            PersonFields(
                name=f"{values['person']} {number}",
                job_title=values["job title"],
                email=f"member{number}@example.org",
            ),
        )
        session.add(Membership(board=board, person=person, role=Role.CHAIR))
        meeting = create_meeting(
            session,
            board.id,
            MeetingFields(
                title=f"{values['meeting title']} {number}",
                starts_at=datetime(2026, 10, 13, 14, 0),
                ends_at=datetime(2026, 10, 13, 16, 0),
                venue=values["venue"],
                online_link=f"https://meet.example.org/{values['link']}",
            ),
        )
        item = append_item(session, meeting.id, f"Item {values['item title']}", minutes=15)
        item.description = values["description"]
        item.presenter_text = values["presenter"]
        attach_paper(session, item.id, paper, store=None)
        save_notes(session, item.id, values["notes"])
        add_resolution(session, item.id, f"That {values['resolution']}")
        record_declaration(session, item.id, person.id, f"Interest {values['declaration']}")
        create_action(
            session,
            board.id,
            f"Do {values['action']}",
            owner_id=person.id,
            due_date=date(2026, 11, 1),
            origin_meeting_id=meeting.id,
            origin_item_id=item.id,
        )
        return meeting.id


def _word_text(path: Path) -> str:
    """All the text of a Word file as python-docx reads it (it must open)."""
    document = docx.Document(str(path))
    cells = (c.text for t in document.tables for row in t.rows for c in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def _squash(text: str) -> str:
    """Text without its whitespace and control characters: what must survive a field's
    journey whichever way the services and the file format space it."""
    return "".join(clean(text).split())


def _check_ics(data: bytes, title: str) -> None:
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert _squash(title) in _squash(str(event["SUMMARY"]))


def _check_eml(path: Path) -> None:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["To"].addresses
    for part in message.walk():
        if part.is_multipart():
            continue
        data = part.get_payload(decode=True)
        if part.get_content_type() == "text/calendar":
            icalendar.Calendar.from_ical(data)
        elif part.get_content_maintype() == "text":
            assert part.get_content().strip()
        elif part.get_filename().endswith(".docx"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                assert archive.testzip() is None


def _exports(run, meeting: str, out: Path, values: dict[str, str]) -> None:
    for public in ((), ("--public",)):
        for kind in ("agenda", "minutes"):
            target = out / f"{kind}{len(public)}.docx"
            run("export", kind, meeting, *public, "--out", str(target))
            text = _squash(_word_text(target))
            assert _squash(values["item title"]) in text
            if kind == "minutes" and "\t" not in values["notes"]:  # tabs make a table
                assert _squash(values["notes"]) in text, "every word of the notes is there"
    run("export", "invite", meeting, "--out", str(out / "invite.ics"))
    for written in out.glob("*.ics"):
        _check_ics(written.read_bytes(), values["meeting title"])
    run("circulate", meeting, "--organizer-email", "clerk@example.org", "--out", str(out / "x.eml"))
    _check_eml(out / "x.eml")
    for suffix in ("docx", "csv", "xlsx"):
        run("export", "actions", "--out", str(out / f"log.{suffix}"))
    _word_text(out / "log.docx")
    with (out / "log.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    action = _squash(f"Do {values['action']}")
    assert action in [_squash(row[1]) for row in rows[1:]], "the action is in the CSV"
    workbook = openpyxl.load_workbook(out / "log.xlsx")
    cells = [c.value for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert action in [_squash(v) for v in cells if isinstance(v, str)], "and in Excel"


@settings(campaign, max_examples=15)
@given(values=texts)
@example(values={name: "".join(HORRORS) for name in FIELDS})
@example(values={name: "\v\f\x00 😀 مرحبا \u202e" for name in FIELDS})
@example(values={name: "\v" for name in FIELDS})
@example(values={**{name: "x" for name in FIELDS}, "notes": LONG_NOTE, "description": LONG_NOTE})
def test_every_export_of_any_text_is_written_and_reads_back(
    database_url, database, tmp_path_factory, capsys, values
):
    def run(*args: str) -> None:
        code = main(["--database", database_url, *args])
        assert code == 0, capsys.readouterr().err

    folder = tmp_path_factory.mktemp("export")
    try:
        meeting_id = _build(database, folder, values)
    except BoardroomError as refused:  # said plainly; then there is nothing to export
        assert refused.message
        return
    _exports(run, str(meeting_id), folder, values)
