"""``alternatives``: programs to replace antipersonnel mines, and what they cost.

Money spent where the sentence speaks of alternatives is the program's cost;
a catalogued system that is not a persistent victim-activated mine (a
networked munition, a replacement program) named with such a cue is a program.
"""

from __future__ import annotations

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.extract.rules import money
from minewatch.model import Fact

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = ("alternative", "replace", "networked munition", "program", "effort", "project")
CUE = patterns.compile(
    r"\b(?:alternatives?\b|replacement\b|networked munitions?\b|replace\w*\b[^.]{0,40}\bmines\b)"
)
# "Congress appropriated $19.7 million for the program": money for the program the sentence
# before, in the same paragraph, named as an alternative.
SAME_PROGRAM = patterns.compile(r"\b(?:the|this|that|its) (?:program(?:me)?|effort|project)\b")
PROGRAM_CATEGORIES = ("dual", "antivehicle")


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table":
        return []
    if not CUE.search(s.low):
        carried = s.previous is not None and CUE.search(s.previous.low) and SAME_PROGRAM.search(s.low)
        if not carried:
            return []
        return [
            s.fact("alternatives", q.number, "alternatives.cost@2", 0.7, unit="USD", approx=q.approx)
            for q in money(s)
        ]
    out = [
        s.fact("alternatives", q.number, "alternatives.cost@2", 0.8, unit="USD", approx=q.approx)
        for q in money(s)
    ]
    seen = set()
    for _a, _b, mid in s.mine_types:
        mt = s.vocab.mine_types[mid]
        if mid in seen or mt.category not in PROGRAM_CATEGORIES or mt.persistent:
            continue
        seen.add(mid)
        out.append(s.fact("alternatives", "program", "alternatives.program@1", 0.7, mine_types=[mid]))
    return out
