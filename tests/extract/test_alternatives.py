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


def test_a_named_system_that_replaces_landmines_and_its_costs_by_fiscal_year():
    text = (
        "The Terrain Denial Kit is a set of munitions that replaces persistent antipersonnel landmines.\n\n"
        "The request of $12.5 million in FY 2027 buys 400 kits; the Army received $9.1 million in FY 2026 "
        "for the same item.\n\nThe program entered full-rate production in FY 2025."
    )
    facts = facts_of(text, state="USA", on="2026-05-01", indicator="alternatives")
    assert {(f.value, f.when.start) for f in facts} == {
        ("program", "2026-05-01"),
        (12_500_000, "2026-10-01"),
        (9_100_000, "2025-10-01"),
        ("program", "2024-10-01"),
    }
