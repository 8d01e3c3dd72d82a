"""Batch scheduling and export: many interviews' reminders in one pass, in bounded memory.

A host application with thousands of users (a job tracker, a career-services
portal) schedules many interviews at once and serves the reminders as one
calendar feed, or as one file per person. The helpers here do that in a single
streaming pass over an iterable of [`Job`][followup.batch.Job] s:

* [`schedule_many`][followup.batch.schedule_many] yields one [`Timeline`][followup.timeline.Timeline] per job,
  in the order of the jobs;
* [`write_calendar`][followup.batch.write_calendar] writes every job's reminders into one ``.ics`` file;
* [`write_calendars`][followup.batch.write_calendars] writes one ``.ics`` file per person.

Memory stays flat in the number of jobs: the jobs are read lazily, each job's
events are serialised as soon as they are made and written to a staging file
next to the target, and nothing but the VTIMEZONE ranges (a few datetimes per
zone) is kept. When every job is done, the file is assembled (calendar header,
one VTIMEZONE per zone covering every event of that zone, the staged events)
into a temporary file that replaces the target atomically, so a reader never
sees half a calendar and an error leaves the old file untouched.

The work can run on any `concurrent.futures.Executor`: ``executor=`` takes
a ``ProcessPoolExecutor``, a ``ThreadPoolExecutor`` or Dask's
``distributed.Client.get_executor()``, and ``workers=N`` is a shortcut for a
process pool of ``N`` that the call starts and stops. Jobs go to the executor in
chunks, a few chunks per worker ahead of the writer, and the results are written
in the order of the jobs, so the output is byte for byte the same as with one
process, whatever the executor. Jobs, plans and timelines are plain frozen
values, so they travel by pickling.

Engines that map and reduce on their own (Spark, Beam, Dask bags) use the pieces
directly: [`export_job`][followup.batch.export_job] turns one job into a [`CalendarPiece`][followup.batch.CalendarPiece] (its
serialised events and the zone spans they need), pieces add up, and
[`assemble_calendar`][followup.batch.assemble_calendar] or [`write_pieces`][followup.batch.write_pieces] make the calendar of many
pieces, the same bytes as [`write_calendar`][followup.batch.write_calendar] for the same jobs in the same
order.

The events of one job are exactly those [`followup.ical.to_ical`][followup.ical.to_ical] makes
for that job's timeline (same UIDs, DTSTAMP, properties and order); a file for a
single job is byte-identical to ``to_ical_bytes(timeline, stamp=now)``.

Example:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from followup import Candidate, Contact, Interview, presets
    >>> iv = Interview(company="Acme", role="Data Engineer",
    ...     start=datetime(2026, 11, 20, 14, tzinfo=ZoneInfo("America/New_York")),
    ...     candidate=Candidate(name="Sam Rivera"), interviewers=[Contact(name="Jane Doe")])
    >>> jobs = [Job(interview=iv, plan=presets.after_interview())]
    >>> now = datetime(2026, 11, 21, 9, tzinfo=ZoneInfo("America/New_York"))
    >>> for timeline in schedule_many(jobs, now=now):
    ...     print(len(timeline), "actions")
    3 actions
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import re
import secrets
import shutil
import tempfile
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

import attrs

from followup import _pool
from followup._atomic import StagedFile, check_target
from followup._ids import slug
from followup.errors import ExportError, ValidationError
from followup.model import HistoryRecord, Interview, Outcome
from followup.plan import Plan
from followup.timeline import Action, Timeline
from followup.timing import HolidayCalendar

__all__ = [
    "CalendarPiece",
    "Job",
    "assemble_calendar",
    "export_job",
    "schedule_many",
    "write_calendar",
    "write_calendars",
    "write_pieces",
]

_T = TypeVar("_T")
_R = TypeVar("_R")

_DEFAULT_NAME = "Interview follow-up"
_DEFAULT_DOMAIN = "followup.invalid"  # followup.ical.DEFAULT_DOMAIN, without importing icalendar
_DEFAULT_ALARM = timedelta(minutes=15)
_DEFAULT_DURATION = timedelta(minutes=30)
_DEFAULT_CHUNKSIZE = 16
_TRAILER = b"END:VCALENDAR\r\n"
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}")
_MAX_OPEN = 64  # staging files kept open at once by write_calendars
_AHEAD_PER_WORKER = 2  # chunks in flight per worker: one running, one waiting

_Span = tuple[datetime, datetime]
_ZoneSpan = tuple[str, datetime, datetime]


def _history(value: Iterable[HistoryRecord]) -> tuple[HistoryRecord, ...]:
    return tuple(value)


def _holidays(
    value: HolidayCalendar | Iterable[date] | str | None,
) -> HolidayCalendar | frozenset[date] | str | None:
    if value is None or isinstance(value, HolidayCalendar | str):
        return value
    return frozenset(value)


@attrs.frozen(kw_only=True)
class Job:
    """One interview to schedule: the facts, the plan and what is known so far.

    A job is a plain frozen value (it pickles), so a batch can be fanned out to
    worker processes or to a task queue.

    Args:
        interview: The interview.
        plan: The plan to schedule for it (a preset, for example).
        outcome: The outcome known now (default pending).
        history: What has happened since.
        holidays: The plan's holidays: a [`HolidayCalendar`][followup.timing.HolidayCalendar],
            a country or subdivision code ("US", "DE-BY"), dates, or a code and dates.
    """

    interview: Interview = attrs.field(validator=attrs.validators.instance_of(Interview))
    plan: Plan = attrs.field(validator=attrs.validators.instance_of(Plan))
    outcome: Outcome | None = None
    history: tuple[HistoryRecord, ...] = attrs.field(default=(), converter=_history)
    holidays: HolidayCalendar | frozenset[date] | str | None = attrs.field(
        default=None, converter=_holidays
    )

    def schedule(self, *, now: datetime) -> Timeline:
        """Schedule this job's plan for its interview (see [`followup.plan.Plan.schedule`][followup.plan.Plan.schedule]).

        Args:
            now: The current moment (aware).

        Returns:
            The timeline.
        """
        return self.plan.schedule(
            self.interview,
            now=now,
            outcome=self.outcome,
            history=self.history,
            holidays=self.holidays,
        )


# --- errors that travel back from a worker ---------------------------------------------------


class _RemoteTraceback(Exception):
    """The traceback of an error raised in a worker, shown as the error's cause."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return self.text


