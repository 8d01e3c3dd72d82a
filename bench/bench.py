#!/usr/bin/env python
"""Benchmarks: followup's stages per action, its overhead over hand-written icalendar code,
start-up cost, and the streaming batch export (memory and multi-process speed-up).

Usage::

    python bench/bench.py                       # sizes of about 1k, 10k and 100k actions
    python bench/bench.py --sizes 1000,10000    # other sizes (in actions)
    python bench/bench.py --quick               # tiny sizes, a few seconds

Synthetic interviews come from ``random.Random(2026)``: eight zones (New York,
Berlin, Sydney, Kolkata, St John's, Lord Howe, London, Tokyo), one to four
interviewers (some in another zone), every outcome, and a history for some.
Each size runs in a fresh process, so memory figures do not mix. Times are
``time.perf_counter`` wall times; memory is the growth of the process's peak
resident set (``VmHWM``, reset through ``/proc/self/clear_refs`` before each
stage) since ``tracemalloc`` slows this code down several times.

The output is Markdown: paste it into ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

SEED = 2026
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("America/New_York"))
FULL_SIZES = (1_000, 10_000, 100_000)
HUGE = 1_000_000  # --full: streamed through followup's own stages and the batch export
LEAN_ABOVE = 100_000  # larger sizes stream followup's stages only (no baselines, no icalendar)
DASK_CHUNKSIZE = (
    64  # jobs per Dask task: a few hundred ms of work, so the scheduler's cost per task is small
)
QUICK_SIZES = (60, 240)
ZONES = (
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Asia/Kolkata",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Europe/London",
    "Asia/Tokyo",
)
_FIRST = (
    "Jane",
    "Omar",
    "Mei",
    "Lars",
    "Priya",
    "Kofi",
    "Ana",
    "Yuki",
    "Noah",
    "Zoë",
    "Ravi",
    "Ines",
)
_LAST = (
    "Doe",
    "Haddad",
    "Chen",
    "Berg",
    "Nair",
    "Mensah",
    "Silva",
    "Sato",
    "Levi",
    "Öztürk",
    "Rao",
)
_COMPANIES = (
    "Acme Corp",
    "Brightwater Analytics",
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella Labs",
)
_ROLES = ("Data Engineer", "Product Designer", "Backend Developer", "Site Reliability Engineer")
_TOPICS = (
    "the data platform migration",
    "design systems for data-heavy screens",
    "on-call practices",
    "the move to event sourcing",
    "how research feeds the roadmap",
)

# followup's run-time dependencies for `followup ics`, imported with nothing else: the floor
# under the command's start-up, whatever followup does itself (attrs for the model,
# dateutil for offsets and recurrences, holidays for business days, tomllib for the
# interview file, cattrs for the converter). The command itself no longer imports cattrs
# (the reader reads durations without the converter): ICS_STACK is what it does import.
STACK = "attrs, cattrs, dateutil.rrule, dateutil.relativedelta, holidays, tomllib"
ICS_STACK = "attrs, dateutil.rrule, dateutil.relativedelta, holidays, tomllib"

BUDGETS = {
    "overhead": 1.15,  # followup's calendar stage ÷ the hand-written baseline
    "export": 0.3,  # to_ical_bytes (build + direct writer) ÷ baseline build + serialise; aim 0.2
    "ics": 1.0,  # to_ical_bytes ÷ an ics.py 0.7 script making the same events
    "cli": 1.5,  # `followup ics` on one file ÷ `python -c "import icalendar"`
    "import": 1.3,  # import followup ÷ import attrs + dateutil
    # import followup.tone after followup and attrs ÷ import attrs + dateutil: the issue's
    # 20 ms against the 63-66 ms that attrs + dateutil take on the reference machine
    "import_tone": 0.3,
    "memory": 1.2,  # export peak RSS at the largest size ÷ at the one 10x smaller
    "speedup": 1.6,  # export with 2 processes vs 1
    "scaling": 1.25,  # µs/action at the largest size ÷ at the smallest (its paired controls)
    "flat": 1.2,  # peak RSS at the largest size ÷ at the smallest (streamed: flat memory)
    "dask": 1.6,  # write_calendar on a 2-worker Dask LocalCluster vs 1 process
}

STAGES = (
    ("schedule", "schedule+render (Plan.schedule)"),
    ("render", "render alone (render.render, same facts)"),
    ("schedule_only", "schedule without render (derived)"),
    ("to_ical", "calendar build (to_ical)"),
    ("serialise", "serialise (Calendar.to_ical)"),
    ("baseline", "baseline build (icalendar by hand, Component.add)"),
    ("baseline_typed", "baseline build, typed values set directly"),
    ("export", "export: to_ical_bytes (build + direct writer)"),
    ("ics", "ics.py 0.7 script, same events (build + serialise)"),
)


# --- synthetic interviews -----------------------------------------------------------------


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def make_jobs(n: int, seed: int = SEED) -> Iterator[Any]:
    """``n`` synthetic jobs, the same for the same seed (a prefix for a smaller ``n``)."""
    from followup import (
        Candidate,
        Contact,
        Interview,
        Outcome,
        OutcomeChanged,
        OutOfOffice,
        ReplyReceived,
        Snoozed,
        StepDone,
        StepSkipped,
        presets,
    )
    from followup.batch import Job

    rng = random.Random(seed)
    plans = {tone: presets.after_interview(tone=tone) for tone in ("warm", "formal", "brief")}
    today = NOW.date()
    for i in range(n):
        zone = rng.choice(ZONES)
        tz = ZoneInfo(zone)
        days_ago = rng.randint(2, 45)
        day = today - timedelta(days=days_ago)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
            days_ago += 1
        start = datetime.combine(
            day, dtime(rng.choice((9, 10, 11, 13, 14, 15, 16)), rng.choice((0, 30))), tzinfo=tz
        )
        interviewers = []
        for _ in range(rng.randint(1, 4)):
            name = _person(rng)
            handle = re.sub(r"[^a-z]", "", name.lower())
            interviewers.append(
                Contact(
                    name=name,
                    email=f"{handle}{rng.randint(1, 99)}@company.example"
                    if rng.random() < 0.9
                    else None,
                    linkedin=f"https://www.linkedin.com/in/{handle}{i}"
                    if rng.random() < 0.6
                    else None,
                    title=rng.choice(
                        (None, "Engineering Manager", "Staff Engineer", "Head of Design")
                    ),
                    timezone=rng.choice(ZONES) if rng.random() < 0.25 else None,
                    topics=[rng.choice(_TOPICS)] if rng.random() < 0.5 else [],
                )
            )
        names = {c.name for c in interviewers}
        if len(names) < len(interviewers):  # thank-you ids come from names: keep them unique
            interviewers = list({c.name: c for c in interviewers}.values())
        recruiter = (
            Contact(name=f"Recruiter {rng.choice(_LAST)}", email="talent@company.example")
            if rng.random() < 0.5
            else None
        )
        decision = day + timedelta(days=rng.randint(3, 10)) if rng.random() < 0.6 else None
        interview = Interview(
            company=rng.choice(_COMPANIES),
            role=rng.choice(_ROLES),
            start=start,
            duration=timedelta(minutes=rng.choice((30, 45, 60, 90))),
            # About three interviews per person, not always next to each other (a value
            # object: equal candidates, and no table of them growing with n).
            candidate=Candidate(
                name=f"Candidate {(who := rng.randrange(i // 3 + 1))}",
                email=f"candidate{who}@example.com",
            ),
            interviewers=interviewers,
            recruiter=recruiter,
            stage=rng.choice((None, "phone screen", "final round")),
            topics=[rng.choice(_TOPICS)],
            decision_expected=decision,
            careers_url="https://careers.example/jobs" if rng.random() < 0.7 else None,
            key=f"bench-{i:07d}",
        )
        kind = rng.choice(("pending", "rejected", "rejected", "offer", "withdrawn"))
        outcome_day = day + timedelta(days=rng.randint(1, max(1, days_ago - 1)))
        by = rng.choice(interviewers) if rng.random() < 0.5 else None
        outcome = None if kind == "pending" else getattr(Outcome, kind)(at=outcome_day, contact=by)
        history: list[Any] = []
        if rng.random() < 0.4:
            first = interviewers[0]
            done_at = start + timedelta(hours=rng.randint(3, 30))
            history.append(StepDone(step=f"thank-you.{_slug(first.name)}", at=done_at))
            pick = rng.random()
            if pick < 0.2:
                history.append(ReplyReceived(at=day + timedelta(days=2), contact=first.name))
            elif pick < 0.4:
                history.append(
                    OutOfOffice(
                        until=today + timedelta(days=rng.randint(1, 10)), contact=first.name
                    )
                )
            elif pick < 0.6:
                history.append(
                    Snoozed(step="status-check", until=today + timedelta(days=rng.randint(2, 9)))
                )
            elif pick < 0.8 and kind == "pending":
                history.append(OutcomeChanged(outcome=Outcome.rejected(at=outcome_day)))
            else:
                history.append(StepSkipped(step="linkedin-connect", at=today))
        plan = plans[rng.choice(("warm", "formal", "brief"))]
        yield Job(interview=interview, plan=plan, outcome=outcome, history=history)


def _slug(name: str) -> str:
    from followup._ids import slug

    return slug(name)


# --- measuring ------------------------------------------------------------------------------


def _kib(field: str) -> int | None:
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return None
    m = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(m.group(1)) if m else None


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        return False
    return True


def _measure(fn: Callable[[], Any]) -> tuple[Any, float, int | None]:
    """Run ``fn``: its result, wall seconds and peak RSS growth in KiB (None if unknown).

    The objects alive before (earlier stages' outputs) are frozen out of the cyclic
    garbage collector while ``fn`` runs, so a stage pays for collecting its own objects
    only, not for the size of what the benchmark keeps around.
    """
    gc.collect()
    gc.freeze()
    can_reset = _reset_peak()
    before = _kib("VmRSS")
    t0 = time.perf_counter()
    try:
        result = fn()
    finally:
        seconds = time.perf_counter() - t0
        gc.unfreeze()
    peak = _kib("VmHWM")
    grow = None if not can_reset or before is None or peak is None else max(0, peak - before)
    return result, seconds, grow


def _warm_up() -> None:
    """Run every stage on other interviews first: template loading, zone and VTIMEZONE
    caches are one-time costs (the start-up figures cover them), not per-action ones."""
    import baseline

    from followup.batch import _spans
    from followup.ical import to_ical, to_ical_bytes

    for job in make_jobs(20, seed=SEED + 1):
        timeline = job.schedule(now=NOW)
        cal = to_ical(timeline)
        spec = baseline.extract(cal, _spans(timeline.actions, timedelta(minutes=30)))
        baseline.build(spec)
        cal.to_ical()
        to_ical_bytes(timeline)
        if _has_ics():
            baseline.build_ics(spec)


_Call = tuple[str, Any, dict[str, Any]]


def _recorder() -> tuple[list[_Call], Callable[..., Any], Callable[..., Any]]:
    """A stand-in for ``render.render`` that records its calls: (calls, original, stand-in)."""
    import followup.render

    calls: list[_Call] = []
    original = followup.render.render

    def recording(kind: str, facts: Any, **kw: Any) -> Any:
        calls.append((kind, facts, kw))
        return original(kind, facts, **kw)

    return calls, original, recording


def child_stages(n_jobs: int) -> dict[str, Any]:
    """Each stage over ``n_jobs`` jobs, with every input held in memory (run in a fresh process)."""
    import baseline

    import followup.render
    from followup.batch import _spans
    from followup.ical import to_ical

    jobs = list(make_jobs(n_jobs))
    _warm_up()
    calls, original, recording = _recorder()
    out: dict[str, Any] = {"jobs": n_jobs, "stages": {}}
    followup.render.render = recording
    try:
        timelines, sec, mem = _measure(lambda: [j.schedule(now=NOW) for j in jobs])
    finally:
        followup.render.render = original
    actions = sum(len(t) for t in timelines)
    out["actions"] = actions
    out["messages"] = len(calls)
    out["stages"]["schedule"] = (sec, mem)
    _, sec, mem = _measure(lambda: [original(k, f, **kw) for k, f, kw in calls])
    out["stages"]["render"] = (sec, mem)
    cals, sec, mem = _measure(lambda: [to_ical(t) for t in timelines])
    out["stages"]["to_ical"] = (sec, mem)
    out["events"] = sum(len(c.subcomponents) for c in cals)
    # The baseline right after followup's build, so the machine's drift between the two
    # measurements is as small as it can be.
    specs = [
        baseline.extract(c, _spans(t.actions, timedelta(minutes=30)))
        for c, t in zip(cals, timelines, strict=True)
    ]
    built, sec, mem = _measure(lambda: [baseline.build(s) for s in specs])
    out["stages"]["baseline"] = (sec, mem)
    typed, sec, mem = _measure(lambda: [baseline.build_typed(s) for s in specs])
    out["stages"]["baseline_typed"] = (sec, mem)
    data, sec, mem = _measure(lambda: [bytes(c.to_ical()) for c in cals])
    out["stages"]["serialise"] = (sec, mem)
    out["bytes"] = sum(len(d) for d in data)
    sample = range(0, len(built), max(1, len(built) // 50))
    out["baseline_identical"] = all(
        bytes(built[i].to_ical()) == data[i] == bytes(typed[i].to_ical()) for i in sample
    )
    return out


STREAM_KEYS = (
    "schedule",
    "render",
    "to_ical",
    "serialise",
    "baseline",
    "baseline_typed",
    "export",
    "ics",
)


def _has_ics() -> bool:
    import importlib.util

    return importlib.util.find_spec("ics") is not None


LEAN_KEYS = ("schedule", "render", "to_ical", "export")
"""The stages of a lean run: followup's own (icalendar's serialiser and the references left out)."""


def _pause_points(n_jobs: int, pauses: int) -> set[int]:
    return {round(n_jobs * k / (pauses + 1)) for k in range(1, pauses + 1)}


def _pause() -> float:
    """Print PAUSE, wait for the parent's line on stdin; the seconds waited."""
    t0 = time.perf_counter()
    print("PAUSE", flush=True)
    sys.stdin.readline()
    return time.perf_counter() - t0


