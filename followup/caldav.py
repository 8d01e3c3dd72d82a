"""CalDAV sync: the reminders of a job search kept up to date in a calendar on a server.

Importing an ``.ics`` file is a one-shot act: Google Calendar and Outlook do not
update events from a re-imported file. [`sync`][followup.caldav.sync] puts every live action of
one or more timelines in a CalDAV calendar (Fastmail, Nextcloud, iCloud,
Radicale, ...) as one calendar object per action, and keeps it right:

* each object holds the same components as the ``.ics`` export of that action
  (same UID, same properties, the VTIMEZONEs it uses), plus one property,
  ``X-FOLLOWUP-CONTENT``: a fingerprint of what a person can edit (times,
  texts, status, alarms) as sync wrote it, so that an edit made in a calendar
  app is noticed and never overwritten;
* what is new is created (``PUT`` with ``If-None-Match: *``); what changed is
  updated (``PUT`` with ``If-Match`` on the object's ETag, SEQUENCE raised);
  what no longer applies is **cancelled**, not deleted: written with
  ``STATUS:CANCELLED``, a higher SEQUENCE and no alarm, as the ``.ics`` export
  and ``--merge`` do, so that it says why (the cancellation reason is in the
  description) and shows as cancelled wherever the event was copied;
* the changes come from `followup.changes.diff`, keyed by UID, with the
  export's ``X-FOLLOWUP-HASH`` as the content test: a second sync with nothing
  changed sends no write;
* only objects whose UID is of the export's domain, whose interview is one of
  those synced, and which carry ``X-FOLLOWUP-HASH`` are ever written; every
  other object in the calendar is read, never touched.

Edits made in a calendar app: an object whose fingerprint no longer matches its
content was edited by a person. When the plan changes such an object, sync
keeps the person's version, does not write, and reports a conflict (exit 1 in
the CLI; delete the event in the calendar to get the plan's version back on
the next run). When the plan cancels it, sync cancels the person's version
(their times and texts kept). A ``412 Precondition Failed`` (someone edited the
object between sync's read and its write) is handled the same way after the
object is fetched again.

Credentials come from ``FOLLOWUP_CALDAV_USER`` / ``FOLLOWUP_CALDAV_PASSWORD``,
from ``~/.netrc``, or from the system keyring (with the ``keyring`` package),
never from an argument list; no message, report or exception holds the
password. HTTPS is required except for loopback addresses.

This module is an edge: it imports ``caldav`` (the ``followup[caldav]`` extra)
only when a connection is made, and nothing in the core imports it.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import netrc
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urljoin, urlsplit, urlunsplit

import attrs

from followup.changes import diff
from followup.errors import SyncError

if TYPE_CHECKING:
    import icalendar

    from followup.timeline import Action, Timeline

__all__ = [
    "ENV_PASSWORD",
    "ENV_USER",
    "KEYRING_SERVICE",
    "Calendar",
    "Credentials",
    "SyncPlan",
    "SyncReport",
    "SyncStep",
    "connect",
    "find_credentials",
    "sync",
]

ENV_USER = "FOLLOWUP_CALDAV_USER"
"""The environment variable holding the CalDAV user name."""
ENV_PASSWORD = "FOLLOWUP_CALDAV_PASSWORD"
"""The environment variable holding the CalDAV password (or app-specific password)."""
KEYRING_SERVICE = "followup-caldav"
"""The keyring service name: passwords are stored as ``followup-caldav:<host>``."""

INSTALL_HINT = "install the caldav extra: pip install -e '.[caldav]' in your clone of followup"
_CONTENT = "X-FOLLOWUP-CONTENT"
_HASH = "X-FOLLOWUP-HASH"
_SOURCE = "X-FOLLOWUP-SOURCE"
_ICAL_TYPE = "text/calendar; charset=utf-8"
_DEFAULT_TIMEOUT = 30.0
# What a person can change in a calendar app, per component; the fingerprint covers these.
_EDITABLE = (
    "RECURRENCE-ID",
    "DTSTART",
    "DTEND",
    "DUE",
    "DURATION",
    "RRULE",
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "STATUS",
)

_Source = Any  # a Timeline, or an iterable of timelines (or actions), as for to_ical


# --- credentials ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Credentials:
    """A user name and password for a CalDAV server, and where they were found.

    The password never shows in ``repr()`` or ``str()``.

    Args:
        user: The user name (``None`` with no credentials).
        password: The password or app-specific password.
        source: Where they came from: ``"environment"``, ``"~/.netrc"``,
            ``"keyring"``, ``"given"`` or ``"none"``.
    """

    user: str | None = None
    password: str | None = attrs.field(default=None, repr=False)
    source: str = "none"

    def __str__(self) -> str:
        """``user (from source)``, never the password."""
        if self.user is None:
            return "no credentials"
        return f"{self.user!r} (from {self.source})"


def find_credentials(
    url: str,
    *,
    environ: Mapping[str, str] | None = None,
    netrc_file: str | os.PathLike[str] | None = None,
    use_keyring: bool = True,
) -> Credentials:
    """The credentials for ``url``: environment, then ``~/.netrc``, then the keyring.

    1. ``FOLLOWUP_CALDAV_USER`` and ``FOLLOWUP_CALDAV_PASSWORD``;
    2. the ``machine`` entry for the URL's host in ``~/.netrc`` (or ``$NETRC``);
    3. the system keyring, when the ``keyring`` package is installed: the
       password of service ``followup-caldav:<host>`` for the user named by
       ``FOLLOWUP_CALDAV_USER`` (or the one credential stored for that service).

    A user name from the environment with no password there is completed from
    the netrc entry or the keyring for that user.

    Args:
        url: The server's URL (only its host is used).
        environ: The environment (default ``os.environ``).
        netrc_file: The netrc file (default ``$NETRC`` or ``~/.netrc``).
        use_keyring: Whether to ask the system keyring.

    Returns:
        The credentials; ``Credentials()`` (source ``"none"``) when none were found.

    Raises:
        SyncError: the netrc file exists but cannot be read or parsed.
    """
    env = os.environ if environ is None else environ
    host = (urlsplit(url).hostname or "").lower()
    user = env.get(ENV_USER) or None
    password = env.get(ENV_PASSWORD) or None
    if password is not None:
        if user is None:
            raise SyncError(
                f"{ENV_PASSWORD} is set but {ENV_USER} is not: set the user name too", url=url
            )
        return Credentials(user=user, password=password, source="environment")
    entry = _netrc_entry(host, env, netrc_file)
    if entry is not None and entry[1] and (user is None or user == entry[0]):
        return Credentials(user=entry[0], password=entry[1], source="~/.netrc")
    if use_keyring:
        found = _keyring_entry(host, user)
        if found is not None:
            return Credentials(user=found[0], password=found[1], source="keyring")
    if user is not None:
        return Credentials(user=user, password=None, source="environment")
    return Credentials()


def _netrc_entry(
    host: str, env: Mapping[str, str], path: str | os.PathLike[str] | None
) -> tuple[str, str] | None:
    name = Path(path) if path is not None else Path(env.get("NETRC") or Path.home() / ".netrc")
    if not name.is_file():
        return None
    try:
        auth = netrc.netrc(os.fspath(name)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:
        # The parser's message may quote a token of the file: say where, not what.
        line = getattr(exc, "lineno", None)
        where = f"{name}:{line}" if line else str(name)
        why = "it is readable by others" if "permissive" in str(exc) else "it cannot be read"
        raise SyncError(
            f"{where}: {why}; fix the file (chmod 600 {name}), or use {ENV_USER} and {ENV_PASSWORD}"
        ) from None
    if auth is None:
        return None
    login, _account, password = auth
    return (login, password) if login and password else None


def _keyring_entry(host: str, user: str | None) -> tuple[str, str] | None:
    try:
        import keyring
    except ImportError:
        return None
    service = f"{KEYRING_SERVICE}:{host}"
    try:
        if user is not None:
            password = keyring.get_password(service, user)
            return (user, password) if password else None
        cred = keyring.get_credential(service, None)
    except Exception:  # no usable backend, a locked keyring: as if nothing were stored
        return None
    if cred is None or not cred.username or not cred.password:
        return None
    return (cred.username, cred.password)


# --- URLs ----------------------------------------------------------------------------------


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_url(url: str, *, insecure_http: bool) -> str:
    """The URL, checked: http(s), a host, no credentials in it, HTTPS unless loopback."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port
    except ValueError:
        raise SyncError(
            "the CalDAV URL is not a valid URL: give one like https://caldav.example.com/dav/"
        ) from None
    if parts.scheme not in ("http", "https") or not host:
        raise SyncError(
            "the CalDAV URL must start with https:// and name a server, "
            "like https://caldav.example.com/dav/"
        )
    if parts.username is not None or parts.password is not None:
        # Never echo it: the URL holds a password.
        raise SyncError(
            "the CalDAV URL holds a user name or password: remove it from the URL and set "
            f"{ENV_USER} and {ENV_PASSWORD}, or use ~/.netrc or the keyring"
        )
    if parts.scheme == "http" and not _is_loopback(host.lower()) and not insecure_http:
        raise SyncError(
            f"{url}: plain http would send the password unencrypted; use https, or allow "
            "plain http with --insecure-http (insecure_http=True in Python) on a network "
            "you trust",
            url=url,
        )
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


