"""Message templates and the pure engine that renders them from a dict of facts.

A template is plain text with ``{placeholder}`` fields and optional sections:

- ``{first_name}`` is replaced by the fact's value, taken literally (braces or
  brackets inside a value are never interpreted).
- ``[...]`` is kept only when every placeholder inside it has a value.
- ``[A|B]`` gives ``A`` when all of ``A``'s placeholders have values, otherwise
  ``B``; more alternatives may follow (``[A|B|C]``) and the last may be empty.
  Sections do not nest.
- ``[[``, ``]]``, ``{{`` and ``}}`` stand for literal ``[``, ``]``, ``{`` and ``}``.

A placeholder outside any section is required by that template. Lines that
become empty only because optional facts were missing are removed, trailing
spaces are stripped and runs of blank lines collapse to one, so a missing fact
never leaves "Dear None", "about ." or a hole in the text.

Template files are named ``<kind>.<tone>.<channel>.txt``. Email templates start
with a ``Subject: ...`` line and a blank line; LinkedIn connection notes hold
several variants, longest first, separated by a line ``---``, and the first
variant whose rendered length fits the limit is chosen.

Slots. A placeholder named in `SLOTS` (``{greeting}``, ``{thanks}``,
``{recall}``, ...) is not a fact but a sentence: [`render`][followup.render.render] fills it with
one of several *frames* from the language's phrase file (see
`followup.lang`), written for the kind, the tone and the recipient's role.
Frames use the same syntax as templates. Which frame a draft gets is decided
by a stable hash of ``seed`` (the step and recipient), never at random, and
``rank`` shifts the choice so that the members of one panel each get a
different frame in every slot. The same facts always give the same bytes.

Subjects stay within `SUBJECT_LIMIT` characters: a subject that is too
long is rendered again with the role's shorter forms
([`followup.names.role_forms`][followup.names.role_forms]), then without the role; words are never
cut.

Example:
    >>> msg = render("thank-you", {"first_name": "Jane", "company": "Acme Corp",
    ...     "role": "Data Engineer", "candidate": "Sam Rivera", "signature": "Sam Rivera"})
    >>> msg.body.splitlines()[0]
    'Hi Jane,'
"""

from __future__ import annotations

import difflib
import functools
import importlib.resources
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from followup import channels
from followup.errors import TemplateError, ValidationError
from followup.names import role_forms

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "REQUIRED_FACTS",
    "SLOTS",
    "SUBJECT_LIMIT",
    "TONES",
    "RenderedMessage",
    "Template",
    "TemplateSet",
    "fill_slots",
    "literal",
    "render",
]

#: Every placeholder a template may use.
PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "first_name",
        "formal_name",
        "titled_name",
        "courtesy_name",
        "name",
        "company",
        "company_name",
        "role",
        "topic",
        "topic2",
        "stage",
        "panel",
        "panel_names",
        "panel_first_names",
        "candidate",
        "candidate_first_name",
        "signature",
        "highlights",
        "highlights_echo",
        "moment",
        "promised",
        "promised_item",
        "promised_link",
        "promised_said",
        "decision_date",
        "other_offer_date",
        "interview_day",
        "interview_date",
        "interview_month",
        "decided_month",
        "last_contact_month",
        "previous_date",
        "previous_subject",
        "about_name",
        "about_first_name",
        "update",
        "careers_url",
        "deadline",
        "reason",
        "reason_clause",
        "start_date",
        "note",
        "open_to",
        "relayed",
    }
)
"""Every fact a template may use. ``first_name`` is the name for a warm greeting
("Ingrid"), ``formal_name`` the one for a formal greeting ("Dr. Müller", or
"Orla" without a title), ``titled_name`` the name of someone whose title is kept
in every tone ("Dr. Müller"; missing for anyone else), ``courtesy_name`` the
name every tone greets with "Dear" when the recipient's culture or honorific
asks for it ("Ms Choi" in Seoul, "Ibu Wulandari"; missing otherwise);
``company`` is the name used in prose (legal suffix dropped) and
``company_name`` the exact one; ``topic`` and ``topic2`` are what was discussed
with this recipient; ``highlights_echo`` is there when the candidate's
``highlights`` go over the topic or moment the note recalls; dates carry day and
month ("Tuesday 17 November"); ``other_offer_date`` is the day by which the
candidate must answer another offer (the interview's ``other_offer_by``), in a
status check sent on or before it; ``deadline`` is an offer's ``respond_by`` and
``reason`` the line the candidate gave for a decline or a withdrawal (for a
rejection, the reason the company gave), written as a sentence, and
``reason_clause`` the company's reason when it reads after "I understand that"
("they chose a candidate with more audit experience"); ``start_date`` the start
date agreed with an offer ("Monday 4 January"), ``note`` the sentence or two of your own the reply to a
decision includes as written, and ``open_to`` what you would welcome hearing about
later ("a Nairobi-based post"); ``relayed`` is there (its text is never shown) when
that ``note`` already passes thanks on or names someone the candidate met, so that no
frame passes them on again; ``panel_names`` and
``panel_first_names`` are the interviewers ("Orla Brady and Farhan Qureshi",
"Orla and Farhan") for a recruiter who was not in the conversation; ``panel``
("the panel") is there only when more than one person interviewed;
``decided_month`` is the month you declined an offer or withdrew ("July"),
left out when it is the month of the interview; ``last_contact_month`` the month
you were last in touch with the recipient after the interview, from the history
("February"); ``promised_item`` what you promised without "I mentioned" after it,
for a subject ("the paper on sensor calibration"), and ``promised_link`` and
``promised_said`` the same when it is a link (shared, not attached) or when its
own words say you promised it ("the notes I promised"); ``moment`` the sentence or two
you wrote to this recipient about your conversation, as written (thank-you,
connection note, and a recruiter's first status check)."""

#: Sentence slots a template may use; `render` fills each with a frame from
#: the phrase file (``followup/phrases/<language>.toml``).
SLOTS: frozenset[str] = frozenset(
    {
        "greeting",
        "sign_off",
        "subject",
        "thanks",
        "recall",
        "recall_more",
        "fit",
        "promise",
        "interest",
        "close",
        "ask",
        "patience",
        "again",
        "easy_out",
        "door",
        "reconnect",
        "relay",
        "note_thanks",
        "note_recall",
        "note_close",
        "receipt",
        "paperwork",
        "deadline_line",
        "decision",
        "because",
        "next_steps",
        "welcome",
        "later",
    }
)

#: The longest subject line of an email, in characters (the email channel's
#: ``subject_limit``); longer ones are shortened by the role's shorter forms,
#: never by cutting a word.
SUBJECT_LIMIT: int = channels.EMAIL.subject_limit or 60

#: Facts that `render` always requires, whatever the template uses.
REQUIRED_FACTS: tuple[str, ...] = ("first_name", "company", "role", "candidate", "signature")

#: The built-in message kinds, in the order a plan uses them.
KINDS: tuple[str, ...] = (
    "thank-you",
    "pass-on-thanks",
    "status-check",
    "status-check-again",
    "rejection-reply",
    "rejection-thanks",
    "feedback-request",
    "linkedin-connect",
    "linkedin-connect-declined",
    "keep-in-touch",
    "keep-in-touch-declined",
    "keep-in-touch-withdrawn",
    "offer-reply",
    "offer-reply-written",
    "offer-decline",
    "offer-accept",
    "offer-welcome",
    "withdrawal",
)

#: The tones every built-in kind is written in.
TONES: tuple[str, ...] = ("formal", "warm", "brief")

