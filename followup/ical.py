"""iCalendar export: reminders that Google, Outlook, Apple Calendar and Thunderbird import.

The only module that imports ``icalendar`` (``import followup`` does not load
it). The rules it follows are listed in ``docs/calendar.md``: one VEVENT per
action (VTODO on request), stable ASCII UIDs, DTSTAMP from the injected
``now``, VTIMEZONEs with RRULE observances, no METHOD, one DISPLAY alarm,
control characters stripped, merges that keep every foreign component byte for
byte, and atomic writes.
"""

from __future__ import annotations

import hashlib
import os
import re
import zoneinfo
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar

from followup._atomic import write_atomic
from followup._ids import slug
from followup._vtimezone import vtimezone
from followup.errors import ExportError
from followup.model import Channel, Status, StepDone
from followup.timeline import Action, Timeline

__all__ = [
    "DEFAULT_DOMAIN",
    "completed_history",
    "merge_ical",
    "to_ical",
    "to_ical_bytes",
    "uid_for",
    "write_ical",
]

DEFAULT_DOMAIN = "followup.invalid"
"""The domain part of UIDs unless one is given (``.invalid`` is reserved, so it never clashes)."""

PRODID = "-//followup//followup calendar export//EN"
# C0 and C1 controls (tab and LF are handled apart), and lone surrogates, which cannot be encoded.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Line breaks as str.splitlines() sees them: parsers that split a file's text that way must not
# find a new content line inside a value.
_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# The same breaks but a lone LF, which multi-line text keeps as it is (no match, no copy).
_OTHER_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ASCII_ID = re.compile(r"[A-Za-z0-9._-]+")
_UTC_ZONES = frozenset(
    {"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Zulu", "Zulu", "Etc/Universal", "Universal"}
)
_DURATION = timedelta(minutes=30)
_HASH = "X-FOLLOWUP-HASH"
_ACTION = "X-FOLLOWUP-ACTION"


def _literal_backslash_n(text: str) -> str:
    # icalendar's TEXT escaping turns a literal backslash-N into a line break before escaping;
    # a zero-width space after the backslash keeps "C:\New" one line and looking the same.
    return text.replace("\\N", "\\\u200bN")


def _line(text: str) -> str:
    """One line of user text: no control characters, no line breaks (of any kind)."""
    if text.isprintable():  # no control character and no break: only spaces to normalise
        return _literal_backslash_n(" ".join(text.split()))
    return _literal_backslash_n(" ".join(_CONTROL.sub(" ", _BREAK.sub(" ", text)).split()))


def _text(text: str) -> str:
    """Multi-line user text: line breaks kept (as LF), other control characters removed."""
    if text.replace("\n", "").isprintable():  # the usual case, in two C-level passes
        return _literal_backslash_n(text)
    return _literal_backslash_n(_CONTROL.sub("", _OTHER_BREAK.sub("\n", text)))


def _ascii_id(text: str) -> str:
    return text if _ASCII_ID.fullmatch(text) else slug(text)


def uid_for(action: Action, domain: str = DEFAULT_DOMAIN) -> str:
    """The UID of an action: ``<interview key>/<action id>@<domain>``, ASCII and stable.

    Args:
        action: The action.
        domain: The domain part.
    """
    return f"{_ascii_id(action.interview or 'interview')}/{_ascii_id(action.id)}@{domain}"


