"""``use``: use needs mines as its object; denials, exceptions, places and minefields."""

from __future__ import annotations

import pytest

from minewatch.extract import extract
from minewatch.vocab import load
from tests.extract.conftest import document, facts_of


def test_a_count_with_place_type_and_year() -> None:
    (f,) = facts_of(
        "In 2016, in Yemen the army used 2,500 PMN antipersonnel mines.", state="SAU", indicator="use"
    )
    assert (f.state, f.value, f.unit, f.when.year, f.polarity) == ("SAU", 2500, "mines", 2016, "affirmed")
    assert f.attributes["location"] == ["YEM"]


def test_a_denial_since_a_year() -> None:
    (f,) = facts_of("Peru has not used antipersonnel mines since 1995.", indicator="use")
    assert (f.state, f.polarity, f.when.precision, f.when.start) == ("PER", "denied", "since", "1995-01-01")


def test_a_denial_keeps_its_exception_apart() -> None:
    facts = facts_of(
        "The armed forces have not used antipersonnel mines since 2001, with one exception in Mali in 2013.",
        state="FRA",
        indicator="use",
    )
    denied = [f for f in facts if f.polarity == "denied"]
    affirmed = [f for f in facts if f.polarity == "affirmed"]
    assert denied and denied[0].when.start[:4] == "2001"
    assert affirmed and affirmed[0].when.year == 2013 and affirmed[0].attributes["location"] == ["MLI"]


def test_ongoing_use_holds_as_of_the_document() -> None:
    (f,) = facts_of(
        "Myanmar continues to use antipersonnel mines; its army is still using them.",
        on="2022-03-01",
        indicator="use",
    )
    assert f.state == "MMR" and f.when.start == "2022-03-01"


def test_use_of_something_else_is_no_use() -> None:
    text = "The minister used a 2019 speech to call for the elimination of antipersonnel mines."
    assert facts_of(text, state="CAN", indicator="use") == []


def test_conditionals_and_policies_are_no_use() -> None:
    assert (
        facts_of("Officials said they could use landmines in 2025 if attacked.", state="POL", indicator="use")
        == []
    )
    assert (
        facts_of(
            "The 2018 policy permits the army to use mines in 2019 exercises.", state="POL", indicator="use"
        )
        == []
    )


def test_minefields_held_and_denied() -> None:
    denied = facts_of("The country maintains no minefields on its territory.", state="CHL", indicator="use")
    assert [(f.value, f.polarity) for f in denied] == [("minefields", "denied")]
    held = facts_of(
        "The mines along the border are the responsibility of Thailand.", state="KHM", indicator="use"
    )
    assert [(f.state, f.value, f.polarity) for f in held] == [("THA", "minefields", "affirmed")]


def test_an_accusation_names_the_alleged_user() -> None:
    (f,) = facts_of(
        "Ukraine accused Russia of using antipersonnel mines near Izium in April.",
        on="2024-05-05",
        indicator="use",
    )
    assert (f.state, f.when.start, f.attributes.get("alleged")) == ("RUS", "2024-04-01", True)
    assert facts_of("Officers argued against using mines in 2019.", state="USA", indicator="use") == []


def test_a_date_of_the_report_does_not_date_the_use() -> None:
    (f,) = facts_of(
        "The use of a mine in Mali was revealed in a report of March 2019.", state="FRA", indicator="use"
    )
    assert f.when is None and f.attributes["location"] == ["MLI"]


def test_a_report_before_the_use_keeps_the_use_date() -> None:
    (f,) = facts_of(
        "The ministry reported that Colombia used 300 antipersonnel mines in 2018.", indicator="use"
    )
    assert (f.state, f.value, f.when.year) == ("COL", 300, 2018)


def test_scattering_mines_and_a_report_dated_before_the_use() -> None:
    (f,) = facts_of(
        "Armenia accused Azerbaijan of scattering antipersonnel mines in May 2021.", indicator="use"
    )
    assert (f.state, f.when.start, f.attributes.get("alleged")) == ("AZE", "2021-05-01", True)
    (f,) = facts_of(
        "In 2021, a monitoring group said Sudanese forces had fired rockets carrying PFM-1 mines in 2020.",
        indicator="use",
    )
    assert (f.state, f.when.start, f.mine_types) == ("SDN", "2020-01-01", ["PFM-1"])


