"""A large, realistic, deterministic database: many boards over ten years.

Defaults follow the benchmark's brief: 15 boards, monthly meetings but August for 10
years (1,650 held), 12 agenda items with minutes per meeting, 600 people, 15 plans of 60 items
and 30,000 action points with update histories and plan links. Each board also has its next
three meetings scheduled, with their agendas but no minutes yet, as a live database would: the
Dashboard has a next meeting and a papers deadline to show, and live minutes can be typed.
Rows go in through bulk Core inserts in one transaction, so a full database takes seconds.

    python -m boardroom.bench.generate --out big.db [--actions 3000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import count
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.engine import Connection

from boardroom.services.boards import DEFAULT_STANDING_ITEMS
from boardroom.storage.database import open_database
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Board,
    Meeting,
    MeetingStatus,
    Membership,
    Minute,
    Person,
    Plan,
    PlanItem,
    PlanSection,
    Purpose,
    Rag,
    Resolution,
    Role,
    StandingItem,
    action_plan_item,
)

FIRST_NAMES = [
    "Julia",
    "Gladys",
    "Deborah",
    "Kerry",
    "Matthew",
    "Alison",
    "Kevin",
    "Eric",
    "Wendy",
    "Phil",
    "Ian",
    "Lorna",
    "Mike",
    "Lisa",
    "Paula",
    "Annette",
    "Tracey",
    "Simone",
    "Joe",
    "Eifion",
    "Anne-Marie",
    "Lynn",
    "Paul",
    "Nabeel",
    "Alex",
    "Hannah",
    "Trish",
    "Fiona",
    "Sarah",
    "David",
    "Priya",
    "Aisha",
    "Tom",
    "Rachel",
    "Mohammed",
    "Chloe",
    "Owen",
    "Grace",
    "Sean",
    "Bethan",
]
SURNAMES = [
    "Hassall",
    "Rhodes-White",
    "Gornik",
    "Crichlow",
    "Humble",
    "Watson",
    "MacCallum",
    "Robinson",
    "Clements",
    "Gilchrist",
    "Quigley",
    "Forber",
    "Ayling",
    "Wearing",
    "Roberts",
    "Hayes",
    "White",
    "Banham",
    "Burke",
    "Carney",
    "Campbell",
    "Smith",
    "Chaudhry",
    "Kaitell",
    "Myers",
    "Lewis",
    "Shaughnessy",
    "Patel",
    "Khan",
    "Evans",
    "Jones",
    "Davies",
    "Thomas",
    "Hughes",
    "Morgan",
    "Price",
    "Walsh",
    "Kelly",
    "Byrne",
    "Murphy",
]
ORGANISATIONS = (
    "Wirral Council", "Wirral CCG", "Merseyside Police", "Community Action Wirral",
    "NHS England", "Wirral Schools Forum", "Department for Education", "Probation Service",
)  # fmt: skip
BOARD_NAMES = (
    "Improvement Board", "Health and Wellbeing Board", "Safeguarding Partnership",
    "Audit and Risk Committee", "Corporate Parenting Panel", "Schools Forum",
    "Children's Trust Board", "Adult Social Care Board", "Community Safety Partnership",
    "Housing Strategy Board", "Climate Emergency Board", "Skills and Employment Board",
    "Transport Partnership", "Culture and Heritage Board", "Finance Scrutiny Panel",
)  # fmt: skip
AGENDA_TITLES = (
    "Welcome and apologies", "Declarations of interest",
    "Minutes of the previous meeting and matters arising", "Action log review",
    "Performance report", "Improvement plan progress", "Quality assurance findings",
    "Finance update", "Workforce and recruitment", "Partner updates", "Any other business",
    "Date of next meeting",
)  # fmt: skip
ACTION_VERBS = (
    "Circulate", "Report back on", "Review", "Bring a paper on", "Confirm", "Audit",
    "Update the Board on", "Draft", "Agree", "Publish",
)  # fmt: skip
ACTION_OBJECTS = (
    "the quarterly performance data", "timeliness of assessments", "the workforce strategy",
    "placement sufficiency", "transition arrangements", "the training programme",
    "the terms of reference", "the risk register", "care leavers' feedback",
    "the early help offer", "the audit findings", "education outcomes for children in care",
)  # fmt: skip


@dataclass(frozen=True)
class Scale:
    boards: int = 15
    years: int = 10
    items_per_meeting: int = 12
    people: int = 600
    plan_items: int = 60
    actions: int = 30_000
    scheduled: int = 3  # meetings still to come, per board


class _Ids:
    """Hands out primary keys so rows can reference each other before insertion."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def take(self, table: str) -> int:
        value = self._next.get(table, 1)
        self._next[table] = value + 1
        return value

    def tables(self) -> set[str]:
        return set(self._next)


def _advance_sequences(connection: Connection, tables: list[str]) -> None:
    """Explicit ids bypass PostgreSQL's sequences; move them past the rows we wrote."""
    for table in tables:
        connection.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
        )


STAMP = datetime(2026, 1, 1, 9, 0)


