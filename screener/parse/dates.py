"""Dates and date ranges as résumés write them, normalised to ``PartialDate`` and month counts.

    >>> parse_date_range("Jan 2019 – Present", today=date(2024, 6, 1))
    DateRange(start=PartialDate(year=2019, month=1), end=None, current=True, text='Jan 2019 – Present', span=(0, 18))
    >>> months_between(PartialDate(2019, 1), PartialDate(2020, 12), today=date(2024, 6, 1))
    24

Month names, "present" words, range words and seasons come from ``data/months.yaml`` and
``data/date_words.yaml``. Month counts are inclusive: "Jan 2019 – Dec 2020" is 24 months, a bare end year
runs to December and a bare start year from January.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from screener.models import PartialDate
from screener.parse._data import alternation, flat_words, fold, load

MIN_YEAR = 1950


@dataclass(frozen=True)
class DateRange:
    """A span of time as written. ``current`` means the end is "present"; then ``end`` is None.

    A season ("Summer 2017") is a range over its months. ``span`` indexes the text that was searched.
    """

    start: PartialDate | None
    end: PartialDate | None
    current: bool
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class DateMention:
    """A single date ("May 2016", "2016") found in text, with where it is."""

    date: PartialDate
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class _Point:
    kind: str  # "full", "numeric", "iso", "iso-hyphen", "myy", "season", "quarter", "year", "month", "pair"
    first: PartialDate | None  # None for a bare month ("January" in "January - May 2011")
    last: PartialDate | None  # differs from first for seasons and eight-digit pairs
    start: int
    end: int
    month_only: int | None = None  # for bare months
    day_first_month: int | None = None  # the dd/mm/yyyy reading of an ambiguous numeric date
    order: str = ""  # numeric dates: "dmy" or "mdy" when the numbers settle it, "" when either could be
    needs_partner: bool = False  # M/YY and 2019-11 are dates only when paired with another end


class _Rules:
    """Compiled regular expressions built from the YAML rule files."""

    def __init__(self) -> None:
        months: dict[str, int] = {}
        written: list[str] = []
        for table in load("months").values():
            for number, names in table.items():
                for name in names:
                    months[fold(name)] = int(number)
                    written.append(str(name))
        self.months = months
        words = load("date_words")
        self.seasons = {fold(k): (int(v[0]), int(v[1])) for k, v in words["seasons"].items()}
        self.eras = {str(k): int(v) for k, v in words["eras"].items()}
        self.era_first_year = {str(w) for w in words["era_first_year"]}
        era = alternation(self.eras)
        era_first = alternation(self.era_first_year)
        mon = alternation(written)
        season = alternation(self.seasons)
        present = alternation(flat_words(words["present"]))
        open_after = alternation(flat_words(words["open_after"]))
        since = alternation(flat_words(words["since"]))
        sep_word = alternation(flat_words(words["range_separators"]))
        end_label = alternation(flat_words(words["end_labels"]))
        # "Start Date: March 2019" / "End Date: Present": the end labelled on the next line
        labelled_end = rf"[ \t]*+\n[ \t]*+(?:{end_label})[ \t]*+:[ \t]*+"
        y4 = r"(?:19|20)\d{2}"
        nl = r"(?![^\W\d_])"  # no letter follows
        flags = re.IGNORECASE
        # Tried in order at each word start; the first that matches and validates wins.
        self.points: list[tuple[str, re.Pattern[str]]] = [
            # "2019年3月", "2019年03月1日", "2015年": Chinese and Japanese dates, the year and month marked by 年 and 月
            ("cjk", re.compile(rf"(?P<y>{y4})[ \t]*+年(?:[ \t]*+(?P<m>\d{{1,2}})[ \t]*+月(?:[ \t]*+\d{{1,2}}[ \t]*+日)?)?",
                               flags)),
            # "令和3年4月", "平成28年", "令和元年5月": a Japanese era's year (元年 its first), then the month
            ("era", re.compile(rf"(?P<era>{era})[ \t]*+(?P<n>\d{{1,2}}|{era_first})[ \t]*+年"
                               rf"(?:[ \t]*+(?P<m>\d{{1,2}})[ \t]*+月(?:[ \t]*+\d{{1,2}}[ \t]*+日)?)?(?!\d)")),
            ("pair", re.compile(rf"(?P<y1>{y4})(?P<y2>{y4})(?!\d)", flags)),
            # "2021 2025" opening a line, its dash lost: two years then the end of the line or a layout gap
            ("spaced", re.compile(rf"(?<![^\n])(?P<y1>{y4})[ \t]{{1,3}}(?P<y2>{y4})(?=[ \t]*+(?:\n|$)|\t|  )",
                                  flags)),
            ("dmy", re.compile(
                rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\.?[ \t]*+(?:de[ \t]++)?(?P<m>{mon})\.?{nl}"
                rf"(?:[ \t]*+,)?[ \t]*+(?:de[ \t]++)?(?P<y>{y4})(?!\d)", flags)),
            ("my", re.compile(
                rf"(?P<m>{mon})\.?{nl}(?:[ \t]++\d{{1,2}}(?:st|nd|rd|th)?(?!\d))?[ \t]*+[,.\-/]?[ \t]*+\n?[ \t]*+"
                rf"(?:(?:de|of)[ \t]++)?(?:(?P<y>{y4})(?!\d)|['’‘`](?P<yy>\d{{2}})(?!\d))", flags)),
            ("yq", re.compile(rf"(?P<y>{y4})[ \t]*+[/\-]?[ \t]*+Q(?P<q>[1-4])(?![^\W_])", flags)),
            # "2019 october", "2021, July": the year written first
            ("ym", re.compile(rf"(?P<y>{y4})[ \t]*+,?[ \t]*+(?P<m>{mon})\.?{nl}", flags)),
            # "Sep 15" (a two-digit year): a date only when a range partner follows
            ("myy2", re.compile(rf"(?P<m>{mon})\.?{nl}[ \t]*+(?P<yy>\d{{2}})(?![\d/.:,]|[ \t]*+(?:st|nd|rd|th)\b)",
                                flags)),
            # "Q1 2019", "Q2/2021", and "2017 Q2": a quarter of a year
            ("quarter", re.compile(rf"Q(?P<q>[1-4])[ \t]*+[/\-]?[ \t]*+(?P<y>{y4})(?!\d)", flags)),
            ("season", re.compile(rf"(?P<s>{season}){nl}[ \t]*+,?[ \t]*+(?P<y>{y4})(?!\d)", flags)),
            ("numeric", re.compile(rf"(?P<a>\d{{1,2}})(?P<s1>[/.\-])(?P<b>\d{{1,2}})(?P<s2>[/.\-])(?P<y>{y4})(?!\d)",
                                   flags)),
            ("mmyyyy", re.compile(rf"(?P<m>\d{{1,2}})[ \t]*+[/.\-][ \t]*+(?P<y>{y4})(?![\d])", flags)),
            ("iso", re.compile(rf"(?P<y>{y4})(?P<sep>[./\-])(?P<m>\d{{1,2}})(?P<day>(?P=sep)\d{{1,2}})?(?![\d])",
                               flags)),
            ("myy", re.compile(r"(?P<m>\d{1,2})/(?P<yy>\d{2})(?![\d/])", flags)),
            ("year", re.compile(rf"(?P<y>{y4})(?!\d|[.,]\d)", flags)),
            ("month", re.compile(rf"(?P<m>{mon})\.?{nl}", flags)),
        ]
        # Chinese and Japanese write no spaces between words: each of their characters is a word of its own
        # ("2019年3月至2021年6月"), so a date may start right after one
        cjk = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
        self.word_start = re.compile(rf"(?:(?<![^\W_])|(?<=[{cjk}]))[^\W_]", re.UNICODE)
        self.word = re.compile(rf"[{cjk}]|(?:(?![{cjk}])[^\W_])+")
        # a dash, also when the text layer left it as escaped UTF-8 bytes ("\\xe2\\x80\\x94")
        dash = r"(?:[-–—‒―~～〜]{1,2}|\\xe2\\x80\\x9[34])"
        self.gap = re.compile(rf"\s*+,?\s*+(?:{dash}|{sep_word}{nl})[ \t:]*+\s*+|{labelled_end}", flags)
        # a layout gap, or the cell border of a table row ("Mar 2019 | Feb 2021" under "From | To")
        self.space_gap = re.compile(r"[ \t]++|[ \t]*+\|[ \t]*+")
        self.present_after = re.compile(
            rf"(?:[ \t]*+,?\s*+(?:{dash}|{sep_word}{nl})[ \t:]*+\s*+|[ \t]*+[,|]?[ \t]*+|{labelled_end})(?:{present}){nl}",
            flags)
        # "June 2022 – Software Engineer, Google" then "Present …" on the next line: a date column beside the text
        self.wrapped_present = re.compile(
            rf"[ \t]*+{dash}[ \t]++(?=[^\W\d_])[^\n]{{1,160}}\n[ \t]*+(?:{present}){nl}", flags)
        self.dash_after = re.compile(rf"[ \t]*+{dash}", flags)
        # "Summer 2018, Summer 2019", "Summer 2016 & Summer 2017": seasons listed one after another
        self.list_sep = re.compile(r"[ \t]*+[,&;/][ \t]*+")
        self.open_after = re.compile(rf"[ \t]*+(?:{open_after}){nl}", flags)
        self.two_digit_end = re.compile(rf"[ \t]*+(?:{dash}|to)[ \t]*+['’]?(?P<yy>\d{{2}})(?![\d/.:%+,]|[ \t]*+\+|[^\W\d_])", flags)
        # "2013 - 2017 January 2022 - present": a month with a year of its own after it opens the next date, unless
        # that year takes a month after it too ("2019 October 2020 March": the document writes the year first)
        self.month_then_year = re.compile(
            rf"[ \t]*+,?[ \t]*+(?:{mon})\.?{nl}[ \t]*+[,.\-/]?[ \t]*+(?:{y4})(?!\d)(?![ \t]*+,?[ \t]*+(?:{mon}){nl})",
            flags)
        self.since_before = re.compile(rf"(?<![^\W\d_])(?P<w>{since})[ \t:]*+\n?[ \t]*+$", flags)
        self.guard_before = re.compile(r"(?:\d[-/.:]|[\d$€£#]|\d[ \t])\Z")


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    return _Rules()


@lru_cache(maxsize=1)
def month_names_pattern() -> str:
    """A regex alternation of every month name and abbreviation in ``data/months.yaml`` (case-insensitive use)."""
    return alternation(str(n) for table in load("months").values() for names in table.values() for n in names)


def _max_year(today: date | None) -> int:
    return (today or date.today()).year + 1


def _year_ok(year: int, today: date | None) -> bool:
    return MIN_YEAR <= year <= _max_year(today)


def _two_digit_year(yy: int, today: date | None) -> int:
    year = 2000 + yy
    return year if year <= _max_year(today) else 1900 + yy


def _point_at(text: str, pos: int, today: date | None, prev_end: int, *, after_date: bool = False) -> _Point | None:
    rules = _rules()
    # a digit just before is part of a phone number or an amount, unless it ends the previous date ("3/2018-05/2020")
    before = "" if after_date or rules.gap.fullmatch(text, prev_end, pos) else text[max(0, pos - 3):pos]
    for kind, pattern in rules.points:
        m = pattern.match(text, pos)
        if not m:
            continue
        point = _make_point(kind, m, before, today)
        if point is not None:
            return point
    if before and prev_end >= 0 and rules.space_gap.fullmatch(text, prev_end, pos):
        # "09/2012 - 06/2016 03/2019 - present": the digits before end the previous date, and this one opens a
        # range of its own (two ranges side by side); "Awards 2018 2019" stays two years
        point = _point_at(text, pos, today, prev_end, after_date=True)
        if point is not None and (rules.gap.match(text, point.end) or rules.present_after.match(text, point.end)):
            return point
    return None


# a capitalised word and "de" / "do" / "del" just before a month's name: the month is part of a name ("Rio de
# Janeiro, 2018", "Plaza de Mayo", "Universidad Nacional de Tres de Febrero"), not a date ("15 de janeiro" has a day)
_NAME_BEFORE_MONTH = re.compile(r"[A-ZÀ-Ý][\w'’.-]*\s+(?:de|do|da|del|di|du)\s+$")


def _in_a_name(m: re.Match[str]) -> bool:
    s = m.start()
    return m.string[s:s + 1].isupper() and _NAME_BEFORE_MONTH.search(m.string, max(0, s - 40), s) is not None


def _make_point(kind: str, m: re.Match[str], before: str, today: date | None) -> _Point | None:
    rules = _rules()
    s, e = m.start(), m.end()
    numeric_guard = bool(rules.guard_before.search(before))
    if kind in ("pair", "spaced"):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if numeric_guard or not (_year_ok(y1, today) and _year_ok(y2, today)) or y2 < y1 or \
                kind == "spaced" and y2 - y1 > 40:
            return None
        return _Point("pair", PartialDate(y1), PartialDate(y2), s, e)
    if kind in ("my", "myy2", "month") and _in_a_name(m):
        return None
    if kind in ("dmy", "my"):
        month = rules.months.get(fold(m["m"]).rstrip("."))
        if month is None:
            return None
        year = int(m["y"]) if m["y"] else _two_digit_year(int(m["yy"]), today)
        if not _year_ok(year, today):
            return None
        return _Point("full", PartialDate(year, month), PartialDate(year, month), s, e)
    if kind == "ym":
        month = rules.months.get(fold(m["m"]).rstrip("."))
        year = int(m["y"])
        if month is None or numeric_guard or not _year_ok(year, today) or \
                rules.month_then_year.match(m.string, m.end("y")):
            return None
        return _Point("full", PartialDate(year, month), PartialDate(year, month), s, e)
    if kind == "myy2":
        month = rules.months.get(fold(m["m"]).rstrip("."))
        if month is None:
            return None
        year = _two_digit_year(int(m["yy"]), today)
        if not _year_ok(year, today):
            return None
        pd = PartialDate(year, month)
        return _Point("myy2", pd, pd, s, e, needs_partner=True)
    if kind == "era":
        n = 1 if m["n"] in rules.era_first_year else int(m["n"])
        year = rules.eras[m["era"]] + n
        month = int(m["m"]) if m["m"] else None
        if n < 1 or not _year_ok(year, today) or (month is not None and not 1 <= month <= 12):
            return None
        pd = PartialDate(year, month)
        return _Point("full" if month else "year", pd, pd, s, e)
    if kind == "cjk":
        year = int(m["y"])
        month = int(m["m"]) if m["m"] else None
        if numeric_guard or not _year_ok(year, today) or (month is not None and not 1 <= month <= 12):
            return None
        pd = PartialDate(year, month)
        return _Point("full" if month else "year", pd, pd, s, e)
    if kind in ("quarter", "yq"):
        year, quarter = int(m["y"]), int(m["q"])
        if (kind == "yq" and numeric_guard) or not _year_ok(year, today):
            return None
        # a quarter starts at its first month and ends at its last: Q1 is January to March
        return _Point("quarter", PartialDate(year, 3 * quarter - 2), PartialDate(year, 3 * quarter), s, e)
    if kind == "season":
        first, last = rules.seasons[fold(m["s"])]
        year = int(m["y"])
        if not _year_ok(year, today):
            return None
        return _Point("season", PartialDate(year, first), PartialDate(year, last), s, e)
    if numeric_guard:
        return None
    if kind == "numeric":
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        if not _year_ok(year, today) or not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
            return None
        if m["s1"] == m["s2"] == "." and b <= 12:
            # "01.03.2019": dotted dates are written day first (German, Russian, Polish…), never month first
            return _Point("numeric", PartialDate(year, b), PartialDate(year, b), s, e, order="dmy")
        month = a if a <= 12 else b
        other = b if a <= 12 and b <= 12 else None
        order = "dmy" if a > 12 else ("mdy" if b > 12 else "")
        return _Point("numeric", PartialDate(year, month), PartialDate(year, month), s, e, day_first_month=other,
                      order=order)
    if kind == "mmyyyy":
        month, year = int(m["m"]), int(m["y"])
        if not (1 <= month <= 12 and _year_ok(year, today)):
            return None
        return _Point("numeric", PartialDate(year, month), PartialDate(year, month), s, e)
    if kind == "iso":
        year, month = int(m["y"]), int(m["m"])
        if not (1 <= month <= 12 and _year_ok(year, today)):
            return None
        # "2010-11" is as often the academic year 2010–11 as November 2010: only a full date, a dot/slash
        # form, or a partner in the same form makes it a month.
        weak = m["sep"] == "-" and not m["day"]
        if weak and len(m["m"]) != 2:
            return None
        pd = PartialDate(year, month)
        return _Point("iso-hyphen" if weak else "iso", pd, pd, s, e, needs_partner=weak)
    if kind == "myy":
        month = int(m["m"])
        year = _two_digit_year(int(m["yy"]), today)
        if not (1 <= month <= 12 and _year_ok(year, today)):
            return None
        pd = PartialDate(year, month)
        return _Point("myy", pd, pd, s, e, needs_partner=True)
    if kind == "year":
        year = int(m["y"])
        if not _year_ok(year, today):
            return None
        return _Point("year", PartialDate(year), PartialDate(year), s, e)
    if kind == "month":
        month = _rules().months.get(fold(m["m"]).rstrip("."))
        if month is None:
            return None
        return _Point("month", None, None, s, e, month_only=month)
    return None


def _scan_points(text: str, today: date | None) -> list[_Point]:
    points: list[_Point] = []
    pos = 0
    rules = _rules()
    while True:
        m = rules.word_start.search(text, pos)
        if not m:
            break
        start = m.start()
        point = _point_at(text, start, today, points[-1].end if points else -1)
        if point is None:
            # skip the rest of this word
            w = rules.word.match(text, start)
            pos = w.end() if w else start + 1
            continue
        points.append(point)
        pos = point.end
        if pos < len(text) and text[pos].isalpha() and text[pos - 1].isdigit():
            glued = _point_at(text, pos, today, pos)
            if glued is not None and glued.kind in ("full", "month"):
                points.append(glued)
                pos = glued.end
    return points


def _before_or_equal(a: PartialDate, b: PartialDate) -> bool:
    return a.months_index() <= b.months_index(end=True)


def _join(p: _Point, q: _Point) -> tuple[PartialDate, PartialDate] | None:
    """The range p–q when q closes p, else None."""
    if q.kind == "month" and q.month_only is not None and p.last is not None and p.last.month is not None and \
            p.kind in ("full", "numeric", "iso") and q.month_only >= p.last.month:
        # "2021, July – December": the end month takes the start's year
        return p.first or p.last, PartialDate(p.last.year, q.month_only)
    if q.first is None or q.last is None:
        return None
    start: PartialDate | None = p.first
    end = q.last
    if p.kind == "month" and p.month_only is not None:
        # "January – May 2011": the start takes the end's year, or the year before when it wraps
        year = end.year if (end.month or 12) >= p.month_only else end.year - 1
        start = PartialDate(year, p.month_only)
    if start is None:
        return None
    if p.kind == "season" and q.kind == "year" and p.last is not None and p.last.month is not None:
        end = PartialDate(end.year, p.last.month)  # "Summers 2017–2019": the last summer ends in August 2019
    # dd/mm/yyyy: one side with a first number above 12 settles how both sides read
    if p.kind == "numeric" and q.kind == "numeric" and "dmy" in (p.order, q.order):
        if p.day_first_month is not None:
            start = PartialDate(start.year, p.day_first_month)
        if q.day_first_month is not None:
            end = PartialDate(end.year, q.day_first_month)
    if "myy2" in (p.kind, q.kind) and not {p.kind, q.kind} <= {"myy2", "full"}:
        return None
    if p.kind == "myy" and q.kind not in ("myy", "numeric", "iso", "iso-hyphen"):
        return None
    if p.kind == "iso-hyphen" and q.kind not in ("iso", "iso-hyphen"):
        return None
    if q.kind == "iso-hyphen" and p.kind not in ("iso", "iso-hyphen"):
        return None
    if q.kind == "myy" and p.kind not in ("myy", "numeric", "iso"):
        return None
    if not _before_or_equal(start, end):
        return None
    return start, end


def _scan(text: str, today: date | None, *, singles: bool, order: str = "") -> list[DateRange | DateMention]:
    return list(_scan_cached(text, today, singles, order))


@lru_cache(maxsize=256)
def _scan_cached(text: str, today: date | None, singles: bool, order: str) -> tuple[DateRange | DateMention, ...]:
    """The same text is often searched several times (an entry, then each of its lines): scanned once."""
    plain = _half_width(text)
    found = _scan_uncached(plain, today, singles=singles, order=order)
    if plain is text:
        return tuple(found)
    # the spans are the same in both texts (one character for one): the written text is the original's
    return tuple(replace(f, text=text[f.span[0]:f.span[1]]) for f in found)


# full-width digits and the signs dates use between them ("２０１９/０３", "２０１９年３月"), one character for one
_FULL_WIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"／": "/", "．": ".", "－": "-"})


_FULL_WIDTH_SIGN = re.compile("[\uff0d-\uff19]")


def _half_width(text: str) -> str:
    return text.translate(_FULL_WIDTH) if _FULL_WIDTH_SIGN.search(text) else text


def _in_order(p: _Point, order: str) -> _Point:
    """An ambiguous numeric date ("01/03/2019") read day first when the document writes its dates day first."""
    if order != "dmy" or p.kind != "numeric" or p.order or p.day_first_month is None or p.first is None:
        return p
    pd = PartialDate(p.first.year, p.day_first_month)
    return _Point(p.kind, pd, pd, p.start, p.end, order="dmy")


def numeric_order(text: str, *, today: date | None = None) -> str:
    """How ``text`` writes its numeric dates: "dmy" when some read only day first ("28/02/2019") and none only month
    first, "mdy" for the reverse, "" when neither or both. A document keeps one order, so this settles its
    ambiguous dates ("01/03/2019 – Current")."""
    orders = {p.order for p in _scan_points_cached(text, today) if p.kind == "numeric" and p.order}
    return orders.pop() if len(orders) == 1 else ""


@lru_cache(maxsize=8)
def _scan_points_cached(text: str, today: date | None) -> tuple[_Point, ...]:
    return tuple(_scan_points(_half_width(text), today))


def _scan_uncached(text: str, today: date | None, *, singles: bool, order: str = "") -> list[DateRange | DateMention]:
    rules = _rules()
    points = [_in_order(p, order) for p in _scan_points(text, today)]
    out: list[DateRange | DateMention] = []
    i = 0
    while i < len(points):
        p = points[i]
        q = points[i + 1] if i + 1 < len(points) else None
        last = _season_list_end(text, points, i)
        if last > i:
            # "Summer 2018, Summer 2019": one range from the first season's start to the last one's end
            first, end = points[i].first, points[last].last
            if first is not None and end is not None:
                span = _with_since(text, p.start, points[last].end)
                out.append(DateRange(first, end, False, text[span[0]:span[1]], span))
                i = last + 1
                continue
        # 1. p – q
        glued = q is not None and p.end == q.start and p.kind == q.kind == "full"  # "Apr 2020Jun 2020": dash lost
        if q is not None and (glued or rules.gap.fullmatch(text, p.end, q.start) or (
                rules.space_gap.fullmatch(text, p.end, q.start) and q.kind not in ("month",))):
            joined = _join(p, q)
            if joined:
                span = _with_since(text, p.start, q.end)
                out.append(DateRange(joined[0], joined[1], False, text[span[0]:span[1]], span))
                i += 2
                continue
        if p.first is None or p.last is None:
            i += 1
            continue
        # 2. p – present / p onwards
        m = rules.wrapped_present.match(text, p.end) if p.kind == "full" else None
        if m:
            dash = rules.dash_after.match(text, p.end)
            end_at = dash.end() if dash else p.end
            out.append(DateRange(p.first, None, True, text[p.start:end_at], (p.start, end_at)))
            i += 1
            continue
        m = rules.present_after.match(text, p.end) or rules.open_after.match(text, p.end)
        if m:  # "present" is a partner too: "7/95 to present"
            span = _with_since(text, p.start, m.end())
            out.append(DateRange(p.first, None, True, text[span[0]:span[1]], span))
            i += 1
            continue
        # 3. "2019–21", "Summers 2017–19"
        if p.kind in ("year", "season"):
            m = rules.two_digit_end.match(text, p.end)
            if m:
                end_year = (p.first.year // 100) * 100 + int(m["yy"])
                if end_year < p.first.year:
                    end_year += 100
                if p.first.year < end_year <= _max_year(today) and (q is None or q.start >= m.end()):
                    out.append(DateRange(p.first, PartialDate(end_year, p.last.month if p.kind == "season" else None),
                                         False, text[p.start:m.end()], (p.start, m.end())))
                    i += 1
                    continue
        if p.kind == "iso-hyphen":
            # unpaired "2010-11": the academic year 2010–2011
            yy = int(text[p.end - 2:p.end])
            end_year = (p.first.year // 100) * 100 + yy
            if p.first.year < end_year <= _max_year(today):
                out.append(DateRange(PartialDate(p.first.year), PartialDate(end_year), False, text[p.start:p.end],
                                     (p.start, p.end)))
            i += 1
            continue
        if p.needs_partner:
            i += 1
            continue
        # 4. "since 2020"
        sm = rules.since_before.search(text, max(0, p.start - 25), p.start)
        if sm and not _suffix_not_since(sm["w"]):  # ("Ivylane AB  2019")
            out.append(DateRange(p.first, None, True, text[sm.start():p.end], (sm.start(), p.end)))
            i += 1
            continue
        # 5. a season or an eight-digit pair is a range by itself
        if p.kind in ("season", "pair"):
            out.append(DateRange(p.first, p.last, False, text[p.start:p.end], (p.start, p.end)))
            i += 1
            continue
        if singles:
            out.append(DateMention(p.first, text[p.start:p.end], (p.start, p.end)))
        i += 1
    return out


def _season_list_end(text: str, points: list[_Point], i: int) -> int:
    """The index of the last season of a list of seasons opened by ``points[i]`` ("Summer 2018, Summer 2019",
    "Fall 2020 & Spring 2021"), each later than the one before and parted from it by a comma, '&', ';' or '/'; ``i``
    when ``points[i]`` opens no such list."""
    rules = _rules()
    j = i
    while j + 1 < len(points) and points[j].kind == "season" and points[j + 1].kind == "season":
        a, b = points[j], points[j + 1]
        if a.last is None or b.first is None or not rules.list_sep.fullmatch(text, a.end, b.start) or \
                b.first.months_index() <= a.last.months_index(end=True):
            break
        j += 1
    return j


def _with_since(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a range's span to an opening "since"/"from" word written just before it."""
    sm = _rules().since_before.search(text, max(0, start - 25), start)
    return (sm.start(), end) if sm and not _suffix_not_since(sm["w"]) else (start, end)


