"""Papers: files attached to agenda items, kept in the database under their content hash.

The clerk attaches "Ofsted report FINAL v3.pdf" from wherever it happens to be; its bytes
are written into the database, once per content (``storage.paper_contents``), in the same
transaction as the attach, so that renaming, moving or deleting the original loses nothing
and every desk of a shared database can open and circulate it. Each desk keeps a copy in
its papers folder, ``papers/<first two hex digits>/<sha256>``, as a cache: reading a paper
uses that copy when it is there and still matches its hash, and otherwise fetches the bytes
from the database and keeps them there (``storage.paper_store``).

Content no paper uses any more is left where it is — a backup, or an undo in the agenda
editor, may still need it — until the daily tidy finds it safe to remove.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
from pathlib import Path

from sqlalchemy.orm import Session, object_session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.files import write_atomically
from boardroom.storage.models import AgendaItem, Paper
from boardroom.storage.paper_contents import (
    MAX_PAPER_BYTES,
    fetch_content,
    keep_content,
    store_content,
)
from boardroom.storage.paper_store import papers_folder, read_copy, save_copy, stored_copy

log = logging.getLogger("boardroom.papers")
# mimetypes reads the system's tables, which on some machines lack the Office formats.
_OFFICE_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pdf": "application/pdf",
}
_KIND_LABELS = {
    "application/pdf": "PDF",
    "application/msword": "Word",
    _OFFICE_TYPES[".docx"]: "Word",
    "application/vnd.ms-excel": "Excel",
    _OFFICE_TYPES[".xlsx"]: "Excel",
    "application/vnd.ms-powerpoint": "PowerPoint",
    _OFFICE_TYPES[".pptx"]: "PowerPoint",
}


def default_store() -> Path:
    """Where papers live unless a caller (a test) names another folder."""
    return papers_folder()


def mime_type_for(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix in _OFFICE_TYPES:
        return _OFFICE_TYPES[suffix]
    guessed, _encoding = mimetypes.guess_type(filename, strict=False)
    return guessed or "application/octet-stream"


def kind_label(paper: Paper) -> str:
    """ "PDF", "Word", "Excel" … or the file's extension, as a clerk would name the type."""
    if paper.mime_type in _KIND_LABELS:
        return _KIND_LABELS[paper.mime_type]
    suffix = Path(paper.filename).suffix.lstrip(".").upper()
    return suffix or "File"


def format_size(size: int) -> str:
    """1536 → "1.5 KB": sizes as file managers show them (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    units = ("KB", "MB", "GB", "TB")
    value, index = size / 1024, 0
    while value >= 1024 and index < len(units) - 1:
        value, index = value / 1024, index + 1
    shown = f"{value:.0f}" if value >= 100 else f"{value:.1f}"
    return f"{shown} {units[index]}"


def describe(paper: Paper) -> str:
    """ "PDF, 1.2 MB" — what the agenda and the editor show next to the file name."""
    return f"{kind_label(paper)}, {format_size(paper.size)}"


def paper_path(paper: Paper, store: Path | None = None) -> Path:
    """Where this desk keeps its copy of the paper (which may not be there yet)."""
    return stored_copy(paper.sha256, store)


def read_paper(paper: Paper, store: Path | None = None) -> bytes:
    """The paper's bytes, to open, attach to an email or export: this desk's copy when it
    has a sound one, otherwise the database's — read through the session the paper was
    loaded in — which then become this desk's copy."""
    root = store if store is not None else default_store()
    data = read_copy(paper.sha256, root)
    if data is not None:
        return data
    session = object_session(paper)
    data = fetch_content(session, paper.sha256) if session is not None else None
    if data is None:
        raise BoardroomError(
            f"The content of “{paper.filename}” is neither in the database nor in the papers "
            f"folder {root}. If it was attached on another desk before Boardroom kept papers "
            "in the database, starting Boardroom on that desk copies it in; otherwise attach "
            "the paper again."
        )
    if hashlib.sha256(data).hexdigest() != paper.sha256:
        raise BoardroomError(
            f"The copy of “{paper.filename}” in the database is damaged (its content no "
            "longer matches the file attached); attach the paper again."
        )
    _keep_copy(paper.sha256, data, root, paper.filename)
    return data