def child_stream(n_jobs: int, pauses: int, lean: int = 0) -> dict[str, Any]:
    """Every stage over ``n_jobs`` jobs, one job at a time (run in a fresh process).

    Each job goes through the stages in turn and its outputs are dropped before the
    next job, as a nightly re-plan of many users would stream them; each stage's time
    is summed over the jobs. ``pauses`` times, evenly spread, the process prints
    ``PAUSE`` and waits for a line on stdin, so the parent can run a control
    measurement at the smallest size while this one is suspended. ``lean``: only
    followup's own stages (:data:`LEAN_KEYS`), for the largest sizes.
    """
    if lean:
        return _child_stream_lean(n_jobs, pauses)
    import baseline

    import followup.render
    from followup.batch import _spans
    from followup.ical import to_ical, to_ical_bytes

    _warm_up()
    with_ics = _has_ics()
    calls, original, recording = _recorder()
    pause_at = _pause_points(n_jobs, pauses)
    seconds = dict.fromkeys(STREAM_KEYS, 0.0)
    actions = messages = events = size = 0
    identical = True
    clock = time.perf_counter
    gc.collect()
    can_reset = _reset_peak()
    before = _kib("VmRSS")
    followup.render.render = recording
    try:
        for i, job in enumerate(make_jobs(n_jobs)):
            if i in pause_at:
                _pause()
            calls.clear()
            t0_schedule = clock()
            timeline = job.schedule(now=NOW)
            t1 = clock()
            for kind, facts, kw in calls:
                original(kind, facts, **kw)
            t2 = clock()
            # The baselines' values come from a calendar built beforehand (not timed), which
            # also warms the caches alike for every build; the order of the builds rotates.
            spec = baseline.extract(
                to_ical(timeline), _spans(timeline.actions, timedelta(minutes=30))
            )
            builds: dict[str, Callable[[], Any]] = {
                "to_ical": functools.partial(to_ical, timeline),
                "baseline": functools.partial(baseline.build, spec),
                "baseline_typed": functools.partial(baseline.build_typed, spec),
                "export": functools.partial(to_ical_bytes, timeline),
            }
            if with_ics:
                builds["ics"] = functools.partial(baseline.build_ics, spec)
            order = list(builds)
            made: dict[str, Any] = {}
            turn = i % len(order)
            for key in order[turn:] + order[:turn]:
                t0 = clock()
                made[key] = builds[key]()
                seconds[key] += clock() - t0
            cal = made["to_ical"]
            t0 = clock()
            data = bytes(cal.to_ical())
            seconds["serialise"] += clock() - t0
            seconds["schedule"] += t1 - t0_schedule
            seconds["render"] += t2 - t1
            actions += len(timeline)
            messages += len(calls)
            events += len(cal.subcomponents)
            size += len(data)
            if i % 50 == 0:
                identical = (
                    identical
                    and made["export"] == data
                    and all(
                        bytes(made[key].to_ical()) == data for key in ("baseline", "baseline_typed")
                    )
                )
    finally:
        followup.render.render = original
    peak = _kib("VmHWM")
    grow = None if not can_reset or before is None or peak is None else max(0, peak - before)
    return {
        "jobs": n_jobs,
        "actions": actions,
        "messages": messages,
        "events": events,
        "bytes": size,
        "seconds": seconds,
        "peak_growth_kib": grow,
        "peak_kib": peak,
        "baseline_identical": identical,
        "with_ics": with_ics,
    }


