"""Issue 16's tracker scenario, built from the public API alone (tests/tracker_app.py).

Three interviews stored in sqlite3 as ``followup.to_dict`` JSON, history
recorded, a re-plan, "what's new" from ``Timeline.diff`` and one combined
``.ics``; no private name, and every ``Any`` the type checker sees in the app
comes from ``json`` or ``sqlite3``.
"""

from __future__ import annotations

import ast
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from tracker_app import Tracker

from followup import (
    Candidate,
    Case,
    Contact,
    Interview,
    Outcome,
    OutcomeChanged,
    ReplyReceived,
    StepDone,
    presets,
)

HERE = Path(__file__).resolve().parent
APP = HERE / "tracker_app.py"
NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
KOLKATA = ZoneInfo("Asia/Kolkata")
SAM = Candidate(name="Sam Rivera", email="sam@example.com")


def _cases() -> list[Case]:
    acme = Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 16, 14, 0, tzinfo=NY),
        duration=timedelta(minutes=45),
        candidate=SAM,
        interviewers=[Contact(name="Jane Doe", email="jane@acme.example")],
        decision_expected=date(2026, 11, 25),
    )
    nordlicht = Interview(
        company="Nordlicht GmbH",
        role="Backend Engineer",
        start=datetime(2026, 11, 17, 10, 0, tzinfo=BERLIN),
        candidate=SAM,
        interviewers=[Contact(name="Sofia Weber", email="sofia@nordlicht.example")],
    )
    tara = Interview(
        company="Tara Analytics",
        role="Platform Engineer",
        start=datetime(2026, 11, 18, 11, 30, tzinfo=KOLKATA),
        candidate=SAM,
        interviewers=[Contact(name="Priya Natarajan", email="priya@tara.example")],
    )
    return [
        Case(interview=acme),
        Case(interview=nordlicht, holidays=None),
        Case(interview=tara, plan=presets.after_interview(status_checks=1)),
    ]


@pytest.fixture
def tracker(tmp_path: Path) -> Tracker:
    return Tracker(str(tmp_path / "tracker.db"))


class TestTrackerScenario:
    def test_the_whole_scenario(self, tracker: Tracker) -> None:
        monday = datetime(2026, 11, 16, 18, 0, tzinfo=NY)
        keys = [tracker.add(case) for case in _cases()]
        assert [c.interview.company for c in tracker.cases()] == [
            "Acme Corp",
            "Nordlicht GmbH",
            "Tara Analytics",
        ]
        assert tracker.cases() == sorted(_cases(), key=lambda c: c.interview.key)

        # The first sync: everything is new.
        first = {key: tracker.sync(key, monday) for key in keys}
        acme, nordlicht, tara = keys
        assert [a.id for a in first[acme].added] == [
            "thank-you.jane-doe",
            "status-check.1",
            "status-check.2",
        ]
        assert not first[acme].changed
        assert not first[acme].cancelled

        # History: a note sent, a rejection, a reply.
        thursday = datetime(2026, 11, 19, 9, 0, tzinfo=NY)
        tracker.record(acme, StepDone(step="thank-you.jane-doe", at=monday + timedelta(hours=1)))
        tracker.record(
            nordlicht,
            OutcomeChanged(outcome=Outcome.rejected(at=date(2026, 11, 18))),
        )
        tracker.record(tara, ReplyReceived(at=thursday - timedelta(hours=2), contact="Priya"))
        assert tracker.case(acme).history == (
            StepDone(step="thank-you.jane-doe", at=monday + timedelta(hours=1)),
        )

        # A re-plan: Tara's follow-up in a formal tone.
        tracker.replan(tara, presets.after_interview(status_checks=1, tone="formal"))
        assert tracker.case(tara).plan.tone == "formal"

        # What's new since the last sync, per interview.
        second = {key: tracker.sync(key, thursday) for key in keys}
        done = {c.after.id: c.fields for c in second[acme].changed}
        assert "status" in done["thank-you.jane-doe"]
        assert second[acme].changed[0].after.status.value == "done"
        assert {a.id for a in second[nordlicht].cancelled} == {
            a.id for a in first[nordlicht].added if a.id.startswith("status-check")
        }
        assert "rejection-reply" in {a.id for a in second[nordlicht].added}
        assert {a.id for a in second[tara].cancelled} == {"status-check.1"}

        # Nothing changed: the next sync says so.
        assert not tracker.sync(acme, thursday)

        # One calendar for the three interviews.
        data = tracker.calendar(thursday)
        calendar = icalendar.Calendar.from_ical(data)
        summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
        for company in ("Acme Corp", "Nordlicht GmbH", "Tara Analytics"):
            assert any(company in s for s in summaries), (company, summaries)
        assert {str(t["TZID"]) for t in calendar.walk("VTIMEZONE")} >= {
            "America/New_York",
            "Europe/Berlin",
        }
        assert tracker.calendar(thursday) == data  # same input, same bytes

    def test_a_case_survives_the_database(self, tracker: Tracker) -> None:
        for case in _cases():
            key = tracker.add(case.with_history(StepDone(step="thank-you", at=case.interview.end)))
            assert tracker.case(key) == case.with_history(
                StepDone(step="thank-you", at=case.interview.end)
            )


