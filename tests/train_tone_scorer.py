"""Train the tone check's statistical scorer on the labelled corpus and write it as package data.

    python tests/train_tone_scorer.py

writes ``followup/rules/en-scorer.json``. The training cases are the labelled
corpus (``tests/tone_corpus.py``, ``tests/data/tone/``) and, as good drafts,
the library's own drafts for a few fixed interviews (every step of the presets,
each tone), all with their interview's facts blanked out. Run it whenever the
corpus or the phrase files change: ``tests/test_tone_scorer.py`` checks that the
shipped model is the one these cases give.
"""

from __future__ import annotations

import itertools
import json
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tone_corpus
from tone_corpus import CORPUS

from followup import Candidate, Contact, Interview, Outcome, _tone_scorer, channels, presets
from followup.tone import Facts

MODEL = Path(__file__).resolve().parent.parent / "followup" / "rules" / "en-scorer.json"

_ZONE = ZoneInfo("Europe/London")
_PANELS = (
    ("Marta Kowalski", "Dr. Femi Adeyemi", "Ms. Helen Park"),
    ("Luis", "Anika Sharma", "Tom O'Brien"),
)
_TOPICS = (("the pricing API",), ("warehouse robotics", "the night-shift rota"), ())


def _interviews() -> list[Interview]:
    """Fixed interviews, unlike the ones the tests check the built-in drafts on."""
    out = []
    # Four interviews, about a hundred drafts: enough for the scorer to learn the
    # library's phrasing as good, few enough not to outweigh the drafts people wrote
    # (sixteen interviews, four hundred drafts, cost a fifth of its recall).
    for n, (panel, count) in enumerate(itertools.product(_PANELS, (1, 3))):
        topics, email = n % 2 == 0, n < 2
        people = [
            Contact(
                name=name,
                email=f"p{n}{i}@harbour.example" if email else None,
                linkedin=f"https://www.linkedin.com/in/p{n}{i}",
                topics=list(_TOPICS[i]) if topics else [],
            )
            for i, name in enumerate(panel[:count])
        ]
        out.append(
            Interview(
                company="Harbour Freight Ltd",
                role="Logistics Planner",
                start=datetime(2026, 3, 2 + n % 5, 14, 0, tzinfo=_ZONE),
                candidate=Candidate(name="Alex Morgan", email="alex@example.com"),
                interviewers=people,
                recruiter=Contact(name="Jo Reed", email="jo.reed@harbour.example"),
                topics=["route planning"] if topics else [],
            )
        )
    return out


def own_drafts() -> list[tuple[str, str, Facts]]:
    """The library's own drafts (``(channel, text, facts)``) for the fixed interviews."""
    out: dict[str, tuple[str, str, Facts]] = {}
    for iv in _interviews():
        rejected = Outcome.rejected(at=iv.start.date().replace(day=20), contact=iv.interviewers[0])
        for tone in ("warm", "formal", "brief"):
            plans = [
                (presets.after_interview(tone=tone), None),
                (presets.after_rejection(tone=tone), rejected),
                (
                    presets.after_rejection(
                        tone=tone,
                        separate_feedback_request=True,
                        keep_in_touch_channel="linkedin-message",
                    ),
                    rejected,
                ),
            ]
            for plan, outcome in plans:
                for action in plan.schedule(iv, outcome=outcome, now=iv.start):
                    m = action.message
                    if m is not None and channels.get(m.channel).message:
                        out.setdefault(m.body, (m.channel, m.body, Facts.from_interview(iv)))
    return [out[body] for body in sorted(out)]


def cases() -> list[tuple[str, str]]:
    """The corpus as ``(label, text)``, each text with its interview's facts blanked."""
    out = []
    for draft in CORPUS:
        text = draft.text
        if draft.facts:
            text = _tone_scorer.blank(text, Facts(**draft.facts).spans(text))
        out.append((draft.label, text))
    return out


def sources() -> list[str]:
    """The source of each corpus case, in the order of ``cases()``: a data file
    (a writer of a held-out round, or a development round), or ``written`` for
    the drafts written in ``tests/tone_corpus.py``."""
    out = ["written"] * len(tone_corpus._WRITTEN) + [
        name for name in sorted(tone_corpus._SOURCES) for _ in tone_corpus.load_cases(name)
    ]
    assert len(out) == len(CORPUS)
    return out


def model() -> dict[str, object]:
    """The model the corpus and the library's own drafts train."""
    return _tone_scorer.train(cases(), own_cases(), sources=sources())


def own_cases() -> list[tuple[str, str]]:
    """The library's own drafts as good cases, facts blanked."""
    return [
        ("good", _tone_scorer.blank(text, facts.spans(text))) for _c, text, facts in own_drafts()
    ]


def render(model: dict[str, object]) -> str:
    """The model file's text: stable, one weight a line."""
    return json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    MODEL.write_text(render(model()), encoding="utf-8")
    print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
