"""Tests for followup.tone: rules as data, findings with real spans, the corpus."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tone_corpus import CORPUS, FACTS_PROBES

from followup import channels
from followup.errors import FollowupError, ValidationError
from followup.tone import (
    ACRONYMS,
    BUILTIN_RULES,
    Facts,
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


def _rules_only() -> RuleSet:
    """The built-in rules without the statistical scorer."""
    return RuleSet.default().disable("statistical", "statistical-strong")


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
            "nagging",
            "desperation",
            "pleading",
            "guilt",
            "bargaining",
            "other-candidates",
            "sarcasm",
            "profanity",
            "familiarity",
            "shouting",
            "emoji",
            "cliche",
            "placeholder",
            "greeting",
            "signoff",
            "rambling",
            "length",
            "condescension",
            "self-deprecation",
            "presumption",
            "confidentiality",
            "flattery",
            "leftover",
            "wrong-company",
            "informal",
            "oversharing",
            "solicitation",
            "statistical",
        }

    def test_every_rule_has_a_concrete_suggestion(self) -> None:
        for rule in BUILTIN_RULES:
            assert len(rule.suggestion.split()) >= 4, rule.id
            assert rule.message.endswith((".", "?")), rule.id

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

    def test_long_draft_is_checked_without_a_hang(self) -> None:
        # A hang guard, not a speed test (speed is bench/'s job): a rule that backtracks
        # catastrophically takes minutes on 22 KB of text, a linear one a fraction of a second.
        # The guard is wide because the suite runs on loaded machines (a 2 s limit failed there).
        import signal

        def hang(signum: int, frame: object) -> None:
            raise TimeoutError("the tone check ran over 30 s on a 22 KB draft")

        text = wrap("I enjoyed the interview, and I understand the decision. " * 400)
        old = signal.signal(signal.SIGALRM, hang)
        signal.setitimer(signal.ITIMER_REAL, 30.0)
        try:
            found = check_tone(text, limit=100_000)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        assert {f.rule for f in found} == {"length-soft"}  # long, and nothing else wrong

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
            # the ordinary courteous opener in Indian, Nigerian, Gulf and formal British English
            ("I hope this email finds you well.", "cliche-finds-you-well"),
            ("Greetings of the day. I trust this email finds you well.", "cliche-finds-you-well"),
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
        # The rules alone: the scorer's second opinion may warn on a short sentence
        # (about 2 % of good drafts); tests/test_tone_scorer.py covers it.
        assert check_tone(wrap(body), rules=_rules_only()) == []


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
        check = make_shouting_check(ACRONYMS | {"amazing"})
        assert check("AMAZING is our product", "email", None) == []
        assert make_shouting_check()("AMAZING is our product", "email", None) == [(0, 7)]

    @pytest.mark.parametrize(
        "body",
        [
            "The README explains the data sources, and the CHANGELOG lists the fixes.",
            "I have used ANSYS, ABAQUS and LS-DYNA for crash simulation.",
            "I built the NVIDIA DGX cluster and the SAP FICO reports.",
            "The notes are in BENCHMARKS.md and the COBOL code is in /src.",
        ],
    )
    def test_product_and_file_names_in_capitals_are_not_shouting(self, body: str) -> None:
        assert "shouting-caps" not in rules_of(wrap(body))

    @pytest.mark.parametrize(
        ("body", "flagged"),
        [
            ("I was told THIS WEEK.", "THIS WEEK"),
            ("I am NOT happy.", "NOT"),
            ("That is UNACCEPTABLE.", "UNACCEPTABLE"),
            ("I LOVED the team.", "LOVED"),
            ("IT'S BEEN WEEKS.", "IT'S BEEN WEEKS"),
        ],
    )
    def test_english_words_in_capitals_are_shouting(self, body: str, flagged: str) -> None:
        assert only(wrap(body), "shouting-caps").text == flagged


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
        assert check_tone(wrap(body), rules=_rules_only()) == []

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
        finding = only(text, "length-note", "linkedin-note")
        assert (finding.start, finding.end) == (200, 300)
        assert finding.severity is Severity.ERROR
        assert "free account" in finding.message
        assert "length" not in rules_of(text, "linkedin-note")

    def test_linkedin_limit_override(self) -> None:
        text = "b" * 300
        assert rules_of(text, "linkedin-note", limit=300) == []
        assert rules_of(text, "linkedin-note", limit=250) == ["length-note"]

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
        assert len(good) >= 150
        assert len(bad) >= 200
        assert {d.label for d in CORPUS} == {"good", "bad"}
        assert {d.channel for d in CORPUS} == set(channels.names())
        assert len({d.text for d in CORPUS}) == len(CORPUS)

    def test_precision_and_recall(self) -> None:
        # Counted as docs/tone.md counts: `length-note` (what a free LinkedIn account
        # can send) is a channel limit, not tone, so it neither catches nor falsely
        # flags a draft; the held-out writers' good connection notes run over it.
        false_alarms = []
        caught = missed = 0
        for draft in CORPUS:
            facts = Facts(**draft.facts) if draft.facts else None
            found = [
                f
                for f in check_tone(draft.text, draft.channel, facts=facts)
                if f.severity is Severity.ERROR and f.rule != "length-note"
            ]
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


# ---------------------------------------------------------------- issue 15


def error_rules(text: str, channel: str = "email", facts: Facts | None = None) -> set[str]:
    return {f.rule for f in check_tone(text, channel, facts=facts) if f.severity is Severity.ERROR}


class TestFamilies:
    """Each family: phrasings it must catch (at error severity) and near-misses it must not."""

    @pytest.mark.parametrize(
        ("body", "rule", "flagged"),
        [
            # bargaining on pay or terms after a decision
            (
                "I'd be happy to take a lower salary if it helps.",
                "bargaining-pay",
                "take a lower salary",
            ),
            ("I could do it even 20% below what we discussed.", "bargaining-pay", "20% below"),
            ("I can waive the signing bonus too.", "bargaining-pay", "waive the signing bonus"),
            (
                "I'd match whatever they were offered.",
                "bargaining-pay",
                "match whatever they were offered",
            ),
            (
                "Happy to work the first month unpaid.",
                "bargaining-pay",
                "work the first month unpaid",
            ),
            ("I can lower my expectations.", "bargaining-pay", "lower my expectations"),
            ("If budget was the issue, I'm flexible.", "bargaining-pay", "If budget was the issue"),
            ("I'd do it for 15k less.", "bargaining-pay", "for 15k less"),
            # other candidates
            (
                "I hope you didn't go with the other candidate; he didn't seem prepared.",
                "other-candidates",
                "hope you didn't go with",
            ),
            ("May I ask who you ended up hiring?", "other-candidates", "May I ask who"),
            (
                "I heard the person you picked is a friend of the lead.",
                "other-candidates",
                "the person you picked is a friend",
            ),
            (
                "On what basis was he found more suitable than me?",
                "other-candidates",
                "basis was he found more suitable than me",
            ),
            # guilt and sacrifice
            (
                "I turned down two other interviews for this.",
                "guilt-sacrifice",
                "I turned down two other interviews",
            ),
            (
                "I declined the offer from Google for this.",
                "guilt-sacrifice",
                "I declined the offer",
            ),
            # (a reviewer's cases: the exception for your own decision about *their* offer
            # must not let these through)
            ("I turned down the offer at a bank to wait for your answer.", "guilt-sacrifice", "I turned down the offer"),
            ("I declined the role at a bigger firm so I could join.", "guilt-sacrifice", "I declined the role"),
            ("I turned down this offer from Stripe for you.", "guilt-sacrifice", "I turned down this offer"),
            ("My family was counting on it.", "guilt-sacrifice", "My family was counting on"),
            ("I hope you understand what this has cost us.", "guilt-sacrifice", "cost us"),
            (
                "I resigned from my job in anticipation of joining.",
                "guilt-sacrifice",
                "resigned from my job in anticipation",
            ),
            # demands with deadlines
            (
                "Kindly revert with the reason within 24 hours.",
                "pressure-deadline",
                "revert with the reason within 24 hours",
            ),
            ("I expect a reply by Friday.", "pressure-deadline", "I expect a reply by Friday"),
            ("I'll give you until Monday.", "pressure-deadline", "I'll give you until Monday"),
            (
                "Please share it latest by tomorrow.",
                "pressure-deadline",
                "share it latest by tomorrow",
            ),
            # complaints about unanswered messages
            ("I've now emailed three times.", "nagging-unanswered", "emailed three times"),
            (
                "Surely someone can spare thirty seconds.",
                "nagging-unanswered",
                "Surely someone can",
            ),
            ("This is my fourth email.", "nagging-unanswered", "This is my fourth email"),
            ("Three weeks of radio silence.", "nagging-unanswered", "radio silence"),
            ("Two voicemails and no response.", "nagging-no-reply", "no response"),
            # pleading for intervention
            (
                "Could you put in a word with the hiring manager?",
                "pleading-put-in-a-word",
                "put in a word",
            ),
            ("I'm flexible on everything.", "pleading-intervention", "flexible on everything"),
            ("Could you pull a few strings?", "pleading-intervention", "pull a few strings"),
            (
                "Please speak to the panel on my behalf.",
                "pleading-intervention",
                "speak to the panel on my behalf",
            ),
            (
                "I humbly request you to consider me.",
                "pleading-intervention",
                "humbly request you to consider me",
            ),
            # judging their process, arguing with the decision
            ("The feedback was puzzling.", "blame-judgement", "The feedback was puzzling"),
            ("I find this rather odd.", "blame-judgement", "I find this rather odd"),
            (
                "I don't agree with the feedback.",
                "blame-disagree",
                "I don't agree with the feedback",
            ),
            (
                "Are you sure you made the right call?",
                "blame-disagree",
                "Are you sure you made the right",
            ),
            ("The panel failed to appreciate my work.", "blame-disagree", "failed to appreciate"),
            ("I think the panel got this one wrong.", "blame-disagree", "got this one wrong"),
            (
                "He had already picked someone before my interview.",
                "blame-predecided",
                "had already picked someone",
            ),
            ("I'd like to discuss the decision.", "pressure-relitigate", "discuss the decision"),
            # insisting, threatening, intruding
            ("I must insist on an answer.", "pressure-entitled", "I must insist"),
            ("I have a right to know.", "pressure-entitled", "I have a right to know"),
            ("Kindly explain.", "pressure-entitled", "Kindly explain."),
            (
                "I expect to be reimbursed for my time.",
                "pressure-entitled",
                "expect to be reimbursed",
            ),
            ("I'll be at your office on Monday.", "pressure-intrusion", "I'll be at your office"),
            ("I want her to apologise.", "pressure-intrusion", "want her to apologise"),
            (
                "I will be reconsidering my accounts with you.",
                "pressure-threat-business",
                "reconsidering my accounts",
            ),
            # waiting and prodding
            (
                "Three weeks without any communication from you.",
                "nagging-waiting",
                "without any communication from",
            ),
            ("She did not return my calls.", "nagging-waiting", "did not return my calls"),
            ("It's been forever. Hello?", "nagging-impatient", "It's been forever"),
            # sarcasm, sour grapes, boasting
            ("So that's a no then?", "sarcasm-flippant", "So that's a no then"),
            (
                "I'll apply somewhere that actually values experience.",
                "sarcasm-flippant",
                "somewhere that actually values",
            ),
            ("I was never that interested anyway.", "sour-grapes", "was never that interested"),
            (
                "I'm disappointed but not surprised.",
                "sour-grapes",
                "disappointed but not surprised",
            ),
            ("You picked the wrong person.", "sour-grapes", "picked the wrong person"),
            ("I accepted a much better offer.", "blame-boast", "accepted a much better offer"),
            # profanity and over-familiarity
            ("What the hell happened?", "profanity", "What the hell"),
            ("Damn, that's disappointing.", "profanity", "Damn"),
            ("Your manager was a bit of a jerk.", "profanity", "Your manager was a bit of a jerk"),
            ("Would you like to grab a drink sometime?", "familiarity", "grab a drink"),
            # round 7
            ("I'd forgo a salary increase.", "bargaining-pay", "forgo a salary increase"),
            ("Hire me at half pay.", "bargaining-pay", "at half pay"),
            (
                "Should I not receive a reply by 30 June, I will take the matter further.",
                "pressure-deadline",
                "take the matter further",
            ),
            (
                "I was not even given the courtesy of feedback.",
                "blame-unprofessional",
                "not even given the courtesy",
            ),
            # constructions that stay errors
            ("This is urgent.", "pressure-asap", "This is urgent"),
            ("I need an urgent reply.", "pressure-asap", "urgent reply"),
            (
                "You could at least have had the courtesy to reply.",
                "blame-unprofessional",
                "could at least have had the courtesy",
            ),
            ("I got a canned rejection.", "blame-unprofessional", "canned rejection"),
            ("I can't afford rent next month.", "desperation-need-job", "I can't afford"),
        ],
    )
    def test_catches(self, body: str, rule: str, flagged: str) -> None:
        text = wrap(body)
        found = [f for f in check_tone(text) if f.rule == rule]
        assert found, check_tone(text)
        assert flagged in [f.text for f in found]
        assert all(f.severity is Severity.ERROR for f in found)

    @pytest.mark.parametrize(
        "body",
        [
            # the four innocent phrasings the issue quotes
            "Thank you for the conversation about the urgent care expansion.",
            "Thanks for showing me the automated email journey.",
            "You had the courtesy to call me personally, which I really appreciated.",
            "I liked your point that we can't afford downtime.",
            # near-misses, family by family
            "Before I sign, could we talk about the base salary?",
            "The team cut cloud costs without giving up reliability.",
            "Please pass on my congratulations to the successful candidate.",
            "I understand you went with someone with more fintech experience.",
            "The other finalist had more management experience; that's fair.",
            "My family and I enjoyed visiting the campus.",
            "I turned down the chance to speak at the conference, and regret it.",
            "I'm counting on seeing you at the meetup.",
            "As requested, I'll send the writing sample by Friday.",
            "You mentioned a decision within two weeks, and I'm happy to wait.",
            "I worked on a deadline-driven team.",
            "I enjoyed our talk about demand forecasting.",
            "I used to work for a pressure washer company.",
            "I know you're busy, so I'll keep this short.",
            "No response needed; I just wanted to say thanks.",
            "In case my earlier email got lost, I'm still very interested.",
            "Thanks for putting in a good word with the team.",
            "Please keep me in mind for any future roles.",
            "I have decided to decline the offer, with thanks.",
            # your own decision about their offer is no sacrifice laid at their door
            "It has been a few months since I declined your offer of the analyst position.",
            "Although I declined the offer of the Revenue Manager role, I'd like to keep in touch.",
            "I withdrew from the process in June, and I wanted to say hello.",
            "I'd like to withdraw my application.",
            "I was impressed by how the team handles urgent requests.",
            "Thank you for the offer; I'm delighted to accept it.",
            # near-misses of the later families
            "The feedback on my portfolio was fair and useful.",
            "My performance in the interview was poor, and I know it.",
            "I know the process can be long and frustrating for everyone.",
            "Thank you for taking the time to discuss the decision with me.",
            "I understand you had already found a strong internal candidate.",
            "You mentioned you'd let me know by Friday; I look forward to it.",
            "Thank you for covering my travel for the interview.",
            "I'll be at your office for the second round on Monday.",
            "I was surprised, but I appreciate your honesty.",
            "It was lovely meeting you, and I'd be glad to stay connected.",
            "Let's grab coffee sometime.",
            "Please thank the team for me.",
            "Hello again! I hope you had a good holiday.",
            "I've attached the portfolio we talked about, in case it's useful.",
            "I'd love to work for a company like yours one day.",
        ],
    )
    def test_near_misses_are_not_errors(self, body: str) -> None:
        assert error_rules(wrap(body)) == set()


class TestSecondPassFamilies:
    """The families from the first held-out round's misses: hits and near-misses of each."""

    @pytest.mark.parametrize(
        ("body", "rule", "flagged"),
        [
            # condescension and correcting the interviewer
            (
                "Your comment that replicas guarantee read-after-write isn't correct.",
                "condescension",
                "Your comment that replicas guarantee read-after-write isn't correct",
            ),
            ("You might want to read up on consistent hashing.", "condescension", "read up on"),
            (
                "I didn't want to contradict you in the room.",
                "condescension",
                "didn't want to contradict",
            ),
            ("With respect, that is not how GDPR works.", "condescension", "With respect,"),
            (
                "Anyone senior would have spotted the leak.",
                "condescension",
                "Anyone senior would have spotted",
            ),
            # self-deprecation
            (
                "I'm not really at the level you need.",
                "self-deprecation",
                "I'm not really at the level you",
            ),
            (
                "Sorry for wasting your afternoon.",
                "self-deprecation",
                "Sorry for wasting your afternoon",
            ),
            (
                "I completely froze on the coding question.",
                "self-deprecation",
                "I completely froze",
            ),
            (
                "I normally interview much better than that.",
                "self-deprecation",
                "I normally interview much better",
            ),
            ("I hope it hasn't ruined my chances.", "self-deprecation", "ruined my chances"),
            # presumption (no offer in the draft or the facts)
            (
                "I've already handed in my notice.",
                "presumption",
                "I've already handed in my notice",
            ),
            ("Where should I go on my first day?", "presumption", "my first day"),
            ("First round's on me when I start!", "presumption", "when I start"),
            ("Could you send over the contract?", "presumption", "send over the contract"),
            ("I think we both know it went well.", "presumption", "we both know it went well"),
            # ultimatums and reneging
            (
                "I'll sign with them on Friday unless you can beat it.",
                "pressure-ultimatum",
                "I'll sign with them on Friday unless",
            ),
            ("Frankly, £88k isn't going to cut it.", "pressure-ultimatum", "isn't going to cut it"),
            (
                "I won't be starting on Monday after all.",
                "pressure-renege",
                "won't be starting on Monday after all",
            ),
            (
                "I've signed with another company, so I won't make Monday.",
                "pressure-renege-unapologetic",
                "won't make Monday",
            ),
            # going over heads
            (
                "I've also written to your VP about it.",
                "pressure-over-head",
                "I've also written to your VP",
            ),
            ("As her manager, could you step in?", "pressure-over-head", "As her manager"),
            (
                "I'd rather deal with you directly.",
                "pressure-over-head",
                "I'd rather deal with you directly",
            ),
            # confidentiality
            (
                "Could I see the interviewers' notes on me?",
                "confidential-request",
                "see the interviewers' notes",
            ),
            (
                "Who exactly voted against me?",
                "confidential-request",
                "Who exactly voted against me",
            ),
            (
                "What do the other analysts on the team earn?",
                "confidential-request",
                "What do the other analysts on the team earn",
            ),
            (
                "Could you send the case study in advance?",
                "confidential-request",
                "send the case study in advance",
            ),
            (
                "Please keep it to yourself, it's internal.",
                "confidential-share",
                "Please keep it to yourself",
            ),
            ("Just between us, I think he's struggling.", "confidential-secret", "Just between us"),
            # warm registers, flattery, leftovers
            (
                "Please remember me in your prayers.",
                "familiarity-warm",
                "remember me in your prayers",
            ),
            ("Thank you, kind lady.", "familiarity-warm", "kind lady"),
            ("I'd be happy just fetching your coffee.", "flattery", "fetching your coffee"),
            (
                "Someone with your judgement will surely see it.",
                "flattery",
                "Someone with your judgement will surely see",
            ),
            (
                "Let me know if you'd like it to sound more formal!",
                "leftover-assistant",
                "Let me know if you'd like it to sound more formal",
            ),
            # threats, grievances, accusation, disloyalty, arrogance
            (
                "I have consulted an employment lawyer.",
                "pressure-threat-legal",
                "I have consulted an employment lawyer",
            ),
            (
                "I'll be tagging your CEO in the post.",
                "pressure-threat-business",
                "tagging your CEO",
            ),
            (
                "The codebase was a complete mess.",
                "blame-grievance",
                "The codebase was a complete mess",
            ),
            (
                "I now see my design in your latest release.",
                "blame-accusation",
                "my design in your latest release",
            ),
            (
                "My current manager is clueless.",
                "blame-disloyalty",
                "My current manager is clueless",
            ),
            ("You'd be lucky to have me.", "blame-arrogance", "lucky to have me"),
            # text-speak, bribes, oversharing, off-topic, reassessment
            ("thx 4 the chat, lmk!", "informal-textspeak", "thx"),
            ("Thank you sooo much.", "informal-textspeak", "sooo"),
            ("I'll make it worth your while.", "pressure-bribe", "I'll make it worth your while"),
            (
                "I'm going through a messy divorce at the moment.",
                "oversharing",
                "I'm going through a messy divorce",
            ),
            (
                "Please evaluate this version instead of my interview answer.",
                "pressure-reassess",
                "evaluate this version instead of",
            ),
        ],
    )
    def test_catches(self, body: str, rule: str, flagged: str) -> None:
        text = wrap(body)
        found = [f for f in check_tone(text) if f.rule == rule]
        assert found, check_tone(text)
        assert flagged in [f.text for f in found]
        assert all(f.severity is Severity.ERROR for f in found)

    @pytest.mark.parametrize(
        "body",
        [
            # condescension: their own corrections and shared reading are fine
            "After we spoke I realised my answer on caching was wrong, so here is a corrected one.",
            "Here's the article on partition ordering I mentioned; it explains the idea nicely.",
            "I'll brush up on my system design before the next round.",
            "With respect to the timeline, I'm happy to wait.",
            # self-deprecation: one honest line or one apology is fine
            "I was a little nervous at the start, but I enjoyed the pairing exercise.",
            "Apologies for the slow reply; I was travelling.",
            "I understand I'm not quite at the senior level yet, and I'll keep working on it.",
            # presumption: information, and an accepted offer
            "In case it helps your planning, my notice period is one month.",
            "Thank you for the offer, which I'm delighted to accept. Where should I go on my first day?",
            "I'd love to dig into the scheduling data with you if I join the team.",
            # negotiation and a real deadline, openly
            "I have another offer at £92k; you're my first choice, so is there any flexibility?",
            "They've asked for an answer by Friday, so I wondered whether you might have an update by then.",
            "I'll send the forms to your security team by Friday, as agreed.",
            "I'm very sorry, but I won't be able to start on Monday; I know this causes real difficulty.",
            # the right people, asked for the right things
            "I've copied Daniel, as he asked me to send the references to you both.",
            "Could you share the salary range for the role?",
            "Could you tell me the format of the written exercise?",
            "If you're able to share any feedback, I'd be grateful.",
            "I can't share the deck itself, as it's confidential, but here is a summary with the figures removed.",
            # warm, respectful and professional
            "Good afternoon Ma, thank you for your time yesterday. God bless.",
            "Your explanation of the scheduler rewrite was the clearest I've heard.",
            "I hope this helps; let me know if you have any questions about the write-up.",
            # domain words, and their own rights
            "I enjoyed our discussion of how the firm handles tribunal claims.",
            "It wouldn't be fair to keep you waiting, so I'm withdrawing now.",
            "I've learned a lot at my current employer.",
            "You were candid that the codebase is a mess, and that's the kind of challenge I enjoy.",
            "I'm confident my experience would help the team.",
            "I'll take the feedback on board.",
            "I'll keep working on it and would love to apply again next year.",
        ],
    )
    def test_near_misses_are_not_errors(self, body: str) -> None:
        assert error_rules(wrap(body)) == set()

    def test_serial_apologies_are_flagged_each(self) -> None:
        text = wrap("Sorry I was late. Sorry about my answers. I apologise again.")
        found = [f.text for f in check_tone(text) if f.rule == "self-deprecation-apologies"]
        assert found == ["Sorry", "Sorry", "apologise"]

    def test_an_offer_in_the_facts_excuses_presumption(self) -> None:
        text = wrap("I've handed in my notice, so I can start on the 1st.")
        assert "presumption" in error_rules(text)
        assert "presumption" not in error_rules(text, facts=Facts(topics=["offer acceptance"]))
        assert "presumption" in error_rules(text, facts=Facts(topics=["offer letters in Workday"]))