_SUBJECT = re.compile(r"^subject:[ \t]*", re.IGNORECASE)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_KIND = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_VARIANT_SEPARATOR = re.compile(r"^---[ \t]*$", re.MULTILINE)
# Marks the place of an omitted section while rendering, so that lines left
# empty by a missing fact can be told apart from real paragraph breaks.
_GAP = "\x00"
_SPACES_AROUND_GAP = re.compile(r"(?<=\S)[ \t]+\x00+[ \t]+(?=\S)")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+\x00+(?=[.,;:!?)])")
_BLANK_RUN = re.compile(r"\n{3,}")


# ---------------------------------------------------------------------------
# Parsed form


@attrs.frozen
class _Text:
    text: str


@attrs.frozen
class _Field:
    name: str


@attrs.frozen
class _Section:
    alternatives: tuple[tuple[_Text | _Field, ...], ...]


_Node = _Text | _Field | _Section
_Part = _Text | _Field


def _suggest(name: str) -> str:
    close = difflib.get_close_matches(name, sorted(PLACEHOLDERS | SLOTS), n=1, cutoff=0.6)
    if close:
        return f"; did you mean {{{close[0]}}}?"
    return f"; valid placeholders: {', '.join(sorted(PLACEHOLDERS))}; slots: {', '.join(sorted(SLOTS))}"


def _parse(text: str, template: str) -> tuple[_Node, ...]:
    """Parse template text into nodes, raising ``TemplateError`` on any fault."""
    nodes: list[_Node] = []
    section: list[list[_Part]] | None = None
    section_start = 0
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            part = _Text("".join(buffer))
            buffer.clear()
            if section is None:
                nodes.append(part)
            else:
                section[-1].append(part)

    def where(index: int) -> str:
        line = text.count("\n", 0, index) + 1
        return f"line {line} of template {template!r}"

    i = 0
    length = len(text)
    while i < length:
        char = text[i]
        pair = text[i : i + 2]
        if pair in ("[[", "]]", "{{", "}}"):
            buffer.append(char)
            i += 2
        elif char == "{":
            end = text.find("}", i + 1)
            name = text[i + 1 : end] if end != -1 else ""
            if end == -1 or not _NAME.fullmatch(name):
                raise TemplateError(
                    f"unbalanced or malformed '{{' at {where(i)}; write {{{{ for a literal brace",
                    template=template,
                )
            if name not in PLACEHOLDERS and name not in SLOTS:
                raise TemplateError(
                    f"unknown placeholder {{{name}}} at {where(i)}{_suggest(name)}",
                    name=name,
                    template=template,
                )
            flush()
            if section is None:
                nodes.append(_Field(name))
            else:
                section[-1].append(_Field(name))
            i = end + 1
        elif char == "}":
            raise TemplateError(
                f"unbalanced '}}' at {where(i)}; write }}}} for a literal brace",
                template=template,
            )
        elif char == "[":
            if section is not None:
                raise TemplateError(
                    f"'[' inside an optional section at {where(i)}: sections do not nest "
                    "(use [A|B|C] for alternatives, or [[ for a literal bracket)",
                    template=template,
                )
            flush()
            section = [[]]
            section_start = i
            i += 1
        elif char == "]":
            if section is None:
                raise TemplateError(
                    f"unbalanced ']' at {where(i)}; write ]] for a literal bracket",
                    template=template,
                )
            flush()
            nodes.append(_Section(tuple(tuple(alt) for alt in section)))
            section = None
            i += 1
        elif char == "|" and section is not None:
            flush()
            section.append([])
            i += 1
        else:
            buffer.append(char)
            i += 1
    if section is not None:
        raise TemplateError(
            f"optional section opened at {where(section_start)} is never closed with ']'",
            template=template,
        )
    flush()
    return tuple(nodes)


def _fields(nodes: tuple[_Node, ...]) -> Iterator[tuple[str, bool]]:
    """Yield ``(placeholder, required)`` for every placeholder in ``nodes``."""
    for node in nodes:
        if isinstance(node, _Field):
            yield node.name, True
        elif isinstance(node, _Section):
            for alternative in node.alternatives:
                for part in alternative:
                    if isinstance(part, _Field):
                        yield part.name, False


def _present(value: str | None) -> bool:
    return value is not None and value.strip() != ""


def _text_after(out: list[str], text: str) -> str:
    # A value ending in a full stop ("Acme Inc.", "Sr.") followed by the template's own
    # full stop would read "Inc.."; one is enough.
    if text.startswith(".") and out and out[-1].endswith(".") and not out[-1].endswith(".."):
        return text[1:]
    return text


# The facts that are whole sentences of the candidate's (a subject or a name never changes case).
_SENTENCE_FACTS = frozenset({"highlights", "reason", "update", "note"})


def _words_of(language: str, name: str) -> frozenset[str]:
    """A word list of the language's phrase file (``[words]``; read on first use, kept)."""
    from followup.lang import language as _language

    return _language(language).words(name)


def _after_colon(value: str, language: str) -> str:
    """A sentence that follows a colon, continuing it: a capital opener in lower case.

    The openers are the phrase file's ``[words] openers``: words that open a sentence
    without being a name ("For the past three years"); a name or "I" keeps its capital.
    """
    first = value.split(" ", 1)[0]
    if first[:1].isupper() and first[1:2].islower() and first.casefold() in _words_of(language, "openers"):
        return value[:1].lower() + value[1:]
    return value


def _fill(nodes: tuple[_Node, ...], facts: Mapping[str, str], language: str) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, _Text):
            out.append(_text_after(out, node.text))
        elif isinstance(node, _Field):
            value = facts[node.name]
            after_colon = node.name in _SENTENCE_FACTS and out and out[-1].endswith((": ", ", "))
            out.append(_after_colon(value, language) if after_colon else value)
        else:
            for alternative in node.alternatives:
                if all(p.name in facts for p in alternative if isinstance(p, _Field)):
                    parts: list[str] = []
                    for p in alternative:
                        parts.append(
                            _text_after(out + parts, p.text)
                            if isinstance(p, _Text)
                            else facts[p.name]
                        )
                    text = "".join(parts)
                    out.append(text if text else _GAP)
                    break
            else:
                out.append(_GAP)
    return "".join(out)


def _tidy(text: str) -> str:
    """Remove what missing facts left behind; keep real paragraph breaks."""
    lines: list[str] = []
    for line in text.split("\n"):
        if _GAP in line:
            if not line.replace(_GAP, "").strip():
                continue  # the line held nothing but omitted sections
            tidied = _SPACES_AROUND_GAP.sub(" ", line)
            tidied = _SPACE_BEFORE_PUNCT.sub("", tidied)
            lines.append(tidied.replace(_GAP, "").rstrip())
        else:
            lines.append(line.rstrip())
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


# ---------------------------------------------------------------------------
# Public classes


@attrs.frozen(kw_only=True)
class RenderedMessage:
    """A rendered draft.

    Attributes:
        subject: The subject line, or ``None`` for channels without one.
        body: The message text, ready to send.
    """

    subject: str | None
    body: str


def _check_channel(channel: str, template: str | None = None) -> channels.Channel:
    """The channel a template is written for: a registered channel that carries messages."""
    try:
        found = channels.get(channel)
    except ValidationError:
        found = None
    if found is None or not found.message:
        raise TemplateError(
            f"unknown channel {channel!r}; choose one of: {', '.join(channels.message_channels())}",
            template=template,
        )
    return found


