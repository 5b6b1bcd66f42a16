"""Reading a fact's period as dates: when it was last true, whether two facts speak of the same time.

Periods are stored as ISO strings, so comparing them as strings compares dates.
"""

from __future__ import annotations

import re
from datetime import date

from minewatch.model import Fact, Period

POINTLIKE = ("day", "month", "year")  # a period that names one time, not a stretch of years
_ARG = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")


def parse_bound(text: str, end: bool = False) -> str:
    """An ISO date from "2014", "2021-06" or "2021-06-30"; ``end`` picks the last day of a year or month.

    "mid-YYYY" is accepted as 30 June (or 1 July as a start), the way analyses write it.
    """
    text = text.strip()
    if text.lower().startswith("mid-"):
        y = int(text[4:])
        return f"{y}-06-30" if end else f"{y}-07-01"
    m = _ARG.match(text)
    if not m:
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = int(m["y"]), m["m"], m["d"]
    if d:
        return date(y, int(mo), int(d)).isoformat()
    if mo:
        mo_i = int(mo)
        if not end:
            return date(y, mo_i, 1).isoformat()
        nxt = date(y + mo_i // 12, mo_i % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1).isoformat()
    return f"{y}-12-31" if end else f"{y}-01-01"


def as_of_date(value: date | str | None) -> date:
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    return date.fromisoformat(parse_bound(value, end=True))


def ref_date(fact: Fact) -> str | None:
    """The last day the fact is known to hold: its period's end, else its start."""
    w = fact.when
    if w is None:
        return None
    return w.end or w.start


def start_date(fact: Fact) -> str | None:
    w = fact.when
    if w is None:
        return None
    return w.start or w.end


def overlaps(p: Period | None, start: str, end: str) -> bool:
    if p is None:
        return False
    return (p.start or "0000") <= end and start <= (p.end or "9999")


def same_time(a: Period | None, b: Period | None) -> bool:
    """Equal periods, or one point-like period inside another (27 June 2014 is "in 2014")."""
    if a is None or b is None:
        return a is None and b is None
    if (a.start, a.end) == (b.start, b.end):
        return True
    if a.precision not in POINTLIKE or b.precision not in POINTLIKE:
        return False
    inside = (a.start or "") >= (b.start or "") and (a.end or "") <= (b.end or "")
    around = (b.start or "") >= (a.start or "") and (b.end or "") <= (a.end or "")
    return inside or around


def label(p: Period | None) -> str:
    """A short human label: "2014", "2020-01-31", "1991..2021-07-01"."""
    if p is None:
        return "undated"
    if p.precision == "year" and p.start and p.start[5:] == "01-01" and (p.end or "")[5:] == "12-31":
        return p.start[:4]  # a calendar year; a fiscal year shows its days
    if p.precision == "month" and p.start:
        return p.start[:7]
    if p.precision == "day" and p.start:
        return p.start
    return f"{p.start or ''}..{p.end or ''}"
