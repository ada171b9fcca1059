"""``boardroom export minutes``: the Word minutes of a meeting, in full or for publication."""

from __future__ import annotations

import argparse
from pathlib import Path

from boardroom.commands import CommandGroups, add_template_option
from boardroom.commands.agenda import MEETING_HELP
from boardroom.dates import format_date
from boardroom.minutes_docx import export_minutes
from boardroom.services.meetings import find_meeting
from boardroom.storage.database import open_database


def _export_minutes(args: argparse.Namespace) -> int:
    database = open_database(args.database)
    try:
        with database.sessions() as session:
            meeting = find_meeting(session, args.meeting)
            target = export_minutes(
                session,
                meeting.id,
                Path(args.out).expanduser().resolve(),
                public=args.public,
                template=args.template,
            )
    finally:
        database.close()
    version = "public minutes" if args.public else "minutes"
    print(f"Wrote the {version} of {format_date(meeting.starts_at)} to {target}.")
    return 0


def register(groups: CommandGroups) -> None:
    export = groups.export.add_parser("minutes", help="the Word minutes of a meeting")
    export.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    export.add_argument("--out", required=True, metavar="FILE.docx", help="where to write it")
    add_template_option(export)
    export.add_argument(
        "--public",
        action="store_true",
        help="leave the confidential items out entirely, for publication",
    )
    export.set_defaults(handler=_export_minutes)