def _child_stream_lean(n_jobs: int, pauses: int) -> dict[str, Any]:
    """:func:`child_stream` for followup's own stages only (:data:`LEAN_KEYS`)."""
    import followup.render
    from followup.ical import to_ical, to_ical_bytes

    _warm_up()
    calls, original, recording = _recorder()
    pause_at = _pause_points(n_jobs, pauses)
    seconds = dict.fromkeys(LEAN_KEYS, 0.0)
    actions = messages = size = 0
    clock = time.perf_counter
    gc.collect()
    can_reset = _reset_peak()
    before = _kib("VmRSS")
    followup.render.render = recording
    try:
        for i, job in enumerate(make_jobs(n_jobs)):
            if i in pause_at:
                _pause()
            calls.clear()
            t0 = clock()
            timeline = job.schedule(now=NOW)
            t1 = clock()
            for kind, facts, kw in calls:
                original(kind, facts, **kw)
            t2 = clock()
            first, second = ("to_ical", "export") if i % 2 else ("export", "to_ical")
            for key in (first, second):
                t3 = clock()
                made = to_ical(timeline) if key == "to_ical" else to_ical_bytes(timeline)
                seconds[key] += clock() - t3
                if key == "export":
                    size += len(made)
            seconds["schedule"] += t1 - t0
            seconds["render"] += t2 - t1
            actions += len(timeline)
            messages += len(calls)
    finally:
        followup.render.render = original
    peak = _kib("VmHWM")
    grow = None if not can_reset or before is None or peak is None else max(0, peak - before)
    return {
        "jobs": n_jobs,
        "actions": actions,
        "messages": messages,
        "events": None,
        "bytes": size,
        "seconds": seconds,
        "peak_growth_kib": grow,
        "peak_kib": peak,
        "baseline_identical": None,
        "lean": True,
    }


def _paused_jobs(n_jobs: int, pauses: int, waited: list[float]) -> Iterator[Any]:
    """``make_jobs(n_jobs)``, pausing ``pauses`` times (the seconds waited go to ``waited``)."""
    pause_at = _pause_points(n_jobs, pauses)
    for i, job in enumerate(make_jobs(n_jobs)):
        if i in pause_at:
            waited.append(_pause())
        yield job


