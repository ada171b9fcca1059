"""Settings: declared defaults, validation, the keyring for the password, QSettings round trip,
the Settings dialog, and the database chosen at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from sqlalchemy import make_url

from boardroom.errors import BoardroomError
from boardroom.settings import (
    KEYRING_SERVICE,
    Settings,
    keyring_username,
    save_password,
    setting_keys,
    split_password,
    startup_database_url,
    with_password,
)
from boardroom.ui import app as app_module
from boardroom.ui.dialogs.people import BoardDialog
from boardroom.ui.settings_dialog import SettingsDialog
from boardroom.ui.settings_store import SettingsStore, open_qsettings

LEFT = Qt.MouseButton.LeftButton
SERVER = "postgresql://clerk@db.example.org:5433/boardroom"


def test_defaults_are_those_of_a_new_installation():
    settings = Settings()
    assert settings.holiday_region == "GB-ENG"
    assert settings.time_zone == "Europe/London"
    assert settings.lead_days == 5
    assert settings.database_url == ""
    assert settings.validated() == settings


def test_the_keys_other_modules_read_are_stable():
    keys = setting_keys()
    assert keys["secretariat_name"] == "organisation/secretariat_name"
    assert keys["secretariat_email"] == "organisation/secretariat_email"
    assert keys["organisation_name"] == "organisation/name"
    assert keys["database_url"] == "database/url"
    assert set(keys.values()) >= {
        "defaults/word_template",
        "defaults/holiday_region",
        "defaults/time_zone",
        "defaults/lead_days",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"secretariat_email": "secretariat at wirral"}, "not an email address"),
        ({"word_template": "/nowhere/letterhead.docx"}, "does not exist"),
        ({"word_template": "letterhead.dotx"}, "must be a .docx"),
        ({"holiday_region": "FR"}, "Unknown bank-holiday region"),
        ({"time_zone": "Mars/Olympus"}, "not a time zone"),
        ({"lead_days": 61}, "between 0 and 60"),
        ({"database_url": "mysql://clerk@db/boardroom"}, "PostgreSQL URL"),
        ({"database_url": "not a url"}, "not a database URL"),
        ({"database_url": "postgresql://clerk:secret@db/boardroom"}, "password out"),
    ],
)
def test_validation_names_what_is_wrong(change, message):
    with pytest.raises(BoardroomError, match=message):
        Settings(**change).validated()


def test_validation_trims_and_accepts_a_real_template(tmp_path):
    template = tmp_path / "letterhead.docx"
    template.write_bytes(b"PK")
    settings = Settings(secretariat_email=" clerk@wirral.gov.uk ", word_template=str(template))
    cleaned = settings.validated()
    assert cleaned.secretariat_email == "clerk@wirral.gov.uk"
    assert cleaned.word_template == str(template)


def test_a_password_typed_into_the_url_is_split_off():
    url, password = split_password("postgresql://clerk:s3cr%40t@db.example.org/boardroom")
    assert url == "postgresql://clerk@db.example.org/boardroom"
    assert password == "s3cr@t"
    assert keyring_username(SERVER) == "clerk@db.example.org:5433/boardroom"
    assert with_password(url, "s3cr@t") == "postgresql://clerk:s3cr%40t@db.example.org/boardroom"


def test_start_up_prefers_command_line_then_environment_then_setting(monkeypatch):
    monkeypatch.delenv("BOARDROOM_DATABASE_URL", raising=False)
    save_password(SERVER, "pw")
    saved = Settings(database_url=SERVER)
    assert startup_database_url(None, Settings()) is None, "None means the local SQLite file"
    assert (
        startup_database_url(None, saved) == "postgresql://clerk:pw@db.example.org:5433/boardroom"
    )
    monkeypatch.setenv("BOARDROOM_DATABASE_URL", "sqlite:////tmp/env.db")
    assert startup_database_url(None, saved) == "sqlite:////tmp/env.db"
    assert startup_database_url("sqlite:////tmp/cli.db", saved) == "sqlite:////tmp/cli.db"


def test_store_round_trip_and_bad_values_fall_back(qapp):
    store = SettingsStore()
    store.save(Settings())
    assert SettingsStore().load() == Settings(), "empty texts come back empty, not 'None'"
    chosen = Settings(
        organisation_name="Wirral Council",
        secretariat_name="Improvement Board secretariat",
        secretariat_email="board@wirral.gov.uk",
        holiday_region="GB-SCT",
        time_zone="Europe/Dublin",
        lead_days=7,
        database_url=SERVER,
    )
    store.save(chosen)
    assert SettingsStore(open_qsettings()).load() == chosen
    reread = QSettings(open_qsettings().fileName(), QSettings.Format.IniFormat)
    assert reread.value("organisation/secretariat_email") == "board@wirral.gov.uk"
    store.qsettings.setValue("defaults/lead_days", "many")
    assert SettingsStore().load().lead_days == 5


def _dialog(qtbot, store: SettingsStore, in_use: str = "") -> SettingsDialog:
    dialog = SettingsDialog(store, in_use)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(qtbot, dialog: SettingsDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)


def test_dialog_saves_and_reloads_every_value(qtbot, tmp_path):
    template = tmp_path / "letterhead.docx"
    template.write_bytes(b"PK")
    store = SettingsStore()
    dialog = _dialog(qtbot, store)
    qtbot.keyClicks(dialog.organisation_name, "Wirral Council")
    qtbot.keyClicks(dialog.secretariat_name, "Improvement Board secretariat")
    qtbot.keyClicks(dialog.secretariat_email, "board@wirral.gov.uk")
    dialog.word_template.setText(str(template))
    dialog.holiday_region.setCurrentIndex(dialog.holiday_region.findData("GB-WLS"))
    dialog.time_zone.setCurrentText("Europe/Dublin")
    dialog.lead_days.setValue(10)
    _save(qtbot, dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    expected = Settings(
        organisation_name="Wirral Council",
        secretariat_name="Improvement Board secretariat",
        secretariat_email="board@wirral.gov.uk",
        word_template=str(template),
        holiday_region="GB-WLS",
        time_zone="Europe/Dublin",
        lead_days=10,
    )
    assert SettingsStore().load() == expected
    again = _dialog(qtbot, SettingsStore())
    assert again.settings() == expected
    assert again.use_local.isChecked()


def test_the_password_goes_to_the_keyring_never_the_settings_file(qtbot, memory_keyring):
    store = SettingsStore()
    dialog = _dialog(qtbot, store)
    dialog.use_server.setChecked(True)
    qtbot.keyClicks(dialog.database_url, SERVER)
    qtbot.keyClicks(dialog.password, "correct horse")
    _save(qtbot, dialog)

    assert store.load().database_url == SERVER
    username = "clerk@db.example.org:5433/boardroom"
    assert memory_keyring.passwords == {(KEYRING_SERVICE, username): "correct horse"}
    text = Path(store.qsettings.fileName()).read_text(encoding="utf-8")
    assert "db.example.org" in text
    assert "correct horse" not in text

    reopened = _dialog(qtbot, SettingsStore())
    assert reopened.use_server.isChecked()
    assert reopened.password.text() == ""
    assert "keyring" in reopened.password.placeholderText()


def test_a_password_written_in_the_url_is_moved_to_the_keyring(qtbot, memory_keyring):
    store = SettingsStore()
    dialog = _dialog(qtbot, store)
    dialog.use_server.setChecked(True)
    dialog.database_url.setText("postgresql://clerk:hunter2@db.example.org/boardroom")
    _save(qtbot, dialog)
    assert store.load().database_url == "postgresql://clerk@db.example.org/boardroom"
    assert list(memory_keyring.passwords.values()) == ["hunter2"]
    assert "hunter2" not in Path(store.qsettings.fileName()).read_text(encoding="utf-8")


def test_invalid_input_keeps_the_dialog_open_with_a_message(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    dialog = _dialog(qtbot, SettingsStore())
    qtbot.keyClicks(dialog.secretariat_email, "nobody")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert shown == ["“nobody” is not an email address."]
    assert SettingsStore().load() == Settings()


def test_show_in_folder_opens_the_data_folder(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = _dialog(qtbot, SettingsStore(), in_use="/tmp/other.db (SQLite)")
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.show_folder, LEFT)
    assert opened[0].toLocalFile().rstrip("/").endswith("Boardroom")
    assert opened[0].toLocalFile() in dialog.local_file.text()


def test_test_connection_reports_an_unreachable_server(qtbot):
    dialog = _dialog(qtbot, SettingsStore())
    dialog.use_server.setChecked(True)
    dialog.database_url.setText("postgresql://clerk@127.0.0.1:1/boardroom")
    with qtbot.waitSignal(dialog.connection_tested, timeout=20000) as result:
        qtbot.mouseClick(dialog.test_button, LEFT)
    succeeded, message = result.args
    assert not succeeded
    assert "Cannot open the database postgresql://clerk@127.0.0.1:1/boardroom:" in message
    assert "connect_timeout" not in message, "the URL as typed, not as tried"
    assert dialog.test_result.text() == message
    assert dialog.test_button.isEnabled()


def test_test_connection_succeeds_on_a_real_server(qtbot, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("needs BOARDROOM_DATABASE_URL set to a PostgreSQL server")
    url, password = split_password(database_url.replace("+psycopg2", ""))
    dialog = _dialog(qtbot, SettingsStore())
    dialog.use_server.setChecked(True)
    dialog.database_url.setText(url)
    dialog.password.setText(password or "")
    with qtbot.waitSignal(dialog.connection_tested, timeout=20000) as result:
        dialog.test_connection()
    assert result.args[0], result.args[1]
    assert result.args[1] == f"Connected to {make_url(url)} (PostgreSQL)."


def test_a_broken_saved_database_can_fall_back_to_the_local_file(qapp, monkeypatch):
    monkeypatch.delenv("BOARDROOM_DATABASE_URL", raising=False)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Yes,
    )
    saved = Settings(database_url="postgresql://clerk@127.0.0.1:1/boardroom")
    database = app_module.open_startup_database(None, saved)
    assert database is not None
    try:
        assert database.is_sqlite
        assert "Cannot open the database" in asked[0]
    finally:
        database.close()


def test_a_broken_database_from_the_command_line_is_an_error(qapp, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    url = f"sqlite:///{tmp_path}/missing/boardroom.db"
    assert app_module.open_startup_database(url, Settings(database_url=SERVER)) is None
    assert "folder for the database does not exist" in shown[0]


def test_a_new_board_starts_from_the_defaults_in_settings(qtbot, database):
    from sqlalchemy import select

    from boardroom.services.boards import add_board
    from boardroom.storage.models import Board

    SettingsStore().save(Settings(holiday_region="GB-SCT", time_zone="Europe/Dublin", lead_days=8))

    def save(fields) -> None:
        name, rules = fields
        with database.transaction() as session:
            add_board(session, name, rules)

    dialog = BoardDialog(save)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.region.currentText() == "Scotland"
    qtbot.keyClicks(dialog.name, "Audit Committee")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert dialog.result() == BoardDialog.DialogCode.Accepted
    with database.sessions() as session:
        board = session.scalars(select(Board).where(Board.name == "Audit Committee")).one()
        assert (board.holiday_region, board.time_zone, board.lead_days) == (
            "GB-SCT",
            "Europe/Dublin",
            8,
        )


def test_the_bank_holiday_regions_are_named_as_the_board_dialog_names_them(qtbot):
    dialog = _dialog(qtbot, SettingsStore())
    names = [dialog.holiday_region.itemText(row) for row in range(dialog.holiday_region.count())]
    assert names[0] == "England & Wales"
    assert "Northern Ireland" in names


def test_a_new_template_from_the_letterhead_is_used_by_the_word_agenda(
    qtbot, monkeypatch, tmp_path, demo_database
):
    """The shipped letterhead is saved where the clerk says, opened for editing, saved as the
    default template, and the agenda written from the settings keeps its header."""
    import docx

    from boardroom.agenda_docx import build_agenda
    from boardroom.services.meetings import find_meeting

    chosen = tmp_path / "Wirral letterhead"  # typed without the extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(chosen), ""))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    store = SettingsStore()
    dialog = _dialog(qtbot, store)
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.new_template, LEFT)

    written = chosen.with_suffix(".docx")
    assert dialog.word_template.text() == str(written)
    assert opened[0].toLocalFile() == str(written), "opened in Word for the letterhead"
    header = docx.Document(str(written)).sections[0].header.paragraphs[0].text
    assert header == "Your organisation"
    _save(qtbot, dialog)

    template = SettingsStore().load().template_path()
    assert template == written
    with demo_database.sessions() as session:
        meeting = find_meeting(session, "2016-09-13")
        agenda = build_agenda(session, meeting.id, template=template)
    assert agenda.sections[0].header.paragraphs[0].text == "Your organisation"
    assert "Wirral Improvement Board" in agenda.paragraphs[0].text
