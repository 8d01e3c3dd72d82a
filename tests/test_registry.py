"""Tests for followup.registry: step kinds by name, plugins through entry points, steps and plans as data."""

from __future__ import annotations

import importlib
import importlib.metadata
import json
from datetime import date, time, timedelta
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from followup import Context, Plan, presets, registry
from followup.errors import InvalidStepError
from followup.model import OutcomeStatus
from followup.registry import (
    BUILTIN_KINDS,
    ENTRY_POINT_GROUP,
    Registry,
    format_kinds,
    step_from_dict,
    step_to_dict,
)
from followup.steps import (
    ExploreOpenings,
    FeedbackRequest,
    KeepInTouch,
    LinkedInConnect,
    Network,
    RejectionReply,
    StatusCheck,
    ThankYou,
)
from followup.timeline import Action
from followup.timing import Anchor, BusinessDays, SendWindow, When

BUILTIN_NAMES = (
    "thank-you",
    "status-check",
    "rejection-reply",
    "feedback-request",
    "linkedin-connect",
    "keep-in-touch",
    "explore-openings",
    "network",
    "offer-reply",
    "offer-deadline",
    "offer-decline",
    "offer-accept",
    "offer-welcome",
    "withdraw-elsewhere",
    "withdrawal",
)


# --- a custom step and fake plugins -------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CoffeeChat:
    """Suggest a coffee chat a few weeks after a rejection.

    Args:
        place: Where to meet.
        id: Step id.
        after: How long after the rejection.
        minutes: How long the chat takes.
        outcomes: Outcomes it applies to.
    """

    place: str
    id: str = "coffee-chat"
    after: relativedelta | BusinessDays = attrs.field(factory=lambda: relativedelta(weeks=3))
    minutes: int = 30
    at: time | None = None
    window: SendWindow = attrs.field(factory=SendWindow)
    outcomes: frozenset[OutcomeStatus] = frozenset({OutcomeStatus.REJECTED})
    stop_on: frozenset[str] = frozenset()
    until: date | None = None

    def actions(self, ctx: Context) -> list[Action]:
        return [
            ctx.action(
                self,
                when=When(anchor=Anchor.OUTCOME, offset=self.after, at=self.at),
                title=f"Suggest a coffee at {self.place}",
                channel="task",
                window=self.window,
                stop_on=self.stop_on,
            )
        ]


@attrs.frozen(kw_only=True)
class OtherCoffeeChat(CoffeeChat):
    """Another distribution's coffee chat."""


class NotAStep:
    """A class without attrs fields or actions()."""


@attrs.frozen
class FakeDist:
    name: str
    version: str = "1.0"


@attrs.frozen
class FakeEntryPoint:
    """Stands in for importlib.metadata.EntryPoint: name, value, group, dist and load()."""

    name: str
    value: str
    dist: FakeDist
    group: str = ENTRY_POINT_GROUP
    loads: list[str] = attrs.field(factory=list, eq=False)

    def load(self) -> Any:
        self.loads.append(self.value)
        module, _, attr = self.value.partition(":")
        obj: Any = importlib.import_module(module)
        for part in attr.split("."):
            obj = getattr(obj, part)
        return obj


HERE = __name__


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> list[FakeEntryPoint]:
    """The entry points importlib.metadata reports: append FakeEntryPoints to the list."""
    eps: list[FakeEntryPoint] = []

    def fake(*, group: str) -> list[FakeEntryPoint]:
        return [ep for ep in eps if ep.group == group]

    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    return eps


def ep(name: str, attr: str, dist: str, *, module: str = HERE) -> FakeEntryPoint:
    return FakeEntryPoint(name=name, value=f"{module}:{attr}", dist=FakeDist(dist))


# --- built-ins ---------------------------------------------------------------------------------


class TestBuiltins:
    def test_builtins_are_registered_in_plan_order(self) -> None:
        reg = Registry(entry_points=False)
        assert reg.available() == BUILTIN_NAMES
        assert tuple(BUILTIN_KINDS) == BUILTIN_NAMES

    def test_each_builtin_kind_is_its_default_id(self) -> None:
        reg = Registry(entry_points=False)
        for name in BUILTIN_NAMES:
            cls = reg.get(name)
            assert cls().id == name  # type: ignore[operator]
            assert reg.kind_of(cls()) == name  # type: ignore[operator]

    def test_describe_gives_class_distribution_doc_and_params(self) -> None:
        info = Registry(entry_points=False).describe("keep-in-touch")
        assert info.cls is KeepInTouch
        assert info.path == "followup.steps:KeepInTouch"
        assert info.distribution == "followup"
        assert info.doc.startswith("Check in now and then after a rejection")
        params = {p.name: p for p in info.params}
        assert "recurrence" not in params  # not an __init__ parameter
        assert (params["every"].type, params["every"].default) == (
            "duration (days to years)",
            "3 months",
        )
        assert (params["at"].type, params["at"].default) == ("time of day", "10:00")
        assert params["count"].default == 4
        assert params["outcomes"].default == ["rejected"]
        assert params["channel"].type == "email | linkedin-note | linkedin-message | task"
        assert params["every"].doc == "The interval between check-ins (weeks or months)."

    def test_required_params_are_marked(self) -> None:
        reg = Registry(entry_points=False)
        reg.register("coffee-chat", CoffeeChat)
        params = {p.name: p for p in reg.describe("coffee-chat").params}
        assert params["place"].required
        assert not params["minutes"].required
        assert reg.describe("coffee-chat").distribution is None

    def test_get_with_the_class_expected_is_typed_and_checked(self) -> None:
        reg = Registry(entry_points=False)
        cls: type[ThankYou] = reg.get("thank-you", ThankYou)
        assert cls is ThankYou
        assert cls(id="thanks").id == "thanks"  # no ignore: the type checker knows the class
        assert registry.get("keep-in-touch", KeepInTouch) is KeepInTouch
        with pytest.raises(
            InvalidStepError,
            match=r"step kind 'thank-you' is followup.steps:ThankYou, not a StatusCheck",
        ):
            reg.get("thank-you", StatusCheck)
        with pytest.raises(InvalidStepError, match="unknown step kind 'thank-yu'"):
            reg.get("thank-yu", ThankYou)

    def test_module_functions_use_the_default_registry(self) -> None:
        assert registry.get("network") is Network
        assert registry.describe("network").name == "network"
        assert set(BUILTIN_NAMES) <= set(registry.available())


