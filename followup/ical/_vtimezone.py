"""VTIMEZONE components built from Python's zoneinfo data, with RRULE observances.

Real clients read VTIMEZONE components in different ways (see DESIGN.md, "Calendar
output: rules that real clients impose", rule 5): Outlook ignores ``RDATE`` in a
VTIMEZONE and Thunderbird's ical.js reads only its first value, so the RDATE lists
that icalendar's ``Timezone.from_tzinfo`` / ``add_missing_timezones()`` write put
summer events an hour off. This module writes only:

* one ``STANDARD`` or ``DAYLIGHT`` observance with
  ``RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nXX`` for every run of consecutive years
  whose transitions share month, nth (or last) weekday, local wall time, offsets
  and name. Where the run ends inside the range the rule gets ``UNTIL`` in UTC
  (RFC 5545 requires UTC there), set one day after the last onset: UNTIL is
  inclusive, so any instant before next year's would-be onset means the same,
  and the margin keeps parsers that compare a UTC UNTIL with the local DTSTART
  as if both were local (dateutil's ``tzical``, which icalendar uses) from
  dropping the last onset in zones east of Greenwich;
* one observance per transition (``DTSTART`` only) where no yearly pattern holds,
  for example Morocco's Ramadan changes;
* a single observance for a zone without transitions in the range.

The transitions are found by probing `zoneinfo` once a day and bisecting to
the second, so only public APIs are used. Results are cached per
``(tzid, first_year, last_year)``.
"""

from __future__ import annotations

import calendar
import functools
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from followup.errors import ExportError
from followup.ical._text import escape, fold

if TYPE_CHECKING:
    import icalendar

__all__ = ["observances", "vtimezone", "vtimezone_bytes", "years"]

_EPOCH = datetime(1970, 1, 1)  # noqa: DTZ001 - naive on purpose: local wall times are built from it
_DAY = 86_400
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# datetime supports years 1..9999; keep a margin for offsets and the year of padding.
_MIN_YEAR = 2
_MAX_YEAR = 9997

_State = tuple[int, int, str]  # (utc offset, dst offset, tzname), in seconds


@dataclass(frozen=True, slots=True)
class _Transition:
    """A change of UTC offset, DST offset or name at a UTC instant."""

    at: int  # POSIX seconds of the first instant of the new state
    before: _State
    after: _State

    @property
    def onset(self) -> datetime:
        """The local wall time of the change, in the offset before it (RFC 5545)."""
        return _EPOCH + timedelta(seconds=self.at + self.before[0])


@dataclass(frozen=True, slots=True)
class _Observance:
    daylight: bool
    tzname: str
    dtstart: datetime  # naive local wall time, in offset_from
    offset_from: int
    offset_to: int
    bymonth: int | None = None
    byday: str | None = None
    until: datetime | None = None  # aware, UTC


def vtimezone(
    tzid: str, start: datetime, end: datetime, *, name: str | None = None
) -> icalendar.Timezone:
    """Return a VTIMEZONE for the IANA zone ``tzid``, correct for every instant in [start, end].

    The component covers whole local years, from 1 January of the year before
    ``start`` to 31 December of the year of ``end``; its first observance begins on
    or before ``start``. It holds RRULE-based observances and, where no yearly
    pattern holds, one observance per transition; never ``RDATE``.

    Args:
        tzid: An IANA zone name such as ``"Europe/Berlin"`` (``"UTC"`` works too).
        start: The earliest instant that must be resolved. A naive datetime is read
            as a wall time in ``tzid``.
        end: The latest instant that must be resolved (read like ``start``).
        name: The TZID to write, when it is not ``tzid`` itself (another name for the
            same zone, see ``docs/calendar.md``).

    Returns:
        A new `icalendar.Timezone` on every call (the caller may change it);
        the same input always gives the same bytes.

    Raises:
        ExportError: ``tzid`` is not a zone that `zoneinfo` knows.
    """
    first_year, last_year = years(tzid, start, end)
    return _component(name or tzid, observances(tzid, first_year, last_year))


def vtimezone_bytes(tzid: str, start: datetime, end: datetime, *, name: str | None = None) -> bytes:
    """`vtimezone`, serialised: byte for byte ``vtimezone(...).to_ical()``."""
    first_year, last_year = years(tzid, start, end)
    return _bytes(name or tzid, tzid, first_year, last_year)


