"""Tests for followup.drafts: .eml drafts and mailto: links."""

from __future__ import annotations

import email.policy
import os
import re
import sys
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup import drafts
from followup.drafts import mailto, to_eml, write_eml
from followup.errors import ExportError
from followup.model import Candidate, Contact, Message

SAM = Candidate(name="Sam Rivera", email="sam@example.com")
JANE = Contact(name="Jane Doe", email="jane@acme.example")
BODY = "Hi Jane,\n\nThank you for your time today.\n\nBest,\nSam"

ALWAYS = ["X-Unsent", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"]

NASTY = [
    "\r",
    "\n",
    "\r\n",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\u2028",
    "\u2029",
    "\t",
    ":",
    "Bcc: evil@x",
    "\r\nBcc: evil@x",
    "\nBcc: evil@x\n\n",
    "=?utf-8?q?=0D=0ABcc:_evil@x?=",
    "=?utf-8?b?DQpCY2M6IGV2aWxAeA==?=",
    "=?",
    "?=",
    '"',
    "\\",
    "<evil@x>",
    ",",
    ";",
    "(comment)",
    "Zoë Ångström",
    "王芳",
    "🎉",
    "👩\u200d💻",
    " ",
]


def _message(**overrides: object) -> Message:
    fields: dict[str, object] = {
        "step": "thank-you",
        "channel": "email",
        "to": JANE,
        "subject": "Thank you",
        "body": BODY,
        "sender": SAM,
    }
    fields.update(overrides)
    return Message(**fields)  # type: ignore[arg-type]


def _with(obj: object, **fields: object) -> object:
    """Set fields on a frozen, validated instance, bypassing its validators."""
    for name, value in fields.items():
        object.__setattr__(obj, name, value)
    return obj


def _contact(name: str, email: str | None) -> Contact:
    return _with(Contact(name="Placeholder"), name=name, email=email)  # type: ignore[return-value]


def _candidate(name: str, email: str | None) -> Candidate:
    return _with(Candidate(name="Placeholder"), name=name, email=email)  # type: ignore[return-value]


def _parse(data: bytes) -> EmailMessage:
    parsed = BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(parsed, EmailMessage)
    assert not parsed.defects
    return parsed


def _one_line(text: str) -> str:
    """The cleaning the drafts module promises for names and subjects."""
    unsafe = {"Cc", "Cs", "Zl", "Zp"}
    return " ".join("".join(" " if unicodedata.category(c) in unsafe else c for c in text).split())


def _body_back(parsed: EmailMessage) -> str:
    content = parsed.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def _raw_headers(data: bytes) -> list[bytes]:
    head, sep, _ = data.partition(b"\r\n\r\n")
    assert sep
    return head.split(b"\r\n")


def _display_name(data: bytes, header: str) -> str:
    """Decode a mailbox's display name as RFC 2047 section 6.2 says.

    Python's own parser (before gh-128110) keeps the white space between adjacent
    encoded words of a display name, which RFC 2047 says to ignore, so long
    non-ASCII names come back with extra spaces; this decoder does not.
    """
    raw = BytesParser(policy=email.policy.compat32).parsebytes(data)[header]
    assert isinstance(raw, str)
    [(phrase, _)] = getaddresses([raw.replace("\r\n", "")])
    return str(make_header(decode_header(phrase)))


# --- the draft ------------------------------------------------------------------------------


GOLDEN = (
    b"From: Sam Rivera <sam@example.com>\r\n"
    b"To: Jane Doe <jane@acme.example>\r\n"
    b"Subject: Thank you\r\n"
    b"X-Unsent: 1\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: text/plain; charset="utf-8"\r\n'
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"Hi Jane,\r\n"
    b"\r\n"
    b"Thank you for your time today.\r\n"
    b"\r\n"
    b"Best,\r\n"
    b"Sam\r\n"
)


def test_plain_message_gives_exactly_these_bytes() -> None:
    assert to_eml(_message()) == GOLDEN


def test_output_is_deterministic() -> None:
    message = _message(
        to=Contact(name="Zoë Ångström", email="zoe@acme.example"), subject="Merci 🎉"
    )
    assert to_eml(message) == to_eml(message)
    assert to_eml(message) == to_eml(
        _message(to=Contact(name="Zoë Ångström", email="zoe@acme.example"), subject="Merci 🎉")
    )


def test_message_methods_delegate() -> None:
    message = _message()
    assert message.to_eml() == to_eml(message)
    assert message.mailto() == mailto(message)


def test_parses_back_to_the_same_headers_and_body() -> None:
    parsed = _parse(to_eml(_message()))
    assert list(parsed.keys()) == ["From", "To", "Subject", *ALWAYS]
    [to] = parsed["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Jane Doe", "jane@acme.example")
    [sender] = parsed["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Sam Rivera", "sam@example.com")
    assert parsed["Subject"] == "Thank you"
    assert parsed["X-Unsent"] == "1"
    assert parsed["MIME-Version"] == "1.0"
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content_charset() == "utf-8"
    assert _body_back(parsed) == BODY + "\n"


@pytest.mark.parametrize(
    ("name", "subject", "body"),
    [
        ("Zoë Ångström", "Merci, Zoë — à bientôt", "Hallo Zoë,\n\nschön war’s. Ångström!\n"),
        ("王芳", "感谢您的时间", "王芳您好：\n\n谢谢！\n"),
        ("Ana 🎉 Lima", "Thanks 🙏🏽 👩\u200d💻", "Hi Ana 😀\n\n🎉🎉🎉\n"),
        ('Jane "JD" Doe, PhD', 'Re: (follow-up) "thanks" <3', "a = b; c == d\n"),
    ],
)
def test_non_ascii_and_specials_round_trip(name: str, subject: str, body: str) -> None:
    message = _message(to=Contact(name=name, email="jane@acme.example"), subject=subject, body=body)
    data = to_eml(message)
    assert data.isascii()
    parsed = _parse(data)
    [to] = parsed["To"].addresses
    assert (to.display_name, to.addr_spec) == (name, "jane@acme.example")
    assert parsed["Subject"] == subject
    assert _body_back(parsed) == body


def test_non_ascii_is_rfc2047_encoded() -> None:
    data = to_eml(
        _message(to=Contact(name="Zoë Ångström", email="zoe@acme.example"), subject="王芳")
    )
    headers = dict(line.split(b": ", 1) for line in _raw_headers(data))
    assert headers[b"To"].startswith(b"=?utf-8?")
    assert headers[b"To"].endswith(b"?= <zoe@acme.example>")
    assert headers[b"Subject"].startswith(b"=?utf-8?")


def test_long_non_ascii_name_and_subject_are_folded_and_round_trip() -> None:
    name = "Zoë Ångström-Wołodyjowska " * 4 + "王芳" * 20
    subject = "Merci beaucoup pour l’entretien d’aujourd’hui — " * 5
    data = to_eml(_message(to=Contact(name=name, email="zoe@acme.example"), subject=subject))
    assert all(len(line) <= 78 for line in _raw_headers(data))
    parsed = _parse(data)
    assert parsed["Subject"] == _one_line(subject)
    assert parsed["To"].addresses[0].addr_spec == "zoe@acme.example"
    assert _display_name(data, "To") == name.strip()


def test_body_line_breaks_become_crlf_and_are_kept() -> None:
    body = "one\ntwo\r\nthree\rfour\n\n\nfive  \n\tsix"
    data = to_eml(_message(body=body))
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    assert _body_back(_parse(data)) == "one\ntwo\nthree\nfour\n\n\nfive  \n\tsix\n"


def test_body_with_nul_long_lines_and_separators_survives() -> None:
    body = "a\x00b\x0c\u2028c " + "x" * 500 + "\n.\nFrom me\n"
    data = to_eml(_message(body=body))
    assert max(len(line) for line in data.split(b"\r\n")) <= 78
    assert _body_back(_parse(data)) == body


def test_body_cannot_add_a_header() -> None:
    body = "Bcc: evil@x\r\n\r\nSubject: other\n"
    parsed = _parse(to_eml(_message(body=body)))
    assert list(parsed.keys()) == ["From", "To", "Subject", *ALWAYS]
    assert _body_back(parsed) == "Bcc: evil@x\n\nSubject: other\n"


def test_recipient_without_email_has_no_to_header() -> None:
    message = _message(to=Contact(name="Jane Doe"))
    parsed = _parse(to_eml(message))
    assert list(parsed.keys()) == ["From", "Subject", *ALWAYS]
    assert _body_back(parsed).startswith("Hi Jane,")


def test_no_recipient_no_sender_no_subject() -> None:
    message = _message(to=None, sender=None, subject=None, channel="linkedin-note")
    assert list(_parse(to_eml(message)).keys()) == ALWAYS


def test_sender_without_email_has_no_from_header() -> None:
    parsed = _parse(to_eml(_message(sender=Candidate(name="Sam Rivera"))))
    assert list(parsed.keys()) == ["To", "Subject", *ALWAYS]


def test_blank_subject_is_left_out() -> None:
    assert "Subject" not in _parse(to_eml(_message(subject=" \r\n ")))


def test_date_and_message_id_only_when_given() -> None:
    when = datetime(2026, 11, 20, 18, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    data = to_eml(_message(), date=when, message_id="thank-you.jane-doe@followup.local")
    parsed = _parse(data)
    assert list(parsed.keys()) == ["From", "To", "Subject", "Date", "Message-ID", *ALWAYS]
    assert b"\r\nDate: Fri, 20 Nov 2026 18:30:00 +0100\r\n" in data
    assert parsed["Date"].datetime == when
    assert parsed["Message-ID"] == "<thank-you.jane-doe@followup.local>"
    assert to_eml(_message(), message_id="<a@b>") == to_eml(_message(), message_id="a@b")
    utc = to_eml(_message(), date=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert b"\r\nDate: Fri, 02 Jan 2026 03:04:05 +0000\r\n" in utc


def test_naive_date_is_refused() -> None:
    with pytest.raises(ExportError, match="time-zone-aware"):
        to_eml(_message(), date=datetime(2026, 11, 20, 18, 30))  # noqa: DTZ001


@pytest.mark.parametrize(
    "message_id",
    [
        "",
        "no-at-sign",
        "a b@c",
        "a@b\r\nBcc: evil@x",
        "<a@b>\n",
        "a@b@c",
        "<<a@b>>",
        "=?x?q?y?=@z",
        "é@x",
    ],
)
def test_bad_message_id_is_refused(message_id: str) -> None:
    with pytest.raises(ExportError, match="message_id"):
        to_eml(_message(), message_id=message_id)


BAD_ADDRESSES = [
    "jane@acme.example\r\nBcc: evil@x",
    "jane@acme.example\nBcc: evil@x",
    "jane@acme.example\r",
    "ja\x00ne@acme.example",
    "ja\x7fne@acme.example",
    "jane@acme.example\u2028",
    "Jane <jane@acme.example>",
    "jane@acme.example, evil@x.example",
    "jane@acme.example;evil@x.example",
    "jane doe@acme.example",
    "jane@acme.example ",
    "jane@@acme.example",
    "@acme.example",
    "jane@",
    "jane",
    "",
    '"jane"@acme.example',
    "jane@[127.0.0.1]",
    "jane(x)@acme.example",
    "a:b@acme.example",
    "=?utf-8?q?=0D=0ABcc:_evil@x?=@acme.example",
    "a..b@acme.example",
    ".a@acme.example",
]


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_bad_recipient_address_is_refused(address: str) -> None:
    message = _message(to=_contact("Jane Doe", address))
    with pytest.raises(ExportError, match=r"to\.email"):
        to_eml(message)


@pytest.mark.parametrize("address", BAD_ADDRESSES[:5])
def test_bad_sender_address_is_refused(address: str) -> None:
    with pytest.raises(ExportError, match=r"sender\.email"):
        to_eml(_message(sender=_candidate("Sam", address)))


def test_non_ascii_local_part_is_refused_in_a_draft_but_works_in_mailto() -> None:
    message = _message(to=Contact(name="Jöe", email="jöe@acme.example"))
    with pytest.raises(ExportError, match="ASCII"):
        to_eml(message)
    assert mailto(message).startswith("mailto:j%C3%B6e@acme.example?")


def test_control_characters_in_names_never_add_a_header() -> None:
    message = _message(
        to=_contact("Jane\r\nBcc: evil@x\x00\u2028Doe", "jane@acme.example"),
        sender=_candidate("Sam\nCc: evil@x", "sam@example.com"),
        subject="Thanks\r\nBcc: evil@x\n\nbody?",
    )
    data = to_eml(message)
    parsed = _parse(data)
    assert list(parsed.keys()) == ["From", "To", "Subject", *ALWAYS]
    assert parsed["To"].addresses[0].display_name == "Jane Bcc: evil@x Doe"
    assert parsed["From"].addresses[0].display_name == "Sam Cc: evil@x"
    assert parsed["Subject"] == "Thanks Bcc: evil@x body?"
    assert b"evil" not in data.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize(
    "text",
    [
        "=?utf-8?q?=0D=0ABcc:_evil@x?=",
        "=?utf-8?b?DQpCY2M6IGV2aWxAeA==?=",
        "Re: =?utf-8?q?Zo=C3=AB?= and 王芳",
        "2+2=?",
        "=?",
    ],
)
def test_encoded_word_lookalikes_are_kept_literally(text: str) -> None:
    """Text that looks like RFC 2047 must not be decoded (into a line break, say)."""
    message = _message(to=_contact(text, "jane@acme.example"), subject=text)
    data = to_eml(message)
    parsed = _parse(data)
    assert list(parsed.keys()) == ["From", "To", "Subject", *ALWAYS]
    assert parsed["Subject"] == text
    assert parsed["To"].addresses[0].display_name == text
    assert parsed["To"].addresses[0].addr_spec == "jane@acme.example"


# --- header injection, property-based ------------------------------------------------------

_fragments = st.sampled_from(NASTY)
_nasty_text = st.lists(st.one_of(st.text(max_size=8), _fragments), max_size=8).map("".join)
_names = st.one_of(_nasty_text, st.sampled_from(NASTY)).filter(lambda s: bool(s.strip()))
_emails = st.one_of(
    st.just("jane@acme.example"),
    st.emails(),
    st.sampled_from(BAD_ADDRESSES),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.just("jane@acme.example")),
    st.builds(lambda a, b: a + b, st.just("jane@acme.example"), st.sampled_from(NASTY)),
    st.none(),
)
_HEADER_LINE = re.compile(
    rb"(From|To|Subject|X-Unsent|MIME-Version|Content-Type|Content-Transfer-Encoding):( |$)"
)

_property = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_property
@given(
    to_name=_names,
    to_email=_emails,
    from_name=_names,
    from_email=_emails,
    subject=st.one_of(st.none(), _nasty_text),
    body=_nasty_text,
)
def test_no_field_can_inject_a_header(
    to_name: str,
    to_email: str | None,
    from_name: str,
    from_email: str | None,
    subject: str | None,
    body: str,
) -> None:
    message = _message(
        to=_contact(to_name, to_email),
        sender=_candidate(from_name, from_email),
        subject=subject,
        body=body,
    )
    try:
        data = to_eml(message)
    except ExportError as exc:
        refused: ExportError | None = exc
    else:
        refused = None
    if refused is not None:
        assert "email" in str(refused)  # only a bad address is refused
        return
    # Every raw header line is one of ours or a folded continuation.
    for line in _raw_headers(data):
        assert _HEADER_LINE.match(line) or line[:1] == b" ", line
    assert data.isascii()

    parsed = _parse(data)
    expected = []
    if from_email is not None:
        expected.append("From")
    if to_email is not None:
        expected.append("To")
    if subject is not None and _one_line(subject):
        expected.append("Subject")
    assert list(parsed.keys()) == [*expected, *ALWAYS]
    for name in expected:
        value = str(parsed[name])
        assert "\r" not in value
        assert "\n" not in value
    if to_email is not None:
        [to] = parsed["To"].addresses
        assert to.addr_spec == to_email
        assert "\n" not in to.display_name
        assert "\r" not in to.display_name
        assert _display_name(data, "To") == _one_line(to_name)
    if from_email is not None:
        assert parsed["From"].addresses[0].addr_spec == from_email
        assert _display_name(data, "From") == _one_line(from_name)
    if "Subject" in expected:
        assert parsed["Subject"] == _one_line(subject or "")
    assert _body_back(parsed).rstrip("\n") == re.sub(
        r"[\ud800-\udfff]", "\ufffd", body.replace("\r\n", "\n").replace("\r", "\n")
    ).rstrip("\n")


@_property
@given(
    name=st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=200),
    subject=st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=300),
)
def test_ascii_names_and_subjects_round_trip(name: str, subject: str) -> None:
    name = _one_line(name)
    if not name:
        return
    data = to_eml(_message(to=Contact(name=name, email="jane@acme.example"), subject=subject))
    assert all(len(line) <= 998 for line in _raw_headers(data))
    parsed = _parse(data)
    assert (
        list(parsed.keys()) == ["From", "To"] + (["Subject"] if _one_line(subject) else []) + ALWAYS
    )
    assert parsed["To"].addresses[0].display_name == name
    assert _display_name(data, "To") == name
    if _one_line(subject):
        assert parsed["Subject"] == _one_line(subject)


