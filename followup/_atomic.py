"""Atomic file replacement, and the rules every file the tool writes follows (private).

A reader of the target sees either the old content or the new content, never a
half-written file, and a crash or an error mid-write leaves the old file as it was.

Every write goes through `write_atomic`, so the rules that keep the user's
files safe live here, once:

* a read-only file is refused, as ``open()`` refuses it, unless forced;
* a file the command reads (its interview file) is never written over, by any
  name: the same path, a symbolic link or a hard link (`guard`);
* temporary files of our own pattern (``.NAME.<12 hex digits>.tmp``) that a
  killed process left beside the target are removed once they are a minute old;
* a read-modify-write of one file (``followup mark``) holds a lock (`locked`).
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Iterable, Iterator
from typing import IO

__all__ = [
    "LOCK_TIMEOUT",
    "STALE_TEMP_AGE",
    "RefusedWrite",
    "StagedFile",
    "check_target",
    "guard",
    "locked",
    "write_atomic",
]

STALE_TEMP_AGE = 60.0
"""Seconds after which a temporary file of our pattern is taken as left by a killed process."""

LOCK_TIMEOUT = 10.0
"""Seconds `locked` waits for another process to finish with the file."""

_OPEN_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
)
_TEMP_ATTEMPTS = 100
_COPY_BUFFER = 1 << 20


class RefusedWrite(PermissionError):
    """A write refused to keep the user's data: a read-only target, or the command's own input.

    An ``OSError`` (``EACCES``) like the one ``open()`` raises for a read-only file, so
    every caller that reports an ``OSError`` reports this one; ``strerror`` says why
    and what to do, ``filename`` names the file.
    """

    def __init__(self, path: str, why: str) -> None:
        super().__init__(errno.EACCES, why, path)


class _Guard:
    def __init__(self, inputs: Iterable[str | os.PathLike[str]], force: bool) -> None:
        self.inputs = [os.fspath(p) for p in inputs]
        self.force = force


_GUARD: contextvars.ContextVar[_Guard | None] = contextvars.ContextVar("followup_guard", default=None)


@contextlib.contextmanager
def guard(*, inputs: Iterable[str | os.PathLike[str]] = (), force: bool = False) -> Iterator[None]:
    """While the block runs, every `write_atomic` refuses to replace ``inputs``.

    The command wraps each run in one: the interview file it reads is protected
    from ``ics -o`` or ``draft --out`` pointing at it under any name, and
    ``force`` (the ``--force`` flag) lets read-only targets be replaced.

    Args:
        inputs: Files that must not be written over (compared by device and inode,
            so a symbolic or hard link to one is caught too).
        force: Replace read-only targets instead of refusing them.
    """
    token = _GUARD.set(_Guard(inputs, force))
    try:
        yield
    finally:
        _GUARD.reset(token)


def _same_file(info: os.stat_result, path: str) -> bool:
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino)


def check_target(
    path: str | os.PathLike[str], *, follow_symlinks: bool = True, force: bool | None = None
) -> None:
    """Raise now what `write_atomic` would refuse later (before any work is done).

    Args:
        path: The file about to be written.
        follow_symlinks: As for `write_atomic`.
        force: As for `write_atomic`.

    Raises:
        RefusedWrite: the target is read-only (and not forced), or it is a file
            the enclosing `guard` protects.
    """
    target = os.fspath(path)
    try:
        info = os.stat(target) if follow_symlinks else os.lstat(target)
    except OSError:
        return  # a new file, or one write_atomic will report on
    if stat.S_ISREG(info.st_mode):
        _check_target(target, info, force)


def _check_target(target: str, info: os.stat_result, force: bool | None) -> None:
    """Refuse to replace the command's input or (unless forced) a read-only file."""
    rules = _GUARD.get()
    for source in rules.inputs if rules else ():
        if _same_file(info, source):
            alias = "" if os.path.abspath(target) == os.path.abspath(source) else " under another name"
            raise RefusedWrite(
                target,
                f"this is the input file {source}{alias}: choose another output file",
            )
    if force is None:
        force = rules.force if rules else False
    if not force and (not info.st_mode & 0o222 or not os.access(target, os.W_OK)):
        # os.access alone says yes to root; the permission bits are what the user set.
        raise RefusedWrite(
            target,
            "the file is read-only: make it writable (chmod u+w) if it should change, "
            "or use --force to replace it anyway",
        )


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.[0-9a-f]{{12}}\.tmp")