@attrs.frozen(kw_only=True)
class Template:
    """One parsed and validated message template.

    Building a ``Template`` validates it: an unknown placeholder, an unbalanced
    bracket or brace, or an empty variant raises [`TemplateError`][followup.render.TemplateError] at once,
    not when a message is rendered.

    Attributes:
        name: The template's name, ``<kind>.<tone>.<channel>`` or a path.
        subject: The subject line's template (email only), without ``Subject:``.
        variants: The body templates; one for email and LinkedIn messages,
            several for LinkedIn connection notes, longest first.
    """

    name: str
    subject: str | None = None
    variants: tuple[str, ...]
    _subject_nodes: tuple[_Node, ...] | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )
    _variant_nodes: tuple[tuple[_Node, ...], ...] = attrs.field(
        init=False, repr=False, eq=False, default=()
    )

    def __attrs_post_init__(self) -> None:
        if not self.variants:
            raise TemplateError(f"template {self.name!r} has no body", template=self.name)
        subject_nodes = None
        if self.subject is not None:
            if "\n" in self.subject or not self.subject.strip():
                raise TemplateError(
                    f"the subject of template {self.name!r} must be one non-empty line",
                    template=self.name,
                )
            subject_nodes = _parse(self.subject, self.name)
        variant_nodes = []
        for number, variant in enumerate(self.variants, start=1):
            if not variant.strip():
                raise TemplateError(
                    f"variant {number} of template {self.name!r} is empty", template=self.name
                )
            variant_nodes.append(_parse(variant, self.name))
        object.__setattr__(self, "_subject_nodes", subject_nodes)
        object.__setattr__(self, "_variant_nodes", tuple(variant_nodes))

    @classmethod
    def from_string(cls, text: str, *, name: str, channel: str) -> Template:
        """Parse and validate a template written in the file format.

        Args:
            text: The template text. For ``email``: a ``Subject: ...`` line, a
                blank line, then the body. For ``linkedin-note``: one or more
                variants separated by a line ``---``, longest first. For
                ``linkedin-message``: the body alone.
            name: The name used in error messages, e.g. ``thank-you.warm.email``.
            channel: A channel that carries messages (see [`followup.channels`][followup.channels]).

        Returns:
            The template.

        Raises:
            TemplateError: The channel is unknown, an email template has no
                subject line (or another channel has one), a placeholder is
                unknown (with a "did you mean" suggestion), or a bracket or
                brace is unbalanced.
        """
        spec = _check_channel(channel, name)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        first, _, rest = text.lstrip("\n").partition("\n")
        has_subject = _SUBJECT.match(first) is not None
        subject: str | None = None
        if spec.subject:
            if not has_subject:
                raise TemplateError(
                    f"{channel} template {name!r} must start with a 'Subject: ...' line",
                    template=name,
                )
            subject = _SUBJECT.sub("", first, count=1).strip()
            text = rest
        elif has_subject:
            raise TemplateError(
                f"{channel} template {name!r} cannot have a subject line", template=name
            )
        if spec.variants:
            variants: tuple[str, ...] = tuple(
                str(v).strip("\n") for v in _VARIANT_SEPARATOR.split(text)
            )
        else:
            variants = (text.strip("\n"),)
        return cls(name=name, subject=subject, variants=variants)

    @classmethod
    def from_file(cls, path: str | Path, *, channel: str | None = None) -> Template:
        """Read, parse and validate a template file.

        Args:
            path: A file such as ``thank-you.warm.email.txt`` (UTF-8).
            channel: The channel; inferred from the file name when omitted.

        Returns:
            The template, named after the file (without ``.txt``).

        Raises:
            TemplateError: The file cannot be read, its channel cannot be
                inferred, or the template is not valid.
        """
        path = Path(path)
        name = path.name.removesuffix(".txt")
        if channel is None:
            channel = name.rsplit(".", 1)[-1]
            if channel not in channels.message_channels():
                raise TemplateError(
                    f"cannot tell the channel of {str(path)!r} from its name; name it "
                    f"<kind>.<tone>.<channel>.txt with a channel among "
                    f"{', '.join(channels.message_channels())}, "
                    "or pass channel=",
                    template=str(path),
                )
        from followup._read import MAX_TEMPLATE_FILE, read_file

        try:
            text = read_file(path, limit=MAX_TEMPLATE_FILE, what="a template").decode("utf-8")
        except OSError as exc:
            raise TemplateError(
                f"cannot read template {str(path)!r}: {exc.strerror or exc}", template=str(path)
            ) from exc
        except UnicodeDecodeError as exc:
            raise TemplateError(
                f"cannot read template {str(path)!r}: {exc}", template=str(path)
            ) from exc
        return cls.from_string(text, name=name, channel=channel)

    @property
    def placeholders(self) -> frozenset[str]:
        """Every placeholder the template uses, in the subject or any variant."""
        return frozenset(name for name, _ in self._iter_fields())

    @property
    def required(self) -> frozenset[str]:
        """The placeholders used outside optional sections (they must have values)."""
        return frozenset(name for name, required in self._iter_fields() if required)

    def _iter_fields(self) -> Iterator[tuple[str, bool]]:
        if self._subject_nodes is not None:
            yield from _fields(self._subject_nodes)
        for nodes in self._variant_nodes:
            yield from _fields(nodes)

    def render(
        self,
        facts: Mapping[str, str | None],
        *,
        limit: int | None = None,
        subject_limit: int | None = SUBJECT_LIMIT,
        language: str = "en",
    ) -> RenderedMessage:
        """Render the template from facts.

        Args:
            facts: Placeholder and slot values; ``None``, empty and blank values
                count as missing. Keys that are neither are ignored.
            limit: The largest body length in characters; the first variant
                that fits is used.
            subject_limit: The longest subject; a longer one is rendered again
                with the role's shorter forms, then without the company and the
                role, and the first that fits is kept (words are never cut).
                ``None`` for no limit.
            language: The language whose phrase file's word lists decide the case of
                a sentence fact after a colon.

        Returns:
            The rendered message.

        Raises:
            TemplateError: A placeholder used outside optional sections has no
                value, or no variant fits ``limit``.
        """
        present = _clean(facts, self.name)
        for name, required in self._iter_fields():
            if required and name not in present:
                raise TemplateError(
                    f"template {self.name!r} needs the fact {{{name}}}, which is missing or empty",
                    name=name,
                    template=self.name,
                )
        subject = None
        if self._subject_nodes is not None:
            subject = _fit_line(self._subject_nodes, present, subject_limit, language)[0]
        lengths = []
        for nodes in self._variant_nodes:
            body = _tidy(_fill(nodes, present, language))
            if limit is None or len(body) <= limit:
                return RenderedMessage(subject=subject, body=body)
            lengths.append(len(body))
        raise TemplateError(
            f"no variant of template {self.name!r} fits the limit of {limit} characters "
            f"(the shortest renders to {min(lengths)}); shorten the facts or raise the limit",
            template=self.name,
        )

    def first_variant_fits(
        self, facts: Mapping[str, str | None], limit: int | None, *, language: str = "en"
    ) -> bool:
        """Whether the first (longest) variant renders within ``limit`` characters.

        Args:
            facts: The facts, as for [`render`][followup.render.render].
            limit: The limit; ``None`` always fits.
            language: The language, as for [`render`][followup.render.Template.render].

        Returns:
            False also when a required fact is missing.
        """
        if limit is None:
            return True
        present = _clean(facts, self.name)
        if any(required and name not in present for name, required in self._iter_fields()):
            return False
        return len(_tidy(_fill(self._variant_nodes[0], present, language))) <= limit

    def render_first_fit(
        self,
        versions: Sequence[Mapping[str, str | None]],
        *,
        limit: int,
        subject_limit: int | None = SUBJECT_LIMIT,
        language: str = "en",
    ) -> RenderedMessage:
        """Render the first variant that fits ``limit`` with any of the fact versions.

        Variants are tried in order (longest first) and, for each, the versions
        of the facts in order; so a shorter form of a fact is preferred to a
        shorter variant.

        Args:
            versions: Fact sets, the preferred first.
            limit: The largest body length in characters.
            subject_limit: The longest subject (see [`render`][followup.render.render]).
            language: The language, as for [`render`][followup.render.Template.render].

        Returns:
            The rendered message.

        Raises:
            TemplateError: A required fact is missing, or nothing fits.
        """
        cleaned = [_clean(v, self.name) for v in versions]
        usable = [p for p in cleaned if all(n in p for n, req in self._iter_fields() if req)]
        for nodes in self._variant_nodes:
            for present in usable:
                body = _tidy(_fill(nodes, present, language))
                if len(body) <= limit:
                    subject = None
                    if self._subject_nodes is not None:
                        subject = _fit_line(self._subject_nodes, present, subject_limit, language)[0]
                    return RenderedMessage(subject=subject, body=body)
        # Nothing fits, or a fact is missing: render the first version for its error.
        return self.render(
            usable[0] if usable else cleaned[0], limit=limit, subject_limit=subject_limit, language=language
        )


