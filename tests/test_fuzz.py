"""A bounded fuzz test of the command (issue 13): mutations of a valid interview file.

Property, for every case: the exit code is 0, 1 or 2; no "internal error" and no
traceback; standard error holds one ``error: ...`` line on failure; nothing the
command prints holds a raw control character; and no case runs for 10 seconds
(a hang guard, not a speed measurement). The cases are drawn from a fixed seed,
so a failure reproduces; ``FOLLOWUP_FUZZ_CASES`` and ``FOLLOWUP_FUZZ_SEED`` run
more or other cases (``python tests/test_fuzz.py`` prints the figures).
"""

from __future__ import annotations

import io
import os
import random
import re
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from followup.cli import main

CASES = int(os.environ.get("FOLLOWUP_FUZZ_CASES", "300"))
SEED = int(os.environ.get("FOLLOWUP_FUZZ_SEED", "13"))
HANG_GUARD = 10.0
NOW = "2026-12-01T09:00-05:00"

BASE = """\
[candidate]
name = "Sam Rivera"
email = "sam@example.com"
phone = "+1 555 0134"
linkedin = "https://www.linkedin.com/in/samrivera"
signature = \"\"\"
Sam Rivera
+1 555 0134\"\"\"
timezone = "America/Chicago"

[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00
timezone = "America/New_York"
duration = "45m"
stage = "final round"
topics = ["the data platform migration"]
decision_expected = 2026-11-27
careers_url = "https://acme.example/careers"

[[interview.interviewers]]
name = "Jane Doe"
title = "Engineering Manager"
email = "jane@acme.example"
linkedin = "https://www.linkedin.com/in/janedoe"
topics = ["streaming"]

[[interview.interviewers]]
name = "Priya Natarajan"
email = "priya@acme.example"
timezone = "Europe/London"

[interview.recruiter]
name = "Alex Kim"
email = "alex@acme.example"

[outcome]
status = "rejected"
date = 2026-11-24T16:10:00
from = "Jane Doe"

[plan]
preset = "after-interview"
tone = "warm"
holidays = "US"
keep_in_touch_every = "2 months"
keep_in_touch_count = 5
openings_count = 4
linkedin_note_limit = 300
window = { start = "09:00", end = "17:00", days = ["mon", "tue", "wed", "thu", "fri"] }

[[plan.steps]]
kind = "keep-in-touch"
id = "check-in"
every = "1 month"
count = 3
template = "Subject: Hello from {candidate}\\n\\nHi {first_name},\\n\\nAll well?\\n\\n{signature}\\n"

[[history]]
step = "thank-you"
done = 2026-11-20T18:30:00

[[history]]
reply = 2026-11-25
from = "Alex Kim"

[[history]]
out_of_office_until = 2026-12-04
contact = "Jane Doe"

[[history]]
step = "keep-in-touch"
snoozed_until = 2027-03-01
"""

# Values a mutation puts in place of another: out of range, of the wrong type, odd text.
VALUES = [
    "9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01", "2200-12-31T23:59:59",
    "9999-12-31T23:59:59Z", "1900-01-01T00:00:00", "2026-11-19", "2026-02-29",
    "00:00:00", "25:00", "2026-11-20T14:00:00+14:00", "2026-11-20T14:00:00-12:00",
    "0", "-1", "1", "121", "120", "2147483648", "9223372036854775807", "-9223372036854775808",
    "1e309", "nan", "inf", "-inf", "0.5", "true", "false", "[]", "{}", "[[]]",
    '"[" * 40', '""', '" "', '"\\u001b]0;pwned\\u0007"', '"\\u009b2J"', '"\\u202eevil"',
    '"a\\u0000b"', '"x"', '"' + "A" * 300 + '"', '"' + "é" * 2000 + '"',
    '"45m"', '"0 minutes"', '"-3 days"', '"99999999999999999999 hours"', '"10 years"',
    '"11 years"', '"3 business days"', '"5000 business days"', '"1 week"', '"24 hours"',
    '"25 hours"', '"1441 minutes"', '"2 months"', '"1 fortnight"', '"soon"',
    '"America/New_York"', '"Etc/GMT+14"', '"Australia/Lord_Howe"', '"Asia/Kolkata"',
    '"UTC"', '"America"', '"../../etc/passwd"', '"/etc/localtime"', '"Mars/Olympus"',
    '"/dev/zero"', '"after-rejection"', '"after-interview"', '"pending"', '"offer"',
    '"withdrawn"', '"rejected"', '"brief"', '"formal"', '"shouty"', '"linkedin"', '"task"',
    '"DE-BY"', '"XX"', '"thank-you"', '"thank-you.jane-doe"', '"status-check.2"',
    '"keep-in-touch"', '"nosuch"', '"Jane Doe"', '"jane@acme.example"', '"jane@"',
    '"https://x.example"', '"javascript:alert(1)"', '"Subject: x\\n\\nHi"', '"Hi {nosuch}"',
    '"{first_name"', "[2026-12-24, 9999-12-31]", '["sat"]', '["sun", "sat"]', '["xyz"]',
    '{ start = "17:00", end = "09:00" }', '{ start = "00:00", end = "23:59", days = [] }',
    "[" * 30 + "]" * 30,
]

