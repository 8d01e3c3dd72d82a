"""What `followup ics` imports: the plain export loads no module it does not need.

Start-up is measured in ``bench/`` (issue 12 §5), not timed here. These tests run the
command in a fresh interpreter and list ``sys.modules`` after it, so that a heavy import
that comes back on the path fails a test rather than only a benchmark nobody reads.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Never needed by a plain export (no --merge): the calendar is written by followup's own
# writer, the interview file is read without the converter, and nothing is diffed, pickled,
# checked for tone or looked up as a plugin.
NEVER = {
    "icalendar",
    "cattrs",
    "json",
    "pickle",
    "followup.codec",
    "followup.changes",
    "followup.tone",
    "followup._tone_checks",
    "followup._tone_data",
    "followup._tone_scorer",
    "followup.batch",
    "followup.caldav",
    "followup.testing",
    "followup.interview_file._writer",
    "followup.ical._merge",
    "followup.ical._read",
    "followup.ical._tree",
    # attrs classes a plain export never makes (each costs its methods' compilation)
    "followup.ical._objects",
    "followup._kinds",
    "followup.case",
}

# Loaded only by python-holidays' own `__init__` (`holidays.version` reads the package's
# version with importlib.metadata, which imports email and socket): an interview whose
# zone names no country and whose plan names no holidays must not load them.
HOLIDAYS_ONLY = {"holidays", "importlib.metadata", "email", "socket", "csv"}


def _modules_after_ics(interview: Path, out: Path) -> set[str]:
    code = (
        "import sys\n"
        "from followup.cli import main\n"
        f"assert main(['ics', {str(interview)!r}, '-o', {str(out)!r},"
        " '--now', '2026-11-25T09:00-05:00']) == 0\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(proc.stdout.splitlines()[-1].split())  # after the command's own line


def _heavy(loaded: set[str], names: set[str]) -> set[str]:
    """The modules of ``names`` (and their submodules) that were loaded."""
    return {m for m in loaded if any(m == n or m.startswith(n + ".") for n in names)}


def test_a_plain_export_imports_nothing_it_does_not_need(tmp_path: Path) -> None:
    out = tmp_path / "pending.ics"
    loaded = _modules_after_ics(ROOT / "examples" / "pending.toml", out)
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert _heavy(loaded, NEVER) == set()
    # What it does need: the file's TOML, and the United States' holidays (business days).
    assert {"tomllib", "followup.interview_file._reader", "followup.ical._write"} <= loaded
    assert "holidays" in loaded


def test_without_a_country_the_export_loads_neither_holidays_nor_metadata(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "pending.toml").read_text(encoding="utf-8")
    assert 'timezone = "America/New_York"' in text
    interview = tmp_path / "utc.toml"
    interview.write_text(text.replace('"America/New_York"', '"UTC"'), encoding="utf-8")
    out = tmp_path / "utc.ics"
    loaded = _modules_after_ics(interview, out)
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert _heavy(loaded, NEVER | HOLIDAYS_ONLY) == set()


def test_durations_read_without_the_converter_read_as_the_converter_reads_them() -> None:
    from datetime import timedelta

    from dateutil.relativedelta import relativedelta

    from followup._convert import structure_duration, structure_value
    from followup.errors import ValidationError
    from followup.timing import BusinessDays

    kinds: list[tuple[tuple[type, ...], Any]] = [
        ((timedelta,), timedelta),
        ((BusinessDays,), BusinessDays),
        ((relativedelta,), relativedelta),
        ((BusinessDays, relativedelta, timedelta), BusinessDays | relativedelta | timedelta),
    ]
    texts = [
        "1 hour", "45m", "3 months", "2 business days", "1 year 2 months", "1 hour 30 minutes",
        "3 days 4 hours", "24 hours", "0 days", "-1 day", "", "abc", "7d", "99999999999 years",
        "10000000 hours",
    ]  # fmt: skip

    def read(f: Any, text: str, kind: Any) -> tuple[Any, ...]:
        try:
            return ("ok", f(text, kind))
        except ValidationError as exc:
            return ("error", exc.field, exc.value, exc.expected)

    for allowed, annotation in kinds:
        for text in texts:
            assert read(structure_duration, text, allowed) == read(
                structure_value, text, annotation
            ), (text, allowed)


def test_classes_built_on_first_use_keep_their_public_home() -> None:
    """CalendarObject, KindInfo and ParamInfo live in private modules (built on first use)
    but are followup.ical's and followup.registry's: pickles and type hints name them there."""
    import pickle
    import typing

    from followup import ical, registry

    info = registry.describe("thank-you")
    assert type(info) is registry.KindInfo
    assert (registry.KindInfo.__module__, registry.ParamInfo.__module__) == (
        "followup.registry",
        "followup.registry",
    )
    assert pickle.loads(pickle.dumps(info.params)) == info.params
    assert typing.get_type_hints(registry.KindInfo)["params"] == tuple[registry.ParamInfo, ...]
    assert ical.CalendarObject.__module__ == "followup.ical"
    assert pickle.loads(pickle.dumps(ical.CalendarObject)) is ical.CalendarObject


def test_the_phrase_file_read_in_parts_equals_it_read_at_once() -> None:
    """language() reads each kind's frames when first asked for (start-up): together, the
    parts are exactly the file read by tomllib in one go, for every shipped language."""
    import tomllib

    from followup import lang

    folder = ROOT / "followup" / "phrases"
    codes = sorted(p.stem for p in folder.glob("*.toml"))
    assert "en" in codes
    for code in codes:
        whole = lang._frozen(tomllib.loads((folder / f"{code}.toml").read_text(encoding="utf-8")))
        lang._language.cache_clear()
        try:
            data = lang.language(code).data
            assert isinstance(data["frames"], lang._Frames)  # read in parts, not all at once
            assert set(data) == set(whole)
            assert set(data["frames"]) == set(whole["frames"])
            for key in whole:
                assert data[key] == whole[key], (code, key)
            for kind in whole["frames"]:
                assert data["frames"][kind] == whole["frames"][kind], (code, kind)
        finally:
            lang._language.cache_clear()