class TestTheAppUsesThePublicAPIOnly:
    @pytest.mark.parametrize("path", [APP, Path(__file__)], ids=lambda p: p.name)
    def test_no_private_names(self, path: Path) -> None:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        private = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("followup"):
                names = [node.module or "", *(a.name for a in node.names)]
                private += [n for n in names if any(p.startswith("_") for p in n.split("."))]
            elif isinstance(node, ast.Import):
                private += [a.name for a in node.names if "._" in a.name]
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not (
                node.attr.startswith("__") and node.attr.endswith("__")
            ):
                private.append(node.attr)
        assert private == []

    def test_every_line_is_a_sqlite_call_or_a_public_call(self) -> None:
        """The glue the issue counted (65 lines) is gone: what is left is storage and calls."""
        assert _glue_lines(APP) == []

    def test_mypy_sees_no_any_from_followup(self) -> None:
        from mypy import api

        out, _err, _status = api.run(
            ["--strict", "--disallow-any-expr", "--no-error-summary", str(APP)]
        )
        lines = APP.read_text(encoding="utf-8").splitlines()
        from_followup = []
        for error in out.splitlines():
            match = re.match(r".*tracker_app\.py:(\d+): error: (.*)", error)
            assert match, error
            source = lines[int(match.group(1)) - 1]
            # json.loads and sqlite rows are Any by their own stubs; nothing else may be.
            if not re.search(r"json\.loads|fetchone|fetchall|\brows?\b", source):
                from_followup.append(f"{match.group(1)}: {source.strip()}: {match.group(2)}")
        assert from_followup == []


def _glue_lines(path: Path) -> list[str]:
    """Code lines in the app's methods that are neither sqlite nor a followup call.

    A line counts as storage when it calls the database or ``json``, and as a
    call when it calls a followup name or a method of a followup value; anything
    else (a loop copying fields, a converter, a date parser) is glue.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8").splitlines()
    glue = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for stmt in node.body:
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                continue  # the docstring
            source = "\n".join(text[stmt.lineno - 1 : stmt.end_lineno])
            if not re.search(
                r"self\.db|sqlite3|json\.|to_dict|from_dict|schedule|with_history|diff|"
                r"to_ical_bytes|attrs\.evolve|self\.(save|case|cases)\(|\.interview\.key",
                source,
            ):
                glue.append(source)
    return glue


def test_glue_figure(capsys: pytest.CaptureFixture[str]) -> None:
    """The figure for the closing note: code lines of the app, and how many are glue."""
    tree = ast.parse(APP.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and ast.get_docstring(node):
            first = node.body[0]
            docstrings.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    code = [
        line
        for number, line in enumerate(APP.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip() and not line.strip().startswith("#") and number not in docstrings
    ]
    print(f"tracker_app.py: {len(code)} code lines, {len(_glue_lines(APP))} lines of glue")
    assert len(_glue_lines(APP)) == 0
    assert 30 <= len(code) <= 60
