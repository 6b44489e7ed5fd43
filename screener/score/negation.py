"""Clauses that deny or only wish for a skill: "no experience with Kubernetes", "not familiar with Docker", "willing to
learn Terraform", "currently learning AWS"; that name the job sought ("Seeking a position as a Kubernetes
engineer"); that name clients ("Key clients: Oracle, SAP"), the people hired ("Recruited Java developers") or what was
sold ("Sold Oracle and SAP licences"). What such a clause names is never evidence of having
the skill. A cue written as a label ("Currently learning: Rust, Elixir") covers the list after its colon.

The cues and the scope rule are data (``data/negation.yaml``): a cue's scope runs to the end of its clause — a
full stop, semicolon, colon, question or exclamation mark, a line break, or a word that turns the sentence ("but",
"however") — and at most a fixed number of words, so "No experience with Kubernetes, Helm or Istio" covers all
three and "Not familiar with Docker, but built services in Go" leaves Go as evidence.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_DATA = Path(__file__).with_name("data") / "negation.yaml"
_TURNING_WORD = r"\s(?:but|however|although|though|whereas|while|yet)\b"
_CLAUSE_END = re.compile(r"[.;:!?\n]|" + _TURNING_WORD, re.IGNORECASE)
_WORD = re.compile(r"\S+")
_LABEL_COLON = re.compile(r"[ \t]*:[ \t]*")
# the end of a list after a label: its line, or a sentence's end (a colon is part of it: "Rust: async")
_LIST_END = re.compile(r"[.;!?\n]|" + _TURNING_WORD, re.IGNORECASE)
# how far past a position _CLAUSE_END may read to match there (a space, the longest turning word, a word boundary)
_TURN_WORD_CHARS = len(" although") + 1
REASONS = {"negated": "said not to be had", "wished_for": "wished for, not yet had",
           "sought": "names the job sought, not a skill had", "client": "names a client, not a skill used",
           "hiring": "names the people hired, not a skill used", "sold": "names what was sold, not a skill used"}
# the people a recruiter hired, by the words for them ("Java developers", "AWS architects", "SAP roles")
_PEOPLE = re.compile(r"\b(?:engineers?|developers?|programmers?|architects?|specialists?|consultants?|candidates?|"
                     r"professionals|talent|hires|analysts?|scientists?|administrators?|admins|testers?|designers?|"
                     r"experts?|contractors?|freelancers?|roles|positions|openings|vacancies|requisitions|reqs|jobs)"
                     r"\b", re.IGNORECASE)
# what a salesperson sold, by the words for it ("Oracle and SAP licences", "Salesforce subscriptions")
_PRODUCTS = re.compile(r"\b(?:licen[cs]es?|subscriptions?|products?|solutions?|software|suites?|seats|contracts?|"
                       r"deals?|renewals?|platforms?|systems?|implementations?|services)\b", re.IGNORECASE)
_HEADS = {"hiring": _PEOPLE, "sold": _PRODUCTS}
_FIELD_GAP = re.compile(r"\s{2,}")  # fields of a flattened text ("Recruiting  Acquisition Management  Retention")
# where a list of clients' names ends: a bracket (the project's tools: "Client: Oracle (Java, Spring)") or a word in
# lower case other than "and", "or", "&" ("Siemens, then moved to Go"; "eBay" is a name)
_CLIENT_NAMES_END = re.compile(r"\(|(?<![\w'’.-])(?!(?:and|or|&)\b)(?=[a-z][a-z'’-]*(?!\w))", re.UNICODE)
# where the name of a job sought ends: a word that goes on to say something else about it ("… engineer where I can
# grow", "… developer leveraging my five years of Python"), or the wide gap between fields of a flattened text
_SOUGHT_END = re.compile(r"\s{3,}|\s(?:where|which|that|who|to|so|by|in which|leveraging|utili[sz]ing|using|applying|"
                         r"with|allowing|enabling|drawing|building|bringing|and (?:can|will|to))\b", re.IGNORECASE)
#: the reason given for a skill named by a certification listed as not yet earned ("AWS Certified … (in progress)")
IN_PROGRESS = "named by a certification not yet earned"


# how far before and after an anchor word its cue may start and end ("currently learning", "no prior professional
# experience with")
_BEFORE, _AFTER = 40, 80


@dataclass(frozen=True)
class _Cues:
    pattern: re.Pattern[str]  # every cue, each kind in its named group
    anchors: re.Pattern[str]  # the words every cue holds
    max_words: int


@functools.cache
def _cues() -> _Cues:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    groups = []
    for kind in REASONS:
        alternatives = "|".join(p.replace(" ", r"\s+") for p in data[kind])
        groups.append(rf"(?P<{kind}>{alternatives})")
    pattern = re.compile(r"(?<![\w'])(?:" + "|".join(groups) + r")(?![\w'])", re.IGNORECASE)
    words = [str(w) for w in data["anchors"]]
    # (a look-ahead on the first letters first: most positions are rejected by one character class)
    first = "".join(sorted({w[0].lower() for w in words}))
    anchors = re.compile(rf"\b(?=[{first}])(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    return _Cues(pattern, anchors, int(data["max_scope_words"]))


def negated_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every cue's scope in ``text``: the words after the cue to the end of its clause."""
    cues = _cues()
    max_words = cues.max_words
    out: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    # the windows around the anchors, overlapping ones merged: each position is tried once (a text of "no no no …"
    # tried every position once per anchor near it)
    windows: list[list[int]] = []
    for a in cues.anchors.finditer(text):
        lo, hi = max(0, a.start() - _BEFORE), min(len(text), a.end() + _AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        for m in cues.pattern.finditer(text, lo, hi):
            if m.start() in seen:
                continue
            seen.add(m.start())
            out.append(_scope(text, m, max_words))
    return sorted({x for x in out if x[1] > x[0]})


def _scope(text: str, m: re.Match[str], max_words: int) -> tuple[int, int, str]:
    """The words after cue ``m`` to the end of its clause, at most ``max_words``."""
    kind = next(k for k in REASONS if m.group(k) is not None)
    # a cue written as a label ("Currently learning: Rust, Elixir"): its scope is the list after the colon
    label = _LABEL_COLON.match(text, m.end())
    begin = label.end() if label else m.end()
    clause_end = _LIST_END if label else _CLAUSE_END
    # Only the first max_words + 1 words after the cue are read: past the start of that last one the word count
    # has cut the scope, whatever follows (a clause of thousands of words costs no more than a short one).
    ahead = list(itertools.islice(_WORD.finditer(text, begin), max_words + 1))
    horizon = ahead[max_words].start() if len(ahead) > max_words else len(text)
    stop = clause_end.search(text, begin, min(len(text), horizon + _TURN_WORD_CHARS))
    if stop and stop.start() <= horizon:
        end = stop.start()
        words = list(_WORD.finditer(text, begin, end))
        if len(words) > max_words:
            end = words[max_words - 1].end()
    else:
        end = ahead[max_words - 1].end() if len(ahead) > max_words else len(text)
    if kind in _HEADS:  # to the last word for the people hired or the things sold: without one, none is named
        gap = _FIELD_GAP.search(text, begin, end)
        end = gap.start() if gap else end
        heads = list(_HEADS[kind].finditer(text, begin, end))
        end = heads[-1].end() if heads else begin
    if kind == "client":  # the names of the clients only: "customers including Siemens, then moved to Go"
        names_end = _CLIENT_NAMES_END.search(text, begin, end)
        end = names_end.start() if names_end else end
    if kind == "sought":  # the job's name may stand inside the cue too: "Seeking a DevOps Engineer position"
        goes_on = _SOUGHT_END.search(text, m.end(), end)
        return m.start(), goes_on.start() if goes_on else end, REASONS[kind]
    return begin, end, REASONS[kind]
