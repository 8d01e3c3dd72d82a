"""Tests for followup.timeline: actions, filtering, and the JSON-safe round trip."""

from __future__ import annotations

import json
import pickle
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import aware_datetimes, histories, holiday_calendars, interviews, outcomes

from followup import (
    Action,
    HolidayCalendar,
    Interview,
    Occurrences,
    Outcome,
    OutcomeChanged,
    SendWindow,
    Snoozed,
    Status,
    StepDone,
    Timeline,
    ValidationError,
    presets,
)

NEW_YORK = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")
PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


@pytest.fixture
def timeline(interview: Interview, now: datetime) -> Timeline:
    """after_interview, rejected on Tue 24 Nov (via history), seen on Wed 25 Nov 08:00."""
    history = [OutcomeChanged(outcome=Outcome.rejected(at=date(2026, 11, 24)))]
    return presets.after_interview().schedule(interview, history=history, now=now)


class TestAction:
    def test_one_off_occurrences(self, timeline: Timeline) -> None:
        reply = timeline["rejection-reply"]
        assert reply.recurrence is None
        assert reply.occurrences == (reply.due,)

    def test_recurring_occurrences(self, timeline: Timeline) -> None:
        kit = timeline["keep-in-touch"]
        assert kit.recurrence is not None
        assert kit.occurrences == kit.recurrence.occurrences
        assert kit.due == kit.occurrences[0]
        assert kit.recurrence.moved == ()

    def test_moved_pairs(self) -> None:
        planned = (datetime(2027, 5, 12, 10, tzinfo=NEW_YORK), datetime(2027, 8, 11, 10, tzinfo=NEW_YORK))
        actual = (datetime(2027, 5, 13, 10, tzinfo=NEW_YORK), planned[1])
        occ = Occurrences(rrule="FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE;COUNT=2", occurrences=actual, planned=planned)
        assert occ.moved == ((planned[0], actual[0]),)

    def test_naive_due_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Action(id="x", step="x", channel="task", title="X", due=datetime(2026, 11, 20, 9), timezone="UTC")  # noqa: DTZ001
        assert exc.value.field == "due"

    def test_to_dict_shape(self, timeline: Timeline) -> None:
        data = timeline["rejection-reply"].to_dict()
        assert data["id"] == "rejection-reply"
        assert data["step"] == "rejection-reply"
        assert data["channel"] == "email"
        assert data["due"] == "2026-11-25T10:00:00-05:00"
        assert data["timezone"] == "America/New_York"
        assert data["status"] == "upcoming"
        assert data["reason"] == (
            "1 business day after the rejection on Tue 24 Nov, at 10:00 in America/New_York"
            "; holidays of the United States (US, from America/New_York)"
        )
        assert data["holidays"] == {
            "code": "US",
            "place": "the United States",
            "dates": [],
            "from": "zone",
            "zone": "America/New_York",
        }
        assert data["recipient"]["name"] == "Jane Doe"
        assert data["message"]["to"] == data["recipient"]
        assert data["message"]["sender"]["name"] == "Sam Rivera"
        assert data["window"] == {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00"}
        assert "recurrence" not in data  # None is never written
        assert None not in data.values()
        assert data["anchor"] == "2026-11-24T00:00:00-05:00"
        assert data["interview"] == "acme-corp.data-engineer.20261120T1900Z"

    def test_recurrence_to_dict(self, timeline: Timeline) -> None:
        rec = timeline["keep-in-touch"].to_dict()["recurrence"]
        assert rec["description"] == "every 3 months, 4 times"
        assert rec["rrule"].startswith("FREQ=MONTHLY;INTERVAL=3;")
        assert rec["rrule"].endswith(";COUNT=4")
        assert rec["occurrences"][0] == "2027-02-24T10:00:00-05:00"
        assert len(rec["occurrences"]) == len(rec["planned"]) == 4

    def test_from_dict_names_a_missing_field(self, timeline: Timeline) -> None:
        data = timeline["rejection-reply"].to_dict()
        del data["due"]
        with pytest.raises(ValidationError) as exc:
            Action.from_dict(data)
        assert exc.value.field == "due"
        assert "missing" in str(exc.value)

    def test_from_dict_refuses_a_bad_date(self, timeline: Timeline) -> None:
        data = timeline["rejection-reply"].to_dict()
        data["due"] = "next tuesday"
        with pytest.raises(ValidationError) as exc:
            Action.from_dict(data)
        assert exc.value.field == "due"
        assert exc.value.value == "next tuesday"


class TestTimeline:
    def test_sorted_by_due_then_id(self, timeline: Timeline) -> None:
        assert timeline.ids == (
            "thank-you.jane-doe",
            "rejection-reply",
            "linkedin-connect.jane-doe",
            "network",
            "status-check.1",
            "status-check.2",
            "explore-openings",
            "keep-in-touch",
        )
        # network and status-check.1: network is 09:00, the status check 10:00 on Tue 1 Dec.
        assert timeline["network"].due == datetime(2026, 12, 1, 9, tzinfo=NEW_YORK)
        assert timeline["status-check.1"].due == datetime(2026, 12, 1, 10, tzinfo=NEW_YORK)

    def test_ties_sort_by_id(self, timeline: Timeline) -> None:
        due = datetime(2026, 12, 1, 9, tzinfo=NEW_YORK)
        actions = [
            Action(id=i, step=i, channel="task", title=i, due=due, timezone="America/New_York") for i in ("b", "a", "c")
        ]
        assert Timeline(actions=actions, now=timeline.now).ids == ("a", "b", "c")

    def test_index_and_lookup(self, timeline: Timeline) -> None:
        assert timeline[0].id == "thank-you.jane-doe"
        assert timeline[-1].id == "keep-in-touch"
        assert timeline["network"].title == "Reach out to people in Data Engineer roles at other companies"
        with pytest.raises(KeyError):
            timeline["nope"]
        assert len(timeline) == 8

    def test_statuses(self, timeline: Timeline) -> None:
        assert {a.id: a.status for a in timeline} == {
            "thank-you.jane-doe": Status.OVERDUE,
            "rejection-reply": Status.UPCOMING,
            "linkedin-connect.jane-doe": Status.UPCOMING,
            "network": Status.UPCOMING,
            "status-check.1": Status.CANCELLED,
            "status-check.2": Status.CANCELLED,
            "explore-openings": Status.UPCOMING,
            "keep-in-touch": Status.UPCOMING,
        }

    def test_filter_by_status(self, timeline: Timeline) -> None:
        assert timeline.filter(status="cancelled").ids == ("status-check.1", "status-check.2")
        assert timeline.filter(status=Status.OVERDUE).ids == ("thank-you.jane-doe",)
        assert timeline.filter(status=["overdue", "cancelled"]).ids == (
            "thank-you.jane-doe", "status-check.1", "status-check.2"
        )
        assert timeline.filter(status="done").ids == ()

    def test_filter_by_channel(self, timeline: Timeline) -> None:
        assert timeline.filter(channel="task").ids == ("network", "explore-openings")
        assert timeline.filter(channel="linkedin-note").ids == ("linkedin-connect.jane-doe",)
        assert len(timeline.filter(channel=["email", "linkedin-note"])) == 6

    def test_filter_by_step(self, timeline: Timeline) -> None:
        assert timeline.filter(step="status-check").ids == ("status-check.1", "status-check.2")
        assert timeline.filter(step=["network", "rejection-reply"]).ids == ("rejection-reply", "network")

    def test_filter_by_dates(self, timeline: Timeline) -> None:
        assert timeline.filter(start=date(2026, 12, 1), end=date(2026, 12, 31)).ids == (
            "network", "status-check.1", "status-check.2", "explore-openings"
        )
        # end is inclusive of that whole day; start at a datetime is exact.
        assert timeline.filter(end=date(2026, 11, 25)).ids == ("thank-you.jane-doe", "rejection-reply")
        assert timeline.filter(start=datetime(2026, 12, 1, 9, 30, tzinfo=NEW_YORK), end=date(2026, 12, 1)).ids == (
            "status-check.1",
        )
        # A recurring action matches when any occurrence is in range (keep-in-touch's second is in May).
        assert "keep-in-touch" in timeline.filter(start=date(2027, 5, 1), end=date(2027, 5, 31)).ids

    def test_filter_combines_and_keeps_now(self, timeline: Timeline) -> None:
        kept = timeline.filter(status="upcoming", channel="email", start=date(2026, 11, 26))
        assert kept.ids == ("keep-in-touch",)
        assert kept.now == timeline.now
        assert kept.interview == timeline.interview

    def test_round_trip_through_dict(self, timeline: Timeline) -> None:
        data = timeline.to_dict()
        assert data["now"] == "2026-11-25T08:00:00-05:00"
        assert data["interview"] == "acme-corp.data-engineer.20261120T1900Z"
        again = Timeline.from_dict(data)
        assert again.to_dict() == data
        assert again.ids == timeline.ids
        assert [a.due for a in again] == [a.due for a in timeline]
        assert [a.status for a in again] == [a.status for a in timeline]
        assert [a.reason for a in again] == [a.reason for a in timeline]

    def test_round_trip_through_json(self, timeline: Timeline) -> None:
        text = json.dumps(timeline.to_dict(), sort_keys=True)
        again = Timeline.from_dict(json.loads(text))
        assert json.dumps(again.to_dict(), sort_keys=True) == text

    def test_from_dict_needs_now(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Timeline.from_dict({"actions": []})
        assert exc.value.field == "now"

    def test_naive_now_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Timeline(now=datetime(2026, 11, 25))  # noqa: DTZ001
        assert exc.value.field == "now"

    def test_pickles(self, timeline: Timeline) -> None:
        assert pickle.loads(pickle.dumps(timeline)) == timeline


class TestTimelineProperties:
    @PROPERTY
    @given(data=st.data(), holidays=holiday_calendars)
    def test_round_trips_through_json(self, data: st.DataObject, holidays: HolidayCalendar) -> None:
        interview = data.draw(interviews(min_interviewers=1))
        plan = presets.after_interview()
        tl = plan.schedule(
            interview,
            outcome=data.draw(outcomes(interview)),
            history=data.draw(histories(interview, plan.ids)),
            now=data.draw(aware_datetimes()),
            holidays=holidays,
        )
        d = tl.to_dict()
        again = Timeline.from_dict(json.loads(json.dumps(d)))
        assert again.to_dict() == d
        assert again.ids == tl.ids
        # Compared in UTC: an aware datetime in a repeated hour never equals one in another zone
        # (PEP 495), though both are the same instant.
        assert again.now.astimezone(UTC) == tl.now.astimezone(UTC)
        for a, b in zip(tl, again, strict=True):
            assert (b.id, b.step, b.channel, b.status, b.reason, b.timezone) == (
                a.id, a.step, a.channel, a.status, a.reason, a.timezone
            )
            # Compared as instants: an ambiguous local time never equals one in another tzinfo (PEP 495).
            assert _utc(b.due) == _utc(a.due)
            assert b.anchor is not None
            assert a.anchor is not None
            assert _utc(b.anchor) == _utc(a.anchor)
            assert [_utc(o) for o in b.occurrences] == [_utc(o) for o in a.occurrences]
            assert b.due.utcoffset() == a.due.utcoffset()
            assert b.window == a.window
            assert b.stop_on == a.stop_on

    @PROPERTY
    @given(
        data=st.data(),
        start=st.dates(min_value=date(2026, 1, 1), max_value=date(2029, 12, 31)),
        days=st.integers(min_value=0, max_value=120),
    )
    def test_filter_by_dates_keeps_exactly_the_actions_in_range(
        self, data: st.DataObject, start: date, days: int
    ) -> None:
        interview = data.draw(interviews(min_interviewers=1))
        tl = presets.after_interview().schedule(
            interview, outcome=data.draw(outcomes(interview)), now=data.draw(aware_datetimes())
        )
        end = start + timedelta(days=days)
        kept = tl.filter(start=start, end=end)
        for a in tl:
            local = [o.astimezone(a.due.tzinfo).date() for o in a.occurrences]
            assert (a.id in kept.ids) == any(start <= d <= end for d in local), (a.id, local, start, end)


class TestSendWindowRoundTrip:
    def test_custom_window_survives(self, interview: Interview, now: datetime) -> None:
        w = SendWindow(days=[0, 2, 4], start=time(10, 30), end=time(15))
        tl = presets.after_interview(window=w).schedule(interview, now=now)
        again = Timeline.from_dict(tl.to_dict())
        assert {a.window for a in again} == {w}
        assert tl.to_dict()["actions"][0]["window"] == {"days": ["mon", "wed", "fri"], "start": "10:30", "end": "15:00"}


class TestDiff:
    """Timeline.diff: what an app shows as "new since your last sync"."""

    def test_the_clock_alone_changes_nothing(self, interview: Interview) -> None:
        plan = presets.after_interview()
        before = plan.schedule(interview, now=datetime(2026, 11, 20, 15, tzinfo=NEW_YORK))
        after = plan.schedule(interview, now=datetime(2026, 12, 20, 15, tzinfo=NEW_YORK))
        assert {a.status for a in before} != {a.status for a in after}
        changes = after.diff(before)
        assert not changes
        assert changes.unchanged == len(after)

    def test_done_snoozed_cancelled_and_added(self, interview: Interview) -> None:
        plan = presets.after_interview()
        now = datetime(2026, 11, 21, 9, tzinfo=NEW_YORK)
        before = plan.schedule(interview, now=now)
        after = plan.schedule(
            interview,
            now=now,
            outcome=Outcome.rejected(at=date(2026, 11, 24)),
            history=[
                StepDone(step="thank-you", at=datetime(2026, 11, 20, 18, tzinfo=NEW_YORK)),
            ],
        )
        changes = after.diff(before)
        changed = {c.after.id: c.fields for c in changes.changed}
        assert changed["thank-you.jane-doe"] == ("status", "reason")
        assert {a.id for a in changes.cancelled} == {"status-check.1", "status-check.2"}
        assert all(a.status is Status.CANCELLED for a in changes.cancelled)  # why: in the reason
        assert {a.step for a in changes.added} >= {"rejection-reply", "keep-in-touch"}
        snoozed = plan.schedule(
            interview, now=now, history=[Snoozed(step="status-check.1", until=date(2026, 12, 10))]
        )
        moved = {c.after.id: c.fields for c in snoozed.diff(before).changed}
        # The second check is timed after the first: it moves with it.
        # remind_at (where the calendar event stands) moves with the send time.
        assert moved == {
            "status-check.1": ("due", "reason", "remind_at"),
            "status-check.2": ("due", "reason", "anchor", "remind_at"),
        }

    def test_actions_are_keyed_by_interview_and_id(self, interview: Interview) -> None:
        plan = presets.after_interview()
        now = datetime(2026, 11, 21, 9, tzinfo=NEW_YORK)
        before = plan.schedule(interview, now=now)
        moved = plan.schedule(attrs.evolve(interview, company="Globex"), now=now)
        changes = moved.diff(before)
        assert len(changes.added) == len(changes.cancelled) == len(before)