class TestUnknownKind:
    def test_unknown_kind_says_did_you_mean(self) -> None:
        with pytest.raises(
            InvalidStepError,
            match=r"unknown step kind 'keep-in-tuch' \(did you mean 'keep-in-touch'\?\)",
        ):
            Registry(entry_points=False).get("keep-in-tuch")

    def test_unknown_kind_lists_the_kinds(self) -> None:
        with pytest.raises(
            InvalidStepError, match=r"known kinds: thank-you, status-check, .*network"
        ) as info:
            Registry(entry_points=False).get("zzz")
        assert info.value.step == "zzz"


class TestRegister:
    def test_register_and_get(self) -> None:
        reg = Registry(entry_points=False)
        assert reg.register("coffee-chat", CoffeeChat) is CoffeeChat
        assert reg.get("coffee-chat") is CoffeeChat
        assert reg.available()[-1] == "coffee-chat"
        assert "coffee-chat" in reg

    def test_register_as_a_decorator(self) -> None:
        reg = Registry(entry_points=False)

        @reg.register("lunch")
        @attrs.frozen(kw_only=True)
        class Lunch(CoffeeChat):
            id: str = "lunch"

        assert reg.get("lunch") is Lunch

    def test_registering_the_same_class_again_is_fine(self) -> None:
        reg = Registry(entry_points=False)
        reg.register("coffee-chat", CoffeeChat)
        reg.register("coffee-chat", CoffeeChat)
        assert reg.get("coffee-chat") is CoffeeChat

    def test_a_taken_name_is_refused(self) -> None:
        reg = Registry(entry_points=False)
        reg.register("coffee-chat", CoffeeChat)
        with pytest.raises(
            InvalidStepError,
            match=r"'coffee-chat' is already registered by code registration .*CoffeeChat.*replace=True",
        ):
            reg.register("coffee-chat", OtherCoffeeChat)

    def test_a_builtin_name_is_refused_unless_replace(self) -> None:
        reg = Registry(entry_points=False)
        with pytest.raises(
            InvalidStepError, match=r"'network' is already registered by followup \(built in\)"
        ):
            reg.register("network", CoffeeChat)
        reg.register("network", CoffeeChat, replace=True)
        assert reg.get("network") is CoffeeChat

    @pytest.mark.parametrize("name", ["Coffee", "coffee chat", "", "-x", "café"])
    def test_bad_names_are_refused(self, name: str) -> None:
        with pytest.raises(InvalidStepError, match=r"bad step kind name"):
            Registry(entry_points=False).register(name, CoffeeChat)

    def test_non_step_classes_are_refused(self) -> None:
        with pytest.raises(InvalidStepError, match=r"NotAStep is not an attrs class"):
            Registry(entry_points=False).register("nope", NotAStep)


# --- plugins ---------------------------------------------------------------------------------


