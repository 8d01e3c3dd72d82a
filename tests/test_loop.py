"""The everyday loop (issue 12): edit the file, mark what happened, re-plan, re-export.

Every check here runs the command line on interview files, as a job seeker does,
and reads the calendars back with icalendar.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import icalendar
import pytest

from followup.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def ok(*argv: str) -> str:
    code, out, err = run(*argv)
    assert code == 0, err
    return out


def ours(data: bytes) -> list[icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk() if c.name in ("VEVENT", "VTODO") and "X-FOLLOWUP-ACTION" in c]


class TestIdleMerge:
    """Merging the same file later, with nothing changed, changes nothing."""

    @pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
    @pytest.mark.parametrize("todo", [False, True], ids=["events", "tasks"])
    def test_months_later_the_merge_leaves_the_file_as_it_was(
        self, example: Path, todo: bool, tmp_path: Path
    ) -> None:
        target = tmp_path / "reminders.ics"
        kind = ["--todo"] if todo else []
        ok("ics", example, "-o", target, "--now", "2026-11-25T09:00-05:00", *kind)
        first = target.read_bytes()
        for later in ("2027-02-10T09:00-05:00", "2027-09-01T12:00-04:00", "2028-06-01T08:00Z"):
            ok("ics", example, "-o", target, "--merge", "--now", later, *kind)
            assert target.read_bytes() == first, later

    def test_a_series_with_missed_dates_says_so_in_plan_not_in_the_calendar(
        self, tmp_path: Path
    ) -> None:
        example = ROOT / "examples" / "recruiter-rejected.toml"
        target = tmp_path / "reminders.ics"
        ok("ics", example, "-o", target, "--now", "2026-06-20T09:00+02:00")
        ok("ics", example, "-o", target, "--merge", "--now", "2027-01-10T09:00+01:00")
        for event in ours(target.read_bytes()):
            assert int(event.get("SEQUENCE", 0)) == 0
            assert "not marked done" not in str(event["DESCRIPTION"])
        shown = ok("plan", example, "--now", "2027-01-10T09:00+01:00")
        assert "status: not marked done on Thu 15 Oct" in shown

    def test_a_real_change_still_raises_the_sequence_of_that_event_only(
        self, tmp_path: Path
    ) -> None:
        interview = tmp_path / "interview.toml"
        shutil.copy(ROOT / "examples" / "recruiter-rejected.toml", interview)
        target = tmp_path / "reminders.ics"
        ok("ics", interview, "-o", target, "--now", "2026-06-20T09:00+02:00")
        ok("mark", interview, "network", "--done", "--at", "2026-06-25", "--now", "2026-06-25T09:00+02:00")
        ok("ics", interview, "-o", target, "--merge", "--now", "2027-01-10T09:00+01:00")
        sequences = {str(e["X-FOLLOWUP-ACTION"]): int(e.get("SEQUENCE", 0)) for e in ours(target.read_bytes())}
        assert sequences.pop("network") == 1
        assert set(sequences.values()) == {0}

    def test_a_snoozed_series_keeps_the_same_occurrence_moved_at_any_later_now(
        self, tmp_path: Path
    ) -> None:
        interview = tmp_path / "interview.toml"
        shutil.copy(ROOT / "examples" / "recruiter-rejected.toml", interview)
        with interview.open("a", encoding="utf-8") as fh:
            fh.write('\n[[history]]\nstep = "keep-in-touch"\nsnoozed_until = 2026-10-22\n')
        target = tmp_path / "reminders.ics"
        ok("ics", interview, "-o", target, "--now", "2026-10-16T09:00+02:00")
        first = target.read_bytes()
        ok("ics", interview, "-o", target, "--merge", "--now", "2027-03-01T09:00+01:00")
        assert target.read_bytes() == first
        moved = [e for e in ours(first) if "RECURRENCE-ID" in e]
        assert [(e["RECURRENCE-ID"].dt.isoformat(), e["DTSTART"].dt.isoformat()) for e in moved] == [
            ("2026-10-15T10:00:00+02:00", "2026-10-22T10:00:00+02:00")
        ]


# --- reading ticked tasks back ---------------------------------------------------------------


def _task(data: bytes, action: str) -> icalendar.cal.Component:
    cal = icalendar.Calendar.from_ical(data)
    return next(
        c for c in cal.walk("VTODO") if str(c["X-FOLLOWUP-ACTION"]) == action and "RECURRENCE-ID" not in c
    )


def _with(data: bytes, *components: bytes) -> bytes:
    """``data`` with raw components added before its END:VCALENDAR (as a client writes them)."""
    end = data.rindex(b"END:VCALENDAR")
    return data[:end] + b"".join(components) + data[end:]


def _tick_raw(data: bytes, action: str, lines: bytes) -> bytes:
    """Tick a task by editing its bytes: STATUS:COMPLETED plus ``lines``."""
    mark = data.index(b"X-FOLLOWUP-ACTION:" + action.encode() + b"\r\n")
    begin = data.rindex(b"BEGIN:VTODO", 0, mark)
    end = data.index(b"END:VTODO", mark)
    block = data[begin:end].replace(b"STATUS:NEEDS-ACTION\r\n", b"STATUS:COMPLETED\r\n" + lines)
    return data[:begin] + block + data[end:]


class TestCompletedReadBack:
    @pytest.fixture
    def tasks(self) -> bytes:
        from followup import files

        f = files.load(ROOT / "examples" / "recruiter-rejected.toml")
        from datetime import datetime

        timeline = f.schedule(now=datetime.fromisoformat("2026-06-20T09:00+02:00"))
        from followup.ical import to_ical_bytes

        return to_ical_bytes(timeline, todo=True)

    def test_a_completed_time_with_a_tzid_is_read_in_that_zone(self, tasks: bytes) -> None:
        from followup.ical import completed_history

        ticked = _tick_raw(tasks, "network", b"COMPLETED;TZID=Europe/Berlin:20260629T150000\r\n")
        [record] = completed_history(ticked)
        assert record.step == "network"
        assert record.at.isoformat() == "2026-06-29T15:00:00+02:00"
        # The RFC's form, in UTC, is read as before.
        ticked = _tick_raw(tasks, "network", b"COMPLETED:20260629T130000Z\r\n")
        assert completed_history(ticked)[0].at.isoformat() == "2026-06-29T13:00:00+00:00"

    def test_a_tzid_the_file_defines_itself_is_read_with_its_definition(self, tasks: bytes) -> None:
        from followup.ical import completed_history

        custom = (
            b"BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\n"
            b"DTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
            b"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n"
            b"DTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
            b"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
        )
        ticked = _tick_raw(tasks, "network", b"COMPLETED;TZID=W. Europe Standard Time:20260629T150000\r\n")
        ticked = _with(ticked, custom)
        assert completed_history(ticked)[0].at.utcoffset().total_seconds() == 7200  # type: ignore[union-attr]
        assert completed_history(ticked)[0].at.replace(tzinfo=None).isoformat() == "2026-06-29T15:00:00"  # type: ignore[union-attr]

    def test_one_ticked_occurrence_of_a_series_is_that_occurrence_done(self, tasks: bytes) -> None:
        from followup.ical import completed_history

        master = _task(tasks, "keep-in-touch")
        uid = str(master["UID"]).encode()
        # Thunderbird's way: an override of the second occurrence, completed.
        occurrence = (
            b"BEGIN:VTODO\r\nUID:" + uid + b"\r\nDTSTAMP:20270220T100000Z\r\n"
            b"RECURRENCE-ID;TZID=Europe/Berlin:20270218T100000\r\n"
            b"DTSTART;TZID=Europe/Berlin:20270218T100000\r\nDUE;TZID=Europe/Berlin:20270218T103000\r\n"
            b"SUMMARY:Keep in touch\r\nSTATUS:COMPLETED\r\nCOMPLETED:20270219T140000Z\r\n"
            b"X-FOLLOWUP-ACTION:keep-in-touch\r\nEND:VTODO\r\n"
        )
        [record] = completed_history(_with(tasks, occurrence))
        assert record.step == "keep-in-touch"
        assert record.at.isoformat() == "2027-02-19T14:00:00+00:00"
        # Ticked before its date, it still counts for that occurrence.
        early = occurrence.replace(b"COMPLETED:20270219T140000Z", b"COMPLETED:20270210T140000Z")
        [record] = completed_history(_with(tasks, early))
        assert record.at.isoformat() == "2027-02-18T10:00:00+01:00"
