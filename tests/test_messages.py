"""Drafts through the whole plan: every messaging step, tone and channel, for varied interviews.

Also keeps docs/messages.md equal to what the code drafts: run this file as a
script (``python tests/test_messages.py``) to regenerate that page.
"""

from __future__ import annotations

import itertools
import re
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from followup import Candidate, Contact, Interview, Message, Outcome, Plan, presets
from followup.render import TemplateSet
from followup.tone import Facts, Severity, check_tone

NY = ZoneInfo("America/New_York")
DOC = Path(__file__).resolve().parent.parent / "docs" / "messages.md"
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=NY)
REJECTED = Outcome.rejected(at=date(2026, 11, 24))

NAMES = {
    "plain": ["Jane Doe", "Ravi Kumar", "Ana Lima"],
    "non-ascii": ["Zoë Ångström-Bergqvist", "王芳", "José María Fernández de la Cruz"],
    "long": [
        "Maximiliana Alexandrina Featherstonehaugh-Worthington",
        "Bartholomew Cornelius Montgomery-Fitzgerald",
        "Anastasia Konstantinovna Rimsky-Korsakova",
    ],
}
TOPICS = [
    "the data platform migration",
    "exactly-once delivery in streaming",
    "how the team runs on-call",
]


def _interview(names: list[str], *, topics: bool, decision: bool) -> Interview:
    people = [
        Contact(
            name=n,
            email=f"person{i}@acme.example",
            linkedin=f"https://www.linkedin.com/in/person{i}",
            topics=[TOPICS[i]] if topics else [],
            timezone="Europe/Berlin" if i == 1 else None,
        )
        for i, n in enumerate(names)
    ]
    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 20, 14, 0, tzinfo=NY),
        candidate=Candidate(name="Sam Rivera", email="sam@example.com"),
        interviewers=people,
        decision_expected=date(2026, 11, 27) if decision else None,
    )


def _plans(tone: str) -> list[tuple[Plan, Outcome | None]]:
    return [
        (presets.after_interview(tone=tone), None),
        (presets.after_rejection(tone=tone), REJECTED),
        (
            presets.after_rejection(
                tone=tone, separate_feedback_request=True, keep_in_touch_channel="linkedin-message"
            ),
            REJECTED,
        ),
        (presets.after_rejection(tone=tone, linkedin_note_limit=300), REJECTED),
    ]


def _messages(interview: Interview, tone: str) -> list[tuple[str, Message]]:
    out = []
    for plan, outcome in _plans(tone):
        for action in plan.schedule(interview, outcome=outcome, now=NOW):
            if action.message is not None:
                out.append((action.id, action.message))
    return out


def _words(body: str) -> int:
    return len(body.split())


LIMITS = {"thank-you": 150, "rejection-reply": 150, "status-check": 100}


