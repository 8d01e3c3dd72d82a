"""Channels: how an action reaches its recipient, in one registry.

Every place that needs to know something about a channel asks here: the
templates (a subject line or not, several variants or one), the drafts (a
length limit), the tone check (which limit, whether a greeting and a sign-off
are expected), the calendar (what the reminder tells you to do) and the command
line (the names ``--channel`` takes). Actions and messages record their channel
by name, one of [`names`][followup.channels.names]:

========================  ==========================================================
``email``                 an email: subject line, at most 400 words (200 advised)
``linkedin-note``         a LinkedIn connection note: at most 200 characters
                          (300 with Premium: pass ``note_limit=300`` to the step)
``linkedin-message``      a LinkedIn message to a connection: at most 8,000 characters
``task``                  a reminder for the candidate; no message
========================  ==========================================================

A new channel is one [`register`][followup.channels.register] call plus its templates
(``<kind>.<tone>.<channel>.txt``); nothing else names channels.

Example:
    >>> from followup import channels
    >>> channels.get("linkedin-note").limit
    200
    >>> channels.get("email").instruction.format(to="Jane Doe")
    'send Jane Doe this draft (edit it first if you like).'
"""

from __future__ import annotations

import difflib
import threading
from collections.abc import Iterator
from typing import Any, Literal

import attrs

from followup.errors import ValidationError

__all__ = [
    "EMAIL",
    "LINKEDIN_MESSAGE",
    "LINKEDIN_NOTE",
    "TASK",
    "Channel",
    "all_channels",
    "check",
    "get",
    "message_channels",
    "names",
    "register",
]


def _check_name(_inst: Any, _attribute: Any, value: Any) -> None:
    ok = (
        isinstance(value, str)
        and value
        and value.isascii()
        and value == value.lower()
        and all(part.isalnum() for part in value.split("-"))
    )
    if not ok:
        raise ValidationError(
            "channel.name", value, "lower-case ASCII words joined by '-', such as 'sms'"
        )


def _check_limit(_inst: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValidationError(
            f"channel.{attribute.name}", value, "a positive whole number, or None"
        )


@attrs.frozen(kw_only=True)
class Channel:
    """What ``followup`` knows about one channel.

    Args:
        name: The name actions, messages, templates and files use (``"email"``).
        description: A few words for messages ("a LinkedIn connection note").
        message: Whether actions on this channel carry a drafted message (a task
            does not).
        subject: Whether its messages have a subject line (templates start with
            ``Subject: ...``).
        subject_limit: The longest subject line, in characters; drafts shorten
            the role or drop optional words to fit, never cutting a word.
        variants: Whether its templates hold several variants, longest first, of
            which the first that fits the limit is used (LinkedIn notes).
        limit: The longest text allowed, in ``unit``; ``None`` for no limit. Drafts
            that do not fit are refused, and the tone check flags them as errors.
        unit: What ``limit`` counts: ``"words"`` or ``"characters"``.
        advised: A softer limit the tone check warns about (emails: 200 words).
        letter: Whether a message is expected to open with a greeting and close
            with a sign-off.
        address: How the recipient is reached: ``"email"``, ``"linkedin"`` (their
            profile) or ``"none"`` (the candidate's own task).
        instruction: What the calendar reminder tells the candidate to do with the
            draft; ``{to}`` is the recipient's name.
    """

    name: str = attrs.field(validator=_check_name)
    description: str
    message: bool = True
    subject: bool = False
    subject_limit: int | None = attrs.field(default=None, validator=_check_limit)
    variants: bool = False
    limit: int | None = attrs.field(default=None, validator=_check_limit)
    unit: Literal["words", "characters"] = "characters"
    advised: int | None = attrs.field(default=None, validator=_check_limit)
    letter: bool = True
    address: Literal["email", "linkedin", "none"] = "none"
    instruction: str = "send {to} this message."


EMAIL = Channel(
    name="email",
    description="an email",
    subject=True,
    subject_limit=60,
    limit=400,
    unit="words",
    advised=200,
    address="email",
    instruction="send {to} this draft (edit it first if you like).",
)
"""An email: a subject line, at most 400 words (200 advised)."""

LINKEDIN_NOTE = Channel(
    name="linkedin-note",
    description="a LinkedIn connection note",
    variants=True,
    limit=200,
    letter=False,
    address="linkedin",
    instruction="send {to} this note on LinkedIn.",
)
"""A LinkedIn connection note: at most 200 characters (300 with Premium)."""

LINKEDIN_MESSAGE = Channel(
    name="linkedin-message",
    description="a LinkedIn message",
    limit=8000,
    address="linkedin",
    instruction="send {to} this message on LinkedIn.",
)
"""A LinkedIn message to a connection: at most 8,000 characters."""

TASK = Channel(
    name="task",
    description="a task for you",
    message=False,
    letter=False,
    instruction="do this.",
)
"""A reminder for the candidate: no message, no recipient."""

_CHANNELS: dict[str, Channel] = {c.name: c for c in (EMAIL, LINKEDIN_NOTE, LINKEDIN_MESSAGE, TASK)}
_LOCK = threading.Lock()


def register(channel: Channel, *, replace: bool = False) -> Channel:
    """Add a channel (or, with ``replace``, change one).

    Args:
        channel: The channel.
        replace: Replace a channel registered under the same name.

    Returns:
        The channel.

    Raises:
        ValidationError: the name is taken and ``replace`` is false.
    """
    if not isinstance(channel, Channel):
        raise ValidationError("channel", channel, "a followup.channels.Channel")
    with _LOCK:
        if channel.name in _CHANNELS and not replace and _CHANNELS[channel.name] != channel:
            raise ValidationError(
                "channel", channel.name, "a name not registered yet (or pass replace=True)"
            )
        _CHANNELS[channel.name] = channel
    return channel


def get(name: str, *, field: str = "channel") -> Channel:
    """The channel registered as ``name``.

    Args:
        name: The channel's name.
        field: The field to name in the error.

    Raises:
        ValidationError: no such channel; the message lists the channels and
            suggests the closest one.
    """
    found = _CHANNELS.get(name) if isinstance(name, str) else None
    if found is not None:
        return found
    known = list(_CHANNELS)
    if name == "linkedin":  # the one word that used to cover both
        hint = " (a connection note is 'linkedin-note', a message 'linkedin-message')"
    else:
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ValidationError(field, name, f"a channel{hint}: one of {', '.join(known)}")


def names() -> tuple[str, ...]:
    """Every channel name, the built-ins first, in registration order."""
    return tuple(_CHANNELS)


def all_channels() -> Iterator[Channel]:
    """Every channel, in [`names`][followup.channels.names] order."""
    return iter(tuple(_CHANNELS.values()))


def message_channels() -> tuple[str, ...]:
    """The names of the channels whose actions carry a message (templates are written for them)."""
    return tuple(c.name for c in _CHANNELS.values() if c.message)


def check(_inst: Any, attribute: Any, value: Any) -> None:
    """An attrs validator: ``value`` is a registered channel's name.

    Args:
        _inst: The instance being built.
        attribute: The attrs attribute (its name goes in the error).
        value: The value to check.

    Raises:
        ValidationError: no channel has this name.
    """
    get(value, field=str(getattr(attribute, "name", attribute)))
