"""Write every draft that interview files produce, one plain-text file per draft.

For a blind review: each file starts with a header naming the interview, the
step, the recipient, the channel and the tone, then the subject (email) and
the body exactly as ``followup draft`` prints them. Every tone is written, not
only the file's own.

The drafts are those ``followup draft FILE --format json`` gives at a moment
just after the interview ended (a pending outcome) or just after the decision
arrived (any other outcome), unless ``--now`` is given.

Usage::

    python bench/dump_drafts.py DIR/*.toml --out DIR/drafts
"""

from __future__ import annotations

import argparse
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from followup.cli import main as cli
from followup.interview_file import load

TONES = ("formal", "warm", "brief")


def moment(path: Path) -> datetime:
    """Just after the interview ended, or just after the decision arrived."""
    f = load(path)
    if f.outcome.status.value == "pending" or f.outcome.at is None:
        return f.interview.end + timedelta(minutes=1)
    at = f.outcome.at
    if not isinstance(at, datetime):
        at = datetime.combine(at, f.interview.start.timetz()) + timedelta(hours=8)
    return at + timedelta(minutes=1)


def drafts(path: Path, tone: str, now: str) -> list[dict[str, Any]]:
    """What ``followup draft PATH --format json --tone TONE --now NOW`` prints."""
    out, err = io.StringIO(), io.StringIO()
    code = cli(["draft", str(path), "--format", "json", "--tone", tone, "--now", now], stdout=out, stderr=err)
    if code != 0:
        raise SystemExit(f"{path}: {err.getvalue().strip()}")
    data: list[dict[str, Any]] = json.loads(out.getvalue())
    return data


def text(path: Path, tone: str, d: dict[str, Any]) -> str:
    """The header and the draft."""
    f = load(path)
    recipient = d.get("recipient", {}).get("name", "")
    head = [
        f"Interview: {path.name} ({f.interview.company}, {f.interview.role})",
        f"Step: {d['step']} ({d['id']})",
        f"Recipient: {recipient}",
        f"To: {d.get('to', '')}",
        f"Channel: {d['channel']}",
        f"Tone: {tone}",
        f"Due: {d['due']}",
        "-" * 72,
    ]
    body = ([f"Subject: {d['subject']}", ""] if d.get("subject") else []) + [d["body"]]
    return "\n".join(head + body) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Dump the drafts of the given files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True, help="the directory for the drafts")
    parser.add_argument("--now", help="one moment for every file (ISO 8601 with offset)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in args.files:
        now = args.now or moment(path).isoformat()
        for tone in TONES:
            for d in drafts(path, tone, now):
                name = re.sub(r"[^\w.-]+", "-", f"{path.stem}__{d['id']}__{tone}", flags=re.ASCII)
                (args.out / f"{name}.txt").write_text(text(path, tone, d), encoding="utf-8")
                count += 1
    print(f"wrote {count} drafts to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