class TestWrongCompany:
    facts = Facts(company="Adyen", names=["Lucas de Vries"], topics=["merchant onboarding APIs"])

    @pytest.mark.parametrize(
        ("body", "flagged"),
        [
            ("I'm more excited than ever about the chance to join Stripe.", "Stripe"),
            ("Thank you for the interview for the Engineer role at Stripe.", "Stripe"),
            ("I'd love to bring my experience to your team at Checkout.com.", "Checkout.com"),
            ("I enjoyed learning about the challenges at Stripe.", "Stripe"),
            ("I'm keen to help Stripe's merchants grow.", "Stripe"),
        ],
    )
    def test_another_company_named_as_the_target(self, body: str, flagged: str) -> None:
        found = [f for f in check_tone(wrap(body), facts=self.facts) if f.rule == "wrong-company"]
        assert [f.text for f in found] == [flagged]
        assert found[0].severity is Severity.ERROR

    @pytest.mark.parametrize(
        "body",
        [
            "I'm more excited than ever about the chance to join Adyen.",
            "I'd love to join the Payments team and the Adyen data team.",
            "Since I joined Stripe in 2019 I've built merchant APIs; I'd love to bring that to Adyen.",
            "My three years at Stripe taught me a lot about onboarding.",
            "Thank you for the offer. I've accepted a role at Stripe, and I hope our paths cross again.",
            "I'd like to withdraw, as I've decided to join Stripe.",
            "Your point about how Stripe approaches onboarding was interesting.",
            "I'd love to join the London office.",
            "Dear Hiring Team, thank you for the interview.",
        ],
    )
    def test_own_employers_declines_and_teams_are_fine(self, body: str) -> None:
        assert "wrong-company" not in error_rules(wrap(body), facts=self.facts)

    def test_needs_the_company(self) -> None:
        text = wrap("I'm excited about the chance to join Stripe.")
        assert "wrong-company" not in error_rules(text)
        assert "wrong-company" not in error_rules(text, facts=Facts(names=["Lucas de Vries"]))

    @pytest.mark.parametrize(
        ("name", "company"),
        [
            ("Brightwave", "Brightwave Energy"),
            ("Just Eat", "Just Eat Takeaway"),
            ("JET", "Just Eat Takeaway"),
            ("AdyenPay", "Adyen"),
            ("Harbor & Finch", "Harbor & Finch"),
        ],
    )
    def test_same_organisation(self, name: str, company: str) -> None:
        from followup._tone_checks import same_organisation

        assert same_organisation(name, company)
        assert not same_organisation("Greenfield Energy", "Brightwave Energy")