def _check_domain(domain: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?", domain or ""):
        raise ExportError(
            f"domain: {domain!r} is not valid: a domain name such as 'jobs.example.com'"
        )
    return domain


_Source = Timeline | Iterable[Timeline | Action]
"""What the export functions take: a timeline, or several timelines (or actions)."""


def _materialise(source: _Source) -> Timeline | list[Timeline | Action]:
    # A generator may be read more than once (stamp, actions, interview keys).
    return source if isinstance(source, Timeline) else list(source)


def _actions(source: Timeline | list[Timeline | Action]) -> list[Action]:
    if isinstance(source, Timeline):
        return list(source.actions)
    out: list[Action] = []
    for item in source:
        if isinstance(item, Timeline):
            out.extend(item.actions)
        elif isinstance(item, Action):
            out.append(item)
        else:
            raise ExportError(f"to_ical takes timelines or actions, not {type(item).__name__}")
    return out


def _interview_keys(source: Timeline | list[Timeline | Action]) -> set[str]:
    """The UID prefixes of every interview in ``source``, empty timelines included."""
    items = [source] if isinstance(source, Timeline) else source
    keys = {_ascii_id(a.interview or "interview") for a in _actions(source)}
    keys |= {_ascii_id(t.interview) for t in items if isinstance(t, Timeline) and t.interview}
    return keys


def _stamp_of(source: Timeline | list[Timeline | Action], stamp: datetime | None) -> datetime:
    if stamp is not None:
        if not isinstance(stamp, datetime) or stamp.tzinfo is None:
            raise ExportError(
                "stamp: a naive datetime; give an aware one (DTSTAMP is written in UTC)"
            )
        return stamp.astimezone(UTC).replace(microsecond=0)
    if isinstance(source, Timeline):
        return source.now.astimezone(UTC).replace(microsecond=0)
    if source and all(isinstance(item, Timeline) for item in source):
        # Several timelines: the latest of their injected ``now``s, never the clock.
        return (
            max(t.now for t in source if isinstance(t, Timeline))
            .astimezone(UTC)
            .replace(microsecond=0)
        )
    raise ExportError(
        "stamp: give stamp= (the DTSTAMP) when exporting actions rather than timelines"
    )


def _check_options(alarm: timedelta | None, duration: timedelta) -> None:
    if alarm is not None and not isinstance(alarm, timedelta):
        raise ExportError(f"alarm: {alarm!r} is not a timedelta (or None for no alarm)")
    if not isinstance(duration, timedelta) or duration <= timedelta(0):
        raise ExportError(f"duration: {duration!r} is not a positive timedelta")


def _description(action: Action) -> str:
    parts = [f"Why this date: {action.reason}"]
    if action.notes:
        parts.append(f"What to do: {action.notes}")
    msg = action.message
    if msg is not None:
        to = action.recipient.name if action.recipient else "the recipient"
        if msg.channel is Channel.LINKEDIN:
            parts.append(f"What to do: send {to} this note on LinkedIn.")
        else:
            parts.append(f"What to do: send {to} this draft (edit it first if you like).")
        draft = (f"Subject: {msg.subject}\n\n" if msg.subject else "") + msg.body
        parts.append("Draft:\n" + draft)
    links: list[str] = []
    if msg is not None and msg.channel is Channel.EMAIL:
        links.append(f"Open the draft in your mail app: {msg.mailto()}")
    if action.recipient is not None and action.recipient.linkedin:
        links.append(f"LinkedIn profile: {action.recipient.linkedin}")
    for link in action.links:
        if not any(link in x for x in links):
            links.append(f"Link: {link}")
    if links:
        parts.append("Links:\n" + "\n".join(links))
    return _text("\n\n".join(parts))


def _dt(moment: datetime, zone: str) -> datetime:
    """``moment`` in the action's zone, so its TZID is always the one a VTIMEZONE is written for."""
    if zone in _UTC_ZONES:
        return moment.astimezone(UTC)
    return moment.astimezone(zoneinfo.ZoneInfo(zone))


def _component(
    action: Action,
    *,
    domain: str,
    stamp: datetime,
    todo: bool,
    alarm: timedelta | None,
    duration: timedelta,
    sequence: int = 0,
    recurrence_id: datetime | None = None,
    start: datetime | None = None,
) -> icalendar.Component:
    # Properties are set as typed values directly: Component.add() re-detects each value's
    # type, which was most of the export's time (see bench/README.md).
    comp: icalendar.Component = icalendar.Todo() if todo else icalendar.Event()
    uid = uid_for(action, domain)
    comp["UID"] = icalendar.vText(uid)
    if start is None:
        # A series starts at the rule's first occurrence even when a holiday or a snooze moved
        # that one: the move is an override, and a DTSTART off the rule is expanded differently
        # by different clients (RFC 5545 leaves it undefined).
        start = action.recurrence.planned[0] if action.recurrence is not None else action.due
    begin = _dt(start, action.timezone)
    rid = None if recurrence_id is None else _dt(recurrence_id, action.timezone)
    if rid is not None:
        comp["RECURRENCE-ID"] = icalendar.vDDDTypes(rid)
    comp["DTSTART"] = icalendar.vDDDTypes(begin)
    comp["DUE" if todo else "DTEND"] = icalendar.vDDDTypes(begin + duration)
    rrule = (
        action.recurrence.rrule if action.recurrence is not None and recurrence_id is None else None
    )
    if rrule is not None:
        comp["RRULE"] = icalendar.vRecur.from_ical(rrule)
    summary = _line(action.title)
    description = _description(action)
    comp["SUMMARY"] = icalendar.vText(summary)
    comp["DESCRIPTION"] = icalendar.vText(description)
    comp["CATEGORIES"] = icalendar.vCategory(["Follow-up"])
    if todo:
        status = {
            Status.DONE: "COMPLETED",
            Status.CANCELLED: "CANCELLED",
        }.get(action.status, "NEEDS-ACTION")
    else:
        status = "CANCELLED" if action.status is Status.CANCELLED else "CONFIRMED"
    comp["STATUS"] = icalendar.vText(status)
    if not todo:
        # TRANSP is a VEVENT property only (libical rejects it in a VTODO).
        comp["TRANSP"] = icalendar.vText("TRANSPARENT")
    comp[_ACTION] = icalendar.vText(_ascii_id(action.id))
    with_alarm = alarm is not None and action.status not in (Status.CANCELLED, Status.DONE)
    if with_alarm:
        assert alarm is not None
        valarm = icalendar.Alarm()
        valarm["ACTION"] = icalendar.vText("DISPLAY")
        valarm["DESCRIPTION"] = icalendar.vText(summary or "Follow-up")
        valarm["TRIGGER"] = icalendar.vDDDTypes(-alarm)
        comp.add_component(valarm)
    # The hash covers every value written but DTSTAMP and SEQUENCE, so a merge can tell a
    # changed action. It is taken over the values rather than the serialised component,
    # which cost two thirds of the export's time; the description (the longest value) goes
    # in as UTF-8 after a NUL rather than through repr(), which cost as much as the hash.
    values = (
        "v3",
        todo,
        uid,
        rid,
        begin,
        action.timezone,
        duration,
        rrule,
        summary,
        status,
        action.id,
        alarm if with_alarm else None,
    )
    hasher = hashlib.sha256(repr(values).encode("utf-8"))
    hasher.update(b"\0" + description.encode("utf-8", "surrogatepass"))
    digest = hasher.hexdigest()[:16]
    comp[_HASH] = icalendar.vText(digest)
    comp["DTSTAMP"] = icalendar.vDDDTypes(stamp)
    comp["SEQUENCE"] = icalendar.vInt(sequence)
    return comp


def _components(
    action: Action,
    *,
    domain: str,
    stamp: datetime,
    todo: bool,
    alarm: timedelta | None,
    duration: timedelta,
) -> list[icalendar.Component]:
    options: dict[str, Any] = {
        "domain": domain,
        "stamp": stamp,
        "todo": todo,
        "alarm": alarm,
        "duration": duration,
    }
    comps = [_component(action, **options)]
    if action.recurrence is not None:
        for planned, actual in action.recurrence.moved:
            comps.append(_component(action, recurrence_id=planned, start=actual, **options))
    return comps


def _zones(actions: list[Action], duration: timedelta) -> dict[str, tuple[datetime, datetime]]:
    spans: dict[str, tuple[datetime, datetime]] = {}
    for a in actions:
        if a.timezone in _UTC_ZONES:
            continue
        occ = a.recurrence.planned + a.recurrence.occurrences if a.recurrence else (a.due,)
        lo, hi = min(occ), max(occ) + duration
        if a.timezone in spans:
            old = spans[a.timezone]
            spans[a.timezone] = (min(old[0], lo), max(old[1], hi))
        else:
            spans[a.timezone] = (lo, hi)
    return spans


def to_ical(
    source: _Source,
    *,
    name: str = "Interview follow-up",
    domain: str = DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = timedelta(minutes=15),
    duration: timedelta = _DURATION,
    stamp: datetime | None = None,
) -> icalendar.Calendar:
    """A calendar with one reminder per action.

    Args:
        source: A timeline, or several timelines (or actions) for one calendar.
        name: The calendar's name (``X-WR-CALNAME`` and ``NAME``).
        domain: The domain part of every UID.
        todo: Write VTODOs (tasks) instead of VEVENTs; Outlook and Google ignore
            VTODO in imported files, so events are the default.
        alarm: How long before each reminder the DISPLAY alarm fires (None: no alarm).
        duration: Length of each reminder event.
        stamp: The DTSTAMP; defaults to the timeline's ``now`` (the latest one for
            several timelines) so the same input gives byte-identical output.

    Returns:
        An ``icalendar.Calendar``.

    Raises:
        ExportError: bad domain, alarm or duration, naive stamp, or mixed inputs.
    """
    _check_domain(domain)
    _check_options(alarm, duration)
    items = _materialise(source)
    dtstamp = _stamp_of(items, stamp)
    actions = sorted(_actions(items), key=lambda a: (a.due, uid_for(a, domain)))
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", icalendar.vText(_line(name)))
    cal.add("name", _line(name))
    for tzid, (lo, hi) in sorted(_zones(actions, duration).items()):
        cal.add_component(vtimezone(tzid, lo, hi))
    for a in actions:
        for comp in _components(
            a, domain=domain, stamp=dtstamp, todo=todo, alarm=alarm, duration=duration
        ):
            cal.add_component(comp)
    return cal


def to_ical_bytes(source: _Source, **options: Any) -> bytes:
    """:func:`to_ical`, serialised (CRLF line endings, folded at 75 octets).

    Args:
        source: As for :func:`to_ical`.
        **options: As for :func:`to_ical`.
    """
    return bytes(to_ical(source, **options).to_ical())


# --- merging ------------------------------------------------------------------------------

# NAME;PARAM=...;PARAM="quoted: may hold ; and :":VALUE
_CONTENT_LINE = re.compile(r'^([A-Za-z0-9-]+)((?:;[^:"]*(?:"[^"]*")?[^:"]*)*):(.*)$', re.DOTALL)
_TZID_PARAM = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.IGNORECASE)


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

    def tzids(self) -> set[str]:
        """Every TZID parameter the block's properties use."""
        return {
            m.strip('"')
            for _depth, _key, params, _value in self.lines()
            for m in _TZID_PARAM.findall(params)
        }

    def zone_years(self) -> tuple[int, int] | None:
        """For a VTIMEZONE: the first and last year its observances name (DTSTART, UNTIL)."""
        years: list[int] = []
        for depth, key, _params, value in self.lines():
            if depth != 2:
                continue
            if key == "DTSTART" and value[:4].isdigit():
                years.append(int(value[:4]))
            elif key == "RRULE":
                m = re.search(r"UNTIL=(\d{4})", value.upper())
                if m:
                    years.append(int(m.group(1)))
        return (min(years), max(years)) if years else None


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


