"""Batch scheduling and export: many interviews' reminders in one pass, in bounded memory.

A host application with thousands of users (a job tracker, a career-services
portal) schedules many interviews at once and serves the reminders as one
calendar feed, or as one file per person. The helpers here do that in a single
streaming pass over an iterable of :class:`Job` s:

* :func:`schedule_many` yields one :class:`~followup.timeline.Timeline` per job,
  in the order of the jobs;
* :func:`write_calendar` writes every job's reminders into one ``.ics`` file;
* :func:`write_calendars` writes one ``.ics`` file per person.

Memory stays flat in the number of jobs: the jobs are read lazily, each job's
events are serialised as soon as they are made and written to a staging file
next to the target, and nothing but the VTIMEZONE ranges (a few datetimes per
zone) is kept. When every job is done, the file is assembled (calendar header,
one VTIMEZONE per zone covering every event of that zone, the staged events)
into a temporary file that replaces the target atomically, so a reader never
sees half a calendar and an error leaves the old file untouched.

With ``workers > 1`` the jobs are scheduled and serialised in that many
processes (:class:`concurrent.futures.ProcessPoolExecutor`), a few chunks ahead
of the writer; the results are written in the order of the jobs, so the output
is byte for byte the same as with one process. Jobs, plans and timelines are
plain frozen values, so they travel to the workers by pickling.

The events of one job are exactly those :func:`followup.ical.to_ical` makes
for that job's timeline (same UIDs, DTSTAMP, properties and order); a file for a
single job is byte-identical to ``to_ical_bytes(timeline, stamp=now)``.

Example:
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from followup import Candidate, Contact, Interview, presets
    >>> iv = Interview(company="Acme", role="Data Engineer",
    ...     start=datetime(2026, 11, 20, 14, tzinfo=ZoneInfo("America/New_York")),
    ...     candidate=Candidate(name="Sam Rivera"), interviewers=[Contact(name="Jane Doe")])
    >>> jobs = [Job(iv, presets.after_interview())]
    >>> now = datetime(2026, 11, 21, 9, tzinfo=ZoneInfo("America/New_York"))
    >>> [len(t) for t in schedule_many(jobs, now=now)]
    [3]
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

import attrs

from followup._ids import slug
from followup.errors import ExportError, ValidationError
from followup.model import HistoryRecord, Interview, Outcome
from followup.plan import Plan
from followup.timeline import Action, Timeline
from followup.timing import HolidayCalendar

__all__ = ["Job", "schedule_many", "write_calendar", "write_calendars"]

_T = TypeVar("_T")
_R = TypeVar("_R")

_DEFAULT_NAME = "Interview follow-up"
_DEFAULT_DOMAIN = "followup.invalid"  # followup.ical.DEFAULT_DOMAIN, without importing icalendar
_DEFAULT_ALARM = timedelta(minutes=15)
_DEFAULT_DURATION = timedelta(minutes=30)
_DEFAULT_CHUNKSIZE = 16
_TRAILER = b"END:VCALENDAR\r\n"
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}")
_OPEN_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
)
_COPY_BUFFER = 1 << 20
_MAX_OPEN = 64  # staging files kept open at once by write_calendars

_Span = tuple[datetime, datetime]


def _history(value: Iterable[HistoryRecord]) -> tuple[HistoryRecord, ...]:
    return tuple(value)


def _holidays(
    value: HolidayCalendar | Iterable[date] | str | None,
) -> HolidayCalendar | frozenset[date] | str | None:
    if value is None or isinstance(value, HolidayCalendar | str):
        return value
    return frozenset(value)


@attrs.frozen
class Job:
    """One interview to schedule: the facts, the plan and what is known so far.

    A job is a plain frozen value (it pickles), so a batch can be fanned out to
    worker processes or to a task queue.

    Args:
        interview: The interview.
        plan: The plan to schedule for it (a preset, for example).
        outcome: The outcome known now (default pending).
        history: What has happened since.
        holidays: Days that are not business days: a
            :class:`~followup.timing.HolidayCalendar`, dates, or a country code.
    """

    interview: Interview = attrs.field(validator=attrs.validators.instance_of(Interview))
    plan: Plan = attrs.field(validator=attrs.validators.instance_of(Plan))
    outcome: Outcome | None = None
    history: tuple[HistoryRecord, ...] = attrs.field(default=(), converter=_history)
    holidays: HolidayCalendar | frozenset[date] | str | None = attrs.field(
        default=None, converter=_holidays
    )

    def schedule(self, now: datetime) -> Timeline:
        """Schedule this job's plan for its interview (see :meth:`followup.plan.Plan.schedule`).

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


