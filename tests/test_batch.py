"""Batch scheduling and export: one file or one per person, streaming, several processes."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import re
import signal
import subprocess
import sys
import threading
import time
import types
from collections.abc import Iterator
from concurrent.futures import CancelledError, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import batch_faults
import icalendar
import pytest

from followup import (
    Candidate,
    Contact,
    ExportError,
    InputFileError,
    Interview,
    InvalidStepError,
    Outcome,
    OutcomeStatus,
    Plan,
    SchedulingError,
    StepDone,
    TemplateError,
    ValidationError,
    _pool,
    presets,
)
from followup.batch import (
    CalendarPiece,
    Job,
    _capture,
    assemble_calendar,
    export_job,
    schedule_many,
    write_calendar,
    write_calendars,
    write_pieces,
)
from followup.ical import to_ical, to_ical_bytes

ZONES = ("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata")


def _jobs(interview: Interview, jane: Contact, n: int = 6) -> list[Job]:
    """``n`` interviews in different zones, for two candidates, with mixed outcomes."""
    people = [
        interview.candidate,
        Candidate(name="Ada Park", email="ada@example.com"),
    ]
    plan = presets.after_interview()
    out = []
    for i in range(n):
        tz = ZoneInfo(ZONES[i % len(ZONES)])
        other = Contact(name=f"Lee Number{i}", timezone=ZONES[(i + 1) % len(ZONES)])
        iv = attrs.evolve(
            interview,
            start=datetime(2026, 11, 16 + i % 4, 10, tzinfo=tz),
            timezone=tz.key,
            interviewers=[jane, other],
            candidate=people[i % 2],
            decision_expected=date(2026, 11, 27),
            key=f"batch-{i}",
        )
        outcome = Outcome.rejected(at=date(2026, 11, 24), contact=jane) if i % 3 else None
        history = [StepDone(step="thank-you", at=date(2026, 11, 20))] if i % 2 else []
        out.append(Job(interview=iv, plan=plan, outcome=outcome, history=history))
    return out


def _events(data: bytes) -> dict[str, list[tuple[str, str, str | None, str]]]:
    """The VEVENTs of a calendar, keyed by UID: (DTSTART, TZID, RRULE, SUMMARY)."""
    cal = icalendar.Calendar.from_ical(data)
    out: dict[str, list[tuple[str, str, str | None, str]]] = {}
    for ev in cal.walk("VEVENT"):
        start = ev["DTSTART"]
        rrule = ev.get("RRULE")
        out.setdefault(str(ev["UID"]), []).append(
            (
                start.dt.isoformat(),
                str(start.params.get("TZID")),
                None if rrule is None else rrule.to_ical().decode(),
                str(ev["SUMMARY"]),
            )
        )
    return out


def _tzids(data: bytes) -> tuple[set[str], set[str]]:
    """(TZIDs the events use, TZIDs with a VTIMEZONE)."""
    cal = icalendar.Calendar.from_ical(data)
    used = {
        str(ev[name].params["TZID"])
        for ev in cal.walk("VEVENT")
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID")
        if name in ev and "TZID" in ev[name].params
    }
    return used, {str(z["TZID"]) for z in cal.walk("VTIMEZONE")}


class TestJob:
    def test_schedule_is_plan_schedule(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        plan = presets.after_interview()
        job = Job(interview=interview, plan=plan, outcome=rejection)
        assert job.schedule(now=now) == plan.schedule(interview, now=now, outcome=rejection)

    def test_pickles(self, interview: Interview, jane: Contact) -> None:
        job = _jobs(interview, jane, 2)[1]
        assert pickle.loads(pickle.dumps(job)) == job

    def test_holiday_dates_become_a_frozenset(self, interview: Interview) -> None:
        job = Job(
            interview=interview, plan=presets.after_interview(), holidays=[date(2026, 11, 26)]
        )
        assert job.holidays == frozenset({date(2026, 11, 26)})

    def test_rejects_a_non_plan(self, interview: Interview) -> None:
        with pytest.raises(TypeError):
            Job(interview=interview, plan="after-interview")  # type: ignore[arg-type]


class TestScheduleMany:
    @pytest.mark.parametrize("workers", [1, 2])
    def test_same_timelines_in_order(
        self, interview: Interview, jane: Contact, now: datetime, workers: int
    ) -> None:
        jobs = _jobs(interview, jane)
        got = list(schedule_many(jobs, now=now, workers=workers, chunksize=2))
        assert got == [j.schedule(now=now) for j in jobs]

    def test_reads_a_generator_lazily(
        self, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane)
        read: list[int] = []

        def gen() -> Iterator[Job]:
            for i, job in enumerate(jobs):
                read.append(i)
                yield job

        it = schedule_many(gen(), now=now, chunksize=1)
        first = next(it)
        assert first.interview == "batch-0"
        assert read == [0]
        assert len(list(it)) == len(jobs) - 1

    @pytest.mark.parametrize("workers", [1, 2])
    def test_error_names_the_job(
        self, interview: Interview, jane: Contact, now: datetime, workers: int
    ) -> None:
        jobs = _jobs(interview, jane, 3)
        bad = attrs.evolve(jobs[1], history=[StepDone(step="no-such-step", at=date(2026, 11, 20))])
        with pytest.raises(SchedulingError) as info:
            list(schedule_many([jobs[0], bad, jobs[2]], now=now, workers=workers, chunksize=1))
        assert info.value.step == "no-such-step"
        assert any("job #1" in note for note in info.value.__notes__)

    @pytest.mark.parametrize(
        ("options", "field"),
        [
            ({"now": datetime(2026, 11, 25, 8)}, "now"),  # noqa: DTZ001 - naive on purpose
            ({"workers": 0}, "workers"),
            ({"chunksize": 0}, "chunksize"),
        ],
    )
    def test_bad_options(self, now: datetime, options: dict[str, object], field: str) -> None:
        kwargs: dict[str, object] = {"now": now, **options}
        with pytest.raises(ValidationError, match=field):
            list(schedule_many([], **kwargs))  # type: ignore[arg-type]


class TestWriteCalendar:
    def test_one_job_is_byte_identical_to_to_ical(
        self, tmp_path: Path, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        job = Job(interview=interview, plan=presets.after_interview(), outcome=rejection)
        timeline = job.schedule(now=now)
        path = tmp_path / "one.ics"
        assert write_calendar(path, [job], now=now) == len(timeline)
        assert path.read_bytes() == to_ical_bytes(timeline, stamp=now)
        assert _events(path.read_bytes()) == _events(bytes(to_ical(timeline).to_ical()))

    def test_every_job_matches_to_ical(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane)
        path = tmp_path / "all.ics"
        count = write_calendar(path, jobs, now=now, name="Everyone", domain="jobs.example.com")
        timelines = [j.schedule(now=now) for j in jobs]
        assert count == sum(len(t) for t in timelines)
        written = _events(path.read_bytes())
        expected: dict[str, list[tuple[str, str, str | None, str]]] = {}
        for t in timelines:
            expected |= _events(to_ical_bytes(t, stamp=now, domain="jobs.example.com"))
        assert written == expected
        assert all(uid.endswith("@jobs.example.com") for uid in written)
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        assert str(cal["X-WR-CALNAME"]) == "Everyone"
        assert {e["DTSTAMP"].dt for e in cal.walk("VEVENT")} == {now}

    def test_every_zone_has_one_vtimezone(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        path = tmp_path / "zones.ics"
        write_calendar(path, _jobs(interview, jane, 8), now=now)
        used, written = _tzids(path.read_bytes())
        assert used <= written
        assert used == set(ZONES)
        text = path.read_bytes().decode()
        assert text.count("BEGIN:VTIMEZONE") == len(written)
        # Zones first, then the events.
        assert text.rindex("END:VTIMEZONE") < text.index("BEGIN:VEVENT")

    def test_two_processes_give_the_same_bytes(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane, 7)
        one, two = tmp_path / "one.ics", tmp_path / "two.ics"
        write_calendar(one, jobs, now=now)
        write_calendar(two, iter(jobs), now=now, workers=2, chunksize=2)
        assert one.read_bytes() == two.read_bytes()

    def test_streams_a_generator(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane)
        path = tmp_path / "gen.ics"
        count = write_calendar(path, (j for j in jobs), now=now, todo=True, alarm=None)
        assert count == sum(len(j.schedule(now=now)) for j in jobs)
        again = tmp_path / "list.ics"
        write_calendar(again, jobs, now=now, todo=True, alarm=None)
        assert again.read_bytes() == path.read_bytes()
        assert b"BEGIN:VTODO" in path.read_bytes()
        assert b"BEGIN:VALARM" not in path.read_bytes()

    def test_no_jobs_gives_an_empty_calendar(self, tmp_path: Path, now: datetime) -> None:
        path = tmp_path / "empty.ics"
        assert write_calendar(path, [], now=now) == 0
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        assert cal.subcomponents == []

    @pytest.mark.parametrize("workers", [1, 2])
    def test_an_error_leaves_the_old_file(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime, workers: int
    ) -> None:
        jobs = _jobs(interview, jane, 4)
        bad = attrs.evolve(jobs[2], history=[StepDone(step="nope", at=date(2026, 11, 20))])
        path = tmp_path / "cal.ics"
        path.write_bytes(b"old")
        os.chmod(path, 0o640)
        with pytest.raises(SchedulingError):
            write_calendar(path, [*jobs[:2], bad, jobs[3]], now=now, workers=workers, chunksize=1)
        assert path.read_bytes() == b"old"
        assert os.listdir(tmp_path) == ["cal.ics"]
        write_calendar(path, jobs, now=now)
        assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")
        assert os.stat(path).st_mode & 0o777 == 0o640  # the replaced file's mode is kept

    def test_bad_options_fail_before_any_write(self, tmp_path: Path, now: datetime) -> None:
        path = tmp_path / "x.ics"
        with pytest.raises(ExportError, match="domain"):
            write_calendar(path, [], now=now, domain="not a domain")
        with pytest.raises(ExportError):
            write_calendar(tmp_path / "missing" / "x.ics", [], now=now)
        assert os.listdir(tmp_path) == []


class TestWriteCalendars:
    def test_one_file_per_person(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane)  # the two candidates alternate
        paths = write_calendars(tmp_path / "out", jobs, now=now)
        assert [p.name for p in paths] == ["sam-example-com.ics", "ada-example-com.ics"]
        for path, mine in zip(paths, (jobs[0::2], jobs[1::2]), strict=True):
            expected: dict[str, list[tuple[str, str, str | None, str]]] = {}
            for job in mine:
                expected |= _events(to_ical_bytes(job.schedule(now=now), stamp=now))
            assert _events(path.read_bytes()) == expected
            used, written = _tzids(path.read_bytes())
            assert used <= written
        assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in paths)

    def test_one_person_file_is_a_single_export(
        self, tmp_path: Path, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        job = Job(interview=interview, plan=presets.after_interview(), outcome=rejection)
        [path] = write_calendars(tmp_path, [job], now=now, key=lambda j: "sam")
        assert path == tmp_path / "sam.ics"
        assert path.read_bytes() == to_ical_bytes(job.schedule(now=now), stamp=now)

    def test_two_processes_give_the_same_files(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane, 7)
        one = write_calendars(tmp_path / "one", jobs, now=now, key=lambda j: j.interview.key[-1])
        two = write_calendars(
            tmp_path / "two", iter(jobs), now=now, key=lambda j: j.interview.key[-1], workers=2
        )
        assert [p.name for p in one] == [p.name for p in two]
        assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two, strict=True))

    def test_keys_that_give_one_file_name_are_refused(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane, 2)
        names = iter(["Jane Doe", "jane-doe"])
        with pytest.raises(ExportError, match="both give the file name"):
            write_calendars(tmp_path, jobs, now=now, key=lambda j: next(names))
        assert os.listdir(tmp_path) == []

    def test_an_error_writes_no_file(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane, 3)
        bad = attrs.evolve(jobs[2], history=[StepDone(step="nope", at=date(2026, 11, 20))])
        (tmp_path / "sam-example-com.ics").write_bytes(b"old")
        with pytest.raises(SchedulingError):
            write_calendars(tmp_path, [*jobs[:2], bad], now=now)
        assert os.listdir(tmp_path) == ["sam-example-com.ics"]
        assert (tmp_path / "sam-example-com.ics").read_bytes() == b"old"


def test_vtimezones_cover_events_far_apart(
    tmp_path: Path, interview: Interview, jane: Contact, now: datetime
) -> None:
    """A zone's VTIMEZONE covers the union of every job's dates, not only the first job's."""
    jobs = _jobs(interview, jane, 2)
    late = attrs.evolve(
        jobs[0],
        interview=attrs.evolve(
            jobs[0].interview,
            start=jobs[0].interview.start + timedelta(days=3 * 365),
            decision_expected=date(2029, 11, 30),
            key="later",
        ),
    )
    path = tmp_path / "far.ics"
    write_calendar(path, [jobs[0], late], now=now)
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    zone = next(z for z in cal.walk("VTIMEZONE") if str(z["TZID"]) == "America/New_York")
    years = {sub["DTSTART"].dt.year for sub in zone.subcomponents}
    assert min(years) <= 2025
    # One VTIMEZONE, built for the whole range: the same as to_ical for both timelines at once.
    timelines = [j.schedule(now=now) for j in (jobs[0], late)]
    expected = to_ical(timelines, stamp=now)
    want = next(z for z in expected.walk("VTIMEZONE") if str(z["TZID"]) == "America/New_York")
    assert zone.to_ical() == want.to_ical()


