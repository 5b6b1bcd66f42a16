"""``mine_action``: funding leadership and clearance, attributed to whoever clears."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def test_top_funder() -> None:
    (f,) = facts_of("In 2018, Norway was the largest donor to mine action.", indicator="mine_action")
    assert (f.state, f.value, f.when.year) == ("NOR", "top funder", 2018)


def test_clearance_by_two_states() -> None:
    facts = facts_of(
        "In 2019, North and South Korea removed mines from the border area.",
        state="USA",
        indicator="mine_action",
    )
    assert sorted(f.state for f in facts) == ["KOR", "PRK"]


def test_clearance_with_a_place() -> None:
    (f,) = facts_of(
        "In 2007, Chile cleared the mines laid along its border in Peru.", indicator="mine_action"
    )
    assert (f.state, f.value, f.when.year) == ("CHL", "clearance", 2007)


def test_not_clearance() -> None:
    assert (
        facts_of(
            "Adversaries could delay the hand clearing of minefields.", state="USA", indicator="mine_action"
        )
        == []
    )
    assert (
        facts_of(
            "The state could increase its funding for mine action next year.",
            state="USA",
            indicator="mine_action",
        )
        == []
    )


def test_a_pledge_is_the_donors_and_area_cleared_is_clearance() -> None:
    facts = facts_of(
        "Teams cleared 12,000 hectares in 2023 with support from Japan, which pledged $37 million for mine action this year.",
        state="UKR",
        on="2024-05-05",
        indicator="mine_action",
    )
    got = {(f.state, f.value, f.when.year) for f in facts}
    assert ("JPN", 37_000_000, 2024) in got and ("UKR", "clearance", 2023) in got


def test_clearance_of_a_counted_number_of_mines() -> None:
    (f,) = facts_of(
        "Croatian deminers removed about 5,000 mines from the area in 2023.",
        state="HRV",
        indicator="mine_action",
    )
    assert (f.state, f.value, f.when.year) == ("HRV", "clearance", 2023)


def test_a_pledge_in_euros_keeps_its_currency() -> None:
    facts = facts_of("In 2023, Belgium pledged €4 million for demining in Iraq.", indicator="mine_action")
    assert [(f.state, f.value, f.unit) for f in facts] == [("BEL", 4_000_000, "EUR")]


def test_mines_cleared_in_the_passive_and_counted_with_a_qualifier() -> None:
    (f,) = facts_of(
        "Chile laid mines along its borders in 1975, and most were cleared by 2020.",
        indicator="mine_action",
    )
    assert (f.state, f.value, f.when.precision, f.when.end) == ("CHL", "clearance", "until", "2020-12-31")
    (f,) = facts_of(
        "In 2022, Croatian deminers removed more than 2,000 mines near Osijek.", indicator="mine_action"
    )
    assert (f.state, f.value) == ("HRV", "clearance")


def test_each_amount_in_a_list_takes_the_budget_year_after_it() -> None:
    facts = facts_of(
        "The UK spent £42.5 million on humanitarian mine action in 2021/22, £38.2 million in 2022/23"
        " and £46.8 million in 2023/24.",
        state="GBR",
        indicator="mine_action",
    )
    assert [(f.value, f.unit, f.when.start) for f in facts] == [
        (42500000, "GBP", "2021-04-01"),
        (38200000, "GBP", "2022-04-01"),
        (46800000, "GBP", "2023-04-01"),
    ]


def test_an_allocation_between_two_sums_is_one_range() -> None:
    (f,) = facts_of(
        "For 2024/25 the Government has allocated between £40 million and £45 million to mine action.",
        state="GBR",
        indicator="mine_action",
    )
    assert (f.value, f.unit, f.when.end) == (40000000, "GBP", "2025-03-31")


def test_a_parliamentary_question_states_nothing() -> None:
    assert (
        facts_of(
            "Question: To ask the Secretary of State how much the Government has spent on humanitarian"
            " mine action in each of the last three financial years.",
            state="GBR",
        )
        == []
    )


def test_fields_that_had_been_clear_are_no_clearance() -> None:
    assert (
        facts_of("Residents found mines in fields that had been clear in 2023.", indicator="mine_action")
        == []
    )


def test_a_share_of_reported_funding_the_top_rank_and_clearing_where_the_money_went() -> None:
    text = (
        "The United States provided $304 million for conventional weapons destruction in fiscal year 2024, "
        "making it the largest donor to mine action. Of that, $91.5 million went to Ukraine, where U.S.-funded "
        "teams cleared 12 square kilometres of land in 2024.\n\nJapan was the second-largest donor, with $62 million."
    )
    got = {
        (f.state, f.value, f.when.start if f.when else None) for f in facts_of(text, indicator="mine_action")
    }
    assert got == {
        ("USA", "top funder", "2023-10-01"),
        ("USA", 304000000, "2023-10-01"),
        ("USA", 91500000, "2023-10-01"),
        ("UKR", "clearance", "2024-01-01"),
        ("JPN", 62000000, None),
    }


def test_clearing_in_a_state_named_first_and_the_clearance_of_minefields() -> None:
    text = (
        "Colombia is named here. Colombia again.\n\n"
        "54. In Afghanistan, the Mine Action Programme cleared 28 square kilometres in 2024.\n\n"
        "57. Sri Lanka completed the clearance of all known minefields in its north in October 2024."
    )
    got = {(f.state, f.when.start) for f in facts_of(text, indicator="mine_action")}
    assert got == {("AFG", "2024-01-01"), ("LKA", "2024-10-01")}


def test_the_clearance_of_an_area_is_clearance_but_supporting_it_is_not() -> None:
    text = "Mauritania reported the clearance of 4.2 square kilometres in the north since 2020."
    (f,) = facts_of(text, on="2024-12-02", indicator="mine_action")
    assert (f.state, f.value, f.when.precision) == ("MRT", "clearance", "since")
    assert (
        facts_of("Norway urged the US to support survey and clearance of mines.", indicator="mine_action")
        == []
    )


def test_a_rank_within_a_group_is_not_the_top_rank() -> None:
    text = "Germany, the largest contributor among EU member states, pledged a further EUR 10 million for victim assistance."
    assert [(f.state, f.value, f.unit) for f in facts_of(text, indicator="mine_action")] == [
        ("DEU", 10000000, "EUR")
    ]


def test_each_amount_of_a_donor_list_is_the_state_named_before_it():
    text = (
        "Cambodia cleared 40 square kilometres. The United Nations was the largest donor in 2023, providing "
        "US$9 million, followed by Australia with US$3 million and Norway with €2 million."
    )
    facts = facts_of(text, state="KHM", indicator="mine_action")
    funding = {(f.state, f.value, f.unit) for f in facts if isinstance(f.value, float | int)}
    assert funding == {("AUS", 3_000_000, "USD"), ("NOR", 2_000_000, "EUR")}
    assert not [f for f in facts if f.value == "top funder"]  # the organization's rank is no state's


def test_money_spent_in_a_sentence_about_clearing_pays_for_it():
    text = "Viet Nam said it had cleared 300 hectares of land in 2023 and spent 60 million baht on the work."
    facts = facts_of(text, indicator="mine_action")
    assert {(f.value, f.unit) for f in facts} == {("clearance", None), (60_000_000, "THB")}
    assert all(f.when.start == "2023-01-01" for f in facts)


def test_clearing_is_dated_by_the_period_after_its_verb_before_one_before():
    text = "Peru, a State Party since 1998, cleared 12 hectares of mined land last year."
    [fact] = facts_of(text, on="2024-05-01", indicator="mine_action")
    assert fact.when.start == "2023-01-01"


def test_an_area_given_in_millions_of_square_metres_is_cleared():
    [fact] = facts_of(
        "In 2023, army engineers of Chile cleared 2.4 million square metres.", indicator="mine_action"
    )
    assert (fact.state, fact.value) == ("CHL", "clearance")


def test_clearing_as_the_purpose_of_training_is_no_clearance():
    text = "Peru keeps 400 mines for training soldiers to detect and clear mines."
    assert facts_of(text, indicator="mine_action") == []
