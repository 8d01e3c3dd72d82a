"""The drafts that answer an outcome (rejection, offer, withdrawal): real outputs for small
interviews, checked for what the blind judges of round 6 asked of them."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup import Candidate, Contact, Interview, Outcome, OutcomeChanged, Status, presets

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
    topics=("forecasting demand",),
)
TOM = Contact(name="Tom Hale", email="tom@acme.example", linkedin="https://www.linkedin.com/in/tomhale")


def interview(company: str = "Acme Corp", role: str = "Data Engineer", recruiter: Contact | None = PAT) -> Interview:
    return Interview(
        company=company,
        role=role,
        start=datetime(2026, 11, 17, 14, tzinfo=NY),
        candidate=Candidate(name="Sam Rivera", email="sam@example.com"),
        interviewers=(JANE, TOM),
        recruiter=recruiter,
        topics=("the data platform migration",),
    )


def drafts(
    outcome: Outcome, *, tone: str, decided: Outcome | None = None, **kw: object
) -> dict[str, tuple[str, str]]:
    """Step id -> (subject, body) of every live draft of the plan for ``outcome``."""
    plan = presets.after_interview(tone=tone)
    history = [OutcomeChanged(outcome=decided)] if decided is not None else []
    timeline = plan.schedule(
        interview(**kw),  # type: ignore[arg-type]
        outcome=outcome,
        history=history,
        now=datetime(2026, 11, 18, 12, tzinfo=NY),
    )
    return {
        a.id: (a.message.subject or "", a.message.body)
        for a in timeline
        if a.message is not None and a.status is not Status.CANCELLED
    }


def _cases() -> list[tuple[str, str, str]]:
    return [(t, c, r) for t in TONES for c in COMPANIES for r in ROLES]


@pytest.mark.parametrize(("tone", "company", "role"), _cases())
def test_offer_reply_says_no_content_word_twice_when_a_frame_avoids_it(tone: str, company: str, role: str) -> None:
    # Judges: "considering it carefully ... reviewing carefully": when every frame of the last
    # slot repeats something, the one that repeats least is taken.
    for written in (False, True):
        offer = Outcome.offer(at=date(2026, 11, 24), respond_by=date(2026, 12, 4), written=written)
        _, body = drafts(offer, tone=tone, company=company, role=role)["offer-reply"]
        text = body.split("\n", 2)[2].rsplit("\n\n", 1)[0]  # without greeting and sign-off
        words = Counter(
            w for w in re.findall(r"[^\W\d_]+", text.lower()) if w.startswith("careful")
        )
        assert sum(words.values()) <= 1, body
