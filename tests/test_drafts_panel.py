"""Drafts to a panel and to people of other cultures, read as the recipient would (issues 14, 22).

Blind judges compared our drafts with a careful human's: these tests hold the
findings they named, on files of our own (other names, places and outcomes).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from followup.cli import main

PANEL = """\
[candidate]
name = "Mei Chen"
email = "mei.chen@example.com"

[interview]
company = "Northgate Water Ltd"
role = "Senior Hydrologist"
stage = "panel interview"
start = 2026-04-14T10:00:00
timezone = "{zone}"
duration = "1 hour"
decision_expected = 2026-04-24
highlights = "I led the flood-risk modelling for the Severn catchment, which cut forecast error by a third."

[[interview.interviewers]]
name = "Professor Alan Reid"
title = "Director of Science (Panel Chair)"
email = "alan.reid@northgate.example"
topics = ["the utility's long-term research strategy"]

[[interview.interviewers]]
name = "Tan Wei Ling"
family_name = "Tan"
honorific = "Ms"
title = "Principal Hydrologist"
email = "weiling.tan@northgate.example"
topics = ["rebuilding the flood-risk forecasting models", "sharing data with the regional councils"]

[[interview.interviewers]]
name = "Nur Aisyah binti Ahmad"
honorific = "Dr"
title = "Head of Data"
email = "aisyah@northgate.example"
topics = ["the sensor network along the river"]
promised = "the paper on sensor calibration I mentioned"

[interview.recruiter]
name = "Gareth Lloyd"
honorific = "Mr"
title = "Recruitment Partner"
email = "gareth.lloyd@northgate.example"

[plan]
preset = "after-interview"
tone = "formal"
"""

WITHDRAWN = """\
[candidate]
name = "Ana Costa"
email = "ana@example.com"

[interview]
company = "Bluefin Analytics Inc."
role = "Data Analyst"
stage = "screening call"
start = 2026-06-03T09:00:00
timezone = "America/Chicago"
duration = "30m"

[interview.recruiter]
name = "Dana Whitaker"
email = "dana@bluefin.example"

[outcome]
status = "withdrawn"
at = 2026-06-05T10:00:00
reason = "I have accepted another offer."

