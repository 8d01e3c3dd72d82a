"""Where each key is in an interview file: the line index behind ``FILE:LINE: key.path`` errors."""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["deepest_line", "find_line", "index_lines"]


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


_KEY_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_HEADER_RE = re.compile(rf"^\s*(\[\[?)\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]\]?\s*(?:#.*)?$")
_KEY_RE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=(.*)$")
_INLINE_KEY_RE = re.compile(r"[{,]\s*([A-Za-z0-9_-]+)\s*=")
_PART_RE = re.compile(_KEY_PART)


def _parts(dotted: str) -> list[str]:
    out = []
    for part in _PART_RE.findall(dotted):
        out.append(part[1:-1] if part[:1] in "\"'" else part)
    return out


def find_line(lines: Mapping[str, int], field: str) -> int | None:
    """The line of a key path, or of the nearest enclosing table or key that has one."""
    while field:
        if field in lines:
            return lines[field]
        cut = max(field.rfind("."), field.rfind("["))
        if cut <= 0:
            return None
        field = field[:cut]
    return None


def index_lines(text: str) -> dict[str, int]:
    """Map key paths (``interview.interviewers[2].email``) to the line they are on; best effort."""
    index: dict[str, int] = {}
    arrays: dict[str, int] = {}
    table = ""
    open_string: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if open_string is not None:
            if line.count(open_string) % 2 == 1:
                open_string = None
            continue
        header = _HEADER_RE.match(line)
        if header:
            path = ""
            names = _parts(header.group(2))
            for i, name in enumerate(names):
                path = _join(path, name)
                last = i == len(names) - 1
                if last and header.group(1) == "[[":
                    arrays[path] = arrays.get(path, 0) + 1
                if path in arrays:
                    path += f"[{arrays[path]}]"
            table = path
            index.setdefault(table, number)
            continue
        key = _KEY_RE.match(line)
        if not key:
            continue
        path = table
        for name in _parts(key.group(1)):
            path = _join(path, name)
            index.setdefault(path, number)
        rest = key.group(2)
        for inner in _INLINE_KEY_RE.findall(rest):
            index.setdefault(f"{path}.{inner}", number)
        for quotes in ('"""', "'''"):
            if rest.count(quotes) % 2 == 1:
                open_string = quotes
    return index




def deepest_line(text: str) -> int:
    """The line where ``[`` and ``{`` nest deepest, ignoring strings and comments; best effort."""
    depth = best = 0
    line = best_line = 1
    quote: str | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            line += 1
        if quote is not None:
            if ch == "\\" and quote == '"':
                i += 1
            elif text.startswith(quote, i):
                i += len(quote) - 1
                quote = None
        elif ch == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end - 1
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(quote) - 1
        elif ch in "[{":
            depth += 1
            if depth > best:
                best, best_line = depth, line
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return best_line