def _sweep_stale_temps(directory: str, name: str) -> None:
    """Remove our temporary files for ``name`` left by a killed process; best effort.

    Only regular files matching the pattern ``_create_temp`` uses and older than
    `STALE_TEMP_AGE` go: a write in progress in another process is younger.
    """
    pattern = _temp_pattern(name)
    cutoff = time.time() - STALE_TEMP_AGE
    prefix = f".{name}."
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(prefix) or not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(entry.path)


@contextlib.contextmanager
def locked(path: str | os.PathLike[str], *, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for a read-modify-write (``followup mark``).

    The lock is ``fcntl.flock`` on ``.NAME.lock`` beside the file, not on the file
    itself: `write_atomic` replaces the file, and a lock on the old inode would
    not stop a second writer that opened the new one. The lock file is removed when
    the lock is released; a waiter that locked a removed lock file sees that its
    inode is gone and takes the new one. Where ``fcntl`` does not exist (Windows)
    there is no lock.

    Args:
        path: The file about to be read, changed and replaced.
        timeout: Seconds to wait for another process to release the lock
            (default `LOCK_TIMEOUT`).

    Raises:
        TimeoutError: another process held the lock for ``timeout`` seconds.
        OSError: the lock file could not be created (a read-only directory).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    target = os.path.realpath(os.fspath(path))
    directory, name = os.path.split(target)
    lock = os.path.join(directory, f".{name}.lock")
    if timeout is None:
        timeout = LOCK_TIMEOUT
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise TimeoutError(
                            errno.ETIMEDOUT,
                            f"another followup command has been writing this file for {timeout:g} s "
                            f"(its lock is {lock}): try again when it has finished",
                            target,
                        ) from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.05)
            try:
                current = os.stat(lock)
            except FileNotFoundError:
                current = None
            if current is not None and os.path.samestat(os.fstat(fd), current):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the holder before us removed this lock file: take the new one
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)
        os.close(fd)


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


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    follow_symlinks: bool = True,
    force: bool | None = None,
) -> None:
    """Replace the file at ``path`` with ``data``, atomically.

    The data goes to a temporary file in the same directory, which is flushed and
    fsynced, given the permission bits of the file it replaces, and renamed over
    the target with ``os.replace``; the directory is then fsynced (best effort).
    On any error, or an interruption such as ``KeyboardInterrupt``, the temporary
    file is removed, the target is left untouched and the exception propagates.
    Temporary files for the same target that a killed process left behind (older
    than `STALE_TEMP_AGE`) are removed first.

    A new file gets mode ``0o666`` minus the umask (``0o644`` with the usual umask
    ``022``), like a file created with ``open()``. If ``path`` is a symbolic link,
    the file it points to is replaced and the link is kept; with
    ``follow_symlinks=False`` the link itself is replaced by a regular file, and so
    is anything else that is not a regular file. Otherwise a target that exists but
    is not a regular file (``/dev/null``, a FIFO) is written to directly.

    Args:
        path: The file to create or replace. Its directory must exist.
        data: The complete new content.
        follow_symlinks: Replace the file a symbolic link points to (the default),
            or replace the link itself (for files written into a directory that
            someone else may have planted a link in).
        force: Replace a read-only file; ``None`` takes the setting of the
            enclosing `guard` (no: refuse it, as ``open()`` would).

    Raises:
        RefusedWrite: the target is read-only (and not forced), or it is a file
            the enclosing `guard` protects (the target is unchanged).
        OSError: the file could not be written or replaced (the target is unchanged).
    """
    if follow_symlinks:
        target = os.path.realpath(os.fspath(path))
        directory, name = os.path.split(target)
    else:
        parent, name = os.path.split(os.path.abspath(os.fspath(path)))
        directory = os.path.realpath(parent)
        target = os.path.join(directory, name)
    try:
        info = os.stat(target) if follow_symlinks else os.lstat(target)
    except FileNotFoundError:
        mode: int | None = None
    else:
        if not stat.S_ISREG(info.st_mode):
            if follow_symlinks:
                # /dev/null, a FIFO, a terminal: renaming over it would replace the device itself.
                with open(target, "wb") as fh:
                    fh.write(data)
                return
            mode = None  # a planted link or FIFO is replaced by a new file
        else:
            _check_target(target, info, force)
            mode = stat.S_IMODE(info.st_mode)
    _sweep_stale_temps(directory, name)
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


