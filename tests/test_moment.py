"""A person's ``moment`` (in ``[[interview.interviewers]]`` and ``[interview.recruiter]``, and
``Contact(moment=)``): a sentence or two, in the candidate's own words, written to that
person about something from their conversation (issue 14; blind judges, drafts round 6:
"what each message was for lived only in the candidate's head")."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from drafting import cli_drafts, flat, write_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_own_drafts import CHICAGO, NOW, interviews

import followup
from followup import Candidate, Contact, Interview, Outcome, presets
from followup.errors import ValidationError
from followup.files import load
from followup.tone import Facts, Severity, check

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MOMENT = "Our debate about scorecards ran over, and your point on calibration has stayed with me."


def _pending(tmp_path: Path, interviewer: str = "", recruiter: str = "") -> Path:
    text = (EXAMPLES / "pending.toml").read_text(encoding="utf-8")
    text = text.replace(
        'linkedin = "https://www.linkedin.com/in/danielokafor"\n',
        f'linkedin = "https://www.linkedin.com/in/danielokafor"\n{interviewer}',
        1,
    )
    text = text.replace(
        'email = "lena.fischer@brightwater.example"\n',
        f'email = "lena.fischer@brightwater.example"\n{recruiter}',
        1,
    )
    return write_file(tmp_path, text)


class TestTheField:
    def test_the_file_gives_each_person_their_own(self, tmp_path: Path) -> None:
        path = _pending(
            tmp_path,
            interviewer=f'moment = "{MOMENT}"\n',
            recruiter='moment = """Thanks for the tip about the portfolio review.\nIt helped."""\n',
        )
        iv = load(path).interview
        assert iv.interviewers[0].moment == MOMENT
        assert iv.recruiter is not None
        assert iv.recruiter.moment == "Thanks for the tip about the portfolio review.\nIt helped."

    def test_it_survives_the_converter(self) -> None:
        person = Contact(name="Daniel Okafor", moment=MOMENT)
        assert followup.to_dict(person)["moment"] == MOMENT
        assert followup.from_dict(followup.to_dict(person), Contact) == person
        assert "moment" not in followup.to_dict(Contact(name="Daniel Okafor"))

    @pytest.mark.parametrize("bad", ["", "   ", "a\x00b", "ring\x07"])
    def test_empty_text_or_control_characters_are_refused(self, bad: str) -> None:
        with pytest.raises(ValidationError) as info:
            Contact(name="Daniel Okafor", moment=bad)
        assert info.value.field == "moment"

    def test_line_breaks_and_tabs_are_fine(self) -> None:
        assert Contact(name="Daniel Okafor", moment="One.\r\nTwo.\tThree.").moment == "One.\r\nTwo.\tThree."

    def test_a_bad_value_in_the_file_names_the_field_and_says_what_it_wants(self, tmp_path: Path) -> None:
        with pytest.raises(followup.InputFileError) as info:
            load(_pending(tmp_path, interviewer="moment = 42\n"))
        message = str(info.value)
        assert "interview.toml:26: interview.interviewers[1].moment: 42 is not valid" in message
        assert "a sentence or two to them about your conversation" in message
        with pytest.raises(followup.InputFileError) as info:
            load(_pending(tmp_path, recruiter='moment = ""\n'))
        assert "interview.recruiter.moment" in str(info.value)


# --- drafts -----------------------------------------------------------------------------------

PANEL = """\
[candidate]
name = "Nadia Okafor"
email = "nadia@example.com"

[interview]
company = "Harbour Credit Ltd"
role = "Senior Data Scientist"
start = 2026-11-20T14:00:00
timezone = "Europe/London"
duration = "1h"
topics = ["the move to cloud scoring"]
decision_expected = 2026-11-27

[[interview.interviewers]]
name = "Tom Reed"
email = "tom@hc.example"
linkedin = "https://www.linkedin.com/in/tomreed"
topics = ["moving the scorecard to gradient boosting", "explaining model decisions to the regulator"]
{tom}
[[interview.interviewers]]
name = "Ruth Ade"
email = "ruth@hc.example"
linkedin = "https://www.linkedin.com/in/ruthade"
topics = ["tying agents' incentives to collections"]
{ruth}
[[interview.interviewers]]
name = "Kate Lowe"
title = "People Partner"
email = "kate@hc.example"
linkedin = "https://www.linkedin.com/in/katelowe"

[interview.recruiter]
name = "Kate Lowe"
title = "People Partner"
email = "kate@hc.example"
{kate}
[outcome]
{outcome}

