"""followup.batch on a Dask cluster: a LocalCluster of 2 worker processes, started in-process.

Slow (the cluster takes a few seconds to start); CI runs them. dask is imported
inside the fixture so that a quick run (``-m 'not slow'``) does not need it.
"""

from __future__ import annotations

import functools
import operator
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import CancelledError
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

from followup import Contact, Interview, SchedulingError, StepDone
from followup.batch import (
    Job,
    assemble_calendar,
    export_job,
    schedule_many,
    write_calendar,
    write_calendars,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _jobs(interview: Interview, jane: Contact, n: int) -> list[Job]:
    from test_batch import _jobs as make

    return make(interview, jane, n)


def test_write_calendar_on_dask_is_byte_identical(
    client: Any, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
) -> None:
    jobs = _jobs(interview, jane, 12)
    one, dask = tmp_path / "one.ics", tmp_path / "dask.ics"
    count = write_calendar(one, jobs, now=now)
    assert (
        write_calendar(dask, iter(jobs), now=now, executor=client.get_executor(), chunksize=2)
        == count
    )
    assert dask.read_bytes() == one.read_bytes()


def test_write_calendars_and_schedule_many_on_dask(
    client: Any, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
) -> None:
    jobs = _jobs(interview, jane, 9)
    executor = client.get_executor()
    alone = write_calendars(tmp_path / "alone", jobs, now=now)
    dask = write_calendars(tmp_path / "dask", jobs, now=now, executor=executor, chunksize=1)
    assert [p.name for p in dask] == [p.name for p in alone]
    assert [p.read_bytes() for p in dask] == [p.read_bytes() for p in alone]
    timelines = list(schedule_many(jobs, now=now, executor=executor, chunksize=4))
    assert timelines == [j.schedule(now=now) for j in jobs]


def test_a_dask_bag_maps_pieces_and_assembles_the_same_calendar(
    client: Any, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
) -> None:
    import dask.bag

    jobs = _jobs(interview, jane, 8)
    path = tmp_path / "all.ics"
    write_calendar(path, jobs, now=now)
    bag = dask.bag.from_sequence(jobs, npartitions=3)
    pieces = bag.map(functools.partial(export_job, now=now))
    assert assemble_calendar(pieces.compute()) == path.read_bytes()
    # Reduced on the workers: pieces add up in order within and across partitions.
    total = pieces.fold(operator.add).compute()
    assert assemble_calendar([total]) == path.read_bytes()


def test_an_error_in_a_dask_worker_keeps_its_type_and_data(
    client: Any, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
) -> None:
    jobs = _jobs(interview, jane, 5)
    jobs[3] = attrs.evolve(jobs[3], history=[StepDone(step="nope", at=date(2026, 11, 20))])
    old = tmp_path / "cal.ics"
    old.write_bytes(b"old")
    with pytest.raises(SchedulingError) as info:
        write_calendar(old, jobs, now=now, executor=client.get_executor(), chunksize=2)
    assert info.value.step == "nope"
    assert "(in job #3: interview 'batch-3')" in info.value.__notes__
    assert old.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["cal.ics"]


def test_a_killed_dask_worker_is_replaced_and_the_file_is_the_same(
    client: Any, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
) -> None:
    jobs = _jobs(interview, jane, 6) * 6
    one = tmp_path / "one.ics"
    write_calendar(one, jobs, now=now)
    victim = next(iter(client.run(os.getpid).values()))

    def killing() -> Iterator[Job]:
        for i, job in enumerate(jobs):
            if i == 8:  # some chunks are on the victim by now
                os.kill(victim, signal.SIGKILL)
            yield job

    dask = tmp_path / "dask.ics"
    write_calendar(dask, killing(), now=now, executor=client.get_executor(), chunksize=1)
    assert dask.read_bytes() == one.read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["dask.ics", "one.ics"]
    client.wait_for_workers(2, timeout=60)
    assert victim not in client.run(os.getpid).values()


@pytest.mark.parametrize("many", [False, True])
def test_an_interrupted_dask_run_leaves_no_temporary_file(
    client: Any, tmp_path: Path, interview: Interview, jane: Contact, now: datetime, many: bool
) -> None:
    jobs = _jobs(interview, jane, 6) * 2
    old = tmp_path / ("sam-example-com.ics" if many else "cal.ics")
    old.write_bytes(b"old")
    executor = client.get_executor()

    def interrupted() -> Iterator[Job]:
        yield from jobs
        raise KeyboardInterrupt

    write = (
        functools.partial(write_calendars, tmp_path)
        if many
        else functools.partial(write_calendar, old)
    )
    with pytest.raises(KeyboardInterrupt):
        write(interrupted(), now=now, executor=executor, chunksize=1)
    assert old.read_bytes() == b"old"
    assert os.listdir(tmp_path) == [old.name]
    # The chunks in flight were cancelled and the results not read let go of: none
    # stays in the workers' memory (the release reaches the scheduler a moment later).
    deadline = time.monotonic() + 30
    while client.who_has() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert client.who_has() == {}


def test_a_dask_executor_shut_down_mid_run_leaves_no_temporary_file(
    client: Any, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
) -> None:
    jobs = _jobs(interview, jane, 6) * 3
    old = tmp_path / "cal.ics"
    old.write_bytes(b"old")
    executor = client.get_executor()

    def shutting() -> Iterator[Job]:
        for i, job in enumerate(jobs):
            if i == 5:
                executor.shutdown(wait=False)  # cancels what it was given
            yield job

    with pytest.raises((RuntimeError, CancelledError)) as info:
        write_calendar(old, shutting(), now=now, executor=executor, chunksize=1)
    assert any("ClientExecutor failed while job" in note for note in info.value.__notes__)
    assert old.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["cal.ics"]


def test_the_dask_extra_names_what_the_tests_use() -> None:
    import tomllib

    root = Path(__file__).resolve().parent.parent
    extras = tomllib.loads((root / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(req.startswith("dask[distributed]") for req in extras["dask"])
    assert "followup[dask]" in extras["tests"]
