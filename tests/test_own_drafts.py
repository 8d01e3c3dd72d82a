"""The library's own drafts pass its own tone check, with the interview's facts (issue 14).

Whatever the company, role, topics and names, a draft the library writes must not
be flagged by ``followup check --interview``: an innocent topic such as "the
urgent care expansion" or "we can't afford downtime" is the reader's vocabulary,
not pressure or desperation.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from followup import Candidate, Contact, Interview, Outcome, presets
from followup.tone import Facts, Severity, check

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=CHICAGO)

LOADED_TOPICS = [
    "the urgent care expansion",
    "automated email journeys",
    "we can't afford downtime",
    "why the last migration was a mistake",
    "the ASAP queue for stat lab orders",
    "reconsidering the vendor decision",
    "the desperate need for better triage",
    "ghosted appointments and no-shows",
    "unfair scheduling loads on night staff",
    "their loss-prevention programme",
    "rejecting bad sensor data",
    "a second chance programme for returning workers",
]
LOADED_NAMES = [
    "Dr. Ingrid Müller", "Søren", "张伟", "Carlos de la Cruz", "Mx. Will Urgent",
    "Anne-Marie Dupont-Leclerc", "Prof. Desperate Dan", "Ms. Aisha Bello",
]  # fmt: skip
COMPANIES = ["Urgent Care Partners Inc.", "Pennine Logistics Ltd", "Second Chance GmbH", "ASAP Couriers LLC", "Acme"]
ROLES = [
    "Urgent Care Coordinator (Nights)",
    "Senior Operations Analyst, Ambulatory Care Network Strategy and Planning",
    "Loss Prevention Lead",
    "Data Engineer",
]

words = st.text(alphabet=st.characters(categories=["L"]), min_size=2, max_size=10)
free_text = st.lists(words, min_size=1, max_size=5).map(" ".join)


@st.composite
def interviews(draw: st.DrawFn) -> Interview:
    count = draw(st.integers(1, 3))
    names = draw(st.lists(st.sampled_from(LOADED_NAMES) | free_text, min_size=count, max_size=count, unique=True))
    people = [
        Contact(
            name=name,
            email=f"p{i}@example.com" if draw(st.booleans()) else None,
            linkedin=f"https://www.linkedin.com/in/p{i}" if draw(st.booleans()) else None,
            topics=draw(st.lists(st.sampled_from(LOADED_TOPICS) | free_text, max_size=2)),
        )
        for i, name in enumerate(names)
    ]
    return Interview(
        company=draw(st.sampled_from(COMPANIES) | free_text),
        role=draw(st.sampled_from(ROLES) | free_text),
        start=datetime(2026, 11, 17, 10, 0, tzinfo=CHICAGO),
        candidate=Candidate(name=draw(st.sampled_from(["Priya Raman", "Sam Urgent"]) | free_text)),
        interviewers=people,
        recruiter=Contact(name="Grace Liu", email="grace@example.com")
        if draw(st.booleans())
        else None,
        topics=draw(st.lists(st.sampled_from(LOADED_TOPICS) | free_text, max_size=2)),
        decision_expected=draw(st.none() | st.just(date(2026, 11, 20))),
        stage=draw(st.none() | st.sampled_from(["panel interview", "final round"])),
        highlights=draw(st.none() | st.just("I cut no-show rates by a third at a network of 30 clinics.")),
        promised=draw(st.none() | st.just("the write-up on urgent triage I mentioned")),
    )


def _errors(iv: Interview, tone: str) -> list[tuple[str, str, str]]:
    facts = Facts.from_interview(iv)
    rejected = Outcome.rejected(at=date(2026, 11, 24), contact=iv.interviewers[0])
    plans = [
        (presets.after_interview(tone=tone), None),
        (presets.after_rejection(tone=tone, separate_feedback_request=True), rejected),
        (presets.after_rejection(tone=tone, keep_in_touch_channel="linkedin-message"), rejected),
    ]
    out = []
    for plan, outcome in plans:
        for action in plan.schedule(iv, outcome=outcome, now=NOW):
            m = action.message
            if m is None:
                continue
            for f in check(m.body, m.channel, limit=m.limit, facts=facts):
                if f.severity is Severity.ERROR:
                    out.append((action.id, f.rule, f.text))
            if m.subject:
                for f in check(m.subject, "task", facts=facts):
                    if f.severity is Severity.ERROR:
                        out.append((f"{action.id} (subject)", f.rule, f.text))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(iv=interviews(), tone=st.sampled_from(["formal", "warm", "brief"]))
@example(
    iv=Interview(
        company="Northgate Health Inc.",
        role="Senior Operations Analyst",
        start=datetime(2026, 11, 17, 10, 0, tzinfo=CHICAGO),
        candidate=Candidate(name="Priya Raman"),
        interviewers=[
            Contact(name="Dr. Ingrid Müller", email="i@example.com", topics=["the urgent care expansion"]),
            Contact(name="Tom Becker", email="t@example.com", topics=["we can't afford downtime"]),
            Contact(name="Aisha Bello", email="a@example.com", topics=["automated email journeys"]),
        ],
        recruiter=Contact(name="Grace Liu", email="grace@example.com"),
        topics=["the urgent care expansion"],
    ),
    tone="warm",
)
@example(
    # A short lower-case signature, blanked out as a fact, once read as kisses ("xx").
    iv=Interview(
        company="Urgent Care Partners Inc.",
        role="Urgent Care Coordinator (Nights)",
        start=datetime(2026, 11, 17, 10, 0, tzinfo=CHICAGO),
        candidate=Candidate(name="aa"),
        interviewers=[Contact(name="Dr. Ingrid Müller")],
    ),
    tone="formal",
)
def test_every_built_in_draft_passes_the_check_with_the_interviews_facts(iv: Interview, tone: str) -> None:
    assert _errors(iv, tone) == []
