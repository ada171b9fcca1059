"""``boardroom backup`` and ``boardroom restore``."""

import argparse
from pathlib import Path

from boardroom.commands import CommandGroups
from boardroom.storage.backup import backup_to, restore_from
from boardroom.storage.database import open_database


def _backup(args: argparse.Namespace) -> int:
    database = open_database(args.database)
    try:
        target = backup_to(database, Path(args.out).expanduser().resolve())
    finally:
        database.close()
    print(f"Backed up {database.describe()} to {target}.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    database = open_database(args.database)
    try:
        kept = restore_from(database, Path(args.file).expanduser().resolve())
    finally:
        database.close()
    reopened = open_database(args.database)  # upgrades an older backup's schema
    reopened.close()
    print(
        f"Restored {args.file} into {database.describe()}; the replaced database is kept as {kept}."
    )
    return 0


def register(groups: CommandGroups) -> None:
    backup = groups.top.add_parser("backup", help="copy the local database to a file")
    backup.add_argument("--out", required=True, metavar="FILE", help="where to write the copy")
    backup.set_defaults(handler=_backup)
    restore = groups.top.add_parser(
        "restore", help="replace the local database with a verified backup (the old one is kept)"
    )
    restore.add_argument("file", metavar="FILE", help="a backup written by Boardroom")
    restore.set_defaults(handler=_restore)
