"""The sandbox names the limit a file broke, replaces the worker, and goes on with the next file."""

from __future__ import annotations

import os

from screener.errors import CorruptDocument, ParseMemoryExceeded, ParseTimeout
from screener.ingest.limits import Limits
from screener.ingest.sandbox import SandboxPool


def _task(name: str, payload: str) -> str:
    if payload == "spin":
        while True:
            pass
    if payload == "hog":
        hoard = bytearray(2 * 1024 * 1024 * 1024)
        return str(len(hoard))
    if payload == "crash":
        os.abort()
    return f"{name}: {payload}"


def test_each_limit_is_named_and_the_batch_goes_on() -> None:
    items = [("a.pdf", "spin"), ("b.pdf", "hog"), ("c.pdf", "crash"), ("d.pdf", "fine")]
    with SandboxPool(_task, 1, limits=Limits(timeout_s=0.5, memory_mb=128)) as pool:
        got = dict(pool.run_many(iter(items), count=len(items)))
        assert pool.replaced == 3
    assert isinstance(got[0], ParseTimeout) and "time limit" in str(got[0]) and got[0].file == "a.pdf"
    assert isinstance(got[1], ParseMemoryExceeded) and "memory limit" in str(got[1]) and got[1].file == "b.pdf"
    assert isinstance(got[2], CorruptDocument) and got[2].file == "c.pdf"
    assert got[3] == "d.pdf: fine"


def test_workers_are_gone_after_close() -> None:
    pool = SandboxPool(_task, 2)
    assert dict(pool.run_many([("x", "1"), ("y", "2")])) == {0: "x: 1", 1: "y: 2"}
    pids = pool.pids
    assert len(pids) == 2
    pool.close()
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        raise AssertionError(f"worker {pid} still exists after close")
