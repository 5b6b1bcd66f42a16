"""``transfer``: exports with counts and destinations, moratoria, denials."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def test_exports_with_range_and_destinations() -> None:
    (f,) = facts_of(
        "Between 1980 and 1995 Italy exported more than 2.5 million antipersonnel mines to 20 countries.",
        indicator="transfer",
    )
    assert (f.state, f.value, f.approx, f.when.start[:4], f.when.end[:4]) == (
        "ITA",
        2_500_000,
        "more than",
        "1980",
        "1995",
    )
    assert f.attributes == {"direction": "export", "countries": 20}


def test_moratorium() -> None:
    (f,) = facts_of(
        "Since March 1996, Russia has observed a moratorium on the export of antipersonnel mines.",
        indicator="transfer",
    )
    assert (f.state, f.value, f.when.precision) == ("RUS", "export moratorium", "since")


def test_denied_transfer() -> None:
    (f,) = facts_of("China has not exported antipersonnel mines since 1996.", indicator="transfer")
    assert (f.state, f.polarity, f.when.start) == ("CHN", "denied", "1996-01-01")


def test_a_policy_promise_is_no_transfer() -> None:
    assert (
        facts_of(
            "The new policy states that it will not transfer mines in 2020.",
            state="USA",
            indicator="transfer",
        )
        == []
    )


def test_a_transfer_without_a_count_names_its_recipient() -> None:
    text = (
        "Outgoing US President Joe Biden has authorized the transfer of antipersonnel landmines to Ukraine."
    )
    (fact,) = facts_of(text, state="UKR", on="2024-11-20", indicator="transfer")
    assert (fact.state, fact.value, fact.attributes, fact.when.start) == (
        "USA",
        "transfer",
        {"direction": "export", "recipient": "UKR"},
        "2024-11-20",
    )
    (earlier,) = facts_of(
        "The US had previously supplied Ukraine with Claymore mines.", state="UKR", indicator="transfer"
    )
    assert (earlier.attributes["recipient"], earlier.mine_types, earlier.when) == ("UKR", ["M18A1"], None)


def test_funds_for_mine_clearance_are_no_transfer() -> None:
    text = "The United States supplied $2 million to Cambodia for mine clearance in 2019."
    assert facts_of(text, state="USA", indicator="transfer") == []


def test_shipped_mines_are_a_transfer_from_the_reported_shipper() -> None:
    text = "The agency said that North Korea had shipped at least 150,000 antipersonnel mines to Russia since August 2024."
    (f,) = facts_of(text, on="2025-10-08", indicator="transfer")
    assert (f.state, f.value, f.approx, f.when.start) == ("PRK", 150000, "at least", "2024-08-01")


def test_a_moratorium_beside_a_denied_export_keeps_both() -> None:
    text = "South Korea has not exported antipersonnel mines since 1997, under a moratorium it has extended."
    facts = facts_of(text, indicator="transfer")
    assert {(f.value, f.polarity) for f in facts} == {
        ("export moratorium", "affirmed"),
        ("transfer", "denied"),
    }


def test_mines_received_are_a_transfer_and_other_things_received_are_not() -> None:
    (f,) = facts_of(
        "Russia's defence ministry denied that it had received mines from North Korea.", indicator="transfer"
    )
    assert (f.state, f.value, f.polarity) == ("RUS", "transfer", "denied")
    assert facts_of("The ministry has not received any reports of mine use.", indicator="transfer") == []


def test_a_denied_transfer_is_dated_in_its_own_clause():
    text = "Canada has not used antipersonnel mines since 1990, and has not exported them since 1987."
    [fact] = facts_of(text, on="2024-01-01", indicator="transfer")
    assert (fact.polarity, fact.when.start) == ("denied", "1987-01-01")
