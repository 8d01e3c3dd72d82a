"""From timelines to the values of each calendar component, shared by both writers.

`prepare` works out everything a calendar holds (its name, its DTSTAMP, the
span each zone's VTIMEZONE covers, and one `Entry` per VEVENT or VTODO,
with every value already cleaned and typed); the direct writer
(`followup.ical._write`) turns that into bytes and the tree builder
(`followup.ical._tree`) into icalendar components. Neither decides anything,
so the two cannot disagree on content, only on serialisation, which the
differential tests pin down.
"""

from __future__ import annotations

import hashlib
import re
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from followup import channels
from followup._ids import slug
from followup.errors import ExportError
from followup.ical._text import clean_line, clean_text
from followup.model import Status
from followup.timeline import Action, Timeline
from followup.timing import fmt_day

DEFAULT_DOMAIN = "followup.invalid"
"""The domain part of UIDs unless one is given (``.invalid`` is reserved, so it never clashes)."""

PRODID = "-//followup//followup calendar export//EN"
DEFAULT_NAME = "Interview follow-up"
DEFAULT_ALARM = timedelta(minutes=15)
DEFAULT_DURATION = timedelta(minutes=30)
HASH = "X-FOLLOWUP-HASH"
ACTION = "X-FOLLOWUP-ACTION"
SOURCE = "X-FOLLOWUP-SOURCE"

_ASCII_ID = re.compile(r"[A-Za-z0-9._-]+")
_SOURCE = re.compile(r"[A-Za-z0-9._-]{1,64}")
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?")

UTC_ZONES = frozenset(
    {
        # UTC and GMT by other names.
        "UTC",
        "Etc/UTC",
        "Etc/UCT",
        "UCT",
        "Etc/Universal",
        "Universal",
        "Etc/Zulu",
        "Zulu",
        "GMT",
        "Etc/GMT",
        "Etc/GMT+0",
        "Etc/GMT-0",
        "Etc/GMT0",
        "GMT+0",
        "GMT-0",
        "GMT0",
        "Etc/Greenwich",
        "Greenwich",
        # Zones at UTC+0 without DST since before 1970, which icalendar writes as UTC
        # (its table of equivalent zones puts them with UTC); a test keeps the two in step.
        "Africa/Abidjan",
        "Africa/Accra",
        "Africa/Bamako",
        "Africa/Banjul",
        "Africa/Conakry",
        "Africa/Dakar",
        "Africa/Freetown",
        "Africa/Lome",
        "Africa/Nouakchott",
        "Africa/Ouagadougou",
        "Africa/Timbuktu",
        "Atlantic/Reykjavik",
        "Atlantic/St_Helena",
        "Iceland",
    }
)
"""Zones whose times are written in UTC (``Z``), with no VTIMEZONE."""


# --- names, ids and options ---------------------------------------------------------------


def ascii_id(text: str) -> str:
    """``text`` when it is a plain ASCII id, else its slug (with a hash for non-ASCII)."""
    return text if _ASCII_ID.fullmatch(text) else slug(text)


def interview_prefix(action: Action) -> str:
    """The first part of an action's UID: its interview key, as an ASCII id."""
    return ascii_id(action.interview or "interview")


def uid_for(action: Action, domain: str = DEFAULT_DOMAIN) -> str:
    """The UID of an action: ``<interview key>/<action id>@<domain>``, ASCII and stable.

    Args:
        action: The action.
        domain: The domain part.
    """
    return f"{interview_prefix(action)}/{ascii_id(action.id)}@{domain}"


def check_domain(domain: str) -> str:
    """``domain``, or an [`ExportError`][followup.errors.ExportError] when it is not a domain name."""
    if not isinstance(domain, str) or not _DOMAIN.fullmatch(domain):
        raise ExportError(
            f"domain: {domain!r} is not valid: a domain name such as 'jobs.example.com'"
        )
    return domain


def check_options(alarm: timedelta | None, duration: timedelta) -> None:
    """Refuse an alarm that is not a timedelta (or None) and a duration that is not positive."""
    if alarm is not None and not isinstance(alarm, timedelta):
        raise ExportError(f"alarm: {alarm!r} is not a timedelta (or None for no alarm)")
    if not isinstance(duration, timedelta) or duration <= timedelta(0):
        raise ExportError(f"duration: {duration!r} is not a positive timedelta")