class _Raised:
    """An exception raised in a worker, carried back to the writer by pickling.

    It is returned as a result rather than raised, so every executor hands it
    back alike and the writer raises it at the job's place in the order. The
    error is rebuilt as the same class with the same ``args``, attributes and
    notes, without calling its ``__init__`` (errors whose constructor takes
    keyword-only arguments lose them in ``Exception``'s default pickling); the
    worker's traceback becomes its ``__cause__``, as ``concurrent.futures`` does.
    """

    def __init__(self, error: BaseException, trace: str = "") -> None:
        self.error = error
        self.trace = trace

    def __reduce__(self) -> tuple[Any, ...]:
        e = self.error
        return (_rebuild, (type(e), e.args, dict(getattr(e, "__dict__", {})), self.trace))


def _rebuild(
    kind: type[BaseException], args: tuple[Any, ...], state: dict[str, Any], trace: str
) -> _Raised:
    error = kind.__new__(kind, *args)
    error.args = args
    with contextlib.suppress(AttributeError, TypeError):
        error.__dict__.update(state)
    if trace and error.__cause__ is None:
        error.__cause__ = _RemoteTraceback(trace)
    return _Raised(error, trace)


def _stand_in(error: BaseException) -> BaseException:
    """A copy of ``error`` that pickles: unpicklable arguments and attributes become their repr.

    An error that cannot cross the process boundary would otherwise be replaced
    by the executor's own pickling error, losing its type and message.
    """

    def portable(value: object) -> object:
        try:
            pickle.dumps(value)
        except Exception:
            return repr(value)
        return value

    kind: type[BaseException] = type(error)
    args: tuple[Any, ...] = tuple(portable(a) for a in error.args)
    try:
        pickle.loads(pickle.dumps(kind))
        copy = kind.__new__(kind, *args)
    except Exception:
        # A class the writer cannot import (defined in a function, say): keep its name and text.
        kind = RuntimeError
        args = (f"{type(error).__module__}.{type(error).__qualname__}: {error}",)
        copy = kind(*args)
    copy.args = args
    state = {k: portable(v) for k, v in getattr(error, "__dict__", {}).items()}
    with contextlib.suppress(AttributeError, TypeError):
        copy.__dict__.update(state)
    return copy


def _capture(error: BaseException, *, in_process: bool) -> _Raised:
    """Wrap an error raised while running a chunk, checking that it can travel back."""
    if in_process:
        return _Raised(error)
    trace = "".join(traceback.format_exception(error)).rstrip()
    raised = _Raised(error, f'\n"""\n{trace}\n"""')
    try:
        pickle.dumps(raised)
    except Exception:
        raised = _Raised(_stand_in(error), raised.trace)
    return raised


