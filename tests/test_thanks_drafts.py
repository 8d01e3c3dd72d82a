"""Thank-you, connection-note, status-check and keep-in-touch drafts as blind judges read them.

Blind judges (a recipient and a career coach) scored our drafts against a careful
human's on fresh interview files (issue 14, drafts round 5). These tests hold what they
named, on a file of our own: topics pasted in a mail-merge rhythm, a CV line
dropped in, a recruiter on the panel thanked only for the conversation, closes of
boilerplate, connection notes without a name, second status checks without an
easy way to answer.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from drafting import cli_drafts, flat, sentences, write_file

FILE = """\
[candidate]
name = "Nadia Okafor"
email = "nadia@example.com"

[interview]
company = "Harbour Credit Ltd"
role = "Senior Data Scientist"
start = 2026-11-20T14:00:00
timezone = "Europe/London"
duration = "1h"
topics = ["the move to cloud scoring", "model governance"]
decision_expected = 2026-11-27
highlights = "At Pearl Microfinance I rebuilt the credit scorecard and cut defaults by 12%."
promised = "the paper on monotonic constraints I mentioned"

[[interview.interviewers]]
name = "Tom Reed"
title = "Data Science Lead"
email = "tom@hc.example"
linkedin = "https://www.linkedin.com/in/tomreed"
topics = ["moving the scorecard to gradient boosting", "explaining model decisions to the regulator"]

[[interview.interviewers]]
name = "Ruth Ade"
title = "Head of Collections"
email = "ruth@hc.example"
linkedin = "https://www.linkedin.com/in/ruthade"
topics = ["tying agents' incentives to collections", "the commute between Leeds and Manchester"]

[[interview.interviewers]]
name = "Kate Lowe"
title = "People Partner"
email = "kate@hc.example"
linkedin = "https://www.linkedin.com/in/katelowe"

[interview.recruiter]
name = "Kate Lowe"
title = "People Partner"
email = "kate@hc.example"

[outcome]
{outcome}

[plan]
preset = "after-interview"
tone = "{tone}"
status_checks = 2
{history}
"""

PENDING = 'status = "pending"'
REJECTED = 'status = "rejected"\nat = 2026-12-08'
FIRST_CHECK_DONE = """
[[history]]
event = "done"
step = "thank-you"
at = 2026-11-20T17:00:00

