"""The tone rules that a regular expression cannot express, as check functions.

Each check takes ``(text, channel, limit)`` and returns ``(start, end)`` spans.
A rules file names them (``check = "greeting"``); `CHECKS` maps the name
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
FactsCheck = Callable[[str, str, "int | None", "object | None"], list[Span]]

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


def sentence_span(text: str, start: int, end: int, *, wrapped: bool = False) -> Span:
    """The sentence around ``text[start:end]``: from the last stop before it to the next after.

    A stop is ``.``, ``!``, ``?`` or a line break; for a ``wrapped`` rule a line
    break inside a paragraph is not a stop (a blank line still is), so a
    hard-wrapped sentence is read whole.
    """
    if not wrapped:
        left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
        ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
        return left, (min(ends) + 1 if ends else len(text))
    stop = _rx(r"[.!?]|\n[ \t]*\n")
    left = max(0, start - 400)
    for match in stop.finditer(text, left, start):
        left = match.end()
    after = stop.search(text, end)
    return left, (after.end() if after else len(text))


def crosses_paragraph(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` spans a blank line (two line breaks with only spaces between)."""
    first = text.find("\n", start, end)
    return first >= 0 and _rx(r"\n[ \t]*\n").search(text, first, end) is not None


# ---------------------------------------------------------------- shouting

# A word in capitals is shouted when it is an English word; a product name or a
# file name in capitals (README, LS-DYNA, ANSYS, NVIDIA) is not. With no word
# list to hand, "English" means: a word people shout (below), or a word with an
# English inflection or suffix and five letters or more (EXTREMELY, LOVED,
# UNACCEPTABLE, RIDICULOUS).
_SHOUTED_TEXT = """
    NOT NO NEVER EVER ALWAYS VERY REALLY SO TOO MUST NEED WANT NOW STILL YET ANY ALL EVERY
    NOTHING NOBODY EVERYONE EVERYTHING ANYTHING ANYONE PLEASE HELP LOVE HATE THANK THANKS
    SORRY YES WHY STOP WAIT WRONG RIGHT HUGE BEST WORST GREAT PERFECT RUDE JOKE AGAIN ONCE
    TWICE MORE ONLY JUST EVEN DEMAND INSIST EXPECT DESERVE URGENT IMPORTANT SERIOUS MUCH
    SUCH WEEKS MONTHS DAYS HOURS TODAY TOMORROW THIS THAT YOU YOUR ME MY MINE HUGE INSANE
    CRAZY LIVID PATHETIC UNFAIR UNPROFESSIONAL DISGRACE SHAME LIAR LIES FAKE DUMB STUPID
    IDIOT IDIOTS AWFUL TERRIBLE HORRIBLE AMAZING WOW OMG HELLO THANKYOU
    """
_SHOUTED = frozenset(_SHOUTED_TEXT.split())
_ENGLISH_TEXT = """
    A AN THE AND OR BUT OF TO IN ON AT BY FOR WITH FROM ABOUT AS IS ARE WAS WERE BE BEEN AM
    HAVE HAS HAD DO DOES DID DONE WILL WOULD CAN COULD SHOULD SHALL MAY MIGHT IT ITS THEY
    THEM THEIR HE HIM HIS SHE HER WE US OUR WHAT WHEN WHERE WHO HOW WHICH IF THEN THAN THERE
    HERE THESE THOSE GET GOT GIVE GAVE KNOW KNEW TELL TOLD SAY SAID CALL EMAIL REPLY
    RESPONSE ANSWER JOB ROLE OFFER WEEK DAY MONTH YEAR TIME BACK UP OUT OVER LET SEE HEAR
    HEARD DONT CANT WONT ISNT WASNT DIDNT IM IVE ID ILL THATS WHATS LETS OK OKAY GOOD BAD NICE
    WELL
    """
_ENGLISH = _SHOUTED | frozenset(_ENGLISH_TEXT.split())
_SUFFIXES = (
    "LY", "ING", "ED", "TION", "SION", "MENT", "NESS", "ABLE", "IBLE", "FUL", "LESS", "OUS",
)


def _english(letters: str) -> bool:
    return letters in _ENGLISH or (
        len(letters) >= _SHOUT_MIN_LETTERS and letters.endswith(_SUFFIXES)
    )


