"""Circulation: the email draft parsed back with the email package, and the record kept."""

from __future__ import annotations

import io
from datetime import date, datetime
from email import policy
from email.headerregistry import Address
from email.parser import BytesParser

import docx
import pytest

from agenda_builders import PDF_BYTES, XLSX_BYTES, build_meeting
from boardroom.circulation import DOCX_TYPE, build_circulation, write_eml
from boardroom.cli import main
from boardroom.errors import BoardroomError
from boardroom.services.agenda import append_item
from boardroom.services.circulation import record_circulation
from boardroom.services.meetings import cancel_meeting
from boardroom.services.papers_due import readiness, upcoming_readiness
from boardroom.storage.models import Meeting, MeetingStatus, Purpose

AGENDA = b"PK\x03\x04 the agenda"
INVITE = b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
CLERK = Address("Committee Services", addr_spec="clerk@example.org")


@pytest.fixture
def built(database, tmp_path):
    return build_meeting(database, tmp_path)


def _draft(database, built, tmp_path):
    with database.sessions() as session:
        message, addressed = build_circulation(
            session,
            built.meeting_id,
            agenda_docx=AGENDA,
            invites=[("invite.ics", INVITE)],
            organiser=CLERK,
            store=built.store,
        )
    path = write_eml(message, tmp_path / "draft.eml")
    with path.open("rb") as stream:
        return BytesParser(policy=policy.default).parse(stream), addressed


def _emails(header) -> list[str]:
    return sorted(address.addr_spec for address in header.addresses)


def test_the_draft_goes_to_members_and_deputies_and_copies_officers(database, built, tmp_path):
    parsed, addressed = _draft(database, built, tmp_path)
    assert parsed["X-Unsent"] == "1"
    assert parsed["From"].addresses[0].addr_spec == "clerk@example.org"
    assert parsed["Subject"] == "Wirral Improvement Board — Tue 13 Sep 2016 agenda and papers"
    assert _emails(parsed["To"]) == ["annette@example.org", "eric@example.org", "phil@example.org"]
    assert _emails(parsed["Cc"]) == ["julia@example.org", "matthew@example.org"]
    assert addressed.without_email == ["Mike Forber"]  # "former@" left the board in July


def test_the_draft_carries_the_agenda_invite_and_papers_byte_for_byte(database, built, tmp_path):
    parsed, _ = _draft(database, built, tmp_path)
    attachments = {part.get_filename(): part for part in parsed.iter_attachments()}
    assert list(attachments) == [
        "Wirral Improvement Board agenda 2016-09-13.docx",
        "invite.ics",
        "Item 4 - Exempt paper 1.xlsx",  # an exempt paper travels unnamed
        "Item 5 - Ofsted report.pdf",
    ]
    agenda = attachments["Wirral Improvement Board agenda 2016-09-13.docx"]
    assert agenda.get_content_type() == DOCX_TYPE
    assert agenda.get_content() == AGENDA
    invite = attachments["invite.ics"]
    assert invite.get_content_type() == "text/calendar"
    assert invite.get_param("method") == "REQUEST"
    assert invite.get_param("charset") == "utf-8"
    assert invite.get_payload(decode=True) == INVITE
    pdf = attachments["Item 5 - Ofsted report.pdf"]
    assert (pdf.get_content_type(), pdf.get_content()) == ("application/pdf", PDF_BYTES)
    xlsx = attachments["Item 4 - Exempt paper 1.xlsx"]
    assert xlsx.get_content_type() == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert xlsx.get_content() == XLSX_BYTES


def test_the_body_summarises_the_meeting_and_the_deadline(database, built, tmp_path):
    parsed, _ = _draft(database, built, tmp_path)
    plain = parsed.get_body(preferencelist=("plain",)).get_content()
    html = parsed.get_body(preferencelist=("html",)).get_content()
    for body in (plain, html):
        assert "Tuesday 13 September 2016" in body
        assert "Committee Room 1, Wallasey Town Hall" in body
        assert "Papers deadline: Tue 6 Sep 2016 (5 working days before the meeting)." in body
        assert "Ofsted report.pdf (PDF, 10.0 KB)" in body
        assert "please do not forward" in body


