"""autosave_p95_ms: saving one live-minutes edit, as the live view's notes box does it.

Each sample is one save a second after typing stops: a transaction of its own through
``Database.transaction`` (with the autosave's short lock wait) and
``services.minutes.save_notes`` with the version the editor last saw, on an agenda item of a
meeting still to be minuted, its text a few words longer each time. SQLite runs with full
sync, so every save waits for the disk like the app's own. The floor is the bare UPDATE of
the same row in a transaction of its own. The item's notes are put back afterwards.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from boardroom.bench import probe
from boardroom.services.minutes import notes_of, save_notes
from boardroom.storage.database import AUTOSAVE_LOCK_WAIT_MS, Database, open_database
from boardroom.storage.models import AgendaItem, Meeting, Minute

WORDS = [
    "Members",
    "asked",
    "how",
    "the",
    "service",
    "would",
    "sustain",
    "the",
    "improvement",
    "once",
    "the",
    "contracts",
    "end",
]


def _item_to_minute(database: Database) -> int:
    """An item of the board's next meeting (its minutes are open for writing)."""
    with database.sessions() as session:
        item_id = session.scalar(
            select(AgendaItem.id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(Meeting.minutes_locked.is_(False))
            .order_by(Meeting.starts_at, AgendaItem.position)
            .limit(1)
        )
    if item_id is None:
        raise SystemExit("the benchmark database has no meeting whose minutes are open")
    return item_id


def measure(url: str, repeat: int) -> dict[str, Any]:
    database = open_database(url)
    try:
        item_id = _item_to_minute(database)
        with database.sessions() as session:
            original, version = notes_of(session, item_id)
        text, saves, floors = original, [], []
        for index in range(repeat):
            text += " " + WORDS[index % len(WORDS)]

            def save(notes: str = text) -> None:
                nonlocal version
                with database.transaction(lock_wait_ms=AUTOSAVE_LOCK_WAIT_MS) as session:
                    version = save_notes(session, item_id, notes, expected_version=version)

            saves.append(probe.timed(save))
        minute = Minute.__table__
        for index in range(repeat):
            statement = (
                update(minute)
                .where(minute.c.agenda_item_id == item_id)
                .values(notes=f"{text} {index}", version=minute.c.version + 1)
            )
            with probe.stopwatch(floors), database.engine.begin() as connection:
                connection.execute(statement)
        with database.sessions() as session:
            _, version = notes_of(session, item_id)
        with database.transaction() as session:
            save_notes(session, item_id, original, expected_version=version)
    finally:
        database.close()
    return {
        "value": probe.milliseconds(probe.percentile(saves, 0.95)),
        "median_ms": probe.milliseconds(probe.median(saves)),
        "floor_p95_ms": probe.milliseconds(probe.percentile(floors, 0.95)),
        "floor_median_ms": probe.milliseconds(probe.median(floors)),
        "samples": repeat,
    }


def main() -> None:
    args = probe.arguments(__doc__.splitlines()[0])
    probe.emit(measure(args.database, args.repeat))


if __name__ == "__main__":
    main()
