"""Adverse-impact report: scoring and selection rates per demographic group, impact ratios, Fisher's exact test.

Definitions (NYC Local Law 144, rules 6 RCNY §5-300, for a tool that scores):

* **scoring rate** of a group = the share of its members whose score is *strictly above* the median of all ``n``
  scores (every row counts towards the median, whether or not its demographics are known);
* **selection rate** = the share of its members a person advanced;
* **impact ratio** = a group's rate ÷ the highest rate of any group in the same category. When the highest rate is
  0 (nobody in any group scored above the median, or nobody was advanced) the ratio is undefined and reported as
  ``None`` (JSON ``null``): there is no advantaged group to compare with;
* **unknown**: a row whose value for the category is empty (or the word "unknown") is left out of that category's
  rates and counted; the intersectional category needs both sex and race/ethnicity;
* **p_value**: Fisher's exact test, two-sided, of the 2×2 table (group vs the other known members of the
  category) × (above the median vs not): the probability, if scoring above the median had nothing to do with the
  group, of a split at least as uneven as the one observed. Computed exactly with integer binomial coefficients
  (the same definition as ``scipy.stats.fisher_exact``: tables no more probable than the observed one). With no
  comparison group (one known group only) every table is the observed one and p = 1;
* **small_sample**: a group of fewer than 5 people; one person more or less moves its rate by 20 points or more.

The four-fifths rule (EEOC, 29 CFR 1607.4(D)) flags an impact ratio under 0.8. It is a rule of thumb, not a legal
test, and says nothing about groups too small to measure; Local Law 144 asks for an independent bias audit. This
module reports figures; it never calls a tool or a process compliant.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..exports import safe_cell, safe_row

CATEGORIES = ("sex", "race_ethnicity", "intersectional")
REQUIRED_COLUMNS = ("candidate_id", "score", "sex", "race_ethnicity", "advanced")
SMALL_SAMPLE = 5
FOUR_FIFTHS = 0.8
_UNKNOWN_WORDS = {"", "unknown"}
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}

ABOUT = (
    "These figures describe outcomes; they do not establish that the tool or the hiring process is lawful. "
    "NYC Local Law 144 requires an independent bias audit of an automated employment decision tool within the "
    "year before use and a published summary; the four-fifths rule (29 CFR 1607.4(D)) is a rule of thumb that flags "
    "an impact ratio under 0.8 for a closer look, and p-values and small-group warnings say how much chance could "
    "explain a gap."
)


@dataclass(frozen=True)
class ScoreRow:
    """One applicant: a score, self-reported demographics (None = unknown) and whether a person advanced them."""

    candidate_id: str
    score: float
    sex: str | None
    race_ethnicity: str | None
    advanced: bool


@dataclass(frozen=True)
class GroupStats:
    n: int
    above: int  # members scoring strictly above the median
    advanced: int
    scoring_rate: float
    impact_ratio: float | None
    selection_rate: float
    selection_impact_ratio: float | None
    small_sample: bool
    p_value: float

    def to_json(self) -> dict[str, Any]:
        return {"n": self.n, "scoring_rate": self.scoring_rate, "impact_ratio": self.impact_ratio,
                "selection_rate": self.selection_rate, "selection_impact_ratio": self.selection_impact_ratio,
                "small_sample": self.small_sample, "p_value": self.p_value}

    @property
    def four_fifths_flag(self) -> bool:
        """Scoring impact ratio under 0.8 (a rule of thumb: look closer, not a finding)."""
        return self.impact_ratio is not None and self.impact_ratio < FOUR_FIFTHS

    @property
    def selection_four_fifths_flag(self) -> bool:
        return self.selection_impact_ratio is not None and self.selection_impact_ratio < FOUR_FIFTHS


@dataclass(frozen=True)
class CategoryReport:
    unknown: int
    groups: dict[str, GroupStats]

    def to_json(self) -> dict[str, Any]:
        return {"unknown": self.unknown, "groups": {g: s.to_json() for g, s in self.groups.items()}}


@dataclass(frozen=True)
class ImpactReport:
    n: int
    median: float
    categories: dict[str, CategoryReport]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n": self.n, "median": self.median}
        for name in CATEGORIES:
            out[name] = self.categories[name].to_json()
        return out

    def notes(self) -> list[str]:
        """Plain-language warnings: small groups (with why the figure is fragile) and undefined ratios."""
        notes = []
        for cat in CATEGORIES:
            rep = self.categories[cat]
            for group, s in rep.groups.items():
                if s.small_sample:
                    notes.append(small_sample_reason(cat, group, s.n))
            if rep.groups and all(s.impact_ratio is None for s in rep.groups.values()):
                notes.append(f"{label(cat)}: no group scored above the median, so scoring impact ratios are "
                             "undefined (shown as blank).")
            if rep.groups and all(s.selection_impact_ratio is None for s in rep.groups.values()):
                notes.append(f"{label(cat)}: nobody was advanced, so selection impact ratios are undefined "
                             "(shown as blank).")
            if not rep.groups:
                notes.append(f"{label(cat)}: no applicant has a known value; nothing can be compared.")
        return notes

    def table_rows(self) -> list[dict[str, Any]]:
        """One flat row per (category, group), for a table, a chart or a CSV export."""
        rows = []
        for cat in CATEGORIES:
            rep = self.categories[cat]
            for group, s in rep.groups.items():
                rows.append({
                    "category": cat, "group": group, "n": s.n, "scored_above_median": s.above,
                    "scoring_rate": s.scoring_rate, "impact_ratio": s.impact_ratio,
                    "four_fifths_flag": s.four_fifths_flag, "advanced": s.advanced,
                    "selection_rate": s.selection_rate, "selection_impact_ratio": s.selection_impact_ratio,
                    "selection_four_fifths_flag": s.selection_four_fifths_flag, "p_value": s.p_value,
                    "small_sample": s.small_sample,
                    "small_sample_reason": small_sample_reason(cat, group, s.n) if s.small_sample else "",
                    "unknown_in_category": rep.unknown,
                })
        return rows


def label(category: str) -> str:
    return {"sex": "Sex", "race_ethnicity": "Race/ethnicity", "intersectional": "Sex × race/ethnicity"}[category]


def small_sample_reason(category: str, group: str, n: int) -> str:
    if n == 0:
        return f"{label(category)} '{group}': no members, so no rate can be computed."
    step = 100.0 / n
    return (f"{label(category)} '{group}': only {n} {'person' if n == 1 else 'people'} (fewer than {SMALL_SAMPLE}); "
            f"one person more or less above the median moves the rate by {step:.0f} points, so the rate, its impact "
            "ratio and the p-value are fragile.")


def fisher_exact_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher's exact p-value of the 2×2 table [[a, b], [c, d]].

    Sums the hypergeometric probabilities of every table with the same margins whose probability is no greater
    than the observed table's. Exact (integer arithmetic), so equal probabilities compare equal.
    """
    if min(a, b, c, d) < 0:
        raise ValueError("table cells must be non-negative")
    row1, col1, total = a + b, a + c, a + b + c + d
    row2 = c + d
    lo, hi = max(0, col1 - row2), min(row1, col1)

    if total > _EXACT_UP_TO:
        return _fisher_float(a, row1, row2, col1, total, lo, hi)

    def weight(x: int) -> int:
        return math.comb(row1, x) * math.comb(row2, col1 - x)

    observed = weight(a)
    tail = sum(w for w in (weight(x) for x in range(lo, hi + 1)) if w <= observed)
    p = Fraction(tail, math.comb(total, col1)) if total else Fraction(1)
    return float(min(p, Fraction(1)))


