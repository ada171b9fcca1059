"""Calendar invites: read back what was written, with icalendar and with an independent parser.

The independent check reads the raw lines, takes the zone from the file's own VTIMEZONE via
dateutil's ``tzical`` and expands the RRULE with dateutil, so a VTIMEZONE that clients would
misread (and so shift a meeting by an hour) fails here even if icalendar agrees with itself.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from dateutil.tz import tzical
from icalendar import Calendar

from boardroom.cli import main
from boardroom.services.agenda import append_item
from boardroom.services.board_rules import BoardRules
from boardroom.services.boards import add_board
from boardroom.services.invites import Organizer, cancellation_invite, meeting_invites
from boardroom.services.meetings import (
    MeetingFields,
    cancel_meeting,
    create_meeting,
    update_meeting,
)
from boardroom.services.people import MembershipFields, PersonFields, add_membership, add_person
from boardroom.services.series import Frequency, SeriesPlan, create_series
from boardroom.storage.models import Meeting, Role

LONDON = ZoneInfo("Europe/London")
ORGANIZER = Organizer("Board Secretariat", "secretariat@wirral.example.org")


@pytest.fixture
def board_id(database) -> int:
    with database.transaction() as session:
        board = add_board(session, "Improvement Board", BoardRules(venue="Committee Room 1"))
        for name, email, role in [
            ("Eric Robinson", "eric@example.org", Role.CHAIR),
            ("Wendy Clements", "wendy@example.org", Role.MEMBER),
            ("No Email", "", Role.MEMBER),
            ("Ada Adviser", "ada@example.org", Role.ADVISER),
        ]:
            person = add_person(session, PersonFields(name, email=email))
            add_membership(session, board.id, MembershipFields(person.id, role))
        return board.id


def _one_off(database, board_id: int) -> int:
    with database.transaction() as session:
        return create_meeting(
            session,
            board_id,
            MeetingFields(
                "Improvement Board", datetime(2026, 9, 15, 14), datetime(2026, 9, 15, 16)
            ),
        ).id


def _parse(data: bytes) -> tuple[Calendar, object]:
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1, "one VEVENT per file"
    return calendar, events[0]


def _event_lines(data: bytes) -> list[str]:
    lines = data.decode().replace("\r\n ", "").split("\r\n")
    return lines[lines.index("BEGIN:VEVENT") : lines.index("END:VEVENT")]


def _independent_instants(data: bytes) -> list[datetime]:
    """The UTC starts a client would compute, without icalendar's help."""
    lines = _event_lines(data)
    zones = tzical(StringIO(data.decode()))
    start_line = next(line for line in lines if line.startswith("DTSTART;TZID="))
    tzid, stamp = re.match(r"DTSTART;TZID=([^:]+):(\d{8}T\d{6})$", start_line).groups()
    assert tzid in list(zones.keys()), "the DTSTART's TZID is defined by the file's VTIMEZONE"
    zone = zones.get(tzid)
    start = datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=zone)
    rules = [line for line in lines if line.startswith(("RRULE:", "EXDATE"))]
    if not any(line.startswith("RRULE:") for line in rules):
        return [start.astimezone(UTC)]
    exdates = {
        datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=zone).astimezone(UTC)
        for line in rules
        if line.startswith("EXDATE")
        for value in line.split(":", 1)[1].split(",")
    }
    rule = next(line for line in rules if line.startswith("RRULE:"))
    expanded = rrulestr(rule.removeprefix("RRULE:"), dtstart=start)
    return [moment.astimezone(UTC) for moment in expanded if moment.astimezone(UTC) not in exdates]