class TestEntryPoints:
    def test_plugins_are_found_lazily(self, plugins: list[FakeEntryPoint]) -> None:
        plugin = ep("coffee-chat", "CoffeeChat", "followup-coffee")
        plugins.append(plugin)
        reg = Registry()
        assert reg.get("thank-you") is ThankYou  # a known name reads no entry point
        assert not reg._discovered
        assert reg.get("coffee-chat") is CoffeeChat
        assert plugin.loads == [plugin.value]
        reg.get("coffee-chat")
        assert plugin.loads == [plugin.value]  # imported once

    def test_listing_reads_entry_points_without_importing(
        self, plugins: list[FakeEntryPoint]
    ) -> None:
        plugin = ep("coffee-chat", "CoffeeChat", "followup-coffee")
        plugins.append(plugin)
        reg = Registry()
        assert reg.available() == (*BUILTIN_NAMES, "coffee-chat")
        assert plugin.loads == []

    def test_describe_names_the_distribution_and_entry_point(
        self, plugins: list[FakeEntryPoint]
    ) -> None:
        plugins.append(ep("coffee-chat", "CoffeeChat", "followup-coffee"))
        info = Registry().describe("coffee-chat")
        assert (info.distribution, info.version) == ("followup-coffee", "1.0")
        assert info.entry_point == f"coffee-chat = {HERE}:CoffeeChat"
        assert info.path == f"{HERE}:CoffeeChat"

    def test_two_distributions_with_one_kind_is_an_error(
        self, plugins: list[FakeEntryPoint]
    ) -> None:
        plugins += [
            ep("coffee-chat", "CoffeeChat", "followup-coffee"),
            ep("coffee-chat", "OtherCoffeeChat", "followup-espresso"),
        ]
        reg = Registry()
        with pytest.raises(InvalidStepError) as info:
            reg.get("coffee-chat")
        message = str(info.value)
        assert "step kind 'coffee-chat' is registered twice in group 'followup.steps'" in message
        assert (
            f"distribution 'followup-coffee' (entry point 'coffee-chat = {HERE}:CoffeeChat')"
            in message
        )
        assert (
            f"distribution 'followup-espresso' (entry point 'coffee-chat = {HERE}:OtherCoffeeChat')"
            in message
        )
        with pytest.raises(InvalidStepError, match="registered twice"):
            reg.available()
        with pytest.raises(InvalidStepError, match="registered twice"):
            format_kinds(registry=reg)

    def test_a_clash_does_not_block_other_kinds(self, plugins: list[FakeEntryPoint]) -> None:
        plugins += [
            ep("coffee-chat", "CoffeeChat", "followup-coffee"),
            ep("coffee-chat", "OtherCoffeeChat", "followup-espresso"),
            ep("espresso", "OtherCoffeeChat", "followup-espresso"),
        ]
        reg = Registry()
        assert reg.get("espresso") is OtherCoffeeChat
        assert reg.get("thank-you") is ThankYou

    def test_the_same_distribution_twice_is_one_registration(
        self, plugins: list[FakeEntryPoint]
    ) -> None:
        plugins += [ep("coffee-chat", "CoffeeChat", "followup-coffee")] * 2
        assert Registry().get("coffee-chat") is CoffeeChat

    def test_a_plugin_reusing_a_builtin_name_is_an_error(
        self, plugins: list[FakeEntryPoint]
    ) -> None:
        plugins.append(ep("network", "CoffeeChat", "followup-coffee"))
        reg = Registry()
        with pytest.raises(
            InvalidStepError,
            match=r"step kind 'network' is a built-in kind, and distribution 'followup-coffee' "
            r"\(entry point 'network = .*:CoffeeChat'\) in group 'followup.steps' registers it too",
        ):
            reg.available()
        with pytest.raises(InvalidStepError, match="is a built-in kind"):
            reg.get("network")

    def test_a_plugin_clashing_with_a_code_registration_is_an_error(
        self, plugins: list[FakeEntryPoint]
    ) -> None:
        plugins.append(ep("coffee-chat", "OtherCoffeeChat", "followup-espresso"))
        reg = Registry()
        reg.register("coffee-chat", CoffeeChat)
        with pytest.raises(
            InvalidStepError,
            match=r"already registered by code registration .* 'followup-espresso'",
        ):
            reg.available()

    def test_registering_the_plugins_own_class_in_code_is_fine(
        self, plugins: list[FakeEntryPoint]
    ) -> None:
        plugins.append(ep("coffee-chat", "CoffeeChat", "followup-coffee"))
        reg = Registry()
        reg.register("coffee-chat", CoffeeChat)
        assert reg.available()[-1] == "coffee-chat"

    def test_a_kind_that_fails_to_import_is_an_error(self, plugins: list[FakeEntryPoint]) -> None:
        plugins.append(ep("broken", "Missing", "followup-broken", module="followup_no_such_module"))
        reg = Registry()
        assert "broken" in reg.available()  # listed names need no import
        with pytest.raises(InvalidStepError) as info:
            reg.get("broken")
        assert str(info.value) == (
            "step kind 'broken' from distribution 'followup-broken' (entry point "
            "'broken = followup_no_such_module:Missing' in group 'followup.steps') failed to import: "
            "ModuleNotFoundError: No module named 'followup_no_such_module'"
        )
        assert isinstance(info.value.__cause__, ModuleNotFoundError)
        with pytest.raises(InvalidStepError, match="failed to import"):
            format_kinds(registry=reg)

    def test_an_entry_point_that_is_not_a_step_class_is_an_error(
        self, plugins: list[FakeEntryPoint]
    ) -> None:
        plugins.append(ep("not-a-step", "NotAStep", "followup-odd"))
        with pytest.raises(
            InvalidStepError,
            match=r"'not-a-step' from distribution 'followup-odd' .* is not a step class",
        ):
            Registry().get("not-a-step")

    def test_a_bad_entry_point_name_is_an_error(self, plugins: list[FakeEntryPoint]) -> None:
        plugins.append(ep("Coffee Chat", "CoffeeChat", "followup-coffee"))
        with pytest.raises(
            InvalidStepError,
            match=r"bad step kind name 'Coffee Chat' from distribution 'followup-coffee'",
        ):
            Registry().available()

    def test_did_you_mean_includes_plugins(self, plugins: list[FakeEntryPoint]) -> None:
        plugins.append(ep("coffee-chat", "CoffeeChat", "followup-coffee"))
        with pytest.raises(InvalidStepError, match=r"did you mean 'coffee-chat'"):
            Registry().get("coffee-chta")

    def test_kind_of_finds_a_plugin_class(self, plugins: list[FakeEntryPoint]) -> None:
        plugins.append(ep("coffee-chat", "CoffeeChat", "followup-coffee"))
        assert Registry().kind_of(CoffeeChat(place="the corner café")) == "coffee-chat"

    def test_the_real_entry_points_are_read(self) -> None:
        calls: list[str] = []
        real = importlib.metadata.entry_points

        def spy(**kwargs: Any) -> Any:
            calls.append(kwargs["group"])
            return real(**kwargs)

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(importlib.metadata, "entry_points", spy)
            Registry().available()
        assert calls == ["followup.steps"]


