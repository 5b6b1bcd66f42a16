"""``stockpile``: how many mines a state holds, when, of what scope; which types; when stocks expire.

A count of mines is a stockpile figure when the sentence speaks of stocks, or
continues a sentence that did ("This is a reduction from the previous number
reported in 2002 of approximately 10.4 million"). Mines that "have been
destroyed" are destruction, not holdings. A table whose caption names a
stockpile and a year makes each row naming a mine type a holding of that type.
"""

from __future__ import annotations

import re

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.extract.rules import hypothetical, kept_after, mine_quantities
from minewatch.model import Fact, Period

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = (
    "stockpil",
    "stock",
    "inventory",
    "hold",
    "held",
    "stored",
    "arsenal",
    "number",
    "total",
    "figure",
    "count",
    "reduction",
    "increase",
    "decrease",
    "expir",
    "obsolete",
    "unusable",
    "leaving",
    "remain",
    "awaiting",
)
CUE = patterns.compile(r"\b(?:stockpil\w*|stocks?|inventory|holds?|held|stored|arsenal)\b")
CARRY = patterns.compile(r"\b(?:number|total|figure|count|reduction|increase|decrease|down from|up from)\b")
SCOPE = patterns.compile(r"\b(active|operational|unserviceable|demil\w*|awaiting destruction|war reserve)\b")
SCOPES = {"demil": "demilitarization", "demilitarization": "demilitarization", "war reserve": "war reserve"}
CLAUSE_END = patterns.compile(r"[:;]")
HOLDS_NONE = patterns.compile(
    r"\bno longer (?:holds?|stockpiles?|possess\w*|has)\b[^.]{0,60}|"
    r"\b(?:holds?|has|possess(?:es)?)\s+no\s+(?:(?:stockpiles?|stocks?)\s+of\s+)?(?:stockpiled\s+)?"
    r"(?:anti-?personnel\s+)?(?:land)?mines\b"
)
DESTROYED = patterns.compile(
    r"\b(?:have|has|had|were|was|been)\s+(?:\w+\s+)?(?:destroyed|demilitari[sz]ed)\b|\bdestruction of\b|"
    r"\b(?:destroy(?:ed|ing)|demilitari[sz](?:ed|ing))\s+(?:(?:some|about|approximately|over|nearly|more than|its|their)\s+)*\d|"
    r"\b(?:destroy(?:ed|ing)|demilitari[sz](?:ed|ing))\s+(?:its|their|the)\s+(?:entire\s+|whole\s+)?stockpiles?\s+of\b|"
    r"\b(?:destroy(?:ed|ing)|demilitari[sz](?:ed|ing))\s+(?:its|their|the)\s+(?:last|remaining)\b"
)
KEPT_BACK = patterns.compile(
    r"\b(?:retain\w*|keep\w*|kept)\s+(?:\w+\s+){0,2}$"
)  # "keeping 2,000 for training"
RETAINED_WORDS = patterns.compile(r"\b(?:retained|kept for training|retains)\b")
# A count left after destruction: "leaving about 120,000", "120,000 remain", "… awaiting destruction"
LEAVING = patterns.compile(r"\b(?:leaving|leaves|left|with)\s+(?:a\s+)?$")
STILL_HELD = patterns.compile(
    r"(?:\s+\w+){0,2}\s+(?:remain\w*|awaiting destruction|still (?:held|stockpiled))\b"
)
HOLDS_NOW = patterns.compile(r"\b(?:still\s+)?(?:holds|has|possesses|maintains|keeps)\s+(?:\w+\s+){0,3}$")
HOLD_VERB = patterns.compile(r"holds?|held|stockpiled")
# the mines held, after the verb or a list of verbs ("never produced, stockpiled or used antipersonnel mines")
HELD_MINES = patterns.compile(
    r"(?:,?\s+(?:or|and|nor)?\s*\w+){0,3}?\s+(?:any\s+)?(?:anti-?personnel\s+)?(?:land)?mines\b"
)
# A stockpile held, its size untold: "holds a stockpile of mines for defensive purposes"
HOLDS = patterns.compile(
    r"\b(?:holds?|has|possess(?:es)?|maintains?|keeps?)\s+(?:a|an)\s+(?:\w+\s+)?stockpile\b|"
    r"\b(?:hold|possess|maintain|keep)\s+(?:large\s+|sizeable\s+|big\s+)?stockpiles\b|"  # "both … hold stockpiles"
    r"\b(?:size|extent|composition) of (?:its|their|[\w-]+['’]s) stockpile\b(?=[^.;]{0,25}\b(?:unknown|not known|"
    r"undisclosed|unclear|secret)\b)"  # "the size of Egypt's stockpile is unknown": one is held
)
EXPIRY = patterns.compile(r"\b(?:expire|expiry|become unusable|be completely unusable|obsolete)\b")
ANAPHOR = patterns.compile(
    r"\b(?:this|that|these|those)\s+(?:document|report|figure|number|table|source|list)\b|\bthe same\b|^\W*also\b"
)
PER_UNIT = patterns.compile(r"\s\[(\d{1,3})\]")
# Groups of words the run's scan of a sentence looks for (see ``Sentence.cues``): a cue of
# stocks, and the words DESTROYED needs.
CUES = {
    "stockpile.cue": ("stockpil", "stock", "inventory", "hold", "held", "stored", "arsenal"),
    "stockpile.destroyed": ("destroyed", "destroying", "demilitari", "destruction of"),
}
TABLE_CAPTION = patterns.compile(r"\b(?:stockpil\w*|stocks?\b|inventory\b)")


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table":
        return _table_row(s)
    destroyed = "stockpile.destroyed" in s.cues and DESTROYED.search(s.low)
    none = HOLDS_NONE.search(s.low)
    if destroyed and not s.negated(destroyed.end() - 1):
        # "…completed the destruction of its stockpile … and holds no stockpiled mines", "holds no stockpile:
        # its last mines were destroyed in 1999": the holding beside the destruction
        apart = none and (none.start() >= destroyed.end() or none.end() <= destroyed.start())
        return _remaining(s) + (_holds_none(s, none) if apart else [])
    cue = CUE.search(s.low) if "stockpile.cue" in s.cues else None
    out = _counts(s) if (cue or _continues_stockpile(s)) else []
    if out:
        return out
    if none:
        return _holds_none(s, none)
    if cue and HOLD_VERB.match(cue.group()) and s.negated(cue.start()) and HELD_MINES.match(s.low, cue.end()):
        # "The Defence Forces do not currently hold antipersonnel mines"
        return [
            s.fact(
                "stockpile", "antipersonnel mines", "stockpile.none@2", 0.7, polarity="denied", when=s.as_of()
            )
        ]
    if cue and re.search(r"\bno\s+stockpiles?\b", s.low) and s.negated(cue.end()):
        return [s.fact("stockpile", "antipersonnel mines", "stockpile.none@2", 0.6, polarity="denied")]
    holds = HOLDS.search(s.low) if cue else None
    if holds and not s.negated(holds.start()) and not hypothetical(s, holds.start()):
        return s.per_subject(  # "Neither China nor Russia …, and both … hold stockpiles": each
            s.fact(
                "stockpile",
                "held",
                "stockpile.held@1",
                0.6,
                when=s.period_near(s.start + holds.start(), clause=True) or s.as_of(),
            )
        )
    return _expiry(s) if cue else []


