"""Waiting on a process pool's futures without waiting for ever when a worker dies.

CPython's `ProcessPoolExecutor` notices a worker that
dies while it runs a job or waits for one, and fails every pending future with
``BrokenProcessPool``. It does not notice one killed while it sends a result
back (``kill -9``, the out-of-memory killer): the worker dies holding the result
queue's write lock, with part of a message in the pipe, and the pool's manager
thread waits for the rest of that message for ever (blocked in
``Connection.recv``, under ``_ExecutorManagerThread.wait_result_broken_or_wakeup``).
Its futures never finish, ``shutdown(wait=True)`` never returns, and the
interpreter hangs at exit joining that thread.

`result` waits on a future of such a pool and looks at the pool's worker
processes every `LOOK_EVERY` seconds (their sentinels, which become ready
when a process ends, so no live process is waited for). When one has
ended abnormally and the pool has not failed the future `GRACE` seconds
later, the pool is stuck, and the watchdog finishes what the dead worker began:

1. it kills the pool's other workers (CPython's pool does the same when it
   breaks; they may be blocked on the dead worker's lock);
2. it writes zero bytes into the result pipe through the pool's own copy of its
   write end until the blocked read has the whole message it was promised.
   Zeros do not unpickle, so the manager thread takes the pool as broken, as it
   would have had it seen the death: it fails every pending future with
   ``BrokenProcessPool``, stops its processes and exits, so the pool can be
   shut down and the interpreter can exit. (Closing the write end instead
   would end the read only if no other process held it: a process the host
   forks later, another pool's worker for one, inherits it.)

`result` then raises ``BrokenProcessPool`` saying which worker died and
how. The writing stops when the manager thread has its message, or when the
pipe stays full for `_NO_PROGRESS` seconds (nobody reads it: the pool was
stuck some other way), and the pool is then left as it is (`shutdown`
does not wait for it).

This reads private attributes of the pool (``_processes``, and
``_result_queue._writer``); `watchable` checks they are there with the
expected types, and without them the wait is a plain ``future.result()``
(tests/test_batch.py checks them on the running CPython and kills a worker
halfway through a send).
"""

from __future__ import annotations

import contextlib
import multiprocessing.connection
import os
import select
import signal
import time
import weakref
from concurrent.futures import Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Any, TypeVar

__all__ = ["result", "shutdown", "watchable"]

_R = TypeVar("_R")

LOOK_EVERY = 0.25
"""Seconds between two looks at the pool's workers while a future is pending."""

GRACE = 1.0
"""Seconds a pool gets to fail its futures itself once one of its workers has died."""

_KILLED = 5.0  # seconds to wait for the killed workers to be gone
_NO_PROGRESS = 2.0  # seconds the result pipe may stay full before the watchdog gives up
_SETTLED = 10.0  # seconds for the manager thread to fail the futures once it has its message
_ZEROS = bytes(1 << 16)

# Pools whose manager thread the watchdog could not unblock: shut down without waiting.
_stuck: weakref.WeakSet[Executor] = weakref.WeakSet()


def _processes(pool: ProcessPoolExecutor) -> list[Any] | None:
    """The pool's worker processes now (None: the attribute is not what it was)."""
    processes = getattr(pool, "_processes", None)
    if not isinstance(processes, dict):
        return None
    return list(processes.values())


def _writer(pool: ProcessPoolExecutor) -> Connection | None:
    """The pool's own copy of the result pipe's write end (None: not there, or closed)."""
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    return writer if isinstance(writer, Connection) and not writer.closed else None


def watchable(executor: Executor) -> bool:
    """Whether `result` can watch ``executor``'s workers: a process pool, as CPython makes it.

    Args:
        executor: Any executor.

    Returns:
        True for a ``ProcessPoolExecutor`` not shut down whose private worker
        table and result pipe are where this module looks for them.
    """
    return (
        isinstance(executor, ProcessPoolExecutor)
        and _processes(executor) is not None
        and _writer(executor) is not None
    )


