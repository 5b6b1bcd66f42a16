"""Patterns rewritten to open with literal letters match exactly what they matched before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import minewatch.extract.run  # noqa: F401 - imports every extractor, compiling their patterns
from minewatch.extract import policy
from minewatch.extract.patterns import (
    REWRITTEN,
    alternatives,
    by_first_character,
    literal_first,
    opening_words,
)
from minewatch.vocab.loader import load_provisions

GOLD = Path(__file__).parent / "gold" / "heldout"

TEXTS = [
    "the us did not sign, and refused to sign; it would not adopt or sign the treaty",
    "undid not sign. xdid not sign _did not sign 9did not sign did notsign",
    "allowed to develop, permits the army to develop; disallowed develop",
    "outside of korea, except on the korean peninsula, other than on korea",
    "a(b) [did not sign] did\tnot sign",
    "",
]


def spans(pattern: re.Pattern, text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:did not|refused to|declined to|would not)\s+(?:adopt or\s+)?sign\b",
        r"\b(?:(?:outside(?: of)?|except(?: on| in)?|other than on)\s+(?:the\s+)?korea)",
        r"\b(?:allow(?:s|ed)?|permit(?:s|ted)?)\b[^.]{0,40}\bdevelop\b",
        r"\bdid not sign\b",
        r"\b(?:|dis)allow\w*",
        r"\ba|b",  # the boundary belongs to the first alternative only
        r"\b(?P<word>ab)",  # a capturing group is rewritten inside, not copied
        r"\b(?P<vote>abstain\w*|voted? (?:for|against))\b",
        r"(?<!self-)\b(?:destroy\w*|destruction)\b",  # a look-behind moves after the first letter
        r"(?<![\w-])\b(?:did|refused)\b|\bnot (?:sign|join)\b|general assembly",
        r"\b(?:a|b)?c",  # an optional group: "ac", "bc", then "c"
        r"[;:]|—|,\s*(?:but|and)\b|\b(?<!in )may\b",
    ],
)
def test_literal_first_matches_the_same(source: str) -> None:
    found = literal_first(source)
    assert found and all(not a.startswith((r"\b", "(?<", "[")) for a in found)
    rewritten = re.compile("|".join(found))
    for text in TEXTS + [
        "xabstain, abstained; voted for it",
        "self-destroyed, destroyed",
        "ab xab c bc; may: in may, but",
    ]:
        assert spans(rewritten, text) == spans(re.compile(source), text)


@pytest.mark.parametrize(
    "source",
    [
        r"\ba?b",
        r"\b(?:a|b)??c",  # a lazy optional group tries "c" first
        r"\b(a)\1",
        r"\b(?:a|b(?P<x>c))d",  # a group inside a spread group would be copied
        r"(?<!a+)\bb",  # a look-behind of no fixed width
        r"[a-c]b",  # a range
        r"[^a]b",
    ],
)
def test_literal_first_declines_what_it_cannot_rewrite(source: str) -> None:
    assert literal_first(source) is None


def test_alternatives_split_only_at_the_top_level() -> None:
    assert alternatives(r"a|b(?:c|d)|[|]x|\|y") == ["a", "b(?:c|d)", "[|]x", r"\|y"]


def test_every_provision_cue_is_rewritten_and_matches_the_same() -> None:
    for provision in load_provisions().values():
        for _value, cues in provision.values:
            for cue in cues:
                source = cue.pattern.lower()
                found = literal_first(source)
                assert found is not None, source
                for text in TEXTS:
                    assert spans(re.compile("|".join(found)), text) == spans(re.compile(source), text)


def test_every_rewritten_pattern_matches_what_its_source_matches() -> None:
    """On each line of the held-out texts, lower-cased or not, from every offset a caller might pass."""
    policy._provision_patterns()  # compiled on first use
    assert len(REWRITTEN) > 50
    lines = [line for f in sorted(GOLD.glob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines()]
    lines += [line.lower() for line in lines] + TEXTS
    for source, flags, pattern in REWRITTEN:
        original = re.compile(source, flags)
        for line in lines:
            for pos in range(0, len(line), 29):
                assert [(m.span(), m.groups()) for m in pattern.finditer(line, pos)] == [
                    (m.span(), m.groups()) for m in original.finditer(line, pos)
                ], (source, line)


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (r"\b(?:goal|aim)\b[^.]{0,60}\brevers\w*", ("goal", "aim")),
        (r"\bstockpiles?\b", ("stockpile",)),
        (r"\b(?:new |any )?use\b", ("new use", "any use", "use")),
        (r"\b(?<!in )may\b|\bthe ?x", ("may", "the")),
        (r"[;:]|\bmay", None),  # punctuation opens no word
        (r"\b(?:a|\w)b", None),
    ],
)
def test_opening_words(source: str, words: tuple[str, ...] | None) -> None:
    assert opening_words(source) == words


def test_every_match_of_a_provision_value_opens_with_its_words() -> None:
    """The words a value is gated on (``policy._value_words``) open each of its matches."""
    lines = [
        line.lower()
        for f in sorted(GOLD.glob("*.txt"))
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    gated = 0
    for _name, values, _group in policy._provision_patterns():
        for _value, pattern, group in values:
            if group is None:
                continue
            gated += 1
            words = policy.CUES[group]
            for line in lines + [t.lower() for t in TEXTS]:
                for m in pattern.finditer(line):
                    assert line.startswith(words, m.start()), (group, line)
    assert gated > 10


def test_alternatives_sharing_a_first_character_are_joined_in_order() -> None:
    ws = r"(?<!\w.)"
    assert by_first_character([f"a{ws}x", "b", f"a{ws}y"]) == [f"a{ws}(?:x|y)", "b"]
    assert by_first_character([f"a{ws}x", "ay"]) == [f"a(?:{ws}x|y)"]  # tests kept with their rest
    assert by_first_character(["(?P<g>a)", "b"]) == ["(?P<g>a)", "b"]  # a group opens with any character
