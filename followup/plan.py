"""Plans: ordered compositions of steps.

A [`Plan`][followup.plan.Plan] is a value: every method returns a new plan. Nested plans
flatten, step ids are unique, and a branch is a step restricted to some
outcomes (an [`Entry`][followup.plan.Entry]). [`Plan.schedule`][followup.plan.Plan.schedule] hands the entries to the
scheduler ([`followup.schedule`][followup.schedule]); [`Plan.to_dict`][followup.plan.Plan.to_dict] and
[`Plan.from_dict`][followup.plan.Plan.from_dict] store a plan as data, its steps by kind through the
registry ([`followup.registry`][followup.registry]).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

import attrs
from dateutil.relativedelta import relativedelta

from followup import _validate as v
from followup import fields
from followup.errors import InvalidStepError, ValidationError
from followup.model import HistoryRecord, Interview, Outcome, OutcomeStatus
from followup.registry import Registry, default_registry, step_from_dict, step_to_dict
from followup.schedule import schedule as _schedule
from followup.timeline import Timeline
from followup.timing import HolidayCalendar, Recurrence
from followup.typing import Step, Tone

if TYPE_CHECKING:
    from followup.render import TemplateSet
    from followup.typing import JSON

__all__ = ["Entry", "Plan"]


def _only(value: Iterable[OutcomeStatus | str] | None) -> frozenset[OutcomeStatus] | None:
    return None if value is None else _outcome_set(value)


@attrs.frozen(kw_only=True)
class Entry:
    """One step of a plan, with the outcomes its branch restricts it to.

    Args:
        step: The step.
        only: The outcomes of the branch it sits in (``None``: no branch, the
            step's own ``outcomes`` decide).
    """

    step: Step
    only: frozenset[OutcomeStatus] | None = attrs.field(default=None, converter=_only)

    @property
    def applies(self) -> frozenset[OutcomeStatus]:
        """The outcomes the step applies to in this plan: its own, within its branch."""
        own = frozenset(self.step.outcomes)
        return own if self.only is None else own & self.only


def _fit_branch(entry: Entry, *, outcomes_given: bool) -> Entry:
    """A step a person placed in a branch (``outcomes_only`` in an interview file), never silently dropped.

    A branch whose outcomes never meet the step's own would plan nothing. (Data from
    ``Plan.to_dict`` may hold such entries, from ``Plan.only`` on a whole plan: they
    round-trip as they are; this is for what a person writes.) When the data
    leaves the step's ``outcomes`` at the kind's default, the branch decides them (what
    ``outcomes_only = ["withdrawn"]`` on a ``linkedin-connect`` step means); when both
    were given and have nothing in common, it is an error.

    Raises:
        ValidationError: ``outcomes_only`` meets none of the step's own ``outcomes``.
    """
    if entry.only is None or entry.applies:
        return entry
    step = entry.step
    cls: Any = type(step)
    if not outcomes_given and attrs.has(cls) and "outcomes" in attrs.fields_dict(cls):
        try:
            moved: Any = attrs.evolve(cast("Any", step), outcomes=entry.only)
            return Entry(step=moved, only=entry.only)
        except (ValidationError, TypeError, ValueError):
            pass
    import json  # only for the message: the lists as the file writes them, ["withdrawn"]

    want = sorted(o.value for o in entry.only)
    own = json.dumps(sorted(o.value for o in step.outcomes))
    raise ValidationError(
        "outcomes_only",
        want,
        f"outcomes that meet the step's own outcomes {own}: as written, step {step.id!r} is "
        f"never planned; set outcomes = {json.dumps(want)} on the step too, or put it in another branch",
    )


def _to_entries(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(entries)


def _check_entries(
    plan: Plan, attribute: attrs.Attribute[tuple[Entry, ...]], value: tuple[Entry, ...]
) -> None:
    seen: set[str] = set()
    for entry in value:
        if not isinstance(entry, Entry):
            raise InvalidStepError(
                f"{entry!r} is not a plan entry: build plans with Plan.of(), Plan.branch() and add()"
            )
        step = entry.step
        if not isinstance(step, Step):
            raise InvalidStepError(
                f"{step!r} is not a step: a step needs an 'id', 'outcomes' and an 'actions(ctx)' method"
            )
        # A custom step is held to what the built-ins' fields check when they are built.
        fields.check_id(None, "id", step.id)
        stops: Any = getattr(step, "stop_on", frozenset())
        fields.check_stop_on(None, "stop_on", stops if isinstance(stops, frozenset) else frozenset(stops))
        if step.id in seen:
            raise InvalidStepError(
                f"two steps have the id {step.id!r}: ids must be unique in a plan "
                "(give one of them another id, or use plan.replace())",
                step=step.id,
            )
        seen.add(step.id)


def _outcome_set(values: Iterable[OutcomeStatus | str]) -> frozenset[OutcomeStatus]:
    values = [values] if isinstance(values, str) else list(values)
    try:
        return frozenset(OutcomeStatus(x) for x in values)
    except ValueError as exc:
        raise ValidationError(
            "outcomes", list(values), "pending, rejected, offer or withdrawn"
        ) from exc


@attrs.frozen(kw_only=True)
class Plan:
    """An ordered composition of steps.

    Plans are values: every method returns a new plan. Nested plans flatten
    (``Plan.of(a, Plan.of(b, c))`` is ``Plan.of(a, b, c)``), and step ids are
    unique.

    Args:
        entries: Use [`of`][followup.plan.Plan.of], [`branch`][followup.plan.Plan.branch] and the other methods instead.
        tone: The tone of every drafted message (formal, warm or brief).
        name: A name for the plan (the preset's name, for example).
    """

    entries: tuple[Entry, ...] = attrs.field(
        default=(), converter=_to_entries, validator=_check_entries
    )
    tone: Tone = attrs.field(default="warm", validator=v.check_tone)
    name: str = "custom"

    @classmethod
    def of(cls, *items: Step | Plan, tone: Tone = "warm", name: str = "custom") -> Plan:
        """A plan of steps and plans, in order; plans given are flattened into it."""
        return cls(entries=_flatten(items), tone=tone, name=name)

    @classmethod
    def branch(cls, *, tone: Tone = "warm", name: str = "custom", **plans: Plan | Step) -> Plan:
        """A plan that takes a different branch per outcome.

        ``Plan.branch(pending=Plan.of(...), rejected=after_rejection())``: each
        branch's steps apply only under that outcome.

        Raises:
            ValidationError: a keyword is not an outcome.
        """
        entries: list[Entry] = []
        for key, sub in plans.items():
            try:
                status = OutcomeStatus(key)
            except ValueError:
                raise ValidationError(
                    "branch", key, "an outcome: pending, rejected, offer or withdrawn"
                ) from None
            entries += _flatten((Plan.of(sub).only(status),))
        return cls(entries=entries, tone=tone, name=name)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps, in order."""
        return tuple(e.step for e in self.entries)

    @property
    def ids(self) -> tuple[str, ...]:
        """The step ids, in order."""
        return tuple(e.step.id for e in self.entries)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, step_id: object) -> bool:
        return step_id in self.ids

    def __add__(self, other: Plan | Step) -> Plan:
        """Concatenate: this plan's steps, then the other's."""
        return attrs.evolve(self, entries=self.entries + _flatten((other,)))

    def get(self, step_id: str) -> Step:
        """The step with this id.

        Raises:
            InvalidStepError: no such step (the message lists the ids there are).
        """
        return self.entries[self._index(step_id)].step

    def _index(self, step_id: str) -> int:
        for i, e in enumerate(self.entries):
            if e.step.id == step_id:
                return i
        close = difflib.get_close_matches(step_id, self.ids, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise InvalidStepError(
            f"no step {step_id!r} in this plan{hint}; its steps are: {', '.join(self.ids) or 'none'}",
            step=step_id,
        )

    def add(self, *items: Step | Plan, before: str | None = None, after: str | None = None) -> Plan:
        """Add steps at the end, or before/after the step with the given id."""
        new = _flatten(items)
        if before is not None and after is not None:
            raise InvalidStepError("give before= or after=, not both")
        if before is None and after is None:
            return attrs.evolve(self, entries=self.entries + new)
        i = self._index(before if before is not None else after)  # type: ignore[arg-type]
        if after is not None:
            i += 1
        return attrs.evolve(self, entries=self.entries[:i] + new + self.entries[i:])

    def remove(self, *step_ids: str) -> Plan:
        """Remove the steps with these ids (each must exist)."""
        drop = {self.entries[self._index(s)].step.id for s in step_ids}
        return attrs.evolve(self, entries=tuple(e for e in self.entries if e.step.id not in drop))

    def replace(self, step_id: str, step: Step) -> Plan:
        """Put ``step`` where the step with ``step_id`` was (keeping its branch)."""
        i = self._index(step_id)
        entries = list(self.entries)
        entries[i] = Entry(step=step, only=entries[i].only)
        return attrs.evolve(self, entries=tuple(entries))

    def only(self, *outcomes: OutcomeStatus | str) -> Plan:
        """The same steps, applying only under these outcomes."""
        keep = _outcome_set(outcomes)
        return attrs.evolve(
            self,
            entries=tuple(
                Entry(step=e.step, only=keep if e.only is None else e.only & keep)
                for e in self.entries
            ),
        )

    def repeat(
        self,
        step_id: str,
        *,
        every: relativedelta,
        count: int | None = None,
        until: date | None = None,
    ) -> Plan:
        """Make a recurring step repeat differently (every N weeks/months, COUNT or UNTIL).

        Raises:
            InvalidStepError: the step has no recurrence parameters.
        """
        step = self.get(step_id)
        names = {a.name for a in attrs.fields(type(step))} if attrs.has(type(step)) else set()  # type: ignore[arg-type]
        if not {"every", "count", "until"} <= names:
            raise InvalidStepError(
                f"step {step_id!r} does not repeat: only steps with 'every', 'count' and 'until' can",
                step=step_id,
            )
        Recurrence(every=every, count=count, until=until)
        return self.replace(step_id, attrs.evolve(step, every=every, count=count, until=until))  # type: ignore[misc]

    def with_tone(self, tone: Tone) -> Plan:
        """The same plan drafting in another tone."""
        return attrs.evolve(self, tone=tone)

    def to_dict(self, *, registry: Registry | None = None) -> dict[str, JSON]:
        """The plan as JSON-safe data: ``{"name", "tone", "steps": [{"kind": ..., **params}]}``.

        A step that applies only under some outcomes (a branch) carries
        ``"outcomes_only": [...]``. See [`followup.registry.step_to_dict`][followup.registry.step_to_dict].

        Args:
            registry: A [`followup.registry.Registry`][followup.registry.Registry] to look kinds up in
                (default: the default registry).

        Raises:
            InvalidStepError: a step's class is not a registered kind, or holds a
                value that cannot be written as data.
        """
        steps: list[JSON] = []
        for entry in self.entries:
            item = step_to_dict(entry.step, registry=registry)
            if entry.only is not None:
                item["outcomes_only"] = sorted(o.value for o in entry.only)
            steps.append(item)
        return {"name": self.name, "tone": self.tone, "steps": steps}

    @classmethod
    def from_dict(cls, data: Mapping[str, object], *, registry: Registry | None = None) -> Plan:
        """Rebuild a plan from [`to_dict`][followup.to_dict]'s data; the round trip gives an equal plan.

        Args:
            data: The plan's data.
            registry: A [`followup.registry.Registry`][followup.registry.Registry] for the step kinds
                (default: the default registry, plugins included).

        Raises:
            InvalidStepError: a kind is unknown or a parameter is not valid; the
                message names the step, the kind and the parameter.
        """
        reg = registry or default_registry
        if not isinstance(data, Mapping):
            raise InvalidStepError(f"a plan is a mapping with 'steps', not {data!r}")
        unknown = [k for k in data if k not in ("name", "tone", "steps")]
        if unknown:
            close = difflib.get_close_matches(str(unknown[0]), ["name", "tone", "steps"], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise InvalidStepError(
                f"unknown plan key {unknown[0]!r}{hint}; a plan has: name, tone, steps"
            )
        items = data.get("steps", [])
        if not isinstance(items, Sequence) or isinstance(items, str):
            raise InvalidStepError(f"the plan's 'steps' must be a list of steps, not {items!r}")
        entries = []
        for i, item in enumerate(items):
            prefix = f"steps[{i}]: "
            try:
                step = step_from_dict(item, registry=reg)
            except InvalidStepError as exc:
                raise InvalidStepError(prefix + str(exc), step=exc.step) from exc
            only = item.get("outcomes_only")
            try:
                entry = Entry(step=step, only=only)
            except (TypeError, ValueError):
                raise InvalidStepError(
                    f"{prefix}'outcomes_only' must be a list of outcomes among pending, rejected, "
                    f"offer, withdrawn, not {only!r}",
                    step=step.id,
                ) from None
            entries.append(entry)
        try:
            # Data, not yet checked: the tone's validator refuses a wrong value.
            return cls(
                entries=entries,
                tone=cast("Tone", data.get("tone", "warm")),
                name=cast("str", data.get("name", "custom")),
            )
        except ValidationError as exc:
            raise InvalidStepError(
                f"plan {exc.field}: {exc.value!r} is not valid: {exc.expected}"
            ) from None

    def schedule(
        self,
        interview: Interview,
        *,
        now: datetime,
        outcome: Outcome | None = None,
        history: Iterable[HistoryRecord] = (),
        holidays: HolidayCalendar | Iterable[date | str] | str | None = None,
        tone: Tone | None = None,
        templates: TemplateSet | None = None,
    ) -> Timeline:
        """Schedule this plan for one interview.

        Args:
            interview: The facts of the interview.
            now: The current moment (aware): statuses are computed for it. Inject it;
                the library never reads the clock.
            outcome: The outcome known now (default pending).
            history: What has happened since (done, skipped, replies, out-of-office,
                snoozes, new outcomes). A done or skipped record of a step kind the
                plan does not contain (built-in or registered) is kept in the
                timeline's ``outside_plan``; an unknown step id is an error.
            holidays: The plan's holidays: a [`HolidayCalendar`][followup.plan.HolidayCalendar], a country or
                subdivision code ("US", "DE-BY"), dates, or a code and dates. A
                message skips its recipient's holidays and a task the candidate's
                ([`followup.timing.recipient_holidays`][followup.timing.recipient_holidays],
                [`candidate_holidays`][followup.timing.candidate_holidays]); this calendar is the
                fallback for both, and its dates are added to theirs.
            tone: Override the plan's tone.
            templates: A [`followup.render.TemplateSet`][followup.render.TemplateSet] with custom templates.

        Returns:
            The timeline: every action sorted by due time, with its reason.

        Raises:
            ValidationError: ``now`` is naive, or a history record is malformed.
            SchedulingError: the plan needs a fact the interview lacks (the message
                names the step and the field).

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
            >>> plan = presets.after_interview()
            >>> now = datetime(2026, 11, 21, 9, tzinfo=NY)
            >>> for action in plan.schedule(interview, now=now):
            ...     print(f"{action.due:%a %d %b %H:%M}", action.id)
            Fri 20 Nov 17:00 thank-you.jane-doe
            Wed 02 Dec 10:00 status-check.1
            Wed 09 Dec 10:00 status-check.2
        """
        return _schedule(
            [(e.step, e.applies) for e in self.entries],
            interview,
            now=now,
            outcome=outcome,
            history=history,
            holidays=holidays,
            tone=self.tone if tone is None else tone,
            templates=templates,
            # A record of a known kind the plan lacks is a fact (a thank-you sent before
            # the preset switched to after-rejection), kept as done outside the plan.
            kinds=default_registry,
        )


def _flatten(items: Iterable[Step | Plan]) -> tuple[Entry, ...]:
    out: list[Entry] = []
    for item in items:
        if isinstance(item, Plan):
            out.extend(item.entries)
        else:
            out.append(Entry(step=item))
    return tuple(out)
