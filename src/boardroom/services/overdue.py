"""When an action is overdue or due soon, counted in the board's working days.

An action due on a Saturday or a bank holiday is not late until the next working day has
passed. Because the last working day before today is itself a working day, "overdue" reduces
to ``due_date <= last working day before today`` — one date per bank-holiday region — which
lets the database count overdue actions without reading them.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, or_

from boardroom.storage import tables
from boardroom.storage.enums import ActionStatus
from boardroom.workdays import REGIONS, working_days_after, working_days_before

OUTSTANDING = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
_actions, _board = tables.action_point, tables.board
DUE_SOON_WORKING_DAYS = 10


@lru_cache(maxsize=256)
def overdue_cutoff(as_of: date, region: str) -> date:
    """The latest due date that is overdue on ``as_of``: the last working day before it."""
    return working_days_before(as_of, 1, region)


@lru_cache(maxsize=256)
def due_soon_limit(as_of: date, region: str) -> date:
    """The last due date that counts as "due soon": ten working days ahead."""
    return working_days_after(as_of, DUE_SOON_WORKING_DAYS, region)


def is_overdue(status: ActionStatus, due: date | None, as_of: date, region: str) -> bool:
    return status in OUTSTANDING and due is not None and due <= overdue_cutoff(as_of, region)


def is_due_soon(status: ActionStatus, due: date | None, as_of: date, region: str) -> bool:
    return (
        status in OUTSTANDING
        and due is not None
        and overdue_cutoff(as_of, region) < due <= due_soon_limit(as_of, region)
    )


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def overdue_sql(as_of: date) -> ColumnElement[bool]:
    """``overdue`` as a SQL condition on actions joined to their board, for every region."""
    return and_(
        _actions.c.status.in_(OUTSTANDING),
        or_(
            *(
                and_(
                    _board.c.holiday_region == region,
                    _actions.c.due_date <= overdue_cutoff(as_of, region),
                )
                for region in REGIONS
            )
        ),
    )


def due_soon_sql(as_of: date) -> ColumnElement[bool]:
    return and_(
        _actions.c.status.in_(OUTSTANDING),
        or_(
            *(
                and_(
                    _board.c.holiday_region == region,
                    _actions.c.due_date > overdue_cutoff(as_of, region),
                    _actions.c.due_date <= due_soon_limit(as_of, region),
                )
                for region in REGIONS
            )
        ),
    )
