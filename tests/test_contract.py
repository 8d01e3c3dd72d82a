"""The contract suite (followup.testing) run against every built-in step, and shown catching broken ones."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import datetime, time

import attrs
import pytest

from followup import Context
from followup.errors import ValidationError
from followup.model import OutcomeStatus
from followup.steps import (
    ExploreOpenings,
    FeedbackRequest,
    KeepInTouch,
    LinkedInConnect,
    Network,
    RejectionReply,
    StatusCheck,
    Step,
    ThankYou,
)
from followup.testing import StepContract
from followup.timeline import Action
from followup.timing import Anchor, When

# --- the built-ins meet the contract ---------------------------------------------------------


class TestThankYou(StepContract):
    def make_step(self) -> Step:
        return ThankYou()


class TestStatusCheck(StepContract):
    def make_step(self) -> Step:
        return StatusCheck()


class TestRejectionReply(StepContract):
    def make_step(self) -> Step:
        return RejectionReply()


class TestFeedbackRequest(StepContract):
    def make_step(self) -> Step:
        return FeedbackRequest()

    def companions(self) -> Sequence[Step]:
        return (RejectionReply(ask_feedback=False),)


class TestLinkedInConnect(StepContract):
    def make_step(self) -> Step:
        return LinkedInConnect()

    def companions(self) -> Sequence[Step]:
        return (RejectionReply(),)


class TestLinkedInConnectPremium(StepContract):
    def make_step(self) -> Step:
        return LinkedInConnect(note_limit=300)

    def companions(self) -> Sequence[Step]:
        return (RejectionReply(),)


class TestKeepInTouch(StepContract):
    def make_step(self) -> Step:
        return KeepInTouch()


class TestKeepInTouchOnLinkedIn(StepContract):
    def make_step(self) -> Step:
        return KeepInTouch(channel="linkedin-message")

    def tone_channel(self, action: Action) -> str:
        return "linkedin-message"


class TestExploreOpenings(StepContract):
    def make_step(self) -> Step:
        return ExploreOpenings()


class TestNetwork(StepContract):
    def make_step(self) -> Step:
        return Network()


# --- and it catches broken steps ---------------------------------------------------------------

REJECTED = frozenset({OutcomeStatus.REJECTED})


@attrs.frozen(kw_only=True)
class NaiveAnchor:
    """Broken: its action's anchor has lost its time zone."""

    id: str = "naive-anchor"
    outcomes: frozenset[OutcomeStatus] = REJECTED

    def actions(self, ctx: Context) -> list[Action]:
        a = ctx.action(self, when=When(anchor=Anchor.OUTCOME), title="Naive", channel="task")
        assert a.anchor is not None
        return [attrs.evolve(a, anchor=a.anchor.replace(tzinfo=None))]


@attrs.frozen(kw_only=True)
class NaiveDue:
    """Broken: due is forced naive behind Action's validator."""

    id: str = "naive-due"
    outcomes: frozenset[OutcomeStatus] = REJECTED

    def actions(self, ctx: Context) -> list[Action]:
        a = ctx.action(self, when=When(anchor=Anchor.OUTCOME), title="Naive", channel="task")
        object.__setattr__(a, "due", a.due.replace(tzinfo=None))
        return [a]


_counter = itertools.count()


@attrs.frozen(kw_only=True)
class UnstableId:
    """Broken: its action ids come from a counter, so they change on every run."""

    id: str = "unstable"
    outcomes: frozenset[OutcomeStatus] = REJECTED

    def actions(self, ctx: Context) -> list[Action]:
        key = str(next(_counter))
        return [
            ctx.action(
                self,
                key=key,
                when=When(anchor=Anchor.OUTCOME),
                title="Unstable",
                channel="task",
            )
        ]


@attrs.frozen(kw_only=True)
class ThreeInTheMorning:
    """Broken: builds its Action directly, due at 03:00, outside its window."""

    id: str = "three-am"
    outcomes: frozenset[OutcomeStatus] = REJECTED

    def actions(self, ctx: Context) -> list[Action]:
        tz = ctx.interview.zone
        on = ctx.outcome.at
        assert on is not None
        day = on.date() if isinstance(on, datetime) else on
        due = datetime.combine(day, time(3, 0), tzinfo=tz)
        return [
            Action(
                id=self.id,
                step=self.id,
                channel="task",
                title="Do it at 03:00",
                due=due,
                timezone=ctx.interview.timezone,
                interview=ctx.interview.key,
            )
        ]


