"""Checks on the built documentation site, as a newcomer reading it would find it.

Used by ``tests/test_site.py`` (which builds the site) and runnable on a site
already built, to print the counts the docs issue measures::

    python tests/sitecheck.py SITE_DIR
"""

from __future__ import annotations

import html
import importlib
import inspect
import re
import sys
from pathlib import Path
from typing import Any

#: A line of code longer than this does not fit a code block at 1280 px: Material's
#: content column is 688 px there, a character of its monospace 8.2 px, and the
#: block keeps 16 px on the left and 2em (27 px) on the right, under the copy button
#: (tests/browsercheck.py measures it in Chromium).
MAX_PRE_LINE = 78
#: Blocks that wrap (extra.css): what a command or a block prints, as a terminal
#: wraps it. Their lines may be longer; nothing is cut off.
WRAPPED = ("console", "text")
#: mkdocs.yml's ``line_length`` for the API reference's signatures.
MAX_SIGNATURE_LINE = 76

_ROLE = re.compile(r":(?:class|func|meth|attr|exc|mod|data|obj|ref|py:\w+):\s*(?:<code>|`)")
_PRE = re.compile(r'(?:<div class="language-([\w-]+)[^"]*">)?<pre[^>]*>(.*?)</pre>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.DOTALL)
_HEADING = re.compile(r'<h[1-6] id="(followup(?:\.\w+)*)" class="doc doc-heading"')
_ROW = re.compile(
    r'<tr class="doc-section-item">\s*<td>\s*<code>(\w+)</code>\s*</td>(.*?)</tr>', re.DOTALL
)
_SIGNATURE = re.compile(r'<div class="[^"]*\bdoc-signature\b[^"]*"[^>]*>(.*?)</div>', re.DOTALL)
# A parameter named _x (followed by ":") is the function's own business, not an alias.
_PRIVATE = re.compile(r"(?<![\w.])_[A-Za-z]\w*(?!\w|:)")
_PYTHON = re.compile(r"^(from \w+ import|import \w+|def |class )", re.MULTILINE)
_DRAFT_START = re.compile(r"^(Subject: |Dear |Hi |Hello )", re.MULTILINE)


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment))


def pages(site: Path) -> dict[str, str]:
    """Every page of the built site, by its path relative to the site."""
    return {
        str(p.relative_to(site)): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html"
    }


def raw_roles(site: Path) -> list[str]:
    """Sphinx roles (``:class:`x```) left as text on any page."""
    found = []
    for name, page in pages(site).items():
        for m in _ROLE.finditer(page):
            found.append(f"{name}: {_text(page[m.start() : m.end() + 60])!r}")
    return found


def escaped_pipes(site: Path) -> list[str]:
    r"""Table cells that show ``\|`` (a pipe escaped for Markdown) literally."""
    return [
        f"{name}: {_text(cell).strip()!r}"
        for name, page in pages(site).items()
        for cell in _CELL.findall(page)
        if "\\|" in _text(cell)
    ]


def long_pre_lines(site: Path, *, drafts_only: bool = False) -> list[str]:
    """Lines of code blocks wider than `MAX_PRE_LINE`, which are cut off on screen,
    outside the blocks that wrap (`WRAPPED`).

    With ``drafts_only``, only the message lines of blocks that show a drafted
    message (a line starts with "Subject:", "Dear" or "Hi"; Python code and the
    ``$ command`` that printed the draft are not message lines).
    """
    found = []
    for name, page in pages(site).items():
        for language, block in _PRE.findall(page):
            text = _text(block)
            if drafts_only and (not _DRAFT_START.search(text) or _PYTHON.search(text)):
                continue
            if language in WRAPPED:
                continue
            found.extend(
                f"{name}: {line[:60]!r}... ({len(line)})"
                for line in text.split("\n")
                if len(line) > MAX_PRE_LINE and not (drafts_only and line.startswith("$ "))
            )
    return found


def required_labels(site: Path) -> int:
    """How many parameters the API pages label *required*."""
    return sum(page.count("<em>required</em>") for page in pages(site).values())


def _resolve(path: str) -> Any:
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise LookupError(path)


def required_with_default(site: Path) -> list[str]:
    """Parameters labelled *required* on the API pages that have a default in the code."""
    found = []
    for name, page in pages(site).items():
        heads = [(m.start(), m.group(1)) for m in _HEADING.finditer(page)]
        for row in _ROW.finditer(page):
            if "<em>required</em>" not in row.group(2):
                continue
            owner = max((h for h in heads if h[0] < row.start()), default=None)
            if owner is None:
                continue
            try:
                obj = _resolve(owner[1])
                params = inspect.signature(obj).parameters
            except (LookupError, AttributeError, TypeError, ValueError):
                continue
            param = params.get(row.group(1))
            if param is not None and param.default is not inspect.Parameter.empty:
                found.append(f"{name}: {owner[1]}({row.group(1)}=...)")
    return found


