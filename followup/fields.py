"""Field helpers and validators for steps: the ones the built-in steps use, public for yours.

A custom step declared with these fails on a bad value exactly as a built-in
step does (a [`ValidationError`][followup.errors.ValidationError] naming the field), and
lists, reads and stores its parameters like one::

    import attrs
    from followup import Action, OutcomeStatus, SendWindow, fields
    from followup.typing import StepContext, StopReason, Tone

    @attrs.frozen(kw_only=True)
    class PortfolioLink:
        url: str = attrs.field(validator=fields.check_url)
        id: str = fields.step_id("portfolio-link")
        outcomes: frozenset[OutcomeStatus] = fields.outcomes("rejected")
        stop_on: frozenset[StopReason] = fields.stop_on()
        window: SendWindow = fields.window()
        tone: Tone | None = fields.tone()
        template: str | None = fields.template()

        def actions(self, ctx: StepContext) -> list[Action]: ...

The helpers return ``attrs.field(...)``; like ``attrs.field`` they are typed as
the value the field holds, so type checkers accept them as defaults.
"""

from __future__ import annotations

from typing import Any

import attrs

from followup import _validate as v
from followup._ids import slug
from followup.errors import ValidationError
from followup.model import OutcomeStatus
from followup.timing import SendWindow
from followup.typing import STOP_REASONS, StopReason, Tone

__all__ = [
    "check_id",
    "check_outcomes",
    "check_stop_on",
    "check_template",
    "check_tone",
    "check_url",
    "check_window",
    "outcomes",
    "step_id",
    "stop_on",
    "template",
    "to_outcomes",
    "to_stop_on",
    "tone",
    "window",
]


def _name(attribute: Any, default: str) -> str:
    return str(getattr(attribute, "alias", None) or getattr(attribute, "name", None) or default)


def check_id(_inst: Any, attribute: Any, value: Any) -> None:
    """A step id: lower-case ASCII words joined by ``-`` (``"thank-you"``).

    Args:
        _inst: The step being built.
        attribute: The attrs attribute.
        value: The id.

    Raises:
        ValidationError: the id is not one.
    """
    if (
        not isinstance(value, str)
        or not value
        or slug(value) != value.lower()
        or value != value.lower()
    ):
        raise ValidationError(
            "id", value, "lower-case ASCII letters, digits and dashes, such as 'thank-you'"
        )


def to_outcomes(value: Any) -> frozenset[OutcomeStatus]:
    """An attrs converter: one outcome or several, as a frozenset of [`OutcomeStatus`][followup.model.OutcomeStatus].

    Args:
        value: ``"rejected"``, ``OutcomeStatus.REJECTED`` or an iterable of them.

    Raises:
        ValidationError: a value is not an outcome.
    """
    if isinstance(value, str | OutcomeStatus):
        value = (value,)
    try:
        return frozenset(OutcomeStatus(x) for x in value)
    except (ValueError, TypeError) as exc:
        raise ValidationError("outcomes", value, "pending, rejected, offer or withdrawn") from exc


def check_outcomes(_inst: Any, attribute: Any, value: Any) -> None:
    """Outcomes: a non-empty frozenset of [`OutcomeStatus`][followup.model.OutcomeStatus].

    Args:
        _inst: The step being built.
        attribute: The attrs attribute.
        value: The outcomes.

    Raises:
        ValidationError: the set is empty or holds something else.
    """
    if not isinstance(value, frozenset) or not value or not all(
        isinstance(o, OutcomeStatus) for o in value
    ):
        raise ValidationError(
            "outcomes", value, "a non-empty set of pending, rejected, offer or withdrawn"
        )


def to_stop_on(value: Any) -> frozenset[Any]:
    """An attrs converter: what stops a step, as a frozenset (a single reason is one).

    Args:
        value: ``"reply"`` or an iterable of reasons.
    """
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value)


