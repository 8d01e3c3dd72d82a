"""What a draft says to whom: the facts for one recipient, their role, and the key that varies it.

Pure functions over the model; the scheduling context calls them for every
draft. The rules a careful writer follows:

- A conversation is mentioned only to someone who was in it. An interviewer's
  own topics go to that interviewer; the interview-wide topics go to the
  interviewers (the panel heard them); a recruiter or coordinator who did not
  interview hears none, and gets sentences written for their role (thanks for
  organising, the process, the decision).
- Later messages lead with a different topic than the thank-you did, when the
  person has more than one.
- Prose names the company without its legal suffix; dates carry day and month.
- Frames are chosen by a stable hash of the interview, the step and the
  recipient; the interviewers of one panel get consecutive ranks, so their
  notes differ in every slot.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date, datetime

from followup.lang import DEFAULT_LANGUAGE, language
from followup.model import Candidate, Contact, Interview, _day_of
from followup.names import (
    ENGLISH_TITLES,
    company_spoken_name,
    parse_name,
    role_forms,
    signed_name,
    with_honorific,
)

__all__ = [
    "CHAIR",
    "HOST",
    "INTERVIEWER",
    "ORGANISER",
    "SCREENER",
    "draft_facts",
    "highlights_for",
    "is_chair",
    "is_interviewer",
    "moment_for",
    "people_met",
    "promised_for",
    "recipient_region",
    "recipient_role",
    "recipient_topics",
    "same_person",
    "variation",
]

INTERVIEWER = "interviewer"
"""The role of someone who was in the conversation."""

ORGANISER = "organiser"
"""The role of a recruiter or coordinator who organised the interviews but was not in them."""

CHAIR = "chair"
"""The role of the interviewer who chaired a panel: thanked for chairing it."""

HOST = "host"
"""The role of the recruiter or coordinator who organised the interviews and also sat on the
panel: thanked for both, and told that the decision date is noted."""

SCREENER = "screener"
"""The role of the recruiter who held a screening call alone (no interviewers listed):
written to as an interviewer, and told that the decision date is noted."""

# "Panel Chair", "Chairperson", "Chair of the panel": a title that says they chaired.
_CHAIR_TITLE = re.compile(r"\bchair(?:person|man|woman)?\b", re.IGNORECASE)

# Which of a person's topics a message leads with: the thank-you takes the first,
# later messages the next one, so a person with two topics does not read the same
# memory twice.
_TOPIC_OFFSET: Mapping[str, int] = {
    "status-check": 1,
    "status-check-again": 1,
    "rejection-reply": 1,
    "rejection-thanks": 1,
    "feedback-request": 1,
    "keep-in-touch": 2,
}
# Why the candidate fits goes with the thank-you only; what they promised goes with the
# thank-you that delivers it, and nowhere after: the welcome note after an offer offered to
# "go through it together" (blind judges, drafts rounds 10 and 11: it was sent already).
_OWN_MATERIAL_KINDS = frozenset({"thank-you"})
# The candidate's news since they last spoke goes in the check-ins that come months later.
_NEWS_KINDS = frozenset({"keep-in-touch", "keep-in-touch-declined", "keep-in-touch-withdrawn"})
_PROMISED_KINDS = frozenset({"thank-you"})
# The checks that may name another offer the candidate must answer (``other_offer_by``).
_STATUS_KINDS = frozenset({"status-check", "status-check-again"})

# A person's moment, written to them, goes in the thank-you to them and in the connection
# note that follows the interview (when it fits); later messages do not paste it again, but
# for the first status check to a recruiter who was not in the conversation: the built-in
# plan writes them no thank-you, so it is the first message to carry their line.
_MOMENT_KINDS = frozenset({"thank-you", "linkedin-connect"})
_CLAUSE_STARTS = frozenset(
    {"we", "i", "you", "they", "it", "he", "she", "there", "we're", "it's", "i'm"}
)


def same_person(a: Contact, b: Contact) -> bool:
    """Whether two contacts are the same person: equal, or the same email, or the same name.

    Args:
        a: A contact.
        b: Another.

    Returns:
        True when they are one person.
    """
    if a == b:
        return True
    if a.email and b.email and a.email.casefold() == b.email.casefold():
        return True
    return a.name.strip().casefold() == b.name.strip().casefold()


def is_interviewer(interview: Interview, person: Contact | None) -> bool:
    """Whether ``person`` was one of the interviewers (matched by value, email or name).

    Args:
        interview: The interview.
        person: Anyone, or None.

    Returns:
        True for an interviewer.
    """
    return person is not None and any(same_person(person, i) for i in people_met(interview))


def people_met(interview: Interview) -> tuple[Contact, ...]:
    """Who was in the conversation: the interviewers, else the recruiter alone.

    A screening call with the recruiter is an interview of its own: with no
    interviewers listed, the recruiter is the person met, thanked as one.

    Args:
        interview: The interview.

    Returns:
        The interviewers; else a one-person tuple of the recruiter; else empty.
    """
    if interview.interviewers:
        return interview.interviewers
    return (interview.recruiter,) if interview.recruiter is not None else ()


def promised_for(interview: Interview, person: Contact | None) -> str | None:
    """What the candidate promised to send ``person``, if anything.

    A contact's own ``promised`` goes to that contact. The interview's
    ``promised`` does not say to whom it was promised, so it goes to one
    person only: the main contact, the first interviewer (or the recruiter met
    alone, see `people_met`); sending "the paper I
    mentioned" to a whole panel reads as a mail merge, and tells the others of a
    promise they never heard.

    Args:
        interview: The interview.
        person: The recipient.

    Returns:
        The promised item as written, or None.
    """
    if person is None or not is_interviewer(interview, person):
        return None
    met = people_met(interview)
    own = next((i.promised for i in met if same_person(person, i) and i.promised), None)
    if own or person.promised:
        return own or person.promised
    if interview.promised and met and same_person(person, met[0]):
        return interview.promised
    return None


def moment_for(interview: Interview, person: Contact | None) -> str | None:
    """The ``moment`` the candidate wrote to ``person``, if any.

    A recruiter who also sat on the panel may be listed twice: their entry among
    the interviewers wins, then their ``[interview.recruiter]`` entry. The
    moment was written to this one person; no one else's draft carries it.

    Args:
        interview: The interview.
        person: The recipient.

    Returns:
        The sentence or two as written, or None.
    """
    if person is None:
        return None
    people = [*interview.interviewers, *([interview.recruiter] if interview.recruiter else [])]
    own = next((p.moment for p in people if p.moment and same_person(person, p)), None)
    return own or person.moment


def _prose_name(person: Contact) -> str:
    """A colleague named in prose: the full name, with a doctor's or professor's title ("Dr Orla Brady")."""
    try:
        parsed = parse_name(person.name, person.family_name)
    except ValueError:
        return person.name
    parsed = with_honorific(parsed, person.honorific)
    full = parsed.full
    # Someone who goes by a later given name ("Luis Fernando Castañeda", greeting "Fernando")
    # is named by it: "Fernando Castañeda" (drafts round 9).
    given = full.split()
    if (
        person.greeting
        and parsed.family
        and not parsed.family_first
        and not parsed.whole
        and person.greeting in given[1:]
        and person.greeting not in parsed.family.split()
    ):
        full = f"{person.greeting} {parsed.family}"
    if parsed.keeps_title and parsed.title:
        # Written out as a greeting would ("Professor Matthias Hartmann", never "Prof Matthias").
        return f"{ENGLISH_TITLES.get(parsed.title.rstrip('.'), parsed.title)} {full}"
    return full or person.name


def _names(people: list[str]) -> str | None:
    if not people:
        return None
    if len(people) == 1:
        return people[0]
    return ", ".join(people[:-1]) + " and " + people[-1]


def is_chair(interview: Interview, person: Contact | None) -> bool:
    """Whether ``person`` chaired a panel: an interviewer of several whose title says "Chair".

    Args:
        interview: The interview.
        person: The recipient.

    Returns:
        True for the chair of a panel of two or more.
    """
    if person is None or len(interview.interviewers) < 2:
        return False
    met = next((i for i in interview.interviewers if same_person(person, i)), None)
    title = (met.title if met is not None else None) or person.title or ""
    return bool(_CHAIR_TITLE.search(title))


def recipient_role(interview: Interview, person: Contact | None) -> str:
    """`INTERVIEWER` for someone who was in the conversation, else `ORGANISER`.

    The interviewer who chaired a panel (see `is_chair`) is `CHAIR`: thanked for
    chairing, otherwise written to as an interviewer. The recruiter who also sat
    on a panel of two or more is `HOST`: thanked for organising as well as for the
    conversation, and told the decision date is noted. The recruiter met alone, in a
    screening call with no interviewers listed, is `SCREENER`: written to as an
    interviewer, and told the decision date is noted.

    Args:
        interview: The interview.
        person: The recipient.

    Returns:
        The role whose frames a draft to them uses.
    """
    if not is_interviewer(interview, person):
        return ORGANISER
    if not interview.interviewers:
        return SCREENER
    if is_chair(interview, person):
        return CHAIR
    recruiter = interview.recruiter
    if (
        person is not None
        and recruiter is not None
        and len(interview.interviewers) > 1
        and same_person(person, recruiter)
    ):
        return HOST
    return INTERVIEWER


def recipient_region(interview: Interview, person: Contact | Candidate | None) -> str | None:
    """The country the recipient works in, for wording that differs by country.

    Their own holidays' country when the file gives one, else the country of
    their zone (the interview's, unless they have their own): "Europe/London"
    is "GB", "America/Chicago" "US".

    Args:
        interview: The interview.
        person: The recipient.

    Returns:
        A country code, or None when the zone names no single country ("UTC").
    """
    if person is not None and person.holidays is not None and person.holidays.country_code:
        return person.holidays.country_code
    from followup._holidays import _GENERIC_ZONES, _zone_countries, _zone_links

    zone = interview.zone_of(person)
    seen: set[str] = set()
    while zone not in seen and zone not in _GENERIC_ZONES and not zone.startswith("Etc/"):
        seen.add(zone)
        code = _zone_countries().get(zone)
        if code is not None:
            return code
        zone = _zone_links().get(zone, zone)
    return None


def _clean_topic(topic: str) -> str:
    text = " ".join(topic.split()).rstrip(".;:!? ")
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An") and rest:
        text = f"{first.lower()} {rest}"
    if first.casefold() in _CLAUSE_STARTS and rest and first[:1].isalpha():
        # A quoted remark ("we can't afford downtime") reads as what was said, not as a thing.
        text = f"“{text}”"
    return text


_TO_YOU_VERBS = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
}
_MODALS = frozenset(
    [
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "won't",
        "can't",
        "couldn't",
        "wouldn't",
        "shouldn't",
        "also",
        "still",
        "just",
        "really",
        "only",
        "never",
        "always",
    ]
)
_PARTICIPLES = frozenset(
    [
        "been",
        "built",
        "done",
        "made",
        "seen",
        "taken",
        "written",
        "led",
        "run",
        "grown",
        "begun",
        "set",
    ]
)
# After these, "her" is the object ("asked her about"), not the possessive ("her team").
_NOT_NOUN_STARTS = frozenset(
    [
        "about",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "so",
        "than",
        "that",
        "the",
        "to",
        "with",
    ]
)
_WORD = re.compile(r"[A-Za-z']+")


def _verb_for_you(verb: str) -> str:
    lower = verb.casefold()
    if lower in _TO_YOU_VERBS:
        return _TO_YOU_VERBS[lower]
    if lower in _MODALS or not lower.isalpha() or len(lower) < 3 or lower.endswith("ss"):
        return verb
    if lower.endswith("ies") and len(lower) > 4:
        return verb[:-3] + "y"
    if lower.endswith(("shes", "ches", "xes", "zes", "sses", "oes")):
        return verb[:-2]
    if lower.endswith("s") and not lower.endswith(("us", "is")):
        return verb[:-1]
    return verb


def _to_you(topic: str) -> str:
    """A person's own topic, written about them ("the repository she wants to build"),
    as said to them ("the repository you want to build")."""
    words = _WORD.findall(topic)
    if not any(
        w.casefold() in {"she", "he", "her", "his", "him", "she's", "he's", "herself", "himself"}
        for w in words
    ):
        return topic
    out: list[str] = []
    pos = 0
    matches = list(_WORD.finditer(topic))
    for i, m in enumerate(matches):
        word = m.group()
        lower = word.casefold()
        following = matches[i + 1].group() if i + 1 < len(matches) else ""
        new = word
        if lower in ("she", "he"):
            new = "you"
        elif lower in ("she's", "he's"):
            nxt = following.casefold()
            new = "you've" if nxt.endswith("ed") or nxt in _PARTICIPLES else "you're"
        elif lower == "his":
            new = "your"
        elif lower == "him":
            new = "you"
        elif lower in ("herself", "himself"):
            new = "yourself"
        elif lower == "her":
            adjacent = topic[m.end() : m.end() + 1] == " "
            new = (
                "your"
                if adjacent and following and following.casefold() not in _NOT_NOUN_STARTS
                else "you"
            )
        elif i > 0 and matches[i - 1].group().casefold() in ("she", "he"):
            new = _verb_for_you(word)
        if new != word and word[:1].isupper():
            new = new[:1].upper() + new[1:]
        out.append(topic[pos : m.start()] + new)
        pos = m.end()
    out.append(topic[pos:])
    return "".join(out)


def recipient_topics(
    interview: Interview, person: Contact | None, kind: str = "thank-you"
) -> tuple[str, ...]:
    """What a draft to ``person`` may recall, in the order this kind uses them.

    An interviewer's own topics, else the interview-wide ones; nothing for
    someone who was not in the conversation.

    Args:
        interview: The interview.
        person: The recipient.
        kind: The message kind: later messages lead with another topic than the thank-you.

    Returns:
        The topics, cleaned for prose; empty for an organiser.
    """
    if person is None or not is_interviewer(interview, person):
        return ()
    own = next((i.topics for i in people_met(interview) if same_person(person, i) and i.topics), ())
    # Their own topics, written about them in the file, are said to them in the draft.
    topics = tuple(
        dict.fromkeys(_clean_topic(_to_you(t) if own else t) for t in (own or interview.topics))
    )
    if not topics:
        return ()
    start = _TOPIC_OFFSET.get(kind, 0) % len(topics)
    return topics[start:] + topics[:start]


_STOP_WORDS = frozenset(
    ["a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "over", "about", "our", "my", "your", "their", "his", "her", "its", "is", "are", "was", "were", "be", "been", "have", "has", "had", "that", "this", "these", "those", "which", "who", "we", "i", "you", "they", "it", "as", "or", "but", "not", "now", "also", "than", "then", "there", "here", "what", "when", "where", "how"]
)


def _stems(text: str) -> set[str]:
    """Content words, crudely stemmed ("models" and "model" match; "sampling", "samples")."""
    out = set()
    for word in re.findall(r"[^\W\d_]+", text.casefold()):
        if word in _STOP_WORDS or len(word) < 3:
            continue
        stem = word
        for end in ("ing", "es", "er", "s", "ed"):
            if word.endswith(end) and len(word) - len(end) >= 4:
                stem = word[: -len(end)]
                break
        out.add(stem)
    return out


def highlights_for(interview: Interview, person: Contact | None) -> bool:
    """Whether the candidate's ``highlights`` go in the thank-you to ``person``.

    Once per interview: a panel hearing the same paragraph in every note reads it
    as a mail merge. It goes to the interviewer whose conversation it bears on
    most (the most words shared with their topics), preferring one who is not
    also getting something promised, then the first in the file.

    Args:
        interview: The interview.
        person: The recipient.

    Returns:
        True for the one interviewer whose thank-you carries the highlights.
    """
    if not interview.highlights or not is_interviewer(interview, person):
        return False
    met = people_met(interview)
    # Words of the role, company or stage ("research" for a UX Researcher) say nothing about
    # which conversation the highlights bear on.
    generic = _job_stems(interview)
    mine = _stems(interview.highlights) - generic

    def score(contact: Contact) -> tuple[int, bool, int]:
        # Their topics, not what was promised them: a member who gets the promised paper
        # already has something of their own, so the specifics spread over the panel.
        return (
            len(mine & _stems(" ".join(contact.topics))),
            not (contact.promised or (interview.promised and contact is met[0])),
            -met.index(contact),
        )

    best = max(met, key=score)
    return person is not None and same_person(person, best)


# Words any conversation about a job shares: a moment and a topic that share only these
# are about different things.
_GENERIC_STEMS = frozenset(
    {"team", "role", "work", "job", "company", "interview", "conversation", "talk", "discussion"}
    | {"time", "question", "point"}
)


def _job_stems(interview: Interview) -> set[str]:
    """The stems of the role, the company and the stage: words that say nothing about which
    conversation a line bears on ("research" for a UX Researcher)."""
    return _stems(" ".join((interview.role, interview.company, interview.stage or "")))


def _not_in(topics: tuple[str, ...], moment: str, interview: Interview) -> tuple[str, ...]:
    """The topics the candidate's moment does not already name (no content word in common,
    beyond the role's, the company's and any job conversation's)."""
    generic = _GENERIC_STEMS | _job_stems(interview)
    said = _stems(moment) - generic
    return tuple(t for t in topics if not (_stems(t) - generic) & said)


def _echoes(highlights: str, recalled: tuple[str, ...], interview: Interview) -> bool:
    """Whether ``highlights`` share two or more content words with what the note recalls."""
    generic = _GENERIC_STEMS | _job_stems(interview)
    return len((_stems(highlights) - generic) & _stems(" ".join(recalled))) >= 2


def _stable(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def variation(
    interview: Interview, person: Contact | None, step: str, kind: str
) -> tuple[str, int]:
    """The seed and rank that choose a draft's frames: stable, never random.

    The interviewers of one panel share a seed and take ranks in an order fixed
    by a hash of each one's name, so their notes differ in every slot; anyone
    else gets a seed of their own.

    Args:
        interview: The interview (its key varies drafts between interviews).
        person: The recipient.
        step: The step's id.
        kind: The message kind.

    Returns:
        ``(seed, rank)`` for [`followup.render.render`][followup.render.render].
    """
    # Kinds of one family (a reply with and without its question) share their choices.
    seed = f"{interview.key}/{step}/{language().family(kind)}"
    if person is not None and is_interviewer(interview, person):
        order = sorted(people_met(interview), key=lambda c: (_stable(f"{seed}/{c.name}"), c.name))
        rank = next(i for i, c in enumerate(order) if same_person(person, c))
        return seed, rank
    return f"{seed}/{person.name if person else ''}", 0


SENTENCE_ENDS = '.!?…”")'
"""The characters a line may end with and still read as a finished sentence."""


def sentence(text: str | None, *, capital: bool = False, ends: str = SENTENCE_ENDS) -> str | None:
    """A line the candidate (or the company) wrote, as a sentence of a draft.

    Runs of white space become one space, and a full stop is added unless the line
    already ends with one of ``ends``.

    Args:
        text: The line as written.
        capital: Whether the first letter is made a capital.
        ends: The endings that need no full stop after them.

    Returns:
        The sentence, or None when ``text`` is None or blank.
    """
    if text is None or not text.strip():
        return None
    text = " ".join(text.split())
    if capital:
        text = text[:1].upper() + text[1:]
    return text if text[-1] in ends else text + "."


# "the paper I mentioned" names the thing without its last clause in a subject line.
_PROMISE_TAIL = re.compile(
    r"[,;]?\s+(?:that\s+|which\s+)?(?:I|we)\s+(?:mentioned|discussed|promised(?:\s+you)?|talked about|"
    r"spoke about|said I(?:'d| would) send)(?:\s+(?:earlier|today|yesterday))?$|[,;]?\s+as promised$",
    re.IGNORECASE,
)


_LINK = re.compile(r"\b(?:links?|urls?|web ?page)\b|https?://|www\.", re.IGNORECASE)
_SAYS_PROMISED = re.compile(r"\bpromised\b|\bsaid I(?:'d|’d| would)\b|\bas I said\b", re.IGNORECASE)


def _promised_item(promised: str) -> str:
    """What was promised, as a subject names it: "the paper on X I mentioned" → "the paper on X"."""
    text = " ".join(promised.split()).rstrip(".")
    short = _PROMISE_TAIL.sub("", text).strip()
    return short if len(short.split()) >= 2 else text


# A one-word title that names its team after a comma ("Director, Customer Deployments"): in a
# sentence it reads "Director of Customer Deployments".
_HEAD_OF = frozenset({"director", "head", "manager", "chief", "vp"})


def _prose_role(role: str, company: str = "") -> str:
    """The role as a sentence names it: its shortest form of two words or more
    ("Registrar" for "Registrar, Collections and Loans" only if it says enough); a one-word
    title with its team after a comma reads "Director of Customer Deployments", without the
    location after a further comma ("…, Central & Eastern Europe"). A role whose later part
    names a company of the group ("Chief Executive Officer - Saudi Arabia, Al Safwa Foods"
    at "Al Safwa Holding") is kept whole: without it, the role reads as the holding's."""
    forms = role_forms(role)
    dropped = role.removeprefix(forms[-1])
    group = {w for w in re.findall(r"[^\W\d_]{3,}", company) if w[:1].isupper()}
    if group & set(re.findall(r"[^\W\d_]{3,}", dropped)):
        return " ".join(role.split())
    usable = [f for f in forms if len(f.split()) >= 2]
    chosen = usable[-1] if usable else forms[0]
    head, _, rest = chosen.partition(", ")
    team = rest.split(", ")[0].strip()
    if head.casefold() in _HEAD_OF and team:
        return f"{head} of {team}"
    return chosen


def draft_facts(
    interview: Interview,
    person: Contact | None,
    *,
    kind: str = "thank-you",
    sent: date | datetime | None = None,
    about: Contact | None = None,
    language_code: str = DEFAULT_LANGUAGE,
) -> dict[str, str | None]:
    """The facts a template may use for one draft to one person.

    Args:
        interview: The interview.
        person: The recipient (None for the candidate's own task).
        kind: The message kind: which topics lead, and whether the candidate's
            own material (``highlights``, ``promised``, the recipient's ``moment``)
            goes in.
        sent: When the message goes out; a date in another year than the
            interview's gets its year written.
        about: The person a message is about, when it is not the recipient
            (thanks passed on through the recruiter).
        language_code: The language of dates and titles.

    Returns:
        Placeholder values (``None`` where a fact is unknown); see
        [`followup.render.PLACEHOLDERS`][followup.render.PLACEHOLDERS].
    """
    en = language(language_code)
    i = interview
    c = i.candidate
    start = i.start.astimezone(i.zone)
    year = sent.year if sent is not None else start.year

    def day(d: date, style: str) -> str:
        return en.date(d, style if d.year == year else f"{style}_year")

    def month(d: date) -> str:
        # A month within the last twelve is placed without its year ("in October", sent
        # the next January); only an older one needs it.
        ago = (year - d.year) * 12 + ((sent.month if sent is not None else d.month) - d.month)
        return en.date(d, "month" if 0 <= ago < 12 else "month_year")

    # How the recipient is greeted, by the custom of the country they work in (or their own
    # `greeting`): "Dear Ms Choi" in every tone in Seoul, "Hi Jane" in a warm note in Ohio.
    named = person.address(recipient_region(i, person)) if person is not None else None
    # Thanks passed on through the recruiter recall the interviewer's conversation, named.
    topics = recipient_topics(i, about or person, kind)
    # What the candidate wrote to this person about their conversation, as written; a
    # topic it already names is not recalled again beside it.
    first_check = kind == "status-check" and not is_interviewer(i, person)
    moment = (
        sentence(moment_for(i, person))
        if (kind in _MOMENT_KINDS or first_check) and about is None
        else None
    )
    if moment and kind == "thank-you":
        topics = _not_in(topics, moment, i)
    promised = promised_for(i, person) if kind in _PROMISED_KINDS else None
    promised_text = " ".join(promised.split()).rstrip(".") if promised else None
    highlights = i.highlights if kind in _OWN_MATERIAL_KINDS and highlights_for(i, person) else None
    # Highlights that go over what the note would recall say it better, in the candidate's
    # own words: the topic they echo is not recalled as well (drafts round 9).
    echo = bool(highlights) and _echoes(highlights or "", (*topics[:2], moment or ""), i)
    if echo and highlights:
        topics = tuple(t for t in topics if not _echoes(highlights, (t,), i))
    # Whom the candidate met, for someone who was not there: "Orla, Farhan and María".
    organiser = person is not None and not is_interviewer(i, person)
    # Full names for two people at most, given names for three at most: a longer roll call
    # ("Prof. Henrike Albers, Dr. Jonas Weidner, Selin Arslan and Thomas Reuter") reads as
    # a mail merge, and "the panel" says it.
    panel = [_prose_name(p) for p in i.interviewers] if organiser else []
    # Each named as a greeting to them would name them: "Ms Choi", "Park Ji-hoon", "Dr Brady".
    panel_first = (
        [p.address(recipient_region(i, p)).prose for p in i.interviewers] if organiser else []
    )
    panel = panel if len(panel) <= 2 else []
    panel_first = panel_first if len(panel_first) <= 3 else []
    about_name = parse_name(about.name, about.family_name) if about is not None else None
    signature = c.signature or "\n".join(x for x in (signed_name(c.name), c.phone) if x)
    facts: dict[str, str | None] = {
        "first_name": named.first if named else None,
        "formal_name": named.formal if named else None,
        "titled_name": named.titled if named else None,
        "courtesy_name": named.courtesy if named else None,
        "name": person.name if person else None,
        # The company as its people speak of it ("the museum", "Ironbark"), and the role by
        # its name without the team or location after a comma or in brackets: the full
        # "Registrar, Collections and Loans" in a sentence reads as a form field.
        "company": company_spoken_name(i.company),
        "company_name": i.company,
        "role": _prose_role(i.role, i.company),
        "topic": topics[0] if topics else None,
        "topic2": topics[1] if len(topics) > 1 else None,
        # The stage is the candidate's label ("onsite, second round"), not something a
        # person writes in a sentence: the built-in phrases say "our conversation", "the
        # interview". It stays a fact for the user's own templates.
        "stage": i.stage,
        "panel_names": _names(panel),
        "panel_first_names": _names(panel_first),
        # Present only when more than one person interviewed: "you and the panel" is a
        # fact then, and an invention with one interviewer.
        "panel": "the panel" if len(i.interviewers) > 1 else None,
        "candidate": signed_name(c.name),
        "candidate_first_name": parse_name(c.name).informal(),
        "signature": signature,
        "highlights": sentence(highlights),
        # The highlights go over what the note would recall ("my payment retry work" and "I
        # owned the payment retry service"): "As I mentioned, ..." in the recall's place.
        "highlights_echo": "yes" if echo else None,
        "moment": moment,
        "promised": promised_text,
        "promised_item": _promised_item(promised) if promised else None,
        # A link is shared, not attached; an item whose own words say it was promised is
        # not "as promised" again.
        "promised_link": promised_text if promised_text and _LINK.search(promised_text) else None,
        "promised_said": promised_text if promised_text and _SAYS_PROMISED.search(promised_text) else None,
        "decision_date": None if i.decision_expected is None else day(i.decision_expected, "long"),
        # Another offer to answer, named in a status check sent on or before its date.
        "other_offer_date": day(i.other_offer_by, "long")
        if kind in _STATUS_KINDS and i.other_offer_by is not None and (sent is None or _day_of(sent) <= i.other_offer_by)
        else None,
        "interview_day": day(start.date(), "long"),
        "interview_date": day(start.date(), "day_month"),
        "interview_month": month(start.date()),
        "previous_date": None,
        "previous_subject": None,
        "about_name": about_name.full if about_name else None,
        "about_first_name": about.address(recipient_region(i, about)).prose
        if about is not None
        else None,
        "update": sentence(i.news) if kind in _NEWS_KINDS and i.news else None,
        "careers_url": i.careers_url,
    }
    if _british_usage(i, person):
        for key in _NAME_FACTS:
            value = facts.get(key)
            if value:
                facts[key] = _undotted(value)
    return facts


# Where titles are written without a full stop ("Dr Byrne", "Mr MacLeod"): Britain, Ireland,
# Australia and New Zealand (blind judges read "Dr. Byrne" in an NHS note as American).
_UNDOTTED_REGIONS = frozenset({"GB", "IE", "AU", "NZ"})
_NAME_FACTS = (
    "first_name", "formal_name", "titled_name", "courtesy_name", "panel_names", "panel_first_names",
    "about_name", "about_first_name",
)  # fmt: skip


def _british_usage(interview: Interview, person: Contact | None) -> bool:
    """Whether the recipient or the candidate writes titles the British way ("Dr", "Ms")."""
    return (
        recipient_region(interview, person) in _UNDOTTED_REGIONS
        or recipient_region(interview, interview.candidate) in _UNDOTTED_REGIONS
    )


def _undotted(text: str) -> str:
    """Names with the title's full stop dropped: "Dr. Byrne" → "Dr Byrne"."""
    return re.sub(r"(?<!\w)(Dr|Dra|Prof|Mr|Mrs|Ms|Mx|Revd|Rev|St)\.(?=\s)", r"\1", text)