# --- executors, pieces and faults ------------------------------------------------------------


class _Unpicklable(Exception):
    """An error with data that cannot be pickled (a function)."""

    def __init__(self, message: str, *, hook: object) -> None:
        self.hook = hook
        super().__init__(message)


@attrs.frozen(kw_only=True)
class _Boom:
    """A step that fails: with a SchedulingError, or an error whose data does not pickle."""

    id: str = "boom"
    outcomes: frozenset[OutcomeStatus] = frozenset(OutcomeStatus)
    unpicklable: bool = False

    def actions(self, ctx: object) -> list[object]:
        if self.unpicklable:
            raise _Unpicklable("the hook failed", hook=lambda: None)
        raise SchedulingError("boom: no such anchor", step=self.id)


@attrs.frozen(kw_only=True)
class _Stall:
    """A step that says which process runs it (in ``signal``), then waits to be killed.

    A worker killed while it writes a result can leave the pool's result pipe half
    written, and CPython's ProcessPoolExecutor then waits for the rest forever; a
    worker killed inside a job holds no lock, so the pool sees it die.
    """

    signal: str
    id: str = "stall"
    outcomes: frozenset[OutcomeStatus] = frozenset(OutcomeStatus)

    def actions(self, ctx: object) -> list[object]:
        Path(self.signal).write_text(str(os.getpid()), encoding="ascii")
        time.sleep(120)
        return []


