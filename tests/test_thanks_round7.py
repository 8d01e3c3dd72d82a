"""Thank-you, connection-note and status-check drafts as the blind judges of drafts round 7
read them (issue 14): a moment that is itself thanks, pronouns without a referent, frames
that put words in the interviewer's mouth, closes that are sign-offs, Japanese greetings."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from drafting import cli_drafts, flat, write_file

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

[[interview.interviewers]]
name = "Tom Reed"
email = "tom@hc.example"
linkedin = "https://www.linkedin.com/in/tomreed"
topics = ["battery returns"]
moment = "{m1}"

[[interview.interviewers]]
name = "Ruth Ade"
email = "ruth@hc.example"
linkedin = "https://www.linkedin.com/in/ruthade"
topics = ["tying agents' incentives to collections"]
moment = "{m2}"

[interview.recruiter]
name = "Kate Lowe"
title = "People Partner"
email = "kate@hc.example"
moment = "{m3}"

[outcome]
{outcome}

[plan]
preset = "after-interview"
tone = "{tone}"
status_checks = 2
"""
TONES = ("formal", "warm", "brief")
PENDING = 'status = "pending"'
REJECTED = 'status = "rejected"\nat = 2026-12-08'
THANKS_TOM = "Thank you for walking me round the test lab, and for your question on battery returns."
THANKS_RUTH = "I'm grateful for the tour of the collections floor."
THANKS_KATE = "Many thanks for the tip about the portfolio review."


def drafts(
    tmp_path: Path,
    tone: str,
    now: str = "2026-11-20T10:00:00",
    *,
    m1: str = THANKS_TOM,
    m2: str = THANKS_RUTH,
    m3: str = THANKS_KATE,
    outcome: str = PENDING,
) -> dict[str, dict[str, Any]]:
    text = FILE
    for key, value in {"m1": m1, "m2": m2, "m3": m3, "tone": tone, "outcome": outcome}.items():
        text = text.replace("{" + key + "}", value)
    path = write_file(tmp_path, text, f"{tone}.toml")
    return cli_drafts(path, now)


THANKS = re.compile(r"\b(thank|thanks|grateful|appreciat)", re.IGNORECASE)


class TestAMomentThatThanks:
    @pytest.mark.parametrize("tone", TONES)
    def test_it_is_the_thanks_of_the_thank_you(self, tmp_path: Path, tone: str) -> None:
        got = drafts(tmp_path, tone)
        for key, moment in (("thank-you.tom-reed", THANKS_TOM), ("thank-you.ruth-ade", THANKS_RUTH)):
            body = flat(got[key]["body"])
            opening = body.split(", ", 1)[1]  # after the greeting
            assert opening.startswith(moment), body
            # Thanked once: no other sentence before the sign-off thanks again.
            rest = opening[len(moment) :].rsplit(" Nadia", 1)[0]
            assert not THANKS.search(rest), body
            # The role is still in the subject.
            assert "Senior Data Scientist" in got[key]["subject"], got[key]["subject"]

    @pytest.mark.parametrize("tone", TONES)
    def test_it_is_the_thanks_of_the_first_status_check(self, tmp_path: Path, tone: str) -> None:
        body = flat(drafts(tmp_path, tone)["status-check.1"]["body"])
        assert body.split(", ", 1)[1].startswith(THANKS_KATE), body
        assert len(THANKS.findall(body.split(THANKS_KATE, 1)[1])) <= 1, body

    @pytest.mark.parametrize("tone", TONES)
    def test_it_is_the_thanks_of_the_connection_note(self, tmp_path: Path, tone: str) -> None:
        got = drafts(tmp_path, tone, "2026-12-08T12:00:00", outcome=REJECTED)
        body = flat(got["linkedin-connect.tom-reed"]["body"])
        assert re.match(r"(Dear|Hi) Tom, thank you for walking me round the test lab", body), body
        assert len(THANKS.findall(body)) == 1, body
        assert body.count("battery returns") == 1, body
        assert body.endswith(("Nadia", "Nadia Okafor")), body

    @pytest.mark.parametrize("tone", TONES)
    def test_a_thanks_too_long_for_the_note_gives_way_to_the_topic(self, tmp_path: Path, tone: str) -> None:
        long = "Thank you for walking me round the test lab and the returns bay " + "and the " * 20 + "yard."
        got = drafts(tmp_path, tone, "2026-12-08T12:00:00", m1=long, outcome=REJECTED)
        body = flat(got["linkedin-connect.tom-reed"]["body"])
        assert "test lab" not in body, body
        assert len(body) <= 200, body
        assert body.endswith(("Nadia", "Nadia Okafor")), body

    @pytest.mark.parametrize("tone", TONES)
    def test_a_moment_that_does_not_thank_still_follows_the_thanks(self, tmp_path: Path, tone: str) -> None:
        moment = "Our debate about scorecards ran over."
        body = flat(drafts(tmp_path, tone, m1=moment)["thank-you.tom-reed"]["body"])
        first, second = re.split(r"(?<=[.!?]) ", body.split(", ", 1)[1])[:2]
        assert THANKS.search(first), body
        assert second == moment, body

    @pytest.mark.parametrize(
        "line",
        ["Thanks again for the tour.", "thank you for the tour.", "I am grateful for the tour.", "I’m grateful for the tour."],
    )
    def test_the_openers_are_read_from_the_phrase_file(self, line: str) -> None:
        from followup.render import _opens_with_thanks

        # "Thank you, too," follows another thanks: it is no opening.
        assert not _opens_with_thanks("Thank you, too, for the tour.")
        assert not _opens_with_thanks("Thanks also for the tour.")

        assert _opens_with_thanks(line)
        assert not _opens_with_thanks("Thanksgiving came up: " + line)
        assert not _opens_with_thanks("The tour was great. " + line)


