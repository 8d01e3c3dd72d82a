"""docs/interview-file.md, the interview file's reference, generated and checked here.

The page lists every table and key the reader takes, with its type, default and an
example. Descriptions come from the docstrings of the classes and presets the keys
fill; defaults from their signatures; the keys themselves are checked against the
reader's own lists, and every example is read by the reader, so the page cannot
drift from the code. Regenerate it with::

    python tests/test_interview_file_page.py
"""

from __future__ import annotations

import inspect
import re
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest

from followup import codec, interview_file, model, presets
from followup.interview_file import _reader

DOC = Path(__file__).resolve().parent.parent / "docs" / "interview-file.md"

# (key, type in the file, example value as TOML); descriptions and defaults come from code.
CANDIDATE = [
    ("name", "string", '"Sam Rivera"'),
    ("email", "string", '"sam.rivera@example.com"'),
    ("phone", "string", '"+1 555 0134"'),
    ("linkedin", "string (URL)", '"https://www.linkedin.com/in/samrivera"'),
    ("signature", "string", '"Sam Rivera\\n+1 555 0134"'),
    ("timezone", "string (IANA zone)", '"America/Chicago"'),
    ("holidays", "holidays", '"US-IL"'),
    ("reminder_window", "inline table", '{ start = "07:30", end = "22:00" }'),
]
INTERVIEW = [
    ("company", "string", '"Acme Corp"'),
    ("role", "string", '"Data Engineer"'),
    ("start", "date-time", "2026-11-20T14:00:00"),
    ("timezone", "string (IANA zone)", '"America/New_York"'),
    ("duration", "duration", '"45m"'),
    ("stage", "string", '"final round"'),
    ("topics", "array of strings", '["the data platform migration"]'),
    ("decision_expected", "date", "2026-11-27"),
    ("other_offer_by", "date", "2026-11-30"),
    ("careers_url", "string (URL)", '"https://acme.example/careers"'),
    ("highlights", "string", '"I moved a team of six from nightly batches to streaming."'),
    ("promised", "string", '"the write-up on our streaming migration"'),
    ("news", "string", '"I now lead our packaging work in Vietnam."'),
    ("key", "string", '"acme-data-engineer"'),
    ("interviewers", "array of tables", "[{ name = \"Jane Doe\" }]"),
    ("recruiter", "table", '{ name = "Alex Kim", email = "alex.kim@acme.example" }'),
]
CONTACT = [
    ("name", "string", '"Dr. Jane Doe"'),
    ("email", "string", '"jane.doe@acme.example"'),
    ("title", "string", '"Engineering Manager"'),
    ("linkedin", "string (URL)", '"https://www.linkedin.com/in/janedoe"'),
    ("timezone", "string (IANA zone)", '"Europe/London"'),
    ("topics", "array of strings", '["moving the nightly batch jobs to streaming"]'),
    ("holidays", "holidays", '"GB-SCT"'),
    ("greeting", "string", '"JD"'),
    ("promised", "string", '"the article on exactly-once delivery"'),
    ("moment", "string", '"Our debate about scorecards ran over, and your point on calibration has stayed with me."'),
    ("family_name", "string", '"Kim"'),
    ("honorific", "string", '"Ms"'),
]
OUTCOME = [
    ("status", "string", '"rejected"', "`pending`, `rejected`, `offer` or `withdrawn`.", '"pending"'),
    ("at", "date or date-time", "2026-11-24", "When the decision arrived.", "—"),
    ("contact", "string", '"Alex Kim"', "Who told you (a name or email of someone in the file, or a new person): replies go to them.", "—"),
    ("date", "date or date-time", "2026-11-24", "Older spelling of `at`, still read.", "—"),
    ("from", "string", '"Alex Kim"', "Older spelling of `contact` (a name), still read.", "—"),
    ("from_email", "string", '"jane.doe@acme.example"', "Older spelling of `contact` (the email of someone in the file), still read.", "—"),
    ("respond_by", "date", "2026-12-04", "For an offer: the date the company asked for an answer by.", "—"),
    ("decision", "string", '"accept"', "For an offer: `pending`, `accept` or `decline`.", '`"pending"`'),
    ("decided", "date or date-time", "2026-11-27", "When you decided (default `at`).", "`at`"),
    ("reason", "string", '"I have accepted another offer."', "One line you are happy to share: why you decline the offer or withdraw; for a rejection, the reason the company gave (the feedback question asks about it).", "—"),
    ("written", "boolean", "true", "For an offer: the written offer has arrived.", "`false`"),
    ("start_date", "date", "2027-01-04", "For an offer: the start date agreed. The acceptance names it (\"4 January\"), and so does the note to each interviewer after it.", "—"),
    ("note", "string", '"Thank you for agreeing to the relocation support and a hybrid first month."', "One or two sentences, in your own words, of anything else the reply to the decision should say (terms agreed in an acceptance, a personal line in the reply to a rejection, a decline or a withdrawal); the reply includes it as written.", "—"),
    ("open_to", "string", '"a Nairobi-based post"', "What you would welcome hearing about later, written to follow \"hear about\" (\"roles in clinical data\", \"helping set up the simulation course\"), with a rejection, a withdrawal or a declined offer: the reply, the decline or the withdrawal and the check-ins after any of them name it instead of \"future roles\".", "—"),
]
PLAN_OWN = [
    ("preset", "string", '"after-rejection"', "`after-interview` or `after-rejection`; left out, the plan is exactly the `[[plan.steps]]` given.", "—"),
    ("name", "string", '"my plan"', "The plan's name (shown by `followup plan`).", "the preset's, else `custom`"),
    ("tone", "string", '"formal"', "`formal`, `warm` or `brief`: the tone of every draft.", '`"warm"`'),
    ("holidays", "holidays", '["US", 2026-12-24]', "The candidate's holidays, which their own tasks skip; for the people they write to, a fallback when the country of their zone gives none, or a part of that country (\"GB-SCT\" for someone in Europe/London, \"CA-ON\" for someone in the candidate's zone, America/Toronto). A person's own `holidays` come first.", "the country of the interview's zone"),
    ("remove", "array of strings", '["network"]', "Step ids of the preset to leave out.", "—"),
    ("templates", "string (directory)", '"templates"', "A directory of your own `<kind>.<tone>.<channel>.txt` templates, relative to the file.", "—"),
    ("steps", "array of tables", '[{ kind = "keep-in-touch", every = "2 months", count = 6 }]', "Steps of your own, or a preset step with other settings (same id: it replaces it); see [`[[plan.steps]]`](#plansteps).", "—"),
]
PLAN_TYPES = {
    "exact": ("duration", '"3 hours"'),
    "count": ("integer", "2"),
    "business": ("duration", '"2 business days"'),
    "offset": ("duration", '"2 business days"'),
    "bool": ("boolean", "true"),
    "calendar": ("duration", '"3 months"'),
    "date": ("date", "2027-12-31"),
    "channel": ("string", '"linkedin-message"'),
    "window": ("inline table", '{ start = "09:00", end = "17:00", days = ["mon", "tue", "wed", "thu", "fri"] }'),
}
PLAN_EXAMPLES = {"status_checks": "1", "linkedin_note_limit": "300", "linkedin": "false", "keep_in_touch_count": "4", "openings_count": "6"}
WINDOW = [
    ("start", "string (HH:MM)", '"09:00"', "Earliest local time a message is due.", '`"09:00"`'),
    ("end", "string (HH:MM)", '"17:00"', "Latest local time a message is due.", '`"17:00"`'),
    ("days", "array of strings", '["mon", "tue", "wed", "thu", "fri"]', "Weekdays messages may be due on (`mon` or `monday`, ...).", "Monday to Friday"),
]
STEP_FILE = [
    ("kind", "string", '"keep-in-touch"', "The step kind (`followup steps` lists them and their parameters).", "required"),
    ("template_file", "string (path)", '"keep-in-touch.txt"', "A file holding the step's template, relative to the interview file.", "—"),
    ("outcomes_only", "array of strings", '["rejected"]', "Put the step in the branch of these outcomes. A step whose `outcomes` you leave at its kind's default then applies to these; if you set both, they must share an outcome.", "—"),
]
HISTORY_DESCRIPTIONS = {
    "done": "A step done (for one person with `contact`).",
    "skipped": "A step skipped.",
    "snoozed": "A step moved to a later date (`until`).",
    "reply": "Someone replied: status questions stop.",
    "out-of-office": "An auto-reply: messages to that person wait until `until`.",
    "outcome": "A decision arrived (`status`).",
}
HISTORY_KEYS = {
    "event": ("string", "which record this is: one of the events below"),
    "step": ("string", "a step id, such as `thank-you` or `status-check.2`"),
    "at": ("date or date-time", "when it happened"),
    "until": ("date or date-time", "the date it waits until"),
    "contact": ("string", "whom it concerns: a name or email of someone in the file"),
    "status": ("string", "`pending`, `rejected`, `offer` or `withdrawn`"),
    "respond_by": ("date", "for an offer: the date to answer by"),
    "decision": ("string", "for an offer: `pending`, `accept` or `decline`"),
    "decided": ("date or date-time", "when you decided"),
    "reason": ("string", "why you decline or withdraw, in one line"),
    "written": ("boolean", "for an offer: the written offer has arrived"),
    "start_date": ("date", "for an offer: the start date agreed"),
    "note": ("string", "a sentence or two of your own for the reply to the decision"),
    "open_to": ("string", "what you would welcome hearing about later"),
}


