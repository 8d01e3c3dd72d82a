"""Stable, ASCII identifiers for interviews and actions (private)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Latin letters that Unicode does not decompose into a base letter and a mark, written
# as people write them without the letter ("Søren" is "soren", never "sren").
_LATIN = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ẞ": "SS",
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ł": "l", "Ł": "L",
        "ı": "i", "ħ": "h", "Ħ": "H", "ŋ": "ng", "Ŋ": "NG", "ŧ": "t", "Ŧ": "T", "ſ": "s",
        "ĸ": "k", "ƒ": "f",
    }
)  # fmt: skip


def slug(text: str, *, limit: int = 40) -> str:
    """An ASCII slug of ``text``; a short hash is appended when letters were lost.

    ``"Jane Doe"`` gives ``jane-doe``; ``"Zoë Ångström"`` gives ``zoe-angstrom``;
    ``"Søren Łukasz"`` gives ``soren-lukasz``; ``"王芳"`` gives ``x-<hash>``. The
    same text always gives the same slug.
    """
    text = text.translate(_LATIN)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    base = _NON_ALNUM.sub("-", folded.lower()).strip("-")[:limit].strip("-")
    letters_in = sum(ch.isalnum() for ch in text)
    letters_out = sum(ch.isalnum() for ch in folded)
    if base and letters_out >= letters_in:
        return base
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{base}-{digest}" if base else f"x-{digest}"


def interview_key(company: str, role: str, start: datetime) -> str:
    """``acme-corp.data-engineer.20261120T1900Z``: stable across exports."""
    utc = start.astimezone(UTC).strftime("%Y%m%dT%H%MZ")
    return f"{slug(company, limit=30)}.{slug(role, limit=30)}.{utc}"
