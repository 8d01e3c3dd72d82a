"""Draft quality figures for issue 14, on interview files this script writes.

The facts are fresh (none is taken from the examples or the tests), drawn with
``random.Random(SEED)``: companies with legal suffixes in nine countries, long
and short roles, panels of one to three people with titled, hyphenated,
particle, single-word and non-Latin names, interviewers with an email address,
only a LinkedIn profile or neither, files with and without a recruiter and a
decision date, pending and rejected outcomes, in the three tones.

The drafts are made by the command (``python -m followup draft FILE --format
json``), so the same script measures any version of the library: run it with
``PYTHONPATH`` pointing at an older checkout to get the "before" figures.

The files use only keys every version reads (no ``greeting``, ``highlights``
or ``promised``), so before and after see the same facts.

Figures:

- panel similarity: Jaccard on word sets (names removed) between the drafts of
  one step, tone and channel to different interviewers of one panel;
- the share of distinct drafts containing "glad", and the most repeated phrases
  (word 5-grams, counted once per distinct draft, facts and names left out);
- greetings: the first words of every draft against the greeting a careful
  writer would use, written by hand below (``PEOPLE``), and bare titles;
- subjects over 60 characters, the legal name in prose, the careers URL in a
  message, an email draft without an address, a weekday without its date.

Usage::

    python bench/drafts_quality.py                    # the installed followup
    PYTHONPATH=/tmp/before python bench/drafts_quality.py --json before.json
    python bench/drafts_quality.py --keep DIR         # keep the interview files
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

SEED = 1414
FILES = 30
TONES = ("formal", "warm", "brief")
SUBJECT_LIMIT = 60
TITLES = {"Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Mx"}

# (name as written, formal greeting name, warm and brief greeting name), by hand: a title
# with the family name in formal drafts, else the given name ("Dear Kwabena", never
# "Dear Kwabena Asante"); a doctor or professor keeps the title in every tone ("Hello Dr. ...").
PEOPLE: list[tuple[str, str, str]] = [
    ("Dr. Halvard Lindqvist", "Dr. Lindqvist", "Dr. Lindqvist"),
    ("Ms. Wanjiru Kamau", "Ms. Kamau", "Wanjiru"),
    ("Prof. Ayesha Siddiqui", "Professor Siddiqui", "Professor Siddiqui"),  # written out in a greeting
    ("Mx. Rowan Ellery-Pike", "Mx. Ellery-Pike", "Rowan"),
    ("Mrs. Chidinma Okeke-Eze", "Mrs. Okeke-Eze", "Chidinma"),
    ("Mr. Tomás van der Berg", "Mr. van der Berg", "Tomás"),
    ("Dr Fionnuala Brennan", "Dr Brennan", "Dr Brennan"),
    ("Professor Ravi Menon", "Professor Menon", "Professor Menon"),
    ("Beatriz da Silva", "Beatriz", "Beatriz"),
    ("Anne-Sophie Laurent", "Anne-Sophie", "Anne-Sophie"),
    ("Kwabena Asante", "Kwabena", "Kwabena"),
    ("Ilse", "Ilse", "Ilse"),
    ("Tavita", "Tavita", "Tavita"),
    ("王芳", "王芳", "王芳"),
    ("佐藤 健", "佐藤 健", "佐藤 健"),
    ("이서연", "이서연", "이서연"),
    ("Yusuf bin Rahman", "Yusuf", "Yusuf"),
    ("Ms Orla Ní Cheallaigh", "Ms Ní Cheallaigh", "Orla"),
    ("Dr. Meera Iyer-Shah", "Dr. Iyer-Shah", "Dr. Iyer-Shah"),
    ("Mr. Lars Øvergaard", "Mr. Øvergaard", "Lars"),
]
# Zones whose custom of address differs from the lists above (see the greeting check).
CUSTOM = {"Europe/Berlin": "DE", "Asia/Tokyo": "JP"}
# Zones where a formal letter without a title uses the full name, the given name alone
# being too familiar (India, France; docs/messages.md).
FORMAL_FULL = {"Asia/Kolkata", "Europe/Paris"}
RECRUITERS: list[tuple[str, str, str]] = [
    ("Ms. Paloma Reyes", "Ms. Reyes", "Paloma"),
    ("Hamish Doyle", "Hamish", "Hamish"),
    ("Mx. Jules Okafor", "Mx. Okafor", "Jules"),
    ("Nkechi", "Nkechi", "Nkechi"),
    ("Mrs. Dagny Holm", "Mrs. Holm", "Dagny"),
]
COMPANIES = [
    # (legal name, zone, domain, the legal suffix prose should drop)
    ("Kestrel Freight Pty Ltd", "Australia/Sydney", "kestrel", "Pty Ltd"),
    ("Vantaa Acoustics Oy", "Europe/Helsinki", "vantaa", "Oy"),
    ("Solenne Cosmétiques SAS", "Europe/Paris", "solenne", "SAS"),
    ("Tamarind Learning Pvt. Ltd.", "Asia/Kolkata", "tamarind", "Pvt. Ltd."),
    ("Quillon Biotherapeutics, Inc.", "America/New_York", "quillon", "Inc."),
    ("Bergfeld Maschinenbau GmbH", "Europe/Berlin", "bergfeld", "GmbH"),
    ("Araucaria Minería S.A.", "America/Santiago", "araucaria", "S.A."),
    ("Ostrander Hotels plc", "Europe/London", "ostrander", "plc"),
    ("Takumi Robotics K.K.", "Asia/Tokyo", "takumi", "K.K."),
    ("Ridgeway Community Credit Union", "America/Denver", "ridgeway", None),
]
ROLES = [
    "Payroll Specialist",
    "Senior Hydrogeologist",
    "Head of Guest Experience, Coastal Resorts",
    "Principal Regulatory Affairs Manager, Cell and Gene Therapies (EMEA)",
    "Junior Sound Designer",
    "Learning Experience Designer - K-12 Mathematics",
    "Controls Engineer",
    "Associate Director of Member Lending and Branch Operations",
]
TOPICS = [
    "tailings dam monitoring",
    "the new booking engine",
    "reducing cold-chain losses",
    "how the lab validates assays",
    "the acoustic model of the atrium",
    "the migration off the legacy payroll system",
    "adaptive practice for fractions",
    "the PLC upgrade on line 4",
    "member churn after the branch closures",
    "the guest feedback loop",
    "aggressive timelines for the filing",
    "we cannot afford another recall",
]
STAGES = ["panel interview", "onsite", "second round", "video interview", "final round"]


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def make_files(rng: random.Random, count: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (file name, TOML text, facts) for ``count`` fresh interviews."""
    for n in range(count):
        company, zone, slug, suffix = COMPANIES[n % len(COMPANIES)]
        role = rng.choice(ROLES)
        size = rng.choice([1, 2, 3, 3])
        people = rng.sample(PEOPLE, size)
        recruiter = rng.choice(RECRUITERS) if rng.random() < 0.8 else None
        # Reach: mostly email; some only on LinkedIn, some with neither (only when a recruiter exists).
        reach = [rng.choices(["email", "linkedin", "none"], [6, 2, 1 if recruiter else 0])[0] for _ in people]
        start = datetime(2026, 3 + n % 8, 3 + n % 20, 10 + n % 5, 0, tzinfo=ZoneInfo(zone))
        decision = rng.random() < 0.5
        rejected = n % 2 == 1
        topics_wide = rng.sample(TOPICS, rng.choice([0, 1, 1, 2]))
        lines = [
            "[candidate]",
            f"name = {_toml(rng.choice(['Noor Haddad', 'Tevita Fifita', 'Camille Roussel', 'Arjun Pillai']))}",
            'email = "me@example.org"',
            "",
            "[interview]",
            f"company = {_toml(company)}",
            f"role = {_toml(role)}",
            f"start = {start.strftime('%Y-%m-%dT%H:%M:%S')}",
            f"timezone = {_toml(zone)}",
            'duration = "2 hours"',
            f"stage = {_toml(rng.choice(STAGES))}",
            f"topics = {_toml(topics_wide)}",
            f'careers_url = "https://{slug}.example/careers"',
        ]
        if decision:
            lines.append(f"decision_expected = {(start + timedelta(days=9)).date().isoformat()}")
        for i, ((name, _, _), how) in enumerate(zip(people, reach, strict=True)):
            own = rng.sample(TOPICS, rng.choice([0, 1, 2]))
            lines += ["", "[[interview.interviewers]]", f"name = {_toml(name)}"]
            if how == "email":
                lines.append(f'email = "p{i}@{slug}.example"')
            if how == "linkedin":
                lines.append(f'linkedin = "https://www.linkedin.com/in/{slug}-p{i}"')
            lines.append(f"topics = {_toml(own)}")
        if recruiter:
            lines += ["", "[interview.recruiter]", f"name = {_toml(recruiter[0])}", f'email = "talent@{slug}.example"']
        lines += ["", "[outcome]"]
        if rejected:
            told_by = recruiter[0] if recruiter else people[0][0]
            when = (start + timedelta(days=8)).date().isoformat()
            lines += ['status = "rejected"', f"date = {when}", f"from = {_toml(told_by)}"]
        else:
            lines.append('status = "pending"')
        lines += ["", "[plan]", f'preset = "{"after-rejection" if rejected else "after-interview"}"']
        facts = {
            "company": company,
            "suffix": suffix,
            "careers": f"{slug}.example/careers",
            "people": {p[0]: p for p in [*people, *([recruiter] if recruiter else [])]},
            "zone": zone,
            "interviewers": [p[0] for p in people],
            "now": (start + timedelta(hours=3)).isoformat()
            if not rejected
            else (start + timedelta(days=8, hours=12)).isoformat(),
            "topics": sorted({*topics_wide, *TOPICS}),
            "role": role,
        }
        yield f"interview-{n:02d}.toml", "\n".join(lines) + "\n", facts


