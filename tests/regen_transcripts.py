"""Rewrite the output of every ``$ followup ...`` line in the docs' console blocks.

Run from the repository root:  python tests/regen_transcripts.py
The docs tests in test_cli.py fail when a transcript drifts; this brings them back in line.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import sys
from pathlib import Path

from followup.cli import main

ROOT = Path(__file__).resolve().parent.parent
CONSOLE = re.compile(r"^```console\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _run(command: str) -> str:
    argv = shlex.split(command)
    if "interview.toml" in argv:  # as in test_cli.transcript_dir: the file `followup init` writes
        import os
        import tempfile

        from followup.interview_file import EXAMPLE

        here = os.getcwd()
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "interview.toml").write_text(EXAMPLE, encoding="utf-8")
            os.chdir(tmp)
            try:
                return _run_here(argv)
            finally:
                os.chdir(here)
    return _run_here(argv)


def _run_here(argv: list[str]) -> str:
    merge = argv[-1:] == ["2>&1"]
    argv = argv[:-1] if merge else argv
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out):
        main(argv[1:], stdout=out, stderr=err)
    return out.getvalue() + (err.getvalue() if merge else "")


def _block(match: re.Match[str]) -> str:
    lines = [line for line in match.group(1).splitlines() if line.startswith("$ ")]
    body = "".join(f"{line}\n{_run(line[2:])}" for line in lines)
    return f"```console\n{body}```"


def main_() -> None:
    for page in [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]:
        text = page.read_text(encoding="utf-8")
        new = CONSOLE.sub(_block, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            sys.stdout.write(f"updated {page.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main_()
