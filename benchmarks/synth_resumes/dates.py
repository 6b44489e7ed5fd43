"""Ways résumés write a job's dates, each with the gold it implies (start, end at the precision written).

A style takes a ``Span`` and a ``random.Random`` and returns ``Written``: the lines as they appear (a wrapped range
is two lines) and the gold ``start``/``end`` ("YYYY", "YYYY-MM", "present", or None when the text gives none).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from .people import Span

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DASHES = (" – ", " - ", " — ", "–", "-", " to ")
PRESENT = ("Present", "present", "Current", "Now", "NOW", "till now", "to date", "current", "now")


@dataclass(frozen=True)
class Written:
    lines: tuple[str, ...]
    start: str | None
    end: str | None

    @property
    def text(self) -> str:
        return " ".join(self.lines)


Style = Callable[[Span, random.Random], Written]


def ym(ym: tuple[int, int]) -> str:
    """"2019-03": a gold date at month precision."""
    return f"{ym[0]:04d}-{ym[1]:02d}"


def _month_year(span: Span, rng: random.Random, fmt: Callable[[tuple[int, int]], str]) -> Written:
    end = fmt(span.end) if span.end else rng.choice(PRESENT[:3])
    return Written((f"{fmt(span.start)}{rng.choice(DASHES[:4])}{end}",), ym(span.start),
                   ym(span.end) if span.end else "present")


def short_month(span: Span, rng: random.Random) -> Written:
    """"Jun 2020 – Mar 2022"."""
    return _month_year(span, rng, lambda ym: f"{MONTHS[ym[1] - 1][:3]} {ym[0]}")


def long_month(span: Span, rng: random.Random) -> Written:
    """"June 2020 – March 2022"."""
    return _month_year(span, rng, lambda ym: f"{MONTHS[ym[1] - 1]} {ym[0]}")


def numeric_month(span: Span, rng: random.Random) -> Written:
    """"06/2020 - 03/2022" or "06.2020 - 03.2022"."""
    sep = rng.choice("/.")
    return _month_year(span, rng, lambda ym: f"{ym[1]:02d}{sep}{ym[0]}")


def years(span: Span, rng: random.Random) -> Written:
    """"2019 – 2021", "2020 - present"."""
    end = str(span.end[0]) if span.end else rng.choice(PRESENT[:3])
    return Written((f"{span.start[0]}{rng.choice(DASHES[:5])}{end}",), str(span.start[0]),
                   str(span.end[0]) if span.end else "present")


def wrapped(span: Span, rng: random.Random) -> Written:
    """A range wrapped over two lines: "June 2020 –" / "Present"."""
    month = rng.choice((lambda ym: f"{MONTHS[ym[1] - 1]} {ym[0]}", lambda ym: f"{MONTHS[ym[1] - 1][:3]} {ym[0]}"))
    end = month(span.end) if span.end else rng.choice(PRESENT[:3])
    return Written((f"{month(span.start)} –", end), ym(span.start), ym(span.end) if span.end else "present")


def two_digit(span: Span, rng: random.Random) -> Written:
    """Two-digit years: "Sep 15 - NOW", "03/17 – 11/19"."""
    if rng.random() < 0.5:
        fmt: Callable[[tuple[int, int]], str] = lambda ym: f"{MONTHS[ym[1] - 1][:3]} {ym[0] % 100:02d}"  # noqa: E731
    else:
        fmt = lambda ym: f"{ym[1]:02d}/{ym[0] % 100:02d}"  # noqa: E731
    end = fmt(span.end) if span.end else rng.choice(("NOW", "now", "Present"))
    return Written((f"{fmt(span.start)}{rng.choice((' - ', ' – '))}{end}",), ym(span.start),
                   ym(span.end) if span.end else "present")


def year_then_months(span: Span, rng: random.Random) -> Written:
    """"2021, July – December" (the year written once, before the months); spans over a year fall back to
    "2019, March – 2021, May"."""
    (sy, sm), end = span.start, span.end
    if end is None:
        return Written((f"{sy}, {MONTHS[sm - 1]} – {rng.choice(('present', 'now'))}",), ym(span.start), "present")
    if end[0] == sy:
        return Written((f"{sy}, {MONTHS[sm - 1]} – {MONTHS[end[1] - 1]}",), ym(span.start), ym(end))
    return Written((f"{sy}, {MONTHS[sm - 1]} – {end[0]}, {MONTHS[end[1] - 1]}",), ym(span.start), ym(end))


def lost_dash(span: Span, rng: random.Random) -> Written:
    """A range whose dash a converter dropped: "20192021" (or "2019 2021")."""
    end = str(span.end[0]) if span.end else "Present"
    glue = "" if span.end and rng.random() < 0.6 else " "
    return Written((f"{span.start[0]}{glue}{end}",), str(span.start[0]), str(span.end[0]) if span.end else "present")


def open_words(span: Span, rng: random.Random) -> Written:
    """Running jobs end in "till now", "to date", "current", "now"; ended ones are plain month ranges."""
    if span.end:
        return short_month(span, rng)
    word = rng.choice(("till now", "to date", "current", "now", "till present", "until now"))
    start = rng.choice((f"{MONTHS[span.start[1] - 1][:3]} {span.start[0]}", f"{span.start[1]:02d}/{span.start[0]}"))
    return Written((f"{start}{rng.choice((' – ', ' - '))}{word}",), ym(span.start), "present")


def start_only(span: Span, rng: random.Random) -> Written:
    """A single date, the start ("March 2018", "2018"): gold end stays None (the text gives none)."""
    if rng.random() < 0.5:
        return Written((f"{MONTHS[span.start[1] - 1]} {span.start[0]}",), ym(span.start), None)
    return Written((str(span.start[0]),), str(span.start[0]), None)


NEUTRAL: tuple[Style, ...] = (short_month, long_month, numeric_month, years)


def german_numeric(span: Span, rng: random.Random) -> Written:
    """"03/2017 – 02/2020", "03.2017 – 02.2020"; a running job "seit 03/2020" or "03/2020 – heute"."""
    sep = rng.choice("/.")
    fmt: Callable[[tuple[int, int]], str] = lambda ym: f"{ym[1]:02d}{sep}{ym[0]}"  # noqa: E731
    if span.end is None:
        text = rng.choice((f"seit {fmt(span.start)}", f"Seit {fmt(span.start)}", f"{fmt(span.start)} – heute"))
        return Written((text,), ym(span.start), "present")
    return Written((f"{fmt(span.start)} – {fmt(span.end)}",), ym(span.start), ym(span.end))


def day_dotted(span: Span, rng: random.Random) -> Written:
    """Day-precision dates written day first with dots: "01.03.2019 – 31.12.2021", "15.04.2021 – heute"."""
    def fmt(ym: tuple[int, int]) -> str:
        return f"{rng.choice((1, 1, 15, 28)):02d}.{ym[1]:02d}.{ym[0]}"
    end = fmt(span.end) if span.end else rng.choice(("heute", "present"))
    return Written((f"{fmt(span.start)} – {end}",), ym(span.start), ym(span.end) if span.end else "present")


def day_first_slash(span: Span, rng: random.Random) -> Written:
    """The 2020 Europass CV's day-first dates: "01/03/2019 – 28/02/2021", a running job "01/03/2019 – CURRENT" (its
    start reads either way; the document's other dates settle the order)."""
    def fmt(ym: tuple[int, int], days: tuple[int, ...]) -> str:
        return f"{rng.choice(days):02d}/{ym[1]:02d}/{ym[0]}"
    end = fmt(span.end, (28, 30, 31, 15)) if span.end else rng.choice(("CURRENT", "Current"))
    return Written((f"{fmt(span.start, (1, 1, 1, 15))} – {end}",), ym(span.start),
                   ym(span.end) if span.end else "present")


