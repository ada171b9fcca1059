"""Dialogs for boards, people and memberships."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from boardroom.errors import BoardroomError
from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import time_zone_names
from boardroom.services.people import ROLE_ORDER, MembershipFields, PersonFields
from boardroom.storage.models import Board, Role
from boardroom.ui.dialogs.base import DateField, PersonPicker, ServiceDialog
from boardroom.ui.labels import label_of
from boardroom.ui.models.people import MembershipRow, PersonRow
from boardroom.ui.settings_store import SettingsStore
from boardroom.workdays import REGIONS

# Translated in the board dialog's context, here and in Settings.
REGION_LABELS = {
    "GB-ENG": QT_TRANSLATE_NOOP("BoardDialog", "England & Wales"),
    "GB-WLS": QT_TRANSLATE_NOOP("BoardDialog", "Wales"),
    "GB-SCT": QT_TRANSLATE_NOOP("BoardDialog", "Scotland"),
    "GB-NIR": QT_TRANSLATE_NOOP("BoardDialog", "Northern Ireland"),
}


class BoardDialog(ServiceDialog[tuple[str, BoardRules]]):
    """Name and rules of a board; defaults follow the terms of reference."""

    def __init__(
        self,
        save: Callable[[tuple[str, BoardRules]], object],
        board: Board | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit board") if board else self.tr("New board"), save, parent)
        rules = SettingsStore().load().new_board_rules()  # the defaults chosen in Settings
        self.name = QLineEdit(board.name if board else "")
        self.quorum = QSpinBox()
        self.quorum.setRange(1, 200)
        self.quorum.setValue(board.quorum if board else rules.quorum)
        self.venue = QLineEdit(board.venue if board else rules.venue)
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItems(time_zone_names())
        self.time_zone.setCurrentText(board.time_zone if board else rules.time_zone)
        self.region = QComboBox()
        for code in REGIONS:
            self.region.addItem(self.tr(REGION_LABELS.get(code, code)), code)
        self.region.setCurrentIndex(
            self.region.findData(board.holiday_region if board else rules.holiday_region)
        )
        self.lead_days = QSpinBox()
        self.lead_days.setRange(0, 60)
        self.lead_days.setSuffix(self.tr(" working days"))
        self.lead_days.setValue(board.lead_days if board else rules.lead_days)
        self.lead_days.setToolTip(
            self.tr("Papers are due this many working days before each meeting")
        )
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Quorum (members)"), self.quorum)
        self.form.addRow(self.tr("Usual &venue"), self.venue)
        self.form.addRow(self.tr("&Time zone"), self.time_zone)
        self.form.addRow(self.tr("&Bank holidays"), self.region)
        self.form.addRow(self.tr("Papers &lead time"), self.lead_days)

    def fields(self) -> tuple[str, BoardRules]:
        return self.name.text(), BoardRules(
            quorum=self.quorum.value(),
            venue=self.venue.text(),
            time_zone=self.time_zone.currentText().strip(),
            holiday_region=self.region.currentData(),
            lead_days=self.lead_days.value(),
        )


class PersonDialog(ServiceDialog[PersonFields]):
    def __init__(
        self,
        save: Callable[[PersonFields], object],
        person: PersonRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit person") if person else self.tr("New person"), save, parent)
        self.name = QLineEdit(person.name if person else "")
        self.title_box = QLineEdit(person.title if person else "")
        self.title_box.setPlaceholderText(self.tr("e.g. Cllr, Dr"))
        self.job_title = QLineEdit(person.job_title if person else "")
        self.organisation = QLineEdit(person.organisation if person else "")
        self.email = QLineEdit(person.email if person else "")
        self.email.setPlaceholderText("name@example.org")
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("T&itle"), self.title_box)
        self.form.addRow(self.tr("&Job title"), self.job_title)
        self.form.addRow(self.tr("&Organisation"), self.organisation)
        self.form.addRow(self.tr("&Email"), self.email)

    def fields(self) -> PersonFields:
        return PersonFields(
            name=self.name.text(),
            title=self.title_box.text(),
            job_title=self.job_title.text(),
            organisation=self.organisation.text(),
            email=self.email.text(),
        )


class MembershipDialog(ServiceDialog[MembershipFields]):
    """A seat: who, in what role, from when to when, and who deputises."""

    def __init__(
        self,
        save: Callable[[MembershipFields], object],
        people: Sequence[PersonRow],
        membership: MembershipRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit membership") if membership else self.tr("New membership")
        super().__init__(title, save, parent)
        names = [(row.person_id, row.display_name) for row in people]
        self.person = PersonPicker(names)
        self.deputy = PersonPicker(names, none_text=self.tr("(no named deputy)"))
        self.role = QComboBox()
        for role in ROLE_ORDER:
            self.role.addItem(label_of(role), role.value)
        self.start = DateField()
        self.start.setPlaceholderText(self.tr("blank: since before Boardroom"))
        self.end = DateField()
        self.end.setPlaceholderText(self.tr("blank: still on the board"))
        if membership is not None:
            self.person.choose(membership.person.person_id)
            self.role.setCurrentIndex(self.role.findData(membership.role.value))
            self.start.set_value(membership.start_date)
            self.end.set_value(membership.end_date)
            self.deputy.choose(membership.deputy_id)
        else:
            self.role.setCurrentIndex(self.role.findData(Role.MEMBER.value))
        self.form.addRow(self.tr("&Person"), self.person)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow(self.tr("&From"), self.start)
        self.form.addRow(self.tr("&To"), self.end)
        self.form.addRow(self.tr("Named &deputy"), self.deputy)

    def fields(self) -> MembershipFields:
        if self.person.count() == 0:
            raise BoardroomError(
                self.tr("Add the person first (People → Add person), then their seat.")
            )
        person_id = self.person.person_id()
        assert person_id is not None  # the person box has no "nobody" entry
        return MembershipFields(
            person_id=person_id,
            role=Role(self.role.currentData()),
            start_date=self.start.value(),
            end_date=self.end.value(),
            deputy_id=self.deputy.person_id(),
        )
