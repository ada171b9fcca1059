"""Circulating the agenda: one email draft with the Word agenda, the invite and the papers.

Boardroom does not send mail. It writes an ``.eml`` marked ``X-Unsent: 1``, which Outlook and
Thunderbird open as an editable draft, so the secretariat sends it from its own mailbox,
with its own signature, after a last look.

Who receives it: everyone with a seat on the board on the meeting day — chair, vice-chair,
members, participant observers and advisers — and their named deputies (a deputy needs the
papers in case they attend); officers in attendance and the secretary are copied in.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from itertools import count
from pathlib import Path

from sqlalchemy.orm import Session

from boardroom.agenda_docx import build_agenda, meeting_details
from boardroom.dates import format_date
from boardroom.docx_support import document_bytes
from boardroom.errors import BoardroomError
from boardroom.files import write_atomically
from boardroom.services.agenda import timetable
from boardroom.services.circulation import CirculationRecord, record_circulation
from boardroom.services.invites import Organizer, meeting_invites
from boardroom.services.meetings import get_meeting, papers_deadline
from boardroom.services.papers import describe, read_paper
from boardroom.services.people import current_memberships
from boardroom.storage.models import Meeting, MeetingStatus, Person, Role

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TO_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.OBSERVER, Role.ADVISER})
EXEMPT_ITEM = "Exempt item"


@dataclass
class Recipients:
    """The draft's To and Cc, and the people who could not be addressed."""

    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    without_email: list[str] = field(default_factory=list)


def _address(person: Person) -> Address:
    return Address(display_name=person.display_name, addr_spec=person.email.strip())


def recipients(session: Session, meeting: Meeting, organiser_email: str = "") -> Recipients:
    """Seats current on the meeting day, with deputies; each address appears once."""
    seats = current_memberships(session, meeting.board_id, meeting.starts_at.date())
    result = Recipients()
    seen = {organiser_email.strip().lower()} if organiser_email else set()
    for seat in seats:
        target = result.to if seat.role in TO_ROLES else result.cc  # officers, secretary
        for person in (seat.person, seat.deputy):
            if person is None:
                continue
            key = person.email.strip().lower()
            if not key:
                if person.display_name not in result.without_email:
                    result.without_email.append(person.display_name)
            elif key not in seen:
                seen.add(key)
                target.append(_address(person))
    return result


def default_organiser(session: Session, meeting: Meeting) -> Person | None:
    """The board's secretary on the meeting day: who normally sends the papers."""
    for seat in current_memberships(session, meeting.board_id, meeting.starts_at.date()):
        if seat.role is Role.SECRETARY and seat.person.email:
            return seat.person
    return None


def agenda_filename(meeting: Meeting) -> str:
    return f"{meeting.board.name} agenda {meeting.starts_at:%Y-%m-%d}.docx"


@dataclass(frozen=True)
class _PaperFile:
    """A paper as the email lists and attaches it. An exempt item's paper goes to the
    members unnamed ("Exempt paper 1.pdf" under "Exempt item"): an email's text and its
    attachment names are seen in previews, folders and forwards, its Part 2 papers only
    by whoever opens them."""

    number: str
    title: str
    filename: str
    description: str
    mime_type: str
    data: bytes

    @property
    def attachment_name(self) -> str:
        """Prefixed with the item, so papers sort in agenda order in the member's mailbox."""
        return f"Item {self.number} - {self.filename}"


def _papers(meeting: Meeting, store: Path | None) -> list[_PaperFile]:
    items = {item.id: item for item in meeting.agenda_items}
    numbering = count(1)  # exempt papers are numbered, not named
    papers: list[_PaperFile] = []
    for line in timetable(meeting).lines:
        for paper in items[line.item_id].papers:
            title, filename = line.title, paper.filename
            if line.confidential:
                title = EXEMPT_ITEM
                filename = f"Exempt paper {next(numbering)}{Path(paper.filename).suffix}"
            papers.append(
                _PaperFile(
                    number=line.number,
                    title=title,
                    filename=filename,
                    description=describe(paper),
                    mime_type=paper.mime_type,
                    data=read_paper(paper, store),
                )
            )
    return papers


def _plain_body(meeting: Meeting, papers: list[_PaperFile], deadline: str, exempt: int) -> str:
    lines = [
        "Dear Board members,",
        "",
        f"Please find attached the agenda and papers for the {meeting.title} meeting "
        f"of the {meeting.board.name}, and a calendar invitation.",
        "",
        *(f"{label}: {value}" for label, value in meeting_details(meeting)),
        "",
        deadline,
        "",
    ]
    if papers:
        lines.append("Papers attached:")
        lines += [f"  Item {p.number}: {p.filename} ({p.description})" for p in papers]
    else:
        lines.append("There are no papers with this agenda.")
    if exempt:
        lines += ["", "Part 2 of the agenda contains exempt information: please do not forward."]
    lines += ["", "Kind regards,", ""]
    return "\n".join(lines)


