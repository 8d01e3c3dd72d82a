"""The exceptions ``followup`` raises.

Every error derives from :class:`FollowupError`, and each subclass also derives
from the matching built-in (``ValueError``) so code that already catches those
keeps working. Each carries the data needed to explain it.
"""

from __future__ import annotations

__all__ = [
    "ExportError",
    "FollowupError",
    "InputFileError",
    "InvalidStepError",
    "SchedulingError",
    "SyncError",
    "TemplateError",
    "ValidationError",
]


class FollowupError(Exception):
    """The root of every error raised by ``followup``."""


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
        super().__init__(f"{field}: {value!r} is not valid: {expected}")


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


class ExportError(FollowupError):
    """A calendar or draft could not be exported or merged.

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
            :class:`followup.caldav.SyncReport`), else ``None``.
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
