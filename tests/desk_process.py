"""One desk in its own process, for the two-desks test: it reads a record, waits to be told
to save, then saves with the version it read — exactly what the action dialog and the
notes editor do.

Usage: python desk_process.py DATABASE_URL action|minute ID TEXT

Prints ``read <version>`` once it has read the record, then, after a line ``save`` on
standard input, ``saved <version>`` or ``conflict <message>``.
"""

from __future__ import annotations

import sys

from boardroom.errors import ConflictError
from boardroom.services.actions import edit_action, get_action
from boardroom.services.minutes import notes_of, save_notes
from boardroom.storage.database import open_database


def main() -> int:
    url, kind, record_id, text = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    database = open_database(url)
    with database.sessions() as session:
        if kind == "action":
            action = get_action(session, record_id)
            version: int | None = action.version
            owner_id, due = action.owner_id, action.due_date
            plan_item_ids = [item.id for item in action.plan_items]
        else:
            version = notes_of(session, record_id)[1]
    print(f"read {version}", flush=True)
    if sys.stdin.readline().strip() != "save":
        return 2
    try:
        with database.transaction() as session:
            if kind == "action":
                saved = edit_action(
                    session,
                    record_id,
                    text,
                    owner_id=owner_id,
                    due_date=due,
                    plan_item_ids=plan_item_ids,
                    expected_version=version,
                ).version
            else:
                saved = save_notes(session, record_id, text, expected_version=version)
    except ConflictError as error:
        print(f"conflict {error.message}", flush=True)
    else:
        print(f"saved {saved}", flush=True)
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