def _holds_none(s: Sentence, none: re.Match) -> list[Fact]:
    """A denied holding ("no longer holds any persistent mines", "holds no stockpiled mines"), dated by a
    period after it, else as the source writes."""
    persistent = "persistent" in none.group(0).lower()
    _lo, hi = s.clause_bounds(s.start + none.start())
    stop = CLAUSE_END.search(s.low, none.end())  # "holds no stockpile: its last … in 1999"
    hi = min(hi, s.start + stop.start()) if stop else hi
    after = [f.period for f in s.periods if s.start + none.start() <= f.start < hi]
    return [
        s.fact(
            "stockpile",
            "persistent mines" if persistent else "antipersonnel mines",
            "stockpile.none@2",
            0.75,
            polarity="denied",
            when=after[0] if after else s.as_of(),
        )
    ]


def _remaining(s: Sentence) -> list[Fact]:
    """What a destruction left: "…had destroyed 3,280,000 mines, leaving about 120,000 awaiting destruction"
    (not what is left of the mines retained for training: those are counted as retained)."""
    if RETAINED_WORDS.search(s.low):
        return []
    return [
        s.fact(
            "stockpile",
            q.number,
            "stockpile.remaining@2",
            0.75,
            unit="mines",
            approx=q.approx,
            when=s.period_near(q.start, clause=True) or s.period_near(q.start) or s.as_of(),
            attributes={"scope": "awaiting destruction"},
        )
        for q in s.quantities
        if q.unit in (None, "mines")
        and q.value >= 1
        and (
            LEAVING.search(s.low, max(0, q.start - s.start - 30), q.start - s.start)
            or STILL_HELD.match(s.low, q.end - s.start)
        )
    ]


