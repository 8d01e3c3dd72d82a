"""Interview files: one interview described in TOML, read strictly.

An interview file has the tables ``[candidate]``, ``[interview]`` (with
``[[interview.interviewers]]`` and ``[interview.recruiter]``), ``[outcome]``,
``[plan]`` and ``[[history]]``; :data:`EXAMPLE` is a commented one. Reading is
strict: an unknown key, a value of the wrong type or a value the model refuses
raises :class:`~followup.errors.InputFileError` naming the file, the line and
the key path, for example::

    interview.toml:14: interview.interviewers[2].email: "jane@" is not valid:
    an email address such as 'jane@example.com'

Indices in key paths count from 1, as people do: ``interview.interviewers[2]``
is the second ``[[interview.interviewers]]`` table and ``history[1]`` the first
``[[history]]`` table.

``[plan]`` picks a preset and its settings; ``remove = ["network"]`` leaves
steps out, each ``[[plan.steps]]`` table (``kind = "keep-in-touch"`` and the
kind's parameters, plus ``template`` text or a ``template_file`` path) adds a
step or, when its id is a preset step's, replaces that step; ``templates =
"dir"`` reads template files from a directory. Paths are relative to the file.

Naive TOML datetimes (``2026-11-20T14:00:00``) are read in the interview's
``timezone``; durations are strings such as ``"45m"``, ``"3 hours"``,
``"2 business days"`` or ``"3 months"``.
"""

from __future__ import annotations

import difflib
import inspect
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs
from dateutil.relativedelta import relativedelta

from followup import _validate
from followup._atomic import locked, write_atomic
from followup._ids import slug
from followup._read import MAX_INTERVIEW_FILE, MAX_TEMPLATE_FILE, read_file
from followup.errors import (
    InputFileError,
    InvalidStepError,
    SchedulingError,
    TemplateError,
    ValidationError,
)
from followup.model import (
    Candidate,
    Contact,
    HistoryRecord,
    Interview,
    Outcome,
    OutcomeChanged,
    OutcomeStatus,
    OutOfOffice,
    ReplyReceived,
    Snoozed,
    StepDone,
    StepSkipped,
)
from followup.plan import Plan
from followup.presets import PRESETS
from followup.registry import Registry, default_registry, param_names, step_from_dict
from followup.timeline import Timeline
from followup.timing import (
    BusinessDays,
    HolidayCalendar,
    SendWindow,
    holiday_calendar,
    parse_offset,
    read_local,
)
from followup.typing import TONES, Tone

if TYPE_CHECKING:
    from followup.render import TemplateSet

__all__ = [
    "EXAMPLE",
    "InterviewFile",
    "append_history",
    "append_history_text",
    "load",
    "loads",
]

_DEFAULT_PRESET = "after-interview"


@attrs.frozen(kw_only=True)
class _Sources:
    """Where the steps of a file come from, for errors found when it is scheduled."""

    steps: Mapping[str, str] = attrs.field(factory=dict)
    templates: Mapping[str, str] = attrs.field(factory=dict)
    template_dir: str | None = None


@attrs.frozen(kw_only=True)
class InterviewFile:
    """An interview file, read and checked: everything a plan needs to be scheduled.

    Args:
        path: The file it was read from (``None`` or ``"<string>"`` for text).
        interview: The interview, its candidate and its people.
        outcome: The outcome in ``[outcome]`` (pending when the table is left out).
        history: The ``[[history]]`` records, in file order.
        plan: The plan built from ``[plan]`` (preset and parameters).
        holidays: The holiday calendar from ``plan.holidays``, if any.
        tone: The tone from ``plan.tone`` (default ``"warm"``).
        templates: The :class:`~followup.render.TemplateSet` from ``plan.templates``
            (a directory of template files), if any.
        lines: Where each key path is in the file (``{"outcome.date": 41}``), for
            error messages; :func:`loads` fills it in.
    """

    path: str | None
    interview: Interview
    outcome: Outcome
    history: tuple[HistoryRecord, ...]
    plan: Plan
    holidays: HolidayCalendar | None
    tone: Tone
    templates: TemplateSet | None = None
    _lines: Mapping[str, int] = attrs.field(factory=dict, repr=False, eq=False)
    _sources: _Sources = attrs.field(factory=_Sources, repr=False, eq=False)

    def schedule(self, *, now: datetime, tone: Tone | None = None) -> Timeline:
        """Schedule the file's plan for its interview, outcome and history.

        Args:
            now: The current moment (aware); statuses are computed for it.
            tone: Override the file's tone (formal, warm or brief).

        Returns:
            The timeline of actions, sorted by due time.

        Raises:
            InputFileError: the file's facts, history or steps cannot be scheduled
                (a history record names a step the plan does not have or is dated
                before the interview, the outcome's date cannot be used, a step
                needs a fact the file does not give, a template is not valid); the
                message names the file, the line and the key.
            SchedulingError: a step that is not in the file fails (a plugin's own error).
            ValidationError: ``now`` is naive or out of range, or ``tone`` is unknown.
        """
        try:
            return self.plan.schedule(
                self.interview,
                outcome=self.outcome,
                history=self.history,
                now=now,
                holidays=self.holidays,
                tone=tone or self.tone,
                templates=self.templates,
            )
        except (SchedulingError, TemplateError) as exc:
            field = self._field_of(exc)
            if field is None:
                raise
            raise InputFileError(
                str(exc), path=self.path, line=_find_line(self._lines, field), field=field
            ) from exc
        except ValidationError as exc:
            if exc.field != "outcome.at":
                raise
            field = self._outcome_field(exc.value)
            hint = ""
            if isinstance(exc.value, date) and not isinstance(exc.value, datetime):
                hint = (
                    "; for an outcome on the day of the interview, give the time it arrived, "
                    f"such as {exc.value.isoformat()}T17:30:00"
                )
            raise InputFileError(
                f"{_show(exc.value)} is not valid: {_file_words(exc.expected)}{hint}",
                path=self.path,
                line=_find_line(self._lines, field),
                field=field,
            ) from exc

    def _field_of(self, exc: SchedulingError | TemplateError) -> str | None:
        """The key path in the file of what a scheduling or template error is about."""
        step = exc.step
        if isinstance(exc, TemplateError):
            if step is not None and step in self._sources.templates:
                return self._sources.templates[step]
            return self._sources.template_dir or self._step_field(step)
        index = self._history_index(step)
        if index is not None:
            return f"history[{index + 1}].step"
        field = exc.field or ""
        m = re.fullmatch(r"history\[(\d+)\](?:\.(\w+))?", field)
        if m and int(m.group(1)) < len(self.history):
            return _history_key(self.history[int(m.group(1))], int(m.group(1)) + 1, m.group(2))
        if field in _INTERVIEW_KEYS:
            return f"interview.{field}"
        where = self._step_field(step)
        if where is not None and where != "plan" and field and "." not in field:
            return f"{where}.{field}"
        return where

    def _step_field(self, step: str | None) -> str | None:
        """Where a step comes from: its [[plan.steps]] table, else the [plan] table (a preset's)."""
        if step is None:
            return None
        base = step.split(".", 1)[0]
        if base in self._sources.steps:
            return self._sources.steps[base]
        return "plan" if base in self.plan.ids else None

    def _outcome_field(self, on: object) -> str:
        """The key path of the outcome (in [outcome] or in history) dated ``on``."""
        if self.outcome.at != on:
            for i, record in enumerate(self.history):
                if isinstance(record, OutcomeChanged) and record.outcome.at == on:
                    return f"history[{i + 1}].date"
        return "outcome.date"

    def _history_index(self, step: str | None) -> int | None:
        if step is None:
            return None
        for i, record in enumerate(self.history):
            name = getattr(record, "step", None)
            if name == step and name.split(".", 1)[0] not in self.plan.ids:
                return i
        return None


