"""Time arithmetic: anchors, offsets, business days, send windows, recurrence.

This is the only module that does date arithmetic with ``dateutil``. Every
function is pure: the same arguments give the same result, and every computed
date comes with the words that explain it.

Nothing is scheduled at a local time that does not exist (the hour skipped when
clocks go forward) or exists twice (the hour repeated when they go back):
calendar clients read such times differently, so [`localize`][followup.timing.localize] moves them to
the first minute after that happens exactly once, and a series moves its one
time of day the same way. Facts given as local times are read the RFC 5545 way
([`read_local`][followup.timing.read_local]).

Holidays are python-holidays' calendars by country or subdivision ("DE-BY"),
plus dates of your own ([`HolidayCalendar`][followup.timing.HolidayCalendar]); whose calendar applies to an
action is decided by [`recipient_holidays`][followup.timing.recipient_holidays] and [`candidate_holidays`][followup.timing.candidate_holidays].
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from dateutil import rrule as _rr
from dateutil.relativedelta import relativedelta

from followup import _holidays as _hol
from followup._validate import MAX_COUNT, check_range, to_enum
from followup.errors import SchedulingError, ValidationError

__all__ = [
    "WAKING_HOURS",
    "Anchor",
    "AppliedHolidays",
    "BusinessDays",
    "HolidayCalendar",
    "HolidaySource",
    "HolidaysLike",
    "Offset",
    "Recurrence",
    "SendWindow",
    "When",
    "candidate_holidays",
    "country_of_zone",
    "describe_offset",
    "holiday_calendar",
    "localize",
    "parse_offset",
    "read_local",
    "recipient_holidays",
    "reminder_time",
]

_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

MAX_OFFSET_DAYS = 3652.5
"""The longest offset or interval, in days: 10 years (120 months, 521 weeks, 2,608 business days).

