"""The example plugin (examples/plugin): a third-party step kind, end to end through the entry point.

In-process tests import the plugin from its folder and stand in for the
installed metadata with fake entry points; the ``installed`` tests build a
fresh virtual environment with followup and the plugin installed by pip, and
run the real thing in a subprocess.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from followup import files
from followup.errors import InputFileError, InvalidStepError
from followup.registry import ENTRY_POINT_GROUP, Registry, format_kinds, step_from_dict
from followup.steps import Step
from followup.testing import StepContract

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "examples" / "plugin"
INTERVIEW = PLUGIN / "interview.toml"
NOW = "2026-12-01T09:00:00-05:00"
URL = "https://samrivera.example/portfolio"

if str(PLUGIN) not in sys.path:
    sys.path.insert(0, str(PLUGIN))
portfolio: Any = importlib.import_module("followup_portfolio")
PortfolioLink: Any = portfolio.PortfolioLink


@attrs.frozen
class FakeDist:
    name: str
    version: str = "0.1.0"


@attrs.frozen
class FakeEntryPoint:
    name: str
    value: str
    dist: FakeDist
    group: str = ENTRY_POINT_GROUP

    def load(self) -> Any:
        module, _, attr = self.value.partition(":")
        return getattr(importlib.import_module(module), attr)


def installed_as(monkeypatch: pytest.MonkeyPatch, *dists: str) -> None:
    """Make importlib.metadata report the plugin's entry point from these distributions."""
    eps = [
        FakeEntryPoint("portfolio-link", "followup_portfolio:PortfolioLink", FakeDist(d))
        for d in dists
    ]
    monkeypatch.setattr(
        importlib.metadata, "entry_points", lambda *, group: [e for e in eps if e.group == group]
    )


def with_steps(steps: str) -> str:
    """The example file with its [[plan.steps]] table replaced."""
    text = INTERVIEW.read_text(encoding="utf-8")
    return text[: text.index("[[plan.steps]]")] + steps


# --- the plugin's step meets the contract --------------------------------------------------------


class TestPortfolioLinkContract(StepContract):
    def make_step(self) -> Step:
        return PortfolioLink(url=URL)  # type: ignore[no-any-return]

    def registry(self) -> Registry:
        reg = Registry(entry_points=False)
        reg.register("portfolio-link", PortfolioLink)
        return reg


class TestPortfolioLinkWithItsOwnTemplate(TestPortfolioLinkContract):
    def make_step(self) -> Step:
        return PortfolioLink(  # type: ignore[no-any-return]
            url="https://example.com/work",
            template="Subject: My work\n\nHi {first_name},\n\nHere it is: {{portfolio_url}}\n\nBest,\n{signature}",
        )

    def companions(self) -> Sequence[Step]:
        return ()


# --- in process, with a fake entry point ------------------------------------------------------------


