"""The professional-tone check: "remain professional and gracious", made executable.

[`check`][followup.tone.check] runs a [`RuleSet`][followup.tone.RuleSet] over a draft and returns a
[`Finding`][followup.tone.Finding] for every span a rule flags: blame and bitterness, pressure
and deadlines, nagging about unanswered messages, desperation, pleading,
guilt, bargaining after a decision, remarks about other candidates, sarcasm,
shouting, runs of emoji, clichés, unfilled placeholders, a missing greeting or
sign-off, rambling, and text that is too long for its channel.

Rules are data: the built-in ones live in ``followup/rules/en.toml`` (package
data), and a rule is a regular expression, a named check written in Python
(shouting, greeting, sign-off, length, emoji, rambling), or both. Nothing is
parsed or compiled at import: the rules are read and compiled the first time a
check runs.

Given [`Facts`][followup.tone.Facts] (the company, role, names and topics of the interview),
the check never flags text inside them, so "Urgent Care Partners" or a topic
such as "the demand forecasting model" is not read as pressure.

A rule of the ``statistical`` category (the built-in ``statistical`` and
``statistical-strong`` rules, a word-weight scorer trained on the project's
labelled drafts) is a second opinion: it runs only when no other rule found an
error. It only ever warns: a plain warning past its warning threshold, a strong
one (``statistical-strong``) past every good draft of the development data scored
as a new writer's.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from followup import channels as _channels
from followup.errors import ValidationError

if TYPE_CHECKING:
    import os
    import re

__all__ = [
    "ACRONYMS",
    "BUILTIN_RULES",
    "CheckFunction",
    "Facts",
    "Finding",
    "Rule",
    "RuleSet",
    "Severity",
    "check",
    "check_tone",
    "make_shouting_check",
]

CheckFunction = Callable[..., Iterable[tuple[int, int]]]
"""A rule's check: called with the text, the channel and the limit (or ``None``),
and with the [`Facts`][followup.tone.Facts] (or ``None``) as a fourth argument when the rule's
``with_facts`` is true; it returns ``(start, end)`` character spans to flag."""

BUILTIN_RULES: tuple[Rule, ...]
"""The built-in rules, in the order they run: ``followup/rules/en.toml``, read
on first use (this name is computed when it is first looked up)."""

_RULES_PACKAGE = "followup"
_SECOND_OPINION = "statistical"
"""The category of rules that run only on drafts with no error (the scorer's)."""
_RULES_DIR = "rules"
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


class Severity(enum.StrEnum):
    """How much a finding matters: an error should stop the draft being sent."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return str(self.value)


def _to_severity(value: Severity | str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ValidationError("severity", value, "one of 'error', 'warning' or 'info'") from None


def _to_channels(value: Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    channels = frozenset([value]) if isinstance(value, str) else frozenset(value)
    unknown = sorted(c for c in channels if c not in _channels.names())
    if unknown or not channels:
        raise ValidationError(
            "channels", value, f"None, or a non-empty set of: {', '.join(_channels.names())}"
        )
    return channels


def _to_ids(value: Iterable[str]) -> frozenset[str]:
    ids = frozenset([value]) if isinstance(value, str) else frozenset(value)
    if not all(isinstance(i, str) for i in ids):
        raise ValidationError("supersedes", value, "rule ids")
    return ids


def _check_id(_inst: Any, _attribute: Any, value: str) -> None:
    # Checked without a regular expression so that building a rule set compiles
    # nothing beyond the rules' own patterns.
    if (
        not isinstance(value, str)
        or not value
        or not value[0].isalnum()
        or not set(value) <= _ID_CHARS
    ):
        raise ValidationError(
            "id", value, "a rule id of letters, digits, '.', '_' or '-', such as 'blame-unfair'"
        )


def _check_text(_inst: Any, attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "non-empty text")


def _check_pattern(_inst: Any, attribute: Any, value: str) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "a regular expression as a string")


def _check_callable(_inst: Any, _attribute: Any, value: object) -> None:
    if value is not None and not callable(value):
        raise ValidationError("check", value, "a function (text, channel, limit) -> spans, or None")


def _compile(rule_id: str, field: str, pattern: str, case_sensitive: bool) -> re.Pattern[str]:
    import re

    flags = re.MULTILINE if case_sensitive else re.MULTILINE | re.IGNORECASE
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        expected = f"a valid regular expression for rule {rule_id!r} ({exc})"
        raise ValidationError(field, pattern, expected) from exc


@attrs.frozen(kw_only=True)
class Rule:
    """One tone rule: what to look for, how much it matters and what to do instead.

    A rule finds spans with its ``pattern`` (a regular expression, compiled when
    the rule is built, case-insensitive unless ``case_sensitive`` is true, and
    always in multiline mode so ``^`` and ``$`` match at line breaks), with its
    ``check`` function, or with both.

    Attributes:
        id: A unique id such as ``"blame-unfair"``.
        category: What kind of problem it is: ``blame``, ``pressure``,
            ``nagging``, ``desperation``, ``pleading``, ``guilt``,
            ``bargaining``, ``other-candidates``, ``sarcasm``, ``shouting``,
            ``emoji``, ``cliche``, ``placeholder``, ``greeting``, ``signoff``,
            ``rambling``, ``length`` or one of your own.
        severity: A [`Severity`][followup.tone.Severity], or its value as a string.
        pattern: A regular expression; may be empty when ``check`` is given.
        message: What is wrong, shown with each finding.
        suggestion: What to write instead.
        channels: The channels the rule applies to; ``None`` means all.
        case_sensitive: Match ``pattern`` (and ``unless``) case-sensitively.
        check: A function ``(text, channel, limit) -> spans`` for rules a
            regular expression cannot express.
        unless: A regular expression; a ``pattern`` match is dropped when the
            sentence around it matches this (a construction, not a bare word:
            "urgent" in a demand but not in "urgent care").
        supersedes: Ids of rules whose findings this rule's findings replace
            (one error instead of two warnings).
        unless_draft: A regular expression; every ``pattern`` match is dropped
            when the whole draft, or the [`Facts`][followup.tone.Facts] (company, role and
            topics), match this ("when I start" is presumptuous unless an
            offer has been made).
        when_draft: A regular expression; the ``pattern`` runs only on drafts
            that match this ("I'll keep my options open" is a problem in a draft
            that accepts an offer, not in a reply to a rejection).
        wrap: Read ``pattern``, ``unless``, ``unless_draft`` and ``when_draft`` as written for hard-wrapped
            drafts: a space matches any run of whitespace, line breaks
            included, and ``[^.!?\\n]`` ("within the sentence") may cross a
            single line break; no match spans a blank line, and the sentence
            ``unless`` looks at runs to a full stop or a blank line. Rules
            read from TOML are wrapped unless they say ``wrap = false``.
        with_facts: Call ``check`` with the [`Facts`][followup.tone.Facts] as a fourth argument
            (``None`` when the check is given none).

    Raises:
        ValidationError: A field is not valid; a bad regular expression names
            the rule id.
    """

    id: str = attrs.field(validator=_check_id)
    category: str = attrs.field(validator=_check_text)
    severity: Severity = attrs.field(converter=_to_severity)
    pattern: str = attrs.field(default="", validator=_check_pattern)
    message: str = attrs.field(validator=_check_text)
    suggestion: str = attrs.field(validator=_check_text)
    channels: frozenset[str] | None = attrs.field(default=None, converter=_to_channels)
    case_sensitive: bool = False
    check: CheckFunction | None = attrs.field(default=None, validator=_check_callable)
    unless: str = attrs.field(default="", validator=_check_pattern)
    supersedes: frozenset[str] = attrs.field(default=frozenset(), converter=_to_ids)
    unless_draft: str = attrs.field(default="", validator=_check_pattern)
    when_draft: str = attrs.field(default="", validator=_check_pattern)
    wrap: bool = False
    with_facts: bool = False
    _regex: re.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )
    _unless: re.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )
    _unless_draft: re.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )
    _when_draft: re.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if not self.pattern and self.check is None:
            raise ValidationError(
                "pattern", self.pattern, f"rule {self.id!r} needs a pattern or a check function"
            )
        if self.pattern:
            regex = _compile(self.id, "pattern", self._source(self.pattern), self.case_sensitive)
            object.__setattr__(self, "_regex", regex)
        if self.unless:
            regex = _compile(self.id, "unless", self._source(self.unless), self.case_sensitive)
            object.__setattr__(self, "_unless", regex)
        if self.unless_draft:
            source = self._source(self.unless_draft)
            regex = _compile(self.id, "unless_draft", source, self.case_sensitive)
            object.__setattr__(self, "_unless_draft", regex)
        if self.when_draft:
            source = self._source(self.when_draft)
            regex = _compile(self.id, "when_draft", source, self.case_sensitive)
            object.__setattr__(self, "_when_draft", regex)

    def _source(self, pattern: str) -> str:
        if not self.wrap:
            return pattern
        from followup._tone_data import wrappable

        return wrappable(pattern)

    def applies_to(self, channel: str) -> bool:
        """Return whether the rule runs for ``channel``.

        Args:
            channel: A channel's name (see [`followup.channels`][followup.channels]).

        Returns:
            ``True`` when the rule has no channel restriction or lists ``channel``.
        """
        return self.channels is None or channel in self.channels

    def find(
        self,
        text: str,
        channel: str = "email",
        limit: int | None = None,
        *,
        facts: Facts | None = None,
    ) -> list[tuple[int, int]]:
        """Return the spans this rule flags in ``text``, ignoring its channel restriction.

        Empty regular-expression matches are skipped; a check function may
        return an empty span (for example "no greeting" in an empty text).
        Unlike [`check`][followup.tone.check], this does not blank out the facts.

        Args:
            text: The draft.
            channel: The channel, passed on to ``check``.
            limit: The length limit, passed on to ``check``.
            facts: The interview's facts, passed on to a ``with_facts`` check.

        Returns:
            Distinct ``(start, end)`` spans in ascending order.

        Raises:
            ValidationError: The check function returned a span outside the text.
        """
        return self._find(text, text, channel, limit, facts)

    def _excused(self, text: str, facts: Facts | None) -> bool:
        """Whether ``unless_draft`` matches the draft or the facts, or ``when_draft`` misses the draft."""
        if self._when_draft is not None and not self._when_draft.search(text):
            return True
        if self._unless_draft is None:
            return False
        if self._unless_draft.search(text):
            return True
        if facts is None:
            return False
        about = [t for t in (facts.company, facts.role, *facts.topics) if t]
        return any(self._unless_draft.search(t) for t in about)

    def _find(
        self, text: str, masked: str, channel: str, limit: int | None, facts: Facts | None
    ) -> list[tuple[int, int]]:
        """Spans of the pattern in ``masked`` (facts blanked out) and of the check in ``text``."""
        spans: set[tuple[int, int]] = set()
        if self._regex is not None and not self._excused(text, facts):
            from followup._tone_checks import crosses_paragraph, sentence_span

            pos = 0
            while (m := self._regex.search(masked, pos)) is not None:
                pos = m.end() if m.end() > m.start() else m.start() + 1
                if m.end() <= m.start():
                    continue
                if self.wrap and crosses_paragraph(masked, m.start(), m.end()):
                    pos = m.start() + 1  # a shorter match may still lie inside one paragraph
                    continue
                if self._unless is not None:
                    start, end = sentence_span(masked, m.start(), m.end(), wrapped=self.wrap)
                    if self._unless.search(masked, start, end):
                        continue
                spans.add(m.span())
        if self.check is not None:
            found = (
                self.check(text, channel, limit, facts)
                if self.with_facts
                else self.check(text, channel, limit)
            )
            for span in found:
                start, end = int(span[0]), int(span[1])
                if not 0 <= start <= end <= len(text):
                    raise ValidationError(
                        "check", span, f"a span inside the text from rule {self.id!r}"
                    )
                spans.add((start, end))
        return sorted(spans)


def _check_span(inst: Finding, _attribute: Any, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError("start", value, "a character offset of 0 or more")


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found in a draft.

    Attributes:
        rule: The id of the rule that matched.
        category: The rule's category.
        severity: The rule's severity.
        start: Offset of the first flagged character.
        end: Offset just after the last flagged character.
        text: The flagged slice, ``draft[start:end]``.
        message: What is wrong.
        suggestion: What to write instead.
    """

    rule: str
    category: str
    severity: Severity = attrs.field(converter=_to_severity)
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field()
    text: str
    message: str
    suggestion: str

    @end.validator
    def _check_end(self, _attribute: Any, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.start:
            raise ValidationError("end", value, f"an offset not before start ({self.start})")

    def to_dict(self) -> dict[str, str | int]:
        """Return the finding as a JSON-safe dictionary.

        Returns:
            A dict with the keys ``rule``, ``category``, ``severity``, ``start``,
            ``end``, ``text``, ``message`` and ``suggestion``.
        """
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }


def _unknown_id(rule_id: str, known: Iterable[str]) -> ValidationError:
    import difflib

    close = difflib.get_close_matches(rule_id, list(known), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return ValidationError("rule", rule_id, f"the id of a rule in the set{hint}")


def _to_rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    rules = tuple(value)
    seen: set[str] = set()
    for rule in rules:
        if not isinstance(rule, Rule):
            raise ValidationError("rules", rule, "Rule objects")
        if rule.id in seen:
            raise ValidationError("rule", rule.id, "an id not already in the set")
        seen.add(rule.id)
    return rules


def _rules_from_toml(text: str, source: str, acronyms: Iterable[str]) -> tuple[Rule, ...]:
    from followup import _tone_checks, _tone_data

    parsed = _tone_data.parse(
        text,
        source=source,
        checks=_tone_checks.CHECKS,
        acronyms=acronyms,
        fact_checks=_tone_checks.FACT_CHECKS,
    )
    rules = []
    for kwargs in parsed:
        try:
            rules.append(Rule(**kwargs))
        except TypeError as exc:
            where = f"rule {kwargs.get('id')!r} in {source}"
            raise ValidationError(
                "rule", kwargs.get("id"), f"every required field ({where}: {exc})"
            ) from exc
    return tuple(rules)


@functools.cache
def _builtin(language: str) -> tuple[Rule, ...]:
    from importlib import resources

    name = f"{language}.toml"
    path = resources.files(_RULES_PACKAGE).joinpath(_RULES_DIR, name)
    if not path.is_file():
        raise ValidationError("language", language, "a language with a built-in rules file: en")
    return _rules_from_toml(path.read_text(encoding="utf-8"), f"{_RULES_DIR}/{name}", ACRONYMS)


@attrs.frozen
class RuleSet:
    """An immutable, ordered collection of rules with unique ids.

    Args:
        rules: The rules, in the order they run.

    Raises:
        ValidationError: Two rules share an id.
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_to_rules)

    @classmethod
    def default(cls, language: str = "en") -> RuleSet:
        """Return the built-in rules of a language (read and compiled once, on first use).

        Args:
            language: The rules file, ``followup/rules/<language>.toml``.

        Returns:
            A new rule set.

        Raises:
            ValidationError: There is no rules file for ``language``.
        """
        return cls(_builtin(language))

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<string>") -> RuleSet:
        """Read rules written the way ``followup/rules/en.toml`` writes them.

        ``[[rule]]`` tables with ``id``, ``category``, ``severity``,
        ``message``, ``suggestion`` and ``match`` (a pattern or a list of
        alternatives), or ``check`` naming a built-in check; optional
        ``unless``, ``channels``, ``case_sensitive``, ``supersedes`` and
        ``wrap``. ``[macros]`` defines ``{NAME}`` fragments.

        Args:
            text: The TOML text.
            source: A name for error messages (a file name).

        Returns:
            A new rule set, to use alone or to ``add`` to another.

        Raises:
            ValidationError: The TOML or a rule in it is not valid; the message
                names the rule and the source.
        """
        return cls(_rules_from_toml(text, source, ACRONYMS))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> RuleSet:
        """Read a rules file (see [`from_toml`][followup.tone.RuleSet.from_toml]).

        Args:
            path: The file.

        Returns:
            A new rule set.

        Raises:
            ValidationError: The file or a rule in it is not valid.
            OSError: The file cannot be read.
        """
        import os

        with open(path, encoding="utf-8") as f:
            return cls.from_toml(f.read(), source=os.fspath(path))

    @property
    def ids(self) -> tuple[str, ...]:
        """The rule ids, in order."""
        return tuple(rule.id for rule in self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Rule):
            return item in self.rules
        return item in self.ids

    def get(self, rule_id: str) -> Rule:
        """Return the rule with id ``rule_id``.

        Args:
            rule_id: The id to look up.

        Returns:
            The rule.

        Raises:
            ValidationError: No rule has that id; the message suggests a close one.
        """
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise _unknown_id(rule_id, self.ids)

    def add(self, rule: Rule | RuleSet, *more: Rule | RuleSet) -> RuleSet:
        """Return a new set with the given rules (or every rule of given sets) appended.

        Args:
            rule: A rule, or a rule set (for example from [`from_toml`][followup.tone.RuleSet.from_toml]), to add.
            *more: More rules or rule sets to add.

        Returns:
            A new rule set.

        Raises:
            ValidationError: A rule's id is already in the set.
        """
        added: list[Rule] = []
        for item in (rule, *more):
            added.extend(item.rules if isinstance(item, RuleSet) else (item,))
        return RuleSet((*self.rules, *added))

    def disable(self, *ids: str) -> RuleSet:
        """Return a new set without the rules with the given ids.

        Args:
            *ids: Rule ids to remove.

        Returns:
            A new rule set.

        Raises:
            ValidationError: An id is not in the set; the message suggests a close one.
        """
        known = set(self.ids)
        for rule_id in ids:
            if rule_id not in known:
                raise _unknown_id(rule_id, self.ids)
        drop = set(ids)
        return RuleSet(rule for rule in self.rules if rule.id not in drop)


# ---------------------------------------------------------------- facts


def _to_strings(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    items = (value,) if isinstance(value, str) else tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise ValidationError("facts", item, "text")
    return tuple(dict.fromkeys(s.strip() for s in items if s.strip()))


def _to_optional(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError("facts", value, "text or None")
    return value.strip() or None


_ARTICLES = ("the ", "a ", "an ", "our ", "your ", "their ", "my ")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame"})


@attrs.frozen(kw_only=True)
class Facts:
    """What the draft is about: text in these never triggers a rule.

    A company called "Urgent Care Partners", a role of "Demand Planner" or a
    topic such as "the pressure washer line" is the reader's own vocabulary,
    not pressure; [`check`][followup.tone.check] leaves every occurrence of them alone.
    Company, role and topics match in any case and across line breaks;
    names match as written (a person called "Will" does not hide "will"),
    whole or by each part of three letters or more.

    Attributes:
        company: The company's name.
        role: The role interviewed for.
        names: People's names: interviewers, recruiter, the candidate.
        topics: Topics discussed in the interview.
    """

    company: str | None = attrs.field(default=None, converter=_to_optional)
    role: str | None = attrs.field(default=None, converter=_to_optional)
    names: tuple[str, ...] = attrs.field(default=(), converter=_to_strings)
    topics: tuple[str, ...] = attrs.field(default=(), converter=_to_strings)

    @classmethod
    def from_interview(cls, interview: Any) -> Facts:
        """Collect the facts of an [`Interview`][followup.model.Interview].

        Args:
            interview: The interview (its company, role, topics, the names and
                topics of its interviewers and recruiter, and the candidate's name).

        Returns:
            The facts.
        """
        people = [*getattr(interview, "interviewers", ()), getattr(interview, "recruiter", None)]
        people = [p for p in people if p is not None]
        candidate = getattr(interview, "candidate", None)
        names = [p.name for p in people] + ([candidate.name] if candidate is not None else [])
        topics = list(getattr(interview, "topics", ()))
        for person in people:
            topics.extend(getattr(person, "topics", ()))
        return cls(company=interview.company, role=interview.role, names=names, topics=topics)

    @classmethod
    def from_mapping(cls, facts: Mapping[str, Any]) -> Facts:
        """Collect the facts a template was rendered with (``followup.render`` placeholders).

        Args:
            facts: ``company``, ``role``, ``name``, ``first_name``, ``candidate``,
                ``candidate_first_name`` and ``topic``, each optional.

        Returns:
            The facts.
        """

        def text(key: str) -> str | None:
            value = facts.get(key)
            return value if isinstance(value, str) and value.strip() else None

        names = [text(k) for k in ("name", "first_name", "candidate", "candidate_first_name")]
        return cls(
            company=text("company"),
            role=text("role"),
            names=[n for n in names if n],
            topics=[t for t in (text("topic"),) if t],
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return where the facts occur in ``text``, merged and sorted.

        Args:
            text: The draft.

        Returns:
            ``(start, end)`` spans, not overlapping, in ascending order.
        """
        found: list[tuple[int, int]] = []
        for regex in self._regexes():
            found.extend(m.span() for m in regex.finditer(text) if m.end() > m.start())
        merged: list[tuple[int, int]] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def _regexes(self) -> tuple[re.Pattern[str], ...]:
        return _fact_regexes(self)


def _phrase(term: str) -> str:
    import re

    return r"\s+".join(re.escape(word) for word in term.split())


def _bounded(alternatives: Iterable[str]) -> str:
    alts = sorted(set(alternatives), key=lambda a: (-len(a), a))
    return r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)"


@functools.lru_cache(maxsize=256)
def _fact_regexes(facts: Facts) -> tuple[re.Pattern[str], ...]:
    import re

    from followup.names import company_short_name, company_spoken_name, role_forms

    # The drafts name the company without its legal suffix and may shorten the role
    # ("Urgent Care Partners" for "Urgent Care Partners Inc."): those forms are facts too.
    shorter = [company_short_name(facts.company)] if facts.company else []
    shorter += [company_spoken_name(facts.company)] if facts.company else []
    shorter += list(role_forms(facts.role)[1:]) if facts.role else []
    phrases = []
    for term in (facts.company, facts.role, *shorter, *facts.topics):
        if not term:
            continue
        phrases.append(_phrase(term))
        lowered = term.lower()
        for article in _ARTICLES:
            if lowered.startswith(article) and len(term) > len(article) + 2:
                phrases.append(_phrase(term[len(article) :]))
    names = []
    for name in facts.names:
        names.append(_phrase(name))
        for part in name.replace(".", " ").split():
            if len(part) >= 3 and part.lower() not in _TITLES and part[0].isupper():
                names.append(re.escape(part))
    out = []
    if phrases:
        out.append(re.compile(_bounded(phrases), re.IGNORECASE))
    if names:
        out.append(re.compile(_bounded(names)))
    return tuple(out)


# Plain nouns a rule may need as the object of a hostile construction ("send me
# the written exercise in advance", "match the offer by Friday"): a fact such as
# the topic "written exercise" or "offer at $128,000" keeps them visible. They
# trigger nothing on their own.
_NEUTRAL_WORDS_TEXT = """
    interview interviews case cases study studies exercise exercises test tests assessment
    assessments task tasks question questions challenge take-home written offer offers
    contract notice salary pay package base role position job team process feedback
    decision round rounds start date onboarding scorecard scorecards notes presentation
    """
_NEUTRAL_WORDS = frozenset(_NEUTRAL_WORDS_TEXT.split())


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out the facts: letters become ``q``/``Q`` and digits ``0``, keeping offsets,
    case shape and punctuation, so no rule can match a word inside them (a few plain
    nouns, `_NEUTRAL_WORDS`, stay readable). Not ``x``: a short fact such as
    the signature "aa" would read as kisses ("xx") or a placeholder ("xxx")."""
    import re

    chars = list(text)
    for start, end in spans:
        for word in re.finditer(r"[^\W_]+(?:-[^\W_]+)*|[^\w\s]", text[start:end]):
            if word.group().lower() in _NEUTRAL_WORDS:
                continue
            for i in range(start + word.start(), start + word.end()):
                c = chars[i]
                if c.isalpha():
                    chars[i] = "Q" if c.isupper() else "q"
                elif c.isdigit():
                    chars[i] = "0"
    return "".join(chars)


# ---------------------------------------------------------------- the check

_ACRONYM_WORDS = """
    A I AI API APIS AWS GCP SQL NOSQL ETL ELT CEO CTO CFO COO CIO CMO CPO CISO VP SVP EVP
    HR HRBP USA US UK EU UAE NYC SF LA DC MBA PHD MSC BSC BA BS MS MA MD JD CV OK IT QA UX UI
    ML NLP LLM LLMS BI PM PMO KPI KPIS OKR OKRS CRM ERP SAP IBM GE HP NASA NATO UN UNICEF
    UNESCO WHO NHS FAANG MIT UCLA NYU ETH EPFL LSE CSS HTML JSON XML YAML REST HTTP HTTPS
    URL SDK CLI GUI IDE CI CD SRE SLA SLO SEO SEM PR ID TV GPU CPU RAM SSD IOT AR VR DNS VPN
    GDPR HIPAA SOC ISO AM PM EST EDT CST CDT PST PDT CET CEST GMT UTC BST IST JST AEST USD
    EUR GBP LLC INC LTD GMBH PLC NGO RFP SOW B2B SAAS AWS GIS ESG CPA CFA PMP CSM SAFE
    R&D Q&A II III IV VI VII VIII IX XI XII FYI ETA XXX TODO TK TKTK FIXME
"""

ACRONYMS: frozenset[str] = frozenset(_ACRONYM_WORDS.split())
"""All-caps words the shouting check never flags: acronyms, time zones,
currencies, Roman numerals, and placeholder markers (which have their own rule)."""


def make_shouting_check(acronyms: Iterable[str] = ACRONYMS) -> CheckFunction:
    """Return a check that flags words written in capitals to shout.

    A run of two or more capitalised words that are not acronyms is flagged
    whole; on its own, a capitalised word is flagged only when it has five
    letters or more and is not an acronym, since a short one usually is.
    Words inside ``[...]``, ``{...}`` or ``<...>`` are left to the placeholder
    rules.

    Args:
        acronyms: All-caps words never to flag (compared in upper case).

    Returns:
        A function suitable for `Rule.check`.
    """
    from followup._tone_checks import make_shouting_check as make

    return make(acronyms)


def check(
    text: str,
    channel: str = "email",
    *,
    limit: int | None = None,
    rules: RuleSet | None = None,
    facts: Facts | None = None,
) -> list[Finding]:
    """Check a draft's tone and return what a careful reader would flag.

    Args:
        text: The draft.
        channel: A channel's name (see [`followup.channels`][followup.channels]): ``"email"``,
            ``"linkedin-note"`` (a connection note), ``"linkedin-message"`` or
            ``"task"``. Greeting, sign-off and length follow the channel's entry
            in the registry.
        limit: Override the length limit that is an error: for an email in
            words (default 400), for LinkedIn in characters (default 200 for a
            note, 8,000 for a message). Ignored for tasks.
        rules: The rules to run; the built-in [`RuleSet.default`][followup.tone.RuleSet.default] if ``None``.
        facts: The interview's company, role, names and topics: no finding
            lies inside them (see [`Facts`][followup.tone.Facts]).

    Returns:
        The findings, sorted by ``(start, end, rule)``. ``text[f.start:f.end]``
        is always ``f.text``.

    Raises:
        ValidationError: The text is not a string, the channel is unknown,
            ``limit`` is not a positive whole number, or ``rules`` or ``facts``
            is of the wrong type.
    """
    if not isinstance(text, str):
        raise ValidationError("text", text, "a string")
    _channels.get(channel)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValidationError("limit", limit, "a positive whole number, or None")
    if rules is None:
        rules = RuleSet.default()
    elif not isinstance(rules, RuleSet):
        raise ValidationError("rules", rules, "a RuleSet, or None for the built-in rules")
    if facts is not None and not isinstance(facts, Facts):
        raise ValidationError("facts", facts, "a Facts value (Facts.from_interview), or None")
    protected = facts.spans(text) if facts is not None else []
    masked = _mask(text, protected) if protected else text

    def inside(start: int, end: int) -> bool:
        return end > start and any(a <= start and end <= b for a, b in protected)

    def run(chosen: Iterable[Rule]) -> list[tuple[Rule, int, int]]:
        return [
            (rule, start, end)
            for rule in chosen
            if rule.applies_to(channel)
            for start, end in rule._find(text, masked, channel, limit, facts)
            if not inside(start, end)
        ]

    # A rule of the "statistical" category is a second opinion on drafts the other
    # rules pass: beside an error it would only repeat it, so it runs only without one.
    found = run(rule for rule in rules if rule.category != _SECOND_OPINION)
    if not any(rule.severity is Severity.ERROR for rule, _s, _e in found):
        found += run(rule for rule in rules if rule.category == _SECOND_OPINION)
    replaced = {rid for rule, _s, _e in found for rid in rule.supersedes}
    findings = [
        Finding(
            rule=rule.id,
            category=rule.category,
            severity=rule.severity,
            start=start,
            end=end,
            text=text[start:end],
            message=rule.message,
            suggestion=rule.suggestion,
        )
        for rule, start, end in found
        if rule.id not in replaced
    ]
    return sorted(findings, key=lambda f: (f.start, f.end, f.rule))


check_tone = check
"""The same function as [`check`][followup.tone.check] (its earlier name)."""


def __getattr__(name: str) -> Any:
    if name == "BUILTIN_RULES":
        return _builtin("en")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
