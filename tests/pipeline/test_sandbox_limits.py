"""The sandbox names the limit a file broke, replaces the worker, and goes on with the next file."""

from __future__ import annotations

import gc
import os
import time

from screener.errors import CorruptDocument, ParseMemoryExceeded, ParseTimeout
from screener.ingest.limits import Limits
from screener.ingest.sandbox import SandboxPool


def _task(name: str, payload: str) -> object:
    if payload == "spin":
        while True:
            pass
    if payload == "hog":
        hoard = bytearray(2 * 1024 * 1024 * 1024)
        return str(len(hoard))
    if payload == "crash":
        os.abort()
    if payload.startswith("slow:"):
        time.sleep(0.2)
        return f"{name}: {payload}"
    if payload == "gc":
        return (gc.get_threshold()[0], gc.get_freeze_count() > 0)
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


def test_workers_collect_young_objects_rarely_and_leave_the_parents_alone() -> None:
    """A worker's youngest generation is collected every few tens of thousands of allocations, not every 700 (a
    résumé's short-lived objects were traversed again and again), and what the parent loaded stays frozen."""
    parent_threshold = gc.get_threshold()
    with SandboxPool(_task, 1) as pool:
        got = dict(pool.run_many([("a", "gc")]))
    young, frozen = got[0]
    assert young >= 10_000 and young > parent_threshold[0]
    assert frozen
    assert gc.get_threshold() == parent_threshold


def test_a_batch_left_half_read_leaves_no_reply_for_the_next() -> None:
    """Each worker gets its next file before its last result is handed on; when the caller stops reading, the
    file still in a worker must not come back as the answer to the next batch's first file."""
    with SandboxPool(_task, 1) as pool:
        first = pool.run_many([("a", "slow:1"), ("b", "slow:2"), ("c", "slow:3")])
        assert next(first) == (0, "a: slow:1")
        first.close()
        assert dict(pool.run_many([("x", "slow:9"), ("y", "slow:8")])) == {0: "x: slow:9", 1: "y: slow:8"}