def _note(error: BaseException, index: int, job: Job) -> None:
    error.add_note(f"(in job #{index}: interview {job.interview.key!r})")


# --- running jobs, in this process or on an executor -----------------------------------------


class _Chunk(Generic[_T]):
    """Some items sent to a worker at once, with a name for Dask that costs nothing.

    Dask names each task it is given by hashing its arguments (``tokenize``),
    which for arbitrary objects means pickling them once more in the writer:
    most of the writer's time with ``Client.get_executor()``. A chunk is named
    by its run and position instead (``__dask_tokenize__``), which is unique, so
    no two chunks are mistaken for each other. (Not a list subclass: the
    tokenizer would walk a list's items without asking.)
    """

    __slots__ = ("items", "number", "run")

    def __init__(self, run: str, number: int, items: list[_T]) -> None:
        self.run = run
        self.number = number
        self.items = items

    def __dask_tokenize__(self) -> tuple[str, int]:
        return (self.run, self.number)

    def __getstate__(self) -> tuple[str, int, list[_T]]:
        return (self.run, self.number, self.items)

    def __setstate__(self, state: tuple[str, int, list[_T]]) -> None:
        self.run, self.number, self.items = state


def _chunks(items: Iterable[_T], size: int) -> Iterator[_Chunk[_T]]:
    run = secrets.token_hex(16)
    number = 0
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield _Chunk(run, number, batch)
            number += 1
            batch = []
    if batch:
        yield _Chunk(run, number, batch)


class _Task:
    """Base of the functions sent to workers: named for Dask by a random token (see _Chunk)."""

    def __init__(self, *, in_process: bool) -> None:
        self.in_process = in_process
        self.token = secrets.token_hex(16)

    def __dask_tokenize__(self) -> tuple[str, str]:
        return (type(self).__name__, self.token)


def _parallelism(executor: Executor) -> int:
    """How many chunks ``executor`` runs at once, as far as it says (a guess otherwise).

    The standard pools keep it in ``_max_workers``; Dask's executor has a client
    that knows its workers' threads. Anything else: the CPUs of this machine.
    """
    workers = getattr(executor, "_max_workers", None)
    if isinstance(workers, int) and workers > 0:
        return workers
    client = getattr(executor, "_client", None)
    nthreads = getattr(client, "nthreads", None)
    if callable(nthreads):
        with contextlib.suppress(Exception):
            total = sum(int(n) for n in nthreads().values())
            if total > 0:
                return total
    return os.cpu_count() or 1


def _executor_note(error: BaseException, executor: Executor, first: int, last: int) -> None:
    jobs = f"job #{first} was" if first == last else f"jobs #{first}-#{last} were"
    error.add_note(
        f"(followup.batch: {type(executor).__name__} failed while {jobs} in its hands: "
        "a worker process died, the executor was shut down, or the work or its result "
        "could not be sent; nothing was written)"
    )


def _ordered_map(
    fn: Callable[[_Chunk[tuple[int, _T]]], list[_R | _Raised]],
    items: Iterable[tuple[int, _T]],
    *,
    executor: Executor | None,
    workers: int,
    chunksize: int,
) -> Generator[_R, None, None]:
    """``fn`` over ``items`` (numbered) in chunks, results in input order.

    ``Executor.map`` reads the whole input up front; this keeps a few chunks per
    worker submitted, so memory stays flat however long the input is. An error a
    job raised comes back as a result (`_Raised`) and is raised here, at
    its place in the order. A failure of the executor itself (a dead worker, a
    shutdown, a cancelled future) is raised with a note naming the jobs in
    flight; a process pool's workers are watched while we wait
    (`followup._pool`), since CPython's pool never notices some deaths;
    our futures still pending are cancelled, and a pool this call started is shut
    down, whatever ends the iteration.
    """
    chunks = _chunks(items, chunksize)
    if executor is None and workers == 1:
        for chunk in chunks:
            yield from _unpack(fn(chunk))
        return
    own = executor is None
    pool: Executor = ProcessPoolExecutor(max_workers=workers) if executor is None else executor
    ahead = _AHEAD_PER_WORKER * (workers if own else _parallelism(pool))
    pending: deque[tuple[Future[list[_R | _Raised]], int, int]] = deque()

    def take() -> list[_R | _Raised]:
        future, first, _ = pending[0]
        last = pending[-1][2]
        try:
            # A process pool's workers are watched meanwhile: CPython's pool waits for ever
            # on a worker killed while it sends a result back (see followup._pool).
            done = _pool.result(future, pool)
        except Exception as exc:  # not KeyboardInterrupt: that is no failure of the executor
            _executor_note(exc, pool, first, last)
            raise
        pending.popleft()
        return done

    try:
        for chunk in chunks:
            try:
                future = pool.submit(fn, chunk)
            except Exception as exc:
                _executor_note(exc, pool, chunk.items[0][0], chunk.items[-1][0])
                raise
            pending.append((future, chunk.items[0][0], chunk.items[-1][0]))
            if len(pending) >= ahead:
                yield from _unpack(take())
        while pending:
            yield from _unpack(take())
    finally:
        for future, _, _ in pending:
            future.cancel()
        if own:
            _pool.shutdown(pool)


