"""Pipeline plumbing: reading inputs, separating badge files from résumés, attaching them, ranking."""

from __future__ import annotations

import json
from pathlib import Path

from screener.errors import FileTooLarge
from screener.pipeline import InputFile, attach_badge_files, rank, read_inputs, split_badge_files
from screener.score.model import CandidateResult


def test_read_inputs_folder_skips_readme_and_maps_but_lists_unsupported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "README.md").write_text("x")
    (tmp_path / "offline-map.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "notes.xyz").write_text("x")
    sub = tmp_path / "badges"
    sub.mkdir()
    (sub / "b.png").write_bytes(b"\x89PNG")
    names = [f.name for f in read_inputs([tmp_path], max_bytes=100)]
    assert names == ["a.txt", "b.png", "notes.xyz"]  # an unsupported file is a row (its reader says why)


def test_read_inputs_size_cap_and_missing(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"0" * 2000)
    got = read_inputs([big, tmp_path / "nope.pdf", ("up.txt", b"0" * 5000)], max_bytes=1000)
    assert isinstance(got[0].error, FileTooLarge) and got[0].data is None
    assert "over the" in got[0].error.user_message()
    assert got[1].error is not None and "not found" in got[1].error.user_message()
    assert isinstance(got[2].error, FileTooLarge)


def test_split_badge_files() -> None:
    badge_json = json.dumps({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion"}).encode()
    vc = json.dumps({"@context": ["https://www.w3.org/ns/credentials/v2"],
                     "type": ["VerifiableCredential", "OpenBadgeCredential"]}).encode()
    resume = json.dumps({"basics": {"name": "A"}}).encode()
    files = [InputFile("a.json", badge_json), InputFile("b.json", vc), InputFile("c.json", resume),
             InputFile("d.png", b"\x89PNG\r\n\x1a\n....iTXtopenbadges\x00{}"), InputFile("e.pdf", b"%PDF"),
             InputFile("f.jwt", b"x.y.z"), InputFile("g.png", b"\x89PNG\r\n\x1a\n....IDAT")]  # g: a scanned résumé
    from screener.pipeline import classify_json

    files = [InputFile(f.name, f.data, key=f.name) for f in files]
    found = frozenset(f.name for f in files if f.name.endswith(".json") and classify_json(f.data) == "badge")
    resumes, badges = split_badge_files(files, found)
    assert [f.name for f in resumes] == ["c.json", "e.pdf", "g.png"]
    assert [f.name for f in badges] == ["a.json", "b.json", "d.png", "f.jwt"]


def test_attach_badge_files_by_name() -> None:
    resumes = [InputFile("priya_raman_software_engineer.pdf", b""), InputFile("priya_patel_analyst.pdf", b""),
               InputFile("ana.pdf", b"")]
    badges = [InputFile("priya_raman_kubernetes.png", b""), InputFile("priya_x.png", b""),
              InputFile("ana-badge.svg", b""), InputFile("other.png", b"")]
    got = attach_badge_files(resumes, badges)
    assert [b.name for b in got["priya_raman_software_engineer.pdf"]] == ["priya_raman_kubernetes.png"]
    assert [b.name for b in got["ana.pdf"]] == ["ana-badge.svg"]
    # "priya_x" shares one word with two résumés: ambiguous, never guessed
    assert sorted(b.name for b in got[""]) == ["other.png", "priya_x.png"]


def test_rank_orders_by_score_then_file_and_errors_last() -> None:
    rs = [CandidateResult("b.pdf", "B", 50.0), CandidateResult("z.pdf", "", None, error="bad"),
          CandidateResult("a.pdf", "A", 50.0), CandidateResult("c.pdf", "C", 90.0),
          CandidateResult("y.pdf", "", None, error="bad")]
    assert [r.file for r in rank(rs)] == ["c.pdf", "a.pdf", "b.pdf", "y.pdf", "z.pdf"]


def test_single_resume_takes_every_badge() -> None:
    got = attach_badge_files([InputFile("cv.pdf", b"")], [InputFile("badge1.png", b""), InputFile("x.jwt", b"")])
    assert [b.name for b in got["cv.pdf"]] == ["badge1.png", "x.jwt"] and "" not in got


def test_regulated_role_without_licence_block_gets_a_note(tmp_path: Path) -> None:
    from datetime import date

    from screener import ScreenOptions, parse_rubric, screen

    rubric = parse_rubric("role: Pharmacist\ncompetencies: [{name: Dispensing, skills: [dispense medication], "
                          "weight: 1}]\n")
    cv = (b"SKILLS\nDispense medication, patient counselling\n")
    run = screen(rubric, [("cv.txt", cv)], options=ScreenOptions(as_of=date(2026, 12, 1), sandbox=False))
    assert any("regulated profession" in n and "FPGEE" in n for n in run.notes)


def test_unsafe_badge_link_is_refused_even_offline() -> None:
    from datetime import date

    from screener import ScreenOptions, parse_rubric, screen

    rubric = parse_rubric("role: R\ncompetencies: [{name: AWS, skills: [AWS], weight: 1}]\n")
    cv = ("CERTIFICATIONS\nAWS Solutions Architect — verify: http://169.254.169.254/badges/assertion.json\n"
          "SKILLS\nPython\n").encode()
    run = screen(rubric, [("cv.txt", cv)], options=ScreenOptions(as_of=date(2026, 12, 1), sandbox=False))
    [r] = run.results
    assert [b.verdict for b in r.badges] == ["unsafe-url"]
    assert any("unsafe-url" in w for w in r.warnings)
    aws = r.competency("AWS")
    assert aws is not None and aws.score == 0  # the claim behind a refused link gives nothing


def test_lazy_inputs_are_hashed_not_kept(tmp_path: Path) -> None:
    import hashlib

    (tmp_path / "cv.txt").write_text("Jane Doe\nSKILLS\nPython\n")
    (tmp_path / "badge.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "r.json").write_text("{}")
    got = {f.name: f for f in read_inputs([tmp_path], max_bytes=1000, keep_data=False)}
    assert got["cv.txt"].data is None and got["cv.txt"].lazy and got["cv.txt"].readable
    assert got["cv.txt"].sha256 == hashlib.sha256(b"Jane Doe\nSKILLS\nPython\n").hexdigest()
    assert got["cv.txt"].load() == b"Jane Doe\nSKILLS\nPython\n"
    assert got["badge.png"].data == b"\x89PNG\r\n" and got["r.json"].data == b"{}"


def test_a_file_gone_before_its_turn_is_an_error_row(tmp_path: Path) -> None:
    from datetime import date

    from screener import ScreenOptions, parse_rubric
    from screener.pipeline import build_context
    from screener.pipeline.runner import Job, LocalRunner

    rubric = parse_rubric("role: R\ncompetencies: [{name: Python, skills: [Python], weight: 1}]\n")
    ctx = build_context(rubric, ScreenOptions(as_of=date(2026, 12, 1)))
    jobs = [Job("gone.txt", "gone.txt", None, path=str(tmp_path / "gone.txt"), digest="ab" * 32),
            Job("here.txt", "here.txt", b"SKILLS\nPython\n")]
    for sandbox in (True, False):
        with LocalRunner(ctx, workers=1, sandbox=sandbox) as runner:
            got = dict(runner.run(jobs))
        assert "cannot read the file" in got[0].error and got[0].candidate_code == "C-abababab"
        assert got[1].overall is not None