# --- steps as data -----------------------------------------------------------------------------

ALL_BUILTINS = [
    ThankYou(),
    ThankYou(
        id="thanks",
        after=timedelta(hours=2),
        within=None,
        tone="brief",
        template="Subject: Hi\n\nHi {first_name}",
    ),
    StatusCheck(attempts=1, at=time(11, 30), after_decision=BusinessDays(3)),
    RejectionReply(ask_feedback=False, after=relativedelta(days=2), at=None),
    FeedbackRequest(after=timedelta(hours=30)),
    LinkedInConnect(
        note_limit=300, window=SendWindow(days={0, 2, 4}, start=time(8), end=time(18, 30))
    ),
    KeepInTouch(every=relativedelta(months=2), count=6, channel="linkedin-message"),
    KeepInTouch(first=relativedelta(months=1, days=3), until=date(2028, 2, 29)),
    ExploreOpenings(every=relativedelta(weeks=2), first=relativedelta(weeks=2), count=3),
    Network(after=BusinessDays(0), outcomes={"rejected", "withdrawn"}),
]


class TestStepData:
    @pytest.mark.parametrize("step", ALL_BUILTINS, ids=lambda s: f"{type(s).__name__}")
    def test_round_trip_through_json(self, step: Any) -> None:
        data = json.loads(json.dumps(step_to_dict(step)))
        assert step_from_dict(data) == step

    def test_encoding(self) -> None:
        step = LinkedInConnect(
            note_limit=300, window=SendWindow(days={0, 2, 4}, start=time(8), end=time(18, 30))
        )
        data = step_to_dict(step)
        assert data == {
            "kind": "linkedin-connect",
            "id": "linkedin-connect",
            "after_step": "rejection-reply",
            "after": "2 business days",
            "note_limit": 300,
            "known_profiles_only": False,
            "window": {"days": ["mon", "wed", "fri"], "start": "08:00", "end": "18:30"},
            "outcomes": ["rejected"],
            "stop_on": [],
        }

    def test_none_is_never_written(self) -> None:
        # Left out where None is the default; "none" where the default is another value.
        data = step_to_dict(ThankYou(within=None))
        assert data["within"] == "none"
        assert "tone" not in data
        assert step_from_dict(data) == ThankYou(within=None)
        assert step_from_dict(json.loads(json.dumps(step_to_dict(RejectionReply(at=None))))) == RejectionReply(at=None)

    def test_defaults_can_be_left_out(self) -> None:
        data = step_to_dict(KeepInTouch(every=relativedelta(months=2), count=6), defaults=False)
        assert data == {"kind": "keep-in-touch", "every": "2 months", "count": 6}
        assert step_from_dict(data) == KeepInTouch(every=relativedelta(months=2), count=6)

    @pytest.mark.parametrize(
        ("offset", "text"),
        [
            (timedelta(hours=3), "3 hours"),
            (timedelta(hours=1), "1 hour"),
            (timedelta(minutes=45), "45 minutes"),
            (timedelta(days=3), "72 hours"),
            (timedelta(0), "0 hours"),
            (relativedelta(months=3), "3 months"),
            (relativedelta(weeks=2), "2 weeks"),
            (relativedelta(days=10), "10 days"),
            (relativedelta(years=1), "1 year"),
            (relativedelta(years=1, months=2), "1 year 2 months"),
            (relativedelta(months=1, days=3), "1 month 3 days"),
            (relativedelta(hours=3), "0 days 3 hours"),
            (relativedelta(), "0 days"),
            (BusinessDays(1), "1 business day"),
            (BusinessDays(0), "0 business days"),
        ],
    )
    def test_durations_round_trip_exactly(self, offset: Any, text: str) -> None:
        step = Network(after=offset)
        data = step_to_dict(step)
        assert data["after"] == text
        back = step_from_dict(data)
        assert back == step
        assert type(back.after) is type(offset)  # type: ignore[attr-defined]

    @given(
        st.one_of(
            st.builds(lambda m: timedelta(minutes=m), st.integers(0, 60 * 24 * 400)),
            st.builds(lambda n: BusinessDays(n), st.integers(0, 400)),
            st.builds(
                lambda y, mo, d, h, mi: relativedelta(
                    years=y, months=mo, days=d, hours=h, minutes=mi
                ),
                st.integers(0, 5),
                st.integers(0, 11),
                st.integers(0, 60),
                st.integers(0, 23),
                st.integers(0, 59),
            ),
        )
    )
    def test_any_offset_round_trips(self, offset: Any) -> None:
        data = step_to_dict(Network(after=offset))
        back = step_from_dict(json.loads(json.dumps(data)))
        assert type(back.after) is type(offset)  # type: ignore[attr-defined]
        assert back.after == offset  # type: ignore[attr-defined]

    def test_toml_values_are_read_too(self) -> None:
        step = step_from_dict({"kind": "status-check", "at": time(11, 15), "outcomes": "pending"})
        assert step == StatusCheck(at=time(11, 15))
        until = step_from_dict({"kind": "keep-in-touch", "until": date(2027, 12, 31)})
        assert until == KeepInTouch(until=date(2027, 12, 31))
        assert step_from_dict({"kind": "keep-in-touch", "until": "2027-12-31"}) == until

    def test_a_day_count_is_read_as_exact_time_where_only_that_fits(self) -> None:
        assert step_from_dict({"kind": "thank-you", "within": "1 day"}) == ThankYou(
            within=timedelta(days=1)
        )

    def test_custom_step_round_trips(self) -> None:
        reg = Registry(entry_points=False)
        reg.register("coffee-chat", CoffeeChat)
        step = CoffeeChat(
            place="Blue Bottle", after=BusinessDays(4), at=time(15), until=date(2027, 1, 1)
        )
        data = step_to_dict(step, registry=reg)
        assert data["kind"] == "coffee-chat"
        assert data["until"] == "2027-01-01"
        assert step_from_dict(json.loads(json.dumps(data)), registry=reg) == step

    def test_an_unregistered_class_cannot_be_written(self) -> None:
        with pytest.raises(
            InvalidStepError,
            match=r"test_registry:CoffeeChat is not a registered step kind: register it",
        ):
            step_to_dict(CoffeeChat(place="x"), registry=Registry(entry_points=False))


