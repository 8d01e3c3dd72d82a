"""A contract test suite that any step class, built-in or custom, can be run against.

Subclass [`StepContract`][followup.testing.StepContract] in a test module under a name pytest collects
(``Test...``) and say how to build the step::

    from followup.testing import StepContract

    class TestPortfolioLink(StepContract):
        def make_step(self):
            return PortfolioLink(url="https://sam.example/portfolio")

Every ``test_*`` method then runs against the step, over a few varied
interviews (zones with half-hour offsets, a southern-hemisphere summer, a DST
change, a year end, a leap day, holidays; pending, rejected and offer
outcomes): stable and unique ids, deterministic output, aware datetimes, every
occurrence inside its send window on a business day, nothing before its
anchor, replies/skips/done records honoured, drafts that pass the tone check,
round trips through plain data, a frozen, hashable step that compares equal
to one built alike, pickles, and gives the same actions when its ``actions()``
is called twice on one instance. Failures are ``AssertionError``s whose
message says what the step did wrong (an exception the step raises itself is
reported with its type and message, never hidden), so the suite also runs
without pytest: call [`StepContract.verify`][followup.testing.StepContract.verify], which lists every failure.

Hooks to override: [`make_step`][followup.testing.StepContract.make_step] (required),
[`companions`][followup.testing.StepContract.companions] (steps the step is timed after),
[`interviews`][followup.testing.StepContract.interviews] (the scenarios),
[`registry`][followup.testing.StepContract.registry] (where the step's kind is registered),
[`tone_channel`][followup.testing.StepContract.tone_channel] and [`tone_limit`][followup.testing.StepContract.tone_limit].
"""

from __future__ import annotations

import copy
import json
import pickle
import re
import sys
import unittest
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs

from followup.errors import FollowupError, InvalidStepError, SchedulingError, TemplateError
from followup.model import (
    Candidate,
    Contact,
    HistoryRecord,
    Interview,
    Outcome,
    OutcomeChanged,
    OutcomeStatus,
    ReplyReceived,
    Status,
    StepDone,
    StepSkipped,
)
from followup.plan import Plan
from followup.registry import Registry, default_registry, step_from_dict, step_to_dict
from followup.timeline import Action, Timeline
from followup.timing import HolidayCalendar
from followup.typing import TONES, Step, Tone

__all__ = ["Scenario", "StepContract", "default_scenarios"]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@attrs.frozen(kw_only=True)
class Scenario:
    """One interview to schedule a step for, with its outcome and the moment it is scheduled at.

    Args:
        name: A short name shown in failure messages.
        interview: The interview.
        outcome: The outcome known at ``now``.
        now: The injected current moment (aware).
        history: History records to schedule with.
        holidays: Days that are not business days.
    """

    name: str
    interview: Interview
    outcome: Outcome
    now: datetime
    history: tuple[HistoryRecord, ...] = ()
    holidays: HolidayCalendar = attrs.field(factory=HolidayCalendar)