def _boom_job(job: Job, **options: bool) -> Job:
    return attrs.evolve(job, plan=Plan.of(_Boom(**options)), history=())


def _write(
    directory: Path, path: Path, jobs: Iterator[Job], *, now: datetime, many: bool, workers: int
) -> None:
    """write_calendars into ``directory`` or write_calendar to ``path``, one job per chunk."""
    if many:
        write_calendars(directory, jobs, now=now, workers=workers, chunksize=1)
    else:
        write_calendar(path, jobs, now=now, workers=workers, chunksize=1)


def _leftovers(directory: Path, *keep: str) -> list[str]:
    return sorted(set(os.listdir(directory)) - set(keep))


class TestExecutors:
    @pytest.mark.parametrize("kind", [ThreadPoolExecutor, ProcessPoolExecutor])
    def test_any_executor_gives_the_same_bytes(
        self,
        tmp_path: Path,
        interview: Interview,
        jane: Contact,
        now: datetime,
        kind: type[Executor],
    ) -> None:
        jobs = _jobs(interview, jane, 7)
        one = tmp_path / "one.ics"
        write_calendar(one, jobs, now=now)
        with kind(max_workers=2) as executor:
            pooled = tmp_path / "pooled.ics"
            assert write_calendar(
                pooled, iter(jobs), now=now, executor=executor, chunksize=2
            ) == write_calendar(one, jobs, now=now)
            assert pooled.read_bytes() == one.read_bytes()
            assert list(schedule_many(jobs, now=now, executor=executor, chunksize=3)) == [
                j.schedule(now=now) for j in jobs
            ]
            files = write_calendars(tmp_path / "many", jobs, now=now, executor=executor)
            # The executor is the caller's: still usable afterwards.
            assert executor.submit(len, "abc").result() == 3
        alone = write_calendars(tmp_path / "alone", jobs, now=now)
        assert [f.read_bytes() for f in files] == [f.read_bytes() for f in alone]

    @pytest.mark.parametrize(
        ("options", "match"),
        [
            ({"executor": "processes"}, "executor"),
            ({"executor": ThreadPoolExecutor(1), "workers": 2}, "workers"),
        ],
    )
    def test_bad_executor_options(
        self, tmp_path: Path, now: datetime, options: dict[str, object], match: str
    ) -> None:
        with pytest.raises(ValidationError, match=match):
            write_calendar(tmp_path / "x.ics", [], now=now, **options)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match=match):
            list(schedule_many([], now=now, **options))  # type: ignore[arg-type]
        executor = options["executor"]
        if isinstance(executor, Executor):
            executor.shutdown()
        assert os.listdir(tmp_path) == []