_EXACT_UP_TO = 600  # applicants; above this, log-space floats (integer binomials get slow past a few thousand)


def _fisher_float(a: int, row1: int, row2: int, col1: int, total: int, lo: int, hi: int) -> float:
    """The same sum in log space, with scipy's relative tolerance for "no more probable than" (1 + 1e-7)."""
    def logw(x: int) -> float:
        return (math.lgamma(row1 + 1) - math.lgamma(x + 1) - math.lgamma(row1 - x + 1)
                + math.lgamma(row2 + 1) - math.lgamma(col1 - x + 1) - math.lgamma(row2 - col1 + x + 1))

    log_total = math.lgamma(total + 1) - math.lgamma(col1 + 1) - math.lgamma(total - col1 + 1)
    observed = logw(a)
    cutoff = observed + math.log1p(1e-7)
    p = sum(math.exp(lw - log_total) for lw in (logw(x) for x in range(lo, hi + 1)) if lw <= cutoff)
    return min(p, 1.0)


def _ratio(rate: float, best: float) -> float | None:
    return rate / best if best > 0 else None


def _category(rows: Sequence[ScoreRow], key: Any, median: float) -> CategoryReport:
    members: dict[str, list[ScoreRow]] = {}
    unknown = 0
    for r in rows:
        g = key(r)
        if g is None:
            unknown += 1
        else:
            members.setdefault(g, []).append(r)
    above = {g: sum(1 for r in m if r.score > median) for g, m in members.items()}
    adv = {g: sum(1 for r in m if r.advanced) for g, m in members.items()}
    rate = {g: above[g] / len(m) for g, m in members.items()}
    sel = {g: adv[g] / len(m) for g, m in members.items()}
    best_rate = max(rate.values(), default=0.0)
    best_sel = max(sel.values(), default=0.0)
    known_n = sum(len(m) for m in members.values())
    known_above = sum(above.values())
    groups = {}
    for g in sorted(members, key=lambda k: (-len(members[k]), k)):
        n = len(members[g])
        a, b = above[g], n - above[g]
        c = known_above - a
        d = (known_n - n) - c
        groups[g] = GroupStats(
            n=n, above=above[g], advanced=adv[g], scoring_rate=rate[g], impact_ratio=_ratio(rate[g], best_rate),
            selection_rate=sel[g], selection_impact_ratio=_ratio(sel[g], best_sel), small_sample=n < SMALL_SAMPLE,
            p_value=fisher_exact_two_sided(a, b, c, d))
    return CategoryReport(unknown=unknown, groups=groups)