[plan]
preset = "after-interview"
tone = "{tone}"
"""
TOM = MOMENT  # shares "scorecard" with his first topic
RUTH = "Your story about the night the collections dashboard went dark made me laugh all the way home."
KATE = "Thank you, too, for the tip about bringing a printed case study: it helped."
TONES = ("formal", "warm", "brief")
PENDING = 'status = "pending"'
REJECTED = 'status = "rejected"\nat = 2026-12-08'


def _panel(
    tmp_path: Path,
    tone: str,
    *,
    tom: str | None = TOM,
    ruth: str | None = RUTH,
    kate: str | None = KATE,
    outcome: str = PENDING,
    now: str = "2026-11-20T10:00:00",
) -> dict[str, dict[str, Any]]:
    def line(text: str | None) -> str:
        return f"moment = {json.dumps(text)}\n" if text else ""

    text = PANEL.format(tom=line(tom), ruth=line(ruth), kate=line(kate), outcome=outcome, tone=tone)
    path = write_file(tmp_path, text, f"{tone}.toml")
    return cli_drafts(path, now)


def _sentences(body: str) -> list[str]:
    """Like drafting.sentences, but also split after an exclamation mark."""
    return re.split(r"(?<=[.?!])\s+", flat(body))


class TestThankYou:
    @pytest.mark.parametrize("tone", TONES)
    def test_each_note_carries_its_own_moment_straight_after_the_thanks(self, tmp_path: Path, tone: str) -> None:
        got = _panel(tmp_path, tone)
        for key, moment in (("thank-you.tom-reed", TOM), ("thank-you.ruth-ade", RUTH), ("thank-you.kate-lowe", KATE)):
            body = got[key]["body"]
            paragraph = body.split("\n\n")[1]
            said = _sentences(paragraph)
            # The opening thanks, then the candidate's own line as written, in one paragraph.
            assert said[0].startswith(("Thank", "Thanks", "Many thanks", "I am grateful", "I really")), body
            assert " ".join(said[1 : 1 + len(_sentences(moment))]) == moment, body
            assert flat(body).count(moment) == 1, body

    @pytest.mark.parametrize("tone", TONES)
    def test_no_one_else_reads_a_moment(self, tmp_path: Path, tone: str) -> None:
        for outcome, now in ((PENDING, "2026-11-20T10:00:00"), (REJECTED, "2026-12-09T10:00:00")):
            got = _panel(tmp_path, tone, outcome=outcome, now=now)
            owners = {TOM: "tom-reed", RUTH: "ruth-ade", KATE: "kate-lowe"}
            for moment, owner in owners.items():
                carrying = sorted(k for k, d in got.items() if moment in flat(d["body"]))
                assert all(k.endswith(owner) for k in carrying), (moment, carrying)
                assert f"thank-you.{owner}" in carrying or outcome != PENDING

    @pytest.mark.parametrize("tone", TONES)
    def test_a_topic_the_moment_names_is_not_recalled_beside_it(self, tmp_path: Path, tone: str) -> None:
        got = _panel(tmp_path, tone)
        tom = flat(got["thank-you.tom-reed"]["body"])
        assert "gradient boosting" not in tom, tom
        # His other topic is not what the moment is about: it may still feed the note.
        if tone != "brief":
            assert "explaining model decisions to the regulator" in tom, tom
        # Without a moment, the first topic leads as before.
        plain = flat(_panel(tmp_path, tone, tom=None)["thank-you.tom-reed"]["body"])
        assert "gradient boosting" in plain, plain
        assert MOMENT not in plain

    @pytest.mark.parametrize("tone", TONES)
    def test_the_frames_around_it_do_not_repeat_its_words(self, tmp_path: Path, tone: str) -> None:
        body = flat(_panel(tmp_path, tone)["thank-you.tom-reed"]["body"])
        rest = body.replace(TOM, " ")
        for word in ("stayed", "debate", "calibration", "scorecard"):
            assert word not in rest, (word, body)

    def test_same_input_same_bytes(self, tmp_path: Path) -> None:
        for tone in TONES:
            assert _panel(tmp_path, tone) == _panel(tmp_path, tone)

    @pytest.mark.parametrize("tone", TONES)
    def test_a_panel_with_moments_still_reads_as_three_notes(self, tmp_path: Path, tone: str) -> None:
        got = _panel(tmp_path, tone)
        names = {"tom", "reed", "ruth", "ade", "kate", "lowe", "nadia", "okafor"}

        def words(body: str) -> set[str]:
            return set(re.findall(r"[a-z']+", body.lower())) - names

        notes = [words(got[f"thank-you.{k}"]["body"]) for k in ("tom-reed", "ruth-ade", "kate-lowe")]
        for i in range(3):
            for j in range(i + 1, 3):
                a, b = notes[i], notes[j]
                assert len(a & b) / len(a | b) <= 0.6


class TestConnectionNote:
    @pytest.mark.parametrize("tone", TONES)
    def test_the_note_recalls_the_moment_only_within_its_limit(self, tmp_path: Path, tone: str) -> None:
        got = _panel(tmp_path, tone, outcome=REJECTED, now="2026-12-09T10:00:00")
        notes = {k: d["body"] for k, d in got.items() if k.startswith("linkedin-connect.")}
        assert len(notes) == 3
        for key, body in notes.items():
            assert len(body) <= 200, body
            assert body.endswith(("Nadia", "Nadia Okafor")), body
            owner = {"linkedin-connect.tom-reed": TOM, "linkedin-connect.ruth-ade": RUTH}.get(key, KATE)
            others = {TOM, RUTH, KATE} - {owner}
            assert not any(m in body for m in others), body
        if tone == "brief":
            # A brief note has room for each person's line, as written.
            assert TOM in notes["linkedin-connect.tom-reed"]
            assert RUTH in notes["linkedin-connect.ruth-ade"]
            assert KATE in notes["linkedin-connect.kate-lowe"]

    @pytest.mark.parametrize("tone", TONES)
    def test_a_moment_too_long_for_the_note_gives_way_to_the_topic(self, tmp_path: Path, tone: str) -> None:
        long = (
            "Your story about the night the collections dashboard went dark, and how the team "
            "rebuilt it by morning, made me laugh all the way home on the train."
        )
        got = _panel(tmp_path, tone, ruth=long, outcome=REJECTED, now="2026-12-09T10:00:00")
        note = got["linkedin-connect.ruth-ade"]["body"]
        assert len(note) <= 200, note
        assert "dashboard" not in note, note
        if tone != "formal":  # a formal note with this role has room for no recall at all
            assert "tying agents' incentives to collections" in note, note
        # The thank-you, an email, has room for it.
        assert long in flat(got["thank-you.ruth-ade"]["body"])

    def test_a_premium_note_has_room_for_it_in_every_tone(self, tmp_path: Path) -> None:
        for tone in TONES:
            text = PANEL.format(tom=f"moment = {json.dumps(TOM)}\n", ruth="", kate="", outcome=REJECTED, tone=tone)
            path = write_file(tmp_path, text + "linkedin_note_limit = 300\n", "premium.toml")
            note = cli_drafts(path, "2026-12-09T10:00:00")["linkedin-connect.tom-reed"]
            assert TOM in note["body"], note["body"]
            assert len(note["body"]) <= 300


# --- the tone check ---------------------------------------------------------------------------

INNOCENT = [
    MOMENT,
    "Your story about the urgent care night shift made me laugh all the way home.",
    "Thank you, too, for the tip about bringing a printed case study: it helped.",
]
LOADED = [
    "I still think about your ASAP queue, and I really need this job.",
    "Honestly, the urgent rebuild you described is exactly what I am desperate to work on!!",
    "Per my last email, you said you would get back to me by Friday.",
]


def _moment_spans(body: str, moments: list[str]) -> list[tuple[int, int]]:
    spans = []
    flat_moments = {" ".join(m.split()) for m in moments}
    for m in flat_moments:
        sentence = m if m[-1] in ".!?" else m + "."
        start = body.find(sentence)
        while start != -1:
            spans.append((start, start + len(sentence)))
            start = body.find(sentence, start + 1)
    return spans


def _findings_outside_moments(iv: Interview, tone: str) -> list[tuple[str, str, str]]:
    facts = Facts.from_interview(iv)
    moments = [p.moment for p in (*iv.interviewers, iv.recruiter) if p is not None and p.moment]
    rejected = Outcome.rejected(at=date(2026, 11, 24), contact=iv.interviewers[0])
    out = []
    for plan, outcome in ((presets.after_interview(tone=tone), None), (presets.after_rejection(tone=tone), rejected)):
        for action in plan.schedule(iv, outcome=outcome, now=NOW):
            m = action.message
            if m is None:
                continue
            inside = _moment_spans(m.body, moments)
            for f in check(m.body, m.channel, limit=m.limit, facts=facts):
                if f.severity is not Severity.ERROR:
                    continue
                if any(a <= f.start and f.end <= b for a, b in inside):
                    continue  # the candidate's own words, quoted as written: not ours to judge
                out.append((action.id, f.rule, f.text))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), tone=st.sampled_from(TONES))
def test_our_wording_around_a_moment_passes_the_check(data: st.DataObject, tone: str) -> None:
    iv = data.draw(interviews())
    people = [
        attrs.evolve(p, moment=data.draw(st.none() | st.sampled_from(INNOCENT + LOADED)))
        for p in iv.interviewers
    ]
    recruiter = iv.recruiter
    if recruiter is not None:
        recruiter = attrs.evolve(recruiter, moment=data.draw(st.none() | st.sampled_from(INNOCENT)))
    iv = attrs.evolve(iv, interviewers=people, recruiter=recruiter)
    assert _findings_outside_moments(iv, tone) == []


@pytest.mark.parametrize("tone", TONES)
def test_an_innocent_moment_passes_the_check_whole(tone: str) -> None:
    iv = Interview(
        company="Urgent Care Partners Inc.",
        role="Urgent Care Coordinator (Nights)",
        start=datetime(2026, 11, 17, 10, 0, tzinfo=CHICAGO),
        candidate=Candidate(name="Priya Raman"),
        interviewers=[
            Contact(name="Dr. Ingrid Müller", email="i@example.com", moment=INNOCENT[1], topics=["the urgent care expansion"]),
            Contact(name="Tom Becker", email="t@example.com", linkedin="https://www.linkedin.com/in/tb", moment=INNOCENT[0]),
        ],
        recruiter=Contact(name="Grace Liu", email="grace@example.com", moment=INNOCENT[2]),
    )
    facts = Facts.from_interview(iv)
    rejected = Outcome.rejected(at=date(2026, 11, 24), contact=iv.interviewers[0])
    for plan, outcome in ((presets.after_interview(tone=tone), None), (presets.after_rejection(tone=tone), rejected)):
        for action in plan.schedule(iv, outcome=outcome, now=datetime(2026, 11, 25, 9, 0, tzinfo=CHICAGO)):
            m = action.message
            if m is not None:
                errors = [f for f in check(m.body, m.channel, limit=m.limit, facts=facts) if f.severity is Severity.ERROR]
                assert errors == [], (action.id, m.body, errors)


def test_a_loaded_moment_is_flagged_as_the_candidates_own_words() -> None:
    # The check still reads the whole draft, the candidate's line included: "I really need
    # this job" is worth a warning wherever it comes from. The drafts quote it as written.
    iv = Interview(
        company="Acme",
        role="Data Engineer",
        start=datetime(2026, 11, 17, 10, 0, tzinfo=CHICAGO),
        candidate=Candidate(name="Priya Raman"),
        interviewers=[Contact(name="Tom Becker", email="t@example.com", moment=LOADED[0])],
    )
    (action,) = [a for a in presets.after_interview().schedule(iv, now=datetime(2026, 11, 17, 12, 0, tzinfo=CHICAGO)) if a.step == "thank-you"]
    assert action.message is not None
    body = action.message.body
    rules = {f.rule for f in check(body, "email", facts=Facts.from_interview(iv)) if f.severity is Severity.ERROR}
    assert rules == {"pressure-asap", "desperation-need-job"}
    assert _findings_outside_moments(iv, "warm") == []


class TestStatusCheck:
    LENA = "It was good to hear about your move from Berlin."

    @pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
    def test_a_recruiter_outside_the_conversation_reads_their_line_once_in_the_first_check(
        self, tmp_path: Path, tone: str
    ) -> None:
        text = _pending(tmp_path, interviewer=f'moment = "{MOMENT}"\n', recruiter=f'moment = "{self.LENA}"\n')
        text.write_text(text.read_text(encoding="utf-8").replace('tone = "warm"', f'tone = "{tone}"'), encoding="utf-8")
        drafted = cli_drafts(text, "2026-03-03T12:00:00-05:00")
        got = {key: flat(d["body"]) for key, d in drafted.items()}
        first = got["status-check.1"]
        # Straight after the thanks, before the question.
        said = _sentences(first.split(", ", 1)[1])  # after the greeting
        assert said[1] == self.LENA, first
        assert first.count(self.LENA) == 1
        assert self.LENA not in got["status-check.2"]
        assert MOMENT not in first
        assert [k for k, b in got.items() if self.LENA in b] == ["status-check.1"]
        assert [k for k, b in got.items() if MOMENT in b] == ["thank-you.daniel-okafor"]

    @pytest.mark.parametrize("tone", TONES)
    def test_an_interviewer_who_read_it_in_the_thank_you_does_not_again(self, tmp_path: Path, tone: str) -> None:
        # Kate sat on the panel: her thank-you carried her line; her status checks do not.
        got = _panel(tmp_path, tone, now="2026-12-01T10:00:00")
        assert KATE in flat(got["thank-you.kate-lowe"]["body"])
        assert KATE not in flat(got["status-check.1"]["body"])
