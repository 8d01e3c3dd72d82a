"""Leftovers reviewers found in the outcome drafts (issue 14, wave of 2 Dec), each read from
the real text: the offer reply says "offer" once; a check-in after a withdrawal says
"process" and "touch" once; a reason after "To explain:" continues in lower case unless it
opens with a name, an acronym or "I"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from drafting import cli_drafts, write_file

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TONES = ("formal", "warm", "brief")


def _text(tone: str, company: str, outcome: str, *, recruiter: bool = True) -> str:
    text = (EXAMPLES / "offer-declined.toml").read_text(encoding="utf-8")
    text = text.replace('tone = "warm"', f'tone = "{tone}"').replace("Harbourline Logistics Ltd", company)
    start, end = text.index("[outcome]"), text.index("[plan]")
    text = text[:start] + outcome + "\n" + text[end:]
    if not recruiter:
        a, b = text.index("[interview.recruiter]"), text.index("[outcome]")
        text = text[:a] + text[b:]
    return text


def _drafts(tmp_path: Path, text: str, now: str) -> dict[str, tuple[str, str]]:
    drafted = cli_drafts(write_file(tmp_path, text), now)
    return {key: (d.get("subject") or "", d["body"]) for key, d in drafted.items()}


def _own_sentences(body: str) -> str:
    """The body without its greeting and sign-off."""
    return body.split("\n", 1)[1].rsplit("\n\n", 1)[0]


COMPANIES = [f"{name} Logistics Ltd" for name in ("Harbourline", "Quayside", "Tidewater", "Berthwell", "Portgate", "Keelson")]
WITHDRAWN = '[outcome]\nstatus = "withdrawn"\nat = 2026-06-04\nreason = "I have decided to stay in my current role"\n'


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("recruiter", [True, False])
def test_a_check_in_after_a_withdrawal_says_process_and_touch_once(
    tmp_path: Path, tone: str, recruiter: bool
) -> None:
    seen = 0
    for company in COMPANIES:
        got = _drafts(tmp_path, _text(tone, company, WITHDRAWN, recruiter=recruiter), "2026-06-04T18:00:00+01:00")
        for key, (subject, body) in got.items():
            if not key.startswith("withdrawal-keep-in-touch"):
                continue
            seen += 1
            text = f"{subject}\n{_own_sentences(body)}"
            for word in ("process", "touch"):
                assert len(re.findall(word, text, re.IGNORECASE)) <= 1, (word, text)
    assert seen


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("written", [True, False])
def test_the_offer_reply_says_offer_once(tmp_path: Path, tone: str, written: bool) -> None:
    pending = (
        '[outcome]\nstatus = "offer"\nat = 2026-06-05\ncontact = "Gemma Walsh"\nrespond_by = 2026-06-12\n'
        f"written = {'true' if written else 'false'}\n"
    )
    for company in COMPANIES:
        got = _drafts(tmp_path, _text(tone, company, pending), "2026-06-05T18:00:00+01:00")
        body = _own_sentences(got["offer-reply"][1])
        assert body.count("offer") == 1, body
        if written:
            assert "send" not in body
        else:
            assert "in writing" in body


@pytest.mark.parametrize(
    ("reason", "want"),
    [
        ("Closer to home", "closer to home."),
        ("Family reasons", "family reasons."),
        ("Nairobi, for my family", "Nairobi, for my family."),
        ("NHS pension rules", "NHS pension rules."),
    ],
)
def test_a_short_reason_after_a_colon_keeps_a_capital_only_for_a_name(
    tmp_path: Path, reason: str, want: str
) -> None:
    outcome = WITHDRAWN.replace("I have decided to stay in my current role", reason)
    for tone in TONES:
        body = _drafts(tmp_path, _text(tone, COMPANIES[0], outcome), "2026-06-04T18:00:00+01:00")["withdrawal"][1]
        assert re.search(r"(To explain|In short|By way of explanation): " + re.escape(want), body), body


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("decision", ["accept", "decline"])
def test_the_answer_to_an_offer_says_offer_once(tmp_path: Path, tone: str, decision: str) -> None:
    answered = (
        '[outcome]\nstatus = "offer"\nat = 2026-06-05\ncontact = "Gemma Walsh"\nrespond_by = 2026-06-12\n'
        f'decision = "{decision}"\ndecided = 2026-06-09\n'
    )
    step = f"offer-{decision}"
    for company in COMPANIES:
        got = _drafts(tmp_path, _text(tone, company, answered), "2026-06-09T12:00:00+01:00")
        body = _own_sentences(got[step][1])
        assert len(re.findall(r"\boffer", body)) == 1, body
        assert ("declin" in body) == (decision == "decline"), body
