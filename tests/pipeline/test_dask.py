"""``--engine dask`` runs the same screen_one on Dask distributed and gives byte-identical results to local."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from screener import ScreenOptions, load_rubric, screen
from screener.report import results_json

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cluster():
    c = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                 dashboard_address=None, silence_logs=40)
    try:
        yield c
    finally:
        c.close()


def _json(run, rubric) -> str:
    return json.dumps(results_json(run, [c.name for c in rubric.competencies]), ensure_ascii=False, indent=2)


def test_dask_equals_local(cluster, tmp_path: Path) -> None:
    rubric = load_rubric(ROOT / "rubrics" / "software-engineer.yaml")
    inputs: list = [ROOT / "sample_data", ("broken.pdf", b"%PDF-1.4 not really"),
                    ("deep.json", b"[" * 50_000 + b"]" * 50_000)]
    opts = ScreenOptions(as_of=date(2026, 12, 1), offline_map=ROOT / "sample_data" / "offline-map.json")
    local = screen(rubric, inputs, options=opts)
    dask = screen(rubric, inputs, options=opts, engine="dask", scheduler=cluster.scheduler_address)
    assert _json(dask, rubric) == _json(local, rubric)
    assert sum(1 for r in dask.results if r.error) == 2


def test_dask_time_limit_holds_on_the_workers(cluster) -> None:
    rubric = load_rubric(ROOT / "rubrics" / "software-engineer.yaml")
    cv = (ROOT / "sample_data" / "lucia_hernandez_civil_engineer.txt").read_bytes()
    run = screen(rubric, [("slow.txt", cv)], options=ScreenOptions(as_of=date(2026, 12, 1), timeout_s=0.001),
                 engine="dask", scheduler=cluster.scheduler_address)
    [r] = run.results
    assert r.overall is None and "time limit" in r.error
