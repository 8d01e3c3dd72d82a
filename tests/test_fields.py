"""followup.fields: a custom step declared with the public helpers is checked as a built-in is."""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from followup import (
    Action,
    Anchor,
    Candidate,
    Contact,
    Interview,
    Outcome,
    OutcomeStatus,
    Plan,
    SendWindow,
    ThankYou,
    When,
    fields,
)
from followup.errors import ValidationError
from followup.render import literal
from followup.typing import StepContext, StopReason, Tone

ROOT = Path(__file__).resolve().parent.parent
NY = ZoneInfo("America/New_York")


@attrs.frozen(kw_only=True)
class Custom:
    url: str = attrs.field(default="https://you.example/work", validator=fields.check_url)
    id: str = fields.step_id("custom")
    outcomes: frozenset[OutcomeStatus] = fields.outcomes("rejected")
    stop_on: frozenset[StopReason] = fields.stop_on()
    window: SendWindow = fields.window()
    tone: Tone | None = fields.tone()
    template: str | None = fields.template()

    def actions(self, ctx: StepContext) -> list[Action]:
        return [
            ctx.action(
                self, when=When(anchor=Anchor.OUTCOME), title=f"Read {self.url}", channel="task"
            )
        ]


@attrs.frozen(kw_only=True)
class Bare:
    """A step with no field helpers at all: a plan still checks its id and stop_on."""

    id: str = "bare"
    outcomes: frozenset[OutcomeStatus] = frozenset({OutcomeStatus.REJECTED})
    stop_on: frozenset[str] = frozenset()

    def actions(self, ctx: StepContext) -> list[Action]:
        return []


class TestCustomStepsFailAsBuiltinsDo:
    def test_defaults(self) -> None:
        step = Custom()
        assert step.id == "custom"
        assert step.outcomes == frozenset({OutcomeStatus.REJECTED})
        assert step.stop_on == frozenset()
        assert step.window == SendWindow()
        assert step.tone is None
        assert step.template is None

    def test_bad_id(self) -> None:
        with pytest.raises(ValidationError) as custom:
            Custom(id="Bad ID")
        with pytest.raises(ValidationError) as builtin:
            ThankYou(id="Bad ID")
        assert custom.value.field == builtin.value.field == "id"
        assert str(custom.value) == str(builtin.value)

    def test_bad_stop_on(self) -> None:
        with pytest.raises(ValidationError) as custom:
            Custom(stop_on={"replyy"})  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as builtin:
            ThankYou(stop_on={"replyy"})  # type: ignore[arg-type]
        assert custom.value.field == builtin.value.field == "stop_on"
        assert str(custom.value) == str(builtin.value)
        assert "replyy" in str(custom.value)

    @pytest.mark.parametrize(
        ("name", "value"),
        [
            ("outcomes", "rejectd"),
            ("outcomes", ()),
            ("tone", "chummy"),
            ("window", "weekdays"),
            ("template", 3),
            ("url", "ftp://you.example"),
            ("url", None),
        ],
    )
    def test_other_bad_values_name_their_field(self, name: str, value: object) -> None:
        with pytest.raises(ValidationError) as exc:
            Custom(**{name: value})  # type: ignore[arg-type]
        assert exc.value.field == name

    def test_converters_take_one_or_several(self) -> None:
        step = Custom(outcomes="offer", stop_on="reply")  # type: ignore[arg-type]
        assert step.outcomes == frozenset({OutcomeStatus.OFFER})
        assert step.stop_on == frozenset({"reply"})
        step = Custom(outcomes=["rejected", OutcomeStatus.WITHDRAWN])  # type: ignore[arg-type]
        assert step.outcomes == frozenset({OutcomeStatus.REJECTED, OutcomeStatus.WITHDRAWN})

    def test_a_bad_default_fails_where_the_class_is_written(self) -> None:
        with pytest.raises(ValidationError):
            fields.step_id("Portfolio Link")

    def test_a_plan_refuses_a_bare_step_with_a_bad_id_or_stop_on(self) -> None:
        with pytest.raises(ValidationError) as exc:
            Plan.of(Bare(id="Bad ID"))
        assert exc.value.field == "id"
        with pytest.raises(ValidationError) as exc:
            Plan.of(Bare(stop_on=frozenset({"replyy"})))
        assert exc.value.field == "stop_on"

    def test_the_custom_step_schedules(self) -> None:
        interview = Interview(
            company="Acme",
            role="Engineer",
            start=datetime(2026, 11, 2, 10, 0, tzinfo=NY),
            candidate=Candidate(name="Sam Rivera"),
            interviewers=[Contact(name="Jane Doe", email="jane@acme.example")],
        )
        timeline = Plan.of(Custom()).schedule(
            interview,
            outcome=Outcome.rejected(at=datetime(2026, 11, 9, 12, 0, tzinfo=NY)),
            now=datetime(2026, 11, 10, 9, 0, tzinfo=NY),
        )
        assert [a.title for a in timeline] == ["Read https://you.example/work"]


class TestLiteral:
    def test_brackets_and_braces_are_doubled(self) -> None:
        assert literal("https://x.example/{page}[1]") == "https://x.example/{{page}}[[1]]"

    def test_plain_text_is_unchanged(self) -> None:
        assert literal("Sam Rivera") == "Sam Rivera"


def test_the_example_plugin_uses_only_public_names() -> None:
    private: list[str] = []
    for path in sorted((ROOT / "examples" / "plugin").rglob("*.py")):
        if "build" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("followup"):
                names = [node.module or "", *(a.name for a in node.names)]
                private += [f"{path.name}: {n}" for n in names if any(
                    part.startswith("_") for part in n.split(".")
                )]
            elif isinstance(node, ast.Import):
                private += [
                    f"{path.name}: {a.name}"
                    for a in node.names
                    if a.name.startswith("followup") and "._" in a.name
                ]
    assert private == []