def years(tzid: str, start: datetime, end: datetime) -> tuple[int, int]:
    """The first and last local year a VTIMEZONE for [start, end] covers."""
    zone = _zone(tzid)
    first_year = _local_year(min(start, end, key=_sort_key(zone)), zone) - 1
    last_year = _local_year(max(start, end, key=_sort_key(zone)), zone)
    first_year = min(max(first_year, _MIN_YEAR), _MAX_YEAR)
    last_year = min(max(last_year, first_year), _MAX_YEAR)
    return first_year, last_year


def _zone(tzid: str) -> zoneinfo.ZoneInfo:
    if not isinstance(tzid, str) or not tzid:
        raise ExportError(f"unknown time zone: {tzid!r}")
    try:
        return zoneinfo.ZoneInfo(tzid)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ExportError(f"unknown time zone: {tzid!r}") from exc


def _sort_key(zone: tzinfo) -> functools.partial[datetime]:
    return functools.partial(_aware, zone=zone)


def _aware(value: datetime, zone: tzinfo) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _local_year(value: datetime, zone: tzinfo) -> int:
    return _aware(value, zone).astimezone(zone).year


def _state(ts: int, zone: tzinfo) -> _State:
    local = datetime.fromtimestamp(ts, zone)
    offset = local.utcoffset()
    dst = local.dst()
    name = local.tzname()
    offset_s = int(offset.total_seconds()) if offset is not None else 0
    return (
        offset_s,
        int(dst.total_seconds()) if dst is not None else 0,
        name if name else _format_offset(offset_s),
    )


def _format_offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _year_start(year: int, zone: tzinfo) -> int:
    """POSIX seconds of local midnight on 1 January of ``year``."""
    return int(datetime(year, 1, 1, tzinfo=zone).timestamp())


def _transitions(zone: tzinfo, lo: int, hi: int) -> tuple[_State, list[_Transition]]:
    """The state at ``lo`` and every change in (lo, hi]: probe daily, bisect to the second."""
    initial = _state(lo, zone)
    found: list[_Transition] = []
    prev_ts, prev = lo, initial
    while prev_ts < hi:
        ts = min(prev_ts + _DAY, hi)
        cur = _state(ts, zone)
        if cur != prev:
            a, b = prev_ts, ts  # state(a) == prev, state(b) != prev
            while b - a > 1:
                mid = (a + b) // 2
                if _state(mid, zone) == prev:
                    a = mid
                else:
                    b = mid
            after = _state(b, zone)
            found.append(_Transition(b, prev, after))
            # Continue from the change: another one may follow within the same day.
            ts, cur = b, after
        prev_ts, prev = ts, cur
    return initial, found


def _positions(day: datetime) -> frozenset[int]:
    """The BYDAY ordinals that name ``day`` in its month: nth, and -1 when it is the last."""
    nth = (day.day - 1) // 7 + 1
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    return frozenset({nth, -1} if day.day + 7 > days_in_month else {nth})


@dataclass(slots=True)
class _Group:
    members: list[_Transition]
    positions: frozenset[int]
    last_year: int


@functools.lru_cache(maxsize=512)
def observances(tzid: str, first_year: int, last_year: int) -> tuple[_Observance, ...]:
    """The observances of ``tzid`` from 1 January ``first_year`` to 31 December ``last_year``."""
    zone = _zone(tzid)
    lo = _year_start(first_year, zone)
    hi = _year_start(last_year + 1, zone) - 1
    initial, transitions = _transitions(zone, lo, hi)

    # Negative DST (Europe/Dublin, Africa/Casablanca in zoneinfo's vanguard data):
    # label as clients expect, the larger offset DAYLIGHT and the smaller STANDARD.
    states = [initial] + [t.after for t in transitions]
    shift = -min(0, *(s[1] for s in states))

    def daylight(state: _State) -> bool:
        return state[1] + shift > 0

    # Group the transitions into yearly runs with one pattern.
    groups: list[_Group] = []
    open_groups: dict[tuple[object, ...], _Group] = {}
    for t in transitions:
        onset = t.onset
        key = (
            daylight(t.after),
            t.after[2],
            t.before[0],
            t.after[0],
            onset.month,
            onset.weekday(),
            onset.time(),
        )
        positions = _positions(onset)
        group = open_groups.get(key)
        if group is not None and group.last_year == onset.year - 1:
            common = group.positions & positions
            if common:
                group.members.append(t)
                group.positions = common
                group.last_year = onset.year
                continue
        group = _Group([t], positions, onset.year)
        groups.append(group)
        open_groups[key] = group

    observances: list[_Observance] = []
    # The zone's state from the start of the range, unless a transition in the
    # first year already sets it (the range starts a year before `start`).
    if not transitions or transitions[0].at >= _year_start(first_year + 1, zone):
        observances.append(
            _Observance(
                daylight=daylight(initial) if transitions else False,
                tzname=initial[2],
                dtstart=datetime(first_year, 1, 1),  # noqa: DTZ001 - local wall time
                offset_from=initial[0],
                offset_to=initial[0],
            )
        )
    for group in groups:
        first = group.members[0]
        base = _Observance(
            daylight=daylight(first.after),
            tzname=first.after[2],
            dtstart=first.onset,
            offset_from=first.before[0],
            offset_to=first.after[0],
        )
        if len(group.members) == 1:
            observances.append(base)
            continue
        position = -1 if -1 in group.positions else min(group.positions)
        last = group.members[-1]
        observances.append(
            _Observance(
                daylight=base.daylight,
                tzname=base.tzname,
                dtstart=base.dtstart,
                offset_from=base.offset_from,
                offset_to=base.offset_to,
                bymonth=base.dtstart.month,
                byday=f"{position}{_WEEKDAYS[base.dtstart.weekday()]}",
                until=(
                    datetime.fromtimestamp(last.at + _DAY, UTC)
                    if group.last_year < last_year
                    else None
                ),
            )
        )
    observances.sort(key=lambda o: (o.dtstart - timedelta(seconds=o.offset_from), o.daylight))
    return tuple(observances)


