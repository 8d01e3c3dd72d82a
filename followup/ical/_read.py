"""Reading back: ticked tasks (``STATUS:COMPLETED``) as history records."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import icalendar

from followup.errors import ExportError
from followup.ical._build import ACTION, ascii_id
from followup.model import StepDone

__all__ = ["completed"]


def completed(data: bytes, *, domain: str, interview: str | None) -> list[StepDone]:
    """See :func:`followup.ical.completed_history`."""
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
        if interview is not None and key != ascii_id(interview):
            continue
        when = comp.get("COMPLETED") or comp.get("DUE") or comp.get("DTSTART")
        at: Any = when.dt if when is not None else None
        if isinstance(at, datetime) and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)  # COMPLETED is UTC by RFC 5545; floating is read so
        if not isinstance(at, date):
            continue
        out.append(StepDone(step=str(comp.get(ACTION, rest)), at=at))
    return sorted(out, key=lambda r: (r.step, str(r.at)))
