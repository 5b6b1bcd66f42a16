"""``policy``: versions, dates and provisions in the provision vocabulary, clause by clause."""

from __future__ import annotations

from minewatch.extract.policy import provisions
from minewatch.vocab.loader import load_provisions
from tests.extract.conftest import facts_of


def policies(text: str, **kw) -> list[tuple[int, dict, str | None]]:
    return [
        (f.attributes["version"], f.attributes["provisions"], f.when.start if f.when else None)
        for f in facts_of(text, indicator="policy", **kw)
    ]


def test_provision_values_come_from_the_vocabulary() -> None:
    vocab = load_provisions()
    found = provisions(
        "The directive allows the army to develop and produce mines, but only non-persistent ones, anywhere in the world."
    )
    assert found == {
        "geographic_scope": "anywhere",
        "persistence": "non-persistent only",
        "development": "allowed",
        "production": "allowed",
    }
    for name, value in found.items():
        assert value in [v for v, _ in vocab[name].values]


def test_a_reversal_is_not_the_provision_it_undoes() -> None:
    assert "production" not in provisions(
        "The government is rolling back prohibitions on landmine production."
    )


def test_an_issued_version_and_its_provisions() -> None:
    got = policies(
        "On 12 May 2011, the government announced a new landmine policy banning production and acquisition of mines.",
        state="KOR",
    )
    assert got == [(2011, {"production": "banned", "acquisition": "banned"}, "2011-05-12")]


def test_later_sentences_refer_to_the_version_named_before() -> None:
    text = (
        "Under the 2011 policy, the army committed not to use mines outside of the Korean Peninsula. "
        "It also committed to no future acquisition of antipersonnel mines."
    )
    got = policies(text, state="USA")
    assert [(v, p) for v, p, _ in got] == [
        (2011, {"geographic_scope": "Korean Peninsula only"}),
        (2011, {"acquisition": "banned"}),
    ]


def test_previous_policy_is_the_version_before() -> None:
    text = (
        "In 2009 the defense ministry issued a landmine policy. In 2017 the defense ministry issued a new landmine policy. "
        "The 2017 policy lowers the authority to approve use to regional commanders; the previous policy required authorization at the Presidential level."
    )
    got = policies(text, state="USA")
    assert (2017, {"use_authorization": "combatant commanders"}) in [(v, p) for v, p, _ in got]
    assert (2009, {"use_authorization": "President"}) in [(v, p) for v, p, _ in got]


def test_administrations_name_their_versions() -> None:
    text = (
        "In 2016, the Lopez administration released a revised landmine policy that rejected the treaty's ban. "
        "The Lopez policy also phased out persistent mines."
    )
    got = policies(text, state="PHL")
    assert (2016, {"persistence": "non-persistent only"}) in [(v, p) for v, p, _ in got]


def test_no_version_no_fact() -> None:
    assert policies("Officials said the army could produce mines.", state="USA") == []


def test_may_produce_is_allowed() -> None:
    assert provisions("Under the decree the army may acquire and produce antipersonnel mines.") == {
        "production": "allowed",
        "acquisition": "allowed",
    }


def test_a_ban_on_a_thing_is_not_a_requirement_for_it() -> None:
    assert "persistence" not in provisions("The policy banned the production of non-persistent mines.")
    assert provisions("The policy allows only non-persistent mines.") == {
        "persistence": "non-persistent only"
    }


def test_a_list_of_banned_activities_bans_each() -> None:
    assert provisions("The country will not develop, produce, or acquire antipersonnel mines.") == {
        "development": "banned",
        "production": "banned",
        "acquisition": "banned",
    }
    assert provisions(
        "The president will prohibit the development, production, and acquisition of mines."
    ) == {
        "production": "banned",
        "acquisition": "banned",
    }
    assert "production" not in provisions("The policy does not prohibit production of these mines.")


def test_a_policy_announced_today_is_the_documents_years_version() -> None:
    text = (
        "Today, the administration is announcing an important step to limit the country's use of antipersonnel "
        "landmines. The United States will align its policy concerning use outside of the Korean Peninsula with "
        "key provisions of the Ottawa Convention."
    )
    versions = {
        f.attributes["version"] for f in facts_of(text, state="USA", on="2022-06-21", indicator="policy")
    }
    assert versions == {2022}


def test_provisions_right_after_a_named_version_are_that_version_s_and_which_clauses_keep_theirs() -> None:
    text = (
        "South Korea revised its landmine policy.\n\n"
        "Under the 2025 policy, the armed forces will no longer produce antipersonnel mines and will not export them. "
        "Mines may be used only on the Korean Peninsula.\n\n"
        "The policy replaces the 2019 policy, which allowed production to continue."
    )
    got = [(f.value, f.attributes["provisions"]) for f in facts_of(text, indicator="policy")]
    assert got == [
        ("2025 policy", {"production": "banned", "transfer": "banned"}),
        ("2025 policy", {"geographic_scope": "Korean Peninsula only"}),
        ("2019 policy", {"production": "allowed"}),
    ]
