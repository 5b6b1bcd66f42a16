"""``destruction``, ``retained`` and ``alternatives``: what happens to stocks, and what replaces them."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.rules import about_policy, hypothetical, mine_quantities, money, qualifier
from minewatch.model import Fact

DESTROY = re.compile(
    r"\b(?:destroyed|destruction|demilitari[sz]\w+|cryofracture|disposal)\b|\bcontract to destroy\b", re.I
)
RETAIN = re.compile(r"\bretain(?:ed|s)?\b|\bkept for\b", re.I)
ALTERNATIVE = re.compile(r"\balternatives?\b|\breplace\w*\b[^.]{0,40}\bmines\b", re.I)


def extract(s: Sentence) -> list[Fact]:
    out: list[Fact] = []
    d = DESTROY.search(s.text)
    if d and not about_policy(s) and not hypothetical(s, d.start()):
        qs = mine_quantities(s)
        out += [
            s.fact(
                "destruction",
                q.number,
                "destruction.quantity@1",
                0.8,
                unit="mines",
                approx=qualifier(q),
                mine_types=t,
                when=s.periods[0].period if s.periods else None,
            )
            for q, t in qs
        ]
        if not qs and s.periods:
            contract = re.search(r"\bcontract\b", s.text, re.I)
            out.append(
                s.fact(
                    "destruction",
                    "contract" if contract else "destruction program",
                    "destruction.event@1",
                    0.65,
                    mine_types=[m for *_, m in s.mine_types],
                )
            )
    r = RETAIN.search(s.text)
    if r and re.search(r"\bmines?\b", s.text, re.I):
        qs = mine_quantities(s)
        value = (
            qs[0][0].number
            if qs
            else "small quantity"
            if re.search(r"\bsmall (?:quantity|number)\b", s.text, re.I)
            else "mines retained"
        )
        out.append(
            s.fact(
                "retained",
                value,
                "retained.count@1",
                0.75,
                unit="mines" if qs else None,
                approx=qualifier(qs[0][0]) if qs else None,
                attributes={"purpose": "training and research"},
            )
        )
    a = ALTERNATIVE.search(s.text)
    if a:
        for q in money(s):
            out.append(
                s.fact("alternatives", q.number, "alternatives.cost@1", 0.8, unit="USD", approx=qualifier(q))
            )
    return out