def check_stop_on(_inst: Any, attribute: Any, value: Any) -> None:
    """What stops a step: a subset of ``{"reply", "outcome"}``.

    Args:
        _inst: The step being built.
        attribute: The attrs attribute.
        value: The reasons.

    Raises:
        ValidationError: a reason is not one of them.
    """
    if not isinstance(value, frozenset) or not value <= frozenset(STOP_REASONS):
        raise ValidationError(
            "stop_on", sorted(map(str, value)), "a subset of {'reply', 'outcome'}"
        )


def check_tone(_inst: Any, attribute: Any, value: Any) -> None:
    """A tone for one step: formal, warm, brief, or ``None`` for the plan's.

    Args:
        _inst: The step being built.
        attribute: The attrs attribute.
        value: The tone.

    Raises:
        ValidationError: another value.
    """
    v.check_optional_tone(_inst, _name(attribute, "tone"), value)


def check_window(_inst: Any, attribute: Any, value: Any) -> None:
    """A [`SendWindow`][followup.timing.SendWindow].

    Args:
        _inst: The step being built.
        attribute: The attrs attribute.
        value: The window.

    Raises:
        ValidationError: another value.
    """
    if not isinstance(value, SendWindow):
        raise ValidationError(_name(attribute, "window"), value, "a SendWindow")


def check_template(_inst: Any, attribute: Any, value: Any) -> None:
    """Template text, or ``None`` for the built-in template.

    The text is parsed when the step drafts its message (an interview file checks
    it when it is read).

    Args:
        _inst: The step being built.
        attribute: The attrs attribute.
        value: The template text.

    Raises:
        ValidationError: not text.
    """
    if value is not None and not isinstance(value, str):
        raise ValidationError(_name(attribute, "template"), value, "template text, or None")


def check_url(_inst: Any, attribute: Any, value: Any) -> None:
    """An http(s) URL, checked as contacts' and interviews' URLs are.

    For an optional URL, wrap it: ``attrs.validators.optional(fields.check_url)``.

    Args:
        _inst: The step being built.
        attribute: The attrs attribute.
        value: The URL.

    Raises:
        ValidationError: not an http(s) URL (``None`` included).
    """
    if value is None:
        raise ValidationError(
            _name(attribute, "url"), value, "an http(s) URL such as 'https://example.com/careers'"
        )
    v.check_url(_inst, attribute, value)


def step_id(default: str) -> str:
    """The ``id`` field: a stable, unique step id, checked like the built-ins' ids.

    Args:
        default: The id a step of this kind has unless given another (``"portfolio-link"``).
    """
    check_id(None, "id", default)
    result: str = attrs.field(default=default, validator=check_id)
    return result


def outcomes(*default: OutcomeStatus | str) -> frozenset[OutcomeStatus]:
    """The ``outcomes`` field: the outcomes the step applies to; takes one or several.

    Args:
        *default: The outcomes by default (``"rejected"``).
    """
    result: frozenset[OutcomeStatus] = attrs.field(
        default=to_outcomes(default), converter=to_outcomes, validator=check_outcomes
    )
    return result


def stop_on(*default: StopReason) -> frozenset[StopReason]:
    """The ``stop_on`` field: what stops the step's actions (``"reply"``, ``"outcome"``).

    Args:
        *default: The reasons by default (none).
    """
    result: frozenset[StopReason] = attrs.field(
        default=frozenset(default), converter=to_stop_on, validator=check_stop_on
    )
    return result


def tone() -> Tone | None:
    """The ``tone`` field: a tone for this step only, ``None`` for the plan's."""
    result: Tone | None = attrs.field(default=None, validator=check_tone)
    return result


def window() -> SendWindow:
    """The ``window`` field: the send window (weekdays 09:00–17:00 by default)."""
    result: SendWindow = attrs.field(factory=SendWindow, validator=check_window)
    return result


def template() -> str | None:
    """The ``template`` field: template text replacing the built-in one (``None``: the built-in)."""
    result: str | None = attrs.field(default=None, validator=check_template)
    return result
