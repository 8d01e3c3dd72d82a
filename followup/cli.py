"""The ``followup`` command: one interview file in, a timeline, drafts and a calendar out.

Only this module reads files, argv and the clock, and prints. Exit codes: 0
success; 1 bad input or error findings (``error: ...`` on stderr, no
traceback); 2 usage errors. The commands, flags and JSON formats are documented
in ``docs/cli.md``, whose transcripts run as tests.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

from followup import __version__, _terminal, channels
from followup.errors import FollowupError, InputFileError
from followup.model import Status

__all__ = ["main"]

_EXAMPLES = {
    "init": "followup init\n  followup init interviews/acme.toml",
    "plan": (
        "followup plan interview.toml\n"
        "  followup plan interview.toml --status upcoming --status due\n"
        "  followup plan interview.toml --format json --now 2026-11-25T09:00-05:00"
    ),
    "draft": (
        "followup draft interview.toml\n"
        "  followup draft interview.toml rejection-reply\n"
        "  followup draft interview.toml --format json\n"
        "  followup draft interview.toml --format eml --out drafts/"
    ),
    "ics": (
        "followup ics interview.toml -o followup.ics\n"
        "  followup ics interview.toml -o followup.ics --merge --alarm 30m\n"
        "  followup ics interview.toml -o tasks.ics --todo --alarm none"
    ),
    "check": (
        "followup check draft.txt\n"
        "  followup draft interview.toml rejection-reply | followup check -\n"
        "  pbpaste | followup check - --channel linkedin-note --format json\n"
        "  followup check draft.txt --interview interview.toml"
    ),
    "mark": (
        "followup mark interview.toml thank-you --done\n"
        "  followup mark interview.toml thank-you.jane-doe --done --at 2026-11-20T18:30\n"
        "  followup mark interview.toml status-check.2 --skip\n"
        "  followup mark interview.toml --reply-from 'Jane Doe'\n"
        "  followup mark interview.toml --ooo-until 2026-12-04 --contact 'Jane Doe'\n"
        "  followup mark interview.toml --snooze keep-in-touch --until 2027-03-01\n"
        "  followup mark interview.toml --outcome offer --from 'Alex Kim' \\\n"
        "      --at 2026-11-24 --respond-by 2026-12-04\n"
        "  followup mark interview.toml --decision decline \\\n"
        "      --reason 'I have accepted another offer'\n"
        "  followup mark interview.toml --outcome withdrawn --reason 'I am staying put'"
    ),
    "sync": (
        "followup sync interview.toml --caldav https://caldav.fastmail.com/dav/calendars/user/sam@fastmail.com/jobs/\n"
        "  followup sync interviews/*.toml --caldav https://cloud.example.com/remote.php/dav --calendar 'Job search'\n"
        "  followup sync interviews/*.toml --caldav URL --dry-run"
    ),
    "feed": (
        "followup feed interviews/*.toml -o feed.ics\n"
        "  followup feed acme.toml nordlicht.toml -o site/jobs.ics --name 'Job search'"
    ),
    "steps": "followup steps",
}

_MARK_USAGE = """\
%(prog)s FILE STEP (--done | --skip) [--at WHEN] [--recipient NAME]
       %(prog)s FILE --reply-from NAME [--at WHEN]
       %(prog)s FILE --ooo-until DATE [--contact NAME] [--at WHEN]
       %(prog)s FILE --snooze STEP --until WHEN [--recipient NAME]
       %(prog)s FILE --outcome STATUS [--at WHEN] [--from NAME]
                     [--respond-by DATE] [--reason TEXT] [--start-date DATE]
                     [--note TEXT] [--open-to TEXT]
       %(prog)s FILE --decision DECISION [--at WHEN] [--reason TEXT]
                     [--start-date DATE] [--note TEXT] [--open-to TEXT]
       %(prog)s FILE --from-ics TASKS.ics [--domain DOMAIN]"""

_STATUS_COLOURS = {
    Status.UPCOMING: "36",
    Status.DUE: "1;33",
    Status.OVERDUE: "1;31",
    Status.DONE: "32",
    Status.CANCELLED: "2",
}
_SEVERITY_COLOURS = {"error": "1;31", "warning": "33", "info": "36"}
_DRAFT_HEAD = "── "


class _UsageError(Exception):
    """A usage error found after parsing (a flag that needs another one): exit 2."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No abbreviated flags (--form for --format): a new flag must not break old scripts.
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # exit 2, argparse's convention for usage errors
        self.print_usage(sys.stderr)
        self.exit(2, f"error: {message}\n")


class _CommandParser(_Parser):
    """A command's parser: positionals may come after options (``draft FILE --now X STEP``)."""

    _intermixing = False

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        # parse_known_intermixed_args calls parse_known_args itself: the flag ends the loop.
        if self._intermixing:
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


# --- argument types (a bad value is a usage error: exit 2) --------------------------------


def _in_range(text: str, value: Any) -> Any:
    """``value`` if its year is within the bounds every date is held to, else a usage error."""
    from followup._validate import DATE_RANGE, in_range

    if not in_range(value):
        raise argparse.ArgumentTypeError(f"{text!r} is out of range: give {DATE_RANGE}")
    return value


def _iso_datetime(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO 8601 datetime such as 2026-11-25T09:00-05:00"
        ) from None
    return _in_range(text, value)  # type: ignore[no-any-return]


def _date_or_datetime(text: str) -> date | datetime:
    try:
        if "T" in text or " " in text.strip():
            value: date | datetime = datetime.fromisoformat(text)
        else:
            value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (2026-11-24) or a datetime (2026-11-24T10:00)"
        ) from None
    return _in_range(text, value)  # type: ignore[no-any-return]


def _date(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-12-04") from None
    return _in_range(text, value)  # type: ignore[no-any-return]


_MAX_ALARM = timedelta(days=7)


def _alarm(text: str) -> timedelta | None:
    if text.strip().lower() in ("none", "no", "off", "0"):
        return None
    from followup.errors import ValidationError
    from followup.timing import parse_offset

    try:
        value = parse_offset(text)
    except ValidationError as exc:
        value = None
        if "at most" in exc.expected:  # a number too large, not a bad word
            value = _MAX_ALARM * 2
    if isinstance(value, timedelta) and value > _MAX_ALARM:
        raise argparse.ArgumentTypeError(
            f"{text!r} is too long: an alarm comes at most 168 hours (a week) before its reminder"
        )
    if not isinstance(value, timedelta):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a duration in minutes or hours, such as 15m or 1h, or 'none'"
        )
    return value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number, 1 or more")
    return int(text)


