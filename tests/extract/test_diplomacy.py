"""``diplomacy``: UNGA votes, meeting attendance one fact per meeting, statements by other states."""

from __future__ import annotations

from minewatch.extract import extract
from minewatch.vocab import load
from tests.extract.conftest import document, facts_of


def test_votes() -> None:
    (f,) = facts_of(
        "In December 2020, Russia abstained on UN General Assembly Resolution 75/52.", indicator="diplomacy"
    )
    assert (f.state, f.value, f.attributes["resolution"], f.when.start) == (
        "RUS",
        "abstain",
        "75/52",
        "2020-12-01",
    )
    (f,) = facts_of("Cuba voted against the annual resolution in 2019.", indicator="diplomacy")
    assert f.value == "no"


def test_each_meeting_gets_its_own_date() -> None:
    facts = facts_of(
        "Morocco attended the Fourth Review Conference in Oslo in November 2019 and the intersessional meetings in June 2020.",
        indicator="diplomacy",
    )
    assert sorted((f.attributes["meeting"], f.when.start) for f in facts) == [
        ("Fourth Review Conference", "2019-11-01"),
        ("intersessional meetings", "2020-06-01"),
    ]


def test_statements_are_dated_by_their_notes() -> None:
    text = (
        "Canada,[1] Japan and Chile[2] expressed regret at the decision.\n\n"
        "[1] Global Affairs Canada, statement, 3 March 2021.\n\n[2] Ministry note, 5 March 2021."
    )
    facts = [f for f in extract(document(text, state="USA"), load()) if f.indicator == "diplomacy"]
    got = {f.state: (f.when.start if f.when else None) for f in facts}
    assert got == {"CAN": "2021-03-03", "JPN": None, "CHL": "2021-03-05"}


def test_statements_by_the_subject_or_by_people_are_not_counted() -> None:
    assert (
        facts_of(
            "The Ambassador of Sudan issued a statement criticizing the decision.",
            state="USA",
            indicator="diplomacy",
        )
        == []
    )


def test_not_voting_takes_the_resolution_from_the_sentence_before() -> None:
    facts = facts_of(
        "In December 2024, Egypt abstained on UN General Assembly Resolution 79/43. Iran did not vote.",
        indicator="diplomacy",
    )
    got = {(f.state, f.value, f.attributes["resolution"], f.when.start) for f in facts}
    assert got == {("EGY", "abstain", "79/43", "2024-12-01"), ("IRN", "absent", "79/43", "2024-12-01")}


def test_votes_in_a_later_paragraph_take_the_resolution_and_its_date() -> None:
    text = (
        "On 2 December 2022 the General Assembly adopted Resolution 77/63 by a recorded vote.\n\n"
        "Among the states outside the treaty, Egypt, Iran and Cuba abstained. Nepal and Laos did not vote."
    )
    facts = [f for f in extract(document(text, state="EGY"), load()) if f.indicator == "diplomacy"]
    assert sorted((f.state, f.value, f.when.start, f.attributes["resolution"]) for f in facts) == [
        ("CUB", "abstain", "2022-12-02", "77/63"),
        ("EGY", "abstain", "2022-12-02", "77/63"),
        ("IRN", "abstain", "2022-12-02", "77/63"),
        ("LAO", "absent", "2022-12-02", "77/63"),
        ("NPL", "absent", "2022-12-02", "77/63"),
    ]


def test_two_votes_in_one_sentence_keep_their_own_dates() -> None:
    text = (
        "In December 2023 the General Assembly voted on Resolution 78/52.\n\n"
        "Poland abstained, reversing its vote in favor of last year's resolution."
    )
    facts = [f for f in extract(document(text, on="2024-01-15"), load()) if f.indicator == "diplomacy"]
    assert sorted((f.value, f.when.start) for f in facts if f.state == "POL") == [
        ("abstain", "2023-12-01"),
        ("yes", "2023-01-01"),
    ]


def test_a_vote_far_from_any_resolution_is_not_a_vote() -> None:
    filler = "The ministry published its annual report on demining. " * 15
    text = f"In 2022 the General Assembly adopted Resolution 77/63.\n\n{filler}\n\nThe senators voted for the budget."
    assert not [f for f in extract(document(text, state="USA"), load()) if f.indicator == "diplomacy"]


def test_did_not_attend_is_an_absence() -> None:
    (f,) = facts_of(
        "Myanmar did not attend the Twenty-First Meeting of States Parties in Geneva in November 2023.",
        indicator="diplomacy",
    )
    assert (f.state, f.value, f.polarity, f.when.start) == ("MMR", "absent", "affirmed", "2023-11-01")


def test_calling_on_others_is_a_statement() -> None:
    facts = facts_of(
        "Malaysia and Indonesia called on both sides to exercise restraint over the mines.",
        state="THA",
        indicator="diplomacy",
    )
    assert {(f.state, f.value) for f in facts} == {("MYS", "statement"), ("IDN", "statement")}


