"""``boardroom export invite MEETING --out FILE.ics``: the calendar invite of a meeting."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from boardroom.commands import CommandGroups
from boardroom.commands.meetings import board_id_named
from boardroom.files import write_atomically
from boardroom.services.invites import (
    DEFAULT_ORGANIZER_EMAIL,
    DEFAULT_ORGANIZER_NAME,
    Invite,
    Organizer,
    cancellation_invite,
    meeting_invites,
)
from boardroom.services.meetings import find_meeting
from boardroom.storage.database import open_database

EMAIL_VAR = "BOARDROOM_ORGANIZER_EMAIL"
NAME_VAR = "BOARDROOM_ORGANIZER_NAME"


def _paths(out: Path, invites: list[Invite]) -> list[Path]:
    """The first invite goes where asked; updates for moved occurrences sit beside it."""
    return [out] + [out.with_name(f"{invite.name}.ics") for invite in invites[1:]]


def _run(args: argparse.Namespace) -> int:
    organizer = Organizer(
        name=args.organizer_name or os.environ.get(NAME_VAR) or DEFAULT_ORGANIZER_NAME,
        email=args.organizer_email or os.environ.get(EMAIL_VAR) or DEFAULT_ORGANIZER_EMAIL,
    )
    out = Path(args.out).expanduser()
    database = open_database(args.database)
    try:
        with database.transaction() as session:
            board_id = board_id_named(session, args.board) if args.board else None
            meeting = find_meeting(session, args.meeting, board_id)
            if args.cancel:
                invites = [cancellation_invite(session, meeting.id, organizer)]
            else:
                invites = meeting_invites(session, meeting.id, organizer)
            for path, invite in zip(_paths(out, invites), invites, strict=True):
                write_atomically(path, invite.to_ical())
                print(f"Wrote {invite.method} {path}")
    finally:
        database.close()
    return 0


def register(groups: CommandGroups) -> None:
    invite = groups.export.add_parser(
        "invite",
        help="write a meeting's calendar invite (.ics) for Outlook, Google or Thunderbird",
        description=(
            "Write the invite of a meeting. For a series the file holds the whole series "
            "(RRULE); each moved occurrence gets its own update file beside it."
        ),
    )
    invite.add_argument("meeting", metavar="MEETING", help="meeting number, or its date YYYY-MM-DD")
    invite.add_argument("--out", required=True, metavar="FILE.ics", help="where to write it")
    invite.add_argument("--board", metavar="NAME", help="the board, when a date is ambiguous")
    invite.add_argument(
        "--cancel",
        action="store_true",
        help="cancel the meeting and write the cancellation (METHOD:CANCEL)",
    )
    invite.add_argument(
        "--organizer-email",
        metavar="ADDRESS",
        help=f"the secretariat's address (default: ${EMAIL_VAR}, else {DEFAULT_ORGANIZER_EMAIL})",
    )
    invite.add_argument(
        "--organizer-name",
        metavar="NAME",
        help=f"the secretariat's name (default: ${NAME_VAR}, else {DEFAULT_ORGANIZER_NAME})",
    )
    invite.set_defaults(handler=_run)