def _args(obj: Any) -> dict[str, str]:
    """The Args: section of a Google-style docstring, as name -> one-line description."""
    doc = inspect.getdoc(obj) or ""
    section = doc.split("Args:\n", 1)[1] if "Args:\n" in doc else ""
    section = re.split(r"\n\S", section, maxsplit=1)[0]
    found: dict[str, str] = {}
    name = ""
    for line in textwrap.dedent(section).splitlines():
        m = re.match(r"^(\*{0,2}\w+): (.*)$", line)
        if m:
            name = m.group(1)
            found[name] = m.group(2)
        elif name and line.strip():
            found[name] += " " + line.strip()
    return found


# Where the file asks more than the class: the reader requires the zone (see [interview]).
DEFAULTS = {
    (model.Candidate, "reminder_window"): "08:00–21:00, every day",
    (model.Interview, "timezone"): "required", (model.Interview, "key"): "derived from company, role and start",
}


def _default(cls: type, key: str) -> str:
    if (cls, key) in DEFAULTS:
        return DEFAULTS[cls, key]
    field = {f.alias or f.name: f for f in attrs.fields(cls)}.get(key)
    if field is None or field.default is attrs.NOTHING:
        return "required"
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        return "derived"
    return _show(field.default)


def _show(value: Any) -> str:
    if value is None or value == ():
        return "—"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if hasattr(value, "total_seconds"):
        hours = value.total_seconds() / 3600
        return f'`"{hours:g} hours"`' if hours != 1 else '`"1 hour"`'
    if type(value).__name__ == "BusinessDays":
        return f'`"{value.n} business day{"s" if value.n != 1 else ""}"`'
    if isinstance(value, str):
        return f'`"{value}"`'
    return f"`{value}`"


