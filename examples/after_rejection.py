"""Schedule the seed's follow-up plan for a realistic rejected interview and print it.

Run:  python examples/after_rejection.py [OUT.ics]

Thank the interviewers, ask for feedback, keep in touch, look for other
openings, stay gracious: every step of the advice, with the reason for each
date. With a path, it also writes the calendar reminders there.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

from followup import Candidate, Contact, Interview, Outcome, StepDone, presets

NEW_YORK = ZoneInfo("America/New_York")

interview = Interview(
    company="Acme Corp",
    role="Data Engineer",
    stage="final round",
    start=datetime(2026, 11, 13, 14, 0, tzinfo=NEW_YORK),
    timezone="America/New_York",
    candidate=Candidate(name="Sam Rivera", email="sam@example.com", phone="+1 555 0100"),
    interviewers=[
        Contact(
            name="Jane Doe",
            title="Engineering Manager",
            email="jane@acme.example",
            linkedin="https://www.linkedin.com/in/janedoe",
            topics=["the data platform migration"],
        ),
        Contact(
            name="Ravi Kumar",
            title="Staff Engineer",
            email="ravi@acme.example",
            timezone="Europe/London",
            topics=["exactly-once delivery in the streaming pipeline"],
        ),
    ],
    recruiter=Contact(name="Lee Park", email="lee@acme.example"),
    decision_expected=date(2026, 11, 20),
    careers_url="https://acme.example/careers",
)

plan = presets.after_interview()
timeline = plan.schedule(
    interview,
    outcome=Outcome.rejected(at=date(2026, 11, 24), contact=Contact(name="Lee Park", email="lee@acme.example")),
    history=[StepDone(step="thank-you", at=datetime(2026, 11, 13, 18, 5, tzinfo=NEW_YORK))],
    now=datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK),
    holidays="US",
)

for action in timeline:
    print(f"{action.due:%a %d %b %Y %H:%M %Z}  {action.status.value:<9}  {action.title}")
    print(f"    why: {action.reason}")
    if action.message is not None and action.message.subject:
        print(f"    draft: {action.message.subject}")

reply = timeline["rejection-reply"].message
assert reply is not None
print()
print(f"Subject: {reply.subject}")
print()
print(reply.body)

if len(sys.argv) > 1:
    from followup.ical import write_calendar

    write_calendar(sys.argv[1], timeline, name="Follow-up: Acme Corp")
    print(f"\nwrote {sys.argv[1]}")
