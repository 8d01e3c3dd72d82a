"""The one converter, on cattrs: every value to JSON-safe data and back (private).

[`followup.codec`][followup.codec] is the public face (``followup.to_dict`` /
``followup.from_dict``); the timeline's dicts, the registry's step parameters,
the interview-file reader and writer and the command line all go through the
hooks here, so a value has one spelling everywhere:

======================  =================================================================
aware datetime          ISO 8601 with its UTC offset: ``"2026-11-20T14:00:00-05:00"``
date                    ISO 8601: ``"2026-11-24"``
time of day             ``"09:00"`` (``"09:00:30"`` with seconds)
duration                words: ``"45 minutes"``, ``"3 hours"``, ``"2 business days"``,
                        ``"3 months"``, ``"1 year 2 months"``
send window             ``{"days": ["mon", "tue", ...], "start": "09:00", "end": "17:00"}``
holidays                a code ``"US"`` or ``"DE-BY"``, a list of dates, or both:
                        ``["GB", "2026-12-24"]`` (as interview files write them)
enum, literal           its value: ``"rejected"``, ``"warm"``
set                     a sorted list
history record          a table with ``"event"``: ``done``, ``skipped``, ``snoozed``,
                        ``reply``, ``out-of-office`` or ``outcome``
======================  =================================================================

``None`` is never written: a field left at ``None`` is left out (so TOML can
hold the data), and reading a missing key gives the field's default.

Reading is strict: a value of the wrong type, an unknown key or a value a class
refuses raises [`ValidationError`][followup.errors.ValidationError] whose ``field`` is the
path to it (``interviewers[1].timezone``, indices counting from 0).

cattrs is imported on first use: ``import followup`` stays light.
"""

from __future__ import annotations

import difflib
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar, cast, get_args, get_origin
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from followup import _validate as v
from followup.errors import ValidationError
from followup.model import (
    Candidate,
    Contact,
    Decision,
    HistoryRecord,
    Interview,
    Outcome,
    OutcomeChanged,
    OutcomeStatus,
    OutOfOffice,
    ReplyReceived,
    Snoozed,
    Status,
    StepDone,
    StepSkipped,
)
from followup.timing import (
    Anchor,
    AppliedHolidays,
    BusinessDays,
    HolidayCalendar,
    SendWindow,
    describe_offset,
    holiday_calendar,
    parse_offset,
)

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "EVENTS",
    "converter",
    "describe_duration",
    "parse_duration",
    "structure",
    "structure_value",
    "unstructure",
]

T = TypeVar("T")

_NONE = type(None)
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_LONG_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_PIECE = re.compile(r"\s*(\d+)\s*(business\s+days?|[a-z]+)\s*")
_DURATIONS = (timedelta, relativedelta, BusinessDays)

EVENTS: Mapping[str, type] = {
    "done": StepDone,
    "skipped": StepSkipped,
    "snoozed": Snoozed,
    "reply": ReplyReceived,
    "out-of-office": OutOfOffice,
    "outcome": OutcomeChanged,
}
"""The history records by the ``event`` name their data carries."""

_EVENT_OF = {cls: name for name, cls in EVENTS.items()}


class _Bad(Exception):
    """A value a hook refuses: becomes a ValidationError with the path where it was found."""

    def __init__(self, value: object, expected: str, where: str = "") -> None:
        self.value = value
        self.expected = expected
        self.where = where
        super().__init__(expected)


# --- durations ---------------------------------------------------------------------------------


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" + ("" if n == 1 else "s")


