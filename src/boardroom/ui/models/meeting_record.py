"""Tables of a meeting's record: the actions agreed at it, and the open actions its action
log item lists for review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP

from boardroom.dates import format_date
from boardroom.services.agenda_rows import OpenAction
from boardroom.ui.colours import OVERDUE
from boardroom.ui.models.table import Column, RowTableModel


@dataclass(frozen=True)
class ActionRow:
    reference: str
    description: str
    owner: str
    due: date | None
    status: str
    item: str = ""  # the agenda item it was agreed under: "5 Terms of Reference"
    overdue: bool = False


class ActionTableModel(RowTableModel[ActionRow]):
    COL_REFERENCE, COL_DESCRIPTION, COL_OWNER, COL_DUE, COL_STATUS, COL_ITEM = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("ActionTableModel", "Ref"), lambda r: r.reference),
        Column(QT_TRANSLATE_NOOP("ActionTableModel", "Action"), lambda r: r.description),
        Column(QT_TRANSLATE_NOOP("ActionTableModel", "Owner"), lambda r: r.owner),
        Column(
            QT_TRANSLATE_NOOP("ActionTableModel", "Due"),
            lambda r: format_date(r.due),
            lambda r: r.due or date.max,
            lambda r: OVERDUE.color() if r.overdue else None,
        ),
        Column(QT_TRANSLATE_NOOP("ActionTableModel", "Status"), lambda r: r.status),
        Column(QT_TRANSLATE_NOOP("ActionTableModel", "Agreed under"), lambda r: r.item),
    )


class OpenActionsModel(RowTableModel[OpenAction]):
    COL_REFERENCE, COL_DESCRIPTION, COL_OWNER, COL_DUE = range(4)
    columns = (
        Column(QT_TRANSLATE_NOOP("OpenActionsModel", "Ref"), lambda r: r.reference),
        Column(QT_TRANSLATE_NOOP("OpenActionsModel", "Action"), lambda r: r.description),
        Column(QT_TRANSLATE_NOOP("OpenActionsModel", "Owner"), lambda r: r.owner),
        Column(
            QT_TRANSLATE_NOOP("OpenActionsModel", "Due"),
            lambda r: format_date(r.due),
            lambda r: r.due or date.max,
        ),
    )
