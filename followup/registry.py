"""Step kinds by name: the registry that interview files, stored plans and ``followup steps`` use.

A *kind* is a step class known by a name (``"keep-in-touch"``). The built-in
steps are registered under their default ids; third-party kinds arrive through
the ``followup.steps`` entry-point group, read lazily the first time a name is
not found or the kinds are listed; applications can also [`register`][followup.registry.register] a
class in code.

The same module turns steps into JSON-safe data and back ([`step_to_dict`][followup.registry.step_to_dict],
[`step_from_dict`][followup.registry.step_from_dict], used by [`followup.Plan.to_dict`][followup.plan.Plan.to_dict]): durations
become words (``"3 months"``, ``"2 business days"``, ``"3 hours"``), times of
day ``"HH:MM"``, send windows ``{"days": ["mon", ...], "start": "09:00",
"end": "17:00"}``, outcomes lists of strings, dates ISO 8601, enums their value.

Example:
    >>> from followup.registry import step_from_dict, step_to_dict
    >>> step = step_from_dict({"kind": "keep-in-touch", "every": "2 months", "count": 6})
    >>> step_to_dict(step)["every"]
    '2 months'
"""

from __future__ import annotations

import difflib
import enum
import functools
import re
import sys
import textwrap
import threading
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

import attrs
from dateutil.relativedelta import relativedelta

from followup import channels
from followup.errors import InvalidStepError, ValidationError
from followup.model import Decision, OutcomeStatus
from followup.steps import (
    ExploreOpenings,
    FeedbackRequest,
    KeepInTouch,
    LinkedInConnect,
    Network,
    OfferAccept,
    OfferDeadline,
    OfferDecline,
    OfferReply,
    OfferWelcome,
    RejectionReply,
    StatusCheck,
    ThankYou,
    Withdrawal,
    WithdrawElsewhere,
)
from followup.timing import BusinessDays, SendWindow

if TYPE_CHECKING:
    from followup._kinds import KindInfo, ParamInfo
    from followup.typing import Step

__all__ = [
    "BUILTIN_KINDS",
    "ENTRY_POINT_GROUP",
    "KindInfo",
    "ParamInfo",
    "Registry",
    "available",
    "default_registry",
    "describe",
    "format_kinds",
    "get",
    "param_names",
    "register",
    "step_from_dict",
    "step_to_dict",
]

ENTRY_POINT_GROUP = "followup.steps"
"""The entry-point group third-party step kinds are registered in."""

BUILTIN_KINDS: Mapping[str, type] = {
    "thank-you": ThankYou,
    "status-check": StatusCheck,
    "rejection-reply": RejectionReply,
    "feedback-request": FeedbackRequest,
    "linkedin-connect": LinkedInConnect,
    "keep-in-touch": KeepInTouch,
    "explore-openings": ExploreOpenings,
    "network": Network,
    "offer-reply": OfferReply,
    "offer-deadline": OfferDeadline,
    "offer-decline": OfferDecline,
    "offer-accept": OfferAccept,
    "offer-welcome": OfferWelcome,
    "withdraw-elsewhere": WithdrawElsewhere,
    "withdrawal": Withdrawal,
}
"""The built-in kinds, in the order a plan uses them."""

_KIND_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_RESERVED = ("kind", "outcomes_only")

_C = TypeVar("_C", bound=type)
_S = TypeVar("_S")


# --- what a kind is ---------------------------------------------------------------------------


@attrs.define
class _Kind:
    name: str
    distribution: str | None
    version: str | None = None
    entry_point: str | None = None
    value: str | None = None  # "module:attr" of an entry point, before it is loaded
    cls: type | None = None
    loader: Callable[[], Any] | None = None

    @property
    def source(self) -> str:
        if self.entry_point is not None:
            return (
                f"distribution {self.distribution!r} (entry point '{self.entry_point}' "
                f"in group {ENTRY_POINT_GROUP!r})"
            )
        if self.distribution == "followup":
            return "followup (built in)"
        return f"code registration ({_path(self.cls) if self.cls else '?'})"


