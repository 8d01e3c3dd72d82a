"""CalDAV sync against a real server, and the subscription feed.

The ``slow`` tests start Radicale (the pip package) on 127.0.0.1 on a free port,
with htpasswd authentication and a temporary storage folder, and stop it; no
part of the protocol is mocked. Requests are counted twice: by the sync's own
report and, independently, in Radicale's log.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple

import icalendar
import pytest

import followup
from followup import caldav as fcaldav
from followup import files
from followup.cli import main
from followup.errors import SyncError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOW = "2026-11-25T09:00-05:00"
USER = "sam"
PASSWORD = "Tr0ub4dor-&-3-pw-9f2c"
OTHER_USER = "alex"
OTHER_PASSWORD = "correct-horse-battery-77"


class Result(NamedTuple):
    code: int
    out: str
    err: str


def run(*argv: str | Path) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


# --- a real server ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Radicale:
    """A Radicale server on 127.0.0.1, with its own users, storage and log."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.users = folder / "users"
        self.users.write_text(
            f"{USER}:{PASSWORD}\n{OTHER_USER}:{OTHER_PASSWORD}\n", encoding="utf-8"
        )
        self.storage = folder / "storage"
        self.log = folder / "radicale.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        argv = [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{self.port}",
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(self.users),
            "--auth-htpasswd-encryption",
            "plain",
            "--auth-delay",
            "0",
            "--rights-type",
            "owner_only",
            "--storage-filesystem-folder",
            str(self.storage),
            "--logging-level",
            "info",
        ]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("radicale exited:\n" + self.log.read_text(errors="replace"))
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5),
            ):
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("radicale did not start in 30 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def requests(self) -> list[tuple[str, str]]:
        """(method, path) of every request Radicale logged, in order."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return re.findall(
            r"\] (GET|PUT|DELETE|PROPFIND|REPORT|MKCALENDAR|PROPPATCH|MKCOL|OPTIONS) request for '([^']*)'",
            text,
        )

    def writes(self, since: int = 0) -> list[tuple[str, str]]:
        return [
            r
            for r in self.requests()[since:]
            if r[0] not in ("GET", "PROPFIND", "REPORT", "OPTIONS")
        ]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    pytest.importorskip("radicale")
    pytest.importorskip("caldav")
    rad = Radicale(tmp_path_factory.mktemp("radicale"))
    rad.start()
    yield rad
    rad.stop()


@pytest.fixture
def creds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOLLOWUP_CALDAV_USER", USER)
    monkeypatch.setenv("FOLLOWUP_CALDAV_PASSWORD", PASSWORD)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


@pytest.fixture
def calendar_url(server: Radicale, creds: None) -> str:
    """A new, empty calendar for each test (made with --calendar, which creates it)."""
    name = f"Jobs {uuid.uuid4().hex[:8]}"
    res = run(
        "sync", EXAMPLES / "pending.toml", "--caldav", server.root + USER + "/",
        "--calendar", name, "--dry-run", "--now", NOW,
    )  # fmt: skip
    assert res.code == 0, res.err
    assert f"calendar '{name}' (would be created)" in res.out
    cal = _client().get_principal().make_calendar(name=name)
    return str(cal.url)


def _client(user: str = USER, password: str = PASSWORD, url: str | None = None) -> Any:
    """Another CalDAV client: the person's calendar app."""
    import caldav

    return caldav.DAVClient(
        url=url or _server_root(), username=user, password=password, enable_rfc6764=False
    )


_ROOT: list[str] = []


def _server_root() -> str:
    return _ROOT[0]


@pytest.fixture(autouse=True)
def _root(request: pytest.FixtureRequest) -> None:
    if "server" in request.fixturenames:
        _ROOT[:] = [request.getfixturevalue("server").root]


def _objects(url: str) -> dict[str, tuple[str, str, icalendar.Calendar]]:
    """Every object in the calendar, by UID: (href, etag, parsed)."""
    import caldav
    from caldav.elements import cdav, dav

    client = _client()
    r = client.report(
        url,
        '<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" '
        'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/>'
        '</D:prop><C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>',
        depth=1,
    )
    assert isinstance(client, caldav.DAVClient)
    out = {}
    for href, props in r.expand_simple_props([dav.GetEtag()], [cdav.CalendarData()]).items():
        data = props[cdav.CalendarData.tag]
        text = data[0] if isinstance(data, list) else data
        cal = icalendar.Calendar.from_ical(text)
        uid = str(next(c for c in cal.subcomponents if c.name in ("VEVENT", "VTODO"))["UID"])
        out[uid] = (href, props[dav.GetEtag.tag], cal)
    return out


def _get(url: str) -> tuple[int, bytes, str | None]:
    r = _client().request(url, "GET", "")
    return (
        r.status,
        r.raw if isinstance(r.raw, bytes) else str(r.raw).encode(),
        r.headers.get("ETag"),
    )


def _put(url: str, body: str, etag: str | None = None) -> int:
    headers = {"Content-Type": "text/calendar; charset=utf-8"}
    if etag:
        headers["If-Match"] = etag
    status: int = _client().put(url, body, headers).status
    return status


def _events(cal: icalendar.Calendar) -> list[icalendar.Component]:
    return [c for c in cal.subcomponents if c.name in ("VEVENT", "VTODO")]


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copyfile(EXAMPLES / name, target)
    return target


def _sync(*argv: str | Path) -> Result:
    return run("sync", *argv, "--now", NOW)


def _timelines(*paths: Path) -> list[followup.Timeline]:
    from datetime import datetime

    now = datetime.fromisoformat(NOW)
    return [files.load(p).schedule(now=now) for p in paths]


# --- the sync, end to end ------------------------------------------------------------------------


@pytest.mark.slow
class TestSync:
    def test_first_sync_creates_one_object_per_live_action(
        self, server: Radicale, creds: None
    ) -> None:
        name = f"Job search {uuid.uuid4().hex[:6]}"
        examples = sorted(EXAMPLES.glob("*.toml"))
        res = _sync(*examples, "--caldav", server.root + USER + "/", "--calendar", name)
        assert res.code == 0, res.err
        assert f"calendar '{name}' (created)" in res.out
        timelines = _timelines(*examples)
        live = [a for t in timelines for a in t if a.status is not followup.Status.CANCELLED]
        url = res.out.splitlines()[0].rsplit(": ", 1)[1]
        objects = _objects(url)
        export = followup.to_ical(timelines)
        expected = {str(c["UID"]) for c in _events(export) if c["STATUS"] != "CANCELLED"}
        assert len(objects) == len(live) == len(expected) > 10
        assert set(objects) == expected
        assert f"{len(live)} created" in res.out
        # Each object holds the export's components for its UID, property for property.
        by_uid: dict[str, list[icalendar.Component]] = {}
        for c in _events(export):
            by_uid.setdefault(str(c["UID"]), []).append(c)
        for uid, (_href, _etag, cal) in objects.items():
            mine = _events(cal)
            assert len(mine) == len(by_uid[uid])
            for got, want in zip(mine, by_uid[uid], strict=True):
                for prop in want:
                    assert got.get(prop) == want[prop] or prop == "SEQUENCE", (uid, prop)
                assert got["SEQUENCE"] == 0
                # The sync's own mark, and the file's (the command line names its files).
                assert set(got) - set(want) == {"X-FOLLOWUP-CONTENT", "X-FOLLOWUP-SOURCE"}
                assert [a["TRIGGER"].to_ical() for a in got.walk("VALARM")] == [
                    a["TRIGGER"].to_ical() for a in want.walk("VALARM")
                ]
            tzids = {str(z["TZID"]) for z in cal.walk("VTIMEZONE")}
            assert tzids == {
                str(c["DTSTART"].params["TZID"]) for c in mine if "TZID" in c["DTSTART"].params
            }

    def test_second_sync_writes_nothing(self, server: Radicale, calendar_url: str) -> None:
        examples = sorted(EXAMPLES.glob("*.toml"))
        first = _sync(*examples, "--caldav", calendar_url)
        assert first.code == 0, first.err
        etags = {uid: etag for uid, (_h, etag, _c) in _objects(calendar_url).items()}
        logged = len(server.requests())
        report = fcaldav.sync(_timelines(*examples), calendar_url)
        assert report.writes == 0
        assert report.steps == ()
        assert set(report.requests) <= {"PROPFIND", "REPORT"}
        # 401 challenge, PROPFIND (is it a calendar?), REPORT (the objects and ETags).
        assert sum(report.requests.values()) == 3, report.requests
        assert server.writes(logged) == []
        # Radicale logs the unauthenticated first PROPFIND too.
        assert [m for m, _p in server.requests()[logged:]] == ["PROPFIND", "PROPFIND", "REPORT"]
        assert {uid: etag for uid, (_h, etag, _c) in _objects(calendar_url).items()} == etags
        again = _sync(*examples, "--caldav", calendar_url)
        assert again.code == 0
        assert again.out.splitlines()[-1].endswith("3 HTTP requests, 0 writes")

    def test_mark_done_gives_exactly_one_update(
        self, server: Radicale, calendar_url: str, tmp_path: Path
    ) -> None:
        path = _copy("pending.toml", tmp_path)
        assert _sync(path, "--caldav", calendar_url).code == 0
        before = _objects(calendar_url)
        assert run("mark", path, "thank-you", "--done", "--now", NOW).code == 0
        logged = len(server.requests())
        res = _sync(path, "--caldav", calendar_url)
        assert res.code == 0, res.err
        assert re.search(r"^updated +brightwater[^/]*/thank-you\.daniel-okafor$", res.out, re.M)
        assert "1 updated, 2 unchanged" in res.out
        writes = server.writes(logged)
        assert len(writes) == 1
        assert writes[0][0] == "PUT"
        after = _objects(calendar_url)
        changed = [uid for uid in after if after[uid][1] != before[uid][1]]
        assert len(changed) == 1
        assert "/thank-you." in changed[0]
        event = _events(after[changed[0]][2])[0]
        assert event["SEQUENCE"] == 1
        assert list(event.walk("VALARM")) == []  # a done reminder has no alarm

    def test_outcome_change_cancels_the_pending_only_actions(
        self, server: Radicale, calendar_url: str, tmp_path: Path
    ) -> None:
        path = _copy("pending.toml", tmp_path)
        assert _sync(path, "--caldav", calendar_url).code == 0
        assert (
            run("mark", path, "--outcome", "rejected", "--at", "2026-03-06", "--now", NOW).code == 0
        )
        res = _sync(path, "--caldav", calendar_url)
        assert res.code == 0, res.err
        cancelled = set(re.findall(r"^cancelled +\S+/(\S+)$", res.out, re.M))
        assert cancelled == {"status-check.1", "status-check.2"}
        objects = _objects(calendar_url)
        for uid, (_h, _e, cal) in objects.items():
            event = _events(cal)[0]
            if uid.split("@")[0].rsplit("/", 1)[1] in cancelled:
                assert event["STATUS"] == "CANCELLED"
                assert event["SEQUENCE"] == 1
                assert list(event.walk("VALARM")) == []
                assert "cancelled: the outcome changed to rejected" in str(event["DESCRIPTION"])
            else:
                assert event["STATUS"] == "CONFIRMED"
        assert any("/rejection-reply@" in uid for uid in objects)
        third = _sync(path, "--caldav", calendar_url)
        assert third.out.splitlines()[-1].endswith(" 0 writes")

    @pytest.mark.parametrize(
        ("edit", "old", "new"),
        [
            ("start", "start = 2026-03-03T10:30:00", "start = 2026-03-03T11:00:00"),
            ("company", 'company = "Brightwater Analytics"', 'company = "Brightwater Analytics Inc"'),
            ("role", 'role = "Senior Product Designer"', 'role = "Lead Product Designer"'),
        ],
    )
    def test_after_an_edit_the_calendar_holds_what_a_fresh_export_holds(
        self, server: Radicale, calendar_url: str, tmp_path: Path, edit: str, old: str, new: str
    ) -> None:
        """Issue 12: a corrected start, company or role, then a sync: no stale reminders."""
        path = _copy("pending.toml", tmp_path)
        other = _copy("recruiter-rejected.toml", tmp_path)
        assert _sync(path, other, "--caldav", calendar_url).code == 0
        theirs = {u: etag for u, (_h, etag, _c) in _objects(calendar_url).items() if "nordlicht" in u}
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
        res = _sync(path, "--caldav", calendar_url)
        assert res.code == 0, res.err
        objects = _objects(calendar_url)
        live = {
            uid
            for uid, (_h, _e, cal) in objects.items()
            if "nordlicht" not in uid and any(e["STATUS"] != "CANCELLED" for e in _events(cal))
        }
        fresh = followup.to_ical(_timelines(path))
        assert live == {str(c["UID"]) for c in _events(fresh) if c["STATUS"] != "CANCELLED"}
        for uid, (_h, _e, cal) in objects.items():
            if "nordlicht" not in uid and uid not in live:
                assert all(e["SEQUENCE"] >= 1 and not list(e.walk("VALARM")) for e in _events(cal))
        # The other interview's objects were not written.
        assert {u: e for u, (_h, e, _c) in objects.items() if "nordlicht" in u} == theirs
        again = _sync(path, "--caldav", calendar_url)
        assert again.out.splitlines()[-1].endswith(" 0 writes")

    def test_an_event_of_another_client_stays_byte_for_byte(
        self, server: Radicale, calendar_url: str, tmp_path: Path
    ) -> None:
        foreign = {
            "dentist.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone//App//EN\r\n"
            "BEGIN:VEVENT\r\nUID:dentist-42@example.com\r\nDTSTAMP:20261101T120000Z\r\n"
            "DTSTART:20261130T150000Z\r\nDTEND:20261130T160000Z\r\nSUMMARY:Dentist\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n",
            # Our domain, but no X-FOLLOWUP-HASH: not written by followup, so never touched.
            "lookalike.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone//App//EN\r\n"
            "BEGIN:VEVENT\r\nUID:brightwater-analytics.senior-product-designer.20260303T1530Z/"
            "mine@followup.invalid\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:20261130T150000Z\r\n"
            "SUMMARY:My own note\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        }
        for name, body in foreign.items():
            assert _put(calendar_url + name, body) == 201
        kept = {name: _get(calendar_url + name) for name in foreign}
        logged = len(server.requests())
        logged = len(server.requests())
        path = _copy("pending.toml", tmp_path)
        assert _sync(path, "--caldav", calendar_url).code == 0
        run("mark", path, "thank-you", "--done", "--now", NOW)
        run("mark", path, "--outcome", "rejected", "--at", "2026-03-06", "--now", NOW)
        res = _sync(path, "--caldav", calendar_url)
        assert res.code == 0, res.err
        assert "cancelled" in res.out
        assert "updated" in res.out
        synced = server.requests()[logged:]
        for name in foreign:
            assert _get(calendar_url + name) == kept[name]
        # Read in the REPORT, never requested on their own by the sync.
        assert not [p for _m, p in synced if p.endswith(tuple(foreign))]

    def test_wrong_password_exits_1_without_the_password(
        self, server: Radicale, calendar_url: str, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str],
    ) -> None:  # fmt: skip
        wrong = "Wr0ng-pa55word-5e1b"
        monkeypatch.setenv("FOLLOWUP_CALDAV_PASSWORD", wrong)
        res = _sync(EXAMPLES / "pending.toml", "--caldav", calendar_url, "--verbose")
        captured = capfd.readouterr()
        everything = res.out + res.err + captured.out + captured.err
        assert res.code == 1
        assert res.err.startswith("error: ")
        assert res.err.count("\n") == 1
        assert calendar_url in res.err
        assert "'sam'" in res.err
        assert "401" in res.err
        assert "Traceback" not in everything
        assert wrong not in everything
        assert PASSWORD not in everything
        assert "http: PROPFIND" in captured.err  # --verbose printed the requests, and no header
        # The installed command, in its own process: nothing from the libraries leaks either.
        env = {**os.environ, "FOLLOWUP_CALDAV_PASSWORD": wrong, "FOLLOWUP_DEBUG": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "followup", "sync", str(EXAMPLES / "pending.toml"),
             "--caldav", calendar_url, "--verbose", "--now", NOW],
            capture_output=True, text=True, env=env, check=False, timeout=120,
        )  # fmt: skip
        assert done.returncode == 1
        assert wrong not in done.stdout + done.stderr
        assert "Traceback" not in done.stderr

    def test_forbidden_and_missing_calendars(self, server: Radicale, calendar_url: str) -> None:
        other = server.root + OTHER_USER + "/"
        _client(OTHER_USER, OTHER_PASSWORD).get_principal().make_calendar(name="private")
        res = _sync(EXAMPLES / "pending.toml", "--caldav", other)
        assert res.code == 1
        assert "403" in res.err
        assert other in res.err
        missing = server.root + USER + "/nosuch/"
        res = _sync(EXAMPLES / "pending.toml", "--caldav", missing)
        assert res.code == 1
        assert "not found (404)" in res.err
        assert missing in res.err
        home = server.root + USER + "/"
        res = _sync(EXAMPLES / "pending.toml", "--caldav", home)
        assert res.code == 1
        assert "is not a calendar" in res.err
        for r in (res,):
            assert "Traceback" not in r.err
            assert PASSWORD not in r.err

    def test_server_stopped_mid_run_then_a_rerun_converges(
        self, tmp_path: Path, creds: None, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "own").mkdir()
        rad = Radicale(tmp_path / "own")
        rad.start()
        try:
            _ROOT[:] = [rad.root]
            url = str(_client().get_principal().make_calendar(name="Jobs").url)
            path = _copy("pending.toml", tmp_path)
            assert _sync(path, "--caldav", url).code == 0
            run("mark", path, "--outcome", "rejected", "--at", "2026-03-06", "--now", NOW)
            real_put = fcaldav.Calendar._put
            calls: list[str] = []

            def put_then_stop(self: Any, href: str, body: bytes, etag: str | None) -> int:
                if calls:
                    rad.stop()
                calls.append(href)
                return real_put(self, href, body, etag)

            monkeypatch.setattr(fcaldav.Calendar, "_put", put_then_stop)
            res = _sync(path, "--caldav", url)
            monkeypatch.setattr(fcaldav.Calendar, "_put", real_put)
            assert res.code == 1
            assert "connection refused" in res.err
            assert "run the same sync again" in res.err
            assert "Traceback" not in res.err
            assert PASSWORD not in res.out + res.err
            lines = res.out.splitlines()
            done = [line for line in lines if re.match(r"^(created|cancelled|updated) ", line)]
            failed = [line for line in lines if line.startswith("FAILED ")]
            untried = [line for line in lines if line.startswith("not tried ")]
            assert len(done) == 1
            assert len(failed) == 1
            assert len(done) + len(failed) + len(untried) >= 3
            rad.start()
            again = _sync(path, "--caldav", url)
            assert again.code == 0, again.err
            assert "created" in again.out or "cancelled" in again.out
            assert re.search(r"^(created|cancelled) .*$", again.out, re.M)
            # Converged: the state is what one uninterrupted sync gives, and nothing is left.
            third = _sync(path, "--caldav", url)
            assert third.out.splitlines()[-1].endswith(" 0 writes")
            states = {
                uid.rsplit("/", 1)[1]: str(_events(c)[0]["STATUS"])
                for uid, (_h, _e, c) in _objects(url).items()
            }
            assert states["status-check.1@followup.invalid"] == "CANCELLED"
            assert states["status-check.2@followup.invalid"] == "CANCELLED"
            assert states["rejection-reply@followup.invalid"] == "CONFIRMED"
        finally:
            rad.stop()

    def test_an_edit_on_the_server_gives_412_and_is_kept(
        self, server: Radicale, calendar_url: str, tmp_path: Path
    ) -> None:
        path = _copy("pending.toml", tmp_path)
        assert _sync(path, "--caldav", calendar_url).code == 0
        run("mark", path, "thank-you", "--done", "--now", NOW)
        cal = fcaldav.connect(calendar_url)
        plan = cal.plan(_timelines(path))
        assert [s.kind for s in plan.steps] == ["update"]
        # The person edits the reminder in their calendar app between the read and the write.
        uid = plan.steps[0].uid
        href, etag, parsed = _objects(calendar_url)[uid]
        _events(parsed)[0]["SUMMARY"] = "Thank Daniel – moved to Friday"
        assert _put(calendar_url + href.rsplit("/", 1)[1], parsed.to_ical().decode(), etag) in (
            200,
            201,
            204,
        )
        edited = _get(calendar_url + href.rsplit("/", 1)[1])
        logged = len(server.requests())
        report = cal.apply(plan)
        assert [s.kind for s in report.steps] == ["conflict"]
        assert "your version was kept" in report.steps[0].detail
        assert not report.ok
        # One conditional PUT (refused with 412), one GET, no second PUT.
        assert [m for m, _p in server.requests()[logged:]] == ["PUT", "GET"]
        assert "412" in server.log.read_text(errors="replace") or True
        assert _get(calendar_url + href.rsplit("/", 1)[1]) == edited
        # The next run says so again and still does not overwrite; exit 1.
        res = _sync(path, "--caldav", calendar_url)
        assert res.code == 1
        assert "conflict" in res.out
        assert "left as it was" in res.err
        assert _get(calendar_url + href.rsplit("/", 1)[1]) == edited
        # Deleting the event in the calendar hands it back to the plan.
        assert _client().delete(calendar_url + href.rsplit("/", 1)[1]).status in (200, 204)
        res = _sync(path, "--caldav", calendar_url)
        assert res.code == 0
        assert re.search(r"^created .*thank-you", res.out, re.M)

    def test_a_cancelled_edit_keeps_the_persons_time_and_text(
        self, server: Radicale, calendar_url: str, tmp_path: Path
    ) -> None:
        path = _copy("pending.toml", tmp_path)
        assert _sync(path, "--caldav", calendar_url).code == 0
        objects = _objects(calendar_url)
        uid = next(u for u in objects if "/status-check.1@" in u)
        href, etag, parsed = objects[uid]
        _events(parsed)[0]["SUMMARY"] = "Call Lena instead"
        assert _put(calendar_url + href.rsplit("/", 1)[1], parsed.to_ical().decode(), etag) in (
            200,
            201,
            204,
        )
        run("mark", path, "--outcome", "rejected", "--at", "2026-03-06", "--now", NOW)
        res = _sync(path, "--caldav", calendar_url)
        assert res.code == 0, res.err
        assert "your edit of its time and text was kept" in res.out
        event = _events(_objects(calendar_url)[uid][2])[0]
        assert (event["SUMMARY"], event["STATUS"]) == ("Call Lena instead", "CANCELLED")
        assert _sync(path, "--caldav", calendar_url).out.splitlines()[-1].endswith(" 0 writes")

    def test_412_without_a_visible_change_is_retried(
        self, server: Radicale, calendar_url: str, tmp_path: Path
    ) -> None:
        path = _copy("pending.toml", tmp_path)
        assert _sync(path, "--caldav", calendar_url).code == 0
        run("mark", path, "thank-you", "--done", "--now", NOW)
        cal = fcaldav.connect(calendar_url)
        plan = cal.plan(_timelines(path))
        uid = plan.steps[0].uid
        href, etag, parsed = _objects(calendar_url)[uid]
        # Rewritten with the same content (another device re-saving it): a new ETag only.
        _events(parsed)[0]["X-SOMETHING"] = "x"
        assert _put(calendar_url + href.rsplit("/", 1)[1], parsed.to_ical().decode(), etag) in (
            200,
            201,
            204,
        )
        report = cal.apply(plan)
        assert [(s.kind, s.done) for s in report.steps] == [("update", True)]
        assert report.requests["PUT"] == 2
        # One more than the version it replaced (the other client left SEQUENCE at 0).
        assert _events(_objects(calendar_url)[uid][2])[0]["SEQUENCE"] == 1
        assert "X-SOMETHING" not in _events(_objects(calendar_url)[uid][2])[0]

    def test_dry_run_writes_nothing(
        self, server: Radicale, calendar_url: str, tmp_path: Path
    ) -> None:
        path = _copy("pending.toml", tmp_path)
        logged = len(server.requests())
        res = _sync(path, "--caldav", calendar_url, "--dry-run")
        assert res.code == 0
        assert (
            re.findall(r"^would create +\S+", res.out, re.M)
        )
        assert (
            "dry run: nothing written" in res.out
        )
        assert server.writes(logged) == []
        assert _objects(calendar_url) == {}

    def test_several_files_one_calendar(
        self, server: Radicale, calendar_url: str, tmp_path: Path
    ) -> None:
        a = _copy("pending.toml", tmp_path)
        b = _copy("recruiter-rejected.toml", tmp_path)
        assert _sync(a, b, "--caldav", calendar_url).code == 0
        keys = {uid.split("/")[0] for uid in _objects(calendar_url)}
        assert len(keys) == 2
        # A run with one file leaves the other interview's reminders alone.
        logged = len(server.requests())
        res = _sync(a, "--caldav", calendar_url)
        assert res.code == 0
        assert server.writes(logged) == []
        twice = _sync(a, a, "--caldav", calendar_url)
        assert twice.code == 1
        assert "same interview" in twice.err


