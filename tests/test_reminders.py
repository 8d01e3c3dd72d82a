"""Reminder time versus send time (issue 14): the calendar reminds the candidate in their own
hours, on or before the time the message should go out in the recipient's zone."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import aware_datetimes, interviews, outcomes

from followup import Candidate, Contact, Interview, Outcome, SendWindow, Timeline, presets
from followup.ical import to_ical_bytes
from followup.timing import WAKING_HOURS, reminder_time

BERLIN = ZoneInfo("Europe/Berlin")
LA = ZoneInfo("America/Los_Angeles")
SYDNEY = ZoneInfo("Australia/Sydney")


class TestReminderTime:
    @pytest.mark.parametrize(
        ("send", "remind"),
        [
            # 10:00 in Los Angeles is 19:00 in Berlin: inside the hours, unchanged.
            (datetime(2026, 11, 17, 10, tzinfo=LA), datetime(2026, 11, 17, 19, tzinfo=BERLIN)),
            # 17:00 in Los Angeles is 02:00 the next day in Berlin: the evening before, 21:00.
            (datetime(2026, 11, 17, 17, tzinfo=LA), datetime(2026, 11, 17, 21, tzinfo=BERLIN)),
            # 13:00 in Los Angeles is 22:00 in Berlin: 21:00 the same evening.
            (datetime(2026, 11, 17, 13, tzinfo=LA), datetime(2026, 11, 17, 21, tzinfo=BERLIN)),
            # Exactly at the window's edges.
            (datetime(2026, 11, 17, 21, tzinfo=BERLIN), datetime(2026, 11, 17, 21, tzinfo=BERLIN)),
            (datetime(2026, 11, 17, 8, tzinfo=BERLIN), datetime(2026, 11, 17, 8, tzinfo=BERLIN)),
            (datetime(2026, 11, 17, 7, 59, tzinfo=BERLIN), datetime(2026, 11, 16, 21, tzinfo=BERLIN)),
            # Across the night clocks go back in Berlin (25 Oct 2026).
            (datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN), datetime(2026, 10, 24, 21, tzinfo=BERLIN)),
        ],
    )
    def test_latest_moment_in_the_candidates_hours(self, send: datetime, remind: datetime) -> None:
        got = reminder_time(send, BERLIN, WAKING_HOURS)
        assert got == remind
        assert got <= send

    def test_a_window_of_some_days_only(self) -> None:
        weekdays = SendWindow(start=time(8), end=time(20))  # Mon–Fri
        send = datetime(2026, 11, 23, 3, tzinfo=BERLIN)  # Mon 03:00
        assert reminder_time(send, BERLIN, weekdays) == datetime(2026, 11, 20, 20, tzinfo=BERLIN)  # Fri


def _interview(candidate_zone: str, start: datetime, people: list[Contact] | None = None) -> Interview:
    return Interview(
        company="Sunset Robotics Inc.",
        role="Controls Engineer",
        start=start,
        candidate=Candidate(name="Jonas Weber", timezone=candidate_zone),
        interviewers=people or [Contact(name="Maria Gonzalez", email="maria@sunset.example")],
        careers_url="https://sunset.example/careers",
    )


class TestThroughThePlan:
    def test_berlin_candidate_afternoon_send_in_los_angeles(self) -> None:
        iv = _interview("Europe/Berlin", datetime(2026, 11, 17, 13, tzinfo=LA))
        tl = presets.after_interview().schedule(iv, now=datetime(2026, 11, 16, tzinfo=BERLIN))
        thanks = tl["thank-you.maria-gonzalez"]
        assert thanks.due == datetime(2026, 11, 17, 17, tzinfo=LA)  # the send time stays
        assert thanks.remind_at == datetime(2026, 11, 17, 21, tzinfo=BERLIN)
        assert thanks.reminder == thanks.remind_at
        assert thanks.reason.endswith(
            "the reminder is at Tue 17 Nov 21:00 in Europe/Berlin, within your hours "
            "(08:00–21:00 daily): schedule it to send at Tue 17 Nov 17:00 Los Angeles time"
        )
        data = to_ical_bytes(tl).decode()
        event = data.split("SUMMARY:Thank Maria Gonzalez", 1)[1].split("END:VEVENT", 1)[0]
        assert "DTSTART;TZID=America/Los_Angeles:20261117T120000" in event  # 21:00 in Berlin
        assert "When to send: Send it at 17:00 on Tue 17 Nov Los Angeles time" in event.replace("\r\n ", "")

    def test_inside_the_hours_the_reminder_is_the_send_time(self) -> None:
        iv = _interview("Europe/Berlin", datetime(2026, 11, 17, 9, tzinfo=BERLIN))
        tl = presets.after_interview().schedule(iv, now=datetime(2026, 11, 16, tzinfo=BERLIN))
        thanks = tl["thank-you.maria-gonzalez"]
        assert thanks.remind_at == thanks.due
        assert "reminder" not in thanks.reason

    def test_tasks_have_no_separate_reminder(self) -> None:
        iv = _interview("Australia/Sydney", datetime(2026, 11, 17, 13, tzinfo=LA))
        tl = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 11, 24)), now=datetime(2026, 11, 16, tzinfo=LA)
        )
        for a in tl:
            if a.channel == "task":
                assert a.remind_at is None
                assert a.reminder == a.due

    def test_a_series_moves_with_its_first_reminder(self) -> None:
        iv = _interview("Australia/Sydney", datetime(2026, 11, 17, 13, tzinfo=LA))
        tl = presets.after_rejection().schedule(
            iv, outcome=Outcome.rejected(at=date(2026, 11, 24)), now=datetime(2026, 11, 16, tzinfo=LA)
        )
        keep = tl["keep-in-touch"]
        assert keep.recurrence is not None
        assert keep.remind_at is not None
        local = keep.remind_at.astimezone(SYDNEY)
        assert time(8) <= local.time() <= time(21)
        assert keep.remind_at <= keep.due

    def test_the_json_keeps_it(self) -> None:
        iv = _interview("Europe/Berlin", datetime(2026, 11, 17, 13, tzinfo=LA))
        tl = presets.after_interview().schedule(iv, now=datetime(2026, 11, 16, tzinfo=BERLIN))
        data = tl.to_dict()
        thanks = next(a for a in data["actions"] if a["id"] == "thank-you.maria-gonzalez")
        assert thanks["remind_at"] == "2026-11-17T21:00:00+01:00"
        assert Timeline.from_dict(data) == tl

    def test_the_candidates_own_hours(self) -> None:
        iv = _interview("Europe/Berlin", datetime(2026, 11, 17, 13, tzinfo=LA))
        late = Candidate(
            name="Jonas Weber",
            timezone="Europe/Berlin",
            reminder_window=SendWindow(days=range(7), start=time(7), end=time(23, 30)),
        )
        import attrs

        tl = presets.after_interview().schedule(
            attrs.evolve(iv, candidate=late), now=datetime(2026, 11, 16, tzinfo=BERLIN)
        )
        assert tl["thank-you.maria-gonzalez"].remind_at == datetime(2026, 11, 17, 23, 30, tzinfo=BERLIN)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_message_is_reminded_in_the_candidates_hours_before_it_is_due(data: st.DataObject) -> None:
    iv = data.draw(interviews(min_interviewers=1))
    outcome = data.draw(outcomes(iv))
    now = data.draw(aware_datetimes())
    tl = presets.after_interview().schedule(iv, outcome=outcome, now=now)
    tz = ZoneInfo(iv.zone_of(iv.candidate))
    window = iv.candidate.reminder_window
    for a in tl:
        if a.message is None:
            continue
        assert a.remind_at is not None, a.id
        assert a.remind_at <= a.due, a.id
        local = a.remind_at.astimezone(tz)
        assert window.start <= local.time() <= window.end, (a.id, local)
