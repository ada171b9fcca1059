"""Writing export files so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from boardroom.errors import BoardroomError

# Read and write for everyone, less what the user's umask takes away: what the system gives
# any new file (0644 or 0664 on most desks). A paper saved to a shared drive must be
# readable by colleagues; tempfile.mkstemp's 0600 would make it the author's alone.
_NEW_FILE_MODE = 0o666


def _new_temporary(folder: Path) -> tuple[int, Path]:
    """Create and open an empty file with a fresh name in ``folder``, with the permissions
    a new file gets there (the system applies the umask to ``_NEW_FILE_MODE``)."""
    temporary = folder / f".boardroom-{secrets.token_hex(8)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(temporary, flags, _NEW_FILE_MODE), temporary


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and move it into place.

    A full disk or a file held open by Word then fails cleanly, and the previous export
    (if any) is still there, instead of a truncated document the clerk might circulate.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise BoardroomError(f"The folder “{path.parent}” does not exist.")
    temporary: Path | None = None
    try:
        handle, temporary = _new_temporary(path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise BoardroomError(f"Cannot write “{path}”: {exc.strerror or exc}.") from exc
    return path
