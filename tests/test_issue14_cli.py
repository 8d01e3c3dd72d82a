"""Issue 14 end to end, as a new user runs it: the command on a fresh interview file.

One file unlike the examples: a titled panel in Los Angeles (Dr., Prof., Mx.
with a greeting name), an interviewer with only a LinkedIn profile and one with
neither, a recruiter with a title, a company with a legal suffix, a long role,
innocent but loaded topics, no decision date, the candidate in Berlin. Each
test names the issue's item it holds.
"""

from __future__ import annotations

import email.parser
import email.policy
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from drafting import cli_drafts, write_file

from followup.cli import main

NOW = "2026-11-17T12:00:00-08:00"  # two hours after the interview ended
NAMES = ["Dr. Ingrid Müller", "Prof. Carlos de la Cruz", "Mx. Sam Okonkwo-Reyes", "张伟", "Søren", "Ms. Aisha Bello"]
TOPICS = [
    "the urgent care expansion",
    "reducing no-show rates in outpatient clinics",
    "we can't afford downtime",
    "staffing the night shift",
]
FILE = """\
[candidate]
name = "Lena Vogt"
email = "lena@example.de"
timezone = "Europe/Berlin"

[interview]
company = "Harbourview Health Systems Inc."
role = "Senior Clinical Operations Program Manager, Outpatient Services"
start = 2026-11-17T08:00:00
timezone = "America/Los_Angeles"
duration = "2 hours"
stage = "panel interview"
topics = ["the urgent care expansion", "reducing no-show rates in outpatient clinics"]
careers_url = "https://harbourview.example/careers"
highlights = "I led the move of 30 clinics to one scheduling system."

[[interview.interviewers]]
name = "Dr. Ingrid Müller"
email = "ingrid@harbourview.example"
topics = ["we can't afford downtime", "staffing the night shift"]
promised = "the rota model I mentioned"

[[interview.interviewers]]
name = "Prof. Carlos de la Cruz"
email = "carlos@harbourview.example"

[[interview.interviewers]]
name = "Mx. Sam Okonkwo-Reyes"
email = "sam@harbourview.example"
greeting = "Sammy"

[[interview.interviewers]]
name = "张伟"
linkedin = "https://www.linkedin.com/in/zhangwei"

[[interview.interviewers]]
name = "Søren"

[interview.recruiter]
name = "Ms. Aisha Bello"
title = "Talent Acquisition Partner"
email = "aisha@harbourview.example"

[outcome]
status = "pending"

[plan]
preset = "after-interview"
tone = "formal"
"""


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def interview(tmp_path: Path) -> Path:
    return write_file(tmp_path, FILE)


@pytest.fixture
def rejected(tmp_path: Path) -> Path:
    text = FILE.replace(
        'status = "pending"', 'status = "rejected"\ndate = 2026-11-24\nfrom = "Ms. Aisha Bello"'
    ).replace('preset = "after-interview"', 'preset = "after-rejection"')
    return write_file(tmp_path, text, "rejected.toml")


def drafts(path: Path, tone: str, now: str = NOW) -> list[dict[str, Any]]:
    return list(cli_drafts(path, now, all_=False, tone=tone).values())


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in items}


def name_words() -> set[str]:
    return {w for n in [*NAMES, "Lena Vogt"] for w in re.findall(r"[\w'’-]+", n.lower())}


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w'’-]+", text.lower())) - name_words()


# 1. Titles become the greeting.
@pytest.mark.parametrize(
    ("tone", "expected"),
    [
        # "Prof." is written out in a greeting ("Dear Professor de la Cruz"): blind judges read
        # "Hello Prof Hartmann" as clipped.
        ("formal", {"dr-ingrid-muller": "Dear Dr. Müller,", "prof-carlos-de-la-cruz": "Dear Professor de la Cruz,",
                    "mx-sam-okonkwo-reyes": "Dear Sammy,", "x-a3a0bafd": "Dear 张伟,"}),
        # A doctor or professor keeps the title in every tone (the blind review: "Hi
        # Farhan" to a senior clinician read as too familiar).
        ("warm", {"dr-ingrid-muller": "Hello Dr. Müller,", "prof-carlos-de-la-cruz": "Hello Professor de la Cruz,",
                  "mx-sam-okonkwo-reyes": "Hi Sammy,", "x-a3a0bafd": "Hi 张伟,"}),
    ],
)  # fmt: skip
def test_1_greetings_use_the_name_not_the_title(interview: Path, tone: str, expected: dict[str, str]) -> None:
    got = by_id(drafts(interview, tone))
    for who, greeting in expected.items():
        assert got[f"thank-you.{who}"]["body"].splitlines()[0] == greeting
    recruiter = "Dear Ms. Bello," if tone == "formal" else "Hi Aisha,"
    assert got["status-check.1"]["body"].startswith(recruiter)
    for d in got.values():
        assert not re.match(r"(Dear|Hi) (Dr|Prof|Ms|Mx)\.?,", d["body"])