def default_scenarios() -> tuple[Scenario, ...]:
    """The scenarios [`StepContract.interviews`][followup.testing.StepContract.interviews] gives unless overridden.

    New York around Thanksgiving (with holidays), pending and rejected; Kolkata
    (UTC+05:30) with an interviewer in Kathmandu (UTC+05:45) and a rejection
    given as a datetime; Sydney at the year end with an interviewer on Lord Howe
    Island (half-hour DST); Berlin just before the spring DST change, with a
    recruiter in São Paulo; Los Angeles on a leap day; and an offer.
    """
    ny = ZoneInfo("America/New_York")
    sam = Candidate(name="Sam Rivera", email="sam@example.com", phone="+1 555 0100")
    jane = Contact(
        name="Jane Doe",
        email="jane@acme.example",
        title="Engineering Manager",
        linkedin="https://www.linkedin.com/in/janedoe",
        topics=("the data platform migration",),
    )
    omar = Contact(name="Omar Haddad", email="omar@acme.example", title="Staff Engineer")
    alex = Contact(name="Alex Kim", email="alex@acme.example", title="Recruiter")
    acme = Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 20, 14, 0, tzinfo=ny),
        duration=timedelta(minutes=45),
        candidate=sam,
        interviewers=(jane, omar),
        recruiter=alex,
        stage="final round",
        topics=("streaming pipelines",),
        decision_expected=date(2026, 11, 27),
        careers_url="https://acme.example/careers",
    )
    us_holidays = HolidayCalendar(
        dates=frozenset(
            {date(2026, 11, 26), date(2026, 12, 25), date(2027, 1, 1), date(2027, 5, 31)}
        )
    )

    ist = ZoneInfo("Asia/Kolkata")
    priya = Contact(
        name="Priya Natarajan",
        email="priya@tara.example",
        linkedin="https://www.linkedin.com/in/priyanatarajan",
        timezone="Asia/Kathmandu",
        topics=("testing data pipelines",),
    )
    tara = Interview(
        company="Tara Analytics",
        role="Backend Engineer",
        start=datetime(2027, 2, 24, 11, 30, tzinfo=ist),
        duration=timedelta(hours=1),
        candidate=Candidate(name="Arjun Mehta", email="arjun@example.in", timezone="Asia/Kolkata"),
        interviewers=(priya,),
    )

    syd = ZoneInfo("Australia/Sydney")
    mia = Contact(
        name="Mia Nguyen",
        email="mia@koala.example",
        timezone="Australia/Lord_Howe",
        topics=("the mobile release process",),
    )
    koala = Interview(
        company="Koala Labs",
        role="Mobile Developer",
        start=datetime(2026, 12, 29, 15, 0, tzinfo=syd),
        duration=timedelta(minutes=45),
        candidate=Candidate(name="Lena Fischer", email="lena@example.au"),
        interviewers=(mia,),
        decision_expected=date(2027, 1, 8),
    )

    ber = ZoneInfo("Europe/Berlin")
    katrin = Contact(
        name="Katrin Hoffmann",
        linkedin="https://www.linkedin.com/in/katrinhoffmann",
        topics=("the move to an event bus",),
    )
    sofia = Contact(
        name="Sofia Costa", email="sofia@nordlicht.example", timezone="America/Sao_Paulo"
    )
    nordlicht = Interview(
        company="Nordlicht Energie",
        role="Platform Engineer",
        start=datetime(2027, 3, 25, 16, 0, tzinfo=ber),
        duration=timedelta(minutes=90),
        candidate=Candidate(name="Jonas Weber", email="jonas@example.de"),
        interviewers=(katrin,),
        recruiter=sofia,
    )

    la = ZoneInfo("America/Los_Angeles")
    leap = Interview(
        company="Pelican Health",
        role="Data Analyst",
        start=datetime(2028, 2, 28, 10, 0, tzinfo=la),
        duration=timedelta(minutes=30),
        candidate=sam,
        interviewers=(Contact(name="Chris Park", email="chris@pelican.example"),),
        careers_url="https://pelican.example/jobs",
    )
    return (
        Scenario(
            name="new-york-pending",
            interview=acme,
            outcome=Outcome.pending(),
            now=datetime(2026, 11, 20, 16, 0, tzinfo=ny),
            holidays=us_holidays,
        ),
        Scenario(
            name="new-york-rejected",
            interview=acme,
            outcome=Outcome.rejected(at=date(2026, 11, 24), contact=jane),
            now=datetime(2026, 11, 25, 8, 0, tzinfo=ny),
            holidays=us_holidays,
        ),
        Scenario(
            name="kolkata-rejected-at-a-time",
            interview=tara,
            outcome=Outcome.rejected(at=datetime(2027, 2, 26, 18, 30, tzinfo=ist), contact=priya),
            now=datetime(2027, 2, 27, 9, 0, tzinfo=ist),
        ),
        Scenario(
            name="sydney-year-end",
            interview=koala,
            outcome=Outcome.rejected(at=date(2026, 12, 31)),
            now=datetime(2026, 12, 31, 12, 0, tzinfo=syd),
            holidays=HolidayCalendar(dates=frozenset({date(2027, 1, 1), date(2027, 1, 26)})),
        ),
        Scenario(
            name="berlin-dst",
            interview=nordlicht,
            outcome=Outcome.rejected(at=datetime(2027, 3, 26, 19, 45, tzinfo=ber), contact=sofia),
            now=datetime(2027, 3, 27, 10, 0, tzinfo=ber),
        ),
        Scenario(
            name="los-angeles-leap-day",
            interview=leap,
            outcome=Outcome.rejected(at=date(2028, 2, 29)),
            now=datetime(2028, 3, 1, 9, 0, tzinfo=la),
        ),
        Scenario(
            name="new-york-offer",
            interview=acme,
            outcome=Outcome.offer(at=date(2026, 11, 25), contact=alex),
            now=datetime(2026, 11, 25, 12, 0, tzinfo=ny),
            holidays=us_holidays,
        ),
    )


