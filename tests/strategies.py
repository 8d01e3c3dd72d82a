"""Hypothesis strategies for the scheduling core: zones, interviews, outcomes, history."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from followup import (
    Candidate,
    Contact,
    HolidayCalendar,
    Interview,
    Outcome,
    OutcomeChanged,
    OutOfOffice,
    ReplyReceived,
    SendWindow,
    Snoozed,
    StepDone,
    StepSkipped,
)

ZONES = (
    "UTC",
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Australia/Lord_Howe",  # 30-minute DST shift
    "Asia/Kolkata",  # +05:30, no DST
    "America/St_Johns",  # -03:30 / -02:30
    "Asia/Kathmandu",  # +05:45
    "Pacific/Auckland",  # southern hemisphere, far east
    "America/Santiago",  # southern hemisphere, DST changes at midnight
)

zone_names = st.sampled_from(ZONES)
zones = zone_names.map(ZoneInfo)

NAMES = (
    "Jane Doe",
    "Ana Berg",
    "Raj Patel",
    "Kim Lee",
    "Zoë Ångström",
    "José María Fernández",
    "Olusegun Obasanjo",
    "Mei Chen",
)
TOPICS = (
    "the data platform migration",
    "streaming pipelines",
    "on-call rotations",
    "the team's roadmap",
    "data quality checks",
)

FIRST_DAY = datetime(2026, 1, 1)  # noqa: DTZ001 - bounds for st.datetimes, which adds the zone
LAST_DAY = datetime(2028, 12, 31)  # noqa: DTZ001


def aware_datetimes(
    min_value: datetime = FIRST_DAY, max_value: datetime = LAST_DAY
) -> st.SearchStrategy[datetime]:
    """Aware datetimes, whole minutes, in one of :data:`ZONES`; never a skipped local time."""
    return st.datetimes(
        min_value=min_value, max_value=max_value, timezones=zones, allow_imaginary=False
    ).map(lambda d: d.replace(second=0, microsecond=0))


def _email(name: str) -> str:
    local = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalpha()) or "someone"
    return f"{local}@acme.example"


@st.composite
def contacts(draw: st.DrawFn, name: str | None = None) -> Contact:
    """A contact with an optional email, zone and topics."""
    name = name or draw(st.sampled_from(NAMES))
    return Contact(
        name=name,
        email=draw(st.none() | st.just(_email(name))),
        timezone=draw(st.none() | zone_names),
        title=draw(st.none() | st.sampled_from(("Engineering Manager", "Staff Engineer", "Recruiter"))),
        topics=draw(st.lists(st.sampled_from(TOPICS), max_size=2, unique=True)),
    )


candidates = st.builds(
    Candidate,
    name=st.just("Sam Rivera"),
    email=st.just("sam@example.com"),
    timezone=st.none() | zone_names,
)


@st.composite
def interviews(draw: st.DrawFn, min_interviewers: int = 0, max_interviewers: int = 4) -> Interview:
    """An interview with 0–4 interviewers in mixed zones, topics, optional recruiter and decision date."""
    start = draw(aware_datetimes())
    names = draw(
        st.lists(st.sampled_from(NAMES), min_size=min_interviewers, max_size=max_interviewers, unique=True)
    )
    local_day = start.date()
    decision = draw(
        st.none() | st.integers(min_value=0, max_value=30).map(lambda n: local_day + timedelta(days=n))
    )
    return Interview(
        company=draw(st.sampled_from(("Acme Corp", "Globex", "Initech GmbH", "Société Générale"))),
        role=draw(st.sampled_from(("Data Engineer", "Backend Developer", "Analyst"))),
        start=start,
        duration=draw(st.sampled_from((timedelta(minutes=30), timedelta(minutes=45), timedelta(hours=1),
                                       timedelta(hours=3)))),
        candidate=draw(candidates),
        interviewers=[draw(contacts(name=n)) for n in names],
        recruiter=draw(st.none() | contacts(name="Riley Recruiter")),
        topics=draw(st.lists(st.sampled_from(TOPICS), max_size=2, unique=True)),
        decision_expected=decision,
        careers_url=draw(st.none() | st.just("https://acme.example/careers")),
    )


def _day_after(interview: Interview, days: int) -> date:
    return interview.start.astimezone(interview.zone).date() + timedelta(days=days)


@st.composite
def outcomes(
    draw: st.DrawFn, interview: Interview, *, kinds: tuple[str, ...] = ("pending", "rejected", "offer", "withdrawn")
) -> Outcome:
    """Pending, or a rejection/offer/withdrawal on a date (or at an aware moment) after the interview."""
    kind = draw(st.sampled_from(kinds))
    if kind == "pending":
        return Outcome.pending()
    if draw(st.booleans()):
        on: date | datetime = _day_after(interview, draw(st.integers(min_value=1, max_value=60)))
    else:
        later = draw(st.integers(min_value=60, max_value=60 * 24 * 60))
        on = (interview.end + timedelta(minutes=later)).astimezone(draw(zones))
    by = draw(st.none() | contacts(name="Riley Recruiter"))
    return Outcome(status=kind, at=on, contact=by)


@st.composite
def moments_after(draw: st.DrawFn, interview: Interview, max_days: int = 120) -> date | datetime:
    """A date or an aware datetime after the interview (for history records)."""
    days = draw(st.integers(min_value=1, max_value=max_days))
    if draw(st.booleans()):
        return _day_after(interview, days)
    at = datetime.combine(_day_after(interview, days), time(draw(st.integers(0, 23))), tzinfo=draw(zones))
    return at.astimezone(interview.zone)


@st.composite
def history_records(draw: st.DrawFn, interview: Interview, step_ids: tuple[str, ...]) -> object:
    """One history record naming steps of the plan (done, skipped, reply, out of office, snooze, outcome)."""
    kind = draw(st.sampled_from(("done", "skipped", "reply", "ooo", "snooze", "outcome")))
    at = draw(moments_after(interview))
    people = [c.name for c in interview.interviewers]
    if kind == "done":
        return StepDone(step=draw(st.sampled_from(step_ids)), at=at)
    if kind == "skipped":
        return StepSkipped(step=draw(st.sampled_from(step_ids)), at=at)
    if kind == "reply":
        return ReplyReceived(at=at, contact=draw(st.none() | st.sampled_from(people or ["Riley Recruiter"])))
    if kind == "ooo":
        return OutOfOffice(
            until=_day_after(interview, draw(st.integers(1, 40))),
            contact=draw(st.none() | st.sampled_from(people or ["Riley Recruiter"])),
        )
    if kind == "snooze":
        return Snoozed(step=draw(st.sampled_from(step_ids)), until=_day_after(interview, draw(st.integers(1, 90))))
    on = _day_after(interview, draw(st.integers(1, 60)))
    return OutcomeChanged(outcome=Outcome.rejected(at=on))


def histories(interview: Interview, step_ids: tuple[str, ...]) -> st.SearchStrategy[list[object]]:
    """0–4 history records."""
    return st.lists(history_records(interview, step_ids), max_size=4)


holiday_calendars = st.frozensets(
    st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)), max_size=40
).map(lambda days: HolidayCalendar(dates=days))

windows = st.builds(
    SendWindow,
    days=st.frozensets(st.integers(min_value=0, max_value=6), min_size=1),
    start=st.sampled_from((time(8, 0), time(9, 0), time(10, 30))),
    end=st.sampled_from((time(16, 0), time(17, 0), time(18, 45))),
)
