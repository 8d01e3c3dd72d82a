"""One converter: every public value to JSON-safe data and back to an equal value, one spelling each."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import histories, interviews, outcomes

import followup
from followup import (
    BusinessDays,
    Candidate,
    Case,
    Contact,
    FeedbackRequest,
    HistoryRecord,
    HolidayCalendar,
    Interview,
    KeepInTouch,
    LinkedInConnect,
    Outcome,
    OutcomeChanged,
    OutOfOffice,
    Plan,
    RejectionReply,
    ReplyReceived,
    SendWindow,
    Snoozed,
    StatusCheck,
    StepDone,
    StepSkipped,
    ThankYou,
    Timeline,
    ValidationError,
    from_dict,
    presets,
    to_dict,
)
from followup.codec import VERSION

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 9, tzinfo=NY)


def _json(data: Any) -> Any:
    return json.loads(json.dumps(data))


def _nulls(data: Any) -> list[str]:
    """Paths of every None in the data (there must be none)."""
    if data is None:
        return ["."]
    if isinstance(data, dict):
        return [f"{k}/{p}" for k, v in data.items() for p in _nulls(v)]
    if isinstance(data, list):
        return [f"[{i}]/{p}" for i, v in enumerate(data) for p in _nulls(v)]
    assert isinstance(data, str | int | float | bool), f"{type(data).__name__} is not JSON data"
    return []


def _round_trip(value: Any, cls: type | None = None) -> None:
    data = to_dict(value)
    assert _nulls(data) == []
    assert from_dict(_json(data), cls or type(value)) == value


@pytest.fixture
def jane() -> Contact:
    return Contact(
        name="Jane Doe",
        email="jane@acme.example",
        linkedin="https://www.linkedin.com/in/janedoe",
        title="Engineering Manager",
        timezone="Europe/London",
        topics=["the data platform migration"],
    )


@pytest.fixture
def interview(jane: Contact) -> Interview:
    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 20, 14, tzinfo=NY),
        duration=timedelta(minutes=45),
        candidate=Candidate(
            name="Sam Rivera", email="sam@example.com", signature="Sam\n+1 555 0100"
        ),
        interviewers=[jane, Contact(name="Omar Haddad")],
        recruiter=Contact(name="Alex Kim", email="alex@acme.example"),
        stage="final round",
        topics=["streaming"],
        decision_expected=date(2026, 11, 27),
        careers_url="https://acme.example/careers",
    )


@pytest.fixture
def plan() -> Plan:
    """Built in code: branches, no preset, non-default parameters of every type."""
    return Plan.branch(
        pending=Plan.of(
            ThankYou(after=timedelta(hours=2), within=None),
            StatusCheck(attempts=1, after_decision=BusinessDays(3), at=time(11, 30)),
        ),
        rejected=Plan.of(
            RejectionReply(ask_feedback=False, at=None),
            FeedbackRequest(after=relativedelta(weeks=1)),
            LinkedInConnect(
                note_limit=300, window=SendWindow(days={0, 2}, start=time(8), end=time(12))
            ),
            KeepInTouch(
                every=relativedelta(months=2),
                count=None,
                until=date(2028, 1, 31),
                channel="linkedin-message",
            ),
        ),
        tone="formal",
        name="mine",
    )


@pytest.fixture
def case(interview: Interview, plan: Plan, jane: Contact) -> Case:
    return Case(
        interview=interview,
        plan=plan,
        outcome=Outcome.rejected(at=datetime(2026, 11, 24, 16, 10, tzinfo=NY), contact=jane),
        history=[
            StepDone(
                step="thank-you", at=datetime(2026, 11, 20, 18, 30, tzinfo=NY), contact="Jane Doe"
            ),
            StepSkipped(step="status-check", at=date(2026, 11, 21)),
            ReplyReceived(at=date(2026, 11, 23), contact="alex@acme.example"),
            OutOfOffice(until=date(2026, 12, 4), contact="Jane Doe", at=date(2026, 11, 26)),
            Snoozed(step="keep-in-touch", until=date(2027, 3, 1)),
            OutcomeChanged(outcome=Outcome.offer(at=date(2026, 11, 30))),
        ],
        holidays=HolidayCalendar(country="US", dates={date(2026, 12, 24)}),
    )


class TestRoundTrips:
    def test_every_public_value(self, case: Case) -> None:
        values: list[Any] = [
            case,
            case.interview,
            case.interview.candidate,
            case.interview.interviewers[0],
            case.outcome,
            Outcome.pending(),
            case.plan,
            *case.history,
            *case.plan.steps,
            case.holidays,
        ]
        for value in values:
            _round_trip(value)
        timeline = case.schedule(now=NOW)
        _round_trip(timeline)
        for action in timeline:
            _round_trip(action)

    def test_any_record_reads_back_as_a_history_record(self, case: Case) -> None:
        for record in case.history:
            assert from_dict(_json(to_dict(record)), HistoryRecord) == record  # type: ignore[arg-type]

    def test_a_case_carries_its_version(self, case: Case) -> None:
        data = to_dict(case)
        assert data["version"] == VERSION
        assert list(data)[:3] == ["version", "candidate", "interview"]
        with pytest.raises(ValidationError) as info:
            from_dict({**data, "version": VERSION + 1}, Case)
        assert info.value.field == "version"

    def test_a_preset_plan_and_a_plugin_free_case_are_equal_after_the_trip(
        self, interview: Interview
    ) -> None:
        case = Case(interview=interview)
        assert from_dict(_json(to_dict(case)), Case) == case
        assert from_dict(_json(to_dict(case)), Case).plan == presets.after_interview()

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_random_cases(self, data: st.DataObject) -> None:
        iv = data.draw(interviews(min_interviewers=1))
        plan = presets.after_interview()
        case = Case(
            interview=iv,
            plan=plan,
            outcome=data.draw(outcomes(iv)),
            history=data.draw(histories(iv, plan.ids)),  # type: ignore[arg-type]
        )
        text = json.dumps(to_dict(case))
        assert "null" not in text
        assert from_dict(json.loads(text), Case) == case


class TestMomentsTheZoneRepeats:
    def test_an_outcome_at_a_repeated_wall_time_round_trips_equal(self) -> None:
        # Found by Hypothesis: 02:00 UTC on 5 April 2026 is 23:00 on the 4th in Santiago, an
        # hour the clocks repeat that night. Read back from "+00:00" and put in the
        # interview's zone, it was the same instant, but Python never counts a repeated wall
        # time equal to another zone's: the case no longer equalled the one written.
        santiago = ZoneInfo("America/Santiago")
        iv = Interview(
            company="Acme Corp",
            role="Data Engineer",
            start=datetime(2026, 4, 4, 21, 30, tzinfo=santiago),
            candidate=Candidate(name="Sam Rivera", email="sam@example.com"),
            interviewers=[Contact(name="Jane Doe")],
        )
        at = datetime(2026, 4, 5, 2, tzinfo=ZoneInfo("UTC"))
        case = Case(interview=iv, outcome=Outcome.rejected(at=at))
        back = from_dict(_json(to_dict(case)), Case)
        assert back == case
        assert back.outcome.at == at
        assert back.outcome.at.utcoffset() == timedelta(0)
        # An unambiguous moment is still put in the interview's zone.
        later = from_dict(_json(to_dict(attrs.evolve(case, outcome=Outcome.rejected(at=at + timedelta(days=1))))), Case)
        assert later.outcome.at.tzinfo == santiago


class TestOneSpelling:
    """The same value is written the same way wherever it appears."""

    def test_windows_durations_times_and_moments(self, case: Case) -> None:
        window = SendWindow(days={0, 2}, start=time(8), end=time(12))
        expected_window = {"days": ["mon", "wed"], "start": "08:00", "end": "12:00"}
        assert to_dict(window) == expected_window
        step = case.plan.get("linkedin-connect")
        assert to_dict(step)["window"] == expected_window
        timeline = case.schedule(now=NOW)
        assert timeline.to_dict()["actions"][0]["window"] == to_dict(timeline[0].window)
        assert to_dict(case)["plan"]["steps"][4]["window"] == expected_window
        assert to_dict(BusinessDays(3)) == "3 business days"
        assert to_dict(relativedelta(months=2)) == "2 months"
        assert to_dict(timedelta(minutes=45)) == "45 minutes"
        assert to_dict(case.interview)["duration"] == "45 minutes"
        assert to_dict(time(9, 5)) == "09:05"
        assert to_dict(case.interview)["start"] == "2026-11-20T14:00:00-05:00"

    def test_a_step_reads_its_spellings_back(self) -> None:
        step = from_dict({"every": "2 months", "count": 6, "at": "09:30"}, KeepInTouch)
        assert step == KeepInTouch(every=relativedelta(months=2), count=6, at=time(9, 30))

    def test_history_records_carry_their_event(self, case: Case) -> None:
        assert [to_dict(r)["event"] for r in case.history] == [
            "done",
            "skipped",
            "reply",
            "out-of-office",
            "snoozed",
            "outcome",
        ]
        assert to_dict(case.history[-1]) == {
            "event": "outcome",
            "status": "offer",
            "at": "2026-11-30",
        }

    def test_a_derived_key_is_left_out_and_a_given_one_kept(self, interview: Interview) -> None:
        assert "key" not in to_dict(interview)
        given = attrs.evolve(interview, key="acme-1")
        assert to_dict(given)["key"] == "acme-1"
        assert from_dict(to_dict(given), Interview).derived == frozenset({"timezone"})


class TestBadData:
    @pytest.mark.parametrize(
        ("change", "field", "words"),
        [
            (
                lambda d: d["interview"]["interviewers"][1].update(timezone="Mars/Olympus"),
                "interview.interviewers[1].timezone",
                "IANA",
            ),
            (
                lambda d: d["interview"]["interviewers"][0].update(emial="x"),
                "interview.interviewers[0].emial",
                "did you mean 'email'?",
            ),
            (lambda d: d["interview"].pop("company"), "interview.company", "missing"),
            (
                lambda d: d["interview"].update(start="2026-11-20T14:00:00"),
                "interview.start",
                "UTC offset",
            ),
            (
                lambda d: d["plan"]["steps"][5].update(every="10 days"),
                "plan.steps[5].every",
                "weeks or months",
            ),
            (
                lambda d: d["plan"]["steps"][4]["window"]["days"].append("funday"),
                "plan.steps[4].window.days[2]",
                "weekday",
            ),
            (
                lambda d: d["plan"]["steps"][0].update(kind="thank-yuo"),
                "plan.steps[0].kind",
                "did you mean 'thank-you'?",
            ),
            (lambda d: d["history"][2].update(at="yesterday"), "history[2].at", "a date"),
            (
                lambda d: d["history"][0].update(event="don"),
                "history[0].event",
                "did you mean 'done'?",
            ),
            (lambda d: d["outcome"].update(status="maybe"), "outcome.status", "'rejected'"),
            (lambda d: d.update(notes="x"), "notes", "a key of a case"),
        ],
    )
    def test_errors_name_the_path(self, case: Case, change: Any, field: str, words: str) -> None:
        data = _json(to_dict(case))
        change(data)
        with pytest.raises(ValidationError) as info:
            from_dict(data, Case)
        assert info.value.field == field, str(info.value)
        assert words in str(info.value)

    def test_timeline_from_bad_data_is_a_validation_error(self, case: Case) -> None:
        data = _json(case.schedule(now=NOW).to_dict())
        data["actions"][1]["due"] = "soon"
        with pytest.raises(ValidationError) as info:
            Timeline.from_dict(data)
        assert info.value.field == "actions[1].due"
        with pytest.raises(ValidationError):
            Timeline.from_dict({"now": 3})
        with pytest.raises(ValidationError):
            Timeline.from_dict("timeline")  # type: ignore[arg-type]

    def test_wrong_types_are_refused_not_coerced(self) -> None:
        with pytest.raises(ValidationError):
            from_dict({"name": 5}, Contact)
        with pytest.raises(ValidationError):
            from_dict({"every": "2 months", "count": True}, KeepInTouch)
        with pytest.raises(ValidationError):
            from_dict({"name": "Jane", "topics": "one"}, Contact)


class TestLightImport:
    def test_import_followup_does_not_load_cattrs(self) -> None:
        import subprocess
        import sys

        out = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, followup; followup.Interview; print('cattrs' in sys.modules)",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert out == "False"

    def test_exported(self) -> None:
        assert {"to_dict", "from_dict", "Case", "NotFoundError"} <= set(followup.__all__)
