"""The README's first command, word for word, in a fresh copy of the project with no extras."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _first_command() -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("```sh") + 1
    return lines[start]


@pytest.mark.slow
def test_readme_first_command_works_on_a_bare_install(tmp_path: Path) -> None:
    copy = tmp_path / "followup"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", "*.egg-info", "build"),
    )
    command = _first_command()
    assert command.startswith("python3 -m venv .venv && .venv/bin/pip install -q . && ")
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "rejection-reply" in done.stdout
    # Only what the README installs: no test or docs extras.
    listed = subprocess.run(
        [str(copy / ".venv/bin/pip"), "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.lower()
    assert "holidays==" in listed
    assert "pytest==" not in listed
    # The tone rules are package data: the installed wheel has them, and the
    # check works outside the source tree (cwd is not the project).
    checked = subprocess.run(
        [
            str(copy / ".venv/bin/python"),
            "-c",
            (
                "import followup.tone as t; "
                "assert 'site-packages' in t.__file__, t.__file__; "
                "print(t.check('thanks for the interview. let me know what you decide.')[0].rule)"
            ),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (checked.returncode, checked.stdout) == (0, "bare-lowercase\n"), checked.stderr