class TestWrongName:
    facts = Facts(names=["Rachel Dunn", "Mr. Peter Johnson", "Katherine Lee"])

    @pytest.mark.parametrize(
        ("greeting", "flagged"),
        [
            ("Dear Mr. Jonson,", "Jonson"),
            ("Hi Rachael,", "Rachael"),
            ("Dear Katharine,", "Katharine"),
            # Under a subject line too: the greeting there was never read before.
            ("Subject: Thank you\n\nDear Mr. Jonson,", "Jonson"),
        ],
    )
    def test_a_misspelt_name_is_an_error(self, greeting: str, flagged: str) -> None:
        text = f"{greeting}\n\nThank you for the interview.\n\nBest regards,\nSam"
        [finding] = [f for f in check_tone(text, facts=self.facts) if f.rule.endswith("-name")]
        assert (finding.rule, finding.text, finding.severity) == (
            "wrong-name",
            flagged,
            Severity.ERROR,
        )

    @pytest.mark.parametrize(
        ("greeting", "flagged"),
        [
            ("Dear Sarah,", "Sarah"),
            # held-out round 3: the right person's name is Siobhán; Sinéad is someone else
            ("Dear Sinéad,", "Sinéad"),
            ("Subject: Thanks for today!\n\nHi Sarah,", "Sarah"),
        ],
    )
    def test_a_name_not_among_the_people_is_an_error(self, greeting: str, flagged: str) -> None:
        # No good draft of the corpus greets anyone but the interview's people: a
        # name that is none of theirs is a note meant for someone else.
        text = f"{greeting}\n\nThank you for the interview.\n\nBest regards,\nSam"
        facts = Facts(names=[*self.facts.names, "Siobhán Kelly, Director of Nursing"])
        [finding] = [f for f in check_tone(text, facts=facts) if f.rule.endswith("-name")]
        assert (finding.rule, finding.text, finding.severity) == (
            "unknown-name",
            flagged,
            Severity.ERROR,
        )

    @pytest.mark.parametrize(
        "greeting",
        [
            "Dear Rachel,",
            "Dear Ms. Dunn,",
            "Dear Mr. Johnson and Rachel,",
            "Hi Kate,",
            "Dear Hiring Team,",
            "Good afternoon Ma,",
            "Hello everyone,",
            "Subject: Thank you\n\nDear Rachel,",
            "Dear Search Committee,",
            "Dear Katherine,",
            "Dear Kathérine,",
        ],
    )
    def test_their_names_short_forms_and_no_name_are_fine(self, greeting: str) -> None:
        text = f"{greeting}\n\nThank you for the interview.\n\nBest regards,\nSam"
        assert not [f for f in check_tone(text, facts=self.facts) if f.rule.endswith("-name")]

    def test_needs_the_names(self) -> None:
        text = "Dear Sarha,\n\nThank you for the interview.\n\nBest regards,\nSam"
        assert "wrong-name" in error_rules(text, facts=Facts(names=["Sarah Ng"]))
        assert "wrong-name" not in error_rules(text)
        assert "wrong-name" not in error_rules(text, facts=Facts(company="Acme"))