# --- the parser ------------------------------------------------------------------------------


def _global_flags(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--now",
        metavar="ISO-DATETIME",
        type=_iso_datetime,
        default=default,
        help="the current moment, for deterministic runs (default: the clock); "
        "without an offset it is read in the interview's time zone",
    )
    parser.add_argument(
        "--tone",
        choices=("formal", "warm", "brief"),
        default=default,
        help="the tone of every draft (default: plan.tone in the file)",
    )


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    # The global flags work before or after the command; the command's copies
    # default to SUPPRESS so they never overwrite a value given before it.
    common = _CommandParser(add_help=False)
    _global_flags(common, argparse.SUPPRESS)
    p = _Parser(
        prog="followup",
        description="Follow up after a job interview: a timeline with reasons,\n"
        "message drafts, calendar reminders.",
        epilog="Start with:\n  followup init interview.toml\n  followup plan interview.toml\n\n"
        "Run 'followup COMMAND --help' for a command's flags and examples.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"followup {__version__}")
    _global_flags(p, None)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    sub.required = True

    commands: dict[str, argparse.ArgumentParser] = {}

    def cmd(name: str, help_: str, usage: str | None = None) -> argparse.ArgumentParser:
        commands[name] = sub.add_parser(
            name,
            usage=usage,
            help=help_,
            description=help_,
            parents=[common],
            epilog="examples:\n  " + _EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        return commands[name]

    c = cmd("init", "write a commented example interview file")
    c.add_argument(
        "path",
        nargs="?",
        default="interview.toml",
        metavar="PATH",
        help="where to write it (default: interview.toml); never overwritten",
    )

    c = cmd("plan", "print the timeline, with the reason for every date")
    c.add_argument("file", metavar="FILE", help="the interview file")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument(
        "--status",
        action="append",
        choices=[s.value for s in Status],
        help="only actions with this status (repeat for several)",
    )

    c = cmd("draft", "print the message drafts")
    c.add_argument("file", metavar="FILE", help="the interview file")
    c.add_argument(
        "step",
        nargs="?",
        metavar="STEP",
        help="only this step (thank-you) or action (thank-you.jane-doe)",
    )
    c.add_argument("--format", choices=("text", "json", "eml"), default="text")
    c.add_argument(
        "--out", metavar="DIR", help="with --format eml: the directory for the .eml files"
    )
    c.add_argument(
        "--all",
        action="store_true",
        help="include drafts of done and cancelled actions (always with STEP)",
    )
    _force_flag(c)

    c = cmd("ics", "write calendar reminders (.ics)")
    c.add_argument("file", metavar="FILE", help="the interview file")
    c.add_argument("-o", "--output", required=True, metavar="OUT.ics", help="the calendar file")
    c.add_argument(
        "--merge",
        action="store_true",
        help="update OUT.ics in place, keeping everything else in it",
    )
    c.add_argument("--todo", action="store_true", help="write tasks (VTODO) instead of events")
    c.add_argument(
        "--alarm",
        default="15m",
        type=_alarm,
        metavar="DURATION",
        help="alarm before each reminder (default 15m), or 'none'",
    )
    c.add_argument("--domain", default=None, help="the domain part of event UIDs")
    c.add_argument("--name", default=None, help="the calendar's name")
    _force_flag(c)

    c = cmd("check", "tone check of a draft; exit 1 on an error finding")
    c.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE|-",
        help="the draft (default: - for standard input)",
    )
    c.add_argument(
        "--channel",
        default=None,
        choices=channels.names(),
        help="the channel's rules and limits (default: from a 'followup draft' header, else email)",
    )
    c.add_argument(
        "--limit",
        type=_positive,
        default=None,
        help="length limit (words for email, characters for LinkedIn)",
    )
    c.add_argument(
        "--interview",
        default=None,
        metavar="FILE",
        help="the interview file: its company, role, names and topics are never flagged",
    )
    c.add_argument("--format", choices=("text", "json"), default="text")

    c = cmd("mark", "record what happened, in the file's [[history]]", _MARK_USAGE)
    c.add_argument("file", metavar="FILE", help="the interview file")
    c.add_argument("step", nargs="?", metavar="STEP", help="the step (or action) done or skipped")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--done", action="store_true", help="STEP was done")
    g.add_argument("--skip", action="store_true", help="STEP was skipped")
    g.add_argument("--reply-from", metavar="NAME", help="someone replied")
    g.add_argument(
        "--ooo-until", metavar="DATE", type=_date, help="an out-of-office reply: away until DATE"
    )
    g.add_argument("--snooze", metavar="STEP", help="move STEP to --until")
    g.add_argument(
        "--outcome",
        choices=("rejected", "offer", "withdrawn"),
        metavar="STATUS",
        help="a new outcome arrived: rejected, offer or withdrawn",
    )
    g.add_argument(
        "--decision",
        choices=("accept", "decline"),
        metavar="DECISION",
        help="you decided about the offer: accept or decline",
    )
    g.add_argument(
        "--from-ics",
        metavar="TASKS.ics",
        help="record the tasks ticked in a calendar: an 'ics --todo' export, read back",
    )
    c.add_argument(
        "--domain",
        default=None,
        help="with --from-ics: the domain part of the UIDs, as given to 'ics --domain'",
    )
    c.add_argument(
        "--at",
        metavar="WHEN",
        type=_date_or_datetime,
        help="when it happened: a date (2026-11-24) or a datetime "
        "(2026-11-24T10:00, read in the interview's zone); default: now",
    )
    c.add_argument(
        "--until",
        metavar="WHEN",
        type=_date_or_datetime,
        help="with --snooze: the new date or datetime",
    )
    c.add_argument(
        "--recipient", metavar="NAME", help="with --done, --skip or --snooze: only for this person"
    )
    c.add_argument("--contact", metavar="NAME", help="with --ooo-until: whose absence")
    c.add_argument("--from", dest="sender", metavar="NAME", help="with --outcome: who sent it")
    c.add_argument(
        "--respond-by",
        metavar="DATE",
        type=_date,
        help="with --outcome offer: the date they asked for your answer by",
    )
    c.add_argument(
        "--reason",
        metavar="TEXT",
        help=(
            "with --outcome withdrawn or --decision decline: one line you are happy to share; "
            "with --outcome rejected: the reason they gave"
        ),
    )
    c.add_argument(
        "--start-date",
        metavar="DATE",
        type=_date,
        help="with --outcome offer or --decision accept: the start date agreed",
    )
    c.add_argument(
        "--note",
        metavar="TEXT",
        help=(
            "with --outcome or --decision: a sentence or two of your own for the reply "
            "(terms agreed, a personal line), included as written"
        ),
    )
    c.add_argument(
        "--open-to",
        metavar="TEXT",
        help=(
            "with --outcome rejected or withdrawn, or --decision decline: what you would "
            "welcome hearing about later ('a Nairobi-based post')"
        ),
    )
    _force_flag(c)

    _sync_and_feed_parsers(cmd)
    cmd("steps", "list the step kinds available, with their parameters")
    return p, commands


def _sync_and_feed_parsers(cmd: Any) -> None:
    """The ``sync`` and ``feed`` commands: several interview files, one calendar."""
    c = cmd("sync", "put the reminders in a CalDAV calendar and keep them up to date")
    c.add_argument("files", nargs="+", metavar="FILE", help="interview files: one job search")
    c.add_argument(
        "--caldav",
        required=True,
        metavar="URL",
        help="the calendar's URL (with --calendar: the account's URL); credentials come from "
        "FOLLOWUP_CALDAV_USER and FOLLOWUP_CALDAV_PASSWORD, ~/.netrc or the keyring",
    )
    c.add_argument(
        "--calendar",
        metavar="NAME",
        help="the calendar with this name in the account at URL; created when missing",
    )
    c.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    c.add_argument(
        "--insecure-http",
        action="store_true",
        help="allow plain http:// to a server that is not on this machine (the password "
        "crosses the network unencrypted)",
    )
    c.add_argument(
        "--timeout",
        type=_positive,
        default=30,
        metavar="SECONDS",
        help="how long to wait for each answer (default 30)",
    )
    c.add_argument(
        "--verbose",
        action="store_true",
        help="print each HTTP request (method, URL, status) to standard error",
    )
    c.add_argument(
        "--alarm",
        default="15m",
        type=_alarm,
        metavar="DURATION",
        help="alarm before each reminder (default 15m), or 'none'",
    )
    c.add_argument("--domain", default=None, help="the domain part of event UIDs")

    c = cmd("feed", "write every interview's reminders into one calendar file, for subscription")
    c.add_argument("files", nargs="+", metavar="FILE", help="interview files")
    c.add_argument("-o", "--output", required=True, metavar="FEED.ics", help="the calendar file")
    c.add_argument(
        "--alarm",
        default="15m",
        type=_alarm,
        metavar="DURATION",
        help="alarm before each reminder (default 15m), or 'none'",
    )
    c.add_argument("--domain", default=None, help="the domain part of event UIDs")
    c.add_argument("--name", default=None, help="the calendar's name (default: Job search)")


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code.

    Args:
        argv: The arguments (default ``sys.argv[1:]``).
        stdout: Where output goes (default ``sys.stdout``).
        stderr: Where errors go (default ``sys.stderr``).

    Returns:
        0 on success, 1 on bad input or error findings, 2 on usage errors.
    """
    # Every character printed passes through a Screen: no value from a file or argv can
    # send a terminal escape (docs/cli.md, "Output on a terminal").
    out = _screen(stdout or sys.stdout)
    err = _screen(stderr or sys.stderr)
    parser, commands = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        _check_text_args(args)
        handler = globals()[f"_cmd_{args.command}"]
        from followup._atomic import guard

        with guard(inputs=_inputs(args), force=getattr(args, "force", False)):
            _check_outputs(args)
            return int(handler(args, out))
    except _UsageError as exc:
        commands[args.command].print_usage(err)
        print(f"error: {exc}", file=err)
        return 2
    except FollowupError as exc:
        print(f"error: {exc}", file=err)
        return 1
    except BrokenPipeError:  # `followup plan FILE | head` is fine
        _silence_stdout(out)
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=err)
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except Exception as exc:  # a bug: say so in one line, traceback only on request
        if os.environ.get("FOLLOWUP_DEBUG"):
            import traceback

            traceback.print_exc(file=err)
        print(
            f"error: internal error ({type(exc).__name__}: {exc}); this is a bug in followup: "
            "please report it with the command and the file (FOLLOWUP_DEBUG=1 shows the traceback)",
            file=err,
        )
        return 1


# Arguments that name files: any bytes the system allows are fine there.
_PATH_ARGS = frozenset({"file", "output", "out", "path"})


def _force_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace a read-only file instead of refusing it",
    )


def _inputs(args: argparse.Namespace) -> list[str]:
    """The files a command reads and must never write over (mark rewrites its own on purpose)."""
    if args.command == "mark":
        return []
    found: list[str] = []
    for key in ("file", "files"):
        value = getattr(args, key, None)
        found += [value] if isinstance(value, str) else list(value or [])
    return [p for p in found if p != "-"]


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse an output that is the input or read-only before any work (``--merge`` reads it)."""
    from followup._atomic import check_target

    output = getattr(args, "output", None)
    if isinstance(output, str) and output != "-":
        check_target(output)
        if getattr(args, "merge", False) and os.path.exists(output) and not os.path.isfile(output):
            # --merge reads the file first: /dev/zero or a FIFO would never end.
            raise InputFileError(
                "--merge reads the calendar it updates, and this is not a regular file: "
                "give the path of an .ics file, or leave out --merge",
                path=output,
            )


def _check_text_args(args: argparse.Namespace) -> None:
    """Refuse text arguments (names, steps) holding bytes that are not UTF-8.

    Python keeps undecodable argv bytes as lone surrogates; written to a file or a
    draft they would fail later, far from their cause, so they are a usage error here.
    """
    for key, value in vars(args).items():
        if key in _PATH_ARGS or not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raw = value.encode("utf-8", "surrogateescape")
            flag = {"step": "STEP", "sender": "--from"}.get(key, "--" + key.replace("_", "-"))
            raise _UsageError(
                f"{flag}: {raw!r} is not valid UTF-8 text: type it in a UTF-8 terminal "
                "(check the LANG or LC_ALL setting)"
            ) from None


def _screen(stream: TextIO) -> TextIO:
    """``stream`` wrapped so that control characters are escaped; a real standard stream
    that cannot encode a character (``PYTHONIOENCODING=ascii``) writes an escape for it."""
    if stream in (sys.stdout, sys.stderr) and getattr(stream, "errors", None) == "strict":
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[attr-defined]
    return cast(TextIO, _terminal.Screen(stream))


def _silence_stdout(out: TextIO) -> None:
    """After a broken pipe, point stdout at devnull so the interpreter's final flush is quiet."""
    if getattr(out, "stream", out) is sys.stdout:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


# --- helpers ------------------------------------------------------------------------------


def _now(args: argparse.Namespace, zone: str | None = None) -> datetime:
    moment: datetime | None = args.now
    if moment is None:
        return datetime.now(UTC)
    if moment.tzinfo is None:
        from zoneinfo import ZoneInfo

        moment = moment.replace(tzinfo=ZoneInfo(zone) if zone else UTC)
    return moment


def _source_token(path: str) -> str:
    """What names an interview file in calendars (``X-FOLLOWUP-SOURCE``): a hash of its path.

    The same file gives the same token wherever the command runs from, so a merge can
    recognise the reminders an earlier version of the file wrote under another key (see
    docs/calendar.md, "Editing the interview file"). A hash, so no path leaks into a
    calendar that is shared.
    """
    import hashlib

    real = os.path.realpath(path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()
    return f"file-{digest[:16]}"


def _load(path: str) -> Any:
    from followup import interview_file

    return interview_file.load(path)


def _timeline(args: argparse.Namespace) -> Any:
    f = _load(args.file)
    return f, f.schedule(now=_now(args, f.interview.timezone), tone=args.tone)


def _colour(out: TextIO) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (https://no-color.org)."""
    isatty = getattr(out, "isatty", None)
    return (
        bool(isatty and isatty())
        and not os.environ.get("NO_COLOR")
        and os.environ.get("TERM") != "dumb"
    )


def _paint(out: TextIO, text: str, code: str, colour: bool) -> None:
    """Write ``text`` (escaped like all output) in an SGR colour, without a line break."""
    if colour:
        _terminal.write_raw(out, f"\033[{code}m")
    out.write(text)
    if colour:
        _terminal.write_raw(out, "\033[0m")


def _width(out: TextIO) -> int:
    """80 columns, or the terminal's width (60 to 100) on a terminal."""
    isatty = getattr(out, "isatty", None)
    if isatty and isatty():
        return max(60, min(100, shutil.get_terminal_size((80, 24)).columns))
    return 80


def _wrapper(width: int, first: str, rest: str) -> textwrap.TextWrapper:
    # Ids (thank-you.jane-doe) and URLs are never cut: a long one overflows instead.
    return textwrap.TextWrapper(
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _when(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M} {moment.tzname()}"


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y}"


def _json(data: Any, out: TextIO) -> None:
    _terminal.write_raw(out, _terminal.json_text(data))


# --- commands -----------------------------------------------------------------------------


def _cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from followup import interview_file
    from followup._atomic import write_atomic

    path = Path(args.path)
    if path.exists() or path.is_symlink():
        raise InputFileError(
            "exists already; init never overwrites a file: choose another name, or remove it",
            path=str(path),
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, interview_file.EXAMPLE.encode("utf-8"))
    except OSError as exc:
        raise InputFileError(f"cannot be written: {exc.strerror or exc}", path=str(path)) from exc
    print(f"wrote {path}: edit it, then run  followup plan {path}", file=out)
    return 0


def _status_counts(timeline: Any) -> str:
    counts = dict.fromkeys(Status, 0)
    for a in timeline:
        counts[a.status] += 1
    return ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)


def _next_occurrence(action: Any, now: datetime) -> datetime | None:
    """For a series whose first date has passed, the next date still to come."""
    occurrences = action.occurrences
    if len(occurrences) < 2 or occurrences[0] >= now or action.status is not Status.UPCOMING:
        return None
    return next((o for o in occurrences if o >= now), None)


def _outcome_words(f: Any, now: datetime) -> str:
    """The outcome as of ``now``: the file's [outcome], or a later one its history records."""
    import attrs

    from followup.model import Decision, OutcomeChanged, OutcomeStatus

    zone = f.interview.zone

    def instant(value: date | datetime) -> datetime:
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=zone)
        return datetime.combine(value, time(0), zone)

    known = [f.outcome, *(r.outcome for r in f.history if isinstance(r, OutcomeChanged))]
    # Each outcome from when it took effect; a decided offer was an open offer from its arrival.
    dated: list[tuple[datetime, Any]] = []
    for o in known:
        if o.status is OutcomeStatus.PENDING or o.since is None:
            continue
        dated.append((instant(o.since), o))
        if o.decision is not Decision.PENDING and o.at is not None:
            dated.append((instant(o.at), attrs.evolve(o, decision=Decision.PENDING, decided=None, reason=None, open_to=None)))
    past = [(when, o) for when, o in dated if when <= now]
    if not past:
        return "pending"
    current = max(past, key=lambda pair: pair[0])[1]
    words = str(current.status.value)
    if current.status is OutcomeStatus.OFFER:
        words += {Decision.ACCEPT: ", accepted", Decision.DECLINE: ", declined"}.get(current.decision, "")
    return words


def _cmd_plan(args: argparse.Namespace, out: TextIO) -> int:
    f, timeline = _timeline(args)
    if args.status:
        timeline = timeline.filter(status=args.status)
    if args.format == "json":
        _json(timeline.to_dict(), out)
        return 0
    i = f.interview
    width = _width(out)
    colour = _colour(out)
    plain = _wrapper(width, "", "  ")
    print(plain.fill(f"{i.company} · {i.role} · outcome: {_outcome_words(f, timeline.now)}"), file=out)
    count = f"{len(timeline)} action{'' if len(timeline) == 1 else 's'}"
    if len(timeline):
        count += f" ({_status_counts(timeline)})"
    elif args.status:
        count += " with status " + " or ".join(args.status)
    outside = timeline.outside_plan
    if outside:
        count += f" · {len(outside)} outside this plan"
    print(plain.fill(f"now: {_when(timeline.now.astimezone(i.zone))} · {count}"), file=out)
    body = _wrapper(width, " " * 10, " " * 10)
    for o in outside:
        # History of steps the plan no longer has (a thank-you before the switch to
        # after-rejection): facts, shown as they were recorded, never reminders.
        print(file=out)
        _paint(out, f"{o.status.value.upper():<9}", _STATUS_COLOURS[o.status], colour)
        at = o.at.astimezone(i.zone) if isinstance(o.at, datetime) else None
        print(f" {_when(at) if at is not None else f'{o.at:%a} {o.at.day} {o.at:%b %Y}'}", file=out)
        who = f" (for {o.contact})" if o.contact else ""
        print(body.fill(f"{o.step}{who}: {o.note}"), file=out)
    why = _wrapper(width, " " * 10 + "why: ", " " * 15)
    repeats = _wrapper(width, " " * 10 + "repeats: ", " " * 19)
    status = _wrapper(width, " " * 10 + "status: ", " " * 18)
    for a in timeline:
        print(file=out)
        _paint(out, f"{a.status.value.upper():<9}", _STATUS_COLOURS[a.status], colour)
        print(f" {_when(a.due)} ({a.timezone})", file=out)
        print(body.fill(f"{a.title}  [{a.id}]"), file=out)
        if a.recurrence is not None:
            dates = ", ".join(_day(o) for o in a.recurrence.occurrences)
            print(repeats.fill(f"{a.recurrence.description}: {dates}"), file=out)
            nxt = _next_occurrence(a, timeline.now)
            if nxt is not None:
                print(body.fill(f"next: {_when(nxt)}"), file=out)
        if a.status_note:
            print(status.fill(a.status_note), file=out)
        print(why.fill(a.reason), file=out)
    return 0


def _note_limit(action: Any) -> int | None:
    """The length limit a draft was written to, when its channel counts characters."""
    spec = channels.get(action.message.channel)
    limit = action.message.limit if action.message.limit is not None else spec.limit
    return limit if spec.unit == "characters" and spec.variants else None


def _drafts(args: argparse.Namespace) -> tuple[Any, list[Any]]:
    """The actions with a message: those still to do, or every one of STEP (or with --all)."""
    f, timeline = _timeline(args)
    actions = [a for a in timeline if a.message is not None]
    if args.step:
        chosen = [a for a in actions if args.step in (a.step, a.id)]
        if not chosen:
            known = list(dict.fromkeys([a.step for a in actions] + [a.id for a in actions]))
            raise InputFileError(
                f"no draft for {args.step!r}; drafts exist for: {', '.join(known) or 'nothing'}",
                path=args.file,
            )
        return f, chosen
    if args.all:
        return f, actions
    return f, [a for a in actions if a.status not in (Status.DONE, Status.CANCELLED)]


def _recipient(action: Any) -> str | None:
    to = action.message.to
    if to is None:
        return None
    if channels.get(action.message.channel).address == "linkedin":
        return f"{to.name} ({to.linkedin})" if to.linkedin else f"{to.name} (on LinkedIn)"
    return f"{to.name} <{to.email}>" if to.email else to.name


def _draft_dict(action: Any) -> dict[str, Any]:
    """One draft for ``draft --format json``: the action's message with what identifies it."""
    full = action.to_dict()
    to = action.message.to
    data = {
        "step": action.step,
        "id": action.id,
        "channel": action.message.channel,
        "status": action.status.value,
        "due": full["due"],
        "timezone": action.timezone,
        "to": None if to is None else (f"{to.name} <{to.email}>" if to.email else to.name),
        "recipient": full.get("recipient"),
        "subject": action.message.subject,
        "body": action.message.body,
        "tone": action.message.tone,
    }
    # The same spelling as followup.to_dict: a value that is not there is left out.
    return {k: v for k, v in data.items() if v is not None}


def _body_lines(body: str, width: int) -> Iterator[str]:
    """The body wrapped for reading; short lines (greeting, signature) stay as they are."""
    for line in body.splitlines():
        if len(line) <= width:
            yield line
            continue
        indent = line[: len(line) - len(line.lstrip())]
        bullet = re.match(r"\s*(?:[-*•]|\d+[.)])\s+", line)
        rest = " " * len(bullet.group(0)) if bullet else indent
        yield from _wrapper(width, "", rest).wrap(line) or [line]


def _cmd_draft(args: argparse.Namespace, out: TextIO) -> int:
    if args.format == "eml" and not args.out:
        raise _UsageError("--format eml needs --out DIR: the directory for the .eml files")
    if args.out and args.format != "eml":
        raise _UsageError("--out goes with --format eml")
    _f, actions = _drafts(args)
    if args.format == "json":
        _json([_draft_dict(a) for a in actions], out)
        return 0
    if args.format == "eml":
        from followup.drafts import write_eml

        emails = [
            a.message for a in actions if channels.get(a.message.channel).address == "email"
        ]
        for path in write_eml(emails, args.out):
            print(path, file=out)
        if not emails:
            print(f"no email drafts to write{' for ' + args.step if args.step else ''}", file=out)
        return 0
    width = _width(out)
    colour = _colour(out)
    if not actions:
        print("no drafts still to send (--all shows those of done and cancelled actions)", file=out)
    for n, a in enumerate(actions):
        if n:
            print(file=out)
        head = f"{_DRAFT_HEAD}{a.id} · {a.message.channel}"
        limit = _note_limit(a)
        if limit is not None:
            head += f" · at most {limit} characters"
        _paint(out, head, "1", colour)
        print(file=out)
        status = "" if a.status is Status.UPCOMING else f" ({a.status.value})"
        print(f"Due: {_when(a.due)}{status}", file=out)
        to = _recipient(a)
        if to:
            print(f"To: {to}", file=out)
        if a.message.subject:
            print(f"Subject: {a.message.subject}", file=out)
        print(file=out)
        for line in _body_lines(a.message.body, width):
            print(line, file=out)
    return 0


def _cmd_ics(args: argparse.Namespace, out: TextIO) -> int:
    f, timeline = _timeline(args)
    from followup.ical import DEFAULT_DOMAIN, write_calendar

    merging = args.merge and os.path.exists(args.output)
    write_calendar(
        args.output,
        timeline,
        sources={f.interview.key: _source_token(args.file)},
        merge=args.merge,
        todo=args.todo,
        alarm=args.alarm,
        domain=args.domain or DEFAULT_DOMAIN,
        name=args.name or f"Follow-up: {f.interview.company}",
    )
    kind = "tasks" if args.todo else "events"
    verb = "updated" if merging else "wrote"
    cancelled = sum(1 for a in timeline if a.status is Status.CANCELLED)
    extra = f" ({cancelled} cancelled)" if cancelled else ""
    print(f"{verb} {args.output}: {len(timeline)} {kind}{extra}", file=out)
    return 0


def _read_draft(name: str) -> str:
    from followup._read import MAX_TEMPLATE_FILE, read_file, read_stream

    what = "a draft to check"
    if name == "-":
        if sys.stdin.isatty():
            print("reading the draft from standard input; end it with Ctrl-D", file=sys.stderr)
        stream = getattr(sys.stdin, "buffer", sys.stdin)
        name = "<stdin>"
        data: bytes | str = read_stream(stream, limit=MAX_TEMPLATE_FILE, what=what)
    else:
        data = read_file(name, limit=MAX_TEMPLATE_FILE, what=what)
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            f"byte {data[exc.start]:#04x} is not valid UTF-8: save the draft as UTF-8",
            path=name,
            line=line,
        ) from exc