def test_a_one_off_request_has_organizer_attendees_and_its_own_timezone(database, board_id):
    meeting_id = _one_off(database, board_id)
    with database.sessions() as session:
        [invite] = meeting_invites(session, meeting_id, ORGANIZER)
        uid = session.get_one(Meeting, meeting_id).uid
    data = invite.to_ical()
    calendar, event = _parse(data)
    assert calendar["METHOD"] == "REQUEST"
    assert str(event["UID"]) == uid
    assert event["SEQUENCE"] == 0
    assert "DTSTAMP" in event
    assert str(event["LOCATION"]) == "Committee Room 1"
    assert str(event["ORGANIZER"]) == "mailto:secretariat@wirral.example.org"
    assert event["ORGANIZER"].params["CN"] == "Board Secretariat"
    attendees = {str(a): a.params for a in event["ATTENDEE"]}
    assert set(attendees) == {
        "mailto:eric@example.org",
        "mailto:wendy@example.org",
        "mailto:ada@example.org",
    }, "everyone with an address; no address, no ATTENDEE"
    chair = attendees["mailto:eric@example.org"]
    assert (chair["CN"], chair["ROLE"], chair["PARTSTAT"], chair["RSVP"]) == (
        "Eric Robinson",
        "CHAIR",
        "NEEDS-ACTION",
        "TRUE",
    )
    assert attendees["mailto:ada@example.org"]["ROLE"] == "OPT-PARTICIPANT"
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == event["DTSTART"].params["TZID"] == "Europe/London"
    assert [c.name for c in timezone.subcomponents] == ["DAYLIGHT", "STANDARD"]
    assert all("RRULE" in c and "RDATE" not in c for c in timezone.subcomponents)
    # 14:00 in September is British Summer Time: 13:00 UTC, whoever reads it.
    assert _independent_instants(data) == [datetime(2026, 9, 15, 13, 0, tzinfo=UTC)]
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 9, 15, 13, 0, tzinfo=UTC)


def test_a_reschedule_keeps_the_uid_and_raises_the_sequence(database, board_id):
    meeting_id = _one_off(database, board_id)
    with database.sessions() as session:
        before = _parse(meeting_invites(session, meeting_id, ORGANIZER)[0].to_ical())[1]
    with database.transaction() as session:
        # Into November: Greenwich Mean Time, so 14:00 is 14:00 UTC.
        update_meeting(
            session,
            meeting_id,
            MeetingFields(
                "Improvement Board", datetime(2026, 11, 3, 14), datetime(2026, 11, 3, 16)
            ),
        )
        append_item(session, meeting_id, "Ofsted findings")
    with database.sessions() as session:
        data = meeting_invites(session, meeting_id, ORGANIZER)[0].to_ical()
    after = _parse(data)[1]
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert "Ofsted findings" in str(after["DESCRIPTION"]), "the agenda, once there is one"
    assert _independent_instants(data) == [datetime(2026, 11, 3, 14, 0, tzinfo=UTC)]


def test_the_cancel_form_has_the_same_uid_and_a_higher_sequence(database, board_id):
    meeting_id = _one_off(database, board_id)
    with database.sessions() as session:
        request = _parse(meeting_invites(session, meeting_id, ORGANIZER)[0].to_ical())[1]
    with database.transaction() as session:
        invite = cancellation_invite(session, meeting_id, ORGANIZER)
    calendar, event = _parse(invite.to_ical())
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == request["UID"]
    assert event["SEQUENCE"] > request["SEQUENCE"]
    assert len(event["ATTENDEE"]) == 3, "the cancellation reaches everyone invited"
    with database.sessions() as session:
        again = meeting_invites(session, meeting_id, ORGANIZER)
    assert [i.method for i in again] == ["CANCEL"], "a cancelled meeting only cancels"