def _letters(word: str) -> int:
    return sum(map(str.isalpha, word))


def make_shouting_check(acronyms: Iterable[str]) -> Check:
    """See [`followup.tone.make_shouting_check`][followup.tone.make_shouting_check]."""
    allowed = frozenset(a.upper() for a in acronyms)

    def letters_of(word: str) -> str:
        return "".join(c for c in word if c.isalpha())

    def loud(word: str) -> bool:
        letters = letters_of(word)
        return len(letters) >= 2 and letters not in allowed and word.replace("'", "").replace(
            "’", ""
        ) not in allowed

    def check(text: str, _channel: str, _limit: int | None) -> list[Span]:
        bracketed = _rx(r"\[[^\[\]\n]*\]|\{[^{}\n]*\}|<[^<>\n]*>")
        masked = [m.span() for m in bracketed.finditer(text)]
        gap = _rx(r"[ \t,;:/&+\-]+")
        spans: list[Span] = []
        run: list[re.Match[str]] = []

        def flush() -> None:
            noisy = [m for m in run if loud(m.group())]
            shouted = [m for m in noisy if _english(letters_of(m.group()))]
            if len(noisy) >= 2 and shouted:
                spans.append((noisy[0].start(), noisy[-1].end()))
            else:
                spans.extend(
                    m.span()
                    for m in shouted
                    if letters_of(m.group()) in _SHOUTED
                    or _letters(m.group()) >= _SHOUT_MIN_LETTERS
                )
            run.clear()

        word = r"(?<![\w-])[^\W\d_]+(?:['’-][^\W\d_]+)*(?![\w-])"
        for match in _rx(word).finditer(text):
            token = match.group()
            inside = any(a <= match.start() and match.end() <= b for a, b in masked)
            if inside or not (token.isupper() and token.upper() == token):
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


NOTE_CHANNEL = "linkedin-note"


def check_length(text: str, channel: str, limit: int | None) -> list[Span]:
    """Flag what goes over the channel's limit (``limit`` overrides it), in its unit.

    Not for LinkedIn connection notes, which `check_note_length` checks
    with a message of its own.
    """
    spec = _channels.get(channel)
    allowed = spec.limit if limit is None else limit
    if allowed is None or not spec.message or channel == NOTE_CHANNEL:
        return []
    if spec.unit == "words":
        return _over(words(text), allowed)
    end = len(text.rstrip())
    return [(allowed, end)] if end > allowed else []


def check_note_length(text: str, channel: str, limit: int | None) -> list[Span]:
    """Flag the characters of a LinkedIn connection note past what LinkedIn will send.

    This is a channel limit, not tone: LinkedIn does not send a connection note
    over 200 characters from a free account (Premium allows 300, which
    ``limit=300`` says).
    """
    if channel != NOTE_CHANNEL:
        return []
    allowed = _channels.get(channel).limit if limit is None else limit
    end = len(text.rstrip())
    return [(allowed, end)] if allowed is not None and end > allowed else []


# ---------------------------------------------------------------- apologies

APOLOGIES = 3
_APOLOGY = r"\b(?:sorry|apologi[sz](?:e|ed|es|ing)|apolog(?:y|ies))\b"


def check_apologies(text: str, _channel: str, _limit: int | None) -> list[Span]:
    """Flag every apology when a message apologises three times or more.

    One apology is courteous; a string of them talks the writer down, and
    after an interview it reads as a verdict on themselves.
    """
    found = [m.span() for m in _rx(_APOLOGY, re.IGNORECASE).finditer(text)]
    return found if len(found) >= APOLOGIES else []


# ---------------------------------------------------------------- the wrong company

# Words too common in organisations' names to tell two apart ("Brightwave
# Energy" and "Greenfield Energy" are different companies).
_GENERIC_ORG_WORDS_TEXT = """
    inc ltd llc llp lp gmbh ag sa sas bv nv plc pty co corp corporation company companies
    group holdings holding the and of for a an labs lab technologies technology tech systems
    solutions software services service partners partnership consulting consultants capital
    health healthcare bank banking media analytics data energy logistics logistik games
    studios studio robotics international global digital ventures industries enterprises
    associates agency networks network cloud financial finance insurance pharma
    pharmaceuticals medical foods food brewing manufacturing retail limited trust foundation
    uk us usa eu europe america americas asia africa india com io ai app apps online
    """
