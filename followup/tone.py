"""The professional-tone check: "remain professional and gracious", made executable.

:func:`check_tone` runs a :class:`RuleSet` over a draft and returns a
:class:`Finding` for every span a rule flags: blame and bitterness, pressure,
desperation, sarcasm, shouting, clichés, unfilled placeholders, a missing
greeting or sign-off, and text that is too long for its channel.

Rules are data. Most are a regular expression; the few that are not (shouting,
greeting, sign-off, length) carry a ``check`` function instead, so a user's rule
and a built-in one look the same and are added or disabled the same way.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from followup import channels as _channels
from followup.errors import ValidationError

__all__ = [
    "ACRONYMS",
    "BUILTIN_RULES",
    "CheckFunction",
    "Finding",
    "Rule",
    "RuleSet",
    "Severity",
    "check_tone",
    "make_shouting_check",
]


CheckFunction = Callable[[str, str, int | None], Iterable[tuple[int, int]]]
"""A rule's check: called with the text, the channel and the limit (or ``None``),
it returns ``(start, end)`` character spans to flag."""

_RULE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


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
        raise ValidationError(
            "severity", value, "one of 'error', 'warning' or 'info'"
        ) from None


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


def _check_id(_inst: Any, _attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not _RULE_ID.fullmatch(value):
        raise ValidationError(
            "id", value, "a rule id of letters, digits, '.', '_' or '-', such as 'blame-unfair'"
        )


def _check_text(_inst: Any, attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "non-empty text")


def _check_pattern(_inst: Any, _attribute: Any, value: str) -> None:
    if not isinstance(value, str):
        raise ValidationError("pattern", value, "a regular expression as a string")


def _check_callable(_inst: Any, _attribute: Any, value: object) -> None:
    if value is not None and not callable(value):
        raise ValidationError("check", value, "a function (text, channel, limit) -> spans, or None")


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
            ``desperation``, ``sarcasm``, ``shouting``, ``cliche``,
            ``placeholder``, ``greeting``, ``signoff``, ``length`` or one of
            your own.
        severity: A :class:`Severity`, or its value as a string.
        pattern: A regular expression; may be empty when ``check`` is given.
        message: What is wrong, shown with each finding.
        suggestion: What to write instead.
        channels: The channels the rule applies to; ``None`` means all.
        case_sensitive: Match ``pattern`` case-sensitively.
        check: A function ``(text, channel, limit) -> spans`` for rules a
            regular expression cannot express.

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
    _regex: re.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if not self.pattern and self.check is None:
            raise ValidationError(
                "pattern", self.pattern, f"rule {self.id!r} needs a pattern or a check function"
            )
        if self.pattern:
            flags = re.MULTILINE if self.case_sensitive else re.MULTILINE | re.IGNORECASE
            try:
                regex = re.compile(self.pattern, flags)
            except re.error as exc:
                expected = f"a valid regular expression for rule {self.id!r} ({exc})"
                raise ValidationError("pattern", self.pattern, expected) from exc
            object.__setattr__(self, "_regex", regex)

    def applies_to(self, channel: str) -> bool:
        """Return whether the rule runs for ``channel``.

        Args:
            channel: A channel's name (see :mod:`followup.channels`).

        Returns:
            ``True`` when the rule has no channel restriction or lists ``channel``.
        """
        return self.channels is None or channel in self.channels

    def find(
        self, text: str, channel: str = "email", limit: int | None = None
    ) -> list[tuple[int, int]]:
        """Return the spans this rule flags in ``text``, ignoring its channel restriction.

        Empty regular-expression matches are skipped; a check function may
        return an empty span (for example "no greeting" in an empty text).

        Args:
            text: The draft.
            channel: The channel, passed on to ``check``.
            limit: The length limit, passed on to ``check``.

        Returns:
            Distinct ``(start, end)`` spans in ascending order.

        Raises:
            ValidationError: The check function returned a span outside the text.
        """
        spans: set[tuple[int, int]] = set()
        if self._regex is not None:
            spans.update(m.span() for m in self._regex.finditer(text) if m.end() > m.start())
        if self.check is not None:
            for span in self.check(text, channel, limit):
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
    def default(cls) -> RuleSet:
        """Return the built-in rules (:data:`BUILTIN_RULES`).

        Returns:
            A new rule set.
        """
        return cls(BUILTIN_RULES)

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

    def add(self, rule: Rule, *more: Rule) -> RuleSet:
        """Return a new set with the given rules appended.

        Args:
            rule: A rule to add.
            *more: More rules to add.

        Returns:
            A new rule set.

        Raises:
            ValidationError: A rule's id is already in the set.
        """
        return RuleSet((*self.rules, rule, *more))

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


# ---------------------------------------------------------------- checks

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

_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)*(?!\w)")
_CAPS_GAP = re.compile(r"[ \t,;:/&+\-]+")
_BRACKETED = re.compile(r"\[[^\[\]\n]*\]|\{[^{}\n]*\}|<[^<>\n]*>")
_SHOUT_MIN_LETTERS = 5


def _letters(word: str) -> int:
    return sum(map(str.isalpha, word))


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
        A function suitable for :attr:`Rule.check`.
    """
    allowed = frozenset(a.upper() for a in acronyms)

    def shouty(word: str) -> bool:
        letters = word.replace("'", "").replace("’", "")
        return len(letters) >= 2 and letters not in allowed

    def check(text: str, _channel: str, _limit: int | None) -> list[tuple[int, int]]:
        masked = [m.span() for m in _BRACKETED.finditer(text)]
        spans: list[tuple[int, int]] = []
        run: list[re.Match[str]] = []

        def flush() -> None:
            loud = [m for m in run if shouty(m.group())]
            if len(loud) >= 2:
                spans.append((loud[0].start(), loud[-1].end()))
            else:
                spans.extend(m.span() for m in loud if _letters(m.group()) >= _SHOUT_MIN_LETTERS)
            run.clear()

        for match in _WORD.finditer(text):
            word = match.group()
            inside = any(a <= match.start() and match.end() <= b for a, b in masked)
            if inside or not (word.isupper() and word.upper() == word):
                flush()
                continue
            if run and not _CAPS_GAP.fullmatch(text, run[-1].end(), match.start()):
                flush()
            run.append(match)
        flush()
        return spans

    return check