def _line(nodes: tuple[_Node, ...], facts: Mapping[str, str], language: str) -> str:
    return " ".join(_tidy(_fill(nodes, facts, language)).split())


def _shorter_facts(facts: Mapping[str, str], optional: Sequence[str]) -> Iterator[dict[str, str]]:
    """The facts again, shorter step by step: the role's shorter forms; then without
    the line's other optional facts; then without the company; then without the role."""
    role = facts.get("role")
    forms = role_forms(role) if role else ()
    current = dict(facts)
    for form in forms[1:]:
        yield {**current, "role": form}
    for name in [n for n in optional if n not in ("role", "company")] + ["company"]:
        if name not in current:
            continue
        current = {k: v for k, v in current.items() if k != name}
        yield current
        for form in forms[1:]:
            yield {**current, "role": form}
    yield {k: v for k, v in current.items() if k != "role"}


def _fit_line(
    nodes: tuple[_Node, ...], facts: Mapping[str, str], limit: int | None, language: str
) -> tuple[str, bool]:
    """One line (a subject) within ``limit`` characters if the facts allow: (line, fits)."""
    line = _line(nodes, facts, language)
    if limit is None or len(line) <= limit:
        return line, True
    best = line
    optional = list(dict.fromkeys(name for name, required in _fields(nodes) if not required))
    for shorter in _shorter_facts(facts, optional):
        try:
            text = _line(nodes, shorter, language)
        except KeyError:  # the line needs the fact outside an optional section
            continue
        if not text:  # a line the shorter facts leave empty is no subject at all
            continue
        if len(text) <= limit:
            return text, True
        if len(text) < len(best):
            best = text
    return best, False


def _clean(facts: Mapping[str, Any], template: str) -> dict[str, str]:
    """The facts that have values, stripped, with the internal marker removed."""
    present: dict[str, str] = {}
    for name, value in facts.items():
        if value is None or (name not in PLACEHOLDERS and name not in SLOTS):
            continue
        if not isinstance(value, str):
            raise TemplateError(
                f"the fact {{{name}}} must be text, not {type(value).__name__}",
                name=name,
                template=template,
            )
        text = value.replace(_GAP, "").strip()
        if _present(text):
            present[name] = text
    return present


_Key = tuple[str, str, str]


def _key_name(key: _Key) -> str:
    return ".".join(key)


@functools.cache
def _builtin_templates() -> Mapping[_Key, Template]:
    """Load the package's templates once (lazily, on first use)."""
    found: dict[_Key, Template] = {}
    folder = importlib.resources.files("followup").joinpath("templates")
    for entry in folder.iterdir():
        if not entry.name.endswith(".txt"):
            continue
        stem = entry.name.removesuffix(".txt")
        parts = tuple(stem.split("."))
        if len(parts) != 3:  # pragma: no cover - guarded by the tests
            raise TemplateError(f"bad built-in template name {entry.name!r}", template=stem)
        kind, tone, channel = parts
        text = entry.read_text(encoding="utf-8")
        found[(kind, tone, channel)] = Template.from_string(text, name=stem, channel=channel)
    return MappingProxyType(found)


def _check_key(kind: str, tone: str, channel: str) -> None:
    if not _KIND.fullmatch(kind):
        raise TemplateError(
            f"bad template kind {kind!r}: use lower-case words joined by '-', "
            f"like {', '.join(KINDS)}",
            template=f"{kind}.{tone}.{channel}",
        )
    if tone not in TONES:
        raise TemplateError(
            f"unknown tone {tone!r}; choose one of: {', '.join(TONES)}",
            template=f"{kind}.{tone}.{channel}",
        )
    _check_channel(channel, f"{kind}.{tone}.{channel}")


@attrs.frozen(kw_only=True)
class TemplateSet:
    """The templates available for rendering: the built-ins plus overrides.

    A ``TemplateSet`` is immutable; each ``with_*`` method returns a new set.

    Example:
        >>> ts = TemplateSet.builtin().with_template(
        ...     "thank-you", "brief", "email", "Subject: Thanks\\n\\nHi {first_name}.")
        >>> ts.get("thank-you", "brief", "email").subject
        'Thanks'
    """

    overrides: tuple[tuple[_Key, Template], ...] = ()

    @classmethod
    def builtin(cls) -> TemplateSet:
        """The templates shipped with the package."""
        return cls()

    def _all(self) -> dict[_Key, Template]:
        merged = dict(_builtin_templates())
        merged.update(self.overrides)
        return merged

    @property
    def keys(self) -> tuple[tuple[str, str, str], ...]:
        """Every ``(kind, tone, channel)`` available, sorted."""
        return tuple(sorted(self._all()))

    def with_template(
        self, kind: str, tone: str, channel: str, template: Template | str
    ) -> TemplateSet:
        """Add or replace one template.

        Args:
            kind: A built-in kind, or a new one for a custom step
                (lower-case words joined by ``-``).
            tone: One of `TONES`.
            channel: A channel that carries messages (see [`followup.channels`][followup.channels]).
            template: A [`Template`][followup.render.Template], or text in the file format.

        Returns:
            A new set.

        Raises:
            TemplateError: The tone, channel or kind is not valid, or the text
                is not a valid template.
        """
        _check_key(kind, tone, channel)
        key = (kind, tone, channel)
        if isinstance(template, str):
            template = Template.from_string(template, name=_key_name(key), channel=channel)
        kept = tuple((k, t) for k, t in self.overrides if k != key)
        overrides = (*kept, (key, template))
        return attrs.evolve(self, overrides=overrides)

    def with_directory(self, path: str | Path) -> TemplateSet:
        """Override built-in templates with the ``*.txt`` files of a directory.

        Args:
            path: A directory of files named like the built-ins, e.g.
                ``thank-you.warm.email.txt``. Other files are ignored.

        Returns:
            A new set.

        Raises:
            TemplateError: The directory cannot be read, a ``.txt`` file's name
                is not a built-in template's name (the message lists the valid
                names), or a file is not a valid template.
        """
        folder = Path(path)
        if not folder.is_dir():
            raise TemplateError(
                f"template directory {str(folder)!r} does not exist", template=str(folder)
            )
        known = _builtin_templates()
        result = self
        for file in sorted(folder.glob("*.txt")):
            stem = file.name.removesuffix(".txt")
            parts = tuple(stem.split("."))
            if len(parts) != 3 or parts not in known:
                valid = ", ".join(f"{_key_name(k)}.txt" for k in sorted(known))
                raise TemplateError(
                    f"{str(file)!r} does not name a built-in template; valid names: {valid}",
                    template=str(file),
                )
            kind, tone, channel = parts
            result = result.with_template(
                kind, tone, channel, Template.from_file(file, channel=channel)
            )
        return result

    def get(self, kind: str, tone: str, channel: str) -> Template:
        """The template for ``(kind, tone, channel)``.

        A kind with no template of its own for a channel without subject lines
        or variants (a LinkedIn message) uses the body of its email template.

        Raises:
            TemplateError: There is none; the message lists what is available.
        """
        templates = self._all()
        found = templates.get((kind, tone, channel))
        if found is not None:
            return found
        email = templates.get((kind, tone, "email"))
        spec = _check_channel(channel, f"{kind}.{tone}.{channel}")
        if email is not None and not spec.subject and not spec.variants:
            return Template(name=f"{kind}.{tone}.{channel}", variants=email.variants)
        name = f"{kind}.{tone}.{channel}"
        kinds = sorted({k for k, _, _ in templates})
        if kind not in kinds:
            message = f"unknown message kind {kind!r}; choose one of: {', '.join(kinds)}"
        else:
            options = sorted(_key_name(k) for k in templates if k[0] == kind)
            message = f"no template {name!r}; available for {kind!r}: {', '.join(options)}"
        raise TemplateError(message, template=name)