@settings(max_examples=100, deadline=None)
@given(st.emails())
def test_every_plain_ascii_address_is_accepted(address: str) -> None:
    if "=?" in address:
        return
    parsed = _parse(to_eml(_message(to=_contact("Jane Doe", address))))
    assert parsed["To"].addresses[0].addr_spec == address


@_property
@given(
    name=st.text(
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=30
    ),
    subject=st.text(st.characters(codec="utf-8"), max_size=200),
)
def test_short_names_and_any_subject_round_trip_with_pythons_parser(
    name: str, subject: str
) -> None:
    name = _one_line(name)
    if not name:
        return
    data = to_eml(_message(to=Contact(name=name, email="jane@acme.example"), subject=subject))
    parsed = _parse(data)
    if subject and _one_line(subject):
        assert parsed["Subject"] == _one_line(subject)
    if len(name.encode()) <= 30:  # one encoded word: no gh-128110 extra spaces
        assert parsed["To"].addresses[0].display_name == name
    assert _display_name(data, "To") == name


# --- mailto ----------------------------------------------------------------------------------


def _mailto_parts(uri: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(uri)
    assert parts.scheme == "mailto"
    assert not parts.fragment
    return unquote(parts.path, errors="strict"), parse_qs(parts.query, errors="strict")


def test_mailto_plain() -> None:
    uri = mailto(_message())
    assert uri == (
        "mailto:jane@acme.example?subject=Thank%20you"
        "&body=Hi%20Jane%2C%0D%0A%0D%0AThank%20you%20for%20your%20time%20today.%0D%0A%0D%0ABest%2C%0D%0ASam"
    )
    address, query = _mailto_parts(uri)
    assert address == "jane@acme.example"
    assert query == {"subject": ["Thank you"], "body": [BODY.replace("\n", "\r\n")]}


def test_mailto_encodes_the_address_and_plus() -> None:
    message = _message(
        to=Contact(name="Jane", email="jane+jobs@acme.example"), subject="a+b & c=d #1 50%"
    )
    uri = mailto(message)
    assert uri.startswith(
        "mailto:jane%2Bjobs@acme.example?subject=a%2Bb%20%26%20c%3Dd%20%231%2050%25&"
    )
    address, query = _mailto_parts(uri)
    assert address == "jane+jobs@acme.example"
    assert query["subject"] == ["a+b & c=d #1 50%"]


def test_mailto_without_address_subject_or_body() -> None:
    assert mailto(_message(to=Contact(name="Jane Doe"))).startswith(
        "mailto:?subject=Thank%20you&body="
    )
    assert mailto(_message(to=None, subject=None)).startswith("mailto:?body=Hi%20Jane")
    assert mailto(_message(to=None, subject=None, body="")) == "mailto:"


def test_mailto_refuses_a_bad_address() -> None:
    with pytest.raises(ExportError, match=r"to\.email"):
        mailto(_message(to=_contact("Jane", "jane@acme.example?cc=evil@x")))  # two "@"
    with pytest.raises(ExportError, match=r"to\.email"):
        mailto(_message(to=_contact("Jane", "jane@acme.example\r\nBcc: evil@x")))


@_property
@given(subject=_nasty_text, body=_nasty_text, address=st.emails())
def test_mailto_round_trips(subject: str, body: str, address: str) -> None:
    uri = mailto(_message(to=_contact("Jane", address), subject=subject, body=body))
    assert re.fullmatch(r"mailto:[A-Za-z0-9%@._~-]*(\?[A-Za-z0-9%=&._~-]*)?", uri), uri
    got_address, query = _mailto_parts(uri)
    assert got_address == address
    clean_subject = _one_line(subject)
    clean_body = re.sub(
        r"[\ud800-\udfff]", "\ufffd", body.replace("\r\n", "\n").replace("\r", "\n")
    ).replace("\n", "\r\n")
    assert query.get("subject", [""]) == [clean_subject]
    assert query.get("body", [""]) == [clean_body]
    assert set(query) <= {"subject", "body"}


# --- writing files ---------------------------------------------------------------------------


def test_write_eml_names_files_after_step_and_recipient(tmp_path: Path) -> None:
    messages = [
        _message(),
        _message(to=Contact(name="Zoë Ångström", email="zoe@acme.example")),
        _message(to=Contact(name="王芳", email="wang@acme.example")),
        _message(step="status-check", to=None),
        _message(to=Contact(name="Jane Doe", email="jane.doe@other.example")),
        _message(to=Contact(name="jane doe", email="jd@other.example")),
        _message(step="con", to=Contact(name="Jane Doe", email="jane@acme.example")),
    ]
    out = tmp_path / "drafts" / "nested"
    paths = write_eml(messages, out)
    names = [p.name for p in paths]
    assert names[:2] == ["thank-you.jane-doe.eml", "thank-you.zoe-angstrom.eml"]
    assert re.fullmatch(r"thank-you\.x-[0-9a-f]{8}\.eml", names[2])
    assert names[3:] == [
        "status-check.eml",
        "thank-you.jane-doe-2.eml",
        "thank-you.jane-doe-3.eml",
        "con_.jane-doe.eml",
    ]
    assert all(name.isascii() for name in names)
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    for path, message in zip(paths, messages, strict=True):
        assert path.parent == out
        assert path.read_bytes() == to_eml(message)


def test_write_eml_is_stable_and_replaces(tmp_path: Path) -> None:
    messages = [_message(), _message(to=Contact(name="Zoë Ångström", email="zoe@acme.example"))]
    first = write_eml(messages, tmp_path)
    contents = [p.read_bytes() for p in first]
    second = write_eml(messages, str(tmp_path))
    assert first == second
    assert [p.read_bytes() for p in second] == contents
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first)


