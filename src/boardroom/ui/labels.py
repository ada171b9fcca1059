"""How the window names the domain's closed vocabularies, in the user's language.

The enums live in ``storage.models`` (no Qt there), and their ``label`` properties word
them for the Word documents and the command line. Passing those to ``tr()`` as variables
hides them from Qt's lupdate, so nothing would ever be translated: the window names them
from this table instead, every name marked with ``QT_TRANSLATE_NOOP`` where lupdate finds
it. ``label_of(value)`` works for any of them; tests/test_translations.py checks that every
member has its name here and that the window shows none of the models' own.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from boardroom.storage.enums import (
    ActionStatus,
    AttendanceStatus,
    MeetingStatus,
    Purpose,
    Rag,
    Role,
)

if TYPE_CHECKING:
    from boardroom.services.action_rows import GroupTotals
    from boardroom.services.attendance import Quorum, RegisterLine

CONTEXT = "Labels"

NAMES: dict[type[StrEnum], dict[StrEnum, str]] = {
    MeetingStatus: {
        MeetingStatus.SCHEDULED: QT_TRANSLATE_NOOP("Labels", "Scheduled"),
        MeetingStatus.AGENDA_PUBLISHED: QT_TRANSLATE_NOOP("Labels", "Agenda published"),
        MeetingStatus.HELD: QT_TRANSLATE_NOOP("Labels", "Held"),
        MeetingStatus.MINUTES_DRAFTED: QT_TRANSLATE_NOOP("Labels", "Minutes drafted"),
        MeetingStatus.MINUTES_APPROVED: QT_TRANSLATE_NOOP("Labels", "Minutes approved"),
        MeetingStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    Role: {
        Role.CHAIR: QT_TRANSLATE_NOOP("Labels", "Chair"),
        Role.VICE_CHAIR: QT_TRANSLATE_NOOP("Labels", "Vice-chair"),
        Role.MEMBER: QT_TRANSLATE_NOOP("Labels", "Member"),
        Role.OFFICER: QT_TRANSLATE_NOOP("Labels", "Officer in attendance"),
        Role.OBSERVER: QT_TRANSLATE_NOOP("Labels", "Participant observer"),
        Role.ADVISER: QT_TRANSLATE_NOOP("Labels", "Adviser"),
        Role.SECRETARY: QT_TRANSLATE_NOOP("Labels", "Secretary"),
    },
    AttendanceStatus: {
        AttendanceStatus.PRESENT: QT_TRANSLATE_NOOP("Labels", "Present"),
        AttendanceStatus.APOLOGIES: QT_TRANSLATE_NOOP("Labels", "Apologies"),
        AttendanceStatus.ABSENT: QT_TRANSLATE_NOOP("Labels", "Absent"),
        AttendanceStatus.DEPUTY: QT_TRANSLATE_NOOP("Labels", "Represented by deputy"),
        AttendanceStatus.IN_ATTENDANCE: QT_TRANSLATE_NOOP("Labels", "In attendance"),
        AttendanceStatus.GUEST: QT_TRANSLATE_NOOP("Labels", "Guest"),
    },
    ActionStatus: {
        ActionStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
        ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
        ActionStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
        ActionStatus.DROPPED: QT_TRANSLATE_NOOP("Labels", "Dropped"),
    },
    Purpose: {
        Purpose.INFORMATION: QT_TRANSLATE_NOOP("Labels", "For information"),
        Purpose.DECISION: QT_TRANSLATE_NOOP("Labels", "For decision"),
        Purpose.DISCUSSION: QT_TRANSLATE_NOOP("Labels", "For discussion"),
        Purpose.ASSURANCE: QT_TRANSLATE_NOOP("Labels", "For assurance"),
        Purpose.PRESENTATION: QT_TRANSLATE_NOOP("Labels", "Presentation"),
        Purpose.DEEP_DIVE: QT_TRANSLATE_NOOP("Labels", "Deep dive"),
    },
    Rag: {
        Rag.RED: QT_TRANSLATE_NOOP("Labels", "Red"),
        Rag.AMBER: QT_TRANSLATE_NOOP("Labels", "Amber"),
        Rag.GREEN: QT_TRANSLATE_NOOP("Labels", "Green"),
        Rag.NOT_RATED: QT_TRANSLATE_NOOP("Labels", "Not rated"),
    },
}
NOT_RECORDED = QT_TRANSLATE_NOOP("Labels", "Not recorded")
NO_OWNER = QT_TRANSLATE_NOOP("Labels", "No owner")
NOT_LINKED = QT_TRANSLATE_NOOP("Labels", "Not linked to the plan")
UNNAMED_SECTION = QT_TRANSLATE_NOOP("Labels", "Plan section {0}")
QUORATE = QT_TRANSLATE_NOOP("Labels", "Members present {0} · quorum {1} — quorate")
NOT_QUORATE = QT_TRANSLATE_NOOP("Labels", "Members present {0} · quorum {1} — not quorate")


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label_of(value: StrEnum) -> str:
    """The name of a status, role, purpose or rating as the window shows it.

    Looked up by the value's own enum: the string values of two enums may one day meet."""
    return _translate(NAMES[type(value)][value])


def attendance_label(status: AttendanceStatus | None) -> str:
    """A register line's mark, "Not recorded" before anyone marks it."""
    return label_of(status) if status is not None else _translate(NOT_RECORDED)


def register_role(line: RegisterLine) -> str:
    """A seat's role; for someone added, the capacity they came in (or how they came)."""
    if line.seat_role is not None:
        return label_of(line.seat_role)
    return line.capacity or attendance_label(line.status)


def quorum_text(quorum: Quorum) -> str:
    """ "Members present 10 · quorum 6 — quorate" (or not quorate)."""
    return _translate(QUORATE if quorum.met else NOT_QUORATE).format(
        quorum.present, quorum.required
    )


def owner_name(owner: str) -> str:
    """An action's owner, "No owner" while nobody has been given it."""
    return owner or _translate(NO_OWNER)


def group_name(group: GroupTotals, by: str) -> str:
    """A line of the totals by ``owner`` or by plan ``section``: its name, or what the
    window calls the actions with no owner, those not linked to the plan, and a section
    whose label was not loaded (the exports word these in English, in action_export)."""
    if by == "owner":
        return owner_name(group.name)
    if group.name:
        return group.name
    if group.key is None:
        return _translate(NOT_LINKED)
    return _translate(UNNAMED_SECTION).format(group.key)