def drafts_of(path: Path, tone: str, now: str) -> list[dict[str, Any]]:
    """The drafts the command prints as JSON for one file and tone."""
    out = subprocess.run(
        [sys.executable, "-m", "followup", "draft", str(path), "--format", "json", "--tone", tone, "--now", now],
        capture_output=True,
        text=True,
        env=os.environ,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{path}: {out.stderr.strip()}")
    data = json.loads(out.stdout)
    return data if isinstance(data, list) else list(data.get("drafts", []))


WORD = re.compile(r"[\w'’-]+")
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
DAY_MONTH = re.compile(r"\s+\d{1,2}\s+[A-Z][a-z]+")  # "Tuesday 17 November"
BARE_TITLE = re.compile(r"^(Dear|Hi|Hello)\s+(Dr|Prof|Professor|Ms|Mr|Mrs|Mx|Miss)\.?\s*,", re.I)


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def measure(tmp: Path, count: int) -> dict[str, Any]:
    """Write the files, draft them in every tone, and compute the figures."""
    rng = random.Random(SEED)
    all_drafts: list[tuple[dict[str, Any], str, dict[str, Any]]] = []
    names: set[str] = set()
    jobs = []
    for fname, text, facts in make_files(rng, count):
        path = tmp / fname
        path.write_text(text, encoding="utf-8")
        jobs += [(path, tone, facts) for tone in TONES]
        for p in facts["people"]:
            names |= words(p)
    # One command per file and tone, a few at a time (each is a fresh interpreter).
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = pool.map(lambda job: drafts_of(job[0], job[1], job[2]["now"]), jobs)
        for (_, tone, facts), drafts in zip(jobs, results, strict=True):
            all_drafts += [(facts, tone, d) for d in drafts]
    names |= {w for c in ("Noor Haddad", "Tevita Fifita", "Camille Roussel", "Arjun Pillai") for w in words(c)}

    # Panel similarity.
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for facts, tone, d in all_drafts:
        who = (d.get("recipient") or {}).get("name")
        if who in facts["interviewers"]:
            groups.setdefault((facts["now"], tone, d["step"], d["channel"]), []).append(d)
    jaccards: list[float] = []
    thank_you: list[float] = []
    for (_, _, step, _), ds in groups.items():
        for a, b in itertools.combinations(ds, 2):
            wa, wb = words(a["body"]) - names, words(b["body"]) - names
            j = len(wa & wb) / len(wa | wb)
            jaccards.append(j)
            if step == "thank-you":
                thank_you.append(j)

    # Repetition across distinct drafts.
    distinct = sorted({d["body"] for _, _, d in all_drafts})
    glad = sum(1 for b in distinct if re.search(r"\bglad\b", b, re.I))
    fact_words = names | {w for f, _, _ in all_drafts for t in (*f["topics"], f["company"], f["role"]) for w in words(t)}
    grams: Counter[str] = Counter()
    for body in distinct:
        toks = list(WORD.findall(body.lower()))
        seen = {
            " ".join(toks[i : i + 5])
            for i in range(len(toks) - 4)
            if not any(t in fact_words for t in toks[i : i + 5])
        }
        grams.update(seen)

    # Greetings, subjects, suffixes, links, addresses.
    greet_ok = greet_all = titled_ok = titled_all = bare = 0
    wrong: list[str] = []
    subjects = [d["subject"] for _, _, d in all_drafts if d.get("subject")]
    legal = links = no_to = weekdays = 0
    for facts, tone, d in all_drafts:
        body = d["body"]
        who = (d.get("recipient") or {}).get("name")
        person = facts["people"].get(who)
        if person is not None:
            hello = "Hello " if person[2].split()[0].rstrip(".") in TITLES else "Hi "
            expected = ("Dear " + person[1]) if tone == "formal" else (hello + person[2])
            # The custom of where they work (docs/messages.md): in Berlin and Tokyo a title
            # holds in every tone, after "Dear"; without one, Berlin uses the full name and
            # Tokyo a name in its own script whole ("Dear 佐藤 健"), in every tone.
            custom = CUSTOM.get(facts["zone"])
            if custom and person[0].split()[0].rstrip(".") in TITLES:
                expected = "Dear " + person[1]
            elif (
                (custom == "DE" and len(person[0].split()) > 1)
                or (custom == "JP" and not person[0].isascii())
                or (
                    tone == "formal"
                    and facts["zone"] in FORMAL_FULL
                    and person[1] == person[2]
                    and len(person[0].split()) > 1
                )
            ):
                expected = "Dear " + person[0]
            # Where the recipient or the candidate is in Britain, Ireland, Australia or New
            # Zealand, titles are written without the full stop ("Dear Prof Siddiqui").
            undotted = re.sub(r"\b(Dr|Prof|Mr|Mrs|Ms|Mx)\.", r"\1", expected)
            ok = body.startswith((expected + ",", undotted + ","))
            greet_all += 1
            greet_ok += ok
            titled = person[0].split()[0].rstrip(".") in TITLES
            if titled:
                titled_all += 1
                titled_ok += ok
            if not ok and len(wrong) < 8:
                wrong.append(f"{who!r} ({tone}): {body.splitlines()[0][:50]!r}, expected {expected!r}")
        bare += bool(BARE_TITLE.match(body))
        weekdays += any(not DAY_MONTH.match(body, m.end()) for m in WEEKDAY.finditer(body))
        legal += facts["suffix"] is not None and facts["company"] in body
        links += facts["careers"] in body
        if d["channel"] == "email" and "@" not in (d.get("to") or ""):
            no_to += 1
    return {
        "files": count,
        "drafts": len(all_drafts),
        "distinct_drafts": len(distinct),
        "panel_pairs": len(jaccards),
        "panel_jaccard_max": round(max(jaccards), 3) if jaccards else None,
        "panel_jaccard_median": round(statistics.median(jaccards), 3) if jaccards else None,
        "panel_jaccard_min": round(min(jaccards), 3) if jaccards else None,
        "panel_pairs_over_0.6": sum(j > 0.6 for j in jaccards),
        "thank_you_jaccard_range": [round(min(thank_you), 3), round(max(thank_you), 3)] if thank_you else None,
        "glad": [glad, len(distinct)],
        "top_phrases": [[g, c] for g, c in grams.most_common(3)],
        "greetings_correct": [greet_ok, greet_all],
        "titled_greetings_correct": [titled_ok, titled_all],
        "greeting_mismatches": wrong,
        "bare_title_greetings": bare,
        "subjects_over_60": [sum(len(s) > SUBJECT_LIMIT for s in subjects), len(subjects)],
        "longest_subject": max(subjects, key=len) if subjects else None,
        "legal_name_in_prose": legal,
        "careers_url_in_message": links,
        "email_without_address": no_to,
        "bare_weekday": weekdays,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=FILES, help="how many interview files (default %(default)s)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", type=Path, help="write the interview files here instead of a temporary directory")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = measure(args.keep, args.files)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            figures = measure(Path(tmp), args.files)
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
