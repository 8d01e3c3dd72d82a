"""Baseline for the calendar stage: the same VEVENTs, built by hand with icalendar.

What a developer would write with no library in between: every value (dates,
UIDs, SUMMARY, DESCRIPTION text, the X- properties, the RRULE) is computed
beforehand (:func:`extract`, not timed) and :func:`build` only puts them into
``icalendar`` components, the way ``followup.ical`` does: one VEVENT per action
(plus RECURRENCE-ID overrides), one DISPLAY VALARM, and the VTIMEZONEs from
``followup.ical._vtimezone.vtimezone`` for the same ranges.

``build(extract(cal))`` serialises to exactly ``cal.to_ical()`` (the benchmark
checks it), so the ratio of the two build times is followup's overhead.

:func:`build` is the script as icalendar's documentation teaches it
(``Component.add``, which works out each value's type); :func:`build_typed` sets
the typed values directly, as ``followup.ical`` itself does, the fastest way
icalendar offers. The benchmark reports followup against both.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import icalendar

from followup.ical._vtimezone import vtimezone

__all__ = ["CalendarSpec", "EventSpec", "build", "build_ics", "build_typed", "extract"]


@dataclass(frozen=True, slots=True)
class EventSpec:
    """The precomputed values of one VEVENT (or VTODO)."""

    todo: bool
    uid: str
    start: datetime
    end: datetime
    recurrence_id: datetime | None
    rrule: str | None
    summary: str
    description: str
    status: str
    transp: str | None
    action: str
    alarm: tuple[str, timedelta] | None
    digest: str
    stamp: datetime
    sequence: int


@dataclass(frozen=True, slots=True)
class CalendarSpec:
    """The precomputed values of one calendar."""

    prodid: str
    name: str
    zones: tuple[tuple[str, datetime, datetime], ...]
    events: tuple[EventSpec, ...]


def _value(comp: icalendar.Component, name: str) -> Any:
    prop = comp.get(name)
    return None if prop is None else prop.dt


def extract(cal: icalendar.Calendar, spans: dict[str, tuple[datetime, datetime]]) -> CalendarSpec:
    """Take every value out of a calendar that followup built (not timed).

    Args:
        cal: ``followup.ical.to_ical``'s calendar.
        spans: The range each zone's VTIMEZONE covers (as followup computes it).
    """
    events: list[EventSpec] = []
    for comp in cal.subcomponents:
        if comp.name == "VTIMEZONE":
            continue
        todo = comp.name == "VTODO"
        alarms = [s for s in comp.subcomponents if s.name == "VALARM"]
        alarm = None
        if alarms:
            a = alarms[0]
            alarm = (str(a["DESCRIPTION"]), -a["TRIGGER"].dt)
        rrule = comp.get("RRULE")
        events.append(
            EventSpec(
                todo=todo,
                uid=str(comp["UID"]),
                start=_value(comp, "DTSTART"),
                end=_value(comp, "DUE" if todo else "DTEND"),
                recurrence_id=_value(comp, "RECURRENCE-ID"),
                rrule=None if rrule is None else rrule.to_ical().decode("ascii"),
                summary=str(comp["SUMMARY"]),
                description=str(comp["DESCRIPTION"]),
                status=str(comp["STATUS"]),
                transp=None if "TRANSP" not in comp else str(comp["TRANSP"]),
                action=str(comp["X-FOLLOWUP-ACTION"]),
                alarm=alarm,
                digest=str(comp["X-FOLLOWUP-HASH"]),
                stamp=_value(comp, "DTSTAMP"),
                sequence=int(comp["SEQUENCE"]),
            )
        )
    zones = tuple((tzid, lo, hi) for tzid, (lo, hi) in sorted(spans.items()))
    return CalendarSpec(str(cal["PRODID"]), str(cal["X-WR-CALNAME"]), zones, tuple(events))


def _calendar(spec: CalendarSpec) -> icalendar.Calendar:
    """The calendar's own properties and its VTIMEZONEs (the same in both builds)."""
    cal = icalendar.Calendar()
    cal.add("prodid", spec.prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", icalendar.vText(spec.name))
    cal.add("name", spec.name)
    for tzid, lo, hi in spec.zones:
        cal.add_component(vtimezone(tzid, lo, hi))
    return cal


def build(spec: CalendarSpec) -> icalendar.Calendar:
    """Build the calendar from precomputed values: the baseline's timed work."""
    cal = _calendar(spec)
    for e in spec.events:
        comp = icalendar.Todo() if e.todo else icalendar.Event()
        comp.add("uid", e.uid)
        if e.recurrence_id is not None:
            comp.add("recurrence-id", e.recurrence_id)
        comp.add("dtstart", e.start)
        comp.add("due" if e.todo else "dtend", e.end)
        if e.rrule is not None:
            comp.add("rrule", icalendar.vRecur.from_ical(e.rrule))
        comp.add("summary", e.summary)
        comp.add("description", e.description)
        comp.add("categories", ["Follow-up"])
        comp.add("status", e.status)
        if e.transp is not None:
            comp.add("transp", e.transp)
        comp.add("X-FOLLOWUP-ACTION", icalendar.vText(e.action))
        if e.alarm is not None:
            valarm = icalendar.Alarm()
            valarm.add("action", "DISPLAY")
            valarm.add("description", e.alarm[0])
            valarm.add("trigger", -e.alarm[1])
            comp.add_component(valarm)
        comp.add("X-FOLLOWUP-HASH", icalendar.vText(e.digest))
        comp.add("dtstamp", e.stamp)
        comp.add("sequence", e.sequence)
        cal.add_component(comp)
    return cal


def build_typed(spec: CalendarSpec) -> icalendar.Calendar:
    """:func:`build` with typed values set directly instead of ``Component.add``."""
    cal = _calendar(spec)
    for e in spec.events:
        comp = icalendar.Todo() if e.todo else icalendar.Event()
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
        if e.transp is not None:
            comp["TRANSP"] = icalendar.vText(e.transp)
        comp["X-FOLLOWUP-ACTION"] = icalendar.vText(e.action)
        if e.alarm is not None:
            valarm = icalendar.Alarm()
            valarm["ACTION"] = icalendar.vText("DISPLAY")
            valarm["DESCRIPTION"] = icalendar.vText(e.alarm[0])
            valarm["TRIGGER"] = icalendar.vDDDTypes(-e.alarm[1])
            comp.add_component(valarm)
        comp["X-FOLLOWUP-HASH"] = icalendar.vText(e.digest)
        comp["DTSTAMP"] = icalendar.vDDDTypes(e.stamp)
        comp["SEQUENCE"] = icalendar.vInt(e.sequence)
        cal.add_component(comp)
    return cal


def build_ics(spec: CalendarSpec) -> str:
    """The same events with ics.py 0.7 (the ``bench`` extra), serialised: the other anchor.

    ics.py 0.7 has no recurrence rules, RECURRENCE-ID, SEQUENCE or X- properties, so
    its events carry a little less than followup's (the texts, times, status, UID and
    alarm are the same); it writes times in UTC, no VTIMEZONE, and does not fold lines.
    That makes it a generous anchor: it writes less than followup does.
    """
    import ics
    from ics.alarm import DisplayAlarm

    cal = ics.Calendar()
    for e in spec.events:
        event = ics.Event(
            name=e.summary,
            begin=e.start,
            end=e.end,
            uid=e.uid,
            description=e.description,
            categories={"Follow-up"},
            status=e.status if e.status in ("TENTATIVE", "CONFIRMED", "CANCELLED") else None,
            transparent=e.transp is not None,
        )
        if e.alarm is not None:
            event.alarms.append(DisplayAlarm(trigger=-e.alarm[1], display_text=e.alarm[0]))
        cal.events.add(event)
    with warnings.catch_warnings():
        # ics.py 0.7 warns about its own str(Component) on every call.
        warnings.simplefilter("ignore", FutureWarning)
        return str(cal.serialize())
