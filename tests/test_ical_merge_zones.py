"""Merging never changes what anyone's events mean (issue 20), and never narrows a zone (12 §4.2).

The corpus in ``tests/data/calendars`` is written here in the shapes real exporters
give (Google, Outlook, Apple, Thunderbird): foreign events naming zones the file
never defines, pre-2007 and pre-2022 VTIMEZONE rules, Windows zone names, several
calendars in one stream, LF-only lines, a BOM with Latin-1 bytes, a VTIMEZONE stub.
Every file is merged with reminders in the zones it names, and
:func:`ical_meaning.check` compares every foreign time and every reminder's
occurrences before and after. The slow test does the same over the calendars that
ship inside installed packages' test suites.
"""

from __future__ import annotations

import importlib.util
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from ical_meaning import Tally, check

from followup import Candidate, Contact, ExportError, Interview, Outcome, Timeline, presets
from followup.ical import merge_ical, to_ical_bytes, uid_for, write_ical
from followup.ical._merge import own_tzid

CORPUS = Path(__file__).resolve().parent / "data" / "calendars"
ZONES = (
    "America/New_York",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Asia/Jerusalem",
    "America/Mexico_City",
    "Australia/Sydney",
)


def _timeline(zone: str, start: datetime, *, company: str = "Acme Corp") -> Timeline:
    """A rejection with check-ins and monthly reviews, everyone in ``zone``; the first
    monthly review falls on a holiday (an override)."""
    tz = ZoneInfo(zone)
    pat = Contact(name="Pat Lee", email="pat@acme.example", timezone=zone)
    interview = Interview(
        company=company,
        role="Data Engineer",
        start=start.replace(tzinfo=tz),
        candidate=Candidate(name="Sam Rivera", email="sam@example.com", timezone=zone),
        interviewers=[pat],
        careers_url="https://acme.example/careers",
    )
    decided = (start + timedelta(days=4)).date()
    while decided.weekday() >= 5:
        decided += timedelta(days=1)
    outcome = Outcome.rejected(at=decided, contact=pat)
    now = datetime.combine(decided + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    plan = presets.after_interview()
    first = plan.schedule(interview, outcome=outcome, now=now)["explore-openings"]
    assert first.recurrence is not None
    holiday = first.recurrence.planned[0].date()
    return plan.schedule(interview, outcome=outcome, now=now, holidays=[holiday])


def _timelines() -> list[Timeline]:
    # One company per zone: the same wall time in Berlin and Paris is one instant, one key.
    return [
        _timeline(z, datetime(2026, 11, 2, 10, 0), company=f"Acme {z}")  # noqa: DTZ001
        for z in ZONES
    ]


def _foreign_bytes(data: bytes) -> list[bytes]:
    """The raw bytes of every component that is not a VTIMEZONE, at any level of the file."""
    text = data
    out = []
    for m in re.finditer(rb"^BEGIN:(VEVENT|VTODO|VJOURNAL)\r?$.*?^END:\1\r?\n", text, re.M | re.S):
        out.append(m.group(0))
    return out


def _merged(data: bytes, timeline: Timeline) -> bytes:
    merged = merge_ical(data, timeline)
    for piece in _foreign_bytes(data):
        assert piece in merged  # every foreign component kept byte for byte
    assert merge_ical(merged, timeline) == merged  # idempotent
    icalendar.Calendar.from_ical(merged, multiple=True)
    return merged


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.ics")), ids=lambda p: p.stem)
def test_merging_changes_no_times_meaning(path: Path) -> None:
    data = path.read_bytes()
    total = Tally()
    for timeline in _timelines():
        merged = _merged(data, timeline)
        tally = check(data, merged, [timeline])
        total.add(tally)
        assert tally.foreign_changed == tally.own_changed == 0, tally.examples
    assert total.foreign > 0 or path.stem == "stub-standard-only"
    assert total.own > 0


def test_all_zones_at_once_into_every_corpus_file() -> None:
    timelines = _timelines()
    total = Tally()
    for path in sorted(CORPUS.glob("*.ics")):
        data = path.read_bytes()
        merged = merge_ical(data, timelines)
        assert merge_ical(merged, timelines) == merged
        tally = check(data, merged, timelines)
        total.add(tally)
    assert total.foreign_changed == total.own_changed == 0, total.examples


class TestCapture:
    def test_our_vtimezone_covers_foreign_events_naming_an_undefined_zone(self) -> None:
        data = (CORPUS / "google-undefined-zone.ics").read_bytes()
        merged = _merged(data, _timeline("America/New_York", datetime(2026, 11, 2, 10)))  # noqa: DTZ001
        cal = icalendar.Calendar.from_ical(merged)
        (zone,) = cal.walk("VTIMEZONE")
        tz = zone.to_tz(lookup_tzid=False)
        # issue_722's case: 29 Aug 2014 08:00 in New York is still -04:00 after the merge.
        assert datetime(2014, 8, 29, 8, 0, tzinfo=tz).utcoffset() == timedelta(hours=-4)
        # The weekly choir practice has no end: covered into the 2030s, and on by the last rule.
        assert datetime(2036, 7, 7, 18, 30, tzinfo=tz).utcoffset() == timedelta(hours=-4)

    def test_london_summer_2019_stays_british_summer_time(self) -> None:
        data = (CORPUS / "london-undefined-lf.ics").read_bytes()
        merged = _merged(data, _timeline("Europe/London", datetime(2026, 11, 2, 10)))  # noqa: DTZ001
        assert b"\r" not in merged
        tz = icalendar.Calendar.from_ical(merged).walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
        assert datetime(2019, 8, 1, 14, 0, tzinfo=tz).utcoffset() == timedelta(hours=1)


class TestForeignDefinitions:
    def test_a_pre_2007_definition_is_replaced_only_because_no_event_changes(self) -> None:
        # Its own events (2005, 2006) read the same under zoneinfo's rules; ours need 2007's.
        data = (CORPUS / "pre-2007-new-york.ics").read_bytes()
        timeline = _timeline("America/New_York", datetime(2027, 3, 1, 10))  # noqa: DTZ001
        merged = _merged(data, timeline)
        assert b"RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r\nTZOFFSETFROM" not in merged
        cal = icalendar.Calendar.from_ical(merged)
        assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["America/New_York"]
        tally = check(data, merged, [timeline])
        assert tally.foreign_changed == tally.own_changed == 0, tally.examples

    def test_a_definition_that_its_events_read_otherwise_is_kept_and_ours_take_a_link(
        self,
    ) -> None:
        # The 2027 event was written when Mexico still had DST: it means -05:00 and keeps it.
        data = (CORPUS / "mexico-old-dst.ics").read_bytes()
        timeline = _timeline("America/Mexico_City", datetime(2027, 6, 1, 10))  # noqa: DTZ001
        merged = _merged(data, timeline)
        head = data[: data.index(b"BEGIN:VEVENT")]
        assert head.split(b"BEGIN:VTIMEZONE")[1] in merged  # the foreign definition, as it was
        assert b"DTSTART;TZID=Mexico/General:" in merged
        cal = icalendar.Calendar.from_ical(merged)
        assert sorted(str(z["TZID"]) for z in cal.walk("VTIMEZONE")) == [
            "America/Mexico_City",
            "Mexico/General",
        ]
        tally = check(data, merged, [timeline])
        assert tally.foreign_changed == tally.own_changed == 0, tally.examples

    def test_without_another_name_one_offs_go_to_utc_and_series_to_a_tzid_of_our_own(
        self,
    ) -> None:
        # America/Bogota has no other name (in icalendar's table or as a link); a file that
        # defines it as -04:00, which its own events mean, cannot serve our reminders.
        data = (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
            b"BEGIN:VTIMEZONE\r\nTZID:America/Bogota\r\nBEGIN:STANDARD\r\n"
            b"DTSTART:19700101T000000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0400\r\n"
            b"END:STANDARD\r\nEND:VTIMEZONE\r\n"
            b"BEGIN:VEVENT\r\nUID:old@x\r\nDTSTAMP:19850101T000000Z\r\n"
            b"DTSTART;TZID=America/Bogota:19850301T100000\r\nSUMMARY:Old\r\nEND:VEVENT\r\n"
            b"BEGIN:VEVENT\r\nUID:new@x\r\nDTSTAMP:20260101T000000Z\r\n"
            b"DTSTART;TZID=America/Bogota:20270301T100000\r\nSUMMARY:Means -04:00\r\nEND:VEVENT\r\n"
            b"END:VCALENDAR\r\n"
        )
        timeline = _timeline("America/Bogota", datetime(2026, 11, 2, 10))  # noqa: DTZ001
        merged = _merged(data, timeline)
        cal = icalendar.Calendar.from_ical(merged)
        own = own_tzid("America/Bogota")
        for event in cal.walk("VEVENT"):
            if str(event["UID"]) in {uid_for(a) for a in timeline}:
                action = next(a for a in timeline if uid_for(a) == str(event["UID"]))
                tzid = event["DTSTART"].params.get("TZID")
                assert tzid == (own if action.recurrence is not None else None)
        assert own in [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
        tally = check(data, merged, [timeline])
        assert tally.foreign_changed == tally.own_changed == 0, tally.examples

    def test_a_stub_no_one_uses_is_replaced_by_a_full_definition(self) -> None:
        data = (CORPUS / "stub-standard-only.ics").read_bytes()
        timeline = _timeline("Asia/Jerusalem", datetime(2026, 11, 2, 10))  # noqa: DTZ001
        merged = _merged(data, timeline)
        (zone,) = icalendar.Calendar.from_ical(merged).walk("VTIMEZONE")
        assert [c.name for c in zone.subcomponents].count("DAYLIGHT") >= 1


class TestSeveralCalendars:
    def test_reminders_go_into_the_first_and_the_others_stay_byte_for_byte(self) -> None:
        data = (CORPUS / "two-calendars.ics").read_bytes()
        second = data[data.index(b"BEGIN:VCALENDAR", 10) :]
        timeline = _timeline("America/New_York", datetime(2026, 11, 2, 10))  # noqa: DTZ001
        merged = _merged(data, timeline)
        assert merged.endswith(second)
        first, other = icalendar.Calendar.from_ical(merged, multiple=True)
        assert {str(e["UID"]) for e in first.walk("VEVENT")} >= {uid_for(a) for a in timeline}
        assert [str(e["UID"]) for e in other.walk("VEVENT")] == ["home-1@two.example"]

    def test_reminders_of_the_interview_in_a_later_calendar_are_refused(
        self, tmp_path: Path
    ) -> None:
        timeline = _timeline("America/New_York", datetime(2026, 11, 2, 10))  # noqa: DTZ001
        data = (CORPUS / "two-calendars.ics").read_bytes() + to_ical_bytes(timeline)
        path = tmp_path / "stream.ics"
        path.write_bytes(data)
        with pytest.raises(ExportError, match=r"3 calendars .* in calendar 3") as info:
            write_ical(path, timeline, merge=True)
        assert "merges into the first calendar" in str(info.value)
        assert path.read_bytes() == data


class TestSharedZoneNeverNarrows:
    def test_a_later_merge_of_an_earlier_interview_keeps_march_2028_right(self) -> None:
        # Issue 12 §4.2: Israel's DST starts on the Friday before the last Sunday of March,
        # the 4th Friday in 2025-2028 but the last one in 2026 and 2027 only.
        march = _timeline("Asia/Jerusalem", datetime(2028, 3, 1, 10), company="Initech")  # noqa: DTZ001
        june = _timeline("Asia/Jerusalem", datetime(2026, 6, 1, 10), company="Globex")  # noqa: DTZ001
        once = to_ical_bytes(march)
        both = merge_ical(once, june)
        tally = check(once, both, [june])
        tally.add(check(once, both, [march]))
        assert tally.foreign_changed == tally.own_changed == 0, tally.examples
        tz = icalendar.Calendar.from_ical(both).walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
        assert datetime(2028, 3, 29, 10, 0, tzinfo=tz).utcoffset() == timedelta(hours=3)
        assert datetime(2028, 3, 23, 10, 0, tzinfo=tz).utcoffset() == timedelta(hours=2)
        assert merge_ical(both, june) == both
        assert merge_ical(both, march) == both


# --- real-world calendars shipped in installed packages' test suites ---------------------------


def _package_calendars() -> list[Path]:
    found: list[Path] = []
    for package in ("icalendar", "recurring_ical_events", "ical"):
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            found.extend(sorted(Path(root).rglob("*.ics")))
    return found


@pytest.mark.slow
def test_merging_into_real_world_calendars_changes_no_times_meaning() -> None:
    files = _package_calendars()
    assert len(files) > 100
    timelines = _timelines()
    total = Tally()
    merged_files = refused = 0
    for path in files:
        data = path.read_bytes()
        try:
            merged = merge_ical(data, timelines)
        except ExportError:
            refused += 1
            continue
        merged_files += 1
        assert merge_ical(merged, timelines) == merged, path.name
        for piece in _foreign_bytes(data):
            assert piece in merged, path.name
        tally = check(data, merged, timelines)
        if tally.foreign_changed or tally.own_changed:
            tally.note(f"in {path.name}")
        total.add(tally)
    print(
        f"\n{len(files)} calendars: {merged_files} merged, {refused} refused; "
        f"foreign times checked {total.foreign}, changed {total.foreign_changed}; "
        f"own times checked {total.own}, changed {total.own_changed}; "
        f"unreadable definitions skipped {total.unreadable}"
    )
    assert total.foreign_changed == total.own_changed == 0, total.examples


@pytest.mark.slow
def test_every_zone_merges_idempotently_and_covers_foreign_events_naming_it() -> None:
    import zoneinfo

    total = Tally()
    for zone in sorted(zoneinfo.available_timezones() - {"localtime", "Factory"}):
        timeline = _timeline(zone, datetime(2026, 11, 2, 10))  # noqa: DTZ001
        data = to_ical_bytes(timeline)
        assert merge_ical(data, timeline) == data, zone
        # A foreign monthly series from 2010 naming the zone without defining it.
        foreign = (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
            b"BEGIN:VEVENT\r\nUID:f@x\r\nDTSTAMP:20100101T000000Z\r\n"
            + f"DTSTART;TZID={zone}:20100715T120000\r\n".encode()
            + b"RRULE:FREQ=MONTHLY;COUNT=30\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        merged = merge_ical(foreign, timeline)
        assert merge_ical(merged, timeline) == merged, zone
        total.add(check(foreign, merged, [timeline]))
    print(
        f"\nevery zone: foreign times checked {total.foreign}, changed {total.foreign_changed}; "
        f"own times checked {total.own}, changed {total.own_changed}"
    )
    assert total.foreign_changed == total.own_changed == 0, total.examples


@pytest.mark.parametrize(
    "lines",
    [
        ["DTSTART;TZID=America/New_York:00010101T000000"],
        ["DTSTART;TZID=America/New_York:99991231T235959"],
        ["DTSTART;TZID=America/New_York:16010101T000000", "RRULE:FREQ=YEARLY"],
        ["DTSTART;TZID=America/New_York:20200101T000000", "RRULE:FREQ=SECONDLY;COUNT=100000000"],
        ["DTSTART;TZID=America/New_York:20200101T000000", "RRULE:FREQ=NOPE;BYDAY=XX"],
        ['DTSTART;TZID="America/New_York":20140829T080000'],
        [
            "DTSTART;TZID=America/New_York:20140829T080000",
            "RDATE;VALUE=PERIOD;TZID=America/New_York:20140901T080000/PT1H",
        ],
        ["DTSTART;TZID=America/New_York:20140829T080000Z"],
        ["DTSTART;VALUE=DATE;TZID=America/New_York:20140829"],
    ],
    ids=[
        "year-1",
        "year-9999",
        "1601-yearly",
        "secondly",
        "bad-rule",
        "quoted",
        "period",
        "utc",
        "date",
    ],
)
def test_odd_foreign_times_are_covered_quickly(lines: list[str]) -> None:
    # Odd but seen: times far out (covered within 1800-2040, beyond which every zone keeps
    # one rule), rules that never end or do not parse, and a date or a UTC time under a TZID
    # (icalendar reads both as local times of the zone, so they are covered too).
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
        b"BEGIN:VEVENT\r\nUID:e@x\r\nDTSTAMP:20100101T000000Z\r\n"
        + "".join(f"{line}\r\n" for line in lines).encode()
        + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    timeline = _timeline("America/New_York", datetime(2026, 11, 2, 10))  # noqa: DTZ001
    merged = _merged(data, timeline)
    tally = check(data, merged, [timeline])
    assert tally.foreign_changed == tally.own_changed == 0, tally.examples