def check_sources(sources: Mapping[str, str] | None) -> dict[str, str]:
    """``sources`` as a dict keyed by UID prefix, or an [`ExportError`][followup.errors.ExportError] for a bad token.

    A source token is written verbatim (``X-FOLLOWUP-SOURCE``), so only short ASCII
    tokens are taken: no text of a file can reach a calendar property this way.
    """
    out: dict[str, str] = {}
    for key, token in (sources or {}).items():
        if not isinstance(key, str) or not isinstance(token, str) or not _SOURCE.fullmatch(token):
            raise ExportError(
                f"sources: {token!r} (for {key!r}) is not valid: 1 to 64 ASCII letters, "
                "digits, '.', '_' or '-'"
            )
        out[ascii_id(key or "interview")] = token
    return out


Source = Timeline | Iterable[Timeline | Action]
"""What the export functions take: a timeline, or several timelines (or actions)."""

Items = Timeline | list[Timeline | Action]


def materialise(source: Source) -> Items:
    """The source as a timeline or a list: a generator may be read more than once."""
    return source if isinstance(source, Timeline) else list(source)


def actions_of(source: Items) -> list[Action]:
    """Every action of the source, in its order."""
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


def interview_keys(source: Items) -> set[str]:
    """The UID prefixes of every interview in ``source``, empty timelines included."""
    items = [source] if isinstance(source, Timeline) else source
    keys = {ascii_id(a.interview or "interview") for a in actions_of(source)}
    keys |= {ascii_id(t.interview) for t in items if isinstance(t, Timeline) and t.interview}
    return keys


def stamp_of(source: Items, stamp: datetime | None) -> datetime:
    """The DTSTAMP: ``stamp``, else the timeline's ``now`` (the latest of several), in UTC."""
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


# --- recurrence rules -----------------------------------------------------------------------

