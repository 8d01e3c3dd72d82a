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
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from followup import channels
from followup.errors import TemplateError, ValidationError

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "REQUIRED_FACTS",
    "TONES",
    "RenderedMessage",
    "Template",
    "TemplateSet",
    "render",
]

#: Every placeholder a template may use.
PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "first_name",
        "name",
        "company",
        "role",
        "topic",
        "stage",
        "candidate",
        "candidate_first_name",
        "signature",
        "decision_date",
        "interview_day",
        "update",
        "careers_url",
    }
)

#: Facts that :func:`render` always requires, whatever the template uses.
REQUIRED_FACTS: tuple[str, ...] = ("first_name", "company", "role", "candidate", "signature")

#: The built-in message kinds, in the order a plan uses them.
KINDS: tuple[str, ...] = (
    "thank-you",
    "status-check",
    "rejection-reply",
    "rejection-thanks",
    "feedback-request",
    "linkedin-connect",
    "keep-in-touch",
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
    close = difflib.get_close_matches(name, sorted(PLACEHOLDERS), n=1, cutoff=0.6)
    if close:
        return f"; did you mean {{{close[0]}}}?"
    return f"; valid placeholders: {', '.join(sorted(PLACEHOLDERS))}"


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
            if name not in PLACEHOLDERS:
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


def _fill(nodes: tuple[_Node, ...], facts: Mapping[str, str]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, _Text):
            out.append(node.text)
        elif isinstance(node, _Field):
            out.append(facts[node.name])
        else:
            for alternative in node.alternatives:
                if all(p.name in facts for p in alternative if isinstance(p, _Field)):
                    text = "".join(
                        p.text if isinstance(p, _Text) else facts[p.name] for p in alternative
                    )
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
    bracket or brace, or an empty variant raises :class:`TemplateError` at once,
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
            channel: A channel that carries messages (see :mod:`followup.channels`).

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
        self, facts: Mapping[str, str | None], *, limit: int | None = None
    ) -> RenderedMessage:
        """Render the template from facts.

        Args:
            facts: Placeholder values; ``None``, empty and blank values count as
                missing. Keys that are not placeholders are ignored.
            limit: The largest body length in characters; the first variant
                that fits is used.

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
            subject = " ".join(_tidy(_fill(self._subject_nodes, present)).split())
        lengths = []
        for nodes in self._variant_nodes:
            body = _tidy(_fill(nodes, present))
            if limit is None or len(body) <= limit:
                return RenderedMessage(subject=subject, body=body)
            lengths.append(len(body))
        raise TemplateError(
            f"no variant of template {self.name!r} fits the limit of {limit} characters "
            f"(the shortest renders to {min(lengths)}); shorten the facts or raise the limit",
            template=self.name,
        )


def _clean(facts: Mapping[str, Any], template: str) -> dict[str, str]:
    """The facts that have values, stripped, with the internal marker removed."""
    present: dict[str, str] = {}
    for name, value in facts.items():
        if value is None or name not in PLACEHOLDERS:
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
            tone: One of :data:`TONES`.
            channel: A channel that carries messages (see :mod:`followup.channels`).
            template: A :class:`Template`, or text in the file format.

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

        Raises:
            TemplateError: There is none; the message lists what is available.
        """
        templates = self._all()
        found = templates.get((kind, tone, channel))
        if found is not None:
            return found
        name = f"{kind}.{tone}.{channel}"
        kinds = sorted({k for k, _, _ in templates})
        if kind not in kinds:
            message = f"unknown message kind {kind!r}; choose one of: {', '.join(kinds)}"
        else:
            options = sorted(_key_name(k) for k in templates if k[0] == kind)
            message = f"no template {name!r}; available for {kind!r}: {', '.join(options)}"
        raise TemplateError(message, template=name)


def render(
    kind: str,
    facts: Mapping[str, str | None],
    *,
    tone: str = "warm",
    channel: str = "email",
    limit: int | None = None,
    templates: TemplateSet | None = None,
) -> RenderedMessage:
    """Render the draft of one message.

    Args:
        kind: One of :data:`KINDS` (or a custom kind added to ``templates``).
        facts: Placeholder values, e.g. ``{"first_name": "Jane", ...}``. The
            facts in :data:`REQUIRED_FACTS` must have values; the others are
            optional and ``None`` or ``""`` means missing. Values are inserted
            literally.
        tone: One of :data:`TONES`.
        channel: A channel that carries messages: ``email``, ``linkedin-note``
            or ``linkedin-message`` (see :mod:`followup.channels`).
        limit: The largest body length in characters. Defaults to the
            channel's limit when it counts characters (200 for a LinkedIn note:
            pass 300 for Premium), no limit otherwise.
        templates: The template set; the built-ins when omitted.

    Returns:
        The subject (``None`` off email) and body.

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
    return template.render(present, limit=limit)
