"""A smoke run of the benchmark at tiny sizes: it runs and reports every row (no timing checks)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("bench")


def test_synthetic_jobs_are_deterministic_and_varied(bench: ModuleType) -> None:
    a = list(bench.make_jobs(40))
    b = list(bench.make_jobs(40))
    assert a == b
    assert list(bench.make_jobs(10)) == a[:10]
    zones = {j.interview.timezone for j in a}
    outcomes = {None if j.outcome is None else j.outcome.status.value for j in a}
    assert len(zones) >= 6
    assert outcomes == {None, "rejected", "offer", "withdrawn"}
    assert any(j.history for j in a)
    assert {len(j.interview.interviewers) for j in a} >= {1, 2, 3}


def test_baseline_builds_the_same_bytes(bench: ModuleType) -> None:
    from datetime import timedelta

    from followup.batch import _spans
    from followup.ical import to_ical

    baseline = _load("baseline")
    for job in bench.make_jobs(12):
        timeline = job.schedule(bench.NOW)
        cal = to_ical(timeline)
        spec = baseline.extract(cal, _spans(timeline.actions, timedelta(minutes=30)))
        assert baseline.build(spec).to_ical() == cal.to_ical()


def test_quick_run_reports_every_row(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--quick", "--sizes", "20,60", "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    for row in (
        "schedule+render (Plan.schedule)",
        "render alone",
        "schedule without render",
        "calendar build (to_ical)",
        "serialise (Calendar.to_ical)",
        "baseline build (icalendar by hand)",
        "export: write_calendar, 1 process",
        "export: write_calendar, 2 processes",
        "### Scaling",
        "calendar build ÷ baseline",
        "import followup",
        "`import followup` loads icalendar | no | no | pass",
        "followup ics examples/pending.toml",
        "export peak RSS",
        "export speed-up, 2 processes vs 1",
        "export with 2 processes byte-identical to 1 | yes | yes | pass",
        "baseline output byte-identical to followup's (sampled) | yes | yes | pass",
    ):
        assert row in out, row
    rows = [line for line in out.splitlines() if line.startswith("| schedule+render")]
    assert [line.count("|") for line in rows] == [6, 6, 3]  # one per size, then the scaling
