"""Runs through the CLI contract: record, list, export (the same bytes as screen --out), delete, and a run killed
with SIGKILL mid-batch that resumes with nothing scored twice, nothing lost and no worker left behind."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from screener.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_data"
RUBRIC = ROOT / "rubrics" / "software-engineer.yaml"
AS_OF = "2026-12-01"

_SKILLS = ["Python", "Java", "Go", "Kubernetes", "Docker", "AWS", "PostgreSQL", "REST APIs", "Terraform", "React"]


def _resume(i: int) -> str:
    picks = ", ".join(_SKILLS[j % len(_SKILLS)] for j in range(i % 7 + 1))
    return (f"Candidate Number{i}\ncandidate{i}@example.com\n\nEXPERIENCE\nSoftware Engineer, Firm {i}\n"
            f"Jan {2010 + i % 10} - Present\n• Built services in {picks}\n\nSKILLS\n{picks}\n")


def _batch(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"cv_{i:03d}.txt").write_text(_resume(i), encoding="utf-8")
    return folder


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _runs(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict]:
    code, out, _ = _cli(capsys, "runs", "list", "--db", str(db), "--json")
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize("suffix", [".csv", ".json", ".xlsx"])
def test_export_writes_what_screen_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    db = tmp_path / "s.db"
    out = tmp_path / f"screen{suffix}"
    code, _, err = _cli(capsys, "screen", "--rubric", str(RUBRIC), str(SAMPLES), "--db", str(db),
                        "--as-of", AS_OF, "--out", str(out))
    assert code == 0, err
    [info] = _runs(capsys, db)
    assert set(info) == {"id", "status", "rubric", "created", "files", "scored", "errors"}
    assert (info["status"], info["rubric"], info["files"], info["scored"] + info["errors"]) == \
        ("complete", "Software Engineer", 10, 10)
    again = tmp_path / f"export{suffix}"
    code, _, err = _cli(capsys, "runs", "export", info["id"], "--db", str(db), "--out", str(again))
    assert code == 0, err
    assert again.read_bytes() == out.read_bytes()


def test_list_newest_first_and_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    folder = _batch(tmp_path / "cvs", 3)
    for _ in range(2):
        assert _cli(capsys, "screen", "--rubric", str(RUBRIC), str(folder), "--db", str(db), "--as-of", AS_OF)[0] == 0
    runs = _runs(capsys, db)
    assert len(runs) == 2 and runs[0]["created"] >= runs[1]["created"]
    assert _cli(capsys, "runs", "delete", runs[0]["id"], "--db", str(db))[0] == 0
    assert [r["id"] for r in _runs(capsys, db)] == [runs[1]["id"]]


@pytest.mark.parametrize(("argv", "piece"), [
    (["runs", "export", "nope", "--out", "x.csv"], "no run 'nope'"),
    (["runs", "delete", "nope"], "no run 'nope'"),
    (["screen", "--resume", "nope"], "no run 'nope'"),
    (["runs", "export", "nope", "--out", "x.txt"], "use a .csv, .json or .xlsx"),
    (["screen", "--rubric", str(RUBRIC), str(SAMPLES), "--engine", "spark"], "--engine spark"),
    (["screen", "--rubric", str(RUBRIC), str(SAMPLES), "--scheduler", "tcp://127.0.0.1:1"], "--scheduler goes with"),
    (["screen", str(SAMPLES)], "give --rubric"),
    (["screen", "--resume", "x", "--rubric", str(RUBRIC)], "takes no rubric"),
])
def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                         piece: str) -> None:
    code, _, err = _cli(capsys, *argv, "--db", str(tmp_path / "s.db"))
    assert code == 2
    assert err.count("\n") == 1 and piece in err and "Traceback" not in err


def test_not_a_database_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("hello " * 500)
    code, _, err = _cli(capsys, "runs", "list", "--db", str(bad), "--json")
    assert code == 2 and "not a screening database" in err and err.count("\n") == 1


def _tagged_pids(tag: str) -> list[int]:
    """Live processes (ours) whose environment carries ``tag``: the CLI and the workers it forked."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if tag.encode() in (entry / "environ").read_bytes():
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


def _wait_gone(pids: list[int], timeout: float) -> list[int]:
    """Pids still alive after ``timeout`` seconds (waits on pidfds: no polling)."""
    left = []
    for pid in pids:
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                left.append(pid)
        finally:
            os.close(fd)
    return left


@pytest.mark.skipif(not hasattr(os, "pidfd_open") or not Path("/proc/self/environ").exists(), reason="Linux only")
def test_sigkill_mid_batch_then_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    n = 150
    folder = _batch(tmp_path / "cvs", n)
    db = tmp_path / "s.db"
    tag = f"SCREENER_TEST_TAG={os.getpid()}-{tmp_path.name}"
    env = {**os.environ, "SCREENER_TEST_TAG": tag.split("=", 1)[1], "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "screener", "screen", "--rubric", str(RUBRIC), str(folder),
                             "--db", str(db), "--as-of", AS_OF, "--progress", "--workers", "2"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    seen = 0
    for line in proc.stderr:  # wait until a few results are committed
        if line.startswith("[") and not line.startswith("[0/"):
            seen += 1
            if seen == 5:
                break
    workers = [p for p in _tagged_pids(tag) if p != proc.pid]
    assert len(workers) == 2, workers
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    proc.stderr.close()
    assert _wait_gone(workers, 5.0) == [], "workers outlived their killed parent"

    [info] = _runs(capsys, db)
    assert info["status"] == "interrupted" and info["files"] == n
    done_before = info["scored"] + info["errors"]
    assert 5 <= done_before < n
    conn = sqlite3.connect(db)
    before = dict(conn.execute("SELECT file_key, scored_at FROM results").fetchall())
    conn.close()

    out = tmp_path / "resumed.csv"
    code, _, err = _cli(capsys, "screen", "--resume", info["id"], "--db", str(db), "--out", str(out))
    assert code == 0, err
    [info] = _runs(capsys, db)
    assert (info["status"], info["files"], info["scored"] + info["errors"]) == ("complete", n, n)
    conn = sqlite3.connect(db)
    after = dict(conn.execute("SELECT file_key, scored_at FROM results").fetchall())
    conn.close()
    assert len(after) == n and all(after[k] == v for k, v in before.items())  # nothing scored twice

    clean = tmp_path / "clean.csv"
    assert _cli(capsys, "screen", "--rubric", str(RUBRIC), str(folder), "--db", str(tmp_path / "other.db"),
                "--as-of", AS_OF, "--out", str(clean))[0] == 0
    assert out.read_bytes() == clean.read_bytes()  # nothing lost, nothing different
