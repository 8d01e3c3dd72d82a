"""Reading back: ticked tasks (``STATUS:COMPLETED``) as history records."""

from __future__ import annotations

import warnings
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any

import icalendar

from followup.errors import ExportError
from followup.ical._build import ACTION, ascii_id
from followup.model import StepDone

__all__ = ["Completed", "completed", "tasks"]


@dataclass(frozen=True, slots=True)
class Completed:
    """One ticked task of this library: the record it gives, and what it was."""

    record: StepDone
    uid: str
    interview: str  # the UID's interview key
    occurrence: datetime | None  # for one occurrence of a series: its start


def completed(
    data: bytes, *, domain: str, interview: str | None, path: str | None = None
) -> list[StepDone]:
    """See [`followup.ical.completed_history`][followup.ical.completed_history]."""
    return [t.record for t in tasks(data, domain=domain, interview=interview, path=path)]


def tasks(
    data: bytes, *, domain: str, interview: str | None, path: str | None = None
) -> list[Completed]:
    """Every ticked task of this library in ``data`` (of one interview key, if given).

    Raises:
        ExportError: the data is not an iCalendar file; the message starts with
            ``PATH:LINE:`` where the fault is found.
    """
    where = path or "<calendar>"
    _check_lines(data, where)
    try:
        with warnings.catch_warnings():
            # icalendar warns about what it guesses (a vendor-prefixed TZID, say); nothing
            # for the user to act on when only reading ticked tasks.
            warnings.simplefilter("ignore")
            cal = icalendar.Calendar.from_ical(data)
        if getattr(cal, "name", None) != "VCALENDAR":
            raise ValueError(f"it holds a {getattr(cal, 'name', '?')}, not a VCALENDAR")
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise ExportError(f"{_locate(data, exc, where)}: {_why(exc)}", path=path) from exc
    zones = _Zones(cal)
    out: list[Completed] = []
    for comp in cal.walk("VTODO"):
        uid = str(comp.get("UID", ""))
        if not uid.endswith(f"@{domain}") or "/" not in uid:
            continue
        if str(comp.get("STATUS", "")).strip().upper() != "COMPLETED":
            continue
        key, _, rest = uid.rpartition("@")[0].partition("/")
        if interview is not None and key != ascii_id(interview):
            continue
        when = comp.get("COMPLETED") or comp.get("DUE") or comp.get("DTSTART")
        at = zones.moment(when)
        if at is None:
            continue
        occurrence: datetime | None = None
        if "RECURRENCE-ID" in comp:
            # One occurrence of a series ticked (Thunderbird writes it so): that occurrence
            # is done. A done record covers the occurrences up to its time, so one ticked
            # before its date counts from the occurrence's start.
            start = zones.moment(comp.get("DTSTART")) or zones.moment(comp.get("RECURRENCE-ID"))
            if not isinstance(start, datetime):
                continue
            occurrence = start
            if _instant(at) < start:
                at = start
        out.append(
            Completed(
                record=StepDone(step=str(comp.get(ACTION, rest)), at=at),
                uid=uid,
                interview=key,
                occurrence=occurrence,
            )
        )
    return sorted(out, key=lambda t: (t.record.step, _instant(t.record.at), t.uid))


_HINT = "export the calendar's tasks again (an .ics file, such as 'followup ics --todo' writes)"


def _unfolded(data: bytes) -> list[tuple[int, str]]:
    """The content lines, unfolded, each with the number of the line it starts on."""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if line[:1] in (" ", "\t") and out:
            out[-1] = (out[-1][0], out[-1][1] + line[1:])
        elif line:
            out.append((number, line))
    return out


