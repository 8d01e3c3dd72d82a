"""Shared test helpers for reading real drafts through the command line: one place for
the `followup draft --format json` call the draft tests make (it was copied into six
test modules)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from followup.cli import main


def cli_drafts(
    path: Path, now: str, *, all_: bool = True, tone: str | None = None
) -> dict[str, dict[str, Any]]:
    """Action id -> the JSON draft `followup draft FILE --format json` prints for it
    (with ``--all`` unless ``all_`` is false, with ``--tone`` when ``tone`` is given)."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["draft", str(path), "--format", "json", "--now", now]
    if all_:
        argv.insert(2, "--all")
    if tone is not None:
        argv += ["--tone", tone]
    code = main(argv, stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    return {d["id"]: d for d in json.loads(out.getvalue())}


def write_file(tmp_path: Path, text: str, name: str = "interview.toml") -> Path:
    """An interview file with ``text`` under ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def flat(body: str) -> str:
    """The text on one line, spaces collapsed."""
    return " ".join(body.split())


def sentences(body: str) -> list[str]:
    """The text's sentences, split after a full stop or question mark."""
    return re.split(r"(?<=[.?])\s+", flat(body))


def phrase_strings() -> list[str]:
    """Every string of the English phrase file as shipped (frames and word lists, not its
    comments), for scans of what the drafts may say."""
    import tomllib
    from importlib import resources

    text = resources.files("followup").joinpath("phrases/en.toml").read_text(encoding="utf-8")
    strings: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            strings.append(node)

    walk(tomllib.loads(text))
    return strings