_GENERIC_ORG_WORDS = frozenset(_GENERIC_ORG_WORDS_TEXT.split())
# Capitalised words that name a team, a place in the office or a thing, not a company
# ("join the Payments team", "the London office").
_NOT_ORGS_TEXT = """
    team teams growth data platform platforms payments payment product products design
    engineering marketing sales finance risk ops operations core search ads cloud infra
    infrastructure security trust safety identity mobile web ios android backend frontend
    analytics research brand content editorial people talent legal compliance treasury
    audit tax strategy partnerships customer customers success support service services
    commercial retail consumer enterprise merchant merchants onboarding checkout billing
    pricing fraud credit lending insights performance seo social community events ml
    machine learning devops sre reliability qa quality testing hardware firmware robotics
    systems network networks finance hr it admin administration office headquarters hq
    board committee panel company firm business organisation organization department
    division unit group family crew monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november
    december i we you they he she it this that our your their my the a an hiring recruitment
    recruiting selection acquisition interview interviewing
    """
_NOT_ORGS = frozenset(_NOT_ORGS_TEXT.split())
_ORG_WORD = r"(?<![\w&'’-])[A-Z][\w&'’-]*(?:\.(?:com|io|ai|co|net|org))?"
_ORG = (
    r"(?P<org>" + _ORG_WORD + r"(?:[ ](?:&[ ]|and[ ]|of[ ]|de[ ])?(?!I\b|I['’])" + _ORG_WORD
    + r"){0,3})"
)
_TARGETS = (
    # joining it: "the chance to join Stripe", "joining the Deliveroo data team"
    r"(?i:\b(?:join|joining)\s+(?:the\s+)?)" + _ORG,
    # working there: "excited to work at Stripe"
    r"(?i:\b(?:work|working|career|future|be|being|grow|growing|start|starting)\s+(?:at|for|with)\s+)"
    + _ORG,
    # the job there: "the Analyst position at Barclays", "your team at Aviva"
    r"(?i:\b(?:the|this|your|an?)\s+(?:[\w-]+\s+){0,4}?(?:role|position|job|opportunity|opening"
    r"|vacancy|post|team|interview|internship|career|future|chance|offer|panel|process)\s+(?:at|with)\s+)"
    + _ORG,
    # what they do there: "the forecasting challenges at Deliveroo"
    r"(?i:\b(?:challenges|problems|projects|culture|mission|plans|growth|opportunities|people|everyone"
    r"|things|initiatives|roadmap|products|platform|customers|teams?)\s+(?:at|with)\s+)" + _ORG,
    # helping it: "contribute to Barclays' next chapter", "bring that to Acme",
    # "help Salesforce's customers", "be part of Monzo"
    r"(?i:\b(?:contribute|contributing|(?:bring|bringing)\b[^.!?\n]{0,40}?)\s+to\s+)" + _ORG,
    r"(?i:\b(?:be|being|become|becoming) (?:a )?part of\s+)" + _ORG,
    r"(?i:\b(?:help|helping)\s+)(?P<org>" + _ORG_WORD + r"(?:[ ]" + _ORG_WORD + r"){0,2})(?=['’]s\b)",
    # praising its mission as what draws you: "what excites me most is Redwood Health
    # Alliance's commitment to community care"
    r"(?i:\b(?:is|by|about|admired?|loved?|respected?)\s+)" + _ORG
    + r"(?<=['’]s)(?=\s+(?i:commitment|mission|values|vision|culture|dedication|investment"
    r"|reputation)\b)",
    # addressing it: "Dear team at Monzo,"
    r"(?im:^[ \t]*(?:dear|hi|hello|hey)\s+(?:the\s+)?(?:\w+\s+)?(?:team|folks|people|panel)\s+(?:at|of)\s+)"
    + _ORG,
    # addressing it: "Dear Stripe team,"
    r"(?im:^[ \t]*(?:dear|hi|hello|hey)\s+(?:the\s+)?)" + _ORG
    + r"(?i:\s+(?:hiring\s+|recruitment\s+|recruiting\s+|talent\s+|people\s+|interview\s+)?"
    r"(?:team|panel|family|folks|crew))",
    r"(?i:\b(?:excited|thrilled|delighted|keen|eager|proud|honou?red)\s+(?:about|by|to\s+join"
    r"|to\s+work\s+(?:at|for|with)|to\s+be\s+part\s+of|to\s+contribute\s+to)\s+)" + _ORG,
)
_CAREER = r"(?:my|the\s+next)\s+(?:[\w-]+\s+)?(?:career|future|chapter|years|step)"
# Naming it as the goal: "Tillwell Bank is where I want to build my career",
# "Stripe Ltd is my first choice". The name stands alone as the subject, where a
# place ("London is where I want to build my career") reads the same, so these count
# only for a name that looks like an organisation (_company_like).
_NAMED_GOALS = (
    _ORG
    + r"(?i:\s+is\s+(?:exactly\s+|really\s+|truly\s+|definitely\s+)?(?:where\s+I"
    r"(?:(?:\s+(?:want|would\s+love|hope)|['’]d\s+love)\s+to\s+(?:work\b|(?:build|grow|spend|develop"
    r"|start|take|continue)\s+" + _CAREER + r")"
    r"|\s+(?:see|picture|imagine)\s+myself\s+(?:working\b|(?:building|growing|spending|developing"
    r"|starting|taking|continuing)\s+" + _CAREER + r"))"
    r"|the\s+(?:right\s+)?(?:company|firm|organi[sz]ation|bank|employer|home)\s+for\s+(?:me|my)\b))",
    _ORG + r"(?i:\s+is\s+(?:\w+\s+)?(?:my|our)\s+(?:first|top|number one|no\.? ?1|#1)\s+choice)",
)
# The candidate's own employers may be named anywhere ("since I joined Deloitte",
# "my three years at Barclays", "my current company (Grayson Medical)").
_EMPLOYERS = (
    r"(?i:\b(?:I|I've|I'm|I have|I am|I was|I had|we|we've|we have)\s+(?:\w+\s+){0,2}?"
    r"(?<!to )(?:work|works|worked|working|am|was|been|spent|interned|joined|left|started|moved"
    r"|consulted|led|built|ran|managed)\b[^.!?\n]{0,40}?\b(?:at|for|with|joined|left|from)?\s*)"
    + _ORG,
    r"(?i:\b(?:since I joined|when I joined|I joined|I left|before joining|after leaving)\s+)" + _ORG,
    r"(?i:\bmy\s+(?:\w+\s+){0,3}?(?:at|with|for)\s+)" + _ORG,
    r"(?i:\b(?:current|previous|former|last|old|prior|present)\s+(?:company|employer|firm|role|job"
    r"|team|workplace|client)\s*(?:\(|,|–|—|-|:|at|is|was)?\s*)" + _ORG,
)
_PLACE_AFTER = (
    r"\s+(?:office|offices|team|teams|site|hub|branch|campus|HQ|headquarters|location|division"
    r"|department|studio|lab|plant|factory|warehouse|store|clinic|practice)\b"
)
# A decline or a withdrawal may name the company the candidate chose instead.
_LEAVING = (
    r"\b(?:withdraw|withdrawing|withdrawal|decline|declining|turn(?:ing)? down|not (?:be )?"
    r"(?:taking|accepting|proceeding)|accepted (?:an?|another|the|a different) (?:\w+ )?"
    r"(?:offer|role|position|job)|decided to (?:join|accept|go with|take)|(?:will|'ll) be joining"
    r"|I(?:'m| am) joining|have accepted|going with another)\b"
)