def impact_report(rows: Iterable[ScoreRow]) -> ImpactReport:
    """The adverse-impact report of ``rows`` (at least one)."""
    rows = list(rows)
    if not rows:
        raise UsageError("no applicants to report on: the scores table has no rows")
    median = float(statistics.median(r.score for r in rows))

    def inter(r: ScoreRow) -> str | None:
        return f"{r.sex} / {r.race_ethnicity}" if r.sex is not None and r.race_ethnicity is not None else None

    cats = {
        "sex": _category(rows, lambda r: r.sex, median),
        "race_ethnicity": _category(rows, lambda r: r.race_ethnicity, median),
        "intersectional": _category(rows, inter, median),
    }
    return ImpactReport(n=len(rows), median=median, categories=cats)


# ---- reading the scores CSV ------------------------------------------------------------------------------------

def demographic(value: str | None) -> str | None:
    """A self-reported value as given (trimmed), or None for unknown (empty or the word "unknown")."""
    if value is None:
        return None
    v = " ".join(value.split())
    return None if v.lower() in _UNKNOWN_WORDS else v


def _yes_no(value: str, where: str) -> bool:
    v = value.strip().lower()
    if v in _YES:
        return True
    if v in _NO:
        return False
    raise UsageError(f"{where}: advanced must be yes or no, not {value.strip()!r}")


def _score(value: str, where: str) -> float:
    try:
        s = float(value.strip())
    except ValueError:
        raise UsageError(f"{where}: score must be a number, not {value.strip()!r}") from None
    if not math.isfinite(s):
        raise UsageError(f"{where}: score must be a finite number, not {value.strip()!r}")
    return s


