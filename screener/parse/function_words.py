"""English function words, in the groups the parsers and the extractor compose their word sets from: each use names
its purpose ("a name's connector", "a sentence goes on", "a span's edge") and takes the groups it needs.

    from screener.parse.function_words import ARTICLES, CONJUNCTIONS, PREPOSITIONS
"""

from __future__ import annotations

#: the prepositions that join the words of a name, a heading or a clause ("Bank of Lisbon", "Head of Sales")
PREPOSITIONS = frozenset({"of", "in", "for", "at", "to", "with", "on", "by", "from"})
ARTICLES = frozenset({"the", "a", "an"})
CONJUNCTIONS = frozenset({"and", "or"})
#: lower-case particles inside names in other languages ("Universidad de Chile", "Banco del Sur")
NAME_PARTICLES = frozenset({"de", "del", "da", "di", "du", "der", "des", "la", "le", "el", "y", "e"})

__all__ = ["ARTICLES", "CONJUNCTIONS", "NAME_PARTICLES", "PREPOSITIONS"]
