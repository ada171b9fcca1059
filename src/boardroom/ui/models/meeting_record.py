"""What a meeting's record holds so far, as read-only tables: its agenda and its actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from boardroom.dates import format_date
from boardroom.services.agenda import AgendaLine
from boardroom.ui.models.table import Column, RowTableModel


@dataclass(frozen=True)
class ActionRow:
    reference: str
    description: str
    owner: str
    due: date | None
    status: str


class AgendaTableModel(RowTableModel[AgendaLine]):
    COL_NUMBER, COL_TIME, COL_TITLE, COL_PRESENTER, COL_MINUTES = range(5)
    columns = (
        Column("No.", lambda r: r.number),
        Column("Time", lambda r: f"{r.starts_at:%H:%M}", lambda r: r.starts_at),
        Column(
            "Item",
            lambda r: ("    " * r.depth) + r.title + ("  (exempt)" if r.confidential else ""),
        ),
        Column("Presenter", lambda r: r.presenter),
        Column("Minutes", lambda r: str(r.minutes), lambda r: r.minutes),
    )


class ActionTableModel(RowTableModel[ActionRow]):
    COL_REFERENCE, COL_DESCRIPTION, COL_OWNER, COL_DUE, COL_STATUS = range(5)
    columns = (
        Column("Ref", lambda r: r.reference),
        Column("Action", lambda r: r.description),
        Column("Owner", lambda r: r.owner),
        Column("Due", lambda r: format_date(r.due), lambda r: r.due or date.max),
        Column("Status", lambda r: r.status),
    )