def parse_scores_csv(text: str, *, name: str = "scores") -> list[ScoreRow]:
    """Rows of a scores CSV (columns candidate_id, score, sex, race_ethnicity, advanced; others ignored)."""
    if "\x00" in text:
        raise UsageError(f"{name}: not a text CSV file")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise UsageError(f"{name}: empty file; expected the columns {', '.join(REQUIRED_COLUMNS)}")
        cols = [h.strip().lower() for h in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in cols]
        if missing:
            raise UsageError(f"{name}: missing column(s) {', '.join(missing)}; expected {', '.join(REQUIRED_COLUMNS)}")
        idx = {c: cols.index(c) for c in REQUIRED_COLUMNS}
        rows: list[ScoreRow] = []
        seen: set[str] = set()
        for line_no, rec in enumerate(reader, start=2):
            if not any(x.strip() for x in rec):
                continue
            where = f"{name}, line {line_no}"
            if len(rec) < len(cols):
                rec = rec + [""] * (len(cols) - len(rec))
            elif len(rec) > len(cols):
                raise UsageError(f"{where}: {len(rec)} fields but the header has {len(cols)}")
            cid = rec[idx["candidate_id"]].strip()
            if not cid:
                raise UsageError(f"{where}: candidate_id is empty")
            if cid in seen:
                raise UsageError(f"{where}: candidate_id {cid!r} appears twice")
            seen.add(cid)
            rows.append(ScoreRow(candidate_id=cid, score=_score(rec[idx["score"]], where),
                                 sex=demographic(rec[idx["sex"]]),
                                 race_ethnicity=demographic(rec[idx["race_ethnicity"]]),
                                 advanced=_yes_no(rec[idx["advanced"]], where)))
    except csv.Error as exc:
        raise UsageError(f"{name}: not a readable CSV file ({exc})") from None
    if not rows:
        raise UsageError(f"{name}: no data rows below the header")
    return rows


def read_csv_text(path: str | Path) -> str:
    """A CSV file's text, or one clear line when it is missing or not UTF-8."""
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{p}: no such file")
    try:
        return p.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{p.name}: not UTF-8 text; save the CSV as UTF-8") from None


def read_scores_csv(path: str | Path) -> list[ScoreRow]:
    return parse_scores_csv(read_csv_text(path), name=Path(path).name)


# ---- words ------------------------------------------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.0%}"


def _ratio_text(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def format_report(rep: ImpactReport) -> str:
    """The report in words, for a terminal."""
    lines = [f"Adverse-impact report: {rep.n} applicants, median score {rep.median:g} "
             "(scoring rate = share scoring strictly above the median)."]
    for cat in CATEGORIES:
        c = rep.categories[cat]
        lines.append("")
        lines.append(f"{label(cat)} ({c.unknown} unknown, left out of the rates)")
        if not c.groups:
            lines.append("  no group with a known value")
            continue
        lines.append(f"  {'group':<34} {'n':>4} {'scoring':>8} {'ratio':>6} {'selected':>9} {'ratio':>6} "
                     f"{'p':>7}  flags")
        for g, s in c.groups.items():
            flags = []
            if s.four_fifths_flag:
                flags.append("scoring ratio under 4/5")
            if s.selection_four_fifths_flag:
                flags.append("selection ratio under 4/5")
            if s.small_sample:
                flags.append(f"small sample (n<{SMALL_SAMPLE})")
            lines.append(f"  {g[:34]:<34} {s.n:>4} {_pct(s.scoring_rate):>8} {_ratio_text(s.impact_ratio):>6} "
                         f"{_pct(s.selection_rate):>9} {_ratio_text(s.selection_impact_ratio):>6} "
                         f"{s.p_value:>7.3f}  {'; '.join(flags)}")
    notes = rep.notes()
    if notes:
        lines.append("")
        lines.append("Notes:")
        lines.extend(f"  - {n}" for n in notes)
    lines.append("")
    lines.append(ABOUT)
    return "\n".join(lines) + "\n"


def report_csv(rep: ImpactReport) -> str:
    """The table rows as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read accents right)."""
    rows = rep.table_rows()
    buf = io.StringIO()
    fields = list(rows[0]) if rows else ["category", "group", "n"]
    w = csv.DictWriter(buf, fieldnames=[safe_cell(f) for f in fields], lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(safe_row({k: ("" if v is None else v) for k, v in r.items()}))  # no cell is a formula
    return "\ufeff" + buf.getvalue()
