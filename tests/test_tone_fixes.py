"""Review fixes to the tone check (2 Dec): false errors on gracious drafts and slow patterns.

Each fix has hits (the construction still gives an error) and near-misses (the
gracious wording that gave a false error must not).
"""

from __future__ import annotations

import pytest

from followup.tone import Facts, Severity, check_tone


def wrap(body: str) -> str:
    """Wrap a body in a greeting and sign-off so only the body is under test."""
    return f"Hi Ana,\n\n{body}\n\nBest regards,\nSam"


def error_rules(body: str, facts: Facts | None = None) -> set[str]:
    return {f.rule for f in check_tone(wrap(body), facts=facts) if f.severity is Severity.ERROR}


class TestWrongCompanyNamedAsTheGoal:
    """A name standing alone as the goal counts only when it reads as an organisation's."""

    FACTS = Facts(company="Acme Corp")

    @pytest.mark.parametrize(
        "body",
        [
            "Tillwell Bank is where I want to build my career.",
            "Tillwell Bank is where I'd love to build my career.",
            "Tillwell Bank is where I’d love to work.",
            "Tillwell Bank is where I see myself building my career.",
            "Tillwell Bank is where I see myself working.",
            "Brightwater Consulting is the right home for my next chapter.",
            "Stripe Ltd is my first choice.",
            "I'd love to join Monzo.",
        ],
    )
    def test_hits(self, body: str) -> None:
        assert "wrong-company" in error_rules(body, self.FACTS)

    @pytest.mark.parametrize(
        "body",
        [
            "London is where I want to build my career, so the Acme Corp role is ideal.",
            "Berlin is where I want to build my career, so the Acme Corp role is ideal.",
            "New York is where I want to work, so the Acme Corp role is ideal.",
            "Edinburgh is the right home for me and my family, so the Acme Corp role is ideal.",
            "Manchester is where I'd love to build my career.",
            "Leeds is where I see myself building my career.",
            "Acme Corp is where I see myself building my career.",
        ],
    )
    def test_near_misses(self, body: str) -> None:
        assert "wrong-company" not in error_rules(body, self.FACTS)


# (body, rule) pairs: each body gives that rule's error (the construction still works)
HITS = [
    ("LinkedIn shows you've read my message but you haven't replied.", "pressure-surveillance"),
    ("You've read my last two messages but haven't replied.", "pressure-surveillance"),
    ("I can see you've opened my email three times.", "pressure-surveillance"),
    ("My mail app shows that it was opened on Tuesday.", "pressure-surveillance"),
    ("I'd love to buy you lunch while you weigh up the shortlist.", "pressure-gift"),
    ("I'm sending you a case of wine to say thanks.", "pressure-gift"),
    ("Drinks at the Ivy are my treat while you decide.", "pressure-gift"),
    ("I posted a short write-up of my approach to the take-home exercise on my blog.", "confidential-breach"),
    ("I'd probably stay for about a year or so.", "commitment-short-stay"),
    ("I'd probably stay for about a year or so before moving on.", "commitment-short-stay"),
    ("I'll only stay for a year at most.", "commitment-short-stay"),
    ("I'm absolutely devastated and don't know how to go on.", "desperation-begging"),
    ("I was gutted, but please reconsider.", "desperation-begging"),
    ("I expect a reply by Monday.", "pressure-deadline"),
    ("You need to reply by Friday.", "pressure-demand"),
    ("You must explain why I was rejected.", "pressure-demand"),
    ("I've sent my counter-offer, so it's your move.", "pressure-leverage"),
    ("The ball is in your court: your move.", "pressure-leverage"),
    ("I'll be at your office on Thursday to get an answer.", "pressure-intrusion"),
    ("I have copied your CEO so she can see how this was handled.", "pressure-over-head"),
    ("No offence, but the panel seemed unprepared.", "blame-unprofessional"),
]