# --- what sync does -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SyncStep:
    """One calendar object that sync creates, updates, cancels, or will not touch.

    Args:
        kind: ``"create"``, ``"update"``, ``"cancel"`` or ``"conflict"``.
        uid: The object's UID (``<interview>/<action id>@<domain>``).
        title: The reminder's title (its SUMMARY).
        fields: For an update, what changed (``"content"`` for the export's
            content, ``"live"`` for an action that applies again).
        detail: Why, for a conflict; or what else to know.
        done: Whether the server confirmed the write (always ``False`` in a plan
            and for a conflict).
        error: Why the write failed, when it did.
    """

    kind: str
    uid: str
    title: str
    fields: tuple[str, ...] = ()
    detail: str = ""
    done: bool = False
    error: str | None = None

    @property
    def action(self) -> str:
        """``<interview>/<action id>``: the UID without its domain."""
        return self.uid.rpartition("@")[0] or self.uid


@attrs.frozen(kw_only=True)
class SyncPlan:
    """What a sync would do to one calendar, read from the server (a dry run).

    Args:
        url: The calendar's URL.
        name: The calendar's display name, when it has one.
        create_calendar: The calendar does not exist yet and would be created.
        steps: The creates, updates, cancels and conflicts, in the export's order.
        unchanged: How many of this library's objects need nothing done.
    """

    url: str
    name: str | None = None
    create_calendar: bool = False
    steps: tuple[SyncStep, ...] = ()
    unchanged: int = 0
    _writes: tuple[_Write, ...] = attrs.field(default=(), repr=False, eq=False, alias="writes")

    @property
    def conflicts(self) -> tuple[SyncStep, ...]:
        """The objects edited in the calendar that the plan would have changed."""
        return tuple(s for s in self.steps if s.kind == "conflict")


