"""Reading order of one PDF page from word boxes: fragments, whitespace gutters, columns, rows.

1. Words that sit on one baseline with less than about one em between them form a *fragment* (a piece
   of a line inside one box of the layout). A wider gap ends the fragment: the next word belongs to
   another box (a column, a right-aligned date, a table cell), so the two are never fused.
2. A region is cut along a vertical *gutter*: an x band that no fragment crosses, apart from a few
   full-width ones (name, header, footer, a heading across the page). Those full-width rows split the
   region into horizontal stripes; inside a stripe the gutter is clean.
3. A stripe with text on both sides is read column after column (left fully, then right) unless its two
   sides are row-aligned: a table (nearly every line has a partner on the same baseline) or a column of
   short labels (dates, places) each on the baseline of an entry. Those stay on their row. So does a narrow
   left *date gutter*: short lines (dates, places, headings) each on a body line's baseline or on a row of its
   own, dates on most shared rows.
4. Rows are written out with two spaces between fragments; a word broken over a line end is joined
   only with the line directly below it in the same column, and so is a date range wrapped at the start of
   its row ("Feb 2017 –" beside the title, "Mar 2021" below it).

Every threshold is relative to the text height (the loose box height of the words, about one em), so
the same rules hold for 8 pt and 12 pt résumés.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Protocol

from screener.ingest.normalize import BULLET_CHARS, join_split_word

# A gap between two words wider than this many text heights starts a new fragment.
_FRAGMENT_GAP = 1.0
# A lone bullet glyph may sit this far from its text and still belong to it.
_BULLET_GAP = 3.0
# Narrowest gutter, in text heights.
_MIN_GUTTER = 0.7
# Fragments on the same baseline: baselines closer than this many text heights.
_SAME_BASELINE = 0.35
_LOOSE_BASELINE = 0.6
# Between fragments of one row in the output: wide enough that downstream splitters see two boxes.
ROW_SEPARATOR = "  "
_MAX_DEPTH = 4
# A date gutter: lines of at most this many words, the column at most this share of the body's width, and a line
# touching a body line by more than this share of the lower height is between the body's lines (a sidebar).
_GUTTER_WORDS = 6
_GUTTER_WIDTH = 0.5
_ROW_TOUCH = 0.25
# A range wrapped at the start of its row: two lines of at most this many words, the second at most this many text
# heights below the first, which ends (or the second starts) with one of these dashes.
_WRAP_WORDS = 3
_WRAP_PITCH = 1.9
_RANGE_DASHES = ("-", "–", "—")


class WordBox(Protocol):
    x0: float
    y0: float  # bottom
    x1: float
    y1: float  # top
    text: str


@dataclass(eq=False)
class Fragment:
    """Words on one baseline with ordinary word spacing: a piece of one line of one layout box."""

    words: list[WordBox]
    x0: float
    y0: float
    x1: float
    y1: float
    h: float  # typical word height (about one em)
    base: float  # baseline estimate: the lowest bottom among its ordinary-height words

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


class _Builder:
    """A fragment being chained, with its last word's box and height (max(height, 1)) and the widest gap
    the next word may leave (a lone bullet lets its text sit further away)."""

    __slots__ = ("words", "x0", "x1", "y0", "y1", "h", "limit")

    def __init__(self, w: WordBox, h: float) -> None:
        self.words = [w]
        self.x0, self.x1, self.y0, self.y1, self.h = w.x0, w.x1, w.y0, w.y1, h
        self.limit = _BULLET_GAP if _is_bullet(w.text) else _FRAGMENT_GAP

    def add(self, w: WordBox, h: float) -> None:
        self.words.append(w)
        self.x0, self.x1, self.y0, self.y1, self.h = w.x0, w.x1, w.y0, w.y1, h
        self.limit = _FRAGMENT_GAP


def _is_bullet(text: str) -> bool:
    return 0 < len(text) <= 2 and all(c in BULLET_CHARS or c in "-–*>" for c in text)


def _fragment(words: list[WordBox]) -> Fragment:
    first = words[0]
    if len(words) == 1:  # its own height and baseline
        return Fragment(words=words, x0=first.x0, y0=first.y0, x1=first.x1, y1=first.y1,
                        h=max(first.y1 - first.y0, 1.0), base=first.y0)
    # one pass for the bounding box (compared as min()/max() do: first value kept on ties)
    x0, y0, x1, y1 = first.x0, first.y0, first.x1, first.y1
    heights = []
    for w in words:
        heights.append(w.y1 - w.y0)
        if w.x0 < x0:
            x0 = w.x0
        if w.y0 < y0:
            y0 = w.y0
        if w.x1 > x1:
            x1 = w.x1
        if w.y1 > y1:
            y1 = w.y1
    h = max(sorted(heights)[len(heights) // 2], 1.0)
    # Bullets and superscripts have odd boxes: the baseline comes from words of ordinary height.
    base = min((w.y0 for w, wh in zip(words, heights, strict=True) if wh >= 0.8 * h), default=first.y0)
    return Fragment(words=words, x0=x0, y0=y0, x1=x1, y1=y1, h=h, base=base)


_LEFT = attrgetter("x0")


def build_fragments(words: Sequence[WordBox]) -> list[Fragment]:
    """Chain words left to right into fragments (same line, gap under about one em)."""
    buckets: dict[int, list[_Builder]] = {}
    builders: list[_Builder] = []
    get = buckets.get
    for w in sorted(words, key=_LEFT):
        x0, y0, y1 = w.x0, w.y0, w.y1
        h = y1 - y0
        if h < 1.0:
            h = 1.0
        key = int(((y0 + y1) / 2) // 4)
        span = int(h // 4) + 1
        best: _Builder | None = None
        best_gap = 1e9
        for k in range(key - span, key + span + 1):
            bucket = get(k)
            if bucket is None:
                continue
            for b in bucket:
                if x0 < b.x0:
                    continue
                lh = b.h
                gap = x0 - b.x1
                # heights are finite here (a NaN or infinite box has no bucket), so these are max/min
                small = h if h < lh else lh
                if gap > b.limit * (h if h > lh else lh) or gap < -0.5 * small:
                    continue
                if (y1 if y1 < b.y1 else b.y1) - (y0 if y0 > b.y0 else b.y0) < 0.5 * small:
                    continue
                if gap < best_gap:
                    best, best_gap = b, gap
        if best is None:
            best = _Builder(w, h)
            builders.append(best)
            buckets.setdefault(key, []).append(best)
        else:
            best.add(w, h)
    return [_fragment(b.words) for b in builders]


def _median(values: list[float], default: float = 10.0) -> float:
    if not values:
        return default
    values = sorted(values)
    return values[len(values) // 2]


def group_rows(frags: Sequence[Fragment]) -> list[list[Fragment]]:
    """Fragments grouped into rows (same vertical band), top row first, each row left to right."""
    rows: list[list[Fragment]] = []
    anchor: Fragment | None = None
    for f in sorted(frags, key=lambda f: -f.cy):
        if anchor is not None:
            overlap = min(f.y1, anchor.y1) - max(f.y0, anchor.y0)
            if abs(f.base - anchor.base) <= _SAME_BASELINE * min(f.h, anchor.h) or overlap >= 0.6 * min(
                f.y1 - f.y0, anchor.y1 - anchor.y0
            ):
                rows[-1].append(f)
                continue
        rows.append([f])
        anchor = f
    for row in rows:
        row.sort(key=lambda f: f.x0)
    return rows


@dataclass
class _Gutter:
    at: float  # the x the gutter is drawn through
    width: float
    crossing: int
    support: int


def _gutters(frags: list[Fragment], em: float) -> list[_Gutter]:
    """Candidate vertical gutters: x runs crossed by at most a few fragments, text on both sides."""
    lo = int(min(f.x0 for f in frags))
    hi = int(max(f.x1 for f in frags)) + 2
    size = hi - lo + 1
    diff = [0] * (size + 1)
    for f in frags:
        diff[int(f.x0) - lo] += 1
        diff[min(int(f.x1) + 1 - lo, size)] -= 1
    cov = [0] * size
    run = 0
    for x in range(size):
        run += diff[x]
        cov[x] = run
    allowed = max(1, int(0.08 * len(frags)))
    out: list[_Gutter] = []
    start: int | None = None
    for x in range(size + 1):
        ok = x < size and cov[x] <= allowed
        if ok and start is None:
            start = x
        elif not ok and start is not None:
            if x - start >= _MIN_GUTTER * em:
                # Draw the gutter through the least-crossed part of the run (its middle).
                least = min(cov[start:x])
                xs = [i for i in range(start, x) if cov[i] == least]
                mid = lo + (xs[0] + xs[-1]) / 2 + 0.5
                left = sum(1 for f in frags if f.x1 <= mid)
                right = sum(1 for f in frags if f.x0 >= mid)
                if min(left, right) >= 2:
                    out.append(_Gutter(mid, x - start, least, min(left, right)))
            start = None
    out.sort(key=lambda g: (g.crossing > 0, -g.support, -g.width))
    return out[:3]


def _partnered(side: list[Fragment], other: list[Fragment], tol: float) -> int:
    """How many fragments of ``side`` have a fragment of ``other`` on (about) the same baseline."""
    bases = sorted(f.base for f in other)
    count = 0
    for f in side:
        i = bisect.bisect_left(bases, f.base - tol * f.h)
        count += i < len(bases) and bases[i] <= f.base + tol * f.h
    return count


def _dense_share(side: list[Fragment]) -> float:
    """Share of the side's fragments in runs of 4+ lines at ordinary line spacing (a paragraph or list)."""
    ordered = sorted(side, key=lambda f: -f.cy)
    runs: list[int] = [1]
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.cy - b.cy <= 1.9 * max(a.h, b.h):
            runs[-1] += 1
        else:
            runs.append(1)
    return sum(r for r in runs if r >= 4) / max(len(ordered), 1)