# gracious wording with the same words: no error of that rule
NEAR_MISSES = [
    ("You told me you've read my portfolio and liked the case studies, which meant a lot.", "pressure-surveillance"),
    ("You've seen my CV, but I wanted to highlight the project I mentioned again.", "pressure-surveillance"),
    ("The A/B test showed read rates rising by 12% after we changed the subject lines.", "pressure-surveillance"),
    ("My team sent me a lovely leaving present, so I'm officially free from Monday.", "pressure-gift"),
    ("If you're ever in Leeds, let me buy you lunch and we can swap notes.", "pressure-gift"),
    ("Now that the process is over, I'd love to buy you a drink at the meetup next week.", "pressure-gift"),
    ("Now that the process is over, I'd love to buy you a drink at the meetup next week.", "familiarity"),
    ("If you're ever in Leeds, coffee and lunch are my treat!", "pressure-gift"),
    (
        "I have decided to withdraw from the process. If you're in Leeds, coffee and lunch are my treat!",
        "pressure-gift",
    ),
    (
        ("I posted a short write-up of my approach to the take-home exercise on my blog, with your permission"
        " as you suggested."),
        "confidential-breach",
    ),
    ("My parents are planning to stay with us for about a year or so.", "commitment-short-stay"),
    ("I was gutted not to get it, to be honest, but I learned a lot from the process.", "desperation-begging"),
    ("I shall revert with the signed offer letter by Monday.", "pressure-deadline"),
    (
        ("I've been asked by my current employer to confirm my notice by Friday, so any news before then"
        " would be very welcome."),
        "pressure-deadline",
    ),
    ("I realise you are very busy, so please don't feel you need to reply at length.", "pressure-demand"),
    ("I realise you are very busy, so please don't feel you need to reply at length.", "pressure-entitled"),
    ("I enjoyed hearing about your move from the Sydney office.", "pressure-leverage"),
    ("Congratulations on your move to the Leeds team.", "pressure-leverage"),
    ("I'm expecting a baby in June, so I wanted to be upfront about my start date.", "presumption"),
    (
        "I'll be in the office anyway on Thursday, so I can drop off the signed forms at reception.",
        "pressure-intrusion",
    ),
    ("I hope I caused no offence by asking.", "blame-unprofessional"),
    ("I meant no offence by the question about the budget.", "blame-unprofessional"),
]


@pytest.mark.parametrize(("body", "rule"), HITS)
def test_hits(body: str, rule: str) -> None:
    assert rule in error_rules(body)


@pytest.mark.parametrize(("body", "rule"), NEAR_MISSES)
def test_near_misses(body: str, rule: str) -> None:
    assert rule not in error_rules(body)


@pytest.mark.parametrize("rule", ["pressure-over-head", "pressure-intrusion"])
@pytest.mark.parametrize("cc", ["cc: Sarah Jones, HR Director", "cc: Sam Lee, Head of People"])
def test_copying_hr_on_a_decline_is_courtesy(rule: str, cc: str) -> None:
    body = f"Thank you for the offer; after careful thought I have decided to decline it.\n\n{cc}"
    assert rule not in error_rules(body)


def test_copying_a_director_on_a_chaser_is_over_heads() -> None:
    assert "pressure-over-head" in error_rules("Still no news.\n\ncc: Sarah Jones, Managing Director")


# Hostile input must not hang the check: a long hyphenated run made `[\w-]+` (and a
# capitalised name) retry at every position, and a run of "the " a repeated prefix,
# each quadratic (10-17 s on these). The bound is a hang guard, not a speed measure:
# the whole check of 10,000 characters takes about a second on a loaded machine.
HANG_BOUND_S = 6.0


@pytest.mark.parametrize(
    "body",
    [
        "-".join(["a"] * 5000),
        "-".join(["word"] * 4000),
        "the " * 5000,
        "-".join(["Acme"] * 3000),
    ],
    ids=["a-a-a", "hyphenated-words", "the-the-the", "Acme-Acme"],
)
def test_hostile_input_finishes_quickly(body: str) -> None:
    import time

    start = time.perf_counter()
    check_tone(wrap(body), facts=Facts(company="Cobalt Pay", names=("Ana Lee",)))
    assert time.perf_counter() - start < HANG_BOUND_S
