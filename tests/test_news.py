"""The candidate's own news (`news` in [interview]) goes in the check-ins that come months
later, as written, and nowhere else (blind judges, drafts round 6: "the keep-in-touch
notes have no reason to write")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from drafting import cli_drafts, write_file

import followup
from followup.files import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NEWS = "Since we spoke I have taken over our Vietnam packaging work, including the EPR filings"


def _drafts(tmp_path: Path, example: str, now: str, news: str = NEWS) -> dict[str, str]:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    text = text.replace("[interview]\n", f"[interview]\nnews = {json.dumps(news)}\n", 1)
    path = write_file(tmp_path, text)
    return {key: d["body"] for key, d in cli_drafts(path, now).items()}


def test_a_keep_in_touch_note_carries_the_news_as_written(tmp_path: Path) -> None:
    got = _drafts(tmp_path, "final-round-rejected.toml", "2026-11-30T12:00:00-05:00")
    check_ins = {k: v for k, v in got.items() if k.startswith("keep-in-touch")}
    assert check_ins
    for body in check_ins.values():
        # Its own paragraph, with the full stop the file left out.
        assert f"\n\n{NEWS}.\n\n" in body
    # A thank-you or a rejection reply is no place for it.
    for key, body in got.items():
        if not key.startswith("keep-in-touch"):
            assert "Vietnam" not in body, key


def test_a_check_in_after_a_declined_offer_carries_the_news(tmp_path: Path) -> None:
    got = _drafts(tmp_path, "offer-declined.toml", "2026-06-09T12:00:00+01:00")
    check_ins = [v for k, v in got.items() if "keep-in-touch" in k]
    assert check_ins
    assert all(f"{NEWS}." in body for body in check_ins)
    assert not any("Vietnam" in v for k, v in got.items() if "keep-in-touch" not in k)


def test_without_news_the_check_in_has_no_empty_paragraph(tmp_path: Path) -> None:
    text = (EXAMPLES / "final-round-rejected.toml").read_text(encoding="utf-8")
    path = write_file(tmp_path, text)
    for d in cli_drafts(path, "2026-11-30T12:00:00-05:00").values():
        assert "\n\n\n" not in d["body"]


def test_news_survives_the_converter_and_bad_news_names_the_field(tmp_path: Path) -> None:
    interview = load(_write(tmp_path, 'news = "I now lead the Lagos office."')).interview
    assert interview.news == "I now lead the Lagos office."
    again = followup.from_dict(followup.to_dict(interview), followup.Interview)
    assert again == interview
    assert again.news == interview.news
    with pytest.raises(followup.InputFileError) as info:
        load(_write(tmp_path, "news = 42"))
    assert "news" in str(info.value)
    assert "interview.toml" in str(info.value)


def _write(tmp_path: Path, line: str) -> Path:
    text = (EXAMPLES / "final-round-rejected.toml").read_text(encoding="utf-8")
    return write_file(tmp_path, text.replace("[interview]\n", f"[interview]\n{line}\n", 1))


PANEL = """
[[interview.interviewers]]
name = "Ana Ruiz"
email = "ana@harbourline.example"
linkedin = "https://www.linkedin.com/in/anaruiz"

[[interview.interviewers]]
name = "Ben Okoro"
email = "ben@harbourline.example"
linkedin = "https://www.linkedin.com/in/benokoro"

[[interview.interviewers]]
name = "Chloe Martin"
email = "chloe@harbourline.example"
linkedin = "https://www.linkedin.com/in/chloemartin"
"""


@pytest.mark.parametrize("tone", ["formal", "warm", "brief"])
def test_a_panels_connection_notes_after_a_declined_offer_close_differently(tmp_path: Path, tone: str) -> None:
    # Blind judges, drafts round 6 (after measurement): three notes ending "I was sorry to
    # turn down the role, and I'd love to stay in touch" read as a mail merge.
    text = (EXAMPLES / "offer-declined.toml").read_text(encoding="utf-8")
    head, _, _ = text.partition("[[interview.interviewers]]")
    rest = text[text.index("[interview.recruiter]") :]
    text = head + PANEL.lstrip() + "\n" + rest
    # The file's tone: the same drafts as `--tone` (which only overrides it).
    path = write_file(tmp_path, text.replace('tone = "warm"', f'tone = "{tone}"'))
    drafted = cli_drafts(path, "2026-06-09T12:00:00+01:00")
    notes = [d["body"] for d in drafted.values() if d["channel"] == "linkedin-note"]
    assert len(notes) == 3
    # Each close says what happened, and no two notes share it.
    lasts = []
    for n in notes:
        sentences = [s for s in n.replace(" – ", ". ").split(". ") if s]
        close = next(s for s in reversed(sentences) if "touch" in s or "connect" in s)
        lasts.append(close)
    assert len(set(lasts)) == 3, notes
