"""Every ```python block in docs/ and README.md runs, page by page, in order.

A block followed by "prints" and a ```text block must print exactly that text,
so the docs cannot drift from the code.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*ROOT.joinpath("docs").glob("*.md"), ROOT / "README.md"])
# Pages whose code starts a cluster: slow, as the tests that do the same (CI runs them).
SLOW_PAGES = {"dask.md"}
BLOCK = re.compile(r"^```python\n(.*?)^```\n(?:\nprints\n\n```text\n(.*?)^```)?", re.DOTALL | re.MULTILINE)


def _blocks(page: Path) -> list[tuple[str, str]]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


class TestDocs:
    @pytest.mark.parametrize(
        "page",
        [
            pytest.param(p, marks=[pytest.mark.slow] if p.name in SLOW_PAGES else [])
            for p in PAGES
            if _blocks(p)
        ],
        ids=lambda p: p.name,
    )
    def test_code_blocks_run(self, page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
        for n, (block, expected) in enumerate(_blocks(page), 1):
            code = compile(block, f"{page.name}[block {n}]", "exec")
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(code, namespace)
            if expected:
                assert out.getvalue() == expected, f"{page.name} block {n} printed something else"

    def test_prints_blocks_are_checked(self) -> None:
        page = ROOT / "docs" / "scheduling.md"
        assert any(expected for _code, expected in _blocks(page))
