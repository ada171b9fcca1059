"""Two desks, two processes, one record: one save wins, the other is told it conflicts.

Each desk is a real process (tests/desk_process.py) on the same database — the SQLite file,
or the PostgreSQL server when the storage tests run there. Both read the record first, as
two clerks with the same action or the same notes open would; then they save, one after the
other or at the same moment. Nothing is silently lost: the loser's save is refused with a
ConflictError, never applied over the winner's, and the database holds the winner's text.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from boardroom.services.actions import get_action
from boardroom.services.minutes import notes_of
from boardroom.storage.database import Database
from boardroom.storage.models import ActionPoint, AgendaItem, Meeting, MeetingStatus, Minute

DESK = Path(__file__).with_name("desk_process.py")


class Desk:
    """A desk process that reads the record, then waits for ``save``."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self._version: str | None = None

    @property
    def version(self) -> str:
        """The version it read (waits for the process to have read it)."""
        if self._version is None:
            self._version = self._line().removeprefix("read ")
        return self._version

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line, f"the desk process stopped (exit code {self.process.poll()})"
        return line

    def save(self) -> None:
        assert self.version, "a desk saves only what it has read"
        assert self.process.stdin is not None
        self.process.stdin.write("save\n")
        self.process.stdin.flush()

    def outcome(self) -> tuple[str, str]:
        word, _space, rest = self._line().partition(" ")
        return word, rest


@contextmanager
def desk(url: str, kind: str, record_id: int, text: str) -> Iterator[Desk]:
    with subprocess.Popen(
        [sys.executable, str(DESK), url, kind, str(record_id), text],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            yield Desk(process)
        finally:
            if process.stdin is not None:
                process.stdin.close()
            process.wait(30)


def _record(database: Database, kind: str) -> int:
    """The demo's first action, an item of the 2019 minutes, or a 2016 item not yet minuted."""
    with database.sessions() as session:
        if kind == "action":
            return session.scalars(select(ActionPoint.id).order_by(ActionPoint.id)).first()
        noted = select(Minute.agenda_item_id)
        items = select(AgendaItem.id).join(Meeting).order_by(AgendaItem.id)
        if kind == "minute":
            items = items.where(
                Meeting.status == MeetingStatus.MINUTES_DRAFTED, AgendaItem.id.in_(noted)
            )
        else:
            items = items.where(
                Meeting.status == MeetingStatus.AGENDA_PUBLISHED, AgendaItem.id.not_in(noted)
            )
        return session.scalars(items).first()


def _stored(database: Database, kind: str, record_id: int) -> str:
    with database.sessions() as session:
        if kind == "action":
            return get_action(session, record_id).description
        return notes_of(session, record_id)[0]


KINDS = ("action", "minute", "first notes")


@pytest.mark.parametrize("kind", KINDS)
def test_the_later_save_of_two_desks_is_refused_as_a_conflict(demo_database, database_url, kind):
    record_id = _record(demo_database, kind)
    process_kind = "action" if kind == "action" else "minute"
    with (
        desk(database_url, process_kind, record_id, "Desk A's words") as first,
        desk(database_url, process_kind, record_id, "Desk B's words") as second,
    ):
        assert first.version == second.version, "both desks read the same version"
        first.save()
        assert first.outcome()[0] == "saved"
        second.save()
        verdict, message = second.outcome()
    assert verdict == "conflict"
    assert "changed at another desk since you opened" in message
    assert _stored(demo_database, kind, record_id) == "Desk A's words"


@pytest.mark.parametrize("kind", KINDS)
def test_two_desks_saving_at_the_same_moment_leave_one_winner(demo_database, database_url, kind):
    record_id = _record(demo_database, kind)
    process_kind = "action" if kind == "action" else "minute"
    texts = ("Desk A's words", "Desk B's words")
    with ExitStack() as stack:
        desks = [
            stack.enter_context(desk(database_url, process_kind, record_id, text)) for text in texts
        ]
        assert desks[0].version == desks[1].version, "both desks read before either saves"
        for each in desks:
            each.save()
        outcomes = [each.outcome() for each in desks]
    verdicts = sorted(verdict for verdict, _message in outcomes)
    assert verdicts == ["conflict", "saved"], outcomes
    winner = next(
        text for text, (verdict, _m) in zip(texts, outcomes, strict=True) if verdict == "saved"
    )
    assert _stored(demo_database, kind, record_id) == winner
