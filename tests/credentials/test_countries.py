"""Country inference from education-entry text, and country arguments given as codes or names."""

from __future__ import annotations

import pytest

from screener.credentials import infer_country, resolve_country


@pytest.mark.parametrize(("text", "institution", "expected"), [
    ("B.Tech, IIT Bombay, Mumbai", "", "IN"),
    ("Bachelor of Engineering, Anna University, Chennai", "", "IN"),
    ("B.Sc. Accounting", "University of Lagos", "NG"),
    ("Bacharel em Administração", "", "BR"),
    ("Engenharia Civil", "Universidade de São Paulo", "BR"),
    ("Ingeniería Industrial, Monterrey, N.L.", "", "MX"),
    ("BS Computer Science", "University of New Mexico", "US"),
    ("BA Economics, University of British Columbia, Vancouver", "", "CA"),
    ("Laurea in Ingegneria", "Politecnico di Milano", "IT"),
    ("Diplom-Kaufmann", "Universität zu Köln", "DE"),
    ("Licencjat, Warsaw", "", "PL"),
    ("Специалист, Москва", "", "RU"),
    ("Kyiv Polytechnic Institute", "", "UA"),
    ("MBBS", "King Edward Medical University, Lahore", "PK"),
    ("Bachelor of Science", "University of the Philippines Diliman", "PH"),
    ("Cử nhân, Hanoi", "", "VN"),
    ("BEng", "KAIST", "KR"),
    ("Karshenasi, Tehran", "", "IR"),
    ("MBBCh, Cairo University", "", "EG"),
    ("HND, Accra Polytechnic", "", "GH"),
    ("BCom, University of Nairobi", "", "KE"),
    ("Licenciatura en Economía, La Habana", "", "CU"),
    ("Ingeniero, Universidad Central de Venezuela, Caracas", "", "VE"),
    ("Profesional en Finanzas, Bogotá", "", "CO"),
    ("Licenciado en Administración, Universidad de Buenos Aires", "", "AR"),
    ("Grado en Derecho, Universidad Complutense, Madrid", "", "ES"),
    ("Master, Sciences Po, Paris", "", "FR"),
    ("BSc (Hons), University of Manchester", "", "GB"),
    ("Bachelor of Commerce, Monash University, Melbourne", "", "AU"),
    ("Lisans, Boğaziçi University, Istanbul", "", "TR"),
    ("学士, 清华大学", "", "CN"),
    ("学士, University of Tokyo", "", "JP"),
    ("Dhaka University", "", "BD"),
    ("Ing.", "České vysoké učení technické v Praze", "CZ"),
    ("Bc., Brno", "", "CZ"),
    ("Mgr.", "Univerzita Komenského v Bratislave", "SK"),
    ("Dipl.-Ing.", "TU Wien", "AT"),
    ("Mag., Wien", "", "AT"),
    ("Dipl.-Ing., Fachhochschule Technikum Wien", "", "AT"),  # not Germany's "Fachhochschule" cue
    ("Civilingenjör", "KTH Royal Institute of Technology", "SE"),
    ("MSc, Göteborg", "", "SE"),
    ("BSc", "Hogeschool van Amsterdam", "NL"),
    ("MSc, Delft", "", "NL"),
    ("Licență", "Universitatea Babeș-Bolyai, Cluj-Napoca", "RO"),
    ("Diploma", "National Technical University of Athens", "GR"),
    ("MSc, Thessaloniki", "", "GR"),
    ("Ingénieur d'État", "USTHB, Alger", "DZ"),
    ("Licence, Casablanca", "", "MA"),
    ("Mastère", "Université de Sfax", "TN"),
    ("BCom Honours", "University of Pretoria", "ZA"),
    ("Matric, Johannesburg", "", "ZA"),
    ("BSc in Computer Science", "Addis Ababa University", "ET"),
    ("Licence, Damascus", "", "SY"),
    ("Bachelor of Science", "University of Baghdad", "IQ"),
    ("MBChB, Erbil", "", "IQ"),
    ("BS", "American University of Beirut", "LB"),
    ("Tawjihi, Irbid", "", "JO"),
    ("BSc", "Birzeit University", "PS"),
    ("MSc, Dhahran", "", "SA"),
    ("BSc", "King Saud University", "SA"),
    ("Bachelor of Arts, Kabul", "", "AF"),
    ("BBS", "Tribhuvan University", "NP"),
    ("BE, Pokhara", "", "NP"),
    ("GCE A/L, Kandy", "", "LK"),
    ("BSc (Hons)", "University of Moratuwa", "LK"),
    ("S1 Teknik Informatika", "Universitas Brawijaya", "ID"),
    ("Sarjana, Yogyakarta", "", "ID"),
    ("Bachiller, Arequipa", "", "PE"),
    ("Ingeniero Industrial", "Pontificia Universidad Católica del Perú", "PE"),
    ("Magíster, Valparaíso", "", "CL"),
    ("Ingeniero Civil Industrial", "Universidad Técnica Federico Santa María", "CL"),
    ("Licenciatura", "Pontificia Universidad Católica Madre y Maestra", "DO"),
    ("Bachillerato, San Salvador", "", "SV"),
    ("BSc", "University of the West Indies, Mona", "JM"),
    ("Licence, Port-au-Prince", "", "HT"),
    ("Licence", "Université de Yaoundé I", "CM"),
    ("HND, Bamenda", "", "CM"),
    ("BSc (Hons)", "University of Zimbabwe", "ZW"),
    ("Bachelor of Commerce, Kampala", "", "UG"),
    ("Специалист", "Belarusian State University", "BY"),
    ("Engineer, Minsk", "", "BY"),
    ("Bakalavr", "Al-Farabi Kazakh National University", "KZ"),
    ("B.A., Haifa", "", "IL"),
    ("Alapképzés", "Debreceni Egyetem", "HU"),
    ("BSc (Hons), Kuala Lumpur", "", "MY"),
    ("Diploma", "Politeknik Negeri Bandung", "ID"),
])
def test_infer_country(text: str, institution: str, expected: str) -> None:
    assert infer_country(text, institution=institution) == expected