def _dead(pool: ProcessPoolExecutor) -> list[tuple[int | None, int]]:
    """``(pid, exit code)`` of the pool's workers that ended abnormally (exit code not 0).

    A worker that ends with 0 was retired by the pool (``max_tasks_per_child``).
    """
    processes = _processes(pool) or []
    try:
        ended = set(multiprocessing.connection.wait([p.sentinel for p in processes], timeout=0))
    except (OSError, ValueError):  # a process object closed meanwhile: no verdict this time
        return []
    out: list[tuple[int | None, int]] = []
    for process in processes:
        if process.sentinel in ended:
            code = process.exitcode
            if code is not None and code != 0:
                out.append((process.pid, code))
    return out


def _how(code: int) -> str:
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by signal {signal.Signals(-code).name}"
        return f"killed by signal {-code}"
    return f"ended with exit code {code}"


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    processes = _processes(pool) or []
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    # Waited for on their sentinels, not joined: reaping them is the pool's business.
    with contextlib.suppress(OSError, ValueError):
        sentinels = [p.sentinel for p in processes]
        deadline = time.monotonic() + _KILLED
        while sentinels and time.monotonic() < deadline:
            ended = multiprocessing.connection.wait(sentinels, deadline - time.monotonic())
            sentinels = [s for s in sentinels if s not in ended]


def _fill(pool: ProcessPoolExecutor, future: Future[Any]) -> bool:
    """Write zeros into the result pipe until ``future`` is settled; whether it was.

    The manager thread reads them as the rest of the dead worker's message; when
    it has all it waits for, it fails to unpickle it and breaks the pool, which
    settles every pending future.
    """
    writer = _writer(pool)
    if writer is None:
        return bool(wait([future], timeout=_SETTLED).done)
    fd = writer.fileno()
    os.set_blocking(fd, False)  # the workers are gone: nobody else writes to it
    poller = select.poll()
    poller.register(fd, select.POLLOUT)
    progress = time.monotonic()
    try:
        while not future.done():
            try:
                os.write(fd, _ZEROS)
            except BlockingIOError:
                if time.monotonic() - progress > _NO_PROGRESS:
                    return False
                poller.poll(50)  # milliseconds: until the reader makes room
                continue
            except OSError:  # the read end is gone: the pool broke meanwhile
                break
            progress = time.monotonic()
        return bool(wait([future], timeout=_SETTLED).done)
    finally:
        with contextlib.suppress(OSError):
            os.set_blocking(fd, True)


def result(future: Future[_R], pool: Executor) -> _R:
    """``future.result()``, failing instead of waiting for ever if a worker of ``pool`` dies.

    Args:
        future: A future of ``pool``.
        pool: The executor running it; unless `watchable` says yes, this
            is a plain ``future.result()``.

    Returns:
        The future's result.

    Raises:
        concurrent.futures.process.BrokenProcessPool: a worker died and the pool
            did not notice (the message names the worker and how it ended); the
            pool is broken, as CPython breaks it.
        Exception: whatever ``future.result()`` raises.
    """
    if not isinstance(pool, ProcessPoolExecutor) or not watchable(pool):
        return future.result()
    died_at: float | None = None
    while True:
        if wait([future], timeout=LOOK_EVERY).done:
            return future.result()
        dead = _dead(pool)
        if not dead:
            continue
        if died_at is None:
            died_at = time.monotonic()
        if time.monotonic() - died_at < GRACE:
            continue
        _kill_workers(pool)
        if not _fill(pool, future):
            _stuck.add(pool)
        pid, code = dead[0]
        raise BrokenProcessPool(
            f"a worker process of the pool (pid {pid}) was {_how(code)} and the pool "
            "did not notice (most likely it died while sending a result back, which "
            "leaves CPython's pool waiting for ever); its other workers were stopped "
            "and the pool is not usable any more"
        )


def shutdown(pool: Executor) -> None:
    """Shut down a pool this process started, cancelling what has not started.

    Waits for the pool's threads, unless `result` found it stuck and could
    not unblock it (joining its manager thread would never return).
    """
    pool.shutdown(wait=pool not in _stuck, cancel_futures=True)