def _draft_header(text: str) -> tuple[int, str | None, int | None]:
    """Length of the header block ``followup draft`` prints (``── id · channel``,
    ``Due:``, ``To:``, ``Subject:``, then a blank line), and the channel and limit it names."""
    first = text.split("\n", 1)[0]
    if not (first.startswith(_DRAFT_HEAD) or re.match(r"(?:To|Subject|From|Due):", first)):
        return 0, None, None
    blank = re.search(r"\r?\n\r?\n", text)
    if blank is None:
        return 0, None, None
    channel = limit = None
    if first.startswith(_DRAFT_HEAD):
        parts = first.split(" · ")
        if len(parts) > 1 and parts[1].strip() in channels.names():
            channel = parts[1].strip()
        m = re.search(r" · at most (\d+) characters", first)
        limit = int(m.group(1)) if m else None
    return blank.end(), channel, limit


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    import attrs

    from followup.tone import Facts, Severity, check_tone

    facts = Facts.from_interview(_load(args.interview).interview) if args.interview else None
    text = _read_draft(args.file)
    skip, channel, limit = _draft_header(text)
    if args.channel is not None and args.channel != channel:
        limit = None  # the header's limit is for the header's channel
    findings = [
        attrs.evolve(x, start=x.start + skip, end=x.end + skip)
        for x in check_tone(
            text[skip:],
            args.channel or channel or "email",
            limit=args.limit or limit,
            facts=facts,
        )
    ]
    errors = sum(1 for x in findings if x.severity is Severity.ERROR)
    if args.format == "json":
        _json([x.to_dict() for x in findings], out)
        return 1 if errors else 0
    name = "<stdin>" if args.file == "-" else args.file
    colour = _colour(out)
    hint = _wrapper(_width(out), "    ", "      ")
    for x in findings:
        line = text.count("\n", 0, x.start) + 1
        col = x.start - (text.rfind("\n", 0, x.start) + 1) + 1
        print(f"{name}:{line}:{col}: ", end="", file=out)
        _paint(out, x.severity.value, _SEVERITY_COLOURS.get(x.severity.value, "0"), colour)
        print(f": {x.rule}: {x.message}", file=out)
        excerpt = " ".join(x.text.split())
        if len(excerpt) > 40:
            excerpt = excerpt[:37] + "..."
        print(
            hint.fill(f"{excerpt!r} → {x.suggestion}" if excerpt else f"→ {x.suggestion}"), file=out
        )
    if findings:
        print(f"{len(findings)} finding(s), {errors} error(s)", file=out)
    else:
        print("no findings: good to send", file=out)
    return 1 if errors else 0


