"""Reading interview files: TOML in, a checked case out, every error at its line.

Values go through the converter's hooks (`followup._convert`), so a
duration, a time of day, a send window or a date is read the way
[`followup.from_dict`][followup.from_dict] reads it; the reader adds what a file needs on top:
the line of every key, "did you mean" for unknown keys, naive datetimes read in
the interview's zone, people named by name, presets, templates from files, and
the spellings older versions wrote.
"""

from __future__ import annotations

import difflib
import inspect
import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs
from dateutil.relativedelta import relativedelta

from followup import _validate
from followup._convert import structure_duration, structure_value
from followup._ids import slug
from followup._read import MAX_INTERVIEW_FILE, MAX_TEMPLATE_FILE, read_file
from followup.errors import (
    InputFileError,
    InvalidStepError,
    SchedulingError,
    TemplateError,
    ValidationError,
)
from followup.interview_file._lines import deepest_line, find_line, index_lines
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
from followup.plan import Entry, Plan, _fit_branch
from followup.presets import PRESETS
from followup.registry import Registry, default_registry, param_names, step_from_dict
from followup.timeline import Timeline
from followup.timing import BusinessDays, HolidayCalendar, SendWindow, holiday_calendar, read_local
from followup.typing import TONES, Tone

if TYPE_CHECKING:
    from followup.case import Case
    from followup.render import TemplateSet

__all__ = ["InterviewFile", "load", "loads", "read_text"]

_DEFAULT_PRESET = "after-interview"

_OFFSET_WORDS = {
    "exact": "a number of minutes or hours, such as '45m', '3 hours' or '1 hour'",
    "business": "a number of business days, such as '2 business days'",
    "calendar": "a number of days, weeks, months or years, such as '3 months' or '6 weeks'",
    "offset": "a duration such as '1 business day', '3 days', '2 weeks' or '3 months'",
}
_OFFSET_TYPES: dict[str, tuple[type, ...]] = {
    "exact": (timedelta,),
    "business": (BusinessDays,),
    "calendar": (relativedelta,),
    "offset": (BusinessDays, relativedelta, timedelta),
}


def show(value: object) -> str:
    """A value as the file would spell it, for error messages (the writer's, on first use)."""
    from followup.interview_file._writer import show as _show

    return _show(value)


def _one_based(path: str) -> str:
    """A data path (indices from 0) as a file path (from 1, as people count)."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m[1]) + 1}]", path)


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
        templates: The [`TemplateSet`][followup.render.TemplateSet] from ``plan.templates``
            (a directory of template files), if any.
        lines: Where each key path is in the file (``{"outcome.date": 41}``), for
            error messages; [`loads`][followup.interview_file._reader.loads] fills it in.
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

    @property
    def case(self) -> Case:
        """The file's case: interview, plan, outcome, history and holidays, as one value."""
        from followup.case import Case  # built on first use: `followup ics` never makes one

        return Case(
            interview=self.interview,
            plan=self.plan,
            outcome=self.outcome,
            history=self.history,
            holidays=self.holidays,
        )

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
                str(exc), path=self.path, line=find_line(self._lines, field), field=field
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
                f"{show(exc.value)} is not valid: {_file_words(exc.expected)}{hint}",
                path=self.path,
                line=find_line(self._lines, field),
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
            return _history_key(
                self.history[int(m.group(1))], int(m.group(1)) + 1, m.group(2), self._lines
            )
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
        where = "outcome"
        if self.outcome.at != on:
            for i, record in enumerate(self.history):
                if isinstance(record, OutcomeChanged) and record.outcome.at == on:
                    where = f"history[{i + 1}]"
                    break
        # The key the file wrote: "at", or "date" in the older spelling.
        return f"{where}.date" if f"{where}.date" in self._lines else f"{where}.at"

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


def _history_key(
    record: HistoryRecord, number: int, attr: str | None, lines: Mapping[str, int] | None = None
) -> str:
    """``history[N].KEY`` for a model attribute of the N-th record (``at`` → ``done``, ...)."""
    where = f"history[{number}]"
    if attr is None:
        return where
    if lines is not None and f"{where}.event" in lines:
        return f"{where}.{attr}"  # this version's spelling: the keys are the attributes
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
    return loads(read_text(name), path=name, registry=registry)


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


