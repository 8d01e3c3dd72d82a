"""Tests for followup.plan and followup.presets: composing plans, scheduling them, reacting to history."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import aware_datetimes, histories, holiday_calendars, interviews, outcomes

from followup import (
    Contact,
    ExploreOpenings,
    FeedbackRequest,
    FollowupError,
    HolidayCalendar,
    Interview,
    InvalidStepError,
    KeepInTouch,
    LinkedInConnect,
    Network,
    Outcome,
    OutcomeChanged,
    OutcomeStatus,
    OutOfOffice,
    Plan,
    RejectionReply,
    ReplyReceived,
    SchedulingError,
    Snoozed,
    Status,
    StatusCheck,
    StepDone,
    StepSkipped,
    ThankYou,
    Timeline,
    ValidationError,
    presets,
)
from followup.schedule import GRACE
from followup.steps import _keys

NEW_YORK = ZoneInfo("America/New_York")
EARLY = datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC"))
PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)


def _statuses(tl: Timeline) -> dict[str, Status]:
    return {a.id: a.status for a in tl}


class TestPlanComposition:
    def test_of_flattens_nested_plans(self) -> None:
        plan = Plan.of(ThankYou(), Plan.of(StatusCheck(), Plan.of(Network())))
        assert plan.ids == ("thank-you", "status-check", "network")
        assert len(plan) == 3
        assert "network" in plan
        assert "keep-in-touch" not in plan
        assert [s.id for s in plan] == ["thank-you", "status-check", "network"]
        assert plan.get("status-check") == StatusCheck()

    def test_add_at_the_end_before_and_after(self) -> None:
        plan = Plan.of(ThankYou(), StatusCheck())
        assert plan.add(Network()).ids == ("thank-you", "status-check", "network")
        assert plan.add(Network(), before="status-check").ids == ("thank-you", "network", "status-check")
        assert plan.add(Network(), after="thank-you").ids == ("thank-you", "network", "status-check")
        assert plan.add(Plan.of(Network(), KeepInTouch()), after="status-check").ids == (
            "thank-you", "status-check", "network", "keep-in-touch"
        )
        assert plan.ids == ("thank-you", "status-check")  # plans are values

    def test_add_with_before_and_after_is_refused(self) -> None:
        with pytest.raises(InvalidStepError, match="not both"):
            Plan.of(ThankYou()).add(Network(), before="thank-you", after="thank-you")

    def test_remove(self) -> None:
        plan = presets.after_rejection()
        assert plan.remove("linkedin-connect", "network").ids == (
            "rejection-reply", "keep-in-touch", "explore-openings"
        )

    def test_replace_keeps_position_and_branch(self) -> None:
        plan = Plan.branch(pending=Plan.of(ThankYou(), StatusCheck()))
        new = plan.replace("thank-you", ThankYou(after=timedelta(hours=1)))
        assert new.ids == ("thank-you", "status-check")
        assert new.get("thank-you").after == timedelta(hours=1)  # type: ignore[attr-defined]
        assert new.entries[0].only == frozenset({OutcomeStatus.PENDING})

    def test_plus_concatenates(self) -> None:
        plan = Plan.of(ThankYou()) + Plan.of(StatusCheck()) + Network()
        assert plan.ids == ("thank-you", "status-check", "network")

    def test_plus_with_a_duplicate_id_is_refused(self) -> None:
        with pytest.raises(InvalidStepError) as exc:
            Plan.of(ThankYou()) + ThankYou(after=timedelta(hours=1))
        assert exc.value.step == "thank-you"
        assert "'thank-you'" in str(exc.value)

    def test_duplicate_ids_are_refused_naming_the_id(self) -> None:
        with pytest.raises(InvalidStepError) as exc:
            Plan.of(KeepInTouch(), Network(), KeepInTouch(every=relativedelta(months=1)))
        assert isinstance(exc.value, ValueError)
        assert isinstance(exc.value, FollowupError)
        assert exc.value.step == "keep-in-touch"
        assert "two steps have the id 'keep-in-touch'" in str(exc.value)

    def test_not_a_step_is_refused(self) -> None:
        with pytest.raises(InvalidStepError, match="is not a step"):
            Plan.of("thank-you")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "call",
        [
            lambda plan: plan.get("thank-yu"),
            lambda plan: plan.remove("thank-yu"),
            lambda plan: plan.replace("thank-yu", ThankYou()),
            lambda plan: plan.add(Network(id="net"), after="thank-yu"),
        ],
        ids=["get", "remove", "replace", "add"],
    )
    def test_unknown_id_suggests_the_close_one(self, call: Callable[[Plan], object]) -> None:
        plan = presets.after_interview()
        with pytest.raises(InvalidStepError) as exc:
            call(plan)
        assert exc.value.step == "thank-yu"
        assert "no step 'thank-yu' in this plan (did you mean 'thank-you'?)" in str(exc.value)
        assert "thank-you, status-check, rejection-reply" in str(exc.value)

    def test_branch_applies_each_branch_to_its_outcome(self) -> None:
        plan = Plan.branch(pending=ThankYou(), rejected=presets.after_rejection())
        assert plan.ids == (
            "thank-you", "rejection-reply", "linkedin-connect", "keep-in-touch", "explore-openings", "network"
        )
        applies = {e.step.id: e.applies for e in plan.entries}
        assert applies["thank-you"] == frozenset({OutcomeStatus.PENDING})
        assert applies["network"] == frozenset({OutcomeStatus.REJECTED})

    def test_branch_rejects_unknown_outcomes(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Plan.branch(pending=ThankYou(), maybe=Network())
        assert exc.value.field == "branch"
        assert exc.value.value == "maybe"

    def test_branch_schedules_by_outcome(self, interview: Interview, rejection: Outcome) -> None:
        plan = Plan.branch(pending=Plan.of(ThankYou()), rejected=Plan.of(RejectionReply()))
        assert plan.schedule(interview, now=EARLY).ids == ("thank-you.jane-doe",)
        assert plan.schedule(interview, outcome=rejection, now=EARLY).ids == ("thank-you.jane-doe", "rejection-reply")

    def test_only_restricts_outcomes(self, interview: Interview) -> None:
        plan = Plan.of(ThankYou(outcomes={"pending", "offer"})).only("offer")
        assert plan.entries[0].applies == frozenset({OutcomeStatus.OFFER})
        assert plan.schedule(interview, now=EARLY).ids == ()
        assert Plan.of(ThankYou()).only("rejected").entries[0].applies == frozenset()

    def test_only_refuses_unknown_outcomes(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Plan.of(ThankYou()).only("maybe")
        assert exc.value.field == "outcomes"

    def test_repeat_changes_the_recurrence(self, interview: Interview, rejection: Outcome) -> None:
        plan = Plan.of(KeepInTouch()).repeat("keep-in-touch", every=relativedelta(months=2), count=3)
        step = plan.get("keep-in-touch")
        assert step.recurrence.every == relativedelta(months=2)  # type: ignore[attr-defined]
        assert step.recurrence.count == 3  # type: ignore[attr-defined]
        action = plan.schedule(interview, outcome=rejection, now=EARLY)["keep-in-touch"]
        assert len(action.occurrences) == 3
        assert [o.month for o in action.occurrences] == [2, 4, 6]

    def test_repeat_until(self, interview: Interview, rejection: Outcome) -> None:
        plan = Plan.of(ExploreOpenings()).repeat("explore-openings", every=relativedelta(months=1), until=date(2027, 3, 31))
        action = plan.schedule(interview, outcome=rejection, now=EARLY)["explore-openings"]
        assert [(o.year, o.month) for o in action.occurrences] == [(2026, 12), (2027, 1), (2027, 2), (2027, 3)]
        assert action.recurrence is not None
        assert "UNTIL=" in action.recurrence.rrule
        assert "COUNT=" not in action.recurrence.rrule

    def test_repeat_with_count_and_until_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Plan.of(KeepInTouch()).repeat("keep-in-touch", every=relativedelta(months=1), count=2, until=date(2027, 1, 1))
        assert exc.value.field == "until"

    def test_repeat_of_a_one_off_step_is_refused(self) -> None:
        with pytest.raises(InvalidStepError) as exc:
            Plan.of(ThankYou()).repeat("thank-you", every=relativedelta(months=1), count=2)
        assert exc.value.step == "thank-you"
        assert "does not repeat" in str(exc.value)

    def test_tone(self) -> None:
        assert Plan.of(ThankYou()).with_tone("formal").tone == "formal"
        with pytest.raises(ValidationError) as exc:
            Plan.of(ThankYou(), tone="angry")
        assert exc.value.field == "tone"

    def test_pickles(self) -> None:
        plan = presets.after_interview()
        assert pickle.loads(pickle.dumps(plan)) == plan


class TestPresets:
    def test_after_rejection_steps(self) -> None:
        plan = presets.after_rejection()
        assert plan.name == "after-rejection"
        assert plan.ids == ("rejection-reply", "linkedin-connect", "keep-in-touch", "explore-openings", "network")
        assert all(e.applies == frozenset({OutcomeStatus.REJECTED}) for e in plan.entries)

    def test_after_interview_steps(self) -> None:
        plan = presets.after_interview()
        assert plan.name == "after-interview"
        assert plan.ids[:2] == ("thank-you", "status-check")
        assert {
            "after-interview": presets.after_interview,
            "after-rejection": presets.after_rejection,
            "after-offer": presets.after_offer,
            "after-withdrawal": presets.after_withdrawal,
        } == presets.PRESETS

    def test_keep_in_touch_parameters(self, interview: Interview, rejection: Outcome) -> None:
        plan = presets.after_rejection(keep_in_touch_every=relativedelta(months=2), keep_in_touch_count=3)
        action = plan.schedule(interview, outcome=rejection, now=EARLY)["keep-in-touch"]
        occ = action.occurrences
        assert len(occ) == 3
        assert [(o.year, o.month) for o in occ] == [(2027, 1), (2027, 3), (2027, 5)]
        assert all(o.time() == time(10) and o.weekday() < 5 for o in occ)
        assert action.recurrence is not None
        assert action.recurrence.description == "every 2 months, 3 times"
        assert "INTERVAL=2" in action.recurrence.rrule
        assert "COUNT=3" in action.recurrence.rrule
        assert action.reason.startswith("2 months after the rejection on Tue 24 Nov")

    def test_keep_in_touch_until(self, interview: Interview, rejection: Outcome) -> None:
        plan = presets.after_rejection(keep_in_touch_until=date(2027, 9, 30))
        action = plan.schedule(interview, outcome=rejection, now=EARLY)["keep-in-touch"]
        assert [(o.year, o.month) for o in action.occurrences] == [(2027, 2), (2027, 5), (2027, 8)]

    def test_linkedin_note_limit_reaches_the_step(self) -> None:
        step = presets.after_rejection(linkedin_note_limit=300).get("linkedin-connect")
        assert isinstance(step, LinkedInConnect)
        assert step.note_limit == 300
        assert presets.after_interview(linkedin_note_limit=300).get("linkedin-connect").note_limit == 300  # type: ignore[attr-defined]

    def test_without_linkedin(self) -> None:
        assert "linkedin-connect" not in presets.after_rejection(linkedin=False)

    def test_separate_feedback_request(self, interview: Interview, rejection: Outcome) -> None:
        plan = presets.after_rejection(separate_feedback_request=True)
        assert plan.ids[:3] == ("rejection-reply", "feedback-request", "linkedin-connect")
        assert isinstance(plan.get("feedback-request"), FeedbackRequest)
        tl = plan.schedule(interview, outcome=rejection, now=EARLY)
        reply = tl["rejection-reply"]
        assert reply.title == "Reply to Jane Doe: thank them (Acme Corp, Data Engineer)"
        assert tl["feedback-request"].due == datetime(2026, 11, 30, 10, tzinfo=NEW_YORK)  # after Thanksgiving
        # The reply now drafts the "rejection-thanks" template, which does not ask for feedback.
        combined = presets.after_rejection().schedule(interview, outcome=rejection, now=EARLY)["rejection-reply"]
        assert combined.title == "Reply to Jane Doe: thank them and ask for feedback (Acme Corp, Data Engineer)"
        assert reply.message is not None
        assert combined.message is not None
        assert reply.message.subject == combined.message.subject
        # Same note, less the paragraph that asks for a pointer.
        thanks = reply.message.body.split("\n\n")
        asks = combined.message.body.split("\n\n")
        extra = [p for p in asks if p not in thanks]
        assert len(asks) == len(thanks) + 1
        assert len(extra) == 1
        assert "?" in extra[0]
        assert all(p in asks for p in thanks)

    def test_window_reaches_every_step(self) -> None:
        from followup import SendWindow

        w = SendWindow(start=time(10), end=time(15))
        plan = presets.after_interview(window=w)
        assert all(s.window == w for s in plan)  # type: ignore[attr-defined]

    def test_thank_you_after(self, interview: Interview) -> None:
        iv = attrs.evolve(interview, start=datetime(2026, 11, 18, 10, tzinfo=NEW_YORK))
        tl = presets.after_interview(thank_you_after=timedelta(hours=1)).schedule(iv, now=EARLY)
        assert tl["thank-you.jane-doe"].due == datetime(2026, 11, 18, 11, 45, tzinfo=NEW_YORK)

    def test_status_checks_one(self, interview: Interview) -> None:
        tl = presets.after_interview(status_checks=1).schedule(interview, now=EARLY)
        assert tl.ids == ("thank-you.jane-doe", "status-check.1")


class TestScheduleErrors:
    def test_naive_now_is_refused(self, interview: Interview) -> None:
        with pytest.raises(ValidationError) as exc:
            presets.after_interview().schedule(interview, now=datetime(2026, 11, 25, 8))  # noqa: DTZ001
        assert isinstance(exc.value, ValueError)
        assert isinstance(exc.value, FollowupError)
        assert exc.value.field == "now"

    def test_after_interview_without_interviewers(self, interview: Interview, now: datetime) -> None:
        iv = attrs.evolve(interview, interviewers=(), recruiter=None)
        with pytest.raises(SchedulingError) as exc:
            presets.after_interview().schedule(iv, now=now)
        assert isinstance(exc.value, ValueError)
        assert isinstance(exc.value, FollowupError)
        assert "interview.interviewers" in str(exc.value)
        assert exc.value.step == "thank-you"

    def test_outcome_before_the_interview(self, interview: Interview, now: datetime) -> None:
        with pytest.raises(ValidationError) as exc:
            presets.after_rejection().schedule(interview, outcome=Outcome.rejected(at=date(2026, 11, 19)), now=now)
        assert isinstance(exc.value, FollowupError)
        assert exc.value.field == "outcome.at"
        assert "on or after the interview" in str(exc.value)

    def test_outcome_changed_before_the_interview(self, interview: Interview, now: datetime) -> None:
        history = [OutcomeChanged(outcome=Outcome.rejected(at=date(2026, 11, 19)))]
        with pytest.raises(ValidationError) as exc:
            presets.after_interview().schedule(interview, history=history, now=now)
        assert exc.value.field == "outcome.at"

    def test_rejection_on_the_interview_day_is_accepted(self, interview: Interview, now: datetime) -> None:
        # "On or after the interview": a same-day rejection (given as a date) is valid.
        tl = presets.after_rejection().schedule(interview, outcome=Outcome.rejected(at=date(2026, 11, 20)), now=now)
        assert tl["rejection-reply"].due == datetime(2026, 11, 23, 10, tzinfo=NEW_YORK)

    def test_history_naming_an_unknown_step(self, interview: Interview, now: datetime) -> None:
        history = [StepDone(step="thank-yu", at=date(2026, 11, 21))]
        with pytest.raises(SchedulingError) as exc:
            presets.after_interview().schedule(interview, history=history, now=now)
        assert isinstance(exc.value, ValueError)
        assert exc.value.step == "thank-yu"
        message = str(exc.value)
        assert "did you mean 'thank-you'?" in message
        assert "known steps: thank-you, status-check, rejection-reply, linkedin-connect" in message

    def test_snooze_naming_an_unknown_step(self, interview: Interview, now: datetime) -> None:
        with pytest.raises(SchedulingError, match="known steps"):
            Plan.of(ThankYou()).schedule(interview, history=[Snoozed(step="nudge", until=date(2026, 12, 1))], now=now)

    def test_bad_tone_is_refused(self, interview: Interview, now: datetime) -> None:
        with pytest.raises(ValidationError) as exc:
            Plan.of(ThankYou()).schedule(interview, now=now, tone="angry")
        assert exc.value.field == "tone"

    def test_decision_anchor_without_decision(self, interview: Interview, now: datetime) -> None:
        iv = attrs.evolve(interview, decision_expected=None)
        # The status check falls back to the interview end; a custom decision anchor would fail.
        assert presets.after_interview().schedule(iv, now=now)["status-check.1"].reason.startswith(
            "7 business days after the interview ended"
        )


class TestHistory:
    def test_done_step_is_done(self, interview: Interview, now: datetime) -> None:
        history = [StepDone(step="thank-you", at=datetime(2026, 11, 20, 18, 30, tzinfo=NEW_YORK))]
        tl = presets.after_interview().schedule(interview, history=history, now=now)
        action = tl["thank-you.jane-doe"]
        assert action.status is Status.DONE
        assert action.reason.endswith("done Fri 20 Nov 18:30")
        assert tl["status-check.1"].status is Status.UPCOMING

    def test_done_by_action_id_and_recipient(self, interview: Interview, now: datetime) -> None:
        kim = Contact(name="Kim Lee")
        iv = attrs.evolve(interview, interviewers=(*interview.interviewers, kim))
        history = [StepDone(step="thank-you", at=date(2026, 11, 20), contact="Kim Lee")]
        tl = Plan.of(ThankYou()).schedule(iv, history=history, now=now)
        assert _statuses(tl) == {"thank-you.jane-doe": Status.OVERDUE, "thank-you.kim-lee": Status.DONE}
        history = [StepDone(step="thank-you.jane-doe", at=date(2026, 11, 20))]
        tl = Plan.of(ThankYou()).schedule(iv, history=history, now=now)
        assert _statuses(tl) == {"thank-you.jane-doe": Status.DONE, "thank-you.kim-lee": Status.OVERDUE}

    def test_done_reply_retimes_what_follows(self, interview: Interview, rejection: Outcome, now: datetime) -> None:
        history = [StepDone(step="rejection-reply", at=datetime(2026, 11, 26, 15, tzinfo=NEW_YORK))]
        tl = presets.after_rejection().schedule(interview, outcome=rejection, history=history, now=now)
        assert tl["rejection-reply"].status is Status.DONE
        linkedin = tl["linkedin-connect.jane-doe"]
        assert linkedin.due == datetime(2026, 11, 30, 15, tzinfo=NEW_YORK)  # Thu 26 + 2 business days
        assert "the reply to the rejection was done (Thu 26 Nov 15:00)" in linkedin.reason

    def test_skipped_step_is_cancelled(self, interview: Interview, now: datetime) -> None:
        history = [StepSkipped(step="status-check", at=date(2026, 11, 23))]
        tl = presets.after_interview().schedule(interview, history=history, now=now)
        for action_id in ("status-check.1", "status-check.2"):
            assert tl[action_id].status is Status.CANCELLED
            assert "skipped" in tl[action_id].reason
            assert tl[action_id].reason.endswith("skipped on Mon 23 Nov")
        assert tl["thank-you.jane-doe"].status is Status.OVERDUE

    def test_reply_stops_status_checks_but_not_keep_in_touch(self, interview: Interview, now: datetime) -> None:
        history = [
            ReplyReceived(at=date(2026, 11, 23), contact="Jane Doe"),
            OutcomeChanged(outcome=Outcome.rejected(at=date(2026, 12, 10))),
        ]
        tl = presets.after_interview().schedule(interview, history=history, now=now)
        assert tl["status-check.1"].status is Status.CANCELLED
        assert tl["status-check.1"].reason.endswith("cancelled: a reply from Jane Doe arrived on Mon 23 Nov")
        assert tl["status-check.2"].status is Status.CANCELLED
        kit = tl["keep-in-touch"]
        assert kit.status is Status.UPCOMING
        assert "reply" not in kit.reason

    def test_a_reply_or_skip_at_a_moment_is_dated_in_the_actions_zone(self, interview: Interview, now: datetime) -> None:
        # A reviewer's case: a moment given in UTC was dated by its UTC day (23:30 on Sun 22
        # Nov in New York is 04:30 UTC on Mon 23 Nov).

        late = datetime(2026, 11, 23, 4, 30, tzinfo=UTC)
        tl = presets.after_interview().schedule(
            interview, history=[ReplyReceived(at=late, contact="Jane Doe")], now=now
        )
        assert tl["status-check.1"].reason.endswith("cancelled: a reply from Jane Doe arrived on Sun 22 Nov")
        tl = presets.after_interview().schedule(
            interview, history=[StepSkipped(step="status-check", at=late)], now=now
        )
        assert tl["status-check.1"].reason.endswith("skipped on Sun 22 Nov")

    def test_reply_stops_the_feedback_request(self, interview: Interview, rejection: Outcome, now: datetime) -> None:
        plan = presets.after_rejection(separate_feedback_request=True)
        tl = plan.schedule(interview, outcome=rejection, history=[ReplyReceived(at=date(2026, 11, 26))], now=now)
        assert tl["feedback-request"].status is Status.CANCELLED
        assert tl["feedback-request"].reason.endswith("cancelled: a reply arrived on Thu 26 Nov")
        assert tl["linkedin-connect.jane-doe"].status is Status.UPCOMING

    def test_out_of_office_moves_to_the_next_business_day_after_return(
        self, interview: Interview, now: datetime
    ) -> None:
        history = [OutOfOffice(until=date(2026, 12, 4), contact="Jane Doe", at=date(2026, 11, 23))]
        tl = presets.after_interview().schedule(interview, history=history, now=now)
        first = tl["status-check.1"]
        assert first.due == datetime(2026, 12, 7, 10, tzinfo=NEW_YORK)  # Fri 4 Dec -> Mon 7 Dec
        assert first.reason.endswith(
            "moved to Mon 7 Dec 10:00 because Jane Doe is out of office until Fri 4 Dec: 1 business day after the return"
        )
        # The second check is timed from the first and follows it.
        assert tl["status-check.2"].due == datetime(2026, 12, 14, 10, tzinfo=NEW_YORK)
        # The thank-you was due before the auto-reply arrived: left alone.
        assert tl["thank-you.jane-doe"].due == datetime(2026, 11, 20, 17, tzinfo=NEW_YORK)

    def test_out_of_office_skips_holidays(self, interview: Interview, now: datetime) -> None:
        history = [OutOfOffice(until=date(2026, 12, 4), contact="jane@acme.example", at=date(2026, 11, 23))]
        tl = presets.after_interview().schedule(
            interview, history=history, now=now, holidays=[date(2026, 12, 7)]
        )
        assert tl["status-check.1"].due == datetime(2026, 12, 8, 10, tzinfo=NEW_YORK)

    def test_out_of_office_of_someone_else_changes_nothing(self, interview: Interview, now: datetime) -> None:
        history = [OutOfOffice(until=date(2026, 12, 4), contact="Kim Lee")]
        plain = presets.after_interview().schedule(interview, now=now)
        assert presets.after_interview().schedule(interview, history=history, now=now) == plain

    def test_snooze_moves_one_action_only(self, interview: Interview, now: datetime) -> None:
        kim = Contact(name="Kim Lee", email="kim@acme.example")
        iv = attrs.evolve(interview, interviewers=(*interview.interviewers, kim))
        history = [Snoozed(step="thank-you", contact="kim@acme.example", until=date(2026, 11, 24))]
        tl = Plan.of(ThankYou()).schedule(iv, history=history, now=now)
        assert tl["thank-you.kim-lee"].due == datetime(2026, 11, 24, 17, tzinfo=NEW_YORK)
        assert tl["thank-you.kim-lee"].reason.endswith("snoozed to Tue 24 Nov 17:00")
        assert tl["thank-you.jane-doe"].due == datetime(2026, 11, 20, 17, tzinfo=NEW_YORK)
        assert "snoozed" not in tl["thank-you.jane-doe"].reason

    def test_snooze_to_a_weekend_is_fitted(self, interview: Interview, now: datetime) -> None:
        history = [Snoozed(step="status-check.1", until=date(2026, 12, 5))]  # a Saturday
        tl = presets.after_interview().schedule(interview, history=history, now=now)
        first = tl["status-check.1"]
        assert first.due == datetime(2026, 12, 7, 9, tzinfo=NEW_YORK)
        assert "snoozed to Mon 7 Dec 09:00" in first.reason
        assert "Sat 5 Dec 10:00 is a weekend" in first.reason

    def test_pending_plan_has_thank_you_and_status_checks(self, interview: Interview, now: datetime) -> None:
        tl = presets.after_interview().schedule(interview, now=now)
        assert tl.ids == ("thank-you.jane-doe", "status-check.1", "status-check.2")

    def test_outcome_changed_switches_branch(self, interview: Interview, now: datetime) -> None:
        history = [OutcomeChanged(outcome=Outcome.rejected(at=date(2026, 11, 30)))]
        tl = presets.after_interview().schedule(interview, history=history, now=now)
        assert set(tl.ids) == {
            "thank-you.jane-doe", "status-check.1", "status-check.2", "rejection-reply",
            "linkedin-connect.jane-doe", "keep-in-touch", "explore-openings", "network",
        }
        # Status checks due after the change stay in the timeline, cancelled, with the reason.
        for action_id in ("status-check.1", "status-check.2"):
            assert tl[action_id].status is Status.CANCELLED
            assert tl[action_id].reason.endswith("cancelled: the outcome changed to rejected on Mon 30 Nov")
        assert tl["thank-you.jane-doe"].status is Status.OVERDUE
        assert tl["rejection-reply"].due == datetime(2026, 12, 1, 10, tzinfo=NEW_YORK)
        assert tl["rejection-reply"].status is Status.UPCOMING

    def test_status_check_before_the_change_is_kept(self, interview: Interview) -> None:
        history = [OutcomeChanged(outcome=Outcome.rejected(at=date(2026, 12, 3)))]
        late = datetime(2026, 12, 1, 12, tzinfo=NEW_YORK)
        tl = presets.after_interview().schedule(interview, history=history, now=late)
        assert tl["status-check.1"].status is Status.DUE
        assert tl["status-check.2"].status is Status.CANCELLED

    def test_outcome_argument_and_history_agree(self, interview: Interview, now: datetime) -> None:
        outcome = Outcome.rejected(at=date(2026, 11, 24))
        via_outcome = presets.after_interview().schedule(interview, outcome=outcome, now=now)
        via_history = presets.after_interview().schedule(interview, history=[OutcomeChanged(outcome=outcome)], now=now)
        assert via_outcome.to_dict() == via_history.to_dict()


class TestHolidays:
    def test_country_code_skips_thanksgiving(self, interview: Interview) -> None:
        outcome = Outcome.rejected(at=date(2026, 11, 25))  # Wed before Thanksgiving
        tl = presets.after_rejection().schedule(interview, outcome=outcome, now=EARLY, holidays="US")
        assert tl["rejection-reply"].due == datetime(2026, 11, 27, 10, tzinfo=NEW_YORK)
        assert tl["linkedin-connect.jane-doe"].due == datetime(2026, 12, 1, 10, tzinfo=NEW_YORK)

    def test_dates_move_one_occurrence_and_say_so(self, interview: Interview, rejection: Outcome) -> None:
        tl = Plan.of(KeepInTouch()).schedule(interview, outcome=rejection, now=EARLY, holidays=[date(2027, 5, 26)])
        action = tl["keep-in-touch"]
        assert [o.date() for o in action.occurrences] == [
            date(2027, 2, 24), date(2027, 5, 27), date(2027, 8, 25), date(2027, 11, 24)
        ]
        assert action.recurrence is not None
        assert action.recurrence.moved == (
            (datetime(2027, 5, 26, 10, tzinfo=NEW_YORK), datetime(2027, 5, 27, 10, tzinfo=NEW_YORK)),
        )
        assert "Wed 26 May is a listed holiday, so that one moves to Thu 27 May" in action.reason

    def test_out_of_office_moves_only_the_occurrence_during_the_absence(
        self, interview: Interview, rejection: Outcome
    ) -> None:
        # Jane is away until Fri 5 Mar 2027: the Feb check-in moves to Mon 8 Mar; the others stay.
        history = [OutOfOffice(until=date(2027, 3, 5), contact="Jane Doe")]
        tl = Plan.of(KeepInTouch()).schedule(interview, outcome=rejection, history=history, now=EARLY)
        action = tl["keep-in-touch"]
        assert action.due == datetime(2027, 3, 8, 10, tzinfo=NEW_YORK)
        assert "out of office until Fri 5 Mar" in action.reason
        assert [o.date() for o in action.occurrences] == [
            date(2027, 3, 8), date(2027, 5, 26), date(2027, 8, 25), date(2027, 11, 24)
        ]


class TestStatuses:
    # The thank-you is due Fri 20 Nov 17:00 New York.
    @pytest.mark.parametrize(
        ("now", "status"),
        [
            (datetime(2026, 11, 20, 16, 59, tzinfo=NEW_YORK), Status.UPCOMING),
            (datetime(2026, 11, 20, 17, 0, tzinfo=NEW_YORK), Status.DUE),
            (datetime(2026, 11, 21, 16, 59, tzinfo=NEW_YORK), Status.DUE),
            (datetime(2026, 11, 21, 17, 0, tzinfo=NEW_YORK), Status.OVERDUE),
            (datetime(2026, 11, 21, 22, 0, tzinfo=ZoneInfo("UTC")), Status.OVERDUE),
        ],
    )
    def test_relative_to_now(self, interview: Interview, now: datetime, status: Status) -> None:
        assert timedelta(days=1) == GRACE
        assert Plan.of(ThankYou()).schedule(interview, now=now)["thank-you.jane-doe"].status is status

    def test_recurring_action_is_upcoming_until_its_last_occurrence(
        self, interview: Interview, rejection: Outcome
    ) -> None:
        plan = Plan.of(KeepInTouch())
        action = plan.schedule(interview, outcome=rejection, now=EARLY)["keep-in-touch"]
        last = action.occurrences[-1]
        assert plan.schedule(interview, outcome=rejection, now=last)["keep-in-touch"].status is Status.DUE
        after = last + GRACE
        assert plan.schedule(interview, outcome=rejection, now=after)["keep-in-touch"].status is Status.OVERDUE

    def test_timeline_keeps_now(self, interview: Interview, now: datetime) -> None:
        tl = Plan.of(ThankYou()).schedule(interview, now=now)
        assert tl.now == now
        assert tl.interview == interview.key


def _check_invariants(tl: Timeline, interview: Interview, holidays: HolidayCalendar) -> None:
    keys = [(a.due, a.id) for a in tl]
    assert keys == sorted(keys)
    assert len(set(tl.ids)) == len(tl)
    for action in tl:
        tz = ZoneInfo(action.timezone)
        who = action.recipient if action.channel != "task" else interview.candidate
        assert action.timezone == interview.zone_of(who)
        assert action.due.tzinfo == tz, (action.id, action.due)
        assert action.anchor is not None
        assert action.due == action.occurrences[0]
        for occurrence in action.occurrences:
            assert occurrence >= action.anchor, (action.id, occurrence, action.anchor, action.reason)
            local = occurrence.astimezone(tz)
            assert action.window.contains(local, holidays), (action.id, local, action.reason)
            assert action.window.is_business_day(local.date(), holidays)
        assert action.reason


class TestScheduleProperties:
    @PROPERTY
    @given(data=st.data(), holidays=holiday_calendars)
    def test_every_action_after_its_anchor_inside_its_window(
        self, data: st.DataObject, holidays: HolidayCalendar
    ) -> None:
        interview = data.draw(interviews(min_interviewers=1))
        outcome = data.draw(outcomes(interview))
        now = data.draw(aware_datetimes())
        tl = presets.after_interview().schedule(interview, outcome=outcome, now=now, holidays=holidays)
        _check_invariants(tl, interview, holidays)
        recruiter = interview.recruiter
        people = dict(zip(_keys(interview.interviewers), interview.interviewers, strict=True))
        for a in tl.filter(step="thank-you"):
            # An interviewer without an address is reached on LinkedIn, through the
            # recruiter, or by a task to find an address: never an email with no To.
            person = people[a.id.removeprefix("thank-you.")]
            if person.email:
                assert (a.channel, a.recipient) == ("email", person)
            elif person.linkedin:
                assert (a.channel, a.recipient) == ("linkedin-message", person)
            elif recruiter is not None and recruiter.email and recruiter.name != person.name and recruiter.email != person.email:
                assert (a.channel, a.recipient) == ("email", recruiter)
                assert a.message is not None
                assert a.message.step == "thank-you"
            else:
                assert (a.channel, a.message) == ("task", None)
        assert sum(a.step == "thank-you" for a in tl) == len(interview.interviewers)

    @PROPERTY
    @given(data=st.data())
    def test_after_rejection_without_interviewers(self, data: st.DataObject) -> None:
        interview = data.draw(interviews(max_interviewers=0))
        outcome = data.draw(outcomes(interview, kinds=("rejected",)))
        now = data.draw(aware_datetimes())
        if interview.recruiter is None and outcome.contact is None:
            with pytest.raises(SchedulingError, match=r"interview\.recruiter or interview\.interviewers"):
                presets.after_rejection().schedule(interview, outcome=outcome, now=now)
            return
        if interview.recruiter is None:
            with pytest.raises(SchedulingError, match=r"interview\.interviewers"):
                presets.after_rejection().schedule(interview, outcome=outcome, now=now)
            return
        tl = presets.after_rejection().schedule(interview, outcome=outcome, now=now)
        _check_invariants(tl, interview, HolidayCalendar())

    @PROPERTY
    @given(data=st.data())
    def test_no_interviewers_is_a_scheduling_error(self, data: st.DataObject) -> None:
        # Without interviewers the recruiter is the person met (a screening call); with neither,
        # nobody can be thanked.
        interview = data.draw(interviews(max_interviewers=0))
        now = data.draw(aware_datetimes())
        if interview.recruiter is not None:
            tl = presets.after_interview().schedule(interview, now=now)
            assert [a.recipient for a in tl if a.step == "thank-you"] == [interview.recruiter]
            _check_invariants(tl, interview, HolidayCalendar())
            return
        with pytest.raises(SchedulingError) as exc:
            presets.after_interview().schedule(interview, now=now)
        assert "interview.interviewers" in str(exc.value)

    @PROPERTY
    @given(data=st.data(), holidays=holiday_calendars)
    def test_same_input_same_output(self, data: st.DataObject, holidays: HolidayCalendar) -> None:
        interview = data.draw(interviews(min_interviewers=1))
        outcome = data.draw(outcomes(interview))
        plan = presets.after_interview()
        history = data.draw(histories(interview, plan.ids))
        now = data.draw(aware_datetimes())
        first = plan.schedule(interview, outcome=outcome, history=history, now=now, holidays=holidays)
        second = plan.schedule(interview, outcome=outcome, history=history, now=now, holidays=holidays)
        assert first == second
        assert first.to_dict() == second.to_dict()
        assert pickle.loads(pickle.dumps(first)) == first

    @PROPERTY
    @given(data=st.data())
    def test_history_keeps_the_timeline_sorted_and_explained(self, data: st.DataObject) -> None:
        interview = data.draw(interviews(min_interviewers=1))
        outcome = data.draw(outcomes(interview))
        plan = presets.after_interview()
        history = data.draw(histories(interview, plan.ids))
        now = data.draw(aware_datetimes())
        tl = plan.schedule(interview, outcome=outcome, history=history, now=now)
        keys = [(a.due, a.id) for a in tl]
        assert keys == sorted(keys)
        for action in tl:
            local = action.due.astimezone(ZoneInfo(action.timezone))
            assert action.window.contains(local), (action.id, local, action.reason)
            if any(isinstance(r, StepSkipped) and r.step == action.step for r in history) and not any(
                isinstance(r, StepDone) and r.step == action.step for r in history
            ):
                assert action.status is Status.CANCELLED
                assert "skipped" in action.reason

    @PROPERTY
    @given(data=st.data())
    def test_statuses_follow_now(self, data: st.DataObject) -> None:
        interview = data.draw(interviews(min_interviewers=1))
        outcome = data.draw(outcomes(interview))
        now = data.draw(aware_datetimes())
        tl = presets.after_interview().schedule(interview, outcome=outcome, now=now)
        for action in tl:
            if action.status is Status.CANCELLED:
                continue
            occ = action.occurrences
            if now < occ[0]:
                assert action.status is Status.UPCOMING
            elif occ[-1] + GRACE <= now:
                assert action.status is Status.OVERDUE
            elif len(occ) == 1:
                assert action.status is Status.DUE


class TestHistoryIsChecked:
    def test_an_action_id_the_step_does_not_make_is_refused(self, interview: Interview, now: datetime) -> None:
        history = [StepDone(step="thank-you.nobody", at=date(2026, 11, 21))]
        with pytest.raises(SchedulingError) as exc:
            presets.after_interview().schedule(interview, history=history, now=now)
        assert "'thank-you.nobody'" in str(exc.value)
        assert "thank-you.jane-doe" in str(exc.value)

    def test_a_record_dated_before_the_interview_is_refused(self, interview: Interview, now: datetime) -> None:
        history = [ReplyReceived(at=date(2020, 1, 1))]
        with pytest.raises(SchedulingError) as exc:
            presets.after_interview().schedule(interview, history=history, now=now)
        assert "2020-01-01, before the interview" in str(exc.value)

    def test_a_missed_occurrence_of_a_series_is_named_in_the_reason(
        self, interview: Interview, rejection: Outcome
    ) -> None:
        late = datetime(2027, 3, 10, 9, tzinfo=ZoneInfo("America/New_York"))
        action = Plan.of(KeepInTouch()).schedule(interview, outcome=rejection, now=late)["keep-in-touch"]
        assert action.status is Status.UPCOMING
        assert action.status_note == "not marked done on Wed 24 Feb"
        # The reason is what the plan says: the same at any `now` (calendars carry it).
        early = datetime(2026, 12, 1, 9, tzinfo=ZoneInfo("America/New_York"))
        first = Plan.of(KeepInTouch()).schedule(interview, outcome=rejection, now=early)
        assert first["keep-in-touch"].reason == action.reason
        assert first["keep-in-touch"].status_note == ""
