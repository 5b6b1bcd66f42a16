"""``production``: production and procurement, with year, quantity, type and cost."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.polarity import negated
from minewatch.extract.rules import about_policy, hypothetical, mine_quantities, money, qualifier
from minewatch.model import Fact

VERB = re.compile(
    r"\b(?:produc(?:ed|es|e|tion|ing)|manufactur\w+|procure\w*|procurement|bought|purchas\w+|fund(?:ed|ing))\b",
    re.IGNORECASE,
)
LAST = re.compile(r"\blast\b", re.IGNORECASE)


def extract(s: Sentence) -> list[Fact]:
    verb = VERB.search(s.text)
    if not verb or about_policy(s):
        return []
    if negated(s.text, verb.start()) or re.match(r"\W*No\b", s.text):
        return [
            s.fact(
                "production",
                "production or procurement",
                "production.none@1",
                0.75,
                polarity="denied",
                when=s.periods[0].period if s.periods else None,
            )
        ]
    if hypothetical(s, verb.start()):
        return []
    cost = money(s)
    out = [
        s.fact(
            "production",
            q.number,
            "production.quantity@1",
            0.85,
            unit="mines",
            approx=qualifier(q),
            mine_types=types,
            when=s.period_near(q.start),
            attributes={"cost_usd": cost[0].number} if cost else {},
        )
        for q, types in mine_quantities(s)
    ]
    if not out and LAST.search(s.text) and s.periods:
        out.append(
            s.fact("production", "last production", "production.last@1", 0.8, when=s.periods[-1].period)
        )
    return out