# 2. Recruiters are not credited with conversations they were not in.
@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_2_topics_go_only_to_those_who_were_in_them(interview: Path, tone: str) -> None:
    got = by_id(drafts(interview, tone))
    for step in ("status-check.1", "status-check.2"):
        assert not any(t in got[step]["body"] for t in TOPICS), got[step]["body"]
    ingrid = got["thank-you.dr-ingrid-muller"]["body"]
    assert "we can't afford downtime" in ingrid
    assert "the urgent care expansion" not in ingrid  # she has topics of her own
    carlos = got["thank-you.prof-carlos-de-la-cruz"]["body"]
    assert "the urgent care expansion" in carlos  # no own topics: the panel's
    assert "we can't afford downtime" not in carlos


# 3. One sentence frame for every topic: panels vary, the second topic is used.
@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_3_panel_notes_differ_and_use_more_than_the_first_topic(interview: Path, tone: str) -> None:
    notes = [d for d in drafts(interview, tone) if d["step"] == "thank-you" and d["to"] != "Ms. Aisha Bello <aisha@harbourview.example>"]
    assert len(notes) == 4
    for a, b in itertools.combinations(notes, 2):
        wa, wb = words(a["body"]), words(b["body"])
        assert len(wa & wb) / len(wa | wb) <= 0.6, (a["id"], b["id"])
    if tone != "brief":  # brief notes name one topic
        assert "staffing the night shift" in by_id(notes)["thank-you.dr-ingrid-muller"]["body"]
    glad = [d for d in notes if re.search(r"\bglad\b", d["body"], re.I)]
    assert len(glad) <= 1


# 4. The second status check is its own message, dated with day and month.
@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_4_second_status_check_refers_to_the_first(interview: Path, tone: str) -> None:
    got = by_id(drafts(interview, tone))
    first, second = got["status-check.1"], got["status-check.2"]
    assert first["body"] != second["body"]
    assert len(second["body"]) < len(first["body"])
    assert re.search(r"\b\d{1,2} November\b", second["body"]), second["body"]
    assert len(second["subject"]) <= 60
    weekday = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    for d in (first, second):
        for m in re.finditer(weekday, d["body"]):
            assert re.match(r"\s+\d{1,2} [A-Z][a-z]+", d["body"][m.end() :]), d["body"]


# 5. Details: subjects, legal suffix, URL, To, channel names.
@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_5_details(interview: Path, rejected: Path, tone: str) -> None:
    for d in drafts(interview, tone) + drafts(rejected, tone, now="2026-11-24T12:00:00-08:00"):
        assert len(d.get("subject", "")) <= 60, d["subject"]
        assert "Inc." not in d["body"]
        # Named without its legal form, and at most twice: a rejection reply's door frames
        # all name the company, so "a clear picture of Harbourview Health Systems ... I
        # remain interested in Harbourview Health Systems" is left (before the company was
        # spoken as its first word, it read "Harbourview" twice).
        assert d["body"].count("Harbourview Health Systems") <= 2, d["body"]
        assert "http" not in d["body"]
        assert "harbourview.example/careers" not in d["body"]
        assert d["channel"] in {"email", "linkedin-note", "linkedin-message"}
        if d["channel"] == "email":
            assert "@" in d["to"], d
        else:
            assert d["recipient"].get("linkedin"), d


def test_5_second_status_subject_fits_with_re(tmp_path: Path) -> None:
    # "Re: " and a first subject of 58 characters would be 62: a subject of its own instead.
    path = tmp_path / "long.toml"
    path.write_text(
        FILE.replace(
            "Senior Clinical Operations Program Manager, Outpatient Services",
            "Principal Regulatory Affairs Manager, Cell and Gene Therapies (EMEA)",
        ),
        encoding="utf-8",
    )
    for tone in ("formal", "warm", "brief"):
        got = by_id(drafts(path, tone))
        assert len(got["status-check.2"]["subject"]) <= 60, got["status-check.2"]["subject"]


def test_5_no_email_without_an_address(interview: Path, tmp_path: Path) -> None:
    out = tmp_path / "eml"
    code, _, err = run("draft", interview, "--format", "eml", "--out", out, "--now", NOW)
    assert code == 0, err
    files = sorted(out.glob("*.eml"))
    assert files
    for f in files:
        msg = email.parser.BytesParser(policy=email.policy.default).parsebytes(f.read_bytes())
        assert "@" in str(msg["To"]), f.name


