"""Cue words: which groups of an extractor's keywords a sentence holds, found in one scan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ahocorasick_rs import AhoCorasick

from minewatch.vocab.lexicon import automaton

KNOWN_SETS = 4096  # sets of groups kept named at once


@dataclass
class Cues:
    """Which named groups of cue words a lower-cased text holds, found in one pass over it.

    Extractors gate their patterns on these groups: one scan for a sentence replaces a
    regular expression per extractor. Words match at a word start ("aim" is not in
    "claim") and run on as far as they like ("stockpil" is in "stockpiles"). A word opening
    with punctuation ("-era") is looked for anywhere. The scan is an Aho-Corasick automaton
    over all the words, which reports every place each occurs; those not at a word start
    are dropped.
    """

    words: AhoCorasick  # every word opening with a letter or digit
    masks: tuple[int, ...]  # the groups of each word as bits, by its index in ``words``
    names: tuple[str, ...]  # the group each bit stands for
    loose: tuple[tuple[str, int], ...] = ()  # words opening with punctuation, their groups as bits
    _sets: dict[int, frozenset[str]] = field(default_factory=dict)  # groups as bits -> as names

    @classmethod
    def of(cls, groups: Mapping[str, Iterable[str]]) -> Cues:
        names = tuple(groups)
        bit = {name: 1 << i for i, name in enumerate(names)}
        owners: dict[str, int] = {}
        for name, words in groups.items():
            for w in words:
                owners[w] = owners.get(w, 0) | bit[name]
        words = sorted(w for w in owners if re.match(r"\w", w))
        loose = tuple((w, owners[w]) for w in sorted(owners) if not re.match(r"\w", w))
        return cls(automaton(words), tuple(owners[w] for w in words), names, loose)

    def find(self, low: str) -> frozenset[str]:
        """The groups with a word in ``low``."""
        found = 0
        masks = self.masks
        for index, start, _end in self.words.find_matches_as_indexes(low, overlapping=True):
            if start and (low[start - 1].isalnum() or low[start - 1] == "_"):
                continue  # inside a word
            found |= masks[index]
        for word, mask in self.loose:
            if word in low:
                found |= mask
        known = self._sets.get(found)
        if known is None:  # the same sets of groups recur: each is named once
            if len(self._sets) >= KNOWN_SETS:
                self._sets.clear()
            known = self._sets[found] = frozenset(n for i, n in enumerate(self.names) if found >> i & 1)
        return known
