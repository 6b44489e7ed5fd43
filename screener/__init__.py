"""Skills Screener: judge applicants on evidence of the skills a role needs, not on where they studied.

    from screener import load_rubric, screen
    run = screen(load_rubric("rubrics/software-engineer.yaml"), ["sample_data/"])
    print([(r.candidate, r.overall) for r in run.results])
"""

from .errors import ScreenerError
from .pipeline import ScreeningRun, ScreenOptions, build_profile, screen
from .rubric import Rubric, load_rubric, parse_rubric

__version__ = "0.1.0"

__all__ = [
    "Rubric",
    "ScreenOptions",
    "ScreenerError",
    "ScreeningRun",
    "build_profile",
    "load_rubric",
    "parse_rubric",
    "screen",
]
