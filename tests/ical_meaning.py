"""What a calendar's times mean, before and after a merge: the oracle for issue 20's property.

For every local time a component names with a TZID (DTSTART, DTEND, DUE,
RECURRENCE-ID, RDATE, EXDATE, and the occurrences of its RRULE), the meaning is
the UTC offset the file's own VTIMEZONE for that TZID gives it (icalendar's
``Timezone.to_tz(lookup_tzid=False)``, which reads the definition and ignores the
name); for a TZID the file does not define, zoneinfo for that name; for one that is
neither, the time floats and is not checked. The reading here is icalendar's
parser and dateutil's expansion, not the merge's own code.

:func:`check` compares every foreign time of the file before and after a merge,
and every occurrence of the merged reminders with the instant the plan gives it.
"""

from __future__ import annotations

import re
import warnings
import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

import icalendar
from dateutil import rrule

from followup import Timeline
from followup.ical import uid_for

_LAST_YEAR = 2040
_MAX = 400
_KINDS = ("VEVENT", "VTODO", "VJOURNAL")


@dataclass
class Tally:
    """Counts of times checked and changed, and the first few changes, for a report."""

    foreign: int = 0
    foreign_changed: int = 0
    own: int = 0
    own_changed: int = 0
    unreadable: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.foreign += other.foreign
        self.foreign_changed += other.foreign_changed
        self.own += other.own
        self.own_changed += other.own_changed
        self.unreadable += other.unreadable
        self.examples += other.examples[: max(0, 10 - len(self.examples))]

    def note(self, text: str) -> None:
        if len(self.examples) < 10:
            self.examples.append(text)


def calendars(data: bytes) -> list[icalendar.Component]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(icalendar.Calendar.from_ical(data, multiple=True))


_UNREADABLE = object()


def readers(cal: icalendar.Component) -> dict[str, Any]:
    """TZID -> a tzinfo built from the file's definition (the first one for a TZID)."""
    out: dict[str, Any] = {}
    for comp in cal.subcomponents:
        if comp.name != "VTIMEZONE" or "TZID" not in comp:
            continue
        tzid = str(comp["TZID"])
        if tzid in out:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out[tzid] = comp.to_tz(lookup_tzid=False)
        except Exception:
            out[tzid] = _UNREADABLE
    return out


def _zone(tzid: str) -> tzinfo | None:
    try:
        return zoneinfo.ZoneInfo(tzid)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


def offset(zones: dict[str, Any], tzid: str, wall: datetime) -> object:
    """The meaning of a local time: its UTC offset, or None for a floating time."""
    tz = zones.get(tzid)
    if tz is _UNREADABLE:
        return _UNREADABLE
    if tz is None:
        tz = _zone(tzid)
        if tz is None:
            return None
    try:
        return wall.replace(tzinfo=tz).utcoffset()
    except Exception:
        return _UNREADABLE


def _values(comp: icalendar.Component, name: str) -> list[Any]:
    value = comp.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _expand(rule: Any, first: datetime) -> list[datetime]:
    text = rule.to_ical().decode() if hasattr(rule, "to_ical") else str(rule)
    text = re.sub(r"(UNTIL=\d{8}(?:T\d{6})?)Z", r"\1", text)
    try:
        out = []
        for moment in rrule.rrulestr(text, dtstart=first):
            if len(out) >= _MAX or moment.year > _LAST_YEAR:
                break
            out.append(moment)
        return out
    except (ValueError, TypeError, OverflowError, AttributeError):
        return []


def _get(obj: Any, name: str) -> Any:
    try:
        return getattr(obj, name, None)
    except Exception:
        return None


def local_times(comp: icalendar.Component) -> Iterator[tuple[str, datetime]]:
    """Every (TZID, wall time) a component names, with its RRULE's occurrences."""
    start: tuple[str, datetime] | None = None
    for name in ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID"):
        for prop in _values(comp, name):
            tzid = (_get(prop, "params") or {}).get("TZID")
            moment = _get(prop, "dt")
            if tzid and isinstance(moment, datetime):
                wall = moment.replace(tzinfo=None)
                yield str(tzid), wall
                if name == "DTSTART" and start is None:
                    start = (str(tzid), wall)
    for name in ("RDATE", "EXDATE"):
        for prop in _values(comp, name):
            tzid = (_get(prop, "params") or {}).get("TZID")
            for item in _get(prop, "dts") or ():
                moment = _get(item, "dt")
                moment = moment[0] if isinstance(moment, tuple) else moment
                if tzid and isinstance(moment, datetime):
                    yield str(tzid), moment.replace(tzinfo=None)
    if start is not None:
        for rule in _values(comp, "RRULE"):
            for moment in _expand(rule, start[1]):
                yield start[0], moment


