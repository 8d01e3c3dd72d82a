"""Tests for followup.steps: each built-in step's timing, recipients, channel and reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil.relativedelta import relativedelta

from followup import (
    Action,
    Anchor,
    Candidate,
    Contact,
    Context,
    ExploreOpenings,
    FeedbackRequest,
    FollowupError,
    Interview,
    KeepInTouch,
    LinkedInConnect,
    Network,
    Outcome,
    OutcomeStatus,
    Plan,
    RejectionReply,
    SchedulingError,
    SendWindow,
    StatusCheck,
    Step,
    ThankYou,
    Timeline,
    ValidationError,
    When,
    presets,
)

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
EARLY = datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC"))  # a `now` before everything: all upcoming


def _interview(start: datetime, *people: Contact, candidate: Candidate | None = None, **kw: object) -> Interview:
    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=start,
        candidate=candidate or Candidate(name="Sam Rivera", email="sam@example.com"),
        interviewers=people or (Contact(name="Jane Doe", email="jane@acme.example"),),
        **kw,  # type: ignore[arg-type]
    )


def _rejected(zone: ZoneInfo, on: date, *, count: int = 4, every: int = 3) -> Timeline:
    iv = _interview(datetime.combine(on - timedelta(days=4), time(11), tzinfo=zone))
    plan = presets.after_rejection(keep_in_touch_every=relativedelta(months=every), keep_in_touch_count=count)
    return plan.schedule(iv, outcome=Outcome.rejected(at=on), now=EARLY)


class TestThankYou:
    def test_defaults(self) -> None:
        step = ThankYou()
        assert step.id == "thank-you"
        assert step.after == timedelta(hours=3)
        assert step.within == timedelta(hours=24)
        assert step.outcomes == frozenset({OutcomeStatus.PENDING})
        assert step.when == When(anchor=Anchor.INTERVIEW_END, offset=timedelta(hours=3), within=timedelta(hours=24))

    def test_three_hours_after_the_interview_inside_the_window(self, interview: Interview) -> None:
        iv = attrs.evolve(interview, start=datetime(2026, 11, 18, 10, tzinfo=NEW_YORK))  # Wed, ends 10:45
        tl = Plan.of(ThankYou()).schedule(iv, now=EARLY)
        action = tl["thank-you.jane-doe"]
        assert action.due == datetime(2026, 11, 18, 13, 45, tzinfo=NEW_YORK)
        assert action.reason == (
            "3 hours after the interview ended (Wed 18 Nov 10:45 in America/New_York)"
            "; holidays of the United States (US, from America/New_York)"
        )
        assert action.anchor == datetime(2026, 11, 18, 10, 45, tzinfo=NEW_YORK)
        assert action.channel == "email"
        assert action.message is not None
        assert action.message.to is not None
        assert action.message.to.name == "Jane Doe"

    def test_friday_evening_moves_to_monday_morning_and_says_why(self) -> None:
        # Ends Fri 20 Nov 17:30: +3 h is 20:30, after the window, and no window time is within 24 h.
        iv = _interview(datetime(2026, 11, 20, 16, 30, tzinfo=NEW_YORK))
        action = Plan.of(ThankYou()).schedule(iv, now=EARLY)["thank-you.jane-doe"]
        assert action.due == datetime(2026, 11, 23, 9, 0, tzinfo=NEW_YORK)
        assert action.due.utcoffset() == timedelta(hours=-5)
        assert action.reason.startswith("3 hours after the interview ended (Fri 20 Nov 17:30 in America/New_York)")
        assert "Fri 20 Nov 20:30 is after the window closes" in action.reason
        assert "moves to Mon 23 Nov 09:00" in action.reason
        assert "09:00–17:00 weekday window in America/New_York" in action.reason

    def test_friday_afternoon_stays_within_24_hours(self) -> None:
        # Ends Fri 20 Nov 16:00: +3 h is 19:00; Monday would break the 24-hour rule, so Friday 17:00.
        iv = _interview(datetime(2026, 11, 20, 15, 0, tzinfo=NEW_YORK))
        action = Plan.of(ThankYou()).schedule(iv, now=EARLY)["thank-you.jane-doe"]
        assert action.due == datetime(2026, 11, 20, 17, 0, tzinfo=NEW_YORK)
        assert action.reason.startswith("3 hours after the interview ended (Fri 20 Nov 16:00 in America/New_York)")
        assert "Fri 20 Nov 19:00" in action.reason
        assert "24 hours" in action.reason
        assert "Fri 20 Nov 17:00" in action.reason
        assert "before the window closes" in action.reason

    def test_one_note_per_interviewer_in_their_own_zone(self) -> None:
        ana = Contact(name="Ana Berg", email="ana@acme.example", timezone="Europe/Berlin")
        raj = Contact(name="Raj Patel", email="raj@acme.example", timezone="Asia/Kolkata")
        kim = Contact(name="Kim Lee", email="kim@acme.example")
        iv = _interview(
            datetime(2026, 11, 18, 11, tzinfo=NEW_YORK),  # Wed, ends 12:00 in New York
            ana, raj, kim,
            candidate=Candidate(name="Sam Rivera", timezone="America/Los_Angeles"),
        )
        tl = Plan.of(ThankYou()).schedule(iv, now=EARLY)
        assert tl.ids == ("thank-you.kim-lee", "thank-you.raj-patel", "thank-you.ana-berg")
        kim_a, raj_a, ana_a = tl
        assert (kim_a.timezone, kim_a.due) == ("America/New_York", datetime(2026, 11, 18, 15, tzinfo=NEW_YORK))
        assert raj_a.timezone == "Asia/Kolkata"
        assert raj_a.due == datetime(2026, 11, 19, 9, tzinfo=ZoneInfo("Asia/Kolkata"))
        assert "Thu 19 Nov 01:30 is before the window opens" in raj_a.reason
        assert ana_a.timezone == "Europe/Berlin"
        assert ana_a.due == datetime(2026, 11, 19, 9, tzinfo=BERLIN)
        assert ana_a.reason.startswith("3 hours after the interview ended (Wed 18 Nov 18:00 in Europe/Berlin)")
        assert "Wed 18 Nov 21:00 is after the window closes" in ana_a.reason
        assert [a.due.tzinfo for a in tl] == [NEW_YORK, ZoneInfo("Asia/Kolkata"), BERLIN]

    def test_same_names_get_distinct_ids(self) -> None:
        iv = _interview(
            datetime(2026, 11, 18, 10, tzinfo=NEW_YORK), Contact(name="Jane Doe"), Contact(name="Jane Doe")
        )
        assert Plan.of(ThankYou()).schedule(iv, now=EARLY).ids == ("thank-you.jane-doe", "thank-you.jane-doe-2")

    def test_no_interviewers_names_the_field(self, interview: Interview) -> None:
        iv = attrs.evolve(interview, interviewers=(), recruiter=None)
        with pytest.raises(SchedulingError) as exc:
            Plan.of(ThankYou()).schedule(iv, now=EARLY)
        assert isinstance(exc.value, ValueError)
        assert isinstance(exc.value, FollowupError)
        assert "interview.interviewers" in str(exc.value)
        assert exc.value.step == "thank-you"


    def test_a_screening_call_with_the_recruiter_thanks_the_recruiter(self, interview: Interview) -> None:
        # No interviewers listed, a recruiter: the recruiter held the call, and is thanked for it
        # as the person met (their topics recalled), not for "organising the interviews".
        riley = Contact(name="Riley Park", email="riley@acme.example", title="Talent Partner")
        iv = attrs.evolve(interview, interviewers=(), recruiter=riley, topics=("the on-call rota",))
        tl = Plan.of(ThankYou()).schedule(iv, now=EARLY)
        assert tl.ids == ("thank-you.riley-park",)
        (action,) = tl
        assert action.recipient == riley
        assert action.message is not None
        body = action.message.body
        assert body.startswith(("Hi Riley,", "Dear Riley,", "Dear Ms Park,", "Hello Riley,"))
        assert "the on-call rota" in body
        assert "organis" not in body
        assert "arranging" not in body
        assert "setting up" not in body

class TestStatusCheck:
    def test_after_the_expected_decision(self, interview: Interview) -> None:
        tl = Plan.of(StatusCheck()).schedule(interview, now=EARLY)
        first, second = tl
        assert first.id == "status-check.1"
        assert first.due == datetime(2026, 12, 1, 10, tzinfo=NEW_YORK)  # Fri 27 Nov + 2 business days
        assert first.reason == (
            "2 business days after the expected decision date (Fri 27 Nov), at 10:00 in America/New_York"
            "; holidays of the United States (US, from America/New_York)"
        )
        assert second.id == "status-check.2"
        assert second.due == datetime(2026, 12, 8, 10, tzinfo=NEW_YORK)
        assert second.reason == (
            "5 business days after the first status check (Tue 1 Dec 10:00), at 10:00 in America/New_York"
            "; holidays of the United States (US, from America/New_York)"
        )
        assert first.stop_on == second.stop_on == frozenset({"reply", "outcome"})
        assert first.recipient is not None
        assert first.recipient.name == "Jane Doe"

    def test_without_a_decision_date(self, interview: Interview) -> None:
        iv = attrs.evolve(interview, decision_expected=None)
        first = Plan.of(StatusCheck()).schedule(iv, now=EARLY)["status-check.1"]
        # Fri 20 Nov + 7 business days, Thanksgiving (Thu 26 Nov) skipped: New York keeps US holidays.
        assert first.due == datetime(2026, 12, 2, 10, tzinfo=NEW_YORK)
        assert first.reason.startswith("7 business days after the interview ended (Fri 20 Nov 14:45")
        assert "; Thu 26 Nov is Thanksgiving Day in the United States, so Wed 2 Dec" in first.reason

    def test_goes_to_the_recruiter_when_there_is_one(self, interview: Interview) -> None:
        riley = Contact(name="Riley Recruiter", email="riley@acme.example", timezone="Europe/Berlin")
        tl = Plan.of(StatusCheck()).schedule(attrs.evolve(interview, recruiter=riley), now=EARLY)
        assert {a.recipient for a in tl} == {riley}
        assert tl["status-check.1"].due == datetime(2026, 12, 1, 10, tzinfo=BERLIN)

    def test_one_attempt(self, interview: Interview) -> None:
        assert Plan.of(StatusCheck(attempts=1)).schedule(interview, now=EARLY).ids == ("status-check.1",)

    @pytest.mark.parametrize("attempts", [0, 3])
    def test_more_than_two_is_refused(self, attempts: int) -> None:
        with pytest.raises(ValidationError) as exc:
            StatusCheck(attempts=attempts)
        assert exc.value.field == "attempts"

    def test_needs_someone_to_ask(self, interview: Interview) -> None:
        with pytest.raises(SchedulingError) as exc:
            Plan.of(StatusCheck()).schedule(attrs.evolve(interview, interviewers=()), now=EARLY)
        assert "interview.recruiter or interview.interviewers" in str(exc.value)


class TestRejectionReply:
    def test_one_business_day_after_the_rejection(self, interview: Interview, rejection: Outcome) -> None:
        action = Plan.of(RejectionReply()).schedule(interview, outcome=rejection, now=EARLY)["rejection-reply"]
        assert action.due == datetime(2026, 11, 25, 10, tzinfo=NEW_YORK)
        assert action.reason == (
            "1 business day after the rejection on Tue 24 Nov, at 10:00 in America/New_York"
            "; holidays of the United States (US, from America/New_York)"
        )
        assert action.title == "Reply to Jane Doe: thank them and ask for feedback (Acme Corp, Data Engineer)"

    @pytest.mark.parametrize(
        ("on", "due"),
        [
            (date(2028, 2, 29), date(2028, 3, 1)),  # leap day (Tue) -> Wed
            (date(2027, 12, 31), date(2028, 1, 3)),  # year end (Fri) -> Mon
            (date(2026, 11, 20), date(2026, 11, 23)),  # Fri -> Mon
        ],
    )
    def test_leap_day_and_year_end(self, on: date, due: date) -> None:
        tl = _rejected(NEW_YORK, on)
        action = tl["rejection-reply"]
        assert action.due == datetime.combine(due, time(10), tzinfo=NEW_YORK)
        assert action.reason.startswith(f"1 business day after the rejection on {on:%a} {on.day} {on:%b}")

    def test_goes_to_whoever_sent_the_rejection(self, interview: Interview) -> None:
        riley = Contact(name="Riley Recruiter", email="riley@acme.example", timezone="Europe/Berlin")
        outcome = Outcome.rejected(at=date(2026, 11, 24), contact=riley)
        action = Plan.of(RejectionReply()).schedule(interview, outcome=outcome, now=EARLY)["rejection-reply"]
        assert action.recipient == riley
        assert action.due == datetime(2026, 11, 25, 10, tzinfo=BERLIN)

    def test_rejection_at_a_moment(self, interview: Interview) -> None:
        outcome = Outcome.rejected(at=datetime(2026, 11, 24, 16, 30, tzinfo=NEW_YORK))
        action = Plan.of(RejectionReply()).schedule(interview, outcome=outcome, now=EARLY)["rejection-reply"]
        assert action.due == datetime(2026, 11, 25, 10, tzinfo=NEW_YORK)
        assert action.anchor == datetime(2026, 11, 24, 16, 30, tzinfo=NEW_YORK)
        assert action.reason.startswith("1 business day after the rejection (Tue 24 Nov 16:30)")

    def test_not_without_a_rejection(self, interview: Interview) -> None:
        assert len(Plan.of(RejectionReply()).schedule(interview, now=EARLY)) == 0


class TestFeedbackRequest:
    def test_two_business_days_after_the_reply(self, interview: Interview, rejection: Outcome) -> None:
        plan = Plan.of(RejectionReply(ask_feedback=False), FeedbackRequest())
        tl = plan.schedule(interview, outcome=rejection, now=EARLY)
        action = tl["feedback-request"]
        assert action.due == datetime(2026, 11, 30, 10, tzinfo=NEW_YORK)
        assert action.reason == (
            "2 business days after the reply to the rejection (Wed 25 Nov 10:00); Thu 26 Nov is Thanksgiving "
            "Day in the United States, so Mon 30 Nov, at 10:00 in America/New_York"
            "; holidays of the United States (US, from America/New_York)"
        )
        assert action.stop_on == frozenset({"reply"})
        assert tl["rejection-reply"].title == "Reply to Jane Doe: thank them (Acme Corp, Data Engineer)"

    def test_needs_its_step_in_the_plan(self, interview: Interview, rejection: Outcome) -> None:
        with pytest.raises(SchedulingError) as exc:
            Plan.of(FeedbackRequest()).schedule(interview, outcome=rejection, now=EARLY)
        assert "'rejection-reply'" in str(exc.value)
        assert exc.value.step == "feedback-request"


class TestLinkedInConnect:
    def test_two_business_days_after_the_reply(self, interview: Interview, rejection: Outcome) -> None:
        tl = Plan.of(RejectionReply(), LinkedInConnect()).schedule(interview, outcome=rejection, now=EARLY)
        action = tl["linkedin-connect.jane-doe"]
        assert action.channel == "linkedin-note"
        assert action.due == datetime(2026, 11, 30, 10, tzinfo=NEW_YORK)
        assert action.reason == (
            "2 business days after the reply to the rejection (Wed 25 Nov 10:00); Thu 26 Nov is Thanksgiving "
            "Day in the United States, so Mon 30 Nov; holidays of the United States (US, from America/New_York)"
        )
        assert action.links == ("https://www.linkedin.com/in/janedoe",)
        assert action.message is not None
        assert action.message.channel == "linkedin-note"
        assert len(action.message.body) <= 200

    def test_note_limit_is_checked(self) -> None:
        assert LinkedInConnect(note_limit=300).note_limit == 300
        with pytest.raises(ValidationError) as exc:
            LinkedInConnect(note_limit=0)
        assert exc.value.field == "linkedin_note_limit"

    def test_falls_back_to_the_recruiter(self, interview: Interview, rejection: Outcome) -> None:
        riley = Contact(name="Riley Recruiter", linkedin="https://www.linkedin.com/in/riley")
        iv = attrs.evolve(interview, interviewers=(), recruiter=riley)
        tl = Plan.of(RejectionReply(), LinkedInConnect()).schedule(iv, outcome=rejection, now=EARLY)
        assert tl.ids == ("rejection-reply", "linkedin-connect.riley-recruiter")


class TestKeepInTouch:
    def test_defaults(self) -> None:
        step = KeepInTouch()
        assert step.first == relativedelta(months=3)
        assert step.recurrence.every == relativedelta(months=3)
        assert step.recurrence.count == 4
        assert step.stop_on == frozenset()

    def test_first_under_a_month_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            KeepInTouch(first=relativedelta(weeks=2))
        assert exc.value.field == "keep_in_touch_first"

    def test_quarterly_four_times(self, interview: Interview, rejection: Outcome) -> None:
        action = Plan.of(KeepInTouch()).schedule(interview, outcome=rejection, now=EARLY)["keep-in-touch"]
        assert action.due == datetime(2027, 2, 24, 10, tzinfo=NEW_YORK)
        assert action.recurrence is not None
        assert action.recurrence.description == "every 3 months, 4 times"
        assert len(action.occurrences) == 4
        assert [o.month for o in action.occurrences] == [2, 5, 8, 11]
        assert action.reason.startswith("3 months after the rejection on Tue 24 Nov, at 10:00 in America/New_York")
        assert "every 3 months, 4 times at 10:00 in America/New_York" in action.reason

    @pytest.mark.parametrize(
        ("zone", "on", "changes"),
        [
            # US: 2027-03-14 (forward) and 2027-11-07 (back).
            ("America/New_York", date(2026, 11, 10), (date(2027, 3, 14), date(2027, 11, 7))),
            # EU: 2027-03-28 (forward) and 2027-10-31 (back).
            ("Europe/Berlin", date(2026, 11, 10), (date(2027, 3, 28), date(2027, 10, 31))),
        ],
    )
    def test_quarterly_check_in_keeps_ten_oclock_across_dst(
        self, zone: str, on: date, changes: tuple[date, date]
    ) -> None:
        tz = ZoneInfo(zone)
        action = _rejected(tz, on, count=6)["keep-in-touch"]
        occ = action.occurrences
        assert len(occ) == 6
        assert all(o.tzinfo == tz for o in occ)
        assert [(o.hour, o.minute) for o in occ] == [(10, 0)] * 6
        assert all(o.weekday() < 5 for o in occ)
        # The series spans both changes, so both offsets appear, each at 10:00 local.
        assert occ[0].date() < changes[0] < occ[1].date()
        assert occ[2].date() < changes[1] < occ[3].date()
        winter, summer = occ[0].utcoffset(), occ[1].utcoffset()
        assert winter is not None
        assert summer is not None
        assert summer - winter == timedelta(hours=1)
        assert [o.utcoffset() for o in occ[:4]] == [winter, summer, summer, winter]

    @pytest.mark.parametrize(
        ("zone", "offsets"),
        [
            # Southern summer (Oct–Apr) has the larger offset; Lord Howe shifts by 30 minutes.
            ("Australia/Lord_Howe", {timedelta(hours=10, minutes=30), timedelta(hours=11)}),
            ("Australia/Sydney", {timedelta(hours=10), timedelta(hours=11)}),
            ("Asia/Kolkata", {timedelta(hours=5, minutes=30)}),
            ("America/St_Johns", {timedelta(hours=-2, minutes=-30), timedelta(hours=-3, minutes=-30)}),
        ],
    )
    def test_odd_and_southern_zones_keep_local_time(self, zone: str, offsets: set[timedelta]) -> None:
        tz = ZoneInfo(zone)
        tl = _rejected(tz, date(2027, 1, 20), count=6)
        action = tl["keep-in-touch"]
        occ = action.occurrences
        assert [(o.hour, o.minute) for o in occ] == [(10, 0)] * 6
        assert {o.utcoffset() for o in occ} == offsets
        assert all(action.window.contains(o.astimezone(tz)) for o in occ)
        reply = tl["rejection-reply"]
        assert reply.due == datetime(2027, 1, 21, 10, tzinfo=tz)

    @pytest.mark.parametrize("on", [date(2028, 2, 29), date(2027, 12, 31)])
    def test_monthly_from_leap_day_and_year_end_has_a_weekday_every_month(self, on: date) -> None:
        tl = _rejected(NEW_YORK, on, count=12, every=1)
        occ = tl["keep-in-touch"].occurrences
        first_month = on + relativedelta(months=1)
        months = [(o.year, o.month) for o in occ]
        expected = [((first_month + relativedelta(months=i)).year, (first_month + relativedelta(months=i)).month)
                    for i in range(12)]
        assert months == expected
        assert all(o.weekday() < 5 and o.time() == time(10) for o in occ)
        assert all(o > datetime.combine(on, time(0), tzinfo=NEW_YORK) for o in occ)

    def test_linkedin_channel(self, interview: Interview, rejection: Outcome) -> None:
        step = KeepInTouch(channel="linkedin-message")
        action = Plan.of(step).schedule(interview, outcome=rejection, now=EARLY)["keep-in-touch"]
        assert action.channel == "linkedin-message"
        assert action.message is not None
        assert action.message.subject is None


class TestExploreOpenings:
    def test_monthly_task_in_the_candidate_zone(self, interview: Interview, rejection: Outcome) -> None:
        iv = attrs.evolve(interview, candidate=Candidate(name="Sam Rivera", timezone="Europe/Berlin"))
        action = Plan.of(ExploreOpenings()).schedule(iv, outcome=rejection, now=EARLY)["explore-openings"]
        assert action.channel == "task"
        assert action.recipient is None
        assert action.message is None
        assert action.timezone == "Europe/Berlin"
        assert action.due == datetime(2026, 12, 24, 9, tzinfo=BERLIN)
        assert len(action.occurrences) == 6
        assert [(o.year, o.month) for o in action.occurrences] == [
            (2026, 12), (2027, 1), (2027, 2), (2027, 3), (2027, 4), (2027, 5)
        ]
        assert action.links == ("https://acme.example/careers",)
        assert action.notes is not None
        assert "https://acme.example/careers" in action.notes
        assert action.title == "Review open roles at Acme Corp"


class TestNetwork:
    def test_one_week_after_the_rejection(self, interview: Interview, rejection: Outcome) -> None:
        action = Plan.of(Network()).schedule(interview, outcome=rejection, now=EARLY)["network"]
        assert action.channel == "task"
        assert action.due == datetime(2026, 12, 1, 9, tzinfo=NEW_YORK)
        assert action.reason == (
            "1 week after the rejection on Tue 24 Nov, at 09:00 in America/New_York"
            "; holidays of the United States (US, from America/New_York)"
        )


@attrs.frozen(kw_only=True)
class NightTask:
    """A custom step (no base class): a task at a fixed local time, any day, any hour."""

    id: str = "night-task"
    at: time = time(2, 30)
    days: int = 4
    outcomes: frozenset[OutcomeStatus] = frozenset({OutcomeStatus.PENDING})

    def actions(self, ctx: Context) -> Sequence[Action]:
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.INTERVIEW_START, offset=relativedelta(days=self.days), at=self.at),
                title="Night task",
                channel="task",
                window=SendWindow(days=range(7), start=time(0, 0), end=time(23, 59)),
            )
        ]


class TestCustomStep:
    def test_satisfies_the_protocol(self) -> None:
        assert isinstance(NightTask(), Step)
        assert isinstance(ThankYou(), Step)
        assert not isinstance(object(), Step)

    def test_nonexistent_time_moves_to_the_first_minute_that_exists(self) -> None:
        # Wed 10 Mar 2027 + 4 days = Sun 14 Mar, when 02:30 does not exist in New York.
        iv = _interview(datetime(2027, 3, 10, 14, tzinfo=NEW_YORK))
        action = Plan.of(NightTask()).schedule(iv, now=EARLY)["night-task"]
        assert action.due == datetime(2027, 3, 14, 3, 0, tzinfo=NEW_YORK)
        assert action.due.utcoffset() == timedelta(hours=-4)
        assert (
            "02:30 does not exist in America/New_York on Sun 14 Mar (clocks go forward), "
            "so it moves to 03:00, the first minute after it that does"
        ) in action.reason

    def test_repeated_time_moves_past_the_repeated_hour(self) -> None:
        # Wed 3 Nov 2027 + 4 days = Sun 7 Nov, when 01:30 happens twice in New York: clients
        # disagree on which one a calendar means, so neither is used.
        iv = _interview(datetime(2027, 11, 3, 14, tzinfo=NEW_YORK))
        action = Plan.of(NightTask(at=time(1, 30))).schedule(iv, now=EARLY)["night-task"]
        assert action.due.astimezone(UTC) == datetime(2027, 11, 7, 7, 0, tzinfo=UTC)  # 02:00 EST
        assert action.due.replace(tzinfo=None) == datetime(2027, 11, 7, 2, 0)  # noqa: DTZ001
        assert (
            "01:30 happens twice in America/New_York on Sun 7 Nov (clocks go back), "
            "so it moves to 02:00, the first minute after it that happens once"
        ) in action.reason

    def test_ordinary_day_has_no_dst_note(self) -> None:
        iv = _interview(datetime(2027, 3, 11, 14, tzinfo=NEW_YORK))
        action = Plan.of(NightTask()).schedule(iv, now=EARLY)["night-task"]
        assert action.due == datetime(2027, 3, 15, 2, 30, tzinfo=NEW_YORK)
        assert action.reason == (
            "4 days after the interview started (Thu 11 Mar 14:00), at 02:30 in America/New_York"
            "; holidays of the United States (US, from America/New_York)"
        )

    def test_id_must_be_a_slug(self) -> None:
        with pytest.raises(ValidationError) as exc:
            ThankYou(id="Thank You!")
        assert exc.value.field == "id"