_RULE_ORDER = (
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
)
_FREQS = frozenset({"SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_WEEKDAY = re.compile(r"[+-]?(?:[1-9]|[1-4][0-9]|5[0-3])?(?:MO|TU|WE|TH|FR|SA|SU)")
_INT = re.compile(r"[+-]?[0-9]{1,9}")
_UNTIL = re.compile(r"[0-9]{8}(?:T[0-9]{6}Z)?")


def canonical_rrule(text: str) -> str:
    """An RRULE value in the form icalendar writes it: parts in RFC 5545's order.

    Only the parts a rule of this library can hold are accepted, each with a value of
    the form RFC 5545 gives it; anything else is refused rather than written.

    Raises:
        ExportError: a part or a value this writer does not know.
    """
    parts: dict[str, str] = {}
    for piece in text.split(";"):
        key, sep, value = piece.partition("=")
        key = key.upper()
        if not sep or key not in _RULE_ORDER or key in parts:
            raise ExportError(f"recurrence: {text!r} is not a recurrence rule this library writes")
        value = value.upper()
        if key == "FREQ":
            ok = value in _FREQS
        elif key in ("BYDAY", "WKST"):
            ok = all(_WEEKDAY.fullmatch(v) for v in value.split(",")) and (
                key == "BYDAY" or "," not in value
            )
        elif key == "UNTIL":
            ok = _UNTIL.fullmatch(value) is not None
        else:
            values = value.split(",")
            ok = all(_INT.fullmatch(v) for v in values) and (
                key not in ("COUNT", "INTERVAL") or len(values) == 1
            )
            if ok:
                value = ",".join(str(int(v)) for v in values)
        if not ok:
            raise ExportError(f"recurrence: {text!r} is not a recurrence rule this library writes")
        parts[key] = value
    if "FREQ" not in parts:
        raise ExportError(f"recurrence: {text!r} has no FREQ")
    return ";".join(f"{k}={parts[k]}" for k in _RULE_ORDER if k in parts)


# --- one action -----------------------------------------------------------------------------


def reminder_shift(action: Action) -> timedelta:
    """How much earlier than the send time the event stands: the reminder falls in the
    candidate's hours (``Action.remind_at``); the whole series moves with the first."""
    return timedelta(0) if action.remind_at is None else action.remind_at - action.due


def description(action: Action) -> str:
    """The DESCRIPTION: why this date, when to send, what to do, the draft and the links."""
    parts = [f"Why this date: {action.reason}"]
    if reminder_shift(action):
        from followup.lang import language

        send = action.due
        city = action.timezone.rsplit("/", 1)[-1].replace("_", " ")
        when = f"{send:%H:%M} on {fmt_day(send.date())}"
        parts.append("When to send: " + language().phrase("notes.send_at", send=when, city=city))
    if action.notes:
        parts.append(f"What to do: {action.notes}")
    msg = action.message
    if msg is not None:
        to = action.recipient.name if action.recipient else "the recipient"
        parts.append("What to do: " + channels.get(msg.channel).instruction.format(to=to))
        draft = (f"Subject: {msg.subject}\n\n" if msg.subject else "") + msg.body
        parts.append("Draft:\n" + draft)
    links: list[str] = []
    if msg is not None and channels.get(msg.channel).address == "email":
        links.append(f"Open the draft in your mail app: {msg.mailto()}")
    if action.recipient is not None and action.recipient.linkedin:
        links.append(f"LinkedIn profile: {action.recipient.linkedin}")
    for link in action.links:
        if not any(link in x for x in links):
            links.append(f"Link: {link}")
    if links:
        parts.append("Links:\n" + "\n".join(links))
    return clean_text("\n\n".join(parts))


def local(moment: datetime, zone: str) -> datetime:
    """``moment`` in ``zone`` (in UTC for the zones written as UTC)."""
    if zone in UTC_ZONES:
        return moment.astimezone(UTC)
    return moment.astimezone(zoneinfo.ZoneInfo(zone))


@dataclass(slots=True)
class Entry:
    """The values of one VEVENT or VTODO, ready to write."""

    todo: bool
    uid: str
    tzid: str | None  # the TZID written; None: UTC (``Z``)
    start: datetime  # aware, in the action's zone (UTC when tzid is None)
    end: datetime
    recurrence_id: datetime | None
    rrule: str | None  # canonical (see canonical_rrule)
    summary: str
    description: str
    status: str
    action: str
    alarm: timedelta | None
    digest: str
    stamp: datetime  # UTC
    sequence: int = 0
    source: str | None = None  # X-FOLLOWUP-SOURCE: where the interview came from (its file)


def entries(
    action: Action,
    *,
    domain: str,
    stamp: datetime,
    todo: bool,
    alarm: timedelta | None,
    duration: timedelta,
    tzid: str | None = None,
    source: str | None = None,
) -> list[Entry]:
    """The components of one action: the event (or series) and its overrides.

    Args:
        action: The action.
        domain: The UID domain.
        stamp: The DTSTAMP (UTC).
        todo: VTODO rather than VEVENT.
        alarm: The DISPLAY alarm's lead time, or None.
        duration: The length of the event (DTEND or DUE minus DTSTART).
        tzid: The TZID to write instead of the action's zone (a merge may need
            another name for it, see ``docs/calendar.md``); empty for UTC.
        source: A token naming where the interview came from (``X-FOLLOWUP-SOURCE``),
            already checked (see `check_sources`).
    """
    uid = uid_for(action, domain)
    summary = clean_line(action.title)
    text = description(action)
    if todo:
        status = {
            Status.DONE: "COMPLETED",
            Status.CANCELLED: "CANCELLED",
        }.get(action.status, "NEEDS-ACTION")
    else:
        status = "CANCELLED" if action.status is Status.CANCELLED else "CONFIRMED"
    with_alarm = alarm is not None and action.status not in (Status.CANCELLED, Status.DONE)
    zone = action.timezone
    written: str | None = None if zone in UTC_ZONES else zone
    renamed = tzid is not None and (tzid or None) != written
    if tzid is not None:
        written = tzid or None
    action_id = ascii_id(action.id)
    rec = action.recurrence
    rrule = None if rec is None else rec.rrule
    rule = None if rrule is None else canonical_rrule(rrule)
    # A series starts at the rule's first occurrence even when a holiday or a snooze moved
    # that one: the move is an override, and a DTSTART off the rule is expanded differently
    # by different clients (RFC 5545 leaves it undefined).
    first = rec.planned[0] if rec is not None else action.due
    pairs: list[tuple[datetime | None, datetime]] = [(None, first)]
    if rec is not None:
        pairs.extend(rec.moved)
    shift = reminder_shift(action)
    out = []
    for planned, start in pairs:
        begin = local(start + shift, zone)
        rid = None if planned is None else local(planned + shift, zone)
        own_rule = rrule if planned is None else None
        # The hash covers every value written but DTSTAMP, SEQUENCE and the source, so a merge
        # can tell a changed action (a moved file is not a change of its reminders). It is taken over the values rather than the serialised component;
        # the description (the longest value) goes in as UTF-8 after a NUL rather than
        # through repr(), which cost as much as the hash.
        values: tuple[object, ...] = (
            "v3",
            todo,
            uid,
            rid,
            begin,
            zone,
            duration,
            own_rule,
            summary,
            status,
            action.id,
            alarm if with_alarm else None,
        )
        if renamed:
            values += (written,)
        hasher = hashlib.sha256(repr(values).encode("utf-8"))
        hasher.update(b"\0" + text.encode("utf-8", "surrogatepass"))
        if written is None and begin.tzinfo is not UTC:
            # A zone written as UTC in a merge (see docs/calendar.md): the same instants.
            begin = begin.astimezone(UTC)
            rid = None if rid is None else rid.astimezone(UTC)
        out.append(
            Entry(
                todo=todo,
                uid=uid,
                tzid=written,
                start=begin,
                end=begin + duration,
                recurrence_id=rid,
                rrule=rule if planned is None else None,
                summary=summary,
                description=text,
                status=status,
                action=action_id,
                alarm=alarm if with_alarm else None,
                digest=hasher.hexdigest()[:16],
                stamp=stamp,
                source=source,
            )
        )
    return out


# --- a whole calendar -----------------------------------------------------------------------

Span = tuple[datetime, datetime]


def spans(actions: Iterable[Action], duration: timedelta) -> dict[str, Span]:
    """Per zone, the first and last instant its events need (every planned and actual
    occurrence, and the end of the last)."""
    out: dict[str, Span] = {}
    for a in actions:
        if a.timezone in UTC_ZONES:
            continue
        occ = a.recurrence.planned + a.recurrence.occurrences if a.recurrence else (a.due,)
        shift = reminder_shift(a)
        lo, hi = min(occ) + min(shift, timedelta(0)), max(occ) + duration
        old = out.get(a.timezone)
        out[a.timezone] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))
    return out