class TestPieces:
    def test_pieces_assemble_to_write_calendars_bytes(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane, 7)
        path = tmp_path / "all.ics"
        count = write_calendar(path, jobs, now=now, name="Feed", todo=True)
        pieces = [export_job(j, now=now, todo=True) for j in jobs]
        assert sum(p.actions for p in pieces) == count
        assert assemble_calendar(pieces, name="Feed") == path.read_bytes()
        again = tmp_path / "again.ics"
        assert write_pieces(again, iter(pieces), name="Feed") == count
        assert again.read_bytes() == path.read_bytes()

    def test_one_piece_is_the_jobs_events(
        self, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        job = Job(interview=interview, plan=presets.after_interview(), outcome=rejection)
        piece = export_job(job, now=now, domain="jobs.example.com")
        timeline = job.schedule(now=now)
        cal = to_ical(timeline, stamp=now, domain="jobs.example.com")
        assert piece.events == b"".join(
            c.to_ical() for c in cal.subcomponents if c.name != "VTIMEZONE"
        )
        assert piece.actions == len(timeline)
        assert [z[0] for z in piece.zones] == ["America/New_York"]
        assert all(lo.tzinfo == UTC and lo <= hi for _, lo, hi in piece.zones)
        assert assemble_calendar([piece]) == to_ical_bytes(
            timeline, stamp=now, domain="jobs.example.com"
        )

    def test_pieces_add_up_in_any_grouping(
        self, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        a, b, c = (export_job(j, now=now) for j in _jobs(interview, jane, 3))
        assert (a + b) + c == a + (b + c)
        assert CalendarPiece() + a == a == a + CalendarPiece()
        assert sum([a, b, c], CalendarPiece()) == a + b + c
        assert assemble_calendar([a + b + c]) == assemble_calendar([a, b, c])
        assert pickle.loads(pickle.dumps(a + b)) == a + b
        assert hash(a) == hash(pickle.loads(pickle.dumps(a)))

    def test_zones_given_as_a_mapping(self) -> None:
        berlin = ZoneInfo("Europe/Berlin")
        lo, hi = datetime(2026, 3, 1, 9, tzinfo=berlin), datetime(2026, 8, 1, 9, tzinfo=berlin)
        piece = CalendarPiece(zones={"Europe/Berlin": (hi, hi), "Asia/Tokyo": (lo, hi)})
        wider = piece + CalendarPiece(zones=[("Europe/Berlin", lo, lo)])
        assert wider.zones == (
            ("Asia/Tokyo", lo.astimezone(UTC), hi.astimezone(UTC)),
            ("Europe/Berlin", lo.astimezone(UTC), hi.astimezone(UTC)),
        )

    def test_export_job_checks_its_options(self, interview: Interview, now: datetime) -> None:
        job = Job(interview=interview, plan=presets.after_interview())
        with pytest.raises(ValidationError, match="now"):
            export_job(job, now=datetime(2026, 11, 25, 8))  # noqa: DTZ001 - naive on purpose
        with pytest.raises(ExportError, match="domain"):
            export_job(job, now=now, domain="not a domain")
        with pytest.raises(ExportError, match="duration"):
            export_job(job, now=now, duration=timedelta(0))


class TestFaults:
    @pytest.mark.parametrize("workers", [1, 2])
    def test_a_workers_error_keeps_its_type_data_and_notes(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime, workers: int
    ) -> None:
        jobs = _jobs(interview, jane, 4)
        jobs[2] = _boom_job(jobs[2])
        with pytest.raises(SchedulingError) as info:
            write_calendar(tmp_path / "x.ics", jobs, now=now, workers=workers, chunksize=1)
        assert info.value.step == "boom"
        assert str(info.value) == "boom: no such anchor"
        assert "(in job #2: interview 'batch-2')" in info.value.__notes__
        if workers > 1:  # the worker's traceback is the cause, as concurrent.futures shows it
            assert "in actions" in str(info.value.__cause__)
        assert os.listdir(tmp_path) == []

    def test_an_error_that_does_not_pickle_still_arrives(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane, 3)
        jobs[1] = _boom_job(jobs[1], unpicklable=True)
        with pytest.raises(_Unpicklable) as info:
            list(schedule_many(jobs, now=now, workers=2, chunksize=1))
        assert str(info.value) == "the hook failed"
        assert isinstance(info.value.hook, str)  # its repr: a function cannot travel
        assert "<lambda>" in info.value.hook
        assert "(in job #1: interview 'batch-1')" in info.value.__notes__

    @pytest.mark.parametrize("many", [False, True])
    def test_a_dead_worker_fails_the_run_and_writes_nothing(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime, many: bool
    ) -> None:
        jobs = _jobs(interview, jane, 6) * 4
        old = tmp_path / ("sam-example-com.ics" if many else "cal.ics")
        old.write_bytes(b"old")

        flag = tmp_path / "stall.pid"
        jobs[6] = attrs.evolve(jobs[6], plan=Plan.of(_Stall(signal=str(flag))), history=())

        def kill_the_stalled_worker() -> None:
            deadline = time.monotonic() + 60
            while not flag.exists() or not flag.read_text(encoding="ascii"):
                if time.monotonic() > deadline:
                    return
                time.sleep(0.05)
            os.kill(int(flag.read_text(encoding="ascii")), signal.SIGKILL)

        killer = threading.Thread(target=kill_the_stalled_worker, daemon=True)
        killer.start()
        with pytest.raises(BrokenProcessPool) as info:
            _write(tmp_path, old, iter(jobs), now=now, many=many, workers=2)
        killer.join(5)
        assert any(
            "ProcessPoolExecutor failed while job" in note and "nothing was written" in note
            for note in info.value.__notes__
        )
        assert old.read_bytes() == b"old"
        assert _leftovers(tmp_path, old.name, flag.name) == []
        assert multiprocessing.active_children() == []

    @pytest.mark.parametrize("workers", [1, 2])
    @pytest.mark.parametrize("many", [False, True])
    def test_an_interrupted_run_leaves_no_temporary_file(
        self,
        tmp_path: Path,
        interview: Interview,
        jane: Contact,
        now: datetime,
        workers: int,
        many: bool,
    ) -> None:
        jobs = _jobs(interview, jane, 6)
        old = tmp_path / ("sam-example-com.ics" if many else "cal.ics")
        old.write_bytes(b"old")

        def interrupted() -> Iterator[Job]:
            yield from jobs
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            _write(tmp_path, old, interrupted(), now=now, many=many, workers=workers)
        assert old.read_bytes() == b"old"
        assert _leftovers(tmp_path, old.name) == []
        assert multiprocessing.active_children() == []

    @pytest.mark.parametrize("kind", [ThreadPoolExecutor, ProcessPoolExecutor])
    def test_an_executor_shut_down_mid_run_leaves_no_temporary_file(
        self,
        tmp_path: Path,
        interview: Interview,
        jane: Contact,
        now: datetime,
        kind: type[Executor],
    ) -> None:
        jobs = _jobs(interview, jane, 6) * 3
        old = tmp_path / "cal.ics"
        old.write_bytes(b"old")
        executor = kind(max_workers=2)

        def shutting() -> Iterator[Job]:
            for i, job in enumerate(jobs):
                if i == 5:
                    executor.shutdown(wait=False, cancel_futures=True)
                yield job

        with pytest.raises((RuntimeError, CancelledError)) as info:
            write_calendar(old, shutting(), now=now, executor=executor, chunksize=1)
        assert any("failed while job" in note for note in info.value.__notes__)
        assert old.read_bytes() == b"old"
        assert _leftovers(tmp_path, old.name) == []
        executor.shutdown(wait=True)


@pytest.mark.parametrize("many", [False, True])
def test_a_read_only_target_is_refused_and_kept(
    tmp_path: Path, interview: Interview, jane: Contact, now: datetime, many: bool
) -> None:
    jobs = _jobs(interview, jane, 2)
    old = tmp_path / ("sam-example-com.ics" if many else "cal.ics")
    old.write_bytes(b"old")
    old.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"):
        _write(tmp_path, old, iter(jobs), now=now, many=many, workers=1)
    assert old.read_bytes() == b"old"
    assert _leftovers(tmp_path, old.name) == []


@pytest.mark.parametrize(
    "error",
    [
        ValidationError("start", datetime(2026, 1, 1), "an aware datetime"),  # noqa: DTZ001
        SchedulingError("boom", step="status-check"),
        InvalidStepError("duplicate id", step="thank-you"),
        TemplateError("no such fact", name="nickname", template="thank-you.warm.email"),
        InputFileError("bad date", path="i.toml", line=7, field="interview.start"),
        ExportError("cannot write", path="/tmp/x.ics"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_every_public_error_crosses_a_process_with_its_data(error: Exception) -> None:
    """What batch sends back from a worker: the same class, message, attributes and notes."""
    error.add_note("(in job #3: interview 'k')")
    got = pickle.loads(pickle.dumps(_capture(error, in_process=False))).error
    assert type(got) is type(error)
    assert str(got) == str(error)
    assert vars(got) == vars(error)
    assert got.__notes__ == ["(in job #3: interview 'k')"]


class TestWorkerKilledWhileSending:
    """A pool worker killed halfway through sending a result back (tests/batch_faults.py).

    CPython's pool then waits for the rest of the message for ever; the run must
    fail with a clear error instead, leave the target as it was and no temporary
    file, and stop the pool so that the interpreter can exit. Each scenario runs
    in a subprocess with a timeout, so a hang fails the test instead of the suite.
    """

    @pytest.mark.parametrize(
        "scenario", ["workers", "executor", "two_pools", "write_calendars", "schedule_many"]
    )
    def test_the_run_fails_cleanly_instead_of_hanging(self, tmp_path: Path, scenario: str) -> None:
        script = Path(__file__).with_name("batch_faults.py")
        # A session of its own, so that a hung run's workers are killed with it.
        with subprocess.Popen(
            [sys.executable, str(script), str(tmp_path), scenario],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        ) as proc:
            try:
                out, err = proc.communicate(timeout=240)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
                pytest.fail("the run hung (killed after 240 s)")
        assert proc.returncode == 0, err
        report = json.loads(out)
        assert report.get("broken_process_pool"), report
        [note] = [n for n in report["notes"] if "ProcessPoolExecutor failed while job" in n]
        first, last = map(int, re.findall(r"#(\d+)", note))
        assert first <= batch_faults.DYING <= last, note
        assert "nothing was written" in note
        assert "killed by signal SIGKILL" in report["message"], report
        assert report["target"] == "old"
        keep = "sam-example-com.ics" if scenario == "write_calendars" else "cal.ics"
        assert report["files"] == [keep]
        assert report["children"] == 0
        if scenario in ("executor", "two_pools"):  # the caller's pool: broken, as CPython does
            assert report["pool_after"] == "BrokenProcessPool"
        if scenario == "two_pools":  # and another pool is left alone
            assert report["other_pool"] == 3

    def test_the_pool_internals_the_watchdog_reads_are_there(self) -> None:
        """If CPython moves them, the watchdog falls back to waiting plainly: this test says so."""
        pool = ProcessPoolExecutor(max_workers=1)
        try:
            assert pool.submit(len, "abc").result() == 3
            assert _pool.watchable(pool)
            [worker] = _pool._processes(pool) or []
            assert worker.is_alive()
            assert _pool._dead(pool) == []
        finally:
            pool.shutdown(wait=True)
        assert not _pool.watchable(pool)
        assert not _pool.watchable(ThreadPoolExecutor(1))

    def test_workers_the_pool_retires_are_not_deaths(
        self, tmp_path: Path, interview: Interview, jane: Contact, now: datetime
    ) -> None:
        jobs = _jobs(interview, jane, 4)
        one, pooled = tmp_path / "one.ics", tmp_path / "pooled.ics"
        write_calendar(one, jobs, now=now)
        # Each worker exits (with 0) after one chunk and the pool starts another.
        with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=1) as pool:
            write_calendar(pooled, jobs, now=now, executor=pool, chunksize=1)
        assert pooled.read_bytes() == one.read_bytes()

    def test_only_abnormal_ends_count_as_deaths(self) -> None:
        fork = multiprocessing.get_context("fork")
        retired = fork.Process(target=sys.exit, args=(0,))
        failed = fork.Process(target=sys.exit, args=(3,))
        killed = fork.Process(target=time.sleep, args=(60,))
        for p in (retired, failed, killed):
            p.start()
        killed.kill()
        for p in (retired, failed, killed):
            p.join(30)

        table = types.SimpleNamespace(_processes={p.pid: p for p in (retired, failed, killed)})
        assert _pool._dead(table) == [(failed.pid, 3), (killed.pid, -signal.SIGKILL)]  # type: ignore[arg-type]
        assert _pool._how(-signal.SIGKILL) == "killed by signal SIGKILL"
        assert _pool._how(3) == "ended with exit code 3"
