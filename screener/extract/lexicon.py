"""The compiled skills lexicon: token normalisation shared by the build script and the matcher, and loading.

The lexicon is compiled at build time (``scripts/build_lexicon.py``) from ESCO + O*NET + hand-written aliases
into ``data/lexicon.json.gz``. At run time it is loaded once into a dict from normalised token strings to concepts
and matched by n-gram lookup at each token (bounded by the longest key that starts with that token). Measured:
building a spaCy PhraseMatcher over ~110k phrases costs seconds and ~800 MB; a pyahocorasick automaton over the same
keys took 0.7 s to build (or 0.6 s to unpickle 65 MB); the dict loads in ~0.15 s and matches a résumé in a few ms.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from screener.errors import ScreenerError

DATA_DIR = Path(__file__).parent / "data"
LEXICON_FILE = DATA_DIR / "lexicon.json.gz"
ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"

# A token: an optional leading dot (".NET"), word characters with internal dots/apostrophes ("Node.js",
# "Java's"), then trailing + or # ("C++", "C#"). Any other non-space, non-hyphen character is its own token so
# that phrases cannot run across commas, brackets or full stops. Hyphens and underscores are separators:
# "e-commerce" and "e commerce" normalise alike.
TOKEN_RE = re.compile(r"\.?[^\W_]+(?:[.'’][^\W_]+)*[+#]*|[^\w\s\-‐‑–—_]")
_PLURAL_KEEP = ("ss", "us", "is", "os", "ous")
# Spelling variants of tool names, one normal form each, applied to lexicon keys, résumé and posting text and rubric
# terms alike (all go through norm_token / tokenize), so "RESTful APIs" meets "REST APIs", "Express.js" meets
# "Express", "NodeJS" / "Node JS" meet "Node". Rules on the form:
#   - an acronym with "-ful" ("RESTful") is the acronym;
#   - a ".js" / "JS" suffix glued to a name ("Node.js", "ExpressJS", "d3.js") is the name; "JS" written after a
#     capitalised name with one space ("Node JS", "React JS") is merged into it (tokenize);
#   - plurals ("APIs" -> "API") and possessives (norm_token), inner dots ("ASP.NET" = "aspnet"), hyphens and spacing (TOKEN_RE);
#   - a vendor prefix ("MS Excel", "Microsoft Excel") and a trailing version ("Python 3") are dropped as variants
#     of a whole key (key_variants).
# And unambiguous abbreviations of tools, after normalisation (Postgres -> "postgre" by the plural rule):
TOKEN_SYNONYMS = {"js": "javascript", "postgre": "postgresql", "dotnet": ".net", "k8s": "kubernete",
                  "golang": "go"}
_ACRONYM_FUL_RE = re.compile(r"^[A-Z]{2,}ful$")
_ACRONYM_PLURAL_RE = re.compile(r"^[A-Z]{2,}s$")
_JS_SUFFIX_RE = re.compile(r"^(?=.*[a-z])[^\W_]{2,}?\.?(?:js|JS|Js)$")
_VENDOR_WORDS = frozenset({"ms", "microsoft"})
# "3", "v2", "2.x", "11g" / "9i" / "12c" (Oracle's releases), "ES6" (ECMAScript editions)
_VERSION_TOKEN_RE = re.compile(r"^(?:v?\d+(?:\.\d+)*[gic]?x?|es\d+)$")


class LexiconError(ScreenerError):
    """The compiled skills lexicon is missing or unreadable (the installation is incomplete)."""

    code = "E500"


@dataclass(frozen=True)
class Concept:
    """A skill, knowledge area or tool of the lexicon."""

    id: str  # ESCO URI, "onet:<slug>", "alias:<slug>" or "custom:<slug>"
    label: str
    kind: str  # "skill" | "knowledge" | "tool" | "custom"


def js_suffixed(word: str) -> bool:
    """Whether ``word`` is a name with the "JS" suffix its token drops ("Node.js", "ReactJS", "nodejs")."""
    return _JS_SUFFIX_RE.match(word) is not None


@lru_cache(maxsize=65536)
def norm_token(tok: str) -> str:
    """Normalise one token so that case, plurals, possessives and inner dots do not matter."""
    raw = unicodedata.normalize("NFKC", tok)
    t = raw.casefold().replace("’", "'")
    if t == "&":
        return "and"
    if _ACRONYM_FUL_RE.match(raw):
        t = t[:-3]  # "RESTful" -> "rest"
    elif _ACRONYM_PLURAL_RE.match(raw):
        t = t[:-1]  # "APIs" -> "api", "URLs" -> "url"
    elif js_suffixed(raw):
        t = t[:-3] if t.endswith(".js") else t[:-2]  # "Node.js", "NodeJS", "nodejs" -> "node"
    if t.endswith("'s"):
        t = t[:-2]
    if "." in t[1:] and any(c.isalpha() for c in t):
        # "node.js" == "nodejs", "asp.net" == "aspnet"; a leading dot (".net") is kept: it tells .NET from "net".
        t = t[0] + t[1:].replace(".", "")
    if t.isalpha() and len(t) >= 4:
        if len(t) >= 5 and t.endswith("ies"):
            t = t[:-3] + "y"
        elif t.endswith("s") and not t.endswith(_PLURAL_KEEP):
            t = t[:-1]
    return TOKEN_SYNONYMS.get(t, t)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(normalised token, start, end) for every token of ``text``; "JS" after a capitalised name and one space is
    part of that name ("Node JS" is one token "node", as "Node.js" is)."""
    out: list[tuple[str, int, int]] = []
    for m in TOKEN_RE.finditer(text):
        w = m.group()
        if (w in ("JS", "js", "Js") and out and out[-1][2] == m.start() - 1 and text[m.start() - 1] == " "
                and _is_name(text[out[-1][1]:out[-1][2]])):
            out[-1] = (out[-1][0], out[-1][1], m.end())
            continue
        out.append((norm_token(w), m.start(), m.end()))
    return out


