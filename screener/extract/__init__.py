"""Skill extraction: the compiled ESCO + O*NET lexicon, context rules and the extractor.

Public API: ``get_extractor()`` (process-wide ``SkillExtractor``), ``SkillExtractor.extract/resolve/surface_forms/
related/concept``, ``skills_from_title()``, ``Concept``, and ``extract_posting_skills(text, extra_terms=None)``
(recall-oriented skills of a job posting, for drafting a rubric; see ``postings.py``).
"""

from screener.extract.lexicon import Concept, LexiconError
from screener.extract.postings import extract_posting_skills
from screener.extract.skills import SkillExtractor, get_extractor, skills_from_title, to_json

__all__ = ["Concept", "LexiconError", "SkillExtractor", "extract_posting_skills", "get_extractor", "skills_from_title",
           "to_json"]
