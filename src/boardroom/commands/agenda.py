"""``boardroom export agenda`` (the Word agenda) and ``boardroom circulate`` (the email draft)."""

from __future__ import annotations

import argparse
from email.headerregistry import Address
from pathlib import Path

from sqlalchemy.orm import Session

from boardroom.agenda_docx import build_agenda
from boardroom.circulation import circulate, default_organiser
from boardroom.commands import CommandGroups, add_template_option
from boardroom.dates import format_date
from boardroom.docx_support import save_document
from boardroom.errors import BoardroomError
from boardroom.services.meetings import find_meeting
from boardroom.storage.database import open_database
from boardroom.storage.models import Meeting

MEETING_HELP = "the meeting's number, or its date (YYYY-MM-DD) when only one meeting is then"


def _path(text: str) -> Path:
    return Path(text).expanduser().resolve()


def _export_agenda(args: argparse.Namespace) -> int:
    database = open_database(args.database)
    try:
        with database.sessions() as session:
            meeting = find_meeting(session, args.meeting)
            document = build_agenda(
                session,
                meeting.id,
                public=args.public,
                template=args.template,
            )
            target = save_document(document, _path(args.out))
    finally:
        database.close()
    version = "public agenda" if args.public else "agenda"
    print(f"Wrote the {version} for {format_date(meeting.starts_at)} to {target}.")
    return 0


def _organiser(args: argparse.Namespace, session: Session, meeting: Meeting) -> Address:
    if args.organizer_email:
        return Address(display_name=args.organizer_name or "", addr_spec=args.organizer_email)
    secretary = default_organiser(session, meeting)
    if secretary is None:
        raise BoardroomError(
            "Who is sending the papers? Give --organizer-email, or record the board's "
            "secretary with an email address."
        )
    return Address(display_name=secretary.display_name, addr_spec=secretary.email)


def _circulate(args: argparse.Namespace) -> int:
    database = open_database(args.database)
    try:
        with database.transaction() as session:
            meeting = find_meeting(session, args.meeting)
            done = circulate(
                session,
                meeting.id,
                _path(args.out),
                _organiser(args, session, meeting),
                template=args.template,
            )
    finally:
        database.close()
    addressed, record = done.recipients, done.record
    print(
        f"Wrote the email draft to {done.path}: {len(addressed.to)} recipients, "
        f"{len(addressed.cc)} copied in. Open it in your mail client to send it."
    )
    if addressed.without_email:
        print(f"No email address for: {', '.join(addressed.without_email)}.")
    timing = "on time" if record.met_deadline else "late"
    print(f"Recorded as circulated {timing} (papers were due {format_date(record.deadline)}).")
    return 0


def register(groups: CommandGroups) -> None:
    export = groups.export.add_parser("agenda", help="the Word agenda of a meeting")
    export.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    export.add_argument("--out", required=True, metavar="FILE.docx", help="where to write it")
    add_template_option(export)
    export.add_argument(
        "--public",
        action="store_true",
        help="leave the confidential (Part 2) items out entirely, for publication",
    )
    export.set_defaults(handler=_export_agenda)

    circulate = groups.top.add_parser(
        "circulate",
        help="write the agenda, invite and papers into an email draft (.eml) to all members",
    )
    circulate.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    circulate.add_argument("--out", required=True, metavar="FILE.eml", help="where to write it")
    circulate.add_argument(
        "--organizer-email", metavar="ADDRESS", help="sender (default: the board's secretary)"
    )
    circulate.add_argument("--organizer-name", metavar="NAME", default="", help="sender's name")
    add_template_option(circulate)
    circulate.set_defaults(handler=_circulate)