def _stable(text: str) -> int:
    """A hash that is the same in every run and on every machine (``hash()`` is salted)."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


# A frame may start with the facts it needs beyond its own placeholders, in angle
# brackets: "<topic> That discussion has strengthened my interest in {company}." refers
# back to the topic another slot named, and is used only when there is one; "!fact"
# means the fact must be missing ("<topic, !highlights>": said only when no other
# sentence ties the candidate to the topic); "a|b" that one of them is there
# ("<topic|moment>": some sentence recalled the conversation).
_NEEDS = re.compile(r"^<(!?[a-z0-9_|]+(?:,[ ]?!?[a-z0-9_|]+)*)>[ ]")


def _frame_needs(text: str) -> tuple[frozenset[str], str]:
    """A phrase-file frame split into the facts it declares it needs and its template text.

    Args:
        text: The frame as written, such as ``"<topic> That discussion stayed with me."``.

    Returns:
        ``(needs, text)``: the declared facts (empty when none; a fact that must
        be missing is written ``"!fact"``, one of several ``"topic|moment"``) and
        the rest.

    Example:
        >>> _frame_needs("<topic> It stayed with me.")
        (frozenset({'topic'}), 'It stayed with me.')
    """
    match = _NEEDS.match(text)
    if match is None:
        return frozenset(), text
    return frozenset(n.strip() for n in match.group(1).split(",")), text[match.end() :]


@functools.cache
def _frame(text: str, name: str) -> tuple[Template, frozenset[str]]:
    needs, body = _frame_needs(text)
    template = Template(name=name, variants=(body,))
    return template, template.required | needs


def _frames(
    kind: str, slot: str, tone: str, role: str | None, language: str, region: str | None = None
) -> tuple[tuple[Template, frozenset[str]], ...]:
    from followup.lang import language as _language

    texts = _language(language).frames(kind, slot, tone, role, region)
    return tuple(
        _frame(text, f"phrases/{language}.toml: {kind}.{slot}.{tone}[{i}]")
        for i, text in enumerate(texts)
    )


def _choose(
    frames: Sequence[Template], seed: str, slot: str, rank: int, panel: int = 1
) -> list[Template]:
    """The frames in the order this draft tries them: a stable start, shifted by ``rank``.

    For one of a panel of ``panel`` people, a member whose first frame repeats
    their own note moves first to a frame no other member starts with, rather
    than onto the next member's.
    """
    if not frames:
        return []
    n = len(frames)
    base = _stable(f"{seed}/{slot}")
    start = (base + rank) % n
    if panel <= 1:
        return [*frames[start:], *frames[:start]]
    # Each member owns the frame it starts with; after its own, it tries the frames no member
    # owns (each member from a different one), then the other members' frames.
    owned, free = _owned_and_free(n, base, panel)
    if free:
        shift = rank % len(free)
        free = free[shift:] + free[:shift]
    others = [(start + k) % n for k in range(1, n) if (start + k) % n in owned]
    return [frames[i] for i in (start, *free, *others)]


def _owned_and_free(n: int, base: int, panel: int) -> tuple[set[int], list[int]]:
    """Of ``n`` frames, those a panel's members start with (owned) and the rest (free)."""
    owned = {(base + r) % n for r in range(min(panel, n))}
    return owned, [i for i in range(n) if i not in owned]


def _share(
    frames: Sequence[Template], seed: str, slot: str, rank: int, panel: int = 1
) -> tuple[list[Template], list[Template]]:
    """The frames one member of a panel may take when a note must be short: its own (the
    one its rank starts with and its share of those no member starts with, so that two
    members' shortest notes differ in every slot), then the other free ones, which it
    takes only when all its own repeat the note's words. Everyone's for a single recipient."""
    order = _choose(frames, seed, slot, rank, panel)
    if panel <= 1 or not order:
        return order, []
    _, free = _owned_and_free(len(frames), _stable(f"{seed}/{slot}"), panel)
    mine = [order[0], *(frames[i] for k, i in enumerate(free) if k % panel == rank % panel)]
    return mine, [frames[i] for i in free if frames[i] not in mine]


# The slots a moment that is itself thanks replaces, and those written after the greeting's
# comma ("Hi Tom, thank you for ...").
_THANKS_SLOTS = ("thanks", "note_thanks")
_LOWER_SLOTS = frozenset({"note_thanks"})


def _opens_with_thanks(text: str, language: str = "en") -> bool:
    """Whether the candidate's line opens by thanking ("Thank you for ...", "I'm grateful ...").

    The openers are the phrase file's ``[moment] thanks_openers``.

    Args:
        text: The line as written.
        language: The phrase file's language.

    Returns:
        True when the line starts with one of the openers, as whole words.

    Example:
        >>> _opens_with_thanks("Thank you for walking me round the test lab.")
        True
        >>> _opens_with_thanks("Thanksgiving plans came up.")
        False
        >>> _opens_with_thanks("Thank you, too, for the tip.")  # follows another thanks
        False
    """
    from followup.lang import language as _language

    words = _language(language).data.get("moment", {})
    start = " ".join(text.replace("\u2019", "'").split()).casefold()
    for opener in words.get("thanks_openers", ()):
        if start.startswith(opener) and (len(start) == len(opener) or not start[len(opener)].isalnum()):
            after = start[len(opener) :].lstrip(" ,")
            return not any(
                after.startswith(w) and not after[len(w) : len(w) + 1].isalnum()
                for w in words.get("thanks_continuations", ())
            )
    return False


