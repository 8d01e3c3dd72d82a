"""The ``followup`` command: every command on every example file, errors, exit codes, docs.

Most tests call :func:`followup.cli.main` with string streams; ``TestInstalledCommand``
builds a fresh virtual environment once per session and runs the installed command.
"""

from __future__ import annotations

import email.parser
import email.policy
import importlib.util
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import icalendar
import pytest

import followup
from followup import _atomic
from followup.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(ROOT.glob("examples/*.toml"))
NOW = "2026-11-25T09:00-05:00"
ANSI = re.compile(r"\033\[[0-9;]*m")

ACTION_KEYS = {
    "id",
    "step",
    "channel",
    "title",
    "due",
    "timezone",
    "status",
    "reason",
    "window",
    "interview",
}
STATUSES = {"upcoming", "due", "overdue", "done", "cancelled"}


class Result(NamedTuple):
    code: int
    out: str
    err: str


class FakeTTY(io.StringIO):
    """A terminal, as far as ``isatty()`` can tell."""

    def isatty(self) -> bool:
        return True


def run(*argv: str | Path, stdout: io.StringIO | None = None) -> Result:
    out = stdout if stdout is not None else io.StringIO()
    err = io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


def ok(*argv: str | Path) -> str:
    result = run(*argv)
    assert result.code == 0, result.err
    assert result.err == ""
    return result.out


def long_lines(text: str, width: int = 80) -> list[str]:
    """Lines wider than ``width``, except those holding an unbreakable URL."""
    return [line for line in text.splitlines() if len(line) > width and "://" not in line]


def plan_json(path: Path, *more: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok("plan", path, "--format", "json", "--now", NOW, *more))
    return data


def example_id(path: Path) -> str:
    return path.stem


