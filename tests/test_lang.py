"""Tests for followup.lang (the phrase file) and the sentence slots render fills from it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.errors import TemplateError
from followup.lang import ROLES, language
from followup.render import (
    KINDS,
    PLACEHOLDERS,
    SLOTS,
    SUBJECT_LIMIT,
    TONES,
    Template,
    TemplateSet,
    _frame_needs,
    fill_slots,
    render,
)

FACTS = {
    "first_name": "Ingrid",
    "formal_name": "Dr. Müller",
    "company": "Northgate Health",
    "role": "Operations Analyst",
    "candidate": "Priya Raman",
    "candidate_first_name": "Priya",
    "signature": "Priya Raman",
    "topic": "the urgent care expansion",
    "topic2": "weekend staffing",
    "interview_day": "Tuesday 17 November",
    "previous_date": "26 November",
}


def _frames() -> list[tuple[str, str, str, str | None, int, str]]:
    en = language()
    out = []
    for kind, table in en.data["frames"].items():
        for slot, entry in table.items():
            regions = [k for k in entry if k.isupper()]  # a country's own list: sign_off.US
            for role in (None, *ROLES, *regions):
                source = entry.get(role, {}) if role else entry
                for tone in TONES:
                    for i, text in enumerate(source.get(tone, ())):
                        out.append((kind, slot, tone, role, i, text))
    return out


class TestPhraseFile:
    def test_slots_are_exactly_the_documented_ones(self) -> None:
        assert language().slots() == SLOTS

    @pytest.mark.parametrize("frame", _frames(), ids=lambda f: f"{f[0]}.{f[1]}.{f[2]}.{f[3]}[{f[4]}]")
    def test_every_frame_is_a_valid_template_of_facts(
        self, frame: tuple[str, str, str, str | None, int, str]
    ) -> None:
        kind, slot, _tone, _role, _i, written = frame
        needs, text = _frame_needs(written)
        # "<topic|moment>": one of the two.
        named = {a for n in needs for a in n.lstrip("!").split("|")}
        assert named <= PLACEHOLDERS, "a frame needs facts, never slots"
        assert not text.startswith("<"), "needs are written '<topic, !highlights> ' before the text"
        template = Template(name=f"{kind}.{slot}", variants=(text,))
        assert template.placeholders <= PLACEHOLDERS, "a frame uses facts, never other slots"
        assert "\n" not in text
        assert "!" not in text
        assert text == text.strip()

    @pytest.mark.parametrize("key", TemplateSet.builtin().keys, ids=".".join)
    def test_every_slot_a_template_uses_has_frames_in_its_tone(self, key: tuple[str, str, str]) -> None:
        kind, tone, _channel = key
        template = TemplateSet.builtin().get(*key)
        for slot in template.placeholders & SLOTS:
            assert language().frames(kind, slot, tone), (kind, slot, tone)
        for slot in template.required & SLOTS:  # an optional slot may be left empty for a role
            for role in ROLES:
                assert language().frames(kind, slot, tone, role), (kind, slot, tone, role)

    def test_panel_slots_have_at_least_five_frames(self) -> None:
        # Five frames keep notes to a panel of up to five people different in every slot.
        for kind, slots in {
            "thank-you": ("thanks", "recall", "interest", "close", "subject"),
            "linkedin-connect": ("note_thanks", "note_recall", "note_close"),
        }.items():
            for slot in slots:
                for tone in TONES:
                    assert len(language().frames(kind, slot, tone)) >= 5, (kind, slot, tone)

    def test_role_lists_fall_back_to_the_general_list(self) -> None:
        en = language()
        assert en.frames("thank-you", "subject", "warm", "organiser") == en.frames("thank-you", "subject", "warm")
        # The recruiter who sat on the panel recalls the conversation as any interviewer.
        assert en.frames("thank-you", "recall", "warm", "host") == en.frames("thank-you", "recall", "warm")
        assert en.frames("thank-you", "interest", "warm", "host") == en.frames("thank-you", "interest", "warm")
        assert en.frames("thank-you", "interest", "brief", "host") != en.frames("thank-you", "interest", "brief")
        assert en.frames("status-check", "ask", "warm", "organiser") != en.frames("status-check", "ask", "warm")
        assert en.frames("no-such-kind", "greeting", "formal") == en.frames("common", "greeting", "formal")
        assert en.frames("thank-you", "no-such-slot", "warm") == ()

    def test_each_kinds_sections_sit_together(self) -> None:
        # A role's or a region's list sits beside its kind's other slots, not at the end of
        # the file where it was first added: a reader of one kind sees all its frames.
        from pathlib import Path

        import followup

        text = (Path(followup.__file__).parent / "phrases" / "en.toml").read_text(encoding="utf-8")
        kinds = [m.group(1) for m in re.finditer(r"(?m)^\[frames\.([a-z-]+)\.", text)]
        runs = [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k]
        assert len(runs) == len(set(runs)), [k for k in runs if runs.count(k) > 1]

    def test_the_file_is_read_once_however_the_language_is_named(self) -> None:
        # language() and language("en") once parsed the 60 kB file twice per process.
        assert language() is language("en") is language(code="en")

    def test_unknown_language(self) -> None:
        with pytest.raises(TemplateError, match="available: en"):
            language("xx")
        with pytest.raises(TemplateError):
            language("../en")


class TestWords:
    def test_the_word_lists_are_read_from_the_phrase_file(self) -> None:
        en = language()
        assert "for" in en.words("openers")
        assert "i'm" in en.words("as_openers")
        assert "closer" in en.words("reason_openers")
        assert all(w == w.casefold() for name in ("openers", "as_openers", "reason_openers") for w in en.words(name))

    def test_a_phrase_file_without_the_list_is_a_clear_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # No quiet fallback: an empty list would keep every capital and never join a reason
        # with "as", and the file's author would not learn what is missing.
        from types import MappingProxyType

        import followup.lang
        from followup.lang import Language
        from followup.render import _join_reason

        bare = Language(code="xx", data=MappingProxyType({"phrases": MappingProxyType({})}))
        with pytest.raises(TemplateError, match=r"no word list 'openers' under \[words\] in the 'xx' phrase file"):
            bare.words("openers")
        # The renderer reads the lists of the language it drafts in, not English's.
        en = language()
        monkeypatch.setattr(followup.lang, "_language", lambda code: bare if code == "xx" else en)
        with pytest.raises(TemplateError, match="as_openers"):
            _join_reason("I have decided to withdraw.", "I have accepted another role", "warm", "xx")
        assert _join_reason("I have decided to withdraw.", "I have accepted another role", "warm", "en") == (
            "I have decided to withdraw, as I have accepted another role."
        )


class TestDates:
    @pytest.mark.parametrize(
        ("style", "text"),
        [
            ("day_month", "1 December"),
            ("long", "Tuesday 1 December"),
            ("short", "Tue 1 Dec"),
            ("month", "December"),
            ("day_month_year", "1 December 2026"),
            ("long_year", "Tuesday 1 December 2026"),
        ],
    )
    def test_styles(self, style: str, text: str) -> None:
        assert language().date(date(2026, 12, 1), style) == text

    def test_unknown_style(self) -> None:
        with pytest.raises(TemplateError, match="styles: "):
            language().date(date(2026, 12, 1), "weekday")

    def test_phrases(self) -> None:
        en = language()
        assert en.phrase("route.linkedin", name="Katrin") == (
            "Katrin has no email address here, so this goes as a LinkedIn message"
        )
        with pytest.raises(TemplateError, match="no phrase"):
            en.phrase("route.nowhere")
        with pytest.raises(TemplateError, match="name"):
            en.phrase("route.linkedin")

    def test_a_phrases_variants_are_listed_without_trying_them(self) -> None:
        en = language()
        keys = en.variants("connect_after.declined_warm")
        assert keys[:2] == ("connect_after.declined_warm", "connect_after.declined_warm_2")
        assert all(en.phrase(k) for k in keys)
        assert en.variants("route.linkedin") == ("route.linkedin",)
        with pytest.raises(TemplateError, match="no phrase"):
            en.variants("route.nowhere")


class TestSlots:
    def test_same_seed_same_bytes(self) -> None:
        for kind in KINDS:
            channel = "linkedin-note" if kind.startswith("linkedin-connect") else "email"
            one = render(kind, FACTS, channel=channel, seed="thank-you/ingrid")
            two = render(kind, FACTS, channel=channel, seed="thank-you/ingrid")
            assert one == two

    @pytest.mark.parametrize("tone", TONES)
    @pytest.mark.parametrize("panel", [2, 3, 4])
    def test_each_rank_of_a_panel_gets_another_frame_in_every_slot(self, tone: str, panel: int) -> None:
        template = TemplateSet.builtin().get("thank-you", tone, "email")
        filled = [
            fill_slots(template, "thank-you", FACTS, tone=tone, seed="thank-you", rank=rank, panel=panel)
            for rank in range(panel)
        ]
        for slot in ("thanks", "recall", "interest", "subject"):
            texts = [f[slot] for f in filled]
            assert len(set(texts)) == panel, (slot, texts)

    @pytest.mark.parametrize("tone", TONES)
    def test_a_note_to_a_panel_member_does_not_repeat_its_own_words(self, tone: str) -> None:
        # "Thank you for meeting with me; I appreciated the chance ... I appreciated the
        # insight": a member's frame moves on to the next free one instead.
        template = TemplateSet.builtin().get("thank-you", tone, "email")
        for seed in ("a", "b", "c", "d", "e", "f"):
            for rank in range(3):
                filled = fill_slots(template, "thank-you", FACTS, tone=tone, seed=seed, rank=rank, panel=3)
                words = re.findall(r"[a-z]+", f"{filled['thanks']} {filled['recall']}".lower())
                for stem in ("apprecia", "valu", "enjoy", "especial", "particular"):
                    assert sum(w.startswith(stem) for w in words) <= 1, (stem, filled["thanks"], filled["recall"])

    def test_seed_changes_the_choice_but_not_at_random(self) -> None:
        bodies = {render("thank-you", FACTS, seed=f"thank-you/{n}").body for n in range(20)}
        assert len(bodies) > 5

    def test_organisers_hear_no_conversation_they_were_not_in(self) -> None:
        for kind in ("status-check", "rejection-reply", "rejection-thanks", "feedback-request", "keep-in-touch"):
            for tone in TONES:
                for seed in "abcdef":
                    body = render(kind, FACTS, tone=tone, seed=seed, role="organiser").body
                    assert "urgent care" not in body, (kind, tone, body)
                    assert not re.search(r"since we (spoke|met)|our (conversation|talk|discussion)", body)

    def test_slot_given_by_the_caller_is_kept(self) -> None:
        body = render("thank-you", {**FACTS, "close": "See you on Friday."}).body
        assert "See you on Friday." in body

    def test_a_value_ending_in_a_full_stop_is_not_doubled(self) -> None:
        for seed in "abcdefgh":
            body = render("thank-you", {**FACTS, "company": "Northgate Health Inc."}, seed=seed).body
            assert ".." not in body


class TestSubjects:
    @settings(max_examples=60, deadline=None)
    @given(
        role=st.text(
            alphabet=st.characters(categories=["L", "Zs"], include_characters="(),–-/"),
            min_size=1,
            max_size=120,
        ).filter(lambda s: s.strip() and re.search(r"\w", s)),
        kind=st.sampled_from([k for k in KINDS if not k.startswith("linkedin-connect")]),
        tone=st.sampled_from(TONES),
        seed=st.text(max_size=5),
    )
    def test_subjects_fit_and_never_cut_a_word(self, role: str, kind: str, tone: str, seed: str) -> None:
        facts = {**FACTS, "role": role, "about_name": "Søren", "previous_subject": "Any news?"}
        subject = render(kind, facts, tone=tone, seed=seed).subject
        assert subject is not None
        assert 0 < len(subject) <= SUBJECT_LIMIT

        def words(text: str) -> set[str]:
            return {w for w in re.split(r"[\W_]+", text) if w}

        frames = " ".join(language().frames(kind, "subject", tone))
        known = words(frames) | words(" ".join(facts.values()))
        assert words(subject) <= known, subject

    def test_a_long_role_keeps_its_first_part(self) -> None:
        facts = {**FACTS, "role": "Senior Operations Analyst, Ambulatory Care Network Strategy and Planning"}
        for seed in "abcdefghij":
            subject = render("thank-you", facts, tone="warm", seed=seed).subject
            assert subject is not None
            assert len(subject) <= SUBJECT_LIMIT
            assert "Ambulatory" not in subject

    def test_a_custom_template_subject_is_shortened_too(self) -> None:
        templates = TemplateSet.builtin().with_template(
            "thank-you", "warm", "email", "Subject: Thanks – {role} at {company}\n\nHi {first_name},\n\nThanks.\n\nBest,\n{signature}"
        )
        facts = {**FACTS, "role": "Lead Platform Reliability Engineer (Warehouse Systems)", "company": "Acme"}
        subject = render("thank-you", facts, templates=templates).subject
        assert subject == "Thanks – Lead Platform Reliability Engineer at Acme"
