"""The board's standing items: the template every new agenda starts from.

Reached from the agenda tab (*Standing items…*) and from the People page's board area,
where the board's other rules live. Each change is saved at once, in one transaction;
agendas already started keep the copy they were given.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boardroom.errors import BoardroomError
from boardroom.services.agenda import MAX_MINUTES
from boardroom.services.boards import get_board
from boardroom.services.standing_items import (
    StandingRow,
    add_standing_item,
    move_standing_item,
    remove_standing_item,
    standing_rows,
    update_standing_item,
)
from boardroom.storage.models import Purpose
from boardroom.ui.agenda import keys
from boardroom.ui.context import AppContext
from boardroom.ui.dialogs.base import ServiceDialog
from boardroom.ui.key_table import bind
from boardroom.ui.labels import label_of
from boardroom.ui.models.table import Column, RowTableModel, SearchProxy
from boardroom.ui.table_view import button, fit_columns, on_activate, table_view


class StandingTableModel(RowTableModel[StandingRow]):
    COL_TITLE, COL_PURPOSE, COL_MINUTES = range(3)
    columns = (
        Column(QT_TRANSLATE_NOOP("StandingTableModel", "Standing item"), lambda r: r.title),
        Column(QT_TRANSLATE_NOOP("StandingTableModel", "Purpose"), lambda r: label_of(r.purpose)),
        Column(
            QT_TRANSLATE_NOOP("StandingTableModel", "Minutes"),
            lambda r: str(r.minutes),
            lambda r: r.minutes,
        ),
    )


StandingFields = tuple[str, Purpose, int]


class StandingItemDialog(ServiceDialog[StandingFields]):
    """Title, purpose and usual time of one template line."""

    def __init__(
        self,
        save: Callable[[StandingFields], object],
        row: StandingRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Edit standing item") if row else self.tr("New standing item"), save, parent
        )
        self.title = QLineEdit(row.title if row else "")
        self.purpose = QComboBox()
        for purpose in Purpose:
            self.purpose.addItem(label_of(purpose), purpose.value)
        self.purpose.setCurrentIndex(
            self.purpose.findData((row.purpose if row else Purpose.INFORMATION).value)
        )
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(row.minutes if row else 5)
        self.form.addRow(self.tr("&Title"), self.title)
        self.form.addRow(self.tr("&Purpose"), self.purpose)
        self.form.addRow(self.tr("&Minutes"), self.minutes)

    def fields(self) -> StandingFields:
        return self.title.text(), Purpose(self.purpose.currentData()), self.minutes.value()


class StandingItemsDialog(QDialog):
    """The template of one board: add, edit (Enter), remove (Del), reorder (Alt+↑/↓)."""

    def __init__(self, context: AppContext, board_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.board_id = board_id
        with context.database.sessions() as session:
            name = get_board(session, board_id).name
        self.setWindowTitle(self.tr("Standing items — {0}").format(name))
        self.resize(620, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every new agenda of the {0} starts with these items, in this order. "
                "Agendas already started keep their own copy."
            ).format(name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = StandingTableModel(self)
        self.proxy = SearchProxy(self.model, self)
        self.view = table_view(self.proxy, -1)
        self.view.setSortingEnabled(False)
        on_activate(self.view, self.edit_selected)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_button = button("add", self.tr("Add…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = button("edit", self.tr("Edit…"), self.tr("Edit the item (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = button("remove", self.tr("Remove"), self.tr("Remove (Del)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = button("move-up", "", self.tr("Move up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = button("move-down", "", self.tr("Move down (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for widget in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        for key, handler in (  # the agenda's own keys, listed with the agenda editor's
            (keys.MOVE_UP, lambda: self.move_selected(-1)),
            (keys.MOVE_DOWN, lambda: self.move_selected(1)),
            (keys.DELETE, self.remove_selected),
        ):
            bind(key, self.view, handler)
        self.reload()
        self.view.selectRow(0)

    def reload(self, select: int | None = None) -> None:
        with self.context.database.sessions() as session:
            self.model.set_rows(standing_rows(session, self.board_id))
        fit_columns(self.view)
        if select is not None:
            for row in range(self.proxy.rowCount()):
                if self.proxy.row_at(row).standing_id == select:
                    self.view.selectRow(row)

    def selected(self) -> tuple[int, StandingRow] | None:
        index = self.view.currentIndex()
        return (index.row(), self.proxy.row_at(index.row())) if index.isValid() else None

    def _save(self, change: Callable, select_after: Callable[[object], int | None]) -> bool:
        try:
            with self.context.database.transaction() as session:
                result = change(session)
                chosen = select_after(result)
        except BoardroomError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return False
        self.reload(chosen)
        self.context.data_changed.emit()
        return True

    def add(self) -> None:
        def save(fields: StandingFields) -> None:
            title, purpose, minutes = fields
            with self.context.database.transaction() as session:
                created = add_standing_item(session, self.board_id, title, purpose, minutes).id
            self.reload(created)

        StandingItemDialog(save, parent=self).exec()

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        _row, standing = chosen

        def save(fields: StandingFields) -> None:
            with self.context.database.transaction() as session:
                update_standing_item(session, standing.standing_id, *fields)
            self.reload(standing.standing_id)

        StandingItemDialog(save, standing, parent=self).exec()

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            standing_id = chosen[1].standing_id
            self._save(lambda s: remove_standing_item(s, standing_id), lambda _r: None)

    def move_selected(self, step: int) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        row, standing = chosen
        if not 0 <= row + step < self.proxy.rowCount():
            return
        self._save(
            lambda s: move_standing_item(s, standing.standing_id, row + step),
            lambda _r: standing.standing_id,
        )