def _serialise(comp: icalendar.Component, eol: bytes) -> bytes:
    raw = bytes(comp.to_ical())
    return raw if eol == b"\r\n" else raw.replace(b"\r\n", b"\n")


def _unparsable(where: str, path: str | None, why: object) -> ExportError:
    return ExportError(
        f"{where} is not a valid iCalendar file ({why}); it was left untouched. "
        "Write to a new file, or fix or remove that one.",
        path=path,
    )


def merge_ical(
    existing: bytes,
    source: _Source,
    *,
    path: str | None = None,
    **options: Any,
) -> bytes:
    """Merge new reminders into an existing calendar's bytes.

    Only this library's components for the interviews in ``source`` are touched
    (matched by UID): a changed one is replaced and its SEQUENCE goes up; an
    unchanged one keeps its bytes; one whose action no longer exists is written
    as ``STATUS:CANCELLED`` with a higher SEQUENCE. Every other component and
    every calendar property is kept byte for byte, and so are the file's line
    endings (CRLF, or LF-only).

    A VTIMEZONE that other components of the file use is kept as it is, even for a
    zone this library writes too (a calendar holds one VTIMEZONE per TZID). One that
    only this library's events use is rewritten to cover the old and the new dates.

    Args:
        existing: The current file's bytes.
        source: The new timeline(s).
        path: The file's name, for error messages.
        **options: As for :func:`to_ical`.

    Returns:
        The merged calendar's bytes.

    Raises:
        ExportError: the existing data is not an iCalendar file.
    """
    where = path or "the existing calendar"
    try:
        parsed = icalendar.Calendar.from_ical(existing)
        if getattr(parsed, "name", None) != "VCALENDAR":
            raise ValueError(f"it holds a {getattr(parsed, 'name', '?')}, not a VCALENDAR")
        items, trailer = _split(existing)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise _unparsable(where, path, exc) from exc
    items_source = _materialise(source)
    domain = _check_domain(options.get("domain", DEFAULT_DOMAIN))
    stamp = _stamp_of(items_source, options.get("stamp"))
    duration = options.get("duration", _DURATION)
    eol = _eol(existing)
    new_cal = to_ical(items_source, **options)
    new_by_uid: dict[str, list[icalendar.Component]] = {}
    new_zones: dict[str, icalendar.Component] = {}
    for comp in new_cal.subcomponents:
        if comp.name == "VTIMEZONE":
            new_zones[str(comp["TZID"])] = comp
        else:
            new_by_uid.setdefault(str(comp["UID"]), []).append(comp)
    spans = _zones(_actions(items_source), duration)
    keys = _interview_keys(items_source)
    suffix = f"@{domain}"

    def library(uid: str | None) -> bool:
        return uid is not None and uid.endswith(suffix) and "/" in uid[: -len(suffix)]

    def ours(uid: str | None) -> bool:
        return library(uid) and uid is not None and uid.split("/", 1)[0] in keys

    blocks = [b for b in items if isinstance(b, _Block)]
    old_groups: dict[str, list[_Block]] = {}
    for b in blocks:
        uid = b.prop("UID")
        if b.kind in ("VEVENT", "VTODO") and uid is not None and ours(uid):
            old_groups.setdefault(uid, []).append(b)
    new_kind = "VTODO" if options.get("todo") else "VEVENT"
    other = sorted(
        uid for uid, group in old_groups.items() if any(b.kind != new_kind for b in group)
    )
    if other:
        held = "tasks (VTODO)" if new_kind == "VEVENT" else "events (VEVENT)"
        raise ExportError(
            f"{where} holds these reminders as {held}; changing the kind under the same UID confuses "
            f"calendar apps: merge with the same --todo setting as before, or write a new file "
            f"(first: {other[0]}); the file was left untouched",
            path=path,
        )
    # Zones that components this library did not write refer to: those VTIMEZONEs stay as they are.
    foreign_tzids: set[str] = set()
    for b in blocks:
        if b.kind != "VTIMEZONE" and not library(b.prop("UID")):
            foreign_tzids |= b.tzids()
    existing_zone_ids = {b.prop("TZID") for b in blocks if b.kind == "VTIMEZONE"}

    out: list[bytes] = []
    zones_added = False

    def add_new_zones() -> None:
        for tzid in sorted(set(new_zones) - existing_zone_ids):
            out.append(_serialise(new_zones[tzid], eol))

    written: set[str] = set()
    for item in items:
        if not isinstance(item, _Block):
            out.append(item)
            continue
        b = item
        if not zones_added:
            add_new_zones()
            zones_added = True
        uid = b.prop("UID")
        if b.kind == "VTIMEZONE":
            zone_id = b.prop("TZID")
            if (
                zone_id is not None
                and zone_id in new_zones
                and zone_id not in foreign_tzids
                and zone_id not in written
            ):
                written.add(zone_id)
                out.append(_serialise(_widened_zone(zone_id, b, spans[zone_id]), eol))
            else:
                out.append(b.raw)
            continue
        if not (b.kind in ("VEVENT", "VTODO") and uid is not None and ours(uid)):
            out.append(b.raw)
            continue
        if uid in written:
            continue
        written.add(uid)
        old = old_groups[uid]
        if uid in new_by_uid:
            out.extend(_updated(old, new_by_uid[uid], eol))
        else:
            out.extend(_cancelled(old, eol, stamp))
    if not zones_added:
        add_new_zones()
    for uid, comps in new_by_uid.items():
        if uid not in written:
            out.extend(_serialise(c, eol) for c in comps)
    return b"".join(out) + trailer


