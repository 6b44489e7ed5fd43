"""A screening run from inputs to ranked results, recorded in the store as each file finishes.

    run = screen(rubric, ["cvs/"], options=ScreenOptions(as_of=date(2026, 12, 1)))         # in memory
    with open_store(db) as store:
        run = screen(rubric, ["cvs/"], store=store, rubric_yaml=text)                        # recorded
        run = resume(store, run.run_id)                                                      # only what is missing
        run = load_run(store, run.run_id)                                                    # read back
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml as _yaml

from ..errors import DocumentError, ScreenerError, UsageError
from ..models import Document, Profile
from ..rubric import Rubric, parse_rubric
from ..score.model import CandidateResult
from .context import ScreeningContext, ScreenOptions, build_context
from .inputs import InputFile, attach_badge_files, read_inputs, split_badge_files
from .runner import Job, make_runner
from .screen_one import error_result

Progress = Callable[[int, int, str], None]


@dataclass
class ScreeningRun:
    rubric_role: str
    rubric_fingerprint: str
    as_of: date
    results: list[CandidateResult]  # ranked: best first, ties by file name, unreadable files last
    notes: list[str] = field(default_factory=list)
    run_id: str = ""  # the stored run's id ("" when not recorded)


def rank(results: Sequence[CandidateResult]) -> list[CandidateResult]:
    """Best first; equal scores by depth of evidence beyond the requirement, then by file name (never at random);
    unreadable files last, by name."""
    scored = sorted((r for r in results if r.overall is not None), key=lambda r: (-(r.overall or 0.0), -r.depth, r.file))
    failed = sorted((r for r in results if r.overall is None), key=lambda r: r.file)
    return [*scored, *failed]


def run_notes(rubric: Rubric, unmatched_badges: Sequence[InputFile]) -> list[str]:
    from ..credentials import detect_regulated_profession, licensing_for_profession

    notes = [f"badge file {b.display} was not matched to a résumé by its name; name it after the résumé"
             for b in unmatched_badges]
    if rubric.licence is None:
        profession = detect_regulated_profession(f"{rubric.role} {rubric.description}")
        path = licensing_for_profession(profession) if profession else None
        if path is not None:
            notes.append(f"{rubric.role}: {path.profession} is a regulated profession in the U.S.; the rubric "
                         f"marks no licence. Licensing path: " + " → ".join(path.steps))
    return notes


def rubric_yaml_of(rubric: Rubric) -> str:
    """YAML text that loads back to this rubric (for runs screened from an object rather than a file)."""
    return _yaml.safe_dump(rubric.model_dump(mode="json", exclude_defaults=True), sort_keys=False,
                           allow_unicode=True)


@dataclass
class _Plan:
    jobs: list[Job]
    unreadable: list[InputFile]
    resumes: list[InputFile]
    notes: list[str]


def _plan(files: list[InputFile], runner: Any, rubric: Rubric) -> _Plan:
    """Sort files into résumés and badge files (a worker looks inside each .json) and attach the badges."""
    candidates = [f for f in files if f.data is not None and Path(f.name).suffix.lower() == ".json"]
    kinds = runner.classify([(f.name, f.data or b"") for f in candidates])
    badge_json = frozenset(f.display for f, k in zip(candidates, kinds, strict=True) if k == "badge")
    support = {f.display for f, k in zip(candidates, kinds, strict=True) if k == "support" and not f.upload
               and "/" in (f.rel or "")}  # issuer profiles, keys… found in a folder: served to the verifier
    files = [f for f in files if f.display not in support]
    resumes, badges = split_badge_files(files, badge_json)
    attached = attach_badge_files(resumes, badges)
    jobs = [Job(f.name, f.display, f.data, tuple((b.name, b.data or b"") for b in attached.get(f.display, [])),
                path=f.path if f.data is None else "", digest=f.sha256 or "")
            for f in resumes if f.readable]
    unreadable = [f for f in resumes if not f.readable]
    return _Plan(jobs, unreadable, resumes, run_notes(rubric, attached.get("", [])))


def _unreadable_result(f: InputFile) -> CandidateResult:
    return error_result(f.display, f.error or DocumentError("not read", file=f.name), None)


def _record(store: Any, run_id: str, r: CandidateResult) -> None:
    doc = r.profile.document if r.profile is not None else None
    store.add_result(run_id, r.file, r.to_json(), candidate_code=r.candidate_code,
                     document_sha256=r.document_sha256 or None, error=r.error,
                     document_kind=doc.kind if doc else "", document_text=doc.text if doc else None)


def _execute(ctx: ScreeningContext, plan: _Plan, runner: Any, *, store: Any, run_id: str, done: set[str],
             progress: Progress | None, keep_profiles: bool = True) -> list[CandidateResult]:
    results: list[CandidateResult] = []
    total = len(plan.resumes)
    n = len(done)
    if progress:
        progress(n, total, "reading files")
    for f in plan.unreadable:
        if f.display in done:
            continue
        r = _unreadable_result(f)
        if store is not None:
            _record(store, run_id, r)
        results.append(r)
        n += 1
        if progress:
            progress(n, total, f.display)
    jobs = [j for j in plan.jobs if j.key not in done]
    for _, r in runner.run(jobs):
        if store is not None:
            _record(store, run_id, r)
        results.append(r if keep_profiles else replace(r, profile=None))
        n += 1
        if progress:
            progress(n, total, r.file)
    return results


def screen(
    rubric: Rubric,
    inputs: Iterable[str | Path | tuple[str, bytes]],
    *,
    options: ScreenOptions | None = None,
    progress: Progress | None = None,
    store: Any = None,
    rubric_yaml: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    extra_options: dict[str, Any] | None = None,
    keep_profiles: bool = True,
) -> ScreeningRun:
    """Screen every input against the rubric. Unreadable files become error rows; the rest are scored in sandboxed
    workers. With a ``store``, the run is recorded and each file's result committed as it finishes.
    ``keep_profiles=False`` drops each result's parsed profile once stored (big batches: the store has the text)."""
    options = options or ScreenOptions()
    inputs = list(inputs)
    files = read_inputs(inputs, max_bytes=options.max_bytes, keep_data=False)
    ctx = build_context(rubric, options)
    with make_runner(ctx, engine=engine, workers=options.workers, scheduler=scheduler,
                     sandbox=options.sandbox) as runner:
        plan = _plan(files, runner, rubric)
        run_id = ""
        if store is not None:
            stored_inputs: list[Any] = []
            for p in inputs:
                if isinstance(p, tuple):
                    stored_inputs.append({"upload": p[0], "sha256": store.put_upload(p[0], p[1])})
                else:
                    stored_inputs.append(str(Path(p).resolve()))
            opts = {**options.to_json(), "as_of": ctx.as_of.isoformat(), "engine": engine,
                    **(extra_options or {})}
            run_id = store.create_run(rubric_name=rubric.role, rubric_yaml=rubric_yaml or rubric_yaml_of(rubric),
                                      inputs=stored_inputs, as_of=ctx.as_of, options=opts,
                                      files=[(f.display, f.sha256) for f in plan.resumes], notes=plan.notes)
        try:
            results = _execute(ctx, plan, runner, store=store, run_id=run_id, done=set(), progress=progress,
                               keep_profiles=keep_profiles or store is None)
        except BaseException:
            if store is not None:
                store.finish_run(run_id, status="interrupted")
            raise
    if store is not None:
        store.finish_run(run_id)
    return ScreeningRun(rubric.role, rubric.fingerprint(), ctx.as_of, rank(results), plan.notes, run_id)


