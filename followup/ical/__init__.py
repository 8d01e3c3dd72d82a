"""iCalendar export: reminders that Google, Outlook, Apple Calendar and Thunderbird import.

The rules it follows are listed in ``docs/calendar.md``: one VEVENT per action
(VTODO on request), stable ASCII UIDs, DTSTAMP from the injected ``now``,
VTIMEZONEs with RRULE observances, no METHOD, one DISPLAY alarm, control
characters stripped, merges that keep every foreign component byte for byte and
every event's meaning, and atomic writes.

The package is the only place that uses ``icalendar``, and only to parse
(merging, reading ticked tasks back) and to hand back an ``icalendar.Calendar``
from [`to_ical`][followup.ical.to_ical]. The bytes come from a direct writer
(`followup.ical._write`) proved byte-identical to icalendar's own
serialisation, so [`to_ical_bytes`][followup.ical.to_ical_bytes], `write_calendar` without ``merge``
and [`calendar_objects`][followup.ical.calendar_objects] never import icalendar (``import followup.ical``
does not either).

Modules: ``_build`` (timelines to values), ``_write`` (values to bytes),
``_tree`` (values to icalendar components), ``_vtimezone`` (VTIMEZONEs from
zoneinfo), ``_merge`` (merging into an existing file), ``_read`` (read-back),
``_text`` (escaping and folding).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from followup._atomic import write_atomic
from followup.errors import ExportError
from followup.ical import _build, _write
from followup.ical._build import DEFAULT_DOMAIN, uid_for
from followup.ical._text import clean_line

if TYPE_CHECKING:
    import icalendar

    from followup.ical._objects import CalendarObject
    from followup.model import StepDone

__all__ = [
    "DEFAULT_DOMAIN",
    "CalendarObject",
    "calendar_objects",
    "completed_history",
    "dtstamp",
    "interview_keys",
    "merge_ical",
    "to_ical",
    "to_ical_bytes",
    "uid_for",
    "write_calendar",
    "write_ical",
]

_NAME = _build.DEFAULT_NAME
_ALARM = _build.DEFAULT_ALARM
_DURATION = _build.DEFAULT_DURATION


def to_ical(
    source: _build.Source,
    *,
    name: str = _NAME,
    domain: str = DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = _ALARM,
    duration: timedelta = _DURATION,
    stamp: datetime | None = None,
    sources: Mapping[str, str] | None = None,
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
        sources: For each interview key, a token naming where the interview comes
            from (the command line uses a hash of the interview file's path), written
            as ``X-FOLLOWUP-SOURCE`` on its components: a merge then recognises the
            reminders that an earlier version of the same source wrote under another
            key (company, role or start corrected) and cancels them. 1 to 64 ASCII
            letters, digits, ``.``, ``_`` or ``-``.

    Returns:
        An ``icalendar.Calendar``; its ``to_ical()`` is byte for byte
        [`to_ical_bytes`][followup.ical.to_ical_bytes] of the same arguments.

    Raises:
        ExportError: bad domain, alarm, duration or recurrence rule, naive stamp,
            or mixed inputs.

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from followup import Candidate, Contact, Interview, presets
        >>> NY = ZoneInfo("America/New_York")
        >>> interview = Interview(
        ...     company="Acme Corp",
        ...     role="Data Engineer",
        ...     start=datetime(2026, 11, 20, 14, tzinfo=NY),
        ...     candidate=Candidate(name="Sam Rivera"),
        ...     interviewers=[Contact(name="Jane Doe", email="jane@acme.example")],
        ... )
        >>> timeline = presets.after_interview().schedule(
        ...     interview, now=datetime(2026, 11, 21, 9, tzinfo=NY)
        ... )
        >>> from followup.ical import to_ical
        >>> calendar = to_ical(timeline)
        >>> [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")][0]
        'Thank Jane Doe (Acme Corp, Data Engineer)'
        >>> calendar.to_ical().startswith(b"BEGIN:VCALENDAR")
        True
    """
    from followup.ical import _tree

    prepared = _build.prepare(
        source,
        name=name,
        domain=domain,
        todo=todo,
        alarm=alarm,
        duration=duration,
        stamp=stamp,
        sources=sources,
    )
    return _tree.calendar(prepared)