def _unpack(results: list[_R | _Raised]) -> Iterator[_R]:
    for result in results:
        if isinstance(result, _Raised):
            raise result.error
        yield result


def _check_run(now: datetime, executor: Executor | None, workers: int, chunksize: int) -> None:
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("now", now, "an aware datetime (with a time zone)")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValidationError("workers", workers, "a whole number of processes, 1 or more")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValidationError("chunksize", chunksize, "a whole number of jobs, 1 or more")
    if executor is not None:
        if not isinstance(executor, Executor):
            raise ValidationError(
                "executor", executor, "a concurrent.futures.Executor (or None for this process)"
            )
        if workers != 1:
            raise ValidationError(
                "workers", workers, "1 when an executor is given (the executor has the workers)"
            )


class _ScheduleChunk(_Task):
    """Schedule a chunk of ``(index, job)``; picklable, for workers."""

    def __init__(self, now: datetime, *, in_process: bool) -> None:
        super().__init__(in_process=in_process)
        self.now = now

    def __call__(self, chunk: _Chunk[tuple[int, Job]]) -> list[Timeline | _Raised]:
        out: list[Timeline | _Raised] = []
        for index, job in chunk.items:
            try:
                out.append(job.schedule(now=self.now))
            except Exception as exc:
                _note(exc, index, job)
                if self.in_process:
                    raise
                out.append(_capture(exc, in_process=False))
                break
        return out


def schedule_many(
    jobs: Iterable[Job],
    *,
    now: datetime,
    executor: Executor | None = None,
    workers: int = 1,
    chunksize: int = _DEFAULT_CHUNKSIZE,
) -> Iterator[Timeline]:
    """Schedule many jobs lazily, yielding one timeline per job, in the jobs' order.

    Args:
        jobs: The jobs; any iterable, read lazily (a generator is fine).
        now: The current moment (aware), the same for every job.
        executor: Where to schedule: any `concurrent.futures.Executor`
            (a process or thread pool, Dask's ``Client.get_executor()``). It is
            used, not shut down. None: this process, or ``workers`` processes.
        workers: A shortcut: with more than one (and no ``executor``), a process
            pool of that many is started and stopped by this call.
        chunksize: Jobs sent to a worker at once.

    Yields:
        Each job's timeline (equal to ``job.schedule(now=now)``, whatever the executor).

    Raises:
        ValidationError: ``now`` is naive, ``workers``/``chunksize`` is not a
            positive whole number, or ``executor`` is not an executor or comes
            with ``workers`` (raised when iteration starts).
        FollowupError: a job cannot be scheduled; the error carries a note
            naming the job's position and interview.
        concurrent.futures.BrokenExecutor: a worker process died, even while
            it sent a result back (the error carries a note naming the jobs in
            flight); likewise the executor's own error when it was shut down or
            could not send the work.
    """
    _check_run(now, executor, workers, chunksize)
    in_process = executor is None and workers == 1
    fn = _ScheduleChunk(now, in_process=in_process)
    yield from _ordered_map(
        fn, enumerate(jobs), executor=executor, workers=workers, chunksize=chunksize
    )


# --- the pieces of a calendar ------------------------------------------------------------------


def _zone_tuple(value: Mapping[str, _Span] | Iterable[_ZoneSpan]) -> tuple[_ZoneSpan, ...]:
    items = (
        ((tzid, lo, hi) for tzid, (lo, hi) in value.items())
        if isinstance(value, Mapping)
        else value
    )
    spans: dict[str, _Span] = {}
    for tzid, lo, hi in items:
        _widen(spans, tzid, lo, hi)
    return tuple((tzid, *spans[tzid]) for tzid in sorted(spans))


def _widen(spans: dict[str, _Span], tzid: str, lo: datetime, hi: datetime) -> None:
    # In UTC: the same instant gives the same piece, whichever zone it was written in.
    lo, hi = lo.astimezone(UTC), hi.astimezone(UTC)
    old = spans.get(tzid)
    spans[tzid] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))


