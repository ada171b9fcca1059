"""Check that a built Boardroom really starts: ``python installers/verify_linux.py dist/boardroom``.

A frozen build can look complete and still fail on first launch for want of a data file or a
module found only at run time, so this runs the built program itself, in a throw-away home
folder (its settings and data never touch the builder's):

1. ``boardroom --version`` prints the version;
2. ``boardroom demo`` creates a database through the shipped Alembic migrations and loads the
   sample board from the shipped resources;
3. the window opens offscreen on that database, paints, and quits (``BOARDROOM_SMOKE_TEST``),
   leaving a screenshot to look at.

``installers/build.py`` runs it after every Linux build; the test suite runs it when
``BOARDROOM_BUILD_TEST=1``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120


def _run(program: Path, arguments: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(program), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(
            f"{program.name} {' '.join(arguments)} failed ({result.returncode}):\n"
            f"{result.stdout}{result.stderr}"
        )
    return result.stdout


def verify(app_folder: Path, screenshot: Path | None = None) -> list[str]:
    """Run the three checks; returns what each printed, raises SystemExit on a failure."""
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
        database = f"sqlite:///{home}/verify.db"
        shot = screenshot or Path(home) / "window.png"
        outputs = [_run(program, ["--version"], env)]
        if outputs[0].strip() != f"Boardroom {__version__}":
            raise SystemExit(f"--version printed {outputs[0]!r}, expected Boardroom {__version__}")
        outputs.append(_run(program, ["--database", database, "demo"], env))
        if "Loaded the demo board" not in outputs[1]:
            raise SystemExit(f"demo printed {outputs[1]!r}")
        env["BOARDROOM_SMOKE_TEST"] = str(shot)
        outputs.append(_run(program, ["--database", database], env))
        if "window shown" not in outputs[2] or not shot.is_file():
            raise SystemExit(f"the window did not open: {outputs[2]!r}")
    return outputs


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "boardroom"
    screenshot = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    for line in verify(folder, screenshot):
        print(line.strip())
    print(f"Verified {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
