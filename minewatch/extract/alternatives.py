"""``alternatives``: programs to replace antipersonnel mines, and what they cost.

Money spent where the sentence speaks of alternatives is the program's cost;
a catalogued system that is not a persistent victim-activated mine (a
networked munition, a replacement program) named with such a cue is a program.
"""

from __future__ import annotations

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.extract.rules import hypothetical, money
from minewatch.model import Fact

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = ("alternative", "replace", "networked munition", "program", "effort", "project", "item")
CUE = patterns.compile(
    r"\b(?:alternatives?\b|replacement\b|networked munitions?\b|replace\w*\b[^.]{0,40}\b(?:land)?mines\b)"
)
# "The Close Terrain Shaping Obstacle is a family of munitions that replaces … persistent
# antipersonnel landmines": a system named as the replacement, catalogued or not
REPLACES = patterns.compile(r"\b(?:replaces?|replacing)\b[^.]{0,40}\b(?:land)?mines\b")
# "Congress appropriated $19.7 million for the program": money for the program the sentence
# before, in the same paragraph, named as an alternative.
SAME_PROGRAM = patterns.compile(
    r"\b(?:the|this|that|its) (?:same )?(?:program(?:me)?|effort|project|item|system)\b"
)
CARRY_REACH = 600  # characters back in which the sentence naming the alternative is looked for
PROGRAM_CATEGORIES = ("dual", "antivehicle")
STARTED = patterns.compile(
    r"\s+(?:entered|began|started|went into)\s+(?:\w+[- ]rate\s+|full\s+)?(?:production|service)\b"
)


def _costs(s: Sentence, confidence: float) -> list[Fact]:
    """Each amount of money in the sentence as the program's cost, dated by the period nearest it."""
    return [
        s.fact(
            "alternatives",
            q.number,
            "alternatives.cost@2",
            confidence,
            unit="USD",
            approx=q.approx,
            when=s.period_near(q.start),
        )
        for q in money(s)
    ]


def _named_before(s: Sentence) -> bool:
    """Whether the sentence before in the paragraph, or one shortly before, names an alternative."""
    if s.previous is not None:
        return CUE.search(s.previous.low) is not None
    return any(CUE.search(o.low) for o in s.before(CARRY_REACH))


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table":
        return []
    if not CUE.search(s.low):
        same = SAME_PROGRAM.search(s.low)
        if not same or not _named_before(s):
            return []
        if not money(s) and STARTED.search(s.low, same.end()) and s.periods:
            # "The program entered production in FY 2024"
            return [s.fact("alternatives", "program", "alternatives.program@1", 0.6)]
        return _costs(s, 0.7)
    out = _costs(s, 0.8)
    seen = set()
    for _a, _b, mid in s.mine_types:
        mt = s.vocab.mine_types[mid]
        if mid in seen or mt.category not in PROGRAM_CATEGORIES or mt.persistent:
            continue
        seen.add(mid)
        out.append(s.fact("alternatives", "program", "alternatives.program@1", 0.7, mine_types=[mid]))
    replaces = REPLACES.search(s.low) if not out else None
    if replaces and not s.negated(replaces.start()) and not hypothetical(s, replaces.start()):
        when = s.periods[0].period if s.periods else s.as_of()
        out.append(s.fact("alternatives", "program", "alternatives.program@1", 0.6, when=when))
    return out
