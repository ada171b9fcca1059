"""The benchmark's databases: generated once, then reused while nothing that shapes them changes.

A full database (30,000 actions) takes a few seconds to generate on SQLite and longer on
PostgreSQL, so it is kept: a SQLite file in the user cache folder named after everything
that decides its contents (sizes, seed, generator source, schema revision, the month it
runs up to), or — on a PostgreSQL server given with ``--database`` — the database itself,
recognised by its row counts and refilled only when they differ. A PostgreSQL database
that holds anything but benchmark data is refused, never emptied.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import create_engine, func, inspect, make_url, select, text

from boardroom.bench import generate as generator
from boardroom.bench.generate import Scale
from boardroom.errors import BoardroomError
from boardroom.storage.database import with_driver
from boardroom.storage.models import ActionPoint, Board, Meeting

FULL = Scale()
QUICK = Scale(boards=2, years=2, people=80, plan_items=20, actions=1_000)
# dashboard_queries compares the full data with the same boards and meetings but a tenth of
# the actions: only the number of actions differs between the two.
SMALL_SCHEMA = "bench_small"


@dataclass(frozen=True)
class Datasets:
    """The URLs of the benchmark database and of its tenth-of-the-actions twin."""

    large: str
    small: str
    scale: Scale
    small_scale: Scale


def smaller(scale: Scale) -> Scale:
    return Scale(**{**asdict(scale), "actions": scale.actions // 10})


def as_of() -> date:
    """The day the data is generated up to: this month's first, so that the next meetings
    are still to come and the due dates near, as in a live database, whatever the date the
    benchmark runs (the data changes once a month, not with every run)."""
    return date.today().replace(day=1)


def _fingerprint(scale: Scale, seed: int) -> str:
    from alembic.script import ScriptDirectory

    from boardroom.storage.database import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head() or ""
    source = Path(generator.__file__).read_bytes()
    digest = hashlib.sha256(source + repr((asdict(scale), seed, head, as_of())).encode())
    return digest.hexdigest()[:12]


def _sqlite_file(folder: Path, scale: Scale, seed: int) -> str:
    """The cached file for this scale, generated beside its final name and then renamed, so
    an interrupted run never leaves a half-filled file that looks finished."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{scale.actions}-actions-{_fingerprint(scale, seed)}.db"
    if not path.exists():
        partial = path.with_suffix(f".partial-{os.getpid()}")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        generator.generate(f"sqlite:///{partial}", scale, seed=seed, today=as_of())
        partial.replace(path)
        for stale in folder.glob(f"bench-{scale.actions}-actions-*.db"):
            if stale != path:  # an earlier month's or generator's copy
                stale.unlink()
    return f"sqlite:///{path}"


def in_schema(url: str, schema: str) -> str:
    """The same PostgreSQL database with ``schema`` first on the search path."""
    parsed = make_url(url)
    query = {**parsed.query, "options": f"-csearch_path={schema}"}
    return parsed.set(query=query).render_as_string(hide_password=False)


def _postgres(url: str, schema: str, scale: Scale, seed: int) -> str:
    """Fill ``schema`` of the server's database with the benchmark data unless it holds it."""
    engine = create_engine(with_driver(make_url(url)))
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            connection.execute(text(f'SET LOCAL search_path TO "{schema}"'))
            tables = set(inspect(connection).get_table_names(schema=schema))
            if "action_point" in tables:
                since = datetime.combine(as_of(), time.min)
                boards, actions, ours, to_come = connection.execute(
                    select(
                        select(func.count()).select_from(Board).scalar_subquery(),
                        select(func.count()).select_from(ActionPoint).scalar_subquery(),
                        select(func.count())
                        .select_from(Meeting)
                        .where(Meeting.uid.like("bench-%"))
                        .scalar_subquery(),
                        select(func.count())
                        .select_from(Meeting)
                        .where(Meeting.starts_at >= since)
                        .scalar_subquery(),
                    )
                ).one()
                if boards and not ours:
                    raise BoardroomError(
                        f"The database {make_url(url).render_as_string()} holds real boards, "
                        "not benchmark data; give the benchmark a database of its own."
                    )
                # Generated for this month: the same sizes, and its meetings still to come.
                expected = (scale.boards, scale.actions, scale.boards * scale.scheduled)
                if (boards, actions, to_come) == expected:
                    return in_schema(url, schema)
            if tables:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    finally:
        engine.dispose()
    target = in_schema(url, schema)
    generator.generate(target, scale, seed=seed, today=as_of())
    return target


def prepare(database: str | None, cache: Path, scale: Scale, seed: int = 7) -> Datasets:
    """The benchmark database (and its twin) at ``database``, or cached SQLite files."""
    small_scale = smaller(scale)
    if database is None:
        return Datasets(
            _sqlite_file(cache, scale, seed),
            _sqlite_file(cache, small_scale, seed),
            scale,
            small_scale,
        )
    if not make_url(database).get_backend_name().startswith("postgresql"):
        raise BoardroomError("--database takes a PostgreSQL URL; SQLite files are cached.")
    return Datasets(
        _postgres(database, "public", scale, seed),
        _postgres(database, SMALL_SCHEMA, small_scale, seed),
        scale,
        small_scale,
    )