NAMES = ("Tom Reed", "Ann Lee", "Raj Patel", "Eva Novak", "Sam Cole", "Lia Moretti", "Ben Ode", "Zoe Hart")


def _one(tmp_path: Path, tone: str, name: str, moment: str, topics: str = "") -> str:
    text = f"""\
[candidate]
name = "Nadia Okafor"
email = "nadia@example.com"

[interview]
company = "Harbour Credit Ltd"
role = "Senior Data Scientist"
start = 2026-11-20T14:00:00
timezone = "Europe/London"
duration = "1h"

[[interview.interviewers]]
name = "{name}"
email = "x@hc.example"
{topics}
moment = "{moment}"

[outcome]
status = "pending"

[plan]
preset = "after-interview"
tone = "{tone}"
"""
    path = write_file(tmp_path, text, "one.toml")
    drafted = cli_drafts(path, "2026-11-20T10:00:00")
    return flat(next(d for d in drafted.values() if d["id"].startswith("thank-you"))["body"])


class TestPronounsAfterAMoment:
    @pytest.mark.parametrize("tone", TONES)
    def test_no_it_or_that_right_after_a_moment_that_ends_on_something_else(self, tmp_path: Path, tone: str) -> None:
        moment = "I loved the tour of the lab, and I hope you have a good holiday."
        for name in NAMES:
            body = _one(tmp_path, tone, name, moment)
            after = body.split(moment, 1)[1].strip()
            assert not re.match(r"(It|That|This)\b", after), body

    @pytest.mark.parametrize("tone", TONES)
    def test_after_a_topic_recall_they_still_may(self, tmp_path: Path, tone: str) -> None:
        bodies = [
            _one(tmp_path, tone, name, "I loved the tour of the lab.", 'topics = ["battery returns"]')
            for name in NAMES
        ]
        assert all("battery returns" in b for b in bodies), bodies


# Frames in the kinds the thank-you side owns: none may claim what the person said or
# thought, and no close is a sign-off of its own.
OWN_KINDS = ("thank-you", "pass-on-thanks", "status-check", "status-check-again", "linkedin-connect", "keep-in-touch")
ATTRIBUTION = re.compile(
    r"your (take|thoughts|views?|perspective|thinking|insights?|point|comments|questions|advice|explanation)"
    r"|what (you|\{about_first_name\}) (said|told)|you told|\{about_first_name\}'s thoughts"
    r"|how you see|where you'd like|hear(ing)? about (\{topic|battery|the move)|the detail on|going into",
    re.IGNORECASE,
)
VALEDICTION = re.compile(
    r"^(with )?(best|warm|kind|all the best|warmest|every good)( wishes| regards)?\b|^wishing\b|^all the best\b|^(with )?(best|kind|warm) (wishes|regards)",
    re.IGNORECASE,
)