class TestBareLowercase:
    def test_lower_case_without_greeting_or_signoff_is_one_error(self) -> None:
        text = "thanks for the interview. let me know what you decide."
        [finding] = check_tone(text)
        assert (finding.rule, finding.severity) == ("bare-lowercase", Severity.ERROR)
        assert (finding.start, finding.end) == (0, len(text))

    def test_a_greeting_word_without_a_name_is_not_a_greeting(self) -> None:
        assert "bare-lowercase" in error_rules("hey so did i get the job or not? been a week")

    def test_capitalised_is_still_two_warnings(self) -> None:
        text = "Thanks for the interview. Let me know what you decide."
        assert rules_of(text) == ["greeting-missing", "signoff-missing"]
        assert errors(text) == []

    @pytest.mark.parametrize(
        "text",
        [
            "hi ana,\n\nthanks for the interview.\n\nsam",
            "thanks for the interview, i enjoyed it.\n\nbest,\nsam",
            "ok thanks",
        ],
    )
    def test_a_greeting_a_signoff_or_a_very_short_note_is_not_bare(self, text: str) -> None:
        assert "bare-lowercase" not in rules_of(text)

    def test_tasks_are_not_checked(self) -> None:
        assert check_tone("email jane about the feedback call", "task") == []

    def test_disabling_it_brings_the_warnings_back(self) -> None:
        rules = RuleSet.default().disable("bare-lowercase")
        text = "thanks for the interview. let me know what you decide."
        assert [f.rule for f in check_tone(text, rules=rules)] == [
            "greeting-missing",
            "signoff-missing",
        ]


class TestEmoji:
    def test_the_issue_example(self) -> None:
        text = "😊😊🙏🙏🔥🔥 Really hope I get it 🤞🤞🤞🤞"
        found = [f for f in check_tone(text, "linkedin-note") if f.rule == "emoji-run"]
        assert [f.text for f in found] == ["😊😊🙏🙏🔥🔥", "🤞🤞🤞🤞"]
        assert all(f.severity is Severity.ERROR for f in found)

    def test_a_spaced_run_with_skin_tones(self) -> None:
        found = only(wrap("Thanks 🙌🏽 🙌🏽 🙌🏽 for everything"), "emoji-run")
        assert found.text == "🙌🏽 🙌🏽 🙌🏽"

    def test_four_spread_out_are_each_flagged(self) -> None:
        text = wrap("Thanks 😀 it was great 🙂 meeting the team 👍 have a good weekend 🌞")
        assert len([f for f in check_tone(text) if f.rule == "emoji-run"]) == 4

    @pytest.mark.parametrize(
        "body", ["Thanks so much 🙂", "Thank you! 🙏 I enjoyed it 😊", "See you soon :)"]
    )
    def test_one_or_two_are_fine(self, body: str) -> None:
        assert check_tone(wrap(body)) == []


class TestRambling:
    filler = "I enjoyed the interview and learned a lot about the team and its plans. " * 12

    def test_long_with_off_topic_detail_is_a_warning(self) -> None:
        text = wrap(
            self.filler + "By the way, is there parking on site, and what is the dress code?"
        )
        found = [f for f in check_tone(text) if f.rule == "rambling"]
        assert {f.text.lower() for f in found} >= {"by the way", "parking", "dress code"}
        assert all(f.severity is Severity.WARNING for f in found)

    def test_short_with_personal_detail_is_fine(self) -> None:
        assert check_tone(wrap("By the way, I hope your weekend in Lisbon was lovely.")) == []

    def test_long_and_on_topic_is_only_the_length_warning(self) -> None:
        text = wrap(self.filler * 2)
        assert {f.rule for f in check_tone(text)} <= {"length-soft"}