def parse_duration(text: str) -> timedelta | relativedelta | BusinessDays:
    """``"3 months"``, ``"2 business days"``, ``"3 hours"``, ``"45m"``; also ``"1 year 2 months"``.

    Minutes and hours give a ``timedelta``; days, weeks, months and years a
    ``relativedelta``; business days a [`BusinessDays`][followup.timing.BusinessDays].

    Raises:
        ValidationError: the text is not a duration.
    """
    if not isinstance(text, str):
        raise ValidationError("duration", text, "a duration in words, such as '3 months'")
    pos, pieces = 0, []
    lowered = text.lower()
    while pos < len(lowered):
        m = _PIECE.match(lowered, pos)
        if m is None or m.end() == pos:
            raise ValidationError("duration", text, "a duration")
        pieces.append(parse_offset(m.group(0)))
        pos = m.end()
    if not pieces:
        raise ValidationError("duration", text, "a duration")
    if len(pieces) == 1:
        return pieces[0]
    if any(isinstance(p, BusinessDays) for p in pieces):
        raise ValidationError("duration", text, "business days on their own")
    total: Any = (
        relativedelta() if any(isinstance(p, relativedelta) for p in pieces) else timedelta()
    )
    for p in pieces:
        total = total + p
    return cast("timedelta | relativedelta", total)


def _round_trips(text: str, value: object) -> bool:
    try:
        back = parse_duration(text)
    except ValidationError:
        return False
    return type(back) is type(value) and back == value