# Whole lines a mutation inserts into a random table.
LINES = [
    "[[history]]", "[[interview.interviewers]]", "[plan]", "[outcome]", "[[plan.steps]]",
    'kind = "explore-openings"', 'kind = "nosuch"', 'kind = "thank-you"', 'kind = "network"',
    "count = 500", 'until = 2200-01-01', 'every = "1 week"', 'first = "0 days"',
    'step = "status-check"', "skipped = 2026-11-26", "done = 2031-01-01", "reply = 2026-11-19",
    "out_of_office_until = 2200-12-31", 'outcome = "offer"', "date = 2026-11-30",
    'outcome = "pending"', 'remove = ["network"]', 'remove = ["nosuch"]',
    'templates = "/dev"', 'template_file = "/dev/zero"', 'template_file = "."',
    'template = "no subject here"', "interviewers = []", 'name = ""', "name = 1",
    'timezone = "' + "B/" * 200 + '"', "keep_in_touch_until = 2100-01-01",
    'status_checks = 3', 'separate_feedback_request = true', 'linkedin = false',
    'network_after = "0 minutes"', 'reply_after = "0 business days"',
]


class Case(NamedTuple):
    text: str
    argv: list[str]
    mutation: str


def _shape(value: str) -> str:
    """The kind of a TOML value, so a mutation can keep it (and reach past the type checks)."""
    if value.startswith('"'):
        return "string"
    if re.match(r"\d{4}-\d\d-\d\d", value):
        return "date"
    if re.fullmatch(r"-?\d+", value):
        return "int"
    return value[:1]


def _mutate(rng: random.Random, text: str) -> tuple[str, str]:
    lines = text.split("\n")
    # Mostly values (they reach the validators and the scheduler); some structure and
    # syntax (they reach the reader and the TOML parser).
    kind = rng.choices(
        ["value", "insert", "delete", "duplicate", "swap", "truncate", "bytes", "table", "nest"],
        weights=[12, 4, 1, 1, 1, 1, 1, 1, 1],
    )[0]
    i = rng.randrange(len(lines))
    keyed = [n for n, line in enumerate(lines) if re.match(r"\s*[\w.\"-]+\s*=", line)]
    headers = [n for n, line in enumerate(lines) if line.startswith("[")]
    if (kind == "value" and not keyed) or (kind == "table" and not headers):
        kind = "insert"  # a truncated file may have neither
    if kind == "value":
        i = rng.choice(keyed)
        key, old = lines[i].split("=", 1)
        same = [v for v in VALUES if _shape(v) == _shape(old.strip())]
        lines[i] = f"{key}= {rng.choice(same if same and rng.random() < 0.6 else VALUES)}"
    elif kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "insert":
        lines.insert(i, rng.choice(LINES))
    elif kind == "truncate":
        return text[: rng.randrange(len(text))], f"truncate at {i}"
    elif kind == "bytes":
        cut = rng.randrange(len(text))
        junk = "".join(chr(rng.choice([0, 7, 0x1B, 0x7F, 0x9B, 0x202E, 0xFEFF, 0xD800 - 1, 0x2028]))
                       for _ in range(rng.randint(1, 4)))
        return text[:cut] + junk + text[cut:], "control characters"
    elif kind == "table":
        start = rng.choice(headers)
        end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("[")), len(lines))
        lines[end:end] = lines[start:end]
    else:
        lines.insert(i, "topics = " + "[" * rng.randint(50, 600) + "]" * rng.randint(0, 600))
    return "\n".join(lines), kind


def _argv(rng: random.Random, path: str, out: str) -> list[str]:
    command = rng.choice(["plan", "plan", "plan-json", "draft", "draft-json", "eml", "ics", "mark"])
    if command == "plan":
        return ["plan", path]
    if command == "plan-json":
        return ["plan", path, "--format", "json"]
    if command == "draft":
        return ["draft", path, "--all", "thank-you"] if rng.random() < 0.2 else ["draft", path]
    if command == "draft-json":
        return ["draft", path, "--format", "json"]
    if command == "eml":
        return ["draft", path, "--format", "eml", "--out", out]
    if command == "ics":
        return ["ics", path, "-o", os.path.join(out, "o.ics"), *rng.choice([[], ["--todo"], ["--merge"]])]
    return ["mark", path, *rng.choice([
        ["--reply-from", "Alex Kim"],
        ["thank-you", "--done"],
        ["status-check", "--skip"],
        ["--snooze", "keep-in-touch", "--until", rng.choice(["2027-05-01", "2200-12-31", "2026-01-01"])],
        ["--ooo-until", rng.choice(["2026-12-10", "2200-12-31"])],
        ["--outcome", "offer", "--at", rng.choice(["2026-11-30", "2026-11-01"])],
        ["--snooze", "keep-in-touch"],  # a usage error: no --until
    ])]