def read_text(path: str) -> str:
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
_TOP_KEYS = ("version", "candidate", "interview", "outcome", "plan", "history")
_CANDIDATE_KEYS = (
    "name", "email", "phone", "linkedin", "signature", "timezone", "holidays", "reminder_window",
)  # fmt: skip
_INTERVIEW_KEYS = (
    "company",
    "role",
    "start",
    "timezone",
    "duration",
    "stage",
    "topics",
    "decision_expected",
    "other_offer_by",
    "careers_url",
    "highlights",
    "promised",
    "news",
    "key",
    "interviewers",
    "recruiter",
)
_INTERVIEW_TOO_LONG = "a positive duration of at most 24 hours, such as '45m' or '4 hours'"
_CONTACT_KEYS = (
    "name", "email", "title", "linkedin", "timezone", "topics", "holidays", "greeting", "promised",
    "moment", "family_name", "honorific",
)
_OFFER_KEYS = (
    "respond_by", "decision", "decided", "reason", "written", "start_date", "note", "open_to",
)
_OUTCOME_KEYS = ("status", "at", "contact", "date", "from", "from_email", *_OFFER_KEYS)
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
    "offers": "bool",
    "withdrawals": "bool",
    "window": "window",
}
_PLAN_KEYS = ("preset", "name", "tone", "holidays", "remove", "templates", "steps", *_PLAN_PARAMS)
_STEP_FILE_KEYS = ("kind", "template_file", "outcomes_only")

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

