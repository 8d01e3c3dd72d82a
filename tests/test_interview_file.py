"""Interview files written from objects: a case round-trips through a file; mark appends through the same writer."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta

from followup import (
    Candidate,
    Case,
    Contact,
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
    presets,
)
from followup import interview_file as files_pkg
from followup.errors import InputFileError
from followup.interview_file import (
    EXAMPLE,
    append_history,
    append_history_text,
    dump,
    dumps,
    load,
    loads,
)

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _interview() -> Interview:
    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 20, 14, tzinfo=NY),
        duration=timedelta(minutes=45),
        candidate=Candidate(name="Sam Rivera", email="sam@example.com", signature='Sam "R"\n+1 555'),
        interviewers=[
            Contact(name="Jane Doe", email="jane@acme.example", topics=["streams"]),
            Contact(name="Priya N", timezone="Europe/London"),
        ],
        recruiter=Contact(name="Alex Kim", email="alex@acme.example"),
        decision_expected=date(2026, 11, 27),
    )


def _code_plan() -> Plan:
    """Built in code: outcome branches, no preset, parameters off their defaults."""
    return Plan.branch(
        pending=Plan.of(ThankYou(after=timedelta(hours=2)), StatusCheck(attempts=1, at=time(11))),
        rejected=Plan.of(
            RejectionReply(at=None),
            LinkedInConnect(note_limit=300, window=SendWindow(days={1, 3}, start=time(10), end=time(12))),
            KeepInTouch(every=relativedelta(months=2), count=5, channel="linkedin-message"),
        ),
        tone="brief",
        name="mine",
    )


def _case(plan: Plan | None = None) -> Case:
    iv = _interview()
    return Case(
        interview=iv,
        plan=plan or _code_plan(),
        outcome=Outcome.rejected(at=datetime(2026, 11, 24, 16, 10, tzinfo=NY), contact=iv.interviewers[0]),
        history=[
            StepDone(step="thank-you", at=datetime(2026, 11, 20, 18, 30, tzinfo=NY), contact="Jane Doe"),
            StepSkipped(step="status-check", at=date(2026, 11, 21)),
            ReplyReceived(at=datetime(2026, 11, 23, 9, tzinfo=BERLIN), contact="alex@acme.example"),
            OutOfOffice(until=date(2026, 12, 4), contact="Jane Doe"),
            Snoozed(step="keep-in-touch", until=date(2027, 3, 1)),
            OutcomeChanged(outcome=Outcome.offer(at=date(2026, 11, 30), contact=Contact(name="Pat Lee", email="pat@acme.example"))),
        ],
        holidays=HolidayCalendar(country="US", dates={date(2026, 12, 24)}),
    )


class TestWriter:
    def test_a_code_built_plan_round_trips_through_a_file(self) -> None:
        case = _case()
        text = dumps(case)
        assert "preset" not in tomllib.loads(text)["plan"]
        back = loads(text).case
        assert back.plan == case.plan
        assert back == case

    def test_a_preset_is_written_as_its_name(self) -> None:
        case = _case(presets.after_interview(tone="formal"))
        data = tomllib.loads(dumps(case))
        assert data["plan"] == {
            "preset": "after-interview",
            "tone": "formal",
            "holidays": ["US", date(2026, 12, 24)],
        }
        assert loads(dumps(case)).case == case

    def test_the_file_reads_like_one_a_person_writes(self) -> None:
        text = dumps(_case())
        assert "start = 2026-11-20T14:00:00\ntimezone = \"America/New_York\"" in text
        assert 'duration = "45 minutes"' in text
        assert '[outcome]\nstatus = "rejected"\nat = 2026-11-24T16:10:00\ncontact = "Jane Doe"' in text
        assert 'event = "done"\nstep = "thank-you"\nat = 2026-11-20T18:30:00\ncontact = "Jane Doe"' in text
        # A moment in another zone is written as that instant in the interview's zone.
        assert 'event = "reply"\nat = 2026-11-23T03:00:00' in text
        assert 'contact = { name = "Pat Lee", email = "pat@acme.example" }' in text
        assert 'outcomes_only = ["rejected"]' in text
        assert text.startswith("# An interview file for followup (format version 1).\nversion = 1\n")

    def test_dump_writes_a_file_the_command_reads(self, tmp_path: Path) -> None:
        path = tmp_path / "case.toml"
        dump(_case(), path)
        assert load(path).case == _case()

    def test_every_example_round_trips(self) -> None:
        for path in sorted(EXAMPLES.glob("*.toml")):
            case = load(path).case
            assert loads(dumps(case)).case == case, path.name

    def test_an_ambiguous_local_time_keeps_its_offset(self) -> None:
        import attrs

        iv = attrs.evolve(_interview(), start=datetime(2026, 10, 20, 14, tzinfo=NY), decision_expected=None)
        # 01:30 happens twice in New York on Sun 1 Nov 2026; the second one (EST) cannot be
        # written as a local time, so it keeps its offset.
        second = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NY)
        assert second.utcoffset() == timedelta(hours=-5)
        case = Case(interview=iv, history=[ReplyReceived(at=second)])
        text = dumps(case)
        assert "at = 2026-11-01T01:30:00-05:00" in text
        assert loads(text).case == case


class TestAppend:
    BASE = (EXAMPLES / "final-round-rejected.toml").read_text(encoding="utf-8")

    def test_a_typed_record_is_written_by_the_same_writer(self) -> None:
        record = ReplyReceived(at=datetime(2026, 11, 25, 9, tzinfo=NY), contact="Jane Doe")
        new = append_history_text(self.BASE, record)
        assert new.startswith(self.BASE)
        assert new[len(self.BASE):] == '\n[[history]]\nevent = "reply"\nat = 2026-11-25T09:00:00\ncontact = "Jane Doe"\n'
        assert loads(new).history[-1] == record

    def test_an_outcome_from_someone_in_the_file_names_them(self) -> None:
        f = loads(self.BASE)
        record = OutcomeChanged(outcome=Outcome.offer(at=date(2026, 11, 30), contact=f.interview.interviewers[0]))
        new = append_history_text(self.BASE, record)
        assert new.endswith('status = "offer"\nat = 2026-11-30\ncontact = "Jane Doe"\n')
        assert loads(new).history[-1] == record

    def test_comments_and_crlf_are_kept(self, tmp_path: Path) -> None:
        path = tmp_path / "f.toml"
        odd = self.BASE.replace("\n", "\r\n") + "# last words"
        path.write_bytes(odd.encode())
        added = append_history(path, StepSkipped(step="network", at=date(2026, 11, 26)))
        data = path.read_bytes().decode()
        assert data.startswith(odd)
        assert added == '\r\n\r\n[[history]]\r\nevent = "skipped"\r\nstep = "network"\r\nat = 2026-11-26\r\n'

    def test_a_record_naming_no_one_is_refused(self) -> None:
        with pytest.raises(InputFileError) as info:
            append_history_text(self.BASE, StepDone(step="thank-you", at=date(2026, 11, 21), contact="Nobody"))
        assert info.value.field == "history[2].contact"


class TestReading:
    def test_the_older_spellings_still_read(self) -> None:
        new = loads(dumps(_case())).case
        old = new.interview
        legacy = '''
[candidate]
name = "Sam Rivera"

[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00
timezone = "America/New_York"

[[interview.interviewers]]
name = "Jane Doe"

[outcome]
status = "rejected"
date = 2026-11-24
from = "Jane Doe"

[[history]]
step = "thank-you"
done = 2026-11-20T18:30:00
recipient = "Jane Doe"

[[history]]
reply = 2026-11-25
from = "Jane Doe"

[[history]]
out_of_office_until = 2026-12-04
contact = "Jane Doe"

[[history]]
step = "network"
snoozed_until = 2026-12-07

[[history]]
outcome = "offer"
date = 2026-11-30
'''
        f = loads(legacy)
        assert old.company == f.interview.company
        assert f.outcome == Outcome.rejected(at=date(2026, 11, 24), contact=f.interview.interviewers[0])
        assert f.history == (
            StepDone(step="thank-you", at=datetime(2026, 11, 20, 18, 30, tzinfo=NY), contact="Jane Doe"),
            ReplyReceived(at=date(2026, 11, 25), contact="Jane Doe"),
            OutOfOffice(until=date(2026, 12, 4), contact="Jane Doe"),
            Snoozed(step="network", until=date(2026, 12, 7)),
            OutcomeChanged(outcome=Outcome.offer(at=date(2026, 11, 30))),
        )

    def test_without_a_preset_the_plan_is_its_steps(self) -> None:
        text = dumps(_case()).split("[plan]")[0] + '[plan]\n\n[[plan.steps]]\nkind = "network"\n'
        assert loads(text).plan == Plan.of(__import__("followup").Network())

    def test_a_setting_of_a_preset_needs_the_preset(self) -> None:
        text = dumps(_case()).split("[plan]")[0] + '[plan]\nlinkedin = false\n\n[[plan.steps]]\nkind = "network"\n'
        with pytest.raises(InputFileError) as info:
            loads(text)
        assert info.value.field == "plan.linkedin"
        assert "preset" in str(info.value)

    def test_values_use_the_converter_spellings(self) -> None:
        base = dumps(Case(interview=_interview()))
        text = base.replace('tone = "warm"', 'tone = "warm"\nwindow = { days = ["monday", "wed"], start = "8:30", end = "12:00" }')
        window = loads(text).plan.get("thank-you").window  # type: ignore[attr-defined]
        assert window == SendWindow(days={0, 2}, start=time(8, 30), end=time(12))

    def test_a_newer_version_is_refused(self) -> None:
        text = dumps(Case(interview=_interview())).replace("version = 1", "version = 2")
        with pytest.raises(InputFileError) as info:
            loads(text)
        assert info.value.field == "version"


class TestExample:
    def test_the_example_is_package_data(self) -> None:
        from importlib import resources

        assert resources.files("followup.interview_file").joinpath("example.toml").read_text(encoding="utf-8") == EXAMPLE
        assert files_pkg.load
        f = loads(EXAMPLE)
        assert f.plan == presets.after_interview()

    def test_followup_files_is_the_same_module_under_its_first_name(self) -> None:
        from followup import files

        assert files.load is load
        assert files.dumps is dumps
        assert files.EXAMPLE is EXAMPLE
