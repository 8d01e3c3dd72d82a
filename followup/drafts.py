"""Drafted messages as ``.eml`` drafts and ``mailto:`` links.

[`to_eml`][followup.drafts.to_eml] turns a [`Message`][followup.model.Message] into an RFC 5322 message
marked ``X-Unsent: 1``, which Outlook and Thunderbird open as an editable draft;
[`write_eml`][followup.drafts.write_eml] writes one such file per message; [`mailto`][followup.drafts.mailto] gives an
RFC 6068 link that opens the user's mail client with the message filled in.

Header safety: no value from a message can add a header or a line break to a
header. Names and subjects are cleaned first (control characters, line and
paragraph separators become spaces, runs of whitespace collapse to one space).
Text containing the RFC 2047 marker ``=?`` is then written as encoded words by
`email.header.Header`, so that it reads back literally instead of being
decoded, by Python's own ``email`` package when the header is set as well as by
mail clients, into something else (line breaks included). Non-ASCII names and
subjects take the same route, because ``email``'s folding can turn a space of the
text into the white space between two encoded words, which RFC 2047 readers drop.
Email addresses are not cleaned but checked: one that is not a plain address
raises [`ExportError`][followup.errors.ExportError], as a silently dropped recipient
would be worse than an error.

The output is deterministic: the same message (and the same ``date`` and
``message_id``) always gives the same bytes; no clock, random or host name is used.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from followup._atomic import write_atomic
from followup._ids import slug
from followup.errors import ExportError

if TYPE_CHECKING:
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.policy import Policy

    from followup.model import Message

__all__ = ["mailto", "to_eml", "write_eml"]


@cache
def _policy() -> Policy:
    """RFC 5322 output: CRLF line ends, 78-column folding, RFC 2047 for non-ASCII headers.

    ``email``'s header machinery is imported here, on the first ``.eml``: a calendar
    export only needs [`mailto`][followup.drafts.mailto], and the package costs a fifth of the start-up.
    """
    from email.policy import default

    return default.clone(linesep="\r\n")

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
"""Control characters, lone surrogates, line and paragraph separators."""

_ADDRESS_FORBIDDEN = frozenset('<>()[],;:"\\')
_MESSAGE_ID = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_ASCII_ESCAPES = {chr(b): f"%{b:02X}" for b in range(128)}


def _percent(text: str, safe: str = "") -> str:
    """``urllib.parse.quote(text, safe=safe)``: UTF-8, uppercase hex, ``/`` encoded too.

    One ``str.replace`` per distinct character to encode (``%`` first, so no escape
    is encoded twice) rather than ``quote``'s Python call per byte: a draft has a
    dozen distinct characters to encode and hundreds of them, and this was a fifth
    of the calendar export's time (through [`mailto`][followup.drafts.mailto]).
    """
    todo = set(text) - _UNRESERVED
    todo.difference_update(safe)
    if not todo:
        return text
    if "%" in todo:
        text = text.replace("%", "%25")
        todo.discard("%")
    for ch in todo:
        escape = _ASCII_ESCAPES.get(ch) or "%" + ch.encode("utf-8").hex("%").upper()
        text = text.replace(ch, escape)
    return text


_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_MAX_LINE = 78


def _clean_text(text: str) -> str:
    """Make free text safe for one header line.

    Control characters (CR, LF and NUL included), lone surrogates, and Unicode line
    and paragraph separators become spaces; runs of whitespace become one space;
    leading and trailing whitespace goes.

    Args:
        text: A name or a subject.

    Returns:
        The text on one line, possibly empty.
    """
    if text.isprintable():  # the usual case: no control character, separator or surrogate
        return " ".join(text.split())
    spaced = "".join(" " if unicodedata.category(ch) in _UNSAFE_CATEGORIES else ch for ch in text)
    return " ".join(spaced.split())


def _normal_body(body: str) -> str:
    r"""The body with every line break as ``\n`` and lone surrogates as U+FFFD."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    # A lone surrogate is the only thing UTF-8 cannot encode: try the fast way first.
    try:
        body.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", body)
    return body


def _check_address(address: str, field: str) -> str:
    """Refuse anything that is not one plain ``local@domain`` address.

    Args:
        address: The address as stored in the model.
        field: What it is, for the error message ("to.email").

    Returns:
        The address, unchanged.

    Raises:
        ExportError: it contains whitespace, a control character, a delimiter
            such as ``<``, ``,`` or ``:``, or not exactly one ``@`` between a local
            part and a domain.
    """
    local, at, domain = address.partition("@")
    if address.isprintable():
        # No control character, surrogate or separator; the only printable space is " ".
        bad = " " in address or not _ADDRESS_FORBIDDEN.isdisjoint(address)
    else:
        bad = any(
            ch.isspace()
            or ch in _ADDRESS_FORBIDDEN
            or unicodedata.category(ch) in _UNSAFE_CATEGORIES
            for ch in address
        )
    if bad or not local or not at or not domain or "@" in domain:
        raise ExportError(
            f"{field}: {address!r} is not a plain email address such as 'jane@example.com'"
        )
    return address


