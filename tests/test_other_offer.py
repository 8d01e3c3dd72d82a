"""`[interview] other_offer_by`: another offer the candidate must answer (issue 14; blind
judges of drafts rounds 9 and 11 asked for it three times: "say openly she has another
offer to answer by 30 November and Murtec is first choice"). The status checks sent on or
before that day say so; later ones, and every other draft, do not."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from drafting import cli_drafts, flat, write_file

import followup
from followup import Candidate, Contact, Interview, ValidationError, presets
from followup.cli import main
from followup.files import load

NY = ZoneInfo("America/New_York")
TONES = ("formal", "warm", "brief")
FILE = """\
[candidate]
name = "Beatriz Santos"
email = "bea@example.com"

[interview]
company = "Murtec Vehicle Engineering GmbH"
role = "Junior Simulation Engineer"
start = 2026-11-10T09:30:00
timezone = "Europe/Vienna"
decision_expected = 2026-11-20
other_offer_by = {other}

[[interview.interviewers]]
name = "Ivana Horvat"
email = "ivana@murtec.example"

[interview.recruiter]
name = "Sabine Koller"
email = "sabine@murtec.example"

[outcome]
status = "pending"

[plan]
preset = "after-interview"
tone = "{tone}"
"""
MENTION = re.compile(r"another offer|other offer|another role", re.IGNORECASE)


def _interview(other: date | None) -> Interview:
    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 10, 10, tzinfo=NY),
        candidate=Candidate(name="Sam Rivera", email="sam@example.com"),
        interviewers=(Contact(name="Jane Doe", email="jane@acme.example"),),
        recruiter=Contact(name="Pat Lee", email="pat@acme.example"),
        decision_expected=date(2026, 11, 20),
        other_offer_by=other,
    )


class TestModel:
    def test_a_date_on_or_after_the_interview(self) -> None:
        assert _interview(date(2026, 11, 30)).other_offer_by == date(2026, 11, 30)
        with pytest.raises(ValidationError, match="other_offer_by"):
            _interview(date(2026, 11, 1))
        with pytest.raises(ValidationError, match="other_offer_by"):
            _interview(datetime(2026, 11, 30, 9, tzinfo=NY))  # type: ignore[arg-type]

    def test_the_converter_round_trips_it(self) -> None:
        iv = _interview(date(2026, 11, 30))
        data = followup.to_dict(iv)
        assert data["other_offer_by"] == "2026-11-30"
        assert followup.from_dict(data, Interview) == iv
        assert "other_offer_by" not in followup.to_dict(_interview(None))


class TestFile:
    def test_read_and_written_back_the_same(self, tmp_path: Path) -> None:
        path = write_file(tmp_path, FILE.replace("{other}", "2026-11-30").replace("{tone}", "formal"))
        loaded = load(path)
        assert loaded.interview.other_offer_by == date(2026, 11, 30)
        out, err = io.StringIO(), io.StringIO()
        code = main(["mark", str(path), "--done", "thank-you", "--at", "2026-11-10T15:00", "--now",
                     "2026-11-10T16:00"], stdout=out, stderr=err)  # fmt: skip
        assert code == 0, err.getvalue()
        assert "other_offer_by = 2026-11-30" in path.read_text(encoding="utf-8")
        assert load(path).interview.other_offer_by == date(2026, 11, 30)

    @pytest.mark.parametrize("value", ['"30 November"', "2026-11-30T09:00:00", "2026-11-01"])
    def test_a_wrong_value_names_file_line_and_field(self, tmp_path: Path, value: str) -> None:
        path = write_file(tmp_path, FILE.replace("{other}", value).replace("{tone}", "formal"))
        with pytest.raises(followup.InputFileError) as info:
            load(path)
        assert info.value.field == "interview.other_offer_by"
        assert info.value.path is not None
        assert info.value.path.endswith("interview.toml")
        lines = path.read_text(encoding="utf-8").splitlines()
        assert info.value.line == next(i for i, t in enumerate(lines, 1) if t.startswith("other_offer_by"))


@pytest.mark.parametrize("tone", TONES)
def test_the_first_check_names_it_and_the_later_one_after_its_day_does_not(tone: str) -> None:
    plan = presets.after_interview(tone=tone)
    timeline = plan.schedule(_interview(date(2026, 11, 30)), now=datetime(2026, 11, 11, 9, tzinfo=NY))
    bodies = {a.id: flat(a.message.body) for a in timeline if a.message is not None}
    first, second = timeline["status-check.1"], timeline["status-check.2"]
    assert first.due.date() <= date(2026, 11, 30) < second.due.date()
    assert "Monday 30 November" in bodies["status-check.1"], bodies["status-check.1"]
    assert MENTION.search(bodies["status-check.1"])
    assert not MENTION.search(bodies["status-check.2"]), bodies["status-check.2"]
    for step, body in bodies.items():
        if not step.startswith("status-check"):
            assert not MENTION.search(body), (step, body)


@pytest.mark.parametrize("tone", TONES)
def test_a_second_check_before_its_day_names_it_too(tone: str) -> None:
    plan = presets.after_interview(tone=tone)
    timeline = plan.schedule(_interview(date(2026, 12, 18)), now=datetime(2026, 11, 11, 9, tzinfo=NY))
    for step in ("status-check.1", "status-check.2"):
        message = timeline[step].message
        assert message is not None
        assert "18 December" in message.body, message.body


@pytest.mark.parametrize("tone", TONES)
def test_without_it_nothing_mentions_another_offer(tone: str) -> None:
    plan = presets.after_interview(tone=tone)
    timeline = plan.schedule(_interview(None), now=datetime(2026, 11, 11, 9, tzinfo=NY))
    for action in timeline:
        if action.message is not None:
            assert not MENTION.search(action.message.body), action.message.body


@pytest.mark.parametrize("tone", TONES)
def test_the_drafts_pass_their_own_check(tmp_path: Path, tone: str) -> None:
    path = write_file(tmp_path, FILE.replace("{other}", "2026-12-18").replace("{tone}", tone))
    drafts = cli_drafts(path, "2026-11-11T09:00:00")
    checked = 0
    for action_id, draft in drafts.items():
        if not action_id.startswith("status-check"):
            continue
        assert "18 December" in draft["body"]
        text = tmp_path / f"{action_id}.txt"
        text.write_text(draft["body"], encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        code = main(["check", str(text), "--interview", str(path)], stdout=out, stderr=err)
        assert code == 0, out.getvalue() + err.getvalue()
        checked += 1
    assert checked == 2


@pytest.mark.parametrize("tone", TONES)
def test_a_check_drafted_after_its_day_does_not_name_it(tone: str) -> None:
    """Review of 2 Dec: an overdue check drafted on 3 December still said the other offer
    "expires on Monday 30 November"."""
    plan = presets.after_interview(tone=tone)
    late = plan.schedule(_interview(date(2026, 11, 30)), now=datetime(2026, 12, 3, 9, tzinfo=NY))
    message = late["status-check.1"].message
    assert message is not None
    assert not MENTION.search(message.body), message.body