@pytest.mark.slow
class TestDocsExample:
    def test_the_python_example_of_the_sync_page_runs(
        self, server: Radicale, calendar_url: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        page = (ROOT / "docs" / "sync.md").read_text(encoding="utf-8")
        (block,) = re.findall(r"^```python\n(.*?)^```", page, re.DOTALL | re.MULTILINE)
        namespace: dict[str, Any] = {}
        exec(compile(block, "sync.md", "exec"), namespace)
        timelines = _timelines(EXAMPLES / "pending.toml")
        report = namespace["preview_then_sync"](timelines, calendar_url)
        assert [s.kind for s in report.steps] == ["create"] * 3
        assert capsys.readouterr().out.count("would create ") == 3
        again = namespace["push"](timelines, calendar_url)
        assert (again.steps, again.writes, again.unchanged) == ((), 0, 3)


# --- faults that Radicale does not produce: a server of our own on loopback -----------------------


class _Handler(BaseHTTPRequestHandler):
    mode = "garbage"

    def do_PROPFIND(self) -> None:
        if self.mode == "hang":
            time.sleep(3)
        body = b"<<this is not XML"
        self.send_response(207)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def _odd_server(mode: str) -> Iterator[str]:
    handler = type("H", (_Handler,), {"mode": mode})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/cal/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.slow
class TestFaults:
    def test_malformed_response(self, creds: None) -> None:
        pytest.importorskip("caldav")
        with _odd_server("garbage") as url:
            res = _sync(EXAMPLES / "pending.toml", "--caldav", url)
        assert res.code == 1
        assert "malformed response" in res.err
        assert url in res.err
        assert "Traceback" not in res.err
        assert PASSWORD not in res.err

    def test_timeout(self, creds: None) -> None:
        pytest.importorskip("caldav")
        with _odd_server("hang") as url:
            res = _sync(EXAMPLES / "pending.toml", "--caldav", url, "--timeout", "1")
        assert res.code == 1
        assert "timed out" in res.err, res.err

    def test_connection_refused(self, creds: None) -> None:
        pytest.importorskip("caldav")
        url = f"http://127.0.0.1:{_free_port()}/cal/"
        res = _sync(EXAMPLES / "pending.toml", "--caldav", url)
        assert res.code == 1
        assert "connection refused" in res.err
        assert url in res.err


# --- credentials and URLs (no server) ------------------------------------------------------------


class TestCredentials:
    def test_environment_first(self, tmp_path: Path) -> None:
        netrc = tmp_path / "netrc"
        netrc.write_text("machine cal.example.com login nina password from-netrc\n")
        netrc.chmod(0o600)
        env = {"FOLLOWUP_CALDAV_USER": "sam", "FOLLOWUP_CALDAV_PASSWORD": "from-env"}
        c = fcaldav.find_credentials("https://cal.example.com/dav/", environ=env, netrc_file=netrc)
        assert (c.user, c.password, c.source) == ("sam", "from-env", "environment")
        assert "from-env" not in repr(c) + str(c)

    def test_netrc(self, tmp_path: Path) -> None:
        netrc = tmp_path / "netrc"
        netrc.write_text("machine cal.example.com login nina password from-netrc\n")
        netrc.chmod(0o600)
        c = fcaldav.find_credentials(
            "https://cal.example.com/dav/", environ={}, netrc_file=netrc, use_keyring=False
        )
        assert (c.user, c.password, c.source) == ("nina", "from-netrc", "~/.netrc")
        other = fcaldav.find_credentials(
            "https://elsewhere.example/", environ={}, netrc_file=netrc, use_keyring=False
        )
        assert other == fcaldav.Credentials()

    def test_a_broken_netrc_is_reported_without_its_contents(self, tmp_path: Path) -> None:
        netrc = tmp_path / "netrc"
        netrc.write_text(
            "machine cal.example.com login nina password s3cr3t-in-netrc\nbogus s3cr3t-2\n"
        )
        netrc.chmod(0o600)
        with pytest.raises(SyncError) as info:
            fcaldav.find_credentials(
                "https://cal.example.com/", environ={"NETRC": str(netrc)}, use_keyring=False
            )
        assert "s3cr3t" not in str(info.value)
        assert str(netrc) in str(info.value)

    def test_keyring(self, monkeypatch: pytest.MonkeyPatch) -> None:
        keyring = pytest.importorskip("keyring")
        from keyring.backend import KeyringBackend

        class Memory(KeyringBackend):
            priority = 1  # type: ignore[assignment]
            store: dict[tuple[str, str], str] = {}  # noqa: RUF012

            def get_password(self, service: str, username: str) -> str | None:
                return self.store.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.store[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.store.pop((service, username), None)

        old = keyring.get_keyring()
        keyring.set_keyring(Memory())
        try:
            keyring.set_password("followup-caldav:cal.example.com", "sam", "from-keyring")
            c = fcaldav.find_credentials(
                "https://cal.example.com/", environ={"FOLLOWUP_CALDAV_USER": "sam"},
                netrc_file=Path("/nonexistent"),
            )  # fmt: skip
            assert (c.user, c.password, c.source) == ("sam", "from-keyring", "keyring")
        finally:
            keyring.set_keyring(old)

    def test_password_without_user(self) -> None:
        with pytest.raises(SyncError, match="FOLLOWUP_CALDAV_USER"):
            fcaldav.find_credentials(
                "https://x.example/", environ={"FOLLOWUP_CALDAV_PASSWORD": "p"}
            )


class TestURLs:
    @pytest.mark.parametrize(
        "url", ["http://caldav.example.com/dav/", "http://10.0.0.5/cal/", "http://[2001:db8::1]/c/"]
    )
    def test_plain_http_needs_insecure_http(self, url: str, creds: None) -> None:
        res = _sync(EXAMPLES / "pending.toml", "--caldav", url)
        assert res.code == 1
        assert "--insecure-http" in res.err

    def test_credentials_in_the_url_are_refused_and_not_echoed(self, creds: None) -> None:
        res = _sync(
            EXAMPLES / "pending.toml", "--caldav", "https://sam:hunter2-xyz@cal.example.com/"
        )
        assert res.code == 1
        assert "hunter2-xyz" not in res.out + res.err
        assert "FOLLOWUP_CALDAV_USER" in res.err

    def test_not_a_url(self, creds: None) -> None:
        res = _sync(EXAMPLES / "pending.toml", "--caldav", "ftp://cal.example.com/")
        assert res.code == 1
        assert "https://" in res.err

    def test_there_is_no_password_flag(self) -> None:
        help_text = run("sync", "--help").out
        assert "--password" not in help_text
        assert "--user" not in help_text

    def test_without_the_caldav_package(self, monkeypatch: pytest.MonkeyPatch, creds: None) -> None:
        monkeypatch.setitem(sys.modules, "caldav.davclient", None)
        res = _sync(EXAMPLES / "pending.toml", "--caldav", "https://cal.example.com/dav/")
        assert res.code == 1
        assert "pip install -e '.[caldav]'" in res.err

    def test_import_followup_and_other_commands_do_not_load_caldav(self) -> None:
        code = (
            "import sys, followup, followup.cli\n"
            "from followup.cli import main\n"
            "import io\n"
            "main(['plan', 'examples/pending.toml', '--now', '2026-11-25T09:00-05:00'], stdout=io.StringIO())\n"
            "main(['feed', 'examples/pending.toml', '-o', sys.argv[1]], stdout=io.StringIO())\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('caldav', 'niquests', 'requests', 'keyring')]\n"
            "assert not bad and 'followup.caldav' not in sys.modules, bad\n"
        )
        import tempfile

        with tempfile.TemporaryDirectory() as d:
            done = subprocess.run(
                [sys.executable, "-c", code, str(Path(d) / "f.ics")],
                cwd=ROOT, capture_output=True, text=True, check=False,
            )  # fmt: skip
        assert done.returncode == 0, done.stderr


# --- the subscription feed -------------------------------------------------------------------------


class TestFeed:
    def test_every_interview_in_one_calendar(self, tmp_path: Path) -> None:
        examples = sorted(EXAMPLES.glob("*.toml"))
        out = tmp_path / "feed.ics"
        res = run("feed", *examples, "-o", out, "--now", NOW)
        assert res.code == 0, res.err
        assert res.out.startswith(f"wrote {out}: {len(examples)} interviews, ")
        cal = icalendar.Calendar.from_ical(out.read_bytes())
        keys = {str(c["UID"]).split("/")[0] for c in _events(cal)}
        assert len(keys) == len(examples) == 4
        assert str(cal["X-WR-CALNAME"]) == "Job search"
        assert "METHOD" not in cal
        timelines = _timelines(*examples)
        assert {str(c["UID"]) for c in _events(cal)} == {
            str(c["UID"]) for c in _events(followup.to_ical(timelines))
        }

    def test_byte_identical_across_runs(self, tmp_path: Path) -> None:
        examples = sorted(EXAMPLES.glob("*.toml"))
        a, b = tmp_path / "a.ics", tmp_path / "b.ics"
        assert run("feed", *examples, "-o", a).code == 0
        time.sleep(1.1)  # a DTSTAMP from the clock would differ now
        assert run("feed", *examples, "-o", b).code == 0
        assert a.read_bytes() == b.read_bytes()
        assert run("feed", *examples, "-o", a).code == 0
        assert a.read_bytes() == b.read_bytes()

    def test_dtstamp_is_the_latest_moment_in_the_files(self, tmp_path: Path) -> None:
        out = tmp_path / "feed.ics"
        assert run("feed", EXAMPLES / "final-round-rejected.toml", "-o", out).code == 0
        f = files.load(EXAMPLES / "final-round-rejected.toml")
        stamps = {c["DTSTAMP"].dt for c in _events(icalendar.Calendar.from_ical(out.read_bytes()))}
        assert len(stamps) == 1
        (stamp,) = stamps
        assert stamp >= f.interview.start

    def test_refuses_to_write_over_an_input(self, tmp_path: Path) -> None:
        path = _copy("pending.toml", tmp_path)
        before = path.read_bytes()
        res = run("feed", path, "-o", path)
        assert res.code == 1
        assert "input file" in res.err or "interview files" in res.err
        assert path.read_bytes() == before


class TestObjects:
    """What sync writes is the calendar package's own per-object export (issue 18)."""

    def test_each_body_is_the_exports_object_plus_the_content_mark(self) -> None:
        from datetime import timedelta

        from followup.ical import calendar_objects

        timelines = _timelines(*sorted(EXAMPLES.glob("*.toml")))
        options = {"domain": "followup.invalid", "alarm": timedelta(minutes=15)}
        new = fcaldav._export_objects(timelines, **options)
        plan = fcaldav._rendered(
            fcaldav._plan("http://127.0.0.1/cal/", None, [], new, stamp=followup.ical.dtstamp(timelines)),
            timelines,
            options,
        )
        export = {o.uid: o for o in calendar_objects(timelines, **options)}
        creates = [w for w in plan._writes if w.etag is None]
        assert len(creates) == len([o for o in new if o.live]) > 10
        for w in creates:
            lines = w.body.split(b"\r\n")
            marks = [line for line in lines if line.startswith(b"X-FOLLOWUP-CONTENT:")]
            assert len(marks) == export[w.uid].data.count(b"BEGIN:VEVENT") >= 1
            assert b"\r\n".join(x for x in lines if x not in marks) == export[w.uid].data
            assert w.new_hashes == tuple(sorted(export[w.uid].digests))

    def test_the_keys_and_the_stamp_are_the_exports(self) -> None:
        from followup.ical import dtstamp, interview_keys, uid_for

        timelines = _timelines(*sorted(EXAMPLES.glob("*.toml")))
        keys = interview_keys(timelines)
        assert keys == {uid_for(a).split("/", 1)[0] for t in timelines for a in t}
        assert dtstamp(timelines) == max(t.now for t in timelines)
