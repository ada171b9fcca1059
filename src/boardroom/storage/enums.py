"""Closed vocabularies of the domain, stored as their string values."""

from enum import StrEnum


class Role(StrEnum):
    """A member's role on a board, as the terms of reference name them."""

    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    OFFICER = "officer"
    OBSERVER = "observer"
    ADVISER = "adviser"
    SECRETARY = "secretary"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-chair",
    Role.MEMBER: "Member",
    Role.OFFICER: "Officer in attendance",
    Role.OBSERVER: "Participant observer",
    Role.ADVISER: "Adviser",
    Role.SECRETARY: "Secretary",
}


class MeetingStatus(StrEnum):
    """Where a meeting is in its month: scheduled → … → minutes approved, or cancelled."""

    SCHEDULED = "scheduled"
    AGENDA_PUBLISHED = "agenda_published"
    HELD = "held"
    MINUTES_DRAFTED = "minutes_drafted"
    MINUTES_APPROVED = "minutes_approved"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class AttendanceStatus(StrEnum):
    """How a person figures in a meeting's register."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    DEPUTY = "deputy"  # a named deputy attended for this member
    IN_ATTENDANCE = "in_attendance"  # officers in attendance
    GUEST = "guest"


class Purpose(StrEnum):
    """Why an item is on the agenda."""

    INFORMATION = "information"
    DECISION = "decision"
    DISCUSSION = "discussion"
    ASSURANCE = "assurance"
    PRESENTATION = "presentation"
    DEEP_DIVE = "deep_dive"

    @property
    def label(self) -> str:
        return {
            Purpose.PRESENTATION: "Presentation",
            Purpose.DEEP_DIVE: "Deep dive",
        }.get(self, f"For {self.value}")


class StandingKind(StrEnum):
    """Agenda items every meeting has; the app treats some of them specially."""

    WELCOME = "welcome"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    ACTION_LOG = "action_log"
    AOB = "aob"
    NEXT_MEETING = "next_meeting"


class ActionStatus(StrEnum):
    """Life of an action point; done and dropped are closed."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.DROPPED)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Rag(StrEnum):
    """Red/amber/green rating of progress against a plan item."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NOT_RATED = "not_rated"