class TestFacts:
    facts = Facts(
        company="ASAP Logistics",
        role="Last Chance Loan Recovery Specialist",
        names=("Will Begg", "Sam Rivera", "Ana Lopez"),
        topics=("the waste of time in approvals",),
    )

    def test_spans_are_found_in_any_case_and_across_lines(self) -> None:
        text = "At asap logistics we discussed the waste of\ntime in approvals."
        spans = self.facts.spans(text)
        assert [text[a:b] for a, b in spans] == [
            "asap logistics",
            "the waste of\ntime in approvals",
        ]

    def test_text_inside_the_facts_never_triggers_a_rule(self) -> None:
        text = wrap(
            "Thank you for the interview at ASAP Logistics for the Last Chance Loan Recovery "
            "Specialist role, and for the talk about the waste of time in approvals."
        )
        assert error_rules(text) >= {"pressure-asap", "desperation-another-chance"}
        assert check_tone(text, facts=self.facts) == []

    def test_names_match_as_written(self) -> None:
        facts = Facts(names=["Will Begg", "Ana Lopez"])
        text = wrap("Will, you will regret this.")
        assert [f.text for f in check_tone(text, facts=facts)] == ["you will regret"]

    def test_a_finding_partly_outside_the_facts_still_counts(self) -> None:
        text = wrap("I expect a reply from ASAP Logistics by Friday.")
        assert "pressure-deadline" in error_rules(text, facts=self.facts)

    def test_capitals_in_a_company_name_are_not_shouting(self) -> None:
        text = wrap("Thanks for the interview at URGENT CARE PARTNERS.")
        assert "shouting-caps" in rules_of(text)
        assert check_tone(text, facts=Facts(company="Urgent Care Partners")) == []

    def test_from_interview(self) -> None:
        from datetime import datetime
        from zoneinfo import ZoneInfo

        from followup import Candidate, Contact, Interview

        interview = Interview(
            company="Urgent Care Partners",
            role="Demand Planner",
            start=datetime(2026, 11, 20, 14, tzinfo=ZoneInfo("America/New_York")),
            timezone="America/New_York",
            interviewers=[Contact(name="Jane Doe", topics=("the pressure washer line",))],
            recruiter=Contact(name="Hope Ng"),
            candidate=Candidate(name="Sam Rivera"),
            topics=("demand forecasting",),
        )
        facts = Facts.from_interview(interview)
        assert facts.company == "Urgent Care Partners"
        assert facts.role == "Demand Planner"
        assert facts.names == ("Jane Doe", "Hope Ng", "Sam Rivera")
        assert facts.topics == ("demand forecasting", "the pressure washer line")

    def test_from_mapping_takes_the_render_facts(self) -> None:
        facts = Facts.from_mapping(
            {"company": "Acme", "role": "Analyst", "first_name": "Jane", "topic": " ", "x": 1}
        )
        assert facts == Facts(company="Acme", role="Analyst", names=("Jane",))

    def test_bad_facts(self) -> None:
        with pytest.raises(ValidationError) as info:
            check_tone("hi", facts={"company": "Acme"})  # type: ignore[arg-type]
        assert info.value.field == "facts"
        with pytest.raises(ValidationError):
            Facts(names=[3])  # type: ignore[list-item]

    def test_corpus_drafts_with_facts_need_them(self) -> None:
        assert len(FACTS_PROBES) >= 5
        for draft in FACTS_PROBES:
            assert error_rules(draft.text, draft.channel), draft.note
            assert error_rules(draft.text, draft.channel, Facts(**draft.facts)) == set()


class TestRulesAsData:
    custom = """
[macros]
POLITE = '(?:kindly|please)'

[[rule]]
id = "house-revert"
category = "cliche"
severity = "warning"
message = "Jargon."
suggestion = "Say 'I look forward to hearing from you'."
match = ['{POLITE} revert', 'do the needful']
unless = 'no need'
channels = ["email"]
"""

    def test_from_toml_rules_can_be_added(self) -> None:
        extra = RuleSet.from_toml(self.custom)
        rules = RuleSet.default().disable("cliche-kindly-revert").add(extra)
        text = wrap("Please revert soon.")
        assert only_with(text, rules, "house-revert").text == "Please revert"
        assert "house-revert" not in rules_of(wrap("Please revert, or no need."))

    def test_from_file(self, tmp_path: Any) -> None:
        path = tmp_path / "house.toml"
        path.write_text(self.custom, encoding="utf-8")
        assert RuleSet.from_file(path).ids == ("house-revert",)

    @pytest.mark.parametrize(
        ("text", "field", "words"),
        [
            ("[[rule]\n", "rules", "TOML"),
            ("[[rule]]\nid='a'\nmatch='{NOPE}'", "match", "NOPE"),
            ("[[rule]]\nid='a'\ncheck='telepathy'", "check", "shouting"),
            ("[[rule]]\nid='a'\nmatchh='x'", "rule", "matchh"),
            ("[[rule]]\nid='a'\nmatch='x'", "rule", "required"),
            (
                "[[rule]]\nid='a'\ncategory='c'\nseverity='error'\nmessage='m'\nsuggestion='s'\nmatch='('",
                "pattern",
                "'a'",
            ),
            ("[macros]\nA='{B}'\nB='{A}'\n[[rule]]\nid='a'\nmatch='{A}'", "macros", "loop"),
        ],
    )
    def test_bad_rules_files_say_what_is_wrong(self, text: str, field: str, words: str) -> None:
        with pytest.raises(ValidationError) as info:
            RuleSet.from_toml(text, source="house.toml")
        assert info.value.field == field
        assert words in str(info.value)

    def test_unknown_language(self) -> None:
        with pytest.raises(ValidationError) as info:
            RuleSet.default("xx")
        assert info.value.field == "language"

    def test_builtin_rules_are_package_data(self) -> None:
        from importlib import resources

        text = resources.files("followup").joinpath("rules", "en.toml").read_text("utf-8")
        again = RuleSet.from_toml(text)
        assert again.ids == RuleSet.default().ids
        assert [r.pattern for r in again] == [r.pattern for r in RuleSet.default()]

    def test_add_a_rule_set_or_rules(self) -> None:
        extra = RuleSet.from_toml(self.custom)
        assert RuleSet(()).add(extra, TestRuleSet.custom).ids == (
            "house-revert",
            "no-kindly-revert",
        )

    def test_unless_and_supersedes_on_python_rules(self) -> None:
        rule = Rule(
            id="loud",
            category="custom",
            severity="error",
            pattern=r"\bhey\b",
            unless=r"\bjane\b",
            message="m",
            suggestion="say hello",
            supersedes={"greeting-missing"},
        )
        rules = RuleSet.default().add(rule)
        assert [f.rule for f in check_tone("hey there. Thanks.", rules=rules)] == [
            "loud",
            "signoff-missing",
        ]
        assert "loud" not in [f.rule for f in check_tone("hey jane. Thanks.", rules=rules)]


class TestRuleFields:
    def test_wrap_reads_a_pattern_as_hard_wrapped_text(self) -> None:
        rule = Rule(
            id="w",
            category="c",
            severity="error",
            pattern=r"\bexpect a reply\b",
            message="m.",
            suggestion="say it kindly",
            wrap=True,
        )
        assert rule.find("I expect a\nreply.") == [(2, 16)]
        assert rule.find("I expect a\n\nreply.") == []
        plain = attrs.evolve(rule, wrap=False)
        assert plain.find("I expect a\nreply.") == []

    def test_when_draft_runs_the_pattern_only_on_matching_drafts(self) -> None:
        rule = Rule(
            id="s",
            category="c",
            severity="error",
            pattern=r"\bkeep my options open\b",
            when_draft=r"\baccept the offer\b",
            message="m.",
            suggestion="commit or ask for time",
        )
        assert rule.find("I accept the offer, but I'll keep my options open.") == [(29, 49)]
        assert rule.find("Thanks for letting me know; I'll keep my options open.") == []
        found = RuleSet.from_toml(
            """
[[rule]]
id = "s"
category = "c"
severity = "error"
message = "m."
suggestion = "commit or ask for time"
match = 'keep my options open'
when_draft = 'accept the offer'
"""
        ).get("s")
        assert found.find("I accept the offer and keep my options open.") == [(23, 43)]
        assert found.find("I keep my options open.") == []

    def test_unless_draft_looks_at_the_whole_draft_and_the_facts(self) -> None:
        rule = Rule(
            id="d",
            category="c",
            severity="error",
            pattern=r"\bmy first day\b",
            unless_draft=r"\boffer\b",
            message="m.",
            suggestion="wait for an offer",
        )
        rules = RuleSet((rule,))
        text = "What should I bring on my first day?"
        assert [f.rule for f in check_tone(text, rules=rules)] == ["d"]
        assert check_tone("Thanks for the offer. " + text, rules=rules) == []
        assert check_tone(text, rules=rules, facts=Facts(topics=["offer"])) == []

    def test_a_check_with_facts_gets_them(self) -> None:
        seen: list[object] = []

        def spy(text: str, channel: str, limit: int | None, facts: object) -> list[tuple[int, int]]:
            seen.append(facts)
            return []

        rule = Rule(
            id="f",
            category="c",
            severity="info",
            check=spy,
            with_facts=True,
            message="m.",
            suggestion="nothing to do here",
        )
        facts = Facts(company="Acme")
        check_tone("Hi", rules=RuleSet((rule,)), facts=facts)
        check_tone("Hi", rules=RuleSet((rule,)))
        assert seen == [facts, None]

    def test_wrap_in_a_rules_file_must_be_true_or_false(self) -> None:
        text = "[[rule]]\nid='a'\ncategory='c'\nseverity='error'\nmessage='m'\nsuggestion='s'\nmatch='x'\nwrap='no'"
        with pytest.raises(ValidationError) as info:
            RuleSet.from_toml(text)
        assert info.value.field == "wrap"