def test_5_people_without_an_address_are_reached_another_way(interview: Path, rejected: Path) -> None:
    code, plan, _ = run("plan", interview, "--now", NOW)
    assert code == 0
    flat = " ".join(plan.split())
    assert "Søren has no email address or LinkedIn profile here, so this asks Ms. Aisha Bello to pass it on" in flat
    assert "张伟 has no email address here, so this goes as a LinkedIn message" in flat
    got = by_id(drafts(interview, "warm"))
    assert got["thank-you.x-a3a0bafd"]["channel"] == "linkedin-message"
    pass_on = [d for d in got.values() if "Søren" in d["body"] and d["step"] == "thank-you"]
    assert len(pass_on) == 1
    assert pass_on[0]["to"].startswith("Ms. Aisha Bello")
    code, plan, _ = run("plan", rejected, "--now", "2026-11-24T12:00:00-08:00")
    flat = " ".join(plan.split())
    assert "Find Søren on LinkedIn and connect" in flat  # a task: no profile
    assert "Søren has no LinkedIn profile here, so this is a task to find them on LinkedIn" in flat
    notes = [d for d in drafts(rejected, "warm", "2026-11-24T12:00:00-08:00") if d["channel"] == "linkedin-note"]
    assert [d["recipient"]["name"] for d in notes] == ["张伟"]


def test_5_check_uses_the_channel_a_draft_names(interview: Path, tmp_path: Path) -> None:
    # A LinkedIn message of 400 characters is fine; a connection note of 400 is not.
    code, out, _ = run("draft", interview, "thank-you.x-a3a0bafd", "--now", NOW)
    assert code == 0
    assert "· linkedin-message" in out
    draft = tmp_path / "draft.txt"
    draft.write_text(out, encoding="utf-8")
    code, report, _ = run("check", draft, "--interview", interview)
    assert code == 0, report
    assert "length" not in report, report
    code, report, _ = run("check", draft, "--interview", interview, "--channel", "linkedin-note", "--format", "json")
    assert code == 1
    assert [f["rule"] for f in json.loads(report)] in (["length"], ["length-note"])


# 6. Own drafts pass their own check, with the interview's facts.
@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_6_every_draft_passes_followup_check(interview: Path, rejected: Path, tmp_path: Path, tone: str) -> None:
    for path, now in ((interview, NOW), (rejected, "2026-11-24T12:00:00-08:00")):
        for d in drafts(path, tone, now):
            code, out, err = run("draft", path, d["id"], "--tone", tone, "--now", now)
            assert code == 0, err
            draft = tmp_path / "d.txt"
            draft.write_text(out, encoding="utf-8")
            code, report, _ = run("check", draft, "--interview", path)
            assert code == 0, (d["id"], report)


# What to build: the candidate's own material and the greeting name.
def test_highlights_promised_and_greeting_reach_the_drafts(interview: Path) -> None:
    got = by_id(drafts(interview, "warm"))
    # The highlights go once per panel (the same paragraph in every note reads as a mail
    # merge): to the interviewer whose conversation they bear on most.
    panel = ("dr-ingrid-muller", "prof-carlos-de-la-cruz", "mx-sam-okonkwo-reyes", "x-a3a0bafd")
    carrying = [w for w in panel if "I led the move of 30 clinics to one scheduling system." in got[f"thank-you.{w}"]["body"]]
    assert len(carrying) == 1, carrying
    assert "the rota model I mentioned" in got["thank-you.dr-ingrid-muller"]["body"]
    assert "the rota model I mentioned" not in got["thank-you.prof-carlos-de-la-cruz"]["body"]
    assert got["thank-you.mx-sam-okonkwo-reyes"]["body"].startswith("Hi Sammy,")


# What to build: the reminder in the candidate's hours, the send time in the recipient's zone.
def test_reminder_in_the_candidates_hours(interview: Path, tmp_path: Path) -> None:
    # The thank-you is due 13:00 in Los Angeles, 22:00 in Berlin: the reminder comes at 21:00 Berlin.
    out = tmp_path / "f.ics"
    code, _, err = run("ics", interview, "-o", out, "--now", NOW)
    assert code == 0, err
    unfolded = out.read_bytes().decode("utf-8").replace("\r\n ", "")
    event = unfolded.split("BEGIN:VEVENT")[1]
    assert "DTSTART;TZID=America/Los_Angeles:20261117T120000" in event
    assert "schedule it to send at Tue 17 Nov 13:00 Los Angeles time" in event.replace("\\,", ",")