class TestBadStepData:
    def reg(self) -> Registry:
        reg = Registry(entry_points=False)
        reg.register("coffee-chat", CoffeeChat)
        return reg

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (
                {"kind": "keep-in-tuch"},
                "unknown step kind 'keep-in-tuch' (did you mean 'keep-in-touch'?)",
            ),
            ({}, "the step has no 'kind'"),
            (
                {"kind": "keep-in-touch", "evry": "2 months"},
                "step kind 'keep-in-touch' has no parameter 'evry' (did you mean 'every'?); it takes: id, first, every",
            ),
            (
                {"kind": "keep-in-touch", "every": "2 fortnights"},
                "step kind 'keep-in-touch', parameter 'every': '2 fortnights' is not valid: expected a duration such as '3 days', '2 weeks' or '3 months'",
            ),
            (
                {"kind": "keep-in-touch", "every": "3 hours"},
                "step kind 'keep-in-touch', parameter 'every': '3 hours' is not valid: expected a positive number of weeks or months",
            ),
            (
                {"kind": "keep-in-touch", "first": "1 week"},
                "step kind 'keep-in-touch', parameter 'first': '1 week' is not valid: expected at least a month after the rejection",
            ),
            (
                {"kind": "status-check", "after_decision": "3 days"},
                "step kind 'status-check', parameter 'after_decision': '3 days' is not valid: expected a number of business days, such as '2 business days'",
            ),
            (
                {"kind": "status-check", "attempts": 3},
                "step kind 'status-check', parameter 'attempts': 3 is not valid: expected 1 or 2",
            ),
            (
                {"kind": "status-check", "at": "25:00"},
                "step kind 'status-check', parameter 'at': '25:00' is not valid: expected a local time of day such as \"10:00\"",
            ),
            (
                {"kind": "thank-you", "window": {"days": ["mon", "funday"]}},
                "step kind 'thank-you', parameter 'window.days[1]': 'funday' is not valid: expected a weekday",
            ),
            (
                {"kind": "thank-you", "window": {"start": "18:00"}},
                "step kind 'thank-you', parameter 'window.end': '17:00' is not valid: expected a time after the window's start",
            ),
            (
                {"kind": "thank-you", "outcomes": ["rejectd"]},
                "step kind 'thank-you', parameter 'outcomes[0]': 'rejectd' is not valid: expected one of 'pending', 'rejected'",
            ),
            (
                {"kind": "linkedin-connect", "note_limit": "300"},
                "step kind 'linkedin-connect', parameter 'note_limit': '300' is not valid: expected a whole number",
            ),
            (
                {"kind": "linkedin-connect", "note_limit": 0},
                "step kind 'linkedin-connect', parameter 'note_limit': 0 is not valid: expected a number of characters",
            ),
            (
                {"kind": "keep-in-touch", "channel": "fax"},
                "step kind 'keep-in-touch', parameter 'channel': 'fax' is not valid: expected a channel: one of email, linkedin-note, linkedin-message, task",
            ),
            (
                {"kind": "coffee-chat"},
                "step kind 'coffee-chat' needs the parameter 'place': a string",
            ),
            (
                {"kind": "coffee-chat", "place": "x", "minutes": "thirty"},
                "step kind 'coffee-chat', parameter 'minutes': 'thirty' is not valid: expected a whole number",
            ),
            (
                {"kind": "coffee-chat", "place": "x", "after": "soon"},
                "step kind 'coffee-chat', parameter 'after': 'soon' is not valid: expected a duration in days, weeks, months or years or business days",
            ),
            (
                {"kind": "coffee-chat", "place": "x", "plase": "y"},
                "step kind 'coffee-chat' has no parameter 'plase' (did you mean 'place'?)",
            ),
        ],
    )
    def test_errors_name_kind_parameter_and_expectation(
        self, data: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(InvalidStepError) as info:
            step_from_dict(data, registry=self.reg())
        assert message in str(info.value)


# --- plans as data ------------------------------------------------------------------------------


class TestPlanData:
    @pytest.mark.parametrize(
        "plan",
        [
            presets.after_interview(),
            presets.after_rejection(),
            presets.after_rejection(
                separate_feedback_request=True,
                linkedin=False,
                keep_in_touch_until=date(2028, 1, 31),
                keep_in_touch_channel="linkedin-message",
                window=SendWindow(days=range(6), start=time(8), end=time(20)),
                tone="formal",
            ),
            presets.after_interview(status_checks=1, thank_you_after=timedelta(minutes=90)).remove(
                "network"
            ),
            Plan.branch(
                pending=ThankYou(),
                rejected=Plan.of(RejectionReply(), Network()),
                name="mine",
                tone="brief",
            ),
            Plan.of(ThankYou(), KeepInTouch().__class__(outcomes={"rejected", "withdrawn"})).only(
                "withdrawn"
            ),
            Plan(),
        ],
        ids=[
            "after-interview",
            "after-rejection",
            "after-rejection-options",
            "trimmed",
            "branch",
            "only",
            "empty",
        ],
    )
    def test_round_trip_gives_an_equal_plan(self, plan: Plan) -> None:
        data = json.loads(json.dumps(plan.to_dict()))
        assert Plan.from_dict(data) == plan

    def test_shape(self) -> None:
        data = presets.after_interview().to_dict()
        assert (data["name"], data["tone"]) == ("after-interview", "warm")
        first, last = data["steps"][0], data["steps"][-1]
        assert (first["kind"], first["after"], first["outcomes"]) == (
            "thank-you",
            "3 hours",
            ["pending"],
        )
        assert (
            "outcomes_only" not in first
        )  # the pending steps are not branched: their own outcomes apply
        assert (last["kind"], last["id"], last["outcomes_only"]) == (
            "keep-in-touch",
            "withdrawal-keep-in-touch",
            ["withdrawn"],
        )
        network = next(s for s in data["steps"] if s["kind"] == "network")
        assert network["outcomes_only"] == ["rejected"]
        decline = next(s for s in data["steps"] if s["kind"] == "offer-decline")
        assert (decline["outcomes_only"], decline["decisions"]) == (["offer"], ["decline"])
        assert "outcomes_only" not in Plan.of(Network()).to_dict()["steps"][0]

    def test_custom_steps_round_trip(self) -> None:
        reg = Registry(entry_points=False)
        reg.register("coffee-chat", CoffeeChat)
        plan = presets.after_rejection().add(
            CoffeeChat(place="the canteen"), after="rejection-reply"
        )
        data = json.loads(json.dumps(plan.to_dict(registry=reg)))
        assert [s["kind"] for s in data["steps"]][:2] == ["rejection-reply", "coffee-chat"]
        assert Plan.from_dict(data, registry=reg) == plan

    def test_a_stored_plan_schedules_like_the_original(
        self, interview: Any, rejection: Any, now: Any
    ) -> None:
        plan = presets.after_interview()
        again = Plan.from_dict(json.loads(json.dumps(plan.to_dict())))
        assert again.schedule(interview, outcome=rejection, now=now) == plan.schedule(
            interview, outcome=rejection, now=now
        )

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (
                {"steps": [{"kind": "network"}, {"kind": "netwrk"}]},
                "steps[1]: unknown step kind 'netwrk' (did you mean 'network'?)",
            ),
            (
                {"steps": [{"kind": "network", "after": "soon"}]},
                "steps[0]: step kind 'network', parameter 'after': 'soon' is not valid",
            ),
            (
                {"steps": [{"kind": "network", "outcomes_only": ["maybe"]}]},
                "steps[0]: 'outcomes_only' must be a list of outcomes",
            ),
            (
                {"steps": [{"kind": "network"}, {"kind": "network"}]},
                "two steps have the id 'network'",
            ),
            ({"stesp": []}, "unknown plan key 'stesp' (did you mean 'steps'?)"),
            ({"steps": "network"}, "the plan's 'steps' must be a list"),
            ({"tone": "grumpy"}, "plan tone: 'grumpy' is not valid"),
        ],
    )
    def test_bad_plans(self, data: dict[str, Any], message: str) -> None:
        with pytest.raises(InvalidStepError) as info:
            Plan.from_dict(data)
        assert message in str(info.value)


