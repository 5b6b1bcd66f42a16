"""``destruction`` and ``retained``: counts destroyed, programs, contracts, deadlines; mines kept."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of


def test_counts_destroyed_by_type() -> None:
    facts = facts_of(
        "Since 2016, at least 1,200 M14 mines and 300 M16A1 mines have been destroyed at the depot.",
        state="USA",
        indicator="destruction",
    )
    assert sorted((f.value, f.approx, tuple(f.mine_types)) for f in facts) == [
        (300, None, ("M16A1",)),
        (1200, "at least", ("M14",)),
    ]
    assert all(f.when.precision == "since" for f in facts)


def test_program_start_and_planned_end() -> None:
    facts = facts_of(
        "The destruction program began in March 2011 and was due to be completed by December 2014.",
        state="UKR",
        indicator="destruction",
    )
    got = {f.value: (f.when.start, f.when.end) for f in facts}
    assert got["program"] == ("2011-03-01", "2011-03-31")
    assert got["completion"] == (None, "2014-12-31")


def test_contract_names_types() -> None:
    (f,) = facts_of(
        "In 2018, a private firm won a contract to destroy ADAM and Volcano mines for the army.",
        state="USA",
        indicator="destruction",
    )
    assert (f.value, f.mine_types, f.when.year) == ("contract", ["ADAM", "M87"], 2018)


def test_not_stockpile_destruction() -> None:
    # clearing emplaced mines is mine action; a policy's promise is a provision; an unknown is no fact
    assert (
        facts_of(
            "In 2005 the army cleared and destroyed the mines laid along the border.",
            state="PER",
            indicator="destruction",
        )
        == []
    )
    assert (
        facts_of(
            "The 2014 policy committed the state to destroy its stocks.", state="USA", indicator="destruction"
        )
        == []
    )
    assert (
        facts_of(
            "It is unclear how many mines were destroyed before 2010.", state="USA", indicator="destruction"
        )
        == []
    )
    assert (
        facts_of(
            "Mines equipped with self-destruction features were fielded in 2001.",
            state="USA",
            indicator="destruction",
        )
        == []
    )


def test_retained_mines() -> None:
    (f,) = facts_of("In 2020, Brazil retained 1,560 mines for training in detection.", indicator="retained")
    assert (f.state, f.value, f.unit, f.when.year) == ("BRA", 1560, "mines", 2020)
    (f,) = facts_of("A small number of mines are retained for research.", state="CAN", indicator="retained")
    assert f.value == "small quantity"


def test_destroying_the_last_mines_completes_destruction() -> None:
    (f,) = facts_of(
        "Albania destroyed its last stockpiled antipersonnel mines in 2002.", indicator="destruction"
    )
    assert (f.state, f.value, f.when.year) == ("ALB", "completion", 2002)


def test_mines_retained_are_not_the_stockpile() -> None:
    assert (
        facts_of("The army holds 2,100 mines retained for training.", state="SRB", indicator="stockpile")
        == []
    )


def test_mines_planned_for_demilitarization_are_counted_and_not_a_completion() -> None:
    facts = facts_of(
        "The 2025 budget funds the demilitarization of about 20,000 M14 mines that reached the end of their life.",
        state="USA",
        indicator="destruction",
    )
    assert [(f.value, f.approx, f.mine_types) for f in facts] == [(20000, "approximately", ["M14"])]


def test_mines_destroyed_by_an_active_verb_are_not_the_stockpile() -> None:
    facts = facts_of("In 2019, army engineers destroyed 4,500 stockpiled mines.", state="PER")
    assert [(f.indicator, f.value) for f in facts] == [("destruction", 4500)]


def test_mines_retained_now_hold_as_of_the_document() -> None:
    (f,) = facts_of("Peru retains 1,200 mines for training.", indicator="retained")
    assert (f.value, f.when.start) == (1200, "2021-06-30")


def test_a_retained_count_and_the_earlier_one_it_is_compared_with() -> None:
    facts = facts_of(
        "As of 31 December 2023, the army retained 1,890 antipersonnel mines for training, compared with"
        " 2,015 mines at the end of 2022.",
        state="PER",
        indicator="retained",
    )
    assert [(f.value, f.when.start[:4]) for f in facts] == [(1890, "2023"), (2015, "2022")]


def test_an_expected_completion_of_clearance_is_no_destruction_event() -> None:
    text = (
        "The army destroyed 300 stockpiled mines in 2021. Peru expects to complete the clearance of all"
        " known mined areas by 31 December 2025."
    )
    assert [f.value for f in facts_of(text, state="PER", indicator="destruction")] == [300]


def test_destroying_stocks_after_clearing_in_another_clause_counts() -> None:
    facts = facts_of(
        "China reported that its army had cleared 1,450 mines along its border and had destroyed 120,000"
        " obsolete mines in 2023.",
        indicator="destruction",
    )
    assert [(f.state, f.value, f.when.year) for f in facts] == [("CHN", 120000, 2023)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Greece has been in violation of the treaty since March 2008, when it missed its stockpile destruction deadline.",
            "2008-03-01",
        ),
        (
            "Belarus had failed to meet its deadline of 1 March 2008 to destroy its stockpiled landmines.",
            "2008-03-01",
        ),
    ],
)
def test_a_missed_deadline_is_a_completion_denied(text: str, start: str) -> None:
    (fact,) = [f for f in facts_of(text, state="GRC", indicator="destruction") if f.value == "completion"]
    assert (fact.polarity, fact.when.start, fact.attributes) == ("denied", start, {"deadline": "missed"})


def test_mines_kept_for_training_are_retained_and_a_state_speaking_dates_them() -> None:
    text = "It destroyed its stockpile of more than one million mines by 2016, keeping 2,000 for training."
    facts = facts_of(text, state="POL")
    assert {(f.indicator, f.value) for f in facts} == {
        ("destruction", 1000000),
        ("destruction", "completion"),  # its stockpile destroyed: all of it
        ("retained", 2000),
    }
    (f,) = facts_of("We retain 105 mines for the training of deminers.", state="TJK", on="2025-06-18")
    assert (f.indicator, f.value, f.when.start) == ("retained", 105, "2025-06-18")


def test_an_earlier_retained_count_without_its_unit_is_kept_too() -> None:
    text = "Belarus retained 4,565 mines for training at the end of 2023, down from 5,120 in 2021."
    facts = facts_of(text, indicator="retained")
    assert sorted((f.value, f.when.start[:4]) for f in facts) == [(4565, "2023"), (5120, "2021")]


def test_a_missed_deadline_in_the_present_and_a_count_set_after_its_mines() -> None:
    late = facts_of(
        "Greece and Ukraine are in violation of the treaty's stockpile destruction deadline.", on="2025-11-19"
    )
    assert {(f.state, f.value, f.polarity, f.when.start) for f in late} == {
        ("GRC", "completion", "denied", "2025-11-19"),
        ("UKR", "completion", "denied", "2025-11-19"),
    }
    done = facts_of(
        "Finland destroyed its last stockpiled antipersonnel mines, about one million in all, in 2015."
    )
    assert {(f.indicator, f.value) for f in done} == {("destruction", "completion"), ("destruction", 1000000)}


def test_a_retained_mines_table_gives_each_row_and_its_total_dated_by_the_reporting_period() -> None:
    text = (
        "Article 7 Report\nReporting period: 1 January 2024 to 31 December 2024\n\n"
        "Form D: Mines retained for training\n\n"
        "Type | Quantity | Purpose\nM16A1 | 120 | training\nTotal | 120 |\n\n"
        "In 2024, 36 retained mines were consumed in training."
    )
    facts = facts_of(text, state="CYP", on="2025-04-28", indicator="retained")
    assert [(f.value, f.mine_types, f.when.end) for f in facts] == [
        (120, ["M16A1"], "2024-12-31"),
        (120, [], "2024-12-31"),
    ]


def test_retained_mines_destroyed_leave_the_count_retained() -> None:
    facts = facts_of(
        "France destroyed 1,500 mines retained for training in 2024, leaving 3,980.", state="FRA"
    )
    assert [(f.indicator, f.value, f.when.start) for f in facts] == [("retained", 3980, "2024-01-01")]


def test_mines_found_and_destroyed_in_the_ground_are_clearance_not_stockpile_destruction():
    text = "In 2023 survey teams found and destroyed 640 antipersonnel mines in the ground near Tuzla."
    assert facts_of(text, state="BIH", indicator="destruction") == []


def test_the_last_stockpiled_mines_destroyed_by_a_date_complete_destruction():
    text = "Croatia holds no stocks of antipersonnel mines: its last 199,000 mines were destroyed by October 2002."
    facts = facts_of(text, indicator="destruction")
    assert {f.value for f in facts} == {199_000, "completion"}
    assert all(f.when.end == "2002-10-31" for f in facts)


def test_the_end_of_a_year_is_a_date_not_the_end_of_a_destruction():
    text = "Serbia destroyed its stockpile in 2007. It retained 2,700 mines at the end of 2023."
    done = [f.when.start for f in facts_of(text, indicator="destruction") if f.value == "completion"]
    assert done == ["2007-01-01"]  # its stockpile destroyed in 2007, nothing ended in 2023


def test_the_last_mines_destroyed_past_a_deadline_are_a_completion_not_a_missed_deadline():
    text = "Turkey has destroyed the last of its stockpiled mines, the ministry said on Friday, years past its deadline."
    facts = facts_of(text, on="2024-05-20", indicator="destruction")
    assert [(f.value, f.polarity, f.when.start) for f in facts] == [("completion", "affirmed", "2024-05-17")]


def test_a_duty_to_complete_by_a_date_is_no_completion():
    text = "Belarus was obliged to complete the destruction of its stocks by 1 March 2008."
    assert not [f for f in facts_of(text, indicator="destruction") if f.value == "completion"]


def test_that_deadline_is_the_one_the_sentence_before_set():
    text = (
        "Belarus was obliged to complete the destruction of its stocks by 1 March 2008. "
        "It missed that deadline, and a fire in 2011 at the plant halted the work."
    )
    [missed] = [f for f in facts_of(text, indicator="destruction") if f.value == "completion"]
    assert (missed.polarity, missed.when.start, missed.when.end) == ("denied", "2008-03-01", "2008-03-01")


def test_mines_kept_to_train_deminers_are_retained():
    [fact] = facts_of(
        "The army of Chile has kept 2,100 mines to train deminers.", on="2024-02-01", indicator="retained"
    )
    assert (fact.value, fact.when.start) == (2_100, "2024-02-01")


def test_completing_the_destruction_of_a_counted_stockpile_is_the_count_and_the_completion():
    text = "Chile completed the destruction of its stockpile of more than 300,000 mines in 2001."
    assert {(f.value, f.when.start) for f in facts_of(text, indicator="destruction")} == {
        (300_000, "2001-01-01"),
        ("completion", "2001-01-01"),
    }


def test_keeping_none_after_talk_of_mines_kept_for_training_denies_retention():
    text = "Peru keeps 400 mines for training deminers. Chile has said it keeps none at all."
    facts = facts_of(text, on="2024-03-01", indicator="retained")
    assert {(f.state, f.value, f.polarity) for f in facts} == {
        ("PER", 400, "affirmed"),
        ("CHL", "mines retained", "denied"),
    }
    assert facts_of("Chile has said it keeps none at all.", indicator="retained") == []


def test_mines_all_of_them_kept_for_training_are_retained_not_stockpiled():
    text = "The army of Peru holds 1,200 antipersonnel mines, all of them kept for training deminers."
    facts = facts_of(text, on="2024-03-01")
    assert {(f.indicator, f.value) for f in facts} == {("retained", 1_200)}


def test_reported_destroying_a_stockpile_counts_it_and_a_count_kept_after_it_is_retained():
    text = "Malawi reported destroying its stockpile of 21,000 mines in 2001; it has since kept 300 mines for training."
    facts = facts_of(text, on="2024-01-01")
    assert {(f.indicator, f.value) for f in facts} == {("destruction", 21_000), ("retained", 300)}


def test_the_destruction_of_a_stockpile_was_completed_and_clearing_an_area_destroys_no_stocks():
    text = (
        "The destruction of the stockpile of 2,500 mines was completed in May 2003. "
        "During 2024, 90,000 square metres were released and 41 anti-personnel mines were destroyed in the process."
    )
    facts = facts_of(text, state="MDA", indicator="destruction")
    assert {(f.value, f.when.start) for f in facts} == {(2_500, "2003-05-01"), ("completion", "2003-05-01")}


def test_what_a_state_is_unable_to_destroy_is_no_destruction() -> None:
    text = (
        "Ukraine holds 3 million mines, which it has been unable to destroy since the facility was damaged."
    )
    assert facts_of(text, state="UKR", indicator="destruction") == []


def test_an_answer_no_ends_its_sentence_and_a_stockpile_destroyed_is_done() -> None:
    text = "Does Finland still have mines? No. Finland destroyed its stockpile of 1,000 mines by 2015."
    found = {(f.value, f.polarity) for f in facts_of(text, state="FIN", indicator="destruction")}
    assert found == {(1000, "affirmed"), ("completion", "affirmed")}