def _flush_right_share(side: list[Fragment], em: float) -> float:
    ends = sorted(f.x1 for f in side)
    edge = ends[-1]
    return sum(1 for e in ends if edge - e <= 1.5 * em) / len(ends)


def _label_column(labels: list[Fragment], body: list[Fragment], em: float) -> bool:
    """Short labels (dates, places) each on the baseline of a body line: they belong to those rows."""
    if len(labels) > len(body):
        return False
    if _partnered(labels, body, _LOOSE_BASELINE) < 0.75 * len(labels):
        return False
    counts = sorted(len(f.words) for f in labels)
    if counts[len(counts) // 2] > 6 or counts[-1] > 9:
        return False
    # A sidebar is a dense, ragged-right list; labels are sparse (one per entry) or set flush right.
    return _dense_share(labels) <= 0.35 or _flush_right_share(labels, em) >= 0.8


def _has_date(text: str) -> bool:
    """Whether the text holds a date or a date range, as the résumé parser reads them."""
    # imported here: the parser's date rules load their word lists, which only a gutter candidate needs
    from screener.parse.dates import find_dates

    return bool(find_dates(text))


def _date_gutter(side: list[Fragment], body: list[Fragment]) -> bool:
    """A narrow column of short lines beside the body (dates, places, headings), each line either on the baseline
    of a body line or on a row of its own, with dates on most of the shared rows: the dates belong to those rows.
    A sidebar has longer lines, lines between the body's baselines, or no dates on its shared rows."""
    if not side or len(side) > len(body) or any(len(f.words) > _GUTTER_WORDS for f in side):
        return False
    width = max(f.x1 for f in side) - min(f.x0 for f in side)
    if width > _GUTTER_WIDTH * (max(f.x1 for f in body) - min(f.x0 for f in body)):
        return False
    bases = sorted(f.base for f in body)
    spans = sorted((f.y0, f.y1) for f in body)
    lows = [y0 for y0, _ in spans]
    tall = max(f.y1 - f.y0 for f in body)
    shared: list[Fragment] = []
    for f in side:
        i = bisect.bisect_left(bases, f.base - _LOOSE_BASELINE * f.h)
        if i < len(bases) and bases[i] <= f.base + _LOOSE_BASELINE * f.h:
            shared.append(f)
            continue
        # a line of its own row (a heading) has no body line beside it; one between two body baselines is a sidebar
        j = bisect.bisect_left(lows, f.y0 - tall)
        for y0, y1 in spans[j:]:
            if y0 >= f.y1:
                break
            if min(y1, f.y1) - max(y0, f.y0) > _ROW_TOUCH * min(y1 - y0, f.y1 - f.y0):
                return False
    return sum(1 for f in shared if _has_date(f.text)) >= 0.5 * len(shared)


def _prose(side: list[Fragment]) -> bool:
    """Lines of running text (many words each), as wrapped paragraphs have and table cells rarely do."""
    return sum(1 for f in side if len(f.words) >= 6) >= 0.4 * len(side)


def _is_columns(left: list[Fragment], right: list[Fragment], em: float) -> bool:
    """Whether the two sides of a clean gutter are two independent flows of text (not one row structure)."""
    if not left or not right or max(len(left), len(right)) < 3:
        return False
    a_left = _partnered(left, right, _SAME_BASELINE)
    a_right = _partnered(right, left, _SAME_BASELINE)
    if a_left >= 0.8 * len(left) and a_right >= 0.8 * len(right) and not (_prose(left) and _prose(right)):
        return False  # a table: nearly every line has a partner across the gutter (two prose columns can too)
    return not (_label_column(right, left, em) or _label_column(left, right, em) or _date_gutter(left, right))


def _stripes(frags: list[Fragment], at: float) -> list[tuple[list[Fragment], list[Fragment], list[Fragment]]]:
    """(band, left, right) pieces top to bottom: a band holds the rows with a fragment across ``at``."""
    out: list[tuple[list[Fragment], list[Fragment], list[Fragment]]] = []
    left: list[Fragment] = []
    right: list[Fragment] = []
    for row in group_rows(frags):
        if any(f.x0 < at < f.x1 for f in row):
            if left or right:
                out.append(([], left, right))
                left, right = [], []
            out.append((row, [], []))
            continue
        for f in row:
            (left if f.x1 <= at else right).append(f)
    if left or right:
        out.append(([], left, right))
    return out


def order_region(frags: list[Fragment], depth: int = 0) -> tuple[list[list[Fragment]], bool]:
    """The region as flows in reading order (each flow read row by row); True when columns were split."""
    if depth >= _MAX_DEPTH or len(frags) < 4:
        return [frags], False
    em = _median([f.h for f in frags])
    for gutter in _gutters(frags, em):
        pieces = _stripes(frags, gutter.at)
        verdicts = [bool(band) is False and _is_columns(left, right, em) for band, left, right in pieces]
        if not any(verdicts):
            continue
        flows: list[list[Fragment]] = []
        pending: list[Fragment] = []  # consecutive row-structured pieces form one flow
        for (band, left, right), columns in zip(pieces, verdicts, strict=True):
            if not columns:
                pending.extend(band or left + right)
                continue
            if pending:
                flows.append(pending)
                pending = []
            for side in (left, right):
                sub, _ = order_region(side, depth + 1)
                flows.extend(sub)
        if pending:
            flows.append(pending)
        return flows, True
    return [frags], False


def _join_wrapped_ranges(rows: list[list[Fragment]]) -> None:
    """A date range wrapped at the start of its row ("Feb 2017 –  Title" over "Mar 2021  Employer"), the second
    line short and ending before the first row's next box, is written whole on the first row."""
    for i in range(len(rows) - 1):
        row, below = rows[i], rows[i + 1]
        if len(row) < 2 or not below:
            continue
        f, g = row[0], below[0]
        if not (f.words and g.words and len(f.words) <= _WRAP_WORDS and len(g.words) <= _WRAP_WORDS):
            continue
        if not (f.text.endswith(_RANGE_DASHES) or g.text.startswith(_RANGE_DASHES)):
            continue
        if (abs(g.x0 - f.x0) > 0.5 * f.h or g.x1 >= row[1].x0 or f.base - g.base > _WRAP_PITCH * max(f.h, g.h)
                or not _has_date(f.text + " " + g.text)):
            continue
        f.words = f.words + g.words
        g.words = []


def _join_hyphens(rows: list[list[Fragment]]) -> None:
    """Join "develop-" + "ment" when the continuation starts the line directly below, in the same column."""
    for i in range(len(rows) - 1):
        for f in rows[i]:
            if not f.words or not f.words[-1].text.endswith(("-", "\u00ad")):
                continue
            below = [
                g
                for g in rows[i + 1]
                if g.words and g.x0 < f.x1 and g.x1 > f.x0 and f.base - g.base <= 2.0 * max(f.h, g.h)
            ]
            if not below:
                continue
            g = min(below, key=lambda g: abs(g.x0 - f.x0))
            joined = join_split_word(f.words[-1].text, g.words[0].text)
            if joined is None:
                continue
            head = f.words[-1]
            f.words[-1] = _Joined(head.x0, head.y0, head.x1, head.y1, joined)
            g.words.pop(0)


@dataclass
class _Joined:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def render_flow(flow: list[Fragment]) -> list[str]:
    rows = group_rows(flow)
    _join_wrapped_ranges(rows)
    _join_hyphens(rows)
    lines = []
    for row in rows:
        line = ROW_SEPARATOR.join(f.text for f in row if f.words)
        if line:
            lines.append(line)
    return lines


def page_lines(words: Sequence[WordBox]) -> tuple[list[str], bool]:
    """Lines of one page in reading order, and whether it has more than one column."""
    if not words:
        return [], False
    flows, split = order_region(build_fragments(words))
    lines: list[str] = []
    for flow in flows:
        lines.extend(render_flow(flow))
    return lines, split
