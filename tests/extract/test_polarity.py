"""Negation governs the trigger in its own clause, and nothing past it."""

from __future__ import annotations

import pytest

from minewatch.extract.polarity import negated, negation_word
from tests.extract.conftest import facts_of


def at(text: str, word: str) -> int:
    return text.index(word)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The army has not used antipersonnel mines since 1999.", "used"),
        ("Colombia never produced antipersonnel mines.", "produced"),
        ("The state no longer holds any stocks.", "holds"),
        ("There is no suggestion that its forces have used mines since 2018.", "used"),
        ("The government refused to join the treaty.", "join"),
        ("The ministry declined to sign the convention.", "sign"),
        ("The budget contained no funding for new mines.", "funding"),
        ("Nepal hasn't laid mines since the ceasefire.", "laid"),
    ],
)
def test_denied(text: str, trigger: str) -> None:
    assert negated(text, at(text, trigger))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The army used mines in 2018.", "used"),
        ("Mines were not found at the site, but the army used mines elsewhere.", "army used"),
        ("Officials said nothing; the rebels laid mines in May.", "laid"),
        ("Not only the army but also militias used mines.", "used"),
        ("The state has not acceded, while its allies produced mines.", "produced"),
    ],
)
def test_affirmed(text: str, trigger: str) -> None:
    assert not negated(text, at(text, trigger))


def test_the_negator_is_reported() -> None:
    text = "It no longer stockpiles mines."
    assert negation_word(text, at(text, "stockpiles")) == "no longer"


def test_cannot_negates_and_a_since_clause_is_its_own() -> None:
    text = "Pakistan cannot accede to the Convention at this stage."
    assert negated(text, text.index("accede"))
    text = 'Cambodia "has not laid a single new mine" since it joined the treaty in 2000.'
    assert negated(text, text.index("laid")) and not negated(text, text.index("joined"))


def test_a_negation_inside_a_relative_clause_stays_there() -> None:
    text = "North Korea, which has not joined the treaty either, last reported producing mines in the 1990s."
    facts = facts_of(text, on="2025-10-08")
    got = {(f.indicator, f.value, f.polarity, f.when.start) for f in facts}
    assert got == {
        ("production", "production", "affirmed", "1990-01-01"),
        ("treaty_status", "accession", "denied", "2025-10-08"),
    }
    listed = facts_of("Iran, which has not used, produced or transferred mines, voted against.")
    assert {f.polarity for f in listed if f.indicator in ("use", "production", "transfer")} == {"denied"}
