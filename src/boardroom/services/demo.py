"""The demo board: the Wirral Improvement Board built from real public documents.

The data lives in ``resources/sample/improvement_board.json`` so that it can be read and
corrected without touching code. Loading is idempotent: a second run finds the board and
does nothing, ``reset`` removes it (and the people only it used) before loading afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boardroom.assets import sample_data
from boardroom.services.actions import next_reference
from boardroom.services.boards import create_board
from boardroom.services.meetings import new_uid
from boardroom.services.people import find_by_email, person_in_use
from boardroom.services.plans import parse_target
from boardroom.storage.models import (
    ActionPoint,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Board,
    Declaration,
    Meeting,
    MeetingStatus,
    Membership,
    Minute,
    Person,
    Plan,
    PlanItem,
    PlanItemUpdate,
    PlanSection,
    Purpose,
    Rag,
    Resolution,
    Role,
    StandingKind,
)


@dataclass(frozen=True)
class DemoOutcome:
    board_name: str
    loaded: bool  # False when the board was already there and nothing changed


def load_demo(session: Session, *, reset: bool = False) -> DemoOutcome:
    data = sample_data()
    name = data["board"]["name"]
    existing = session.scalar(select(Board).where(Board.name == name))
    if existing is not None and not reset:
        return DemoOutcome(name, loaded=False)
    if existing is not None:
        _remove(session, existing, data)
    _DemoLoader(session, data).load()
    return DemoOutcome(name, loaded=True)


def _remove(session: Session, board: Board, data: dict[str, Any]) -> None:
    session.delete(board)
    session.flush()
    for entry in data["people"]:
        person = find_by_email(session, entry["email"])
        if person is not None and not person_in_use(session, person.id):
            session.delete(person)
    session.flush()


def _optional_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _optional_time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _with_key_dates(meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """The agenda, with the minutes' Key Dates table at the head of the "Key Dates" item.

    The table is kept as tab-separated lines, the way the minutes themselves lay it out.
    """
    items = meeting.get("agenda", [])
    rows = meeting.get("key_dates", [])
    if not rows:
        return items
    table = "\n".join(["DATE\tACTION", *(f"{r['date']}\t{r['action']}" for r in rows)])
    return [
        {**item, "notes": f"{table}\n\n{item.get('notes', '')}".strip()}
        if item["title"] == "Key Dates"
        else item
        for item in items
    ]


class _DemoLoader:
    """Turns the sample file's keys into rows, resolving references as it goes."""

    def __init__(self, session: Session, data: dict[str, Any]) -> None:
        self.session = session
        self.data = data
        self.people: dict[str, Person] = {}
        self.plan_items: dict[str, PlanItem] = {}

    def load(self) -> None:
        spec = self.data["board"]
        self.board = create_board(
            self.session,
            spec["name"],
            code=spec["code"],
            description=spec.get("description", ""),
            quorum=spec["quorum"],
            venue=spec["venue"],
            time_zone=spec["time_zone"],
            holiday_region=spec["holiday_region"],
            lead_days=spec["lead_days"],
        )
        self._people()
        self._memberships()
        self._plan()
        for meeting in self.data["meetings"]:
            self._meeting(meeting)
        self.session.flush()

    def _person(self, key: str | None) -> Person | None:
        return self.people[key] if key else None

    def _people(self) -> None:
        for entry in self.data["people"]:
            person = find_by_email(self.session, entry["email"])
            if person is None:
                person = Person(
                    name=entry["name"],
                    title=entry.get("title", ""),
                    job_title=entry.get("job_title", ""),
                    organisation=entry.get("organisation", ""),
                    email=entry["email"],
                )
                self.session.add(person)
            self.people[entry["key"]] = person
        self.session.flush()

    def _memberships(self) -> None:
        for entry in self.data["memberships"]:
            self.session.add(
                Membership(
                    board=self.board,
                    person=self.people[entry["person"]],
                    role=Role(entry["role"]),
                    start_date=_optional_date(entry.get("start")),
                    end_date=_optional_date(entry.get("end")),
                    deputy=self._person(entry.get("deputy")),
                )
            )

    def _plan(self) -> None:
        spec = self.data["plan"]
        plan = Plan(board=self.board, title=spec["title"], published=spec.get("published", ""))
        for section_spec in spec["sections"]:
            section = PlanSection(
                number=section_spec["number"],
                recommendation=section_spec["recommendation"],
                outcome=section_spec["outcome"],
            )
            for position, item_spec in enumerate(section_spec["items"]):
                item = PlanItem(
                    number=item_spec["number"],
                    position=position,
                    activity=item_spec["activity"],
                    desired_outcome=item_spec.get("desired_outcome", ""),
                    target_text=item_spec.get("target", ""),
                    target_date=parse_target(item_spec.get("target", "")),
                    lead=item_spec.get("lead", ""),
                    measure=item_spec.get("measure", ""),
                )
                self._progress(item, item_spec.get("progress", []))
                section.items.append(item)
                self.plan_items[item.number] = item
            plan.sections.append(section)
        self.session.add(plan)
        self.session.flush()

    @staticmethod
    def _progress(item: PlanItem, entries: list[dict[str, str]]) -> None:
        """The item's dated RAG ratings, oldest first; the last is its rating now."""
        for entry in entries:
            item.updates.append(
                PlanItemUpdate(
                    on_date=date.fromisoformat(entry["date"]),
                    rag=Rag(entry["rag"]),
                    note=entry["note"],
                )
            )
        if item.updates:
            item.rag = item.updates[-1].rag

    def _meeting(self, spec: dict[str, Any]) -> None:
        meeting = Meeting(
            board=self.board,
            title=spec["title"],
            starts_at=datetime.fromisoformat(spec["start"]),
            ends_at=datetime.fromisoformat(spec["end"]),
            venue=spec.get("venue") or self.board.venue,
            online_link=spec.get("online_link") or "",
            status=MeetingStatus(spec["status"]),
            uid=new_uid(),
            closed_at=_optional_time(spec.get("closed_at")),
            minutes_locked=spec["status"] == MeetingStatus.MINUTES_APPROVED,
        )
        self.session.add(meeting)
        for entry in spec.get("attendance", []):
            meeting.attendance.append(
                Attendance(
                    person=self.people[entry["person"]],
                    status=AttendanceStatus(entry["status"]),
                    deputy=self._person(entry.get("deputy")),
                    capacity=entry.get("note", ""),
                )
            )
        for position, item_spec in enumerate(_with_key_dates(spec)):
            self._agenda_item(meeting, position, item_spec)
        self.session.flush()

    def _agenda_item(self, meeting: Meeting, position: int, spec: dict[str, Any]) -> None:
        presenter = spec.get("presenter")
        item = AgendaItem(
            position=position,
            title=spec["title"],
            purpose=Purpose(spec.get("purpose") or Purpose.INFORMATION),
            presenter=self.people.get(presenter) if presenter else None,
            presenter_text="" if presenter in self.people else (presenter or ""),
            minutes_allotted=spec.get("minutes", 10),
            confidential=spec.get("confidential", False),
            standing=StandingKind(spec["standing"]) if spec.get("standing") else None,
        )
        if spec.get("notes"):
            item.minute = Minute(notes=spec["notes"])
        item.resolutions = [
            Resolution(position=i, text=text) for i, text in enumerate(spec.get("resolutions", []))
        ]
        meeting.agenda_items.append(item)
        for declaration in spec.get("declarations", []):
            meeting.declarations.append(
                Declaration(
                    person=self.people[declaration["person"]],
                    agenda_item=item,
                    interest=declaration["interest"],
                )
            )
        self.session.flush()
        for action_spec in spec.get("actions", []):
            self._action(meeting, item, action_spec)

    def _action(self, meeting: Meeting, item: AgendaItem, spec: dict[str, Any]) -> None:
        year = meeting.starts_at.year
        reference, sequence = next_reference(self.session, self.board, year)
        status = ActionStatus(spec.get("status", "open"))
        action = ActionPoint(
            board=self.board,
            reference=reference,
            year=year,
            sequence=sequence,
            description=spec["description"],
            owner=self._person(spec.get("owner")),
            due_date=_optional_date(spec.get("due")),
            status=status,
            origin_meeting=meeting,
            origin_item=item,
            plan_items=[self.plan_items[number] for number in spec.get("plan_items", [])],
        )
        previous = ActionStatus.OPEN
        for update in spec.get("updates", []):
            new_status = ActionStatus(update["status"]) if update.get("status") else None
            action.updates.append(
                ActionUpdate(
                    on_date=date.fromisoformat(update["date"]),
                    text=update["text"],
                    status_from=previous if new_status else None,
                    status_to=new_status,
                )
            )
            previous = new_status or previous
        if status.is_closed:
            last = action.updates[-1].on_date if action.updates else meeting.starts_at.date()
            action.closed_at = datetime.combine(last, time(17, 0))
        self.session.add(action)
        self.session.flush()