# [[history]] records as this version writes them: the event, and the keys each takes.
_EVENTS: dict[str, tuple[str, ...]] = {
    "done": ("event", "step", "at", "contact"),
    "skipped": ("event", "step", "at", "contact"),
    "snoozed": ("event", "step", "until", "contact"),
    "reply": ("event", "at", "contact"),
    "out-of-office": ("event", "until", "contact", "at"),
    "outcome": ("event", "status", "at", "contact", *_OFFER_KEYS),
}

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
            self._lines = index_lines(self.text)
        return self._lines

    # -- errors --------------------------------------------------------------------------

    def line_of(self, field: str) -> int | None:
        return find_line(self.lines, field)

    def error(self, field: str, message: str) -> InputFileError:
        return InputFileError(message, path=self.path, line=self.line_of(field), field=field)

    def bad(self, field: str, value: object, expected: str) -> InputFileError:
        return self.error(field, f"{show(value)} is not valid: {_file_words(expected)}")

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
            raise self.bad(field, value, f"a list of strings, such as [{show(value)}]")
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
            assert self.zone is not None
            if value.tzinfo is None:
                return read_local(value.date(), value.time(), self.zone)
            # The same instant, in the interview's zone (a time written with its offset is
            # one the zone's clock shows twice, or one given in another zone).
            return value.astimezone(self.zone)
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

    def offset(self, value: object, field: str, kind: str, *, too_long: str | None = None) -> Any:
        """A duration, read by the converter's hook for the type ``kind`` names."""
        expected = _OFFSET_WORDS[kind]
        if not isinstance(value, str):
            raise self.bad(field, value, f"a quoted string: {expected}")
        try:
            return structure_duration(value, _OFFSET_TYPES[kind])
        except ValidationError as exc:
            if "at most" in exc.expected:  # the number is too large; the words were fine
                raise self.bad(field, value, too_long or exc.expected) from None
            raise self.bad(field, value, expected) from None

    def converted(self, value: object, annotation: Any, field: str) -> Any:
        """``value`` read by the converter's hooks; an error names the key inside it (from 1)."""
        try:
            return structure_value(value, annotation)
        except ValidationError as exc:
            inner = _one_based(exc.field)
            where = field + (inner if inner.startswith("[") or not inner else f".{inner}")
            shown = exc.value
            if isinstance(value, Mapping) and inner and inner in value:
                shown = value[inner]
            raise self.bad(where, shown, exc.expected) from None

    # -- tables ------------------------------------------------------------------------------

    def check_version(self, value: object) -> None:
        # The codec (to_dict's format) only for a file that says its version: `followup ics`
        # on a file without one never imports it.
        from followup.codec import VERSION

        if value != VERSION:
            raise self.bad(
                "version",
                value,
                f"{VERSION} (the format this followup reads); the file was written by another version",
            )

    def run(self) -> InterviewFile:
        data = self.parse()
        self.check_keys(data, "", _TOP_KEYS, "an interview file")
        if "version" in data:
            self.check_version(data["version"])
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
                line=deepest_line(self.text),
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
        for key in _CANDIDATE_KEYS[:-2]:
            value = self.text_value(raw, "candidate", key, _EXPECTED[key], required=key == "name")
            if value is not None:
                kwargs[key] = value
        if "holidays" in raw:
            kwargs["holidays"] = self.holidays(raw["holidays"], "candidate.holidays")
        if "reminder_window" in raw:
            kwargs["reminder_window"] = self.window(
                raw["reminder_window"], "candidate.reminder_window", every_day=True
            )
        try:
            return Candidate(**kwargs)
        except ValidationError as exc:
            raise self.model_error(exc, "candidate", raw, {}) from None

    def contact(self, raw: object, where: str) -> Contact:
        if not isinstance(raw, dict):
            raise self.bad(where, raw, 'a table with at least name = "Jane Doe"')
        self.check_keys(raw, where, _CONTACT_KEYS, f"[{_header(where)}]")
        kwargs: dict[str, Any] = {}
        for key in (
            "name", "email", "title", "linkedin", "timezone", "greeting", "promised", "moment", "family_name",
            "honorific",
        ):  # fmt: skip
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
        for key in ("company", "role", "stage", "careers_url", "highlights", "promised", "news", "key"):
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
        if "other_offer_by" in raw:
            kwargs["other_offer_by"] = self.date_only(raw["other_offer_by"], f"{where}.other_offer_by")
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
        # No preset and steps of its own: the plan is exactly those steps (a plan built in
        # code, written by dumps()); no preset and no steps: the default preset.
        preset = self.text_value(raw, where, "preset", "a preset name")
        if preset is None and "steps" in raw:
            return self.own_plan(raw)
        preset = preset or _DEFAULT_PRESET
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
        if "name" in raw:
            plan = attrs.evolve(
                plan, name=self.text_value(raw, where, "name", "the plan's name") or plan.name
            )
        if "remove" in raw:
            plan = self.remove_steps(plan, raw["remove"], preset)
        if "steps" in raw:
            plan = self.plan_steps(plan, raw["steps"])
        templates = self.template_dir(raw["templates"]) if "templates" in raw else None
        return plan, holidays, tone, templates

    def own_plan(
        self, raw: Mapping[str, Any]
    ) -> tuple[Plan, HolidayCalendar | None, Tone, TemplateSet | None]:
        """A ``[plan]`` without a preset: its ``[[plan.steps]]``, in order, with their branches."""
        where = "plan"
        for key in raw:
            if key in _PLAN_PARAMS or key == "remove":
                raise self.error(
                    f"{where}.{key}",
                    "a preset's setting, and this plan has no preset: add preset = "
                    '"after-interview" (or "after-rejection"), or set it on the step in [[plan.steps]]',
                )
        tone = self.text_value(raw, where, "tone", "formal, warm or brief") or "warm"
        if tone not in TONES:
            raise self.bad(f"{where}.tone", tone, "one of 'formal', 'warm', 'brief'")
        name = self.text_value(raw, where, "name", "the plan's name") or "custom"
        holidays = (
            self.holidays(raw.get("holidays"), f"{where}.holidays") if "holidays" in raw else None
        )
        plan = self.plan_steps(Plan(tone=tone, name=name), raw["steps"])
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
            raise self.bad(field, value, f"a list of step ids, such as [{show(value)}]")
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
            # A step with the id of a preset step takes its place (and its branch), unless
            # outcomes_only puts it in a branch of its own.
            only = item.get("outcomes_only")
            if only is not None:
                entry = self.entry(step, only, f"{where}.outcomes_only", "outcomes" in item)
                if step.id in plan.ids:
                    entries = tuple(entry if e.step.id == step.id else e for e in plan.entries)
                else:
                    entries = (*plan.entries, entry)
                plan = attrs.evolve(plan, entries=entries)
            else:
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
            item,
            where,
            ("kind", "template_file", *params, "outcomes_only"),
            f"a [[plan.steps]] table of kind {kind!r}",
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
            inner = _one_based(getattr(exc, "where", ""))
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

    def entry(self, step: Any, value: object, field: str, outcomes_given: bool) -> Entry:
        if isinstance(value, str):
            raise self.bad(field, value, f"a list of outcomes, such as [{show(value)}]")
        try:
            entry = Entry(step=step, only=self.converted(value, frozenset[OutcomeStatus], field))
            return _fit_branch(entry, outcomes_given=outcomes_given)
        except ValidationError as exc:
            raise self.bad(field, value, exc.expected) from None

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

    def window(self, value: object, field: str, *, every_day: bool = False) -> SendWindow:
        if not isinstance(value, dict):
            raise self.bad(
                field,
                value,
                'a table such as { start = "09:00", end = "17:00", days = ["mon", "fri"] }',
            )
        self.check_keys(value, field, _WINDOW_KEYS, "the send window")
        if every_day and "days" not in value:
            # The candidate's hours (reminders) hold every day unless the file says otherwise.
            value = {**value, "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}
        window: SendWindow = self.converted(value, SendWindow, field)
        return window

    def holidays(self, value: object, field: str) -> HolidayCalendar:
        # holiday_calendar() is the converter's own reading of holidays: one spelling.
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
        self,
        name: str | None,
        email: str | None,
        where: str,
        raw: Mapping[str, Any],
        *,
        name_key: str = "from",
    ) -> Contact | None:
        """The contact an outcome came from: a known person, or a new contact."""
        if name is None and email is None:
            return None
        email_key = "from_email" if name_key == "from" else name_key
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
                        raise self.model_error(exc, where, raw, {"email": email_key}) from None
                return person
        if name is None:
            raise self.bad(
                f"{where}.{name_key}" if name_key != "from" else f"{where}.from",
                email,
                "the name or email of someone in [interview], or a table such as "
                '{ name = "Pat Lee", email = "pat@acme.example" } for someone else',
            ) if name_key != "from" else self.missing(
                f"{where}.from",
                f"the sender's name: {show(email)} is not the email of anyone in [interview]",
            )
        try:
            contact = Contact(name=name, email=email)
        except ValidationError as exc:
            raise self.model_error(
                exc, where, raw, {"name": name_key, "email": email_key}
            ) from None
        self.people.append(contact)
        return contact

    def outcome_of(self, raw: Mapping[str, Any], where: str, status_key: str) -> Outcome:
        """An outcome from ``status`` (or a legacy ``outcome = STATUS``), ``at`` and ``contact``.

        Files written before the one spelling (``date``, ``from``, ``from_email``) are read too.
        """
        legacy = bool({"date", "from", "from_email"} & set(raw)) or status_key == "outcome"
        for new, old in (("at", "date"), ("contact", "from"), ("contact", "from_email")):
            if new in raw and old in raw:
                raise self.error(
                    _join(where, old), f"give {new} or {old} (its older name), not both"
                )
        at_key = "date" if "date" in raw or ("at" not in raw and legacy) else "at"
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
        if at_key in raw:
            on = self.moment(raw[at_key], f"{where}.{at_key}")
            assert self.start is not None
            assert self.zone is not None
            start = self.start.astimezone(self.zone)
            if (on < start) if isinstance(on, datetime) else (on < start.date()):
                raise self.bad(
                    f"{where}.{at_key}",
                    raw[at_key],
                    f"a date on or after the interview ({start:%Y-%m-%d})",
                )
        if status is OutcomeStatus.PENDING and on is not None:
            raise self.bad(
                f"{where}.{at_key}",
                raw[at_key],
                "nothing: a pending outcome has no date (remove it)",
            )
        if status is not OutcomeStatus.PENDING and on is None:
            raise self.missing(
                f"{where}.{at_key}",
                f"the date the {status.value} outcome arrived, such as {at_key} = 2026-11-24",
            )
        contact_key = "contact"
        if "contact" in raw and isinstance(raw["contact"], dict):
            by: Contact | None = self.new_contact(raw["contact"], f"{where}.contact")
        else:
            if "contact" in raw:
                name = self.text_value(raw, where, "contact", "the sender's name or email")
                email = None
                if name is not None and "@" in name and " " not in name.strip():
                    name, email = None, name
            else:
                contact_key = "from"
                name = self.text_value(raw, where, "from", "the sender's name")
                email = self.text_value(raw, where, "from_email", "the sender's email address")
            by = self.person(name, email, where, raw, name_key=contact_key)
        extra: dict[str, Any] = {}
        if "respond_by" in raw:
            extra["respond_by"] = self.date_only(raw["respond_by"], f"{where}.respond_by")
        if "decision" in raw:
            extra["decision"] = self.text_value(
                raw, where, "decision", "pending, accept or decline"
            )
        if "decided" in raw:
            extra["decided"] = self.moment(raw["decided"], f"{where}.decided")
        if "reason" in raw:
            extra["reason"] = self.text_value(
                raw, where, "reason", "one line you are happy to share"
            )
        if "written" in raw:
            if not isinstance(raw["written"], bool):
                raise self.bad(
                    f"{where}.written", raw["written"], "true or false (the written offer has arrived)"
                )
            extra["written"] = raw["written"]
        if "start_date" in raw:
            extra["start_date"] = self.date_only(raw["start_date"], f"{where}.start_date")
        for key in ("note", "open_to"):
            if key in raw:
                extra[key] = self.text_value(raw, where, key, _EXPECTED[key])
        try:
            return Outcome(status=status, at=on, contact=by, **extra)
        except ValidationError as exc:
            raise self.model_error(
                exc, where, raw, {"at": at_key, "contact": contact_key, "status": status_key}
            ) from None

    def new_contact(self, raw: Mapping[str, Any], where: str) -> Contact:
        """A person written as a table where a name would do (someone not in [interview])."""
        contact = self.contact(raw, where)
        for person in self.people:
            if person == contact:
                return person
        self.people.append(contact)
        return contact

    def outcome(self, data: Mapping[str, Any]) -> Outcome:
        raw = self.table(
            data, "", "outcome", '[outcome] with status = "rejected" and at = 2026-11-24'
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
            if "event" in raw:
                records.append(self.event(raw, where, plan))
            else:
                records.append(self.record(raw, where, plan))
        return tuple(records)

    def event(self, raw: Mapping[str, Any], where: str, plan: Plan) -> HistoryRecord:
        """A record written with ``event`` (this version's spelling)."""
        event = self.text_value(raw, where, "event", "what happened", required=True)
        if event not in _EVENTS:
            close = difflib.get_close_matches(str(event), list(_EVENTS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise self.bad(f"{where}.event", event, f"an event{hint}: {', '.join(_EVENTS)}")
        allowed = _EVENTS[event]
        self.check_keys(raw, where, allowed, f"an {event!r} record" if event[0] in "aeiou" else f"a {event!r} record")
        try:
            if event in ("done", "skipped", "snoozed"):
                step = self.step(raw, where, plan)
                contact = self.recipient(raw, where, "contact")
                key = "until" if event == "snoozed" else "at"
                if key not in raw:
                    raise self.missing(f"{where}.{key}", f"when, such as {key} = 2026-11-24")
                when = self.moment(raw[key], f"{where}.{key}")
                if event == "done":
                    return StepDone(step=step, at=when, contact=contact)
                if event == "skipped":
                    return StepSkipped(step=step, at=when, contact=contact)
                return Snoozed(step=step, until=when, contact=contact)
            if event == "reply":
                if "at" not in raw:
                    raise self.missing(f"{where}.at", "when the reply came, such as at = 2026-11-25")
                contact = self.text_value(
                    raw, where, "contact", "who replied (a name or an email address)"
                )
                return ReplyReceived(at=self.moment(raw["at"], f"{where}.at"), contact=contact)
            if event == "out-of-office":
                if "until" not in raw:
                    raise self.missing(
                        f"{where}.until", "the last day away, such as until = 2026-12-04"
                    )
                until = self.date_only(raw["until"], f"{where}.until")
                at = self.moment(raw["at"], f"{where}.at") if "at" in raw else None
                return OutOfOffice(
                    until=until, contact=self.recipient(raw, where, "contact"), at=at
                )
            if raw.get("status") == OutcomeStatus.PENDING.value:
                raise self.bad(
                    f"{where}.status", raw["status"], "rejected, offer or withdrawn: a new decision"
                )
            return OutcomeChanged(outcome=self.outcome_of(raw, where, "status"))
        except ValidationError as exc:
            raise self.model_error(exc, where, raw, {}) from None

    def record(self, raw: Mapping[str, Any], where: str, plan: Plan) -> HistoryRecord:
        """A record in the spelling of older versions (``done = DATE``, ``reply = DATE``...)."""
        self.check_keys(raw, where, _HISTORY_KEYS, "[[history]]")
        kinds = [k for k in _HISTORY_KINDS if k in raw]
        if not kinds:
            if "step" in raw:
                expected = (
                    'what happened to the step: event = "done", "skipped" or "snoozed" '
                    "(older files: done, skipped or snoozed_until = a date)"
                )
            else:
                expected = (
                    f"what happened: event = {' | '.join(repr(e) for e in _EVENTS)} (older "
                    "files: done, skipped or snoozed_until with step, reply, out_of_office_until "
                    "or outcome)"
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
        # A known kind the plan lacks is a fact kept outside the plan (Timeline.outside_plan).
        if base not in plan.ids and base not in self.registry:
            close = difflib.get_close_matches(base, [*plan.ids, *self.registry.available()], n=1)
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
    "family_name": 'their family name as written in the name, such as "Kim" for "Kim Min-jun"',
    "honorific": 'their title or honorific, such as "Ms", "Dr" or "Ibu"',
    "promised": 'what you said you would send, such as "the paper on directed evolution I mentioned"',
    "highlights": 'a sentence or two on why you fit, such as "I led the move of 30 clinics to one scheduling system."',
    "moment": 'a sentence or two to them about your conversation, such as "Our debate about scorecards ran over."',
    "note": 'a sentence or two of your own for the reply, such as "Thank you for agreeing to a hybrid first month."',
    "open_to": 'what you would welcome hearing about later, such as "a Nairobi-based post"',
    "news": 'a sentence or two of your news since you last spoke, such as "I now lead our packaging work in Vietnam."',
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