# --- running jobs, in this process or in several -------------------------------------------


class _Raised:
    """An exception raised in a worker, carried back to the parent by pickling.

    Followup's errors take keyword-only arguments that ``Exception``'s default
    pickling loses; this rebuilds the same class with the same ``args``,
    attributes and notes without calling its ``__init__``.
    """

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def __reduce__(self) -> tuple[Any, ...]:
        e = self.error
        return (_rebuild, (type(e), e.args, dict(getattr(e, "__dict__", {}))))


def _rebuild(kind: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> _Raised:
    error = kind.__new__(kind, *args)
    error.args = args
    with contextlib.suppress(AttributeError, TypeError):
        error.__dict__.update(state)
    return _Raised(error)


def _note(error: BaseException, index: int, job: Job) -> None:
    error.add_note(f"(in job #{index}: interview {job.interview.key!r})")


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    chunk: list[_T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered_map(
    fn: Callable[[list[_T]], list[_R | _Raised]],
    items: Iterable[_T],
    *,
    workers: int,
    chunksize: int,
) -> Iterator[_R]:
    """``fn`` over ``items`` in chunks, results in input order; at most a few chunks in flight.

    ``Executor.map`` and ``Pool.imap`` read the whole input up front; this keeps
    ``2 * workers`` chunks submitted, so memory stays flat however long the input is.
    """
    chunks = _chunks(items, chunksize)
    if workers == 1:
        for chunk in chunks:
            for result in fn(chunk):
                if isinstance(result, _Raised):  # pragma: no cover - fn raises in-process
                    raise result.error
                yield result
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    pending: deque[Future[list[_R | _Raised]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(fn, chunk))
            if len(pending) >= 2 * workers:
                yield from _unpack(pending.popleft().result())
        while pending:
            yield from _unpack(pending.popleft().result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _unpack(results: list[_R | _Raised]) -> Iterator[_R]:
    for result in results:
        if isinstance(result, _Raised):
            raise result.error
        yield result


def _check_run(now: datetime, workers: int, chunksize: int) -> None:
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("now", now, "an aware datetime (with a time zone)")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValidationError("workers", workers, "a whole number of processes, 1 or more")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValidationError("chunksize", chunksize, "a whole number of jobs, 1 or more")


def _schedule_chunk(now: datetime, chunk: list[tuple[int, Job]]) -> list[Timeline | _Raised]:
    out: list[Timeline | _Raised] = []
    for index, job in chunk:
        try:
            out.append(job.schedule(now))
        except Exception as exc:
            _note(exc, index, job)
            out.append(_Raised(exc))
            break
    return out


class _ScheduleChunk:
    """A picklable ``_schedule_chunk`` bound to ``now`` that raises in-process."""

    def __init__(self, now: datetime, *, in_process: bool) -> None:
        self.now = now
        self.in_process = in_process

    def __call__(self, chunk: list[tuple[int, Job]]) -> list[Timeline | _Raised]:
        out = _schedule_chunk(self.now, chunk)
        if self.in_process and out and isinstance(out[-1], _Raised):
            raise out[-1].error
        return out


def schedule_many(
    jobs: Iterable[Job],
    *,
    now: datetime,
    workers: int = 1,
    chunksize: int = _DEFAULT_CHUNKSIZE,
) -> Iterator[Timeline]:
    """Schedule many jobs lazily, yielding one timeline per job, in the jobs' order.

    Args:
        jobs: The jobs; any iterable, read lazily (a generator is fine).
        now: The current moment (aware), the same for every job.
        workers: Processes to schedule in; with more than one, the timelines are
            made in worker processes and come back pickled (the same values).
        chunksize: Jobs sent to a worker at once.

    Yields:
        Each job's timeline.

    Raises:
        ValidationError: ``now`` is naive, or ``workers``/``chunksize`` is not
            a positive whole number (raised when iteration starts).
        FollowupError: a job cannot be scheduled; the error carries a note
            naming the job's position and interview.
    """
    _check_run(now, workers, chunksize)
    fn = _ScheduleChunk(now, in_process=workers == 1)
    yield from _ordered_map(fn, enumerate(jobs), workers=workers, chunksize=chunksize)


# --- calendar export --------------------------------------------------------------------------


@attrs.frozen
class _Export:
    """The export options, sent to workers with each chunk."""

    now: datetime
    name: str
    domain: str
    todo: bool
    alarm: timedelta | None
    duration: timedelta


@attrs.frozen
class _Piece(Generic[_T]):
    """One job's serialised events, the zone spans they need and their action count."""

    tag: _T
    data: bytes
    spans: dict[str, _Span]
    actions: int


def _spans(actions: Iterable[Action], duration: timedelta) -> dict[str, _Span]:
    """Per zone, the first and last instant its events need (as followup.ical computes them)."""
    from followup.ical._build import spans

    return spans(actions, duration)


def _merge_spans(into: dict[str, _Span], spans: dict[str, _Span]) -> None:
    for tzid, (lo, hi) in spans.items():
        old = into.get(tzid)
        into[tzid] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))


def _export_one(opts: _Export, job: Job) -> tuple[bytes, dict[str, _Span], int]:
    from followup.ical import _build, _write

    timeline = job.schedule(opts.now)
    prepared = _build.prepare(
        timeline,
        name=opts.name,
        domain=opts.domain,
        todo=opts.todo,
        alarm=opts.alarm,
        duration=opts.duration,
        stamp=opts.now,
    )
    # The VTIMEZONEs of one timeline cover it alone; the file gets one per zone covering
    # every job, written when the file is assembled.
    data = b"".join(_write.entry(e) for e in prepared.entries)
    return data, _spans(timeline.actions, opts.duration), len(timeline)


class _ExportChunk:
    """Serialise a chunk of ``(tag, index, job)``; picklable, for worker processes."""

    def __init__(self, opts: _Export, *, in_process: bool) -> None:
        self.opts = opts
        self.in_process = in_process

    def __call__(self, chunk: list[tuple[_T, int, Job]]) -> list[_Piece[_T] | _Raised]:
        out: list[_Piece[_T] | _Raised] = []
        for tag, index, job in chunk:
            try:
                data, spans, count = _export_one(self.opts, job)
            except Exception as exc:
                _note(exc, index, job)
                if self.in_process:
                    raise
                out.append(_Raised(exc))
                break
            out.append(_Piece(tag, data, spans, count))
        return out


def _options(
    now: datetime,
    name: str,
    domain: str,
    todo: bool,
    alarm: timedelta | None,
    duration: timedelta,
) -> tuple[_Export, bytes]:
    """Check the options; return them and the calendar header (everything before the zones)."""
    from followup.ical import to_ical_bytes

    opts = _Export(now, name, domain, todo, alarm, duration)
    # The calendar's own lines, exactly as to_ical writes them (it checks the options too).
    empty = to_ical_bytes(
        [], name=name, domain=domain, todo=todo, alarm=alarm, duration=duration, stamp=now
    )
    if not empty.endswith(_TRAILER):  # pragma: no cover - icalendar always ends so
        raise ExportError("unexpected calendar serialisation: no END:VCALENDAR at the end")
    return opts, empty[: -len(_TRAILER)]


def _zones(spans: dict[str, _Span]) -> Iterator[bytes]:
    from followup.ical._vtimezone import vtimezone_bytes

    for tzid in sorted(spans):
        lo, hi = spans[tzid]
        yield vtimezone_bytes(tzid, lo, hi)


class _Target:
    """A file replaced atomically: a temporary file in its directory, renamed over it."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.real = os.path.realpath(os.fspath(path))
        self.directory, self.name = os.path.split(self.real)
        self.temp: str | None = None

    def write(self, parts: Iterable[bytes | IO[bytes]]) -> None:
        """Write the parts (bytes, or files copied from their start) to the temporary file."""
        try:
            mode: int | None = stat.S_IMODE(os.stat(self.real).st_mode)
        except FileNotFoundError:
            mode = None
        for _ in range(100):
            temp = os.path.join(self.directory, f".{self.name}.{secrets.token_hex(6)}.tmp")
            try:
                fd = os.open(temp, _OPEN_FLAGS, 0o666)
            except FileExistsError:
                continue
            break
        else:  # pragma: no cover - 100 collisions of 48 random bits
            raise FileExistsError(f"could not create a temporary file next to {self.real!r}")
        self.temp = temp
        with os.fdopen(fd, "wb") as out:
            if mode is not None:
                os.chmod(temp, mode)
            for part in parts:
                if isinstance(part, bytes):
                    out.write(part)
                else:
                    part.flush()
                    part.seek(0)
                    shutil.copyfileobj(part, out, _COPY_BUFFER)
            out.flush()
            os.fsync(out.fileno())

    def commit(self) -> None:
        """Rename the temporary file over the target."""
        assert self.temp is not None
        os.replace(self.temp, self.real)
        self.temp = None

    def discard(self) -> None:
        """Remove the temporary file, if any."""
        if self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None


def _fsync_directory(directory: str) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - Windows, some file systems
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _export_error(path: object, exc: OSError) -> ExportError:
    return ExportError(f"{path}: cannot write the calendar ({exc.strerror or exc})", path=str(path))


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
    workers: int = 1,
    chunksize: int = _DEFAULT_CHUNKSIZE,
) -> int:
    """Schedule every job and write all their reminders into one calendar file.

    The jobs are read lazily and each job's events are written as soon as they
    are made, so memory does not grow with the number of jobs. The file holds
    the events of each job in turn (in the order :func:`~followup.ical.to_ical`
    gives them), after one VTIMEZONE per zone that covers every event in it. It
    is replaced atomically when all jobs are done; on any error it is left as it
    was.

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
        workers: Processes to schedule and serialise in; the file is the same
            byte for byte whatever the number.
        chunksize: Jobs sent to a worker at once.

    Returns:
        The number of actions written (a recurring action counts once).

    Raises:
        ValidationError: ``now`` is naive, or ``workers``/``chunksize`` is not
            a positive whole number.
        ExportError: a bad domain, alarm or duration, or the file cannot be written.
        FollowupError: a job cannot be scheduled (the note names the job).
    """
    _check_run(now, workers, chunksize)
    opts, header = _options(now, name, domain, todo, alarm, duration)
    target = _Target(path)
    fn = _ExportChunk(opts, in_process=workers == 1)
    items = ((None, i, job) for i, job in enumerate(jobs))
    spans: dict[str, _Span] = {}
    count = 0
    try:
        with tempfile.TemporaryFile(dir=target.directory, prefix=f".{target.name}.") as body:
            for piece in _ordered_map(fn, items, workers=workers, chunksize=chunksize):
                body.write(piece.data)
                _merge_spans(spans, piece.spans)
                count += piece.actions
            target.write([header, *_zones(spans), body, _TRAILER])
        target.commit()
    except OSError as exc:
        target.discard()
        raise _export_error(target.path, exc) from exc
    except BaseException:
        target.discard()
        raise
    _fsync_directory(target.directory)
    return count


def _person_key(job: Job) -> str:
    candidate = job.interview.candidate
    return candidate.email or candidate.name


def _file_name(key: str) -> str:
    if not isinstance(key, str) or not key:
        raise ExportError(f"key: {key!r} is not a non-empty string naming a person")
    stem = key if _SAFE_NAME.fullmatch(key) and not key.endswith(".") else slug(key, limit=80)
    return f"{stem}.ics"


@attrs.define
class _Person:
    key: str
    target: _Target
    staging: str
    spans: dict[str, _Span] = attrs.field(factory=dict)


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
    workers: int = 1,
    chunksize: int = _DEFAULT_CHUNKSIZE,
) -> list[Path]:
    """Schedule every job and write one calendar file per person.

    Each person's file is ``<key>.ics`` in ``directory`` (a key that is not a
    safe file name is turned into an ASCII slug). The jobs of one person need not
    be next to each other. Events are staged on disk as they are made, so memory
    grows with the number of people, not of jobs. The files are replaced
    atomically, all at the end: on an error no file is touched.

    Args:
        directory: Where the files go; created if missing.
        jobs: The jobs (any iterable; a generator is read once).
        now: The current moment (aware), also every event's DTSTAMP.
        key: The person a job belongs to (default: the candidate's email, or
            name); it names the file.
        name: Each calendar's name.
        domain: The domain part of every UID.
        todo: Write VTODOs instead of VEVENTs.
        alarm: How long before each reminder its alarm fires (None: no alarm).
        duration: The length of each reminder event.
        workers: Processes to schedule and serialise in (keys are computed in
            this process, so ``key`` may be a lambda).
        chunksize: Jobs sent to a worker at once.

    Returns:
        The files written, in the order their people first appear.

    Raises:
        ValidationError: ``now`` is naive, or ``workers``/``chunksize`` is not
            a positive whole number.
        ExportError: a bad option, a key that is empty or whose file name another
            key already uses, or a file cannot be written.
        FollowupError: a job cannot be scheduled (the note names the job).
    """
    _check_run(now, workers, chunksize)
    opts, header = _options(now, name, domain, todo, alarm, duration)
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = tempfile.mkdtemp(dir=folder, prefix=".followup-batch.")
    except OSError as exc:
        raise _export_error(folder, exc) from exc
    people: dict[str, _Person] = {}
    by_file: dict[str, str] = {}
    open_files: dict[str, IO[bytes]] = {}
    fn = _ExportChunk(opts, in_process=workers == 1)

    def tagged() -> Iterator[tuple[str, int, Job]]:
        for i, job in enumerate(jobs):
            person = key(job)
            if person not in people:
                file_name = _file_name(person)
                if file_name in by_file:
                    raise ExportError(
                        f"key: {person!r} and {by_file[file_name]!r} both give the file name "
                        f"{file_name!r}; give key= a function that tells them apart"
                    )
                by_file[file_name] = person
                people[person] = _Person(
                    person,
                    _Target(folder / file_name),
                    os.path.join(staging, f"{len(people)}.part"),
                )
            yield person, i, job

    def append(person: _Person, data: bytes) -> None:
        fh = open_files.pop(person.key, None)
        if fh is None:
            if len(open_files) >= _MAX_OPEN:
                oldest = next(iter(open_files))
                open_files.pop(oldest).close()
            fh = open(person.staging, "ab")  # noqa: SIM115 - kept open across jobs, closed below
        open_files[person.key] = fh  # most recently used last
        fh.write(data)

    try:
        try:
            for piece in _ordered_map(fn, tagged(), workers=workers, chunksize=chunksize):
                person = people[piece.tag]
                append(person, piece.data)
                _merge_spans(person.spans, piece.spans)
        finally:
            for fh in open_files.values():
                fh.close()
        for person in people.values():
            with open(person.staging, "a+b") as body:
                person.target.write([header, *_zones(person.spans), body, _TRAILER])
            os.unlink(person.staging)
        for person in people.values():
            person.target.commit()
    except OSError as exc:
        for person in people.values():
            person.target.discard()
        raise _export_error(folder, exc) from exc
    except BaseException:
        for person in people.values():
            person.target.discard()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _fsync_directory(os.path.realpath(folder))
    return [person.target.path for person in people.values()]
