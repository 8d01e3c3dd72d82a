"""The direct writer against icalendar: the same calendar, the same bytes.

``to_ical_bytes`` writes calendars without icalendar; ``to_ical`` builds the same
calendar as icalendar components. Every test here holds the first to the second's
``to_ical()``, byte for byte: over random timelines (any zone, non-ASCII and very
long text, recurrences and their overrides, tasks, alarms, cancelled and done
actions), over every zone's VTIMEZONE, and piece by piece (escaping, folding,
recurrence rules) against icalendar's own functions.
"""

from __future__ import annotations

import subprocess
import sys
import zoneinfo
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar.parser.string import _escape_char, _foldline, _unescape_char
from icalendar.timezone.tzid import tzid_from_dt

from followup import Action, Candidate, Contact, ExportError, Status, Timeline, channels, presets
from followup.ical import calendar_objects, to_ical, to_ical_bytes
from followup.ical._build import UTC_ZONES, canonical_rrule
from followup.ical._text import escape, fold, fold_text
from followup.ical._vtimezone import vtimezone, vtimezone_bytes
from followup.model import Message
from followup.timeline import Occurrences

ROOT = Path(__file__).resolve().parent.parent
ALL_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})

# --- text ----------------------------------------------------------------------------------

_TRICKY = (
    "\\",
    "\\N",
    "\\n",
    "^",
    ";",
    ",",
    ":",
    '"',
    "\n",
    "\r\n",
    "\r",
    "é",
    "€",
    "王",
    "🙂",
    "\u200b",
    " ",
    "a" * 70,
    "é" * 40,
    "🙂" * 20,
)
texts = st.lists(
    st.sampled_from(_TRICKY) | st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    max_size=30,
).map("".join)
"""Text with escapes, line breaks, multi-byte characters and lines far over 75 octets."""

PROPERTY = settings(max_examples=300, deadline=None)


@PROPERTY
@given(text=texts, name=st.sampled_from(("SUMMARY", "DESCRIPTION", "X-FOLLOWUP-ACTION", "UID")))
def test_escaping_and_folding_match_icalendar(text: str, name: str) -> None:
    assert escape(text) == _escape_char(text)
    line = f"{name}:{_escape_char(text)}"
    assert fold(line) == _foldline(line).encode("utf-8")
    assert fold_text(line) == _foldline(line)


def test_folding_never_splits_a_utf8_sequence_or_an_escape() -> None:
    for pad in range(80):
        for tail in ("é" * 50, "🙂" * 30, "\\," * 50, "^^" * 50, "a\\" * 50):
            line = "DESCRIPTION:" + "x" * pad + tail
            data = fold(line)
            assert data == _foldline(line).encode("utf-8")
            assert fold_text(line) == _foldline(line)
            for part in data.split(b"\r\n"):
                assert len(part) <= 75
                part.decode("utf-8")  # no character cut in two


# --- recurrence rules ------------------------------------------------------------------------

rules = st.fixed_dictionaries(
    {"FREQ": st.sampled_from(("WEEKLY", "monthly", "Yearly", "DAILY"))},
    optional={
        "COUNT": st.integers(1, 400).map(str),
        "INTERVAL": st.integers(1, 12).map(lambda n: f"{n:02d}" if n < 10 else str(n)),
        "BYDAY": st.lists(
            st.tuples(st.sampled_from(("", "1", "-1", "4", "+2")), st.sampled_from(("MO", "we"))),
            min_size=1,
            max_size=3,
        ).map(lambda ds: ",".join(n + d for n, d in ds)),
        "BYMONTH": st.integers(1, 12).map(str),
        "BYMONTHDAY": st.sampled_from(("1", "-1", "15,16")),
        "WKST": st.sampled_from(("MO", "SU")),
    },
)


@PROPERTY
@given(parts=rules, order=st.randoms(use_true_random=False), until=st.booleans())
def test_recurrence_rules_are_written_as_icalendar_writes_them(
    parts: dict[str, str], order: object, until: bool
) -> None:
    if until and "COUNT" not in parts:
        parts["UNTIL"] = "20271231T045959Z"
    keys = list(parts)
    order.shuffle(keys)  # type: ignore[attr-defined]
    text = ";".join(f"{k}={parts[k]}" for k in keys)
    assert canonical_rrule(text) == icalendar.vRecur.from_ical(text).to_ical().decode()


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY\r\nMETHOD:REQUEST",
        "FREQ=DAILY;X-NAME=1",
        "COUNT=3",
        "FREQ=SOMETIMES",
        "FREQ=DAILY;COUNT=1,2",
        "FREQ=DAILY;UNTIL=tomorrow",
        "FREQ=DAILY;;COUNT=2",
        "FREQ=DAILY;FREQ=WEEKLY",
    ],
)
def test_other_recurrence_rules_are_refused(rule: str) -> None:
    with pytest.raises(ExportError, match="recurrence"):
        canonical_rrule(rule)


# --- VTIMEZONE -------------------------------------------------------------------------------

