"""The ``followup`` command: one interview file in, a timeline, drafts and a calendar out.

Only this module reads files, argv and the clock, and prints. Exit codes: 0
success; 1 bad input or error findings (``error: ...`` on stderr, no
traceback); 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from followup import __version__
from followup.errors import FollowupError, InputFileError, ValidationError
from followup.model import Status

__all__ = ["main"]

_EXAMPLES = {
    "init": "followup init interview.toml",
    "plan": "followup plan interview.toml\n  followup plan interview.toml --format json --now 2026-11-25T09:00-05:00",
    "draft": "followup draft interview.toml\n  followup draft interview.toml thank-you\n  followup draft interview.toml --format eml --out drafts/",
    "ics": "followup ics interview.toml -o followup.ics\n  followup ics interview.toml -o followup.ics --merge --alarm 30m",
    "check": "followup check draft.txt\n  pbpaste | followup check - --channel linkedin",
    "mark": (
        "followup mark interview.toml thank-you --done\n"
        "  followup mark interview.toml --reply-from 'Jane Doe'\n"
        "  followup mark interview.toml --ooo-until 2026-12-04\n"
        "  followup mark interview.toml --snooze keep-in-touch --until 2027-03-01\n"
        "  followup mark interview.toml --outcome rejected --at 2026-11-24"
    ),
    "steps": "followup steps",
}

_COLOURS = {
    Status.UPCOMING: "\033[36m",
    Status.DUE: "\033[1;33m",
    Status.OVERDUE: "\033[1;31m",
    Status.DONE: "\033[32m",
    Status.CANCELLED: "\033[2m",
}
_RESET = "\033[0m"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2, argparse's convention for usage errors
        self.print_usage(sys.stderr)
        self.exit(2, f"error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--now",
        metavar="ISO-DATETIME",
        help="the current moment, for deterministic runs (default: the clock); "
        "without an offset it is read in the interview's time zone",
    )
    common.add_argument("--tone", choices=("formal", "warm", "brief"), help="the tone of every draft")
    p = _Parser(
        prog="followup",
        description="Follow up after a job interview: a timeline with reasons, message drafts, calendar reminders.",
        epilog="Start with:  followup init interview.toml  then  followup plan interview.toml",
    )
    p.add_argument("--version", action="version", version=f"followup {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def cmd(name: str, help_: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_,
            description=help_,
            parents=[common],
            epilog="examples:\n  " + _EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    c = cmd("init", "write a commented example interview file")
    c.add_argument("path", nargs="?", default="interview.toml", metavar="PATH")

    c = cmd("plan", "print the timeline, with the reason for every date")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--status", action="append", choices=[s.value for s in Status], help="only these statuses")

    c = cmd("draft", "print the message drafts")
    c.add_argument("file", metavar="FILE")
    c.add_argument("step", nargs="?", metavar="STEP", help="a step id (thank-you) or an action id")
    c.add_argument("--format", choices=("text", "json", "eml"), default="text")
    c.add_argument("--out", metavar="DIR", help="with --format eml: the directory for the .eml files")

    c = cmd("ics", "write calendar reminders (.ics)")
    c.add_argument("file", metavar="FILE")
    c.add_argument("-o", "--output", required=True, metavar="OUT.ics")
    c.add_argument("--merge", action="store_true", help="update OUT.ics in place, keeping its other events")
    c.add_argument("--todo", action="store_true", help="write tasks (VTODO) instead of events")
    c.add_argument("--alarm", default="15m", metavar="DURATION", help="alarm before each reminder, or 'none'")
    c.add_argument("--domain", default=None, help="the domain part of event UIDs")
    c.add_argument("--name", default=None, help="the calendar's name")

    c = cmd("check", "tone check of a draft; exit 1 on an error finding")
    c.add_argument("file", nargs="?", default="-", metavar="FILE|-")
    c.add_argument("--channel", default="email", choices=("email", "linkedin", "linkedin-message", "task"))
    c.add_argument("--limit", type=int, default=None, help="length limit (words for email, characters for LinkedIn)")
    c.add_argument("--format", choices=("text", "json"), default="text")

    c = cmd("mark", "record what happened, in the file's [[history]]")
    c.add_argument("file", metavar="FILE")
    c.add_argument("step", nargs="?", metavar="STEP", help="the step (or action) done or skipped")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--done", action="store_true", help="STEP was done")
    g.add_argument("--skip", action="store_true", help="STEP was skipped")
    g.add_argument("--reply-from", metavar="NAME", help="someone replied")
    g.add_argument("--ooo-until", metavar="DATE", help="an out-of-office reply: away until DATE")
    g.add_argument("--snooze", metavar="STEP", help="move STEP to --until")
    g.add_argument("--outcome", choices=("rejected", "offer", "withdrawn"), help="a new outcome arrived")
    c.add_argument("--at", metavar="DATE|DATETIME", help="when it happened (default: now)")
    c.add_argument("--until", metavar="DATE|DATETIME", help="with --snooze: the new date")
    c.add_argument("--recipient", metavar="NAME", help="limit to one recipient")
    c.add_argument("--contact", metavar="NAME", help="with --ooo-until: whose absence")
    c.add_argument("--from", dest="sender", metavar="NAME", help="with --outcome: who sent it")

    cmd("steps", "list the step kinds available, with their parameters")
    return p


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit code.

    Args:
        argv: The arguments (default ``sys.argv[1:]``).
        stdout: Where output goes (default ``sys.stdout``).
        stderr: Where errors go (default ``sys.stderr``).

    Returns:
        0 on success, 1 on bad input or error findings, 2 on usage errors.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    try:
        handler = globals()[f"_cmd_{args.command}"]
        return int(handler(args, out))
    except FollowupError as exc:
        print(f"error: {exc}", file=err)
        return 1
    except BrokenPipeError:  # `followup plan FILE | head` is fine
        return 0
    except OSError as exc:
        name = exc.filename or ""
        print(f"error: {name}: {exc.strerror or exc}".replace(": : ", ": "), file=err)
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        return 130


# --- helpers ------------------------------------------------------------------------------


def _now(args: argparse.Namespace, zone: str | None = None) -> datetime:
    if not args.now:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(args.now)
    except ValueError:
        raise ValidationError("--now", args.now, "an ISO 8601 datetime such as 2026-11-25T09:00-05:00") from None
    if moment.tzinfo is None:
        from zoneinfo import ZoneInfo

        moment = moment.replace(tzinfo=ZoneInfo(zone) if zone else UTC)
    return moment


def _load(args: argparse.Namespace) -> Any:
    from followup import files

    return files.load(args.file)


def _timeline(args: argparse.Namespace) -> Any:
    f = _load(args)
    return f, f.schedule(now=_now(args, f.interview.timezone), tone=args.tone)


def _colour(out: TextIO) -> bool:
    return hasattr(out, "isatty") and out.isatty() and "NO_COLOR" not in os.environ


def _width(out: TextIO) -> int:
    if hasattr(out, "isatty") and out.isatty():
        return max(60, min(100, shutil.get_terminal_size((80, 24)).columns))
    return 80


def _when(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M} {moment.tzname()}"


# --- commands -----------------------------------------------------------------------------


def _cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from followup import files

    path = Path(args.path)
    if path.exists():
        raise InputFileError(
            "the file exists already; init never overwrites: choose another name or remove it", path=str(path)
        )
    from followup._atomic import write_atomic

    write_atomic(path, files.EXAMPLE.encode("utf-8"))
    print(f"wrote {path}: edit it, then run  followup plan {path}", file=out)
    return 0


def _cmd_plan(args: argparse.Namespace, out: TextIO) -> int:
    f, timeline = _timeline(args)
    if args.status:
        timeline = timeline.filter(status=args.status)
    if args.format == "json":
        json.dump(timeline.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    i = f.interview
    width = _width(out)
    colour = _colour(out)
    head = f"{i.company} · {i.role} · outcome: {f.outcome.status.value}"
    print(head, file=out)
    print(f"now: {_when(timeline.now.astimezone(i.zone))} · {len(timeline)} actions", file=out)
    for a in timeline:
        print(file=out)
        status = a.status.value.upper()
        label = f"{status:<9}"
        if colour:
            label = f"{_COLOURS[a.status]}{label}{_RESET}"
        print(f"{label} {_when(a.due)} ({a.timezone})", file=out)
        wrap = textwrap.TextWrapper(width=width, initial_indent=" " * 10, subsequent_indent=" " * 10)
        print(wrap.fill(f"{a.title}  [{a.id}]"), file=out)
        if a.recurrence is not None:
            dates = ", ".join(f"{o:%d %b %Y}" for o in a.recurrence.occurrences)
            print(wrap.fill(f"repeats: {a.recurrence.description}: {dates}"), file=out)
        why = textwrap.TextWrapper(width=width, initial_indent=" " * 10 + "why: ", subsequent_indent=" " * 15)
        print(why.fill(a.reason), file=out)
    return 0


def _messages(args: argparse.Namespace) -> list[tuple[Any, Any]]:
    _f, timeline = _timeline(args)
    actions = [a for a in timeline if a.message is not None]
    if args.step:
        chosen = [a for a in actions if args.step in (a.step, a.id)]
        if not chosen:
            known = sorted({a.step for a in actions} | {a.id for a in actions})
            raise InputFileError(
                f"no draft for {args.step!r}; drafts exist for: {', '.join(known)}", path=args.file, field="STEP"
            )
        actions = chosen
    return [(a, a.message) for a in actions]


def _cmd_draft(args: argparse.Namespace, out: TextIO) -> int:
    pairs = _messages(args)
    if args.format == "json":
        data = [
            {
                "step": a.step,
                "id": a.id,
                "channel": m.channel.value,
                "to": None if m.to is None else (f"{m.to.name} <{m.to.email}>" if m.to.email else m.to.name),
                "subject": m.subject,
                "body": m.body,
                "due": a.due.isoformat(),
            }
            for a, m in pairs
        ]
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    if args.format == "eml":
        if not args.out:
            raise ValidationError("--out", None, "a directory for the .eml files (--format eml --out DIR)")
        from followup.drafts import write_eml

        Path(args.out).mkdir(parents=True, exist_ok=True)
        emails = [m for _a, m in pairs if m.channel.value == "email"]
        for path in write_eml(emails, args.out):
            print(path, file=out)
        return 0
    for n, (a, m) in enumerate(pairs):
        if n:
            print(file=out)
        to = "" if m.to is None else f" → {m.to.name}" + (f" <{m.to.email}>" if m.to.email else "")
        print(f"── {a.id}{to} · {m.channel.value} · {_when(a.due)}", file=out)
        if m.subject:
            print(f"Subject: {m.subject}", file=out)
            print(file=out)
        print(m.body, file=out)
    return 0


def _parse_alarm(text: str) -> timedelta | None:
    if text.strip().lower() in ("none", "no", "off", "0"):
        return None
    from followup.timing import parse_offset

    value = parse_offset(text)
    if not isinstance(value, timedelta):
        raise ValidationError("--alarm", text, "minutes or hours, such as 15m or 1h, or 'none'")
    return value


def _cmd_ics(args: argparse.Namespace, out: TextIO) -> int:
    f, timeline = _timeline(args)
    from followup.ical import DEFAULT_DOMAIN, write_ical

    options: dict[str, Any] = {
        "todo": args.todo,
        "alarm": _parse_alarm(args.alarm),
        "domain": args.domain or DEFAULT_DOMAIN,
        "name": args.name or f"Follow-up: {f.interview.company}",
    }
    write_ical(args.output, timeline, merge=args.merge, **options)
    kind = "tasks" if args.todo else "events"
    verb = "merged into" if args.merge else "wrote"
    print(f"{verb} {args.output}: {len(timeline)} {kind}", file=out)
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from followup.tone import Severity, check_tone

    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    findings = check_tone(text, args.channel, limit=args.limit)
    if args.format == "json":
        json.dump([x.to_dict() for x in findings], out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for x in findings:
            line = text.count("\n", 0, x.start) + 1
            col = x.start - (text.rfind("\n", 0, x.start) + 1) + 1
            print(f"{line}:{col}: {x.severity.value}: {x.rule}: {x.message}", file=out)
            if x.text.strip():
                print(f"    {x.text.strip()!r} → {x.suggestion}", file=out)
            else:
                print(f"    → {x.suggestion}", file=out)
        errors = sum(1 for x in findings if x.severity is Severity.ERROR)
        print(f"{len(findings)} finding(s), {errors} error(s)" if findings else "no findings: good to send", file=out)
    return 1 if any(x.severity is Severity.ERROR for x in findings) else 0


def _moment_arg(text: str | None, name: str, zone: str, default: datetime) -> date | datetime:
    if text is None:
        return default
    try:
        if "T" in text or " " in text.strip():
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is None:
                from zoneinfo import ZoneInfo

                moment = moment.replace(tzinfo=ZoneInfo(zone))
            return moment
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(name, text, "a date (2026-11-24) or a datetime (2026-11-24T10:00)") from None


def _cmd_mark(args: argparse.Namespace, out: TextIO) -> int:
    from followup import files

    f = files.load(args.file)
    zone = f.interview.timezone
    now = _now(args, zone).astimezone(f.interview.zone).replace(microsecond=0)
    at = _moment_arg(args.at, "--at", zone, now)
    record: dict[str, Any]
    if args.done or args.skip:
        if not args.step:
            raise ValidationError("STEP", None, "the step done or skipped, e.g.  followup mark FILE thank-you --done")
        record = {"step": args.step, "done" if args.done else "skipped": at}
        if args.recipient:
            record["recipient"] = args.recipient
    elif args.reply_from:
        record = {"reply": at, "from": args.reply_from}
    elif args.ooo_until:
        until = _moment_arg(args.ooo_until, "--ooo-until", zone, now)
        if isinstance(until, datetime):
            until = until.date()
        record = {"out_of_office_until": until}
        if args.contact:
            record["contact"] = args.contact
    elif args.snooze:
        if not args.until:
            raise ValidationError("--until", None, "the new date for the snoozed step (--until 2027-03-01)")
        record = {"step": args.snooze, "snoozed_until": _moment_arg(args.until, "--until", zone, now)}
        if args.recipient:
            record["recipient"] = args.recipient
    else:
        record = {"outcome": args.outcome, "date": at}
        if args.sender:
            record["from"] = args.sender
    files.append_history(args.file, record)
    shown = ", ".join(f"{k} = {v}" for k, v in record.items())
    print(f"recorded in {args.file}: [[history]] {shown}", file=out)
    return 0


def _cmd_steps(args: argparse.Namespace, out: TextIO) -> int:
    import attrs

    from followup import steps as steps_mod

    width = _width(out)
    for name in steps_mod.__all__:
        cls = getattr(steps_mod, name)
        if name == "Step" or not attrs.has(cls):
            continue
        default_id = attrs.fields_dict(cls)["id"].default
        print(f"{default_id}  ({name})", file=out)
        doc = (cls.__doc__ or "").strip().splitlines()[0]
        print(textwrap.fill(doc, width=width, initial_indent="    ", subsequent_indent="    "), file=out)
        params = [a.name for a in attrs.fields(cls) if a.init and a.name != "id"]
        print(textwrap.fill("parameters: " + ", ".join(params), width=width, initial_indent="    ", subsequent_indent="        "), file=out)
    return 0
