#!/usr/bin/env python
"""Benchmark: scheduling interviews across 20 countries, each person on their own holidays.

Usage::

    python bench/working_days.py                  # 1,000 and 10,000 interviews (about 3 minutes)
    python bench/working_days.py --quick          # 50 and 200 interviews, a few seconds

Synthetic interviews from ``random.Random(2121)``: 20 zones in 20 countries (every
one a python-holidays calendar), interviewers in another country a third of the
time, a region's own calendar (``"US-CA"``, ``"DE-BY"``, ``"GB-SCT"``, ``"CA-QC"``,
``"AU-NSW"``) for some, starts and outcomes spread over 2026-2027 (so several
years of each calendar), ``presets.after_rejection()`` (business days, a series,
the candidate's tasks). Each run is a fresh process that schedules its interviews
one at a time, after a warm-up of a few interviews (not timed); the sizes run in
the order small, large, small, large, small, so the machine's drift falls on
both. The figure is the large size's µs per interview over the mean of the
small size's runs: 1.00 is linear. Holiday calendars must be built once per
code and year, not per interview: the report gives how many were built.

The output is Markdown: paste it into ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
SEED = 2121
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("UTC"))
SIZES = (1_000, 10_000)
QUICK_SIZES = (50, 200)
BUDGET = 1.25  # µs/interview at the large size ÷ at the small one, as bench.py's scaling budget
ZONES = (  # one zone per country: 20 countries
    "America/New_York",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Dublin",
    "America/Toronto",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Africa/Johannesburg",
    "Asia/Seoul",
)
# Dates reach from 2026 to 2030 at most (starts over two years, then a year of check-ins).
MAX_CALENDARS = (len(ZONES) + 5) * 5
REGIONS = {
    "America/New_York": "US-CA",
    "Europe/Berlin": "DE-BY",
    "Europe/London": "GB-SCT",
    "America/Toronto": "CA-QC",
    "Australia/Sydney": "AU-NSW",
}


def make_interviews(n: int, seed: int = SEED) -> Iterator[tuple[Any, Any]]:
    """``n`` (interview, outcome) pairs, the same for the same seed (a prefix for a smaller ``n``)."""
    from followup import Candidate, Contact, Interview, Outcome

    rng = random.Random(seed)
    first = date(2026, 1, 5)
    for i in range(n):
        zone = rng.choice(ZONES)
        day = first + timedelta(days=rng.randrange(0, 700))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        people = []
        for k in range(rng.randint(1, 3)):
            where = rng.choice(ZONES) if rng.random() < 1 / 3 else zone
            region = REGIONS.get(where) if rng.random() < 0.3 else None
            people.append(
                Contact(
                    name=f"Person {k} Of {i}",
                    email=f"p{k}.{i}@company.example",
                    timezone=where,
                    holidays=region,
                )
            )
        interview = Interview(
            company="Acme Corp",
            role="Data Engineer",
            start=datetime.combine(day, dtime(rng.choice((9, 11, 14, 16))), tzinfo=ZoneInfo(zone)),
            candidate=Candidate(name=f"Candidate {i}", timezone=zone),
            interviewers=people,
            careers_url="https://acme.example/careers",
            key=f"holidays-{i:06d}",
        )
        outcome = Outcome.rejected(at=day + timedelta(days=rng.randint(1, 20)), contact=rng.choice(people))
        yield interview, outcome


def child(n: int, warm: int) -> dict[str, Any]:
    """Schedule ``n`` interviews one at a time (after ``warm`` untimed ones); run in a fresh process."""
    from followup import _holidays, presets

    plan = presets.after_rejection()
    t0 = time.perf_counter()
    for interview, outcome in make_interviews(warm, seed=SEED + 1):
        plan.schedule(interview, outcome=outcome, now=NOW)
    first_use = time.perf_counter() - t0
    seconds = 0.0
    actions = 0
    clock = time.perf_counter
    for interview, outcome in make_interviews(n):
        t0 = clock()
        timeline = plan.schedule(interview, outcome=outcome, now=NOW)
        seconds += clock() - t0
        actions += len(timeline)
    built = _holidays.holidays_in.cache_info()
    return {
        "interviews": n,
        "actions": actions,
        "seconds": seconds,
        "warm_up_seconds": first_use,
        "calendars_built": built.misses,
        "calendar_lookups": built.hits + built.misses,
    }


def _run(n: int, warm: int) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(n), str(warm)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(sizes: tuple[int, int], warm: int) -> dict[str, Any]:
    """Small, large, small, large, small: each in a fresh process."""
    small, large = sizes
    runs: dict[str, list[dict[str, Any]]] = {"small": [], "large": []}
    for which in ("small", "large", "small", "large", "small"):
        runs[which].append(_run(small if which == "small" else large, warm))
    return runs


def report(runs: dict[str, list[dict[str, Any]]]) -> str:
    """The Markdown report."""

    def us(r: dict[str, Any]) -> float:
        return float(r["seconds"]) / float(r["interviews"]) * 1e6

    small, large = runs["small"], runs["large"]
    ratio = statistics.fmean(us(r) for r in large) / statistics.fmean(us(r) for r in small)
    lines = [
        (f"Synthetic interviews from random.Random({SEED}): {len(ZONES)} countries, "
        f"`presets.after_rejection()`, now = {NOW.isoformat()}."),
        "",
        "| interviews | actions | µs/interview (each run) | calendars built | calendar lookups |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in [*small, *large]:
        lines.append(
            f"| {r['interviews']:,} | {r['actions']:,} | {us(r):,.0f} | {r['calendars_built']} | "
            f"{r['calendar_lookups']:,} |"
        )
    top = max(r["calendars_built"] for r in large)
    lines += [
        "",
        "| check | value | budget | result |",
        "|---|---:|---|---|",
        (
            f"| scheduling across 20 countries: µs/interview at {large[0]['interviews']:,} ÷ at "
            f"{small[0]['interviews']:,} (same run) | {ratio:.2f} | ≤ {BUDGET} | "
            f"{'pass' if ratio <= BUDGET else '**FAIL**'} |"
        ),
        (
            f"| holiday calendars built at {large[0]['interviews']:,} interviews (once per code "
            f"and year, not per interview) | {top} | ≤ {MAX_CALENDARS} ({len(ZONES)} countries + "
            f"{len(REGIONS)} regions, × the 5 years 2026-2030 the dates reach) | "
            f"{'pass' if top <= MAX_CALENDARS else '**FAIL**'} |"
        ),
        (
            f"| first use in a process (import python-holidays, first calendars; warm-up of "
            f"{small[0].get('warm', 20)} interviews) | {statistics.fmean(r['warm_up_seconds'] for r in small) * 1e3:.0f} ms "
            "| (reported) | — |"
        ),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, a few seconds")
    parser.add_argument("--json", metavar="PATH", help="also write the raw results as JSON")
    parser.add_argument("--child", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(*args.child)))
        return 0
    warm = 20
    runs = run(QUICK_SIZES if args.quick else SIZES, warm)
    for r in runs["small"]:
        r["warm"] = warm
    print(report(runs))
    if args.json:
        Path(args.json).write_text(json.dumps(runs, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
