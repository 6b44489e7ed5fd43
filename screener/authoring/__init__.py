"""Rubric authoring: drafts from a job posting or an occupation, the rubric library (templates and the user's own
rubrics), and what moved between two rubric versions.

    from screener.authoring import draft_from_text, draft_from_occupation
    draft = draft_from_text(posting_text)          # RubricDraft: .data, .notes, .to_yaml(), .rubric()
"""

from .draft import RubricDraft, draft_from_occupation, draft_from_text, posting_text
from .occupations import Occupation, OccupationNotFound, find_occupation, search_occupations, skill_group
from .yamlio import rubric_mapping, rubric_yaml

__all__ = [
    "Occupation",
    "OccupationNotFound",
    "RubricDraft",
    "draft_from_occupation",
    "draft_from_text",
    "find_occupation",
    "posting_text",
    "rubric_mapping",
    "rubric_yaml",
    "search_occupations",
    "skill_group",
]