class TestDraftsThroughPlans:
    @pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
    @pytest.mark.parametrize("names", sorted(NAMES))
    @pytest.mark.parametrize(
        ("count", "topics", "decision"),
        [(1, True, True), (3, True, False), (3, False, True), (1, False, False)],
    )
    def test_every_draft_renders_within_limits_and_passes_the_tone_check(
        self, tone: str, names: str, count: int, topics: bool, decision: bool
    ) -> None:
        interview = _interview(NAMES[names][:count], topics=topics, decision=decision)
        messages = _messages(interview, tone)
        steps = {m.step for _id, m in messages}
        assert steps == {
            "thank-you",
            "status-check",
            "rejection-reply",
            "feedback-request",
            "linkedin-connect",
            "keep-in-touch",
        }
        for action_id, m in messages:
            text = m.body if m.subject is None else f"{m.subject}\n\n{m.body}"
            for bad in ("None", "{", "\n\n\n"):
                assert bad not in text, action_id
            if m.step in LIMITS:
                assert _words(m.body) <= LIMITS[m.step] + 10, (
                    action_id,
                    _words(m.body),
                )  # + signature lines
            channel = m.channel
            if m.step == "linkedin-connect":
                assert len(m.body) <= 300
                assert channel == "linkedin-note"
            elif channel == "email":
                assert m.subject
            errors = [
                f
                for f in check_tone(
                    m.body, channel, limit=m.limit, facts=Facts.from_interview(interview)
                )
                if f.severity is Severity.ERROR
            ]
            assert errors == [], (action_id, errors)
        notes = [m.body for _id, m in messages if m.step == "linkedin-connect" and m is not None]
        assert all(len(n) <= 300 for n in notes)

    def test_linkedin_note_respects_the_default_limit(self) -> None:
        interview = _interview(NAMES["long"], topics=True, decision=True)
        timeline = presets.after_rejection().schedule(interview, outcome=REJECTED, now=NOW)
        for a in timeline.filter(step="linkedin-connect"):
            assert a.message is not None
            assert len(a.message.body) <= 200

    def test_interviewers_with_different_topics_get_notes_that_differ_beyond_the_name(self) -> None:
        interview = _interview(NAMES["plain"], topics=True, decision=True)
        timeline = presets.after_interview().schedule(interview, now=NOW)
        by_name = {
            a.recipient.name: a.message.body
            for a in timeline.filter(step="thank-you")
            if a.message and a.recipient
        }
        assert len(by_name) == 3
        for (i, x), (j, y) in itertools.combinations(enumerate(NAMES["plain"]), 2):
            a, b = by_name[x], by_name[y]
            assert a.replace(x.split()[0], "NAME") != b.replace(y.split()[0], "NAME")
            assert TOPICS[i] in a
            assert TOPICS[j] in b

    def test_a_tone_chosen_for_the_plan_applies_to_every_draft(self) -> None:
        interview = _interview(NAMES["plain"][:1], topics=True, decision=True)
        timeline = presets.after_interview(tone="formal").schedule(interview, now=NOW)
        assert {a.message.tone for a in timeline if a.message} == {"formal"}
        assert all(a.message.body.startswith("Dear ") for a in timeline if a.message)
        brief = presets.after_interview(tone="formal").schedule(interview, now=NOW, tone="brief")
        assert {a.message.tone for a in brief if a.message} == {"brief"}

    def test_a_per_step_template_override_is_used(self) -> None:
        import attrs

        interview = _interview(NAMES["plain"][:1], topics=True, decision=True)
        plan = presets.after_interview()
        custom = attrs.evolve(
            plan.get("thank-you"),
            template="Subject: Thanks, {first_name}\n\nHi {first_name},\n\nThanks for the {role} chat[ about {topic}].\n\nBest,\n{signature}\n",
        )
        timeline = plan.replace("thank-you", custom).schedule(interview, now=NOW)
        message = timeline["thank-you.jane-doe"].message
        assert message is not None
        assert message.subject == "Thanks, Jane"
        assert (
            message.body
            == "Hi Jane,\n\nThanks for the Data Engineer chat about the data platform migration.\n\nBest,\nSam Rivera"
        )

    def test_a_template_set_given_to_schedule_is_used(self) -> None:
        interview = _interview(NAMES["plain"][:1], topics=False, decision=True)
        templates = TemplateSet.builtin().with_template(
            "status-check",
            "warm",
            "email",
            "Subject: {role}\n\nHi {first_name},\n\nAny news?\n\nBest,\n{signature}\n",
        )
        timeline = presets.after_interview().schedule(interview, now=NOW, templates=templates)
        message = timeline["status-check.1"].message
        assert message is not None
        assert message.body.startswith("Hi Jane,\n\nAny news?")


# --- docs/messages.md, generated ----------------------------------------------------------