def test_observers_listed_after_a_colon_attend_the_conference_dated_before() -> None:
    text = (
        "1. The Conference was held in Geneva on 15 November 2023.\n\n"
        "2. The following States participated in the Conference as observers: Egypt, Iran and Viet Nam.\n"
    )
    facts = facts_of(text, state="CHE", indicator="diplomacy")
    assert {(f.state, f.value, f.when.start) for f in facts} == {
        ("EGY", "attended", "2023-11-15"),
        ("IRN", "attended", "2023-11-15"),
        ("VNM", "attended", "2023-11-15"),
    }


def test_a_group_of_voters_votes_through_the_states_it_lists() -> None:
    text = (
        "Each year the UN General Assembly adopts a resolution on the Mine Ban Treaty. "
        "Several states not party have voted in favor of every resolution since 1997: Armenia, Bahrain and Georgia."
    )
    votes = {(f.state, f.value) for f in facts_of(text, state="USA", indicator="diplomacy")}
    assert votes == {("ARM", "yes"), ("BHR", "yes"), ("GEO", "yes")}


def test_a_statement_title_is_its_state_speaking_on_the_day() -> None:
    text = "Intersessional Meetings\n\nStatement by the delegation of Chile\n\nMr. President,\n\nThank you."
    (f,) = facts_of(text, on="2025-06-18", indicator="diplomacy")
    assert (f.state, f.value, f.when.start) == ("CHL", "statement", "2025-06-18")


def test_a_state_explaining_its_vote_is_a_statement_dated_by_the_vote() -> None:
    text = (
        "NEW YORK - The General Assembly on Thursday adopted Resolution 79/43 on the Mine Ban Treaty by a vote "
        "of 158 to none. Egypt abstained; Egypt's delegate said the treaty ignored states with long borders."
    )
    facts = facts_of(text, on="2024-11-01", indicator="diplomacy")
    assert ("EGY", "statement", "2024-10-31") in [(f.state, f.value, f.when.start) for f in facts]
    assert facts_of("Egypt said it would review its position.", indicator="diplomacy") == []


def test_a_state_that_made_a_statement_at_a_meeting_spoke_there() -> None:
    text = "Belarus attended the Twenty-first Meeting of States Parties in November 2023, where it made a statement."
    facts = facts_of(text, indicator="diplomacy")
    assert {(f.state, f.value, f.when.start[:7]) for f in facts} == {
        ("BLR", "attended", "2023-11"),
        ("BLR", "statement", "2023-11"),
    }


def test_telling_a_review_conference_is_a_statement_dated_by_it() -> None:
    text = "Mauritania has completed clearance of all known mined areas, the government told the Fifth Review Conference."
    (f,) = facts_of(text, indicator="diplomacy")
    assert (f.state, f.value, f.when.start) == ("MRT", "statement", "2024-11-25")


def test_attending_these_meetings_is_attending_the_meeting_a_statement_is_made_to():
    text = "Statement by Nepal\nIntersessional Meetings\n\nNepal attends these meetings as an observer state."
    facts = facts_of(text, on="2025-06-18", indicator="diplomacy")
    assert ("attended", "2025-06-18") in {(f.value, f.when.start) for f in facts}


def test_telling_the_monitor_is_no_explanation_of_vote():
    text = (
        "Cuba abstained on the UN General Assembly resolution in December 2024. "
        "Cuba told the Monitor that it keeps its mines for national defence."
    )
    assert [f.value for f in facts_of(text, indicator="diplomacy")] == ["abstain"]


def test_telling_the_conference_on_disarmament_is_a_statement():
    [fact] = facts_of(
        "Israel told the Conference on Disarmament in 2018 that it supports a ban.", indicator="diplomacy"
    )
    assert (fact.state, fact.value, fact.when.start) == ("ISR", "statement", "2018-01-01")


def test_attending_the_meeting_a_sentence_before_named():
    text = (
        "SIEM REAP, 29 November 2024 - The Fifth Review Conference of the Mine Ban Treaty closed today. "
        "Palau, which joined the treaty in 2007, attended as a State Party."
    )
    facts = facts_of(text, on="2024-11-29", indicator="diplomacy")
    assert [(f.state, f.value, f.when.start) for f in facts] == [("PLW", "attended", "2024-11-25")]


def test_a_statement_in_a_text_without_notes_is_dated_by_the_text():
    text = "At the meeting, Canada and Norway condemned the new use of antipersonnel mines."
    facts = facts_of(text, state="CHE", on="2024-06-20", indicator="diplomacy")
    assert {(f.state, f.when.start) for f in facts} == {("CAN", "2024-06-20"), ("NOR", "2024-06-20")}