_GREETING = re.compile(
    r"(?:dear|hi|hiya|hello|hey|hallo|hej|hola|bonjour|greetings|good (?:morning|afternoon|"
    r"evening|day)|to whom it may concern)\b",
    re.IGNORECASE,
)
_NAME_COMMA = re.compile(
    r"(?:(?:dr|mr|mrs|ms|mx|prof|professor)\.?\s+)?[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}"
    r"\s*[,:!—–-]"
)
_SIGNOFF = re.compile(
    r"(?:all the best|best(?: regards| wishes)?|(?:kind|kindest|warm|warmest) (?:regards|wishes)"
    r"|regards|(?:yours )?sincerely(?: yours)?|yours (?:truly|faithfully)|respectfully(?: yours)?"
    r"|thank you|thanks|many thanks|with (?:many )?thanks|with (?:gratitude|appreciation)"
    r"|with (?:best|kind|warm) (?:regards|wishes)|cheers|take care|gratefully|warmly"
    r"|with love|love)\b",
    re.IGNORECASE,
)
_SIGNOFF_MAX_WORDS = 10
_SIGNOFF_WINDOW = 4


def _lines(text: str) -> list[tuple[int, int]]:
    """Return the spans of the non-empty lines, stripped of surrounding whitespace."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            start = match.start() + len(line) - len(line.lstrip())
            end = match.end() - (len(line) - len(line.rstrip()))
            spans.append((start, end))
    return spans


def _check_greeting(text: str, _channel: str, _limit: int | None) -> list[tuple[int, int]]:
    lines = _lines(text)
    if not lines:
        return [(0, 0)]
    start, end = lines[0]
    first = text[start:end]
    if _GREETING.match(first):
        return []
    name = _NAME_COMMA.match(first)
    if name and first[0].isupper():
        return []
    return [(start, end)]


def _check_signoff(text: str, _channel: str, _limit: int | None) -> list[tuple[int, int]]:
    lines = _lines(text)
    if not lines:
        return [(0, 0)]
    for start, end in lines[1:][-_SIGNOFF_WINDOW:]:
        line = text[start:end]
        if _SIGNOFF.match(line) and len(line.split()) <= _SIGNOFF_MAX_WORDS:
            return []
        if line.endswith(",") and _SIGNOFF.search(line) and len(line.split()) <= _SIGNOFF_MAX_WORDS:
            return []
    return [lines[-1]]


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S+", text)]


def _over(text: str, words: list[tuple[int, int]], allowed: int) -> list[tuple[int, int]]:
    """The span from the first word past ``allowed`` to the end of the last word."""
    if len(words) <= allowed:
        return []
    return [(words[allowed][0], words[-1][1])]


def _check_length_soft(text: str, channel: str, limit: int | None) -> list[tuple[int, int]]:
    spec = _channels.get(channel)
    soft = spec.advised
    if spec.unit != "words" or soft is None or (limit is not None and limit <= soft):
        return []
    words = _words(text)
    hard = spec.limit if limit is None else limit
    if hard is not None and len(words) > hard:
        return []  # the error says it already
    return _over(text, words, soft)


def _check_length(text: str, channel: str, limit: int | None) -> list[tuple[int, int]]:
    spec = _channels.get(channel)
    allowed = spec.limit if limit is None else limit
    if allowed is None:
        return []
    if spec.unit == "words":
        return _over(text, _words(text), allowed)
    end = len(text.rstrip())
    return [(allowed, end)] if end > allowed else []


# ----------------------------------------------------------------- rules


def _any(*alternatives: str) -> str:
    return "|".join(f"(?:{a})" for a in alternatives)


_NEAR_CLASS = "[^.!?\\n]"
_NEAR_WRAPPED = r"(?:[^.!?\n]|\n(?![ \t]*\n))"
_SPACE_WRAPPED = r"(?:[ \t]*\n[ \t]*|[ \t]+)"


def _wrappable(pattern: str) -> str:
    """Let a built-in pattern match a phrase that a hard-wrapped draft splits across lines.

    A literal space outside a character class becomes "spaces or tabs with at
    most one line break", and ``[^.!?\n]`` (used for "within the sentence")
    may cross a single line break but not a blank line.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if not in_class and pattern.startswith(_NEAR_CLASS, i):
            out.append(_NEAR_WRAPPED)
            i += len(_NEAR_CLASS)
            continue
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            prefix = "[^" if pattern.startswith("[^", i) else "["
            out.append(prefix)
            i += len(prefix)
            continue
        elif char == " ":
            out.append(_SPACE_WRAPPED)
            i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


_SENTENCE_START = r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s))"
_NEG = r"(?:\bnot|n't|\bnever)"
_NEAR = r"[^.!?\n]{0,40}?"

_BLAME_MSG = "This reads as blame or bitterness, which closes doors."
_BLAME_FIX = (
    "Accept the decision without judging it: thank them, say what you learned, "
    "and leave the door open."
)
_PRESSURE_FIX = (
    "Ask, don't demand: 'Whenever you have news, I'd be glad to hear it.' Let them set the pace."
)
_PLEAD_FIX = (
    "Keep your dignity: thank them, restate your interest once, and ask to be "
    "considered for future roles."
)
_SARCASM_FIX = "Say what you mean plainly and kindly, or leave it out."