def _mark_record(args: argparse.Namespace, f: Any, now: datetime) -> Any:
    """The history record the flags describe; misused flags are usage errors."""
    from followup.model import (
        Contact,
        Outcome,
        OutcomeChanged,
        OutOfOffice,
        ReplyReceived,
        Snoozed,
        StepDone,
        StepSkipped,
    )

    kind = next(
        k
        for k in ("done", "skip", "reply_from", "ooo_until", "snooze", "outcome", "decision")
        if getattr(args, k)
    )
    if args.domain is not None:
        raise _UsageError(f"--domain goes with --from-ics, not with --{kind.replace('_', '-')}")
    allowed = {
        "done": {"step", "at", "recipient"},
        "skip": {"step", "at", "recipient"},
        "reply_from": {"at"},
        "ooo_until": {"at", "contact"},
        "snooze": {"until", "recipient"},
        "outcome": {"at", "sender", "respond_by", "reason", "start_date", "note", "open_to"},
        "decision": {"at", "reason", "start_date", "note", "open_to"},
    }[kind]
    flag = "--" + kind.replace("_", "-")
    names = {
        "step": "STEP",
        "at": "--at",
        "until": "--until",
        "recipient": "--recipient",
        "contact": "--contact",
        "sender": "--from",
        "respond_by": "--respond-by",
        "reason": "--reason",
        "start_date": "--start-date",
        "note": "--note",
        "open_to": "--open-to",
    }
    for key, shown in names.items():
        if getattr(args, key) is not None and key not in allowed:
            raise _UsageError(f"{shown} does not go with {flag}")
    zone = f.interview.zone

    def moment(value: date | datetime | None) -> date | datetime:
        if value is None:
            return now
        if isinstance(value, datetime) and value.tzinfo is None:
            return value.replace(tzinfo=zone)
        return value

    if kind in ("done", "skip"):
        if not args.step:
            raise _UsageError(f"{flag} needs STEP: followup mark FILE thank-you {flag}")
        cls = StepDone if kind == "done" else StepSkipped
        return cls(step=args.step, at=moment(args.at), contact=args.recipient)
    if kind == "reply_from":
        return ReplyReceived(at=moment(args.at), contact=args.reply_from)
    if kind == "ooo_until":
        at = None if args.at is None else moment(args.at)
        return OutOfOffice(until=args.ooo_until, contact=args.contact, at=at)
    if kind == "snooze":
        if args.until is None:
            raise _UsageError("--snooze needs --until DATE: the new date for the step")
        return Snoozed(step=args.snooze, until=moment(args.until), contact=args.recipient)
    if kind == "decision":
        import attrs

        offer = _offer_in_force(f)
        if offer is None:
            raise InputFileError(
                "there is no offer to decide on: record it first with "
                "followup mark FILE --outcome offer --at DATE [--respond-by DATE]; "
                "the file is unchanged",
                path=args.file,
                field="outcome.decision",
            )
        return OutcomeChanged(
            outcome=attrs.evolve(
                offer,
                decision=args.decision,
                decided=moment(args.at),
                reason=args.reason,
                # What the file says already stays unless the command says otherwise.
                start_date=args.start_date if args.start_date is not None else offer.start_date,
                note=args.note if args.note is not None else offer.note,
                open_to=args.open_to,
            )
        )
    if args.respond_by is not None and args.outcome != "offer":
        raise _UsageError("--respond-by goes with --outcome offer")
    if args.reason is not None and args.outcome not in ("withdrawn", "rejected"):
        raise _UsageError("--reason goes with --outcome withdrawn or rejected, or --decision decline")
    if args.start_date is not None and args.outcome != "offer":
        raise _UsageError("--start-date goes with --outcome offer or --decision accept")
    if args.open_to is not None and args.outcome not in ("withdrawn", "rejected"):
        raise _UsageError("--open-to goes with --outcome withdrawn or rejected, or --decision decline")
    who = None
    if args.sender:
        people = [*f.interview.interviewers, *([f.interview.recruiter] if f.interview.recruiter else [])]
        folded = args.sender.strip().casefold()
        who = next(
            (p for p in people if folded in (p.name.casefold(), (p.email or "").casefold())),
            None,
        ) or Contact(name=args.sender)
    return OutcomeChanged(
        outcome=Outcome(
            status=args.outcome,
            at=moment(args.at),
            contact=who,
            respond_by=args.respond_by,
            reason=args.reason,
            start_date=args.start_date,
            note=args.note,
            open_to=args.open_to,
        )
    )