class TestLightImport:
    """``import followup.tone`` reads no rules file and compiles no regular expression."""

    def test_nothing_is_parsed_or_compiled_at_import(self) -> None:
        import subprocess
        import sys

        code = """
import re, sys
import attrs, followup, followup.errors
compiled = []
original = re._compile
def counting(pattern, flags):
    frame = sys._getframe(1)
    while frame and frame.f_globals.get("__name__", "").startswith("re"):
        frame = frame.f_back
    if frame and frame.f_globals.get("__name__", "").startswith("followup"):
        compiled.append(pattern)
    return original(pattern, flags)
re._compile = counting
import followup.tone
assert "tomllib" not in sys.modules, "tomllib imported"
assert "followup._tone_data" not in sys.modules
assert "followup._tone_checks" not in sys.modules
assert "followup._tone_scorer" not in sys.modules
assert not followup.tone._builtin.cache_info().currsize
print(len(compiled))
followup.tone.check("Hi Ana,\\n\\nThanks.\\n\\nBest,\\nSam")
print(len(compiled) > 100, "tomllib" in sys.modules)
"""
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split("\n")
        assert out[:2] == ["0", "True True"]


class TestRound14Families:
    """Constructions from development round 14: hits, and the near-misses that pass."""

    @pytest.mark.parametrize(
        ("body", "rule", "flagged"),
        [
            (
                "I keep refreshing my inbox hoping for news.",
                "desperation-waiting",
                "keep refreshing my inbox",
            ),
            (
                "I have barely slept since the interview.",
                "desperation-waiting",
                "barely slept since",
            ),
            (
                "Honestly, the waiting is killing me.",
                "desperation-waiting",
                "the waiting is killing me",
            ),
            (
                "Any news would put me out of my misery.",
                "desperation-waiting",
                "put me out of my misery",
            ),
            (
                "Another firm is keen on me too, so it would be smart to move quickly.",
                "pressure-hurry",
                "Another firm is keen on me too, so it would be smart",
            ),
            (
                "Please don't keep me waiting this time.",
                "pressure-hurry",
                "Please don't keep me waiting",
            ),
            (
                "I will call tomorrow, so please have it ready.",
                "pressure-hurry",
                "please have it ready",
            ),
            (
                "I was told I would hear back by Friday, and it is now Wednesday.",
                "nagging-overdue",
                "told I would hear back by Friday, and it is now",
            ),
            (
                "I would have expected a simple update by now.",
                "nagging-overdue",
                "would have expected a simple update by now",
            ),
            (
                "Surely a short yes or no is not too much to ask?",
                "nagging-overdue",
                "Surely a short yes or no is not too much to ask",
            ),
            (
                "I'm not convinced the panel really understood my portfolio.",
                "blame-panel",
                "not convinced the panel really understood",
            ),
            (
                "Half the panel weren't really listening.",
                "blame-panel",
                "Half the panel weren't really listening",
            ),
            (
                "Your recruiter clearly misled me about the band.",
                "blame-panel",
                "clearly misled me",
            ),
            (
                "Please provide the specific reasons for the decision, in writing.",
                "pressure-reasons",
                "provide the specific reasons for the decision, in writing",
            ),
            (
                "I would like a full breakdown of my scores.",
                "pressure-reasons",
                "a full breakdown of my scores",
            ),
            (
                "Things are hard since my partner left, and the bills are piling up.",
                "oversharing-hardship",
                "since my partner left",
            ),
            ("Sorry, I had a flare-up of my IBS.", "oversharing-hardship", "a flare-up of my"),
            (
                "It's my birthday party on Saturday and you should totally come.",
                "familiarity-invitation",
                "my birthday party on Saturday and you should totally come",
            ),
            (
                "I'm far better than I came across on the day.",
                "pressure-reassess-self",
                "I'm far better than I came across",
            ),
        ],
    )
    def test_hits(self, body: str, rule: str, flagged: str) -> None:
        findings = [f for f in check_tone(wrap(body)) if f.rule == rule]
        assert [f.text for f in findings][:1] == [flagged]
        assert findings[0].severity is Severity.ERROR

    @pytest.mark.parametrize(
        "body",
        [
            "Whenever there is news, I'd be glad to hear it.",
            "I check my email every morning, so any time suits me.",
            "I have another offer with a deadline of 12 June; any update before then would help.",
            "You mentioned a decision around last Friday; has the timeline moved?",
            "I hope it is not too much trouble to send the slides.",
            "I'm not sure I explained my portfolio as clearly as I could have.",
            "I enjoyed the session on how the panel reviews portfolios.",
            "If you have a moment, I'd be grateful for any feedback.",
            "I liked your plan for classes for members managing back pain.",
            "I've volunteered for free at the food bank for two years.",
            "The team party you mentioned sounds like a lot of fun.",
            "I know I can do better than I did on the day, and I'm practising.",
            "As you suggested, I will phone your office on Thursday if I haven't heard.",
        ],
    )
    def test_near_misses_pass(self, body: str) -> None:
        assert errors(wrap(body)) == []