def _table(rows: list[tuple[str, str, str, str, str]]) -> str:
    lines = ["| Key | Type | Default | Example | Description |", "|---|---|---|---|---|"]
    for key, kind, example, description, default in rows:
        cell = example.replace("|", "&#124;")
        lines.append(f"| `{key}` | {kind} | {default} | `{key} = {cell}` | {description} |")
    return "\n".join(lines) + "\n"


def _model_rows(cls: type, spec: list[tuple[str, str, str]], notes: dict[str, str] | None = None) -> list[tuple[str, str, str, str, str]]:
    args = _args(cls)
    return [
        (key, kind, example, (notes or {}).get(key) or args.get(key, ""), _default(cls, key))
        for key, kind, example in spec
    ]


def _plan_rows() -> list[tuple[str, str, str, str, str]]:
    args = {**_args(presets.after_rejection), **_args(presets.after_interview)}
    defaults: dict[str, Any] = {}
    for preset in (presets.after_rejection, presets.after_interview):
        for p in inspect.signature(preset).parameters.values():
            if p.default is not inspect.Parameter.empty:
                defaults[p.name] = p.default
    rows = []
    for key, kind in _reader._PLAN_PARAMS.items():
        type_, example = PLAN_TYPES[kind]
        takes = [name for name in presets.PRESETS if key in _reader._preset_keys(name)]
        where = "" if len(takes) == len(presets.PRESETS) else f" (`{'`, `'.join(takes)}`)"
        default = _show(defaults.get(key))
        rows.append((key, type_, PLAN_EXAMPLES.get(key, example), args.get(key, "") + where, default))
    return rows


