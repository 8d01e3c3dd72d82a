"""Validators shared by the model and the steps, and the bounds they hold values to (private).

The bounds keep every computation inside what ``datetime`` can represent and
every output a size a person can use; a value outside them is refused with a
[`ValidationError`][followup.errors.ValidationError] that states the bound (docs/cli.md,
"Limits", lists them all):

* dates and times between `MIN_YEAR` and `MAX_YEAR` (1900–2200);
* an interview at most `MAX_INTERVIEW_LENGTH` long (24 hours);
* offsets and intervals at most 10 years (``followup.timing.MAX_OFFSET_DAYS``);
* series of at most `MAX_COUNT` occurrences (120);
* at most `MAX_PEOPLE` interviewers (50);
* time-zone names at most `MAX_ZONE_NAME` characters (255).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.errors import ValidationError
from followup.typing import TONES

_EMAIL = re.compile(
    r"^[^@\s\x00-\x1f\x7f<>(),;:\"\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

MIN_YEAR = 1900
"""The earliest year of any date or time (an interview, an outcome, a record, ``now``)."""
MAX_YEAR = 2200
"""The latest year of any date or time given; series and offsets may run past it, never past 9999."""
MAX_INTERVIEW_LENGTH = timedelta(hours=24)
"""The longest interview (its ``duration``)."""
MAX_COUNT = 120
"""The most occurrences a series may have (10 years of monthly reminders)."""
MAX_PEOPLE = 50
"""The most interviewers one interview may name (each gets a thank-you note)."""
MAX_ZONE_NAME = 255
"""The longest time-zone name (IANA names are far shorter; longer ones fail in the OS)."""

DATE_RANGE = f"a date between {MIN_YEAR} and {MAX_YEAR}"


def in_range(value: date | datetime) -> bool:
    """True when ``value`` (a date, or a datetime in its own zone) is in ``MIN_YEAR``–``MAX_YEAR``."""
    return MIN_YEAR <= value.year <= MAX_YEAR


def check_range(field: str, value: object) -> None:
    """Refuse a date or datetime outside ``MIN_YEAR``–``MAX_YEAR`` (other values pass)."""
    if isinstance(value, date) and not in_range(value):
        raise ValidationError(field, value, DATE_RANGE)


def _alias(attribute: Any) -> str:
    """The name a field is given by (``timezone`` for ``Interview._given_timezone``)."""
    return str(getattr(attribute, "alias", None) or attribute.name)


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    """Return the ``ZoneInfo`` for an IANA name, or raise ``ValidationError``."""
    try:
        if (
            not name
            or len(name) > MAX_ZONE_NAME
            or name != name.strip()
            or name.startswith("/")
            or ".." in name
        ):
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as exc:
        # OSError: a name the OS refuses (too long for a path, a directory such as "America").
        raise ValidationError(
            "timezone", name, "an IANA time zone name such as 'Europe/Berlin' or 'America/New_York'"
        ) from exc


def check_timezone(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        try:
            zone(value)
        except ValidationError as exc:
            raise ValidationError(_alias(attribute), value, exc.expected) from None


def check_name(_inst: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(_alias(attribute), value, "a non-empty name")
    if _CONTROL.search(value):
        raise ValidationError(
            _alias(attribute), value, "text without line breaks or control characters"
        )


def check_optional_name(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        check_name(_inst, attribute, value)


def check_optional_line(_inst: Any, attribute: Any, value: Any) -> None:
    check_optional_text(_inst, attribute, value)
    if value is not None and _CONTROL.search(value):
        raise ValidationError(attribute.name, value, "one line of text, without control characters")


def check_optional_text(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValidationError(_alias(attribute), value, "non-empty text, or leave it out")


def check_multiline_text(_inst: Any, attribute: Any, value: Any) -> None:
    check_optional_text(_inst, attribute, value)
    if value is not None and _CONTROL.search(value.replace("\r", "").replace("\n", "").replace("\t", "")):
        raise ValidationError(_alias(attribute), value, "text without control characters (line breaks are fine)")


def check_email(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _EMAIL.match(value)):
        raise ValidationError(_alias(attribute), value, "an email address such as 'jane@example.com'")


def check_url(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _URL.match(value)):
        example = (
            "https://www.linkedin.com/in/janedoe" if _alias(attribute) == "linkedin" else "https://example.com/careers"
        )
        raise ValidationError(_alias(attribute), value, f"an http(s) URL such as '{example}'")


def check_aware(_inst: Any, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, datetime):
        raise ValidationError(_alias(attribute), value, "a datetime with a time zone")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            _alias(attribute),
            value,
            "a time-zone-aware datetime (add tzinfo=ZoneInfo('...'), or give the file's timezone)",
        )


def check_aware_in_range(_inst: Any, attribute: Any, value: Any) -> None:
    """An aware datetime given as a fact (not computed): its year must be in range too."""
    check_aware(_inst, attribute, value)
    check_range(_alias(attribute), value)


def check_aware_or_date(_inst: Any, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        check_aware(_inst, attribute, value)
    elif not isinstance(value, date):
        raise ValidationError(_alias(attribute), value, "a date or a time-zone-aware datetime")
    check_range(_alias(attribute), value)


def check_positive_duration(_inst: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise ValidationError(
            _alias(attribute), value, "a positive duration, such as timedelta(minutes=45)"
        )


def check_interview_length(_inst: Any, attribute: Any, value: Any) -> None:
    check_positive_duration(_inst, attribute, value)
    if value > MAX_INTERVIEW_LENGTH:
        raise ValidationError(
            _alias(attribute), value, "a positive duration of at most 24 hours, such as '45m' or '4 hours'"
        )


def strip_control(text: str) -> str:
    """Replace control characters (line breaks included) by spaces."""
    return _CONTROL.sub(" ", text)


def _name(attribute: Any) -> str:
    return _alias(attribute) if hasattr(attribute, "name") else str(attribute or "tone")


def check_tone(_inst: Any, attribute: Any, value: Any) -> None:
    """A tone: formal, warm or brief."""
    if value not in TONES:
        raise ValidationError(_name(attribute), value, "one of 'formal', 'warm', 'brief'")


def check_optional_tone(_inst: Any, attribute: Any, value: Any) -> None:
    """A tone, or ``None`` for the plan's."""
    if value is not None:
        check_tone(_inst, attribute, value)


_E = TypeVar("_E", bound=enum.Enum)


def to_enum(kind: type[_E], field: str, value: Any) -> _E:
    """``kind(value)``, or a ``ValidationError`` naming the field and the values there are."""
    try:
        return kind(value)
    except ValueError:
        values = ", ".join(repr(str(m.value)) for m in kind)
        raise ValidationError(field, value, f"one of {values}") from None


def instance_of(kind: type, words: str) -> Callable[[Any, Any, Any], None]:
    """An attrs validator like ``attrs.validators.instance_of`` raising ``ValidationError``."""

    def check(_inst: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, kind):
            raise ValidationError(_alias(attribute), value, words)

    return check


def optional_instance_of(kind: type, words: str) -> Callable[[Any, Any, Any], None]:
    """`instance_of`, or ``None``."""
    inner = instance_of(kind, words)

    def check(_inst: Any, attribute: Any, value: Any) -> None:
        if value is not None:
            inner(_inst, attribute, value)

    return check
