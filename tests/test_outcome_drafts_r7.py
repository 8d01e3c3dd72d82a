"""The drafts that answer an outcome, read by blind judges in drafts round 7 (a Jakarta
talent-acquisition head and a New York executive recruiter): real texts for small
interviews, each checked for a defect they found, in general form."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup import Candidate, Contact, Interview, Outcome, OutcomeChanged, Status, presets
from followup.steps import _reason_clause

NY = ZoneInfo("America/New_York")
TONES = ("formal", "warm", "brief")
COMPANIES = ("Acme Corp", "Northwind", "Pennine Logistics Ltd", "Blue Harbor Health", "Kestrel AI")
ROLES = ("Data Engineer", "Lead Engineer", "Product Analyst")
PAT = Contact(name="Pat Lee", title="Recruiter", email="pat@acme.example")
JANE = Contact(
    name="Dr. Jane Doe",
    title="CTO",
    email="jane@acme.example",
    linkedin="https://www.linkedin.com/in/janedoe",
    topics=("the warehouse go-live that slipped six weeks",),
)
TOM = Contact(name="Tom Hale", email="tom@acme.example", linkedin="https://www.linkedin.com/in/tomhale")
NOW = datetime(2026, 11, 18, 12, tzinfo=NY)


def interview(company: str = "Acme Corp", role: str = "Data Engineer") -> Interview:
    return Interview(
        company=company,
        role=role,
        start=datetime(2026, 11, 17, 14, tzinfo=NY),
        candidate=Candidate(name="Sam Rivera", email="sam@example.com"),
        interviewers=(JANE, TOM),
        recruiter=PAT,
        topics=("the data platform migration",),
    )


def drafts(
    outcome: Outcome, *, tone: str, decided: Outcome | None = None, now: datetime = NOW, **kw: str
) -> dict[str, str]:
    """Step id -> body of every live draft of the plan for ``outcome``."""
    plan = presets.after_interview(tone=tone)
    history = [OutcomeChanged(outcome=decided)] if decided is not None else []
    timeline = plan.schedule(interview(**kw), outcome=outcome, history=history, now=now)
    return {
        a.id: a.message.body
        for a in timeline
        if a.message is not None and a.status is not Status.CANCELLED
    }


# Our own ways of passing thanks on to the people met.
RELAY = re.compile(
    r"\bpass (?:on )?my\b|\bgive (?:them|\S+ \S+) my\b|\bgive \[?\w|\bmy (?:appreciation|gratitude|best wishes) to\b"
    r"|\bmy best to\b|\bhow much I valued meeting them\b",
    re.IGNORECASE,
)
NOTES = (
    "Please pass my thanks on to Jane and Tom.",  # given names, and "pass ... thanks"
    "Dr. Doe's question about the go-live stayed with me.",  # greeting name only
    "I hope Hale's team ships the new scanner on time.",  # family name only
    "Please pass on my gratitude to everyone I met.",  # no name
)


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("company", COMPANIES)
def test_no_relay_of_thanks_beside_a_note_that_passes_them_on(tone: str, company: str) -> None:
    # Judges: "Please pass my thanks on to Mette and Emeka." then our "Please give Dr.
    # Kjærgaard and Emeka my appreciation for their time." Our frames never say what the
    # candidate's own line says.
    for note in NOTES:
        outcomes = {
            "rejection-reply": Outcome.rejected(at=date(2026, 11, 24), contact=PAT, note=note),
            "offer-decline": Outcome.offer(
                at=date(2026, 11, 24), contact=PAT, decision="decline", decided=date(2026, 11, 25), note=note
            ),
            "withdrawal": Outcome.withdrawn(at=date(2026, 11, 24), note=note),
        }
        for kind, outcome in outcomes.items():
            body = drafts(outcome, tone=tone, company=company)[kind]
            assert body.count(note) == 1, body
            ours = body.replace(note, "")
            assert not RELAY.search(ours), body
    # Without such a note, the thanks are still passed on.
    plain = Outcome.rejected(at=date(2026, 11, 24), contact=PAT, note="I learnt a lot from the process.")
    assert RELAY.search(drafts(plain, tone=tone, company=company)["rejection-reply"])


# A sentence that closes a note by looking ahead.
CLOSES = re.compile(r"look(?:ing)? forward|can't wait|excited|a pleasure to join", re.IGNORECASE)


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("company", COMPANIES)
@pytest.mark.parametrize("role", ROLES)
def test_the_acceptance_closes_once(tone: str, company: str, role: str) -> None:
    # Judges: "I look forward to hearing about the next steps." then "I can't wait to get
    # started with the team." One close only.
    for start in (None, date(2027, 1, 4)):
        accepted = Outcome.offer(
            at=date(2026, 11, 24), contact=PAT, decision="accept", decided=date(2026, 11, 25), start_date=start
        )
        body = drafts(accepted, tone=tone, company=company, role=role)["offer-accept"]
        sentences = re.split(r"(?<=[.!?])\s+", body)
        assert sum(bool(CLOSES.search(s)) for s in sentences) == 1, body


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) >= 5}


REASON = "I genuinely want to stay closer to my family"
NOTE = "I was especially sorry to miss the chance to work on the scanner rollout."


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("company", COMPANIES)
@pytest.mark.parametrize("role", ROLES)
def test_the_decline_does_not_tie_the_topic_to_the_no_nor_repeat_the_candidates_words(
    tone: str, company: str, role: str
) -> None:
    # Judges: "Our conversation about the warehouse go-live that slipped six weeks made saying
    # no genuinely hard." beside a reason with "genuinely" in it: a non sequitur, and the
    # candidate's word said again by our frame.
    for contact in (JANE, PAT):
        declined = Outcome.offer(
            at=date(2026, 11, 24), contact=contact, decision="decline", decided=date(2026, 11, 25),
            reason=REASON, note=NOTE,
        )  # fmt: skip
        body = drafts(declined, tone=tone, company=company, role=role)["offer-decline"]
        assert not re.search(r"\bmade (?:saying no|my choice|this)|\bthe harder\b|harder because", body), body
        ours = body.replace(REASON, "").replace(NOTE, "")
        facts = _content_words(f"{company} {role} {JANE.topics[0]} {JANE.name} {TOM.name}")
        assert not (_content_words(REASON + " " + NOTE) - facts) & _content_words(ours), body


# Frames that credit the recipient with the topic: the candidate answered, the person asked.
ATTRIBUTES = re.compile(
    r"what you (?:said|had to say)|your (?:take|thoughts|thinking|comments|insight) (?:on|about|into)"
    r"|how you're thinking about|talking me through",
    re.IGNORECASE,
)


# The steps answering an outcome (their ids), and their connection notes and check-ins.
MINE = ("rejection", "feedback", "withdraw", "offer", "decline")


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("company", COMPANIES)
def test_outcome_drafts_do_not_credit_the_topic_to_the_person(tone: str, company: str) -> None:
    outcomes = (
        (Outcome.rejected(at=date(2026, 11, 24), contact=JANE), None, NOW),
        (Outcome.rejected(at=date(2026, 11, 24), contact=JANE, reason="we hired internally"), None, NOW),
        (
            Outcome.offer(at=date(2026, 11, 24), contact=JANE, decision="decline", decided=date(2026, 11, 25)),
            None,
            datetime(2027, 6, 1, 12, tzinfo=NY),
        ),
        (Outcome.withdrawn(at=date(2026, 11, 24)), None, datetime(2027, 6, 1, 12, tzinfo=NY)),
        (
            Outcome.offer(at=date(2026, 11, 24), contact=PAT, decision="accept", decided=date(2026, 11, 25)),
            None,
            NOW,
        ),
    )
    for role in ROLES:
        for outcome, decided, now in outcomes:
            for step, body in drafts(outcome, tone=tone, decided=decided, now=now, company=company, role=role).items():
                if any(k in step for k in MINE):
                    assert not ATTRIBUTES.search(body), (step, body)


LONG_ROLE = "Director, Customer Deployments, Central & Eastern Europe"
MONTHS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\ba few months\b|\ba while\b|\bweeks ago\b"
)


@pytest.mark.parametrize("tone", TONES)
def test_check_ins_after_a_no_name_the_role_short_and_place_it_in_time_twice_at_most(tone: str) -> None:
    # Judges: "since I decided not to accept the Director, Customer Deployments, Central &
    # Eastern Europe offer at X in February, after we met in January": the full title pasted,
    # and three time references in one sentence.
    later = datetime(2027, 6, 1, 12, tzinfo=NY)
    outcomes = (
        Outcome.offer(at=date(2026, 11, 24), contact=JANE, decision="decline", decided=date(2026, 12, 9)),
        Outcome.offer(at=date(2026, 11, 24), contact=PAT, decision="decline", decided=date(2026, 12, 9)),
        Outcome.withdrawn(at=date(2026, 12, 9)),
    )
    seen = 0
    for outcome in outcomes:
        for company in COMPANIES:
            for step, body in drafts(outcome, tone=tone, now=later, company=company, role=LONG_ROLE).items():
                if not any(k in step for k in MINE):
                    continue
                assert "Central & Eastern Europe" not in body, (step, body)
                assert "Director, Customer" not in body, (step, body)
                seen += "Director of Customer Deployments" in body
                for sentence in re.split(r"(?<=[.!?])\s+", body):
                    assert len(MONTHS.findall(sentence)) <= 2, (step, sentence)
    assert seen


REASONS = (
    "They have hired someone with more audit experience",
    "There was a stronger internal candidate",
    "He felt the role needed deeper SQL",
    "Their budget moved to another team",
    "You would need more people management",
)
# A pronoun or determiner keeps its sentence's capital after a colon: the defect.
CAPITAL_AFTER_COLON = re.compile(r": (?:They|There|He|She|Their|You|Your|His|Her|Its|Those)\b")


@pytest.mark.parametrize("tone", TONES)
def test_a_reason_opening_with_a_pronoun_continues_in_lower_case_after_a_colon(tone: str) -> None:
    # Judges: "You mentioned that it came down to this: They have hired someone with more
    # audit experience."
    plans = {
        "rejection-reply": presets.after_interview(tone=tone),
        "feedback-request": presets.after_interview(tone=tone, separate_feedback_request=True),
    }
    for company in COMPANIES:
        for reason in REASONS:
            for contact in (PAT, None):
                rejected = Outcome.rejected(at=date(2026, 11, 24), contact=contact, reason=reason)
                for step, plan in plans.items():
                    timeline = plan.schedule(interview(company=company), outcome=rejected, now=NOW)
                    message = timeline[step].message
                    assert message is not None
                    flat = " ".join(message.body.split())
                    assert not CAPITAL_AFTER_COLON.search(flat), flat
                    # Quoted as written otherwise in the feedback request; the reply to the
                    # rejection quotes it only as a clause after "I understand that".
                    quoted = step == "feedback-request" or _reason_clause(reason) is not None
                    assert (reason[1:] in flat) is quoted, flat
            # In the decline and the withdrawal too, whichever way the reason is joined.
            for outcome, step in (
                (Outcome.offer(at=date(2026, 11, 24), decision="decline", decided=date(2026, 11, 25), reason=reason),
                 "offer-decline"),
                (Outcome.withdrawn(at=date(2026, 11, 24), reason=reason), "withdrawal"),
            ):  # fmt: skip
                flat = " ".join(drafts(outcome, tone=tone, company=company)[step].split())
                assert not CAPITAL_AFTER_COLON.search(flat), flat
    # "I" and a name keep their capital.
    for reason in ("I lacked the Kubernetes depth they wanted", "Priya's team chose an internal move"):
        rejected = Outcome.rejected(at=date(2026, 11, 24), contact=PAT, reason=reason)
        plan = presets.after_interview(tone=tone, separate_feedback_request=True)
        message = plan.schedule(interview(), outcome=rejected, now=NOW)["feedback-request"].message
        assert message is not None
        flat = " ".join(message.body.split())
        assert reason in flat, flat
