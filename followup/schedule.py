"""The scheduler: a plan's steps, an interview, its outcome and history in, a timeline out.

[`schedule`][followup.schedule.schedule] runs each step's ``actions(ctx)`` with a [`SchedulingContext`][followup.schedule.SchedulingContext]
(the [`StepContext`][followup.typing.StepContext] steps see), then applies the history:
snoozes and absences move actions, done and skipped records close them, replies
and new outcomes cancel what they stop, and every action gets its status for the
injected ``now``. [`followup.Plan.schedule`][followup.plan.Plan.schedule] is the usual way in.
"""

from __future__ import annotations

import difflib
from collections.abc import Container, Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import attrs

from followup import _validate as v
from followup import channels
from followup._ids import slug
from followup.errors import InvalidStepError, SchedulingError, TemplateError, ValidationError
from followup.model import (
    Contact,
    Decision,
    HistoryRecord,
    Interview,
    Message,
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
from followup.names import company_short_name
from followup.timeline import Action, Occurrences, OutsideStep, Timeline
from followup.timing import (
    Anchor,
    AppliedHolidays,
    BusinessDays,
    HolidayCalendar,
    Recurrence,
    SendWindow,
    When,
    candidate_holidays,
    describe_offset,
    fmt_day,
    fmt_moment,
    holiday_calendar,
    latest_in_window,
    local_day,
    localize,
    place,
    read_local,
    recipient_holidays,
    reminder_time,
    settle,
    shift,
    shift_back,
)
from followup.typing import Step, StopReason, Tone

if TYPE_CHECKING:
    from followup.render import TemplateSet

__all__ = ["GRACE", "SchedulingContext", "schedule"]

GRACE = timedelta(days=1)
"""How long an action stays ``due`` before it counts as ``overdue``."""

_OUTCOME_WORDS = {
    OutcomeStatus.REJECTED: "the rejection",
    OutcomeStatus.OFFER: "the offer",
    OutcomeStatus.WITHDRAWN: "the withdrawal",
    OutcomeStatus.PENDING: "the interview",
}
_DECISION_WORDS = {
    Decision.DECLINE: "your decision to decline",
    Decision.ACCEPT: "your decision to accept",
}


def _holidays(value: HolidayCalendar | Iterable[date | str] | str | None) -> HolidayCalendar:
    return holiday_calendar(value)


def schedule(
    entries: Iterable[tuple[Step, Iterable[OutcomeStatus]]],
    interview: Interview,
    *,
    now: datetime,
    outcome: Outcome | None = None,
    history: Iterable[HistoryRecord] = (),
    holidays: HolidayCalendar | Iterable[date | str] | str | None = None,
    tone: Tone = "warm",
    templates: TemplateSet | None = None,
    kinds: Container[str] = (),
) -> Timeline:
    """Schedule steps for one interview: the engine behind [`followup.Plan.schedule`][followup.plan.Plan.schedule].

    Args:
        entries: Each step with the outcomes it applies to, in plan order
            (``plan.schedule(...)`` passes its entries).
        interview: The facts of the interview.
        now: The current moment (aware): statuses are computed for it.
        outcome: The outcome known now (default pending).
        history: What has happened since.
        holidays: The plan's holidays: a [`HolidayCalendar`][followup.schedule.HolidayCalendar], a country or
            subdivision code ("US", "DE-BY"), dates, or a code and dates; the
            fallback for each person's own (see [`SchedulingContext.holidays_of`][followup.schedule.SchedulingContext.holidays_of]).
        tone: The tone of every drafted message.
        templates: A [`followup.render.TemplateSet`][followup.render.TemplateSet] with custom templates.
        kinds: Step kinds known beyond the plan's steps (``plan.schedule(...)``
            passes the registry's): a done or skipped record of one that the plan
            does not contain is a fact kept in ``Timeline.outside_plan``, not an error.

    Returns:
        The timeline: every action sorted by due time, with its reason.

    Raises:
        ValidationError: ``now`` is naive, the tone is unknown, or a history
            record is malformed.
        SchedulingError: a step needs a fact the interview lacks (the message
            names the step and the field).
    """
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError(
            "now", now, "a time-zone-aware datetime: the library never reads the clock"
        )
    v.check_range("now", now)
    v.check_tone(None, "tone", tone)
    return _Scheduler(
        [(step, frozenset(applies)) for step, applies in entries],
        interview,
        now,
        outcome,
        tuple(history),
        _holidays(holidays),
        tone,
        templates,
        kinds,
    ).run()


# --- scheduling ---------------------------------------------------------------------------


@attrs.frozen
class _Period:
    outcome: Outcome
    since: datetime | None  # None for the first (pending) period


def _since_day(period: _Period, tz: ZoneInfo) -> date:
    """The day an outcome took effect, as the file wrote it."""
    since = period.outcome.since if period.outcome.since is not None else period.since
    assert since is not None
    return local_day(since, tz)


def _instant(value: date | datetime, tz: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        return value
    return read_local(value, time(0), tz)


class _Scheduler:
    def __init__(
        self,
        entries: Sequence[tuple[Step, frozenset[OutcomeStatus]]],
        interview: Interview,
        now: datetime,
        outcome: Outcome | None,
        history: tuple[HistoryRecord, ...],
        holidays: HolidayCalendar,
        tone: Tone,
        templates: Any,
        kinds: Container[str] = (),
    ) -> None:
        # Asked only about a record the plan lacks: a registry answers for its built-ins
        # without looking for plugins (entry points cost a start-up's worth of imports).
        self.kinds = kinds
        self.interview = interview
        self.now = now
        self.history = history
        self.holidays = holidays
        self.tone = tone
        self.templates = templates
        self.periods = self._periods(outcome)
        self.done: dict[str, list[Action]] = {}
        self.active: list[str] = []
        self.entries = {step.id: (step, applies) for step, applies in entries}
        self.ids = tuple(self.entries)
        self.extra: dict[str, tuple[Recurrence, SendWindow]] = {}
        self._check_history()

    def _periods(self, outcome: Outcome | None) -> list[_Period]:
        zone = self.interview.zone
        periods = [_Period(Outcome.pending(), None)]
        changes: list[Outcome] = []
        if outcome is not None and outcome.status is not OutcomeStatus.PENDING:
            changes.append(outcome)
        changes += [r.outcome for r in self.history if isinstance(r, OutcomeChanged)]
        # An offer decided later than it arrived was pending in between: the acknowledgement
        # belongs there, and the status checks stop when the offer arrived, not when you decided.
        changes += [
            attrs.evolve(o, decision=Decision.PENDING, decided=None, reason=None, open_to=None)
            for o in list(changes)
            if o.status is OutcomeStatus.OFFER and o.decision is not Decision.PENDING and o.since != o.at
        ]
        seen: set[tuple[str, str, str]] = set()
        # A decided offer takes effect when it was decided, not when the offer arrived.
        for o in sorted(changes, key=lambda o: _instant(o.since, zone)):  # type: ignore[arg-type]
            assert o.at is not None
            assert o.since is not None
            key = (o.status.value, o.decision.value, str(o.since))
            if key in seen:
                continue
            seen.add(key)
            since = _instant(o.since, zone)
            too_early = (
                since < self.interview.start
                if isinstance(o.at, datetime)
                else o.at < self.interview.start.astimezone(zone).date()
            )
            if too_early:
                raise ValidationError(
                    "outcome.at",
                    o.at,
                    f"a date on or after the interview ({fmt_day(self.interview.start.date())})",
                )
            periods.append(_Period(o, since))
        return periods

    def _check_history(self) -> None:
        known = set(self.ids)
        for index, r in enumerate(self.history):
            if isinstance(r, StepDone | StepSkipped | Snoozed):
                base = r.step.split(".", 1)[0]
                if r.step not in known and base not in known and base not in self.kinds:
                    kinds = sorted(self.kinds) if isinstance(self.kinds, Iterable) else []
                    close = difflib.get_close_matches(base, self.ids, n=1) or (
                        difflib.get_close_matches(base, kinds, n=1)
                    )
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    raise SchedulingError(
                        f"history names step {r.step!r}, which is not in the plan{hint}; "
                        f"known steps: {', '.join(self.ids)}",
                        step=r.step,
                    )
            when = getattr(r, "at", None)
            if when is not None:
                day = (
                    when.astimezone(self.interview.zone).date()
                    if isinstance(when, datetime)
                    else when
                )
                if day < self.interview.start.astimezone(self.interview.zone).date():
                    what = getattr(r, "step", None) or _RECORD_WORDS.get(type(r).__name__, "history")
                    raise SchedulingError(
                        f"history record {what!r} is dated {day.isoformat()}, before the interview "
                        f"({self.interview.start.astimezone(self.interview.zone).date().isoformat()}): "
                        "check the date",
                        step=getattr(r, "step", None),
                        field=f"history[{index}].at",
                    )

    def run(self) -> Timeline:
        actions: list[Action] = []
        seen: dict[str, str] = {}
        for step_id in self.ids:
            for a in self.step_actions(step_id):
                if a.id in seen:
                    raise InvalidStepError(
                        f"steps {seen[a.id]!r} and {a.step!r} both made an action with id {a.id!r}",
                        step=a.step,
                    )
                seen[a.id] = a.step
                actions.append(a)
        self._check_action_ids(seen)
        return Timeline(
            actions=actions,
            now=self.now,
            interview=self.interview.key,
            outside_plan=self._outside_plan(),
        )

    def _outside_plan(self) -> tuple[OutsideStep, ...]:
        """Done and skipped records of known step kinds the plan does not contain."""
        out = []
        for r in self.history:
            if not isinstance(r, StepDone | StepSkipped) or r.step.split(".", 1)[0] in self.entries:
                continue
            done = isinstance(r, StepDone)
            out.append(
                OutsideStep(
                    step=r.step,
                    status=Status.DONE if done else Status.CANCELLED,
                    at=r.at,
                    contact=r.contact,
                    note=f"{'done' if done else 'skipped'}, outside this plan",
                )
            )
        return tuple(out)

    def _check_action_ids(self, seen: Mapping[str, str]) -> None:
        # "thank-you.nobody" names a real step but no action of it: refuse rather than ignore.
        for r in self.history:
            if not isinstance(r, StepDone | StepSkipped | Snoozed) or r.step in self.entries:
                continue
            base = r.step.split(".", 1)[0]
            ids = sorted(i for i, step in seen.items() if step == base)
            if ids and r.step not in seen:
                close = difflib.get_close_matches(r.step, ids, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise SchedulingError(
                    f"history names action {r.step!r}, which step {base!r} does not make{hint}; "
                    f"its actions are: {', '.join(ids)}",
                    step=r.step,
                )

    def step_actions(self, step_id: str) -> list[Action]:
        if step_id in self.done:
            return self.done[step_id]
        if step_id in self.active:
            chain = " -> ".join([*self.active[self.active.index(step_id) :], step_id])
            raise SchedulingError(
                f"steps are timed after each other in a circle: {chain}", step=step_id
            )
        step, applies = self.entries[step_id]
        idx = [
            i
            for i, p in enumerate(self.periods)
            if p.outcome.status in applies and _decides(step, p.outcome)
        ]
        if not idx:
            self.done[step_id] = []
            return []
        stops = frozenset(getattr(step, "stop_on", ()))
        i = idx[0] if "outcome" in stops else idx[-1]
        cutoff = self.periods[i + 1] if i + 1 < len(self.periods) else None
        self.active.append(step_id)
        try:
            ctx = SchedulingContext(self, step, self.periods[i].outcome)
            raw = list(step.actions(ctx))
            for a in raw:
                if not isinstance(a, Action):
                    raise InvalidStepError(
                        f"step {step_id!r} returned {a!r}, not an Action", step=step_id
                    )
            ctx_actions = [self.finish(a, ctx, cutoff) for a in raw]
        except (SchedulingError, TemplateError) as exc:
            # Say which step failed (a send window without business days, a template
            # without a subject), so the caller can point at where the step is defined.
            if exc.step is None:
                exc.step = step_id
            raise
        finally:
            self.active.pop()
        self.done[step_id] = ctx_actions
        return ctx_actions

    # -- history -------------------------------------------------------------------------

    def finish(self, action: Action, ctx: SchedulingContext, cutoff: _Period | None) -> Action:
        tz = v.zone(action.timezone)
        holidays = action.holidays.calendar if action.holidays is not None else self.holidays
        reasons = [action.reason]
        changes: dict[str, Any] = {}
        status: Status | None = None
        recurrence = action.recurrence
        # Snoozes and absences move single occurrences; a series keeps its rule, and the
        # moved occurrences become overrides in the calendar.
        occ = list(recurrence.occurrences if recurrence else (action.due,))
        snoozes: list[str] = []
        for r in self.history:
            if isinstance(r, Snoozed) and _matches(r.step, r.contact, action):
                i = _snoozed_occurrence(occ, r.until, tz)
                dst: str | None = None
                if isinstance(r.until, datetime):
                    target = r.until.astimezone(tz)
                else:
                    target, dst = localize(
                        r.until, occ[i].astimezone(tz).time().replace(tzinfo=None), tz
                    )
                fitted, notes = place(target, tz, action.window, holidays)
                note = "; ".join(([dst] if dst else []) + notes) or None
                occ[i] = fitted
                snoozes.append(f"snoozed to {fmt_moment(fitted)}" + (f" ({note})" if note else ""))
        reasons += _summarised(snoozes, "snoozed")
        absences: list[str] = []
        for r in self.history:
            if not (
                isinstance(r, OutOfOffice)
                and channels.get(action.channel).address != "none"
                and action.recipient is not None
                and (r.contact is None or _person_matches(r.contact, action.recipient))
            ):
                continue
            for i, o in enumerate(occ):
                if o.astimezone(tz).date() <= r.until and (r.at is None or o >= _instant(r.at, tz)):
                    day = action.window.add_business_days(r.until, 1, holidays)
                    moved, _ = localize(day, o.astimezone(tz).time().replace(tzinfo=None), tz)
                    moved, _ = place(moved, tz, action.window, holidays)
                    absences.append(
                        f"moved to {fmt_moment(moved)} because {action.recipient.name} is out of office "
                        f"until {fmt_day(r.until)}: 1 business day after the return"
                    )
                    occ[i] = moved
        reasons += _summarised(absences, "moved", " for out-of-office replies")
        if recurrence is not None:
            if tuple(occ) != recurrence.occurrences:
                recurrence = attrs.evolve(recurrence, occurrences=tuple(occ))
                changes["recurrence"] = recurrence
            due = min(occ)
        else:
            due = occ[0]
        if due != action.due:
            changes["due"] = due
        occurrences = recurrence.occurrences if recurrence else (due,)
        done_until: datetime | None = None
        for r in self.history:
            if isinstance(r, StepDone) and _matches(r.step, r.contact, action):
                at = (
                    _instant(r.at, tz)
                    if isinstance(r.at, datetime)
                    else read_local(r.at, time(23, 59), tz)
                )
                done_until = at if done_until is None else max(done_until, at)
                if recurrence is None or at >= occurrences[-1]:
                    status = Status.DONE
                    reasons.append(
                        f"done {fmt_moment(at.astimezone(tz)) if isinstance(r.at, datetime) else fmt_day(r.at)}"
                    )
        if status is None:
            for r in self.history:
                if isinstance(r, StepSkipped) and _matches(r.step, r.contact, action):
                    status = Status.CANCELLED
                    reasons.append(
                        f"skipped on {fmt_day(local_day(r.at, tz))}"
                    )
                    break
        if (
            status is None
            and cutoff is not None
            and cutoff.since is not None
            and due >= cutoff.since
        ):
            status = Status.CANCELLED
            reasons.append(
                f"cancelled: {_change_words(cutoff.outcome)} on {fmt_day(_since_day(cutoff, tz))}"
            )
        if status is None and "reply" in action.stop_on:
            for r in self.history:
                if isinstance(r, ReplyReceived) and due > _instant(r.at, tz):
                    status = Status.CANCELLED
                    who = f" from {r.contact}" if r.contact else ""
                    when = fmt_day(local_day(r.at, tz))
                    reasons.append(f"cancelled: a reply{who} arrived on {when}")
                    break
        if (
            status is None
            and recurrence is None
            and cutoff is not None
            and cutoff.since is not None
            and cutoff.since <= self.now
            and ("outcome" in action.stop_on or _decided(ctx.step, cutoff.outcome))
        ):
            # Due before the outcome changed but never marked done: once the news is in, a
            # step that an outcome stops (a status check), or a step of an undecided offer
            # once you have decided (the acknowledgement, the decide-by task), is no longer
            # the thing to do, so it is not shown as overdue. A later record of the same
            # undecided offer (a new deadline) is no decision: it leaves them be.
            status = Status.CANCELLED
            reasons.append(
                f"cancelled: {_change_words(cutoff.outcome)} on {fmt_day(_since_day(cutoff, tz))}"
            )
        if status is None:
            pending = [o for o in occurrences if done_until is None or o > done_until]
            nxt = next((o for o in pending if o + GRACE > self.now), None)
            if nxt is None:
                status = Status.OVERDUE if pending else Status.DONE
            elif nxt <= self.now:
                status = Status.DUE
            else:
                status = Status.UPCOMING
            missed = [o for o in pending if o < nxt] if nxt is not None and recurrence else []
            if missed and nxt is not None:
                # Status as of `now`, kept out of the reason: the reason is what the plan says
                # and goes into calendars, where a now-dependent text would change the event
                # on every export (and raise its SEQUENCE on every idle merge).
                days = ", ".join(fmt_day(o.astimezone(tz).date()) for o in missed)
                changes["status_note"] = f"not marked done on {days}"
        if channels.get(action.channel).address != "none":
            remind, note = self._reminder(due)
            changes["remind_at"] = remind
            reasons += [note] if note else []
        changes["status"] = status
        changes["reason"] = "; ".join(x for x in reasons if x)
        return attrs.evolve(action, **changes)

    def _reminder(self, send: datetime) -> tuple[datetime, str | None]:
        """The candidate's reminder for a message due at ``send``, and a note when it differs."""
        from followup.lang import language

        c = self.interview.candidate
        zone_name = self.interview.zone_of(c)
        ctz = v.zone(zone_name)
        remind = reminder_time(send, ctz, c.reminder_window)
        if remind == send:
            return remind, None
        return remind, language().phrase(
            "reminder.moved",
            remind=fmt_moment(remind.astimezone(ctz)),
            zone=zone_name,
            hours=c.reminder_window.describe(),
            send=fmt_moment(send),
            city=_city(send),
        )


def _decides(step: Step, outcome: Outcome) -> bool:
    """Whether a step applies under an offer with this decision (its ``decisions``, if any)."""
    decisions = getattr(step, "decisions", None)
    if outcome.status is not OutcomeStatus.OFFER or decisions is None:
        return True
    return outcome.decision in decisions


def _decided(step: Step, outcome: Outcome) -> bool:
    """Whether ``outcome`` decides an offer that ``step`` waits on (it applies while undecided)."""
    return (
        outcome.status is OutcomeStatus.OFFER
        and outcome.decision is not Decision.PENDING
        and Decision.PENDING in (getattr(step, "decisions", None) or ())
        and not _decides(step, outcome)
    )


def _change_words(outcome: Outcome) -> str:
    """Why a new outcome cancels an action, in words ("you declined the offer")."""
    if outcome.status is OutcomeStatus.OFFER:
        if outcome.decision is Decision.DECLINE:
            return "you declined the offer"
        if outcome.decision is Decision.ACCEPT:
            return "you accepted the offer"
        return "an offer arrived"
    if outcome.status is OutcomeStatus.WITHDRAWN:
        return "you withdrew from the process"
    return f"the outcome changed to {outcome.status.value}"


_RECORD_WORDS = {
    "ReplyReceived": "reply",
    "OutOfOffice": "out-of-office",
    "OutcomeChanged": "outcome",
}
"""How the scheduler's messages name a history record that has no step."""


def _snoozed_occurrence(occ: Sequence[datetime], until: date | datetime, tz: ZoneInfo) -> int:
    """Which occurrence a snooze moves: the last one on or before its new date (else the first).

    A snooze postpones the occurrence at hand to ``until``; the record does not say when it
    was made, and reading it against ``now`` would move another occurrence each time the
    file is scheduled later (so an idle re-export would change the calendar).
    """
    if isinstance(until, datetime):
        before = [k for k, o in enumerate(occ) if o <= until]
    else:
        before = [k for k, o in enumerate(occ) if o.astimezone(tz).date() <= until]
    return before[-1] if before else 0


_MAX_NOTES = 3
"""How many records of one kind a reason describes one by one before it summarises them."""


def _summarised(notes: list[str], verb: str, why: str = "") -> list[str]:
    """The notes of repeated records, each starting with ``verb``: all of a few, or a summary.

    A file may hold hundreds of snoozes or out-of-office records; a sentence for each
    would make every calendar DESCRIPTION (and every moved occurrence's copy) huge, so
    many become one: "snoozed 500 times, last to Mon 3 Mar 10:00".
    """
    if len(notes) <= _MAX_NOTES:
        return notes
    return [f"{verb} {len(notes)} times{why}, last{notes[-1].removeprefix(verb)}"]


_KIND_WORDS = {
    "thank-you": "thank-you note",
    "status-check": "status question",
    "rejection-reply": "reply to the decision",
    "rejection-thanks": "reply to the decision",
    "feedback-request": "feedback request",
    "keep-in-touch": "check-in",
}


@attrs.frozen
class _Route:
    """Who a message goes to, on which channel, and why (see ``SchedulingContext._route``)."""

    recipient: Contact | None
    channel: str
    kind: str | None
    title: str
    about: Contact | None = None
    note: str | None = None
    notes: str | None = None
    draft_into_notes: str | None = None  # the channel of a draft the task's notes carry


def _city(moment: datetime) -> str:
    """The place a zone is named after ("Los Angeles" for America/Los_Angeles)."""
    key = getattr(moment.tzinfo, "key", None)
    if not isinstance(key, str):
        return str(moment.tzname())
    return key.rsplit("/", 1)[-1].replace("_", " ")


def _person_matches(who: str, person: Contact) -> bool:
    w = who.strip().casefold()
    return w in (person.name.casefold(), (person.email or "").casefold(), slug(person.name))


def _matches(step: str, recipient: str | None, action: Action) -> bool:
    if step not in (action.step, action.id):
        return False
    if recipient is None:
        return True
    return action.recipient is not None and _person_matches(recipient, action.recipient)


def _step_words(ref: str) -> str:
    words = {
        "rejection-reply": "the reply to the rejection",
        "status-check.1": "the first status check",
        "feedback-request": "the feedback request",
        "thank-you": "the thank-you note",
        "offer-decline": "the decline",
        "offer-accept": "your acceptance",
        "offer-reply": "the reply to the offer",
    }
    return words.get(ref, "the " + ref.replace("-", " ").replace(".", " #"))


class SchedulingContext:
    """The [`StepContext`][followup.typing.StepContext] the scheduler hands to each step.

    Attributes:
        interview: The interview.
        outcome: The outcome in force for this step.
        history: The history records.
        now: The injected current moment.
        holidays: The plan's holiday calendar: the fallback when a person's own and
            their zone's country give none (see [`holidays_of`][followup.schedule.SchedulingContext.holidays_of]).
        tone: The plan's tone.
    """

    def __init__(self, scheduler: _Scheduler, step: Step, outcome: Outcome) -> None:
        self._s = scheduler
        self.step = step
        self.interview = scheduler.interview
        self.outcome = outcome
        self.history = scheduler.history
        self.now = scheduler.now
        self.holidays = scheduler.holidays
        self.tone = scheduler.tone
        self._produced: dict[str, Action] = {}

    # -- people --------------------------------------------------------------------------

    def main_contact(self, step_id: str) -> Contact:
        """The recruiter, or else the first interviewer.

        Raises:
            SchedulingError: the interview names neither.
        """
        i = self.interview
        who = i.recruiter or (i.interviewers[0] if i.interviewers else None)
        if who is None:
            raise SchedulingError(
                f"the {step_id!r} step writes to the recruiter or an interviewer, but the interview names "
                "neither: add interview.recruiter or interview.interviewers",
                step=step_id,
                field="interviewers",
            )
        return who

    def reply_contact(self, step_id: str) -> Contact:
        """Who sent the outcome, or else the recruiter, or else the first interviewer."""
        return self.outcome.contact or self.main_contact(step_id)

    # -- timing --------------------------------------------------------------------------

    def holidays_of(self, person: Contact | None) -> AppliedHolidays:
        """The holidays that apply to an action for ``person`` (None: the candidate's own task).

        A message skips its recipient's holidays: their own ``holidays``, else the
        country of their zone, else the plan's. The candidate's tasks (and the
        reminders the candidate sees) skip the candidate's: their own, else the
        plan's, else the country of their zone. Listed dates (the person's and the
        plan's) are added to the country's.

        Args:
            person: The recipient, or None for the candidate.
        """
        i = self.interview
        if person is None:
            c = i.candidate
            return candidate_holidays(c.holidays, i.zone_of(c), self.holidays, c.name)
        return recipient_holidays(
            person.holidays, i.zone_of(person), self.holidays, person.name, i.zone_of(i.candidate)
        )

    def anchor(self, when: When, tz: ZoneInfo) -> tuple[date | datetime, datetime, str]:
        """Resolve a ``When``'s anchor: (value, instant, words)."""
        i = self.interview
        a = when.anchor
        if a is Anchor.INTERVIEW_START:
            local = i.start.astimezone(tz)
            return local, local, f"the interview started ({fmt_moment(local)})"
        if a is Anchor.INTERVIEW_END:
            local = i.end.astimezone(tz)
            return local, local, f"the interview ended ({fmt_moment(local)} in {tz.key})"
        if a is Anchor.DECISION_EXPECTED:
            if i.decision_expected is None:
                raise SchedulingError(
                    f"the {self.step.id!r} step is timed from the expected decision date, but "
                    "interview.decision_expected is not set",
                    step=self.step.id,
                    field="decision_expected",
                )
            d = i.decision_expected
            return d, _instant(d, tz), f"the expected decision date ({fmt_day(d)})"
        if a is Anchor.OUTCOME:
            o = self.outcome
            if o.at is None:
                raise SchedulingError(
                    f"the {self.step.id!r} step is timed from the outcome, but the outcome is pending",
                    step=self.step.id,
                )
            # A decided offer counts from the decision: the decline or acceptance follows it.
            at = o.since if o.since is not None else o.at
            words = _DECISION_WORDS.get(o.decision, _OUTCOME_WORDS[o.status])
            if o.status is not OutcomeStatus.OFFER:
                words = _OUTCOME_WORDS[o.status]
            if isinstance(at, datetime):
                local = at.astimezone(tz)
                return local, local, f"{words} ({fmt_moment(local)})"
            return at, _instant(at, tz), f"{words} on {fmt_day(at)}"
        if a is Anchor.RESPOND_BY:
            o = self.outcome
            if o.respond_by is None:
                raise SchedulingError(
                    f"the {self.step.id!r} step is timed from the offer's deadline, but the "
                    "outcome has no respond_by: add respond_by = DATE to [outcome]",
                    step=self.step.id,
                    field="respond_by",
                )
            d = o.respond_by
            return d, _instant(d, tz), f"the offer's deadline ({fmt_day(d)})"
        assert when.step is not None
        return self._step_anchor(when.step, tz)

    def _step_anchor(self, ref: str, tz: ZoneInfo) -> tuple[date | datetime, datetime, str]:
        base = ref.split(".", 1)[0]
        produced = self._produced.get(ref)
        if produced is None:
            if base not in self._s.entries:
                raise SchedulingError(
                    f"the {self.step.id!r} step is timed after {ref!r}, which is not in the plan: "
                    f"add it back, or time {self.step.id!r} from another anchor",
                    step=self.step.id,
                )
            acts = self._s.step_actions(base)
            match = [a for a in acts if a.id == ref] or acts
            if not match:
                raise SchedulingError(
                    f"the {self.step.id!r} step is timed after {ref!r}, which does not apply to "
                    f"a {self.outcome.status.value} outcome",
                    step=self.step.id,
                )
            produced = match[0]
        else:
            produced = self._s.finish(produced, self, None)
        for r in self.history:
            if isinstance(r, StepDone) and _matches(r.step, r.contact, produced):
                at = r.at.astimezone(tz) if isinstance(r.at, datetime) else r.at
                label = fmt_moment(at) if isinstance(at, datetime) else fmt_day(at)
                return at, _instant(at, tz), f"{_step_words(ref)} was done ({label})"
        local = produced.due.astimezone(tz)
        return local, local, f"{_step_words(ref)} ({fmt_moment(local)})"

    def due(
        self,
        when: When,
        tz: ZoneInfo,
        window: SendWindow,
        recurrence: Recurrence | None = None,
        holidays: HolidayCalendar | None = None,
    ) -> tuple[datetime, datetime, str, Occurrences | None]:
        """Compute (due, anchor instant, reason, occurrences) for a ``When`` in zone ``tz``.

        Args:
            when: Anchor, offset and time of day.
            tz: The zone it is counted in.
            window: The send window.
            recurrence: Repeat it.
            holidays: The holidays business days skip (default: the plan's).
        """
        value, instant, words = self.anchor(when, tz)
        start_time = when.at or window.start
        holidays = self.holidays if holidays is None else holidays
        if when.before:
            shifted = shift_back(value, when.offset, tz, window, holidays, start_time)
        else:
            shifted = shift(value, when.offset, tz, window, holidays, start_time)
        moment, notes = shifted.moment, list(shifted.notes)
        late: str | None = None
        if when.before:
            # Counted back from a deadline, but never before the outcome that made it exists.
            arrived = self.outcome.since if self.outcome.since is not None else None
            if arrived is not None:
                instant = _instant(arrived, tz)
                if moment < instant:
                    late = (
                        f"the deadline is closer than that to {_OUTCOME_WORDS[self.outcome.status]}, "
                        "so as soon as the window allows"
                    )
                    moment = instant
        if (
            when.at is not None
            and not isinstance(when.offset, timedelta)
            and isinstance(value, datetime)
        ):
            moment, note = localize(moment.date(), when.at, tz)
            notes = [note] if note else []
        offset = describe_offset(when.offset)
        if when.before:
            reason = f"{offset} before {words}"
        elif isinstance(when.offset, BusinessDays) and when.offset.n == 0:
            reason = f"the same business day as {words}"
        else:
            reason = (
                f"{offset} after {words}" if offset != "0 days" else f"on {words.removeprefix('the ')}"
            )
        if late:
            reason += f"; {late}"
        skipped = holidays.explain(shifted.skipped) if shifted.skipped else None
        if skipped:
            reason += f"; {skipped}, so {fmt_day(moment.date())}"
        if when.at is not None:
            reason += f", at {when.at:%H:%M} in {tz.key}"
        parts = [reason, *notes]
        occ: Occurrences | None = None
        if recurrence is None:
            fitted, fit_notes = place(moment, tz, window, holidays)
            note = "; ".join(fit_notes) or None
            if fit_notes and when.within is not None and fitted - instant > when.within:
                target = moment if moment > instant else instant
                alt = latest_in_window(
                    instant, min(target, instant + when.within), tz, window, holidays
                )
                if alt is not None:
                    alt, dst = settle(alt, tz)
                    note = (
                        f"{fmt_moment(moment)} is outside the {window.describe()} window in {tz.key} and its "
                        f"next opening ({fmt_moment(fitted)}) is more than {describe_offset(when.within)} after "
                        f"{words.split(' (')[0]}, so it is due at {fmt_moment(alt)}, just before the window closes"
                    ) + (f"; {dst}" if dst else "")
                    fitted = alt
                else:
                    note = (note or "") + (
                        f" (no time inside the window falls within {describe_offset(when.within)})"
                    )
            parts += [note] if note else []
            due = fitted
        else:
            local = moment.astimezone(tz)
            if not window.start <= local.time().replace(tzinfo=None) <= window.end:
                local, note = localize(local.date(), window.start, tz)
                parts.append(f"the series runs at {window.start:%H:%M}, when the window opens")
            exp = recurrence.expand(local, window, holidays)
            if exp.dst:
                parts.append(exp.dst)
            series = recurrence.describe() + f" at {exp.occurrences[0]:%H:%M} in {tz.key}"
            parts.append(series + (f", {exp.note}" if exp.note else ""))
            if exp.occurrences[0] != local:
                parts.append(f"first on {fmt_moment(exp.occurrences[0])}")
            parts += exp.moves
            occ = Occurrences(
                rrule=exp.rrule,
                occurrences=exp.occurrences,
                planned=exp.planned,
                description=recurrence.describe(),
            )
            due = exp.occurrences[0]
        return due, instant, "; ".join(parts), occ

    # -- messages ------------------------------------------------------------------------

    def facts(
        self,
        recipient: Contact | None,
        *,
        kind: str = "thank-you",
        sent: date | datetime | None = None,
        about: Contact | None = None,
    ) -> dict[str, str | None]:
        """The facts a template may use, for one recipient (see `followup.wording.draft_facts`).

        Args:
            recipient: Who the message is for (``None`` for the candidate's tasks).
            kind: The message kind: which topics lead, and whether the candidate's
                highlights and promised material go in.
            sent: When it goes out (a date in another year gets its year).
            about: Whom the message is about, when not the recipient (thanks
                passed on through the recruiter).
        """
        from followup.wording import draft_facts

        facts = draft_facts(self.interview, recipient, kind=kind, sent=sent, about=about)
        expires = self.interview.other_offer_by
        if facts.get("other_offer_date") and expires is not None and self.now.astimezone(self.interview.zone).date() > expires:
            # Drafted late, after the other offer's day: it no longer "expires on" it.
            facts["other_offer_date"] = None
        return facts

    def message(
        self,
        kind: str,
        recipient: Contact | None,
        *,
        channel: str,
        tone: Tone | None = None,
        template: str | None = None,
        limit: int | None = None,
        facts: Mapping[str, str | None] | None = None,
        sent: date | datetime | None = None,
        about: Contact | None = None,
    ) -> Message:
        """Render the draft of ``kind`` for a recipient (see `StepContext.message`).

        The recipient's role (interviewer or organiser) picks the sentences; a
        stable hash of the interview, the step and the recipient picks among
        them, and the interviewers of one panel get different ones.

        Args:
            kind: The template kind.
            recipient: Who it is for.
            channel: The channel's name.
            tone: Override the plan's tone.
            template: Template text replacing the built-in one.
            limit: Length limit for the draft.
            facts: Extra or overriding template facts.
            sent: When it goes out.
            about: Whom it is about, when not the recipient.
        """
        from followup import render as _render
        from followup.names import signed_name
        from followup.wording import people_met, recipient_region, recipient_role, variation

        tone = tone or self.tone
        templates = self._s.templates
        if template is not None:
            base = templates if templates is not None else _render.TemplateSet.builtin()
            templates = base.with_template(kind, tone, channel, template)
        all_facts = self.facts(recipient, kind=kind, sent=sent, about=about)
        if channel == "linkedin-message":
            # A LinkedIn message reads as a chat, not a letter: no pitch paragraph (the
            # highlights belong in an email, if anywhere), and the name alone under it, not
            # the phone number and title block of an email signature.
            all_facts["highlights"] = None
            all_facts["signature"] = signed_name(self.interview.candidate.name)
        if facts:
            all_facts.update(facts)
        seed, rank = variation(self.interview, about or recipient, self.step.id, kind)
        out = _render.render(
            kind,
            all_facts,
            tone=tone,
            channel=channel,
            limit=limit,
            templates=templates,
            seed=seed,
            rank=rank,
            role=recipient_role(self.interview, recipient),
            region=recipient_region(self.interview, recipient),
            panel=len(people_met(self.interview)),
        )
        return Message(
            step=self.step.id,
            channel=channel,
            to=recipient,
            subject=out.subject,
            body=out.body,
            tone=tone,
            sender=self.interview.candidate,
            limit=limit,
        )

    def _route(
        self, recipient: Contact | None, channel: str, kind: str | None, title: str
    ) -> _Route:
        """Where a message goes when its channel cannot reach the recipient.

        A contact without an email address gets a LinkedIn message when their
        profile is known; else thanks go through the recruiter (and other
        messages to the recruiter); else a task to find an address. A
        connection note to someone without a profile becomes a task to find
        them, with the note in its notes. A LinkedIn message stays one: the
        step asked for it.
        """
        from followup.lang import language
        from followup.wording import same_person

        keep = _Route(recipient, channel, kind, title)
        if recipient is None or kind is None:
            return keep
        en = language()
        i = self.interview
        name = recipient.name
        context = f"({i.company}, {i.role})"
        if channel == "email" and not recipient.email:
            if recipient.linkedin:
                return _Route(recipient, "linkedin-message", kind, title, note=en.phrase("route.linkedin", name=name))
            via = i.recruiter
            if via is not None and via.email and not same_person(via, recipient):
                note = en.phrase("route.relay", name=name, via=via.name)
                if kind == "thank-you":
                    return _Route(
                        via,
                        "email",
                        "pass-on-thanks",
                        en.phrase("titles.relay", via=via.name, name=name, context=context),
                        about=recipient,
                        note=note,
                    )
                return _Route(via, "email", kind, title, note=note)
            return _Route(
                recipient,
                "task",
                None,
                en.phrase("titles.find_email", name=name, context=context),
                note=en.phrase("route.task", name=name),
                notes=en.phrase("notes.find_email", name=name, what=_KIND_WORDS.get(kind, "message")),
            )
        if channel == "linkedin-note" and not recipient.linkedin:
            return _Route(
                recipient,
                "task",
                kind,
                en.phrase("titles.find_profile", name=name, context=context),
                note=en.phrase("route.connect_task", name=name),
                notes=en.phrase("notes.find_profile", name=name, company=company_short_name(i.company)),
                draft_into_notes=channel,
            )
        return keep

    # -- actions -------------------------------------------------------------------------

    def action(
        self,
        step: Step,
        *,
        when: When,
        title: str,
        key: str | None = None,
        recipient: Contact | None = None,
        channel: str = "email",
        kind: str | None = None,
        limit: int | None = None,
        recurrence: Recurrence | None = None,
        window: SendWindow | None = None,
        stop_on: Iterable[StopReason] = (),
        notes: str | None = None,
        links: Sequence[str] = (),
        tone: Tone | None = None,
        template: str | None = None,
        facts: Mapping[str, str | None] | None = None,
    ) -> Action:
        """Build one action: timing, window, recurrence, draft and stable id in one call.

        See [`followup.typing.StepContext.action`][followup.typing.StepContext.action] for the arguments.

        Args:
            step: The step making it.
            when: Anchor, offset and time of day.
            title: One short line.
            key: Distinguishes several actions of one step.
            recipient: Who it is for; ``None`` for the candidate's own tasks.
            channel: The channel's name.
            kind: The template kind to draft (None: no message).
            limit: Length limit for the draft.
            recurrence: Repeat it.
            window: The send window (default weekdays 09:00–17:00).
            stop_on: What stops it.
            notes: What to do, for tasks.
            links: Links to show with it.
            tone: Override the plan's tone.
            template: Template text replacing the built-in one.
            facts: Extra or overriding template facts.
        """
        spec = channels.get(channel)
        if kind is not None and not spec.message:
            raise SchedulingError(
                f"step {step.id!r} drafts a {kind!r} message on the {channel!r} channel, which "
                f"carries no message: use one of {', '.join(channels.message_channels())}, "
                "or leave kind out",
                step=step.id,
            )
        route = self._route(recipient, channel, kind, title)
        window = window or SendWindow()
        # A message goes out in its recipient's zone; a task is the candidate's own.
        zone_name = (
            self.interview.zone_of(route.recipient)
            if route.recipient is not None and route.channel != "task"
            else self.interview.zone_of(self.interview.candidate)
        )
        tz = v.zone(zone_name)
        # A message skips its recipient's holidays; a task (find an address) the candidate's.
        applied = self.holidays_of(route.recipient if route.channel != "task" else None)
        due, instant, reason, occ = self.due(when, tz, window, recurrence, applied.calendar)
        if applied.calendar:
            reason += f"; {applied.describe()}"
        if route.note:
            reason = f"{reason}; {route.note}"
        action_id = step.id if key is None else f"{step.id}.{key}"
        message = None
        if route.kind is not None:
            message = self.message(
                route.kind,
                route.recipient,
                channel=route.draft_into_notes or route.channel,
                tone=tone,
                # A template written for the original kind does not fit a message passed on.
                template=template if route.kind == kind else None,
                limit=limit,
                facts=facts,
                sent=due,
                about=route.about,
            )
        if route.notes:
            notes = route.notes if not notes else f"{notes} {route.notes}"
        if route.draft_into_notes and message is not None:
            notes = f"{notes}\n\n{message.body}"
            message = None
        recipient = route.recipient
        if recipient is not None and recipient.linkedin and recipient.linkedin not in links:
            links = (*links, recipient.linkedin)
        action = Action(
            id=action_id,
            step=step.id,
            channel=route.channel,
            title=route.title,
            due=due,
            timezone=zone_name,
            reason=reason,
            recipient=recipient,
            message=message,
            recurrence=occ,
            notes=notes,
            links=tuple(links),
            anchor=instant,
            window=window,
            stop_on=frozenset(stop_on),
            interview=self.interview.key,
            holidays=applied if applied.calendar else None,
        )
        if recurrence is not None:
            self._s.extra[action_id] = (recurrence, window)
        self._produced[action_id] = action
        return action
