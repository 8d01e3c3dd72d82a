"""A small job tracker on followup's public API: the scenario of issue 16, as an app writes it.

sqlite3 keeps each interview's case (the interview, its plan, outcome, history
and holidays) as ``followup.to_dict`` JSON, and the timeline each case had at
its last sync; "what's new" is ``Timeline.diff``; the calendar is one ``.ics``
for every case. There is nothing here but sqlite calls and followup's public
names: no converter, no field copying, no private import. ``mypy --strict``
checks this file (pyproject's ``[tool.mypy] files``), and
``tests/test_tracker_scenario.py`` checks that every ``Any`` in it comes from
``json`` or ``sqlite3``, never from followup.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import attrs

from followup import Case, HistoryRecord, Plan, Timeline, from_dict, to_dict
from followup.changes import Changes
from followup.ical import to_ical_bytes
from followup.timeline import Action

SCHEMA = """
create table if not exists cases (key text primary key, data text not null);
create table if not exists synced (key text primary key, data text not null);
"""


class Tracker:
    """Interviews, their history and their last sync, in one sqlite database."""

    def __init__(self, path: str = ":memory:") -> None:
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)

    def add(self, case: Case) -> str:
        self.db.execute(
            "insert into cases values (?, ?)", (case.interview.key, json.dumps(to_dict(case)))
        )
        return case.interview.key

    def case(self, key: str) -> Case:
        row = self.db.execute("select data from cases where key = ?", (key,)).fetchone()
        return from_dict(json.loads(row[0]), Case)

    def cases(self) -> list[Case]:
        rows = self.db.execute("select data from cases order by key").fetchall()
        return [from_dict(json.loads(row[0]), Case) for row in rows]

    def save(self, case: Case) -> None:
        self.db.execute(
            "update cases set data = ? where key = ?",
            (json.dumps(to_dict(case)), case.interview.key),
        )

    def record(self, key: str, *records: HistoryRecord) -> None:
        self.save(self.case(key).with_history(*records))

    def replan(self, key: str, plan: Plan) -> None:
        self.save(attrs.evolve(self.case(key), plan=plan))

    def sync(self, key: str, now: datetime) -> Changes[Action]:
        """What changed for one interview since its last sync; this becomes the last sync."""
        timeline = self.case(key).schedule(now=now)
        row = self.db.execute("select data from synced where key = ?", (key,)).fetchone()
        previous = from_dict(json.loads(row[0]), Timeline) if row else Timeline(now=now)
        self.db.execute(
            "insert or replace into synced values (?, ?)", (key, json.dumps(to_dict(timeline)))
        )
        return timeline.diff(previous)

    def calendar(self, now: datetime) -> bytes:
        """Every interview's reminders in one calendar."""
        return to_ical_bytes([case.schedule(now=now) for case in self.cases()])
