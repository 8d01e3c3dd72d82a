"""Time arithmetic: anchors, offsets, business days, send windows, recurrence.

This is the only module that does date arithmetic with ``dateutil``. Every
function is pure: the same arguments give the same result, and every computed
date comes with the words that explain it.

Local times that do not exist (the hour skipped when clocks go forward) or exist
twice (the hour repeated when they go back) are resolved the way RFC 5545 asks
calendar clients to resolve them, so a calendar shows what the timeline says:
a skipped time is read with the offset from before the gap (02:30 becomes
03:30), and a repeated time means its first occurrence.
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

from followup._validate import MAX_COUNT, check_range
from followup.errors import SchedulingError, ValidationError

__all__ = [
    "Anchor",
    "BusinessDays",
    "HolidayCalendar",
    "Offset",
    "Recurrence",
    "SendWindow",
    "When",
    "describe_offset",
    "parse_offset",
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
    ``relativedelta``; "business days" a :class:`BusinessDays`.

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


def _holidays_for(country: str, year: int) -> frozenset[date]:
    return _country_holidays(country, year)


@lru_cache(maxsize=256)
def _country_holidays(country: str, year: int) -> frozenset[date]:
    import holidays  # a dependency, imported on first use: `import followup` stays light

    try:
        return frozenset(holidays.country_holidays(country, years=year).keys())
    except NotImplementedError as exc:
        raise ValidationError(
            "holidays", country, "a country code the 'holidays' package knows, such as 'US' or 'DE'"
        ) from exc


def _to_dates(value: Iterable[date]) -> frozenset[date]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class HolidayCalendar:
    """Days that are not business days, beyond the window's weekdays.

    Args:
        dates: Explicit holiday dates.
        country: A country code for the optional ``holidays`` package ("US", "DE", ...).
    """

    dates: frozenset[date] = attrs.field(default=frozenset(), converter=_to_dates)
    country: str | None = attrs.field(default=None)

    @country.validator
    def _check_country(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None:
            _country_holidays(value, 2026)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        if day in self.dates:
            return True
        return self.country is not None and day in _holidays_for(self.country, day.year)

    def __bool__(self) -> bool:
        return bool(self.dates) or self.country is not None


NO_HOLIDAYS = HolidayCalendar()


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
        """``"09:00–17:00 weekday"`` or ``"10:00–16:00 Mon, Wed"``."""
        hours = f"{self.start:%H:%M}–{self.end:%H:%M}"
        if self.days == frozenset(range(5)):
            return f"{hours} weekday"
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

    def contains(self, moment: datetime, holidays: HolidayCalendar = NO_HOLIDAYS) -> bool:
        """True when the local ``moment`` is on a business day between start and end."""
        t = moment.time()
        return self.is_business_day(moment.date(), holidays) and self.start <= t <= self.end


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
    """

    anchor: Anchor = attrs.field(converter=Anchor)
    offset: Offset = attrs.field(default=attrs.Factory(timedelta), validator=_check_offset)
    step: str | None = attrs.field(default=None)
    at: time | None = attrs.field(default=None)
    within: timedelta | None = attrs.field(default=None)

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


def fmt_day(day: date) -> str:
    """``"Tue 24 Nov"``."""
    return f"{_WEEKDAY_NAMES[day.weekday()]} {day.day} {day:%b}"


def fmt_moment(moment: datetime) -> str:
    """``"Tue 24 Nov 10:00"``."""
    return f"{fmt_day(moment.date())} {moment:%H:%M}"


def localize(day: date, at: time, tz: ZoneInfo) -> tuple[datetime, str | None]:
    """Combine a local date and time in ``tz``, resolving DST gaps and folds.

    Returns:
        The aware datetime (normalised to a real local time) and, when the local
        time did not exist or existed twice, a sentence saying how it was resolved.
    """
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    first = naive.replace(tzinfo=tz)
    real = first.astimezone(UTC).astimezone(tz)
    if real.replace(tzinfo=None) != naive:
        return real, (
            f"{at:%H:%M} does not exist in {tz.key} on {fmt_day(day)} (clocks go forward), "
            f"so it is read as {real:%H:%M}"
        )
    second = naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        return first, (
            f"{at:%H:%M} happens twice in {tz.key} on {fmt_day(day)} (clocks go back); "
            f"the first one (UTC{_fmt_offset(first)}) is used"
        )
    return first, None


