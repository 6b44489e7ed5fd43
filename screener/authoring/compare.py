"""What moved for a candidate between two rubric versions: per competency, its score, level, requirement and
weight before and after, the points it added to the overall score, and the rubric edits that explain the change.

    diff = compare_results(result_a, result_b, rubric_a=yaml_a, rubric_b=yaml_b)   # stored result JSON + YAML
    diffs = compare_runs(store, "run-1", "run-2")                                  # every candidate in both runs
    print("\\n".join(diff.lines()))

Results are the JSON the store keeps (``CandidateResult.to_json()``); rubrics are the YAML each run recorded.
Competencies are matched by name (case-insensitive); one present in only one version is "added" or "removed".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import RubricError, UsageError
from ..rubric import LEVEL_NAMES, Competency, Rubric, parse_rubric


@dataclass(frozen=True)
class CompetencyMove:
    name: str
    status: str  # "same" | "changed" | "added" | "removed"
    score_before: float | None
    score_after: float | None
    level_before: int | None
    level_after: int | None
    required_before: int | None
    required_after: int | None
    share_before: float | None  # 0–1
    share_after: float | None
    met_before: bool | None
    met_after: bool | None
    reasons: tuple[str, ...]  # the rubric edits behind the move, in words

    @property
    def points_before(self) -> float:
        """Points of the overall score this competency gave (share × score)."""
        return (self.share_before or 0.0) * (self.score_before or 0.0)

    @property
    def points_after(self) -> float:
        return (self.share_after or 0.0) * (self.score_after or 0.0)

    @property
    def points_moved(self) -> float:
        return self.points_after - self.points_before

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "score_before": self.score_before,
                "score_after": self.score_after, "level_before": self.level_before, "level_after": self.level_after,
                "required_before": self.required_before, "required_after": self.required_after,
                "share_before": self.share_before, "share_after": self.share_after, "met_before": self.met_before,
                "met_after": self.met_after, "points_moved": round(self.points_moved, 2),
                "reasons": list(self.reasons)}


@dataclass(frozen=True)
class VersionDiff:
    candidate_code: str
    file: str
    overall_before: float | None
    overall_after: float | None
    must_haves_before: bool | None
    must_haves_after: bool | None
    degree_before: str | None
    degree_after: str | None
    competencies: tuple[CompetencyMove, ...]
    rubric_changes: tuple[str, ...] = field(default=())  # edits that are not about one competency

    @property
    def overall_moved(self) -> float | None:
        if self.overall_before is None or self.overall_after is None:
            return None
        return self.overall_after - self.overall_before

    def lines(self) -> list[str]:
        """The diff in plain sentences, largest moves first."""
        moved = self.overall_moved
        head = f"{self.candidate_code or self.file}: overall {_num(self.overall_before)} → {_num(self.overall_after)}"
        head += f" ({moved:+.1f})" if moved is not None else ""
        out = [head]
        if self.must_haves_before != self.must_haves_after:
            out.append(f"  must-haves: {_met(self.must_haves_before)} → {_met(self.must_haves_after)}")
        if self.degree_before != self.degree_after:
            out.append(f"  degree: {self.degree_before or '—'} → {self.degree_after or '—'}")
        out += [f"  rubric: {c}" for c in self.rubric_changes]
        for m in sorted(self.competencies, key=lambda m: (-abs(m.points_moved), m.name)):
            if m.status == "same":
                continue
            line = (f"  {m.name} [{m.status}]: score {_num(m.score_before)} → {_num(m.score_after)}, "
                    f"share {_pct(m.share_before)} → {_pct(m.share_after)}, {m.points_moved:+.1f} points")
            if m.reasons:
                line += " — " + "; ".join(m.reasons)
            out.append(line)
        if len(out) == 1:
            out.append("  nothing moved")
        return out

    def to_json(self) -> dict[str, Any]:
        return {"candidate_code": self.candidate_code, "file": self.file, "overall_before": self.overall_before,
                "overall_after": self.overall_after,
                "overall_moved": None if self.overall_moved is None else round(self.overall_moved, 2),
                "must_haves_before": self.must_haves_before, "must_haves_after": self.must_haves_after,
                "degree_before": self.degree_before, "degree_after": self.degree_after,
                "rubric_changes": list(self.rubric_changes),
                "competencies": [m.to_json() for m in self.competencies]}


def _num(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}"


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{100 * v:.0f}%"


def _met(v: bool | None) -> str:
    return "—" if v is None else "met" if v else "not met"


def _level(n: int) -> str:
    return LEVEL_NAMES.get(n, str(n))


def competency_changes(a: Competency | None, b: Competency | None, share_a: float | None,
                       share_b: float | None) -> list[str]:
    """The edits between two versions of a competency, in words."""
    if a is None and b is not None:
        return [f"added (weight {_pct(share_b)}, level {_level(b.required_level)})"]
    if b is None and a is not None:
        return ["removed from the rubric"]
    if a is None or b is None:
        return []
    out = []
    if share_a is not None and share_b is not None and round(share_a, 3) != round(share_b, 3):
        out.append(f"weight {_pct(share_a)} → {_pct(share_b)}")
    if a.required_level != b.required_level:
        out.append(f"required level {_level(a.required_level)} → {_level(b.required_level)}")
    if a.must_have != b.must_have:
        out.append("now a must-have" if b.must_have else "no longer a must-have")
    if a.min_years != b.min_years:
        out.append(f"minimum years {a.min_years or 0:g} → {b.min_years or 0:g}")
    ta, tb = {t.casefold() for t in a.terms()}, {t.casefold() for t in b.terms()}
    added = [t for t in b.terms() if t.casefold() not in ta]
    removed = [t for t in a.terms() if t.casefold() not in tb]
    if added:
        out.append("skills added: " + ", ".join(added[:6]) + (" …" if len(added) > 6 else ""))
    if removed:
        out.append("skills removed: " + ", ".join(removed[:6]) + (" …" if len(removed) > 6 else ""))
    return out


def _rubric(text: str | None) -> Rubric | None:
    if not text:
        return None
    try:
        return parse_rubric(text, source="stored rubric")
    except RubricError:
        return None


def _rubric_changes(a: Rubric | None, b: Rubric | None) -> list[str]:
    if a is None or b is None:
        return []
    out = []
    if a.degree != b.degree:
        out.append(f"degree policy changed ({'required' if a.degree.required else 'not required'} → "
                   f"{'required' if b.degree.required else 'not required'})")
    if a.licence != b.licence:
        out.append("licence block changed")
    if a.evidence.recency_years != b.evidence.recency_years:
        out.append(f"recency {a.evidence.recency_years:g} → {b.evidence.recency_years:g} years")
    return out


def compare_results(before: Mapping[str, Any], after: Mapping[str, Any], *, rubric_before: str | None = None,
                    rubric_after: str | None = None) -> VersionDiff:
    """What moved for one candidate between two stored results (``CandidateResult.to_json()``), with the rubric
    YAML of each run when known (for the reasons)."""
    ra, rb = _rubric(rubric_before), _rubric(rubric_after)
    comps_a = {c["name"].casefold(): c for c in before.get("competencies") or []}
    comps_b = {c["name"].casefold(): c for c in after.get("competencies") or []}
    rub_a = {c.name.casefold(): c for c in ra.competencies} if ra else {}
    rub_b = {c.name.casefold(): c for c in rb.competencies} if rb else {}
    order = list(comps_b) + [k for k in comps_a if k not in comps_b]
    moves = []
    for key in order:
        ca, cb = comps_a.get(key), comps_b.get(key)
        status = "added" if ca is None else "removed" if cb is None else "changed"
        fields = ("score", "level", "required_level", "weight_share", "met")
        if ca is not None and cb is not None and all(ca.get(f) == cb.get(f) for f in fields):
            status = "same"
        share_a = ca.get("weight_share") if ca else None
        share_b = cb.get("weight_share") if cb else None
        if ra is not None and rb is not None:
            reasons = competency_changes(rub_a.get(key), rub_b.get(key), share_a, share_b)
        else:  # no stored YAML: what the results themselves show
            reasons = _result_reasons(ca, cb)
        moves.append(CompetencyMove(
            name=(cb or ca or {}).get("name", key), status=status,
            score_before=ca.get("score") if ca else None, score_after=cb.get("score") if cb else None,
            level_before=ca.get("level") if ca else None, level_after=cb.get("level") if cb else None,
            required_before=ca.get("required_level") if ca else None,
            required_after=cb.get("required_level") if cb else None,
            share_before=share_a, share_after=share_b,
            met_before=ca.get("met") if ca else None, met_after=cb.get("met") if cb else None,
            reasons=tuple(reasons)))
    return VersionDiff(
        candidate_code=str(after.get("candidate_code") or before.get("candidate_code") or ""),
        file=str(after.get("file") or before.get("file") or ""),
        overall_before=before.get("overall"), overall_after=after.get("overall"),
        must_haves_before=before.get("must_haves_met"), must_haves_after=after.get("must_haves_met"),
        degree_before=(before.get("degree") or {}).get("status"), degree_after=(after.get("degree") or {}).get("status"),
        competencies=tuple(moves), rubric_changes=tuple(_rubric_changes(ra, rb)))


def _result_reasons(ca: Mapping[str, Any] | None, cb: Mapping[str, Any] | None) -> list[str]:
    if ca is None or cb is None:
        return ["added" if ca is None else "removed from the rubric"]
    out = []
    if ca.get("weight_share") != cb.get("weight_share"):
        out.append(f"weight {_pct(ca.get('weight_share'))} → {_pct(cb.get('weight_share'))}")
    if ca.get("required_level") != cb.get("required_level"):
        out.append(f"required level {_level(ca['required_level'])} → {_level(cb['required_level'])}")
    if ca.get("must_have") != cb.get("must_have"):
        out.append("now a must-have" if cb.get("must_have") else "no longer a must-have")
    if ca.get("level") != cb.get("level"):
        out.append(f"level found {_level(ca['level'])} → {_level(cb['level'])}")
    return out


def compare_runs(store: Any, run_before: str, run_after: str, *,
                 candidate_code: str | None = None) -> list[VersionDiff]:
    """What moved for every candidate scored in both runs (or the one ``candidate_code``), in the later run's order.
    Candidates are matched by their stable code (the document's hash), so renamed files still pair up."""
    rec_a, rec_b = store.run_record(run_before), store.run_record(run_after)
    before = {r.candidate_code: r for r in store.results(run_before) if not r.error}
    after = [r for r in store.results(run_after) if not r.error]
    if candidate_code is not None:
        after = [r for r in after if r.candidate_code == candidate_code]
        if not after or candidate_code not in before:
            raise UsageError(f"candidate {candidate_code} is not scored in both runs {run_before} and {run_after}")
    diffs = [compare_results(before[r.candidate_code].result, r.result, rubric_before=rec_a.rubric_yaml,
                             rubric_after=rec_b.rubric_yaml) for r in after if r.candidate_code in before]
    if not diffs:
        raise UsageError(f"runs {run_before} and {run_after} have no candidate in common")
    return diffs


__all__ = ["CompetencyMove", "VersionDiff", "compare_results", "compare_runs", "competency_changes"]
