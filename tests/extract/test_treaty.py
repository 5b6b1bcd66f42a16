"""``treaty_status``: events, denials, observer status, CCW; goals and counts are not statuses."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of


@pytest.mark.parametrize(
    ("text", "value", "polarity"),
    [
        ("Finland acceded to the Mine Ban Treaty in 2012.", "accession", "affirmed"),
        ("Finland has not acceded to the Mine Ban Treaty.", "accession", "denied"),
        ("Poland signed the Ottawa Convention in 1997 and ratified it in 2012.", "ratification", "affirmed"),
        ("Egypt has never signed the treaty.", "signature", "denied"),
        ("Israel refused to join the Mine Ban Treaty.", "accession", "denied"),
    ],
)
def test_events(text: str, value: str, polarity: str) -> None:
    facts = facts_of(text, indicator="treaty_status")
    assert (value, polarity) in [(f.value, f.polarity) for f in facts]


def test_denials_hold_as_of_the_document() -> None:
    (f,) = facts_of("India has not joined the Mine Ban Treaty.", on="2023-05-01", indicator="treaty_status")
    assert (f.state, f.when.start) == ("IND", "2023-05-01")


@pytest.mark.parametrize(
    "text",
    [
        "The government set the goal of joining the treaty by 2030.",
        "Officials described the aspiration to accede to the convention.",
        "Since 2018, 164 countries have joined the Mine Ban Treaty.",
        "If the state were party to the treaty, it could not keep its stocks.",
        "The president could seek ratification of the treaty in 2025.",
        "The move took the country off the path towards joining the treaty.",
    ],
)
def test_not_statuses(text: str) -> None:
    assert facts_of(text, state="USA", indicator="treaty_status") == []


def test_observer_and_ccw() -> None:
    facts = facts_of(
        "Since 2011, China has attended meetings of the treaty as an observer.", indicator="treaty_status"
    )
    assert [(f.state, f.value, f.when.precision) for f in facts] == [("CHN", "observer", "since")]
    facts = facts_of(
        "India is party to the CCW and submitted its Amended Protocol II report on 2 March 2021.",
        indicator="treaty_status",
    )
    assert sorted((f.value, f.when.start) for f in facts) == [
        ("CCW Amended Protocol II report", "2021-03-02"),
        ("CCW party", "2021-06-30"),
    ]


def test_an_announced_withdrawal_is_a_fact_a_wish_is_not() -> None:
    (f,) = facts_of(
        "The government announced today that it will withdraw from the Mine Ban Treaty.",
        state="LVA",
        on="2024-07-01",
        indicator="treaty_status",
    )
    assert (f.value, f.when.start) == ("withdrawal", "2024-07-01")
    assert (
        facts_of(
            "Some deputies would withdraw from the treaty if they could.",
            state="LVA",
            indicator="treaty_status",
        )
        == []
    )


def test_a_denial_does_not_take_another_clauses_date() -> None:
    facts = facts_of(
        "Russia has not joined the Mine Ban Treaty and has never declared its stockpile, estimated at 26.5 million mines in 2004.",
        on="2024-05-05",
        indicator="treaty_status",
    )
    assert [(f.state, f.polarity, f.when.start) for f in facts] == [("RUS", "denied", "2024-05-05")]


def test_the_protocol_of_a_ccw_document_and_plural_reports() -> None:
    text = (
        "Convention on Certain Conventional Weapons\n\nAnnual Conference report\n\n"
        "Georgia and Lithuania submitted their national annual reports for 2023 under Article 13 of the"
        " Protocol.\n"
    )
    facts = facts_of(text, indicator="treaty_status")
    assert {(f.state, f.value, f.when.year) for f in facts} == {
        ("GEO", "CCW Amended Protocol II report", 2023),
        ("LTU", "CCW Amended Protocol II report", 2023),
    }


def test_states_not_party_to_amended_protocol_ii_are_each_denied() -> None:
    facts = facts_of(
        "The following States, not party to Amended Protocol II, took part as observers: Egypt and Iran.",
        indicator="treaty_status",
    )
    assert {(f.state, f.value, f.polarity) for f in facts} == {
        ("EGY", "CCW party", "denied"),
        ("IRN", "CCW party", "denied"),
    }


def test_urging_others_to_join_is_no_accession() -> None:
    text = "Austria and Mexico urged all High Contracting Parties to join the Mine Ban Treaty."
    assert facts_of(text, state="AUT", indicator="treaty_status") == []


def test_a_list_of_states_each_with_its_date() -> None:
    text = (
        "Four signatory states have ratified the treaty since the last report: Ukraine (December 2005), "
        "Haiti (February 2006) and Brunei (April 2006)."
    )
    got = {(f.state, f.value, f.when.start) for f in facts_of(text, state="USA", indicator="treaty_status")}
    assert got == {
        ("UKR", "ratification", "2005-12-01"),
        ("HTI", "ratification", "2006-02-01"),
        ("BRN", "ratification", "2006-04-01"),
    }


def test_the_treaty_opening_for_signature_is_no_states_signature() -> None:
    text = "Opened for signature on 3 December 1997, the Mine Ban Treaty entered into force on 1 March 1999."
    assert facts_of(text, state="USA", indicator="treaty_status") == []


def test_signing_a_law_on_withdrawal_is_no_signature() -> None:
    text = "On 24 April 2025, the President of Latvia signed a law on the country's withdrawal from the Ottawa Convention."
    assert [f.value for f in facts_of(text, state="LVA", indicator="treaty_status")] == ["withdrawal"]


def test_a_year_in_the_treaty_name_dates_nothing() -> None:
    (fact,) = facts_of("Ukraine is a state party to the 1997 Mine Ban Treaty.", state="UKR", on="2023-01-31")
    assert (fact.value, fact.when.start) == ("party", "2023-01-31")


def test_an_intent_to_join_is_no_accession() -> None:
    text = "The use of this weapon raises the question of Myanmar's sincerity in expressing its intent to join the Mine Ban Treaty."
    assert facts_of(text, state="MMR", indicator="treaty_status") == []


def test_becoming_a_state_party_on_a_date() -> None:
    text = "Greece signed the Mine Ban Treaty on 3 December 1997 and ratified it on 25 September 2003, becoming a State Party on 1 March 2004."
    got = [(f.value, f.when.start) for f in facts_of(text, state="GRC", indicator="treaty_status")]
    assert got == [("signature", "1997-12-03"), ("ratification", "2003-09-25"), ("party", "2004-03-01")]


def test_not_party_is_not_having_joined_and_holds_as_of_the_document() -> None:
    facts = facts_of(
        "Russia is not party to the Mine Ban Treaty.", on="2025-10-08", indicator="treaty_status"
    )
    assert [(f.state, f.value, f.polarity, f.when.start) for f in facts] == [
        ("RUS", "accession", "denied", "2025-10-08")
    ]
    described = "Among the states that are not party to the treaty, China and Russia abstained."
    assert facts_of(described, indicator="treaty_status") == []


def test_a_contract_signed_is_not_a_treaty_signed() -> None:
    text = "The ministry has signed a contract for mines, the first since it left the Mine Ban Treaty."
    assert "signature" not in [f.value for f in facts_of(text, indicator="treaty_status")]


def test_a_denial_is_not_dated_by_a_later_predicate() -> None:
    text = "South Korea has not joined the Mine Ban Treaty and abstained on the UN General Assembly resolution in December 2024."
    (f,) = facts_of(text, on="2025-03-03", indicator="treaty_status")
    assert (f.value, f.polarity, f.when.start) == ("accession", "denied", "2025-03-03")


def test_a_denial_the_same_text_contradicts_is_dropped() -> None:
    text = (
        "The Marshall Islands deposited its instrument of ratification of the Mine Ban Treaty on 12 March 2025. "
        "The country signed the treaty in 1997 but did not ratify it for almost three decades."
    )
    facts = facts_of(text, on="2025-03-14", indicator="treaty_status")
    assert sorted((f.value, f.polarity) for f in facts) == [
        ("ratification", "affirmed"),
        ("signature", "affirmed"),
    ]


def test_the_treaty_s_own_terms_are_no_state_s_withdrawal() -> None:
    text = "Under the treaty's terms, the withdrawal takes effect six months after notification."
    assert facts_of(text, state="UKR", indicator="treaty_status") == []


def test_a_state_party_since_a_date_joined_then():
    text = "Georgia reported to the Mine Ban Treaty. Albania has been a State Party to the Mine Ban Treaty since 1 August 2000."
    [fact] = [f for f in facts_of(text, indicator="treaty_status") if f.state == "ALB"]
    assert (fact.value, fact.polarity, fact.when.start) == ("accession", "affirmed", "2000-08-01")


def test_an_appositive_state_party_in_a_text_about_the_mine_ban_treaty():
    text = (
        "Ten states have yet to join the Mine Ban Treaty. "
        "Neighbouring Jordan, a State Party since 1999, said it had finished its border survey."
    )
    [fact] = [f for f in facts_of(text, indicator="treaty_status") if f.state == "JOR"]
    assert fact.value == "accession" and fact.when.start == "1999-01-01"
    assert facts_of("Jordan, a State Party since 1999, spoke first.", indicator="treaty_status") == []


def test_remaining_outside_the_treaty_is_not_having_joined():
    [fact] = facts_of(
        "Libya remains outside the Mine Ban Treaty.", on="2025-01-05", indicator="treaty_status"
    )
    assert (fact.value, fact.polarity, fact.when.start) == ("accession", "denied", "2025-01-05")


def test_observers_in_the_plural_and_an_observer_attending_now():
    text = "Officials of Oman took part as observers in the Twentieth Meeting of States Parties in November 2022."
    [obs] = [f for f in facts_of(text, indicator="treaty_status") if f.value == "observer"]
    assert obs.state == "OMN" and obs.when.start[:7] == "2022-11"
    now = facts_of("Nepal attends the meetings of the treaty as an observer.", on="2025-06-18")
    assert {(f.indicator, f.value, f.when.start) for f in now} >= {
        ("treaty_status", "observer", "2025-06-18")
    }


def test_a_count_of_states_signing_is_no_state_and_a_closing_did_not_denies_it():
    text = (
        "When the treaty opened for signature in December 1997, 121 states signed it; "
        "the United States, which had taken part in the talks, did not."
    )
    facts = facts_of(text, indicator="treaty_status")
    assert [(f.state, f.value, f.polarity, f.when.start) for f in facts] == [
        ("USA", "signature", "denied", "1997-12-01")
    ]


def test_each_event_of_a_sentence_is_the_state_named_before_it():
    text = "Greece ratified the treaty in September 2003, and Turkey acceded to it in September 2003."
    facts = facts_of(text, indicator="treaty_status")
    assert {(f.state, f.value) for f in facts} == {("GRC", "ratification"), ("TUR", "accession")}


def test_joined_with_the_treaty_left_unsaid_after_a_sentence_naming_it():
    text = "Few states outside Europe debated the Mine Ban Treaty. Neither Egypt nor Israel has joined."
    facts = facts_of(text, on="2025-01-01", indicator="treaty_status")
    assert {(f.state, f.polarity) for f in facts} == {("EGY", "denied"), ("ISR", "denied")}
    assert facts_of("Neither Egypt nor Israel has joined.", indicator="treaty_status") == []


def test_not_a_party_to_the_mine_ban_convention_and_no_ccw_report():
    text = (
        "Laos is not a party to the Convention on the Prohibition of Anti-Personnel Mines and has not "
        "submitted any report under the Convention on Certain Conventional Weapons."
    )
    facts = facts_of(text, on="2025-06-16", indicator="treaty_status")
    assert {(f.value, f.polarity) for f in facts} == {
        ("accession", "denied"),
        ("CCW Amended Protocol II report", "denied"),
    }


def test_an_event_noun_is_the_states_named_after_it_dated_by_their_deposit() -> None:
    text = (
        "The Council welcomes the accession of Tuvalu, which deposited its instrument on 2 May 2024, "
        "and calls on all States to join the Convention."
    )
    (fact,) = [f for f in facts_of(text, state="FRA", indicator="treaty_status")]
    assert (fact.state, fact.value, fact.when.start) == ("TUV", "accession", "2024-05-02")


def test_the_decisions_of_states_to_withdraw_are_theirs() -> None:
    text = "The Council regrets the decisions of Finland and Poland to withdraw from the Convention, announced in March 2025."
    found = facts_of(text, state="FRA", indicator="treaty_status")
    assert sorted((f.state, f.value, f.when.precision) for f in found) == [
        ("FIN", "withdrawal", "month"),
        ("POL", "withdrawal", "month"),
    ]


def test_the_withdrawal_refers_to_the_treaty_named_just_before() -> None:
    text = "Finland decided in April 2025 to withdraw from the Ottawa Convention. Parliament approved the withdrawal on 19 June 2025."
    found = facts_of(text, state="FIN", on="2025-07-14", indicator="treaty_status")
    assert sorted(f.when.start for f in found) == ["2025-04-01", "2025-06-19"]


def test_a_label_opening_a_paragraph_is_no_part_of_its_sentence() -> None:
    text = (
        "Signatories that have not ratified: Tuvalu signed the treaty in 1997 and ratified it in March 2025."
    )
    found = facts_of(text, state="MMR", on="2025-09-01", indicator="treaty_status")
    assert sorted((f.state, f.value, f.polarity) for f in found) == [
        ("TUV", "ratification", "affirmed"),
        ("TUV", "signature", "affirmed"),
    ]
