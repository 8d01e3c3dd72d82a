"""Errors that travel: one root, the matching built-in, and pickling with every attribute."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import followup
from followup import Candidate, Contact, Interview, Outcome, Timeline, When, presets
from followup.changes import diff
from followup.errors import (
    ExportError,
    FollowupError,
    InputFileError,
    InvalidStepError,
    NotFoundError,
    SchedulingError,
    TemplateError,
    ValidationError,
)

NY = ZoneInfo("America/New_York")

ERRORS = [
    ValidationError("interviewers[1].timezone", "Mars/Olympus", "an IANA time zone name"),
    InvalidStepError("two steps have the id 'x'", step="x"),
    SchedulingError("no decision date", step="status-check", field="decision_expected"),
    TemplateError("needs {topic}", name="topic", template="thank-you.warm.email", step="thank-you"),
    InputFileError("not valid", path="interview.toml", line=12, field="interview.start"),
    ExportError("cannot write the calendar", path="/tmp/x.ics"),
    NotFoundError("no action 'x'", key="x", known=("a", "b")),
]


def _interview() -> Interview:
    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 20, 14, tzinfo=NY),
        candidate=Candidate(name="Sam Rivera"),
        interviewers=[Contact(name="Jane Doe")],
    )


def _schedule_naive(_: int) -> int:
    presets.after_interview().schedule(_interview(), now=datetime(2026, 11, 21, 9))  # noqa: DTZ001 - on purpose
    return 0


class TestPickling:
    @pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
    def test_every_error_pickles_with_its_data(self, error: FollowupError) -> None:
        error.add_note("(in job #3)")
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert str(back) == str(error)
        assert back.args == error.args
        assert vars(back) == vars(error)
        assert back.__notes__ == ["(in job #3)"]

    def test_the_issue_example(self) -> None:
        back = pickle.loads(pickle.dumps(ValidationError("start", 1, "x")))
        assert (back.field, back.value, back.expected) == ("start", 1, "x")

    def test_a_value_that_does_not_pickle_becomes_its_repr(self) -> None:
        back = pickle.loads(pickle.dumps(ValidationError("check", lambda: 1, "a function")))
        assert isinstance(back.value, str)
        assert back.value.startswith("<function")

    def test_a_naive_now_in_a_worker_comes_back_as_itself(self) -> None:
        with ProcessPoolExecutor(max_workers=1) as pool, pytest.raises(ValidationError) as info:
            list(pool.map(_schedule_naive, [0]))
        assert info.value.field == "now"


class TestBuiltIns:
    def test_every_public_error_has_one_root(self) -> None:
        for name in followup.__all__:
            obj = getattr(followup, name)
            if isinstance(obj, type) and issubclass(obj, BaseException):
                assert issubclass(obj, FollowupError), name

    def test_each_derives_from_the_matching_built_in(self) -> None:
        assert issubclass(NotFoundError, KeyError)
        assert issubclass(ExportError, OSError)
        for cls in (ValidationError, InvalidStepError, SchedulingError, TemplateError, InputFileError):
            assert issubclass(cls, ValueError)

    def test_a_missing_action_is_a_key_error_with_a_hint(self) -> None:
        tl = presets.after_interview().schedule(_interview(), now=datetime(2026, 11, 21, 9, tzinfo=NY))
        with pytest.raises(KeyError) as info:
            tl["thank-you.jane-do"]
        assert isinstance(info.value, FollowupError)
        assert "did you mean 'thank-you.jane-doe'?" in str(info.value)
        assert info.value.known == tl.ids  # type: ignore[attr-defined]
        with pytest.raises(NotFoundError):
            tl["nothing"]

    def test_bad_enum_values_are_validation_errors(self) -> None:
        with pytest.raises(ValidationError) as info:
            Outcome(status="maybe")
        assert info.value.field == "status"
        assert "'rejected'" in str(info.value)
        with pytest.raises(ValidationError):
            When(anchor="lunch")
        tl = Timeline(now=datetime(2026, 11, 21, tzinfo=NY))
        with pytest.raises(ValidationError):
            tl.filter(status="soon")

    def test_wrong_types_are_validation_errors(self) -> None:
        with pytest.raises(ValidationError) as info:
            Interview(company="A", role="B", start=datetime(2026, 1, 5, 9, tzinfo=NY), candidate="Sam")  # type: ignore[arg-type]
        assert info.value.field == "candidate"
        with pytest.raises(ValidationError):
            Outcome.rejected(at=date(2026, 1, 6), contact="Jane")  # type: ignore[arg-type]

    def test_diff_keys_clash_is_a_validation_error(self) -> None:
        with pytest.raises(ValidationError):
            diff([1, 1], [], key=lambda x: x, fields=lambda a, b: ())


def test_a_refused_date_reads_as_written() -> None:
    # As in the interview file (ISO 8601), not Python's datetime.date(2026, 6, 12).
    from datetime import UTC, date, datetime

    from followup.errors import ValidationError

    assert str(ValidationError("respond_by", date(2026, 6, 12), "a later date")) == (
        "respond_by: 2026-06-12 is not valid: a later date"
    )
    assert str(ValidationError("at", datetime(2026, 6, 12, 9, tzinfo=UTC), "x")).startswith(
        "at: 2026-06-12T09:00:00+00:00 is not valid"
    )
    assert str(ValidationError("name", "", "a name")) == "name: '' is not valid: a name"