def _keep_copy(sha256: str, data: bytes, root: Path, filename: str) -> None:
    """Keep this desk's copy. Only a cache: the database holds the bytes, so a folder
    that cannot be written (full, read-only) is said in the log and costs a fetch later."""
    try:
        save_copy(sha256, data, root)
    except OSError as exc:
        log.warning("Could not keep a copy of %s in %s: %s", filename, root, exc)


def content_kept(session: Session, sha256: str, store: Path | None = None) -> bool:
    """Whether content can still be attached without its file: the database holds it
    (counted as attached again, so the tidy leaves it another week), or this desk has a
    sound copy, which is then written into the database."""
    if keep_content(session, sha256):
        return True
    data = read_copy(sha256, store if store is not None else default_store())
    if data is None:
        return False
    store_content(session, sha256, data)
    return True


def readable_copy(paper: Paper, folder: Path, store: Path | None = None) -> Path:
    """A copy of the paper under its own file name in ``folder``, for opening it.

    The stored copy is named by its hash and has no extension, so the system would not
    know which application opens it; the copy is made once per content and reused.
    """
    target = folder / paper.sha256[:16] / Path(paper.filename).name
    if not target.is_file():
        data = read_paper(paper, store)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        except OSError as exc:
            raise BoardroomError(
                f"Cannot make a copy of “{paper.filename}” to open: {exc.strerror or exc}."
            ) from exc
    return target


def _read_source(source: Path) -> bytes:
    """The file's bytes, refused with a message over ``MAX_PAPER_BYTES``."""
    too_large = (
        f"“{source.name}” is {{0}}; Boardroom keeps papers of up to "
        f"{format_size(MAX_PAPER_BYTES)}. Reduce its size (save a PDF for the screen, "
        "compress its pictures) or split it into parts, then attach it again."
    )
    try:
        size = source.stat().st_size
        if size > MAX_PAPER_BYTES:
            raise BoardroomError(too_large.format(format_size(size)))
        with source.open("rb") as original:
            data = original.read(MAX_PAPER_BYTES + 1)
    except OSError as exc:
        raise BoardroomError(f"Cannot copy “{source.name}”: {exc.strerror or exc}.") from exc
    if len(data) > MAX_PAPER_BYTES:  # it grew while being read
        raise BoardroomError(too_large.format(f"over {format_size(MAX_PAPER_BYTES)}"))
    return data


def attach_paper(
    session: Session, item_id: int, source: Path, *, store: Path | None = None
) -> Paper:
    """Store a file's content and attach it to an agenda item under its own name."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    source = Path(source)
    if not source.is_file():
        raise BoardroomError(f"“{source}” is not a file that can be attached.")
    data = _read_source(source)
    sha256 = hashlib.sha256(data).hexdigest()
    for existing in item.papers:
        if existing.sha256 == sha256:
            raise BoardroomError(
                f"This file is already attached to “{item.title}” as “{existing.filename}”."
            )
    store_content(session, sha256, data)
    _keep_copy(sha256, data, store if store is not None else default_store(), source.name)
    paper = Paper(
        filename=source.name, sha256=sha256, size=len(data), mime_type=mime_type_for(source.name)
    )
    item.papers.append(paper)
    session.flush()
    return paper


def remove_paper(session: Session, paper_id: int) -> None:
    """Detach a paper. Its content stays, in the database and this desk's folder, for the
    daily tidy to remove once nothing — another paper, a backup, an undo — can need it."""
    paper = session.get(Paper, paper_id)
    if paper is None:
        raise NotFoundError("That paper is no longer attached.")
    session.delete(paper)
    session.flush()