def test_write_eml_nothing_to_write(tmp_path: Path) -> None:
    assert write_eml([], tmp_path / "empty") == []


def test_write_eml_bad_message_writes_nothing(tmp_path: Path) -> None:
    messages = [_message(), _message(to=_contact("Eve", "eve@x.example\r\nBcc: a@b"))]
    with pytest.raises(ExportError):
        write_eml(messages, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_write_eml_os_error_becomes_export_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"not a directory")
    with pytest.raises(ExportError) as info:
        write_eml([_message()], blocker)
    assert info.value.path == str(blocker)
    assert isinstance(info.value.__cause__, OSError)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores permissions")
def test_write_eml_unwritable_file_reports_its_path(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportError) as info:
            write_eml([_message()], tmp_path)
    finally:
        tmp_path.chmod(0o700)
    assert info.value.path == str(tmp_path / "thank-you.jane-doe.eml")


def test_module_exports() -> None:
    assert drafts.__all__ == sorted(drafts.__all__) == ["mailto", "to_eml", "write_eml"]


def test_date_from_another_zone_keeps_its_offset() -> None:
    when = datetime(2026, 7, 1, 9, 0, tzinfo=timezone(timedelta(hours=-4)))
    assert b"\r\nDate: Wed, 01 Jul 2026 09:00:00 -0400\r\n" in to_eml(_message(), date=when)


