"""Layout kinds read wrongly, each an invented plain-text résumé or line: two date ranges side by side on one line
(two columns converted line by line), a job title no list knows beside its employer, and full-width digits and
Japanese era years in dates of an otherwise English résumé."""

from __future__ import annotations

import pytest
from layout_docs import TODAY, parse_text, text_roles

from screener.parse.dates import find_date_ranges

NOW = "present"


_parse = parse_text
_roles = text_roles


def _ranges(line: str) -> list[tuple[str, str | None, str]]:
    return [(str(r.start), NOW if r.current else str(r.end), r.text) for r in find_date_ranges(line, today=TODAY)]


HEAD = "Ysolde Marchbank\nysolde.marchbank@example.com | (555) 204-7713 | Duluth, MN\n\n"


# --- 1. two date ranges side by side: a range's end takes no month that opens the next range ------------------------

@pytest.mark.parametrize("line, gold", [
    ("2013 - 2017 January 2022 - present",
     [("2013", "2017", "2013 - 2017"), ("2022-01", NOW, "January 2022 - present")]),
    ("2015 – 2019 Mar 2020 – Jun 2021",
     [("2015", "2019", "2015 – 2019"), ("2020-03", "2021-06", "Mar 2020 – Jun 2021")]),
    ("2011 – 2014 Sept. 2016 – Current",
     [("2011", "2014", "2011 – 2014"), ("2016-09", NOW, "Sept. 2016 – Current")]),
    ("09/2012 - 06/2016 03/2019 - present",
     [("2012-09", "2016-06", "09/2012 - 06/2016"), ("2019-03", NOW, "03/2019 - present")]),
    # ordinary ranges read as before
    ("2017 - January 2019", [("2017", "2019-01", "2017 - January 2019")]),
    ("2013 – 2017 (4 years)", [("2013", "2017", "2013 – 2017")]),
    ("2019 October – 2020 March", [("2019-10", "2020-03", "2019 October – 2020 March")]),
    ("2021, July – December", [("2021-07", "2021-12", "2021, July – December")]),
])
def test_two_ranges_side_by_side(line: str, gold: list[tuple[str, str | None, str]]) -> None:
    assert _ranges(line) == gold


def test_side_by_side_ranges_are_no_header() -> None:
    text = HEAD + (
        "EXPERIENCE\n"
        "Hydrology Technician, Pinecrest Water Authority\n"
        "2012 - 2016 February 2021 - present\n"
        "• Logged river gauges.\n\n"
        "EDUCATION\nB.S. Geology, Lakehead State College, 2012\n")
    roles = _roles(text)
    assert roles[0] == ("Hydrology Technician", "Pinecrest Water Authority", "", "2012", "2016")
    assert not any("2021" in r[1] or "present" in r[2].casefold() for r in roles)


# --- 2. a title no list knows beside its employer: the organisation word, the known title, or the document's order --

def test_unknown_title_under_an_employer_with_an_organisation_word() -> None:
    text = HEAD + (
        "EXPERIENCE\n"
        "Copperfield Stoneworks Ltd\nTerrazzo Whisperer\nApril 2020 - Present\n• Polished floors.\n\n"
        "Larkspur Valley Builders\nMortar Poet\nMay 2017 - March 2020\n• Laid courses.\n\n"
        "Larkspur Valley Builders, Gravel Sommelier, 2015 - 2017\n\n"
        "EDUCATION\nB.A. History, Wexcombe College, 2015\n")
    assert _roles(text) == [
        ("Terrazzo Whisperer", "Copperfield Stoneworks Ltd", "", "2020-04", NOW),
        ("Mortar Poet", "Larkspur Valley Builders", "", "2017-05", "2020-03"),
        ("Gravel Sommelier", "Larkspur Valley Builders", "", "2015", "2017"),
    ]


@pytest.mark.parametrize("heading", ["EXPERIENCE", "CAREER HISTORY"])
def test_unknown_title_and_plain_employer_in_the_documents_order(heading: str) -> None:
    # the other roles write the employer first (an organisation word, a known title): so do the unclear ones
    text = HEAD + (
        f"{heading}\n"
        "Hollowbrook Farms\nCheese Cartographer\n2021 - Present\n• Mapped the cellars.\n\n"
        "Pendleford Analytics Inc.\nData Analyst\n2018 - 2021\n• Built dashboards.\n\n"
        "Quillon Bakehouse, Crumb Architect, 2016 - 2018\n"
        "Marrowgate Software, Support Engineer, 2014 - 2016\n\n"
        "EDUCATION\nB.Sc. Statistics, Thornleigh University, 2014\n")
    assert _roles(text) == [
        ("Cheese Cartographer", "Hollowbrook Farms", "", "2021", NOW),
        ("Data Analyst", "Pendleford Analytics Inc.", "", "2018", "2021"),
        ("Crumb Architect", "Quillon Bakehouse", "", "2016", "2018"),
        ("Support Engineer", "Marrowgate Software", "", "2014", "2016"),
    ]


def test_unknown_title_first_stays_first() -> None:
    # title first throughout: the unclear role keeps the header's order
    text = HEAD + (
        "EXPERIENCE\n"
        "Cheese Cartographer\nHollowbrook Farms\n2021 - Present\n• Mapped the cellars.\n\n"
        "Data Analyst\nPendleford Analytics Inc.\n2018 - 2021\n• Built dashboards.\n\n"
        "EDUCATION\nB.Sc. Statistics, Thornleigh University, 2014\n")
    assert _roles(text) == [
        ("Cheese Cartographer", "Hollowbrook Farms", "", "2021", NOW),
        ("Data Analyst", "Pendleford Analytics Inc.", "", "2018", "2021"),
    ]


# --- 3. full-width digits and Japanese era years in an English résumé ------------------------------------------------

@pytest.mark.parametrize("written, start, end", [
    ("２０１８年４月 – ２０２０年９月", "2018-04", "2020-09"),
    ("２０２０/１０ – 現在", "2020-10", NOW),
    ("２０１７．０５ – ２０１９．０２", "2017-05", "2019-02"),
    ("令和2年7月 – 現在", "2020-07", NOW),
    ("平成27年10月 – 平成30年3月", "2015-10", "2018-03"),
    ("令和元年6月 – 令和4年1月", "2019-06", "2022-01"),
    ("平成元年 – 平成3年", "1989", "1991"),
    ("平成29年 – 令和元年", "2017", "2019"),
])
def test_full_width_and_era_dates(written: str, start: str, end: str) -> None:
    found = find_date_ranges(written, today=TODAY)
    assert [(str(r.start), NOW if r.current else str(r.end), r.text) for r in found] == [(start, end, written)]


def test_era_dates_in_an_english_resume() -> None:
    text = HEAD + (
        "EXPERIENCE\n"
        "Customs Broker, Minatomirai Freight Co.\n令和3年4月 – 現在\n• Cleared shipments.\n\n"
        "Import Coordinator, Shirasagi Trading Ltd\n平成29年10月 – 令和3年3月\n• Booked containers.\n\n"
        "EDUCATION\nB.A. Economics, Kamogawa University, 2017\n")
    assert _roles(text) == [
        ("Customs Broker", "Minatomirai Freight Co.", "", "2021-04", NOW),
        ("Import Coordinator", "Shirasagi Trading Ltd", "", "2017-10", "2021-03"),
    ]
