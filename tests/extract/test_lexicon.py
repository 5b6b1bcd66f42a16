"""Trie lookups give exactly the vocabulary's own matches, faster."""

from __future__ import annotations

from minewatch.extract.lexicon import Cues, Lexicon, lexicons, trie_pattern
from minewatch.vocab import load

TEXT = (
    "The United States of America and the US army, with South Korean forces in the Republic of Korea, "
    "laid M16A1 and M18A1 Claymore mines; us and adam are ordinary words, but ADAM and CBU-89/B Gator are not. "
    "Türkiye and Côte d'Ivoire, the U.K. and Lao PDR."
)


def test_same_matches_as_the_vocabulary() -> None:
    v = load()
    states, mines = lexicons(v)
    assert states.find(TEXT) == v.find_states(TEXT)
    assert mines.find(TEXT) == v.find_mine_types(TEXT)


def test_capitals_are_case_sensitive_and_the_rest_are_not() -> None:
    lex = Lexicon.of({"X": ("ADAM", "gator")})
    assert [k for *_, k in lex.find("Adam met a GATOR and ADAM")] == ["X", "X"]


def test_trie_pattern_prefers_the_longest_word() -> None:
    import re

    p = re.compile(trie_pattern(["M87", "M87A1", "M87A1 Volcano"]))
    assert p.match("M87A1 Volcano system").group(0) == "M87A1 Volcano"


def test_names_start_a_word_whichever_way_the_pattern_opens() -> None:
    """Few first letters: the pattern opens with them and tests the character before afterwards."""
    lex = Lexicon.of({"G": ("Gator",), "A": ("ADAM",), "V": ("volcano",)})
    text = "ADAM, xADAM, /ADAM, -ADAM, Gator-like, gator, agator, M/gator, volcano/x and Volcano"
    assert [(text[a:b], k) for a, b, k in lex.find(text)] == [
        ("ADAM", "A"),
        ("gator", "G"),
        ("Volcano", "V"),
    ]
    assert [k for *_, k in lex.find("Gator")] == ["G"]


def test_cue_groups_start_a_word_and_cover_the_words_inside_a_longer_one() -> None:
    cues = Cues.of({"keep": ["kept"], "train": ["kept for", "training"], "era": ["-era"], "aim": ["aim"]})
    assert cues.find("mines kept for training in the bush-era") == {"keep", "train", "era"}
    assert cues.find("kept") == {"keep"}  # a word at the very start
    assert cues.find("the claim was kept") == {"keep"}  # "aim" inside "claim" is no cue
