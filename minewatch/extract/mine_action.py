"""``mine_action``: funding for clearance and victim assistance, and clearance itself."""

from __future__ import annotations

import re

from minewatch.extract import patterns
from minewatch.extract.attribution import organization_pattern
from minewatch.extract.context import Sentence
from minewatch.extract.numbers import CURRENCIES, Quantity
from minewatch.extract.rules import hypothetical
from minewatch.model import Fact, Period

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = (
    "funder",
    "donor",
    "contributor",
    "funding",
    "clear",
    "remov",
    "demin",
    "weapons destruction",
    "mine action",
    "released",
)
FUNDING = patterns.compile(
    r"\b(?:top|largest|leading|biggest) (?:funder|donor|contributor)\b|"
    r"\bfunding for (?:humanitarian )?(?:mine action|mine clearance|demining|victim assistance)\b|"
    r"\b(?:pledged|contributed|provided|donated|gave|granted|requested|allocated|appropriated|budgeted|"
    r"spent|committed|disbursed)\b(?:[^.;]|\.\d){0,40}\b(?:for|on|to) (?:humanitarian )?"
    r"(?:mine action|mine clearance|demining|victim assistance|conventional weapons destruction)\b"
)
# "… from Japan, which pledged $37 million": the donor is the state named before "which".
DONOR = patterns.compile(
    r"\b([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}),? which (?:pledged|contributed|provided|donated|gave|granted)\b"
)
# "…, followed by Germany with €2.1 million and Japan with US$1.4 million": each amount its donor's
GIVER = patterns.compile(
    r"\s+(?:with|gave|giving|provided|providing|contributed|contributing|pledged|pledging|at)\s+(?:\w+\s+){0,2}$"
)
PURPOSE = patterns.compile(r"\bto\s+(?:\w+\s+(?:and|or)\s+)?$")  # "… to detect and clear mines": an aim
# "… spent 95 million baht on the work": money a sentence about clearing says was spent pays for it
SPENT = patterns.compile(r"\b(?:spent|allocated|budgeted|invested|cost)\b")
RANK = patterns.compile(r"(?<![\w-])(?:top|largest|leading|biggest) (?:funder|donor|contributor)\b")
# "the second-largest donor": a rank, but not the top one
LOWER_RANK = patterns.compile(r"\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ]$")
AMONG = patterns.compile(
    r"\s+(?:among|within|in)\s+(?:the\s+)?(?:eu|european|its|member|nordic|regional|asian|african)"
)  # a rank in a group
# "Of that, $91.5 million went to Ukraine": a share of the sum the sentence before gave
SHARE = patterns.compile(r"\W*(?:of (?:that|this|the total|which|it)|of these funds)\b")
OPENING_PLACE = patterns.compile(r"\W*(?:\d+\.\s+)?in\s+(?:the\s+)?[^,]{2,40},")  # "54. In Afghanistan, …"
# "…went to Ukraine, where U.S.-funded teams cleared …": the clearing happened in that state
WHERE = patterns.compile(r",?\s+where\b")
# "released": land release, the term of Article 7 reports, when an area follows (CLEARED_OBJECT)
CLEAR = patterns.compile(
    r"\b(?:cleared|clearing|clears?|removed|removing|removes?|demined|demining|released)\b|"
    r"\b(?:(?:complet\w+|finish\w+|conclud\w+)\s+(?:the\s+)?)?clearance\s+of\b"  # "(completed) the clearance of …"
)
CLEARED_OBJECT = patterns.compile(
    r"^(?:\s+and\s+\w+)?\s+(?:the\s+|a\s+\w+\s+portion\s+of\s+|some\s+|all\s+|(?!of\b|for\b|in\b)\w+\s+)?"
    r"(?:(?:more|less|fewer) than\s+)?"
    r"(?:[\d,.]+\s+(?:thousand\s+|million\s+)?)?(?:land\s?mines|mines|minefields|explosive remnants|"
    r"[\d,.]+\s+(?:thousand\s+|million\s+)?(?:hectares|square met\w+|km2|square kilomet\w+))\b"
)
# "… laid mines …, and most were cleared by 2004": mines named before a passive clearing verb.
CLEARED_PASSIVE = patterns.compile(r"\b(?:were|was|been|are|is)\s+(?:\w+\s+)?$")
SUPPORTED = patterns.compile(
    r"\b(?:support|fund|financ|assist)\w*\s+(?:\w+\s+){0,3}$"
)  # paying for clearing is not clearing
NOUN_OBJECT_WINDOW = 40  # characters after "clearance of" in which the mines cleared are named
MINES_BEFORE = patterns.compile(
    r"\b(?:land)?mines?\b|\bminefields?\b|\bmined areas?\b|\b[\d.,]+\s+(?:square\s+kilomet|square\s+met|hectares|km2)"
)


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table" or s.is_reference:
        return []
    return _funding(s) + _clearance(s)


