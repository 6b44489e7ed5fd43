"""IngestPool: bad files become error rows; slow, memory-hungry or crashing parses are stopped and replaced."""

from __future__ import annotations

import os
from pathlib import Path

from screener.errors import CorruptDocument, DocumentError, ParseMemoryExceeded, ParseTimeout
from screener.ingest import IngestPool, Limits, ingest_batch, ingest_bytes
from screener.models import Document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def _hostile_parser(data: bytes, filename: str, *, limits: Limits) -> Document:
    """ingest_bytes, except for magic names that misbehave the way a hostile file could."""
    if filename == "spin.pdf":
        while True:  # never returns: the pool's wall-clock limit must stop it
            pass
    if filename == "hog.pdf":
        hoard = bytearray(4 * 1024 * 1024 * 1024)  # far past the worker's allowance
        return ingest_bytes(bytes(hoard[:1]), filename, limits=limits)
    if filename == "crash.pdf":
        os.abort()
    return ingest_bytes(data, filename, limits=limits)


def test_pool_turns_every_failure_into_a_row() -> None:
    good = (FIXTURES / "hostile.pdf").read_bytes()
    items = [
        ("good.pdf", good),
        ("broken.pdf", (FIXTURES / "truncated.pdf").read_bytes()),
        ("spin.pdf", good),
        ("hog.pdf", good),
        ("crash.pdf", good),
        ("after.txt", b"Still works after the bad ones"),
    ]
    limits = Limits(timeout_s=1.0, memory_mb=256)
    with IngestPool(2, limits=limits, parser=_hostile_parser) as pool:
        results = dict(pool.ingest_many(items))
        assert pool.replaced == 3
    assert sorted(results) == list(range(len(items)))
    assert isinstance(results[0], Document) and results[0].file == "good.pdf"
    assert isinstance(results[1], CorruptDocument) and results[1].file == "broken.pdf"
    assert isinstance(results[2], ParseTimeout) and "longer than 1 s" in str(results[2])
    assert isinstance(results[3], ParseMemoryExceeded) and results[3].file == "hog.pdf"
    assert isinstance(results[4], CorruptDocument) and "crash" in str(results[4])
    assert isinstance(results[5], Document) and results[5].text == "Still works after the bad ones"


def test_replaced_worker_serves_the_next_file() -> None:
    items = [("hog.pdf", b"x"), ("next.txt", b"next file"), ("last.txt", b"last file")]
    with IngestPool(1, limits=Limits(memory_mb=128), parser=_hostile_parser) as pool:
        results = dict(pool.ingest_many(items))
    assert isinstance(results[0], ParseMemoryExceeded)
    assert [results[1].text, results[2].text] == ["next file", "last file"]  # type: ignore[union-attr]


def test_errors_keep_their_type_message_and_file_across_processes() -> None:
    with IngestPool(1) as pool:
        ((index, result),) = pool.ingest_many([("dir/cv.pdf", b"%PDF-1.4 nonsense")])
    assert index == 0
    assert isinstance(result, DocumentError)
    assert str(result) == "cv.pdf: not a valid PDF (the file is damaged)"


def test_ingest_batch_in_input_order_sandboxed_and_not() -> None:
    items = [("a.txt", b"alpha"), ("b.pdf", b"%PDF-1.4 junk"), ("c.txt", b"gamma")]
    for sandbox in (True, False):
        results = ingest_batch(items, sandbox=sandbox, workers=2)
        assert [type(r).__name__ for r in results] == ["Document", "CorruptDocument", "Document"]
        assert [getattr(r, "text", None) for r in results] == ["alpha", None, "gamma"]
