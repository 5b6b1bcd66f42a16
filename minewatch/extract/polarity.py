"""Negation: "has not used … since 1991" is a denied use, never an affirmed one."""

from __future__ import annotations

import re

NEGATION = re.compile(
    r"\b(?:not|never|no longer|no|none|nor|neither|without|refused to|refuses to|declined to|"
    r"has yet to|ceased|halt(?:ed|ing)?|ban(?:ned|ning|s)?|prohibit(?:ed|s|ing)?|moratorium)\b|n['’]t\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|while|whereas|although|and)\b|\bbut\b|\bwhile\b")


def _clause_before(text: str, trigger: int, window: int) -> str:
    span = text[max(0, trigger - window) : trigger]
    breaks = list(CLAUSE_BREAK.finditer(span))
    return span[breaks[-1].end() :] if breaks else span


def negation_word(text: str, trigger: int, window: int = 70) -> str | None:
    """The last negation governing the word at ``trigger`` (an offset into ``text``), if any.

    Looks back from the trigger to the start of its clause, at most ``window`` characters.
    """
    found = NEGATION.findall(_clause_before(text, trigger, window))
    return found[-1].lower() if found else None


def negated(text: str, trigger: int, window: int = 70) -> bool:
    return negation_word(text, trigger, window) is not None