[[history]]
event = "done"
step = "status-check.1"
at = 2026-12-01T10:00:00
"""
TONES = ("formal", "warm", "brief")


def drafts(
    tmp_path: Path, tone: str, now: str, outcome: str = PENDING, history: str = ""
) -> dict[str, dict[str, Any]]:
    path = tmp_path / f"{tone}.toml"
    path.write_text(
        FILE.replace("{tone}", tone).replace("{outcome}", outcome).replace("{history}", history),
        encoding="utf-8",
    )
    return cli_drafts(path, now)


@pytest.mark.parametrize("tone", TONES)
def test_two_topics_share_one_sentence_and_nothing_claims_what_they_mean(
    tmp_path: Path, tone: str
) -> None:
    got = drafts(tmp_path, tone, "2026-11-20T10:00:00")
    ruth = got["thank-you.ruth-ade"]["body"]
    said = [s for s in sentences(ruth) if "tying agents' incentives" in s]
    assert len(said) == 1, ruth
    if tone != "brief":  # a brief note keeps to one topic
        assert "commute between Leeds and Manchester" in said[0], ruth
    for d in got.values():
        body = d["body"]
        assert "I also " not in body, body
        for claim in (
            "help with that",
            "that side of the role",
            "part of that work",
            "part of it",
            "work I'd enjoy",
        ):
            assert claim not in body, (claim, body)


@pytest.mark.parametrize("tone", TONES)
def test_the_highlights_follow_the_conversation_they_bear_on(tmp_path: Path, tone: str) -> None:
    got = drafts(tmp_path, tone, "2026-11-20T10:00:00")
    carrying = [k for k, d in got.items() if "Pearl Microfinance" in d["body"]]
    assert carrying == ["thank-you.tom-reed"], carrying
    body = flat(got["thank-you.tom-reed"]["body"])
    # Right after the sentence about that conversation, in the same paragraph, with no
    # lead-in ("It made me think of my own work:" read as a seam to the round-9 judges),
    # and not followed by a line of eagerness.
    assert re.search(r"gradient boosting[^.]*\. At Pearl Microfinance", body), body
    assert "own work" not in body
    assert "own experience" not in body
    assert "bring that" not in body, body
    assert "that experience" not in body, body


@pytest.mark.parametrize("tone", TONES)
def test_a_recruiter_on_the_panel_is_thanked_for_organising_and_told_the_date_is_noted(
    tmp_path: Path, tone: str
) -> None:
    body = flat(drafts(tmp_path, tone, "2026-11-20T10:00:00")["thank-you.kate-lowe"]["body"])
    assert re.search(r"organis|arrang|setting (up|everything up)", body), body
    assert re.search(r"panel|taking part", body), body
    assert "27 November" in body, body
    assert "references" in body, body
    # She heard the interview's topics: they are recalled as to any interviewer.
    assert "cloud scoring" in body, body


@pytest.mark.parametrize("tone", TONES)
def test_no_boilerplate_close(tmp_path: Path, tone: str) -> None:
    for d in drafts(tmp_path, tone, "2026-11-20T10:00:00").values():
        for stock in (
            "If you have any more questions",
            "I hope we get the chance to work together",
            "walking me through what",
            "I know it's a busy time",
        ):
            assert stock not in d["body"], (stock, d["body"])


@pytest.mark.parametrize("tone", TONES)
def test_every_connection_note_is_signed(tmp_path: Path, tone: str) -> None:
    got = drafts(tmp_path, tone, "2026-12-08T12:00:00", outcome=REJECTED)
    notes = {k: d for k, d in got.items() if k.startswith("linkedin-connect.")}
    assert set(notes) == {
        "linkedin-connect.tom-reed",
        "linkedin-connect.ruth-ade",
        "linkedin-connect.kate-lowe",
    }
    for d in notes.values():
        body = d["body"].strip()
        assert body.endswith(("Nadia", "Nadia Okafor")), body
        assert len(body) <= 200, body
        assert "thanks for the interview." not in body.lower(), body
        words = re.findall(r"[a-z']+", body.lower())
        assert words.count("good") <= 1, body


@pytest.mark.parametrize("tone", TONES)
def test_a_second_status_check_points_at_the_first_and_makes_answering_easy(
    tmp_path: Path, tone: str
) -> None:
    got = drafts(tmp_path, tone, "2026-12-03T10:00:00", history=FIRST_CHECK_DONE)
    second = flat(got["status-check.2"]["body"])
    assert "1 December" in second, second
    assert re.search(r"one-line|a line|a quick reply|a short reply|yes, no or not yet", second), (
        second
    )
    assert second != flat(got["status-check.1"]["body"])


@pytest.mark.parametrize("tone", TONES)
def test_something_promised_is_named_in_the_subject_and_the_body(tmp_path: Path, tone: str) -> None:
    got = drafts(tmp_path, tone, "2026-11-20T10:00:00")
    tom = got["thank-you.tom-reed"]
    assert "the paper on monotonic constraints" in tom["subject"], tom["subject"]
    assert "I mentioned" not in tom["subject"], tom["subject"]
    assert len(tom["subject"]) <= 60
    assert "the paper on monotonic constraints I mentioned" in flat(tom["body"])
    # Nobody else heard the promise: their subjects do not name it.
    for key in ("thank-you.ruth-ade", "thank-you.kate-lowe"):
        assert "paper" not in got[key]["subject"], got[key]["subject"]
        assert "promised" not in got[key]["subject"], got[key]["subject"]


def test_a_long_promised_item_gives_a_subject_that_still_says_so() -> None:
    from followup.wording import _promised_item

    assert (
        _promised_item("the paper on directed evolution I mentioned.")
        == "the paper on directed evolution"
    )
    assert _promised_item("my notes, as promised") == "my notes"
    assert _promised_item("a link to the dashboard we discussed") == "a link to the dashboard"
    assert _promised_item("slides I mentioned") == "slides I mentioned"  # one word left: kept whole


KEEP_IN_TOUCH_HISTORY = """
[[history]]
event = "reply"
at = 2027-02-10
contact = "Kate Lowe"
"""
REJECTED_BY_KATE = 'status = "rejected"\nat = 2026-12-08\ncontact = "Kate Lowe"'


@pytest.mark.parametrize("tone", TONES)
def test_a_check_in_is_placed_by_the_last_contact_in_the_history(tmp_path: Path, tone: str) -> None:
    got = drafts(
        tmp_path,
        tone,
        "2027-02-20T10:00:00",
        outcome=REJECTED_BY_KATE,
        history=KEEP_IN_TOUCH_HISTORY,
    )
    body = flat(got["keep-in-touch"]["body"])
    assert "February" in body, body
    assert "November" not in body, body  # the interview's month gives way to the later contact
    # Without the reply, the last contact is the rejection she sent in December.
    got = drafts(tmp_path, tone, "2027-02-20T10:00:00", outcome=REJECTED_BY_KATE)
    body = flat(got["keep-in-touch"]["body"])
    assert "December" in body, body


@pytest.mark.parametrize("tone", TONES)
def test_a_check_in_claims_nothing_about_what_a_topic_means(tmp_path: Path, tone: str) -> None:
    got = drafts(tmp_path, tone, "2027-02-20T10:00:00", outcome=REJECTED_BY_KATE)
    body = flat(got["keep-in-touch"]["body"])
    assert "gradient boosting is going" not in body, body
    assert "gradient boosting turned out" not in body, body


@pytest.mark.parametrize("tone", TONES)
def test_the_highlights_stand_as_written_even_without_a_topic(tmp_path: Path, tone: str) -> None:
    path = tmp_path / "no-topics.toml"
    text = re.sub(r"(?m)^topics = \[.*\]$", "topics = []", FILE)
    path.write_text(
        text.replace("{tone}", tone).replace("{outcome}", PENDING).replace("{history}", ""),
        encoding="utf-8",
    )
    drafted = cli_drafts(path, "2026-11-20T10:00:00", all_=False)
    bodies = [flat(d["body"]) for d in drafted.values()]
    carrying = [b for b in bodies if "Pearl Microfinance" in b]
    assert len(carrying) == 1, bodies
    assert re.search(r"\. At Pearl Microfinance I rebuilt", carrying[0]), carrying[0]
    assert "own work" not in carrying[0]


@pytest.mark.parametrize("tone", TONES)
def test_a_status_check_claims_nothing_about_what_a_topic_means(tmp_path: Path, tone: str) -> None:
    for d in drafts(tmp_path, tone, "2026-12-03T10:00:00", history=FIRST_CHECK_DONE).values():
        assert "get into" not in d["body"], d["body"]


def _promise_sentence(tmp_path: Path, tone: str, promised: str) -> tuple[str, str]:
    path = tmp_path / "promise.toml"
    text = FILE.replace("{tone}", tone).replace("{outcome}", PENDING).replace("{history}", "")
    path.write_text(text.replace("the paper on monotonic constraints I mentioned", promised), encoding="utf-8")
    body = flat(cli_drafts(path, "2026-11-20T10:00:00")["thank-you.tom-reed"]["body"])
    (sentence,) = [s for s in sentences(body) if promised in s]
    return sentence, body


@pytest.mark.parametrize("tone", TONES)
def test_a_promised_link_is_shared_not_attached(tmp_path: Path, tone: str) -> None:
    for promised in ("a link to the scorecard dashboard I mentioned", "the URL of our model cards"):
        sentence, body = _promise_sentence(tmp_path, tone, promised)
        assert "attach" not in sentence.lower(), sentence
        assert re.search(r"\b(here is|here's|sharing)\b", sentence, re.IGNORECASE), sentence
        assert body.count("attach") == 0, body
    # Something to attach is still attached.
    sentence, _ = _promise_sentence(tmp_path, tone, "the paper on monotonic constraints I mentioned")
    assert re.search(r"attach", sentence, re.IGNORECASE), sentence


@pytest.mark.parametrize("tone", TONES)
def test_an_item_that_says_it_was_promised_is_not_as_promised_again(tmp_path: Path, tone: str) -> None:
    for promised, verb in (("the notes I promised", "attach"), ("the link I promised you", "here")):
        sentence, body = _promise_sentence(tmp_path, tone, promised)
        assert body.lower().count("promise") == 1, body
        assert "as i said i would" not in body.lower(), body
        assert verb in sentence.lower(), sentence


SCREENING = """\
[candidate]
name = "Maya Chen"
email = "maya@example.com"

