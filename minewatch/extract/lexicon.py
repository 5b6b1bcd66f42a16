"""Cue words: which groups of an extractor's keywords a sentence holds, found in one scan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from minewatch.vocab.lexicon import trie_pattern


@dataclass
class Cues:
    """Which named groups of cue words a lower-cased text holds, found in one pass over it.

    Extractors gate their patterns on these groups: one scan for a sentence replaces a
    regular expression per extractor. Words match at a word start ("aim" is not in
    "claim") and run on as far as they like ("stockpil" is in "stockpiles"). A word found
    stands for every cue word it holds at a word start ("kept for" for "kept"), so the
    scan, which does not overlap, misses none. A word opening with punctuation ("-era")
    is looked for anywhere, with a substring test.
    """

    pattern: re.Pattern  # a non-word character, then a word (the text's first word is matched apart)
    first: re.Pattern  # a word, matched at the text's start
    table: dict[str, frozenset[str]]  # word the pattern finds -> the groups it stands for
    loose: tuple[tuple[str, frozenset[str]], ...] = ()  # words opening with punctuation, their groups

    @classmethod
    def of(cls, groups: Mapping[str, Iterable[str]]) -> Cues:
        owners: dict[str, set[str]] = {}
        for name, words in groups.items():
            for w in words:
                owners.setdefault(w, set()).add(name)
        starts = {k: re.compile(r"\b" + re.escape(k)) for k in owners}
        table = {
            w: frozenset().union(
                *(owners[k] for k in owners if w.startswith(k) or starts[k].search(w, 1) is not None)
            )
            for w in owners
        }
        words = sorted(w for w in owners if re.match(r"\w", w))
        loose = tuple((w, table[w]) for w in sorted(owners) if not re.match(r"\w", w))
        # Opening with "a non-word character" rather than "\b" lets the regex engine skip ahead
        # through words (a fifth of the time saved); the text's start is tested apart.
        trie = trie_pattern(words)
        return cls(re.compile(r"[^\w](" + trie + ")"), re.compile(trie), table, loose)

    def find(self, low: str) -> frozenset[str]:
        """The groups with a word in ``low``."""
        words = self.pattern.findall(low)
        first = self.first.match(low)
        if first:
            words.append(first.group(0))
        found = frozenset().union(*map(self.table.__getitem__, words))
        for word, groups in self.loose:
            if word in low:
                found |= groups
        return found