def private_names(site: Path) -> list[str]:
    """Private names (``_Source``) in the signatures and type columns of the API pages."""
    found = []
    for name, page in pages(site).items():
        chunks = [_text(s) for s in _SIGNATURE.findall(page)]
        # the Type cell of each parameter row (the description may quote ``_year``)
        chunks += [_text(cells[0]) for m in _ROW.finditer(page) if (cells := _CELL.findall(m.group(2)))]
        for chunk in chunks:
            for m in _PRIVATE.finditer(chunk):
                # A parameter named _x is not an alias; a "_" inside words is not a name.
                if m.group(0) not in {"_"}:
                    found.append(f"{name}: {m.group(0)} in {chunk.strip()[:80]!r}")
    return found


def long_signature_lines(site: Path) -> list[str]:
    """Lines of the API reference's signatures longer than `MAX_SIGNATURE_LINE`: the
    signatures were not formatted (mkdocstrings needs Ruff or Black for that)."""
    return [
        f"{name}: {line[:60]!r}... ({len(line)})"
        for name, page in pages(site).items()
        for signature in _SIGNATURE.findall(page)
        for line in _text(signature).split("\n")
        if len(line) > MAX_SIGNATURE_LINE
    ]


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
# A line of a paragraph that starts like a list item: a list Markdown did not see (an item's
# second paragraph indented 2 spaces, not 4, ends the list and runs the rest into one <p>).
_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+\S")


def run_in_lists(site: Path) -> list[str]:
    """Paragraphs with a line that starts with a list marker (" - ", "2. "): list items
    run together as text."""
    return [
        f"{name}: {line.strip()[:70]!r}"
        for name, page in pages(site).items()
        for paragraph in _PARAGRAPH.findall(page)
        for line in _text(paragraph).split("\n")
        if _MARKER.match(line)
    ]


_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def duplicate_ids(site: Path) -> list[str]:
    """HTML ids used more than once on a page: a link to one lands on the first."""
    found = []
    for name, page in pages(site).items():
        seen: set[str] = set()
        for ident in _ID.findall(page):
            if ident in seen:
                found.append(f"{name}: {ident}")
            seen.add(ident)
    return sorted(set(found))


def counts(site: Path) -> dict[str, int]:
    """The figures the docs issue reports, before and after."""
    return {
        "required labels": required_labels(site),
        "required labels on parameters with a default": len(required_with_default(site)),
        "raw roles": len(raw_roles(site)),
        "draft lines cut off": len(long_pre_lines(site, drafts_only=True)),
        f"code lines over {MAX_PRE_LINE} characters (outside wrapped output)": len(long_pre_lines(site)),
        r"\| cells": len(escaped_pipes(site)),
        "private names in API signatures": len(private_names(site)),
        f"signature lines over {MAX_SIGNATURE_LINE} characters": len(long_signature_lines(site)),
        "list items run into a paragraph": len(run_in_lists(site)),
        "ids used twice on a page": len(duplicate_ids(site)),
    }


if __name__ == "__main__":
    for key, value in counts(Path(sys.argv[1])).items():
        print(f"{value:6d}  {key}")


# --- docs/*.md code blocks: each runs alone or says what it continues ---------------------

_BLOCK = re.compile(r"^```python\n(.*?)^```\n", re.DOTALL | re.MULTILINE)
CONTINUES = "Continues"


def _names(code: str) -> tuple[set[str], set[str]]:
    """The names a block defines, and the names it reads."""
    import ast
    import builtins

    tree = ast.parse(code)
    defined: set[str] = set()
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (defined if isinstance(node.ctx, (ast.Store, ast.Del)) else used).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            defined.add(node.name)
    return defined, used - defined - set(dir(builtins)) - {"__name__", "__file__"}


def borrowed_names(text: str) -> list[tuple[int, list[str], str]]:
    """For each Python block of a page that uses names an earlier block defined: its
    number, those names, and the paragraph just before it."""
    found = []
    earlier: set[str] = set()
    for n, m in enumerate(_BLOCK.finditer(text), 1):
        defined, used = _names(m.group(1))
        borrowed = sorted(used & earlier)
        if borrowed:
            before = text[: m.start()].rstrip().split("\n\n")[-1]
            found.append((n, borrowed, before))
        earlier |= defined
    return found
