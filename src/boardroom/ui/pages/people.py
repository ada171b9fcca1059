"""The People page: the board's rules, its memberships, and everyone the app knows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from boardroom.errors import BoardroomError
from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import add_board, get_board, update_board
from boardroom.services.people import (
    add_membership,
    add_person,
    remove_membership,
    remove_person,
    update_membership,
    update_person,
)
from boardroom.ui.agenda.standing import StandingItemsDialog
from boardroom.ui.column_memory import ColumnMemory
from boardroom.ui.dialogs.people import REGION_LABELS, BoardDialog, MembershipDialog, PersonDialog
from boardroom.ui.icons import icon
from boardroom.ui.models.people import (
    MembershipRow,
    MembershipTableModel,
    PeopleTableModel,
    PersonRow,
    membership_rows,
    people_rows,
)
from boardroom.ui.models.table import SearchProxy
from boardroom.ui.pages.base import Page
from boardroom.ui.table_view import button, fit_columns, give_way, on_activate, table_view


class PeoplePage(Page):
    key = "people"
    empty_headline = QT_TRANSLATE_NOOP("Page", "No board yet")
    empty_hint = QT_TRANSLATE_NOOP(
        "Page",
        "Create a board (File → Load the demo board shows a complete one), then add its "
        "members, officers in attendance and named deputies.",
    )

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        new_board = button("board", self.tr("New board…"))
        new_board.clicked.connect(self.new_board)
        self.empty.layout().insertWidget(4, new_board, 0, Qt.AlignmentFlag.AlignHCenter)

        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        rules_row = QHBoxLayout()
        self.rules = QLabel()
        self.rules.setObjectName("boardRules")
        self.rules.setWordWrap(True)
        rules_row.addWidget(self.rules, 1)
        edit_board = button("settings", self.tr("Board settings…"))
        edit_board.clicked.connect(self.edit_board)
        add_board_button = button("board", self.tr("New board…"))
        add_board_button.clicked.connect(self.new_board)
        standing = button(
            "standing",
            self.tr("Standing items…"),
            self.tr("The items every new agenda of this board starts with"),
        )
        standing.clicked.connect(
            lambda: StandingItemsDialog(self.context, self.context.board_id, self).exec()
        )
        rules_row.addWidget(edit_board)
        rules_row.addWidget(standing)
        rules_row.addWidget(add_board_button)
        layout.addLayout(rules_row)

        actions = QHBoxLayout()
        self.add_person_button = button("person-add", self.tr("Add person…"))
        self.add_person_button.clicked.connect(self.new_person)
        self.add_seat_button = button("membership", self.tr("Add membership…"))
        self.add_seat_button.clicked.connect(self.new_membership)
        self.edit_button = button(
            "edit", self.tr("Edit…"), self.tr("Edit the selected row (Enter)")
        )
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = button("remove", self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.show_past = QCheckBox(self.tr("Show past members"))
        self.show_past.toggled.connect(lambda _on: self.refresh())
        for widget in (
            self.add_person_button,
            self.add_seat_button,
            self.edit_button,
            self.remove_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.show_past)
        layout.addLayout(actions)

        self.memberships = MembershipTableModel(self)
        self.membership_proxy = SearchProxy(self.memberships, self)
        self.membership_view = table_view(self.membership_proxy, MembershipTableModel.COL_ROLE)
        self.people = PeopleTableModel(self)
        self.people_proxy = SearchProxy(self.people, self)
        self.people_view = table_view(self.people_proxy, PeopleTableModel.COL_NAME)
        give_way(self.membership_view, MembershipTableModel.COL_ORGANISATION)
        give_way(self.people_view, PeopleTableModel.COL_ORGANISATION)
        self.columns = {
            self.membership_view: ColumnMemory(self.membership_view, "people/members"),
            self.people_view: ColumnMemory(self.people_view, "people/everyone"),
        }
        on_activate(self.membership_view, self.edit_selected)
        on_activate(self.people_view, self.edit_selected)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.membership_view, icon("membership"), self.tr("Members"))
        self.tabs.addTab(self.people_view, icon("people"), self.tr("Everyone"))
        layout.addWidget(self.tabs, 1)

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        board_id = self.context.board_id
        if board_id is None:
            self.stack.setCurrentWidget(self.empty)
            return
        today = date.today()
        with self.context.database.sessions() as session:
            board = get_board(session, board_id)
            self.rules.setText(self._describe_rules(board))
            seats = membership_rows(session, board_id, today)
            everyone = people_rows(session)
        if not self.show_past.isChecked():
            seats = [seat for seat in seats if seat.current]
        self.memberships.set_rows(seats)
        self.people.set_rows(everyone)
        self.tabs.setTabText(0, self.tr("Members ({0})").format(len(seats)))
        self.tabs.setTabText(1, self.tr("Everyone ({0})").format(len(everyone)))
        for view, memory in self.columns.items():
            if not view.property("sized"):
                memory.lay_out(lambda view=view: fit_columns(view))
                view.setProperty("sized", True)
        self.stack.setCurrentWidget(self.body)

    def _describe_rules(self, board) -> str:
        region = REGION_LABELS.get(board.holiday_region, board.holiday_region)
        return self.tr(
            "<b>{name}</b> · quorum {quorum} · papers {lead} working days before each meeting"
            " · {region} bank holidays · {zone}{venue}"
        ).format(
            name=board.name,
            quorum=board.quorum,
            lead=board.lead_days,
            region=region,
            zone=board.time_zone,
            venue=f" · {board.venue}" if board.venue else "",
        )

    def apply_search(self, text: str) -> None:
        self.membership_proxy.setFilterFixedString(text)
        self.people_proxy.setFilterFixedString(text)

    def _selected(self) -> MembershipRow | PersonRow | None:
        view = self.tabs.currentWidget()
        assert isinstance(view, QTableView)
        index: QModelIndex = view.currentIndex()
        if not index.isValid():
            self.context.status_message.emit(self.tr("Select a row first."))
            return None
        proxy = view.model()
        assert isinstance(proxy, SearchProxy)
        return proxy.row_at(index.row())

    # -- writing ---------------------------------------------------------------------------

    def _run(self, action) -> None:
        """One user action, one transaction; the message of a refusal is shown as it is."""
        try:
            with self.context.database.transaction() as session:
                action(session)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("People"), error.message)
            return
        self.context.data_changed.emit()

    def _saver(self, action):
        """A dialog's save: run the service in a transaction, then tell every page."""

        def save(fields) -> None:
            with self.context.database.transaction() as session:
                action(session, fields)
            self.context.data_changed.emit()

        return save

    def create_new(self) -> None:
        if self.context.board_id is None:
            self.new_board()
        elif self.tabs.currentIndex() == 0:
            self.new_membership()
        else:
            self.new_person()

    def new_board(self) -> None:
        created: list[int] = []

        def save(values: tuple[str, BoardRules]) -> None:
            with self.context.database.transaction() as session:
                created.append(add_board(session, *values).id)
            self.context.data_changed.emit()

        if BoardDialog(save, parent=self).exec() and created:
            self.context.set_board(created[0])

    def edit_board(self) -> None:
        board_id = self.context.board_id
        if board_id is None:
            return
        with self.context.database.sessions() as session:
            board = get_board(session, board_id)
        version = board.version

        def save(values: tuple[str, BoardRules]) -> None:
            with self.context.database.transaction() as session:
                update_board(session, board_id, *values, expected_version=version)
            self.context.data_changed.emit()

        BoardDialog(save, board, self).exec()

    def new_person(self) -> None:
        PersonDialog(self._saver(add_person), parent=self).exec()

    def new_membership(self) -> None:
        board_id = self.context.board_id
        if board_id is None:
            return
        dialog = MembershipDialog(
            self._saver(lambda session, fields: add_membership(session, board_id, fields)),
            self.people.rows(),
            parent=self,
        )
        dialog.exec()

    def edit_selected(self) -> None:
        row = self._selected()
        if isinstance(row, MembershipRow):
            MembershipDialog(
                self._saver(
                    lambda session, fields: update_membership(session, row.membership_id, fields)
                ),
                self.people.rows(),
                row,
                self,
            ).exec()
        elif isinstance(row, PersonRow):
            PersonDialog(
                self._saver(lambda session, fields: update_person(session, row.person_id, fields)),
                row,
                self,
            ).exec()

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        if isinstance(row, MembershipRow):
            question = self.tr(
                "Remove {0}'s membership entered by mistake?\n\nWhen someone leaves the board, "
                "give the membership an end date instead, so past registers stay right."
            ).format(row.person.display_name)
        else:
            question = self.tr("Remove {0} from Boardroom?").format(row.display_name)

        def remove(session) -> None:
            if isinstance(row, MembershipRow):
                remove_membership(session, row.membership_id)
            else:
                remove_person(session, row.person_id)

        answer = QMessageBox.question(self, self.tr("Remove"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self._run(remove)