def child_export_paired(n_jobs: int, pauses: int) -> dict[str, Any]:
    """``write_calendar`` in this process over ``n_jobs`` jobs, pausing for control runs.

    The time spent waiting at the pauses is not counted. Warmed up first (template
    loading and zone caches are one-time costs), as the stage runs are.
    """
    from followup.batch import write_calendar

    _warm_up()
    waited: list[float] = []
    gc.collect()
    start_rss = _kib("VmRSS")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.ics"
        t0 = time.perf_counter()
        actions = write_calendar(path, _paused_jobs(n_jobs, pauses, waited), now=NOW)
        seconds = time.perf_counter() - t0 - sum(waited)
        size = path.stat().st_size
    return {
        "jobs": n_jobs,
        "actions": actions,
        "seconds": seconds,
        "bytes": size,
        "start_kib": start_rss,
        "peak_kib": _kib("VmHWM"),
        "load": os.getloadavg()[0],
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Dask's monitors, quietened for batch work (docs/dask.md, "Configure the cluster"): by
# default every worker samples its task thread's stack every 10 ms for the dashboard's
# profile, and every worker, nanny and the scheduler poll psutil and their event loop
# many times a second. That is CPU paid per second of wall time, not per job: about 10 %
# of a core at rest here, and much more during a run on a loaded machine.
DASK_BATCH_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` so far, from ``/proc``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child_dask(n_jobs: int, rounds: int, chunksize: int, config: str = "batch") -> dict[str, Any]:
    """``write_calendar`` on a 2-worker Dask LocalCluster, a 2-process pool and this process.

    The cluster (2 worker processes, 1 thread each) and the pool (2 processes)
    start once, outside the timings: a host has its cluster already. All three
    ways are warmed up first on other jobs. Then ``rounds`` times: 1 process,
    Dask, pool, pool, Dask, 1 process, so the machine's drift falls on each
    alike. Dask and the pool get the same chunks. CPU seconds: this process's
    (the writer, with the Dask scheduler, nannies and client), and the workers'
    (``getrusage`` in each Dask worker; ``/proc`` for the pool's). ``config``:
    ``batch`` starts the cluster with :data:`DASK_BATCH_CONFIG`, ``defaults``
    with Dask's own settings.
    """
    import warnings
    from concurrent.futures import ProcessPoolExecutor

    import dask
    from distributed import Client, LocalCluster

    from followup.batch import write_calendar

    warnings.simplefilter("ignore")  # distributed's notices would mix with the JSON on stdout

    def cpu() -> float:  # also run on each worker
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    runs: list[dict[str, Any]] = []
    settings = DASK_BATCH_CONFIG if config == "batch" else {}
    with dask.config.set(settings):
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
    with (
        cluster,
        Client(cluster) as client,
        ProcessPoolExecutor(max_workers=2) as pool,
        tempfile.TemporaryDirectory() as tmp,
    ):
        executor = client.get_executor()
        warm = list(make_jobs(40, seed=SEED + 1))
        write_calendar(Path(tmp) / "warm.ics", warm, now=NOW, executor=executor, chunksize=4)
        write_calendar(Path(tmp) / "warm.ics", warm, now=NOW, executor=pool, chunksize=4)
        pool_pids = [p.pid for p in pool._processes.values()]  # their CPU time
        _warm_up()
        for _ in range(rounds):
            for mode in ("one", "dask", "pool", "pool", "dask", "one"):
                path = Path(tmp) / f"{mode}.ics"
                workers_before = sum(client.run(cpu).values())
                pool_before = sum(_proc_cpu(pid) for pid in pool_pids)
                cpu_before = cpu()
                load = os.getloadavg()[0]
                t0 = time.perf_counter()
                if mode == "one":
                    actions = write_calendar(path, make_jobs(n_jobs), now=NOW)
                else:
                    actions = write_calendar(
                        path,
                        make_jobs(n_jobs),
                        now=NOW,
                        executor=executor if mode == "dask" else pool,
                        chunksize=chunksize,
                    )
                seconds = time.perf_counter() - t0
                cpu_self = cpu() - cpu_before
                dask_workers = sum(client.run(cpu).values()) - workers_before
                pool_workers = sum(_proc_cpu(pid) for pid in pool_pids) - pool_before
                runs.append(
                    {
                        "mode": mode,
                        "jobs": n_jobs,
                        "actions": actions,
                        "seconds": seconds,
                        "cpu_self": cpu_self,
                        "cpu_workers": {"one": 0.0, "pool": pool_workers}.get(mode, dask_workers),
                        # The Dask workers' CPU while the others run: Dask's background work.
                        "cpu_idle_dask": None if mode == "dask" else dask_workers,
                        "sha256": _sha256(path),
                        "load": load,
                    }
                )
    return {"runs": runs, "chunksize": chunksize, "config": config, "settings": settings}


def child_export(n_jobs: int, workers: int, chunksize: int) -> dict[str, Any]:
    """``write_calendar`` over a generator of ``n_jobs`` jobs (run in a fresh process)."""
    from followup.batch import write_calendar

    start_rss = _kib("VmRSS")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.ics"
        t0 = time.perf_counter()
        actions = write_calendar(
            path, make_jobs(n_jobs), now=NOW, workers=workers, chunksize=chunksize
        )
        seconds = time.perf_counter() - t0
        peak = _kib("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        size = path.stat().st_size
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = kids.ru_maxrss
    return {
        "cpu_self": me.ru_utime + me.ru_stime,
        "cpu_children": kids.ru_utime + kids.ru_stime,
        "jobs": n_jobs,
        "workers": workers,
        "actions": actions,
        "seconds": seconds,
        "bytes": size,
        "sha256": digest.hexdigest(),
        "start_kib": start_rss,
        "peak_kib": peak,
        "worker_peak_kib": children if workers > 1 else None,
    }


_CHILD = (sys.executable, str(Path(__file__).resolve()))
"""This script, run again in a fresh interpreter."""


def _child(*args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [*_CHILD, *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _stream(
    n_jobs: int, pauses: int, control_jobs: int, *, lean: bool = False
) -> tuple[dict[str, Any], list[Any]]:
    """``child_stream`` in a fresh process, with control runs at ``control_jobs`` (see _paired)."""
    return _paired(
        ["--child-stream", str(n_jobs), str(pauses), str(int(lean))],
        ["--child-stream", str(control_jobs), "0", str(int(lean))],
    )


def _paired(args: list[str], control: list[str]) -> tuple[dict[str, Any], list[Any]]:
    """This script with ``args`` in a fresh process; at each of its pauses, a control run
    (``control``, also in a fresh process) while it waits.

    The machine is shared and its speed drifts by tens of per cent over minutes; the
    controls sample the same minutes as the run, so a size is compared with the
    smallest size measured at the same time.
    """
    cmd = [*_CHILD, *args]
    controls: list[Any] = []
    with subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
    ) as proc:
        assert proc.stdin is not None
        assert proc.stdout is not None
        last = ""
        for line in proc.stdout:
            if line.strip() == "PAUSE":
                controls.append(_child(*control))
                proc.stdin.write("\n")
                proc.stdin.flush()
            else:
                last = line
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return json.loads(last), controls


def _import_seconds(modules: str, repeats: int) -> list[float]:
    code = f"import time; t = time.perf_counter(); import {modules}; print(time.perf_counter() - t)"
    out = []
    for _ in range(repeats + 1):
        proc = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
        )
        out.append(float(proc.stdout))
    return out[1:]


def _marginal_import_seconds(
    before: str, module: str, repeats: int, then: str = "pass"
) -> list[float]:
    """Seconds to import ``module`` (and run ``then``) in a fresh process that has ``before``."""
    code = (
        f"import {before}; import time; t = time.perf_counter(); import {module}; {then}; "
        "print(time.perf_counter() - t)"
    )
    out = []
    for _ in range(repeats + 1):
        proc = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
        )
        out.append(float(proc.stdout))
    return out[1:]


def _runs_in_turn(cmds: Sequence[Sequence[str]], repeats: int) -> list[list[tuple[float, float]]]:
    """(wall, CPU) seconds of each command, run in turn: drift in the load falls on all.

    The order rotates each round, so no command always runs first. The CPU time (user +
    system of the child) is what a busy machine inflates least: the wall time of a
    start-up on a machine whose cores are all taken is mostly waiting.
    """
    runs: list[list[tuple[float, float]]] = [[] for _ in cmds]
    for i in range(repeats + 1):  # the first round warms the file cache and is dropped
        for k in range(len(cmds)):
            j = (i + k) % len(cmds)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(cmds[j], check=True, capture_output=True, cwd=ROOT)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            runs[j].append((wall, cpu))
    return [r[1:] for r in runs]


def compile_bytecode() -> None:
    """Compile followup's modules, as pip does when it installs the wheel.

    The anchor (icalendar, installed by pip) starts from bytecode; an editable
    checkout has none when ``PYTHONDONTWRITEBYTECODE`` is set (as in CI and here),
    and would otherwise be timed compiling every module from source on every start.
    """
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "followup")],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def _instructions(cmd: Sequence[str]) -> int | None:
    """Instructions a command executes, counted by valgrind's callgrind (None without valgrind).

    A count, not a time: the same on an idle machine and on one whose cores are all taken,
    so a change to the start-up can be measured while others run their test suites.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    proc = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    m = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    return int(m.group(1)) if m else None


def startup(repeats: int, *, instructions: bool = False) -> dict[str, Any]:
    """Start-up figures: icalendar not imported, import time, and the CLI's wall time.

    With ``instructions``, also the instructions each of the two commands executes
    (valgrind; about two minutes more).
    """
    compile_bytecode()
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import followup"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    loaded = [
        line.split("|")[-1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:")
    ]
    icalendar_loaded = any(m.split(".")[0] == "icalendar" for m in loaded)
    assert not icalendar_loaded, "import followup imported icalendar"
    own = [m for m in loaded if m.startswith("followup")]
    followup_s = statistics.median(_import_seconds("followup", repeats))
    deps_s = statistics.median(
        _import_seconds("attrs, dateutil.relativedelta, dateutil.rrule", repeats)
    )
    # The tone check's own import (its dependencies already loaded), and its first check,
    # which reads rules/en.toml and compiles the rules.
    tone_s = statistics.median(
        _marginal_import_seconds("followup, attrs", "followup.tone", repeats)
    )
    tone_first_s = statistics.median(
        _marginal_import_seconds(
            "followup, attrs", "followup.tone", repeats, "followup.tone.check('Hi Ana, thanks.')"
        )
    )
    exe = Path(sys.executable).with_name("followup")
    cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "followup"]
    with tempfile.TemporaryDirectory() as tmp:
        # Not "-o /dev/null": the atomic write renames a temporary file over the target,
        # which would replace the /dev/null device with a regular file when run as root.
        out = str(Path(tmp) / "pending.ics")
        ics = [*cli, "ics", "examples/pending.toml", "-o", out, "--now", "2026-11-25T09:00-05:00"]
        anchor = [sys.executable, "-c", "import icalendar"]
        floor = [sys.executable, "-c", f"import {STACK}"]
        ics_floor = [sys.executable, "-c", f"import {ICS_STACK}"]
        cli_runs, icalendar_runs, floor_runs, ics_floor_runs = _runs_in_turn(
            [ics, anchor, floor, ics_floor], repeats
        )
        counts = (
            tuple(_instructions(c) for c in (ics, anchor, floor, ics_floor))
            if instructions
            else (None, None, None, None)
        )
    cli_s = statistics.median(w for w, _ in cli_runs)
    icalendar_s = statistics.median(w for w, _ in icalendar_runs)
    cli_cpu = statistics.median(c for _, c in cli_runs)
    icalendar_cpu = statistics.median(c for _, c in icalendar_runs)
    return {
        "icalendar_loaded": icalendar_loaded,
        "modules": len(loaded),
        "followup_modules": len(own),
        "import_followup": followup_s,
        "import_deps": deps_s,
        "import_tone": tone_s,
        "tone_first_check": tone_first_s,
        "cli": cli_s,
        "import_icalendar_process": icalendar_s,
        "cli_cpu": cli_cpu,
        "import_icalendar_cpu": icalendar_cpu,
        "load": os.getloadavg()[0],
        "cli_instructions": counts[0],
        "import_icalendar_instructions": counts[1],
        "stack_cpu": statistics.median(c for _, c in floor_runs),
        "stack_instructions": counts[2],
        "ics_stack_cpu": statistics.median(c for _, c in ics_floor_runs),
        "ics_stack_instructions": counts[3],
    }


# --- the report -----------------------------------------------------------------------------


def _machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        text = Path("/proc/cpuinfo").read_text()
        m = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
        cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


def _fmt(n: float, digits: int = 1) -> str:
    return f"{n:,.{digits}f}"


def _mib(kib: int | None) -> str:
    return "n/a" if kib is None else _fmt(kib / 1024)


def _verdict(ok: bool) -> str:
    return "pass" if ok else "**FAIL**"


def run(
    sizes: Sequence[int],
    *,
    export_w1_max: int,
    chunksize: int,
    repeats: int,
    calibrate: int,
    log: Callable[[str], None],
    export_only: bool = False,
    stage_repeats: int = 3,
    held: bool = False,
    dask_size: int | None = None,
    dask_rounds: int = 2,
    dask_config: str = "batch",
) -> dict[str, Any]:
    """Run every measurement; return the raw results."""
    from followup.batch import schedule_many

    sample = list(make_jobs(calibrate))
    per_job = statistics.fmean(len(t) for t in schedule_many(sample, now=NOW))
    results: dict[str, Any] = {
        "machine": _machine(),
        "load_start": os.getloadavg(),
        "per_job": per_job,
        "sizes": {},
        "held": {},
        "export": {},
        "export_scaling": {},
        "dask": None,
    }
    jobs_for = {size: max(1, round(size / per_job)) for size in sizes}
    smallest = jobs_for[sizes[0]]
    for size in sizes if not export_only else ():
        n_jobs = jobs_for[size]
        if size == sizes[0]:
            runs = []
            for r in range(stage_repeats):
                log(f"stages, streaming: {size} actions ({n_jobs} interviews), run {r + 1}")
                runs.append(_stream(n_jobs, 0, smallest)[0])
            results["sizes"][size] = {"run": runs[0], "runs": runs, "controls": []}
        else:
            pauses = max(1, min(9, size // sizes[0] - 1))
            lean = size > LEAN_ABOVE
            log(
                f"stages, streaming{' (followup stages only)' if lean else ''}: {size} actions "
                f"({n_jobs} interviews), {pauses} control runs at {sizes[0]} in between"
            )
            got, controls = _stream(n_jobs, pauses, smallest, lean=lean)
            results["sizes"][size] = {"run": got, "runs": [got], "controls": controls}
        if held and size <= LEAN_ABOVE:
            log(f"stages, every output held in memory: {size} actions")
            results["held"][size] = _child("--child-stages", str(n_jobs))
    for size in sizes:
        # write_calendar in one process, streamed: linear, with flat memory (paired in time).
        n_jobs = jobs_for[size]
        if size == sizes[0]:
            runs = []
            for r in range(stage_repeats):
                log(f"export scaling: {size} actions, 1 process, run {r + 1}")
                runs.append(_child("--child-export-paired", str(n_jobs), "0"))
            results["export_scaling"][size] = {"run": runs[0], "runs": runs, "controls": []}
        else:
            pauses = max(1, min(9, size // sizes[0] - 1))
            log(f"export scaling: {size} actions, 1 process, {pauses} control runs in between")
            got, controls = _paired(
                ["--child-export-paired", str(n_jobs), str(pauses)],
                ["--child-export-paired", str(smallest), "0"],
            )
            results["export_scaling"][size] = {"run": got, "runs": [got], "controls": controls}
    if dask_size:
        n_jobs = max(1, round(dask_size / per_job))
        log(
            f"Dask: {dask_size} actions, 2 workers vs a 2-process pool vs 1 process, "
            f"{dask_rounds} rounds of 1,D,P,P,D,1 ({dask_config} settings)"
        )
        results["dask"] = _child(
            "--child-dask", str(n_jobs), str(dask_rounds), str(DASK_CHUNKSIZE), dask_config
        )
    with_one = [s for s in sizes if s <= export_w1_max or s == sizes[0]]
    for size in [s for s in sizes if s <= LEAN_ABOVE]:
        n_jobs = jobs_for[size]
        # 1, 2, 2, 1 processes (twice at the size the speed-up is taken at): drift in the
        # machine's speed falls on both equally, and the fastest of four is less at its mercy.
        repeat = 2 if size == with_one[-1] else 1
        order = (1, 2, 2, 1) * repeat if size in with_one else (2,)
        for workers in order:
            log(f"export: {size} actions, {workers} process(es)")
            got = _child("--child-export", str(n_jobs), str(workers), str(chunksize))
            results["export"].setdefault((size, workers), []).append(got)
    if not export_only:
        log("start-up")
        results["startup"] = startup(repeats)
    results["load_end"] = os.getloadavg()
    return results


def _per_action(run: dict[str, Any], key: str) -> float | None:
    """µs per action of one stage in one streaming run (None: not measured in that run)."""
    sec = run["seconds"]
    if key == "schedule_only":
        value = sec["schedule"] - sec["render"]
    elif key in sec:
        value = sec[key]
    else:
        return None
    return float(value) / float(run["actions"]) * 1e6


def _measured(results: dict[str, Any], key: str) -> bool:
    """Whether a stage was measured in every streaming run (ics.py needs the bench extra)."""
    # Lean runs (the largest size) measure followup's stages only: judge by the others.
    runs = [r["run"] for r in results["sizes"].values() if not r["run"].get("lean")]
    if key in ("export", "ics"):
        flag = "with_ics" if key == "ics" else None
        return all(key in r["seconds"] and (flag is None or r.get(flag)) for r in runs)
    return True


def _mean(values: Iterable[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return statistics.fmean(got) if got else None


def _scaling(results: dict[str, Any]) -> dict[str, dict[int, float | None]]:
    """Per stage and size: µs/action ÷ that of the control runs at the smallest size taken
    during the same run (the smallest size itself: 1.0; None where not measured)."""
    sizes = sorted(results["sizes"])
    out: dict[str, dict[int, float | None]] = {}
    for key, _ in STAGES:
        if not _measured(results, key):
            continue
        for size in sizes[1:]:
            r = results["sizes"][size]
            control = _mean(_per_action(c, key) for c in r["controls"])
            mine = _per_action(r["run"], key)
            out.setdefault(key, {})[size] = None if mine is None or not control else mine / control
    return out


def _stage_us(results: dict[str, Any], key: str, size: int) -> float | None:
    r = results["sizes"][size]
    if size == min(results["sizes"]):
        # Every measurement of the smallest size: its own runs and the controls.
        every = [*r["runs"]] + [c for other in results["sizes"].values() for c in other["controls"]]
        return _mean(_per_action(x, key) for x in every)
    return _per_action(r["run"], key)


def _export_us(run: dict[str, Any]) -> float:
    return float(run["seconds"]) / float(run["actions"]) * 1e6


def _export_scaling_lines(results: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """The table of write_calendar's streamed scaling (1 process) and its budget rows."""
    table = results.get("export_scaling") or {}
    if not table:
        return [], []
    sizes = sorted(table)
    lo = sizes[0]
    smallest = [*table[lo]["runs"]] + [c for s in sizes[1:] for c in table[s]["controls"]]
    lines = [
        "",
        (
            "### Batch export scaling (`write_calendar`, 1 process, streamed; each larger size "
            f"against {lo:,}-action runs taken during it)"
        ),
        "",
        "| actions | interviews | µs/action | ÷ paired controls | peak RSS (MiB) | bytes written |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    rows: list[Any] = []
    lo_us = statistics.fmean(_export_us(r) for r in smallest)
    lo_peak = max(r["peak_kib"] for r in smallest)
    first = table[lo]["run"]
    lines.append(
        f"| {first['actions']:,} | {first['jobs']:,} | {_fmt(lo_us)} | 1.00 "
        f"(mean of {len(smallest)}) | {_mib(lo_peak)} | {first['bytes']:,} |"
    )
    for size in sizes[1:]:
        r = table[size]["run"]
        control = statistics.fmean(_export_us(c) for c in table[size]["controls"])
        ratio = _export_us(r) / control
        lines.append(
            f"| {r['actions']:,} | {r['jobs']:,} | {_fmt(_export_us(r))} | {ratio:.2f} "
            f"| {_mib(r['peak_kib'])} | {r['bytes']:,} |"
        )
    top = table[sizes[-1]]["run"]
    ratio = _export_us(top) / statistics.fmean(_export_us(c) for c in table[sizes[-1]]["controls"])
    rows.append(
        (
            f"scaling, batch export (write_calendar, 1 process): {top['actions']:,} ÷ {lo:,} actions",
            f"{ratio:.2f}",
            f"≤ {BUDGETS['scaling']}",
            ratio <= BUDGETS["scaling"],
        )
    )
    flat = top["peak_kib"] / lo_peak
    rows.append(
        (
            (
                f"batch export peak RSS, {top['actions']:,} ÷ {lo:,} actions "
                f"({_mib(top['peak_kib'])} ÷ {_mib(lo_peak)} MiB)"
            ),
            f"{flat:.2f}",
            f"≤ {BUDGETS['flat']}",
            flat <= BUDGETS["flat"],
        )
    )
    return lines, rows


def _dask_lines(dask: dict[str, Any] | None) -> tuple[list[str], list[Any]]:
    """The Dask table (every run, in order) and its budget rows."""
    if not dask:
        return [], []
    runs = dask["runs"]
    settings = (
        "Dask's default settings"
        if dask.get("config") == "defaults"
        else "`DASK_BATCH_CONFIG` (profiler off, monitors slowed)"
    )
    lines = [
        "",
        (
            "### Dask: `write_calendar` on a LocalCluster of 2 worker processes (1 thread each, "
            f"{settings}) vs a 2-process pool vs 1 process, chunks of {dask['chunksize']} "
            "interviews, in the order run"
        ),
        "",
        "| run | where | actions | seconds | µs/action | CPU s here | CPU s in workers | load |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    names = {"dask": "Dask, 2 workers", "pool": "process pool, 2 workers", "one": "1 process"}
    for n, r in enumerate(runs, 1):
        # (1-process runs of older files carry the idle Dask workers' CPU as theirs.)
        workers = "—" if r["mode"] == "one" else f"{r['cpu_workers']:.2f}"
        lines.append(
            f"| {n} | {names[r['mode']]} | {r['actions']:,} | {r['seconds']:.2f} "
            f"| {_fmt(_export_us(r))} | {r['cpu_self']:.2f} | {workers} | {r['load']:.1f} |"
        )
    by = {mode: [r for r in runs if r["mode"] == mode] for mode in names}
    ones, dasks, pools = by["one"], by["dask"], by["pool"]

    def fastest(group: list[dict[str, Any]]) -> float:
        return float(min(r["seconds"] for r in group))

    def cpu(r: dict[str, Any]) -> float:
        return float(r["cpu_self"] + (r["cpu_workers"] if r["mode"] != "one" else 0.0))

    # Neighbouring runs, paired in time: each Dask run against the 1-process run and the
    # pool run beside it (old files: 1, D, D, 1 without a pool).
    vs_one: list[float] = []
    vs_pool: list[float] = []
    for i in range(len(runs) - 1):
        pair = {runs[i]["mode"]: runs[i], runs[i + 1]["mode"]: runs[i + 1]}
        if "dask" in pair and "one" in pair:
            vs_one.append(pair["one"]["seconds"] / pair["dask"]["seconds"])
        if "dask" in pair and "pool" in pair:
            vs_pool.append(pair["pool"]["seconds"] / pair["dask"]["seconds"])
    loads = [r["load"] for r in runs]
    speed = fastest(ones) / fastest(dasks)
    rows: list[Any] = [
        (
            (
                f"Dask speed-up, 2 workers vs 1 process, {ones[0]['actions']:,} actions, "
                f"fastest runs (load average {min(loads):.1f}-{max(loads):.1f} on 2 CPUs)"
            ),
            f"{speed:.2f}x",
            f"≥ {BUDGETS['dask']}x",
            speed >= BUDGETS["dask"],
        ),
        (
            "Dask speed-up, each Dask run ÷ the 1-process run beside it ("
            + ", ".join(f"{p:.2f}" for p in vs_one)
            + "), median",
            f"{statistics.median(vs_one):.2f}x",
            "(reported)",
            None,
        ),
    ]
    if pools:
        cpu_one, cpu_pool, cpu_dask = (
            statistics.median(cpu(r) for r in group) for group in (ones, pools, dasks)
        )
        rows += [
            (
                "2-process pool speed-up vs 1 process, same run, fastest runs",
                f"{fastest(ones) / fastest(pools):.2f}x",
                "(reported)",
                None,
            ),
            (
                "Dask ÷ 2-process pool, speed (pool seconds ÷ Dask seconds), fastest runs; "
                "each Dask run ÷ the pool run beside it: " + ", ".join(f"{p:.2f}" for p in vs_pool),
                f"{fastest(pools) / fastest(dasks):.2f}x",
                "≥ 0.95x (Dask adds no overhead of its own)",
                fastest(pools) / fastest(dasks) >= 0.95,
            ),
            (
                (
                    f"CPU seconds per run, median (writer + workers): 1 process {cpu_one:.2f}, "
                    f"pool {cpu_pool:.2f}, Dask {cpu_dask:.2f}; Dask ÷ pool"
                ),
                f"{cpu_dask / cpu_pool:.2f}",
                "(reported)",
                None,
            ),
        ]
    idle = [r for r in runs if r.get("cpu_idle_dask") is not None]
    if idle:
        rate = statistics.median(r["cpu_idle_dask"] / r["seconds"] for r in idle)
        rows.append(
            (
                (
                    "Dask's background work: its 2 idle workers' CPU seconds per second of "
                    "the other runs, median"
                ),
                f"{rate:.3f}",
                "(reported)",
                None,
            )
        )
    one = min(ones, key=lambda r: r["cpu_self"])
    two = min(dasks, key=cpu)
    # On 2 cores the writer (with the scheduler) and the 2 workers share them: the best
    # wall time is their CPU time over 2, and no less than the busiest one's.
    busy = max(two["cpu_self"], two["cpu_workers"] / 2, cpu(two) / 2)
    rows.append(
        (
            (
                f"Dask speed-up on 2 idle cores shared by writer and workers, from CPU times "
                f"({one['cpu_self']:.1f} s in 1 process; {two['cpu_self']:.1f} s writer and "
                f"scheduler + {two['cpu_workers']:.1f} s workers)"
            ),
            f"{one['cpu_self'] / busy:.2f}x",
            "(model)",
            None,
        )
    )
    same = len({r["sha256"] for r in runs}) == 1
    rows.append(
        (
            "Dask and pool output byte-identical to 1 process",
            "yes" if same else "no",
            "yes",
            same,
        )
    )
    return lines, rows


def _dask_only(args: argparse.Namespace) -> int:
    """``--dask-only``: the Dask row alone, its table and budget rows (and ``--json``)."""
    size = 300 if args.quick else (args.dask_size or 10_000)
    n_jobs = max(1, round(size / 7.0))  # about 7 actions per interview (see the full report)
    rounds = 1 if args.quick else args.dask_rounds
    print(
        f"Dask only: {n_jobs} interviews, {rounds} rounds, {args.dask_config} settings; "
        f"load average {os.getloadavg()[0]:.2f}",
        file=sys.stderr,
        flush=True,
    )
    dask = _child("--child-dask", str(n_jobs), str(rounds), str(DASK_CHUNKSIZE), args.dask_config)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": _machine(), "dask": dask}, indent=1))
    print(_dask_report(dask))
    return 0


def _dask_report(dask: dict[str, Any]) -> str:
    """The Dask row's table and budget rows, on their own."""
    lines, rows = _dask_lines(dask)
    lines += ["", "| check | value | budget | result |", "|---|---:|---|---|"]
    for name, value, budget, ok in rows:
        lines.append(f"| {name} | {value} | {budget} | {'—' if ok is None else _verdict(ok)} |")
    return "\n".join(lines)


def report(results: dict[str, Any]) -> str:
    """The Markdown report."""
    sizes = sorted(results["sizes"])
    lines = [
        (
            f"Machine: {results['machine']}; load average {results['load_start'][0]:.2f} at the "
            f"start, {results['load_end'][0]:.2f} at the end."
        ),
        (
            f"Synthetic interviews from random.Random({SEED}); {results['per_job']:.2f} actions "
            f"per interview on average; now = {NOW.isoformat()}."
        ),
    ]
    if sizes:
        n_controls = sum(len(results["sizes"][x]["controls"]) for x in sizes)
        lines += [
            "",
            (
                "### Stages (streaming: one interview at a time through every stage, each size "
                "in a fresh process; the smallest size is the mean of "
                f"{len(results['sizes'][sizes[0]]['runs']) + n_controls} runs)"
            ),
            "",
            "| stage | actions | µs/action | actions/s |",
            "|---|---:|---:|---:|",
        ]
        for key, label in STAGES:
            if not _measured(results, key):
                continue
            for size in sizes:
                n = results["sizes"][size]["run"]["actions"]
                us = _stage_us(results, key, size)
                if us is None:
                    continue  # not measured in the lean run of the largest size
                lines.append(f"| {label} | {n:,} | {_fmt(us)} | {_fmt(1e6 / us, 0)} |")
        if any(results["sizes"][x]["run"].get("lean") for x in sizes):
            lines += [
                "",
                (
                    f"Above {LEAN_ABOVE:,} actions only followup's own stages are streamed "
                    "(schedule+render, render, to_ical, export: to_ical_bytes), with lean control runs: "
                    "the baselines and icalendar's serialiser are references for the overhead "
                    "budget, not stages of a batch."
                ),
            ]
        lines += [
            "",
            "Peak memory of the streaming runs (growth of peak RSS over the run, every stage):",
            "",
            "| actions | interviews | events | bytes of iCalendar | peak RSS growth (MiB) |",
            "|---:|---:|---:|---:|---:|",
        ]
        for size in sizes:
            r = results["sizes"][size]["run"]
            events = "n/a" if r["events"] is None else f"{r['events']:,}"
            lines.append(
                f"| {r['actions']:,} | {r['jobs']:,} | {events} | {r['bytes']:,} | "
                f"{_mib(r['peak_growth_kib'])} |"
            )
    export = {k: min(v, key=lambda r: r["seconds"]) for k, v in results["export"].items()}
    if export:
        lines += [
            "",
            "### Batch export (`write_calendar`, streaming; the fastest of the runs)",
            "",
            "| processes | actions | µs/action | actions/s | memory and CPU |",
            "|---:|---:|---:|---:|---|",
        ]
    for (size, workers), r in sorted(export.items()):
        us = r["seconds"] / r["actions"] * 1e6
        peak = max(x["peak_kib"] for x in results["export"][(size, workers)])
        worker = f"; workers {_mib(r['worker_peak_kib'])}" if r["worker_peak_kib"] else ""
        if "cpu_self" in r:
            worker += f"; CPU s: {r['cpu_self']:.1f} here + {r['cpu_children']:.1f} in workers"
        lines.append(
            f"| {workers} | {r['actions']:,} | {_fmt(us)} | {_fmt(r['actions'] / r['seconds'], 0)} "
            f"| peak RSS {_mib(peak)} MiB (at start {_mib(r['start_kib'])}){worker} |"
        )
    scaling = _scaling(results) if len(sizes) > 1 else {}
    if scaling:
        lo = sizes[0]
        lines += [
            "",
            (
                f"### Scaling: µs/action at each size ÷ at {lo:,} actions measured in the same "
                "minutes (1.00 = linear)"
            ),
            "",
            "| stage | " + " | ".join(f"{x:,} ÷ {lo:,}" for x in sizes[1:]) + " |",
            "|---|" + "---:|" * (len(sizes) - 1),
        ]
        for key, label in STAGES:
            if key not in scaling:
                continue
            cells = [
                "—" if scaling[key][x] is None else f"{scaling[key][x]:.2f}" for x in sizes[1:]
            ]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    export_lines, export_rows = _export_scaling_lines(results)
    lines += export_lines
    dask_lines, dask_rows = _dask_lines(results.get("dask"))
    lines += dask_lines
    if results.get("held"):
        lines += _held_table(results["held"])

    budget_rows: list[tuple[str, str, str, bool | None]] = []
    for size in sizes:
        r = results["sizes"][size]["run"]
        if r.get("lean"):
            continue  # no baselines in the lean run
        ratio = _stage_us(results, "to_ical", size) / _stage_us(results, "baseline", size)
        budget_rows.append(
            (
                f"calendar build ÷ baseline, {r['actions']:,} actions",
                f"{ratio:.2f}",
                f"≤ {BUDGETS['overhead']}",
                ratio <= BUDGETS["overhead"],
            )
        )
        typed = _stage_us(results, "to_ical", size) / _stage_us(results, "baseline_typed", size)
        budget_rows.append(
            (
                f"calendar build ÷ baseline with typed values set directly, {r['actions']:,} actions",
                f"{typed:.2f}",
                "(reported)",
                None,
            )
        )
        ser = _stage_us(results, "serialise", size)
        e2e = (_stage_us(results, "to_ical", size) + ser) / (
            _stage_us(results, "baseline", size) + ser
        )
        budget_rows.append(
            (
                f"build + serialise ÷ baseline + serialise, {r['actions']:,} actions",
                f"{e2e:.2f}",
                f"≤ {BUDGETS['overhead']}",
                e2e <= BUDGETS["overhead"],
            )
        )
        if _measured(results, "export"):
            export = _stage_us(results, "export", size)
            anchor = _stage_us(results, "baseline", size) + ser
            budget_rows.append(
                (
                    (
                        f"export (build + serialise) ÷ hand-written icalendar script + "
                        f"serialise, {r['actions']:,} actions ({_fmt(export)} ÷ {_fmt(anchor)} "
                        "µs/action)"
                    ),
                    f"{export / anchor:.2f}",
                    f"≤ {BUDGETS['export']} (aim 0.2)",
                    export / anchor <= BUDGETS["export"],
                )
            )
        if _measured(results, "ics"):
            export = _stage_us(results, "export", size)
            anchor = _stage_us(results, "ics", size)
            budget_rows.append(
                (
                    (
                        f"export ÷ ics.py 0.7 script, same events, {r['actions']:,} actions "
                        f"({_fmt(export)} ÷ {_fmt(anchor)} µs/action)"
                    ),
                    f"{export / anchor:.2f}",
                    f"≤ {BUDGETS['ics']}",
                    export / anchor <= BUDGETS["ics"],
                )
            )
        elif _measured(results, "export"):
            budget_rows.append(
                (
                    "export ÷ ics.py 0.7 script: ics.py not installed (`pip install -e '.[bench]'`)",
                    "n/a",
                    f"≤ {BUDGETS['ics']}",
                    None,
                )
            )
    if scaling:
        for key, label in STAGES:
            if key not in scaling:
                continue
            # The largest size the stage ran at (the lean run leaves the references out).
            top = max(x for x in sizes[1:] if scaling[key][x] is not None)
            grew = scaling[key][top]
            assert grew is not None
            budget_rows.append(
                (
                    f"scaling, {label}: {top:,} ÷ {sizes[0]:,} actions",
                    f"{grew:.2f}",
                    f"≤ {BUDGETS['scaling']}",
                    grew <= BUDGETS["scaling"],
                )
            )
        big = results["sizes"][sizes[-1]]
        peaks = [c.get("peak_kib") for c in big["controls"]]
        if big["run"].get("peak_kib") and peaks and all(peaks):
            flat = big["run"]["peak_kib"] / max(peaks)
            budget_rows.append(
                (
                    (
                        f"streamed stages, peak RSS at {sizes[-1]:,} ÷ at {sizes[0]:,} actions "
                        f"(its controls; {_mib(big['run']['peak_kib'])} ÷ {_mib(max(peaks))} MiB; "
                        f"growth over the run {_mib(big['run']['peak_growth_kib'])} MiB)"
                    ),
                    f"{flat:.2f}",
                    f"≤ {BUDGETS['flat']}",
                    flat <= BUDGETS["flat"],
                )
            )
    budget_rows += export_rows
    budget_rows += dask_rows
    if "startup" in results:
        budget_rows += _startup_rows(results["startup"])
    _export_rows(results["export"], budget_rows)
    if sizes:
        ident = all(results["sizes"][s]["run"]["baseline_identical"] is not False for s in sizes)
        budget_rows.append(
            (
                "baseline output byte-identical to followup's (sampled)",
                "yes" if ident else "no",
                "yes",
                ident,
            )
        )
    lines += ["", "### Budgets", "", "| check | value | budget | result |", "|---|---:|---|---|"]
    for name, value, budget, ok in budget_rows:
        lines.append(f"| {name} | {value} | {budget} | {'—' if ok is None else _verdict(ok)} |")
    return "\n".join(lines)


def _held_table(held: dict[int, dict[str, Any]]) -> list[str]:
    """The ``--held`` runs: every stage's output kept in memory until the end."""
    sizes = sorted(held)
    lines = [
        "",
        (
            "### Holding every output in memory (`--held`: each stage over all interviews "
            "before the next, outputs kept; not the budget measurement)"
        ),
        "",
        "| stage | actions | µs/action | peak RSS growth (MiB) | ÷ smallest size |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, label in STAGES:
        first = None
        for size in sizes:
            r = held[size]
            if key not in r["stages"] and key != "schedule_only":
                continue  # measured streaming only
            n = r["actions"]
            if key == "schedule_only":
                sec, mem = r["stages"]["schedule"][0] - r["stages"]["render"][0], None
            elif key in r["stages"]:
                sec, mem = r["stages"][key]
            else:
                continue  # a stage these runs do not measure
            us = sec / n * 1e6
            first = us if first is None else first
            lines.append(f"| {label} | {n:,} | {_fmt(us)} | {_mib(mem)} | {us / first:.2f} |")
    return lines


def _tone_rows(st: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    if "import_tone" not in st:  # saved by a run before the tone rows existed
        return []
    tone = st["import_tone"] / st["import_deps"]
    first = st["tone_first_check"] / st["import_deps"]
    return [
        (
            (
                f"import followup.tone after followup and attrs ({st['import_tone'] * 1e3:.1f} ms) "
                f"÷ import attrs + dateutil ({st['import_deps'] * 1e3:.0f} ms)"
            ),
            f"{tone:.2f}",
            f"≤ {BUDGETS['import_tone']}",
            tone <= BUDGETS["import_tone"],
        ),
        (
            (
                f"import followup.tone and its first check, rules read and compiled "
                f"({st['tone_first_check'] * 1e3:.0f} ms) ÷ import attrs + dateutil"
            ),
            f"{first:.2f}",
            "(reported)",
            None,
        ),
    ]


def _startup_rows(st: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    imp = st["import_followup"] / st["import_deps"]
    cli = st["cli"] / st["import_icalendar_process"]
    return [
        (
            (
                f"import followup ({st['import_followup'] * 1e3:.0f} ms) ÷ import attrs + dateutil "
                f"({st['import_deps'] * 1e3:.0f} ms)"
            ),
            f"{imp:.2f}",
            f"≤ {BUDGETS['import']}",
            imp <= BUDGETS["import"],
        ),
        *_tone_rows(st),
        (
            "`import followup` loads icalendar",
            "no" if not st["icalendar_loaded"] else "yes",
            "no",
            not st["icalendar_loaded"],
        ),
        (
            (
                f"`followup ics examples/pending.toml` ({st['cli'] * 1e3:.0f} ms) ÷ "
                f"`python -c 'import icalendar'` ({st['import_icalendar_process'] * 1e3:.0f} ms)"
            ),
            f"{cli:.2f}",
            f"≤ {BUDGETS['cli']}",
            cli <= BUDGETS["cli"],
        ),
        *_cpu_rows(st),
    ]


def _cpu_rows(st: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """The same ratio in CPU time (runs saved before it was measured have none), and in
    instructions when they were counted (``--instructions``)."""
    if "cli_cpu" not in st:
        return []
    cpu = st["cli_cpu"] / st["import_icalendar_cpu"]
    rows: list[tuple[str, str, str, bool | None]] = [
        (
            (
                f"the same in CPU time ({st['cli_cpu'] * 1e3:.0f} ms ÷ "
                f"{st['import_icalendar_cpu'] * 1e3:.0f} ms; load average {st['load']:.1f})"
            ),
            f"{cpu:.2f}",
            f"≤ {BUDGETS['cli']}",
            cpu <= BUDGETS["cli"],
        )
    ]
    if "stack_cpu" in st:
        rows += _stack_rows(st, cpu)
    cli_ir, anchor_ir = st.get("cli_instructions"), st.get("import_icalendar_instructions")
    if cli_ir and anchor_ir:
        rows.append(
            (
                (
                    f"the same in instructions executed (valgrind: {cli_ir / 1e6:,.0f} M ÷ "
                    f"{anchor_ir / 1e6:,.0f} M; any load, not the budget's measure)"
                ),
                f"{cli_ir / anchor_ir:.2f}",
                "(reported)",
                None,
            )
        )
    return rows


def _stack_rows(st: dict[str, Any], cpu: float) -> list[tuple[str, str, str, bool | None]]:
    """The floor: the dependency stack alone against the same anchor, and what the budget
    leaves above it for followup itself (reported, not budgets)."""
    budget = BUDGETS["cli"]
    anchor = st["import_icalendar_cpu"]
    stack = st["stack_cpu"] / anchor
    # Runs saved before the command stopped importing cattrs have the full stack only.
    floor = st.get("ics_stack_cpu", st["stack_cpu"]) / anchor
    rows: list[tuple[str, str, str, bool | None]] = [
        (
            (
                f"floor of the dependency stack: `python -c 'import {STACK}'` "
                f"({st['stack_cpu'] * 1e3:.0f} ms CPU) ÷ the same anchor"
            ),
            f"{stack:.2f}",
            "(reported)",
            None,
        )
    ]
    if "ics_stack_cpu" in st:
        rows.append(
            (
                (
                    f"floor of what `followup ics` imports of it (no cattrs): "
                    f"`python -c 'import {ICS_STACK}'` ({st['ics_stack_cpu'] * 1e3:.0f} ms CPU) "
                    "÷ the same anchor"
                ),
                f"{floor:.2f}",
                "(reported)",
                None,
            )
        )
    rows.append(
        (
            (
                f"left by the budget for followup itself, in CPU ({budget} − {floor:.2f}); "
                f"followup's own part of the command ({cpu:.2f} − {floor:.2f})"
            ),
            f"{budget - floor:.2f} (used {cpu - floor:.2f})",
            "(reported)",
            None,
        )
    )
    anchor_ir = st.get("import_icalendar_instructions")
    cli_ir = st.get("cli_instructions")
    stacks = [("the stack", st.get("stack_instructions"))]
    if "ics_stack_instructions" in st:
        stacks.append(("what the command imports of it", st.get("ics_stack_instructions")))
    for what, stack_ir in stacks:
        if stack_ir and anchor_ir and cli_ir:
            rows.append(
                (
                    (
                        f"the same in instructions, {what}: {stack_ir / 1e6:,.0f} M ÷ "
                        f"{anchor_ir / 1e6:,.0f} M; the budget leaves "
                        f"{(budget * anchor_ir - stack_ir) / 1e6:,.0f} M for followup, which uses "
                        f"{(cli_ir - stack_ir) / 1e6:,.0f} M"
                    ),
                    f"{stack_ir / anchor_ir:.2f}",
                    "(reported)",
                    None,
                )
            )
    return rows


def _export_rows(
    export: dict[tuple[int, int], list[dict[str, Any]]],
    rows: list[tuple[str, str, str, bool | None]],
) -> None:
    for workers in (1, 2):
        runs = {s: rs for (s, w), rs in export.items() if w == workers}
        big = sorted(runs)
        if len(big) >= 2:
            a, b = big[-2], big[-1]
            peak_a = max(r["peak_kib"] for r in runs[a])
            peak_b = max(r["peak_kib"] for r in runs[b])
            ratio = peak_b / peak_a
            plural = "es" if workers > 1 else ""
            rows.append(
                (
                    (
                        f"export peak RSS, {workers} process{plural}: {runs[b][0]['actions']:,} ÷ "
                        f"{runs[a][0]['actions']:,} actions"
                    ),
                    f"{ratio:.2f}",
                    f"≤ {BUDGETS['memory']}",
                    ratio <= BUDGETS["memory"],
                )
            )
            grow_a = max(r["peak_kib"] - r["start_kib"] for r in runs[a])
            grow_b = max(r["peak_kib"] - r["start_kib"] for r in runs[b])
            rows.append(
                (
                    (
                        f"export peak RSS growth after importing followup, {workers} "
                        f"process{plural}: {_mib(grow_b)} ÷ {_mib(grow_a)} MiB"
                    ),
                    f"{grow_b / max(grow_a, 1):.2f}",
                    "(reported)",
                    None,
                )
            )
    both = sorted(s for (s, w) in export if w == 1 and (s, 2) in export)
    if not both:
        return
    s = both[-1]
    ones, twos = export[(s, 1)], export[(s, 2)]
    # Runs in the order 1, 2, 2, 1, 1, 2, 2, 1 processes; the fastest of each, as other
    # processes on the shared machine only ever add time.
    speed = min(r["seconds"] for r in ones) / min(r["seconds"] for r in twos)
    listed = "; ".join(
        f"{w} process{'es' if w > 1 else ''}: "
        + ", ".join(f"{r['seconds']:.1f}" for r in export[(s, w)])
        + " s"
        for w in (1, 2)
    )
    rows.append(
        (
            f"export speed-up, 2 processes vs 1, {ones[0]['actions']:,} actions, fastest runs ({listed})",
            f"{speed:.2f}x",
            f"≥ {BUDGETS['speedup']}x",
            speed >= BUDGETS["speedup"],
        )
    )
    one = min(ones, key=lambda r: r["cpu_self"])
    two = min(twos, key=lambda r: r["cpu_self"] + r["cpu_children"])
    # What 2 idle cores would give: the 1-process CPU time over the CPU time of the writer
    # and the workers, who share the 2 cores (and no less than the busiest one's share).
    busy = max(
        two["cpu_self"], two["cpu_children"] / 2, (two["cpu_self"] + two["cpu_children"]) / 2
    )
    rows.append(
        (
            (
                f"export speed-up on 2 idle cores, from CPU times ({one['cpu_self']:.1f} s in "
                f"1 process; {two['cpu_self']:.1f} s writer + {two['cpu_children']:.1f} s workers)"
            ),
            f"{one['cpu_self'] / busy:.2f}x",
            "(model)",
            None,
        )
    )
    same = all(len({r["sha256"] for r in export[(x, 1)] + export[(x, 2)]}) == 1 for x in both)
    rows.append(
        ("export with 2 processes byte-identical to 1", "yes" if same else "no", "yes", same)
    )


def _jsonable(results: dict[str, Any]) -> dict[str, Any]:
    out = dict(results)
    out["export"] = {f"{s}/{w}": r for (s, w), r in results["export"].items()}
    return out


def _from_json(data: dict[str, Any]) -> dict[str, Any]:
    out = dict(data)
    out["sizes"] = {int(k): v for k, v in data["sizes"].items()}
    out["held"] = {int(k): v for k, v in data.get("held", {}).items()}
    out["export_scaling"] = {int(k): v for k, v in data.get("export_scaling", {}).items()}
    out["export"] = {
        (int(k.split("/")[0]), int(k.split("/")[1])): v for k, v in data["export"].items()
    }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the Markdown report; return the exit status."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", help="comma-separated sizes in actions (default 1000,10000,100000)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, for a smoke run in seconds"
    )
    parser.add_argument(
        "--export-w1-max",
        type=int,
        default=10_000,
        help="largest size exported with 1 process too (default 10000)",
    )
    parser.add_argument("--chunksize", type=int, default=16, help="jobs per worker chunk")
    parser.add_argument(
        "--repeats", type=int, help="runs of each start-up measurement (median; default 9, quick 2)"
    )
    parser.add_argument("--json", metavar="PATH", help="also write the raw results as JSON")
    parser.add_argument(
        "--stage-repeats",
        type=int,
        default=3,
        help="streaming runs at the smallest size besides the controls (default 3)",
    )
    parser.add_argument(
        "--held",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=(
            "also run every stage with all outputs kept in memory, for per-stage peak memory "
            "(default: on, off with --quick)"
        ),
    )
    parser.add_argument(
        "--from-json", metavar="PATH", help="print the report of an earlier run's --json file"
    )
    parser.add_argument(
        "--export-only", action="store_true", help="only the batch export measurements"
    )
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="only the start-up figures (a minute or so; --repeats, default 9)",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help=(
            "with --startup-only: also count the instructions of both start-ups with valgrind "
            "(load-independent; about two minutes more)"
        ),
    )
    parser.add_argument("--child-stages", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--full",
        action="store_true",
        help=f"also {HUGE:,} actions: stages and the batch export streamed (about an hour more)",
    )
    parser.add_argument(
        "--dask-size",
        type=int,
        default=None,
        help="actions for the Dask speed-up (default 10000; quick 300; 0 to skip)",
    )
    parser.add_argument(
        "--dask-rounds",
        type=int,
        default=2,
        help="rounds of 1 process, Dask, pool, pool, Dask, 1 process (default 2)",
    )
    parser.add_argument(
        "--dask-config",
        choices=("batch", "defaults"),
        default="batch",
        help="the cluster's settings: DASK_BATCH_CONFIG (default) or Dask's defaults",
    )
    parser.add_argument(
        "--dask-only", action="store_true", help="only the Dask row (its table and budget rows)"
    )
    parser.add_argument("--child-stream", type=int, nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--child-export-paired", type=int, nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--child-dask", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--child-export", type=int, nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_stages is not None:
        print(json.dumps(child_stages(args.child_stages)))
        return 0
    if args.child_stream is not None:
        print(json.dumps(child_stream(*args.child_stream)))
        return 0
    if args.child_export_paired is not None:
        print(json.dumps(child_export_paired(*args.child_export_paired)))
        return 0
    if args.child_dask is not None:
        n_jobs, rounds, size, config = args.child_dask
        print(json.dumps(child_dask(int(n_jobs), int(rounds), int(size), config)))
        return 0
    if args.dask_only:
        return _dask_only(args)
    if args.from_json:
        data = json.loads(Path(args.from_json).read_text())
        if "sizes" not in data:  # a --dask-only file
            print(_dask_report(data["dask"]))
            return 0
        print(report(_from_json(data)))
        return 0
    if args.child_export is not None:
        print(json.dumps(child_export(*args.child_export)))
        return 0
    if args.startup_only:
        st = startup(args.repeats or 9, instructions=args.instructions)
        for what, value, budget, ok in _startup_rows(st):
            print(f"{what}: {value} (budget {budget}){' OVER' if ok is False else ''}")
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
        return 0
    if args.sizes:
        sizes = tuple(int(s) for s in args.sizes.split(","))
    else:
        sizes = QUICK_SIZES if args.quick else FULL_SIZES
    if args.full:
        sizes = (*sizes, HUGE)
    repeats = args.repeats or (2 if args.quick else 9)
    t0 = time.perf_counter()
    results = run(
        sorted(sizes),
        export_w1_max=args.export_w1_max,
        chunksize=args.chunksize,
        repeats=repeats,
        calibrate=20 if args.quick else 300,
        stage_repeats=1 if args.quick else args.stage_repeats,
        export_only=args.export_only,
        held=(not args.quick) if args.held is None else args.held,
        dask_size=(300 if args.quick else 10_000) if args.dask_size is None else args.dask_size,
        dask_rounds=1 if args.quick else args.dask_rounds,
        dask_config=args.dask_config,
        log=lambda msg: print(
            f"[{time.perf_counter() - t0:6.1f}s] {msg}", file=sys.stderr, flush=True
        ),
    )
    print(report(results))
    print(f"\nTotal run time: {time.perf_counter() - t0:.0f} s.")
    if args.json:
        Path(args.json).write_text(json.dumps(_jsonable(results), indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
