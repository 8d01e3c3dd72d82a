"""Tests for followup.tone: rules as data, findings with real spans, the corpus."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tone_corpus import CORPUS

from followup import channels
from followup.errors import FollowupError, ValidationError
from followup.tone import (
    ACRONYMS,
    BUILTIN_RULES,
    Finding,
    Rule,
    RuleSet,
    Severity,
    check_tone,
    make_shouting_check,
)

GOOD_EMAIL = (
    "Dear Ms. Chen,\n\nThank you for letting me know about the decision. I understand it, "
    "and I enjoyed meeting the team.\n\nKind regards,\nSam"
)


def wrap(body: str) -> str:
    """Wrap a sentence in a greeting and sign-off so only the body is under test."""
    return f"Hi Ana,\n\n{body}\n\nBest regards,\nSam"


def rules_of(text: str, channel: str = "email", *, limit: int | None = None) -> list[str]:
    return [f.rule for f in check_tone(text, channel, limit=limit)]


def errors(text: str, channel: str = "email") -> list[Finding]:
    return [f for f in check_tone(text, channel) if f.severity is Severity.ERROR]


def only(text: str, rule: str, channel: str = "email", *, limit: int | None = None) -> Finding:
    found = [f for f in check_tone(text, channel, limit=limit) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


class TestModule:
    def test_all_is_sorted_and_complete(self) -> None:
        from followup import tone

        assert tone.__all__ == sorted(tone.__all__)
        for name in tone.__all__:
            assert hasattr(tone, name)

    def test_channels(self) -> None:
        assert channels.names() == ("email", "linkedin-note", "linkedin-message", "task")


class TestSeverity:
    def test_is_a_string_enum(self) -> None:
        assert Severity("error") is Severity.ERROR
        assert str(Severity.WARNING) == "warning"
        assert isinstance(Severity.INFO, str)
        assert Severity.INFO.value == "info"


class TestRule:
    def make(self, **changes: object) -> Rule:
        fields: dict[str, object] = {
            "id": "custom-rule",
            "category": "pressure",
            "severity": "error",
            "pattern": r"\bkindly revert\b",
            "message": "Jargon.",
            "suggestion": "Say 'please reply'.",
        }
        fields.update(changes)
        return Rule(**fields)  # type: ignore[arg-type]

    def test_severity_string_is_converted(self) -> None:
        assert self.make().severity is Severity.ERROR

    def test_pattern_is_case_insensitive_by_default(self) -> None:
        assert self.make().find("Please KINDLY revert.") == [(7, 20)]

    def test_case_sensitive_rule(self) -> None:
        rule = self.make(pattern=r"\bTBD\b", case_sensitive=True)
        assert rule.find("tbd or TBD") == [(7, 10)]

    def test_bad_regex_names_the_rule(self) -> None:
        with pytest.raises(ValidationError, match="custom-rule") as info:
            self.make(pattern="(unclosed")
        assert info.value.field == "pattern"
        assert isinstance(info.value, FollowupError)
        assert isinstance(info.value, ValueError)

    def test_needs_a_pattern_or_a_check(self) -> None:
        with pytest.raises(ValidationError, match="custom-rule"):
            self.make(pattern="")

    def test_bad_severity(self) -> None:
        with pytest.raises(ValidationError) as info:
            self.make(severity="fatal")
        assert info.value.field == "severity"

    @pytest.mark.parametrize("bad", ["", "has space", "-leading"])
    def test_bad_id(self, bad: str) -> None:
        with pytest.raises(ValidationError) as info:
            self.make(id=bad)
        assert info.value.field == "id"

    def test_empty_message_is_refused(self) -> None:
        with pytest.raises(ValidationError) as info:
            self.make(message=" ")
        assert info.value.field == "message"

    def test_channels_are_validated_and_frozen(self) -> None:
        assert self.make(channels=["email"]).channels == frozenset({"email"})
        assert self.make(channels="task").channels == frozenset({"task"})
        with pytest.raises(ValidationError) as info:
            self.make(channels={"fax"})
        assert info.value.field == "channels"

    def test_applies_to(self) -> None:
        rule = self.make(channels={"email"})
        assert rule.applies_to("email")
        assert not rule.applies_to("linkedin-note")
        assert self.make().applies_to("task")

    def test_check_function_rule(self) -> None:
        def long_words(text: str, _channel: str, _limit: int | None) -> list[tuple[int, int]]:
            return [(i, i + 4) for i in range(len(text)) if text.startswith("very", i)]

        rule = self.make(id="very", pattern="", check=long_words)
        assert rule.find("very very good") == [(0, 4), (5, 9)]

    def test_check_span_outside_text_is_an_error(self) -> None:
        rule = self.make(pattern="", check=lambda _t, _c, _l: [(0, 99)])
        with pytest.raises(ValidationError, match="custom-rule"):
            rule.find("short")

    def test_is_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            self.make().id = "other"  # type: ignore[misc]


class TestFinding:
    def test_to_dict_is_json_safe(self) -> None:
        finding = only(wrap("Per my last email, I'm following up."), "cliche-per-my-last-email")
        data = finding.to_dict()
        assert set(data) == {
            "rule",
            "category",
            "severity",
            "start",
            "end",
            "text",
            "message",
            "suggestion",
        }
        assert data["severity"] == "error"
        assert data["text"] == "Per my last email"
        assert json.loads(json.dumps(data)) == data

    def test_end_before_start_is_refused(self) -> None:
        with pytest.raises(ValidationError) as info:
            Finding(
                rule="r",
                category="c",
                severity="info",
                start=5,
                end=4,
                text="",
                message="m",
                suggestion="s",
            )
        assert info.value.field == "end"


class TestRuleSet:
    custom = Rule(
        id="no-kindly-revert",
        category="cliche",
        severity=Severity.WARNING,
        pattern=r"\bkindly revert\b",
        message="'Kindly revert' is office jargon.",
        suggestion="Say 'I look forward to hearing from you'.",
    )

    def test_default_holds_the_builtin_rules(self) -> None:
        rules = RuleSet.default()
        assert len(rules) == len(BUILTIN_RULES)
        assert rules.ids == tuple(r.id for r in BUILTIN_RULES)
        assert list(rules) == list(BUILTIN_RULES)
        assert len(set(rules.ids)) == len(rules)

    def test_builtin_categories(self) -> None:
        categories = {r.category for r in BUILTIN_RULES}
        assert categories == {
            "blame",
            "pressure",
            "desperation",
            "sarcasm",
            "shouting",
            "cliche",
            "placeholder",
            "greeting",
            "signoff",
            "length",
        }

    def test_add_returns_a_new_set(self) -> None:
        base = RuleSet.default()
        more = base.add(self.custom)
        assert "no-kindly-revert" in more
        assert "no-kindly-revert" not in base
        assert more.ids[-1] == "no-kindly-revert"
        text = wrap("Kindly revert with your thoughts.")
        finding = only_with(text, more, "no-kindly-revert")
        assert (finding.text, finding.severity) == ("Kindly revert", Severity.WARNING)
        assert text[finding.start : finding.end] == "Kindly revert"
        assert "no-kindly-revert" not in rules_of(text)

    def test_add_several(self) -> None:
        other = attrs.evolve(self.custom, id="second")
        assert RuleSet(()).add(self.custom, other).ids == ("no-kindly-revert", "second")

    def test_add_duplicate_id_is_an_error(self) -> None:
        with pytest.raises(ValidationError, match="blame-unfair") as info:
            RuleSet.default().add(attrs.evolve(self.custom, id="blame-unfair"))
        assert info.value.field == "rule"

    def test_disable(self) -> None:
        text = wrap("Thank you!! I enjoyed it.")
        assert "shouting-punctuation" in rules_of(text)
        rules = RuleSet.default().disable("shouting-punctuation", "greeting-missing")
        assert "shouting-punctuation" not in rules.ids
        assert len(rules) == len(BUILTIN_RULES) - 2
        assert check_tone(text, rules=rules) == []

    def test_disable_unknown_id_suggests_a_close_one(self) -> None:
        with pytest.raises(ValidationError, match="did you mean 'blame-unfair'") as info:
            RuleSet.default().disable("blame-unfiar")
        assert info.value.field == "rule"
        assert info.value.value == "blame-unfiar"

    def test_disable_unknown_id_without_close_match(self) -> None:
        with pytest.raises(ValidationError) as info:
            RuleSet.default().disable("zzzz")
        assert "did you mean" not in str(info.value)

    def test_get(self) -> None:
        assert RuleSet.default().get("length").category == "length"
        with pytest.raises(ValidationError, match="did you mean 'length'"):
            RuleSet.default().get("lenght")

    def test_evolve_a_builtin_rule_to_change_its_severity(self) -> None:
        base = RuleSet.default()
        softer = attrs.evolve(base.get("cliche-circle-back"), severity="info")
        rules = base.disable("cliche-circle-back").add(softer)
        finding = only_with(wrap("I'll circle back next week."), rules, "cliche-circle-back")
        assert finding.severity is Severity.INFO

    def test_rules_must_be_rule_objects(self) -> None:
        with pytest.raises(ValidationError):
            RuleSet(["not a rule"])  # type: ignore[list-item]


def only_with(text: str, rules: RuleSet, rule: str) -> Finding:
    found = [f for f in check_tone(text, rules=rules) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


class TestCheckTone:
    def test_gracious_email_has_no_findings(self) -> None:
        assert check_tone(GOOD_EMAIL) == []

    def test_unknown_channel(self) -> None:
        with pytest.raises(ValidationError, match="channel") as info:
            check_tone("hi", "fax")
        assert info.value.field == "channel"

    @pytest.mark.parametrize("limit", [0, -5, True, 2.5])
    def test_bad_limit(self, limit: object) -> None:
        with pytest.raises(ValidationError) as info:
            check_tone("hi", limit=limit)  # type: ignore[arg-type]
        assert info.value.field == "limit"

    def test_bad_rules_argument(self) -> None:
        with pytest.raises(ValidationError):
            check_tone("hi", rules=list(BUILTIN_RULES))  # type: ignore[arg-type]

    def test_findings_sorted_and_spans_exact(self) -> None:
        text = wrap("That was unfair!! I expect a response ASAP from [Name].")
        findings = check_tone(text)
        assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))
        got = [(f.rule, f.text, f.severity) for f in findings]
        assert got == [
            ("blame-unfair", "unfair", Severity.ERROR),
            ("shouting-punctuation", "!!", Severity.ERROR),
            ("pressure-expect-response", "I expect a response", Severity.ERROR),
            ("pressure-asap", "ASAP", Severity.ERROR),
            ("placeholder-brackets", "[Name]", Severity.ERROR),
        ]
        for f in findings:
            assert text[f.start : f.end] == f.text

    def test_phrase_wrapped_across_lines_still_matches(self) -> None:
        text = wrap("Honestly, I expect a\nresponse by Friday.")
        assert only(text, "pressure-expect-response").text == "I expect a\nresponse"

    def test_blank_line_breaks_a_phrase(self) -> None:
        assert errors(wrap("I expect a\n\nresponse.")) == []

    def test_long_draft_is_checked_quickly(self) -> None:
        import time

        text = wrap("I enjoyed the interview, and I understand the decision. " * 400)
        began = time.perf_counter()
        check_tone(text, limit=100_000)
        assert time.perf_counter() - began < 2.0

    def test_empty_text(self) -> None:
        found = check_tone("")
        assert {(f.rule, f.start, f.end) for f in found} == {
            ("greeting-missing", 0, 0),
            ("signoff-missing", 0, 0),
        }
        assert check_tone("", "task") == []


class TestPhraseRules:
    @pytest.mark.parametrize(
        ("body", "rule", "flagged"),
        [
            ("Frankly, you made a big mistake.", "blame-mistake", "you made a big mistake"),
            ("Well, your loss.", "blame-your-loss", "your loss"),
            ("The process was unfair.", "blame-unfair", "unfair"),
            ("It wasn't fair to me.", "blame-unfair", "n't fair"),
            ("The panel seemed biased.", "blame-unfair", "biased"),
            ("That was a waste of my time.", "blame-waste-of-time", "a waste of my time"),
            ("I deserved that job.", "blame-deserved", "I deserved"),
            ("Clearly you didn't read it.", "blame-clearly-didnt", "Clearly you didn't"),
            ("I expect a response by Friday.", "pressure-expect-response", "I expect a response"),
            ("Please reply ASAP.", "pressure-asap", "ASAP"),
            ("I need an answer by Monday.", "pressure-expect-response", "I need an answer by"),
            ("Please respond immediately.", "pressure-asap", "respond immediately"),
            ("Please reconsider your decision.", "pressure-reconsider", "reconsider your decision"),
            ("I demand feedback.", "pressure-demand", "I demand"),
            ("I really need this job.", "desperation-need-job", "I really need this job"),
            (
                "Please give me another chance.",
                "desperation-another-chance",
                "give me another chance",
            ),
            ("I'm begging you.", "desperation-begging", "I'm begging"),
            ("I'll do anything.", "desperation-anything", "I'll do anything"),
            ("I am desperate.", "desperation-begging", "desperate"),
            ("Thanks for nothing.", "sarcasm-thanks-for-nothing", "Thanks for nothing"),
            ("Great job wasting my time.", "sarcasm-great-job", "Great job wasting"),
            (
                "I'm sure whoever you hired is great.",
                "sarcasm-whoever-you-hired",
                "I'm sure whoever",
            ),
            ("Good luck with that.", "sarcasm-good-luck", "Good luck with that"),
            ("How nice of you to write.", "sarcasm-how-nice", "How nice of you"),
            ("Just checking in on this.", "cliche-checking-in", "Just checking in"),
            ("Touching base about the role.", "cliche-touching-base", "Touching base"),
            (
                "I hope this email finds you well.",
                "cliche-finds-you-well",
                "I hope this email finds you well",
            ),
            ("Per my last email, see below.", "cliche-per-my-last-email", "Per my last email"),
        ],
    )
    def test_flags_with_error(self, body: str, rule: str, flagged: str) -> None:
        text = wrap(body)
        finding = only(text, rule)
        assert finding.text == flagged
        assert finding.severity is Severity.ERROR
        assert text[finding.start : finding.end] == flagged
        assert finding.start == text.index(flagged)

    @pytest.mark.parametrize(
        ("body", "rule"),
        [
            ("Let's circle back in the spring.", "cliche-circle-back"),
            ("Reply at your earliest convenience.", "cliche-earliest-convenience"),
            ("I like thinking outside the box.", "cliche-jargon"),
            ("I see real synergy here.", "cliche-jargon"),
        ],
    )
    def test_minor_cliches_are_warnings(self, body: str, rule: str) -> None:
        assert only(wrap(body), rule).severity is Severity.WARNING
        assert errors(wrap(body)) == []

    @pytest.mark.parametrize(
        "body",
        [
            "I understand the decision.",
            "The interview was a long affair, and fairly intense.",
            "That's a fair point about my answer.",
            "I need to improve my SQL, and I'd need a month's notice.",
            "Please keep me in mind; thank you so much!",
            "I'd love to reach out again next year.",
            "I could start immediately if anything changes.",
            "Thank you for getting back to me today.",
            "I don't want to waste your time with a long note.",
            "I obviously didn't explain my project well enough.",
            "The process was not only fair but friendly.",
            "I expect to graduate in June.",
            "I'd welcome the opportunity to interview again.",
            "Thank you for the 'Data Engineer' role description.",
        ],
    )
    def test_gracious_sentences_pass(self, body: str) -> None:
        assert check_tone(wrap(body)) == []


class TestShouting:
    @pytest.mark.parametrize(
        "body",
        [
            "I used SQL, AWS, GCP and ETL tools with the CTO and HR in the UK.",
            "I work with the CEO in NYC on the API and the MBA programme; PhD pending.",
            "I met the ML and NLP teams on CI/CD at 10 AM EST.",
            "I deployed to EC2 and S3.",
            "I gave a talk at NASA in the USA.",
        ],
    )
    def test_acronyms_are_fine(self, body: str) -> None:
        assert check_tone(wrap(body)) == []

    def test_long_caps_word(self) -> None:
        text = wrap("I am EXTREMELY disappointed.")
        finding = only(text, "shouting-caps")
        assert (finding.text, finding.severity) == ("EXTREMELY", Severity.ERROR)

    def test_short_unknown_caps_word_alone_is_fine(self) -> None:
        assert "shouting-caps" not in rules_of(wrap("Our team uses JIRA daily."))

    def test_run_of_caps_words_is_one_finding(self) -> None:
        text = wrap("PLEASE CALL ME back.")
        assert only(text, "shouting-caps").text == "PLEASE CALL ME"

    def test_run_ignores_acronyms_inside(self) -> None:
        text = wrap("I KNOW SQL WELL.")
        assert only(text, "shouting-caps").text == "KNOW SQL WELL"

    def test_single_caps_word_next_to_acronym_is_fine(self) -> None:
        assert "shouting-caps" not in rules_of(wrap("I know AWS WELL."))

    def test_placeholders_are_left_to_their_rule(self) -> None:
        assert "shouting-caps" not in rules_of(wrap("Thanks to [HIRING MANAGER]."))

    @pytest.mark.parametrize(("body", "flagged"), [("Why?!", "?!"), ("Thanks!!!", "!!!")])
    def test_repeated_punctuation(self, body: str, flagged: str) -> None:
        assert only(wrap(body), "shouting-punctuation").text == flagged

    def test_single_exclamation_is_fine(self) -> None:
        assert check_tone(wrap("Thank you so much!")) == []

    def test_custom_acronyms(self) -> None:
        check = make_shouting_check(ACRONYMS | {"kubernetes"})
        assert check("KUBERNETES is fun", "email", None) == []
        assert make_shouting_check()("KUBERNETES is fun", "email", None) == [(0, 10)]


class TestPlaceholders:
    @pytest.mark.parametrize(
        ("body", "rule", "flagged"),
        [
            ("Hello {name}.", "placeholder-braces", "{name}"),
            ("Hello {{ first_name }}.", "placeholder-braces", "{{ first_name }}"),
            ("Thanks, [Name].", "placeholder-brackets", "[Name]"),
            ("I enjoyed [Company].", "placeholder-brackets", "[Company]"),
            ("Regards, <NAME>", "placeholder-brackets", "<NAME>"),
            ("Dear Mr. XXX", "placeholder-marker", "XXX"),
            ("I liked TODO.", "placeholder-marker", "TODO"),
            ("The team TK.", "placeholder-marker", "TK"),
            ("Hi FIRST_NAME.", "placeholder-marker", "FIRST_NAME"),
        ],
    )
    def test_flags_placeholders(self, body: str, rule: str, flagged: str) -> None:
        text = wrap(body)
        finding = only(text, rule)
        assert finding.text == flagged
        assert finding.severity is Severity.ERROR
        assert text[finding.start : finding.end] == flagged

    @pytest.mark.parametrize(
        "body",
        [
            "My portfolio is at [my site](https://example.com).",
            "Write to me at <sam@example.com>.",
            "The quote [sic] was theirs.",
            "Is there a tk or xxx in lower case? No.",
        ],
    )
    def test_not_placeholders(self, body: str) -> None:
        assert check_tone(wrap(body)) == []

    def test_placeholders_apply_to_tasks(self) -> None:
        assert rules_of("Email {recruiter}", "task") == ["placeholder-braces"]


class TestGreetingAndSignoff:
    @pytest.mark.parametrize(
        "greeting",
        ["Dear Ms. Chen,", "Hi Priya,", "Hello,", "Good morning Mr. Osei,", "Greetings,", "José,"],
    )
    def test_greetings(self, greeting: str) -> None:
        text = f"{greeting}\n\nThank you for the update.\n\nBest,\nSam"
        assert check_tone(text) == []

    def test_missing_greeting_points_at_first_line(self) -> None:
        text = "\n  thank you for the update.\n\nBest,\nSam"
        finding = only(text, "greeting-missing")
        assert finding.severity is Severity.WARNING
        assert finding.text == "thank you for the update."

    @pytest.mark.parametrize(
        "signoff",
        [
            "Best,\nSam",
            "Best regards,\nSam Lee\nData Analyst",
            "Kind regards,\nSam",
            "Sincerely,\nSam",
            "Thank you,\nSam",
            "Many thanks,\nSam",
            "All the best,\nSam",
            "Cheers,\nSam",
            "With thanks,\nSam",
            "Warm regards,\nSam",
            "Thanks again for your time.",
            "Best, Sam",
        ],
    )
    def test_signoffs(self, signoff: str) -> None:
        assert check_tone(f"Hi Ana,\n\nI enjoyed meeting you.\n\n{signoff}") == []

    def test_missing_signoff_points_at_last_line(self) -> None:
        text = "Hi Ana,\n\nI enjoyed meeting you.\n\nSam"
        finding = only(text, "signoff-missing")
        assert (finding.text, finding.severity) == ("Sam", Severity.WARNING)

    def test_not_required_on_linkedin_notes_or_tasks(self) -> None:
        assert check_tone("Enjoyed meeting you at the interview.", "linkedin-note") == []
        assert check_tone("Send the thank-you note.", "task") == []

    def test_required_on_linkedin_messages(self) -> None:
        rules = rules_of("Enjoyed meeting you.", "linkedin-message")
        assert rules == ["greeting-missing", "signoff-missing"]


class TestLength:
    @staticmethod
    def email(words: int) -> str:
        body = " ".join(["word"] * (words - 6))
        return f"Hi Ana,\n\n{body}\n\nBest regards,\nSam Lee"  # 6 words outside the body

    def test_short_email_is_fine(self) -> None:
        assert check_tone(self.email(200)) == []

    def test_soft_limit_warns(self) -> None:
        text = self.email(201)
        finding = only(text, "length-soft")
        assert finding.severity is Severity.WARNING
        assert finding.text == "Lee"  # the one word over 200
        assert "length" not in rules_of(text)

    def test_hard_limit_is_an_error(self) -> None:
        text = self.email(410)
        finding = only(text, "length")
        assert finding.severity is Severity.ERROR
        assert len(finding.text.split()) == 10
        assert "length-soft" not in rules_of(text)

    def test_limit_overrides_the_email_error_threshold(self) -> None:
        finding = only(self.email(150), "length", limit=100)
        assert len(finding.text.split()) == 50
        assert rules_of(self.email(150), limit=100) == ["length"]
        assert rules_of(self.email(410), limit=500) == ["length-soft"]

    def test_linkedin_note_200_characters(self) -> None:
        assert check_tone("a" * 200, "linkedin-note") == []
        text = "Thanks for the interview. " + "x" * 274
        assert len(text) == 300
        finding = only(text, "length", "linkedin-note")
        assert (finding.start, finding.end) == (200, 300)
        assert finding.severity is Severity.ERROR

    def test_linkedin_limit_override(self) -> None:
        text = "b" * 300
        assert rules_of(text, "linkedin-note", limit=300) == []
        assert rules_of(text, "linkedin-note", limit=250) == ["length"]

    def test_linkedin_message_8000_characters(self) -> None:
        text = "Hi Ana,\n\n" + "y" * 8000 + "\n\nBest,\nSam"
        finding = only(text, "length", "linkedin-message")
        assert (finding.start, finding.end) == (8000, len(text))

    def test_tasks_have_no_length_limit(self) -> None:
        assert check_tone("word " * 1000, "task") == []


_PIECES = st.sampled_from(
    [
        *"abcXYZ !?.,'\n\t[]{}<>_-éÅ",
        *("you made a mistake", "ASAP", "SQL", "EXTREMELY", "Dear Ana,", "Best,", "{x}"),
        *("TODO", "unfair", "I need this job", "word "),
    ]
)
_TEXT = st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=40).map("".join))


class TestProperties:
    @settings(max_examples=200, deadline=None)
    @given(text=_TEXT, channel=st.sampled_from(channels.names()))
    def test_spans_inside_sorted_and_deterministic(self, text: str, channel: str) -> None:
        findings = check_tone(text, channel)
        assert findings == check_tone(text, channel)
        assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))
        for f in findings:
            assert 0 <= f.start <= f.end <= len(text)
            assert text[f.start : f.end] == f.text
            assert f.rule in RuleSet.default()


class TestCorpus:
    def test_corpus_is_big_and_varied_enough(self) -> None:
        good = [d for d in CORPUS if d.label == "good"]
        bad = [d for d in CORPUS if d.label == "bad"]
        assert len(good) >= 30
        assert len(bad) >= 30
        assert {d.label for d in CORPUS} == {"good", "bad"}
        assert {d.channel for d in CORPUS} == set(channels.names())
        assert len({d.text for d in CORPUS}) == len(CORPUS)

    def test_precision_and_recall(self) -> None:
        false_alarms = []
        caught = missed = 0
        for draft in CORPUS:
            found = errors(draft.text, draft.channel)
            if draft.label == "good" and found:
                false_alarms.append(
                    f"  {draft.note}: " + ", ".join(f"{f.rule} {f.text!r}" for f in found)
                )
            elif draft.label == "bad":
                caught += bool(found)
                missed += not found
        flagged = caught + len(false_alarms)
        precision = caught / flagged if flagged else 1.0
        recall = caught / (caught + missed)
        print(f"\ntone corpus: precision={precision:.2f} recall={recall:.2f}")
        assert not false_alarms, "errors on good drafts:\n" + "\n".join(false_alarms)
        assert recall >= 0.9
