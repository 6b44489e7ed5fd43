"""Annotation priors: smoothing, leave-one-document-out, pruning alike in training and use, storage."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from screener.extract.lexicon import LexiconError
from screener.extract.priors import MIN_DOCS, PRIORS_FILE, AnnotationPriors, PriorCounts
from screener.extract.skills import SkillExtractor


def _doc(marks: dict[str, bool], text: str, skills: list[tuple[int, int]]) -> PriorCounts:
    return PriorCounts.of_document(marks, text.split(), skills)


def _corpus() -> list[PriorCounts]:
    return [
        _doc({"java": True, "english": False}, "knowledge of java and english", [(2, 3)]),
        _doc({"java": True, "english": True}, "knowledge of java , english", [(2, 3), (4, 5)]),
        _doc({"java": False, "english": False}, "coffee and java in english", []),
        _doc({"java": True}, "using java daily", [(1, 2)]),
    ]


def _total(docs: list[PriorCounts]) -> PriorCounts:
    t = PriorCounts()
    for d in docs:
        t.add(d)
    return t


def test_counts_per_table() -> None:
    total = _total(_corpus())
    assert total.docs == 4
    assert total.tables["phrase"]["java"] == [3, 4, 4]
    assert total.tables["word"]["java"] == [3, 4, 4]
    # "of" precedes a skill twice in two documents; "knowledge" never does
    assert total.tables["prev"]["of"] == [2, 2, 2]
    assert total.tables["prev"]["knowledge"][0] == 0


def test_rates_are_smoothed_towards_the_corpus_average() -> None:
    pri = AnnotationPriors(_total(_corpus()))
    java, n = pri.rate("phrase", "java")
    assert n == 4 and pri.bases["phrase"] < java < 1.0
    unseen, n = pri.rate("phrase", "cobol")
    assert n == 0 and unseen == pytest.approx(pri.bases["phrase"])
    f = pri.features("java", "of", "and")
    assert f["pr_phrase"] == java and "pr_prev" in f and "pr_next" in f
    # no neighbour at the ends of a text: no neighbour feature
    assert "pr_prev" not in pri.features("java", "", "")


def test_leave_one_out_equals_the_table_without_the_document() -> None:
    docs = _corpus()
    full = AnnotationPriors(_total(docs))
    for i, own in enumerate(docs):
        rest = AnnotationPriors(_total(docs[:i] + docs[i + 1:]), full.bases)
        for table, key in (("phrase", "java"), ("phrase", "english"), ("word", "java"), ("prev", "of"),
                           ("next", "and"), ("word", "coffee")):
            assert full.rate(table, key, minus=own) == rest.rate(table, key), (i, table, key)


def test_rare_entries_are_pruned_in_storage_and_in_training_alike(tmp_path: Path) -> None:
    docs = _corpus()
    pri = AnnotationPriors(_total(docs))
    path = tmp_path / "p.json.gz"
    pri.save(path, {"source": "test"})
    again = AnnotationPriors.load(path)
    stored = json.loads(gzip.decompress(path.read_bytes()))
    assert all(v[2] >= MIN_DOCS for t in stored["tables"].values() for v in t.values())
    assert "coffee" not in stored["tables"]["word"]  # one document only
    for table, key in (("phrase", "java"), ("word", "java"), ("word", "coffee"), ("prev", "of"), ("word", "x")):
        assert again.rate(table, key) == pytest.approx(pri.rate(table, key), abs=1e-6), (table, key)
    # the same counts give the same bytes
    path2 = tmp_path / "q.json.gz"
    pri.save(path2, {"source": "test"})
    assert path.read_bytes() == path2.read_bytes()


def test_broken_priors_file_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "annotation_priors.json.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(LexiconError, match="annotation_priors.json.gz"):
        AnnotationPriors.load(bad)


def test_shipped_priors_keep_no_single_document_word() -> None:
    data = json.loads(gzip.decompress(PRIORS_FILE.read_bytes()))
    assert data["docs"] > 100 and "dotin" in data["meta"]["source"]
    assert all(v[2] >= MIN_DOCS for t in data["tables"].values() for v in t.values())


def test_extractor_uses_the_priors() -> None:
    ex = SkillExtractor.load()
    assert ex.priors.counts.docs > 100
    text = ("SKILLS\nJava, SQL, Python, Docker, Kubernetes, project management\n\nEXPERIENCE\n"
            "Software Engineer, Acme Corp, 2019 - 2023\nBuilt services in Java and Python on Kubernetes. "
            "Used SQL daily for reporting and wrote Dockerfiles for every service.\n" * 3)
    found = {m.text.lower() for m in ex.extract(text)}
    assert {"java", "sql", "python", "kubernetes"} <= found


def test_heading_and_label_tables() -> None:
    docs = [PriorCounts.of_document({"java": True}, ["java"], [(0, 1)],
                                    headings=[("technical skills", True), ("personal details", False)],
                                    labels=[("environment", True), ("client", False), ("", True)])
            for _ in range(3)]
    pri = AnnotationPriors(_total(docs))
    assert pri.counts.tables["label"]["environment"] == [3, 3, 3]
    assert "" not in pri.counts.tables["label"]  # a line without a label counts nowhere
    f_env = pri.features("java", "", "", heading="technical skills", label="environment")
    f_client = pri.features("java", "", "", heading="personal details", label="client")
    assert f_env["pr_label"] > pri.bases["label"] > f_client.get("pr_label", 0.0)
    assert f_env["pr_heading"] > f_client.get("pr_heading", 0.0)


def test_candidates_carry_their_line_label_and_heading() -> None:
    from screener.extract.candidates import default_sections

    ex = SkillExtractor.load()
    text = "TECHNICAL SKILLS\nEnvironment: Java, Oracle\n"
    cands = ex.candidates(text, default_sections(text))
    java = next(c for c in cands if text[c.start:c.end] == "Java")
    assert java.label == "environment"
    assert java.heading.startswith("technical")


def test_memoised_features_equal_the_unmemoised_ones() -> None:
    # the extraction path memoises a phrase's own features; the training path (``minus``) computes them each time
    pri = AnnotationPriors(_total(_corpus()))
    for _ in range(2):  # the second round reads the memo
        for args in [("java", "of", "and"), ("java", "", ""), ("english", "java", ",", "of java"), ("cobol", "", "x"),
                     ("java english", "of", "", "knowledge of", "skills", "tools")]:
            got = pri.features(*args)
            assert got == pri.features(*args, minus=PriorCounts())
            assert list(got) == list(pri.features(*args, minus=PriorCounts()))  # in the same order
            got["pr_phrase"] = -1.0  # a caller's dict is its own: the memo is not changed through it
    assert pri.features("java", "of", "and")["pr_phrase"] == pri.rate("phrase", "java")[0]
