"""The contract suite (followup.testing) run against every built-in step, and shown catching broken ones."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime, time

import attrs
import pytest

from followup import Context
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
