"""``production``: production and procurement, with year, quantity, type and cost.

The verb must act on mines ("produced antipersonnel mines", "bought nearly
80,000 M16A1"): "the Trump era has not produced a wider backsliding" and
"US-manufactured mines" are no production. Denials ("has not procured",
"no funding for new mines", "No … mines are being funded") hold as of the
period they name, else the document's date.
"""

from __future__ import annotations

import re

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.extract.rules import about_policy, hypothetical, mine_quantities, mines_by_pronoun, money
from minewatch.model import Fact, Period

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = ("produc", "manufactur", "procur", "bought", "purchas", "fund", "deliver")
VERB = patterns.compile(
    r"(?<!-)\b(?:produc(?:ed|es|e|tion|ing)|manufactur\w+|procured?|procurement|bought|purchas\w+|fund(?:ed|ing))\b"
)
OBJECT = patterns.compile(r"\b(?:(?:mines?|landmines?|munitions?)\b|(?:adam|gator|m\d+\w*|cbu-\d+\w*)\b)")
OBJECT_WINDOW = 60
LAST = patterns.compile(r"\blast\b")
ALTERNATIVES = patterns.compile(r"\balternatives?\b")
NONE_FUNDED = patterns.compile(r"^\W*No\b", re.IGNORECASE)
# Production going on as the source writes: "still manufactures", "continues to produce".
ONGOING = patterns.compile(
    r"\b(?:still|currently|continues? to)\s+(?:\w+\s+)?$|^(?:produces?|manufactures?)$"
)
# "the capacity to produce mines", "will produce": an infinitive or a modal's verb states no production.
INFINITIVE = patterns.compile(r"\b(?:to|will|would|could|can|may|might|should|must)\s+$")
# "has signed a contract … for the production of": procurement as of the document
CONTRACTED = patterns.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:signed|awarded|placed|concluded)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:contract|order|deal)\b"
)
CAPACITY = patterns.compile(r"\s+(?:capacit|facilit|lines?\b|plants?\b|base\b)")
PERFECT = patterns.compile(r"\b(?:has|have)\s+(?:\w+\s+)?\w+ed\b")  # "has signed", "have recently awarded"
PERFECT_REACH = 120  # characters before the verb in which a present perfect governs it
PASSIVE = patterns.compile(r"\b(?:were|was|are|is|been|being)\s+(?:\w+\s+)?$")
NO_FUNDS = patterns.compile(r"\W*no\s+(?:funds|funding|money)\b[^.;]{0,40}?\bfor\s+(?:new|additional|more)\b")
# "The contract, worth …, covers the delivery of up to one million mines": the contract a sentence
# before placed for production, and what it delivers
THE_CONTRACT = patterns.compile(
    r"\W*(?:the|this|that|under the)\s+(?:new\s+)?(?:contract|order|deal|agreement)\b"
)
DELIVERY = patterns.compile(r"\b(?:deliver\w*|suppl(?:y|ies|ying))\b")
CONTRACT_REACH = 600  # characters back in which the sentence placing the contract is looked for


def _trigger(s: Sentence) -> re.Match | None:
    """The first verb acting on mines: followed by them, or passive with them before it."""
    for m in VERB.finditer(s.low):
        if CAPACITY.match(s.low, m.end()):
            continue  # "did not end US production capacity": a means of producing, not producing
        after = s.low[m.end() : m.end() + OBJECT_WINDOW]
        before = s.low[max(0, m.start() - OBJECT_WINDOW) : m.start()]
        if OBJECT.search(after) or (PASSIVE.search(before) and OBJECT.search(before)):
            return m
        if mines_by_pronoun(s, m, OBJECT):
            return m
        verb_end = s.start + m.end()
        if any(0 <= a - verb_end <= OBJECT_WINDOW for a, _b, _t in s.mine_types):  # "manufacture the MM-2"
            return m
    return None


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table" or about_policy(s) or ALTERNATIVES.search(s.low):
        return []
    verb = _trigger(s)
    if not verb:
        return _delivered(s) + _none_funded(s)
    if s.negated(verb.start()) or NONE_FUNDED.match(s.low):
        lo, hi = s.clause_bounds(s.start + verb.start())
        own = [f.period for f in s.periods if lo <= f.start < hi]
        return s.per_subject(
            s.fact(
                "production",
                "production",
                "production.none@2",
                0.75,
                polarity="denied",
                when=own[0] if own else (s.periods[0].period if s.periods else s.as_of()),
            )
        )
    if hypothetical(s, verb.start()):
        return []
    cost = money(s)
    out = [
        s.fact(
            "production",
            q.number,
            "production.quantity@2",
            0.85,
            unit="mines",
            approx=q.approx,
            mine_types=types,
            when=s.period_near(q.start),
            attributes={"cost_usd": cost[0].number} if cost else {},
        )
        for q, types in mine_quantities(s)
    ]
    before = s.low[max(0, verb.start() - 25) : verb.start()]
    ongoing = ONGOING.search(before) or (ONGOING.search(verb.group(0)) and not INFINITIVE.search(before))
    if not out and not s.periods and ongoing:
        out.append(s.fact("production", "production", "production.ongoing@1", 0.7, when=s.as_of()))
    if not out and not s.periods and CONTRACTED.search(s.low, 0, verb.start()):
        out.append(s.fact("production", "production", "production.contract@1", 0.7, when=s.as_of()))
    if not out and s.periods:
        attrs = {"last": True} if LAST.search(s.low) else {}
        out.append(
            s.fact(
                "production",
                "production",
                "production.event@2",
                0.75,
                when=_event_period(s, verb),
                attributes=attrs,
            )
        )
    return out


def _none_funded(s: Sentence) -> list[Fact]:
    """ "No funds are requested in FY 2026 for new M18A1 Claymore munitions": no production."""
    m = NO_FUNDS.match(s.low)
    if m is None or not (OBJECT.search(s.low, m.end()) or s.mine_types):
        return []
    return [
        s.fact(
            "production",
            "production",
            "production.none@2",
            0.7,
            polarity="denied",
            mine_types=list(dict.fromkeys(t for _a, _b, t in s.mine_types)),
            when=s.periods[0].period if s.periods else s.as_of(),
        )
    ]


def _delivered(s: Sentence) -> list[Fact]:
    """Mines a production contract delivers, in a sentence about the contract the text placed just before."""
    if not THE_CONTRACT.match(s.low) or not DELIVERY.search(s.low):
        return []
    placed = next(iter(s.before(CONTRACT_REACH)), None)
    verb = _trigger(placed) if placed is not None else None
    if verb is None or not CONTRACTED.search(placed.low, 0, verb.start()) or placed.negated(verb.start()):
        return []
    return [
        s.fact(
            "production",
            q.number,
            "production.delivery@1",
            0.7,
            state=placed.state,
            unit="mines",
            approx=q.approx,
            mine_types=types,
            when=s.period_near(q.start),
        )
        for q, types in mine_quantities(s)
    ]


def _event_period(s: Sentence, verb: re.Match) -> Period:
    """The period in the verb's clause; else, for "has signed a contract for the production of …",
    the document's date; else the sentence's last period."""
    own = s.period_near(s.start + verb.start(), clause=True)
    if own is not None:
        return own
    if PERFECT.search(s.low, max(0, verb.start() - PERFECT_REACH), verb.start()):
        return s.as_of()
    return s.periods[-1].period