# --- the fast paths give what the slow, obvious code gives ------------------------------------


@_property
@given(text=_nasty_text, safe=st.sampled_from(["", "@"]))
def test_percent_encoding_is_urllib_quote(text: str, safe: str) -> None:
    from urllib.parse import quote

    clean = re.sub(r"[\ud800-\udfff]", "\ufffd", text)  # mailto never passes lone surrogates
    assert drafts._percent(clean, safe) == quote(clean, safe=safe)
    assert drafts._percent(clean + "%41%", safe) == quote(clean + "%41%", safe=safe)


def _clean_text_slow(text: str) -> str:
    spaced = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cs", "Zl", "Zp"} else ch for ch in text
    )
    return " ".join(spaced.split())


@_property
@given(text=_nasty_text)
def test_clean_text_fast_path_matches_the_character_scan(text: str) -> None:
    assert drafts._clean_text(text) == _clean_text_slow(text)
    assert drafts._normal_body(text) == re.sub(
        r"[\ud800-\udfff]", "\ufffd", text.replace("\r\n", "\n").replace("\r", "\n")
    )


@_property
@given(local=_nasty_text, domain=_nasty_text)
def test_address_check_fast_path_matches_the_character_scan(local: str, domain: str) -> None:
    address = f"{local}@{domain}"
    # The address splits at its first "@", as any reader splits it ("@" + "@" + "0" is "" at "@0").
    local, _, domain = address.partition("@")
    slow_bad = (
        not local
        or not domain
        or "@" in domain
        or any(
            ch.isspace()
            or ch in '<>()[],;:"\\'
            or unicodedata.category(ch) in {"Cc", "Cs", "Zl", "Zp"}
            for ch in address
        )
    )
    try:
        drafts._check_address(address, "to.email")
    except ExportError:
        assert slow_bad
    else:
        assert not slow_bad
