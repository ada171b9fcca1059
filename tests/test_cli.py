"""The command line: version, database selection and readable errors."""

import subprocess
import sys

from boardroom import __version__
from boardroom.cli import main


def test_python_dash_m_prints_the_version():
    result = subprocess.run(
        [sys.executable, "-m", "boardroom", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"Boardroom {__version__}"


def test_a_bad_database_location_is_a_message_not_a_traceback(tmp_path, capsys):
    code = main(["--database", f"sqlite:///{tmp_path}/missing/b.db", "demo"])
    assert code == 1
    error = capsys.readouterr().err
    assert "folder for the database does not exist" in error
    assert "Traceback" not in error


def test_the_environment_variable_chooses_the_database(tmp_path, monkeypatch, capsys):
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("BOARDROOM_DATABASE_URL", f"sqlite:///{target}")
    assert main(["demo"]) == 0
    assert str(target) in capsys.readouterr().out
    assert target.exists()
