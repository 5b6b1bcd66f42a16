"""Fast lookup of the vocabulary's names (states, mine types) in text.

The vocabulary's rules: names are whole words (BEFORE and AFTER); names written in
capitals match case-sensitively, the rest ignore case; the longest name wins, and
names do not overlap. Each kind of name is one Aho-Corasick automaton, which reports
every place any alias occurs in a single pass; those that do not stand as whole words
are dropped, and the rest taken leftmost and longest first. That is what one regular
expression over all aliases would find, at a fraction of the regex engine's cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick, Implementation

BEFORE, AFTER = r"(?<![\w/-])", r"(?![\w-]|/\w)"  # the whole-word rule, as patterns
SENTENCE_END = re.compile(r"[.?!…\"”’)\]]\S*\s")  # sentence-ending punctuation, then a space


def trie_pattern(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, factored as a trie (longest match first)."""
    return _node(_trie(words))


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
    exact: AhoCorasick | None  # names in capitals, as written: "US", "ADAM", "PDM"
    folded: AhoCorasick | None  # the rest, lower-cased, found in lower-cased text
    keys: dict[str, str]  # lower-cased name -> key
    folded_any_case: re.Pattern | None = None  # for the rare text lower() changes the length of
    # Some name could run over a sentence end ("St. Lucia" would): a sentence's names are then
    # only those of the whole text that fall inside it.
    spans_sentences: bool = True

    @classmethod
    def of(cls, names: dict[str, tuple[str, ...]]) -> Lexicon:
        exact, folded, keys = set(), set(), {}
        for key, aliases in names.items():
            for a in aliases:
                keys.setdefault(a.lower(), key)
                if any(ch.isupper() for ch in a[1:]) or a.isupper():
                    exact.add(a)
                else:
                    folded.add(a.lower())
        return cls(
            automaton(exact) if exact else None,
            automaton(folded) if folded else None,
            keys,
            re.compile(BEFORE + trie_pattern(sorted(folded)) + AFTER, re.IGNORECASE) if folded else None,
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
        spans = _whole_words(self.exact, text, pos, endpos) if self.exact is not None else []
        if len(low) != len(text):  # lower-cased names cannot be found at the text's offsets
            more = (
                [m.span() for m in self.folded_any_case.finditer(text, pos, endpos)]
                if self.folded_any_case is not None
                else []
            )
        else:
            more = _whole_words(self.folded, low, pos, endpos) if self.folded is not None else []
        if spans and more:  # each kind comes leftmost first, not overlapping: only both need merging
            spans = _leftmost_longest(spans + more, pos)
        else:
            spans = spans or more
        keys = self.keys
        # A name matched case-blind where lower-casing changes a length ("İ") may have no key.
        return [(a, b, key) for a, b in spans if (key := keys.get(text[a:b].lower())) is not None]


def automaton(words: set[str] | list[str]) -> AhoCorasick:
    """An automaton finding ``words``: a DFA, which scans a sentence twice as fast as the
    default NFA for a few hundred words, at some memory."""
    return AhoCorasick(sorted(words), implementation=Implementation.DFA)


def _whole_words(words: AhoCorasick, text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """Spans of the words of ``words`` in ``text[pos:endpos]`` that stand as whole words,
    leftmost and longest first, not overlapping."""
    hay = text[pos:endpos] if pos or endpos < len(text) else text
    hits = words.find_matches_as_indexes(hay, overlapping=True)
    if not hits:
        return []
    found = []
    for _index, a, b in hits:
        a, b = a + pos, b + pos
        before = text[a - 1] if a else " "
        if before.isalnum() or before in "_/-":
            continue
        if b < endpos:
            after = text[b]
            if after.isalnum() or after in "_-":
                continue
            if after == "/" and b + 1 < endpos and (text[b + 1].isalnum() or text[b + 1] == "_"):
                continue
        found.append((a, b))
    return _leftmost_longest(found, pos)


def _leftmost_longest(spans: list[tuple[int, int]], pos: int) -> list[tuple[int, int]]:
    """The spans a left-to-right scan keeps: at each start the longest, none overlapping the last."""
    out = []
    last = pos
    for a, b in sorted(spans, key=_start_then_longest):
        if a >= last:
            out.append((a, b))
            last = b
    return out


def _start_then_longest(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]
