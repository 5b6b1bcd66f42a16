"""Patterns rewritten so Python's regex engine runs them faster, matching exactly the same.

A pattern opening with ``\\b`` makes the engine test the boundary at every position of the
text. The same pattern as alternatives that each open with a literal letter, the boundary
tested after it (``(?<!\\w.)``: no word character before the letter), lets the engine skip
ahead to the next of those letters with a character-set search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD_START = r"(?<!\w.)"  # after a word's first character: that no word character precedes it
QUANTIFIERS = ("?", "*", "+", "{")
# Groups other than plain non-capturing ones and lookarounds (capturing groups, named groups,
# inline flags) or backreferences: copying a piece of the pattern could change what they do.
UNSAFE = re.compile(r"\((?!\?:|\?=|\?!|\?<=|\?<!)|\\\d")


# Every pattern ``compile`` rewrote: (source, flags, pattern), for tests to hold them equal.
REWRITTEN: list[tuple[str, int, re.Pattern]] = []


def compile(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)``, as ``literal_first``'s alternatives where it can rewrite it.

    Not under IGNORECASE (a cased letter gives the engine no character to skip to) or VERBOSE.
    """
    found = None if flags & (re.IGNORECASE | re.VERBOSE) else literal_first(source)
    if found is None:
        return re.compile(source, flags)
    pattern = re.compile("|".join(found), flags)
    REWRITTEN.append((source, flags, pattern))
    return pattern


def literal_first(source: str) -> list[str] | None:
    """``source``, a pattern opening with ``\\b``, as alternatives in the same order, each
    opening with a literal letter and testing the boundary after it; None where it cannot be.

    "\\b(?:did not|refused to) sign" becomes "d(?<!\\w.)id not sign", "r(?<!\\w.)efused to sign":
    a leading group of alternatives is spread over what follows it, which tries the same
    alternatives in the same order.
    """
    if not source.startswith(r"\b") or UNSAFE.search(source) or len(alternatives(source)) != 1:
        return None  # "\ba|b" tests the boundary before "a" only
    body = source[2:]
    first = body[:1]
    if first.isalnum() and body[1:2] not in QUANTIFIERS:
        return [first + WORD_START + body[1:]]
    if not body.startswith("(?:"):
        return None
    end = _group_end(body)
    if end is None:
        return None
    rest = body[end:]
    if rest[:1] in QUANTIFIERS:
        return None
    out: list[str] = []
    for alternative in alternatives(body[3 : end - 1]):
        found = literal_first(r"\b" + alternative + rest)
        if found is None:
            return None
        out += found
    return out


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of ``source``."""
    cuts = [i for i, c, level in _structure(source) if c == "|" and level == 0]
    return [source[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(source)], strict=True)]


def _group_end(source: str) -> int | None:
    """The offset just past the group ``source`` opens with."""
    return next((i + 1 for i, c, level in _structure(source) if c == ")" and level == 0), None)


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """Each character outside escapes and classes, with its offset and its depth in groups
    (a parenthesis counts as outside the group it opens or closes)."""
    level, i = 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
            continue
        if c == ")":
            level -= 1
        yield i, c, level
        if c == "(":
            level += 1
        i += 1


def _class_end(source: str, i: int) -> int:
    """The offset just past the character class opening at ``source[i]``."""
    j = i + 1
    if source[j : j + 1] == "^":
        j += 1
    if source[j : j + 1] == "]":  # a "]" first is a member, not the end
        j += 1
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1
