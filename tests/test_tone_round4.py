"""Tone rules from the misses of held-out round 4 (issue 15), tested in new wordings.

Each family has hits (phrasings it must give an error) and near-misses (innocent
wording with the same words that must not). The wordings are not the round-4
writers': the rules are meant to generalise to the next round's writers.
"""

from __future__ import annotations

import pytest

from followup.tone import Facts, Severity, check_tone


def wrap(body: str) -> str:
    """Wrap a body in a greeting and sign-off so only the body is under test."""
    return f"Hi Ana,\n\n{body}\n\nBest regards,\nSam"


def error_rules(body: str, facts: Facts | None = None) -> set[str]:
    found = check_tone(wrap(body), facts=facts)
    return {f.rule for f in found if f.severity is Severity.ERROR}


def flagged(body: str, rule: str) -> list[str]:
    return [f.text for f in check_tone(wrap(body)) if f.rule == rule]


class TestOwnDeadlineIsNotPressure:
    """A candidate passing on a deadline someone else set them is information."""

    @pytest.mark.parametrize(
        "body",
        [
            (
                "I've been asked to respond to another offer by Wednesday 14 May, so any "
                "update before then would be welcome; I understand if that isn't possible."
            ),
            "My current school has asked me to confirm by 30 April whether I'll stay on.",
            "I need to give the other firm my answer by Friday, so I wanted you to know.",
            "The agency needs me to sign by the 12th, purely for planning purposes.",
            "I was told to accept or decline their offer within five working days.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "pressure-deadline" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I need you to respond by Wednesday.",
            "Please confirm by 30 April whether I'm still in the running.",
            "I expect a reply by end of week.",
            "I'd appreciate a response by Friday.",
        ],
    )
    def test_a_deadline_for_them_is_still_an_error(self, body: str) -> None:
        assert "pressure-deadline" in error_rules(body)


class TestLinkInBrackets:
    def test_a_described_link_is_a_warning_not_an_error(self) -> None:
        body = "As promised, here is the link to the cover series: [portfolio link]"
        found = [f for f in check_tone(wrap(body)) if f.rule.startswith("placeholder")]
        assert [(f.rule, f.severity, f.text) for f in found] == [
            ("placeholder-link", Severity.WARNING, "[portfolio link]")
        ]

    @pytest.mark.parametrize(
        ("body", "text"),
        [
            ("I enjoyed meeting [Name] and the team.", "[Name]"),
            ("I'm excited about [Company]'s growth.", "[Company]"),
            ("Please see [link to be added later] for details.", "[link to be added later]"),
        ],
    )
    def test_other_brackets_are_still_placeholders(self, body: str, text: str) -> None:
        assert flagged(body, "placeholder-brackets") == [text]
