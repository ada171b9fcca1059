"""A board's calendar rules — quorum, venue, time zone, bank-holiday region, circulation
lead time — as plain values, validated once for the UI and the CLI alike.

Kept apart from ``services.boards`` (which works on the ORM models) because the settings
read at start-up carry the rules a new board gets.
"""

from __future__ import annotations

from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from boardroom.errors import BoardroomError
from boardroom.workdays import REGIONS


class BoardRules(NamedTuple):
    """The settings of a board the edit dialog changes; defaults are the terms of reference's."""

    quorum: int = 1
    venue: str = ""
    time_zone: str = "Europe/London"
    holiday_region: str = "GB-ENG"
    lead_days: int = 5  # "no later than 5 working days before each meeting"

    def validated(self) -> BoardRules:
        if self.quorum < 1:
            raise BoardroomError("The quorum must be at least 1 member.")
        if not 0 <= self.lead_days <= 60:
            raise BoardroomError("The circulation lead time must be between 0 and 60 working days.")
        if self.holiday_region not in REGIONS:
            choices = ", ".join(REGIONS)
            raise BoardroomError(
                f"Unknown bank-holiday region “{self.holiday_region}”; choose one of {choices}."
            )
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise BoardroomError(
                f"“{self.time_zone}” is not a time zone; use a name such as Europe/London."
            ) from None
        return BoardRules(
            quorum=self.quorum,
            venue=self.venue.strip(),
            time_zone=self.time_zone,
            holiday_region=self.holiday_region,
            lead_days=self.lead_days,
        )