@pytest.fixture(params=EXAMPLES, ids=example_id)
def example(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


@pytest.fixture
def copy(example: Path, tmp_path: Path) -> Path:
    target = tmp_path / example.name
    shutil.copyfile(example, target)
    return target


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 3


# --- plan -------------------------------------------------------------------------------------


class TestPlan:
    def test_text_lists_every_action_with_its_reason(self, example: Path) -> None:
        out = ok("plan", example, "--now", NOW)
        data = plan_json(example)
        interview = tomllib.loads(example.read_text(encoding="utf-8"))["interview"]
        assert out.splitlines()[0].startswith(
            f"{interview['company']} · {interview['role']} · outcome: "
        )
        for action in data["actions"]:
            assert f"[{action['id']}]" in " ".join(out.split())
            assert action["status"].upper() in out
        assert out.count("why: ") == len(data["actions"])
        assert f"{len(data['actions'])} actions" in out
        assert not ANSI.search(out)

    def test_the_header_gives_the_outcome_as_of_now(self, tmp_path: Path) -> None:
        # The outcome recorded by `mark` (history), not only the file's [outcome] table: an offer
        # that arrived, then was declined, reads "pending", "offer", "offer, declined" in turn.
        interview = tmp_path / "interview.toml"
        assert run("init", interview).code == 0
        offer = ("--outcome", "offer", "--from", "Jane Doe", "--at", "2026-11-24", "--respond-by", "2026-12-04")
        assert run("mark", interview, *offer).code == 0
        decline = ("--decision", "decline", "--now", "2026-11-30T10:00:00-05:00")
        assert run("mark", interview, *decline).code == 0
        first = {
            now: ok("plan", interview, "--now", now).splitlines()[0]
            for now in ("2026-11-23T12:00:00-05:00", "2026-11-25T12:00:00-05:00", "2026-12-01T12:00:00-05:00")
        }
        assert [line.rpartition("outcome: ")[2] for line in first.values()] == [
            "pending",
            "offer",
            "offer, declined",
        ]

    def test_text_fits_80_columns(self, example: Path) -> None:
        assert long_lines(ok("plan", example, "--now", NOW)) == []

    def test_text_shows_the_recipients_zone(self) -> None:
        out = ok("plan", EXAMPLES_BY_NAME["final-round-rejected"], "--now", NOW)
        assert "Thu 19 Nov 2026 09:00 GMT (Europe/London)" in out
        assert "Wed 25 Nov 2026 10:00 EST (America/New_York)" in out

    def test_json_has_the_documented_shape(self, example: Path) -> None:
        data = plan_json(example)
        assert set(data) >= {"actions", "now", "interview"}
        assert datetime.fromisoformat(data["now"]) == datetime.fromisoformat(NOW)
        assert data["actions"]
        for action in data["actions"]:
            assert set(action) >= ACTION_KEYS
            due = datetime.fromisoformat(action["due"])
            assert due.utcoffset() is not None, "due has an offset"
            assert due.utcoffset() == due.astimezone(ZoneInfo(action["timezone"])).utcoffset()
            assert action["status"] in STATUSES
            assert action["channel"] in {"email", "linkedin-note", "linkedin-message", "task"}
            assert action["reason"]
            assert None not in action.values(), "null is never written"
            recipient = action.get("recipient")
            assert recipient is None or "name" in recipient
            recurrence = action.get("recurrence")
            if recurrence is not None:
                assert recurrence["rrule"].startswith("FREQ=")
                assert recurrence["occurrences"][0] == action["due"]
            assert action["window"]["days"][0] in {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
            message = action.get("message")
            if message is None:
                assert action["channel"] == "task"
            else:
                assert {"to", "body", "sender"} <= set(message)
                assert message["body"].strip()
                assert ("subject" in message) == (action["channel"] == "email")

    def test_json_sorted_by_due_time(self, example: Path) -> None:
        dues = [datetime.fromisoformat(a["due"]) for a in plan_json(example)["actions"]]
        assert dues == sorted(dues)

    def test_rejection_reply_is_due_one_business_day_later(self) -> None:
        final = plan_json(EXAMPLES_BY_NAME["final-round-rejected"])
        reply = next(a for a in final["actions"] if a["step"] == "rejection-reply")
        assert reply["due"] == "2026-11-25T10:00:00-05:00"
        assert reply["status"] == "upcoming"
        assert reply["recipient"]["name"] == "Jane Doe"
        assert reply["message"]["to"]["email"] == "jane.doe@acme.example"
        recruiter = plan_json(EXAMPLES_BY_NAME["recruiter-rejected"])
        reply = next(a for a in recruiter["actions"] if a["step"] == "rejection-reply")
        assert reply["due"] == "2026-06-16T10:00:00+02:00"
        assert reply["status"] == "overdue"
        assert reply["timezone"] == "Europe/Berlin"

    def test_pending_example_has_thank_you_and_status_checks(self) -> None:
        data = plan_json(EXAMPLES_BY_NAME["pending"], "--now", "2026-03-05T12:00-05:00")
        assert [a["id"] for a in data["actions"]] == [
            "thank-you.daniel-okafor",
            "status-check.1",
            "status-check.2",
        ]
        assert [a["status"] for a in data["actions"]] == ["overdue", "upcoming", "upcoming"]

    def test_status_filter(self) -> None:
        path = EXAMPLES_BY_NAME["final-round-rejected"]
        data = plan_json(path, "--status", "done", "--status", "cancelled")
        assert {a["status"] for a in data["actions"]} == {"done", "cancelled"}
        out = ok("plan", path, "--now", NOW, "--status", "due")
        assert "0 actions with status due" in out

    def test_recurring_action_shows_its_dates_and_the_next_one(self) -> None:
        out = ok("plan", EXAMPLES_BY_NAME["recruiter-rejected"], "--now", NOW)
        assert "repeats: every 4 months, 3 times: 15 Oct 2026, 18 Feb 2027" in out
        assert "next: Thu 18 Feb 2027 10:00 CET" in out

    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_same_now_gives_the_same_output(self, example: Path, fmt: str) -> None:
        first = ok("plan", example, "--now", NOW, "--format", fmt)
        assert ok("plan", example, "--now", NOW, "--format", fmt) == first

    def test_now_without_offset_is_read_in_the_interviews_zone(self) -> None:
        path = EXAMPLES_BY_NAME["pending"]
        assert ok("plan", path, "--now", "2026-11-25T09:00") == ok("plan", path, "--now", NOW)

    def test_global_flags_work_before_the_command(self) -> None:
        path = EXAMPLES_BY_NAME["pending"]
        before = ok("--now", NOW, "--tone", "brief", "plan", path, "--format", "json")
        assert before == ok("plan", path, "--format", "json", "--now", NOW, "--tone", "brief")

    def test_tone_changes_the_drafts(self) -> None:
        path = EXAMPLES_BY_NAME["final-round-rejected"]
        bodies = {
            tone: plan_json(path, "--tone", tone)["actions"][0]["message"]["body"]
            for tone in ("formal", "warm", "brief")
        }
        assert len(set(bodies.values())) == 3
        assert {
            a["message"]["tone"]
            for a in plan_json(path, "--tone", "formal")["actions"]
            if "message" in a
        } == {"formal"}

    def test_without_now_uses_the_clock(self) -> None:
        data = json.loads(ok("plan", EXAMPLES_BY_NAME["pending"], "--format", "json"))
        assert (
            abs(
                (
                    datetime.fromisoformat(data["now"]) - datetime.now(ZoneInfo("UTC"))
                ).total_seconds()
            )
            < 60
        )


EXAMPLES_BY_NAME = {p.stem: p for p in EXAMPLES}


# --- colour -----------------------------------------------------------------------------------


class TestColour:
    @pytest.fixture(autouse=True)
    def _terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("TERM", "xterm-256color")
        monkeypatch.setenv("COLUMNS", "80")

    def test_colour_on_a_terminal(self) -> None:
        result = run(
            "plan", EXAMPLES_BY_NAME["final-round-rejected"], "--now", NOW, stdout=FakeTTY()
        )
        assert result.code == 0
        assert "\033[32mDONE" in result.out
        assert "\033[1;31mOVERDUE" not in result.out
        assert long_lines(ANSI.sub("", result.out)) == []

    def test_no_colour_when_not_a_terminal(self) -> None:
        assert not ANSI.search(ok("plan", EXAMPLES_BY_NAME["final-round-rejected"], "--now", NOW))

    def test_no_colour_with_no_color(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("NO_COLOR", "1")
        for argv in (["plan"], ["draft"]):
            result = run(
                *argv, EXAMPLES_BY_NAME["final-round-rejected"], "--now", NOW, stdout=FakeTTY()
            )
            assert result.code == 0
            assert not ANSI.search(result.out)

    def test_check_colours_severities_on_a_terminal(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        draft = tmp_path / "draft.txt"
        draft.write_text("Hi Jane,\n\nThis was UNFAIR.\n\nBest,\nSam\n", encoding="utf-8")
        result = run("check", draft, stdout=FakeTTY())
        assert result.code == 1
        assert "\033[1;31merror\033[0m" in result.out
        monkeypatch.setenv("NO_COLOR", "1")
        assert not ANSI.search(run("check", draft, stdout=FakeTTY()).out)


# --- draft ------------------------------------------------------------------------------------


def draft_json(path: Path, *more: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(
        ok("draft", path, "--format", "json", "--now", NOW, *more)
    )
    return data


class TestDraft:
    def test_text_shows_every_draft_still_to_send(self, example: Path) -> None:
        out = ok("draft", example, "--now", NOW)
        drafts = draft_json(example)
        assert drafts
        for d in drafts:
            assert f"── {d['id']} · " in out
            if "subject" in d:
                assert f"Subject: {d['subject']}" in out
        assert long_lines(out) == []
        assert ok("draft", example, "--now", NOW) == out

    def test_json_lists_messages(self, example: Path) -> None:
        plan = plan_json(example)
        drafts = draft_json(example)
        expected = [
            a
            for a in plan["actions"]
            if "message" in a and a["status"] not in ("done", "cancelled")
        ]
        assert [d["id"] for d in drafts] == [a["id"] for a in expected]
        for d, a in zip(drafts, expected, strict=True):
            assert {"step", "to", "body"} <= set(d)
            assert d["step"] == a["step"]
            assert d["body"] == a["message"]["body"]
            assert d.get("subject") == a["message"].get("subject")
            assert d["due"] == a["due"]

    def test_all_includes_done_and_cancelled(self) -> None:
        path = EXAMPLES_BY_NAME["final-round-rejected"]
        default = {d["id"] for d in draft_json(path)}
        every = {d["id"]: d["status"] for d in draft_json(path, "--all")}
        assert "status-check.1" not in default
        assert "thank-you.jane-doe" not in default
        assert every["status-check.1"] == "cancelled"
        assert every["thank-you.jane-doe"] == "done"

    def test_one_step(self) -> None:
        path = EXAMPLES_BY_NAME["final-round-rejected"]
        drafts = draft_json(path, "rejection-reply")
        assert len(drafts) == 1
        d = drafts[0]
        assert d["to"] == "Jane Doe <jane.doe@acme.example>"
        assert d["subject"] == "Thank you for the update – Data Engineer"
        assert d["body"].startswith("Hi Jane,")
        assert d["due"] == "2026-11-25T10:00:00-05:00"
        # STEP names a step (all its actions, whatever their status) or one action.
        assert len(draft_json(path, "thank-you")) == 3
        assert [d["id"] for d in draft_json(path, "linkedin-connect.jane-doe")] == [
            "linkedin-connect.jane-doe"
        ]

    def test_linkedin_drafts_show_the_profile(self) -> None:
        out = ok(
            "draft",
            EXAMPLES_BY_NAME["final-round-rejected"],
            "linkedin-connect.jane-doe",
            "--now",
            NOW,
        )
        assert out.splitlines()[:4] == [
            "── linkedin-connect.jane-doe · linkedin-note · at most 200 characters",
            "Due: Mon 30 Nov 2026 10:00 EST",
            "To: Jane Doe (https://www.linkedin.com/in/janedoe)",
            "",
        ]

    def test_unknown_step_lists_the_drafts(self) -> None:
        result = run("draft", EXAMPLES_BY_NAME["pending"], "nope", "--now", NOW)
        assert result.code == 1
        assert result.out == ""
        assert result.err.startswith("error: ")
        assert "'nope'" in result.err
        assert "thank-you, status-check" in result.err

    def test_eml_files_parse_and_are_unsent(self, example: Path, tmp_path: Path) -> None:
        out_dir = tmp_path / "drafts"
        out = ok("draft", example, "--format", "eml", "--out", out_dir, "--now", NOW)
        emails = [d for d in draft_json(example) if d["channel"] == "email"]
        written = sorted(out_dir.glob("*.eml"))
        assert len(written) == len(emails)
        assert sorted(Path(line) for line in out.splitlines()) == written
        parser = email.parser.BytesParser(policy=email.policy.default)
        subjects = set()
        for path in written:
            msg = parser.parsebytes(path.read_bytes())
            assert msg["X-Unsent"] == "1"
            assert msg["Subject"]
            subjects.add(str(msg["Subject"]))
            body = msg.get_body(preferencelist=("plain",))
            assert body is not None
            text = body.get_content().replace("\r\n", "\n")
            assert any(text.rstrip("\n") == d["body"].rstrip("\n") for d in emails)
            if msg["To"] is not None:
                assert any(str(msg["To"]) == d["to"] for d in emails)
        assert subjects == {d["subject"] for d in emails}

    def test_eml_of_a_linkedin_step_writes_nothing(self, tmp_path: Path) -> None:
        path = EXAMPLES_BY_NAME["final-round-rejected"]
        out = ok(
            "draft", path, "linkedin-connect", "--format", "eml", "--out", tmp_path, "--now", NOW
        )
        assert "no email drafts" in out
        assert list(tmp_path.iterdir()) == []

    def test_eml_needs_out(self) -> None:
        result = run("draft", EXAMPLES_BY_NAME["pending"], "--format", "eml", "--now", NOW)
        assert result.code == 2
        assert "--out" in result.err

    def test_a_drafted_message_passes_the_tone_check(self, example: Path, tmp_path: Path) -> None:
        for d in draft_json(example):
            text = ok("draft", example, d["id"], "--now", NOW)
            draft = tmp_path / f"{d['id']}.txt"
            draft.write_text(text, encoding="utf-8")
            result = run("check", draft, "--interview", example)
            assert result.code == 0, result.out
            assert not [line for line in result.out.splitlines() if ": error: " in line]

    def test_draft_piped_into_check(self, monkeypatch: pytest.MonkeyPatch) -> None:
        text = ok(
            "draft", EXAMPLES_BY_NAME["final-round-rejected"], "rejection-reply", "--now", NOW
        )
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
        result = run("check", "-")
        assert (result.code, result.out) == (0, "no findings: good to send\n")


# --- ics --------------------------------------------------------------------------------------


def components(path: Path, kind: str) -> list[Any]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return list(cal.walk(kind))


def expected_components(plan: dict[str, Any]) -> int:
    """One per action, plus one override per occurrence a holiday or snooze moved."""
    n = 0
    for a in plan["actions"]:
        n += 1
        rec = a.get("recurrence")
        if rec is not None:
            n += sum(p != o for p, o in zip(rec["planned"], rec["occurrences"], strict=True))
    return n


class TestIcs:
    def test_events(self, example: Path, tmp_path: Path) -> None:
        target = tmp_path / "out.ics"
        out = ok("ics", example, "-o", target, "--now", NOW)
        plan = plan_json(example)
        assert out.startswith(f"wrote {target}: {len(plan['actions'])} events")
        events = components(target, "VEVENT")
        assert len(events) == expected_components(plan)
        assert components(target, "VTODO") == []
        uids = {str(e["UID"]) for e in events}
        assert len(uids) == len(plan["actions"])
        assert all(uid.endswith("@followup.invalid") for uid in uids)
        assert len(components(target, "VALARM")) > 0
        first = target.read_bytes()
        ok("ics", example, "-o", target, "--now", NOW)
        assert target.read_bytes() == first, "same input, same bytes"

    def test_todo(self, example: Path, tmp_path: Path) -> None:
        target = tmp_path / "tasks.ics"
        out = ok("ics", example, "-o", target, "--todo", "--now", NOW)
        assert " tasks" in out
        assert components(target, "VEVENT") == []
        assert len(components(target, "VTODO")) == expected_components(plan_json(example))

    def test_merge_twice_keeps_other_events(self, example: Path, tmp_path: Path) -> None:
        target = tmp_path / "calendar.ics"
        foreign = (
            b"BEGIN:VEVENT\r\nUID:dentist-1@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
            b"DTSTART:20261130T150000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\n"
        )
        target.write_bytes(
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//EN\r\n"
            + foreign
            + b"END:VCALENDAR\r\n"
        )
        out = ok("ics", example, "-o", target, "--merge", "--now", NOW)
        assert out.startswith(f"updated {target}")
        once = target.read_bytes()
        assert foreign in once
        ok("ics", example, "-o", target, "--merge", "--now", NOW)
        assert target.read_bytes() == once, "merging the same plan again changes nothing"
        events = components(target, "VEVENT")
        assert len(events) == expected_components(plan_json(example)) + 1

    def test_merge_into_a_missing_file_writes_it(self, tmp_path: Path) -> None:
        target = tmp_path / "new.ics"
        out = ok("ics", EXAMPLES_BY_NAME["pending"], "-o", target, "--merge", "--now", NOW)
        assert out == f"wrote {target}: 3 events\n"
        assert len(components(target, "VEVENT")) == 3

    def test_merge_after_a_change_raises_the_sequence(self, tmp_path: Path) -> None:
        path = tmp_path / "pending.toml"
        shutil.copyfile(EXAMPLES_BY_NAME["pending"], path)
        target = tmp_path / "out.ics"
        ok("ics", path, "-o", target, "--now", NOW)
        ok("mark", path, "--reply-from", "Lena Fischer", "--at", "2026-03-11", "--now", NOW)
        ok("ics", path, "-o", target, "--merge", "--now", NOW)
        by_uid = {
            str(e["UID"]).split("/")[1].split("@")[0]: e for e in components(target, "VEVENT")
        }
        assert str(by_uid["status-check.1"]["STATUS"]) == "CANCELLED"
        assert int(by_uid["status-check.1"]["SEQUENCE"]) == 1
        assert int(by_uid["thank-you.daniel-okafor"]["SEQUENCE"]) == 0

    def test_alarm_domain_and_name(self, tmp_path: Path) -> None:
        target = tmp_path / "out.ics"
        ok(
            "ics",
            EXAMPLES_BY_NAME["pending"],
            "-o",
            target,
            "--alarm",
            "1h",
            "--domain",
            "jobs.example.com",
            "--name",
            "Brightwater",
            "--now",
            NOW,
        )
        cal = icalendar.Calendar.from_ical(target.read_bytes())
        assert str(cal["X-WR-CALNAME"]) == "Brightwater"
        for event in cal.walk("VEVENT"):
            assert str(event["UID"]).endswith("@jobs.example.com")
        alarms = cal.walk("VALARM")
        assert alarms
        assert all(a["TRIGGER"].dt.total_seconds() == -3600 for a in alarms)

    def test_no_alarm(self, tmp_path: Path) -> None:
        target = tmp_path / "out.ics"
        ok("ics", EXAMPLES_BY_NAME["pending"], "-o", target, "--alarm", "none", "--now", NOW)
        assert components(target, "VALARM") == []

    def test_merge_into_a_broken_file_leaves_it(self, tmp_path: Path) -> None:
        target = tmp_path / "broken.ics"
        target.write_bytes(b"not a calendar\n")
        result = run("ics", EXAMPLES_BY_NAME["pending"], "-o", target, "--merge", "--now", NOW)
        assert result.code == 1
        assert result.err.startswith("error: ")
        assert "left untouched" in result.err
        assert target.read_bytes() == b"not a calendar\n"

    def test_bad_domain(self, tmp_path: Path) -> None:
        result = run(
            "ics", EXAMPLES_BY_NAME["pending"], "-o", tmp_path / "x.ics", "--domain", "a b"
        )
        assert result.code == 1
        assert result.err.startswith("error: domain: ")

    def test_unwritable_output(self, tmp_path: Path) -> None:
        result = run(
            "ics", EXAMPLES_BY_NAME["pending"], "-o", tmp_path / "no" / "x.ics", "--now", NOW
        )
        assert result.code == 1
        assert result.err.startswith("error: ")
        assert "Traceback" not in result.err


# --- check ------------------------------------------------------------------------------------

GOOD = "Hi Jane,\n\nThank you for letting me know. I enjoyed our conversation.\n\nBest,\nSam\n"
BAD = "Hi Jane,\n\nWhy did you reject me?? This process was UNFAIR.\n\nBest,\nSam\n"


class TestCheck:
    def test_clean_draft(self, tmp_path: Path) -> None:
        draft = tmp_path / "ok.txt"
        draft.write_text(GOOD, encoding="utf-8")
        assert run("check", draft) == Result(0, "no findings: good to send\n", "")

    def test_error_findings_exit_1(self, tmp_path: Path) -> None:
        draft = tmp_path / "bad.txt"
        draft.write_text(BAD, encoding="utf-8")
        result = run("check", draft)
        assert result.code == 1
        assert f"{draft}:3:22: error: shouting-punctuation: " in result.out
        assert f"{draft}:3:42: error: blame-unfair: " in result.out
        assert f"{draft}:3:42: error: shouting-caps: " in result.out
        assert result.out.rstrip().endswith("error(s)")
        assert result.err == ""

    def test_json_findings(self, tmp_path: Path) -> None:
        draft = tmp_path / "bad.txt"
        draft.write_text(BAD, encoding="utf-8")
        result = run("check", draft, "--format", "json")
        assert result.code == 1
        findings = json.loads(result.out)
        assert findings
        for f in findings:
            assert {"rule", "severity", "start", "end", "message", "suggestion"} <= set(f)
            assert BAD[f["start"] : f["end"]] == f["text"]
        assert {"shouting-caps", "blame-unfair"} <= {f["rule"] for f in findings}

    def test_offsets_count_from_the_start_of_the_file_after_a_draft_header(
        self, tmp_path: Path
    ) -> None:
        text = "── x · email\nDue: Mon 30 Nov 2026 10:00 EST\nSubject: Hello\n\n" + BAD
        draft = tmp_path / "d.txt"
        draft.write_text(text, encoding="utf-8")
        findings = json.loads(run("check", draft, "--format", "json").out)
        assert all(text[f["start"] : f["end"]] == f["text"] for f in findings)
        assert "greeting-missing" not in {f["rule"] for f in findings}

    def test_stdin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode("utf-8"))))
        result = run("check")
        assert result.code == 1
        assert "<stdin>:3:42: error: shouting-caps" in result.out

    def test_linkedin_note_limit(self, tmp_path: Path) -> None:
        draft = tmp_path / "note.txt"
        draft.write_text("Hi Jane, " + "thanks again for the interview. " * 8, encoding="utf-8")
        assert run("check", draft, "--channel", "linkedin-message").code == 0
        result = run("check", draft, "--channel", "linkedin-note", "--format", "json")
        assert result.code == 1
        assert any(f["severity"] == "error" for f in json.loads(result.out))

    def test_channel_from_the_draft_header(self, tmp_path: Path) -> None:
        text = ok(
            "draft",
            EXAMPLES_BY_NAME["final-round-rejected"],
            "linkedin-connect.jane-doe",
            "--now",
            NOW,
        )
        long_note = text.rstrip("\n") + " I'd be glad to stay in touch." * 5 + "\n"
        draft = tmp_path / "note.txt"
        draft.write_text(long_note, encoding="utf-8")
        assert run("check", draft).code == 1, "a connection note has a 200-character limit"
        assert run("check", draft, "--channel", "email").code == 0

    def test_interview_facts_are_never_flagged(self, tmp_path: Path) -> None:
        interview = tmp_path / "interview.toml"
        text = EXAMPLES_BY_NAME["pending"].read_text(encoding="utf-8")
        interview.write_text(
            text.replace('company = "Brightwater Analytics"', 'company = "ASAP Logistics"'),
            encoding="utf-8",
        )
        draft = tmp_path / "d.txt"
        draft.write_text(
            "Hi Daniel,\n\nThank you for the interview at ASAP Logistics.\n\nBest,\nMaya\n",
            encoding="utf-8",
        )
        without = run("check", draft, "--format", "json")
        assert without.code == 1
        assert [f["text"] for f in json.loads(without.out)] == ["ASAP"]
        assert run("check", draft, "--interview", interview) == Result(
            0, "no findings: good to send\n", ""
        )

    def test_a_screening_call_with_only_the_recruiter(self, tmp_path: Path) -> None:
        # A file that lists no interviewers: the recruiter held the call and is thanked for it.
        text = EXAMPLES_BY_NAME["pending"].read_text(encoding="utf-8")
        text = re.sub(r"\[\[interview\.interviewers\]\]\n(?:[^\[\n].*\n|\n)*", "", text)
        assert "interview.interviewers" not in text
        interview = tmp_path / "interview.toml"
        interview.write_text(text, encoding="utf-8")
        result = run("draft", interview, "thank-you.lena-fischer", "--now", "2026-03-03T12:00:00-05:00")
        assert result.code == 0, result.err
        assert "To: Lena Fischer <" in result.out
        assert "Lena," in result.out
        assert "organis" not in result.out
        assert "arranging" not in result.out

    def test_a_bad_interview_file_is_an_error_naming_it(self, tmp_path: Path) -> None:
        interview = tmp_path / "interview.toml"
        interview.write_text("[interview]\ncompany = 3\n", encoding="utf-8")
        draft = tmp_path / "d.txt"
        draft.write_text(GOOD, encoding="utf-8")
        result = run("check", draft, "--interview", interview)
        assert result.code == 1
        assert result.err.startswith(f"error: {interview}")

    def test_missing_and_undecodable_files(self, tmp_path: Path) -> None:
        result = run("check", tmp_path / "missing.txt")
        assert result.code == 1
        assert result.err.startswith("error: ")
        assert "missing.txt" in result.err
        latin = tmp_path / "latin.txt"
        latin.write_bytes("Hi Jos\xe9,\n".encode("latin-1"))
        result = run("check", latin)
        assert result.code == 1
        assert result.err.startswith(f"error: {latin}:1: byte 0xe9")
        assert "Traceback" not in result.err


# --- mark -------------------------------------------------------------------------------------

ODD = (
    "# my interview   \r\n"
    "[candidate]\r\n"
    'name="Sam Rivera"      # spaced oddly\r\n'
    "\r\n\r\n"
    "[ interview ]\r\n"
    "company = 'Acme Corp'\r\n"
    'role = """Data Engineer"""\r\n'
    "start = 2026-11-20T14:00:00\r\n"
    'timezone = "America/New_York"\r\n'
    "  [[interview.interviewers]]   # indented\r\n"
    '  name = "Jane Doe"\r\n'
    '  email = "jane@acme.example"\r\n'
    '\ttopics = [ "the data platform migration",\r\n'
    "  ]\r\n"
    "[outcome]\r\n"
    'status = "pending"  # no trailing newline after this comment'
)


class TestMark:
    def test_on_a_copy_of_every_example(self, copy: Path) -> None:
        before = copy.read_bytes()
        step = plan_json(copy)["actions"][0]["step"]
        out = ok("mark", copy, step, "--done", "--now", NOW)
        after = copy.read_bytes()
        assert after.startswith(before)
        zone = ZoneInfo(tomllib.loads(before.decode())["interview"]["timezone"])
        # now, in the interview's zone, written as a local time (the file's own zone)
        at = datetime.fromisoformat(NOW).astimezone(zone).replace(tzinfo=None).isoformat()
        record = f'[[history]]\nevent = "done"\nstep = "{step}"\nat = {at}\n'
        assert after[len(before) :].decode() == "\n" + record
        assert out == f"added to {copy}:\n\n{record}"
        statuses = {a["status"] for a in plan_json(copy)["actions"] if a["step"] == step}
        assert statuses <= {"done", "upcoming"}

    def test_keeps_comments_and_formatting_byte_for_byte(self, tmp_path: Path) -> None:
        path = tmp_path / "odd.toml"
        path.write_bytes(ODD.encode("utf-8"))
        ok("mark", path, "thank-you", "--done", "--at", "2026-11-20T18:30", "--now", NOW)
        ok("mark", path, "--reply-from", "Jane Doe", "--at", "2026-11-23", "--now", NOW)
        data = path.read_bytes()
        assert data.startswith(ODD.encode("utf-8"))
        added = data[len(ODD) :].decode("utf-8")
        assert added == (
            '\r\n\r\n[[history]]\r\nevent = "done"\r\nstep = "thank-you"\r\nat = 2026-11-20T18:30:00\r\n'
            '\r\n[[history]]\r\nevent = "reply"\r\nat = 2026-11-23\r\ncontact = "Jane Doe"\r\n'
        )
        actions = plan_json(path)["actions"]
        assert {a["id"]: a["status"] for a in actions}["thank-you.jane-doe"] == "done"

    def test_every_kind_of_record(self, tmp_path: Path) -> None:
        path = tmp_path / "pending.toml"
        shutil.copyfile(EXAMPLES_BY_NAME["pending"], path)
        now = "2026-03-05T12:00-05:00"
        ok("mark", path, "thank-you", "--done", "--at", "2026-03-03T15:00", "--now", now)
        ok("mark", path, "status-check.2", "--skip", "--now", now)
        ok("mark", path, "--ooo-until", "2026-03-13", "--contact", "Lena Fischer", "--now", now)
        ok("mark", path, "--snooze", "status-check", "--until", "2026-03-20", "--now", now)
        text = path.read_text(encoding="utf-8")
        assert 'event = "skipped"\nstep = "status-check.2"\nat = 2026-03-05T12:00:00\n' in text
        assert 'event = "out-of-office"\nuntil = 2026-03-13\ncontact = "Lena Fischer"\n' in text
        assert 'event = "snoozed"\nstep = "status-check"\nuntil = 2026-03-20\n' in text
        actions = {a["id"]: a for a in plan_json(path, "--now", now)["actions"]}
        assert actions["thank-you.daniel-okafor"]["status"] == "done"
        assert actions["status-check.2"]["status"] == "cancelled"
        assert actions["status-check.1"]["due"].startswith("2026-03-20T")
        ok(
            "mark",
            path,
            "--outcome",
            "rejected",
            "--at",
            "2026-03-24",
            "--from",
            "Lena Fischer",
            "--now",
            now,
        )
        steps = {a["step"] for a in plan_json(path, "--now", now)["actions"]}
        assert "rejection-reply" in steps

    def test_reply_cancels_the_status_checks(self, tmp_path: Path) -> None:
        path = tmp_path / "pending.toml"
        shutil.copyfile(EXAMPLES_BY_NAME["pending"], path)
        ok("mark", path, "--reply-from", "Lena Fischer", "--at", "2026-03-11", "--now", NOW)
        statuses = {a["id"]: a["status"] for a in plan_json(path)["actions"]}
        assert statuses["status-check.1"] == statuses["status-check.2"] == "cancelled"

    @pytest.mark.parametrize("step", ["nope", "thank-yuo", "thank-you.nobody"])
    def test_unknown_step_is_refused_with_the_known_ones(self, tmp_path: Path, step: str) -> None:
        path = tmp_path / "pending.toml"
        shutil.copyfile(EXAMPLES_BY_NAME["pending"], path)
        result = run("mark", path, step, "--done", "--now", NOW)
        assert result.code == 1
        assert result.err.startswith(f"error: {path}: unknown step '{step}'")
        assert "thank-you, status-check, rejection-reply" in result.err
        assert "thank-you.daniel-okafor" in result.err
        assert path.read_bytes() == EXAMPLES_BY_NAME["pending"].read_bytes()
        result = run("mark", path, "--snooze", step, "--until", "2026-12-01", "--now", NOW)
        assert result.code == 1
        assert "unknown step" in result.err

    def test_unknown_person_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "pending.toml"
        shutil.copyfile(EXAMPLES_BY_NAME["pending"], path)
        result = run("mark", path, "thank-you", "--done", "--recipient", "Nobody", "--now", NOW)
        assert result.code == 1
        assert "contact" in result.err
        assert "Daniel Okafor" in result.err
        assert path.read_bytes() == EXAMPLES_BY_NAME["pending"].read_bytes()

    def test_crash_mid_write_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "odd.toml"
        path.write_bytes(ODD.encode("utf-8"))

        def crash(src: str, dst: str) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(_atomic.os, "replace", crash)
        result = run("mark", path, "thank-you", "--done", "--now", NOW)
        monkeypatch.undo()
        assert result.code == 1
        assert result.err.startswith(f"error: {path}: cannot be written (No space left on device)")
        assert "unchanged" in result.err
        assert "Traceback" not in result.err
        assert path.read_bytes() == ODD.encode("utf-8")
        assert [p.name for p in tmp_path.iterdir()] == ["odd.toml"], "no temporary file left"

    @pytest.mark.parametrize(
        "argv",
        [
            ["--done"],
            ["--snooze", "thank-you"],
            ["--reply-from", "Jane", "--until", "2026-12-01"],
            ["thank-you", "--reply-from", "Jane"],
            ["--outcome", "maybe", "--at", "2026-11-24"],
            ["thank-you", "--done", "--skip"],
            ["thank-you", "--done", "--at", "yesterday"],
            ["thank-you"],
        ],
    )
    def test_usage_errors(self, tmp_path: Path, argv: list[str]) -> None:
        path = tmp_path / "pending.toml"
        shutil.copyfile(EXAMPLES_BY_NAME["pending"], path)
        result = run("mark", path, *argv, "--now", NOW)
        assert result.code == 2
        assert "usage: followup mark" in result.err
        assert "error: " in result.err
        assert path.read_bytes() == EXAMPLES_BY_NAME["pending"].read_bytes()


# --- init, steps, help ------------------------------------------------------------------------


class TestInit:
    def test_writes_an_example_that_plans(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        assert (
            ok("init") == "wrote interview.toml: edit it, then run  followup plan interview.toml\n"
        )
        text = (tmp_path / "interview.toml").read_text(encoding="utf-8")
        assert text.startswith("# ")
        assert text.count("\n# ") > 20, "commented"
        data = plan_json(tmp_path / "interview.toml")
        assert [a["step"] for a in data["actions"]][:2] == ["thank-you", "thank-you"]

    def test_refuses_to_overwrite(self, tmp_path: Path) -> None:
        path = tmp_path / "mine.toml"
        path.write_text("# mine\n", encoding="utf-8")
        result = run("init", path)
        assert result.code == 1
        assert result.err.startswith(f"error: {path}: exists already")
        assert path.read_text(encoding="utf-8") == "# mine\n"

    def test_creates_the_directory(self, tmp_path: Path) -> None:
        path = tmp_path / "interviews" / "acme.toml"
        ok("init", path)
        assert path.is_file()


class TestSteps:
    def test_lists_every_built_in_step(self) -> None:
        out = ok("steps")
        for step in (
            "thank-you",
            "status-check",
            "rejection-reply",
            "feedback-request",
            "linkedin-connect",
            "keep-in-touch",
            "explore-openings",
            "network",
        ):
            assert re.search(rf"^{step}\b", out, re.MULTILINE), step
        assert "    after     duration, default \"3 hours\"" in out
        assert long_lines(out) == []


COMMANDS = ["init", "plan", "draft", "ics", "check", "mark", "sync", "feed", "steps"]


class TestHelp:
    def test_version(self) -> None:
        assert run("--version") == Result(0, f"followup {followup.__version__}\n", "")

    def test_top_level_help(self) -> None:
        out = ok("--help")
        assert out.startswith("usage: followup ")
        for command in COMMANDS:
            assert f"    {command} " in out
        assert long_lines(out) == []

    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_command_has_examples(self, command: str) -> None:
        out = ok(command, "--help")
        assert out.startswith(f"usage: followup {command}")
        assert "\nexamples:\n  followup " + command in out
        assert long_lines(out) == []


# --- errors and exit codes --------------------------------------------------------------------

BASE = """\
[candidate]
name = "Sam Rivera"
email = "sam@example.com"

[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00
timezone = "America/New_York"
duration = "45m"

[[interview.interviewers]]
name = "Jane Doe"
email = "jane@acme.example"
"""

BAD_FILES: list[tuple[str, str, str]] = [
    # (id, file text, what the message must name: a line and/or a key)
    ("toml-syntax", BASE + "oops = \n", "bad.toml:15: not valid TOML"),
    ("unquoted-string", BASE.replace('"Acme Corp"', "Acme Corp"), "bad.toml:6: not valid TOML"),
    ("duplicate-key", BASE + 'name = "again"\n', "bad.toml:15: not valid TOML"),
    (
        "no-candidate",
        BASE.replace('[candidate]\nname = "Sam Rivera"\nemail = "sam@example.com"\n', ""),
        "candidate: missing",
    ),
    ("empty-file", "", "candidate: missing"),
    (
        "no-candidate-name",
        BASE.replace('name = "Sam Rivera"\n', ""),
        "bad.toml:1: candidate.name: missing",
    ),
    ("unknown-table", BASE + "\n[extra]\nx = 1\n", "bad.toml:16: extra: unknown key"),
    (
        "misspelt-key",
        BASE.replace("role =", "rol ="),
        "bad.toml:7: interview.rol: unknown key (did you mean 'role'?)",
    ),
    (
        "bad-email",
        BASE.replace("jane@acme.example", "jane@"),
        "bad.toml:14: interview.interviewers[1].email",
    ),
    (
        "bad-zone",
        BASE.replace("America/New_York", "Mars/Olympus"),
        "bad.toml:9: interview.timezone",
    ),
    (
        "quoted-start",
        BASE.replace("2026-11-20T14:00:00", '"2026-11-20 14:00"'),
        "bad.toml:8: interview.start",
    ),
    (
        "start-without-time",
        BASE.replace("2026-11-20T14:00:00", "2026-11-20"),
        "bad.toml:8: interview.start",
    ),
    ("no-start", BASE.replace("start = 2026-11-20T14:00:00\n", ""), "interview.start: missing"),
    (
        "naive-start-no-zone",
        BASE.replace('timezone = "America/New_York"\n', ""),
        "bad.toml:8: interview.start",
    ),
    ("bad-duration", BASE.replace('"45m"', '"forever"'), "bad.toml:10: interview.duration"),
    ("unknown-outcome", BASE + '\n[outcome]\nstatus = "maybe"\n', "bad.toml:17: outcome.status"),
    (
        "rejection-without-date",
        BASE + '\n[outcome]\nstatus = "rejected"\n',
        "outcome.at: missing",
    ),
    (
        "outcome-before-interview",
        BASE + '\n[outcome]\nstatus = "rejected"\ndate = 2026-11-01\n',
        "bad.toml:18: outcome.date",
    ),
    (
        "misspelt-preset",
        BASE + '\n[plan]\npreset = "after-interveiw"\n',
        "bad.toml:17: plan.preset",
    ),
    ("unknown-tone", BASE + '\n[plan]\ntone = "angry"\n', "bad.toml:17: plan.tone"),
    (
        "key-of-another-preset",
        BASE + '\n[plan]\npreset = "after-rejection"\nstatus_checks = 2\n',
        "bad.toml:18: plan.status_checks",
    ),
    (
        "window-backwards",
        BASE + '\n[plan]\nwindow = { start = "17:00", end = "09:00" }\n',
        "bad.toml:17: plan.window.end",
    ),
    (
        "history-misspelt-step",
        BASE + '\n[[history]]\nstep = "thank-yuo"\ndone = 2026-11-20T18:00:00\n',
        "bad.toml:17: history[1].step",
    ),
    (
        "history-without-event",
        BASE + '\n[[history]]\nstep = "thank-you"\n',
        "bad.toml:16: history[1]: missing",
    ),
    (
        "history-two-events",
        BASE + '\n[[history]]\nreply = 2026-11-21\noutcome = "rejected"\n',
        "bad.toml:18: history[1].outcome",
    ),
    (
        "history-unknown-person",
        BASE
        + '\n[[history]]\nstep = "thank-you"\ndone = 2026-11-20T18:00:00\nrecipient = "Nobody"\n',
        "bad.toml:19: history[1].recipient",
    ),
    ("topics-not-a-list", BASE + 'topics = "x"\n', "bad.toml:15: interview.interviewers[1].topics"),
    ("not-utf8", "", "bad.toml:2: byte 0xe9 is not valid UTF-8"),
]


class TestErrors:
    @pytest.mark.parametrize(
        ("text", "names"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
    )
    def test_bad_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, names: str
    ) -> None:
        monkeypatch.chdir(tmp_path)
        path = Path("bad.toml")
        if "UTF-8" in names:
            path.write_bytes(BASE.replace("Sam Rivera", "S\xe9m Rivera").encode("latin-1"))
        else:
            path.write_text(text, encoding="utf-8")
        result = run("plan", path, "--now", NOW)
        assert result.code == 1
        assert result.out == ""
        assert result.err.startswith("error: bad.toml")
        assert names in result.err
        assert "Traceback" not in result.err
        assert result.err.count("\n") == 1, "one line"

    def test_at_least_15_bad_files(self) -> None:
        assert len(BAD_FILES) >= 15

    @pytest.mark.parametrize("command", ["plan", "draft", "ics", "mark"])
    def test_missing_file(self, tmp_path: Path, command: str) -> None:
        extra = {"ics": ["-o", str(tmp_path / "x.ics")], "mark": ["--reply-from", "Jane"]}.get(
            command, []
        )
        result = run(command, tmp_path / "missing.toml", *extra)
        assert result.code == 1
        assert result.err.startswith(f"error: {tmp_path / 'missing.toml'}: no such file")
        assert "followup init" in result.err

    def test_a_directory(self, tmp_path: Path) -> None:
        result = run("plan", tmp_path)
        assert result.code == 1
        assert result.err.startswith(f"error: {tmp_path}: cannot be read")

    @pytest.mark.parametrize(
        "argv",
        [
            [],
            ["bogus"],
            ["plan"],
            ["plan", "x.toml", "--bogus"],
            ["plan", "x.toml", "--format", "xml"],
            ["plan", "x.toml", "--status", "later"],
            ["plan", "x.toml", "--now", "tomorrow"],
            ["--now", "tomorrow", "plan", "x.toml"],
            ["plan", "x.toml", "--tone", "angry"],
            ["draft"],
            ["draft", "x.toml", "a", "b"],
            ["draft", "x.toml", "--out", "d"],
            ["ics", "x.toml"],
            ["ics", "x.toml", "-o", "x.ics", "--alarm", "soon"],
            ["ics", "x.toml", "-o", "x.ics", "--alarm", "2 days"],
            ["check", "--channel", "fax"],
            ["check", "--limit", "0"],
            ["mark", "x.toml"],
            ["steps", "extra"],
        ],
    )
    def test_usage_errors_exit_2(self, argv: list[str]) -> None:
        result = run(*argv)
        assert result.code == 2
        assert result.out == ""
        assert result.err.startswith("usage: followup")
        assert "\nerror: " in result.err
        assert "Traceback" not in result.err

    def test_internal_error_is_one_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from followup import interview_file

        def boom(path: object) -> None:
            raise RuntimeError("something broke")

        monkeypatch.setattr(interview_file, "load", boom)
        monkeypatch.delenv("FOLLOWUP_DEBUG", raising=False)
        result = run("plan", EXAMPLES_BY_NAME["pending"])
        assert result.code == 1
        assert result.err.startswith("error: internal error (RuntimeError: something broke)")
        assert "Traceback" not in result.err
        monkeypatch.setenv("FOLLOWUP_DEBUG", "1")
        assert "Traceback" in run("plan", EXAMPLES_BY_NAME["pending"]).err

    def test_broken_pipe_is_quiet(self) -> None:
        class Closed(io.StringIO):
            def write(self, s: str) -> int:
                raise BrokenPipeError

        out = Closed()
        err = io.StringIO()
        assert (
            main(["plan", str(EXAMPLES_BY_NAME["pending"]), "--now", NOW], stdout=out, stderr=err)
            == 0
        )
        assert err.getvalue() == ""


# --- docs/cli.md transcripts ------------------------------------------------------------------

CLI_PAGE = ROOT / "docs" / "cli.md"
CONSOLE = re.compile(r"^```console\n(.*?)^```$", re.DOTALL | re.MULTILINE)


PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def transcripts(pages: list[Path] | None = None) -> list[tuple[str, str]]:
    """Every ``$ followup ...`` line in a console block of the docs and the output shown after it."""
    found: list[tuple[str, str]] = []
    blocks = [b for page in pages or PAGES for b in CONSOLE.findall(page.read_text(encoding="utf-8"))]
    for block in blocks:
        command: str | None = None
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    found.append((command, "".join(output)))
                command, output = line[2:], []
            else:
                assert command is not None, f"output before a command in docs/cli.md: {line!r}"
                output.append(line + "\n")
        if command is not None:
            found.append((command, "".join(output)))
    return found


def transcript_dir(command: str, tmp_path: Path) -> Path:
    """Where a transcript runs: the repository, or, for a command on ``interview.toml``
    (the file ``followup init`` writes, as a reader would have it), a directory holding
    that file and nothing else."""
    if "interview.toml" not in shlex.split(command):
        return ROOT
    from followup.interview_file import EXAMPLE

    (tmp_path / "interview.toml").write_text(EXAMPLE, encoding="utf-8")
    return tmp_path


class TestDocs:
    def test_page_has_transcripts(self) -> None:
        assert len(transcripts([CLI_PAGE])) >= 5
        assert len(transcripts([ROOT / "docs" / "index.md"])) >= 1

    @pytest.mark.parametrize(
        ("command", "expected"), transcripts(), ids=[c for c, _ in transcripts()]
    )
    def test_transcript(
        self, command: str, expected: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        monkeypatch.chdir(transcript_dir(command, tmp_path))
        argv = shlex.split(command)
        merge_stderr = argv[-1:] == ["2>&1"]
        if merge_stderr:
            argv = argv[:-1]
        assert argv[0] == "followup"
        result = run(*argv[1:])
        shown = result.out + (result.err if merge_stderr else "")
        assert shown == expected
        if not merge_stderr:
            assert result.code == 0, result.err
        if not shown.startswith(("{", "[")):  # JSON strings are not wrapped, nor error lines
            assert long_lines(result.out) == []

    def test_mark_example(self, tmp_path: Path) -> None:
        page = CLI_PAGE.read_text(encoding="utf-8")
        mark = page[page.index("## `followup mark") :]
        shown = re.search(r"^```toml\n(.*?)^```$", mark, re.DOTALL | re.MULTILINE)
        assert shown is not None
        path = tmp_path / "interview.toml"
        shutil.copyfile(EXAMPLES_BY_NAME["final-round-rejected"], path)
        before = path.read_text(encoding="utf-8")
        assert (
            "followup mark interview.toml rejection-reply --done --now\n2026-11-25T09:00-05:00"
            in mark
        )
        ok("mark", path, "rejection-reply", "--done", "--now", "2026-11-25T09:00-05:00")
        assert path.read_text(encoding="utf-8") == before + "\n" + shown.group(1)

    def test_every_command_and_flag_is_documented(self) -> None:
        page = CLI_PAGE.read_text(encoding="utf-8")
        for command in COMMANDS:
            assert f"## `followup {command}" in page, command
            flags = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", ok(command, "--help")))
            for flag in flags - {"--help"}:
                assert re.search(rf"`[^`\n]*{flag}(?![\w-])", page), f"{command} {flag}"


# --- the installed command --------------------------------------------------------------------


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with followup installed from this checkout (built once)."""
    venv = tmp_path_factory.mktemp("installed") / "venv"
    offline = importlib.util.find_spec("hatchling") is not None
    # With hatchling at hand, build without isolation and reuse this environment's
    # packages; otherwise pip fetches the build backend and the run-time dependencies.
    create = [sys.executable, "-m", "venv", str(venv)]
    if offline:
        create.append("--system-site-packages")
    subprocess.run(create, check=True, capture_output=True)
    pip = [
        str(_bin(venv, "python")),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    if offline:
        pip += ["--no-deps", "--no-build-isolation"]
    done = subprocess.run([*pip, str(ROOT)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return venv


@pytest.mark.slow
class TestInstalledCommand:
    def run(self, venv: Path, *argv: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NO_COLOR")}
        return subprocess.run(
            [str(a) for a in argv],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=env,
            check=False,
            timeout=120,
        )

    def test_version(self, installed: Path) -> None:
        done = self.run(installed, str(_bin(installed, "followup")), "--version")
        assert (done.returncode, done.stdout) == (0, f"followup {followup.__version__}\n")

    def test_plan(self, installed: Path) -> None:
        followup_cmd = str(_bin(installed, "followup"))
        done = self.run(installed, followup_cmd, "plan", "examples/pending.toml", "--now", NOW)
        assert done.returncode == 0, done.stderr
        assert done.stdout == ok("plan", EXAMPLES_BY_NAME["pending"], "--now", NOW)
        assert "[status-check.1]" in done.stdout

    def test_python_m_followup(self, installed: Path, tmp_path: Path) -> None:
        python = str(_bin(installed, "python"))
        done = self.run(installed, python, "-m", "followup", "--help", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("usage: followup ")
        where = self.run(
            installed, python, "-c", "import followup; print(followup.__file__)", cwd=tmp_path
        )
        assert Path(where.stdout.strip()).resolve().is_relative_to(installed.resolve()), (
            "the installed copy"
        )

    def test_exit_codes(self, installed: Path, tmp_path: Path) -> None:
        followup_cmd = str(_bin(installed, "followup"))
        usage = self.run(installed, followup_cmd, "bogus")
        assert usage.returncode == 2
        assert "error: " in usage.stderr
        bad = tmp_path / "bad.toml"
        bad.write_text("[candidate]\nname = 3\n", encoding="utf-8")
        error = self.run(installed, followup_cmd, "plan", str(bad))
        assert error.returncode == 1
        assert error.stderr.startswith(f"error: {bad}:2: candidate.name")
        assert "Traceback" not in error.stderr