@attrs.frozen(kw_only=True)
class SyncReport:
    """What a sync did.

    Args:
        url: The calendar's URL.
        name: The calendar's display name, when it has one.
        created_calendar: The calendar was created by this run (in a dry run: it
            does not exist yet and would be).
        steps: Every step of the plan, each with ``done`` and ``error`` filled in
            (steps after a lost connection are neither done nor failed: not tried).
        unchanged: How many of this library's objects needed nothing done.
        requests: HTTP requests sent, by method (``{"PROPFIND": 2, "REPORT": 1}``),
            authentication round trips included.
        dry_run: Nothing was written.
    """

    url: str
    name: str | None = None
    created_calendar: bool = False
    steps: tuple[SyncStep, ...] = ()
    unchanged: int = 0
    requests: Mapping[str, int] = attrs.field(factory=dict)
    dry_run: bool = False

    @property
    def writes(self) -> int:
        """How many write requests (PUT, DELETE, MKCALENDAR, PROPPATCH, ...) were sent."""
        return sum(
            n
            for method, n in self.requests.items()
            if method not in ("GET", "PROPFIND", "REPORT", "OPTIONS", "HEAD")
        )

    @property
    def failed(self) -> tuple[SyncStep, ...]:
        """Steps that were tried and failed."""
        return tuple(s for s in self.steps if s.error is not None)

    @property
    def conflicts(self) -> tuple[SyncStep, ...]:
        """Objects edited in the calendar that were left as they are."""
        return tuple(s for s in self.steps if s.kind == "conflict")

    @property
    def ok(self) -> bool:
        """Every step was done and there was no conflict."""
        return self.dry_run or all(s.done for s in self.steps)


@attrs.frozen(kw_only=True)
class _Write:
    """The request behind one step: where, what, and on which version."""

    step: int
    href: str
    body: bytes
    etag: str | None  # None: create (If-None-Match: *)
    uid: str
    new_hashes: tuple[str, ...]
    cancel: bool
    sequence: int | None = None  # the export's object at this SEQUENCE (body filled in later)


# --- objects: the export's, split per UID, and the server's ---------------------------------


@attrs.frozen(kw_only=True)
class _Object:
    uid: str
    hashes: tuple[str, ...]
    live: bool
    title: str
    sequence: int = 0
    # The export's side: the per-object calendar; the server's: its parsed data.
    calendar: Any = attrs.field(default=None, eq=False, repr=False)
    href: str | None = None
    etag: str | None = None
    edited: bool = False
    source: str | None = None  # X-FOLLOWUP-SOURCE: which file wrote it (docs/calendar.md)


def _events(cal: icalendar.Calendar, uid: str | None = None) -> list[icalendar.Component]:
    return [
        c
        for c in cal.subcomponents
        if c.name in ("VEVENT", "VTODO") and (uid is None or str(c.get("UID", "")) == uid)
    ]


def _export_objects(
    source: _Source, *, sequences: Mapping[str, int] | None = None, **options: Any
) -> list[_Object]:
    """The export of ``source`` as CalDAV objects: [`followup.ical.calendar_objects`][followup.ical.calendar_objects].

    Each object is the export's own VCALENDAR for one UID (its components, the
    VTIMEZONEs they use), the same bytes the calendar package writes.
    """
    from followup.ical import calendar_objects
    from followup.model import Status

    return [
        _Object(
            uid=o.uid,
            hashes=tuple(sorted(o.digests)),
            live=o.action.status is not Status.CANCELLED,
            title=o.action.title,
            calendar=o,
            source=o.source,
        )
        for o in calendar_objects(source, sequences=sequences, **options)
    ]


def _source_of(comps: Sequence[icalendar.Component]) -> str | None:
    found = {str(c[_SOURCE]).strip() for c in comps if _SOURCE in c}
    return found.pop() if len(found) == 1 else None


def _tzids(comp: icalendar.Component) -> set[str]:
    found = set()
    for c in comp.walk():
        for value in c.values():
            for v in value if isinstance(value, list) else [value]:
                tzid = getattr(v, "params", {}).get("TZID")
                if tzid:
                    found.add(str(tzid))
    return found


def _live(comps: Sequence[icalendar.Component]) -> bool:
    masters = [c for c in comps if "RECURRENCE-ID" not in c] or list(comps)
    return any(str(c.get("STATUS", "")).upper() != "CANCELLED" for c in masters)


