"""Negation: "has not used … since 1991" is a denied use, never an affirmed one.

A trigger (the verb or noun an extractor keys on) is denied when a negation
governs it: a negator earlier in the same clause ("has not used", "no longer
holds", "never ratified", "refused to join", "no funding for new mines"), or
a negated frame around it ("there is no suggestion that … used"). Words that
only look negative ("the Mine Ban Treaty", "prohibits" in a policy) are left to
the extractors, which know whether a ban is a fact or a rule.
"""

from __future__ import annotations

import re

NEGATION = re.compile(
    r"\b(?:not|cannot|never|no longer|no|none|nor|neither|without|"
    r"refus(?:ed|es|ing) to|declin(?:ed|es|ing) to|fail(?:ed|s)? to|has yet to|have yet to|"
    r"ceased|stopped|ended|halt(?:ed|ing)?)\b|n['’]t\b"
)
# A clause ends at these; a negation before them does not reach past.
CLAUSE_BREAK = re.compile(
    r"[;:]|—|,\s*(?:but|while|whereas|although|and|which|who|as)\b|"
    r"\band (?=(?:has|have|had|is|are|was|were|did|does)\b)|"  # "is not party and has used": a new predicate
    r",\s*(?:the (?:first|last) )?since\b|"  # "…, the first since its withdrawal took effect on 20 December"
    r"\b(?:but\b|while\b|whereas\b|with the(?: \w+)? exception\b|except\b|since (?:the|it|they|we|he|she)\b)"
)
# NEGATION's words, for the run's scan of a sentence (see ``Sentence.cues``); "n't" is tested apart.
CUES = {
    "negation": (
        "not",
        "cannot",
        "never",
        "no",
        "none",
        "nor",
        "neither",
        "without",
        "refus",
        "declin",
        "fail",
    )
    + ("has yet", "have yet", "ceased", "stopped", "ended", "halt")
}
# Negators that govern a following noun, not a verb: "no minefields", "no funding for".
NOT_BEFORE = re.compile(r"\b(?:not only|no doubt|no matter|not least|nothing but|no sooner)\b")


def _clause_before(text: str, trigger: int, window: int) -> str:
    span = text[max(0, trigger - window) : trigger]
    breaks = list(CLAUSE_BREAK.finditer(span))
    return span[breaks[-1].end() :] if breaks else span


def negation_word(text: str, trigger: int, window: int = 80) -> str | None:
    """The last negation governing the word at ``trigger`` (an offset into ``text``), if any.

    Looks back from the trigger to the start of its clause, at most ``window`` characters.
    """
    clause = NOT_BEFORE.sub(lambda m: " " * len(m.group(0)), _clause_before(text, trigger, window))
    found = NEGATION.findall(clause)
    return found[-1].lower() if found else None


def negated(text: str, trigger: int, window: int = 80) -> bool:
    return negation_word(text, trigger, window) is not None
