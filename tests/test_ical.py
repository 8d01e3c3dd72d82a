"""The iCalendar export: instants, rules real clients impose, injection, merges, reading back.

Every export is parsed back with icalendar, with ``recurring_ical_events`` (which
expands RRULEs and applies RECURRENCE-ID overrides), with ``ical`` (an independent
parser and expander), and with the file's own VTIMEZONEs (``to_tz(lookup_tzid=False)``
builds a tz from the component, not from the IANA name).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest
import recurring_ical_events
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from followup import (
    Action,
    Candidate,
    Contact,
    ExportError,
    Interview,
    Outcome,
    OutOfOffice,
    Snoozed,
    Status,
    StepDone,
    Timeline,
    ValidationError,
    presets,
)
from followup.ical import (
    DEFAULT_DOMAIN,
    completed_history,
    merge_ical,
    to_ical,
    to_ical_bytes,
    uid_for,
    write_ical,
)

NEW_YORK = ZoneInfo("America/New_York")
ROOT = Path(__file__).resolve().parent.parent
FAR_PAST = datetime(2000, 1, 1)  # noqa: DTZ001 - recurring_ical_events takes naive bounds
FAR_FUTURE = datetime(2040, 1, 1)  # noqa: DTZ001

# DST in both hemispheres, half-hour offsets, and Lord Howe's 30-minute DST shift.
ZONES = (
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Asia/Kolkata",
    "America/St_Johns",
    "Australia/Lord_Howe",
)

PROPERTIES = {
    "VCALENDAR": {"PRODID", "VERSION", "CALSCALE", "X-WR-CALNAME", "NAME"},
    "VTIMEZONE": {"TZID"},
    "STANDARD": {"TZNAME", "DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "RRULE"},
    "DAYLIGHT": {"TZNAME", "DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "RRULE"},
    "VEVENT": {
        "UID",
        "DTSTAMP",
        "SEQUENCE",
        "DTSTART",
        "DTEND",
        "RRULE",
        "RECURRENCE-ID",
        "SUMMARY",
        "DESCRIPTION",
        "CATEGORIES",
        "STATUS",
        "TRANSP",
        "X-FOLLOWUP-ACTION",
        "X-FOLLOWUP-HASH",
    },
    "VTODO": {
        "UID",
        "DTSTAMP",
        "SEQUENCE",
        "DTSTART",
        "DUE",
        "RRULE",
        "RECURRENCE-ID",
        "SUMMARY",
        "DESCRIPTION",
        "CATEGORIES",
        "STATUS",
        "X-FOLLOWUP-ACTION",
        "X-FOLLOWUP-HASH",
    },
    "VALARM": {"ACTION", "DESCRIPTION", "TRIGGER"},
}
"""Every property the library writes, per component: nothing else may appear."""


# --- building timelines ---------------------------------------------------------------------


def _people(zone: str) -> tuple[Interview, Outcome, datetime]:
    """An interview in New York whose people (and candidate) work in ``zone``.

    Rejected on Tue 8 Sep 2026: the check-ins run from December to September, across
    both hemispheres' DST changes.
    """
    pat = Contact(
        name="Pat Lee",
        email="pat@acme.example",
        title="Engineering Manager",
        linkedin="https://www.linkedin.com/in/patlee",
        timezone=zone,
        topics=["the data platform migration"],
    )
    interview = Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 9, 1, 10, 0, tzinfo=NEW_YORK),
        candidate=Candidate(name="Sam Rivera", email="sam@example.com", timezone=zone),
        interviewers=[pat],
        careers_url="https://acme.example/careers",
    )
    now = datetime(2026, 9, 9, 9, 0, tzinfo=ZoneInfo(zone))
    return interview, Outcome.rejected(at=date(2026, 9, 8), contact=pat), now


def _moved_timeline(zone: str) -> Timeline:
    """The plan for :func:`_people`, with the first check-in on a holiday (moved to the
    next business day) and Pat out of office over the third (moved after the return)."""
    interview, outcome, now = _people(zone)
    plan = presets.after_interview()
    planned = plan.schedule(interview, outcome=outcome, now=now)["keep-in-touch"]
    assert planned.recurrence is not None
    p = planned.recurrence.planned
    return plan.schedule(
        interview,
        outcome=outcome,
        now=now,
        holidays=[p[0].date()],
        history=[OutOfOffice(until=p[2].date(), contact="Pat Lee", at=p[2] - timedelta(days=1))],
    )


def _acme(
    interview: Interview,
    rejection: Outcome,
    now: datetime,
    *,
    history: tuple[Any, ...] = (),
    **options: Any,
) -> Timeline:
    return presets.after_interview(**options).schedule(
        interview, outcome=rejection, now=now, history=history
    )


# --- reading back ---------------------------------------------------------------------------


def _parse(data: bytes) -> icalendar.Calendar:
    cal = icalendar.Calendar.from_ical(data)
    assert not [c for c in cal.walk() if c.errors], "icalendar reported parse errors"
    return cal


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _expected(timeline: Timeline) -> dict[str, list[datetime]]:
    """UID -> every occurrence's UTC instant, as the timeline says: a message's event stands
    at its reminder (``remind_at``, in the candidate's hours), the series moving with it."""
    return {
        uid_for(a): sorted(_utc(o + (a.reminder - a.due)) for o in a.occurrences) for a in timeline
    }


def _by_recurring_ical_events(data: bytes) -> dict[str, list[datetime]]:
    found: dict[str, list[datetime]] = {}
    for occ in recurring_ical_events.of(_parse(data)).between(FAR_PAST, FAR_FUTURE):
        found.setdefault(str(occ["UID"]), []).append(_utc(occ["DTSTART"].dt))
    return {uid: sorted(v) for uid, v in found.items()}


def _by_ical(data: bytes) -> dict[str, list[datetime]]:
    cal = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    found: dict[str, list[datetime]] = {}
    for event in cal.timeline:
        assert isinstance(event.start, datetime)
        found.setdefault(str(event.uid), []).append(_utc(event.start))
    return {uid: sorted(v) for uid, v in found.items()}


def _by_own_vtimezones(data: bytes) -> dict[str, list[datetime]]:
    """Wall times resolved with the file's VTIMEZONE definitions, not the IANA database."""
    cal = _parse(data)
    zones: dict[str, tzinfo] = {
        str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in cal.walk("VTIMEZONE")
    }
    found: dict[str, list[datetime]] = {}
    for occ in recurring_ical_events.of(cal).between(FAR_PAST, FAR_FUTURE):
        start = occ["DTSTART"]
        tzid = start.params.get("TZID")
        wall = start.dt.replace(tzinfo=None)
        moment = start.dt if tzid is None else wall.replace(tzinfo=zones[tzid])
        found.setdefault(str(occ["UID"]), []).append(_utc(moment))
    return {uid: sorted(v) for uid, v in found.items()}


def _events(cal: icalendar.Calendar, kind: str = "VEVENT") -> list[icalendar.Component]:
    return list(cal.walk(kind))


def _event(
    cal: icalendar.Calendar, action_id: str, *, override: bool = False
) -> icalendar.Component:
    """The master (or the first override) written for an action."""
    for comp in cal.walk():
        if (
            comp.name in ("VEVENT", "VTODO")
            and str(comp.get("X-FOLLOWUP-ACTION")) == action_id
            and ("RECURRENCE-ID" in comp) == override
        ):
            return comp
    raise KeyError(action_id)


def _logical_lines(data: bytes) -> list[str]:
    return re.sub(r"\r?\n[ \t]", "", data.decode("utf-8")).splitlines()


def _top_blocks(data: bytes) -> list[bytes]:
    """The top-level components of a file, as their exact bytes (folded lines stay inside)."""
    blocks: list[bytes] = []
    current: list[bytes] = []
    depth = 0
    for line in data.splitlines(keepends=True):
        word = b"" if line[:1] in (b" ", b"\t") else line.rstrip(b"\r\n").upper()
        if word.startswith(b"BEGIN:") and word != b"BEGIN:VCALENDAR":
            depth += 1
        if depth:
            current.append(line)
        if word.startswith(b"END:") and word != b"END:VCALENDAR":
            depth -= 1
            if depth == 0:
                blocks.append(b"".join(current))
                current = []
    return blocks


def _block(data: bytes, uid: str) -> bytes:
    """The exact bytes of every top-level block with this UID (a series and its overrides)."""
    found = [
        b
        for b in _top_blocks(data)
        if re.search(
            rb"^UID:" + re.escape(uid.encode()) + rb"\r?$", re.sub(rb"\r?\n[ \t]", b"", b), re.M
        )
    ]
    assert found, uid
    return b"".join(found)


def _seq(cal: icalendar.Calendar, action_id: str) -> int:
    return int(_event(cal, action_id)["SEQUENCE"])


# --- instants -------------------------------------------------------------------------------


class TestInstants:
    @pytest.mark.parametrize("zone", ZONES)
    def test_the_timeline_moves_occurrences_into_overrides(self, zone: str) -> None:
        action = _moved_timeline(zone)["keep-in-touch"]
        assert action.recurrence is not None
        moved = action.recurrence.moved
        assert len(moved) == 2  # the holiday and the out-of-office
        data = to_ical_bytes(_moved_timeline(zone))
        cal = _parse(data)
        uid = uid_for(action)
        comps = [c for c in _events(cal) if str(c["UID"]) == uid]
        master = [c for c in comps if "RECURRENCE-ID" not in c]
        overrides = [c for c in comps if "RECURRENCE-ID" in c]
        assert len(master) == 1
        # The series starts where its rule does, not at the moved first occurrence.
        assert _utc(master[0]["DTSTART"].dt) == _utc(action.recurrence.planned[0])
        assert str(master[0]["DTSTART"].params["TZID"]) == zone
        assert sorted((_utc(c["RECURRENCE-ID"].dt), _utc(c["DTSTART"].dt)) for c in overrides) == [
            (_utc(p), _utc(a)) for p, a in moved
        ]
        assert {int(c["SEQUENCE"]) for c in comps} == {0}

    @pytest.mark.parametrize("zone", ZONES)
    def test_recurring_ical_events_expands_every_occurrence_to_its_instant(self, zone: str) -> None:
        timeline = _moved_timeline(zone)
        assert _by_recurring_ical_events(to_ical_bytes(timeline)) == _expected(timeline)

    @pytest.mark.parametrize("zone", ZONES)
    def test_ical_expands_every_occurrence_to_its_instant(self, zone: str) -> None:
        timeline = _moved_timeline(zone)
        assert _by_ical(to_ical_bytes(timeline)) == _expected(timeline)

    @pytest.mark.parametrize("zone", ZONES)
    def test_the_files_own_vtimezones_give_the_same_instants(self, zone: str) -> None:
        timeline = _moved_timeline(zone)
        assert _by_own_vtimezones(to_ical_bytes(timeline)) == _expected(timeline)

    @pytest.mark.parametrize("zone", ZONES)
    def test_recurring_series_expand_to_the_actions_occurrences(self, zone: str) -> None:
        timeline = _moved_timeline(zone)
        data = to_ical_bytes(timeline)
        for parsed in (_by_recurring_ical_events(data), _by_ical(data)):
            for action in timeline:
                if action.recurrence is not None:
                    assert parsed[uid_for(action)] == sorted(
                        _utc(o) for o in action.recurrence.occurrences
                    )

    def test_us_holidays_move_an_occurrence_into_an_override(self) -> None:
        # Explore-openings runs on the fourth Thursday of each month from Thu 22 Oct,
        # a month after a 22 Sep rejection: its 26 Nov 2026 occurrence is Thanksgiving.
        interview, _outcome, _now = _people("America/New_York")
        outcome = Outcome.rejected(at=date(2026, 9, 22), contact=interview.interviewers[0])
        timeline = presets.after_interview().schedule(
            interview,
            outcome=outcome,
            now=datetime(2026, 9, 23, 9, 0, tzinfo=NEW_YORK),
            holidays="US",
        )
        action = timeline["explore-openings"]
        assert action.recurrence is not None
        assert [p.date() for p, _a in action.recurrence.moved] == [date(2026, 11, 26)]
        data = to_ical_bytes(timeline)
        override = _event(_parse(data), "explore-openings", override=True)
        assert override["RECURRENCE-ID"].dt.date() == date(2026, 11, 26)
        assert override["DTSTART"].dt.date() == date(2026, 11, 27)
        assert _by_recurring_ical_events(data) == _expected(timeline)
        assert _by_ical(data) == _expected(timeline)

    def test_utc_actions_are_written_in_utc_without_a_vtimezone(self) -> None:
        action = Action(
            id="call",
            step="call",
            channel="task",
            title="Call",
            due=datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("UTC")),
            timezone="UTC",
            interview="k",
        )
        data = to_ical_bytes([action], stamp=datetime(2026, 11, 1, tzinfo=UTC))
        assert b"DTSTART:20261201T090000Z" in data
        assert b"VTIMEZONE" not in data

    def test_a_due_time_in_another_zone_is_written_in_the_actions_zone(self) -> None:
        # TZID always names the zone a VTIMEZONE is written for, whatever tzinfo ``due`` has.
        action = Action(
            id="call",
            step="call",
            channel="task",
            title="Call",
            due=datetime(2026, 12, 1, 3, 30, tzinfo=UTC),
            timezone="Asia/Kolkata",
            interview="k",
        )
        data = to_ical_bytes([action], stamp=datetime(2026, 11, 1, tzinfo=UTC))
        assert b"DTSTART;TZID=Asia/Kolkata:20261201T090000" in data
        assert _by_own_vtimezones(data) == {
            uid_for(action): [datetime(2026, 12, 1, 3, 30, tzinfo=UTC)]
        }