class TestRound15Families:
    """Families from the misses of held-out rounds 2 and 3, tested in new wordings."""

    @pytest.mark.parametrize(
        ("body", "rule", "flagged"),
        [
            ("I consider you the finest architect in Europe.", "flattery", "consider you the finest"),
            (
                "It was humbling to meet an engineer of your stature.",
                "flattery",
                "an engineer of your stature",
            ),
            (
                "My uncle knows several members of your leadership team.",
                "pleading-ally",
                "My uncle knows several members of your leadership",
            ),
            (
                "Your COO, whom I know from rowing, said she would put in a word.",
                "pleading-ally",
                "Your COO, whom I know from rowing, said she would put in a word",
            ),
            (
                "I'm not prepared to continue for less than $90,000.",
                "pressure-conditions",
                "not prepared to continue for less",
            ),
            (
                "I'd want full autonomy over the roadmap from day one.",
                "pressure-conditions",
                "I'd want full autonomy",
            ),
            (
                "I'm delighted to accept, though I'll keep my options open for now.",
                "presumption-still-searching",
                "keep my options open",
            ),
            (
                "I've accepted a post at a firm that actually values experience.",
                "blame-dig",
                "a firm that actually values",
            ),
            (
                "My last manager was frankly out of his depth.",
                "blame-dig",
                "frankly out of his depth",
            ),
            (
                "The demo was derailed by the Wi-Fi dropping, so I doubt the panel saw my best.",
                "blame-excuse",
                "demo was derailed by",
            ),
            (
                "I'd ask to be interviewed again with a different panel.",
                "blame-excuse",
                "with a different panel",
            ),
            (
                "Your spreadsheet had a broken formula in the revenue tab.",
                "condescension-correcting",
                "Your spreadsheet had a broken",
            ),
            (
                "Dr Patel didn't seem familiar with the 2019 trial.",
                "condescension-correcting",
                "Dr Patel didn't seem familiar with",
            ),
            (
                "Still no news, so I'll read the silence as a no.",
                "sarcasm-jab",
                "read the silence as a no",
            ),
            (
                "I noticed the candidate you hired has already left. Sorry it didn't work out!",
                "sarcasm-jab",
                "candidate you hired has already left",
            ),
            (
                "I've sent out more than 200 applications this year.",
                "desperation-pleading",
                "sent out more than 200 applications",
            ),
            (
                "My savings run out in March.",
                "desperation-pleading",
                "My savings run out",
            ),
            (
                "You'd need to come in higher to keep me interested.",
                "pressure-leverage",
                "You'd need to come in higher",
            ),
            (
                "Given the lack of communication, I'm withdrawing.",
                "blame-dig-slow",
                "Given the lack of communication",
            ),
            (
                "Thanks for the 'streamlined' process.",
                "blame-dig-slow",
                "the 'streamlined'",
            ),
            (
                "I believe you've made the wrong call here.",
                "blame-wrong-call",
                "you've made the wrong call",
            ),
            (
                "I accept the offer, provided the remote days are confirmed.",
                "pressure-conditional-accept",
                "accept the offer, provided ",
            ),
            (
                "I've since written to Priya directly about my application.",
                "pressure-over-head",
                "I've since written to Priya directly",
            ),
            (
                "I would expect each interviewer's notes, by the end of next week.",
                "pressure-deadline",
                "I would expect each interviewer's notes, by the end of next week",
            ),
            (
                "Kindly process my referral before Friday.",
                "pressure-deadline",
                "Kindly process my referral before Friday",
            ),
            (
                "I await your favourable response.",
                "familiarity-warm",
                "await your favourable",
            ),
            (
                "It says a great deal about how the agency is run.",
                "blame-says-a-lot",
                "says a great deal about",
            ),
        ],
    )
    def test_hits(self, body: str, rule: str, flagged: str) -> None:
        findings = [f for f in check_tone(wrap(body)) if f.rule == rule]
        assert [f.text for f in findings][:1] == [flagged]
        assert findings[0].severity is Severity.ERROR

    @pytest.mark.parametrize(
        "body",
        [
            "Your point that the best leaders are the finest listeners stayed with me.",
            "Could you confirm the start time of Thursday's session?",
            "I'm delighted to accept the offer, and I'll send the signed letter today.",
            "I've accepted a role at a company that is closer to home.",
            "The Wi-Fi dropped for a minute, but we carried on and I enjoyed the demo.",
            "One quick correction: I meant Tuesday, not Thursday.",
            "I'll keep an eye on your careers page for future openings.",
            "I've applied to a few roles in the area, and this one is my first choice.",
            "I have another offer at £92k; is there any flexibility?",
            "Given the timeline you described, I'll hold my other process until the 14th.",
            "It says a lot about the team that everyone stayed to help.",
            "Our product and engineering teams share a single launch scorecard.",
            "In my internship a revert would have taken two minutes.",
            "I'll assume the Tuesday slot works unless I hear otherwise.",
            "The discussion connected directly to my thesis.",
            "Please feel free to send the forms by email; I'll return them by Friday.",
            "I accept the offer, subject to references.",
            "Thank you for letting me know. I'll keep applying for other roles in the sector.",
            "I've copied Daniel, as you suggested, so he has the slides.",
            "I plan to give notice once I receive a written offer.",
            "I'm still thinking about the pivot question.",
            "Could you put the offer details in writing when you have a moment?",
        ],
    )
    def test_near_misses_pass(self, body: str) -> None:
        assert errors(wrap(body)) == []

    @pytest.mark.parametrize(
        ("body", "rule", "flagged"),
        [
            (
                "I'm thrilled to accept. I'll keep attending my other interviews, just in case.",
                "presumption-still-searching",
                "keep attending my other interviews",
            ),
            (
                "If I don't hear otherwise by Friday, I'll assume I'm through to the final.",
                "pressure-deadline",
                "If I don't hear",
            ),
            (
                "I've looped in Maria so she can see my interest.",
                "pressure-over-head",
                "I've looped in Maria so she can see",
            ),
            (
                "Could you get me an interview with the data team?",
                "pleading-intervention",
                "get me an interview",
            ),
            (
                "The whiteboard task was narrowly scoped for a senior role.",
                "blame-excuse",
                "task was narrowly scoped",
            ),
            (
                "A small suggestion: shorter take-homes would attract more candidates.",
                "blame-advice",
                "A small suggestion:",
            ),
            (
                "Happy to accept; I take it the extra week of leave I raised will be included.",
                "pressure-conditional-accept",
                "I raised will be included",
            ),
            (
                "The take-home ate most of my weekend.",
                "blame-waste-of-time",
                "ate most of my weekend",
            ),
            (
                "I know your CEO personally from our rowing club.",
                "pleading-ally",
                "I know your CEO personally",
            ),
        ],
    )
    def test_more_hits(self, body: str, rule: str, flagged: str) -> None:
        findings = [f for f in check_tone(wrap(body)) if f.rule == rule]
        assert [f.text for f in findings][:1] == [flagged]
        assert findings[0].severity is Severity.ERROR

    @pytest.mark.parametrize(
        "body",
        [
            "I hope the person you chose is worth the risk.",
            "Honestly, I think the panel was looking for a younger profile, which is a shame.",
            "Your competitor, Northbeam, has already invited me to a final round.",
            "I noticed you viewed my LinkedIn profile three times this week.",
            "Could you tell me which of my answers let me down, question by question?",
            "Any chance you could share what the successful candidate scored?",
            "The process favours people who interview well over people who can do the job.",
            "I assume the silence means the role has gone to someone else?",
            "My mentor, who is on your board, suggested I write to you.",
            "You have a beautiful office and, if I may say, a beautiful smile.",
            "Frankly, the interview felt more like an interrogation than a conversation.",
            "I found the second interviewer quite abrasive.",
            "I'd have done better if the brief had been clearer.",
            "I'll happily take the role for less if that's what it takes.",
            "Having managed far bigger budgets than this team, I'd have been bored anyway.",
            "I'm still not clear why I wasn't selected, and I'd like that explained.",
            "What more could I have done, since I answered every question perfectly?",
            "I expect to be considered first for any future opening.",
            "I was told by your recruiter I was the frontrunner, so this is a surprise.",
        ],
    )
    def test_fresh_wordings_of_the_families_get_an_error(self, body: str) -> None:
        # Written after the round-15 rules, in wordings none of the data uses: the
        # families, not the phrases, should catch them.
        assert errors(wrap(body))

    @pytest.mark.parametrize(
        "body",
        [
            "I've reached out to Priya directly, as you suggested, to arrange the reference call.",
            'Could you send the offer in writing so I can review it with my partner?',
            "I'm happy to accept, provided the start date of 3 March still works for you.",
            "I'll assume we're meeting at the Leeds office unless you tell me otherwise.",
            'Thank you for breaking the silence on a Friday evening to call me with the news.',
            'I realised I gave the wrong figure in the interview; a quick correction: the migration took six months, not four.',
            "For the record, I'd be very happy to relocate.",
            'One suggestion from me, if useful: I could share the notebook from my thesis.',
            "I've copied Sam, our office manager, so he can book the room.",
            "I'm joining a company that is closer to my family in Bristol.",
            'Given the timing of my notice period, a start in April would suit best.',
            "The team's pace on the product launch was impressive.",
            'Your point that the fiscal year drives hiring was helpful context.',
            "I loved how you described the 'quick wins' for the first quarter.",
            "God willing, I'll see you at the conference in May.",
            "I'd welcome a positive conversation about next steps whenever suits.",
            "I'm looking for a job in data engineering, and your team stood out.",
            'In my last role I managed the severance process for forty staff.',
            'Our team applied to over 50 grants last year, and won twelve.',
            "I'll work hard to learn the codebase quickly.",
            'I think we made the wrong call on the database at my last job, and I learned a lot from it.',
            "You'll see in my portfolio that I redesigned the checkout flow.",
            "Thank you for letting me know. I'll keep applying and hope our paths cross again.",
            "I'd love to continue the conversation about the analytics roadmap.",
            'The case study was fun; I liked how open-ended it was.',
            'It was great to meet someone who cares so much about patient safety.',
            "I know I have a long way to go with Kubernetes, and I'm excited to learn.",
            'I understand you went with someone with more retail experience, and that makes sense.',
            'Hopefully the launch goes smoothly next week!',
            "I'm sure the new hire will do a great job, and I wish the team well.",
            'Please have a lovely holiday.',
            'Please send my thanks to the panel by whichever route is easiest.',
            'Kindly let me know if you need anything else from me.',
            'Please find attached the references you asked for by Friday.',
            'Thanks for being so transparent about the timeline.',
            'My manager at Acme said he would be happy to be a reference.',
            "The panel's questions on accessibility were thoughtful and fair.",
            'I was told the team is growing, which is exciting.',
            'I have 3 emojis in my Slack status, but not here.',
            'Thanks again 🙂 Looking forward to it!',
            "I've attached my portfolio, as you asked, with the case study from Monzo.",
            "It was a pleasure meeting you; your explanation of the risk model was the clearest I've heard.",
            "If I don't hear back, I'll check in again after the 15th.",
            "I plan to give notice at my current job once I've signed the contract.",
        ],
    )
    def test_gracious_sentences_with_the_families_words_pass(self, body: str) -> None:
        # Written to probe the round-15 rules' words (directly, in writing,
        # provided, assume, silence, correction, copied, scare quotes ...).
        facts = Facts(company="Harbour Freight", names=["Ana Silva"])
        assert not [f for f in check_tone(wrap(body), facts=facts) if f.severity is Severity.ERROR]

    @pytest.mark.parametrize(
        "body",
        [
            "Meeting you was like meeting a rock star; I still can't believe I got to pick your brain.",
            "Everyone in the industry knows you're the smartest person in fintech.",
            "I've already started reading up on your onboarding docs for my first week.",
            "This is my third note this week, so I'm hoping this one gets a response.",
            "I'm starting to feel like I'm shouting into the void here.",
            'It would be great to grab dinner sometime, just the two of us.',
            "I'd be willing to negotiate my rate down if cost was the sticking point.",
            'I moved my wedding to make the interview date work, so this one stings.',
            'I need a decision from you no later than Wednesday noon.',
            "Oh well, I guess experience doesn't count for much these days.",
            'Congrats on finding someone cheaper.',
            "I've accepted your offer but will be finishing my final-round interview with Oracle next week.",
            'With a counteroffer from my current employer on the table, the ball is firmly in your court.',
            'Frankly, the way the team is structured seems like a recipe for burnout.',
            "I'd gently point out that your engineering blog has several outdated examples.",
            "I've been out of work for eleven months and my landlord is threatening eviction.",
            "Please, I'm begging you, just one more interview.",
            "Surely there's some other role you could slot me into, anything really.",
            'Perhaps next time the hiring manager could show up on time.',
            'I was under the impression this was a formality.',
            "No worries at all, I wasn't that keen on the commute anyway.",
            'Would love your personal number so we can stay in touch outside work.',
            "I'll just keep emailing until someone gives me a straight answer.",
            "Given my track record, I'm sure you'll reconsider once you've thought it over.",
            "If you can't give me feedback, can you at least tell me who got the job?",
            "I'll keep checking your careers page every day until something opens.",
            "I guess the panel just didn't click with me, which is their loss really.",
            "I'd appreciate knowing which panel member marked me down.",
            "I hope you'll hire me; I have a family to feed.",
        ],
    )
    def test_a_second_batch_of_fresh_wordings_gets_an_error(self, body: str) -> None:
        # Written after the first batch was caught; the rules caught 17 of 30
        # before they were widened for it (docs/tone.md).
        assert errors(wrap(body))

    @pytest.mark.parametrize(
        "body",
        [
            "Perhaps next time I'm in Leeds we could grab a coffee with the team.",
            "I'll make sure to arrive on time for the second round.",
            'Your new scheduling tool sounds like a recipe for happier nurses.',
            "I'd like to point out one thing I forgot to mention: I hold a forklift licence.",
            'Could you slot me in for a call on Tuesday afternoon?',
            'Anything that helps the team, really, is what motivates me.',
            "I'll keep checking my email while I travel, so I won't miss anything.",
            "I hope you'll consider me for future openings.",
            'I have a family of five, so the flexible hours you described appeal to me.',
            "I've received a counteroffer from my employer, and I've declined it because I'd love to join you.",
            "I'm in the final round with another company, so I wanted to share my timeline.",
            "It was great to meet you; I can't believe how fast the time went.",
            'Congratulations to the new hire, and best of luck with the launch.',
            "I wasn't sure about the commute at first, but the hybrid pattern makes it work.",
            'Thank you for the straight answer on the budget; it helped me a lot.',
            "The ball is in my court now: I'll send the references by Friday.",
            'I look forward to the next round of interviews.',
            "I'm sure you'll make the right choice for the team.",
        ],
    )
    def test_a_second_batch_of_gracious_sentences_passes(self, body: str) -> None:
        facts = Facts(company="Harbour Freight", names=["Ana Silva"])
        assert not [f for f in check_tone(wrap(body), facts=facts) if f.severity is Severity.ERROR]

    @pytest.mark.parametrize(
        "body",
        [
            'I was a little taken aback that nobody bothered to explain the decision.',
            'Just a heads-up that my availability disappears after Friday, so the sooner the better.',
            "I couldn't help noticing the office could do with a refresh.",
            "I'm sure the other finalist is lovely, but I'd bet I'd outperform her within a month.",
            "You'll be pleased to know I've already ordered my laptop bag for the new job.",
            "I've shared the interview questions with my study group so they can prepare.",
            'If money is the issue I can live on less, honestly.',
            "Hope the team enjoys its new hire; clearly experience wasn't the priority.",
            "I'd like it noted that I was kept waiting forty minutes in reception.",
            "It's been a rough year and this rejection is the last straw for me.",
            "I've attached my CV again in case it got lost the first four times.",
            "Let me know by close of play whether I'm still in the running.",
            'Not to brag, but I was the top performer at my last three companies.',
            "I'm confused why someone with a PhD would be turned down for an analyst role.",
            "Between the two of us, your CFO told me the budget's already approved.",
            "Your recruiter seemed quite disorganised, which didn't help.",
            "I'll be in the area on Tuesday, so I'll swing by to say hello to the team.",
            "As a fellow Cambridge alum, I know you'll look after me.",
            "Do let me know if I'm wasting my time here.",
            "I'll take silence as a sign to move on, which would be a shame for both of us.",
        ],
    )
    def test_a_third_batch_of_fresh_wordings_gets_an_error(self, body: str) -> None:
        # Written after the second batch was caught; the rules caught 9 of 20
        # before they were widened for it (docs/tone.md).
        assert errors(wrap(body))

    @pytest.mark.parametrize(
        "body",
        [
            'I was a little nervous at the start, but I enjoyed the conversation.',
            "Just a heads-up that I'm away from 3 to 7 March, in case you need me for anything.",
            'The new office looked great, and the team seemed happy.',
            "I'd bet the new feature will be popular with your users.",
            "I've shared the job ad with a friend who'd be a great fit for the junior role.",
            "It's been a busy year, and I'm grateful for your time.",
            "I've attached my CV in case it's useful for the panel.",
            'As a fellow Cambridge alum, it was fun to swap stories about the college.',
            "I'll be in the area on Tuesday for the conference, if a coffee ever suits.",
            'I appreciate you explaining the decision so clearly.',
        ],
    )
    def test_a_third_batch_of_gracious_sentences_passes(self, body: str) -> None:
        assert errors(wrap(body)) == []

    def test_still_searching_only_when_accepting(self) -> None:
        body = "I'll keep my options open and keep interviewing elsewhere."
        assert "presumption-still-searching" not in error_rules(wrap(body))
        accepted = wrap("I'm delighted to accept the offer. " + body)
        assert "presumption-still-searching" in error_rules(accepted)


class TestMisspeltCompany:
    facts = Facts(company="Cedarline Health", names=["Priya Nair"])

    @pytest.mark.parametrize(
        ("body", "flagged"),
        [
            ("I'd be glad to support the nurses at Cedar Valley Health.", "Cedar Valley Health"),
            ("I enjoyed hearing about Cedarlnie Health's clinics.", "Cedarlnie Health"),
        ],
    )
    def test_a_name_close_to_the_company_is_an_error(self, body: str, flagged: str) -> None:
        found = [f for f in check_tone(wrap(body), facts=self.facts) if f.rule == "wrong-company"]
        assert [f.text for f in found] == [flagged]

    @pytest.mark.parametrize(
        "body",
        [
            "I enjoyed hearing about Cedarline's clinics.",
            "I'd love to join Cedarline Health.",
            "At the Riverside Hotel I learned to listen first.",
            "Cheers to the Cedarline team!",
            "During COVID I led the Cedarline rollout.",
        ],
    )
    def test_the_company_and_unrelated_names_are_fine(self, body: str) -> None:
        assert "wrong-company" not in error_rules(wrap(body), facts=self.facts)
