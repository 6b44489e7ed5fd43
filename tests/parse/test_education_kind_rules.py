"""The kind of an education entry from the cue phrases of parse/data/education_kinds.yaml: one case per rule and
per ordering the file documents."""

from __future__ import annotations

import pytest

from screener.models import EducationEntry, EducationKind, dataclass_from_json, to_jsonable
from screener.parse.education_kinds import KIND_WORDS, KINDS, education_kind


@pytest.mark.parametrize(("credential", "institution", "context", "kind"), [
    ("Full Stack Web Development Bootcamp", "", "", "bootcamp"),
    ("Software Engineering Immersive", "General Coding Co", "", "bootcamp"),
    ("Data Science", "ITC", "Bootcamp | Israel MAR 2022 - SEP 2022", "bootcamp"),
    ("Certificate III in Carpentry", "Riverside TAFE", "", "vocational"),
    ("Ausbildung zum Fachinformatiker", "", "", "vocational"),
    ("BTEC Level 3 Extended Diploma in IT", "Leeds City College", "", "vocational"),
    ("NVQ Level 2 in Plumbing", "", "", "vocational"),
    ("Baccalauréat professionnel Commerce", "", "", "vocational"),  # before "baccalauréat" (secondary)
    ("CAP Cuisine", "", "", "vocational"),
    ("High School Diploma", "Lincoln High School", "", "secondary"),  # before "diploma" (degree)
    ("Abitur", "Gymnasium Nord", "", "secondary"),
    ("National Senior Certificate", "Parktown High School", "", "secondary"),  # South Africa's matric, not a course
    ("Senior Certificate in Project Management", "", "", "program"),
    ("SSC", "", "", "secondary"),  # an abbreviation of entry_words.yaml named by the secondary rule
    ("", "Lincoln High School", "", "secondary"),
    ("", "St Anselm's for Girls", "", "secondary"),
    ("Bachelor of Education (Teacher Training)", "", "", "degree"),  # before "training" (program)
    ("Master's programme in Physics", "", "", "degree"),  # before "programme" (program)
    ("B.Sc. Nursing", "", "", "degree"),
    ("MBA", "", "", "degree"),
    ("Postgraduate Diploma in Management", "", "", "degree"),
    ("Engineer", "Ural State University of Economics", "", "degree"),
    ("", "Moscow State University", "", "degree"),
    ("Certificate in Data Science", "Harvard Extension School", "", "program"),  # before "certificate in"
    ("Google Data Analytics Professional Certificate", "Coursera", "", "program"),
    ("Front-End Developer", "Tel-Ran Educational Center Ltd.", "", "program"),
    ("Evening course in Python programming", "", "", "program"),
    ("", "Horizon Training Center", "", "program"),
    ("", "Bioinformatics Institute", "", "unknown"),
    ("Minsk", "", "", "unknown"),
])
def test_kind(credential: str, institution: str, context: str, kind: EducationKind) -> None:
    assert education_kind(credential=credential, institution=institution, context=context) == kind


@pytest.mark.parametrize("credential", ["Cambridge, MA", "Austin, TX", "Boston, MA, USA"])
def test_a_city_and_its_state_is_no_degree(credential: str) -> None:
    assert education_kind(credential=credential) == "unknown"


def test_every_kind_has_words_and_the_set_is_closed() -> None:
    assert set(KIND_WORDS) == set(KINDS) == {"degree", "vocational", "bootcamp", "program", "secondary", "unknown"}


def test_an_entry_stored_before_kinds_loads_as_unknown() -> None:
    data = to_jsonable(EducationEntry(institution="U", credential="BSc", kind="degree"))
    assert data["kind"] == "degree"
    del data["kind"]
    assert dataclass_from_json(EducationEntry, data) == EducationEntry(institution="U", credential="BSc")
    assert dataclass_from_json(EducationEntry, data).kind == "unknown"


@pytest.mark.parametrize(("credential", "kind"), [
    ("Scrum Master course", "program"),  # a bare "master" names a degree only after the programme words
    ("Master Class in Photography", "program"),
    ("Master Electrician", "vocational"),
    ("Master, Applied mathematics", "degree"),
    ("Masters in Business Administration", "degree"),
])
def test_a_bare_master(credential: str, kind: EducationKind) -> None:
    assert education_kind(credential=credential) == kind


def _table_rows(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        return ([node] if "patterns" in node else []) + [r for v in node.values() for r in _table_rows(v)]
    if isinstance(node, list):
        return [r for v in node for r in _table_rows(v)]
    return []


def test_no_credential_the_equivalency_table_gives_a_level_is_taken_for_a_bootcamp_or_programme() -> None:
    """A bootcamp or programme gets no table lookup: every credential the table levels must be of another kind
    (a "two-year course" alone is a programme: no course word tells it from an evening course)."""
    import yaml

    from screener.credentials.tables import DATA_DIR

    table = yaml.safe_load((DATA_DIR / "equivalencies.yaml").read_text(encoding="utf-8"))
    wrong = sorted({str(p) for row in _table_rows(table) if row.get("isced") is not None
                    for p in [row.get("credential", ""), *list(row.get("patterns") or [])]  # type: ignore[list-item]
                    if education_kind(credential=str(p)) in ("bootcamp", "program")})
    assert wrong == ["two-year course"]
