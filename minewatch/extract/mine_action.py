"""``mine_action``: funding for clearance and victim assistance, and clearance itself."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.polarity import negated
from minewatch.extract.rules import hypothetical
from minewatch.model import Fact

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = ("funder", "donor", "contributor", "funding", "clear", "remov", "demin")
FUNDING = re.compile(
    r"\b(?:top|largest|leading|biggest) (?:funder|donor|contributor)\b|"
    r"\bfunding for (?:humanitarian )?(?:mine action|mine clearance|demining|victim assistance)\b|"
    r"\b(?:pledged|contributed|provided|donated|gave|granted)\b[^.;]{0,40}\bfor (?:humanitarian )?"
    r"(?:mine action|mine clearance|demining|victim assistance)\b"
)
# "… from Japan, which pledged $37 million": the donor is the state named before "which".
DONOR = re.compile(
    r"\b([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}),? which (?:pledged|contributed|provided|donated|gave|granted)\b"
)
RANK = re.compile(r"\b(?:top|largest|leading|biggest)\b")
CLEAR = re.compile(r"\b(?:cleared|clearing|clears?|removed|removing|removes?|demined|demining)\b")
CLEARED_OBJECT = re.compile(
    r"^(?:\s+and\s+\w+)?\s+(?:the\s+|a\s+\w+\s+portion\s+of\s+|some\s+|all\s+|(?!of\b|for\b|in\b)\w+\s+)?"
    r"(?:[\d,.]+\s+(?:thousand\s+|million\s+)?)?(?:land\s?mines|mines|minefields|explosive remnants|[\d,.]+\s+(?:hectares|square met\w+|km2|square kilomet\w+))\b"
)


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table" or s.is_reference:
        return []
    return _funding(s) + _clearance(s)


def _funding(s: Sentence) -> list[Fact]:
    """A donor's rank ("the largest donor") and the amount it gave, as separate facts."""
    m = FUNDING.search(s.low)
    if not m or hypothetical(s, m.start()):
        return []
    polarity = "denied" if negated(s.low, m.start()) else "affirmed"
    out = []
    if RANK.search(m.group(0)):
        out.append(s.fact("mine_action", "top funder", "mine_action.rank@1", 0.7, polarity=polarity))
    donor = DONOR.search(s.text)
    code = s.vocab.state_code(donor.group(1).strip()) if donor else None
    out += [
        s.fact(
            "mine_action",
            q.number,
            "mine_action.funding@3",
            0.7,
            unit="USD",
            approx=q.approx,
            polarity=polarity,
            when=s.period_near(q.start, clause=True) or s.period_near(q.start),
            **({"state": code} if code else {}),
        )
        for q in s.quantities
        if q.unit == "USD"
    ]
    if not out:
        out.append(s.fact("mine_action", "funding", "mine_action.funding@3", 0.6, polarity=polarity))
    return out


def _clearance(s: Sentence) -> list[Fact]:
    m = next((m for m in CLEAR.finditer(s.low) if CLEARED_OBJECT.match(s.low[m.end() :])), None)
    if not m or hypothetical(s, m.start()) or negated(s.low, m.start()):
        return []
    attrs = {"location": s.locations} if s.locations else {}
    return [
        s.fact(
            "mine_action", "clearance", "mine_action.clearance@1", 0.65, state=code, attributes=dict(attrs)
        )
        for code in s.subjects
    ]