# --- injection ------------------------------------------------------------------------------

_EVIL = (
    "\r",
    "\n",
    "\r\n",
    "\x00",
    "\x0b",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    ";",
    ",",
    ":",
    "\\",
    '"',
    "BEGIN:VEVENT",
    "END:VEVENT",
    "END:VCALENDAR",
    "UID:x@followup.invalid",
    "SEQUENCE:99",
    "METHOD:REQUEST",
    "RDATE:20260101T000000Z",
    "Zoë",
    "王芳",
    "🙂",
    " ",
    "a",
)
_SAFE = tuple(s for s in _EVIL if not re.search(r"[\x00-\x1f\x7f]", s))

evil_text = (
    st.lists(st.sampled_from(_EVIL) | st.text(max_size=3), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda s: s.strip() != "")
)
"""Free text with CR, LF, NUL, other controls, iCalendar syntax and non-ASCII."""

evil_names = (
    st.lists(st.sampled_from(_SAFE), min_size=1, max_size=10)
    .map(" ".join)
    .filter(lambda s: s.strip() != "")
)
"""Names the model accepts: no C0 controls, but everything else ``evil_text`` has."""

evil_phrases = st.builds(lambda a, b: f"{a}x{b}", evil_text, evil_text)
"""Evil text around a visible letter: the renderer needs a topic or signature that is not blank
once cleaned (the model accepts a signature of "\x00", the template then refuses it)."""

