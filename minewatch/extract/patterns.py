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
BACKREFERENCE = re.compile(r"\\\d|\(\?P=")
# A group a rewrite can open with: plain, capturing or named.
GROUP_OPENING = re.compile(r"\((?:\?:|\?P<\w+>|(?!\?))")
# One literal character: a letter, a digit, punctuation with no meaning in a pattern, or escaped.
LITERAL = re.compile(r"[^\\.^$*+?{}\[\]|()]|\\[^A-Za-z0-9]")
# A character class of plain characters only (no ranges, escapes of letters or negation), and
# the most characters one is spread into.
CLASS = re.compile(r"\[((?:[^\]\\^-]|\\[^A-Za-z0-9])+)\]")
MAX_CLASS = 8
# The literal opening of a rewritten alternative that starts a word: its first letter, the
# boundary test and any look-behinds, then the letters and spaces that follow.
OPENING_WORD = re.compile(
    r"(?P<first>[a-z0-9])\(\?<!\\w\.\)(?:\(\?<[!=](?:\\.|[^()])*\))*(?P<rest>[a-z0-9 ]*)"
)
# What opens a literal-first alternative: its character, then the look-behinds tested after it.
OPENING = re.compile(
    r"(?P<first>[^\\.^$*+?{}\[\]|()]|\\[^A-Za-z0-9])(?![?*+{])(?:\(\?<[!=](?:\\.|\[(?:\\.|[^\]\\])*\]|[^()])*\))*"
)
# A fixed-width look-behind opening an alternative: no quantifier, group or choice inside.
LOOKBEHIND = re.compile(r"\(\?<(?P<sign>[!=])(?P<body>(?:\\.|\[(?:\\.|[^\]\\])*\]|[^()|?*+{}\\\[])+)\)")


# Every pattern ``compile`` rewrote: (source, flags, pattern), for tests to hold them equal.
REWRITTEN: list[tuple[str, int, re.Pattern]] = []