def _stored_inputs(store: Any, inputs: list[Any]) -> list[str | tuple[str, bytes]]:
    out: list[str | tuple[str, bytes]] = []
    for p in inputs:
        if isinstance(p, dict):
            doc = store.document(p["sha256"])
            if doc is None or doc.data is None:
                raise UsageError(f"the uploaded file {p['upload']} is no longer in the store")
            out.append((p["upload"], doc.data))
        else:
            out.append(str(p))
    return out


def resume(store: Any, run_id: str, *, progress: Progress | None = None, engine: str | None = None,
           scheduler: str | None = None, workers: int | None = None, with_text: bool = True) -> ScreeningRun:
    """Go on with an interrupted run: the same rubric, inputs and options; only the files without a stored result
    are screened (nothing twice). A complete run is returned as it is."""
    record = store.run_record(run_id)
    if record.status == "complete":
        return load_run(store, run_id, with_text=with_text)
    store.claim_run(run_id)
    try:
        rubric = parse_rubric(record.rubric_yaml, source=f"run {run_id}")
        options = replace(ScreenOptions.from_json(record.options), as_of=record.as_of)
        if workers is not None:
            options = replace(options, workers=workers)
        files = read_inputs(_stored_inputs(store, record.inputs), max_bytes=options.max_bytes, keep_data=False)
        ctx = build_context(rubric, options)
        planned = {f.file_key for f in store.run_files(run_id)}
        with make_runner(ctx, engine=engine or record.options.get("engine", "local"), workers=options.workers,
                         scheduler=scheduler, sandbox=options.sandbox) as runner:
            plan = _plan(files, runner, rubric)
            new = [f for f in plan.resumes if f.display not in planned]
            if new:  # files added to an input folder since the run began
                store.add_files(run_id, [(f.display, f.sha256) for f in new])
            done = store.scored_keys(run_id)
            _execute(ctx, plan, runner, store=store, run_id=run_id, done=done, progress=progress,
                     keep_profiles=False)
            missing = planned - {f.display for f in plan.resumes} - store.scored_keys(run_id)
            for key in sorted(missing):
                r = error_result(key, DocumentError("the file is no longer where the run found it", file=key), None)
                _record(store, run_id, r)
    except BaseException:
        store.finish_run(run_id, status="interrupted")
        raise
    store.finish_run(run_id)
    return load_run(store, run_id, with_text=with_text)


def run_rubric(store: Any, run_id: str) -> Rubric:
    """The rubric a stored run was screened with (from the YAML kept with the run)."""
    return parse_rubric(store.run_record(run_id).rubric_yaml, source=f"run {run_id}")


def load_run(store: Any, run_id: str, *, with_text: bool = True) -> ScreeningRun:
    """A stored run as a ``ScreeningRun`` (ranked), each result with its document's text as its profile (unless
    ``with_text`` is false: exports do not need it)."""
    record = store.run_record(run_id)
    try:
        rubric = parse_rubric(record.rubric_yaml, source=f"run {run_id}")
        fingerprint = rubric.fingerprint()
    except ScreenerError:
        fingerprint = record.rubric_sha256[:12]
    results = []
    for s in store.results(run_id):
        profile = None
        if s.document_sha256 and with_text:
            doc = store.document(s.document_sha256)
            if doc is not None and doc.text is not None:
                profile = Profile(document=Document(file=doc.file_name, kind=doc.kind or "txt",  # type: ignore[arg-type]
                                                    text=doc.text, sha256=doc.sha256))
        results.append(CandidateResult.from_json(s.result, profile=profile))
    return ScreeningRun(record.rubric_name, fingerprint, record.as_of, rank(results), list(record.notes), run_id)