# RFC 5545 names are letters, digits and '-'; '_' is seen in vendors' X- names.
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _check_lines(data: bytes, where: str) -> None:
    """Refuse what is not iCalendar text, naming the line: icalendar's messages do not."""
    lines = _unfolded(data)
    if not lines:
        raise ExportError(f"{where}: the file is empty; {_HINT}", path=where)
    if lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise ExportError(
            f"{where}:{lines[0][0]}: not an iCalendar file (it should start with "
            f"BEGIN:VCALENDAR); {_HINT}",
            path=where,
        )
    open_: list[tuple[int, str]] = []
    for number, line in lines:
        name = line.split(":", 1)[0].split(";", 1)[0]
        if ":" not in line or not name or not set(name) <= _NAME_CHARS:
            raise ExportError(
                f"{where}:{number}: not an iCalendar content line (NAME:VALUE expected); {_HINT}",
                path=where,
            )
        value = line.split(":", 1)[1].strip().upper() if ":" in line else ""
        if name.upper() == "BEGIN":
            open_.append((number, value))
        elif name.upper() == "END":
            if not open_ or open_[-1][1] != value:
                expected = f"END:{open_[-1][1]}" if open_ else "nothing after the calendar"
                raise ExportError(
                    f"{where}:{number}: END:{value} does not close what is open ({expected} "
                    f"expected); {_HINT}",
                    path=where,
                )
            open_.pop()
            if not open_ and number != lines[-1][0]:
                raise ExportError(
                    f"{where}:{number + 1}: text after END:VCALENDAR; {_HINT}", path=where
                )
    if open_:
        number, what = open_[-1]
        raise ExportError(
            f"{where}:{number}: BEGIN:{what} is never closed (END:{what} missing); {_HINT}",
            path=where,
        )


def _why(exc: BaseException) -> str:
    text = str(exc)
    got = text.rpartition("Got: ")[2] if "Got: " in text else None
    if got is not None:
        return f"the value {got} is not a date, time or date-time (such as 20261125T140000Z)"
    return f"not a valid iCalendar file ({text[:200]})"


def _locate(data: bytes, exc: BaseException, where: str) -> str:
    """``PATH:LINE`` of the value icalendar refused, when its message quotes it; else ``PATH``."""
    text = str(exc)
    quoted = text.rpartition("Got: ")[2].strip("'\"") if "Got: " in text else None
    if quoted:
        for number, line in _unfolded(data):
            if line.split(":", 1)[-1] == quoted:
                return f"{where}:{number}: {line.split(':', 1)[0].split(';', 1)[0]}"
    return where


def _instant(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day, 23, 59, tzinfo=UTC)


class _Zones:
    """The zone a TZID names in this calendar: its own VTIMEZONE, else the IANA zone."""

    def __init__(self, cal: icalendar.Calendar) -> None:
        self._defs: dict[str, Any] = {}
        for tz in cal.walk("VTIMEZONE"):
            self._defs.setdefault(str(tz.get("TZID", "")), tz)
        self._cache: dict[str, tzinfo | None] = {}

    def zone(self, tzid: str) -> tzinfo | None:
        if tzid not in self._cache:
            self._cache[tzid] = self._resolve(tzid)
        return self._cache[tzid]

    def _resolve(self, tzid: str) -> tzinfo | None:
        comp = self._defs.get(tzid)
        if comp is not None:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    found: tzinfo | None = comp.to_tz(lookup_tzid=False)
                if found is not None:
                    return found
            except Exception:  # icalendar raises many kinds on odd definitions
                pass
        try:
            return zoneinfo.ZoneInfo(tzid)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            return None

    def moment(self, prop: Any) -> date | datetime | None:
        """A DATE or DATE-TIME property's value, aware: a local time in its TZID's zone.

        RFC 5545 wants COMPLETED in UTC, yet some clients write it with a TZID; icalendar
        then leaves it naive, and it is read in that zone rather than as UTC. A floating
        time (no TZID, no ``Z``) is read as UTC.
        """
        if prop is None:
            return None
        value = getattr(prop, "dt", None)
        if isinstance(value, datetime) and value.tzinfo is None:
            tzid = getattr(prop, "params", {}).get("TZID")
            zone = self.zone(str(tzid)) if tzid else None
            value = value.replace(tzinfo=zone or UTC)
        return value if isinstance(value, date) else None
