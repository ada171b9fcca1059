"""The log file exists where the error dialog says, and rotates instead of growing."""

import logging
from logging.handlers import RotatingFileHandler

from boardroom.logs import setup_logging


def test_records_reach_the_rotating_file_once(tmp_path):
    path = setup_logging(tmp_path)
    assert setup_logging(tmp_path) == path
    logger = logging.getLogger("boardroom")
    ours = [
        h
        for h in logger.handlers
        if isinstance(h, RotatingFileHandler) and h.baseFilename == str(path)
    ]
    assert len(ours) == 1
    logging.getLogger("boardroom.test").error("Autosave failed: disk full")
    ours[0].flush()
    assert path.read_text(encoding="utf-8").count("Autosave failed: disk full") == 1
    assert ours[0].maxBytes > 0 and ours[0].backupCount >= 1
    logger.removeHandler(ours[0])
    ours[0].close()
