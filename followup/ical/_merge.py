"""Merging new reminders into an existing calendar file, keeping everything else as it was.

What a merge changes, and what it keeps, is described in ``docs/calendar.md``
("Merging into an existing file" and "Merging and time zones"). In short:

* the file is split into its top-level components as raw bytes; only this
  library's components for the interviews being merged are rewritten, and which
  ones is `followup.changes.diff` keyed by UID with the ``X-FOLLOWUP-HASH``
  values as the fields test;
* every time any component of the file names a TZID keeps its offset, and every
  occurrence of a new reminder is at the instant the plan says, read through the
  merged file's own VTIMEZONEs (see `_ZonePlan`);
* several calendars in one stream: the reminders go into the first, the others are
  kept byte for byte.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import warnings
import zoneinfo
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

import icalendar
from dateutil import rrule as _rrule

from followup.changes import diff
from followup.errors import ExportError
from followup.ical import _build, _write
from followup.ical._build import HASH, SOURCE, UTC_ZONES, Entry
from followup.ical._vtimezone import observances, vtimezone_bytes, years
from followup.timeline import Action

__all__ = ["merge"]

# NAME;PARAM=...;PARAM="quoted: may hold ; and :":VALUE
_CONTENT_LINE = re.compile(r'^([A-Za-z0-9-]+)((?:;[^:"]*(?:"[^"]*")?[^:"]*)*):(.*)$', re.DOTALL)
_TZID_PARAM = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.IGNORECASE)
# A date-time or a date: readers differ on a date, or a UTC time, under a TZID (icalendar reads
# both as local times of the zone), so both count as times the zone must serve.
_WALL = re.compile(r"(?<![0-9])([0-9]{8}(?:T[0-9]{6})?)(?![0-9])")
# Properties whose values are times of a component (RFC 5545 §3.8.2, 3.8.4.4, 3.8.5).
_TIMES = frozenset({"DTSTART", "DTEND", "DUE", "RDATE", "EXDATE", "RECURRENCE-ID"})
# How far a series is followed: its occurrences up to this many, or this year.
_MAX_OCCURRENCES = 5000
_LAST_YEAR = 2040
# A series without end is covered up to this year; after it, a VTIMEZONE's last RRULE goes on
# as zoneinfo does (zoneinfo's own data ends in 2037 with the rule that continues).
_HORIZON = datetime(2037, 12, 31, 23, 59)  # noqa: DTZ001 - a wall time in the zone at hand
# Other components' times are covered within these bounds: after the last one every zone
# follows one yearly rule for ever (as the VTIMEZONE's last observance does), and before the
# first one every zone is at its local mean time (as the VTIMEZONE's first observance is).
# Probing zoneinfo day by day from year 1 or to year 9999 would take seconds to minutes.
_EARLIEST = datetime(1800, 1, 1)  # noqa: DTZ001 - a wall time in the zone at hand
_LATEST = datetime(2040, 12, 31, 23, 59)  # noqa: DTZ001 - same


class _Block:
    """One top-level component of an existing file, kept as its original bytes."""

    def __init__(self, kind: str, raw: bytes) -> None:
        self.kind = kind
        self.raw = raw
        self._lines: list[tuple[int, str, str, str]] | None = None

    def lines(self) -> list[tuple[int, str, str, str]]:
        """The logical (unfolded) lines as (depth, NAME, params, value); depth 1 is the block's own."""
        if self._lines is None:
            text = re.sub(r"\r?\n[ \t]", "", self.raw.decode("utf-8", "replace"))
            out: list[tuple[int, str, str, str]] = []
            depth = 0
            # Only CR and LF end a content line; a U+2028 inside a value is not a line break.
            for line in re.split(r"\r\n|\n|\r", text):
                m = _CONTENT_LINE.match(line)
                if m is None:
                    continue
                name, params, value = m.group(1).upper(), m.group(2), m.group(3)
                if name == "BEGIN":
                    depth += 1
                elif name == "END":
                    depth -= 1
                else:
                    out.append((depth, name, params, value))
            self._lines = out
        return self._lines

    def prop(self, name: str) -> str | None:
        """The value of the block's own property ``name`` (not a subcomponent's), as written."""
        for depth, key, _params, value in self.lines():
            if depth == 1 and key == name:
                return value
        return None

    def tzid_of(self, params: str) -> str | None:
        """The TZID in a property's parameters, unquoted."""
        m = _TZID_PARAM.search(params)
        return None if m is None else m.group(1).strip('"')

    @functools.cached_property
    def walls(self) -> tuple[dict[str, list[datetime]], frozenset[str]]:
        """Every local time the block names, per TZID, and the TZIDs of series without end.

        The times are those of DTSTART, DTEND, DUE, RDATE, EXDATE and RECURRENCE-ID
        (of the block and of its subcomponents), and the occurrences of each RRULE
        (up to `_MAX_OCCURRENCES` or `_LAST_YEAR`), as naive wall times.
        """
        found: dict[str, list[datetime]] = {}
        endless: set[str] = set()
        start: tuple[str, datetime] | None = None
        rules: list[str] = []
        for depth, key, params, value in self.lines():
            if key == "RRULE" and depth == 1:
                rules.append(value)
                continue
            if key not in _TIMES:
                continue
            tzid = self.tzid_of(params)
            if tzid is None:
                continue
            for wall in _WALL.findall(value):
                moment = _parse_wall(wall)
                if moment is None:
                    continue
                found.setdefault(tzid, []).append(moment)
                if key == "DTSTART" and depth == 1 and start is None:
                    start = (tzid, moment)
        if start is not None:
            tzid, first = start
            for rule in rules:
                occurrences, ends = _expand(rule, first)
                found[tzid].extend(occurrences)
                if not ends:
                    endless.add(tzid)
        return found, frozenset(endless)

    def tzids(self) -> set[str]:
        """Every TZID parameter the block's properties use."""
        return {
            m.strip('"')
            for _depth, _key, params, _value in self.lines()
            for m in _TZID_PARAM.findall(params)
        }


