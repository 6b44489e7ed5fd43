"""Date parsing: a table of the forms résumés use (and look-alikes that are not dates), plus properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.models import PartialDate as P
from screener.parse.dates import find_date_ranges, merged_months, months_between, parse_date_range, parse_partial_date

TODAY = date(2025, 1, 15)
NOW = "present"

RANGES = [
    ("Jan 2019 – Present", P(2019, 1), NOW),
    ("January 2019 - Current", P(2019, 1), NOW),
    ("2019–21", P(2019), P(2021)),
    ("2019 - 2021", P(2019), P(2021)),
    ("03/2018 – to date", P(2018, 3), NOW),
    ("3/2018-05/2020", P(2018, 3), P(2020, 5)),
    ("2018.03 – 2020.05", P(2018, 3), P(2020, 5)),
    ("Mar. 2018 to Jun 2020", P(2018, 3), P(2020, 6)),
    ("Since 2020", P(2020), NOW),
    ("2020 – now", P(2020), NOW),
    ("Summer 2017", P(2017, 6), P(2017, 8)),
    ("Fall 2016", P(2016, 9), P(2016, 11)),
    ("2015 - 2017", P(2015), P(2017)),
    ("Feb '19 – Aug '21", P(2019, 2), P(2021, 8)),
    ("Jan-2019 – Mar-2020", P(2019, 1), P(2020, 3)),
    ("since March 2020", P(2020, 3), NOW),
    ("2019-01 – 2020-06", P(2019, 1), P(2020, 6)),
    ("jan. 2019 – atual", P(2019, 1), NOW),
    ("Enero 2018 – Actualidad", P(2018, 1), NOW),
    ("março de 2017 – presente", P(2017, 3), NOW),
    ("sept. 2015 – juin 2018", P(2015, 9), P(2018, 6)),
    ("seit 2020", P(2020), NOW),
    ("desde 2019", P(2019), NOW),
    ("depuis 2021", P(2021), NOW),
    ("März 2019 – heute", P(2019, 3), NOW),
    ("févr. 2019 – aujourd'hui", P(2019, 2), NOW),
    ("janvier 2016 au décembre 2018", P(2016, 1), P(2018, 12)),
    ("Januar 2012 bis Dezember 2014", P(2012, 1), P(2014, 12)),
    ("enero 2015 hasta marzo 2017", P(2015, 1), P(2017, 3)),
    ("fevereiro 2014 até maio 2016", P(2014, 2), P(2016, 5)),
    ("abril 2010 a junho 2012", P(2010, 4), P(2012, 6)),
    ("gennaio 2018 – oggi", P(2018, 1), NOW),
    ("February 2005 to Present", P(2005, 2), NOW),
    ("March 2016 to January 2018", P(2016, 3), P(2018, 1)),
    ("June 2008 - Sep 2013", P(2008, 6), P(2013, 9)),
    ("Nov. 2008 to date", P(2008, 11), NOW),
    ("2016to date", P(2016), NOW),
    ("2010Present", P(2010), NOW),
    ("20082012", P(2008), P(2012)),
    ("April 2010  June 2012", P(2010, 4), P(2012, 6)),
    ("1997  2000", P(1997), P(2000)),
    ("January  May 2011", P(2011, 1), P(2011, 5)),
    ("September-December 2007", P(2007, 9), P(2007, 12)),
    ("November – February 2011", P(2010, 11), P(2011, 2)),
    ("04-09-2003 to  19-12-2007", P(2003, 9), P(2007, 12)),
    ("5/1/2003 - 7/1/2008", P(2003, 5), P(2008, 7)),
    ("1/01 - 6/01", P(2001, 1), P(2001, 6)),
    ("8/98 - 1/99", P(1998, 8), P(1999, 1)),
    ("11/91 to 3/92", P(1991, 11), P(1992, 3)),
    ("7/95 to present", P(1995, 7), NOW),
    ("08 / 2008 - 09 / 2009", P(2008, 8), P(2009, 9)),
    ("Summers 2009-2011", P(2009, 6), P(2011, 8)),  # the last summer ends in August
    ("September 1st 2014 Until: Currently", P(2014, 9), NOW),
    ("from June 2015\nto till date", P(2015, 6), NOW),
    ("OCT 2005,  TILL DATE", P(2005, 10), NOW),
    ("1988-89", P(1988), P(1989)),
    ("2010-11", P(2010), P(2011)),
    ("since Feb\n2018", P(2018, 2), NOW),
    ("Sept.2002-2004", P(2002, 9), P(2004)),
    ("Aug 2013 — present", P(2013, 8), NOW),
    ("September 2017 onwards", P(2017, 9), NOW),
    ("01st Oct 2015 - till date", P(2015, 10), NOW),
    ("14th Oct 2005 to 06th Feb 2008", P(2005, 10), P(2008, 2)),
    ("October 1st 2012 Until: August 31st 2014", P(2012, 10), P(2014, 8)),
    ("Julio-October 1997", P(1997, 7), P(1997, 10)),
    ("(2019–2021)", P(2019), P(2021)),
    ("2019-03-01 – 2020-06-30", P(2019, 3), P(2020, 6)),
    ("Dec 2011  current", P(2011, 12), NOW),
    ("May 2014 Present", P(2014, 5), NOW),
    ("Jan 2012 \\xe2\\x80\\x94 May 2013", P(2012, 1), P(2013, 5)),
    ("Winter 2018", P(2018, 1), P(2018, 3)),
    ("Spring 2020", P(2020, 3), P(2020, 5)),
    ("2021 – 2025", P(2021), P(2025)),
    # real layouts (issue 15): the year first, a month range inside one year, two-digit years, lost dashes
    ("2019 october - now", P(2019, 10), NOW),
    ("2017 july - 2019 october", P(2017, 7), P(2019, 10)),
    ("2021, July – December", P(2021, 7), P(2021, 12)),
    ("Sep 15 - NOW", P(2015, 9), NOW),
    ("Sep 15 - Mar 18", P(2015, 9), P(2018, 3)),
    ("Apr 2020Jun 2020", P(2020, 4), P(2020, 6)),
    ("Mar 2017Aug 2018", P(2017, 3), P(2018, 8)),
    ("20212021", P(2021), P(2021)),
    ("June 2020 –\nPresent", P(2020, 6), NOW),
    ("2015 till now", P(2015), NOW),
    ("2019 - to date", P(2019), NOW),
    ("2018 – current", P(2018), NOW),
    ("Nov 2020 - present day", P(2020, 11), NOW),
    ("2008  2022", P(2008), P(2022)),
    # open ends in several wordings and languages
    ("Jan 2019 - ongoing", P(2019, 1), NOW),
    ("Mar 2016 – Ongoing", P(2016, 3), NOW),
    ("2017 - until now", P(2017), NOW),
    ("Feb 2012 - to this day", P(2012, 2), NOW),
    ("2014 – up to now", P(2014), NOW),
    ("2013 - actual", P(2013), NOW),
    ("03/2019 - heute", P(2019, 3), NOW),
    ("03/2019 - bis heute", P(2019, 3), NOW),
    ("2011 - la actualidad", P(2011), NOW),
    ("2010 – actualidad", P(2010), NOW),
    ("09/2022 - till present", P(2022, 9), NOW),
    ("Apr 2023 - until present", P(2023, 4), NOW),
    ("2021 2025", P(2021), P(2025)),  # its dash lost, the pair opening the line
    ("2024 Present", P(2024), NOW),
]

NOT_RANGES = [
    "123-345-7890",
    "+1 (555) 201-2019",
    "2+ years",
    "Python 3.10",
    "SQL Server 2016",
    "2016",
    "May 2016",
    "Callahan, FL 32011",
    "$120,000 - $150,000",
    "2123-456789",
    "2000 - 3000 units",
    "Jan 2019 – Dec 2018",
    "1940 - 1945",
    "2030 - 2035",
    "24/7 support",
    "Windows 7/2008",
    "Office 2007/2010",
    "Mar. to Apr.",
    "version 2.1.2019",
    "",
    "Sep 15",
    "May 20, 2019 at 10",
    "Awards 2018 2019",  # two years inside a line, no dash: not a range
    "2018 2019 2020",
    "1960 2019",  # forty years or more apart
    "Ivylane AB 2019",  # a company suffix in capitals, not German "ab 2019"
]

SINGLES = [
    ("2016", P(2016)),
    ("May 2016", P(2016, 5)),
    ("03/2018", P(2018, 3)),
    ("março de 2017", P(2017, 3)),
    ("15 de março de 2017", P(2017, 3)),
    ("juin 2018", P(2018, 6)),
    ("Dezember 2020", P(2020, 12)),
    ("Summer 2017", P(2017, 6)),
    ("(2022)", P(2022)),
    ("Python 3.10", None),
    ("present", None),
    ("2019 - 2021", None),
    ("1949", None),
]


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_date_ranges(text: str, start: P, end: P | str) -> None:
    r = parse_date_range(text, today=TODAY)
    assert r is not None, text
    assert r.start == start
    if end == NOW:
        assert r.current and r.end is None
    else:
        assert not r.current and r.end == end
    assert text[r.span[0]:r.span[1]] == r.text


@pytest.mark.parametrize("text", NOT_RANGES)
def test_not_date_ranges(text: str) -> None:
    assert parse_date_range(text, today=TODAY) is None
    assert find_date_ranges(text, today=TODAY) == []


@pytest.mark.parametrize(("text", "expected"), SINGLES)
def test_single_dates(text: str, expected: P | None) -> None:
    assert parse_partial_date(text, today=TODAY) == expected


def test_spans_index_the_searched_text() -> None:
    text = "Analyst, Acme | Jan 2019 – Present\nIntern, Beta | 2017 - 2018\nPhone 123-345-7890"
    found = find_date_ranges(text, today=TODAY)
    assert [text[a:b] for a, b in (r.span for r in found)] == ["Jan 2019 – Present", "2017 - 2018"]


def test_year_beyond_next_year_is_not_a_date() -> None:
    assert parse_date_range("2026 – 2027", today=date(2024, 6, 1)) is None
    assert parse_date_range("2024 – 2025", today=date(2024, 6, 1)) is not None


@pytest.mark.parametrize(("start", "end", "months"), [
    (P(2019, 1), P(2020, 12), 24),
    (P(2019), P(2019), 12),
    (P(2019, 6), P(2019, 6), 1),
    (P(2020, 1), P(2019, 1), 0),
    (P(2024, 1), None, 13),  # to today's month (January 2025) inclusive
])
def test_months_between(start: P, end: P | None, months: int) -> None:
    assert months_between(start, end, today=TODAY) == months


@pytest.mark.parametrize(("periods", "months"), [
    ([(P(2019, 1), P(2020, 12), False), (P(2020, 6), P(2021, 6), False)], 30),
    ([(P(2019, 1), P(2019, 12), False), (P(2021, 1), P(2021, 12), False)], 24),
    ([(P(2019, 1), P(2019, 12), False), (P(2020, 1), P(2020, 12), False)], 24),
    ([(P(2024, 1), None, True), (P(2024, 6), P(2024, 8), False)], 13),
    ([(P(2018), None, False)], 12),
    ([], 0),
])
def test_merged_months(periods: list[tuple[P, P | None, bool]], months: int) -> None:
    assert merged_months(periods, today=TODAY) == months


EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EN_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
      "novembro", "dezembro"]
FORMATS = [
    lambda y, m: f"{EN[m - 1]} {y}",
    lambda y, m: f"{EN_LONG[m - 1]} {y}",
    lambda y, m: f"{m:02d}/{y}",
    lambda y, m: f"{y}-{m:02d}",
    lambda y, m: f"{y}.{m:02d}",
    lambda y, m: f"{PT[m - 1]} de {y}",
    lambda y, m: f"{EN[m - 1]}-{y}",
]
SEPARATORS = [" – ", " - ", " — ", " to ", "–", " until "]

month_year = st.tuples(st.integers(1950, 2025), st.integers(1, 12))


@given(month_year, month_year, st.sampled_from(FORMATS), st.sampled_from(SEPARATORS))
def test_generated_ranges_round_trip(a: tuple[int, int], b: tuple[int, int], fmt, sep: str) -> None:  # type: ignore[no-untyped-def]
    (y1, m1), (y2, m2) = sorted([a, b])
    text = fmt(y1, m1) + sep + fmt(y2, m2)
    r = parse_date_range(text, today=TODAY)
    assert r is not None, text
    assert (r.start, r.end, r.current) == (P(y1, m1), P(y2, m2), False)
    assert r.start is not None and r.end is not None
    assert r.start.months_index() <= r.end.months_index(end=True)


@given(month_year, st.sampled_from(FORMATS), st.sampled_from(["Present", "Current", "to date", "now", "atual"]))
def test_generated_open_ranges(a: tuple[int, int], fmt, word: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{fmt(*a)} – {word}"
    r = parse_date_range(text, today=TODAY)
    assert r is not None and r.current and r.start == P(*a), text


def _period(start: tuple[int, int], length: int, current: bool) -> tuple[P, P, bool]:
    idx = start[0] * 12 + start[1] - 1 + length
    return P(*start), P(idx // 12, idx % 12 + 1), current


periods = st.lists(st.builds(_period, month_year, st.integers(0, 60), st.booleans()), max_size=6)


@given(periods)
def test_merged_months_bounds(ps: list[tuple[P, P, bool]]) -> None:
    total = merged_months(ps, today=TODAY)
    single = [months_between(s, None if cur else e, today=TODAY) for s, e, cur in ps]
    assert total <= sum(single)
    assert total >= max(single, default=0)


def test_digit_on_the_line_above_does_not_hide_a_range() -> None:
    """"…HTML5, CSS3." then "2017 – 2019: Developer": the digit before the line break is not part of the date."""
    found = find_date_ranges("Tools: HTML5, CSS3.\n2017 – 2019: Developer, Bank", today=TODAY)
    assert [(r.start, r.end) for r in found] == [(P(2017), P(2019))]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2021 2025\tData Engineer\n", P(2021), P(2025)),  # a lost dash, then a layout gap
    ("Ivylane AB\t2019 - 2021", P(2019), P(2021)),
])
def test_ranges_inside_a_header(text: str, start: P, end: P) -> None:
    [r] = find_date_ranges(text, today=TODAY)
    assert (r.start, r.end, r.current) == (start, end, False)
