"""Protocols and type aliases: what a step is, what it sees, and the small vocabularies.

A leaf module, as structlog's ``typing``: it imports nothing from ``followup``
at run time, so every other module may use it. Annotate custom steps with these
names::

    from followup.typing import StepContext

    @attrs.frozen(kw_only=True)
    class PortfolioLink:
        ...
        def actions(self, ctx: StepContext) -> list[Action]: ...

``followup.Step`` and ``followup.Context`` are the same protocols as
[`Step`][followup.typing.Step] and [`StepContext`][followup.typing.StepContext].
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import (
    TYPE_CHECKING,
    Annotated,
    Literal,
    Protocol,
    TypeAlias,
    get_args,
    runtime_checkable,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from followup.model import Contact, HistoryRecord, Interview, Message, Outcome, OutcomeStatus
    from followup.timeline import Action, Occurrences
    from followup.timing import AppliedHolidays, HolidayCalendar, Recurrence, SendWindow, When

__all__ = [
    "JSON",
    "STOP_REASONS",
    "TONES",
    "ChannelName",
    "Facts",
    "Holidays",
    "Step",
    "StepContext",
    "StopReason",
    "Tone",
]

Tone: TypeAlias = Literal["formal", "warm", "brief"]
"""The tone a message is drafted in."""

TONES: tuple[Tone, ...] = get_args(Tone)
"""Every tone, in the order messages list them: ``("formal", "warm", "brief")``."""

StopReason: TypeAlias = Literal["reply", "outcome"]
"""What stops an action: a reply from the company, or a new outcome."""

STOP_REASONS: tuple[StopReason, ...] = get_args(StopReason)
"""Every stop reason: ``("reply", "outcome")``."""

ChannelName: TypeAlias = Annotated[str, "followup.channels"]
"""A channel's name (``"email"``, ``"linkedin-note"``...): a ``str`` to type checkers; the
annotation tells ``followup steps`` and the converter to list and check the registered channels."""

JSON: TypeAlias = "dict[str, JSON] | list[JSON] | str | int | float | bool"
"""JSON-safe data, as [`followup.to_dict`][followup.to_dict] writes it (never ``None``, so TOML holds it too)."""

Facts: TypeAlias = Mapping[str, "str | None"]
"""Template facts by placeholder name (``{"first_name": "Jane", ...}``); ``None`` is missing."""

Holidays: TypeAlias = "HolidayCalendar | Iterable[date] | str | None"
"""Days that are not business days: a calendar, dates, a country code, or none."""


@runtime_checkable
class StepContext(Protocol):
    """What a step sees while it is scheduled, and the helpers that do the work.

    The scheduler hands one to [`Step.actions`][followup.typing.Step.actions]; a step reads the facts from
    it and builds its actions with [`action`][followup.typing.StepContext.action], which does the timing, the
    send window, the recurrence, the draft and the stable id in one call.

    Attributes:
        step: The step being scheduled.
        interview: The interview.
        outcome: The outcome in force for this step.
        history: The history records.
        now: The injected current moment.
        holidays: The plan's holiday calendar (the fallback; see [`holidays_of`][followup.typing.StepContext.holidays_of]).
        tone: The plan's tone.
    """

    @property
    def step(self) -> Step: ...

    @property
    def interview(self) -> Interview: ...

    @property
    def outcome(self) -> Outcome: ...

    @property
    def history(self) -> tuple[HistoryRecord, ...]: ...

    @property
    def now(self) -> datetime: ...

    @property
    def holidays(self) -> HolidayCalendar: ...

    @property
    def tone(self) -> Tone: ...

    def main_contact(self, step_id: str) -> Contact:
        """The recruiter, or else the first interviewer.

        Args:
            step_id: The asking step's id, for the error message.

        Raises:
            SchedulingError: the interview names neither.
        """
        ...

    def reply_contact(self, step_id: str) -> Contact:
        """Who sent the outcome, or else the recruiter, or else the first interviewer.

        Args:
            step_id: The asking step's id, for the error message.
        """
        ...

    def holidays_of(self, person: Contact | None) -> AppliedHolidays:
        """The holidays that apply to an action for ``person`` (None: the candidate's task).

        Args:
            person: The recipient, or None for the candidate.
        """
        ...

    def anchor(self, when: When, tz: ZoneInfo) -> tuple[date | datetime, datetime, str]:
        """Resolve a ``When``'s anchor: (value, instant, words).

        Args:
            when: The anchor and offset.
            tz: The zone to read dates in.
        """
        ...

    def due(
        self,
        when: When,
        tz: ZoneInfo,
        window: SendWindow,
        recurrence: Recurrence | None = None,
        holidays: HolidayCalendar | None = None,
    ) -> tuple[datetime, datetime, str, Occurrences | None]:
        """Compute (due, anchor instant, reason, occurrences) for a ``When`` in zone ``tz``.

        Args:
            when: The anchor, offset and time of day.
            tz: The recipient's zone.
            window: The send window.
            recurrence: Repeat it.
            holidays: The holidays business days skip (default: the plan's).
        """
        ...

    def facts(
        self,
        recipient: Contact | None,
        *,
        kind: str = "thank-you",
        sent: date | datetime | None = None,
        about: Contact | None = None,
    ) -> dict[str, str | None]:
        """The facts a template may use, for one recipient.

        Args:
            recipient: Who the message is for (``None`` for the candidate's tasks).
            kind: The message kind (which topics lead; the candidate's own material).
            sent: When it goes out.
            about: Whom it is about, when not the recipient.
        """
        ...

    def message(
        self,
        kind: str,
        recipient: Contact | None,
        *,
        channel: str,
        tone: Tone | None = None,
        template: str | None = None,
        limit: int | None = None,
        facts: Facts | None = None,
        sent: date | datetime | None = None,
        about: Contact | None = None,
    ) -> Message:
        """Render the draft of ``kind`` for a recipient.

        Args:
            kind: The template kind.
            recipient: Who it is for.
            channel: The channel's name (see [`followup.channels`][followup.channels]).
            tone: Override the plan's tone.
            template: Template text replacing the built-in one.
            limit: Length limit for the draft.
            facts: Extra or overriding template facts.
            sent: When it goes out.
            about: Whom it is about, when not the recipient.
        """
        ...

    def action(
        self,
        step: Step,
        *,
        when: When,
        title: str,
        key: str | None = None,
        recipient: Contact | None = None,
        channel: str = "email",
        kind: str | None = None,
        limit: int | None = None,
        recurrence: Recurrence | None = None,
        window: SendWindow | None = None,
        stop_on: Iterable[StopReason] = (),
        notes: str | None = None,
        links: Sequence[str] = (),
        tone: Tone | None = None,
        template: str | None = None,
        facts: Facts | None = None,
    ) -> Action:
        """Build one action: timing, window, recurrence, draft and stable id in one call.

        Args:
            step: The step making it.
            when: Anchor, offset and time of day.
            title: One short line.
            key: Distinguishes several actions of one step (``thank-you.jane-doe``).
            recipient: Who it is for; ``None`` for the candidate's own tasks.
            channel: The channel's name: ``email``, ``linkedin-note``,
                ``linkedin-message`` or ``task`` (see [`followup.channels`][followup.channels]).
            kind: The template kind to draft (None: no message).
            limit: Length limit for the draft (a LinkedIn note's 200 or 300 characters).
            recurrence: Repeat it.
            window: The send window (default weekdays 09:00–17:00).
            stop_on: What stops it (``{"reply"}``).
            notes: What to do, for tasks.
            links: Links to show with it.
            tone: Override the plan's tone.
            template: Template text replacing the built-in one.
            facts: Extra or overriding template facts.
        """
        ...


@runtime_checkable
class Step(Protocol):
    """What the scheduler needs from a step; custom steps need no base class.

    Attributes:
        id: A stable id, unique in a plan (``"thank-you"``); used in files, history
            records and action ids.
        outcomes: The outcomes the step applies to.

    ``actions(ctx)`` returns the step's actions for the interview in ``ctx``
    (see [`StepContext`][followup.typing.StepContext]), usually built with ``ctx.action(...)``. It must
    be pure: the same context gives equal actions. Steps are frozen, hashable
    values (``@attrs.frozen(kw_only=True)``), so plans holding them are values too.
    """

    @property
    def id(self) -> str: ...

    @property
    def outcomes(self) -> frozenset[OutcomeStatus]: ...

    def actions(self, ctx: StepContext) -> Sequence[Action]:
        """The step's actions for the interview in ``ctx``.

        Args:
            ctx: What the step sees ([`StepContext`][followup.typing.StepContext]).
        """
        ...