def compile(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)``, as ``literal_first``'s alternatives where it can rewrite it.

    Not under IGNORECASE (a cased letter gives the engine no character to skip to) or VERBOSE.
    """
    found = None if flags & (re.IGNORECASE | re.VERBOSE) else literal_first(source)
    if found is None or found == alternatives(source):
        return re.compile(source, flags)
    pattern = re.compile("|".join(by_first_character(found)), flags)
    REWRITTEN.append((source, flags, pattern))
    return pattern


def by_first_character(found: list[str]) -> list[str]:
    """Literal-first alternatives opening with the same character joined into one, and the
    tests after that character written once where they all share them: the engine then
    tests a candidate position once, not once for each alternative.

    Alternatives opening with different characters never match at the same position, so
    their order does not matter; those sharing a character keep theirs. A capturing group
    opens with any of its characters: alternatives are then left as they are.
    """
    openings = [OPENING.match(a) for a in found]
    if not all(openings):
        return found
    groups: dict[str, list[tuple[str, str]]] = {}  # first character -> (tests after it, the rest)
    for alternative, opening in zip(found, openings, strict=True):
        first = opening["first"]
        groups.setdefault(first, []).append((opening.group(0)[len(first) :], alternative[opening.end() :]))
    out = []
    for first, parts in groups.items():
        if len(parts) == 1:
            out.append(first + "".join(parts[0]))
        elif len({tests for tests, _rest in parts}) == 1:
            out.append(first + parts[0][0] + "(?:" + "|".join(rest for _tests, rest in parts) + ")")
        else:
            out.append(first + "(?:" + "|".join(tests + rest for tests, rest in parts) + ")")
    return out


def literal_first(source: str) -> list[str] | None:
    """``source`` as alternatives in the same order, each opening with a literal letter; None
    where it cannot be rewritten.

    Each top-level alternative opens with a letter already, or with ``\\b`` (after fixed-width
    look-behinds, if any), which moves after the letter that follows it. A leading group of
    alternatives is spread over what follows it, which tries the same alternatives in the same
    order: "\\b(?:did not|refused to) sign" becomes "d(?<!\\w.)id not sign", "r(?<!\\w.)efused to
    sign". A capturing group is rewritten inside, so that it is not copied:
    "\\b(?P<vote>abstain|voted)" becomes "(?P<vote>a(?<!\\w.)bstain|v(?<!\\w.)oted)".
    """
    if BACKREFERENCE.search(source):
        return None
    out: list[str] = []
    for alternative in alternatives(source):
        found = _literal_first(alternative)
        if found is None:
            return None
        out += found
    return out


def _literal_first(source: str, behind: str = "", boundary: bool = False) -> list[str] | None:
    """One alternative as literal-first alternatives.

    ``behind`` holds the look-behinds and ``boundary`` the ``\\b`` that stood before it: both
    are tested after the first character, each look-behind widened by that character.
    """
    while True:  # zero-width tests first: "\\b", fixed-width look-behinds
        if source.startswith(r"\b"):
            source, boundary = source[2:], True
            continue
        lookbehind = LOOKBEHIND.match(source)
        if not lookbehind:
            break
        source, behind = source[lookbehind.end() :], behind + f"(?<{lookbehind['sign']}{lookbehind['body']}.)"
    literal = LITERAL.match(source)
    if literal and source[literal.end() : literal.end() + 1] not in QUANTIFIERS:
        if boundary and not literal.group(0).isalnum():
            return None  # a boundary before punctuation asks for a word before it
        return [literal.group(0) + (WORD_START if boundary else "") + behind + source[literal.end() :]]
    members = CLASS.match(source)
    if members:  # "[;:]": one alternative per character, each followed by the rest
        rest = source[members.end() :]
        chars = re.findall(r"\\.|.", members.group(1))
        if rest[:1] in QUANTIFIERS or len(chars) > MAX_CLASS or UNSAFE.search(rest):
            return None
        return _spread(chars, rest, behind, boundary)
    opening = GROUP_OPENING.match(source)
    end = _group_end(source) if opening else None
    if end is None:
        return None
    inside, rest = source[opening.end() : end - 1], source[end:]
    optional = rest[:1] == "?" and rest[1:2] not in ("?", "+")
    if UNSAFE.search(inside) or (rest[:1] in QUANTIFIERS and not optional):
        return None
    if opening.group(0) != "(?:":  # a capturing group: rewritten inside, so that it is not copied
        if optional:
            return None
        parts = [_literal_first(a, behind, boundary) for a in alternatives(inside)]
        if None in parts:
            return None
        return [opening.group(0) + "|".join(x for part in parts for x in part) + ")" + rest]
    if optional:  # "(?:a|b)?c" tries "ac", "bc", then "c"
        return _spread([*alternatives(inside), ""], rest[1:], behind, boundary)
    return _spread(alternatives(inside), rest, behind, boundary)


def _spread(choices: list[str], rest: str, behind: str, boundary: bool) -> list[str] | None:
    """Each of ``choices`` followed by a copy of ``rest``, as literal-first alternatives, in order."""
    if UNSAFE.search(rest):
        return None
    parts = [_literal_first(choice + rest, behind, boundary) for choice in choices]
    return None if None in parts else [x for part in parts for x in part]


def opening_words(source: str) -> tuple[str, ...] | None:
    """The words, one of which opens every match of ``source`` at a word start, for a scan of
    cue words to rule the pattern out; None where some alternative opens otherwise.

    ``source`` as written: the words of a pattern ``compile`` has joined by first character
    would be cut at that character.
    """
    found = literal_first(source)
    words = []
    for alternative in found or [""]:
        m = OPENING_WORD.match(alternative)
        if m is None:
            return None
        word = m["first"] + m["rest"]
        if alternative[m.end() : m.end() + 1] in QUANTIFIERS:
            word = word[:-1]  # "mines?": the "s" may be missing
        words.append(word)
    return tuple(words)


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
