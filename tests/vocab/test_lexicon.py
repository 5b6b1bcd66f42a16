"""Name lookups give exactly what one plain alternation over every alias would, faster."""

from __future__ import annotations

import re

from minewatch.vocab import load
from minewatch.vocab.lexicon import AFTER, BEFORE, Lexicon, trie_pattern

TEXT = (
    "The United States of America and the US army, with South Korean forces in the Republic of Korea, "
    "laid M16A1 and M18A1 Claymore mines; us and adam are ordinary words, but ADAM and CBU-89/B Gator are not. "
    "Türkiye and Côte d'Ivoire, the U.K. and Lao PDR."
)


def alternation(names: dict[str, tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """The plain way: one alternation over every alias, longest first; capitals case-sensitive."""
    pairs = sorted(((a, k) for k, aliases in names.items() for a in aliases), key=lambda p: -len(p[0]))
    keys = {a.lower(): k for a, k in pairs}
    parts = [
        re.escape(a) if a.isupper() or any(ch.isupper() for ch in a[1:]) else f"(?i:{re.escape(a)})"
        for a, _ in pairs
    ]
    pattern = re.compile(BEFORE + "(?:" + "|".join(parts) + ")" + AFTER)
    return [(m.start(), m.end(), keys[m.group(0).lower()]) for m in pattern.finditer(TEXT)]


def test_same_matches_as_one_alternation() -> None:
    v = load()
    assert v.find_states(TEXT) == alternation({s.code: (s.name, *s.aliases) for s in v.states.values()})
    assert v.find_mine_types(TEXT) == alternation({m.id: m.aliases for m in v.mine_types.values()})
    assert [k for *_, k in v.find_states(TEXT)][:4] == ["USA", "USA", "KOR", "KOR"]


def test_capitals_are_case_sensitive_and_the_rest_are_not() -> None:
    lex = Lexicon.of({"X": ("ADAM", "gator")})
    assert [k for *_, k in lex.find("Adam met a GATOR and ADAM")] == ["X", "X"]


def test_trie_pattern_prefers_the_longest_word() -> None:
    p = re.compile(trie_pattern(["M87", "M87A1", "M87A1 Volcano"]))
    assert p.match("M87A1 Volcano system").group(0) == "M87A1 Volcano"


def test_names_are_whole_words() -> None:
    """A name after a letter, a slash or a hyphen, or before a letter or a hyphen, is part of another word."""
    lex = Lexicon.of({"G": ("Gator",), "A": ("ADAM",), "V": ("volcano",)})
    text = "ADAM, xADAM, /ADAM, -ADAM, Gator-like, gator, agator, M/gator, volcano/x and Volcano"
    assert [(text[a:b], k) for a, b, k in lex.find(text)] == [
        ("ADAM", "A"),
        ("gator", "G"),
        ("Volcano", "V"),
    ]
    assert [k for *_, k in lex.find("Gator")] == ["G"]


def test_a_name_whose_lower_case_changes_length_is_skipped_not_an_error() -> None:
    assert [k for *_, k in load().state_lexicon.find("BAHRAİN and Bahrain")] == ["BHR"]
