"""Interview files: one interview's whole case in TOML, read strictly and written back.

An interview file has the tables ``[candidate]``, ``[interview]`` (with
``[[interview.interviewers]]`` and ``[interview.recruiter]``), ``[outcome]``,
``[plan]`` and ``[[history]]``; [`EXAMPLE`][followup.interview_file.EXAMPLE] is a commented one (the file
``example.toml`` of this package, which ``followup init`` writes). Reading is
strict: an unknown key, a value of the wrong type or a value the model refuses
raises [`InputFileError`][followup.errors.InputFileError] naming the file, the line and
the key path, for example::

    interview.toml:14: interview.interviewers[2].email: "jane@" is not valid:
    an email address such as 'jane@example.com'

Indices in key paths count from 1, as people do: ``interview.interviewers[2]``
is the second ``[[interview.interviewers]]`` table and ``history[1]`` the first
``[[history]]`` table.

``[plan]`` picks a preset and its settings; ``remove = ["network"]`` leaves
steps out, each ``[[plan.steps]]`` table (``kind = "keep-in-touch"`` and the
kind's parameters, plus ``template`` text or a ``template_file`` path, and
``outcomes_only`` for a branch) adds a step or, when its id is a preset step's,
replaces that step; ``templates = "dir"`` reads template files from a
directory. Paths are relative to the file. Without ``preset``, a ``[plan]``
with ``[[plan.steps]]`` is exactly those steps: a plan built in code.

Values are spelt as [`followup.to_dict`][followup.to_dict] spells them: durations are strings
such as ``"45 minutes"``, ``"3 hours"``, ``"2 business days"`` or
``"3 months"`` (``"45m"`` too), times of day ``"09:00"``; naive TOML datetimes
(``2026-11-20T14:00:00``) are read in the interview's ``timezone``. History
records carry an ``event`` (``done``, ``skipped``, ``snoozed``, ``reply``,
``out-of-office``, ``outcome``), ``at`` and ``contact``; the keys older versions
wrote (``done = DATE``, ``reply = DATE`` with ``from``, ``out_of_office_until``,
``snoozed_until``, ``recipient``; ``date``, ``from`` and ``from_email`` in an
outcome) are still read.

[`dumps`][followup.interview_file.dumps] writes a case as a file that reads back to an equal case, and
[`append_history`][followup.interview_file.append_history] adds a record to a file through the same writer, keeping
every byte the user wrote.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from importlib import resources
from typing import TYPE_CHECKING, Any

from followup._atomic import locked, write_atomic
from followup.errors import (
    InputFileError,
    InvalidStepError,
    SchedulingError,
    TemplateError,
    ValidationError,
)
from followup.interview_file._reader import InterviewFile, load, loads, read_text
from followup.model import HistoryRecord
from followup.registry import Registry

if TYPE_CHECKING:
    from followup.case import Case
    from followup.interview_file._writer import dumps

__all__ = [
    "EXAMPLE",
    "InterviewFile",
    "append_history",
    "append_history_records",
    "append_history_text",
    "dump",
    "dumps",
    "load",
    "loads",
]

EXAMPLE: str = resources.files(__name__).joinpath("example.toml").read_text(encoding="utf-8")
"""A commented example interview file: what ``followup init`` writes (``example.toml``)."""


def dump(case: Case, path: str | os.PathLike[str], *, registry: Registry | None = None) -> None:
    """Write a case as an interview file, atomically (see [`dumps`][followup.interview_file.dumps]).

    Args:
        case: The case.
        path: The file to write (replaced in one rename).
        registry: Where the plan's step kinds are looked up.

    Raises:
        ValidationError: the case cannot be written as a file.
        OSError: the file could not be written.
    """
    from followup.interview_file._writer import dumps

    write_atomic(os.fspath(path), dumps(case, registry=registry).encode("utf-8"))


def append_history_text(
    text: str,
    record: HistoryRecord | Mapping[str, object],
    *,
    path: str = "<string>",
    now: datetime | None = None,
) -> str:
    """Add a ``[[history]]`` table at the end of an interview file's text.

    Every byte of ``text`` is kept (comments, spacing, CRLF line endings); the
    new table uses the file's line endings, and a line break is added first when
    the text does not end with one. The table is written by the same writer as
    [`dumps`][followup.interview_file.dumps]. The result is read back with [`loads`][followup.interview_file.loads], so a record the
    file cannot hold (a step the plan does not have, a bad date) is refused;
    with ``now``, the plan is also scheduled with the record, so a record that
    would make every later command fail is refused too.

    Args:
        text: The file's text.
        record: The history record (``StepDone(...)``, ``ReplyReceived(...)``...), or
            the table's keys and values as a mapping.
        path: The name to use in error messages.
        now: Schedule the plan with the record at this moment, and refuse the
            record when that fails.

    Returns:
        The new text.

    Raises:
        InputFileError: the new text is not a valid interview file, or (with
            ``now``) its plan cannot be scheduled because of the record (the
            message names the key; a line number is given only for errors in the
            old text).
        ValidationError: a value cannot be written as TOML.
    """
    from followup.interview_file._writer import history_table

    newline = "\r\n" if "\r\n" in text else "\n"
    interview = loads(text, path=path).interview
    people = [*interview.interviewers, *([interview.recruiter] if interview.recruiter else [])]
    new = text
    if new and not new.endswith("\n"):
        new += newline
    if new.strip() and not new.endswith(newline * 2):
        new += newline
    new += newline.join(history_table(record, interview.zone, people)) + newline
    old_lines = len(text.splitlines())
    try:
        checked = loads(new, path=path)
    except InputFileError as exc:
        if exc.line is None or exc.line <= old_lines:
            raise
        raise InputFileError(
            f"the new history record is not valid: {exc.detail}", path=exc.path, field=exc.field
        ) from exc
    if now is not None:
        _check_schedules(checked, text, path, now)
    return new


def _check_schedules(checked: InterviewFile, old: str, path: str, now: datetime) -> None:
    """Schedule the file with its new record; blame the record only if the old file schedules."""
    try:
        checked.schedule(now=now)
    except (InputFileError, SchedulingError, ValidationError, InvalidStepError, TemplateError) as exc:
        loads(old, path=path).schedule(now=now)  # the old file's own error, if it has one
        field = f"history[{len(checked.history)}]"
        detail = exc.detail if isinstance(exc, InputFileError) else str(exc)
        raise InputFileError(
            f"the new history record would make the file unusable: {detail}",
            path=path,
            field=field,
        ) from exc


def append_history(
    path: str | os.PathLike[str],
    record: HistoryRecord | Mapping[str, object],
    *,
    now: datetime | None = None,
) -> str:
    """Add a ``[[history]]`` table at the end of an interview file, atomically.

    The file is checked with the new record first (see [`append_history_text`][followup.interview_file.append_history_text])
    and left untouched when that fails; the new content replaces the old in one
    rename, so a crash mid-write leaves the old file as it was. Two processes
    appending at once are serialised by a lock beside the file, so neither record
    is lost (see ``followup._atomic.locked``).

    Args:
        path: The interview file.
        record: The history record, or the table's keys and values.
        now: Also schedule the plan with the record at this moment, and refuse
            the record when that fails.

    Returns:
        The text added at the end of the file (the new ``[[history]]`` table).

    Raises:
        InputFileError: the file cannot be read, or would not be valid with the record.
        ValidationError: a value cannot be written as TOML.
        TimeoutError: another process kept the file locked (it is unchanged).
        OSError: the file could not be replaced (it is unchanged).
    """
    return append_history_records(path, [record], now=now)


def append_history_records(
    path: str | os.PathLike[str],
    records: Sequence[HistoryRecord | Mapping[str, object]],
    *,
    now: datetime | None = None,
) -> str:
    """Add several ``[[history]]`` tables at the end of an interview file, all or none.

    As [`append_history`][followup.interview_file.append_history], one table per record in their order: the file is
    checked with every record and replaced once, or left untouched.

    Args:
        path: The interview file.
        records: The history records, or their tables' keys and values.
        now: As for [`append_history`][followup.interview_file.append_history].

    Returns:
        The text added at the end of the file (empty with no records).

    Raises:
        InputFileError: the file cannot be read, or would not be valid with a record.
        ValidationError: a value cannot be written as TOML.
        TimeoutError: another process kept the file locked (it is unchanged).
        OSError: the file could not be replaced (it is unchanged).
    """
    name = os.fspath(path)
    if not records:
        return ""
    with locked(name):
        old = read_text(name)
        new = old
        for record in records:
            new = append_history_text(new, record, path=name, now=now)
        write_atomic(name, new.encode("utf-8"))
    return new[len(old) :]


def __getattr__(name: str) -> Any:
    # The writer is imported on first use: reading a file (`followup ics`, `plan`) never
    # needs it, and it brings the codec with it.
    if name == "dumps":
        from followup.interview_file._writer import dumps

        globals()["dumps"] = dumps
        return dumps
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
