"""The interview-file module under its first name: see [`followup.interview_file`][followup.interview_file].

``followup.files.load``, ``loads``, ``dumps``, ``append_history`` and
``EXAMPLE`` are the same objects as in [`followup.interview_file`][followup.interview_file]; code
written against this name keeps working.
"""

from __future__ import annotations

from followup.interview_file import (
    EXAMPLE,
    InterviewFile,
    append_history,
    append_history_text,
    dump,
    dumps,
    load,
    loads,
)

__all__ = [
    "EXAMPLE",
    "InterviewFile",
    "append_history",
    "append_history_text",
    "dump",
    "dumps",
    "load",
    "loads",
]