def _offset(seconds: int) -> str:
    # vUTCOffset: a sign (+ for zero too), hours and minutes, seconds only when there are any.
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02}{minutes:02}" + (f"{secs:02}" if secs else "")


def _wall(moment: datetime) -> str:
    return (
        f"{moment.year:04}{moment.month:02}{moment.day:02}"
        f"T{moment.hour:02}{moment.minute:02}{moment.second:02}"
    )


@functools.lru_cache(maxsize=512)
def _bytes(name: str, tzid: str, first_year: int, last_year: int) -> bytes:
    # Property order as icalendar sorts it: TZID first; in an observance, alphabetical; RRULE
    # parts FREQ, UNTIL, BYDAY, BYMONTH (RFC 5545's order, which icalendar follows).
    lines = ["BEGIN:VTIMEZONE", "TZID:" + escape(name)]
    for obs in observances(tzid, first_year, last_year):
        kind = "DAYLIGHT" if obs.daylight else "STANDARD"
        lines.append("BEGIN:" + kind)
        lines.append("DTSTART:" + _wall(obs.dtstart))
        if obs.bymonth is not None and obs.byday is not None:
            until = "" if obs.until is None else f";UNTIL={_wall(obs.until)}Z"
            lines.append(f"RRULE:FREQ=YEARLY{until};BYDAY={obs.byday};BYMONTH={obs.bymonth}")
        lines.append("TZNAME:" + escape(obs.tzname))
        lines.append("TZOFFSETFROM:" + _offset(obs.offset_from))
        lines.append("TZOFFSETTO:" + _offset(obs.offset_to))
        lines.append("END:" + kind)
    lines.append("END:VTIMEZONE")
    return b"\r\n".join(fold(line) for line in lines) + b"\r\n"


def _component(tzid: str, observances: tuple[_Observance, ...]) -> icalendar.Timezone:
    import icalendar

    # Typed values set directly: the same bytes as ``Component.add`` at a third of its cost.
    component = icalendar.Timezone()
    component["TZID"] = icalendar.vText(tzid)
    for obs in observances:
        sub: icalendar.TimezoneDaylight | icalendar.TimezoneStandard = (
            icalendar.TimezoneDaylight() if obs.daylight else icalendar.TimezoneStandard()
        )
        sub["TZNAME"] = icalendar.vText(obs.tzname)
        sub["DTSTART"] = icalendar.vDDDTypes(obs.dtstart)
        sub["TZOFFSETFROM"] = icalendar.vUTCOffset(timedelta(seconds=obs.offset_from))
        sub["TZOFFSETTO"] = icalendar.vUTCOffset(timedelta(seconds=obs.offset_to))
        if obs.bymonth is not None and obs.byday is not None:
            rule: dict[str, object] = {"FREQ": "YEARLY"}
            if obs.until is not None:
                rule["UNTIL"] = obs.until
            rule["BYMONTH"] = obs.bymonth
            rule["BYDAY"] = obs.byday
            sub["RRULE"] = icalendar.vRecur(rule)
        component.add_component(sub)
    return component
