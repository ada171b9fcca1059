"""Papers: files attached to agenda items, kept in the data folder under their content hash.

The clerk attaches "Ofsted report FINAL v3.pdf" from wherever it happens to be; the bytes are
copied to ``papers/<first two hex digits>/<sha256>`` so that renaming, moving or deleting the
original loses nothing, and the same file attached twice is stored once. A copy no paper
uses any more is left where it is — a backup, or an undo in the agenda editor, may still
need it — until the daily tidy finds it safe to remove (``storage.paper_store``).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from boardroom.errors import BoardroomError, NotFoundError
from boardroom.files import write_atomically
from boardroom.storage.models import AgendaItem, Paper
from boardroom.storage.paper_store import papers_folder, stored_copy

_CHUNK = 1024 * 1024
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
    """The stored copy of a paper (to open, attach or export)."""
    return stored_copy(paper.sha256, store)


def read_paper(paper: Paper, store: Path | None = None) -> bytes:
    path = paper_path(paper, store)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BoardroomError(
            f"The stored copy of “{paper.filename}” is missing from {path.parent}; "
            "attach the paper again."
        ) from None


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


def _copy_into_store(source: Path, root: Path) -> tuple[str, int]:
    """Copy ``source`` into the store while hashing it; returns (sha256, size)."""
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=root)
    try:
        with os.fdopen(handle, "wb") as target, source.open("rb") as original:
            while chunk := original.read(_CHUNK):
                digest.update(chunk)
                target.write(chunk)
                size += len(chunk)
            target.flush()
            os.fsync(target.fileno())
        sha256 = digest.hexdigest()
        final = root / sha256[:2] / sha256
        final.parent.mkdir(exist_ok=True)
        if final.exists():  # identical content is stored once; touched, so the tidy
            os.unlink(temporary)  # leaves it alone while this attach is under way
            os.utime(final)
        else:
            os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return sha256, size


def attach_paper(
    session: Session, item_id: int, source: Path, *, store: Path | None = None
) -> Paper:
    """Copy a file into the store and attach it to an agenda item under its own name."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFoundError("That agenda item no longer exists.")
    source = Path(source)
    if not source.is_file():
        raise BoardroomError(f"“{source}” is not a file that can be attached.")
    try:
        sha256, size = _copy_into_store(source, store if store is not None else default_store())
    except OSError as exc:
        raise BoardroomError(f"Cannot copy “{source.name}”: {exc.strerror or exc}.") from exc
    for existing in item.papers:
        if existing.sha256 == sha256:
            raise BoardroomError(
                f"This file is already attached to “{item.title}” as “{existing.filename}”."
            )
    paper = Paper(
        filename=source.name, sha256=sha256, size=size, mime_type=mime_type_for(source.name)
    )
    item.papers.append(paper)
    session.flush()
    return paper


def remove_paper(session: Session, paper_id: int) -> None:
    """Detach a paper. Its stored copy stays for the daily tidy to remove once nothing —
    another paper, a backup, an undo — can need it."""
    paper = session.get(Paper, paper_id)
    if paper is None:
        raise NotFoundError("That paper is no longer attached.")
    session.delete(paper)
    session.flush()
