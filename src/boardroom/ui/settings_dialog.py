"""Settings: who the secretariat is, the defaults for new boards, and which database to open.

A shared PostgreSQL database is named by its URL; its password goes to the system keyring,
never to the settings file, and "Test connection" tries it off the GUI thread so a slow or
unreachable server does not freeze the window. A clerk without a letterhead document of
their own can start from the one Boardroom ships (``resources/templates/letterhead.docx``):
a copy is saved where they choose, to edit in Word, and becomes the default template.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QStandardPaths,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import make_url
from sqlalchemy.exc import SQLAlchemyError

from boardroom.assets import resource
from boardroom.errors import BoardroomError
from boardroom.files import write_atomically
from boardroom.services.boards import time_zone_names
from boardroom.settings import (
    Settings,
    keyring_username,
    load_password,
    save_password,
    split_password,
    with_password,
)
from boardroom.storage.database import default_url, open_database
from boardroom.ui.dialogs.people import REGION_LABELS
from boardroom.ui.settings_store import SettingsStore
from boardroom.workdays import REGIONS

_CONNECT_TIMEOUT_S = 8


def check_connection(url: str) -> str:
    """Open the database once (as start-up would) and say where it is; raises BoardroomError.

    A time limit is added so an unreachable server answers within seconds; the messages name
    the URL as the clerk typed it, not with that limit appended.
    """
    typed = make_url(url)
    parsed = typed
    if "connect_timeout" not in parsed.query:
        parsed = parsed.update_query_dict({"connect_timeout": str(_CONNECT_TIMEOUT_S)})
    shown, used = (address.render_as_string(hide_password=True) for address in (typed, parsed))
    try:
        database = open_database(parsed.render_as_string(hide_password=False))
    except BoardroomError as error:
        raise BoardroomError(error.message.replace(used, shown)) from error
    except SQLAlchemyError as exc:
        refused = QCoreApplication.translate("SettingsDialog", "The server refused: {0}")
        raise BoardroomError(refused.format(getattr(exc, "orig", None) or exc)) from exc
    database.close()
    return QCoreApplication.translate("SettingsDialog", "{0} (PostgreSQL)").format(shown)


class _Relay(QObject):
    """Carries a worker thread's result back to the GUI thread (a queued signal)."""

    done = Signal(bool, str)