def _header_address(address: str, field: str) -> Address:
    """An address for a ``From`` or ``To`` header, checked by ``email`` itself too.

    Raises:
        ExportError: the address is not plain (see `_check_address`), is not
            ASCII (an internationalised address needs SMTPUTF8, which a draft file
            cannot promise), contains ``=?``, or ``email`` does not read it back as
            the same address.
    """
    from email.errors import MessageError
    from email.headerregistry import Address

    _check_address(address, field)
    if not address.isascii() or "=?" in address:
        raise ExportError(
            f"{field}: {address!r} cannot go in a draft's header: use an ASCII address without '=?'"
        )
    try:
        parsed = Address(addr_spec=address)
    except (MessageError, ValueError, IndexError) as exc:
        raise ExportError(f"{field}: {address!r} is not a valid email address: {exc}") from None
    if parsed.addr_spec != address:
        raise ExportError(f"{field}: {address!r} is not a valid email address")
    return parsed


def _needs_encoded_words(text: str) -> bool:
    """Whether this module, rather than ``email``'s folding, encodes the text."""
    return "=?" in text or not text.isascii()


class _EncodedHeader:
    """A header whose free text is written wholly as RFC 2047 encoded words.

    Used for text containing ``=?``, which ``email`` would otherwise decode as an
    encoded word when the header is set and then write out decoded, changing the
    text (and, in Python before the fix for CVE-2024-6923, letting it carry a line
    break); and for any non-ASCII text, whose spaces ``email``'s folding may turn
    into the white space between two encoded words, which RFC 2047 readers ignore
    (``"a 😀 b"`` read back as ``"a 😀b"``).
    `email.header.Header` keeps every space inside an encoded word and
    splits only between whole characters, so every reader decodes the words back
    to exactly the text given.

    ``email``'s policy stores a header object whose ``name`` matches as it is, and
    writes it by calling its ``fold`` method.

    Args:
        name: The header name.
        text: The cleaned text (a subject, or a display name).
        address: For ``From`` and ``To``: the ``addr-spec`` that follows the name.
    """

    def __init__(self, name: str, text: str, address: str | None = None) -> None:
        self.name = name
        self.text = text
        self.address = address

    def fold(self, *, policy: Policy) -> str:
        """The header line(s), folded and ending with ``policy.linesep``."""
        from email.header import Header

        linesep = policy.linesep
        encoded = Header(self.text, charset="utf-8", header_name=self.name).encode(linesep=linesep)
        if self.address is not None:
            angle = f"<{self.address}>"
            last = encoded.rsplit(linesep, 1)[-1]
            first_line_prefix = 0 if linesep in encoded else len(self.name) + 2
            fits = first_line_prefix + len(last) + 1 + len(angle) <= _MAX_LINE
            encoded += (" " if fits else f"{linesep} ") + angle
        return f"{self.name}: {encoded}{linesep}"

    def __str__(self) -> str:
        return self.text if self.address is None else f"{self.text} <{self.address}>"


def _set_mailbox(msg: EmailMessage, name: str, display_name: str, address: Address) -> None:
    from email.headerregistry import Address

    text = _clean_text(display_name)
    if _needs_encoded_words(text):
        msg[name] = _EncodedHeader(name, text, address.addr_spec)
    else:
        msg[name] = Address(display_name=text, addr_spec=address.addr_spec)


def _message_id(value: str) -> str:
    bare = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    if not _MESSAGE_ID.fullmatch(bare) or "=?" in bare:
        raise ExportError(
            f"message_id: {value!r} is not a message id such as 'thank-you.jane@followup.local'"
        )
    return f"<{bare}>"


