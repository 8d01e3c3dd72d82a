"""The words of one language, loaded from its phrase file: dates, titles, sentence frames, notes.

A language is data: ``followup/phrases/<code>.toml`` beside the templates holds
the names of months and weekdays, the date formats, how titles from other
languages are written, the word lists that decide how a line the candidate wrote
joins a draft, the sentence frames a draft chooses from (see
[`followup.render`][followup.render]) and the sentences the library writes in reasons, notes
and calendar descriptions. Only English ships today; adding a language means
adding its phrase file, its templates and its tone rules.

The file is read on first use and kept (``import followup`` reads nothing).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import attrs

from followup.errors import TemplateError

__all__ = ["DEFAULT_LANGUAGE", "ROLES", "Language", "language"]

DEFAULT_LANGUAGE = "en"
"""The language drafts are written in when none is given."""

ROLES: tuple[str, ...] = ("interviewer", "organiser", "chair", "host", "screener")
"""Who a draft is for, as far as its wording goes: someone who was in the
conversation (an interviewer), someone who organised it (a recruiter or
coordinator who did not interview), the interviewer who chaired a panel
(thanked for chairing), or the recruiter who organised the interviews and sat
on the panel too (a host: thanked for both), or the recruiter who held a screening call
alone (a screener: met as an interviewer, and the one who knows the decision date).
Frames may differ per role; a role without its own list uses the general one."""


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


@attrs.frozen(kw_only=True)
class Language:
    """One language's phrase file, parsed.

    Use [`language`][followup.lang.language] to get one.

    Attributes:
        code: The language code ("en").
        data: The phrase file's tables, read-only.
    """

    code: str
    data: Mapping[str, Any] = attrs.field(repr=False)

    # -- dates ----------------------------------------------------------------------------

    def _date_fields(self, day: date) -> dict[str, str]:
        names = self.data["dates"]
        return {
            "day": str(day.day),
            "month": names["months"][day.month - 1],
            "month_short": names["months_short"][day.month - 1],
            "weekday": names["weekdays"][day.weekday()],
            "weekday_short": names["weekdays_short"][day.weekday()],
            "year": str(day.year),
        }

    def date(self, day: date, style: str = "day_month") -> str:
        """A date in words, in one of the phrase file's styles.

        Args:
            day: The date (a ``datetime`` gives its own date).
            style: ``"day_month"`` ("1 December"), ``"long"`` ("Tuesday 1
                December"), ``"short"`` ("Tue 1 Dec"), ``"month"``
                ("December"), or the same with ``_year`` appended
                ("1 December 2026").

        Returns:
            The date in words: always day and month, never a bare weekday,
            except for ``"month"``.

        Raises:
            TemplateError: The style is not in the phrase file.
        """
        formats = self.data["dates"]["formats"]
        if style not in formats:
            raise TemplateError(
                f"no date style {style!r} in the {self.code!r} phrase file; "
                f"styles: {', '.join(sorted(formats))}",
                template=f"phrases/{self.code}.toml",
            )
        return str(formats[style]).format(**self._date_fields(day))

    # -- titles ---------------------------------------------------------------------------

    @property
    def titles(self) -> Mapping[str, str]:
        """How titles from other languages are written ("Herr" → "Mr.")."""
        titles: Mapping[str, str] = self.data.get("titles", {})
        return titles

    # -- words ----------------------------------------------------------------------------

    def words(self, name: str) -> frozenset[str]:
        """One of the phrase file's word lists (``[words]``), case-folded.

        The renderer reads them to decide how a line the candidate wrote joins a draft:
        ``openers`` (a sentence after a colon that goes on in lower case),
        ``as_openers`` (a reason that can follow "as") and ``reason_openers`` (a
        reason's first word that is never a name).

        A language without the list is an error, not an empty list: an empty list
        would quietly keep every capital and never join a reason with "as", and the
        file's author would not learn that the list is missing.

        Args:
            name: The list's key under ``[words]``.

        Returns:
            The words, case-folded.

        Raises:
            TemplateError: The phrase file has no such list (or no ``[words]`` table).
        """
        table = self.data.get("words")
        entry = table.get(name) if isinstance(table, Mapping) else None
        if not isinstance(entry, tuple) or not all(isinstance(w, str) for w in entry):
            raise TemplateError(
                f"no word list {name!r} under [words] in the {self.code!r} phrase file",
                template=f"phrases/{self.code}.toml",
            )
        return frozenset(w.casefold() for w in entry)

    def relays(self, line: str) -> bool:
        """Whether a line of the candidate's passes thanks on ("please pass my thanks on to
        Mette"): a verb of ``[words] relay_verbs`` followed, in the same sentence, by a noun
        of ``relay_nouns``."""
        verbs = "|".join(sorted(map(re.escape, self.words("relay_verbs"))))
        nouns = "|".join(sorted(map(re.escape, self.words("relay_nouns"))))
        return re.search(rf"\b(?:{verbs})\b[^.!?]*?\b(?:{nouns})\b", line, re.IGNORECASE) is not None

    # -- frames ---------------------------------------------------------------------------

    def family(self, kind: str) -> str:
        """The kind whose frames ``kind`` uses ("rejection-thanks" → "rejection-reply")."""
        families: Mapping[str, str] = self.data.get("families", {})
        return families.get(kind, kind)

    def frames(
        self, kind: str, slot: str, tone: str, role: str | None = None, region: str | None = None
    ) -> tuple[str, ...]:
        """The sentence frames for one slot of a message kind, in a tone, for a role.

        Looks in the kind's own table first, then in its family's ([`family`][followup.lang.Language.family]),
        then in ``common``; a region's own list wins over a role's, and a role's own list
        over the general one.

        Args:
            kind: The message kind ("thank-you").
            slot: The slot ("recall").
            tone: "formal", "warm" or "brief".
            role: One of [`ROLES`][followup.lang.ROLES], or None for the general list.
            region: The recipient's country code ("US", "GB"), or None: a formal
                sign-off reads differently in the US and in Britain.

        Returns:
            The frames, in file order; empty when the language has none.
        """
        tables = self.data.get("frames", {})
        # A kind's own slots first (a check-in after a declined offer has its own opening),
        # then its family's, then the common ones.
        names = dict.fromkeys((kind, self.family(kind), "common"))
        for table in (tables.get(name, {}) for name in names):
            entry = table.get(slot)
            if not isinstance(entry, Mapping):
                continue
            if region is not None and isinstance(entry.get(region), Mapping) and tone in entry[region]:
                return tuple(entry[region][tone])
            if role is not None and isinstance(entry.get(role), Mapping) and tone in entry[role]:
                return tuple(entry[role][tone])
            if tone in entry:
                return tuple(entry[tone])
        return ()

    def slots(self) -> frozenset[str]:
        """Every slot name the phrase file defines frames for."""
        names: set[str] = set()
        for table in self.data.get("frames", {}).values():
            names.update(table)
        return frozenset(names)

    # -- sentences ------------------------------------------------------------------------

    def phrase(self, key: str, **fields: str) -> str:
        """A sentence the library writes (a reason, a note, a calendar line), filled in.

        Args:
            key: A dotted key under ``[phrases]``, such as ``"route.linkedin"``.
            **fields: The values for its ``{fields}``.

        Returns:
            The sentence.

        Raises:
            TemplateError: The key is not in the phrase file, or a field is missing.
        """
        node = self._phrase_text(key)
        if node is None:
            raise TemplateError(
                f"no phrase {key!r} in the {self.code!r} phrase file", template=f"phrases/{self.code}.toml"
            )
        try:
            return node.format(**fields)
        except KeyError as exc:
            raise TemplateError(
                f"phrase {key!r} needs the field {{{exc.args[0]}}}", name=str(exc.args[0]),
                template=f"phrases/{self.code}.toml",
            ) from None


    def variants(self, key: str) -> tuple[str, ...]:
        """The keys of a phrase and of its numbered variants, in order.

        A phrase may have variants under the same key with ``_2``, ``_3``, ... appended
        (``connect_after.declined_warm``, ``connect_after.declined_warm_2``): the members of
        one panel each get a different one. The numbering stops at the first missing number.

        Args:
            key: A dotted key under ``[phrases]``, as for [`phrase`][followup.lang.Language.phrase].

        Returns:
            ``key`` first, then each variant's key, for [`phrase`][followup.lang.Language.phrase].

        Raises:
            TemplateError: The phrase itself is not in the phrase file.
        """
        if self._phrase_text(key) is None:
            raise TemplateError(
                f"no phrase {key!r} in the {self.code!r} phrase file", template=f"phrases/{self.code}.toml"
            )
        keys = [key]
        while self._phrase_text(f"{key}_{len(keys) + 1}") is not None:
            keys.append(f"{key}_{len(keys) + 1}")
        return tuple(keys)

    def _phrase_text(self, key: str) -> str | None:
        node: Any = self.data.get("phrases", {})
        for part in key.split("."):
            node = node.get(part) if isinstance(node, Mapping) else None
        return node if isinstance(node, str) else None


def language(code: str = DEFAULT_LANGUAGE) -> Language:
    """The phrase file of a language, read once.

    Args:
        code: A language code with a phrase file ("en").

    Returns:
        The language.

    Raises:
        TemplateError: There is no phrase file for ``code``, or it is not valid TOML.
    """
    # Cached by the code itself: functools.cache on this function would key `language()` and
    # `language("en")` apart and parse the same 60 kB file twice (about 20 ms each).
    return _language(code)


@functools.cache
def _language(code: str) -> Language:
    folder = importlib.resources.files("followup").joinpath("phrases")
    entry = folder.joinpath(f"{code}.toml")
    if not code.isascii() or not code.replace("-", "").isalnum() or not entry.is_file():
        known = sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))
        raise TemplateError(
            f"no phrase file for language {code!r}; available: {', '.join(known)}",
            template=f"phrases/{code}.toml",
        )
    text = entry.read_text(encoding="utf-8")
    rest, kinds = _split(text)
    data = _loads(rest, code)
    if "frames" in data:  # frames written some other way: read the whole file at once
        return Language(code=code, data=_frozen(_loads(text, code)))
    return Language(code=code, data=MappingProxyType({**_frozen(data), "frames": _Frames(kinds, code)}))


# A [frames.<kind>...] table header, at the start of a line (compiled on first use).
_FRAMES_HEADER = r"\[frames\.([A-Za-z0-9_-]+)[.\]]"


def _split(text: str) -> tuple[str, dict[str, str]]:
    """The phrase file cut at its table headers: all but the frames, and each kind's frames.

    Parsing the whole file is the largest single cost of a ``followup ics`` run after the
    imports (about a tenth of it, in the pure-Python TOML parser), and a run drafts a few
    kinds of the twenty the file holds frames for. Every line up to the next header belongs
    to the table it follows, so each part is valid TOML on its own; a test proves that the
    parts read together equal the whole file read at once.
    """
    rest: list[str] = []
    kinds: dict[str, list[str]] = {}
    into = rest
    for line in text.splitlines(keepends=True):
        if line.startswith("["):
            m = re.match(_FRAMES_HEADER, line)
            into = kinds.setdefault(m[1], []) if m else rest
        into.append(line)
    return "".join(rest), {kind: "".join(lines) for kind, lines in kinds.items()}


def _loads(text: str, code: str) -> dict[str, Any]:
    import tomllib  # only when drafting: `import followup` stays light

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - the shipped files are tested
        raise TemplateError(f"phrase file {code}.toml is not valid TOML: {exc}", template=f"phrases/{code}.toml") from exc


class _Frames(Mapping[str, Any]):
    """The ``[frames.<kind>]`` tables of a phrase file, each read on first use (see ``_split``)."""

    def __init__(self, texts: dict[str, str], code: str) -> None:
        self._texts = texts
        self._code = code
        self._read: dict[str, Any] = {}

    def __getitem__(self, kind: str) -> Any:
        if kind not in self._read:
            text = self._texts[kind]  # KeyError for a kind without frames, as a dict
            table = _loads(text, self._code).get("frames", {})
            if list(table) != [kind]:  # pragma: no cover - a header _split misread
                raise TemplateError(
                    f"phrase file {self._code}.toml: the [frames.{kind}] tables define {sorted(table)}",
                    template=f"phrases/{self._code}.toml",
                )
            # Two threads may both read a kind: the same value, and the last one kept.
            self._read[kind] = _frozen(table[kind])
        return self._read[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        return f"<frames of {len(self)} kinds, {len(self._read)} read>"
