"""Check that a built Boardroom really starts: ``python installers/verify_linux.py dist/boardroom``.

A frozen build can look complete and still fail on first use for want of a data file or a
module found only at run time (python-docx's header and footer XML once went missing that
way: every Word export failed while ``--version`` and the window were fine). So this runs
the built program itself, in a throw-away home folder (its settings and data never touch the
builder's), through each kind of file it reads or writes:

1. ``boardroom --version`` prints the version;
2. ``boardroom demo`` creates a database through the shipped Alembic migrations and loads the
   sample board from the shipped resources;
3. the Word agenda (plain, and on the shipped letterhead template), the Word minutes, the
   calendar invite, the circulation email, and the action log as Word, Excel and CSV are
   written, then read back here with python-docx, icalendar, the email parser and openpyxl;
   a Word improvement plan is imported (python-docx reading inside the bundle);
4. the window opens offscreen on that database, paints, and quits (``BOARDROOM_SMOKE_TEST``),
   leaving a screenshot to look at.

``installers/build.py`` runs it after every Linux build; the test suite runs it when
``BOARDROOM_BUILD_TEST=1``.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tempfile
from email import policy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120
DEMO_BOARD = "Wirral Improvement Board"
FIRST_MEETING = "2016-09-13"


class Check:
    """Runs the built program with one environment and fails loudly on a bad exit."""

    def __init__(self, program: Path, env: dict[str, str], database: str) -> None:
        self.program = program
        self.env = env
        self.database = database

    def run(self, *arguments: str, database: bool = True) -> str:
        command = [str(self.program), *(("--database", self.database) if database else ())]
        result = subprocess.run(
            [*command, *arguments],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0:
            raise SystemExit(
                f"{self.program.name} {' '.join(arguments)} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        return result.stdout


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise SystemExit(problem)


def _docx_text(path: Path) -> tuple[str, str]:
    """The body text and the footer text of a Word file the bundle wrote."""
    import docx

    document = docx.Document(str(path))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for cell in table._cells)
    footer = "\n".join(p.text for p in document.sections[-1].footer.paragraphs)
    header = "\n".join(p.text for p in document.sections[-1].header.paragraphs)
    return f"{header}\n{body}\n{cells}", footer


def _plan_document(path: Path) -> Path:
    """A one-table improvement plan in the seed plan's layout, for the import check."""
    import docx

    document = docx.Document()
    document.add_paragraph("Ofsted improvement action 1: Improve the quality of assessments")
    table = document.add_table(rows=2, cols=6)
    headings = ("No.", "Planned activity", "Desired Outcome", "Target Date", "Lead", "Measure")
    values = ("1.1", "Review the practice model", "Better plans", "March 2020", "Lead", "Audit")
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, values, strict=True):
        cell.text = text
    document.save(str(path))
    return path


def check_exports(check: Check, folder: Path, app_folder: Path) -> list[str]:
    """Every export the clerk uses, written by the bundle and read back here."""
    import icalendar
    import openpyxl

    outputs = []
    agenda = folder / "agenda.docx"
    outputs.append(check.run("export", "agenda", FIRST_MEETING, "--out", str(agenda)))
    text, footer = _docx_text(agenda)
    _require(DEMO_BOARD in text, f"the agenda does not name the board: {text[:200]!r}")
    _require("Page" in footer, f"the agenda has no page-number footer: {footer!r}")

    letterhead = app_folder / "_internal" / "boardroom" / "resources" / "templates"
    letterhead = letterhead / "letterhead.docx"
    _require(letterhead.is_file(), f"the bundle has no Word template at {letterhead}")
    on_letterhead = folder / "agenda-letterhead.docx"
    template = ["--template", str(letterhead)]
    outputs.append(
        check.run("export", "agenda", FIRST_MEETING, "--out", str(on_letterhead), *template)
    )
    text, _footer = _docx_text(on_letterhead)
    _require("Your organisation" in text, "the agenda did not keep the template's letterhead")

    minutes = folder / "minutes.docx"
    outputs.append(check.run("export", "minutes", FIRST_MEETING, "--out", str(minutes)))
    text, _footer = _docx_text(minutes)
    _require("Minutes of the meeting" in text, f"unexpected minutes: {text[:200]!r}")

    invite = folder / "invite.ics"
    outputs.append(check.run("export", "invite", FIRST_MEETING, "--out", str(invite)))
    calendar = icalendar.Calendar.from_ical(invite.read_bytes())
    _require(calendar["METHOD"] == "REQUEST", "the invite is not a REQUEST")
    _require(bool(calendar.walk("VTIMEZONE")), "the invite has no VTIMEZONE")

    draft = folder / "papers.eml"
    sender = ["--organizer-email", "secretariat@example.org"]
    outputs.append(check.run("circulate", "2016-10-11", "--out", str(draft), *sender))
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    attached = [part.get_filename() or "" for part in message.iter_attachments()]
    _require(any(name.endswith(".docx") for name in attached), f"no agenda in {attached}")
    _require(any(name.endswith(".ics") for name in attached), f"no invite in {attached}")

    for suffix in ("docx", "xlsx", "csv"):
        log = folder / f"actions.{suffix}"
        outputs.append(check.run("export", "actions", "--out", str(log)))
        _require(log.stat().st_size > 0, f"empty action log {log.name}")
    workbook = openpyxl.load_workbook(folder / "actions.xlsx", read_only=True)
    rows = sum(1 for _row in workbook.active.iter_rows(values_only=True))
    workbook.close()
    _require(rows > 1, "the Excel action log has no rows")

    plan = _plan_document(folder / "plan.docx")
    outputs.append(
        check.run("import", "plan", str(plan), "--board", DEMO_BOARD, "--plan", "Frozen check")
    )
    return outputs


def verify(app_folder: Path, screenshot: Path | None = None) -> list[str]:
    """Run every check; returns what each printed, raises SystemExit on a failure."""
    sys.path.insert(0, str(ROOT / "src"))
    from boardroom import __version__

    program = app_folder / "boardroom"
    if not program.is_file():
        raise SystemExit(f"No built program at {program}; run python installers/build.py")
    with tempfile.TemporaryDirectory(prefix="boardroom-verify-") as home:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("BOARDROOM_", "XDG_"))
        }
        env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
        env["QT_QPA_PLATFORM"] = "offscreen"
        check = Check(program, env, f"sqlite:///{home}/verify.db")
        shot = screenshot or Path(home) / "window.png"
        outputs = [check.run("--version", database=False)]
        _require(
            outputs[0].strip() == f"Boardroom {__version__}",
            f"--version printed {outputs[0]!r}, expected Boardroom {__version__}",
        )
        outputs.append(check.run("demo"))
        _require("Loaded the demo board" in outputs[1], f"demo printed {outputs[1]!r}")
        outputs.extend(check_exports(check, Path(home), app_folder))
        check.env = {**env, "BOARDROOM_SMOKE_TEST": str(shot)}
        outputs.append(check.run())
        _require(
            "window shown" in outputs[-1] and shot.is_file(),
            f"the window did not open: {outputs[-1]!r}",
        )
    return outputs


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "boardroom"
    screenshot = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    for output in verify(folder, screenshot):
        print(output.strip())
    print(f"Verified {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
