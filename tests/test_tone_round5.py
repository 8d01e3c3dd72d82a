"""Tone rules from held-out round 5 and development round 6 (issue 15), in new wordings.

Each family has hits (phrasings it must give an error) and near-misses (gracious
wording with the same words that must not). The wordings are not the writers':
the rules are meant to catch a whole kind of failure, however it is phrased.
"""

from __future__ import annotations

import pytest

from followup.tone import Severity, check_tone


def wrap(body: str) -> str:
    """Wrap a body in a greeting and sign-off so only the body is under test."""
    return f"Hi Ana,\n\n{body}\n\nBest regards,\nSam"


def error_rules(body: str) -> set[str]:
    return {f.rule for f in check_tone(wrap(body)) if f.severity is Severity.ERROR}


class TestConsiderationIsNotBlame:
    """'It wouldn't be fair to <them> for me to continue' is consideration, not a grievance."""

    @pytest.mark.parametrize(
        "body",
        [
            "It wouldn't be fair to Northgate Water for me to continue when I can't relocate.",
            "It would not be fair on the hiring team if I stayed in the process.",
            "It wouldn't be fair to Maria and the panel to keep them waiting.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "blame-unfair" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "It's not fair to candidates that you ghost them.",
            "It wasn't fair to me that the panel ignored my portfolio.",
            "That's not fair to someone who travelled four hours for you.",
        ],
    )
    def test_a_grievance_is_still_an_error(self, body: str) -> None:
        assert "blame-unfair" in error_rules(body)


class TestHedgedDeadlineIsNotADemand:
    """A hedged wish with its reason ('if there is any chance … it would help') may be refused."""

    @pytest.mark.parametrize(
        "body",
        [
            (
                "I don't want to rush you, but if there is any chance of an update before "
                "Friday, it would help me decide."
            ),
            "If there's any chance of a decision by Thursday, that would really help me plan.",
        ],
    )
    def test_passes(self, body: str) -> None:
        assert "pressure-deadline" not in error_rules(body)

    @pytest.mark.parametrize(
        "body",
        [
            "I need an update before Friday.",
            "Please update me before Friday or I will withdraw.",
            "If there is any chance you could reply by Friday, great, because I expect it.",
        ],
    )
    def test_a_deadline_for_them_is_still_an_error(self, body: str) -> None:
        assert "pressure-deadline" in error_rules(body)