def _funding(s: Sentence) -> list[Fact]:
    """A donor's rank ("the largest donor") and the amount it gave, as separate facts.

    What an organization gives ("The European Union was the largest donor") is not a state's;
    an amount set after a state's name ("followed by Germany with €2.1 million") is that state's.
    """
    m = FUNDING.search(s.low) or _spent_on_clearing(s)
    if not m:
        return _share(s)
    if hypothetical(s, m.start()):
        return []
    polarity = "denied" if s.negated(m.start()) else "affirmed"
    out = []
    by_organization = _organization_subject(s, m.start())
    rank = RANK.search(s.low)
    if (
        rank
        and not by_organization
        and not LOWER_RANK.search(s.low, max(0, rank.start() - 8), rank.start())
        and not AMONG.match(s.low, rank.end())
    ):
        when = s.period_near(s.start + rank.start(), clause=True) or (
            s.periods[0].period if s.periods else None
        )
        out.append(
            s.fact("mine_action", "top funder", "mine_action.rank@1", 0.7, polarity=polarity, when=when)
        )
    donor = DONOR.search(s.text)
    code = s.vocab.state_code(donor.group(1).strip()) if donor else None
    amounts = [q for q in s.quantities if q.unit in CURRENCIES]
    for i, q in enumerate(amounts):
        giver = _giver(s, q, amounts[i - 1].end if i else s.start)
        if giver is None and by_organization:
            continue
        out.append(
            s.fact(
                "mine_action",
                q.number,
                "mine_action.funding@4",
                0.7,
                unit=q.unit,
                approx=q.approx,
                polarity=polarity,
                when=_own_period(s, q, amounts[i + 1].start if i + 1 < len(amounts) else s.end, len(amounts))
                or s.period_near(q.start, clause=True)
                or s.period_near(q.start),
                **({"state": giver or code} if giver or code else {}),
            )
        )
    if not out and not by_organization:
        out.append(s.fact("mine_action", "funding", "mine_action.funding@3", 0.6, polarity=polarity))
    return out


def _spent_on_clearing(s: Sentence) -> re.Match | None:
    """Spending an amount in a sentence that tells of clearing mines: "cleared 2.1 square kilometres …
    and spent 95 million baht on the work"."""
    spent = SPENT.search(s.low)
    if spent is None or not any(q.unit in CURRENCIES for q in s.quantities):
        return None
    return spent if _clearing(s) else None


def _organization_subject(s: Sentence, verb: int) -> bool:
    """An organization, and no state before it, is named before ``verb`` (local offset)."""
    org = organization_pattern().search(s.low, 0, verb)
    return org is not None and not any(a - s.start < org.start() for a, _b, _c in s.states)


def _giver(s: Sentence, q: Quantity, lo: int) -> str | None:
    """The state named just before an amount, after the amount before it: "Japan with US$1.4 million"."""
    named = [(b, c) for a, b, c in s.states if lo <= a and b <= q.start]
    if not named:
        return None
    end, code = named[-1]
    return code if GIVER.match(s.low, end - s.start, q.start - s.start) else None


