"""Shared sentence tests the indicator extractors build on."""

from __future__ import annotations

import re

from minewatch.extract.context import Sentence
from minewatch.extract.numbers import Quantity

CANONICAL_QUALIFIERS = {
    "just more than": "just over",
    "slightly more than": "just over",
    "slightly over": "just over",
    "over": "more than",
    "in excess of": "more than",
    "almost": "nearly",
    "close to": "nearly",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "estimated": "approximately",
    "fewer than": "less than",
    "under": "less than",
    "as many as": "up to",
    "at most": "up to",
    "a total of": None,
    "an additional": None,
}
# A sentence that states what a policy or law allows or forbids is about policy,
# not practice: "the policy allows the US to produce" is no production.
POLICY_FRAME = re.compile(
    r"\b(?:polic(?:y|ies)|law|directive|moratorium|FAQs?|fact sheet)\b[^.]{0,80}?\b(?:allow|permit|ban|prohibit|"
    r"commit|halt|preclude|lower|abandon|authori[sz]|state|require|envisage|envision)",
    re.IGNORECASE,
)
MODAL = re.compile(
    r"\b(?:could|would|might|may|should|will|shall|can|intends? to|plans? to|envision\w*|consider\w*|"
    r"if|whether|allow\w*|permit\w*|need\w* to|seek\w* to)\b",
    re.IGNORECASE,
)
MINES_NEAR = 40


def qualifier(q: Quantity) -> str | None:
    if q.approx is None:
        return None
    return CANONICAL_QUALIFIERS.get(q.approx, q.approx)


def about_policy(s: Sentence) -> bool:
    return bool(POLICY_FRAME.search(s.text))


def hypothetical(s: Sentence, trigger: int) -> bool:
    """A modal or conditional governs the trigger (offset into the sentence text)."""
    clause = s.text[max(0, trigger - 50) : trigger]
    return bool(MODAL.search(clause))


def mine_quantities(s: Sentence) -> list[tuple[Quantity, list[str]]]:
    """Quantities of mines, each with the catalogued types named right after it."""
    out = []
    for q in s.quantities:
        types = [m for ms, _me, m in s.mine_types if 0 <= ms - q.end <= 3 or q.start <= ms < q.end]
        if q.unit == "mines" or (q.unit is None and types):
            out.append((q, types))
    return out


def money(s: Sentence) -> list[Quantity]:
    return [q for q in s.quantities if q.unit == "USD"]


def first(pattern: re.Pattern, text: str) -> re.Match | None:
    return pattern.search(text)