_INTRO = """# Messages

These are the drafts `followup` writes for the README's example interview
(Acme Corp, Data Engineer; Sam Rivera met Jane Doe, and they talked about the
data platform migration; the decision was expected on Friday 27 November).
The page is generated from the code by `tests/test_messages.py`, and a test
fails if it drifts, so what you read here is what the library sends.

Every draft is short, specific and gracious; it names what you talked about
when it knows, asks one easy question when it asks anything, and passes the
[tone check](tone.md). Tones: **formal**, **warm** (the default) and **brief**.
Choose one for the whole plan (`presets.after_rejection(tone="formal")`,
`followup plan FILE --tone brief`) or override the template of one step
(`ThankYou(template=...)`, see [Extending](extending.md)).

## How a draft is written

A draft is a template (`followup/templates/<kind>.<tone>.<channel>.txt`: the
order of its sentences) filled with sentences from the language's phrase file
(`followup/phrases/en.toml`). Each slot of a template (`{thanks}`, `{recall}`,
`{interest}`, ...) has several frames; a draft's frames are chosen by a stable
hash of the interview, the step and the recipient, never at random, so the
notes to the members of one panel read differently while the same input always
gives the same bytes. What this page shows is one choice among them. Each
member of a panel starts from a frame of their own in every slot, and a sentence
that would repeat its own note's words ("I appreciated the chance ... I
appreciated your comments", "valued ... valuable") moves on to a frame no other
member starts with.

- **Names.** Written as people write them. Formal: a title goes with the family
  name ("Dr. Ingrid Müller" is "Dear Dr. Müller", "Ms. María García López" is
  "Dear Ms. García López": two Spanish surnames are one; "Prof." is written
  out, "Dear Professor Hartmann"), and without a title the given name is used
  ("Dear Orla", never the mail-merge "Dear Orla Brady"). Warm and brief: the
  given name ("Hi Ingrid" for "Ms. Ingrid Lund"), but a doctor or professor
  keeps the title in every tone ("Hello Dr. Müller"), as do a canon, rabbi,
  priest or bishop ("Dear Canon Hall", "Rabbi Cohen"); a minister ("Rev.
  Alasdair MacLeod") is greeted by the given name, as careful writers do
  ("Dear Alasdair"). "Søren" and "张伟" are used whole; a contact's
  `family_name` says which part is the family name when the name cannot
  ("Kim Min-jun" with `family_name = "Kim"`; a romanised Korean name such as
  "Choi Eun-ji" is read family name first without it). A contact's
  `honorific` ("Ms", "Dr", "Prof.", "Puan", "Ibu", "san") is their title;
  before a patronymic, and with a Malay or Indonesian honorific, it goes with
  the person's own name ("Nur Aisyah binti Ahmad" is "Dear Puan Nur Aisyah",
  "Budi Santoso" with `honorific = "Pak"` is "Dear Pak Budi"), and "san"
  follows the family name ("Dear Tanaka-san").
- **Names by the custom of where people work.** A title the file gives (in the
  name or as `honorific`) is for formal letters only in most places: an
  American who writes "Ms." for everyone still gets "Hi Jane" in a warm
  note. It is how the person is addressed in every tone, after "Dear" ("Hi
  Ms Choi" mixes registers), when it is an Indonesian or Japanese honorific
  ("Dear Ibu Wulandari", "Dear Tanaka-san"), when the name is written family
  name first ("Choi Eun-ji" or "Tan Wei Ling" with `family_name = "Tan"`,
  each with `honorific = "Ms"`, is "Dear Ms Choi", "Dear Ms Tan"), or when the person
  works (by their zone, else the interview's) in Korea, Japan, China,
  Taiwan, Indonesia, Germany, Austria, Switzerland or Liechtenstein.
  Without a title, a name in its own order of someone working in Korea,
  Japan, China or Taiwan is used whole in every tone ("Dear Park Ji-hoon",
  never "Hi Ji-hoon"; a colleague from elsewhere, "Dan Whitaker", is "Hi
  Dan"), as is any full name in the German-speaking countries ("Dear Anna
  Schmidt"); a formal letter there and in Indonesia uses the full name too,
  as does one without a title in India, France, Belgium, Luxembourg and
  French-speaking Africa, where the given name alone is too familiar ("Dear
  Kavita Deshpande"; give `honorific` for "Dear Ms Deshpande").
  In the Gulf, Jordan, Egypt, Ethiopia and Eritrea a title goes with the
  given name, in every tone ("Dear Eng. Khalid", "Dear Eng. Tesfaye": the
  second name is the father's); a Vietnamese name takes a title with its
  last, given name ("Ms Mai" for Nguyễn Thị Mai, greeted "Hi Mai").
  People named in prose to someone else are named as a greeting to them
  would name them ("Meeting Park Ji-hoon, Professor Hartmann and Dan", "my
  conversation with Dr Brady"). A contact's `greeting` ("Bob", "Ms Choi")
  always wins, in every tone. Titles from other languages read as English
  ones ("Herr", "Dra.", "Sra." give "Mr.", "Dr.", "Ms."), and any other
  abbreviation with a full stop before a name ("Ing. Pavel Novák") is kept
  as a title: never a bare title, never an empty greeting.
- **Only what the file says.** An interviewer's own topics go to that
  interviewer, the interview's topics to the panel, and a topic is tied to the
  person ("what you said about ...", "your point about ..."). A recruiter who
  did not interview hears no topic; their notes name whom you met ("arranging
  my interview with Orla and Farhan"), the role and the decision, and claim
  nothing the file does not say (no "organised so carefully", no "the team"
  or "interviews" when one person interviewed you). A recruiter who also sat on
  the panel is thanked for organising as well as for the conversation, and told
  the decision date is noted, with an offer of references ("I know you hope to
  decide by Friday 27 November; if references or anything else would help
  before then, just let me know"). A second topic shares the first one's
  sentence ("..., and about ...") rather than a second sentence of the same
  shape, and nothing around a topic claims what it means; later messages lead
  with another topic than the thank-you did.
- **Your material.** The interview's `highlights` (a sentence or two on why you
  fit) go, as written, into one thank-you of a panel: the note to the
  interviewer whose topics share the most words with them (one who is not also
  getting something promised, else the first), right after the sentence that
  recalls that conversation ("It reminded me of my own work: ...").
  Interest is said once and tied to what was discussed ("That discussion has
  strengthened my interest in joining Acme"); with nothing discussed to tie it
  to, a note says nothing rather than a stock line. `promised` goes to the person you promised it to: a
  contact's own `promised` to that contact, the interview's to the first
  interviewer only; the thank-you delivers it and a note after accepting an
  offer mentions it; its subject names it ("Thanks – and the paper on sensor
  calibration"). A person's `moment` (a sentence or two you wrote to them
  about your conversation: "Your story about the 3 a.m. backfill made me
  laugh") goes, as written, into the thank-you to that person, straight after
  the thanks and in place of the sentence that recalls their topics; a topic
  it already names is not recalled beside it, another may follow ("It was good
  to talk about ... as well"), and the sentences around it do not repeat its
  words. Their connection note carries it when the note stays within its
  limit, else recalls a topic; a recruiter who was not in the conversation
  reads theirs in the first status check; nobody else's draft carries it. Your `reason` for a decline or withdrawal is quoted as
  written, and the sentence around it does not repeat its words ("I have
  decided ..." twice). The decision runs on into it when it opens with "I",
  "my", "our" or "we" ("I have decided to decline the offer, as I have
  accepted a position elsewhere.") and is short; a longer one, or one that is a
  sentence with its own verb ("The commute would be too long."), follows as a
  sentence of its own, and a phrase ("closer to home") is introduced ("By way of
  explanation: ...", "To explain: ...", "In short: ..." in the brief tone). The reason a company
  gave for a rejection (the outcome's `reason`) is acknowledged in the reply when it
  reads as a clause ("I understand that the team wanted more quantitative
  experience."), never quoted after "You mentioned that it came down to this:",
  and the question asks for feedback beyond it ("Beyond that, is there anything
  else you would suggest I work on?"); a phrase ("more quantitative
  experience") is not repeated to the person who wrote it. A separate feedback
  request asks about the reason itself, quoted as written.
- **Chair and country.** The interviewer who chaired a panel (a title with
  "Chair", such as "Head of School (Panel Chair)") is thanked for chairing it. A
  formal sign-off follows the recipient's country (from their holidays, else
  the time zone they work in): "Sincerely" or "Best regards" in the US and
  Canada, "Kind regards" or "Yours sincerely" in Britain, Ireland, Australia
  and New Zealand, "Kind regards" or "Best regards" elsewhere.
- **Asking well.** A status check thanks before it asks; a second one points at
  the first and asks for no more than a one-line update. With another offer to
  answer (`other_offer_by`), a check sent on or before that day says so once, as
  information, with your preference ("I hold another offer, which expires on
  Monday 30 November; I would much rather join Murtec."), never as a date for
  their reply. A check-in is placed by
  your last contact with the person when the history has one ("We last spoke in
  February"), else by the interview, and gives the
  person a reason to answer (how things have moved on, a role like yours) and an
  easy way to (a line is enough); a check-in after a declined offer or a
  withdrawal thanks them again.
- **Details.** Subjects stay within 60 characters (the role's shorter form
  first, never a cut word; a second status check answers with "Re:" only when
  that fits); the company is named without its legal form
  ("Pennine Logistics", not "Pennine Logistics Ltd"; "Nusantara Digital", not
  "PT Nusantara Digital"; an institution as its
  people say it, "the Trust", "the university") and, where the frames
  allow, only once in a message; no links to the
  company's own pages; dates carry day and month.
- **Channels.** Someone without an email address gets a LinkedIn message when
  their profile is known, else your thanks go through the recruiter, else a
  task to find an address; a connection request without a profile is a task.

Facts a template may use: `{first_name}`, `{formal_name}`, `{titled_name}`
(the name of someone whose title is kept in every tone), `{courtesy_name}`
(the name every tone greets with "Dear", when the recipient's culture or
honorific asks for it, "Ms Choi"), `{name}`,
`{company}`, `{company_name}`, `{role}`, `{topic}`, `{topic2}`, `{stage}`,
`{panel}` ("the panel", only with more than one interviewer), `{panel_names}`
and `{panel_first_names}` (whom you met, for a recruiter),
`{candidate}`, `{candidate_first_name}`, `{signature}`, `{highlights}`,
`{moment}` (the recipient's `moment`, as a sentence, in the thank-you, the
connection note and a recruiter's first status check), `{promised}`,
`{promised_item}` (what you promised without "I mentioned", for a subject),
`{promised_link}` and `{promised_said}` (the same, when it is a link, or says it
was promised), `{decision_date}`, `{other_offer_date}` (the day you must answer
another offer by, your `other_offer_by`, in a status check sent on or before it),
`{interview_day}`, `{interview_date}`,
`{interview_month}`, `{previous_date}`, `{previous_subject}`, `{about_name}`,
`{about_first_name}`, `{update}` (your `news`, in check-ins months later, as a
sentence), `{careers_url}`, `{deadline}` (an offer's
`respond_by`, "Friday 4 December") and `{reason}` (the one line you gave for a
decline or a withdrawal, or the reason a company gave for a rejection, as a
sentence), `{start_date}` (the start date agreed with an offer, "Monday 4
January"), `{note}` (your own sentence or two for the reply to a decision, as
written), `{open_to}` (what you would welcome hearing about later, "a
Nairobi-based post"), `{decided_month}` (the month you
declined or withdrew, "December"; left out when it is the interview's month),
`{last_contact_month}` (the month you were last in touch with the recipient after
the interview, from the history: their reply, a message marked done, the outcome
they sent; "February");
and the slots above. The drafts of
offers and withdrawals are on their own page:
[When the answer is yes, or when you say no](offers.md).
`[text with {topic}]` is kept only when every placeholder in it has a value;
`[A|B]` gives A when it can, else B. In the phrase file a frame may start with
the facts it needs beyond its own, in angle brackets: `<topic, !highlights>`
before a sentence that refers back to the topic ("That discussion ...") keeps
it for drafts with a topic and without highlights, and `<topic|moment>` asks for
either.
"""

