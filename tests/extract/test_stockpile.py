"""``stockpile``: counts with scope and date, carried counts, denials, expiry, table rows."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def test_count_with_qualifier_scope_and_year() -> None:
    (f,) = facts_of(
        "In 2019, Belarus declared an operational stockpile of just more than 3.3 million mines.",
        indicator="stockpile",
    )
    assert (f.state, f.value, f.approx, f.when.year, f.attributes["scope"]) == (
        "BLR",
        3_300_000,
        "just over",
        2019,
        "operational",
    )


def test_a_count_carried_from_the_sentence_before() -> None:
    facts = facts_of(
        "Greece reported a stockpile of 643,000 mines in 2016. That is down from the number of 1.5 million reported in 2004.",
        indicator="stockpile",
    )
    assert sorted((f.value, f.when.year) for f in facts) == [(643_000, 2016), (1_500_000, 2004)]


def test_present_tense_holdings_are_as_of_the_document() -> None:
    (f,) = facts_of(
        "The army holds about 20,000 antipersonnel mines.",
        state="ARM",
        on="2021-11-01",
        indicator="stockpile",
    )
    assert (f.value, f.approx, f.when.start) == (20_000, "approximately", "2021-11-01")


def test_destroyed_mines_are_not_holdings() -> None:
    assert (
        facts_of("In 2012, 1,000 stockpiled mines were destroyed.", state="UKR", indicator="stockpile") == []
    )


def test_no_longer_holds() -> None:
    (f,) = facts_of(
        "Ecuador no longer holds any antipersonnel mines in its stockpile.", indicator="stockpile"
    )
    assert (f.state, f.polarity) == ("ECU", "denied")


def test_expiry() -> None:
    (f,) = facts_of(
        "The remaining stockpile is expected to expire by the late 2020s.", state="KOR", indicator="stockpile"
    )
    assert (f.value, f.when.end, f.when.precision) == ("expiry", "2029-12-31", "until")


def test_table_rows_under_a_stockpile_caption(vocab) -> None:
    from minewatch.extract import extract
    from tests.extract.conftest import document

    doc = document(
        "Stocks of antipersonnel mines in 2012\n\n\nM14 blast mine\n\n\nM16A1 [1]\n\n\nTotal\n\n\nThe end of the report.",
        state="USA",
    )
    for p in doc.paragraphs[:4]:
        p.kind = "table"
    rows = [f for f in extract(doc, vocab) if f.indicator == "stockpile"]
    assert sorted((tuple(f.mine_types), f.when.year, f.value) for f in rows) == [
        (("M14",), 2012, "held"),
        (("M16A1",), 2012, "held"),
    ]


def test_holdings_and_a_denied_destruction_in_one_sentence() -> None:
    text = "Ukraine reported that it still holds about 3.3 million mines, and it has not destroyed any since 2020."
    (stock,) = facts_of(text, on="2024-05-05", indicator="stockpile")
    assert (stock.value, stock.when.start) == (3_300_000, "2024-05-05")
    (gone,) = facts_of(text, on="2024-05-05", indicator="destruction")
    assert (gone.polarity, gone.when.start) == ("denied", "2020-01-01")


def test_what_a_destruction_left_is_a_stockpile_and_a_stockpile_held_untold_is_held() -> None:
    text = "By the end of 2023, Belarus had destroyed 3,280,000 PFM mines, leaving about 120,000 awaiting destruction."
    (left,) = facts_of(text, indicator="stockpile")
    assert (left.state, left.value, left.approx) == ("BLR", 120000, "approximately")
    held = "Azerbaijan has said it holds a stockpile of mines for defensive purposes but has never disclosed its size."
    (f,) = facts_of(held, on="2025-05-14", indicator="stockpile")
    assert (f.state, f.value, f.polarity, f.when.start) == ("AZE", "held", "affirmed", "2025-05-14")


def test_not_holding_mines_now_is_a_denied_stockpile_and_those_kept_for_training_are_retained() -> None:
    text = (
        "The Defence Forces do not currently hold antipersonnel mines, apart from 12,000 kept for training."
    )
    facts = facts_of(text, state="FIN", on="2025-06-04")
    assert {(f.indicator, f.value, f.polarity, f.when.start) for f in facts} == {
        ("stockpile", "antipersonnel mines", "denied", "2025-06-04"),
        ("retained", 12000, "affirmed", "2025-06-04"),
    }


def test_holding_no_mines_after_a_completed_destruction_holds_as_of_the_report() -> None:
    text = "Cyprus completed the destruction of its stockpile on 1 April 2003 and holds no stockpiled anti-personnel mines."
    (f,) = facts_of(text, on="2025-04-28", indicator="stockpile")
    assert (f.value, f.polarity, f.when.start) == ("antipersonnel mines", "denied", "2025-04-28")


def test_never_having_stockpiled_in_a_list_of_verbs_is_a_denied_stockpile() -> None:
    text = "The Marshall Islands has never produced, stockpiled or used antipersonnel mines."
    facts = facts_of(text, on="2025-03-14", indicator="stockpile")
    assert [(f.state, f.value, f.polarity) for f in facts] == [("MHL", "antipersonnel mines", "denied")]


def test_a_counterfactual_states_neither_a_stockpile_nor_an_accession() -> None:
    text = "Had the administration acceded to the treaty, it would have had to destroy the stockpile of about 3 million mines."
    assert facts_of(text, state="USA") == []


def test_a_count_held_now_is_not_dated_by_the_deadline_after_it() -> None:
    text = "Ukraine joined the treaty in 2005 and still holds more than 3 million stockpiled PFM-1 mines that it was obliged to destroy by 2010."
    (f,) = facts_of(text, on="2025-06-30", indicator="stockpile")
    assert (f.value, f.approx, f.when.start, f.mine_types) == (
        3_000_000,
        "more than",
        "2025-06-30",
        ["PFM-1"],
    )


def test_holds_no_stockpile_of_mines_before_a_clause_about_their_destruction():
    text = "Croatia holds no stockpile of antipersonnel mines: its last 199,000 mines were destroyed by October 2002."
    [fact] = facts_of(text, on="2024-01-10", indicator="stockpile")
    assert (fact.value, fact.polarity, fact.when.start) == ("antipersonnel mines", "denied", "2024-01-10")


def test_a_stockpile_of_unknown_size_is_held():
    [fact] = facts_of("The size of Iran's stockpile remains unknown.", on="2025-02-01", indicator="stockpile")
    assert (fact.state, fact.value, fact.polarity) == ("IRN", "held", "affirmed")


def test_both_states_of_a_pair_hold_stockpiles():
    text = "Neither India nor Pakistan has signed, and both hold stockpiles of unknown size."
    facts = facts_of(text, on="2025-01-01", indicator="stockpile")
    assert {(f.state, f.value) for f in facts} == {("IND", "held"), ("PAK", "held")}
