"""Atomic file replacement (private).

A reader of the target sees either the old content or the new content, never a
half-written file, and a crash or an error mid-write leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat

__all__ = ["write_atomic"]

_OPEN_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
)
_TEMP_ATTEMPTS = 100


def _create_temp(directory: str, name: str) -> tuple[int, str]:
    """Create a new, empty temporary file next to the target; return its descriptor and path.

    The file is opened with mode ``0o666`` so that the process umask applies, exactly
    as it does for a file created with ``open(path, "wb")``.
    """
    for _ in range(_TEMP_ATTEMPTS):
        temp = os.path.join(directory, f".{name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temp, _OPEN_FLAGS, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file next to {name!r} in {directory!r}")


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd`` (``os.write`` may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_directory(directory: str) -> None:
    """Flush the directory entry of a rename to disk; best effort.

    Some platforms (Windows) and file systems cannot open or fsync a directory;
    the rename has still happened, so errors are ignored.
    """
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, atomically.

    The data goes to a temporary file in the same directory, which is flushed and
    fsynced, given the permission bits of the file it replaces, and renamed over
    the target with ``os.replace``; the directory is then fsynced (best effort).
    On any error, or an interruption such as ``KeyboardInterrupt``, the temporary
    file is removed, the target is left untouched and the exception propagates.

    A new file gets mode ``0o666`` minus the umask (``0o644`` with the usual umask
    ``022``), like a file created with ``open()``. If ``path`` is a symbolic link,
    the file it points to is replaced and the link is kept. A target that exists
    but is not a regular file (``/dev/null``, a FIFO) is written to directly.

    Args:
        path: The file to create or replace. Its directory must exist.
        data: The complete new content.

    Raises:
        OSError: the file could not be written or replaced (the target is unchanged).
    """
    target = os.path.realpath(os.fspath(path))
    directory, name = os.path.split(target)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        mode: int | None = None
    else:
        if not stat.S_ISREG(info.st_mode):
            # /dev/null, a FIFO, a terminal: renaming over it would replace the device itself.
            with open(target, "wb") as fh:
                fh.write(data)
            return
        mode = stat.S_IMODE(info.st_mode)
    fd, temp = _create_temp(directory, name)
    try:
        try:
            if mode is not None:
                os.chmod(temp, mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(directory)
