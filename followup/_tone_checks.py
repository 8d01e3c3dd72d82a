"""The tone rules that a regular expression cannot express, as check functions.

Each check takes ``(text, channel, limit)`` and returns ``(start, end)`` spans.
A rules file names them (``check = "greeting"``); :data:`CHECKS` maps the name
to a factory that builds the function. Every regular expression here is
compiled on first use, never at import, so ``import followup.tone`` stays cheap.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from followup import channels as _channels

Span = tuple[int, int]
Check = Callable[[str, str, "int | None"], list[Span]]

_SHOUT_MIN_LETTERS = 5
_SIGNOFF_MAX_WORDS = 10
_SIGNOFF_WINDOW = 4


@functools.cache
def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile once, on first use (``re``'s own cache holds only a few hundred)."""
    return re.compile(pattern, flags)


# ---------------------------------------------------------------- shared helpers


def lines(text: str) -> list[Span]:
    """The spans of the non-empty lines, stripped of surrounding whitespace."""
    spans = []
    for match in _rx(r"[^\n]+").finditer(text):
        line = match.group()
        if line.strip():
            start = match.start() + len(line) - len(line.lstrip())
            end = match.end() - (len(line) - len(line.rstrip()))
            spans.append((start, end))
    return spans


def words(text: str) -> list[Span]:
    """The spans of the whitespace-separated words."""
    return [m.span() for m in _rx(r"\S+").finditer(text)]