_INTRO = """# The interview file

An interview file describes one interview in [TOML](https://toml.io): who you
are, whom you met, what was decided, the plan and what has happened since.
`followup init` writes a commented one to start from; every command reads it.
This page lists every table and key the reader takes. It is generated from the
reader and the docstrings by `tests/test_interview_file_page.py`, and a test
fails if a key is missing here or if an example is not read, so the page is
what the code accepts.

```sh
followup init interview.toml     # a commented file to edit
followup plan interview.toml
```

Values are TOML: strings in quotes, dates (`2026-11-27`) and date-times
(`2026-11-20T14:00:00`) without. A date-time without a UTC offset is read in
`[interview] timezone`. The other kinds of value:

- **duration**: a string such as `"45m"`, `"3 hours"`, `"2 business days"`,
  `"1 week"` or `"3 months"`; which units a key takes depends on the key
  (business days only where the step counts working days).
- **holidays**: a country or subdivision code (`"US"`, `"GB-SCT"`, `"DE-BY"`),
  a list of dates, or both: `["US", 2026-12-24]`.

!!! warning "Unknown keys are errors"
    A key that is not on this page stops the command with the file, the line
    and the closest key it knows ("did you mean ..."), so a typo never goes
    unnoticed.

The smallest file that works:

```toml
[candidate]
name = "Sam Rivera"

[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00
timezone = "America/New_York"
interviewers = [{ name = "Jane Doe", email = "jane.doe@acme.example" }]
```
"""

MINIMAL = """[candidate]
name = "Sam Rivera"

[interview]
company = "Acme Corp"
role = "Data Engineer"
start = 2026-11-20T14:00:00
timezone = "America/New_York"
interviewers = [{ name = "Jane Doe", email = "jane.doe@acme.example" }]
"""