@pytest.mark.parametrize("text", ["BS, University of Georgia, Athens, GA", "BA, Ohio University, Athens, Ohio"])
def test_athens_in_the_united_states_is_not_greece(text: str) -> None:
    assert infer_country(text) == "US"


@pytest.mark.parametrize("text", ["BA, Lebanon Valley College", "BS, Lebanon, Pennsylvania", "High school diploma, West Jordan, Utah",
                                  "BS, Peru State College", "High school diploma, Lima, Ohio", "BA, Dominican University",
                                  "High school diploma, Jamaica, Queens", "Residency, Beth Israel Deaconess Medical Center, Boston"])
def test_us_towns_named_like_countries_are_us(text: str) -> None:
    assert infer_country(text) == "US"


@pytest.mark.parametrize("text", ["", "BSc Computer Science", "Online course", "Graduated with honours 2019"])
def test_no_cue_no_country(text: str) -> None:
    assert infer_country(text) is None


def test_cue_inside_longer_cue_does_not_count() -> None:
    # "Mexico" in "New Mexico" and "British" in "British Columbia" are not Mexico or the UK
    assert infer_country("University of New Mexico") == "US"
    assert infer_country("Vancouver, British Columbia") == "CA"


def test_even_disagreement_gives_no_country() -> None:
    assert infer_country("Lagos and Nairobi") is None


@pytest.mark.parametrize(("value", "expected"), [
    ("BR", "BR"), ("br", "BR"), ("U.S.", "US"), ("USA", "US"), ("Brazil", "BR"), ("Brasil", "BR"), ("UK", "GB"), ("United Kingdom", "GB"),
    ("Deutschland", "DE"), ("México", "MX"), ("NL", "NL"), ("Atlantis", None), ("", None), (None, None),
])
def test_resolve_country(value: str | None, expected: str | None) -> None:
    assert resolve_country(value) == expected


def test_patterns_that_fold_to_the_same_words_are_one_cue() -> None:
    """South Africa's "BSc (Eng)" is written three ways in the table; in a text they are one cue, so the Sri Lankan
    university beside it decides (the three counted thrice and outvoted it)."""
    assert infer_country("B.Sc. Eng. (Hons), University of Moratuwa") == "LK"
