"""Text that is safe to print on a terminal (private).

Everything the command prints passes through `Screen`, so no value from
an interview file, a draft or the command line can move the cursor, retitle
the terminal (``ESC ] 0 ; ... BEL``), hide text or reorder it. Control
characters are shown as Python-style escapes (``\\x1b``, ``\\x9b``,
``\\u202e``) rather than dropped, so the user sees that something odd is in
the file and where.

What is escaped:

* C0 controls (U+0000–U+001F) except line feed and tab, which text output needs;
  a carriage return is escaped too (it can overwrite what was printed before it);
* DEL (U+007F) and the C1 controls (U+0080–U+009F): U+009B is a one-character
  CSI on many terminals;
* the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
  U+2066–U+2069), which reorder what is shown ("Trojan Source");
* the line and paragraph separators (U+2028, U+2029) and lone surrogates (from
  undecodable command-line bytes), which cannot be printed as they are.

JSON output keeps its own escaping (`json_text`): the same characters are
written as ``\\uXXXX`` escapes, which parse back to the same data.
"""

from __future__ import annotations

from functools import cache
from typing import Any, TextIO

__all__ = ["Screen", "clean", "json_text", "write_raw"]

_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_SEPARATORS = (0x2028, 0x2029)


@cache
def _table(keep: str) -> dict[int, str]:
    """The ``str.translate`` table for `clean` (built on first use: imports stay light)."""
    codes = [*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI, *_SEPARATORS]
    table = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in codes}
    for ch in keep:
        table.pop(ord(ch), None)
    return table


@cache
def _json_table() -> dict[int, str]:
    return {c: f"\\u{c:04x}" for c in _table("\n")}


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def clean(text: str, *, keep: str = "\n\t") -> str:
    """``text`` with every control character shown as an escape.

    Args:
        text: Any text.
        keep: Control characters to leave as they are (line feed and tab by default).

    Returns:
        Text that prints as what it says: ``"a\\x1b]0;x\\x07"`` for ``"a\\x1b]0;x\\x07"``.
    """
    text = text.translate(_table(keep))
    if _has_surrogate(text):
        text = "".join(f"\\u{ord(ch):04x}" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text


def json_text(data: Any) -> str:
    """``data`` as indented JSON whose strings hold no raw control character.

    ``json`` already escapes C0 controls; DEL, C1 controls, bidirectional
    overrides, separators and lone surrogates are written as ``\\uXXXX`` too,
    which any JSON reader turns back into the same characters.
    """
    import json  # only for --format json: `followup ics` does not need it

    text = json.dumps(data, indent=2, ensure_ascii=False)
    # json writes line feeds only between values and escapes C0 inside strings; the other
    # characters clean() escapes can only be inside strings, where \\uXXXX means the same.
    escaped = text.translate(_json_table())
    if _has_surrogate(escaped):
        escaped = "".join(
            f"\\u{ord(ch):04x}" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in escaped
        )
    return escaped + "\n"


class Screen:
    """A text stream that escapes control characters in everything written to it.

    The command wraps its standard output and standard error in one each; only
    `write_raw` (colour codes the command itself makes, and JSON from
    `json_text`) passes text through unchanged.

    Args:
        stream: Where the text goes.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters escaped (line feeds and tabs kept)."""
        self.stream.write(clean(text))
        return len(text)

    def write_raw(self, text: str) -> None:
        """Write text the command made itself (an SGR colour code, JSON) as it is."""
        self.stream.write(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self.stream.flush()

    def isatty(self) -> bool:
        """Whether the underlying stream is a terminal."""
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def fileno(self) -> int:
        """The underlying stream's file descriptor."""
        return self.stream.fileno()


def write_raw(out: TextIO, text: str) -> None:
    """Write text the command made itself to ``out``, unescaped if ``out`` is a `Screen`."""
    raw = getattr(out, "write_raw", None)
    if raw is not None:
        raw(text)
    else:
        out.write(text)
