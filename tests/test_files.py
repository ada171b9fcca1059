"""Export files are written whole or not at all, with the permissions of any new file."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest

from boardroom.files import write_atomically
from boardroom.services.action_export import ActionLog, export_actions

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX permissions")


@pytest.fixture
def umask():
    """Set the process umask for one test, as the user's login would; restored after."""
    previous = os.umask(0o077)  # reading the umask means setting one
    os.umask(previous)
    yield os.umask
    os.umask(previous)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
@pytest.mark.parametrize(
    ("mask", "expected"),
    [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)],
    ids=["umask-022", "umask-002", "umask-077"],
)
def test_an_export_gets_the_permissions_the_umask_gives_a_new_file(tmp_path, umask, mask, expected):
    umask(mask)
    written = write_atomically(tmp_path / "agenda.docx", b"agenda")
    assert _mode(written) == expected
    assert written.read_bytes() == b"agenda"


@posix_only
def test_replacing_an_export_keeps_it_readable_and_leaves_no_temporary_file(tmp_path, umask):
    umask(0o002)  # a team's shared drive: group may read and write
    target = tmp_path / "log.csv"
    export_actions(ActionLog("Log", date(2020, 1, 15), (), {}, {}, {}), target)
    export_actions(ActionLog("Log", date(2020, 1, 16), (), {}, {}, {}), target)
    assert _mode(target) == 0o664
    assert [path.name for path in tmp_path.iterdir()] == ["log.csv"]