class TestFormatKinds:
    def test_lists_every_builtin_with_origin_and_params(self) -> None:
        text = format_kinds(registry=Registry(entry_points=False))
        for name in BUILTIN_NAMES:
            assert f"\n{name}  (from followup)\n" in "\n" + text
        assert "keep-in-touch  (from followup)\n    Check in now" in text
        assert "    class: followup.steps:KeepInTouch\n" in text
        assert '    every      duration (days to years), default "3 months": The interval' in text
        assert max(len(line) for line in text.splitlines()) <= 80

    def test_wraps_to_the_width(self) -> None:
        text = format_kinds(60, registry=Registry(entry_points=False))
        assert max(len(line) for line in text.splitlines()) <= 60

    def test_shows_plugins_with_their_distribution(self, plugins: list[FakeEntryPoint]) -> None:
        plugins.append(ep("coffee-chat", "CoffeeChat", "followup-coffee"))
        text = format_kinds(registry=Registry())
        assert (
            f"coffee-chat  (from followup-coffee 1.0)\n    Suggest a coffee chat a few weeks after a rejection.\n    class: {HERE}:CoffeeChat\n"
            in text
        )
        assert "    place     text, required: Where to meet." in text


# --- interview files: [plan] remove, [[plan.steps]], templates ------------------------------------

