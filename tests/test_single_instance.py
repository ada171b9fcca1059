"""One Boardroom per user: a second launch hands over to the first and exits."""

import uuid

import pytest

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