class NaiveAnchorContract(StepContract):
    def make_step(self) -> Step:
        return NaiveAnchor()


class NaiveDueContract(StepContract):
    def make_step(self) -> Step:
        return NaiveDue()


class UnstableIdContract(StepContract):
    def make_step(self) -> Step:
        return UnstableId()


class ThreeInTheMorningContract(StepContract):
    def make_step(self) -> Step:
        return ThreeInTheMorning()


class TestContractCatchesBrokenSteps:
    def test_naive_datetime_fails_the_aware_check(self) -> None:
        contract = NaiveAnchorContract()
        with pytest.raises(AssertionError, match=r"anchor .* is naive"):
            contract.test_datetimes_are_aware()
        contract.test_ids_are_stable_and_unique()  # only the relevant check fails

    def test_naive_due_fails_scheduling_with_an_explanation(self) -> None:
        with pytest.raises(AssertionError, match=r"raised TypeError: can't compare offset-naive"):
            NaiveDueContract().test_datetimes_are_aware()

    def test_unstable_ids_fail_the_id_and_determinism_checks(self) -> None:
        contract = UnstableIdContract()
        with pytest.raises(AssertionError, match=r"action ids changed between two runs"):
            contract.test_ids_are_stable_and_unique()
        with pytest.raises(AssertionError, match=r"different timelines; first ids"):
            contract.test_output_is_deterministic()
        contract.test_occurrences_inside_window()

    def test_action_outside_its_window_fails_the_window_check(self) -> None:
        contract = ThreeInTheMorningContract()
        with pytest.raises(
            AssertionError,
            match=r"due at 03:00 in America/New_York, outside its 09:00–17:00 weekday window",
        ):
            contract.test_occurrences_inside_window()
        contract.test_datetimes_are_aware()
        contract.test_ids_are_stable_and_unique()

    def test_verify_lists_every_failure(self) -> None:
        with pytest.raises(AssertionError, match=r"contract checks failed") as info:
            ThreeInTheMorningContract().verify()
        assert "test_occurrences_inside_window" in str(info.value)
        assert "test_datetimes_are_aware" not in str(info.value)

    def test_unregistered_kind_fails_the_round_trip(self) -> None:
        with pytest.raises(AssertionError, match=r"is not a registered step kind"):
            ThreeInTheMorningContract().test_step_round_trips_through_data()

    def test_a_good_custom_step_passes(self) -> None:
        ThankYouContract().verify()


class ThankYouContract(StepContract):
    def make_step(self) -> Step:
        return ThankYou(id="thanks")


# --- what breaks a host app: mutable, self-changing, raising, no __eq__, not picklable ---------


@attrs.define(kw_only=True)
class Mutable:
    """Broken: @attrs.define, so its fields can be set (and it is not hashable)."""

    id: str = "mutable"
    outcomes: frozenset[OutcomeStatus] = REJECTED

    def actions(self, ctx: Context) -> list[Action]:
        return [ctx.action(self, when=When(anchor=Anchor.OUTCOME), title="Mutable", channel="task")]


@attrs.frozen(kw_only=True)
class SelfChanging:
    """Broken: counts its calls in a field, so a second call on one instance differs."""

    id: str = "self-changing"
    outcomes: frozenset[OutcomeStatus] = REJECTED
    calls: int = 0

    def actions(self, ctx: Context) -> list[Action]:
        object.__setattr__(self, "calls", self.calls + 1)
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME),
                title=f"Call {self.calls}",
                channel="task",
            )
        ]


@attrs.frozen(kw_only=True)
class RaisesItsOwn:
    """Broken: raises its own ValidationError in every scenario."""

    id: str = "raises"
    outcomes: frozenset[OutcomeStatus] = REJECTED

    def actions(self, ctx: Context) -> list[Action]:
        raise ValidationError("portfolio_url", None, "a URL for the portfolio step")


class NoEq:
    """Broken: a plain class, hashable by identity, with no __eq__."""

    def __init__(self) -> None:
        object.__setattr__(self, "id", "no-eq")
        object.__setattr__(self, "outcomes", REJECTED)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{name} is read-only")

    def actions(self, ctx: Context) -> list[Action]:
        return [ctx.action(self, when=When(anchor=Anchor.OUTCOME), title="No eq", channel="task")]