def _html_body(meeting: Meeting, papers: list[_PaperFile], deadline: str, exempt: int) -> str:
    e = html.escape
    rows = "".join(
        f"<tr><th align='left' style='padding-right:1em'>{e(label)}</th><td>{e(value)}</td></tr>"
        for label, value in meeting_details(meeting)
    )
    if papers:
        items = "".join(
            f"<li>Item {e(p.number)}: {e(p.title)} — {e(p.filename)} ({e(p.description)})</li>"
            for p in papers
        )
        paper_block = f"<p>Papers attached:</p><ul>{items}</ul>"
    else:
        paper_block = "<p>There are no papers with this agenda.</p>"
    warning = (
        "<p><strong>Part 2 of the agenda contains exempt information: please do not "
        "forward.</strong></p>"
        if exempt
        else ""
    )
    return (
        "<html><body style='font-family:Arial,sans-serif'>"
        "<p>Dear Board members,</p>"
        f"<p>Please find attached the agenda and papers for the {e(meeting.title)} meeting of "
        f"the {e(meeting.board.name)}, and a calendar invitation.</p>"
        f"<table>{rows}</table><p>{e(deadline)}</p>{paper_block}{warning}"
        "<p>Kind regards,</p></body></html>"
    )


def build_circulation(
    session: Session,
    meeting_id: int,
    *,
    agenda_docx: bytes,
    invites: Sequence[tuple[str, bytes]],
    organiser: Address,
    store: Path | None = None,
) -> tuple[EmailMessage, Recipients]:
    """The email draft with every attachment, and who it is (and is not) addressed to.

    ``invites`` are (file name, iCalendar bytes) pairs of METHOD:REQUEST invites: one for a
    one-off meeting, the series and its moved occurrences for a series.
    """
    meeting = get_meeting(session, meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise BoardroomError("This meeting is cancelled; there is nothing to circulate.")
    addressed = recipients(session, meeting, organiser.addr_spec)
    if not addressed.to:
        raise BoardroomError(
            f"Nobody on the {meeting.board.name} has an email address for "
            f"{format_date(meeting.starts_at)}; add the members' addresses first."
        )
    papers = _papers(meeting, store)
    deadline = papers_deadline(meeting)
    deadline_text = (
        f"Papers deadline: {format_date(deadline.due)} "
        f"({meeting.board.lead_days} working days before the meeting)."
    )
    exempt = sum(1 for line in timetable(meeting).lines if line.confidential)

    message = EmailMessage()
    message["Subject"] = (
        f"{meeting.board.name} — {format_date(meeting.starts_at)} agenda and papers"
    )
    message["From"] = organiser
    message["To"] = addressed.to
    if addressed.cc:
        message["Cc"] = addressed.cc
    message["X-Unsent"] = "1"  # Outlook (and Thunderbird) open the file as a draft to send
    message.set_content(_plain_body(meeting, papers, deadline_text, exempt))
    message.add_alternative(_html_body(meeting, papers, deadline_text, exempt), subtype="html")
    maintype, subtype = DOCX_TYPE.split("/")
    message.add_attachment(
        agenda_docx, maintype=maintype, subtype=subtype, filename=agenda_filename(meeting)
    )
    for name, ics in invites:
        message.add_attachment(
            ics,
            maintype="text",
            subtype="calendar",
            filename=name,
            params={"method": "REQUEST", "charset": "utf-8"},
        )
    for paper in papers:
        maintype, _, subtype = paper.mime_type.partition("/")
        message.add_attachment(
            paper.data,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=paper.attachment_name,
        )
    return message, addressed


def write_eml(message: EmailMessage, path: Path) -> Path:
    """Write the draft with CRLF line ends, as mail clients expect of an .eml file."""
    return write_atomically(path, message.as_bytes(policy=policy.SMTP))


@dataclass(frozen=True)
class Circulated:
    """What one circulation produced: the draft, who it is addressed to, the record."""

    path: Path
    recipients: Recipients
    record: CirculationRecord


def circulate(
    session: Session,
    meeting_id: int,
    out: Path,
    organiser: Address,
    *,
    template: Path | None = None,
    now: datetime | None = None,
    store: Path | None = None,
) -> Circulated:
    """The whole of circulating, for the command line and the window alike: build the Word
    agenda and the invites, write them with every paper into the draft at ``out``, and
    record the circulation — in the caller's transaction, so a draft that cannot be
    written leaves no record that it went out."""
    invites = meeting_invites(
        session,
        meeting_id,
        Organizer(name=organiser.display_name or "Secretariat", email=organiser.addr_spec),
    )
    agenda = build_agenda(session, meeting_id, template=template, author=organiser.display_name)
    message, addressed = build_circulation(
        session,
        meeting_id,
        agenda_docx=document_bytes(agenda),
        invites=[(f"{invite.name}.ics", invite.to_ical()) for invite in invites],
        organiser=organiser,
        store=store,
    )
    when = (now or datetime.now()).replace(microsecond=0)
    record = record_circulation(session, meeting_id, when, organiser.addr_spec)
    return Circulated(write_eml(message, out), addressed, record)


def draft_filename(meeting: Meeting) -> str:
    return f"{meeting.board.name} {meeting.starts_at:%Y-%m-%d} agenda and papers.eml"
