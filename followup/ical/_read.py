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


def completed(data: bytes, *, domain: str, interview: str | None) -> list[StepDone]:
    """See [`followup.ical.completed_history`][followup.ical.completed_history]."""
    return [t.record for t in tasks(data, domain=domain, interview=interview)]


def tasks(data: bytes, *, domain: str, interview: str | None) -> list[Completed]:
    """Every ticked task of this library in ``data`` (of one interview key, if given).

    Raises:
        ExportError: the data is not an iCalendar file.
    """
    try:
        with warnings.catch_warnings():
            # icalendar warns about what it guesses (a vendor-prefixed TZID, say); nothing
            # for the user to act on when only reading ticked tasks.
            warnings.simplefilter("ignore")
            cal = icalendar.Calendar.from_ical(data)
        if getattr(cal, "name", None) != "VCALENDAR":
            raise ValueError(f"it holds a {getattr(cal, 'name', '?')}, not a VCALENDAR")
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise ExportError(f"not a valid iCalendar file ({exc})") from exc
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
