"""``use``: who used antipersonnel mines, when, where, how many, of which type."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.polarity import negated
from minewatch.extract.rules import about_policy, hypothetical, mine_quantities, qualifier
from minewatch.model import Fact, Period

VERB = re.compile(r"\b(?:used|using|use of|employ(?:ed|ment)|emplaced|laid|minefields?)\b", re.IGNORECASE)
EXCEPTION = re.compile(
    r"\bwith (?:the |one )?(?:minor )?exception(?: of)?\b|\bexcept(?: for)?\b|\bsave\b", re.IGNORECASE
)
ONGOING = re.compile(r"\b(?:still|currently|continues? to|actively)\b[^.]{0,20}\busing\b", re.IGNORECASE)


def extract(s: Sentence) -> list[Fact]:
    verb = VERB.search(s.text)
    if not verb or about_policy(s) or hypothetical(s, verb.start()):
        return []
    if not re.search(r"\b(?:anti-?personnel|land)?\s?mines?\b|minefields?|Claymore", s.text, re.IGNORECASE):
        return []
    cut = EXCEPTION.search(s.text)
    main_end = s.start + cut.start() if cut else s.end
    out: list[Fact] = []
    if negated(s.text, verb.start()):
        periods = [f.period for f in s.periods if f.start < main_end]
        out.append(
            s.fact(
                "use",
                "antipersonnel mines",
                "use.none@1",
                0.8,
                polarity="denied",
                when=periods[0] if periods else _as_of(s),
            )
        )
    else:
        out.extend(_events(s, s.start, main_end))
    if cut:
        out.extend(_events(s, s.start + cut.end(), s.end, exception=True))
    return out


def _events(s: Sentence, lo: int, hi: int, exception: bool = False) -> list[Fact]:
    """One use fact per quantity of mines in [lo, hi), else one for the segment."""
    periods = [f.period for f in s.periods if lo <= f.start < hi]
    places = sorted({c for a, _b, c in s.states if lo <= a < hi and c != s.state})
    types = [m for a, _b, m in s.mine_types if lo <= a < hi]
    attrs = {"location": places} if places else {}
    if exception:
        attrs["exception"] = True
    quantities = [(q, t) for q, t in mine_quantities(s) if lo <= q.start < hi]
    if quantities:
        return [
            s.fact(
                "use",
                q.number,
                "use.quantity@1",
                0.85,
                unit="mines",
                approx=qualifier(q),
                mine_types=t or types,
                when=s.period_near(q.start),
                attributes=dict(attrs),
            )
            for q, t in quantities
        ]
    when = periods[0] if periods else None
    if when is None and ONGOING.search(s.text[lo - s.start : hi - s.start]):
        when = _as_of(s)
    if when is None:
        return []
    return [s.fact("use", "use", "use.event@1", 0.7, mine_types=types, when=when, attributes=attrs)]


def _as_of(s: Sentence) -> Period | None:
    d = s.doc.date
    return Period(d.isoformat(), d.isoformat(), "day", "as of document date") if d else None
