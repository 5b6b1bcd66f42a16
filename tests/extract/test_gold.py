"""The development gold set: extraction must stay above the floor a researcher can trust."""

from __future__ import annotations

from pathlib import Path

import pytest

from minewatch.extract.evaluate import PROVISIONS_ROW, evaluate, load_gold
from tests.conftest import ANALYSIS, CORPUS, PROFILE

GOLD = Path(__file__).parent / "gold" / "dev.jsonl"
# Texts of our own, annotated before the rules first ran on them (first runs: F1 0.62 on the first
# four, 0.61 on the next five, 0.57 on the six after; see docs/gold.md); the rules were then fixed
# where they failed, so this is a regression check.
SECOND = Path(__file__).parent / "gold" / "heldout.jsonl"
OVERALL_F1 = 0.90
INDICATOR_F1 = 0.80


@pytest.fixture(scope="module")
def result():
    return evaluate(GOLD, CORPUS)


def test_gold_covers_both_documents_and_every_indicator() -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 80
    assert {g.file for g in gold} == {PROFILE.name, ANALYSIS.name}
    assert {g.indicator for g in gold} >= {
        "treaty_status", "policy", "use", "production", "transfer", "stockpile",
        "destruction", "retained", "alternatives", "diplomacy", "mine_action",
    }  # fmt: skip


def test_gold_spans_still_point_at_their_passages(result) -> None:
    _report, drifted = result
    assert drifted == []


def test_overall_f1_floor(result) -> None:
    report, _ = result
    assert report.overall.f1 >= OVERALL_F1, f"overall F1 {report.overall.f1:.3f}"


def test_no_indicator_below_floor(result) -> None:
    report, _ = result
    low = {name: round(s.f1, 3) for name, s in report.rows.items() if s.f1 < INDICATOR_F1}
    assert not low, f"below {INDICATOR_F1}: {low}"
    assert PROVISIONS_ROW in report.rows


def test_second_set_stays_above_the_floor() -> None:
    report, drifted = evaluate(SECOND, SECOND.parent / "heldout")
    assert drifted == []
    assert report.overall.f1 >= OVERALL_F1, f"overall F1 {report.overall.f1:.3f}"
