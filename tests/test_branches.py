"""A step put in a branch (``outcomes_only``) in an interview file is planned there or
refused, never dropped.

Found by a writer of new interview files: a ``linkedin-connect`` step with
``outcomes_only = ["withdrawn"]`` (the kind applies to rejections by default) planned
nothing and said nothing. Data from ``Plan.to_dict`` round-trips as it is.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import followup
import followup.steps
from followup import Plan
from followup.cli import main

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-03-12T12:00:00-05:00"


def withdrawn_file(tmp_path: Path, step: str) -> Path:
    text = (ROOT / "examples" / "pending.toml").read_text(encoding="utf-8")
    text = text.replace('[outcome]\nstatus = "pending"', '[outcome]\nstatus = "withdrawn"\nat = 2026-03-09')
    path = tmp_path / "withdrawn.toml"
    path.write_text(text + "\n\n[[plan.steps]]\n" + step, encoding="utf-8")
    return path


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_branch_decides_when_the_step_leaves_its_outcomes_alone(tmp_path: Path) -> None:
    path = withdrawn_file(
        tmp_path,
        'kind = "linkedin-connect"\nid = "stay-connected"\nafter_step = "withdrawal"\n'
        'outcomes_only = ["withdrawn"]\n',
    )
    code, out, err = run("plan", path, "--now", NOW, "--format", "json")
    assert code == 0, err
    actions = {a["id"]: a for a in json.loads(out)["actions"]}
    connect = actions["stay-connected.daniel-okafor"]
    assert connect["status"] != "cancelled"
    assert connect["due"] > actions["withdrawal"]["due"]
    assert actions["stay-connected.daniel-okafor"]["recipient"]["name"] == "Daniel Okafor"


def test_a_branch_that_never_meets_the_steps_outcomes_is_an_error(tmp_path: Path) -> None:
    path = withdrawn_file(
        tmp_path,
        'kind = "linkedin-connect"\nid = "stay-connected"\nafter_step = "withdrawal"\n'
        'outcomes_only = ["withdrawn"]\noutcomes = ["rejected"]\n',
    )
    code, _out, err = run("plan", path, "--now", NOW)
    assert code == 1
    line = path.read_text(encoding="utf-8").splitlines().index('outcomes_only = ["withdrawn"]') + 1
    assert err.startswith(f"error: {path}:{line}: plan.steps[1].outcomes_only: ")
    assert "step 'stay-connected' is never planned" in err
    assert 'set outcomes = ["withdrawn"] on the step too' in err
    assert "Traceback" not in err


def test_data_from_to_dict_round_trips_as_it_is() -> None:
    # Plan.only on a whole plan leaves a thank-you (pending) in a withdrawn branch: it
    # applies nowhere, on purpose, and from_dict gives back the same plan.
    plan = Plan.of(followup.steps.ThankYou(), followup.steps.Withdrawal()).only("withdrawn")
    assert Plan.from_dict(plan.to_dict()) == plan
    assert followup.from_dict(followup.to_dict(plan), Plan) == plan