def _fmt_offset(moment: datetime) -> str:
    off = moment.utcoffset() or timedelta(0)
    sign = "+" if off >= timedelta(0) else "-"
    minutes = abs(int(off.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def apply_offset(
    start: datetime | date,
    offset: Offset,
    tz: ZoneInfo,
    window: SendWindow,
    holidays: HolidayCalendar,
    default_time: time,
) -> tuple[datetime, list[str]]:
    """Apply an offset to an anchor (an aware datetime or a local date) in zone ``tz``."""
    notes: list[str] = []
    if isinstance(start, datetime):
        local = start.astimezone(tz)
        if isinstance(offset, timedelta):
            return (local + offset).astimezone(UTC).astimezone(tz), notes
        if isinstance(offset, BusinessDays):
            day = window.add_business_days(local.date(), offset.n, holidays)
        else:
            shifted = local.replace(tzinfo=None) + offset
            day, tod = shifted.date(), shifted.time()
            moment, note = localize(day, tod, tz)
            notes += [note] if note else []
            return moment, notes
        moment, note = localize(day, local.time(), tz)
        notes += [note] if note else []
        return moment, notes
    if isinstance(offset, BusinessDays):
        day = window.add_business_days(start, offset.n, holidays)
        tod = default_time
    elif isinstance(offset, timedelta):
        moment, note = localize(start, default_time, tz)
        notes += [note] if note else []
        return (moment + offset).astimezone(UTC).astimezone(tz), notes
    else:
        day = start + offset
        tod = default_time
    moment, note = localize(day, tod, tz)
    notes += [note] if note else []
    return moment, notes


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
    """Move a moment forward into the send window; say why when it moved."""
    local = moment.astimezone(tz)
    if window.contains(local, holidays):
        return local, None
    why = _why_outside(local, window, holidays)
    day = local.date()
    if not (window.is_business_day(day, holidays) and local.time() < window.start):
        day = window.next_business_day(day, holidays)
    fitted, dst = localize(day, window.start, tz)
    note = (
        f"{fmt_moment(local)} is {why}, so it moves to {fmt_moment(fitted)}, "
        f"the next opening of the {window.describe()} window in {tz.key}"
    )
    if dst:
        note += f" ({dst})"
    return fitted, note


def latest_in_window(
    lo: datetime, hi: datetime, tz: ZoneInfo, window: SendWindow, holidays: HolidayCalendar
) -> datetime | None:
    """The latest moment in ``[lo, hi]`` inside the window, or None."""
    lo_l, hi_l = lo.astimezone(tz), hi.astimezone(tz)
    day = hi_l.date()
    while day >= lo_l.date():
        if window.is_business_day(day, holidays):
            open_, _ = localize(day, window.start, tz)
            close, _ = localize(day, window.end, tz)
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
            end, _ = localize(self.until, time(23, 59, 59), tz)
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
        planned = tuple(localize(n.date(), n.time(), tz)[0] for n in nominal_dates)
        if not planned:
            raise SchedulingError(
                f"the recurrence {self.describe()} has no occurrence after {fmt_day(local.date())}"
            )
        actual = []
        for moment in planned:
            if moment.date() in holidays:
                day = window.next_business_day(moment.date(), holidays)
                actual.append(localize(day, moment.time().replace(tzinfo=None), tz)[0])
            else:
                actual.append(moment)
        return Expansion(
            rrule=";".join(parts), planned=planned, occurrences=tuple(actual), note=note
        )


@attrs.frozen(kw_only=True)
class Expansion:
    """A recurrence expanded from its first occurrence (see :meth:`Recurrence.expand`)."""

    rrule: str
    planned: tuple[datetime, ...]
    occurrences: tuple[datetime, ...]
    note: str | None = None
