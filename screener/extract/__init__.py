"""Skill extraction: the compiled ESCO + O*NET lexicon, context rules and the extractor.

Public API: ``get_extractor()`` (process-wide ``SkillExtractor``), ``SkillExtractor.extract/resolve/surface_forms/
related/concept``, ``skills_from_title()``, ``Concept``.
"""

from screener.extract.lexicon import Concept, LexiconError
from screener.extract.skills import SkillExtractor, get_extractor, skills_from_title, to_json

__all__ = ["Concept", "LexiconError", "SkillExtractor", "get_extractor", "skills_from_title", "to_json"]
