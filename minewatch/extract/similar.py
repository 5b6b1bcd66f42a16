"""Decisions taken "similarly": "Estonia, Latvia and Poland announced similar decisions in March".

A sentence whose states took "a similar decision" (step, move, contract …) states no event of its
own; it repeats one the text has just told. Each of its states gets that event, dated by the
sentence, quoting the sentence, at a lower confidence than a fact read directly.
"""

from __future__ import annotations

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.model import Fact

SIMILAR = patterns.compile(
    r"\b(?:a |the )?(?:similar|same|comparable|identical)\s+"
    r"(?P<noun>decisions?|steps?|moves?|announcements?|contracts?|deals?|orders?|laws?|bills?|policy|policies)\b"
)
# What the earlier sentence must say for its event to be the one referred to, by the noun's stem.
ANTECEDENT = {
    "contract": patterns.compile(r"\b(?:contract|deal|order)"),
    "deal": patterns.compile(r"\b(?:contract|deal|order)"),
    "order": patterns.compile(r"\b(?:contract|deal|order)"),
    "law": patterns.compile(r"\b(?:law|bill|legislation|parliament)"),
    "bill": patterns.compile(r"\b(?:law|bill|legislation|parliament)"),
    "polic": patterns.compile(r"\b(?:polic|directive)"),
}
DECISION = patterns.compile(r"\b(?:announc|decid|decision|will withdraw|approv|vot)")
CARRIED = ("treaty_status", "production", "transfer", "destruction", "policy")
WINDOW = 2000  # characters back in which the event referred to is looked for


def carry(sentences: list[Sentence], facts: list[Fact]) -> list[Fact]:
    """The events that sentences saying "similar decisions" repeat, for each of their states."""
    out: list[Fact] = []
    for s in sentences:
        m = s.kind == "body" and _has_word(s.low) and SIMILAR.search(s.low)
        if not m:
            continue
        told = _antecedent(s, m.group("noun"), facts)
        for f in told:
            when = s.periods[0].period if s.periods else s.as_of()
            out += s.per_subject(
                s.fact(
                    f.indicator, f.value, "similar.event@1", 0.55, when=when, attributes=dict(f.attributes)
                )
            )
    return out


def _has_word(low: str) -> bool:
    """A cheap test before SIMILAR runs: one of its words is in ``low`` (tests spelled out, as a
    generator over the words would cost more than they do)."""
    return "same" in low or "similar" in low or "comparable" in low or "identical" in low


def _antecedent(s: Sentence, noun: str, facts: list[Fact]) -> list[Fact]:
    """The affirmed events of the nearest earlier sentence that tells of what ``noun`` names."""
    cue = next((p for stem, p in ANTECEDENT.items() if noun.startswith(stem)), DECISION)
    earlier = [
        f
        for f in facts
        if s.start - WINDOW <= f.start < s.start
        and f.indicator in CARRIED
        and f.polarity == "affirmed"
        and isinstance(f.value, str)
        and cue.search(f.quote.lower())
    ]
    if not earlier:
        return []
    last = max(f.start for f in earlier)
    return [f for f in earlier if f.start == last][:1]
