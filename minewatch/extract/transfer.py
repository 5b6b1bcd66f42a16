"""``transfer``: exports, imports and export moratoria."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.rules import about_policy, hypothetical, mine_quantities
from minewatch.model import Fact

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = ("export", "import", "transfer", "sold", "sell", "moratori")
VERB = re.compile(r"\b(?:export\w*|import\w*|transferr?\w*|sold|sell\w*)\b")
MORATORIUM = re.compile(
    r"\b(?:moratori(?:um|a)\b|prohibit\w*\s+(?:any\s+|all\s+)?exports?\b|ban\w*\s+(?:on\s+)?exports?\b)"
)


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table":
        return []
    verb = VERB.search(s.low)
    if not verb:
        return []
    when = s.periods[0].period if s.periods else None
    if MORATORIUM.search(s.low) and not hypothetical(s, MORATORIUM.search(s.low).start()):
        return [s.fact("transfer", "export moratorium", "transfer.moratorium@2", 0.8, when=when)]
    if about_policy(s) or hypothetical(s, verb.start()):
        return []
    if s.negated(verb.start()):
        return s.per_subject(
            s.fact("transfer", "transfer", "transfer.none@2", 0.75, polarity="denied", when=when or s.as_of())
        )
    countries = [q for q in s.quantities if q.unit == "countries"]
    return [
        s.fact(
            "transfer",
            q.number,
            "transfer.quantity@2",
            0.85,
            unit="mines",
            approx=q.approx,
            mine_types=types,
            when=s.period_near(q.start),
            attributes={"direction": "import" if "import" in verb.group(0).lower() else "export"}
            | ({"countries": countries[0].number} if countries else {}),
        )
        for q, types in mine_quantities(s)
    ]
