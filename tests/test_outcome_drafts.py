"""The drafts that answer an outcome (rejection, offer, withdrawal): real outputs for small
interviews, checked for what the blind judges of drafts round 5 asked of them."""

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


REASON = "the team wanted more quantitative experience"
# How a draft asks: a question, or a request said as one ("I would be grateful to hear it").
ASKS = ("?", "grateful to hear", "grateful for", "would help", "value hearing", "like to hear", "value it")


def _prose(company: str) -> str:
    return company.removesuffix(" Ltd").removesuffix(" Corp")


@pytest.mark.parametrize(("tone", "company", "role"), _cases())
def test_rejection_reply_asks_about_the_reason_the_company_gave(tone: str, company: str, role: str) -> None:
    for recruiter in (PAT, None):
        rejected = Outcome.rejected(at=date(2026, 11, 24), contact=recruiter, reason=REASON)
        _, body = drafts(rejected, tone=tone, company=company, role=role, recruiter=recruiter)["rejection-reply"]
        flat = " ".join(body.split())
        # A reason that is a clause is acknowledged in the candidate's words (round 10: "say he
        # understands it"), never after "You mentioned that it came down to this:" (round 9),
        # and feedback beyond it is asked for ("not more on it").
        assert f"I understand that {REASON}" in flat, body
        assert "came down to this" not in flat
        question = flat[flat.index(REASON) :]
        assert any(m in question for m in ASKS), body
        assert re.search(r"[Bb]eyond that|anything else|[Aa]ny other", question), body
        # A phrase is not quoted back: feedback beyond "the point you made" is asked for.
        phrase = Outcome.rejected(at=date(2026, 11, 24), contact=recruiter, reason="more quantitative experience")
        _, body = drafts(phrase, tone=tone, company=company, role=role, recruiter=recruiter)["rejection-reply"]
        flat = " ".join(body.split())
        assert "quantitative" not in flat, body
        question = flat[re.search(r"the point you made|your point|what you mentioned", flat).start() :]
        assert any(m in question for m in ASKS), body
        assert "No worries" not in flat
        assert "working on my interviewing" not in flat
        assert flat.count(_prose(company)) <= 1, body
        # Without a reason, nothing pretends there was one.
        plain = Outcome.rejected(at=date(2026, 11, 24), contact=recruiter)
        _, body = drafts(plain, tone=tone, company=company, role=role, recruiter=recruiter)["rejection-reply"]
        for word in ("reason", "came down to", "why"):
            assert word not in body, body
        assert body.count(_prose(company)) <= 1, body


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("company", COMPANIES)
def test_feedback_request_asks_about_the_reason_the_company_gave(tone: str, company: str) -> None:
    plan = presets.after_interview(tone=tone, separate_feedback_request=True)
    for recruiter in (PAT, None):
        for reason in (REASON, None):
            rejected = Outcome.rejected(at=date(2026, 11, 24), contact=recruiter, reason=reason)
            timeline = plan.schedule(
                interview(company=company, recruiter=recruiter),
                outcome=rejected,
                now=datetime(2026, 11, 18, 12, tzinfo=NY),
            )
            message = timeline["feedback-request"].message
            assert message is not None
            flat = " ".join(message.body.split())
            assert any(m in flat for m in ASKS), flat
            assert "No worries" not in flat
            assert "working on my interviewing" not in flat
            if reason:
                assert f": {reason}." in flat, flat
            else:
                assert "reason" not in flat, flat
            thanks = timeline["rejection-reply"].message
            assert thanks is not None
            assert "?" not in thanks.body


def test_a_rejection_reason_from_the_file_reaches_the_draft(tmp_path: object) -> None:
    import io
    from pathlib import Path

    from followup.cli import main

    root = Path(__file__).resolve().parent.parent
    text = (root / "examples" / "recruiter-rejected.toml").read_text(encoding="utf-8")
    text = text.replace(
        'contact = "Sophie Laurent"\n',
        'contact = "Sophie Laurent"\nreason = "we went with someone with more Kubernetes experience"\n',
        1,
    )
    path = Path(str(tmp_path)) / "rejected.toml"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["draft", str(path), "rejection-reply", "--now", "2026-06-16T09:00:00+02:00"], stdout=out, stderr=err)
    assert (code, err.getvalue()) == (0, "")
    flat = " ".join(out.getvalue().split())
    # The reply asks for feedback beyond the reason, without quoting it back.
    assert "Kubernetes" not in flat
    assert re.search(r"the point you made|your point|what you mentioned", flat), flat
    # and `mark` records one
    out, err = io.StringIO(), io.StringIO()
    text = (root / "examples" / "pending.toml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    code = main(
        ["mark", str(path), "--outcome", "rejected", "--at", "2026-03-12", "--reason", "the role was filled internally",
         "--now", "2026-03-12T12:00:00-04:00"],
        stdout=out,
        stderr=err,
    )  # fmt: skip
    assert (code, err.getvalue()) == (0, "")
    assert 'reason = "the role was filled internally"' in path.read_text(encoding="utf-8")


LONG = "my wife has just taken up a post in Lisbon and we are moving there in January"
CANDIDATE_REASONS = (None, LONG, "I have accepted a role closer to home", "closer to home")
PASSED_ON = ("gratitude", "appreciation", "best wishes", "my best")


def _declined(reason: str | None, contact: Contact | None) -> tuple[Outcome, Outcome]:
    offer = Outcome.offer(at=date(2026, 11, 24), respond_by=date(2026, 12, 4), contact=contact)
    decided = Outcome.offer(
        at=date(2026, 11, 24),
        respond_by=date(2026, 12, 4),
        contact=contact,
        decision="decline",
        decided=date(2026, 11, 30),
        reason=reason,
    )
    return offer, decided