def describe_duration(value: timedelta | relativedelta | BusinessDays) -> str:
    """Words for a duration that `parse_duration` reads back to an equal value of the same type.

    Raises:
        ValidationError: the value cannot be written in words (seconds, a negative part).
    """
    text = describe_offset(value)
    if _round_trips(text, value):
        return text
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        text = (
            _plural(seconds // 3600, "hour")
            if seconds % 3600 == 0
            else _plural(seconds // 60, "minute")
        )
    elif isinstance(value, relativedelta):
        rd = value.normalized()
        parts = []
        for attr, unit in (("years", "year"), ("months", "month"), ("days", "day")):
            n = getattr(rd, attr)
            if n:
                parts.append(
                    _plural(n // 7, "week") if attr == "days" and n % 7 == 0 else _plural(n, unit)
                )
        if not parts:
            parts.append("0 days")  # keeps it a calendar offset: "0 days 3 hours"
        for attr, unit in (("hours", "hour"), ("minutes", "minute")):
            n = getattr(rd, attr)
            if n:
                parts.append(_plural(n, unit))
        text = " ".join(parts)
    if _round_trips(text, value):
        return text
    raise ValidationError(
        "duration",
        value,
        "an offset that can be written in words (whole minutes, hours, days, weeks, months, "
        "years or business days, none negative)",
    )


_DURATION_WORDS = {
    timedelta: "hours or minutes",
    relativedelta: "days, weeks, months or years",
    BusinessDays: "business days",
}
_DURATION_EXAMPLES = {
    timedelta: "'3 hours'",
    relativedelta: "'3 months'",
    BusinessDays: "'2 business days'",
}


def _duration_expected(allowed: Iterable[type]) -> str:
    kinds = [k for k in _DURATIONS if k in set(allowed)]
    if kinds == [BusinessDays]:
        return "a number of business days, such as '2 business days'"
    if kinds == [timedelta]:
        return "a duration in hours or minutes, such as '3 hours' or '45 minutes'"
    if kinds == [relativedelta]:
        return "a duration such as '3 days', '2 weeks' or '3 months'"
    return f"a duration in {' or '.join(_DURATION_WORDS[k] for k in kinds)}, such as " + ", ".join(
        _DURATION_EXAMPLES[k] for k in kinds
    )


def _coerce_duration(offset: Any, allowed: tuple[type, ...]) -> Any:
    if type(offset) in allowed:
        return offset
    if isinstance(offset, relativedelta) and timedelta in allowed:
        rd = offset.normalized()
        if not (rd.years or rd.months):
            return timedelta(days=rd.days, hours=rd.hours, minutes=rd.minutes, seconds=rd.seconds)
    if isinstance(offset, timedelta) and relativedelta in allowed:
        return relativedelta(seconds=int(offset.total_seconds())).normalized()
    return None


def _structure_duration(value: Any, allowed: tuple[type, ...]) -> Any:
    expected = _duration_expected(allowed)
    if isinstance(value, _DURATIONS):
        offset: Any = value
    elif isinstance(value, str):
        try:
            offset = parse_duration(value)
        except ValidationError as exc:
            # A number too large says so (its bound); other words get what the field takes.
            raise _Bad(value, exc.expected if "at most" in exc.expected else expected) from None
    else:
        raise _Bad(value, expected)
    coerced = _coerce_duration(offset, allowed)
    if coerced is None:
        raise _Bad(value, expected)
    return coerced


def structure_duration(value: str, allowed: tuple[type, ...]) -> Any:
    """Text read as a duration of one of the ``allowed`` kinds, as the converter reads it.

    The converter's own hook, without the converter: reading an interview file needs only
    its durations (``duration = "1 hour"``), and building the converter imports cattrs and
    compiles its structuring code, a tenth of ``followup ics``'s start-up.

    Raises:
        ValidationError: the value is not such a duration (``field`` is ``""``).
    """
    try:
        return _structure_duration(value, allowed)
    except (_Bad, ValidationError) as exc:
        raise _leaf(exc, "") from None


def _unstructure_duration(value: Any) -> str:
    try:
        return describe_duration(value)
    except ValidationError as exc:
        raise _Bad(value, exc.expected) from None


# --- dates and times ----------------------------------------------------------------------------


def _structure_datetime(value: Any, _: Any = None) -> datetime:
    expected = "an ISO 8601 date and time with a UTC offset, such as 2026-11-24T10:00:00-05:00"
    moment = value
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise _Bad(value, expected) from None
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise _Bad(value, expected)
    if not v.in_range(moment):
        raise _Bad(value, v.DATE_RANGE)
    return moment


def _structure_date(value: Any, _: Any = None) -> date:
    expected = "a date such as 2026-11-24"
    day = value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise _Bad(value, expected) from None
    if isinstance(day, datetime) or not isinstance(day, date):
        raise _Bad(value, expected)
    if not v.in_range(day):
        raise _Bad(value, v.DATE_RANGE)
    return day


def _structure_date_or_datetime(value: Any) -> date | datetime:
    if isinstance(value, datetime) or (isinstance(value, str) and "T" in value):
        return _structure_datetime(value)
    if isinstance(value, date) or (isinstance(value, str) and _DATE.fullmatch(value)):
        return _structure_date(value)
    raise _Bad(
        value, "a date such as 2026-11-24, or a date and time such as 2026-11-24T10:30:00-05:00"
    )


def _clock_text(value: time) -> str:
    return value.isoformat("seconds" if value.second else "minutes")


def _unstructure_time(value: time) -> str:
    if value.tzinfo is not None:
        raise _Bad(value, "a naive local time of day")
    return _clock_text(value)


def _structure_time(value: Any, _: Any = None) -> time:
    expected = 'a local time of day such as "09:00" or "17:30"'
    if isinstance(value, time) and value.tzinfo is None:
        return value
    if isinstance(value, str):
        m = _CLOCK.fullmatch(value.strip())
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60 and int(m.group(3) or 0) < 60:
            return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    raise _Bad(value, expected)


# --- send windows and holidays ---------------------------------------------------------------


def _unstructure_window(value: SendWindow) -> dict[str, Any]:
    return {
        "days": [_DAYS[d] for d in sorted(value.days)],
        "start": _clock_text(value.start),
        "end": _clock_text(value.end),
    }


def _structure_window(value: Any, _: Any = None) -> SendWindow:
    if isinstance(value, SendWindow):
        return value
    if not isinstance(value, Mapping):
        raise _Bad(
            value,
            'a send window such as {"days": ["mon", "tue", "wed", "thu", "fri"], '
            '"start": "09:00", "end": "17:00"}',
        )
    unknown = [k for k in value if k not in ("days", "start", "end")]
    if unknown:
        close = difflib.get_close_matches(str(unknown[0]), ["days", "start", "end"], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise _Bad(
            value[unknown[0]], f"a send window key: days, start or end{hint}", str(unknown[0])
        )
    kwargs: dict[str, Any] = {}
    for key in ("start", "end"):
        if key in value:
            try:
                kwargs[key] = _structure_time(value[key])
            except _Bad as exc:
                raise _Bad(exc.value, exc.expected, key) from None
    if "days" in value:
        days = value["days"]
        if not isinstance(days, list | tuple) or isinstance(days, str) or not days:
            raise _Bad(
                days, 'a list of weekdays, such as ["mon", "tue", "wed", "thu", "fri"]', "days"
            )
        numbers = []
        for i, d in enumerate(days):
            if isinstance(d, str) and d.lower() in _DAYS:
                numbers.append(_DAYS.index(d.lower()))
            elif isinstance(d, str) and d.lower() in _LONG_DAYS:
                numbers.append(_LONG_DAYS.index(d.lower()))
            elif isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6:
                numbers.append(d)
            else:
                raise _Bad(d, "a weekday: mon, tue, wed, thu, fri, sat or sun", f"days[{i}]")
        kwargs["days"] = numbers
    try:
        return SendWindow(**kwargs)
    except ValidationError as exc:
        key = exc.field.removeprefix("window").lstrip(".") or "end"
        raise _Bad(value.get(key, exc.value), exc.expected, key) from None


def _unstructure_holidays(value: HolidayCalendar) -> Any:
    # The spelling interview files use: "DE-BY", ["GB", "2026-12-24"], ["2026-12-24"].
    written = value.to_value()
    return [] if written is None else written


def _structure_holidays(value: Any, _: Any = None) -> HolidayCalendar:
    if isinstance(value, HolidayCalendar):
        return value
    if not isinstance(value, str | list | tuple):
        raise _Bad(value, 'a code such as "US" or "DE-BY", dates, or both: ["GB", "2026-12-24"]')
    for i, item in enumerate(value if isinstance(value, list | tuple) else ()):
        if isinstance(item, str) and _DATE.fullmatch(item):
            try:
                _structure_date(item)
            except _Bad as exc:
                raise _Bad(exc.value, exc.expected, f"[{i}]") from None
    try:
        return holiday_calendar(value)
    except ValidationError as exc:
        raise _Bad(value, exc.expected) from None


def _unstructure_applied(value: AppliedHolidays) -> dict[str, Any]:
    return _without_none(value.to_dict())


def _structure_applied(value: Any, _: Any = None) -> AppliedHolidays:
    if not isinstance(value, Mapping):
        raise _Bad(value, "a table: code, place, dates, from, zone, person")
    _check_keys(value, ("code", "place", "dates", "from", "zone", "person"), "applied holidays")
    try:
        return AppliedHolidays.from_dict(value)
    except ValidationError as exc:
        raise _Bad(exc.value, exc.expected, exc.field) from None
    except (KeyError, TypeError, ValueError) as exc:
        raise _Bad(value, f"applied holidays ({exc})") from None


# --- the model's own shapes ----------------------------------------------------------------------


def _without_none(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: val for k, val in data.items() if val is not None}


def _check_keys(data: Any, allowed: Iterable[str], what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise _Bad(data, f"a table of {what}")
    allowed = list(allowed)
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise _Bad(data[key], f"a key of {what}{hint}: {', '.join(allowed)}", str(key))
    return data


_INTERVIEW_KEYS = (
    "company",
    "role",
    "start",
    "timezone",
    "duration",
    "candidate",
    "interviewers",
    "recruiter",
    "stage",
    "topics",
    "decision_expected",
    "other_offer_by",
    "careers_url",
    "highlights",
    "promised",
    "news",
    "key",
)


def _unstructure_interview(conv: cattrs.Converter, iv: Interview) -> dict[str, Any]:
    out: dict[str, Any] = {
        "company": iv.company,
        "role": iv.role,
        "start": iv.start.isoformat(),
        "timezone": iv.timezone,
        "duration": _unstructure_duration(iv.duration),
        "candidate": conv.unstructure(iv.candidate),
        "interviewers": [conv.unstructure(c) for c in iv.interviewers],
        "recruiter": None if iv.recruiter is None else conv.unstructure(iv.recruiter),
        "stage": iv.stage,
        "topics": list(iv.topics),
        "decision_expected": None
        if iv.decision_expected is None
        else iv.decision_expected.isoformat(),
        "other_offer_by": None if iv.other_offer_by is None else iv.other_offer_by.isoformat(),
        "careers_url": iv.careers_url,
        "highlights": iv.highlights,
        "promised": iv.promised,
        "news": iv.news,
        "key": None if "key" in iv.derived else iv.key,
    }
    return _without_none(out)


def _structure_interview(conv: cattrs.Converter, data: Any) -> Interview:
    data = _check_keys(data, _INTERVIEW_KEYS, "an interview")
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        kwargs[key] = _field(conv, key, value, _INTERVIEW_TYPES[key])
    start = kwargs.get("start")
    zone_name = kwargs.get("timezone")
    if isinstance(start, datetime) and isinstance(zone_name, str):
        # The data keeps the offset; the interview's own zone comes back from `timezone`,
        # and the zone is derived from `start` again, as it was built (see Interview.derived).
        try:
            kwargs["start"] = start.astimezone(v.zone(zone_name))
            del kwargs["timezone"]
        except ValidationError as exc:
            raise _Bad(zone_name, exc.expected, "timezone") from None
    return _build(Interview, kwargs)


_INTERVIEW_TYPES: dict[str, Any] = {
    "company": str,
    "role": str,
    "start": datetime,
    "timezone": str,
    "duration": timedelta,
    "candidate": Candidate,
    "interviewers": tuple[Contact, ...],
    "recruiter": Contact,
    "stage": str,
    "topics": tuple[str, ...],
    "decision_expected": date,
    "other_offer_by": date,
    "careers_url": str,
    "highlights": str,
    "promised": str,
    "news": str,
    "key": str,
}


def _field(conv: cattrs.Converter, key: str, value: Any, annotation: Any) -> Any:
    """One field's value, its errors located under ``key``."""
    try:
        return structure_value(value, annotation, conv=conv)
    except ValidationError as exc:
        raise ValidationError(_join(key, exc.field), exc.value, exc.expected) from None


def _build(cls: type[T], kwargs: Mapping[str, Any]) -> T:
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required key is missing
        missing = re.findall(r"'(\w+)'", str(exc))
        raise ValidationError(
            missing[0] if missing else cls.__name__.lower(), None, "a value (the key is missing)"
        ) from None


def _unstructure_record(conv: cattrs.Converter, record: HistoryRecord) -> dict[str, Any]:
    out: dict[str, Any] = {"event": _EVENT_OF[type(record)]}
    if isinstance(record, OutcomeChanged):
        out.update(conv.unstructure(record.outcome))
    else:
        out.update(_without_none(conv.unstructure_attrs_asdict(record)))
    return out


_RECORD_TYPES: dict[type, dict[str, Any]] = {
    StepDone: {"step": str, "at": date | datetime, "contact": str},
    StepSkipped: {"step": str, "at": date | datetime, "contact": str},
    Snoozed: {"step": str, "until": date | datetime, "contact": str},
    ReplyReceived: {"at": date | datetime, "contact": str},
    OutOfOffice: {"until": date, "contact": str, "at": date | datetime},
    OutcomeChanged: {
        "status": str,
        "at": date | datetime,
        "contact": Contact,
        "respond_by": date,
        "decision": str,
        "decided": date | datetime,
        "reason": str,
        "written": bool,
        "start_date": date,
        "note": str,
        "open_to": str,
    },
}


def _structure_record(conv: cattrs.Converter, data: Any, cls: type | None = None) -> HistoryRecord:
    if not isinstance(data, Mapping):
        raise _Bad(data, "a history record: a table with an 'event'")
    event = data.get("event")
    if event is None and cls is not None and cls in _EVENT_OF:
        event = _EVENT_OF[cls]
    if not isinstance(event, str) or event not in EVENTS:
        close = difflib.get_close_matches(str(event), list(EVENTS), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise _Bad(event, f"an event{hint}: {', '.join(EVENTS)}", "event")
    kind = EVENTS[event]
    if cls is not None and cls in _EVENT_OF and kind is not cls:
        raise _Bad(event, f"the event of a {cls.__name__}: {_EVENT_OF[cls]!r}", "event")
    types_ = _RECORD_TYPES[kind]
    fields = {k: val for k, val in data.items() if k != "event"}
    _check_keys(fields, types_, f"a {event!r} record")
    kwargs = {key: _field(conv, key, value, types_[key]) for key, value in fields.items()}
    if kind is OutcomeChanged:
        try:
            outcome = _build(Outcome, kwargs)
        except ValidationError as exc:
            raise ValidationError(exc.field, exc.value, exc.expected) from None
        return _build(OutcomeChanged, {"outcome": outcome})
    return cast("HistoryRecord", _build(kind, kwargs))


# --- the converter ---------------------------------------------------------------------------------


def _is_union(annotation: Any) -> bool:
    origin = get_origin(annotation)
    return origin is typing.Union or origin is types.UnionType


def _structure_union(conv: cattrs.Converter, value: Any, annotation: Any) -> Any:
    members = get_args(annotation)
    if value is None:
        if _NONE in members:
            return None
        raise _Bad(value, "a value (not null)")
    rest = tuple(m for m in members if m is not _NONE)
    if value == "none" and _NONE in members and str not in rest:
        return None  # how data without nulls says "no value" where the default is another
    if rest and set(rest) <= set(_DURATIONS):
        return _structure_duration(value, rest)
    if set(rest) == {date, datetime}:
        return _structure_date_or_datetime(value)
    if len(rest) == 1:
        return structure_value(value, rest[0], conv=conv)
    errors = []
    for member in rest:
        try:
            return structure_value(value, member, conv=conv)
        except ValidationError as exc:
            errors.append(exc.expected)
    raise _Bad(value, " or ".join(dict.fromkeys(errors)))


_COLLECTIONS = (list, tuple, set, frozenset)


def _is_collection(annotation: Any) -> bool:
    return get_origin(annotation) in _COLLECTIONS


def _structure_collection(conv: cattrs.Converter, value: Any, annotation: Any) -> Any:
    origin = get_origin(annotation)
    args = [a for a in get_args(annotation) if a is not Ellipsis]
    item = args[0] if args else Any
    if isinstance(value, str):
        if isinstance(item, type) and issubclass(item, enum.Enum):
            value = [value]  # one outcome stands for a set of one
        else:
            raise _Bad(value, f"a list, such as [{value!r}]")
    if isinstance(value, Mapping | bytes) or not isinstance(value, Iterable):
        raise _Bad(value, "a list")
    out = []
    for i, x in enumerate(value):
        try:
            out.append(structure_value(x, item, conv=conv))
        except ValidationError as exc:
            raise ValidationError(_join(f"[{i}]", exc.field), exc.value, exc.expected) from None
    return out if origin is list else origin(out)


def _structure_str(value: Any, _: Any = None) -> str:
    if not isinstance(value, str):
        raise _Bad(value, "a string")
    return value


def _structure_int(value: Any, _: Any = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(value, "a whole number")
    return value


def _structure_float(value: Any, _: Any = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Bad(value, "a number")
    return float(value)


def _structure_bool(value: Any, _: Any = None) -> bool:
    if not isinstance(value, bool):
        raise _Bad(value, "true or false")
    return value


def _structure_enum(value: Any, kind: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        raise _Bad(value, "one of " + ", ".join(repr(str(m.value)) for m in kind)) from None


def _structure_literal(value: Any, annotation: Any) -> Any:
    allowed = get_args(annotation)
    if value in allowed and isinstance(value, str | int | bool):
        return value
    raise _Bad(value, "one of " + ", ".join(repr(a) for a in allowed))


def _is_literal(annotation: Any) -> bool:
    return bool(get_origin(annotation) is typing.Literal)


def _sorted_list(items: Iterable[Any]) -> list[Any]:
    return sorted(items, key=lambda x: (str(type(x)), str(x)))


@functools.cache
def converter() -> cattrs.Converter:
    """The configured converter (built on first use: cattrs is not imported before)."""
    import cattrs
    from cattrs.gen import make_dict_unstructure_fn, override

    conv = cattrs.Converter(
        forbid_extra_keys=True,
        unstruct_collection_overrides={
            typing.AbstractSet: _sorted_list,
            typing.Sequence: list,
            typing.MutableSequence: list,
        },
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    for enum_kind in (OutcomeStatus, Decision, Status, Anchor):
        # By class, so that these str-valued enums do not fall into the str hook above.
        conv.register_structure_hook(enum_kind, _structure_enum)
    conv.register_unstructure_hook(datetime, lambda d: d.isoformat())
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(date, lambda d: d.isoformat())
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(time, _unstructure_time)
    conv.register_structure_hook(time, _structure_time)
    for kind in _DURATIONS:
        conv.register_unstructure_hook(kind, _unstructure_duration)
        conv.register_structure_hook(kind, lambda val, t: _structure_duration(val, (t,)))
    conv.register_unstructure_hook(SendWindow, _unstructure_window)
    conv.register_structure_hook(SendWindow, _structure_window)
    conv.register_unstructure_hook(HolidayCalendar, _unstructure_holidays)
    conv.register_structure_hook(HolidayCalendar, _structure_holidays)
    conv.register_unstructure_hook(AppliedHolidays, _unstructure_applied)
    conv.register_structure_hook(AppliedHolidays, _structure_applied)
    conv.register_unstructure_hook(ZoneInfo, lambda z: z.key)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    for enum_kind in (OutcomeStatus, Decision, Status, Anchor):
        # str-valued enums would otherwise pass as str subclasses: write the plain value.
        conv.register_unstructure_hook(enum_kind, lambda e: e.value)
    conv.register_structure_hook_func(_is_literal, _structure_literal)
    conv.register_structure_hook_func(_is_union, lambda val, t: _structure_union(conv, val, t))
    conv.register_structure_hook_func(
        _is_collection, lambda val, t: _structure_collection(conv, val, t)
    )
    conv.register_unstructure_hook(Interview, lambda iv: _unstructure_interview(conv, iv))
    conv.register_structure_hook(Interview, lambda d, _: _structure_interview(conv, d))
    for record in EVENTS.values():
        conv.register_unstructure_hook(record, lambda r: _unstructure_record(conv, r))
        conv.register_structure_hook(record, lambda d, t: _structure_record(conv, d, t))
    conv.register_structure_hook_func(
        lambda t: t == HistoryRecord, lambda d, _: _structure_record(conv, d)
    )

    # An outcome says what it is and no more: no "decision = pending" on a rejection.
    outcome_fn: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        Outcome,
        conv,
        decision=override(omit_if_default=True),
        written=override(omit_if_default=True),
    )
    order = [a.name for a in Outcome.__attrs_attrs__]

    def outcome_hook(o: Outcome) -> dict[str, Any]:
        data = outcome_fn(o)
        # The contact through the converter's own hook (the generated function would write
        # its empty fields as nulls).
        data["contact"] = None if o.contact is None else conv.unstructure(o.contact, Contact)
        return _without_none({k: data[k] for k in order if k in data})

    conv.register_unstructure_hook(Outcome, outcome_hook)

    def attrs_without_none(cls: type) -> Callable[[Any], dict[str, Any]]:
        # Fields added after the JSON shape was published are left out while empty.
        omit: dict[str, Any] = {
            name: override(omit_if_default=True) for name in _OMIT_EMPTY.get(cls.__name__, ())
        }
        gen: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv, **omit)
        return lambda obj: _without_none(gen(obj))

    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and hasattr(t, "__attrs_attrs__") and t not in _OWN_HOOKS,
        attrs_without_none,
    )
    return conv


_OMIT_EMPTY: dict[str, tuple[str, ...]] = {"Timeline": ("outside_plan",)}

_OWN_HOOKS = frozenset(
    {Interview, Outcome, SendWindow, HolidayCalendar, AppliedHolidays, BusinessDays, *EVENTS.values()}
)


# --- errors ------------------------------------------------------------------------------------------


def _join(prefix: str, field: str) -> str:
    if not prefix:
        return field
    if not field:
        return prefix
    return prefix + (field if field.startswith("[") else "." + field)


def _first_error(exc: BaseException, path: str) -> ValidationError:
    """The first leaf error of cattrs' exception groups, as a ValidationError located at its path."""
    from cattrs.errors import (
        AttributeValidationNote,
        ForbiddenExtraKeysError,
        IterableValidationNote,
    )

    if isinstance(exc, BaseExceptionGroup):
        inner = exc.exceptions[0]
        here = path
        for note in getattr(inner, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                here = _join(path, note.name)
            elif isinstance(note, IterableValidationNote):
                here = _join(path, f"[{note.index}]")
        if isinstance(inner, ForbiddenExtraKeysError):
            return _extra_keys(inner, path)
        if isinstance(inner, KeyError):
            return ValidationError(here, None, "a value (the key is missing)")
        if not isinstance(inner, BaseExceptionGroup):
            return _leaf(inner, here)
        return _first_error(inner, here)
    if isinstance(exc, ForbiddenExtraKeysError):
        return _extra_keys(exc, path)
    return _leaf(exc, path)


def _extra_keys(exc: Any, path: str) -> ValidationError:
    key = sorted(exc.extra_fields)[0]
    known = [a.name for a in getattr(exc.cl, "__attrs_attrs__", ()) if a.init]
    known = [getattr(a, "alias", a.name) for a in exc.cl.__attrs_attrs__ if a.init] or known
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return ValidationError(
        _join(path, key), key, f"a known key{hint}: {exc.cl.__name__} takes {', '.join(known)}"
    )


def _leaf(exc: BaseException, path: str) -> ValidationError:
    if isinstance(exc, _Bad):
        return ValidationError(_join(path, exc.where), exc.value, exc.expected)
    if isinstance(exc, ValidationError):
        return ValidationError(_join(path, exc.field), exc.value, exc.expected)
    if isinstance(exc, KeyError):
        return ValidationError(path, None, "a value (the key is missing)")
    if (isinstance(exc, AttributeError | TypeError) and "keys" in str(exc)) or "Mapping" in str(
        exc
    ):
        return ValidationError(path, None, "a table (keys and values)")
    return ValidationError(path, None, f"valid data ({type(exc).__name__}: {exc})")


def structure_value(value: Any, annotation: Any, *, conv: cattrs.Converter | None = None) -> Any:
    """``value`` read as ``annotation``; errors are ValidationErrors naming the path inside it.

    Raises:
        ValidationError: the value is not valid (``field`` is the path, ``""`` for the value itself).
    """
    from cattrs.errors import BaseValidationError

    conv = conv or converter()
    try:
        return conv.structure(value, annotation)
    except (_Bad, ValidationError, BaseValidationError, KeyError) as exc:
        raise _first_error(exc, "") from None
    except (TypeError, ValueError, AttributeError) as exc:
        error = _leaf(exc, "")
        raise ValidationError("", value, error.expected) from None


def structure(data: Any, cls: type[T], *, conv: cattrs.Converter | None = None) -> T:
    """Data read as an instance of ``cls`` (see the module docs).

    Raises:
        ValidationError: the data is not valid; ``field`` is the path to the value at fault.
    """
    try:
        return cast("T", structure_value(data, cls, conv=conv))
    except ValidationError as exc:
        field = exc.field or getattr(cls, "__name__", "data").lower()
        raise ValidationError(field, exc.value, exc.expected) from None


def unstructure(value: Any, annotation: Any = None) -> Any:
    """``value`` as JSON-safe data (``annotation``, when given, says how to read it).

    Raises:
        ValidationError: the value cannot be written as data (a naive time, seconds in a duration).
    """
    try:
        if annotation is None:
            return converter().unstructure(value)
        return converter().unstructure(value, unstructure_as=annotation)
    except _Bad as exc:
        raise ValidationError(exc.where or "value", exc.value, exc.expected) from None
