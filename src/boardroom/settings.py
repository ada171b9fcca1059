"""The user's preferences, declared once with their types and defaults.

The window stores them with ``QSettings`` (``boardroom.ui.settings_store``); everything else
(exports, invites, start-up) reads the same typed values, so no module invents its own key or
default. A database password is never one of them: it lives in the system keyring, under the
service ``Boardroom`` and a user name naming the account and the database it opens.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from boardroom.errors import BoardroomError
from boardroom.services.board_rules import BoardRules
from boardroom.storage.database import ENV_VAR
from boardroom.workdays import DEFAULT_REGION, REGIONS

KEYRING_SERVICE = "Boardroom"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _key(name: str) -> dict[str, str]:
    return {"key": name}


@dataclass(frozen=True)
class Settings:
    """Every preference, with the default a new installation starts from.

    Each field's ``key`` metadata is its name in the settings file; other parts of the app
    (the invite organiser, for one) may rely on these names, so they never change.
    """

    organisation_name: str = field(default="", metadata=_key("organisation/name"))
    secretariat_name: str = field(default="", metadata=_key("organisation/secretariat_name"))
    secretariat_email: str = field(default="", metadata=_key("organisation/secretariat_email"))
    word_template: str = field(default="", metadata=_key("defaults/word_template"))
    holiday_region: str = field(default=DEFAULT_REGION, metadata=_key("defaults/holiday_region"))
    time_zone: str = field(default="Europe/London", metadata=_key("defaults/time_zone"))
    lead_days: int = field(default=5, metadata=_key("defaults/lead_days"))
    # Empty means the local SQLite file; otherwise a URL without its password.
    database_url: str = field(default="", metadata=_key("database/url"))

    def validated(self) -> Settings:
        """The settings cleaned up, or a BoardroomError naming the first field that is wrong."""
        cleaned = replace(
            self,
            organisation_name=self.organisation_name.strip(),
            secretariat_name=self.secretariat_name.strip(),
            secretariat_email=self.secretariat_email.strip(),
            word_template=self.word_template.strip(),
            database_url=self.database_url.strip(),
        )
        email = cleaned.secretariat_email
        if email and not _EMAIL.match(email):
            raise BoardroomError(f"“{email}” is not an email address.")
        template = cleaned.word_template
        if template:
            if Path(template).suffix.lower() != ".docx":
                raise BoardroomError(
                    "The Word template must be a .docx document (save a .dotx template "
                    "as a Word document first)."
                )
            if not Path(template).is_file():
                raise BoardroomError(f"The Word template “{template}” does not exist.")
        if cleaned.holiday_region not in REGIONS:
            raise BoardroomError(f"Unknown bank-holiday region “{cleaned.holiday_region}”.")
        try:
            ZoneInfo(cleaned.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise BoardroomError(f"“{cleaned.time_zone}” is not a time zone.") from None
        if not 0 <= cleaned.lead_days <= 60:
            raise BoardroomError("The circulation lead time must be between 0 and 60 working days.")
        if cleaned.database_url:
            url = parse_database_url(cleaned.database_url)
            if url.password is not None:
                raise BoardroomError("Keep the password out of the database URL.")
        return cleaned

    def template_path(self) -> Path | None:
        """The Word document every Word export (agenda, minutes, action log) starts from;
        None: Boardroom's own layout."""
        return Path(self.word_template) if self.word_template else None

    def document_author(self) -> str:
        """Who the Word documents name as their author: the secretariat, else the
        organisation; when both are empty each document names its own (its board)."""
        return self.secretariat_name or self.organisation_name

    def new_board_rules(self) -> BoardRules:
        """What the New board dialog starts from: the terms of reference's quorum and venue,
        with the secretariat's own time zone, bank-holiday region and papers lead time."""
        return BoardRules(
            time_zone=self.time_zone,
            holiday_region=self.holiday_region,
            lead_days=self.lead_days,
        )


def setting_keys() -> dict[str, str]:
    """Field name → key in the settings file."""
    return {item.name: item.metadata["key"] for item in fields(Settings)}


def parse_database_url(text: str) -> URL:
    """A PostgreSQL URL the settings accept, or a message saying what is wrong with it."""
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise BoardroomError(
            f"“{text}” is not a database URL; write it like postgresql://clerk@server/boardroom."
        ) from None
    if url.get_backend_name() != "postgresql" or not url.host or not url.database:
        raise BoardroomError(
            "A shared database is a PostgreSQL URL with a server and a database name, "
            "like postgresql://clerk@server/boardroom."
        )
    return url


def split_password(text: str) -> tuple[str, str | None]:
    """A URL as typed → the URL to store (no password) and the password, if it had one."""
    url = parse_database_url(text)
    # URL.set() treats None as "unchanged"; the named tuple's _replace really drops it.
    return url._replace(password=None).render_as_string(hide_password=False), url.password


def keyring_username(url_text: str) -> str:
    """The keyring entry of a database: ``user@host:port/database``, unique per account."""
    url = parse_database_url(url_text)
    port = f":{url.port}" if url.port else ""
    return f"{url.username or ''}@{url.host}{port}/{url.database}"


def with_password(url_text: str, password: str | None) -> str:
    """The URL to connect with: the stored URL plus the password from the keyring."""
    url = parse_database_url(url_text)
    if password:
        url = url.set(password=password)
    return url.render_as_string(hide_password=False)


def _keyring_problem(exc: Exception) -> BoardroomError:
    return BoardroomError(
        f"The system keyring, which keeps the database password, is not available ({exc}). "
        "Unlock it, or ask IT to set one up, and try again."
    )


def load_password(url_text: str) -> str | None:
    import keyring  # deferred: finding the system's keyring backend takes a moment
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_username(url_text))
    except KeyringError as exc:
        raise _keyring_problem(exc) from exc


def save_password(url_text: str, password: str) -> None:
    """Keep the database password in the system keyring, never in the settings file."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_username(url_text), password)
    except KeyringError as exc:
        raise _keyring_problem(exc) from exc


def startup_database_url(explicit: str | None, settings: Settings) -> str | None:
    """Which database the window opens: the command line, then ``BOARDROOM_DATABASE_URL``,
    then the saved setting (with its password from the keyring); ``None`` means the local
    SQLite file."""
    if explicit or os.environ.get(ENV_VAR):
        return explicit or os.environ[ENV_VAR]
    if settings.database_url:
        return with_password(settings.database_url, load_password(settings.database_url))
    return None