def _widened_zone(tzid: str, old: _Block, span: tuple[datetime, datetime]) -> icalendar.Component:
    """A VTIMEZONE for ``span`` that also covers every year the old one covered.

    Events of other interviews (or cancelled ones) may rely on the old coverage; and
    rebuilding from the same years gives the same bytes, so merges stay idempotent.
    """
    lo, hi = span
    years = old.zone_years()
    if years is not None:
        # vtimezone() starts a year before its start: the old first year comes back as it was.
        first = datetime(years[0] + 1, 1, 1)  # noqa: DTZ001 - read as a wall time in tzid
        last = datetime(years[1], 7, 1)  # noqa: DTZ001 - same
        zone = zoneinfo.ZoneInfo(tzid)
        lo = min(lo, first.replace(tzinfo=zone))
        hi = max(hi, last.replace(tzinfo=zone))
    return vtimezone(tzid, lo, hi)


def _seq(block: _Block) -> int:
    try:
        return int((block.prop("SEQUENCE") or "0").strip())
    except ValueError:
        return 0


def _updated(old: list[_Block], new: list[icalendar.Component], eol: bytes) -> list[bytes]:
    old_hashes = sorted((b.prop(_HASH) or "") for b in old)
    new_hashes = sorted(str(c[_HASH]) for c in new)
    if old_hashes == new_hashes:
        return [b.raw for b in old]
    seq = max(_seq(b) for b in old) + 1
    out = []
    for c in new:
        c["SEQUENCE"] = seq
        out.append(_serialise(c, eol))
    return out


