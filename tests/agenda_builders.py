"""A meeting with everything an agenda can hold, for the Word agenda and circulation tests.

Two exempt (confidential) items hide behind titles the public must never see: an exempt
item with a sub-item and a paper, and an action raised under an exempt item last month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from boardroom.services.agenda import append_item
from boardroom.services.boards import create_board
from boardroom.services.meetings import new_uid
from boardroom.services.papers import attach_paper
from boardroom.storage.database import Database
from boardroom.storage.models import (
    ActionPoint,
    Meeting,
    Membership,
    Person,
    Purpose,
    Role,
    StandingKind,
)

# Text that may appear only in the members' version.
SECRET_TEXTS = (
    "Staffing restructure",
    "Interim director appointment",
    "restructure-costs.xlsx",
    "Seek counsel's opinion on the claim",
)
PDF_BYTES = b"%PDF-1.4\n" + bytes(range(256)) * 40
XLSX_BYTES = b"PK\x03\x04 not really a workbook " * 30


@dataclass(frozen=True)
class BuiltMeeting:
    meeting_id: int
    store: Path | None  # None: the data folder's store, as the command line uses


def blank_meeting(database: Database, *, hours: int = 1, officer: str = "") -> int:
    """A board with its standing items and a meeting with no agenda yet, Tue 13 Sep 2016
    from 14:00; ``officer`` names an officer in attendance to present."""
    with database.transaction() as session:
        board = create_board(session, "Wirral Improvement Board", code="IB")
        if officer:
            session.add(Membership(board=board, person=Person(name=officer), role=Role.OFFICER))
        meeting = Meeting(
            board=board,
            title="Improvement Board",
            starts_at=datetime(2016, 9, 13, 14, 0),
            ends_at=datetime(2016, 9, 13, 14 + hours, 0),
            uid=new_uid(),
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def _person(name: str, email: str, title: str = "") -> Person:
    return Person(name=name, email=email, title=title)


def build_meeting(database: Database, folder: Path, *, data_folder: bool = False) -> BuiltMeeting:
    """The Improvement Board of Tue 13 Sep 2016, 14:00–16:00, papers due Tue 6 Sep."""
    store = None if data_folder else folder / "papers-store"
    report = folder / "Ofsted report.pdf"
    report.write_bytes(PDF_BYTES)
    costs = folder / "restructure-costs.xlsx"
    costs.write_bytes(XLSX_BYTES)
    with database.transaction() as session:
        board = create_board(session, "Wirral Improvement Board", code="IB")
        chair = _person("Eric Robinson", "eric@example.org")
        deputy = _person("Annette Roberts", "annette@example.org")
        councillor = _person("Phil Gilchrist", "phil@example.org", "Cllr")
        no_email = _person("Mike Forber", "")
        departed = _person("Former Member", "former@example.org")
        officer = _person("Julia Hassall", "julia@example.org")
        secretary = _person("Matthew Humble", "matthew@example.org")
        session.add_all(
            [
                Membership(board=board, person=chair, role=Role.CHAIR, deputy=deputy),
                Membership(board=board, person=councillor, role=Role.MEMBER),
                Membership(board=board, person=no_email, role=Role.MEMBER),
                Membership(
                    board=board, person=departed, role=Role.MEMBER, end_date=date(2016, 7, 31)
                ),
                Membership(board=board, person=officer, role=Role.OFFICER),
                Membership(board=board, person=secretary, role=Role.SECRETARY),
            ]
        )
        previous = Meeting(
            board=board,
            title="Improvement Board",
            starts_at=datetime(2016, 8, 9, 14, 0),
            ends_at=datetime(2016, 8, 9, 16, 0),
            uid=new_uid(),
        )
        meeting = Meeting(
            board=board,
            title="Improvement Board",
            starts_at=datetime(2016, 9, 13, 14, 0),
            ends_at=datetime(2016, 9, 13, 16, 0),
            venue="Committee Room 1, Wallasey Town Hall",
            online_link="https://meet.example.org/ib-2016-09",
            uid=new_uid(),
        )
        session.add_all([previous, meeting])
        session.flush()

        welcome = append_item(session, meeting.id, "Welcome and apologies", minutes=5)
        welcome.standing, welcome.presenter = StandingKind.WELCOME, chair
        log = append_item(session, meeting.id, "Action log review", minutes=10)
        log.standing, log.presenter, log.purpose = (
            StandingKind.ACTION_LOG,
            secretary,
            Purpose.ASSURANCE,
        )
        ofsted = append_item(session, meeting.id, "Ofsted findings", minutes=0)
        ofsted.presenter, ofsted.purpose = officer, Purpose.DISCUSSION
        council = append_item(
            session, meeting.id, "Findings for the Council", parent_id=ofsted.id, minutes=20
        )
        council.presenter = officer
        lscb = append_item(
            session, meeting.id, "Findings for the LSCB", parent_id=ofsted.id, minutes=15
        )
        lscb.presenter_text = "LSCB Independent Chair"
        exempt = append_item(session, meeting.id, "Staffing restructure", minutes=20)
        exempt.confidential, exempt.purpose, exempt.presenter = True, Purpose.DECISION, officer
        append_item(
            session, meeting.id, "Interim director appointment", parent_id=exempt.id, minutes=10
        )
        terms = append_item(session, meeting.id, "Terms of Reference", minutes=15)
        terms.purpose, terms.presenter = Purpose.DECISION, chair
        terms.description = "The draft terms of reference for agreement."
        append_item(
            session, meeting.id, "Any other business", minutes=5
        ).standing = StandingKind.AOB
        attach_paper(session, terms.id, report, store=store)
        attach_paper(session, exempt.id, costs, store=store)

        legal = append_item(session, previous.id, "Legal claim", minutes=10)
        legal.confidential = True
        public_item = append_item(session, previous.id, "Ofsted inspection", minutes=10)
        session.add_all(
            [
                ActionPoint(
                    board=board,
                    reference="IB-2016-01",
                    year=2016,
                    sequence=1,
                    description="Circulate the Ofsted letter to all members",
                    owner=officer,
                    due_date=date(2016, 9, 6),
                    origin_meeting=previous,
                    origin_item=public_item,
                ),
                ActionPoint(
                    board=board,
                    reference="IB-2016-02",
                    year=2016,
                    sequence=2,
                    description="Seek counsel's opinion on the claim",
                    owner=chair,
                    origin_meeting=previous,
                    origin_item=legal,
                ),
            ]
        )
        session.flush()
        return BuiltMeeting(meeting.id, store)
