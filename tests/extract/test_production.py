"""``production``: counts, types, costs and denials; other things produced are not mines."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def test_counts_types_and_cost() -> None:
    facts = facts_of(
        "In 1988, the factory manufactured 30,000 M14 and 12,000 M16A1 antipersonnel mines for $4.5 million.",
        state="USA",
        indicator="production",
    )
    assert sorted((f.value, tuple(f.mine_types), f.when.year) for f in facts) == [
        (12_000, ("M16A1",), 1988),
        (30_000, ("M14",), 1988),
    ]
    assert {f.attributes["cost_usd"] for f in facts} == {4_500_000}


def test_procurement_in_the_passive() -> None:
    (f,) = facts_of("Nearly 5,000 mines were procured in 2003.", state="IND", indicator="production")
    assert (f.value, f.approx, f.when.year) == (5_000, "nearly", 2003)


def test_last_production_without_a_count() -> None:
    (f,) = facts_of("Pakistan last produced antipersonnel mines in 1997.", indicator="production")
    assert (f.state, f.value, f.when.year, f.attributes.get("last")) == ("PAK", "production", 1997, True)


def test_denials() -> None:
    (f,) = facts_of("Since 2015, Finland has not produced antipersonnel mines.", indicator="production")
    assert f.polarity == "denied" and f.when.start == "2015-01-01"
    (f,) = facts_of(
        "The 2022 defense budget includes no funding for new antipersonnel mines.",
        state="JPN",
        indicator="production",
    )
    assert f.polarity == "denied" and f.when.year == 2022


def test_not_production() -> None:
    assert (
        facts_of("The war has produced a wave of refugees since 2019.", state="SYR", indicator="production")
        == []
    )
    assert (
        facts_of("Deminers found Italian-manufactured mines in 2004.", state="ITA", indicator="production")
        == []
    )
    assert (
        facts_of(
            "The 2014 policy banned production of antipersonnel mines.", state="USA", indicator="production"
        )
        == []
    )


def test_production_going_on_holds_as_of_the_document() -> None:
    (f,) = facts_of("Pakistan still manufactures antipersonnel mines.", indicator="production")
    assert (f.state, f.value, f.polarity, f.when.start) == ("PAK", "production", "affirmed", "2021-06-30")


def test_a_plural_subject_producing_now_holds_as_of_the_document() -> None:
    (f,) = facts_of(
        "Pakistan Ordnance Factories produce only detectable mines.", state="PAK", on="2024-03-01",
        indicator="production",
    )  # fmt: skip
    assert (f.value, f.polarity, f.when.start) == ("production", "affirmed", "2024-03-01")
    assert facts_of("The plant has the capacity to produce mines.", state="PAK", indicator="production") == []


def test_a_contract_signed_for_production_holds_as_of_the_release_not_a_later_clause() -> None:
    text = (
        "The ministry has signed a contract for the production of antipersonnel mines, "
        "the first since the withdrawal from the Mine Ban Treaty took effect on 20 December 2025."
    )
    (f,) = facts_of(text, state="POL", on="2026-02-03", indicator="production")
    assert (f.value, f.polarity, f.when.start) == ("production", "affirmed", "2026-02-03")


def test_united_states_is_no_policy_frame() -> None:
    text = (
        "The 2022 policy did not end US production capacity; "
        "it simply confirmed that the United States had not produced antipersonnel mines since 1997."
    )
    (f,) = facts_of(text, on="2025-02-03", indicator="production")
    assert (f.state, f.polarity, f.when.start) == ("USA", "denied", "1997-01-01")


def test_manufacturing_a_catalogued_mine_type_is_production():
    text = "Its state factories continue to manufacture the PMN and the OZM-72, officials of Russia said."
    [fact] = facts_of(text, state="RUS", indicator="production")
    assert fact.polarity == "affirmed" and fact.extractor == "production.ongoing@1"


def test_the_mines_a_production_contract_placed_before_delivers_are_produced():
    text = (
        "The Ministry of Defence of Finland has signed a contract for the production of antipersonnel mines.\n\n"
        "The contract covers the delivery of about 400,000 mines between 2027 and 2030."
    )
    counted = [f for f in facts_of(text, on="2026-05-01", indicator="production") if f.value == 400_000]
    assert [(f.state, f.approx, f.when.start, f.when.end) for f in counted] == [
        ("FIN", "approximately", "2027-01-01", "2030-12-31")
    ]
    alone = "The contract covers the delivery of about 400,000 mines between 2027 and 2030."
    assert facts_of(alone, state="FIN", indicator="production") == []


def test_mines_named_by_a_pronoun_after_the_verb():
    text = "Cuba has never exported antipersonnel mines, and Cuba has not produced them since 2002."
    [fact] = facts_of(text, indicator="production")
    assert (fact.polarity, fact.when.start) == ("denied", "2002-01-01")


def test_no_funds_for_new_mines_is_no_production():
    text = "No funds are requested in FY 2027 for new M18A1 Claymore munitions."
    [fact] = facts_of(text, state="USA", indicator="production")
    assert (fact.polarity, fact.when.start, fact.mine_types) == ("denied", "2026-10-01", ["M18A1"])
