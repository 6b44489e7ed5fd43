"""Wires the stages: files → ingest → parse → extract → badges/credentials → evidence → score → ranked results.

    from screener import load_rubric, screen
    run = screen(load_rubric("rubrics/software-engineer.yaml"), ["sample_data/"])
    for r in run.results: print(r.overall, r.candidate)

Modules: ``inputs`` (discovery, reading, badge files), ``context`` (built once per run), ``screen_one`` (one
résumé: bytes + context → result, run in a sandboxed worker), ``runner`` (local pool; Dask), ``screening`` (a run,
recorded in the store; resume; load).
"""

from .context import ScreeningContext, ScreenOptions, build_context
from .inputs import (
    BADGE_SUFFIXES,
    RESUME_SUFFIXES,
    InputFile,
    assign_keys,
    attach_badge_files,
    read_inputs,
    split_badge_files,
)
from .runner import DaskRunner, Job, LocalRunner, make_runner
from .screen_one import (
    badge_mentions,
    build_profile,
    classify_json,
    drop_failed_credentials,
    enrich_education,
    equivalency_notes,
    screen_one,
    verify_badges,
)
from .screening import (
    Progress,
    ScreeningRun,
    load_run,
    rank,
    resume,
    rubric_yaml_of,
    run_notes,
    run_rubric,
    screen,
)

__all__ = [
    "BADGE_SUFFIXES",
    "RESUME_SUFFIXES",
    "DaskRunner",
    "InputFile",
    "Job",
    "LocalRunner",
    "Progress",
    "ScreenOptions",
    "ScreeningContext",
    "ScreeningRun",
    "assign_keys",
    "attach_badge_files",
    "badge_mentions",
    "build_context",
    "build_profile",
    "classify_json",
    "drop_failed_credentials",
    "enrich_education",
    "equivalency_notes",
    "load_run",
    "make_runner",
    "rank",
    "read_inputs",
    "resume",
    "rubric_yaml_of",
    "run_notes",
    "run_rubric",
    "screen",
    "screen_one",
    "split_badge_files",
    "verify_badges",
]