def foreign_components(
    cal: icalendar.Component, ours: Callable[[str], bool]
) -> Iterator[icalendar.Component]:
    for comp in cal.walk():
        if comp.name in _KINDS and not ours(str(comp.get("UID", ""))):
            yield comp


def _instants(
    comp: icalendar.Component, zones: dict[str, Any]
) -> tuple[list[datetime], datetime | None]:
    """A component of ours read through the file: its occurrences' instants and its end."""
    start = comp["DTSTART"]
    tzid = start.params.get("TZID")
    tz = UTC if tzid is None else zones.get(str(tzid))
    if tz is None or tz is _UNREADABLE:
        return [], None
    first = start.dt.replace(tzinfo=tz)
    end_prop = comp.get("DTEND") or comp.get("DUE")
    end = None if end_prop is None else end_prop.dt.replace(tzinfo=tz).astimezone(UTC)
    if "RRULE" not in comp:
        return [first.astimezone(UTC)], end
    series = rrule.rrulestr(comp["RRULE"].to_ical().decode(), dtstart=first)
    return [o.astimezone(UTC) for o in series], end


def check(
    before: bytes,
    after: bytes,
    timelines: Iterable[Timeline],
    *,
    duration: timedelta = timedelta(minutes=30),
    domain: str = "followup.invalid",
) -> Tally:
    """Compare the meaning of every foreign time, and of every merged reminder."""
    tally = Tally()
    timelines = list(timelines)
    uids = {uid_for(a, domain) for t in timelines for a in t}
    keys = {u.split("/", 1)[0] for u in uids}

    def ours(uid: str) -> bool:
        return uid.endswith("@" + domain) and uid.split("/", 1)[0] in keys

    old_cals, new_cals = calendars(before), calendars(after)
    assert len(old_cals) == len(new_cals)
    for old, new in zip(old_cals, new_cals, strict=True):
        old_zones, new_zones = readers(old), readers(new)
        for comp in foreign_components(old, ours):
            for tzid, wall in local_times(comp):
                was = offset(old_zones, tzid, wall)
                if was is None:
                    continue  # floating before: the merge never defines such a TZID
                now = offset(new_zones, tzid, wall)
                if was is _UNREADABLE:
                    tally.unreadable += 1
                    continue
                tally.foreign += 1
                if now != was:
                    tally.foreign_changed += 1
                    tally.note(f"{comp.get('UID')} {tzid} {wall}: {was} -> {now}")
    first = new_cals[0]
    zones = readers(first)
    by_uid: dict[str, list[icalendar.Component]] = {}
    for comp in first.walk():
        if comp.name in ("VEVENT", "VTODO"):
            by_uid.setdefault(str(comp.get("UID")), []).append(comp)
    for timeline in timelines:
        for action in timeline:
            comps = by_uid.get(uid_for(action, domain), [])
            master = [c for c in comps if "RECURRENCE-ID" not in c]
            overrides = [c for c in comps if "RECURRENCE-ID" in c]
            assert len(master) == 1, uid_for(action, domain)
            planned = (
                action.recurrence.planned if action.recurrence is not None else (action.due,)
            )
            expected = sorted(p.astimezone(UTC) for p in planned)
            got, end = _instants(master[0], zones)
            tally.own += len(expected) + 1
            if sorted(got) != expected:
                tally.own_changed += sum(1 for a, b in zip(sorted(got), expected, strict=False) if a != b) or 1
                tally.note(f"{action.id}: {sorted(got)[:3]} != {expected[:3]}")
            first_local = planned[0].astimezone(zoneinfo.ZoneInfo(action.timezone))
            want_end = (first_local + duration).astimezone(UTC)
            if end != want_end:
                tally.own_changed += 1
                tally.note(f"{action.id} end: {end} != {want_end}")
            moved = dict(action.recurrence.moved) if action.recurrence is not None else {}
            for comp in overrides:
                tally.own += 2
                rid = comp["RECURRENCE-ID"]
                tz = zones.get(str(rid.params.get("TZID"))) if rid.params.get("TZID") else UTC
                rid_at = rid.dt.replace(tzinfo=tz).astimezone(UTC)
                start_at = comp["DTSTART"].dt.replace(tzinfo=tz).astimezone(UTC)
                match = [a for p, a in moved.items() if p.astimezone(UTC) == rid_at]
                if not match or match[0].astimezone(UTC) != start_at:
                    tally.own_changed += 1
                    tally.note(f"{action.id} override {rid_at} -> {start_at}")
    return tally