class StepContract:
    """The contract every step meets; subclass it as ``Test<YourStep>`` and override [`make_step`][followup.testing.StepContract.make_step].

    Each ``test_*`` method raises ``AssertionError`` with an explanation when the
    step breaks the contract. Scenarios for which scheduling raises a
    [`SchedulingError`][followup.errors.SchedulingError] or a missing-fact
    [`TemplateError`][followup.errors.TemplateError] (a fact the step needs is missing)
    are left out of the checks; any other exception, the step's own
    [`ValidationError`][followup.errors.ValidationError] included, fails them with its type
    and message.
    """

    # -- hooks ----------------------------------------------------------------------------

    def make_step(self) -> Step:
        """Build the step under test (override). Called several times; must give equal steps."""
        raise NotImplementedError("override make_step() to return the step under test")

    def companions(self) -> Sequence[Step]:
        """Steps scheduled with it but not checked: the steps it is timed after."""
        return ()

    def interviews(self) -> Sequence[Scenario]:
        """The scenarios to schedule the step for (default [`default_scenarios`][followup.testing.default_scenarios])."""
        return default_scenarios()

    def registry(self) -> Registry:
        """The registry the step's kind is registered in, for the data round trip."""
        return default_registry

    def tone_channel(self, action: Action) -> str:
        """The [`check_tone`][followup.tone.check_tone] channel for an action's message: its own."""
        assert action.message is not None
        return action.message.channel

    def tone_limit(self, action: Action, step: Step) -> int | None:
        """The length limit for the tone check: the one the message was written to, if any."""
        assert action.message is not None
        return action.message.limit

    # -- running ---------------------------------------------------------------------------

    def plan(self, step: Step | None = None) -> Plan:
        """The plan the checks schedule: the companions, then the step."""
        return Plan.of(*self.companions(), step if step is not None else self.make_step())

    def schedule(
        self,
        scenario: Scenario,
        *,
        step: Step | None = None,
        history: Iterable[HistoryRecord] = (),
        tone: Tone | None = None,
    ) -> Timeline:
        """Schedule the plan for one scenario.

        Raises:
            FollowupError: a fact the step needs is missing (a ``SchedulingError``, or a
                ``TemplateError`` for a missing fact): the scenario does not apply.
            AssertionError: any other exception, named with its type and message.
        """
        step = step if step is not None else self.make_step()
        name = getattr(step, "id", "?")
        try:
            plan = self.plan(step)
            return plan.schedule(
                scenario.interview,
                outcome=scenario.outcome,
                history=(*scenario.history, *history),
                now=scenario.now,
                holidays=scenario.holidays,
                tone=tone,
            )
        except FollowupError as exc:
            if _missing_fact(exc):
                raise
            raise AssertionError(
                f"scheduling step {name!r} for scenario {scenario.name!r} raised "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        except Exception as exc:
            raise AssertionError(
                f"scheduling step {name!r} for scenario {scenario.name!r} raised "
                f"{type(exc).__name__}: {exc} (steps raise FollowupError subclasses with a message, "
                "and return Actions with aware datetimes)"
            ) from exc

    def own(self, timeline: Timeline, step: Step) -> list[Action]:
        """The actions of ``step`` in a timeline."""
        return [a for a in timeline if a.step == step.id]

    def timelines(self) -> list[tuple[Scenario, Step, Timeline]]:
        """Every scenario the step can be scheduled for, with its step and timeline."""
        out = []
        errors = []
        for scenario in self.interviews():
            step = self.make_step()
            try:
                out.append((scenario, step, self.schedule(scenario, step=step)))
            except FollowupError as exc:
                errors.append(f"{scenario.name}: {exc}")
        if not out:
            raise AssertionError(
                "the step could not be scheduled for any scenario: " + "; ".join(errors)
            )
        return out

    def verify(self) -> None:
        """Run every ``test_*`` method (without pytest); raise AssertionError listing the failures.

        Every failure is collected, of any kind: a check's ``AssertionError`` and
        any other exception (named with its type). Checks that fail with the same
        message (the step raised in every scenario, say) are listed once, with
        their names.
        """
        failures: dict[str, list[str]] = {}
        for name in sorted(dir(self)):
            if not name.startswith("test_"):
                continue
            method: Callable[[], None] = getattr(self, name)
            try:
                method()
            except unittest.SkipTest:
                continue
            except AssertionError as exc:
                failures.setdefault(str(exc), []).append(name)
            except Exception as exc:
                failures.setdefault(f"{type(exc).__name__}: {exc}", []).append(name)
        if failures:
            count = sum(len(names) for names in failures.values())
            raise AssertionError(
                f"{count} contract checks failed:\n"
                + "\n".join(f"{', '.join(names)}: {message}" for message, names in failures.items())
            )

    # -- the contract ----------------------------------------------------------------------

    def test_is_a_step(self) -> None:
        step = self.make_step()
        if not (isinstance(step, Step)):
            raise AssertionError(
                f"{step!r} is not a Step: it needs 'id', 'outcomes' and 'actions(ctx)'"
            )
        if not (isinstance(step.id, str) and _ID.fullmatch(step.id)):
            raise AssertionError(
                f"step id {step.id!r} is not lower-case ASCII words joined by '-' (like 'thank-you')"
            )
        outcomes = step.outcomes
        if not (isinstance(outcomes, frozenset) and outcomes):
            raise AssertionError(
                f"step {step.id!r}: outcomes must be a non-empty frozenset of OutcomeStatus, not {outcomes!r}"
            )
        if not (all(isinstance(o, OutcomeStatus) for o in outcomes)):
            raise AssertionError(
                f"step {step.id!r}: outcomes must be OutcomeStatus values, not {sorted(map(repr, outcomes))}"
            )

    def test_is_frozen_and_hashable(self) -> None:
        step = self.make_step()
        name = getattr(step, "id", type(step).__name__)
        try:
            hash(step)
        except TypeError as exc:
            raise AssertionError(
                f"step {name!r} is not hashable ({exc}): declare it with @attrs.frozen"
            ) from None
        field = "id"
        value = getattr(step, field, None)
        try:
            setattr(step, field, value)
        except (AttributeError, TypeError):
            pass  # FrozenInstanceError is an AttributeError
        else:
            raise AssertionError(
                f"step {name!r} is mutable: setting its {field!r} worked; declare it with "
                "@attrs.frozen (a plan, a timeline and a calendar hold steps and rely on them "
                "not changing)"
            )
        if hash(self.make_step()) != hash(step):
            raise AssertionError(
                f"step {name!r}: two steps built alike hash differently: hash the fields, "
                "as @attrs.frozen does"
            )

    def test_equal_to_one_built_alike(self) -> None:
        first, second = self.make_step(), self.make_step()
        name = getattr(first, "id", type(first).__name__)
        if not _has_eq(first):
            raise AssertionError(
                f"step {name!r} has no __eq__: two steps built alike are not equal, so plans "
                "cannot be compared or read back; declare it with @attrs.frozen"
            )
        if first != second:
            raise AssertionError(
                f"step {name!r}: make_step() gave {first!r} and then {second!r}, which are not "
                "equal: its fields must not change from one build to the next"
            )

    def test_actions_twice_on_one_instance(self) -> None:
        for scenario in self.interviews():
            step = self.make_step()
            before = copy.deepcopy(step)
            try:
                first = self.schedule(scenario, step=step)
            except FollowupError:
                continue
            second = self.schedule(scenario, step=step)
            if first != second:
                raise AssertionError(
                    f"scenario {scenario.name!r}: calling actions() twice on one step gave "
                    f"different timelines; first {_diff(first, second, step)}: a step must not "
                    "change itself or keep state between calls"
                )
            if _has_eq(step) and step != before:
                raise AssertionError(
                    f"scenario {scenario.name!r}: the step changed itself while making its "
                    f"actions: {before!r} became {step!r}"
                )

    def test_ids_are_stable_and_unique(self) -> None:
        first, second = self.make_step(), self.make_step()
        if not (first.id == second.id):
            raise AssertionError(
                f"make_step() gave ids {first.id!r} and {second.id!r}: a step's id must not change"
            )
        for scenario, step, timeline in self.timelines():
            ids = [a.id for a in self.own(timeline, step)]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise AssertionError(f"scenario {scenario.name!r}: action ids repeat: {dupes}")
            for a in self.own(timeline, step):
                if not (a.id == step.id or a.id.startswith(step.id + ".")):
                    raise AssertionError(
                        f"scenario {scenario.name!r}: action id {a.id!r} does not start with the step "
                        f"id {step.id!r} (use ctx.action(step, key=...))"
                    )
            again = [a.id for a in self.own(self.schedule(scenario, step=self.make_step()), step)]
            if not (ids == again):
                raise AssertionError(
                    f"scenario {scenario.name!r}: action ids changed between two runs: {ids} then "
                    f"{again}; ids must come from the step and the interview only (history records "
                    "and calendar UIDs use them)"
                )

    def test_output_is_deterministic(self) -> None:
        for scenario, step, timeline in self.timelines():
            again = self.schedule(scenario, step=self.make_step())
            if not (timeline == again):
                raise AssertionError(
                    f"scenario {scenario.name!r}: scheduling twice gave different timelines; "
                    f"first {_diff(timeline, again, step)}"
                )

    def test_makes_actions(self) -> None:
        made = {s.name: len(self.own(t, step)) for s, step, t in self.timelines()}
        if not (any(made.values())):
            raise AssertionError(
                f"the step made no action in any scenario ({made}): check its outcomes, or give "
                "interviews() a scenario it applies to"
            )

    def test_applies_only_to_its_outcomes(self) -> None:
        for scenario, step, timeline in self.timelines():
            statuses = {OutcomeStatus.PENDING, scenario.outcome.status} | {
                r.outcome.status for r in scenario.history if isinstance(r, OutcomeChanged)
            }
            if statuses & step.outcomes:
                continue
            actions = [a.id for a in self.own(timeline, step)]
            if actions:
                raise AssertionError(
                    f"scenario {scenario.name!r}: the step applies to "
                    f"{sorted(o.value for o in step.outcomes)} but made {actions} for a "
                    f"{scenario.outcome.status.value} outcome"
                )

    def test_datetimes_are_aware(self) -> None:
        for scenario, step, timeline in self.timelines():
            for a in self.own(timeline, step):
                moments: list[tuple[str, datetime | None]] = [("due", a.due), ("anchor", a.anchor)]
                if a.recurrence is not None:
                    moments += [
                        (f"occurrence {i}", o) for i, o in enumerate(a.recurrence.occurrences, 1)
                    ]
                    moments += [(f"planned {i}", o) for i, o in enumerate(a.recurrence.planned, 1)]
                for what, moment in moments:
                    if moment is None:
                        continue
                    if not (isinstance(moment, datetime)):
                        raise AssertionError(
                            f"scenario {scenario.name!r}: action {a.id!r}: {what} is {moment!r}, not a datetime"
                        )
                    if not (moment.tzinfo is not None and moment.utcoffset() is not None):
                        raise AssertionError(
                            f"scenario {scenario.name!r}: action {a.id!r}: {what} {moment.isoformat()} is "
                            "naive; every datetime must be time-zone aware"
                        )
                ZoneInfo(a.timezone)

    def test_occurrences_inside_window(self) -> None:
        for scenario, step, timeline in self.timelines():
            for a in self.own(timeline, step):
                tz = ZoneInfo(a.timezone)
                # The calendar that applied to this action: its recipient's, or the candidate's.
                holidays = a.holidays.calendar if a.holidays is not None else scenario.holidays
                for o in a.occurrences:
                    local = o.astimezone(tz)
                    if not (a.window.is_business_day(local.date(), holidays)):
                        raise AssertionError(
                            f"scenario {scenario.name!r}: action {a.id!r} falls on {local:%a %d %b %Y} in "
                            f"{a.timezone}, not a business day of its {a.window.describe()} window"
                            + (" (a holiday)" if local.date() in holidays else "")
                        )
                    if not (a.window.start <= local.time().replace(tzinfo=None) <= a.window.end):
                        raise AssertionError(
                            f"scenario {scenario.name!r}: action {a.id!r} is due at {local:%H:%M} in "
                            f"{a.timezone}, outside its {a.window.describe()} window"
                        )

    def test_no_action_before_its_anchor(self) -> None:
        for scenario, step, timeline in self.timelines():
            start = scenario.interview.start
            for a in self.own(timeline, step):
                for o in a.occurrences:
                    if not (o > start):
                        raise AssertionError(
                            f"scenario {scenario.name!r}: action {a.id!r} at {o.isoformat()} comes before "
                            f"the interview started ({start.isoformat()})"
                        )
                    if a.anchor is not None and not (o >= a.anchor):
                        raise AssertionError(
                            f"scenario {scenario.name!r}: action {a.id!r} at {o.isoformat()} comes "
                            f"before its anchor {a.anchor.isoformat()}"
                        )

    def test_reply_stops_what_it_should(self) -> None:
        for scenario, step, timeline in self.timelines():
            own = self.own(timeline, step)
            if not own:
                continue
            reply = ReplyReceived(at=min(a.due for a in own) - timedelta(minutes=1), contact="them")
            after = {
                a.id: a for a in self.own(self.schedule(scenario, step=step, history=[reply]), step)
            }
            for a in own:
                b = after[a.id]
                if "reply" in a.stop_on:
                    if b.status is not Status.CANCELLED:
                        raise AssertionError(
                            f"scenario {scenario.name!r}: action {a.id!r} stops on a reply, but after a "
                            f"reply it is {b.status.value}"
                        )
                elif (b.status, b.due) != (a.status, a.due):
                    raise AssertionError(
                        f"scenario {scenario.name!r}: action {a.id!r} does not stop on a reply, but "
                        f"a reply changed it from {a.status.value} to {b.status.value}"
                    )

    def test_skipped_is_cancelled(self) -> None:
        for scenario, step, timeline in self.timelines():
            for a in self.own(timeline, step):
                skip = StepSkipped(step=a.id, at=scenario.now)
                b = self.own(self.schedule(scenario, step=step, history=[skip]), step)
                status = next(x.status for x in b if x.id == a.id)
                if status is not Status.CANCELLED:
                    raise AssertionError(
                        f"scenario {scenario.name!r}: action {a.id!r} was skipped but is {status.value}"
                    )

    def test_done_is_done(self) -> None:
        for scenario, step, timeline in self.timelines():
            for a in self.own(timeline, step):
                done = StepDone(step=a.id, at=max(a.occurrences))
                b = self.own(self.schedule(scenario, step=step, history=[done]), step)
                status = next(x.status for x in b if x.id == a.id)
                if status is not Status.DONE:
                    raise AssertionError(
                        f"scenario {scenario.name!r}: action {a.id!r} was done but is {status.value}"
                    )

    def test_messages_pass_the_tone_check(self) -> None:
        from followup.tone import Facts, Severity, check_tone

        for scenario in self.interviews():
            # The draft is checked with its interview's facts, as a user's would be: a
            # company called "Urgent Care Partners" is not pressure.
            facts = Facts.from_interview(scenario.interview)
            for tone in TONES:
                step = self.make_step()
                try:
                    timeline = self.schedule(scenario, step=step, tone=tone)
                except FollowupError:
                    continue
                for a in self.own(timeline, step):
                    if a.message is None:
                        continue
                    channel = self.tone_channel(a)
                    checks = [(a.message.body, channel, self.tone_limit(a, step))]
                    if a.message.subject:
                        checks.append((a.message.subject, "task", None))
                    for text, ch, limit in checks:
                        errors = [
                            f
                            for f in check_tone(text, ch, limit=limit, facts=facts)
                            if f.severity is Severity.ERROR
                        ]
                        if errors:
                            raise AssertionError(
                                f"scenario {scenario.name!r}, tone {tone!r}: the draft of {a.id!r} fails "
                                "the tone check: "
                                + "; ".join(f"{f.rule}: {f.text!r}: {f.message}" for f in errors)
                            )

    def test_step_round_trips_through_data(self) -> None:
        step = self.make_step()
        registry = self.registry()
        try:
            data = json.loads(json.dumps(step_to_dict(step, registry=registry)))
        except InvalidStepError as exc:
            raise AssertionError(
                f"the step cannot be written as data: {exc} (override registry() to return a "
                "Registry the kind is registered in)"
            ) from exc
        back = step_from_dict(data, registry=registry)
        if not (back == step):
            raise AssertionError(
                f"step_from_dict(step_to_dict(step)) gave {back!r}, not {step!r}; data: {data}"
            )
        plan = self.plan(step)
        again = Plan.from_dict(
            json.loads(json.dumps(plan.to_dict(registry=registry))), registry=registry
        )
        if not (again == plan):
            raise AssertionError("Plan.from_dict(plan.to_dict()) gave another plan")

    def test_timeline_round_trips_through_data(self) -> None:
        for scenario, _step, timeline in self.timelines():
            data = json.loads(json.dumps(timeline.to_dict()))
            back = Timeline.from_dict(data)
            if not (back == timeline):
                raise AssertionError(
                    f"scenario {scenario.name!r}: Timeline.from_dict(timeline.to_dict()) differs: "
                    f"{_diff(timeline, back, None)}"
                )

    def test_is_picklable(self) -> None:
        step = self.make_step()
        cls = type(step)
        module = sys.modules.get(cls.__module__)
        if module is None or getattr(module, cls.__qualname__.split(".")[0], None) is None:
            raise unittest.SkipTest(f"{cls.__qualname__} is not defined at the top of a module")
        try:
            back = pickle.loads(pickle.dumps(step))
        except Exception as exc:
            raise AssertionError(
                f"the step does not pickle: {type(exc).__name__}: {exc} (a process pool and "
                "Dask send steps to workers)"
            ) from exc
        if type(back) is not cls:
            raise AssertionError(f"the step pickles as a {type(back).__name__}, not a {cls.__name__}")
        if not _has_eq(step):
            raise AssertionError(
                "the step pickles, but has no __eq__, so the copy cannot be compared with it "
                "(see test_equal_to_one_built_alike)"
            )
        if back != step:
            raise AssertionError(f"the step pickles to another value: {back!r}, not {step!r}")
        _scenario, step, timeline = self.timelines()[0]
        try:
            again = pickle.loads(pickle.dumps(timeline))
        except Exception as exc:
            raise AssertionError(
                f"its timeline does not pickle: {type(exc).__name__}: {exc}"
            ) from exc
        if again != timeline:
            raise AssertionError("its timeline pickles to another value")


def _missing_fact(exc: FollowupError) -> bool:
    """Whether an error says a fact the step needs is missing from the scenario's interview.

    Only these leave a scenario out: any other error is the step's own and fails the checks.
    """
    if isinstance(exc, SchedulingError):
        return True
    # A template names the placeholder it lacks; a malformed template is the step's fault.
    return isinstance(exc, TemplateError) and exc.name is not None and "missing" in str(exc)


def _has_eq(value: object) -> bool:
    """Whether a value's class defines equality (object's own is identity)."""
    eq: object = type(value).__eq__
    return eq is not object.__eq__


def _diff(a: Timeline, b: Timeline, step: Step | None) -> str:
    left = [x for x in a if step is None or x.step == step.id]
    right = [x for x in b if step is None or x.step == step.id]
    if [x.id for x in left] != [x.id for x in right]:
        return f"ids {[x.id for x in left]} vs {[x.id for x in right]}"
    for x, y in zip(left, right, strict=True):
        if x != y:
            fields = [
                f.name for f in attrs.fields(Action) if getattr(x, f.name) != getattr(y, f.name)
            ]
            return f"action {x.id!r} differs in {', '.join(fields)}"
    return "no difference in the step's actions"
