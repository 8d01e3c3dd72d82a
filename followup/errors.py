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
