"""Cue words: which groups of an extractor's keywords a sentence holds, found in one scan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick

from minewatch.vocab.lexicon import automaton


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
    groups: tuple[frozenset[str], ...]  # the groups of each word, by its index in ``words``
    loose: tuple[tuple[str, frozenset[str]], ...] = ()  # words opening with punctuation, their groups

    @classmethod
    def of(cls, groups: Mapping[str, Iterable[str]]) -> Cues:
        owners: dict[str, set[str]] = {}
        for name, words in groups.items():
            for w in words:
                owners.setdefault(w, set()).add(name)
        words = sorted(w for w in owners if re.match(r"\w", w))
        loose = tuple((w, frozenset(owners[w])) for w in sorted(owners) if not re.match(r"\w", w))
        return cls(
            automaton(words),
            tuple(frozenset(owners[w]) for w in words),
            loose,
        )

    def find(self, low: str) -> frozenset[str]:
        """The groups with a word in ``low``."""
        found: set[str] = set()
        for index, start, _end in self.words.find_matches_as_indexes(low, overlapping=True):
            if start and (low[start - 1].isalnum() or low[start - 1] == "_"):
                continue  # inside a word
            found |= self.groups[index]
        for word, groups in self.loose:
            if word in low:
                found |= groups
        return frozenset(found)
