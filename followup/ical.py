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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_UTC_ZONES = frozenset(
    {"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Zulu", "Zulu", "Etc/Universal", "Universal"}
)
_DURATION = timedelta(minutes=30)
_HASH = "X-FOLLOWUP-HASH"
_ACTION = "X-FOLLOWUP-ACTION"


def _line(text: str) -> str:
    """One line of user text: no control characters, no line breaks."""
    return " ".join(_CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ")).split())


def _text(text: str) -> str:
    """Multi-line user text: line breaks kept (as LF), other control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _ascii_id(text: str) -> str:
    return text if re.fullmatch(r"[A-Za-z0-9._-]+", text) else slug(text)


def uid_for(action: Action, domain: str = DEFAULT_DOMAIN) -> str:
    """The UID of an action: ``<interview key>/<action id>@<domain>``, ASCII and stable."""
    return f"{_ascii_id(action.interview or 'interview')}/{_ascii_id(action.id)}@{domain}"


def _check_domain(domain: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?", domain or ""):
        raise ExportError(
            f"domain: {domain!r} is not valid: a domain name such as 'jobs.example.com'"
        )
    return domain


def _actions(source: Timeline | Iterable[Timeline | Action]) -> list[Action]:
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


def _stamp_of(source: Timeline | Iterable[Timeline | Action], stamp: datetime | None) -> datetime:
    if stamp is not None:
        if stamp.tzinfo is None:
            raise ExportError(
                "stamp: a naive datetime; give an aware one (DTSTAMP is written in UTC)"
            )
        return stamp.astimezone(UTC)
    if isinstance(source, Timeline):
        return source.now.astimezone(UTC)
    raise ExportError(
        "stamp: give stamp= (the DTSTAMP) when exporting actions rather than a timeline"
    )


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
    if zone in _UTC_ZONES:
        return moment.astimezone(UTC)
    return moment


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
    comp: icalendar.Component = icalendar.Todo() if todo else icalendar.Event()
    uid = uid_for(action, domain)
    comp.add("uid", uid)
    begin = _dt(start or action.due, action.timezone)
    if recurrence_id is not None:
        comp.add("recurrence-id", _dt(recurrence_id, action.timezone))
    if todo:
        comp.add("dtstart", begin)
        comp.add("due", begin + duration)
    else:
        comp.add("dtstart", begin)
        comp.add("dtend", begin + duration)
    if action.recurrence is not None and recurrence_id is None:
        comp.add("rrule", icalendar.vRecur.from_ical(action.recurrence.rrule))
    comp.add("summary", _line(action.title))
    comp.add("description", _description(action))
    comp.add("categories", ["Follow-up"])
    if todo:
        status = {
            Status.DONE: "COMPLETED",
            Status.CANCELLED: "CANCELLED",
        }.get(action.status, "NEEDS-ACTION")
    else:
        status = "CANCELLED" if action.status is Status.CANCELLED else "CONFIRMED"
    comp.add("status", status)
    comp.add("transp", "TRANSPARENT")
    comp.add(_ACTION, icalendar.vText(_ascii_id(action.id)))
    if alarm is not None and action.status not in (Status.CANCELLED, Status.DONE):
        valarm = icalendar.Alarm()
        valarm.add("action", "DISPLAY")
        valarm.add("description", _line(action.title))
        valarm.add("trigger", -alarm)
        comp.add_component(valarm)
    # The hash covers everything but DTSTAMP and SEQUENCE, so a merge can tell a changed action.
    digest = hashlib.sha256(comp.to_ical()).hexdigest()[:16]
    comp.add(_HASH, icalendar.vText(digest))
    comp.add("dtstamp", stamp)
    comp.add("sequence", sequence)
    return comp


def _components(
    action: Action,
    *,
    domain: str,
    stamp: datetime,
    todo: bool,
    alarm: timedelta | None,
    duration: timedelta,
    sequence: int = 0,
) -> list[icalendar.Component]:
    comps = [
        _component(
            action,
            domain=domain,
            stamp=stamp,
            todo=todo,
            alarm=alarm,
            duration=duration,
            sequence=sequence,
        )
    ]
    if action.recurrence is not None:
        for planned, actual in action.recurrence.moved:
            comps.append(
                _component(
                    action,
                    domain=domain,
                    stamp=stamp,
                    todo=todo,
                    alarm=alarm,
                    duration=duration,
                    sequence=sequence,
                    recurrence_id=planned,
                    start=actual,
                )
            )
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
    source: Timeline | Iterable[Timeline | Action],
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
        stamp: The DTSTAMP; defaults to the timeline's ``now`` so the same input
            gives byte-identical output.

    Returns:
        An ``icalendar.Calendar``.

    Raises:
        ExportError: bad domain, naive stamp, or mixed inputs.
    """
    _check_domain(domain)
    dtstamp = _stamp_of(source, stamp)
    actions = sorted(_actions(source), key=lambda a: (a.due, uid_for(a, domain)))
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


def to_ical_bytes(source: Timeline | Iterable[Timeline | Action], **options: Any) -> bytes:
    """:func:`to_ical`, serialised (CRLF line endings, folded at 75 octets)."""
    return bytes(to_ical(source, **options).to_ical())


# --- merging ------------------------------------------------------------------------------


class _Block:
    """One top-level component of an existing file, kept as its original bytes."""

    def __init__(self, kind: str, raw: bytes) -> None:
        self.kind = kind
        self.raw = raw
        self._unfolded: str | None = None

    def prop(self, name: str) -> str | None:
        if self._unfolded is None:
            self._unfolded = re.sub(r"\r?\n[ \t]", "", self.raw.decode("utf-8", "replace"))
        depth = 0
        for line in self._unfolded.splitlines():
            upper = line.upper()
            if upper.startswith("BEGIN:"):
                depth += 1
                continue
            if upper.startswith("END:"):
                depth -= 1
                continue
            if depth == 1:
                key, _, value = line.partition(":")
                if key.split(";", 1)[0].upper() == name:
                    return value
        return None


def _split(data: bytes) -> tuple[bytes, list[_Block], bytes]:
    """Split a calendar into (header lines, top-level blocks, trailer) without changing a byte."""
    lines = data.splitlines(keepends=True)
    header: list[bytes] = []
    blocks: list[_Block] = []
    current: list[bytes] = []
    kind = ""
    depth = 0
    i = 0
    while i < len(lines) and not lines[i].strip().upper().startswith(b"BEGIN:VCALENDAR"):
        header.append(lines[i])
        i += 1
    if i == len(lines):
        raise ValueError("no BEGIN:VCALENDAR line")
    header.append(lines[i])
    i += 1
    trailer: list[bytes] = []
    for j in range(i, len(lines)):
        line = lines[j]
        upper = line.strip().upper()
        if depth == 0 and upper == b"END:VCALENDAR":
            trailer = lines[j:]
            break
        if upper.startswith(b"BEGIN:"):
            if depth == 0:
                kind = upper[6:].decode("ascii", "replace")
                current = []
            depth += 1
        if depth == 0:
            header.append(line)
            continue
        current.append(line)
        if upper.startswith(b"END:"):
            depth -= 1
            if depth == 0:
                blocks.append(_Block(kind, b"".join(current)))
    else:
        raise ValueError("no END:VCALENDAR line")
    return b"".join(header), blocks, b"".join(trailer)


def _eol(data: bytes) -> bytes:
    return b"\r\n" if b"\r\n" in data else b"\n"


def _serialise(comp: icalendar.Component, eol: bytes) -> bytes:
    raw = bytes(comp.to_ical())
    return raw if eol == b"\r\n" else raw.replace(b"\r\n", b"\n")


def merge_ical(
    existing: bytes,
    source: Timeline | Iterable[Timeline | Action],
    *,
    path: str | None = None,
    **options: Any,
) -> bytes:
    """Merge new reminders into an existing calendar's bytes.

    Only this library's components for the interviews in ``source`` are touched
    (matched by UID): a changed one is replaced and its SEQUENCE goes up; an
    unchanged one keeps its bytes; one whose action no longer exists is written
    as ``STATUS:CANCELLED`` with a higher SEQUENCE. Every other component and
    every calendar property is kept byte for byte.

    Args:
        existing: The current file's bytes.
        source: The new timeline(s).
        path: The file's name, for error messages.
        **options: As for :func:`to_ical`.

    Raises:
        ExportError: the existing data is not an iCalendar file.
    """
    where = path or "the existing calendar"
    try:
        icalendar.Calendar.from_ical(existing)
        header, blocks, trailer = _split(existing)
    except ValueError as exc:
        raise ExportError(
            f"{where} is not a valid iCalendar file ({exc}); it was left untouched. "
            "Write to a new file, or fix or remove that one.",
            path=path,
        ) from exc
    domain = _check_domain(options.get("domain", DEFAULT_DOMAIN))
    eol = _eol(existing)
    new_cal = to_ical(source, **options)
    new_by_uid: dict[str, list[icalendar.Component]] = {}
    new_zones: dict[str, icalendar.Component] = {}
    for comp in new_cal.subcomponents:
        if comp.name == "VTIMEZONE":
            new_zones[str(comp["TZID"])] = comp
        else:
            new_by_uid.setdefault(str(comp["UID"]), []).append(comp)
    prefixes = {uid.split("/", 1)[0] + "/" for uid in new_by_uid}
    prefixes |= {f"{_ascii_id(a.interview or 'interview')}/" for a in _actions_of(source)}
    suffix = f"@{domain}"

    def ours(uid: str | None) -> bool:
        return uid is not None and uid.endswith(suffix) and any(uid.startswith(p) for p in prefixes)

    old_groups: dict[str, list[_Block]] = {}
    for b in blocks:
        uid = b.prop("UID")
        if b.kind in ("VEVENT", "VTODO") and ours(uid):
            assert uid is not None
            old_groups.setdefault(uid, []).append(b)
    foreign_tzids = _foreign_tzids(blocks, ours)
    out: list[bytes] = [header]
    existing_zone_ids = {b.prop("TZID") for b in blocks if b.kind == "VTIMEZONE"}
    for tzid in sorted(set(new_zones) - existing_zone_ids):
        out.append(_serialise(new_zones[tzid], eol))
    written: set[str] = set()
    for b in blocks:
        uid = b.prop("UID")
        if b.kind == "VTIMEZONE":
            zone_id = b.prop("TZID")
            if zone_id is not None and zone_id in new_zones and zone_id not in foreign_tzids:
                out.append(_serialise(new_zones[zone_id], eol))
            else:
                out.append(b.raw)
            continue
        if not (b.kind in ("VEVENT", "VTODO") and ours(uid)):
            out.append(b.raw)
            continue
        assert uid is not None
        if uid in written:
            continue
        written.add(uid)
        old = old_groups[uid]
        if uid in new_by_uid:
            out.extend(_updated(old, new_by_uid[uid], eol))
        else:
            out.extend(_cancelled(old, eol))
    for uid, comps in new_by_uid.items():
        if uid not in written:
            out.extend(_serialise(c, eol) for c in comps)
    return b"".join(out) + trailer


def _actions_of(source: Timeline | Iterable[Timeline | Action]) -> list[Action]:
    return _actions(source) if not isinstance(source, list | tuple) else _actions(list(source))


def _foreign_tzids(blocks: list[_Block], ours: Any) -> set[str]:
    used: set[str] = set()
    for b in blocks:
        if b.kind in ("VTIMEZONE",) or ours(b.prop("UID")):
            continue
        used.update(re.findall(r";TZID=\"?([^\":;]+)\"?", b.raw.decode("utf-8", "replace")))
    return used


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


def _cancelled(old: list[_Block], eol: bytes) -> list[bytes]:
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
        out.append(_serialise(comp, eol))
    return out


def write_ical(
    path: str | os.PathLike[str],
    source: Timeline | Iterable[Timeline | Action],
    *,
    merge: bool = False,
    **options: Any,
) -> None:
    """Write reminders to a file atomically; with ``merge``, update the file in place.

    Args:
        path: The ``.ics`` file.
        source: The timeline(s).
        merge: Merge into the existing file (see :func:`merge_ical`); a missing
            file is simply created.
        **options: As for :func:`to_ical`.

    Raises:
        ExportError: the existing file does not parse (it is left untouched), or
            it cannot be written.
    """
    target = os.fspath(path)
    if merge and os.path.exists(target):
        with open(target, "rb") as fh:
            data = merge_ical(fh.read(), source, path=target, **options)
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

    Raises:
        ExportError: the data is not an iCalendar file.
    """
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise ExportError(f"not a valid iCalendar file ({exc})") from exc
    out: list[StepDone] = []
    for comp in cal.walk("VTODO"):
        uid = str(comp.get("UID", ""))
        if not uid.endswith(f"@{domain}") or "/" not in uid:
            continue
        if str(comp.get("STATUS", "")).upper() != "COMPLETED" or "RECURRENCE-ID" in comp:
            continue
        key, _, rest = uid.rpartition("@")[0].partition("/")
        if interview is not None and key != interview:
            continue
        when = comp.get("COMPLETED") or comp.get("DUE") or comp.get("DTSTART")
        at: Any = when.dt if when is not None else None
        if isinstance(at, datetime) and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        if not isinstance(at, date):
            continue
        out.append(StepDone(step=str(comp.get(_ACTION, rest)), at=at))
    return sorted(out, key=lambda r: (r.step, str(r.at)))
