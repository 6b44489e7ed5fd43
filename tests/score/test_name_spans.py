"""A name's ways of being written are found by searching each core and checking the edges by hand: exactly the
spans the whole expression (edges compiled in) finds, on texts made to test every edge."""

from __future__ import annotations

import random

import pytest

from screener.score.exclusions import _name_patterns, name_tokens

NAMES = ["Jonas Helm", "Go Eun-ji", "Ann Anna", "Giulia Scala", "Mei Lin Chen", "Rust", "Tomás Ruiz", "Ola Swift"]
PIECES = ["Jonas Helm", "jonas helm", "JONAS HELM", "JJonas Helm", "Jonas HelmPhone", "Jonas Helmut", "Helm, Jonas",
          "J. Helm", "J.K. Helm", "jonas-helm", "jonas_helm", "helm.jonas", "Mr. Helm", "Dr Jonas", "@jonashelm",
          "Jonas A. B. Helm Helmsley", "Jonas Helm Helm", "Go Eun-ji", "Eun-ji Go", "Eun ji", "go-eunji",
          "Go Eun-jiPhone: 1", "Ann Anna", "Mrs. Anna", "Mrs. AnnA", "Ms Ann", "Anna Ann", "Giulia Scala 2",
          "Scala, Giulia", "Mei Lin Chen", "Chen Lin Mei", "M. Chen", "Rust", "Rust,", "rusty", "Tomás Ruiz",
          "T. Ruiz", "Ola Swift", "Swift, Ola", "Ola SwiftKit", "www.olaswift.dev", "ola.swift@example.com",
          "Helm", "Helmsman", "É", "Ñ", "ß", "_", "-", ".", "/", "@", "1", "\n", "  ", " | ", " ", "Page 2 of 3"]


@pytest.mark.parametrize("name", NAMES)
def test_spans_are_what_the_whole_expression_finds(name: str) -> None:
    rng = random.Random(name)
    patterns = _name_patterns(name_tokens(name))
    assert patterns
    texts = [" ".join(PIECES), "".join(PIECES)]
    texts += ["".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 12))) for _ in range(400)]
    for text in texts:
        for pat in patterns:
            assert list(pat.spans(text)) == [m.span() for m in pat.full().finditer(text)], (name, text)


def test_edges_that_need_the_whole_expression() -> None:
    """Where the greedy core ends inside a longer word, a shorter reading of it can still be a name."""
    (pat,) = [p for p in _name_patterns(["Jonas", "Helm"]) if "{0,2}" in p._source]
    text = "Jonas Helm Helmsley"
    assert list(pat.spans(text)) == [(0, 10)] == [m.span() for m in pat.full().finditer(text)]