_TITLES = {
    "thank-you": "Thank-you note (after the interview)",
    "moment": "Thank-you and connection notes with your own line (`moment`)",
    "outcome-lines": "Replies to a decision with your own lines (`start_date`, `note`, `open_to`)",
    "status-check": "Status check (while the decision is pending)",
    "status-check-again": "Second status check (shorter, with an easy out)",
    "rejection-reply": "Reply to a rejection: thanks and one feedback question",
    "rejection-thanks": "Reply to a rejection, when feedback is asked separately",
    "feedback-request": "Feedback request (its own message)",
    "linkedin-connect": "LinkedIn connection note",
    "keep-in-touch": "Keep-in-touch check-in",
}


_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")


def _quote(subject: str | None, body: str) -> str:
    """A draft as a blockquote: it wraps between words on any screen, where a code
    block cut each paragraph (one line) off at the right edge. Line breaks inside a
    paragraph (a sign-off) are kept; Markdown's own characters are escaped."""
    paragraphs = ["**Subject:** " + _MARKDOWN.sub(r"\\\1", subject)] if subject else []
    for paragraph in body.split("\n\n"):
        lines = [_MARKDOWN.sub(r"\\\1", line) for line in paragraph.split("\n")]
        paragraphs.append("<br>\n".join(lines))
    return "\n>\n".join("\n".join(f"> {line}" for line in p.split("\n")) for p in paragraphs)


