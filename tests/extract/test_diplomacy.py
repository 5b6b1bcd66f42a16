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
