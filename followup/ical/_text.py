"""Text for content lines: cleaning user text, TEXT escaping and line folding.

The escaping and the folding are icalendar's own rules, written out so the direct
writer gives the same bytes without importing it (``tests/test_ical_writer.py``
holds them to icalendar's output):

* TEXT escaping (RFC 5545 §3.3.11) as ``icalendar.parser.string._escape_char``:
  ``\\N`` is first read as a line break, then backslash, semicolon and comma are
  escaped and CRLF, LF and a lone CR become ``\\n``;
* folding as ``icalendar.parser.string._foldline``: a content line is cut before
  the character that would make its part 75 octets or more (so a part holds at
  most 74 octets, and a continuation line with its leading space at most 75),
  never inside a UTF-8 sequence, and a part that would end with a backslash or a
  caret gives that character to the next part (an escape is never split).
"""

from __future__ import annotations

import re

__all__ = ["clean_line", "clean_text", "escape", "fold", "fold_text"]

# C0 and C1 controls (tab and LF are handled apart), and lone surrogates, which cannot be encoded.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Line breaks as str.splitlines() sees them: parsers that split a file's text that way must not
# find a new content line inside a value.
_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# The same breaks but a lone LF, which multi-line text keeps as it is (no match, no copy).
_OTHER_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

_LIMIT = 74  # octets in one part of a folded line (icalendar folds at >= 75)
_FOLD = b"\r\n "
_BACKSLASH = 0x5C
_CARET = 0x5E


def _literal_backslash_n(text: str) -> str:
    # icalendar's TEXT escaping turns a literal backslash-N into a line break before escaping;
    # a zero-width space after the backslash keeps "C:\New" one line and looking the same.
    return text.replace("\\N", "\\\u200bN")


def clean_line(text: str) -> str:
    """One line of user text: no control characters, no line breaks (of any kind)."""
    if text.isprintable():  # no control character and no break: only spaces to normalise
        return _literal_backslash_n(" ".join(text.split()))
    return _literal_backslash_n(" ".join(_CONTROL.sub(" ", _BREAK.sub(" ", text)).split()))


def clean_text(text: str) -> str:
    """Multi-line user text: line breaks kept (as LF), other control characters removed."""
    if text.replace("\n", "").isprintable():  # the usual case, in two C-level passes
        return _literal_backslash_n(text)
    return _literal_backslash_n(_CONTROL.sub("", _OTHER_BREAK.sub("\n", text)))


def escape(text: str) -> str:
    """A TEXT value escaped as icalendar escapes it."""
    if "\\" in text:
        text = text.replace("\\N", "\n").replace("\\", "\\\\")
    text = text.replace(";", "\\;").replace(",", "\\,")
    if "\r" in text:
        text = text.replace("\r\n", "\\n").replace("\r", "\\n")
    return text.replace("\n", "\\n")


def fold(line: str) -> bytes:
    """A content line as UTF-8, folded as icalendar folds it (CRLF and a space)."""
    data = line.encode("utf-8")
    size = len(data)
    if size <= _LIMIT:
        return data
    parts = []
    start = 0
    while size - start > _LIMIT:
        end = start + _LIMIT
        # data[end] starts the character that would not fit; back off to its first byte.
        while data[end] & 0xC0 == 0x80:
            end -= 1
        if data[end - 1] in (_BACKSLASH, _CARET):
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return _FOLD.join(parts)


def fold_text(line: str) -> str:
    """`fold` as text (the caller encodes the whole component at once)."""
    if line.isascii():
        size = len(line)
        if size <= _LIMIT:
            return line
        parts = []
        start = 0
        while size - start > _LIMIT:
            end = start + _LIMIT
            if line[end - 1] in "\\^":
                end -= 1
            parts.append(line[start:end])
            start = end
        parts.append(line[start:])
        return "\r\n ".join(parts)
    if len(line) * 4 <= _LIMIT:  # at most four octets a character: short whatever they are
        return line
    return fold(line).decode("utf-8")
