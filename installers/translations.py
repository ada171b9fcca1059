"""Translations of the window: ``python installers/translations.py update fr`` and ``release``.

The texts to translate are those the user interface wraps for translation (``self.tr(...)``,
``QCoreApplication.translate(context, ...)`` and ``QT_TRANSLATE_NOOP(context, ...)`` for texts
defined away from where they are shown). Qt's ``lupdate`` finds them in ``src/boardroom/ui``
and writes them into ``resources/translations/boardroom_<locale>.ts``, which a translator
fills in with Qt Linguist (``pyside6-linguist``); running ``update`` again after the code
changes keeps what is already translated. ``release`` compiles every ``.ts`` into the ``.qm``
that Boardroom loads for the system language at start-up. The ``.qm`` files are generated
(by ``installers/build.py`` for every package, or by hand for a checkout), never committed.

The test suite uses the same two steps to make a pseudo-translation and check that every
text the window shows really reaches the translator (tests/test_translations.py).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "src" / "boardroom" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"


def qt_tool(name: str) -> str:
    """PySide6's wrapper for a Qt tool, installed beside this Python (or on ``PATH``)."""
    folder = Path(sys.executable).parent
    found = shutil.which(f"pyside6-{name}", path=str(folder)) or shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} is missing: install PySide6 in this Python first.")
    return found


def ui_sources() -> list[Path]:
    return sorted(path for path in UI.rglob("*.py") if "__pycache__" not in path.parts)


def extract(ts_file: Path) -> Path:
    """Write (or bring up to date) ``ts_file`` with every translatable text of the window."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    files = [str(path) for path in ui_sources()]
    subprocess.run(
        [qt_tool("lupdate"), "-locations", "relative", *files, "-ts", str(ts_file)],
        check=True,
        capture_output=True,
    )
    return ts_file


def release(ts_file: Path, qm_file: Path | None = None) -> Path:
    """Compile a ``.ts`` into the ``.qm`` Qt loads (beside it unless ``qm_file`` is given)."""
    target = qm_file or ts_file.with_suffix(".qm")
    subprocess.run(
        [qt_tool("lrelease"), str(ts_file), "-qm", str(target)], check=True, capture_output=True
    )
    return target


def release_all(folder: Path = TRANSLATIONS) -> list[Path]:
    return [release(ts_file) for ts_file in sorted(folder.glob("boardroom_*.ts"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make or compile Boardroom's translations.")
    commands = parser.add_subparsers(dest="command", required=True)
    update = commands.add_parser("update", help="collect the texts into boardroom_LOCALE.ts")
    update.add_argument("locale", help="a language code such as cy (Welsh) or fr")
    commands.add_parser("release", help="compile every boardroom_*.ts into its .qm")
    args = parser.parse_args(argv)
    if args.command == "update":
        print(f"Wrote {extract(TRANSLATIONS / f'boardroom_{args.locale}.ts')}")
    else:
        for qm_file in release_all():
            print(f"Wrote {qm_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
