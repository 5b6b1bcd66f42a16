"""Whom a sentence is about: its subject, not the places or companies it names."""

from __future__ import annotations

import pytest

from minewatch.extract.attribution import locations, subject_state, subject_states
from minewatch.vocab import load
from tests.extract.conftest import facts_of


def mentions(text: str):
    return load().find_states(text)


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("In 2018, in Syria and Iraq the coalition used mines.", "USA", "USA"),  # places are not subjects
        ("In 1991, in Iraq and Kuwait the US used 117,634 mines.", "USA", "USA"),
        ("Myanmar is the only state still laying mines.", "USA", "MMR"),
        ("Ukraine reported destroying 100,000 mines.", "RUS", "UKR"),
        ("The Ambassador of Sudan issued a statement.", "USA", "USA"),  # an office's country
        ("A Spanish defense company won the contract to destroy the mines.", "USA", "USA"),
        ("Previously, in 2014, Finland destroyed its stocks.", "USA", "FIN"),
        ("Mines were used near the border with Thailand.", "KHM", "KHM"),
        ("The Pacific nation of Tuvalu acceded in September 2011.", "USA", "TUV"),  # named, not a place
        ("The government of Myanmar laid new mines.", "USA", "MMR"),
    ],
)
def test_subject(text: str, default: str, expected: str) -> None:
    assert subject_state(text, mentions(text), 0, default) == expected


def test_coordinated_subjects() -> None:
    text = "Belgium, France and Norway expressed concern."
    assert subject_states(text, mentions(text), 0, "USA") == ["BEL", "FRA", "NOR"]


def test_elliptic_coordination_names_both_states() -> None:
    from minewatch.extract.attribution import elliptic_states

    text = "South and North Korea began removing mines."
    found = mentions(text) + elliptic_states(text, load().state_code)
    assert sorted(subject_states(text, sorted(found), 0, "USA")) == ["KOR", "PRK"]


def test_places_become_locations() -> None:
    text = "The army used mines in Iraq and Kuwait and at Guantanamo Bay."
    assert locations(text, mentions(text), 0, "USA") == ["IRQ", "KWT", "CUB"]


def test_a_list_of_places_stays_places() -> None:
    text = "The UK's programme funds clearance in Afghanistan, Angola, Laos and Ukraine."
    assert subject_states(text, mentions(text), 0, "GBR") == ["GBR"]
    assert locations(text, mentions(text), 0, "GBR") == ["AFG", "AGO", "LAO", "UKR"]


def test_a_speaker_with_no_state_reports_the_state_after_said() -> None:
    text = 'Its defence ministry said Cambodia "has not laid a single new mine" since 2000.'
    assert subject_states(text, mentions(text), 0, "THA") == ["KHM"]
    text = "A spokesman said the mines were old."
    assert subject_states(text, mentions(text), 0, "THA") == ["THA"]


def test_a_state_reporting_another_states_act_gives_the_actor() -> None:
    text = "4. In the exchange of views, Ukraine said that Russian forces had used mines in 2023."
    assert subject_states(text, mentions(text), 0, "CHE") == ["RUS"]
    text = "China reported that its army had cleared 1,450 mines."
    assert subject_states(text, mentions(text), 0, "CHE") == ["CHN"]


def test_a_paragraph_led_by_a_state_and_a_colon_is_about_that_state() -> None:
    """Digests of many states open each paragraph with its name: 'AFGHANISTAN: …'."""
    text = (
        "Key developments\n\n"
        "AFGHANISTAN: Afghanistan acceded to the Mine Ban Treaty on 11 September 2002. "
        "They cleared 22.5 square kilometers of mined land in 2002.\n\n"
        "ALGERIA: Algeria declared a stockpile of 165,080 antipersonnel mines in 2003.\n"
    )
    found = {(f.state, f.indicator) for f in facts_of(text, state="DZA")}
    assert {("AFG", "treaty_status"), ("AFG", "mine_action"), ("DZA", "stockpile")} <= found
    assert ("DZA", "mine_action") not in found


def test_we_is_the_state_the_document_speaks_for() -> None:
    text = (
        "Department of State - Press Briefing\nWashington, 21 June 2024\n\n"
        "Ukraine asked again. Ukraine waits.\n\n"
        "MR. MILLER: We have not provided antipersonnel landmines to Ukraine."
    )
    (f,) = facts_of(text, on="2024-06-21", indicator="transfer")
    assert (f.state, f.value, f.polarity) == ("USA", "transfer", "denied")


def test_an_administration_stands_for_its_state() -> None:
    text = "Ukraine asked for help.\n\nThe Biden administration authorized the transfer of antipersonnel mines to Ukraine in November 2024."
    (f,) = facts_of(text, indicator="transfer")
    assert (f.state, f.attributes["recipient"]) == ("USA", "UKR")


def test_news_of_a_state_taken_in_is_that_states() -> None:
    text = "Delegates welcomed news that Chile had completed the clearance of all mined areas in 2023."
    assert [(f.state, f.indicator) for f in facts_of(text, state=None)] == [("CHL", "mine_action")]