def _org_words(name: str) -> list[str]:
    return _rx(r"[a-z0-9]+").findall(name.lower().replace("’", "'").replace("'s", ""))


def _clean_org(org: str) -> str:
    org = org.rstrip(".'’-")
    for tail in ("'s", "’s"):
        if org.endswith(tail):
            org = org[: -len(tail)]
    return org.rstrip(".'’-")


def same_organisation(name: str, company: str) -> bool:
    """Whether ``name`` in a draft can be the interview's ``company``.

    The same when they share a distinctive word ("Brightwave" and "Brightwave
    Energy", "Just Eat" and "Just Eat Takeaway"), when ``name`` is the company's
    initials ("JET"), when one word starts another ("Adyen", "AdyenPay"), or when
    ``name`` has no distinctive word at all (nothing to tell them apart).
    """
    ours = [w for w in _org_words(company) if w not in _GENERIC_ORG_WORDS]
    theirs = [w for w in _org_words(name) if w not in _GENERIC_ORG_WORDS]
    if not theirs or not ours:
        return True
    if set(ours) & set(theirs):
        return True
    initials = "".join(w[0] for w in _org_words(company) if w not in {"of", "and", "the", "a"})
    if "".join(theirs) in (initials, "".join(ours)) or "".join(ours) == "".join(theirs):
        return True
    return any(
        len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a))
        for a in ours
        for b in theirs
    )


