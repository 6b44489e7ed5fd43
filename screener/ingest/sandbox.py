"""Sandboxed ingest: long-lived forked worker processes, each file under a wall-clock and memory cap.

    with IngestPool(workers=2) as pool:
        for index, result in pool.ingest_many([("cv.pdf", data), ("x.docx", other)]):
            ...  # result is a Document or a DocumentError (never raised)

A worker that runs past ``Limits.timeout_s`` is killed and replaced (``ParseTimeout``); one that runs out of
its address-space allowance (``RLIMIT_AS`` = its size at start + ``Limits.memory_mb``) reports
``ParseMemoryExceeded`` and is replaced; one that dies (a crash in native code) yields ``CorruptDocument``.
Workers are forked, so a parent that already loaded the parsers shares those pages instead of re-importing.
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import PurePath
from types import TracebackType
from typing import Any

from screener.errors import CorruptDocument, DocumentError, ParseMemoryExceeded, ParseTimeout
from screener.ingest.limits import DEFAULT_LIMITS, Limits
from screener.models import Document

Parser = Callable[..., Document]  # called as parser(data, filename, limits=limits)

_MEMORY_EXIT = 3


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


def _error_payload(exc: DocumentError) -> tuple[type[DocumentError], str, str | None, str | None]:
    return type(exc), exc.message, exc.file, exc.hint


def _worker_main(conn: Connection, parser: Parser, limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    # A worker killed by a hostile file is replaced and reported as an error row; a native traceback dump
    # inherited from the parent (pytest, python -X faulthandler) would only add noise to the app's log.
    faulthandler.disable()
    _cap_memory(limits.memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        filename, data = task
        try:
            reply: tuple[str, Any] = ("ok", parser(data, filename, limits=limits))
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
        except Exception as exc:  # a parser bug on hostile input must not take the batch down
            reply = (
                "err",
                (CorruptDocument, f"the file could not be read ({type(exc).__name__})", _base(filename), None),
            )
        try:
            conn.send(reply)
        except MemoryError:
            os._exit(_MEMORY_EXIT)


def _base(filename: str) -> str:
    return PurePath(filename.replace("\\", "/")).name or filename


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: tuple[int, str] | None = None  # (index, base file name)
    deadline: float = 0.0


class IngestPool:
    """A pool of sandboxed ingest workers; use as a context manager."""

    def __init__(
        self, workers: int | None = None, *, limits: Limits = DEFAULT_LIMITS, parser: Parser | None = None
    ) -> None:
        self.limits = limits
        self.size = max(1, workers if workers is not None else min(os.cpu_count() or 1, 4))
        self._parser: Parser = parser or _default_parser
        self._ctx = multiprocessing.get_context("fork")
        self._workers: list[_Worker] = []
        self.replaced = 0  # workers killed or lost and started again (for tests and benchmarks)

    # ---- life cycle ---------------------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child, self._parser, self.limits), daemon=True)
        process.start()
        child.close()
        return _Worker(process=process, conn=parent)

    def _start(self) -> None:
        while len(self._workers) < self.size:
            self._workers.append(self._spawn())

    def _kill(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

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
        for worker in self._workers:
            worker.process.join(1)
            self._kill(worker)
        self._workers.clear()

    def __enter__(self) -> IngestPool:
        self._start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- work ---------------------------------------------------------------------------------------------
    def ingest_many(self, items: Iterable[tuple[str, bytes]]) -> Iterator[tuple[int, Document | DocumentError]]:
        """Yield ``(index, Document | DocumentError)`` as files finish (not in input order)."""
        self._start()
        pending = iter(enumerate(items))
        exhausted = False
        idle: deque[_Worker] = deque(self._workers)

        def dispatch(worker: _Worker) -> bool:
            nonlocal exhausted
            if exhausted:
                return False
            try:
                index, (filename, data) = next(pending)
            except StopIteration:
                exhausted = True
                return False
            worker.task = (index, _base(filename))
            worker.deadline = time.monotonic() + self.limits.timeout_s
            try:
                worker.conn.send((filename, data))
            except (OSError, ValueError):
                worker.deadline = 0.0  # broken pipe: reported as a crash on the next wait
            return True

        busy: list[_Worker] = []
        while idle:
            worker = idle.popleft()
            if dispatch(worker):
                busy.append(worker)
        while busy:
            now = time.monotonic()
            timeout = max(0.0, min(w.deadline for w in busy) - now)
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
            finished: list[tuple[_Worker, Document | DocumentError, bool]] = []  # (worker, result, replace)
            for worker in list(busy):
                assert worker.task is not None
                index, file = worker.task
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
                elif worker.process.sentinel in ready:
                    finished.append((worker, self._crash(worker, file), True))
                elif time.monotonic() >= worker.deadline:
                    finished.append(
                        (
                            worker,
                            ParseTimeout(
                                f"reading the file took longer than {self.limits.timeout_s:g} s and was stopped",
                                file=file,
                                hint="the file may be malformed; ask for a simpler PDF or DOCX",
                            ),
                            True,
                        )
                    )
            for worker, result, replace in finished:
                busy.remove(worker)
                assert worker.task is not None
                index = worker.task[0]
                worker.task = None
                if replace:
                    worker = self._replace(worker)
                yield index, result
                if dispatch(worker):
                    busy.append(worker)

    def _memory(self, file: str) -> ParseMemoryExceeded:
        return ParseMemoryExceeded(
            f"reading the file needed more than {self.limits.memory_mb} MB of memory and was stopped", file=file
        )

    def _crash(self, worker: _Worker, file: str) -> DocumentError:
        worker.process.join(1)
        if worker.process.exitcode == _MEMORY_EXIT:
            return self._memory(file)
        return CorruptDocument("the file made the reader crash (it is probably damaged)", file=file)