def to_ical_bytes(
    source: _build.Source,
    *,
    name: str = _NAME,
    domain: str = DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = _ALARM,
    duration: timedelta = _DURATION,
    stamp: datetime | None = None,
    sources: Mapping[str, str] | None = None,
) -> bytes:
    """[`to_ical`][followup.ical.to_ical], serialised (CRLF line endings, folded at 75 octets), without icalendar.

    Args:
        source: As for [`to_ical`][followup.ical.to_ical].
        name: As for [`to_ical`][followup.ical.to_ical].
        domain: As for [`to_ical`][followup.ical.to_ical].
        todo: As for [`to_ical`][followup.ical.to_ical].
        alarm: As for [`to_ical`][followup.ical.to_ical].
        duration: As for [`to_ical`][followup.ical.to_ical].
        stamp: As for [`to_ical`][followup.ical.to_ical].
        sources: As for [`to_ical`][followup.ical.to_ical].

    Returns:
        The calendar's bytes: ``to_ical(...).to_ical()``, written directly.

    Raises:
        ExportError: as [`to_ical`][followup.ical.to_ical].
    """
    prepared = _build.prepare(
        source,
        name=name,
        domain=domain,
        todo=todo,
        alarm=alarm,
        duration=duration,
        stamp=stamp,
        sources=sources,
    )
    return _write.calendar(prepared)


def calendar_objects(
    source: _build.Source,
    *,
    name: str = _NAME,
    domain: str = DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = _ALARM,
    duration: timedelta = _DURATION,
    stamp: datetime | None = None,
    sequences: Mapping[str, int] | None = None,
    sources: Mapping[str, str] | None = None,
) -> list[CalendarObject]:
    """One calendar object per action, each a whole VCALENDAR (for CalDAV, one per resource).

    RFC 4791 wants every component sharing a UID (a series and its overrides) in one
    resource, with the VTIMEZONEs it uses; each object is exactly that. Written
    without icalendar, in the order of [`to_ical`][followup.ical.to_ical].

    Args:
        source: As for [`to_ical`][followup.ical.to_ical].
        name: As for [`to_ical`][followup.ical.to_ical] (the ``X-WR-CALNAME`` of each object).
        domain: As for [`to_ical`][followup.ical.to_ical].
        todo: As for [`to_ical`][followup.ical.to_ical].
        alarm: As for [`to_ical`][followup.ical.to_ical].
        duration: As for [`to_ical`][followup.ical.to_ical].
        stamp: As for [`to_ical`][followup.ical.to_ical].
        sequences: The SEQUENCE to write per UID (0 for the others): a sync raises it
            for the objects whose digest changed.
        sources: As for [`to_ical`][followup.ical.to_ical].

    Returns:
        The objects, one per action.

    Raises:
        ExportError: as [`to_ical`][followup.ical.to_ical].
    """
    from followup.ical._objects import CalendarObject
    from followup.ical._vtimezone import vtimezone_bytes

    _build.check_domain(domain)
    _build.check_options(alarm, duration)
    tokens = _build.check_sources(sources)
    items = _build.materialise(source)
    dtstamp = _build.stamp_of(items, stamp)
    head = _write.header(clean_line(name))
    out = []
    for action in sorted(_build.actions_of(items), key=_build.sort_key(domain)):
        uid = uid_for(action, domain)
        seq = (sequences or {}).get(uid, 0)
        found = _build.entries(
            action,
            domain=domain,
            stamp=dtstamp,
            todo=todo,
            alarm=alarm,
            duration=duration,
            source=tokens.get(_build.interview_prefix(action)),
        )
        parts = [head]
        for tzid, (lo, hi) in sorted(_build.spans([action], duration).items()):
            parts.append(vtimezone_bytes(tzid, lo, hi))
        for e in found:
            e.sequence = seq
            parts.append(_write.entry(e))
        parts.append(b"END:VCALENDAR\r\n")
        digest = found[0].digest if len(found) == 1 else _joined(e.digest for e in found)
        out.append(
            CalendarObject(
                uid=uid,
                action=action,
                data=b"".join(parts),
                digest=digest,
                sequence=seq,
                digests=tuple(e.digest for e in found),
                source=found[0].source,
            )
        )
    return out


