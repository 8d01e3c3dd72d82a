"""The drafts a hiring manager is glad to receive (issue 14), across a matrix.

Tones × channels (email, LinkedIn message, LinkedIn note) × one and three
interviewers × titled, single-word and non-Latin names × with and without
topics, every built-in message step. Each draft is checked for:

- its greeting: the right name for the tone, never a bare title;
- its topics: only what its recipient was part of (their own topics, the
  interview's for an interviewer without any, none for the recruiter);
- variety: two panel members' notes of the same step, tone and channel share at
  most 60 % of their words (Jaccard on word sets, names removed);
- its subject: at most 60 characters;
- no link in the prose to the company's own people;
- no content word said twice in the draft's own sentences, no stage label, and the
  role without the team after its comma;
- the project's own tone check, with the interview's facts.

The figures (largest Jaccard, longest subject) are printed with ``-s`` for the
issue's closing note.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from followup import Candidate, Contact, Interview, Outcome, presets
from followup.names import ENGLISH_TITLES, address, company_spoken_name, parse_name
from followup.render import SUBJECT_LIMIT
from followup.timeline import Action
from followup.tone import Severity, check_tone
from followup.wording import recipient_region

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=CHICAGO)
TONES = ("formal", "warm", "brief")
NAMES = {
    "titled": ["Dr. Ingrid Müller", "Prof. Carlos de la Cruz", "Ms. Aisha Bello"],
    "single": ["Søren", "Aroha", "Bjørk"],
    "plain": ["Orla Brady", "María García López", "Farhan Qureshi"],
    "non-latin": ["张伟", "김민준", "山田 太郎"],
}
# Innocent topics that look like what the tone check flags.
TOPICS = [
    ["the urgent care expansion", "staffing models for weekend clinics"],
    ["automated email journeys"],
    ["we can't afford downtime on the scheduling system"],
]
PANEL_TOPICS = ["reducing no-show rates in outpatient clinics"]
CAREERS = "https://northgate.example/careers"
RECRUITER = Contact(
    name="Grace Liu", title="Talent Acquisition Partner", email="grace.liu@northgate.example"
)
# Channel of the interviewers' address: email, or only a LinkedIn profile.
REACH = ("email", "linkedin")


def interview(names: str, count: int, topics: bool, reach: str) -> Interview:
    people = []
    for i, name in enumerate(NAMES[names][:count]):
        handle = f"person{i}"
        people.append(
            Contact(
                name=name,
                email=f"{handle}@northgate.example" if reach == "email" else None,
                linkedin=f"https://www.linkedin.com/in/{handle}",
                topics=TOPICS[i] if topics else [],
                timezone="Europe/Berlin" if i == 1 else None,
            )
        )
    return Interview(
        company="Northgate Health Inc.",
        role="Senior Operations Analyst, Ambulatory Care Network Strategy and Planning",
        start=datetime(2026, 11, 17, 10, 0, tzinfo=CHICAGO),
        candidate=Candidate(name="Priya Raman", email="priya@example.com"),
        interviewers=people,
        recruiter=RECRUITER,
        topics=PANEL_TOPICS if topics else [],
        stage="panel interview",
        careers_url=CAREERS,
        highlights="I ran scheduling for a network of 30 clinics for four years.",
    )


def timelines(iv: Interview, tone: str) -> Iterator[tuple[str, Action]]:
    rejected = Outcome.rejected(at=date(2026, 11, 24), contact=iv.interviewers[0])
    plans = [
        (presets.after_interview(tone=tone), None),
        (presets.after_rejection(tone=tone), rejected),
        (
            presets.after_rejection(
                tone=tone, separate_feedback_request=True, keep_in_touch_channel="linkedin-message"
            ),
            rejected,
        ),
        (presets.after_rejection(tone=tone, linkedin_note_limit=300), rejected),
    ]
    for n, (plan, outcome) in enumerate(plans):
        for action in plan.schedule(iv, outcome=outcome, now=NOW):
            if action.message is not None:
                yield f"plan{n}", action


def name_words(iv: Interview) -> set[str]:
    people = [*iv.interviewers, RECRUITER]
    text = " ".join([iv.candidate.name, *(p.name for p in people)])
    return set(re.findall(r"[\w'’-]+", text.lower()))


def word_set(text: str, names: set[str]) -> set[str]:
    return set(re.findall(r"[\w'’-]+", text.lower())) - names


def allowed_topics(iv: Interview, person: Contact | None) -> set[str]:
    if person is None or person not in iv.interviewers:
        return set()
    return set(person.topics or iv.topics)


def all_topics(iv: Interview) -> set[str]:
    return {t for p in iv.interviewers for t in p.topics} | set(iv.topics)


def facts_of(iv: Interview) -> list[str]:
    people = [*iv.interviewers, RECRUITER]
    return [iv.company, iv.role, *(p.name for p in people), *all_topics(iv), iv.candidate.name]


def tone_errors(text: str, channel: str, limit: int | None, facts: list[str]) -> list[str]:
    """Errors of the tone check that do not sit inside a fact of the interview.

    The interview's own words (its topics, names, company) are the writer's facts,
    not their tone: "the urgent care expansion" is not pressure.
    """
    spans = [
        (m.start(), m.end())
        for fact in facts
        for m in re.finditer(re.escape(fact), text)
    ]
    return [
        f"{f.rule}: {f.text!r}"
        for f in check_tone(text, channel, limit=limit)
        if f.severity is Severity.ERROR
        and not any(start <= f.start and f.end <= end for start, end in spans)
    ]


# Words of five letters or more that say nothing of their own when repeated.
PLAIN_TEXT = (
    "about after again their there these those through which while would could should still "
    "every where other being before"
)
PLAIN = frozenset(PLAIN_TEXT.split())


def _stem(word: str) -> str:
    for end in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def repeated_words(body: str, facts: list[str]) -> list[str]:
    """Content words a draft says twice in its own sentences (not its facts, greeting or sign-off).

    "I am considering it carefully ... which I am reviewing carefully", "I look forward to
    ... I'm looking forward to", "future interviews ... future roles": a careful writer
    says it once.
    """
    text = body.split("\n", 1)[1] if "\n" in body else body.split(",", 1)[-1]
    paragraphs = text.strip().split("\n\n")
    text = "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 1 else text
    text = re.split(r"\b(?:Kind regards|Best regards|Best|All the best|Best wishes|Warm regards|Regards),", text)[0]
    own = {_stem(w) for fact in facts for w in re.findall(r"[^\W\d_]+", fact.lower())}
    words = [
        _stem(w)
        for w in re.findall(r"[^\W\d_]+", text.lower())
        if len(w) >= 5 and w not in PLAIN
    ]
    return sorted({w for w in words if words.count(w) > 1 and w not in own})


FIGURES: dict[str, tuple[float, str]] = {"jaccard": (0.0, ""), "subject": (0, "")}


def _record(name: str, value: float, where: str) -> None:
    if value > FIGURES[name][0]:
        FIGURES[name] = (value, where)


@pytest.mark.parametrize("reach", REACH)
@pytest.mark.parametrize("topics", [True, False], ids=["topics", "no-topics"])
@pytest.mark.parametrize("names", sorted(NAMES))
@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("tone", TONES)
def test_matrix(tone: str, count: int, names: str, topics: bool, reach: str) -> None:
    iv = interview(names, count, topics, reach)
    drafts = list(timelines(iv, tone))
    assert {a.message.channel for _, a in drafts if a.message} >= {"email", "linkedin-note"}
    known = name_words(iv)
    facts = facts_of(iv)
    for plan, action in drafts:
        m = action.message
        assert m is not None
        where = f"{plan}:{action.id}:{tone}:{m.channel}"
        to = m.to
        assert to is not None, where
        # The address exists: no email to someone without one, no note to someone without a profile.
        if m.channel == "email":
            assert to.email, where
        else:
            assert to.linkedin, where
        # Greeting.
        # As the recipient's country addresses people: the second member works in Berlin,
        # where a title applies in every tone and a name without one is used whole, after
        # "Dear" ("Dear Professor de la Cruz", "Dear María García López" even in a warm note).
        parsed = parse_name(to.name)
        region = recipient_region(iv, to)
        expected = parsed.greeting(tone, ENGLISH_TITLES, region=region)
        courtesy = address(parsed, region=region, titles=ENGLISH_TITLES).courtesy
        word = "Dear " if tone == "formal" or courtesy else "Hello " if parsed.keeps_title else "Hi "
        opener = word + expected + ","
        # Never the full name of someone with a given name ("Dear Orla Brady" reads as a mail
        # merge), except where custom wants it.
        if parsed.given and parsed.family and not parsed.whole and region != "DE":
            assert not m.body.startswith(f"Dear {parsed.full},"), where
        assert m.body.startswith(opener), (where, m.body[:60], opener)
        assert not re.match(r"(Dear|Hi) (Dr|Prof|Ms|Mr|Mrs|Mx)\.?,", m.body), where
        # Topics: only the recipient's.
        mine = allowed_topics(iv, to)
        for topic in all_topics(iv) - mine:
            assert topic not in m.body, (where, topic)
        if (
            mine
            and action.step in ("thank-you", "linkedin-connect")
            and m.channel != "linkedin-note"
        ):
            assert any(t in m.body for t in mine), where
        # Subject, links, tone.
        if m.subject is not None:
            assert len(m.subject) <= SUBJECT_LIMIT, (where, m.subject)
            _record("subject", len(m.subject), f"{where}: {m.subject}")
        prose = m.body.removesuffix(iv.candidate.name).rstrip()
        assert "http" not in prose, where
        assert "www." not in prose, where
        assert "Inc." not in m.body, where
        # No content word twice in the draft's own sentences.
        own_facts = [*facts, iv.highlights or "", company_spoken_name(iv.company)]
        assert repeated_words(m.body, own_facts) == [], (where, m.body)
        # The stage is a label, never prose; the role without its team after the comma.
        assert "panel interview" not in m.body, where
        assert iv.role not in m.body, where
        limit = m.limit if m.channel == "linkedin-note" else None
        assert tone_errors(m.body, m.channel, limit, facts) == [], (where, m.body)
    # Variety across one panel.
    by_step: dict[tuple[str, str, str], list[Action]] = {}
    for plan, action in drafts:
        assert action.message is not None
        by_step.setdefault((plan, action.step, action.message.channel), []).append(action)
    for (plan, _step, channel), actions in by_step.items():
        for a, b in itertools.combinations(actions, 2):
            assert a.message is not None
            assert b.message is not None
            wa, wb = word_set(a.message.body, known), word_set(b.message.body, known)
            jaccard = len(wa & wb) / len(wa | wb)
            _record("jaccard", jaccard, f"{plan}:{a.id}/{b.id}:{tone}:{channel}")
            assert jaccard <= 0.6, (plan, a.id, b.id, round(jaccard, 3), a.message.body, b.message.body)


def test_same_input_same_bytes() -> None:
    for tone in TONES:
        iv = interview("titled", 3, True, "email")
        one = [(a.id, a.message) for _, a in timelines(iv, tone)]
        two = [(a.id, a.message) for _, a in timelines(iv, tone)]
        assert one == two


def test_zz_report_figures(capsys: pytest.CaptureFixture[str]) -> None:
    # Runs last in this module (name order is kept by pytest for functions in a file).
    with capsys.disabled():
        print(f"\nmatrix figures: max Jaccard {FIGURES['jaccard']}, longest subject {FIGURES['subject']}")


def test_repeated_words_are_caught() -> None:
    body = (
        "Dear Grace,\n\nI am grateful for the offer. I am considering it carefully.\n\n"
        "I have the written offer, which I am reviewing carefully.\n\nKind regards,\nPriya"
    )
    assert repeated_words(body, ["offer"]) == ["careful"]
    looking = "Hi Fiona,\n\nI look forward to the next steps. I'm looking forward to starting.\n\nBest,\nRachel"
    assert repeated_words(looking, []) == ["forward"]
    assert repeated_words("Hi Jo, thanks for the interview at Acme. Best, Sam", ["Acme"]) == []