def test_in_the_section_on_use_a_denied_use_needs_no_object() -> None:
    text = (
        "Use\n\nChad laid mines in 1998, and most were cleared by 2003. There has been no new use since then."
    )
    (f,) = [
        f
        for f in extract(document(text, state="TCD"), load())
        if f.indicator == "use" and f.polarity == "denied"
    ]
    assert (f.when.start, f.when.precision) == ("2003-01-01", "since")
    assert not facts_of("There has been no new use since then.", state="TCD", indicator="use")


def test_blamed_for_laying_them_is_the_accused_states_use_even_undated() -> None:
    facts = facts_of(
        "Thailand's defence ministry said soldiers had found freshly laid antipersonnel mines, and blamed"
        " Cambodian troops for laying them in recent weeks.",
        state="THA",
        indicator="use",
    )
    assert [(f.state, f.value, f.polarity, f.when) for f in facts] == [("KHM", "use", "affirmed", None)]


def test_a_non_state_armed_group_using_mines_is_no_states_use() -> None:
    assert (
        facts_of("Non-state armed groups also used mines in at least five regions in 2024.", state="MMR")
        == []
    )
    (f,) = facts_of(
        "In 2024, government forces laid mines along roads in Sagaing.", state="MMR", indicator="use"
    )
    assert (f.state, f.when.year) == ("MMR", 2024)


def test_mines_destroyed_in_clearance_were_not_used_by_the_clearer() -> None:
    facts = facts_of(
        "During 2023 the demining centre released 84,300 square metres and destroyed 1,206 emplaced mines.",
        state="PER",
    )
    assert [(f.indicator, f.value) for f in facts] == [("mine_action", "clearance")]


def test_fenced_and_marked_mines_are_maintained_minefields() -> None:
    (f,) = facts_of(
        "All mines laid by our armed forces are fenced, marked and monitored.",
        state="PAK",
        on="2024-03-01",
        indicator="use",
    )
    assert (f.value, f.polarity, f.when.start) == ("minefields", "affirmed", "2024-03-01")
    assert facts_of("The route was marked and fenced by engineers.", state="PAK", indicator="use") == []


def test_coordinated_users_each_get_the_use() -> None:
    facts = facts_of(
        "Yet in 2011, Israel and Libya laid new antipersonnel mines.", state="USA", indicator="use"
    )
    assert sorted((f.state, f.when.start) for f in facts) == [("ISR", "2011-01-01"), ("LBY", "2011-01-01")]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine is a state party to the 1997 Mine Ban Treaty, which prohibits any use of antipersonnel mines.",
        "The resolution calls for a ban on the use of landmines everywhere by 2030.",
        "Today, the administration is announcing a step to limit the United States' use of antipersonnel landmines.",
    ],
)
def test_a_rule_against_use_is_no_use(text: str) -> None:
    assert facts_of(text, state="UKR", indicator="use") == []


def test_the_owner_of_a_use_is_its_user() -> None:
    text = "Researchers published three reports documenting Russian forces' use of antipersonnel mines in Ukraine in 2022."
    (fact,) = facts_of(text, state="UKR", indicator="use")
    assert (fact.state, fact.when.start, fact.attributes.get("alleged")) == ("RUS", "2022-01-01", None)


def test_coordinated_users_are_not_each_others_location() -> None:
    facts = facts_of("In 2011, Israel and Libya laid new antipersonnel mines.", state="USA", indicator="use")
    assert [f.attributes.get("location") for f in facts] == [None, None]


def test_a_start_someone_is_set_to_make_is_no_production() -> None:
    text = "Lithuania and Finland are set to start domestic production of antipersonnel mines next year."
    assert facts_of(text, state="FIN", indicator="production") == []


def test_a_capital_or_an_army_stands_for_its_state() -> None:
    text = "Last year, Russia's mission sent a letter accusing Kiev of using PFM-1 antipersonnel mines in Donbass."
    (fact,) = facts_of(text, state="RUS", on="2024-11-20", indicator="use")
    assert (fact.state, fact.attributes.get("alleged")) == ("UKR", True)
    (laid,) = facts_of(
        "In March 2023, the Tatmadaw laid antipersonnel mines near the village.", indicator="use"
    )
    assert laid.state == "MMR"


