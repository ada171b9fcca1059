"""Writing export files so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from boardroom.errors import BoardroomError


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and move it into place.

    A full disk or a file held open by Word then fails cleanly, and the previous export
    (if any) is still there, instead of a truncated document the clerk might circulate.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise BoardroomError(f"The folder “{path.parent}” does not exist.")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".boardroom-", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise BoardroomError(f"Cannot write “{path}”: {exc.strerror or exc}.") from exc
    return path
