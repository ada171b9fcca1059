"""Build Boardroom for the platform this runs on: ``python installers/build.py``.

1. Icons: render ``resources/icons/boardroom.svg`` (the one master) into PNG sizes, a Windows
   ``.ico`` and a macOS ``.icns`` under ``build/icons``. Generated here, never committed.
2. Translations: compile each ``resources/translations/boardroom_*.ts`` into the ``.qm`` the
   window loads (``installers/translations.py``); also generated, never committed.
3. PyInstaller: the one-folder application from ``installers/boardroom.spec``.
4. Package it: a tarball with a ``.desktop`` entry and hicolor icons on Linux, the Inno Setup
   installer on Windows (when ``iscc`` is installed) and a disk image on macOS.
5. On Linux, check the built program really starts and writes every kind of file it exports
   (``installers/verify_linux.py``) before the tarball is made.

Needs the ``build`` extra: ``pip install -e ".[build]"``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
ICON_SVG = ROOT / "resources" / "icons" / "boardroom.svg"

PNG_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Explorer asks for at each zoom
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the freedesktop icon theme's folders


def version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from boardroom import __version__

    return __version__


def render_pngs(svg: Path, folder: Path, sizes: tuple[int, ...] = PNG_SIZES) -> dict[int, Path]:
    """Draw the SVG at each size with QtSvg: crisp at every size, not scaled-down bitmaps."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"Cannot read the icon {svg}")
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        path = folder / f"boardroom-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"Cannot write {path}")
        written[size] = path
    return written


def _images(pngs: dict[int, Path], sizes: tuple[int, ...]) -> list[Image.Image]:
    """The rendered PNGs as Pillow images, smallest first (each rendered, none rescaled)."""
    from PIL import Image

    images = []
    for size in sorted(set(sizes) & set(pngs)):
        with Image.open(pngs[size]) as image:
            images.append(image.copy())
    return images


def write_ico(pngs: dict[int, Path], target: Path) -> Path:
    images = _images(pngs, ICO_SIZES)
    images[-1].save(
        target, format="ICO", sizes=[image.size for image in images], append_images=images[:-1]
    )
    return target


def write_icns(pngs: dict[int, Path], target: Path) -> Path:
    """Pillow writes the PNG entries macOS uses (ic07–ic14: 16–512 pt at 1x and 2x)."""
    images = _images(pngs, PNG_SIZES)
    images[-1].save(target, format="ICNS", append_images=images[:-1])
    return target


def make_icons(folder: Path = BUILD / "icons") -> Path:
    """Every icon file the installers use, in ``folder``."""
    pngs = render_pngs(ICON_SVG, folder)
    shutil.copy(pngs[256], folder / "boardroom.png")
    write_ico(pngs, folder / "boardroom.ico")
    write_icns(pngs, folder / "boardroom.icns")
    return folder


def write_windows_version_info(number: str) -> Path:
    """The version resource Explorer shows under Properties → Details."""
    parts = [*number.split("."), "0", "0", "0"][:4]
    numbers = ", ".join(str(int("".join(c for c in part if c.isdigit()) or 0)) for part in parts)
    path = BUILD / "version_info.txt"
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({numbers}), prodvers=({numbers})),
  kids=[
    StringFileInfo([StringTable('080904B0', [
      StringStruct('CompanyName', 'Boardroom developers'),
      StringStruct('FileDescription', 'Boardroom'),
      StringStruct('FileVersion', '{number}'),
      StringStruct('ProductName', 'Boardroom'),
      StringStruct('ProductVersion', '{number}'),
      StringStruct('LegalCopyright', 'MIT licence')])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
    return path


def run_pyinstaller() -> None:
    if sys.platform == "win32":
        write_windows_version_info(version())
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(INSTALLERS / "boardroom.spec"),
        ],
        check=True,
    )


def linux_tarball(number: str, icons: Path) -> Path:
    """``dist/boardroom-<version>-linux-<arch>.tar.gz``: the app, its menu entry, its icons
    and ``install.sh``, which puts them where the desktop's application list finds them."""
    name = f"boardroom-{number}-linux-{platform.machine()}"
    stage = BUILD / "tarball" / name
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(DIST / "boardroom", stage / "boardroom", symlinks=True)
    applications = stage / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy(INSTALLERS / "linux" / "boardroom.desktop", applications)
    hicolor = stage / "share" / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(icons / f"boardroom-{size}.png", folder / "boardroom.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ICON_SVG, hicolor / "scalable" / "apps" / "boardroom.svg")
    shutil.copy(INSTALLERS / "linux" / "install.sh", stage / "install.sh")
    (stage / "install.sh").chmod(0o755)
    shutil.copy(ROOT / "resources" / "licence.txt", stage / "LICENCE.txt")
    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(stage, arcname=name)
    return target


def windows_installer(number: str) -> Path | None:
    compiler = shutil.which("iscc") or shutil.which("ISCC")
    if compiler is None:
        print("Inno Setup (iscc) is not installed: dist/Boardroom is built, no setup.exe.")
        return None
    script = INSTALLERS / "windows" / "boardroom.iss"
    subprocess.run([compiler, f"/DAppVersion={number}", str(script)], check=True)
    return DIST / f"Boardroom-{number}-setup.exe"


def macos_disk_image(number: str) -> Path:
    target = DIST / f"Boardroom-{number}.dmg"
    target.unlink(missing_ok=True)
    subprocess.run(
        [
            "hdiutil",
            "create",
            "-volname",
            "Boardroom",
            "-srcfolder",
            str(DIST / "Boardroom.app"),
            "-format",
            "UDZO",
            str(target),
        ],
        check=True,
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Boardroom for this platform.")
    parser.add_argument("--icons-only", action="store_true", help="only generate the icons")
    parser.add_argument("--no-verify", action="store_true", help="skip the Linux start-up check")
    args = parser.parse_args(argv)

    icons = make_icons()
    print(f"Icons in {icons}")
    if args.icons_only:
        return 0
    number = version()
    sys.path.insert(0, str(INSTALLERS))
    from translations import release_all

    for compiled in release_all():
        print(f"Compiled {compiled.relative_to(ROOT)}")
    run_pyinstaller()
    if sys.platform.startswith("linux"):
        if not args.no_verify:
            subprocess.run(
                [sys.executable, str(INSTALLERS / "verify_linux.py"), str(DIST / "boardroom")],
                check=True,
            )
        print(f"Built {linux_tarball(number, icons)}")
    elif sys.platform == "win32":
        print(f"Built {windows_installer(number) or DIST / 'Boardroom'}")
    elif sys.platform == "darwin":
        print(f"Built {macos_disk_image(number)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