def cases(n: int = CASES, seed: int = SEED) -> list[Case]:
    rng = random.Random(seed)
    found = []
    for _ in range(n):
        text, what = BASE, []
        for _ in range(rng.choice([1, 1, 1, 1, 2, 3])):
            text, kind = _mutate(rng, text)
            what.append(kind)
        found.append(Case(text, _argv(rng, "{path}", "{out}"), "+".join(what)))
    return found


RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class Outcome(NamedTuple):
    code: int
    out: str
    err: str
    seconds: float
    hung: bool


def _run(argv: list[str]) -> Outcome:
    def hang(signum: int, frame: object) -> None:
        raise _Hang

    out, err = io.StringIO(), io.StringIO()
    old = signal.signal(signal.SIGALRM, hang)
    signal.setitimer(signal.ITIMER_REAL, HANG_GUARD)
    start = time.perf_counter()
    hung = False
    try:
        code = main([*argv, "--now", NOW], stdout=out, stderr=err)
    except _Hang:
        code, hung = -1, True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    return Outcome(code, out.getvalue(), err.getvalue(), time.perf_counter() - start, hung)


class _Hang(BaseException):
    """Raised by the hang guard (a BaseException: the command must not catch it)."""


def run_case(case: Case, directory: Path) -> Outcome:
    path = directory / "i.toml"
    out = directory / "out"
    out.mkdir(exist_ok=True)
    path.write_text(case.text, encoding="utf-8", errors="surrogatepass")
    argv = [a.replace("{path}", str(path)).replace("{out}", str(out)) for a in case.argv]
    return _run(argv)


def problems(result: Outcome) -> list[str]:
    found = []
    if result.hung:
        found.append(f"ran over {HANG_GUARD} s")
    if result.code not in (0, 1, 2):
        found.append(f"exit code {result.code}")
    if "internal error" in result.err or "Traceback" in result.err:
        found.append("internal error")
    if result.code == 1 and not result.err.startswith("error: "):
        found.append("exit 1 without an error line")
    if RAW_CONTROL.search(result.out + result.err):
        found.append("raw control character in the output")
    return found


def fuzz(n: int, seed: int, directory: Path, report: Callable[[str], None] = print) -> dict[str, float]:
    """Run ``n`` cases; the figures: cases, exit codes, internal errors, hangs, slowest, total."""
    counts = {"cases": 0, "exit 0": 0, "exit 1": 0, "exit 2": 0, "failures": 0,
              "internal errors": 0, "hangs": 0, "slowest s": 0.0}
    start = time.perf_counter()
    for number, case in enumerate(cases(n, seed)):
        folder = directory / f"case{number}"
        folder.mkdir()
        result = run_case(case, folder)
        counts["cases"] += 1
        key = f"exit {result.code}"
        if key in counts:
            counts[key] += 1
        counts["slowest s"] = max(counts["slowest s"], result.seconds)
        bad = problems(result)
        counts["internal errors"] += "internal error" in bad
        counts["hangs"] += result.hung
        if bad:
            counts["failures"] += 1
            report(f"case {number} ({case.mutation}; {' '.join(case.argv)}): {', '.join(bad)}\n"
                   f"  {result.err.strip()[:300]}")
    counts["total s"] = time.perf_counter() - start
    return counts


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the hang guard needs SIGALRM")
def test_mutated_files_never_fail_inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    failures: list[str] = []
    figures = fuzz(CASES, SEED, tmp_path, failures.append)
    assert failures == [], "\n".join(failures)
    assert figures["cases"] == CASES
    # Mutations must reach past the reader: some cases run clean, some are refused.
    assert figures["exit 0"] >= CASES // 10
    assert figures["exit 1"] >= CASES // 10


def test_cases_are_reproducible() -> None:
    assert cases(20, 5) == cases(20, 5)
    assert cases(20, 5) != cases(20, 6)


if __name__ == "__main__":  # python tests/test_fuzz.py [CASES] [SEED]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        n = int(sys.argv[1]) if len(sys.argv) > 1 else CASES
        seed = int(sys.argv[2]) if len(sys.argv) > 2 else SEED
        for name, value in fuzz(n, seed, Path(folder)).items():
            print(f"{name}: {value:.2f}" if isinstance(value, float) else f"{name}: {value}")
