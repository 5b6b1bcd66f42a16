"""The 2014 and 2020 US policies side by side, provision by provision, each with its passages."""

from __future__ import annotations

import pytest

from minewatch.analyze.policy_diff import effective, policy_diff, version_at, versions
from tests.review.make import document, fact

# provision: (2014 value, 2020 values accepted, direction); where each may use mines is geographic_scope
EXPECTED = {
    "geographic_scope": ("Korean Peninsula only", {"anywhere"}, "loosened"),
    "use_authorization": ("President", {"combatant commanders"}, "loosened"),
    "production": ("banned", {"allowed"}, "loosened"),
    "acquisition": ("banned", {"allowed"}, "loosened"),
    "accession_goal": ("join the treaty", {"abandoned"}, "loosened"),
}


@pytest.fixture(scope="module")
def diff(reviewed):
    return policy_diff(reviewed.state_facts("USA", ["accepted"], ["policy"]), 2014, 2020)


def prov(diff: dict, name: str) -> dict | None:
    return next((r for r in diff["provisions"] if r["provision"] == name), None)


def stated(row: dict | None, name: str) -> dict:
    """The row, which must have a passage of its own on both sides."""
    assert row is not None, f"no {name} provision in either version"
    assert row["old"]["facts"] and row["new"]["facts"], f"{name}: a side has no passage"
    assert not row["new"]["inherited"], f"{name}: 2020 only inherits the 2014 value"
    return row


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_provision(diff, name):
    old, new, direction = EXPECTED[name]
    r = stated(prov(diff, name), name)
    assert r["old"]["value"] == old
    assert r["new"]["value"] in new
    assert (r["status"], r["direction"]) == ("changed", direction)
    assert all(f["quote"] and f["doc"] for f in r["new"]["facts"] + r["old"]["facts"])


def test_2020_transfer_rule_is_stated_in_2020(diff):
    r = prov(diff, "transfer")
    assert r["new"]["value"] in {"as US law provides", "as national law allows"}
    assert r["new"]["stated_in"] == 2020 and r["status"] in ("changed", "new")


def test_presidential_authorization_stated_about_1996_applies_to_2014(diff):
    r = prov(diff, "use_authorization")
    assert r["old"]["stated_in"] in (1996, 2014)  # a 1996 version, or the 2014 one "since 1996"
    assert r["old"]["stated_in"] == 1996 or any(f["period_start"] == "1996-01-01" for f in r["old"]["facts"])
    assert r["new"]["stated_in"] == 2020 and not r["new"]["inherited"]


def test_persistence_and_silence(diff):
    assert prov(diff, "persistence")["new"]["value"] == "non-persistent only"
    destruction = prov(diff, "stockpile_destruction")
    assert "destroy stocks not needed for Korea" in destruction["old"]["values"]
    assert destruction["status"] == "not restated" and destruction["new"]["stated_in"] == 2014
    assert diff["direction"] == "loosened"


def test_inheritance_ranks_and_effective_dates_on_built_facts(store):
    doc = document(store)
    fs = [
        fact(
            doc, "policy", "1996 policy", "1996", version=1996, provisions={"use_authorization": "President"}
        ),
        fact(
            doc,
            "policy",
            "2014 policy",
            "2014",
            start=5,
            version=2014,
            provisions={"geographic_scope": "Korean Peninsula only", "transfer": "as US law provides"},
        ),
        fact(
            doc,
            "policy",
            "2020 policy",
            "2020-01-31",
            start=9,
            version=2020,
            provisions={"geographic_scope": "anywhere", "transfer": "as national law allows", "x": "y"},
        ),
    ]
    for i, f in enumerate(fs):
        f.id = i + 1
    vs = versions(fs)
    assert [(v.version, v.effective) for v in vs] == [
        (1996, "1996-01-01"),
        (2014, "2014-01-01"),
        (2020, "2020-01-31"),
    ]
    assert version_at(vs, "2020-01-30").version == 2014 and version_at(vs, "2020-01-31").version == 2020
    assert version_at(vs, "1990-01-01") is None
    assert effective(vs, 2020)["use_authorization"]["stated_in"] == 1996
    d = policy_diff(fs, 2014, 2020)
    assert prov(d, "use_authorization")["status"] == "not restated"
    assert prov(d, "geographic_scope")["direction"] == "loosened"
    assert prov(d, "transfer")["status"] == "unchanged"  # ranked equal: the same rule in other words
    assert prov(d, "x")["status"] == "new"
    assert d["direction"] == "loosened"
    assert policy_diff(fs, 2020, 2014)["direction"] == "tightened"
    with pytest.raises(KeyError, match="2009"):
        policy_diff(fs, 2009, 2020)