def test_a_series_is_one_rrule_with_a_moved_and_a_cancelled_occurrence(database, board_id):
    plan = SeriesPlan(
        title="Improvement Board",
        frequency=Frequency.MONTHLY,
        weekday=1,
        week_of_month=3,
        starts=time(14),
        ends=time(16),
        first_day=date(2026, 9, 1),
        last_day=date(2027, 7, 31),
    )
    with database.transaction() as session:
        series = create_series(session, board_id, plan)
        by_month = {m.starts_at.month: m.id for m in series.meetings}
        series_uid = series.uid
    with database.transaction() as session:
        update_meeting(
            session,
            by_month[10],
            MeetingFields(
                "Improvement Board", datetime(2026, 10, 27, 14), datetime(2026, 10, 27, 16)
            ),
        )
        cancel_meeting(session, by_month[12])
    with database.sessions() as session:
        invites = meeting_invites(session, by_month[9], ORGANIZER)
        moved_only = meeting_invites(session, by_month[10], ORGANIZER)
    assert [i.method for i in invites] == ["REQUEST", "REQUEST"]
    master_data, override_data = invites[0].to_ical(), invites[1].to_ical()
    _calendar, master = _parse(master_data)
    assert str(master["UID"]) == series_uid
    assert master["RRULE"].to_ical() == b"FREQ=MONTHLY;COUNT=11;BYDAY=3TU"
    assert master["SEQUENCE"] == 1, "cancelling an occurrence changed the series"
    _calendar, override = _parse(override_data)
    assert str(override["UID"]) == series_uid
    assert override["RECURRENCE-ID"].params["TZID"] == "Europe/London"
    assert override.decoded("RECURRENCE-ID").replace(tzinfo=None) == datetime(2026, 10, 20, 14)
    assert override["SEQUENCE"] >= 1
    assert "RRULE" not in override
    [update] = moved_only  # naming the moved occurrence gives just its update
    assert _parse(update.to_ical())[1]["RECURRENCE-ID"] == override["RECURRENCE-ID"]
    instants = _independent_instants(master_data)
    assert len(instants) == 10, "eleven third Tuesdays, December excluded"
    assert datetime(2026, 12, 15, 14, tzinfo=UTC) not in instants
    # Summer time in September, Greenwich time in November: the hour follows the clock.
    assert instants[0] == datetime(2026, 9, 15, 13, tzinfo=UTC)
    assert datetime(2026, 11, 17, 14, tzinfo=UTC) in instants
    assert instants[-1] == datetime(2027, 7, 20, 13, tzinfo=UTC)
    assert _independent_instants(override_data) == [datetime(2026, 10, 27, 14, tzinfo=UTC)]


def test_the_command_writes_request_and_cancel_by_date(database, database_url, board_id, tmp_path):
    meeting_id = _one_off(database, board_id)
    request, cancel = tmp_path / "invite.ics", tmp_path / "cancel.ics"
    assert main(["--database", database_url, "export", "invite", "2026-09-15", "--out",
                 str(request), "--organizer-email", "clerk@example.org"]) == 0  # fmt: skip
    assert main(["--database", database_url, "export", "invite", str(meeting_id), "--out",
                 str(cancel), "--cancel"]) == 0  # fmt: skip
    _calendar, event = _parse(request.read_bytes())
    assert str(event["ORGANIZER"]) == "mailto:clerk@example.org"
    calendar, cancelled = _parse(Path(cancel).read_bytes())
    assert calendar["METHOD"] == "CANCEL"
    assert str(cancelled["ORGANIZER"]) == "mailto:secretariat@example.org"
    assert cancelled["UID"] == event["UID"]


def test_the_organizer_comes_from_the_environment(database_url, database, board_id, tmp_path,
                                                  monkeypatch):  # fmt: skip
    _one_off(database, board_id)
    monkeypatch.setenv("BOARDROOM_ORGANIZER_EMAIL", "env@example.org")
    out = tmp_path / "invite.ics"
    assert (
        main(["--database", database_url, "export", "invite", "2026-09-15", "--out", str(out)]) == 0
    )
    assert str(_parse(out.read_bytes())[1]["ORGANIZER"]) == "mailto:env@example.org"


def test_an_unknown_meeting_is_a_message(database_url, database, tmp_path, capsys):
    out = tmp_path / "invite.ics"
    assert (
        main(["--database", database_url, "export", "invite", "2030-01-01", "--out", str(out)]) == 1
    )
    assert "no meeting on Tue 1 Jan 2030" in capsys.readouterr().err
    assert not out.exists()
