"""Fast lookup of the vocabulary's names (states, mine types) in text.

One alternation over hundreds of aliases is tried alias by alias at every
position by Python's regex engine. Here the aliases, with the vocabulary's
rules (whole words; names written in capitals match case-sensitively, the
rest ignore case; the longest name wins), are compiled into character tries,
which reject a position after one or two characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BEFORE, AFTER = r"(?<![\w/-])", r"(?![\w-]|/\w)"
# BEFORE, tested just after a name's first character: a pattern that opens with a choice
# of literal characters lets the regex engine skip ahead to the next one of them.
AFTER_FIRST = r"(?<![\w/-].)"
SENTENCE_END = re.compile(r"[.?!…\"”’)\]]\S*\s")  # sentence-ending punctuation, then a space
# A character BEFORE allows, consumed: ``[^\w/-]``, with ASCII word characters ruled out by a bitmap
# and only other characters tested for being word characters (a Unicode lookup each, for every
# character scanned: a quarter of the scan's time).
NOT_BEFORE = r"[^a-zA-Z0-9_/-](?<=\W)"
FEW_FIRSTS = 8  # lower-case first letters up to which skipping ahead beats testing BEFORE everywhere


def trie_pattern(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, factored as a trie (longest match first)."""
    return _node(_trie(words))


def name_pattern(words: list[str]) -> re.Pattern:
    """Whole-word ``words``, leftmost and longest first.

    Opening with BEFORE rejects most positions in a word at once; opening with the first
    characters instead pays off where few of them are lower-case letters (names in capitals).
    """
    trie = _trie(words)
    if sum(ch.islower() for ch in trie) > FEW_FIRSTS or "" in trie:
        return re.compile(BEFORE + _node(trie) + AFTER)
    branches = [re.escape(ch) + AFTER_FIRST + _node(child) for ch, child in sorted(trie.items())]
    return re.compile("(?:" + "|".join(branches) + ")" + AFTER)


def _trie(words: list[str]) -> dict:
    """Nested dicts by character; "" marks where a word ends."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _node(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


@dataclass
class Lexicon:
    exact: re.Pattern | None  # names in capitals: "US", "ADAM", "PDM"
    folded: re.Pattern | None  # the rest, lower-cased, run on lower-cased text
    keys: dict[str, str]  # lower-cased name -> key
    folded_any_case: re.Pattern | None = None  # for the rare text lower() changes the length of
    # ``folded`` opening with the character before a name (BEFORE consumed; the name is group 1),
    # for a scan from past the text's start: a pattern opening with a character set skips ahead,
    # where BEFORE is tested at every position. None where ``folded`` opens with literals already.
    folded_within: re.Pattern | None = None
    # Some name could run over a sentence end ("St. Lucia" would): a sentence's names are then
    # only those of the whole text that fall inside it.
    spans_sentences: bool = True

    @classmethod
    def of(cls, names: dict[str, tuple[str, ...]]) -> Lexicon:
        exact, folded, keys = [], [], {}
        for key, aliases in names.items():
            for a in aliases:
                keys.setdefault(a.lower(), key)
                if any(ch.isupper() for ch in a[1:]) or a.isupper():
                    exact.append(a)
                else:
                    folded.append(a.lower())
        folded_pattern = name_pattern(folded) if folded else None
        return cls(
            name_pattern(exact) if exact else None,
            folded_pattern,
            keys,
            re.compile(BEFORE + trie_pattern(folded) + AFTER, re.IGNORECASE) if folded else None,
            folded_within=re.compile(NOT_BEFORE + "(" + trie_pattern(folded) + ")" + AFTER)
            if folded_pattern and folded_pattern.pattern.startswith(BEFORE)
            else None,
            spans_sentences=any(SENTENCE_END.search(k) for k in keys),
        )

    def find(
        self, text: str, low: str | None = None, pos: int = 0, endpos: int | None = None
    ) -> list[tuple[int, int, str]]:
        """Every name in ``text[pos:endpos]`` as (start, end, key), longest and leftmost first, not overlapping.

        ``low`` is ``text.lower()``, for a caller that has it already. A name at ``pos``
        is still tested against the character before it.
        """
        endpos = len(text) if endpos is None else endpos
        low = text.lower() if low is None else low
        # Matching lower-cased text is over twice as fast as IGNORECASE.
        if len(low) != len(text):
            folded, scanned, at, group = self.folded_any_case, text, pos, 0
        elif pos and self.folded_within is not None:
            folded, scanned, at, group = self.folded_within, low, pos - 1, 1
        else:
            folded, scanned, at, group = self.folded, low, pos, 0
        keys = self.keys
        # Each scan's names come leftmost first and do not overlap: only names from both need merging.
        out = (
            [
                (a, b, keys[text[a:b].lower()])
                for m in self.exact.finditer(text, pos, endpos)
                for a, b in [m.span()]
            ]
            if self.exact is not None
            else []
        )
        if folded is None:
            return out
        more = [
            (a, b, keys[text[a:b].lower()])
            for m in folded.finditer(scanned, at, endpos)
            for a, b in [m.span(group)]
            if b > a
        ]
        if not out or not more:
            return out or more
        merged: list[tuple[int, int, str]] = []
        last = -1
        for start, end, key in sorted(out + more, key=_leftmost_longest):
            if start >= last:
                merged.append((start, end, key))
                last = end
        return merged


def _leftmost_longest(name: tuple[int, int, str]) -> tuple[int, int]:
    return name[0], -name[1]
