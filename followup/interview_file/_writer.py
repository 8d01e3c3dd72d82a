"""Writing interview files: a case as TOML, and a history record appended to a file's text.

The values come from [`followup.to_dict`][followup.to_dict] (one spelling everywhere); only
dates and datetimes are written as TOML's own (``2026-11-24``,
``2026-11-20T14:00:00``), datetimes in the interview's zone without an offset
when that reads back to the same moment, and with their offset otherwise.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from followup.case import Case
from followup.codec import VERSION
from followup.codec import to_dict as _to_dict
from followup.errors import ValidationError
from followup.model import Contact, HistoryRecord, OutcomeChanged
from followup.presets import PRESETS
from followup.registry import Registry, default_registry, step_to_dict
from followup.timing import WAKING_HOURS, localize

if TYPE_CHECKING:
    from followup.plan import Plan

__all__ = ["dumps", "history_table", "show", "toml_value"]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _data(value: object) -> Any:
    """The converter's data, which the writer reshapes into TOML tables."""
    return _to_dict(value)


def _toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            raise ValidationError("text", text, "text without lone surrogates (TOML cannot store them)")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _toml_string(key)


def toml_value(value: object) -> str:
    """``value`` as a TOML value.

    Raises:
        ValidationError: TOML cannot hold the value (``None``, a zoned time of day, an object).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(float(value))
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, datetime):
        offset = value.utcoffset()
        if value.tzinfo is not None and offset is not None and offset % timedelta(minutes=1):
            # TOML offsets have no seconds (old local mean times do): write the instant in UTC.
            value = value.astimezone(UTC)
        return value.replace(fold=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise ValidationError("time", value, "a time of day without a zone (TOML has none)")
        return value.isoformat()
    if isinstance(value, Mapping):
        items = ", ".join(f"{_toml_key(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise ValidationError(
        "value", value, f"a value TOML can hold (not a {type(value).__name__})"
    )


_SHOW_LIMIT = 80


def show(value: object) -> str:
    """A value as it would be written in the file, for error messages (a long one is cut)."""
    try:
        text = toml_value(value)
    except (ValidationError, RecursionError):
        text = repr(value)
    if len(text) > _SHOW_LIMIT:
        text = f"{text[: _SHOW_LIMIT - 20]}... ({len(text)} characters)"
    return text


# --- values as TOML writes them ----------------------------------------------------------------


def _moment(text: str, zone: ZoneInfo) -> date | datetime:
    """An ISO date or datetime from the data, as TOML's own: local in ``zone`` when that is exact."""
    if "T" not in text:
        return date.fromisoformat(text)
    moment = datetime.fromisoformat(text)
    local = moment.astimezone(zone)
    naive = local.replace(tzinfo=None)
    back, note = localize(naive.date(), naive.time(), zone)
    if note is None and back == moment and back.utcoffset() == local.utcoffset():
        return naive
    return moment


def _table(lines: list[str], header: str | None, data: Mapping[str, Any]) -> None:
    if header is not None:
        if lines:
            lines.append("")
        lines.append(header)
    for key, value in data.items():
        lines.append(f"{_toml_key(key)} = {toml_value(value)}")


def history_table(
    record: HistoryRecord | Mapping[str, object],
    zone: ZoneInfo,
    people: Iterable[Contact] = (),
) -> list[str]:
    """The lines of one ``[[history]]`` table.

    Args:
        record: A history record, or (as older versions took) the table's keys and values.
        zone: The interview's zone, for times written without an offset.
        people: The interview's people: an outcome from one of them names them.

    Raises:
        ValidationError: a value cannot be written as TOML.
    """
    if isinstance(record, Mapping):
        data = dict(record)
    else:
        data = _data(record)
        for key in ("at", "until", "decided"):
            if isinstance(data.get(key), str):
                data[key] = _moment(data[key], zone)
        for key in ("respond_by", "start_date"):
            if isinstance(data.get(key), str):
                data[key] = date.fromisoformat(data[key])
        if isinstance(record, OutcomeChanged) and record.outcome.contact is not None:
            contact = record.outcome.contact
            data["contact"] = (
                contact.name if contact in list(people) else _person(data["contact"])
            )
    lines: list[str] = []
    for key in data:
        if not isinstance(key, str):
            raise ValidationError("history", key, "keys that are strings")
    _table(lines, "[[history]]", data)
    return lines


