"""Installer material: generated icons, the Linux menu entry and install script, the Windows
script's references, and (on demand, being slow) a real frozen build that must start."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import types
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader

from boardroom import __version__

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"
HICOLOR = (16, 24, 32, 48, 64, 128, 256, 512)


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("boardroom_build", INSTALLERS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sizes(path: Path) -> set[tuple[int, int]]:
    reader = QImageReader(str(path))
    sizes = set()
    for index in range(max(reader.imageCount(), 1)):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{path.name} image {index}: {reader.errorString()}"
        sizes.add((image.width(), image.height()))
    return sizes


def test_icons_are_generated_from_the_svg_in_every_size(qapp, tmp_path):
    pytest.importorskip("PIL", reason="the build extra (Pillow) makes .ico and .icns")
    build = _build_module()
    folder = build.make_icons(tmp_path)
    for size in build.PNG_SIZES:
        assert _sizes(folder / f"boardroom-{size}.png") == {(size, size)}
    assert _sizes(folder / "boardroom.png") == {(256, 256)}
    assert _sizes(folder / "boardroom.ico") == {(size, size) for size in build.ICO_SIZES}
    assert _icns_entries(folder / "boardroom.icns") == {
        "ic07": 128,
        "ic08": 256,
        "ic09": 512,
        "ic10": 1024,
        "ic11": 32,
        "ic12": 64,
        "ic13": 256,
        "ic14": 512,
    }


def _icns_entries(path: Path) -> dict[str, int]:
    """Apple's icon container: each entry's type and the width of the PNG it holds."""
    data = path.read_bytes()
    assert data[:4] == b"icns"
    assert int.from_bytes(data[4:8], "big") == len(data)
    entries, position = {}, 8
    while position < len(data):
        kind = data[position : position + 4].decode()
        length = int.from_bytes(data[position + 4 : position + 8], "big")
        if kind != "TOC ":
            image = QImage.fromData(data[position + 8 : position + length], "PNG")
            assert not image.isNull() and image.width() == image.height()
            entries[kind] = image.width()
        position += length
    return entries


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(INSTALLERS / "linux" / "boardroom.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_matches_the_app():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Boardroom"
    assert entry["Icon"] == "boardroom"
    assert entry["Exec"] == "boardroom"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";")
    # Wayland and X11 docks match the window to this entry by the app's desktop file name.
    assert entry["StartupWMClass"] == "boardroom"
    assert 'setDesktopFileName("boardroom")' in (ROOT / "src/boardroom/ui/app.py").read_text()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (desktop-file-utils) is not installed",
)
def test_the_desktop_entry_passes_the_freedesktop_validator(tmp_path):
    entry = INSTALLERS / "linux" / "boardroom.desktop"
    # As shipped, and as install.sh rewrites it (a quoted full path with a space).
    installed = tmp_path / "boardroom.desktop"
    installed.write_text(
        re.sub(
            r"^Exec=.*$",
            'Exec="/home/clerk/my apps/lib/boardroom/boardroom"',
            entry.read_text(),
            flags=re.M,
        )
    )
    for path in (entry, installed):
        result = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def _fake_unpacked_tarball(folder: Path) -> Path:
    program = folder / "boardroom" / "boardroom"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\necho Boardroom\n")
    program.chmod(0o755)
    applications = folder / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "boardroom.desktop").write_bytes(
        (INSTALLERS / "linux" / "boardroom.desktop").read_bytes()
    )
    for size in ("48x48", "scalable"):
        icons = folder / "share" / "icons" / "hicolor" / size / "apps"
        icons.mkdir(parents=True)
        (icons / ("boardroom.svg" if size == "scalable" else "boardroom.png")).write_text("x")
    script = folder / "install.sh"
    script.write_bytes((INSTALLERS / "linux" / "install.sh").read_bytes())
    script.chmod(0o755)
    return script


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_install_script_puts_the_app_in_the_application_list_and_removes_it(tmp_path):
    script = _fake_unpacked_tarball(tmp_path / "unpacked")
    prefix = tmp_path / "prefix with space"
    subprocess.run([str(script), str(prefix)], check=True, capture_output=True)

    entry = (prefix / "share/applications/boardroom.desktop").read_text()
    assert f'Exec="{prefix}/lib/boardroom/boardroom"' in entry
    assert "Icon=boardroom" in entry
    assert (prefix / "share/icons/hicolor/48x48/apps/boardroom.png").is_file()
    launcher = prefix / "bin" / "boardroom"
    output = subprocess.run([str(launcher)], check=True, capture_output=True, text=True)
    assert output.stdout.strip() == "Boardroom"

    subprocess.run([str(script), "--uninstall", str(prefix)], check=True, capture_output=True)
    assert not (prefix / "lib" / "boardroom").exists()
    assert not (prefix / "share/applications/boardroom.desktop").exists()
    assert not launcher.exists()
    assert not list((prefix / "share/icons").rglob("boardroom.*"))


def test_the_windows_script_refers_to_what_the_build_makes():
    script = (INSTALLERS / "windows" / "boardroom.iss").read_text(encoding="utf-8")
    here = INSTALLERS / "windows"
    root = Path(os.path.normpath(here / "../.."))
    assert root == ROOT

    def setting(name: str) -> str:
        match = re.search(rf"^{name}=(.+)$", script, re.MULTILINE)
        assert match, name
        return match.group(1).replace("{#Root}", str(ROOT)).replace("\\", "/")

    assert Path(setting("LicenseFile")).is_file()
    assert setting("SetupIconFile").endswith("build/icons/boardroom.ico")
    assert setting("AppVersion") == "{#AppVersion}", "the version comes from build.py"
    assert '"{autoprograms}\\Boardroom"' in script, "a Start menu entry"
    assert "dist\\Boardroom\\*" in script


class _SpecRun:
    """Runs boardroom.spec as PyInstaller would on ``platform``, recording what it asks for."""

    def __init__(self, monkeypatch, platform: str) -> None:
        hooks = pytest.importorskip("PyInstaller.utils.hooks", reason="the build extra")
        monkeypatch.setattr(sys, "platform", platform)
        monkeypatch.setattr(hooks, "collect_submodules", lambda package: [package])
        monkeypatch.setattr(hooks, "collect_data_files", lambda package: [])
        monkeypatch.setattr(sys, "path", list(sys.path))  # the spec inserts src/
        self.calls: dict[str, list[tuple[tuple, dict]]] = {}
        names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
        spec_globals = {name: self._recorder(name) for name in names}
        spec_globals["SPECPATH"] = str(INSTALLERS)
        source = (INSTALLERS / "boardroom.spec").read_text(encoding="utf-8")
        exec(compile(source, "boardroom.spec", "exec"), spec_globals)

    def _recorder(self, name: str):
        def record(*args, **kwargs):
            self.calls.setdefault(name, []).append((args, kwargs))
            return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[], name=name)

        return record


def test_the_spec_makes_a_mac_app_bundle_with_its_icon_and_dark_mode(monkeypatch):
    run = _SpecRun(monkeypatch, "darwin")
    ((_args, bundle),) = run.calls["BUNDLE"]
    assert bundle["name"] == "Boardroom.app"
    assert bundle["icon"].endswith("build/icons/boardroom.icns")
    assert bundle["bundle_identifier"] == "org.boardroom.Boardroom"
    plist = bundle["info_plist"]
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["NSRequiresAquaSystemAppearance"] is False
    assert re.fullmatch(r"\d+\.\d+", plist["LSMinimumSystemVersion"])
    ((_args, exe),) = run.calls["EXE"]
    assert exe["console"] is False, "no Terminal window behind the app"


def test_the_spec_makes_a_windowed_exe_and_a_console_one_on_windows(monkeypatch):
    run = _SpecRun(monkeypatch, "win32")
    executables = {kwargs["name"]: kwargs for _args, kwargs in run.calls["EXE"]}
    assert executables["Boardroom"]["console"] is False
    assert executables["boardroom-cli"]["console"] is True
    for exe in executables.values():
        assert exe["icon"].endswith("build/icons/boardroom.ico")
    assert executables["Boardroom"]["version"].endswith("build/version_info.txt")
    ((_args, collect),) = run.calls["COLLECT"]
    assert collect["name"] == "Boardroom", "the folder boardroom.iss packs"
    assert "BUNDLE" not in run.calls
    ((_args, analysis),) = run.calls["Analysis"]
    assert analysis["module_collection_mode"] == {"docx": "pyz+py"}


@pytest.mark.skipif(
    os.environ.get("BOARDROOM_BUILD_TEST") != "1" or not sys.platform.startswith("linux"),
    reason="slow (a full PyInstaller build); set BOARDROOM_BUILD_TEST=1 on Linux",
)
def test_the_linux_build_starts_and_its_tarball_is_complete():
    subprocess.run([sys.executable, str(INSTALLERS / "build.py")], check=True, cwd=ROOT)
    tarball = next((ROOT / "dist").glob(f"boardroom-{__version__}-linux-*.tar.gz"))
    with tarfile.open(tarball) as archive:
        names = {Path(*Path(name).parts[1:]).as_posix() for name in archive.getnames()}
    internal = "boardroom/_internal/boardroom"
    assert {
        "install.sh",
        "LICENCE.txt",
        "boardroom/boardroom",
        "share/applications/boardroom.desktop",
        *(f"share/icons/hicolor/{size}x{size}/apps/boardroom.png" for size in HICOLOR),
        "share/icons/hicolor/scalable/apps/boardroom.svg",
        f"{internal}/resources/icons/boardroom.svg",
        f"{internal}/resources/sample/improvement_board.json",
        f"{internal}/resources/templates/letterhead.docx",
        "boardroom/_internal/docx/templates/default-footer.xml",
        "boardroom/_internal/docx/parts/hdrftr.py",  # python-docx climbs out of it to ../templates
        f"{internal}/storage/migrations/env.py",
        f"{internal}/storage/migrations/script.py.mako",
    } <= names
    migrations = f"{internal}/storage/migrations/versions/"
    versions = {Path(name).name for name in names if name.startswith(migrations)}
    shipped = ROOT / "src/boardroom/storage/migrations/versions"
    assert versions >= {path.name for path in shipped.glob("*.py")}