def interview_keys(source: _build.Source) -> set[str]:
    """The interview keys of ``source`` as its UIDs start (``uid_for``), empty timelines included.

    A sync or merge touches only the reminders of these interviews.

    Args:
        source: As for [`to_ical`][followup.ical.to_ical].

    Returns:
        The keys, as ASCII ids.

    Raises:
        ExportError: the source holds something that is neither a timeline nor an action.
    """
    return _build.interview_keys(_build.materialise(source))


def dtstamp(source: _build.Source, stamp: datetime | None = None) -> datetime:
    """The DTSTAMP the export writes for ``source``: ``stamp``, else the latest ``now``, in UTC.

    Args:
        source: As for [`to_ical`][followup.ical.to_ical].
        stamp: As for [`to_ical`][followup.ical.to_ical].

    Returns:
        The DTSTAMP, aware, in UTC, without microseconds.

    Raises:
        ExportError: ``stamp`` is naive, or missing for a source of bare actions.
    """
    return _build.stamp_of(_build.materialise(source), stamp)


def _joined(digests: object) -> str:
    import hashlib

    return hashlib.sha256("/".join(digests).encode()).hexdigest()[:16]  # type: ignore[arg-type]


def merge_ical(
    existing: bytes,
    source: _build.Source,
    *,
    path: str | None = None,
    name: str = _NAME,
    domain: str = DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = _ALARM,
    duration: timedelta = _DURATION,
    stamp: datetime | None = None,
    sources: Mapping[str, str] | None = None,
) -> bytes:
    """Merge new reminders into an existing calendar's bytes.

    Only this library's components for the interviews in ``source`` are touched
    (matched by UID): a changed one is replaced and its SEQUENCE goes up; an
    unchanged one keeps its bytes; one whose action no longer exists is written
    as ``STATUS:CANCELLED`` with a higher SEQUENCE. Every other component and
    every calendar property is kept byte for byte, and so are the file's line
    endings (CRLF, or LF-only). What the time zones of the file and of the new
    reminders become is described in ``docs/calendar.md`` ("Merging and time
    zones"): no event of the file, and no new reminder, changes its meaning.

    Args:
        existing: The current file's bytes.
        source: The new timeline(s).
        path: The file's name, for error messages.
        name: As for [`to_ical`][followup.ical.to_ical] (a merge keeps the file's own name).
        domain: As for [`to_ical`][followup.ical.to_ical].
        todo: As for [`to_ical`][followup.ical.to_ical].
        alarm: As for [`to_ical`][followup.ical.to_ical].
        duration: As for [`to_ical`][followup.ical.to_ical].
        stamp: As for [`to_ical`][followup.ical.to_ical].
        sources: As for [`to_ical`][followup.ical.to_ical]; with them, the merge also cancels this
            library's reminders that name one of the sources under an interview key
            that is no longer its key (see ``docs/calendar.md``, "Editing the
            interview file").

    Returns:
        The merged calendar's bytes.

    Raises:
        ExportError: the existing data is not an iCalendar file, or holds what this
            library cannot merge into (the message says what); it is left untouched.

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from followup import Candidate, Contact, Interview, presets
        >>> NY = ZoneInfo("America/New_York")
        >>> interview = Interview(
        ...     company="Acme Corp",
        ...     role="Data Engineer",
        ...     start=datetime(2026, 11, 20, 14, tzinfo=NY),
        ...     candidate=Candidate(name="Sam Rivera"),
        ...     interviewers=[Contact(name="Jane Doe", email="jane@acme.example")],
        ... )
        >>> timeline = presets.after_interview().schedule(
        ...     interview, now=datetime(2026, 11, 21, 9, tzinfo=NY)
        ... )
        >>> from followup import Outcome
        >>> from followup.ical import merge_ical, to_ical
        >>> before = to_ical(timeline).to_ical()  # the file the user imported
        >>> rejected = presets.after_interview().schedule(
        ...     interview,
        ...     outcome=Outcome.rejected(at=datetime(2026, 11, 24, 16, tzinfo=NY)),
        ...     now=datetime(2026, 11, 25, 9, tzinfo=NY),
        ... )
        >>> after = merge_ical(before, rejected)
        >>> after.count(b"STATUS:CANCELLED")  # the two status checks, cancelled
        2
    """
    from followup.ical._merge import merge

    return merge(
        existing,
        source,
        path=path,
        name=name,
        domain=domain,
        todo=todo,
        alarm=alarm,
        duration=duration,
        stamp=stamp,
        sources=sources,
    )


