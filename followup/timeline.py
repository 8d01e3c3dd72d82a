"""Scheduled actions and the timeline that holds them, sorted and explained."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, overload
from zoneinfo import ZoneInfo

import attrs

from followup import _validate as v
from followup import channels
from followup.errors import NotFoundError
from followup.model import Contact, Message, Status
from followup.timing import AppliedHolidays, SendWindow
from followup.typing import JSON

if TYPE_CHECKING:
    from followup.changes import Changes

__all__ = ["Action", "Occurrences", "OutsideStep", "Timeline"]


@attrs.frozen(kw_only=True)
class Occurrences:
    """The dates of a recurring action.

    Args:
        rrule: The RFC 5545 rule (without DTSTART), as calendars receive it.
        occurrences: Every occurrence, after any holiday moved one.
        planned: Every occurrence as the rule alone gives it (the calendar's view).
        description: Words for the rule ("every 3 months, 4 times").
    """

    rrule: str
    occurrences: tuple[datetime, ...]
    planned: tuple[datetime, ...]
    description: str = ""

    @property
    def moved(self) -> tuple[tuple[datetime, datetime], ...]:
        """Pairs (planned, actual) for occurrences a holiday moved."""
        return tuple((p, a) for p, a in zip(self.planned, self.occurrences, strict=True) if p != a)


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _str_set(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _check_due(_inst: object, attribute: attrs.Attribute[datetime], value: datetime) -> None:
    v.check_aware(_inst, attribute, value)


def _status(value: Any) -> Status:
    return v.to_enum(Status, "status", value)


@attrs.frozen(kw_only=True)
class Action:
    """One concrete thing to do, when, for whom, and why then.

    Args:
        id: Stable id, unique in the timeline (``thank-you.jane-doe``).
        step: The id of the step that made it.
        channel: The channel's name: ``email``, ``linkedin-note``,
            ``linkedin-message`` or ``task`` (see [`followup.channels`][followup.channels]).
        title: One short line ("Thank Jane Doe (Acme, Data Engineer)").
        due: When, aware, in the recipient's zone (a recurring action's first occurrence).
        timezone: The IANA zone ``due`` is shown in.
        status: upcoming, due, overdue, done or cancelled, relative to the timeline's ``now``.
        reason: Why this date, in words: what the plan says, the same whenever it is
            computed (the calendar's DESCRIPTION carries it).
        status_note: What the status means as of the timeline's ``now``, when there is
            more to say than the status ("not marked done on Wed 24 Feb" for a series
            whose earlier dates passed unmarked); empty otherwise. It changes with
            ``now``, so calendars leave it out.
        recipient: Who it is for (None for the candidate's own tasks).
        message: The drafted message, for email and LinkedIn actions.
        recurrence: For recurring actions, the rule and every occurrence.
        notes: What to do, for tasks.
        links: Useful links (profile, careers page).
        anchor: The moment the step's offset counted from.
        window: The send window the action was fitted into.
        stop_on: What stops it (``{"reply"}`` for nudges).
        interview: The interview's key.
        holidays: The holiday calendar its dates were counted with, and where it came
            from (the recipient's, their zone's country, the plan's); None without one.
        remind_at: When the candidate is reminded of a message (aware): inside the
            candidate's hours, on or before ``due``; ``due`` itself when that is in
            their hours, and None for tasks (already in the candidate's zone).
            Calendars put the event here; ``due`` stays the time to send.
    """

    id: str
    step: str
    channel: str = attrs.field(validator=channels.check)
    title: str
    due: datetime = attrs.field(validator=_check_due)
    timezone: str = attrs.field(validator=v.check_timezone)
    status: Status = attrs.field(default=Status.UPCOMING, converter=_status)
    reason: str = ""
    status_note: str = ""
    recipient: Contact | None = None
    message: Message | None = None
    recurrence: Occurrences | None = None
    notes: str | None = None
    links: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    anchor: datetime | None = None
    window: SendWindow = attrs.field(factory=SendWindow)
    stop_on: frozenset[str] = attrs.field(default=frozenset(), converter=_str_set)
    interview: str = ""
    holidays: AppliedHolidays | None = None
    remind_at: datetime | None = attrs.field(default=None, validator=v.check_aware)

    @property
    def reminder(self) -> datetime:
        """When the calendar reminds the candidate: ``remind_at``, else ``due``."""
        return self.remind_at if self.remind_at is not None else self.due

    def __attrs_post_init__(self) -> None:
        # Moments read from data carry a UTC offset only: put them back in the action's zone
        # (the same instants), so they show the zone's name and compare as they were built.
        moments = [self.due, self.anchor]
        if self.recurrence is not None:
            moments += [*self.recurrence.occurrences, *self.recurrence.planned]
        if all(m is None or m.tzinfo is None or isinstance(m.tzinfo, ZoneInfo) for m in moments):
            return
        tz = v.zone(self.timezone)

        def local(moment: datetime) -> datetime:
            if moment.tzinfo is None or isinstance(moment.tzinfo, ZoneInfo):
                return moment  # a naive one is an error the validators and checks report
            return moment.astimezone(tz)

        object.__setattr__(self, "due", local(self.due))
        if self.anchor is not None:
            object.__setattr__(self, "anchor", local(self.anchor))
        rec = self.recurrence
        if rec is not None:
            object.__setattr__(
                self,
                "recurrence",
                attrs.evolve(
                    rec,
                    occurrences=tuple(local(o) for o in rec.occurrences),
                    planned=tuple(local(o) for o in rec.planned),
                ),
            )

    @property
    def occurrences(self) -> tuple[datetime, ...]:
        """Every occurrence: ``(due,)`` for a one-off action."""
        return self.recurrence.occurrences if self.recurrence else (self.due,)

    def to_dict(self) -> dict[str, JSON]:
        """This action as JSON-safe data ([`followup.to_dict`][followup.to_dict]'s shape), without ``None``s."""
        from followup._convert import unstructure

        data: dict[str, Any] = unstructure(self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Action:
        """Rebuild an action from [`to_dict`][followup.to_dict]'s data; the round trip gives an equal action.

        Raises:
            ValidationError: the data is not valid; ``field`` is the path to the value at fault.
        """
        from followup._convert import structure

        return structure(data, cls)


@attrs.frozen(kw_only=True)
class OutsideStep:
    """A history record of a step the timeline's plan does not contain: a fact, kept.

    The usual case: the thank-you was recorded, then the file's preset switched to
    ``after-rejection``, which has no thank-you. The record names a known step kind
    (built-in or registered), so it is kept as done (or skipped), shown by ``plan``
    and written to JSON, and no reminder is made for it.

    Args:
        step: The step or action id as recorded (``thank-you.jane-doe``).
        status: ``done``, or ``cancelled`` for a skipped step.
        at: When it was done or skipped (a date or an aware datetime).
        contact: The recipient the record was limited to, if any.
        note: Words for the status ("done, outside this plan").
    """

    step: str
    status: Status = attrs.field(default=Status.DONE, converter=_status)
    at: date | datetime
    contact: str | None = None
    note: str = ""


def _outside_tuple(value: Iterable[OutsideStep]) -> tuple[OutsideStep, ...]:
    return tuple(value)


def _as_moment(value: date | datetime, tz_hint: datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(0), tzinfo=tz_hint.tzinfo)


def _sorted_actions(actions: Iterable[Action]) -> tuple[Action, ...]:
    return tuple(sorted(actions, key=lambda a: (a.due, a.id)))


@attrs.frozen(kw_only=True)
class Timeline:
    """The scheduled actions of one interview, sorted by due time then id.

    Iterate it, index it, filter it; ``to_dict()``/``from_dict()`` round-trip it
    through JSON-safe data.

    Args:
        actions: The actions (sorted on construction).
        now: The moment statuses were computed for.
        interview: The interview's key.
        outside_plan: Steps done or skipped, by the history, that the plan does not
            contain (see [`OutsideStep`][followup.timeline.OutsideStep]), in the history's order; never reminders.
    """

    interview: str = ""
    now: datetime = attrs.field(validator=v.check_aware)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=_sorted_actions)
    outside_plan: tuple[OutsideStep, ...] = attrs.field(default=(), converter=_outside_tuple)

    def __iter__(self) -> Iterator[Action]:
        return iter(self.actions)

    def __len__(self) -> int:
        return len(self.actions)

    @overload
    def __getitem__(self, index: int) -> Action: ...
    @overload
    def __getitem__(self, index: str) -> Action: ...
    def __getitem__(self, index: int | str) -> Action:
        """An action by position, or by id."""
        if isinstance(index, str):
            for action in self.actions:
                if action.id == index:
                    return action
            close = difflib.get_close_matches(index, self.ids, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise NotFoundError(
                f"no action {index!r} in this timeline{hint}; its actions are: "
                f"{', '.join(self.ids) or 'none'}",
                key=index,
                known=self.ids,
            )
        return self.actions[index]

    @property
    def ids(self) -> tuple[str, ...]:
        """Every action id, in order."""
        return tuple(a.id for a in self.actions)

    def filter(
        self,
        *,
        status: Status | str | Iterable[Status | str] | None = None,
        channel: str | Iterable[str] | None = None,
        step: str | Iterable[str] | None = None,
        start: date | datetime | None = None,
        end: date | datetime | None = None,
    ) -> Timeline:
        """A timeline with only the matching actions.

        Args:
            status: One status or several.
            channel: One channel or several.
            step: One step id or several.
            start: Keep actions with an occurrence at or after this (a date means its start).
            end: Keep actions with an occurrence before this (a date means the end of that day).
        """
        statuses = _set_of(status, Status)
        wanted = None if channel is None else ({channel} if isinstance(channel, str) else set(channel))
        for name in wanted or ():
            channels.get(name)
        steps = None if step is None else ({step} if isinstance(step, str) else set(step))
        kept = []
        for a in self.actions:
            if statuses is not None and a.status not in statuses:
                continue
            if wanted is not None and a.channel not in wanted:
                continue
            if steps is not None and a.step not in steps:
                continue
            if start is not None or end is not None:
                lo = None if start is None else _as_moment(start, a.due)
                hi = (
                    None
                    if end is None
                    else (
                        end
                        if isinstance(end, datetime)
                        else _as_moment(end, a.due) + timedelta(days=1)
                    )
                )
                if not any(
                    (lo is None or o >= lo) and (hi is None or o < hi) for o in a.occurrences
                ):
                    continue
            kept.append(a)
        # Records outside the plan are done or skipped facts: kept by a status filter that
        # asks for their status, and by no filter on what only actions have.
        outside = tuple(
            o
            for o in self.outside_plan
            if (statuses is None or o.status in statuses)
            and wanted is None
            and (steps is None or o.step.split(".", 1)[0] in steps or o.step in steps)
            and start is None
            and end is None
        )
        return Timeline(
            actions=kept, now=self.now, interview=self.interview, outside_plan=outside
        )

    def diff(self, previous: Timeline) -> Changes[Action]:
        """What changed since ``previous``: what an app shows as "new since your last sync".

        Actions are matched by interview key and id. An action only this timeline has
        is ``added``; one both have is ``changed`` when a field differs (``fields``
        names them, in field order); one ``previous`` had as live and this one has
        cancelled, or no longer has, is ``cancelled``. A status that only reflects
        the moment each timeline was scheduled for (``upcoming``, ``due``,
        ``overdue``) is not a change, nor is the wording of the reason alone; an
        action becoming ``done`` or ``cancelled`` (or coming back) is.

        Args:
            previous: The timeline before (an earlier schedule of the same interview).

        Returns:
            A `followup.changes.Changes` of actions.

        Examples:
            >>> from datetime import datetime
            >>> from zoneinfo import ZoneInfo
            >>> from followup import Candidate, Contact, Interview, presets
            >>> NY = ZoneInfo("America/New_York")
            >>> interview = Interview(
            ...     company="Acme Corp",
            ...     role="Data Engineer",
            ...     start=datetime(2026, 11, 20, 14, tzinfo=NY),
            ...     candidate=Candidate(name="Sam Rivera"),
            ...     interviewers=[Contact(name="Jane Doe", email="jane@acme.example")],
            ... )
            >>> timeline = presets.after_interview().schedule(
            ...     interview, now=datetime(2026, 11, 21, 9, tzinfo=NY)
            ... )
            >>> from followup import Outcome
            >>> later = presets.after_interview().schedule(
            ...     interview,
            ...     outcome=Outcome.rejected(at=datetime(2026, 11, 24, 16, tzinfo=NY)),
            ...     now=datetime(2026, 11, 25, 9, tzinfo=NY),
            ... )
            >>> changes = later.diff(timeline)
            >>> [a.id for a in changes.cancelled]
            ['status-check.1', 'status-check.2']
            >>> [a.id for a in changes.added][:2]
            ['rejection-reply', 'linkedin-connect.jane-doe']
        """
        # Imported here: scheduling and a plain export never diff (only --merge, sync and
        # callers of this method do), and `changes` builds two generic attrs classes.
        from followup.changes import diff

        return diff(
            previous.actions,
            self.actions,
            key=lambda a: (a.interview, a.id),
            fields=_changed_fields,
            live=lambda a: a.status is not Status.CANCELLED,
        )

    def to_dict(self) -> dict[str, JSON]:
        """``{"interview": ..., "now": ..., "actions": [...]}``, JSON-safe (see [`Action.to_dict`][followup.timeline.Action.to_dict])."""
        from followup._convert import unstructure

        data: dict[str, Any] = unstructure(self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Timeline:
        """Rebuild a timeline from [`to_dict`][followup.to_dict]'s data; the round trip gives an equal timeline.

        Raises:
            ValidationError: the data is not valid; ``field`` is the path to the value at fault
                (``actions[2].window.days[1]``, counting from 0).
        """
        from followup._convert import structure

        return structure(data, cls)


# Statuses that follow the clock alone: the same action is upcoming today and due tomorrow.
_CLOCK_STATUSES = frozenset({Status.UPCOMING, Status.DUE, Status.OVERDUE})
_COMPARED = tuple(
    f.name for f in attrs.fields(Action) if f.name not in ("id", "interview", "status", "reason")
)


def _changed_fields(before: Action, after: Action) -> tuple[str, ...]:
    """The fields in which two versions of an action differ, as a change (see Timeline.diff)."""
    names = [name for name in _COMPARED if getattr(before, name) != getattr(after, name)]
    if before.status != after.status and not (
        before.status in _CLOCK_STATUSES and after.status in _CLOCK_STATUSES
    ):
        names.append("status")
    if names and before.reason != after.reason:
        names.append("reason")  # the reason says why the other fields changed
    order = [f.name for f in attrs.fields(Action)]
    return tuple(sorted(names, key=order.index))


def _set_of(value: Any, kind: Any) -> set[Any] | None:
    if value is None:
        return None
    field = kind.__name__.lower()
    if isinstance(value, str | kind):
        return {v.to_enum(kind, field, value)}
    return {v.to_enum(kind, field, x) for x in value}
