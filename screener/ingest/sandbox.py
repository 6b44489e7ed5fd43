"""Sandboxed workers: long-lived forked processes, each task under a wall-clock and a memory limit.

    with SandboxPool(screen_task, workers=2, limits=limits) as pool:   # screen_task(*item) runs in a worker
        for index, result in pool.run_many([(name, data, badges, ctx), ...]):
            ...  # result is what the task returned, or a DocumentError naming the limit it broke (never raised)

    with IngestPool(workers=2) as pool:                                 # the same, with ingest as the task
        for index, result in pool.ingest_many([("cv.pdf", data)]): ...

A worker that runs past ``Limits.timeout_s`` is killed and replaced (``ParseTimeout``, "… the time limit");
one that runs out of its address-space allowance (``RLIMIT_AS`` = its size at start + ``Limits.memory_mb``)
reports ``ParseMemoryExceeded`` ("… the memory limit") and is replaced; one that dies (a crash in native code)
yields ``CorruptDocument``. Workers are plain ``os.fork`` children: they share the pages the parent loaded before
the pool started (the skill extractor), work inside daemonic processes (Dask workers), and die with their parent
even when it is killed with SIGKILL (``PR_SET_PDEATHSIG`` on Linux, and a parent-pid watchdog everywhere).
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import Pipe
from multiprocessing.connection import Connection, wait
from pathlib import PurePath
from types import TracebackType
from typing import Any

from screener.errors import CorruptDocument, DocumentError, ParseMemoryExceeded, ParseTimeout
from screener.ingest.limits import DEFAULT_LIMITS, Limits
from screener.models import Document

Parser = Callable[..., Document]  # called as parser(data, filename, limits=limits)
Task = Callable[..., Any]  # called as task(*item) in a worker

_MEMORY_EXIT = 3
_PR_SET_PDEATHSIG = 1
_WATCHDOG_S = 0.5


def _default_parser(data: bytes, filename: str, *, limits: Limits) -> Document:
    from screener.ingest import ingest_bytes

    return ingest_bytes(data, filename, limits=limits)


def _address_space() -> int | None:
    """This process's virtual size in bytes (Linux /proc), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _cap_memory(memory_mb: int) -> None:
    current = _address_space()
    if current is None:
        return
    cap = current + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def die_with_parent(parent_pid: int) -> None:
    """End this process when ``parent_pid`` goes away, however it goes (SIGKILL included).

    Linux: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``; everywhere: a daemon thread polling the parent's pid."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(_WATCHDOG_S)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


_WORKER_GC_YOUNG = 50_000


def _worker_main(conn: Connection, task: Task, limits: Limits, parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # A worker killed by a hostile file is replaced and reported as an error row; a native traceback dump
    # inherited from the parent (pytest, python -X faulthandler) would only add noise to the app's log.
    faulthandler.disable()
    die_with_parent(parent_pid)
    _cap_memory(limits.memory_mb)
    # Screening one résumé allocates tens of thousands of short-lived containers (tokens, candidate features)
    # that die with it: collecting the youngest generation every 700 allocations traversed them over and over
    # (about 4 % of a worker's CPU). Every few tens of thousands is enough for the rare cycles.
    gc.set_threshold(_WORKER_GC_YOUNG, 10, 10)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        filename = str(item[0]) if item else ""
        try:
            reply: tuple[str, Any] = ("ok", task(*item))
        except DocumentError as exc:
            reply = ("err", _error_payload(exc))
        except MemoryError:
            # The heap may be fragmented past use: report, then exit so the parent starts a fresh worker.
            try:
                conn.send(("mem", None))
            finally:
                os._exit(_MEMORY_EXIT)
        except RecursionError:
            reply = ("err", (CorruptDocument, "the file is nested too deeply to read", _base(filename), None))
        except Exception as exc:  # a bug on hostile input must not take the batch down
            reply = ("err", (CorruptDocument, f"the file could not be read ({type(exc).__name__})",
                             _base(filename), None))
        try:
            conn.send(reply)
        except MemoryError:
            os._exit(_MEMORY_EXIT)
        except RecursionError:  # a result too deep to pickle
            conn.send(("err", (CorruptDocument, "the file is nested too deeply to read", _base(filename), None)))


def _error_payload(exc: DocumentError) -> tuple[type[DocumentError], str, str | None, str | None]:
    return type(exc), exc.message, exc.file, exc.hint


def _base(filename: str) -> str:
    return PurePath(filename.replace("\\", "/")).name or filename


@dataclass
class _Worker:
    pid: int
    conn: Connection
    sentinel: int | None  # a pidfd that becomes readable when the process ends (Linux), else None
    task: tuple[int, str] | None = None  # (index, base file name)
    deadline: float = 0.0
    exitcode: int | None = None


class SandboxPool:
    """A pool of sandboxed workers running ``task(*item)``; use as a context manager."""

    def __init__(self, task: Task, workers: int | None = None, *, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.size = max(1, workers if workers is not None else min(os.cpu_count() or 1, 4))
        self._task = task
        self._workers: list[_Worker] = []
        self.replaced = 0  # workers killed or lost and started again (for tests and benchmarks)

    # ---- life cycle ---------------------------------------------------------------------------------------
    @property
    def pids(self) -> list[int]:
        return [w.pid for w in self._workers]

    def _spawn(self) -> _Worker:
        parent_end, child_end = Pipe(duplex=True)
        parent_pid = os.getpid()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        # The worker's garbage collector leaves what the parent loaded (the extractor's millions of objects) alone:
        # frozen at the fork, never traversed by the worker's full collections (tens of ms each) nor copied into
        # its memory by the collector's writes. The parent unfreezes its own at once.
        gc.freeze()
        pid = -1
        try:
            pid = os.fork()
        finally:
            if pid != 0:
                gc.unfreeze()
        if pid == 0:  # the worker
            code = 0
            try:
                parent_end.close()
                for other in self._workers:  # siblings' pipes are not this worker's business
                    with contextlib.suppress(OSError):
                        other.conn.close()
                    if other.sentinel is not None:
                        with contextlib.suppress(OSError):
                            os.close(other.sentinel)
                _worker_main(child_end, self._task, self.limits, parent_pid)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        child_end.close()
        sentinel: int | None = None
        if hasattr(os, "pidfd_open"):
            with contextlib.suppress(OSError):
                sentinel = os.pidfd_open(pid)
        return _Worker(pid=pid, conn=parent_end, sentinel=sentinel)

    def _start(self, n: int | None = None) -> None:
        want = self.size if n is None else max(1, min(self.size, n))
        while len(self._workers) < want:
            self._workers.append(self._spawn())

    def _reap(self, worker: _Worker, *, block: bool) -> None:
        if worker.exitcode is not None:
            return
        with contextlib.suppress(ChildProcessError):
            pid, status = os.waitpid(worker.pid, 0 if block else os.WNOHANG)
            if pid == worker.pid:
                worker.exitcode = os.waitstatus_to_exitcode(status)

    def _kill(self, worker: _Worker) -> None:
        self._reap(worker, block=False)
        if worker.exitcode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker.pid, signal.SIGKILL)
            self._reap(worker, block=True)
        worker.conn.close()
        if worker.sentinel is not None:
            with contextlib.suppress(OSError):
                os.close(worker.sentinel)
            worker.sentinel = None

    def _replace(self, worker: _Worker) -> _Worker:
        self._kill(worker)
        self.replaced += 1
        fresh = self._spawn()
        self._workers[self._workers.index(worker)] = fresh
        return fresh

    def close(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 1.0
        for worker in self._workers:
            while worker.exitcode is None and time.monotonic() < deadline:
                self._reap(worker, block=False)
                if worker.exitcode is None:
                    wait([worker.sentinel] if worker.sentinel is not None else [worker.conn], 0.05)
            self._kill(worker)
        self._workers.clear()

    def __enter__(self) -> SandboxPool:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            if self._workers:
                self.close()

    # ---- work ---------------------------------------------------------------------------------------------
    def run_many(self, items: Iterable[tuple[Any, ...]], count: int | None = None) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, result or DocumentError)`` as tasks finish (not in input order). An item's first
        element is the file name error rows are reported under. ``items`` is consumed as workers free up (an
        iterator that reads each file when asked keeps memory flat); ``count`` (when ``items`` has no length)
        sizes the pool."""
        if count is None:
            items = list(items)
            count = len(items)
        if count == 0:
            return
        self._start(count)
        pending = iter(enumerate(items))
        exhausted = False
        idle: deque[_Worker] = deque(self._workers)

        def dispatch(worker: _Worker) -> bool:
            nonlocal exhausted
            if exhausted:
                return False
            try:
                index, item = next(pending)
            except StopIteration:
                exhausted = True
                return False
            worker.task = (index, _base(str(item[0])))
            worker.deadline = time.monotonic() + self.limits.timeout_s
            try:
                worker.conn.send(item)
            except (OSError, ValueError):
                worker.deadline = 0.0  # broken pipe: reported as a crash on the next wait
            return True

        busy: list[_Worker] = []
        while idle:
            worker = idle.popleft()
            if dispatch(worker):
                busy.append(worker)
        try:
            while busy:
                yield from self._collect(busy, dispatch)
        finally:
            # Abandoned half-way (the caller stopped reading): a reply still on its way must never be read as the
            # reply to a later batch's file, so the workers still busy are stopped (started afresh when needed).
            for worker in busy:
                self._kill(worker)
                self._workers.remove(worker)

    def _collect(self, busy: list[_Worker], dispatch: Callable[[_Worker], bool]) -> Iterator[tuple[int, Any]]:
        """Wait for the busy workers; yield what the finished ones return, each worker given its next file
        before its result is handed on (so it works while the caller stores the result)."""
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        handles: list[Any] = [w.conn for w in busy] + [w.sentinel for w in busy if w.sentinel is not None]
        ready = wait(handles, timeout)
        finished: list[tuple[_Worker, Any, bool]] = []  # (worker, result, replace)
        for worker in list(busy):
            assert worker.task is not None
            _, file = worker.task
            if worker.conn in ready:
                try:
                    kind, payload = worker.conn.recv()
                except (EOFError, OSError):
                    finished.append((worker, self._crash(worker, file), True))
                    continue
                if kind == "ok":
                    finished.append((worker, payload, False))
                elif kind == "mem":
                    finished.append((worker, self._memory(file), True))
                else:
                    cls, message, efile, hint = payload
                    finished.append((worker, cls(message, file=efile or file, hint=hint), False))
            elif worker.sentinel is not None and worker.sentinel in ready:
                finished.append((worker, self._crash(worker, file), True))
            elif time.monotonic() >= worker.deadline:
                finished.append((worker, self._timeout(file), True))
        for worker, result, replace in finished:
            busy.remove(worker)
            assert worker.task is not None
            index = worker.task[0]
            worker.task = None
            if replace:
                worker = self._replace(worker)
            if dispatch(worker):
                busy.append(worker)
            yield index, result

    def _timeout(self, file: str) -> ParseTimeout:
        return ParseTimeout(f"screening the file took longer than {self.limits.timeout_s:g} s (the time limit) "
                            "and was stopped", file=file,
                            hint="the file may be malformed; ask for a simpler PDF or DOCX")

    def _memory(self, file: str) -> ParseMemoryExceeded:
        return ParseMemoryExceeded(f"screening the file needed more than {self.limits.memory_mb} MB of memory "
                                   "(the memory limit) and was stopped", file=file)

    def _crash(self, worker: _Worker, file: str) -> DocumentError:
        deadline = time.monotonic() + 1.0
        while worker.exitcode is None and time.monotonic() < deadline:
            self._reap(worker, block=False)
            if worker.exitcode is None:
                time.sleep(0.01)
        if worker.exitcode == _MEMORY_EXIT:
            return self._memory(file)
        return CorruptDocument("the file made the reader crash (it is probably damaged)", file=file)


def _ingest_task(parser: Parser, limits: Limits) -> Task:
    def task(filename: str, data: bytes) -> Document:
        return parser(data, filename, limits=limits)

    return task


class IngestPool(SandboxPool):
    """A pool of sandboxed ingest workers (bytes → Document); use as a context manager."""

    def __init__(
        self, workers: int | None = None, *, limits: Limits = DEFAULT_LIMITS, parser: Parser | None = None
    ) -> None:
        super().__init__(_ingest_task(parser or _default_parser, limits), workers, limits=limits)

    def __enter__(self) -> IngestPool:
        self._start()
        return self

    def ingest_many(self, items: Iterable[tuple[str, bytes]]) -> Iterator[tuple[int, Document | DocumentError]]:
        """Yield ``(index, Document | DocumentError)`` as files finish (not in input order)."""
        yield from self.run_many(items)