SPANS = (
    (datetime(2005, 3, 1), datetime(2009, 11, 1)),  # noqa: DTZ001 - wall times in the zone
    (datetime(2025, 6, 1), datetime(2028, 2, 1)),  # noqa: DTZ001
)


@pytest.mark.parametrize("span", SPANS, ids=("2004-2009", "2024-2028"))
def test_every_zones_vtimezone_is_written_as_icalendar_writes_it(
    span: tuple[datetime, datetime],
) -> None:
    lo, hi = span
    different = [
        tzid
        for tzid in ALL_ZONES
        if vtimezone_bytes(tzid, lo, hi) != bytes(vtimezone(tzid, lo, hi).to_ical())
    ]
    assert different == []


def test_zones_icalendar_writes_as_utc_are_written_as_utc() -> None:
    # Such a zone's times must reach icalendar as UTC, or it would drop the TZID and its
    # VTIMEZONE would be written for nothing; both writers treat them alike.
    moment = datetime(2026, 6, 1, 12, 0)  # noqa: DTZ001 - made aware below
    icalendar_utc = {
        tzid for tzid in ALL_ZONES if tzid_from_dt(moment.replace(tzinfo=ZoneInfo(tzid))) == "UTC"
    }
    assert icalendar_utc <= UTC_ZONES
    for tzid in UTC_ZONES:
        assert ZoneInfo(tzid).utcoffset(moment) == timedelta(0)


# --- whole calendars ---------------------------------------------------------------------------

STAMP = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")


@st.composite
def actions(draw: st.DrawFn, index: int) -> Action:
    zone = draw(st.sampled_from(ALL_ZONES))
    tz = ZoneInfo(zone)
    day = draw(
        st.datetimes(
            min_value=datetime(1990, 1, 1),  # noqa: DTZ001 - st.datetimes wants naive bounds
            max_value=datetime(2060, 12, 31),  # noqa: DTZ001
        )
    ).replace(second=0, microsecond=0)
    due = day.replace(tzinfo=tz)
    recurrence = None
    if draw(st.booleans()):
        step = draw(st.sampled_from((timedelta(weeks=1), timedelta(days=28), timedelta(days=91))))
        count = draw(st.integers(1, 6))
        planned = tuple(
            (day + n * step).replace(tzinfo=tz).astimezone(UTC).astimezone(tz) for n in range(count)
        )
        moved = draw(st.sets(st.integers(0, count - 1), max_size=2))
        occurrences = tuple(
            p + timedelta(days=1) if i in moved else p for i, p in enumerate(planned)
        )
        rule = draw(
            st.sampled_from(
                (
                    f"FREQ=WEEKLY;COUNT={count}",
                    f"FREQ=MONTHLY;INTERVAL=3;BYDAY=4{draw(st.sampled_from(_WEEKDAYS))};COUNT={count}",
                    "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20621231T235959Z",
                )
            )
        )
        recurrence = Occurrences(rrule=rule, occurrences=occurrences, planned=planned)
        due = occurrences[0]
    channel = draw(st.sampled_from(channels.names()))
    recipient = None
    message = None
    if draw(st.booleans()):
        recipient = Contact(
            name=draw(st.sampled_from(("Jane Doe", "Zoë Ångström", "王芳", "O'Brien, Pat"))),
            email="jane@acme.example",
            linkedin=draw(st.sampled_from((None, "https://www.linkedin.com/in/janedoe"))),
        )
        if channel != "task":
            message = Message(
                step="s",
                channel=channel,
                to=recipient,
                subject=draw(st.none() | texts) if channel == "email" else None,
                body=draw(texts),
                sender=Candidate(name="Sam Rivera", email="sam@example.com"),
            )
    return Action(
        id=draw(st.sampled_from(("thank-you", "thank-you.zoë", f"step-{index}", "a.b_c")))
        + f"-{index}",
        step="step",
        channel=channel,
        title=draw(texts),
        due=due,
        timezone=zone,
        status=draw(st.sampled_from(list(Status))),
        reason=draw(texts),
        recipient=recipient,
        message=message,
        recurrence=recurrence,
        notes=draw(st.none() | texts),
        links=draw(
            st.lists(
                st.sampled_from(("https://acme.example/careers", "https://x.example/é")), max_size=2
            )
        ),
        interview=draw(
            st.sampled_from(("acme-corp.data-engineer.20261120T1900Z", "Zoë's interview", ""))
        ),
    )