def fill_slots(
    template: Template,
    kind: str,
    facts: Mapping[str, str],
    *,
    tone: str,
    seed: str,
    rank: int = 0,
    role: str | None = None,
    language: str = "en",
    subject_limit: int | None = SUBJECT_LIMIT,
    region: str | None = None,
    panel: int = 1,
    moment_thanks: bool = True,
    shortest: bool = False,
) -> dict[str, str]:
    """The facts with every slot the template uses filled by one of its frames.

    Args:
        template: The template about to be rendered.
        kind: The message kind, whose frames are looked up first.
        facts: The facts present (text values only).
        tone: The tone of the frames.
        seed: What the choice is stable for: the step and the recipient.
        rank: The recipient's place among recipients of the same step (a panel):
            each rank shifts every slot's choice by one frame, so that notes to
            one panel differ in every slot.
        role: The recipient's role (see `followup.lang.ROLES`).
        language: The phrase file's language.
        subject_limit: The longest subject; a frame that cannot be shortened
            to fit gives way to the next.
        region: The recipient's country code ("US", "GB"): frames written for it
            (a formal sign-off) win over the general ones.
        panel: How many people share the step with ``rank`` (a panel's size):
            a frame that repeats the note's own words gives way to one no other
            member starts with.
        moment_thanks: Whether a ``moment`` that opens with thanks (see
            `_opens_with_thanks`) takes the place
            of the template's thanks slot (``thanks`` or ``note_thanks``); False keeps
            it after the thanks (a connection note it would not fit).
        shortest: Each body slot takes its shortest frame (the draft's own order
            among equals): for a note over its limit, so that a shorter thanks
            leaves room for the recalled topic.

    Returns:
        A new dict: the facts plus a value for each slot that has a frame whose
        required facts are present. A slot with none is left out, so an
        optional section around it disappears.
    """
    out = dict(facts)
    if facts.get("note") and "relayed" not in out and _note_relays(facts["note"], facts, language):
        # A caller of `render` without the steps' ``relayed``: the note passes thanks on or
        # names someone met, so no frame says it again.
        out["relayed"] = "yes"
    company = facts.get("company")
    named: list[str] = []  # body slots filled so far
    # The candidate's own line ("I have decided to stay in my current role") is quoted as
    # written; a frame that says the same words again ("I have decided to withdraw")
    # gives way to one that does not.
    own_words = _trigrams(facts["reason"]) if facts.get("reason") else set()
    # Nor does a draft say the same three words twice in its own sentences ("I hope it's
    # going well ... I hope things are going well"): a later slot takes a frame that does
    # not repeat an earlier one, when it has one. The facts' own words (role, company,
    # topic, names) may repeat.
    fact_words = {
        w for key in _FACTS_THAT_REPEAT for w in _words(facts.get(key) or "") if len(w) > 3
    } - _COMMON_WORDS
    said: set[tuple[str, ...]] = set()
    fact_stems = {
        _stem(w) for key in _FACTS_THAT_REPEAT for w in _words(facts.get(key) or "")
    } | {_stem(w) for key in ("highlights", "promised", "reason", "note", "open_to")
        for w in _words(facts.get(key) or "")
    }

    def plain(text: str) -> set[tuple[str, ...]]:
        # Three function words ("I would be") are no repeated phrase; a marked word said
        # twice ("I appreciated ... I greatly appreciated") is, and counts as one.
        grams = {
            t for t in _trigrams(text) if fact_words.isdisjoint(t) and not _FUNCTION_WORDS.issuperset(t)
        }
        # Any content word said twice ("considering it carefully ... reviewing carefully",
        # "future interviews ... future roles") reads as a template's seam, not only the
        # marked ones.
        return grams | {(m,) for m in _marked(text)} | {(w,) for w in _content_stems(text) - fact_stems}

    # The candidate's own lines (the reason, the note, what they are open to: "roles on the
    # risk platform later on" beside "Later on, ...") are in the draft as written: a frame
    # does not say one of their words again ("...made saying no genuinely hard" beside "I
    # genuinely want to stay closer to home"), unless every frame of the slot does.
    own_stems = {
        s for key in ("reason", "note", "open_to") for s in _content_stems(facts.get(key) or "")
    } - {_stem(w) for key in _FACTS_THAT_REPEAT for w in _words(facts.get(key) or "")}
    if facts.get("moment") and "moment" in template.placeholders:
        # The candidate's own line about the conversation is in the draft as written: the
        # frames around it do not say its words again ("stayed with me ... stayed with me").
        said |= plain(facts["moment"])
        thanks_slot = next((s for s in _THANKS_SLOTS if s in template.placeholders), None)
        if moment_thanks and thanks_slot and thanks_slot not in facts and _opens_with_thanks(
            facts["moment"], language
        ):
            # A moment that opens with thanks ("Thank you for walking me round the lab.") is
            # the thanks: it takes the opening sentence's place, or the draft thanks twice.
            # Its fact stays (as None) so frames that follow a moment are still chosen, and
            # a connection note recalls no topic beside it, as beside any moment.
            text = facts["moment"]
            if thanks_slot in _LOWER_SLOTS and not re.match(r"I\b", text):
                text = text[0].lower() + text[1:]
            out[thanks_slot] = text
            out["moment"] = None  # type: ignore[assignment]
            if "note_recall" in template.placeholders:
                out["note_recall"] = None  # type: ignore[assignment]
    slots = template.placeholders & SLOTS
    # In the order the draft reads: a later sentence gives way to an earlier one (so the
    # opening of each panel member's note stays the one their rank chose, and a close does
    # not take the thanks' words before the thanks are written).
    in_order = [n for node in template._variant_nodes for n, _ in _fields(node) if n in slots]
    ordered = [*dict.fromkeys(in_order), *sorted(slots - set(in_order))]
    for slot in ordered:
        if slot in out:
            continue  # given by the caller
        usable = [
            f
            for f, needs in _frames(kind, slot, tone, role, language, region)
            if all(
                (n[1:] not in out) if n.startswith("!") else any(a in out for a in n.split("|"))
                for n in needs
            )
        ]
        order = _choose(usable, seed, slot, rank, panel)
        if not order:
            continue
        if slot == "subject":
            tried = [_fit_line(f._variant_nodes[0], out, subject_limit, language) for f in order]
            # A frame that names the role but fits only without it ("My application") is a last
            # resort: the next frame that keeps the role, or never had it, says more. Not for
            # the notes to a panel, whose subjects must differ member by member: the next
            # frame is the next member's.
            forms = role_forms(out["role"]) if out.get("role") and kind not in _PANEL_KINDS else ()
            lost = [
                bool(forms)
                and any(n == "role" for n, _ in _fields(f._variant_nodes[0]))
                and not any(form in line for form in forms)
                for f, (line, _) in zip(order, tried, strict=True)
            ]
            kept = [
                line
                for (line, fits), gone in zip(tried, lost, strict=True)
                if line and fits and not gone
            ]
            tried = [(line, fits) for line, fits in tried if line]
            fitting = kept or [line for line, fits in tried if fits]
            text = fitting[0] if fitting else min((line for line, _ in tried), key=len, default="")
        elif slot == "sign_off":
            # "All the best to you and the team. / All the best," says it twice.
            body = " ".join(out.get(s, "") for s in named).casefold()
            fresh = [
                f
                for f in order
                if _fill(f._variant_nodes[0], out, language).rstrip(",").casefold() not in body
            ]
            text = _fill((fresh or order)[0]._variant_nodes[0], out, language)
        else:
            avoid = own_words | said
            if avoid or own_stems:
                # The candidate's or the company's own line is quoted as written: its words are
                # not the frame's, so a frame that quotes it is judged by its own words alone.
                quoted: dict[str, str] = {k: "" for k in ("reason", "reason_clause", "note", "open_to") if k in out}
                counts = [
                    _clash_count(own, own_words, said, plain)
                    + len(own_stems & _content_stems(own))
                    for own in (_fill(f._variant_nodes[0], {**out, **quoted}, language) for f in order)
                ]
                # Frames free of repeats first, in the draft's own order; when every frame
                # repeats something ("considering it carefully ... reviewing carefully"), the
                # one that repeats least (the earlier of equals), not merely the first.
                if all(counts):
                    order = [f for _, f in sorted(zip(counts, order, strict=True), key=lambda p: p[0])]
                else:
                    order = [f for c, f in zip(counts, order, strict=True) if not c] + [
                        f for c, f in zip(counts, order, strict=True) if c
                    ]
            if slot == "decision" and kind in _DECISION_KINDS and facts.get("reason"):
                # The decision runs on into the reason: a frame that shares none of its
                # words ("withdraw ... role, as I have accepted another role") reads better.
                theirs = _words(facts["reason"]) - fact_words - _COMMON_WORDS
                clear = [
                    f
                    for f in order
                    if not {_stem(w) for w in theirs if len(w) > 3}
                    & {_stem(w) for w in _words(_fill(f._variant_nodes[0], out, language))}
                ]
                order = clear + [f for f in order if f not in clear]
            if shortest and slot != "greeting":
                # The shortest of this member's share, those that repeat nothing of the note's
                # own words first ("I enjoyed our conversation ... I enjoyed talking about").
                blank: dict[str, str] = {k: "" for k in ("reason", "reason_clause", "note", "open_to") if k in out}
                mine, spare = _share(usable, seed, slot, rank, panel)
                keyed: list[tuple[bool, bool, int, int, Template]] = []
                for index, f in enumerate([*mine, *spare]):
                    own = _fill(f._variant_nodes[0], {**out, **blank}, language)
                    clash = _clash_count(own, own_words, said, plain) + len(own_stems & _content_stems(own))
                    size = len(_fill(f._variant_nodes[0], out, language))
                    keyed.append((clash > 0, index >= len(mine), size, index, f))
                order = [f for *_, f in sorted(keyed, key=lambda t: t[:4])]
            text = _tidy(_fill(order[0]._variant_nodes[0], out, language))
            role_name = facts.get("role")
            for name in (company, role_name):
                if name and name in text and any(name in out.get(s, "") for s in named):
                    # The company and the role are named once in a body: this slot takes its
                    # first frame that does not name them again, if it has one ("...at Acme.
                    # ...at Acme." or "the Analyst position ... a role like the Analyst
                    # position" reads as a mail merge).
                    others = (_tidy(_fill(f._variant_nodes[0], out, language)) for f in order[1:])
                    text = next((t for t in others if name not in t), text)
            named.append(slot)
            if slot != "greeting":
                # Notes to a panel too: each member's frame is shifted by rank, and a frame
                # that repeats its own note's words moves on to the next free one.
                said |= plain(text)
        if text.strip():
            out[slot] = text.strip()
    if kind in _DECISION_KINDS and out.get("decision") and out.get("because"):
        out["decision"] = _join_reason(out["decision"], out.pop("because"), tone, language)
    return out