def indian(span: Span, rng: random.Random) -> Written:
    """As Indian résumés write a range: "March 2019 to Till Date", "Mar 2019 – Present", "Jun 2016 - Feb 2019"."""
    if rng.random() < 0.5:
        fmt: Callable[[tuple[int, int]], str] = lambda ym: f"{MONTHS[ym[1] - 1]} {ym[0]}"  # noqa: E731
    else:
        fmt = lambda ym: f"{MONTHS[ym[1] - 1][:3]} {ym[0]}"  # noqa: E731
    end = fmt(span.end) if span.end else rng.choice(("Till Date", "till date", "Present", "Date"))
    return Written((f"{fmt(span.start)}{rng.choice((' to ', ' – ', ' - '))}{end}",), ym(span.start),
                   ym(span.end) if span.end else "present")


TODAY = (2026, 1)  # the people's newest jobs run to the generator's "today" (people.spans)


def months_of(span: Span) -> int:
    """How many months ``span`` runs, both ends counted."""
    end = span.end or TODAY
    return (end[0] * 12 + end[1]) - (span.start[0] * 12 + span.start[1]) + 1


def duration(months: int) -> str:
    """"3 years 9 months", "1 year", "11 months", as LinkedIn writes a time."""
    years, rest = divmod(months, 12)
    parts = (f"{years} year{'s' if years != 1 else ''}" if years else "",
             f"{rest} month{'s' if rest != 1 else ''}" if rest else "")
    return " ".join(x for x in parts if x)


def linkedin(span: Span, rng: random.Random) -> Written:
    """LinkedIn's export: "May 2022 - Present (3 years 9 months)"."""
    end = f"{MONTHS[span.end[1] - 1]} {span.end[0]}" if span.end else "Present"
    text = f"{MONTHS[span.start[1] - 1]} {span.start[0]} - {end} ({duration(months_of(span))})"
    return Written((text,), ym(span.start), ym(span.end) if span.end else "present")


# month names and "present" words in the applicant's own language (CLDR month names)
LOCAL_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "pl": ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
           "październik", "listopad", "grudzień"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"),
    "no": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
}
LOCAL_PRESENT = {"nl": ("heden", "nu"), "pl": ("obecnie", "nadal"), "sv": ("nu", "pågående"), "no": ("nå", "dags dato")}


def local_months(lang: str) -> Style:
    """"mei 2017 – heden", "marzec 2019 – obecnie", "mars 2018 – nu": months and "present" written in ``lang``,
    sometimes numeric ("03.2017 – obecnie")."""
    def style(span: Span, rng: random.Random) -> Written:
        if rng.random() < 0.25:
            fmt: Callable[[tuple[int, int]], str] = lambda ym: f"{ym[1]:02d}.{ym[0]}"  # noqa: E731
        else:
            fmt = lambda ym: f"{LOCAL_MONTHS[lang][ym[1] - 1]} {ym[0]}"  # noqa: E731
        end = fmt(span.end) if span.end else rng.choice(LOCAL_PRESENT[lang])
        return Written((f"{fmt(span.start)} – {end}",), ym(span.start), ym(span.end) if span.end else "present")
    return style