def _suffix_not_since(word: str) -> bool:
    """A two-letter word in capitals before a date is a company suffix ("Calvera AB" / "15.07.2024 – heute"), never
    "ab 2019" (German "since")."""
    return len(word) <= 2 and word.isupper()


def find_date_ranges(text: str, *, today: date | None = None, order: str = "") -> list[DateRange]:
    """Every date range in ``text`` (two ends, an open end like "since 2020" / "– present", or a season).

    Single dates ("May 2016") are not ranges: see ``find_dates``. ``order`` "dmy" reads ambiguous numeric dates
    day first (see ``numeric_order``).
    """
    return [r for r in _scan(text, today, singles=False, order=order) if isinstance(r, DateRange)]


def find_dates(text: str, *, today: date | None = None) -> list[DateRange | DateMention]:
    """Ranges and single dates in ``text``, in order."""
    return _scan(text, today, singles=True)


_SURROUND = re.compile(r"[\s()\[\],;:|.\-–—]*")


def parse_date_range(s: str, *, today: date | None = None) -> DateRange | None:
    """The date range that ``s`` consists of ("Jan 2019 – Present", "2019–21", "Summer 2017"), else None.

    Brackets and punctuation around the range are allowed; other words are not ("SQL Server 2016").
    """
    ranges = find_date_ranges(s, today=today)
    if len(ranges) != 1:
        return None
    r = ranges[0]
    if not (_SURROUND.fullmatch(s, 0, r.span[0]) and _SURROUND.fullmatch(s, r.span[1], len(s))):
        return None
    return r