# The file key of each history record's date ("at" in the model), by record class.
_RECORD_KEYS: dict[str, str] = {
    "StepDone": "done",
    "StepSkipped": "skipped",
    "Snoozed": "snoozed_until",
    "ReplyReceived": "reply",
    "OutOfOffice": "at",
    "OutcomeChanged": "date",
}


def _history_key(record: HistoryRecord, number: int, attr: str | None) -> str:
    """``history[N].KEY`` for a model attribute of the N-th record (``at`` → ``done``, ...)."""
    where = f"history[{number}]"
    if attr is None:
        return where
    if attr == "until":
        key = "snoozed_until" if isinstance(record, Snoozed) else "out_of_office_until"
    elif attr == "at":
        key = _RECORD_KEYS[type(record).__name__]
    else:
        key = attr
    return f"{where}.{key}"


# --- reading -------------------------------------------------------------------------------


def load(path: str | os.PathLike[str], *, registry: Registry | None = None) -> InterviewFile:
    """Read an interview file.

    Args:
        path: The TOML file (UTF-8).
        registry: Where ``[[plan.steps]]`` kinds are looked up (default: the
            default registry, plugins included).

    Returns:
        The checked interview file.

    Raises:
        InputFileError: the file cannot be read, is not valid TOML, or a value is
            not valid; the message names the file, the line and the key path.
    """
    name = os.fspath(path)
    return loads(_read_text(name), path=name, registry=registry)


def loads(text: str, *, path: str = "<string>", registry: Registry | None = None) -> InterviewFile:
    """Read an interview file's text.

    Args:
        text: The TOML text.
        path: The name to use in error messages; relative ``template_file`` and
            ``templates`` paths are read from its directory (the current
            directory for ``"<string>"``).
        registry: Where ``[[plan.steps]]`` kinds are looked up (default: the
            default registry, plugins included).

    Returns:
        The checked interview file.

    Raises:
        InputFileError: the text is not valid TOML, or a value is not valid; the
            message names the line and the key path.
    """
    return _Loader(text, path, registry).run()


def _read_text(path: str) -> str:
    try:
        data = read_file(path, limit=MAX_INTERVIEW_FILE, what="an interview file")
    except FileNotFoundError as exc:
        raise InputFileError(
            "no such file: check the path, or run 'followup init' to write an example", path=path
        ) from exc
    except OSError as exc:
        raise InputFileError(f"cannot be read: {exc.strerror or exc}", path=path) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            f"byte {data[exc.start]:#04x} is not valid UTF-8: save the file as UTF-8",
            path=path,
            line=line,
        ) from exc


# The keys each table takes, in the order the messages list them.
_TOP_KEYS = ("candidate", "interview", "outcome", "plan", "history")
_CANDIDATE_KEYS = ("name", "email", "phone", "linkedin", "signature", "timezone", "holidays")
_INTERVIEW_KEYS = (
    "company",
    "role",
    "start",
    "timezone",
    "duration",
    "stage",
    "topics",
    "decision_expected",
    "careers_url",
    "highlights",
    "promised",
    "key",
    "interviewers",
    "recruiter",
)
_INTERVIEW_TOO_LONG = "a positive duration of at most 24 hours, such as '45m' or '4 hours'"
_CONTACT_KEYS = (
    "name", "email", "title", "linkedin", "timezone", "topics", "holidays", "greeting", "promised",
)
_OUTCOME_KEYS = ("status", "date", "from", "from_email")
_WINDOW_KEYS = ("start", "end", "days")

# [plan] parameters passed to the preset: key -> kind of value.
_PLAN_PARAMS: dict[str, str] = {
    "thank_you_after": "exact",
    "status_checks": "count",
    "status_check_after_decision": "business",
    "status_check_without_decision": "business",
    "status_check_then": "business",
    "reply_after": "offset",
    "separate_feedback_request": "bool",
    "feedback_after": "offset",
    "linkedin": "bool",
    "linkedin_after": "offset",
    "linkedin_note_limit": "count",
    "keep_in_touch_first": "calendar",
    "keep_in_touch_every": "calendar",
    "keep_in_touch_count": "count",
    "keep_in_touch_until": "date",
    "keep_in_touch_channel": "channel",
    "openings_every": "calendar",
    "openings_count": "count",
    "network_after": "offset",
    "window": "window",
}
_PLAN_KEYS = ("preset", "tone", "holidays", "remove", "templates", "steps", *_PLAN_PARAMS)
_STEP_FILE_KEYS = ("kind", "template_file")

# [[history]] records: the key that says which kind a table is, and the keys it takes.
_HISTORY_KINDS: dict[str, tuple[str, ...]] = {
    "done": ("step", "done", "recipient"),
    "skipped": ("step", "skipped", "recipient"),
    "snoozed_until": ("step", "snoozed_until", "recipient"),
    "reply": ("reply", "from"),
    "out_of_office_until": ("out_of_office_until", "contact", "at"),
    "outcome": ("outcome", "date", "from", "from_email"),
}
_HISTORY_KEYS = tuple(dict.fromkeys(k for keys in _HISTORY_KINDS.values() for k in keys))

