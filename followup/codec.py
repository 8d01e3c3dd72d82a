"""Every public value as JSON-safe data and back: [`to_dict`][followup.codec.to_dict] and [`from_dict`][followup.codec.from_dict].

One converter (cattrs) for the whole library: a [`Case`][followup.case.Case],
an [`Interview`][followup.model.Interview], a [`Contact`][followup.model.Contact], a
[`Candidate`][followup.model.Candidate], an [`Outcome`][followup.model.Outcome], each
history record, a [`Plan`][followup.plan.Plan] with its steps (plugins' too,
through the registry), a [`Timeline`][followup.timeline.Timeline] and an
[`Action`][followup.timeline.Action] all round-trip to an equal value through
``json.dumps``/``json.loads``. The data never holds ``None`` (a field left at
``None`` is left out), so TOML can hold it too; a case carries a ``version``.

The spellings are those of `followup._convert`, shared with interview
files, the timeline's dicts and the command line: datetimes in ISO 8601 with
their offset, durations in words (``"3 months"``, ``"2 business days"``),
times of day ``"09:00"``, send-window days ``["mon", ...]``.

Example:
    >>> import json
    >>> from datetime import date
    >>> from followup import Outcome, from_dict, to_dict
    >>> data = to_dict(Outcome.rejected(at=date(2026, 11, 24)))
    >>> data
    {'status': 'rejected', 'at': '2026-11-24'}
    >>> from_dict(json.loads(json.dumps(data)), Outcome) == Outcome.rejected(at=date(2026, 11, 24))
    True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

import attrs

from followup import _convert
from followup.case import Case
from followup.errors import InvalidStepError, ValidationError
from followup.model import Candidate, HistoryRecord, Interview, Outcome
from followup.plan import Entry, Plan
from followup.registry import Registry, _ParamError, default_registry, step_from_dict, step_to_dict
from followup.timing import HolidayCalendar

if TYPE_CHECKING:
    import cattrs

    from followup.model import Contact
    from followup.timeline import Action, Timeline
    from followup.typing import JSON, Step

__all__ = ["VERSION", "from_dict", "to_dict"]

VERSION = 1
"""The version of the case data [`to_dict`][followup.codec.to_dict] writes (the ``"version"`` key)."""

T = TypeVar("T")

_CASE_KEYS = ("version", "candidate", "interview", "outcome", "plan", "history", "holidays")


def _is_step_class(cls: Any) -> bool:
    """A step class: an attrs class with ``actions(ctx)`` (a plan is not one)."""
    return (
        isinstance(cls, type)
        and attrs.has(cls)
        and callable(getattr(cls, "actions", None))
        and not issubclass(cls, Plan)
    )


def _plan_to(plan: Plan, registry: Registry) -> dict[str, Any]:
    try:
        return plan.to_dict(registry=registry)
    except _ParamError as exc:
        raise ValidationError(
            f"steps.{exc.param}" if exc.param else "steps", exc.value, exc.expected
        ) from None
    except InvalidStepError as exc:
        raise ValidationError("steps", exc.step, str(exc)) from None


def _plan_from(data: Any, registry: Registry) -> Plan:
    """A plan from data, every error a ValidationError naming its path (``steps[2].every``)."""
    data = _convert._check_keys(data, ("name", "tone", "steps"), "a plan")
    items = data.get("steps", [])
    if not isinstance(items, list | tuple):
        raise ValidationError("steps", items, "a list of steps, each a table with a 'kind'")
    entries = []
    for i, item in enumerate(items):
        where = f"steps[{i}]"
        try:
            step = step_from_dict(item, registry=registry)
        except _ParamError as exc:
            param = exc.param or ""
            if param and exc.where:
                param += exc.where if exc.where.startswith("[") else f".{exc.where}"
            raise ValidationError(_convert._join(where, param), exc.value, exc.expected) from None
        except InvalidStepError as exc:
            field = where + (".kind" if isinstance(item, Mapping) and "kind" in item else "")
            raise ValidationError(
                field, item.get("kind") if isinstance(item, Mapping) else item, str(exc)
            ) from None
        only = item.get("outcomes_only") if isinstance(item, Mapping) else None
        try:
            entry = Entry(step=step, only=only)
            entries.append(entry)
        except ValidationError as exc:
            raise ValidationError(f"{where}.outcomes_only", only, exc.expected) from None
    kwargs: dict[str, Any] = {"entries": entries}
    for key in ("name", "tone"):
        if key in data:
            kwargs[key] = data[key]
    try:
        return Plan(**kwargs)
    except ValidationError as exc:
        raise ValidationError(exc.field, exc.value, exc.expected) from None
    except InvalidStepError as exc:
        raise ValidationError("steps", None, str(exc)) from None


def _case_to(conv: cattrs.Converter, case: Case, registry: Registry) -> dict[str, Any]:
    interview = conv.unstructure(case.interview)
    candidate = interview.pop("candidate")
    out: dict[str, Any] = {
        "version": VERSION,
        "candidate": candidate,
        "interview": interview,
        "outcome": conv.unstructure(case.outcome),
        "plan": _plan_to(case.plan, registry),
        "history": [conv.unstructure(r) for r in case.history],
    }
    if case.holidays is not None:
        out["holidays"] = conv.unstructure(case.holidays)
    return out


def _case_from(conv: cattrs.Converter, data: Any, registry: Registry) -> Case:
    data = _convert._check_keys(data, _CASE_KEYS, "a case")
    version = data.get("version", VERSION)
    if version != VERSION:
        raise ValidationError(
            "version",
            version,
            f"{VERSION}: this data was written by another version of followup",
        )
    if "interview" not in data:
        raise ValidationError("interview", None, "a value (the key is missing)")
    if "candidate" not in data:
        raise ValidationError("candidate", None, "a value (the key is missing)")
    interview_data = data["interview"]
    if not isinstance(interview_data, Mapping):
        raise ValidationError("interview", interview_data, "a table of the interview's facts")
    if "candidate" in interview_data:
        raise ValidationError(
            "interview.candidate", None, "nothing: the candidate is the case's own 'candidate'"
        )
    candidate = _structure(conv, data["candidate"], Candidate, "candidate")
    interview = _structure(
        conv, {**interview_data, "candidate": conv.unstructure(candidate)}, Interview, "interview"
    )
    kwargs: dict[str, Any] = {"interview": interview}
    if "outcome" in data:
        kwargs["outcome"] = _structure(conv, data["outcome"], Outcome, "outcome")
    if "plan" in data:
        try:
            kwargs["plan"] = _plan_from(data["plan"], registry)
        except ValidationError as exc:
            raise ValidationError(
                _convert._join("plan", exc.field), exc.value, exc.expected
            ) from None
    if "history" in data:
        kwargs["history"] = _structure(conv, data["history"], tuple[HistoryRecord, ...], "history")
    if "holidays" in data:
        kwargs["holidays"] = _structure(conv, data["holidays"], HolidayCalendar, "holidays")
    return Case(**kwargs)


def _structure(conv: cattrs.Converter, data: Any, cls: Any, where: str) -> Any:
    try:
        return _convert.structure_value(data, cls, conv=conv)
    except ValidationError as exc:
        raise ValidationError(_convert._join(where, exc.field), exc.value, exc.expected) from None


@functools.cache
def _converter(registry: Registry) -> cattrs.Converter:
    conv = _convert.converter().copy()
    conv.register_unstructure_hook(Plan, lambda p: _plan_to(p, registry))
    conv.register_structure_hook(Plan, lambda d, _: _plan_from(d, registry))
    conv.register_unstructure_hook(Case, lambda c: _case_to(conv, c, registry))
    conv.register_structure_hook(Case, lambda d, _: _case_from(conv, d, registry))
    return conv


@overload
def to_dict(
    value: Case | Interview | Contact | Candidate | Outcome | HistoryRecord | Plan | Timeline
    | Action | Step,
    *,
    registry: Registry | None = None,
) -> dict[str, JSON]: ...
@overload
def to_dict(value: Sequence[object], *, registry: Registry | None = None) -> list[JSON]: ...
@overload
def to_dict(value: object, *, registry: Registry | None = None) -> JSON: ...
def to_dict(value: object, *, registry: Registry | None = None) -> JSON:
    """A value as JSON-safe data: dicts, lists, strings, numbers and booleans, never ``None``.

    Args:
        value: A case, interview, contact, candidate, outcome, history record, plan,
            step, timeline or action (or a list of them).
        registry: Where steps' kinds are looked up (default: the default
            registry, plugins included).

    Returns:
        The data; a [`Case`][followup.case.Case] carries ``"version"``.

    Raises:
        ValidationError: a value cannot be written as data (a step whose class is
            not a registered kind, a naive time of day, a duration in seconds).

    Examples:
        >>> from datetime import datetime
        >>> from zoneinfo import ZoneInfo
        >>> from followup import Candidate, Contact, Interview, presets
        >>> NY = ZoneInfo("America/New_York")
        >>> interview = Interview(
        ...     company="Acme Corp",
        ...     role="Data Engineer",
        ...     start=datetime(2026, 11, 20, 14, tzinfo=NY),
        ...     candidate=Candidate(name="Sam Rivera"),
        ...     interviewers=[Contact(name="Jane Doe", email="jane@acme.example")],
        ... )
        >>> import followup
        >>> data = followup.to_dict(interview)
        >>> data["start"], data["timezone"], data["duration"]
        ('2026-11-20T14:00:00-05:00', 'America/New_York', '1 hour')
        >>> followup.from_dict(data, Interview) == interview
        True
    """
    reg = registry or default_registry
    if _is_step_class(type(value)):
        try:
            return cast("JSON", step_to_dict(cast("Any", value), registry=reg))
        except _ParamError as exc:
            raise ValidationError(exc.param or "step", exc.value, exc.expected) from None
        except InvalidStepError as exc:
            raise ValidationError("step", type(value).__name__, str(exc)) from None
    try:
        return cast("JSON", _converter(reg).unstructure(value))
    except _convert._Bad as exc:
        raise ValidationError(
            exc.where or type(value).__name__.lower(), exc.value, exc.expected
        ) from None


def from_dict(data: object, cls: type[T], *, registry: Registry | None = None) -> T:
    """Rebuild a value of class ``cls`` from [`to_dict`][followup.codec.to_dict]'s data (or JSON/TOML values).

    Args:
        data: The data.
        cls: The class to build: ``Case``, ``Interview``, ``Plan``, ``Timeline``,
            ``StepDone``..., a step class, or ``HistoryRecord`` for any record.
        registry: Where steps' kinds are looked up (default: the default registry).

    Returns:
        The value; ``from_dict(to_dict(x), type(x)) == x``.

    Raises:
        ValidationError: the data is not valid; ``field`` is the path to the value
            at fault (``interview.interviewers[1].timezone``, counting from 0).

    Examples:
        >>> import followup
        >>> from followup import Outcome
        >>> data = {"status": "rejected", "at": "2026-11-24"}
        >>> followup.from_dict(data, Outcome).status.value
        'rejected'
    """
    reg = registry or default_registry
    if _is_step_class(cls):
        if not isinstance(data, Mapping):
            raise ValidationError("step", data, "a table with the step's parameters")
        try:
            return cast("T", step_from_dict({**data, "kind": reg.kind_of(cls)}, registry=reg))
        except _ParamError as exc:
            param = exc.param or "step"
            if exc.where:
                param += exc.where if exc.where.startswith("[") else f".{exc.where}"
            raise ValidationError(param, exc.value, exc.expected) from None
        except InvalidStepError as exc:
            raise ValidationError("step", None, str(exc)) from None
    return _convert.structure(data, cls, conv=_converter(reg))