FILE = """\
[candidate]
name = "Sam Rivera"
email = "sam@example.com"

[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00
timezone = "America/New_York"

[[interview.interviewers]]
name = "Jane Doe"
email = "jane@acme.example"

[outcome]
status = "rejected"
date = 2026-11-24

[plan]
preset = "after-rejection"
"""


def _line(text: str, marker: str) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(hits) == 1, (marker, hits)
    return hits[0]


class TestInterviewFiles:
    def load(self, extra: str, *, path: str = "<string>", reg: Registry | None = None) -> Any:
        from followup.files import loads

        return loads(FILE + extra, path=path, registry=reg or Registry(entry_points=False))

    def error(self, extra: str, **kwargs: Any) -> Any:
        from followup.errors import InputFileError

        with pytest.raises(InputFileError) as info:
            self.load(extra, **kwargs)
        return info.value

    def test_a_step_with_a_preset_id_replaces_it_and_keeps_its_branch(self) -> None:
        f = self.load('\n[[plan.steps]]\nkind = "keep-in-touch"\nevery = "2 months"\ncount = 6\n')
        plain = presets.after_rejection()
        assert f.plan.ids == plain.ids
        assert f.plan.get("keep-in-touch") == KeepInTouch(every=relativedelta(months=2), count=6)
        entry = f.plan.entries[f.plan.ids.index("keep-in-touch")]
        assert entry.only == frozenset({OutcomeStatus.REJECTED})

    def test_a_step_with_a_new_id_is_added(self) -> None:
        f = self.load(
            '\n[[plan.steps]]\nkind = "keep-in-touch"\nid = "keep-in-touch-linkedin"\nchannel = "linkedin-message"\n'
            'first = "6 months"\nwindow = { days = ["tue", "thu"], start = "10:00", end = "12:00" }\n'
        )
        assert f.plan.ids[-1] == "keep-in-touch-linkedin"
        step = f.plan.get("keep-in-touch-linkedin")
        assert step.window == SendWindow(days={1, 3}, start=time(10), end=time(12))  # type: ignore[attr-defined]
        assert f.plan.entries[-1].only is None

    def test_remove(self) -> None:
        f = self.load('remove = ["network", "explore-openings"]\n')
        assert "network" not in f.plan.ids
        assert "explore-openings" not in f.plan.ids

    def test_a_custom_kind_from_the_registry(self) -> None:
        reg = Registry(entry_points=False)
        reg.register("coffee-chat", CoffeeChat)
        f = self.load(
            '\n[[plan.steps]]\nkind = "coffee-chat"\nplace = "the canteen"\nafter = "2 business days"\n',
            reg=reg,
        )
        assert f.plan.get("coffee-chat") == CoffeeChat(place="the canteen", after=BusinessDays(2))
        from datetime import datetime
        from zoneinfo import ZoneInfo

        timeline = f.schedule(now=datetime(2026, 11, 25, 9, tzinfo=ZoneInfo("America/New_York")))
        assert timeline["coffee-chat"].title == "Suggest a coffee at the canteen"

    def test_history_can_name_an_added_step(self) -> None:
        f = self.load(
            '\n[[plan.steps]]\nkind = "network"\nid = "network-2"\nafter = "3 weeks"\n'
            '\n[[history]]\nstep = "network-2"\nskipped = 2026-12-01\n'
        )
        assert f.history[0].step == "network-2"

    def test_template_text_and_template_file(self, tmp_path: Any) -> None:
        (tmp_path / "reply.txt").write_text(
            "Subject: Thank you, {company}\n\nHi {first_name},\n\nThank you for letting me know.\n\nBest,\n{signature}\n",
            encoding="utf-8",
        )
        path = tmp_path / "interview.toml"
        path.write_text(
            FILE + '\n[[plan.steps]]\nkind = "rejection-reply"\ntemplate_file = "reply.txt"\n',
            encoding="utf-8",
        )
        from datetime import datetime
        from zoneinfo import ZoneInfo

        from followup.files import load

        f = load(path, registry=Registry(entry_points=False))
        timeline = f.schedule(now=datetime(2026, 11, 25, 9, tzinfo=ZoneInfo("America/New_York")))
        message = timeline["rejection-reply"].message
        assert message is not None
        assert message.subject == "Thank you, Acme"  # prose drops the legal suffix
        inline = self.load(
            '\n[[plan.steps]]\nkind = "thank-you"\ntemplate = """Subject: Hi\n\nHi {first_name}"""\n'
        )
        assert inline.plan.get("thank-you").template == "Subject: Hi\n\nHi {first_name}"  # type: ignore[attr-defined]

    def test_a_template_directory(self, tmp_path: Any) -> None:
        folder = tmp_path / "templates"
        folder.mkdir()
        (folder / "rejection-reply.warm.email.txt").write_text(
            "Subject: Thanks from {candidate}\n\nHi {first_name},\n\nThanks.\n\nBest,\n{signature}\n",
            encoding="utf-8",
        )
        path = tmp_path / "interview.toml"
        path.write_text(FILE + 'templates = "templates"\n', encoding="utf-8")
        from datetime import datetime
        from zoneinfo import ZoneInfo

        from followup.files import load

        f = load(path)
        assert f.templates is not None
        timeline = f.schedule(now=datetime(2026, 11, 25, 9, tzinfo=ZoneInfo("America/New_York")))
        assert timeline["rejection-reply"].message.subject == "Thanks from Sam Rivera"  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("extra", "field", "marker", "message"),
        [
            (
                '\n[[plan.steps]]\nkind = "keep-in-tuch"\n',
                "plan.steps[1].kind",
                "keep-in-tuch",
                "unknown step kind 'keep-in-tuch' (did you mean 'keep-in-touch'?)",
            ),
            (
                '\n[[plan.steps]]\nevery = "2 months"\n',
                "plan.steps[1].kind",
                "[[plan.steps]]",
                "missing: a step kind such as 'keep-in-touch'",
            ),
            (
                '\n[[plan.steps]]\nkind = "keep-in-touch"\nevry = "2 months"\n',
                "plan.steps[1].evry",
                "evry",
                "unknown key (did you mean 'every'?); a [[plan.steps]] table of kind 'keep-in-touch' takes: kind, template_file, id,",
            ),
            (
                '\n[[plan.steps]]\nkind = "keep-in-touch"\nevery = "2 fortnights"\n',
                "plan.steps[1].every",
                "fortnights",
                "\"2 fortnights\" is not valid: a duration such as '3 days', '2 weeks' or '3 months'",
            ),
            (
                '\n[[plan.steps]]\nkind = "keep-in-touch"\ncount = 0\n',
                "plan.steps[1].count",
                "count = 0",
                "0 is not valid: a whole number of occurrences, 1 or more",
            ),
            (
                '\n[[plan.steps]]\nkind = "thank-you"\nwindow = { days = ["mon", "funday"] }\n',
                "plan.steps[1].window.days[2]",
                "funday",
                '"funday" is not valid: a weekday',
            ),
            (
                '\n[[plan.steps]]\nkind = "thank-you"\ntemplate = "Subject: Hi\\n\\nHi {frist_name}"\n',
                "plan.steps[1].template",
                "frist_name",
                "not a valid template: unknown placeholder {frist_name} at line 1 of template 'plan.steps[1].template'; did you mean {first_name}?",
            ),
            (
                '\n[[plan.steps]]\nkind = "thank-you"\ntemplate = "x"\ntemplate_file = "t.txt"\n',
                "plan.steps[1].template_file",
                "template_file",
                "give template (the text) or template_file (a path), not both",
            ),
            (
                '\n[[plan.steps]]\nkind = "network"\ntemplate_file = "t.txt"\n',
                "plan.steps[1].template_file",
                "template_file",
                "the network step takes no template",
            ),
            (
                '\n[[plan.steps]]\nkind = "thank-you"\ntemplate_file = "no-such-file.txt"\n',
                "plan.steps[1].template_file",
                "template_file",
                '"no-such-file.txt" is not valid: an existing file (no-such-file.txt does not exist',
            ),
            (
                '\n[[plan.steps]]\nkind = "network"\nid = "x"\n\n[[plan.steps]]\nkind = "network"\nid = "x"\n',
                "plan.steps[2].id",
                None,
                "plan.steps[1] has the step id 'x' already",
            ),
            (
                'remove = ["netwrk"]\n',
                "plan.remove[1]",
                "netwrk",
                "\"netwrk\" is not valid: a step of the after-rejection plan (did you mean 'network'?)",
            ),
            (
                'remove = "network"\n',
                "plan.remove",
                "remove",
                'a list of step ids, such as ["network"]',
            ),
            ('templates = "no-such-dir"\n', "plan.templates", "templates", "template directory"),
            (
                "\n[plan.steps]\nkind = 3\n",
                "plan.steps",
                "[plan.steps]",
                "one [[plan.steps]] table per step",
            ),
        ],
    )
    def test_errors_name_file_line_and_key(
        self, extra: str, field: str, marker: str | None, message: str
    ) -> None:
        text = FILE + extra
        err = self.error(extra, path="interview.toml")
        assert err.field == field
        assert message in err.detail, err.detail
        if marker is not None:
            assert err.line == _line(text, marker)
        else:
            assert err.line is not None
        assert str(err).startswith(f"interview.toml:{err.line}: {field}: ")