@st.composite
def exports(draw: st.DrawFn) -> tuple[list[Action], dict[str, object]]:
    count = draw(st.integers(0, 4))
    items = [draw(actions(i)) for i in range(count)]
    options: dict[str, object] = {
        "name": draw(st.sampled_from(("Follow-up: Acme, Inc.", "Jobs; 2026", "Zoë\\N")))
        + draw(texts),
        "domain": draw(st.sampled_from(("followup.invalid", "jobs.example.com", "a"))),
        "todo": draw(st.booleans()),
        "alarm": draw(
            st.none()
            | st.sampled_from((timedelta(minutes=15), timedelta(0), timedelta(days=-1, seconds=5)))
            | st.timedeltas(min_value=timedelta(days=-3), max_value=timedelta(days=3))
        ),
        "duration": draw(
            st.sampled_from((timedelta(minutes=30), timedelta(hours=25, seconds=1)))
            | st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=2))
        ),
        "stamp": STAMP,
        # X-FOLLOWUP-SOURCE on some interviews' components (or none).
        "sources": draw(
            st.none()
            | st.dictionaries(
                st.sampled_from(sorted({a.interview for a in items}) or [""]),
                st.from_regex(r"[A-Za-z0-9._-]{1,64}", fullmatch=True),
            )
        ),
    }
    return items, options


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=exports())
def test_the_direct_writer_writes_what_icalendar_writes(
    case: tuple[list[Action], dict[str, object]],
) -> None:
    items, options = case
    assert to_ical_bytes(items, **options) == to_ical(items, **options).to_ical()  # type: ignore[arg-type]


@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
@pytest.mark.parametrize("todo", [False, True])
def test_the_example_plans_are_written_as_icalendar_writes_them(
    tone: str, todo: bool, interview: object, rejection: object, now: datetime
) -> None:
    timeline = presets.after_interview(tone=tone).schedule(
        interview,  # type: ignore[arg-type]
        outcome=rejection,  # type: ignore[arg-type]
        now=now,
        holidays="US",
    )
    assert to_ical_bytes(timeline, todo=todo) == to_ical(timeline, todo=todo).to_ical()
    sources = {timeline.interview: "file-0123456789abcdef"}
    marked = to_ical_bytes(timeline, todo=todo, sources=sources)
    assert marked == to_ical(timeline, todo=todo, sources=sources).to_ical()
    assert marked.count(b"X-FOLLOWUP-SOURCE:file-0123456789abcdef\r\n") == marked.count(b"UID:")


def test_the_calendars_name_is_escaped_in_name_and_x_wr_calname() -> None:
    timeline = Timeline(now=STAMP, interview="k")
    for name, written in (
        ("Follow-up: Acme, Inc.", b"Follow-up: Acme\\, Inc."),
        ("Jobs; 2026", b"Jobs\\; 2026"),
    ):
        data = to_ical_bytes(timeline, name=name)
        assert b"\r\nNAME:" + written + b"\r\n" in data
        assert b"\r\nX-WR-CALNAME:" + written + b"\r\n" in data
        cal = icalendar.Calendar.from_ical(data)
        # icalendar parses both as unknown types (left escaped); TEXT unescaping gives the name.
        assert _unescape_char(str(cal["NAME"])) == _unescape_char(str(cal["X-WR-CALNAME"])) == name


def test_calendar_objects_hold_one_action_each_with_its_zones(
    interview: object, rejection: object, now: datetime
) -> None:
    timeline = presets.after_interview().schedule(
        interview,  # type: ignore[arg-type]
        outcome=rejection,  # type: ignore[arg-type]
        now=now,
        holidays="US",
    )
    objects = calendar_objects(timeline, sequences={})
    assert [o.action.id for o in objects] == [
        str(e["X-FOLLOWUP-ACTION"])
        for e in to_ical(timeline).walk("VEVENT")
        if "RECURRENCE-ID" not in e
    ]
    whole = icalendar.Calendar.from_ical(to_ical_bytes(timeline))
    for obj in objects:
        cal = icalendar.Calendar.from_ical(obj.data)
        events = cal.walk("VEVENT")
        assert {str(e["UID"]) for e in events} == {obj.uid}
        tzids = {str(e["DTSTART"].params.get("TZID")) for e in events} - {"None"}
        assert {str(z["TZID"]) for z in cal.walk("VTIMEZONE")} == tzids
        same = [e for e in whole.walk("VEVENT") if str(e["UID"]) == obj.uid]
        assert [e.to_ical() for e in events] == [e.to_ical() for e in same]
        assert obj.digest
    bumped = calendar_objects(timeline, sequences={objects[0].uid: 3})
    assert b"\r\nSEQUENCE:3\r\n" in bumped[0].data
    assert bumped[0].digest == objects[0].digest
    assert bumped[1] == objects[1]


# --- no icalendar on the plain export path ----------------------------------------------------


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return set(out.split())


def test_followup_ics_without_merge_never_imports_icalendar(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    loaded = _modules_after(
        "from followup.cli import main\n"
        f"assert main(['ics', 'examples/pending.toml', '-o', {str(target)!r},"
        " '--now', '2026-11-25T09:00-05:00']) == 0"
    )
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert not {m for m in loaded if m.split(".")[0] == "icalendar"}


def test_merging_imports_icalendar_to_parse(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    code = (
        "from followup.cli import main\n"
        f"assert main(['ics', 'examples/pending.toml', '-o', {str(target)!r},"
        " '--now', '2026-11-25T09:00-05:00', '--merge']) == 0"
    )
    _modules_after(code)  # creates the file: nothing to parse yet
    assert "icalendar" in _modules_after(code)
