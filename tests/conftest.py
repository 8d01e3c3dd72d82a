"""Shared fixtures: a realistic interview at Acme Corp that ended in a rejection, and a fixed ``now``."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, settings

from followup import Candidate, Contact, Interview, Outcome

NEW_YORK = ZoneInfo("America/New_York")

# Hypothesis checks behaviour, not speed: no per-example deadline and no "too slow" health
# check, so a loaded machine (CI, or a laptop building the docs) cannot fail a correct test.
# Speed is measured in bench/. Tests that set their own settings() keep them.
settings.register_profile(
    "followup",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("followup")


@pytest.fixture
def candidate() -> Candidate:
    return Candidate(name="Sam Rivera", email="sam@example.com", phone="+1 555 0100")


@pytest.fixture
def jane() -> Contact:
    return Contact(
        name="Jane Doe",
        email="jane@acme.example",
        title="Engineering Manager",
        linkedin="https://www.linkedin.com/in/janedoe",
        topics=["the data platform migration"],
    )


@pytest.fixture
def interview(candidate: Candidate, jane: Contact) -> Interview:
    """Fri 20 Nov 2026, 14:00–14:45 in New York; a decision was promised for Fri 27 Nov."""
    return Interview(
        company="Acme Corp",
        role="Data Engineer",
        start=datetime(2026, 11, 20, 14, 0, tzinfo=NEW_YORK),
        duration=timedelta(minutes=45),
        candidate=candidate,
        interviewers=[jane],
        stage="final round",
        topics=["streaming pipelines"],
        decision_expected=date(2026, 11, 27),
        careers_url="https://acme.example/careers",
    )


@pytest.fixture
def rejection(jane: Contact) -> Outcome:
    """Jane's rejection, Tue 24 Nov 2026."""
    return Outcome.rejected(at=date(2026, 11, 24), contact=jane)


@pytest.fixture
def now() -> datetime:
    """Wed 25 Nov 2026, 08:00 in New York."""
    return datetime(2026, 11, 25, 8, 0, tzinfo=NEW_YORK)
