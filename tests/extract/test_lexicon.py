"""Cue words: one scan of a sentence gives the groups its words belong to."""

from __future__ import annotations

from minewatch.extract.lexicon import Cues


def test_cue_groups_start_a_word_and_cover_the_words_inside_a_longer_one() -> None:
    cues = Cues.of({"keep": ["kept"], "train": ["kept for", "training"], "era": ["-era"], "aim": ["aim"]})
    assert cues.find("mines kept for training in the bush-era") == {"keep", "train", "era"}
    assert cues.find("kept") == {"keep"}  # a word at the very start
    assert cues.find("the claim was kept") == {"keep"}  # "aim" inside "claim" is no cue