class SettingsDialog(QDialog):
    connection_tested = Signal(bool, str)  # succeeded, what to tell the user

    def __init__(
        self, store: SettingsStore, in_use: str = "", parent: QWidget | None = None
    ) -> None:
        """``in_use`` describes the database open now (it may come from the command line)."""
        super().__init__(parent)
        self.store = store
        self.in_use = in_use
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(640)  # room for a template path beside its two buttons
        tabs = QTabWidget()
        tabs.addTab(self._organisation_tab(), self.tr("Organisation"))
        tabs.addTab(self._meetings_tab(), self.tr("Meetings"))
        tabs.addTab(self._database_tab(), self.tr("Database"))
        self.tabs = tabs
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self._show(store.load())

    # --- building -------------------------------------------------------------------------

    def _organisation_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.organisation_name = QLineEdit()
        self.organisation_name.setPlaceholderText(self.tr("e.g. Wirral Council"))
        self.secretariat_name = QLineEdit()
        self.secretariat_name.setPlaceholderText(self.tr("e.g. Improvement Board secretariat"))
        self.secretariat_email = QLineEdit()
        self.secretariat_email.setPlaceholderText(self.tr("secretariat@example.org"))
        form.addRow(self.tr("&Organisation:"), self.organisation_name)
        form.addRow(self.tr("&Secretariat name:"), self.secretariat_name)
        form.addRow(self.tr("Secretariat &email:"), self.secretariat_email)
        form.addRow(
            "",
            _hint(self.tr("Meeting invitations are sent with this name and address as organiser.")),
        )
        return page

    def _meetings_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.word_template = QLineEdit()
        self.word_template.setPlaceholderText(self.tr("Boardroom's own layout"))
        self.word_template.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._choose_template)
        self.new_template = QPushButton(self.tr("&New from letterhead…"))
        self.new_template.setToolTip(
            self.tr("Save a copy of Boardroom's letterhead document to edit in Word")
        )
        self.new_template.clicked.connect(self._new_template)
        row = QHBoxLayout()
        row.addWidget(self.word_template, 1)
        row.addWidget(browse)
        row.addWidget(self.new_template)
        label = QLabel(self.tr("Word &template:"))
        label.setBuddy(self.word_template)
        form.addRow(label, row)
        form.addRow(
            "",
            _hint(
                self.tr(
                    "Every Word document — agendas, minutes and the action log — starts "
                    "from this .docx: its header (your letterhead), footer, margins and "
                    "styles are kept."
                )
            ),
        )
        self.holiday_region = QComboBox()
        for code in REGIONS:
            label_text = REGION_LABELS.get(code, code)
            self.holiday_region.addItem(QCoreApplication.translate("BoardDialog", label_text), code)
        form.addRow(self.tr("&Bank holidays:"), self.holiday_region)
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItems(time_zone_names())
        completer = QCompleter(self.time_zone.model(), self.time_zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.time_zone.setCompleter(completer)
        form.addRow(self.tr("Time &zone:"), self.time_zone)
        self.lead_days = QSpinBox()
        self.lead_days.setRange(0, 60)
        self.lead_days.setSuffix(self.tr(" working days before the meeting"))
        form.addRow(self.tr("&Circulate papers:"), self.lead_days)
        form.addRow("", _hint(self.tr("Defaults for new boards; each board can change them.")))
        return page

    def _database_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.use_local = QRadioButton(self.tr("A &file on this computer"))
        self.use_server = QRadioButton(self.tr("A shared &PostgreSQL server"))
        group = QButtonGroup(page)
        group.addButton(self.use_local)
        group.addButton(self.use_server)
        layout.addWidget(self.use_local)
        local_path = Path(make_url(default_url()).database or "")
        self.local_file = QLabel(str(local_path))
        self.local_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_folder = QPushButton(self.tr("Show in &folder"))
        self.show_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(local_path.parent)))
        )
        local_row = QHBoxLayout()
        local_row.setContentsMargins(24, 0, 0, 8)
        local_row.addWidget(self.local_file, 1)
        local_row.addWidget(self.show_folder)
        layout.addLayout(local_row)
        layout.addWidget(self.use_server)
        self.server_box = QWidget()
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.database_url = QLineEdit()
        self.database_url.setPlaceholderText("postgresql://clerk@server/boardroom")
        form.addRow(self.tr("&URL:"), self.database_url)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Pass&word:"), self.password)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        form.addRow(self.test_button, self.test_result)
        layout.addWidget(self.server_box)
        layout.addStretch(1)
        if self.in_use:
            layout.addWidget(_hint(self.tr("Open now: {0}").format(self.in_use)))
        layout.addWidget(
            _hint(
                self.tr(
                    "The password is kept in the system keyring, not in the settings. "
                    "A new database is used the next time Boardroom starts."
                )
            )
        )
        self.use_server.toggled.connect(self._database_choice_changed)
        return page

    # --- values ---------------------------------------------------------------------------

    def _show(self, settings: Settings) -> None:
        self.organisation_name.setText(settings.organisation_name)
        self.secretariat_name.setText(settings.secretariat_name)
        self.secretariat_email.setText(settings.secretariat_email)
        self.word_template.setText(settings.word_template)
        region = self.holiday_region.findData(settings.holiday_region)
        self.holiday_region.setCurrentIndex(max(region, 0))
        self.time_zone.setCurrentText(settings.time_zone)
        self.lead_days.setValue(settings.lead_days)
        self.database_url.setText(settings.database_url)
        self.use_server.setChecked(bool(settings.database_url))
        self.use_local.setChecked(not settings.database_url)
        self._database_choice_changed(bool(settings.database_url))
        if settings.database_url:
            self._show_stored_password(settings.database_url)

    def _show_stored_password(self, url: str) -> None:
        try:
            stored = load_password(url) is not None
        except BoardroomError as error:
            self.test_result.setText(error.message)
            return
        if stored:
            self.password.setPlaceholderText(self.tr("kept in the system keyring"))

    def settings(self) -> Settings:
        """What the dialog shows, as settings (not yet validated, password left out)."""
        url = self.database_url.text().strip() if self.use_server.isChecked() else ""
        if url:
            url, _password = split_password(url)
        return Settings(
            organisation_name=self.organisation_name.text(),
            secretariat_name=self.secretariat_name.text(),
            secretariat_email=self.secretariat_email.text(),
            word_template=self.word_template.text(),
            holiday_region=self.holiday_region.currentData(),
            time_zone=self.time_zone.currentText().strip(),
            lead_days=self.lead_days.value(),
            database_url=url,
        )

    def _typed_password(self) -> str | None:
        """The password typed in its field, else one written into the URL."""
        if self.password.text():
            return self.password.text()
        return split_password(self.database_url.text())[1]

    def accept(self) -> None:
        try:
            settings = self.settings().validated()
            if settings.database_url:
                password = self._typed_password()
                if password:
                    save_password(settings.database_url, password)
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Settings"), error.message)
            return
        self.store.save(settings)
        super().accept()

    # --- actions --------------------------------------------------------------------------

    def _database_choice_changed(self, server: bool) -> None:
        self.server_box.setEnabled(server)
        self.show_folder.setEnabled(not server)
        self.local_file.setEnabled(not server)

    def _choose_template(self) -> None:
        start = self.word_template.text() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Word template"), start, self.tr("Word documents (*.docx)")
        )
        if path:
            self.word_template.setText(path)

    def _new_template(self) -> None:
        """Save the shipped letterhead where the clerk chooses, make it the template and open
        it, so the next step (their own name and logo in the header) is right in front of them.
        """
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the letterhead template"),
            str(Path(folder) / self.tr("Boardroom letterhead.docx")),
            self.tr("Word documents (*.docx)"),
        )
        if not path:
            return
        target = Path(path).with_suffix(".docx")
        try:
            write_atomically(target, resource("templates", "letterhead.docx").read_bytes())
        except BoardroomError as error:
            QMessageBox.warning(self, self.tr("Word template"), error.message)
            return
        self.word_template.setText(str(target))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def test_connection(self) -> None:
        """Try the URL and password as typed, in a worker thread; ``connection_tested`` tells."""
        try:
            url, _ = split_password(self.database_url.text())
            password = self._typed_password() or load_password(url)
        except BoardroomError as error:
            self._connection_result(False, error.message)
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting to {0}…").format(keyring_username(url)))
        relay = _Relay()
        relay.done.connect(self._connection_result)
        target = with_password(url, password)
        connected = self.tr("Connected to {0}.")

        def work() -> None:
            try:
                relay.done.emit(True, connected.format(check_connection(target)))
            except BoardroomError as error:
                relay.done.emit(False, error.message)

        QThreadPool.globalInstance().start(work)

    def _connection_result(self, succeeded: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(message)
        self.connection_tested.emit(succeeded, message)


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)  # the palette's quieter text colour, in light and dark themes
    return label