def _letters_only(check: CheckFunction) -> CheckFunction:
    """Run ``check`` only on channels whose messages open with a greeting (the registry says)."""

    def letter_check(text: str, channel: str, limit: int | None) -> Iterable[tuple[int, int]]:
        return check(text, channel, limit) if _channels.get(channel).letter else []

    return letter_check


def _r(
    rule_id: str,
    category: str,
    severity: Severity,
    pattern: str,
    message: str,
    suggestion: str,
    *,
    case_sensitive: bool = False,
) -> Rule:
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,
        pattern=_wrappable(pattern),
        message=message,
        suggestion=suggestion,
        case_sensitive=case_sensitive,
    )


_E, _W = Severity.ERROR, Severity.WARNING

BUILTIN_RULES: tuple[Rule, ...] = (
    # -- blame and bitterness
    _r(
        "blame-mistake",
        "blame",
        _E,
        _any(
            r"\byou(?:'ve| have|'re| are)? (?:made|making) (?:a|an) (?:\w+ )?(?:mistake|error)\b",
            r"\b(?:a |an )?(?:\w+ )?(?:mistake|error) (?:has been|was|is being) made\b",
            r"\byou(?:'ll| will) (?:regret|be sorry)\b",
        ),
        "Telling them they made a mistake argues with a decision that is already made.",
        "Accept the decision; if you want to add something, offer it as information, "
        "not a verdict.",
    ),
    _r(
        "blame-your-loss",
        "blame",
        _E,
        _any(
            r"(?<!for\s)(?<!about\s)\byour (?:company's |team's |firm's )?loss\b",
            r"\b(?:their|the company's|the team's) loss\b",
        ),
        "'Your loss' is bitter and will be remembered.",
        "Wish them well instead: 'I wish you and the team every success.'",
    ),
    _r(
        "blame-unfair",
        "blame",
        _E,
        _any(
            r"\bunfair(?:ly)?\b",
            r"\bunjust(?:ly|ified)?\b",
            rf"{_NEG} (?!only\b)(?:\w+ )?fair\b",
            r"\bhardly fair\b",
            r"\b(?:biased|bias against|prejudiced?|discriminat\w*|rigged|stacked against)\b",
            r"\b(?:was|is|just|all) (?:a |an )?(?:sham|farce|formality|joke|charade)\b",
            r"\b(?:decision|mind) (?:was|had been) (?:already )?made (?:up )?before\b",
            r"\b(?:already|had) made up (?:its|their|your|his|her) minds?\b",
            r"\b(?:role|position|job|vacancy|opening)\b[^.!?\n]{0,15}?\b(?:never|wasn't|was "
            r"not|isn't|is not) (?:really |actually |even )?(?:open|available|real)\b",
        ),
        "Calling the process unfair or pre-decided accuses them of bad faith.",
        _BLAME_FIX,
    ),
    _r(
        "blame-waste-of-time",
        "blame",
        _E,
        _any(
            r"\b(?:a )?(?:complete |total |huge |big )?waste of (?:my |our )?"
            r"(?:time|effort|energy|weekend|day)\b",
            r"\bwast(?:e|ed|ing)\b[^.!?\n]{0,30}?\b(?:my|our) "
            r"(?:time|day|days|weekend|evening|afternoon|life|effort)\b",
            r"\btook (?:up )?my (?:whole|entire) (?:weekend|week|day|evening)\b",
        ),
        "Complaining about the time it took sounds bitter.",
        "Thank them for their time instead: 'Thank you for the time you and the team gave me.'",
    ),
    _r(
        "blame-deserved",
        "blame",
        _E,
        _any(
            r"\bI (?:(?:really|truly|certainly|clearly|definitely|think I|feel I|believe I)"
            r" )?deserved?\b",
            r"\b(?:candidates|applicants|people) deserve\b",
            r"\bdeserved? (?:better|more|an explanation|an answer|a (?:reply|response))\b",
            r"\bI(?:'m| am| was) (?:clearly |obviously |by far |easily |simply )?the "
            r"(?:most qualified|best qualified|best|strongest|better|obvious) "
            r"(?:candidate|choice|fit|person|applicant)\b",
            r"\band (?:I think |I'm sure |I believe )?you know it\b",
            r"\bI (?:nailed|aced|crushed|smashed) (?:it|every|the|all|each)\b",
            r"\b(?:turned down|rejected|passed on|lost|let go of) the (?:best|strongest|"
            r"most qualified) (?:candidate|person|applicant)\b",
            r"\b(?:better|stronger|more qualified|more suitable) (?:match|fit|candidate|choice) "
            r"than (?:me|I|myself)\b",
            r"\b(?:double-check|re-?check|recount|audit|re-?score) (?:the|my) (?:scores|results|"
            r"marks|evaluation|grades|assessment)\b",
            r"\bthe best (?:candidate|person|hire|engineer|applicant) you(?:'ll| will| could)? "
            r"(?:ever|have ever)\b",
            r"\b(?:better|bigger|higher|several|many|\w+ other) (?:offers|opportunities)\b"
            r"[^.!?\n]{0,25}?\banyway\b",
            r"\b(?:better|bigger|higher[- ]paying) offers?\b",
            r"\bless (?:qualified|experienced) than (?:me|I am|I was)\b",
            r"\b(?:half|a fraction of|less than half) (?:of )?my (?:experience|skills|"
            r"qualifications|years)\b",
            r"\b(?:had|has|have) that I (?:didn't|don't|do not|did not|lack(?:ed)?)\b",
            r"\bsurprised (?:that )?you (?:didn't|did not|haven't|have not) (?:make|offer|hire|"
            r"choose|pick|select)",
        ),
        "This sounds entitled: it claims the job was owed to you.",
        "Show confidence without comparing: mention one strength briefly and thank them.",
    ),
    _r(
        "blame-clearly-didnt",
        "blame",
        _E,
        _any(
            r"\b(?:clearly|obviously|evidently),? (?:you|he|she|they|the \w+|your \w+|nobody|"
            r"no one)\b[^.!?\n]{0,25}?\b(?:didn't|did not|hadn't|had not|don't|do not|"
            r"doesn't|does not|wasn't|weren't|never|no idea)\b",
            r"\b(?:you|he|she|they|the \w+|your \w+) (?:clearly|obviously|evidently) "
            r"(?:didn't|did not|hadn't|had not|don't|do not|doesn't|does not|wasn't|weren't|"
            r"never|had no|have no)\b",
            rf"{_NEG}\b[^.!?\n]{{0,40}}?\bg(?:ive|ave|iving) me an? (?:real|fair|proper|"
            r"genuine|honest|serious) (?:chance|shot|hearing|look)\b",
            r"\b(?:didn't|did not|hadn't|had not|never) (?:even )?(?:read|look(?:ed)? at|"
            r"open(?:ed)?) my (?:cv|resume|résumé|application|portfolio|cover letter)\b",
            r"\bkept (?:interrupting|cutting me off|checking (?:his|her|their) (?:phone|email))\b",
            r"\b(?:questions|interview|test|tasks?|assignment|exercise)s? (?:had|have|has) "
            r"nothing to do with\b",
        ),
        "This blames the interviewers for the outcome.",
        _BLAME_FIX,
    ),
    _r(
        "blame-unprofessional",
        "blame",
        _E,
        _any(
            r"\b(?:unprofessional|disrespectful|insulting|rude|incompetent|disorgani[sz]ed|"
            r"shambolic|embarrassing|ridiculous|absurd|laughable|pathetic|outrageous|"
            r"appalling|disgraceful|shameful|unacceptable)\b",
            r"\b(?:poorly|badly|terribly) (?:run|organi[sz]ed|managed|handled|conducted|planned|"
            r"designed|communicated)\b",
            r"\bhow (?:this|the|your) (?:process|interview|hiring)\b[^.!?\n]{0,20}?\bhandled\b",
            r"\b(?:common |basic )(?:decency|courtesy)\b",
            r"\b(?:have|had|has|show|showed) the (?:decency|courtesy)\b",
            r"\bghost(?:ed|ing)\b",
            r"\bhow you treat (?:people|candidates|applicants)\b",
            r"\b(?:doesn't|does not|don't|do not) reflect well on\b",
            r"\breflects? (?:badly|poorly) on\b",
            r"\bexpected (?:better|more) (?:from|of)\b",
            r"\bwhat (?:your|the) company (?:really )?thinks of\b",
            r"\bput(?:ting)? me through\b",
            r"\bput up with\b",
            r"\bbetter things to do\b",
            r"\b(?:one|two|three|single)[- ]line (?:e-?mail|rejection|reply|response|message|"
            r"note)\b",
            r"\b(?:that's|that is|this is|it's) (?:just |simply )?not how (?:you|to)\b",
            r"\bhow (?:you|to) (?:run|treat|handle|manage) (?:a business|a company|people|"
            r"candidates|applicants|a (?:hiring )?process)\b",
            r"\b(?:you|your \w+) (?:\w+ )?promised me\b",
            r"\b(?:and )?then (?:just )?(?:disappeared|vanished|went silent)\b",
            r"\byou (?:\w+ )?never (?:got back|replied|responded|answered|called|followed up|"
            r"bothered)\b",
            r"\bnever (?:got|get|gotten) back to me\b",
            r"\b(?:had|has|have) it in for me\b",
            r"\b(?:feedback|decision|reasoning|reason|rejection)\b[^.!?\n]{0,25}?\b(?:makes no "
            r"sense|is (?:wrong|nonsense|baseless|absurd))\b",
            r"\bI(?:'m| am| was) (?:\w+ )?(?:shocked|stunned|baffled|flabbergasted|appalled|"
            r"dumbfounded|outraged|furious|disgusted)\b",
            r"\b(?:could|should|might) have saved (?:us|me|everyone|yourselves)\b",
            r"\b(?:couldn't|could not|didn't|did not|can't|cannot|won't|wouldn't) even "
            r"(?:tell|give|send|bother|reply|respond|explain|acknowledge|say|call|answer)\b",
            rf"{_SENTENCE_START}do better[.!]",
            r"\bdissatisf(?:ied|action)\b",
            r"\bwith (?:all )?due respect\b",
            r"\b(?:lacked|lack|lacks|didn't have|did not have|don't have|doesn't have) the "
            r"(?:expertise|knowledge|competence|experience|skills?|qualifications|background|"
            r"understanding) to (?:evaluate|assess|judge|appreciate|understand) (?:me|my|someone|"
            r"a candidate|candidates)\b",
            r"\bhope you (?:can )?sleep (?:well|at night)\b",
            r"\b(?:find it )?hard to believe (?:that )?(?:anyone|anybody|someone|they|you)\b",
            r"\bsays (?:a lot|everything|so much|plenty) about\b",
            r"\b(?:companies|people|firms|recruiters|places) like (?:yours|you)\b",
            r"\b(?:never|don't|won't) (?:hire|give a chance to|want) people like me\b",
            r"\b(?:weeks|months|years|hours|days) of my life\b",
            r"\b(?:form|generic|template|canned|automated|copy-paste|boilerplate) (?:e-?mail|"
            r"letter|rejection|response|reply)\b",
            r"\bcan't make up (?:their|your) minds?\b",
        ),
        "Judging how they run their process sounds bitter and unprofessional.",
        _BLAME_FIX,
    ),
    _r(
        "blame-advice",
        "blame",
        _E,
        _any(
            r"\b(?:you|your team) (?:should|might want to|need to|ought to|really must) "
            r"(?:rethink|reconsider|review|fix|improve|change|re-?evaluate)\b",
            r"\bI(?:'d| would) (?:suggest|recommend|advise) (?:that )?you (?:rethink|reconsider|"
            r"review|fix|improve|change|re-?evaluate)\b",
        ),
        "Unasked-for advice on their hiring sounds condescending after a rejection.",
        "Leave their process to them; if they ask for feedback, give it then.",
    ),
    # -- pressure and demands
    _r(
        "pressure-expect-response",
        "pressure",
        _E,
        _any(
            r"\bI (?:fully |do )?expect (?:to hear|a (?:response|reply|decision|call|prompt)|"
            r"an (?:answer|explanation|update|apology|offer)|(?:some )?feedback|you to)\b",
            r"\bI await your (?:immediate|prompt|urgent)\b",
            r"\bI (?:need|want|would like|'d like) (?:to know|an answer|a response|a reply|"
            r"a decision|to hear)\b[^.!?\n]{0,40}?\bby\b",
            r"\bI(?:'ll| will)? need (?:your |an? )?(?:answer|response|reply|decision|update)\b",
            r"\bI trust (?:that )?you will\b",
            r"\bconfirm receipt\b",
            r"\b(?:full|detailed|complete) breakdown\b",
            r"\bplease (?:provide|send|confirm|give|reply|respond|answer|return|forward)\b"
            r"[^.!?\n]{0,60}?\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"tomorrow|tonight|today|eod|cob|(?:the )?end of (?:the )?(?:day|week))\b",
            r"\bI want (?:an? )?(?:explanation|answer|reason|justification|response)\b",
            r"\b(?:detailed |full |proper )?(?:explanation|justification) (?:of|for|as to) "
            r"why\b",
        ),
        "Demanding an answer puts pressure on people who owe you none.",
        _PRESSURE_FIX,
    ),
    _r(
        "pressure-asap",
        "pressure",
        _E,
        _any(
            r"\bASAP\b",
            r"\b(?:respond|reply|answer|get back to me|let me know|call me|contact me|"
            r"hear from you|hear back)\b[^.!?\n]{0,45}?\b(?:immediately|right away|right now|"
            r"at once|without (?:further )?delay|within (?:\d+|one|two|three|twenty-four|"
            r"forty-eight|a few|a couple of) (?:hours|days|business days|working days)|"
            r"by (?:the )?end of (?:the )?(?:day|today|tomorrow)|by (?:today|tonight|"
            r"tomorrow)|by (?:eod|cob))\b",
            r"\b(?:get back to me|respond|reply|answer me) (?:by |before the end of )?today\b",
            r"\b(?:respond|reply) immediately\b",
            r"\burgent(?:ly)?\b",
        ),
        "A deadline or 'ASAP' pressures the reader.",
        _PRESSURE_FIX,
    ),
    _r(
        "pressure-reconsider",
        "pressure",
        _E,
        _any(
            r"\b(?:reconsider|overturn|reverse|rethink|revisit|change) (?:your|the|this|that) "
            r"(?:decision|mind|choice)\b",
            r"\bchange (?:your|their) minds?\b",
            r"\b(?:please|request that you|ask you to|asking you to|urge you to)(?:,? please)?,? "
            r"reconsider\b(?! (?:your|the|this|that) (?:decision|mind|choice))",
            r"\btake another look at my (?:application|candidacy|profile)\b",
            r"\b(?:review|look at|consider|assess|evaluate|read) my (?:file|application|"
            r"candidacy|profile|cv|resume) again\b",
            r"\b(?:correct|rectify|fix|right) (?:this|the|your|that) (?:oversight|error|mistake|"
            r"decision|wrong|injustice)\b",
        ),
        "Asking them to reverse the decision puts them on the spot.",
        "Accept the decision and ask to be considered for future openings instead.",
    ),
    _r(
        "pressure-demand",
        "pressure",
        _E,
        _any(
            r"\bI (?:demand|insist)\b",
            r"\byou owe me\b",
            r"\byou (?:need to|must|have to) (?:explain|tell me|give me|respond|reply|"
            r"get back|let me know|send)\b",
            rf"{_SENTENCE_START}(?:send|give|forward|email) me (?:the|my|your|a|an|all)\b",
            r"\b(?:won't|will not|can't|cannot) wait (?:forever|much longer|any longer|"
            r"indefinitely)\b",
            r"\bI(?:'m| am) still waiting\b",
            r"\bI(?:'ll| will) (?:assume|take (?:that|your silence))\b",
            r"\bI will call (?:your office|you|the office)\b",
            r"\b(?:final|last) (?:notice|warning|reminder)\b",
            r"\b(?:cc'?d|cc-?ing|cc'ing|copied|copying|looping in|looped in) (?:in )?(?:your|the) "
            r"(?:ceo|cto|coo|boss|manager|director|head|founder|hr|board)\b",
            r"\b(?:all|any|none) of my (?:\w+ )?(?:e-?mails|messages|calls|voicemails)\b",
            r"\b(?:failing which|or else)\b",
            r"\botherwise,? I(?:'ll| will| shall)\b",
            r"\bescalat(?:e|ing) (?:this|the|it|my|to)\b",
            r"\buntil you (?:hire|accept|say yes|give in|change|reply|respond)\b",
            r"\byou(?:'ll| will) be hearing from me\b",
            r"\b(?:who|whom) (?:you|they) (?:\w+ )?(?:hired|chose|picked|selected|went with)"
            r" instead\b",
            r"\b(?:their|his|her|the other (?:candidate|person)'s|the new hire's) "
            r"(?:salary|pay|compensation|package)\b",
            rf"{_SENTENCE_START}(?:hello|anyone|anybody|is anyone|is anybody)(?: there| home| "
            r"out there| reading)?\?",
        ),
        "This is a demand or an ultimatum, not a request.",
        _PRESSURE_FIX,
    ),
    _r(
        "pressure-threat",
        "pressure",
        _E,
        _any(
            r"\bglassdoor\b",
            r"\b(?:leave|write|post|posting|writing|leaving) (?:a |an )?(?:honest |public )?"
            r"reviews?\b",
            r"\b(?:my lawyer|legal action|an attorney|file a complaint|report (?:this|you))\b",
            r"\bother (?:candidates|applicants|people)\b[^.!?\n]{0,10}?\b(?:know|be warned|"
            r"beware)\b",
        ),
        "This reads as a threat.",
        "Leave it out. If something went seriously wrong, raise it separately and factually.",
    ),
    # -- desperation
    _r(
        "desperation-need-job",
        "desperation",
        _E,
        _any(
            r"\b(?:I (?:(?:really|desperately|badly|truly|so) )?|(?:really|desperately|badly|"
            r"very|so|truly) )need (?:this|that|the) "
            r"(?:job|role|position|offer|work|opportunity)\b",
            r"\bcounting on (?:this|that|the|your) (?:job|role|position|offer)\b",
            r"\bmeans? (?:everything|the world|so much) to me\b",
            r"\b(?:savings|rent|bills|mortgage)\b[^.!?\n]{0,25}?\b(?:gone|due|pay|running out)\b",
            r"\bunemployed for\b",
            r"\bcan't afford\b",
        ),
        "This sounds desperate, which makes it awkward for them to reply.",
        _PLEAD_FIX,
    ),
    _r(
        "desperation-another-chance",
        "desperation",
        _E,
        _any(
            r"\b(?:give|grant|allow|offer) me (?:just )?(?:one |a |an )?(?:more|another|"
            r"second|last|final) (?:chance|try|shot|go)\b",
            r"\b(?:one more|last) chance\b",
            r"\bnothing (?:else )?you can do\b",
            r"\bany way at all\b",
            r"\bstill (?:a|any) (?:chance|hope)\b",
            r"\b(?:think about it|reconsider|look at it) (?:just )?(?:one more|another) time\b",
        ),
        "Asking for another chance after a decision sounds like pleading.",
        _PLEAD_FIX,
    ),
    _r(
        "desperation-begging",
        "desperation",
        _E,
        _any(
            r"\b(?:I beg|I'm begging|I am begging|begging|beg you|plead(?:ing)?|implore)\b",
            r"\bplease,? please\b",
            r"\bdesperate(?:ly)?\b",
            r"\bon my knees\b",
            r"\b(?:devastated|heartbroken|crushed|gutted|destroyed)\b",
            r"\bdon't know (?:what I(?:'ll| will) do|how to (?:move on|cope|go on))\b",
            r"\bplease,? sir\b",
            r"\b(?:crying|in tears|sobbing)\b",
            r"\bthis was (?:the one|my (?:dream|only|last))\b",
            r"\b(?:really|please),? (really|please)\b",
            r"\b(?:something|anything),? anything\b",
            r"\brunning out of (?:options|money|time|hope|savings)\b",
            r"\b(?:look|feel) like (?:a |an )?(?:fool|idiot|failure|loser)\b",
            r"\balready told (?:all )?(?:my|everyone|everybody)\b",
        ),
        "This sounds like begging.",
        _PLEAD_FIX,
    ),
    _r(
        "desperation-anything",
        "desperation",
        _E,
        _any(
            r"\b(?:I'?ll|I will|I would|I'd|willing to|ready to) (?:do|take|accept) "
            r"(?:literally |absolutely )?(?:any ?thing|any (?:job|position|role|salary))\b",
            r"\b(?:take|accept) (?:literally |absolutely )?any (?:job|position|role)\b",
            r"\bwork for (?:less|free|nothing|any salary|a lower salary|half)\b",
            r"\bwhatever it takes\b",
        ),
        "Offering to do anything undersells you.",
        _PLEAD_FIX,
    ),
    # -- sarcasm
    _r(
        "sarcasm-thanks-for-nothing",
        "sarcasm",
        _E,
        _any(
            r"\bthanks? (?:you )?for nothing\b",
            r"\bthanks (?:a lot|a bunch|so much) for wast\w*\b",
            r"\b(?:gee|wow),? thanks\b",
            r"\bthanks a bunch\b",
        ),
        "This is sarcastic thanks.",
        _SARCASM_FIX,
    ),
    _r(
        "sarcasm-great-job",
        "sarcasm",
        _E,
        _any(
            r"\b(?:great|nice|good|fantastic|stellar|amazing) (?:job|work) (?:wasting|ignoring|"
            r"ghosting|losing)\b",
            r"\b(?:lightning|blazing)[- ]fast\b",
            r"\bonly (?:\w+ )?(?:weeks|months)!",
            rf"{_SENTENCE_START}(?:really|very|so|how|real|super) (?:professional|classy|mature|"
            r"considerate|respectful)[.!]",
            rf"{_SENTENCE_START}(?:whatever|seriously|wow|really)[.?!]",
        ),
        "This reads as sarcasm.",
        _SARCASM_FIX,
    ),
    _r(
        "sarcasm-whoever-you-hired",
        "sarcasm",
        _E,
        _any(
            r"\bI(?:'m| am) sure (?:whoever|the (?:person|candidate|lucky one) you|your "
            r"(?:new hire|chosen|perfect|ideal))",
            r"\bI(?:'m| am) sure (?:they|he|she)(?:'ll| will) be worth\b",
            r"\beverything you (?:ever )?(?:dreamed|dreamt|wished|hoped|wanted)(?: of| for)?\b",
            r"\bhope you enjoy (?:training|onboarding|working with|teaching)\b",
            r"\bmust be (?:\w+ )?(?:hard|difficult|tough) to (?:find (?:the )?time|send|reply|"
            r"respond|write|answer|type|pick up)\b",
            r",\s(?:was|wasn't|did|didn't|is|isn't|were|weren't|do|don't|does|doesn't) "
            r"(?:it|you|they|he|she)\?",
            r"\blet's (?:be honest|face it)\b",
            r"\bthanks? (?:you )?for (?:the|your) (?:rejection|no|bad news)\b",
            rf"{_SENTENCE_START}(?:good to know|fine|noted)[.!]",
            r"\bI guess[.!]",
            rf"{_SENTENCE_START}(?:(?:it's|it is) )?not like (?:my|I|anyone|anything)\b",
            rf"{_SENTENCE_START}as if\b",
            r"\bfine,? whatever\b",
            r"\bso (?:that's|that is) it(?: then)?\?",
            rf"{_SENTENCE_START}(?:lovely|great|perfect|brilliant|cool|wonderful|charming|"
            r"super|awesome)\.",
            r"\b(?:the|your|their|so-called)\s+['\"‘“][^'\"‘’“”\n]{3,40}['\"’”]"
            r"(?!\s+(?:role|position|job|post|team|department|project|program|programme|course|"
            r"book|article|talk|paper|product|initiative|campaign|podcast|report|series))",
            r"\b(?:the|some|that) other guy\b",
            r"\bdoesn't count for (?:much|anything)\b",
            r"\b(?:low|bottom|last) (?:on|of) your (?:list|priorit\w+)\b",
            r"\bI(?:'ve| have) moved on anyway\b",
            r"['\"‘“](?:with )?(?:perfect|ideal|right|better|best|stronger|great|amazing|"
            r"more experience|more experienced|culture fit|better fit|good fit)"
            r"(?: candidate| fit| person)?['\"’”]",
        ),
        "This is a veiled jab at them or at the person they hired.",
        _SARCASM_FIX,
    ),
    _r(
        "sarcasm-good-luck",
        "sarcasm",
        _E,
        _any(
            r"\bgood luck with that\b",
            r"\byou(?:'ll| will) need it\b",
            r"\b(?:good|best of) luck finding (?:someone|anyone|somebody) (?:who|better|else)\b",
        ),
        "This 'good luck' is sarcastic.",
        "If you wish them luck, mean it: 'I wish you all the best with the search.'",
    ),
    _r(
        "sarcasm-how-nice",
        "sarcasm",
        _E,
        r"\bhow (?:nice|generous|considerate|professional|thoughtful) of (?:you|them|your \w+)\b",
        "'How nice of you' usually reads as sarcasm in writing.",
        _SARCASM_FIX,
    ),
    # -- shouting
    Rule(
        id="shouting-caps",
        category="shouting",
        severity=_E,
        message="Words in capitals read as shouting.",
        suggestion="Write in normal case; let the words carry the emphasis.",
        check=make_shouting_check(),
    ),
    _r(
        "shouting-punctuation",
        "shouting",
        _E,
        r"[!?]*(?:!!|\?!|!\?|\?\?)[!?]*",
        "Repeated '!' or '?' reads as shouting or exasperation.",
        "Use a single full stop, question mark or (at most) one exclamation mark.",
    ),
    # -- clichés
    _r(
        "cliche-checking-in",
        "cliche",
        _E,
        _any(
            r"\bjust (?:checking|circling) (?:in|back)\b",
            r"\bchecking in (?:to see|on (?:the|my) (?:status|application))\b",
            r"\bbump(?:ing)? (?:this|my (?:e-?mail|message|note))\b",
            r"\b(?:top of your inbox|got buried)\b",
        ),
        "'Just checking in' nags without saying anything.",
        "Say why you're writing: restate your interest or add something new.",
    ),
    _r(
        "cliche-touching-base",
        "cliche",
        _E,
        r"\btouch(?:ing)? base\b",
        "'Touching base' is empty filler.",
        "Say why you're writing in one plain sentence.",
    ),
    _r(
        "cliche-finds-you-well",
        "cliche",
        _E,
        r"\b(?:I )?hope (?:this|my) (?:e-?mail|message|note|letter) finds you (?:well|in good "
        r"health)\b",
        "'I hope this email finds you well' is the most skipped sentence in email.",
        "Start with the point: 'Thank you for letting me know about the decision.'",
    ),
    _r(
        "cliche-per-my-last-email",
        "cliche",
        _E,
        _any(
            r"\b(?:as )?per my (?:last|previous|earlier|prior) (?:e-?mails?|messages?|notes?)\b",
            r"\bas (?:I )?(?:previously |already )?(?:mentioned|stated|said|noted) in my "
            r"(?:last|previous|earlier|prior)\b",
            r"\bas I (?:have )?already (?:mentioned|said|stated|explained)\b",
        ),
        "'Per my last email' is read as passive-aggressive.",
        "Restate what you need briefly, without pointing at earlier messages.",
    ),
    _r(
        "cliche-circle-back",
        "cliche",
        _W,
        r"\bcircl(?:e|ing) back\b",
        "'Circle back' is jargon.",
        "Say 'follow up' or just say what you want.",
    ),
    _r(
        "cliche-earliest-convenience",
        "cliche",
        _W,
        r"\bat your earliest convenience\b",
        "'At your earliest convenience' is stiff and can read as 'hurry up'.",
        "Try 'whenever suits you' or leave timing out.",
    ),
    _r(
        "cliche-please-advise",
        "cliche",
        _W,
        r"\bplease advise\b",
        "'Please advise' is curt office jargon.",
        "Ask the actual question.",
    ),
    _r(
        "cliche-jargon",
        "cliche",
        _W,
        _any(
            r"\b(?:think|thinking) outside (?:of )?the box\b",
            r"\bsynerg(?:y|ies|istic)\b",
            r"\bmove the needle\b",
            r"\blow[- ]hanging fruit\b",
            r"\bhit the ground running\b",
            r"\bgo-getter\b",
            r"\bvalue[- ]add\b",
            r"\bpicking your brain|pick your brain\b",
        ),
        "Business jargon makes a personal note sound like a form letter.",
        "Say it in plain words.",
    ),
    _r(
        "cliche-sorry-to-bother",
        "cliche",
        _W,
        r"\b(?:sorry|apologi[sz]e) (?:to|for) (?:bother|bothering|disturb|disturbing) you\b",
        "Apologising for writing undercuts the message.",
        "Just write; a short, polite note is no bother.",
    ),
    _r(
        "cliche-to-whom",
        "cliche",
        _W,
        r"\bto whom it may concern\b",
        "'To whom it may concern' sounds impersonal when you have met the team.",
        "Address the person you spoke to by name.",
    ),
    # -- unfilled placeholders
    _r(
        "placeholder-braces",
        "placeholder",
        _E,
        _any(
            r"\{\{?[^{}\n]{1,40}\}\}?",
            r"\$\{[^{}\n]{1,40}\}",
            r"%\(\w+\)[sd]",
        ),
        "A template placeholder was left unfilled.",
        "Replace it with the real value before sending.",
    ),
    _r(
        "placeholder-brackets",
        "placeholder",
        _E,
        _any(
            r"\[(?!sic\])\s*[^\W\d_][^\[\]\n]{0,40}\](?!\()",
            r"<\s*[A-Za-z][A-Za-z _'-]{0,30}>",
        ),
        "A bracketed placeholder such as [Name] or <COMPANY> was left unfilled.",
        "Replace it with the real value before sending.",
    ),
    _r(
        "placeholder-marker",
        "placeholder",
        _E,
        _any(
            r"\bX{3,}\b",
            r"\b(?:TODO|FIXME|TK|TKTK|INSERT)\b",
            r"\b[A-Z]+(?:_[A-Z]+)+\b",
        ),
        "A marker for unfinished text (XXX, TODO, TK) was left in.",
        "Finish the sentence, or remove it.",
        case_sensitive=True,
    ),
    _r(
        "placeholder-lorem",
        "placeholder",
        _E,
        _any(r"\blorem ipsum\b", r"\binsert (?:\w+ ){0,3}here\b"),
        "Filler text was left in.",
        "Write the real text.",
    ),
    # -- greeting, sign-off and length
    Rule(
        id="greeting-missing",
        category="greeting",
        severity=_W,
        message="The message does not open with a greeting.",
        suggestion="Open with 'Dear Ms. Chen,' or 'Hi Priya,' on its own line.",
        check=_letters_only(_check_greeting),
    ),
    Rule(
        id="signoff-missing",
        category="signoff",
        severity=_W,
        message="The message does not close with a sign-off.",
        suggestion="Close with 'Best regards,' or 'Thank you,' and your name on the next line.",
        check=_letters_only(_check_signoff),
    ),
    Rule(
        id="length-soft",
        category="length",
        severity=_W,
        message="The email is over 200 words; a follow-up reads best when short.",
        suggestion="Cut it to a few sentences: thanks, one specific memory, the door left open.",
        check=_check_length_soft,
    ),
    Rule(
        id="length",
        category="length",
        severity=_E,
        message=(
            "The text is over the limit for its channel (emails: 400 words; LinkedIn "
            "connection notes: 200 characters; LinkedIn messages: 8,000 characters)."
        ),
        suggestion="Shorten it; the flagged span is what goes over the limit.",
        check=_check_length,
    ),
)
"""The built-in rules, in the order they run."""


def check_tone(
    text: str,
    channel: str = "email",
    *,
    limit: int | None = None,
    rules: RuleSet | None = None,
) -> list[Finding]:
    """Check a draft's tone and return what a careful reader would flag.

    Args:
        text: The draft.
        channel: A channel's name (see :mod:`followup.channels`): ``"email"``,
            ``"linkedin-note"`` (a connection note), ``"linkedin-message"`` or ``"task"``.
        limit: Override the length limit that is an error: for an email in
            words (default 400), for LinkedIn in characters (default 200 for a
            note, 8,000 for a message). Ignored for tasks.
        rules: The rules to run; the built-in :meth:`RuleSet.default` if ``None``.

    Returns:
        The findings, sorted by ``(start, end, rule)``. ``text[f.start:f.end]``
        is always ``f.text``.

    Raises:
        ValidationError: The text is not a string, the channel is unknown, or
            ``limit`` is not a positive whole number.
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
        for rule in rules
        if rule.applies_to(channel)
        for start, end in rule.find(text, channel, limit)
    ]
    return sorted(findings, key=lambda f: (f.start, f.end, f.rule))