@attrs.frozen(kw_only=True)
class CalendarPiece:
    """Reminders ready to go into a calendar: serialised events and the zones they need.

    [`export_job`][followup.batch.export_job] makes one per job; pieces add up (``a + b``: the events of
    ``a`` then those of ``b``, the zone spans widened to cover both, the counts
    summed), ``CalendarPiece()`` being the empty one; [`assemble_calendar`][followup.batch.assemble_calendar]
    and [`write_pieces`][followup.batch.write_pieces] turn pieces into a calendar. A piece is a frozen
    value that pickles, so map-reduce engines can move it between workers.

    Args:
        events: The VEVENT (or VTODO) components, serialised (CRLF line ends).
        zones: Per zone the events use, the first and last instant they need:
            ``(tzid, first, last)`` triples in UTC, sorted by zone (a mapping of
            ``tzid`` to ``(first, last)`` is accepted too). Each becomes one
            VTIMEZONE covering every piece's span of that zone.
        actions: The number of actions the events stand for (a recurring action
            counts once).
    """

    events: bytes = attrs.field(default=b"", validator=attrs.validators.instance_of(bytes))
    zones: tuple[_ZoneSpan, ...] = attrs.field(default=(), converter=_zone_tuple)
    actions: int = attrs.field(default=0, validator=attrs.validators.instance_of(int))

    def __add__(self, other: object) -> CalendarPiece:
        if not isinstance(other, CalendarPiece):
            return NotImplemented
        return CalendarPiece(
            events=self.events + other.events,
            zones=(*self.zones, *other.zones),
            actions=self.actions + other.actions,
        )


@attrs.frozen
class _Export:
    """The export options, sent to workers with each chunk."""

    now: datetime
    domain: str
    todo: bool
    alarm: timedelta | None
    duration: timedelta


def _spans(actions: Iterable[Action], duration: timedelta) -> dict[str, _Span]:
    """Per zone, the first and last instant its events need (as followup.ical computes them)."""
    from followup.ical._build import spans

    return spans(actions, duration)


def _events(timeline: Timeline, opts: _Export) -> bytes:
    """The serialised events of one timeline, as ``to_ical`` writes them (no calendar, no zones).

    The one place the export's serialiser is chosen: followup.ical's direct writer.
    """
    from followup.ical import _build, _write

    prepared = _build.prepare(
        timeline,
        name=_DEFAULT_NAME,
        domain=opts.domain,
        todo=opts.todo,
        alarm=opts.alarm,
        duration=opts.duration,
        stamp=opts.now,
    )
    # The VTIMEZONEs of one timeline cover it alone; the calendar gets one per zone covering
    # every piece, written when it is assembled.
    return b"".join(_write.entry(e) for e in prepared.entries)


def _export_one(opts: _Export, job: Job) -> CalendarPiece:
    timeline = job.schedule(now=opts.now)
    return CalendarPiece(
        events=_events(timeline, opts),
        zones=_spans(timeline.actions, opts.duration),
        actions=len(timeline),
    )


@functools.lru_cache(maxsize=32)
def _header(name: str) -> bytes:
    """The calendar's own lines (everything before the zones), exactly as to_ical writes them."""
    from followup.ical import to_ical_bytes

    empty = to_ical_bytes([], name=name, stamp=datetime(2000, 1, 1, tzinfo=UTC))
    if not empty.endswith(_TRAILER):  # pragma: no cover - icalendar always ends so
        raise ExportError("unexpected calendar serialisation: no END:VCALENDAR at the end")
    return empty[: -len(_TRAILER)]


@functools.lru_cache(maxsize=32)
def _check_export(
    now: datetime, domain: str, todo: bool, alarm: timedelta | None, duration: timedelta
) -> _Export:
    """Check the export options once (to_ical checks them); the options for the workers."""
    from followup.ical import to_ical_bytes

    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("now", now, "an aware datetime (with a time zone)")
    to_ical_bytes([], domain=domain, todo=todo, alarm=alarm, duration=duration, stamp=now)
    return _Export(now, domain, todo, alarm, duration)