@attrs.frozen(kw_only=True)
class Unpicklable:
    """Broken: holds a lambda, so it cannot be sent to a worker process."""

    id: str = "unpicklable"
    outcomes: frozenset[OutcomeStatus] = REJECTED
    title: Callable[[], str] = attrs.field(default=lambda: "Unpicklable", eq=False)

    def actions(self, ctx: Context) -> list[Action]:
        return [
            ctx.action(self, when=When(anchor=Anchor.OUTCOME), title=self.title(), channel="task")
        ]


class MutableContract(StepContract):
    def make_step(self) -> Step:
        return Mutable()


class SelfChangingContract(StepContract):
    def make_step(self) -> Step:
        return SelfChanging()


class RaisesItsOwnContract(StepContract):
    def make_step(self) -> Step:
        return RaisesItsOwn()


class NoEqContract(StepContract):
    def make_step(self) -> Step:
        return NoEq()  # type: ignore[return-value]


class UnpicklableContract(StepContract):
    def make_step(self) -> Step:
        return Unpicklable()


class TestContractCatchesWhatBreaksAHostApp:
    def test_a_mutable_step_fails(self) -> None:
        with pytest.raises(AssertionError, match=r"step 'mutable' is not hashable"):
            MutableContract().test_is_frozen_and_hashable()
        with pytest.raises(AssertionError) as info:
            MutableContract().verify()
        assert "test_is_frozen_and_hashable" in str(info.value)

    def test_a_mutable_but_hashable_step_fails(self) -> None:
        @attrs.define(kw_only=True, unsafe_hash=True)
        class Settable(Mutable):
            pass

        class SettableContract(StepContract):
            def make_step(self) -> Step:
                return Settable()

        with pytest.raises(AssertionError, match=r"step 'mutable' is mutable: setting its 'id'"):
            SettableContract().test_is_frozen_and_hashable()

    def test_a_step_that_changes_itself_fails(self) -> None:
        contract = SelfChangingContract()
        with pytest.raises(
            AssertionError, match=r"calling actions\(\) twice on one step gave different timelines"
        ):
            contract.test_actions_twice_on_one_instance()
        contract.test_output_is_deterministic()  # a fresh step each time hides it: hence the check

    def test_the_steps_own_error_is_reported(self) -> None:
        contract = RaisesItsOwnContract()
        with pytest.raises(AssertionError) as info:
            contract.test_makes_actions()
        message = str(info.value)
        assert "raised ValidationError: portfolio_url: None is not valid: a URL" in message
        assert "made no action" not in message
        with pytest.raises(AssertionError) as info:
            contract.verify()
        assert "ValidationError: portfolio_url" in str(info.value)
        assert "made no action" not in str(info.value)

    def test_no_eq_is_told_apart_from_no_pickle(self) -> None:
        no_eq = NoEqContract()
        with pytest.raises(AssertionError, match=r"step 'no-eq' has no __eq__"):
            no_eq.test_equal_to_one_built_alike()
        with pytest.raises(AssertionError, match=r"the step pickles, but has no __eq__"):
            no_eq.test_is_picklable()
        with pytest.raises(AssertionError, match=r"two steps built alike hash differently"):
            no_eq.test_is_frozen_and_hashable()
        unpicklable = UnpicklableContract()
        with pytest.raises(AssertionError, match=r"the step does not pickle: \w+Error"):
            unpicklable.test_is_picklable()
        unpicklable.test_equal_to_one_built_alike()

    def test_verify_collects_failures_of_any_kind(self) -> None:
        class Crashes(StepContract):
            def make_step(self) -> Step:
                return ThankYou(id="thanks")

            def test_zz_crashes(self) -> None:
                raise KeyError("boom")

        with pytest.raises(AssertionError) as info:
            Crashes().verify()
        assert "test_zz_crashes: KeyError: 'boom'" in str(info.value)
        with pytest.raises(AssertionError) as info:
            MutableContract().verify()
        text = str(info.value)
        assert "test_is_frozen_and_hashable" in text
        assert "test_is_picklable" not in text  # pickling a define'd class works

    def test_the_built_ins_pass_the_new_checks(self) -> None:
        for step in (ThankYou(), StatusCheck(), KeepInTouch(), Network()):

            class Contract(StepContract):
                def make_step(self, step: Step = step) -> Step:
                    return step

            contract = Contract()
            contract.test_is_frozen_and_hashable()
            contract.test_equal_to_one_built_alike()
            contract.test_actions_twice_on_one_instance()
