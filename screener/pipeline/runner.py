"""Runners: the same ``screen_one`` on a local pool of sandboxed workers, in-process (``sandbox=False``), or on
Dask distributed (a LocalCluster, or an existing scheduler), where each Dask worker process keeps its own
one-process sandbox so the time and memory limits hold there too.

Every runner yields ``(index, CandidateResult)`` as files finish; the results are the same whichever runs them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DocumentError, ScreenerError, UsageError
from ..score.model import CandidateResult
from .context import ScreeningContext
from .screen_one import BadgeFile, classify_json, error_result, screen_one


@dataclass(frozen=True)
class Job:
    """One résumé to screen: its base name, display key, bytes (or the path to read them from when its turn
    comes) and the badge files attached to it."""

    name: str
    key: str
    data: bytes | None
    badge_files: tuple[BadgeFile, ...] = ()
    path: str = ""
    digest: str = ""

    def item(self) -> tuple[Any, ...]:
        """What a worker is sent: ``(name, "screen", bytes, badge files, key)``, or ``(name, "unreadable",
        message)`` when the bytes cannot be read any more."""
        try:
            data = self.data if self.data is not None else Path(self.path).read_bytes()
        except OSError as exc:
            return (self.name, "unreadable", f"cannot read the file ({exc.strerror})")
        return (self.name, "screen", data, self.badge_files, self.key)

    def sha256(self) -> str | None:
        if self.digest:
            return self.digest
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else None


def _as_result(job: Job, value: Any) -> CandidateResult:
    if isinstance(value, CandidateResult):
        return value
    exc = value if isinstance(value, ScreenerError) else DocumentError(f"unexpected worker reply {type(value)}")
    return error_result(job.key, exc, job.sha256())


_WARM_UP = ("Warm Up\nwarm.up@example.com\n\nSUMMARY\nEngineer.\n\nEXPERIENCE\nSoftware Engineer, Example Ltd\n"
            "Jan 2020 - Present\n• Built services in Python and SQL\n\nEDUCATION\nB.Sc. Computer Science, "
            "University of Lagos, Nigeria, 2015\n\nCERTIFICATIONS\nAWS Certified Developer\n\nSKILLS\n"
            "Python, SQL, Docker\n").encode()


def warm_up(ctx: ScreeningContext) -> None:
    """Load, in this process, what screening a file loads on first use (readers, parser and credential tables,
    the extractor's caches) by screening a built-in text: workers forked afterwards share those pages instead of
    each loading its own copy. The text is the project's own, never an applicant's."""
    import contextlib

    with contextlib.suppress(ImportError):
        import screener.ingest.docx  # noqa: F401
        import screener.ingest.pdf  # noqa: F401
    screen_one("warm-up.txt", _WARM_UP, (), ctx)


def _local_task(ctx: ScreeningContext, name: str, op: str, *args: Any) -> Any:
    """The worker's entry point; ``ctx`` is bound before the fork, so it is never pickled per file."""
    if op == "screen":
        data, badge_files, key = args
        return screen_one(name, data, badge_files, ctx, key)
    if op == "classify":
        return classify_json(args[0])
    if op == "unreadable":
        raise DocumentError(args[0], file=name)
    raise ValueError(f"unknown worker operation {op!r}")


class LocalRunner:
    """A pool of sandboxed, forked workers sharing the parent's loaded extractor (``with`` closes it)."""

    def __init__(self, ctx: ScreeningContext, *, workers: int | None = None, sandbox: bool = True) -> None:
        self.ctx = ctx
        self.sandbox = sandbox
        self.workers = workers
        self._pool: Any = None

    def _get_pool(self, n: int) -> Any:
        if self._pool is None:
            import functools

            from ..ingest.sandbox import SandboxPool

            warm_up(self.ctx)
            self._pool = SandboxPool(functools.partial(_local_task, self.ctx), self.workers, limits=self.ctx.limits)
        return self._pool

    @property
    def pids(self) -> list[int]:
        return list(self._pool.pids) if self._pool is not None else []

    def classify(self, items: Sequence[tuple[str, bytes]]) -> list[str]:
        """``classify_json`` on each (name, bytes), in the sandbox; an item that breaks a limit is "resume" (its
        screening then reports the problem)."""
        if not items:
            return []
        if not self.sandbox:
            return [classify_json(d) for _, d in items]
        out = ["resume"] * len(items)
        for i, value in self._get_pool(len(items)).run_many([(n, "classify", d) for n, d in items]):
            if isinstance(value, str):
                out[i] = value
        return out

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[int, CandidateResult]]:
        if not self.sandbox:
            for i, job in enumerate(jobs):
                item = job.item()
                if item[1] == "unreadable":
                    yield i, _as_result(job, DocumentError(item[2], file=job.name))
                else:
                    yield i, screen_one(job.name, item[2], job.badge_files, self.ctx, job.key)
            return
        if not jobs:
            return
        pool = self._get_pool(len(jobs))
        for i, value in pool.run_many((j.item() for j in jobs), count=len(jobs)):  # read as dispatched
            yield i, _as_result(jobs[i], value)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- Dask