@pytest.mark.parametrize(("tone", "company", "role"), _cases())
def test_a_decline_regrets_explains_and_passes_gratitude_on(tone: str, company: str, role: str) -> None:
    for maker in (PAT, JANE):
        for reason in CANDIDATE_REASONS:
            offer, decided = _declined(reason, maker)
            out = drafts(offer, tone=tone, decided=decided, company=company, role=role)
            body = " ".join(out["offer-decline"][1].split())
            assert "sorry" in body or "regret" in body, body
            assert "Thanks again" not in body
            assert "which made this" not in body
            assert any(p in body for p in PASSED_ON), body
            assert "the rest of the team" in body or "Tom" in body, body
            if reason == LONG:
                assert ", as my wife" not in body, body  # not one long flat sentence
                assert "My wife has just taken up a post in Lisbon" in body
            assert "The reason is simple" not in body
            # The note to whoever made the offer: regret, the offer, their first name to sign.
            note = out.get(f"offer-linkedin-connect.{'dr-jane-doe' if maker is JANE else 'pat-lee'}")
            if note is not None:
                text = note[1]
                assert "sorry to turn down the role" in text.lower(), text
                assert "your time in the" not in text
                assert "offer" in text
                assert text.endswith(("Sam", "Rivera")) or len(text) + len(" Kind regards, Sam") > 200, text


@pytest.mark.parametrize(("tone", "company", "role"), _cases())
def test_a_withdrawal_thanks_for_all_the_help_and_leaves_the_door_open(tone: str, company: str, role: str) -> None:
    for contact in (PAT, None):
        for reason in CANDIDATE_REASONS:
            withdrawn = Outcome.withdrawn(at=date(2026, 11, 24), contact=contact, reason=reason)
            body = " ".join(
                drafts(withdrawn, tone=tone, company=company, role=role, recruiter=contact)["withdrawal"][1].split()
            )
            assert "The reason is simple" not in body
            assert "since my interview on" not in body
            assert any(p in body for p in PASSED_ON), body
            assert any(w in body for w in ("role", "opening", "stay in touch")), body
            if reason == LONG:
                assert "My wife has just taken up a post in Lisbon" in body


OUTCOME_KINDS = (
    "rejection-reply", "feedback-request", "offer-decline", "withdrawal", "offer-linkedin-connect", "offer-accept",
)  # fmt: skip


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("company", COMPANIES)
def test_no_content_word_twice_in_an_outcome_draft(tone: str, company: str) -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from test_drafts_matrix import repeated_words

    people = ["Pat Lee", "Jane Doe", "Tom Hale", "Sam Rivera"]
    topics = ["the data platform migration", "forecasting demand"]
    for role in ROLES[1:]:
        for contact in (PAT, JANE):
            cases: list[tuple[Outcome, Outcome | None, str | None]] = []
            for reason in (None, REASON, "we went with an internal candidate"):
                cases.append((Outcome.rejected(at=date(2026, 11, 24), contact=contact, reason=reason), None, reason))
            for reason in CANDIDATE_REASONS:
                cases.append((*_declined(reason, contact), reason))
                cases.append((Outcome.withdrawn(at=date(2026, 11, 24), contact=contact, reason=reason), None, reason))
            offer = Outcome.offer(at=date(2026, 11, 24), contact=contact)
            accepted = Outcome.offer(
                at=date(2026, 11, 24), contact=contact, decision="accept", decided=date(2026, 11, 30)
            )
            cases.append((offer, accepted, None))
            for separate in (False, True):
                for outcome, decided, reason in cases:
                    plan = presets.after_interview(tone=tone, separate_feedback_request=separate)
                    timeline = plan.schedule(
                        interview(company=company, role=role),
                        outcome=outcome,
                        history=[OutcomeChanged(outcome=decided)] if decided else [],
                        now=datetime(2026, 11, 18, 12, tzinfo=NY),
                    )
                    facts = [company, _prose(company), role, *people, *topics, reason or ""]
                    for a in timeline:
                        if a.message is None or a.step not in OUTCOME_KINDS:
                            continue
                        assert repeated_words(a.message.body, facts) == [], (a.id, a.message.body)


def test_a_check_in_after_a_declined_offer_asks_after_the_team_not_a_roll_call() -> None:
    # Blind judges, drafts round 6 (after measurement): "how you and Rohan, Professor
    # Raghunathan and Khalid are getting on" reads as a roll call, and is ambiguous.
    decline = Outcome.offer(
        at=date(2026, 11, 24), respond_by=date(2026, 12, 4), decision="decline", decided=date(2026, 11, 27)
    )
    asked = 0
    for tone, company, role in _cases():
        for key, (_, body) in drafts(decline, tone=tone, company=company, role=role).items():
            if "keep-in-touch" not in key:
                continue
            assert not re.search(r"how you and (?!the team)", body), body
            asked += "how you and the team" in body
    assert asked, "no check-in asked after the team: the frame was never chosen"


@pytest.mark.parametrize("company", [*COMPANIES, "Urgent Care Partners Inc.", "Harbourline", "Zeta"])
def test_a_status_check_subject_without_the_role_passes_the_tone_check(company: str) -> None:
    # Hypothesis (health run of 2 December): a role too long for the subject left "Checking
    # in on my application", which the project's own check calls a cliché.
    from followup.tone import Severity, check

    role = "Senior Principal Staff Engineer for Platform Reliability and Observability, EMEA"
    for tone in TONES:
        for key, (subject, _) in drafts(Outcome.pending(), tone=tone, company=company, role=role).items():
            if key.startswith("status-check") and subject:
                assert not [f.rule for f in check(subject, "task") if f.severity is Severity.ERROR], subject