def to_eml(
    message: Message, *, date: datetime | None = None, message_id: str | None = None
) -> bytes:
    r"""The message as an RFC 5322 draft that mail clients open for editing.

    Headers, in order, each only when there is a value for it: ``From`` (the
    sender's name and address; left out when the sender has no address), ``To``
    (``Jane Doe <jane@acme.example>``; left out when the recipient has no address,
    the greeting in the body still names them), ``Subject``, ``Date``,
    ``Message-ID``, then always ``X-Unsent: 1``, ``MIME-Version: 1.0``,
    ``Content-Type: text/plain; charset="utf-8"`` and
    ``Content-Transfer-Encoding: quoted-printable`` (so the file is pure ASCII and
    any text, NUL bytes and very long lines included, survives). Non-ASCII names
    and subjects are RFC 2047 encoded. Lines end with CRLF, the body's line breaks
    (``\n``, ``\r\n`` or ``\r``) included; the body always ends with a line break.

    Args:
        message: The drafted message. Its channel is not checked: a LinkedIn
            message gives a draft too.
        date: The ``Date`` header: a time-zone-aware datetime. Left out by default
            so that the same message always gives the same bytes.
        message_id: The ``Message-ID`` header, with or without angle brackets,
            such as ``"thank-you.jane-doe@followup.local"``. Left out by default.

    Returns:
        The ``.eml`` file's content.

    Raises:
        ExportError: an email address is not a plain ASCII address, ``date`` is
            naive, or ``message_id`` is not of the form ``left@right``.
    """
    from email.message import EmailMessage

    msg = EmailMessage(policy=_policy())
    sender = message.sender
    if sender is not None and sender.email is not None:
        _set_mailbox(msg, "From", sender.name, _header_address(sender.email, "sender.email"))
    to = message.to
    if to is not None and to.email is not None:
        _set_mailbox(msg, "To", to.name, _header_address(to.email, "to.email"))
    subject = _clean_text(message.subject) if message.subject is not None else ""
    if subject:
        msg["Subject"] = (
            _EncodedHeader("Subject", subject) if _needs_encoded_words(subject) else subject
        )
    if date is not None:
        if date.tzinfo is None or date.utcoffset() is None:
            raise ExportError(f"date: {date!r} must be time-zone-aware")
        msg["Date"] = date
    if message_id is not None:
        msg["Message-ID"] = _message_id(message_id)
    msg["X-Unsent"] = "1"
    msg["MIME-Version"] = "1.0"
    msg.set_content(
        _normal_body(message.body), subtype="plain", charset="utf-8", cte="quoted-printable"
    )
    return msg.as_bytes(policy=_policy())


def mailto(message: Message) -> str:
    """The message as an RFC 6068 ``mailto:`` URI.

    ``mailto:jane@acme.example?subject=Thank%20you&body=Hi%20Jane%2C%0D%0A...``:
    the address, subject and body are UTF-8 and percent-encoded (``+`` too, so it
    never reads as a space), and the body's line breaks are ``%0D%0A``. The address
    is left out (``mailto:?subject=...``) when the recipient has none, and so is an
    empty subject or body. The subject is cleaned as in [`to_eml`][followup.drafts.to_eml].

    Args:
        message: The drafted message.

    Returns:
        The URI. Mail clients may cut very long ones (a few thousand characters).

    Raises:
        ExportError: the recipient's address is not a plain address (it may be
            non-ASCII here: it is percent-encoded).
    """
    to = message.to
    address = ""
    if to is not None and to.email is not None:
        address = _percent(_check_address(to.email, "to.email"), safe="@")
    fields = []
    subject = _clean_text(message.subject) if message.subject is not None else ""
    if subject:
        fields.append("subject=" + _percent(subject))
    body = _normal_body(message.body).replace("\n", "\r\n")
    if body:
        fields.append("body=" + _percent(body))
    return f"mailto:{address}" + ("?" + "&".join(fields) if fields else "")


def _file_stem(message: Message) -> str:
    step = slug(message.step) if message.step else "message"
    if step in _WINDOWS_RESERVED:
        step += "_"
    if message.to is None:
        return step
    return f"{step}.{slug(message.to.name)}"


def write_eml(messages: Iterable[Message], directory: str | os.PathLike[str]) -> list[Path]:
    """Write each message as an ``.eml`` draft (see [`to_eml`][followup.drafts.to_eml]) into ``directory``.

    File names are ASCII and derived from the step and the recipient's name:
    ``thank-you.jane-doe.eml``, or ``thank-you.eml`` for a message without a
    recipient. When two messages would get the same name, the later ones get
    ``-2``, ``-3``, ... in the order given, so the same messages always give the
    same names. Each file is written atomically; an existing file of the same name
    is replaced, and a symbolic link (or FIFO) of that name is replaced by the
    file, never written through. A read-only file of that name is refused. Every
    draft is built before anything is written, so a message that cannot be
    exported leaves the directory untouched.

    Args:
        messages: The messages, in order.
        directory: Where to write; created if missing.

    Returns:
        The paths written, one per message, in the same order.

    Raises:
        ExportError: a message cannot be exported (see [`to_eml`][followup.drafts.to_eml]), or the
            directory or a file cannot be written (``path`` names it).
    """
    folder = Path(directory)
    drafts: list[tuple[Path, bytes]] = []
    used: set[str] = set()
    for message in messages:
        stem = _file_stem(message)
        name, n = f"{stem}.eml", 1
        while name.casefold() in used:
            n += 1
            name = f"{stem}-{n}.eml"
        used.add(name.casefold())
        drafts.append((folder / name, to_eml(message)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {folder}: {exc}", path=str(folder)) from exc
    for path, data in drafts:
        try:
            write_atomic(path, data, follow_symlinks=False)  # never through a planted link
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc}", path=str(path)) from exc
    return [path for path, _ in drafts]