[plan]
preset = "after-interview"
tone = "{tone}"
"""

STOCK = (
    "confirmed my interest",
    "welcome the opportunity to bring my experience",
    "a clearer sense of how i could contribute",
    "as background to our conversation",
    "add a word about my background",
    "one point about my background",
    "gave me a clear picture of the team's priorities",
)


def drafts(path: Path, now: str, tone: str | None = None) -> dict[str, dict[str, Any]]:
    out, err = io.StringIO(), io.StringIO()
    argv = ["draft", str(path), "--format", "json", "--now", now]
    if tone:
        argv += ["--tone", tone]
    code = main(argv, stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    return {d["id"]: d for d in json.loads(out.getvalue())}


def panel(tmp_path: Path, zone: str = "Europe/London", tone: str | None = None) -> dict[str, dict[str, Any]]:
    path = tmp_path / "panel.toml"
    path.write_text(PANEL.replace("{zone}", zone), encoding="utf-8")
    return drafts(path, "2026-04-14T13:00:00+01:00" if zone == "Europe/London" else "2026-04-14T13:00:00-04:00", tone)


def thank_yous(got: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {k: v["body"] for k, v in got.items() if k.startswith("thank-you.")}


@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_panel_notes_have_no_stock_lines_and_the_highlights_once(tmp_path: Path, tone: str) -> None:
    notes = thank_yous(panel(tmp_path, tone=tone))
    assert len(notes) == 3
    for body in notes.values():
        lowered = body.lower()
        for line in STOCK:
            assert line not in lowered, (line, body)
    carrying = [k for k, b in notes.items() if "Severn catchment" in b]
    # Once, to the member whose topics it bears on (flood-risk modelling), not to the chair.
    assert carrying == ["thank-you.tan-wei-ling"], carrying


@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_a_panel_note_does_not_repeat_its_own_marked_words(tmp_path: Path, tone: str) -> None:
    for body in thank_yous(panel(tmp_path, tone=tone)).values():
        text = body.split("\n\n", 1)[1].rsplit("\n\n", 1)[0].lower()  # no greeting or sign-off
        words = re.findall(r"[a-z]+", text)
        for stem in ("apprecia", "valu", "especial", "particular", "understand"):
            assert sum(w.startswith(stem) for w in words) <= 1, (stem, body)


def test_the_chair_is_thanked_for_chairing(tmp_path: Path) -> None:
    notes = thank_yous(panel(tmp_path))
    assert "chairing" in notes["thank-you.professor-alan-reid"]
    assert "chairing" not in notes["thank-you.tan-wei-ling"]


def test_honorifics_and_names_in_greetings(tmp_path: Path) -> None:
    formal = thank_yous(panel(tmp_path))
    assert formal["thank-you.tan-wei-ling"].startswith("Dear Ms Tan,")
    assert formal["thank-you.nur-aisyah-binti-ahmad"].startswith("Dear Dr Nur Aisyah,")
    assert formal["thank-you.professor-alan-reid"].startswith("Dear Professor Reid,")
    warm = thank_yous(panel(tmp_path, tone="warm"))
    # The file writes her name family name first and gives her honorific: that is how she is
    # addressed in every tone, and a titled name opens with "Dear" (it was "Hi Wei Ling";
    # blind judges found the given name too familiar for a Korean recruiter so written).
    assert warm["thank-you.tan-wei-ling"].startswith("Dear Ms Tan,")
    assert warm["thank-you.nur-aisyah-binti-ahmad"].startswith("Hello Dr Nur Aisyah,")


@pytest.mark.parametrize(
    ("zone", "never", "allowed"),
    [
        ("America/New_York", "Yours sincerely,", {"Best regards,", "Sincerely,", "Kind regards,"}),
        ("Europe/London", None, {"Kind regards,", "Yours sincerely,", "Best regards,", "With best regards,"}),
    ],
)
def test_a_formal_sign_off_follows_the_recipients_country(
    tmp_path: Path, zone: str, never: str | None, allowed: set[str]
) -> None:
    for body in panel(tmp_path, zone=zone).values():
        if "body" not in body or not body.get("subject"):
            continue
        sign_off = body["body"].rsplit("\n\n", 1)[1].splitlines()[0]
        assert sign_off in allowed, sign_off
        if never:
            assert never not in body["body"]


@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_a_withdrawal_names_the_role_the_company_and_the_conversation(tmp_path: Path, tone: str) -> None:
    path = tmp_path / "withdrawn.toml"
    path.write_text(WITHDRAWN.replace("{tone}", tone), encoding="utf-8")
    body = drafts(path, "2026-06-05T12:00:00-05:00")["withdrawal"]["body"]
    assert "Data Analyst" in body
    # The company without its legal form: "Bluefin Analytics", not "Bluefin Analytics Inc."
    # (nor its first word alone, which for other names reads "General" or "Boston").
    assert "Bluefin Analytics" in body
    assert "Inc." not in body
    assert "3 June" in body
    assert "I have accepted another offer." in body


# A fourth member, a cleric; the panel's recruiter gets drafts after a rejection.
CHAPLAIN = """
[[interview.interviewers]]
name = "Rev. Alasdair MacLeod"
title = "College Chaplain"
email = "alasdair.macleod@northgate.example"
topics = ["the quiet room on the main site"]
"""
REJECTED = """
[outcome]
status = "rejected"
at = 2026-04-20T10:00:00
contact = "Gareth Lloyd"
"""


def four(tmp_path: Path, tone: str, outcome: str = "", zone: str = "Europe/London") -> dict[str, dict[str, Any]]:
    text = PANEL.replace("{zone}", zone).replace('tone = "formal"', f'tone = "{tone}"')
    head, _, plan = text.partition("[interview.recruiter]")
    path = tmp_path / "four.toml"
    path.write_text(head + CHAPLAIN + "\n[interview.recruiter]" + plan + outcome, encoding="utf-8")
    now = "2026-04-21T09:00:00+01:00" if outcome else "2026-04-14T13:00:00+01:00"
    out, err = io.StringIO(), io.StringIO()
    code = main(["draft", str(path), "--format", "json", "--now", now, "--all"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    return {d["id"]: d for d in json.loads(out.getvalue()) if d.get("body")}


@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
@pytest.mark.parametrize("outcome", ["", REJECTED], ids=["pending", "rejected"])
def test_prose_names_things_as_a_colleague_would(tmp_path: Path, tone: str, outcome: str) -> None:
    """No stage label, no registered company name, no roll call, British titles undotted."""
    got = four(tmp_path, tone, outcome)
    assert got
    for key, d in got.items():
        body = d["body"]
        # The stage is the candidate's label, never a phrase of the prose ("in the panel interview").
        assert "panel interview" not in body, (key, body)
        # Never the registered name to its own people.
        assert "Northgate Water Ltd" not in body, (key, body)
        # A London recipient reads "Dr Nur Aisyah", "Ms Tan", never "Dr." or "Ms.".
        assert not re.search(r"\b(Dr|Ms|Mr|Mrs|Prof)\.", body), (key, body)
        # Four interviewers are "the panel" to the recruiter, never a roll call of full names.
        assert not ("Alan Reid" in body and "Tan Wei Ling" in body), (key, body)
        # A cleric is greeted by the given name, never "Hello Rev. MacLeod".
        assert "Rev" not in body.split("\n", 1)[0], (key, body)
    chaplain = [d["body"] for k, d in got.items() if "macleod" in k]
    for body in chaplain:
        assert body.startswith(("Dear Alasdair,", "Hi Alasdair,")), body


def test_a_role_is_named_without_its_team_in_prose(tmp_path: Path) -> None:
    path = tmp_path / "role.toml"
    text = PANEL.replace("{zone}", "America/New_York").replace(
        'role = "Senior Hydrologist"', 'role = "Senior Hydrologist, Flood Forecasting (Fixed Term)"'
    )
    path.write_text(text, encoding="utf-8")
    got = drafts(path, "2026-04-14T13:00:00-04:00")
    for key, d in got.items():
        if not d.get("body"):
            continue
        assert "Flood Forecasting" not in d["body"], (key, d["body"])
        assert "Fixed Term" not in d["body"], (key, d["body"])
    assert any("Senior Hydrologist" in d.get("body", "") for d in got.values())
