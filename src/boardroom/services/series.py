"""Meeting series: "monthly on the third Tuesday 14:00–16:00 from September to July".

A series is kept as an RFC 5545 RRULE so the calendar invite can carry the rule itself, and
is expanded at once into individual meetings, each of which can then be moved or cancelled
on its own (remembering its original start for the invite's RECURRENCE-ID).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.services.meetings import MeetingFields, new_uid
from boardroom.storage.models import Board, Meeting, MeetingSeries
from boardroom.workdays import why_not_working, working_days_before

MAX_MEETINGS = 120  # ten years of monthly meetings; more is surely a typing mistake
_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


class Frequency(StrEnum):
    MONTHLY = "monthly"  # on the Nth weekday of every month
    WEEKLY = "weekly"  # every N weeks on a weekday


@dataclass(frozen=True)
class SeriesPlan:
    """What the "New series" dialog asks for."""

    title: str
    frequency: Frequency
    weekday: int  # Monday is 0, as in Python
    starts: time
    ends: time
    first_day: date  # the series starts on or after this day …
    last_day: date  # … and ends on or before this one
    week_of_month: int = 1  # 1–4, or -1 for the last (monthly only)
    interval: int = 1  # every N weeks (weekly only)
    venue: str = ""
    online_link: str = ""

    def rrule(self) -> str:
        """The RRULE value, closed with COUNT so every calendar stops where we do."""
        day = _DAY_CODES[self.weekday]
        if self.frequency is Frequency.MONTHLY:
            return f"FREQ=MONTHLY;BYDAY={self.week_of_month}{day}"
        return f"FREQ=WEEKLY;INTERVAL={self.interval};BYDAY={day}"

    def describe(self) -> str:
        weekday = calendar.day_name[self.weekday]
        hours = f"{self.starts:%H:%M}–{self.ends:%H:%M}"
        if self.frequency is Frequency.MONTHLY:
            return f"Monthly on the {ORDINALS[self.week_of_month]} {weekday}, {hours}"
        every = "Every week" if self.interval == 1 else f"Every {self.interval} weeks"
        return f"{every} on {weekday}, {hours}"


def _check(plan: SeriesPlan) -> None:
    if plan.last_day < plan.first_day:
        raise BoardroomError("The series ends before it starts.")
    if not 0 <= plan.weekday <= 6:
        raise BoardroomError("Choose a day of the week for the series.")
    if plan.frequency is Frequency.MONTHLY and plan.week_of_month not in ORDINALS:
        raise BoardroomError("A monthly series is on the first to fourth, or the last, weekday.")
    if plan.frequency is Frequency.WEEKLY and not 1 <= plan.interval <= 52:
        raise BoardroomError("A series repeats every 1 to 52 weeks.")


def occurrences(plan: SeriesPlan) -> list[datetime]:
    """The local start of every meeting the plan gives, in order."""
    from dateutil.rrule import rrulestr  # deferred, like the other dateutil imports

    _check(plan)
    rule = rrulestr(plan.rrule(), dtstart=datetime.combine(plan.first_day, plan.starts))
    last = datetime.combine(plan.last_day, plan.starts)
    found: list[datetime] = []
    for start in rule:
        if start > last:
            break
        found.append(start)
        if len(found) > MAX_MEETINGS:
            raise BoardroomError(
                f"That series would have more than {MAX_MEETINGS} meetings; "
                "check the start and end dates."
            )
    if not found:
        raise BoardroomError("No meeting falls between those dates; check the day and the months.")
    return found


@dataclass(frozen=True)
class PlannedMeeting:
    """One meeting a plan would create, as the "New series" dialog previews it."""

    starts_at: datetime
    papers_due: date
    clash: str  # why the day is not a working day ("Spring Bank Holiday"), or ""


def preview(plan: SeriesPlan, region: str, lead_days: int) -> list[PlannedMeeting]:
    """Every meeting of the plan with its papers deadline, flagging bank holidays and weekends."""
    return [
        PlannedMeeting(
            starts_at=start,
            papers_due=working_days_before(start.date(), lead_days, region),
            clash=why_not_working(start.date(), region),
        )
        for start in occurrences(plan)
    ]


def create_series(session: Session, board_id: int, plan: SeriesPlan) -> MeetingSeries:
    """The series and every one of its meetings, in the caller's one transaction."""
    board = session.get(Board, board_id)
    if board is None:
        raise NotFoundError("That board no longer exists.")
    starts = occurrences(plan)
    length = datetime.combine(date.min, plan.ends) - datetime.combine(date.min, plan.starts)
    template = MeetingFields(
        title=plan.title,
        starts_at=starts[0],
        ends_at=starts[0] + length,
        venue=plan.venue or board.venue,
        online_link=plan.online_link,
    ).validated()
    series = MeetingSeries(
        board=board,
        title=template.title,
        rrule=f"{plan.rrule()};COUNT={len(starts)}",
        first_start=starts[0],
        duration_minutes=int(length / timedelta(minutes=1)),
        venue=template.venue,
        online_link=template.online_link,
        uid=new_uid(),
    )
    session.add(series)
    for start in starts:
        series.meetings.append(
            Meeting(
                board=board,
                title=template.title,
                starts_at=start,
                ends_at=start + length,
                series_start=start,
                venue=template.venue,
                online_link=template.online_link,
                uid=new_uid(),
            )
        )
    session.flush()
    return series


def series_starts(series: MeetingSeries) -> list[datetime]:
    """The occurrences the stored rule gives, as every calendar will expand it."""
    from dateutil.rrule import rrulestr

    return list(rrulestr(series.rrule, dtstart=series.first_start))


def is_moved(meeting: Meeting) -> bool:
    """Whether an occurrence no longer matches its series' time or place."""
    series = meeting.series
    if series is None or meeting.series_start is None:
        return False
    return (
        meeting.starts_at != meeting.series_start
        or meeting.ends_at - meeting.starts_at != timedelta(minutes=series.duration_minutes)
        or meeting.venue != series.venue
        or meeting.online_link != series.online_link
    )