def _offer_in_force(f: Any) -> Any:
    """The latest offer in the file (its [outcome] or a history record), or None."""
    from followup.model import OutcomeChanged, OutcomeStatus

    zone = f.interview.zone
    found = [f.outcome] + [r.outcome for r in f.history if isinstance(r, OutcomeChanged)]

    def when(o: Any) -> datetime:
        at = o.since
        return at if isinstance(at, datetime) else datetime.combine(at, time(0), tzinfo=zone)

    dated = sorted((o for o in found if o.since is not None), key=when)
    latest = dated[-1] if dated else None
    return latest if latest is not None and latest.status is OutcomeStatus.OFFER else None


def _check_step(args: argparse.Namespace, f: Any, now: datetime, step: str) -> None:
    """Refuse a step or action id the plan does not have, listing the ones it has."""
    import difflib

    from followup.registry import default_registry

    steps = list(f.plan.ids)
    actions = [i for i in f.schedule(now=now).ids if i not in steps]
    if step in steps or step in actions:
        return
    base = step.split(".", 1)[0]
    if base not in steps and not args.snooze and base in default_registry:
        # A known kind the plan lacks (a thank-you sent before the preset switched to
        # after-rejection): recorded as a fact, kept outside the plan.
        return
    close = difflib.get_close_matches(step, steps + actions, n=1) or difflib.get_close_matches(
        step.split(".", 1)[0], list(default_registry.available()), n=1
    )
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise InputFileError(
        f"unknown step {step!r}{hint}; the plan's steps are: {', '.join(steps)}"
        + (f"; its actions: {', '.join(actions)}" if actions else ""),
        path=args.file,
    )


