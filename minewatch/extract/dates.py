"""Dates and periods in prose, resolved against the document's own date.

Each match becomes a :class:`~minewatch.model.Period` with the precision the
source gave: "16 November 2020" (day), "June 2015" (month), "1997" (year),
"between 1969 and 1992" (range), "since 1991" (since), "the early 2030s"
(decade), "In April" in a 2021 text (month, April 2021).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from minewatch.extract import patterns
from minewatch.model import Period

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
_M = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_Y = r"(?P<year>1[89]\d\d|20\d\d)(?!\d)"
_Y2 = r"(?P<year2>1[89]\d\d|20\d\d)(?!\d)"


def _year(not_before: str) -> str:
    """``_Y`` not preceded by a character of class ``not_before``.

    The test sits after the century, so that the pattern opens with a choice of digits
    (1 or 2), which the regex engine skips ahead to rather than testing every position.
    """
    return rf"(?P<year>(?:1[89]|20)(?<!{not_before}..)\d\d)(?!\d)"


_Y_FREE = _year(r"[\d/$.,-]")  # not inside a figure, a code or a date written with slashes
_Y_WORD = _year(r"[\w/]")  # a whole word, not after a slash
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# The same two opening a pattern, with the word boundary tested after the first character:
# a pattern that opens with a choice of literal characters (a digit, a capital) lets the
# regex engine skip ahead to the next one rather than try a match at every position.
_D_FIRST = r"(?P<day>\d(?<!\w\d)(?:(?<=[0-3])\d)?)(?:st|nd|rd|th)?"
_M_FIRST = (
    r"(?P<month>"
    + "|".join(
        m[0] + r"(?<!\w.)" + m[1:] for m in sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)
    )
    + r")\.?"
)

_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_N = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
NUMBER_WORDS |= {"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"]
_TEENS += ["eighteenth", "nineteenth"]
ORDINALS = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)}
ORDINALS |= {"twentieth": 20, "thirtieth": 30} | {f"twenty-{w}": 21 + i for i, w in enumerate(_UNITS)}
# A treaty meeting by its number: "the Nineteenth Meeting of States Parties", "the 5th Review Conference".
MEETING = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|(?:[Tt]wenty-)?[A-Za-z]+)\s+"
    r"(?P<meeting>Meeting\s+of\s+(?:the\s+)?States\s+Parties|Review\s+Conference)\b"
)
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# "on Thursday" in news: the last such day up to the document's date
WEEKDAY = re.compile(
    r"\b[Oo]n\s+(?P<weekday>"
    + "|".join(calendar.day_name)
    + r")\b(?!,?\s+\d|,?\s+(?:"
    + "|".join(calendar.month_name[1:])
    + r"))"
)
_FY = r"(?:fiscal\s+year|FY)"  # "fiscal year 2021", "FY2021", "FY 21"; plural with "s" after it
PATTERNS: list[tuple[str, re.Pattern]] = [
    # "2021/22", "2023-24": a budget year written by its two calendar years (the second one's two
    # digits following the first), the state's fiscal year ending in the second
    # (what precedes the first year is tested in _period: a look-behind here scans three times slower)
    ("split_year", re.compile(r"(?P<y1>(?:19|20)\d\d)[/–-](?P<fy>\d\d)(?![\w/%]|[–-]\d)")),
    ("range", re.compile(rf"\b(?:[Bb]etween|[Ff]rom)\s+{_Y}\s+(?:and|to|until|through)\s+{_Y2}")),
    ("pair", re.compile(rf"{_Y_FREE}\s+(?:and|or|&)\s+{_Y2}(?![\d/%])")),
    (
        "duration",
        re.compile(
            rf"\b[Ff]or\s+(?:the\s+(?:past|last)\s+)?(?:more than\s+|over\s+|nearly\s+|almost\s+|about\s+|some\s+)?{_N}\s+(?P<span>years|decades),",
            re.IGNORECASE,
        ),
    ),
    ("anaphor", re.compile(r"\b(?:[Tt]hat|[Tt]he same) year\b")),
    ("since_then", re.compile(r"\b[Ss]ince then\b")),
    ("range", re.compile(rf"{_Y_WORD}\s*[–—-]\s*{_Y2}\b")),
    ("day", re.compile(rf"{_D_FIRST}\s+{_M},?\s+{_Y}")),
    ("day", re.compile(rf"{_M_FIRST}\s+{_D},\s+{_Y}")),
    (
        "fiscal_range",
        re.compile(
            rf"\b(?:(?:between|from)\s+{_FY}s?\s*(?P<fy>\d{{4}}|\d{{2}})\s+(?:and|to|through|until)"
            rf"|{_FY}s?\s*(?P<fy_>\d{{4}}|\d{{2}})\s*(?:[–—-]|\s(?:to|through)\s))\s*(?:{_FY}\s*)?"
            r"(?P<fy2>\d{4}|\d{2})\b",
            re.IGNORECASE,
        ),
    ),
    ("fiscal", re.compile(r"\b(?:fiscal\s+year|FY)\s*(?P<fy>\d{4}|\d{2})\b", re.IGNORECASE)),
    (
        "decade",
        re.compile(
            r"\b(?:the\s+)?(?P<part>early|mid|late)?[- ]?(?P<decade>1[89]\d0|20\d0)s\b", re.IGNORECASE
        ),
    ),
    (
        "month_range",
        re.compile(rf"{_M_FIRST}\s*(?:[–—-]|to|and)\s*(?P<month2>{_MONTH_NAMES})\.?\s+(?:of\s+)?{_Y}"),
    ),
    ("month", re.compile(rf"{_M_FIRST}\s+(?:of\s+)?{_Y}")),
    ("part", re.compile(rf"\b(?P<part>early|mid|late|end of|beginning of|start of)[- ]{_Y}", re.IGNORECASE)),
    ("year", re.compile(rf"{_Y_FREE}(?![\d/%]|s\b|-\d|,\d)")),
    (
        "relmonth",
        # the word boundary tested after each word's first letter, as in _M_FIRST: twice as fast
        re.compile(
            r"(?:I(?<!\w.)n|i(?<!\w.)n|S(?<!\w.)ince|s(?<!\w.)ince|B(?<!\w.)y|b(?<!\w.)y|"
            r"E(?<!\w.)arl(?:ier in|y)|e(?<!\w.)arl(?:ier in|y)|L(?<!\w.)ate|l(?<!\w.)ate)"
            rf"\s+(?:early\s+|late\s+|mid-)?{_M}(?!\s+(?:\d|of\s+\d))\b"
        ),
    ),
    (
        "relyear",
        re.compile(
            r"\b(?P<rel>last year|this year|next year|the previous year|the following year)\b", re.IGNORECASE
        ),
    ),
    ("today", re.compile(r"\b(?:today|this week)\b", re.IGNORECASE)),
    ("relmonth", re.compile(r"\b(?P<rel>this|last|next) month\b", re.IGNORECASE)),
    ("meeting", MEETING),
    ("weekday", WEEKDAY),
]
# Words that refer back to a period named before ("that year", "since then"), lower case.
ANAPHORS = ("that year", "same year", "since then")
# Cheap tests that rule whole families of patterns out before they run: substring tests on
# the lower-cased text, except for years and month names (which every pattern takes
# capitalised only), sought in the text itself, where the patterns opening with them start.
# A test on a letter that a pattern matches ignoring case stays off "i", "s" and "k", which
# the regex engine matches to other letters too ("ı", "ſ", the Kelvin sign) that lower() keeps.
# A year or the stem of a month name, both in one scan of the text (a year's digits and a
# month's letters never overlap). Every alternative opens with a literal, so that the regex
# engine skips ahead to the next of those characters; a year is the match of four.
YEAR_OR_MONTH = re.compile(r"1[89]\d\d|20\d\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
PARTS = ("early", "mid", "late", "end of", "beginning of", "start of")
# A year after the last letter of a part of a year ("early", "mid", "late", "end of") and a space
# or hyphen, tested after the century so that the regex engine skips ahead to a 1 or a 2.
PART_YEAR = re.compile(r"(?:1[89]|20)(?<=[ydef][- ]..)\d\d")
# How far before the first year that a part-of-a-year match may open: "beginning of 2020".
PART_REACH = len("beginning of ") + 2
# "last year", "the following year": how far before " year" such a match may open.
REL_YEAR_REACH = len("the following")


class Family:
    """The families of patterns, each a bit of the integer ``_gates`` gives."""

    YEAR = 1 << 0
    SPLIT = 1 << 1
    PART = 1 << 2
    DECADE = 1 << 3
    FROM = 1 << 4
    PAIR = 1 << 5
    DASH = 1 << 6
    MONTH_YEAR = 1 << 7
    MONTH_RANGE = 1 << 8
    RELMONTH = 1 << 9
    FISCAL = 1 << 10
    EARLIER = 1 << 11
    RELYEAR = 1 << 12
    ANAPHOR = 1 << 13
    FOR = 1 << 14
    WEEKDAY = 1 << 15
    TODAY = 1 << 16
    MONTH_WORD = 1 << 17
    SINCE_THEN = 1 << 18
    MEETING = 1 << 19


def _gates(text: str, low: str, ref: bool, previous: bool) -> tuple[int, dict[str, int]]:
    """Which families of patterns could match ``text`` (``low`` is it lower-cased) and give a
    period, as bits of ``Family``: those resolved against the document's date only with ``ref``,
    those that refer back only with ``previous``. With them, where the matches of some
    patterns may open at the earliest, by the names GATED gives."""
    found = 0
    opens: dict[str, int] = {}  # the first year and month name, and bounds derived from them
    years = months = 0
    for m in YEAR_OR_MONTH.finditer(text):
        if m.end() - m.start() == 4:
            years += 1
            if years == 1:
                opens["year"] = m.start()
        else:
            months += 1
            if months == 1:
                opens["month"] = m.start()
        if years > 1 and months > 1:
            break
    # Offsets in ``low`` are those in ``text`` where lower-casing kept the length ("İ" does not).
    aligned = len(low) == len(text)
    if years:
        found |= Family.YEAR
        if "/" in text or "-" in text or "–" in text:
            found |= Family.SPLIT
        # the rare year after a part's last letter first, the six words only then
        part = PART_YEAR.search(low, opens["year"] if aligned else 0)
        if part and any(w in low for w in PARTS):
            found |= Family.PART
            if aligned:
                opens["part"] = max(0, part.start() - PART_REACH)
        if "0s" in low:
            found |= Family.DECADE
        if years > 1:  # a range or a pair names two years
            if "between" in low or "from" in low:
                found |= Family.FROM
            if "and" in text or "or" in text or "&" in text:
                found |= Family.PAIR
            if "-" in text or "–" in text or "—" in text:
                found |= Family.DASH
    if months:
        if years:
            found |= Family.MONTH_YEAR
            opens["day"] = _day_opens(text, opens["month"])
            if months > 1:  # from one month to another
                found |= Family.MONTH_RANGE
        if ref:
            found |= Family.RELMONTH
            opens["relmonth"] = _relmonth_opens(text, opens["month"])
    if "fiscal" in low or "fy" in low:
        found |= Family.FISCAL
    if "year" in low:
        if "earlier" in low or "before" in low or "previously" in low:
            found |= Family.EARLIER
        if ref:
            at = low.find(" year")
            if at >= 0:
                found |= Family.RELYEAR
                if aligned:
                    opens["relyear"] = max(0, at - REL_YEAR_REACH)
        if previous and ("that year" in low or "the same year" in low):
            found |= Family.ANAPHOR
    if ref:
        if "for " in low and ("year" in low or "decade" in low):
            found |= Family.FOR
        if "day" in low:
            found |= Family.WEEKDAY
            if "today" in low:
                found |= Family.TODAY
        if "this week" in low:
            found |= Family.TODAY
        if " month" in low:
            found |= Family.MONTH_WORD
    if previous and "since then" in low:
        found |= Family.SINCE_THEN
    if "states parties" in low or "review conference" in low:
        found |= Family.MEETING
    return found, opens


def _day_opens(text: str, month: int) -> int:
    """Where a day before a month name ("3rd December 1997") may open at the earliest, the
    first month name opening at ``month``: up to two digits and "rd" before the spaces before it.

    No month name opens inside what precedes a match's own month name, so no match opens
    before the one whose month name is the first.
    """
    return max(0, len(text[:month].rstrip()) - 4)


def _relmonth_opens(text: str, month: int) -> int:
    """Where "In April", "earlier in late June" may open at the earliest, the first month name
    opening at ``month`` (as in ``_day_opens``): a word of up to ten letters ("Earlier in"),
    spaces, "early", "late" or "mid-", spaces."""
    word = len(text[:month].rstrip())  # where the spaces before "early", "late" or the month open
    return max(0, len(text[: max(0, word - 5)].rstrip()) - 10)


# The family each pattern of PATTERNS needs, in the same order, and where its matches may open
# at the earliest, named as in _gates' second result (a year, a month name, …): such a pattern
# runs from there, not from the text's start (its look-behinds still see the text before).
GATED: tuple[tuple[int, str | None], ...] = (
    (Family.SPLIT, "year"),
    (Family.FROM, None),
    (Family.PAIR, "year"),
    (Family.FOR, None),
    (Family.ANAPHOR, None),
    (Family.SINCE_THEN, None),
    (Family.DASH, "year"),
    (Family.MONTH_YEAR, "day"),
    (Family.MONTH_YEAR, "month"),
    (Family.FISCAL, None),
    (Family.FISCAL, None),
    (Family.DECADE, None),
    (Family.MONTH_RANGE, "month"),
    (Family.MONTH_YEAR, "month"),
    (Family.PART, "part"),
    (Family.YEAR, "year"),
    (Family.RELMONTH, "relmonth"),
    (Family.RELYEAR, "relyear"),
    (Family.TODAY, None),
    (Family.MONTH_WORD, None),
    (Family.MEETING, None),
    (Family.WEEKDAY, None),
)
assert len(GATED) == len(PATTERNS)


@cache
def _gated(gates: int) -> tuple[tuple[str, re.Pattern, str | None], ...]:
    """The patterns of the families in ``gates``, in PATTERNS order, with where their matches
    may open (few sets of families occur)."""
    return tuple(
        (kind, pattern, opens)
        for (kind, pattern), (family, opens) in zip(PATTERNS, GATED, strict=True)
        if family & gates
    )


# "a year earlier", "two years before": the period named just before, moved back (lower case).
EARLIER = re.compile(r"\b(?P<n>a|one|two|three|four|five|\d{1,2})\s+years?\s+(?:earlier|before|previously)\b")


def _earlier(text: str, low: str, found: list[Found], previous: Period | None, offset: int) -> list[Found]:
    """Each "a year earlier" in ``low``, as the period found before it in the text (else ``previous``,
    the period the text before named) moved back that many years."""
    out = []
    for m in EARLIER.finditer(low):
        at = m.start() + offset
        anchor = max((f for f in found if f.end <= at), key=lambda f: f.end, default=None)
        base = anchor.period if anchor is not None else previous
        if base is None or base.start is None or base.end is None:
            continue
        n = 1 if m["n"] == "a" else NUMBER_WORDS.get(m["n"]) or int(m["n"])
        out.append(Found(at, m.end() + offset, _moved(base, -n, text[m.start() : m.end()])))
    return out


def _moved(period: Period, years: int, text: str) -> Period:
    """``period`` moved by whole years (29 February becoming the 28th)."""

    def move(day: str) -> str:
        d = date.fromisoformat(day)
        y = d.year + years
        return d.replace(year=y, day=min(d.day, _month_end(y, d.month))).isoformat()

    return Period(move(period.start), move(period.end), period.precision, text)


# Run on the lower-cased words before a date.
SINCE = patterns.compile(
    r"\b(?:since|from|starting in|as of|beginning in|after)\s+(?:the\s+)?(?:start of\s+|end of\s+)?$"
)
UNTIL = patterns.compile(r"\b(?:by|until|before|through|prior to)\s+(?:the\s+)?$")
# The words one of which ends the text before the spaces SINCE or UNTIL end with: a cheap
# test that rules both out before they run.
CUES_BEFORE = ("since", "from", "starting in", "beginning in", "as of", "start of", "end of", "after", "the")
CUES_BEFORE += ("by", "until", "before", "through", "prior to")


@dataclass
class Found:
    start: int
    end: int
    period: Period


@cache
def _month_end(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def month_period(y: int, mo: int, text: str) -> Period:
    """The whole of month ``mo`` of year ``y``."""
    return Period(f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-{_month_end(y, mo):02d}", "month", text)


def _fiscal_year(written: str, fiscal_start: int) -> tuple[str, str]:
    """First and last day of fiscal year ``written`` ("2021" or "21"), named for the year it ends in."""
    fy = int(written) if len(written) == 4 else 2000 + int(written)
    if fiscal_start == 1:
        return f"{fy}-01-01", f"{fy}-12-31"
    last = fiscal_start - 1
    return f"{fy - 1}-{fiscal_start:02d}-01", f"{fy}-{last:02d}-{_month_end(fy, last):02d}"


def _period(
    kind: str, m: re.Match, ref: date | None, fiscal_start: int = 1, previous: Period | None = None
) -> Period | None:
    if kind == "year":  # the commonest first, without the dictionary of groups
        y = m["year"]
        return Period(f"{y}-01-01", f"{y}-12-31", "year", m.group(0))
    g = m.groupdict()
    text = m.group(0)
    if kind == "pair":
        y1, y2 = int(g["year"]), int(g["year2"])
        if not 0 < y2 - y1 <= 3:
            return None  # "1997 and 2014" are two dates, not one span
        return Period(f"{y1}-01-01", f"{y2}-12-31", "range", text)
    if kind == "duration":
        if ref is None:
            return None
        n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"].lower()]
        n *= 10 if g["span"].lower().startswith("decade") else 1
        return Period(f"{ref.year - n}-01-01", ref.isoformat(), "since", text)
    if kind == "since_then":
        if previous is None or (previous.start or previous.end) is None:
            return None
        # "then" after "by 2004" is 2004: an open-ended period counts from its end's year.
        start = previous.start or f"{previous.end[:4]}-01-01"
        return Period(start, ref.isoformat() if ref else None, "since", text)
    if kind == "anaphor":
        return Period(previous.start, previous.end, previous.precision, text) if previous else None
    if kind == "range":
        return Period(f"{g['year']}-01-01", f"{g['year2']}-12-31", "range", text)
    if kind == "day":
        y, mo, d = int(g["year"]), MONTHS[g["month"].lower()], int(g["day"])
        if not 1 <= d <= _month_end(y, mo):
            return None
        iso = date(y, mo, d).isoformat()
        return Period(iso, iso, "day", text)
    if kind == "month_range":
        y, mo, mo2 = int(g["year"]), MONTHS[g["month"].lower()], MONTHS[g["month2"].lower()]
        if mo2 <= mo:
            return None
        return Period(f"{y}-{mo:02d}-01", f"{y}-{mo2:02d}-{_month_end(y, mo2):02d}", "range", text)
    if kind == "month":
        y, mo = int(g["year"]), MONTHS[g["month"].lower()]
        return month_period(y, mo, text)
    if kind == "fiscal":
        return Period(*_fiscal_year(g["fy"], fiscal_start), "year", text)
    if kind == "split_year":
        y1 = int(g["y1"])
        before = m.string[m.start() - 1 : m.start()]
        if int(g["fy"]) != (y1 + 1) % 100 or (before and (before.isalnum() or before in "_/.$-")):
            return None  # "1997-99" is a range of years, "2021/22" one budget year, "12/2021/22" a code
        if fiscal_start == 1:
            return Period(f"{y1}-01-01", f"{y1 + 1}-12-31", "range", text)
        return Period(*_fiscal_year(str(y1 + 1), fiscal_start), "year", text)
    if kind == "fiscal_range":
        first, last = _fiscal_year(g["fy"] or g["fy_"], fiscal_start), _fiscal_year(g["fy2"], fiscal_start)
        return Period(first[0], last[1], "range", text) if first[0] < last[1] else None
    if kind == "decade":
        dec = int(g["decade"])
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (7, 9), None: (0, 9)}[
            (g["part"] or "").lower() or None
        ]
        return Period(f"{dec + lo}-01-01", f"{dec + hi}-12-31", "decade", text)
    if kind == "part":
        y = int(g["year"])
        part = g["part"].lower()
        lo, hi = (
            (1, 4)
            if part in ("early", "beginning of", "start of")
            else (9, 12)
            if part in ("late", "end of")
            else (4, 9)
        )
        return Period(f"{y}-{lo:02d}-01", f"{y}-{hi:02d}-{_month_end(y, hi):02d}", "month", text)
    if kind == "relmonth" and ref and g.get("rel"):
        step = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
        mo += 1
        return month_period(y, mo, text)
    if kind == "relmonth" and ref:
        mo = MONTHS[g["month"].lower()]
        y = ref.year if mo <= ref.month else ref.year - 1
        if text[:5].lower() == "since":  # "since January": from then to the document's date
            return Period(f"{y}-{mo:02d}-01", ref.isoformat(), "since", text)
        return month_period(y, mo, text)
    if kind == "meeting":
        return _meeting(g["ordinal"], g["meeting"], text)
    if kind == "weekday" and ref:
        back = (ref.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        day = date.fromordinal(ref.toordinal() - back).isoformat()
        return Period(day, day, "day", text)
    if kind == "today" and ref:
        return Period(ref.isoformat(), ref.isoformat(), "day", text)
    if kind == "relyear" and ref:
        rel = g["rel"].lower()
        y = ref.year + (
            -1
            if rel in ("last year", "the previous year")
            else 1
            if "next" in rel or "following" in rel
            else 0
        )
        return Period(f"{y}-01-01", f"{y}-12-31", "year", text)
    return None


def find(
    text: str,
    ref: date | None = None,
    offset: int = 0,
    fiscal_start: int = 1,
    previous: Period | None = None,
    low: str | None = None,
) -> list[Found]:
    """Every date or period in ``text``, longest match first wins, in text order.

    ``ref`` is the document's date (for "In April", "last year", "for 20 years"),
    ``fiscal_start`` the month the subject state's fiscal year opens, and
    ``previous`` the period the text before named (for "that year"); ``low`` is
    ``text.lower()``, for a caller that has it.
    """
    low = text.lower() if low is None else low
    gates, opens = _gates(text, low, ref is not None, previous is not None)
    if not gates:
        return []
    taken: list[tuple[int, int]] = []
    out: list[Found] = []
    for kind, pattern, first in _gated(gates):
        for m in pattern.finditer(text, opens.get(first, 0) if first else 0):
            s, e = m.start(), m.end()
            if taken and any(s < te and ts < e for ts, te in taken):
                continue
            period = _period(kind, m, ref, fiscal_start, previous)
            if period is None:
                continue
            before = low[max(0, s - 30) : s]
            if kind in ("duration", "since_then") or not before.rstrip().endswith(CUES_BEFORE):
                pass
            elif SINCE.search(before) and (period.precision != "range" or kind == "meeting"):
                # "from June to August" is a range; "since the Nineteenth Meeting …" counts from it
                period = Period(
                    period.start, ref.isoformat() if ref else None, "since", _widen(text, before, SINCE, s, e)
                )
            elif UNTIL.search(before) and kind != "range":
                period = Period(None, period.end, "until", _widen(text, before, UNTIL, s, e))
            taken.append((s, e))
            out.append(Found(s + offset, e + offset, period))
    if gates & Family.EARLIER:
        out += _earlier(text, low, out, previous, offset)
    return sorted(out, key=lambda f: f.start)


@cache
def _meetings() -> dict[tuple[str, int], tuple[date, date]]:
    from minewatch.vocab.meetings import load_meetings

    return {(m.kind, m.number): (m.start, m.end or m.start) for m in load_meetings().values() if m.start}


def _meeting(ordinal: str, name: str, text: str) -> Period | None:
    """The days a numbered Meeting of the States Parties or Review Conference sat, from the calendar."""
    low = ordinal.lower()
    number = int(low[:-2]) if low[:-2].isdigit() else ORDINALS.get(low)
    days = _meetings().get(("RC" if name.lower().startswith("review") else "MSP", number or 0))
    if days is None:
        return None
    return Period(days[0].isoformat(), days[1].isoformat(), "range" if days[1] > days[0] else "day", text)


def _widen(text: str, before: str, pattern: re.Pattern, s: int, e: int) -> str:
    m = pattern.search(before)
    return text[s - (len(before) - m.start()) : e]