def export_job(
    job: Job,
    *,
    now: datetime,
    domain: str = _DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = _DEFAULT_ALARM,
    duration: timedelta = _DEFAULT_DURATION,
) -> CalendarPiece:
    """Schedule one job and serialise its reminders: the map step of a calendar export.

    A pure function of its arguments, so it runs anywhere (a Dask, Spark or Beam
    worker) and gives the same bytes everywhere.

    Args:
        job: The job.
        now: The current moment (aware): statuses are computed for it and it is
            every event's DTSTAMP.
        domain: The domain part of every UID.
        todo: Write VTODOs instead of VEVENTs.
        alarm: How long before each reminder its alarm fires (None: no alarm).
        duration: The length of each reminder event.

    Returns:
        The job's piece: its events, in the order [`to_ical`][followup.ical.to_ical]
        writes them, and the zone spans they need.

    Raises:
        ValidationError: ``now`` is naive.
        ExportError: a bad domain, alarm or duration.
        FollowupError: the job cannot be scheduled.
    """
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("now", now, "an aware datetime (with a time zone)")
    return _export_one(_check_export(now, domain, todo, alarm, duration), job)


def _zones(spans: Mapping[str, _Span]) -> Iterator[bytes]:
    from followup.ical._vtimezone import vtimezone_bytes

    for tzid in sorted(spans):
        lo, hi = spans[tzid]
        yield vtimezone_bytes(tzid, lo, hi)


def _merge_zones(spans: dict[str, _Span], zones: Iterable[_ZoneSpan]) -> None:
    for tzid, lo, hi in zones:
        _widen(spans, tzid, lo, hi)


def assemble_calendar(pieces: Iterable[CalendarPiece], *, name: str = _DEFAULT_NAME) -> bytes:
    """A whole calendar from pieces, in memory: the reduce step of a calendar export.

    The calendar header, one VTIMEZONE per zone covering every piece's span of
    it, then each piece's events in turn. For the pieces of some jobs, in the
    jobs' order, the bytes are those [`write_calendar`][followup.batch.write_calendar] writes for the jobs;
    an engine that does not keep order should sort the pieces first (by the
    interview key, say) for byte-stable output. For many pieces, stream them to
    a file with [`write_pieces`][followup.batch.write_pieces] instead.

    Args:
        pieces: The pieces (any iterable, read once).
        name: The calendar's name.

    Returns:
        The calendar, serialised.

    Raises:
        ExportError: a zone no longer known to this machine's zone database.
    """
    spans: dict[str, _Span] = {}
    body: list[bytes] = []
    for piece in pieces:
        body.append(piece.events)
        _merge_zones(spans, piece.zones)
    return b"".join([_header(name), *_zones(spans), *body, _TRAILER])


def _export_error(path: object, exc: OSError) -> ExportError:
    return ExportError(f"{path}: cannot write the calendar ({exc.strerror or exc})", path=str(path))


def write_pieces(
    path: str | os.PathLike[str],
    pieces: Iterable[CalendarPiece],
    *,
    name: str = _DEFAULT_NAME,
) -> int:
    """Write a calendar made of pieces to a file, streaming: [`assemble_calendar`][followup.batch.assemble_calendar] on disk.

    Each piece's events go to an unnamed staging file as the piece arrives, so
    memory does not grow with the number of pieces; when the pieces run out, the
    calendar is assembled into a temporary file that replaces ``path``
    atomically. On any error (or an interruption) ``path`` is left as it was and
    no temporary file is left behind.

    Args:
        path: The ``.ics`` file to create or replace; its directory must exist.
        pieces: The pieces (any iterable, read once; a generator is fine).
        name: The calendar's name.

    Returns:
        The number of actions written (the sum of the pieces' counts).

    Raises:
        ExportError: the file cannot be written.
        Exception: whatever the iteration of ``pieces`` raises, unchanged.
    """
    header = _header(name)
    target = StagedFile(path)
    spans: dict[str, _Span] = {}
    count = 0
    try:
        check_target(path)  # a read-only target or the command's input: refused before the work
        with tempfile.TemporaryFile(dir=target.directory, prefix=f".{target.name}.") as body:
            for piece in pieces:
                body.write(piece.events)
                _merge_zones(spans, piece.zones)
                count += piece.actions
            target.write([header, *_zones(spans), body, _TRAILER])
        target.commit()
    except OSError as exc:
        target.discard()
        raise _export_error(path, exc) from exc
    except BaseException:
        target.discard()
        raise
    target.sync_directory()
    return count


class _ExportChunk(_Task):
    """Serialise a chunk of ``(index, (tag, job))``; picklable, for workers."""

    def __init__(self, opts: _Export, *, in_process: bool) -> None:
        super().__init__(in_process=in_process)
        self.opts = opts

    def __call__(self, chunk: _Chunk[tuple[int, tuple[_T, Job]]]) -> list[_Tagged[_T] | _Raised]:
        out: list[_Tagged[_T] | _Raised] = []
        for index, (tag, job) in chunk.items:
            try:
                piece = _export_one(self.opts, job)
            except Exception as exc:
                _note(exc, index, job)
                if self.in_process:
                    raise
                out.append(_capture(exc, in_process=False))
                break
            out.append(_Tagged(tag, piece))
        return out