def parse_partial_date(s: str, *, today: date | None = None) -> PartialDate | None:
    """A single date ("May 2016", "03/2018", "2016", "março de 2017") as a PartialDate, else None."""
    found = find_dates(s, today=today)
    if len(found) != 1:
        return None
    item = found[0]
    if not (_SURROUND.fullmatch(s, 0, item.span[0]) and _SURROUND.fullmatch(s, item.span[1], len(s))):
        return None
    if isinstance(item, DateMention):
        return item.date
    words = re.findall(r"[^\W\d_]+", fold(item.text))
    if item.start is not None and words and words[0] in _rules().seasons:
        return item.start  # a season: its first month
    return None


def _index_range(start: PartialDate, end: PartialDate | None, today: date) -> tuple[int, int]:
    first = start.months_index()
    last = PartialDate(today.year, today.month).months_index() if end is None else end.months_index(end=True)
    return first, last


def months_between(start: PartialDate, end: PartialDate | None, *, today: date) -> int:
    """Months from ``start`` to ``end`` inclusive; ``end=None`` means up to ``today``'s month.

    A bare start year counts from January, a bare end year to December; an end before the start gives 0.
    """
    first, last = _index_range(start, end, today)
    return max(0, last - first + 1)


def merged_months(periods: Iterable[tuple[PartialDate, PartialDate | None, bool]], *, today: date) -> int:
    """Months covered by the union of ``(start, end, current)`` periods, overlaps counted once.

    ``current`` (or ``end=None``) runs to ``today``; a period starting after ``today`` counts nothing.
    """
    spans: list[tuple[int, int]] = []
    for start, end, current in periods:
        first, last = _index_range(start, None if current else (end or start), today)
        if last >= first:
            spans.append((first, last))
    spans.sort()
    total = 0
    cur_first: int | None = None
    cur_last = 0
    for first, last in spans:
        if cur_first is None or first > cur_last + 1:
            if cur_first is not None:
                total += cur_last - cur_first + 1
            cur_first, cur_last = first, last
        else:
            cur_last = max(cur_last, last)
    if cur_first is not None:
        total += cur_last - cur_first + 1
    return total


def as_of(today: date | None) -> date:
    """The reference date: ``today`` when given, else the real date."""
    return today or date.today()


__all__ = [
    "DateMention",
    "DateRange",
    "as_of",
    "find_date_ranges",
    "find_dates",
    "merged_months",
    "month_names_pattern",
    "months_between",
    "numeric_order",
    "parse_date_range",
    "parse_partial_date",
]