def write_calendar(
    path: str | os.PathLike[str],
    source: _build.Source,
    *,
    merge: bool = False,
    name: str = _NAME,
    domain: str = DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = _ALARM,
    duration: timedelta = _DURATION,
    stamp: datetime | None = None,
    sources: Mapping[str, str] | None = None,
) -> None:
    """Write reminders to a file atomically; with ``merge``, update the file in place.

    [`followup.batch.write_calendar`][followup.batch.write_calendar] is the same for jobs it schedules (in
    worker processes, streamed); [`write_ical`][followup.ical.write_ical] is this function's older name.

    Args:
        path: The ``.ics`` file.
        source: The timeline(s).
        merge: Merge into the existing file (see [`merge_ical`][followup.ical.merge_ical]); a missing
            or empty file is simply created.
        name: As for [`to_ical`][followup.ical.to_ical].
        domain: As for [`to_ical`][followup.ical.to_ical].
        todo: As for [`to_ical`][followup.ical.to_ical].
        alarm: As for [`to_ical`][followup.ical.to_ical].
        duration: As for [`to_ical`][followup.ical.to_ical].
        stamp: As for [`to_ical`][followup.ical.to_ical].
        sources: As for [`merge_ical`][followup.ical.merge_ical].

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
        data = merge_ical(
            existing,
            source,
            path=target,
            name=name,
            domain=domain,
            todo=todo,
            alarm=alarm,
            duration=duration,
            stamp=stamp,
            sources=sources,
        )
    else:
        data = to_ical_bytes(
            source,
            name=name,
            domain=domain,
            todo=todo,
            alarm=alarm,
            duration=duration,
            stamp=stamp,
            sources=sources,
        )
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise ExportError(
            f"{target}: cannot write the calendar ({exc.strerror or exc})", path=target
        ) from exc


write_ical = write_calendar
"""The older name of `write_calendar` (one name per idea: ``write_calendar``, here for
timelines and in [`followup.batch`][followup.batch] for jobs); kept so that existing code runs."""


def completed_history(
    data: bytes,
    *,
    domain: str = DEFAULT_DOMAIN,
    interview: str | None = None,
    path: str | None = None,
) -> list[StepDone]:
    """Read completed tasks back from a VTODO export, as history records.

    A person ticks a task in their client; its VTODO comes back with
    ``STATUS:COMPLETED``. Each becomes a [`StepDone`][followup.model.StepDone] for
    that action, at the COMPLETED time (or the task's due time). A COMPLETED
    written with a ``TZID`` (not RFC 5545, but some clients do) is read in that
    zone (the file's own VTIMEZONE for it, else the IANA zone), not as UTC. One
    ticked occurrence of a series (a component with a ``RECURRENCE-ID``) is that
    occurrence done: a record at the COMPLETED time, or at the occurrence's
    start when it was ticked before its date (a done record covers the
    occurrences up to its time).

    Args:
        data: The calendar bytes.
        domain: The UID domain used at export.
        interview: Keep only records of this interview key.
        path: The file's name, for error messages.

    Returns:
        The records, sorted by step id and time.

    Raises:
        ExportError: the data is not an iCalendar file; the message names the
            line (``tasks.ics:12: ...``) when the fault is in one.
    """
    from followup.ical._read import completed

    return completed(data, domain=domain, interview=interview, path=path)


def __getattr__(name: str) -> Any:
    if name == "CalendarObject":  # built on first use (see followup.ical._objects)
        from followup.ical._objects import CalendarObject

        globals()["CalendarObject"] = CalendarObject
        return CalendarObject
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