def _frames(slot_filter: str | None = None) -> list[tuple[str, str]]:
    from followup.lang import language

    found = []
    tables = language("en").data["frames"]
    for kind in OWN_KINDS:
        for slot, entry in tables.get(kind, {}).items():
            if slot_filter is not None and slot != slot_filter:
                continue
            stack = [entry]
            while stack:
                node = stack.pop()
                if isinstance(node, Mapping):
                    stack.extend(node.values())
                elif isinstance(node, (list, tuple)):
                    found.extend((f"{kind}.{slot}", text) for text in node)
    return found


class TestNeutralTopics:
    def test_no_frame_claims_what_the_person_said_or_thought(self) -> None:
        bad = [(where, text) for where, text in _frames() if ATTRIBUTION.search(text)]
        assert not bad, bad

    @pytest.mark.parametrize("tone", TONES)
    def test_the_drafts_talk_about_the_conversation(self, tmp_path: Path, tone: str) -> None:
        for name in NAMES:
            for moment in ("I loved the tour of the lab.", "Our debate about scorecards ran over."):
                body = _one(
                    tmp_path, tone, name, moment, 'topics = ["battery returns", "the move to cloud scoring"]'
                )
                assert not ATTRIBUTION.search(body), body
                assert "were useful" not in body, body


class TestCloses:
    def test_no_close_is_a_sign_off(self) -> None:
        frames = [*_frames("close"), *_frames("note_close")]
        assert frames
        bad = [(where, text) for where, text in frames if VALEDICTION.search(text.lstrip("["))]
        assert not bad, bad

    @pytest.mark.parametrize("tone", TONES)
    def test_the_check_in_ends_once(self, tmp_path: Path, tone: str) -> None:
        got = drafts(tmp_path, tone, "2026-12-20T12:00:00", outcome=REJECTED)
        bodies = [d["body"] for k, d in got.items() if k.startswith("keep-in-touch")]
        assert bodies
        for body in bodies:
            paragraphs = [p for p in body.split("\n\n") if p.strip()]
            last_line = paragraphs[-2].strip().splitlines()[-1]
            last_sentence = re.split(r"(?<=[.!?]) ", last_line)[-1]
            assert not VALEDICTION.search(last_sentence), body


JAPAN = """\
[candidate]
name = "Nadia Okafor"
email = "nadia@example.com"
timezone = "Europe/London"

[interview]
company = "Harbour Robotics KK"
role = "Field Engineer"
start = 2026-11-20T14:00:00
timezone = "Asia/Tokyo"
duration = "1h"

[[interview.interviewers]]
name = "Sato Kenji"
family_name = "Sato"
email = "sato@hr.example"
linkedin = "https://www.linkedin.com/in/satokenji"
{honorific}

[[interview.interviewers]]
name = "Yuki Tanaka"
email = "tanaka@hr.example"

[outcome]
status = "pending"

[plan]
preset = "after-interview"
tone = "{tone}"
"""


class TestJapaneseRecipients:
    def _greetings(self, tmp_path: Path, tone: str, honorific: str = "") -> dict[str, str]:
        text = JAPAN.replace("{tone}", tone).replace("{honorific}", honorific)
        path = write_file(tmp_path, text, "japan.toml")
        drafted = cli_drafts(path, "2026-11-20T10:00:00")
        return {
            key: d["body"].split("\n", 1)[0]
            for key, d in drafted.items()
            if key.startswith("thank-you")
        }

    @pytest.mark.parametrize("tone", TONES)
    def test_without_an_honorific_the_family_name_and_san(self, tmp_path: Path, tone: str) -> None:
        got = self._greetings(tmp_path, tone)
        assert got["thank-you.sato-kenji"] == "Dear Sato-san,", got
        assert got["thank-you.yuki-tanaka"] == "Dear Tanaka-san,", got

    @pytest.mark.parametrize("tone", TONES)
    def test_a_title_the_file_gives_still_wins(self, tmp_path: Path, tone: str) -> None:
        got = self._greetings(tmp_path, tone, 'honorific = "Mr"')
        assert got["thank-you.sato-kenji"] in {"Dear Mr Sato,", "Dear Mr. Sato,"}, got