def _cancelled(old: list[_Block], eol: bytes, stamp: datetime) -> list[bytes]:
    if all((b.prop("STATUS") or "").strip().upper() == "CANCELLED" for b in old):
        return [b.raw for b in old]
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
        comp[_HASH] = icalendar.vText("cancelled")
        out.append(_serialise(comp, eol))
    return out


def write_ical(
    path: str | os.PathLike[str],
    source: _Source,
    *,
    merge: bool = False,
    **options: Any,
) -> None:
    """Write reminders to a file atomically; with ``merge``, update the file in place.

    Args:
        path: The ``.ics`` file.
        source: The timeline(s).
        merge: Merge into the existing file (see :func:`merge_ical`); a missing
            or empty file is simply created.
        **options: As for :func:`to_ical`.

    Raises:
        ExportError: the existing file does not parse (it is left untouched), or
            it cannot be read or written.
    """
    target = os.fspath(path)
    existing = b""
    if merge:
        try:
            with open(target, "rb") as fh:
                existing = fh.read()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise ExportError(
                f"{target}: cannot read the calendar to merge into ({exc.strerror or exc})",
                path=target,
            ) from exc
    if existing.strip():
        data = merge_ical(existing, source, path=target, **options)
    else:
        data = to_ical_bytes(source, **options)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise ExportError(
            f"{target}: cannot write the calendar ({exc.strerror or exc})", path=target
        ) from exc


