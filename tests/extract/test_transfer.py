"""``transfer``: exports with counts and destinations, moratoria, denials."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def test_exports_with_range_and_destinations() -> None:
    (f,) = facts_of(
        "Between 1980 and 1995 Italy exported more than 2.5 million antipersonnel mines to 20 countries.",
        indicator="transfer",
    )
    assert (f.state, f.value, f.approx, f.when.start[:4], f.when.end[:4]) == (
        "ITA",
        2_500_000,
        "more than",
        "1980",
        "1995",
    )
    assert f.attributes == {"direction": "export", "countries": 20}


def test_moratorium() -> None:
    (f,) = facts_of(
        "Since March 1996, Russia has observed a moratorium on the export of antipersonnel mines.",
        indicator="transfer",
    )
    assert (f.state, f.value, f.when.precision) == ("RUS", "export moratorium", "since")


def test_denied_transfer() -> None:
    (f,) = facts_of("China has not exported antipersonnel mines since 1996.", indicator="transfer")
    assert (f.state, f.polarity, f.when.start) == ("CHN", "denied", "1996-01-01")


def test_a_policy_promise_is_no_transfer() -> None:
    assert (
        facts_of(
            "The new policy states that it will not transfer mines in 2020.",
            state="USA",
            indicator="transfer",
        )
        == []
    )
