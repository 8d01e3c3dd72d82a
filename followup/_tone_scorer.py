"""A small statistical second opinion for the tone check: naive Bayes over words.

The rules catch what they know; a draft that slips past them can still read like
the bad drafts of the labelled corpus. This module scores a draft by the words
and word pairs it shares with the corpus's bad and good drafts (each present
token adds its log-odds), and flags it when the score passes a threshold chosen
so that about 2 % of good drafts the model has not seen would pass it. The
finding names the words that weighed most, so the writer can see why.

A draft that scores far past every good draft of the corpus (each scored by a
model trained without its writer's drafts) is an error instead: the *error
threshold* is the highest such score plus ``ERROR_MARGIN``, so no good draft of
the development data, seen as a new writer's, gets an error from the scorer.

The model is package data (``rules/en-scorer.json``), trained on the project's
labelled corpus by ``tests/train_tone_scorer.py``: pure Python, nothing
downloaded, read on first use.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

Span = tuple[int, int]

MODEL_VERSION = 2
MIN_COUNT = 3
"""A token must occur in this many corpus drafts to get a weight."""
QUANTILE = 0.98
"""The threshold: this share of unseen good drafts (out of fold) score below it."""
FOLDS = 10
SEED = 15
MIN_WORDS = 12
"""A body of fewer words (names and short lines left out) is too short to judge by its words."""
ERROR_MARGIN = 2.0
"""How far (in log-odds) past the highest out-of-source score of a good draft the
error threshold lies: about seven times the odds."""
EXPLAIN = 3
"""How many of the heaviest words a finding names."""

_WORD = re.compile(r"[a-z][a-z'’]+", re.IGNORECASE)
_MASKED = frozenset("xq'’")


def blank(text: str, spans: Iterable[Span]) -> str:
    """``text`` with the given spans (the interview's facts) replaced by spaces."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_PLAIN_TEXT = """
a an the and or but if so as at by for from in into of on to with about than then
i i'm i've i'd i'll me my we our you your he she it its they them their this that these
those is are was were be been being am do does did have has had will would can could
shall should may might must not no what which who when where how there here also very
"""
_PLAIN = frozenset(_PLAIN_TEXT.split())
"""Function words: they count in the score but alone they explain nothing to a writer."""

_LINE = re.compile(r"[^\n]+")
_BODY_WORDS = 5
"""Shorter lines (greetings, sign-offs, names) say who, not how."""


def _words(text: str) -> list[re.Match[str]]:
    """The words of the body's lines, without names: a capitalised word inside a sentence."""
    words = []
    for line in _LINE.finditer(text):
        found = list(_WORD.finditer(text, line.start(), line.end()))
        if len(found) < _BODY_WORDS:
            continue
        for m in found:
            before = text[line.start() : m.start()].rstrip()
            inside = bool(before) and before[-1] not in '.!?:;"“(—–-'
            if inside and m.group()[0].isupper():
                continue
            if not set(m.group().lower()) <= _MASKED:
                words.append(m)
    return words


def tokens(text: str, words: list[re.Match[str]] | None = None) -> dict[str, Span]:
    """The words and adjacent word pairs of ``text``, each with its first span."""
    if words is None:
        words = _words(text)
    found: dict[str, Span] = {}
    for m in words:
        found.setdefault(m.group().lower(), m.span())
    for a, b in itertools.pairwise(words):
        found.setdefault(f"{a.group().lower()} {b.group().lower()}", (a.start(), b.end()))
    return found


def _weights(cases: Sequence[tuple[str, str]]) -> dict[str, float]:
    bad: Counter[str] = Counter()
    good: Counter[str] = Counter()
    n_bad = n_good = 0
    for label, text in cases:
        present = tokens(text)
        if label == "bad":
            bad.update(present.keys())
            n_bad += 1
        else:
            good.update(present.keys())
            n_good += 1
    weights = {}
    for token in sorted(set(bad) | set(good)):
        if bad[token] + good[token] >= MIN_COUNT:
            odds = math.log((bad[token] + 1) / (n_bad + 2)) - math.log(
                (good[token] + 1) / (n_good + 2)
            )
            weights[token] = round(odds, 4)
    return weights


def _score(weights: dict[str, float], text: str) -> float:
    return sum(weights.get(token, 0.0) for token in tokens(text))


def digest(cases: Iterable[tuple[str, str]]) -> str:
    """A fingerprint of the labelled cases a model was trained on."""
    h = hashlib.sha256()
    for label, text in sorted(cases):
        h.update(f"{label}\0{text}\0".encode())
    return h.hexdigest()


def train(
    cases: Iterable[tuple[str, str]],
    always: Iterable[tuple[str, str]] = (),
    *,
    sources: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Train a model on ``(label, text)`` cases (labels ``good`` and ``bad``; facts blanked).

    The warning threshold is the ``QUANTILE`` of the good drafts' scores under
    models that did not see them (``FOLDS``-fold, a fixed shuffle), so it holds
    for new drafts, not just the corpus. The error threshold is the highest
    score of a good draft under a model trained without its source (each
    writer's or round's drafts left out in turn: a new writer is more unlike
    the corpus than a new draft of a known one), plus ``ERROR_MARGIN``. The
    result is deterministic.

    Args:
        cases: The labelled drafts people wrote; their good drafts set the thresholds.
        always: Further cases in every fold's training but never scored for the
            thresholds (the library's own drafts, which would make it look too easy).
        sources: The source of each case (a writer or a round), in the order
            of ``cases``, for the error threshold; without them the folds of
            the warning threshold stand in for sources.

    Returns:
        The model as a JSON-safe dict: ``version``, ``threshold``,
        ``error_threshold``, ``weights`` and the ``corpus`` it came from (size
        and digest).

    Raises:
        ValueError: ``sources`` is not one per case.
    """
    listed = list(cases)
    if sources is not None and len(sources) != len(listed):
        raise ValueError("one source per case")
    tagged = sorted(zip(listed, sources if sources is not None else [""] * len(listed), strict=True))
    ordered = [case for case, _source in tagged]
    extra = sorted(always)
    shuffled = list(ordered)
    random.Random(SEED).shuffle(shuffled)
    unseen: list[float] = []
    for fold in range(FOLDS):
        held = shuffled[fold::FOLDS]
        rest = [case for i, case in enumerate(shuffled) if i % FOLDS != fold]
        weights = _weights(rest + extra)
        unseen.extend(_score(weights, text) for label, text in held if label == "good")
    unseen.sort()
    threshold = unseen[min(len(unseen) - 1, int(QUANTILE * len(unseen)))] if unseen else 0.0
    if sources is None:
        highest = unseen[-1] if unseen else 0.0
    else:
        highest = max(
            (
                _score(weights, text)
                for source in sorted(set(sources))
                for weights in [_weights([c for c, s in tagged if s != source] + extra)]
                for (label, text), s in tagged
                if s == source and label == "good"
            ),
            default=0.0,
        )
    return {
        "version": MODEL_VERSION,
        "threshold": round(threshold, 4),
        "error_threshold": round(max(highest, threshold) + ERROR_MARGIN, 4),
        "corpus": {
            "drafts": len(ordered),
            "bad": sum(label == "bad" for label, _ in ordered),
            "own": len(extra),
            "digest": digest(ordered + extra),
        },
        "weights": _weights(ordered + extra),
    }


class Model:
    """A trained model: token weights and the thresholds a draft's score must pass."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("version") != MODEL_VERSION:
            raise ValueError(f"a tone scorer model of version {MODEL_VERSION}")
        self.weights: dict[str, float] = data["weights"]
        self.threshold: float = data["threshold"]
        self.error_threshold: float = data["error_threshold"]

    def score(self, text: str) -> float:
        """The sum of the weights of the tokens in ``text``."""
        return _score(self.weights, text)

    def explain(self, text: str, *, strong: bool = False) -> list[Span]:
        """The spans of the heaviest words when ``text`` passes the threshold, else none.

        Args:
            text: The draft, its facts blanked.
            strong: Use the error threshold instead of the warning threshold.

        Returns:
            Up to ``EXPLAIN`` spans, sorted.
        """
        words = _words(text)
        if len(words) < MIN_WORDS:
            return []
        found = tokens(text, words)
        limit = self.error_threshold if strong else self.threshold
        if sum(self.weights.get(token, 0.0) for token in found) <= limit:
            return []
        heaviest = sorted(
            (
                token
                for token in found
                if self.weights.get(token, 0.0) > 0 and not set(token.split()) <= _PLAIN
            ),
            key=lambda token: (-self.weights[token], found[token]),
        )
        spans: list[Span] = []
        for token in heaviest:
            span = found[token]
            if not any(a < span[1] and span[0] < b for a, b in spans):
                spans.append(span)
            if len(spans) == EXPLAIN:
                break
        return sorted(spans)


@functools.cache
def load(language: str = "en") -> Model:
    """The built-in model of a language (``rules/<language>-scorer.json``), read once."""
    from importlib import resources

    path = resources.files("followup").joinpath("rules", f"{language}-scorer.json")
    return Model(json.loads(path.read_text(encoding="utf-8")))


def make_check(
    language: str = "en", *, strong: bool = False
) -> Callable[[str, str, int | None, Any], list[Span]]:
    """A rule's check (given the facts) that scores a message with the built-in model.

    With ``strong``, only a score past the model's error threshold is flagged.
    """

    def check(text: str, channel: str, _limit: int | None, facts: Any) -> list[Span]:
        from followup import channels

        if not channels.get(channel).message:
            return []
        spans = facts.spans(text) if facts is not None else []
        return load(language).explain(blank(text, spans) if spans else text, strong=strong)

    return check
