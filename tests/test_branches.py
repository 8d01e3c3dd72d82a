"""A step put in a branch (``outcomes_only``) is planned there or refused, never dropped.

Found by a writer of new interview files: a ``linkedin-connect`` step with
``outcomes_only = ["withdrawn"]`` (the kind applies to rejections by default) planned
nothing and said nothing. The same rule holds in the interview file, in
``Plan.from_dict`` and in ``followup.from_dict``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import followup
from followup import Plan
from followup.cli import main
from followup.errors import InvalidStepError, ValidationError

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


STEP = {"kind": "linkedin-connect", "id": "stay-connected", "outcomes_only": ["withdrawn"]}


def test_plan_from_dict_follows_the_same_rule() -> None:
    plan = Plan.from_dict({"steps": [STEP]})
    (entry,) = plan.entries
    assert {o.value for o in entry.applies} == {"withdrawn"}
    with pytest.raises(InvalidStepError, match="never planned"):
        Plan.from_dict({"steps": [{**STEP, "outcomes": ["rejected"]}]})
    # A branch that meets the step's outcomes keeps them: the step narrows to the branch.
    plan = Plan.from_dict({"steps": [{**STEP, "outcomes": ["rejected", "withdrawn"]}]})
    assert {o.value for o in plan.entries[0].applies} == {"withdrawn"}


def test_the_converter_follows_the_same_rule() -> None:
    plan = followup.from_dict({"steps": [STEP]}, Plan)
    assert {o.value for o in plan.entries[0].applies} == {"withdrawn"}
    with pytest.raises(ValidationError) as info:
        followup.from_dict({"steps": [{**STEP, "outcomes": ["rejected"]}]}, Plan)
    assert info.value.field == "steps[0].outcomes_only"