@attrs.frozen
class _Tagged(Generic[_T]):
    """A piece and what it belongs to (the person, for write_calendars)."""

    tag: _T
    piece: CalendarPiece


def _export_map(
    items: Iterable[tuple[_T, Job]],
    opts: _Export,
    executor: Executor | None,
    workers: int,
    chunksize: int,
) -> Generator[_Tagged[_T], None, None]:
    in_process = executor is None and workers == 1
    return _ordered_map(
        _ExportChunk(opts, in_process=in_process),
        enumerate(items),
        executor=executor,
        workers=workers,
        chunksize=chunksize,
    )


def write_calendar(
    path: str | os.PathLike[str],
    jobs: Iterable[Job],
    *,
    now: datetime,
    name: str = _DEFAULT_NAME,
    domain: str = _DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = _DEFAULT_ALARM,
    duration: timedelta = _DEFAULT_DURATION,
    executor: Executor | None = None,
    workers: int = 1,
    chunksize: int = _DEFAULT_CHUNKSIZE,
) -> int:
    """Schedule every job and write all their reminders into one calendar file.

    The jobs are read lazily and each job's events are written as soon as they
    are made, so memory does not grow with the number of jobs. The file holds
    the events of each job in turn (in the order [`to_ical`][followup.ical.to_ical]
    gives them), after one VTIMEZONE per zone that covers every event in it. It
    is replaced atomically when all jobs are done; on any error, or an
    interruption, it is left as it was and no temporary file stays behind.

    Args:
        path: The ``.ics`` file to create or replace; its directory must exist.
        jobs: The jobs (any iterable; a generator is read once).
        now: The current moment (aware): statuses are computed for it and it is
            every event's DTSTAMP, so the same jobs give byte-identical files.
        name: The calendar's name.
        domain: The domain part of every UID.
        todo: Write VTODOs instead of VEVENTs.
        alarm: How long before each reminder its alarm fires (None: no alarm).
        duration: The length of each reminder event.
        executor: Where to schedule and serialise: any
            `concurrent.futures.Executor` (a process pool, Dask's
            ``Client.get_executor()``); used, not shut down. The file is the
            same byte for byte whatever runs the jobs.
        workers: A shortcut: with more than one (and no ``executor``), a process
            pool of that many is started and stopped by this call.
        chunksize: Jobs sent to a worker at once.

    Returns:
        The number of actions written (a recurring action counts once).

    Raises:
        ValidationError: ``now`` is naive, ``workers``/``chunksize`` is not a
            positive whole number, or ``executor`` is not an executor or comes
            with ``workers``.
        ExportError: a bad domain, alarm or duration, or the file cannot be written.
        FollowupError: a job cannot be scheduled (the note names the job).
        concurrent.futures.BrokenExecutor: a worker process died (the note names
            the jobs in flight); likewise the executor's own error when it was
            shut down. The file is untouched. A process pool's workers are
            watched while the writer waits, so a worker killed while it sends its
            result back (which leaves CPython's pool waiting for ever) fails the
            run too, with ``BrokenProcessPool`` naming the worker and the signal;
            Dask reruns a dead worker's tasks instead.
    """
    _check_run(now, executor, workers, chunksize)
    opts = _check_export(now, domain, todo, alarm, duration)
    pieces = _export_map(((None, job) for job in jobs), opts, executor, workers, chunksize)
    with contextlib.closing(pieces):
        return write_pieces(path, (tagged.piece for tagged in pieces), name=name)


def _person_key(job: Job) -> str:
    candidate = job.interview.candidate
    return candidate.email or candidate.name


def _file_name(key: str) -> str:
    if not isinstance(key, str) or not key:
        raise ExportError(f"key: {key!r} is not a non-empty string naming a person")
    stem = key if _SAFE_NAME.fullmatch(key) and not key.endswith(".") else slug(key, limit=80)
    return f"{stem}.ics"


class _Person:
    """What write_calendars keeps per person until the end: kept small, there may be many."""

    __slots__ = ("file_name", "number", "spans")

    def __init__(self, file_name: str, number: int) -> None:
        self.file_name = file_name
        self.number = number
        self.spans: dict[str, _Span] = {}