def _entity(**values: Any) -> dict[str, Any]:
    return {"version": 1, "created_at": STAMP, "updated_at": STAMP, **values}


def _insert(connection: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    batch = list(rows)
    for start in range(0, len(batch), 5000):
        connection.execute(insert(table), batch[start : start + 5000])
    return len(batch)


def _third_tuesday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 14)


def generate(
    url: str, scale: Scale = Scale(), seed: int = 7, today: date = date(2026, 1, 1)
) -> dict[str, int]:
    """Fill the (new) database at ``url``; returns the row count per table."""
    rng = random.Random(seed)
    ids = _Ids()
    counts: dict[str, int] = {}
    database = open_database(url)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (
        "board", "person", "membership", "standing_item", "plan", "plan_section", "plan_item",
        "meeting", "attendance", "agenda_item", "minute", "resolution", "action_point",
        "action_update", "action_plan_item",
    )}  # fmt: skip

    people = []
    for index in range(scale.people):
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        person_id = ids.take("person")
        people.append(person_id)
        rows["person"].append(_entity(
            id=person_id, name=f"{first} {last}", title="Cllr" if index % 17 == 0 else "",
            job_title=rng.choice(("Director", "Head of Service", "Team Manager", "Councillor",
                                  "Chief Executive", "Lead Officer", "Commissioning Manager")),
            organisation=rng.choice(ORGANISATIONS),
            email=f"{first}.{last}.{index}@example.org".lower().replace("'", ""),
        ))  # fmt: skip

    first_year = today.year - scale.years
    for board_index in range(scale.boards):
        board_id = ids.take("board")
        name = BOARD_NAMES[board_index % len(BOARD_NAMES)]
        if board_index >= len(BOARD_NAMES):
            name = f"{name} {board_index // len(BOARD_NAMES) + 1}"
        code = "".join(word[0] for word in name.split() if word[0].isalpha()).upper()[:4]
        code = f"{code}{board_index}"
        rows["board"].append(_entity(
            id=board_id, name=name, code=code, description="", quorum=6,
            venue="Committee Room 1, Wallasey Town Hall", time_zone="Europe/London",
            holiday_region="GB-ENG", lead_days=5,
        ))  # fmt: skip
        for position, (title, purpose, kind, minutes) in enumerate(DEFAULT_STANDING_ITEMS):
            rows["standing_item"].append(_entity(
                id=ids.take("standing_item"), board_id=board_id, position=position,
                title=title, purpose=purpose.value, kind=kind.value, minutes_allotted=minutes,
            ))  # fmt: skip
        members = rng.sample(people, 16)
        for position, person_id in enumerate(members):
            role = Role.CHAIR if position == 0 else Role.OFFICER if position > 11 else Role.MEMBER
            rows["membership"].append(_entity(
                id=ids.take("membership"), board_id=board_id, person_id=person_id,
                role=role.value, start_date=date(first_year, 1, 1), end_date=None,
                deputy_id=rng.choice(people) if position % 4 == 1 else None,
            ))  # fmt: skip

        plan_id = ids.take("plan")
        rows["plan"].append(_entity(id=plan_id, board_id=board_id, title=f"{name} plan",
                                    published=str(first_year)))  # fmt: skip
        plan_item_ids = []
        sections = 5
        for section_number in range(1, sections + 1):
            section_id = ids.take("plan_section")
            rows["plan_section"].append(_entity(
                id=section_id, plan_id=plan_id, number=section_number,
                recommendation=f"Recommendation {section_number}",
                outcome=f"Outcome {section_number}",
            ))  # fmt: skip
            for position in range(scale.plan_items // sections):
                item_id = ids.take("plan_item")
                plan_item_ids.append(item_id)
                target = date(today.year + rng.randint(-3, 1), rng.randint(1, 12), 28)
                rows["plan_item"].append(_entity(
                    id=item_id, section_id=section_id,
                    number=f"{section_number}.{position + 1}", position=position,
                    activity=f"{rng.choice(ACTION_VERBS)} {rng.choice(ACTION_OBJECTS)}",
                    desired_outcome="Children's needs are met without delay",
                    target_text=f"{target:%B %Y}", target_date=target,
                    lead=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                    measure="No' of audits graded good", rag=rng.choice(list(Rag)).value,
                ))  # fmt: skip

        meetings = []  # the held ones, which actions come from
        to_come = scale.scheduled
        for month_index in count():
            year, month = first_year + month_index // 12, month_index % 12 + 1
            day = _third_tuesday(year, month)
            past = day < today
            if month == 8:  # boards take the summer off: eleven meetings a year
                continue
            if not past and not to_come:
                break
            to_come -= not past
            meeting_id = ids.take("meeting")
            if past:
                meetings.append((meeting_id, day))
            starts = datetime.combine(day, time(14, 0))
            rows["meeting"].append(_entity(
                id=meeting_id, board_id=board_id, series_id=None, title=name,
                starts_at=starts, ends_at=starts + timedelta(hours=2), series_start=None,
                venue="Committee Room 1, Wallasey Town Hall", online_link="",
                status=(MeetingStatus.MINUTES_APPROVED if past else MeetingStatus.SCHEDULED).value,
                uid=f"bench-{meeting_id}@boardroom", sequence=0, circulated_at=None,
                closed_at=time(16, 0) if past else None, minutes_locked=past,
                minutes_approved_on=None, minutes_editor="", minutes_editor_seen=None,
            ))  # fmt: skip
            for person_id in members if past else ():
                rows["attendance"].append(_entity(
                    id=ids.take("attendance"), meeting_id=meeting_id, person_id=person_id,
                    status=rng.choice((AttendanceStatus.PRESENT,) * 5
                                      + (AttendanceStatus.APOLOGIES,)).value,
                    deputy_id=None, capacity="", arrived_at=None, left_at=None,
                ))  # fmt: skip
            for position in range(scale.items_per_meeting):
                item_id = ids.take("agenda_item")
                rows["agenda_item"].append(_entity(
                    id=item_id, meeting_id=meeting_id, parent_id=None, position=position,
                    title=AGENDA_TITLES[position % len(AGENDA_TITLES)],
                    purpose=rng.choice(list(Purpose)).value,
                    presenter_id=rng.choice(members), presenter_text="", minutes_allotted=10,
                    description="", confidential=position == 9, standing=None,
                ))  # fmt: skip
                if not past:
                    continue
                rows["minute"].append(_entity(
                    id=ids.take("minute"), agenda_item_id=item_id,
                    notes=" ".join(rng.choice(ACTION_OBJECTS) for _ in range(40)),
                ))  # fmt: skip
                if position % 4 == 0:
                    rows["resolution"].append(_entity(
                        id=ids.take("resolution"), agenda_item_id=item_id, position=0,
                        text="That the Board noted the report.",
                    ))  # fmt: skip
        _actions(rows, ids, rng, scale, board_index, board_id, code, members, meetings,
                 plan_item_ids, today)  # fmt: skip

    with database.engine.begin() as connection:
        for model in (Board, Person, Membership, StandingItem, Plan, PlanSection, PlanItem,
                      Meeting, Attendance, AgendaItem, Minute, Resolution, ActionPoint,
                      ActionUpdate):  # fmt: skip
            table = model.__table__
            counts[table.name] = _insert(connection, table, rows[table.name])
        counts["action_plan_item"] = _insert(connection, action_plan_item, rows["action_plan_item"])
        if connection.dialect.name == "postgresql":
            _advance_sequences(connection, sorted(ids.tables()))
    database.close()
    return counts


def _actions(
    rows: dict[str, list[dict[str, Any]]],
    ids: _Ids,
    rng: random.Random,
    scale: Scale,
    board_index: int,
    board_id: int,
    code: str,
    members: list[int],
    meetings: list[tuple[int, date]],
    plan_item_ids: list[int],
    today: date,
) -> None:
    share = scale.actions // scale.boards + (1 if board_index < scale.actions % scale.boards else 0)
    sequence_by_year: dict[int, int] = {}
    for _ in range(share):
        meeting_id, held_on = rng.choice(meetings)
        year = held_on.year
        sequence = sequence_by_year[year] = sequence_by_year.get(year, 0) + 1
        due = held_on + timedelta(days=rng.randint(14, 120))
        age = (today - held_on).days
        if age > 365:
            status = rng.choice(
                (ActionStatus.DONE,) * 8 + (ActionStatus.DROPPED, ActionStatus.OPEN)
            )
        else:
            status = rng.choice(list(ActionStatus))
        action_id = ids.take("action_point")
        closed = datetime.combine(min(due, today), time(17)) if status.is_closed else None
        rows["action_point"].append(_entity(
            id=action_id, board_id=board_id, reference=f"{code}-{year}-{sequence:03d}",
            year=year, sequence=sequence,
            description=f"{rng.choice(ACTION_VERBS)} {rng.choice(ACTION_OBJECTS)}",
            owner_id=rng.choice(members), due_date=due, status=status.value,
            origin_meeting_id=meeting_id, origin_item_id=None, closed_at=closed,
        ))  # fmt: skip
        previous = ActionStatus.OPEN
        for step in range(rng.randint(0, 3)):
            new_status = status if step == 0 and status is not ActionStatus.OPEN else None
            rows["action_update"].append(_entity(
                id=ids.take("action_update"), action_id=action_id,
                on_date=held_on + timedelta(days=28 * (step + 1)),
                text="Progress reported to the Board.",
                status_from=previous.value if new_status else None,
                status_to=new_status.value if new_status else None, meeting_id=None,
            ))  # fmt: skip
            previous = new_status or previous
        for plan_item_id in rng.sample(plan_item_ids, rng.randint(1, 2)):
            rows["action_plan_item"].append({"action_id": action_id, "plan_item_id": plan_item_id})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="SQLite file to create (must not exist)")
    parser.add_argument("--actions", type=int, default=Scale.actions)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    if out.exists():
        parser.error(f"{out} exists; the generator only fills a new database")
    counts = generate(f"sqlite:///{out}", Scale(actions=args.actions), seed=args.seed)
    print(", ".join(f"{name} {count}" for name, count in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