With dates at most in 2200 (``followup._validate.MAX_YEAR``) and series of at
most 120 occurrences, no computed date can leave what ``datetime`` represents.
"""
_TOO_LONG = "at most 10 years (120 months, 521 weeks, 3,652 days or 2,608 business days)"
_DAYS_PER = {
    "minutes": 1 / 1440,
    "hours": 1 / 24,
    "days": 1.0,
    "weeks": 7.0,
    "months": 365.25 / 12,
    "years": 365.25,
    "business": 7 / 5,
}


class Anchor(str, enum.Enum):
    """What a step's date is counted from."""

    INTERVIEW_START = "interview-start"
    INTERVIEW_END = "interview-end"
    OUTCOME = "outcome"
    DECISION_EXPECTED = "decision-expected"
    RESPOND_BY = "respond-by"
    STEP = "step"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class BusinessDays:
    """An offset counted in business days (weekdays of the send window, holidays skipped).

    Args:
        n: How many business days; 0 means "the same day if it is a business day,
            otherwise the next one".
    """

    n: int = attrs.field()

    @n.validator
    def _check(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValidationError(
                "business_days", value, "a whole number of business days, 0 or more"
            )

    def __str__(self) -> str:
        return f"{self.n} business day" + ("" if self.n == 1 else "s")


Offset = relativedelta | timedelta | BusinessDays
"""An offset: calendar units (``relativedelta``), exact time (``timedelta``) or business days."""


def _is_negative(offset: Offset) -> bool:
    if isinstance(offset, timedelta):
        return offset < timedelta(0)
    if isinstance(offset, relativedelta):
        probe = datetime(2001, 1, 1) + offset  # noqa: DTZ001 - sign test only, no zone involved
        return probe < datetime(2001, 1, 1)  # noqa: DTZ001
    return False


def _offset_days(offset: Offset) -> float:
    """About how many days an offset spans (for the 10-year bound; exact to a day)."""
    if isinstance(offset, BusinessDays):
        return offset.n * _DAYS_PER["business"]
    if isinstance(offset, timedelta):
        return abs(offset.total_seconds()) / 86400
    return float(
        sum(
            abs(getattr(offset, unit) or 0) * _DAYS_PER[unit]
            for unit in ("years", "months", "days", "hours", "minutes")  # weeks are days here
        )
    )


def _check_offset(_inst: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, relativedelta | timedelta | BusinessDays):
        raise ValidationError(
            attribute.name, value, "a relativedelta, a timedelta or BusinessDays(n)"
        )
    if _offset_days(value) > MAX_OFFSET_DAYS:
        raise ValidationError(attribute.name, value, f"an offset of {_TOO_LONG}")
    if _is_negative(value):
        raise ValidationError(
            attribute.name,
            value,
            "an offset of zero or more: follow-up never comes before its anchor",
        )
    if isinstance(value, relativedelta) and any(
        getattr(value, f) is not None
        for f in ("year", "month", "day", "hour", "minute", "second", "weekday")
    ):
        raise ValidationError(
            attribute.name,
            value,
            "a relative offset such as relativedelta(months=3), not absolute fields",
        )


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" + ("" if n == 1 else "s")


def describe_offset(offset: Offset) -> str:
    """Words for an offset: ``"3 hours"``, ``"1 business day"``, ``"3 months"``.

    Args:
        offset: The offset.
    """
    if isinstance(offset, BusinessDays):
        return str(offset)
    if isinstance(offset, timedelta):
        total = int(offset.total_seconds())
        if total % 3600 == 0 and 0 < total <= 48 * 3600:
            return _plural(total // 3600, "hour")
        if total % 86400 == 0 and total:
            days = total // 86400
            return _plural(days // 7, "week") if days % 7 == 0 else _plural(days, "day")
        if total % 3600 == 0:
            return _plural(total // 3600, "hour")
        return _plural(total // 60, "minute")
    parts = []
    rd = offset.normalized()
    for attr, unit in (
        ("years", "year"),
        ("months", "month"),
        ("days", "day"),
        ("hours", "hour"),
        ("minutes", "minute"),
    ):
        n = getattr(rd, attr)
        if attr == "days" and n and n % 7 == 0:
            parts.append(_plural(n // 7, "week"))
        elif n:
            parts.append(_plural(n, unit))
    return " ".join(parts) or "0 days"


_UNITS = {
    "m": "minutes",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
    "mo": "months",
    "y": "years",
    "year": "years",
    "years": "years",
}


def parse_offset(text: str) -> Offset:
    """Parse ``"45m"``, ``"3 hours"``, ``"2 business days"``, ``"3 months"``, ``"1 week"``.

    Minutes and hours give a ``timedelta``; days, weeks, months and years a
    ``relativedelta``; "business days" a [`BusinessDays`][followup.timing.BusinessDays].

    Args:
        text: The duration in words.

    Raises:
        ValidationError: the text is not a duration.
    """
    import re

    m = (
        re.fullmatch(r"\s*(\d+)\s*(business\s+days?|[a-z]+)\s*", text.lower())
        if isinstance(text, str)
        else None
    )
    if m is None:
        raise ValidationError(
            "duration",
            text,
            "a number and a unit, such as '45m', '3 hours', '2 business days' or '3 months'",
        )
    n, unit = int(m.group(1)), m.group(2)
    name = "business" if unit.startswith("business") else _UNITS.get(unit)
    if name is None:
        raise ValidationError(
            "duration",
            text,
            "a unit among minutes, hours, days, business days, weeks, months, years",
        )
    if n * _DAYS_PER[name] > MAX_OFFSET_DAYS:  # before building it: 10**20 hours overflows
        raise ValidationError("duration", text, f"a duration of {_TOO_LONG}")
    if name == "business":
        return BusinessDays(n)
    if name in ("minutes", "hours"):
        return timedelta(**{name: n})
    return relativedelta(**{name: n})  # type: ignore[arg-type]


_CODE_WORDS = (
    'a country or subdivision code as python-holidays spells it, such as "GB", "US-CA" or "DE-BY"'
)


def _to_code(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("holidays", value, _CODE_WORDS)
    code = _hol.canonical_code(value)
    if code is None:
        near = _hol.suggest_codes(value)
        quoted = [f'"{c}"' for c in near]
        hint = f" (did you mean {_or_list(quoted)}?)" if near else ""
        raise ValidationError("holidays", value, _CODE_WORDS + hint)
    return code


def _or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _to_dates(value: Iterable[date]) -> frozenset[date]:
    out = frozenset(value)
    for day in out:
        if isinstance(day, datetime) or not isinstance(day, date):
            raise ValidationError("holidays", day, "dates such as date(2026, 12, 24)")
    return out


@attrs.frozen(kw_only=True)
class HolidayCalendar:
    """Days that are not business days, beyond the window's weekdays.

    A calendar is a country's (or one of its subdivisions') public holidays, as
    python-holidays knows them, plus any dates of your own. Each country's
    calendar is built once per year and cached.

    Args:
        dates: Extra holiday dates, added to the country's.
        country: A country code ("US", "GB") or a country and subdivision ("DE-BY",
            "US-CA", "GB-SCT"), as python-holidays spells them; any case is accepted
            and kept as python-holidays spells it.

    Raises:
        ValidationError: the code is unknown (the message names the nearest valid codes).
    """

    dates: frozenset[date] = attrs.field(default=frozenset(), converter=_to_dates)
    country: str | None = attrs.field(default=None, converter=_to_code)

    @property
    def country_code(self) -> str | None:
        """The country part of the code: ``"DE"`` for ``"DE-BY"``."""
        return None if self.country is None else self.country.partition("-")[0]

    @property
    def subdivision(self) -> str | None:
        """The subdivision part of the code: ``"BY"`` for ``"DE-BY"``, else None."""
        return None if self.country is None else (self.country.partition("-")[2] or None)

    @property
    def place(self) -> str | None:
        """Where the country's holidays are kept, in words: ``"the United Kingdom"``, ``"Bayern, Germany"``."""
        return None if self.country is None else _hol.place_name(self.country)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        if day in self.dates:
            return True
        return self.country is not None and day in _hol.holidays_in(self.country, day.year)

    def __bool__(self) -> bool:
        return bool(self.dates) or self.country is not None

    def name_of(self, day: date) -> str | None:
        """The holiday's name (English where python-holidays has it), ``"a listed holiday"``, or None."""
        if self.country is not None:
            name = _hol.holidays_in(self.country, day.year).get(day)
            if name is not None:
                return name
        return "a listed holiday" if day in self.dates else None

    def explain(self, days: Iterable[date]) -> str | None:
        """Words for skipped holidays.

        ``"Fri 25 Dec is Christmas Day and Mon 28 Dec is Boxing Day (observed) in the
        United Kingdom"``; None when ``days`` holds none of this calendar's holidays.

        Args:
            days: The days skipped.
        """
        named: list[str] = []
        listed: list[date] = []
        for day in sorted(set(days)):
            name = (
                _hol.holidays_in(self.country, day.year).get(day)
                if self.country is not None
                else None
            )
            if name is not None:
                named.append(f"{fmt_day(day)} is {name}")
            elif day in self.dates:
                listed.append(day)
        parts = []
        if named:
            parts.append(f"{_and_list(named)} in {self.place}")
        if listed:
            what = "is a listed holiday" if len(listed) == 1 else "are listed holidays"
            parts.append(f"{_and_list([fmt_day(d) for d in listed])} {what}")
        return " and ".join(parts) or None

    def to_value(self) -> str | list[str] | None:
        """The calendar as the interview file and JSON write it.

        ``"DE-BY"``, ``["DE-BY", "2026-12-24"]``, ``["2026-12-24"]``, or None for no calendar.
        """
        days = [d.isoformat() for d in sorted(self.dates)]
        if self.country is not None and not days:
            return self.country
        if not self:
            return None
        return ([self.country] if self.country else []) + days


HolidaysLike = HolidayCalendar | str | Iterable[date | str] | None
"""What every ``holidays`` argument takes: a [`HolidayCalendar`][followup.timing.HolidayCalendar], a code ("DE-BY"),
dates, a code and dates (``["GB", date(2026, 12, 24)]``), or None."""


def holiday_calendar(value: HolidaysLike) -> HolidayCalendar:
    """A [`HolidayCalendar`][followup.timing.HolidayCalendar] from any of the forms a ``holidays`` argument takes.

    Args:
        value: A calendar, a code such as ``"DE-BY"``, dates, or a list with at most one
            code and any number of dates (ISO strings are read as dates: JSON data).

    Raises:
        ValidationError: a code is unknown, or the list holds two codes or something else.
    """
    if value is None:
        return NO_HOLIDAYS
    if isinstance(value, HolidayCalendar):
        return value
    if isinstance(value, str):
        return HolidayCalendar(country=value)
    if isinstance(value, date):
        raise ValidationError("holidays", value, "a list of dates, not one date")
    country: str | None = None
    dates: list[date] = []
    try:
        items = list(value)
    except TypeError:
        raise ValidationError("holidays", value, _CODE_WORDS + ", or a list of dates") from None
    for item in items:
        day = _iso_date(item) if isinstance(item, str) else None
        if day is not None:
            dates.append(day)
        elif isinstance(item, str):
            if country is not None:
                raise ValidationError(
                    "holidays", item, f'one code per calendar (it already has "{country}")'
                )
            country = item
        elif isinstance(item, date) and not isinstance(item, datetime):
            dates.append(item)
        else:
            raise ValidationError("holidays", item, "a date, or one code such as \"GB\"")
    return HolidayCalendar(country=country, dates=frozenset(dates))


def _iso_date(text: str) -> date | None:
    text = text.strip()
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


NO_HOLIDAYS = HolidayCalendar()


class HolidaySource(str, enum.Enum):
    """Where the country of the holiday calendar applied to an action came from."""

    CONTACT = "contact"
    """The recipient's own ``holidays``."""
    CANDIDATE = "candidate"
    """The candidate's own ``holidays``."""
    ZONE = "zone"
    """The country of the person's time zone."""
    PLAN = "plan"
    """The plan's ``holidays``."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class AppliedHolidays:
    """The holiday calendar an action's dates were counted with, and why that one.

    Args:
        calendar: The calendar: a country (or subdivision) and dates.
        source: Where its country came from (its dates are the person's own plus the plan's).
        zone: The zone the country was taken from, for ``HolidaySource.ZONE``.
        who: Whose own calendar it is, for the contact's and the candidate's.
    """

    calendar: HolidayCalendar
    source: HolidaySource = attrs.field(converter=HolidaySource)
    zone: str | None = None
    who: str | None = None

    def describe(self) -> str:
        """Words for the reason: ``"holidays of the United Kingdom (GB, from Europe/London)"``."""
        cal = self.calendar
        if self.source is HolidaySource.ZONE:
            origin = f"from {self.zone}"
        elif self.source is HolidaySource.PLAN:
            origin = "the plan's"
        else:
            origin = f"{self.who}'s own" if self.who else "their own"
        listed = _plural(len(cal.dates), "listed date")
        if cal.country is None:
            return f"holidays: {listed} ({origin})" if cal.dates else "no holidays"
        extra = f", plus {listed}" if cal.dates else ""
        return f"holidays of {cal.place} ({cal.country}, {origin}{extra})"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe.

        ``{"code": "GB", "place": "the United Kingdom", "dates": [], "from": "zone",
        "zone": "Europe/London", "person": null}``.
        """
        cal = self.calendar
        return {
            "code": cal.country,
            "place": cal.place,
            "dates": [d.isoformat() for d in sorted(cal.dates)],
            "from": self.source.value,
            "zone": self.zone,
            "person": self.who,
        }

    @classmethod
    def from_dict(cls, data: Any) -> AppliedHolidays:
        """Rebuild from [`to_dict`][followup.to_dict]'s data.

        Args:
            data: The dict.
        """
        return cls(
            calendar=HolidayCalendar(
                country=data.get("code"),
                dates=frozenset(date.fromisoformat(d) for d in data.get("dates", ())),
            ),
            source=data["from"],
            zone=data.get("zone"),
            who=data.get("person"),
        )


@lru_cache(maxsize=4096)
def recipient_holidays(
    own: HolidayCalendar | None,
    zone: str,
    plan: HolidayCalendar,
    who: str | None = None,
    home: str | None = None,
) -> AppliedHolidays:
    """The holidays a message's date skips: those of where its recipient works.

    The country is the recipient's own (``Contact.holidays``), else the country of
    their zone where the zone belongs to exactly one country python-holidays knows
    (Europe/London: GB; UTC or Etc/GMT+3: none), else the plan's. A plan that names
    a subdivision of the zone's country is used instead of the bare country when
    that zone is the country's only one ("GB-SCT" for Europe/London), or when the
    recipient works in the candidate's own zone (a candidate in Toronto with
    "CA-ON" writes to people in Toronto; not "US-CA" for America/New_York). The
    dates listed in the recipient's own calendar and in the plan's are added to it.

    Args:
        own: The recipient's own calendar, if any.
        zone: The IANA zone the recipient works in.
        plan: The plan's calendar (``NO_HOLIDAYS`` for none).
        who: The recipient's name, for the reason.
        home: The candidate's zone: a recipient in the same zone shares the plan's region.
    """
    dates = (own.dates if own is not None else frozenset()) | plan.dates
    if own is not None and own.country is not None:
        return AppliedHolidays(
            calendar=HolidayCalendar(country=own.country, dates=dates),
            source=HolidaySource.CONTACT,
            who=who,
        )
    code = _hol.country_of_zone(zone)
    refines = (
        code is not None
        and plan.subdivision is not None
        and plan.country_code == code
        and (_hol.covers_country(code) or zone == home)
    )
    if code is not None and not refines:
        return AppliedHolidays(
            calendar=HolidayCalendar(country=code, dates=dates), source=HolidaySource.ZONE, zone=zone
        )
    # No country from the zone, or the plan names a part of that same country and the
    # zone covers the whole country ("GB-SCT" for a recipient in Europe/London, the one
    # zone of GB) or is the candidate's own ("CA-ON" for a Toronto candidate writing to
    # Toronto): the plan's calendar knows more than the zone. Another zone of a country with
    # several (America/New_York) may lie outside the plan's region ("US-CA"): not refined.
    return AppliedHolidays(
        calendar=HolidayCalendar(country=plan.country, dates=dates), source=HolidaySource.PLAN
    )


@lru_cache(maxsize=4096)
def candidate_holidays(
    own: HolidayCalendar | None, zone: str, plan: HolidayCalendar, who: str | None = None
) -> AppliedHolidays:
    """The holidays the candidate's own tasks (and reminder times) skip.

    The country is the candidate's own (``Candidate.holidays``), else the plan's
    (the plan is the candidate's), else the country of the candidate's zone. The
    dates listed in the candidate's calendar and in the plan's are added to it.

    Args:
        own: The candidate's own calendar, if any.
        zone: The IANA zone the candidate's tasks are scheduled in.
        plan: The plan's calendar (``NO_HOLIDAYS`` for none).
        who: The candidate's name, for the reason.
    """
    dates = (own.dates if own is not None else frozenset()) | plan.dates
    if own is not None and own.country is not None:
        return AppliedHolidays(
            calendar=HolidayCalendar(country=own.country, dates=dates),
            source=HolidaySource.CANDIDATE,
            who=who,
        )
    if plan.country is not None:
        return AppliedHolidays(
            calendar=HolidayCalendar(country=plan.country, dates=dates), source=HolidaySource.PLAN
        )
    code = _hol.country_of_zone(zone)
    return AppliedHolidays(
        calendar=HolidayCalendar(country=code, dates=dates),
        source=HolidaySource.ZONE if code is not None else HolidaySource.PLAN,
        zone=zone if code is not None else None,
    )


def country_of_zone(zone: str) -> str | None:
    """The country code of an IANA zone, where the zone belongs to exactly one country.

    Read from the tz database's ``zone.tab`` (the copy ``zoneinfo`` itself uses):
    ``Europe/London`` gives ``"GB"``, ``Asia/Kolkata`` (or its old name ``Asia/Calcutta``)
    ``"IN"``; ``UTC``, ``Etc/GMT+3`` and generic zones such as ``CET`` give None, and so
    does a country python-holidays has no calendar for.

    Args:
        zone: An IANA zone name.
    """
    return _hol.country_of_zone(zone)


def _days(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class SendWindow:
    """When messages may go out, in the recipient's local time.

    Args:
        days: Weekdays allowed, 0 = Monday ... 6 = Sunday (default Monday to Friday).
        start: Opening time (default 09:00).
        end: Closing time (default 17:00); an action at exactly ``end`` is inside.
    """

    days: frozenset[int] = attrs.field(default=frozenset(range(5)), converter=_days)
    start: time = attrs.field(default=time(9, 0))
    end: time = attrs.field(default=time(17, 0))

    @days.validator
    def _check_days(
        self, attribute: attrs.Attribute[frozenset[int]], value: frozenset[int]
    ) -> None:
        if not value or any(not isinstance(d, int) or not 0 <= d <= 6 for d in value):
            raise ValidationError(
                "window.days",
                sorted(value),
                "weekday numbers 0 (Monday) to 6 (Sunday), at least one",
            )

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[time], value: time) -> None:
        if not isinstance(self.start, time) or not isinstance(value, time) or value <= self.start:
            raise ValidationError(
                "window.end", value, f"a time after the window's start ({self.start})"
            )
        if self.start.tzinfo is not None or value.tzinfo is not None:
            raise ValidationError(
                "window", value, "naive local times: the window is read in the recipient's zone"
            )

    def describe(self) -> str:
        """``"09:00–17:00 weekday"``, ``"08:00–21:00 daily"`` or ``"10:00–16:00 Mon, Wed"``."""
        hours = f"{self.start:%H:%M}–{self.end:%H:%M}"
        if self.days == frozenset(range(5)):
            return f"{hours} weekday"
        if self.days == frozenset(range(7)):
            return f"{hours} daily"
        return f"{hours} " + ", ".join(_WEEKDAY_NAMES[d] for d in sorted(self.days))

    def is_business_day(self, day: date, holidays: HolidayCalendar = NO_HOLIDAYS) -> bool:
        """True when ``day`` is one of the window's weekdays and not a holiday."""
        return day.weekday() in self.days and day not in holidays

    def next_business_day(self, day: date, holidays: HolidayCalendar = NO_HOLIDAYS) -> date:
        """The first business day strictly after ``day``."""
        day += timedelta(days=1)
        for _ in range(3660):
            if self.is_business_day(day, holidays):
                return day
            day += timedelta(days=1)
        raise SchedulingError(
            "no business day in the next ten years: check the window's days and the holidays"
        )

    def add_business_days(self, day: date, n: int, holidays: HolidayCalendar = NO_HOLIDAYS) -> date:
        """``n`` business days after ``day`` (``n == 0``: ``day`` itself if it is one, else the next)."""
        if n == 0:
            return (
                day
                if self.is_business_day(day, holidays)
                else self.next_business_day(day, holidays)
            )
        for _ in range(n):
            day = self.next_business_day(day, holidays)
        return day

    def holidays_between(
        self, first: date, last: date, holidays: HolidayCalendar = NO_HOLIDAYS
    ) -> list[date]:
        """The holidays from ``first`` to ``last`` (both included) that fall on the window's days.

        These are the days a move across them skipped for being holidays, not weekends.
        """
        if not holidays:
            return []
        out = []
        day = first
        while day <= last:
            if day.weekday() in self.days and day in holidays:
                out.append(day)
            day += timedelta(days=1)
        return out

    def contains(self, moment: datetime, holidays: HolidayCalendar = NO_HOLIDAYS) -> bool:
        """True when the local ``moment`` is on a business day between start and end."""
        t = moment.time()
        return self.is_business_day(moment.date(), holidays) and self.start <= t <= self.end


def _anchor(value: Any) -> Anchor:
    return to_enum(Anchor, "anchor", value)


WAKING_HOURS = SendWindow(days=range(7), start=time(8, 0), end=time(21, 0))
"""The candidate's hours for reminders by default: every day, 08:00–21:00 in their zone."""


@attrs.frozen(kw_only=True)
class When:
    """When a step is due: an anchor, an offset, and optionally a time of day.

    Args:
        anchor: What the offset counts from.
        offset: How long after the anchor (zero or more).
        step: For ``Anchor.STEP``: the id of the step counted from.
        at: A local time of day to use once the offset is applied (recipient's zone).
        within: Keep the due time within this long after the anchor when the window allows
            (the thank-you's "within 24 hours").
        before: Count the offset back from the anchor instead: a reminder before a
            deadline ("2 business days before the offer's deadline"). The action is
            never due before the outcome that made it arrived.
    """

    anchor: Anchor = attrs.field(converter=_anchor)
    offset: Offset = attrs.field(default=attrs.Factory(timedelta), validator=_check_offset)
    step: str | None = attrs.field(default=None)
    at: time | None = attrs.field(default=None)
    within: timedelta | None = attrs.field(default=None)
    before: bool = attrs.field(default=False)

    @step.validator
    def _check_step(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if self.anchor is Anchor.STEP and not value:
            raise ValidationError("when.step", value, "the id of the step this one is timed after")
        if self.anchor is not Anchor.STEP and value is not None:
            raise ValidationError(
                "when.step", value, "nothing: only the 'step' anchor names a step"
            )

    @at.validator
    def _check_at(self, attribute: attrs.Attribute[time | None], value: time | None) -> None:
        if value is not None and (not isinstance(value, time) or value.tzinfo is not None):
            raise ValidationError("when.at", value, "a naive local time such as time(10, 0)")


def local_day(value: date | datetime, tz: ZoneInfo) -> date:
    """The day of a record as the reader sees it: a date stays that date (its midnight in the
    interview's zone would fall the evening before in London); a moment is read in ``tz``."""
    return value.astimezone(tz).date() if isinstance(value, datetime) else value


def fmt_day(day: date) -> str:
    """``"Tue 24 Nov"``."""
    return f"{_WEEKDAY_NAMES[day.weekday()]} {day.day} {day:%b}"


def fmt_moment(moment: datetime) -> str:
    """``"Tue 24 Nov 10:00"``."""
    return f"{fmt_day(moment.date())} {moment:%H:%M}"


def _wall_state(naive: datetime, tz: ZoneInfo) -> str | None:
    """``"gap"`` for a local time that does not exist, ``"fold"`` for one that exists twice."""
    first = naive.replace(tzinfo=tz, fold=0)
    # zoneinfo gives both sides of a transition different offsets only in a gap or a fold
    # (PEP 495): the usual case costs two offsets, no conversion.
    if first.utcoffset() == naive.replace(tzinfo=tz, fold=1).utcoffset():
        return None
    if first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        return "gap"
    return "fold"


def read_local(day: date, at: time, tz: ZoneInfo) -> datetime:
    """A local date and time in ``tz`` read the way RFC 5545 reads a DATE-TIME with a TZID.

    For facts given as local times (an interview's start, a history record) and for
    bounds (the start or end of a day), never for a time something is scheduled at
    (that is [`localize`][followup.timing.localize]): a time that exists twice means the first, a time that
    does not exist is read with the offset from before the gap (02:30 becomes 03:30).

    Args:
        day: The local date.
        at: The local time of day (naive).
        tz: The zone.
    """
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def reminder_time(send: datetime, tz: ZoneInfo, window: SendWindow) -> datetime:
    """When the candidate should be reminded of a message due at ``send``.

    The reminder is for the candidate, the send time is for the recipient: the
    reminder falls in the candidate's window (their waking hours) in their zone,
    on or before the send time; the latest such moment, so the candidate
    schedules the message in their mail client the evening before when the
    recipient's afternoon is the candidate's night.

    Args:
        send: When the message should go out (aware).
        tz: The candidate's zone.
        window: The candidate's hours (every day by default: `WAKING_HOURS`).

    Returns:
        ``send`` itself when it falls inside the window, else the window's close
        on the latest allowed day before it.
    """
    local = send.astimezone(tz)
    if window.contains(local):
        return send
    day = local.date()
    if local.time().replace(tzinfo=None) < window.end:
        day -= timedelta(days=1)  # before the window opens: the evening before
    for _ in range(8):
        if day.weekday() in window.days:
            moment, _note = localize(day, window.end, tz)
            if moment <= send:
                return moment
        day -= timedelta(days=1)
    return send  # pragma: no cover - a window with no day; SendWindow requires one


def localize(day: date, at: time, tz: ZoneInfo) -> tuple[datetime, str | None]:
    """Combine a local date and time in ``tz`` for something scheduled then.

    A local time that happens twice (clocks go back) or not at all (clocks go
    forward) is never used: calendar clients read such a time differently
    (02:45 on the night Sydney's clocks go back is 15:45Z by RFC 5545 and 16:45Z
    in ical.js and libical), so it moves to the first minute after it that happens
    exactly once.

    Args:
        day: The local date.
        at: The local time of day (naive).
        tz: The zone.

    Returns:
        The aware datetime and, when the time had to move, a sentence saying why.

    Raises:
        SchedulingError: no time in the next two days happens exactly once (no real zone).
    """
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    state = _wall_state(naive, tz)
    if state is None:
        return naive.replace(tzinfo=tz), None
    moved = naive.replace(second=0, microsecond=0)
    for _ in range(2 * 24 * 60):
        moved += timedelta(minutes=1)
        if _wall_state(moved, tz) is None:
            break
    else:  # pragma: no cover - no zone has a two-day gap or fold
        raise SchedulingError(f"no unambiguous local time in {tz.key} after {naive:%Y-%m-%d %H:%M}")
    when = f"{moved:%H:%M}" if moved.date() == day else fmt_moment(moved)
    if state == "gap":
        note = (
            f"{at:%H:%M} does not exist in {tz.key} on {fmt_day(day)} (clocks go forward), "
            f"so it moves to {when}, the first minute after it that does"
        )
    else:
        note = (
            f"{at:%H:%M} happens twice in {tz.key} on {fmt_day(day)} (clocks go back), "
            f"so it moves to {when}, the first minute after it that happens once"
        )
    return moved.replace(tzinfo=tz), note


def settle(moment: datetime, tz: ZoneInfo) -> tuple[datetime, str | None]:
    """``moment`` in ``tz``, moved on as [`localize`][followup.timing.localize] moves a time when its local time happens twice.

    An exact instant always exists, but a calendar writes it as a local time with
    its zone, and a local time that happens twice is read differently by clients.

    Args:
        moment: An aware datetime.
        tz: The zone it is shown and written in.
    """
    local = moment.astimezone(tz)
    if _wall_state(local.replace(tzinfo=None, fold=0), tz) is None:
        return local, None
    return localize(local.date(), local.time(), tz)


def _fmt_offset(moment: datetime) -> str:
    off = moment.utcoffset() or timedelta(0)
    sign = "+" if off >= timedelta(0) else "-"
    minutes = abs(int(off.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@attrs.frozen(kw_only=True)
class Shifted:
    """An anchor moved by an offset (see [`shift`][followup.timing.shift]).

    Args:
        moment: The result, aware, in the zone.
        notes: Sentences about DST moves on the way.
        skipped: Holidays that business days skipped (window days only, weekends aside).
    """

    moment: datetime
    notes: tuple[str, ...] = ()
    skipped: tuple[date, ...] = ()


def shift(
    start: datetime | date,
    offset: Offset,
    tz: ZoneInfo,
    window: SendWindow,
    holidays: HolidayCalendar,
    default_time: time,
) -> Shifted:
    """Apply an offset to an anchor (an aware datetime or a local date) in zone ``tz``.

    Args:
        start: The anchor.
        offset: The offset.
        tz: The zone the offset is counted in.
        window: The window whose days are business days.
        holidays: The holidays business days skip.
        default_time: The time of day when the anchor is a date.
    """
    skipped: list[date] = []
    if isinstance(start, datetime):
        local = start.astimezone(tz)
        if isinstance(offset, timedelta):
            return Shifted(moment=(local + offset).astimezone(UTC).astimezone(tz))
        if isinstance(offset, BusinessDays):
            day = window.add_business_days(local.date(), offset.n, holidays)
            skipped = _skipped(window, local.date(), day, offset.n, holidays)
            tod = local.time().replace(tzinfo=None)
        else:
            shifted = local.replace(tzinfo=None) + offset
            day, tod = shifted.date(), shifted.time()
    elif isinstance(offset, BusinessDays):
        day = window.add_business_days(start, offset.n, holidays)
        skipped = _skipped(window, start, day, offset.n, holidays)
        tod = default_time
    elif isinstance(offset, timedelta):
        moment, note = localize(start, default_time, tz)
        return Shifted(
            moment=(moment + offset).astimezone(UTC).astimezone(tz),
            notes=(note,) if note else (),
        )
    else:
        day = start + offset
        tod = default_time
    moment, note = localize(day, tod, tz)
    return Shifted(moment=moment, notes=(note,) if note else (), skipped=tuple(skipped))


def shift_back(
    start: datetime | date,
    offset: Offset,
    tz: ZoneInfo,
    window: SendWindow,
    holidays: HolidayCalendar,
    default_time: time,
) -> Shifted:
    """Count an offset back from an anchor (a deadline): the mirror of [`shift`][followup.timing.shift].

    ``BusinessDays(2)`` before a Monday deadline is the Thursday before (holidays
    skipped); ``BusinessDays(0)`` is the day itself if it is a business day, else the
    business day before it.

    Args:
        start: The anchor (a local date, or an aware datetime).
        offset: The offset, counted backwards.
        tz: The zone it is counted in.
        window: The window whose days are business days.
        holidays: The holidays business days skip.
        default_time: The time of day when the anchor is a date.
    """
    if isinstance(start, datetime):
        local = start.astimezone(tz)
        day, tod = local.date(), local.time().replace(tzinfo=None)
    else:
        day, tod = start, default_time
    skipped: list[date] = []
    if isinstance(offset, BusinessDays):
        steps = offset.n
        if steps == 0 and not window.is_business_day(day, holidays):
            steps = 1
        for _ in range(steps):
            day -= timedelta(days=1)
            for _ in range(3660):
                if window.is_business_day(day, holidays):
                    break
                if day.weekday() in window.days:
                    skipped.append(day)
                day -= timedelta(days=1)
    elif isinstance(offset, timedelta):
        moment, note = localize(day, tod, tz)
        return Shifted(
            moment=(moment - offset).astimezone(UTC).astimezone(tz),
            notes=(note,) if note else (),
        )
    else:
        day = day - offset
    moment, note = localize(day, tod, tz)
    return Shifted(moment=moment, notes=(note,) if note else (), skipped=tuple(sorted(skipped)))


def _skipped(
    window: SendWindow, start: date, end: date, n: int, holidays: HolidayCalendar
) -> list[date]:
    # Counting starts the day after the anchor, so the anchor itself is skipped only by
    # "0 business days" (the same day if it is one).
    first = start if n == 0 else start + timedelta(days=1)
    return window.holidays_between(first, end - timedelta(days=1), holidays)


def apply_offset(
    start: datetime | date,
    offset: Offset,
    tz: ZoneInfo,
    window: SendWindow,
    holidays: HolidayCalendar,
    default_time: time,
) -> tuple[datetime, list[str]]:
    """Apply an offset to an anchor in zone ``tz``: (moment, notes). See [`shift`][followup.timing.shift]."""
    result = shift(start, offset, tz, window, holidays, default_time)
    notes = list(result.notes)
    words = holidays.explain(result.skipped) if result.skipped else None
    if words:
        notes.insert(0, f"{words}, so {fmt_day(result.moment.date())}")
    return result.moment, notes


def _why_outside(moment: datetime, window: SendWindow, holidays: HolidayCalendar) -> str:
    day = moment.date()
    if day in holidays:
        return "a holiday"
    if day.weekday() not in window.days:
        return (
            "a weekend"
            if day.weekday() >= 5 and window.days == frozenset(range(5))
            else "not a window day"
        )
    if moment.time() < window.start:
        return "before the window opens"
    return "after the window closes"


def fit_window(
    moment: datetime, tz: ZoneInfo, window: SendWindow, holidays: HolidayCalendar
) -> tuple[datetime, str | None]:
    """Move a moment forward into the send window; say why when it moved.

    The holidays skipped on the way are named: "Fri 25 Dec 10:00 is a holiday; Fri 25
    Dec is Christmas Day and Mon 28 Dec is Boxing Day (observed) in the United
    Kingdom, so it moves to Tue 29 Dec 09:00, ...". A window opening whose local
    time happens twice or not at all moves on as [`localize`][followup.timing.localize] says.

    Args:
        moment: An aware datetime.
        tz: The zone of the window.
        window: The send window.
        holidays: The holidays the window skips.
    """
    local = moment.astimezone(tz)
    if window.contains(local, holidays):
        return local, None
    why = _why_outside(local, window, holidays)
    day = local.date()
    if not (window.is_business_day(day, holidays) and local.time() < window.start):
        day = window.next_business_day(day, holidays)
    fitted, dst = localize(day, window.start, tz)
    skipped = holidays.explain(window.holidays_between(local.date(), day, holidays))
    note = f"{fmt_moment(local)} is {why}" + (f"; {skipped}" if skipped else "")
    note += (
        f", so it moves to {fmt_moment(fitted)}, "
        f"the next opening of the {window.describe()} window in {tz.key}"
    )
    if dst:
        note += f" ({dst})"
    return fitted, note


def place(
    moment: datetime, tz: ZoneInfo, window: SendWindow, holidays: HolidayCalendar
) -> tuple[datetime, list[str]]:
    """Fit a moment into the window at a local time that happens exactly once.

    [`fit_window`][followup.timing.fit_window], then [`settle`][followup.timing.settle]; when settling takes it out of the window
    (a window that ends in the repeated hour), fit again.

    Args:
        moment: An aware datetime.
        tz: The zone of the window.
        window: The send window.
        holidays: The holidays the window skips.

    Returns:
        The moment and the notes saying why it moved (none when it did not).
    """
    notes: list[str] = []
    for _ in range(4):
        fitted, note = fit_window(moment, tz, window, holidays)
        notes += [note] if note else []
        settled, dst = settle(fitted, tz)
        if dst is None:
            return settled, notes
        notes.append(dst)
        if window.contains(settled, holidays):
            return settled, notes
        moment = settled
    return settled, notes


def latest_in_window(
    lo: datetime, hi: datetime, tz: ZoneInfo, window: SendWindow, holidays: HolidayCalendar
) -> datetime | None:
    """The latest moment in ``[lo, hi]`` inside the window, or None."""
    lo_l, hi_l = lo.astimezone(tz), hi.astimezone(tz)
    day = hi_l.date()
    while day >= lo_l.date():
        if window.is_business_day(day, holidays):
            open_ = read_local(day, window.start, tz)
            close = read_local(day, window.end, tz)
            candidate = min(close, hi_l)
            if candidate >= max(open_, lo_l):
                return candidate.astimezone(tz)
        day -= timedelta(days=1)
    return None


# --- recurrence -----------------------------------------------------------------------------

_NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _check_every(
    _inst: Any, attribute: attrs.Attribute[relativedelta], value: relativedelta
) -> None:
    if not isinstance(value, relativedelta):
        raise ValidationError("every", value, "relativedelta(weeks=N) or relativedelta(months=N)")
    rd = value.normalized()
    units = {
        k for k in ("years", "months", "days", "hours", "minutes", "seconds") if getattr(rd, k)
    }
    weeks_only = units == {"days"} and rd.days % 7 == 0 and rd.days > 0
    months_only = (
        units <= {"years", "months"}
        and (rd.years * 12 + rd.months) > 0
        and rd.years >= 0
        and rd.months >= 0
    )
    if not (weeks_only or months_only):
        raise ValidationError(
            "every", value, "a positive number of weeks or months, such as relativedelta(months=3)"
        )
    if _offset_days(value) > MAX_OFFSET_DAYS:
        raise ValidationError("every", value, f"an interval of {_TOO_LONG}")


@attrs.frozen(kw_only=True)
class Recurrence:
    """Repeat an action: every N weeks or months, a number of times or until a date.

    Occurrences always fall on a day of the send window: a weekly series keeps
    its weekday, a monthly one keeps its place in the month ("the fourth
    Wednesday", "the last Friday"), which every calendar client expands the same
    way. Occurrences on a holiday move to the next business day. Exactly one of
    ``count`` and ``until`` is given (RFC 5545 forbids both).

    Args:
        every: ``relativedelta(weeks=N)`` or ``relativedelta(months=N)``.
        count: How many occurrences in all, the first included.
        until: The last date an occurrence may fall on.
    """

    every: relativedelta = attrs.field(validator=_check_every)
    count: int | None = attrs.field(default=None)
    until: date | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.count is not None and self.until is not None:
            raise ValidationError(
                "until", self.until, "either count or until, never both (RFC 5545)"
            )
        if self.count is None and self.until is None:
            raise ValidationError(
                "count", None, "a count (such as 4) or an until date: reminders must end"
            )
        if self.count is not None and (
            isinstance(self.count, bool)
            or not isinstance(self.count, int)
            or not 1 <= self.count <= MAX_COUNT
        ):
            raise ValidationError(
                "count", self.count, f"a whole number of occurrences, 1 or more and at most {MAX_COUNT}"
            )
        if self.until is not None and (
            isinstance(self.until, datetime) or not isinstance(self.until, date)
        ):
            raise ValidationError("until", self.until, "a date")
        if self.until is not None:
            check_range("until", self.until)

    @property
    def weeks(self) -> int | None:
        rd = self.every.normalized()
        return rd.days // 7 if rd.days else None

    @property
    def months(self) -> int | None:
        rd = self.every.normalized()
        return None if rd.days else rd.years * 12 + rd.months

    def describe(self) -> str:
        """``"every 3 months, 4 times"``."""
        unit = _plural(self.weeks, "week") if self.weeks else _plural(self.months or 0, "month")
        unit = unit.removeprefix("1 ")
        tail = (
            f"{self.count} times"
            if self.count is not None
            else f"until {fmt_day(self.until or date.min)} {(self.until or date.min).year}"
        )
        return f"every {unit}, {tail}"

    def expand(
        self, nominal: datetime, window: SendWindow, holidays: HolidayCalendar = NO_HOLIDAYS
    ) -> Expansion:
        """Expand from a nominal first occurrence (local, aware, its time already in the window).

        Returns:
            The RRULE text, the occurrences as the rule gives them (the calendar's
            view), the occurrences after moving any that fall on a holiday, and a
            note when the nominal date had to be adjusted.
        """
        tz = nominal.tzinfo
        if not isinstance(tz, ZoneInfo):
            raise SchedulingError("recurring actions need a ZoneInfo time zone")
        local = nominal.replace(tzinfo=None)
        kwargs: dict[str, Any] = {}
        note: str | None = None
        if self.weeks:
            if local.weekday() not in window.days:
                day = window.add_business_days(local.date(), 0)
                local = datetime.combine(day, local.time())
            parts = ["FREQ=WEEKLY"] + ([f"INTERVAL={self.weeks}"] if self.weeks > 1 else [])
            freq = _rr.WEEKLY
            kwargs["interval"] = self.weeks
        else:
            # A monthly series lands on the same weekday of the month (the 4th Wednesday, the
            # last Friday): always a window day, and every client expands BYDAY=4WE alike
            # (ical.js ignores BYSETPOS with BYMONTHDAY, so "first weekday on or after the
            # 24th" would come out differently in Thunderbird).
            months = self.months or 1
            if local.weekday() not in window.days:
                day = window.add_business_days(local.date(), 0)
                local = datetime.combine(day, local.time())
            nth = (local.day - 1) // 7 + 1
            if nth == 5:
                nth = -1
            code = _BYDAY[local.weekday()]
            freq = _rr.MONTHLY
            kwargs.update(interval=months, byweekday=(_rr.weekday(local.weekday(), nth),))
            parts = ["FREQ=MONTHLY"] + ([f"INTERVAL={months}"] if months > 1 else [])
            parts.append(f"BYDAY={nth}{code}")
            note = f"on the {_NTH[nth]} {local:%A} of the month"
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
            kwargs["count"] = self.count
        else:
            assert self.until is not None
            end = read_local(self.until, time(23, 59, 59), tz)
            parts.append(f"UNTIL={end.astimezone(UTC):%Y%m%dT%H%M%SZ}")
            kwargs["until"] = datetime.combine(self.until, time(23, 59, 59))
        rule = _rr.rrule(freq, dtstart=local, **kwargs)  # type: ignore[arg-type]
        nominal_dates = list(itertools.islice(rule, MAX_COUNT + 1))
        if len(nominal_dates) > MAX_COUNT:
            raise SchedulingError(
                f"the series {self.describe()} from {fmt_day(local.date())} {local.year} would have "
                f"more than {MAX_COUNT} occurrences (at most {MAX_COUNT}): choose an earlier "
                "until date, a longer interval, or a count",
                field="until",
            )
        dates = [n.date() for n in nominal_dates]
        if not dates:
            raise SchedulingError(
                f"the recurrence {self.describe()} has no occurrence after {fmt_day(local.date())}"
            )
        tod, dst = _series_time(dates, local.time(), tz)
        planned = tuple(datetime.combine(d, tod, tzinfo=tz) for d in dates)
        actual = []
        moves = []
        for moment in planned:
            if moment.date() in holidays:
                day = window.next_business_day(moment.date(), holidays)
                moved, _ = localize(day, tod, tz)
                actual.append(moved)
                skipped = window.holidays_between(moment.date(), day, holidays)
                moves.append(
                    f"{holidays.explain(skipped) or fmt_day(moment.date()) + ' is a holiday'}, "
                    f"so that one moves to {fmt_day(day)}"
                )
            else:
                actual.append(moment)
        return Expansion(
            rrule=";".join(parts),
            planned=planned,
            occurrences=tuple(actual),
            note=note,
            dst=dst,
            moves=tuple(moves),
        )


def _series_time(dates: list[date], tod: time, tz: ZoneInfo) -> tuple[time, str | None]:
    """One time of day for every date of a series, one that happens exactly once on each.

    A calendar client expands a rule in local time, and reads an occurrence at a local
    time that happens twice or not at all its own way (RFC 5545 says the first of two;
    ical.js and libical take the second). Moving only that occurrence would need an
    override whose RECURRENCE-ID is that same ambiguous time, so the whole series moves
    to the first minute after that is clear on every date, and every client agrees.
    Where no minute after it is clear before midnight (Chile's clocks go back from
    midnight to 23:00), it takes the last clear minute before it instead.
    """

    def first_bad(t: time) -> date | None:
        return next((d for d in dates if _wall_state(datetime.combine(d, t), tz) is not None), None)

    bad = first_bad(tod)
    if bad is None:
        return tod, None
    wanted, first = tod, bad
    state = _wall_state(datetime.combine(first, wanted), tz)
    what = (
        f"{wanted:%H:%M} "
        + ("does not exist" if state == "gap" else "happens twice")
        + f" in {tz.key} on {fmt_day(first)} {first.year} (clocks go "
        + ("forward)" if state == "gap" else "back)")
    )
    while bad is not None:
        moved, _ = localize(bad, tod, tz)
        if moved.date() != bad:
            break
        tod = moved.time()
        bad = first_bad(tod)
    else:
        return tod, (
            f"{what}, so the series runs at {tod:%H:%M}, the first minute after it that "
            "happens exactly once on every date of the series"
        )
    minute = datetime.combine(first, wanted).replace(second=0, microsecond=0)
    while minute.date() == first:
        minute -= timedelta(minutes=1)
        if minute.date() == first and first_bad(minute.time()) is None:
            return minute.time(), (
                f"{what}, and no later minute that day happens exactly once on every date of "
                f"the series, so it runs at {minute:%H:%M}, the last minute before it that does"
            )
    raise SchedulingError(  # pragma: no cover - no zone's clocks change all day long
        f"no time of day in {tz.key} is clear on every date of the series at {wanted:%H:%M}: "
        "choose another time of day"
    )


@attrs.frozen(kw_only=True)
class Expansion:
    """A recurrence expanded from its first occurrence (see [`Recurrence.expand`][followup.timing.Recurrence.expand]).

    Args:
        rrule: The RFC 5545 rule.
        planned: The occurrences as the rule gives them (the calendar's view).
        occurrences: The occurrences after moving those that fall on a holiday.
        note: Words for a monthly series' day ("on the fourth Wednesday of the month").
        dst: Why the series' time of day moved, when it met a DST change.
        moves: A sentence per occurrence a holiday moved.
    """

    rrule: str
    planned: tuple[datetime, ...]
    occurrences: tuple[datetime, ...]
    note: str | None = None
    dst: str | None = None
    moves: tuple[str, ...] = ()
