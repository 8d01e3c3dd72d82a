"""A smoke run of bench/working_days.py at tiny sizes: it runs and reports every row (no timing checks)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "working_days.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_bench_working_days", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_interviews_span_twenty_countries_and_their_regions(bench: ModuleType) -> None:
    from followup.timing import country_of_zone

    assert len({country_of_zone(z) for z in bench.ZONES}) == 20
    pairs = list(bench.make_interviews(300))
    assert pairs == list(bench.make_interviews(300))
    people = [c for iv, _ in pairs for c in iv.interviewers]
    assert {c.holidays.country for c in people if c.holidays} == set(bench.REGIONS.values())
    assert len({iv.timezone for iv, _ in pairs}) == 20


def test_quick_run_reports_every_row(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "| scheduling across 20 countries: µs/interview at 200 ÷ at 50 (same run) |" in out
    assert "| holiday calendars built at 200 interviews" in out
    assert "first use in a process" in out