def _note_relays(note: str, facts: Mapping[str, str], language: str) -> bool:
    """Whether the candidate's own note passes thanks on, or names someone in the facts'
    names of the people met (for callers of `render` that do not give ``relayed``)."""
    from followup.lang import language as _language

    if _language(language).relays(note):
        return True
    names = " ".join(
        facts.get(k) or "" for k in ("panel_names", "panel_first_names", "about_name", "about_first_name")
    )
    words = {w for w in re.findall(r"[^\W\d_][\w'’-]*", names) if len(w) > 2 and w.casefold() not in {"and", "the"}}
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", note) for w in words)


# Kinds whose decision is followed by the candidate's reason: the two read as one sentence
# ("...to decline the offer, as I have accepted a role elsewhere"), not as two flat ones.
_DECISION_KINDS = frozenset({"offer-decline", "withdrawal"})
# A word that makes a reason a sentence of its own (it has a verb): "The commute would be too
# long", "The role's on-call doesn't suit my family", not "closer to home".
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|does|do|did|would|will|can|could|must|means|needs|"
    r"isn't|aren't|wasn't|doesn't|don't|didn't|won't|can't|cannot|wouldn't|hasn't|haven't|"
    r"it's|that's|there's)(?![\w'])",
    re.IGNORECASE,
)
# The longest reason the decision runs on into with "as", in words: a longer one is a sentence.
_JOINED_WORDS = 12


def _join_reason(decision: str, reason: str, tone: str, language: str) -> str:
    """The decision and the candidate's reason as one flowing sentence, or the reason introduced.

    The reason's words are kept as written: only the case of its first word changes (a
    pronoun other than "I" goes lower case after "as"). A reason that opens with one of
    the phrase file's ``[words] as_openers`` can follow "as" unchanged in meaning.
    """
    reason = reason.strip()
    first = reason.split(" ", 1)[0].replace("’", "'")
    single = not re.search(r"[.!?]\s", reason.rstrip(".!?"))
    if first.casefold() in _words_of(language, "as_openers") and "?" not in reason:
        if reason[-1] not in ".!":
            reason += "."
        if decision.endswith(".") and single and len(reason.split()) <= _JOINED_WORDS:
            if first not in ("I",) and not first.startswith(("I'", "I’")):
                reason = reason[:1].lower() + reason[1:]
            return f"{decision[:-1]}, as {reason}"
        # A long reason is its own sentence, as written: run on after "as" it makes one
        # long flat sentence ("...decline the offer, as my wife has just taken up a post...").
        return f"{decision} {reason[:1].upper()}{reason[1:]}"
    if _FINITE.search(reason) and len(reason.split()) >= 4 and reason[:1].isupper():
        # A sentence of its own ("The commute would be too long.") follows as one.
        if reason[-1] not in ".!?":
            reason += "."
        return f"{decision} {reason}"
    # A reason that is not a sentence of its own ("closer to home") is introduced; gently, not
    # as "The reason is simple:" before a family reason.
    intro = {"brief": "In short:", "formal": "By way of explanation:"}.get(tone, "To explain:")
    if reason[-1] not in ".!?":
        reason += "."
    return f"{decision} {intro} {_lower_if_common(_after_colon(reason, language), language)}"


def _lower_if_common(value: str, language: str) -> str:
    """A reason after a colon with its first word in lower case when it is a common word
    written with a sentence's capital ("Closer to home." → "closer to home.").

    The common words are the phrase file's ``[words] reason_openers``, words that are
    never names: anything else keeps the capital it was given ("Nairobi", "NHS",
    "McKinsey", "I"), since lower-casing an unknown word could unmake a name.
    """
    first = value.split(" ", 1)[0].rstrip(".,;:!?")
    if (
        first[:1].isupper()
        and first[1:] == first[1:].lower()
        and first.casefold() in _words_of(language, "reason_openers")
    ):
        return value[:1].lower() + value[1:]
    return value


_CONTRACTIONS = (
    ("n't", " not"),
    ("'ve", " have"),
    ("'m", " am"),
    ("'ll", " will"),
    ("'re", " are"),
    ("'d", " would"),
)


# Facts whose words a draft may repeat without reading as a repeated phrase.
_FACTS_THAT_REPEAT = (
    "role", "company", "topic", "topic2", "first_name", "formal_name", "titled_name", "courtesy_name",
    "candidate",
    "panel_names", "panel_first_names", "stage", "about_name", "about_first_name",
)  # fmt: skip
# Kinds sent to each member of a panel: their subjects differ member by member, so the
# subject frame that names the role is not preferred over the member's own.
_PANEL_KINDS = frozenset({"thank-you", "linkedin-connect", "linkedin-connect-declined", "offer-welcome"})
_COMMON_WORDS = frozenset(
    {
        "with",
        "that",
        "this",
        "from",
        "your",
        "have",
        "about",
        "their",
        "what",
        "when",
        "into",
        "over",
    }
)