INJECTION = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _squashed(text: str) -> str:
    """Text without white space or control characters: what survives any cleaning.

    The zero-width space the export puts after a literal backslash before "N"
    (so "C:\\New" stays on one line in clients) goes too.
    """
    return re.sub(r"[\s\x00-\x1f\x7f-\x9f\u200b]", "", text)


def _whitelisted(data: bytes) -> None:
    stack: list[str] = []
    for line in _logical_lines(data):
        name = re.split(r"[;:]", line, maxsplit=1)[0].upper()
        value = line.split(":", 1)[1] if ":" in line else ""
        if name == "BEGIN":
            stack.append(value.upper())
            continue
        if name == "END":
            assert stack.pop() == value.upper()
            continue
        assert name in PROPERTIES[stack[-1]], f"{name} in {stack[-1]}"
    assert stack == []


def _check_export(timeline: Timeline, data: bytes) -> None:
    cal = _parse(data)
    comps = _events(cal)
    masters = Counter(str(c["UID"]) for c in comps if "RECURRENCE-ID" not in c)
    overrides = Counter(str(c["UID"]) for c in comps if "RECURRENCE-ID" in c)
    assert masters == Counter(uid_for(a) for a in timeline)
    assert overrides == Counter(
        {
            uid_for(a): len(a.recurrence.moved)
            for a in timeline
            if a.recurrence and a.recurrence.moved
        }
    )
    for comp in comps:
        assert str(comp["UID"]).isascii()
        summary = str(comp["SUMMARY"])
        assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", summary)
    _whitelisted(data)
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data)
    assert all(line.endswith(b"\r") or not line for line in data.split(b"\n"))


class TestInjection:
    def test_the_model_refuses_control_characters_in_names(self) -> None:
        with pytest.raises(ValidationError, match="name"):
            Contact(name="Jane\r\nBEGIN:VEVENT")
        with pytest.raises(ValidationError, match="company"):
            Interview(
                company="Acme\nEND:VCALENDAR",
                role="Data Engineer",
                start=datetime(2026, 11, 20, 14, tzinfo=NEW_YORK),
                candidate=Candidate(name="Sam Rivera"),
            )

    def test_the_model_accepts_control_characters_in_topics_and_signatures(self) -> None:
        # So the export itself must keep them from breaking the file.
        assert Contact(name="Jane Doe", topics=["a\r\nb"]).topics == ("a\r\nb",)
        assert Candidate(name="Sam", signature="Sam\r\nEND:VEVENT").signature
        with pytest.raises(ValidationError):
            Candidate(name="Sam", signature="Sam\x00")

    @INJECTION
    @example(company=";", role=";", person=";", topic="0x0", signature="0x\\N")
    @given(
        company=evil_names,
        role=evil_names,
        person=evil_names,
        topic=evil_phrases,
        signature=evil_phrases,
    )
    def test_interview_text_never_adds_a_component_or_property(
        self, company: str, role: str, person: str, topic: str, signature: str
    ) -> None:
        # The model refuses control characters in a signature other than line breaks and tabs.
        signature = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", signature)
        pat = Contact(
            name=person,
            email="pat@acme.example",
            linkedin="https://www.linkedin.com/in/pat",
            topics=[topic],
        )
        interview = Interview(
            company=company,
            role=role,
            start=datetime(2026, 11, 20, 14, tzinfo=NEW_YORK),
            candidate=Candidate(name="Sam Rivera", email="sam@example.com", signature=signature),
            interviewers=[pat],
            topics=[topic],
            careers_url="https://acme.example/careers",
        )
        timeline = presets.after_interview().schedule(
            interview,
            outcome=Outcome.rejected(at=date(2026, 11, 24), contact=pat),
            now=datetime(2026, 11, 25, 9, tzinfo=NEW_YORK),
            history=[OutOfOffice(until=date(2027, 2, 26))],
        )
        data = to_ical_bytes(timeline, name=f"{company}\r\nMETHOD:REQUEST")
        _check_export(timeline, data)
        cal = _parse(data)
        assert not re.search(r"[\r\n]", str(cal["X-WR-CALNAME"]))
        reply = timeline["rejection-reply"]
        assert reply.message is not None
        description = str(_event(cal, "rejection-reply")["DESCRIPTION"])
        assert _squashed(reply.message.body) in _squashed(description)
        assert _squashed(reply.reason) in _squashed(description)
        # A merge into a foreign calendar splits the file by its lines: still one block each.
        merged = merge_ical(FOREIGN, timeline)
        for uid in FOREIGN_UIDS:
            assert merged.count(_block(FOREIGN, uid)) == 1
        ours = merged.replace(FOREIGN_ONLY, b"").replace(b"X-APPLE-CALENDAR-COLOR:#FF2968\r\n", b"")
        _check_export(timeline, ours)

    @INJECTION
    @given(title=evil_text, notes=evil_text, reason=evil_text, action_id=evil_text)
    def test_action_text_never_adds_a_component_or_property(
        self, title: str, notes: str, reason: str, action_id: str
    ) -> None:
        action = Action(
            id=action_id,
            step="custom",
            channel="task",
            title=title,
            due=datetime(2026, 12, 1, 9, 0, tzinfo=NEW_YORK),
            timezone="America/New_York",
            reason=reason,
            notes=notes,
            links=["https://acme.example/jobs?a=1;b=2,c"],
            interview="acme.interview",
        )
        timeline = Timeline(actions=[action], now=datetime(2026, 11, 1, tzinfo=UTC), interview="acme.interview")
        data = to_ical_bytes(timeline)
        _check_export(timeline, data)
        event = _event(_parse(data), str(_parse(data).walk("VEVENT")[0]["X-FOLLOWUP-ACTION"]))
        assert str(event["UID"]).isascii()
        assert str(event["UID"]).endswith(f"@{DEFAULT_DOMAIN}")
        assert "https://acme.example/jobs?a=1;b=2,c" in str(event["DESCRIPTION"])