_DASK_POOLS: dict[str, Any] = {}


def _dask_sandbox(ctx: ScreeningContext) -> Any:
    """This Dask worker process's own one-process sandbox for ``ctx`` (made once, after loading the extractor)."""
    pool = _DASK_POOLS.get(ctx.fingerprint)
    if pool is None:
        import functools

        from ..extract import get_extractor
        from ..ingest.sandbox import SandboxPool

        for old in _DASK_POOLS.values():
            old.close()
        _DASK_POOLS.clear()
        get_extractor()
        warm_up(ctx)
        pool = SandboxPool(functools.partial(_local_task, ctx), 1, limits=ctx.limits)
        _DASK_POOLS[ctx.fingerprint] = pool
    return pool


def dask_task(item: tuple[Any, ...], ctx: ScreeningContext) -> Any:
    """Runs on a Dask worker: the file goes through that worker's sandbox, like a local run."""
    pool = _dask_sandbox(ctx)
    [(_, value)] = list(pool.run_many([item]))
    if isinstance(value, ScreenerError):
        return ("err", type(value).__name__, value.message, value.file, value.hint)
    return ("ok", value)


def _from_dask(job: Job, reply: Any) -> Any:
    if reply[0] == "ok":
        return reply[1]
    from .. import errors

    _, cls_name, message, file, hint = reply
    cls = getattr(errors, cls_name, DocumentError)
    return _as_result(job, cls(message, file=file or job.name, hint=hint))


class DaskRunner:
    """Screens on Dask distributed: ``scheduler`` is an address ("tcp://10.0.0.5:8786"); without one a
    LocalCluster of ``workers`` single-threaded processes is started (and stopped with the runner)."""

    def __init__(self, ctx: ScreeningContext, *, workers: int | None = None, scheduler: str | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--engine dask needs the dask[distributed] package (pip install 'dask[distributed]')") \
                from None
        import os

        self.ctx = ctx
        self._cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                n = max(1, workers if workers is not None else min(os.cpu_count() or 1, 4))
                self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                             host="127.0.0.1", dashboard_address=None, silence_logs=40)
                self.client = Client(self._cluster)
        except OSError as exc:
            self.close()
            raise UsageError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}") from None
        self._ctx_future = self.client.scatter(ctx, broadcast=True)

    def classify(self, items: Sequence[tuple[str, bytes]]) -> list[str]:
        if not items:
            return []
        futures = [self.client.submit(dask_task, (n, "classify", d), self._ctx_future, pure=False)
                   for n, d in items]
        out = []
        for f in futures:
            reply = f.result()
            out.append(reply[1] if reply[0] == "ok" and isinstance(reply[1], str) else "resume")
        return out

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[int, CandidateResult]]:
        """Submits a window of files at a time (a few per Dask worker), so the bytes in flight stay bounded."""
        from distributed import as_completed

        if not jobs:
            return
        window = max(4, 4 * len(self.client.scheduler_info().get("workers", {}) or [0]))
        index: dict[Any, int] = {}
        todo = iter(enumerate(jobs))

        def submit() -> Any:
            nxt = next(todo, None)
            if nxt is None:
                return None
            i, j = nxt
            f = self.client.submit(dask_task, j.item(), self._ctx_future, pure=False)
            index[f.key] = i
            return f

        first = [f for f in (submit() for _ in range(window)) if f is not None]
        queue = as_completed(first)
        for f in queue:
            i = index.pop(f.key)
            yield i, _as_result(jobs[i], _from_dask(jobs[i], f.result()))
            more = submit()
            if more is not None:
                queue.add(more)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_runner(ctx: ScreeningContext, *, engine: str = "local", workers: int | None = None,
                scheduler: str | None = None, sandbox: bool = True) -> LocalRunner | DaskRunner:
    if engine == "local":
        if scheduler:
            raise UsageError("--scheduler goes with --engine dask")
        return LocalRunner(ctx, workers=workers, sandbox=sandbox)
    if engine == "dask":
        return DaskRunner(ctx, workers=workers, scheduler=scheduler)
    raise UsageError(f"--engine {engine}: use local or dask")