# Words that make a name an organisation's rather than a place's or a person's
# ("Tillwell Bank", "Brightwater Consulting", "Banque Lacroix", "Acme Ltd").
_ORG_MARKS_TEXT = """
    inc ltd llc llp lp gmbh ag sa sas bv nv plc pty co corp corporation company group
    holdings labs lab technologies technology tech systems solutions software services
    partners partnership consulting consultants capital health healthcare bank banking
    banque bancorp media analytics data energy logistics games studios studio robotics
    ventures industries enterprises associates agency networks financial finance insurance
    pharma pharmaceuticals medical foods brewing manufacturing retail limited trust
    foundation airways airlines motors investments securities advisory advisors alliance
    institute university hospital clinic society cooperative
    """
_ORG_MARKS = frozenset(_ORG_MARKS_TEXT.split())


def _company_like(name: str) -> bool:
    """Whether a name standing alone reads as an organisation's, not a place's ("London")."""
    if "&" in name or _rx(r"\.(?:com|io|ai|co|net|org)\b").search(name):
        return True
    return any(w in _ORG_MARKS for w in _org_words(name))


def _known_words(facts: object) -> set[str]:
    """Lower-case words of the people, role and topics: not organisations to check."""
    words: set[str] = set()
    for value in (
        getattr(facts, "role", None),
        *getattr(facts, "names", ()),
        *getattr(facts, "topics", ()),
    ):
        if value:
            words.update(_org_words(value))
    return words


def check_wrong_company(
    text: str, _channel: str, _limit: int | None, facts: object | None
) -> list[Span]:
    """Flag an organisation named as the one to join or work for that is not the interview's.

    Needs the facts' company. Only constructions that point at the reader's
    organisation count ("join X", "the role at X", "your team at X", "Dear X
    team"); the candidate's own employers, named anywhere in the draft, never
    count, and a decline or withdrawal (which may name the company chosen
    instead) is not checked.
    """
    company = getattr(facts, "company", None)
    if not company or _rx(_LEAVING, re.IGNORECASE).search(text):
        return []
    employers = {
        _clean_org(m.group("org")).lower() for p in _EMPLOYERS for m in _rx(p).finditer(text)
    }
    known = _known_words(facts)
    spans: list[Span] = []
    patterns = [(p, False) for p in _TARGETS] + [(p, True) for p in _NAMED_GOALS]
    for pattern, alone in patterns:
        for match in _rx(pattern).finditer(text):
            org = _clean_org(match.group("org"))
            words = _org_words(org)
            if (
                not words
                or (alone and not _company_like(org))
                or org.lower() in employers
                or all(w in _NOT_ORGS or w in known for w in words)
                or same_organisation(org, company)
            ):
                continue
            start = match.start("org")
            if _rx(_PLACE_AFTER, re.IGNORECASE).match(text, start + len(org)):
                continue  # "the London office", "the Berlin team": a place or a team, not a company
            spans.append((start, start + len(org)))
    spans.extend(_misspelt_companies(text, company, known | employers))
    return sorted(set(spans))


_NEAR_COMPANY = 0.85


def _near_word(a: str, b: str) -> str | None:
    """How two distinctive words relate: ``"same"``, ``"prefix"``, ``"misspelt"`` or ``None``."""
    import difflib

    if a == b or a.rstrip("s") == b.rstrip("s"):
        return "same"
    if len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a)):
        return "prefix"
    if (
        min(len(a), len(b)) >= 6
        and a[0] == b[0]
        and difflib.SequenceMatcher(None, a, b).ratio() >= _NEAR_COMPANY
    ):
        return "misspelt"
    return None