@dataclass(slots=True)
class Prepared:
    """Everything one calendar holds, worked out: what both writers take."""

    name: str
    zones: list[tuple[str, datetime, datetime]]  # (tzid, first instant, last instant), sorted
    entries: list[Entry]


def sort_key(domain: str) -> Callable[[Action], tuple[datetime, str]]:
    """The order of the events in a calendar: by due time, then UID."""
    return lambda a: (a.due, uid_for(a, domain))


def prepare(
    source: Source,
    *,
    name: str,
    domain: str,
    todo: bool,
    alarm: timedelta | None,
    duration: timedelta,
    stamp: datetime | None,
    sources: Mapping[str, str] | None = None,
) -> Prepared:
    """Check the options and work out the calendar (see the module's docstring).

    Raises:
        ExportError: bad domain, alarm or duration, naive stamp, or mixed inputs.
    """
    check_domain(domain)
    check_options(alarm, duration)
    tokens = check_sources(sources)
    items = materialise(source)
    dtstamp = stamp_of(items, stamp)
    actions = sorted(actions_of(items), key=sort_key(domain))
    out: list[Entry] = []
    for a in actions:
        out.extend(
            entries(
                a,
                domain=domain,
                stamp=dtstamp,
                todo=todo,
                alarm=alarm,
                duration=duration,
                source=tokens.get(interview_prefix(a)),
            )
        )
    zones = [(tzid, lo, hi) for tzid, (lo, hi) in sorted(spans(actions, duration).items())]
    return Prepared(name=clean_line(name), zones=zones, entries=out)