def sentence_span(text: str, start: int, end: int) -> Span:
    """The sentence around ``text[start:end]``: from the last stop before it to the next after."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return left, (min(ends) + 1 if ends else len(text))


# ---------------------------------------------------------------- shouting


def _letters(word: str) -> int:
    return sum(map(str.isalpha, word))


def make_shouting_check(acronyms: Iterable[str]) -> Check:
    """See :func:`followup.tone.make_shouting_check`."""
    allowed = frozenset(a.upper() for a in acronyms)

    def shouty(word: str) -> bool:
        letters = word.replace("'", "").replace("’", "")
        return len(letters) >= 2 and letters not in allowed

    def check(text: str, _channel: str, _limit: int | None) -> list[Span]:
        bracketed = _rx(r"\[[^\[\]\n]*\]|\{[^{}\n]*\}|<[^<>\n]*>")
        masked = [m.span() for m in bracketed.finditer(text)]
        gap = _rx(r"[ \t,;:/&+\-]+")
        spans: list[Span] = []
        run: list[re.Match[str]] = []

        def flush() -> None:
            loud = [m for m in run if shouty(m.group())]
            if len(loud) >= 2:
                spans.append((loud[0].start(), loud[-1].end()))
            else:
                spans.extend(m.span() for m in loud if _letters(m.group()) >= _SHOUT_MIN_LETTERS)
            run.clear()

        for match in _rx(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)*(?!\w)").finditer(text):
            word = match.group()
            inside = any(a <= match.start() and match.end() <= b for a, b in masked)
            if inside or not (word.isupper() and word.upper() == word):
                flush()
                continue
            if run and not gap.fullmatch(text, run[-1].end(), match.start()):
                flush()
            run.append(match)
        flush()
        return spans

    return check


# ---------------------------------------------------------------- greeting and sign-off

_GREETING = (
    r"(?:dear|hi|hiya|hello|hey|hallo|hej|hola|bonjour|greetings|good (?:morning|afternoon|"
    r"evening|day)|to whom it may concern|respected|namaste|salaam|salam)\b"
)
_NAME_COMMA = (
    r"(?:(?:dr|mr|mrs|ms|mx|prof|professor)\.?\s+)?[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}"
    r"\s*[,:!—–-]"
)
_SIGNOFF = (
    r"(?:all the best|best(?: regards| wishes)?|(?:kind|kindest|warm|warmest) (?:regards|wishes)"
    r"|regards|(?:yours )?sincerely(?: yours)?|yours (?:truly|faithfully)|respectfully(?: yours)?"
    r"|thank you|thanks|many thanks|with (?:many )?thanks|with (?:gratitude|appreciation)"
    r"|with (?:best|kind|warm) (?:regards|wishes)|cheers|take care|gratefully|warmly"
    r"|with love|love)\b"
)


def _proper_greeting(line: str) -> bool:
    """A greeting word followed by at most a name, then punctuation or the end of the line."""
    return bool(
        _rx(_GREETING + r"(?:\s+[^\W\d_][\w.'’-]*){0,3}\s*(?:[,:!—–-]|$)", re.IGNORECASE).match(
            line
        )
    )


def has_greeting(text: str) -> bool:
    """Whether the first non-empty line opens with a greeting or a name and a comma."""
    spans = lines(text)
    if not spans:
        return False
    first = text[slice(*spans[0])]
    if _rx(_GREETING, re.IGNORECASE).match(first):
        return True
    return bool(_rx(_NAME_COMMA).match(first)) and first[0].isupper()


def has_signoff(text: str) -> bool:
    """Whether one of the last lines (not the first) is a sign-off."""
    signoff = _rx(_SIGNOFF, re.IGNORECASE)
    for start, end in lines(text)[1:][-_SIGNOFF_WINDOW:]:
        line = text[start:end]
        short = len(line.split()) <= _SIGNOFF_MAX_WORDS
        if short and (signoff.match(line) or (line.endswith(",") and signoff.search(line))):
            return True
    return False


def check_greeting(text: str, channel: str, _limit: int | None) -> list[Span]:
    """Flag the first line when it is not a greeting (an empty span for an empty text).

    Only on channels whose messages are letters (the registry's ``letter``).
    """
    if not _channels.get(channel).letter:
        return []
    spans = lines(text)
    if not spans:
        return [(0, 0)]
    return [] if has_greeting(text) else [spans[0]]


def check_signoff(text: str, channel: str, _limit: int | None) -> list[Span]:
    """Flag the last line when none of the last lines is a sign-off (letters only)."""
    if not _channels.get(channel).letter:
        return []
    spans = lines(text)
    if not spans:
        return [(0, 0)]
    return [] if has_signoff(text) else [spans[-1]]


BARE_MIN_WORDS = 3


def check_bare_lowercase(text: str, channel: str, _limit: int | None) -> list[Span]:
    """Flag a message with no greeting, no sign-off and every sentence begun in lower case.

    Each check alone is a warning; together they make a note dashed off like a
    text message to a stranger, which is the impression a thank-you must not give.
    Any channel that carries a message (a connection note too); not tasks.
    """
    if not _channels.get(channel).message:
        return []
    spans = lines(text)
    if len(words(text)) < BARE_MIN_WORDS or has_signoff(text):
        return []
    # "hey so did i get the job" opens with a greeting word but is no greeting
    first = text[slice(*spans[0])]
    if has_greeting(text) and (first[0].isupper() or _proper_greeting(first)):
        return []
    starts = [
        m.group(1) for m in _rx(r"(?:^|[.!?]\s+|\n\s*)([^\W\d_])", re.MULTILINE).finditer(text)
    ]
    if not starts or any(c.isupper() for c in starts):
        return []
    if _rx(r"(?<!\w)I(?:'m|'d|'ll|'ve)?(?!\w)").search(text):
        return []
    return [(spans[0][0], spans[-1][1])]


# ---------------------------------------------------------------- length


def _over(all_words: list[Span], allowed: int) -> list[Span]:
    """The span from the first word past ``allowed`` to the end of the last word."""
    if len(all_words) <= allowed:
        return []
    return [(all_words[allowed][0], all_words[-1][1])]


def check_length_soft(text: str, channel: str, limit: int | None) -> list[Span]:
    """Flag words past the channel's advised length (emails: 200), unless past the limit."""
    spec = _channels.get(channel)
    soft = spec.advised
    if spec.unit != "words" or soft is None or (limit is not None and limit <= soft):
        return []
    all_words = words(text)
    hard = spec.limit if limit is None else limit
    if hard is not None and len(all_words) > hard:
        return []  # the error says it already
    return _over(all_words, soft)


def check_length(text: str, channel: str, limit: int | None) -> list[Span]:
    """Flag what goes over the channel's limit (``limit`` overrides it), in its unit."""
    spec = _channels.get(channel)
    allowed = spec.limit if limit is None else limit
    if allowed is None or not spec.message:
        return []
    if spec.unit == "words":
        return _over(words(text), allowed)
    end = len(text.rstrip())
    return [(allowed, end)] if end > allowed else []


# ---------------------------------------------------------------- emoji

# Pictographs, dingbats and symbols, flags, and keycaps; the joiners and
# modifiers that glue a sequence together belong to the emoji before them.
_EMOJI = (
    r"(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF"
    r"\u2764\u203C\u2049\u3030\u303D\u3297\u3299]"
    r"[\uFE0E\uFE0F\u200D\u20E3\U0001F3FB-\U0001F3FF]*"
    r"(?:\u200D[\U0001F000-\U0001FAFF\u2600-\u27BF][\uFE0F]?)*"
    r"|(?<![\w/])(?::-?[()DPp]|;-?\)|<3|xD|XD)(?![\w/]))"
)
EMOJI_RUN = 3
EMOJI_TOTAL = 4


def check_emoji(text: str, _channel: str, _limit: int | None) -> list[Span]:
    """Flag runs of three or more emoji, or every emoji when a message has four or more.

    One smiley is friendly; a string of them reads as a text to a friend, or as
    nerves, in a message to someone deciding whether to hire you.
    """
    found = [m.span() for m in _rx(_EMOJI).finditer(text)]
    if len(found) >= EMOJI_TOTAL:
        return _runs(text, found, 1)
    return _runs(text, found, EMOJI_RUN)


def _runs(text: str, found: list[Span], least: int) -> list[Span]:
    """Group emoji separated only by spaces into runs; keep runs of at least ``least``."""
    runs: list[list[Span]] = []
    for span in found:
        if runs and not text[runs[-1][-1][1] : span[0]].strip():
            runs[-1].append(span)
        else:
            runs.append([span])
    return [(run[0][0], run[-1][1]) for run in runs if len(run) >= least]


# ---------------------------------------------------------------- rambling

RAMBLE_WORDS = 150
RAMBLE_LONG_WORDS = 250
_OFF_TOPIC = (
    r"\b(?:parking|car park|dress code|what to wear|casual fridays?|(?:friday|office) dress|"
    r"the (?:canteen|cafeteria|gym|commute)|my commute|my (?:dog|cat|pets?|kids?|children|"
    r"son|daughter|wife|husband|partner|girlfriend|boyfriend|mum|mom|dad|mother|father|"
    r"parents|grandm\w+|grandf\w+|landlord|therapist|doctor|divorce|health|diagnosis|"
    r"wedding|holiday|vacation|birthday|weekend|hobby|hobbies|horoscope|star sign)|"
    r"by the way|on a (?:side|separate|personal|different) note|(?:a )?fun fact|"
    r"random(?:ly)? question|while I(?:'m| am) at it|speaking of which|unrelated(?:ly)?|"
    r"(?:to|let me|I (?:wanted|want) to|I'd like to) (?:add to|expand on|elaborate on|"
    r"revisit|clarify|re-?answer|go back to) (?:my|the|your|what I said)|"
    r"(?:the|my) (?:weakness|strength|greatest weakness|biggest weakness) (?:question|answer)|"
    r"(?:when|if) I (?:start|join)(?:ed)?\b[^.!?\n]{0,40}?(?:parking|desk|laptop|lunch|"
    r"dress)|I(?:'ve| have) always (?:been|had|wanted)|ever since I was|as a (?:child|kid)|"
    r"growing up|long story short|to make a long story short|anyway,)"
)
RAMBLE_CUES = 2


def check_rambling(text: str, channel: str, _limit: int | None) -> list[Span]:
    """Flag off-topic personal detail in a long message: the cues, when there are enough.

    Over 150 words with two such cues, or over 250 words with one, reads as a
    ramble; a short note that mentions the weekend is just friendly.
    """
    if not _channels.get(channel).message:
        return []
    count = len(words(text))
    if count <= RAMBLE_WORDS:
        return []
    cues = [m.span() for m in _rx(_OFF_TOPIC, re.IGNORECASE).finditer(text)]
    if len(cues) >= RAMBLE_CUES or (cues and count > RAMBLE_LONG_WORDS):
        return cues
    return []


CHECKS: dict[str, Callable[[Iterable[str]], Check]] = {
    "shouting": make_shouting_check,
    "greeting": lambda _acronyms: check_greeting,
    "signoff": lambda _acronyms: check_signoff,
    "bare-lowercase": lambda _acronyms: check_bare_lowercase,
    "length-soft": lambda _acronyms: check_length_soft,
    "length": lambda _acronyms: check_length,
    "emoji": lambda _acronyms: check_emoji,
    "rambling": lambda _acronyms: check_rambling,
}
"""The checks a rules file may name, each a factory given the acronyms never to
flag as shouting (only the shouting check uses them)."""