def _misspelt_companies(text: str, company: str, skip: set[str]) -> list[Span]:
    """Organisations named anywhere that look like the company but are not it.

    "Cedar Valley Health" for Cedarline Health, "Cedarlnie Health": a name close
    to theirs but different is a misspelling or a leftover from another
    application. A name sharing a distinctive word with theirs ("Cedarline",
    "Cedarline Health's clinics") is theirs; one that only extends it
    ("AdyenPay" for Adyen) is too, unless it adds a word of its own.
    """
    ours = [w for w in _org_words(company) if w not in _GENERIC_ORG_WORDS]
    if not ours:
        return []
    # Only the brand, the company's first distinctive word, is compared: "Riverside
    # Hotel" is not a misspelling of "Tamarind Hotels".
    brand = ours[0]
    spans: list[Span] = []
    for match in _rx(_ORG).finditer(text):
        org = _clean_org(match.group("org"))
        if org.isupper():
            continue  # "COVID" is no misspelling of Corvid
        theirs = [
            w
            for w in _org_words(org)
            if w not in _GENERIC_ORG_WORDS and w not in _NOT_ORGS and w not in skip
        ]
        if not theirs or org.lower() in skip:
            continue
        relations = [{_near_word(t, o) for o in ours} for t in theirs]
        if any("same" in r for r in relations):
            continue
        near = [{_near_word(t, brand)} & {"prefix", "misspelt"} for t in theirs]
        if not any(near):
            continue
        if any("misspelt" in r for r in near) or not all(near):
            start = match.start("org")
            spans.append((start, start + len(org)))
    return spans


# ---------------------------------------------------------------- the wrong name

_GREETING_LINE = (
    r"^[ \t]*(?i:dear|hi|hello|hey|hiya|good (?:morning|afternoon|evening|day)|greetings)[ \t,]+"
    r"(?:(?i:mr|mrs|ms|mx|miss|dr|prof|professor|herr|frau|sir|madam|mme|mlle|señor|señora)\.?"
    r"[ \t]+)?(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?=[ \t]*(?:[,:!—–-]|and\b|&|$))"
)
# Words a greeting uses instead of a name.
_NOT_NAMES_TEXT = """
    team all everyone everybody there sir madam ma maam ma'am hiring recruiter recruiters
    recruitment folks friends both panel colleagues committee manager managers selection
    talent people hr board partners doctor professor interviewers members staff
    search admissions faculty department school council trustees governors directors
    director principal dean chair chairperson chef coach captain officer nurse judge
    superintendent headteacher head lead leads guys again friend gentlemen ladies colleague
    ms mr mrs mx dr prof
    """
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
# Short forms that are not a prefix of the full name.
_NICKNAMES = {
    "bob": "robert", "rob": "robert", "bobby": "robert", "bill": "william", "will": "william",
    "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth", "jim": "james",
    "jimmy": "james", "dick": "richard", "rick": "richard", "peggy": "margaret",
    "meg": "margaret", "mike": "michael", "mick": "michael", "chris": "christopher",
    "kit": "christopher", "tony": "anthony", "ted": "edward", "ned": "edward",
    "jack": "john", "johnny": "john", "kate": "katherine", "katie": "katherine",
    "cathy": "catherine", "sasha": "alexander", "alex": "alexander", "sandy": "alexandra",
    "sue": "susan", "peg": "margaret", "hank": "henry", "harry": "henry", "chuck": "charles",
    "charlie": "charles", "lou": "louis", "nick": "nicholas", "greg": "gregory",
    "jenny": "jennifer", "jen": "jennifer", "becky": "rebecca", "pat": "patricia",
    "trish": "patricia", "dave": "david", "andy": "andrew", "drew": "andrew", "matt": "matthew",
    "steve": "stephen", "ben": "benjamin", "sam": "samuel", "tom": "thomas", "tim": "timothy",
}


