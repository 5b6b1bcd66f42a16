"""The vocabulary: every state, the mine-type catalogue and the indicators load and match."""

from __future__ import annotations

import pytest

from minewatch.vocab import load


def test_every_un_member_observer_and_monitored_area() -> None:
    v = load()
    kinds = [s.status for s in v.states.values()]
    assert kinds.count("un_member") == 193
    assert {c for c, s in v.states.items() if s.status == "observer"} == {"VAT", "PSE"}
    assert {"XKX", "TWN", "ESH"} <= set(v.states)
    assert len(v.states) == 198
    assert v.states["KOR"].name == "South Korea"  # names come from the ISO package


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("U.S.", "USA"),
        ("United States of America", "USA"),
        ("Burma", "MMR"),
        ("Republic of Korea", "KOR"),
        ("Lao PDR", "LAO"),
        ("Kosovo", "XKX"),
        ("usa", "USA"),
        ("Atlantis", None),
    ],
)
def test_state_code_from_names_and_aliases(name: str, code: str | None) -> None:
    assert load().state_code(name) == code


def test_state_mentions_respect_case_for_capital_aliases() -> None:
    found = load().find_states("Let us see: the US and American forces met South Korean officers in Iraq.")
    assert [c for *_, c in found] == ["USA", "USA", "KOR", "IRQ"]


def test_mine_types_match_aliases_longest_first() -> None:
    found = load().find_mine_types(
        "450,000 ADAM and 13,200 CBU-89/B Gator; the M87A1 Volcano and a Claymore."
    )
    assert [m for *_, m in found] == ["ADAM", "CBU-89", "M87", "M18A1"]


def test_every_indicator_has_a_profile_section() -> None:
    v = load()
    placed = [i for p in v.profile for i in p.indicators]
    assert sorted(placed) == sorted(v.indicators)
    assert v.profile[0].title == "Mine Ban Policy"


def test_fiscal_years_open_in_the_states_own_month() -> None:
    states = load().states
    assert (states["USA"].fiscal_start, states["GBR"].fiscal_start, states["AUS"].fiscal_start) == (10, 4, 7)
    assert states["FRA"].fiscal_start == 1


def test_myanmars_factory_mines_are_catalogued() -> None:
    found = load().find_mine_types("The army laid M-14 and MM-2 mines; MM1 mines were found too.")
    assert [code for *_, code in found] == ["M14", "MM-2", "MM-1"]
