"""Where the preferences and the window's place are kept: ``QSettings`` of Boardroom.

That is the registry on Windows, a property list on macOS and an ini file under
``~/.config/Boardroom`` on Linux — each system's own place, so IT can manage it. The keys are
those declared in ``boardroom.settings``; the database password goes to the keyring instead.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from boardroom.settings import Settings, setting_keys

ORGANISATION = "Boardroom"
APPLICATION = "Boardroom"

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_PAGE = "window/page"
_COLUMNS = "columns"


def open_qsettings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def template_and_author() -> tuple[Path | None, str]:
    """What every Word document saved from the window (agenda, minutes, action log, the
    circulated agenda) starts from: the default template in Settings, if one is set, and
    the author its properties name."""
    settings = SettingsStore().load()
    return settings.template_path(), settings.document_author()


class SettingsStore:
    """Typed reading and writing of the user's settings and the main window's place."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or open_qsettings()

    def load(self) -> Settings:
        """The saved settings; anything missing or unreadable falls back to its default."""
        defaults = Settings()
        keys = setting_keys()
        values: dict[str, object] = {}
        for item in fields(Settings):
            default = getattr(defaults, item.name)
            raw = self.qsettings.value(keys[item.name], default)
            if raw is None:  # an empty value, as some platforms' stores return it
                raw = default
            try:
                values[item.name] = type(default)(raw)
            except (TypeError, ValueError):
                values[item.name] = default  # a hand-edited file must not stop the app
        return Settings(**values)  # type: ignore[arg-type]

    def save(self, settings: Settings) -> None:
        keys = setting_keys()
        for item in fields(Settings):
            self.qsettings.setValue(keys[item.name], getattr(settings, item.name))
        self.qsettings.sync()

    def save_window(self, geometry: QByteArray, state: QByteArray, page_key: str) -> None:
        self.qsettings.setValue(_GEOMETRY, geometry)
        self.qsettings.setValue(_STATE, state)
        self.qsettings.setValue(_PAGE, page_key)
        self.qsettings.sync()

    def window_geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    def window_state(self) -> QByteArray | None:
        return self._bytes(_STATE)

    def last_page(self) -> str:
        return str(self.qsettings.value(_PAGE, ""))

    def column_layout(self, key: str, columns: int) -> QByteArray | None:
        """A list's header as the clerk left it, if it was left with ``columns`` columns
        (a list that has since gained or lost one starts afresh)."""
        if self.qsettings.value(f"{_COLUMNS}/{key}/count") != str(columns):
            return None
        return self._bytes(f"{_COLUMNS}/{key}/state")

    def save_column_layout(self, key: str, columns: int, state: QByteArray) -> None:
        self.qsettings.setValue(f"{_COLUMNS}/{key}/count", str(columns))
        self.qsettings.setValue(f"{_COLUMNS}/{key}/state", state)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) else None