def _is_name(word: str) -> bool:
    """A capitalised or camel-case word, not an acronym ("HTML JS" stays two)."""
    return word[:1].isupper() and not word.isupper() and word.isalpha()


def norm_phrase(text: str) -> str:
    """A phrase as the automaton key it would match: normalised tokens joined by single spaces."""
    return " ".join(t for t, _, _ in tokenize(text))


def key_variants(key: str) -> list[str]:
    """Other keys a normalised phrase is written as: without a vendor prefix ("ms excel" -> "excel") and without a
    trailing version ("python 3", "oracle 11g", "javascript es6" -> the name). Used for lexicon forms, rubric terms
    and rubric look-ups."""
    out = []
    words = key.split(" ")
    if len(words) >= 2 and words[0] in _VENDOR_WORDS:
        out.append(" ".join(words[1:]))
    if len(words) >= 2 and _VERSION_TOKEN_RE.match(words[-1]):
        out.append(" ".join(words[:-1]))
    return out


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9+#.]+", "-", unicodedata.normalize("NFKC", text).casefold()).strip("-")


class Lexicon:
    """Concepts, surface forms, relations and the automaton built from the compiled file."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self.meta: dict[str, Any] = payload["meta"]
        ids: list[str] = payload["ids"]
        self.concepts: list[Concept] = [
            Concept(ESCO_SKILL_PREFIX + i[2:] if i.startswith("e:") else i, label, kind)
            for i, label, kind in zip(ids, payload["labels"], payload["kinds"], strict=True)
        ]
        self.index: dict[str, int] = {c.id: n for n, c in enumerate(self.concepts)}
        self.tech: set[int] = set(payload["tech"])
        # the ICT domain (tech + ESCO's ICT skill groups and occupations), and every concept a key names when it
        # names several, best first: for the choice of sense in technical context
        self.ict: frozenset[int] = frozenset(payload.get("ict", ()))
        self.senses: dict[str, list[int]] = payload.get("senses", {})
        self.surfaces: list[list[str]] = payload["surfaces"]
        self.related: list[list[int]] = payload["related"]
        # key -> concept index; keys are normalised phrases
        self.forms: dict[str, int] = dict(zip(payload["form_keys"], payload["form_concepts"], strict=True))
        # normalised surface -> the concepts it names besides ``forms[key]`` (in concept order): rubric look-ups
        self.label_extra: dict[str, list[int]] = payload["label_extra"]
        # first token -> number of tokens of the longest key starting with it: bounds the n-gram lookups
        self.max_len: dict[str, int] = payload["max_len"]
        self.alias_keys: frozenset[str] = frozenset(payload["alias_keys"])
        # single-token forms that are everyday English words (see build_lexicon.common_words)
        self.common: frozenset[str] = frozenset(payload["common"])
        # forms the build derived (vendor prefix dropped, trailing acronym split, misspellings): weaker evidence
        self.derived_keys: frozenset[str] = frozenset(payload["derived_keys"])
        self.languages: frozenset[int] = frozenset(payload["languages"])
        # how many taxonomy descriptions write a token in lower case: a proxy for "everyday English word"
        self.word_df: dict[str, int] = payload.get("word_df", {})
        # how many lexicon forms contain a token / end with it: how "skill-like" a word is
        self.token_forms: dict[str, int] = payload.get("token_forms", {})
        self.token_heads: dict[str, int] = payload.get("token_heads", {})

    def match_at(self, norms: list[str], i: int, limit: int | None = None) -> tuple[int, int] | None:
        """Longest key starting at token ``i`` (not past token ``limit``): (number of tokens, concept index)."""
        longest = self.max_len.get(norms[i])
        if longest is None:
            return None
        stop = i + longest  # (min of three, written out: this runs at every token)
        if stop > len(norms):
            stop = len(norms)
        if limit is not None and stop > limit:
            stop = limit
        if stop <= i:
            return None
        # the longest phrase joined once; each shorter one is a prefix of it (a slice, not another join)
        phrase = " ".join(norms[i:stop])
        forms = self.forms
        end = len(phrase)
        for j in range(stop, i, -1):
            c = forms.get(phrase[:end])
            if c is not None:
                return j - i, c
            end -= len(norms[j - 1]) + 1
        return None

    @classmethod
    def load(cls, path: Path = LEXICON_FILE) -> Lexicon:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                payload = json.load(fh)
        except (OSError, ValueError) as exc:
            raise LexiconError(
                f"the skills lexicon {path.name} cannot be read",
                hint="reinstall Skills Screener or run scripts/build_lexicon.py",
            ) from exc
        return cls(payload)