_BOM = b"\xef\xbb\xbf"


def _key(line: bytes) -> bytes:
    """A content line's text for matching BEGIN/END, or b"" for a folded continuation line."""
    if line[:1] in (b" ", b"\t"):
        return b""
    return line.removeprefix(_BOM).rstrip(b"\r\n \t").upper()


def _split(data: bytes) -> tuple[list[bytes | _Block], bytes]:
    """Split a calendar into its parts without changing a byte.

    Returns:
        Everything up to END:VCALENDAR, in order: raw lines (BEGIN:VCALENDAR and the
        calendar's properties, continuation lines included) and top-level blocks; and
        the trailer from END:VCALENDAR on.
    """
    lines = data.splitlines(keepends=True)
    items: list[bytes | _Block] = []
    i = 0
    while i < len(lines) and _key(lines[i]) != b"BEGIN:VCALENDAR":
        items.append(lines[i])
        i += 1
    if i == len(lines):
        raise ValueError("no BEGIN:VCALENDAR line")
    items.append(lines[i])
    current: list[bytes] = []
    kind = ""
    depth = 0
    for j in range(i + 1, len(lines)):
        line = lines[j]
        key = _key(line)
        if depth == 0 and key == b"END:VCALENDAR":
            return items, b"".join(lines[j:])
        if key.startswith(b"BEGIN:"):
            if depth == 0:
                kind = key[6:].decode("ascii", "replace")
                current = []
            depth += 1
        if depth == 0:
            items.append(line)
            continue
        current.append(line)
        if key.startswith(b"END:"):
            depth -= 1
            if depth == 0:
                blocks_raw = b"".join(current)
                items.append(_Block(kind, blocks_raw))
    raise ValueError("no END:VCALENDAR line")


def _eol(data: bytes) -> bytes:
    return b"\r\n" if b"\r\n" in data else b"\n"


