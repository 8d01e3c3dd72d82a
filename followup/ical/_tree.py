"""The same calendar as icalendar components: what [`followup.ical.to_ical`][followup.ical.to_ical] returns.

Typed values are set directly (``Component.add`` would work out each value's type
again); the values themselves come from `followup.ical._build`, the same
ones the direct writer writes.
"""

from __future__ import annotations

import icalendar

from followup.ical._build import ACTION, HASH, PRODID, SOURCE, Entry, Prepared
from followup.ical._vtimezone import vtimezone

__all__ = ["calendar", "component"]


def component(e: Entry) -> icalendar.Component:
    """One VEVENT or VTODO, with its VALARM."""
    comp: icalendar.Component = icalendar.Todo() if e.todo else icalendar.Event()
    comp["UID"] = icalendar.vText(e.uid)
    if e.recurrence_id is not None:
        comp["RECURRENCE-ID"] = icalendar.vDDDTypes(e.recurrence_id)
    comp["DTSTART"] = icalendar.vDDDTypes(e.start)
    comp["DUE" if e.todo else "DTEND"] = icalendar.vDDDTypes(e.end)
    if e.rrule is not None:
        comp["RRULE"] = icalendar.vRecur.from_ical(e.rrule)
    comp["SUMMARY"] = icalendar.vText(e.summary)
    comp["DESCRIPTION"] = icalendar.vText(e.description)
    comp["CATEGORIES"] = icalendar.vCategory(["Follow-up"])
    comp["STATUS"] = icalendar.vText(e.status)
    if not e.todo:
        # TRANSP is a VEVENT property only (libical rejects it in a VTODO).
        comp["TRANSP"] = icalendar.vText("TRANSPARENT")
    comp[ACTION] = icalendar.vText(e.action)
    if e.alarm is not None:
        valarm = icalendar.Alarm()
        valarm["ACTION"] = icalendar.vText("DISPLAY")
        valarm["DESCRIPTION"] = icalendar.vText(e.summary or "Follow-up")
        valarm["TRIGGER"] = icalendar.vDDDTypes(-e.alarm)
        comp.add_component(valarm)
    comp[HASH] = icalendar.vText(e.digest)
    if e.source is not None:
        comp[SOURCE] = icalendar.vText(e.source)
    comp["DTSTAMP"] = icalendar.vDDDTypes(e.stamp)
    comp["SEQUENCE"] = icalendar.vInt(e.sequence)
    return comp


def calendar(prepared: Prepared) -> icalendar.Calendar:
    """The whole calendar as an ``icalendar.Calendar``."""
    cal = icalendar.Calendar()
    cal["PRODID"] = icalendar.vText(PRODID)
    cal["VERSION"] = icalendar.vText("2.0")
    cal["CALSCALE"] = icalendar.vText("GREGORIAN")
    cal["X-WR-CALNAME"] = icalendar.vText(prepared.name)
    # NAME (RFC 7986) is TEXT too: escaped like X-WR-CALNAME, not written verbatim.
    cal["NAME"] = icalendar.vText(prepared.name)
    for tzid, lo, hi in prepared.zones:
        cal.add_component(vtimezone(tzid, lo, hi))
    for e in prepared.entries:
        cal.add_component(component(e))
    return cal
