"""The ORM models of the whole domain vocabulary, importable from one place."""

from boardroom.storage.enums import (
    ActionStatus,
    AttendanceStatus,
    MeetingStatus,
    Purpose,
    Rag,
    Role,
    StandingKind,
)
from boardroom.storage.models.actions import ActionPoint, ActionUpdate
from boardroom.storage.models.base import Base
from boardroom.storage.models.boards import Board, Membership, Person, StandingItem
from boardroom.storage.models.meetings import (
    AgendaItem,
    Attendance,
    Declaration,
    ItemVisit,
    Meeting,
    MeetingEvent,
    MeetingSeries,
    Minute,
    Paper,
    PaperContent,
    Resolution,
)
from boardroom.storage.models.plans import Plan, PlanItem, PlanItemUpdate, PlanSection
from boardroom.storage.tables import action_plan_item

__all__ = [
    "ActionPoint",
    "ActionStatus",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "Base",
    "Board",
    "Declaration",
    "ItemVisit",
    "Meeting",
    "MeetingEvent",
    "MeetingSeries",
    "MeetingStatus",
    "Membership",
    "Minute",
    "Paper",
    "PaperContent",
    "Person",
    "Plan",
    "PlanItem",
    "PlanItemUpdate",
    "PlanSection",
    "Purpose",
    "Rag",
    "Resolution",
    "Role",
    "StandingItem",
    "StandingKind",
    "action_plan_item",
]
