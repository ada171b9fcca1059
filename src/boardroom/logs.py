"""The rotating log in the user's log folder: where an error dialog sends people to look."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

LOG_NAME = "boardroom.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 5


def log_folder() -> Path:
    folder = user_log_path("Boardroom", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def setup_logging(folder: Path | None = None) -> Path:
    """Send Boardroom's log records to a rotating file; returns the file's path.

    Calling it again (a second window, a test) does not add a second handler.
    """
    path = (folder or log_folder()) / LOG_NAME
    logger = logging.getLogger("boardroom")
    logger.setLevel(logging.INFO)
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = RotatingFileHandler(path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path