def completed_history(
    data: bytes, *, domain: str = DEFAULT_DOMAIN, interview: str | None = None
) -> list[StepDone]:
    """Read completed tasks back from a VTODO export, as history records.

    A person ticks a task in their client; its VTODO comes back with
    ``STATUS:COMPLETED``. Each becomes a :class:`~followup.model.StepDone` for
    that action, at the COMPLETED time (or the task's due time).

    Args:
        data: The calendar bytes.
        domain: The UID domain used at export.
        interview: Keep only records of this interview key.

    Returns:
        The records, sorted by step id and time.

    Raises:
        ExportError: the data is not an iCalendar file.
    """
    try:
        cal = icalendar.Calendar.from_ical(data)
        if getattr(cal, "name", None) != "VCALENDAR":
            raise ValueError(f"it holds a {getattr(cal, 'name', '?')}, not a VCALENDAR")
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise ExportError(f"not a valid iCalendar file ({exc})") from exc
    out: list[StepDone] = []
    for comp in cal.walk("VTODO"):
        uid = str(comp.get("UID", ""))
        if not uid.endswith(f"@{domain}") or "/" not in uid:
            continue
        if str(comp.get("STATUS", "")).upper() != "COMPLETED" or "RECURRENCE-ID" in comp:
            continue
        key, _, rest = uid.rpartition("@")[0].partition("/")
        if interview is not None and key != _ascii_id(interview):
            continue
        when = comp.get("COMPLETED") or comp.get("DUE") or comp.get("DTSTART")
        at: Any = when.dt if when is not None else None
        if isinstance(at, datetime) and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)  # COMPLETED is UTC by RFC 5545; floating is read so
        if not isinstance(at, date):
            continue
        out.append(StepDone(step=str(comp.get(_ACTION, rest)), at=at))
    return sorted(out, key=lambda r: (r.step, str(r.at)))
