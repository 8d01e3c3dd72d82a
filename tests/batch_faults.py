"""A process-pool worker killed while it sends its result back, for tests/test_batch.py.

Run as a script in a subprocess (``python tests/batch_faults.py DIR SCENARIO``)
so that a run that hangs is killed by the test's timeout instead of hanging the
suite, and so that the interpreter's exit is part of the check: CPython joins a
process pool's manager thread at exit, so a pool left blocked would hang there.
It prints one JSON object describing what happened.

The worker dies in the state an OOM killer or a ``kill -9`` leaves it in when it
strikes during the send: CPython's own result path is taken (``SimpleQueue.put``
takes the queue's write lock, ``Connection.send_bytes`` writes the message), and
the worker's ``Connection._send`` writes half of the pickled result, then
SIGKILLs its own process. The pool's manager thread has read the message's
length and waits for the rest, which never comes.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from followup import Candidate, Contact, Interview, OutcomeStatus, Plan, presets
from followup.batch import Job, schedule_many, write_calendar, write_calendars

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 8, 0, tzinfo=NEW_YORK)
DYING = 3  # the job whose worker dies while sending its result
JOBS = 8


def _die_halfway_through_the_next_send() -> None:
    """From now on, this process writes half of its next large message, then is killed."""
    original = Connection._send

    def send(self: Connection, buf: bytes, write: Any = os.write) -> None:
        if len(buf) > 64:  # the pickled result (its 4-byte length header goes out whole)
            write(self._handle, bytes(buf[: len(buf) // 2]))  # type: ignore[attr-defined]
            os.kill(os.getpid(), signal.SIGKILL)
        original(self, buf, write)  # type: ignore[call-arg]

    Connection._send = send  # type: ignore[method-assign]


@attrs.frozen(kw_only=True)
class DieWhileSending:
    """A step that makes its worker die halfway through sending the job's result back."""

    id: str = "die-while-sending"
    outcomes: frozenset[OutcomeStatus] = frozenset(OutcomeStatus)

    def actions(self, ctx: object) -> list[object]:
        if multiprocessing.parent_process() is not None:  # only ever in a worker
            _die_halfway_through_the_next_send()
        return []


def jobs() -> list[Job]:
    jane = Contact(name="Jane Doe", email="jane@acme.example")
    out = []
    for i in range(JOBS):
        interview = Interview(
            company="Acme Corp",
            role="Data Engineer",
            start=datetime(2026, 11, 16 + i % 4, 10, tzinfo=NEW_YORK),
            duration=timedelta(minutes=45),
            candidate=Candidate(name="Sam Rivera", email="sam@example.com"),
            interviewers=[jane],
            decision_expected=date(2026, 11, 27),
            key=f"batch-{i}",
        )
        plan = Plan.of(DieWhileSending()) if i == DYING else presets.after_interview()
        out.append(Job(interview=interview, plan=plan))
    return out


def run(directory: Path, scenario: str) -> dict[str, Any]:
    """Run ``scenario`` into ``directory``; what happened, as JSON-able values."""
    target = directory / ("sam-example-com.ics" if scenario == "write_calendars" else "cal.ics")
    target.write_bytes(b"old")
    report: dict[str, Any] = {}
    pool = ProcessPoolExecutor(max_workers=2) if scenario in ("executor", "two_pools") else None
    other = None
    if pool is not None and scenario == "two_pools":
        # A second pool whose workers are forked after the first pool's pipes exist: they
        # hold the write end of its result pipe too, so closing the pool's own copy of it
        # would not end the blocked read.
        pool.submit(len, "").result()
        other = ProcessPoolExecutor(max_workers=1)
        other.submit(len, "").result()

    def stream() -> Iterator[Job]:
        yield from jobs()

    try:
        if scenario == "write_calendars":
            write_calendars(directory, stream(), now=NOW, workers=2, chunksize=1)
        elif scenario == "schedule_many":
            list(schedule_many(stream(), now=NOW, workers=2, chunksize=1))
        elif pool is not None:
            write_calendar(target, stream(), now=NOW, executor=pool, chunksize=1)
        else:
            write_calendar(target, stream(), now=NOW, workers=2, chunksize=1)
    except BaseException as exc:  # report whatever it is
        report["error"] = type(exc).__name__
        report["broken_process_pool"] = isinstance(exc, BrokenProcessPool)
        report["message"] = str(exc)
        report["notes"] = list(getattr(exc, "__notes__", []))
        report["traceback"] = "".join(traceback.format_exception(exc))
    if pool is not None:
        try:
            pool.submit(len, "abc").result()
        except BaseException as exc:
            report["pool_after"] = type(exc).__name__
        else:
            report["pool_after"] = "usable"
        pool.shutdown(wait=True)
    if other is not None:
        report["other_pool"] = other.submit(len, "abc").result()
        other.shutdown(wait=True)
    report["target"] = target.read_bytes().decode("ascii", "replace")
    report["files"] = sorted(os.listdir(directory))
    report["children"] = len(multiprocessing.active_children())
    return report


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), sys.argv[2])), flush=True)
