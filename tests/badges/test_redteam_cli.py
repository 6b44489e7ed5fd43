"""The CLI contract end to end: every dev fixture through ``python -m screener badge verify ... --json``.

Each fixture runs in its own process with an offline map built from its world (fetched/worlds.json), as an offline
check inside a network namespace would: exit 0 and a single JSON object on stdout. To keep the table fast, one
driver subprocess imports the package once and forks a child per fixture; each child runs ``screener.__main__``
(what ``python -m screener`` runs) with the fixture's argv and its own stdout/stderr files. A few inputs also run
as fully fresh ``python -m screener`` processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from .conftest import FIXTURES, claimed_emails, expected_rows

ROOT = Path(__file__).resolve().parents[2]
ROWS = [r for r in expected_rows() if r["format"] not in ("recipient-vector", "hostile-url-list")]


def _offline_map(fixture: str, folder: Path) -> Path:
    worlds = json.loads((FIXTURES / "fetched" / "worlds.json").read_text(encoding="utf-8"))["worlds"]
    mapping: dict[str, Any] = dict(worlds["default"])
    mapping.update(worlds.get(fixture, {}))
    # String values are paths relative to the badges folder; the CLI reads them relative to the map's folder,
    # so make them absolute (the map is the user's and may point anywhere).
    resolved = {url: str(FIXTURES / v) if isinstance(v, str) else v for url, v in mapping.items()}
    path = folder / (fixture.replace("/", "__") + ".map.json")
    path.write_text(json.dumps(resolved), encoding="utf-8")
    return path


def _argv(fixture: str, folder: Path) -> list[str]:
    argv = ["badge", "verify", str(FIXTURES / fixture), "--offline-map", str(_offline_map(fixture, folder)), "--json"]
    email = claimed_emails().get(fixture)
    if email:
        argv += ["--email", email]
    return argv


# Runs in the driver subprocess: fork per job so every fixture gets a fresh process (exit code, stdout, stderr).
_DRIVER = """
import json, os, runpy, sys
import screener.cli, screener.badges.verify, screener.badges.fetch  # paid once, before forking
jobs = json.loads(sys.stdin.read())
codes = {}
for name, argv, out, err in jobs:
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            with open(out, "w") as o, open(err, "w") as e:
                os.dup2(o.fileno(), 1); os.dup2(e.fileno(), 2)
                sys.argv = ["python -m screener", *argv]
                try:
                    runpy.run_module("screener", run_name="__main__", alter_sys=True)
                    code = 0
                except SystemExit as stop:
                    code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
                sys.stdout.flush(); sys.stderr.flush()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    codes[name] = os.waitstatus_to_exitcode(status)
print(json.dumps(codes))
"""


@lru_cache(maxsize=1)
def _all_results(folder: str) -> dict[str, tuple[int, str, str]]:
    base = Path(folder)
    jobs = []
    for i, row in enumerate(ROWS):
        jobs.append([row["path"], _argv(row["path"], base), str(base / f"{i}.out"), str(base / f"{i}.err")])
    done = subprocess.run([sys.executable, "-c", _DRIVER], input=json.dumps(jobs), cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=True)
    codes = json.loads(done.stdout)
    return {name: (codes[name], Path(out).read_text(encoding="utf-8"), Path(err).read_text(encoding="utf-8"))
            for name, _argv_, out, err in jobs}


@pytest.fixture(scope="module")
def cli_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str]]:
    return _all_results(str(tmp_path_factory.mktemp("cli-maps")))


@pytest.mark.parametrize("row", ROWS, ids=[r["path"] for r in ROWS])
def test_cli_verdict_for_every_dev_fixture(row: dict[str, str], cli_results: dict[str, tuple[int, str, str]]) -> None:
    code, out, err = cli_results[row["path"]]
    assert code == 0, err
    assert "Traceback" not in err
    decoder = json.JSONDecoder()
    value, end = decoder.raw_decode(out.strip())
    assert out.strip()[end:].strip() == "", "stdout holds exactly one JSON object"
    assert isinstance(value, dict)
    expected = row["expected_verdict"]
    if expected == "tampered":
        assert (value["verdict"], value["tampered"]) == ("invalid-signature", True), value["reasons"]
    else:
        assert value["verdict"] == expected, value["reasons"]
    assert value["reasons"] and isinstance(value["issuer"], (str, type(None)))


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"{" * 100_000, b"\xef\xbb\xbf" + b"[]"],
)
def test_cli_gives_a_verdict_for_any_readable_file(content: bytes, tmp_path: Path) -> None:
    target = tmp_path / "badge.bin"
    target.write_bytes(content)
    offline = tmp_path / "map.json"
    offline.write_text("{}", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "screener", "badge", "verify", str(target), "--offline-map",
                           str(offline), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["verdict"] == "malformed"