def _fold(word: str) -> str:
    """Lower case without accents: "Siobhán" and "Siobhan" are the same name."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _name_words(name: str) -> set[str]:
    words = set()
    for word in _rx(r"[^\W\d_][\w'’-]*").findall(name):
        lowered = _fold(word).rstrip(".")
        if lowered not in {"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "herr", "frau"}:
            words.add(lowered)
    return words


def _known_name(word: str, known: set[str]) -> bool:
    word = _fold(word)
    if word in known or _NICKNAMES.get(word) in known:
        return True
    return any(
        len(word) >= 3 and len(name) >= 3 and (name.startswith(word) or word.startswith(name))
        for name in known
    )


_MISSPELT = 0.75


def _misspelt(word: str, known: set[str]) -> bool:
    import difflib

    return any(
        difflib.SequenceMatcher(None, _fold(word), name).ratio() >= _MISSPELT for name in known
    )


def make_name_check(misspelt: bool) -> FactsCheck:
    """A check of the greeting's name against the facts' names.

    With ``misspelt``, flag a name close to one of theirs but not the same ("Dear
    Mr. Jonson" to Peter Johnson); otherwise flag a name that is nothing like
    any of theirs ("Dear Sarah" to Rachel Dunn: a note meant for someone else,
    or a person the facts leave out).
    """

    def check(text: str, channel: str, limit: int | None, facts: object | None) -> list[Span]:
        found = _greeting_name(text, facts)
        if found is None:
            return []
        span, words, known = found
        close = any(_misspelt(w, known) for w in words)
        return [span] if close == misspelt else []

    return check


def _greeting_name(
    text: str, facts: object | None
) -> tuple[Span, list[str], set[str]] | None:
    """The greeting's name when it is none of the interview's people: its span, words and theirs.

    A first name, a surname, a common short form ("Kate", "Mike") or a
    greeting without a name ("Dear Hiring Team", "Good afternoon Ma") is one
    of theirs; so is anything when the facts name nobody.
    """
    names = getattr(facts, "names", ())
    known: set[str] = set()
    for name in names:
        known |= _name_words(name)
    company = getattr(facts, "company", None)
    if company:
        known |= _name_words(company)
    if not names:
        return None
    spans = lines(text)
    if not spans:
        return None
    first = spans[0]
    if text[first[0] : first[1]].lower().startswith("subject:") and len(spans) > 1:
        first = spans[1]
    # The line alone: "^" does not match at a position past a subject line (re.match with
    # pos), so a greeting under "Subject: ..." was never read.
    match = _rx(_GREETING_LINE).match(text[first[0] : first[1]])
    if match is None:
        return None
    words = [w for w in match.group("name").split() if w.lower().strip("'’") not in _NOT_NAMES]
    words = [w.strip("'’,") for w in words]
    if not words or any(_known_name(w, known) for w in words):
        return None
    start, end = match.span("name")
    return (first[0] + start, first[0] + end), words, known


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
EMOJI_TOTAL = 3


def check_emoji(text: str, _channel: str, _limit: int | None) -> list[Span]:
    """Flag runs of three or more emoji, or every emoji when a message has three or more.

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


def _scorer_check(*, strong: bool = False) -> FactsCheck:
    from followup import _tone_scorer

    return _tone_scorer.make_check("en", strong=strong)


CHECKS: dict[str, Callable[[Iterable[str]], Check | FactsCheck]] = {
    "shouting": make_shouting_check,
    "greeting": lambda _acronyms: check_greeting,
    "signoff": lambda _acronyms: check_signoff,
    "bare-lowercase": lambda _acronyms: check_bare_lowercase,
    "length-soft": lambda _acronyms: check_length_soft,
    "length": lambda _acronyms: check_length,
    "length-note": lambda _acronyms: check_note_length,
    "apologies": lambda _acronyms: check_apologies,
    "wrong-company": lambda _acronyms: check_wrong_company,
    "wrong-name": lambda _acronyms: make_name_check(misspelt=True),
    "scorer": lambda _acronyms: _scorer_check(),
    "scorer-strong": lambda _acronyms: _scorer_check(strong=True),
    "unknown-name": lambda _acronyms: make_name_check(misspelt=False),
    "emoji": lambda _acronyms: check_emoji,
    "rambling": lambda _acronyms: check_rambling,
}
"""The checks a rules file may name, each a factory given the acronyms never to
flag as shouting (only the shouting check uses them)."""

FACT_CHECKS: frozenset[str] = frozenset(
    {"wrong-company", "wrong-name", "unknown-name", "scorer", "scorer-strong"}
)
"""The checks called with the interview's facts as a fourth argument."""
