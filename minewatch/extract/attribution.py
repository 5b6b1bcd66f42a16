"""Who a sentence is about.

A document has a subject state (the profile's title, or the state it names
most). A sentence is attributed to another state only when that state is its
grammatical subject: named near the start, after any opening adverbial
("In 2019, …"), and not as a place ("in Iraq") or a possessive of a place.
"""

from __future__ import annotations

import re

SUBJECT_ZONE = 60  # characters from the sentence start where a subject is named
LEAD = re.compile(
    r"^[\"“]?(?:(?:In|On|By|Since|As of|During|After|Before|Previously|However|Moreover|Also|Today|Yet|But|"
    r"First|Finally|Notably|Meanwhile)\b[^,]{0,40},\s*)*(?:the\s+)?(?:government of\s+|authorities of\s+)?",
    re.IGNORECASE,
)
PLACE = re.compile(
    r"\b(?:in|at|to|from|of|with|near|into|across|inside|outside|on)\s+(?:the\s+)?$", re.IGNORECASE
)


def subject_state(
    text: str, mentions: list[tuple[int, int, str]], offset: int, default: str | None
) -> str | None:
    if not mentions:
        return default
    lead = LEAD.match(text)
    head = lead.end() if lead else 0
    start, _end, code = mentions[0]
    local = start - offset
    if local > head + 4 or local >= SUBJECT_ZONE:
        return default
    if PLACE.search(text[max(0, local - 12) : local]):
        return default
    return code
