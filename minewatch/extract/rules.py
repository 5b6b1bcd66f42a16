"""Shared sentence tests the indicator extractors build on."""

from __future__ import annotations

import re

from minewatch.extract import patterns
from minewatch.extract.context import Sentence
from minewatch.extract.numbers import Quantity

# A sentence that states what a policy or law allows or forbids is about policy,
# not practice: "the policy allows the US to produce" is no production.
POLICY_FRAME = patterns.compile(  # one "\b" before all the alternatives: the same matches, found faster
    r"\b(?:(?:polic(?:y|ies)|law|directive|moratorium|faqs?|fact sheet|doctrine)\b[^.;]{0,80}?\b(?:allow|permit|ban|"
    r"prohibit|commit|halt|preclude|lower|abandon|authori[sz]|(?<!united )state|require|envisage|envision|relax)|"
    r"(?:committed|commits|pledged|promised)\b[^.]{0,20}\b(?:to|not to|that)\b|under the \d{4} policy\b|"
    r"(?:would|will) (?:no longer|not) (?:develop|use|produce)\b|requirements? (?:to|that|for)\b)"
)
# POLICY_FRAME's opening words, one of which a sentence needs before it runs (see ``Sentence.cues``).
CUES = {
    "policy_frame": (
        ("polic", "law", "directive", "moratorium", "faq", "fact sheet", "doctrine", "committed", "commits")
        + ("pledged", "promised", "under the", "would", "will", "requirement")
    ),
    # MODAL's and MODAL_AFTER's words: a sentence with none of them states nothing hypothetical
    "modal": (
        ("could", "would", "might", "may", "should", "shall", "can", "will", "intend", "plan", "envision")
        + ("consider", "if", "whether", "in the event of", "allow", "permit", "need", "seek", "expect")
        + (
            "supposed to",
            "cited the need",
            "hypothetical",
            "future",
            "urg",
            "encourag",
            "called on",
            "call on",
            "calls on",
            "call upon",
            "calls upon",
            "called upon",
        )
        + ("calls on", "appeal", "invit", "set to", "due to", "aims to")
    ),
}
MAY = r"(?<!\d )(?<!in )may(?!\s+\d)"  # the verb, not the month ("14 May 2025", "in May")
MODAL = patterns.compile(
    r"\b(?:could|would|might|"
    + MAY
    + r"|should|shall|can|will|intends? to|plans? to|envision\w*|consider\w*|"
    r"if|whether|in the event of|allow\w*|permit\w*|need\w* (?:for|to)|seek\w* to|expect(?:s|ed|ing)? to|supposed to|"
    r"cited the need|hypothetical\w*|future|plans? for|(?:is|are|was|were) (?:set|due) to|aims? to|"
    r"(?:urg|encourag|invit)(?:ed|es|e|ing)|call(?:ed|s|ing)? (?:on|upon)|appeal(?:ed|s|ing)? to)\b"
)
# Literal openings only ("b", "t" with the word boundary tested after them), so that the regex
# engine skips ahead to one of them.
CLAUSE_START = patterns.compile(
    r";|:|—|,\s*(?:but|while|and|which|although)\b|(?:b(?<!\w.)ut|t(?<!\w.)hat)\b"
)
MODAL_AFTER = patterns.compile(
    r"\w+(?:\s+(?:of\s+)?(?:anti-?personnel\s+)?(?:land)?mines)?\s+(?:will|would|could|" + MAY + r"|might)\b"
)


def qualifier(q: Quantity) -> str | None:
    return q.approx


def about_policy(s: Sentence) -> bool:
    """Whether the sentence states what a policy or law allows (asked by several extractors: kept)."""
    found = s.__dict__.get("_about_policy")
    if found is None:
        found = s.__dict__["_about_policy"] = "policy_frame" in s.cues and bool(POLICY_FRAME.search(s.low))
    return found


# An inverted condition opening the sentence: "Had the administration acceded to the treaty, it would …"
INVERTED = patterns.compile(r"\W*(?:had|were|should)\s+(?:the\s+)?\w+(?:\s+\w+)?\s+\w+[^,;]{0,80},")


def hypothetical(s: Sentence, trigger: int, window: int = 150) -> bool:
    """A modal or conditional governs the trigger (offset into the sentence text).

    Looks back to the start of the trigger's clause, and at the verb right after a
    noun trigger ("the use of landmines will not be a default option").
    """
    if s.low[:1] in "hws" and INVERTED.match(s.low):
        return True
    if "modal" not in s.cues:
        return False
    span = s.low[max(0, trigger - window) : trigger]
    breaks = list(CLAUSE_START.finditer(span))
    clause = span[breaks[-1].start() :] if breaks else span
    return bool(MODAL.search(clause)) or bool(MODAL_AFTER.match(s.low, trigger))


def mine_quantities(s: Sentence) -> list[tuple[Quantity, list[str]]]:
    """Quantities of mines, each with the catalogued types named right after it.

    A bare count in parentheses after a named category ("“demil” (6,528,568)")
    counts mines too when the sentence is about a number of mines.
    """
    out = []
    for q in s.quantities:
        types = [m for ms, _me, m in s.mine_types if 0 <= ms - q.end <= 3 or q.start <= ms < q.end]
        if q.unit == "mines" or (q.unit is None and types):
            out.append((q, types))
    if out:
        for q in s.quantities:
            local = q.start - s.start
            if (
                q.unit is None
                and local
                and s.low[local - 1] == "("
                and s.low[q.end - s.start : q.end - s.start + 1] == ")"
            ):
                out.append((q, []))
    return sorted(out, key=lambda p: p[0].start)


# Right after a count, words that make it mines kept back, not held or destroyed:
# "2,000 antipersonnel mines retained", "1,500 mines kept for training".
KEPT_AFTER = patterns.compile(
    r"\s*(?:\w+\s+){0,2}?(?:retained|kept for|held for training)\b|"
    r"(?:\s+\w+)?,\s+(?:all|most|many) of (?:them|which)\s+(?:are\s+|were\s+)?(?:retained|kept|held)\s+for\b"
)  # "3,580 antipersonnel mines, all of them kept for training"


def kept_after(s: Sentence, q: Quantity) -> bool:
    """Whether the words right after quantity ``q`` say its mines are kept back (see KEPT_AFTER)."""
    return KEPT_AFTER.match(s.low, q.end - s.start) is not None


# "…never exported mines, and has not produced them": a pronoun object standing for mines named before
PRONOUN_OBJECT = patterns.compile(r"\s+(?:them|these|those)\b")


def mines_by_pronoun(s: Sentence, verb: re.Match, mines: re.Pattern) -> bool:
    """Whether ``verb``'s object is a pronoun and ``mines`` finds what it stands for before the verb."""
    return (
        PRONOUN_OBJECT.match(s.low, verb.end()) is not None
        and mines.search(s.low, 0, verb.start()) is not None
    )


def money(s: Sentence) -> list[Quantity]:
    return [q for q in s.quantities if q.unit == "USD"]


def mentions_mines(s: Sentence) -> bool:
    return bool(MINES.search(s.low)) or bool(s.mine_types)


MINES = patterns.compile(r"\b(?:(?:anti-?personnel|land)?\s?mines?\b|minefields?\b|landmines?\b)")