MOMENT = "Your story about the 3 a.m. backfill made me laugh, and it told me a lot about how the team works."


ACCEPT_NOTE = "Thank you for agreeing to the relocation support and a hybrid first month."
REJECTED_NOTE = "I learned a lot from the case study, and I'm working on my streaming design."
OPEN_TO = "a platform role in the Berlin office"


def generate() -> str:
    interview = Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 20, 14, tzinfo=NY),
        interviewers=[
            Contact(
                name="Jane Doe", email="jane@acme.example", topics=["the data platform migration"]
            )
        ],
        candidate=Candidate(name="Sam Rivera", email="sam@example.com"),
        decision_expected=date(2026, 11, 27),
    )
    sections: dict[str, list[str]] = {k: [] for k in _TITLES}
    for tone in ("formal", "warm", "brief"):
        seen: set[tuple[str, str]] = set()
        for plan, outcome in _plans(tone):
            for action in plan.schedule(interview, outcome=outcome, now=NOW):
                m = action.message
                if m is None:
                    continue
                kind = "status-check-again" if action.id == "status-check.2" else m.step
                if kind == "rejection-reply" and "feedback-request" in plan:
                    kind = "rejection-thanks"
                channel = (
                    "LinkedIn message"
                    if m.channel == "linkedin-message"
                    else ("LinkedIn note" if kind == "linkedin-connect" else "email")
                )
                if kind == "linkedin-connect":
                    limit = plan.get("linkedin-connect").note_limit  # type: ignore[attr-defined]
                    channel += f", {limit} characters"
                if (kind, channel) in seen:
                    continue
                seen.add((kind, channel))
                sections[kind].append(f"**{tone}** ({channel})\n\n{_quote(m.subject, m.body)}\n")
    # The same interview, with the line Sam wrote to Jane about their conversation.
    jane = attrs.evolve(interview.interviewers[0], linkedin="https://www.linkedin.com/in/janedoe", moment=MOMENT)
    with_moment = attrs.evolve(interview, interviewers=[jane])
    for tone in ("formal", "warm", "brief"):
        for plan, outcome in _plans(tone)[:2]:
            for action in plan.schedule(with_moment, outcome=outcome, now=NOW):
                m = action.message
                if m is None or m.step not in ("thank-you", "linkedin-connect"):
                    continue
                channel = "email" if m.channel == "email" else f"LinkedIn note, {m.limit} characters"
                sections["moment"].append(f"**{tone}** ({channel})\n\n{_quote(m.subject, m.body)}\n")
    # The same interview after a decision, with the lines Sam gave in [outcome].
    decided = [
        Outcome.offer(
            at=date(2026, 11, 24),
            decision="accept",
            decided=date(2026, 11, 27),
            start_date=date(2027, 1, 4),
            note=ACCEPT_NOTE,
        ),
        Outcome.rejected(at=date(2026, 11, 24), note=REJECTED_NOTE, open_to=OPEN_TO),
    ]
    for tone in ("formal", "warm", "brief"):
        for outcome in decided:
            plan = presets.after_interview(tone=tone)
            for action in plan.schedule(interview, outcome=outcome, now=datetime(2026, 11, 27, 18, tzinfo=NY)):
                m = action.message
                if m is None or m.step not in ("offer-accept", "rejection-reply"):
                    continue
                sections["outcome-lines"].append(f"**{tone}** (email)\n\n{_quote(m.subject, m.body)}\n")
    parts = [_INTRO]
    for kind, title in _TITLES.items():
        parts.append(f"## {title}\n")
        parts.extend(sections[kind])
    return "\n".join(parts).rstrip() + "\n"


class TestMessagesPage:
    def test_docs_messages_page_matches_the_code(self) -> None:
        assert DOC.read_text(encoding="utf-8") == generate(), (
            "docs/messages.md is out of date: run  python tests/test_messages.py  to regenerate it"
        )

    def test_page_shows_every_kind_in_every_tone(self) -> None:
        text = generate()
        for title in _TITLES.values():
            assert f"## {title}" in text
        assert len(re.findall(r"^\*\*(formal|warm|brief)\*\*", text, re.MULTILINE)) >= 7 * 3


if __name__ == "__main__":
    DOC.write_text(generate(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
