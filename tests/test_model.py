"""Tests for followup.model: the facts of an interview, validated when built."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest

from followup import (
    Candidate,
    Contact,
    FollowupError,
    Interview,
    Outcome,
    OutcomeChanged,
    OutcomeStatus,
    OutOfOffice,
    ReplyReceived,
    Snoozed,
    Status,
    StepDone,
    StepSkipped,
    ValidationError,
)

NEW_YORK = ZoneInfo("America/New_York")
NAIVE = datetime(2026, 11, 20, 14, 0)  # noqa: DTZ001 - the point of these tests


def _check_error(exc: pytest.ExceptionInfo[ValidationError], field: str) -> None:
    assert isinstance(exc.value, ValueError)
    assert isinstance(exc.value, FollowupError)
    assert exc.value.field == field
    assert str(exc.value).startswith(f"{field}: ")


class TestContact:
    def test_first_name_is_first_word(self) -> None:
        assert Contact(name="Jane Doe").first_name == "Jane"
        assert Contact(name="Zoë Ångström").first_name == "Zoë"

    def test_topics_accept_one_string(self) -> None:
        assert Contact(name="Jane Doe", topics="the migration").topics == ("the migration",)
        assert Contact(name="Jane Doe", topics=["a", "b"]).topics == ("a", "b")

    @pytest.mark.parametrize("name", ["", "   ", "Jane\nDoe"])
    def test_empty_or_broken_name_is_refused(self, name: str) -> None:
        with pytest.raises(ValidationError) as exc:
            Contact(name=name)
        _check_error(exc, "name")

    @pytest.mark.parametrize("email", ["not-an-email", "jane@", "@acme.example", "jane doe@acme.example", "jane@acme"])
    def test_bad_email_is_refused(self, email: str) -> None:
        with pytest.raises(ValidationError) as exc:
            Contact(name="Jane Doe", email=email)
        _check_error(exc, "email")
        assert exc.value.value == email

    @pytest.mark.parametrize("zone", ["Mars/Olympus", "EST5EDT ", "../etc/passwd", ""])
    def test_unknown_zone_is_refused(self, zone: str) -> None:
        with pytest.raises(ValidationError) as exc:
            Contact(name="Jane Doe", timezone=zone)
        _check_error(exc, "timezone")
        assert "IANA" in str(exc.value)

    def test_bad_linkedin_url_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Contact(name="Jane Doe", linkedin="linkedin.com/in/janedoe")
        _check_error(exc, "linkedin")

    def test_empty_topic_is_refused_with_its_index(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Contact(name="Jane Doe", topics=["ok", "  "])
        _check_error(exc, "topics[1]")

    def test_is_frozen(self) -> None:
        jane = Contact(name="Jane Doe")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            jane.name = "John"  # type: ignore[misc]
        assert attrs.evolve(jane, name="John Doe").name == "John Doe"


class TestCandidate:
    def test_empty_name_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Candidate(name="")
        _check_error(exc, "name")

    def test_bad_email_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Candidate(name="Sam Rivera", email="sam.example.com")
        _check_error(exc, "email")

    def test_unknown_zone_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Candidate(name="Sam Rivera", timezone="Europe/Atlantis")
        _check_error(exc, "timezone")


class TestInterview:
    def test_zone_comes_from_start(self, interview: Interview) -> None:
        assert interview.timezone == "America/New_York"
        assert interview.zone == NEW_YORK

    def test_end_is_start_plus_duration_in_the_interview_zone(self, candidate: Candidate) -> None:
        iv = Interview(
            company="Acme Corp",
            role="Data Engineer",
            start=datetime(2026, 11, 20, 19, 0, tzinfo=UTC),
            timezone="America/New_York",
            duration=timedelta(minutes=45),
            candidate=candidate,
        )
        assert iv.end == datetime(2026, 11, 20, 14, 45, tzinfo=NEW_YORK)
        assert iv.end.tzinfo == NEW_YORK
        assert iv.end.utcoffset() == timedelta(hours=-5)

    def test_end_across_the_spring_gap_is_elapsed_time(self, candidate: Candidate) -> None:
        # 01:30 EST + 30 minutes is 03:00 EDT: 02:00 does not exist that night (found by Hypothesis
        # in CI: the wall-clock sum 02:00-05:00 read back from JSON as a different instant).
        iv = Interview(
            company="Acme Corp",
            role="Data Engineer",
            start=datetime(2026, 3, 8, 1, 30, tzinfo=NEW_YORK),
            duration=timedelta(minutes=30),
            candidate=candidate,
        )
        assert iv.end.isoformat() == "2026-03-08T03:00:00-04:00"
        assert iv.end.astimezone(UTC) - iv.start.astimezone(UTC) == timedelta(minutes=30)

    def test_end_across_the_autumn_fold_is_elapsed_time(self, candidate: Candidate) -> None:
        iv = Interview(
            company="Acme Corp",
            role="Data Engineer",
            start=datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK),
            duration=timedelta(hours=1),
            candidate=candidate,
        )
        assert iv.end.isoformat() == "2026-11-01T01:30:00-05:00"
        assert iv.end.astimezone(UTC) - iv.start.astimezone(UTC) == timedelta(hours=1)

    def test_default_duration_is_one_hour(self, candidate: Candidate) -> None:
        iv = Interview(company="A", role="B", start=datetime(2026, 11, 20, 14, tzinfo=NEW_YORK), candidate=candidate)
        assert iv.duration == timedelta(hours=1)
        assert iv.end == datetime(2026, 11, 20, 15, tzinfo=NEW_YORK)

    def test_key_is_stable_ascii(self, interview: Interview) -> None:
        assert interview.key == "acme-corp.data-engineer.20261120T1900Z"

    def test_zone_of_prefers_the_contact_zone(self, interview: Interview, jane: Contact) -> None:
        assert interview.zone_of(jane) == "America/New_York"
        assert interview.zone_of(attrs.evolve(jane, timezone="Europe/Berlin")) == "Europe/Berlin"
        assert interview.zone_of(None) == "America/New_York"

    def test_naive_start_is_refused_naming_start(self, candidate: Candidate) -> None:
        # start is the field at fault: the error must name it, not a derived field.
        with pytest.raises(ValidationError) as exc:
            Interview(company="Acme Corp", role="Data Engineer", start=NAIVE, candidate=candidate)
        _check_error(exc, "start")

    def test_naive_start_with_explicit_zone_is_refused_naming_start(self, candidate: Candidate) -> None:
        with pytest.raises(ValidationError) as exc:
            Interview(
                company="Acme Corp", role="Data Engineer", start=NAIVE, timezone="America/New_York", candidate=candidate
            )
        _check_error(exc, "start")
        assert "time-zone-aware" in str(exc.value)

    def test_fixed_offset_start_needs_an_explicit_zone(self, candidate: Candidate) -> None:
        with pytest.raises(ValidationError) as exc:
            Interview(
                company="Acme Corp",
                role="Data Engineer",
                start=datetime(2026, 11, 20, 19, tzinfo=UTC),
                candidate=candidate,
            )
        _check_error(exc, "timezone")

    def test_unknown_zone_is_refused(self, candidate: Candidate) -> None:
        with pytest.raises(ValidationError) as exc:
            Interview(
                company="Acme Corp",
                role="Data Engineer",
                start=datetime(2026, 11, 20, 14, tzinfo=NEW_YORK),
                timezone="Nowhere/City",
                candidate=candidate,
            )
        _check_error(exc, "timezone")

    @pytest.mark.parametrize("field", ["company", "role"])
    def test_empty_company_or_role_is_refused(self, candidate: Candidate, field: str) -> None:
        kwargs = {"company": "Acme Corp", "role": "Data Engineer", field: " "}
        with pytest.raises(ValidationError) as exc:
            Interview(start=datetime(2026, 11, 20, 14, tzinfo=NEW_YORK), candidate=candidate, **kwargs)
        _check_error(exc, field)

    def test_decision_before_the_interview_is_refused(self, interview: Interview) -> None:
        with pytest.raises(ValidationError) as exc:
            attrs.evolve(interview, decision_expected=date(2026, 11, 19))
        _check_error(exc, "decision_expected")
        assert "on or after the interview" in str(exc.value)

    def test_decision_on_the_interview_day_is_accepted(self, interview: Interview) -> None:
        assert attrs.evolve(interview, decision_expected=date(2026, 11, 20)).decision_expected == date(2026, 11, 20)

    def test_decision_as_datetime_is_refused(self, interview: Interview) -> None:
        with pytest.raises(ValidationError) as exc:
            attrs.evolve(interview, decision_expected=datetime(2026, 11, 27, 9, tzinfo=NEW_YORK))
        _check_error(exc, "decision_expected")

    def test_non_positive_duration_is_refused(self, interview: Interview) -> None:
        with pytest.raises(ValidationError) as exc:
            attrs.evolve(interview, duration=timedelta(0))
        _check_error(exc, "duration")

    def test_interviewer_must_be_a_contact(self, interview: Interview) -> None:
        with pytest.raises(ValidationError) as exc:
            attrs.evolve(interview, interviewers=[Contact(name="Jane Doe"), "John"])
        _check_error(exc, "interviewers[1]")

    def test_bad_key_is_refused(self, interview: Interview) -> None:
        with pytest.raises(ValidationError) as exc:
            attrs.evolve(interview, key="acme corp/ü")
        _check_error(exc, "key")

    def test_pickles(self, interview: Interview) -> None:
        assert pickle.loads(pickle.dumps(interview)) == interview


class TestOutcome:
    def test_constructors_set_status(self, jane: Contact) -> None:
        assert Outcome.pending().status is OutcomeStatus.PENDING
        assert Outcome.pending().at is None
        rejected = Outcome.rejected(at=date(2026, 11, 24), contact=jane)
        assert (rejected.status, rejected.at, rejected.contact) == (OutcomeStatus.REJECTED, date(2026, 11, 24), jane)
        assert Outcome.offer(at=date(2026, 11, 24)).status is OutcomeStatus.OFFER
        assert Outcome.withdrawn(at=date(2026, 11, 24)).status is OutcomeStatus.WITHDRAWN

    def test_status_converts_from_text(self) -> None:
        assert Outcome(status="rejected", at=date(2026, 11, 24)).status is OutcomeStatus.REJECTED

    def test_naive_on_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Outcome.rejected(at=NAIVE)
        _check_error(exc, "at")

    def test_rejection_needs_a_date(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Outcome(status="rejected")
        _check_error(exc, "at")
        assert "rejected" in str(exc.value)

    def test_unknown_status_is_refused(self) -> None:
        with pytest.raises(ValueError, match="maybe"):
            Outcome(status="maybe", at=date(2026, 11, 24))


class TestHistoryRecords:
    @pytest.mark.parametrize("record", [StepDone, StepSkipped])
    def test_naive_at_is_refused(self, record: type) -> None:
        with pytest.raises(ValidationError) as exc:
            record(step="thank-you", at=NAIVE)
        _check_error(exc, "at")

    def test_reply_naive_at_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            ReplyReceived(at=NAIVE)
        _check_error(exc, "at")

    def test_out_of_office_naive_at_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            OutOfOffice(until=date(2026, 12, 4), at=NAIVE)
        _check_error(exc, "at")

    def test_out_of_office_until_must_be_a_date(self) -> None:
        with pytest.raises(ValidationError) as exc:
            OutOfOffice(until=datetime(2026, 12, 4, tzinfo=NEW_YORK))
        _check_error(exc, "until")

    def test_snooze_naive_until_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Snoozed(step="status-check.1", until=NAIVE)
        _check_error(exc, "until")

    def test_empty_step_is_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            StepDone(step=" ", at=date(2026, 11, 21))
        _check_error(exc, "step")

    def test_outcome_changed_needs_a_dated_outcome(self) -> None:
        with pytest.raises(ValidationError) as exc:
            OutcomeChanged(outcome=Outcome.pending())
        _check_error(exc, "outcome.at")

    def test_records_keep_their_values(self) -> None:
        done = StepDone(step="thank-you.jane-doe", at=date(2026, 11, 20), contact="Jane Doe")
        assert (done.step, done.at, done.contact) == ("thank-you.jane-doe", date(2026, 11, 20), "Jane Doe")
        ooo = OutOfOffice(until=date(2026, 12, 4), contact="jane@acme.example")
        assert (ooo.until, ooo.contact, ooo.at) == (date(2026, 12, 4), "jane@acme.example", None)


class TestEnums:
    def test_values_and_str(self) -> None:
        assert [str(s) for s in Status] == ["upcoming", "due", "overdue", "done", "cancelled"]
        assert [str(o) for o in OutcomeStatus] == ["pending", "rejected", "offer", "withdrawn"]


class TestCandidateSignature:
    def test_line_breaks_are_kept(self) -> None:
        assert Candidate(name="Sam", signature="Sam Rivera\n+1 555 0100").signature == "Sam Rivera\n+1 555 0100"

    def test_other_control_characters_are_refused(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Candidate(name="Sam", signature="Sam\x00")
        assert exc.value.field == "signature"


class TestEvolve:
    """Derived values follow the fields they derive from; given values stay."""

    def _interview(self, **kwargs: object) -> Interview:
        return Interview(
            company="Acme Corp",
            role="Data Engineer",
            start=datetime(2026, 11, 20, 14, tzinfo=ZoneInfo("America/New_York")),
            candidate=Candidate(name="Sam Rivera"),
            **kwargs,  # type: ignore[arg-type]
        )

    def test_a_new_start_brings_its_zone_and_key(self) -> None:
        iv = self._interview()
        la = attrs.evolve(iv, start=datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("America/Los_Angeles")))
        assert la.timezone == "America/Los_Angeles"
        assert la.key == "acme-corp.data-engineer.20261120T1700Z"
        assert iv.key == "acme-corp.data-engineer.20261120T1900Z"
        assert iv.derived == la.derived == frozenset({"timezone", "key"})

    def test_the_thank_you_follows_the_new_zone(self) -> None:
        from followup import Contact, Plan, ThankYou

        iv = self._interview(interviewers=[Contact(name="Jane Doe")])
        la = attrs.evolve(iv, start=datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("America/Los_Angeles")))
        now = datetime(2026, 11, 20, 8, tzinfo=ZoneInfo("America/Los_Angeles"))
        action = Plan.of(ThankYou()).schedule(la, now=now)["thank-you.jane-doe"]
        assert action.timezone == "America/Los_Angeles"
        assert action.due == datetime(2026, 11, 20, 13, tzinfo=ZoneInfo("America/Los_Angeles"))

    def test_a_new_company_gives_a_new_key(self) -> None:
        assert attrs.evolve(self._interview(), company="Globex").key.startswith("globex.")

    def test_given_values_stay(self) -> None:
        iv = self._interview(timezone="Europe/Berlin", key="acme-1")
        moved = attrs.evolve(
            iv, company="Globex", start=datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("America/Los_Angeles"))
        )
        assert (moved.timezone, moved.key) == ("Europe/Berlin", "acme-1")
        assert moved.derived == frozenset()
        assert attrs.evolve(iv, timezone=None).timezone == "America/New_York"

    def test_equality_is_on_the_values_in_force(self) -> None:
        assert self._interview() == self._interview(timezone="America/New_York")
        assert self._interview(key="k") != self._interview()
