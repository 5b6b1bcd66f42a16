"""``transfer``: exports, imports and export moratoria."""

from __future__ import annotations

import re

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.extract.rules import about_policy, hypothetical, mine_quantities
from minewatch.model import Fact

# Words one of which a sentence must contain before the patterns run (lower case).
KEYWORDS = ("export", "import", "transfer", "sold", "sell", "moratori", "suppl", "ship", "receiv", "provid")
VERB = patterns.compile(
    r"\b(?:export\w*|import\w*|transferr?\w*|sold|sell\w*|suppl(?:y|ied|ies|ying)|ship(?:s|ped|ping)?)\b"
)
# An object that is mines, not mine action: "antipersonnel landmines", "Claymore mines", "mines".
# Receiving or providing is a transfer only with mines as its object: "received mines from North Korea"
RECEIVED = patterns.compile(
    r"\b(?:receiv|provid)(?:e|ed|es|ing)\s+(?:\w+\s+){0,3}?(?:anti-?personnel\s+)?(?:land)?mines\b"
)
MINES = patterns.compile(r"\b(?:(?:anti-?personnel\s+)?(?:land)?mines|anti-?personnel\s+(?:land)?mine)\b")
OBJECT_WINDOW = 80
EARLIER = patterns.compile(r"\b(?:previously|earlier|formerly|once|had)\b[^.]{0,20}$")
TO_STATE = patterns.compile(r"\b(?:to|for)\s+(?:the\s+)?$")  # "… mines to Ukraine"
SUPPLIED_STATE = patterns.compile(r"\bsuppl(?:y|ied|ies|ying)\s+(?:the\s+)?$")  # "supplied Ukraine with …"
MORATORIUM = patterns.compile(
    r"\b(?:moratori(?:um|a)\b|prohibit\w*\s+(?:any\s+|all\s+)?exports?\b|ban\w*\s+(?:on\s+)?exports?\b)"
)


def extract(s: Sentence) -> list[Fact]:
    if s.kind == "table":
        return []
    verb = VERB.search(s.low) or RECEIVED.search(s.low)
    if not verb:
        return []
    when = s.periods[0].period if s.periods else None
    moratorium = MORATORIUM.search(s.low)
    if moratorium and not hypothetical(s, moratorium.start()):
        held = [s.fact("transfer", "export moratorium", "transfer.moratorium@2", 0.8, when=when)]
        if verb.start() < moratorium.start() and s.negated(
            verb.start()
        ):  # "has not exported … since 1997, under a moratorium"
            held += s.per_subject(
                s.fact(
                    "transfer", "transfer", "transfer.none@2", 0.75, polarity="denied", when=when or s.as_of()
                )
            )
        return held
    if about_policy(s) or hypothetical(s, verb.start()):
        return []
    if s.negated(verb.start()):
        _lo, hi = s.clause_bounds(s.start + verb.start())
        own = [
            f.period for f in s.periods if s.start + verb.start() <= f.start < hi
        ]  # "…, and has not exported them since 1992"
        return s.per_subject(
            s.fact(
                "transfer",
                "transfer",
                "transfer.none@2",
                0.75,
                polarity="denied",
                when=(own[0] if own else when) or s.as_of(),
            )
        )
    countries = [q for q in s.quantities if q.unit == "countries"]
    counted = mine_quantities(s)
    if not counted:
        return _event(s, verb, when)
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
            attributes={
                "direction": "import" if verb.group(0).lower().startswith(("import", "receiv")) else "export"
            }
            | ({"countries": countries[0].number} if countries else {}),
        )
        for q, types in counted
    ]


def _event(s: Sentence, verb: re.Match, when) -> list[Fact]:
    """A transfer without a count: "authorized the transfer of antipersonnel landmines to Ukraine",
    "had supplied Ukraine with Claymore mines". It needs mines as the object and a state receiving them."""
    if not MINES.search(s.low, verb.end(), verb.end() + OBJECT_WINDOW):
        return []
    recipient = next(
        (
            code
            for a, _b, code in s.states
            if a - s.start > verb.start()
            and code != s.state
            and (
                TO_STATE.search(s.low, max(0, a - s.start - 12), a - s.start)
                or SUPPLIED_STATE.search(s.low, max(0, a - s.start - 16), a - s.start)
            )
        ),
        None,
    )
    if recipient is None:
        return []
    types = sorted({m for *_, m in s.mine_types})
    earlier = EARLIER.search(s.low, max(0, verb.start() - 30), verb.start())  # "had previously supplied"
    return [
        s.fact(
            "transfer",
            "transfer",
            "transfer.event@1",
            0.7,
            mine_types=types,
            when=when or (None if earlier else s.as_of()),
            attributes={"direction": "export", "recipient": recipient},
        )
    ]