[interview]
company = "Brightwater Analytics"
role = "Senior Product Designer"
start = 2026-03-03T10:30:00
timezone = "America/New_York"
duration = "30m"
topics = ["the design team's growth plans"]
{decision}

[interview.recruiter]
name = "Lena Fischer"
email = "lena@brightwater.example"

[plan]
preset = "after-interview"
tone = "{tone}"
"""


@pytest.mark.parametrize("tone", TONES)
def test_a_screening_call_thank_you_names_the_decision_date(tmp_path: Path, tone: str) -> None:
    def thank_you(decision: str) -> str:
        text = SCREENING.replace("{tone}", tone).replace("{decision}", decision)
        path = write_file(tmp_path, text, "screening.toml")
        drafted = cli_drafts(path, "2026-03-03T11:00:00")
        (d,) = [d for d in drafted.values() if d["step"] == "thank-you"]
        return flat(d["body"])

    body = thank_you("decision_expected = 2026-03-10")
    assert "Tuesday 10 March" in body, body
    # She was the conversation: it is recalled as with any interviewer.
    assert "the design team's growth plans" in body, body
    without = thank_you("")
    assert "Tuesday 10 March" not in without, without
    assert "decide" not in without, without
    assert "decision" not in without, without


@pytest.mark.parametrize("tone", TONES)
def test_a_status_check_to_a_recruiter_on_the_panel_says_they_were_on_it(tmp_path: Path, tone: str) -> None:
    got = drafts(tmp_path, tone, "2026-12-01T10:00:00")
    body = flat(got["status-check.1"]["body"])
    assert got["status-check.1"]["to"].startswith("Kate Lowe")
    first = sentences(body.split(",", 1)[1])[0]
    assert "panel" in first, body
    assert re.search(r"organis|arrang|setting up|set up", first), body
    assert re.search(r"process|news|update", body), body
    assert "27 November" in body, body
    words = re.findall(r"[a-z']+", body.lower())
    assert words.count("know") <= 1, body