def test_a_use_is_dated_by_the_period_nearest_its_verb() -> None:
    text = "Ukraine ratified the treaty in December 2005 and accused Russia of laying mines in Kharkiv in May 2022."
    (f,) = facts_of(text, indicator="use")
    assert (f.state, f.when.start) == ("RUS", "2022-05-01")


def test_a_denial_ends_where_a_new_predicate_starts() -> None:
    text = "Russia is not party to the Mine Ban Treaty and has used antipersonnel mines in Ukraine since February 2022."
    (f,) = facts_of(text, indicator="use")
    assert (f.state, f.polarity) == ("RUS", "affirmed")


def test_a_dateline_dates_the_report_not_the_use_and_may_the_month_is_no_modal() -> None:
    text = "Title\n\n(Baku, 14 May 2025) - Azerbaijani forces laid antipersonnel mines near Tegh in February 2025."
    (f,) = facts_of(text, on="2025-05-14", indicator="use")
    assert (f.state, f.polarity, f.when.start) == ("AZE", "affirmed", "2025-02-01")


def test_a_government_denying_use_is_a_denied_use_as_of_the_report() -> None:
    text = "Azerbaijan's Ministry of Defense denied that its troops had used mines and said they dated from the 1990s."
    (f,) = facts_of(text, on="2025-05-14", indicator="use")
    assert (f.state, f.polarity, f.when.start) == ("AZE", "denied", "2025-05-14")


def test_use_by_government_forces_in_listed_states_is_each_state_s_own() -> None:
    text = "New use of antipersonnel mines by government forces was recorded in Russia, Myanmar and Ukraine in 2024."
    facts = facts_of(text, indicator="use")
    assert sorted(f.state for f in facts) == ["MMR", "RUS", "UKR"]
    assert all("location" not in f.attributes for f in facts)


def test_a_named_armed_group_in_a_state_is_no_state_s_use() -> None:
    assert (
        facts_of(
            "In Yemen, Houthi forces laid landmines along the western coast during 2024.", indicator="use"
        )
        == []
    )


def test_use_apart_from_an_incident_is_an_exception_to_the_denial():
    text = "Canada has not used antipersonnel mines since 1990, apart from one incident in Libya in 2011."
    facts = facts_of(text, on="2024-01-01", indicator="use")
    assert {(f.polarity, f.when.start) for f in facts} == {
        ("denied", "1990-01-01"),
        ("affirmed", "2011-01-01"),
    }


def test_a_state_maintaining_minefields_and_a_rule_on_where_mines_may_go():
    facts = facts_of(
        "Cyprus maintains the minefields along the buffer zone.", on="2024-03-12", indicator="use"
    )
    assert [(f.state, f.value, f.when.start) for f in facts] == [("CYP", "minefields", "2024-03-12")]
    rule = "Antipersonnel mines may be emplaced only inside marked, fenced and monitored areas."
    assert facts_of(rule, state="CYP", indicator="use") == []


def test_the_new_use_of_mines_by_named_states_is_each_states_now():
    text = "Several delegations, including Chile and Peru, condemned the new use of antipersonnel mines by Iran and Syria."
    facts = facts_of(text, state="CHE", on="2024-11-29", indicator="use")
    assert {(f.state, f.when.start) for f in facts} == {("IRN", "2024-11-29"), ("SYR", "2024-11-29")}
    assert all("IRN" not in f.attributes.get("location", []) for f in facts)
    unnamed = "Several delegations expressed concern at reports of new use of antipersonnel mines."
    assert facts_of(unnamed, state="CHE", indicator="use") == []


def test_minefields_laid_under_a_former_name_are_the_states():
    text = (
        "Zimbabwe's mined areas date from the 1970s, when Rhodesian forces laid minefields along its borders."
    )
    [fact] = facts_of(text, on="2025-01-20", indicator="use")
    assert (fact.state, fact.when.start[:4]) == ("ZWE", "1970")


def test_each_user_after_and_by_has_its_own_use_and_dates() -> None:
    text = (
        "The Council condemns the use of antipersonnel mines by Russia in Ukraine since March 2022 "
        "and by Myanmar's armed forces, which laid new mines near its border in 2023."
    )
    found = {f.state: f for f in facts_of(text, state="FRA", indicator="use")}
    assert sorted(found) == ["MMR", "RUS"]
    assert (found["RUS"].when.precision, found["MMR"].when.start) == ("since", "2023-01-01")
    assert "MMR" not in found["RUS"].attributes.get("location", [])