class StagedFile:
    """A file replaced atomically in two steps, for writers that replace several files at once.

    `write` puts the new content in a temporary file beside the target;
    `commit` renames it over the target; `discard` removes it. A
    writer of many files writes every one, then commits them all, so an error
    before the commits leaves every target as it was. The rules are those of
    `write_atomic`: a read-only target or a guarded input is refused
    (when writing, before any rename), stale temporary files of our pattern are
    swept, the replaced file's permission bits are kept, a symbolic link is
    followed and kept, and a target that is not a regular file (``/dev/null``, a
    FIFO) is written to in place at commit time.

    Args:
        path: The file to create or replace. Its directory must exist.
        force: As for `write_atomic`.
    """

    def __init__(self, path: str | os.PathLike[str], *, force: bool | None = None) -> None:
        self.target = os.path.realpath(os.fspath(path))
        self.directory, self.name = os.path.split(self.target)
        self.force = force
        self.temp: str | None = None

    def write(self, parts: Iterable[bytes | IO[bytes]]) -> None:
        """Write the new content to the temporary file: bytes, or files copied from their start.

        Args:
            parts: The content, in order.

        Raises:
            RefusedWrite: as `write_atomic` (nothing is written).
            OSError: the temporary file could not be created or written (it is removed).
        """
        self.discard()
        try:
            info: os.stat_result | None = os.stat(self.target)
        except FileNotFoundError:
            info = None
        regular = info is not None and stat.S_ISREG(info.st_mode)
        if info is not None and regular:
            _check_target(self.target, info, self.force)
        _sweep_stale_temps(self.directory, self.name)
        fd, temp = _create_temp(self.directory, self.name)
        self.temp = temp
        try:
            with os.fdopen(fd, "wb") as out:
                if info is not None and regular:
                    os.chmod(temp, stat.S_IMODE(info.st_mode))
                for part in parts:
                    if isinstance(part, bytes | bytearray | memoryview):
                        out.write(part)
                    else:
                        part.flush()
                        part.seek(0)
                        shutil.copyfileobj(part, out, _COPY_BUFFER)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            self.discard()
            raise

    def commit(self) -> None:
        """Put the written content in place (a rename; a copy into a device or FIFO).

        Raises:
            OSError: the target could not be replaced (the temporary file is removed).
        """
        if self.temp is None:
            raise RuntimeError("StagedFile.commit() before write()")
        try:
            try:
                info: os.stat_result | None = os.stat(self.target)
            except FileNotFoundError:
                info = None
            if info is not None and not stat.S_ISREG(info.st_mode):
                # Renaming over /dev/null or a FIFO would replace the node itself.
                with open(self.temp, "rb") as src, open(self.target, "wb") as dst:
                    shutil.copyfileobj(src, dst, _COPY_BUFFER)
                os.unlink(self.temp)
            else:
                os.replace(self.temp, self.target)
        except BaseException:
            self.discard()
            raise
        self.temp = None

    def discard(self) -> None:
        """Remove the temporary file, if there is one; the target is left as it was."""
        if self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None

    def sync_directory(self) -> None:
        """Flush the directory entry of the rename to disk (best effort)."""
        _fsync_directory(self.directory)