def _eolify(raw: bytes, eol: bytes) -> bytes:
    return raw if eol == b"\r\n" else raw.replace(b"\r\n", b"\n")


def _serialise(comp: icalendar.Component, eol: bytes) -> bytes:
    return _eolify(bytes(comp.to_ical()), eol)


def _unparsable(where: str, path: str | None, why: object) -> ExportError:
    return ExportError(
        f"{where} is not a valid iCalendar file ({why}); it was left untouched. "
        "Write to a new file, or fix or remove that one.",
        path=path,
    )


def _parse_wall(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y%m%dT%H%M%S" if "T" in text else "%Y%m%d")  # noqa: DTZ007 - a wall time
    except ValueError:
        return None


def _expand(rule: str, first: datetime) -> tuple[list[datetime], bool]:
    """The occurrences of an RRULE from ``first`` (wall times), and whether the series ends.

    A UNTIL in UTC is read as a wall time: the series is followed a day further to be
    sure to reach its last occurrence, which changes nothing for a VTIMEZONE's span.
    """
    text = re.sub(r"(UNTIL=\d{8}(?:T\d{6})?)Z", r"\1", rule.strip(), flags=re.IGNORECASE)
    ends = re.search(r"(?:^|;)\s*(?:COUNT|UNTIL)=", text, re.IGNORECASE) is not None
    try:
        series = _rrule.rrulestr(text, dtstart=first)
        out: list[datetime] = []
        for moment in series:
            if len(out) >= _MAX_OCCURRENCES or moment.year > _LAST_YEAR:
                return out, False
            out.append(moment)
    except (ValueError, TypeError, OverflowError, IndexError):
        return [], False  # a rule that does not parse: cover as if it never ended
    return out, ends


@functools.lru_cache(maxsize=1024)
def _tzif(name: str) -> bytes | None:
    """The zone's compiled data, to tell a link (the same zone under another name)."""
    for root in zoneinfo.TZPATH:
        try:
            with open(f"{root}/{name}", "rb") as fh:
                return fh.read()
        except OSError:
            continue
    try:
        return importlib.resources.files("tzdata.zoneinfo").joinpath(name).read_bytes()
    except (ModuleNotFoundError, OSError, ValueError):
        return None


def _same_rules(a: str, b: str, first_year: int, last_year: int) -> bool:
    def shape(tzid: str) -> list[tuple[object, ...]]:
        return [
            (o.dtstart, o.offset_from, o.offset_to, o.bymonth, o.byday, o.until)
            for o in observances(tzid, first_year, last_year)
        ]

    return shape(a) == shape(b)


def _other_names(zone: str, first_year: int, last_year: int) -> list[str]:
    """Other IANA names that mean ``zone`` over the years: its links first, then zones
    with the same rules (icalendar's table of equivalent zones, checked against zoneinfo)."""
    from icalendar.timezone.tzid import get_equivalent_tzids

    known = zoneinfo.available_timezones()
    equivalent: tuple[str, ...] = get_equivalent_tzids(zone)
    names = [n for n in equivalent[1:] if n in known and n not in UTC_ZONES]
    data = _tzif(zone)
    links = sorted(
        (n for n in names if data is not None and _tzif(n) == data),
        key=lambda n: ("/" not in n, n),
    )
    alike = sorted(
        (n for n in names if n not in links and _same_rules(zone, n, first_year, last_year)),
        key=lambda n: ("/" not in n, n),
    )
    return links + alike


def own_tzid(zone: str) -> str:
    """The TZID of last resort for a zone whose name the file defines otherwise."""
    return f"{zone} (followup)"


@dataclass(slots=True)
class _Written:
    """A VTIMEZONE the merge writes: for which zone, under which name, over which times."""

    name: str
    zone: str
    walls: list[datetime] = field(default_factory=list)
    endless: bool = False
    replaces: _Block | None = None

    def data(self) -> bytes:
        lo, hi = min(self.walls), max(self.walls)
        if self.endless:
            hi = max(hi, _HORIZON)
        return vtimezone_bytes(self.zone, lo, hi, name=self.name)


class _ZonePlan:
    """Which TZID each new reminder is written with, and which VTIMEZONEs change.

    For each zone of the new reminders, the first name that works, in this order:
    the zone's own name, another IANA name for it (a link such as ``US/Eastern``,
    else a zone with the same rules), UTC (for a one-off reminder) or a TZID of the
    library's own (``Europe/Paris (followup)``). A name works when

    * the file does not define it: a VTIMEZONE built from zoneinfo is added, covering
      the new reminders and every time other components name with it (they meant
      zoneinfo for that name, which is what it gives them);
    * the file's definition gives zoneinfo's offset at every time of the new
      reminders: it is used as it is;
    * or the file's definition gives zoneinfo's offset at every time its other users
      name: it is replaced by one built from zoneinfo covering them and the new
      reminders, which changes what no component means.
    """

    def __init__(
        self,
        blocks: Sequence[_Block],
        keep: Callable[[_Block], bool],
        actions: Sequence[Action],
        duration: timedelta,
    ) -> None:
        self.defs: dict[str, _Block] = {}
        for b in blocks:
            tzid = b.prop("TZID") if b.kind == "VTIMEZONE" else None
            if tzid is not None and tzid not in self.defs:
                self.defs[tzid] = b
        # Components whose times stay in the file as they are: everything but the VTIMEZONEs
        # and this library's components that the new reminders replace.
        self.users: dict[str, list[_Block]] = {}
        for b in blocks:
            if b.kind != "VTIMEZONE" and keep(b):
                for tzid in b.tzids():
                    self.users.setdefault(tzid, []).append(b)
        ours: dict[str, list[datetime]] = {}
        recurring: dict[str, bool] = {}
        for a in actions:
            if a.timezone in UTC_ZONES:
                continue
            walls = ours.setdefault(a.timezone, [])
            recurring[a.timezone] = recurring.get(a.timezone, False) or a.recurrence is not None
            occ = a.recurrence.planned + a.recurrence.occurrences if a.recurrence else (a.due,)
            shift = _build.reminder_shift(a)
            for o in occ:
                begin = _build.local(o + shift, a.timezone)
                walls.append(begin.replace(tzinfo=None))
                walls.append((begin + duration).replace(tzinfo=None))
        self.written: dict[str, _Written] = {}
        self.names: dict[str, str] = {}  # zone -> TZID for its reminders ("" for UTC)
        self.series_names: dict[str, str] = {}  # zone -> TZID for its recurring reminders
        taken = set(ours)
        for zone in sorted(ours):
            self._decide(zone, ours[zone], recurring[zone], taken)

    def tzid_for(self, action: Action) -> str | None:
        """The TZID to write an action's times with (None: its own zone; "": UTC)."""
        zone = action.timezone
        if zone in UTC_ZONES:
            return None
        if action.recurrence is not None and zone in self.series_names:
            return self.series_names[zone]
        name = self.names[zone]
        return None if name == zone else name

    def _decide(self, zone: str, walls: list[datetime], recurring: bool, taken: set[str]) -> None:
        first_year, last_year = years(zone, min(walls), max(walls))
        candidates = [zone] + [
            n for n in _other_names(zone, first_year, last_year) if n not in taken
        ]
        for name in candidates:
            if self._try(name, name if name != zone else zone, walls):
                self.names[zone] = name
                return
        # No IANA name works: UTC for one-off reminders (every client reads it alike), and
        # for series, which UTC cannot express across DST, a TZID of the library's own.
        self.names[zone] = ""
        if recurring:
            own = own_tzid(zone)
            if not self._try(own, zone, walls, last_resort=True):  # pragma: no cover - see _try
                raise ExportError(f"cannot write the reminders in {zone}: {own!r} is taken")
            self.series_names[zone] = own

    def _try(
        self, name: str, zone: str, walls: list[datetime], *, last_resort: bool = False
    ) -> bool:
        users = self.users.get(name, [])
        current = self.defs.get(name)
        if current is None:
            self._write(name, zone, walls, users, None)
            return True
        if _agrees(current, zone, walls):
            return True
        others: list[datetime] = []
        for b in users:
            others.extend(b.walls[0].get(name, ()))
        if _agrees(current, zone, others) or (last_resort and not users):
            self._write(name, zone, walls, users, current)
            return True
        return False

    def _write(
        self,
        name: str,
        zone: str,
        walls: list[datetime],
        users: Iterable[_Block],
        replaces: _Block | None,
    ) -> None:
        out = _Written(name=name, zone=zone, walls=list(walls), replaces=replaces)
        for b in users:
            found, endless = b.walls
            out.walls.extend(min(max(w, _EARLIEST), _LATEST) for w in found.get(name, ()))
            out.endless = out.endless or name in endless
        self.written[name] = out

    def replacement(self, block: _Block) -> bytes | None:
        """The new bytes of a VTIMEZONE this plan replaces, else None."""
        for w in self.written.values():
            if w.replaces is block:
                return w.data()
        return None

    def added(self) -> list[bytes]:
        """The VTIMEZONEs the file did not have, sorted by TZID."""
        return [w.data() for _n, w in sorted(self.written.items()) if w.replaces is None]


def _tz(block: _Block) -> tzinfo | None:
    cached = block.__dict__.get("_tz", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            zone = icalendar.Timezone.from_ical(block.raw)
            tz: tzinfo | None = zone.to_tz(lookup_tzid=False)  # type: ignore[attr-defined]
    except Exception:  # icalendar raises many kinds on odd definitions: none can be trusted
        tz = None
    block.__dict__["_tz"] = tz
    return tz


def _agrees(block: _Block, zone: str, walls: Iterable[datetime]) -> bool:
    """Whether the VTIMEZONE gives zoneinfo's UTC offset for ``zone`` at every wall time."""
    tz = _tz(block)
    if tz is None:
        return False
    reference = zoneinfo.ZoneInfo(zone)
    try:
        return all(
            w.replace(tzinfo=tz).utcoffset() == w.replace(tzinfo=reference).utcoffset()
            for w in walls
        )
    except (ValueError, TypeError, OverflowError, IndexError, AttributeError):
        return False


def merge(
    existing: bytes,
    source: _build.Source,
    *,
    path: str | None,
    name: str,
    domain: str,
    todo: bool,
    alarm: timedelta | None,
    duration: timedelta,
    stamp: datetime | None,
    sources: Mapping[str, str] | None = None,
) -> bytes:
    """See [`followup.ical.merge_ical`][followup.ical.merge_ical]."""
    where = path or "the existing calendar"
    try:
        with warnings.catch_warnings():
            # icalendar warns about what it guesses (a vendor-prefixed TZID, say); the file is
            # only read here, and its bytes are kept: nothing for the user to act on.
            warnings.simplefilter("ignore")
            calendars = icalendar.Calendar.from_ical(existing, multiple=True)
        if not calendars:
            raise ValueError("no calendar in it")
        for cal in calendars:
            if getattr(cal, "name", None) != "VCALENDAR":
                raise ValueError(f"it holds a {getattr(cal, 'name', '?')}, not a VCALENDAR")
        items, trailer = _split(existing)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise _unparsable(where, path, exc) from exc
    _build.check_domain(domain)
    _build.check_options(alarm, duration)
    tokens = _build.check_sources(sources)
    items_source = _build.materialise(source)
    dtstamp = _build.stamp_of(items_source, stamp)
    actions = sorted(_build.actions_of(items_source), key=_build.sort_key(domain))
    keys = _build.interview_keys(items_source)
    suffix = f"@{domain}"

    def library(uid: str | None) -> bool:
        return uid is not None and uid.endswith(suffix) and "/" in uid[: -len(suffix)]

    def ours(uid: str | None) -> bool:
        return library(uid) and uid is not None and uid.split("/", 1)[0] in keys

    # The sources of the interviews merged (their files): a reminder of ours naming one of
    # them under a key that is no longer its interview's was written before an edit of the
    # company, role or start (or of the key itself). It is superseded: cancelled, as a
    # reminder the plan dropped would be. A reminder without a source, or naming another,
    # belongs to another interview and is never touched.
    merged_sources = {tokens[k] for k in keys if k in tokens}

    def superseded(uid: str | None, source: str | None) -> bool:
        return (
            library(uid)
            and not ours(uid)
            and source is not None
            and source.strip() in merged_sources
        )

    for number, cal in enumerate(calendars[1:], start=2):
        held = sorted(
            {
                str(c.get("UID"))
                for c in cal.walk()
                if ours(str(c.get("UID", "")))
                or superseded(str(c.get("UID", "")), c.get(SOURCE) and str(c.get(SOURCE)))
            }
        )
        if held:
            raise ExportError(
                f"{where} holds {len(calendars)} calendars (VCALENDAR objects) and reminders of "
                f"this interview are in calendar {number} (first: {held[0]}); followup merges "
                "into the first calendar of a file only: move them there, or write to a new "
                "file; the file was left untouched",
                path=path,
            )

    blocks = [b for b in items if isinstance(b, _Block)]
    old_groups: dict[str, list[_Block]] = {}
    for b in blocks:
        uid = b.prop("UID")
        if b.kind in ("VEVENT", "VTODO") and uid is not None and ours(uid):
            old_groups.setdefault(uid, []).append(b)
    stale = {
        uid
        for b in blocks
        if b.kind in ("VEVENT", "VTODO")
        and (uid := b.prop("UID")) is not None
        and superseded(uid, b.prop(SOURCE))
    }
    for b in blocks:
        uid = b.prop("UID")
        # Every component of a superseded UID (its overrides too), whatever source they say.
        if b.kind in ("VEVENT", "VTODO") and uid in stale:
            old_groups.setdefault(uid, []).append(b)
    new_kind = "VTODO" if todo else "VEVENT"
    # A superseded reminder is only cancelled, as what it is: its kind does not matter.
    other = sorted(
        uid
        for uid, group in old_groups.items()
        if uid not in stale and any(b.kind != new_kind for b in group)
    )
    if other:
        held_as = "tasks (VTODO)" if new_kind == "VEVENT" else "events (VEVENT)"
        raise ExportError(
            f"{where} holds these reminders as {held_as}; changing the kind under the same UID "
            f"confuses calendar apps: merge with the same --todo setting as before, or write a "
            f"new file (first: {other[0]}); the file was left untouched",
            path=path,
        )
    new_uids = {_build.uid_for(a, domain) for a in actions}
    plan = _ZonePlan(
        blocks,
        lambda b: b.prop("UID") not in new_uids or not ours(b.prop("UID")),
        actions,
        duration,
    )
    new_groups: dict[str, list[Entry]] = {}
    for a in actions:
        for e in _build.entries(
            a,
            domain=domain,
            stamp=dtstamp,
            todo=todo,
            alarm=alarm,
            duration=duration,
            tzid=plan.tzid_for(a),
            source=tokens.get(_build.interview_prefix(a)),
        ):
            new_groups.setdefault(e.uid, []).append(e)

    changes = diff(
        [_Group(uid, old=group) for uid, group in old_groups.items()],
        [_Group(uid, new=group) for uid, group in new_groups.items()],
        key=lambda g: g.uid,
        fields=lambda before, after: (
            ("X-FOLLOWUP-HASH",) if before.digests != after.digests else ()
        ),
        live=lambda g: g.live,
    )
    sequence_of = {uid: max(_seq(b) for b in group) for uid, group in old_groups.items()}
    rewrite: dict[str, list[bytes]] = {}
    for kind, g in changes:
        if g.new is not None:
            base = sequence_of.get(g.uid)
            seq = 0 if base is None else base + 1
            for e in g.new:
                e.sequence = seq
            rewrite[g.uid] = [_write.entry(e) for e in g.new]
        else:
            assert kind == "cancelled"
            assert g.old is not None
            rewrite[g.uid] = _cancelled(g.old, b"\r\n", dtstamp)

    for uid, entries in new_groups.items():
        mark = entries[0].source
        # The same reminder, from a file that has since moved (or written before reminders
        # carried their source): only the mark changes. An X- property is not a change a
        # client acts on (RFC 5546), so the SEQUENCE stays; the merge needs the mark to
        # recognise the reminder once the file's key changes.
        if (
            uid in old_groups
            and uid not in rewrite
            and mark is not None
            and any((b.prop(SOURCE) or "").strip() != mark for b in old_groups[uid])
        ):
            for e in entries:
                e.sequence = sequence_of[uid]
            rewrite[uid] = [_write.entry(e) for e in entries]
        if uid not in old_groups and uid not in rewrite:
            # New and already cancelled: not live in either version, so no change for the
            # diff, yet written all the same (a client that had it from elsewhere drops it).
            rewrite[uid] = [_write.entry(e) for e in entries]
    eol = _eol(existing)
    out: list[bytes] = []
    zones_added = False
    written: set[str] = set()
    for item in items:
        if not isinstance(item, _Block):
            out.append(item)
            continue
        b = item
        if not zones_added:
            out.extend(_eolify(data, eol) for data in plan.added())
            zones_added = True
        if b.kind == "VTIMEZONE":
            replacement = plan.replacement(b)
            out.append(b.raw if replacement is None else _eolify(replacement, eol))
            continue
        uid = b.prop("UID")
        if not (b.kind in ("VEVENT", "VTODO") and uid is not None and uid in old_groups):
            out.append(b.raw)
            continue
        if uid in written:
            continue
        written.add(uid)
        if uid in rewrite:
            out.extend(_eolify(data, eol) for data in rewrite[uid])
        else:
            out.extend(g.raw for g in old_groups[uid])
    if not zones_added:
        out.extend(_eolify(data, eol) for data in plan.added())
    for uid in new_groups:
        if uid not in old_groups:
            out.extend(_eolify(data, eol) for data in rewrite[uid])
    return b"".join(out) + trailer


@dataclass(slots=True)
class _Group:
    """One UID's components, in the file (``old``) or in the new export (``new``)."""

    uid: str
    old: list[_Block] | None = None
    new: list[Entry] | None = None

    @property
    def digests(self) -> list[str]:
        if self.new is not None:
            return sorted(e.digest for e in self.new)
        return sorted((b.prop(HASH) or "") for b in self.old or ())

    @property
    def live(self) -> bool:
        if self.new is not None:
            return any(e.status != "CANCELLED" for e in self.new)
        return not all(
            (b.prop("STATUS") or "").strip().upper() == "CANCELLED" for b in self.old or ()
        )


def _seq(block: _Block) -> int:
    try:
        return int((block.prop("SEQUENCE") or "0").strip())
    except ValueError:
        return 0


def _cancelled(old: list[_Block], eol: bytes, stamp: datetime) -> list[bytes]:
    seq = max(_seq(b) for b in old) + 1
    out = []
    for b in old:
        comp = icalendar.Component.from_ical(b.raw)
        for sub in list(comp.subcomponents):
            if sub.name == "VALARM":
                comp.subcomponents.remove(sub)
        comp["STATUS"] = icalendar.vText("CANCELLED")
        comp["SEQUENCE"] = seq
        comp["DTSTAMP"] = icalendar.vDDDTypes(stamp)
        # A new hash, so that the action coming back later counts as a change.
        comp[HASH] = icalendar.vText("cancelled")
        out.append(_serialise(comp, eol))
    return out