class TestClassesWithoutAModule:
    def test_annotations_of_an_exec_made_class_are_resolved(self) -> None:
        # Notebooks and docs pages define steps with exec(): there is no module to resolve
        # the (string) annotations in, so the methods' globals are used.
        namespace: dict[str, Any] = {"__name__": "not_a_module"}
        exec(
            "from __future__ import annotations\n"
            "import attrs\n"
            "from dateutil.relativedelta import relativedelta\n"
            "from followup import BusinessDays, OutcomeStatus\n"
            "@attrs.frozen(kw_only=True)\n"
            "class Nudge:\n"
            "    id: str = 'nudge'\n"
            "    after: relativedelta | BusinessDays = BusinessDays(1)\n"
            "    outcomes: frozenset[OutcomeStatus] = frozenset({OutcomeStatus.REJECTED})\n"
            "    def actions(self, ctx):\n"
            "        return []\n",
            namespace,
        )
        reg = Registry(entry_points=False)
        reg.register("nudge", namespace["Nudge"])
        assert step_from_dict(
            {"kind": "nudge", "after": "2 weeks"}, registry=reg
        ).after == relativedelta(weeks=2)  # type: ignore[attr-defined]
        with pytest.raises(InvalidStepError, match=r"parameter 'after': 'soon' is not valid"):
            step_from_dict({"kind": "nudge", "after": "soon"}, registry=reg)
        assert reg.describe("nudge").params[1].type == "duration"
