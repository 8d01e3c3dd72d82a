"""The exceptions ``followup`` raises.

Every error derives from [`FollowupError`][followup.errors.FollowupError], and each subclass also derives
from the matching built-in (``ValueError``, ``KeyError``, ``OSError``) so code
that already catches those keeps working. Each carries the data needed to
explain it, and pickles with that data: an error raised in a worker process
(a bad ``now``, an interview that cannot be scheduled) reaches the parent as
the same error, with the same attributes and notes.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ExportError",
    "FollowupError",
    "InputFileError",
    "InvalidStepError",
    "NotFoundError",
    "SchedulingError",
    "SyncError",
    "TemplateError",
    "ValidationError",
]


def _picklable(value: object) -> object:
    """``value``, or its ``repr`` when it does not pickle (a lambda given as a value, say)."""
    import pickle  # on first error only: `import followup` stays light

    try:
        pickle.dumps(value)
    except Exception:
        return repr(value)
    return value


def _restore(cls: type[FollowupError], args: tuple[Any, ...], state: dict[str, Any]) -> FollowupError:
    """Rebuild an error from its class, ``args`` and attributes, without calling ``__init__``."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class FollowupError(Exception):
    """The root of every error raised by ``followup``.

    Subclasses take keyword-only arguments, which ``Exception``'s own pickling
    loses; `__reduce__` keeps ``args`` and every attribute (and the notes)
    instead, so errors cross process boundaries intact.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as class, ``args`` and attributes (values that do not pickle become their repr)."""
        state = {k: _picklable(v) for k, v in self.__dict__.items()}
        return (_restore, (type(self), tuple(_picklable(a) for a in self.args), state))


class ValidationError(FollowupError, ValueError):
    """A value given to a model class is not acceptable.

    Attributes:
        field: The name of the field, for example ``"start"`` or ``"email"``.
        value: The value that was refused.
    """

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field + ': ' if field else ''}{_shown(value)} is not valid: {expected}")


def _shown(value: object) -> str:
    """A refused value as the user wrote it: dates and times as ISO 8601 (as in a TOML file),
    not Python's ``datetime.date(2026, 6, 12)``; anything else as its repr."""
    from datetime import date, time

    if isinstance(value, date | time):
        return value.isoformat()
    return repr(value)


class InvalidStepError(FollowupError, ValueError):
    """A step, or a plan made of steps, is not valid (for example a duplicate id).

    Attributes:
        step: The id of the step concerned, when there is one.
    """

    def __init__(self, message: str, *, step: str | None = None) -> None:
        self.step = step
        super().__init__(message)


class SchedulingError(FollowupError, ValueError):
    """A plan cannot be scheduled for the facts given.

    Attributes:
        step: The id of the step that could not be scheduled, when there is one.
        field: The fact or parameter at fault, when one is: an interview field
            (``"interviewers"``, ``"decision_expected"``), a history record's
            (``"history[0].at"``, counting from 0) or a step parameter (``"until"``).
    """

    def __init__(self, message: str, *, step: str | None = None, field: str | None = None) -> None:
        self.step = step
        self.field = field
        super().__init__(message)


class TemplateError(FollowupError, ValueError):
    """A message template is invalid or lacks a fact it requires.

    Attributes:
        name: The placeholder concerned, when there is one.
        template: The template's name (``step.tone.channel``) or path.
        step: The id of the step whose draft it is, when scheduling a plan.
    """

    def __init__(
        self,
        message: str,
        *,
        name: str | None = None,
        template: str | None = None,
        step: str | None = None,
    ) -> None:
        self.name = name
        self.template = template
        self.step = step
        super().__init__(message)


class InputFileError(FollowupError, ValueError):
    """An interview file cannot be read or is not valid.

    Attributes:
        path: The file.
        line: The line number, when known.
        field: The key path, for example ``interview.interviewers[2].email``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.detail = message
        where = path or "<input>"
        if line is not None:
            where += f":{line}"
        if field:
            where += f": {field}"
        super().__init__(f"{where}: {message}")


class NotFoundError(FollowupError, KeyError):
    """Nothing has this id (``timeline["no-such-action"]``): a ``KeyError`` too.

    Attributes:
        key: The id looked up.
        known: The ids there are, in order.
    """

    def __init__(self, message: str, *, key: str, known: tuple[str, ...] = ()) -> None:
        self.key = key
        self.known = known
        self.detail = message
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError's own str() is the repr of its argument: keep the message readable.
        return self.detail


class ExportError(FollowupError, OSError):
    """A calendar or draft could not be exported or merged: an ``OSError`` too.

    Attributes:
        path: The file concerned, when there is one.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)


class SyncError(FollowupError, OSError):
    """A CalDAV sync could not be done, or was done only in part.

    Derives from ``OSError``: the causes are the network's and the server's (a
    refused login, a missing calendar, a timeout, a malformed answer). The
    message never holds a password.

    Attributes:
        url: The calendar's (or server's) URL, without credentials.
        report: What the sync did before it stopped, when it got that far (a
            [`followup.caldav.SyncReport`][followup.caldav.SyncReport]), else ``None``.
    """

    def __init__(self, message: str, *, url: str | None = None, report: object = None) -> None:
        self.url = url
        self.report = report
        self.detail = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.detail

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_sync_error, (self.detail, self.url, self.report))


def _rebuild_sync_error(message: str, url: str | None, report: object) -> SyncError:
    return SyncError(message, url=url, report=report)