class TestThroughTheEntryPoint:
    def test_the_entry_point_gives_the_kind(self, monkeypatch: pytest.MonkeyPatch) -> None:
        installed_as(monkeypatch, "followup-portfolio")
        reg = Registry()
        assert reg.get("portfolio-link") is PortfolioLink
        info = reg.describe("portfolio-link")
        assert (info.distribution, info.entry_point) == (
            "followup-portfolio",
            "portfolio-link = followup_portfolio:PortfolioLink",
        )
        assert "portfolio-link  (from followup-portfolio 0.1.0)\n" in format_kinds(registry=reg)

    def test_the_example_file_schedules_the_step_with_its_draft(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        installed_as(monkeypatch, "followup-portfolio")
        f = files.load(INTERVIEW, registry=Registry())
        assert "network" not in f.plan.ids
        timeline = f.schedule(now=datetime.fromisoformat(NOW))
        action = timeline["portfolio-link"]
        assert action.due == datetime(2026, 12, 8, 10, 0, tzinfo=ZoneInfo("America/New_York"))
        assert (
            action.reason
            == "2 weeks after the rejection on Tue 24 Nov, at 10:00 in America/New_York"
            "; holidays of the United States (US, from America/New_York)"
        )
        assert action.message is not None
        assert action.message.subject == "A few examples of my work, Acme"
        assert f"\n\n{URL}\n\n" in action.message.body
        assert action.links == (URL,)

    def test_the_link_is_taken_literally(self) -> None:
        reg = Registry(entry_points=False)
        reg.register("portfolio-link", PortfolioLink)
        f = files.loads(
            with_steps(
                '[[plan.steps]]\nkind = "portfolio-link"\nurl = "https://x.example/a?b=[c]&d={e}"\n'
            ),
            registry=reg,
        )
        message = f.schedule(now=datetime.fromisoformat(NOW))["portfolio-link"].message
        assert message is not None
        assert "\n\nhttps://x.example/a?b=[c]&d={e}\n\n" in message.body

    def test_a_file_can_give_the_step_a_template(self, monkeypatch: pytest.MonkeyPatch) -> None:
        installed_as(monkeypatch, "followup-portfolio")
        text = with_steps(
            f'[[plan.steps]]\nkind = "portfolio-link"\nurl = "{URL}"\n'
            'template = """Subject: Work samples\n\nHi {first_name},\n\nSee {{portfolio_url}}.\n\nBest,\n{signature}"""\n'
        )
        f = files.loads(text, registry=Registry())
        message = f.schedule(now=datetime.fromisoformat(NOW))["portfolio-link"].message
        assert message is not None
        assert (message.subject, message.body.splitlines()[2]) == ("Work samples", f"See {URL}.")


# --- bad input -----------------------------------------------------------------------------------


class TestBadInput:
    def load_error(
        self, steps: str, monkeypatch: pytest.MonkeyPatch, *dists: str
    ) -> InputFileError:
        installed_as(monkeypatch, *(dists or ("followup-portfolio",)))
        text = with_steps(steps)
        with pytest.raises(InputFileError) as info:
            files.loads(text, path="interview.toml", registry=Registry())
        return info.value

    def test_unknown_kind_says_did_you_mean(self, monkeypatch: pytest.MonkeyPatch) -> None:
        err = self.load_error(
            f'[[plan.steps]]\nkind = "portfolio-lnk"\nurl = "{URL}"\n', monkeypatch
        )
        assert err.field == "plan.steps[1].kind"
        assert "unknown step kind 'portfolio-lnk' (did you mean 'portfolio-link'?)" in str(err)
        assert err.line == 36

    def test_bad_parameter_for_the_custom_kind(self, monkeypatch: pytest.MonkeyPatch) -> None:
        err = self.load_error('[[plan.steps]]\nkind = "portfolio-link"\nurl = 42\n', monkeypatch)
        assert str(err) == "interview.toml:37: plan.steps[1].url: 42 is not valid: a string"
        err = self.load_error(
            '[[plan.steps]]\nkind = "portfolio-link"\nurl = "ftp://x"\n', monkeypatch
        )
        assert str(err) == (
            'interview.toml:37: plan.steps[1].url: "ftp://x" is not valid: '
            "an http(s) URL such as 'https://example.com/careers'"
        )
        err = self.load_error(
            f'[[plan.steps]]\nkind = "portfolio-link"\nurl = "{URL}"\nafter = "soon"\n', monkeypatch
        )
        assert err.field == "plan.steps[1].after"
        assert (
            "a duration in hours or minutes or days, weeks, months or years or business days"
            in str(err)
        )

    def test_unknown_and_missing_parameters(self, monkeypatch: pytest.MonkeyPatch) -> None:
        err = self.load_error(
            f'[[plan.steps]]\nkind = "portfolio-link"\nurll = "{URL}"\n', monkeypatch
        )
        assert err.field == "plan.steps[1].urll"
        assert "unknown key (did you mean 'url'?)" in str(err)
        err = self.load_error('[[plan.steps]]\nkind = "portfolio-link"\n', monkeypatch)
        assert (
            str(err)
            == "interview.toml:35: plan.steps[1].url: missing: the portfolio-link step needs it: a string"
        )

    def test_bad_parameter_from_python(self) -> None:
        reg = Registry(entry_points=False)
        reg.register("portfolio-link", PortfolioLink)
        with pytest.raises(
            InvalidStepError,
            match=r"step kind 'portfolio-link', parameter 'at': '10am' is not valid",
        ):
            step_from_dict({"kind": "portfolio-link", "url": URL, "at": "10am"}, registry=reg)

    def test_two_distributions_registering_the_kind(self, monkeypatch: pytest.MonkeyPatch) -> None:
        err = self.load_error(
            f'[[plan.steps]]\nkind = "portfolio-link"\nurl = "{URL}"\n',
            monkeypatch,
            "followup-portfolio",
            "followup-portfolio-fork",
        )
        assert err.field == "plan.steps[1].kind"
        assert "step kind 'portfolio-link' is registered twice in group 'followup.steps'" in str(
            err
        )
        assert (
            "distribution 'followup-portfolio' (entry point 'portfolio-link = followup_portfolio:PortfolioLink')"
            in str(err)
        )
        assert "distribution 'followup-portfolio-fork'" in str(err)


# --- installed for real, in a fresh virtual environment -----------------------------------------------


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture(scope="session")
def plugin_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with followup (this checkout) and the example plugin, installed by pip."""
    venv = tmp_path_factory.mktemp("plugin") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    pip = [
        str(_bin(venv, "python")),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    done = subprocess.run(
        [*pip, str(ROOT), str(PLUGIN)], capture_output=True, text=True, check=False, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return venv


def run(venv: Path, *argv: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NO_COLOR")}
    return subprocess.run(
        [str(a) for a in argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=120,
    )


@pytest.mark.slow
class TestInstalled:
    def test_the_kind_is_listed_with_its_distribution(
        self, plugin_venv: Path, tmp_path: Path
    ) -> None:
        done = run(plugin_venv, _bin(plugin_venv, "followup"), "steps", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert (
            "\nportfolio-link  (from followup-portfolio 0.1.0)\n"
            "    Email a link to your portfolio two weeks after a rejection.\n"
            "    class: followup_portfolio:PortfolioLink\n"
            "    url       text, required: The portfolio's address.\n"
        ) in done.stdout
        assert done.stdout.startswith("thank-you  (from followup)\n")

    def test_plan_drafts_the_plugin_step(self, plugin_venv: Path) -> None:
        done = run(
            plugin_venv,
            _bin(plugin_venv, "followup"),
            "plan",
            "examples/plugin/interview.toml",
            "--now",
            NOW,
            "--format",
            "json",
        )
        assert done.returncode == 0, done.stderr
        actions = {a["id"]: a for a in json.loads(done.stdout)["actions"]}
        action = actions["portfolio-link"]
        assert action["due"] == "2026-12-08T10:00:00-05:00"
        assert action["message"]["subject"] == "A few examples of my work, Acme"
        assert URL in action["message"]["body"]
        assert "network" not in actions
        text = run(
            plugin_venv,
            _bin(plugin_venv, "followup"),
            "plan",
            "examples/plugin/interview.toml",
            "--now",
            NOW,
        )
        assert "[portfolio-link]" in text.stdout

    def test_bad_input_is_a_clear_error(self, plugin_venv: Path, tmp_path: Path) -> None:
        bad = tmp_path / "bad.toml"
        bad.write_text(with_steps('[[plan.steps]]\nkind = "portfolio-lnik"\n'), encoding="utf-8")
        done = run(plugin_venv, _bin(plugin_venv, "followup"), "plan", bad, "--now", NOW)
        assert done.returncode == 1
        assert done.stderr.startswith(
            f"error: {bad}:36: plan.steps[1].kind: unknown step kind 'portfolio-lnik'"
        )
        assert "(did you mean 'portfolio-link'?)" in done.stderr
        assert "Traceback" not in done.stderr
