"""Foreign-credential equivalency notes an employer can act on: U.S. equivalent, ISCED 2011 level, contested
caveats, regulated-profession licensing paths and sources, read from the data files in ``data/``.

    from screener.credentials import lookup_equivalency, degree_meets
    eq = lookup_equivalency("B.Tech in Computer Science", country="IN")
    degree_meets(eq, "bachelor")    # (True, 'met by equivalent: ...')
"""

from .countries import infer_country, is_place, resolve_country
from .equivalency import DISCLAIMER, Equivalency, degree_meets, isced_for_level_name, lookup_equivalency
from .licensing import LicensingPath, detect_regulated_profession, licensing_for_profession

__all__ = [
    "DISCLAIMER",
    "Equivalency",
    "LicensingPath",
    "degree_meets",
    "detect_regulated_profession",
    "infer_country",
    "is_place",
    "isced_for_level_name",
    "licensing_for_profession",
    "lookup_equivalency",
    "resolve_country",
]
