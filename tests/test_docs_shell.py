"""The CLI quickstart's shell commands, run as the page shows them, in order, in an empty folder.

The page promises that every command runs on the file ``followup init`` writes; a reader
found the offer example refused and the draft to check missing. Install commands (the
"Install" section) are left out: the test runs the installed ``followup``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```\n", re.DOTALL | re.MULTILINE)
# page -> the sections whose commands install followup rather than use it
PAGES = {"quickstart-cli.md": ("## 1. Install",), "offers.md": ()}


def commands(page: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """The page's ``sh`` commands in order, continuation lines joined, install sections left out."""
    text = page.read_text(encoding="utf-8")
    sections = re.split(r"^(?=## )", text, flags=re.MULTILINE)
    found: list[str] = []
    for section in sections:
        if section.startswith(skip):
            continue
        for block in SH_BLOCK.findall(section):
            found += [c for c in block.replace("\\\n", " ").splitlines() if c.strip()]
    return found


def _quickstart_results(folder: Path) -> None:
    draft = (folder / "my-edited-draft.txt").read_text(encoding="utf-8")
    assert draft.startswith("── rejection-reply · email")
    assert "Thank you for letting me know" in draft
    offer = (folder / "offer.toml").read_text(encoding="utf-8")
    assert 'status = "offer"' in offer
    assert "respond_by = 2026-12-04" in offer
    assert 'decision = "decline"' in offer
    assert "decided = 2026-11-30" in offer
    assert list((folder / "drafts").glob("*.eml"))
    assert (folder / "followup.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def _offers_results(folder: Path) -> None:
    assert 'decision = "decline"' in (folder / "interview.toml").read_text(encoding="utf-8")
    assert 'status = "withdrawn"' in (folder / "withdrawn.toml").read_text(encoding="utf-8")


RESULTS = {"quickstart-cli.md": _quickstart_results, "offers.md": _offers_results}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_commands_run_in_order(page: str, tmp_path: Path) -> None:
    steps = commands(ROOT / "docs" / page, PAGES[page])
    assert len(steps) >= 5, steps
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""), "NO_COLOR": "1"}
    for command in steps:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, (
            f"{page}: `{command}` failed:\n{done.stdout[-1500:]}{done.stderr[-1500:]}"
        )
    RESULTS[page](tmp_path)


def test_the_commands_are_found() -> None:
    steps = commands(ROOT / "docs" / "quickstart-cli.md", PAGES["quickstart-cli.md"])
    assert steps[0] == "followup init interview.toml"
    assert not any("pip install" in c for c in steps)
    assert any("--decision decline" in c and "--at" in c for c in steps)
