"""Quantities: value, unit and qualifier kept apart, in the ways reports write them."""

from __future__ import annotations

import pytest

from minewatch.extract.numbers import find


def one(text: str):
    found = find(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("held just over 3 million antipersonnel mines", 3_000_000, "mines", "just over"),
        ("a stock of just more than 1.2 million landmines", 1_200_000, "mines", "just over"),
        ("approximately 10.4 million antipersonnel mines", 10_400_000, "mines", "approximately"),
        ("nearly 80,000 M16A1 antipersonnel mines", 80_000, "mines", "nearly"),
        ("it used 117,634 antipersonnel mines", 117_634, "mines", None),
        ("more than 5.6 million mines", 5_600_000, "mines", "more than"),
        ("over 20,000 anti-vehicle mines", 20_000, "mines", "more than"),
        ("some 1,200 hectares were released", 1_200, "hectares", "approximately"),
        ("at least 96 munitions", 96, "mines", "at least"),
        ("almost 4,000 mines", 4_000, "mines", "nearly"),
        ("fewer than 500 landmines", 500, "mines", "less than"),
        ("a shelf-life of 36 years", 36, "years", None),
        ("three self-destruct times", 3, "times", None),
        ("to 38 countries", 38, "countries", None),
        ("a single antipersonnel mine", 1, "mines", None),
        ("twelve mines were found", 12, "mines", None),
    ],
)
def test_quantities(text: str, value: float, unit: str, approx: str | None) -> None:
    q = one(text)
    assert (q.value, q.unit, q.approx) == (value, unit, approx)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$2 billion", 2e9),
        ("$1.9 million", 1.9e6),
        ("US$156 million", 156e6),
        ("approximately 2 billion dollars", 2e9),
        ("USD 4.5 million", 4.5e6),
    ],
)
def test_money_is_usd(text: str, value: float) -> None:
    q = one(text)
    assert q.unit == "USD" and q.value == pytest.approx(value)


def test_euro_and_pound_keep_their_currency() -> None:
    assert one("€3 million").unit == "EUR"
    assert one("£250,000").unit == "GBP"


def test_ranges_keep_both_ends() -> None:
    q = one("between 2,000 and 3,000 mines")
    assert (q.value, q.high, q.unit) == (2_000, 3_000, "mines")
    q = one("$5-10 million")
    assert (q.value, q.high, q.unit) == (5e6, 10e6, "USD")


def test_two_counts_joined_by_and_are_not_a_range() -> None:
    found = find("at least 12 M14 mines and 40 M16A1 mines were destroyed")
    assert [(q.value, q.high, q.approx) for q in found] == [(12, None, "at least"), (40, None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "in 1997 the treaty was adopted",  # a year is a date
        "Resolution 74/61 was adopted",  # an identifier
        "the M16A1 and CBU-89 are types",  # model numbers
        "GAO-02-1003 is a report",
        "one of the states",  # a bare number word
    ],
)
def test_not_quantities(text: str) -> None:
    assert find(text) == []


def test_spans_are_offsets_into_the_text() -> None:
    text = "The army holds nearly 4,000 mines."
    q = one(text)
    assert text[q.start : q.end] == "nearly 4,000 mines"
    shifted = find(text, offset=100)[0]
    assert (shifted.start, shifted.end) == (q.start + 100, q.end + 100)


def test_a_text_known_to_hold_no_number_word_gives_the_same_figures() -> None:
    text = "destroyed us$2.5 million of stocks, 3,000 mines and USD 40 in 2019"
    assert [(q.value, q.unit, q.start) for q in find(text, words=False)] == [
        (q.value, q.unit, q.start) for q in find(text)
    ]
    assert len(find(text)) == 3


def test_a_range_repeating_its_currency_is_one_quantity() -> None:
    q = one("between £40 million and £45 million")
    assert (q.value, q.high, q.unit) == (40e6, 45e6, "GBP")


def test_a_number_word_with_a_scale_is_a_quantity_without_a_unit() -> None:
    (q,) = find("its last mines, about one million in all")
    assert (q.value, q.unit, q.approx) == (1_000_000, None, "approximately")


def test_types_of_mines_are_no_count_of_mines_and_euro_codes_are_money() -> None:
    (types,) = find("has used at least 13 types of antipersonnel mines")
    assert (types.value, types.unit) == (13, None)
    (money,) = find("pledged a further EUR 10 million for victim assistance")
    assert (money.value, money.unit) == (10_000_000, "EUR")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the ministry spent 40 million baht on survey", 40_000_000, "THB"),
        ("a grant of 12 million Norwegian kroner", 12_000_000, "NOK"),
        ("pledged 3.5 million euros", 3_500_000, "EUR"),
        ("some 800 million yen in all", 800_000_000, "JPY"),
    ],
)
def test_a_currency_named_after_the_amount_is_its_unit(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_year_after_a_or_per_is_no_unit_of_the_number():
    assert one("up from 2,100 a year before").unit is None
    assert one("about 5,000 per year").unit is None
    assert one("for 36 years").unit == "years"
