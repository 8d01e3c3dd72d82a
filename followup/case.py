"""A case: one interview's whole follow-up, as one value an app can store and schedule.

A [`Case`][followup.case.Case] holds the interview (with its candidate and people), the plan,
the outcome known so far, the history and the holidays: what an interview file
describes, and what [`followup.to_dict`][followup.to_dict] turns into data (with a
``version`` key) for a database row. Scheduling it gives the timeline::

    case = Case(interview=interview, plan=presets.after_interview())
    case = case.with_history(StepDone(step="thank-you", at=now))
    timeline = case.schedule(now=now)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs

from followup import _validate as v
from followup.model import HistoryRecord, Interview, Outcome, OutcomeChanged
from followup.plan import Plan
from followup.presets import after_interview
from followup.timeline import Timeline
from followup.timing import HolidayCalendar
from followup.typing import Tone

if TYPE_CHECKING:
    from followup.render import TemplateSet

__all__ = ["Case"]


def _history(value: Iterable[HistoryRecord]) -> tuple[HistoryRecord, ...]:
    return tuple(value)


def _local(value: Any, zone: ZoneInfo) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None and not isinstance(value.tzinfo, ZoneInfo):
        local = value.astimezone(zone)
        if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
            # A wall time the zone repeats (23:00 on the night clocks go back): Python never
            # counts such a time equal to the same instant in another zone, so the moment
            # keeps its offset and the case still equals the one it was written from.
            return value
        return local
    return value


def _outcome_in_zone(outcome: Outcome, zone: ZoneInfo) -> Outcome:
    at = _local(outcome.at, zone)
    return outcome if at is outcome.at else attrs.evolve(outcome, at=at)


def _in_zone(record: HistoryRecord, zone: ZoneInfo) -> HistoryRecord:
    if isinstance(record, OutcomeChanged):
        outcome = _outcome_in_zone(record.outcome, zone)
        return record if outcome is record.outcome else OutcomeChanged(outcome=outcome)
    changes = {
        name: _local(getattr(record, name), zone)
        for name in ("at", "until")
        if hasattr(record, name) and _local(getattr(record, name), zone) is not getattr(record, name)
    }
    return attrs.evolve(record, **changes) if changes else record


@attrs.frozen(kw_only=True)
class Case:
    """One interview's follow-up: the facts, the plan and what has happened since.

    Args:
        interview: The interview, its candidate and the people met.
        plan: The plan (default [`followup.presets.after_interview`][followup.presets.after_interview]).
        outcome: The outcome known now (default pending).
        history: What has happened since, in order.
        holidays: Days that are not business days, if any.
    """

    interview: Interview = attrs.field(validator=v.instance_of(Interview, "an Interview"))
    plan: Plan = attrs.field(factory=after_interview, validator=v.instance_of(Plan, "a Plan"))
    outcome: Outcome = attrs.field(
        factory=Outcome.pending, validator=v.instance_of(Outcome, "an Outcome")
    )
    history: tuple[HistoryRecord, ...] = attrs.field(default=(), converter=_history)
    holidays: HolidayCalendar | None = attrs.field(
        default=None, validator=v.optional_instance_of(HolidayCalendar, "a HolidayCalendar")
    )

    def __attrs_post_init__(self) -> None:
        # Moments read from data carry a UTC offset only: put them in the interview's zone
        # (the same instants), as they were when the case was built.
        zone = self.interview.zone
        history = tuple(_in_zone(r, zone) for r in self.history)
        if any(a is not b for a, b in zip(history, self.history, strict=True)):
            object.__setattr__(self, "history", history)
        outcome = _outcome_in_zone(self.outcome, zone)
        if outcome is not self.outcome:
            object.__setattr__(self, "outcome", outcome)

    def schedule(
        self,
        *,
        now: datetime,
        tone: Tone | None = None,
        templates: TemplateSet | None = None,
    ) -> Timeline:
        """The timeline of this case at ``now`` (see [`followup.Plan.schedule`][followup.plan.Plan.schedule]).

        Args:
            now: The current moment (aware).
            tone: Override the plan's tone.
            templates: Custom templates.

        Raises:
            ValidationError: ``now`` is naive, or a history record is malformed.
            SchedulingError: the plan needs a fact the interview lacks.
        """
        return self.plan.schedule(
            self.interview,
            now=now,
            outcome=self.outcome,
            history=self.history,
            holidays=self.holidays,
            tone=tone,
            templates=templates,
        )

    def with_history(self, *records: HistoryRecord) -> Case:
        """The same case with ``records`` added at the end of its history.

        Args:
            *records: What happened.
        """
        return attrs.evolve(self, history=(*self.history, *records))