def _fingerprint(comps: Iterable[icalendar.Component]) -> str:
    """A hash of what a person can edit, as parsed (so a server's re-serialisation keeps it)."""
    rows = []
    for c in comps:
        row: list[object] = [c.name]
        for name in _EDITABLE:
            value = c.get(name)
            if value is None:
                row.append(None)
                continue
            params = getattr(value, "params", {})
            row.append(
                (_value_bytes(value), str(params.get("TZID", "")), str(params.get("VALUE", "")))
            )
        row.append(sorted(_value_bytes(a.get("TRIGGER")) for a in c.walk("VALARM")))
        rows.append(repr(row))
    return hashlib.sha256("\n".join(sorted(rows)).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _value_bytes(value: Any) -> bytes:
    if value is None:
        return b""
    if isinstance(value, list):
        return b",".join(_value_bytes(v) for v in value)
    to_ical = getattr(value, "to_ical", None)
    if to_ical is not None:
        raw = to_ical()
        return raw if isinstance(raw, bytes) else str(raw).encode("utf-8")
    return str(value).encode("utf-8")


def _sequence(comps: Iterable[icalendar.Component]) -> int:
    seq = 0
    for c in comps:
        with contextlib.suppress(TypeError, ValueError):
            seq = max(seq, int(str(c.get("SEQUENCE", 0))))
    return seq


def _server_object(
    href: str,
    etag: str | None,
    data: str,
    *,
    domain: str,
    keys: set[str],
    sources: frozenset[str] = frozenset(),
) -> _Object | None:
    """One object of the calendar, if this library wrote it for one of ``keys``; else None.

    An object of another key that names one of ``sources`` (the files being synced) is
    taken too: the file wrote it before its key changed (docs/calendar.md, "Editing the
    interview file"), and the sync cancels it.
    """
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception:  # an object that does not parse is nobody's we know: never touched
        return None
    comps = _events(cal)
    uids = {str(c.get("UID", "")) for c in comps}
    if len(uids) != 1:
        return None
    uid = uids.pop()
    local, _, dom = uid.rpartition("@")
    key = local.split("/", 1)[0]
    if dom != domain or "/" not in local:
        return None
    if key not in keys and (not sources or _source_of(comps) not in sources):
        return None
    if not all(_HASH in c for c in comps):
        return None
    stored = {str(c[_CONTENT]) for c in comps if _CONTENT in c}
    edited = stored != {_fingerprint(comps)}
    return _Object(
        uid=uid,
        hashes=tuple(sorted(str(c[_HASH]) for c in comps)),
        live=_live(comps),
        title=str(comps[0].get("SUMMARY", "")),
        sequence=_sequence(comps),
        calendar=cal,
        href=href,
        etag=etag,
        edited=edited,
        source=_source_of(comps),
    )


def _with_content(data: bytes) -> bytes:
    """The export's object bytes with ``X-FOLLOWUP-CONTENT`` added to each component.

    The fingerprint is taken over the object as parsed (so a server's
    re-serialisation keeps it), and the line goes in after the component's own
    properties, before its alarm: every other byte is the export's.
    """
    import icalendar

    mark = b"X-FOLLOWUP-CONTENT:" + _fingerprint(_events(icalendar.Calendar.from_ical(data))).encode()
    out: list[bytes] = []
    pending = False
    for line in data.split(b"\r\n"):
        if line in (b"BEGIN:VEVENT", b"BEGIN:VTODO"):
            pending = True
        elif pending and line in (b"BEGIN:VALARM", b"END:VEVENT", b"END:VTODO"):
            out.append(mark)
            pending = False
        out.append(line)
    return b"\r\n".join(out)


def _cancelled_copy(
    server: _Object, *, stamp: datetime, new_hashes: tuple[str, ...] | None
) -> bytes:
    """The server's own version, cancelled: its times and texts (a person's edit) kept."""
    import icalendar

    cal = icalendar.Calendar.from_ical(server.calendar.to_ical())
    comps = _events(cal)
    seq = server.sequence + 1
    for i, c in enumerate(comps):
        for sub in list(c.subcomponents):
            if sub.name == "VALARM":
                c.subcomponents.remove(sub)
        c["STATUS"] = icalendar.vText("CANCELLED")
        c["SEQUENCE"] = icalendar.vInt(seq)
        c["DTSTAMP"] = icalendar.vDDDTypes(stamp)
        # The export's hash of the cancelled action, so the next run finds nothing to do.
        value = new_hashes[min(i, len(new_hashes) - 1)] if new_hashes else "cancelled"
        c[_HASH] = icalendar.vText(value)
    return bytes(cal.to_ical())


def _href_name(uid: str) -> str:
    """A resource name for a new object: readable, URL-safe, one per UID."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-._") else "-" for ch in uid)
    digest = hashlib.sha256(uid.encode("utf-8")).hexdigest()[:10]
    return f"{safe[:120]}-{digest}.ics"


def _fields(server: _Object, export: _Object) -> tuple[str, ...]:
    if server.hashes != export.hashes:
        return ("content",)
    if export.source is not None and server.source != export.source:
        # The same reminder from a moved file (or written before objects carried their
        # source): only the mark is rewritten, so a later change of the file's key is
        # recognised. Not a change a client acts on: the SEQUENCE stays.
        return ("source",)
    return ()


def _plan(
    url: str,
    name: str | None,
    server: list[_Object] | None,
    new: list[_Object],
    *,
    stamp: datetime,
) -> SyncPlan:
    before = server or []
    changes = diff(
        before,
        new,
        key=lambda o: o.uid,
        fields=_fields,
        live=lambda o: o.live,
    )
    on_server = {o.uid: o for o in before}
    new_by_uid = {o.uid: o for o in new}
    steps: list[SyncStep] = []
    writes: list[_Write] = []

    def write(
        step: SyncStep, href: str, body: bytes | int, etag: str | None, cancel: bool
    ) -> None:
        # An int: the export's object at that SEQUENCE, rendered for every write at once.
        writes.append(
            _Write(
                step=len(steps),
                href=href,
                body=body if isinstance(body, bytes) else b"",
                etag=etag,
                uid=step.uid,
                new_hashes=new_by_uid[step.uid].hashes if step.uid in new_by_uid else (),
                cancel=cancel,
                sequence=body if isinstance(body, int) else None,
            )
        )
        steps.append(step)

    for obj in changes.added:
        step = SyncStep(kind="create", uid=obj.uid, title=obj.title)
        write(step, urljoin(url, _href_name(obj.uid)), 0, None, False)
    for change in changes.changed:
        old, obj = change.before, change.after
        fields = change.fields if old.live or not obj.live else ("live",)
        if fields == ("source",):
            if not old.edited:  # an edited one keeps the person's version, mark and all
                step = SyncStep(kind="update", uid=obj.uid, title=obj.title, fields=fields)
                assert old.href is not None
                write(step, old.href, old.sequence, old.etag, False)
            continue
        if old.edited:
            steps.append(
                SyncStep(
                    kind="conflict",
                    uid=obj.uid,
                    title=old.title,
                    fields=fields,
                    detail="edited in the calendar since followup wrote it; the plan changed "
                    "too, and your version was kept: delete the event in the calendar to get "
                    "the plan's version on the next sync",
                )
            )
            continue
        step = SyncStep(kind="update", uid=obj.uid, title=obj.title, fields=fields)
        assert old.href is not None
        write(step, old.href, old.sequence + 1, old.etag, False)
    for item in changes.cancelled:
        old = on_server[item.uid]
        assert old.href is not None
        replacement = new_by_uid.get(item.uid)
        body: bytes | int
        if old.edited or replacement is None:
            detail = "your edit of its time and text was kept" if old.edited else ""
            body = _cancelled_copy(
                old, stamp=stamp, new_hashes=replacement.hashes if replacement else None
            )
        else:
            detail = ""
            body = old.sequence + 1
        step = SyncStep(kind="cancel", uid=item.uid, title=old.title, detail=detail)
        write(step, old.href, body, old.etag, True)
    return SyncPlan(
        url=url,
        name=name,
        create_calendar=server is None,
        steps=tuple(steps),
        unchanged=changes.unchanged,
        writes=tuple(writes),
    )


# --- the connection --------------------------------------------------------------------------


class Calendar:
    """A connection to one CalDAV calendar; [`connect`][followup.caldav.connect] makes one.

    Use [`plan`][followup.plan] to read what a sync would do (a dry run) and [`apply`][followup.caldav.Calendar.apply]
    to do it; [`sync`][followup.caldav.sync] does both. Between the two, someone may edit an
    object in their calendar: [`apply`][followup.caldav.Calendar.apply] then gets ``412 Precondition
    Failed``, fetches the object again and decides as [`plan`][followup.plan] would.

    Attributes:
        url: The calendar's URL (no credentials in it).
        name: The calendar's display name, when known.
        requests: HTTP requests sent so far, by method.
    """

    def __init__(
        self,
        url: str,
        *,
        calendar: str | None = None,
        credentials: Credentials,
        insecure_http: bool = False,
        timeout: float = _DEFAULT_TIMEOUT,
        log: Callable[[str], None] | None = None,
    ) -> None:
        try:
            from caldav.davclient import DAVClient
        except ImportError:
            raise SyncError(f"CalDAV sync needs the caldav package: {INSTALL_HINT}") from None
        self._base = _check_url(url, insecure_http=insecure_http)
        self.url = self._base
        self.name: str | None = None
        self._wanted = calendar
        self._exists = True
        self._credentials = credentials
        self._timeout = timeout
        self._log = log
        self.requests: dict[str, int] = {}
        with self._guard("connect to", self._base):
            self._client = DAVClient(
                url=self._base,
                username=credentials.user,
                password=credentials.password,
                timeout=cast(Any, timeout),  # niquests takes seconds as a float too
                enable_rfc6764=False,
            )
        session_request = self._client.session.request

        def counted(method: str, target: str, *args: Any, **kwargs: Any) -> Any:
            self.requests[method] = self.requests.get(method, 0) + 1
            response = session_request(method, target, *args, **kwargs)
            if self._log is not None:
                # Method, URL and status only: never a header (Authorization) or a body.
                self._log(f"{method} {_strip(target)} -> {getattr(response, 'status_code', '?')}")
            return response

        setattr(self._client.session, "request", counted)  # noqa: B010 - count every request
        self._open()

    # -- errors at the boundary: the library's exceptions never leave this class ----------

    def _scrub(self, text: str) -> str:
        password = self._credentials.password
        if password:
            text = text.replace(password, "***")
        return text

    @contextlib.contextmanager
    def _guard(self, what: str, url: str) -> Iterator[None]:
        try:
            yield
        except SyncError:
            raise
        except Exception as exc:
            # from None: the cause (a niquests or caldav exception) may carry headers or a body.
            raise SyncError(self._scrub(self._explain(exc, what, url)), url=url) from None

    def _explain(self, exc: Exception, what: str, url: str) -> str:
        status = getattr(exc, "status", None)
        name = type(exc).__name__
        user = self._credentials.user
        where = _strip(url)
        if name == "AuthorizationError" or status in (401, 403):
            if status == 403:
                return (
                    f"{where}: the server refused access (403 Forbidden) to user {user!r}: "
                    "check the URL (it must be a calendar of that account) and the account's rights"
                )
            if user is None:
                return (
                    f"{where}: the server wants a login (401 Unauthorized) and no credentials "
                    f"were found: set {ENV_USER} and {ENV_PASSWORD}, add the host to ~/.netrc, "
                    f"or store the password in the keyring ({KEYRING_SERVICE}:<host>)"
                )
            return (
                f"{where}: the server refused the login of user {user!r} (401 Unauthorized; "
                f"credentials from {self._credentials.source}): check the user name and password "
                "(iCloud and Fastmail need an app-specific password)"
            )
        if "Timeout" in name or isinstance(exc, TimeoutError):
            return f"{where}: no answer within {self._timeout:g} s while trying to {what} it (timed out)"
        if "SSL" in name or "Certificate" in name:
            return f"{where}: the TLS connection failed ({name}): check the URL and the server's certificate"
        if "Connection" in name or isinstance(exc, ConnectionError):
            refused = "refused" in str(exc).lower()
            why = (
                "connection refused: is the server running?"
                if refused
                else "check the URL and the network"
            )
            return f"{where}: cannot {what} the server ({why})"
        if isinstance(exc, OSError):
            return f"{where}: cannot {what} the server ({exc.strerror or name})"
        return (
            f"{where}: the server's answer is not valid CalDAV (malformed response: {name}) "
            f"while trying to {what} it"
        )

    def _check(self, response: Any, what: str, url: str, ok: Sequence[int]) -> None:
        status = int(getattr(response, "status", 0) or 0)
        if status in ok:
            return
        where = _strip(url)
        if status == 404:
            raise SyncError(
                f"{where}: not found (404) while trying to {what} it: check the calendar URL, "
                "or give the account's URL with --calendar NAME to find or create a calendar",
                url=where,
            )
        if status == 403:
            raise SyncError(
                f"{where}: the server refused access (403 Forbidden) to user "
                f"{self._credentials.user!r} while trying to {what} it",
                url=where,
            )
        reason = self._scrub(str(getattr(response, "reason", "") or ""))
        raise SyncError(
            f"{where}: the server answered {status} {reason} while trying to {what} it".rstrip(),
            url=where,
        )

    # -- finding the calendar ------------------------------------------------------------------

    def _open(self) -> None:
        from caldav.elements import dav

        if self._wanted is None:
            with self._guard("read", self._base):
                r = self._client.propfind(
                    self._base, props=["{DAV:}resourcetype", "{DAV:}displayname"], depth=0
                )
            self._check(r, "read", self._base, (200, 207))
            with self._guard("read", self._base):
                props = r.expand_simple_props([dav.DisplayName()], [dav.ResourceType()])
            mine = _own_props(props, self._base)
            types = mine.get(dav.ResourceType.tag) or []
            if not any("calendar" in str(t) for t in types):
                raise SyncError(
                    f"{self._base}: this is not a calendar (a CalDAV calendar collection): give "
                    "the calendar's URL, or the account's URL with --calendar NAME",
                    url=self._base,
                )
            self.name = mine.get(dav.DisplayName.tag) or None
            return
        with self._guard("find the calendars of", self._base):
            principal: Any = self._client.get_principal()
            calendars = principal.calendars()
            found = None
            for cal in calendars:
                if cal.get_display_name() == self._wanted:
                    found = cal
                    break
        self._principal = principal
        self.name = self._wanted
        if found is None:
            self._exists = False
            return
        self.url = str(found.url)

    def _create_calendar(self) -> None:
        with self._guard("create a calendar on", self._base):
            cal = self._principal.make_calendar(name=self._wanted)
        self.url = str(cal.url)
        self._exists = True

    # -- reading ---------------------------------------------------------------------------------

    def _list(
        self, *, domain: str, keys: set[str], sources: frozenset[str] = frozenset()
    ) -> list[_Object]:
        from caldav.elements import cdav, dav

        query = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            "<D:prop><D:getetag/><C:calendar-data/></D:prop>"
            '<C:filter><C:comp-filter name="VCALENDAR"/></C:filter>'
            "</C:calendar-query>"
        )
        with self._guard("read", self.url):
            r = self._client.report(self.url, query, depth=1)
        self._check(r, "read", self.url, (207,))
        with self._guard("read", self.url):
            found = r.expand_simple_props([dav.GetEtag()], [cdav.CalendarData()])
        out = []
        for href, props in found.items():
            data = props.get(cdav.CalendarData.tag)
            text = data[0] if isinstance(data, list) and data else data
            if not isinstance(text, str) or not text.strip():
                continue
            obj = _server_object(
                urljoin(self.url, href),
                props.get(dav.GetEtag.tag) or None,
                text,
                domain=domain,
                keys=keys,
                sources=sources,
            )
            if obj is not None:
                out.append(obj)
        return out

    def _get(
        self, href: str, *, domain: str, keys: set[str], sources: frozenset[str] = frozenset()
    ) -> tuple[_Object | None, bool]:
        """The object at ``href`` as it is now: (ours or None, exists)."""
        with self._guard("read", href):
            r = self._client.request(href, "GET", "", {"Accept": "text/calendar"})
        status = int(getattr(r, "status", 0) or 0)
        if status in (404, 410):
            return None, False
        self._check(r, "read", href, (200,))
        raw = getattr(r, "raw", b"")
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        headers = getattr(r, "headers", {}) or {}
        etag = headers.get("ETag") or headers.get("Etag")
        return (
            _server_object(href, etag, text, domain=domain, keys=keys, sources=sources),
            True,
        )

    # -- the two halves of a sync ----------------------------------------------------------------

    def plan(self, source: _Source, **options: Any) -> SyncPlan:
        """What a sync of ``source`` would do: read the calendar, diff, nothing written.

        Args:
            source: A timeline, or several (one job search, one calendar).
            **options: As for [`followup.ical.to_ical`][followup.ical.to_ical] (``domain``, ``alarm``,
                ``duration``, ``todo``, ``stamp``, ``sources``); the calendar name is
                not used.

        Returns:
            The [`SyncPlan`][followup.caldav.SyncPlan].

        Raises:
            SyncError: the calendar cannot be read.
        """
        from followup.errors import ExportError
        from followup.ical import DEFAULT_DOMAIN, dtstamp, interview_keys
        from followup.ical._build import ascii_id

        items = source if _is_timeline(source) else list(source)
        options = {k: v for k, v in options.items() if k != "name"}
        try:
            new = _export_objects(items, **options)
            # The export's own rules: which interviews the objects belong to, and the DTSTAMP.
            self._keys = interview_keys(items)
            self._stamp = dtstamp(items, options.get("stamp"))
        except ExportError as exc:
            raise SyncError(str(exc)) from None
        domain = options.get("domain", DEFAULT_DOMAIN)
        self._domain = domain
        self._sources = frozenset(
            token
            for key, token in (options.get("sources") or {}).items()
            if ascii_id(key or "interview") in self._keys
        )
        server = (
            self._list(domain=domain, keys=self._keys, sources=self._sources)
            if self._exists
            else None
        )
        plan = _plan(self.url, self.name, server, new, stamp=self._stamp)
        return _rendered(plan, items, options)

    def apply(self, plan: SyncPlan) -> SyncReport:
        """Do what ``plan`` says; a step that meets an edit (412) is decided again.

        Args:
            plan: From [`plan`][followup.plan] on this connection.

        Returns:
            The [`SyncReport`][followup.caldav.SyncReport], every step marked done or failed.

        Raises:
            SyncError: the connection was lost or the calendar could not be
                created; its ``report`` says what was done before that.
        """
        created = False
        if plan.create_calendar:
            self._create_calendar()
            created = True
            plan = attrs.evolve(
                plan,
                url=self.url,
                writes=tuple(
                    attrs.evolve(w, href=urljoin(self.url, _href_name(w.uid))) for w in plan._writes
                ),
            )
        steps = list(plan.steps)
        for write in plan._writes:
            try:
                steps[write.step] = self._write(write, steps[write.step])
            except SyncError as exc:
                steps[write.step] = attrs.evolve(steps[write.step], error=str(exc))
                report = self._report(plan, steps, created)
                raise SyncError(
                    f"{exc}; {_summary_of_done(report)}", url=self.url, report=report
                ) from None
        return self._report(plan, steps, created)

    def _report(self, plan: SyncPlan, steps: list[SyncStep], created: bool) -> SyncReport:
        return SyncReport(
            url=self.url,
            name=plan.name,
            created_calendar=created,
            steps=tuple(steps),
            unchanged=plan.unchanged,
            requests=dict(self.requests),
        )

    def _put(self, href: str, body: bytes, etag: str | None) -> int:
        headers = {"Content-Type": _ICAL_TYPE}
        if etag is None:
            headers["If-None-Match"] = "*"
        else:
            headers["If-Match"] = etag
        with self._guard("write", href):
            r = self._client.put(href, body.decode("utf-8"), headers)
        return int(getattr(r, "status", 0) or 0)

    def _write(self, w: _Write, step: SyncStep, *, again: bool = False) -> SyncStep:
        status = self._put(w.href, w.body, w.etag)
        if status in (200, 201, 204):
            return attrs.evolve(step, done=True)
        if status != 412 or again:
            where = _strip(w.href)
            return attrs.evolve(step, error=f"{where}: the server answered {status} to the write")
        # 412: the object changed (or appeared) since it was read. Look again and decide.
        current, exists = self._get(
            w.href, domain=self._domain, keys=self._keys, sources=self._sources
        )
        if not exists:
            if w.etag is None:
                return attrs.evolve(
                    step, error=f"{_strip(w.href)}: the server refused to create it (412)"
                )
            # Deleted in the calendar meanwhile: a live action comes back, a cancelled one stays gone.
            if w.cancel:
                return attrs.evolve(step, done=True, detail="already deleted in the calendar")
            return self._write(attrs.evolve(w, etag=None), step, again=True)
        if current is None:
            return attrs.evolve(
                step,
                kind="conflict",
                detail="an object that followup did not write (or whose marks were removed) is at "
                f"{_strip(w.href)}; it was left as it is",
            )
        if current.hashes == w.new_hashes and current.live != w.cancel:
            return attrs.evolve(step, done=True, detail="already up to date (another sync)")
        if current.edited:
            if w.cancel:
                body = _cancelled_copy(current, stamp=self._stamp, new_hashes=w.new_hashes or None)
                retry = attrs.evolve(w, body=body, etag=current.etag)
                return self._write(
                    retry,
                    attrs.evolve(step, detail="your edit of its time and text was kept"),
                    again=True,
                )
            return attrs.evolve(
                step,
                kind="conflict",
                detail="edited in the calendar while followup was syncing; your version was "
                "kept: delete the event in the calendar to get the plan's version on the next sync",
            )
        # Rewritten by someone without a visible change (another sync, a server touch-up).
        import icalendar

        cal = icalendar.Calendar.from_ical(w.body)
        for c in _events(cal):
            c["SEQUENCE"] = icalendar.vInt(current.sequence + 1)
        return self._write(
            attrs.evolve(w, body=bytes(cal.to_ical()), etag=current.etag), step, again=True
        )


def _rendered(plan: SyncPlan, items: Any, options: Mapping[str, Any]) -> SyncPlan:
    """``plan`` with the export's objects in its writes, each at the SEQUENCE it needs."""
    wanted = {w.uid: w.sequence for w in plan._writes if w.sequence is not None}
    if not wanted:
        return plan
    data = {o.uid: o.calendar.data for o in _export_objects(items, sequences=wanted, **options)}
    writes = tuple(
        w
        if w.sequence is None
        else attrs.evolve(w, body=_with_content(data[w.uid]), sequence=None)
        for w in plan._writes
    )
    return attrs.evolve(plan, writes=writes)


def _own_props(props: Mapping[str, Mapping[str, Any]], url: str) -> Mapping[str, Any]:
    path = urlsplit(url).path.rstrip("/")
    for href, values in props.items():
        if urlsplit(urljoin(url, href)).path.rstrip("/") == path:
            return values
    return next(iter(props.values()), {})


def _strip(url: str) -> str:
    """A URL without user information or query, for messages."""
    try:
        parts = urlsplit(url)
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        if ":" in (parts.hostname or ""):
            netloc = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
        return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
    except ValueError:
        return "<the URL>"


def _summary_of_done(report: SyncReport) -> str:
    done = sum(1 for s in report.steps if s.done)
    left = sum(1 for s in report.steps if not s.done and s.error is None and s.kind != "conflict")
    text = f"{done} of {len(report.steps)} changes were made before it stopped"
    if left:
        text += f", {left} not tried"
    return text + "; run the same sync again to finish"


def _is_timeline(source: Any) -> bool:
    from followup.timeline import Timeline

    return isinstance(source, Timeline)


# --- the public entry points ------------------------------------------------------------------


def connect(
    url: str,
    *,
    calendar: str | None = None,
    credentials: Credentials | None = None,
    insecure_http: bool = False,
    timeout: float = _DEFAULT_TIMEOUT,
    log: Callable[[str], None] | None = None,
) -> Calendar:
    """Connect to a CalDAV calendar.

    Args:
        url: The calendar's URL; with ``calendar``, the account's (or server's) URL.
        calendar: Find the calendar with this display name in the account, and
            create it on [`Calendar.apply`][followup.caldav.Calendar.apply] when it does not exist.
        credentials: The login; default [`find_credentials`][followup.caldav.find_credentials] for ``url``.
        insecure_http: Allow plain ``http://`` to a host that is not loopback.
        timeout: Seconds to wait for each answer.
        log: Called with one line per HTTP request (method, URL, status; never a
            header or body).

    Returns:
        The [`Calendar`][followup.caldav.Calendar].

    Raises:
        SyncError: a bad URL, no caldav package, a refused login, no calendar at
            ``url``, or a network failure.
    """
    _check_url(url, insecure_http=insecure_http)  # before any credential is looked up
    creds = credentials if credentials is not None else find_credentials(url)
    return Calendar(
        url,
        calendar=calendar,
        credentials=creds,
        insecure_http=insecure_http,
        timeout=timeout,
        log=log,
    )


def sync(
    source: Timeline | Iterable[Timeline | Action],
    url: str,
    *,
    calendar: str | None = None,
    credentials: Credentials | None = None,
    dry_run: bool = False,
    insecure_http: bool = False,
    timeout: float = _DEFAULT_TIMEOUT,
    log: Callable[[str], None] | None = None,
    domain: str | None = None,
    alarm: timedelta | None = timedelta(minutes=15),
    stamp: datetime | None = None,
    sources: Mapping[str, str] | None = None,
) -> SyncReport:
    """Make a CalDAV calendar hold the reminders of ``source``, changing only what differs.

    Args:
        source: A timeline, or the timelines of several interviews (one job
            search, one calendar).
        url: The calendar's URL; with ``calendar``, the account's URL.
        calendar: The calendar's display name: found in the account, created
            when missing.
        credentials: The login; default [`find_credentials`][followup.caldav.find_credentials] for ``url``.
        dry_run: Read the calendar and report what would change; write nothing.
        insecure_http: Allow plain ``http://`` to a host that is not loopback.
        timeout: Seconds to wait for each answer.
        log: Called with one line per HTTP request (never a header or a body).
        domain: The domain part of the UIDs (default ``followup.invalid``).
        alarm: The alarm before each reminder, as for the ``.ics`` export.
        stamp: The DTSTAMP (default: the latest ``now`` of the timelines).
        sources: For each interview key, a token naming its file, as for
            [`followup.ical.to_ical`][followup.ical.to_ical]: the objects a file wrote under a key it
            no longer has (company, role or start corrected) are cancelled.

    Returns:
        The [`SyncReport`][followup.caldav.SyncReport]: each step done, failed or a conflict.

    Raises:
        SyncError: the calendar cannot be reached, read or created, or the
            connection was lost part way (its ``report`` says what was done).

    Examples:
        A dry run against a calendar on a CalDAV server (this needs one running):

        >>> from followup.caldav import Credentials, sync
        >>> report = sync(  # doctest: +SKIP
        ...     timeline,
        ...     "https://dav.example.com/calendars/sam/",
        ...     calendar="Follow-ups",
        ...     credentials=Credentials(user="sam", password="app-password"),
        ...     dry_run=True,
        ... )
        >>> print(report)  # doctest: +SKIP
    """
    from followup.ical import DEFAULT_DOMAIN

    cal = connect(
        url,
        calendar=calendar,
        credentials=credentials,
        insecure_http=insecure_http,
        timeout=timeout,
        log=log,
    )
    options: dict[str, Any] = {"domain": domain or DEFAULT_DOMAIN, "alarm": alarm}
    if stamp is not None:
        options["stamp"] = stamp
    if sources:
        options["sources"] = sources
    plan = cal.plan(source, **options)
    if dry_run:
        return SyncReport(
            url=plan.url,
            name=plan.name,
            created_calendar=plan.create_calendar,
            steps=plan.steps,
            unchanged=plan.unchanged,
            requests=dict(cal.requests),
            dry_run=True,
        )
    return cal.apply(plan)
