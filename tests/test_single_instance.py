"""One Boardroom per user: a second launch hands over to the first and exits."""

import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QTimer

from boardroom.ui import app as app_module
from boardroom.ui import single_instance
from boardroom.ui.single_instance import SingleInstance


@pytest.fixture
def name(monkeypatch) -> str:
    """A server name of this test's own, used by every launch in it."""
    unique = f"boardroom-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setattr(single_instance, "server_name", lambda: unique)
    return unique


def test_the_server_name_is_per_user(monkeypatch):
    monkeypatch.setattr(single_instance.getpass, "getuser", lambda: "clerk")
    clerk = single_instance.server_name()
    monkeypatch.setattr(single_instance.getpass, "getuser", lambda: "chair")
    assert single_instance.server_name() != clerk
    assert clerk.startswith("boardroom-")
    assert "clerk" not in clerk, "user names stay out of the socket's file name"


def test_after_the_first_instance_quits_the_next_launch_is_first(qtbot, name):
    first = SingleInstance()
    assert first.is_primary
    first.close()
    again = SingleInstance()
    try:
        assert again.is_primary
    finally:
        again.close()


def test_a_second_run_opens_no_window_and_wakes_the_first(qtbot, name, monkeypatch):
    first = SingleInstance()
    first.listen()
    opened = []
    monkeypatch.setattr(app_module, "open_startup_database", lambda *args: opened.append(args))
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert app_module.run() == 0
    finally:
        first.close()
    assert opened == [], "the second launch exits before it opens a database"


def test_the_smoke_test_opens_the_window_and_quits(qtbot, name, monkeypatch, tmp_path, capsys):
    shot = tmp_path / "window.png"
    monkeypatch.setenv(app_module.SMOKE_TEST_VAR, str(shot))
    url = f"sqlite:///{tmp_path / 'smoke.db'}"
    assert app_module.run(url) == 0
    assert "window shown" in capsys.readouterr().out
    assert shot.stat().st_size > 1000


def test_a_launch_while_the_first_is_still_starting_waits_and_hands_over(qtbot, name):
    """The first launch listens only once its window is on screen; one started meanwhile
    (the clerk double-clicking again because nothing appeared yet) waits for it."""
    first = SingleInstance()
    outcome: list[tuple[bool, bool]] = []

    def second_launch() -> None:
        second = SingleInstance()
        outcome.append((second.is_primary, second.handed_over))

    try:
        with qtbot.waitSignal(first.activation_requested, timeout=10000):
            QTimer.singleShot(400, first.listen)  # its window takes a while to appear
            launch = threading.Thread(target=second_launch)
            launch.start()
        launch.join(timeout=10)
    finally:
        first.close()
    assert outcome == [(False, True)]


def test_a_first_launch_that_never_answers_is_reported_and_no_window_opens(
    qtbot, name, monkeypatch
):
    first = SingleInstance()  # holds the lock, never listens: hung while starting
    monkeypatch.setattr(single_instance, "HAND_OVER_WITHIN_S", 0.3)
    opened, warnings = [], []
    monkeypatch.setattr(app_module, "open_startup_database", lambda *args: opened.append(args))
    monkeypatch.setattr(
        app_module.QMessageBox, "warning", lambda parent, title, text: warnings.append(text)
    )
    try:
        assert app_module.run() == 1
    finally:
        first.close()
    assert opened == []
    assert (
        len(warnings) == 1 and "already open on this computer but did not answer" in (warnings[0])
    )


def test_a_lock_left_by_a_crashed_launch_does_not_keep_the_next_one_out(qtbot, name):
    crash = (
        "import os, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from boardroom.ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        "held = SingleInstance(sys.argv[1])\n"
        "print(held.is_primary, flush=True)\n"
        "os._exit(0)  # no clean-up, as in a crash\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", crash, name], capture_output=True, text=True, timeout=60
    )
    assert ran.stdout.split() == ["True"], ran.stderr
    assert (Path(QDir.tempPath()) / f"{name}.lock").is_file(), "the crash left its lock"
    again = SingleInstance()
    try:
        assert again.is_primary
    finally:
        again.close()
    assert not (Path(QDir.tempPath()) / f"{name}.lock").exists()


def test_a_first_launch_that_dies_while_starting_leaves_the_waiting_one_first(qtbot, name):
    dies = (
        "import os, sys, time\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from boardroom.ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        "held = SingleInstance(sys.argv[1])\n"
        "print(held.is_primary, flush=True)\n"
        "time.sleep(0.5)\n"
        "os._exit(1)  # a crash before its window was up\n"
    )
    first = subprocess.Popen([sys.executable, "-c", dies, name], stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None and first.stdout.readline().split() == ["True"]
        waiting = SingleInstance()
        try:
            assert (waiting.is_primary, waiting.handed_over) == (True, False)
        finally:
            waiting.close()
    finally:
        first.wait(timeout=60)
        first.stdout.close()
    assert first.returncode == 1, "it did hold the lock until it died"
