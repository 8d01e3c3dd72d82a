"""Batch scheduling and export: one file or one per person, streaming, several processes."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest

from followup import (
    Candidate,
    Contact,
    ExportError,
    Interview,
    Outcome,
    SchedulingError,
    StepDone,
    ValidationError,
    presets,
)
from followup.batch import Job, schedule_many, write_calendar, write_calendars
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
        outcome = Outcome.rejected(on=date(2026, 11, 24), by=jane) if i % 3 else None
        history = [StepDone(step="thank-you", at=date(2026, 11, 20))] if i % 2 else []
        out.append(Job(iv, plan, outcome=outcome, history=history))
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
        job = Job(interview, plan, outcome=rejection)
        assert job.schedule(now) == plan.schedule(interview, now=now, outcome=rejection)

    def test_pickles(self, interview: Interview, jane: Contact) -> None:
        job = _jobs(interview, jane, 2)[1]
        assert pickle.loads(pickle.dumps(job)) == job

    def test_holiday_dates_become_a_frozenset(self, interview: Interview) -> None:
        job = Job(interview, presets.after_interview(), holidays=[date(2026, 11, 26)])
        assert job.holidays == frozenset({date(2026, 11, 26)})

    def test_rejects_a_non_plan(self, interview: Interview) -> None:
        with pytest.raises(TypeError):
            Job(interview, "after-interview")  # type: ignore[arg-type]


class TestScheduleMany:
    @pytest.mark.parametrize("workers", [1, 2])
    def test_same_timelines_in_order(
        self, interview: Interview, jane: Contact, now: datetime, workers: int
    ) -> None:
        jobs = _jobs(interview, jane)
        got = list(schedule_many(jobs, now=now, workers=workers, chunksize=2))
        assert got == [j.schedule(now) for j in jobs]

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
        job = Job(interview, presets.after_interview(), outcome=rejection)
        timeline = job.schedule(now)
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
        timelines = [j.schedule(now) for j in jobs]
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
        assert count == sum(len(j.schedule(now)) for j in jobs)
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
                expected |= _events(to_ical_bytes(job.schedule(now), stamp=now))
            assert _events(path.read_bytes()) == expected
            used, written = _tzids(path.read_bytes())
            assert used <= written
        assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in paths)

    def test_one_person_file_is_a_single_export(
        self, tmp_path: Path, interview: Interview, rejection: Outcome, now: datetime
    ) -> None:
        job = Job(interview, presets.after_interview(), outcome=rejection)
        [path] = write_calendars(tmp_path, [job], now=now, key=lambda j: "sam")
        assert path == tmp_path / "sam.ics"
        assert path.read_bytes() == to_ical_bytes(job.schedule(now), stamp=now)

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
    timelines = [j.schedule(now) for j in (jobs[0], late)]
    expected = to_ical(timelines, stamp=now)
    want = next(z for z in expected.walk("VTIMEZONE") if str(z["TZID"]) == "America/New_York")
    assert zone.to_ical() == want.to_ical()
