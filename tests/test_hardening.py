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
        assert "Jane \u009b31mDoe" in {a["recipient"]["name"] for a in data["actions"] if a["recipient"]}

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
