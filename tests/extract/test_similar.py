"""Decisions taken "similarly" repeat the event just told, for each state that took them."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def test_similar_decisions_repeat_the_announced_withdrawal_for_each_state() -> None:
    text = (
        "Lithuania announced today that it will withdraw from the Mine Ban Treaty. "
        "Lithuania ratified the treaty in 2003.\n\n"
        "Estonia, Latvia and Poland announced similar decisions in March."
    )
    carried = [f for f in facts_of(text, on="2024-09-09") if f.extractor == "similar.event@1"]
    assert sorted((f.state, f.value, f.when.start) for f in carried) == [
        ("EST", "withdrawal", "2024-03-01"),
        ("LVA", "withdrawal", "2024-03-01"),
        ("POL", "withdrawal", "2024-03-01"),
    ]


def test_a_similar_contract_repeats_the_contract_not_the_nearest_event() -> None:
    text = (
        "Poland has signed a contract for the production of antipersonnel mines. "
        "Poland ratified the treaty in 2012. Lithuania announced a similar contract in November 2025."
    )
    carried = [f for f in facts_of(text, on="2026-02-03") if f.extractor == "similar.event@1"]
    assert [(f.state, f.indicator, f.value, f.when.start) for f in carried] == [
        ("LTU", "production", "production", "2025-11-01")
    ]


def test_nothing_to_repeat_gives_nothing() -> None:
    assert facts_of("Estonia announced similar decisions in March.", on="2024-09-09") == []