def generate() -> str:
    parts = [_INTRO]
    parts.append(
        "## Top level\n\n| Key | Type | Description |\n|---|---|---|\n"
        f"| `version` | integer | The file format's version, `{codec.VERSION}`; "
        "left out, the current one. A file from a newer version is refused. |\n"
        "| `candidate`, `interview`, `outcome`, `plan`, `history` | tables | Below. |\n"
    )
    parts.append("## `[candidate]`\n\nYou: the person following up. `name` is required.\n\n")
    parts.append(_table(_model_rows(model.Candidate, CANDIDATE)))
    parts.append(
        "## `[interview]`\n\nThe interview. `company`, `role`, `start` and `timezone` are "
        "required (a UTC offset in `start` does not replace `timezone`: an offset alone does "
        "not say when clocks change).\n\n"
    )
    parts.append(
        _table(
            _model_rows(
                model.Interview,
                INTERVIEW,
                {
                    "start": "When the interview started, local time in `timezone` (or with a UTC offset).",
                    "duration": "How long it lasted, at most 24 hours; thank-you notes count from the end.",
                    "timezone": "IANA zone of the interview: when clocks change, and whose holidays apply.",
                    "key": "A stable identifier for this interview (used in action and calendar ids); derived from company, role and start when left out.",
                    "interviewers": "The people you met, each a `[[interview.interviewers]]` table (below); thank-you notes go to each. Left out, the recruiter is the person met (a screening call).",
                    "recruiter": "The recruiter or coordinator, an `[interview.recruiter]` table (below): status questions go to them.",
                },
            )
        )
    )
    parts.append(
        "## `[[interview.interviewers]]` and `[interview.recruiter]`\n\n"
        "One table per person. `name` is required. Without `email`, a note goes on\n"
        "LinkedIn (with `linkedin`), else through the recruiter, else you get a task to\n"
        "find an address.\n\n"
    )
    parts.append(_table(_model_rows(model.Contact, CONTACT)))
    parts.append("## `[outcome]`\n\nThe decision. Left out, it is pending.\n\n")
    parts.append(_table(list(OUTCOME)))
    parts.append(
        "## `[plan]`\n\nWhich follow-up plan, and how it is tuned. Left out, the plan is "
        "`after-interview` with its defaults. A parameter only one preset takes names it "
        "after its description; giving it to the other preset is an error.\n\n"
    )
    parts.append(_table(PLAN_OWN + _plan_rows()))
    parts.append("### `window`\n\nThe send window: when messages are due, in the recipient's zone.\n\n")
    parts.append(_table(list(WINDOW)))
    parts.append(
        "## `[[plan.steps]]`\n\nA step of your own, or a preset step with other settings. "
        "Besides the keys below, a step takes the parameters of its kind (`id`, `after`, "
        "`template`, ...): `followup steps` lists every kind and its parameters, and "
        "[Extending](extending.md) shows how to add kinds.\n\n"
    )
    parts.append(_table(list(STEP_FILE)))
    parts.append(
        "## `[[history]]`\n\nWhat has happened since, one table per event; "
        "`followup mark` appends them for you. Every record has an `event`; the keys "
        "each event takes:\n\n| `event` | Keys | Meaning |\n|---|---|---|\n"
    )
    for event, keys in _reader._EVENTS.items():
        parts.append(f"| `{event}` | {', '.join(f'`{k}`' for k in keys if k != 'event')} | {HISTORY_DESCRIPTIONS[event]} |\n")
    parts.append("\n| Key | Type | Description |\n|---|---|---|\n")
    for key, (kind, description) in HISTORY_KEYS.items():
        parts.append(f"| `{key}` | {kind} | {description[0].upper()}{description[1:]}. |\n")
    older = [k for k in _reader._HISTORY_KEYS if k not in HISTORY_KEYS]
    parts.append(
        "\nFiles written by earlier versions name the kind by a key instead of `event` "
        f"({', '.join(f'`{k}`' for k in older)}); they are still read, and `followup mark` "
        "writes the spelling above.\n\n"
        "```toml\n[[history]]\nevent = \"done\"\nstep = \"thank-you\"\nat = 2026-11-20T18:30:00\n"
        "contact = \"Jane Doe\"\n\n[[history]]\nevent = \"out-of-office\"\nuntil = 2026-12-04\n"
        "contact = \"Jane Doe\"\n```\n"
    )
    return "\n".join(parts).rstrip() + "\n"


def _read(text: str) -> interview_file.InterviewFile:
    return interview_file.loads(text)