def _path(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _step_class_problem(obj: object) -> str | None:
    """Why ``obj`` cannot be a step kind, or ``None`` when it can."""
    if not isinstance(obj, type):
        return f"{obj!r} is not a class"
    if not attrs.has(obj):
        return (
            f"{_path(obj)} is not an attrs class: step kinds are @attrs.frozen(kw_only=True) "
            "classes, so their parameters can be listed, read from files and stored"
        )
    if not callable(getattr(obj, "actions", None)):
        return f"{_path(obj)} has no actions(ctx) method"
    names = {a.name for a in attrs.fields(obj)}
    for need in ("id", "outcomes"):
        if need not in names and not hasattr(obj, need):
            return f"{_path(obj)} has no {need!r}: a step needs 'id', 'outcomes' and 'actions(ctx)'"
    return None


def _entry_points() -> Iterable[Any]:
    # Imported here, not at the top: importlib.metadata costs tens of milliseconds at start-up
    # and is only needed when a kind is not built in. Looked up through the module at call time
    # so tests can monkeypatch it.
    import importlib.metadata

    return importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def _dist_of(ep: Any) -> tuple[str, str | None]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return "<unknown distribution>", None
    name = getattr(dist, "name", None)
    if name is None:
        try:
            name = dist.metadata["Name"]
        except (AttributeError, KeyError, TypeError):  # pragma: no cover - odd metadata
            name = None
    return str(name or "<unknown distribution>"), getattr(dist, "version", None)


class Registry:
    """Step kinds by name, with the built-ins pre-registered.

    Third-party kinds are read from the ``followup.steps`` entry-point group the
    first time a name is not found or the kinds are listed; a kind's module is
    imported only when the kind is used or described.

    Args:
        builtins: Register the built-in kinds (default True).
        entry_points: Read the ``followup.steps`` entry points (default True).

    Example:
        >>> reg = Registry(entry_points=False)
        >>> reg.get("keep-in-touch").__name__
        'KeepInTouch'
    """

    def __init__(self, *, builtins: bool = True, entry_points: bool = True) -> None:
        self._kinds: dict[str, _Kind] = {}
        self._problems: dict[str, InvalidStepError] = {}
        self._discovered = not entry_points
        self._lock = threading.RLock()
        if builtins:
            for name, cls in BUILTIN_KINDS.items():
                self._kinds[name] = _Kind(name, "followup", cls=cls)

    # -- registering -------------------------------------------------------------------

    @overload
    def register(self, name: str, cls: _C, *, replace: bool = False) -> _C: ...
    @overload
    def register(
        self, name: str, cls: None = None, *, replace: bool = False
    ) -> Callable[[_C], _C]: ...
    def register(
        self, name: str, cls: _C | None = None, *, replace: bool = False
    ) -> _C | Callable[[_C], _C]:
        """Register a step class under a kind name; also usable as a decorator.

        Registering the same class again (or a class of the same module and
        name, as when a module is reloaded) is allowed.

        Args:
            name: The kind (lower-case words joined by ``-``, like ``"portfolio-link"``).
            cls: The step class: an attrs class with ``id``, ``outcomes`` and ``actions(ctx)``.
            replace: Replace a kind registered under this name (a built-in included).

        Returns:
            The class (so ``@registry.register("name")`` leaves it unchanged).

        Raises:
            InvalidStepError: the name is not valid, the class is not a step class,
                or the name is taken by another class (the message says by whom).
        """
        if cls is None:

            def decorate(c: _C) -> _C:
                return self.register(name, c, replace=replace)

            return decorate
        if not isinstance(name, str) or not _KIND_NAME.fullmatch(name):
            raise InvalidStepError(
                f"bad step kind name {name!r}: use lower-case words joined by '-', such as 'portfolio-link'"
            )
        problem = _step_class_problem(cls)
        if problem is not None:
            raise InvalidStepError(f"cannot register step kind {name!r}: {problem}")
        with self._lock:
            old = self._kinds.get(name)
            if old is not None and not replace and not self._same(old, cls):
                raise InvalidStepError(
                    f"step kind {name!r} is already registered by {old.source}; "
                    f"cannot register {_path(cls)} under the same name: choose another name, "
                    "or pass replace=True",
                    step=name,
                )
            self._kinds[name] = _Kind(name, None, cls=cls)
            self._problems.pop(name, None)
        return cls

    @staticmethod
    def _same(old: _Kind, cls: type) -> bool:
        if old.cls is cls:
            return True
        target = _path(old.cls) if old.cls is not None else old.value
        return target == _path(cls)

    # -- discovering ---------------------------------------------------------------------

    def discover(self) -> None:
        """Read the ``followup.steps`` entry points now (done lazily otherwise)."""
        with self._lock:
            if self._discovered:
                return
            self._discovered = True
            found: dict[str, list[tuple[Any, str, str | None]]] = {}
            for ep in _entry_points():
                dist, version = _dist_of(ep)
                same = [
                    x for x in found.get(ep.name, []) if x[1] == dist and x[0].value == ep.value
                ]
                if not same:  # the same distribution seen twice on sys.path is one registration
                    found.setdefault(ep.name, []).append((ep, dist, version))
            for name, eps in found.items():
                self._add_entry_points(name, eps)

    def _add_entry_points(self, name: str, eps: list[tuple[Any, str, str | None]]) -> None:
        def where(ep: Any, dist: str) -> str:
            return f"distribution {dist!r} (entry point '{ep.name} = {ep.value}')"

        if not _KIND_NAME.fullmatch(name):
            ep, dist, _ = eps[0]
            self._problems[name] = InvalidStepError(
                f"bad step kind name {name!r} from {where(ep, dist)} in group "
                f"{ENTRY_POINT_GROUP!r}: use lower-case words joined by '-'",
                step=name,
            )
            return
        old = self._kinds.get(name)
        if old is not None:
            others = [
                (ep, dist)
                for ep, dist, _ in eps
                if not (old.cls and ep.value == _path_value(old.cls))
            ]
            if not others:
                return  # the plugin's class is the one registered in code
            ep, dist = others[0]
            if old.distribution == "followup":
                what = "is a built-in kind"
                fix = "the plugin must choose another name"
            else:
                what = f"is already registered by {old.source}"
                fix = "rename one of them"
            self._problems[name] = InvalidStepError(
                f"step kind {name!r} {what}, and {where(ep, dist)} in group "
                f"{ENTRY_POINT_GROUP!r} registers it too: {fix}",
                step=name,
            )
            return
        if len(eps) > 1:
            listed = " and ".join(where(ep, dist) for ep, dist, _ in eps)
            self._problems[name] = InvalidStepError(
                f"step kind {name!r} is registered twice in group {ENTRY_POINT_GROUP!r}, by "
                f"{listed}: uninstall one of them, or ask one author to rename the kind",
                step=name,
            )
            return
        ep, dist, version = eps[0]
        self._kinds[name] = _Kind(
            name,
            dist,
            version=version,
            entry_point=f"{ep.name} = {ep.value}",
            value=ep.value,
            loader=ep.load,
        )

    # -- looking up ----------------------------------------------------------------------

    def _names(self) -> list[str]:
        builtins = [n for n in BUILTIN_KINDS if n in self._kinds]
        return builtins + sorted(n for n in self._kinds if n not in BUILTIN_KINDS)

    def _raise_problems(self) -> None:
        if not self._problems:
            return
        problems = list(self._problems.values())
        if len(problems) == 1:
            raise problems[0]
        raise InvalidStepError(
            f"{len(problems)} step kinds cannot be used: " + "; ".join(str(p) for p in problems)
        )

    def available(self) -> tuple[str, ...]:
        """Every kind name: the built-ins in plan order, then the others sorted.

        Raises:
            InvalidStepError: a plugin's kind clashes with another kind.
        """
        self.discover()
        self._raise_problems()
        return tuple(self._names())

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name not in self._kinds:
            self.discover()
        return name in self._kinds

    def __iter__(self) -> Iterator[str]:
        return iter(self.available())

    @overload
    def get(self, name: str) -> type[Step]: ...
    @overload
    def get(self, name: str, cls: type[_S]) -> type[_S]: ...
    def get(self, name: str, cls: type[object] | None = None) -> type[Any]:
        """The step class registered as ``name``.

        Args:
            name: The kind.
            cls: The class (or a base class) the caller expects: the result is typed
                as it, and a kind registered as another class is an error. Without it
                the result is a ``type[Step]``.

        Raises:
            InvalidStepError: no such kind (with a "did you mean"), its name clashes
                between distributions, its module fails to import, or it is not a
                subclass of ``cls``.
        """
        found = self._get(name)
        if cls is not None and not (isinstance(found, type) and issubclass(found, cls)):
            raise InvalidStepError(
                f"step kind {name!r} is {_path_value(found)}, not a {cls.__qualname__}",
                step=str(name),
            )
        return found

    def _get(self, name: str) -> type[Step]:
        with self._lock:
            if name not in self._kinds:
                self.discover()
            if name in self._problems:
                raise self._problems[name]
            kind = self._kinds.get(name)
            if kind is None:
                names = self._names()
                close = difflib.get_close_matches(str(name), names, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise InvalidStepError(
                    f"unknown step kind {name!r}{hint}; known kinds: {', '.join(names)} "
                    f"(plugins add kinds through the {ENTRY_POINT_GROUP!r} entry point group)",
                    step=str(name),
                )
            return self._load(kind)

    def _load(self, kind: _Kind) -> type[Step]:
        if kind.cls is not None:
            return cast("type[Step]", kind.cls)
        assert kind.loader is not None
        try:
            obj = kind.loader()
        except Exception as exc:
            raise InvalidStepError(
                f"step kind {kind.name!r} from {kind.source} failed to import: "
                f"{type(exc).__name__}: {exc}",
                step=kind.name,
            ) from exc
        problem = _step_class_problem(obj)
        if problem is not None:
            raise InvalidStepError(
                f"step kind {kind.name!r} from {kind.source} is not a step class: {problem}",
                step=kind.name,
            )
        assert isinstance(obj, type)
        kind.cls = obj
        return cast("type[Step]", obj)

    def kind_of(self, step: object) -> str:
        """The kind name a step (or step class) is registered under.

        Raises:
            InvalidStepError: its class is not registered.
        """
        cls = step if isinstance(step, type) else type(step)
        for kind in self._kinds.values():
            if kind.cls is cls:
                return kind.name
        self.discover()
        for kind in list(self._kinds.values()):
            if kind.cls is None and kind.value == _path_value(cls) and self._load(kind) is cls:
                return kind.name
        raise InvalidStepError(
            f"{_path(cls)} is not a registered step kind: register it with "
            f"followup.registry.register('your-kind', {cls.__name__}) or through the "
            f"{ENTRY_POINT_GROUP!r} entry point group, so plans holding it can be stored",
            step=getattr(step, "id", None) if not isinstance(step, type) else None,
        )

    def describe(self, name: str) -> KindInfo:
        """What is known about one kind: class, distribution, doc and parameters.

        Raises:
            InvalidStepError: as [`get`][followup.registry.get].
        """
        from followup._kinds import KindInfo

        cls = self.get(name)
        kind = self._kinds[name]
        doc = (cls.__doc__ or "").strip()
        return KindInfo(
            name=name,
            cls=cls,
            path=_path(cls),
            distribution=kind.distribution,
            version=kind.version,
            entry_point=kind.entry_point,
            doc=doc.splitlines()[0] if doc else "",
            params=_params(cls),
        )

    def kinds(self) -> tuple[KindInfo, ...]:
        """[`describe`][followup.registry.describe] for every kind, in [`available`][followup.registry.available] order."""
        return tuple(self.describe(n) for n in self.available())


def _path_value(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


default_registry = Registry()
"""The registry [`get`][followup.registry.get], [`register`][followup.registry.register] and interview files use."""


@overload
def register(name: str, cls: _C, *, replace: bool = False) -> _C: ...
@overload
def register(name: str, cls: None = None, *, replace: bool = False) -> Callable[[_C], _C]: ...
def register(name: str, cls: _C | None = None, *, replace: bool = False) -> _C | Callable[[_C], _C]:
    """Register a step class in the default registry (see [`Registry.register`][followup.registry.Registry.register]).

    Args:
        name: The kind name used in interview files and plan data.
        cls: The step class; leave it out to use ``register`` as a decorator.
        replace: Replace an existing registration of ``name``.
    """
    return default_registry.register(name, cls, replace=replace)


@overload
def get(name: str) -> type[Step]: ...
@overload
def get(name: str, cls: type[_S]) -> type[_S]: ...
def get(name: str, cls: type[object] | None = None) -> type[Any]:
    """The step class of a kind in the default registry (see [`Registry.get`][followup.registry.Registry.get]).

    ``get("thank-you", ThankYou)`` is typed ``type[ThankYou]`` (and checked).

    Args:
        name: The kind name.
        cls: The class the caller expects, to type the result (see [`Registry.get`][followup.registry.Registry.get]).
    """
    return default_registry.get(name) if cls is None else default_registry.get(name, cls)


def available() -> tuple[str, ...]:
    """Every kind name in the default registry (see [`Registry.available`][followup.registry.Registry.available])."""
    return default_registry.available()


def describe(name: str) -> KindInfo:
    """A kind of the default registry, described (see [`Registry.describe`][followup.registry.Registry.describe]).

    Args:
        name: The kind name, such as ``"keep-in-touch"``.
    """
    return default_registry.describe(name)


def format_kinds(width: int = 80, *, registry: Registry | None = None) -> str:
    """The text ``followup steps`` prints: every kind with its class, origin, doc and parameters.

    Args:
        width: The line width to wrap descriptions at.
        registry: The registry (default: the default one, plugins included).

    Raises:
        InvalidStepError: a plugin's kind clashes or fails to import.
    """
    reg = registry or default_registry
    blocks = []
    for info in reg.kinds():
        if info.distribution is None:
            origin = "registered in code"
        else:
            origin = "from " + info.distribution + (f" {info.version}" if info.version else "")
        lines = [f"{info.name}  ({origin})"]
        if info.doc:
            lines.append(
                textwrap.fill(
                    info.doc, width=width, initial_indent="    ", subsequent_indent="    "
                )
            )
        lines.append(f"    class: {info.path}")
        name_width = max((len(p.name) for p in info.params), default=0)
        for p in info.params:
            default = "required" if p.required else f"default {_show_default(p.default)}"
            head = f"    {p.name:<{name_width}}  {p.type}, {default}"
            if p.doc:
                head += f": {p.doc}"
            lines.append(
                textwrap.fill(
                    head,
                    width=width,
                    subsequent_indent=" " * (6 + name_width),
                    break_on_hyphens=False,
                )
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _show_default(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_show_default(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_show_default(v)}" for k, v in value.items()) + "}"
    return str(value)


# --- parameter types ----------------------------------------------------------------------


class _ParamError(InvalidStepError):
    """A bad parameter for a step kind (an [`InvalidStepError`][followup.registry.InvalidStepError]).

    Attributes:
        kind: The step kind.
        param: The parameter, or ``None`` when the error concerns the kind as a whole.
        where: A path inside the parameter (``"days[2]"``), or ``""``.
        value: The value refused.
        expected: What the parameter takes.
    """

    def __init__(
        self,
        kind: str,
        param: str | None,
        value: object,
        expected: str,
        *,
        where: str = "",
        step: str | None = None,
        prefix: str = "",
        message: str | None = None,
    ) -> None:
        self.kind = kind
        self.param = param
        self.where = where
        self.value = value
        self.expected = expected
        key = param or ""
        if param and where:
            key += where if where.startswith("[") else f".{where}"
        if message is not None:
            text = f"{prefix}{message}"
        elif param is None:
            text = f"{prefix}step kind {kind!r}: {expected}"
        else:
            text = (
                f"{prefix}step kind {kind!r}, parameter {key!r}: {_show_value(value)} is not valid: "
                f"expected {expected}"
            )
        super().__init__(text, step=step)


def _show_value(value: object) -> str:
    from followup._convert import unstructure

    try:
        data = unstructure(value)
    except (ValidationError, TypeError, ValueError):
        return repr(value)
    return repr(data)


_NONE = type(None)


def _members(annotation: Any) -> tuple[Any, ...]:
    if _is_channel(annotation):
        return (annotation,)
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return tuple(typing.get_args(annotation))
    return (annotation,)


@functools.lru_cache(maxsize=512)
def _hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a step class's fields; ``Any`` for any that cannot be resolved."""
    try:
        return typing.get_type_hints(cls, include_extras=True)
    except Exception:
        pass
    # A class made by exec() (a notebook, a docs page) has no importable module: its
    # methods' globals are where its annotations' names live.
    namespaces: list[dict[str, Any]] = []
    module = sys.modules.get(cls.__module__)
    if module is not None:
        namespaces.append(vars(module))
    actions = getattr(cls, "actions", None)
    if isinstance(actions, types.FunctionType):
        namespaces.append(actions.__globals__)
    out: dict[str, Any] = {}
    for a in attrs.fields(cls):
        hint: Any = a.type if a.type is not None else Any
        if isinstance(hint, str):
            for ns in namespaces:
                try:
                    hint = eval(hint, dict(ns))
                    break
                except Exception:
                    continue
            else:
                hint = Any
        out[a.name] = hint
    return out


_DURATIONS = {
    timedelta: "hours or minutes",
    relativedelta: "days, weeks, months or years",
    BusinessDays: "business days",
}


@functools.lru_cache(maxsize=512)
def _type_words(annotation: Any) -> tuple[str, str]:
    """(short words for listings, longer words for errors) for an annotation."""
    members = _members(annotation)
    optional = _NONE in members
    members = tuple(m for m in members if m is not _NONE)
    short: list[str] = []
    long: list[str] = []
    durations = [m for m in members if m in _DURATIONS]
    if durations:
        if set(durations) == {BusinessDays}:
            short.append("business days")
            long.append("a number of business days, such as '2 business days'")
        elif set(durations) == {timedelta}:
            short.append("duration (hours, minutes)")
            long.append("a duration in hours or minutes, such as '3 hours' or '45 minutes'")
        elif set(durations) == {relativedelta}:
            short.append("duration (days to years)")
            long.append("a duration such as '3 days', '2 weeks' or '3 months'")
        else:
            short.append("duration")
            # typing caches unions regardless of member order, so sort for a stable message.
            allowed = [_DURATIONS[m] for m in _DURATIONS if m in durations]
            long.append(
                f"a duration in {' or '.join(allowed)}, such as "
                + ", ".join(
                    {
                        "hours or minutes": "'3 hours'",
                        "days, weeks, months or years": "'3 months'",
                        "business days": "'2 business days'",
                    }[a]
                    for a in allowed
                )
            )
    for m in members:
        if m in _DURATIONS:
            continue
        origin = typing.get_origin(m)
        args = typing.get_args(m)
        if _is_channel(m):
            names = channels.names()
            short.append(" | ".join(names))
            long.append("a channel: one of " + ", ".join(repr(n) for n in names))
        elif m is time:
            short.append("time of day")
            long.append('a local time of day such as "10:00"')
        elif m is datetime:
            short.append("date and time")
            long.append(
                "an ISO 8601 date and time with a UTC offset, such as 2026-11-24T10:00:00-05:00"
            )
        elif m is date:
            short.append("date")
            long.append("a date such as 2027-03-01")
        elif m is SendWindow:
            short.append("send window")
            long.append(
                'a send window such as {"days": ["mon", "tue", "wed", "thu", "fri"], '
                '"start": "09:00", "end": "17:00"}'
            )
        elif origin in (frozenset, set, tuple, list) and args and args[0] is OutcomeStatus:
            short.append("outcomes")
            long.append('a list of outcomes among "pending", "rejected", "offer", "withdrawn"')
        elif origin in (frozenset, set, tuple, list) and args and args[0] is Decision:
            short.append("decisions")
            long.append('a list of decisions among "pending", "accept", "decline"')
        elif origin in (frozenset, set, tuple, list):
            short.append("list of text")
            long.append('a list of strings, such as ["reply"]')
        elif isinstance(m, type) and issubclass(m, enum.Enum):
            values = [str(e.value) for e in m]
            short.append(" | ".join(values))
            long.append("one of " + ", ".join(repr(v) for v in values))
        elif m is bool:
            short.append("true/false")
            long.append("true or false")
        elif m is int:
            short.append("whole number")
            long.append("a whole number")
        elif m is float:
            short.append("number")
            long.append("a number")
        elif m is str:
            short.append("text")
            long.append("a string")
        else:
            short.append("any")
            long.append("a value")
    if optional:
        short.append("none")
        long.append("nothing (null)")
    return " or ".join(short), " or ".join(long)


def _is_channel(annotation: Any) -> bool:
    return typing.get_origin(annotation) is typing.Annotated and "followup.channels" in getattr(
        annotation, "__metadata__", ()
    )


# --- parameters of a kind -------------------------------------------------------------------

_ARG_LINE = re.compile(r"^\s{4,}(\w+):\s*(.*)$")


def _arg_docs(cls: type) -> dict[str, str]:
    doc = cls.__doc__ or ""
    out: dict[str, str] = {}
    inside = False
    current: str | None = None
    for line in doc.splitlines():
        if line.strip() in ("Args:", "Attributes:", "Parameters:"):
            inside = True
            continue
        if not inside:
            continue
        if line.strip() and not line.startswith(" " * 4):
            break
        m = _ARG_LINE.match(line)
        if (
            m
            and len(line) - len(line.lstrip()) <= 8
            and not (current and line.startswith(" " * 12))
        ):
            current = m.group(1)
            out[current] = m.group(2).strip()
        elif current and line.strip():
            out[current] += " " + line.strip()
        elif not line.strip():
            current = None
    return out


def _init_fields(cls: type) -> list[attrs.Attribute[Any]]:
    return [a for a in attrs.fields(cls) if a.init]


def _param_name(a: attrs.Attribute[Any]) -> str:
    return a.alias or a.name


def _default_of(a: attrs.Attribute[Any]) -> Any:
    """A field's default value (a factory is called; one that takes ``self`` gives None)."""
    value: Any = a.default
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        return None if value.takes_self else value.factory()
    return value


def param_names(cls: type) -> tuple[str, ...]:
    """The parameter names of a step class (its attrs fields that ``__init__`` takes)."""
    return tuple(_param_name(a) for a in _init_fields(cls))


def _params(cls: type) -> tuple[ParamInfo, ...]:
    from followup._convert import unstructure
    from followup._kinds import ParamInfo

    hints = _hints(cls)
    docs = _arg_docs(cls)
    out = []
    for a in _init_fields(cls):
        name = _param_name(a)
        short = _type_words(hints.get(a.name, Any))[0]
        required = a.default is attrs.NOTHING
        default: Any = None
        if not required:
            value = _default_of(a)
            try:
                default = unstructure(value, hints.get(a.name))
            except (ValidationError, TypeError, ValueError):
                default = repr(value)
        out.append(
            ParamInfo(
                name=name, type=short, default=default, required=required, doc=docs.get(name, "")
            )
        )
    return tuple(out)


# --- steps and plans as data ------------------------------------------------------------------


def step_to_dict(
    step: Step, *, registry: Registry | None = None, defaults: bool = True
) -> dict[str, Any]:
    """A step as JSON-safe data: ``{"kind": ..., **params}``.

    Args:
        step: A step whose class is registered (built-ins always are).
        registry: Where to look its kind up (default: the default registry).
        defaults: Include parameters left at their default (default True, so a
            stored step does not change when a default changes in a later release).

    Returns:
        ``{"kind": "keep-in-touch", "id": "keep-in-touch", "every": "3 months", ...}``.

    Raises:
        InvalidStepError: the class is not registered, or a parameter holds a
            value that cannot be written as data.
    """
    from followup._convert import unstructure

    reg = registry or default_registry
    kind = reg.kind_of(step)
    hints = _hints(type(step))
    out: dict[str, Any] = {"kind": kind}
    for a in _init_fields(type(step)):
        value = getattr(step, a.name)
        if not defaults and a.default is not attrs.NOTHING:
            default = _default_of(a)
            if _equal(value, default):
                continue
        if value is None:
            # None is never written (TOML has no null): left out when it is the default,
            # else "none", which reads back as None for parameters that allow it.
            if a.default is attrs.NOTHING or _default_of(a) is not None:
                out[_param_name(a)] = "none"
            continue
        try:
            out[_param_name(a)] = unstructure(value, hints.get(a.name))
        except (ValidationError, TypeError, ValueError) as exc:
            expected = (
                exc.expected
                if isinstance(exc, ValidationError)
                else f"JSON-safe data, not a {type(value).__name__}"
            )
            raise _ParamError(
                kind, _param_name(a), value, expected, step=getattr(step, "id", None)
            ) from None
    return out


def _equal(a: Any, b: Any) -> bool:
    try:
        return type(a) is type(b) and bool(a == b)
    except Exception:  # pragma: no cover - exotic values
        return False


def step_from_dict(
    data: Mapping[str, Any], *, registry: Registry | None = None, kind: str | None = None
) -> Step:
    """Build a step from data: ``{"kind": "keep-in-touch", "every": "2 months", "count": 6}``.

    Values may be JSON values (durations as words, times ``"HH:MM"``, dates
    ISO 8601) or the Python and TOML values they stand for.

    Args:
        data: The kind and its parameters (absent parameters keep their defaults).
        registry: Where kinds are looked up (default: the default registry).
        kind: The kind, when ``data`` has no ``"kind"`` key.

    Returns:
        The step.

    Raises:
        InvalidStepError: the kind is unknown (with a "did you mean"), a parameter
            is unknown (with a "did you mean") or not valid for the kind; the
            message names the kind, the parameter and what it takes.
    """
    step: Step = _step_from(data, registry or default_registry, kind=kind)
    return step


def _step_from(
    data: Mapping[str, Any], reg: Registry, *, kind: str | None = None, prefix: str = ""
) -> Any:
    from followup._convert import structure_value

    if not isinstance(data, Mapping):
        raise InvalidStepError(
            f"{prefix}a step is a mapping such as {{'kind': 'keep-in-touch'}}, not {data!r}"
        )
    name = kind if kind is not None else data.get("kind")
    if name is None:
        raise InvalidStepError(
            f"{prefix}the step has no 'kind': give one of {', '.join(reg._names())}"
        )
    if not isinstance(name, str):
        raise InvalidStepError(f"{prefix}the step's 'kind' must be a string, not {name!r}")
    try:
        cls = reg.get(name)
    except InvalidStepError as exc:
        if prefix:
            raise InvalidStepError(prefix + str(exc), step=exc.step) from exc
        raise
    fields = {_param_name(a): a for a in _init_fields(cls)}
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key in _RESERVED:
            continue
        a = fields.get(key)
        if a is None:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise _ParamError(
                name,
                str(key),
                value,
                f"a parameter of {name}{hint}: {', '.join(fields)}",
                prefix=prefix,
                message=(
                    f"step kind {name!r} has no parameter {key!r}{hint}; "
                    f"it takes: {', '.join(fields)}"
                ),
            )
        hint = hints.get(a.name, Any)
        try:
            kwargs[a.name if a.alias is None else a.alias] = structure_value(value, hint)
        except ValidationError as exc:
            # The value itself: say what the parameter takes; a part of it: what that part takes.
            expected = exc.expected if exc.field else _type_words(hint)[1]
            raise _ParamError(
                name, key, exc.value, expected, where=exc.field, prefix=prefix
            ) from None
    missing = [n for n, a in fields.items() if a.default is attrs.NOTHING and n not in kwargs]
    if missing:
        words = _type_words(hints.get(fields[missing[0]].name, Any))[1]
        raise _ParamError(
            name,
            missing[0],
            None,
            words,
            prefix=prefix,
            message=f"step kind {name!r} needs the parameter {missing[0]!r}: {words}",
        )
    try:
        return cls(**kwargs)
    except ValidationError as exc:
        param = _guess_param(exc.field, fields)
        shown = data.get(param, exc.value) if param else exc.value
        raise _ParamError(
            name, param, shown, exc.expected if param else str(exc), prefix=prefix
        ) from None
    except InvalidStepError as exc:
        raise _ParamError(name, None, None, str(exc), prefix=prefix) from None
    except (TypeError, ValueError) as exc:
        attr = (
            exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], attrs.Attribute) else None
        )
        param = attr.name if attr is not None else None
        raise _ParamError(
            name,
            param,
            data.get(param) if param else None,
            str(exc.args[0] if exc.args else exc),
            prefix=prefix,
        ) from None


def _guess_param(field: str, fields: Mapping[str, Any]) -> str | None:
    base = re.split(r"[.\[]", field, maxsplit=1)[0]
    if base in fields:
        return base
    for name in sorted(fields, key=len, reverse=True):
        if base.endswith("_" + name):  # preset-style names: "keep_in_touch_first" -> "first"
            return name
    if base.endswith("_limit") and "note_limit" in fields:
        return "note_limit"
    return None


def __getattr__(name: str) -> Any:
    if name in ("KindInfo", "ParamInfo"):  # built on first use (see followup._kinds)
        from followup import _kinds

        # Both at once: their annotations name each other and resolve in this module.
        globals().update(KindInfo=_kinds.KindInfo, ParamInfo=_kinds.ParamInfo)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
