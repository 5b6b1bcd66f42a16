"""Negation: "has not used … since 1991" is a denied use, never an affirmed one.

A trigger (the verb or noun an extractor keys on) is denied when a negation
governs it: a negator earlier in the same clause ("has not used", "no longer
holds", "never ratified", "refused to join", "no funding for new mines"), or
a negated frame around it ("there is no suggestion that … used"). Words that
only look negative ("the Mine Ban Treaty", "prohibits" in a policy) are left to
the extractors, which know whether a ban is a fact or a rule.
"""

from __future__ import annotations

from minewatch.extract import patterns

NEGATION = patterns.compile(
    r"\b(?:not|cannot|never|no longer|no|none|nor|neither|without|"
    r"refus(?:ed|es|ing) to|declin(?:ed|es|ing) to|fail(?:ed|s)? to|has yet to|have yet to|"
    r"ceased|stopped|ended|halt(?:ed|ing)?|den(?:y|ies|ied|ying) that|reject(?:ed|s|ing)? (?:claims|allegations|reports) that)\b|"
    r"n['’]t\b"
)
# A clause ends at these; a negation before them does not reach past.
CLAUSE_BREAK = patterns.compile(
    r"[;:]|—|,\s*(?:but|while|whereas|although|and|which|who|as)\b|"
    r"\band (?=(?:has|have|had|is|are|was|were|did|does)\b)|"  # "is not party and has used": a new predicate
    r",\s*(?:the (?:first|last) )?since\b|"  # "…, the first since its withdrawal took effect on 20 December"
    r"\b(?:but\b|while\b|whereas\b|with the(?: \w+)? exception\b|except\b|since (?:the|it|they|we|he|she)\b)"
)
# The end of a relative clause of a verb and its object ("…, which has not joined the treaty
# either, last reported …"): a negation inside it governs nothing after it. A bare verb list
# ("which has not used, produced or …") does not close it.
RELATIVE_OPEN = patterns.compile(r",\s*(?:which|who)\b")
RELATIVE_CLOSE = patterns.compile(
    r"[^,]*?\b(?:not|never|no longer|yet)\s+\w+\s+\w+[^,]*,\s+(?!(?:or|and|nor|but)\b)"
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
    + (
        "has yet",
        "have yet",
        "ceased",
        "stopped",
        "ended",
        "halt",
        "deny",
        "denies",
        "denied",
        "denying",
        "reject",
    )
}
# Negators that govern a following noun, not a verb: "no minefields", "no funding for".
NOT_BEFORE = patterns.compile(r"\b(?:not only|no doubt|no matter|not least|nothing but|no sooner)\b")


def relative_closes(low: str) -> list[tuple[int, int]]:
    """Spans of the commas that close a relative clause of a negated verb and its object in ``low``."""
    out = []
    for m in RELATIVE_OPEN.finditer(low):
        closed = RELATIVE_CLOSE.match(low, m.end())
        if closed:
            out.append((m.end() + closed.group().rfind(","), closed.end()))
    return out


def _clause_before(text: str, trigger: int, window: int) -> str:
    span = text[max(0, trigger - window) : trigger]
    breaks = list(CLAUSE_BREAK.finditer(span))
    clause = span[breaks[-1].end() :] if breaks else span
    if breaks and breaks[-1].group().rstrip().endswith(("which", "who")):
        closed = RELATIVE_CLOSE.match(clause)
        if closed:  # "North Korea, which has not joined the treaty, last reported producing …"
            return clause[closed.end() :]
    return clause


def negation_word(text: str, trigger: int, window: int = 80) -> str | None:
    """The last negation governing the word at ``trigger`` (an offset into ``text``), if any.

    Looks back from the trigger to the start of its clause, at most ``window`` characters.
    """
    clause = NOT_BEFORE.sub(lambda m: " " * len(m.group(0)), _clause_before(text, trigger, window))
    found = NEGATION.findall(clause)
    return found[-1].lower() if found else None


def negated(text: str, trigger: int, window: int = 80) -> bool:
    return negation_word(text, trigger, window) is not None