class TestInterviewFilePage:
    def test_page_matches_the_code(self) -> None:
        assert DOC.read_text(encoding="utf-8") == generate(), (
            "docs/interview-file.md is out of date: run  python tests/test_interview_file_page.py"
        )

    def test_page_lists_exactly_the_keys_the_reader_takes(self) -> None:
        how = (
            "the reader takes other keys than docs/interview-file.md lists: add the key (type, "
            "example) to {} in tests/test_interview_file_page.py, describe it in the docstring "
            "it comes from, and run  python tests/test_interview_file_page.py"
        )
        for spec, name, keys in [
            (CANDIDATE, "CANDIDATE", _reader._CANDIDATE_KEYS),
            (INTERVIEW, "INTERVIEW", _reader._INTERVIEW_KEYS),
            (CONTACT, "CONTACT", _reader._CONTACT_KEYS),
            (OUTCOME, "OUTCOME", _reader._OUTCOME_KEYS),
            (WINDOW, "WINDOW", _reader._WINDOW_KEYS),
            (STEP_FILE, "STEP_FILE", _reader._STEP_FILE_KEYS),
        ]:
            assert [k for k, *_ in spec] == list(keys), how.format(name)
        plan = [k for k, *_ in PLAN_OWN] + list(_reader._PLAN_PARAMS)
        assert plan == list(_reader._PLAN_KEYS), how.format("PLAN_OWN (or PLAN_TYPES)")
        assert set(_reader._TOP_KEYS) == {"version", "candidate", "interview", "outcome", "plan", "history"}
        events = {k for keys in _reader._EVENTS.values() for k in keys}
        assert events == set(HISTORY_KEYS), how.format("HISTORY_KEYS")
        assert set(_reader._EVENTS) == set(HISTORY_DESCRIPTIONS), how.format("HISTORY_DESCRIPTIONS")
        assert set(_reader._PLAN_PARAMS.values()) <= set(PLAN_TYPES), how.format("PLAN_TYPES")

    def test_every_key_has_a_description(self) -> None:
        text = generate()
        assert not re.search(r"\| `\w+ = [^|]*` \|  \|", text), "a key without a description"

    @pytest.mark.parametrize(("key", "example"), [(k, e) for k, _t, e in CANDIDATE])
    def test_candidate_examples_are_read(self, key: str, example: str) -> None:
        text = MINIMAL.replace('name = "Sam Rivera"\n', f'name = "Sam Rivera"\n{key} = {example}\n' if key != "name" else f"name = {example}\n", 1)
        _read(text)

    @pytest.mark.parametrize(("key", "example"), [(k, e) for k, _t, e in INTERVIEW])
    def test_interview_examples_are_read(self, key: str, example: str) -> None:
        lines = [line for line in MINIMAL.splitlines() if not line.startswith(f"{key} =")]
        at = lines.index("[interview]") + 1
        lines.insert(at, f"{key} = {example}")
        _read("\n".join(lines) + "\n")

    @pytest.mark.parametrize(("key", "example"), [(k, e) for k, _t, e in CONTACT])
    def test_contact_examples_are_read(self, key: str, example: str) -> None:
        name = '"Kim Min-jun"' if key == "family_name" else '"Jane Doe"'  # the example's own name
        person = {"name": name, "email": '"jane.doe@acme.example"', key: example}
        inline = ", ".join(f"{k} = {v}" for k, v in person.items())
        text = MINIMAL.replace('interviewers = [{ name = "Jane Doe", email = "jane.doe@acme.example" }]', f"interviewers = [{{ {inline} }}]")
        assert _read(text).interview.interviewers[0].name

    @pytest.mark.parametrize("row", OUTCOME, ids=lambda r: r[0])
    def test_outcome_examples_are_read(self, row: tuple[str, ...]) -> None:
        key, _type, example = row[:3]
        status = "" if key == "status" else 'status = "rejected"\n'
        if key in _reader._OFFER_KEYS:  # the offer's own keys need an offer (a declined one)
            status = 'status = "offer"\n' + ('decision = "decline"\n' if key not in ("decision", "respond_by", "written") else "")
        # the older spellings go with the older key for the date
        extra = {"at": "", "date": "", "from": "date = 2026-11-24\n", "from_email": "date = 2026-11-24\n"}.get(key, "at = 2026-11-24\n")
        _read(MINIMAL + f"\n[outcome]\n{status}{extra}{key} = {example}\n")

    @pytest.mark.parametrize("row", PLAN_OWN + _plan_rows() + [("window." + w[0], *w[1:]) for w in WINDOW], ids=lambda r: r[0])
    def test_plan_examples_are_read(self, row: tuple[str, ...]) -> None:
        key, _type, example = row[:3]
        preset = "" if key in ("preset", "steps") else 'preset = "after-rejection"\n'
        if key.startswith("window."):
            key, example = "window", f"{{ {key.split('.')[1]} = {example} }}"
        if key == "templates":
            pytest.skip("a directory: read from disk, exercised in tests/test_files.py")
        takes = [name for name in presets.PRESETS if key in _reader._preset_keys(name)]
        if key in _reader._PLAN_PARAMS and "after-rejection" not in takes and takes:
            preset = f'preset = "{takes[0]}"\n'
        _read(MINIMAL + f"\n[plan]\n{preset}{key} = {example}\n")

    def test_history_example_is_read(self) -> None:
        block = generate().rsplit("```toml\n", 1)[1].split("```")[0]
        assert len(_read(MINIMAL + "\n" + block).history) == 2


if __name__ == "__main__":
    DOC.write_text(generate(), encoding="utf-8")
    print(f"wrote {DOC}")