def _is_preset(plan: Plan) -> bool:
    build = PRESETS.get(plan.name)
    return build is not None and build(tone=plan.tone) == plan


def _plan_lines(lines: list[str], case: Case, registry: Registry) -> None:
    plan = case.plan
    head: dict[str, Any] = {}
    if _is_preset(plan):
        head["preset"] = plan.name
    elif plan.name != "custom":
        head["name"] = plan.name
    head["tone"] = plan.tone
    if case.holidays is not None:
        head["holidays"] = _native_holidays(_data(case.holidays))
    _table(lines, "[plan]", head)
    if "preset" in head:
        return
    for entry in plan.entries:
        data = step_to_dict(entry.step, registry=registry, defaults=False)
        data["id"] = entry.step.id  # the id always: history records name it
        if entry.only is not None:
            data["outcomes_only"] = sorted(o.value for o in entry.only)
        ordered = {"kind": data.pop("kind"), "id": data.pop("id"), **data}
        _table(lines, "[[plan.steps]]", ordered)


def dumps(case: Case, *, registry: Registry | None = None) -> str:
    """A case as the text of an interview file that reads back to an equal case.

    The plan is written as its preset when it is one, else step by step (a plan
    built in code, with its outcome branches, needs no preset); people the
    outcome names are written by name.

    Args:
        case: The case.
        registry: Where the plan's step kinds are looked up (default: the
            default registry, plugins included).

    Returns:
        The TOML text.

    Raises:
        ValidationError: a value cannot be written (a step whose kind is not
            registered, a time a file cannot hold).
    """
    reg = registry or default_registry
    interview = case.interview
    zone = interview.zone
    lines = [f"# An interview file for followup (format version {VERSION})."]
    _table(lines, None, {"version": VERSION})
    data = _data(interview)
    _table(lines, "[candidate]", _person(data.pop("candidate")))
    people = data.pop("interviewers")
    recruiter = data.pop("recruiter", None)
    data["start"] = _moment(data["start"], zone)
    for key in ("decision_expected", "other_offer_by"):
        if key in data:
            data[key] = date.fromisoformat(data[key])
    if not data.get("topics"):
        data.pop("topics", None)
    _table(lines, "[interview]", data)
    for person in people:
        _table(lines, "[[interview.interviewers]]", _person(person))
    if recruiter is not None:
        _table(lines, "[interview.recruiter]", _person(recruiter))
    outcome = _data(case.outcome)
    for key in ("at", "decided"):
        if key in outcome:
            outcome[key] = _moment(outcome[key], zone)
    for key in ("respond_by", "start_date"):
        if key in outcome:
            outcome[key] = date.fromisoformat(outcome[key])
    contact = case.outcome.contact
    known = [*interview.interviewers, *([interview.recruiter] if interview.recruiter else [])]
    if contact is not None:
        outcome["contact"] = contact.name if contact in known else _person(outcome["contact"])
    _table(lines, "[outcome]", outcome)
    _plan_lines(lines, case, reg)
    for record in case.history:
        lines.append("")
        lines.extend(history_table(record, zone, known))
    return "\n".join(lines) + "\n"


def _native_holidays(value: Any) -> Any:
    """Holidays as the file writes them: dates as TOML dates (``["GB", 2026-12-24]``)."""
    if isinstance(value, list):
        return [date.fromisoformat(v) if _ISO_DATE.fullmatch(v) else v for v in value]
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _person(data: Mapping[str, Any]) -> dict[str, Any]:
    """A person's table: empty topics and the default reminder hours left out."""
    out = {k: v for k, v in data.items() if not (k == "topics" and not v)}
    if out.get("reminder_window") == _data(WAKING_HOURS):
        del out["reminder_window"]  # the default hours, as a file leaves them out
    if "holidays" in out:
        out["holidays"] = _native_holidays(out["holidays"])
    return out