def test_a_board_without_addresses_or_a_cancelled_meeting_cannot_be_circulated(
    database, built, tmp_path
):
    with database.transaction() as session:
        cancel_meeting(session, built.meeting_id)
    with pytest.raises(BoardroomError, match="cancelled"):
        _draft(database, built, tmp_path)
    with pytest.raises(BoardroomError, match="cancelled"), database.transaction() as session:
        record_circulation(session, built.meeting_id, datetime(2016, 9, 1, 10, 0))


@pytest.mark.parametrize(
    ("when", "met"),
    [
        (datetime(2016, 9, 6, 17, 30), True),  # Tuesday 6 Sep is the deadline day itself
        (datetime(2016, 9, 7, 8, 0), False),
    ],
)
def test_circulating_publishes_the_agenda_and_says_whether_it_was_on_time(
    database, built, when, met
):
    with database.transaction() as session:
        record = record_circulation(session, built.meeting_id, when, "clerk@example.org")
    assert record.deadline.isoformat() == "2016-09-06"
    assert record.met_deadline is met
    with database.sessions() as session:
        meeting = session.get(Meeting, built.meeting_id)
        assert meeting.circulated_at == when
        assert meeting.status is MeetingStatus.AGENDA_PUBLISHED
        assert [(e.kind, e.actor) for e in meeting.events] == [("circulated", "clerk@example.org")]


def test_circulating_a_held_meeting_again_keeps_its_status(database, built):
    with database.transaction() as session:
        session.get(Meeting, built.meeting_id).status = MeetingStatus.HELD
    with database.transaction() as session:
        record_circulation(session, built.meeting_id, datetime(2016, 9, 1, 9, 0))
    with database.sessions() as session:
        assert session.get(Meeting, built.meeting_id).status is MeetingStatus.HELD


def test_the_command_line_writes_the_draft_with_invite_and_records_it(
    database_url, database, tmp_path, capsys
):
    built = build_meeting(database, tmp_path, data_folder=True)
    out = tmp_path / "out.eml"
    code = main(["--database", database_url, "circulate", "2016-09-13", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    printed = capsys.readouterr().out
    assert "3 recipients, 1 copied in" in printed  # the secretary sends it
    assert "No email address for: Mike Forber." in printed
    parsed = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert parsed["From"].addresses[0].addr_spec == "matthew@example.org"  # the secretary
    parts = {part.get_content_type(): part for part in parsed.iter_attachments()}
    calendar = parts["text/calendar"].get_payload(decode=True).decode()
    assert "METHOD:REQUEST" in calendar and "eric@example.org" in calendar
    agenda = docx.Document(io.BytesIO(parts[DOCX_TYPE].get_content()))
    assert agenda.paragraphs[0].text == "Wirral Improvement Board"
    assert parts["application/pdf"].get_content() == PDF_BYTES
    with database.sessions() as session:
        meeting = session.get(Meeting, built.meeting_id)
        assert meeting.status is MeetingStatus.AGENDA_PUBLISHED
        assert meeting.circulated_at is not None


def test_the_deadline_view_lists_what_is_still_missing(database, built):
    with database.transaction() as session:
        item = append_item(session, built.meeting_id, "Forward plan", minutes=5)
        item.purpose = Purpose.PRESENTATION
    with database.sessions() as session:
        (upcoming,) = upcoming_readiness(session, date(2016, 9, 1))
    assert upcoming.meeting_id == built.meeting_id
    assert upcoming.deadline == date(2016, 9, 6)
    assert upcoming.working_days_left == 3  # Fri 2, Mon 5, Tue 6
    assert upcoming.without_presenter == ["7 Forward plan"]
    assert upcoming.without_papers == [
        "3.1 Findings for the Council",
        "3.2 Findings for the LSCB",
        "4.1 Interim director appointment",
    ]
    assert not upcoming.ready
    with database.transaction() as session:
        record_circulation(session, built.meeting_id, datetime(2016, 9, 2, 9, 0))
    with database.sessions() as session:
        assert upcoming_readiness(session, date(2016, 9, 1)) == []
        late = readiness(session, built.meeting_id, date(2016, 9, 8))
    assert late.working_days_left == -2
