"""Tests for followup._atomic.write_atomic."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from followup import _atomic
from followup._atomic import write_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_creates_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "a.eml"
    write_atomic(target, b"hello\r\n")
    assert target.read_bytes() == b"hello\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.eml"]


def test_accepts_a_str_path_and_empty_data(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    write_atomic(str(target), b"")
    assert target.read_bytes() == b""


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.eml"
    target.write_bytes(b"old content that is longer than the new one")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.eml"]


def test_writes_large_data_completely(tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    target = tmp_path / "big.bin"
    write_atomic(target, data)
    assert target.read_bytes() == data


@posix_only
def test_new_file_gets_default_mode_minus_umask(tmp_path: Path) -> None:
    target = tmp_path / "new"
    write_atomic(target, b"x")
    assert _mode(target) == 0o666 & ~_umask()


@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_keeps_the_permission_bits_of_the_replaced_file(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "a.eml"
    target.write_bytes(b"old")
    target.chmod(mode)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert _mode(target) == mode


@posix_only
def test_a_symlink_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.eml"
    real.write_bytes(b"old")
    link = tmp_path / "link.eml"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.parametrize("exc_type", [OSError, KeyboardInterrupt])
def test_failed_fsync_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc_type: type[BaseException]
) -> None:
    target = tmp_path / "a.eml"
    target.write_bytes(b"old content")

    def broken_fsync(fd: int) -> None:
        raise exc_type("disk on fire")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(exc_type, match="disk on fire"):
        write_atomic(target, b"new content")
    assert target.read_bytes() == b"old content"
    assert _leftovers(tmp_path) == ["a.eml"]


def test_failed_replace_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.eml"
    target.write_bytes(b"old content")

    def broken_replace(src: str, dst: str) -> None:
        raise PermissionError("no")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(PermissionError):
        write_atomic(target, b"new content")
    assert target.read_bytes() == b"old content"
    assert _leftovers(tmp_path) == ["a.eml"]


def test_crash_after_writing_half_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.eml"
    old = b"old content " * 100
    target.write_bytes(old)
    real_write = os.write
    seen: list[bytes] = []

    def half_then_crash(fd: int, data: bytes | memoryview) -> int:
        if seen:
            raise OSError(28, "No space left on device")
        half = bytes(data[: len(data) // 2])
        seen.append(half)
        return real_write(fd, half)

    monkeypatch.setattr(os, "write", half_then_crash)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new content " * 100)
    assert seen  # half of the data did reach the temporary file
    assert target.read_bytes() == old
    assert _leftovers(tmp_path) == ["a.eml"]


def test_partial_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def short_write(fd: int, data: bytes | memoryview) -> int:
        return real_write(fd, bytes(data[:7]))

    monkeypatch.setattr(os, "write", short_write)
    target = tmp_path / "a.eml"
    write_atomic(target, b"0123456789" * 10)
    assert target.read_bytes() == b"0123456789" * 10


def test_missing_directory_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "a.eml", b"x")
    assert _leftovers(tmp_path) == []


def test_target_is_a_directory_leaves_no_temp(tmp_path: Path) -> None:
    (tmp_path / "a.eml").mkdir()
    with pytest.raises(OSError):  # noqa: PT011 - IsADirectoryError on POSIX, PermissionError on Windows
        write_atomic(tmp_path / "a.eml", b"x")
    assert _leftovers(tmp_path) == ["a.eml"]


def test_file_is_fsynced_before_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "a.eml", b"x")
    assert events[:2] == ["fsync-file", "replace"]
    if sys.platform != "win32":
        assert events[2:] == ["fsync-dir"]


def test_directory_fsync_failure_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "a.eml"
    write_atomic(target, b"x")
    assert target.read_bytes() == b"x"


def test_temp_name_collisions_are_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = iter(["aaaaaaaaaaaa", "aaaaaaaaaaaa", "bbbbbbbbbbbb"])
    monkeypatch.setattr(_atomic.secrets, "token_hex", lambda n: next(tokens))
    (tmp_path / ".a.eml.aaaaaaaaaaaa.tmp").write_bytes(b"someone else's")
    write_atomic(tmp_path / "a.eml", b"x")
    assert (tmp_path / "a.eml").read_bytes() == b"x"
    assert (tmp_path / ".a.eml.aaaaaaaaaaaa.tmp").read_bytes() == b"someone else's"
    assert _leftovers(tmp_path) == [".a.eml.aaaaaaaaaaaa.tmp", "a.eml"]


class TestNotARegularFile:
    def test_a_fifo_is_written_to_not_replaced(self, tmp_path: Path) -> None:
        import threading

        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
        reader.start()
        write_atomic(fifo, b"BEGIN:VCALENDAR\r\n")
        reader.join(timeout=10)
        assert got == [b"BEGIN:VCALENDAR\r\n"]
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
