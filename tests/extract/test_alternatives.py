"""``alternatives``: costs of replacement programs and the catalogued systems they field."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def test_cost_with_qualifier_and_period() -> None:
    (f,) = facts_of(
        "Since 2005, the army has spent more than $800 million on alternatives to antipersonnel mines.",
        state="USA",
        indicator="alternatives",
    )
    assert (f.value, f.unit, f.approx, f.when.start) == (800_000_000, "USD", "more than", "2005-01-01")


def test_programs_are_catalogued_systems() -> None:
    facts = facts_of(
        "In 2012 the army fielded the XM-7 Spider and tested the IMS Scorpion as alternatives.",
        state="USA",
        indicator="alternatives",
    )
    assert sorted(tuple(f.mine_types) for f in facts) == [("IMS",), ("XM-7",)]


def test_a_mine_system_is_not_an_alternative() -> None:
    assert (
        facts_of(
            "The M14 remains an alternative for engineers in training.", state="USA", indicator="alternatives"
        )
        == []
    )


def test_money_for_the_program_named_just_before() -> None:
    facts = facts_of(
        "The army is developing a networked replacement for antipersonnel mines. "
        "Parliament gave $12 million for the program in 2020.",
        state="USA",
        indicator="alternatives",
    )
    assert [(f.value, f.when.start) for f in facts] == [(12_000_000, "2020-01-01")]
    assert not facts_of(
        "Parliament gave $12 million for the program in 2020.", state="USA", indicator="alternatives"
    )
