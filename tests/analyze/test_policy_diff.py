"""The 2014 and 2020 US policies side by side, provision by provision, each with its passages."""

from __future__ import annotations

import pytest

from minewatch.analyze.policy_diff import effective, policy_diff, version_at, versions
from tests.review.make import document, fact

EXPECTED = {
    # provision: (2014, 2020, status, direction)
    "geographic_scope": ("Korean Peninsula only", "anywhere", "changed", "loosened"),
    "use_authorization": ("President", "combatant commanders", "changed", "loosened"),
    "use": ("restricted", "allowed", "changed", "loosened"),
    "production": ("banned", "allowed", "changed", "loosened"),
    "acquisition": ("banned", "allowed", "changed", "loosened"),
    "transfer": ("no assistance outside Korea", "as US law provides", "changed", "loosened"),
}


@pytest.fixture(scope="module")
def diff(reviewed):
    return policy_diff(reviewed.state_facts("USA", ["accepted"], ["policy"]), 2014, 2020)


def prov(diff: dict, name: str) -> dict:
    return next(r for r in diff["provisions"] if r["provision"] == name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_provision(diff, name):
    old, new, status, direction = EXPECTED[name]
    r = prov(diff, name)
    assert (r["old"]["value"], r["new"]["value"], r["status"], r["direction"]) == (
        old,
        new,
        status,
        direction,
    )
    assert r["new"]["facts"] and all(f["quote"] for f in r["new"]["facts"] + r["old"]["facts"])


def test_presidential_authorization_stated_about_1996_applies_to_2014(diff):
    r = prov(diff, "use_authorization")
    assert r["old"]["stated_in"] == 1996 and r["old"]["inherited"]
    assert r["new"]["stated_in"] == 2020 and not r["new"]["inherited"]


def test_persistence_and_silence(diff):
    assert prov(diff, "persistence")["new"]["value"] == "non-persistent only"
    destruction = prov(diff, "stockpile_destruction")
    assert set(destruction["old"]["values"]) == {"destroy stocks not needed for Korea", "no life extension"}
    assert destruction["status"] == "not restated" and destruction["new"]["stated_in"] == 2014
    assert diff["direction"] == "loosened"


@pytest.mark.xfail(
    reason="extraction: the sentence saying the 2020 policy took the US off the path to the treaty "
    "names no policy version, so no 2020 accession_goal provision is extracted",
    strict=False,
)
def test_2020_abandoned_the_accession_goal(diff):
    r = prov(diff, "accession_goal")
    assert (r["old"]["value"], r["new"]["value"]) == ("join the treaty", "abandoned")


def test_inheritance_and_effective_dates_on_built_facts(store):
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
            provisions={"geographic_scope": "Korean Peninsula only"},
        ),
        fact(
            doc,
            "policy",
            "2020 policy",
            "2020-01-31",
            start=9,
            version=2020,
            provisions={"geographic_scope": "anywhere"},
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
    assert policy_diff(fs, 2020, 2014)["direction"] == "tightened"
    with pytest.raises(KeyError, match="2009"):
        policy_diff(fs, 2009, 2020)
