"""Reading the user's files without hanging or filling memory (private).

Every file the tool reads by name (interview files, template files, drafts for
``check``) goes through `read_file`, so one set of rules applies:

* only a regular file is read: a device (``/dev/zero``), a FIFO, a socket or a
  directory is refused at once, and opening a FIFO never waits for a writer;
* a file over its size limit is refused before it is read (and a file that
  grows while it is read is cut off at the limit + 1 byte and refused).

Standard input (``check -``) goes through `read_stream`, which applies the
size limit.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import IO, AnyStr

__all__ = ["MAX_INTERVIEW_FILE", "MAX_TEMPLATE_FILE", "InputTooLarge", "NotAFile", "read_file", "read_stream"]

MAX_INTERVIEW_FILE = 10 * 1024 * 1024
"""The largest interview file read, in bytes (10 MB; a real one is a few KB)."""

MAX_TEMPLATE_FILE = 1024 * 1024
"""The largest template file, or draft given to ``check``, in bytes (1 MB)."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotAFile(OSError):
    """The path names a directory, a device, a FIFO or a socket, not a regular file."""


class InputTooLarge(OSError):
    """The file or stream is over its size limit."""


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def _too_large(path: str, what: str, limit: int, size: int | None) -> InputTooLarge:
    shown = f"{size / (1024 * 1024):.1f} MB, " if size is not None else ""
    return InputTooLarge(
        errno.EFBIG,
        f"too large ({shown}over the {_size(limit)} limit for {what})",
        path,
    )


def read_file(path: str | os.PathLike[str], *, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Args:
        path: The file.
        limit: The most bytes accepted.
        what: What the file should be, for messages ("an interview file", "a template").

    Returns:
        The file's content.

    Raises:
        NotAFile: ``path`` is not a regular file (its ``strerror`` says what it is).
        InputTooLarge: the file is over ``limit`` bytes.
        OSError: the file cannot be opened or read (``FileNotFoundError``, ...).
    """
    name = os.fspath(path)
    fd = os.open(name, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((words for test, words in _KINDS if test(info.st_mode)), "not a file")
            raise NotAFile(
                errno.EINVAL, f"it is {kind}, not a regular file: give the path of {what}", name
            )
        if info.st_size > limit:
            raise _too_large(name, what, limit, info.st_size)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise _too_large(name, what, limit, None)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_stream(stream: IO[AnyStr], *, limit: int, what: str, name: str = "<stdin>") -> AnyStr:
    """At most ``limit`` bytes (or characters, from a text stream) of a stream; more is refused.

    Raises:
        InputTooLarge: the stream holds more than ``limit`` bytes.
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(name, what, limit, None)
    return data
