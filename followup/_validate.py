"""Validators shared by the model and the steps (private)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.errors import ValidationError

_EMAIL = re.compile(
    r"^[^@\s\x00-\x1f\x7f<>(),;:\"\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    """Return the ``ZoneInfo`` for an IANA name, or raise ``ValidationError``."""
    try:
        if not name or name != name.strip() or name.startswith("/") or ".." in name:
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise ValidationError(
            "timezone", name, "an IANA time zone name such as 'Europe/Berlin' or 'America/New_York'"
        ) from exc


def check_timezone(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        try:
            zone(value)
        except ValidationError as exc:
            raise ValidationError(attribute.name, value, exc.expected) from None


def check_name(_inst: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "a non-empty name")
    if _CONTROL.search(value):
        raise ValidationError(
            attribute.name, value, "text without line breaks or control characters"
        )


def check_optional_text(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValidationError(attribute.name, value, "non-empty text, or leave it out")


def check_multiline_text(_inst: Any, attribute: Any, value: Any) -> None:
    check_optional_text(_inst, attribute, value)
    if value is not None and _CONTROL.search(value.replace("\r", "").replace("\n", "").replace("\t", "")):
        raise ValidationError(attribute.name, value, "text without control characters (line breaks are fine)")


def check_email(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _EMAIL.match(value)):
        raise ValidationError(attribute.name, value, "an email address such as 'jane@example.com'")


def check_url(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not _URL.match(value)):
        example = (
            "https://www.linkedin.com/in/janedoe" if attribute.name == "linkedin" else "https://example.com/careers"
        )
        raise ValidationError(attribute.name, value, f"an http(s) URL such as '{example}'")


def check_aware(_inst: Any, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, datetime):
        raise ValidationError(attribute.name, value, "a datetime with a time zone")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            attribute.name,
            value,
            "a time-zone-aware datetime (add tzinfo=ZoneInfo('...'), or give the file's timezone)",
        )


def check_aware_or_date(_inst: Any, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        check_aware(_inst, attribute, value)
    elif not isinstance(value, date):
        raise ValidationError(attribute.name, value, "a date or a time-zone-aware datetime")


def check_positive_duration(_inst: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise ValidationError(
            attribute.name, value, "a positive duration, such as timedelta(minutes=45)"
        )


def strip_control(text: str) -> str:
    """Replace control characters (line breaks included) by spaces."""
    return _CONTROL.sub(" ", text)
