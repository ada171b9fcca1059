"""The bank holidays of a region and year, kept on disk once worked out.

The ``holidays`` package builds its calendars in Python and loads all the countries it
knows on first use — about a fifth of a second that the Dashboard (overdue counted in
working days, the papers deadline) would otherwise pay at every start. The dates are kept
in the user cache folder under the package's version, so an update of its rules (a new bank
holiday) is picked up at once; a missing or unreadable file is simply worked out again.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from functools import cache
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from platformdirs import user_cache_path

from boardroom.errors import BoardroomError
from boardroom.files import write_atomically

log = logging.getLogger("boardroom.workdays")


@cache
def _holidays_version() -> str:
    """The installed release of ``holidays``, read from the name of its metadata folder
    beside the package ("holidays-0.109.dist-info"): asking ``importlib.metadata`` parses
    that folder's METADATA file, a few milliseconds of every start. A layout where the
    folder cannot be found that way (a frozen bundle) asks ``importlib.metadata``."""
    spec = find_spec("holidays")
    if spec is not None and spec.origin:
        found = list(Path(spec.origin).parent.parent.glob("holidays-*.dist-info"))
        if len(found) == 1:
            return found[0].name.removeprefix("holidays-").removesuffix(".dist-info")
    return version("holidays")


def cache_file(region: str, year: int) -> Path:
    folder = user_cache_path("Boardroom", appauthor=False) / "holidays" / _holidays_version()
    return folder / f"{region}-{year}.json"


def cached(region: str, year: int) -> dict[date, str] | None:
    """The holidays kept for the region and year, or None when they must be worked out."""
    path = cache_file(region, year)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return {date.fromisoformat(day): name for day, name in stored.items()}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("Working out the holidays again: %s is unreadable (%s)", path, exc)
        return None


def keep(region: str, year: int, holidays: dict[date, str]) -> None:
    """Keep the holidays for the next start; a cache that cannot be written costs only time."""
    path = cache_file(region, year)
    text = json.dumps({day.isoformat(): name for day, name in sorted(holidays.items())})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text.encode("utf-8"))
    except (OSError, BoardroomError) as exc:
        log.warning("The holidays are not kept for the next start: %s", exc)
