"""The documentation site as a newcomer reads it: built with ``mkdocs build --strict``
and checked page by page (tests/sitecheck.py holds the checks).

Building the site takes about half a minute, so the built-site tests are slow
(CI runs them); the source checks are not.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import browsercheck  # type: ignore[import-not-found]
import pytest
import sitecheck  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
ROLE = re.compile(r":(?:class|func|meth|attr|exc|mod|data|obj):`")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("mkdocs is not installed: pip install -e '.[tests]' brings it (the docs extra)")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Not -q: mkdocs 1.6 counts only the warnings it logs, and -q logs none, so a quiet
    # strict build passes with broken links.
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    warnings = [line for line in done.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)
    assert done.returncode == 0, done.stderr[-2000:]
    return out


class TestSource:
    def test_docstrings_use_cross_references_not_sphinx_roles(self) -> None:
        found = [
            f"{p.relative_to(ROOT)}:{n}"
            for p in sorted(ROOT.joinpath("followup").rglob("*.py"))
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if ROLE.search(line)
        ]
        assert not found, "write [`Name`][followup.module.Name] or `name`, not a Sphinx role: " + ", ".join(found)


    def test_signature_line_length_is_the_one_the_check_uses(self) -> None:
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        assert f"line_length: {sitecheck.MAX_SIGNATURE_LINE}" in config

    @pytest.mark.parametrize("page", sorted(ROOT.joinpath("docs").glob("*.md")), ids=lambda p: p.name)
    def test_each_code_block_runs_alone_or_says_what_it_continues(self, page: Path) -> None:
        silent = [
            f"block {n} uses {', '.join(names)}"
            for n, names, before in sitecheck.borrowed_names(page.read_text(encoding="utf-8"))
            if sitecheck.CONTINUES not in before
        ]
        assert not silent, f"{page.name}: say '{sitecheck.CONTINUES} the blocks above (uses ...)': {silent}"


class TestChecks:
    """The built-site checks see what they look for, on a page made to have it."""

    def test_run_in_lists_are_seen(self, tmp_path: Path) -> None:
        page = "<p>- <strong>One.</strong> text\n  more</p><p>Two\n- <strong>Three.</strong> x</p>"
        tmp_path.joinpath("index.html").write_text(page, encoding="utf-8")
        assert sitecheck.run_in_lists(tmp_path) == ["index.html: '- One. text'", "index.html: '- Three. x'"]

    def test_duplicate_ids_are_seen(self, tmp_path: Path) -> None:
        page = "<h2 id='a'>x</h2><div id=\"b\"></div><h2 id=\"a\">y</h2><p data-id='b'></p>"
        tmp_path.joinpath("index.html").write_text(page, encoding="utf-8")
        assert sitecheck.duplicate_ids(tmp_path) == ["index.html: a"]

    def test_unformatted_signatures_are_seen(self, tmp_path: Path) -> None:
        signature = '<div class="language-python doc-signature highlight"><pre><code>f(' + "a: int, " * 12
        tmp_path.joinpath("index.html").write_text(signature + ")</code></pre></div>", encoding="utf-8")
        assert len(sitecheck.long_signature_lines(tmp_path)) == 1


# The main entry points, whose Examples sections the API reference shows: they run here.
EXAMPLES = [
    "followup.plan.Plan.schedule",
    "followup.ical.to_ical",
    "followup.ical.merge_ical",
    "followup.codec.to_dict",
    "followup.codec.from_dict",
    "followup.timeline.Timeline.diff",
    "followup.caldav.sync",
]


class TestExamples:
    @pytest.mark.parametrize("path", EXAMPLES)
    def test_examples_section_runs(self, path: str) -> None:
        obj = sitecheck._resolve(path)
        assert "Examples:" in (obj.__doc__ or ""), f"{path} has no Examples section"
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        for test in doctest.DocTestFinder(recurse=False).find(obj, path, globs={}):
            runner.run(test)
        assert runner.summarize(verbose=False).failed == 0


@pytest.mark.slow
class TestBuiltSite:
    def test_no_raw_sphinx_roles(self, site: Path) -> None:
        assert sitecheck.raw_roles(site) == []

    def test_no_parameter_with_a_default_is_labelled_required(self, site: Path) -> None:
        assert sitecheck.required_with_default(site) == []

    def test_attrs_classes_show_their_signature_and_defaults(self, site: Path) -> None:
        page = (site / "api" / "index.html").read_text(encoding="utf-8")
        start = page.index('id="followup.model.Contact"')
        contact = sitecheck._text(page[start : page.index("</table>", start)])
        assert "Contact(" in contact
        assert re.search(r"email: str \| None = None", contact)

    def test_no_private_names_in_api_signatures(self, site: Path) -> None:
        assert sitecheck.private_names(site) == []

    def test_api_signatures_are_formatted_to_fit(self, site: Path) -> None:
        # Unformatted (no Ruff in the docs extra), a signature is one line of 100+ characters.
        assert sitecheck._SIGNATURE.search((site / "api" / "index.html").read_text(encoding="utf-8"))
        assert sitecheck.long_signature_lines(site) == []

    def test_no_list_runs_into_a_paragraph(self, site: Path) -> None:
        assert sitecheck.run_in_lists(site) == []

    def test_no_id_is_used_twice_on_a_page(self, site: Path) -> None:
        assert sitecheck.duplicate_ids(site) == []

    def test_no_escaped_pipes_in_table_cells(self, site: Path) -> None:
        assert sitecheck.escaped_pipes(site) == []

    def test_no_draft_line_is_cut_off(self, site: Path) -> None:
        assert sitecheck.long_pre_lines(site, drafts_only=True) == []

    def test_every_line_of_code_fits_its_block(self, site: Path) -> None:
        # Output blocks wrap (extra.css); code must be written to fit, or it is cut off.
        assert sitecheck.long_pre_lines(site) == [], f"wrap these to {sitecheck.MAX_PRE_LINE} characters"

    def test_output_blocks_wrap(self, site: Path) -> None:
        css = (site / "css" / "extra.css").read_text(encoding="utf-8")
        page = (site / "cli" / "index.html").read_text(encoding="utf-8")
        assert 'class="language-console highlight"' in page
        assert all(f".language-{lang} pre > code" in css for lang in sitecheck.WRAPPED)
        assert "white-space: pre-wrap" in css


@pytest.mark.slow
class TestInABrowser:
    """The site in headless Chromium at 1280 and 390 px (tests/browsercheck.py)."""

    @pytest.fixture
    def browser(self) -> None:
        if browsercheck.chromium() is None:
            # The README's test command works on a machine without a browser; CI (.ci/run installs
            # Chromium and sets FOLLOWUP_REQUIRE_BROWSER) never lets the check go unrun.
            message = "no Chromium: apt-get install -y chromium (.ci/run does), or set FOLLOWUP_CHROMIUM"
            if os.environ.get("FOLLOWUP_REQUIRE_BROWSER"):
                pytest.fail(message)
            pytest.skip(message)

    @pytest.mark.usefixtures("browser")
    def test_nothing_scrolls_sideways_and_no_output_is_cut_off(self, site: Path) -> None:
        # At 390 px only code blocks and tables scroll; at 1280 px not even code does.
        assert browsercheck.check(site) == {}

    @pytest.mark.usefixtures("browser")
    def test_the_check_sees_what_sticks_out(self, tmp_path: Path) -> None:
        wide = "<div class='md-content'><p><span style='display:inline-block;width:600px'>w</span></p>"
        quote = "<blockquote style='overflow:auto;white-space:pre'>" + "a draft line " * 20 + "</blockquote>"
        code = "<pre><code style='display:block;overflow:auto'>" + "x = 1  " * 30 + "</code></pre>"
        # a card whose label (two lines) is taller than its one-line value
        card = (
            "<style>td[data-label]::before{content:attr(data-label);float:left;width:3em}</style>"
            "<table><tr><td data-label='Greeting and sign-off' style='display:block'>x</td></tr></table>"
        )
        # a table that scrolls in its column (the interview file's tables at 1280 px)
        table = (
            "<table style='display:block;overflow:auto;max-width:100%'><tr>"
            + "<td><code>a_long_key_that_does_not_wrap</code></td>" * 60
            + "</tr></table>"
            + "<table><tr><td style='width:3em'><code style='overflow-wrap:anywhere'>"
            + "interviewers</code></td></tr></table>"
        )
        # a transcript re-wrapped on a phone
        console = (
            "<div class='language-console'><pre><code style='display:block;white-space:pre-wrap;"
            "line-height:20px;padding:0'>" + "Mon 23 Nov 09:00 " * 5 + "\nok</code></pre></div>"
        )
        tmp_path.joinpath("index.html").write_text(
            f"<html><body style='margin:0;overflow-x:hidden'><div class='md-typeset'>{wide}{quote}{code}"
            f"{card}{table}{console}</div></div></body></html>",
            encoding="utf-8",
        )
        found = browsercheck.check(tmp_path)
        phone, laptop = found["390 /"], found["1280 /"]
        assert any(p.startswith("sticks out") and "span" in p for p in phone)
        assert any(p.startswith("output cut off") and "blockquote" in p for p in phone + laptop)
        assert any(p.startswith("code scrolls") for p in laptop)
        assert any(p.startswith("label runs out") for p in phone)
        assert any(p.startswith("table wider than its column") for p in laptop)
        assert any(p.startswith("table wider than its column") for p in phone)
        assert any(p.startswith("output re-wrapped (2 lines") for p in phone)
        assert not any(p.startswith("output re-wrapped") for p in laptop)
        assert any(p.startswith("key broken mid-word") for p in laptop)
