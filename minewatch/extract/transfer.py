"""``transfer``: exports, imports and export moratoria."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.polarity import negated
from minewatch.extract.rules import hypothetical, mine_quantities, qualifier
from minewatch.model import Fact

VERB = re.compile(r"\b(?:export\w*|import\w*|transferr?\w*|sold|sell\w*)\b", re.IGNORECASE)
MORATORIUM = re.compile(
    r"\bmoratorium\b|\bprohibit\w*\s+(?:any\s+)?exports?\b|\bban\w*\s+(?:on\s+)?exports?\b", re.IGNORECASE
)


def extract(s: Sentence) -> list[Fact]:
    verb = VERB.search(s.text)
    if not verb:
        return []
    when = s.periods[0].period if s.periods else None
    if MORATORIUM.search(s.text):
        return [s.fact("transfer", "export moratorium", "transfer.moratorium@1", 0.8, when=when)]
    if hypothetical(s, verb.start()):
        return []
    if negated(s.text, verb.start()):
        return [s.fact("transfer", "transfer", "transfer.none@1", 0.75, polarity="denied", when=when)]
    countries = [q for q in s.quantities if q.unit == "countries"]
    return [
        s.fact(
            "transfer",
            q.number,
            "transfer.quantity@1",
            0.85,
            unit="mines",
            approx=qualifier(q),
            mine_types=types,
            when=s.period_near(q.start),
            attributes={"direction": "import" if "import" in verb.group(0).lower() else "export"}
            | ({"countries": countries[0].number} if countries else {}),
        )
        for q, types in mine_quantities(s)
    ]