def _counts(s: Sentence) -> list[Fact]:
    out = []
    counted = mine_quantities(s)
    # In a sentence about stocks, a large bare figure ("down from 1.5 million") counts mines.
    counted += [
        (q, [])
        for q in s.quantities
        if q.unit is None and q.value >= 1000 and all(q is not c for c, _t in counted)
    ]
    for q, types in sorted(counted, key=lambda c: c[0].start):
        if hypothetical(s, q.start - s.start):
            continue  # "…it would have had to destroy the stockpile of about 3 million mines"
        if kept_after(s, q) or KEPT_BACK.search(s.low, max(0, q.start - s.start - 30), q.start - s.start):
            continue  # "3,800 mines retained for training" are counted under retained
        local = q.start - s.start
        scope = SCOPE.search(s.low[max(0, local - 40) : local + 40])
        attrs = {}
        if scope:
            word = scope.group(1).lower()
            attrs["scope"] = SCOPES.get(word, "demilitarization" if word.startswith("demil") else word)
        out.append(
            s.fact(
                "stockpile",
                q.number,
                "stockpile.count@2",
                0.85,
                unit="mines",
                approx=q.approx,
                mine_types=types,
                when=_count_period(s, q),
                attributes=attrs,
            )
        )
    return out


def _count_period(s: Sentence, q) -> Period | None:
    """When a count held: the period in its clause, else the sentence before's, else the source's date.
    A count the source holds now ("still holds more than 3 million mines that it was obliged to destroy
    by 2010") is not dated by a deadline after it."""
    when = s.period_near(q.start, clause=True)
    if when is not None and when.precision == "until" and HOLDS_NOW.search(s.low, 0, q.start - s.start):
        return s.as_of()
    return when or _inherited(s) or s.as_of()


def _continues_stockpile(s: Sentence) -> bool:
    """A sentence carrying a count on from a stockpile sentence before it, in the same paragraph."""
    return bool(
        s.previous
        and "stockpile.cue" in s.previous.cues
        and CUE.search(s.previous.low)
        and CARRY.search(s.low)
    )


def _inherited(s: Sentence) -> Period | None:
    """'Also listed in this document are …': the date the previous sentence gave."""
    if s.previous and ANAPHOR.search(s.low[:60]):
        return s.previous.last_period
    return None


def _expiry(s: Sentence) -> list[Fact]:
    m = EXPIRY.search(s.low)
    if not m:
        return []
    when = s.period_near(s.start + m.start())
    if when is None:
        return []
    life = [q.number for q in s.quantities if q.unit == "years"]
    return [
        s.fact(
            "stockpile",
            "expiry",
            "stockpile.expiry@1",
            0.7,
            when=when,
            attributes={"shelf_life_years": life[0]} if life else {},
        )
    ]


def _table_row(s: Sentence) -> list[Fact]:
    """A row of a stockpile table: the types it names were held in the caption's year."""
    if not s.caption or not TABLE_CAPTION.search(s.caption.lower()) or s.text == s.caption:
        return []
    types = list(dict.fromkeys(m for _a, _b, m in s.mine_types))
    if not types:
        return []
    periods = s.ctx.caption_dates(s.caption)
    per_unit = PER_UNIT.search(s.low)
    attrs = {"mines_per_unit": int(per_unit.group(1))} if per_unit and len(types) == 1 else {}
    return [
        s.fact(
            "stockpile",
            "held",
            "stockpile.table@1",
            0.7,
            mine_types=types,
            when=periods[0].period if periods else None,
            attributes=attrs,
        )
    ]