# --- determinism ----------------------------------------------------------------------------

_SCRIPT = """
import hashlib, sys
from datetime import date, datetime
from zoneinfo import ZoneInfo
from followup import Candidate, Contact, Interview, Outcome, presets
from followup.ical import to_ical_bytes
ny = ZoneInfo("America/New_York")
jane = Contact(name="Jane Doe", email="jane@acme.example", timezone="Europe/Berlin")
iv = Interview(company="Acme Corp", role="Data Engineer", start=datetime(2026, 11, 20, 14, tzinfo=ny),
               candidate=Candidate(name="Sam Rivera"), interviewers=[jane])
tl = presets.after_interview().schedule(iv, outcome=Outcome.rejected(at=date(2026, 11, 24)),
                                        now=datetime(2026, 11, 25, 9, tzinfo=ny), holidays="US")
print(hashlib.sha256(to_ical_bytes(tl)).hexdigest())
"""


class TestDeterminism:
    def test_the_same_input_gives_the_same_bytes(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        first = to_ical_bytes(_acme(interview, rejection, now))
        second = to_ical_bytes(_acme(interview, rejection, now))
        assert first == second

    def test_the_same_input_gives_the_same_bytes_in_other_processes(self) -> None:
        digests = {
            subprocess.run(
                [sys.executable, "-c", _SCRIPT],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
            ).stdout
            for seed in ("0", "1", "12345")
        }
        assert len(digests) == 1

    def test_dtstamp_is_the_timelines_now(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        cal = to_ical(_acme(interview, rejection, now))
        stamps = {c["DTSTAMP"].dt for c in _events(cal)}
        assert stamps == {datetime(2026, 11, 25, 13, 0, tzinfo=UTC)}

    def test_stamp_overrides_the_timelines_now(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        stamp = datetime(2027, 1, 2, 3, 4, 5, tzinfo=ZoneInfo("Asia/Kolkata"))
        cal = to_ical(_acme(interview, rejection, now), stamp=stamp)
        assert {c["DTSTAMP"].dt for c in _events(cal)} == {
            datetime(2027, 1, 1, 21, 34, 5, tzinfo=UTC)
        }

    def test_several_timelines_take_the_latest_now(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        early = _acme(interview, rejection, now)
        late = presets.after_interview().schedule(
            _other_interview(interview.candidate), now=now + timedelta(days=2)
        )
        cal = to_ical([early, late])
        assert {c["DTSTAMP"].dt for c in _events(cal)} == {
            datetime(2026, 11, 27, 13, 0, tzinfo=UTC)
        }

    def test_actions_without_a_stamp_are_refused(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        with pytest.raises(ExportError, match="stamp"):
            to_ical(list(_acme(interview, rejection, now)))
        with pytest.raises(ExportError, match="naive"):
            to_ical(_acme(interview, rejection, now), stamp=datetime(2026, 1, 1))  # noqa: DTZ001

    def test_a_later_now_changes_no_event(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        # Statuses move from upcoming to due to overdue with ``now``; the events do not.
        early = to_ical(_acme(interview, rejection, now))
        late = to_ical(_acme(interview, rejection, now + timedelta(days=3)))
        assert [str(c["X-FOLLOWUP-HASH"]) for c in _events(early)] == [
            str(c["X-FOLLOWUP-HASH"]) for c in _events(late)
        ]


# --- the rules ------------------------------------------------------------------------------


class TestRules:
    @pytest.fixture
    def timeline(self, interview: Interview, rejection: Outcome, now: datetime) -> Timeline:
        return _acme(
            interview,
            rejection,
            now,
            history=(StepDone(step="thank-you", at=datetime(2026, 11, 20, 18, tzinfo=NEW_YORK)),),
        )

    @pytest.fixture
    def data(self, timeline: Timeline) -> bytes:
        return to_ical_bytes(timeline, name="Follow-up: Acme Corp")

    def test_there_is_no_method(self, data: bytes) -> None:
        assert not any(line.upper().startswith("METHOD") for line in _logical_lines(data))

    def test_every_tzid_has_a_vtimezone(self, data: bytes) -> None:
        text = "\n".join(_logical_lines(data))
        used = set(re.findall(r";TZID=([^;:]+)", text))
        defined = set(re.findall(r"^TZID:(.+)$", text, re.MULTILINE))
        assert used == defined == {"America/New_York"}

    def test_vtimezones_use_rrules_never_rdates(self) -> None:
        data = to_ical_bytes(_moved_timeline("Australia/Lord_Howe"))
        lines = _logical_lines(data)
        assert not [line for line in lines if line.startswith("RDATE")]
        observances = [c for c in _parse(data).walk() if c.name in ("STANDARD", "DAYLIGHT")]
        assert observances
        assert all("RRULE" in o for o in observances)

    def test_rrules_have_count(self, data: bytes) -> None:
        rules = [line for line in _logical_lines(data) if line.startswith("RRULE")]
        series = [r for r in rules if "FREQ=MONTHLY;" in r and "BYMONTH=" not in r]
        assert len(series) == 2
        assert all("COUNT=" in r and "UNTIL=" not in r for r in series)

    def test_rrules_with_until_use_utc(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        timeline = _acme(interview, rejection, now, keep_in_touch_until=date(2027, 12, 31))
        cal = to_ical(timeline)
        rule = _event(cal, "keep-in-touch")["RRULE"]
        assert "COUNT" not in rule
        (until,) = rule["UNTIL"]
        assert until.tzinfo is not None
        assert until.utcoffset() == timedelta(0)
        line = next(
            x for x in _logical_lines(cal.to_ical()) if x.startswith("RRULE") and "INTERVAL=3" in x
        )
        assert re.search(r"UNTIL=\d{8}T\d{6}Z", line)
        action = timeline["keep-in-touch"]
        assert action.recurrence is not None
        assert until >= _utc(action.recurrence.occurrences[-1])

    def test_monthly_series_use_an_nth_weekday(self, data: bytes) -> None:
        rules = [line for line in _logical_lines(data) if line.startswith("RRULE:FREQ=MONTHLY")]
        assert rules
        assert all(re.search(r"BYDAY=-?\d[A-Z]{2}", r) for r in rules)
        assert not any("BYSETPOS" in r or "BYMONTHDAY" in r for r in rules)

    def test_each_active_reminder_has_one_display_alarm(
        self, timeline: Timeline, data: bytes
    ) -> None:
        cal = _parse(data)
        for action in timeline:
            event = _event(cal, action.id)
            alarms = event.walk("VALARM")
            if action.status in (Status.CANCELLED, Status.DONE):
                assert alarms == []
                continue
            assert len(alarms) == 1
            (alarm,) = alarms
            assert str(alarm["ACTION"]) == "DISPLAY"
            assert str(alarm["DESCRIPTION"]) == action.title
            assert alarm["TRIGGER"].dt == timedelta(minutes=-15)
            assert (
                "RELATED" not in alarm["TRIGGER"].params
                or alarm["TRIGGER"].params["RELATED"] == "START"
            )

    def test_alarm_none_writes_no_alarm(self, timeline: Timeline) -> None:
        assert b"VALARM" not in to_ical_bytes(timeline, alarm=None)

    def test_alarm_can_be_set(self, timeline: Timeline) -> None:
        cal = to_ical(timeline, alarm=timedelta(hours=1))
        assert {a["TRIGGER"].dt for a in cal.walk("VALARM")} == {timedelta(hours=-1)}

    def test_summary_is_one_line(self, timeline: Timeline, data: bytes) -> None:
        cal = _parse(data)
        for action in timeline:
            assert str(_event(cal, action.id)["SUMMARY"]) == action.title
        assert all("\\n" not in line for line in _logical_lines(data) if line.startswith("SUMMARY"))

    def test_description_holds_the_reason_draft_and_links(
        self, timeline: Timeline, data: bytes
    ) -> None:
        cal = _parse(data)
        reply = timeline["rejection-reply"]
        assert reply.message is not None
        text = str(_event(cal, "rejection-reply")["DESCRIPTION"])
        assert reply.reason in text
        assert reply.message.body in text
        assert f"Subject: {reply.message.subject}" in text
        assert reply.message.mailto() in text
        linkedin = str(_event(cal, "linkedin-connect.jane-doe")["DESCRIPTION"])
        assert "LinkedIn profile: https://www.linkedin.com/in/janedoe" in linkedin
        openings = str(_event(cal, "explore-openings")["DESCRIPTION"])
        assert "https://acme.example/careers" in openings
        assert timeline["explore-openings"].notes in openings

    def test_the_calendar_is_named(self, data: bytes) -> None:
        cal = _parse(data)
        assert str(cal["X-WR-CALNAME"]) == "Follow-up: Acme Corp"
        assert str(cal["NAME"]) == "Follow-up: Acme Corp"

    def test_cancelled_actions_are_cancelled(self, timeline: Timeline, data: bytes) -> None:
        cancelled = [a for a in timeline if a.status is Status.CANCELLED]
        assert cancelled  # the status checks, cancelled by the rejection
        cal = _parse(data)
        for action in timeline:
            expected = "CANCELLED" if action.status is Status.CANCELLED else "CONFIRMED"
            assert str(_event(cal, action.id)["STATUS"]) == expected

    def test_todo_writes_tasks_with_due_and_completed(self, timeline: Timeline) -> None:
        data = to_ical_bytes(timeline, todo=True)
        cal = _parse(data)
        assert _events(cal) == []
        todos = _events(cal, "VTODO")
        assert len(todos) == len(timeline)
        for action in timeline:
            todo = _event(cal, action.id)
            assert todo.name == "VTODO"
            assert todo["DUE"].dt - todo["DTSTART"].dt == timedelta(minutes=30)
            assert "TRANSP" not in todo
            assert "DTEND" not in todo
            status = str(todo["STATUS"])
            if action.status is Status.DONE:
                assert status == "COMPLETED"
            elif action.status is Status.CANCELLED:
                assert status == "CANCELLED"
            else:
                assert status == "NEEDS-ACTION"
        assert timeline["thank-you.jane-doe"].status is Status.DONE
        _whitelisted(data)

    def test_each_action_is_one_event_with_a_stable_ascii_uid(
        self, timeline: Timeline, data: bytes
    ) -> None:
        uids = [str(c["UID"]) for c in _events(_parse(data))]
        assert len(uids) == len(set(uids)) == len(timeline)
        assert "acme-corp.data-engineer.20261120T1900Z/rejection-reply@followup.invalid" in uids
        assert all(u.isascii() for u in uids)
        _whitelisted(data)

    def test_the_domain_is_checked(self, timeline: Timeline) -> None:
        cal = to_ical(timeline, domain="jobs.example.com")
        assert all(str(c["UID"]).endswith("@jobs.example.com") for c in _events(cal))
        with pytest.raises(ExportError, match="domain"):
            to_ical(timeline, domain="bad domain\r\nX")

    def test_duration_and_alarm_are_checked(self, timeline: Timeline) -> None:
        with pytest.raises(ExportError, match="duration"):
            to_ical(timeline, duration=timedelta(0))
        with pytest.raises(ExportError, match="alarm"):
            to_ical(timeline, alarm=15)  # type: ignore[arg-type]


# --- merging --------------------------------------------------------------------------------

FOREIGN_HEADER = (
    b"BEGIN:VCALENDAR\r\n"
    b"VERSION:2.0\r\n"
    b"PRODID:-//Example Corp//Other App 1.0//EN\r\n"
    b"X-WR-CALNAME:My own calendar\r\n"
    b"X-APPLE-CALENDAR-COLOR:#FF2968\r\n"
)
FOREIGN_ZONES = (
    b"BEGIN:VTIMEZONE\r\n"
    b"TZID:Custom/Zone\r\n"
    b"BEGIN:STANDARD\r\n"
    b"DTSTART:19700101T000000\r\n"
    b"TZOFFSETFROM:+0300\r\n"
    b"TZOFFSETTO:+0300\r\n"
    b"TZNAME:CUST\r\n"
    b"END:STANDARD\r\n"
    b"END:VTIMEZONE\r\n"
    b"BEGIN:VTIMEZONE\r\n"
    b"TZID:Europe/Paris\r\n"
    b"BEGIN:DAYLIGHT\r\n"
    b"DTSTART:20260329T020000\r\n"
    b"RDATE:20260329T020000,20270328T020000\r\n"
    b"TZOFFSETFROM:+0100\r\n"
    b"TZOFFSETTO:+0200\r\n"
    b"TZNAME:CEST\r\n"
    b"END:DAYLIGHT\r\n"
    b"BEGIN:STANDARD\r\n"
    b"DTSTART:20261025T030000\r\n"
    b"RDATE:20261025T030000,20271031T030000\r\n"
    b"TZOFFSETFROM:+0200\r\n"
    b"TZOFFSETTO:+0100\r\n"
    b"TZNAME:CET\r\n"
    b"END:STANDARD\r\n"
    b"END:VTIMEZONE\r\n"
)
FOREIGN_COMPONENTS = (
    b"BEGIN:VEVENT\r\n"
    b"UID:dentist-1@example.com\r\n"
    b"DTSTAMP:20260101T120000Z\r\n"
    b"DTSTART;TZID=Europe/Paris:20261201T090000\r\n"
    b"DTEND;TZID=Europe/Paris:20261201T100000\r\n"
    b"SUMMARY:Dentist\r\n"
    b"DESCRIPTION:Bring the insurance card\\, and the forms. This line is longer\r\n"
    b"  than seventy-five octets\\, so it is folded\r\n"
    b" END:VEVENT\r\n"
    b"SEQUENCE:3\r\n"
    b"END:VEVENT\r\n"
    b"BEGIN:VEVENT\r\n"
    b"UID:standup@example.com\r\n"
    b"DTSTAMP:20260101T120000Z\r\n"
    b"DTSTART;TZID=Custom/Zone:20261202T100000\r\n"
    b"DURATION:PT15M\r\n"
    b"RRULE:FREQ=WEEKLY;COUNT=5\r\n"
    b"SUMMARY:Stand-up\r\n"
    b"X-OTHER-APP-COLOR:blue\r\n"
    b"END:VEVENT\r\n"
    b"BEGIN:VTODO\r\n"
    b"UID:taxes@example.com\r\n"
    b"DTSTAMP:20260101T120000Z\r\n"
    b"SUMMARY:File taxes\r\n"
    b"STATUS:NEEDS-ACTION\r\n"
    b"END:VTODO\r\n"
)
FOREIGN = FOREIGN_HEADER + FOREIGN_ZONES + FOREIGN_COMPONENTS + b"END:VCALENDAR\r\n"
FOREIGN_ONLY = FOREIGN_ZONES + FOREIGN_COMPONENTS
FOREIGN_UIDS = ("dentist-1@example.com", "standup@example.com", "taxes@example.com")
FOREIGN_SLICES = (
    FOREIGN_HEADER,
    FOREIGN_ZONES[: FOREIGN_ZONES.index(b"BEGIN:VTIMEZONE\r\nTZID:Europe/Paris")],
    FOREIGN_ZONES[FOREIGN_ZONES.index(b"BEGIN:VTIMEZONE\r\nTZID:Europe/Paris") :],
    *(_block(FOREIGN, uid) for uid in FOREIGN_UIDS),
)


def _foreign_kept(data: bytes, foreign: tuple[bytes, ...] = FOREIGN_SLICES) -> None:
    for piece in foreign:
        assert data.count(piece) == 1, piece[:60]


def _other_interview(candidate: Candidate) -> Interview:
    return Interview(
        company="Globex",
        role="Analyst",
        start=datetime(2026, 11, 19, 11, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        candidate=candidate,
        interviewers=[Contact(name="Ana Berg", email="ana@globex.example")],
    )


class TestMerge:
    @pytest.fixture
    def timeline(self, interview: Interview, rejection: Outcome, now: datetime) -> Timeline:
        return _acme(interview, rejection, now)

    def test_the_foreign_file_parses(self) -> None:
        cal = _parse(FOREIGN)
        assert [str(c["UID"]) for c in cal.walk() if "UID" in c] == list(FOREIGN_UIDS)
        assert "END:VEVENT" in str(cal.walk("VEVENT")[0]["DESCRIPTION"])

    def test_foreign_components_are_kept_byte_for_byte(self, timeline: Timeline) -> None:
        once = merge_ical(FOREIGN, timeline)
        _foreign_kept(once)
        twice = merge_ical(once, timeline)
        _foreign_kept(twice)
        thrice = merge_ical(twice, _acme_without_linkedin(timeline))
        _foreign_kept(thrice)
        assert once.startswith(FOREIGN_HEADER)
        assert once.endswith(b"END:VCALENDAR\r\n")
        cal = _parse(thrice)
        assert str(cal["X-WR-CALNAME"]) == "My own calendar"
        assert "NAME" not in cal

    def test_the_merge_adds_one_event_per_action(self, timeline: Timeline) -> None:
        merged = merge_ical(FOREIGN, timeline)
        cal = _parse(merged)
        ours = [c for c in cal.walk("VEVENT") if str(c["UID"]).endswith("@followup.invalid")]
        assert sorted(str(c["UID"]) for c in ours) == sorted(uid_for(a) for a in timeline)
        assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == [
            "America/New_York",
            "Custom/Zone",
            "Europe/Paris",
        ]
        assert merged.count(b"BEGIN:VCALENDAR") == 1

    def test_merging_twice_is_idempotent(self, timeline: Timeline) -> None:
        once = merge_ical(FOREIGN, timeline)
        assert merge_ical(once, timeline) == once
        fresh = to_ical_bytes(timeline)
        assert merge_ical(fresh, timeline) == fresh

    def test_a_changed_action_gets_a_higher_sequence(
        self, interview: Interview, rejection: Outcome, now: datetime, timeline: Timeline
    ) -> None:
        once = merge_ical(FOREIGN, timeline)
        snoozed = _acme(
            interview, rejection, now, history=(Snoozed(step="network", until=date(2026, 12, 8)),)
        )
        assert snoozed["network"].due != timeline["network"].due
        twice = merge_ical(once, snoozed)
        cal = _parse(twice)
        assert _seq(cal, "network") == 1
        assert _event(cal, "network")["DTSTART"].dt == snoozed["network"].due
        for action in timeline:
            if action.id != "network":
                assert _seq(cal, action.id) == 0
                assert twice.count(_block(once, uid_for(action))) == 1
        _foreign_kept(twice)
        assert merge_ical(twice, snoozed) == twice

    def test_a_gone_action_is_cancelled_with_a_higher_sequence(self, timeline: Timeline) -> None:
        once = merge_ical(FOREIGN, timeline)
        twice = merge_ical(once, _acme_without_linkedin(timeline))
        cal = _parse(twice)
        gone = _event(cal, "linkedin-connect.jane-doe")
        assert str(gone["STATUS"]) == "CANCELLED"
        assert int(gone["SEQUENCE"]) == 1
        assert gone.walk("VALARM") == []
        assert str(_event(cal, "rejection-reply")["STATUS"]) == "CONFIRMED"
        assert _seq(cal, "rejection-reply") == 0
        # Cancelling again changes nothing; the action coming back is a change again.
        assert merge_ical(twice, _acme_without_linkedin(timeline)) == twice
        back = _parse(merge_ical(twice, timeline))
        returned = _event(back, "linkedin-connect.jane-doe")
        assert str(returned["STATUS"]) == "CONFIRMED"
        assert int(returned["SEQUENCE"]) == 2
        assert len(returned.walk("VALARM")) == 1

    def test_a_step_removed_from_the_plan_is_cancelled(
        self, interview: Interview, rejection: Outcome, now: datetime, timeline: Timeline
    ) -> None:
        once = to_ical_bytes(timeline)
        smaller = (
            presets.after_interview()
            .remove("network")
            .schedule(interview, outcome=rejection, now=now)
        )
        cal = _parse(merge_ical(once, smaller))
        assert str(_event(cal, "network")["STATUS"]) == "CANCELLED"
        assert _seq(cal, "network") == 1

    def test_an_empty_timeline_cancels_its_interviews_events(
        self, interview: Interview, now: datetime, timeline: Timeline
    ) -> None:
        once = to_ical_bytes(timeline)
        empty = Timeline(now=now, interview=interview.key)
        cal = _parse(merge_ical(once, empty))
        assert {str(c["STATUS"]) for c in _events(cal)} == {"CANCELLED"}

    def test_two_interviews_do_not_cancel_each_other(
        self, interview: Interview, rejection: Outcome, now: datetime, timeline: Timeline
    ) -> None:
        other = presets.after_interview().schedule(_other_interview(interview.candidate), now=now)
        both = merge_ical(merge_ical(FOREIGN, timeline), other)
        cal = _parse(both)
        acme = [c for c in _events(cal) if str(c["UID"]).startswith(interview.key)]
        globex = [c for c in _events(cal) if str(c["UID"]).startswith(other.interview)]
        assert len(globex) == len(other)
        assert len(acme) == len(timeline)
        assert not [c for c in acme if int(c["SEQUENCE"])]
        again = merge_ical(both, _acme_without_linkedin(timeline))
        for action in other:
            assert again.count(_block(both, uid_for(action))) == 1
        assert merge_ical(again, other) == again
        assert merge_ical(both, [timeline, other]) == both

    def test_a_shared_zone_keeps_covering_every_interview(
        self, interview: Interview, rejection: Outcome, now: datetime, timeline: Timeline
    ) -> None:
        later = Interview(
            company="Initech",
            role="Analyst",
            start=datetime(2029, 3, 2, 10, 0, tzinfo=NEW_YORK),
            candidate=interview.candidate,
            interviewers=[Contact(name="Kim Lee", email="kim@initech.example")],
        )
        future = presets.after_interview().schedule(
            later, now=datetime(2029, 3, 3, 9, 0, tzinfo=NEW_YORK)
        )
        both = merge_ical(to_ical_bytes(timeline), future)
        (zone,) = _parse(both).walk("VTIMEZONE")
        first = min(o["DTSTART"].dt for o in zone.subcomponents)
        assert first.year <= 2025
        expected = {**_expected(timeline), **_expected(future)}
        assert _by_own_vtimezones(both) == expected
        assert merge_ical(both, future) == both

    def test_a_zone_that_foreign_events_use_is_kept(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        paris = Contact(name="Luc Martin", email="luc@acme.example", timezone="Europe/Paris")
        timeline = presets.after_interview().schedule(
            attrs.evolve(interview, interviewers=[paris]), outcome=rejection, now=now
        )
        merged = merge_ical(FOREIGN, timeline)
        _foreign_kept(merged)
        zones = [str(z["TZID"]) for z in _parse(merged).walk("VTIMEZONE")]
        assert sorted(zones) == ["America/New_York", "Custom/Zone", "Europe/Paris"]
        assert b"DTSTART;TZID=Europe/Paris:" in merged.replace(FOREIGN_ONLY, b"")
        assert merge_ical(merged, timeline) == merged

    def test_calendar_properties_after_components_stay_in_place(self, timeline: Timeline) -> None:
        late = FOREIGN.replace(
            b"END:VCALENDAR\r\n", b"X-LATE-PROPERTY:kept here\r\nEND:VCALENDAR\r\n"
        )
        merged = merge_ical(late, timeline)
        assert merged.index(b"X-LATE-PROPERTY:kept here\r\n") > merged.index(FOREIGN_COMPONENTS)
        assert merged.count(b"X-LATE-PROPERTY") == 1

    def test_lf_only_files_keep_lf(self, timeline: Timeline) -> None:
        lf = FOREIGN.replace(b"\r\n", b"\n")
        merged = merge_ical(lf, timeline)
        assert b"\r" not in merged
        _foreign_kept(merged, tuple(p.replace(b"\r\n", b"\n") for p in FOREIGN_SLICES))
        assert len(_events(_parse(merged))) == len(timeline) + 2
        gone = merge_ical(merged, _acme_without_linkedin(timeline))
        assert b"\r" not in gone
        assert merge_ical(gone, _acme_without_linkedin(timeline)) == gone

    @pytest.mark.parametrize(
        "junk",
        [
            b"this is not a calendar\r\n",
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n",
            b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\nEND:VCARD\r\n",
            b"\xff\xfe\x00B\x00E\x00G",
        ],
    )
    def test_a_file_that_does_not_parse_is_refused_and_left_alone(
        self, timeline: Timeline, tmp_path: Path, junk: bytes
    ) -> None:
        path = tmp_path / "broken.ics"
        path.write_bytes(junk)
        with pytest.raises(ExportError, match=r"broken\.ics") as info:
            write_ical(path, timeline, merge=True)
        assert info.value.path == str(path)
        assert "left untouched" in str(info.value)
        assert path.read_bytes() == junk
        assert os.listdir(tmp_path) == ["broken.ics"]

    def test_merge_into_a_missing_or_empty_file_creates_it(
        self, timeline: Timeline, tmp_path: Path
    ) -> None:
        missing = tmp_path / "new.ics"
        write_ical(missing, timeline, merge=True)
        empty = tmp_path / "empty.ics"
        empty.write_bytes(b"")
        write_ical(empty, timeline, merge=True)
        assert missing.read_bytes() == empty.read_bytes() == to_ical_bytes(timeline)

    def test_write_ical_is_write_calendar(self) -> None:
        import followup.ical

        assert followup.ical.write_ical is followup.ical.write_calendar

    def test_write_ical_merges_in_place(self, timeline: Timeline, tmp_path: Path) -> None:
        path = tmp_path / "cal.ics"
        path.write_bytes(FOREIGN)
        write_ical(path, timeline, merge=True)
        assert path.read_bytes() == merge_ical(FOREIGN, timeline)
        write_ical(path, timeline)
        assert path.read_bytes() == to_ical_bytes(timeline)


def _acme_without_linkedin(timeline: Timeline) -> Timeline:
    """The same interview, rescheduled with the LinkedIn step turned off."""
    return Timeline(
        actions=[a for a in timeline if a.step != "linkedin-connect"],
        now=timeline.now,
        interview=timeline.interview,
    )


# --- atomic writes --------------------------------------------------------------------------


class TestAtomicWrite:
    def test_a_crash_while_replacing_leaves_the_old_file(
        self, timeline_acme: Timeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "cal.ics"
        path.write_bytes(FOREIGN)

        def crash(_src: object, _dst: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("followup._atomic.os.replace", crash)
        with pytest.raises(ExportError, match="No space left on device"):
            write_ical(path, timeline_acme, merge=True)
        assert path.read_bytes() == FOREIGN
        assert os.listdir(tmp_path) == ["cal.ics"]

    def test_an_interrupted_write_leaves_the_old_file(
        self, timeline_acme: Timeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "cal.ics"
        path.write_bytes(FOREIGN)

        def interrupt(_src: object, _dst: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr("followup._atomic.os.replace", interrupt)
        with pytest.raises(KeyboardInterrupt):
            write_ical(path, timeline_acme)
        assert path.read_bytes() == FOREIGN
        assert os.listdir(tmp_path) == ["cal.ics"]


@pytest.fixture
def timeline_acme(interview: Interview, rejection: Outcome, now: datetime) -> Timeline:
    return _acme(interview, rejection, now)


# --- reading back completed tasks -----------------------------------------------------------


def _tick(data: bytes, action_id: str, at: datetime) -> bytes:
    """What a client does when the task is ticked: STATUS:COMPLETED and COMPLETED (UTC)."""
    cal = icalendar.Calendar.from_ical(data)
    todo = _event(cal, action_id)
    todo["STATUS"] = icalendar.vText("COMPLETED")
    todo.add("completed", at)
    return bytes(cal.to_ical())


class TestCompletedHistory:
    def test_ticked_tasks_come_back_as_done_records(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        timeline = _acme(interview, rejection, now)
        data = to_ical_bytes(timeline, todo=True)
        assert completed_history(data) == []
        ticked = _tick(data, "rejection-reply", datetime(2026, 11, 25, 15, 0, tzinfo=UTC))
        ticked = _tick(ticked, "network", datetime(2026, 12, 1, 14, 30, tzinfo=UTC))
        history = completed_history(ticked)
        assert history == [
            StepDone(step="network", at=datetime(2026, 12, 1, 14, 30, tzinfo=UTC)),
            StepDone(step="rejection-reply", at=datetime(2026, 11, 25, 15, 0, tzinfo=UTC)),
        ]
        again = _acme(interview, rejection, now + timedelta(days=7), history=tuple(history))
        assert again["rejection-reply"].status is Status.DONE
        assert again["network"].status is Status.DONE
        assert again["keep-in-touch"].status is Status.UPCOMING

    def test_done_actions_export_as_completed_and_read_back(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        done = StepDone(step="thank-you", at=datetime(2026, 11, 20, 18, 0, tzinfo=NEW_YORK))
        timeline = _acme(interview, rejection, now, history=(done,))
        history = completed_history(to_ical_bytes(timeline, todo=True))
        assert [r.step for r in history] == ["thank-you.jane-doe"]
        rescheduled = _acme(interview, rejection, now, history=tuple(history))
        assert rescheduled["thank-you.jane-doe"].status is Status.DONE

    def test_records_are_filtered_by_interview_and_domain(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        timeline = _acme(interview, rejection, now)
        data = _tick(
            to_ical_bytes(timeline, todo=True, domain="jobs.example.com"),
            "network",
            datetime(2026, 12, 1, 14, 30, tzinfo=UTC),
        )
        assert completed_history(data) == []
        assert len(completed_history(data, domain="jobs.example.com")) == 1
        assert len(completed_history(data, domain="jobs.example.com", interview=interview.key)) == 1
        assert completed_history(data, domain="jobs.example.com", interview="other") == []

    def test_events_are_not_tasks(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        timeline = _acme(interview, rejection, now)
        assert completed_history(to_ical_bytes(timeline)) == []

    def test_bad_data_is_refused(self) -> None:
        with pytest.raises(ExportError, match=r"^<calendar>:1: not an iCalendar file"):
            completed_history(b"nonsense")
        with pytest.raises(ExportError, match=r"^tasks\.ics:1: not an iCalendar file"):
            completed_history(b"nonsense", path="tasks.ics")


# --- import cost ----------------------------------------------------------------------------


def _loaded(code: str) -> bool:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint('icalendar' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip() == "True"


class TestImports:
    def test_import_followup_does_not_load_icalendar(self) -> None:
        assert _loaded("import followup") is False

    def test_import_followup_ical_does_not_either(self) -> None:
        # icalendar parses (merge, read-back) and builds to_ical's Calendar; bytes come without it.
        assert _loaded("import followup.ical") is False

    def test_to_ical_does(self) -> None:
        assert _loaded("import followup.ical\nfollowup.ical.to_ical([], stamp=__import__('datetime').datetime(2026, 1, 1, tzinfo=__import__('datetime').UTC))") is True


# --- the examples ---------------------------------------------------------------------------


def _examples() -> Iterator[Path]:
    return iter(sorted((ROOT / "examples").glob("*.toml")))


class TestExamples:
    @pytest.mark.parametrize("path", list(_examples()), ids=lambda p: p.stem)
    def test_example_files_export_to_their_instants(self, path: Path) -> None:
        from followup import files

        timeline = files.load(path).schedule(now=datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK))
        data = to_ical_bytes(timeline)
        assert _by_recurring_ical_events(data) == _expected(timeline)
        assert _by_ical(data) == _expected(timeline)
        assert _by_own_vtimezones(data) == _expected(timeline)
        _check_export(timeline, data)


class TestMergeKeepsTheComponentKind:
    def test_merging_tasks_into_a_file_of_events_is_refused_and_the_file_untouched(
        self, interview: Interview, rejection: Outcome, now: datetime, tmp_path: Path
    ) -> None:
        timeline = _acme(interview, rejection, now)
        path = tmp_path / "f.ics"
        write_ical(path, timeline)
        before = path.read_bytes()
        with pytest.raises(ExportError) as exc:
            write_ical(path, timeline, merge=True, todo=True)
        assert "holds these reminders as events (VEVENT)" in str(exc.value)
        assert path.read_bytes() == before


class TestLiteralBackslashN:
    def test_a_literal_backslash_n_in_user_text_stays_on_one_line(self) -> None:
        # icalendar's escaping reads "\N" as a line break; found by the injection property test.
        due = datetime(2026, 11, 25, 10, tzinfo=ZoneInfo("UTC"))
        action = Action(
            id="x",
            step="x",
            channel="task",
            title="Save to C:\\New",
            due=due,
            timezone="UTC",
            reason="see C:\\Notes",
            interview="k",
        )
        cal = _parse(to_ical_bytes([action], stamp=due))
        event = _events(cal)[0]
        assert str(event["SUMMARY"]) == "Save to C:\\\u200bNew"
        assert "\n" not in str(event["SUMMARY"])
        assert "C:\\\u200bNotes" in str(event["DESCRIPTION"])


# --- the text fast paths give what the regular expressions give ------------------------------


@INJECTION
@given(text=evil_text)
def test_text_cleaning_fast_paths_match_the_regular_expressions(text: str) -> None:
    from followup.ical import _text

    def literal(t: str) -> str:
        return t.replace("\\N", "\\\u200bN")

    breaks = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
    controls = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
    for sample in (text, text.replace("\r", "").replace("\x00", ""), "plain\nlines\\N"):
        line = literal(" ".join(controls.sub(" ", breaks.sub(" ", sample)).split()))
        assert _text.clean_line(sample) == line
        assert _text.clean_text(sample) == literal(controls.sub("", breaks.sub("\n", sample)))