def write_calendars(
    directory: str | os.PathLike[str],
    jobs: Iterable[Job],
    *,
    now: datetime,
    key: Callable[[Job], str] = _person_key,
    name: str = _DEFAULT_NAME,
    domain: str = _DEFAULT_DOMAIN,
    todo: bool = False,
    alarm: timedelta | None = _DEFAULT_ALARM,
    duration: timedelta = _DEFAULT_DURATION,
    executor: Executor | None = None,
    workers: int = 1,
    chunksize: int = _DEFAULT_CHUNKSIZE,
) -> list[Path]:
    """Schedule every job and write one calendar file per person.

    Each person's file is ``<key>.ics`` in ``directory`` (a key that is not a
    safe file name is turned into an ASCII slug). The jobs of one person need not
    be next to each other. Events are staged on disk as they are made, so memory
    grows with the number of people (about 0.6 KB each: the key, the file name
    and the zone spans), not of jobs. The files
    are replaced atomically, all at the end: on an error, or an interruption, no
    file is touched and no temporary file stays behind.

    Args:
        directory: Where the files go; created if missing.
        jobs: The jobs (any iterable; a generator is read once).
        now: The current moment (aware), also every event's DTSTAMP.
        key: The person a job belongs to (default: the candidate's email, or
            name); it names the file. It runs in this process, so it may be a
            lambda.
        name: Each calendar's name.
        domain: The domain part of every UID.
        todo: Write VTODOs instead of VEVENTs.
        alarm: How long before each reminder its alarm fires (None: no alarm).
        duration: The length of each reminder event.
        executor: Where to schedule and serialise: any
            `concurrent.futures.Executor`; used, not shut down. The files
            are the same byte for byte whatever runs the jobs.
        workers: A shortcut: with more than one (and no ``executor``), a process
            pool of that many is started and stopped by this call.
        chunksize: Jobs sent to a worker at once.

    Returns:
        The files written, in the order their people first appear.

    Raises:
        ValidationError: ``now`` is naive, ``workers``/``chunksize`` is not a
            positive whole number, or ``executor`` is not an executor or comes
            with ``workers``.
        ExportError: a bad option, a key that is empty or whose file name another
            key already uses, or a file cannot be written.
        FollowupError: a job cannot be scheduled (the note names the job).
        concurrent.futures.BrokenExecutor: a worker process died, even while
            it sent a result back (the note names the jobs in flight); no file
            is touched.
    """
    _check_run(now, executor, workers, chunksize)
    opts = _check_export(now, domain, todo, alarm, duration)
    header = _header(name)
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = tempfile.mkdtemp(dir=folder, prefix=".followup-batch.")
    except OSError as exc:
        raise _export_error(folder, exc) from exc
    people: dict[str, _Person] = {}
    by_file: dict[str, str] = {}
    open_files: dict[str, IO[bytes]] = {}
    targets: list[StagedFile] = []

    def tagged() -> Iterator[tuple[str, Job]]:
        for job in jobs:
            person = key(job)
            if person not in people:
                file_name = _file_name(person)
                if file_name in by_file:
                    raise ExportError(
                        f"key: {person!r} and {by_file[file_name]!r} both give the file name "
                        f"{file_name!r}; give key= a function that tells them apart"
                    )
                by_file[file_name] = person
                people[person] = _Person(file_name, len(people))
            yield person, job

    def part(person: _Person) -> str:
        return os.path.join(staging, f"{person.number}.part")

    def append(person_key: str, person: _Person, data: bytes) -> None:
        fh = open_files.pop(person_key, None)
        if fh is None:
            if len(open_files) >= _MAX_OPEN:
                oldest = next(iter(open_files))
                open_files.pop(oldest).close()
            fh = open(part(person), "ab")  # noqa: SIM115 - kept open across jobs, closed below
        open_files[person_key] = fh  # most recently used last
        fh.write(data)

    pieces = _export_map(tagged(), opts, executor, workers, chunksize)
    try:
        try:
            with contextlib.closing(pieces):
                for item in pieces:
                    person = people[item.tag]
                    append(item.tag, person, item.piece.events)
                    _merge_zones(person.spans, item.piece.zones)
        finally:
            for fh in open_files.values():
                fh.close()
        for person in people.values():
            target = StagedFile(folder / person.file_name)
            targets.append(target)
            with open(part(person), "a+b") as body:
                target.write([header, *_zones(person.spans), body, _TRAILER])
            os.unlink(part(person))
        for target in targets:
            target.commit()
    except OSError as exc:
        for target in targets:
            target.discard()
        raise _export_error(folder, exc) from exc
    except BaseException:
        for target in targets:
            target.discard()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if targets:
        targets[0].sync_directory()
    return [folder / person.file_name for person in people.values()]