def _share(s: Sentence) -> list[Fact]:
    """Amounts a sentence gives as a share of the funding the sentence before reported: the same donor,
    the same period, the state it went to as the place."""
    before = s.previous
    if before is None or not SHARE.match(s.low) or not FUNDING.search(before.low):
        return []
    amounts = [q for q in s.quantities if q.unit in CURRENCIES]
    places = [code for _a, _b, code in s.states if code != before.state]
    cut = WHERE.search(s.low)  # "…, where teams cleared … in 2024" dates the clearing, not the share
    own = [f.period for f in s.periods if cut is None or f.start - s.start < cut.start()]
    when = own[0] if own else (before.periods[0].period if before.periods else None)
    return [
        s.fact(
            "mine_action",
            q.number,
            "mine_action.funding@4",
            0.65,
            state=before.state,
            unit=q.unit,
            approx=q.approx,
            when=when,
            attributes={"location": places[:1]} if places else {},
        )
        for q in amounts
    ]


def _own_period(s: Sentence, q: Quantity, next_start: int, count: int) -> Period | None:
    """In a list of amounts ("£42.5 million in 2021/22, £38.2 million in 2022/23"), the period
    between an amount and the next one is that amount's."""
    if count < 2:
        return None
    return next((f.period for f in s.periods if q.end <= f.start < next_start), None)


def _clearance(s: Sentence) -> list[Fact]:
    m = _clearing(s)
    if not m or hypothetical(s, m.start()) or s.negated(m.start()):
        return []
    if PURPOSE.search(s.low, max(0, m.start() - 30), m.start()):
        return []  # "kept for training soldiers to detect and clear mines": a purpose, no clearing
    attrs = {"location": s.locations} if s.locations else {}
    _lo, hi = s.clause_bounds(s.start + m.start())
    after = [f.period for f in s.periods if s.start + m.end() <= f.start < hi]  # "cleared … last year"
    when = (
        (after[0] if after else None)
        or s.period_near(s.start + m.start(), clause=True)
        or (s.periods[0].period if s.periods else None)
    )
    where = [c for _a, b, c in s.states if b - s.start < m.start() and WHERE.match(s.low, b - s.start)]
    if where:  # "…went to Ukraine, where U.S.-funded teams cleared …"
        return [
            s.fact("mine_action", "clearance", "mine_action.clearance@1", 0.65, state=where[-1], when=when)
        ]
    opening = OPENING_PLACE.match(s.low)
    if opening and not any(opening.end() <= a - s.start < m.start() for a, _b, _c in s.states):
        # "In Afghanistan, the Mine Action Programme cleared …": the clearing is that state's
        place = next((c for a, _b, c in s.states if a - s.start < opening.end()), None)
        if place:
            return [
                s.fact("mine_action", "clearance", "mine_action.clearance@1", 0.65, state=place, when=when)
            ]
    return [
        s.fact(
            "mine_action",
            "clearance",
            "mine_action.clearance@1",
            0.65,
            state=code,
            when=when,
            attributes=dict(attrs),
        )
        for code in s.subjects
    ]


def _clearing(s: Sentence) -> re.Match | None:
    """The first clearing verb of the sentence that acts on mines (asked by funding and clearance: kept)."""
    if "_clearing" not in s.__dict__:
        s.__dict__["_clearing"] = next((m for m in CLEAR.finditer(s.low) if _clears_mines(s.low, m)), None)
    return s.__dict__["_clearing"]


def _clears_mines(low: str, m: re.Match) -> bool:
    """The clearing verb acts on mines: they follow it, or it is passive with mines named before.

    The noun ("the clearance of all known minefields") needs mines or an area after it, and is
    no clearing where it is paid for ("to support survey and clearance of mines").
    """
    if m.group().endswith(" of"):
        if SUPPORTED.search(low, max(0, m.start() - 40), m.start()):
            return False
        return bool(MINES_BEFORE.search(low, m.end(), m.end() + NOUN_OBJECT_WINDOW))
    if CLEARED_OBJECT.match(low[m.end() :]):
        return True
    if not m.group().endswith("ed"):
        return False  # "fields that had been clear": an adjective, not a passive clearing
    before = low[max(0, m.start() - 120) : m.start()]
    return bool(CLEARED_PASSIVE.search(before) and MINES_BEFORE.search(before))
