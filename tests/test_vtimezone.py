"""VTIMEZONE components from zoneinfo: RRULE observances, never RDATE (DESIGN.md, rule 5).

Every calendar is written, serialised and read back by two parsers that resolve
the events through the file's own VTIMEZONE: icalendar (through dateutil's
``tzical``) and ``ical``. Both would use zoneinfo for a TZID that is an IANA
name, so the tests rename the TZID (``X-Test/<zone>/<years>``) before parsing.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from followup.errors import ExportError
from followup.ical._vtimezone import observances as _observances
from followup.ical._vtimezone import vtimezone

ZONES = [
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/St_Johns",
    "Asia/Kathmandu",
    "America/Santiago",
    "Pacific/Auckland",
    "Europe/London",
    "UTC",
    "Africa/Casablanca",
]
# Zones whose rules are yearly patterns: every observance must carry an RRULE.
REGULAR = [
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "America/St_Johns",
    "America/Santiago",
    "Pacific/Auckland",
    "Europe/London",
]


def _changes(zone: zoneinfo.ZoneInfo, first: int, last: int) -> list[datetime]:
    """Local wall times (to the hour) at which the UTC offset changes: an hourly scan."""
    changes: list[datetime] = []
    at = datetime(first, 1, 1, tzinfo=UTC) - timedelta(days=1)
    stop = datetime(last + 1, 1, 1, tzinfo=UTC) + timedelta(days=1)
    before = at.astimezone(zone).utcoffset()
    while at < stop:
        at += timedelta(hours=1)
        local = at.astimezone(zone)
        if local.utcoffset() != before:
            changes.append(local.replace(tzinfo=None, minute=0, second=0))
            before = local.utcoffset()
    return changes


def _unambiguous(wall: datetime, zone: zoneinfo.ZoneInfo) -> bool:
    """Whether the wall time exists exactly once (not in a gap, not in a fold)."""
    return wall.replace(tzinfo=zone).utcoffset() == wall.replace(tzinfo=zone, fold=1).utcoffset()


def _wall_times(tzid: str, first: int = 2026, last: int = 2028) -> list[datetime]:
    """Local wall times across the years, dense on the days around each change."""
    zone = zoneinfo.ZoneInfo(tzid)
    walls: set[datetime] = set()
    day = datetime(first, 1, 1)  # noqa: DTZ001 - a wall time
    for i in range((last - first + 1) * 366 // 4):
        walls.add(day + timedelta(days=4 * i, minutes=(0, 555, 720, 1425)[i % 4]))
    for change in _changes(zone, first, last):
        # every 15 minutes for 4 hours either side, then every 3 hours for a day either side
        walls.update(change + timedelta(minutes=15 * i) for i in range(-16, 17))
        walls.update(change + timedelta(hours=h) for h in range(-24, 25, 3))
    walls.add(datetime(last, 12, 31, 23, 59, 59))  # noqa: DTZ001 - a wall time
    return sorted(w for w in walls if first <= w.year <= last and _unambiguous(w, zone))


def _calendar(tzid: str, walls: list[datetime], *, rename: str | None = None) -> bytes:
    """A calendar with ``vtimezone(tzid, ...)`` and one event at each wall time."""
    zone = zoneinfo.ZoneInfo(tzid)
    vtz = vtimezone(tzid, walls[0].replace(tzinfo=zone), walls[-1].replace(tzinfo=zone))
    name = rename or tzid
    vtz["TZID"] = name
    cal = icalendar.Calendar()
    cal.add("PRODID", "-//followup//tests//EN")
    cal.add("VERSION", "2.0")
    cal.add_component(vtz)
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    for i, wall in enumerate(walls):
        event = icalendar.Event()
        event.add("UID", f"{i}@test.followup")
        event.add("DTSTAMP", stamp)
        event.add("DTSTART", wall, parameters={"TZID": name})
        event.add("DTEND", wall + timedelta(minutes=30), parameters={"TZID": name})
        event.add("SUMMARY", f"event {i}")
        cal.add_component(event)
    return cal.to_ical()


def _icalendar_instants(data: bytes) -> dict[int, datetime]:
    cal = icalendar.Calendar.from_ical(data)
    result = {}
    for event in cal.walk("VEVENT"):
        start = event.decoded("DTSTART")
        assert start.tzinfo is not None
        assert not isinstance(start.tzinfo, zoneinfo.ZoneInfo)  # the file's VTIMEZONE was used
        result[int(str(event["UID"]).split("@")[0])] = start.astimezone(UTC)
    return result


def _for_ical(data: bytes) -> bytes:
    """Rewrite two forms ``ical`` 14.x mishandles into forms that mean the same.

    ``ical`` builds an observance's onsets from its RRULE and RDATE only and drops
    a lone DTSTART, so a DTSTART-only observance gets ``RRULE:FREQ=YEARLY;COUNT=1``.
    It also refuses ``UNTIL`` in UTC beside a local DTSTART (dateutil's check), the
    form RFC 5545 requires in VTIMEZONE, so UNTIL becomes the same instant in local
    time (the offset before the change). Neither form matters for real files, where
    ``ical`` uses zoneinfo for IANA TZIDs instead of the VTIMEZONE.
    """
    cal = icalendar.Calendar.from_ical(data)
    for vtz in cal.walk("VTIMEZONE"):
        for block in _observance_blocks(vtz):
            if "RRULE" not in block:
                block.add("RRULE", {"FREQ": "YEARLY", "COUNT": 1})
            elif "UNTIL" in block["RRULE"]:
                until = block["RRULE"]["UNTIL"][0]
                local = until.replace(tzinfo=None) + block.decoded("TZOFFSETFROM")
                block["RRULE"]["UNTIL"] = [local]
    return cal.to_ical()


def _ical_instants(data: bytes) -> dict[int, datetime]:
    cal = IcsCalendarStream.calendar_from_ics(_for_ical(data).decode())
    result = {}
    for event in cal.events:
        start = event.dtstart
        assert isinstance(start, datetime)
        assert start.tzinfo is not None
        assert not isinstance(start.tzinfo, zoneinfo.ZoneInfo)
        assert event.uid is not None
        result[int(event.uid.split("@")[0])] = start.astimezone(UTC)
    return result


def _check_round_trip(tzid: str, walls: list[datetime], label: str) -> bytes:
    zone = zoneinfo.ZoneInfo(tzid)
    expected = {i: w.replace(tzinfo=zone).astimezone(UTC) for i, w in enumerate(walls)}
    data = _calendar(tzid, walls, rename=f"X-Test/{tzid}/{label}")
    for parse in (_icalendar_instants, _ical_instants):
        got = parse(data)
        wrong = [(walls[i], got.get(i), expected[i]) for i in expected if got.get(i) != expected[i]]
        assert not wrong, f"{parse.__name__}: {len(wrong)} wrong, e.g. {wrong[:3]}"
    return data


def _observance_blocks(vtz: icalendar.Timezone) -> Iterator[icalendar.Component]:
    yield from (c for c in vtz.subcomponents if c.name in {"STANDARD", "DAYLIGHT"})


@pytest.mark.parametrize("tzid", ZONES)
def test_events_resolve_to_the_zoneinfo_instant(tzid: str) -> None:
    walls = _wall_times(tzid)
    data = _check_round_trip(tzid, walls, "2026-2028")
    assert b"RDATE" not in data


@pytest.mark.parametrize(
    ("tzid", "first", "last"),
    [
        ("America/New_York", 2005, 2009),  # US rules changed in 2007
        ("Europe/Berlin", 1994, 1998),  # EU moved the autumn change to October in 1996
        ("Australia/Sydney", 2006, 2009),  # Australia changed both rules in 2008
        ("America/Santiago", 2018, 2023),  # the rule changed in 2019 and in 2022
        ("Africa/Casablanca", 2017, 2020),  # DST until 2018, then +01 with Ramadan breaks
        ("Asia/Tehran", 2021, 2024),  # DST abolished in 2022
    ],
)
def test_rule_changes_get_until_and_stay_correct(tzid: str, first: int, last: int) -> None:
    walls = _wall_times(tzid, first, last)
    data = _check_round_trip(tzid, walls, f"{first}-{last}")
    assert b"RDATE" not in data


def test_until_is_in_utc_and_ends_the_old_us_rule() -> None:
    vtz = vtimezone(
        "America/New_York",
        datetime(2006, 6, 1, tzinfo=UTC),
        datetime(2009, 6, 1, tzinfo=UTC),
    )
    text = vtz.to_ical().decode()
    assert "RRULE:FREQ=YEARLY;UNTIL=20060403T070000Z;BYDAY=1SU;BYMONTH=4" in text
    assert "RRULE:FREQ=YEARLY;UNTIL=20061030T060000Z;BYDAY=-1SU;BYMONTH=10" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11" in text


@pytest.mark.parametrize("tzid", REGULAR)
def test_regular_zones_use_rrule_observances(tzid: str) -> None:
    zone = zoneinfo.ZoneInfo(tzid)
    vtz = vtimezone(tzid, datetime(2026, 1, 1, tzinfo=zone), datetime(2028, 12, 31, tzinfo=zone))
    blocks = list(_observance_blocks(vtz))
    assert blocks
    for block in blocks:
        assert "RRULE" in block
        assert "RDATE" not in block
        rule = block["RRULE"].to_ical().decode()
        assert re.fullmatch(r"FREQ=YEARLY(;UNTIL=\d{8}T\d{6}Z)?;BYDAY=-?[1-5]SU;BYMONTH=\d+", rule)


def test_new_york_has_one_standard_and_one_daylight() -> None:
    zone = zoneinfo.ZoneInfo("America/New_York")
    vtz = vtimezone(
        "America/New_York",
        datetime(2026, 1, 1, tzinfo=zone),
        datetime(2028, 12, 31, 23, 59, tzinfo=zone),
    )
    assert [c.name for c in _observance_blocks(vtz)] == ["DAYLIGHT", "STANDARD"]
    daylight, standard = _observance_blocks(vtz)
    assert daylight["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"
    assert standard["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"
    assert daylight.decoded("DTSTART") <= datetime(2026, 1, 1)  # noqa: DTZ001
    assert str(daylight["TZNAME"]) == "EDT"
    assert str(standard["TZNAME"]) == "EST"


def test_lord_howe_has_a_thirty_minute_dst() -> None:
    zone = zoneinfo.ZoneInfo("Australia/Lord_Howe")
    vtz = vtimezone(
        "Australia/Lord_Howe", datetime(2026, 1, 1, tzinfo=zone), datetime(2028, 1, 1, tzinfo=zone)
    )
    lines = {c.name: c.to_ical().decode().splitlines() for c in _observance_blocks(vtz)}
    assert "TZOFFSETTO:+1100" in lines["DAYLIGHT"]
    assert "TZOFFSETFROM:+1030" in lines["DAYLIGHT"]
    assert "TZOFFSETTO:+1030" in lines["STANDARD"]
    assert "TZOFFSETFROM:+1100" in lines["STANDARD"]


@pytest.mark.parametrize(
    ("tzid", "offsets"),
    [
        ("Asia/Kolkata", {"TZOFFSETTO:+0530"}),
        ("Asia/Kathmandu", {"TZOFFSETTO:+0545"}),
        ("America/St_Johns", {"TZOFFSETTO:-0330", "TZOFFSETTO:-0230"}),
        ("UTC", {"TZOFFSETTO:+0000"}),
    ],
)
def test_fractional_and_fixed_offsets(tzid: str, offsets: set[str]) -> None:
    vtz = vtimezone(tzid, datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 9, 1, tzinfo=UTC))
    lines = set(vtz.to_ical().decode().splitlines())
    assert offsets <= lines


@pytest.mark.parametrize("tzid", ["Asia/Kolkata", "UTC", "Etc/UTC", "Asia/Kathmandu"])
def test_zone_without_transitions_has_one_standard(tzid: str) -> None:
    start = datetime(2026, 5, 1, 12, tzinfo=UTC)
    vtz = vtimezone(tzid, start, datetime(2027, 5, 1, tzinfo=UTC))
    blocks = list(_observance_blocks(vtz))
    assert [b.name for b in blocks] == ["STANDARD"]
    assert blocks[0]["TZOFFSETFROM"].to_ical() == blocks[0]["TZOFFSETTO"].to_ical()
    assert blocks[0].decoded("DTSTART") <= start.replace(tzinfo=None)
    assert str(vtz["TZID"]) == tzid


@pytest.mark.parametrize("tzid", ZONES)
def test_first_observance_starts_on_or_before_start(tzid: str) -> None:
    zone = zoneinfo.ZoneInfo(tzid)
    for start in (
        datetime(2026, 1, 1, tzinfo=zone),
        datetime(2026, 1, 1, tzinfo=UTC),
        datetime(2026, 7, 1, tzinfo=zone),
    ):
        vtz = vtimezone(tzid, start, start + timedelta(days=400))
        first = next(_observance_blocks(vtz))
        onset = first.decoded("DTSTART") - first.decoded("TZOFFSETFROM")
        assert onset.replace(tzinfo=UTC) <= start


@pytest.mark.parametrize("tzid", ZONES)
def test_output_is_deterministic(tzid: str) -> None:
    start = datetime(2026, 2, 1, tzinfo=UTC)
    end = datetime(2028, 11, 1, tzinfo=UTC)
    once = vtimezone(tzid, start, end).to_ical()
    assert vtimezone(tzid, start, end).to_ical() == once
    _observances.cache_clear()
    assert vtimezone(tzid, start, end).to_ical() == once
    # Same years, other instants: the same component.
    assert vtimezone(tzid, start + timedelta(days=30), end - timedelta(days=30)).to_ical() == once


def test_each_call_returns_a_new_component() -> None:
    start = datetime(2026, 2, 1, tzinfo=UTC)
    first = vtimezone("Europe/Berlin", start, start)
    first["TZID"] = "changed"
    assert str(vtimezone("Europe/Berlin", start, start)["TZID"]) == "Europe/Berlin"


def test_swapped_bounds_and_naive_datetimes() -> None:
    aware = vtimezone(
        "Europe/Berlin", datetime(2026, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    )
    swapped = vtimezone(
        "Europe/Berlin", datetime(2028, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)
    )
    naive = vtimezone("Europe/Berlin", datetime(2026, 1, 1, 12), datetime(2028, 1, 1, 12))  # noqa: DTZ001
    assert aware.to_ical() == swapped.to_ical() == naive.to_ical()


@pytest.mark.parametrize("tzid", ["Not/AZone", "", "../../etc/passwd", "/etc/localtime", "Europe"])
def test_unknown_zone_raises_export_error(tzid: str) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(ExportError, match="unknown time zone"):
        vtimezone(tzid, now, now)