_DAY_NAMES = {
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{
        name: i
        for i, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
}


def _preset_keys(preset: str) -> frozenset[str]:
    """The ``[plan]`` parameters a preset takes (``**options`` pass on to after-rejection)."""
    params = inspect.signature(PRESETS[preset]).parameters.values()
    names = {p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY}
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        names |= _preset_keys("after-rejection") if preset != "after-rejection" else set()
    return frozenset(names & set(_PLAN_PARAMS))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


class _Loader:
    """Reads one file's TOML into model objects, raising errors that point at the line."""

    def __init__(self, text: str, path: str, registry: Registry | None = None) -> None:
        self.text = text
        self.path = path
        self.registry = registry or default_registry
        self.zone: ZoneInfo | None = None
        self.start: datetime | None = None
        self.people: list[Contact] = []
        self._lines: dict[str, int] | None = None
        # Where each [[plan.steps]] step and its template are written, for errors found
        # only when the plan is scheduled.
        self.step_fields: dict[str, str] = {}
        self.template_fields: dict[str, str] = {}

    @property
    def lines(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = _index_lines(self.text)
        return self._lines

    # -- errors --------------------------------------------------------------------------

    def line_of(self, field: str) -> int | None:
        return _find_line(self.lines, field)

    def error(self, field: str, message: str) -> InputFileError:
        return InputFileError(message, path=self.path, line=self.line_of(field), field=field)

    def bad(self, field: str, value: object, expected: str) -> InputFileError:
        return self.error(field, f"{_show(value)} is not valid: {_file_words(expected)}")

    def missing(self, field: str, expected: str) -> InputFileError:
        return self.error(field, f"missing: {expected}")

    def model_error(
        self, exc: ValidationError, where: str, raw: Mapping[str, Any], rename: Mapping[str, str]
    ) -> InputFileError:
        """Translate a model's ValidationError into the key path of the file."""
        m = re.fullmatch(r"([A-Za-z_.]+?)(?:\[(\d+)\])?", exc.field)
        name, index = (m.group(1), m.group(2)) if m else (exc.field, None)
        key = rename.get(name, name)
        field = _join(where, key)
        value = raw.get(key, exc.value)
        if index is not None:
            field += f"[{int(index) + 1}]"
            value = exc.value
        return self.bad(field, value, exc.expected)

    def check_keys(
        self, data: Mapping[str, Any], where: str, allowed: Sequence[str], what: str
    ) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise self.error(
                    _join(where, key), f"unknown key{hint}; {what} takes: {', '.join(allowed)}"
                )

    # -- typed values ----------------------------------------------------------------------

    def table(
        self, data: Mapping[str, Any], where: str, key: str, example: str
    ) -> dict[str, Any] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.bad(_join(where, key), value, f"a table, such as {example}")
        return value

    def text_value(
        self,
        data: Mapping[str, Any],
        where: str,
        key: str,
        expected: str,
        *,
        required: bool = False,
    ) -> str | None:
        field = _join(where, key)
        if key not in data:
            if required:
                raise self.missing(field, expected)
            return None
        value = data[key]
        if not isinstance(value, str):
            raise self.bad(field, value, f"a quoted string: {expected}")
        return value

    def text_list(
        self, data: Mapping[str, Any], where: str, key: str, expected: str
    ) -> tuple[str, ...]:
        field = _join(where, key)
        value = data.get(key, [])
        if isinstance(value, str):
            raise self.bad(field, value, f"a list of strings, such as [{_show(value)}]")
        if not isinstance(value, list):
            raise self.bad(field, value, f"a list of strings: {expected}")
        for i, item in enumerate(value, 1):
            if not isinstance(item, str) or not item.strip():
                raise self.bad(f"{field}[{i}]", item, f"a non-empty string: {expected}")
        return tuple(value)

    def in_range(self, value: date, field: str) -> None:
        """Refuse a year the tool cannot compute with (before any arithmetic on it)."""
        if not _validate.in_range(value):
            raise self.bad(field, value, _validate.DATE_RANGE)

    def moment(self, value: object, field: str, *, dates: bool = True) -> date | datetime:
        """A TOML date or datetime; naive datetimes are read in the interview's zone."""
        if isinstance(value, date):
            self.in_range(value, field)
        if isinstance(value, datetime):
            if value.tzinfo is None:
                assert self.zone is not None
                return read_local(value.date(), value.time(), self.zone)
            return value
        if isinstance(value, date) and dates:
            return value
        if dates:
            expected = "a date such as 2026-11-24, or a date and time such as 2026-11-24T10:30:00"
        else:
            expected = "a date and time such as 2026-11-20T14:00:00"
        if isinstance(value, str):
            expected += " (written without quotes)"
        raise self.bad(field, value, expected)

    def date_only(self, value: object, field: str) -> date:
        if isinstance(value, date) and not isinstance(value, datetime):
            self.in_range(value, field)
            return value
        expected = "a date such as 2026-11-27"
        if isinstance(value, str):
            expected += " (written without quotes)"
        elif isinstance(value, datetime):
            expected += " (without a time)"
        raise self.bad(field, value, expected)

    def count(self, value: object, field: str, expected: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.bad(field, value, expected)
        return value

    def offset(
        self, value: object, field: str, kind: str, *, too_long: str | None = None
    ) -> BusinessDays | relativedelta | timedelta:
        expected = {
            "exact": "a number of minutes or hours, such as '45m', '3 hours' or '1 hour'",
            "business": "a number of business days, such as '2 business days'",
            "calendar": "a number of days, weeks, months or years, such as '3 months' or '6 weeks'",
            "offset": "a duration such as '1 business day', '3 days', '2 weeks' or '3 months'",
        }[kind]
        if not isinstance(value, str):
            raise self.bad(field, value, f"a quoted string: {expected}")
        try:
            offset = parse_offset(value)
        except ValidationError as exc:
            if "at most" in exc.expected:  # the number is too large; the words were fine
                raise self.bad(field, value, too_long or exc.expected) from None
            raise self.bad(field, value, expected) from None
        ok = {
            "exact": isinstance(offset, timedelta),
            "business": isinstance(offset, BusinessDays),
            "calendar": isinstance(offset, relativedelta),
            "offset": True,
        }[kind]
        if not ok:
            raise self.bad(field, value, expected)
        return offset

    # -- tables ------------------------------------------------------------------------------

    def run(self) -> InterviewFile:
        data = self.parse()
        self.check_keys(data, "", _TOP_KEYS, "an interview file")
        candidate = self.candidate(data)
        interview = self.interview(data, candidate)
        plan, holidays, tone, templates = self.plan(data)
        outcome = self.outcome(data)
        history = self.history(data, plan)
        return InterviewFile(
            path=self.path,
            interview=interview,
            outcome=outcome,
            history=history,
            plan=plan,
            holidays=holidays,
            tone=tone,
            templates=templates,
            lines=self.lines,
            sources=_Sources(
                steps=self.step_fields,
                templates=self.template_fields,
                template_dir="plan.templates" if templates is not None else None,
            ),
        )

    def parse(self) -> dict[str, Any]:
        try:
            return tomllib.loads(self.text)
        except RecursionError as exc:
            raise InputFileError(
                "not valid here: arrays or inline tables nested too deeply (TOML files for "
                "followup nest a few levels at most)",
                path=self.path,
                line=_deepest_line(self.text),
            ) from exc
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            line: int | None = None
            m = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
            if m:
                line = int(m.group(1))
                message = f"{message[: m.start()]} (column {m.group(2)})"
            else:
                m = re.search(r"\s*\(at end of document\)\s*$", message)
                if m:
                    line = max(1, len(self.text.splitlines()))
                    message = f"{message[: m.start()]} (at the end of the file)"
            hint = ""
            if message.startswith("Invalid value"):
                hint = '; strings need quotes (name = "Jane Doe"), dates do not (date = 2026-11-24)'
            raise InputFileError(
                f"not valid TOML: {message}{hint}", path=self.path, line=line
            ) from exc

    def candidate(self, data: Mapping[str, Any]) -> Candidate:
        raw = self.table(data, "", "candidate", '[candidate] with name = "Sam Rivera"')
        if raw is None:
            raise self.missing("candidate", 'a [candidate] table with at least name = "Your Name"')
        self.check_keys(raw, "candidate", _CANDIDATE_KEYS, "[candidate]")
        kwargs: dict[str, Any] = {}
        for key in _CANDIDATE_KEYS[:-1]:
            value = self.text_value(raw, "candidate", key, _EXPECTED[key], required=key == "name")
            if value is not None:
                kwargs[key] = value
        if "holidays" in raw:
            kwargs["holidays"] = self.holidays(raw["holidays"], "candidate.holidays")
        try:
            return Candidate(**kwargs)
        except ValidationError as exc:
            raise self.model_error(exc, "candidate", raw, {}) from None

    def contact(self, raw: object, where: str) -> Contact:
        if not isinstance(raw, dict):
            raise self.bad(where, raw, 'a table with at least name = "Jane Doe"')
        self.check_keys(raw, where, _CONTACT_KEYS, f"[{_header(where)}]")
        kwargs: dict[str, Any] = {}
        for key in ("name", "email", "title", "linkedin", "timezone", "greeting", "promised"):
            value = self.text_value(raw, where, key, _EXPECTED[key], required=key == "name")
            if value is not None:
                kwargs[key] = value
        kwargs["topics"] = self.text_list(raw, where, "topics", _EXPECTED["topics"])
        if "holidays" in raw:
            kwargs["holidays"] = self.holidays(raw["holidays"], _join(where, "holidays"))
        try:
            return Contact(**kwargs)
        except ValidationError as exc:
            raise self.model_error(exc, where, raw, {}) from None

    def interview(self, data: Mapping[str, Any], candidate: Candidate) -> Interview:
        raw = self.table(data, "", "interview", "[interview] with company, role and start")
        if raw is None:
            raise self.missing(
                "interview", "an [interview] table with company, role, start and timezone"
            )
        where = "interview"
        self.check_keys(raw, where, _INTERVIEW_KEYS, "[interview]")
        kwargs: dict[str, Any] = {"candidate": candidate}
        for key in ("company", "role", "stage", "careers_url", "highlights", "promised", "key"):
            value = self.text_value(
                raw, where, key, _EXPECTED[key], required=key in ("company", "role")
            )
            if value is not None:
                kwargs[key] = value
        zone_name = self.text_value(raw, where, "timezone", _EXPECTED["timezone"])
        if zone_name is not None:
            try:
                self.zone = _validate.zone(zone_name)
            except ValidationError as exc:
                raise self.bad(f"{where}.timezone", zone_name, exc.expected) from None
            kwargs["timezone"] = zone_name
        if "start" not in raw:
            raise self.missing(
                f"{where}.start", "when the interview started, such as start = 2026-11-20T14:00:00"
            )
        start = raw["start"]
        if not isinstance(start, datetime):
            self.moment(start, f"{where}.start", dates=False)
        self.in_range(start, f"{where}.start")
        if start.tzinfo is None:
            if self.zone is None:
                raise self.bad(
                    f"{where}.start",
                    start,
                    'a time with a zone: add timezone = "America/New_York" (your zone) to [interview], '
                    "or write the UTC offset, such as 2026-11-20T14:00:00-05:00",
                )
            start = read_local(start.date(), start.time(), self.zone)
        elif self.zone is None:
            raise self.missing(
                f"{where}.timezone",
                'the IANA zone of the interview, such as timezone = "America/New_York": '
                "a UTC offset alone does not say when clocks change",
            )
        self.start = kwargs["start"] = start
        if "duration" in raw:
            duration = self.offset(
                raw["duration"], f"{where}.duration", "exact", too_long=_INTERVIEW_TOO_LONG
            )
            kwargs["duration"] = duration
        kwargs["topics"] = self.text_list(raw, where, "topics", _EXPECTED["topics"])
        if "decision_expected" in raw:
            kwargs["decision_expected"] = self.date_only(
                raw["decision_expected"], f"{where}.decision_expected"
            )
        people = raw.get("interviewers", [])
        if not isinstance(people, list):
            raise self.bad(
                f"{where}.interviewers",
                people,
                'one [[interview.interviewers]] table per person, with name = "..."',
            )
        if len(people) > _validate.MAX_PEOPLE:
            raise self.error(
                f"{where}.interviewers[{_validate.MAX_PEOPLE + 1}]",
                f"too many interviewers: at most {_validate.MAX_PEOPLE}, and the file names "
                f"{len(people)}; keep the people you will write to",
            )
        kwargs["interviewers"] = [
            self.contact(p, f"{where}.interviewers[{i}]") for i, p in enumerate(people, 1)
        ]
        if "recruiter" in raw:
            kwargs["recruiter"] = self.contact(raw["recruiter"], f"{where}.recruiter")
        self.people = [
            *kwargs["interviewers"],
            *([kwargs["recruiter"]] if "recruiter" in kwargs else []),
        ]
        try:
            interview = Interview(**kwargs)
        except ValidationError as exc:
            raise self.model_error(exc, where, raw, {}) from None
        if self.zone is None:
            self.zone = interview.zone
        return interview

    def plan(
        self, data: Mapping[str, Any]
    ) -> tuple[Plan, HolidayCalendar | None, Tone, TemplateSet | None]:
        where = "plan"
        raw = self.table(data, "", "plan", '[plan] with preset = "after-interview"') or {}
        self.check_keys(raw, where, _PLAN_KEYS, "[plan]")
        preset = self.text_value(raw, where, "preset", "a preset name") or _DEFAULT_PRESET
        if preset not in PRESETS:
            close = difflib.get_close_matches(preset, list(PRESETS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise self.bad(
                f"{where}.preset", preset, f"one of the presets{hint}: {', '.join(PRESETS)}"
            )
        tone = self.text_value(raw, where, "tone", "formal, warm or brief") or "warm"
        if tone not in TONES:
            raise self.bad(f"{where}.tone", tone, "one of 'formal', 'warm', 'brief'")
        holidays = (
            self.holidays(raw.get("holidays"), f"{where}.holidays") if "holidays" in raw else None
        )
        takes = _preset_keys(preset)
        kwargs: dict[str, Any] = {}
        for key, kind in _PLAN_PARAMS.items():
            if key not in raw:
                continue
            field = f"{where}.{key}"
            if key not in takes:
                others = [name for name in PRESETS if key in _preset_keys(name)]
                raise self.error(
                    field,
                    f"the {preset} preset does not take this key; "
                    f"it belongs to: {', '.join(others)} (set plan.preset, or remove the key)",
                )
            kwargs[key] = self.plan_value(raw[key], field, kind)
        if "keep_in_touch_count" in kwargs and "keep_in_touch_until" in kwargs:
            raise self.bad(
                f"{where}.keep_in_touch_until",
                raw["keep_in_touch_until"],
                "either keep_in_touch_count or keep_in_touch_until, not both (a calendar series ends one way)",
            )
        plan = self.build_plan(preset, kwargs, tone, raw)
        if "remove" in raw:
            plan = self.remove_steps(plan, raw["remove"], preset)
        if "steps" in raw:
            plan = self.plan_steps(plan, raw["steps"])
        templates = self.template_dir(raw["templates"]) if "templates" in raw else None
        return plan, holidays, tone, templates

    # -- [plan] remove, [[plan.steps]], templates ------------------------------------------------

    def relative(self, name: str) -> str:
        """A path written in the file, read from the file's directory."""
        if os.path.isabs(name) or self.path in ("<string>", "<stdin>", "-"):
            return name
        return os.path.join(os.path.dirname(self.path), name)

    def remove_steps(self, plan: Plan, value: object, preset: str) -> Plan:
        field = "plan.remove"
        if isinstance(value, str):
            raise self.bad(field, value, f"a list of step ids, such as [{_show(value)}]")
        if not isinstance(value, list):
            raise self.bad(field, value, 'a list of step ids, such as ["network"]')
        for i, step_id in enumerate(value, 1):
            if not isinstance(step_id, str) or step_id not in plan.ids:
                close = difflib.get_close_matches(str(step_id), plan.ids, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise self.bad(
                    f"{field}[{i}]",
                    step_id,
                    f"a step of the {preset} plan{hint}: {', '.join(plan.ids) or 'none is left'}",
                )
            plan = plan.remove(step_id)
        return plan

    def plan_steps(self, plan: Plan, items: object) -> Plan:
        if not isinstance(items, list):
            raise self.bad(
                "plan.steps",
                items,
                'one [[plan.steps]] table per step, with kind = "keep-in-touch"',
            )
        added: dict[str, str] = {}
        for i, item in enumerate(items, 1):
            where = f"plan.steps[{i}]"
            if not isinstance(item, dict):
                raise self.bad(where, item, 'a [[plan.steps]] table with kind = "keep-in-touch"')
            step = self.plan_step(item, where)
            if step.id in added:
                raise self.error(
                    f"{where}.id" if "id" in item else where,
                    f"{added[step.id]} has the step id {step.id!r} already: give this step "
                    'another id = "..." (ids are unique in a plan)',
                )
            added[step.id] = where
            self.step_fields[step.id] = where
            if "template" in item or "template_file" in item:
                self.template_fields[step.id] = (
                    f"{where}.template" if "template" in item else f"{where}.template_file"
                )
            # A step with the id of a preset step takes its place (and its branch).
            plan = plan.replace(step.id, step) if step.id in plan.ids else plan.add(step)
        return plan

    def plan_step(self, item: Mapping[str, Any], where: str) -> Any:
        kind = self.text_value(
            item,
            where,
            "kind",
            "a step kind such as 'keep-in-touch' (followup steps lists them)",
            required=True,
        )
        assert kind is not None
        try:
            cls = self.registry.get(kind)
        except InvalidStepError as exc:
            raise self.error(f"{where}.kind", str(exc)) from None
        params = param_names(cls)
        self.check_keys(
            item, where, (*_STEP_FILE_KEYS, *params), f"a [[plan.steps]] table of kind {kind!r}"
        )
        data = {k: v for k, v in item.items() if k not in _STEP_FILE_KEYS}
        source = {"template": f"{where}.template"}
        if "template_file" in item:
            field = f"{where}.template_file"
            if "template" in item:
                raise self.error(
                    field, "give template (the text) or template_file (a path), not both"
                )
            if "template" not in params:
                raise self.error(field, f"the {kind} step takes no template")
            data["template"] = self.template_text(item["template_file"], field)
            source["template"] = field
        try:
            step = step_from_dict(data, registry=self.registry, kind=kind)
        except InvalidStepError as exc:
            param = getattr(exc, "param", None)
            if param is None:
                raise self.error(where, str(exc)) from None
            field = source.get(param, f"{where}.{param}")
            # Data paths count from 0, file paths from 1, as people do.
            inner = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m[1]) + 1}]", getattr(exc, "where", ""))
            if inner:
                field += inner if inner.startswith("[") else f".{inner}"
            expected = getattr(exc, "expected", str(exc))
            if param not in data:
                raise self.missing(field, f"the {kind} step needs it: {expected}") from None
            raise self.bad(field, getattr(exc, "value", None), expected) from None
        if isinstance(data.get("template"), str):
            # The template is written for the step's channel (a LinkedIn note has no subject).
            self.check_template(
                data["template"], source["template"], getattr(step, "channel", "email")
            )
        return step

    def template_text(self, value: object, field: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.bad(field, value, 'a path to a template file, such as "templates/link.txt"')
        path = self.relative(value)
        try:
            return read_file(path, limit=MAX_TEMPLATE_FILE, what="a template").decode("utf-8")
        except FileNotFoundError:
            raise self.bad(
                field,
                value,
                f"an existing file ({path} does not exist; paths are relative to the interview file)",
            ) from None
        except OSError as exc:
            raise self.error(field, f"{path} cannot be read: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise self.error(field, f"{path} cannot be read: {exc}") from None

    def check_template(self, text: str, field: str, channel: str) -> None:
        from followup.render import Template

        try:
            Template.from_string(text, name=field, channel=channel)
        except TemplateError as exc:
            raise self.error(field, f"not a valid template: {exc}") from None

    def template_dir(self, value: object) -> TemplateSet:
        from followup.render import TemplateSet

        field = "plan.templates"
        if not isinstance(value, str) or not value.strip():
            raise self.bad(field, value, 'a directory of template files, such as "templates"')
        try:
            return TemplateSet.builtin().with_directory(self.relative(value))
        except TemplateError as exc:
            raise self.error(field, str(exc)) from None

    def plan_value(self, value: object, field: str, kind: str) -> Any:
        if kind in ("exact", "business", "calendar", "offset"):
            return self.offset(value, field, kind)
        if kind == "bool":
            if not isinstance(value, bool):
                raise self.bad(field, value, "true or false (without quotes)")
            return value
        if kind == "count":
            return self.count(value, field, "a whole number, 1 or more (without quotes)")
        if kind == "date":
            return self.date_only(value, field)
        if kind == "channel":
            if value not in ("email", "linkedin-message"):
                raise self.bad(field, value, "'email' or 'linkedin-message'")
            return value
        return self.window(value, field)

    def window(self, value: object, field: str) -> SendWindow:
        if not isinstance(value, dict):
            raise self.bad(
                field,
                value,
                'a table such as { start = "09:00", end = "17:00", days = ["mon", "fri"] }',
            )
        self.check_keys(value, field, _WINDOW_KEYS, "the send window")
        kwargs: dict[str, Any] = {}
        for key in ("start", "end"):
            if key in value:
                kwargs[key] = self.clock(value[key], f"{field}.{key}")
        if "days" in value:
            days = value["days"]
            if not isinstance(days, list) or not days:
                raise self.bad(
                    f"{field}.days",
                    days,
                    'a list of weekdays, such as ["mon", "tue", "wed", "thu", "fri"]',
                )
            numbers = []
            for i, day in enumerate(days, 1):
                if not isinstance(day, str) or day.lower() not in _DAY_NAMES:
                    raise self.bad(
                        f"{field}.days[{i}]", day, "a weekday: mon, tue, wed, thu, fri, sat or sun"
                    )
                numbers.append(_DAY_NAMES[day.lower()])
            kwargs["days"] = numbers
        try:
            return SendWindow(**kwargs)
        except ValidationError as exc:
            key = exc.field.removeprefix("window").lstrip(".") or "end"
            raise self.bad(f"{field}.{key}", value.get(key, exc.value), exc.expected) from None

    def clock(self, value: object, field: str) -> time:
        if isinstance(value, time) and value.tzinfo is None:
            return value
        if isinstance(value, str):
            m = re.fullmatch(r"(\d{1,2}):(\d{2})", value.strip())
            if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
                return time(int(m.group(1)), int(m.group(2)))
        raise self.bad(field, value, 'a local time of day such as "09:00" or "17:30"')

    def holidays(self, value: object, field: str) -> HolidayCalendar:
        expected = (
            'a country or subdivision code such as "US", "GB-SCT" or "DE-BY", a list of dates '
            'such as [2026-12-24, 2026-12-31], or a code and dates: ["DE-BY", 2026-12-24]'
        )
        if isinstance(value, str):
            try:
                return holiday_calendar(value)
            except ValidationError as exc:
                raise self.bad(field, value, exc.expected) from None
        if isinstance(value, list):
            items: list[str | date] = []
            for i, item in enumerate(value, 1):
                if isinstance(item, str) and not item.strip()[:1].isdigit():
                    try:
                        items.append(holiday_calendar(item).country or "")
                    except ValidationError as exc:
                        raise self.bad(f"{field}[{i}]", item, exc.expected) from None
                else:
                    items.append(self.date_only(item, f"{field}[{i}]"))
            try:
                return holiday_calendar(items)
            except ValidationError as exc:
                raise self.bad(field, value, exc.expected) from None
        raise self.bad(field, value, expected)

    def build_plan(
        self, preset: str, kwargs: Mapping[str, Any], tone: Tone, raw: Mapping[str, Any]
    ) -> Plan:
        build: Callable[..., Plan] = PRESETS[preset]
        try:
            return build(tone=tone, **kwargs)
        except (ValidationError, InvalidStepError) as exc:
            # Find the key the preset refused by building with each one alone.
            for key, value in kwargs.items():
                try:
                    build(tone=tone, **{key: value})
                except (ValidationError, InvalidStepError) as alone:
                    expected = alone.expected if isinstance(alone, ValidationError) else str(alone)
                    raise self.bad(f"plan.{key}", raw[key], expected) from None
            detail = exc.expected if isinstance(exc, ValidationError) else str(exc)
            raise self.error(
                "plan", f"the {preset} preset refused these settings: {detail}"
            ) from None

    def person(
        self, name: str | None, email: str | None, where: str, raw: Mapping[str, Any]
    ) -> Contact | None:
        """The contact an outcome came from: a known person, or a new contact."""
        if name is None and email is None:
            return None
        for person in self.people:
            if (name is not None and name.strip().casefold() == person.name.casefold()) or (
                name is None
                and email is not None
                and email.casefold() == (person.email or "").casefold()
            ):
                if email is not None and person.email is None:
                    try:
                        return attrs.evolve(person, email=email)
                    except ValidationError as exc:
                        raise self.model_error(exc, where, raw, {"email": "from_email"}) from None
                return person
        if name is None:
            raise self.missing(
                f"{where}.from",
                f"the sender's name: {_show(email)} is not the email of anyone in [interview]",
            )
        try:
            contact = Contact(name=name, email=email)
        except ValidationError as exc:
            raise self.model_error(
                exc, where, raw, {"name": "from", "email": "from_email"}
            ) from None
        self.people.append(contact)
        return contact

    def outcome_of(self, raw: Mapping[str, Any], where: str, status_key: str) -> Outcome:
        status_text = self.text_value(
            raw, where, status_key, "pending, rejected, offer or withdrawn", required=True
        )
        try:
            status = OutcomeStatus(status_text)
        except ValueError:
            raise self.bad(
                f"{where}.{status_key}", status_text, "one of pending, rejected, offer, withdrawn"
            ) from None
        on: date | datetime | None = None
        if "date" in raw:
            on = self.moment(raw["date"], f"{where}.date")
            assert self.start is not None
            assert self.zone is not None
            start = self.start.astimezone(self.zone)
            if (on < start) if isinstance(on, datetime) else (on < start.date()):
                raise self.bad(
                    f"{where}.date",
                    raw["date"],
                    f"a date on or after the interview ({start:%Y-%m-%d})",
                )
        if status is OutcomeStatus.PENDING and on is not None:
            raise self.bad(
                f"{where}.date", raw["date"], "nothing: a pending outcome has no date (remove it)"
            )
        if status is not OutcomeStatus.PENDING and on is None:
            raise self.missing(
                f"{where}.date",
                f"the date the {status.value} outcome arrived, such as date = 2026-11-24",
            )
        name = self.text_value(raw, where, "from", "the sender's name")
        email = self.text_value(raw, where, "from_email", "the sender's email address")
        by = self.person(name, email, where, raw)
        try:
            return Outcome(status=status, at=on, contact=by)
        except ValidationError as exc:
            raise self.model_error(
                exc, where, raw, {"on": "date", "by": "from", "status": status_key}
            ) from None

    def outcome(self, data: Mapping[str, Any]) -> Outcome:
        raw = self.table(
            data, "", "outcome", '[outcome] with status = "rejected" and date = 2026-11-24'
        )
        if raw is None:
            return Outcome.pending()
        self.check_keys(raw, "outcome", _OUTCOME_KEYS, "[outcome]")
        return self.outcome_of(raw, "outcome", "status")

    def history(self, data: Mapping[str, Any], plan: Plan) -> tuple[HistoryRecord, ...]:
        items = data.get("history", [])
        if not isinstance(items, list):
            raise self.bad("history", items, "one [[history]] table per event")
        records: list[HistoryRecord] = []
        for i, raw in enumerate(items, 1):
            where = f"history[{i}]"
            if not isinstance(raw, dict):
                raise self.bad(where, raw, "a [[history]] table")
            records.append(self.record(raw, where, plan))
        return tuple(records)

    def record(self, raw: Mapping[str, Any], where: str, plan: Plan) -> HistoryRecord:
        self.check_keys(raw, where, _HISTORY_KEYS, "[[history]]")
        kinds = [k for k in _HISTORY_KINDS if k in raw]
        if not kinds:
            if "step" in raw:
                expected = "what happened to the step: done, skipped or snoozed_until (a date)"
            else:
                expected = (
                    "what happened: done, skipped or snoozed_until (with step), reply, "
                    "out_of_office_until or outcome"
                )
            raise self.missing(where, expected)
        if len(kinds) > 1:
            raise self.error(
                _join(where, kinds[1]),
                f"one event per [[history]] table: this one has both {kinds[0]!r} and {kinds[1]!r}",
            )
        kind = kinds[0]
        for key in raw:
            if key not in _HISTORY_KINDS[kind]:
                raise self.error(
                    _join(where, key),
                    f"not used in a {kind!r} record, which takes: {', '.join(_HISTORY_KINDS[kind])}",
                )
        rename = {"at": kind, "until": kind, "sender": "from"}
        if kind == "out_of_office_until":
            rename = {"until": kind}
        try:
            if kind in ("done", "skipped", "snoozed_until"):
                step = self.step(raw, where, plan)
                recipient = self.recipient(raw, where, "recipient")
                when = self.moment(raw[kind], f"{where}.{kind}")
                if kind == "done":
                    return StepDone(step=step, at=when, contact=recipient)
                if kind == "skipped":
                    return StepSkipped(step=step, at=when, contact=recipient)
                return Snoozed(step=step, until=when, contact=recipient)
            if kind == "reply":
                sender = self.text_value(
                    raw, where, "from", "who replied (a name or an email address)"
                )
                return ReplyReceived(at=self.moment(raw["reply"], f"{where}.reply"), contact=sender)
            if kind == "out_of_office_until":
                until = self.date_only(raw[kind], f"{where}.{kind}")
                at = self.moment(raw["at"], f"{where}.at") if "at" in raw else None
                return OutOfOffice(
                    until=until, contact=self.recipient(raw, where, "contact"), at=at
                )
            if raw["outcome"] == OutcomeStatus.PENDING.value:
                raise self.bad(
                    f"{where}.outcome",
                    raw["outcome"],
                    "rejected, offer or withdrawn: a new decision",
                )
            return OutcomeChanged(outcome=self.outcome_of(raw, where, "outcome"))
        except ValidationError as exc:
            raise self.model_error(exc, where, raw, rename) from None

    def step(self, raw: Mapping[str, Any], where: str, plan: Plan) -> str:
        step = self.text_value(raw, where, "step", "a step id such as 'thank-you'", required=True)
        assert step is not None
        base = step.split(".", 1)[0]
        if base not in plan.ids:
            close = difflib.get_close_matches(base, plan.ids, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise self.bad(
                f"{where}.step", step, f"a step of the plan{hint}: {', '.join(plan.ids)}"
            )
        return step

    def recipient(self, raw: Mapping[str, Any], where: str, key: str) -> str | None:
        who = self.text_value(raw, where, key, "a person's name or email address")
        if who is None:
            return None
        folded = who.strip().casefold()
        for person in self.people:
            if folded in (
                person.name.casefold(),
                (person.email or "").casefold(),
                slug(person.name),
            ):
                return who
        names = ", ".join(p.name for p in self.people) or "nobody (add [[interview.interviewers]])"
        raise self.bad(f"{where}.{key}", who, f"the name or email of someone in the file: {names}")


_EXPECTED = {
    "name": 'a name such as "Jane Doe"',
    "email": 'an email address such as "jane@example.com"',
    "phone": 'a phone number such as "+1 555 0100"',
    "linkedin": 'a profile URL such as "https://www.linkedin.com/in/janedoe"',
    "signature": "the sign-off block for messages",
    "timezone": 'an IANA zone such as "America/New_York"',
    "title": 'a job title such as "Engineering Manager"',
    "topics": 'what was discussed, such as ["the data platform migration"]',
    "company": 'the company name, such as "Acme Corp"',
    "role": 'the role, such as "Data Engineer"',
    "stage": 'the interview stage, such as "final round"',
    "careers_url": 'the careers page URL, such as "https://acme.example/careers"',
    "key": "a stable identifier of ASCII letters, digits, '-', '_' or '.'",
    "greeting": 'the name to greet them by, such as "Bob"',
    "promised": 'what you said you would send, such as "the paper on directed evolution I mentioned"',
    "highlights": 'a sentence or two on why you fit, such as "I led the move of 30 clinics to one scheduling system."',
}


_PYTHON_WORDS = (
    (re.compile(r"(?:relativedelta|timedelta)\((\w+)=(\d+)\)"), lambda m: f'"{m[2]} {m[1]}"'),
    (re.compile(r"BusinessDays\((\w+)\)"), lambda m: f'"{m[1]} business days"'),
    (
        re.compile(r"\bdate\((\d+), (\d+), (\d+)\)"),
        lambda m: f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}",
    ),
)


def _file_words(expected: str) -> str:
    """Say what the model expects the way the file writes it: "3 months", not relativedelta(months=3)."""
    for pattern, words in _PYTHON_WORDS:
        expected = pattern.sub(words, expected)
    return expected


def _header(where: str) -> str:
    return re.sub(r"\[\d+\]$", "", where)


# --- where keys are ------------------------------------------------------------------------

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_HEADER_RE = re.compile(rf"^\s*(\[\[?)\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]\]?\s*(?:#.*)?$")
_KEY_RE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=(.*)$")
_INLINE_KEY_RE = re.compile(r"[{,]\s*([A-Za-z0-9_-]+)\s*=")
_PART_RE = re.compile(_KEY_PART)


def _parts(dotted: str) -> list[str]:
    out = []
    for part in _PART_RE.findall(dotted):
        out.append(part[1:-1] if part[:1] in "\"'" else part)
    return out


def _find_line(lines: Mapping[str, int], field: str) -> int | None:
    """The line of a key path, or of the nearest enclosing table or key that has one."""
    while field:
        if field in lines:
            return lines[field]
        cut = max(field.rfind("."), field.rfind("["))
        if cut <= 0:
            return None
        field = field[:cut]
    return None


def _index_lines(text: str) -> dict[str, int]:
    """Map key paths (``interview.interviewers[2].email``) to the line they are on; best effort."""
    index: dict[str, int] = {}
    arrays: dict[str, int] = {}
    table = ""
    open_string: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if open_string is not None:
            if line.count(open_string) % 2 == 1:
                open_string = None
            continue
        header = _HEADER_RE.match(line)
        if header:
            path = ""
            names = _parts(header.group(2))
            for i, name in enumerate(names):
                path = _join(path, name)
                last = i == len(names) - 1
                if last and header.group(1) == "[[":
                    arrays[path] = arrays.get(path, 0) + 1
                if path in arrays:
                    path += f"[{arrays[path]}]"
            table = path
            index.setdefault(table, number)
            continue
        key = _KEY_RE.match(line)
        if not key:
            continue
        path = table
        for name in _parts(key.group(1)):
            path = _join(path, name)
            index.setdefault(path, number)
        rest = key.group(2)
        for inner in _INLINE_KEY_RE.findall(rest):
            index.setdefault(f"{path}.{inner}", number)
        for quotes in ('"""', "'''"):
            if rest.count(quotes) % 2 == 1:
                open_string = quotes
    return index


# --- writing -------------------------------------------------------------------------------

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


def _toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            raise ValueError(f"{text!r} holds a lone surrogate, which TOML cannot store")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _toml_string(key)


def _toml_value(value: object) -> str:
    """``value`` as a TOML value; raises TypeError for what TOML cannot hold."""
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
            raise TypeError(f"{value!r}: TOML times of day have no zone")
        return value.isoformat()
    if isinstance(value, Mapping):
        items = ", ".join(f"{_toml_key(str(k))} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"{value!r} ({type(value).__name__}) cannot be written to a TOML file")


_SHOW_LIMIT = 80


def _show(value: object) -> str:
    """A value as it would be written in the file, for error messages (a long one is cut)."""
    try:
        text = _toml_value(value)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    if len(text) > _SHOW_LIMIT:
        text = f"{text[: _SHOW_LIMIT - 20]}... ({len(text)} characters)"
    return text


def _deepest_line(text: str) -> int:
    """The line where ``[`` and ``{`` nest deepest, ignoring strings and comments; best effort."""
    depth = best = 0
    line = best_line = 1
    quote: str | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            line += 1
        if quote is not None:
            if ch == "\\" and quote == '"':
                i += 1
            elif text.startswith(quote, i):
                i += len(quote) - 1
                quote = None
        elif ch == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end - 1
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(quote) - 1
        elif ch in "[{":
            depth += 1
            if depth > best:
                best, best_line = depth, line
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return best_line


def _history_lines(record: Mapping[str, object]) -> Iterator[str]:
    yield "[[history]]"
    for key, value in record.items():
        if not isinstance(key, str):
            raise TypeError(f"history keys are strings, not {key!r}")
        yield f"{_toml_key(key)} = {_toml_value(value)}"


def append_history_text(
    text: str,
    record: Mapping[str, object],
    *,
    path: str = "<string>",
    now: datetime | None = None,
) -> str:
    """Add a ``[[history]]`` table at the end of an interview file's text.

    Every byte of ``text`` is kept (comments, spacing, CRLF line endings); the
    new table uses the file's line endings, and a line break is added first when
    the text does not end with one. The result is read back with :func:`loads`,
    so a record the file cannot hold (a step the plan does not have, a bad date)
    is refused; with ``now``, the plan is also scheduled with the record, so a
    record that would make every later command fail is refused too.

    Args:
        text: The file's text.
        record: The history record's keys and values, for example
            ``{"step": "thank-you", "done": datetime(...), "recipient": "Jane Doe"}``.
            Dates and datetimes become TOML dates and (offset or local) datetimes.
        path: The name to use in error messages.
        now: Schedule the plan with the record at this moment, and refuse the
            record when that fails.

    Returns:
        The new text.

    Raises:
        InputFileError: the new text is not a valid interview file, or (with
            ``now``) its plan cannot be scheduled because of the record (the
            message names the key; a line number is given only for errors in the
            old text).
        TypeError: a value cannot be written as TOML.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    new = text
    if new and not new.endswith("\n"):
        new += newline
    if new.strip() and not new.endswith(newline * 2):
        new += newline
    new += newline.join(_history_lines(record)) + newline
    old_lines = len(text.splitlines())
    try:
        checked = loads(new, path=path)
    except InputFileError as exc:
        if exc.line is None or exc.line <= old_lines:
            raise
        raise InputFileError(
            f"the new history record is not valid: {exc.detail}", path=exc.path, field=exc.field
        ) from exc
    if now is not None:
        _check_schedules(checked, text, path, now)
    return new


def _check_schedules(checked: InterviewFile, old: str, path: str, now: datetime) -> None:
    """Schedule the file with its new record; blame the record only if the old file schedules."""
    try:
        checked.schedule(now=now)
    except (InputFileError, SchedulingError, ValidationError, InvalidStepError, TemplateError) as exc:
        loads(old, path=path).schedule(now=now)  # the old file's own error, if it has one
        field = f"history[{len(checked.history)}]"
        detail = exc.detail if isinstance(exc, InputFileError) else str(exc)
        raise InputFileError(
            f"the new history record would make the file unusable: {detail}",
            path=path,
            field=field,
        ) from exc


def append_history(
    path: str | os.PathLike[str], record: Mapping[str, object], *, now: datetime | None = None
) -> str:
    """Add a ``[[history]]`` table at the end of an interview file, atomically.

    The file is checked with the new record first (see :func:`append_history_text`)
    and left untouched when that fails; the new content replaces the old in one
    rename, so a crash mid-write leaves the old file as it was. Two processes
    appending at once are serialised by a lock beside the file, so neither record
    is lost (see ``followup._atomic.locked``).

    Args:
        path: The interview file.
        record: The history record's keys and values.
        now: Also schedule the plan with the record at this moment, and refuse
            the record when that fails.

    Returns:
        The text added at the end of the file (the new ``[[history]]`` table).

    Raises:
        InputFileError: the file cannot be read, or would not be valid with the record.
        TypeError: a value cannot be written as TOML.
        TimeoutError: another process kept the file locked (it is unchanged).
        OSError: the file could not be replaced (it is unchanged).
    """
    name = os.fspath(path)
    with locked(name):
        old = _read_text(name)
        new = append_history_text(old, record, path=name, now=now)
        write_atomic(name, new.encode("utf-8"))
    return new[len(old) :]


EXAMPLE = """\
# An interview file for `followup`: one interview, described in TOML.
#
#   followup plan interview.toml        the follow-up timeline, with reasons
#   followup draft interview.toml       the messages to send
#   followup ics interview.toml -o followup.ics   calendar reminders
#
# Dates are written without quotes (2026-11-24); times too (2026-11-20T14:00:00).
# A time without a UTC offset is read in [interview] timezone. Durations are
# strings: "45m", "3 hours", "2 business days", "3 months".

# --- you -------------------------------------------------------------------------
[candidate]
name = "Sam Rivera"                    # required: signs every message
email = "sam.rivera@example.com"       # the From of the drafts
phone = "+1 555 0134"                  # optional, for the signature
linkedin = "https://www.linkedin.com/in/samrivera"
# signature = "Sam Rivera\\n+1 555 0134"  # a sign-off block instead of your name
# timezone = "America/Chicago"         # your own zone, if it differs from the interview's
# holidays = "US-IL"                   # your holidays, for your own tasks (else the plan's)

# --- the interview ------------------------------------------------------------------
[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00            # when it started, local time in `timezone`
timezone = "America/New_York"          # IANA zone name
duration = "45m"                       # thank-you notes count from the end
stage = "final round"                  # "phone screen", "onsite", ...
topics = ["the data platform migration"]
decision_expected = 2026-11-27         # the date they said they would decide by
careers_url = "https://acme.example/careers"
# Your own material, for the thank-you notes:
# highlights = "I moved a team of six from nightly batches to streaming last year."
# promised = "the write-up on our streaming migration I mentioned"

# One table per person you met. Their topics make the thank-you note personal;
# their timezone (if different) decides when messages to them are due, and the
# holidays of its country are skipped (holidays = "GB-SCT" names others). Without
# an email address, a note goes on LinkedIn (with `linkedin`), else through the
# recruiter, else you get a task to find an address.
[[interview.interviewers]]
name = "Jane Doe"                      # titles are fine: "Dr. Jane Doe" is greeted "Dear Dr. Doe"
title = "Engineering Manager"
email = "jane.doe@acme.example"
linkedin = "https://www.linkedin.com/in/janedoe"
topics = ["moving the nightly batch jobs to streaming"]
# greeting = "JD"                      # the name she asked to be called, in every tone
# promised = "the article on exactly-once delivery"   # for her alone

[[interview.interviewers]]
name = "Priya Natarajan"
title = "Staff Data Engineer"
email = "priya@acme.example"
timezone = "Europe/London"
topics = ["how the team tests its pipelines"]

# The recruiter or coordinator: status questions go to them.
[interview.recruiter]
name = "Alex Kim"
title = "Technical Recruiter"
email = "alex.kim@acme.example"

# --- the decision ---------------------------------------------------------------------
[outcome]
status = "pending"                     # pending | rejected | offer | withdrawn
# When the answer arrives, change it, for example:
# status = "rejected"
# date = 2026-11-24                    # or 2026-11-24T16:10:00
# from = "Alex Kim"                    # who told you: replies go to them

# --- the plan ---------------------------------------------------------------------------
[plan]
preset = "after-interview"             # or "after-rejection"
tone = "warm"                          # formal | warm | brief
holidays = "US"                        # a country or region ("US-CA", "DE-BY"), dates, or both: ["US", 2026-12-24]
# Every default can be changed here, for example:
# thank_you_after = "3 hours"
# status_checks = 2                    # 1 or 2
# keep_in_touch_every = "3 months"
# keep_in_touch_count = 4              # or keep_in_touch_until = 2027-12-31
# linkedin_note_limit = 300            # 200 on free accounts, 300 with Premium
# separate_feedback_request = true     # ask for feedback in its own message
# window = { start = "09:00", end = "17:00", days = ["mon", "tue", "wed", "thu", "fri"] }
# remove = ["network"]                 # leave steps of the preset out
# templates = "templates"              # your own <kind>.<tone>.<channel>.txt files
#
# Steps of your own, or a preset step with other settings (same id: it replaces it);
# `followup steps` lists the kinds and their parameters:
# [[plan.steps]]
# kind = "keep-in-touch"
# every = "2 months"
# count = 6
# template_file = "keep-in-touch.txt"  # or the text: template = "Subject: ..."

# --- what has happened since --------------------------------------------------------------
# Add one [[history]] table per event (the CLI can add them for you):
#
# [[history]]
# step = "thank-you"                   # a step done...
# done = 2026-11-20T18:30:00
# recipient = "Jane Doe"               # ...for one person only (optional)
#
# [[history]]
# reply = 2026-11-25                   # someone replied: status questions stop
# from = "Alex Kim"
#
# [[history]]
# out_of_office_until = 2026-12-04     # an auto-reply: their messages wait
# contact = "Jane Doe"
#
# [[history]]
# step = "status-check"                # move one step to a later date
# snoozed_until = 2026-12-07
#
# [[history]]
# step = "status-check.2"              # or skip it
# skipped = 2026-12-01
#
# [[history]]
# outcome = "rejected"                 # a decision arrived
# date = 2026-11-24
# from = "Alex Kim"
"""
"""A commented example interview file: what ``followup init`` writes."""