def _cmd_mark(args: argparse.Namespace, out: TextIO) -> int:
    from followup.errors import ValidationError

    f = _load(args.file)
    now = _now(args, f.interview.timezone).astimezone(f.interview.zone).replace(microsecond=0)
    if args.from_ics is not None:
        return _mark_from_ics(args, f, now, out)
    try:
        record = _mark_record(args, f, now)
    except ValidationError as exc:
        raise InputFileError(
            f"the new history record is not valid: {exc}; the file is unchanged", path=args.file
        ) from exc
    step = getattr(record, "step", None)
    if step is not None:
        _check_step(args, f, now, step)
    added = _append_records(args.file, [record], now)
    print(f"added to {args.file}:\n\n{added.replace(chr(13), '')}", file=out)
    return 0


def _mark_from_ics(args: argparse.Namespace, f: Any, now: datetime, out: TextIO) -> int:
    """``mark FILE --from-ics TASKS.ics``: the ticked tasks as done records, all or none."""
    from followup.ical import DEFAULT_DOMAIN, completed_history
    from followup.model import StepDone

    for flag, value in (
        ("STEP", args.step),
        ("--at", args.at),
        ("--until", args.until),
        ("--recipient", args.recipient),
        ("--contact", args.contact),
        ("--from", args.sender),
        ("--respond-by", args.respond_by),
        ("--reason", args.reason),
        ("--start-date", args.start_date),
        ("--note", args.note),
        ("--open-to", args.open_to),
    ):
        if value is not None:
            raise _UsageError(f"{flag} does not go with --from-ics")
    source = args.from_ics
    try:
        with open(source, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputFileError(
            f"cannot be read ({exc.strerror or exc}); the interview file is unchanged", path=source
        ) from exc
    records = completed_history(
        data, domain=args.domain or DEFAULT_DOMAIN, interview=f.interview.key, path=source
    )

    def instant(value: date | datetime) -> tuple[int, object]:
        return (1, value) if isinstance(value, datetime) else (0, value)

    known = {
        (r.step, instant(r.at)) for r in f.history if isinstance(r, StepDone)
    }
    new = [r for r in records if (r.step, instant(r.at)) not in known]
    if not new:
        what = "nothing new" if records else "no completed task of this interview"
        print(f"{source}: {what}; {args.file} is unchanged", file=out)
        return 0
    for record in new:
        _check_step(args, f, now, record.step)
    added = _append_records(args.file, new, now)
    count = f"{len(new)} completed task{'' if len(new) == 1 else 's'}"
    print(f"added to {args.file} ({count} from {source}):\n\n{added.replace(chr(13), '')}", file=out)
    return 0


def _cmd_steps(args: argparse.Namespace, out: TextIO) -> int:
    from followup.registry import format_kinds

    out.write(format_kinds(width=_width(out)))
    return 0


# --- several files: sync and feed -------------------------------------------------------------


def _timelines(args: argparse.Namespace) -> list[tuple[Any, Any]]:
    """Each file with its timeline; two files of the same interview are refused."""
    out: list[tuple[Any, Any]] = []
    seen: dict[str, str] = {}
    for name in args.files:
        f = _load(name)
        key = f.interview.key
        if key in seen:
            raise InputFileError(
                f"describes the same interview as {seen[key]} (key {key!r}): give each "
                "interview once",
                path=name,
            )
        seen[key] = name
        out.append((f, f.schedule(now=_now(args, f.interview.timezone), tone=args.tone)))
    return out


def _append_records(path: Any, records: Sequence[Any], now: datetime) -> str:
    """Append history records to the interview file; an error says the file is unchanged."""
    from followup import interview_file

    try:
        return interview_file.append_history_records(path, records, now=now).strip()
    except InputFileError as exc:
        if exc.path != path or "new history record" not in exc.detail:
            raise
        raise InputFileError(
            f"{exc.detail}; the file is unchanged", path=exc.path, line=exc.line, field=exc.field
        ) from exc
    except OSError as exc:
        raise InputFileError(
            f"cannot be written ({exc.strerror or exc}); the file is unchanged", path=path
        ) from exc


def _input_stamp(files: Sequence[Any]) -> datetime:
    """The latest moment the files record: the DTSTAMP of a feed, so the same files give the
    same bytes whatever the clock says."""
    moments: list[datetime] = []
    for f in files:
        zone = f.interview.zone
        moments.append(f.interview.end)
        records = [f.outcome, *f.history]
        for record in records:
            for attr in ("on", "at", "until", "date"):
                value = getattr(record, attr, None)
                if isinstance(value, datetime):
                    moments.append(value if value.tzinfo else value.replace(tzinfo=zone))
                elif isinstance(value, date):
                    moments.append(datetime(value.year, value.month, value.day, tzinfo=zone))
    return max(moments).astimezone(UTC).replace(microsecond=0)


def _cmd_feed(args: argparse.Namespace, out: TextIO) -> int:
    pairs = _timelines(args)
    from followup.ical import DEFAULT_DOMAIN, write_calendar

    target = Path(args.output)
    for name in args.files:
        with contextlib.suppress(OSError):
            if target.exists() and target.samefile(name):
                raise InputFileError(
                    "is one of the interview files: write the feed to another file",
                    path=args.output,
                )
    timelines = [t for _f, t in pairs]
    write_calendar(
        args.output,
        timelines,
        alarm=args.alarm,
        domain=args.domain or DEFAULT_DOMAIN,
        name=args.name or "Job search",
        stamp=_input_stamp([f for f, _t in pairs]),
    )
    events = sum(len(t) for t in timelines)
    cancelled = sum(1 for t in timelines for a in t if a.status is Status.CANCELLED)
    extra = f" ({cancelled} cancelled)" if cancelled else ""
    interviews = f"{len(pairs)} interview{'' if len(pairs) == 1 else 's'}"
    print(f"wrote {args.output}: {interviews}, {events} events{extra}", file=out)
    return 0


_SYNC_VERBS = {
    "create": ("created", "would create"),
    "update": ("updated", "would update"),
    "cancel": ("cancelled", "would cancel"),
    "conflict": ("conflict", "conflict"),
}


def _cmd_sync(args: argparse.Namespace, out: TextIO) -> int:
    pairs = _timelines(args)
    from followup import caldav
    from followup._terminal import clean

    def log(line: str) -> None:
        print(clean(f"http: {line}"), file=sys.stderr)

    try:
        report = caldav.sync(
            [t for _f, t in pairs],
            args.caldav,
            calendar=args.calendar,
            dry_run=args.dry_run,
            insecure_http=args.insecure_http,
            timeout=args.timeout,
            log=log if args.verbose else None,
            domain=args.domain,
            alarm=args.alarm,
            sources={
                f.interview.key: _source_token(name)
                for (f, _t), name in zip(pairs, args.files, strict=True)
            },
        )
    except FollowupError as exc:
        partial = getattr(exc, "report", None)
        if partial is not None:
            _print_sync(partial, out)
        raise
    _print_sync(report, out)
    from followup.errors import SyncError

    if report.failed:
        n = len(report.failed)
        raise SyncError(
            f"{n} change{'' if n == 1 else 's'} failed (see above); run the same sync again",
            url=report.url,
        )
    if report.conflicts:
        n = len(report.conflicts)
        raise SyncError(
            f"{n} event{'' if n == 1 else 's'} edited in the calendar "
            f"{'was' if n == 1 else 'were'} left as {'it was' if n == 1 else 'they were'} "
            "(see above)",
            url=report.url,
        )
    return 0


def _print_sync(report: Any, out: TextIO) -> None:
    width = _width(out)
    name = f" {report.name!r}" if report.name else ""
    if report.created_calendar:
        name += " (would be created)" if report.dry_run else " (created)"
    print(f"calendar{name}: {report.url}", file=out)
    body = _wrapper(width, " " * 13, " " * 13)
    counts: dict[str, int] = {}
    for step in report.steps:
        done, would = _SYNC_VERBS.get(step.kind, (step.kind, step.kind))
        if report.dry_run or step.kind == "conflict":
            verb = would
        elif step.done:
            verb = done
        elif step.error is not None:
            verb = "FAILED"
        else:
            verb = "not tried"
        counts[verb] = counts.get(verb, 0) + 1
        print(f"{verb:<12} {step.action}", file=out)
        print(body.fill(step.title), file=out)
        for extra in (step.detail, step.error):
            if extra:
                print(body.fill(extra), file=out)
    parts = [f"{n} {verb}" for verb, n in counts.items()]
    parts.append(f"{report.unchanged} unchanged")
    summary = ", ".join(parts)
    if report.dry_run:
        summary += "; dry run: nothing written"
    else:
        total = sum(report.requests.values())
        summary += f"; {total} HTTP requests, {report.writes} writes"
    print(_wrapper(width, "", "").fill(summary), file=out)
