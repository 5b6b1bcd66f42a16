"""``stockpile``: how many mines a state holds, when, and of what scope."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.polarity import negated
from minewatch.extract.rules import mine_quantities, qualifier
from minewatch.model import Fact

CUE = re.compile(r"\b(?:stockpil\w*|stocks?|inventory|holds?|held|stored)\b", re.IGNORECASE)
SCOPE = re.compile(
    r"\b(active|operational|unserviceable|demil\w*|awaiting destruction|war reserve)\b", re.IGNORECASE
)
HOLDS_NONE = re.compile(r"\bno longer (?:holds?|stockpiles?|possess\w*|has)\b[^.]{0,60}", re.IGNORECASE)


def extract(s: Sentence) -> list[Fact]:
    cue = CUE.search(s.text)
    if not cue:
        return []
    out = []
    for q, types in mine_quantities(s):
        local = q.start - s.start
        scope = SCOPE.search(s.text[max(0, local - 60) : local + 60])
        out.append(
            s.fact(
                "stockpile",
                q.number,
                "stockpile.count@1",
                0.85,
                unit="mines",
                approx=qualifier(q),
                mine_types=types,
                when=s.period_near(q.start) or _as_of(s),
                attributes={"scope": scope.group(1).lower()} if scope else {},
            )
        )
    none = HOLDS_NONE.search(s.text)
    if none and not out:
        persistent = "persistent" in none.group(0).lower()
        out.append(
            s.fact(
                "stockpile",
                "persistent mines" if persistent else "antipersonnel mines",
                "stockpile.none@1",
                0.75,
                polarity="denied",
                when=_as_of(s),
            )
        )
    elif not out and negated(s.text, cue.start()) and re.search(r"\bno\s+stockpile", s.text, re.I):
        out.append(s.fact("stockpile", "antipersonnel mines", "stockpile.none@1", 0.6, polarity="denied"))
    return out


def _as_of(s: Sentence):
    """Present-tense holdings are as of the document's date."""
    from minewatch.model import Period

    if s.periods:
        return s.periods[0].period
    d = s.doc.date
    return Period(d.isoformat(), d.isoformat(), "day", "as of document date") if d else None
