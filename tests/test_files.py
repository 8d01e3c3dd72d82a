"""Tests for followup.files: reading interview files strictly, and appending history."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import attrs
import pytest

from followup import files
from followup.errors import InputFileError, ValidationError
from followup.files import EXAMPLE, InterviewFile, append_history, append_history_text, load, loads
from followup.model import (
    OutcomeChanged,
    OutcomeStatus,
    OutOfOffice,
    ReplyReceived,
    Snoozed,
    Status,
    StepDone,
    StepSkipped,
)
from followup.presets import after_rejection

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
BERLIN = ZoneInfo("Europe/Berlin")

BASE = """\
[candidate]
name = "Sam Rivera"
email = "sam@example.com"

[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00
timezone = "America/New_York"
duration = "45m"
decision_expected = 2026-11-27

[[interview.interviewers]]
name = "Jane Doe"
email = "jane@acme.example"

[[interview.interviewers]]
name = "Omar Haddad"
email = "omar@acme.example"

[outcome]
status = "rejected"
date = 2026-11-24

[plan]
preset = "after-interview"
tone = "warm"

[[history]]
step = "thank-you"
done = 2026-11-20T18:30:00
"""

KNOWN_STEPS = "thank-you, status-check, rejection-reply, linkedin-connect, keep-in-touch, explore-openings, network"


def line_of(text: str, marker: str) -> int:
    """The 1-based number of the only line containing ``marker``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(hits) == 1, (marker, hits)
    return hits[0]


def edit(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


class TestExamples:
    def test_every_example_file_loads(self) -> None:
        paths = sorted(EXAMPLES.glob("*.toml"))
        assert {p.name for p in paths} >= {
            "pending.toml",
            "final-round-rejected.toml",
            "recruiter-rejected.toml",
        }
        for path in paths:
            assert isinstance(load(path), InterviewFile)

    def test_pending(self) -> None:
        f = load(EXAMPLES / "pending.toml")
        assert f.path == str(EXAMPLES / "pending.toml")
        assert f.outcome.status is OutcomeStatus.PENDING
        assert f.interview.decision_expected == date(2026, 3, 10)
        assert f.interview.interviewers[0].topics == (
            "design systems for data-heavy screens",
            "how research feeds the roadmap",
        )
        assert f.interview.recruiter is not None
        timeline = f.schedule(now=datetime(2026, 3, 3, 12, tzinfo=NY))
        assert timeline.ids == ("thank-you.daniel-okafor", "status-check.1", "status-check.2")
        thanks = timeline["thank-you.daniel-okafor"]
        # The interview ended at 11:30; the note is due three hours later.
        assert thanks.due == datetime(2026, 3, 3, 14, 30, tzinfo=NY)
        check = timeline["status-check.1"]
        # Two business days after Tue 10 March (clocks went forward on the 8th).
        assert check.due == datetime(2026, 3, 12, 10, tzinfo=NY)
        assert check.due.utcoffset() == timedelta(hours=-4)
        assert check.recipient is not None
        assert check.recipient.name == "Lena Fischer"
        assert timeline["status-check.2"].due == datetime(2026, 3, 19, 10, tzinfo=NY)

    def test_final_round_rejected(self) -> None:
        f = load(EXAMPLES / "final-round-rejected.toml")
        people = f.interview.interviewers
        assert [p.timezone for p in people] == [None, "Europe/London", "Europe/London"]
        assert all(p.topics for p in people)
        assert f.interview.careers_url == "https://acme.example/careers"
        assert f.outcome.contact is people[0]
        assert f.outcome.at == datetime(2026, 11, 24, 16, 10, tzinfo=NY)
        assert f.history == (
            StepDone(step="thank-you", at=datetime(2026, 11, 18, 18, 30, tzinfo=NY)),
        )
        assert f.holidays is not None
        assert f.holidays.country == "US"
        timeline = f.schedule(now=datetime(2026, 11, 25, 8, tzinfo=NY))
        assert len(timeline) == 12
        assert set(timeline.ids) == {
            "thank-you.jane-doe",
            "thank-you.oliver-bennett",
            "thank-you.amara-nwosu",
            "status-check.1",
            "status-check.2",
            "rejection-reply",
            "linkedin-connect.jane-doe",
            "linkedin-connect.oliver-bennett",
            "linkedin-connect.amara-nwosu",
            "network",
            "explore-openings",
            "keep-in-touch",
        }
        assert {a.status for a in timeline if a.step == "thank-you"} == {Status.DONE}
        assert {a.status for a in timeline if a.step == "status-check"} == {Status.CANCELLED}
        reply = timeline["rejection-reply"]
        assert reply.due == datetime(2026, 11, 25, 10, tzinfo=NY)
        assert reply.recipient is not None
        assert reply.recipient.name == "Jane Doe"
        assert reply.message is not None
        assert reply.message.tone == "warm"
        # Jane (New York) skips Thanksgiving (Thu 26 Nov) and the weekend: Mon 30 Nov. Oliver works
        # in London, which keeps UK holidays, not Thanksgiving: Fri 27 Nov.
        assert timeline["linkedin-connect.jane-doe"].due.date() == date(2026, 11, 30)
        connect = timeline["linkedin-connect.oliver-bennett"]
        assert connect.due.astimezone(LONDON).date() == date(2026, 11, 27)
        assert connect.timezone == "Europe/London"
        assert connect.reason.endswith("; holidays of the United Kingdom (GB, from Europe/London)")

    def test_recruiter_rejected(self) -> None:
        f = load(EXAMPLES / "recruiter-rejected.toml")
        assert f.tone == "formal"
        assert all(p.email is None for p in f.interview.interviewers)
        recruiter = f.interview.recruiter
        assert recruiter is not None
        assert f.outcome.contact is recruiter
        assert f.plan.get("linkedin-connect").note_limit == 300  # type: ignore[attr-defined]
        assert f.holidays is not None
        assert date(2026, 12, 24) in f.holidays
        timeline = f.schedule(now=datetime(2026, 6, 16, 9, tzinfo=BERLIN))
        assert timeline.ids == (
            "rejection-reply",
            "linkedin-connect.katrin-hoffmann",
            "linkedin-connect.mehmet-yilmaz",
            "network",
            "explore-openings",
            "keep-in-touch",
        )
        reply = timeline["rejection-reply"]
        assert reply.due == datetime(2026, 6, 16, 10, tzinfo=BERLIN)
        assert reply.recipient is recruiter
        assert reply.message is not None
        assert reply.message.tone == "formal"
        connects = [a for a in timeline if a.step == "linkedin-connect"]
        assert {a.channel for a in connects} == {"linkedin-note"}
        assert all(a.message is not None and len(a.message.body) <= 300 for a in connects)
        keep = timeline["keep-in-touch"]
        assert keep.recurrence is not None
        assert keep.recurrence.description == "every 4 months, 3 times"
        assert len(keep.recurrence.occurrences) == 3

    def test_tone_can_be_overridden_when_scheduling(self) -> None:
        f = load(EXAMPLES / "recruiter-rejected.toml")
        timeline = f.schedule(now=datetime(2026, 6, 16, 9, tzinfo=BERLIN), tone="brief")
        message = timeline["rejection-reply"].message
        assert message is not None
        assert message.tone == "brief"


class TestExample:
    def test_example_loads_and_schedules(self) -> None:
        f = loads(EXAMPLE)
        assert f.interview.company == "Acme Corp"
        assert len(f.interview.interviewers) == 2
        assert f.outcome.status is OutcomeStatus.PENDING
        timeline = f.schedule(now=datetime(2026, 11, 21, tzinfo=UTC))
        assert [a.step for a in timeline] == [
            "thank-you",
            "thank-you",
            "status-check",
            "status-check",
        ]

    def test_example_explains_every_section(self) -> None:
        for header in (
            "[candidate]",
            "[interview]",
            "[[interview.interviewers]]",
            "[interview.recruiter]",
        ):
            assert header in EXAMPLE
        for header in ("[outcome]", "[plan]", "# [[history]]"):
            assert header in EXAMPLE
        assert EXAMPLE.count("#") > 40

    def test_commented_history_examples_are_valid(self) -> None:
        # Uncomment the history examples (and the rejection they assume): still a valid file.
        lines = EXAMPLE.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("# [[history]]"))
        history = [line.removeprefix("# ").removeprefix("#") for line in lines[start:]]
        f = loads("\n".join([*lines[:start], *history]) + "\n")
        kinds = [type(r) for r in f.history]
        assert kinds == [StepDone, ReplyReceived, OutOfOffice, Snoozed, StepSkipped, OutcomeChanged]

    def test_public_names(self) -> None:
        assert files.__all__ == sorted(files.__all__)
        namespace: dict[str, Any] = {}
        exec("from followup.files import *", namespace)
        assert {k for k in namespace if not k.startswith("__")} == set(files.__all__)


class TestReading:
    def test_base_file(self) -> None:
        f = loads(BASE, path="acme.toml")
        assert f.path == "acme.toml"
        i = f.interview
        assert i.start == datetime(2026, 11, 20, 14, tzinfo=NY)
        assert i.duration == timedelta(minutes=45)
        assert i.candidate.name == "Sam Rivera"
        assert f.outcome.at == date(2026, 11, 24)
        assert f.outcome.contact is None
        assert f.plan.name == "after-interview"
        assert f.holidays is None
        assert f.tone == "warm"
        # A naive datetime in history is read in the interview's zone.
        assert f.history == (
            StepDone(step="thank-you", at=datetime(2026, 11, 20, 18, 30, tzinfo=NY)),
        )

    def test_offset_datetimes_keep_their_offset(self) -> None:
        f = loads(edit("start = 2026-11-20T14:00:00", "start = 2026-11-20T19:00:00Z"))
        assert f.interview.start == datetime(2026, 11, 20, 14, tzinfo=NY)
        assert f.interview.timezone == "America/New_York"

    def test_all_history_kinds(self) -> None:
        text = BASE + (
            '\n[[history]]\nreply = 2026-11-25T09:15:00\nfrom = "Jane Doe"\n'
            '\n[[history]]\nout_of_office_until = 2026-12-04\ncontact = "omar@acme.example"\n'
            '\n[[history]]\nstep = "linkedin-connect"\nsnoozed_until = 2026-12-07\nrecipient = "Omar Haddad"\n'
            '\n[[history]]\nstep = "network"\nskipped = 2026-11-30\n'
            '\n[[history]]\noutcome = "offer"\ndate = 2026-12-10\nfrom = "Priya Shah"\n'
            'from_email = "priya@acme.example"\n'
        )
        f = loads(text)
        assert f.history[1:] == (
            ReplyReceived(at=datetime(2026, 11, 25, 9, 15, tzinfo=NY), contact="Jane Doe"),
            OutOfOffice(until=date(2026, 12, 4), contact="omar@acme.example"),
            Snoozed(step="linkedin-connect", until=date(2026, 12, 7), contact="Omar Haddad"),
            StepSkipped(step="network", at=date(2026, 11, 30)),
            OutcomeChanged(outcome=attrs.evolve(f.history[5].outcome, status=OutcomeStatus.OFFER)),  # type: ignore[union-attr]
        )
        change = f.history[5]
        assert isinstance(change, OutcomeChanged)
        assert change.outcome.contact is not None
        assert change.outcome.contact.email == "priya@acme.example"

    def test_plan_parameters(self) -> None:
        text = edit(
            'tone = "warm"',
            'tone = "brief"\nholidays = [2026-12-24, 2026-12-31]\nseparate_feedback_request = true\n'
            'keep_in_touch_every = "2 months"\nkeep_in_touch_until = 2027-06-30\n'
            'keep_in_touch_channel = "linkedin-message"\nreply_after = "2 business days"\nthank_you_after = "2 hours"\n'
            'window = { start = "08:30", end = "16:00", days = ["mon", "tue", "wed", "thu"] }',
        )
        f = loads(text)
        assert f.tone == "brief"
        assert f.plan.tone == "brief"
        assert f.holidays is not None
        assert f.holidays.dates == {date(2026, 12, 24), date(2026, 12, 31)}
        assert "feedback-request" in f.plan.ids
        keep = f.plan.get("keep-in-touch")
        assert keep.until == date(2027, 6, 30)  # type: ignore[attr-defined]
        assert keep.channel == "linkedin-message"  # type: ignore[attr-defined]
        window = f.plan.get("thank-you").window  # type: ignore[attr-defined]
        assert (window.start, window.end, window.days) == (
            time(8, 30),
            time(16),
            frozenset({0, 1, 2, 3}),
        )
        timeline = f.schedule(now=datetime(2026, 11, 25, tzinfo=UTC))
        # Tue 24 Nov + 2 business days of a Mon-Thu window: Wed 25 Nov, then (Thanksgiving, which
        # New York keeps, and the days outside the window) Mon 30 Nov.
        assert timeline["rejection-reply"].due.date() == date(2026, 11, 30)

    def test_error_message_format(self) -> None:
        text = edit('email = "omar@acme.example"', 'email = "omar@"')
        with pytest.raises(InputFileError) as info:
            loads(text, path="acme.toml")
        line = line_of(text, '"omar@"')
        assert str(info.value) == (
            f'acme.toml:{line}: interview.interviewers[2].email: "omar@" is not valid: '
            "an email address such as 'jane@example.com'"
        )
        assert info.value.path == "acme.toml"
        assert info.value.line == line
        assert info.value.field == "interview.interviewers[2].email"

    def test_load_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(InputFileError, match="no such file") as info:
            load(tmp_path / "nope.toml")
        assert info.value.path == str(tmp_path / "nope.toml")

    def test_load_refuses_non_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.toml"
        path.write_bytes(BASE.replace("Sam Rivera", "Zoë").encode("latin-1"))
        with pytest.raises(InputFileError, match="UTF-8") as info:
            load(path)
        assert info.value.line == 2

    def test_history_step_unknown_to_another_plan_names_the_record(self) -> None:
        f = loads(BASE, path="acme.toml")
        other = attrs.evolve(f, plan=after_rejection())
        # A known kind the plan lacks is a fact kept outside the plan (issue 12 §2)...
        kept = other.schedule(now=datetime(2026, 11, 25, tzinfo=UTC)).outside_plan
        assert [(o.step, o.status.value) for o in kept] == [("thank-you", "done")]
        # ...an id no step kind has is an error naming the record.
        unknown = attrs.evolve(
            other,
            history=tuple(
                attrs.evolve(r, step="thank-yuo") if getattr(r, "step", None) == "thank-you" else r
                for r in other.history
            ),
        )
        with pytest.raises(InputFileError) as info:
            unknown.schedule(now=datetime(2026, 11, 25, tzinfo=UTC))
        assert info.value.field == "history[1].step"
        assert info.value.line == line_of(BASE, 'step = "thank-you"')
        assert "did you mean 'thank-you'" in str(info.value)


# (id, file text, key path, words the message must contain, marker of the line or None)
BAD_FILES: list[tuple[str, str, str | None, tuple[str, ...], str | None]] = [
    (
        "syntax",
        edit('name = "Sam Rivera"', "name = Sam Rivera"),
        None,
        ("not valid TOML", "quotes"),
        "name = Sam",
    ),
    (
        "unclosed-string",
        edit('role = "Data Engineer"', 'role = "Data Engineer'),
        None,
        ("not valid TOML",),
        'role = "Data',
    ),
    (
        "duplicate-key",
        edit('tone = "warm"', 'tone = "warm"\ntone = "formal"'),
        None,
        ("not valid TOML",),
        'tone = "formal"',
    ),
    (
        "unknown-top-level",
        'notes = "x"\n' + BASE,
        "notes",
        ("unknown key", "candidate, interview"),
        "notes =",
    ),
    (
        "unknown-interview-key",
        edit("company =", "compnay ="),
        "interview.compnay",
        ("did you mean 'company'?", "company, role, start"),
        "compnay",
    ),
    (
        "unknown-candidate-key",
        edit('email = "sam', 'mail = "sam'),
        "candidate.mail",
        ("did you mean 'email'?",),
        'mail = "sam',
    ),
    (
        "missing-candidate-name",
        edit('name = "Sam Rivera"\n', ""),
        "candidate.name",
        ("missing",),
        "[candidate]",
    ),
    (
        "date-as-string",
        edit("decision_expected = 2026-11-27", 'decision_expected = "2026-11-27"'),
        "interview.decision_expected",
        ('"2026-11-27" is not valid', "without quotes"),
        "decision_expected",
    ),
    (
        "email-not-a-string",
        edit('email = "omar@acme.example"', "email = 42"),
        "interview.interviewers[2].email",
        ("42 is not valid", "quoted string"),
        "email = 42",
    ),
    (
        "naive-start-without-zone",
        edit('timezone = "America/New_York"\n', ""),
        "interview.start",
        ("2026-11-20T14:00:00 is not valid", "timezone"),
        "start =",
    ),
    (
        "offset-start-without-zone",
        edit(
            'start = 2026-11-20T14:00:00\ntimezone = "America/New_York"',
            "start = 2026-11-20T14:00:00-05:00",
        ),
        "interview.timezone",
        ("missing", "IANA zone"),
        "[interview]",
    ),
    (
        "unknown-zone",
        edit('timezone = "America/New_York"', 'timezone = "America/Nowhere"'),
        "interview.timezone",
        ('"America/Nowhere" is not valid', "IANA"),
        "America/Nowhere",
    ),
    (
        "interviewer-zone",
        edit('name = "Omar Haddad"', 'name = "Omar Haddad"\ntimezone = "Mars/Olympus"'),
        "interview.interviewers[2].timezone",
        ("Mars/Olympus",),
        "Mars/Olympus",
    ),
    (
        "bad-email",
        edit('email = "omar@acme.example"', 'email = "omar at acme"'),
        "interview.interviewers[2].email",
        ("email address",),
        "omar at acme",
    ),
    (
        "empty-interviewer-name",
        edit('name = "Omar Haddad"', 'name = "  "'),
        "interview.interviewers[2].name",
        ("non-empty name",),
        'name = "  "',
    ),
    (
        "empty-topic",
        edit('name = "Omar Haddad"', 'name = "Omar Haddad"\ntopics = ["pipelines", ""]'),
        "interview.interviewers[2].topics[2]",
        ("non-empty",),
        "topics",
    ),
    (
        "start-as-date",
        edit("start = 2026-11-20T14:00:00", "start = 2026-11-20"),
        "interview.start",
        ("a date and time",),
        "start =",
    ),
    (
        "decision-before-interview",
        edit("decision_expected = 2026-11-27", "decision_expected = 2026-11-02"),
        "interview.decision_expected",
        ("on or after the interview",),
        "decision_expected",
    ),
    (
        "outcome-before-interview",
        edit("date = 2026-11-24", "date = 2026-11-19"),
        "outcome.date",
        ("2026-11-19 is not valid", "on or after the interview (2026-11-20)"),
        "date = 2026-11-19",
    ),
    (
        "unknown-preset",
        edit('preset = "after-interview"', 'preset = "after-rejections"'),
        "plan.preset",
        ("did you mean 'after-rejection'?", "after-interview, after-rejection"),
        "preset",
    ),
    (
        "unknown-history-step",
        edit('step = "thank-you"', 'step = "thank-yuo"'),
        "history[1].step",
        ("did you mean 'thank-you'?", KNOWN_STEPS),
        "thank-yuo",
    ),
    (
        "bad-duration",
        edit('duration = "45m"', 'duration = "45 parsecs"'),
        "interview.duration",
        ('"45 parsecs" is not valid', "minutes or hours"),
        "duration",
    ),
    (
        "duration-in-months",
        edit('duration = "45m"', 'duration = "2 months"'),
        "interview.duration",
        ("minutes or hours",),
        "duration",
    ),
    (
        "bad-tone",
        edit('tone = "warm"', 'tone = "casual"'),
        "plan.tone",
        ('"casual" is not valid', "'formal', 'warm', 'brief'"),
        "tone",
    ),
    (
        "unknown-holiday-country",
        edit('tone = "warm"', 'tone = "warm"\nholidays = "XX"'),
        "plan.holidays",
        ('"XX" is not valid', "country or subdivision code", "did you mean"),
        "holidays",
    ),
    (
        "holiday-not-a-date",
        edit('tone = "warm"', 'tone = "warm"\nholidays = [2026-12-24, "boxing day"]'),
        "plan.holidays[2]",
        ('"boxing day" is not valid',),
        "holidays",
    ),
    (
        "rejected-without-date",
        edit("date = 2026-11-24\n", ""),
        "outcome.at",
        ("missing", "rejected"),
        "[outcome]",
    ),
    (
        "unknown-outcome-status",
        edit('status = "rejected"', 'status = "declined"'),
        "outcome.status",
        ('"declined" is not valid', "pending, rejected, offer, withdrawn"),
        "declined",
    ),
    (
        "count-and-until",
        edit(
            'tone = "warm"',
            'tone = "warm"\nkeep_in_touch_count = 3\nkeep_in_touch_until = 2027-12-31',
        ),
        "plan.keep_in_touch_until",
        ("not both",),
        "keep_in_touch_until",
    ),
    (
        "after-interview-key-with-after-rejection",
        edit(
            'preset = "after-interview"', 'preset = "after-rejection"\nthank_you_after = "2 hours"'
        ),
        "plan.thank_you_after",
        ("after-rejection preset does not take", "after-interview"),
        "thank_you_after",
    ),
    (
        "zero-linkedin-limit",
        edit('tone = "warm"', 'tone = "warm"\nlinkedin_note_limit = 0'),
        "plan.linkedin_note_limit",
        ("0 is not valid", "1 or more"),
        "linkedin_note_limit",
    ),
    (
        "negative-linkedin-limit",
        edit('tone = "warm"', 'tone = "warm"\nlinkedin_note_limit = -300'),
        "plan.linkedin_note_limit",
        ("-300 is not valid",),
        "linkedin_note_limit",
    ),
    (
        "too-many-status-checks",
        edit('tone = "warm"', 'tone = "warm"\nstatus_checks = 3'),
        "plan.status_checks",
        ("3 is not valid", "1 or 2"),
        "status_checks",
    ),
    (
        "keep-in-touch-every-days",
        edit('tone = "warm"', 'tone = "warm"\nkeep_in_touch_every = "10 days"'),
        "plan.keep_in_touch_every",
        ('"10 days" is not valid', 'weeks or months, such as "3 months"'),
        "keep_in_touch_every",
    ),
    (
        "business-days-only",
        edit('tone = "warm"', 'tone = "warm"\nstatus_check_then = "1 week"'),
        "plan.status_check_then",
        ("business days",),
        "status_check_then",
    ),
    (
        "bool-as-string",
        edit('tone = "warm"', 'tone = "warm"\nlinkedin = "no"'),
        "plan.linkedin",
        ("true or false",),
        "linkedin =",
    ),
    (
        "window-day",
        edit(
            'tone = "warm"', 'tone = "warm"\nwindow = { start = "09:00", days = ["mon", "funday"] }'
        ),
        "plan.window.days[2]",
        ('"funday" is not valid', "weekday"),
        "window",
    ),
    (
        "window-end-before-start",
        edit('tone = "warm"', 'tone = "warm"\nwindow = { start = "17:00", end = "09:00" }'),
        "plan.window.end",
        ('"09:00" is not valid', "after the window's start"),
        "window",
    ),
    (
        "unknown-history-key",
        edit("done = 2026-11-20T18:30:00", 'done = 2026-11-20T18:30:00\nrecipent = "Jane Doe"'),
        "history[1].recipent",
        ("did you mean 'recipient'?",),
        "recipent",
    ),
    (
        "two-events-in-one-record",
        edit("done = 2026-11-20T18:30:00", "done = 2026-11-20T18:30:00\nreply = 2026-11-21"),
        "history[1].reply",
        ("one event per [[history]] table",),
        "reply =",
    ),
    (
        "history-without-event",
        edit("done = 2026-11-20T18:30:00", 'recipient = "Jane Doe"'),
        "history[1]",
        ("missing", "done, skipped or snoozed_until"),
        "[[history]]",
    ),
    (
        "history-unknown-recipient",
        edit("done = 2026-11-20T18:30:00", 'done = 2026-11-20T18:30:00\nrecipient = "Jim"'),
        "history[1].recipient",
        ('"Jim" is not valid', "Jane Doe, Omar Haddad"),
        'recipient = "Jim"',
    ),
    (
        "history-date-as-string",
        edit("done = 2026-11-20T18:30:00", 'done = "yesterday"'),
        "history[1].done",
        ('"yesterday" is not valid', "without quotes"),
        "done =",
    ),
    (
        "pending-outcome-in-history",
        BASE + '\n[[history]]\noutcome = "pending"\ndate = 2026-11-25\n',
        "history[2].outcome",
        ("rejected, offer or withdrawn",),
        'outcome = "pending"',
    ),
    (
        "bad-sender-email",
        edit("date = 2026-11-24", 'date = 2026-11-24\nfrom = "Pat Lee"\nfrom_email = "pat@"'),
        "outcome.from_email",
        ('"pat@" is not valid', "email address"),
        "from_email",
    ),
    (
        "bad-careers-url",
        edit(
            "decision_expected = 2026-11-27",
            'decision_expected = 2026-11-27\ncareers_url = "acme.example/jobs"',
        ),
        "interview.careers_url",
        ("http(s) URL",),
        "careers_url",
    ),
    (
        "interviewers-not-tables",
        edit('duration = "45m"', 'duration = "45m"\ninterviewers = "Jane Doe"').replace(
            '[[interview.interviewers]]\nname = "Jane Doe"\nemail = "jane@acme.example"\n\n'
            '[[interview.interviewers]]\nname = "Omar Haddad"\nemail = "omar@acme.example"\n\n',
            "",
        ),
        "interview.interviewers",
        ("[[interview.interviewers]]",),
        "interviewers =",
    ),
    ("no-interview", BASE.split("[interview]", maxsplit=1)[0], "interview", ("missing",), None),
]


class TestBadFiles:
    def test_there_are_enough_cases(self) -> None:
        assert len(BAD_FILES) >= 18
        assert len({case[0] for case in BAD_FILES}) == len(BAD_FILES)

    @pytest.mark.parametrize(
        ("text", "field", "words", "marker"),
        [c[1:] for c in BAD_FILES],
        ids=[c[0] for c in BAD_FILES],
    )
    def test_error_names_the_key_and_line(
        self, text: str, field: str | None, words: tuple[str, ...], marker: str | None
    ) -> None:
        with pytest.raises(InputFileError) as info:
            loads(text, path="bad.toml")
        err = info.value
        message = str(err)
        assert err.field == field, message
        for word in words:
            assert word in message, message
        expected_line = None if marker is None else line_of(text, marker)
        assert err.line == expected_line, message
        where = "bad.toml" + ("" if expected_line is None else f":{expected_line}")
        assert message.startswith(where + (f": {field}: " if field else ": ")), message

    def test_syntax_error_line_and_column(self) -> None:
        with pytest.raises(InputFileError, match=r"column 8") as info:
            loads(edit('name = "Sam Rivera"', "name = Sam Rivera"))
        assert info.value.line == 2
        assert info.value.field is None

    def test_error_at_end_of_document(self) -> None:
        with pytest.raises(InputFileError, match="not valid TOML") as info:
            loads(BASE + "[plan")
        assert info.value.line is not None


class TestAppendHistory:
    RECORD: ClassVar[Mapping[str, object]] = {
        "step": "rejection-reply",
        "done": datetime(2026, 11, 25, 10, 5, tzinfo=NY),
    }

    def test_appends_at_the_end_keeping_every_byte(self) -> None:
        text = BASE.replace(
            'tone = "warm"', 'tone   =    "warm"   # odd spacing kept\n\n\n# a comment'
        )
        new = append_history_text(text, self.RECORD)
        assert new.startswith(text)
        assert (
            new[len(text) :]
            == '\n[[history]]\nstep = "rejection-reply"\ndone = 2026-11-25T10:05:00-05:00\n'
        )
        f = loads(new)
        assert f.history[-1] == StepDone(
            step="rejection-reply", at=datetime(2026, 11, 25, 10, 5, tzinfo=NY)
        )

    def test_adds_a_line_break_when_the_file_lacks_one(self) -> None:
        text = BASE.rstrip("\n") + "   # last line, no newline"
        new = append_history_text(text, self.RECORD)
        assert new.startswith(text + "\n\n[[history]]\n")
        assert len(loads(new).history) == 2

    def test_keeps_crlf(self) -> None:
        text = BASE.replace("\n", "\r\n").rstrip("\r\n")
        new = append_history_text(text, self.RECORD)
        assert new.startswith(text)
        added = new[len(text) :]
        assert (
            added
            == '\r\n\r\n[[history]]\r\nstep = "rejection-reply"\r\ndone = 2026-11-25T10:05:00-05:00\r\n'
        )
        assert added.count("\n") == added.count("\r\n")
        assert len(loads(new).history) == 2

    def test_round_trips_awkward_strings(self) -> None:
        sender = 'Zoë "Z" O\'Brien \\ C:\\path\ttab\nnewline \x01\x7f 王芳 🙂'
        new = append_history_text(BASE, {"reply": date(2026, 11, 25), "from": sender})
        record = loads(new).history[-1]
        assert record == ReplyReceived(at=date(2026, 11, 25), contact=sender)
        assert "王芳 🙂" in new  # non-ASCII is written as is

    def test_round_trips_dates_and_datetimes(self) -> None:
        records: list[dict[str, object]] = [
            {"step": "network", "skipped": date(2026, 12, 1)},
            {
                "step": "status-check.2",
                "snoozed_until": datetime(2026, 12, 7, 11, 30),  # noqa: DTZ001 - a local datetime
            },
            {
                "out_of_office_until": date(2026, 12, 4),
                "contact": "Jane Doe",
                "at": datetime(2026, 11, 25, 9, 0, 1, 500, tzinfo=UTC),
            },
            {
                "step": "thank-you",
                "done": datetime(2026, 11, 20, 19, tzinfo=LONDON),
                "recipient": "omar@acme.example",
            },
        ]
        text = BASE
        for record in records:
            text = append_history_text(text, record)
        history = loads(text).history[1:]
        assert history == (
            StepSkipped(step="network", at=date(2026, 12, 1)),
            Snoozed(step="status-check.2", until=datetime(2026, 12, 7, 11, 30, tzinfo=NY)),
            OutOfOffice(
                until=date(2026, 12, 4),
                contact="Jane Doe",
                at=datetime(2026, 11, 25, 9, 0, 1, 500, tzinfo=UTC),
            ),
            StepDone(
                step="thank-you",
                at=datetime(2026, 11, 20, 19, tzinfo=LONDON),
                contact="omar@acme.example",
            ),
        )

    def test_quotes_keys_that_are_not_bare(self) -> None:
        with pytest.raises(InputFileError) as info:
            append_history_text(
                BASE, {"step": "thank-you", "done": date(2026, 11, 20), "re cipient": "x"}
            )
        assert info.value.field == "history[2].re cipient"

    def test_refuses_an_unknown_step(self) -> None:
        with pytest.raises(InputFileError) as info:
            append_history_text(BASE, {"step": "follow-up", "done": date(2026, 11, 25)})
        assert info.value.field == "history[2].step"
        assert info.value.line is None  # the line is not in the file yet
        assert KNOWN_STEPS in str(info.value)
        assert "new history record" in str(info.value)

    def test_refuses_values_toml_cannot_hold(self) -> None:
        with pytest.raises(ValidationError):
            append_history_text(BASE, {"step": "thank-you", "done": object()})

    def test_append_history_writes_the_file(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_bytes(BASE.replace("\n", "\r\n").encode())
        naive = datetime(2026, 11, 25, 9, 15)  # noqa: DTZ001 - written as a TOML local datetime
        append_history(path, {"reply": naive, "from": "Jane Doe"})
        data = path.read_bytes()
        assert data.startswith(BASE.replace("\n", "\r\n").encode())
        assert data.endswith(b'[[history]]\r\nreply = 2026-11-25T09:15:00\r\nfrom = "Jane Doe"\r\n')
        assert load(path).history[-1] == ReplyReceived(
            at=datetime(2026, 11, 25, 9, 15, tzinfo=NY), contact="Jane Doe"
        )
        assert sorted(p.name for p in tmp_path.iterdir()) == ["acme.toml"]

    def test_append_history_refuses_an_unknown_step_and_leaves_the_file(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "acme.toml"
        path.write_text(BASE, encoding="utf-8")
        before = path.read_bytes()
        with pytest.raises(InputFileError) as info:
            append_history(path, {"step": "thank-yu", "done": date(2026, 11, 21)})
        assert info.value.path == str(path)
        assert "did you mean 'thank-you'?" in str(info.value)
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["acme.toml"]

    def test_append_to_the_example(self, tmp_path: Path) -> None:
        path = tmp_path / "interview.toml"
        path.write_text(EXAMPLE, encoding="utf-8")
        append_history(
            path, {"step": "thank-you", "done": date(2026, 11, 20), "recipient": "Jane Doe"}
        )
        assert path.read_text(encoding="utf-8").startswith(EXAMPLE)
        f = load(path)
        assert f.history == (
            StepDone(step="thank-you", at=date(2026, 11, 20), contact="Jane Doe"),
        )
        timeline = f.schedule(now=datetime(2026, 11, 21, tzinfo=UTC))
        assert timeline["thank-you.jane-doe"].status is Status.DONE
        assert timeline["thank-you.priya-natarajan"].status is not Status.DONE

    def test_a_crash_mid_write_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "acme.toml"
        path.write_text(BASE, encoding="utf-8")
        before = path.read_bytes()

        def crash(src: object, dst: object) -> None:
            raise OSError("disk pulled out")

        monkeypatch.setattr(os, "replace", crash)
        with pytest.raises(OSError, match="disk pulled out"):
            append_history(path, {"step": "rejection-reply", "done": date(2026, 11, 25)})
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["acme.toml"]
