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
        timeline = job.schedule(now=bench.NOW)
        cal = to_ical(timeline)
        spec = baseline.extract(cal, _spans(timeline.actions, timedelta(minutes=30)))
        assert baseline.build(spec).to_ical() == cal.to_ical()
        assert baseline.build_typed(spec).to_ical() == cal.to_ical()


def test_quick_run_reports_every_row(
    bench: ModuleType, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    raw = tmp_path / "results.json"
    argv = ["--quick", "--sizes", "20,60", "--repeats", "1", "--held", "--json", str(raw)]
    argv += ["--dask-size", "0"]  # a cluster is slow to start: test_dask_speed_up_rows
    assert bench.main(argv) == 0
    out = capsys.readouterr().out
    for row in (
        "schedule+render (Plan.schedule)",
        "render alone",
        "schedule without render",
        "calendar build (to_ical)",
        "export: to_ical_bytes (build + direct writer)",
        "serialise (Calendar.to_ical)",
        "baseline build (icalendar by hand, Component.add)",
        "baseline build, typed values set directly",
        "calendar build ÷ baseline with typed values set directly",
        "Peak memory of the streaming runs",
        "### Batch export",
        "### Scaling",
        "### Holding every output in memory",
        "calendar build ÷ baseline",
        "scaling, calendar build (to_ical): 60 ÷ 20 actions",
        "scaling, export: to_ical_bytes (build + direct writer): 60 ÷ 20 actions",
        "### Batch export scaling",
        "scaling, batch export (write_calendar, 1 process): ",
        "batch export peak RSS, ",
        "streamed stages, peak RSS at 60 ÷ at 20 actions",
        "import followup",
        "`import followup` loads icalendar | no | no | pass",
        "import followup.tone after followup and attrs",
        "import followup.tone and its first check",
        "followup ics examples/pending.toml",
        "export peak RSS",
        "export speed-up, 2 processes vs 1",
        "fastest runs (1 process: ",
        "export with 2 processes byte-identical to 1 | yes | yes | pass",
        "baseline output byte-identical to followup's (sampled) | yes | yes | pass",
        "export: to_ical_bytes (build + direct writer)",
        "export (build + serialise) ÷ hand-written icalendar script + serialise",
        "export ÷ ics.py 0.7 script",
    ):
        assert row in out, row
    rows = [line for line in out.splitlines() if line.startswith("| schedule+render")]
    # One row per size (streaming), one in the scaling table, one per size (held in memory).
    assert [line.count("|") for line in rows] == [5, 5, 3, 6, 6]
    # The saved figures print the same report.
    assert bench.main(["--from-json", str(raw)]) == 0
    again = capsys.readouterr().out
    assert again.strip() == out.split("\nTotal run time")[0].strip()


def _run(actions: int, us: float) -> dict[str, object]:
    """A streaming run's figures: ``us`` µs per action in every stage (render a tenth)."""
    sec = actions * us / 1e6
    seconds = dict.fromkeys(("schedule", "to_ical", "serialise", "baseline", "baseline_typed"), sec)
    return {"actions": actions, "seconds": seconds | {"render": sec / 10}}


def test_scaling_compares_with_the_controls_taken_at_the_same_time(bench: ModuleType) -> None:
    # The machine ran at half speed during the large run: its controls were slow too, so
    # the large size scales linearly (1.0) although its µs/action doubled.
    results = {
        "sizes": {
            1000: {"run": _run(1000, 100.0), "runs": [_run(1000, 100.0)], "controls": []},
            10000: {
                "run": _run(10000, 240.0),
                "runs": [],
                "controls": [_run(1000, 190.0), _run(1000, 210.0)],
            },
        }
    }
    scaling = bench._scaling(results)
    assert scaling["to_ical"][10000] == pytest.approx(1.2)
    assert scaling["schedule_only"][10000] == pytest.approx(1.2)
    # The smallest size's own figure is the mean of all its measurements, controls included.
    assert bench._stage_us(results, "to_ical", 1000) == pytest.approx((100 + 190 + 210) / 3)
    assert bench._stage_us(results, "schedule_only", 10000) == pytest.approx(216.0)


@pytest.mark.slow
def test_dask_speed_up_rows(bench: ModuleType) -> None:
    """The Dask child (a LocalCluster, a process pool and 1 process in turn) and its rows."""
    got = bench.child_dask(6, 1, 2)
    assert [r["mode"] for r in got["runs"]] == ["one", "dask", "pool", "pool", "dask", "one"]
    assert got["settings"] == bench.DASK_BATCH_CONFIG
    assert len({r["sha256"] for r in got["runs"]}) == 1
    assert all(r["cpu_workers"] > 0 for r in got["runs"] if r["mode"] != "one")
    lines, rows = bench._dask_lines(got)
    assert any("### Dask" in line for line in lines)
    names = [row[0] for row in rows]
    assert names[0].startswith("Dask speed-up, 2 workers vs 1 process")
    assert any(name.startswith("Dask ÷ 2-process pool") for name in names)
    assert rows[-1] == ("Dask and pool output byte-identical to 1 process", "yes", "yes", True)
    # A file of the earlier shape (1, D, D, 1, no pool) still reports.
    old = {"runs": [r for r in got["runs"] if r["mode"] != "pool"], "chunksize": 2}
    assert bench._dask_lines(old)[1][0][0].startswith("Dask speed-up")


def test_lean_streaming_and_export_scaling(bench: ModuleType) -> None:
    """The lean stream (followup's stages only) and the paired export run, as the 1M run uses."""
    lean = bench.child_stream(8, 0, 1)
    assert lean["lean"] is True
    assert set(lean["seconds"]) == set(bench.LEAN_KEYS)
    assert lean["actions"] > 0
    export = bench.child_export_paired(8, 0)
    assert export["actions"] == lean["actions"]
    results = {
        "sizes": {
            8: {"run": lean, "runs": [lean], "controls": []},
            16: {"run": lean, "runs": [lean], "controls": [lean]},
        },
        "export_scaling": {
            8: {"run": export, "runs": [export], "controls": []},
            16: {"run": export, "runs": [export], "controls": [export]},
        },
    }
    scaling = bench._scaling(results)
    assert scaling["export"][16] == pytest.approx(1.0)
    assert scaling["baseline"][16] is None  # not measured in a lean run
    lines, rows = bench._export_scaling_lines(results)
    assert any("### Batch export scaling" in line for line in lines)
    assert rows[0][1] == "1.00"


def test_startup_rows_with_and_without_instruction_counts(bench: ModuleType) -> None:
    st = {
        "import_followup": 0.005,
        "import_deps": 0.08,
        "import_tone": 0.016,
        "tone_first_check": 0.9,
        "icalendar_loaded": False,
        "cli": 0.3,
        "import_icalendar_process": 0.12,
        "cli_cpu": 0.27,
        "import_icalendar_cpu": 0.11,
        "load": 1.0,
        "cli_instructions": None,
        "import_icalendar_instructions": None,
    }
    rows = bench._startup_rows(st)
    assert not any("instructions" in what for what, *_ in rows)
    rows = bench._startup_rows(
        {**st, "cli_instructions": 900e6, "import_icalendar_instructions": 300e6}
    )
    what, value, budget, ok = rows[-1]
    assert "900 M ÷ 300 M" in what
    assert (value, budget, ok) == ("3.00", "(reported)", None)


def test_startup_rows_report_the_floor_of_the_dependency_stack(bench: ModuleType) -> None:
    st = {
        "import_followup": 0.005,
        "import_deps": 0.08,
        "import_tone": 0.016,
        "tone_first_check": 0.9,
        "icalendar_loaded": False,
        "cli": 0.3,
        "import_icalendar_process": 0.12,
        "cli_cpu": 0.25,
        "import_icalendar_cpu": 0.1,
        "load": 1.0,
        "cli_instructions": 900e6,
        "import_icalendar_instructions": 300e6,
        "stack_cpu": 0.13,
        "stack_instructions": 420e6,
        "ics_stack_cpu": 0.12,
        "ics_stack_instructions": 390e6,
    }
    rows = {
        what.split(":")[0]: (value, budget, ok)
        for what, value, budget, ok in bench._startup_rows(st)
    }
    floor = next(k for k in rows if k.startswith("floor of the dependency stack"))
    assert rows[floor] == ("1.30", "(reported)", None)
    ics = next(k for k in rows if k.startswith("floor of what `followup ics` imports"))
    assert rows[ics] == ("1.20", "(reported)", None)
    left = next(k for k in rows if k.startswith("left by the budget"))
    # 1.5 − 1.20 of the anchor is left above what the command imports; its own part 2.50 − 1.20.
    assert rows[left][0] == "0.30 (used 1.30)"
    texts = [w for w, *_ in bench._startup_rows(st)]
    # 1.5 × 300 M − 420 M = 30 M left for followup, which uses 900 M − 420 M...
    assert any(
        "420 M ÷ 300 M; the budget leaves 30 M for followup, which uses 480 M" in w for w in texts
    )
    # ... and above the stack without cattrs, 60 M left and 510 M used.
    assert any(
        "390 M ÷ 300 M; the budget leaves 60 M for followup, which uses 510 M" in w for w in texts
    )
    # A run saved before the stack without cattrs was measured still reports the rest.
    old = {k: v for k, v in st.items() if not k.startswith("ics_stack")}
    left_old = [v for w, v, *_ in bench._startup_rows(old) if w.startswith("left by the budget")]
    assert left_old == ["0.20 (used 1.20)"]


@pytest.mark.slow
def test_instructions_are_counted_when_valgrind_is_there(bench: ModuleType) -> None:
    import shutil

    if shutil.which("valgrind") is None:
        pytest.skip("valgrind is not installed")
    count = bench._instructions([sys.executable, "-c", "pass"])
    assert count is not None
    assert count > 1_000_000
