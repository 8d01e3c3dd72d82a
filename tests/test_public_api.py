"""Tests for the public surface: ``__all__`` is exactly what ``import *`` gives, and imports stay light."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import followup


def _star_names() -> set[str]:
    namespace: dict[str, object] = {}
    exec("from followup import *", namespace)
    namespace.pop("__builtins__", None)
    return set(namespace)


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


class TestAll:
    def test_star_import_gives_exactly_all(self) -> None:
        assert _star_names() == set(followup.__all__)

    def test_all_is_sorted_and_unique(self) -> None:
        assert list(followup.__all__) == sorted(followup.__all__)
        assert len(set(followup.__all__)) == len(followup.__all__)

    def test_nothing_private_is_exported(self) -> None:
        assert [n for n in followup.__all__ if n.startswith("_") and n != "__version__"] == []

    def test_core_names_are_exported(self) -> None:
        expected = {
            "Action", "Anchor", "BusinessDays", "Candidate", "Channel", "Contact", "Context", "ExploreOpenings",
            "FeedbackRequest", "FollowupError", "HolidayCalendar", "Interview", "InvalidStepError", "KeepInTouch",
            "LinkedInConnect", "Network", "Occurrences", "OutOfOffice", "Outcome", "OutcomeChanged",
            "OutcomeStatus", "Plan", "Recurrence", "RejectionReply", "ReplyReceived", "SchedulingError",
            "SendWindow", "Snoozed", "Status", "StatusCheck", "Step", "StepDone", "StepSkipped", "ThankYou",
            "Timeline", "ValidationError", "When", "presets", "to_ical",
        }
        assert expected <= set(followup.__all__)

    def test_every_name_resolves(self) -> None:
        for name in followup.__all__:
            assert getattr(followup, name) is not None, name

    def test_errors_share_one_root(self) -> None:
        for name in ("ValidationError", "InvalidStepError", "SchedulingError", "TemplateError", "InputFileError"):
            error = getattr(followup, name)
            assert issubclass(error, followup.FollowupError), name
            assert issubclass(error, ValueError), name
        assert issubclass(followup.ExportError, followup.FollowupError)

    def test_unknown_attribute_raises(self) -> None:
        with pytest.raises(AttributeError, match="no_such_name"):
            followup.no_such_name  # noqa: B018

class TestImportCost:
    def test_import_does_not_load_icalendar(self) -> None:
        out = _run(
            """
            import sys
            import followup
            print(sorted(m for m in sys.modules if m == "icalendar" or m.startswith("icalendar.")))
            """
        )
        assert out == "[]"

    def test_scheduling_does_not_load_icalendar(self) -> None:
        out = _run(
            """
            import sys
            from datetime import date, datetime
            from zoneinfo import ZoneInfo
            import followup
            iv = followup.Interview(
                company="Acme Corp", role="Data Engineer",
                start=datetime(2026, 11, 20, 14, tzinfo=ZoneInfo("America/New_York")),
                candidate=followup.Candidate(name="Sam Rivera"),
                interviewers=[followup.Contact(name="Jane Doe")],
            )
            tl = followup.presets.after_interview().schedule(
                iv, outcome=followup.Outcome.rejected(at=date(2026, 11, 24)),
                now=datetime(2026, 11, 25, tzinfo=ZoneInfo("UTC")),
            )
            print(len(tl), "icalendar" in sys.modules)
            """
        )
        assert out == "8 False"

    def test_to_ical_loads_lazily(self) -> None:
        out = _run(
            """
            import sys
            import followup
            before = "icalendar" in sys.modules
            followup.to_ical
            middle = "icalendar" in sys.modules
            followup.to_ical([], stamp=__import__("datetime").datetime(2026, 1, 1, tzinfo=__import__("datetime").UTC))
            print(before, middle, "icalendar" in sys.modules)
            """
        )
        # followup.ical writes bytes without icalendar; to_ical loads it to build its Calendar.
        assert out == "False False True"

    def test_built_in_kinds_do_not_load_entry_points(self) -> None:
        # importlib.metadata costs tens of milliseconds at start-up: only a kind that is not
        # built in (a plugin) needs it.
        out = _run(
            """
            import sys
            from followup import cli, files
            from followup.registry import default_registry
            default_registry.get("thank-you")
            before = "importlib.metadata" in sys.modules
            "no-such-kind" in default_registry
            print(before, "importlib.metadata" in sys.modules)
            """
        )
        assert out == "False True"


PUBLIC_MODULES = [
    "followup",
    "followup.batch",
    "followup.channels",
    "followup.drafts",
    "followup.errors",
    "followup.files",
    "followup.ical",
    "followup.model",
    "followup.plan",
    "followup.presets",
    "followup.registry",
    "followup.render",
    "followup.schedule",
    "followup.steps",
    "followup.testing",
    "followup.timeline",
    "followup.timing",
    "followup.tone",
    "followup.typing",
]


class TestDocstrings:
    @pytest.mark.parametrize("module_name", PUBLIC_MODULES)
    def test_every_public_name_has_a_docstring(self, module_name: str) -> None:
        import importlib
        import inspect

        module = importlib.import_module(module_name)
        assert inspect.getdoc(module), module_name
        missing = []
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isclass(obj) or inspect.isfunction(obj) or inspect.ismodule(obj):
                own = obj.__doc__ if not inspect.isclass(obj) else obj.__dict__.get("__doc__")
                if not (own and own.strip()):
                    missing.append(name)
        assert missing == [], f"{module_name}: no docstring on {missing}"

    @pytest.mark.parametrize("module_name", PUBLIC_MODULES)
    def test_public_functions_document_their_arguments(self, module_name: str) -> None:
        import importlib
        import inspect

        module = importlib.import_module(module_name)
        missing = []
        for name in module.__all__:
            obj = getattr(module, name)
            if not inspect.isfunction(obj):
                continue
            params = [p for p in inspect.signature(obj).parameters if p not in ("self", "cls")]
            if params and "Args:" not in (obj.__doc__ or ""):
                missing.append(name)
        assert missing == [], f"{module_name}: no Args: section on {missing}"
