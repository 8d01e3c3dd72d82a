"""Hostile and out-of-range input (issue 13): the user's files and terminal are sacred,
and no input makes the command fail inside.

Each class reproduces one family of defects the fault-injection round found; every
test failed before its fix.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import pytest

from followup import _terminal
from followup.cli import main

NOW = "2026-11-25T09:00-05:00"

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
stage = "final round"
topics = ["the data platform migration"]
decision_expected = 2026-11-27

[[interview.interviewers]]
name = "Jane Doe"
title = "Engineering Manager"
email = "jane@acme.example"

[outcome]
status = "rejected"
date = 2026-11-24
from = "Jane Doe"

[plan]
preset = "after-interview"
"""

# What a terminal must never receive raw: C0 (but line feed and tab), DEL, C1, bidi controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
OSC_TITLE = "\x1b]0;pwned\x07"


class Result(NamedTuple):
    code: int
    out: str
    err: str


def run(*argv: str | Path) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


def write(tmp_path: Path, text: str, name: str = "i.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def toml_str(text: str) -> str:
    """A TOML basic string holding ``text``, control characters escaped as TOML allows."""
    return json.dumps(text)


# --- the terminal ----------------------------------------------------------------------------


class TestTerminal:
    """ESC/OSC, C1 and bidi characters in file values and argv are printed escaped."""

    @pytest.fixture
    def hostile(self, tmp_path: Path) -> Path:
        text = (
            BASE.replace('"final round"', toml_str(f"final{OSC_TITLE} round"))
            .replace('["the data platform migration"]', f"[{toml_str('streams' + OSC_TITLE)}]")
            .replace('"Engineering Manager"', toml_str("Manager\u202eredro\u202c"))
            .replace('name = "Jane Doe"', 'name = "Jane \u009b31mDoe"')
            .replace('from = "Jane Doe"', 'from = "Jane \u009b31mDoe"')
        )
        text += f'\n[[history]]\nreply = 2026-11-25\nfrom = {toml_str("Alex" + OSC_TITLE)}\n'
        return write(tmp_path, text)

    @pytest.mark.parametrize("command", ["plan", "draft"])
    def test_plan_and_draft_escape_every_control_character(
        self, hostile: Path, command: str
    ) -> None:
        more = ["--all"] if command == "draft" else []
        result = run(command, hostile, *more, "--now", NOW)
        assert result.code == 0, result.err
        assert RAW_CONTROL.search(result.out) is None
        assert "\\x9b31mDoe" in result.out
        if command == "draft":
            assert "\\x1b]0;pwned\\x07" in result.out  # the topic, shown for what it is

    def test_json_keeps_the_data_and_escapes_it(self, hostile: Path) -> None:
        result = run("plan", hostile, "--format", "json", "--now", NOW)
        assert result.code == 0, result.err
        assert RAW_CONTROL.search(result.out) is None
        data = json.loads(result.out)
        assert "Jane \u009b31mDoe" in {a["recipient"]["name"] for a in data["actions"] if "recipient" in a}

    def test_error_messages_are_escaped(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE.replace('preset = "after-interview"', 'preset = "x\u009b2J\u202e"'))
        result = run("plan", path, "--now", NOW)
        assert result.code == 1
        assert "i.toml:" in result.err
        assert RAW_CONTROL.search(result.err) is None
        assert "x\\x9b2J\\u202e" in result.err

    def test_marks_message_is_escaped(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        result = run("mark", path, "--reply-from", "Alex\u009b2J\u202e" + OSC_TITLE, "--now", NOW)
        assert result.code == 0, result.err
        assert RAW_CONTROL.search(result.out) is None
        assert "Alex\\x9b2J\\u202e" in result.out

    def test_check_escapes_the_draft_it_quotes(self, tmp_path: Path) -> None:
        draft = write(tmp_path, f"Hi Jane,\n\nThis was UNFAIR{OSC_TITLE}\u202e.\n\nBest,\nSam\n", "d.txt")
        result = run("check", draft)
        assert RAW_CONTROL.search(result.out + result.err) is None


class TestClean:
    def test_escapes_c0_c1_del_and_bidi_but_keeps_line_breaks_and_tabs(self) -> None:
        text = "a\x1b[2J\x07\x7f\x9b\u202e\u2066\r\n\tb"
        assert _terminal.clean(text) == "a\\x1b[2J\\x07\\x7f\\x9b\\u202e\\u2066\\x0d\n\tb"

    def test_lone_surrogates_from_undecodable_argv_are_escaped(self) -> None:
        assert _terminal.clean("caf\udce9") == "caf\\udce9"

    def test_printable_text_is_unchanged(self) -> None:
        text = "Grüße, Jane — 東京 · ✓ «ok» \u200f"
        assert _terminal.clean(text) == text

    def test_json_text_parses_back_to_the_same_data(self) -> None:
        data = {"name": "Jane \x9b31m\u202eDoe\x1b]0;x\x07\x7f", "list": ["a\nb", "\u2028"]}
        text = _terminal.json_text(data)
        assert RAW_CONTROL.search(text) is None
        assert json.loads(text) == data


class TestEncodings:
    """Undecodable argv bytes and a terminal that cannot show a character degrade, never crash."""

    def test_undecodable_argv_bytes_are_a_usage_error(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        for argv in (["--reply-from", "Al\udcffex"], ["--outcome", "offer", "--from", "\udce9"]):
            result = run("mark", path, *argv, "--now", NOW)
            assert result.code == 2, result.err
            assert "is not valid UTF-8 text" in result.err
            assert "internal error" not in result.err
            assert RAW_CONTROL.search(result.err) is None
        assert path.read_text(encoding="utf-8") == BASE

    def test_an_undecodable_file_name_still_works(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE, "caf\udce9.toml")
        result = run("plan", path, "--now", NOW)
        assert result.code == 0, result.err
        result = run("plan", tmp_path / "nosuch\udce9.toml")
        assert result.code == 1
        assert "nosuch\\udce9.toml: no such file" in result.err

    def test_an_ascii_terminal_gets_escapes(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE.replace("Acme Corp", "Acmé Corp"))
        done = subprocess.run(
            [sys.executable, "-m", "followup", "plan", str(path), "--now", NOW],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
            check=False,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert b"Acm\\xe9 Corp \\xb7 Data Engineer" in done.stdout
        done = subprocess.run(
            [sys.executable, "-m", "followup", "plan", str(tmp_path / "nosuch·.toml")],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
            check=False,
            timeout=60,
        )
        assert done.returncode == 1
        assert b"nosuch\\xb7.toml: no such file" in done.stderr


# --- data loss -------------------------------------------------------------------------------


def _ics(path: Path, out: Path | str, *more: str) -> Result:
    return run("ics", path, "-o", out, "--now", NOW, *more)


class TestOutputIsNeverTheInput:
    """``ics -o`` (and any other output) onto the interview file is refused, by any name."""

    @pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink"])
    @pytest.mark.parametrize("merge", [False, True])
    def test_ics_onto_its_own_input_is_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, merge: bool
    ) -> None:
        path = write(tmp_path, BASE)
        monkeypatch.chdir(tmp_path)
        out: Path | str = {
            "same": path,
            "relative": "./sub/../i.toml",
            "symlink": tmp_path / "link.ics",
            "hardlink": tmp_path / "hard.ics",
        }[how]
        (tmp_path / "sub").mkdir()
        if how == "symlink":
            (tmp_path / "link.ics").symlink_to(path)
        if how == "hardlink":
            os.link(path, tmp_path / "hard.ics")
        result = _ics(path, out, *(["--merge"] if merge else []))
        assert result.code == 1, result.out
        assert "is the input file" in result.err
        assert "choose another output file" in result.err
        assert path.read_text(encoding="utf-8") == BASE
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []

    def test_draft_out_into_the_input_is_refused(self, tmp_path: Path) -> None:
        drafts = tmp_path / "drafts"
        drafts.mkdir()
        path = write(drafts, BASE, "rejection-reply.jane-doe.eml")
        result = run("draft", path, "--format", "eml", "--out", drafts, "--now", NOW)
        assert result.code == 1
        assert "is the input file" in result.err
        assert path.read_text(encoding="utf-8") == BASE


class TestReadOnlyTargets:
    """A read-only output is refused, as ``open()`` refuses it (even as root), unless --force."""

    @pytest.mark.parametrize("merge", [False, True])
    def test_ics_refuses_a_read_only_calendar(self, tmp_path: Path, merge: bool) -> None:
        path = write(tmp_path, BASE)
        out = tmp_path / "out.ics"
        assert _ics(path, out).code == 0
        before = out.read_bytes()
        out.chmod(0o444)
        more = ["--merge"] if merge else []
        result = _ics(path, out, "--now", "2026-12-01T09:00-05:00", *more)
        assert result.code == 1
        assert "read-only" in result.err
        assert "--force" in result.err
        assert out.read_bytes() == before
        forced = _ics(path, out, "--alarm", "30m", "--force", *more)
        assert forced.code == 0, forced.err
        assert out.read_bytes() != before
        assert out.stat().st_mode & 0o777 == 0o444  # forced, but still read-only

    def test_mark_refuses_a_read_only_interview_file(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        path.chmod(0o444)
        result = run("mark", path, "--reply-from", "Jane Doe", "--now", NOW)
        assert result.code == 1
        assert "read-only" in result.err
        assert path.read_text(encoding="utf-8") == BASE
        assert run("mark", path, "--reply-from", "Jane Doe", "--now", NOW, "--force").code == 0
        assert "[[history]]" in path.read_text(encoding="utf-8")

    def test_draft_refuses_a_read_only_draft(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        drafts = tmp_path / "drafts"
        drafts.mkdir()
        old = drafts / "rejection-reply.jane-doe.eml"
        old.write_bytes(b"mine")
        old.chmod(0o444)
        result = run("draft", path, "--format", "eml", "--out", drafts, "--now", NOW)
        assert result.code == 1
        assert "read-only" in result.err
        assert old.read_bytes() == b"mine"


class TestDraftOutNeverFollowsALink:
    def test_a_planted_symlink_is_replaced_not_followed(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        victim = tmp_path / "victim.txt"
        victim.write_text("precious\n", encoding="utf-8")
        drafts = tmp_path / "drafts"
        drafts.mkdir()
        (drafts / "rejection-reply.jane-doe.eml").symlink_to(victim)
        result = run("draft", path, "--format", "eml", "--out", drafts, "--now", NOW)
        assert result.code == 0, result.err
        assert victim.read_text(encoding="utf-8") == "precious\n"
        written = drafts / "rejection-reply.jane-doe.eml"
        assert not written.is_symlink()
        assert written.read_bytes().startswith(b"From: ")

    def test_a_planted_fifo_is_replaced_not_written_to(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        drafts = tmp_path / "drafts"
        drafts.mkdir()
        os.mkfifo(drafts / "rejection-reply.jane-doe.eml")
        result = run("draft", path, "--format", "eml", "--out", drafts, "--now", NOW)
        assert result.code == 0, result.err
        assert (drafts / "rejection-reply.jane-doe.eml").is_file()


class TestStaleTemporaryFiles:
    """Temporary files a killed write left behind go on the next write to the same target."""

    def test_old_temps_of_our_pattern_are_swept_young_and_foreign_ones_kept(
        self, tmp_path: Path
    ) -> None:
        path = write(tmp_path, BASE)
        out = tmp_path / "out.ics"
        stale = [tmp_path / ".out.ics.0123456789ab.tmp", tmp_path / ".out.ics.ffffffffffff.tmp"]
        young = tmp_path / ".out.ics.aaaaaaaaaaaa.tmp"
        foreign = [
            tmp_path / ".out.ics.notours.tmp",
            tmp_path / ".other.ics.0123456789ab.tmp",
            tmp_path / "out.ics.0123456789ab.tmp",
        ]
        for p in [*stale, young, *foreign]:
            p.write_bytes(b"x" * 1000)
        old = time.time() - 120
        for p in [*stale, *foreign]:
            os.utime(p, (old, old))
        assert _ics(path, out).code == 0
        assert not any(p.exists() for p in stale)
        assert young.exists()
        assert all(p.exists() for p in foreign)

    def test_a_directory_or_link_of_our_pattern_is_left_alone(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        target = tmp_path / "keep.txt"
        target.write_text("keep", encoding="utf-8")
        link = tmp_path / ".out.ics.0123456789ab.tmp"
        link.symlink_to(target)
        folder = tmp_path / ".out.ics.ffffffffffff.tmp"
        folder.mkdir()
        old = time.time() - 120
        os.utime(link, (old, old), follow_symlinks=False)
        os.utime(folder, (old, old))
        assert _ics(path, tmp_path / "out.ics").code == 0
        assert link.is_symlink()
        assert folder.is_dir()
        assert target.exists()


_MARK_LOOP = """
import io, sys
from followup.cli import main
path, who, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
codes = []
for n in range(rounds):
    err = io.StringIO()
    codes.append(main(["mark", path, "--reply-from", f"{who}-{n}", "--now", "{now}"],
                      stdout=io.StringIO(), stderr=err))
    if codes[-1]:
        print(err.getvalue(), file=sys.stderr)
print(",".join(map(str, codes)))
"""


class TestConcurrentMark:
    """Two ``mark`` runs at once lose nothing: read, append and replace happen under a lock."""

    def test_two_processes_fifty_rounds_each_lose_no_record(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        script = _MARK_LOOP.replace("{now}", NOW)
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", script, str(path), who, "50"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for who in ("A", "B")
        ]
        for proc in procs:
            out, err = proc.communicate(timeout=240)
            assert proc.returncode == 0, err
            assert out.strip() == ",".join(["0"] * 50), err
        import tomllib

        data = tomllib.loads(path.read_text(encoding="utf-8"))
        senders = sorted(record["contact"] for record in data["history"])
        assert senders == sorted(f"{who}-{n}" for who in "AB" for n in range(50))
        assert path.read_text(encoding="utf-8").startswith(BASE)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["i.toml"]  # no lock or temp left

    def test_a_held_lock_times_out_with_a_clear_message(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import fcntl

        from followup import _atomic

        path = write(tmp_path, BASE)
        monkeypatch.setattr(_atomic, "LOCK_TIMEOUT", 0.2)
        with open(tmp_path / ".i.toml.lock", "w") as holder:
            fcntl.flock(holder, fcntl.LOCK_EX)
            result = run("mark", path, "--reply-from", "Jane Doe", "--now", NOW)
        assert result.code == 1
        assert "another followup command has been writing this file" in result.err
        assert "try again" in result.err
        assert path.read_text(encoding="utf-8") == BASE


class TestMarkValidatesBySchedulingFirst:
    """A record that would make the file unusable is refused (exit 1), the file unchanged."""

    @pytest.mark.parametrize(
        ("argv", "words"),
        [
            (["thank-you", "--done", "--at", "2001-01-01"], "before the interview"),
            (["--outcome", "offer", "--at", "2026-11-19"], "on or after the interview"),
            (["--reply-from", "Jane Doe", "--at", "2020-01-01"], "before the interview"),
        ],
    )
    def test_refused_records_leave_the_file(
        self, tmp_path: Path, argv: list[str], words: str
    ) -> None:
        path = write(tmp_path, BASE)
        result = run("mark", path, *argv, "--now", NOW)
        assert result.code == 1, result.out
        assert words in result.err
        assert "internal error" not in result.err
        assert re.search(r"i\.toml(:\d+)?: history\[1\]", result.err), result.err
        assert path.read_text(encoding="utf-8") == BASE
        assert run("plan", path, "--now", NOW).code == 0


# --- out-of-range input ----------------------------------------------------------------------

REJECTION_PLAN = BASE.replace('preset = "after-interview"', 'preset = "after-rejection"')


def refused(result: Result, key: str, *words: str) -> None:
    """An ordinary error: exit 1, ``error: i.toml:LINE: key: ...`` naming what is expected."""
    assert result.code == 1, (result.out, result.err)
    assert "internal error" not in result.err
    assert "Traceback" not in result.err
    where = f" {re.escape(key)}:" if key else ""
    assert re.match(rf"error: \S*i\.toml:\d+:{where} ", result.err), result.err
    for word in words:
        assert word in result.err, result.err
    assert result.err.count("\n") == 1


def usage_error(result: Result, *words: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "internal error" not in result.err
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err, result.err


class TestYearsOutOfRange:
    """Year 9999 (or 1000) anywhere is an ordinary error saying the range, 1900 to 2200."""

    @pytest.mark.parametrize(
        ("old", "new", "key"),
        [
            ("start = 2026-11-20T14:00:00", "start = 9999-12-31T23:00:00", "interview.start"),
            ("start = 2026-11-20T14:00:00", "start = 1000-01-01T10:00:00", "interview.start"),
            ("date = 2026-11-24", "date = 9999-11-24", "outcome.date"),
            ("date = 2026-11-24", "date = 9999-12-31T23:30:00", "outcome.date"),
            ("decision_expected = 2026-11-27", "decision_expected = 9999-12-31", "interview.decision_expected"),
            ('preset = "after-interview"', 'preset = "after-interview"\nkeep_in_touch_until = 9999-12-31', "plan.keep_in_touch_until"),
            ('preset = "after-interview"', 'preset = "after-interview"\nholidays = [9999-12-31]', "plan.holidays[1]"),
        ],
    )
    def test_in_the_file(self, tmp_path: Path, old: str, new: str, key: str) -> None:
        assert old in BASE
        path = write(tmp_path, BASE.replace(old, new, 1))
        for command in (["plan"], ["draft"], ["ics", "-o", tmp_path / "o.ics"]):
            refused(run(*command, path, "--now", NOW), key, "between 1900 and 2200")

    @pytest.mark.parametrize(
        ("record", "key"),
        [
            ('step = "thank-you"\ndone = 9999-12-31', "history[1].done"),
            ('step = "thank-you"\nskipped = 9999-12-31T23:59:00', "history[1].skipped"),
            ('step = "keep-in-touch"\nsnoozed_until = 9999-12-31', "history[1].snoozed_until"),
            ("reply = 9999-12-31", "history[1].reply"),
            ("out_of_office_until = 9999-12-31", "history[1].out_of_office_until"),
            ("out_of_office_until = 2026-12-04\nat = 9999-01-01", "history[1].at"),
            ('outcome = "offer"\ndate = 9999-12-31', "history[1].date"),
        ],
    )
    def test_in_the_history(self, tmp_path: Path, record: str, key: str) -> None:
        path = write(tmp_path, f"{BASE}\n[[history]]\n{record}\n")
        refused(run("plan", path, "--now", NOW), key, "between 1900 and 2200")

    @pytest.mark.parametrize(
        "argv",
        [
            ["plan", "{path}", "--now", "9999-12-31T23:00"],
            ["--now", "0001-01-01T00:00Z", "plan", "{path}"],
            ["mark", "{path}", "--ooo-until", "9999-12-31"],
            ["mark", "{path}", "--snooze", "keep-in-touch", "--until", "9999-12-31"],
            ["mark", "{path}", "--reply-from", "Jane Doe", "--at", "9999-12-31T10:00"],
            ["mark", "{path}", "--outcome", "offer", "--at", "9999-12-31"],
        ],
    )
    def test_on_the_command_line_is_a_usage_error(self, tmp_path: Path, argv: list[str]) -> None:
        path = write(tmp_path, BASE)
        argv = [str(path) if a == "{path}" else a for a in argv]
        more = ["--now", NOW] if "--now" not in argv else []
        usage_error(run(*argv, *more), "between 1900 and 2200")
        assert path.read_text(encoding="utf-8") == BASE

    def test_the_ooo_record_that_broke_every_later_command(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE)
        result = run("mark", path, "--ooo-until", "2200-12-31", "--now", NOW)
        assert result.code == 0, result.err
        assert run("plan", path, "--now", NOW).code == 0
        assert run("ics", path, "-o", tmp_path / "o.ics", "--now", NOW).code == 0


class TestDurationsOutOfRange:
    @pytest.mark.parametrize(
        ("old", "new", "key", "words"),
        [
            ('duration = "45m"', 'duration = "99999999999999999999 hours"', "interview.duration", "at most 24 hours"),
            ('duration = "45m"', 'duration = "30 hours"', "interview.duration", "at most 24 hours"),
            ('duration = "45m"', 'duration = "1441 minutes"', "interview.duration", "at most 24 hours"),
            (
                'preset = "after-interview"',
                'preset = "after-interview"\nkeep_in_touch_every = "99999999999 years"',
                "plan.keep_in_touch_every",
                "at most 10 years",
            ),
            (
                'preset = "after-interview"',
                'preset = "after-interview"\nreply_after = "5000 business days"',
                "plan.reply_after",
                "at most 10 years",
            ),
            (
                'preset = "after-interview"',
                'preset = "after-interview"\nthank_you_after = "100000 hours"',
                "plan.thank_you_after",
                "at most 10 years",
            ),
            (
                'preset = "after-interview"',
                'preset = "after-interview"\nnetwork_after = "11 years"',
                "plan.network_after",
                "at most 10 years",
            ),
        ],
    )
    def test_in_the_file(self, tmp_path: Path, old: str, new: str, key: str, words: str) -> None:
        path = write(tmp_path, BASE.replace(old, new, 1))
        refused(run("plan", path, "--now", NOW), key, words)

    def test_ten_years_and_a_day_long_interview_are_still_fine(self, tmp_path: Path) -> None:
        text = BASE.replace('duration = "45m"', 'duration = "24 hours"').replace(
            'preset = "after-interview"', 'preset = "after-interview"\nnetwork_after = "10 years"'
        )
        assert run("plan", write(tmp_path, text), "--now", NOW).code == 0

    @pytest.mark.parametrize("alarm", ["99999999999h", "99999999999999999999m", "100000h"])
    def test_a_huge_alarm_is_a_usage_error(self, tmp_path: Path, alarm: str) -> None:
        path = write(tmp_path, BASE)
        usage_error(run("ics", path, "-o", tmp_path / "o.ics", "--alarm", alarm, "--now", NOW), "--alarm")
        assert not (tmp_path / "o.ics").exists()


class TestCountsAndSizes:
    @pytest.mark.parametrize("count", [121, 100000, 2147483648, 10**30])
    @pytest.mark.parametrize("key", ["openings_count", "keep_in_touch_count"])
    def test_series_counts_are_bounded(self, tmp_path: Path, key: str, count: int) -> None:
        text = BASE.replace('preset = "after-interview"', f'preset = "after-interview"\n{key} = {count}')
        # guarded(): a hang guard, not a speed test (100000 used to take 8-17 s of work).
        refused(guarded("plan", write(tmp_path, text), "--now", NOW), f"plan.{key}", "at most 120")

    def test_a_series_until_a_far_date_is_bounded_too(self, tmp_path: Path) -> None:
        text = REJECTION_PLAN.replace(
            'preset = "after-rejection"',
            'preset = "after-rejection"\nopenings_every = "1 week"\nkeep_in_touch_until = 2200-01-01',
        )
        result = run("plan", write(tmp_path, text), "--now", NOW)
        refused(result, "plan", "at most 120")

    def test_a_custom_steps_count(self, tmp_path: Path) -> None:
        text = BASE + '\n[[plan.steps]]\nkind = "explore-openings"\nid = "more"\ncount = 500\n'
        refused(run("plan", write(tmp_path, text), "--now", NOW), "plan.steps[1].count", "at most 120")

    def test_ten_thousand_interviewers_are_refused_quickly(self, tmp_path: Path) -> None:
        people = "".join(
            f'\n[[interview.interviewers]]\nname = "Person {n}"\nemail = "p{n}@acme.example"\n'
            for n in range(10_000)
        )
        text = BASE.replace("\n[outcome]", people + "\n[outcome]")
        path = write(tmp_path, text)
        refused(guarded("plan", path, "--now", NOW), "interview.interviewers[51]", "at most 50")

    def test_fifty_interviewers_are_fine(self, tmp_path: Path) -> None:
        people = "".join(f'\n[[interview.interviewers]]\nname = "Person {n}"\n' for n in range(49))
        text = BASE.replace("\n[outcome]", people + "\n[outcome]")
        assert run("plan", write(tmp_path, text), "--now", NOW).code == 0


class TestOtherOutOfRangeInput:
    def test_a_time_zone_name_over_255_characters(self, tmp_path: Path) -> None:
        text = BASE.replace('timezone = "America/New_York"', f'timezone = "{"A" * 300}"')
        result = run("plan", write(tmp_path, text), "--now", NOW)
        refused(result, "interview.timezone", "IANA")
        assert "site-packages" not in result.err
        assert "A" * 300 not in result.err  # a long value is cut in the message

    @pytest.mark.parametrize("name", ["America", "Etc/../../../../etc/passwd", "a\\u0000b", "zoneinfo", "tzdata.zi"])
    def test_odd_time_zone_names(self, tmp_path: Path, name: str) -> None:
        text = BASE.replace('timezone = "America/New_York"', f'timezone = "{name}"')
        refused(run("plan", write(tmp_path, text), "--now", NOW), "interview.timezone", "IANA")

    def test_arrays_nested_500_deep(self, tmp_path: Path) -> None:
        text = BASE.replace('topics = ["the data platform migration"]', "topics = " + "[" * 500 + "]" * 500)
        assert len(text.encode()) < 2048
        refused(run("plan", write(tmp_path, text), "--now", NOW), "", "nested too deeply")


# --- messages without a file or a line -------------------------------------------------------


class TestEveryLoadTimeErrorNamesTheFileAndLine:
    def test_empty_interviewers(self, tmp_path: Path) -> None:
        text = re.sub(r"\[\[interview\.interviewers\]\]\n(.+\n)+", "", BASE)
        assert "interviewers" not in text
        refused(run("plan", write(tmp_path, text), "--now", NOW), "interview.interviewers", "is empty")
        text = text.replace("decision_expected = 2026-11-27", "decision_expected = 2026-11-27\ninterviewers = []")
        path = write(tmp_path, text)
        result = run("plan", path, "--now", NOW)
        refused(result, "interview.interviewers", "is empty")
        assert f"i.toml:{text.splitlines().index('interviewers = []') + 1}:" in result.err

    @pytest.mark.parametrize(
        ("record", "key"),
        [
            ('step = "thank-you"\ndone = 2026-01-01', "history[2].done"),
            ('step = "thank-you"\nskipped = 2026-01-01T10:00:00', "history[2].skipped"),
            ("reply = 2026-01-01", "history[2].reply"),
            ("out_of_office_until = 2026-12-04\nat = 2026-01-01", "history[2].at"),
        ],
    )
    def test_a_record_dated_before_the_interview(self, tmp_path: Path, record: str, key: str) -> None:
        text = f'{BASE}\n[[history]]\nreply = 2026-11-25\n\n[[history]]\n{record}\n'
        path = write(tmp_path, text)
        result = run("plan", path, "--now", NOW)
        refused(result, key, "before the interview")
        line = len(text.splitlines()) - record.count("\n")
        line += 1 if key.endswith(".at") or "step" in record else 0
        assert f"i.toml:{line}: {key}:" in result.err

    def test_no_business_day_in_ten_years(self, tmp_path: Path) -> None:
        from datetime import date, timedelta

        saturdays = [date(2026, 11, 21) + timedelta(weeks=n) for n in range(530)]
        text = BASE.replace(
            'preset = "after-interview"',
            'preset = "after-interview"\nwindow = { days = ["sat"] }\nholidays = ['
            + ", ".join(d.isoformat() for d in saturdays)
            + "]",
        )
        refused(run("plan", write(tmp_path, text), "--now", NOW), "plan", "no business day in the next ten years")

    def test_a_template_without_a_subject_line(self, tmp_path: Path) -> None:
        text = BASE + '\n[[plan.steps]]\nkind = "keep-in-touch"\ntemplate = "Hi {first_name},\\n\\nHello.\\n"\n'
        path = write(tmp_path, text)
        result = run("plan", path, "--now", NOW)
        refused(result, "plan.steps[1].template", "Subject:")
        assert f"i.toml:{len(text.splitlines())}:" in result.err

    def test_a_template_file_without_a_subject_line(self, tmp_path: Path) -> None:
        (tmp_path / "kit.txt").write_text("Hi {first_name},\n\nHello.\n", encoding="utf-8")
        text = BASE + '\n[[plan.steps]]\nkind = "keep-in-touch"\ntemplate_file = "kit.txt"\n'
        refused(run("plan", write(tmp_path, text), "--now", NOW), "plan.steps[1].template_file", "Subject:")

    def test_a_template_directory_without_a_subject_line(self, tmp_path: Path) -> None:
        (tmp_path / "tpl").mkdir()
        (tmp_path / "tpl" / "keep-in-touch.warm.email.txt").write_text("Hi {first_name},\n\nHello.\n", encoding="utf-8")
        text = BASE.replace('preset = "after-interview"', 'preset = "after-interview"\ntemplates = "tpl"')
        refused(run("plan", write(tmp_path, text), "--now", NOW), "plan.templates", "Subject:")

    def test_a_custom_step_without_a_decision_date(self, tmp_path: Path) -> None:
        text = BASE.replace("decision_expected = 2026-11-27\n", "").replace(
            'status = "rejected"\ndate = 2026-11-24\nfrom = "Jane Doe"', 'status = "pending"'
        )
        text += '\n[[plan.steps]]\nkind = "status-check"\nid = "nudge"\n'
        result = run("plan", write(tmp_path, text), "--now", NOW)
        assert result.code == 0 or re.match(r"error: \S*i\.toml:\d+: ", result.err), result.err


# --- resources and hangs ---------------------------------------------------------------------

# These tests must end quickly; a hang guard (not a speed measurement) turns a
# regression into a failure instead of a stuck suite.
HANG_GUARD = 10.0


def guarded(*argv: str | Path) -> Result:
    """``run`` under a SIGALRM hang guard."""
    import signal

    def hang(signum: int, frame: object) -> None:
        raise TimeoutError(f"followup {' '.join(map(str, argv))} ran over {HANG_GUARD} s")

    old = signal.signal(signal.SIGALRM, hang)
    signal.setitimer(signal.ITIMER_REAL, HANG_GUARD)
    try:
        return run(*argv)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


class TestOnlyRegularFilesAreRead:
    @pytest.fixture
    def fifo(self, tmp_path: Path) -> Path:
        path = tmp_path / "pipe"
        os.mkfifo(path)
        return path

    @pytest.mark.parametrize("command", ["plan", "draft", "mark"])
    def test_an_interview_file_that_is_a_device_or_fifo(self, command: str, fifo: Path) -> None:
        for path in (Path("/dev/zero"), fifo):
            more = ["--reply-from", "Jane"] if command == "mark" else []
            result = guarded(command, path, *more, "--now", NOW)
            assert result.code == 1
            assert "not a regular file" in result.err
            assert "internal error" not in result.err

    def test_check_of_a_device_a_fifo_or_endless_stdin(
        self, fifo: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        for path in (Path("/dev/zero"), fifo):
            result = guarded("check", path)
            assert result.code == 1
            assert "not a regular file" in result.err
        with open("/dev/zero", "rb") as zero:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(zero))
            result = guarded("check", "-")
        assert result.code == 1
        assert "over the 1 MB limit" in result.err

    @pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
    def test_a_template_file_that_is_a_device_or_fifo(
        self, tmp_path: Path, fifo: Path, source: str
    ) -> None:
        where = "/dev/zero" if source == "/dev/zero" else fifo.name
        text = BASE + f'\n[[plan.steps]]\nkind = "keep-in-touch"\ntemplate_file = "{where}"\n'
        result = guarded("plan", write(tmp_path, text), "--now", NOW)
        refused(result, "plan.steps[1].template_file", "not a regular file")

    def test_a_fifo_in_a_template_directory(self, tmp_path: Path) -> None:
        (tmp_path / "tpl").mkdir()
        os.mkfifo(tmp_path / "tpl" / "keep-in-touch.warm.email.txt")
        text = BASE.replace('preset = "after-interview"', 'preset = "after-interview"\ntemplates = "tpl"')
        refused(guarded("plan", write(tmp_path, text), "--now", NOW), "plan.templates", "not a regular file")


class TestSizeLimits:
    def test_an_interview_file_over_10_mb(self, tmp_path: Path) -> None:
        path = write(tmp_path, BASE + "#" * (10 * 1024 * 1024) + "\n")
        result = guarded("plan", path, "--now", NOW)
        assert result.code == 1
        assert "over the 10 MB limit for an interview file" in result.err

    def test_a_template_over_1_mb(self, tmp_path: Path) -> None:
        (tmp_path / "big.txt").write_text("Subject: x\n\n" + "a" * (1024 * 1024), encoding="utf-8")
        text = BASE + '\n[[plan.steps]]\nkind = "keep-in-touch"\ntemplate_file = "big.txt"\n'
        refused(guarded("plan", write(tmp_path, text), "--now", NOW), "plan.steps[1].template_file", "over the 1 MB limit")

    def test_a_draft_over_1_mb(self, tmp_path: Path) -> None:
        result = guarded("check", write(tmp_path, "Hi,\n" + "word " * 300_000, "d.txt"))
        assert result.code == 1
        assert "over the 1 MB limit for a draft to check" in result.err


def _records(n: int) -> str:
    """``n`` out-of-office and snooze records, each moving the monthly check-ins again."""
    from datetime import date, timedelta

    lines = []
    for k in range(n):
        day = date(2026, 12, 1) + timedelta(days=3 * k)
        if k % 2:
            lines.append(f'[[history]]\nout_of_office_until = {day}\ncontact = "Jane Doe"\n')
        else:
            lines.append(f'[[history]]\nstep = "keep-in-touch"\nsnoozed_until = {day}\n')
    return "\n".join(lines)


class TestManyHistoryRecords:
    """1,000 records on a monthly series give a small calendar: repeated records are summarised."""

    MONTHLY = BASE.replace(
        'preset = "after-interview"',
        'preset = "after-interview"\nkeep_in_touch_first = "1 month"\n'
        'keep_in_touch_every = "1 month"\nkeep_in_touch_count = 120',
    )

    def test_a_thousand_records_give_an_ics_under_2_mb(self, tmp_path: Path) -> None:
        path = write(tmp_path, self.MONTHLY + "\n" + _records(1000))
        out = tmp_path / "o.ics"
        result = guarded("ics", path, "-o", out, "--now", NOW)
        assert result.code == 0, result.err
        assert out.stat().st_size < 2 * 1024 * 1024
        plan = json.loads(guarded("plan", path, "--format", "json", "--now", NOW).out)
        reason = next(a["reason"] for a in plan["actions"] if a["step"] == "keep-in-touch")
        assert re.search(r"snoozed 500 times, last to \w{3} \d+ \w{3} \d\d:\d\d", reason), reason
        assert re.search(r"moved \d+ times for out-of-office replies, last to ", reason), reason
        assert len(reason) < 3000

    def test_a_few_records_are_each_described(self, tmp_path: Path) -> None:
        path = write(tmp_path, self.MONTHLY + "\n" + _records(4))
        plan = json.loads(guarded("plan", path, "--format", "json", "--now", NOW).out)
        reason = next(a["reason"] for a in plan["actions"] if a["step"] == "keep-in-touch")
        assert reason.count("snoozed to ") == 2
        assert "snoozed 2 times" not in reason


class TestMergeReadsOnlyARegularFile:
    @pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
    def test_merge_into_a_device_or_fifo_is_refused(self, tmp_path: Path, target: str) -> None:
        out = Path("/dev/zero") if target == "/dev/zero" else tmp_path / "pipe"
        if target == "fifo":
            os.mkfifo(out)
        result = guarded("ics", write(tmp_path, BASE), "-o", out, "--merge", "--now", NOW)
        assert result.code == 1
        assert "not a regular file" in result.err