# Words a careful writer does not use twice in one short note ("I appreciated the chance ...
# I appreciated the insight", "valued ... valuable"), by stem.
_MARKED_STEMS = (
    "apprecia", "valu", "enjoy", "grateful", "glad", "delight", "keen", "pleasure",
    "particular", "especial", "really", "understand", "helpful", "quick", "hope", "consider", "thank",
    "careful", "forward", "share", "help", "offer", "useful", "interest", "future", "talk", "discuss",
)  # fmt: skip
_FUNCTION_WORDS = frozenset(
    ["i", "you", "we", "it", "is", "am", "are", "was", "be", "been", "would", "will", "to", "the", "a", "an", "of", "and", "in", "on", "for", "with", "my", "your", "our", "me", "that", "this", "as", "at", "by", "so", "if", "any"]
)


_STEM_ENDINGS = ("ing", "ed", "es", "s", "ly")
# Words of five letters or more that say nothing of their own when repeated.
_PLAIN_LONG_WORDS = frozenset(
    ["about", "after", "again", "their", "there", "these", "those", "through", "which", "while",
     "would", "could", "should", "still", "every", "where", "other", "being", "before"]
)  # fmt: skip


def _stem(word: str) -> str:
    for end in _STEM_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _content_stems(text: str) -> set[str]:
    """The stems of the text's content words (five letters or more, not a plain word)."""
    return {
        _stem(w)
        for w in re.findall(r"[^\W\d_]+", text.lower())
        if len(w) >= 5 and w not in _PLAIN_LONG_WORDS
    }


def _marked(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return {stem for stem in _MARKED_STEMS for w in words if w.startswith(stem)}


def _clash_count(
    text: str,
    own_words: set[tuple[str, ...]],
    said: set[tuple[str, ...]],
    plain: Callable[[str], set[tuple[str, ...]]],
) -> int:
    """How many phrases and words a sentence repeats of the candidate's own line or the draft so far."""
    return len(own_words & _trigrams(text)) + (len(said & plain(text)) if said else 0)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def _trigrams(text: str) -> set[tuple[str, ...]]:
    """The text's three-word sequences, contractions spelt out ("I've decided" = "I have decided")."""
    lowered = text.lower().replace("’", "'")
    for short, long in _CONTRACTIONS:
        lowered = lowered.replace(short, long)
    words = re.findall(r"[^\W\d_]+", lowered)
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def literal(text: str) -> str:
    """``text`` as literal template text: brackets and braces doubled, so nothing in it is read
    as a placeholder or a section (a URL, a name with brackets).

    Args:
        text: The text to put into a template as it is.

    Example:
        >>> literal("https://example.org/{page}")
        'https://example.org/{{page}}'
    """
    return "".join(ch * 2 if ch in "[]{}" else ch for ch in text)


def render(
    kind: str,
    facts: Mapping[str, str | None],
    *,
    tone: str = "warm",
    channel: str = "email",
    limit: int | None = None,
    templates: TemplateSet | None = None,
    seed: str | None = None,
    rank: int = 0,
    role: str | None = None,
    language: str = "en",
    region: str | None = None,
    panel: int = 1,
) -> RenderedMessage:
    """Render the draft of one message.

    Args:
        kind: One of `KINDS` (or a custom kind added to ``templates``).
        facts: Placeholder values, e.g. ``{"first_name": "Jane", ...}``. The
            facts in `REQUIRED_FACTS` must have values; the others are
            optional and ``None`` or ``""`` means missing. Values are inserted
            literally.
        tone: One of `TONES`.
        channel: A channel that carries messages: ``email``, ``linkedin-note``
            or ``linkedin-message`` (see [`followup.channels`][followup.channels]).
        limit: The largest body length in characters. Defaults to the
            channel's limit when it counts characters (200 for a LinkedIn note:
            pass 300 for Premium), no limit otherwise.
        templates: The template set; the built-ins when omitted.
        seed: What the choice of frames is stable for, such as
            ``"thank-you/jane-doe"``; by default the kind and ``first_name``.
        rank: The recipient's place in a panel (see [`fill_slots`][followup.render.fill_slots]).
        role: ``"interviewer"`` or ``"organiser"`` (a recruiter who was not in
            the conversation); frames may differ per role.
        language: The language of the phrase file.
        region: The recipient's country code ("US", "GB"), for wording that differs
            by country (a formal sign-off: "Sincerely" in the US, "Yours sincerely"
            in Britain).
        panel: The size of the panel ``rank`` counts in (see [`fill_slots`][followup.render.fill_slots]).

    Returns:
        The subject (``None`` off email), at most `SUBJECT_LIMIT`
        characters when the facts allow, and the body.

    Raises:
        TemplateError: The kind, tone or channel is unknown (the message lists
            the options), a required fact is missing (``.name`` names it), or
            no variant fits the limit.
    """
    if tone not in TONES:
        raise TemplateError(
            f"unknown tone {tone!r}; choose one of: {', '.join(TONES)}",
            template=f"{kind}.{tone}.{channel}",
        )
    spec = _check_channel(channel, f"{kind}.{tone}.{channel}")
    template = (templates or TemplateSet.builtin()).get(kind, tone, channel)
    present = _clean(facts, template.name)
    missing = [name for name in REQUIRED_FACTS if name not in present]
    if missing:
        raise TemplateError(
            f"template {template.name!r} needs the fact{'s' if len(missing) > 1 else ''} "
            f"{', '.join('{' + m + '}' for m in missing)}, missing or empty",
            name=missing[0],
            template=template.name,
        )
    if limit is None and spec.unit == "characters":
        limit = spec.limit
    # With a length limit, a note keeps its most specific variant by shortening the role
    # first ("Senior Operations Analyst, Ambulatory Care ..." → "Senior Operations Analyst"):
    # what was discussed says more than the role's full name.
    if seed is None:
        from followup.lang import language as _language

        seed = f"{_language(language).family(kind)}/{present['first_name']}"
    chosen_seed = seed
    subject_limit = spec.subject_limit

    moment_thanks = True

    def filled(facts: dict[str, str], shortest: bool = False) -> dict[str, str]:
        if not template.placeholders & SLOTS:
            return facts
        return fill_slots(
            template,
            kind,
            facts,
            tone=tone,
            seed=chosen_seed,
            rank=rank,
            role=role,
            language=language,
            subject_limit=subject_limit,
            region=region,
            panel=panel,
            moment_thanks=moment_thanks,
            shortest=shortest,
        )

    first = filled(present)
    if limit is not None and present.get("moment") and first.get("moment") is None:
        # A moment that is its own thanks but leaves no room for the note's close and
        # signature gives way, as any moment too long for the note does, to a topic.
        fits = any(
            len(_tidy(_fill(nodes, _clean(first, template.name), language))) <= limit
            for nodes in template._variant_nodes[:-1]
            if "note_close" in {n for n, _ in _fields(nodes)}
            and any(n in {"candidate", "candidate_first_name"} for n, _ in _fields(nodes))
        )
        if not fits:
            moment_thanks = False
            first = filled(present)
    role_name = present.get("role")
    forms = role_forms(role_name)[1:] if role_name else ()
    if limit is None or template.first_variant_fits(first, limit, language=language):
        return template.render(first, limit=limit, subject_limit=subject_limit, language=language)
    # Then each slot's shortest frame (of those this member of a panel may take): a shorter
    # thanks ("thank you for your time during the interview" for "... during my interview at
    # Mara Continental Bank Kenya") keeps the recalled topic in the note, which a shorter
    # variant would drop (drafts round 9: a note after a rejection that named no conversation).
    versions = [
        first,
        *(filled({**present, "role": form}) for form in forms),
        filled(present, shortest=True),
        *(filled({**present, "role": form}, shortest=True) for form in forms),
    ]
    return template.render_first_fit(
        versions, limit=limit, subject_limit=subject_limit, language=language
    )
