"""Merging new reminders into an existing calendar file, keeping everything else as it was."""

from __future__ import annotations

import re
import zoneinfo
from datetime import datetime, timedelta

import icalendar

from followup.errors import ExportError
from followup.ical import _build, _write
from followup.ical._build import HASH, Entry
from followup.ical._vtimezone import vtimezone_bytes

__all__ = ["merge"]


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
) -> bytes:
    """See :func:`followup.ical.merge_ical`."""
    where = path or "the existing calendar"
    try:
        parsed = icalendar.Calendar.from_ical(existing)
        if getattr(parsed, "name", None) != "VCALENDAR":
            raise ValueError(f"it holds a {getattr(parsed, 'name', '?')}, not a VCALENDAR")
        items, trailer = _split(existing)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise _unparsable(where, path, exc) from exc
    items_source = _build.materialise(source)
    prepared = _build.prepare(
        items_source,
        name=name,
        domain=domain,
        todo=todo,
        alarm=alarm,
        duration=duration,
        stamp=stamp,
    )
    dtstamp = _build.stamp_of(items_source, stamp)
    eol = _eol(existing)
    new_by_uid: dict[str, list[Entry]] = {}
    for e in prepared.entries:
        new_by_uid.setdefault(e.uid, []).append(e)
    new_zones = {tzid: (lo, hi) for tzid, lo, hi in prepared.zones}
    spans = new_zones
    keys = _build.interview_keys(items_source)
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
    new_kind = "VTODO" if todo else "VEVENT"
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
            lo, hi = new_zones[tzid]
            out.append(_eolify(vtimezone_bytes(tzid, lo, hi), eol))

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
                out.append(_eolify(_widened_zone(zone_id, b, spans[zone_id]), eol))
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
            out.extend(_cancelled(old, eol, dtstamp))
    if not zones_added:
        add_new_zones()
    for uid, comps in new_by_uid.items():
        if uid not in written:
            out.extend(_eolify(_write.entry(c), eol) for c in comps)
    return b"".join(out) + trailer


def _widened_zone(tzid: str, old: _Block, span: tuple[datetime, datetime]) -> bytes:
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
    return vtimezone_bytes(tzid, lo, hi)


def _seq(block: _Block) -> int:
    try:
        return int((block.prop("SEQUENCE") or "0").strip())
    except ValueError:
        return 0


def _updated(old: list[_Block], new: list[Entry], eol: bytes) -> list[bytes]:
    old_hashes = sorted((b.prop(HASH) or "") for b in old)
    new_hashes = sorted(e.digest for e in new)
    if old_hashes == new_hashes:
        return [b.raw for b in old]
    seq = max(_seq(b) for b in old) + 1
    out = []
    for e in new:
        e.sequence = seq
        out.append(_eolify(_write.entry(e), eol))
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
        comp[HASH] = icalendar.vText("cancelled")
        out.append(_serialise(comp, eol))
    return out
